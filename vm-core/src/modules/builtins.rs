//! `builtins`: the functions and types every module sees.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::ast::CmpOp;
use crate::heap::HeapFull;
use crate::interp::{Ctx, attr, class, format, iter, ops};
use crate::native::{Args, Native};
use crate::objects::{self, Dict, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// Make the `builtins` namespace (kept for the VM's life).
pub fn create(vm: &mut Vm) -> Result<ObjRef, HeapFull> {
    let mut dict = Dict::new();
    let add = |vm: &mut Vm, dict: &mut Dict, name: &str, v: Value| -> Result<(), HeapFull> {
        let key = vm.interner.intern(&mut vm.heap, name)?;
        dict.push(objects::str::hash_str(name), Value::Obj(key), v);
        Ok(())
    };
    for n in FUNCTIONS {
        add(vm, &mut dict, n.name, Value::Native(n))?;
    }
    for t in vm.types.named() {
        let name = match vm.heap.get(t) {
            Object::Type(ty) => match ty.name {
                Value::Obj(r) => match vm.heap.get(r) {
                    Object::Str(s) => String::from(s.as_str()),
                    _ => continue,
                },
                _ => continue,
            },
            _ => continue,
        };
        add(vm, &mut dict, &name, Value::Obj(t))?;
    }
    add(vm, &mut dict, "None", Value::None)?;
    add(vm, &mut dict, "Ellipsis", Value::Ellipsis)?;
    add(vm, &mut dict, "NotImplemented", Value::NotImplemented)?;
    let env_error = vm.types.os_error;
    add(vm, &mut dict, "EnvironmentError", Value::Obj(env_error))?;
    add(vm, &mut dict, "IOError", Value::Obj(env_error))?;
    let name = vm.interner.intern(&mut vm.heap, "builtins")?;
    add(vm, &mut dict, "__name__", Value::Obj(name))?;
    vm.heap.alloc(Object::Dict(Box::new(dict)))
}

fn print(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(
        args,
        "print",
        0,
        usize::MAX,
        &["sep", "end", "file", "flush"],
    )?;
    let text_of = |ctx: &mut Ctx<'_>, name: &str, default: &str| -> PyResult<String> {
        match ctx.kwarg(args, name) {
            None | Some(Value::None) => Ok(String::from(default)),
            Some(v) => match ctx.str_ref(v) {
                Some(s) => Ok(String::from(s)),
                None => {
                    let t = ctx.type_name(v);
                    Err(ctx.type_error(alloc::format!("{name} must be None or a string, not {t}")))
                }
            },
        }
    };
    let sep = text_of(ctx, "sep", " ")?;
    let end = text_of(ctx, "end", "\n")?;
    let mut out = String::new();
    for i in 0..args.positional() {
        if i > 0 {
            out.push_str(&sep);
        }
        let v = ctx.arg(args, i);
        out.push_str(&format::str(ctx, v)?);
    }
    out.push_str(&end);
    let to_stderr = match ctx.kwarg(args, "file") {
        None | Some(Value::None) => false,
        Some(f) => {
            let key = ctx.intern("write")?;
            let write = attr::get_attr(ctx, f, key)?;
            let text = ctx.new_string(out)?;
            ctx.call(write, &[text])?;
            return Ok(Value::None);
        }
    };
    if to_stderr {
        ctx.vm.host.write_stderr(&out);
    } else {
        ctx.vm.host.write_stdout(&out);
    }
    Ok(Value::None)
}

fn len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "len", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    Ok(Value::Int(ctx.len(v)? as i64))
}

fn repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "repr", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let s = format::repr(ctx, v)?;
    ctx.new_string(s)
}

fn ascii(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "ascii", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let s = format::ascii(ctx, v)?;
    ctx.new_string(s)
}

fn builtin_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "format", 1, 2, &[])?;
    let v = ctx.arg(args, 0);
    let spec = if args.positional() > 1 {
        let s = ctx.arg(args, 1);
        match ctx.str_ref(s) {
            Some(s) => String::from(s),
            None => {
                let t = ctx.type_name(s);
                return Err(
                    ctx.type_error(alloc::format!("format() argument 2 must be str, not {t}"))
                );
            }
        }
    } else {
        String::new()
    };
    let s = format::format(ctx, v, &spec)?;
    ctx.new_string(s)
}

fn isinstance(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "isinstance", 2, 2, &[])?;
    let (v, c) = (ctx.arg(args, 0), ctx.arg(args, 1));
    Ok(Value::Bool(class::isinstance(ctx, v, c)?))
}

