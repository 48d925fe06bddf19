//! Helpers shared by the tasks: running commands and finding paths.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Run `cmd` in the workspace root, echoing it; fail on a non-zero status.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    cmd.current_dir(root());
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// `cargo` as invoked by the user (honours `$CARGO`).
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| String::from("cargo")))
}

/// Build the `emberpy` binary for `backend` in release mode and return a
/// copy of it named after the backend (so several backends can coexist).
pub fn build_emberpy(backend: &str) -> Result<PathBuf, String> {
    build_emberpy_with(backend, None)
}

/// [`build_emberpy`] with one extra cargo feature (a self-test fault).
pub fn build_emberpy_with(backend: &str, extra: Option<&str>) -> Result<PathBuf, String> {
    let features = match extra {
        Some(f) => format!("{backend},{f}"),
        None => backend.to_string(),
    };
    run(cargo().args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "emberpy",
        "--no-default-features",
        "--features",
        &features,
    ]))?;
    let target = root().join("target");
    let built = target.join("release").join("emberpy");
    let dir = target.join("backends");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let copy = dir.join(format!("emberpy-{}", features.replace(',', "-")));
    // Unlink first: a running copy (a soak in progress) keeps its inode.
    let _ = std::fs::remove_file(&copy);
    std::fs::copy(&built, &copy)
        .map_err(|e| format!("cannot copy {} to {}: {e}", built.display(), copy.display()))?;
    Ok(copy)
}

/// Median of some measurements (sorted in place).
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Wait for `child` until `timeout` has passed, polling every `poll`; kill
/// it then. Its exit status, and whether it was killed for the timeout.
pub fn wait_with_timeout(
    child: &mut Child,
    timeout: Duration,
    poll: Duration,
) -> Result<(ExitStatus, bool), String> {
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => return Ok((status, false)),
            None if Instant::now() > deadline => {
                let _ = child.kill();
                return Ok((child.wait().map_err(|e| e.to_string())?, true));
            }
            None => std::thread::sleep(poll),
        }
    }
}
