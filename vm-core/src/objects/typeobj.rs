//! Type objects: the built-in types and user-defined classes.

use alloc::string::String;
use alloc::vec::Vec;
use core::mem::size_of;

use crate::PyResult;
use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::objects::lookup_cache::Key;
use crate::objects::{Dict, Object};
use crate::value::{ObjRef, Value};

/// What instances of a type look like in memory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// A plain instance with an attribute dict.
    Plain,
    /// An exception instance (an instance with exception data).
    Exception,
    /// Instances are values of a built-in type; a user subclass stores the
    /// built-in value inside an instance.
    Builtin,
}

/// A class.
#[derive(Debug)]
pub struct TypeObj {
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// `__module__` (a str), or `None` for built-in types.
    pub module: Value,
    /// Direct bases.
    pub bases: Vec<ObjRef>,
    /// Method resolution order, this type first.
    pub mro: Vec<ObjRef>,
    /// The class namespace.
    pub dict: Dict,
    /// Methods implemented in Rust (built-in types only).
    pub natives: &'static [Native],
    /// Instance layout.
    pub layout: Layout,
    /// The built-in type whose values instances carry (itself for a
    /// built-in type), for types with [`Layout::Builtin`].
    pub solid_base: Option<ObjRef>,
    /// Built-in types refuse attribute assignment.
    pub builtin: bool,
}

impl TypeObj {
    /// Call `visit` on every heap value the type holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.qualname);
        visit(&self.module);
        for r in self.bases.iter().chain(self.mro.iter()) {
            visit(&Value::Obj(*r));
        }
        if let Some(r) = self.solid_base {
            visit(&Value::Obj(r));
        }
        self.dict.trace(visit);
    }

    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        (self.bases.capacity() + self.mro.capacity()) * size_of::<ObjRef>() + self.dict.heap_size()
    }

    /// The native method called `name`, if this type has one.
    pub fn native(&self, name: &str) -> Option<&'static Native> {
        // The built-in tables are in `name_order` (unit tests check), so a
        // hit is a binary search; an unsorted table (an extension class's)
        // is still searched in full.
        let natives = self.natives;
        match natives.binary_search_by(|n| crate::native::name_order(n.name, name)) {
            Ok(i) => Some(&natives[i]),
            Err(_) => natives.iter().find(|n| n.name == name),
        }
    }
}

