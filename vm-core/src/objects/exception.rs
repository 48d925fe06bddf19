//! Exceptions: instances whose payload holds `args`, the traceback and the
//! `__cause__` / `__context__` chain.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::mem::size_of;

use crate::PyResult;
use crate::heap::HeapFull;
use crate::interp::{Ctx, format};
use crate::native::{Args, Native};
use crate::objects::instance::{Instance, Payload};
use crate::objects::{Dict, Object};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// One traceback line: where an exception passed.
#[derive(Clone, Copy, Debug)]
pub struct TraceEntry {
    /// The file name (a str).
    pub filename: Value,
    /// The function name (a str).
    pub name: Value,
    /// The line.
    pub line: u32,
}

/// The state of an exception instance.
#[derive(Debug)]
pub struct ExcData {
    /// `args` (a tuple).
    pub args: Value,
    /// Where it passed, innermost first.
    pub traceback: Vec<TraceEntry>,
    /// `__cause__`.
    pub cause: Value,
    /// `__context__`.
    pub context: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
    /// The name a `NameError` shows as "Did you mean: ...?" when it is
    /// printed uncaught (worked out where it was raised), or `None`.
    pub suggestion: Value,
}

impl ExcData {
    /// Exception state with the given `args`.
    pub fn new(args: Value) -> Self {
        ExcData {
            args,
            traceback: Vec::new(),
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            suggestion: Value::None,
        }
    }

    /// Call `visit` on every heap value held.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args);
        visit(&self.cause);
        visit(&self.context);
        visit(&self.suggestion);
        for e in &self.traceback {
            visit(&e.filename);
            visit(&e.name);
        }
    }

    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        self.traceback.capacity() * size_of::<TraceEntry>()
    }
}

