//! One run of a script: the state its tasks share, the driver every Python
//! task runs, and the supervisor task that reaps finished tasks.
//!
//! * **VM lock**: a FreeRTOS mutex, held by a Python task only during
//!   [`Interpreter::run_slice`]. After [`Step::Yield`] the task releases it
//!   and calls `taskYIELD`, so every other ready task of the same priority
//!   (all Python tasks share one) runs before this one asks again.
//! * **Waits**: [`Step::Sleep`] and [`Step::Block`] wait for a task
//!   notification with a timeout computed from the deadline (none for
//!   `Block(None)`); [`Scheduler::wake`] notifies. Notifications latch, so
//!   a wake that comes before the wait ends that wait at once.
//! * **Reaping**: when a task's driver has returned, the task marks itself
//!   done in the task table, notifies the supervisor and parks. The
//!   supervisor (one priority above the Python tasks) deletes it with
//!   `vTaskDelete` from its own context, which returns the task's control
//!   block and stack to the FreeRTOS heap at once, without the idle task.
//! * **Task table**: guarded by suspending the scheduler for a few
//!   instructions (`vTaskSuspendAll`), so the supervisor can reap while a
//!   Python task holds the VM lock.

use alloc::sync::Arc;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use core::ffi::c_void;
use core::sync::atomic::{AtomicPtr, Ordering};

use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, StopFlag, TaskCounters,
    ThreadId,
};

use crate::rtos::{self, MutexHandle, TaskEntry, TaskHandle};
use crate::{FreeHeap, FreeRtosConfig, RunReport};

/// Priority of every Python task.
const PYTHON_PRIORITY: u32 = 1;
/// Priority of the supervisor: above the Python tasks, so a finished task is
/// deleted before the next slice of anyone runs.
const SUPERVISOR_PRIORITY: u32 = 2;

/// What the supervisor does once the run is over.
#[derive(Clone, Copy)]
pub(crate) enum Finish {
    /// End the scheduler; the host thread, where starting it returns, then
    /// deletes the supervisor.
    #[cfg(freertos_posix)]
    EndScheduler,
    /// Call the firmware's hook with the run's figures, on the supervisor.
    #[cfg(not(freertos_posix))]
    Call(fn(RunReport) -> !),
}

/// Where a Python task is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Running slices or waiting between them.
    Running,
    /// The VM has reported the thread finished ([`Scheduler::reap`]); its
    /// driver is about to return.
    Finishing,
    /// The driver has returned and the task is parked: delete it.
    Done,
}

struct Entry {
    thread: ThreadId,
    task: TaskHandle,
    state: State,
}

/// The task table and the run's figures.
struct Book {
    tasks: Vec<Entry>,
    counters: TaskCounters,
    main_done: bool,
    free_heap: Option<FreeHeap>,
}

impl Book {
    fn entry(&mut self, thread: ThreadId) -> Option<&mut Entry> {
        self.tasks.iter_mut().find(|e| e.thread == thread)
    }

    /// Take one parked task out of the table.
    fn take_done(&mut self) -> Option<TaskHandle> {
        let at = self.tasks.iter().position(|e| e.state == State::Done)?;
        Some(self.tasks.swap_remove(at).task)
    }
}

/// The [`Book`], locked by suspending the scheduler.
struct BookCell(UnsafeCell<Book>);

impl BookCell {
    /// Run `f` on the book with no other task running. Call from a task;
    /// `f` must not block nor use the book itself.
    fn with<R>(&self, f: impl FnOnce(&mut Book) -> R) -> R {
        rtos::with_scheduler_suspended(|| {
            // SAFETY: with the scheduler suspended no other task runs until
            // `f` returns, no interrupt handler touches the book, and `f`
            // does not re-enter `with`: this is the only reference.
            f(unsafe { &mut *self.0.get() })
        })
    }

    /// The book, when no task can run any more.
    #[cfg(freertos_posix)]
    fn get_mut(&mut self) -> &mut Book {
        self.0.get_mut()
    }
}

/// Everything of a run except the VM; the [`Scheduler`] the VM sees.
pub(crate) struct Shared {
    book: BookCell,
    vm_lock: AtomicPtr<c_void>,
    supervisor: AtomicPtr<c_void>,
    main: ThreadId,
    config: FreeRtosConfig,
    stop: Arc<StopFlag>,
    clock: fn() -> Instant,
    unix_time: fn() -> Option<u64>,
    tick_hz: u32,
    entry: TaskEntry,
    finish: Finish,
}

