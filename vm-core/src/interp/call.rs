//! Calls: binding arguments to parameters, pushing and popping frames,
//! calling classes and built-ins, and making functions.
//!
//! Arguments are pushed by the caller right after the callable, so a
//! Python callee's locals start where its first argument already is: a
//! call copies nothing.

use alloc::string::String;
use alloc::vec::Vec;
use core::mem::size_of;

use portable_atomic_util::Arc;

use crate::bytecode::Code;
use crate::interp::{Ctx, Exit, class, iter};
use crate::native::Args;
use crate::objects::{BoundMethod, Function, Object};
use crate::thread::{Frame, FrameKind};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// Call `callable` with the `argc` values at `stack[start..]` (the last
/// `len(kwnames)` by keyword). Its result replaces everything from
/// `ret_sp` up. Returns `true` when a Python frame was pushed (the result
/// arrives when it returns) and `false` when the result is already there.
pub fn call(
    ctx: &mut Ctx<'_>,
    callable: Value,
    start: usize,
    argc: usize,
    kwnames: Option<ObjRef>,
    ret_sp: usize,
) -> PyResult<bool> {
    match callable {
        Value::Native(native) => {
            let nkw = kwnames.map_or(0, |k| tuple_len(ctx, k));
            let args = Args {
                start,
                count: argc,
                kwnames,
                nkw,
            };
            let result = (native.func)(ctx, args);
            ctx.th.stack.truncate(ret_sp);
            ctx.th.stack.push(result?);
            Ok(false)
        }
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Function(_) => call_function(ctx, r, start, argc, kwnames, ret_sp),
            Object::BoundMethod(m) => {
                let BoundMethod { receiver, function } = *m;
                ctx.th.stack.insert(start, receiver);
                call(ctx, function, start, argc + 1, kwnames, ret_sp)
            }
            Object::Type(_) => class::call_type(ctx, r, start, argc, kwnames, ret_sp),
            Object::StaticMethod(f) => {
                let f = *f;
                call(ctx, f, start, argc, kwnames, ret_sp)
            }
            _ => {
                let Some(dunder) = crate::interp::attr::lookup_special(ctx, callable, "__call__")
                else {
                    let name = ctx.type_name(callable);
                    return Err(ctx.type_error(alloc::format!("'{name}' object is not callable")));
                };
                ctx.th.stack.insert(start, callable);
                call(ctx, dunder, start, argc + 1, kwnames, ret_sp)
            }
        },
        _ => {
            let name = ctx.type_name(callable);
            Err(ctx.type_error(alloc::format!("'{name}' object is not callable")))
        }
    }
}

/// How error messages name a callable: `module.qualname()`, or
/// `qualname()` for built-ins (CPython's `_PyObject_FunctionStr`).
pub fn function_str(ctx: &mut Ctx<'_>, callable: Value) -> String {
    let target = match callable.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::BoundMethod(m)) => m.function,
        _ => callable,
    };
    let (module, qualname) = match target {
        Value::Native(n) => (None, String::from(n.name)),
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Function(f) => {
                let (globals, qualname) = (Value::Obj(f.globals), f.qualname);
                let module = ctx
                    .intern("__name__")
                    .ok()
                    .and_then(|k| ctx.dict_get_str(globals, k))
                    .and_then(|m| ctx.str_ref(m).map(String::from));
                (module, String::from(ctx.str_ref(qualname).unwrap_or("?")))
            }
            Object::Type(t) => {
                let (module, qualname) = (t.module, t.qualname);
                (
                    ctx.str_ref(module).map(String::from),
                    String::from(ctx.str_ref(qualname).unwrap_or("?")),
                )
            }
            _ => return alloc::format!("{} object", ctx.type_name(callable)),
        },
        _ => return alloc::format!("{} object", ctx.type_name(callable)),
    };
    match module {
        Some(m) if m != "builtins" => alloc::format!("{m}.{qualname}()"),
        _ => alloc::format!("{qualname}()"),
    }
}

