//! `list`, and the indexing and slicing rules shared by every sequence.

use alloc::vec::Vec;
use core::mem::size_of;

use crate::ast::{BinOp, CmpOp};
use crate::interp::{Ctx, ops};
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::value::Value;
use crate::{Flow, PyResult};

/// Whether `v` is a slice object.
pub fn is_slice(ctx: &Ctx<'_>, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Slice(_))
    )
}

/// The indices a resolved slice visits.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let count = if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop + (-step) - 1) / (-step)
    } else {
        0
    };
    (0..count).map(move |k| (start + k * step) as usize)
}

impl Ctx<'_> {
    /// Resolve a slice against a sequence of `len` items, like
    /// `slice.indices`.
    pub fn slice_indices(&mut self, slice: Value, len: i64) -> PyResult<(i64, i64, i64)> {
        let parts = match slice.as_obj().map(|r| self.vm.heap.get(r)) {
            Some(Object::Slice(p)) => **p,
            _ => return Err(self.type_error("expected a slice")),
        };
        let step = if parts[2].is_none() {
            1
        } else {
            self.slice_bound(parts[2])?
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let resolve = |ctx: &mut Ctx<'_>, v: Value, default: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(default);
            }
            let i = ctx.slice_bound(v)?;
            Ok(if i < 0 {
                (i + len).max(lower)
            } else {
                i.min(upper)
            })
        };
        let start = resolve(self, parts[0], if step < 0 { upper } else { lower })?;
        let stop = resolve(self, parts[1], if step < 0 { lower } else { upper })?;
        Ok((start, stop, step))
    }

    fn slice_bound(&mut self, v: Value) -> PyResult<i64> {
        match self.index_int(v) {
            Ok(Value::Int(i)) => Ok(i),
            Ok(Value::Bool(b)) => Ok(b as i64),
            Ok(big) => {
                let negative = crate::objects::int::to_big(self, big)
                    .is_some_and(|b| num_traits::Signed::is_negative(&b));
                Ok(if negative { i64::MIN / 2 } else { i64::MAX / 2 })
            }
            Err(_) => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// Append to a list (or list subclass instance).
    pub fn list_push(&mut self, list: Value, v: Value) -> PyResult<()> {
        let list = ops::unwrap_builtin(self, list);
        let Some(r) = list.as_obj() else {
            return Ok(());
        };
        let grow = match self.vm.heap.get(r) {
            Object::List(items) if items.len() == items.capacity() => {
                items.capacity().max(4) * size_of::<Value>()
            }
            _ => 0,
        };
        if grow > 0 {
            self.reserve(grow)?;
        }
        if let Object::List(items) = self.vm.heap.get_mut(r) {
            items.push(v);
        }
        Ok(())
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(r) = v {
            let n = match self.vm.heap.get(r) {
                Object::Str(s) => Some(s.char_len()),
                Object::Bytes(b) => Some(b.len()),
                Object::ByteArray(b) => Some(b.len()),
                Object::Tuple(t) => Some(t.len()),
                Object::List(l) => Some(l.len()),
                Object::Dict(d) => Some(d.len()),
                Object::Set(s) => Some(s.len()),
                Object::Range(rg) => Some(rg.len() as usize),
                Object::DictView(_, d) => match self.vm.heap.get(*d) {
                    Object::Dict(d) => Some(d.len()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(n) = n {
                return Ok(n);
            }
            if let Object::Instance(_) = self.vm.heap.get(r) {
                let ty = self.type_of(v);
                if let Some(f @ Value::Obj(_)) = self.type_lookup_str(ty, "__len__") {
                    let n = self.call(f, &[v])?;
                    let n = self.index_value(n)?;
                    if n < 0 {
                        return Err(self.value_error("__len__() should return >= 0"));
                    }
                    return Ok(n as usize);
                }
                let inner = ops::unwrap_builtin(self, v);
                if !inner.is(v) {
                    return self.len(inner);
                }
            }
        }
        let t = self.type_name(v);
        Err(self.type_error(alloc::format!("object of type '{t}' has no len()")))
    }
}

fn items_of(ctx: &Ctx<'_>, v: Value) -> Option<Vec<Value>> {
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(items)) => Some(items.clone()),
        Some(Object::Tuple(items)) => Some(items.to_vec()),
        _ => None,
    }
}

/// `seq[index]` / `seq[slice]` for lists and tuples.
pub fn sequence_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    let is_list = matches!(
        obj.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::List(_))
    );
    let what = if is_list { "list" } else { "tuple" };
    if is_slice(ctx, index) {
        let items = items_of(ctx, obj).unwrap_or_default();
        let (start, stop, step) = ctx.slice_indices(index, items.len() as i64)?;
        let picked: Vec<Value> = slice_positions(start, stop, step)
            .map(|i| items[i])
            .collect();
        return if is_list {
            ctx.new_list(picked)
        } else {
            ctx.new_tuple(picked)
        };
    }
    let i = match ctx.index_int(index) {
        Ok(i) => i,
        Err(_) => {
            let t = ctx.type_name(index);
            return Err(ctx.type_error(alloc::format!(
                "{what} indices must be integers or slices, not {t}"
            )));
        }
    };
    let len = match obj.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(items)) => items.len(),
        Some(Object::Tuple(items)) => items.len(),
        _ => 0,
    } as i64;
    let i = match i {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => i64::MAX,
    };
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(ctx.index_error(alloc::format!("{what} index out of range")));
    }
    Ok(match obj.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(items)) => items[j as usize],
        Some(Object::Tuple(items)) => items[j as usize],
        _ => Value::None,
    })
}

