//! The microcontroller runner: the scheduler starts once and never ends.

use alloc::boxed::Box;
use alloc::sync::Arc;
use core::sync::atomic::{AtomicBool, Ordering};

use sched_api::{Instant, Interpreter, StopFlag, TaskCounters, ThreadId};

use crate::rtos;
use crate::run::{Finish, Run, Setup};
use crate::{FreeRtosConfig, RunReport};

/// Whether the script's run has been started.
static STARTED: AtomicBool = AtomicBool::new(false);

/// The tick count as microseconds.
fn tick_clock() -> Instant {
    let hz = u64::from(rtos::tick_rate_hz().max(1));
    Instant::from_micros(rtos::ticks().saturating_mul(1_000_000) / hz)
}

fn no_date() -> Option<u64> {
    None
}

/// Run the VM's prepared main thread `main` on FreeRTOS tasks: create the
/// supervisor, start the scheduler, and never return. Once the main thread
/// and every thread it started have finished and their tasks have been
/// deleted, `done` runs on the supervisor task with the run's figures
/// (report them, then reset or halt). `stop` may be raised from an
/// interrupt handler to raise `KeyboardInterrupt` in the script.
///
/// Call it once, from `main` before the scheduler runs; the VM stays
/// allocated for the rest of the program.
pub fn run_forever<V: Interpreter + Send + 'static>(
    config: FreeRtosConfig,
    vm: V,
    main: ThreadId,
    stop: Arc<StopFlag>,
    done: fn(RunReport) -> !,
) -> ! {
    assert!(
        !STARTED.swap(true, Ordering::AcqRel),
        "run_forever starts the FreeRTOS scheduler once"
    );
    let setup = Setup {
        config,
        stop,
        clock: tick_clock,
        unix_time: no_date,
        counters: TaskCounters::default(),
        finish: Finish::Call(done),
    };
    let run: &'static Run<V> = Box::leak(Box::new(Run::new(vm, main, setup)));
    // SAFETY: the run is leaked, so it stays in place for the rest of the
    // program, and STARTED rules out a second run.
    if unsafe { run.launch() }.is_some() {
        rtos::start_scheduler();
    }
    // The scheduler could not start (no memory for the supervisor or the
    // idle task).
    done(RunReport::default())
}
