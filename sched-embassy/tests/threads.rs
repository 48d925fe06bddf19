//! The embassy backend's contract, checked with a mock interpreter: wakes,
//! waits, reaping, stop requests, and several executors at once.

mod common;

use std::sync::Mutex;
use std::time::Duration;

use common::{Event, Mock, Op, assert_clean, ms, run, runtime, within};
use embassy_executor::{Executor, Spawner};
use embassy_sync::blocking_mutex::raw::CriticalSectionRawMutex;
use embassy_sync::signal::Signal;
use sched_api::ThreadId;
use sched_embassy::EmbassyRuntime;

const CHILD: ThreadId = ThreadId(1);
/// Longer than any run here should take, shorter than the 10 s sleeps a
/// lost wake-up would wait out.
const PROMPT: Duration = Duration::from_secs(3);
const LIMIT: Duration = Duration::from_secs(10);

#[test]
fn a_sleeper_is_woken_at_once_by_wake() {
    let rt = runtime();
    let main = vec![
        Op::Spawn(vec![Op::Sleep(Duration::from_secs(10))]),
        Op::Sleep(ms(20)),
        Op::WakeOldest,
        Op::Sleep(ms(100)),
    ];
    let (mock, id, took) = within(LIMIT, move || {
        let out = run(&rt, main);
        assert_clean(&rt, &out.0);
        out
    });
    let spawned = mock.when(id, Event::Spawned).unwrap();
    let woke = mock.when(CHILD, Event::WaitEnded).unwrap();
    let waited = woke.saturating_duration_since(spawned);
    assert!(
        waited >= ms(20) && waited < PROMPT,
        "woken after {waited:?}"
    );
    assert!(took < PROMPT, "run took {took:?}");
}

#[test]
fn a_blocked_task_is_woken() {
    let rt = runtime();
    let main = vec![
        Op::Spawn(vec![Op::Block]),
        Op::Sleep(ms(20)),
        Op::WakeOldest,
        Op::Sleep(ms(100)),
    ];
    let (mock, id, _) = within(LIMIT, move || {
        let out = run(&rt, main);
        assert_clean(&rt, &out.0);
        out
    });
    let spawned = mock.when(id, Event::Spawned).unwrap();
    let woke = mock.when(CHILD, Event::WaitEnded).unwrap();
    let waited = woke.saturating_duration_since(spawned);
    assert!(
        waited >= ms(20) && waited < PROMPT,
        "woken after {waited:?}"
    );
}

#[test]
fn a_wake_before_the_wait_is_kept() {
    let rt = runtime();
    // The wake arrives while the child is still spinning; its block must
    // then end at once, or the run never returns.
    let main = vec![Op::Spawn(vec![Op::Spin(50), Op::Block]), Op::WakeOldest];
    let (mock, _, took) = within(LIMIT, move || {
        let out = run(&rt, main);
        assert_clean(&rt, &out.0);
        out
    });
    assert!(mock.when(CHILD, Event::WaitEnded).is_some());
    assert!(took < PROMPT, "run took {took:?}");
}

#[test]
fn run_returns_only_after_every_task_finished() {
    let rt = runtime();
    // The main thread ends at once; its child sleeps on.
    let main = vec![Op::Spawn(vec![Op::Sleep(ms(50))])];
    let (mock, id, took) = within(LIMIT, move || {
        let out = run(&rt, main);
        assert_clean(&rt, &out.0);
        assert_eq!(rt.counters().spawned, 2);
        out
    });
    assert!(took >= ms(50), "run returned after {took:?}");
    assert_eq!(
        mock.events(),
        vec![
            (id, Event::Spawned),
            (id, Event::Exited),
            (CHILD, Event::WaitEnded),
            (CHILD, Event::Exited),
        ]
    );
    // When the child exited, only the main task had been reaped.
    assert_eq!(mock.counters_at_exit[1].live(), 1);
}

#[test]
fn a_busy_task_does_not_starve_a_sleeper() {
    let rt = runtime();
    let main = vec![Op::Spawn(vec![Op::Spin(200_000)]), Op::Sleep(ms(5))];
    let (mock, id, _) = within(LIMIT, move || run(&rt, main));
    assert!(
        mock.when(id, Event::WaitEnded).unwrap() < mock.when(CHILD, Event::Exited).unwrap(),
        "the sleeper ran while the spinner was still busy"
    );
}

#[test]
fn the_stop_handle_wakes_the_main_task_from_another_thread() {
    let rt = runtime();
    let stop = rt.stop_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(ms(30));
        stop.stop();
    });
    let (mock, id, took) = within(LIMIT, move || run(&rt, vec![Op::AwaitStop]));
    stopper.join().unwrap();
    assert!(mock.when(id, Event::Stopped).is_some());
    assert!(took < PROMPT, "run took {took:?}");
}

#[test]
fn runs_repeat_with_the_same_figures() {
    let rt = runtime();
    within(LIMIT, move || {
        for n in 1..=50u64 {
            let main = vec![
                Op::Spawn(vec![Op::Sleep(Duration::from_secs(10))]),
                Op::Spawn(vec![Op::Block]),
                Op::Sleep(ms(1)),
                Op::WakeAll,
            ];
            let (mock, _, _) = run(&rt, main);
            assert_clean(&rt, &mock);
            assert_eq!(rt.counters().spawned, 3 * n);
        }
    });
}

#[test]
fn several_executors_run_in_parallel_threads() {
    let workers: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                let rt = runtime();
                for _ in 0..10 {
                    let main = vec![Op::Spawn(vec![Op::Block]), Op::Sleep(ms(2)), Op::WakeOldest];
                    let (mock, _, _) = run(&rt, main);
                    assert_clean(&rt, &mock);
                }
                rt.counters().spawned
            })
        })
        .collect();
    for w in workers {
        assert_eq!(w.join().unwrap(), 20);
    }
}

/// Where the firmware-style test hands the VM to its supervisor task and
/// gets it back.
static RUN_ON_VM: Mutex<Option<(Mock, ThreadId)>> = Mutex::new(None);
static RUN_ON_DONE: Signal<CriticalSectionRawMutex, ()> = Signal::new();

#[embassy_executor::task]
async fn supervisor(rt: &'static EmbassyRuntime, spawner: Spawner) {
    let (mock, main) = RUN_ON_VM.lock().unwrap().take().unwrap();
    let mock = rt.run_on(spawner, mock, main).await;
    *RUN_ON_VM.lock().unwrap() = Some((mock, main));
    RUN_ON_DONE.signal(());
}

#[test]
fn run_on_drives_a_run_from_a_firmware_task() {
    let (mock, id) = Mock::new(vec![
        Op::Spawn(vec![Op::Block]),
        Op::Sleep(ms(5)),
        Op::WakeOldest,
    ]);
    *RUN_ON_VM.lock().unwrap() = Some((mock, id));
    within(LIMIT, || {
        // A firmware's executor and runtime live for ever.
        let rt: &'static EmbassyRuntime = Box::leak(Box::new(runtime()));
        let executor: &'static mut Executor = Box::leak(Box::new(Executor::new()));
        executor.run_until(
            |spawner| spawner.spawn(supervisor(rt, spawner).unwrap()),
            || RUN_ON_DONE.signaled(),
        );
        let (mock, _) = RUN_ON_VM.lock().unwrap().take().unwrap();
        assert_clean(rt, &mock);
    });
}
