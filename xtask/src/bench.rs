//! `cargo xtask bench`: emberpy against CPython 3.11, and the figures of
//! issue 7.
//!
//! * **Programs**: each `bench/*.py` runs once on both interpreters, which
//!   must print the same, then on emberpy (release build, `std` backend) and
//!   on CPython alternately, several rounds: medians, ranges, the ratio
//!   emberpy/CPython and the geometric mean of the ratios.
//! * **Process figures**: start-up with an empty script (`-c pass`) and the
//!   peak RSS on `bench/fib.py` (`/usr/bin/time -f %M`), both interpreters.
//! * **Thread figures**, per backend: start-up, spawn→finish→reap
//!   throughput (`bench/threads/churn.py`), S01's exit latency, the VM heap
//!   per sleeping thread (`bench/threads/sleepers.py`) and what the backend
//!   itself reserves per task.
//! * `--check` compares the figures with issue 7's targets and fails,
//!   listing every miss.
//!
//! CPython is the executable `python3` reports as `sys.executable`, called
//! directly: a pyenv shim in front of it is a shell script whose own
//! start-up would count against CPython.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use crate::conformance::BACKENDS;
use crate::util::{self, cargo, median, root};

/// Command-line options.
#[derive(clap::Args, Default, Debug)]
pub struct Options {
    /// Rounds per program.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// Only programs whose name contains this text.
    #[arg(long)]
    pub filter: Option<String>,
    /// Compare the figures with issue 7's targets; exit non-zero listing
    /// every target missed.
    #[arg(long)]
    pub check: bool,
}

/// Issue 7's targets for single programs: name and highest ratio.
const PROGRAM_TARGETS: [(&str, f64); 3] =
    [("fib", 0.40), ("while_loop", 0.55), ("threads200", 0.15)];
/// Highest geometric mean of the ratios over the whole suite.
const GEOMEAN_TARGET: f64 = 0.50;
/// Highest peak RSS on `bench/fib.py`: 2 MB, in KiB as `time -f %M`
/// prints it.
const RSS_TARGET_KIB: f64 = 2_000_000.0 / 1024.0;
/// Highest start-up + empty script time (ms), `std` backend.
const STARTUP_TARGET_MS: f64 = 2.0;
/// Highest VM heap per sleeping thread (bytes), every backend.
const VM_THREAD_TARGET: f64 = 512.0;
/// Runs of `-c pass` per interpreter.
const STARTUP_RUNS: usize = 20;
/// Runs of S01 per backend.
const S01_RUNS: usize = 5;
/// Runs for each peak RSS and each churn figure.
const FEW_RUNS: usize = 3;

/// Highest S01 exit latency (ms) on `backend`.
fn s01_target_ms(backend: &str) -> f64 {
    if backend == "std" { 1.0 } else { 2.0 }
}

/// Median and range of some measurements.
#[derive(Clone, Copy, Debug)]
struct Spread {
    median: f64,
    min: f64,
    max: f64,
}

impl Spread {
    fn of(mut values: Vec<f64>) -> Spread {
        let median = median(&mut values);
        Spread {
            median,
            min: values.first().copied().unwrap_or(0.0),
            max: values.last().copied().unwrap_or(0.0),
        }
    }
}

/// The CPython the programs are compared with.
struct Python {
    path: PathBuf,
    version: String,
}

/// One program's times (ms) on both interpreters.
struct ProgramRow {
    name: String,
    ours: Spread,
    theirs: Spread,
}

impl ProgramRow {
    fn ratio(&self) -> f64 {
        self.ours.median / self.theirs.median
    }
}

/// Start-up and memory of the two interpreters.
struct ProcessFigures {
    startup_ours: Spread,
    startup_theirs: Spread,
    /// Median time of `true` started the same way: the part of the
    /// start-up figures any process costs.
    spawn_floor_ms: f64,
    /// Peak RSS in KiB (emberpy, CPython) with an empty script;
    /// `None` without `/usr/bin/time`.
    rss_empty_kib: Option<(f64, f64)>,
    /// Peak RSS in KiB (emberpy, CPython) on `bench/fib.py`.
    rss_fib_kib: Option<(f64, f64)>,
}

/// What one backend reserves for each task, besides the VM's share.
struct TaskCost {
    bytes: Option<u64>,
    source: String,
}

/// The thread figures of one backend.
struct BackendRow {
    backend: &'static str,
    startup_ms: f64,
    threads_per_s: f64,
    s01_exit_ms: f64,
    vm_bytes_per_thread: i64,
    task: TaskCost,
}

