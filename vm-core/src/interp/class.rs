//! Classes: running a class body, building the class (C3 method resolution
//! order, instance layout), and calling a class to make an instance.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::interp::{Ctx, call};
use crate::native::Args;
use crate::objects::instance::{Instance, Payload};
use crate::objects::typeobj::{Layout, TypeObj};
use crate::objects::{Dict, Object, exception};
use crate::thread::{Frame, FrameKind};
use crate::value::{ObjRef, Value};

/// `BuildClass`: `[body_function, name, bases]` on the stack. Pushes the
/// body's frame with a fresh namespace; [`finish_class`] runs when it
/// returns.
pub fn start_class_body(ctx: &mut Ctx<'_>) -> PyResult<()> {
    let bases = ctx.th.stack.pop().unwrap_or(Value::None);
    let name = ctx.th.stack.pop().unwrap_or(Value::None);
    let func = ctx.th.stack.pop().unwrap_or(Value::None);
    let ns = ctx.new_dict()?;
    let (globals, qualname) = match func.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Function(f)) => (f.globals, f.qualname),
        _ => return Err(ctx.type_error("class body is not a function")),
    };
    let module_key = ctx.intern("__name__")?;
    let module = ctx
        .dict_get_str(Value::Obj(globals), module_key)
        .unwrap_or(Value::None);
    let k = ctx.intern("__module__")?;
    ctx.dict_set(ns, k, module)?;
    let k = ctx.intern("__qualname__")?;
    ctx.dict_set(ns, k, qualname)?;
    let ret_sp = ctx.th.stack.len();
    ctx.th.stack.push(func);
    if !call::call(ctx, func, ret_sp + 1, 0, None, ret_sp)? {
        return Err(ctx.type_error("class body did not run"));
    }
    if let Some(frame) = ctx.th.frames.last_mut() {
        frame.namespace = ns;
        frame.kind = FrameKind::ClassBody { name, bases };
    }
    Ok(())
}

/// The class body returned: build the class and fill its `__class__` cell.
pub fn finish_class(
    ctx: &mut Ctx<'_>,
    frame: &Frame,
    name: Value,
    bases: Value,
    class_cell: Value,
) -> PyResult<Value> {
    let class = make_class(ctx, name, bases, frame.namespace)?;
    if class_cell.is_bound() {
        ctx.cell_set(class_cell, class);
    }
    Ok(class)
}

/// The `__class__` cell of a class body frame, read before its slots go.
pub fn class_cell(ctx: &Ctx<'_>, frame: &Frame) -> Value {
    let slot = frame
        .code
        .cells
        .iter()
        .map(|(slot, _)| *slot)
        .find(|s| ctx.str_ref(frame.code.local_names[*s as usize]) == Some("__class__"));
    match slot {
        Some(s) => ctx.th.stack[frame.base as usize + s as usize],
        None => Value::Unbound,
    }
}

