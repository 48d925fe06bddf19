//! The `embassy` backend: one embassy task per Python thread, from a fixed
//! pool, on embassy's std executor.

/// The backend's name, as a literal.
macro_rules! backend_name {
    () => {
        "embassy"
    };
}

pub use sched_embassy::EmbassyRuntime as Runtime;

/// A runtime with the default tunables.
pub fn runtime() -> Runtime {
    Runtime::new(sched_embassy::EmbassyConfig::default())
}
