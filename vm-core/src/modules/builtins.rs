//! `builtins`: the functions and types every module sees.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{BinOp, CmpOp};
use crate::heap::HeapFull;
use crate::interp::{Ctx, attr, class, format, iter, ops};
use crate::native::{Args, Native, Sig};
use crate::objects::{self, Dict, Object, int};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::{Flow, PyResult};

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

static PRINT: Sig = Sig::new("print", &["sep", "end", "file", "flush"], 0).maxpos(0);

fn print(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let n = args.positional();
    let kw_only = Args {
        start: args.start + n,
        count: args.count - n,
        ..args
    };
    let [sep, end, file, flush] = ctx.bind(kw_only, 0, &PRINT)?;
    let text_of = |ctx: &mut Ctx<'_>, name: &str, v: Option<Value>, default: &str| match v {
        None | Some(Value::None) => Ok(String::from(default)),
        Some(v) => match ctx.str_ref(v) {
            Some(s) => Ok(String::from(s)),
            None => {
                let t = ctx.type_name(v);
                Err(ctx.type_error(alloc::format!("{name} must be None or a string, not {t}")))
            }
        },
    };
    let sep = text_of(ctx, "sep", sep, " ")?;
    let end = text_of(ctx, "end", end, "\n")?;
    let file = file.filter(|f| !f.is_none());
    if let Some(f) = file {
        let key = ctx.intern("write")?;
        let write = attr::get_attr(ctx, f, key)?;
        for i in 0..n {
            if i > 0 {
                let s = ctx.new_str(&sep)?;
                ctx.call(write, &[s])?;
            }
            let v = ctx.arg(args, i);
            let text = format::str(ctx, v)?;
            let s = ctx.new_string(text)?;
            ctx.call(write, &[s])?;
        }
        let s = ctx.new_string(end)?;
        ctx.call(write, &[s])?;
        if let Some(flush) = flush
            && ctx.truthy(flush)?
        {
            let key = ctx.intern("flush")?;
            let f = attr::get_attr(ctx, f, key)?;
            ctx.call(f, &[])?;
        }
        return Ok(Value::None);
    }
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push_str(&sep);
        }
        let v = ctx.arg(args, i);
        out.push_str(&format::str(ctx, v)?);
    }
    out.push_str(&end);
    ctx.vm.host.write_stdout(&out);
    Ok(Value::None)
}

fn len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "len")?;
    Ok(Value::Int(ctx.len(v)? as i64))
}

fn repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "repr")?;
    let s = format::repr(ctx, v)?;
    ctx.new_string(s)
}

fn ascii(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "ascii")?;
    let s = format::ascii(ctx, v)?;
    ctx.new_string(s)
}

fn builtin_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "format", 1, 2)?;
    let v = ctx.arg(args, 0);
    let spec = match ctx.opt_arg(args, 1) {
        Some(s) => match ctx.str_ref(s) {
            Some(s) => String::from(s),
            None => {
                let t = ctx.type_name(s);
                return Err(
                    ctx.type_error(alloc::format!("format() argument 2 must be str, not {t}"))
                );
            }
        },
        None => String::new(),
    };
    let s = format::format(ctx, v, &spec)?;
    ctx.new_string(s)
}

fn isinstance(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "isinstance", 2, 2)?;
    let (v, c) = (ctx.arg(args, 0), ctx.arg(args, 1));
    Ok(Value::Bool(class::isinstance(ctx, v, c)?))
}

/// Whether `v` is a class or a (nested) tuple of classes.
fn classes_ok(ctx: &Ctx<'_>, v: Value) -> bool {
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Type(_)) => true,
        Some(Object::Tuple(items)) => items.iter().all(|c| classes_ok(ctx, *c)),
        _ => false,
    }
}

fn issubclass(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "issubclass", 2, 2)?;
    let (v, c) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let Some(t) = v
        .as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Type(_)))
    else {
        return Err(ctx.type_error("issubclass() arg 1 must be a class"));
    };
    if !classes_ok(ctx, c) {
        return Err(
            ctx.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    }
    Ok(Value::Bool(class::subclass_check(ctx, t, c, "issubclass")?))
}

fn callable(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "callable")?;
    Ok(Value::Bool(crate::interp::call::is_callable(ctx, v)))
}

fn id(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "id")?;
    Ok(Value::Int(format::address(v) as i64))
}

