//! `cargo xtask test-all`: every check CI runs, in order, failing fast.

use crate::util::{cargo, run};
use std::process::Command;

/// The microcontroller targets `vm-core` and `sched-api` must build for.
pub const EMBEDDED_TARGETS: [&str; 2] = ["thumbv7em-none-eabihf", "thumbv6m-none-eabi"];

/// Run everything.
pub fn test_all() -> Result<(), String> {
    ensure_system_packages()?;
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().args(["test", "--workspace", "--quiet"]))?;
    loom_models()?;
    for example in ["host", "native_module"] {
        run(cargo().args([
            "run",
            "--quiet",
            "-p",
            "emberpy-embed",
            "--example",
            example,
        ]))?;
    }
    no_std_builds()?;
    crate::pytests::run(&crate::pytests::Options::default())?;
    crate::conformance::run(&crate::conformance::Options::default())?;
    crate::conformance::run(&crate::conformance::Options {
        limits: true,
        ..Default::default()
    })?;
    crate::equivalence::run()?;
    crate::boards::run_boards(&crate::boards::Options::default())?;
    crate::fuzz::smoke()?;
    eprintln!("test-all: every check passed");
    Ok(())
}

/// The std backend's park/wake and VM-lock hand-over, model checked with
/// `loom` (in a target directory of their own: `--cfg loom` changes every
/// build flag).
fn loom_models() -> Result<(), String> {
    let target = crate::util::root().join("target").join("loom");
    run(cargo()
        .env("RUSTFLAGS", "--cfg loom")
        .args([
            "test",
            "--quiet",
            "--release",
            "-p",
            "sched-std",
            "--lib",
            "--target-dir",
        ])
        .arg(target))
}

/// The Debian packages the checks need, by the command each provides: the
/// ARM GCC (FreeRTOS's C kernel for the STM32), QEMU (the emulated STM32)
/// and Node with npm (the rp2040js harness).
const SYSTEM_PACKAGES: [(&str, &[&str]); 3] = [
    ("arm-none-eabi-gcc", &["gcc-arm-none-eabi"]),
    ("qemu-system-arm", &["qemu-system-arm"]),
    ("npm", &["nodejs", "npm"]),
];

/// Install the system packages that are missing (with `apt-get`, through
/// `sudo` when not root), so `test-all` works on a fresh machine.
pub fn ensure_system_packages() -> Result<(), String> {
    let present = |cmd: &str| {
        Command::new("sh")
            .args(["-c", &format!("command -v {cmd}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let missing: Vec<&str> = SYSTEM_PACKAGES
        .iter()
        .filter(|(cmd, _)| !present(cmd))
        .flat_map(|(_, packages)| packages.iter().copied())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let apt = |args: &[&str]| {
        let mut cmd = if root {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        cmd
    };
    run(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq"]);
    install.args(&missing);
    run(&mut install)
}

/// Make sure the embedded targets are installed.
pub fn ensure_targets() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    for t in EMBEDDED_TARGETS {
        if !installed.lines().any(|l| l.trim() == t) {
            run(Command::new("rustup").args(["target", "add", t]))?;
        }
    }
    run(cargo().args([
        "build",
        "--quiet",
        "-p",
        "sched-freertos",
        "--target",
        "thumbv7em-none-eabihf",
    ]))?;
    Ok(())
}

/// `vm-core` (with and without its compiler), `sched-api` and the embassy
/// backend (on `platform-cortex-m`) for every embedded target, and the
/// FreeRTOS backend for the Cortex-M4F (its ARM_CM4F port).
fn no_std_builds() -> Result<(), String> {
    ensure_targets()?;
    for t in EMBEDDED_TARGETS {
        run(cargo().args([
            "build",
            "--quiet",
            "-p",
            "vm-core",
            "-p",
            "sched-api",
            "--target",
            t,
        ]))?;
        run(cargo().args([
            "build",
            "--quiet",
            "-p",
            "vm-core",
            "--no-default-features",
            "--target",
            t,
        ]))?;
        run(cargo().args([
            "build",
            "--quiet",
            "-p",
            "sched-embassy",
            "--no-default-features",
            "--features",
            "platform-cortex-m",
            "--target",
            t,
        ]))?;
    }
    run(cargo().args([
        "build",
        "--quiet",
        "-p",
        "sched-freertos",
        "--target",
        "thumbv7em-none-eabihf",
    ]))?;
    Ok(())
}
