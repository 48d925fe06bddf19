//! `tuple`: an immutable sequence (indexing and queries are shared with
//! [`list`](crate::objects::list)).

use alloc::vec::Vec;

use crate::PyResult;
use crate::ast::BinOp;
use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::objects::{Object, list};
use crate::value::Value;

/// `tuple + tuple`, `tuple * n`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let left: Vec<Value> = match a.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => return Ok(None),
    };
    match op {
        BinOp::Add => {
            let right: Vec<Value> = match b.as_obj().map(|r| ctx.vm.heap.get(r)) {
                Some(Object::Tuple(t)) => t.to_vec(),
                _ => return Ok(None),
            };
            let mut out = left;
            out.extend(right);
            Ok(Some(ctx.new_tuple(out)?))
        }
        BinOp::Mul => {
            let Some(n) = crate::objects::int::small_int(ctx, b) else {
                return Ok(None);
            };
            let out = list::repeat(ctx, &left, n)?;
            Ok(Some(ctx.new_tuple(out)?))
        }
        _ => Ok(None),
    }
}

fn tuple_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "tuple", 1, 2, &[])?;
    let cls = ctx.arg(args, 0);
    let t = if args.positional() == 2 {
        let v = ctx.arg(args, 1);
        if matches!(
            v.as_obj().map(|r| ctx.vm.heap.get(r)),
            Some(Object::Tuple(_))
        ) {
            v
        } else {
            let items = ctx.collect(v)?;
            ctx.new_tuple(items)?
        }
    } else {
        ctx.new_tuple(Vec::new())?
    };
    crate::interp::class::wrap_builtin(ctx, cls, t)
}

fn tuple_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.arg(args, 0);
    let v = crate::interp::ops::unwrap_builtin(ctx, v);
    Ok(Value::Int(ctx.len(v)? as i64))
}

/// Methods of `tuple`.
pub static TUPLE_METHODS: &[Native] = &[
    Native::static_method("__new__", tuple_new),
    Native::method("__len__", tuple_len),
    Native::method("__getitem__", list::getitem),
    Native::method("index", list::index),
    Native::method("count", list::count),
];
