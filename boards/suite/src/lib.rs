//! The conformance scenarios, frozen into emberpy firmware and checked on
//! the board itself.
//!
//! Every scenario of `conformance/scenarios` that needs no host (all but
//! S12, a host stop request) and the board scenarios of `boards/scenarios`
//! are compiled in by the build script, with the expectations of each
//! `.toml` as a [`Scenario`]; so are the helper modules of
//! `boards/modules`, which every scenario can import (see
//! [`vm_core::frozen`]). The build script compiles every script to
//! bytecode on the build machine: with the `bytecode` feature the firmware
//! freezes the `.ebc` files and needs no compiler; with `source` it
//! freezes the source and compiles it on the board. With both, every
//! scenario runs in both [`Form`]s and the bytecode run must print what
//! the source run printed.
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
//! tasks. [`sensor`] is the native module a board registers for its
//! temperature sensor.
#![no_std]
#![warn(missing_docs)]

#[cfg(not(any(feature = "source", feature = "bytecode")))]
compile_error!("emberpy-board-suite: enable `source`, `bytecode` or both");

extern crate alloc;

mod capture;
mod glob;
mod scenario;
pub mod sensor;
mod suite;

#[cfg(feature = "embassy")]
pub mod embassy;

pub use scenario::{FORMS, Form, SCENARIOS, Scenario, Toggles};
pub use suite::{Board, RunEnd, Suite};