/// `{**src}` needs a mapping: a dict, or an object with `keys()`.
#[inline(never)]
pub fn check_mapping(ctx: &mut Ctx<'_>, src: Value) -> PyResult<()> {
    if matches!(
        src.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Dict(_))
    ) {
        return Ok(());
    }
    let keys_name = ctx.intern("keys")?;
    if crate::interp::attr::find_attr(ctx, src, keys_name)?.is_none() {
        let t = ctx.type_name(src);
        return Err(ctx.type_error(alloc::format!("'{t}' object is not a mapping")));
    }
    Ok(())
}

/// `DictMerge`: add the mapping `src` to the keyword dict `d` of a call
/// of `callable`, refusing repeated keywords.
#[inline(never)]
pub fn dict_merge(ctx: &mut Ctx<'_>, d: Value, src: Value, callable: Value) -> PyResult<()> {
    let keys: Vec<Value> = match src.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Dict(s)) => s.iter().map(|e| e.key).collect(),
        _ => {
            let keys_name = ctx.intern("keys")?;
            let Some(keys) = crate::interp::attr::find_attr(ctx, src, keys_name)? else {
                let f = function_str(ctx, callable);
                let t = ctx.type_name(src);
                return Err(ctx.type_error(alloc::format!(
                    "{f} argument after ** must be a mapping, not {t}"
                )));
            };
            let keys = ctx.call(keys, &[])?;
            ctx.collect(keys)?
        }
    };
    for k in keys {
        let v = crate::interp::ops::subscr(ctx, src, k)?;
        if ctx.dict_lookup(d, k)?.is_some() {
            let f = function_str(ctx, callable);
            let msg = match ctx.str_ref(k) {
                Some(name) => {
                    alloc::format!("{f} got multiple values for keyword argument '{name}'")
                }
                None => alloc::format!("{f} keywords must be strings"),
            };
            return Err(ctx.type_error(msg));
        }
        ctx.dict_set(d, k, v)?;
    }
    Ok(())
}

