//! Raising and handling exceptions: finding handlers through the code's
//! exception table, unwinding frames, building tracebacks, and printing
//! uncaught exceptions the way CPython does.

use alloc::string::String;
use alloc::vec::Vec;

use crate::interp::Ctx;
use crate::objects::Object;
use crate::objects::exception::{self, TraceEntry};
use crate::parser::{SyntaxError, SyntaxErrorKind};
use crate::thread::FrameKind;
use crate::value::Value;
use crate::{Flow, PyResult};

/// Handle `exc` raised by the top frame's last instruction: jump to the
/// innermost handler, popping frames that have none. Frames below `floor`
/// are not touched: an exception reaching it is returned as an error.
pub fn handle(ctx: &mut Ctx<'_>, exc: Value, floor: usize) -> PyResult<()> {
    let reraise = core::mem::take(&mut ctx.th.reraising);
    if !reraise {
        chain_context(ctx, exc);
    }
    let mut first = true;
    loop {
        if ctx.th.frames.len() <= floor {
            return Err(Flow::Raise(exc));
        }
        let Some(frame) = ctx.th.frames.last() else {
            return Err(Flow::Raise(exc));
        };
        let pc = (frame.pc as usize).saturating_sub(1);
        if !(first && reraise) {
            let entry = TraceEntry {
                filename: frame.code.filename,
                name: frame.code.name,
                line: frame.code.line_at(pc),
            };
            exception::push_traceback(ctx, exc, entry);
        }
        first = false;
        let frame = &ctx.th.frames[ctx.th.frames.len() - 1];
        if let Some(h) = frame.code.handler_for(pc) {
            let depth = frame.base as usize + frame.code.nlocals() + h.depth as usize;
            let top = ctx.th.frames.len() - 1;
            ctx.th.frames[top].pc = h.target;
            ctx.th.stack.truncate(depth);
            ctx.th.stack.push(exc);
            return Ok(());
        }
        let Some(frame) = ctx.th.frames.pop() else {
            return Err(Flow::Raise(exc));
        };
        ctx.th.stack.truncate(frame.ret_sp as usize);
        match frame.kind {
            FrameKind::Generator(genr) => crate::objects::generator::finish(ctx, genr),
            FrameKind::ModuleBody(module) => crate::interp::import::forget_module(ctx, module),
            FrameKind::NativeBoundary => return Err(Flow::Raise(exc)),
            _ => {}
        }
    }
}

/// Set `__context__` of a new exception raised while another is handled.
fn chain_context(ctx: &mut Ctx<'_>, exc: Value) {
    let handled = ctx.th.handled;
    if handled.is_none() || handled.is(exc) {
        return;
    }
    exception::set_context_if_unset(ctx, exc, handled);
}

/// `raise exc from cause` (either may be `Unbound`: a bare `raise`, or no
/// `from`). Returns the flow to propagate.
pub fn raise(ctx: &mut Ctx<'_>, exc: Value, cause: Value) -> Flow {
    if !exc.is_bound() {
        let handled = ctx.th.handled;
        if handled.is_none() {
            return ctx.runtime_error("No active exception to reraise");
        }
        ctx.th.reraising = true;
        return Flow::Raise(handled);
    }
    let exc = match instantiate(ctx, exc) {
        Ok(e) => e,
        Err(flow) => return flow,
    };
    if cause.is_bound() {
        let cause = if cause.is_none() {
            Value::None
        } else {
            match instantiate(ctx, cause) {
                Ok(c) => c,
                Err(Flow::Raise(_)) => {
                    return ctx.type_error("exception causes must derive from BaseException");
                }
                Err(flow) => return flow,
            }
        };
        exception::set_cause(ctx, exc, cause);
    }
    Flow::Raise(exc)
}

/// Re-raise the exception at the end of a handler, keeping its traceback.
pub fn reraise(ctx: &mut Ctx<'_>, exc: Value) -> Flow {
    ctx.th.reraising = true;
    Flow::Raise(exc)
}

/// An exception instance from `v`: an instance as is, a class called with
/// no arguments.
pub fn instantiate(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    if exception::is_exception_instance(ctx, v) {
        return Ok(v);
    }
    if let Value::Obj(r) = v
        && matches!(ctx.vm.heap.get(r), Object::Type(_))
        && ctx.is_subclass(r, ctx.vm.types.base_exception)
    {
        let e = ctx.call(v, &[])?;
        if exception::is_exception_instance(ctx, e) {
            return Ok(e);
        }
        let name = ctx.type_name(e);
        return Err(ctx.type_error(alloc::format!(
            "calling {} should have returned an instance of BaseException, not {name}",
            ctx.type_name_of_type(r)
        )));
    }
    Err(ctx.type_error("exceptions must derive from BaseException"))
}

/// `except T:` test: whether `exc` is an instance of `ty` (a class or a
/// tuple of classes).
pub fn exception_matches(ctx: &mut Ctx<'_>, exc: Value, ty: Value) -> PyResult<bool> {
    let classes: Vec<Value> = match ty {
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Tuple(items) => items.to_vec(),
            _ => alloc::vec![ty],
        },
        _ => alloc::vec![ty],
    };
    let exc_type = ctx.type_of(exc);
    let base = ctx.vm.types.base_exception;
    let mut found = false;
    for c in classes {
        let Some(c) = c.as_obj().filter(|r| {
            matches!(ctx.vm.heap.get(*r), Object::Type(_)) && ctx.is_subclass(*r, base)
        }) else {
            return Err(ctx.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        };
        found |= ctx.is_subclass(exc_type, c);
    }
    Ok(found)
}

