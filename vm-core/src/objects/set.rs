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
use crate::objects::dict::DictViewKind;
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

    /// Grow (or shrink) the table to hold `minused` elements, re-inserting
    /// the live ones in table order, as CPython's `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = core::mem::replace(&mut self.table, vec![EMPTY; size]);
        self.fill = self.used;
        for slot in old.into_iter().filter(Slot::is_live) {
            self.insert_clean(slot);
        }
    }

    /// Store a slot in a table known to hold neither it nor dummies.
    fn insert_clean(&mut self, slot: Slot) {
        let mask = self.mask();
        let mut perturb = slot.hash as u64;
        let mut i = (slot.hash as u64 as usize) & mask;
        loop {
            if self.table[i].is_empty() {
                self.table[i] = slot;
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if self.table[j].is_empty() {
                        self.table[j] = slot;
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// The live slots in table order.
    fn live(&self) -> Vec<Slot> {
        self.table.iter().filter(|s| s.is_live()).copied().collect()
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

fn set_mut<'a>(ctx: &'a mut Ctx<'_>, r: ObjRef) -> Option<&'a mut Set> {
    match ctx.vm.heap.get_mut(r) {
        Object::Set(s) => Some(s),
        _ => None,
    }
}

fn len_of(ctx: &Ctx<'_>, r: ObjRef) -> usize {
    set_of(ctx, r).map_or(0, Set::len)
}

/// The dict a plain `dict` value is (not a subclass: its keys may be
/// overridden).
fn exact_dict(ctx: &Ctx<'_>, v: Value) -> Option<ObjRef> {
    v.as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Dict(_)))
}

/// Run `f` on the set `r`, then account any growth of its table.
fn with_set(ctx: &mut Ctx<'_>, r: ObjRef, f: impl FnOnce(&mut Set)) -> PyResult<()> {
    let before = set_of(ctx, r).map_or(0, Set::heap_size);
    if let Some(s) = set_mut(ctx, r) {
        f(s);
    }
    let after = set_of(ctx, r).map_or(0, Set::heap_size);
    ctx.reserve(after.saturating_sub(before))
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

    /// Add `v` (whose hash is `hash`) to the set `r`.
    fn set_add_hashed(&mut self, r: ObjRef, v: Value, hash: i64) -> PyResult<()> {
        if let Probe::Vacant(slot) = self.set_probe(r, v, hash)? {
            let grown = set_mut(self, r).map_or(0, |set| set.insert_at(slot, hash, v));
            self.reserve(grown)?;
        }
        Ok(())
    }

    /// `s.add(v)`.
    pub fn set_add(&mut self, s: Value, v: Value) -> PyResult<()> {
        let Some(r) = set_ref(self, s) else {
            return Err(self.type_error("expected a set"));
        };
        let hash = self.hash(v)?;
        self.set_add_hashed(r, v, hash)
    }

    /// The hash of a set element being looked up: an unhashable set is
    /// looked up as a frozenset, as in CPython.
    fn lookup_key(&mut self, v: Value) -> PyResult<(Value, i64)> {
        match self.hash(v) {
            Ok(h) => Ok((v, h)),
            Err(e) => {
                let Some(r) = set_ref(self, v).filter(|r| !is_frozen(self, *r)) else {
                    return Err(e);
                };
                let frozen = copy_of(self, r, true)?;
                let h = self.hash(frozen)?;
                Ok((frozen, h))
            }
        }
    }

    /// `v in s`.
    pub fn set_contains(&mut self, s: Value, v: Value) -> PyResult<bool> {
        let Some(r) = set_ref(self, s) else {
            return Ok(false);
        };
        let (v, hash) = self.lookup_key(v)?;
        Ok(matches!(self.set_probe(r, v, hash)?, Probe::Found(_)))
    }

    /// Remove `v` (hash `hash`) from `s`; whether it was there.
    fn set_discard_hashed(&mut self, s: ObjRef, v: Value, hash: i64) -> PyResult<bool> {
        if let Probe::Found(slot) = self.set_probe(s, v, hash)? {
            if let Some(set) = set_mut(self, s) {
                set.remove_at(slot);
            }
            return Ok(true);
        }
        Ok(false)
    }

    /// Remove `v` from `s`; whether it was there.
    fn set_discard(&mut self, s: ObjRef, v: Value) -> PyResult<bool> {
        let (v, hash) = self.lookup_key(v)?;
        self.set_discard_hashed(s, v, hash)
    }
}

fn is_frozen(ctx: &Ctx<'_>, r: ObjRef) -> bool {
    set_of(ctx, r).is_some_and(|s| s.frozen)
}

/// A new empty set (or frozenset).
fn empty(ctx: &mut Ctx<'_>, frozen: bool) -> PyResult<ObjRef> {
    let s = ctx.new_set(frozen)?;
    Ok(s.as_obj().unwrap_or(ctx.vm.types.empty_tuple))
}

/// Merge the set `other` into `so`, as CPython's `set_merge`: one resize
/// up front, a plain copy of the table into an empty set of the same
/// size, clean inserts into an empty set, else ordinary adds.
fn merge(ctx: &mut Ctx<'_>, so: ObjRef, other: ObjRef) -> PyResult<()> {
    if so == other || len_of(ctx, other) == 0 {
        return Ok(());
    }
    let (o_used, o_mask, o_fill) = match set_of(ctx, other) {
        Some(o) => (o.used, o.mask(), o.fill),
        None => return Ok(()),
    };
    let table = set_of(ctx, other)
        .map(|o| o.table.clone())
        .unwrap_or_default();
    let mut done = false;
    with_set(ctx, so, |s| {
        if (s.fill + o_used) * 5 >= s.mask() * 3 {
            s.resize((s.used + o_used) * 2);
        }
        if s.fill == 0 && s.mask() == o_mask && o_fill == o_used {
            s.table = table.clone();
            s.fill = o_used;
            s.used = o_used;
            done = true;
        } else if s.fill == 0 {
            s.fill = o_used;
            s.used = o_used;
            for slot in table.iter().filter(|x| x.is_live()) {
                s.insert_clean(*slot);
            }
            done = true;
        }
    })?;
    if done {
        return Ok(());
    }
    for slot in table.into_iter().filter(Slot::is_live) {
        ctx.set_add_hashed(so, slot.key, slot.hash)?;
    }
    Ok(())
}

/// `so |= iterable` as CPython's `set_update_internal`.
fn update_from(ctx: &mut Ctx<'_>, so: ObjRef, other: Value) -> PyResult<()> {
    if let Some(o) = set_ref(ctx, other) {
        return merge(ctx, so, o);
    }
    if let Some(d) = exact_dict(ctx, other) {
        let entries: Vec<(i64, Value)> = match ctx.vm.heap.get(d) {
            Object::Dict(d) => d.iter().map(|e| (e.hash, e.key)).collect(),
            _ => Vec::new(),
        };
        let n = entries.len();
        with_set(ctx, so, |s| {
            if (s.fill + n) * 5 >= s.mask() * 3 {
                s.resize((s.used + n) * 2);
            }
        })?;
        for (hash, key) in entries {
            ctx.set_add_hashed(so, key, hash)?;
        }
        return Ok(());
    }
    let it = crate::interp::iter::get_iter(ctx, other)?;
    while let Some(v) = ctx.next(it)? {
        let hash = ctx.hash(v)?;
        ctx.set_add_hashed(so, v, hash)?;
    }
    Ok(())
}

/// A copy of the set `r` (a set or a frozenset).
fn copy_of(ctx: &mut Ctx<'_>, r: ObjRef, frozen: bool) -> PyResult<Value> {
    let out = empty(ctx, frozen)?;
    merge(ctx, out, r)?;
    Ok(Value::Obj(out))
}

/// A new set (or frozenset) holding the elements of any iterable.
fn new_from(ctx: &mut Ctx<'_>, iterable: Value, frozen: bool) -> PyResult<ObjRef> {
    let out = empty(ctx, frozen)?;
    update_from(ctx, out, iterable)?;
    Ok(out)
}

/// The elements of `v` as a set: `v` itself when it is one.
fn as_set(ctx: &mut Ctx<'_>, v: Value) -> PyResult<ObjRef> {
    match set_ref(ctx, v) {
        Some(r) => Ok(r),
        None => new_from(ctx, v, false),
    }
}

/// `so & other` as CPython's `set_intersection`: iterate the smaller of
/// two sets, or the other iterable.
fn intersection(ctx: &mut Ctx<'_>, so: ObjRef, other: Value, frozen: bool) -> PyResult<ObjRef> {
    if set_ref(ctx, other) == Some(so) {
        return copy_of(ctx, so, frozen).map(|v| v.as_obj().unwrap_or(so));
    }
    let result = empty(ctx, frozen)?;
    if let Some(o) = set_ref(ctx, other) {
        let (big, small) = if len_of(ctx, o) > len_of(ctx, so) {
            (o, so)
        } else {
            (so, o)
        };
        let slots = set_of(ctx, small).map(Set::live).unwrap_or_default();
        for slot in slots {
            if matches!(ctx.set_probe(big, slot.key, slot.hash)?, Probe::Found(_)) {
                ctx.set_add_hashed(result, slot.key, slot.hash)?;
            }
        }
        return Ok(result);
    }
    let it = crate::interp::iter::get_iter(ctx, other)?;
    while let Some(v) = ctx.next(it)? {
        let hash = ctx.hash(v)?;
        if matches!(ctx.set_probe(so, v, hash)?, Probe::Found(_)) {
            ctx.set_add_hashed(result, v, hash)?;
        }
    }
    Ok(result)
}

/// `so -= other` as CPython's `set_difference_update_internal`.
fn difference_update(ctx: &mut Ctx<'_>, so: ObjRef, other: Value) -> PyResult<()> {
    if set_ref(ctx, other) == Some(so) {
        if let Some(s) = set_mut(ctx, so) {
            s.clear();
        }
        return Ok(());
    }
    if let Some(mut o) = set_ref(ctx, other) {
        if len_of(ctx, o) >> 3 > len_of(ctx, so) {
            o = intersection(ctx, so, Value::Obj(o), false)?;
        }
        let slots = set_of(ctx, o).map(Set::live).unwrap_or_default();
        for slot in slots {
            ctx.set_discard_hashed(so, slot.key, slot.hash)?;
        }
    } else {
        let it = crate::interp::iter::get_iter(ctx, other)?;
        while let Some(v) = ctx.next(it)? {
            ctx.set_discard(so, v)?;
        }
    }
    with_set(ctx, so, |s| {
        if s.fill - s.used > s.mask() / 4 {
            let used = s.used;
            s.resize(if used > 50_000 { used * 2 } else { used * 4 });
        }
    })
}

/// `so - other` as CPython's `set_difference`.
fn difference(ctx: &mut Ctx<'_>, so: ObjRef, other: Value, frozen: bool) -> PyResult<ObjRef> {
    let other_size = match (set_ref(ctx, other), exact_dict(ctx, other)) {
        (Some(o), _) => Some(len_of(ctx, o)),
        (None, Some(d)) => Some(ctx.len(Value::Obj(d))?),
        _ => None,
    };
    match other_size {
        Some(n) if len_of(ctx, so) >> 2 <= n => {
            let result = empty(ctx, frozen)?;
            let slots = set_of(ctx, so).map(Set::live).unwrap_or_default();
            for slot in slots {
                let present = match set_ref(ctx, other) {
                    Some(o) => matches!(ctx.set_probe(o, slot.key, slot.hash)?, Probe::Found(_)),
                    None => ctx.dict_lookup(other, slot.key)?.is_some(),
                };
                if !present {
                    ctx.set_add_hashed(result, slot.key, slot.hash)?;
                }
            }
            Ok(result)
        }
        _ => {
            let result = copy_of(ctx, so, frozen)?.as_obj().unwrap_or(so);
            difference_update(ctx, result, other)?;
            Ok(result)
        }
    }
}

/// `so ^= other` as CPython's `set_symmetric_difference_update`.
fn symmetric_difference_update(ctx: &mut Ctx<'_>, so: ObjRef, other: Value) -> PyResult<()> {
    if set_ref(ctx, other) == Some(so) {
        if let Some(s) = set_mut(ctx, so) {
            s.clear();
        }
        return Ok(());
    }
    let o = match set_ref(ctx, other) {
        Some(o) => o,
        None => new_from(ctx, other, false)?,
    };
    let slots = set_of(ctx, o).map(Set::live).unwrap_or_default();
    for slot in slots {
        if !ctx.set_discard_hashed(so, slot.key, slot.hash)? {
            ctx.set_add_hashed(so, slot.key, slot.hash)?;
        }
    }
    Ok(())
}

/// `so ^ other`: a copy of `other` updated with `so`.
fn symmetric_difference(
    ctx: &mut Ctx<'_>,
    so: ObjRef,
    other: Value,
    frozen: bool,
) -> PyResult<ObjRef> {
    let result = new_from(ctx, other, frozen)?;
    symmetric_difference_update(ctx, result, Value::Obj(so))?;
    Ok(result)
}

/// Replace the contents of `target` with those of `source`, keeping
/// `target`'s kind.
fn swap_bodies(ctx: &mut Ctx<'_>, target: ObjRef, source: ObjRef) -> PyResult<()> {
    let fresh = match set_mut(ctx, source) {
        Some(set) => core::mem::replace(set, Set::new(false)),
        None => return Ok(()),
    };
    with_set(ctx, target, |set| {
        let frozen = set.frozen;
        *set = fresh;
        set.frozen = frozen;
    })
}

/// Whether every element of the set `small` is in the set `big`.
fn subset(ctx: &mut Ctx<'_>, small: ObjRef, big: ObjRef) -> PyResult<bool> {
    if len_of(ctx, small) > len_of(ctx, big) {
        return Ok(false);
    }
    let slots = set_of(ctx, small).map(Set::live).unwrap_or_default();
    for slot in slots {
        if !matches!(ctx.set_probe(big, slot.key, slot.hash)?, Probe::Found(_)) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether `v` is a dict view.
fn view_of(ctx: &Ctx<'_>, v: Value) -> Option<(DictViewKind, ObjRef)> {
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::DictView(kind, d)) => Some((*kind, *d)),
        _ => None,
    }
}

/// A new set of a view's elements (keys views go through their dict).
fn view_to_set(ctx: &mut Ctx<'_>, v: Value) -> PyResult<ObjRef> {
    match view_of(ctx, v) {
        Some((DictViewKind::Keys, d)) => new_from(ctx, Value::Obj(d), false),
        _ => new_from(ctx, v, false),
    }
}

/// Set operators with a dict view on either side; the result is a `set`.
fn view_binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let (view, other) = match view_of(ctx, a) {
        Some(_) => (a, b),
        None => (b, a),
    };
    let result = match op {
        BinOp::BitAnd => {
            let other_len = ctx.len(other).ok();
            let view_len = ctx.len(view)?;
            let exact_set = matches!(other.as_obj().map(|r| ctx.vm.heap.get(r)), Some(Object::Set(s)) if !s.frozen);
            if exact_set && other_len.is_some_and(|n| view_len <= n) {
                let o = set_ref(ctx, other).unwrap_or(ctx.vm.types.empty_tuple);
                intersection(ctx, o, view, false)?
            } else {
                let (small, big) = match (view_of(ctx, other), other_len) {
                    (Some(_), Some(n)) if n > view_len => (view, other),
                    _ => (other, view),
                };
                let result = empty(ctx, false)?;
                let it = crate::interp::iter::get_iter(ctx, small)?;
                while let Some(v) = ctx.next(it)? {
                    if crate::interp::ops::contains(ctx, big, v)? {
                        ctx.set_add(Value::Obj(result), v)?;
                    }
                }
                result
            }
        }
        BinOp::BitOr => {
            let result = view_to_set(ctx, a)?;
            update_from(ctx, result, b)?;
            result
        }
        BinOp::Sub => {
            let result = view_to_set(ctx, a)?;
            difference_update(ctx, result, b)?;
            result
        }
        _ => {
            let result = view_to_set(ctx, a)?;
            symmetric_difference_update(ctx, result, b)?;
            result
        }
    };
    Ok(Value::Obj(result))
}

/// `|`, `&`, `-`, `^` between sets (and dict views with any iterable).
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
    ) {
        return Ok(None);
    }
    let view_a = view_of(ctx, a).is_some_and(|(k, _)| k != DictViewKind::Values);
    let view_b = view_of(ctx, b).is_some_and(|(k, _)| k != DictViewKind::Values);
    if view_a || (view_b && set_ref(ctx, a).is_some()) {
        if !view_a && op != BinOp::BitAnd && op != BinOp::BitOr {
            let left = new_from(ctx, a, false)?;
            return binary(ctx, op, Value::Obj(left), b);
        }
        return view_binary(ctx, op, a, b).map(Some);
    }
    let (Some(x), Some(_)) = (set_ref(ctx, a), set_ref(ctx, b)) else {
        return Ok(None);
    };
    let frozen = is_frozen(ctx, x);
    let r = match op {
        BinOp::BitOr => {
            let result = copy_of(ctx, x, frozen)?.as_obj().unwrap_or(x);
            update_from(ctx, result, b)?;
            result
        }
        BinOp::BitAnd => intersection(ctx, x, b, frozen)?,
        BinOp::Sub => difference(ctx, x, b, frozen)?,
        _ => symmetric_difference(ctx, x, b, frozen)?,
    };
    Ok(Some(Value::Obj(r)))
}

