//! The state a runtime's tasks share, and the [`Scheduler`] the VM sees.
//!
//! Everything mutable sits behind one critical-section mutex, held only for
//! a few field updates at a time. The VM itself lives in that state during a
//! run; a task takes it out for one slice and puts it back before it awaits
//! anything, so no lock is held while bytecode runs.

use alloc::boxed::Box;
use core::any::Any;
use core::cell::RefCell;

use embassy_executor::Spawner;
use embassy_sync::blocking_mutex::Mutex;
use embassy_sync::blocking_mutex::raw::CriticalSectionRawMutex;
use portable_atomic_util::Arc;
use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, StopFlag, TaskCounters,
    ThreadId,
};

use crate::{TASK_POOL_SIZE, clock, pool};

/// A wake-up that is kept until its task waits, and may be sent from any
/// thread or interrupt.
pub(crate) type Signal = embassy_sync::signal::Signal<CriticalSectionRawMutex, ()>;

/// The backend's name.
pub(crate) const NAME: &str = "embassy";

/// A VM the runtime can hold as a trait object and hand back as its own
/// type at the end of a run.
pub(crate) trait Vm: Interpreter + Send {
    /// The VM as [`Any`], to get the caller's type back.
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
}

impl<V: Interpreter + Send + 'static> Vm for V {
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}

/// The mutable part of [`Shared`].
struct State {
    /// The VM, present for the duration of a run except while a task runs
    /// a slice.
    vm: Option<Box<dyn Vm>>,
    /// The Python thread each wake slot belongs to.
    slots: [Option<ThreadId>; TASK_POOL_SIZE],
    /// The current run's main thread and its slot.
    main: Option<(ThreadId, usize)>,
    /// Whether the current run's main thread has exited.
    main_done: bool,
    counters: TaskCounters,
}

/// State shared by a runtime, its tasks and its stop handles.
pub(crate) struct Shared {
    state: Mutex<CriticalSectionRawMutex, RefCell<State>>,
    /// One wake signal per slot, for [`Scheduler::wake`] and the stop handle.
    wakes: [Signal; TASK_POOL_SIZE],
    /// Raised once the main thread has exited and every task has finished.
    finished: Signal,
    stop: StopFlag,
    slice_budget: u32,
}

