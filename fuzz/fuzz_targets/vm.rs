//! Arbitrary programs run on the VM with the std backend, under an
//! instruction budget, a time limit and a small heap, threads enabled.
//! After every run: no Rust panic, no live thread or task, and the heap
//! back at its baseline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sched_std::{StdConfig, StdRuntime};
use vm_core::{Config, Host, Vm};

/// AddressSanitizer's options for this target: no fake stacks. To catch
/// uses after return, ASan moves every local whose address is taken into
/// heap-allocated frames, and the VM's native stack guard measures the
/// stack through such a local (`Ctx::check_stack`): with fake stacks it
/// would measure nothing, and nested containers deep enough would overflow
/// the real stack before `RecursionError` (as they never do without ASan).
#[unsafe(no_mangle)]
pub extern "C" fn __asan_default_options() -> *const core::ffi::c_char {
    c"detect_stack_use_after_return=0".as_ptr()
}

struct Quiet;

impl Host for Quiet {
    fn write_stdout(&mut self, _: &str) {}
    fn write_stderr(&mut self, _: &str) {}
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let config = Config {
        heap_limit: 1 << 20,
        max_threads: 8,
        instruction_limit: Some(200_000),
        time_limit: Some(std::time::Duration::from_millis(500)),
        ..Config::default()
    };
    let mut vm = Vm::new(config, Box::new(Quiet)).expect("vm");
    let runtime = StdRuntime::new(StdConfig::default());
    let Ok(main) = vm.load_main(source, "<fuzz>", vec![]) else {
        return;
    };
    let mut vm = runtime.run(vm, main);
    vm.finish_run();
    let stats = vm.stats();
    assert_eq!(stats.threads_live, 0);
    assert_eq!(runtime.counters().live(), 0);
    assert_eq!(stats.heap.bytes, stats.heap_baseline, "heap not back at baseline");
});