/// `|=`, `&=`, `-=`, `^=` on a mutable set (the other operand a set).
pub fn inplace(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(_)) = (set_ref(ctx, a), set_ref(ctx, b)) else {
        return Ok(None);
    };
    match op {
        BinOp::BitOr => update_from(ctx, x, b)?,
        BinOp::BitAnd => {
            let tmp = intersection(ctx, x, b, false)?;
            swap_bodies(ctx, x, tmp)?;
        }
        BinOp::Sub => difference_update(ctx, x, b)?,
        BinOp::BitXor => symmetric_difference_update(ctx, x, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a))
}

/// Subset comparisons `<`, `<=`, `>`, `>=`; `None` for non-sets.
pub fn compare(ctx: &mut Ctx<'_>, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    let setlike = |ctx: &Ctx<'_>, v: Value| {
        set_ref(ctx, v).is_some() || view_of(ctx, v).is_some_and(|(k, _)| k != DictViewKind::Values)
    };
    if !setlike(ctx, a) || !setlike(ctx, b) {
        return Ok(None);
    }
    let (x, y) = (as_set(ctx, a)?, as_set(ctx, b)?);
    let (small, big, strict) = match op {
        CmpOp::Lt => (x, y, true),
        CmpOp::LtE => (x, y, false),
        CmpOp::Gt => (y, x, true),
        _ => (y, x, false),
    };
    if strict && len_of(ctx, small) >= len_of(ctx, big) {
        return Ok(Some(false));
    }
    Ok(Some(subset(ctx, small, big)?))
}

