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

    /// A slice bound (or `start`/`end` argument) as an `i64`, big integers
    /// saturating.
    pub fn slice_bound(&mut self, v: Value) -> PyResult<i64> {
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

/// The items of a list or tuple, copied (so Python code run while
/// working through them cannot invalidate them).
pub fn items_of(ctx: &Ctx<'_>, v: Value) -> Option<Vec<Value>> {
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(items)) => Some(items.clone()),
        Some(Object::Tuple(items)) => Some(items.to_vec()),
        _ => None,
    }
}

/// The items of a list or tuple, borrowed.
fn items_ref<'a>(ctx: &'a Ctx<'_>, v: Value) -> &'a [Value] {
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(items)) => items,
        Some(Object::Tuple(items)) => items,
        _ => &[],
    }
}

fn is_list(ctx: &Ctx<'_>, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::List(_))
    )
}

/// An index argument of a sequence subscript (`TypeError` naming `what`
/// for non-integers), as an `i64` (big integers saturate).
fn index_of(ctx: &mut Ctx<'_>, index: Value, what: &str) -> PyResult<i64> {
    if let Value::Int(i) = index {
        return Ok(i);
    }
    match ctx.index_int(index) {
        Ok(Value::Int(i)) => Ok(i),
        Ok(Value::Bool(b)) => Ok(b as i64),
        Ok(_) => Err(ctx.index_error("cannot fit 'int' into an index-sized integer")),
        Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
            let t = ctx.type_name(index);
            Err(ctx.type_error(alloc::format!(
                "{what} indices must be integers or slices, not {t}"
            )))
        }
        Err(e) => Err(e),
    }
}

/// `seq[index]` / `seq[slice]` for lists and tuples.
pub fn sequence_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    let list = is_list(ctx, obj);
    let what = if list { "list" } else { "tuple" };
    if is_slice(ctx, index) {
        let len = items_ref(ctx, obj).len();
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let items = items_ref(ctx, obj);
        let picked: Vec<Value> = if step == 1 {
            items[start as usize..stop.max(start) as usize].to_vec()
        } else {
            slice_positions(start, stop, step)
                .map(|i| items[i])
                .collect()
        };
        return if list {
            ctx.new_list(picked)
        } else {
            ctx.new_tuple(picked)
        };
    }
    let i = index_of(ctx, index, what)?;
    let items = items_ref(ctx, obj);
    let len = items.len() as i64;
    let j = if i < 0 { i.saturating_add(len) } else { i };
    if !(0..len).contains(&j) {
        return Err(ctx.index_error(alloc::format!("{what} index out of range")));
    }
    Ok(items[j as usize])
}

