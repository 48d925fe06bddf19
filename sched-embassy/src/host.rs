//! The host's executor: embassy's std executor, one per OS thread, created
//! on that thread's first run and reused by every later run, so running a
//! script again allocates nothing new.
//!
//! This is the crate's only `unsafe` code: the std executor runs from a
//! `&'static mut` borrow, which safe code can hand out only once.

use core::cell::Cell;
use core::ptr::NonNull;

use embassy_executor::{Executor, Spawner};
use std::boxed::Box;

std::thread_local! {
    /// This thread's executor while no run uses it.
    static IDLE: Cell<Option<NonNull<Executor>>> = const { Cell::new(None) };
}

/// Run this thread's executor: `init` spawns the first tasks, and the
/// executor polls until `done` holds after a poll.
pub(crate) fn run_until(init: impl FnOnce(Spawner), done: impl FnMut() -> bool) {
    let executor = IDLE
        .take()
        .unwrap_or_else(|| NonNull::from(Box::leak(Box::new(Executor::new()))));
    // SAFETY: `executor` comes from `Box::leak`, so it is valid for the rest
    // of the process. Only this thread ever uses it (it is kept in a
    // thread-local), and it is out of `IDLE` until `run_until` returns, so
    // no other reference to it exists during the run: a nested run on this
    // thread would make an executor of its own. The references the previous
    // run handed out (spawners held by task futures) ended with those
    // futures, all of which had completed when that run returned.
    let borrowed: &'static mut Executor = unsafe { &mut *executor.as_ptr() };
    borrowed.run_until(init, done);
    IDLE.set(Some(executor));
}
