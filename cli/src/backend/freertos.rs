//! The `freertos` backend: one FreeRTOS task per Python thread, on the
//! kernel's Posix port (the scheduler starts for each run and ends after).

/// The backend's name, as a literal.
macro_rules! backend_name {
    () => {
        "freertos"
    };
}

pub use sched_freertos::FreeRtosRuntime as Runtime;

/// A runtime with the default tunables.
pub fn runtime() -> Runtime {
    Runtime::new(sched_freertos::FreeRtosConfig::default())
}

/// The backend's own figures for the `--stats` line: the FreeRTOS free heap
/// after the run minus before it (read inside the supervisor task), which is
/// zero when every task's control block and stack went back to the heap.
pub fn extra_stats(runtime: &Runtime) -> String {
    match runtime.free_heap() {
        Some(heap) => format!(" freertos_free_heap_delta={}", heap.delta()),
        None => String::new(),
    }
}