/// Resolve an index into a list of `len` items.
fn list_index(ctx: &mut Ctx<'_>, index: Value, len: usize, what: &str) -> PyResult<usize> {
    let i = index_of(ctx, index, "list")?;
    let len = len as i64;
    let j = if i < 0 { i.saturating_add(len) } else { i };
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

/// Make room for `extra` more items in a list, accounting the growth.
fn grow(ctx: &mut Ctx<'_>, list: Value, extra: usize) -> PyResult<()> {
    let (len, cap) = match list_mut(ctx, list) {
        Some(items) => (items.len(), items.capacity()),
        None => return Ok(()),
    };
    let need = len.saturating_add(extra);
    if need <= cap {
        return Ok(());
    }
    let new_cap = need.max(cap * 2).max(4);
    ctx.reserve((new_cap - cap).saturating_mul(size_of::<Value>()))?;
    if let Some(items) = list_mut(ctx, list) {
        items.reserve_exact(new_cap - len);
    }
    Ok(())
}

/// The items to assign to a list slice (`can only assign an iterable`).
fn assigned_items(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Vec<Value>> {
    if let Some(items) = items_of(ctx, v) {
        return Ok(items);
    }
    match crate::interp::iter::get_iter(ctx, v) {
        Ok(it) => {
            let mut out = Vec::new();
            while let Some(x) = ctx.next(it)? {
                out.push(x);
            }
            Ok(out)
        }
        Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
            Err(ctx.type_error("can only assign an iterable"))
        }
        Err(e) => Err(e),
    }
}

/// `list[index] = v` and slice assignment.
pub fn store_subscr(ctx: &mut Ctx<'_>, list: Value, index: Value, v: Value) -> PyResult<()> {
    let len = list_len(ctx, list);
    if is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let new = assigned_items(ctx, v)?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            grow(ctx, list, new.len().saturating_sub(stop - start as usize))?;
            if let Some(items) = list_mut(ctx, list) {
                items.splice(start as usize..stop, new);
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
        if step == 1 {
            if let Some(items) = list_mut(ctx, list) {
                items.drain(start as usize..stop.max(start) as usize);
            }
            return Ok(());
        }
        let mut gone = alloc::vec![false; len];
        for p in slice_positions(start, stop, step) {
            gone[p] = true;
        }
        if let Some(items) = list_mut(ctx, list) {
            let mut k = 0;
            items.retain(|_| {
                k += 1;
                !gone[k - 1]
            });
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
    if !is_list(ctx, a) {
        return Ok(None);
    }
    match op {
        BinOp::Add => {
            if !is_list(ctx, b) {
                return Ok(None);
            }
            let (left, right) = (items_ref(ctx, a), items_ref(ctx, b));
            let mut out = Vec::with_capacity(left.len() + right.len());
            out.extend_from_slice(left);
            out.extend_from_slice(right);
            Ok(Some(ctx.new_list(out)?))
        }
        BinOp::Mul => {
            if !crate::objects::int::is_int(ctx, b) {
                return Ok(None);
            }
            let n = crate::objects::str::repeat_count(ctx, b)?;
            let out = repeat(ctx, a, n)?;
            Ok(Some(ctx.new_list(out)?))
        }
        _ => Ok(None),
    }
}

/// The items of `seq` repeated `n` times, refusing sizes the heap cannot
/// hold.
pub fn repeat(ctx: &mut Ctx<'_>, seq: Value, n: usize) -> PyResult<Vec<Value>> {
    let len = items_ref(ctx, seq).len();
    match len
        .checked_mul(n)
        .and_then(|t| t.checked_mul(size_of::<Value>()))
    {
        Some(bytes) => ctx.room(bytes)?,
        None => return Err(Flow::Raise(ctx.vm.memory_error)),
    }
    Ok(items_ref(ctx, seq).repeat(n))
}

/// `list *= n`.
pub fn repeat_in_place(ctx: &mut Ctx<'_>, list: Value, n: Value) -> PyResult<()> {
    if !crate::objects::int::is_int(ctx, n) {
        let t = ctx.type_name(n);
        return Err(ctx.type_error(alloc::format!(
            "can't multiply sequence by non-int of type '{t}'"
        )));
    }
    let n = crate::objects::str::repeat_count(ctx, n)?;
    let out = repeat(ctx, list, n)?;
    let len = list_len(ctx, list);
    grow(ctx, list, out.len().saturating_sub(len))?;
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

/// `self` of a `list` method, checked.
fn this(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, "list", name));
    }
    let v = ctx.arg(args, 0);
    let inner = ops::unwrap_builtin(ctx, v);
    if is_list(ctx, inner) {
        return Ok(inner);
    }
    Err(crate::native::descriptor_error(ctx, "list", name, v))
}

/// `self` of a `list` method taking no arguments.
fn this_alone(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    let l = this(ctx, args, name)?;
    ctx.no_args(args, "list", name)?;
    Ok(l)
}

/// The single argument of a `list` method taking one.
fn this_and_one(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<(Value, Value)> {
    let l = this(ctx, args, name)?;
    let v = ctx.one_arg(args, 1, "list", name)?;
    Ok((l, v))
}

fn list_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let is_plain = cls.as_obj() == Some(ctx.vm.types.list);
    if is_plain {
        if args.keywords() > 0 {
            return Err(ctx.type_error("list() takes no keyword arguments"));
        }
        ctx.positional_only(args, 1, "", "list", 0, 1)?;
        let items = match ctx.opt_arg(args, 1) {
            Some(v) => ctx.collect(v)?,
            None => Vec::new(),
        };
        return ctx.new_list(items);
    }
    let l = ctx.new_list(Vec::new())?;
    crate::interp::class::wrap_builtin(ctx, cls, l)
}

fn list_init(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args, "__init__")?;
    if args.keywords() > 0 {
        return Err(ctx.type_error("list() takes no keyword arguments"));
    }
    ctx.positional_only(args, 1, "", "list", 0, 1)?;
    let items = match ctx.opt_arg(args, 1) {
        Some(v) => ctx.collect(v)?,
        None => Vec::new(),
    };
    if let Some(dst) = list_mut(ctx, l) {
        *dst = items;
    }
    Ok(Value::None)
}