/// Resolve an index into a list of `len` items.
fn list_index(ctx: &mut Ctx<'_>, index: Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match ctx.index_int(index) {
        Ok(Value::Int(i)) => i,
        Ok(Value::Bool(b)) => b as i64,
        Ok(_) => i64::MAX,
        Err(_) => {
            let t = ctx.type_name(index);
            return Err(ctx.type_error(alloc::format!(
                "list indices must be integers or slices, not {t}"
            )));
        }
    };
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(ctx.index_error(alloc::format!("{what} out of range")));
    }
    Ok(j as usize)
}

fn list_mut<'a>(ctx: &'a mut Ctx<'_>, list: Value) -> Option<&'a mut Vec<Value>> {
    match list.as_obj().map(|r| ctx.vm.heap.get_mut(r)) {
        Some(Object::List(items)) => Some(items),
        _ => None,
    }
}

fn list_len(ctx: &Ctx<'_>, list: Value) -> usize {
    match list.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(items)) => items.len(),
        _ => 0,
    }
}

/// `list[index] = v` and slice assignment.
pub fn store_subscr(ctx: &mut Ctx<'_>, list: Value, index: Value, v: Value) -> PyResult<()> {
    let len = list_len(ctx, list);
    if is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let new = ctx.collect(v)?;
        if step == 1 {
            let stop = stop.max(start);
            ctx.reserve(new.len() * size_of::<Value>())?;
            if let Some(items) = list_mut(ctx, list) {
                items.splice(start as usize..stop as usize, new);
            }
            return Ok(());
        }
        let positions: Vec<usize> = slice_positions(start, stop, step).collect();
        if positions.len() != new.len() {
            return Err(ctx.value_error(alloc::format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            )));
        }
        if let Some(items) = list_mut(ctx, list) {
            for (p, x) in positions.into_iter().zip(new) {
                items[p] = x;
            }
        }
        return Ok(());
    }
    let i = list_index(ctx, index, len, "list assignment index")?;
    if let Some(items) = list_mut(ctx, list) {
        items[i] = v;
    }
    Ok(())
}

/// `del list[index]` and slice deletion.
pub fn del_subscr(ctx: &mut Ctx<'_>, list: Value, index: Value) -> PyResult<()> {
    let len = list_len(ctx, list);
    if is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let mut positions: Vec<usize> = slice_positions(start, stop, step).collect();
        positions.sort_unstable();
        if let Some(items) = list_mut(ctx, list) {
            for p in positions.into_iter().rev() {
                items.remove(p);
            }
        }
        return Ok(());
    }
    let i = list_index(ctx, index, len, "list assignment index")?;
    if let Some(items) = list_mut(ctx, list) {
        items.remove(i);
    }
    Ok(())
}

/// `list + list`, `list * n`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let Some(left) = items_of(ctx, a) else {
        return Ok(None);
    };
    match op {
        BinOp::Add => {
            let right = match b.as_obj().map(|r| ctx.vm.heap.get(r)) {
                Some(Object::List(items)) => items.clone(),
                _ => return Ok(None),
            };
            let mut out = left;
            out.extend(right);
            Ok(Some(ctx.new_list(out)?))
        }
        BinOp::Mul => {
            let Some(n) = crate::objects::int::small_int(ctx, b) else {
                return Ok(None);
            };
            let out = repeat(ctx, &left, n)?;
            Ok(Some(ctx.new_list(out)?))
        }
        _ => Ok(None),
    }
}

/// `items * n`, refusing sizes the heap cannot hold.
pub fn repeat(ctx: &mut Ctx<'_>, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    let n = n.max(0) as usize;
    let total = items.len().checked_mul(n);
    match total {
        Some(t) if t * size_of::<Value>() <= ctx.vm.heap.stats().limit => {}
        _ => return Err(Flow::Raise(ctx.vm.memory_error)),
    }
    Ok(items.repeat(n))
}

