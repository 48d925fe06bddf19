//! `cargo xtask fuzz --seconds N`: every cargo-fuzz target of `fuzz/` for
//! N seconds each, seeded from the Python tests and the conformance
//! scenarios. A crash fails the task and leaves its input in
//! `fuzz/artifacts/<target>/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{root, run};

/// Command-line options.
#[derive(clap::Args, Debug)]
pub struct Options {
    /// Seconds per target.
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
    /// Only this target (repeatable): parse, compile, ebc, vm.
    #[arg(long)]
    pub target: Vec<String>,
}

/// The fuzz targets.
pub const TARGETS: [&str; 4] = ["parse", "compile", "ebc", "vm"];

/// Seconds per target in `test-all`'s smoke run.
pub const SMOKE_SECONDS: u64 = 5;

/// Install what fuzzing needs when it is missing: a nightly toolchain and
/// cargo-fuzz.
pub fn ensure_tools() -> Result<(), String> {
    let succeeds = |cmd: &mut Command| cmd.output().is_ok_and(|o| o.status.success());
    if !succeeds(Command::new("rustup").args(["run", "nightly", "rustc", "--version"])) {
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if !succeeds(Command::new("cargo").args(["fuzz", "--version"])) {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

/// `test-all`'s smoke run: every target for a few seconds.
pub fn smoke() -> Result<(), String> {
    run_targets(&Options {
        seconds: SMOKE_SECONDS,
        target: Vec::new(),
    })
}

/// Copy the Python programs into a target's corpus directory.
fn seed(corpus: &Path) -> Result<(), String> {
    std::fs::create_dir_all(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    for dir in ["tests/py", "conformance/scenarios", "examples", "bench"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py") {
                let name = format!(
                    "{}-{}",
                    dir.replace('/', "_"),
                    entry.file_name().to_string_lossy()
                );
                let _ = std::fs::copy(&path, corpus.join(name));
            }
        }
    }
    Ok(())
}

/// Run the fuzz targets.
pub fn run_targets(options: &Options) -> Result<(), String> {
    ensure_tools()?;
    let targets: Vec<String> = if options.target.is_empty() {
        TARGETS.iter().map(|t| t.to_string()).collect()
    } else {
        options.target.clone()
    };
    for target in &targets {
        let corpus: PathBuf = root().join("fuzz").join("corpus").join(target);
        seed(&corpus)?;
        run(Command::new("cargo")
            .args(["+nightly", "fuzz", "run", "--release", target])
            .arg(&corpus)
            .args([
                "--",
                &format!("-max_total_time={}", options.seconds),
                "-max_len=4096",
                "-rss_limit_mb=2048",
                "-print_final_stats=1",
            ]))?;
    }
    Ok(())
}