fn append(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (l, v) = this_and_one(ctx, args, "append")?;
    ctx.list_push(l, v)?;
    Ok(Value::None)
}

/// `list.extend(iterable)` (also `+=`).
pub fn extend_list(ctx: &mut Ctx<'_>, l: Value, v: Value) -> PyResult<()> {
    let items = ctx.collect(v)?;
    grow(ctx, l, items.len())?;
    if let Some(dst) = list_mut(ctx, l) {
        dst.extend(items);
    }
    Ok(())
}

fn extend(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (l, v) = this_and_one(ctx, args, "extend")?;
    extend_list(ctx, l, v)?;
    Ok(Value::None)
}

fn insert(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args, "insert")?;
    ctx.positional_only(args, 1, "list", "insert", 2, 2)?;
    let i = ctx.arg(args, 1);
    let i = ctx.index_value(i)?;
    let v = ctx.arg(args, 2);
    let len = list_len(ctx, l) as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    grow(ctx, l, 1)?;
    if let Some(items) = list_mut(ctx, l) {
        items.insert(at, v);
    }
    Ok(Value::None)
}

fn pop(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args, "pop")?;
    ctx.positional_only(args, 1, "list", "pop", 0, 1)?;
    let i = match ctx.opt_arg(args, 1) {
        Some(v) => ctx.index_value(v)?,
        None => -1,
    };
    let len = list_len(ctx, l);
    if len == 0 {
        return Err(ctx.index_error("pop from empty list"));
    }
    let j = if i < 0 {
        i.saturating_add(len as i64)
    } else {
        i
    };
    if !(0..len as i64).contains(&j) {
        return Err(ctx.index_error("pop index out of range"));
    }
    Ok(list_mut(ctx, l).map_or(Value::None, |items| items.remove(j as usize)))
}

/// Where `v` first is among `items[start..stop]` (by identity or `==`).
fn position(
    ctx: &mut Ctx<'_>,
    seq: Value,
    v: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = match items_ref(ctx, seq).get(i) {
            Some(item) if i < stop => *item,
            _ => return Ok(None),
        };
        if item.is(v) || ctx.eq(item, v)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (l, v) = this_and_one(ctx, args, "remove")?;
    match position(ctx, l, v, 0, usize::MAX)? {
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
    let seq = ctx.arg(args, 0);
    let seq = ops::unwrap_builtin(ctx, seq);
    let owner = if is_list(ctx, seq) { "list" } else { "tuple" };
    ctx.positional_only(args, 1, owner, "index", 1, 3)?;
    let v = ctx.arg(args, 1);
    let len = items_ref(ctx, seq).len() as i64;
    let mut bound = |i: usize, default: i64| -> PyResult<usize> {
        match ctx.opt_arg(args, i) {
            Some(b) => {
                let b = match ctx.index_int(b) {
                    Ok(_) => ctx.slice_bound(b)?,
                    Err(_) => {
                        return Err(ctx.type_error(
                            "slice indices must be integers or have an __index__ method",
                        ));
                    }
                };
                Ok((if b < 0 { (b + len).max(0) } else { b.min(len) }) as usize)
            }
            None => Ok(default as usize),
        }
    };
    let start = bound(2, 0)?;
    let stop = bound(3, len)?;
    if let Some(i) = position(ctx, seq, v, start, stop)? {
        return Ok(Value::Int(i as i64));
    }
    if is_list(ctx, seq) {
        let shown = crate::interp::format::repr(ctx, v)?;
        Err(ctx.value_error(alloc::format!("{shown} is not in list")))
    } else {
        Err(ctx.value_error("tuple.index(x): x not in tuple"))
    }
}

/// `seq.count(x)` for lists and tuples.
pub fn count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let seq = ctx.arg(args, 0);
    let seq = ops::unwrap_builtin(ctx, seq);
    let owner = if is_list(ctx, seq) { "list" } else { "tuple" };
    let v = ctx.one_arg(args, 1, owner, "count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = items_ref(ctx, seq).get(i).copied() {
        if item.is(v) || ctx.eq(item, v)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// `x in seq` for lists and tuples.
pub fn contains(ctx: &mut Ctx<'_>, seq: Value, v: Value) -> PyResult<bool> {
    Ok(position(ctx, seq, v, 0, usize::MAX)?.is_some())
}

/// `seq.__contains__(x)` for lists and tuples.
pub fn contains_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let seq = ctx.arg(args, 0);
    let seq = ops::unwrap_builtin(ctx, seq);
    let owner = if is_list(ctx, seq) { "list" } else { "tuple" };
    let v = ctx.one_arg(args, 1, owner, "__contains__")?;
    Ok(Value::Bool(contains(ctx, seq, v)?))
}

/// `seq.__iter__()` for lists and tuples.
pub fn iter_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let seq = ctx.arg(args, 0);
    let seq = ops::unwrap_builtin(ctx, seq);
    crate::interp::iter::get_iter(ctx, seq)
}

