//! emberpy on the RP2040 (Raspberry Pi Pico): the conformance scenarios
//! and the board scenarios, frozen into flash, run one after another on
//! embassy tasks, each checked on the board; one result line per scenario
//! and a summary line on UART0 (GPIO0, 115200 baud).
//!
//! `board.rs` is everything specific to the chip (embassy-rp: clocks,
//! time, the console, GPIO for `machine.Pin`); what Python sees is shared
//! with every other board.
#![no_std]
#![no_main]

mod board;

use core::fmt::Write;

use embassy_executor::Spawner;
use emberpy_board_suite::Suite;
use sched_embassy::{EmbassyConfig, EmbassyRuntime};

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    board::init_heap();
    board::init();
    let runtime = EmbassyRuntime::new(EmbassyConfig::default());
    let suite = Suite::new(board::board(runtime.name()), board::Console::new());
    let mut suite = emberpy_board_suite::embassy::run(spawner, &runtime, suite).await;
    board::report_memory(suite.console());
    suite.finish();
    board::halt()
}

/// A bug, never a Python error: say where on the console and stop at a
/// breakpoint (the emulator's harness ends there).
#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let mut console = board::Console::new();
    let _ = writeln!(console, "emberpy-panic: {info}");
    drop(console);
    cortex_m::asm::bkpt();
    board::halt()
}