/// One figure against its target.
struct Target {
    what: String,
    value: Option<f64>,
    limit: f64,
}

/// Run the benchmarks and print the tables.
pub fn run(options: &Options) -> Result<(), String> {
    let mut binaries = Vec::new();
    for backend in BACKENDS {
        binaries.push((backend, build_backend(backend)?));
    }
    let emberpy = binaries
        .iter()
        .find(|(backend, _)| *backend == "std")
        .map(|(_, binary)| binary.clone())
        .ok_or("the programs run on the std backend, which is not built")?;
    let python = find_python()?;
    println!(
        "emberpy: {} (release); CPython {}: {}",
        relative(&emberpy).display(),
        python.version,
        python.path.display()
    );
    println!();
    let programs = run_programs(&emberpy, &python, options)?;
    println!();
    let process = process_figures(&emberpy, &python)?;
    print_process(&process);
    println!();
    let mut backends = Vec::new();
    for (backend, binary) in &binaries {
        backends.push(backend_figures(backend, binary)?);
    }
    print_backends(&backends);
    if options.check {
        println!();
        let targets = targets(&programs, options.filter.is_none(), &process, &backends);
        check(&targets)
    } else {
        Ok(())
    }
}

/// Build `backend`'s binary (release) and copy it to `target/bench/`,
/// away from the copies other tasks run and replace. The copy must name
/// `backend`: a build running at the same time in the workspace can
/// replace `target/release/emberpy` between the build and the copy, so a
/// wrong one is built again.
fn build_backend(backend: &str) -> Result<PathBuf, String> {
    let target = root().join("target");
    let dir = target.join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let built = target.join("release").join("emberpy");
    let copy = dir.join(format!("emberpy-{backend}"));
    for _ in 0..3 {
        util::run(cargo().args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "emberpy",
            "--no-default-features",
            "--features",
            backend,
        ]))?;
        // A copy still running from an earlier bench keeps its own file.
        let _ = std::fs::remove_file(&copy);
        std::fs::copy(&built, &copy)
            .map_err(|e| format!("cannot copy {} to {}: {e}", built.display(), copy.display()))?;
        let (out, _) = timed(&copy, &["--version"])?;
        if String::from_utf8_lossy(&out.stdout).contains(&format!("backend: {backend})")) {
            return Ok(copy);
        }
    }
    Err(format!(
        "another build kept replacing the {backend} binary; run the benchmark again"
    ))
}

/// `path` relative to the workspace root, when it is inside it.
fn relative(path: &Path) -> &Path {
    path.strip_prefix(root()).unwrap_or(path)
}