fn reverse(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this_alone(ctx, args, "reverse")?;
    if let Some(items) = list_mut(ctx, l) {
        items.reverse();
    }
    Ok(Value::None)
}

fn clear(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this_alone(ctx, args, "clear")?;
    if let Some(items) = list_mut(ctx, l) {
        *items = Vec::new();
    }
    Ok(Value::None)
}

fn copy(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this_alone(ctx, args, "copy")?;
    let items = items_ref(ctx, l).to_vec();
    ctx.new_list(items)
}

static SORT: crate::native::Sig = crate::native::Sig::new("sort", &["key", "reverse"], 0).maxpos(0);

fn list_sort(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args, "sort")?;
    let [key, reverse] = ctx.bind(args, 1, &SORT)?;
    let reverse = match reverse {
        Some(r) => ctx.index_value(r)? != 0,
        None => false,
    };
    sort(ctx, l, key.unwrap_or(Value::None), reverse)?;
    Ok(Value::None)
}

fn list_len_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this_alone(ctx, args, "__len__")?;
    Ok(Value::Int(list_len(ctx, l) as i64))
}

/// `seq.__getitem__(i)` for lists and tuples.
pub fn getitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let seq = ctx.arg(args, 0);
    let seq = ops::unwrap_builtin(ctx, seq);
    let owner = if is_list(ctx, seq) { "list" } else { "tuple" };
    let i = ctx.one_arg(args, 1, owner, "__getitem__")?;
    sequence_subscr(ctx, seq, i)
}

fn setitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this(ctx, args, "__setitem__")?;
    ctx.positional_only(args, 1, "list", "__setitem__", 2, 2)?;
    let (i, v) = (ctx.arg(args, 1), ctx.arg(args, 2));
    store_subscr(ctx, l, i, v)?;
    Ok(Value::None)
}

fn delitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (l, i) = this_and_one(ctx, args, "__delitem__")?;
    del_subscr(ctx, l, i)?;
    Ok(Value::None)
}

fn reversed_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let l = this_alone(ctx, args, "__reversed__")?;
    let remaining = list_len(ctx, l);
    let it = crate::objects::IterObj::Reversed { seq: l, remaining };
    Ok(Value::Obj(
        ctx.alloc(Object::Iter(alloc::boxed::Box::new(it)))?,
    ))
}

fn iadd(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (l, v) = this_and_one(ctx, args, "__iadd__")?;
    extend_list(ctx, l, v)?;
    Ok(ctx.arg(args, 0))
}

fn imul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (l, n) = this_and_one(ctx, args, "__imul__")?;
    repeat_in_place(ctx, l, n)?;
    Ok(ctx.arg(args, 0))
}

