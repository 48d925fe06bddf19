//! Frozen modules: Python modules built into the program (into flash, on a
//! board) that `import` finds by name, as precompiled bytecode or as
//! source.
//!
//! ```ignore
//! static MODULES: &[FrozenModule] = &[FrozenModule {
//!     name: "filters",
//!     code: FrozenCode::Bytecode(include_bytes!(concat!(env!("OUT_DIR"), "/filters.ebc"))),
//! }];
//! vm.add_frozen_modules(MODULES);
//! ```
//!
//! `import` looks for a module in `sys.modules`, then among the built-in
//! and native modules, then among the frozen ones, and last asks the
//! [`Host`](crate::Host).

use crate::vm::Vm;

/// A module built into the program.
#[derive(Debug)]
pub struct FrozenModule {
    /// The name `import` finds it by.
    pub name: &'static str,
    /// Its code.
    pub code: FrozenCode,
}

/// The code of a [`FrozenModule`].
#[derive(Debug, Clone, Copy)]
pub enum FrozenCode {
    /// A bytecode file's bytes (see [`crate::ebc`]), checked when the
    /// module is imported; needs no compiler. `__file__` and tracebacks
    /// show the file name it was compiled from, without source lines.
    Bytecode(&'static [u8]),
    /// Source text, compiled when the module is imported: a VM built
    /// without the `compiler` feature raises `ImportError` instead.
    Source {
        /// The file name `__file__` and tracebacks show.
        filename: &'static str,
        /// The module's source.
        text: &'static str,
    },
}

impl Vm {
    /// Make every module of `modules` importable, replacing a frozen
    /// module of the same name added earlier.
    pub fn add_frozen_modules(&mut self, modules: &'static [FrozenModule]) {
        for module in modules {
            self.frozen_modules.retain(|m| m.name != module.name);
            self.frozen_modules.push(module);
        }
    }

    /// The frozen module called `name`, if one was added.
    pub(crate) fn frozen_module(&self, name: &str) -> Option<&'static FrozenModule> {
        self.frozen_modules.iter().copied().find(|m| m.name == name)
    }
}
