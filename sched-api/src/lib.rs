//! The contract between the emberpy VM and the schedulers that run its threads.
//!
//! The VM (`vm-core`) never blocks and never creates a task itself. Everything
//! that needs an operating system, an executor or an RTOS goes through the two
//! traits of this crate:
//!
//! * [`Scheduler`] is what a backend offers the VM: start a task for a Python
//!   thread, wake a waiting thread early, reclaim a finished thread's task, and
//!   a monotonic clock.
//! * [`Interpreter`] is what the VM offers a backend: run one Python thread for
//!   a bounded number of bytecodes and say what the thread wants next, as a
//!   [`Step`].
//!
//! # Writing a backend
//!
//! A backend has three parts.
//!
//! 1. **A [`Scheduler`] implementation.** [`Scheduler::spawn`] creates one real
//!    task (OS thread, executor task, RTOS task) per Python thread; the task's
//!    body is the *driver* below. [`Scheduler::wake`] ends a wait early;
//!    [`Scheduler::reap`] reclaims a finished task.
//! 2. **The driver**, the body of every task, main thread included:
//!
//!    ```text
//!    loop {
//!        take exclusive access to the VM             (the "VM lock")
//!        let step = vm.run_slice(&scheduler, thread, budget);
//!        give the VM back
//!        match step {
//!            Step::Yield          => let other tasks take the VM first,
//!            Step::Sleep(until)   => wait until `until` or a wake,
//!            Step::Block(until)   => wait until `until` (None: forever) or a wake,
//!            Step::Exit           => break,
//!        }
//!    }
//!    ```
//!
//!    Waiting uses the backend's own primitive (a condition variable, an
//!    `await` on a timer raced against a signal, a FreeRTOS notification with
//!    a timeout), never a polling loop. Wakes must not be lost: a
//!    [`Scheduler::wake`] that arrives before the driver starts waiting makes
//!    that wait return at once. Spurious early returns are harmless: the VM
//!    re-checks its condition on the next slice and asks to wait again.
//!
//!    One Python thread runs bytecode at a time, so the VM lock is held for the
//!    whole slice and never across a wait. `Step::Yield` must let every task
//!    already waiting for the VM run before this one takes it again (a FIFO
//!    hand-off, a `yield_now().await`, a `taskYIELD()` among equal priorities).
//! 3. **A supervisor**: the host-facing `run` function. It spawns the main
//!    thread's task, reclaims finished tasks as soon as [`Scheduler::reap`]
//!    reports them (from a task other than the finished one), and returns once
//!    the main thread has exited and [`TaskCounters::live`] is zero. The VM
//!    itself cancels the other threads when the main thread ends, so the
//!    supervisor never needs to decide which thread to stop.
//!
//! # Time
//!
//! [`Instant`] counts microseconds on the backend's monotonic clock; the VM
//! computes deadlines from [`Scheduler::now`] and hands them back in
//! [`Step::Sleep`] and [`Step::Block`].
#![no_std]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

use core::sync::atomic::{AtomicBool, Ordering};
use core::time::Duration;

/// Identifies one Python thread for its whole life. The VM assigns ids and
/// never reuses one while its task may still exist.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct ThreadId(pub u32);

/// A point on the backend's monotonic clock, in microseconds since the clock
/// started.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Instant(u64);

impl Instant {
    /// The instant `micros` microseconds after the clock's start.
    pub const fn from_micros(micros: u64) -> Self {
        Instant(micros)
    }

    /// Microseconds since the clock's start.
    pub const fn as_micros(self) -> u64 {
        self.0
    }

    /// `self + duration`, saturating at the end of time.
    pub fn saturating_add(self, duration: Duration) -> Self {
        let micros = u64::try_from(duration.as_micros()).unwrap_or(u64::MAX);
        Instant(self.0.saturating_add(micros))
    }

    /// The time from `earlier` to `self`, or zero when `earlier` is later.
    pub fn saturating_duration_since(self, earlier: Instant) -> Duration {
        Duration::from_micros(self.0.saturating_sub(earlier.0))
    }
}

/// What a Python thread asks its driver to do after a slice.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step {
    /// The slice's bytecode budget ran out. Let the other tasks that want the
    /// VM run first, then run the next slice.
    Yield,
    /// The thread sleeps until the instant (`time.sleep`). Wait until then or
    /// until [`Scheduler::wake`] names this thread, then run the next slice.
    Sleep(Instant),
    /// The thread waits for something another thread will signal with
    /// [`Scheduler::wake`] (a lock being released), with an optional
    /// deadline. Wait as for [`Step::Sleep`]; `None` waits without a deadline.
    Block(Option<Instant>),
    /// The thread has finished and the VM has released its state. End the
    /// task's body; do not call [`Interpreter::run_slice`] for it again.
    Exit,
}

/// Per-task options chosen by the script.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct SpawnOptions {
    /// Stack size requested through `_thread.stack_size()`, in bytes; `None`
    /// for the backend's default. Backends without per-task stacks ignore it.
    pub stack_size: Option<usize>,
    /// Whether this is the main script's thread.
    pub is_main: bool,
}

