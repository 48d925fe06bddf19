//! `cargo xtask`: the project's own tasks.
//!
//! * `test-all` — everything CI checks: formatting, clippy, unit tests,
//!   `no_std` builds for the microcontroller targets, the Python behaviour
//!   tests and the thread conformance scenarios.
//! * `conformance` — the thread-exit scenarios against a backend.
//! * `equivalence` — programs compiled to `.ebc` give the same output as
//!   their source on every host backend.
//! * `pytest` — the Python behaviour tests in `tests/py`.
//! * `regen-py` — rewrite the expected output of `tests/py` with CPython.
//! * `bench` — emberpy against CPython, medians and ratios.
//! * `soak` — hours of S01, S06 and S09; the figures must stay flat.
//! * `fuzz` — the cargo-fuzz targets (parser, compiler, bytecode files,
//!   the VM with threads), seeded from the Python tests.
//! * `sanitize` — the threaded host tests under ThreadSanitizer and Miri.
//! * `boards` — build every firmware, run the emulated boards (QEMU,
//!   rp2040js), one result table per board × scheduler pair.
//! * `size` — flash, static RAM and heap of every firmware.

mod bench;
mod boards;
mod checks;
mod conformance;
mod equivalence;
mod fuzz;
mod pytests;
mod sanitize;
mod soak;
mod util;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "xtask")]
struct Args {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Run every check CI runs.
    TestAll,
    /// Run the thread conformance scenarios.
    Conformance(conformance::Options),
    /// Check that programs compiled to bytecode behave as their source on
    /// every host backend.
    Equivalence,
    /// Run the Python behaviour tests.
    Pytest(pytests::Options),
    /// Regenerate the expected output of the Python behaviour tests with
    /// CPython (`python3`).
    RegenPy,
    /// Compare emberpy's speed with CPython's.
    Bench(bench::Options),
    /// Run the long-run soak of S01, S06 and S09 on every host backend.
    Soak(soak::Options),
    /// Run the cargo-fuzz targets.
    Fuzz(fuzz::Options),
    /// Run the threaded host tests under ThreadSanitizer and Miri.
    Sanitize(sanitize::Options),
    /// Build every firmware and run the scenarios on the emulated boards.
    Boards(boards::Options),
    /// Flash, static RAM and heap of every firmware.
    Size(boards::SizeOptions),
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.task {
        Task::TestAll => checks::test_all(),
        Task::Conformance(o) => conformance::run(&o),
        Task::Equivalence => equivalence::run(),
        Task::Pytest(o) => pytests::run(&o),
        Task::RegenPy => pytests::regenerate(),
        Task::Bench(o) => bench::run(&o),
        Task::Soak(o) => soak::run(&o),
        Task::Fuzz(o) => fuzz::run_targets(&o),
        Task::Sanitize(o) => sanitize::run_sanitizers(&o),
        Task::Boards(o) => boards::run_boards(&o),
        Task::Size(o) => boards::run_size(&o),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
