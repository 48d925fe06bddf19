//! The VM heap: an arena of [`Object`]s addressed by [`ObjRef`], with
//! explicit byte accounting, a hard limit and a mark-and-sweep collector.
//!
//! Objects never move; a slot freed by the collector is reused, lowest index
//! first, and trailing free slots are given back, so a run that frees
//! everything it made leaves the heap exactly as it found it. The collector
//! runs only at safe points chosen by the interpreter, with the complete root
//! set in hand; allocation itself never collects.

use alloc::vec::Vec;

use crate::objects::Object;
use crate::value::{ObjRef, Value};

/// Marker for "no next free slot".
const NO_SLOT: u32 = u32::MAX;

/// Allocation failed because the heap limit would be passed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct HeapFull;

/// Figures the heap reports (part of the public stats).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct HeapStats {
    /// Live objects.
    pub objects: usize,
    /// Bytes accounted to live objects, their buffers and thread state.
    pub bytes: usize,
    /// The configured limit.
    pub limit: usize,
    /// Collections run so far.
    pub collections: u64,
}

/// The object arena.
pub struct Heap {
    slots: Vec<Object>,
    free_head: u32,
    objects: usize,
    object_bytes: usize,
    external_bytes: usize,
    limit: usize,
    reserve_bytes: usize,
    reserve_open: bool,
    allocated_since_gc: usize,
    gc_threshold: usize,
    gc_enabled: bool,
    gc_requested: bool,
    collections: u64,
    marks: Vec<u64>,
    worklist: Vec<u32>,
}

/// The least amount of allocation between two automatic collections.
const MIN_GC_THRESHOLD: usize = 64 * 1024;

impl Heap {
    /// An empty heap that refuses to grow past `limit` bytes.
    ///
    /// Ordinary allocation stops a small reserve short of the limit. The
    /// first refusal opens the reserve, so the code handling the
    /// `MemoryError` (building an `except` tuple, a message) can still
    /// allocate; the end of an exception handler closes it again.
    pub fn new(limit: usize) -> Self {
        Heap {
            slots: Vec::new(),
            free_head: NO_SLOT,
            objects: 0,
            object_bytes: 0,
            external_bytes: 0,
            limit,
            reserve_bytes: (limit / 64).clamp(128, 2048).min(limit / 2),
            reserve_open: false,
            allocated_since_gc: 0,
            gc_threshold: MIN_GC_THRESHOLD.min(limit / 4),
            gc_enabled: true,
            gc_requested: false,
            collections: 0,
            marks: Vec::new(),
            worklist: Vec::new(),
        }
    }

    /// Current figures.
    pub fn stats(&self) -> HeapStats {
        HeapStats {
            objects: self.objects,
            bytes: self.object_bytes + self.external_bytes,
            limit: self.limit,
            collections: self.collections,
        }
    }

    /// Store `object`, failing when the limit would be passed.
    pub fn alloc(&mut self, object: Object) -> Result<ObjRef, HeapFull> {
        self.reserve(object.heap_size())?;
        self.objects += 1;
        if self.free_head != NO_SLOT {
            let index = self.free_head;
            let slot = &mut self.slots[index as usize];
            self.free_head = match slot {
                Object::Free(next) => *next,
                _ => NO_SLOT,
            };
            *slot = object;
            Ok(ObjRef(index))
        } else {
            let index = self.slots.len();
            self.slots.push(object);
            Ok(ObjRef(index as u32))
        }
    }

    /// Account `bytes` more to objects, e.g. a buffer that grew, failing
    /// (and accounting nothing) when the limit would be passed. The
    /// collector re-measures every live object, so growth not reported here
    /// is counted from the next collection on.
    pub fn reserve(&mut self, bytes: usize) -> Result<(), HeapFull> {
        self.check_room(bytes)?;
        self.object_bytes += bytes;
        self.allocated_since_gc += bytes;
        Ok(())
    }

    /// Account `bytes` of memory that is not a heap object (thread stacks
    /// and frames), failing when the limit would be passed.
    pub fn reserve_external(&mut self, bytes: usize) -> Result<(), HeapFull> {
        self.check_room(bytes)?;
        self.external_bytes += bytes;
        Ok(())
    }

    /// Account `bytes` that thread state or an object already grew by, where
    /// refusing was not possible; past the limit the next allocation fails.
    pub fn account_grown(&mut self, bytes: usize, external: bool) {
        if external {
            self.external_bytes += bytes;
        } else {
            self.object_bytes += bytes;
            self.allocated_since_gc += bytes;
        }
    }