/// Print an exception that left a thread's first frame, and record the
/// exit status when it is the main thread.
pub fn report_uncaught(ctx: &mut Ctx<'_>, exc: Value) {
    let ty = ctx.type_of(exc);
    let is_system_exit = ctx.is_subclass(ty, ctx.vm.types.system_exit);
    if !ctx.th.is_main {
        if is_system_exit {
            return;
        }
        let entry = ctx.th.entry;
        let who =
            crate::interp::format::repr(ctx, entry).unwrap_or_else(|_| String::from("<function>"));
        let mut text = alloc::format!("Exception ignored in thread started by: {who}\n");
        text.push_str(&format_exception(ctx, exc));
        ctx.vm.host.write_stderr(&text);
        return;
    }
    let status = if is_system_exit {
        system_exit_status(ctx, exc)
    } else {
        let text = format_exception(ctx, exc);
        ctx.vm.host.write_stderr(&text);
        if ctx.is_subclass(ty, ctx.vm.types.keyboard_interrupt) {
            130
        } else {
            1
        }
    };
    if ctx.vm.run.exit_status.is_none() {
        ctx.vm.run.exit_status = Some(status);
    }
}

/// The exit status of an uncaught `SystemExit`, printing a non-integer code
/// as CPython does.
fn system_exit_status(ctx: &mut Ctx<'_>, exc: Value) -> i32 {
    let args = exception::exc_args(ctx, exc);
    let code = match args.as_slice() {
        [] => Value::None,
        [one] => *one,
        _ => match ctx.new_tuple(args.clone()) {
            Ok(t) => t,
            Err(_) => Value::None,
        },
    };
    match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        other => {
            let text = crate::interp::format::str(ctx, other).unwrap_or_default();
            ctx.vm.host.write_stderr(&alloc::format!("{text}\n"));
            1
        }
    }
}

/// The full CPython-style report of `exc`, chained causes and contexts
/// first.
pub fn format_exception(ctx: &mut Ctx<'_>, exc: Value) -> String {
    let mut chain = Vec::new();
    let mut current = exc;
    let mut links: Vec<&'static str> = Vec::new();
    while chain.len() < 32 && !chain.iter().any(|e: &Value| e.is(current)) {
        chain.push(current);
        let (cause, context, suppress) = exception::chain_links(ctx, current);
        if !cause.is_none() {
            links
                .push("\nThe above exception was the direct cause of the following exception:\n\n");
            current = cause;
        } else if !context.is_none() && !suppress {
            links.push("\nDuring handling of the above exception, another exception occurred:\n\n");
            current = context;
        } else {
            break;
        }
    }
    let mut out = String::new();
    for (i, e) in chain.iter().enumerate().rev() {
        out.push_str(&format_one(ctx, *e));
        if i > 0 {
            out.push_str(links[i - 1]);
        }
    }
    out
}

fn format_one(ctx: &mut Ctx<'_>, exc: Value) -> String {
    let mut out = String::new();
    let entries = exception::traceback(ctx, exc);
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for e in entries.iter().rev() {
            let file = String::from(ctx.str_ref(e.filename).unwrap_or("?"));
            let name = String::from(ctx.str_ref(e.name).unwrap_or("?"));
            out.push_str(&alloc::format!(
                "  File \"{file}\", line {}, in {name}\n",
                e.line
            ));
            if let Some(text) = source_line(ctx, &file, e.line) {
                out.push_str(&alloc::format!("    {text}\n"));
            }
        }
    }
    out.push_str(&exception_summary(ctx, exc));
    out.push('\n');
    out
}

/// `Type: message`, or just `Type` when the message is empty, with the
/// module prefix CPython shows for classes outside `builtins` and
/// `__main__`.
pub fn exception_summary(ctx: &mut Ctx<'_>, exc: Value) -> String {
    let ty = ctx.type_of(exc);
    let name = ctx.qualified_type_name(ty);
    let msg = match crate::interp::format::str(ctx, exc) {
        Ok(m) => m,
        Err(_) => String::from("<exception str() failed>"),
    };
    if msg.is_empty() {
        name
    } else {
        alloc::format!("{name}: {msg}")
    }
}

fn source_line(ctx: &Ctx<'_>, file: &str, line: u32) -> Option<String> {
    let (_, source) = ctx.vm.run.sources.iter().find(|(f, _)| f == file)?;
    let text = source.lines().nth(line.checked_sub(1)? as usize)?;
    let text = text.trim();
    (!text.is_empty()).then(|| String::from(text))
}

/// CPython's report of a syntax error in `source`.
pub fn format_syntax_error(e: &SyntaxError, filename: &str, source: &str) -> String {
    let mut out = alloc::format!("  File \"{filename}\", line {}\n", e.line);
    if let Some(text) = source.lines().nth((e.line as usize).saturating_sub(1)) {
        let trimmed = text.trim_start();
        let indent = text.chars().count() - trimmed.chars().count();
        let shown = trimmed.trim_end();
        if !shown.is_empty() {
            out.push_str(&alloc::format!("    {shown}\n"));
            let col = (e.col as usize).saturating_sub(1).saturating_sub(indent);
            let width = e
                .end_col
                .map(|end| (end as usize).saturating_sub(e.col as usize).max(1))
                .unwrap_or(1);
            out.push_str("    ");
            out.extend(core::iter::repeat_n(' ', col));
            out.extend(core::iter::repeat_n('^', width));
            out.push('\n');
        }
    }
    out.push_str(&alloc::format!(
        "{}: {}\n",
        syntax_error_name(e.kind),
        e.msg
    ));
    out
}

/// The Python class name of a syntax error kind.
pub fn syntax_error_name(kind: SyntaxErrorKind) -> &'static str {
    match kind {
        SyntaxErrorKind::SyntaxError => "SyntaxError",
        SyntaxErrorKind::IndentationError => "IndentationError",
        SyntaxErrorKind::TabError => "TabError",
    }
}
