//! Operators: arithmetic, comparison, membership, subscripts, unpacking,
//! truth, equality and hashing, with fast paths for small integers and
//! floats and `__dunder__` dispatch for instances.

use alloc::vec::Vec;

use crate::ast::{BinOp, CmpOp};
use crate::bytecode::Instr;
use crate::interp::Ctx;
use crate::objects::instance::Payload;
use crate::objects::{self, Object, int};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// Integer and float arithmetic that needs no heap and cannot fail.
#[inline(always)]
pub fn fast_binary(op: BinOp, a: Value, b: Value) -> Option<Value> {
    if let Some(r) = int_add_sub(op, a, b) {
        return Some(r);
    }
    fast_binary_rest(op, a, b)
}

/// `int + int` and `int - int` without overflow: the commonest arithmetic
/// of all, kept small enough to inline into the dispatch loop.
#[inline(always)]
fn int_add_sub(op: BinOp, a: Value, b: Value) -> Option<Value> {
    match (op, a, b) {
        (BinOp::Add, Value::Int(x), Value::Int(y)) => x.checked_add(y).map(Value::Int),
        (BinOp::Sub, Value::Int(x), Value::Int(y)) => x.checked_sub(y).map(Value::Int),
        _ => None,
    }
}

#[inline(never)]
fn fast_binary_rest(op: BinOp, a: Value, b: Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => Some(Value::Int(
                x.div_euclid(y) - i64::from(y < 0 && x.rem_euclid(y) != 0),
            )),
            BinOp::Mod if y != 0 && !(x == i64::MIN && y == -1) => {
                let r = x % y;
                Some(Value::Int(if r != 0 && ((r < 0) != (y < 0)) {
                    r + y
                } else {
                    r
                }))
            }
            BinOp::BitAnd => Some(Value::Int(x & y)),
            BinOp::BitOr => Some(Value::Int(x | y)),
            BinOp::BitXor => Some(Value::Int(x ^ y)),
            BinOp::Div
                if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) =>
            {
                Some(Value::Float(x as f64 / y as f64))
            }
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => float_fast(op, x, y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
            float_fast(op, x, y as f64)
        }
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
            float_fast(op, x as f64, y)
        }
        _ => None,
    }
}

#[inline]
fn float_fast(op: BinOp, x: f64, y: f64) -> Option<Value> {
    match op {
        BinOp::Add => Some(Value::Float(x + y)),
        BinOp::Sub => Some(Value::Float(x - y)),
        BinOp::Mul => Some(Value::Float(x * y)),
        BinOp::Div if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}

/// The ordering of two numbers that need no heap (`int` in range, `bool`,
/// `float`): `Some(None)` for a NaN, `None` for anything else.
#[inline]
pub fn fast_compare_order(a: Value, b: Value) -> Option<Option<core::cmp::Ordering>> {
    let as_int = |v: Value| match v {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(i64::from(b)),
        _ => None,
    };
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => Some(Some(x.cmp(&y))),
        _ => match (a, b) {
            (Value::Float(x), Value::Float(y)) => Some(x.partial_cmp(&y)),
            (Value::Float(x), _) => as_int(b)
                .filter(|y| y.unsigned_abs() < (1 << 53))
                .map(|y| x.partial_cmp(&(y as f64))),
            (_, Value::Float(y)) => as_int(a)
                .filter(|x| x.unsigned_abs() < (1 << 53))
                .map(|x| (x as f64).partial_cmp(&y)),
            _ => None,
        },
    }
}

/// Comparisons of numbers that need no heap.
#[inline(always)]
pub fn fast_compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp_ord(op, x.cmp(&y))),
        (Value::Float(x), Value::Float(y)) => cmp_float(op, x, y),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
            cmp_float(op, x as f64, y)
        }
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
            cmp_float(op, x, y as f64)
        }
        _ => None,
    }
}

#[inline(always)]
fn cmp_ord(op: CmpOp, o: core::cmp::Ordering) -> bool {
    use core::cmp::Ordering::*;
    match op {
        CmpOp::Eq => o == Equal,
        CmpOp::NotEq => o != Equal,
        CmpOp::Lt => o == Less,
        CmpOp::LtE => o != Greater,
        CmpOp::Gt => o == Greater,
        CmpOp::GtE => o != Less,
        _ => false,
    }
}

fn cmp_float(op: CmpOp, x: f64, y: f64) -> Option<bool> {
    Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => return None,
    })
}

/// The operator's symbol as error messages show it.
pub fn symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

