//! The whole suite on the host, on embassy's std executor: every frozen
//! scenario must pass the checks the boards make.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use emberpy_board_suite::{Board, RunEnd, Suite};
use emberpy_machine::PinBankCell;
use emberpy_machine::sim::SimBank;
use sched_embassy::{EmbassyConfig, EmbassyRuntime};
use vm_core::{Config, Vm};

/// The system allocator, counting the bytes in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` with the same arguments; the
// counter is only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

static PINS: PinBankCell<SimBank<30>> = PinBankCell::new(SimBank::new());

fn allocated() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

fn install(vm: &mut Vm) {
    emberpy_machine::install(vm, &PINS);
    emberpy_board_suite::sensor::install(vm, || Some(23.5));
}

fn toggles(pin: u32) -> Option<u32> {
    PINS.with(|bank| bank.get(pin).map(|p| p.transitions()))
}

#[test]
fn every_scenario_passes_on_the_host() {
    let runtime = EmbassyRuntime::new(EmbassyConfig::default());
    // Warm up: the executor and the time driver allocate on first use.
    let mut vm = Vm::new(Config::default(), Box::new(Quiet)).unwrap();
    let main = vm
        .load_main("import time\ntime.sleep(0.001)\n", "warm.py", vec![])
        .unwrap();
    drop(runtime.run(vm, main));

    let board = Board {
        name: "host",
        scheduler: runtime.name(),
        platform: "host",
        vm_heap_limit: 256 * 1024,
        max_threads: 32,
        max_repeat: 40,
        allocated,
        install,
        observed_toggles: toggles,
        unsupported: &[],
    };
    let mut out = String::new();
    let mut suite = Suite::new(board, &mut out);
    while let Some((vm, main)) = suite.next_run() {
        let vm = runtime.run(vm, main);
        let end = RunEnd {
            returned_at: runtime.now(),
            counters: runtime.counters(),
            rtos_heap_delta: None,
        };
        suite.finish_run(vm, end);
    }
    let ok = suite.finish();
    assert!(ok, "{out}");
    for form in ["source", "bytecode"] {
        assert!(
            out.contains(&format!("emberpy-result: id=B01 form={form} result=pass")),
            "{out}"
        );
        assert!(
            out.contains(&format!(
                "emberpy-result: id=S09 form={form} result=pass runs=40"
            )),
            "{out}"
        );
    }
    assert_eq!(out.matches(" toggles=20").count(), 2, "{out}");
    // Every bytecode run printed what its source run printed.
    assert_eq!(out.matches(" same_as_source=yes").count(), 16, "{out}");
    assert!(
        out.ends_with("results=32 passed=32 failed=0 skipped=0 result=pass\n"),
        "{out}"
    );
}

/// A host that drops output.
struct Quiet;

impl vm_core::Host for Quiet {
    fn write_stdout(&mut self, _: &str) {}
    fn write_stderr(&mut self, _: &str) {}
}