/// `type(name, bases, namespace)`.
pub fn make_class(ctx: &mut Ctx<'_>, name: Value, bases: Value, ns: Value) -> PyResult<Value> {
    if ctx.str_ref(name).is_none() {
        return Err(ctx.type_error("type.__new__() argument 1 must be str"));
    }
    let mut base_refs = Vec::new();
    for b in ctx.collect(bases)? {
        match b.as_obj() {
            Some(r) if matches!(ctx.vm.heap.get(r), Object::Type(_)) => base_refs.push(r),
            _ => {
                let t = ctx.type_name(b);
                return Err(ctx.type_error(alloc::format!("bases must be types, not '{t}'")));
            }
        }
    }
    if base_refs.is_empty() {
        base_refs.push(ctx.vm.types.object);
    }
    for (i, b) in base_refs.iter().enumerate() {
        if base_refs[..i].contains(b) {
            let n = ctx.type_name_of_type(*b);
            return Err(ctx.type_error(alloc::format!("duplicate base class {n}")));
        }
    }
    let (layout, solid_base) = layout_for(ctx, &base_refs)?;
    let mro_tail = c3_merge(ctx, &base_refs)?;
    let entries: Vec<(i64, Value, Value)> = match ns.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Dict(d)) => d.iter().map(|e| (e.hash, e.key, e.value)).collect(),
        _ => return Err(ctx.type_error("type.__new__() argument 3 must be dict")),
    };
    let mut dict = Dict::new();
    let mut module = Value::None;
    let mut qualname = name;
    let defines = |ctx: &Ctx<'_>, name: &str| {
        entries
            .iter()
            .any(|(_, k, _)| ctx.str_ref(*k) == Some(name))
    };
    // A class that defines `__eq__` but not `__hash__` is unhashable.
    let unhashable = defines(ctx, "__eq__") && !defines(ctx, "__hash__");
    for (hash, key, mut value) in entries.iter().copied() {
        let key = ctx.intern_value(key)?;
        match ctx.str_ref(key) {
            Some("__qualname__") => {
                qualname = value;
                continue;
            }
            Some("__module__") => module = value,
            Some("__new__") if is_function(ctx, value) => {
                value = Value::Obj(ctx.alloc(Object::StaticMethod(value))?);
            }
            Some("__init_subclass__") | Some("__class_getitem__") if is_function(ctx, value) => {
                value = Value::Obj(ctx.alloc(Object::ClassMethod(value))?);
            }
            _ => {}
        }
        dict.push(hash, key, value);
    }
    if unhashable {
        let key = ctx.intern("__hash__")?;
        dict.push(ctx.str_hash(key), key, Value::None);
    }
    let t = TypeObj {
        name,
        qualname,
        module,
        bases: base_refs,
        mro: Vec::new(),
        dict,
        natives: &[],
        layout,
        solid_base,
        builtin: false,
    };
    let r = ctx.alloc(Object::Type(Box::new(t)))?;
    if let Object::Type(t) = ctx.vm.heap.get_mut(r) {
        t.mro.push(r);
        t.mro.extend(mro_tail);
    }
    set_names(ctx, r, &entries)?;
    init_subclass(ctx, r)?;
    Ok(Value::Obj(r))
}

/// Call `__set_name__(cls, name)` on the class attributes that define it.
fn set_names(ctx: &mut Ctx<'_>, cls: ObjRef, entries: &[(i64, Value, Value)]) -> PyResult<()> {
    for &(_, key, value) in entries {
        let Some(Object::Instance(i)) = value.as_obj().map(|r| ctx.vm.heap.get(r)) else {
            continue;
        };
        if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(i.class, "__set_name__") {
            ctx.call(f, &[value, Value::Obj(cls), key])?;
        }
    }
    Ok(())
}

/// Call the first `__init_subclass__` after the new class `cls` in its
/// MRO, bound to `cls`.
fn init_subclass(ctx: &mut Ctx<'_>, cls: ObjRef) -> PyResult<()> {
    let key = ctx.intern("__init_subclass__")?;
    let mro: Vec<ObjRef> = match ctx.vm.heap.get(cls) {
        Object::Type(t) => t.mro[1..].to_vec(),
        _ => Vec::new(),
    };
    let Some(found) = mro.iter().find_map(|t| ctx.own_lookup(*t, key)) else {
        return Ok(());
    };
    let func = match found {
        Value::Obj(f) => match ctx.vm.heap.get(f) {
            Object::ClassMethod(func) => *func,
            _ => found,
        },
        // `object.__init_subclass__` does nothing.
        _ => return Ok(()),
    };
    ctx.call(func, &[Value::Obj(cls)])?;
    Ok(())
}

fn is_function(ctx: &Ctx<'_>, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Function(_))
    )
}

/// The instance layout a class with `bases` gets.
fn layout_for(ctx: &mut Ctx<'_>, bases: &[ObjRef]) -> PyResult<(Layout, Option<ObjRef>)> {
    let mut layout = Layout::Plain;
    let mut solid = None;
    for b in bases {
        let Object::Type(t) = ctx.vm.heap.get(*b) else {
            continue;
        };
        match t.layout {
            Layout::Plain => {}
            Layout::Exception => {
                if layout == Layout::Builtin {
                    return Err(layout_conflict(ctx));
                }
                layout = Layout::Exception;
            }
            Layout::Builtin => {
                if *b == ctx.vm.types.type_ {
                    return Err(ctx.type_error("metaclasses are not supported"));
                }
                let base_solid = t.solid_base;
                if layout == Layout::Exception || (solid.is_some() && solid != base_solid) {
                    return Err(layout_conflict(ctx));
                }
                layout = Layout::Builtin;
                solid = base_solid;
            }
        }
    }
    Ok((layout, solid))
}

