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

#[cfg(test)]
mod tests {
    use super::*;

    /// The executor kept for this thread's next run, left where it was.
    fn idle() -> Option<NonNull<Executor>> {
        let kept = IDLE.take();
        IDLE.set(kept);
        kept
    }

    #[test]
    fn a_run_holds_the_only_borrow_and_the_next_run_reuses_the_executor() {
        run_until(|_| {}, || true);
        let first = idle().expect("the executor is kept after a run");
        let mut during_run = Some(first);
        run_until(|_| during_run = idle(), || true);
        assert_eq!(during_run, None, "a run takes the executor out of IDLE");
        assert_eq!(idle(), Some(first), "the second run reused the executor");
    }

    #[test]
    fn each_thread_runs_an_executor_of_its_own() {
        run_until(|_| {}, || true);
        let here = idle().map(|e| e.as_ptr() as usize);
        let there = std::thread::spawn(|| {
            run_until(|_| {}, || true);
            idle().map(|e| e.as_ptr() as usize)
        })
        .join()
        .expect("the other thread ran");
        assert!(here.is_some() && there.is_some());
        assert_ne!(here, there);
    }
}
