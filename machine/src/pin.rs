//! The Python class `machine.Pin`.

use alloc::format;

use vm_core::extension::NativeClass;
use vm_core::interp::Ctx;
use vm_core::native::{Args, Native};
use vm_core::{Flow, PyResult, Value};

use crate::bank::{Mode, PinBank, PinBankCell, PinError, Pins};

/// The extension state [`crate::install`] sets: the bank behind every `Pin`.
pub(crate) struct Machine {
    pins: &'static dyn Pins,
}

impl Machine {
    /// State for pins from `bank`.
    pub(crate) fn new<B: PinBank>(bank: &'static PinBankCell<B>) -> Self {
        Machine { pins: bank }
    }
}

/// A `Pin` instance's Rust state: the pin's number in the bank.
struct PinId(u32);

/// `machine.Pin`.
pub(crate) static PIN: NativeClass = NativeClass {
    name: "Pin",
    methods: &[
        Native::static_method("__new__", new),
        Native::method("value", value),
        Native::method("on", on),
        Native::method("off", off),
        Native::method("toggle", toggle),
    ],
    constants: &[("IN", Mode::In.number()), ("OUT", Mode::Out.number())],
};

/// The bank of the running VM.
fn pins(ctx: &mut Ctx<'_>) -> PyResult<&'static dyn Pins> {
    match ctx.extension::<Machine>() {
        Some(m) => Ok(m.pins),
        None => Err(ctx.runtime_error("machine: this VM has no pin bank")),
    }
}

/// The Python exception for `error` on pin `id`.
fn pin_error(ctx: &mut Ctx<'_>, id: u32, mode: Mode, error: PinError) -> Flow {
    match error {
        PinError::NoSuchPin => ctx.value_error(format!("invalid pin: {id}")),
        PinError::UnsupportedMode => {
            let name = match mode {
                Mode::In => "Pin.IN",
                Mode::Out => "Pin.OUT",
            };
            ctx.value_error(format!("Pin({id}) cannot be used as {name}"))
        }
        PinError::Io(kind) => ctx.runtime_error(format!("Pin({id}): {kind}")),
    }
}

/// Check that `name` got between `min` and `max` positional arguments
/// besides the instance or class in argument 0, and no keywords but
/// `keywords`.
fn arity(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    (min, max): (usize, usize),
    keywords: &[&str],
) -> PyResult<usize> {
    let given = args.positional().saturating_sub(1);
    if given < min || given > max {
        let expected = if min == max {
            format!("{min}")
        } else {
            format!("from {min} to {max}")
        };
        return Err(ctx.type_error(format!(
            "{name}() takes {expected} positional arguments but {given} were given"
        )));
    }
    ctx.check_args(args, name, 0, usize::MAX, keywords)?;
    Ok(given)
}

/// The number of the `Pin` in argument 0.
fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<u32> {
    let v = ctx.arg(args, 0);
    Ok(ctx.expect_foreign::<PinId>(v, "Pin")?.0)
}

/// `Pin(id, mode=None, *, value=None)`: claim pin `id` from the board's
/// bank in `mode` (unchanged when omitted, `Pin.IN` for a pin never
/// claimed), driving `value` first when given.
fn new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let given = arity(ctx, args, "Pin", (1, 2), &["mode", "value"])?;
    let class = ctx.arg(args, 0);
    let raw_id = ctx.arg(args, 1);
    let raw_id = ctx.index_value(raw_id)?;
    let id = match u32::try_from(raw_id) {
        Ok(id) => id,
        Err(_) => return Err(ctx.value_error(format!("invalid pin: {raw_id}"))),
    };
    let keyword_mode = ctx.kwarg(args, "mode");
    let mode_arg = match (given, keyword_mode) {
        (2, Some(_)) => return Err(ctx.type_error("Pin() got multiple values for argument 'mode'")),
        (2, None) => Some(ctx.arg(args, 2)),
        (_, kw) => kw,
    };
    let pins = pins(ctx)?;
    let mode = match mode_arg {
        None | Some(Value::None) => pins.mode(id).unwrap_or(Mode::In),
        Some(v) => {
            let n = ctx.index_value(v)?;
            match Mode::from_number(n) {
                Some(mode) => mode,
                None => return Err(ctx.value_error(format!("invalid pin mode: {n}"))),
            }
        }
    };
    if let Some(v) = ctx.kwarg(args, "value")
        && !matches!(v, Value::None)
    {
        let high = ctx.truthy(v)?;
        pins.write(id, high)
            .map_err(|e| pin_error(ctx, id, mode, e))?;
    }
    pins.claim(id, mode)
        .map_err(|e| pin_error(ctx, id, mode, e))?;
    ctx.new_foreign(class, PinId(id))
}

/// `pin.value()`: the pin's level as 0 or 1; `pin.value(x)`: drive it
/// high when `x` is true, low otherwise.
fn value(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let given = arity(ctx, args, "value", (0, 1), &[])?;
    let id = this(ctx, args)?;
    let pins = pins(ctx)?;
    let mode = pins.mode(id).unwrap_or(Mode::In);
    if given == 1 {
        let v = ctx.arg(args, 1);
        let high = ctx.truthy(v)?;
        pins.write(id, high)
            .map_err(|e| pin_error(ctx, id, mode, e))?;
        return Ok(Value::None);
    }
    let high = pins.read(id).map_err(|e| pin_error(ctx, id, mode, e))?;
    Ok(Value::Int(i64::from(high)))
}

/// Drive the pin in argument 0 to `high`.
fn drive(ctx: &mut Ctx<'_>, args: Args, name: &str, high: bool) -> PyResult<Value> {
    arity(ctx, args, name, (0, 0), &[])?;
    let id = this(ctx, args)?;
    let pins = pins(ctx)?;
    pins.write(id, high)
        .map_err(|e| pin_error(ctx, id, Mode::Out, e))?;
    Ok(Value::None)
}

/// `pin.on()`: drive the pin high.
fn on(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    drive(ctx, args, "on", true)
}

/// `pin.off()`: drive the pin low.
fn off(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    drive(ctx, args, "off", false)
}

/// `pin.toggle()`: invert the pin's output.
fn toggle(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    arity(ctx, args, "toggle", (0, 0), &[])?;
    let id = this(ctx, args)?;
    let pins = pins(ctx)?;
    pins.toggle(id)
        .map_err(|e| pin_error(ctx, id, Mode::Out, e))?;
    Ok(Value::None)
}