/// One run: the shared state and the VM behind the VM lock.
pub(crate) struct Run<V> {
    shared: Shared,
    vm: UnsafeCell<V>,
}

/// The run in progress (there is one FreeRTOS kernel per program, so at most
/// one run). Set before its first task is created, cleared after its last
/// task was deleted.
static SHARED: AtomicPtr<Shared> = AtomicPtr::new(core::ptr::null_mut());
/// The VM cell of the run in progress, type-erased (`UnsafeCell<V>`).
static VM: AtomicPtr<c_void> = AtomicPtr::new(core::ptr::null_mut());

/// The things a runner supplies besides the VM.
pub(crate) struct Setup {
    pub config: FreeRtosConfig,
    pub stop: Arc<StopFlag>,
    pub clock: fn() -> Instant,
    pub unix_time: fn() -> Option<u64>,
    pub counters: TaskCounters,
    pub finish: Finish,
}

impl<V: Interpreter + Send + 'static> Run<V> {
    /// A run of `vm`'s prepared main thread `main`.
    pub(crate) fn new(vm: V, main: ThreadId, setup: Setup) -> Self {
        Run {
            shared: Shared {
                book: BookCell(UnsafeCell::new(Book {
                    tasks: Vec::new(),
                    counters: setup.counters,
                    main_done: false,
                    free_heap: None,
                })),
                vm_lock: AtomicPtr::new(core::ptr::null_mut()),
                supervisor: AtomicPtr::new(core::ptr::null_mut()),
                main,
                config: setup.config,
                stop: setup.stop,
                clock: setup.clock,
                unix_time: setup.unix_time,
                tick_hz: rtos::tick_rate_hz(),
                entry: python_task::<V>,
                finish: setup.finish,
            },
            vm: UnsafeCell::new(vm),
        }
    }

    /// Publish this run and create its supervisor task, which spawns the
    /// main thread's task once the scheduler runs. Call before the
    /// scheduler starts. `None` when the kernel has no memory for the
    /// supervisor (nothing runs then).
    ///
    /// # Safety
    ///
    /// `self` must stay at its address, alive and otherwise untouched until
    /// the supervisor has finished (and, on the host, been deleted), and no
    /// other run may be in progress.
    pub(crate) unsafe fn launch(&self) -> Option<TaskHandle> {
        SHARED.store((&raw const self.shared).cast_mut(), Ordering::Release);
        VM.store(self.vm.get().cast(), Ordering::Release);
        let stack = self.shared.config.supervisor_stack_size;
        let handle = rtos::task_create(
            supervisor_task,
            b"emberpy-sup\0",
            stack,
            core::ptr::null_mut(),
            SUPERVISOR_PRIORITY,
        );
        match handle {
            Some(task) => self.shared.supervisor.store(task.raw(), Ordering::Release),
            None => Self::unpublish(),
        }
        handle
    }

    fn unpublish() {
        SHARED.store(core::ptr::null_mut(), Ordering::Release);
        VM.store(core::ptr::null_mut(), Ordering::Release);
    }

    /// The VM and the run's figures, once every task of the run is gone.
    #[cfg(freertos_posix)]
    pub(crate) fn into_parts(mut self) -> (V, RunReport) {
        Self::unpublish();
        let book = self.shared.book.get_mut();
        let report = RunReport {
            counters: book.counters,
            free_heap: book.free_heap,
        };
        (self.vm.into_inner(), report)
    }
}

impl Shared {
    fn vm_lock(&self) -> MutexHandle {
        MutexHandle::from_raw(self.vm_lock.load(Ordering::Acquire))
    }

    fn supervisor(&self) -> TaskHandle {
        TaskHandle::from_raw(self.supervisor.load(Ordering::Acquire))
    }

    /// Ticks to wait from now until `at`, rounded up.
    fn ticks_until(&self, at: Instant) -> u32 {
        let micros = at.saturating_duration_since((self.clock)()).as_micros();
        ticks_for_micros(micros, self.tick_hz)
    }

