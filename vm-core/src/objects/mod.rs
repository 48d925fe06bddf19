//! Heap object types, one file each, with the methods Python sees on them.

pub mod bytes;
pub mod codec;
pub mod dd;
pub mod dict;
pub mod exception;
pub mod float;
pub mod function;
pub mod generator;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod lock;
pub mod lookup_cache;
pub mod module;
pub mod percent;
pub mod range;
pub mod set;
pub mod str;
pub mod str_format;
pub mod tuple;
pub mod typeobj;
pub mod unicode;

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::mem::size_of;

use num_bigint::BigInt;
use portable_atomic_util::Arc;

use crate::bytecode::Code;
use crate::value::{ObjRef, Value};

pub use dict::Dict;
pub use function::{BoundMethod, Function};
pub use generator::Generator;
pub use instance::Instance;
pub use iter::IterObj;
pub use lock::Lock;
pub use module::Module;
pub use range::Range;
pub use set::Set;
pub use str::StrObj;
pub use typeobj::TypeObj;

/// A heap object.
#[derive(Debug)]
pub enum Object {
    /// An unused slot; holds the index of the next free slot.
    Free(u32),
    /// `str`.
    Str(StrObj),
    /// `bytes`.
    Bytes(Box<[u8]>),
    /// `bytearray`.
    ByteArray(Vec<u8>),
    /// An `int` outside the `i64` range.
    BigInt(Box<BigInt>),
    /// `tuple`.
    Tuple(Box<[Value]>),
    /// `list`.
    List(Vec<Value>),
    /// `dict` (also module globals and class namespaces).
    Dict(Box<Dict>),
    /// `dict.keys()`, `.values()` or `.items()` of a dict.
    DictView(dict::DictViewKind, ObjRef),
    /// `set` and `frozenset`.
    Set(Box<Set>),
    /// `range`.
    Range(Range),
    /// `slice`.
    Slice(Box<[Value; 3]>),
    /// A Python function.
    Function(Box<Function>),
    /// A function bound to an instance.
    BoundMethod(BoundMethod),
    /// A class (built-in or user-defined).
    Type(Box<TypeObj>),
    /// An instance of a user-defined class or of an exception class.
    Instance(Box<Instance>),
    /// A module.
    Module(Box<Module>),
    /// Compiled code.
    Code(Arc<Code>),
    /// A closure cell.
    Cell(Value),
    /// An iterator over a built-in sequence or mapping.
    Iter(Box<IterObj>),
    /// A generator.
    Generator(Box<Generator>),
    /// A `_thread` lock.
    Lock(Box<Lock>),
    /// `property(fget, fset, fdel)`.
    Property(Box<[Value; 3]>),
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `super(type, obj)`.
    Super(Box<[Value; 2]>),
    /// An instance of a class written in Rust.
    Foreign(Box<crate::extension::Foreign>),
}

impl Object {
    /// Call `visit` for every heap object this one refers to.
    pub fn trace(&self, visit: &mut dyn FnMut(ObjRef)) {
        let mut v = |value: &Value| {
            if let Value::Obj(r) = value {
                visit(*r)
            }
        };
        match self {
            Object::Free(_)
            | Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::BigInt(_)
            | Object::Range(_) => {}
            Object::DictView(_, d) => visit(*d),
            Object::Tuple(items) => items.iter().for_each(v),
            Object::List(items) => items.iter().for_each(v),
            Object::Dict(d) => d.trace(&mut v),
            Object::Set(s) => s.trace(&mut v),
            Object::Slice(parts) | Object::Property(parts) => parts.iter().for_each(v),
            Object::Super(parts) => parts.iter().for_each(v),
            Object::Function(f) => f.trace(&mut v),
            Object::BoundMethod(m) => {
                v(&m.receiver);
                v(&m.function);
            }
            Object::Type(t) => t.trace(&mut v),
            Object::Instance(i) => i.trace(&mut v),
            Object::Module(m) => m.trace(&mut v),
            Object::Code(c) => c.trace(&mut v),
            Object::Cell(value) | Object::StaticMethod(value) | Object::ClassMethod(value) => {
                v(value)
            }
            Object::Iter(it) => it.trace(&mut v),
            Object::Generator(g) => g.trace(&mut v),
            Object::Lock(_) => {}
            Object::Foreign(f) => visit(f.class),
        }
    }

    /// Bytes this object accounts for: its slot plus the buffers it owns.
    pub fn heap_size(&self) -> usize {
        size_of::<Object>()
            + match self {
                Object::Free(_)
                | Object::Range(_)
                | Object::DictView(..)
                | Object::Cell(_)
                | Object::BoundMethod(_)
                | Object::StaticMethod(_)
                | Object::ClassMethod(_) => 0,
                Object::Str(s) => s.heap_size(),
                Object::Bytes(b) => b.len(),
                Object::ByteArray(b) => b.capacity(),
                Object::BigInt(b) => size_of::<BigInt>() + b.bits().div_ceil(8) as usize,
                Object::Tuple(items) => items.len() * size_of::<Value>(),
                Object::List(items) => items.capacity() * size_of::<Value>(),
                Object::Dict(d) => size_of::<Dict>() + d.heap_size(),
                Object::Set(s) => size_of::<Set>() + s.heap_size(),
                Object::Slice(_) | Object::Property(_) => size_of::<[Value; 3]>(),
                Object::Super(_) => size_of::<[Value; 2]>(),
                Object::Function(f) => size_of::<Function>() + f.heap_size(),
                Object::Type(t) => size_of::<TypeObj>() + t.heap_size(),
                Object::Instance(i) => size_of::<Instance>() + i.heap_size(),
                Object::Module(m) => size_of::<Module>() + m.heap_size(),
                Object::Code(c) => c.heap_size(),
                Object::Iter(_) => size_of::<IterObj>(),
                Object::Generator(g) => size_of::<Generator>() + g.heap_size(),
                Object::Lock(l) => size_of::<Lock>() + l.heap_size(),
                Object::Foreign(_) => size_of::<crate::extension::Foreign>(),
            }
    }
}
