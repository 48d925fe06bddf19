//! `time`: CPython's clocks and sleep, plus MicroPython's `sleep_ms`,
//! `sleep_us` and wrapping `ticks_*` counters. Sleeping never blocks the
//! VM: the thread hands a deadline to its driver (THREADS.md rule 2).

use core::time::Duration;

use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::thread::{Cancel, Wait};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// `ticks_*` values wrap at this period, as on MicroPython ports.
const TICKS_PERIOD: i64 = 1 << 30;

/// Make the `time` module.
pub fn create(ctx: &mut Ctx<'_>) -> PyResult<ObjRef> {
    super::native_module(ctx, "time", FUNCTIONS)
}

/// Suspend the thread for `duration` (at once when it is being cancelled).
fn sleep_for(ctx: &mut Ctx<'_>, duration: Duration) -> PyResult<Value> {
    if matches!(ctx.th.cancel, Cancel::Unwinding(_)) {
        return Ok(Value::None);
    }
    let until = ctx.sched.now().saturating_add(duration);
    ctx.th.wait = Some(Wait::Sleep(until));
    Err(Flow::Wait)
}

fn sleep(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "sleep", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let secs = match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => ctx.float_value(v)?,
        _ if ctx.is_instance(v, ctx.vm.types.int) => ctx.float_value(v)?,
        _ => {
            let t = ctx.type_name(v);
            return Err(ctx.type_error(alloc::format!(
                "'{t}' object cannot be interpreted as an integer"
            )));
        }
    };
    if secs.is_nan() {
        return Err(ctx.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(ctx.value_error("sleep length must be non-negative"));
    }
    if secs > 1e12 {
        return Err(ctx.overflow_error("sleep length is too large"));
    }
    sleep_for(ctx, Duration::from_secs_f64(secs))
}

fn non_negative(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<u64> {
    ctx.check_args(args, name, 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let n = ctx.index_value(v)?;
    if n < 0 {
        return Err(ctx.value_error("sleep length must be non-negative"));
    }
    Ok(n as u64)
}

fn sleep_ms(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let ms = non_negative(ctx, args, "sleep_ms")?;
    sleep_for(ctx, Duration::from_millis(ms))
}

fn sleep_us(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let us = non_negative(ctx, args, "sleep_us")?;
    sleep_for(ctx, Duration::from_micros(us))
}

fn now_micros(ctx: &Ctx<'_>) -> u64 {
    ctx.sched.now().as_micros()
}

fn ticks_ms(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        (now_micros(ctx) / 1000) as i64 & (TICKS_PERIOD - 1),
    ))
}

fn ticks_us(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(now_micros(ctx) as i64 & (TICKS_PERIOD - 1)))
}

fn ticks_diff(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "ticks_diff", 2, 2, &[])?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let (a, b) = (ctx.index_value(a)?, ctx.index_value(b)?);
    let half = TICKS_PERIOD / 2;
    Ok(Value::Int(
        (a.wrapping_sub(b).wrapping_add(half) & (TICKS_PERIOD - 1)) - half,
    ))
}

fn ticks_add(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "ticks_add", 2, 2, &[])?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let (a, b) = (ctx.index_value(a)?, ctx.index_value(b)?);
    Ok(Value::Int(a.wrapping_add(b) & (TICKS_PERIOD - 1)))
}

fn time(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    let micros = ctx
        .sched
        .unix_time_micros()
        .unwrap_or_else(|| now_micros(ctx));
    Ok(Value::Float(micros as f64 / 1e6))
}

fn time_ns(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    let micros = ctx
        .sched
        .unix_time_micros()
        .unwrap_or_else(|| now_micros(ctx));
    Ok(Value::Int(micros as i64 * 1000))
}

fn monotonic(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(now_micros(ctx) as f64 / 1e6))
}

fn monotonic_ns(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(now_micros(ctx) as i64 * 1000))
}

static FUNCTIONS: &[Native] = &[
    Native::function("sleep", sleep),
    Native::function("sleep_ms", sleep_ms),
    Native::function("sleep_us", sleep_us),
    Native::function("ticks_ms", ticks_ms),
    Native::function("ticks_us", ticks_us),
    Native::function("ticks_diff", ticks_diff),
    Native::function("ticks_add", ticks_add),
    Native::function("time", time),
    Native::function("time_ns", time_ns),
    Native::function("monotonic", monotonic),
    Native::function("monotonic_ns", monotonic_ns),
    Native::function("perf_counter", monotonic),
    Native::function("perf_counter_ns", monotonic_ns),
];
