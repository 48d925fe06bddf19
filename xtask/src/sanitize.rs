//! `cargo xtask sanitize`: the host tests that involve threads or `unsafe`
//! under ThreadSanitizer, and the unit tests of the crates with `unsafe`
//! or lock-free hand-over code under Miri. Both need the nightly toolchain
//! (with `rust-src` and `miri`, installed when missing). Slow: not part of
//! `test-all`; `docs/RELIABILITY.md` records the last run.

use std::process::Command;

use crate::util::{root, run};

/// Command-line options.
#[derive(clap::Args, Debug)]
pub struct Options {
    /// Only ThreadSanitizer.
    #[arg(long)]
    pub tsan_only: bool,
    /// Only Miri.
    #[arg(long)]
    pub miri_only: bool,
}

/// The host triple the sanitizer builds for (`-Zbuild-std` needs it named).
const HOST: &str = "x86_64-unknown-linux-gnu";

/// Run the sanitizers.
pub fn run_sanitizers(options: &Options) -> Result<(), String> {
    ensure_components()?;
    if !options.miri_only {
        thread_sanitizer()?;
    }
    if !options.tsan_only {
        miri()?;
    }
    Ok(())
}

fn nightly_cargo() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("+nightly").env_remove("RUSTUP_TOOLCHAIN");
    cmd
}

fn ensure_components() -> Result<(), String> {
    crate::fuzz::ensure_tools()?;
    run(Command::new("rustup").args([
        "component",
        "add",
        "--toolchain",
        "nightly",
        "rust-src",
        "miri",
    ]))
}

/// The std backend (GIL, parker, supervisor), the embassy host executor
/// and the VM's threaded runs, with every memory access checked for races.
fn thread_sanitizer() -> Result<(), String> {
    let target_dir = root().join("target").join("tsan");
    run(nightly_cargo()
        .env("RUSTFLAGS", "-Zsanitizer=thread")
        .env("RUSTDOCFLAGS", "-Zsanitizer=thread")
        .env("TSAN_OPTIONS", "halt_on_error=1")
        // Unwinding everywhere: with the workspace's `panic = "abort"` for
        // dev builds, `-Zbuild-std` would build `core` twice (abort for the
        // libraries, unwind for the test harness) and fail on duplicate
        // lang items. None of these crates runs FreeRTOS.
        .args(["--config", "profile.dev.panic=\"unwind\""])
        .args(["test", "-Zbuild-std", "--target", HOST, "--target-dir"])
        .arg(&target_dir)
        .args([
            "-p",
            "sched-std",
            "-p",
            "sched-embassy",
            "-p",
            "vm-core",
            "--lib",
            "--tests",
        ]))
}

/// Undefined behaviour checks on the crates whose code hands data between
/// threads or holds `unsafe` (the embassy host executor, whose tests cover
/// its borrow). Leaks are not checked: each thread's embassy executor is
/// leaked on purpose (it lives as long as the process), and the
/// conformance suite counts every byte a run leaves behind. The crates'
/// integration tests are not run: under Miri, embassy's own timer queue
/// trips the aliasing model (see `docs/RELIABILITY.md`).
fn miri() -> Result<(), String> {
    run(nightly_cargo()
        .env("MIRIFLAGS", "-Zmiri-disable-isolation -Zmiri-ignore-leaks")
        .args([
            "miri",
            "test",
            "-p",
            "sched-api",
            "-p",
            "sched-std",
            "-p",
            "sched-embassy",
            "--lib",
        ]))
}