/// `list *= n`.
pub fn repeat_in_place(ctx: &mut Ctx<'_>, list: Value, n: Value) -> PyResult<()> {
    let Some(n) = crate::objects::int::small_int(ctx, n) else {
        let t = ctx.type_name(n);
        return Err(ctx.type_error(alloc::format!(
            "can't multiply sequence by non-int of type '{t}'"
        )));
    };
    let items = items_of(ctx, list).unwrap_or_default();
    let out = repeat(ctx, &items, n)?;
    ctx.reserve(out.len().saturating_sub(items.len()) * size_of::<Value>())?;
    if let Some(items) = list_mut(ctx, list) {
        *items = out;
    }
    Ok(())
}

/// Sort `list` in place (stable), comparing `key(item)` when a key is
/// given; any comparison may raise.
pub fn sort(ctx: &mut Ctx<'_>, list: Value, key: Value, reverse: bool) -> PyResult<()> {
    let items = items_of(ctx, list).unwrap_or_default();
    let keys = if key.is_none() {
        items.clone()
    } else {
        let mut keys = Vec::with_capacity(items.len());
        for v in &items {
            keys.push(ctx.call(key, &[*v])?);
        }
        keys
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    merge_sort(ctx, &mut order, &keys, reverse)?;
    let sorted: Vec<Value> = order.into_iter().map(|i| items[i]).collect();
    if let Some(items) = list_mut(ctx, list) {
        *items = sorted;
    }
    Ok(())
}

/// Whether `a < b` (or `b < a` when reversed, keeping stability).
fn less(ctx: &mut Ctx<'_>, a: Value, b: Value, reverse: bool) -> PyResult<bool> {
    let (x, y) = if reverse { (b, a) } else { (a, b) };
    if let Some(r) = ops::fast_compare(CmpOp::Lt, x, y) {
        return Ok(r);
    }
    let r = ops::compare(ctx, CmpOp::Lt, x, y)?;
    ctx.truthy(r)
}

fn merge_sort(
    ctx: &mut Ctx<'_>,
    order: &mut [usize],
    keys: &[Value],
    reverse: bool,
) -> PyResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort for short runs, then bottom-up merges.
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(ctx, keys[order[j]], keys[order[j - 1]], reverse)? {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut buf = order.to_vec();
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if less(ctx, keys[order[j]], keys[order[i]], reverse)? {
                    buf[k] = order[j];
                    j += 1;
                } else {
                    buf[k] = order[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&order[i..mid]);
            k += mid - i;
            buf[k..k + end - j].copy_from_slice(&order[j..end]);
            start = end;
        }
        order.copy_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}

fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = ctx.arg(args, 0);
    let v = ops::unwrap_builtin(ctx, v);
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(_)) => Ok(v),
        _ => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "descriptor requires a 'list' object but received a '{t}'"
            )))
        }
    }
}

fn list_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let l = ctx.new_list(Vec::new())?;
    let is_plain = cls.as_obj() == Some(ctx.vm.types.list);
    if is_plain {
        ctx.check_args(args, "list", 1, 2, &[])?;
        if args.positional() == 2 {
            let v = ctx.arg(args, 1);
            let items = ctx.collect(v)?;
            if let Some(dst) = list_mut(ctx, l) {
                *dst = items;
            }
        }
        return Ok(l);
    }
    crate::interp::class::wrap_builtin(ctx, cls, l)
}

fn list_init(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "list", 1, 2, &[])?;
    let l = this(ctx, args)?;
    let items = if args.positional() == 2 {
        let v = ctx.arg(args, 1);
        ctx.collect(v)?
    } else {
        Vec::new()
    };
    if let Some(dst) = list_mut(ctx, l) {
        *dst = items;
    }
    Ok(Value::None)
}

fn append(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "append", 2, 2, &[])?;
    let l = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    ctx.list_push(l, v)?;
    Ok(Value::None)
}

fn extend(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "extend", 2, 2, &[])?;
    let l = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let items = ctx.collect(v)?;
    for item in items {
        ctx.list_push(l, item)?;
    }
    Ok(Value::None)
}

fn insert(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "insert", 3, 3, &[])?;
    let l = this(ctx, args)?;
    let i = ctx.arg(args, 1);
    let i = ctx.index_value(i)?;
    let v = ctx.arg(args, 2);
    let len = list_len(ctx, l) as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    ctx.reserve(size_of::<Value>())?;
    if let Some(items) = list_mut(ctx, l) {
        items.insert(at, v);
    }
    Ok(Value::None)
}