/// `(__op__, __rop__, __iop__)` for an operator.
pub fn dunders(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

/// Whether `v` is an instance of a user-defined class.
fn is_instance_obj(ctx: &Ctx<'_>, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Instance(_))
    )
}

/// The built-in value inside an instance of a built-in subclass.
pub fn unwrap_builtin(ctx: &Ctx<'_>, v: Value) -> Value {
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Instance(i)) => match i.payload {
            Payload::Value(inner) => inner,
            _ => v,
        },
        _ => v,
    }
}

/// `a op b` for built-in types, or `None` when they do not support it.
fn builtin_binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if let Some(r) = int::binary(ctx, op, a, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = objects::float::binary(ctx, op, a, b)? {
        return Ok(Some(r));
    }
    let Value::Obj(ra) = a else {
        if let (Value::Int(_) | Value::Bool(_), BinOp::Mul) = (a, op) {
            return builtin_binary_seq(ctx, op, b, a);
        }
        return Ok(None);
    };
    match ctx.vm.heap.get(ra) {
        Object::BigInt(_) if op == BinOp::Mul => builtin_binary_seq(ctx, op, b, a),
        _ => builtin_binary_seq(ctx, op, a, b),
    }
}

fn builtin_binary_seq(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let Value::Obj(ra) = a else {
        return Ok(None);
    };
    match ctx.vm.heap.get(ra) {
        Object::Str(_) => objects::str::binary(ctx, op, a, b),
        Object::List(_) => objects::list::binary(ctx, op, a, b),
        Object::Tuple(_) => objects::tuple::binary(ctx, op, a, b),
        Object::Bytes(_) | Object::ByteArray(_) => objects::bytes::binary(ctx, op, a, b),
        Object::Set(_) | Object::DictView(..) => objects::set::binary(ctx, op, a, b),
        Object::Dict(_) => objects::dict::binary(ctx, op, a, b),
        _ => Ok(None),
    }
}

/// `a op b`.
#[inline(never)]
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    binary_or_inplace(ctx, op, a, b, false)
}

/// `a op b`, reporting a failure as `op=` when it is the fallback of an
/// in-place operator.
fn binary_or_inplace(
    ctx: &mut Ctx<'_>,
    op: BinOp,
    a: Value,
    b: Value,
    inplace: bool,
) -> PyResult<Value> {
    let (name, rname, _) = dunders(op);
    let a_inst = is_instance_obj(ctx, a);
    let b_inst = is_instance_obj(ctx, b);
    if !a_inst && !b_inst {
        if let Some(r) = builtin_binary(ctx, op, a, b)? {
            return Ok(r);
        }
        return Err(unsupported(ctx, op, a, b, inplace));
    }
    let ta = ctx.type_of(a);
    let tb = ctx.type_of(b);
    let reflected_first =
        b_inst && tb != ta && ctx.is_subclass(tb, ta) && ctx.has_python_method(tb, rname);
    if reflected_first && let Some(r) = try_dunder(ctx, b, rname, a)? {
        return Ok(r);
    }
    if a_inst && let Some(r) = try_dunder(ctx, a, name, b)? {
        return Ok(r);
    }
    if b_inst
        && !reflected_first
        && tb != ta
        && let Some(r) = try_dunder(ctx, b, rname, a)?
    {
        return Ok(r);
    }
    let (ua, ub) = (unwrap_builtin(ctx, a), unwrap_builtin(ctx, b));
    if (!ua.is(a) || !ub.is(b))
        && let Some(r) = builtin_binary(ctx, op, ua, ub)?
    {
        return Ok(r);
    }
    Err(unsupported(ctx, op, a, b, inplace))
}

/// Call a Python-defined `obj.name(other)`; `None` when it is missing or
/// returns `NotImplemented`.
fn try_dunder(ctx: &mut Ctx<'_>, obj: Value, name: &str, other: Value) -> PyResult<Option<Value>> {
    let ty = ctx.type_of(obj);
    let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, name) else {
        return Ok(None);
    };
    let r = ctx.call(f, &[obj, other])?;
    Ok(if matches!(r, Value::NotImplemented) {
        None
    } else {
        Some(r)
    })
}

