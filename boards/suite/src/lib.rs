//! The conformance scenarios, frozen into emberpy firmware and checked on
//! the board itself.
//!
//! Every scenario of `conformance/scenarios` that needs no host (all but
//! S12, a host stop request) and the board scenarios of `boards/scenarios`
//! are compiled in by the build script: the script with `include_str!`,
//! the expectations of its `.toml` as a [`Scenario`].
//!
//! A firmware describes itself with a [`Board`] and drives a [`Suite`]:
//! [`Suite::next_run`] hands out a VM with a scenario's main thread loaded,
//! the firmware runs it on its scheduler, and [`Suite::finish_run`] checks
//! the figures THREADS.md asks for: exit status, output, exit latency,
//! threads and tasks left, VM heap back at its baseline, the allocator's
//! bytes identical after every repetition and back where they were once
//! the scenario's VM is dropped, the RTOS heap where there is one, and pin
//! transitions where the board can see them. The suite prints one
//! `emberpy-result:` line per scenario and a final `emberpy-summary:` line.
//!
//! With the `embassy` feature, [`embassy::run`] does all of it on embassy
//! tasks.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;

mod capture;
mod glob;
mod scenario;
mod suite;

#[cfg(feature = "embassy")]
pub mod embassy;

pub use scenario::{SCENARIOS, Scenario, Toggles};
pub use suite::{Board, RunEnd, Suite};