fn issubclass(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "issubclass", 2, 2, &[])?;
    let (v, c) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let Some(t) = v
        .as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Type(_)))
    else {
        return Err(ctx.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(class::subclass_check(ctx, t, c, "issubclass")?))
}

fn callable(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "callable", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    Ok(Value::Bool(crate::interp::call::is_callable(ctx, v)))
}

fn id(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "id", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    Ok(Value::Int(format::address(v) as i64))
}

fn hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "hash", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    Ok(Value::Int(ctx.hash(v)?))
}

fn attr_name(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    ctx.intern_value(v)
}

fn getattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "getattr", 2, 3, &[])?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    if args.positional() == 3 {
        let default = ctx.arg(args, 2);
        return match attr::find_attr(ctx, obj, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(default),
            Err(crate::Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.attribute_error) => {
                Ok(default)
            }
            Err(e) => Err(e),
        };
    }
    attr::get_attr(ctx, obj, name)
}

fn setattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "setattr", 3, 3, &[])?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    let v = ctx.arg(args, 2);
    attr::set_attr(ctx, obj, name, v)?;
    Ok(Value::None)
}

fn delattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "delattr", 2, 2, &[])?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    attr::del_attr(ctx, obj, name)?;
    Ok(Value::None)
}

fn hasattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "hasattr", 2, 2, &[])?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    match attr::find_attr(ctx, obj, name) {
        Ok(found) => Ok(Value::Bool(found.is_some())),
        Err(crate::Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.attribute_error) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn builtin_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "iter", 1, 2, &[])?;
    let v = ctx.arg(args, 0);
    if args.positional() == 2 {
        let sentinel = ctx.arg(args, 1);
        if !crate::interp::call::is_callable(ctx, v) {
            return Err(ctx.type_error("iter(v, w): v must be callable"));
        }
        return objects::iter::callable_iter(ctx, v, sentinel);
    }
    iter::get_iter(ctx, v)
}

fn next(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "next", 1, 2, &[])?;
    let it = ctx.arg(args, 0);
    let is_iter = matches!(
        it.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Iter(_) | Object::Generator(_))
    ) || ctx.type_lookup_str(ctx.type_of(it), "__next__").is_some();
    if !is_iter {
        let t = ctx.type_name(it);
        return Err(ctx.type_error(alloc::format!("'{t}' object is not an iterator")));
    }
    match ctx.next(it)? {
        Some(v) => Ok(v),
        None if args.positional() == 2 => Ok(ctx.arg(args, 1)),
        None => {
            let t = ctx.vm.types.stop_iteration;
            Err(crate::Flow::Raise(objects::exception::new_with_args(
                ctx,
                t,
                Vec::new(),
            )?))
        }
    }
}

fn abs(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "abs", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    match v {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(i) if i != i64::MIN => Ok(Value::Int(i.abs())),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        _ => {
            if objects::int::is_int(ctx, v) {
                let lt = ops::compare(ctx, CmpOp::Lt, v, Value::Int(0))?;
                if ctx.truthy(lt)? {
                    return ops::unary(ctx, crate::bytecode::Instr::UnaryNeg, v);
                }
                return Ok(v);
            }
            let ty = ctx.type_of(v);
            if let Some(f) = ctx.type_lookup_str(ty, "__abs__") {
                return ctx.call(f, &[v]);
            }
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!("bad operand type for abs(): '{t}'")))
        }
    }
}

