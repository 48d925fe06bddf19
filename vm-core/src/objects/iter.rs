//! Iterators over built-in containers, and the lazy built-ins `enumerate`,
//! `zip`, `map`, `filter` and `reversed`; also `slice` objects.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::ast::BinOp;
use crate::interp::Ctx;
use crate::native::{Args, Native, Sig};
use crate::objects::Object;
use crate::objects::dict::DictViewKind;
use crate::types::BuiltinTypes;
use crate::value::{ObjRef, Value};

/// Which part of a dict an iterator yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

/// The state of a built-in iterator.
#[derive(Debug)]
pub enum IterObj {
    /// Over a list, tuple, bytes or bytearray by index.
    Seq {
        /// The sequence.
        seq: Value,
        /// The next index.
        index: usize,
    },
    /// Over a str by byte position.
    Str {
        /// The string.
        s: Value,
        /// Byte offset of the next character.
        pos: usize,
    },
    /// Over a range.
    Range {
        /// The next value.
        next: i64,
        /// The step.
        step: i64,
        /// Values left.
        remaining: u64,
    },
    /// Over a dict's keys, values or items.
    Dict {
        /// The dict.
        dict: ObjRef,
        /// The next entry position.
        position: usize,
        /// Its size when iteration began.
        len: usize,
        /// What to yield.
        kind: DictPart,
    },
    /// Over a set.
    Set {
        /// The set.
        set: ObjRef,
        /// The next table position.
        position: usize,
        /// Its size when iteration began.
        len: usize,
    },
    /// The sequence protocol: `obj[0]`, `obj[1]`, … until `IndexError`.
    GetItem {
        /// The object.
        obj: Value,
        /// The next index.
        index: i64,
    },
    /// `enumerate(iterable, start)`.
    Enumerate {
        /// The underlying iterator.
        iter: Value,
        /// The next count (an `int` of any size).
        count: Value,
    },
    /// `zip(*iterables, strict=False)`.
    Zip {
        /// The underlying iterators.
        iters: Vec<Value>,
        /// Whether iterables of different lengths are an error.
        strict: bool,
    },
    /// `map(func, *iterables)`.
    Map {
        /// The function.
        func: Value,
        /// The underlying iterators.
        iters: Vec<Value>,
    },
    /// `filter(func, iterable)`.
    Filter {
        /// The predicate (`None` for truth).
        func: Value,
        /// The underlying iterator.
        iter: Value,
    },
    /// `reversed(seq)`.
    Reversed {
        /// The sequence.
        seq: Value,
        /// Items left (the next index is `remaining - 1`).
        remaining: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        /// The callable.
        func: Value,
        /// The value that ends iteration.
        sentinel: Value,
    },
    /// Nothing more.
    Exhausted,
}

impl IterObj {
    /// Call `visit` on every heap value the iterator holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            IterObj::Seq { seq, .. } | IterObj::Reversed { seq, .. } => visit(seq),
            IterObj::Str { s, .. } => visit(s),
            IterObj::Range { .. } | IterObj::Exhausted => {}
            IterObj::Dict { dict, .. } => visit(&Value::Obj(*dict)),
            IterObj::Set { set, .. } => visit(&Value::Obj(*set)),
            IterObj::GetItem { obj, .. } => visit(obj),
            IterObj::Enumerate { iter, count } => {
                visit(iter);
                visit(count);
            }
            IterObj::Zip { iters, .. } => iters.iter().for_each(visit),
            IterObj::Map { func, iters } => {
                visit(func);
                iters.iter().for_each(visit);
            }
            IterObj::Filter { func, iter } => {
                visit(func);
                visit(iter);
            }
            IterObj::Callable { func, sentinel } => {
                visit(func);
                visit(sentinel);
            }
        }
    }

    /// The Python type of this iterator.
    pub fn type_in(&self, t: &BuiltinTypes) -> ObjRef {
        match self {
            IterObj::Seq { .. } | IterObj::GetItem { .. } | IterObj::Exhausted => t.list_iterator,
            IterObj::Str { .. } => t.str_iterator,
            IterObj::Range { .. } => t.range_iterator,
            IterObj::Dict { kind, .. } => match kind {
                DictPart::Keys => t.dict_keyiterator,
                DictPart::Values => t.dict_valueiterator,
                DictPart::Items => t.dict_itemiterator,
            },
            IterObj::Set { .. } => t.set_iterator,
            IterObj::Enumerate { .. } => t.enumerate,
            IterObj::Zip { .. } => t.zip,
            IterObj::Map { .. } => t.map,
            IterObj::Filter { .. } => t.filter,
            IterObj::Reversed { .. } => t.reversed,
            IterObj::Callable { .. } => t.callable_iterator,
        }
    }
}