    /// Wait for a notification until `until` (`None`: without a timeout).
    fn wait(&self, until: Option<Instant>) {
        let ticks = until.map_or(rtos::FOREVER, |at| self.ticks_until(at));
        if ticks == 0 {
            // A wait already over (`time.sleep(0)`) still lets the other
            // ready tasks run, as a yield does.
            rtos::yield_now();
        } else {
            rtos::notify_wait(ticks);
        }
    }

    fn spawn_task(&self, thread: ThreadId, options: SpawnOptions) -> Result<(), SpawnError> {
        let stack = if options.is_main {
            options.stack_size.unwrap_or(self.config.main_stack_size)
        } else {
            options.stack_size.unwrap_or(self.config.stack_size)
        };
        let name = task_name(thread);
        // Creating the task with the scheduler suspended: it cannot run
        // before its entry is in the table.
        self.book.with(|book| {
            book.tasks
                .try_reserve(1)
                .map_err(|_| SpawnError::OutOfMemory)?;
            let param = thread.0 as usize as *mut c_void;
            let task = rtos::task_create(self.entry, &name, stack, param, PYTHON_PRIORITY)
                .ok_or(SpawnError::OutOfMemory)?;
            book.tasks.push(Entry {
                thread,
                task,
                state: State::Running,
            });
            book.counters.spawned += 1;
            Ok(())
        })
    }

    /// The driver of `thread` has returned: hand the task to the supervisor.
    fn body_done(&self, thread: ThreadId) {
        self.book.with(|book| {
            if let Some(e) = book.entry(thread) {
                e.state = State::Done;
            }
            if thread == self.main {
                book.main_done = true;
            }
        });
        // SAFETY: the supervisor outlives every Python task of its run.
        unsafe { rtos::notify(self.supervisor()) };
    }

    /// The supervisor's work: spawn the main thread's task, reap tasks as
    /// they finish, forward host stop requests, and return once the main
    /// thread is done and no task is left.
    fn supervise(&self) {
        let baseline = rtos::free_heap();
        let Some(lock) = rtos::mutex_create() else {
            return;
        };
        self.vm_lock.store(lock.raw(), Ordering::Release);
        let main = SpawnOptions {
            stack_size: None,
            is_main: true,
        };
        if self.spawn_task(self.main, main).is_err() {
            self.book.with(|book| book.main_done = true);
        }
        let poll = ticks_for_micros(self.config.stop_poll.as_micros(), self.tick_hz).max(1);
        loop {
            rtos::notify_wait(poll);
            if self.stop.is_raised() {
                self.wake(self.main);
            }
            while let Some(task) = self.book.with(Book::take_done) {
                // SAFETY: the task is parked for good: its driver returned,
                // it holds neither the VM lock nor anything else, and it is
                // not the supervisor.
                unsafe { rtos::task_delete(task) };
                self.book.with(|book| book.counters.reaped += 1);
            }
            if self
                .book
                .with(|book| book.main_done && book.tasks.is_empty())
            {
                break;
            }
        }
        // SAFETY: every Python task has been deleted, so nobody holds, waits
        // for or will use the VM lock.
        unsafe { rtos::mutex_delete(lock) };
        let after = rtos::free_heap();
        self.book
            .with(|book| book.free_heap = Some(FreeHeap { baseline, after }));
    }

    /// The run's figures so far.
    #[cfg(not(freertos_posix))]
    fn report(&self) -> RunReport {
        self.book.with(|book| RunReport {
            counters: book.counters,
            free_heap: book.free_heap,
        })
    }
}

impl Scheduler for Shared {
    fn name(&self) -> &'static str {
        "freertos"
    }

    fn spawn(&self, thread: ThreadId, options: SpawnOptions) -> Result<(), SpawnError> {
        self.spawn_task(thread, options)
    }

    fn wake(&self, thread: ThreadId) {
        self.book.with(|book| {
            if let Some(e) = book.entry(thread)
                && e.state == State::Running
            {
                // SAFETY: a task is deleted only after its entry left the
                // table, so this one is live.
                unsafe { rtos::notify(e.task) };
            }
        });
    }

    fn reap(&self, thread: ThreadId) {
        // The task itself still runs this slice and holds the VM lock: it
        // is deleted once its driver has returned (see `body_done`).
        self.book.with(|book| {
            if let Some(e) = book.entry(thread) {
                e.state = State::Finishing;
            }
        });
    }

    fn now(&self) -> Instant {
        (self.clock)()
    }

    fn unix_time_micros(&self) -> Option<u64> {
        (self.unix_time)()
    }

    fn counters(&self) -> TaskCounters {
        self.book.with(|book| book.counters)
    }

    fn take_stop_request(&self) -> bool {
        self.stop.take()
    }
}