impl Ctx<'_> {
    /// The class of any value.
    pub fn type_of(&self, v: Value) -> ObjRef {
        let t = &self.vm.types;
        match v {
            Value::Unbound => t.object,
            Value::None => t.none_type,
            Value::NotImplemented => t.not_implemented_type,
            Value::Ellipsis => t.ellipsis_type,
            Value::Bool(_) => t.bool,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Native(n) if n.kind == crate::native::NativeKind::Method => t.method_descriptor,
            Value::Native(_) => t.builtin_function,
            Value::Obj(r) => match self.vm.heap.get(r) {
                Object::Free(_) => t.object,
                Object::Str(_) => t.str,
                Object::Bytes(_) => t.bytes,
                Object::ByteArray(_) => t.bytearray,
                Object::BigInt(_) => t.int,
                Object::Tuple(_) => t.tuple,
                Object::List(_) => t.list,
                Object::Dict(_) => t.dict,
                Object::Set(s) => {
                    if s.frozen {
                        t.frozenset
                    } else {
                        t.set
                    }
                }
                Object::Range(_) => t.range,
                Object::Slice(_) => t.slice,
                Object::Function(_) => t.function,
                Object::BoundMethod(m) if matches!(m.function, Value::Native(_)) => {
                    t.builtin_function
                }
                Object::BoundMethod(_) => t.method,
                Object::Type(_) => t.type_,
                Object::Instance(i) => i.class,
                Object::Module(_) => t.module,
                Object::Code(_) => t.code,
                Object::Cell(_) => t.cell,
                Object::Iter(it) => match &**it {
                    crate::objects::IterObj::Seq { seq, .. } => {
                        match seq.as_obj().map(|r| self.vm.heap.get(r)) {
                            Some(Object::Tuple(_)) => t.tuple_iterator,
                            Some(Object::Bytes(_) | Object::ByteArray(_)) => t.bytes_iterator,
                            _ => t.list_iterator,
                        }
                    }
                    crate::objects::IterObj::Reversed { seq, .. }
                        if matches!(
                            seq.as_obj().map(|r| self.vm.heap.get(r)),
                            Some(Object::List(_))
                        ) =>
                    {
                        t.list_reverseiterator
                    }
                    it => it.type_in(t),
                },
                Object::DictView(kind, _) => kind.type_in(t),
                Object::Generator(_) => t.generator,
                Object::Lock(_) => t.lock,
                Object::Property(_) => t.property,
                Object::StaticMethod(_) => t.staticmethod,
                Object::ClassMethod(_) => t.classmethod,
                Object::Super(_) => t.super_,
                Object::Foreign(f) => f.class,
            },
        }
    }

    /// `type(v).__name__`, for messages.
    pub fn type_name(&self, v: Value) -> String {
        self.type_name_of_type(self.type_of(v))
    }

    /// A class's `__name__`, for messages.
    pub fn type_name_of_type(&self, ty: ObjRef) -> String {
        match self.vm.heap.get(ty) {
            Object::Type(t) => String::from(self.str_ref(t.name).unwrap_or("?")),
            _ => String::from("?"),
        }
    }

    /// A class's name as tracebacks show it: `module.qualname` unless the
    /// module is `builtins` or `__main__`.
    pub fn qualified_type_name(&self, ty: ObjRef) -> String {
        let Object::Type(t) = self.vm.heap.get(ty) else {
            return String::from("?");
        };
        let qual = self.str_ref(t.qualname).unwrap_or("?");
        match self.str_ref(t.module) {
            Some(m) if m != "builtins" && m != "__main__" => alloc::format!("{m}.{qual}"),
            _ => String::from(qual),
        }
    }

    /// Whether `ty` is `base` or derives from it.
    pub fn is_subclass(&self, ty: ObjRef, base: ObjRef) -> bool {
        if ty == base {
            return true;
        }
        match self.vm.heap.get(ty) {
            Object::Type(t) => t.mro.contains(&base),
            _ => false,
        }
    }

    /// Whether `v` is an instance of `ty` (or a subclass).
    pub fn is_instance(&self, v: Value, ty: ObjRef) -> bool {
        self.is_subclass(self.type_of(v), ty)
    }

    /// The precomputed hash of a `str` value (0 for anything else).
    #[inline]
    pub fn str_hash(&self, v: Value) -> i64 {
        match v {
            Value::Obj(r) => match self.vm.heap.get(r) {
                Object::Str(s) => s.hash(),
                _ => 0,
            },
            _ => 0,
        }
    }

    /// Whether two `str` values have the same text (identity first).
    #[inline]
    pub fn same_str(&self, a: Value, b: Value) -> bool {
        if a.is(b) {
            return true;
        }
        match (a, b) {
            (Value::Obj(x), Value::Obj(y)) => match (self.vm.heap.get(x), self.vm.heap.get(y)) {
                (Object::Str(x), Object::Str(y)) => {
                    x.hash() == y.hash() && x.as_str() == y.as_str()
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `name` in the class `ty` itself (not its bases).
    pub fn own_lookup(&self, ty: ObjRef, name: Value) -> Option<Value> {
        let Object::Type(t) = self.vm.heap.get(ty) else {
            return None;
        };
        let hash = self.str_hash(name);
        if let Some(p) = t.dict.find(hash, |k| self.same_str(k, name)) {
            return t.dict.entry(p).map(|e| e.value);
        }
        if t.natives.is_empty() {
            return None;
        }
        let text = self.str_ref(name)?;
        t.native(text).map(Value::Native)
    }

    /// `name` through the MRO of `ty` (cached: see [`LookupCache`]).
    pub fn type_lookup(&self, ty: ObjRef, name: Value) -> Option<Value> {
        let Value::Obj(n) = name else {
            return self.type_lookup_uncached(ty, name);
        };
        let key = Key::Name(n);
        if let Some(found) = self.vm.lookup_cache.get(ty, key) {
            return found;
        }
        let found = self.type_lookup_uncached(ty, name);
        self.vm.lookup_cache.put(ty, key, found);
        found
    }

    fn type_lookup_uncached(&self, ty: ObjRef, name: Value) -> Option<Value> {
        let Object::Type(t) = self.vm.heap.get(ty) else {
            return None;
        };
        t.mro.iter().find_map(|c| self.own_lookup(*c, name))
    }

    /// [`Ctx::type_lookup_str`] for a name known at compile time (cached).
    pub fn type_lookup_static(&self, ty: ObjRef, name: &'static str) -> Option<Value> {
        let key = Key::Static(name.as_ptr() as usize, name.len());
        if let Some(found) = self.vm.lookup_cache.get(ty, key) {
            return found;
        }
        let found = self.type_lookup_str(ty, name);
        self.vm.lookup_cache.put(ty, key, found);
        found
    }

    /// `name` (given as text) through the MRO of `ty`.
    pub fn type_lookup_str(&self, ty: ObjRef, name: &str) -> Option<Value> {
        let Object::Type(t) = self.vm.heap.get(ty) else {
            return None;
        };
        let hash = crate::objects::str::hash_str(name);
        t.mro.iter().find_map(|c| {
            let Object::Type(ct) = self.vm.heap.get(*c) else {
                return None;
            };
            if let Some(p) = ct.dict.find(hash, |k| self.str_ref(k) == Some(name)) {
                return ct.dict.entry(p).map(|e| e.value);
            }
            ct.native(name).map(Value::Native)
        })
    }

    /// Whether a class defines `name` in Python code (not a built-in
    /// default), somewhere in its MRO before `object`.
    pub fn has_python_method(&self, ty: ObjRef, name: &str) -> bool {
        matches!(self.type_lookup_str(ty, name), Some(Value::Obj(_)))
    }
}

fn object_init(_ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let ty = ctx.type_of(this);
    let name = ctx.qualified_type_name_for_repr(ty);
    let addr = crate::interp::format::address(this);
    ctx.new_string(alloc::format!("<{name} object at {addr:#x}>"))
}

fn object_str(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let s = crate::interp::format::repr(ctx, this)?;
    ctx.new_string(s)
}

fn object_eq(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = ctx.one_arg(args, 1, "object", "__eq__")?;
    let a = ctx.arg(args, 0);
    Ok(if a.is(b) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = ctx.one_arg(args, 1, "object", "__ne__")?;
    let a = ctx.arg(args, 0);
    if a.is(b) {
        return Ok(Value::Bool(false));
    }
    let eq = crate::interp::ops::rich_eq(ctx, a, b)?;
    Ok(match eq {
        Value::Bool(e) => Value::Bool(!e),
        other => other,
    })
}

fn object_hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    Ok(Value::Int(crate::interp::format::address(this) as i64 >> 4))
}

fn object_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let spec = ctx.one_arg(args, 1, "object", "__format__")?;
    let this = ctx.arg(args, 0);
    if ctx.str_ref(spec).is_none() {
        let t = ctx.type_name(spec);
        return Err(ctx.type_error(alloc::format!("__format__() argument must be str, not {t}")));
    }
    if ctx.str_ref(spec).is_some_and(|s| !s.is_empty()) {
        let t = ctx.type_name(this);
        return Err(ctx.type_error(alloc::format!(
            "unsupported format string passed to {t}.__format__"
        )));
    }
    let s = crate::interp::format::str(ctx, this)?;
    ctx.new_string(s)
}

fn object_setattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (obj, name, value) = (ctx.arg(args, 0), ctx.arg(args, 1), ctx.arg(args, 2));
    match obj {
        Value::Obj(r) if matches!(ctx.vm.heap.get(r), Object::Instance(_)) => {
            let name = ctx.intern_value(name)?;
            crate::interp::attr::generic_set_attr(ctx, r, name, value)?;
            Ok(Value::None)
        }
        _ => {
            crate::interp::attr::set_attr(ctx, obj, name, value)?;
            Ok(Value::None)
        }
    }
}

fn object_delattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (obj, name) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let name = ctx.intern_value(name)?;
    crate::interp::attr::generic_del_attr(ctx, obj, name)?;
    Ok(Value::None)
}

