//! `sys`: the run's arguments, module registry, limits and exit.

use alloc::string::String;
use alloc::vec::Vec;

use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::objects::exception;
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// Make the `sys` module.
pub fn create(ctx: &mut Ctx<'_>) -> PyResult<ObjRef> {
    let m = super::native_module(ctx, "sys", FUNCTIONS)?;
    let argv: Vec<String> = ctx.vm.run.argv.clone();
    let mut items = Vec::new();
    for a in &argv {
        items.push(ctx.new_str(a)?);
    }
    let argv = ctx.new_list(items)?;
    set(ctx, m, "argv", argv)?;
    let dir = argv_dir(&ctx.vm.run.argv);
    let dir = ctx.new_string(dir)?;
    let path = ctx.new_list(alloc::vec![dir])?;
    set(ctx, m, "path", path)?;
    let modules = ctx.vm.run.modules;
    set(ctx, m, "modules", modules)?;
    set(ctx, m, "maxsize", Value::Int(i64::MAX))?;
    let byteorder = ctx.new_str("little")?;
    set(ctx, m, "byteorder", byteorder)?;
    let platform = ctx.new_str(ctx.vm.host.platform())?;
    set(ctx, m, "platform", platform)?;
    let version = ctx.new_str(concat!("3.11.0 (emberpy ", env!("CARGO_PKG_VERSION"), ")"))?;
    set(ctx, m, "version", version)?;
    let release = ctx.intern("final")?;
    let version_info = ctx.new_tuple(alloc::vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(0),
        release,
        Value::Int(0)
    ])?;
    set(ctx, m, "version_info", version_info)?;
    let implementation = implementation(ctx)?;
    set(ctx, m, "implementation", Value::Obj(implementation))?;
    for name in ["stdout", "stderr"] {
        let stream =
            super::native_module(ctx, name, if name == "stdout" { STDOUT } else { STDERR })?;
        set(ctx, m, name, Value::Obj(stream))?;
    }
    Ok(m)
}

fn set(ctx: &mut Ctx<'_>, m: ObjRef, name: &str, v: Value) -> PyResult<()> {
    let key = ctx.intern(name)?;
    super::module_set(ctx, m, key, v)
}

/// The directory of the script (`argv[0]`), as `sys.path[0]`.
fn argv_dir(argv: &[String]) -> String {
    match argv.first() {
        Some(script) => match script.rfind('/') {
            Some(i) => String::from(&script[..i]),
            None => String::new(),
        },
        None => String::new(),
    }
}

fn implementation(ctx: &mut Ctx<'_>) -> PyResult<ObjRef> {
    let m = super::native_module(ctx, "implementation", &[])?;
    let name = ctx.new_str("emberpy")?;
    set(ctx, m, "name", name)?;
    let version = ctx.new_tuple(alloc::vec![Value::Int(0), Value::Int(1), Value::Int(0)])?;
    set(ctx, m, "version", version)?;
    Ok(m)
}

fn exit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "exit", 0, 1, &[])?;
    let t = ctx.vm.types.system_exit;
    let args = ctx.positional(args);
    Err(Flow::Raise(exception::new_with_args(ctx, t, args)?))
}

/// The exception being handled, or `None`.
fn handled(ctx: &Ctx<'_>) -> Value {
    let e = ctx.th.handled;
    if exception::is_exception_instance(ctx, e) {
        e
    } else {
        Value::None
    }
}

fn exc_info(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "exc_info", 0, 0)?;
    let e = handled(ctx);
    if e.is_none() {
        return ctx.new_tuple(alloc::vec![Value::None, Value::None, Value::None]);
    }
    let ty = Value::Obj(ctx.type_of(e));
    let key = ctx.intern("__traceback__")?;
    let tb = crate::interp::attr::find_attr(ctx, e, key)?.unwrap_or(Value::None);
    ctx.new_tuple(alloc::vec![ty, e, tb])
}

fn exception_now(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "exception", 0, 0)?;
    Ok(handled(ctx))
}

fn getrecursionlimit(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(ctx.vm.config.recursion_limit as i64))
}

fn setrecursionlimit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "setrecursionlimit", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let n = ctx.index_value(v)?;
    if n < 1 {
        return Err(ctx.value_error("recursion limit must be greater or equal than 1"));
    }
    ctx.vm.config.recursion_limit = n.min(u32::MAX as i64) as u32;
    Ok(Value::None)
}

fn write_to(ctx: &mut Ctx<'_>, args: Args, stderr: bool) -> PyResult<Value> {
    ctx.check_args(args, "write", 1, 1, &[])?;
    let v = ctx.arg(args, 0);
    let Some(s) = ctx.str_ref(v) else {
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!("write() argument must be str, not {t}")));
    };
    let s = String::from(s);
    if stderr {
        ctx.vm.host.write_stderr(&s);
    } else {
        ctx.vm.host.write_stdout(&s);
    }
    Ok(Value::Int(s.chars().count() as i64))
}

fn stdout_write(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    write_to(ctx, args, false)
}

fn stderr_write(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    write_to(ctx, args, true)
}

fn flush(_ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

static FUNCTIONS: &[Native] = &[
    Native::function("exc_info", exc_info),
    Native::function("exception", exception_now),
    Native::function("exit", exit),
    Native::function("getrecursionlimit", getrecursionlimit),
    Native::function("setrecursionlimit", setrecursionlimit),
];

static STDOUT: &[Native] = &[
    Native::function("write", stdout_write),
    Native::function("flush", flush),
];

static STDERR: &[Native] = &[
    Native::function("write", stderr_write),
    Native::function("flush", flush),
];
