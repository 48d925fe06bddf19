//! A module written in Rust: typed functions, a class whose instances hold
//! Rust state, and host state reachable from native code.
//!
//! Run with `cargo run -p emberpy-embed --example native_module`.

use emberpy_embed::{Native, NativeClass, PyValue, Python, Value, native_fn};
use vm_core::extension::NativeModule;

/// The host's state: a pretend ADC with a list of raw samples.
struct Adc {
    samples: Vec<i64>,
}

native_fn! {
    /// `adc.read(channel)`: the next raw sample of a channel.
    fn read(ctx, channel: i64) -> i64 {
        if !(0..4).contains(&channel) {
            return Err(ctx.value_error(format!("no ADC channel {channel}")));
        }
        let adc = ctx.extension::<Adc>().expect("the host set the ADC");
        Ok(adc.samples.pop().unwrap_or(0) + channel)
    }
}

native_fn! {
    /// `adc.to_volts(raw, vref=3.3)`.
    fn to_volts(ctx, raw: i64, vref: Option<f64>) -> f64 {
        Ok(raw as f64 * vref.unwrap_or(3.3) / 4095.0)
    }
}

/// The state of an `adc.Filter` instance: an exponential moving average.
struct Filter {
    alpha: f64,
    value: Option<f64>,
}

native_fn! {
    fn filter_new(ctx, cls: Value, alpha: f64) -> Value {
        if !(0.0..=1.0).contains(&alpha) {
            return Err(ctx.value_error("alpha must be between 0 and 1"));
        }
        ctx.new_foreign(cls, Filter { alpha, value: None })
    }
}

native_fn! {
    fn filter_add(ctx, this: Value, sample: f64) -> f64 {
        let f = ctx.expect_foreign::<Filter>(this, "Filter")?;
        let next = match f.value {
            Some(v) => v + f.alpha * (sample - v),
            None => sample,
        };
        f.value = Some(next);
        Ok(next)
    }
}

native_fn! {
    fn filter_value(ctx, this: Value) -> Option<f64> {
        Ok(ctx.expect_foreign::<Filter>(this, "Filter")?.value)
    }
}

static FILTER: NativeClass = NativeClass {
    name: "Filter",
    methods: &[
        Native::static_method("__new__", filter_new),
        Native::method("add", filter_add),
        Native::getter("value", filter_value),
    ],
    constants: &[],
};

static ADC: NativeModule = NativeModule {
    name: "adc",
    functions: &[
        Native::function("read", read),
        Native::function("to_volts", to_volts),
    ],
    classes: &[&FILTER],
};

fn main() {
    let mut py = Python::builder()
        .module(&ADC)
        .extension(Adc {
            samples: vec![1000, 2048, 4095, 3000],
        })
        .capture_output()
        .build()
        .expect("a VM");
    py.run(
        r#"
import adc
f = adc.Filter(0.5)
print(f.value)
for _ in range(4):
    f.add(adc.to_volts(adc.read(0)))
print(round(f.value, 3), round(adc.to_volts(4095, vref=5.0), 2))
try:
    adc.read(9)
except ValueError as e:
    print("ValueError:", e)
try:
    adc.Filter("fast")
except TypeError as e:
    print("TypeError:", e)
"#,
    )
    .expect("the script runs");
    let out = py.take_output();
    print!("{out}");
    assert_eq!(
        out,
        "None\n1.53 5.0\nValueError: no ADC channel 9\nTypeError: argument 'alpha' must be a real number, not str\n"
    );
    assert_eq!(
        py.get("f").map(|v| matches!(v, PyValue::Other(_))),
        Some(true)
    );
    println!("native module example: ok");
}
