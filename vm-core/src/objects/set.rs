//! `set` and `frozenset`: an open-addressing table probed the way CPython
//! 3.11 probes it, so iterating a set of integers gives CPython's order.

use alloc::vec;
use alloc::vec::Vec;
use core::mem::size_of;

use crate::PyResult;
use crate::ast::{BinOp, CmpOp};
use crate::interp::Ctx;
use crate::interp::ops::simple_eq;
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::value::{ObjRef, Value};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash stored in a slot whose key was removed.
const DUMMY_HASH: i64 = -1;

#[derive(Clone, Copy, Debug)]
struct Slot {
    hash: i64,
    key: Value,
}

const EMPTY: Slot = Slot {
    hash: 0,
    key: Value::Unbound,
};

impl Slot {
    fn is_empty(&self) -> bool {
        !self.key.is_bound() && self.hash != DUMMY_HASH
    }
    fn is_live(&self) -> bool {
        self.key.is_bound()
    }
}

/// Where a key is, or where it would go.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Probe {
    /// The key is present at this slot.
    Found(usize),
    /// The key is absent; it would be stored at this slot.
    Vacant(usize),
}

/// A hash set of Python values.
#[derive(Debug)]
pub struct Set {
    table: Vec<Slot>,
    used: usize,
    fill: usize,
    finger: usize,
    /// Whether this is a `frozenset`.
    pub frozen: bool,
}

impl Set {
    /// An empty set (or frozenset).
    pub fn new(frozen: bool) -> Self {
        Set {
            table: vec![EMPTY; MIN_SIZE],
            used: 0,
            fill: 0,
            finger: 0,
            frozen,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Find `hash`'s key (as judged by `eq`) or the slot it would take.
    pub fn probe(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let slot = &self.table[j];
                if slot.is_empty() {
                    return Probe::Vacant(freeslot.unwrap_or(j));
                }
                if slot.hash == hash && slot.is_live() {
                    if eq(slot.key) {
                        return Probe::Found(j);
                    }
                } else if slot.hash == DUMMY_HASH && !slot.is_live() {
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// The live keys whose hash is `hash`, for lookups whose equality test
    /// must run Python code outside this borrow.
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        self.table
            .iter()
            .filter(|s| s.is_live() && s.hash == hash)
            .map(|s| s.key)
            .collect()
    }

    /// Store a key at the vacant slot `probe` returned. Returns the bytes
    /// the table grew by.
    pub fn insert_at(&mut self, slot: usize, hash: i64, key: Value) -> usize {
        let reused_dummy = self.table[slot].hash == DUMMY_HASH;
        self.table[slot] = Slot { hash, key };
        self.used += 1;
        if reused_dummy {
            return 0;
        }
        self.fill += 1;
        if self.fill * 5 < self.mask() * 3 {
            return 0;
        }
        let before = self.table.len();
        let minused = if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(minused);
        (self.table.len() - before) * size_of::<Slot>()
    }

    /// Remove the key at `slot` (a `Found` probe) and return it.
    pub fn remove_at(&mut self, slot: usize) -> Value {
        let key = self.table[slot].key;
        self.table[slot] = Slot {
            hash: DUMMY_HASH,
            key: Value::Unbound,
        };
        self.used -= 1;
        key
    }

    /// Remove and return an arbitrary element, in CPython's order.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.table[i].is_live() {
            i = (i + 1) & mask;
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    /// Remove every element.
    pub fn clear(&mut self) {
        self.table = vec![EMPTY; MIN_SIZE];
        self.used = 0;
        self.fill = 0;
        self.finger = 0;
    }

    /// Elements with their hashes, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        self.table
            .iter()
            .filter(|s| s.is_live())
            .map(|s| (s.hash, s.key))
    }

    /// The element at table position `position`, if live (for iterators).
    pub fn at(&self, position: usize) -> Option<Value> {
        self.table
            .get(position)
            .filter(|s| s.is_live())
            .map(|s| s.key)
    }

    /// Number of table positions.
    pub fn positions(&self) -> usize {
        self.table.len()
    }

    /// Call `visit` on every element.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for s in &self.table {
            if s.is_live() {
                visit(&s.key);
            }
        }
    }

    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        self.table.capacity() * size_of::<Slot>()
    }

    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = core::mem::replace(&mut self.table, vec![EMPTY; size]);
        self.fill = self.used;
        let mask = size - 1;
        for slot in old.into_iter().filter(Slot::is_live) {
            let mut perturb = slot.hash as u64;
            let mut i = (slot.hash as u64 as usize) & mask;
            'place: loop {
                if self.table[i].is_empty() {
                    self.table[i] = slot;
                    break 'place;
                }
                if i + LINEAR_PROBES <= mask {
                    for j in i + 1..=i + LINEAR_PROBES {
                        if self.table[j].is_empty() {
                            self.table[j] = slot;
                            break 'place;
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i * 5 + 1 + perturb as usize) & mask;
            }
        }
    }
}