/// `min`/`max` over the arguments or one iterable, with `key=` and
/// `default=`.
fn extreme(ctx: &mut Ctx<'_>, args: Args, name: &str, want: CmpOp) -> PyResult<Value> {
    ctx.check_args(args, name, 1, usize::MAX, &["key", "default"])?;
    let key = ctx.kwarg(args, "key").filter(|k| !k.is_none());
    let default = ctx.kwarg(args, "default");
    let items = if args.positional() == 1 {
        let v = ctx.arg(args, 0);
        ctx.collect(v)?
    } else {
        if default.is_some() {
            return Err(ctx.type_error(alloc::format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        ctx.positional(args)
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match key {
            Some(f) => ctx.call(f, &[item])?,
            None => item,
        };
        best = match best {
            None => Some((item, k)),
            Some((bi, bk)) => {
                let better = ops::compare(ctx, want, k, bk)?;
                if ctx.truthy(better)? {
                    Some((item, k))
                } else {
                    Some((bi, bk))
                }
            }
        };
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(ctx.value_error(alloc::format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    extreme(ctx, args, "min", CmpOp::Lt)
}

fn max(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    extreme(ctx, args, "max", CmpOp::Gt)
}

fn sum(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "sum", 1, 2, &["start"])?;
    let v = ctx.arg(args, 0);
    let mut total = match ctx.kwarg(args, "start") {
        Some(s) => s,
        None if args.positional() == 2 => ctx.arg(args, 1),
        None => Value::Int(0),
    };
    if ctx.str_ref(total).is_some() {
        return Err(ctx.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = iter::get_iter(ctx, v)?;
    while let Some(item) = ctx.next(it)? {
        total = match ops::fast_binary(crate::ast::BinOp::Add, total, item) {
            Some(r) => r,
            None => ops::binary(ctx, crate::ast::BinOp::Add, total, item)?,
        };
    }
    Ok(total)
}

fn sorted(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "sorted", 1, 1, &["key", "reverse"])?;
    let v = ctx.arg(args, 0);
    let items = ctx.collect(v)?;
    let list = ctx.new_list(items)?;
    let key = ctx.kwarg(args, "key").unwrap_or(Value::None);
    let reverse = match ctx.kwarg(args, "reverse") {
        Some(r) => ctx.truthy(r)?,
        None => false,
    };
    objects::list::sort(ctx, list, key, reverse)?;
    Ok(list)
}

fn any(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "any", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let it = iter::get_iter(ctx, v)?;
    while let Some(item) = ctx.next(it)? {
        if ctx.truthy(item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "all", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let it = iter::get_iter(ctx, v)?;
    while let Some(item) = ctx.next(it)? {
        if !ctx.truthy(item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn chr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "chr", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let i = ctx.index_value(v)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            ctx.new_str(c.encode_utf8(&mut buf))
        }
        None => Err(ctx.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "ord", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    if let Some(s) = ctx.str_ref(v) {
        let mut chars = s.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => {
                let n = s.chars().count();
                Err(ctx.type_error(alloc::format!(
                    "ord() expected a character, but string of length {n} found"
                )))
            }
        };
    }
    if let Some(b) = objects::bytes::try_slice(ctx, v) {
        return match b.as_slice() {
            [c] => Ok(Value::Int(*c as i64)),
            _ => Err(ctx.type_error(alloc::format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ))),
        };
    }
    let t = ctx.type_name(v);
    Err(ctx.type_error(alloc::format!(
        "ord() expected string of length 1, but {t} found"
    )))
}

fn radix(ctx: &mut Ctx<'_>, args: Args, name: &str, spec: &str) -> PyResult<Value> {
    ctx.check_args(args, name, 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let i = ctx.index_int(v)?;
    let s = objects::int::format(ctx, i, spec)?;
    ctx.new_string(s)
}

fn bin(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    radix(ctx, args, "bin", "#b")
}

fn oct(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    radix(ctx, args, "oct", "#o")
}

fn hex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    radix(ctx, args, "hex", "#x")
}

fn divmod(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "divmod", 2, 2, &[])?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let q = ops::binary(ctx, crate::ast::BinOp::FloorDiv, a, b)?;
    let r = ops::binary(ctx, crate::ast::BinOp::Mod, a, b)?;
    ctx.new_tuple(alloc::vec![q, r])
}

fn pow(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "pow", 2, 3, &["base", "exp", "mod"])?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let m = if args.positional() == 3 {
        ctx.arg(args, 2)
    } else {
        ctx.kwarg(args, "mod").unwrap_or(Value::None)
    };
    if m.is_none() {
        return ops::binary(ctx, crate::ast::BinOp::Pow, a, b);
    }
    objects::int::pow_mod(ctx, a, b, m)
}

fn round(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "round", 1, 2, &["ndigits"])?;
    let v = ctx.arg(args, 0);
    let nd = match ctx.kwarg(args, "ndigits") {
        Some(n) => n,
        None if args.positional() == 2 => ctx.arg(args, 1),
        None => Value::None,
    };
    match v {
        Value::Float(f) => objects::float::round(ctx, f, nd),
        _ if objects::int::is_int(ctx, v) => objects::int::round(ctx, v, nd),
        _ => {
            let ty = ctx.type_of(v);
            if let Some(f) = ctx.type_lookup_str(ty, "__round__") {
                return if nd.is_none() {
                    ctx.call(f, &[v])
                } else {
                    ctx.call(f, &[v, nd])
                };
            }
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!("type {t} doesn't define __round__ method")))
        }
    }
}

fn globals(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    match ctx.th.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals)),
        None => Ok(Value::None),
    }
}

