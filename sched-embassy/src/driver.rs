//! The driver: the body of every task, main thread included.

use embassy_executor::Spawner;
use embassy_futures::select::select;
use embassy_futures::yield_now;
use embassy_time::Timer;
use portable_atomic_util::Arc;
use sched_api::{Instant, Step, ThreadId};

use crate::clock;
use crate::shared::{Shared, Signal, TaskScheduler};

/// Run `thread` slice by slice until it exits, waiting between slices as
/// it asks; `slot` is its wake signal. Returns once the thread has exited,
/// which ends the task and frees its pool slot.
pub(crate) async fn drive(shared: &Arc<Shared>, spawner: Spawner, thread: ThreadId, slot: usize) {
    let scheduler = TaskScheduler { shared, spawner };
    let wake = shared.wake_signal(slot);
    loop {
        match shared.run_slice(&scheduler, thread) {
            Step::Yield => yield_now().await,
            Step::Sleep(until) => wait(wake, Some(until)).await,
            Step::Block(until) => wait(wake, until).await,
            Step::Exit => break,
        }
    }
    shared.release(slot);
}

/// Wait for `wake`, or until `deadline` when there is one. A wake sent
/// before the wait started ends it at once: the signal keeps it.
async fn wait(wake: &Signal, deadline: Option<Instant>) {
    match deadline {
        Some(at) => {
            select(Timer::at(clock::to_embassy(at)), wake.wait()).await;
        }
        None => wake.wait().await,
    }
}
