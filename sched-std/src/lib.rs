//! The `std` scheduler backend: every Python thread is an OS thread.
//!
//! * **Spawn** starts an OS thread whose body is the driver loop of
//!   [`sched_api`]: take the VM lock ([`gil`], first come first served),
//!   run a slice, release, act on the [`Step`].
//! * **Sleep / block** wait on the task's [`parker::Parker`] (a condition
//!   variable with a deadline); [`Scheduler::wake`] ends the wait at once.
//! * **Reap**: a finished thread reports itself; the supervisor (the thread
//!   that called [`StdRuntime::run`]) joins it immediately, so its stack is
//!   returned to the system before anything else happens.
//! * **Stop**: a [`StopHandle`] (Ctrl-C in the CLI) raises the stop flag
//!   and wakes the main thread, which then raises `KeyboardInterrupt`.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod gil;
pub mod parker;
mod sync;

use std::collections::{HashMap, VecDeque};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, StopFlag, TaskCounters,
    ThreadId,
};

use gil::Gil;
use parker::Parker;
use sync::{Arc, Condvar, Mutex, MutexGuard};

/// Tunables of the std backend.
#[derive(Clone, Copy, Debug)]
pub struct StdConfig {
    /// Bytecodes a thread runs before it lets the others have the VM.
    pub slice_budget: u32,
    /// Stack size of each OS thread, unless the script asks for another
    /// with `_thread.stack_size()`.
    pub stack_size: usize,
}

impl Default for StdConfig {
    fn default() -> Self {
        StdConfig {
            slice_budget: 10_000,
            stack_size: 256 * 1024,
        }
    }
}

/// One task as the backend tracks it.
struct Task {
    parker: Arc<Parker>,
    handle: Option<JoinHandle<()>>,
}

#[derive(Default)]
struct Tasks {
    table: HashMap<ThreadId, Task>,
    finished: VecDeque<ThreadId>,
    counters: TaskCounters,
    main_done: bool,
}

/// State shared by the tasks of one run.
struct Shared<V> {
    gil: Gil<V>,
    tasks: Mutex<Tasks>,
    supervisor: Condvar,
    clock: std::time::Instant,
    stop: Arc<StopFlag>,
    main_parker: Arc<Parker>,
    main: ThreadId,
    config: StdConfig,
}

impl<V> Shared<V> {
    fn tasks(&self) -> MutexGuard<'_, Tasks> {
        self.tasks.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn now(&self) -> Instant {
        Instant::from_micros(self.clock.elapsed().as_micros() as u64)
    }

    fn to_std(&self, at: Instant) -> std::time::Instant {
        self.clock + Duration::from_micros(at.as_micros())
    }
}

/// The [`Scheduler`] the VM sees during a run.
struct StdScheduler<V> {
    shared: Arc<Shared<V>>,
}

impl<V: Interpreter + Send + 'static> Scheduler for StdScheduler<V> {
    fn name(&self) -> &'static str {
        "std"
    }

    fn spawn(&self, thread: ThreadId, options: SpawnOptions) -> Result<(), SpawnError> {
        spawn_task(&self.shared, thread, options)
    }

    fn wake(&self, thread: ThreadId) {
        let parker = self
            .shared
            .tasks()
            .table
            .get(&thread)
            .map(|t| t.parker.clone());
        if let Some(p) = parker {
            p.wake();
        }
    }

    fn reap(&self, thread: ThreadId) {
        let mut tasks = self.shared.tasks();
        tasks.finished.push_back(thread);
        if thread == self.shared.main {
            tasks.main_done = true;
        }
        drop(tasks);
        self.shared.supervisor.notify_all();
    }

    fn now(&self) -> Instant {
        self.shared.now()
    }

    fn unix_time_micros(&self) -> Option<u64> {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .ok()
            .map(|d| d.as_micros() as u64)
    }

    fn counters(&self) -> TaskCounters {
        self.shared.tasks().counters
    }

    fn take_stop_request(&self) -> bool {
        self.shared.stop.take()
    }
}

fn spawn_task<V: Interpreter + Send + 'static>(
    shared: &Arc<Shared<V>>,
    thread: ThreadId,
    options: SpawnOptions,
) -> Result<(), SpawnError> {
    let parker = if options.is_main {
        shared.main_parker.clone()
    } else {
        Arc::new(Parker::default())
    };
    let mut tasks = shared.tasks();
    tasks.table.insert(
        thread,
        Task {
            parker: parker.clone(),
            handle: None,
        },
    );
    let body_shared = shared.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("emberpy-{}", thread.0))
        .stack_size(options.stack_size.unwrap_or(shared.config.stack_size))
        .spawn(move || drive(body_shared, thread, parker));
    match spawned {
        Ok(handle) => {
            if let Some(t) = tasks.table.get_mut(&thread) {
                t.handle = Some(handle);
            }
            tasks.counters.spawned += 1;
            Ok(())
        }
        Err(_) => {
            tasks.table.remove(&thread);
            Err(SpawnError::OutOfMemory)
        }
    }
}