/// CPython's `frozenset` hash over the elements' hashes.
pub fn hash_frozenset(hashes: &[i64]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for h in hashes {
        hash ^= shuffle(*h as u64);
    }
    hash ^= ((hashes.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    if h == -1 { 590923713 } else { h }
}

/// The set object behind `v` (a set, frozenset, or subclass instance).
fn set_ref(ctx: &Ctx<'_>, v: Value) -> Option<ObjRef> {
    let v = crate::interp::ops::unwrap_builtin(ctx, v);
    v.as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Set(_)))
}

fn set_of<'a>(ctx: &'a Ctx<'_>, r: ObjRef) -> Option<&'a Set> {
    match ctx.vm.heap.get(r) {
        Object::Set(s) => Some(s),
        _ => None,
    }
}

impl Ctx<'_> {
    /// Where `key` is (or would go) in the set `s`, with Python equality.
    fn set_probe(&mut self, s: ObjRef, key: Value, hash: i64) -> PyResult<Probe> {
        let Some(set) = set_of(self, s) else {
            return Ok(Probe::Vacant(0));
        };
        let mut undecided = false;
        let probe = set.probe(hash, |k| match simple_eq(self, k, key, 0) {
            Some(e) => e,
            None => {
                undecided = true;
                false
            }
        });
        if matches!(probe, Probe::Found(_)) || !undecided {
            return Ok(probe);
        }
        for k in set.candidates(hash) {
            if k.is(key) || self.eq(k, key)? {
                let set = set_of(self, s).map(|s| s.probe(hash, |c| c.is(k)));
                return Ok(set.unwrap_or(probe));
            }
        }
        Ok(probe)
    }

    /// `s.add(v)`.
    pub fn set_add(&mut self, s: Value, v: Value) -> PyResult<()> {
        let Some(r) = set_ref(self, s) else {
            return Err(self.type_error("expected a set"));
        };
        let hash = self.hash(v)?;
        if let Probe::Vacant(slot) = self.set_probe(r, v, hash)? {
            let grown = match self.vm.heap.get_mut(r) {
                Object::Set(set) => set.insert_at(slot, hash, v),
                _ => 0,
            };
            self.reserve(grown)?;
        }
        Ok(())
    }

    /// `v in s`.
    pub fn set_contains(&mut self, s: Value, v: Value) -> PyResult<bool> {
        let Some(r) = set_ref(self, s) else {
            return Ok(false);
        };
        let hash = match self.hash(v) {
            Ok(h) => h,
            Err(e) => {
                // An unhashable set is looked up as a frozenset, as in CPython.
                if set_ref(self, v).is_some() {
                    let items = self.collect(v)?;
                    let frozen = new_from(self, items, true)?;
                    return self.set_contains(s, frozen);
                }
                return Err(e);
            }
        };
        Ok(matches!(self.set_probe(r, v, hash)?, Probe::Found(_)))
    }

    /// Remove `v` from `s`; whether it was there.
    fn set_discard(&mut self, s: ObjRef, v: Value) -> PyResult<bool> {
        let hash = self.hash(v)?;
        if let Probe::Found(slot) = self.set_probe(s, v, hash)? {
            if let Object::Set(set) = self.vm.heap.get_mut(s) {
                set.remove_at(slot);
            }
            return Ok(true);
        }
        Ok(false)
    }
}

/// A new set (or frozenset) holding `items`.
fn new_from(ctx: &mut Ctx<'_>, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = ctx.new_set(frozen)?;
    for v in items {
        ctx.set_add(s, v)?;
    }
    Ok(s)
}

/// The elements of a set in table order.
fn elements(ctx: &Ctx<'_>, r: ObjRef) -> Vec<Value> {
    set_of(ctx, r)
        .map(|s| s.iter().map(|(_, v)| v).collect())
        .unwrap_or_default()
}

