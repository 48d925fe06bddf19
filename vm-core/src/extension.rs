//! Extending the VM from Rust: native modules, native classes whose
//! instances carry Rust state, and host-provided extension state that
//! native functions can reach.
//!
//! ```ignore
//! static SENSORS: NativeModule = NativeModule {
//!     name: "sensors",
//!     functions: &[Native::function("read", read)],
//!     classes: &[],
//! };
//! vm.add_module(&SENSORS);
//! ```

use alloc::boxed::Box;
use core::any::Any;

use crate::interp::Ctx;
use crate::native::Native;
use crate::objects::typeobj::{Layout, TypeObj};
use crate::objects::{Dict, Object};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// A module written in Rust.
#[derive(Debug)]
pub struct NativeModule {
    /// The name `import` finds it by.
    pub name: &'static str,
    /// Module-level functions.
    pub functions: &'static [Native],
    /// Classes the module defines.
    pub classes: &'static [&'static NativeClass],
}

/// A class written in Rust: its methods are natives, its instances carry a
/// Rust value (see [`Ctx::new_foreign`] and [`Ctx::foreign_mut`]).
#[derive(Debug)]
pub struct NativeClass {
    /// The class name.
    pub name: &'static str,
    /// Its methods: a `__new__` static method makes instances; other
    /// methods take the instance as argument 0.
    pub methods: &'static [Native],
    /// Integer constants on the class (`Pin.OUT`).
    pub constants: &'static [(&'static str, i64)],
}

/// An instance of a [`NativeClass`].
pub struct Foreign {
    /// Its class.
    pub class: ObjRef,
    /// Its Rust state.
    pub data: Box<dyn Any + Send>,
}

impl core::fmt::Debug for Foreign {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Foreign")
            .field("class", &self.class)
            .finish()
    }
}

/// Make the module object for a registered native module.
pub(crate) fn create_module(ctx: &mut Ctx<'_>, m: &'static NativeModule) -> PyResult<ObjRef> {
    let module = crate::modules::native_module(ctx, m.name, m.functions)?;
    let module_name = ctx.intern(m.name)?;
    for class in m.classes {
        let ty = ctx.new_native_class(class, module_name)?;
        let key = ctx.intern(class.name)?;
        crate::modules::module_set(ctx, module, key, Value::Obj(ty))?;
    }
    Ok(module)
}

impl Ctx<'_> {
    /// A class object for `class`, defined in the module named `module`.
    pub fn new_native_class(
        &mut self,
        class: &'static NativeClass,
        module: Value,
    ) -> PyResult<ObjRef> {
        let name = self.intern(class.name)?;
        let object = self.vm.types.object;
        let mut dict = Dict::new();
        for (k, v) in class.constants {
            let key = self.intern(k)?;
            dict.push(self.str_hash(key), key, Value::Int(*v));
        }
        let t = TypeObj {
            name,
            qualname: name,
            module,
            bases: alloc::vec![object],
            mro: alloc::vec::Vec::new(),
            dict,
            natives: class.methods,
            layout: Layout::Builtin,
            solid_base: None,
            builtin: true,
        };
        let r = self.alloc(Object::Type(Box::new(t)))?;
        if let Object::Type(t) = self.vm.heap.get_mut(r) {
            t.mro = alloc::vec![r, object];
            t.solid_base = Some(r);
        }
        Ok(r)
    }

    /// A new instance of the native class `class` holding `data`.
    pub fn new_foreign<T: Any + Send>(&mut self, class: Value, data: T) -> PyResult<Value> {
        let Some(class) = class.as_obj() else {
            return Err(self.type_error("expected a class"));
        };
        let f = Foreign {
            class,
            data: Box::new(data),
        };
        Ok(Value::Obj(self.alloc(Object::Foreign(Box::new(f)))?))
    }

    /// The Rust state of a native instance, if `v` is one holding a `T`.
    pub fn foreign_mut<T: Any + Send>(&mut self, v: Value) -> Option<&mut T> {
        match v.as_obj().map(|r| self.vm.heap.get_mut(r)) {
            Some(Object::Foreign(f)) => f.data.downcast_mut::<T>(),
            _ => None,
        }
    }

    /// Like [`Ctx::foreign_mut`], raising `TypeError` when `v` is not a
    /// native instance of the expected kind.
    pub fn expect_foreign<T: Any + Send>(&mut self, v: Value, what: &str) -> PyResult<&mut T> {
        let ok = matches!(
            v.as_obj().map(|r| self.vm.heap.get(r)),
            Some(Object::Foreign(f)) if f.data.is::<T>()
        );
        if !ok {
            let t = self.type_name(v);
            return Err(self.type_error(alloc::format!("expected a {what}, not '{t}'")));
        }
        // Never used: `ok` checked the type above.
        let fallback = Flow::Raise(self.vm.memory_error);
        self.foreign_mut::<T>(v).ok_or(fallback)
    }

    /// The host's extension state of type `T` (see [`crate::Vm::set_extension`]).
    pub fn extension<T: Any + Send>(&mut self) -> Option<&mut T> {
        self.vm.extension.as_mut()?.downcast_mut::<T>()
    }
}