fn pop(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "pop", 1, 2, &[])?;
    let l = this(ctx, args)?;
    let len = list_len(ctx, l);
    if len == 0 {
        return Err(ctx.index_error("pop from empty list"));
    }
    let i = if args.positional() == 2 {
        let v = ctx.arg(args, 1);
        list_index(ctx, v, len, "pop index")?
    } else {
        len - 1
    };
    Ok(list_mut(ctx, l).map_or(Value::None, |items| items.remove(i)))
}

fn find_position(ctx: &mut Ctx<'_>, l: Value, v: Value) -> PyResult<Option<usize>> {
    let items = items_of(ctx, l).unwrap_or_default();
    for (i, item) in items.iter().enumerate() {
        if item.is(v) || ctx.eq(*item, v)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "remove", 2, 2, &[])?;
    let l = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    match find_position(ctx, l, v)? {
        Some(i) => {
            if let Some(items) = list_mut(ctx, l)
                && i < items.len()
            {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(ctx.value_error("list.remove(x): x not in list")),
    }
}

/// `seq.index(x[, start[, stop]])` for lists and tuples.
pub fn index(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "index", 2, 4, &[])?;
    let l = ctx.arg(args, 0);
    let l = ops::unwrap_builtin(ctx, l);
    let v = ctx.arg(args, 1);
    let items = items_of(ctx, l).unwrap_or_default();
    let len = items.len() as i64;
    let bound = |ctx: &mut Ctx<'_>, i: usize, default: i64| -> PyResult<usize> {
        if args.positional() > i {
            let b = ctx.arg(args, i);
            let b = ctx.index_value(b)?;
            Ok((if b < 0 { (b + len).max(0) } else { b.min(len) }) as usize)
        } else {
            Ok(default as usize)
        }
    };
    let start = bound(ctx, 2, 0)?;
    let stop = bound(ctx, 3, len)?;
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if item.is(v) || ctx.eq(*item, v)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let is_list = matches!(
        l.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::List(_))
    );
    Err(ctx.value_error(if is_list {
        "list.index(x): x not in list"
    } else {
        "tuple.index(x): x not in tuple"
    }))
}

/// `seq.count(x)` for lists and tuples.
pub fn count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "count", 2, 2, &[])?;
    let l = ctx.arg(args, 0);
    let l = ops::unwrap_builtin(ctx, l);
    let v = ctx.arg(args, 1);
    let items = items_of(ctx, l).unwrap_or_default();
    let mut n = 0;
    for item in items {
        if item.is(v) || ctx.eq(item, v)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args)?;
    if let Some(items) = list_mut(ctx, l) {
        items.reverse();
    }
    Ok(Value::None)
}

fn clear(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args)?;
    if let Some(items) = list_mut(ctx, l) {
        *items = Vec::new();
    }
    Ok(Value::None)
}

fn copy(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args)?;
    let items = items_of(ctx, l).unwrap_or_default();
    ctx.new_list(items)
}

fn list_sort(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "sort", 1, 1, &["key", "reverse"])?;
    let l = this(ctx, args)?;
    let key = ctx.kwarg(args, "key").unwrap_or(Value::None);
    let reverse = match ctx.kwarg(args, "reverse") {
        Some(r) => ctx.truthy(r)?,
        None => false,
    };
    sort(ctx, l, key, reverse)?;
    Ok(Value::None)
}

fn list_len_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args)?;
    Ok(Value::Int(list_len(ctx, l) as i64))
}

/// `seq.__getitem__(i)` for lists and tuples.
pub fn getitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "__getitem__", 2, 2, &[])?;
    let l = ctx.arg(args, 0);
    let l = ops::unwrap_builtin(ctx, l);
    let i = ctx.arg(args, 1);
    sequence_subscr(ctx, l, i)
}

fn setitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "__setitem__", 3, 3, &[])?;
    let l = this(ctx, args)?;
    let (i, v) = (ctx.arg(args, 1), ctx.arg(args, 2));
    store_subscr(ctx, l, i, v)?;
    Ok(Value::None)
}

/// Methods of `list` (several shared with `tuple`).
pub static LIST_METHODS: &[Native] = &[
    Native::static_method("__new__", list_new),
    Native::method("__init__", list_init),
    Native::method("__len__", list_len_method),
    Native::method("__getitem__", getitem),
    Native::method("__setitem__", setitem),
    Native::method("append", append),
    Native::method("extend", extend),
    Native::method("insert", insert),
    Native::method("pop", pop),
    Native::method("remove", remove),
    Native::method("index", index),
    Native::method("count", count),
    Native::method("reverse", reverse),
    Native::method("clear", clear),
    Native::method("copy", copy),
    Native::method("sort", list_sort),
];
