//! emberpy on the STM32F405: the conformance scenarios, frozen into flash,
//! run one after another on the chosen scheduler, each checked on the
//! board; one result line per scenario and a summary line on the console.
//!
//! Cargo features choose one scheduler and one board:
//!
//! | feature    | what                                                        |
//! |------------|-------------------------------------------------------------|
//! | `embassy`  | Python threads as embassy tasks (`run/embassy.rs`)          |
//! | `freertos` | Python threads as FreeRTOS tasks (`run/freertos.rs`)        |
//! | `qemu`     | QEMU `netduinoplus2`: SysTick time, semihosting, sim pins   |
//! | `hw`       | the chip: embassy-stm32 clocks, time, USART2 console, GPIO  |
//!
//! The board-specific part is `bsp/`; everything Python sees (the VM, the
//! `machine` module, the scenarios) is shared with every other board.
#![no_std]
#![no_main]

#[cfg(all(feature = "embassy", feature = "freertos"))]
compile_error!("choose one scheduler: `embassy` or `freertos`");
#[cfg(all(feature = "qemu", feature = "hw"))]
compile_error!("choose one board: `qemu` or `hw`");

extern crate alloc;

mod board;
#[cfg_attr(feature = "qemu", path = "bsp/qemu.rs")]
#[cfg_attr(feature = "hw", path = "bsp/hw.rs")]
mod bsp;
#[cfg_attr(feature = "embassy", path = "run/embassy.rs")]
#[cfg_attr(feature = "freertos", path = "run/freertos.rs")]
mod run;
#[cfg(all(feature = "qemu", feature = "embassy"))]
mod systick;

use core::fmt::Write;

/// A bug, never a Python error: say where on the console and stop with a
/// failing status.
#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let mut console = bsp::Console::new();
    let _ = writeln!(console, "emberpy-panic: {info}");
    bsp::exit(false)
}
