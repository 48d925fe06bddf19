//! Built-in modules and types whose behaviour CPython cannot be the oracle
//! for: MicroPython's `gc.mem_alloc`/`gc.mem_free`, collections while a
//! built-in runs Python code, and the heap limit on big string and bytes
//! operations.

use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, TaskCounters, ThreadId,
};
use vm_core::{Config, Host, Vm};

/// Collects stdout (the VM wants a `Send` host).
struct Capture(Arc<Mutex<String>>);

impl Host for Capture {
    fn write_stdout(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
    fn write_stderr(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
}

/// Runs a single-threaded program slice after slice.
#[derive(Default)]
struct OneThread {
    counters: RefCell<TaskCounters>,
}

impl Scheduler for OneThread {
    fn name(&self) -> &'static str {
        "one-thread"
    }
    fn spawn(&self, _: ThreadId, _: SpawnOptions) -> Result<(), SpawnError> {
        self.counters.borrow_mut().spawned += 1;
        Ok(())
    }
    fn wake(&self, _: ThreadId) {}
    fn reap(&self, _: ThreadId) {
        self.counters.borrow_mut().reaped += 1;
    }
    fn now(&self) -> Instant {
        Instant::from_micros(0)
    }
    fn counters(&self) -> TaskCounters {
        *self.counters.borrow()
    }
    fn take_stop_request(&self) -> bool {
        false
    }
}

/// Run `source` with a heap of `limit` bytes; its output and the VM.
fn run(limit: usize, source: &str) -> (String, Vm) {
    let out = Arc::new(Mutex::new(String::new()));
    let config = Config {
        heap_limit: limit,
        ..Config::default()
    };
    let mut vm = Vm::new(config, Box::new(Capture(out.clone()))).expect("vm");
    let sched = OneThread::default();
    let main = vm
        .load_main(source, "test.py", vec!["test.py".into()])
        .expect("compiles");
    for _ in 0..1_000_000 {
        if let Step::Exit = vm.run_slice(&sched, main, 10_000) {
            break;
        }
    }
    vm.finish_run();
    let text = out.lock().unwrap().clone();
    (text, vm)
}

const LIMIT: usize = 4 << 20;

#[test]
fn mem_alloc_and_mem_free_follow_the_heap() {
    let (out, _) = run(
        LIMIT,
        "import gc\n\
         gc.collect()\n\
         a = gc.mem_alloc()\n\
         x = [bytes(1000) for _ in range(100)]\n\
         b = gc.mem_alloc()\n\
         x = None\n\
         gc.collect()\n\
         c = gc.mem_alloc()\n\
         print(b - a >= 100000, c < b, gc.mem_alloc() + gc.mem_free())\n",
    );
    assert_eq!(out, format!("True True {LIMIT}\n"));
}

#[test]
fn disabling_stops_automatic_collections_only() {
    let program = |disable: &str| {
        format!(
            "import gc\n{disable}\nfor i in range(20000):\n    s = str(i) * 10\nprint(gc.isenabled())\ngc.collect()\n"
        )
    };
    let (out, off) = run(LIMIT, &program("gc.disable()"));
    assert_eq!(out, "False\n");
    let (out, on) = run(LIMIT, &program("gc.enable()"));
    assert_eq!(out, "True\n");
    let (off, on) = (off.stats().heap.collections, on.stats().heap.collections);
    assert!(off + 5 < on, "disabled {off}, enabled {on}");
}

#[test]
fn collect_inside_a_builtin_waits_for_a_safe_point() {
    let (out, _) = run(
        LIMIT,
        "import gc\n\
         data = [[i] for i in range(50)]\n\
         r = sorted(data, key=lambda v: (gc.collect(), -v[0])[1])\n\
         print(r[:3], sum(v[0] for v in r))\n",
    );
    assert_eq!(out, "[[49], [48], [47]] 1225\n");
}

#[test]
fn big_results_raise_memory_error_before_they_are_built() {
    let (out, _) = run(
        256 * 1024,
        "def attempt(f):\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20       print('ok')\n\
         \x20   except MemoryError:\n\
         \x20       print('MemoryError')\n\
         s = 'x' * 50_000\n\
         attempt(lambda: s.replace('x', 'yyyyyy'))\n\
         attempt(lambda: s.center(10**9))\n\
         attempt(lambda: bytes(10**9))\n\
         attempt(lambda: '-'.join([s] * 20))\n\
         attempt(lambda: s.zfill(10**8))\n\
         attempt(lambda: s.upper())\n",
    );
    assert_eq!(
        out,
        "MemoryError\nMemoryError\nMemoryError\nMemoryError\nMemoryError\nok\n"
    );
}

#[test]
fn indexing_and_iterating_a_string_make_no_new_characters() {
    let (out, _) = run(
        LIMIT,
        "import gc\n\
         s = 'abcabc' * 1000\n\
         gc.collect()\n\
         before = gc.mem_alloc()\n\
         chars = [c for c in s] + [s[i] for i in range(len(s))]\n\
         gc.collect()\n\
         grown = gc.mem_alloc() - before\n\
         print(len(chars), grown < 32 * len(chars), chars[0] is s[3])\n",
    );
    assert_eq!(out, "12000 True True\n");
}