/// Why a task could not be started. The VM raises it in Python as
/// `RuntimeError: can't start new thread` (or `MemoryError`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, thiserror::Error)]
pub enum SpawnError {
    /// The backend's task limit or task pool is full.
    #[error("no free task slot")]
    NoSlot,
    /// The backend could not allocate the task's stack or control block.
    #[error("out of memory for a new task")]
    OutOfMemory,
    /// The run is ending; no new tasks are accepted.
    #[error("the scheduler is shutting down")]
    ShuttingDown,
}

/// Task accounting every backend keeps. These figures are part of the public
/// API: the CLI prints them and the conformance suite checks them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct TaskCounters {
    /// Tasks started since the scheduler was created.
    pub spawned: u64,
    /// Tasks reclaimed since the scheduler was created.
    pub reaped: u64,
}

impl TaskCounters {
    /// Tasks started and not yet reclaimed.
    pub const fn live(&self) -> u64 {
        self.spawned - self.reaped
    }
}

/// What a backend offers the VM. Every method is called with the VM lock
/// held, from inside [`Interpreter::run_slice`], except where noted.
pub trait Scheduler {
    /// Short name of the backend (`std`, `embassy`, `freertos`), printed by
    /// `emberpy --version` and in the `--stats` line.
    fn name(&self) -> &'static str;

    /// Start a task whose body drives `thread` (see the crate docs). The
    /// task must not run the thread's first slice before the caller has
    /// released the VM. On error nothing may stay allocated.
    fn spawn(&self, thread: ThreadId, options: SpawnOptions) -> Result<(), SpawnError>;

    /// End `thread`'s current [`Step::Sleep`] or [`Step::Block`] wait early,
    /// or, if it is not waiting yet, make its next wait return at once.
    /// Used for lock hand-over and for cancellation.
    fn wake(&self, thread: ThreadId);

    /// `thread` has finished: its Python state is gone and its driver is about
    /// to return [`Step::Exit`]'s task body. Reclaim the task (join it, delete
    /// it, free its pool slot) as soon as its body has returned, from a task
    /// other than itself, without waiting for anything else to happen.
    /// [`TaskCounters::reaped`] counts the reclamation once it is done.
    fn reap(&self, thread: ThreadId);

    /// The monotonic clock.
    fn now(&self) -> Instant;

    /// Seconds since the Unix epoch as microseconds, when the platform knows
    /// the date (used by `time.time()`); `None` where it does not.
    fn unix_time_micros(&self) -> Option<u64> {
        None
    }

    /// The task counters as they stand.
    fn counters(&self) -> TaskCounters;

    /// Whether the host asked the script to stop (Ctrl-C, an embedding stop
    /// call) since the last call; the request is consumed by this call.
    fn take_stop_request(&self) -> bool;
}

/// What the VM offers a backend's driver.
pub trait Interpreter {
    /// Run `thread` for at most `budget` bytecodes, or until it waits or ends,
    /// and return what it asks for next. Called with the VM lock held.
    fn run_slice(&mut self, scheduler: &dyn Scheduler, thread: ThreadId, budget: u32) -> Step;
}

/// A stop request that a host can raise from any context, an interrupt
/// handler included: it only stores an atomic flag. Backends own one and
/// answer [`Scheduler::take_stop_request`] from it.
#[derive(Debug, Default)]
pub struct StopFlag(AtomicBool);

impl StopFlag {
    /// A flag with no request pending.
    pub const fn new() -> Self {
        StopFlag(AtomicBool::new(false))
    }

    /// Ask the running script to stop.
    pub fn raise(&self) {
        self.0.store(true, Ordering::Release);
    }

    /// Consume a pending request. Only the thread holding the VM lock calls
    /// this, so a load followed by a store is enough (and works on cores
    /// without atomic read-modify-write, such as the RP2040's Cortex-M0+).
    pub fn take(&self) -> bool {
        let raised = self.0.load(Ordering::Acquire);
        if raised {
            self.0.store(false, Ordering::Release);
        }
        raised
    }

    /// Whether a request is pending, without consuming it.
    pub fn is_raised(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instant_arithmetic_saturates() {
        let t = Instant::from_micros(10);
        assert_eq!(t.saturating_add(Duration::from_millis(1)).as_micros(), 1010);
        assert_eq!(
            Instant::from_micros(u64::MAX - 1).saturating_add(Duration::from_secs(1)),
            Instant::from_micros(u64::MAX)
        );
        assert_eq!(
            t.saturating_duration_since(Instant::from_micros(20)),
            Duration::ZERO
        );
        assert_eq!(
            Instant::from_micros(25).saturating_duration_since(t),
            Duration::from_micros(15)
        );
    }

    #[test]
    fn live_tasks_are_spawned_minus_reaped() {
        let c = TaskCounters {
            spawned: 7,
            reaped: 5,
        };
        assert_eq!(c.live(), 2);
    }

    #[test]
    fn stop_flag_is_consumed_once() {
        let flag = StopFlag::new();
        assert!(!flag.take());
        flag.raise();
        assert!(flag.is_raised());
        assert!(flag.take());
        assert!(!flag.take());
    }
}
