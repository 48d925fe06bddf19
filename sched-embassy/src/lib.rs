//! The `embassy` scheduler backend: every Python thread is an embassy task.
//!
//! * **Pool** (`pool.rs`): tasks come from one fixed pool of
//!   [`TASK_POOL_SIZE`] slots, set at build time. The main script runs on a
//!   task too. A spawn while the pool is full fails with
//!   [`SpawnError::NoSlot`](sched_api::SpawnError::NoSlot), which the VM
//!   raises as `RuntimeError: can't start new thread`.
//! * **Driver** (`driver.rs`): each task borrows the VM for one slice, gives
//!   it back, then acts on the [`Step`](sched_api::Step): yields to the
//!   executor, or races an embassy-time timer against the task's wake
//!   [`Signal`](embassy_sync::signal::Signal). Nothing polls.
//! * **Reap**: a task whose thread exits returns from its body in the same
//!   poll, so its pool slot is free as soon as the executor regains control;
//!   [`Scheduler::reap`](sched_api::Scheduler::reap) only records that the
//!   main thread is done.
//! * **Runtime** (`runtime.rs`): [`EmbassyRuntime`] owns the state a run's
//!   tasks share (the VM included, for the duration of a run), the task
//!   counters and the stop flag. On the host (`platform-std`),
//!   [`EmbassyRuntime::run`] drives embassy's std executor until every task
//!   has finished; on a microcontroller the firmware awaits
//!   [`EmbassyRuntime::run_on`] from one of its own tasks.
//!
//! Exactly one platform feature is chosen: `platform-std` (the default) for
//! the host, or `platform-cortex-m`, where the firmware provides the
//! embassy-time driver and the critical-section implementation.
#![no_std]
#![warn(missing_docs)]
#![deny(unsafe_code)]

#[cfg(all(feature = "platform-std", feature = "platform-cortex-m"))]
compile_error!(
    "choose one platform: `platform-std` (the default) or `--no-default-features --features platform-cortex-m`"
);

extern crate alloc;
#[cfg(feature = "platform-std")]
extern crate std;

mod clock;
mod driver;
// The crate's one `unsafe` block: the host executor's borrow.
#[cfg(feature = "platform-std")]
#[allow(unsafe_code)]
mod host;
mod pool;
mod runtime;
mod shared;

pub use pool::TASK_POOL_SIZE;
pub use runtime::{EmbassyConfig, EmbassyRuntime, StopHandle};
