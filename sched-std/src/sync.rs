//! The synchronisation primitives the backend uses: `std`'s, or `loom`'s
//! when the crate is built with `--cfg loom` for model checking.

#[cfg(loom)]
pub(crate) use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
#[cfg(not(loom))]
pub(crate) use std::sync::{Arc, Condvar, Mutex, MutexGuard};
