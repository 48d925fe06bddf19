//! `sensor`: a board's temperature sensor for Python, an example of
//! firmware exposing a peripheral with vm-core's extension API.
//!
//! ```python
//! import sensor
//! t = sensor.Temperature()
//! print(t.read())   # degrees Celsius, a float
//! print(t.reads)    # readings this object has taken
//! ```
//!
//! The firmware [`install`]s the module with a function that reads its
//! sensor: on the chip, its internal temperature sensor through the HAL's
//! ADC; under an emulator, whatever the emulator feeds the ADC or a
//! simulated sequence. A failed reading raises `RuntimeError`.

use core::cell::Cell;

use critical_section::Mutex;
use vm_core::extension::{NativeClass, NativeModule};
use vm_core::native::Native;
use vm_core::{Value, Vm, native_fn};

/// Read the board's sensor: degrees Celsius, or `None` when it failed.
pub type ReadCelsius = fn() -> Option<f64>;

/// The board's reading function, once [`install`] has run.
static READ: Mutex<Cell<Option<ReadCelsius>>> = Mutex::new(Cell::new(None));

/// The Rust state of a `Temperature` instance.
struct Temperature {
    /// Readings taken through this object.
    reads: i64,
}

native_fn! {
    /// `Temperature()`: the board's temperature sensor.
    fn new(ctx, cls: Value) -> Value {
        ctx.new_foreign(cls, Temperature { reads: 0 })
    }
}

native_fn! {
    /// `t.read()`: one reading in degrees Celsius.
    fn read(ctx, this: Value) -> f64 {
        ctx.expect_foreign::<Temperature>(this, "Temperature")?;
        let Some(celsius) = critical_section::with(|cs| READ.borrow(cs).get()).and_then(|read| read()) else {
            return Err(ctx.runtime_error("sensor: the temperature reading failed"));
        };
        ctx.expect_foreign::<Temperature>(this, "Temperature")?.reads += 1;
        Ok(celsius)
    }
}

native_fn! {
    /// `t.reads`: how many readings `t` has taken.
    fn reads(ctx, this: Value) -> i64 {
        Ok(ctx.expect_foreign::<Temperature>(this, "Temperature")?.reads)
    }
}

/// `sensor.Temperature`.
static TEMPERATURE: NativeClass = NativeClass {
    name: "Temperature",
    // In `vm_core::native::name_order`, for the method lookup's binary
    // search.
    methods: &[
        Native::method("read", read),
        Native::getter("reads", reads),
        Native::static_method("__new__", new),
    ],
    constants: &[],
};

/// The `sensor` module.
static MODULE: NativeModule = NativeModule {
    name: "sensor",
    functions: &[],
    classes: &[&TEMPERATURE],
};

/// Make `sensor` importable in `vm`, reading the board's sensor with
/// `read_celsius`.
pub fn install(vm: &mut Vm, read_celsius: ReadCelsius) {
    critical_section::with(|cs| READ.borrow(cs).set(Some(read_celsius)));
    vm.add_module(&MODULE);
}