/// `a == b` for sets and views; `None` when not both set-like.
pub fn sets_equal(ctx: &mut Ctx<'_>, a: Value, b: Value) -> PyResult<Option<bool>> {
    let setlike = |ctx: &Ctx<'_>, v: Value| {
        set_ref(ctx, v).is_some() || view_of(ctx, v).is_some_and(|(k, _)| k != DictViewKind::Values)
    };
    if !setlike(ctx, a) || !setlike(ctx, b) {
        return Ok(None);
    }
    if ctx.len(a)? != ctx.len(b)? {
        return Ok(Some(false));
    }
    let (x, y) = (as_set(ctx, a)?, as_set(ctx, b)?);
    Ok(Some(subset(ctx, x, y)?))
}

/// `view.isdisjoint(other)` for dict views.
pub fn view_isdisjoint(ctx: &mut Ctx<'_>, view: Value, other: Value) -> PyResult<bool> {
    let it = crate::interp::iter::get_iter(ctx, other)?;
    while let Some(v) = ctx.next(it)? {
        if crate::interp::ops::contains(ctx, view, v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `self` of a set method, checked (`frozenset` methods accept both).
fn this(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<ObjRef> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, "set", name));
    }
    let v = if args.positional() > 0 {
        ctx.arg(args, 0)
    } else {
        Value::None
    };
    match set_ref(ctx, v) {
        Some(r) => Ok(r),
        None => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "descriptor '{name}' for 'set' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// `self` of a method only `set` has.
fn mutable(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<ObjRef> {
    let r = this(ctx, args, name)?;
    if is_frozen(ctx, r) {
        return Err(ctx.type_error(alloc::format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a 'frozenset' object"
        )));
    }
    Ok(r)
}

/// The owner and name of a method for messages (`set`, `add`).
fn qual<'n>(ctx: &Ctx<'_>, r: ObjRef, name: &'n str) -> (&'static str, &'n str) {
    let owner = if is_frozen(ctx, r) {
        "frozenset"
    } else {
        "set"
    };
    (owner, name)
}

fn make(ctx: &mut Ctx<'_>, args: Args, frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    if args.keywords() > 0 {
        return Err(ctx.type_error(alloc::format!("{name}() takes no keyword arguments")));
    }
    ctx.positional_only(args, 1, "", name, 0, 1)?;
    let cls = ctx.arg(args, 0);
    let exact = cls.as_obj()
        == Some(if frozen {
            ctx.vm.types.frozenset
        } else {
            ctx.vm.types.set
        });
    let s = match ctx.opt_arg(args, 1) {
        Some(v)
            if frozen
                && exact
                && set_ref(ctx, v).is_some_and(|r| is_frozen(ctx, r))
                && matches!(v.as_obj().map(|r| ctx.vm.heap.get(r)), Some(Object::Set(_))) =>
        {
            v
        }
        Some(v) => Value::Obj(new_from(ctx, v, frozen)?),
        None => Value::Obj(empty(ctx, frozen)?),
    };
    crate::interp::class::wrap_builtin(ctx, cls, s)
}

