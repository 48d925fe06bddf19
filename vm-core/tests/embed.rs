//! Sessions: globals that outlive runs, calls from Rust, values and errors
//! crossing the boundary.

use std::sync::{Arc, Mutex};

use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, TaskCounters, ThreadId,
};
use vm_core::{Config, Host, PyValue, RunOutcome, Vm};

struct Out(Arc<Mutex<String>>);

impl Host for Out {
    fn write_stdout(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
    fn write_stderr(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
}

/// Runs the main thread alone (these programs start no threads).
struct Solo;

impl Scheduler for Solo {
    fn name(&self) -> &'static str {
        "solo"
    }
    fn spawn(&self, _: ThreadId, _: SpawnOptions) -> Result<(), SpawnError> {
        Err(SpawnError::NoSlot)
    }
    fn wake(&self, _: ThreadId) {}
    fn reap(&self, _: ThreadId) {}
    fn now(&self) -> Instant {
        Instant::from_micros(0)
    }
    fn counters(&self) -> TaskCounters {
        TaskCounters::default()
    }
    fn take_stop_request(&self) -> bool {
        false
    }
}

fn drive(vm: &mut Vm, main: ThreadId) -> RunOutcome {
    while vm.run_slice(&Solo, main, 100_000) != Step::Exit {}
    vm.finish_run()
}

fn vm() -> (Vm, Arc<Mutex<String>>) {
    let out = Arc::new(Mutex::new(String::new()));
    let vm = Vm::new(Config::default(), Box::new(Out(out.clone()))).unwrap();
    (vm, out)
}

#[test]
fn globals_persist_across_entries_and_calls_return_values() {
    let (mut vm, out) = vm();
    let main = vm
        .load_entry(
            "def area(w, h=2):\n    return w * h\nscale = 10\n",
            "<embed>",
            false,
        )
        .unwrap();
    assert_eq!(drive(&mut vm, main).exit_status, 0);
    let main = vm
        .load_entry("total = area(3) * scale\n", "<embed>", false)
        .unwrap();
    drive(&mut vm, main);
    assert_eq!(vm.get_global("total"), Some(PyValue::Int(60)));
    let main = vm
        .load_call("area", &[PyValue::Int(4), PyValue::Int(5)])
        .unwrap();
    let outcome = drive(&mut vm, main);
    assert_eq!(outcome.result, PyValue::Int(20));
    vm.set_global(
        "names",
        &PyValue::List(vec![PyValue::Str("a".into()), PyValue::Str("b".into())]),
    )
    .unwrap();
    let main = vm
        .load_entry("joined = '-'.join(names) + str(scale)\n", "<embed>", false)
        .unwrap();
    drive(&mut vm, main);
    assert_eq!(vm.get_global("joined"), Some(PyValue::Str("a-b10".into())));
    assert_eq!(out.lock().unwrap().as_str(), "");
}

#[test]
fn an_uncaught_exception_comes_back_as_a_value() {
    let (mut vm, _) = vm();
    let main = vm
        .load_entry("def f(x):\n    return 1 / x\n", "<embed>", false)
        .unwrap();
    drive(&mut vm, main);
    let main = vm.load_call("f", &[PyValue::Int(0)]).unwrap();
    let outcome = drive(&mut vm, main);
    assert_eq!(outcome.exit_status, 1);
    let err = outcome.error.expect("an error");
    assert_eq!(err.type_name, "ZeroDivisionError");
    assert_eq!(err.message, "division by zero");
    assert!(err.traceback.contains("line 2, in f"), "{}", err.traceback);
    assert!(vm.load_call("missing", &[]).is_err());
}

#[test]
fn interactive_entries_echo_expression_values() {
    let (mut vm, out) = vm();
    for entry in ["x = 6\n", "x * 7\n", "None\n", "[x, 'a']\n"] {
        let main = vm.load_entry(entry, "<stdin>", true).unwrap();
        drive(&mut vm, main);
    }
    assert_eq!(out.lock().unwrap().as_str(), "42\n[6, 'a']\n");
}

#[test]
fn closing_the_session_frees_its_globals() {
    let (mut vm, _) = vm();
    let before = vm.stats().heap.bytes;
    let main = vm
        .load_entry("data = [str(i) for i in range(500)]\n", "<embed>", false)
        .unwrap();
    drive(&mut vm, main);
    assert!(vm.stats().heap.bytes > before);
    vm.close_session();
    assert_eq!(vm.stats().heap.bytes, before);
    assert_eq!(vm.get_global("data"), None);
}