/// Elements of any iterable, or of a set/view without iterating Python code.
fn elements_of(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Vec<Value>> {
    match set_ref(ctx, v) {
        Some(r) => Ok(elements(ctx, r)),
        None => ctx.collect(v),
    }
}

fn is_frozen(ctx: &Ctx<'_>, r: ObjRef) -> bool {
    set_of(ctx, r).is_some_and(|s| s.frozen)
}

/// Set algebra: the result of `a op b` as a fresh set of `a`'s kind.
fn algebra(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value, frozen: bool) -> PyResult<Value> {
    let left = elements_of(ctx, a)?;
    let right_set = match set_ref(ctx, b) {
        Some(_) => b,
        None => {
            let items = ctx.collect(b)?;
            new_from(ctx, items, true)?
        }
    };
    let mut out = Vec::new();
    match op {
        BinOp::BitOr => {
            out.extend(left);
            out.extend(elements_of(ctx, right_set)?);
        }
        BinOp::BitAnd => {
            for v in left {
                if ctx.set_contains(right_set, v)? {
                    out.push(v);
                }
            }
        }
        BinOp::Sub => {
            for v in left {
                if !ctx.set_contains(right_set, v)? {
                    out.push(v);
                }
            }
        }
        _ => {
            let left_set = new_from(ctx, left.clone(), true)?;
            for v in left {
                if !ctx.set_contains(right_set, v)? {
                    out.push(v);
                }
            }
            for v in elements_of(ctx, right_set)? {
                if !ctx.set_contains(left_set, v)? {
                    out.push(v);
                }
            }
        }
    }
    new_from(ctx, out, frozen)
}

fn is_setlike(ctx: &Ctx<'_>, v: Value) -> bool {
    set_ref(ctx, v).is_some()
        || matches!(
            v.as_obj().map(|r| ctx.vm.heap.get(r)),
            Some(Object::DictView(..))
        )
}

/// `|`, `&`, `-`, `^` between sets (and dict key views).
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
    ) || !is_setlike(ctx, a)
        || !is_setlike(ctx, b)
    {
        return Ok(None);
    }
    let frozen = set_ref(ctx, a).is_some_and(|r| is_frozen(ctx, r));
    algebra(ctx, op, a, b, frozen).map(Some)
}

/// `|=`, `&=`, `-=`, `^=` on a mutable set.
pub fn inplace(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
    ) || !is_setlike(ctx, b)
    {
        return Ok(None);
    }
    let result = algebra(ctx, op, a, b, false)?;
    replace_contents(ctx, a, result);
    Ok(Some(a))
}

fn replace_contents(ctx: &mut Ctx<'_>, target: Value, source: Value) {
    let (Some(t), Some(s)) = (set_ref(ctx, target), set_ref(ctx, source)) else {
        return;
    };
    let fresh = match ctx.vm.heap.get_mut(s) {
        Object::Set(set) => core::mem::replace(&mut **set, Set::new(false)),
        _ => return,
    };
    if let Object::Set(set) = ctx.vm.heap.get_mut(t) {
        let frozen = set.frozen;
        **set = fresh;
        set.frozen = frozen;
    }
}

/// Subset comparisons `<`, `<=`, `>`, `>=`; `None` for non-sets.
pub fn compare(ctx: &mut Ctx<'_>, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    if !is_setlike(ctx, a) || !is_setlike(ctx, b) {
        return Ok(None);
    }
    let (small, big, strict) = match op {
        CmpOp::Lt => (a, b, true),
        CmpOp::LtE => (a, b, false),
        CmpOp::Gt => (b, a, true),
        _ => (b, a, false),
    };
    let (ls, lb) = (ctx.len(small)?, ctx.len(big)?);
    if ls > lb || (strict && ls == lb) {
        return Ok(Some(false));
    }
    Ok(Some(subset(ctx, small, big)?))
}