/// Binary operators of lists and tuples as dunder methods.
pub fn operator(ctx: &mut Ctx<'_>, args: Args, name: &str, op: BinOp) -> PyResult<Value> {
    let seq = ctx.arg(args, 0);
    let seq = ops::unwrap_builtin(ctx, seq);
    let owner = if is_list(ctx, seq) { "list" } else { "tuple" };
    let mut other = ctx.one_arg(args, 1, owner, name)?;
    if op == BinOp::Mul {
        other = ctx.index_int(other)?;
    }
    let r = if is_list(ctx, seq) {
        binary(ctx, op, seq, other)?
    } else {
        crate::objects::tuple::binary(ctx, op, seq, other)?
    };
    Ok(r.unwrap_or(Value::NotImplemented))
}

/// `seq.__add__(other)`: concatenation, a `TypeError` for other types.
pub fn add(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let r = operator(ctx, args, "__add__", BinOp::Add)?;
    if matches!(r, Value::NotImplemented) {
        let seq = ops::unwrap_builtin(ctx, ctx.arg(args, 0));
        let owner = if is_list(ctx, seq) { "list" } else { "tuple" };
        let t = ctx.type_name(ctx.arg(args, 1));
        return Err(ctx.type_error(alloc::format!(
            "can only concatenate {owner} (not \"{t}\") to {owner}"
        )));
    }
    Ok(r)
}

fn mul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__mul__", BinOp::Mul)
}

fn rmul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__rmul__", BinOp::Mul)
}

/// Rich comparisons of lists and tuples as dunder methods: against the
/// same type, else `NotImplemented`.
pub fn comparison(ctx: &mut Ctx<'_>, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let seq = ctx.arg(args, 0);
    let seq = ops::unwrap_builtin(ctx, seq);
    let list = is_list(ctx, seq);
    let owner = if list { "list" } else { "tuple" };
    let other = ctx.one_arg(args, 1, owner, name)?;
    let other = ops::unwrap_builtin(ctx, other);
    let same = match other.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(_)) => list,
        Some(Object::Tuple(_)) => !list,
        _ => false,
    };
    if !same {
        return Ok(Value::NotImplemented);
    }
    ops::compare(ctx, op, seq, other)
}

macro_rules! comparisons {
    ($( $f:ident: $name:literal => $op:expr ),* $(,)?) => {
        $(
            /// A rich comparison of lists and tuples.
            pub fn $f(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
                comparison(ctx, args, $name, $op)
            }
        )*
    };
}

comparisons!(
    seq_eq: "__eq__" => CmpOp::Eq,
    seq_ne: "__ne__" => CmpOp::NotEq,
    seq_lt: "__lt__" => CmpOp::Lt,
    seq_le: "__le__" => CmpOp::LtE,
    seq_gt: "__gt__" => CmpOp::Gt,
    seq_ge: "__ge__" => CmpOp::GtE,
);

/// Methods of `list`, sorted by name length then name (several shared with `tuple`).
pub static LIST_METHODS: &[Native] = &[
    Native::method("pop", pop),
    Native::method("copy", copy),
    Native::method("sort", list_sort),
    Native::method("clear", clear),
    Native::method("count", count),
    Native::method("index", index),
    Native::method("__eq__", seq_eq),
    Native::method("__ge__", seq_ge),
    Native::method("__gt__", seq_gt),
    Native::method("__le__", seq_le),
    Native::method("__lt__", seq_lt),
    Native::method("__ne__", seq_ne),
    Native::method("append", append),
    Native::method("extend", extend),
    Native::method("insert", insert),
    Native::method("remove", remove),
    Native::method("__add__", add),
    Native::method("__len__", list_len_method),
    Native::method("__mul__", mul),
    Native::static_method("__new__", list_new),
    Native::method("reverse", reverse),
    Native::method("__iadd__", iadd),
    Native::method("__imul__", imul),
    Native::method("__init__", list_init),
    Native::method("__iter__", iter_method),
    Native::method("__rmul__", rmul),
    Native::method("__delitem__", delitem),
    Native::method("__getitem__", getitem),
    Native::method("__setitem__", setitem),
    Native::method("__contains__", contains_method),
    Native::method("__reversed__", reversed_method),
];