fn locals(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    let Some(frame) = ctx.th.frames.last() else {
        return ctx.new_dict();
    };
    if frame.namespace.is_bound() {
        return Ok(frame.namespace);
    }
    if frame.code.flags.module {
        return Ok(Value::Obj(frame.globals));
    }
    let code = frame.code.clone();
    let base = frame.base as usize;
    let d = ctx.new_dict()?;
    for i in 0..code.first_free as usize {
        let mut v = ctx.th.stack[base + i];
        if code.cells.iter().any(|(s, _)| *s as usize == i) {
            v = ctx.cell_get(v);
        }
        if v.is_bound() {
            ctx.dict_set(d, code.local_names[i], v)?;
        }
    }
    Ok(d)
}

fn vars(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "vars", 0, 1, &[])?;
    if args.positional() == 0 {
        return locals(ctx, args);
    }
    let v = ctx.arg(args, 0);
    let key = ctx.intern("__dict__")?;
    match attr::find_attr(ctx, v, key)? {
        Some(d) => Ok(d),
        None => Err(ctx.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "dir", 0, 1, &[])?;
    let mut names: Vec<Value> = Vec::new();
    if args.positional() == 0 {
        let d = locals(ctx, args)?;
        names = ctx.collect(d)?;
    } else {
        let v = ctx.arg(args, 0);
        let mut seen: Vec<String> = Vec::new();
        let mut push = |ctx: &Ctx<'_>, k: Value, names: &mut Vec<Value>| {
            if let Some(s) = ctx.str_ref(k)
                && !seen.iter().any(|x| x == s)
            {
                seen.push(String::from(s));
                names.push(k);
            }
        };
        let ty = match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
            Some(Object::Type(_)) => v.as_obj().unwrap_or(ctx.vm.types.object),
            Some(Object::Module(m)) => {
                let keys: Vec<Value> = match ctx.vm.heap.get(m.dict) {
                    Object::Dict(d) => d.iter().map(|e| e.key).collect(),
                    _ => Vec::new(),
                };
                for k in keys {
                    push(ctx, k, &mut names);
                }
                return sorted_list(ctx, names);
            }
            Some(Object::Instance(i)) => {
                let keys: Vec<Value> = i.dict.iter().map(|e| e.key).collect();
                for k in keys {
                    push(ctx, k, &mut names);
                }
                ctx.type_of(v)
            }
            _ => ctx.type_of(v),
        };
        let mro: Vec<ObjRef> = match ctx.vm.heap.get(ty) {
            Object::Type(t) => t.mro.clone(),
            _ => Vec::new(),
        };
        for t in mro {
            let (keys, natives): (Vec<Value>, &'static [Native]) = match ctx.vm.heap.get(t) {
                Object::Type(t) => (t.dict.iter().map(|e| e.key).collect(), t.natives),
                _ => (Vec::new(), &[]),
            };
            for k in keys {
                push(ctx, k, &mut names);
            }
            for n in natives {
                let k = ctx.intern(n.name)?;
                push(ctx, k, &mut names);
            }
        }
    }
    sorted_list(ctx, names)
}

fn sorted_list(ctx: &mut Ctx<'_>, names: Vec<Value>) -> PyResult<Value> {
    let list = ctx.new_list(names)?;
    objects::list::sort(ctx, list, Value::None, false)?;
    Ok(list)
}

fn input(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    let t = ctx.vm.types.eof_error;
    Err(ctx.error(t, "EOF when reading a line"))
}

static FUNCTIONS: &[Native] = &[
    Native::function("print", print),
    Native::function("len", len),
    Native::function("repr", repr),
    Native::function("ascii", ascii),
    Native::function("format", builtin_format),
    Native::function("isinstance", isinstance),
    Native::function("issubclass", issubclass),
    Native::function("callable", callable),
    Native::function("id", id),
    Native::function("hash", hash),
    Native::function("getattr", getattr),
    Native::function("setattr", setattr),
    Native::function("delattr", delattr),
    Native::function("hasattr", hasattr),
    Native::function("iter", builtin_iter),
    Native::function("next", next),
    Native::function("abs", abs),
    Native::function("min", min),
    Native::function("max", max),
    Native::function("sum", sum),
    Native::function("sorted", sorted),
    Native::function("any", any),
    Native::function("all", all),
    Native::function("chr", chr),
    Native::function("ord", ord),
    Native::function("bin", bin),
    Native::function("oct", oct),
    Native::function("hex", hex),
    Native::function("divmod", divmod),
    Native::function("pow", pow),
    Native::function("round", round),
    Native::function("globals", globals),
    Native::function("locals", locals),
    Native::function("vars", vars),
    Native::function("dir", dir),
    Native::function("input", input),
];
