//! The std backend against a scripted interpreter: the driver, wake-ups,
//! reaping and the supervisor, without the Python VM.

use std::collections::HashMap;
use std::time::{Duration, Instant as StdInstant};

use sched_api::{Instant, Interpreter, Scheduler, SpawnOptions, Step, ThreadId};
use sched_std::{StdConfig, StdRuntime};

/// What a fake thread does.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Program {
    /// Sleep ten seconds at a time until cancelled.
    Sleeper,
    /// Never wait: use up every budget until cancelled.
    Spinner,
    /// Block without a deadline until cancelled.
    Waiter,
}

#[derive(Default)]
struct Fake {
    programs: HashMap<ThreadId, Program>,
    children: Vec<(ThreadId, Program)>,
    cancelled: bool,
    main_slices: u32,
    spinner_slices: u32,
    stop_seen: bool,
}

const MAIN: ThreadId = ThreadId(1);

impl Interpreter for Fake {
    fn run_slice(&mut self, sched: &dyn Scheduler, thread: ThreadId, _budget: u32) -> Step {
        if thread == MAIN {
            self.main_slices += 1;
            if sched.take_stop_request() {
                self.stop_seen = true;
            }
            if self.main_slices == 1 {
                for (id, program) in self.children.clone() {
                    self.programs.insert(id, program);
                    sched.spawn(id, SpawnOptions::default()).expect("spawn");
                }
                return Step::Sleep(sched.now().saturating_add(Duration::from_millis(30)));
            }
            // The main thread ends: cancel the others, as the VM does.
            self.cancelled = true;
            for id in self.programs.keys() {
                sched.wake(*id);
            }
            sched.reap(MAIN);
            return Step::Exit;
        }
        if self.cancelled {
            self.programs.remove(&thread);
            sched.reap(thread);
            return Step::Exit;
        }
        match self.programs[&thread] {
            Program::Sleeper => Step::Sleep(sched.now().saturating_add(Duration::from_secs(10))),
            Program::Spinner => {
                self.spinner_slices += 1;
                Step::Yield
            }
            Program::Waiter => Step::Block(None),
        }
    }
}

fn run_with(children: &[Program]) -> (Fake, Duration, StdRuntime) {
    let runtime = StdRuntime::new(StdConfig::default());
    let mut fake = Fake::default();
    for (i, p) in children.iter().enumerate() {
        fake.children.push((ThreadId(i as u32 + 2), *p));
    }
    let start = StdInstant::now();
    let fake = runtime.run(fake, MAIN);
    (fake, start.elapsed(), runtime)
}

#[test]
fn sleeping_blocked_and_spinning_children_end_with_the_main_thread() {
    let (fake, elapsed, runtime) = run_with(&[Program::Sleeper, Program::Waiter, Program::Spinner]);
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    assert!(fake.programs.is_empty());
    let c = runtime.counters();
    assert_eq!((c.spawned, c.reaped, c.live()), (4, 4, 0));
}

#[test]
fn a_spinning_child_does_not_starve_the_main_thread() {
    let (fake, elapsed, _) = run_with(&[Program::Spinner, Program::Spinner]);
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    assert_eq!(fake.main_slices, 2);
    assert!(fake.spinner_slices > 0);
}

#[test]
fn runs_can_repeat_on_one_runtime() {
    let runtime = StdRuntime::new(StdConfig::default());
    let mut fake = Fake::default();
    for round in 0..5 {
        fake.programs.clear();
        fake.cancelled = false;
        fake.main_slices = 0;
        fake.children = vec![(ThreadId(100 + round), Program::Sleeper)];
        fake = runtime.run(fake, MAIN);
        assert_eq!(runtime.counters().live(), 0);
    }
    assert_eq!(runtime.counters().spawned, 10);
}

#[test]
fn a_stop_request_reaches_the_main_thread_and_wakes_it() {
    let runtime = StdRuntime::new(StdConfig::default());
    let stop = runtime.stop_handle();
    stop.stop();
    let fake = runtime.run(Fake::default(), MAIN);
    assert!(fake.stop_seen);
}

#[test]
fn the_clock_is_monotonic_and_starts_near_zero() {
    let runtime = StdRuntime::new(StdConfig::default());
    let a = runtime.now();
    std::thread::sleep(Duration::from_millis(2));
    let b = runtime.now();
    assert!(b > a);
    assert!(a < Instant::from_micros(1_000_000));
}
