//! Memory figures and the heap of emberpy firmware.
//!
//! * [`Heap`]: the global allocator, embedded-alloc's linked-list
//!   first-fit heap over one region of RAM, counting the bytes in use and
//!   their peak.
//! * [`stack_usage`]: the stack's high-water mark, read from the paint
//!   cortex-m-rt lays over the stack at reset (its `paint-stack` feature).
//! * [`report`]: both, as one `emberpy-memory:` console line.
#![no_std]
#![warn(missing_docs)]

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;
use core::fmt::Write;
use core::mem::MaybeUninit;

use critical_section::Mutex;
use embedded_alloc::LlffHeap;

/// The firmware's heap. Declare it as the `#[global_allocator]` and give
/// it its memory with [`Heap::init`] before the first allocation.
pub struct Heap {
    inner: LlffHeap,
    size: Mutex<Cell<usize>>,
    peak: Mutex<Cell<usize>>,
}

impl Heap {
    /// A heap without memory yet: every allocation fails until
    /// [`Heap::init`].
    pub const fn empty() -> Self {
        Heap {
            inner: LlffHeap::empty(),
            size: Mutex::new(Cell::new(0)),
            peak: Mutex::new(Cell::new(0)),
        }
    }

    /// Give the heap `memory`, for the rest of the program. Only the first
    /// call has an effect.
    pub fn init(&self, memory: &'static mut [MaybeUninit<u8>]) {
        critical_section::with(|cs| {
            let size = self.size.borrow(cs);
            if size.get() != 0 || memory.is_empty() {
                return;
            }
            size.set(memory.len());
            // SAFETY: `memory` is borrowed mutably for the rest of the
            // program, so nothing but the heap ever uses it, and the check
            // above makes this the heap's only initialisation.
            unsafe { self.inner.init(memory.as_mut_ptr() as usize, memory.len()) }
        });
    }

    /// Bytes of the heap.
    pub fn size(&self) -> usize {
        critical_section::with(|cs| self.size.borrow(cs).get())
    }

    /// Bytes in use now.
    pub fn used(&self) -> usize {
        self.inner.used()
    }

    /// Most bytes in use at once so far.
    pub fn peak(&self) -> usize {
        critical_section::with(|cs| self.peak.borrow(cs).get())
    }
}

impl Default for Heap {
    fn default() -> Self {
        Self::empty()
    }
}

// SAFETY: every call is forwarded to embedded-alloc's heap with the
// caller's arguments; the peak counter is bookkeeping only.
unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        let ptr = unsafe { self.inner.alloc(layout) };
        if !ptr.is_null() {
            let used = self.inner.used();
            critical_section::with(|cs| {
                let peak = self.peak.borrow(cs);
                peak.set(peak.get().max(used));
            });
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { self.inner.dealloc(ptr, layout) }
    }
}

// Linker symbols: only their addresses mean something.
unsafe extern "C" {
    /// The top of the stack (cortex-m-rt's linker script).
    static _stack_start: u8;
    /// The lowest address the stack may grow to (cortex-m-rt's linker
    /// script): the end of the static data.
    static _stack_end: u8;
}

/// The stack's high-water mark and its size, in bytes: how far below its
/// top the paint cortex-m-rt laid at reset has been overwritten.
pub fn stack_usage() -> (usize, usize) {
    let top = (&raw const _stack_start) as usize;
    let bottom = (&raw const _stack_end) as usize;
    let mut addr = bottom;
    while addr < top {
        // SAFETY: [bottom, top) is RAM the linker script reserves for the
        // stack, word-aligned; a volatile read of a word there has no side
        // effect and does not alias a Rust reference the compiler relies
        // on.
        let word = unsafe { core::ptr::read_volatile(addr as *const u32) };
        if word != cortex_m_rt::STACK_PAINT_VALUE {
            break;
        }
        addr += 4;
    }
    (top - addr, top - bottom)
}

/// Print the heap's and the stack's figures as one line.
pub fn report(heap: &Heap, out: &mut impl Write) {
    let (stack_peak, stack_size) = stack_usage();
    let _ = writeln!(
        out,
        "emberpy-memory: heap_size={} heap_peak={} heap_used={} stack_peak={stack_peak} stack_size={stack_size}",
        heap.size(),
        heap.peak(),
        heap.used(),
    );
}
