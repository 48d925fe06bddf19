//! The scheduler backend this binary was built with, chosen by cargo
//! feature (`std` by default).

cfg_if::cfg_if! {
    if #[cfg(feature = "std")] {
        /// The backend's name, as a literal.
        macro_rules! backend_name {
            () => {
                "std"
            };
        }

        pub use sched_std::{StdConfig as Config, StdRuntime as Runtime};

        /// A runtime with this backend's default tunables.
        pub fn runtime() -> Runtime {
            Runtime::new(Config::default())
        }
    } else {
        compile_error!("choose a backend feature: std");
    }
}
