//! Module objects.

use crate::value::{ObjRef, Value};

/// A module: a name and a globals dict.
#[derive(Debug)]
pub struct Module {
    /// `__name__`.
    pub name: Value,
    /// The module's globals (a dict object).
    pub dict: ObjRef,
}

impl Module {
    /// Call `visit` on every heap value the module holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&Value::Obj(self.dict));
    }

    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        0
    }
}
