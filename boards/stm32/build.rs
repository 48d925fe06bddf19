//! Link the firmware: put the board's memory map (`memory.x` for the
//! chip, `memory-qemu.x` for QEMU) and `ccm.x` where cortex-m-rt's
//! `link.x` finds them, and link with `link.x`.

use std::path::PathBuf;

fn main() {
    for file in ["memory.x", "memory-qemu.x", "ccm.x", "build.rs"] {
        println!("cargo:rerun-if-changed={file}");
    }
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("none") {
        return;
    }
    let memory = if std::env::var_os("CARGO_FEATURE_QEMU").is_some() {
        "memory-qemu.x"
    } else {
        "memory.x"
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::copy(memory, out.join("memory.x")).expect("copy the memory map");
    std::fs::copy("ccm.x", out.join("ccm.x")).expect("copy ccm.x");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-link-arg-bins=--nmagic");
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
}