/// Run `program` with `args` in the workspace root: its output and wall
/// time in ms. Fails on a non-zero exit status.
fn timed<S: AsRef<OsStr>>(program: &Path, args: &[S]) -> Result<(Output, f64), String> {
    let describe = || {
        let mut s = program.display().to_string();
        for a in args {
            s.push(' ');
            s.push_str(&a.as_ref().to_string_lossy());
        }
        s
    };
    let start = Instant::now();
    let out = Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run `{}`: {e}", describe()))?;
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    if !out.status.success() {
        return Err(format!(
            "`{}` failed ({}): {}",
            describe(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok((out, elapsed))
}

/// The value of the first `key=value` word of `text` whose value is a
/// number (the `emberpy-stats:` line, the thread scripts' output).
fn field(text: &[u8], key: &str) -> Option<i64> {
    String::from_utf8_lossy(text)
        .split_whitespace()
        .filter_map(|word| word.strip_prefix(key)?.strip_prefix('='))
        .find_map(|v| v.parse().ok())
}

/// The CPython `python3` starts, and its version.
fn find_python() -> Result<Python, String> {
    let (out, _) = timed(
        Path::new("python3"),
        &[
            "-c",
            "import sys; print(sys.executable); print(sys.version.split()[0])",
        ],
    )?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    match (lines.next(), lines.next()) {
        (Some(path), Some(version)) if !path.is_empty() => Ok(Python {
            path: PathBuf::from(path),
            version: version.to_string(),
        }),
        _ => Err(format!("python3 did not name its executable: {text:?}")),
    }
}

/// The programs of `bench/`, in name order, relative to the root.
fn programs(filter: Option<&str>) -> Result<Vec<PathBuf>, String> {
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(root().join("bench"))
        .map_err(|e| format!("cannot read bench/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            filter.is_none_or(|f| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(f))
            })
        })
        .map(|p| relative(&p).to_path_buf())
        .collect();
    scripts.sort();
    Ok(scripts)
}

/// Time every program and print its row as it is done.
fn run_programs(
    emberpy: &Path,
    python: &Python,
    options: &Options,
) -> Result<Vec<ProgramRow>, String> {
    println!(
        "| {:<18} | {:>12} | {:>17} | {:>12} | {:>17} | {:>6} |",
        "program", "emberpy (ms)", "range", "CPython (ms)", "range", "ratio"
    );
    println!("|{}|", "-".repeat(100));
    let mut rows = Vec::new();
    for script in programs(options.filter.as_deref())? {
        same_output(emberpy, &python.path, &script)?;
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..options.rounds.max(1) {
            ours.push(timed(emberpy, &[&script])?.1);
            theirs.push(timed(&python.path, &[&script])?.1);
        }
        let row = ProgramRow {
            name: script
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            ours: Spread::of(ours),
            theirs: Spread::of(theirs),
        };
        println!(
            "| {:<18} | {:>12.1} | {:>7.1} – {:>7.1} | {:>12.1} | {:>7.1} – {:>7.1} | {:>6.2} |",
            row.name,
            row.ours.median,
            row.ours.min,
            row.ours.max,
            row.theirs.median,
            row.theirs.min,
            row.theirs.max,
            row.ratio()
        );
        rows.push(row);
    }
    if let Some(mean) = geometric_mean(&rows) {
        println!(
            "geometric mean of ratios: {mean:.2} ({} programs, {} rounds; output checked equal)",
            rows.len(),
            options.rounds.max(1)
        );
    }
    Ok(rows)
}

fn geometric_mean(rows: &[ProgramRow]) -> Option<f64> {
    if rows.is_empty() {
        return None;
    }
    let log_sum: f64 = rows.iter().map(|r| r.ratio().ln()).sum();
    Some((log_sum / rows.len() as f64).exp())
}

/// Run `script` once on each interpreter (untimed): the two must print the
/// same.
fn same_output(emberpy: &Path, python: &Path, script: &Path) -> Result<(), String> {
    let (ours, _) = timed(emberpy, &[script])?;
    let (theirs, _) = timed(python, &[script])?;
    if ours.stdout == theirs.stdout {
        return Ok(());
    }
    let (ours, theirs) = (
        String::from_utf8_lossy(&ours.stdout).into_owned(),
        String::from_utf8_lossy(&theirs.stdout).into_owned(),
    );
    let (line, ours_line, theirs_line) = ours
        .lines()
        .map(Some)
        .chain(std::iter::repeat(None))
        .zip(theirs.lines().map(Some).chain(std::iter::repeat(None)))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a.unwrap_or("<end>"), b.unwrap_or("<end>")))
        .unwrap_or((0, "", ""));
    Err(format!(
        "{}: emberpy and CPython print different output; first difference on line {line}:\n  CPython: {theirs_line}\n  emberpy: {ours_line}",
        script.display()
    ))
}

/// Start-up and peak RSS of both interpreters.
fn process_figures(emberpy: &Path, python: &Python) -> Result<ProcessFigures, String> {
    let (mut ours, mut theirs, mut floor) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..STARTUP_RUNS {
        ours.push(timed(emberpy, &["-c", "pass"])?.1);
        theirs.push(timed(&python.path, &["-c", "pass"])?.1);
        floor.push(timed(Path::new("true"), &[] as &[&str])?.1);
    }
    let time = Path::new("/usr/bin/time");
    let rss = |args: &[&str]| -> Result<Option<(f64, f64)>, String> {
        if !time.exists() {
            return Ok(None);
        }
        Ok(Some((
            peak_rss_kib(time, emberpy, args)?,
            peak_rss_kib(time, &python.path, args)?,
        )))
    };
    Ok(ProcessFigures {
        startup_ours: Spread::of(ours),
        startup_theirs: Spread::of(theirs),
        spawn_floor_ms: median(&mut floor),
        rss_empty_kib: rss(&["-c", "pass"])?,
        rss_fib_kib: rss(&["bench/fib.py"])?,
    })
}