fn unsupported(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value, inplace: bool) -> Flow {
    let (ta, tb) = (ctx.type_name(a), ctx.type_name(b));
    if op == BinOp::Add {
        for (seq, name) in [
            (ctx.vm.types.str, "str"),
            (ctx.vm.types.list, "list"),
            (ctx.vm.types.tuple, "tuple"),
        ] {
            if ctx.type_of(a) == seq && ctx.type_of(b) != seq {
                let msg = if name == "str" {
                    alloc::format!("can only concatenate str (not \"{tb}\") to str")
                } else {
                    alloc::format!("can only concatenate {name} (not \"{tb}\") to {name}")
                };
                return ctx.type_error(msg);
            }
        }
    }
    if op == BinOp::Mul {
        let seq = |v: Value| {
            matches!(
                v.as_obj().map(|r| ctx.vm.heap.get(r)),
                Some(
                    Object::Str(_)
                        | Object::List(_)
                        | Object::Tuple(_)
                        | Object::Bytes(_)
                        | Object::ByteArray(_)
                )
            )
        };
        if seq(a) || seq(b) {
            let other = if seq(a) { tb.clone() } else { ta.clone() };
            return ctx.type_error(alloc::format!(
                "can't multiply sequence by non-int of type '{other}'"
            ));
        }
    }
    let symbol = match (op, inplace) {
        (BinOp::Pow, true) => "**=",
        (_, true) => {
            return ctx.type_error(alloc::format!(
                "unsupported operand type(s) for {}=: '{ta}' and '{tb}'",
                symbol(op)
            ));
        }
        _ => symbol(op),
    };
    ctx.type_error(alloc::format!(
        "unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'"
    ))
}

