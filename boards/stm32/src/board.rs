//! What the suite needs to know about this firmware, and its heap.

use core::fmt::Write;
use core::mem::MaybeUninit;

use emberpy_board_memory::Heap;
use emberpy_board_suite::Board;

/// Bytes of RAM for the heap, out of the chip's 128 KiB of SRAM; the
/// stack gets what the static data leaves of the rest. (Under FreeRTOS
/// the kernel's own 64 KiB heap, for task stacks and control blocks, is
/// the CCM RAM: see `ccm.x`.)
const HEAP_SIZE: usize = 96 * 1024;

/// The VM's own limit, below the heap: the VM raises `MemoryError` before
/// the allocator runs dry (interned names and the compiler's work also
/// live in the heap).
const VM_HEAP_LIMIT: usize = 72 * 1024;

#[global_allocator]
static HEAP: Heap = Heap::empty();

/// Give the heap its RAM; call first thing.
pub fn init_heap() {
    if let Some(memory) = cortex_m::singleton!(
        : [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE]
    ) {
        HEAP.init(memory);
    }
}

fn allocated() -> usize {
    HEAP.used()
}

/// This firmware, for the suite: `scheduler` is the backend's name,
/// `max_threads` the Python threads it holds at once, `unsupported` the
/// scenarios it cannot hold, with the reason.
pub fn board(
    scheduler: &'static str,
    max_threads: usize,
    unsupported: &'static [(&'static str, &'static str)],
) -> Board {
    Board {
        name: crate::bsp::NAME,
        scheduler,
        platform: "stm32",
        vm_heap_limit: VM_HEAP_LIMIT,
        max_threads,
        max_repeat: crate::bsp::MAX_REPEAT,
        allocated,
        install: crate::bsp::install,
        observed_toggles: crate::bsp::observed_toggles,
        unsupported,
    }
}

/// Print the heap and stack figures.
pub fn report_memory(out: &mut impl Write) {
    emberpy_board_memory::report(&HEAP, out);
}
