//! The scheduler backend this binary was built with, chosen by cargo
//! feature: `std` (the default), `embassy` or `freertos`.

cfg_if::cfg_if! {
    if #[cfg(any(
        all(feature = "std", feature = "embassy"),
        all(feature = "std", feature = "freertos"),
        all(feature = "embassy", feature = "freertos"),
    ))] {
        compile_error!("choose exactly one backend feature: std, embassy or freertos");
    } else if #[cfg(feature = "std")] {
        /// The backend's name, as a literal.
        macro_rules! backend_name {
            () => {
                "std"
            };
        }

        pub use sched_std::{StdRuntime as Runtime, StdConfig as Config, StopHandle};

        /// A runtime with this backend's default tunables.
        pub fn runtime() -> Runtime {
            Runtime::new(Config::default())
        }
    } else {
        compile_error!("choose a backend feature: std, embassy or freertos");
    }
}
