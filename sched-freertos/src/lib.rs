//! The `freertos` scheduler backend of emberpy: every Python thread is a
//! FreeRTOS task.
//!
//! * **Spawn**: [`sched_api::Scheduler::spawn`] creates a FreeRTOS task
//!   with its own stack (`_thread.stack_size()`, or
//!   [`FreeRtosConfig::stack_size`]); the main script runs on a task too.
//!   Each task's body is the driver loop of [`sched_api`].
//! * **VM lock**: a FreeRTOS mutex held only during a slice. A task that
//!   used up its slice gives the mutex back and calls `taskYIELD`, so every
//!   other ready Python task (all share one priority) runs first.
//! * **Sleep / block**: a wait on the task's notification with a timeout
//!   computed from the deadline, none for `Block(None)`.
//!   [`sched_api::Scheduler::wake`] is a notify; notifications latch, so a
//!   wake sent before the wait is not lost.
//! * **Reap**: a task whose driver has returned parks and tells the
//!   supervisor task, which deletes it with `vTaskDelete`. Deleting another
//!   task frees its control block and stack at once (a task deleting itself
//!   would be freed only when the idle task runs), so the FreeRTOS free heap
//!   ([`FreeHeap`]) is back at its baseline when a run ends.
//! * **Stop**: the host's stop request only sets a [`sched_api::StopFlag`]
//!   (it may come from a thread or an interrupt outside FreeRTOS); the
//!   supervisor checks it every [`FreeRtosConfig::stop_poll`] and wakes the
//!   main thread, which raises `KeyboardInterrupt`.
//!
//! Runners: on x86_64 Linux (FreeRTOS's Posix port, `cfg(freertos_posix)`)
//! `FreeRtosRuntime` starts the scheduler for each run and ends it
//! afterwards, so a process can run many scripts. On a microcontroller
//! `run_forever` starts the scheduler once and never returns.
//!
//! Programs that run FreeRTOS tasks on the Posix port must be built with
//! `panic = "abort"`: the port ends task threads with `pthread_cancel`,
//! whose forced unwinding aborts a program built to unwind.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(freertos_posix)]
extern crate std;

mod rtos;
mod run;

#[cfg(not(freertos_posix))]
mod firmware;
#[cfg(freertos_posix)]
mod host;

#[cfg(not(freertos_posix))]
pub use firmware::run_forever;
#[cfg(freertos_posix)]
pub use host::{FreeRtosRuntime, StopHandle};

use core::time::Duration;

use sched_api::TaskCounters;

/// Tunables of the FreeRTOS backend.
///
/// On the Posix port a task's code runs on the stack of its pthread; the
/// FreeRTOS stack is still allocated from the FreeRTOS heap, so memory
/// accounting and out-of-memory failures behave as on a microcontroller.
#[derive(Clone, Copy, Debug)]
pub struct FreeRtosConfig {
    /// Bytecodes a thread runs before it lets the others have the VM.
    pub slice_budget: u32,
    /// Stack of a thread's task in bytes, unless the script asks for
    /// another size with `_thread.stack_size()`.
    pub stack_size: usize,
    /// Stack of the main script's task in bytes.
    pub main_stack_size: usize,
    /// Stack of the supervisor task in bytes.
    pub supervisor_stack_size: usize,
    /// How often the supervisor checks for a host stop request.
    pub stop_poll: Duration,
}

/// Default stacks in bytes: (thread, main script, supervisor).
#[cfg(freertos_posix)]
const STACKS: (usize, usize, usize) = (16 * 1024, 64 * 1024, 4 * 1024);
/// Default stacks in bytes: (thread, main script, supervisor).
#[cfg(not(freertos_posix))]
const STACKS: (usize, usize, usize) = (8 * 1024, 16 * 1024, 4 * 1024);

impl Default for FreeRtosConfig {
    fn default() -> Self {
        FreeRtosConfig {
            slice_budget: 10_000,
            stack_size: STACKS.0,
            main_stack_size: STACKS.1,
            supervisor_stack_size: STACKS.2,
            stop_poll: Duration::from_millis(10),
        }
    }
}

/// The FreeRTOS free heap (`xPortGetFreeHeapSize`) around one run, both
/// read inside the supervisor task: before it creates anything for the run
/// and after it deleted the last task and the VM lock.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FreeHeap {
    /// Free bytes when the run started.
    pub baseline: usize,
    /// Free bytes when the run ended.
    pub after: usize,
}

impl FreeHeap {
    /// `after - baseline`: zero when the run gave every byte back.
    pub fn delta(&self) -> i64 {
        self.after as i64 - self.baseline as i64
    }
}

/// The figures of a finished run.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct RunReport {
    /// Tasks spawned and reaped, over every run of the runtime so far.
    pub counters: TaskCounters,
    /// The FreeRTOS free heap around the run; `None` if the supervisor
    /// could not start the run.
    pub free_heap: Option<FreeHeap>,
}

/// The FreeRTOS free heap now, in bytes. Call it from a task: heap_4 reads
/// 0 until its first allocation.
pub fn free_heap_now() -> usize {
    rtos::free_heap()
}