fn layout_conflict(ctx: &mut Ctx<'_>) -> crate::Flow {
    ctx.type_error("multiple bases have instance lay-out conflict")
}

/// C3 linearization of the bases' MROs (without the new class itself).
fn c3_merge(ctx: &mut Ctx<'_>, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| match ctx.vm.heap.get(*b) {
            Object::Type(t) => t.mro.clone(),
            _ => Vec::new(),
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
        let Some(c) = candidate else {
            let mut heads: Vec<ObjRef> = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            let names: Vec<String> = heads.iter().map(|b| ctx.type_name_of_type(*b)).collect();
            return Err(ctx.type_error(alloc::format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(c);
        for s in &mut seqs {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// A new, uninitialised instance of the class `cls`.
pub fn new_instance(ctx: &mut Ctx<'_>, cls: ObjRef) -> PyResult<Value> {
    let layout = match ctx.vm.heap.get(cls) {
        Object::Type(t) => t.layout,
        _ => return Err(ctx.type_error("object.__new__(X): X is not a type object")),
    };
    let payload = match layout {
        Layout::Exception => Payload::Exception(Box::new(exception::ExcData::new(Value::Obj(
            ctx.vm.types.empty_tuple,
        )))),
        _ => Payload::None,
    };
    let inst = Instance {
        class: cls,
        dict: Dict::new(),
        shared: None,
        payload,
    };
    Ok(Value::Obj(ctx.alloc(Object::Instance(Box::new(inst)))?))
}

/// Wrap a built-in value in an instance of `cls`, a user subclass of its
/// type (what a built-in `__new__` returns for a subclass).
pub fn wrap_builtin(ctx: &mut Ctx<'_>, cls: Value, value: Value) -> PyResult<Value> {
    let builtin_type = ctx.type_of(value);
    match cls.as_obj() {
        Some(c) if c != builtin_type => {
            let inst = Instance {
                class: c,
                dict: Dict::new(),
                shared: None,
                payload: Payload::Value(value),
            };
            Ok(Value::Obj(ctx.alloc(Object::Instance(Box::new(inst)))?))
        }
        _ => Ok(value),
    }
}

/// Call the class `ty`: make an instance and run `__init__` (or, for a
/// built-in type, its constructor).
pub fn call_type(
    ctx: &mut Ctx<'_>,
    ty: ObjRef,
    start: usize,
    argc: usize,
    kwnames: Option<ObjRef>,
    ret_sp: usize,
) -> PyResult<bool> {
    if ty == ctx.vm.types.type_ && argc == 1 && kwnames.is_none() {
        let v = ctx.th.stack[start];
        let t = ctx.type_of(v);
        ctx.th.stack.truncate(ret_sp);
        ctx.th.stack.push(Value::Obj(t));
        return Ok(false);
    }
    let builtin = matches!(ctx.vm.heap.get(ty), Object::Type(t) if t.builtin);
    if builtin {
        return call_builtin_type(ctx, ty, start, argc, kwnames, ret_sp);
    }
    let new = ctx.type_lookup_str(ty, "__new__");
    let python_new = match new {
        Some(Value::Obj(r)) => match ctx.vm.heap.get(r) {
            Object::StaticMethod(f) => Some(*f),
            Object::Function(_) => Some(Value::Obj(r)),
            _ => None,
        },
        _ => None,
    };
    let nkw = kwnames.map_or(0, |k| match ctx.vm.heap.get(k) {
        Object::Tuple(t) => t.len(),
        _ => 0,
    });
    let args: Vec<Value> = ctx.th.stack[start..start + argc].to_vec();
    let kw = kwnames.map(|k| (k, &args[argc - nkw..]));
    let positional = &args[..argc - nkw];
    let instance = if let Some(new) = python_new {
        let mut all = alloc::vec![Value::Obj(ty)];
        all.extend_from_slice(positional);
        let inst = ctx.call_with_kwargs(new, &all, kw)?;
        if !ctx.is_instance(inst, ty) {
            ctx.th.stack.truncate(ret_sp);
            ctx.th.stack.push(inst);
            return Ok(false);
        }
        inst
    } else {
        match new {
            Some(Value::Native(n)) if n.func as usize != object_new_addr() => {
                let mut all = alloc::vec![Value::Obj(ty)];
                all.extend_from_slice(positional);
                ctx.call_with_kwargs(Value::Native(n), &all, kw)?
            }
            _ => {
                let layout = match ctx.vm.heap.get(ty) {
                    Object::Type(t) => t.layout,
                    _ => Layout::Plain,
                };
                let inst = new_instance(ctx, ty)?;
                if layout == Layout::Exception {
                    let t = ctx.new_tuple(positional.to_vec())?;
                    exception::set_args(ctx, inst, t);
                }
                inst
            }
        }
    };
    let init = ctx.type_lookup_str(ty, "__init__");
    match init {
        Some(init @ Value::Obj(_)) => {
            ctx.th.stack.insert(start, instance);
            if call::call(ctx, init, start, argc + 1, kwnames, ret_sp)? {
                if let Some(frame) = ctx.th.frames.last_mut() {
                    frame.kind = FrameKind::Init(instance);
                }
                return Ok(true);
            }
            let result = ctx.th.stack.pop().unwrap_or(Value::None);
            if !result.is_none() {
                let name = ctx.type_name(result);
                return Err(ctx.type_error(alloc::format!(
                    "__init__() should return None, not '{name}'"
                )));
            }
        }
        Some(Value::Native(n)) if n.func as usize != object_init_addr() => {
            let mut all = alloc::vec![instance];
            all.extend_from_slice(positional);
            ctx.call_with_kwargs(Value::Native(n), &all, kw)?;
        }
        _ => {
            let takes_args = python_new.is_none()
                && matches!(new, None | Some(Value::Native(_)))
                && ctx.vm.heap.get(ty).is_plain_class();
            if argc > 0 && takes_args {
                let name = ctx.type_name_of_type(ty);
                return Err(ctx.type_error(alloc::format!("{name}() takes no arguments")));
            }
        }
    }
    ctx.th.stack.truncate(ret_sp);
    ctx.th.stack.push(instance);
    Ok(false)
}

/// Call a built-in type: its `__new__` makes the finished value (built-in
/// exceptions take their arguments as `args`).
fn call_builtin_type(
    ctx: &mut Ctx<'_>,
    ty: ObjRef,
    start: usize,
    argc: usize,
    kwnames: Option<ObjRef>,
    ret_sp: usize,
) -> PyResult<bool> {
    let layout = match ctx.vm.heap.get(ty) {
        Object::Type(t) => t.layout,
        _ => Layout::Plain,
    };
    let result = if layout == Layout::Exception {
        if kwnames.is_some() {
            let name = ctx.type_name_of_type(ty);
            return Err(ctx.type_error(alloc::format!("{name}() takes no keyword arguments")));
        }
        let args = ctx.th.stack[start..start + argc].to_vec();
        let inst = new_instance(ctx, ty)?;
        let t = ctx.new_tuple(args)?;
        exception::set_args(ctx, inst, t);
        inst
    } else {
        if ty == ctx.vm.types.object {
            if argc > 0 {
                return Err(ctx.type_error("object() takes no arguments"));
            }
            let inst = new_instance(ctx, ty)?;
            ctx.th.stack.truncate(ret_sp);
            ctx.th.stack.push(inst);
            return Ok(false);
        }
        match ctx.type_lookup_str(ty, "__new__") {
            Some(new @ Value::Native(n)) if n.func as usize != object_new_addr() => {
                ctx.th.stack.insert(start, Value::Obj(ty));
                call::call(ctx, new, start, argc + 1, kwnames, ret_sp)?;
                return Ok(false);
            }
            _ => {
                let name = ctx.type_name_of_type(ty);
                return Err(ctx.type_error(alloc::format!("cannot create '{name}' instances")));
            }
        }
    };
    ctx.th.stack.truncate(ret_sp);
    ctx.th.stack.push(result);
    Ok(false)
}

fn object_new_addr() -> usize {
    crate::objects::typeobj::OBJECT_METHODS
        .iter()
        .find(|n| n.name == "__new__")
        .map_or(0, |n| n.func as usize)
}

fn object_init_addr() -> usize {
    crate::objects::typeobj::OBJECT_METHODS
        .iter()
        .find(|n| n.name == "__init__")
        .map_or(0, |n| n.func as usize)
}

/// `super(start, receiver)` needs a class, and an instance or subclass of
/// it (or no receiver).
pub fn check_super_args(ctx: &mut Ctx<'_>, start: Value, receiver: Value) -> PyResult<()> {
    let Some(start) = start
        .as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Type(_)))
    else {
        let t = ctx.type_name(start);
        return Err(ctx.type_error(alloc::format!("super() argument 1 must be a type, not {t}")));
    };
    if receiver.is_none() {
        return Ok(());
    }
    let receiver_type = match receiver.as_obj() {
        Some(r) if matches!(ctx.vm.heap.get(r), Object::Type(_)) => r,
        _ => ctx.type_of(receiver),
    };
    if ctx.is_subclass(receiver_type, start) || ctx.is_instance(receiver, start) {
        return Ok(());
    }
    Err(ctx.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// The `(class, self)` of a zero-argument `super()` call, read from the
/// calling frame's `__class__` cell and first argument.
pub fn implicit_super_args(ctx: &mut Ctx<'_>) -> PyResult<(Value, Value)> {
    let Some(frame) = ctx.th.frames.last() else {
        return Err(ctx.runtime_error("super(): no arguments"));
    };
    let code = frame.code.clone();
    let base = frame.base as usize;
    if code.argcount == 0 {
        return Err(ctx.runtime_error("super(): no arguments"));
    }
    let slot = (code.first_free as usize..code.nlocals())
        .find(|&i| ctx.str_ref(code.local_names[i]) == Some("__class__"));
    let Some(slot) = slot else {
        return Err(ctx.runtime_error("super(): __class__ cell not found"));
    };
    let class = ctx.cell_get(ctx.th.stack[base + slot]);
    if !class.is_bound() {
        return Err(ctx.runtime_error("super(): empty __class__ cell"));
    }
    let mut first = ctx.th.stack[base];
    if let Some(&(cell_slot, _)) = code.cells.iter().find(|(_, arg)| *arg == Some(0)) {
        first = ctx.cell_get(ctx.th.stack[base + cell_slot as usize]);
    }
    Ok((class, first))
}

impl Object {
    /// Whether this is a user class whose instances are plain objects.
    fn is_plain_class(&self) -> bool {
        matches!(self, Object::Type(t) if t.layout == Layout::Plain)
    }
}

/// `isinstance` with a class or a tuple of classes.
pub fn isinstance(ctx: &mut Ctx<'_>, v: Value, classes: Value) -> PyResult<bool> {
    subclass_check(ctx, ctx.type_of(v), classes, "isinstance")
}

/// `issubclass` with a class or a tuple of classes.
pub fn subclass_check(ctx: &mut Ctx<'_>, ty: ObjRef, classes: Value, who: &str) -> PyResult<bool> {
    match classes.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Type(_)) => Ok(ctx.is_subclass(ty, classes.as_obj().unwrap_or(ty))),
        Some(Object::Tuple(items)) => {
            let items = items.to_vec();
            for c in items {
                if subclass_check(ctx, ty, c, who)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(ctx.type_error(alloc::format!(
            "{who}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

/// Arguments of a built-in `__new__`: the class and the rest.
pub fn new_args(ctx: &Ctx<'_>, args: Args) -> (Value, Args) {
    (ctx.arg(args, 0), args.shifted())
}
