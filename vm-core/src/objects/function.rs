//! Python functions and bound methods.

use alloc::boxed::Box;

use portable_atomic_util::Arc;

use crate::PyResult;
use crate::bytecode::Code;
use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::value::{ObjRef, Value};

/// A function made by `def` or `lambda`.
#[derive(Debug)]
pub struct Function {
    /// The compiled body.
    pub code: Arc<Code>,
    /// The heap object owning `code` (kept alive by this function).
    pub code_obj: ObjRef,
    /// The globals dict of the defining module.
    pub globals: ObjRef,
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// Defaults of the last positional parameters: a tuple, or `None`.
    pub defaults: Value,
    /// Defaults of keyword-only parameters: a dict, or `None`.
    pub kwdefaults: Value,
    /// Cells of the free variables: a tuple, or `None`.
    pub closure: Value,
    /// `__dict__` for function attributes: a dict, or `None` until set.
    pub attrs: Value,
    /// `__doc__`.
    pub doc: Value,
}

impl Function {
    /// Call `visit` on every heap value the function holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.code_obj));
        visit(&Value::Obj(self.globals));
        for v in [
            &self.name,
            &self.qualname,
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.attrs,
            &self.doc,
        ] {
            visit(v);
        }
    }

    /// Bytes owned outside the struct (the code is accounted separately).
    pub fn heap_size(&self) -> usize {
        0
    }
}

/// A callable bound to the object it was looked up on.
#[derive(Debug, Clone, Copy)]
pub struct BoundMethod {
    /// The object (`self`), or the class for a class method.
    pub receiver: Value,
    /// The function.
    pub function: Value,
}

/// Methods of functions.
pub static FUNCTION_METHODS: &[Native] = &[];

fn property_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "property", 1, 5, &["fget", "fset", "fdel", "doc"])?;
    let mut parts = [Value::None; 3];
    for (i, name) in ["fget", "fset", "fdel"].iter().enumerate() {
        parts[i] = match ctx.kwarg(args, name) {
            Some(v) => v,
            None if args.positional() > i + 1 => ctx.arg(args, i + 1),
            None => Value::None,
        };
    }
    Ok(Value::Obj(ctx.alloc(Object::Property(Box::new(parts)))?))
}

fn property_with(ctx: &mut Ctx<'_>, args: Args, slot: usize) -> PyResult<Value> {
    ctx.check_args(args, "setter", 2, 2, &[])?;
    let this = ctx.arg(args, 0);
    let f = ctx.arg(args, 1);
    let mut parts = match this.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Property(p)) => **p,
        _ => return Err(ctx.type_error("descriptor requires a 'property' object")),
    };
    parts[slot] = f;
    Ok(Value::Obj(ctx.alloc(Object::Property(Box::new(parts)))?))
}

fn getter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    property_with(ctx, args, 0)
}

fn setter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    property_with(ctx, args, 1)
}

fn deleter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    property_with(ctx, args, 2)
}

/// Methods of `property`.
pub static PROPERTY_METHODS: &[Native] = &[
    Native::static_method("__new__", property_new),
    Native::method("getter", getter),
    Native::method("setter", setter),
    Native::method("deleter", deleter),
];

fn wrapper_new(ctx: &mut Ctx<'_>, args: Args, class: bool) -> PyResult<Value> {
    let name = if class { "classmethod" } else { "staticmethod" };
    ctx.check_args(args, name, 2, 2, &[])?;
    let f = ctx.arg(args, 1);
    let obj = if class {
        Object::ClassMethod(f)
    } else {
        Object::StaticMethod(f)
    };
    Ok(Value::Obj(ctx.alloc(obj)?))
}

fn staticmethod_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    wrapper_new(ctx, args, false)
}

fn classmethod_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    wrapper_new(ctx, args, true)
}

/// Methods of `staticmethod`.
pub static STATICMETHOD_METHODS: &[Native] = &[Native::static_method("__new__", staticmethod_new)];

/// Methods of `classmethod`.
pub static CLASSMETHOD_METHODS: &[Native] = &[Native::static_method("__new__", classmethod_new)];
