//! Embedding emberpy in a Rust program: run a script, call its functions
//! with Rust values, read and set its globals, catch its exceptions, and
//! stop it from another thread.
//!
//! Run with `cargo run -p emberpy-embed --example host`.

use std::time::{Duration, Instant};

use emberpy_embed::{PyValue, Python};

fn main() {
    let mut py = Python::builder()
        .heap_limit(4 << 20)
        .capture_output()
        .build()
        .expect("a VM");

    // A script defining state and functions; its background thread is
    // reclaimed when the run returns, as every run's threads are.
    py.run(
        r#"
import _thread, time
readings = []

def record(value, unit="C"):
    readings.append(f"{value:.1f}{unit}")
    return len(readings)

def average():
    values = [float(r[:-1]) for r in readings]
    return sum(values) / len(values)

_thread.start_new_thread(time.sleep, (60,))
print("loaded")
"#,
    )
    .expect("the script runs");
    assert_eq!(py.take_output(), "loaded\n");

    // Call Python from Rust, with arguments.
    for t in [21.5, 22.25, 23.0] {
        py.call("record", &[PyValue::Float(t)]).expect("record");
    }
    let n = py.call("record", &[PyValue::Float(20.0), PyValue::Str("F".into())]);
    assert_eq!(n, Ok(PyValue::Int(4)));
    let avg = py.call("average", &[]).expect("average");
    println!("average: {avg:?}");
    assert_eq!(avg, PyValue::Float(21.675));

    // Read and set globals.
    println!("readings: {:?}", py.get("readings"));
    py.set("threshold", &PyValue::Int(22)).expect("set");
    py.run("hot = [r for r in readings if float(r[:-1]) > threshold]")
        .expect("filter");
    assert_eq!(
        py.get("hot"),
        Some(PyValue::List(vec![
            PyValue::Str("22.2C".into()),
            PyValue::Str("23.0C".into())
        ]))
    );

    // A Python exception comes back as a Rust value with its traceback.
    let err = py.run("record('x')").expect_err("a TypeError");
    println!("caught {}: {}", err.type_name, err.message);
    assert_eq!(err.type_name, "ValueError");
    assert!(err.traceback.contains("in record"), "{}", err.traceback);
    py.take_output();

    // Stop a busy script from another thread; the interpreter stays usable.
    let stop = py.stop_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        stop.stop();
    });
    let started = Instant::now();
    let err = py.run("while True:\n    pass\n").expect_err("stopped");
    stopper.join().unwrap();
    assert_eq!(err.type_name, "KeyboardInterrupt");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(py.call("average", &[]), Ok(PyValue::Float(21.675)));
    println!("host example: ok");
}