/// `a op= b`: in place for mutable built-ins and `__iop__`.
#[inline(never)]
pub fn inplace(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let Value::Obj(r) = a {
        match ctx.vm.heap.get(r) {
            Object::List(_) if op == BinOp::Add => {
                for v in ctx.collect(b)? {
                    ctx.list_push(a, v)?;
                }
                return Ok(a);
            }
            Object::List(_) if op == BinOp::Mul => {
                objects::list::repeat_in_place(ctx, a, b)?;
                return Ok(a);
            }
            Object::Set(s) if !s.frozen => {
                if let Some(r) = objects::set::inplace(ctx, op, a, b)? {
                    return Ok(r);
                }
            }
            Object::ByteArray(_) if op == BinOp::Add => {
                objects::bytes::extend(ctx, a, b)?;
                return Ok(a);
            }
            Object::Dict(_) if op == BinOp::BitOr => {
                ctx.dict_update(a, b, false)?;
                return Ok(a);
            }
            Object::Instance(_) => {
                let (_, _, iname) = dunders(op);
                if let Some(r) = try_dunder(ctx, a, iname, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
    }
    binary_or_inplace(ctx, op, a, b, true)
}

/// Unary `-`, `+`, `~`.
pub fn unary(ctx: &mut Ctx<'_>, instr: Instr, a: Value) -> PyResult<Value> {
    let (name, symbol) = match instr {
        Instr::UnaryNeg => ("__neg__", "-"),
        Instr::UnaryPos => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if let Some(r) = int::unary(ctx, instr, a)? {
        return Ok(r);
    }
    if let Value::Float(f) = a {
        match instr {
            Instr::UnaryNeg => return Ok(Value::Float(-f)),
            Instr::UnaryPos => return Ok(Value::Float(f)),
            _ => {}
        }
    }
    if is_instance_obj(ctx, a) {
        let ty = ctx.type_of(a);
        if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, name) {
            return ctx.call(f, &[a]);
        }
        let inner = unwrap_builtin(ctx, a);
        if !inner.is(a) {
            return unary(ctx, instr, inner);
        }
    }
    let t = ctx.type_name(a);
    Err(ctx.type_error(alloc::format!("bad operand type for unary {symbol}: '{t}'")))
}

/// A rich comparison `a op b`.
pub fn compare(ctx: &mut Ctx<'_>, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
    match op {
        CmpOp::Eq => rich_eq(ctx, a, b).map(|v| match v {
            Value::NotImplemented => Value::Bool(a.is(b)),
            v => v,
        }),
        CmpOp::NotEq => {
            let (ta, tb) = (ctx.type_of(a), ctx.type_of(b));
            if (ctx.has_python_method(ta, "__ne__") || ctx.has_python_method(tb, "__ne__"))
                && let Some(r) = rich_dunder(ctx, a, b, "__ne__", "__ne__")?
            {
                return Ok(r);
            }
            Ok(match rich_eq(ctx, a, b)? {
                Value::NotImplemented => Value::Bool(!a.is(b)),
                Value::Bool(e) => Value::Bool(!e),
                other => Value::Bool(!ctx.truthy(other)?),
            })
        }
        _ => order(ctx, op, a, b),
    }
}

/// `a == b` as the `__eq__` protocol answers it (may be `NotImplemented`
/// when neither side knows).
pub fn rich_eq(ctx: &mut Ctx<'_>, a: Value, b: Value) -> PyResult<Value> {
    if let Some(e) = simple_eq(ctx, a, b, 0) {
        return Ok(Value::Bool(e));
    }
    if let Some(r) = rich_dunder(ctx, a, b, "__eq__", "__eq__")? {
        return Ok(r);
    }
    let (ua, ub) = (unwrap_builtin(ctx, a), unwrap_builtin(ctx, b));
    if !ua.is(a) || !ub.is(b) {
        return rich_eq(ctx, ua, ub);
    }
    if let Some(e) = container_eq(ctx, a, b)? {
        return Ok(Value::Bool(e));
    }
    Ok(Value::NotImplemented)
}

/// Try `a.name(b)` then the reflected `b.rname(a)` for Python-defined
/// methods.
fn rich_dunder(
    ctx: &mut Ctx<'_>,
    a: Value,
    b: Value,
    name: &str,
    rname: &str,
) -> PyResult<Option<Value>> {
    let (ta, tb) = (ctx.type_of(a), ctx.type_of(b));
    let b_first = tb != ta && ctx.is_subclass(tb, ta) && ctx.has_python_method(tb, rname);
    if b_first && let Some(r) = try_dunder(ctx, b, rname, a)? {
        return Ok(Some(r));
    }
    if ctx.has_python_method(ta, name)
        && let Some(r) = try_dunder(ctx, a, name, b)?
    {
        return Ok(Some(r));
    }
    if !b_first
        && ctx.has_python_method(tb, rname)
        && let Some(r) = try_dunder(ctx, b, rname, a)?
    {
        return Ok(Some(r));
    }
    Ok(None)
}

/// Equality of built-in values decided without running Python code, or
/// `None` when Python code (or a deep container walk) must decide.
pub fn simple_eq(ctx: &Ctx<'_>, a: Value, b: Value, depth: u32) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            Some(objects::float::int_eq_float(x, y))
        }
        (Value::Bool(x), _) => simple_eq(ctx, Value::Int(x as i64), b, depth),
        (_, Value::Bool(y)) => simple_eq(ctx, a, Value::Int(y as i64), depth),
        (Value::None, Value::None)
        | (Value::NotImplemented, Value::NotImplemented)
        | (Value::Ellipsis, Value::Ellipsis) => Some(true),
        (Value::Native(x), Value::Native(y)) => Some(core::ptr::eq(x, y)),
        (Value::Obj(x), Value::Obj(y)) => {
            let (ox, oy) = (ctx.vm.heap.get(x), ctx.vm.heap.get(y));
            match (ox, oy) {
                (Object::Str(s), Object::Str(t)) => {
                    Some(x == y || (s.hash() == t.hash() && s.as_str() == t.as_str()))
                }
                (Object::BigInt(s), Object::BigInt(t)) => Some(s == t),
                (Object::Slice(_), Object::Slice(_)) if x != y => None,
                (Object::Bytes(s), Object::Bytes(t)) => Some(s == t),
                (Object::Tuple(s), Object::Tuple(t)) => {
                    if x == y {
                        return Some(true);
                    }
                    if s.len() != t.len() {
                        return Some(false);
                    }
                    if depth > 16 {
                        return None;
                    }
                    for (p, q) in s.iter().zip(t.iter()) {
                        if !p.is(*q) && !simple_eq(ctx, *p, *q, depth + 1)? {
                            return Some(false);
                        }
                    }
                    Some(true)
                }
                (Object::Instance(_), _) | (_, Object::Instance(_)) => None,
                (Object::List(_), Object::List(_))
                | (Object::Dict(_), Object::Dict(_))
                | (Object::Set(_), Object::Set(_))
                | (Object::ByteArray(_), _)
                | (_, Object::ByteArray(_))
                | (Object::Range(_), Object::Range(_))
                | (Object::DictView(..), _)
                | (_, Object::DictView(..)) => {
                    if x == y && !matches!(ox, Object::List(_) | Object::Dict(_)) {
                        Some(true)
                    } else {
                        None
                    }
                }
                _ => Some(x == y),
            }
        }
        (Value::Obj(r), _) | (_, Value::Obj(r)) => match ctx.vm.heap.get(r) {
            Object::Instance(_) => None,
            Object::BigInt(_) => Some(matches!(
                int::compare_numbers(ctx, a, b),
                Some(Some(core::cmp::Ordering::Equal))
            )),
            _ => Some(false),
        },
        _ => Some(false),
    }
}

/// Equality of containers, element by element.
fn container_eq(ctx: &mut Ctx<'_>, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
        return Ok(None);
    };
    enum Kind {
        Seq(Vec<Value>, Vec<Value>),
        Dict,
        Set,
        Bytes,
        Range,
    }
    let kind = match (ctx.vm.heap.get(x), ctx.vm.heap.get(y)) {
        (Object::List(p), Object::List(q)) => Kind::Seq(p.clone(), q.clone()),
        (Object::Tuple(p), Object::Tuple(q)) => Kind::Seq(p.to_vec(), q.to_vec()),
        (Object::Dict(_), Object::Dict(_)) => Kind::Dict,
        (Object::Set(_) | Object::DictView(..), Object::Set(_) | Object::DictView(..)) => Kind::Set,
        (Object::Bytes(_) | Object::ByteArray(_), Object::Bytes(_) | Object::ByteArray(_)) => {
            Kind::Bytes
        }
        (Object::Slice(p), Object::Slice(q)) => Kind::Seq(p.to_vec(), q.to_vec()),
        (Object::Range(p), Object::Range(q)) => {
            let _ = (p, q);
            Kind::Range
        }
        _ => return Ok(None),
    };
    ctx.check_stack(" in comparison")?;
    match kind {
        Kind::Seq(p, q) => {
            if p.len() != q.len() {
                return Ok(Some(false));
            }
            for (u, v) in p.into_iter().zip(q) {
                if !u.is(v) && !ctx.eq(u, v)? {
                    return Ok(Some(false));
                }
            }
            Ok(Some(true))
        }
        Kind::Dict => objects::dict::dicts_equal(ctx, a, b).map(Some),
        Kind::Set => objects::set::sets_equal(ctx, a, b),
        Kind::Bytes => Ok(Some(
            objects::bytes::as_slice(ctx, a) == objects::bytes::as_slice(ctx, b),
        )),
        Kind::Range => Ok(Some(objects::range::ranges_equal(ctx, a, b))),
    }
}