fn set_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    make(ctx, args, false)
}

fn frozenset_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    make(ctx, args, true)
}

fn add(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "add")?;
    let v = ctx.one_arg(args, 1, "set", "add")?;
    ctx.set_add(Value::Obj(s), v)?;
    Ok(Value::None)
}

fn remove(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "remove")?;
    let v = ctx.one_arg(args, 1, "set", "remove")?;
    if !ctx.set_discard(s, v)? {
        return Err(ctx.key_error(v));
    }
    Ok(Value::None)
}

fn discard(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "discard")?;
    let v = ctx.one_arg(args, 1, "set", "discard")?;
    ctx.set_discard(s, v)?;
    Ok(Value::None)
}

fn pop(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "pop")?;
    ctx.no_args(args, "set", "pop")?;
    match set_mut(ctx, s).and_then(Set::pop) {
        Some(v) => Ok(v),
        None => {
            let t = ctx.vm.types.key_error;
            Err(ctx.error(t, "pop from an empty set"))
        }
    }
}

fn clear(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "clear")?;
    ctx.no_args(args, "set", "clear")?;
    if let Some(set) = set_mut(ctx, s) {
        set.clear();
    }
    Ok(Value::None)
}

fn copy(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "copy")?;
    let q = qual(ctx, s, "copy");
    ctx.no_args(args, q.0, q.1)?;
    let me = ctx.arg(args, 0);
    let frozen = is_frozen(ctx, s);
    if frozen
        && matches!(
            me.as_obj().map(|r| ctx.vm.heap.get(r)),
            Some(Object::Set(_))
        )
    {
        return Ok(me);
    }
    copy_of(ctx, s, frozen)
}