    /// Give back `bytes` accounted with [`Heap::reserve_external`].
    pub fn release_external(&mut self, bytes: usize) {
        self.external_bytes = self.external_bytes.saturating_sub(bytes);
    }

    /// Refuse `bytes` more when they would pass the limit (short of the
    /// reserve unless it is open), asking for a collection at the next safe
    /// point so garbage cannot keep the heap full.
    fn check_room(&mut self, bytes: usize) -> Result<(), HeapFull> {
        let cap = if self.reserve_open {
            self.limit
        } else {
            self.limit - self.reserve_bytes
        };
        let total = (self.object_bytes + self.external_bytes).checked_add(bytes);
        match total {
            Some(total) if total <= cap || bytes == 0 => Ok(()),
            _ => {
                self.reserve_open = true;
                self.gc_requested = true;
                Err(HeapFull)
            }
        }
    }

    /// Whether enough has been allocated since the last collection that the
    /// interpreter should collect at its next safe point.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        (self.allocated_since_gc >= self.gc_threshold && self.gc_enabled) || self.gc_requested
    }

    /// Close the reserve kept for handling `MemoryError` (see
    /// [`Heap::new`]); called when an exception handler ends.
    #[inline]
    pub fn close_reserve(&mut self) {
        self.reserve_open = false;
    }

    /// Turn automatic collection on or off (`gc.enable()`/`gc.disable()`);
    /// explicit collections still run.
    pub fn set_gc_enabled(&mut self, enabled: bool) {
        self.gc_enabled = enabled;
    }

    /// Whether automatic collection is on.
    pub fn gc_enabled(&self) -> bool {
        self.gc_enabled
    }

    /// Ask for a collection at the next safe point, even below the
    /// threshold and with automatic collection off.
    pub fn request_collection(&mut self) {
        self.gc_requested = true;
    }

    /// The object at `r`.
    #[inline]
    pub fn get(&self, r: ObjRef) -> &Object {
        &self.slots[r.index()]
    }

    /// The object at `r`, mutably. Callers that grow an object's buffers
    /// account the growth with [`Heap::reserve`] first.
    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        &mut self.slots[r.index()]
    }

    /// Collect garbage: mark everything reachable from `roots` and
    /// `extra_roots`, let `prune_weak` drop weak references to unmarked
    /// objects (it is given the marking test), then free the rest.
    pub fn collect(
        &mut self,
        roots: &[Value],
        extra_roots: &[ObjRef],
        prune_weak: impl FnOnce(&dyn Fn(ObjRef) -> bool),
    ) {
        self.collections += 1;
        self.mark(roots, extra_roots);
        prune_weak(&|r| self.is_marked(r));
        self.sweep();
    }

    fn mark(&mut self, roots: &[Value], extra_roots: &[ObjRef]) {
        let words = self.slots.len().div_ceil(64);
        self.marks.clear();
        self.marks.resize(words, 0);
        self.worklist.clear();
        for v in roots {
            if let Value::Obj(r) = v {
                self.worklist.push(r.0);
            }
        }
        self.worklist.extend(extra_roots.iter().map(|r| r.0));
        while let Some(index) = self.worklist.pop() {
            let (word, bit) = (index as usize / 64, 1u64 << (index % 64));
            if self.marks[word] & bit != 0 {
                continue;
            }
            self.marks[word] |= bit;
            let worklist = &mut self.worklist;
            self.slots[index as usize].trace(&mut |r: ObjRef| worklist.push(r.0));
        }
    }

    fn is_marked(&self, r: ObjRef) -> bool {
        let i = r.index();
        self.marks
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn sweep(&mut self) {
        let mut bytes = 0;
        let mut objects = 0;
        for index in 0..self.slots.len() {
            if matches!(self.slots[index], Object::Free(_)) {
                continue;
            }
            if self.is_marked(ObjRef(index as u32)) {
                bytes += self.slots[index].heap_size();
                objects += 1;
            } else {
                self.slots[index] = Object::Free(NO_SLOT);
            }
        }
        // Give trailing free slots back, then thread the free list lowest
        // index first so allocation stays compact and repeatable.
        while matches!(self.slots.last(), Some(Object::Free(_))) {
            self.slots.pop();
        }
        self.free_head = NO_SLOT;
        for index in (0..self.slots.len()).rev() {
            if let Object::Free(next) = &mut self.slots[index] {
                *next = self.free_head;
                self.free_head = index as u32;
            }
        }
        self.object_bytes = bytes;
        self.objects = objects;
        self.allocated_since_gc = 0;
        self.gc_requested = false;
        self.gc_threshold = (bytes / 2).max(MIN_GC_THRESHOLD).min(self.limit / 4);
    }

    /// Release spare capacity of the heap's own tables, so that the process
    /// allocator sees the same figure before and after a run.
    pub fn shrink(&mut self) {
        self.slots.shrink_to_fit();
        self.marks = Vec::new();
        self.worklist = Vec::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn list(items: Vec<Value>) -> Object {
        Object::List(items)
    }

    #[test]
    fn unreachable_objects_are_freed_and_slots_reused_lowest_first() {
        let mut heap = Heap::new(1 << 20);
        let a = heap.alloc(list(vec![])).unwrap();
        let b = heap.alloc(list(vec![])).unwrap();
        let c = heap.alloc(list(vec![Value::Obj(a)])).unwrap();
        let before = heap.stats();
        heap.collect(&[Value::Obj(c)], &[], |_| {});
        assert_eq!(heap.stats().objects, 2, "b is unreachable");
        assert!(heap.stats().bytes < before.bytes);
        let d = heap.alloc(list(vec![])).unwrap();
        assert_eq!(d, b, "the freed slot is reused");
    }

    #[test]
    fn cycles_are_collected() {
        let mut heap = Heap::new(1 << 20);
        let a = heap.alloc(list(vec![])).unwrap();
        let b = heap.alloc(list(vec![Value::Obj(a)])).unwrap();
        if let Object::List(items) = heap.get_mut(a) {
            items.push(Value::Obj(b));
        }
        heap.collect(&[], &[], |_| {});
        assert_eq!(heap.stats().objects, 0);
        assert_eq!(heap.stats().bytes, 0);
    }

    #[test]
    fn limit_refuses_allocation_without_accounting_it() {
        let mut heap = Heap::new(100);
        let big = list(vec![Value::None; 64]);
        assert_eq!(heap.alloc(big), Err(HeapFull));
        assert_eq!(heap.stats().bytes, 0);
        assert_eq!(heap.stats().objects, 0);
    }

    #[test]
    fn a_refusal_opens_the_reserve_until_a_handler_closes_it() {
        let mut heap = Heap::new(64 * 1024);
        let reserve = heap.reserve_bytes;
        heap.reserve_external(64 * 1024 - reserve).unwrap();
        assert_eq!(heap.reserve(1), Err(HeapFull));
        assert!(heap.wants_collection());
        heap.reserve(reserve).unwrap();
        assert_eq!(heap.reserve(1), Err(HeapFull));
        heap.close_reserve();
        heap.release_external(reserve);
        assert_eq!(heap.reserve(1), Err(HeapFull));
    }

    #[test]
    fn deep_chains_do_not_recurse() {
        let mut heap = Heap::new(1 << 30);
        let mut head = heap.alloc(list(vec![])).unwrap();
        for _ in 0..100_000 {
            head = heap.alloc(list(vec![Value::Obj(head)])).unwrap();
        }
        heap.collect(&[Value::Obj(head)], &[], |_| {});
        assert_eq!(heap.stats().objects, 100_001);
    }

    #[test]
    fn external_bytes_survive_a_collection() {
        let mut heap = Heap::new(1 << 20);
        heap.reserve_external(500).unwrap();
        let a = heap.alloc(list(vec![])).unwrap();
        heap.collect(&[Value::Obj(a)], &[], |_| {});
        assert_eq!(heap.stats().bytes, 500 + heap.get(a).heap_size());
        heap.release_external(500);
        heap.collect(&[], &[], |_| {});
        assert_eq!(heap.stats().bytes, 0);
    }

    #[test]
    fn weak_references_are_pruned_before_sweeping() {
        let mut heap = Heap::new(1 << 20);
        let kept = heap.alloc(list(vec![])).unwrap();
        let dropped = heap.alloc(list(vec![])).unwrap();
        let mut seen = (false, false);
        heap.collect(&[Value::Obj(kept)], &[], |is_live| {
            seen = (is_live(kept), is_live(dropped));
        });
        assert_eq!(seen, (true, false));
    }
}
