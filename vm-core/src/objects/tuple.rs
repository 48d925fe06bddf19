//! `tuple`: an immutable sequence (indexing, queries, operators and
//! comparisons are shared with [`list`](crate::objects::list)).

use alloc::vec::Vec;

use crate::PyResult;
use crate::ast::BinOp;
use crate::interp::{Ctx, ops};
use crate::native::{Args, Native};
use crate::objects::{Object, int, list};
use crate::value::Value;

fn is_tuple(ctx: &Ctx<'_>, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Tuple(_))
    )
}

/// `tuple + tuple`, `tuple * n`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_tuple(ctx, a) {
        return Ok(None);
    }
    match op {
        BinOp::Add => {
            let (Some(Object::Tuple(left)), Some(Object::Tuple(right))) = (
                a.as_obj().map(|r| ctx.vm.heap.get(r)),
                b.as_obj().map(|r| ctx.vm.heap.get(r)),
            ) else {
                return Ok(None);
            };
            if right.is_empty() {
                return Ok(Some(a));
            }
            let mut out = Vec::with_capacity(left.len() + right.len());
            out.extend_from_slice(left);
            out.extend_from_slice(right);
            Ok(Some(ctx.new_tuple(out)?))
        }
        BinOp::Mul => {
            if !int::is_int(ctx, b) {
                return Ok(None);
            }
            let n = crate::objects::str::repeat_count(ctx, b)?;
            if n == 1 {
                return Ok(Some(a));
            }
            let out = list::repeat(ctx, a, n)?;
            Ok(Some(ctx.new_tuple(out)?))
        }
        _ => Ok(None),
    }
}

fn tuple_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    if args.keywords() > 0 {
        return Err(ctx.type_error("tuple() takes no keyword arguments"));
    }
    ctx.positional_only(args, 1, "", "tuple", 0, 1)?;
    let t = match ctx.opt_arg(args, 1) {
        Some(v) if is_tuple(ctx, v) => v,
        Some(v) => {
            let items = ctx.collect(v)?;
            ctx.new_tuple(items)?
        }
        None => ctx.new_tuple(Vec::new())?,
    };
    crate::interp::class::wrap_builtin(ctx, cls, t)
}

fn tuple_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.arg(args, 0);
    ctx.no_args(args, "tuple", "__len__")?;
    let v = ops::unwrap_builtin(ctx, v);
    Ok(Value::Int(ctx.len(v)? as i64))
}

fn tuple_hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.arg(args, 0);
    ctx.no_args(args, "tuple", "__hash__")?;
    let v = ops::unwrap_builtin(ctx, v);
    Ok(Value::Int(ctx.hash(v)?))
}

fn mul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    list::operator(ctx, args, "__mul__", BinOp::Mul)
}

fn rmul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    list::operator(ctx, args, "__rmul__", BinOp::Mul)
}

/// Methods of `tuple`, sorted by name length then name.
pub static TUPLE_METHODS: &[Native] = &[
    Native::method("count", list::count),
    Native::method("index", list::index),
    Native::method("__eq__", list::seq_eq),
    Native::method("__ge__", list::seq_ge),
    Native::method("__gt__", list::seq_gt),
    Native::method("__le__", list::seq_le),
    Native::method("__lt__", list::seq_lt),
    Native::method("__ne__", list::seq_ne),
    Native::method("__add__", list::add),
    Native::method("__len__", tuple_len),
    Native::method("__mul__", mul),
    Native::static_method("__new__", tuple_new),
    Native::method("__hash__", tuple_hash),
    Native::method("__iter__", list::iter_method),
    Native::method("__rmul__", rmul),
    Native::method("__getitem__", list::getitem),
    Native::method("__contains__", list::contains_method),
];