impl Shared {
    /// Fresh state for a runtime whose threads run `slice_budget`
    /// bytecodes per slice.
    pub(crate) fn new(slice_budget: u32) -> Self {
        Shared {
            state: Mutex::new(RefCell::new(State {
                vm: None,
                slots: [None; TASK_POOL_SIZE],
                main: None,
                main_done: false,
                counters: TaskCounters::default(),
            })),
            wakes: [const { Signal::new() }; TASK_POOL_SIZE],
            finished: Signal::new(),
            stop: StopFlag::new(),
            slice_budget,
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        self.state.lock(|state| f(&mut state.borrow_mut()))
    }

    /// Start a run: hold `vm` for its tasks.
    ///
    /// # Panics
    ///
    /// If a run is already in progress on this runtime.
    pub(crate) fn install(&self, vm: Box<dyn Vm>) {
        self.with(|s| {
            assert!(
                s.vm.is_none() && s.main.is_none(),
                "one run at a time per EmbassyRuntime"
            );
            s.vm = Some(vm);
            s.main_done = false;
        });
        self.finished.reset();
    }

    /// End a run: the VM back, once every task has finished.
    pub(crate) fn uninstall(&self) -> Box<dyn Vm> {
        self.with(|s| {
            s.main_done = false;
            s.vm.take()
        })
        .expect("the VM is back in place once every task has finished")
    }

    /// Mark the run as over before it started (the main task could not be
    /// spawned).
    pub(crate) fn abandon(&self) {
        self.with(|s| s.main_done = true);
        self.finished.signal(());
    }

    /// Whether the main thread has exited and every task has finished.
    #[cfg(feature = "platform-std")]
    pub(crate) fn is_finished(&self) -> bool {
        self.with(|s| s.main_done && s.counters.live() == 0)
    }

    /// Wait until the main thread has exited and every task has finished.
    pub(crate) async fn wait_finished(&self) {
        self.finished.wait().await;
    }

    /// Claim a wake slot for `thread`; `None` when every slot is taken.
    pub(crate) fn reserve(&self, thread: ThreadId, is_main: bool) -> Option<usize> {
        let slot = self.with(|s| {
            let slot = s.slots.iter().position(Option::is_none)?;
            s.slots[slot] = Some(thread);
            if is_main {
                s.main = Some((thread, slot));
            }
            Some(slot)
        })?;
        // A wake meant for the slot's previous thread must not end the new
        // thread's first wait.
        self.wakes[slot].reset();
        Some(slot)
    }

    /// Give back a slot whose task could not be spawned.
    pub(crate) fn unreserve(&self, slot: usize) {
        self.with(|s| {
            s.slots[slot] = None;
            if s.main.is_some_and(|(_, m)| m == slot) {
                s.main = None;
            }
        });
    }

    /// Count a task that was spawned.
    pub(crate) fn spawned(&self) {
        self.with(|s| s.counters.spawned += 1);
    }

    /// A task's body is returning: free its slot and count it reaped. Its
    /// pool slot is free once the executor regains control, before any
    /// other task runs.
    pub(crate) fn release(&self, slot: usize) {
        let finished = self.with(|s| {
            s.slots[slot] = None;
            if s.main.is_some_and(|(_, m)| m == slot) {
                s.main = None;
            }
            s.counters.reaped += 1;
            s.main_done && s.counters.live() == 0
        });
        if finished {
            self.finished.signal(());
        }
    }

    /// The wake signal of `slot`.
    pub(crate) fn wake_signal(&self, slot: usize) -> &Signal {
        &self.wakes[slot]
    }

    fn wake_thread(&self, thread: ThreadId) {
        let slot = self.with(|s| s.slots.iter().position(|t| *t == Some(thread)));
        if let Some(slot) = slot {
            self.wakes[slot].signal(());
        }
    }

    /// Raise the stop flag and wake the main thread, from any context.
    pub(crate) fn stop(&self) {
        self.stop.raise();
        if let Some((_, slot)) = self.with(|s| s.main) {
            self.wakes[slot].signal(());
        }
    }

    /// The task counters.
    pub(crate) fn counters(&self) -> TaskCounters {
        self.with(|s| s.counters)
    }

    /// Run one slice of `thread` with the VM taken out of the state.
    pub(crate) fn run_slice(&self, scheduler: &dyn Scheduler, thread: ThreadId) -> Step {
        let mut vm = self
            .with(|s| s.vm.take())
            .expect("the VM is in place between slices");
        let step = vm.run_slice(scheduler, thread, self.slice_budget);
        self.with(|s| s.vm = Some(vm));
        step
    }
}

/// The [`Scheduler`] a task hands the VM: the shared state, and the spawner
/// of the executor the task runs on.
pub(crate) struct TaskScheduler<'a> {
    pub(crate) shared: &'a Arc<Shared>,
    pub(crate) spawner: Spawner,
}

impl Scheduler for TaskScheduler<'_> {
    fn name(&self) -> &'static str {
        NAME
    }

    fn spawn(&self, thread: ThreadId, options: SpawnOptions) -> Result<(), SpawnError> {
        pool::spawn(self.shared, self.spawner, thread, options)
    }

    fn wake(&self, thread: ThreadId) {
        self.shared.wake_thread(thread);
    }

    fn reap(&self, thread: ThreadId) {
        // The task's body returns right after this slice, which frees its
        // pool slot; `release` counts it then. Only the end of the main
        // thread needs recording here.
        self.shared.with(|s| {
            if s.main.is_some_and(|(m, _)| m == thread) {
                s.main_done = true;
            }
        });
    }

    fn now(&self) -> Instant {
        clock::now()
    }

    fn unix_time_micros(&self) -> Option<u64> {
        clock::unix_time_micros()
    }

    fn counters(&self) -> TaskCounters {
        self.shared.counters()
    }

    fn take_stop_request(&self) -> bool {
        self.shared.stop.take()
    }
}