fn hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "hash")?;
    Ok(Value::Int(ctx.hash(v)?))
}

/// An attribute name argument (`attribute name must be string, not 'int'`).
fn attr_name(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    if ctx.str_ref(v).is_none() {
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!("attribute name must be string, not '{t}'")));
    }
    ctx.intern_value(v)
}

fn getattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "getattr", 2, 3)?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    if let Some(default) = ctx.opt_arg(args, 2) {
        return match attr::find_attr(ctx, obj, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(default),
            Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.attribute_error) => Ok(default),
            Err(e) => Err(e),
        };
    }
    attr::get_attr(ctx, obj, name)
}

fn setattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "setattr", 3, 3)?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    let v = ctx.arg(args, 2);
    attr::set_attr(ctx, obj, name, v)?;
    Ok(Value::None)
}

fn delattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "delattr", 2, 2)?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    attr::del_attr(ctx, obj, name)?;
    Ok(Value::None)
}

fn hasattr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "hasattr", 2, 2)?;
    let obj = ctx.arg(args, 0);
    let name = ctx.arg(args, 1);
    let name = attr_name(ctx, name)?;
    match attr::find_attr(ctx, obj, name) {
        Ok(found) => Ok(Value::Bool(found.is_some())),
        Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.attribute_error) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn builtin_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "iter", 1, 2)?;
    let v = ctx.arg(args, 0);
    if let Some(sentinel) = ctx.opt_arg(args, 1) {
        if !crate::interp::call::is_callable(ctx, v) {
            return Err(ctx.type_error("iter(v, w): v must be callable"));
        }
        return objects::iter::callable_iter(ctx, v, sentinel);
    }
    iter::get_iter(ctx, v)
}

fn next(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "next", 1, 2)?;
    let it = ctx.arg(args, 0);
    let is_iter = matches!(
        it.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Iter(_) | Object::Generator(_))
    ) || ctx.type_lookup_str(ctx.type_of(it), "__next__").is_some();
    if !is_iter {
        let t = ctx.type_name(it);
        return Err(ctx.type_error(alloc::format!("'{t}' object is not an iterator")));
    }
    // A generator's return value travels in the `StopIteration`.
    match ctx.next_step(it)? {
        crate::interp::iter::Step::Item(v) => Ok(v),
        crate::interp::iter::Step::Done(value) => match ctx.opt_arg(args, 1) {
            Some(default) => Ok(default),
            None => Err(crate::interp::iter::stop_iteration(ctx, value)),
        },
    }
}

