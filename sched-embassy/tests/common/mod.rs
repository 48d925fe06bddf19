//! A small mock [`Interpreter`]: every thread runs a fixed program of
//! operations, and the mock logs what happened and when.
//!
//! Shared by the `threads` and `pool` test binaries, each of which uses
//! only part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::time::Duration;

use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, TaskCounters, ThreadId,
};
use sched_embassy::{EmbassyConfig, EmbassyRuntime};

/// One operation of a thread's program.
#[derive(Clone, Debug)]
pub enum Op {
    /// Sleep; a wake ends the sleep early.
    Sleep(Duration),
    /// Wait without a deadline until woken.
    Block,
    /// Wait until the host raises a stop request.
    AwaitStop,
    /// Use up this many slices, yielding after each.
    Spin(u32),
    /// Start a thread running this program.
    Spawn(Vec<Op>),
    /// Start threads running this program until the scheduler refuses.
    SpawnUntilRefused(Vec<Op>),
    /// Wake the oldest other live thread.
    WakeOldest,
    /// Wake every other live thread.
    WakeAll,
}

/// What the mock saw.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Event {
    /// A sleep or block of this thread ended.
    WaitEnded,
    /// A spawn succeeded.
    Spawned,
    /// A spawn failed.
    Refused(SpawnError),
    /// So many threads were started before a spawn failed.
    SpawnedUntilRefused(usize),
    /// The host's stop request arrived.
    Stopped,
    /// The thread exited.
    Exited,
}

struct Thread {
    program: Vec<Op>,
    pc: usize,
    waiting: bool,
    spins: u32,
}

/// The mock VM.
pub struct Mock {
    threads: BTreeMap<ThreadId, Thread>,
    next_id: u32,
    /// Every event with its thread and the scheduler's clock.
    pub log: Vec<(ThreadId, Event, Instant)>,
    /// The task counters as the scheduler reported them at each exit.
    pub counters_at_exit: Vec<TaskCounters>,
}

impl Mock {
    /// A VM whose main thread runs `main`; returns it and the main id.
    pub fn new(main: Vec<Op>) -> (Mock, ThreadId) {
        let mut mock = Mock {
            threads: BTreeMap::new(),
            next_id: 0,
            log: Vec::new(),
            counters_at_exit: Vec::new(),
        };
        let id = mock.add(main);
        (mock, id)
    }

    fn add(&mut self, program: Vec<Op>) -> ThreadId {
        let id = ThreadId(self.next_id);
        self.next_id += 1;
        self.threads.insert(
            id,
            Thread {
                program,
                pc: 0,
                waiting: false,
                spins: 0,
            },
        );
        id
    }

    /// Threads that have not exited.
    pub fn live_threads(&self) -> usize {
        self.threads.len()
    }

    /// When `thread` logged `event` first.
    pub fn when(&self, thread: ThreadId, event: Event) -> Option<Instant> {
        self.log
            .iter()
            .find(|(t, e, _)| *t == thread && *e == event)
            .map(|(_, _, at)| *at)
    }

    /// The events of every thread, in order, without times.
    pub fn events(&self) -> Vec<(ThreadId, Event)> {
        self.log.iter().map(|(t, e, _)| (*t, *e)).collect()
    }

    fn record(&mut self, s: &dyn Scheduler, thread: ThreadId, event: Event) {
        self.log.push((thread, event, s.now()));
    }

    fn spawn(&mut self, s: &dyn Scheduler, program: Vec<Op>) -> Result<(), SpawnError> {
        let id = self.add(program);
        let options = SpawnOptions {
            stack_size: None,
            is_main: false,
        };
        let result = s.spawn(id, options);
        if result.is_err() {
            self.threads.remove(&id);
        }
        result
    }

    fn others(&self, me: ThreadId) -> impl Iterator<Item = ThreadId> + '_ {
        self.threads.keys().copied().filter(move |t| *t != me)
    }
}

impl Interpreter for Mock {
    fn run_slice(&mut self, s: &dyn Scheduler, thread: ThreadId, _budget: u32) -> Step {
        loop {
            let t = &self.threads[&thread];
            let Some(op) = t.program.get(t.pc).cloned() else {
                self.threads.remove(&thread);
                self.record(s, thread, Event::Exited);
                self.counters_at_exit.push(s.counters());
                s.reap(thread);
                return Step::Exit;
            };
            let t = self.threads.get_mut(&thread).expect("running thread");
            match op {
                Op::Sleep(_) | Op::Block if t.waiting => {
                    t.waiting = false;
                    t.pc += 1;
                    self.record(s, thread, Event::WaitEnded);
                }
                Op::Sleep(d) => {
                    t.waiting = true;
                    return Step::Sleep(s.now().saturating_add(d));
                }
                Op::Block => {
                    t.waiting = true;
                    return Step::Block(None);
                }
                Op::AwaitStop => {
                    if !s.take_stop_request() {
                        return Step::Block(None);
                    }
                    t.pc += 1;
                    self.record(s, thread, Event::Stopped);
                }
                Op::Spin(n) => {
                    if t.spins < n {
                        t.spins += 1;
                        return Step::Yield;
                    }
                    t.spins = 0;
                    t.pc += 1;
                }
                Op::Spawn(program) => {
                    t.pc += 1;
                    let event = match self.spawn(s, program) {
                        Ok(()) => Event::Spawned,
                        Err(e) => Event::Refused(e),
                    };
                    self.record(s, thread, event);
                }
                Op::SpawnUntilRefused(program) => {
                    t.pc += 1;
                    let mut started = 0;
                    while self.spawn(s, program.clone()).is_ok() {
                        started += 1;
                    }
                    self.record(s, thread, Event::SpawnedUntilRefused(started));
                }
                Op::WakeOldest => {
                    t.pc += 1;
                    if let Some(other) = self.others(thread).next() {
                        s.wake(other);
                    }
                }
                Op::WakeAll => {
                    t.pc += 1;
                    for other in self.others(thread).collect::<Vec<_>>() {
                        s.wake(other);
                    }
                }
            }
        }
    }
}

/// A runtime with the default tunables.
pub fn runtime() -> EmbassyRuntime {
    EmbassyRuntime::new(EmbassyConfig::default())
}

/// Run `main` on `rt`; the VM afterwards and how long the run took.
pub fn run(rt: &EmbassyRuntime, main: Vec<Op>) -> (Mock, ThreadId, Duration) {
    let (mock, id) = Mock::new(main);
    let started = std::time::Instant::now();
    let mock = rt.run(mock, id);
    (mock, id, started.elapsed())
}

/// Assert that nothing is left after a run on `rt`.
pub fn assert_clean(rt: &EmbassyRuntime, mock: &Mock) {
    assert_eq!(mock.live_threads(), 0, "every thread exited");
    let c = rt.counters();
    assert_eq!(c.spawned, c.reaped, "counters balance: {c:?}");
    assert_eq!(c.live(), 0);
}

/// Run `f` on a thread of its own; fail if it takes over `limit` (a lost
/// wake-up would hang the run for ever).
pub fn within<R: Send + 'static>(limit: Duration, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .expect("the run finished in time (or it panicked)")
}

/// Milliseconds, for programs.
pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}
