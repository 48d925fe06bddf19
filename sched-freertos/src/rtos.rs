//! The FFI boundary: the kernel calls this backend makes, through the shim
//! in `freertos/emberpy_rtos.c`, each wrapped in a safe function.
//!
//! Every wrapper must be called from a FreeRTOS task while the scheduler
//! runs, except where its documentation says otherwise.

use core::ffi::{c_char, c_void};

/// A FreeRTOS task handle (`TaskHandle_t`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TaskHandle(*mut c_void);

// SAFETY: a task handle is an opaque token that the kernel accepts from any
// task; it carries no Rust data.
unsafe impl Send for TaskHandle {}
// SAFETY: as above; sharing the token shares nothing else.
unsafe impl Sync for TaskHandle {}

impl TaskHandle {
    /// The handle stored as a raw pointer (for an atomic slot).
    pub fn raw(self) -> *mut c_void {
        self.0
    }

    /// A handle back from [`TaskHandle::raw`].
    pub fn from_raw(raw: *mut c_void) -> Self {
        TaskHandle(raw)
    }
}

/// A FreeRTOS mutex handle (`SemaphoreHandle_t`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MutexHandle(*mut c_void);

impl MutexHandle {
    /// The handle stored as a raw pointer (for an atomic slot).
    pub fn raw(self) -> *mut c_void {
        self.0
    }

    /// A handle back from [`MutexHandle::raw`].
    pub fn from_raw(raw: *mut c_void) -> Self {
        MutexHandle(raw)
    }
}

// SAFETY: as for `TaskHandle`: an opaque kernel token.
unsafe impl Send for MutexHandle {}
// SAFETY: as above.
unsafe impl Sync for MutexHandle {}

/// The body of a task: called once with the task's parameter, must never
/// return (tasks of this backend park and are deleted by the supervisor).
pub type TaskEntry = extern "C" fn(*mut c_void);

/// A wait of this many ticks has no timeout (`portMAX_DELAY`).
pub const FOREVER: u32 = u32::MAX;

unsafe extern "C" {
    fn emberpy_rtos_task_create(
        entry: TaskEntry,
        name: *const c_char,
        stack_bytes: usize,
        param: *mut c_void,
        priority: u32,
        handle: *mut *mut c_void,
    ) -> i32;
    fn emberpy_rtos_task_delete(task: *mut c_void);
    fn emberpy_rtos_notify(task: *mut c_void);
    fn emberpy_rtos_notify_wait(ticks: u32) -> u32;
    fn emberpy_rtos_park() -> !;
    fn emberpy_rtos_yield();
    fn emberpy_rtos_suspend_all();
    fn emberpy_rtos_resume_all();
    fn emberpy_rtos_mutex_create() -> *mut c_void;
    fn emberpy_rtos_mutex_take(mutex: *mut c_void);
    fn emberpy_rtos_mutex_give(mutex: *mut c_void);
    fn emberpy_rtos_mutex_delete(mutex: *mut c_void);
    fn emberpy_rtos_free_heap() -> usize;
    fn emberpy_rtos_tick_rate_hz() -> u32;
    fn emberpy_rtos_start_scheduler();
    #[cfg(freertos_posix)]
    fn emberpy_rtos_end_scheduler() -> !;
    #[cfg(freertos_posix)]
    fn emberpy_rtos_reset();
    #[cfg(not(freertos_posix))]
    fn emberpy_rtos_ticks() -> u64;
}

/// Create a task running `entry(param)` with a stack of `stack_bytes` and
/// the given priority; `name` must end with a NUL byte. Also callable
/// before the scheduler starts. `None` when the kernel has no memory for
/// the task (nothing stays allocated then).
pub fn task_create(
    entry: TaskEntry,
    name: &[u8],
    stack_bytes: usize,
    param: *mut c_void,
    priority: u32,
) -> Option<TaskHandle> {
    assert_eq!(name.last(), Some(&0), "task names end with NUL");
    let mut handle = core::ptr::null_mut();
    // SAFETY: `name` is NUL-terminated and outlives the call (the kernel
    // copies it); `handle` is a valid place for the kernel to write to;
    // `param` is passed through to `entry` untouched.
    let status = unsafe {
        emberpy_rtos_task_create(
            entry,
            name.as_ptr().cast(),
            stack_bytes,
            param,
            priority,
            &mut handle,
        )
    };
    (status == 0 && !handle.is_null()).then_some(TaskHandle(handle))
}

/// Delete another task now: its control block and stack go back to the
/// FreeRTOS heap at once.
///
/// # Safety
///
/// `task` must name a live task other than the caller, and the task must
/// hold no resource another task still needs (a mutex, a lock).
pub unsafe fn task_delete(task: TaskHandle) {
    // SAFETY: the caller guarantees `task` names a live task other than the
    // calling one, so the kernel frees it immediately.
    unsafe { emberpy_rtos_task_delete(task.0) }
}

