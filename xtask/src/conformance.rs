//! The thread conformance suite: every scenario of `conformance/scenarios`
//! (THREADS.md S01–S13) against every backend, each run in its own process.
//!
//! A scenario is data: `Snn.py` and `Snn.toml` with the expected output,
//! exit status and the figures that must hold. The runner reads the figures
//! from the `emberpy-stats:` line the CLI prints after each run.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde::Deserialize;

use crate::util::{build_emberpy, build_emberpy_with, root};

/// The backends the suite covers.
pub const BACKENDS: [&str; 3] = ["std", "embassy", "freertos"];

/// Command-line options.
#[derive(clap::Args, Default, Debug)]
pub struct Options {
    /// Only this backend (repeatable).
    #[arg(long)]
    pub backend: Vec<String>,
    /// Only this scenario, e.g. S01 (repeatable).
    #[arg(long)]
    pub scenario: Vec<String>,
    /// Run each scenario this many times in one process (overrides the
    /// scenario's own repeat count).
    #[arg(long)]
    pub repeat: Option<u32>,
    /// Build emberpy with each injected fault and show the suite catches it.
    #[arg(long)]
    pub self_test: bool,
    /// Run the resource-limit scenarios (`conformance/limits`) instead.
    #[arg(long)]
    pub limits: bool,
}

/// Self-test faults: the cargo feature, the scenario that must catch it and
/// a word the failure must contain.
const FAULTS: [(&str, &str, &str); 3] = [
    ("fault-leak-frame", "S01", "heap grew"),
    ("fault-no-wake", "S01", "exit latency"),
    ("fault-skip-reap", "S01", "did not finish"),
];

/// How long one scenario process may run.
const TIMEOUT: Duration = Duration::from_secs(120);
/// The shorter limit of the self-test, where a hang is the expected failure.
const SELF_TEST_TIMEOUT: Duration = Duration::from_secs(20);

/// A scenario's expectations, from its TOML file.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Spec {
    title: String,
    #[serde(default)]
    exit_status: i32,
    stdout: String,
    #[serde(default)]
    stderr: String,
    max_exit_latency_ms: u64,
    max_peak_threads: u64,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    repeat: Option<u32>,
    #[serde(default)]
    stop_after_line: Option<String>,
}

/// One scenario loaded from disk.
struct Scenario {
    id: String,
    script: PathBuf,
    spec: Spec,
}

/// One result row.
struct Row {
    id: String,
    failures: Vec<String>,
    latency_us: u64,
    peak_threads: u64,
    heap_delta: i64,
    task_delta: i64,
    runs: usize,
}

fn load(filter: &[String], limits: bool) -> Result<Vec<Scenario>, String> {
    let dir = root()
        .join("conformance")
        .join(if limits { "limits" } else { "scenarios" });
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !filter.is_empty() && !filter.iter().any(|f| f.eq_ignore_ascii_case(&id)) {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let spec: Spec = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(Scenario {
            script: path.with_extension("py"),
            id,
            spec,
        });
    }
    if out.is_empty() {
        return Err(String::from("no scenario matched"));
    }
    Ok(out)
}

