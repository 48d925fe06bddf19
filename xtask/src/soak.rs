//! `cargo xtask soak --minutes N`: S01, S06 and S09 in long-lived processes
//! (one per scenario and host backend, each repeating its scenario for the
//! whole soak), with the figures printed every minute. They must stay flat:
//! the VM heap back at its baseline after every run, no live task, and the
//! process allocator's figure no higher in the last minute than in the
//! first, and every process finishing runs every minute (one that stops or
//! hangs fails the soak).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::conformance::BACKENDS;
use crate::util::{build_emberpy, root};

/// Command-line options.
#[derive(clap::Args, Debug)]
pub struct Options {
    /// How long to soak.
    #[arg(long, default_value_t = 30)]
    pub minutes: u64,
    /// Only this backend (repeatable).
    #[arg(long)]
    pub backend: Vec<String>,
}

const SCENARIOS: [&str; 3] = ["S01", "S06", "S09"];

/// What a process's standard error says.
enum Report {
    /// The `--stats` figures of one finished run.
    Run(BTreeMap<String, i64>),
    /// The process ended (it never should during a soak), with the lines
    /// it wrote that were not figures.
    Ended(Vec<String>),
}

/// Figures of one (backend, scenario) process over one minute.
#[derive(Default, Clone)]
struct Window {
    runs: u64,
    alloc_min: i64,
    alloc_max: i64,
    worst_latency_us: i64,
    problems: Vec<String>,
}

/// Run the soak.
pub fn run(options: &Options) -> Result<(), String> {
    let backends: Vec<String> = if options.backend.is_empty() {
        BACKENDS.iter().map(|b| b.to_string()).collect()
    } else {
        options.backend.clone()
    };
    let (tx, rx) = mpsc::channel::<(String, Report)>();
    let mut children: Vec<Child> = Vec::new();
    let mut keys = Vec::new();
    for backend in &backends {
        let binary = build_emberpy(backend)?;
        for scenario in SCENARIOS {
            let script = format!("conformance/scenarios/{scenario}.py");
            let mut child = Command::new(&binary)
                .current_dir(root())
                .args(["--stats", "--repeat", "100000000", &script])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
            let stderr = child.stderr.take().ok_or("no stderr")?;
            let key = format!("{backend}/{scenario}");
            keys.push(key.clone());
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut other = Vec::new();
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    let Some(fields) = line.strip_prefix("emberpy-stats: ") else {
                        other.push(line);
                        continue;
                    };
                    let map = fields
                        .split_whitespace()
                        .filter_map(|kv| kv.split_once('='))
                        .filter_map(|(k, v)| v.parse().ok().map(|v| (k.to_string(), v)))
                        .collect();
                    if tx.send((key.clone(), Report::Run(map))).is_err() {
                        return;
                    }
                }
                let _ = tx.send((key, Report::Ended(other)));
            });
            children.push(child);
        }
    }
    drop(tx);
    let result = watch(&rx, &keys, options.minutes);
    for mut c in children {
        let _ = c.kill();
        let _ = c.wait();
    }
    result
}

/// Print the figures of the processes named `keys` every minute, checking
/// them as they come.
fn watch(
    rx: &mpsc::Receiver<(String, Report)>,
    keys: &[String],
    minutes: u64,
) -> Result<(), String> {
    let start = Instant::now();
    let mut first: BTreeMap<String, Window> = BTreeMap::new();
    let mut total_runs: BTreeMap<String, u64> = BTreeMap::new();
    let mut failures = Vec::new();
    println!(
        "| minute | process      |      runs | total runs | alloc bytes (min–max) | worst exit (ms) | problems"
    );
    for minute in 1..=minutes.max(1) {
        let deadline = start + Duration::from_secs(60 * minute);
        let mut window: BTreeMap<String, Window> = BTreeMap::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Ok((key, report)) = rx.recv_timeout(left) else {
                break;
            };
            let stats = match report {
                Report::Run(stats) => stats,
                Report::Ended(stderr) => {
                    let last: Vec<&str> = stderr
                        .iter()
                        .rev()
                        .take(5)
                        .rev()
                        .map(|l| l.as_str())
                        .collect();
                    let failure = format!(
                        "minute {minute}, {key}: the process ended; its last lines:\n  {}",
                        last.join("\n  ")
                    );
                    eprintln!("{failure}");
                    failures.push(failure);
                    continue;
                }
            };
            let w = window.entry(key).or_insert_with(|| Window {
                alloc_min: i64::MAX,
                alloc_max: i64::MIN,
                ..Window::default()
            });
            w.runs += 1;
            let get = |k: &str| stats.get(k).copied().unwrap_or(-1);
            let alloc = get("alloc_bytes");
            w.alloc_min = w.alloc_min.min(alloc);
            w.alloc_max = w.alloc_max.max(alloc);
            w.worst_latency_us = w.worst_latency_us.max(get("exit_latency_us"));
            if get("heap_after") != get("heap_baseline") {
                w.problems.push(String::from("heap above baseline"));
            }
            if get("tasks_live") != 0 || get("threads_live") != 0 {
                w.problems.push(String::from("live threads or tasks"));
            }
            if stats
                .get("freertos_free_heap_delta")
                .is_some_and(|d| *d != 0)
            {
                w.problems.push(String::from("FreeRTOS heap delta"));
            }
        }
        // A process that finished no run this minute has stopped or hung.
        for key in keys {
            if !window.contains_key(key) {
                window.insert(
                    key.clone(),
                    Window {
                        alloc_min: 0,
                        alloc_max: 0,
                        problems: vec![String::from("no run finished this minute")],
                        ..Window::default()
                    },
                );
            }
        }
        for (key, w) in &window {
            *total_runs.entry(key.clone()).or_default() += w.runs;
            let mut problems = w.problems.clone();
            problems.dedup();
            if let Some(f) = first.get(key) {
                if w.runs > 0 && w.alloc_max > f.alloc_max {
                    problems.push(format!("allocator grew {} → {}", f.alloc_max, w.alloc_max));
                }
            } else if w.runs > 0 {
                first.insert(key.clone(), w.clone());
            }
            println!(
                "| {minute:>6} | {key:<12} | {:>9} | {:>10} | {:>10} – {:<10} | {:>15.3} | {}",
                w.runs,
                total_runs[key],
                w.alloc_min,
                w.alloc_max,
                w.worst_latency_us as f64 / 1000.0,
                problems.join(", ")
            );
            failures.extend(
                problems
                    .into_iter()
                    .map(|p| format!("minute {minute}, {key}: {p}")),
            );
        }
    }
    if failures.is_empty() {
        println!("soak: figures flat for {minutes} minute(s)");
        Ok(())
    } else {
        for f in &failures {
            eprintln!("FAIL {f}");
        }
        Err(format!("{} soak problem(s)", failures.len()))
    }
}