/// Median peak RSS (KiB) of `interpreter` run with `args`, as
/// `/usr/bin/time -f %M` reports it.
fn peak_rss_kib(time: &Path, interpreter: &Path, args: &[&str]) -> Result<f64, String> {
    let mut command = vec![
        OsStr::new("-f"),
        OsStr::new("peak_rss_kib=%M"),
        interpreter.as_os_str(),
    ];
    command.extend(args.iter().map(OsStr::new));
    let mut values = Vec::new();
    for _ in 0..FEW_RUNS {
        let (out, _) = timed(time, &command)?;
        let kib = field(&out.stderr, "peak_rss_kib")
            .ok_or_else(|| format!("{} printed no peak RSS", time.display()))?;
        values.push(kib as f64);
    }
    Ok(median(&mut values))
}

fn print_process(p: &ProcessFigures) {
    println!(
        "| {:<34} | {:>10} | {:>10} | {:>6} |",
        "process figure", "emberpy", "CPython", "ratio"
    );
    println!("|{}|", "-".repeat(71));
    println!(
        "| {:<34} | {:>10.2} | {:>10.2} | {:>6.2} |",
        "start-up + empty script (ms)",
        p.startup_ours.median,
        p.startup_theirs.median,
        p.startup_ours.median / p.startup_theirs.median
    );
    for (what, rss) in [
        ("peak RSS, empty script (KiB)", p.rss_empty_kib),
        ("peak RSS, bench/fib.py (KiB)", p.rss_fib_kib),
    ] {
        match rss {
            Some((ours, theirs)) => println!(
                "| {what:<34} | {ours:>10.0} | {theirs:>10.0} | {:>6.2} |",
                ours / theirs
            ),
            None => println!("| {what:<34} | {:>10} | {:>10} | {:>6} |", "-", "-", "-"),
        }
    }
    println!(
        "* start-up: `-c pass`, median of {STARTUP_RUNS} runs each (ranges {:.2} – {:.2} and {:.2} – {:.2} ms); starting `true` the same way takes {:.2} ms.",
        p.startup_ours.min,
        p.startup_ours.max,
        p.startup_theirs.min,
        p.startup_theirs.max,
        p.spawn_floor_ms
    );
    if p.rss_fib_kib.is_some() {
        println!("* peak RSS: `/usr/bin/time -f %M`, median of {FEW_RUNS} runs each.");
    } else {
        println!("* peak RSS: not measured (no /usr/bin/time).");
    }
}

