//! Native modules and classes registered by the embedder.

use std::sync::{Arc, Mutex};

use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, TaskCounters, ThreadId,
};
use vm_core::extension::{NativeClass, NativeModule};
use vm_core::interp::Ctx;
use vm_core::native::{Args, Native};
use vm_core::{Config, Host, PyResult, Value, Vm};

struct Out(Arc<Mutex<String>>);

impl Host for Out {
    fn write_stdout(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
    fn write_stderr(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
}

/// A single-threaded scheduler for programs that start no threads.
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

/// The embedder's state: readings of a pretend sensor.
struct Sensor {
    readings: Vec<i64>,
}

fn read(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    let sensor = ctx.extension::<Sensor>().expect("sensor state");
    Ok(Value::Int(sensor.readings.pop().unwrap_or(-1)))
}

fn counter_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let class = ctx.arg(args, 0);
    let start = if args.positional() > 1 {
        let v = ctx.arg(args, 1);
        ctx.index_value(v)?
    } else {
        0
    };
    ctx.new_foreign(class, start)
}

fn counter_inc(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let n = ctx.expect_foreign::<i64>(this, "Counter")?;
    *n += 1;
    Ok(Value::None)
}

fn counter_value(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    Ok(Value::Int(*ctx.expect_foreign::<i64>(this, "Counter")?))
}

vm_core::native_fn! {
    /// A typed function: an int, an optional float, a str by keyword.
    fn scale(ctx, value: i64, factor: Option<f64>, unit: Option<String>) -> String {
        if value < 0 {
            return Err(ctx.value_error("value must not be negative"));
        }
        let scaled = value as f64 * factor.unwrap_or(1.0);
        Ok(format!("{scaled}{}", unit.unwrap_or_default()))
    }
}

vm_core::native_fn! {
    fn doubled(ctx, this: Value) -> i64 {
        Ok(*ctx.expect_foreign::<i64>(this, "Counter")? * 2)
    }
}

static COUNTER: NativeClass = NativeClass {
    name: "Counter",
    methods: &[
        Native::static_method("__new__", counter_new),
        Native::method("inc", counter_inc),
        Native::method("value", counter_value),
        Native::getter("doubled", doubled),
    ],
    constants: &[("STEP", 1)],
};

static SENSORS: NativeModule = NativeModule {
    name: "sensors",
    functions: &[
        Native::function("read", read),
        Native::function("scale", scale),
    ],
    classes: &[&COUNTER],
};

#[test]
fn scripts_use_native_functions_classes_and_host_state() {
    let out = Arc::new(Mutex::new(String::new()));
    let mut vm = Vm::new(Config::default(), Box::new(Out(out.clone()))).unwrap();
    vm.add_module(&SENSORS);
    vm.set_extension(Sensor {
        readings: vec![7, 42],
    });
    let main = vm
        .load_main(
            "import sensors\nprint(sensors.read(), sensors.read(), sensors.read())\nc = sensors.Counter(5)\nc.inc()\nc.inc()\nprint(c.value(), sensors.Counter.STEP, type(c).__name__, c.doubled)\ntry:\n    sensors.Counter.value(3)\nexcept TypeError as e:\n    print(e)\nprint(sensors.scale(3), sensors.scale(3, 0.5), sensors.scale(2, unit='mV'))\nfor bad in [lambda: sensors.scale(), lambda: sensors.scale(1.5), lambda: sensors.scale(-1), lambda: sensors.scale(1, 2, 3, 4), lambda: sensors.scale(1, units='x')]:\n    try:\n        bad()\n    except (TypeError, ValueError) as e:\n        print(type(e).__name__, e)\n",
            "t.py",
            vec![],
        )
        .unwrap();
    loop {
        match vm.run_slice(&Solo, main, 10_000) {
            Step::Exit => break,
            Step::Yield => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    let outcome = vm.finish_run();
    assert_eq!(outcome.exit_status, 0, "{}", out.lock().unwrap());
    assert_eq!(
        out.lock().unwrap().as_str(),
        "42 7 -1\n7 1 Counter 14\nexpected a Counter, not 'int'\n3 1.5 2mV\nTypeError scale() missing required argument 'value' (pos 1)\nTypeError argument 'value' must be int, not float\nValueError value must not be negative\nTypeError scale() takes at most 3 arguments (4 given)\nTypeError 'units' is an invalid keyword argument for scale()\n"
    );
    assert_eq!(vm.stats().heap.bytes, vm.stats().heap_baseline);
}
