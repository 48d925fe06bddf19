//! Compile the FreeRTOS kernel bundled with `freertos-next`, with this
//! crate's `FreeRTOSConfig.h` and its kernel shim (`freertos/`).
//!
//! The port follows the target (freertos-build picks it): the Posix port on
//! x86_64 Linux, where this build also sets `cfg(freertos_posix)` for the
//! host runner, and ARM_CM4F on `thumbv7em-none-eabihf` (needs
//! `arm-none-eabi-gcc`).
//!
//! On the host the Posix port is compiled from a copy with one race fixed
//! (see `END_SCHEDULER_RACE`).
//!
//! Environment overrides, for firmware builds:
//! * `EMBERPY_FREERTOS_HEAP_SIZE`: bytes of the FreeRTOS heap (heap_4);
//!   default 8 MiB on the host, 64 KiB on a microcontroller.
//! * `EMBERPY_FREERTOS_CPU_HZ`: core clock on Cortex-M; default 168 MHz
//!   (STM32F405).

use std::path::{Path, PathBuf};

use freertos_build::prelude::*;

/// The Posix port's path under the kernel's `portable` directory.
const POSIX_PORT: &str = "ThirdParty/GCC/Posix";

/// In the Posix port's `vPortEndScheduler`, the ending task signals the
/// host thread and only then asks whether it is a FreeRTOS thread, which
/// (through `pthread_once`) may create the port's thread key again just as
/// the woken host thread resets its `pthread_once` guard and deletes the
/// key: the next scheduler start then finds the guard done and the key
/// gone, no task can mark its thread, and the first yield fails the port's
/// assertion. The soak found it after 30,000–95,000 restarts in one
/// process (`--repeat`). The fix asks the question before signalling.
const END_SCHEDULER_RACE: (&str, &str) = (
    "    xSchedulerEnd = pdTRUE;
    ( void ) pthread_kill( hMainThread, SIG_RESUME );

    /* Waiting to be deleted here. */
    if( prvIsFreeRTOSThread() == pdTRUE )",
    "    const BaseType_t xEndingTaskIsFreeRTOSThread = prvIsFreeRTOSThread();
    xSchedulerEnd = pdTRUE;
    ( void ) pthread_kill( hMainThread, SIG_RESUME );

    /* Waiting to be deleted here. */
    if( xEndingTaskIsFreeRTOSThread == pdTRUE )",
);

/// Copy the kernel's Posix port into `out` with the end-of-scheduler race
/// fixed (see [`END_SCHEDULER_RACE`]), and return the copy's `portable`
/// directory.
fn patched_posix_port(out: &Path) -> PathBuf {
    let kernel = PathBuf::from(std::env::var("DEP_FREERTOS_CRATE_DIR").expect("freertos-next"))
        .join("FreeRTOS-Kernel/portable");
    let from = kernel.join(POSIX_PORT);
    let base = out.join("portable");
    let to = base.join(POSIX_PORT);
    std::fs::create_dir_all(to.join("utils")).expect("port directory");
    for file in [
        "portmacro.h",
        "utils/wait_for_event.c",
        "utils/wait_for_event.h",
    ] {
        std::fs::copy(from.join(file), to.join(file)).expect("copy the Posix port");
    }
    // The kernel's sources have CRLF line ends.
    let port = std::fs::read_to_string(from.join("port.c"))
        .expect("port.c")
        .replace("\r\n", "\n");
    let (old, new) = END_SCHEDULER_RACE;
    assert!(
        port.contains(old),
        "the Posix port's vPortEndScheduler changed: review END_SCHEDULER_RACE"
    );
    std::fs::write(to.join("port.c"), port.replacen(old, new, 1)).expect("write port.c");
    base
}

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
        let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
        b.freertos_port_base(patched_posix_port(&out));
        b.freertos_port(POSIX_PORT);
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
