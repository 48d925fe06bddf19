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