fn union(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "union")?;
    ctx.positional_only(args, 1, qual(ctx, s, "").0, "union", 0, usize::MAX)?;
    let frozen = is_frozen(ctx, s);
    let result = copy_of(ctx, s, frozen)?.as_obj().unwrap_or(s);
    for i in 1..args.positional() {
        let other = ctx.arg(args, i);
        update_from(ctx, result, other)?;
    }
    Ok(Value::Obj(result))
}

/// `so & a & b …` over the method's arguments.
fn intersection_multi(ctx: &mut Ctx<'_>, args: Args, s: ObjRef, frozen: bool) -> PyResult<ObjRef> {
    if args.positional() == 1 {
        return copy_of(ctx, s, frozen).map(|v| v.as_obj().unwrap_or(s));
    }
    let mut result = s;
    for i in 1..args.positional() {
        let other = ctx.arg(args, i);
        result = intersection(ctx, result, other, frozen)?;
    }
    Ok(result)
}

fn intersection_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "intersection")?;
    ctx.positional_only(args, 1, qual(ctx, s, "").0, "intersection", 0, usize::MAX)?;
    let frozen = is_frozen(ctx, s);
    intersection_multi(ctx, args, s, frozen).map(Value::Obj)
}

fn difference_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "difference")?;
    ctx.positional_only(args, 1, qual(ctx, s, "").0, "difference", 0, usize::MAX)?;
    let frozen = is_frozen(ctx, s);
    match args.positional() {
        1 => copy_of(ctx, s, frozen),
        2 => {
            let other = ctx.arg(args, 1);
            difference(ctx, s, other, frozen).map(Value::Obj)
        }
        n => {
            let result = copy_of(ctx, s, frozen)?.as_obj().unwrap_or(s);
            for i in 1..n {
                let other = ctx.arg(args, i);
                difference_update(ctx, result, other)?;
            }
            Ok(Value::Obj(result))
        }
    }
}

