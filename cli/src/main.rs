//! `emberpy`: run a Python script (or `-c` code) on the emberpy VM with the
//! scheduler backend chosen at build time.

mod alloc_count;
#[macro_use]
mod backend;
mod compile;
mod host;
mod program;
mod repl;

#[global_allocator]
static ALLOCATOR: alloc_count::Counting = alloc_count::Counting;

use std::process::ExitCode;

use clap::Parser;
use vm_core::{Config, Vm};

use program::Program;

/// The version line (`--version`, the REPL banner).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (Python 3.11 subset, backend: ",
    backend_name!(),
    ")"
);

/// Command-line arguments: options come before the script; everything
/// after it is the script's `sys.argv`. `emberpy compile …` is the other
/// form (see `compile.rs`).
#[derive(Parser, Debug)]
#[command(
    name = "emberpy",
    version = VERSION,
    about = "A small Python VM whose threads cannot leak",
    after_help = "Precompile a script with: emberpy compile script.py -o script.ebc"
)]
struct Cli {
    /// Print one `emberpy-stats:` line with thread, task and heap figures to
    /// stderr after the run.
    #[arg(long)]
    stats: bool,
    /// Run this code instead of a script file.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Heap limit in bytes (MemoryError beyond).
    #[arg(long, value_name = "BYTES")]
    heap: Option<usize>,
    /// Most Python threads alive at once.
    #[arg(long, value_name = "N")]
    max_threads: Option<usize>,
    /// Stop every thread once the run has executed this many bytecodes.
    #[arg(long, value_name = "N")]
    max_instructions: Option<u64>,
    /// Stop every thread once the run has taken this many seconds.
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<f64>,
    /// Run the script this many times in one process (a soak test: with
    /// --stats, one stats line per run).
    #[arg(long, value_name = "N", default_value_t = 1)]
    repeat: u32,
    /// The script, then its arguments.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "SCRIPT [ARGS]"
    )]
    args: Vec<String>,
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().collect();
    if raw.get(1).map(String::as_str) == Some("compile") {
        return compile::main(&raw[2..]);
    }
    let cli = Cli::parse();
    let program = match (&cli.code, cli.args.is_empty()) {
        (Some(code), _) => Some(Program::inline(code, &cli.args)),
        (None, false) => match Program::file(&cli.args) {
            Ok(p) => Some(p),
            Err(msg) => {
                eprintln!("{msg}");
                return ExitCode::from(2);
            }
        },
        (None, true) => None,
    };
    let mut config = Config::default();
    if let Some(h) = cli.heap {
        config.heap_limit = h;
    }
    if let Some(n) = cli.max_threads {
        config.max_threads = n;
    }
    config.instruction_limit = cli.max_instructions;
    config.time_limit = cli
        .time_limit
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(std::time::Duration::from_secs_f64);
    let module_dir = program
        .as_ref()
        .map_or_else(|| std::path::PathBuf::from("."), |p| p.module_dir.clone());
    let host = Box::new(host::CliHost::new(module_dir));
    let mut vm = match Vm::new(config, host) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("emberpy: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = backend::runtime();
    let stop = runtime.stop_handle();
    let _ = ctrlc::set_handler(move || stop.stop());
    let Some(program) = program else {
        return exit_code(repl::run(vm, &runtime));
    };
    let mut status = 0;
    for _ in 0..cli.repeat.max(1) {
        let main = match program.load(&mut vm) {
            Ok(main) => main,
            Err(s) => return exit_code(s),
        };
        vm = runtime.run(vm, main);
        let returned_at = runtime.now();
        let outcome = vm.finish_run();
        status = outcome.exit_status;
        if cli.stats {
            let stats = vm.stats();
            let counters = runtime.counters();
            let latency = outcome
                .main_finished_at
                .map(|t| returned_at.saturating_duration_since(t).as_micros())
                .unwrap_or(0);
            eprintln!(
                "emberpy-stats: backend={} threads_live={} tasks_spawned={} tasks_reaped={} tasks_live={} heap_baseline={} heap_after={} exit_latency_us={} peak_threads={} alloc_bytes={}{}",
                runtime.name(),
                stats.threads_live,
                counters.spawned,
                counters.reaped,
                counters.live(),
                stats.heap_baseline,
                stats.heap.bytes,
                latency,
                outcome.peak_threads,
                alloc_count::live_bytes(),
                backend::extra_stats(&runtime)
            );
        }
    }
    drop(vm);
    exit_code(status)
}

fn exit_code(status: i32) -> ExitCode {
    ExitCode::from((status & 0xff) as u8)
}