/// Ordering comparisons `<`, `<=`, `>`, `>=`.
fn order(ctx: &mut Ctx<'_>, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
    let (name, rname) = match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    };
    if is_instance_obj(ctx, a) || is_instance_obj(ctx, b) {
        if let Some(r) = rich_dunder(ctx, a, b, name, rname)? {
            return Ok(r);
        }
        let (ua, ub) = (unwrap_builtin(ctx, a), unwrap_builtin(ctx, b));
        if !ua.is(a) || !ub.is(b) {
            return order(ctx, op, ua, ub);
        }
    } else if let Some(o) = builtin_order(ctx, a, b)? {
        return Ok(Value::Bool(match o {
            Some(o) => cmp_ord(op, o),
            None => false,
        }));
    } else if let Some(r) = objects::set::compare(ctx, op, a, b)? {
        return Ok(Value::Bool(r));
    }
    let sym = match op {
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        _ => ">=",
    };
    let (ta, tb) = (ctx.type_name(a), ctx.type_name(b));
    Err(ctx.type_error(alloc::format!(
        "'{sym}' not supported between instances of '{ta}' and '{tb}'"
    )))
}

/// The ordering of two built-in values of comparable types: `Some(None)`
/// for unordered floats (NaN), `None` when the types do not compare.
pub fn builtin_order(
    ctx: &mut Ctx<'_>,
    a: Value,
    b: Value,
) -> PyResult<Option<Option<core::cmp::Ordering>>> {
    if let Some(o) = int::compare_numbers(ctx, a, b) {
        return Ok(Some(o));
    }
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
        return Ok(None);
    };
    let seqs = match (ctx.vm.heap.get(x), ctx.vm.heap.get(y)) {
        (Object::Str(s), Object::Str(t)) => return Ok(Some(Some(s.as_str().cmp(t.as_str())))),
        (Object::Bytes(_) | Object::ByteArray(_), Object::Bytes(_) | Object::ByteArray(_)) => {
            let o = objects::bytes::as_slice(ctx, a).cmp(&objects::bytes::as_slice(ctx, b));
            return Ok(Some(Some(o)));
        }
        (Object::List(_), Object::List(_)) | (Object::Tuple(_), Object::Tuple(_)) => (x, y),
        _ => return Ok(None),
    };
    let (p, q) = seqs;
    ctx.check_stack(" in comparison")?;
    // Item by item, read afresh each step: an `__eq__` may change a list.
    let item = |ctx: &Ctx<'_>, r: ObjRef, i: usize| match ctx.vm.heap.get(r) {
        Object::List(items) => items.get(i).copied(),
        Object::Tuple(items) => items.get(i).copied(),
        _ => None,
    };
    let len = |ctx: &Ctx<'_>, r: ObjRef| match ctx.vm.heap.get(r) {
        Object::List(items) => items.len(),
        Object::Tuple(items) => items.len(),
        _ => 0,
    };
    let mut i = 0;
    while let (Some(u), Some(v)) = (item(ctx, p, i), item(ctx, q, i)) {
        i += 1;
        if u.is(v) || ctx.eq(u, v)? {
            continue;
        }
        if let Some(o) = fast_compare_order(u, v) {
            return Ok(Some(Some(match o {
                Some(core::cmp::Ordering::Less) => core::cmp::Ordering::Less,
                _ => core::cmp::Ordering::Greater,
            })));
        }
        let lt = compare(ctx, CmpOp::Lt, u, v)?;
        if ctx.truthy(lt)? {
            return Ok(Some(Some(core::cmp::Ordering::Less)));
        }
        return Ok(Some(Some(core::cmp::Ordering::Greater)));
    }
    Ok(Some(Some(len(ctx, p).cmp(&len(ctx, q)))))
}