/// Measure one backend's thread figures.
fn backend_figures(backend: &'static str, binary: &Path) -> Result<BackendRow, String> {
    let mut startup = Vec::new();
    for _ in 0..STARTUP_RUNS {
        startup.push(timed(binary, &["-c", "pass"])?.1);
    }
    let startup_ms = median(&mut startup);

    let churn = Path::new("bench/threads/churn.py");
    let mut rates = Vec::new();
    for _ in 0..FEW_RUNS {
        let (out, _) = timed(binary, &[OsStr::new("--stats"), churn.as_os_str()])?;
        let (Some(threads), Some(ns)) = (
            field(&out.stdout, "threads"),
            field(&out.stdout, "elapsed_ns"),
        ) else {
            return Err(format!("{backend}: {} printed no figures", churn.display()));
        };
        let spawned = field(&out.stderr, "tasks_spawned");
        if spawned != Some(threads + 1) || field(&out.stderr, "tasks_reaped") != spawned {
            return Err(format!(
                "{backend}: {} did not reap every task: {}",
                churn.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        rates.push(threads as f64 * 1e9 / ns.max(1) as f64);
    }

    let s01 = Path::new("conformance/scenarios/S01.py");
    let mut latencies = Vec::new();
    for _ in 0..S01_RUNS {
        let (out, _) = timed(binary, &[OsStr::new("--stats"), s01.as_os_str()])?;
        let us = field(&out.stderr, "exit_latency_us")
            .ok_or_else(|| format!("{backend}: S01 printed no exit latency"))?;
        latencies.push(us as f64 / 1000.0);
    }

    let sleepers = Path::new("bench/threads/sleepers.py");
    let (out, _) = timed(binary, &[sleepers])?;
    let vm_bytes_per_thread = field(&out.stdout, "vm_bytes_per_thread")
        .ok_or_else(|| format!("{backend}: {} printed no figure", sleepers.display()))?;

    Ok(BackendRow {
        backend,
        startup_ms,
        threads_per_s: median(&mut rates),
        s01_exit_ms: median(&mut latencies),
        vm_bytes_per_thread,
        task: task_cost(backend, binary),
    })
}

/// What `backend` reserves per task, from its sources and its binary.
fn task_cost(backend: &str, binary: &Path) -> TaskCost {
    match backend {
        "std" => std_task_cost(),
        "embassy" => embassy_task_cost(binary),
        "freertos" => freertos_task_cost(binary),
        _ => TaskCost {
            bytes: None,
            source: String::from("no figure for this backend"),
        },
    }
}

fn std_task_cost() -> TaskCost {
    const FILE: &str = "sched-std/src/lib.rs";
    let bytes = source_product(FILE, "stack_size: ");
    TaskCost {
        bytes,
        source: format!(
            "OS thread stack reserved per thread (address space; resident is only what the thread touches): `StdConfig::default().stack_size`, {FILE}"
        ),
    }
}

fn embassy_task_cost(binary: &Path) -> TaskCost {
    const FILE: &str = "sched-embassy/src/pool.rs";
    const SYMBOL: &str = "sched_embassy::pool::thread_task::POOL";
    let slots = match std::env::var("EMBERPY_TASK_POOL_SIZE") {
        Ok(v) => v.trim().parse().ok(),
        Err(_) => source_product(FILE, "None => "),
    };
    let pool = symbol_size(binary, SYMBOL);
    match (pool, slots) {
        (Some(pool), Some(slots)) if slots > 0 => TaskCost {
            bytes: Some(pool / slots),
            source: format!(
                "one slot of the static task pool (task header + the driver's future): `{SYMBOL}` is {pool} B in the binary (`nm -S`) for {slots} slots (`TASK_POOL_SIZE`, {FILE}); every task shares the executor's stack"
            ),
        },
        _ => TaskCost {
            bytes: None,
            source: format!("not measured: no `{SYMBOL}` size (`nm -S`) or pool size ({FILE})"),
        },
    }
}

fn freertos_task_cost(binary: &Path) -> TaskCost {
    const FILE: &str = "sched-freertos/src/lib.rs";
    let stack = source_product(
        FILE,
        "#[cfg(freertos_posix)]\nconst STACKS: (usize, usize, usize) = (",
    );
    let mcu_stack = source_product(
        FILE,
        "#[cfg(not(freertos_posix))]\nconst STACKS: (usize, usize, usize) = (",
    );
    let sizes = debug_sizes(binary, &["sizeof(TCB_t)", "xHeapStructSize"]);
    match (stack, sizes.as_deref()) {
        (Some(stack), Some(&[tcb, header])) => TaskCost {
            bytes: Some(tcb + stack + 2 * header),
            source: format!(
                "FreeRTOS heap per task: TCB {tcb} B (`sizeof(TCB_t)`, the binary's DWARF via gdb) + stack {stack} B (Posix port; {} on a microcontroller; `STACKS`, {FILE}) + 2 × {header} B heap_4 block headers",
                mcu_stack.map_or_else(|| String::from("?"), |s| format!("{s} B")),
            ),
        },
        _ => TaskCost {
            bytes: None,
            source: format!("not measured: needs gdb for `sizeof(TCB_t)` and `STACKS` in {FILE}"),
        },
    }
}

/// The first product of integer literals (`16 * 1024`) that follows
/// `marker` in a source file of the workspace.
fn source_product(file: &str, marker: &str) -> Option<u64> {
    let text = std::fs::read_to_string(root().join(file)).ok()?;
    text.match_indices(marker).find_map(|(at, _)| {
        let expr: String = text[at + marker.len()..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '_' | '*' | ' '))
            .collect();
        expr.split('*')
            .map(|n| n.trim().replace('_', "").parse::<u64>().ok())
            .product()
    })
}

/// The size of the symbol `name` (demangled) in `binary`, from `nm -S`.
fn symbol_size(binary: &Path, name: &str) -> Option<u64> {
    let out = Command::new("nm")
        .args([OsStr::new("-S"), OsStr::new("-C"), binary.as_os_str()])
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|line| {
            let mut words = line.splitn(4, ' ');
            let (_, size, _, symbol) = (words.next()?, words.next()?, words.next()?, words.next()?);
            (symbol == name)
                .then(|| u64::from_str_radix(size, 16).ok())
                .flatten()
        })
}

/// The values of C expressions (sizes, constants) in `binary`'s debug
/// information, read with gdb; `None` unless every one was found.
fn debug_sizes(binary: &Path, expressions: &[&str]) -> Option<Vec<u64>> {
    let mut cmd = Command::new("gdb");
    cmd.args(["-batch", "-nx"]);
    for e in expressions {
        cmd.arg("-ex").arg(format!("print {e}"));
    }
    let out = cmd.arg(binary).output().ok()?;
    let values: Vec<u64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with('$'))
        .filter_map(|l| l.split_once(" = ")?.1.trim().parse().ok())
        .collect();
    (values.len() == expressions.len()).then_some(values)
}