fn object_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let Some(cls) = cls.as_obj() else {
        return Err(ctx.type_error("object.__new__(X): X is not a type object"));
    };
    crate::interp::class::new_instance(ctx, cls)
}

/// `NoneType()`, `NotImplementedType()`, `ellipsis()`: the singleton.
fn singleton_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let t = &ctx.vm.types;
    let (name, v) = match cls.as_obj() {
        Some(c) if c == t.not_implemented_type => ("NotImplementedType", Value::NotImplemented),
        Some(c) if c == t.ellipsis_type => ("ellipsis", Value::Ellipsis),
        _ => ("NoneType", Value::None),
    };
    if args.count > 1 {
        return Err(ctx.type_error(alloc::format!("{name} takes no arguments")));
    }
    Ok(v)
}

/// Methods of `NoneType`, `NotImplementedType` and `ellipsis`.
pub static SINGLETON_METHODS: &[Native] = &[Native::static_method("__new__", singleton_new)];

/// Methods of `object`.
pub static OBJECT_METHODS: &[Native] = &[
    Native::method("__init__", object_init),
    Native::static_method("__new__", object_new),
    Native::method("__repr__", object_repr),
    Native::method("__str__", object_str),
    Native::method("__eq__", object_eq),
    Native::method("__ne__", object_ne),
    Native::method("__hash__", object_hash),
    Native::method("__format__", object_format),
    Native::method("__setattr__", object_setattr),
    Native::method("__delattr__", object_delattr),
    Native::class_method("__init_subclass__", object_init_subclass),
];