/// Give `task` a notification: its current or next [`notify_wait`] returns
/// at once (notifications latch until taken).
///
/// # Safety
///
/// `task` must name a live task.
pub unsafe fn notify(task: TaskHandle) {
    // SAFETY: the caller guarantees `task` is live.
    unsafe { emberpy_rtos_notify(task.0) }
}

/// Wait up to `ticks` ([`FOREVER`]: no timeout) for a notification of the
/// calling task, and take every pending one. Returns how many were taken.
pub fn notify_wait(ticks: u32) -> u32 {
    // SAFETY: only blocks the calling task; no pointers cross.
    unsafe { emberpy_rtos_notify_wait(ticks) }
}

/// Block the calling task for good: it waits to be deleted by another task.
pub fn park() -> ! {
    // SAFETY: only blocks the calling task.
    unsafe { emberpy_rtos_park() }
}

/// Let every other ready task of the same priority run first (`taskYIELD`).
pub fn yield_now() {
    // SAFETY: a plain kernel call without arguments.
    unsafe { emberpy_rtos_yield() }
}

/// Run `f` with the scheduler suspended (`vTaskSuspendAll`): no other task
/// runs until `f` returns. `f` must not block.
pub fn with_scheduler_suspended<R>(f: impl FnOnce() -> R) -> R {
    // SAFETY: suspending nests and is undone right below.
    unsafe { emberpy_rtos_suspend_all() };
    let result = f();
    // SAFETY: matches the suspension above.
    unsafe { emberpy_rtos_resume_all() };
    result
}

/// A new mutex, or `None` without memory for it.
pub fn mutex_create() -> Option<MutexHandle> {
    // SAFETY: a plain kernel call; the handle is checked below.
    let m = unsafe { emberpy_rtos_mutex_create() };
    (!m.is_null()).then_some(MutexHandle(m))
}

/// Take `mutex`, waiting as long as needed.
///
/// # Safety
///
/// `mutex` must come from [`mutex_create`] and not be deleted yet.
pub unsafe fn mutex_take(mutex: MutexHandle) {
    // SAFETY: the caller guarantees `mutex` is live.
    unsafe { emberpy_rtos_mutex_take(mutex.0) }
}

/// Give back `mutex`.
///
/// # Safety
///
/// `mutex` must be live and held by the calling task.
pub unsafe fn mutex_give(mutex: MutexHandle) {
    // SAFETY: the caller guarantees `mutex` is live and ours.
    unsafe { emberpy_rtos_mutex_give(mutex.0) }
}

/// Delete `mutex`.
///
/// # Safety
///
/// `mutex` must be live, and no task may hold it, wait for it or use it
/// later.
pub unsafe fn mutex_delete(mutex: MutexHandle) {
    // SAFETY: the caller guarantees nobody uses `mutex` any more.
    unsafe { emberpy_rtos_mutex_delete(mutex.0) }
}

/// Free bytes of the FreeRTOS heap (`xPortGetFreeHeapSize`). Reads 0 until
/// the heap's first allocation (heap_4 initialises lazily).
pub fn free_heap() -> usize {
    // SAFETY: reads one counter.
    unsafe { emberpy_rtos_free_heap() }
}

/// The tick rate (`configTICK_RATE_HZ`).
pub fn tick_rate_hz() -> u32 {
    // SAFETY: returns a constant.
    unsafe { emberpy_rtos_tick_rate_hz() }
}

/// Start the scheduler from the host thread. On the Posix port it returns
/// once a task has called [`end_scheduler`]; on a microcontroller it never
/// returns.
pub fn start_scheduler() {
    // SAFETY: called outside any task, with at least one task created.
    unsafe { emberpy_rtos_start_scheduler() }
}

/// End the scheduler from the calling task and wait to be deleted by the
/// host thread, where [`start_scheduler`] returns.
#[cfg(freertos_posix)]
pub fn end_scheduler() -> ! {
    // SAFETY: called from a task while the scheduler runs.
    unsafe { emberpy_rtos_end_scheduler() }
}

/// Reset the kernel's and the heap's state before the scheduler starts
/// again (`vTaskResetState`, `vPortHeapResetState`). Call from the host
/// thread while no scheduler runs.
#[cfg(freertos_posix)]
pub fn reset() {
    // SAFETY: no task runs, so nothing uses the state being reset.
    unsafe { emberpy_rtos_reset() }
}

/// The tick count since the scheduler started, widened to 64 bits.
#[cfg(not(freertos_posix))]
pub fn ticks() -> u64 {
    // SAFETY: reads the tick count in a critical section.
    unsafe { emberpy_rtos_ticks() }
}