fn print_backends(rows: &[BackendRow]) {
    println!(
        "| {:<8} | {:>13} | {:>17} | {:>13} | {:>14} | {:>14} |",
        "backend",
        "start-up (ms)",
        "churn (thread/s)",
        "S01 exit (ms)",
        "VM B/sleeper",
        "backend B/task"
    );
    println!("|{}|", "-".repeat(97));
    for r in rows {
        println!(
            "| {:<8} | {:>13.2} | {:>17.0} | {:>13.3} | {:>14} | {:>14} |",
            r.backend,
            r.startup_ms,
            r.threads_per_s,
            r.s01_exit_ms,
            r.vm_bytes_per_thread,
            r.task
                .bytes
                .map_or_else(|| String::from("-"), |b| b.to_string())
        );
    }
    println!(
        "* start-up: `-c pass`, median of {STARTUP_RUNS}; churn: bench/threads/churn.py, 2,000 short threads in waves of 20 timed inside the script (every task reaped, by `--stats`), median of {FEW_RUNS} runs."
    );
    println!(
        "* S01 exit: `exit_latency_us` of `--stats`, median of {S01_RUNS} runs; VM B/sleeper: bench/threads/sleepers.py, `gc.mem_alloc()` growth while 20 threads sleep in one function, per thread."
    );
    for r in rows {
        println!("* backend B/task, {}: {}.", r.backend, r.task.source);
    }
}

/// Every figure issue 7 sets a target for. Programs filtered out are left
/// out, and so is the geometric mean unless `whole_suite`.
fn targets(
    programs: &[ProgramRow],
    whole_suite: bool,
    process: &ProcessFigures,
    backends: &[BackendRow],
) -> Vec<Target> {
    let mut out = Vec::new();
    for (name, limit) in PROGRAM_TARGETS {
        if let Some(row) = programs.iter().find(|r| r.name == name) {
            out.push(Target {
                what: format!("{name}: ratio to CPython"),
                value: Some(row.ratio()),
                limit,
            });
        }
    }
    if whole_suite {
        out.push(Target {
            what: String::from("geometric mean of ratios"),
            value: geometric_mean(programs),
            limit: GEOMEAN_TARGET,
        });
    }
    out.push(Target {
        what: String::from("peak RSS on fib (KiB)"),
        value: process.rss_fib_kib.map(|(ours, _)| ours),
        limit: RSS_TARGET_KIB,
    });
    out.push(Target {
        what: String::from("start-up + empty script (ms)"),
        value: Some(process.startup_ours.median),
        limit: STARTUP_TARGET_MS,
    });
    for r in backends {
        out.push(Target {
            what: format!("{}: S01 exit latency (ms)", r.backend),
            value: Some(r.s01_exit_ms),
            limit: s01_target_ms(r.backend),
        });
    }
    for r in backends {
        out.push(Target {
            what: format!("{}: VM bytes per sleeping thread", r.backend),
            value: Some(r.vm_bytes_per_thread as f64),
            limit: VM_THREAD_TARGET,
        });
    }
    out
}

/// Print every target with its figure; fail listing the misses (a figure
/// that could not be measured is a miss).
fn check(targets: &[Target]) -> Result<(), String> {
    println!(
        "| {:<40} | {:>10} | {:>10} | {:<6} |",
        "issue 7 target", "measured", "limit", "result"
    );
    println!("|{}|", "-".repeat(77));
    let mut missed = Vec::new();
    for t in targets {
        let (value, result) = match t.value {
            Some(v) if v <= t.limit => (format!("{v:.3}"), "met"),
            Some(v) => {
                missed.push(format!("{} is {v:.3}, target ≤ {:.2}", t.what, t.limit));
                (format!("{v:.3}"), "MISSED")
            }
            None => {
                missed.push(format!("{} was not measured", t.what));
                (String::from("-"), "MISSED")
            }
        };
        println!(
            "| {:<40} | {:>10} | {:>10.2} | {:<6} |",
            t.what, value, t.limit, result
        );
    }
    if missed.is_empty() {
        println!("every issue 7 target is met");
        Ok(())
    } else {
        Err(format!(
            "{} issue 7 target(s) missed:\n  {}",
            missed.len(),
            missed.join("\n  ")
        ))
    }
}
