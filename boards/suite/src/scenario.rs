//! The scenarios and helper modules, as the build script froze them.

use vm_core::frozen::{FrozenCode, FrozenModule};

/// How a script is frozen into the firmware and run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    /// Source text, compiled on the board (feature `source`).
    #[cfg(feature = "source")]
    Source,
    /// Bytecode compiled at build time (feature `bytecode`).
    #[cfg(feature = "bytecode")]
    Bytecode,
}

impl Form {
    /// Its name in the result lines.
    pub fn name(self) -> &'static str {
        match self {
            #[cfg(feature = "source")]
            Form::Source => "source",
            #[cfg(feature = "bytecode")]
            Form::Bytecode => "bytecode",
        }
    }

    /// The helper modules (`boards/modules`) frozen in this form.
    pub fn modules(self) -> &'static [FrozenModule] {
        match self {
            #[cfg(feature = "source")]
            Form::Source => SOURCE_MODULES,
            #[cfg(feature = "bytecode")]
            Form::Bytecode => BYTECODE_MODULES,
        }
    }
}

/// The forms every scenario runs in, one after the other: source first,
/// so that the bytecode run can be compared with it.
pub const FORMS: &[Form] = &[
    #[cfg(feature = "source")]
    Form::Source,
    #[cfg(feature = "bytecode")]
    Form::Bytecode,
];

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
    #[cfg(feature = "source")]
    pub source: &'static str,
    /// The script's bytecode (an `.ebc` file).
    #[cfg(feature = "bytecode")]
    pub bytecode: &'static [u8],
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
include!(concat!(env!("OUT_DIR"), "/modules.rs"));

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
                "B01", "B02", "B03", "B04"
            ]
        );
        let s11 = &SCENARIOS[10];
        assert_eq!(s11.max_threads, Some(8));
        let s13 = &SCENARIOS[11];
        assert_eq!((s13.exit_status, s13.file), (1, "S13.py"));
        assert_eq!(SCENARIOS[12].toggles, Some(Toggles { pin: 25, count: 20 }));
        #[cfg(feature = "source")]
        assert!(SCENARIOS.iter().all(|s| !s.source.is_empty()));
        #[cfg(feature = "bytecode")]
        assert!(
            SCENARIOS
                .iter()
                .all(|s| vm_core::ebc::read(s.bytecode).is_ok_and(|c| c.filename == s.file))
        );
    }

    #[test]
    fn helper_modules_are_frozen_in_every_form() {
        for form in FORMS {
            let names: alloc::vec::Vec<&str> = form.modules().iter().map(|m| m.name).collect();
            assert_eq!(names, ["filters"], "{form:?}");
        }
    }
}
