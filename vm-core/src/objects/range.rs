//! `range` objects.

use crate::PyResult;
use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::objects::{Object, list};
use crate::value::Value;

/// `range(start, stop, step)` with `i64` bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// First value.
    pub start: i64,
    /// Bound (exclusive).
    pub stop: i64,
    /// Non-zero step.
    pub step: i64,
}

impl Range {
    /// Number of values.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = if self.step > 0 {
            (self.start as i128, self.stop as i128, self.step as i128)
        } else {
            (self.stop as i128, self.start as i128, -(self.step as i128))
        };
        if lo >= hi {
            0
        } else {
            ((hi - lo - 1) / step + 1).min(i64::MAX as i128) as i64
        }
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `index`-th value (0-based, unchecked against the length).
    pub fn at(&self, index: i64) -> i64 {
        self.start.wrapping_add(index.wrapping_mul(self.step))
    }
}

/// `x in range`.
pub fn contains(ctx: &Ctx<'_>, r: &Range, item: Value) -> bool {
    let Some(i) = crate::objects::int::small_int(ctx, item) else {
        return match item {
            Value::Float(f) if libm::trunc(f) == f && f.abs() < 9e18 => {
                contains(ctx, r, Value::Int(f as i64))
            }
            _ => false,
        };
    };
    let in_bounds = if r.step > 0 {
        i >= r.start && i < r.stop
    } else {
        i <= r.start && i > r.stop
    };
    in_bounds && (i as i128 - r.start as i128) % r.step as i128 == 0
}

fn range_of(ctx: &Ctx<'_>, v: Value) -> Option<Range> {
    match v.as_obj().map(|o| ctx.vm.heap.get(o)) {
        Some(Object::Range(r)) => Some(*r),
        _ => None,
    }
}

/// `range[i]` and `range[slice]`.
pub fn subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    let Some(r) = range_of(ctx, obj) else {
        return Err(ctx.type_error("expected a range"));
    };
    let len = r.len();
    if list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len)?;
        let sub = Range {
            start: r.at(start),
            stop: r.at(stop),
            step: r.step * step,
        };
        return Ok(Value::Obj(ctx.alloc(Object::Range(sub))?));
    }
    let i = match ctx.index_int(index) {
        Ok(Value::Int(i)) => i,
        Ok(Value::Bool(b)) => b as i64,
        Ok(_) => return Err(ctx.index_error("range object index out of range")),
        Err(_) => {
            let t = ctx.type_name(index);
            return Err(ctx.type_error(alloc::format!(
                "range indices must be integers or slices, not {t}"
            )));
        }
    };
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(ctx.index_error("range object index out of range"));
    }
    Ok(Value::Int(r.at(j)))
}

/// What `hash(range)` hashes, as CPython does: `(len, None, None)` when
/// empty, `(1, start, None)` for one value, else `(len, start, step)`.
pub fn hash_key(r: &Range) -> [Value; 3] {
    let len = r.len();
    match len {
        0 => [Value::Int(0), Value::None, Value::None],
        1 => [Value::Int(1), Value::Int(r.start), Value::None],
        _ => [Value::Int(len), Value::Int(r.start), Value::Int(r.step)],
    }
}

/// Whether two ranges hold the same values.
pub fn ranges_equal(ctx: &Ctx<'_>, a: Value, b: Value) -> bool {
    match (range_of(ctx, a), range_of(ctx, b)) {
        (Some(x), Some(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => false,
    }
}

fn range_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    if args.keywords() > 0 {
        return Err(ctx.type_error("range() takes no keyword arguments"));
    }
    ctx.positional_only(args, 1, "", "range", 1, 3)?;
    let mut nums = [0i64; 3];
    for i in 1..args.positional() {
        let v = ctx.arg(args, i);
        nums[i - 1] = ctx.index_value(v)?;
    }
    let r = match args.positional() {
        2 => Range {
            start: 0,
            stop: nums[0],
            step: 1,
        },
        3 => Range {
            start: nums[0],
            stop: nums[1],
            step: 1,
        },
        _ => Range {
            start: nums[0],
            stop: nums[1],
            step: nums[2],
        },
    };
    if r.step == 0 {
        return Err(ctx.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(ctx.alloc(Object::Range(r))?))
}

fn this(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Range> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, "range", name));
    }
    let v = ctx.arg(args, 0);
    match range_of(ctx, v) {
        Some(r) => Ok(r),
        None => Err(crate::native::descriptor_error(ctx, "range", name, v)),
    }
}

fn index(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let r = this(ctx, args, "index")?;
    let v = ctx.one_arg(args, 1, "range", "index")?;
    if contains(ctx, &r, v)
        && let Some(i) = crate::objects::int::small_int(ctx, v)
    {
        return Ok(Value::Int((i - r.start) / r.step));
    }
    let shown = crate::interp::format::repr(ctx, v)?;
    Err(ctx.value_error(alloc::format!("{shown} is not in range")))
}

fn count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let r = this(ctx, args, "count")?;
    let v = ctx.one_arg(args, 1, "range", "count")?;
    Ok(Value::Int(contains(ctx, &r, v) as i64))
}

fn range_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let r = this(ctx, args, "__len__")?;
    ctx.no_args(args, "range", "__len__")?;
    Ok(Value::Int(r.len()))
}

fn range_contains(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this(ctx, args, "__contains__")?;
    let v = ctx.one_arg(args, 1, "range", "__contains__")?;
    let me = ctx.arg(args, 0);
    Ok(Value::Bool(crate::interp::ops::contains(ctx, me, v)?))
}

fn range_getitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this(ctx, args, "__getitem__")?;
    let i = ctx.one_arg(args, 1, "range", "__getitem__")?;
    let me = ctx.arg(args, 0);
    subscr(ctx, me, i)
}

fn range_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this(ctx, args, "__iter__")?;
    ctx.no_args(args, "range", "__iter__")?;
    let me = ctx.arg(args, 0);
    crate::interp::iter::get_iter(ctx, me)
}

fn range_hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this(ctx, args, "__hash__")?;
    ctx.no_args(args, "range", "__hash__")?;
    let me = ctx.arg(args, 0);
    Ok(Value::Int(ctx.hash(me)?))
}

fn range_eq(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this(ctx, args, "__eq__")?;
    let other = ctx.one_arg(args, 1, "range", "__eq__")?;
    let me = ctx.arg(args, 0);
    if range_of(ctx, other).is_none() {
        return Ok(Value::NotImplemented);
    }
    Ok(Value::Bool(ranges_equal(ctx, me, other)))
}

/// Methods of `range`, sorted by name length then name.
pub static RANGE_METHODS: &[Native] = &[
    Native::method("count", count),
    Native::method("index", index),
    Native::method("__eq__", range_eq),
    Native::method("__len__", range_len),
    Native::static_method("__new__", range_new),
    Native::method("__hash__", range_hash),
    Native::method("__iter__", range_iter),
    Native::method("__getitem__", range_getitem),
    Native::method("__contains__", range_contains),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_match_python() {
        let r = |start, stop, step| Range { start, stop, step }.len();
        assert_eq!(r(0, 10, 1), 10);
        assert_eq!(r(0, 10, 3), 4);
        assert_eq!(r(10, 0, -3), 4);
        assert_eq!(r(5, 5, 1), 0);
        assert_eq!(r(5, 0, 1), 0);
        assert_eq!(r(i64::MIN, i64::MAX, i64::MAX), 3);
    }
}
