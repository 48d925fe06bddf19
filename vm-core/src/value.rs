//! The value every Python expression evaluates to.
//!
//! A [`Value`] is 16 bytes and `Copy`: `None`, booleans, integers that fit in
//! an `i64`, floats and built-in functions live inside it, so arithmetic in a
//! hot loop never allocates; everything else is an [`ObjRef`] into the
//! [`Heap`](crate::heap::Heap), kept alive by the tracing collector.

use crate::native::Native;

/// Index of an object in the VM heap.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct ObjRef(pub(crate) u32);

impl ObjRef {
    /// The slot index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A Python value.
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub enum Value {
    /// Not a Python value: an unassigned local, or "no self" on the stack
    /// before a call. Never visible to Python code.
    Unbound,
    /// `None`.
    None,
    /// `NotImplemented`.
    NotImplemented,
    /// `Ellipsis` (`...`).
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in an `i64`; larger ones are heap big integers.
    Int(i64),
    /// A `float`.
    Float(f64),
    /// A built-in function or method implemented in Rust.
    Native(&'static Native),
    /// Any other object.
    Obj(ObjRef),
}

impl Value {
    /// The heap object, if this value is one.
    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }

    /// Whether this is `None`.
    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    /// Whether this is an assigned value (not [`Value::Unbound`]).
    #[inline]
    pub fn is_bound(self) -> bool {
        !matches!(self, Value::Unbound)
    }

    /// Identity, as Python's `is` sees it.
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Unbound, Value::Unbound)
            | (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Native(a), Value::Native(b)) => core::ptr::eq(a, b),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}

impl From<ObjRef> for Value {
    fn from(r: ObjRef) -> Self {
        Value::Obj(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_sixteen_bytes() {
        assert_eq!(core::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn identity_distinguishes_kinds() {
        assert!(Value::Int(1).is(Value::Int(1)));
        assert!(!Value::Int(1).is(Value::Bool(true)));
        assert!(Value::Float(f64::NAN).is(Value::Float(f64::NAN)));
        assert!(!Value::Obj(ObjRef(1)).is(Value::Obj(ObjRef(2))));
    }
}