fn data<'a>(ctx: &'a Ctx<'_>, exc: Value) -> Option<&'a ExcData> {
    match exc.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Instance(i)) => match &i.payload {
            Payload::Exception(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn data_mut<'a>(ctx: &'a mut Ctx<'_>, exc: Value) -> Option<&'a mut ExcData> {
    match exc.as_obj().map(|r| ctx.vm.heap.get_mut(r)) {
        Some(Object::Instance(i)) => match &mut i.payload {
            Payload::Exception(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `v` is an exception instance.
pub fn is_exception_instance(ctx: &Ctx<'_>, v: Value) -> bool {
    data(ctx, v).is_some()
}

/// A new instance of the exception class `ty` with these `args`.
pub fn new_with_args(ctx: &mut Ctx<'_>, ty: ObjRef, args: Vec<Value>) -> PyResult<Value> {
    let args = ctx.new_tuple(args)?;
    let inst = Instance {
        class: ty,
        dict: Dict::new(),
        shared: None,
        payload: Payload::Exception(Box::new(ExcData::new(args))),
    };
    Ok(Value::Obj(ctx.alloc(Object::Instance(Box::new(inst)))?))
}

/// A new instance of `ty` whose single argument is `msg`.
pub fn new_with_message(ctx: &mut Ctx<'_>, ty: ObjRef, msg: &str) -> PyResult<Value> {
    let m = ctx.new_str(msg)?;
    new_with_args(ctx, ty, alloc::vec![m])
}

/// The `MemoryError` kept ready for when the heap is full.
pub fn preallocate_memory_error(vm: &mut Vm) -> Result<Value, HeapFull> {
    let inst = Instance {
        class: vm.types.memory_error,
        dict: Dict::new(),
        shared: None,
        payload: Payload::Exception(Box::new(ExcData::new(Value::Obj(vm.types.empty_tuple)))),
    };
    Ok(Value::Obj(vm.heap.alloc(Object::Instance(Box::new(inst)))?))
}

/// Set `args`.
pub fn set_args(ctx: &mut Ctx<'_>, exc: Value, args: Value) {
    if let Some(d) = data_mut(ctx, exc) {
        d.args = args;
    }
}

/// `args` as a list of values.
pub fn exc_args(ctx: &Ctx<'_>, exc: Value) -> Vec<Value> {
    match data(ctx, exc).map(|d| d.args) {
        Some(Value::Obj(t)) => match ctx.vm.heap.get(t) {
            Object::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Record that `exc` passed through `entry`.
pub fn push_traceback(ctx: &mut Ctx<'_>, exc: Value, entry: TraceEntry) {
    let grew = match data_mut(ctx, exc) {
        Some(d) => {
            let before = d.traceback.capacity();
            d.traceback.push(entry);
            (d.traceback.capacity() - before) * size_of::<TraceEntry>()
        }
        None => 0,
    };
    // Accounting after the fact: a traceback must not fail to grow.
    ctx.vm.heap.account_grown(grew, false);
}

/// The traceback entries, innermost first.
pub fn traceback(ctx: &Ctx<'_>, exc: Value) -> Vec<TraceEntry> {
    data(ctx, exc)
        .map(|d| d.traceback.clone())
        .unwrap_or_default()
}

/// Forget where the shared `MemoryError` was raised before: each raise of
/// it starts a new traceback and chain, and a finished run keeps none.
pub fn restart_memory_error(vm: &mut Vm) {
    let Some(r) = vm.memory_error.as_obj() else {
        return;
    };
    if let Object::Instance(i) = vm.heap.get_mut(r)
        && let Payload::Exception(d) = &mut i.payload
    {
        d.traceback = Vec::new();
        d.context = Value::None;
        d.cause = Value::None;
        d.suppress_context = false;
    }
}

/// Set `__context__` unless it is set already.
pub fn set_context_if_unset(ctx: &mut Ctx<'_>, exc: Value, context: Value) {
    if exc.is(ctx.vm.memory_error) {
        return;
    }
    if let Some(d) = data_mut(ctx, exc)
        && d.context.is_none()
    {
        d.context = context;
    }
}

/// `raise exc from cause`.
pub fn set_cause(ctx: &mut Ctx<'_>, exc: Value, cause: Value) {
    if let Some(d) = data_mut(ctx, exc) {
        d.cause = cause;
        d.suppress_context = true;
    }
}

/// `(__cause__, __context__, __suppress_context__)`.
pub fn chain_links(ctx: &Ctx<'_>, exc: Value) -> (Value, Value, bool) {
    data(ctx, exc)
        .map(|d| (d.cause, d.context, d.suppress_context))
        .unwrap_or((Value::None, Value::None, false))
}

/// A `SyntaxError` (or subclass) instance for a compile error.
#[cfg(feature = "compiler")]
pub fn syntax_error(
    ctx: &mut Ctx<'_>,
    e: &crate::parser::SyntaxError,
    filename: &str,
    source: &str,
) -> crate::Flow {
    use crate::parser::SyntaxErrorKind;
    let ty = match e.kind {
        SyntaxErrorKind::IndentationError => ctx.vm.types.indentation_error,
        SyntaxErrorKind::TabError => ctx.vm.types.tab_error,
        SyntaxErrorKind::SyntaxError => ctx.vm.types.syntax_error,
    };
    let text = source
        .lines()
        .nth((e.line as usize).saturating_sub(1))
        .unwrap_or("");
    let made = (|| -> PyResult<Value> {
        let msg = ctx.new_str(&e.msg)?;
        let file = ctx.new_str(filename)?;
        let line = ctx.new_str(text)?;
        let detail = ctx.new_tuple(alloc::vec![
            file,
            Value::Int(e.line as i64),
            Value::Int(e.col as i64),
            line
        ])?;
        new_with_args(ctx, ty, alloc::vec![msg, detail])
    })();
    match made {
        Ok(exc) => crate::Flow::Raise(exc),
        Err(f) => f,
    }
}

/// Attributes of exception instances.
pub fn attr(ctx: &mut Ctx<'_>, exc: Value, name: &str) -> PyResult<Option<Value>> {
    let Some(d) = data(ctx, exc) else {
        return Ok(None);
    };
    let (args_v, cause, context, suppress) = (d.args, d.cause, d.context, d.suppress_context);
    let first = || exc_args(ctx, exc).first().copied().unwrap_or(Value::None);
    let ty = ctx.type_of(exc);
    let is = |t: ObjRef| ctx.is_subclass(ty, t);
    Ok(Some(match name {
        "args" => args_v,
        "__cause__" => cause,
        "__context__" => context,
        "__suppress_context__" => Value::Bool(suppress),
        "__traceback__" => Value::None,
        "value" if is(ctx.vm.types.stop_iteration) => first(),
        "code" if is(ctx.vm.types.system_exit) => {
            let a = exc_args(ctx, exc);
            match a.len() {
                0 => Value::None,
                1 => a[0],
                _ => args_v,
            }
        }
        "msg" if is(ctx.vm.types.syntax_error) => first(),
        "errno" if is(ctx.vm.types.os_error) => first(),
        "name" if is(ctx.vm.types.import_error) || is(ctx.vm.types.name_error) => Value::None,
        _ => return Ok(None),
    }))
}

/// `str(exc)` as `BaseException.__str__` gives it.
fn exception_str(ctx: &mut Ctx<'_>, exc: Value) -> PyResult<String> {
    let a = exc_args(ctx, exc);
    match a.len() {
        0 => Ok(String::new()),
        1 => format::str(ctx, a[0]),
        _ => {
            let t = ctx.new_tuple(a)?;
            format::repr(ctx, t)
        }
    }
}

fn exc_init(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let rest: Vec<Value> = ctx.positional(args).into_iter().skip(1).collect();
    let t = ctx.new_tuple(rest)?;
    set_args(ctx, this, t);
    Ok(Value::None)
}

fn exc_str(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let s = exception_str(ctx, this)?;
    ctx.new_string(s)
}

fn exc_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let ty = ctx.type_of(this);
    let name = ctx.type_name_of_type(ty);
    let a = exc_args(ctx, this);
    let inner = if a.len() == 1 {
        format::repr(ctx, a[0])?
    } else {
        let t = ctx.new_tuple(a)?;
        let r = format::repr(ctx, t)?;
        String::from(
            r.trim_start_matches('(')
                .trim_end_matches(')')
                .trim_end_matches(','),
        )
    };
    ctx.new_string(alloc::format!("{name}({inner})"))
}

fn with_traceback(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(ctx.arg(args, 0))
}

fn add_note(_ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// Methods of `BaseException`.
pub static BASE_EXCEPTION_METHODS: &[Native] = &[
    Native::method("__init__", exc_init),
    Native::method("__str__", exc_str),
    Native::method("__repr__", exc_repr),
    Native::method("with_traceback", with_traceback),
    Native::method("add_note", add_note),
];

fn key_error_str(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let this = ctx.arg(args, 0);
    let a = exc_args(ctx, this);
    let s = if a.len() == 1 {
        format::repr(ctx, a[0])?
    } else {
        exception_str(ctx, this)?
    };
    ctx.new_string(s)
}

/// Methods of `KeyError`.
pub static KEY_ERROR_METHODS: &[Native] = &[Native::method("__str__", key_error_str)];
