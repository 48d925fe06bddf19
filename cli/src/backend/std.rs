//! The `std` backend: one OS thread per Python thread.

/// The backend's name, as a literal.
macro_rules! backend_name {
    () => {
        "std"
    };
}

pub use sched_std::StdRuntime as Runtime;

/// A runtime with the default tunables.
pub fn runtime() -> Runtime {
    Runtime::new(sched_std::StdConfig::default())
}
