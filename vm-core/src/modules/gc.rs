//! `gc`: the collector's controls, with MicroPython's `mem_alloc` and
//! `mem_free` (bytes in use, and still free under the heap limit).

use crate::PyResult;
use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::value::{ObjRef, Value};

/// Make the `gc` module.
pub fn create(ctx: &mut Ctx<'_>) -> PyResult<ObjRef> {
    super::native_module(ctx, "gc", FUNCTIONS)
}

/// `gc.collect()`: a full collection now when no built-in function is
/// running Python code further up (their values in flight are not roots),
/// else at the interpreter's next safe point. Returns the number of
/// objects freed now.
fn collect(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "collect", 0, 1)?;
    if ctx.th.native_depth > 0 {
        ctx.vm.heap.request_collection();
        return Ok(Value::Int(0));
    }
    let before = ctx.vm.heap.stats().objects;
    ctx.collect_garbage();
    let after = ctx.vm.heap.stats().objects;
    Ok(Value::Int(before.saturating_sub(after) as i64))
}

fn enable(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "enable", 0, 0)?;
    ctx.vm.heap.set_gc_enabled(true);
    Ok(Value::None)
}

fn disable(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "disable", 0, 0)?;
    ctx.vm.heap.set_gc_enabled(false);
    Ok(Value::None)
}

fn isenabled(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "isenabled", 0, 0)?;
    Ok(Value::Bool(ctx.vm.heap.gc_enabled()))
}

fn mem_alloc(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "mem_alloc", 0, 0)?;
    Ok(Value::Int(ctx.vm.heap.stats().bytes as i64))
}

fn mem_free(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "mem_free", 0, 0)?;
    let s = ctx.vm.heap.stats();
    Ok(Value::Int(s.limit.saturating_sub(s.bytes) as i64))
}

/// The functions of `gc`, sorted by name.
static FUNCTIONS: &[Native] = &[
    Native::function("collect", collect),
    Native::function("disable", disable),
    Native::function("enable", enable),
    Native::function("isenabled", isenabled),
    Native::function("mem_alloc", mem_alloc),
    Native::function("mem_free", mem_free),
];