/// Run the suite; fail when any row fails.
pub fn run(options: &Options) -> Result<(), String> {
    if options.self_test {
        return self_test(options);
    }
    let scenarios = load(&options.scenario, options.limits)?;
    let backends: Vec<String> = if options.backend.is_empty() {
        BACKENDS.iter().map(|b| b.to_string()).collect()
    } else {
        options.backend.clone()
    };
    let mut failed = Vec::new();
    for backend in &backends {
        let binary = build_emberpy(backend)?;
        let rows: Vec<Row> = scenarios
            .iter()
            .map(|s| run_scenario(&binary, s, options.repeat, TIMEOUT))
            .collect();
        print_table(backend, &scenarios, &rows);
        for r in &rows {
            for f in &r.failures {
                failed.push(format!("{backend}/{}: {f}", r.id));
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        for f in &failed {
            eprintln!("FAIL {f}");
        }
        Err(format!("{} conformance check(s) failed", failed.len()))
    }
}

/// Build with each fault; the suite must fail, on the right scenario.
fn self_test(options: &Options) -> Result<(), String> {
    let scenarios = load(&options.scenario, options.limits)?;
    let backends: Vec<String> = if options.backend.is_empty() {
        BACKENDS.iter().map(|b| b.to_string()).collect()
    } else {
        options.backend.clone()
    };
    let mut missed = Vec::new();
    println!("| backend  | fault              | caught by | failure");
    for backend in &backends {
        for (fault, scenario, word) in FAULTS {
            let binary = build_emberpy_with(backend, Some(fault))?;
            let wanted: Vec<&Scenario> = scenarios.iter().filter(|s| s.id == scenario).collect();
            let rows: Vec<Row> = wanted
                .iter()
                .map(|s| run_scenario(&binary, s, Some(1), SELF_TEST_TIMEOUT))
                .collect();
            let hit = rows
                .iter()
                .flat_map(|r| r.failures.iter().map(move |f| (r.id.as_str(), f)))
                .find(|(_, f)| f.contains(word));
            match hit {
                Some((id, f)) => println!(
                    "| {backend:<8} | {fault:<18} | {id:<9} | {}",
                    f.lines().next().unwrap_or("")
                ),
                None => {
                    println!("| {backend:<8} | {fault:<18} | NOT CAUGHT |");
                    missed.push(format!("{backend}/{fault}"));
                }
            }
        }
    }
    if missed.is_empty() {
        println!("self-test: every injected fault was caught");
        Ok(())
    } else {
        Err(format!("faults not caught: {}", missed.join(", ")))
    }
}

fn print_table(backend: &str, scenarios: &[Scenario], rows: &[Row]) {
    println!();
    println!("conformance: backend={backend}");
    println!(
        "| {:<4} | {:<52} | {:<6} | {:>10} | {:>5} | {:>10} | {:>10} | {:>5} |",
        "id", "scenario", "result", "exit (ms)", "peak", "heap delta", "task delta", "runs"
    );
    println!("|{}|", "-".repeat(124));
    for (s, r) in scenarios.iter().zip(rows) {
        println!(
            "| {:<4} | {:<52} | {:<6} | {:>10.3} | {:>5} | {:>10} | {:>10} | {:>5} |",
            r.id,
            truncate(&s.spec.title, 52),
            if r.failures.is_empty() {
                "pass"
            } else {
                "FAIL"
            },
            r.latency_us as f64 / 1000.0,
            r.peak_threads,
            r.heap_delta,
            r.task_delta,
            r.runs
        );
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}

/// What one process printed.
struct Output {
    stdout: String,
    stderr: String,
    status: Option<i32>,
    timed_out: bool,
}

fn execute(
    binary: &Path,
    scenario: &Scenario,
    repeat: u32,
    timeout: Duration,
) -> Result<Output, String> {
    let mut cmd = Command::new(binary);
    cmd.current_dir(root()).arg("--stats");
    if repeat > 1 {
        cmd.args(["--repeat", &repeat.to_string()]);
    }
    cmd.args(&scenario.spec.args);
    let script = scenario
        .script
        .strip_prefix(root())
        .unwrap_or(&scenario.script)
        .to_path_buf();
    cmd.arg(script);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let pid = child.id();
    let marker = scenario.spec.stop_after_line.clone();
    let out_reader = std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if marker.as_deref() == Some(line.as_str()) {
                // The same path as Ctrl-C in a terminal.
                let _ = Command::new("kill")
                    .args(["-INT", &pid.to_string()])
                    .status();
            }
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    let (status, timed_out) =
        crate::util::wait_with_timeout(&mut child, timeout, Duration::from_millis(5))?;
    Ok(Output {
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        status: status.code(),
        timed_out,
    })
}

/// Parse `emberpy-stats: k=v ...` lines.
fn stats_lines(stderr: &str) -> (Vec<BTreeMap<String, i64>>, String) {
    let mut stats = Vec::new();
    let mut rest = String::new();
    for line in stderr.lines() {
        if let Some(fields) = line.strip_prefix("emberpy-stats: ") {
            let map = fields
                .split_whitespace()
                .filter_map(|kv| kv.split_once('='))
                .filter_map(|(k, v)| v.parse().ok().map(|v| (k.to_string(), v)))
                .collect();
            stats.push(map);
        } else {
            rest.push_str(line);
            rest.push('\n');
        }
    }
    (stats, rest)
}

/// Whether `text` matches `pattern`, where `*` matches any run of
/// characters within a line.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<&str> = pattern.lines().collect();
    let t: Vec<&str> = text.lines().collect();
    p.len() == t.len() && p.iter().zip(&t).all(|(p, t)| line_match(p, t))
}

fn line_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let mut rest = text;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    true
}

fn run_scenario(binary: &Path, scenario: &Scenario, repeat: Option<u32>, timeout: Duration) -> Row {
    let spec = &scenario.spec;
    let repeat = repeat.or(spec.repeat).unwrap_or(1).max(1);
    let mut row = Row {
        id: scenario.id.clone(),
        failures: Vec::new(),
        latency_us: 0,
        peak_threads: 0,
        heap_delta: 0,
        task_delta: 0,
        runs: 0,
    };
    let out = match execute(binary, scenario, repeat, timeout) {
        Ok(o) => o,
        Err(e) => {
            row.failures.push(e);
            return row;
        }
    };
    if out.timed_out {
        row.failures
            .push(String::from("did not finish within 120 s"));
    }
    if out.status != Some(spec.exit_status) {
        row.failures.push(format!(
            "exit status {:?}, expected {}",
            out.status, spec.exit_status
        ));
    }
    let expected_stdout = spec.stdout.repeat(repeat as usize);
    if out.stdout != expected_stdout {
        row.failures.push(format!(
            "stdout differs:\n--- expected\n{}--- got\n{}",
            expected_stdout, out.stdout
        ));
    }
    let (stats, stderr) = stats_lines(&out.stderr);
    let expected_stderr = spec.stderr.repeat(repeat as usize);
    if !glob_match(&expected_stderr, &stderr) {
        row.failures.push(format!(
            "stderr differs:\n--- expected\n{}--- got\n{}",
            expected_stderr, stderr
        ));
    }
    if stats.len() != repeat as usize {
        row.failures
            .push(format!("{} stats line(s), expected {repeat}", stats.len()));
    }
    row.runs = stats.len();
    let first = stats.first().cloned().unwrap_or_default();
    for (run, s) in stats.iter().enumerate() {
        let get = |k: &str| s.get(k).copied().unwrap_or(-1);
        let at = if repeat > 1 {
            format!(" (run {})", run + 1)
        } else {
            String::new()
        };
        if get("threads_live") != 0 {
            row.failures
                .push(format!("threads_live={}{at}", get("threads_live")));
        }
        if get("tasks_live") != 0 {
            row.failures
                .push(format!("tasks_live={}{at}", get("tasks_live")));
        }
        let heap_delta = get("heap_after") - get("heap_baseline");
        if heap_delta != 0 {
            row.failures
                .push(format!("heap grew by {heap_delta} bytes{at}"));
        }
        let latency = get("exit_latency_us");
        if latency < 0 || latency as u64 > spec.max_exit_latency_ms * 1000 {
            row.failures.push(format!(
                "exit latency {latency} us over {} ms{at}",
                spec.max_exit_latency_ms
            ));
        }
        let peak = get("peak_threads");
        if peak < 0 || peak as u64 > spec.max_peak_threads {
            row.failures.push(format!(
                "peak threads {peak} over {}{at}",
                spec.max_peak_threads
            ));
        }
        for key in ["heap_after", "alloc_bytes"] {
            if s.get(key) != first.get(key) {
                row.failures.push(format!(
                    "{key} changed from {:?} to {:?}{at}",
                    first.get(key),
                    s.get(key)
                ));
            }
        }
        if let Some(delta) = s.get("freertos_free_heap_delta").filter(|d| **d != 0) {
            row.failures
                .push(format!("FreeRTOS free heap changed by {delta} bytes{at}"));
        }
        row.latency_us = row.latency_us.max(latency.max(0) as u64);
        row.peak_threads = row.peak_threads.max(peak.max(0) as u64);
        row.heap_delta = row.heap_delta.max(heap_delta);
        row.task_delta = row.task_delta.max(get("tasks_live"));
    }
    if let Some(last) = stats.last() {
        let spawned = last.get("tasks_spawned").copied().unwrap_or(0);
        let reaped = last.get("tasks_reaped").copied().unwrap_or(-1);
        row.task_delta = spawned - reaped;
        if spawned != reaped {
            row.failures
                .push(format!("{spawned} tasks spawned, {reaped} reaped"));
        }
    }
    row.failures.dedup();
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_within_lines_only() {
        assert!(glob_match("a *\nb", "a xyz\nb"));
        assert!(glob_match("<f at 0x*>", "<f at 0x7f00>"));
        assert!(!glob_match("a *", "a x\nextra"));
        assert!(!glob_match("x*y", "xz"));
        assert!(glob_match("", ""));
    }

    #[test]
    fn stats_lines_are_split_from_stderr() {
        let (stats, rest) =
            stats_lines("oops\nemberpy-stats: backend=std tasks_live=0 heap_after=10\n");
        assert_eq!(rest, "oops\n");
        assert_eq!(stats[0]["tasks_live"], 0);
        assert_eq!(stats[0]["heap_after"], 10);
    }

    #[test]
    fn every_scenario_file_parses() {
        let all = load(&[], false).expect("scenarios load");
        assert_eq!(all.len(), 13);
        assert!(all.iter().all(|s| s.script.exists()));
        let limits = load(&[], true).expect("limit scenarios load");
        assert!(limits.iter().all(|s| s.script.exists()));
    }
}