fn abs(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "abs")?;
    match v {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(i) if i != i64::MIN => Ok(Value::Int(i.abs())),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        _ => {
            if let Some(b) = int::to_big(ctx, v) {
                return int::from_big(ctx, num_traits::Signed::abs(&b));
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
fn extreme(ctx: &mut Ctx<'_>, args: Args, name: &'static str, want: CmpOp) -> PyResult<Value> {
    let n = args.positional();
    if n == 0 {
        return Err(ctx.type_error(alloc::format!("{name} expected at least 1 argument, got 0")));
    }
    let kw_only = Args {
        start: args.start + n,
        count: args.count - n,
        ..args
    };
    let sig = Sig::new(name, &["key", "default"], 0).maxpos(0);
    let [key, default] = ctx.bind(kw_only, 0, &sig)?;
    let key = key.filter(|k| !k.is_none());
    if n > 1 && default.is_some() {
        return Err(ctx.type_error(alloc::format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let items = if n == 1 {
        let v = ctx.arg(args, 0);
        ctx.collect(v)?
    } else {
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
                let better = match ops::fast_compare(want, k, bk) {
                    Some(b) => b,
                    None => {
                        let r = ops::compare(ctx, want, k, bk)?;
                        ctx.truthy(r)?
                    }
                };
                if better {
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

static SUM: Sig = Sig::new("sum", &["", "start"], 1).posonly(1);

fn sum(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let [iterable, start] = ctx.bind(args, 0, &SUM)?;
    let v = iterable.unwrap_or(Value::None);
    let it = iter::get_iter(ctx, v)?;
    let mut total = start.unwrap_or(Value::Int(0));
    if ctx.str_ref(total).is_some() {
        return Err(ctx.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if let Some(Object::Bytes(_) | Object::ByteArray(_)) =
        total.as_obj().map(|r| ctx.vm.heap.get(r))
    {
        let t = ctx.type_name(total);
        return Err(ctx.type_error(alloc::format!(
            "sum() can't sum {t} [use b''.join(seq) instead]"
        )));
    }
    while let Some(item) = ctx.next(it)? {
        total = match ops::fast_binary(BinOp::Add, total, item) {
            Some(r) => r,
            None => ops::binary(ctx, BinOp::Add, total, item)?,
        };
    }
    Ok(total)
}

static SORTED: Sig = Sig::new("sort", &["key", "reverse"], 0).maxpos(0);

fn sorted(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let n = args.positional();
    if n != 1 {
        return Err(ctx.type_error(alloc::format!("sorted expected 1 argument, got {n}")));
    }
    let kw_only = Args {
        start: args.start + 1,
        count: args.count - 1,
        ..args
    };
    let v = ctx.arg(args, 0);
    let items = ctx.collect(v)?;
    let [key, reverse] = ctx.bind(kw_only, 0, &SORTED)?;
    let list = ctx.new_list(items)?;
    let reverse = match reverse {
        Some(r) => ctx.index_value(r)? != 0,
        None => false,
    };
    objects::list::sort(ctx, list, key.unwrap_or(Value::None), reverse)?;
    Ok(list)
}

fn any(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "any")?;
    let it = iter::get_iter(ctx, v)?;
    while let Some(item) = ctx.next(it)? {
        if ctx.truthy(item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "all")?;
    let it = iter::get_iter(ctx, v)?;
    while let Some(item) = ctx.next(it)? {
        if !ctx.truthy(item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn chr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "chr")?;
    let i = ctx.index_int(v)?;
    let Some(i) = int::small_int(ctx, i).filter(|i| i32::try_from(*i).is_ok()) else {
        return Err(ctx.overflow_error("Python int too large to convert to C int"));
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => objects::str::new_char(ctx, c),
        None => Err(ctx.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", "ord")?;
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
    if let Some(b) = objects::bytes::data(ctx, v) {
        return match b {
            [c] => Ok(Value::Int(*c as i64)),
            _ => {
                let n = b.len();
                Err(ctx.type_error(alloc::format!(
                    "ord() expected a character, but string of length {n} found"
                )))
            }
        };
    }
    let t = ctx.type_name(v);
    Err(ctx.type_error(alloc::format!(
        "ord() expected string of length 1, but {t} found"
    )))
}

fn radix(ctx: &mut Ctx<'_>, args: Args, name: &str, spec: &str) -> PyResult<Value> {
    let v = ctx.one_arg(args, 0, "", name)?;
    let i = ctx.index_int(v)?;
    let s = int::format(ctx, i, spec)?;
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
    ctx.positional_only(args, 0, "", "divmod", 2, 2)?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let numbers = |ctx: &Ctx<'_>, v: Value| int::is_int(ctx, v) || matches!(v, Value::Float(_));
    if numbers(ctx, a) && numbers(ctx, b) {
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            let y = ctx.float_value(b)?;
            if y == 0.0 {
                return Err(ctx.zero_division("float divmod()"));
            }
        } else if int::to_big(ctx, b).is_some_and(|y| num_traits::Zero::is_zero(&y)) {
            return Err(ctx.zero_division("integer division or modulo by zero"));
        }
        let q = ops::binary(ctx, BinOp::FloorDiv, a, b)?;
        let r = ops::binary(ctx, BinOp::Mod, a, b)?;
        return ctx.new_tuple(alloc::vec![q, r]);
    }
    for (obj, other, name) in [(a, b, "__divmod__"), (b, a, "__rdivmod__")] {
        let ty = ctx.type_of(obj);
        if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, name) {
            let r = ctx.call(f, &[obj, other])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let (ua, ub) = (ops::unwrap_builtin(ctx, a), ops::unwrap_builtin(ctx, b));
    if (!ua.is(a) || !ub.is(b)) && numbers(ctx, ua) && numbers(ctx, ub) {
        let q = ops::binary(ctx, BinOp::FloorDiv, ua, ub)?;
        let r = ops::binary(ctx, BinOp::Mod, ua, ub)?;
        return ctx.new_tuple(alloc::vec![q, r]);
    }
    let (ta, tb) = (ctx.type_name(a), ctx.type_name(b));
    Err(ctx.type_error(alloc::format!(
        "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
    )))
}

static POW: Sig = Sig::new("pow", &["base", "exp", "mod"], 2);

fn pow(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let [base, exp, m] = ctx.bind(args, 0, &POW)?;
    let (a, b) = (base.unwrap_or(Value::None), exp.unwrap_or(Value::None));
    match m.filter(|m| !m.is_none()) {
        None => ops::binary(ctx, BinOp::Pow, a, b),
        Some(m) => {
            let ty = ctx.type_of(a);
            if !int::is_int(ctx, a)
                && let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__pow__")
            {
                return ctx.call(f, &[a, b, m]);
            }
            let number =
                |ctx: &Ctx<'_>, v: Value| int::is_int(ctx, v) || matches!(v, Value::Float(_));
            if !(number(ctx, a) && number(ctx, b) && number(ctx, m)) {
                let (ta, tb, tm) = (ctx.type_name(a), ctx.type_name(b), ctx.type_name(m));
                return Err(ctx.type_error(alloc::format!(
                    "unsupported operand type(s) for ** or pow(): '{ta}', '{tb}', '{tm}'"
                )));
            }
            int::pow_mod(ctx, a, b, m)
        }
    }
}

static ROUND: Sig = Sig::new("round", &["number", "ndigits"], 1);

fn round(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let [number, ndigits] = ctx.bind(args, 0, &ROUND)?;
    let v = number.unwrap_or(Value::None);
    let nd = ndigits.unwrap_or(Value::None);
    match v {
        Value::Float(f) => objects::float::round(ctx, f, nd),
        Value::Bool(b) => int::round(ctx, Value::Int(b as i64), nd),
        _ if int::is_int(ctx, v) => int::round(ctx, v, nd),
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

fn globals(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "globals", 0, 0)?;
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
    ctx.positional_only(args, 0, "", "vars", 0, 1)?;
    let Some(v) = ctx.opt_arg(args, 0) else {
        return locals(ctx, args);
    };
    let key = ctx.intern("__dict__")?;
    match attr::find_attr(ctx, v, key)? {
        Some(d) => Ok(d),
        None => Err(ctx.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "dir", 0, 1)?;
    let mut names: Vec<Value> = Vec::new();
    let Some(v) = ctx.opt_arg(args, 0) else {
        let d = locals(ctx, args)?;
        names = ctx.collect(d)?;
        return sorted_list(ctx, names);
    };
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
        Some(Object::Instance(_)) => {
            let keys = crate::interp::attr::instance_keys(ctx, v);
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
    sorted_list(ctx, names)
}

fn sorted_list(ctx: &mut Ctx<'_>, names: Vec<Value>) -> PyResult<Value> {
    let list = ctx.new_list(names)?;
    objects::list::sort(ctx, list, Value::None, false)?;
    Ok(list)
}

fn input(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "input", 0, 1)?;
    if let Some(prompt) = ctx.opt_arg(args, 0) {
        let text = format::str(ctx, prompt)?;
        ctx.vm.host.write_stdout(&text);
    }
    let t = ctx.vm.types.eof_error;
    Err(ctx.error(t, "EOF when reading a line"))
}

static FUNCTIONS: &[Native] = &[
    Native::function("abs", abs),
    Native::function("all", all),
    Native::function("any", any),
    Native::function("ascii", ascii),
    Native::function("bin", bin),
    Native::function("callable", callable),
    Native::function("chr", chr),
    Native::function("delattr", delattr),
    Native::function("dir", dir),
    Native::function("divmod", divmod),
    Native::function("format", builtin_format),
    Native::function("getattr", getattr),
    Native::function("globals", globals),
    Native::function("hasattr", hasattr),
    Native::function("hash", hash),
    Native::function("hex", hex),
    Native::function("id", id),
    Native::function("input", input),
    Native::function("isinstance", isinstance),
    Native::function("issubclass", issubclass),
    Native::function("iter", builtin_iter),
    Native::function("len", len),
    Native::function("locals", locals),
    Native::function("max", max),
    Native::function("min", min),
    Native::function("next", next),
    Native::function("oct", oct),
    Native::function("ord", ord),
    Native::function("pow", pow),
    Native::function("print", print),
    Native::function("repr", repr),
    Native::function("round", round),
    Native::function("setattr", setattr),
    Native::function("sorted", sorted),
    Native::function("sum", sum),
    Native::function("vars", vars),
];
