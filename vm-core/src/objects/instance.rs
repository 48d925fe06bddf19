//! Instances of user-defined classes and of exception classes.

use alloc::boxed::Box;
use core::mem::size_of;

use crate::objects::Dict;
use crate::objects::exception::ExcData;
use crate::value::{ObjRef, Value};

/// What an instance carries besides its attributes.
#[derive(Debug)]
pub enum Payload {
    /// Nothing.
    None,
    /// Exception state.
    Exception(Box<ExcData>),
    /// The built-in value of a subclass of a built-in type (the list of a
    /// `class L(list)` instance).
    Value(Value),
}

/// An instance.
#[derive(Debug)]
pub struct Instance {
    /// Its class.
    pub class: ObjRef,
    /// Its attributes.
    pub dict: Dict,
    /// The heap dict that holds its attributes instead of `dict` once
    /// `__dict__` has been asked for (so that it stays live).
    pub shared: Option<ObjRef>,
    /// Built-in state.
    pub payload: Payload,
}

impl Instance {
    /// Call `visit` on every heap value the instance holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.class));
        self.dict.trace(visit);
        if let Some(d) = self.shared {
            visit(&Value::Obj(d));
        }
        match &self.payload {
            Payload::None => {}
            Payload::Exception(e) => e.trace(visit),
            Payload::Value(v) => visit(v),
        }
    }

    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        self.dict.heap_size()
            + match &self.payload {
                Payload::Exception(e) => size_of::<ExcData>() + e.heap_size(),
                _ => 0,
            }
    }
}
