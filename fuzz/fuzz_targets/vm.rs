//! Arbitrary programs run on the VM with the std backend, under an
//! instruction budget, a time limit and a small heap, threads enabled.
//! After every run: no Rust panic, no live thread or task, and the heap
//! back at its baseline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sched_std::{StdConfig, StdRuntime};
use vm_core::{Config, Host, Vm};

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