fn subset(ctx: &mut Ctx<'_>, small: Value, big: Value) -> PyResult<bool> {
    let big = match set_ref(ctx, big) {
        Some(_) => big,
        None => {
            let items = ctx.collect(big)?;
            new_from(ctx, items, true)?
        }
    };
    for v in elements_of(ctx, small)? {
        if !ctx.set_contains(big, v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a == b` for sets and views; `None` when not both set-like.
pub fn sets_equal(ctx: &mut Ctx<'_>, a: Value, b: Value) -> PyResult<Option<bool>> {
    if !is_setlike(ctx, a) || !is_setlike(ctx, b) {
        return Ok(None);
    }
    if ctx.len(a)? != ctx.len(b)? {
        return Ok(Some(false));
    }
    Ok(Some(subset(ctx, a, b)?))
}

fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<ObjRef> {
    let v = ctx.arg(args, 0);
    match set_ref(ctx, v) {
        Some(r) => Ok(r),
        None => Err(ctx.type_error("descriptor requires a 'set' object")),
    }
}

fn mutable(ctx: &mut Ctx<'_>, args: Args) -> PyResult<ObjRef> {
    let r = this(ctx, args)?;
    if is_frozen(ctx, r) {
        return Err(ctx.type_error("'frozenset' object is immutable"));
    }
    Ok(r)
}

fn make(ctx: &mut Ctx<'_>, args: Args, frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    ctx.check_args(args, name, 1, 2, &[])?;
    let cls = ctx.arg(args, 0);
    let items = if args.positional() == 2 {
        let v = ctx.arg(args, 1);
        elements_of(ctx, v)?
    } else {
        Vec::new()
    };
    let s = new_from(ctx, items, frozen)?;
    crate::interp::class::wrap_builtin(ctx, cls, s)
}

fn set_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    make(ctx, args, false)
}

fn frozenset_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    make(ctx, args, true)
}

fn add(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "add", 2, 2, &[])?;
    let s = mutable(ctx, args)?;
    let v = ctx.arg(args, 1);
    ctx.set_add(Value::Obj(s), v)?;
    Ok(Value::None)
}

fn remove(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "remove", 2, 2, &[])?;
    let s = mutable(ctx, args)?;
    let v = ctx.arg(args, 1);
    if !ctx.set_discard(s, v)? {
        return Err(ctx.key_error(v));
    }
    Ok(Value::None)
}

fn discard(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "discard", 2, 2, &[])?;
    let s = mutable(ctx, args)?;
    let v = ctx.arg(args, 1);
    ctx.set_discard(s, v)?;
    Ok(Value::None)
}

fn pop(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args)?;
    let v = match ctx.vm.heap.get_mut(s) {
        Object::Set(set) => set.pop(),
        _ => None,
    };
    match v {
        Some(v) => Ok(v),
        None => {
            let t = ctx.vm.types.key_error;
            Err(ctx.error(t, "pop from an empty set"))
        }
    }
}

fn clear(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args)?;
    if let Object::Set(set) = ctx.vm.heap.get_mut(s) {
        set.clear();
    }
    Ok(Value::None)
}

fn copy(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args)?;
    let frozen = is_frozen(ctx, s);
    let items = elements(ctx, s);
    new_from(ctx, items, frozen)
}

fn with_others(ctx: &mut Ctx<'_>, args: Args, op: BinOp) -> PyResult<Value> {
    let s = this(ctx, args)?;
    let frozen = is_frozen(ctx, s);
    let mut acc = Value::Obj(s);
    let items = elements(ctx, s);
    acc = if args.positional() == 1 {
        new_from(ctx, items, frozen)?
    } else {
        acc
    };
    for i in 1..args.positional() {
        let other = ctx.arg(args, i);
        acc = algebra(ctx, op, acc, other, frozen)?;
    }
    Ok(acc)
}

fn union(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    with_others(ctx, args, BinOp::BitOr)
}

fn intersection(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    with_others(ctx, args, BinOp::BitAnd)
}

fn difference(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    with_others(ctx, args, BinOp::Sub)
}

fn symmetric_difference(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "symmetric_difference", 2, 2, &[])?;
    with_others(ctx, args, BinOp::BitXor)
}

fn update_with(ctx: &mut Ctx<'_>, args: Args, op: BinOp) -> PyResult<Value> {
    let s = mutable(ctx, args)?;
    let result = with_others(ctx, args, op)?;
    replace_contents(ctx, Value::Obj(s), result);
    Ok(Value::None)
}

fn update(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args)?;
    for i in 1..args.positional() {
        let other = ctx.arg(args, i);
        for v in elements_of(ctx, other)? {
            ctx.set_add(Value::Obj(s), v)?;
        }
    }
    Ok(Value::None)
}

fn intersection_update(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    update_with(ctx, args, BinOp::BitAnd)
}

fn difference_update(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    update_with(ctx, args, BinOp::Sub)
}

fn symmetric_difference_update(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    update_with(ctx, args, BinOp::BitXor)
}

fn issubset(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "issubset", 2, 2, &[])?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    Ok(Value::Bool(subset(ctx, a, b)?))
}

fn issuperset(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "issuperset", 2, 2, &[])?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let items = elements_of(ctx, b)?;
    let small = new_from(ctx, items, true)?;
    Ok(Value::Bool(subset(ctx, small, a)?))
}

fn isdisjoint(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "isdisjoint", 2, 2, &[])?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    for v in elements_of(ctx, b)? {
        if ctx.set_contains(a, v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args)?;
    Ok(Value::Int(set_of(ctx, s).map_or(0, Set::len) as i64))
}

fn contains(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "__contains__", 2, 2, &[])?;
    let s = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    Ok(Value::Bool(ctx.set_contains(Value::Obj(s), v)?))
}

/// Methods of `set`.
pub static SET_METHODS: &[Native] = &[
    Native::static_method("__new__", set_new),
    Native::method("__len__", set_len),
    Native::method("__contains__", contains),
    Native::method("add", add),
    Native::method("remove", remove),
    Native::method("discard", discard),
    Native::method("pop", pop),
    Native::method("clear", clear),
    Native::method("copy", copy),
    Native::method("update", update),
    Native::method("union", union),
    Native::method("intersection", intersection),
    Native::method("difference", difference),
    Native::method("symmetric_difference", symmetric_difference),
    Native::method("intersection_update", intersection_update),
    Native::method("difference_update", difference_update),
    Native::method("symmetric_difference_update", symmetric_difference_update),
    Native::method("issubset", issubset),
    Native::method("issuperset", issuperset),
    Native::method("isdisjoint", isdisjoint),
];

/// Methods of `frozenset`.
pub static FROZENSET_METHODS: &[Native] = &[
    Native::static_method("__new__", frozenset_new),
    Native::method("__len__", set_len),
    Native::method("__contains__", contains),
    Native::method("copy", copy),
    Native::method("union", union),
    Native::method("intersection", intersection),
    Native::method("difference", difference),
    Native::method("symmetric_difference", symmetric_difference),
    Native::method("issubset", issubset),
    Native::method("issuperset", issuperset),
    Native::method("isdisjoint", isdisjoint),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn add(set: &mut Set, k: i64) {
        if let Probe::Vacant(slot) = set.probe(k, |v| matches!(v, Value::Int(x) if x == k)) {
            set.insert_at(slot, k, Value::Int(k));
        }
    }

    fn order(set: &Set) -> Vec<i64> {
        set.iter()
            .map(|(_, v)| match v {
                Value::Int(i) => i,
                _ => -1,
            })
            .collect()
    }

    #[test]
    fn iteration_order_matches_cpython() {
        // python3 -c "print({10, 5, 100, 33, 8})" -> {33, 100, 5, 8, 10}
        let mut s = Set::new(false);
        for k in [10, 5, 100, 33, 8] {
            add(&mut s, k);
        }
        assert_eq!(order(&s), [33, 100, 5, 8, 10]);
        // python3 -c "print(set(range(20, 0, -3)))" -> {2, 5, 8, 11, 14, 17, 20}
        let mut s = Set::new(false);
        for k in (1..=20).rev().step_by(3) {
            add(&mut s, k);
        }
        assert_eq!(order(&s), [2, 5, 8, 11, 14, 17, 20]);
    }

    #[test]
    fn remove_then_readd_and_pop() {
        let mut s = Set::new(false);
        for k in 0..100 {
            add(&mut s, k);
        }
        assert_eq!(s.len(), 100);
        for k in 0..50 {
            if let Probe::Found(slot) = s.probe(k, |v| matches!(v, Value::Int(x) if x == k)) {
                s.remove_at(slot);
            }
        }
        assert_eq!(s.len(), 50);
        add(&mut s, 3);
        assert_eq!(s.len(), 51);
        let mut popped = 0;
        while s.pop().is_some() {
            popped += 1;
        }
        assert_eq!(popped, 51);
        assert!(s.is_empty());
    }
}