fn object_init_subclass(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let extra = args.positional().saturating_sub(1);
    if extra == 0 && args.keywords() == 0 {
        return Ok(Value::None);
    }
    let name = match ctx.arg(args, 0).as_obj() {
        Some(r) => ctx.type_name_of_type(r),
        None => String::from("object"),
    };
    Err(ctx.type_error(if extra > 0 {
        alloc::format!("{name}.__init_subclass__() takes no arguments ({extra} given)")
    } else {
        alloc::format!("{name}.__init_subclass__() takes no keyword arguments")
    }))
}

fn type_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    match args.positional() {
        2 => {
            let v = ctx.arg(args, 1);
            Ok(Value::Obj(ctx.type_of(v)))
        }
        4 => {
            let (name, bases, ns) = (ctx.arg(args, 1), ctx.arg(args, 2), ctx.arg(args, 3));
            crate::interp::class::make_class(ctx, name, bases, ns)
        }
        _ => Err(ctx.type_error("type() takes 1 or 3 arguments")),
    }
}

fn type_mro(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let mro: alloc::vec::Vec<Value> = match this.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Type(t)) => t.mro.iter().map(|r| Value::Obj(*r)).collect(),
        _ => alloc::vec::Vec::new(),
    };
    ctx.new_list(mro)
}

fn type_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let Some(r) = this.as_obj() else {
        return ctx.new_str("<class '?'>");
    };
    let name = ctx.qualified_type_name_for_repr(r);
    ctx.new_string(alloc::format!("<class '{name}'>"))
}

/// Methods of `type`.
pub static TYPE_METHODS: &[Native] = &[
    Native::static_method("__new__", type_new),
    Native::method("mro", type_mro),
    Native::method("__repr__", type_repr),
];

fn super_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (start, receiver) = match args.positional() {
        1 => crate::interp::class::implicit_super_args(ctx)?,
        3 => (ctx.arg(args, 1), ctx.arg(args, 2)),
        2 => (ctx.arg(args, 1), Value::None),
        _ => return Err(ctx.type_error("super() takes at most 2 arguments")),
    };
    crate::interp::class::check_super_args(ctx, start, receiver)?;
    let r = ctx.alloc(Object::Super(alloc::boxed::Box::new([start, receiver])))?;
    Ok(Value::Obj(r))
}

/// Methods of `super`.
pub static SUPER_METHODS: &[Native] = &[Native::static_method("__new__", super_new)];

impl Ctx<'_> {
    /// A class name as `repr` shows it: `module.qualname`, without the
    /// module for built-in types.
    pub fn qualified_type_name_for_repr(&self, ty: ObjRef) -> String {
        let Object::Type(t) = self.vm.heap.get(ty) else {
            return String::from("?");
        };
        let qual = self.str_ref(t.qualname).unwrap_or("?");
        match self.str_ref(t.module) {
            Some(m) if m != "builtins" => alloc::format!("{m}.{qual}"),
            _ => String::from(qual),
        }
    }

    /// The interned form of a `str` value.
    pub fn intern_value(&mut self, v: Value) -> PyResult<Value> {
        let Some(r) = v.as_obj() else {
            return Err(self.type_error("attribute name must be string"));
        };
        if !matches!(self.vm.heap.get(r), Object::Str(_)) {
            let t = self.type_name(v);
            return Err(self.type_error(alloc::format!("attribute name must be string, not '{t}'")));
        }
        if let Some(i) = self.vm.interner.lookup(&self.vm.heap, r) {
            return Ok(Value::Obj(i));
        }
        let text = String::from(self.str_ref(v).unwrap_or(""));
        self.intern(&text)
    }
}
