//! Interned strings: one heap `str` per distinct identifier, so attribute
//! and global lookups can compare object references instead of text.
//!
//! The table holds its strings weakly: the collector prunes entries whose
//! string nothing else keeps alive, so interning never grows the heap
//! permanently.

use hashbrown::HashTable;

use crate::heap::{Heap, HeapFull};
use crate::objects::{Object, StrObj};
use crate::value::ObjRef;

/// The intern table.
#[derive(Default)]
pub struct Interner {
    table: HashTable<ObjRef>,
}

fn text(heap: &Heap, r: ObjRef) -> &str {
    match heap.get(r) {
        Object::Str(s) => s.as_str(),
        _ => "",
    }
}

fn hash_of(heap: &Heap, r: ObjRef) -> u64 {
    match heap.get(r) {
        Object::Str(s) => s.hash() as u64,
        _ => 0,
    }
}

impl Interner {
    /// An empty table.
    pub fn new() -> Self {
        Interner::default()
    }

    /// The interned string for `s`, made if needed.
    pub fn intern(&mut self, heap: &mut Heap, s: &str) -> Result<ObjRef, HeapFull> {
        let hash = crate::objects::str::hash_str(s) as u64;
        if let Some(r) = self.table.find(hash, |r| text(heap, *r) == s) {
            return Ok(*r);
        }
        let r = heap.alloc(Object::Str(StrObj::new(s)))?;
        self.table.insert_unique(hash, r, |r| hash_of(heap, *r));
        Ok(r)
    }

    /// The interned string equal to the string object `r`, if there is one.
    pub fn lookup(&self, heap: &Heap, r: ObjRef) -> Option<ObjRef> {
        let s = text(heap, r);
        let hash = hash_of(heap, r);
        self.table.find(hash, |i| text(heap, *i) == s).copied()
    }

    /// Drop entries whose string is about to be freed.
    pub fn prune(&mut self, is_live: &dyn Fn(ObjRef) -> bool) {
        self.table.retain(|r| is_live(*r));
    }

    /// Release spare capacity.
    pub fn shrink(&mut self, heap: &Heap) {
        self.table.shrink_to_fit(|r| hash_of(heap, *r));
    }
}
