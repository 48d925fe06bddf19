//! The task pool: one embassy task per Python thread, from a fixed pool.

use embassy_executor::Spawner;
use portable_atomic_util::Arc;
use sched_api::{SpawnError, SpawnOptions, ThreadId};

use crate::driver;
use crate::shared::Shared;

/// Tasks, and so Python threads (the main thread included), that can exist
/// at once in one process. Set at build time: 32 unless the environment
/// variable `EMBERPY_TASK_POOL_SIZE` holds another decimal number when the
/// crate is compiled. Every slot is static memory the size of one driver
/// task.
pub const TASK_POOL_SIZE: usize = match option_env!("EMBERPY_TASK_POOL_SIZE") {
    Some(size) => parse_pool_size(size),
    None => 32,
};

const fn parse_pool_size(text: &str) -> usize {
    let digits = text.as_bytes();
    assert!(
        !digits.is_empty(),
        "EMBERPY_TASK_POOL_SIZE must be a decimal number"
    );
    let mut size = 0usize;
    let mut i = 0;
    while i < digits.len() {
        assert!(
            digits[i].is_ascii_digit(),
            "EMBERPY_TASK_POOL_SIZE must be a decimal number"
        );
        size = size * 10 + (digits[i] - b'0') as usize;
        i += 1;
    }
    assert!(size > 0, "EMBERPY_TASK_POOL_SIZE must be at least 1");
    size
}

/// The body of every task: drive `thread`, whose wake signal is `slot`.
#[embassy_executor::task(pool_size = TASK_POOL_SIZE)]
async fn thread_task(shared: Arc<Shared>, spawner: Spawner, thread: ThreadId, slot: usize) {
    driver::drive(&shared, spawner, thread, slot).await;
}

/// Start a task for `thread` on `spawner`'s executor. Fails with
/// [`SpawnError::NoSlot`] when the pool is full, leaving nothing claimed.
pub(crate) fn spawn(
    shared: &Arc<Shared>,
    spawner: Spawner,
    thread: ThreadId,
    options: SpawnOptions,
) -> Result<(), SpawnError> {
    let slot = shared
        .reserve(thread, options.is_main)
        .ok_or(SpawnError::NoSlot)?;
    match thread_task(shared.clone(), spawner, thread, slot) {
        Ok(token) => {
            spawner.spawn(token);
            shared.spawned();
            Ok(())
        }
        Err(_) => {
            shared.unreserve(slot);
            Err(SpawnError::NoSlot)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_sizes_parse() {
        assert_eq!(parse_pool_size("32"), 32);
        assert_eq!(parse_pool_size("7"), 7);
    }
}
