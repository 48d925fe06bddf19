//! Attribute access: lookup through the method resolution order, binding
//! of methods, properties, class and static methods, `super`, and the
//! computed attributes of built-in objects.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::interp::Ctx;
use crate::native::NativeKind;
use crate::objects::instance::{Instance, Payload};
use crate::objects::{BoundMethod, Object, exception};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// What a class attribute found on the type becomes when read through an
/// instance.
enum Found {
    /// Bind to the instance (functions, native methods).
    Method(Value),
    /// Bind to the class (`classmethod`).
    ClassMethod(Value),
    /// Call the getter (`property`).
    Property(ObjRef),
    /// Call the native getter with the instance.
    Getter(Value),
    /// Use as is.
    Plain(Value),
}

fn classify(ctx: &Ctx<'_>, v: Value) -> Found {
    match v {
        Value::Native(n) => match n.kind {
            NativeKind::Method => Found::Method(v),
            NativeKind::ClassMethod => Found::ClassMethod(v),
            NativeKind::Function | NativeKind::StaticMethod => Found::Plain(v),
            NativeKind::Getter => Found::Getter(v),
        },
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Function(_) => Found::Method(v),
            Object::ClassMethod(f) => Found::ClassMethod(*f),
            Object::StaticMethod(f) => Found::Plain(*f),
            Object::Property(_) => Found::Property(r),
            _ => Found::Plain(v),
        },
        _ => Found::Plain(v),
    }
}