impl DictViewKind {
    /// The dict part a view's iterator yields.
    pub fn part(self) -> DictPart {
        match self {
            DictViewKind::Keys => DictPart::Keys,
            DictViewKind::Values => DictPart::Values,
            DictViewKind::Items => DictPart::Items,
        }
    }
}

fn state<'a>(ctx: &'a mut Ctx<'_>, it: ObjRef) -> Option<&'a mut IterObj> {
    match ctx.vm.heap.get_mut(it) {
        Object::Iter(s) => Some(s),
        _ => None,
    }
}

fn exhaust(ctx: &mut Ctx<'_>, it: ObjRef) {
    if let Some(s) = state(ctx, it) {
        *s = IterObj::Exhausted;
    }
}

/// Advance the built-in iterator `it`.
pub fn next(ctx: &mut Ctx<'_>, it: ObjRef) -> PyResult<Option<Value>> {
    let step = match ctx.vm.heap.get(it) {
        Object::Iter(s) => match &**s {
            IterObj::Seq { seq, index } => {
                let (seq, index) = (*seq, *index);
                let item = match seq.as_obj().map(|r| ctx.vm.heap.get(r)) {
                    Some(Object::List(items)) => items.get(index).copied(),
                    Some(Object::Tuple(items)) => items.get(index).copied(),
                    Some(Object::Bytes(b)) => b.get(index).map(|x| Value::Int(*x as i64)),
                    Some(Object::ByteArray(b)) => b.get(index).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                match item {
                    Some(v) => {
                        if let Some(IterObj::Seq { index, .. }) = state(ctx, it) {
                            *index += 1;
                        }
                        return Ok(Some(v));
                    }
                    None => {
                        exhaust(ctx, it);
                        return Ok(None);
                    }
                }
            }
            IterObj::Str { s, pos } => {
                let (s, pos) = (*s, *pos);
                let ch = ctx.str_ref(s).and_then(|t| t[pos..].chars().next());
                return match ch {
                    Some(c) => {
                        if let Some(IterObj::Str { pos, .. }) = state(ctx, it) {
                            *pos += c.len_utf8();
                        }
                        Ok(Some(crate::objects::str::new_char(ctx, c)?))
                    }
                    None => {
                        exhaust(ctx, it);
                        Ok(None)
                    }
                };
            }
            IterObj::Range { .. } => {
                if let Some(IterObj::Range {
                    next,
                    step,
                    remaining,
                }) = state(ctx, it)
                {
                    if *remaining == 0 {
                        return Ok(None);
                    }
                    let v = *next;
                    *remaining -= 1;
                    *next = next.wrapping_add(*step);
                    return Ok(Some(Value::Int(v)));
                }
                return Ok(None);
            }
            IterObj::Dict {
                dict,
                position,
                len,
                kind,
            } => {
                let (dict, mut position, len, kind) = (*dict, *position, *len, *kind);
                let Object::Dict(d) = ctx.vm.heap.get(dict) else {
                    return Ok(None);
                };
                if d.len() != len {
                    exhaust(ctx, it);
                    return Err(ctx.runtime_error("dictionary changed size during iteration"));
                }
                let mut found = None;
                while position < d.positions() {
                    if let Some(e) = d.entry(position) {
                        found = Some((e.key, e.value));
                        position += 1;
                        break;
                    }
                    position += 1;
                }
                let Some((k, v)) = found else {
                    exhaust(ctx, it);
                    return Ok(None);
                };
                if let Some(IterObj::Dict { position: p, .. }) = state(ctx, it) {
                    *p = position;
                }
                return Ok(Some(match kind {
                    DictPart::Keys => k,
                    DictPart::Values => v,
                    DictPart::Items => ctx.new_tuple(alloc::vec![k, v])?,
                }));
            }
            IterObj::Set { set, position, len } => {
                let (set, mut position, len) = (*set, *position, *len);
                let Object::Set(s) = ctx.vm.heap.get(set) else {
                    return Ok(None);
                };
                if s.len() != len {
                    exhaust(ctx, it);
                    return Err(ctx.runtime_error("Set changed size during iteration"));
                }
                let mut found = None;
                while position < s.positions() {
                    let item = s.at(position);
                    position += 1;
                    if item.is_some() {
                        found = item;
                        break;
                    }
                }
                if let Some(IterObj::Set { position: p, .. }) = state(ctx, it) {
                    *p = position;
                }
                if found.is_none() {
                    exhaust(ctx, it);
                }
                return Ok(found);
            }
            IterObj::Exhausted => return Ok(None),
            IterObj::GetItem { obj, index } => Step::GetItem(*obj, *index),
            IterObj::Enumerate { iter, count } => Step::Enumerate(*iter, *count),
            IterObj::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
            IterObj::Map { func, iters } => Step::Map(*func, iters.clone()),
            IterObj::Filter { func, iter } => Step::Filter(*func, *iter),
            IterObj::Reversed { seq, remaining } => Step::Reversed(*seq, *remaining),
            IterObj::Callable { func, sentinel } => Step::Callable(*func, *sentinel),
        },
        _ => return Ok(None),
    };
    step.run(ctx, it)
}

/// The iterators whose step runs Python code or other iterators, copied out
/// of the heap before running.
enum Step {
    GetItem(Value, i64),
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Reversed(Value, usize),
    Callable(Value, Value),
}

impl Step {
    fn run(self, ctx: &mut Ctx<'_>, it: ObjRef) -> PyResult<Option<Value>> {
        match self {
            Step::GetItem(obj, index) => {
                match crate::interp::ops::subscr(ctx, obj, Value::Int(index)) {
                    Ok(v) => {
                        if let Some(IterObj::GetItem { index, .. }) = state(ctx, it) {
                            *index += 1;
                        }
                        Ok(Some(v))
                    }
                    Err(crate::Flow::Raise(e))
                        if ctx.is_instance(e, ctx.vm.types.index_error)
                            || ctx.is_instance(e, ctx.vm.types.stop_iteration) =>
                    {
                        exhaust(ctx, it);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Step::Enumerate(inner, count) => match ctx.next(inner)? {
                Some(v) => {
                    let next =
                        match crate::interp::ops::fast_binary(BinOp::Add, count, Value::Int(1)) {
                            Some(n) => n,
                            None => {
                                crate::interp::ops::binary(ctx, BinOp::Add, count, Value::Int(1))?
                            }
                        };
                    if let Some(IterObj::Enumerate { count, .. }) = state(ctx, it) {
                        *count = next;
                    }
                    Ok(Some(ctx.new_tuple(alloc::vec![count, v])?))
                }
                None => Ok(None),
            },
            Step::Zip(iters, strict) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(iters.len());
                for (i, inner) in iters.iter().enumerate() {
                    match ctx.next(*inner)? {
                        Some(v) => items.push(v),
                        None => {
                            exhaust(ctx, it);
                            if strict {
                                return zip_mismatch(ctx, &iters, i);
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(ctx.new_tuple(items)?))
            }
            Step::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for i in iters {
                    match ctx.next(i)? {
                        Some(v) => args.push(v),
                        None => {
                            exhaust(ctx, it);
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(ctx.call(func, &args)?))
            }
            Step::Filter(func, inner) => loop {
                let Some(v) = ctx.next(inner)? else {
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    v
                } else {
                    ctx.call(func, &[v])?
                };
                if ctx.truthy(keep)? {
                    return Ok(Some(v));
                }
            },
            Step::Reversed(seq, remaining) => {
                if remaining == 0 {
                    return Ok(None);
                }
                if let Some(IterObj::Reversed { remaining, .. }) = state(ctx, it) {
                    *remaining -= 1;
                }
                let index = Value::Int(remaining as i64 - 1);
                match crate::interp::ops::subscr(ctx, seq, index) {
                    Ok(v) => Ok(Some(v)),
                    Err(crate::Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.index_error) => {
                        exhaust(ctx, it);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Step::Callable(func, sentinel) => {
                let v = ctx.call(func, &[])?;
                if ctx.eq(v, sentinel)? {
                    exhaust(ctx, it);
                    return Ok(None);
                }
                Ok(Some(v))
            }
        }
    }
}

fn new_iter(ctx: &mut Ctx<'_>, state: IterObj) -> PyResult<Value> {
    Ok(Value::Obj(ctx.alloc(Object::Iter(Box::new(state)))?))
}

fn iter_next(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    match ctx.next(this)? {
        Some(v) => Ok(v),
        None => {
            let t = ctx.vm.types.stop_iteration;
            Err(ctx.error(t, ""))
        }
    }
}

fn iter_self(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(ctx.arg(args, 0))
}

/// Methods of every built-in iterator.
pub static ITERATOR_METHODS: &[Native] = &[
    Native::method("__iter__", iter_self),
    Native::method("__next__", iter_next),
];

/// `zip(strict=True)` found iterator `i` exhausted: an error unless every
/// other one is exhausted too.
fn zip_mismatch(ctx: &mut Ctx<'_>, iters: &[Value], i: usize) -> PyResult<Option<Value>> {
    let plural = |i: usize| {
        if i == 1 {
            String::from(" 1")
        } else {
            alloc::format!("s 1-{i}")
        }
    };
    if i > 0 {
        return Err(ctx.value_error(alloc::format!(
            "zip() argument {} is shorter than argument{}",
            i + 1,
            plural(i)
        )));
    }
    for (k, inner) in iters.iter().enumerate().skip(1) {
        if ctx.next(*inner)?.is_some() {
            return Err(ctx.value_error(alloc::format!(
                "zip() argument {} is longer than argument{}",
                k + 1,
                plural(k)
            )));
        }
    }
    Ok(None)
}

static ENUMERATE: Sig = Sig::new("enumerate", &["iterable", "start"], 1);

fn enumerate_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    if let Some(bad) = ctx.unknown_keyword(args, ENUMERATE.params) {
        return Err(ctx.type_error(alloc::format!(
            "'{bad}' is an invalid keyword argument for enumerate()"
        )));
    }
    if args.count == 1 {
        return Err(ctx.type_error("enumerate() missing required argument 'iterable'"));
    }
    let [iterable, start] = ctx.bind(args, 1, &ENUMERATE)?;
    let count = match start {
        Some(v) => ctx.index_int(v)?,
        None => Value::Int(0),
    };
    let count = match count {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    };
    let iter = crate::interp::iter::get_iter(ctx, iterable.unwrap_or(Value::None))?;
    new_iter(ctx, IterObj::Enumerate { iter, count })
}

/// Methods of `enumerate`.
pub static ENUMERATE_METHODS: &[Native] = &[
    Native::static_method("__new__", enumerate_new),
    Native::method("__iter__", iter_self),
    Native::method("__next__", iter_next),
];

static ZIP: Sig = Sig::new("zip", &["strict"], 0).maxpos(0);

fn zip_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let n = args.positional();
    let kw_only = Args {
        start: args.start + n,
        count: args.count - n,
        ..args
    };
    let [strict] = ctx.bind(kw_only, 0, &ZIP)?;
    let strict = match strict {
        Some(v) => ctx.truthy(v)?,
        None => false,
    };
    let mut iters = Vec::new();
    for i in 1..n {
        let v = ctx.arg(args, i);
        iters.push(crate::interp::iter::get_iter(ctx, v)?);
    }
    new_iter(ctx, IterObj::Zip { iters, strict })
}

/// Methods of `zip`.
pub static ZIP_METHODS: &[Native] = &[
    Native::static_method("__new__", zip_new),
    Native::method("__iter__", iter_self),
    Native::method("__next__", iter_next),
];

fn map_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    if args.keywords() > 0 {
        return Err(ctx.type_error("map() takes no keyword arguments"));
    }
    if args.positional() < 3 {
        return Err(ctx.type_error("map() must have at least two arguments."));
    }
    let func = ctx.arg(args, 1);
    let mut iters = Vec::new();
    for i in 2..args.positional() {
        let v = ctx.arg(args, i);
        iters.push(crate::interp::iter::get_iter(ctx, v)?);
    }
    new_iter(ctx, IterObj::Map { func, iters })
}

/// Methods of `map`.
pub static MAP_METHODS: &[Native] = &[
    Native::static_method("__new__", map_new),
    Native::method("__iter__", iter_self),
    Native::method("__next__", iter_next),
];

fn filter_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 1, "", "filter", 2, 2)?;
    let func = ctx.arg(args, 1);
    let iterable = ctx.arg(args, 2);
    let iter = crate::interp::iter::get_iter(ctx, iterable)?;
    new_iter(ctx, IterObj::Filter { func, iter })
}

/// Methods of `filter`.
pub static FILTER_METHODS: &[Native] = &[
    Native::static_method("__new__", filter_new),
    Native::method("__iter__", iter_self),
    Native::method("__next__", iter_next),
];

fn reversed_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 1, "", "reversed", 1, 1)?;
    let seq = ctx.arg(args, 1);
    let ty = ctx.type_of(seq);
    if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__reversed__") {
        if matches!(f, Value::None) {
            let t = ctx.type_name(seq);
            return Err(ctx.type_error(alloc::format!("'{t}' object is not reversible")));
        }
        return ctx.call(f, &[seq]);
    }
    let inner = crate::interp::ops::unwrap_builtin(ctx, seq);
    if let Some(r) = inner.as_obj() {
        match ctx.vm.heap.get(r) {
            Object::Dict(_) | Object::DictView(..) => {
                let keys = ctx.collect(inner)?;
                let list = ctx.new_list(keys)?;
                let remaining = ctx.len(list)?;
                return new_iter(
                    ctx,
                    IterObj::Reversed {
                        seq: list,
                        remaining,
                    },
                );
            }
            Object::Range(rg) => {
                let rg = *rg;
                let n = rg.len();
                let last = rg.at(n - 1);
                return new_iter(
                    ctx,
                    IterObj::Range {
                        next: last,
                        step: rg.step.wrapping_neg(),
                        remaining: n as u64,
                    },
                );
            }
            Object::List(_)
            | Object::Tuple(_)
            | Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_) => {
                let remaining = ctx.len(inner)?;
                return new_iter(
                    ctx,
                    IterObj::Reversed {
                        seq: inner,
                        remaining,
                    },
                );
            }
            _ => {}
        }
    }
    let sequence = matches!(
        seq.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Instance(_))
    ) && ctx.type_lookup_str(ty, "__getitem__").is_some()
        && ctx.type_lookup_str(ty, "__len__").is_some();
    if !sequence {
        let t = ctx.type_name(seq);
        return Err(ctx.type_error(alloc::format!("'{t}' object is not reversible")));
    }
    let remaining = ctx.len(seq)?;
    new_iter(ctx, IterObj::Reversed { seq, remaining })
}