impl Ctx<'_> {
    /// `a == b` as a boolean.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(e) = simple_eq(self, a, b, 0) {
            return Ok(e);
        }
        let r = compare(self, CmpOp::Eq, a, b)?;
        self.truthy(r)
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Unbound => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::NotImplemented | Value::Ellipsis | Value::Native(_) => true,
            Value::Obj(r) => match self.vm.heap.get(r) {
                Object::Str(s) => !s.as_str().is_empty(),
                Object::Bytes(b) => !b.is_empty(),
                Object::ByteArray(b) => !b.is_empty(),
                Object::BigInt(_) => true,
                Object::Tuple(t) => !t.is_empty(),
                Object::List(l) => !l.is_empty(),
                Object::Dict(d) => !d.is_empty(),
                Object::Set(s) => !s.is_empty(),
                Object::Range(rg) => !rg.is_empty(),
                Object::DictView(_, d) => match self.vm.heap.get(*d) {
                    Object::Dict(d) => !d.is_empty(),
                    _ => false,
                },
                Object::Instance(_) => return self.instance_truthy(v),
                _ => true,
            },
        })
    }

    fn instance_truthy(&mut self, v: Value) -> PyResult<bool> {
        let ty = self.type_of(v);
        if let Some(f @ Value::Obj(_)) = self.type_lookup_str(ty, "__bool__") {
            let r = self.call(f, &[v])?;
            return match r {
                Value::Bool(b) => Ok(b),
                _ => {
                    let t = self.type_name(r);
                    Err(self
                        .type_error(alloc::format!("__bool__ should return bool, returned {t}")))
                }
            };
        }
        if let Some(f @ Value::Obj(_)) = self.type_lookup_str(ty, "__len__") {
            let r = self.call(f, &[v])?;
            return Ok(self.index_value(r)? != 0);
        }
        let inner = unwrap_builtin(self, v);
        if !inner.is(v) {
            return self.truthy(inner);
        }
        Ok(true)
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        let h = match v {
            Value::Int(i) => int::hash_i64(i),
            Value::Bool(b) => b as i64,
            Value::Float(f) => objects::float::hash_float(f),
            Value::None => 0x5f3759df,
            Value::NotImplemented => 0x4e6f74,
            Value::Ellipsis => 0x2e2e2e,
            Value::Native(n) => (n as *const _ as usize >> 4) as i64,
            Value::Unbound => 0,
            Value::Obj(r) => match self.vm.heap.get(r) {
                Object::Str(s) => s.hash(),
                Object::BigInt(b) => int::hash_big(b),
                Object::Bytes(b) => objects::str::hash_bytes(b),
                Object::Tuple(items) => {
                    let items = items.to_vec();
                    return self.hash_tuple(&items);
                }
                Object::Set(s) if s.frozen => {
                    let hashes: Vec<i64> = s.iter().map(|(h, _)| h).collect();
                    objects::set::hash_frozenset(&hashes)
                }
                Object::Range(rg) => {
                    let key = objects::range::hash_key(rg);
                    return self.hash_tuple(&key);
                }
                Object::List(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::ByteArray(_)
                | Object::Slice(_)
                | Object::DictView(..) => {
                    let t = self.type_name(v);
                    return Err(self.type_error(alloc::format!("unhashable type: '{t}'")));
                }
                Object::Instance(_) => return self.instance_hash(v),
                _ => (crate::interp::format::address(v) >> 4) as i64,
            },
        };
        Ok(h)
    }

    fn hash_tuple(&mut self, items: &[Value]) -> PyResult<i64> {
        self.check_stack("")?;
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc = P5;
        for item in items {
            let lane = self.hash(*item)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        Ok(if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        })
    }

    fn instance_hash(&mut self, v: Value) -> PyResult<i64> {
        let ty = self.type_of(v);
        match self.type_lookup_str(ty, "__hash__") {
            Some(Value::None) => {
                let t = self.type_name(v);
                Err(self.type_error(alloc::format!("unhashable type: '{t}'")))
            }
            Some(f @ Value::Obj(_)) => {
                let r = self.call(f, &[v])?;
                match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(b as i64),
                    _ => match r.as_obj().map(|o| self.vm.heap.get(o)) {
                        Some(Object::BigInt(b)) => Ok(int::hash_big(b)),
                        _ => Err(self.type_error("__hash__ method should return an integer")),
                    },
                }
            }
            _ => {
                let inner = unwrap_builtin(self, v);
                if !inner.is(v) {
                    return self.hash(inner);
                }
                Ok((crate::interp::format::address(v) >> 4) as i64)
            }
        }
    }
}

