//! Link the firmware: put the board's memory map (`memory.x` for the
//! chip, `memory-qemu.x` for QEMU) and `ccm.x` where cortex-m-rt's
//! `link.x` finds them, and link with `link.x`. For FreeRTOS, compile the
//! warm-up script to `$OUT_DIR/warm_up.ebc`, so that it runs without the
//! compiler.

use std::path::PathBuf;

/// The FreeRTOS warm-up script.
const WARM_UP: &str = "src/run/warm_up.py";

fn main() {
    for file in ["memory.x", "memory-qemu.x", "ccm.x", "build.rs", WARM_UP] {
        println!("cargo:rerun-if-changed={file}");
    }
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("none") {
        return;
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if std::env::var_os("CARGO_FEATURE_FREERTOS").is_some() {
        let source = std::fs::read_to_string(WARM_UP).expect("read the warm-up script");
        let code = vm_core::compiler::compile_module(&source, "warm_up.py")
            .unwrap_or_else(|e| panic!("{WARM_UP}: {}", e.msg));
        std::fs::write(out.join("warm_up.ebc"), vm_core::ebc::write(&code))
            .expect("write warm_up.ebc");
    }
    let memory = if std::env::var_os("CARGO_FEATURE_QEMU").is_some() {
        "memory-qemu.x"
    } else {
        "memory.x"
    };
    std::fs::copy(memory, out.join("memory.x")).expect("copy the memory map");
    std::fs::copy("ccm.x", out.join("ccm.x")).expect("copy ccm.x");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-link-arg-bins=--nmagic");
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
}