/// Ticks covering `micros` at `hz`, rounded up, below [`rtos::FOREVER`].
pub(crate) fn ticks_for_micros(micros: u128, hz: u32) -> u32 {
    let ticks = (micros * u128::from(hz)).div_ceil(1_000_000);
    u32::try_from(ticks)
        .unwrap_or(rtos::FOREVER - 1)
        .min(rtos::FOREVER - 1)
}

/// `py-<id>` and a NUL, within FreeRTOS's 16-byte task names.
fn task_name(thread: ThreadId) -> [u8; 16] {
    let mut name = [0u8; 16];
    name[..3].copy_from_slice(b"py-");
    let mut digits = [0u8; 10];
    let mut n = thread.0;
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for (i, d) in digits[..len].iter().rev().enumerate() {
        name[3 + i] = *d;
    }
    name
}

/// The body of every Python task.
extern "C" fn python_task<V: Interpreter + Send + 'static>(param: *mut c_void) {
    let thread = ThreadId(param as usize as u32);
    // SAFETY: SHARED and VM point at the run that created this task (they
    // are set before its first task is created and cleared after its last
    // task was deleted), and that run's VM has type `V` (`entry` is
    // `python_task::<V>` for a `Run<V>`).
    let (shared, vm) = unsafe {
        (
            &*SHARED.load(Ordering::Acquire),
            &*VM.load(Ordering::Acquire).cast::<UnsafeCell<V>>(),
        )
    };
    drive(shared, vm, thread);
    shared.body_done(thread);
    rtos::park()
}

/// Run slices of `thread` until it exits.
fn drive<V: Interpreter>(shared: &Shared, vm: &UnsafeCell<V>, thread: ThreadId) {
    let lock = shared.vm_lock();
    let budget = shared.config.slice_budget;
    loop {
        // SAFETY: the supervisor created the lock before the first Python
        // task and deletes it after the last one was deleted.
        unsafe { rtos::mutex_take(lock) };
        // SAFETY: holding the VM lock gives this task the only access to
        // the VM until it gives the lock back.
        let step = unsafe { &mut *vm.get() }.run_slice(shared, thread, budget);
        // SAFETY: taken above by this task.
        unsafe { rtos::mutex_give(lock) };
        match step {
            Step::Yield => rtos::yield_now(),
            Step::Sleep(until) => shared.wait(Some(until)),
            Step::Block(until) => shared.wait(until),
            Step::Exit => return,
        }
    }
}

/// The body of the supervisor task.
extern "C" fn supervisor_task(_param: *mut c_void) {
    // SAFETY: SHARED is set before the supervisor is created and stays
    // valid until after it has finished.
    let shared = unsafe { &*SHARED.load(Ordering::Acquire) };
    shared.supervise();
    match shared.finish {
        #[cfg(freertos_posix)]
        Finish::EndScheduler => rtos::end_scheduler(),
        #[cfg(not(freertos_posix))]
        Finish::Call(done) => done(shared.report()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_round_up() {
        assert_eq!(ticks_for_micros(0, 1000), 0);
        assert_eq!(ticks_for_micros(1, 1000), 1);
        assert_eq!(ticks_for_micros(1000, 1000), 1);
        assert_eq!(ticks_for_micros(1001, 1000), 2);
        assert_eq!(ticks_for_micros(10_000_000, 1000), 10_000);
        assert_eq!(ticks_for_micros(5_000, 100), 1);
    }

    #[test]
    fn long_waits_stay_below_forever() {
        assert_eq!(
            ticks_for_micros(u128::from(u64::MAX), 1000),
            rtos::FOREVER - 1
        );
    }

    #[test]
    fn task_names_fit_freertos() {
        assert_eq!(&task_name(ThreadId(0))[..5], b"py-0\0");
        assert_eq!(&task_name(ThreadId(42))[..6], b"py-42\0");
        let max = task_name(ThreadId(u32::MAX));
        assert_eq!(&max[..14], b"py-4294967295\0");
        assert_eq!(max[15], 0);
    }
}
