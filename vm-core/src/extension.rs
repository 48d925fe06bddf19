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
use alloc::string::String;
use alloc::vec::Vec;
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

/// A Rust type a native function can take as a parameter (see
/// [`native_fn!`](crate::native_fn)).
pub trait FromPy: Sized {
    /// Whether the parameter may be left out (and `None` accepted).
    const OPTIONAL: bool = false;
    /// Convert the argument given for parameter `name` (absent: `None`).
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self>;
}

/// A Rust type a native function can return (see
/// [`native_fn!`](crate::native_fn)).
pub trait IntoPy {
    /// Make the Python value.
    fn into_py(self, ctx: &mut Ctx<'_>) -> PyResult<Value>;
}

fn required(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Value> {
    match v {
        Some(v) => Ok(v),
        None => Err(ctx.type_error(alloc::format!("missing required argument '{name}'"))),
    }
}

fn wrong_type(ctx: &mut Ctx<'_>, v: Value, name: &str, want: &str) -> Flow {
    let t = ctx.type_name(v);
    ctx.type_error(alloc::format!("argument '{name}' must be {want}, not {t}"))
}

impl FromPy for Value {
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self> {
        required(ctx, v, name)
    }
}

impl FromPy for i64 {
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self> {
        let v = required(ctx, v, name)?;
        if matches!(v, Value::Float(_)) {
            return Err(wrong_type(ctx, v, name, "int"));
        }
        ctx.index_value(v)
    }
}

impl FromPy for f64 {
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self> {
        let v = required(ctx, v, name)?;
        ctx.float_value(v)
            .map_err(|_| wrong_type(ctx, v, name, "a real number"))
    }
}

impl FromPy for bool {
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self> {
        let v = required(ctx, v, name)?;
        ctx.truthy(v)
    }
}

impl FromPy for String {
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self> {
        let v = required(ctx, v, name)?;
        match ctx.str_ref(v) {
            Some(s) => Ok(String::from(s)),
            None => Err(wrong_type(ctx, v, name, "str")),
        }
    }
}

impl FromPy for Vec<u8> {
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self> {
        let v = required(ctx, v, name)?;
        match crate::objects::bytes::try_slice(ctx, v) {
            Some(b) => Ok(b),
            None => Err(wrong_type(ctx, v, name, "a bytes-like object")),
        }
    }
}

impl<T: FromPy> FromPy for Option<T> {
    const OPTIONAL: bool = true;
    fn from_py(ctx: &mut Ctx<'_>, v: Option<Value>, name: &str) -> PyResult<Self> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => T::from_py(ctx, Some(v), name).map(Some),
        }
    }
}

impl IntoPy for () {
    fn into_py(self, _: &mut Ctx<'_>) -> PyResult<Value> {
        Ok(Value::None)
    }
}

impl IntoPy for Value {
    fn into_py(self, _: &mut Ctx<'_>) -> PyResult<Value> {
        Ok(self)
    }
}

impl IntoPy for i64 {
    fn into_py(self, _: &mut Ctx<'_>) -> PyResult<Value> {
        Ok(Value::Int(self))
    }
}

impl IntoPy for f64 {
    fn into_py(self, _: &mut Ctx<'_>) -> PyResult<Value> {
        Ok(Value::Float(self))
    }
}

impl IntoPy for bool {
    fn into_py(self, _: &mut Ctx<'_>) -> PyResult<Value> {
        Ok(Value::Bool(self))
    }
}

impl IntoPy for String {
    fn into_py(self, ctx: &mut Ctx<'_>) -> PyResult<Value> {
        ctx.new_string(self)
    }
}

impl IntoPy for &str {
    fn into_py(self, ctx: &mut Ctx<'_>) -> PyResult<Value> {
        ctx.new_str(self)
    }
}

impl IntoPy for Vec<u8> {
    fn into_py(self, ctx: &mut Ctx<'_>) -> PyResult<Value> {
        Ok(Value::Obj(
            ctx.alloc(Object::Bytes(self.into_boxed_slice()))?,
        ))
    }
}

impl<T: IntoPy> IntoPy for Option<T> {
    fn into_py(self, ctx: &mut Ctx<'_>) -> PyResult<Value> {
        match self {
            Some(v) => v.into_py(ctx),
            None => Ok(Value::None),
        }
    }
}

/// How many leading parameters are required (not `Option`), for
/// [`native_fn!`](crate::native_fn).
pub const fn leading_required(optional: &[bool]) -> usize {
    let mut i = 0;
    while i < optional.len() && !optional[i] {
        i += 1;
    }
    i
}

/// Define a native function with typed parameters: arguments are bound by
/// position or keyword (with CPython's error messages) and converted with
/// [`FromPy`]; `Option` parameters may be left out; the result converts
/// with [`IntoPy`]. The body returns a [`PyResult`], so it can raise with
/// `return Err(ctx.value_error(...))` and use `?`.
///
/// ```ignore
/// vm_core::native_fn! {
///     /// Scale a reading.
///     fn scale(ctx, value: f64, factor: Option<f64>) -> f64 {
///         Ok(value * factor.unwrap_or(1.0))
///     }
/// }
/// static SENSORS: NativeModule = NativeModule {
///     name: "sensors",
///     functions: &[Native::function("scale", scale)],
///     classes: &[],
/// };
/// ```
#[macro_export]
macro_rules! native_fn {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($ctx:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        $vis fn $name(
            $ctx: &mut $crate::interp::Ctx<'_>,
            args: $crate::native::Args,
        ) -> $crate::PyResult<$crate::Value> {
            const PARAMS: &[&str] = &[$(stringify!($arg)),*];
            const N: usize = PARAMS.len();
            const SIG: $crate::native::Sig = $crate::native::Sig::new(
                stringify!($name),
                PARAMS,
                $crate::extension::leading_required(&[
                    $(<$ty as $crate::extension::FromPy>::OPTIONAL),*
                ]),
            );
            let bound = $ctx.bind::<N>(args, 0, &SIG)?;
            let mut bound = bound.into_iter();
            $(
                let $arg: $ty = $crate::extension::FromPy::from_py(
                    $ctx,
                    bound.next().flatten(),
                    stringify!($arg),
                )?;
            )*
            let result: $crate::PyResult<$ret> = (|| $body)();
            $crate::extension::IntoPy::into_py(result?, $ctx)
        }
    };
}