/// Whether a class attribute is a data descriptor, which takes precedence
/// over an instance's own attribute of the same name.
fn is_data_descriptor(ctx: &Ctx<'_>, v: Value) -> bool {
    match classify(ctx, v) {
        Found::Property(_) | Found::Getter(_) => true,
        Found::Plain(Value::Obj(r)) => match ctx.vm.heap.get(r) {
            Object::Instance(i) => {
                ctx.type_lookup_static(i.class, "__set__").is_some()
                    || ctx.type_lookup_static(i.class, "__delete__").is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

/// `obj.name`.
#[inline(never)]
pub fn get_attr(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> PyResult<Value> {
    match find_attr(ctx, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(ctx, obj, name)),
    }
}

/// `getattr(obj, name, default)`-style lookup: `None` when missing.
pub fn find_attr(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> PyResult<Option<Value>> {
    if let Value::Obj(r) = obj {
        match ctx.vm.heap.get(r) {
            Object::Type(_) => return type_attr(ctx, r, name),
            Object::Module(m) => {
                let dict = Value::Obj(m.dict);
                if let Some(v) = ctx.dict_get_str(dict, name) {
                    return Ok(Some(v));
                }
                if ctx.str_ref(name) == Some("__dict__") {
                    return Ok(Some(dict));
                }
                return Ok(None);
            }
            Object::Super(parts) => {
                let [start, receiver] = **parts;
                return super_attr(ctx, start, receiver, name);
            }
            Object::Instance(inst) => {
                // A data descriptor of the class (a property, an object
                // with `__set__`) comes before the instance's own dict.
                let shadowed = ctx
                    .type_lookup(inst.class, name)
                    .is_some_and(|f| is_data_descriptor(ctx, f));
                if !shadowed && let Some(v) = instance_get(ctx, inst, name) {
                    return Ok(Some(v));
                }
            }
            _ => {}
        }
    }
    let ty = ctx.type_of(obj);
    if let Some(found) = ctx.type_lookup(ty, name) {
        let result = match classify(ctx, found) {
            Found::Method(f) => bind(ctx, obj, f),
            Found::ClassMethod(f) => bind(ctx, Value::Obj(ty), f),
            Found::Property(p) => {
                let getter = property_part(ctx, p, 0);
                if getter.is_none() {
                    let n = String::from(ctx.str_ref(name).unwrap_or(""));
                    let t = ctx.type_name_of_type(ty);
                    Err(attribute_error_msg(
                        ctx,
                        alloc::format!("property '{n}' of '{t}' object has no getter"),
                    ))
                } else {
                    ctx.call(getter, &[obj])
                }
            }
            Found::Plain(v) => descriptor_get(ctx, v, obj, Value::Obj(ty)),
            Found::Getter(g) => ctx.call(g, &[obj]),
        };
        // A getter's `AttributeError` falls back on `__getattr__` too.
        return match result {
            Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.attribute_error) => {
                match user_getattr(ctx, ty) {
                    Some(getattr) => ctx.call(getattr, &[obj, name]).map(Some),
                    None => Err(Flow::Raise(e)),
                }
            }
            other => other.map(Some),
        };
    }
    if let Some(v) = special_attr(ctx, obj, name)? {
        return Ok(Some(v));
    }
    if let Some(getattr) = user_getattr(ctx, ty) {
        return ctx.call(getattr, &[obj, name]).map(Some);
    }
    Ok(None)
}

/// The Python-defined `__getattr__` of the class `ty`.
fn user_getattr(ctx: &Ctx<'_>, ty: ObjRef) -> Option<Value> {
    match ctx.type_lookup_str(ty, "__getattr__") {
        Some(f @ Value::Obj(_)) => Some(f),
        _ => None,
    }
}

/// Look up `name` on a class: through its MRO, then computed attributes.
fn type_attr(ctx: &mut Ctx<'_>, ty: ObjRef, name: Value) -> PyResult<Option<Value>> {
    if let Some(found) = ctx.type_lookup(ty, name) {
        return Ok(Some(match classify(ctx, found) {
            Found::ClassMethod(f) => bind(ctx, Value::Obj(ty), f)?,
            Found::Method(f) => f,
            Found::Plain(f) => descriptor_get(ctx, f, Value::None, Value::Obj(ty))?,
            Found::Property(p) => Value::Obj(p),
            Found::Getter(g) => g,
        }));
    }
    let text = String::from(ctx.str_ref(name).unwrap_or(""));
    let Object::Type(t) = ctx.vm.heap.get(ty) else {
        return Ok(None);
    };
    let v = match text.as_str() {
        "__name__" => t.name,
        "__qualname__" => t.qualname,
        "__module__" => {
            if t.module.is_none() {
                return Ok(Some(ctx.intern("builtins")?));
            }
            t.module
        }
        "__mro__" => {
            let mro: Vec<Value> = t.mro.iter().map(|r| Value::Obj(*r)).collect();
            ctx.new_tuple(mro)?
        }
        "__bases__" => {
            let bases: Vec<Value> = t.bases.iter().map(|r| Value::Obj(*r)).collect();
            ctx.new_tuple(bases)?
        }
        "__base__" => t.bases.first().map_or(Value::None, |b| Value::Obj(*b)),
        "__dict__" => {
            let copy = t.dict.duplicate();
            Value::Obj(ctx.alloc(Object::Dict(Box::new(copy)))?)
        }
        "__doc__" => Value::None,
        "__class__" => Value::Obj(ctx.vm.types.type_),
        _ => {
            // Methods of the metatype, `type`, bound to the class.
            let meta = ctx.vm.types.type_;
            return match ctx.type_lookup(meta, name).map(|f| classify(ctx, f)) {
                Some(Found::Method(f)) => Ok(Some(bind(ctx, Value::Obj(ty), f)?)),
                _ => Ok(None),
            };
        }
    };
    Ok(Some(v))
}

/// A class attribute read through `obj` (`None` when read on the class
/// `owner` itself): an instance of a class with `__get__` is a descriptor
/// and answers for itself.
fn descriptor_get(ctx: &mut Ctx<'_>, v: Value, obj: Value, owner: Value) -> PyResult<Value> {
    match user_special(ctx, v, "__get__") {
        Some(get) => ctx.call(get, &[v, obj, owner]),
        None => Ok(v),
    }
}

/// The Python-defined method `name` of the class of `v`, when `v` is an
/// instance of a user class.
fn user_special(ctx: &Ctx<'_>, v: Value, name: &str) -> Option<Value> {
    let Value::Obj(r) = v else {
        return None;
    };
    let Object::Instance(i) = ctx.vm.heap.get(r) else {
        return None;
    };
    match ctx.type_lookup_str(i.class, name) {
        Some(f @ Value::Obj(_)) => Some(f),
        _ => None,
    }
}

/// Attributes of `super(start, receiver)`: the MRO of the receiver's type
/// after `start`.
fn super_attr(
    ctx: &mut Ctx<'_>,
    start: Value,
    receiver: Value,
    name: Value,
) -> PyResult<Option<Value>> {
    let receiver_is_type =
        matches!(receiver, Value::Obj(r) if matches!(ctx.vm.heap.get(r), Object::Type(_)));
    let ty = if receiver_is_type {
        receiver.as_obj().unwrap_or(ctx.vm.types.object)
    } else {
        ctx.type_of(receiver)
    };
    let mro: Vec<ObjRef> = match ctx.vm.heap.get(ty) {
        Object::Type(t) => t.mro.clone(),
        _ => Vec::new(),
    };
    let after = mro
        .iter()
        .position(|t| Value::Obj(*t).is(start))
        .map_or(mro.len(), |i| i + 1);
    for t in &mro[after..] {
        if let Some(found) = ctx.own_lookup(*t, name) {
            return Ok(Some(match classify(ctx, found) {
                Found::Method(f) if !receiver_is_type => bind(ctx, receiver, f)?,
                Found::Method(f) => f,
                Found::Plain(f) => {
                    let obj = if receiver_is_type {
                        Value::None
                    } else {
                        receiver
                    };
                    descriptor_get(ctx, f, obj, Value::Obj(ty))?
                }
                Found::ClassMethod(f) => bind(ctx, Value::Obj(ty), f)?,
                Found::Property(p) if receiver_is_type => Value::Obj(p),
                Found::Property(p) => {
                    let getter = property_part(ctx, p, 0);
                    ctx.call(getter, &[receiver])?
                }
                Found::Getter(g) if receiver_is_type => g,
                Found::Getter(g) => ctx.call(g, &[receiver])?,
            }));
        }
    }
    Ok(None)
}

/// Computed attributes of built-in objects.
fn special_attr(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let text = String::from(ctx.str_ref(name).unwrap_or(""));
    if text == "__class__" {
        return Ok(Some(Value::Obj(ctx.type_of(obj))));
    }
    let Value::Obj(r) = obj else {
        return crate::objects::int::number_attr(ctx, obj, &text);
    };
    let v = match (ctx.vm.heap.get(r), text.as_str()) {
        (Object::Function(f), "__name__") => f.name,
        (Object::Function(f), "__qualname__") => f.qualname,
        (Object::Function(f), "__doc__") => f.doc,
        (Object::Function(f), "__defaults__") => f.defaults,
        (Object::Function(f), "__kwdefaults__") => f.kwdefaults,
        (Object::Function(f), "__closure__") => f.closure,
        (Object::Cell(v), "cell_contents") => {
            if !v.is_bound() {
                return Err(ctx.value_error("Cell is empty"));
            }
            *v
        }
        (Object::Function(f), "__globals__") => Value::Obj(f.globals),
        (Object::Function(f), "__module__") => {
            let globals = Value::Obj(f.globals);
            let key = ctx.intern("__name__")?;
            ctx.dict_get_str(globals, key).unwrap_or(Value::None)
        }
        (Object::Function(f), "__dict__") => {
            if f.attrs.is_none() {
                let d = ctx.new_dict()?;
                if let Object::Function(f) = ctx.vm.heap.get_mut(r) {
                    f.attrs = d;
                }
                d
            } else {
                f.attrs
            }
        }
        (Object::Function(f), _) => {
            let attrs = f.attrs;
            match ctx.dict_get_str(attrs, name) {
                Some(v) => v,
                None => return Ok(None),
            }
        }
        (Object::BoundMethod(m), "__self__") => m.receiver,
        (Object::BoundMethod(m), "__func__") => m.function,
        (Object::BoundMethod(m), _) => {
            let f = m.function;
            return find_attr(ctx, f, name);
        }
        (Object::Instance(i), "__dict__") => match i.shared {
            Some(d) => Value::Obj(d),
            None => {
                // Move the attributes to a heap dict the instance shares.
                let d = ctx.alloc(Object::Dict(Box::default()))?;
                if let Object::Instance(i) = ctx.vm.heap.get_mut(r) {
                    let attrs = core::mem::take(&mut i.dict);
                    i.shared = Some(d);
                    if let Object::Dict(dd) = ctx.vm.heap.get_mut(d) {
                        **dd = attrs;
                    }
                }
                Value::Obj(d)
            }
        },
        (Object::Instance(i), _) if matches!(i.payload, Payload::Exception(_)) => {
            return exception::attr(ctx, obj, &text);
        }
        (Object::Property(parts), "fget") => parts[0],
        (Object::Property(parts), "__doc__") => {
            let getter = parts[0];
            match getter {
                Value::Obj(_) => find_attr(ctx, getter, name)?.unwrap_or(Value::None),
                _ => Value::None,
            }
        }
        (Object::Property(parts), "fset") => parts[1],
        (Object::Property(parts), "fdel") => parts[2],
        (Object::ClassMethod(f) | Object::StaticMethod(f), "__func__") => *f,
        (Object::BigInt(_), _) => return crate::objects::int::number_attr(ctx, obj, &text),
        (Object::Slice(parts), "start") => parts[0],
        (Object::Slice(parts), "stop") => parts[1],
        (Object::Slice(parts), "step") => parts[2],
        (Object::Range(rg), "start") => Value::Int(rg.start),
        (Object::Range(rg), "stop") => Value::Int(rg.stop),
        (Object::Range(rg), "step") => Value::Int(rg.step),
        (Object::Generator(g), "__name__") => g.name,
        (Object::Generator(g), "__qualname__") => g.qualname,
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// A bound method for `receiver` and `function`.
fn bind(ctx: &mut Ctx<'_>, receiver: Value, function: Value) -> PyResult<Value> {
    Ok(Value::Obj(ctx.alloc(Object::BoundMethod(BoundMethod {
        receiver,
        function,
    }))?))
}

fn property_part(ctx: &Ctx<'_>, p: ObjRef, i: usize) -> Value {
    match ctx.vm.heap.get(p) {
        Object::Property(parts) => parts[i],
        _ => Value::None,
    }
}

/// `obj.name` for a call: returns `(method, obj)` when `name` is a plain
/// method (no bound-method object is made), else `(attribute, Unbound)`.
#[inline(never)]
pub fn get_method(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let plain_receiver = match obj {
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Type(_) | Object::Module(_) | Object::Super(_) => false,
            Object::Instance(inst) => instance_get(ctx, inst, name).is_none(),
            _ => true,
        },
        _ => true,
    };
    if plain_receiver {
        let ty = ctx.type_of(obj);
        if let Some(found) = ctx.type_lookup(ty, name)
            && let Found::Method(f) = classify(ctx, found)
        {
            return Ok((f, obj));
        }
    }
    Ok((get_attr(ctx, obj, name)?, Value::Unbound))
}

/// The class attribute `name` of `type(obj)`, unbound, without looking at
/// the instance (how the interpreter finds dunder methods).
pub fn lookup_special(ctx: &mut Ctx<'_>, obj: Value, name: &str) -> Option<Value> {
    let ty = ctx.type_of(obj);
    ctx.type_lookup_str(ty, name)
}

/// A bound special method, or the CPython error for a missing protocol
/// (`what` names the protocol's entry method in the message).
pub fn get_special(ctx: &mut Ctx<'_>, obj: Value, name: &str, what: &str) -> PyResult<Value> {
    match lookup_special(ctx, obj, name) {
        Some(f) => match classify(ctx, f) {
            Found::Method(f) => bind(ctx, obj, f),
            Found::ClassMethod(f) => {
                let ty = Value::Obj(ctx.type_of(obj));
                bind(ctx, ty, f)
            }
            Found::Plain(f) => Ok(f),
            Found::Property(p) => {
                let getter = property_part(ctx, p, 0);
                ctx.call(getter, &[obj])
            }
            Found::Getter(g) => ctx.call(g, &[obj]),
        },
        None => {
            let t = ctx.type_name(obj);
            let msg = match what {
                "__enter__" => {
                    alloc::format!("'{t}' object does not support the context manager protocol")
                }
                "__exit__" => alloc::format!(
                    "'{t}' object does not support the context manager protocol (missed __exit__ method)"
                ),
                _ => alloc::format!("'{t}' object has no attribute '{name}'"),
            };
            Err(ctx.type_error(msg))
        }
    }
}

/// `obj.name = value`.
pub fn set_attr(ctx: &mut Ctx<'_>, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let Value::Obj(r) = obj else {
        return Err(no_attribute_to_set(ctx, obj, name));
    };
    match ctx.vm.heap.get(r) {
        Object::Instance(inst) => {
            let class = inst.class;
            if let Some(setattr) = ctx.type_lookup_static(class, "__setattr__")
                && matches!(setattr, Value::Obj(_))
            {
                ctx.call(setattr, &[obj, name, value])?;
                return Ok(());
            }
            generic_set_attr(ctx, r, name, value)
        }
        Object::Type(t) => {
            if t.builtin {
                let n = String::from(ctx.str_ref(name).unwrap_or(""));
                let tn = ctx.type_name_of_type(r);
                return Err(ctx.type_error(alloc::format!(
                    "cannot set '{n}' attribute of immutable type '{tn}'"
                )));
            }
            let hash = ctx.str_hash(name);
            let pos = match ctx.vm.heap.get(r) {
                Object::Type(t) => t.dict.find(hash, |k| ctx.same_str(k, name)),
                _ => None,
            };
            let grown = match ctx.vm.heap.get_mut(r) {
                Object::Type(t) => match pos {
                    Some(p) => {
                        t.dict.set_value(p, value);
                        0
                    }
                    None => t.dict.push(hash, name, value),
                },
                _ => 0,
            };
            ctx.vm.lookup_cache.invalidate();
            ctx.reserve(grown)
        }
        Object::Module(m) => {
            let d = Value::Obj(m.dict);
            ctx.dict_set(d, name, value)
        }
        Object::Function(f) => {
            let text = String::from(ctx.str_ref(name).unwrap_or(""));
            let attrs = f.attrs;
            match text.as_str() {
                "__name__" | "__qualname__" | "__doc__" | "__defaults__" | "__kwdefaults__" => {
                    if let Object::Function(f) = ctx.vm.heap.get_mut(r) {
                        match text.as_str() {
                            "__name__" => f.name = value,
                            "__qualname__" => f.qualname = value,
                            "__doc__" => f.doc = value,
                            "__defaults__" => f.defaults = value,
                            _ => f.kwdefaults = value,
                        }
                    }
                    Ok(())
                }
                _ => {
                    let attrs = if attrs.is_none() {
                        let d = ctx.new_dict()?;
                        if let Object::Function(f) = ctx.vm.heap.get_mut(r) {
                            f.attrs = d;
                        }
                        d
                    } else {
                        attrs
                    };
                    ctx.dict_set(attrs, name, value)
                }
            }
        }
        _ => Err(no_attribute_to_set(ctx, obj, name)),
    }
}

/// `object.__setattr__(inst, name, value)`: a property's setter, an
/// exception's own attributes, else the instance's dict.
pub fn generic_set_attr(
    ctx: &mut Ctx<'_>,
    inst: ObjRef,
    name: Value,
    value: Value,
) -> PyResult<()> {
    let class = match ctx.vm.heap.get(inst) {
        Object::Instance(i) if i.class != ctx.vm.types.object => i.class,
        _ => return Err(no_attribute_to_set(ctx, Value::Obj(inst), name)),
    };
    let found = ctx.type_lookup(class, name);
    if let Some(found) = found
        && let Some(set) = user_special(ctx, found, "__set__")
    {
        ctx.call(set, &[found, Value::Obj(inst), value])?;
        return Ok(());
    }
    if let Some(found) = found
        && let Found::Property(p) = classify(ctx, found)
    {
        let setter = property_part(ctx, p, 1);
        if setter.is_none() {
            let n = String::from(ctx.str_ref(name).unwrap_or(""));
            let t = ctx.type_name_of_type(class);
            return Err(attribute_error_msg(
                ctx,
                alloc::format!("property '{n}' of '{t}' object has no setter"),
            ));
        }
        ctx.call(setter, &[Value::Obj(inst), value])?;
        return Ok(());
    }
    if set_exception_attr(ctx, inst, name, value)? {
        return Ok(());
    }
    instance_dict_set(ctx, inst, name, value)
}

/// Assign one of the attributes an exception keeps outside its dict;
/// `false` when `name` is not one of them.
fn set_exception_attr(
    ctx: &mut Ctx<'_>,
    inst: ObjRef,
    name: Value,
    value: Value,
) -> PyResult<bool> {
    let is_exception = matches!(
        ctx.vm.heap.get(inst),
        Object::Instance(i) if matches!(i.payload, Payload::Exception(_))
    );
    if !is_exception {
        return Ok(false);
    }
    let text = String::from(ctx.str_ref(name).unwrap_or(""));
    let value = match text.as_str() {
        "args" => {
            let items = ctx.collect(value)?;
            ctx.new_tuple(items)?
        }
        "__cause__" | "__context__" => {
            if !value.is_none() && !exception::is_exception_instance(ctx, value) {
                return Err(ctx.type_error(alloc::format!(
                    "exception {} must be None or derive from BaseException",
                    if text == "__cause__" {
                        "cause"
                    } else {
                        "context"
                    }
                )));
            }
            value
        }
        "__suppress_context__" => Value::Bool(ctx.truthy(value)?),
        "__traceback__" => return Ok(true),
        _ => return Ok(false),
    };
    if let Object::Instance(i) = ctx.vm.heap.get_mut(inst)
        && let Payload::Exception(d) = &mut i.payload
    {
        match text.as_str() {
            "args" => d.args = value,
            "__cause__" => {
                d.cause = value;
                d.suppress_context = true;
            }
            "__context__" => d.context = value,
            _ => d.suppress_context = matches!(value, Value::Bool(true)),
        }
    }
    Ok(true)
}

/// `name` in an instance's own attributes.
pub fn instance_get(ctx: &Ctx<'_>, inst: &Instance, name: Value) -> Option<Value> {
    match inst.shared {
        Some(d) => ctx.dict_get_str(Value::Obj(d), name),
        None => inst
            .dict
            .find(ctx.str_hash(name), |k| ctx.same_str(k, name))
            .and_then(|p| inst.dict.entry(p).map(|e| e.value)),
    }
}

/// The names of an instance's own attributes.
pub fn instance_keys(ctx: &Ctx<'_>, inst: Value) -> Vec<Value> {
    match inst.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Instance(i)) => match i.shared.map(|d| ctx.vm.heap.get(d)) {
            Some(Object::Dict(d)) => d.iter().map(|e| e.key).collect(),
            _ => i.dict.iter().map(|e| e.key).collect(),
        },
        _ => Vec::new(),
    }
}

/// Store into an instance's own attribute dict.
pub fn instance_dict_set(
    ctx: &mut Ctx<'_>,
    inst: ObjRef,
    name: Value,
    value: Value,
) -> PyResult<()> {
    let hash = ctx.str_hash(name);
    let pos = match ctx.vm.heap.get(inst) {
        Object::Instance(i) => match i.shared {
            Some(d) => return ctx.dict_set(Value::Obj(d), name, value),
            None => i.dict.find(hash, |k| ctx.same_str(k, name)),
        },
        _ => None,
    };
    let grown = match ctx.vm.heap.get_mut(inst) {
        Object::Instance(i) => match pos {
            Some(p) => {
                i.dict.set_value(p, value);
                0
            }
            None => i.dict.push(hash, name, value),
        },
        _ => 0,
    };
    ctx.reserve(grown)
}

/// `del obj.name`.
pub fn del_attr(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> PyResult<()> {
    let Value::Obj(r) = obj else {
        return Err(attribute_error(ctx, obj, name));
    };
    if let Object::Instance(i) = ctx.vm.heap.get(r)
        && let Some(delattr) = ctx.type_lookup_str(i.class, "__delattr__")
        && matches!(delattr, Value::Obj(_))
    {
        ctx.call(delattr, &[obj, name])?;
        return Ok(());
    }
    generic_del_attr(ctx, obj, name)
}

/// `object.__delattr__(obj, name)`: a property's deleter, else the
/// instance's (or class's, or module's) dict.
pub fn generic_del_attr(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> PyResult<()> {
    let Value::Obj(r) = obj else {
        return Err(attribute_error(ctx, obj, name));
    };
    let hash = ctx.str_hash(name);
    let removed = match ctx.vm.heap.get(r) {
        Object::Instance(i) => {
            let class = i.class;
            let found = ctx.type_lookup(class, name);
            if let Some(found) = found
                && let Some(delete) = user_special(ctx, found, "__delete__")
            {
                ctx.call(delete, &[found, obj])?;
                return Ok(());
            }
            if let Some(found) = found
                && let Found::Property(p) = classify(ctx, found)
            {
                let deleter = property_part(ctx, p, 2);
                if deleter.is_none() {
                    let n = String::from(ctx.str_ref(name).unwrap_or(""));
                    let t = ctx.type_name_of_type(class);
                    return Err(attribute_error_msg(
                        ctx,
                        alloc::format!("property '{n}' of '{t}' object has no deleter"),
                    ));
                }
                ctx.call(deleter, &[obj])?;
                return Ok(());
            }
            let (pos, shared) = match ctx.vm.heap.get(r) {
                Object::Instance(i) => (i.dict.find(hash, |k| ctx.same_str(k, name)), i.shared),
                _ => (None, None),
            };
            match (shared, pos, ctx.vm.heap.get_mut(r)) {
                (Some(d), ..) => ctx.dict_del(Value::Obj(d), name)?,
                (None, Some(p), Object::Instance(i)) => {
                    i.dict.remove_at(p);
                    true
                }
                _ => false,
            }
        }
        Object::Type(t) if !t.builtin => {
            let pos = t.dict.find(hash, |k| ctx.same_str(k, name));
            match (pos, ctx.vm.heap.get_mut(r)) {
                (Some(p), Object::Type(t)) => {
                    t.dict.remove_at(p);
                    ctx.vm.lookup_cache.invalidate();
                    true
                }
                _ => false,
            }
        }
        Object::Module(m) => {
            let d = Value::Obj(m.dict);
            ctx.dict_del(d, name)?
        }
        _ => false,
    };
    if removed {
        Ok(())
    } else {
        Err(attribute_error(ctx, obj, name))
    }
}

/// The CPython `AttributeError` for reading a missing attribute.
pub fn attribute_error(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> Flow {
    let n = String::from(ctx.str_ref(name).unwrap_or(""));
    let msg = match obj {
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Module(m) => {
                let mname = String::from(ctx.str_ref(m.name).unwrap_or("?"));
                alloc::format!("module '{mname}' has no attribute '{n}'")
            }
            Object::Type(_) => {
                let t = ctx.type_name_of_type(r);
                alloc::format!("type object '{t}' has no attribute '{n}'")
            }
            _ => {
                let t = ctx.type_name(obj);
                alloc::format!("'{t}' object has no attribute '{n}'")
            }
        },
        _ => {
            let t = ctx.type_name(obj);
            alloc::format!("'{t}' object has no attribute '{n}'")
        }
    };
    let flow = attribute_error_msg(ctx, msg);
    // `AttributeError.name` and `.obj`, for the "Did you mean" hint.
    if let Flow::Raise(Value::Obj(exc)) = flow {
        let set = ctx.intern("name").and_then(|k| {
            instance_dict_set(ctx, exc, k, name)?;
            let k = ctx.intern("obj")?;
            instance_dict_set(ctx, exc, k, obj)
        });
        if let Err(e) = set {
            return e;
        }
    }
    flow
}

/// The `AttributeError` for assigning to an object without a `__dict__`:
/// its type's methods are read-only, its computed attributes not
/// writable.
fn no_attribute_to_set(ctx: &mut Ctx<'_>, obj: Value, name: Value) -> Flow {
    let n = String::from(ctx.str_ref(name).unwrap_or(""));
    let t = ctx.type_name(obj);
    let ty = ctx.type_of(obj);
    let computed = !matches!(obj, Value::Native(_))
        && matches!(crate::objects::int::number_attr(ctx, obj, &n), Ok(Some(_)));
    let msg = if computed {
        alloc::format!("attribute '{n}' of '{t}' objects is not writable")
    } else if ty != ctx.vm.types.object && ctx.type_lookup(ty, name).is_some() {
        alloc::format!("'{t}' object attribute '{n}' is read-only")
    } else {
        alloc::format!("'{t}' object has no attribute '{n}'")
    };
    attribute_error_msg(ctx, msg)
}

fn attribute_error_msg(ctx: &mut Ctx<'_>, msg: String) -> Flow {
    let t = ctx.vm.types.attribute_error;
    ctx.error(t, msg)
}