/// Methods of `reversed`.
pub static REVERSED_METHODS: &[Native] = &[
    Native::static_method("__new__", reversed_new),
    Native::method("__iter__", iter_self),
    Native::method("__next__", iter_next),
];

/// `iter(callable, sentinel)`.
pub fn callable_iter(ctx: &mut Ctx<'_>, func: Value, sentinel: Value) -> PyResult<Value> {
    new_iter(ctx, IterObj::Callable { func, sentinel })
}

fn slice_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 1, "", "slice", 1, 3)?;
    let a = |i: usize| ctx.opt_arg(args, i).unwrap_or(Value::None);
    let parts = match args.positional() {
        2 => [Value::None, a(1), Value::None],
        _ => [a(1), a(2), a(3)],
    };
    Ok(Value::Obj(ctx.alloc(Object::Slice(Box::new(parts)))?))
}

fn slice_indices(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let len = ctx.one_arg(args, 1, "slice", "indices")?;
    let len = ctx.index_value(len)?;
    if len < 0 {
        return Err(ctx.value_error("length should not be negative"));
    }
    let (start, stop, step) = ctx.slice_indices(this, len)?;
    ctx.new_tuple(alloc::vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step)
    ])
}

/// `slice == slice` and ordering compare the `(start, stop, step)` tuples.
fn slice_compare(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    op: crate::ast::CmpOp,
) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let other = ctx.one_arg(args, 1, "slice", name)?;
    let parts = |ctx: &Ctx<'_>, v: Value| match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Slice(p)) => Some(**p),
        _ => None,
    };
    let (Some(a), Some(b)) = (parts(ctx, this), parts(ctx, other)) else {
        return Ok(Value::NotImplemented);
    };
    let a = ctx.new_tuple(a.to_vec())?;
    let b = ctx.new_tuple(b.to_vec())?;
    crate::interp::ops::compare(ctx, op, a, b)
}

fn slice_eq(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    slice_compare(ctx, args, "__eq__", crate::ast::CmpOp::Eq)
}

fn slice_ne(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    slice_compare(ctx, args, "__ne__", crate::ast::CmpOp::NotEq)
}

/// Methods of `slice`, sorted by name length then name.
pub static SLICE_METHODS: &[Native] = &[
    Native::method("__eq__", slice_eq),
    Native::method("__ne__", slice_ne),
    Native::static_method("__new__", slice_new),
    Native::method("indices", slice_indices),
];
