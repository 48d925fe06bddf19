//! A small direct-mapped cache of attribute lookups through a type's MRO
//! (the instance-attribute path calls them on every `obj.attr`,
//! `obj.method()` and `obj.attr = v`). Entries are keyed by the type and by
//! the name's identity: an interned `str` object, or the address of a
//! `&'static str`. Any change that could alter a lookup's result moves the
//! cache to a new epoch, which empties it at once: assigning or deleting a
//! class attribute, and every collection (a freed type's or name's `ObjRef`
//! may be reused).

use core::cell::Cell;

use crate::value::{ObjRef, Value};

/// Entries in the cache (log2): 256 on a host, 64 on a microcontroller.
#[cfg(target_pointer_width = "64")]
const BITS: u32 = 8;
#[cfg(not(target_pointer_width = "64"))]
const BITS: u32 = 6;
const SIZE: usize = 1 << BITS;

/// What a lookup is keyed by besides the type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Key {
    /// An interned `str` object.
    Name(ObjRef),
    /// The text of a `&'static str`, by address and length.
    Static(usize, usize),
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    ty: ObjRef,
    key: Key,
    epoch: u32,
    found: Option<Value>,
}

/// The cache (interior mutability: lookups take `&Vm`).
#[derive(Debug)]
pub struct LookupCache {
    entries: [Cell<Option<Entry>>; SIZE],
    epoch: Cell<u32>,
}

impl Default for LookupCache {
    fn default() -> Self {
        LookupCache {
            entries: core::array::from_fn(|_| Cell::new(None)),
            epoch: Cell::new(0),
        }
    }
}

impl LookupCache {
    fn slot(ty: ObjRef, key: Key) -> usize {
        let k = match key {
            Key::Name(r) => r.index() as u64,
            Key::Static(addr, len) => (addr ^ len) as u64,
        };
        let mixed = ((ty.index() as u64) << 32 ^ k).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - BITS)) as usize
    }

    /// The cached result of looking `key` up in `ty`'s MRO, if known (the
    /// outer `Option`); the inner one is the lookup's result.
    #[inline]
    pub fn get(&self, ty: ObjRef, key: Key) -> Option<Option<Value>> {
        let e = self.entries[Self::slot(ty, key)].get()?;
        (e.ty == ty && e.key == key && e.epoch == self.epoch.get()).then_some(e.found)
    }

    /// Remember a lookup's result.
    #[inline]
    pub fn put(&self, ty: ObjRef, key: Key, found: Option<Value>) {
        let epoch = self.epoch.get();
        self.entries[Self::slot(ty, key)].set(Some(Entry {
            ty,
            key,
            epoch,
            found,
        }));
    }

    /// Forget every entry (a class attribute changed, or a collection ran).
    pub fn invalidate(&self) {
        self.epoch.set(self.epoch.get().wrapping_add(1));
        if self.epoch.get() == 0 {
            // After a wrap, an entry from 2^32 epochs ago must not match.
            self.entries.iter().for_each(|e| e.set(None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hit_needs_the_same_type_key_and_epoch() {
        let cache = LookupCache::default();
        let (t, u) = (ObjRef(3), ObjRef(4));
        let name = Key::Name(ObjRef(9));
        assert!(cache.get(t, name).is_none());
        cache.put(t, name, Some(Value::Int(1)));
        assert!(matches!(cache.get(t, name), Some(Some(Value::Int(1)))));
        assert!(cache.get(u, name).is_none());
        cache.put(t, Key::Static(100, 3), None);
        assert!(matches!(cache.get(t, Key::Static(100, 3)), Some(None)));
        cache.invalidate();
        assert!(cache.get(t, Key::Static(100, 3)).is_none());
    }
}
