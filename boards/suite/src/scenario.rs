//! The scenarios, as the build script froze them.

/// Transitions a scenario must cause on one output pin.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Toggles {
    /// The pin number, as `machine.Pin` takes it.
    pub pin: u32,
    /// How many times its level must change.
    pub count: u32,
}

/// One scenario: a script and what must hold after it ran.
#[derive(Debug)]
pub struct Scenario {
    /// `S01`, `B02`, …
    pub id: &'static str,
    /// One line saying what it does.
    pub title: &'static str,
    /// The script's file name, for tracebacks.
    pub file: &'static str,
    /// The script.
    pub source: &'static str,
    /// Expected standard output of one run.
    pub stdout: &'static str,
    /// Expected standard error of one run; `*` matches any run of
    /// characters within a line.
    pub stderr: &'static str,
    /// Expected exit status.
    pub exit_status: i32,
    /// Longest time from the main thread's end to the run's end.
    pub max_exit_latency_ms: u64,
    /// Most Python threads alive at once.
    pub max_peak_threads: usize,
    /// Runs in a row on one VM (a board may run fewer).
    pub repeat: u32,
    /// The VM's thread limit, when the scenario sets one.
    pub max_threads: Option<usize>,
    /// Pin transitions the scenario must cause, when it drives a pin.
    pub toggles: Option<Toggles>,
}

include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_runnable_scenario_is_frozen_in() {
        let ids: alloc::vec::Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                "S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11", "S13",
                "B01", "B02"
            ]
        );
        let s11 = &SCENARIOS[10];
        assert_eq!(s11.max_threads, Some(8));
        let s13 = &SCENARIOS[11];
        assert_eq!((s13.exit_status, s13.file), (1, "S13.py"));
        assert_eq!(SCENARIOS[12].toggles, Some(Toggles { pin: 25, count: 20 }));
        assert!(SCENARIOS.iter().all(|s| !s.source.is_empty()));
    }
}
