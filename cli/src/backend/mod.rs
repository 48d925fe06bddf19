//! The scheduler backend this binary was built with, chosen by cargo
//! feature: `std` (the default), `embassy` or `freertos`. Each backend file
//! exposes the same items: `Runtime` (with `new`, `name`, `stop_handle`,
//! `now`, `counters` and `run`), `runtime()` making one with default
//! tunables, and the `backend_name!` macro.

cfg_if::cfg_if! {
    if #[cfg(any(
        all(feature = "std", feature = "embassy"),
        all(feature = "std", feature = "freertos"),
        all(feature = "embassy", feature = "freertos"),
    ))] {
        compile_error!(
            "choose exactly one backend: the default `std`, or `--no-default-features --features embassy` / `freertos`"
        );
    } else if #[cfg(feature = "std")] {
        #[macro_use]
        mod std;
        pub use self::std::*;
    } else if #[cfg(feature = "embassy")] {
        #[macro_use]
        mod embassy;
        pub use self::embassy::*;
    } else if #[cfg(feature = "freertos")] {
        #[macro_use]
        mod freertos;
        pub use self::freertos::*;
    } else {
        compile_error!(
            "choose a backend: the default `std`, or `--no-default-features --features embassy` / `freertos`"
        );
    }
}

/// The backend's own figures for the `--stats` line, as ` key=value`
/// fields (each with a leading space); none for this backend.
#[cfg(not(feature = "freertos"))]
pub fn extra_stats(_runtime: &Runtime) -> String {
    String::new()
}
