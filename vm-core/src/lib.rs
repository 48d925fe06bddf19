//! The emberpy virtual machine.
//!
//! `vm-core` turns Python source into bytecode and runs it, one thread
//! slice at a time, for whichever scheduler drives it through
//! [`sched_api::Interpreter`]. It is `no_std` (with `alloc`), never blocks,
//! and never talks to an operating system: output and module sources come
//! through the embedder's [`Host`], tasks and time through the backend's
//! [`sched_api::Scheduler`].
//!
//! The stages, one module each: [`lexer`] → [`parser`] (to [`ast`]) →
//! [`compiler`] (to [`bytecode`]) → [`loader`] (into the heap) → [`interp`]
//! (the loop, per-thread state in [`thread`]); objects live in [`heap`],
//! their types in [`objects`], built-in modules in [`modules`].
#![no_std]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod ast;
pub mod bytecode;
#[cfg(feature = "compiler")]
pub mod compiler;
pub mod ebc;
pub mod embed;
pub mod extension;
pub mod frozen;
pub mod heap;
pub mod intern;
pub mod interp;
#[cfg(feature = "compiler")]
pub mod lexer;
pub mod loader;
pub mod modules;
pub mod native;
pub mod objects;
#[cfg(feature = "compiler")]
pub mod parser;
pub mod thread;
pub mod types;
pub mod value;
pub mod verify;
pub mod vm;

pub use embed::{PyError, PyValue};
pub use value::{ObjRef, Value};
pub use vm::{Config, RunOutcome, Vm, VmError, VmStats};

/// How control leaves an operation other than by returning a value.
#[derive(Clone, Copy, Debug)]
pub enum Flow {
    /// A Python exception (an exception instance) is propagating.
    Raise(Value),
    /// The thread must wait; its [`thread::ThreadState::wait`] says for
    /// what. Only the interpreter loop sees this: it ends the slice.
    Wait,
}

/// The result of anything that may raise.
pub type PyResult<T> = Result<T, Flow>;

/// What the VM needs from the program embedding it.
pub trait Host {
    /// Write text to standard output.
    fn write_stdout(&mut self, text: &str);
    /// Write text to standard error.
    fn write_stderr(&mut self, text: &str);
    /// The file name and source of the user module `name`, if the host can
    /// find one (the script's directory on a computer, frozen modules on a
    /// board).
    fn read_module(
        &mut self,
        name: &str,
    ) -> Option<(alloc::string::String, alloc::string::String)> {
        let _ = name;
        None
    }
    /// `sys.platform`.
    fn platform(&self) -> &'static str {
        "emberpy"
    }
}
