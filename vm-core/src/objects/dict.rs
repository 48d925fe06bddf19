//! `dict`: insertion-ordered hash map, also used for module globals, class
//! namespaces and instance attributes.
//!
//! Entries live in a vector in insertion order (deleted ones leave a hole
//! until the next compaction); a hash index over entry positions is built
//! once the dict outgrows a few entries, below which a linear scan is
//! faster. Key equality is supplied by the caller, because comparing two
//! Python values may need the heap.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::mem::size_of;

use hashbrown::HashTable;

use crate::PyResult;
use crate::ast::BinOp;
use crate::bytecode::NameCache;
use crate::interp::Ctx;
use crate::interp::ops::{simple_eq, unwrap_builtin};
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::types::BuiltinTypes;
use crate::value::{ObjRef, Value};

/// A Python hash spread over all 64 bits for the index: the index files
/// entries by the hash's top bits, and small `int`s hash to themselves.
#[inline]
fn spread(hash: i64) -> u64 {
    (hash as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(32)
}

/// Below this many entries lookups scan linearly and no index is kept.
const INDEX_THRESHOLD: usize = 8;

/// One key/value pair with the key's hash. A deleted entry has an
/// [`Value::Unbound`] key.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The key's Python hash.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// An insertion-ordered dictionary.
#[derive(Debug, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    index: Option<HashTable<u32>>,
    len: usize,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Self {
        Dict::default()
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Position of the entry whose key has `hash` and satisfies `eq`.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        match &self.index {
            None => self
                .entries
                .iter()
                .position(|e| e.hash == hash && e.key.is_bound() && eq(e.key)),
            Some(index) => index
                .find(spread(hash), |&i| {
                    let e = &self.entries[i as usize];
                    e.hash == hash && eq(e.key)
                })
                .map(|&i| i as usize),
        }
    }

    /// Positions of the live entries whose hash is `hash`, for lookups whose
    /// equality test must run Python code outside this borrow.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        match &self.index {
            None => self
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.hash == hash && e.key.is_bound())
                .map(|(i, _)| i)
                .collect(),
            Some(index) => index
                .iter_hash(spread(hash))
                .map(|&i| i as usize)
                .filter(|&i| self.entries[i].hash == hash)
                .collect(),
        }
    }

    /// The entry at `position`, if it is live.
    #[inline]
    pub fn entry(&self, position: usize) -> Option<&Entry> {
        self.entries.get(position).filter(|e| e.key.is_bound())
    }

    /// Number of entry positions, live or deleted (the bound for iterating
    /// by position).
    pub fn positions(&self) -> usize {
        self.entries.len()
    }

    /// Replace the value of the live entry at `position`.
    #[inline]
    pub fn set_value(&mut self, position: usize, value: Value) {
        self.entries[position].value = value;
    }

    /// Append a key known to be absent. Returns the bytes the dict grew by.
    pub fn push(&mut self, hash: i64, key: Value, value: Value) -> usize {
        let before = self.heap_size();
        if self.entries.len() >= 2 * INDEX_THRESHOLD && self.entries.len() >= 2 * self.len {
            self.compact();
        }
        let position = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        match &mut self.index {
            Some(index) => {
                let entries = &self.entries;
                index.insert_unique(spread(hash), position, |&i| {
                    spread(entries[i as usize].hash)
                });
            }
            None if self.entries.len() > INDEX_THRESHOLD => self.rebuild_index(),
            None => {}
        }
        self.heap_size().saturating_sub(before)
    }

    /// Remove the live entry at `position` and return it.
    pub fn remove_at(&mut self, position: usize) -> Entry {
        let entry = self.entries[position];
        if let Some(index) = &mut self.index
            && let Ok(found) = index.find_entry(spread(entry.hash), |&i| i as usize == position)
        {
            found.remove();
        }
        self.entries[position].key = Value::Unbound;
        self.entries[position].value = Value::Unbound;
        self.len -= 1;
        if self.len == 0 {
            self.clear();
        }
        entry
    }

    /// Remove the last inserted live entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let position = self.entries.iter().rposition(|e| e.key.is_bound())?;
        Some(self.remove_at(position))
    }

    /// Remove every entry.
    pub fn clear(&mut self) {
        self.entries = Vec::new();
        self.index = None;
        self.len = 0;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| e.key.is_bound())
    }

    /// Call `visit` on every key and value.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for e in self.iter() {
            visit(&e.key);
            visit(&e.value);
        }
    }

    /// Bytes owned outside the struct itself.
    pub fn heap_size(&self) -> usize {
        self.entries.capacity() * size_of::<Entry>()
            + self.index.as_ref().map_or(0, HashTable::allocation_size)
    }

    /// A copy with the same entries, in the same order.
    pub fn duplicate(&self) -> Dict {
        let mut copy = Dict::new();
        for e in self.iter() {
            copy.push(e.hash, e.key, e.value);
        }
        copy
    }

    fn compact(&mut self) {
        self.entries.retain(|e| e.key.is_bound());
        self.entries.shrink_to_fit();
        if self.index.is_some() || self.entries.len() > INDEX_THRESHOLD {
            self.rebuild_index();
        }
    }

    fn rebuild_index(&mut self) {
        let mut index = HashTable::with_capacity(self.entries.len());
        for (position, e) in self.entries.iter().enumerate() {
            if e.key.is_bound() {
                let entries = &self.entries;
                index.insert_unique(spread(e.hash), position as u32, |&i| {
                    spread(entries[i as usize].hash)
                });
            }
        }
        self.index = Some(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_key(dict: &Dict, k: i64) -> Option<usize> {
        dict.find(k, |key| matches!(key, Value::Int(x) if x == k))
    }

    #[test]
    fn keeps_insertion_order_across_index_build_and_deletes() {
        let mut d = Dict::new();
        for k in 0..40 {
            d.push(k, Value::Int(k), Value::Int(k * 10));
        }
        for k in (0..40).step_by(2) {
            let p = int_key(&d, k).unwrap();
            d.remove_at(p);
        }
        d.push(100, Value::Int(100), Value::None);
        let keys: Vec<i64> = d
            .iter()
            .map(|e| match e.key {
                Value::Int(k) => k,
                _ => -1,
            })
            .collect();
        let mut expected: Vec<i64> = (1..40).step_by(2).collect();
        expected.push(100);
        assert_eq!(keys, expected);
        assert_eq!(d.len(), 21);
        for k in (1..40).step_by(2) {
            let p = int_key(&d, k).unwrap();
            assert!(matches!(d.entry(p).unwrap().value, Value::Int(v) if v == k * 10));
        }
        assert!(int_key(&d, 2).is_none());
    }

    #[test]
    fn colliding_hashes_are_told_apart_by_equality() {
        let mut d = Dict::new();
        for k in 0..20 {
            d.push(7, Value::Int(k), Value::Int(k));
        }
        assert_eq!(d.candidates(7).len(), 20);
        let p = d.find(7, |key| matches!(key, Value::Int(13))).unwrap();
        assert!(matches!(d.entry(p).unwrap().value, Value::Int(13)));
    }

    #[test]
    fn pop_last_and_clear() {
        let mut d = Dict::new();
        d.push(1, Value::Int(1), Value::None);
        d.push(2, Value::Int(2), Value::None);
        assert!(matches!(d.pop_last().unwrap().key, Value::Int(2)));
        assert_eq!(d.len(), 1);
        d.clear();
        assert!(d.is_empty());
        assert_eq!(d.heap_size(), 0);
    }
}

/// Which view of a dict.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictViewKind {
    /// `keys()`.
    Keys,
    /// `values()`.
    Values,
    /// `items()`.
    Items,
}