fn symmetric_difference_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "symmetric_difference")?;
    let q = qual(ctx, s, "symmetric_difference");
    let other = ctx.one_arg(args, 1, q.0, q.1)?;
    let frozen = is_frozen(ctx, s);
    symmetric_difference(ctx, s, other, frozen).map(Value::Obj)
}

fn update(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "update")?;
    ctx.positional_only(args, 1, qual(ctx, s, "").0, "update", 0, usize::MAX)?;
    for i in 1..args.positional() {
        let other = ctx.arg(args, i);
        update_from(ctx, s, other)?;
    }
    Ok(Value::None)
}

fn intersection_update(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "intersection_update")?;
    ctx.positional_only(
        args,
        1,
        qual(ctx, s, "").0,
        "intersection_update",
        0,
        usize::MAX,
    )?;
    let tmp = intersection_multi(ctx, args, s, false)?;
    if tmp != s {
        swap_bodies(ctx, s, tmp)?;
    }
    Ok(Value::None)
}

fn difference_update_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "difference_update")?;
    ctx.positional_only(
        args,
        1,
        qual(ctx, s, "").0,
        "difference_update",
        0,
        usize::MAX,
    )?;
    for i in 1..args.positional() {
        let other = ctx.arg(args, i);
        difference_update(ctx, s, other)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = mutable(ctx, args, "symmetric_difference_update")?;
    let other = ctx.one_arg(args, 1, "set", "symmetric_difference_update")?;
    symmetric_difference_update(ctx, s, other)?;
    Ok(Value::None)
}