/// `callable(*args, **kwargs)`: spread a sequence and a mapping.
#[inline(never)]
pub fn call_ex(
    ctx: &mut Ctx<'_>,
    callable: Value,
    args: Value,
    kwargs: Value,
    ret_sp: usize,
) -> PyResult<bool> {
    if !iter::is_iterable(ctx, args) {
        let f = function_str(ctx, callable);
        let t = ctx.type_name(args);
        return Err(ctx.type_error(alloc::format!(
            "{f} argument after * must be an iterable, not {t}"
        )));
    }
    let positional = ctx.collect(args)?;
    let mut names = Vec::new();
    let mut values = Vec::new();
    if let Value::Obj(d) = kwargs {
        let entries: Vec<(Value, Value)> = match ctx.vm.heap.get(d) {
            Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => {
                let f = function_str(ctx, callable);
                let name = ctx.type_name(kwargs);
                return Err(ctx.type_error(alloc::format!(
                    "{f} argument after ** must be a mapping, not {name}"
                )));
            }
        };
        for (k, v) in entries {
            if ctx.str_ref(k).is_none() {
                return Err(ctx.type_error("keywords must be strings"));
            }
            names.push(k);
            values.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        ctx.new_tuple(names)?.as_obj()
    };
    ctx.th.stack.truncate(ret_sp);
    ctx.th.stack.push(callable);
    let start = ctx.th.stack.len();
    let argc = positional.len() + values.len();
    ctx.th.stack.extend(positional);
    ctx.th.stack.extend(values);
    call(ctx, callable, start, argc, kwnames, ret_sp)
}

fn tuple_len(ctx: &Ctx<'_>, t: ObjRef) -> usize {
    match ctx.vm.heap.get(t) {
        Object::Tuple(items) => items.len(),
        _ => 0,
    }
}

/// Call a Python function: bind its arguments in place and push its frame
/// (or make a generator).
fn call_function(
    ctx: &mut Ctx<'_>,
    func: ObjRef,
    start: usize,
    argc: usize,
    kwnames: Option<ObjRef>,
    ret_sp: usize,
) -> PyResult<bool> {
    let Object::Function(f) = ctx.vm.heap.get(func) else {
        return Ok(false);
    };
    let code = f.code.clone();
    let code_obj = f.code_obj;
    let globals = f.globals;
    let simple = kwnames.is_none()
        && argc == code.argcount as usize
        && code.kwonlyargcount == 0
        && !code.flags.varargs
        && !code.flags.varkeywords;
    let needs_cells = !code.cells.is_empty() || (code.first_free as usize) < code.nlocals();
    ensure_frame_room(ctx, &code)?;
    if simple {
        ctx.th.stack.resize(start + code.nlocals(), Value::Unbound);
    } else {
        bind_arguments(ctx, func, &code, start, argc, kwnames)?;
    }
    if needs_cells {
        init_cells(ctx, func, &code, start)?;
    }
    if code.flags.generator {
        let locals: Vec<Value> = ctx.th.stack.drain(start..).collect();
        let genr = crate::objects::generator::create(ctx, func, code, code_obj, globals, locals)?;
        ctx.th.stack.truncate(ret_sp);
        ctx.th.stack.push(genr);
        return Ok(false);
    }
    push_frame(
        ctx,
        code,
        code_obj,
        start,
        ret_sp,
        globals,
        Value::Unbound,
        FrameKind::Normal,
    );
    Ok(true)
}

/// Make sure a new frame for `code` fits: recursion limit, and stack room
/// accounted against the heap limit.
pub fn ensure_frame_room(ctx: &mut Ctx<'_>, code: &Code) -> PyResult<()> {
    ensure_room(ctx, code.nlocals(), code.max_stack)
}

/// [`ensure_frame_room`] for code with `nlocals` slots and `max_stack`.
pub fn ensure_room(ctx: &mut Ctx<'_>, nlocals: usize, max_stack: u32) -> PyResult<()> {
    if ctx.th.frames.len() >= ctx.vm.config.recursion_limit as usize {
        let t = ctx.vm.types.recursion_error;
        return Err(ctx.error(t, "maximum recursion depth exceeded"));
    }
    let need = ctx.th.stack.len() + nlocals + max_stack as usize + 1;
    let stack_cap = ctx.th.stack.capacity();
    let frames_cap = ctx.th.frames.capacity();
    let mut grow = 0;
    if need > stack_cap {
        let new_cap = need.max(stack_cap * 2);
        grow += (new_cap - stack_cap) * size_of::<Value>();
        reserve_thread_bytes(ctx, grow)?;
        ctx.th.stack.reserve_exact(new_cap - ctx.th.stack.len());
    }
    if ctx.th.frames.len() == frames_cap {
        let new_cap = (frames_cap * 2).max(1);
        let bytes = (new_cap - frames_cap) * size_of::<Frame>();
        reserve_thread_bytes(ctx, bytes)?;
        ctx.th.frames.reserve_exact(new_cap - ctx.th.frames.len());
    }
    Ok(())
}

fn reserve_thread_bytes(ctx: &mut Ctx<'_>, bytes: usize) -> PyResult<()> {
    if ctx.vm.heap.reserve_external(bytes).is_err() {
        return Err(Flow::Raise(ctx.vm.memory_error));
    }
    ctx.th.accounted += bytes;
    Ok(())
}

/// Push a frame whose locals start at `base`.
#[allow(clippy::too_many_arguments)]
pub fn push_frame(
    ctx: &mut Ctx<'_>,
    code: Arc<Code>,
    code_obj: ObjRef,
    base: usize,
    ret_sp: usize,
    globals: ObjRef,
    namespace: Value,
    kind: FrameKind,
) {
    ctx.th.frames.push(Frame {
        code,
        code_obj,
        pc: 0,
        base: base as u32,
        ret_sp: ret_sp as u32,
        globals,
        namespace,
        kind,
    });
}

/// Turn the argument values at `stack[start..start+argc]` into the
/// function's parameter slots, applying defaults, `*args` and `**kwargs`.
/// Errors come in CPython's order: keywords, then too many positional
/// arguments, then missing ones.
fn bind_arguments(
    ctx: &mut Ctx<'_>,
    func: ObjRef,
    code: &Code,
    start: usize,
    argc: usize,
    kwnames: Option<ObjRef>,
) -> PyResult<()> {
    let names: Vec<Value> = match kwnames {
        Some(k) => match ctx.vm.heap.get(k) {
            Object::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    let npos = argc - names.len();
    let kwvalues: Vec<Value> = ctx.th.stack[start + npos..start + argc].to_vec();
    ctx.th.stack.truncate(start + npos);
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let extra: Vec<Value> = if npos > argcount {
        ctx.th.stack.drain(start + argcount..).collect()
    } else {
        Vec::new()
    };
    ctx.th.stack.resize(start + code.nlocals(), Value::Unbound);
    let varargs_slot = argcount + kwonly;
    let varkw_slot = varargs_slot + code.flags.varargs as usize;
    let mut kwargs_dict = Value::Unbound;
    if code.flags.varkeywords {
        kwargs_dict = ctx.new_dict()?;
    }
    for (name, value) in names.iter().zip(kwvalues) {
        let slot = (code.posonlyargcount as usize..argcount + kwonly)
            .find(|&i| same_name(ctx, code.local_names[i], *name));
        match slot {
            Some(i) => {
                if ctx.th.stack[start + i].is_bound() {
                    let fname = fn_name(ctx, func);
                    let n = String::from(ctx.str_ref(*name).unwrap_or(""));
                    return Err(ctx.type_error(alloc::format!(
                        "{fname}() got multiple values for argument '{n}'"
                    )));
                }
                ctx.th.stack[start + i] = value;
            }
            None if code.flags.varkeywords => {
                ctx.dict_set(kwargs_dict, *name, value)?;
            }
            None => {
                let fname = fn_name(ctx, func);
                let posonly: Vec<String> = (0..code.posonlyargcount as usize)
                    .filter(|&i| {
                        names
                            .iter()
                            .any(|n| same_name(ctx, code.local_names[i], *n))
                    })
                    .map(|i| String::from(ctx.str_ref(code.local_names[i]).unwrap_or("")))
                    .collect();
                if !posonly.is_empty() {
                    let list = posonly.join(", ");
                    return Err(ctx.type_error(alloc::format!(
                        "{fname}() got some positional-only arguments passed as keyword arguments: '{list}'"
                    )));
                }
                let n = String::from(ctx.str_ref(*name).unwrap_or(""));
                return Err(ctx.type_error(alloc::format!(
                    "{fname}() got an unexpected keyword argument '{n}'"
                )));
            }
        }
    }
    if npos > argcount && !code.flags.varargs {
        let kwonly_given = (argcount..argcount + kwonly)
            .filter(|&i| ctx.th.stack[start + i].is_bound())
            .count();
        return Err(too_many_positional(ctx, func, code, npos, kwonly_given));
    }
    let (defaults, kwdefaults) = match ctx.vm.heap.get(func) {
        Object::Function(f) => (f.defaults, f.kwdefaults),
        _ => (Value::None, Value::None),
    };
    let defaults: Vec<Value> = match defaults {
        Value::Obj(t) => match ctx.vm.heap.get(t) {
            Object::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if !ctx.th.stack[start + i].is_bound() {
            if i >= first_default {
                ctx.th.stack[start + i] = defaults[i - first_default];
            } else {
                missing.push(code.local_names[i]);
            }
        }
    }
    if !missing.is_empty() {
        let fname = fn_name(ctx, func);
        return Err(missing_arguments(ctx, &fname, &missing, "positional"));
    }
    for i in argcount..argcount + kwonly {
        if !ctx.th.stack[start + i].is_bound() {
            let name = code.local_names[i];
            match ctx.dict_get_str(kwdefaults, name) {
                Some(v) => ctx.th.stack[start + i] = v,
                None => missing.push(name),
            }
        }
    }
    if !missing.is_empty() {
        let fname = fn_name(ctx, func);
        return Err(missing_arguments(ctx, &fname, &missing, "keyword-only"));
    }
    if code.flags.varargs {
        ctx.th.stack[start + varargs_slot] = ctx.new_tuple(extra)?;
    }
    if code.flags.varkeywords {
        ctx.th.stack[start + varkw_slot] = kwargs_dict;
    }
    Ok(())
}

fn same_name(ctx: &Ctx<'_>, a: Value, b: Value) -> bool {
    a.is(b) || (ctx.str_ref(a).is_some() && ctx.str_ref(a) == ctx.str_ref(b))
}

/// The function's `__name__` as text (for error messages).
pub fn fn_name(ctx: &Ctx<'_>, func: ObjRef) -> alloc::string::String {
    match ctx.vm.heap.get(func) {
        Object::Function(f) => alloc::string::String::from(ctx.str_ref(f.qualname).unwrap_or("?")),
        _ => alloc::string::String::from("?"),
    }
}

fn too_many_positional(
    ctx: &mut Ctx<'_>,
    func: ObjRef,
    code: &Code,
    given: usize,
    kw_given: usize,
) -> Flow {
    let name = fn_name(ctx, func);
    let ndefaults = match ctx.vm.heap.get(func) {
        Object::Function(f) => match f.defaults {
            Value::Obj(t) => match ctx.vm.heap.get(t) {
                Object::Tuple(items) => items.len(),
                _ => 0,
            },
            _ => 0,
        },
        _ => 0,
    };
    let argcount = code.argcount as usize;
    let takes = if ndefaults > 0 {
        alloc::format!("from {} to {}", argcount - ndefaults, argcount)
    } else {
        alloc::format!("{argcount}")
    };
    let s = if argcount == 1 && ndefaults == 0 {
        ""
    } else {
        "s"
    };
    let was = if given == 1 && kw_given == 0 {
        "was"
    } else {
        "were"
    };
    let kw = if kw_given > 0 {
        alloc::format!(
            " positional argument{} (and {} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            kw_given,
            if kw_given == 1 { "" } else { "s" }
        )
    } else {
        alloc::string::String::new()
    };
    ctx.type_error(alloc::format!(
        "{name}() takes {takes} positional argument{s} but {given}{kw} {was} given"
    ))
}

fn missing_arguments(ctx: &mut Ctx<'_>, fname: &str, names: &[Value], kind: &str) -> Flow {
    let quoted: Vec<alloc::string::String> = names
        .iter()
        .map(|n| alloc::format!("'{}'", ctx.str_ref(*n).unwrap_or("")))
        .collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => alloc::format!("{} and {}", quoted[0], quoted[1]),
        _ => alloc::format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    let n = names.len();
    let s = if n == 1 { "" } else { "s" };
    ctx.type_error(alloc::format!(
        "{fname}() missing {n} required {kind} argument{s}: {list}"
    ))
}

/// Create the frame's cells and fill its free-variable slots.
fn init_cells(ctx: &mut Ctx<'_>, func: ObjRef, code: &Code, base: usize) -> PyResult<()> {
    for &(slot, arg) in code.cells.iter() {
        let initial = match arg {
            Some(a) => ctx.th.stack[base + a as usize],
            None => Value::Unbound,
        };
        let cell = ctx.alloc(Object::Cell(initial))?;
        ctx.th.stack[base + slot as usize] = Value::Obj(cell);
    }
    let closure = match ctx.vm.heap.get(func) {
        Object::Function(f) => f.closure,
        _ => Value::None,
    };
    if let Value::Obj(t) = closure
        && let Object::Tuple(cells) = ctx.vm.heap.get(t)
    {
        for (i, cell) in cells.iter().enumerate() {
            ctx.th.stack[base + code.first_free as usize + i] = *cell;
        }
    }
    Ok(())
}

/// Pop the top frame, delivering `value` as its result. Returns the loop
/// exit when the frame was the thread's last one or a boundary frame.
pub fn return_from_frame(ctx: &mut Ctx<'_>, value: Value, floor: usize) -> PyResult<Option<Exit>> {
    let Some(frame) = ctx.th.frames.pop() else {
        return Ok(Some(Exit::Returned(value)));
    };
    let class_cell = match frame.kind {
        FrameKind::ClassBody { .. } => class::class_cell(ctx, &frame),
        _ => Value::Unbound,
    };
    ctx.th.stack.truncate(frame.ret_sp as usize);
    match frame.kind {
        FrameKind::Normal => {
            if ctx.th.frames.len() <= floor && floor == 0 {
                return Ok(Some(Exit::Returned(value)));
            }
            ctx.th.stack.push(value);
        }
        FrameKind::NativeBoundary => return Ok(Some(Exit::Returned(value))),
        FrameKind::Init(instance) => {
            if !value.is_none() {
                let name = ctx.type_name(value);
                return Err(ctx.type_error(alloc::format!(
                    "__init__() should return None, not '{name}'"
                )));
            }
            ctx.th.stack.push(instance);
        }
        FrameKind::ClassBody { name, bases } => {
            let class = class::finish_class(ctx, &frame, name, bases, class_cell)?;
            ctx.th.stack.push(class);
        }
        FrameKind::ModuleBody(module) => {
            ctx.th.stack.push(Value::Obj(module));
        }
        FrameKind::Generator(genr) => {
            if let Some(exit) = iter::generator_returned(ctx, genr, value) {
                return Ok(Some(exit));
            }
        }
    }
    if ctx.th.frames.is_empty() {
        let v = ctx.th.stack.pop().unwrap_or(Value::None);
        return Ok(Some(Exit::Returned(v)));
    }
    Ok(None)
}

/// `MakeFunction`: build a function from code constant `index` of `code`,
/// with the defaults, keyword defaults and closure the flags say are on the
/// stack.
#[inline(never)]
pub fn make_function(ctx: &mut Ctx<'_>, code: &Code, index: u32, flags: u32) -> PyResult<Value> {
    let closure = if flags & 4 != 0 {
        ctx.th.stack.pop().unwrap_or(Value::None)
    } else {
        Value::None
    };
    let kwdefaults = if flags & 2 != 0 {
        ctx.th.stack.pop().unwrap_or(Value::None)
    } else {
        Value::None
    };
    let defaults = if flags & 1 != 0 {
        ctx.th.stack.pop().unwrap_or(Value::None)
    } else {
        Value::None
    };
    let Value::Obj(code_obj) = code.consts[index as usize] else {
        return Err(ctx.runtime_error("bad code constant"));
    };
    let Object::Code(body) = ctx.vm.heap.get(code_obj) else {
        return Err(ctx.runtime_error("bad code constant"));
    };
    let body = body.clone();
    let globals = match ctx.th.frames.last() {
        Some(f) => f.globals,
        None => return Err(ctx.runtime_error("no frame")),
    };
    let doc = first_const_doc(ctx, &body);
    let f = Function {
        name: body.name,
        qualname: body.qualname,
        code: body,
        code_obj,
        globals,
        defaults,
        kwdefaults,
        closure,
        attrs: Value::None,
        doc,
    };
    Ok(Value::Obj(
        ctx.alloc(Object::Function(alloc::boxed::Box::new(f)))?,
    ))
}

fn first_const_doc(ctx: &Ctx<'_>, code: &Code) -> Value {
    match code.consts.first() {
        Some(v) if code.flags.docstring && ctx.str_ref(*v).is_some() => *v,
        _ => Value::None,
    }
}

/// `callable(v)`.
pub fn is_callable(ctx: &Ctx<'_>, v: Value) -> bool {
    match v {
        Value::Native(_) => true,
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Function(_)
            | Object::BoundMethod(_)
            | Object::Type(_)
            | Object::StaticMethod(_) => true,
            Object::Instance(_) => ctx.type_lookup_str(ctx.type_of(v), "__call__").is_some(),
            _ => false,
        },
        _ => false,
    }
}