/// `item in container`.
pub fn contains(ctx: &mut Ctx<'_>, container: Value, item: Value) -> PyResult<bool> {
    if let Value::Obj(r) = container {
        match ctx.vm.heap.get(r) {
            Object::Str(_) => return objects::str::contains(ctx, container, item),
            Object::List(items) => {
                let items = items.clone();
                return seq_contains(ctx, &items, item);
            }
            Object::Tuple(items) => {
                let items = items.to_vec();
                return seq_contains(ctx, &items, item);
            }
            Object::Dict(_) => return Ok(ctx.dict_lookup(container, item)?.is_some()),
            Object::Set(_) => return ctx.set_contains(container, item),
            Object::Range(rg) => {
                let rg = *rg;
                return Ok(objects::range::contains(ctx, &rg, item));
            }
            Object::Bytes(_) | Object::ByteArray(_) => {
                return objects::bytes::contains(ctx, container, item);
            }
            Object::DictView(..) => return objects::dict::view_contains(ctx, container, item),
            Object::Instance(_) => {
                let ty = ctx.type_of(container);
                if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__contains__") {
                    let r = ctx.call(f, &[container, item])?;
                    return ctx.truthy(r);
                }
                let inner = unwrap_builtin(ctx, container);
                if !inner.is(container) {
                    return contains(ctx, inner, item);
                }
            }
            _ => {}
        }
    }
    let it = match crate::interp::iter::get_iter(ctx, container) {
        Ok(it) => it,
        Err(_) => {
            let t = ctx.type_name(container);
            return Err(ctx.type_error(alloc::format!("argument of type '{t}' is not iterable")));
        }
    };
    while let Some(v) = ctx.next(it)? {
        if v.is(item) || ctx.eq(v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn seq_contains(ctx: &mut Ctx<'_>, items: &[Value], item: Value) -> PyResult<bool> {
    for v in items {
        if v.is(item) || ctx.eq(*v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `obj[index]` for the commonest cases, without errors.
#[inline]
pub fn fast_subscr(ctx: &Ctx<'_>, obj: Value, index: Value) -> Option<Value> {
    let (Value::Obj(r), Value::Int(i)) = (obj, index) else {
        return None;
    };
    let items: &[Value] = match ctx.vm.heap.get(r) {
        Object::List(items) => items,
        Object::Tuple(items) => items,
        _ => return None,
    };
    let len = items.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if (0..len).contains(&i) {
        Some(items[i as usize])
    } else {
        None
    }
}

/// `obj[index]`.
pub fn subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    if let Value::Obj(r) = obj {
        match ctx.vm.heap.get(r) {
            Object::List(_) | Object::Tuple(_) => {
                return objects::list::sequence_subscr(ctx, obj, index);
            }
            Object::Str(_) => return objects::str::subscr(ctx, obj, index),
            Object::Bytes(_) | Object::ByteArray(_) => {
                return objects::bytes::subscr(ctx, obj, index);
            }
            Object::Range(_) => return objects::range::subscr(ctx, obj, index),
            Object::Dict(_) => {
                return match ctx.dict_lookup(obj, index)? {
                    Some(v) => Ok(v),
                    None => Err(ctx.key_error(index)),
                };
            }
            Object::Type(_) => return Ok(obj),
            Object::Instance(_) => {
                let ty = ctx.type_of(obj);
                if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__getitem__") {
                    return ctx.call(f, &[obj, index]);
                }
                let inner = unwrap_builtin(ctx, obj);
                if let Some(Object::Dict(_)) = inner.as_obj().map(|r| ctx.vm.heap.get(r))
                    && let Some(missing @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__missing__")
                {
                    return match ctx.dict_lookup(inner, index)? {
                        Some(v) => Ok(v),
                        None => ctx.call(missing, &[obj, index]),
                    };
                }
                if !inner.is(obj) {
                    return subscr(ctx, inner, index);
                }
            }
            _ => {}
        }
    }
    let t = ctx.type_name(obj);
    Err(ctx.type_error(alloc::format!("'{t}' object is not subscriptable")))
}

/// `obj[index] = value`.
pub fn store_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value, value: Value) -> PyResult<()> {
    if let Value::Obj(r) = obj {
        match ctx.vm.heap.get(r) {
            Object::List(_) => return objects::list::store_subscr(ctx, obj, index, value),
            Object::Dict(_) => return ctx.dict_set(obj, index, value),
            Object::ByteArray(_) => return objects::bytes::store_subscr(ctx, obj, index, value),
            Object::Instance(_) => {
                let ty = ctx.type_of(obj);
                if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__setitem__") {
                    ctx.call(f, &[obj, index, value])?;
                    return Ok(());
                }
                let inner = unwrap_builtin(ctx, obj);
                if !inner.is(obj) {
                    return store_subscr(ctx, inner, index, value);
                }
            }
            _ => {}
        }
    }
    let t = ctx.type_name(obj);
    Err(ctx.type_error(alloc::format!(
        "'{t}' object does not support item assignment"
    )))
}

/// `del obj[index]`.
pub fn del_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<()> {
    if let Value::Obj(r) = obj {
        match ctx.vm.heap.get(r) {
            Object::List(_) => return objects::list::del_subscr(ctx, obj, index),
            Object::Dict(_) => {
                if ctx.dict_remove(obj, index)?.is_none() {
                    return Err(ctx.key_error(index));
                }
                return Ok(());
            }
            Object::ByteArray(_) => return objects::bytes::del_subscr(ctx, obj, index),
            Object::Instance(_) => {
                let ty = ctx.type_of(obj);
                if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__delitem__") {
                    ctx.call(f, &[obj, index])?;
                    return Ok(());
                }
                let inner = unwrap_builtin(ctx, obj);
                if !inner.is(obj) {
                    return del_subscr(ctx, inner, index);
                }
            }
            _ => {}
        }
    }
    let t = ctx.type_name(obj);
    Err(ctx.type_error(alloc::format!("'{t}' object doesn't support item deletion")))
}

/// Unpack `seq` onto the stack for `count` targets (or `count` before and
/// `after` after a starred target), first target on top.
pub fn unpack(ctx: &mut Ctx<'_>, seq: Value, count: usize, after: Option<usize>) -> PyResult<()> {
    // The common case, `a, b = pair`, copies the items straight across.
    if after.is_none()
        && let Some(obj) = seq.as_obj()
    {
        let th = &mut *ctx.th;
        match ctx.vm.heap.get(obj) {
            Object::Tuple(t) if t.len() == count => {
                th.stack.extend(t.iter().rev());
                return Ok(());
            }
            Object::List(l) if l.len() == count => {
                th.stack.extend(l.iter().rev());
                return Ok(());
            }
            _ => {}
        }
    }
    let items = match seq.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        Some(Object::List(l)) => l.clone(),
        _ => {
            if !crate::interp::iter::is_iterable(ctx, seq) {
                let t = ctx.type_name(seq);
                return Err(ctx.type_error(alloc::format!("cannot unpack non-iterable {t} object")));
            }
            if after.is_some() {
                ctx.collect(seq)?
            } else {
                // Take one more than needed at most: an endless iterator
                // still gives "too many values".
                let it = crate::interp::iter::get_iter(ctx, seq)?;
                let mut items = Vec::new();
                while items.len() <= count {
                    match ctx.next(it)? {
                        Some(v) => items.push(v),
                        None => break,
                    }
                }
                items
            }
        }
    };
    match after {
        None => {
            if items.len() != count {
                return Err(if items.len() < count {
                    ctx.value_error(alloc::format!(
                        "not enough values to unpack (expected {count}, got {})",
                        items.len()
                    ))
                } else {
                    ctx.value_error(alloc::format!(
                        "too many values to unpack (expected {count})"
                    ))
                });
            }
            ctx.th.stack.extend(items.into_iter().rev());
        }
        Some(after) => {
            if items.len() < count + after {
                return Err(ctx.value_error(alloc::format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    count + after,
                    items.len()
                )));
            }
            let mid_end = items.len() - after;
            ctx.th.stack.extend(items[mid_end..].iter().rev());
            let middle = ctx.new_list(items[count..mid_end].to_vec())?;
            ctx.th.stack.push(middle);
            ctx.th.stack.extend(items[..count].iter().rev());
        }
    }
    Ok(())
}