/// The body of every task: run slices until the thread exits.
fn drive<V: Interpreter + Send + 'static>(
    shared: Arc<Shared<V>>,
    thread: ThreadId,
    me: Arc<Parker>,
) {
    let scheduler = StdScheduler {
        shared: shared.clone(),
    };
    loop {
        let step = shared.gil.with(&me, |vm| {
            vm.run_slice(&scheduler, thread, shared.config.slice_budget)
        });
        match step {
            Step::Yield => {}
            Step::Sleep(until) => me.park_until(Some(shared.to_std(until))),
            Step::Block(until) => me.park_until(until.map(|u| shared.to_std(u))),
            Step::Exit => return,
        }
    }
}

/// Asks a running script to stop, from any thread (THREADS.md rule 6).
#[derive(Clone)]
pub struct StopHandle {
    flag: Arc<StopFlag>,
    main: Arc<Parker>,
}

impl StopHandle {
    /// Raise `KeyboardInterrupt` in the main thread as soon as possible.
    pub fn stop(&self) {
        self.flag.raise();
        self.main.wake();
    }
}

/// Runs scripts on OS threads.
pub struct StdRuntime {
    config: StdConfig,
    clock: std::time::Instant,
    stop: Arc<StopFlag>,
    main_parker: Arc<Parker>,
    counters: Mutex<TaskCounters>,
}

impl StdRuntime {
    /// A runtime with the given tunables.
    pub fn new(config: StdConfig) -> Self {
        StdRuntime {
            config,
            clock: std::time::Instant::now(),
            stop: Arc::new(StopFlag::new()),
            main_parker: Arc::new(Parker::default()),
            counters: Mutex::new(TaskCounters::default()),
        }
    }

    /// The backend's name.
    pub fn name(&self) -> &'static str {
        "std"
    }

    /// A handle that stops the running script.
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            flag: self.stop.clone(),
            main: self.main_parker.clone(),
        }
    }

    /// The clock the VM sees.
    pub fn now(&self) -> Instant {
        Instant::from_micros(self.clock.elapsed().as_micros() as u64)
    }

    /// Tasks spawned and reaped over every run so far.
    pub fn counters(&self) -> TaskCounters {
        *self.counters.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Run the VM's prepared main thread `main` until it and every thread
    /// it started have finished and been reaped; give the VM back.
    pub fn run<V: Interpreter + Send + 'static>(&self, vm: V, main: ThreadId) -> V {
        let before = self.counters();
        let shared = Arc::new(Shared {
            gil: Gil::new(vm),
            tasks: Mutex::new(Tasks {
                counters: before,
                ..Tasks::default()
            }),
            supervisor: Condvar::new(),
            clock: self.clock,
            stop: self.stop.clone(),
            main_parker: self.main_parker.clone(),
            main,
            config: self.config,
        });
        let options = SpawnOptions {
            stack_size: None,
            is_main: true,
        };
        if spawn_task(&shared, main, options).is_err() {
            // Without a main task nothing runs; the VM reports the script as
            // not started.
            return into_vm(shared, self);
        }
        supervise(&shared);
        into_vm(shared, self)
    }
}

/// Reap finished tasks as they report, until the main thread is done and
/// no task is left.
fn supervise<V>(shared: &Shared<V>) {
    let mut tasks = shared.tasks();
    loop {
        if let Some(thread) = tasks.finished.pop_front() {
            let task = tasks.table.remove(&thread);
            drop(tasks);
            if let Some(handle) = task.and_then(|t| t.handle) {
                let _ = handle.join();
            }
            tasks = shared.tasks();
            tasks.counters.reaped += 1;
            continue;
        }
        if tasks.main_done && tasks.table.is_empty() {
            return;
        }
        tasks = shared
            .supervisor
            .wait(tasks)
            .unwrap_or_else(|e| e.into_inner());
    }
}

fn into_vm<V>(shared: Arc<Shared<V>>, runtime: &StdRuntime) -> V {
    let counters = shared.tasks().counters;
    *runtime.counters.lock().unwrap_or_else(|e| e.into_inner()) = counters;
    match Arc::try_unwrap(shared) {
        Ok(s) => s.gil.into_inner(),
        Err(_) => unreachable!("every task holding the VM was joined before the run returned"),
    }
}
