//! The task pool: bounded, and every slot reusable within a run and across
//! runs. A process of its own (one test), so no other test holds slots.

mod common;

use std::time::Duration;

use common::{Event, Op, assert_clean, run, runtime, within};
use sched_api::SpawnError;
use sched_embassy::TASK_POOL_SIZE;

/// Fill the pool with blocked children, free one, spawn again, end.
fn fill_free_refill() -> Vec<Op> {
    vec![
        Op::SpawnUntilRefused(vec![Op::Block]),
        Op::Spawn(vec![]),
        Op::WakeOldest,
        // Let the woken child run and exit.
        Op::Spin(3),
        Op::Spawn(vec![]),
        Op::WakeAll,
    ]
}

/// One run of [`fill_free_refill`]: the pool holds exactly
/// [`TASK_POOL_SIZE`] tasks, and a freed slot takes a new task at once.
fn check_fill(rt: &sched_embassy::EmbassyRuntime) {
    let (mock, id, _) = run(rt, fill_free_refill());
    assert_clean(rt, &mock);
    let events: Vec<Event> = mock
        .events()
        .into_iter()
        .filter(|(t, _)| *t == id)
        .map(|(_, e)| e)
        .collect();
    assert_eq!(
        events,
        vec![
            // The main task holds one slot.
            Event::SpawnedUntilRefused(TASK_POOL_SIZE - 1),
            Event::Refused(SpawnError::NoSlot),
            Event::Spawned,
            Event::Exited,
        ]
    );
}

#[test]
fn the_pool_is_bounded_and_its_slots_are_reused() {
    within(Duration::from_secs(30), || {
        let rt = runtime();
        check_fill(&rt);
        // Many more tasks than slots, over many runs.
        for _ in 0..3 * TASK_POOL_SIZE {
            let main = vec![Op::Spawn(vec![Op::Block]), Op::Spawn(vec![]), Op::WakeAll];
            let (mock, id, _) = run(&rt, main);
            assert_clean(&rt, &mock);
            assert_eq!(mock.when(id, Event::Refused(SpawnError::NoSlot)), None);
        }
        check_fill(&rt);
    });
}