fn issubset(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "issubset")?;
    let q = qual(ctx, s, "issubset");
    let other = ctx.one_arg(args, 1, q.0, q.1)?;
    let o = as_set(ctx, other)?;
    Ok(Value::Bool(subset(ctx, s, o)?))
}

fn issuperset(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "issuperset")?;
    let q = qual(ctx, s, "issuperset");
    let other = ctx.one_arg(args, 1, q.0, q.1)?;
    if let Some(o) = set_ref(ctx, other) {
        return Ok(Value::Bool(subset(ctx, o, s)?));
    }
    let it = crate::interp::iter::get_iter(ctx, other)?;
    while let Some(v) = ctx.next(it)? {
        if !ctx.set_contains(Value::Obj(s), v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "isdisjoint")?;
    let q = qual(ctx, s, "isdisjoint");
    let other = ctx.one_arg(args, 1, q.0, q.1)?;
    if let Some(o) = set_ref(ctx, other) {
        let (small, big) = if len_of(ctx, o) < len_of(ctx, s) {
            (o, s)
        } else {
            (s, o)
        };
        let slots = set_of(ctx, small).map(Set::live).unwrap_or_default();
        for slot in slots {
            if matches!(ctx.set_probe(big, slot.key, slot.hash)?, Probe::Found(_)) {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = crate::interp::iter::get_iter(ctx, other)?;
    while let Some(v) = ctx.next(it)? {
        if ctx.set_contains(Value::Obj(s), v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "__len__")?;
    Ok(Value::Int(len_of(ctx, s) as i64))
}

fn contains(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "__contains__")?;
    let q = qual(ctx, s, "__contains__");
    let v = ctx.one_arg(args, 1, q.0, q.1)?;
    Ok(Value::Bool(ctx.set_contains(Value::Obj(s), v)?))
}

fn set_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args, "__iter__")?;
    crate::interp::iter::get_iter(ctx, Value::Obj(s))
}

fn set_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this(ctx, args, "__repr__")?;
    let me = ctx.arg(args, 0);
    let text = crate::interp::format::repr(ctx, me)?;
    ctx.new_string(text)
}