impl DictViewKind {
    /// The view type's name.
    pub fn name(self) -> &'static str {
        match self {
            DictViewKind::Keys => "dict_keys",
            DictViewKind::Values => "dict_values",
            DictViewKind::Items => "dict_items",
        }
    }

    /// The dict method that makes this kind of view.
    fn method(self) -> &'static str {
        match self {
            DictViewKind::Keys => "keys",
            DictViewKind::Values => "values",
            DictViewKind::Items => "items",
        }
    }

    /// The view's Python type.
    pub fn type_in(self, t: &BuiltinTypes) -> ObjRef {
        match self {
            DictViewKind::Keys => t.dict_keys,
            DictViewKind::Values => t.dict_values,
            DictViewKind::Items => t.dict_items,
        }
    }
}

fn dict_ref(ctx: &Ctx<'_>, d: Value) -> Option<ObjRef> {
    let d = unwrap_builtin(ctx, d);
    d.as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Dict(_)))
}

fn dict_of<'a>(ctx: &'a Ctx<'_>, r: ObjRef) -> Option<&'a Dict> {
    match ctx.vm.heap.get(r) {
        Object::Dict(d) => Some(d),
        _ => None,
    }
}

impl Ctx<'_> {
    /// Look up a `str` key in a dict without running Python code.
    #[inline]
    pub fn dict_get_str(&self, dict: Value, name: Value) -> Option<Value> {
        let Value::Obj(r) = dict else {
            return None;
        };
        let Object::Dict(d) = self.vm.heap.get(r) else {
            return None;
        };
        let hash = self.str_hash(name);
        let p = d.find(hash, |k| self.same_str(k, name))?;
        d.entry(p).map(|e| e.value)
    }

    /// Set a `str` key of a plain dict (a module's globals) without running
    /// Python code.
    #[inline]
    pub fn dict_set_str(&mut self, dict: ObjRef, name: Value, value: Value) -> PyResult<()> {
        let hash = self.str_hash(name);
        let found = match self.vm.heap.get(dict) {
            Object::Dict(d) => d.find(hash, |k| self.same_str(k, name)),
            _ => return self.dict_set(Value::Obj(dict), name, value),
        };
        let grown = match self.vm.heap.get_mut(dict) {
            Object::Dict(d) => match found {
                Some(p) => {
                    d.set_value(p, value);
                    0
                }
                None => d.push(hash, name, value),
            },
            _ => 0,
        };
        self.reserve(grown)
    }

    /// The value at `position` of the dict `dict` if the key there is
    /// `name` itself (an interned name).
    #[inline(always)]
    fn entry_for(&self, dict: ObjRef, position: usize, name: Value) -> Option<Value> {
        match self.vm.heap.get(dict) {
            Object::Dict(d) => d
                .entry(position)
                .filter(|e| e.key.is(name))
                .map(|e| e.value),
            _ => None,
        }
    }

    /// Position of the `str` key `name` in the dict `dict`.
    #[inline]
    fn position_of_str(&self, dict: ObjRef, name: Value) -> Option<usize> {
        match self.vm.heap.get(dict) {
            Object::Dict(d) => d.find(self.str_hash(name), |k| self.same_str(k, name)),
            _ => None,
        }
    }

    /// The value of a global whose cache holds its position in the
    /// globals, when the entry there is still that name: the hit path of
    /// [`Ctx::load_global_cached`], small enough to inline into the loop.
    #[inline(always)]
    pub fn global_hit(&self, globals: ObjRef, name: Value, cache: &NameCache) -> Option<Value> {
        match cache.get() {
            Some((p, false)) => self.entry_for(globals, p, name),
            _ => None,
        }
    }

    /// [`Ctx::load_global`] through the name's cache in the running code.
    #[inline(never)]
    pub fn load_global_cached(
        &mut self,
        globals: ObjRef,
        name: Value,
        cache: &NameCache,
    ) -> PyResult<Value> {
        let builtins = self.vm.builtins;
        match cache.get() {
            Some((p, false)) => {
                if let Some(v) = self.entry_for(globals, p, name) {
                    return Ok(v);
                }
            }
            Some((p, true)) => {
                if self.position_of_str(globals, name).is_none()
                    && let Some(v) = self.entry_for(builtins, p, name)
                {
                    return Ok(v);
                }
            }
            None => {}
        }
        match self.position_of_str(globals, name) {
            Some(p) => {
                if let Some(v) = self.entry_for(globals, p, name) {
                    cache.set(p, false);
                    return Ok(v);
                }
            }
            None => {
                if let Some(p) = self.position_of_str(builtins, name)
                    && let Some(v) = self.entry_for(builtins, p, name)
                {
                    cache.set(p, true);
                    return Ok(v);
                }
            }
        }
        self.load_global(globals, name)
    }

    /// Store a global whose cache holds its position, when the entry there
    /// is still that name; `false` when the slow path must run.
    #[inline(always)]
    pub fn global_store_hit(
        &mut self,
        globals: ObjRef,
        name: Value,
        value: Value,
        cache: &NameCache,
    ) -> bool {
        if let Some((p, false)) = cache.get()
            && let Object::Dict(d) = self.vm.heap.get_mut(globals)
            && d.entry(p).is_some_and(|e| e.key.is(name))
        {
            d.set_value(p, value);
            return true;
        }
        false
    }

    /// [`Ctx::dict_set_str`] on the globals through the name's cache.
    #[inline(never)]
    pub fn store_global_cached(
        &mut self,
        globals: ObjRef,
        name: Value,
        value: Value,
        cache: &NameCache,
    ) -> PyResult<()> {
        if self.global_store_hit(globals, name, value, cache) {
            return Ok(());
        }
        self.dict_set_str(globals, name, value)?;
        if let Some(p) = self.position_of_str(globals, name)
            && self.entry_for(globals, p, name).is_some()
        {
            cache.set(p, false);
        }
        Ok(())
    }

    /// A global name: the module's globals, then builtins.
    #[inline]
    pub fn load_global(&mut self, globals: ObjRef, name: Value) -> PyResult<Value> {
        if let Some(v) = self.dict_get_str(Value::Obj(globals), name) {
            return Ok(v);
        }
        if let Some(v) = self.dict_get_str(Value::Obj(self.vm.builtins), name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// Position of `key` in the dict `d`, comparing with Python equality.
    fn dict_find(&mut self, d: ObjRef, key: Value, hash: i64) -> PyResult<Option<usize>> {
        let Some(dict) = dict_of(self, d) else {
            return Ok(None);
        };
        let mut undecided = false;
        let found = dict.find(hash, |k| match simple_eq(self, k, key, 0) {
            Some(e) => e,
            None => {
                undecided = true;
                false
            }
        });
        if found.is_some() || !undecided {
            return Ok(found);
        }
        let candidates = dict.candidates(hash);
        for p in candidates {
            let Some(k) = dict_of(self, d).and_then(|dd| dd.entry(p)).map(|e| e.key) else {
                continue;
            };
            if k.is(key) || self.eq(k, key)? {
                return Ok(Some(p));
            }
        }
        Ok(None)
    }

    /// `d[key]` or `None` when absent.
    pub fn dict_lookup(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let Some(r) = dict_ref(self, d) else {
            return Ok(None);
        };
        let hash = self.hash(key)?;
        Ok(self
            .dict_find(r, key, hash)?
            .and_then(|p| dict_of(self, r).and_then(|dd| dd.entry(p)).map(|e| e.value)))
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let Some(r) = dict_ref(self, d) else {
            return Err(self.type_error("expected a dict"));
        };
        let hash = self.hash(key)?;
        let found = self.dict_find(r, key, hash)?;
        let grown = match self.vm.heap.get_mut(r) {
            Object::Dict(dict) => match found {
                Some(p) => {
                    dict.set_value(p, value);
                    0
                }
                None => dict.push(hash, key, value),
            },
            _ => 0,
        };
        self.reserve(grown)
    }

    /// Remove `key`, returning its value, or `None` when absent.
    pub fn dict_remove(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let Some(r) = dict_ref(self, d) else {
            return Ok(None);
        };
        let hash = self.hash(key)?;
        let Some(p) = self.dict_find(r, key, hash)? else {
            return Ok(None);
        };
        Ok(match self.vm.heap.get_mut(r) {
            Object::Dict(dict) => Some(dict.remove_at(p).value),
            _ => None,
        })
    }

    /// Remove `key`; whether it was there.
    pub fn dict_del(&mut self, d: Value, key: Value) -> PyResult<bool> {
        Ok(self.dict_remove(d, key)?.is_some())
    }

    /// `d.update(src)`; with `strict`, a key already present is an error
    /// (the `**` of a call).
    pub fn dict_update(&mut self, d: Value, src: Value, strict: bool) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match dict_ref(self, src).and_then(|r| dict_of(self, r)) {
            Some(s) => s.iter().map(|e| (e.key, e.value)).collect(),
            None => {
                if strict {
                    let t = self.type_name(src);
                    let keys_name = self.intern("keys")?;
                    if crate::interp::attr::find_attr(self, src, keys_name)?.is_none() {
                        return Err(self.type_error(alloc::format!(
                            "argument after ** must be a mapping, not {t}"
                        )));
                    }
                }
                pairs_of(self, src)?
            }
        };
        for (k, v) in pairs {
            if strict && self.dict_lookup(d, k)?.is_some() {
                let name = crate::interp::format::str(self, k)?;
                return Err(self.type_error(alloc::format!(
                    "got multiple values for keyword argument '{name}'"
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }
}

/// Key/value pairs from a mapping (through `keys()`) or an iterable of
/// pairs.
fn pairs_of(ctx: &mut Ctx<'_>, src: Value) -> PyResult<Vec<(Value, Value)>> {
    let keys_name = ctx.intern("keys")?;
    if let Some(keys) = crate::interp::attr::find_attr(ctx, src, keys_name)? {
        let keys = ctx.call(keys, &[])?;
        let keys = ctx.collect(keys)?;
        let mut out = Vec::new();
        for k in keys {
            let v = crate::interp::ops::subscr(ctx, src, k)?;
            out.push((k, v));
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    for (i, item) in ctx.collect(src)?.into_iter().enumerate() {
        let pair = match ctx.collect(item) {
            Ok(p) => p,
            Err(_) => {
                return Err(ctx.type_error(alloc::format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
        };
        if pair.len() != 2 {
            return Err(ctx.value_error(alloc::format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        out.push((pair[0], pair[1]));
    }
    Ok(out)
}

/// `a == b` for two dicts.
pub fn dicts_equal(ctx: &mut Ctx<'_>, a: Value, b: Value) -> PyResult<bool> {
    let (Some(ra), Some(_)) = (dict_ref(ctx, a), dict_ref(ctx, b)) else {
        return Ok(false);
    };
    let pairs: Vec<(Value, Value)> = dict_of(ctx, ra)
        .map(|d| d.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    if ctx.len(a)? != ctx.len(b)? {
        return Ok(false);
    }
    for (k, v) in pairs {
        match ctx.dict_lookup(b, k)? {
            Some(w) if w.is(v) || ctx.eq(v, w)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// The items a view shows (tuples for `items()`).
pub fn view_items(ctx: &mut Ctx<'_>, kind: DictViewKind, d: ObjRef) -> PyResult<Vec<Value>> {
    let pairs: Vec<(Value, Value)> = dict_of(ctx, d)
        .map(|d| d.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    let mut out = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        out.push(match kind {
            DictViewKind::Keys => k,
            DictViewKind::Values => v,
            DictViewKind::Items => ctx.new_tuple(alloc::vec![k, v])?,
        });
    }
    Ok(out)
}

/// `x in view`.
pub fn view_contains(ctx: &mut Ctx<'_>, view: Value, item: Value) -> PyResult<bool> {
    let (kind, d) = match view.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::DictView(kind, d)) => (*kind, *d),
        _ => return Ok(false),
    };
    match kind {
        DictViewKind::Keys => Ok(ctx.dict_lookup(Value::Obj(d), item)?.is_some()),
        DictViewKind::Items => {
            let pair = match item.as_obj().map(|r| ctx.vm.heap.get(r)) {
                Some(Object::Tuple(t)) if t.len() == 2 => (t[0], t[1]),
                _ => return Ok(false),
            };
            match ctx.dict_lookup(Value::Obj(d), pair.0)? {
                Some(v) => Ok(v.is(pair.1) || ctx.eq(v, pair.1)?),
                None => Ok(false),
            }
        }
        DictViewKind::Values => {
            for v in view_items(ctx, kind, d)? {
                if v.is(item) || ctx.eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `dict | dict`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if op != BinOp::BitOr || dict_ref(ctx, b).is_none() {
        return Ok(None);
    }
    let Some(ra) = dict_ref(ctx, a) else {
        return Ok(None);
    };
    let copy = dict_of(ctx, ra).map(Dict::duplicate).unwrap_or_default();
    let out = Value::Obj(ctx.alloc(Object::Dict(Box::new(copy)))?);
    ctx.dict_update(out, b, false)?;
    Ok(Some(out))
}

/// `self` of a `dict` method, checked.
fn this(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, "dict", name));
    }
    let v = if args.positional() > 0 {
        ctx.arg(args, 0)
    } else {
        Value::None
    };
    match dict_ref(ctx, v) {
        Some(r) => Ok(Value::Obj(r)),
        None => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "descriptor '{name}' for 'dict' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// `self` of a `dict` method taking no arguments.
fn this_alone(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    let d = this(ctx, args, name)?;
    ctx.no_args(args, "dict", name)?;
    Ok(d)
}

/// `dict(...)`/`update(...)`: a mapping or pairs, then keyword items.
fn fill_from_args(ctx: &mut Ctx<'_>, d: Value, args: Args, name: &str) -> PyResult<()> {
    let n = args.positional().saturating_sub(1);
    if n > 1 {
        return Err(ctx.type_error(alloc::format!(
            "{name} expected at most 1 argument, got {n}"
        )));
    }
    if n == 1 {
        let src = ctx.arg(args, 1);
        ctx.dict_update(d, src, false)?;
    }
    if let Some(names) = args.kwnames {
        let names: Vec<Value> = match ctx.vm.heap.get(names) {
            Object::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        let first = args.start + args.positional();
        for (i, k) in names.into_iter().enumerate() {
            let v = ctx.th.stack[first + i];
            ctx.dict_set(d, k, v)?;
        }
    }
    Ok(())
}

fn dict_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let d = ctx.new_dict()?;
    if cls.as_obj() == Some(ctx.vm.types.dict) {
        fill_from_args(ctx, d, args, "dict")?;
        return Ok(d);
    }
    crate::interp::class::wrap_builtin(ctx, cls, d)
}

fn dict_init(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__init__")?;
    fill_from_args(ctx, d, args, "dict")?;
    Ok(Value::None)
}

fn get(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "get")?;
    ctx.positional_only(args, 1, "dict", "get", 1, 2)?;
    let k = ctx.arg(args, 1);
    let default = ctx.opt_arg(args, 2).unwrap_or(Value::None);
    Ok(ctx.dict_lookup(d, k)?.unwrap_or(default))
}

fn view(ctx: &mut Ctx<'_>, args: Args, kind: DictViewKind) -> PyResult<Value> {
    let d = this_alone(ctx, args, kind.method())?;
    let r = d.as_obj().unwrap_or(ctx.vm.builtins);
    Ok(Value::Obj(ctx.alloc(Object::DictView(kind, r))?))
}

fn keys(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    view(ctx, args, DictViewKind::Keys)
}

fn values(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    view(ctx, args, DictViewKind::Values)
}

fn items(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    view(ctx, args, DictViewKind::Items)
}

fn pop(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "pop")?;
    ctx.positional_only(args, 1, "dict", "pop", 1, 2)?;
    let k = ctx.arg(args, 1);
    match ctx.dict_remove(d, k)? {
        Some(v) => Ok(v),
        None => match ctx.opt_arg(args, 2) {
            Some(default) => Ok(default),
            None => Err(ctx.key_error(k)),
        },
    }
}

fn popitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this_alone(ctx, args, "popitem")?;
    let r = d.as_obj().unwrap_or(ctx.vm.builtins);
    let last = match ctx.vm.heap.get_mut(r) {
        Object::Dict(dict) => dict.pop_last(),
        _ => None,
    };
    match last {
        Some(e) => ctx.new_tuple(alloc::vec![e.key, e.value]),
        None => {
            let t = ctx.vm.types.key_error;
            Err(ctx.error(t, "popitem(): dictionary is empty"))
        }
    }
}

fn setdefault(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "setdefault")?;
    ctx.positional_only(args, 1, "dict", "setdefault", 1, 2)?;
    let k = ctx.arg(args, 1);
    if let Some(v) = ctx.dict_lookup(d, k)? {
        return Ok(v);
    }
    let v = ctx.opt_arg(args, 2).unwrap_or(Value::None);
    ctx.dict_set(d, k, v)?;
    Ok(v)
}

fn update(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "update")?;
    fill_from_args(ctx, d, args, "update")?;
    Ok(Value::None)
}

fn clear(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this_alone(ctx, args, "clear")?;
    if let Some(Object::Dict(dict)) = d.as_obj().map(|r| ctx.vm.heap.get_mut(r)) {
        dict.clear();
    }
    Ok(Value::None)
}

fn copy(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this_alone(ctx, args, "copy")?;
    let r = d.as_obj().unwrap_or(ctx.vm.builtins);
    let copy = dict_of(ctx, r).map(Dict::duplicate).unwrap_or_default();
    Ok(Value::Obj(ctx.alloc(Object::Dict(Box::new(copy)))?))
}

fn fromkeys(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    ctx.positional_only(args, 1, "dict", "fromkeys", 1, 2)?;
    let keys = ctx.arg(args, 1);
    let v = ctx.opt_arg(args, 2).unwrap_or(Value::None);
    let d = if cls.as_obj() == Some(ctx.vm.types.dict) {
        ctx.new_dict()?
    } else {
        ctx.call(cls, &[])?
    };
    let it = crate::interp::iter::get_iter(ctx, keys)?;
    while let Some(k) = ctx.next(it)? {
        crate::interp::ops::store_subscr(ctx, d, k, v)?;
    }
    Ok(d)
}

fn dict_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this_alone(ctx, args, "__len__")?;
    Ok(Value::Int(ctx.len(d)? as i64))
}

fn getitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__getitem__")?;
    let k = ctx.one_arg(args, 1, "dict", "__getitem__")?;
    match ctx.dict_lookup(d, k)? {
        Some(v) => Ok(v),
        None => Err(ctx.key_error(k)),
    }
}

fn setitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__setitem__")?;
    ctx.positional_only(args, 1, "dict", "__setitem__", 2, 2)?;
    let (k, v) = (ctx.arg(args, 1), ctx.arg(args, 2));
    ctx.dict_set(d, k, v)?;
    Ok(Value::None)
}

fn delitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__delitem__")?;
    let k = ctx.one_arg(args, 1, "dict", "__delitem__")?;
    if ctx.dict_remove(d, k)?.is_none() {
        return Err(ctx.key_error(k));
    }
    Ok(Value::None)
}

fn contains(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__contains__")?;
    let k = ctx.one_arg(args, 1, "dict", "__contains__")?;
    Ok(Value::Bool(ctx.dict_lookup(d, k)?.is_some()))
}

fn dict_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this_alone(ctx, args, "__iter__")?;
    crate::interp::iter::get_iter(ctx, d)
}

/// An iterator over a dict's keys, values or items from last to first.
fn reverse_iter(ctx: &mut Ctx<'_>, d: ObjRef, kind: DictViewKind) -> PyResult<Value> {
    let items = view_items(ctx, kind, d)?;
    let remaining = items.len();
    let seq = ctx.new_list(items)?;
    let it = crate::objects::IterObj::Reversed { seq, remaining };
    Ok(Value::Obj(ctx.alloc(Object::Iter(Box::new(it)))?))
}

fn dict_reversed(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this_alone(ctx, args, "__reversed__")?;
    let r = d.as_obj().unwrap_or(ctx.vm.builtins);
    reverse_iter(ctx, r, DictViewKind::Keys)
}

fn dict_or(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__or__")?;
    let other = ctx.one_arg(args, 1, "dict", "__or__")?;
    Ok(binary(ctx, BinOp::BitOr, d, other)?.unwrap_or(Value::NotImplemented))
}

fn dict_ior(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__ior__")?;
    let other = ctx.one_arg(args, 1, "dict", "__ior__")?;
    ctx.dict_update(d, other, false)?;
    Ok(ctx.arg(args, 0))
}

fn dict_eq(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let d = this(ctx, args, "__eq__")?;
    let other = ctx.one_arg(args, 1, "dict", "__eq__")?;
    if dict_ref(ctx, other).is_none() {
        return Ok(Value::NotImplemented);
    }
    let other = unwrap_builtin(ctx, other);
    Ok(Value::Bool(dicts_equal(ctx, d, other)?))
}

/// Methods of `dict`, sorted by name length then name.
pub static DICT_METHODS: &[Native] = &[
    Native::method("get", get),
    Native::method("pop", pop),
    Native::method("copy", copy),
    Native::method("keys", keys),
    Native::method("clear", clear),
    Native::method("items", items),
    Native::method("__eq__", dict_eq),
    Native::method("__or__", dict_or),
    Native::method("update", update),
    Native::method("values", values),
    Native::method("__ior__", dict_ior),
    Native::method("__len__", dict_len),
    Native::static_method("__new__", dict_new),
    Native::method("popitem", popitem),
    Native::method("__init__", dict_init),
    Native::method("__iter__", dict_iter),
    Native::class_method("fromkeys", fromkeys),
    Native::method("setdefault", setdefault),
    Native::method("__delitem__", delitem),
    Native::method("__getitem__", getitem),
    Native::method("__setitem__", setitem),
    Native::method("__contains__", contains),
    Native::method("__reversed__", dict_reversed),
];

/// The view `self` of a dict view method.
fn this_view(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<(DictViewKind, ObjRef)> {
    let v = if args.positional() > 0 {
        ctx.arg(args, 0)
    } else {
        Value::None
    };
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::DictView(kind, d)) => Ok((*kind, *d)),
        _ => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "descriptor '{name}' for 'dict_keys' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn view_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_view(ctx, args, "__len__")?;
    let v = ctx.arg(args, 0);
    Ok(Value::Int(ctx.len(v)? as i64))
}

fn view_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_view(ctx, args, "__iter__")?;
    let v = ctx.arg(args, 0);
    crate::interp::iter::get_iter(ctx, v)
}

fn view_contains_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_view(ctx, args, "__contains__")?;
    let v = ctx.arg(args, 0);
    let item = ctx.one_arg(args, 1, "", "__contains__")?;
    Ok(Value::Bool(view_contains(ctx, v, item)?))
}

fn view_reversed(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (kind, d) = this_view(ctx, args, "__reversed__")?;
    reverse_iter(ctx, d, kind)
}

fn view_isdisjoint(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_view(ctx, args, "isdisjoint")?;
    let v = ctx.arg(args, 0);
    let other = ctx.one_arg(args, 1, "", "isdisjoint")?;
    Ok(Value::Bool(crate::objects::set::view_isdisjoint(
        ctx, v, other,
    )?))
}

/// Methods of `dict_keys` and `dict_items`, sorted by name length then name.
pub static VIEW_METHODS: &[Native] = &[
    Native::method("__len__", view_len),
    Native::method("__iter__", view_iter),
    Native::method("isdisjoint", view_isdisjoint),
    Native::method("__contains__", view_contains_method),
    Native::method("__reversed__", view_reversed),
];

/// Methods of `dict_values`, sorted by name length then name.
pub static VALUES_VIEW_METHODS: &[Native] = &[
    Native::method("__len__", view_len),
    Native::method("__iter__", view_iter),
    Native::method("__contains__", view_contains_method),
    Native::method("__reversed__", view_reversed),
];
