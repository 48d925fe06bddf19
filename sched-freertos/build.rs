//! Compile the FreeRTOS kernel bundled with `freertos-next`, with this
//! crate's `FreeRTOSConfig.h` and its kernel shim (`freertos/`).
//!
//! The port follows the target (freertos-build picks it): the Posix port on
//! x86_64 Linux, where this build also sets `cfg(freertos_posix)` for the
//! host runner, and ARM_CM4F on `thumbv7em-none-eabihf` (needs
//! `arm-none-eabi-gcc`).
//!
//! Environment overrides, for firmware builds:
//! * `EMBERPY_FREERTOS_HEAP_SIZE`: bytes of the FreeRTOS heap (heap_4);
//!   default 8 MiB on the host, 64 KiB on a microcontroller.
//! * `EMBERPY_FREERTOS_CPU_HZ`: core clock on Cortex-M; default 168 MHz
//!   (STM32F405).

use freertos_build::prelude::*;

fn env_number(name: &str, default: u32) -> u32 {
    println!("cargo:rerun-if-env-changed={name}");
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}")),
        Err(_) => default,
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=freertos");
    println!("cargo::rustc-check-cfg=cfg(freertos_posix)");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let posix = os == "linux" && arch == "x86_64";

    let mut b = freertos_build::Builder::new();
    b.freertos_config_dir("freertos");
    b.add_build_file("freertos/emberpy_rtos.c");
    b.heap("heap_4.c");
    b.max_task_priorities(4);
    b.minimal_stack_size(128);
    if posix {
        println!("cargo::rustc-cfg=freertos_posix");
        b.heap_size(env_number("EMBERPY_FREERTOS_HEAP_SIZE", 8 * 1024 * 1024) as usize);
        // Cooperative scheduling on the host: the Posix port switches tasks
        // inside a signal handler when it preempts, which can stop a task
        // while it holds a C library lock (malloc, stdio) that the next task
        // then needs. Every task of this backend gives up the CPU at its
        // own waits and yields anyway.
        b.use_preemption(false);
    } else {
        b.heap_size(env_number("EMBERPY_FREERTOS_HEAP_SIZE", 64 * 1024) as usize);
        b.use_preemption(true);
        b.cpu_clock(env_number("EMBERPY_FREERTOS_CPU_HZ", 168_000_000).Hz());
        b.interrupt_priority_bits(4, 5, 15);
    }
    if let Err(e) = b.compile() {
        panic!("building FreeRTOS failed: {e:?}");
    }
}