/// Binary operators as dunder methods (`NotImplemented` for non-sets).
fn operator(ctx: &mut Ctx<'_>, args: Args, name: &str, op: BinOp) -> PyResult<Value> {
    let s = this(ctx, args, name)?;
    let q = qual(ctx, s, name);
    let other = ctx.one_arg(args, 1, q.0, q.1)?;
    let me = ctx.arg(args, 0);
    Ok(binary(ctx, op, me, other)?.unwrap_or(Value::NotImplemented))
}

fn s_or(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__or__", BinOp::BitOr)
}

fn s_and(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__and__", BinOp::BitAnd)
}

fn s_sub(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__sub__", BinOp::Sub)
}

fn s_xor(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__xor__", BinOp::BitXor)
}

/// Methods of `set`, sorted by name length then name.
pub static SET_METHODS: &[Native] = &[
    Native::method("add", add),
    Native::method("pop", pop),
    Native::method("copy", copy),
    Native::method("clear", clear),
    Native::method("union", union),
    Native::method("__or__", s_or),
    Native::method("remove", remove),
    Native::method("update", update),
    Native::method("__and__", s_and),
    Native::method("__len__", set_len),
    Native::static_method("__new__", set_new),
    Native::method("__sub__", s_sub),
    Native::method("__xor__", s_xor),
    Native::method("discard", discard),
    Native::method("__iter__", set_iter),
    Native::method("__repr__", set_repr),
    Native::method("issubset", issubset),
    Native::method("difference", difference_method),
    Native::method("isdisjoint", isdisjoint),
    Native::method("issuperset", issuperset),
    Native::method("__contains__", contains),
    Native::method("intersection", intersection_method),
    Native::method("difference_update", difference_update_method),
    Native::method("intersection_update", intersection_update),
    Native::method("symmetric_difference", symmetric_difference_method),
    Native::method(
        "symmetric_difference_update",
        symmetric_difference_update_method,
    ),
];

/// Methods of `frozenset`, sorted by name length then name.
pub static FROZENSET_METHODS: &[Native] = &[
    Native::method("copy", copy),
    Native::method("union", union),
    Native::method("__or__", s_or),
    Native::method("__and__", s_and),
    Native::method("__len__", set_len),
    Native::static_method("__new__", frozenset_new),
    Native::method("__sub__", s_sub),
    Native::method("__xor__", s_xor),
    Native::method("__iter__", set_iter),
    Native::method("__repr__", set_repr),
    Native::method("issubset", issubset),
    Native::method("difference", difference_method),
    Native::method("isdisjoint", isdisjoint),
    Native::method("issuperset", issuperset),
    Native::method("__contains__", contains),
    Native::method("intersection", intersection_method),
    Native::method("symmetric_difference", symmetric_difference_method),
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
