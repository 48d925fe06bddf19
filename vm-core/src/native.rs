//! Functions written in Rust and callable from Python.
//!
//! A [`Native`] is a `'static` descriptor, so built-in functions and the
//! methods of built-in types cost no heap: a [`Value::Native`] points at one.

use crate::PyResult;
use crate::interp::Ctx;
use crate::value::{ObjRef, Value};

/// The signature every native function has. Positional and keyword
/// arguments stay on the calling thread's stack; [`Args`] says where.
pub type NativeFn = fn(&mut Ctx<'_>, Args) -> PyResult<Value>;

/// How a native behaves when found on a type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeKind {
    /// A plain function (module level): `<built-in function len>`.
    Function,
    /// A method of a built-in type: binds `self` as argument 0.
    Method,
    /// A class method of a built-in type: binds the class as argument 0.
    ClassMethod,
    /// A static method of a built-in type: binds nothing.
    StaticMethod,
}

/// A built-in function or method.
#[derive(Debug)]
pub struct Native {
    /// The Python-visible name.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// How it binds when looked up on a type.
    pub kind: NativeKind,
}

impl Native {
    /// A module-level function.
    pub const fn function(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::Function,
        }
    }

    /// A method of a built-in type.
    pub const fn method(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::Method,
        }
    }

    /// A class method of a built-in type.
    pub const fn class_method(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::ClassMethod,
        }
    }

    /// A static method of a built-in type.
    pub const fn static_method(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::StaticMethod,
        }
    }
}

/// Where a native call's arguments are: `count` values on the caller's
/// stack starting at `start`, the last `kwnames.len()` of which are keyword
/// arguments named by the tuple `kwnames`.
#[derive(Clone, Copy, Debug)]
pub struct Args {
    pub(crate) start: usize,
    pub(crate) count: usize,
    pub(crate) kwnames: Option<ObjRef>,
    pub(crate) nkw: usize,
}

impl Args {
    /// Number of positional arguments.
    pub fn positional(&self) -> usize {
        self.count - self.nkw
    }

    /// Number of keyword arguments.
    pub fn keywords(&self) -> usize {
        self.nkw
    }

    /// The same arguments without the first positional one (used when a
    /// method was called through its type with `self` explicit).
    pub(crate) fn shifted(self) -> Args {
        Args {
            start: self.start + 1,
            count: self.count - 1,
            ..self
        }
    }
}
