//! Uncaught exceptions are reported on stderr exactly as CPython 3.11
//! reports them, except for the `^^^` marker lines CPython adds under
//! some source lines: chained causes and contexts, re-raises, recursion
//! collapsed to "[Previous line repeated N more times]", generators.

use std::sync::{Arc, Mutex};

use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, TaskCounters, ThreadId,
};
use vm_core::{Config, Host, Vm};

struct Capture(Arc<Mutex<String>>);

impl Host for Capture {
    fn write_stdout(&mut self, _text: &str) {}
    fn write_stderr(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
}

/// Runs the single main thread; these programs start no others.
struct One;

impl Scheduler for One {
    fn name(&self) -> &'static str {
        "one"
    }
    fn spawn(&self, _: ThreadId, _: SpawnOptions) -> Result<(), SpawnError> {
        Ok(())
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

/// The stderr of running `source` as `test.py`.
fn stderr_of(source: &str) -> String {
    let err = Arc::new(Mutex::new(String::new()));
    let mut vm = Vm::new(Config::default(), Box::new(Capture(err.clone()))).expect("vm");
    let main = vm
        .load_main(source, "test.py", vec!["test.py".into()])
        .expect("compiles");
    while vm.run_slice(&One, main, 10_000) != Step::Exit {}
    assert_eq!(vm.finish_run().exit_status, 1);
    err.lock().unwrap().clone()
}

#[test]
fn a_cause_is_printed_before_its_consequence() {
    let source = "def load():\n    try:\n        {}[\"k\"]\n    except KeyError as e:\n        raise ValueError(\"bad\") from e\nload()\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 3, in load\n    {}[\"k\"]\nKeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"test.py\", line 6, in <module>\n    load()\n  File \"test.py\", line 5, in load\n    raise ValueError(\"bad\") from e\nValueError: bad\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn an_error_in_a_handler_shows_the_handled_one() {
    let source = "try:\n    1 / 0\nexcept ZeroDivisionError:\n    undefined_name\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 2, in <module>\n    1 / 0\nZeroDivisionError: division by zero\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"test.py\", line 4, in <module>\n    undefined_name\nNameError: name 'undefined_name' is not defined\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn raise_from_none_hides_the_context() {
    let source =
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise RuntimeError(\"clean\") from None\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 4, in <module>\n    raise RuntimeError(\"clean\") from None\nRuntimeError: clean\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn recursion_is_collapsed_after_three_lines() {
    let source = "def f(n):\n    return f(n + 1)\nf(0)\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 3, in <module>\n    f(0)\n  File \"test.py\", line 2, in f\n    return f(n + 1)\n  File \"test.py\", line 2, in f\n    return f(n + 1)\n  File \"test.py\", line 2, in f\n    return f(n + 1)\n  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn a_generator_frame_appears_in_the_traceback() {
    let source =
        "def gen():\n    yield 1\n    raise KeyError(\"in gen\")\nfor v in gen():\n    pass\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 4, in <module>\n    for v in gen():\n  File \"test.py\", line 3, in gen\n    raise KeyError(\"in gen\")\nKeyError: 'in gen'\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn every_frame_of_the_call_chain_is_listed() {
    let source = "class A:\n    def method(self):\n        return helper(self)\ndef helper(a):\n    return a.missing\nA().method()\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 6, in <module>\n    A().method()\n  File \"test.py\", line 3, in method\n    return helper(self)\n  File \"test.py\", line 5, in helper\n    return a.missing\nAttributeError: 'A' object has no attribute 'missing'\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn causes_and_contexts_chain() {
    let source = "def a():\n    try:\n        raise TypeError(\"one\")\n    except TypeError as e:\n        raise ValueError(\"two\") from e\ntry:\n    a()\nexcept ValueError:\n    raise IndexError(\"three\")\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 3, in a\n    raise TypeError(\"one\")\nTypeError: one\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"test.py\", line 7, in <module>\n    a()\n  File \"test.py\", line 5, in a\n    raise ValueError(\"two\") from e\nValueError: two\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"test.py\", line 9, in <module>\n    raise IndexError(\"three\")\nIndexError: three\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn a_bare_raise_keeps_the_original_traceback() {
    let source = "def f():\n    try:\n        raise OSError(\"disk\")\n    except OSError:\n        raise\nf()\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 6, in <module>\n    f()\n  File \"test.py\", line 3, in f\n    raise OSError(\"disk\")\nOSError: disk\n";
    assert_eq!(stderr_of(source), expected);
}

#[test]
fn stop_iteration_in_a_generator_becomes_runtime_error() {
    let source = "def g():\n    yield 1\n    raise StopIteration\nlist(g())\n";
    let expected = "Traceback (most recent call last):\n  File \"test.py\", line 3, in g\n    raise StopIteration\nStopIteration\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"test.py\", line 4, in <module>\n    list(g())\nRuntimeError: generator raised StopIteration\n";
    assert_eq!(stderr_of(source), expected);
}
