//! The host runner: FreeRTOS's Posix port on x86_64 Linux, where every task
//! is a pthread and the scheduler can be started and ended many times in
//! one process.

use alloc::sync::Arc;
use core::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use sched_api::{Instant, Interpreter, StopFlag, TaskCounters, ThreadId};

use crate::rtos;
use crate::run::{Finish, Run, Setup};
use crate::{FreeHeap, FreeRtosConfig, RunReport};

/// Where the clock the VM sees starts.
static EPOCH: OnceLock<std::time::Instant> = OnceLock::new();

/// Whether a run holds the process's FreeRTOS kernel.
static KERNEL_BUSY: AtomicBool = AtomicBool::new(false);

fn host_clock() -> Instant {
    let epoch = EPOCH.get_or_init(std::time::Instant::now);
    Instant::from_micros(u64::try_from(epoch.elapsed().as_micros()).unwrap_or(u64::MAX))
}

fn host_unix_time() -> Option<u64> {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| u64::try_from(d.as_micros()).ok())
}

/// Asks a running script to stop, from any thread (THREADS.md rule 6): the
/// supervisor notices within [`FreeRtosConfig::stop_poll`] and wakes the
/// main thread, which raises `KeyboardInterrupt`.
#[derive(Clone)]
pub struct StopHandle {
    flag: Arc<StopFlag>,
}

impl StopHandle {
    /// Raise `KeyboardInterrupt` in the main thread as soon as possible.
    pub fn stop(&self) {
        self.flag.raise();
    }
}

/// Runs scripts on FreeRTOS tasks, starting the scheduler for each run and
/// ending it once every task has been reaped.
///
/// FreeRTOS has one kernel per process: [`FreeRtosRuntime::run`] panics if
/// another run is in progress, and must be called outside FreeRTOS tasks.
pub struct FreeRtosRuntime {
    config: FreeRtosConfig,
    stop: Arc<StopFlag>,
    last: Mutex<RunReport>,
}

impl FreeRtosRuntime {
    /// A runtime with the given tunables.
    pub fn new(config: FreeRtosConfig) -> Self {
        EPOCH.get_or_init(std::time::Instant::now);
        FreeRtosRuntime {
            config,
            stop: Arc::new(StopFlag::new()),
            last: Mutex::new(RunReport::default()),
        }
    }

    fn last(&self) -> MutexGuard<'_, RunReport> {
        self.last.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The backend's name.
    pub fn name(&self) -> &'static str {
        "freertos"
    }

    /// A handle that stops the running script.
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            flag: self.stop.clone(),
        }
    }

    /// The clock the VM sees.
    pub fn now(&self) -> Instant {
        host_clock()
    }

    /// Tasks spawned and reaped over every run so far.
    pub fn counters(&self) -> TaskCounters {
        self.last().counters
    }

    /// The FreeRTOS free heap before and after the last run.
    pub fn free_heap(&self) -> Option<FreeHeap> {
        self.last().free_heap
    }

    /// Run the VM's prepared main thread `main` until it and every thread
    /// it started have finished and their tasks have been deleted, then end
    /// the scheduler and give the VM back.
    pub fn run<V: Interpreter + Send + 'static>(&self, vm: V, main: ThreadId) -> V {
        assert!(
            !KERNEL_BUSY.swap(true, Ordering::AcqRel),
            "the FreeRTOS kernel runs one script at a time per process"
        );
        let setup = Setup {
            config: self.config,
            stop: self.stop.clone(),
            clock: host_clock,
            unix_time: host_unix_time,
            counters: self.counters(),
            finish: Finish::EndScheduler,
        };
        let run = Run::new(vm, main, setup);
        // A fresh kernel and heap for every run, so every run starts from
        // the same figures.
        rtos::reset();
        // SAFETY: `run` stays in place, untouched, until `into_parts` below,
        // which comes after the supervisor has been deleted; KERNEL_BUSY
        // rules out another run.
        if let Some(supervisor) = unsafe { run.launch() } {
            rtos::start_scheduler();
            // SAFETY: the scheduler has ended; the supervisor waits in
            // `end_scheduler` to be deleted, holds nothing, and is not this
            // thread. Deleting it joins its thread.
            unsafe { rtos::task_delete(supervisor) };
        }
        let (vm, report) = run.into_parts();
        *self.last() = report;
        KERNEL_BUSY.store(false, Ordering::Release);
        vm
    }
}
