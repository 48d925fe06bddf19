//! The FreeRTOS backend on the host (Posix port), with a mock interpreter.
//!
//! FreeRTOS tasks need `panic = "abort"`, which test harnesses never have,
//! so each test runs the `freertos-check` binary as a child process and
//! checks the figures it prints (one `key=value` line per run).
#![cfg(freertos_posix)]

use std::collections::BTreeMap;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Figures = BTreeMap<String, i64>;

/// Run `freertos-check SCENARIO RUNS` and parse its lines; fail when it
/// does not finish within `limit`.
fn check(scenario: &str, runs: u32, limit: Duration) -> Vec<Figures> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_freertos-check"))
        .args([scenario, &runs.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start freertos-check");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for freertos-check") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`freertos-check {scenario}` did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut stdout)
        .expect("read stdout");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    assert!(
        status.success(),
        "`freertos-check {scenario}` failed ({status}):\n{stdout}{stderr}"
    );
    let lines: Vec<Figures> = stdout
        .lines()
        .filter(|l| l.starts_with("run="))
        .map(|l| {
            l.split_whitespace()
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_string(), v.parse().expect("a number")))
                .collect()
        })
        .collect();
    assert_eq!(lines.len(), runs as usize, "one line per run:\n{stdout}");
    lines
}

/// What must hold after every run: no thread or task left, every task
/// reaped, the FreeRTOS free heap back at its baseline.
fn assert_clean(f: &Figures) {
    assert_eq!(f["threads_live"], 0, "{f:?}");
    assert_eq!(f["live"], 0, "{f:?}");
    assert_eq!(f["spawned"], f["reaped"], "{f:?}");
    assert!(f["free_heap_baseline"] > 0, "{f:?}");
    assert_eq!(f["free_heap_after"], f["free_heap_baseline"], "{f:?}");
}

#[test]
fn a_wake_ends_a_wait_at_once_and_is_not_lost_before_the_wait() {
    // `wake` also starts a thread that is woken before its task first
    // waits: were that notification lost, the run would never end.
    let f = &check("wake", 1, Duration::from_secs(20))[0];
    assert_clean(f);
    assert_eq!(f["spawned"], 3);
    assert!(f["wake_latency_us"] < 5_000, "{f:?}");
}

#[test]
fn a_sleeping_child_is_cancelled_and_run_returns_promptly() {
    let f = &check("seed", 1, Duration::from_secs(20))[0];
    assert_clean(f);
    assert_eq!(f["spawned"], 2);
    assert!(
        f["exit_latency_us"] >= 0 && f["exit_latency_us"] < 50_000,
        "{f:?}"
    );
}

#[test]
fn a_spinning_child_does_not_starve_main() {
    let f = &check("spin", 1, Duration::from_secs(20))[0];
    assert_clean(f);
    assert!(f["spinner_slices"] > 1, "{f:?}");
    assert!(f["exit_latency_us"] < 50_000, "{f:?}");
}

#[test]
fn finished_tasks_are_deleted_by_the_supervisor_without_the_idle_task() {
    // Main never waits in this scenario, so the idle task never runs; still
    // the heap is back where it was before each spawn once the child has
    // been reaped.
    let f = &check("churn", 1, Duration::from_secs(30))[0];
    assert_clean(f);
    assert_eq!(f["spawned"], 201);
    assert_eq!(f["churn_heap_mismatches"], 0, "{f:?}");
    assert!(f["peak_threads"] <= 2, "{f:?}");
    assert_eq!(f["huge_spawn_failed"], 1, "{f:?}");
    assert_eq!(f["huge_spawn_heap_delta"], 0, "{f:?}");
}

#[test]
fn a_host_stop_reaches_main_while_children_sleep_spin_and_block() {
    let f = &check("stop", 1, Duration::from_secs(20))[0];
    assert_clean(f);
    assert_eq!(f["spawned"], 4);
    assert!(f["stop_latency_us"] < 100_000, "{f:?}");
    assert!(f["exit_latency_us"] < 50_000, "{f:?}");
}

#[test]
fn repeated_runs_in_one_process_give_identical_figures() {
    let runs = check("seed", 200, Duration::from_secs(60));
    for f in &runs {
        assert_clean(f);
    }
    let first = &runs[1];
    for (i, f) in runs.iter().enumerate().skip(1) {
        assert_eq!(
            f["spawned"],
            2 * (i as i64 + 1),
            "counters add up over runs"
        );
        for key in ["free_heap_baseline", "free_heap_after", "alloc_live"] {
            // Run 0 is compared too for the FreeRTOS heap; the Rust heap
            // grows once after it, when the first line is printed.
            assert_eq!(f[key], first[key], "{key} at run {i}: {f:?}");
        }
    }
    assert_eq!(runs[0]["free_heap_baseline"], first["free_heap_baseline"]);
    assert_eq!(runs[0]["free_heap_after"], first["free_heap_after"]);
}
