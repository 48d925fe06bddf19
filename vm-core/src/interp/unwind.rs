//! Raising and handling exceptions: finding handlers through the code's
//! exception table, unwinding frames, building tracebacks, and printing
//! uncaught exceptions the way CPython does.

use alloc::string::String;
use alloc::vec::Vec;

use crate::interp::Ctx;
use crate::objects::Object;
use crate::objects::exception::{self, TraceEntry};
#[cfg(feature = "compiler")]
use crate::parser::{SyntaxError, SyntaxErrorKind};
use crate::thread::FrameKind;
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// Handle `exc` raised by the top frame's last instruction: jump to the
/// innermost handler, popping frames that have none. Frames below `floor`
/// are not touched: an exception reaching it is returned as an error.
pub fn handle(ctx: &mut Ctx<'_>, mut exc: Value, floor: usize) -> PyResult<()> {
    let reraise = core::mem::take(&mut ctx.th.reraising);
    if !reraise {
        if exc.is(ctx.vm.memory_error) {
            exception::restart_memory_error(ctx.vm);
        }
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
            FrameKind::Generator(genr) => {
                exc = crate::interp::iter::generator_raised(ctx, genr, exc);
            }
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
    instantiate_with(ctx, v, &[])
}

/// An exception instance from `v`: an instance as is, a class called with
/// `args`.
pub fn instantiate_with(ctx: &mut Ctx<'_>, v: Value, args: &[Value]) -> PyResult<Value> {
    if exception::is_exception_instance(ctx, v) {
        return Ok(v);
    }
    if let Value::Obj(r) = v
        && matches!(ctx.vm.heap.get(r), Object::Type(_))
        && ctx.is_subclass(r, ctx.vm.types.base_exception)
    {
        let e = ctx.call(v, args)?;
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
        let type_name = ctx.type_name(exc);
        let message = crate::interp::format::str(ctx, exc).unwrap_or_default();
        ctx.vm.record_error(&type_name, &message, &text);
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
        // Like CPython, show a line repeated more than three times in a
        // row (recursion) only three times, then count the rest.
        const CUTOFF: usize = 3;
        let mut last: Option<(Value, Value, u32)> = None;
        let mut count = 0;
        for e in entries.iter().rev() {
            let key = (e.filename, e.name, e.line);
            let same = last.is_some_and(|(f, n, l)| f.is(key.0) && n.is(key.1) && l == key.2);
            if !same {
                repeated(&mut out, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > CUTOFF {
                continue;
            }
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
        repeated(&mut out, count);
    }
    out.push_str(&exception_summary(ctx, exc));
    out.push('\n');
    out
}

/// The "[Previous line repeated N more times]" line after `count` equal
/// traceback entries, when more than three.
fn repeated(out: &mut String, count: usize) {
    if count > 3 {
        let n = count - 3;
        let s = if n > 1 { "s" } else { "" };
        out.push_str(&alloc::format!(
            "  [Previous line repeated {n} more time{s}]\n"
        ));
    }
}

/// `Type: message`, or just `Type` when the message is empty, with the
/// module prefix CPython shows for classes outside `builtins` and
/// `__main__`, and the "Did you mean" hint of a `NameError` or
/// `AttributeError`.
pub fn exception_summary(ctx: &mut Ctx<'_>, exc: Value) -> String {
    let ty = ctx.type_of(exc);
    let name = ctx.qualified_type_name(ty);
    // The shared MemoryError has no message, and rendering one could
    // need the memory that just ran out.
    let rendered = if exc.is(ctx.vm.memory_error) {
        Ok(String::new())
    } else {
        crate::interp::format::str(ctx, exc)
    };
    let mut msg = rendered.unwrap_or_else(|_| String::from("<exception str() failed>"));
    if let Some(hint) = suggestion(ctx, exc) {
        msg.push_str(&alloc::format!(". Did you mean: '{hint}'?"));
    }
    if msg.is_empty() {
        name
    } else {
        alloc::format!("{name}: {msg}")
    }
}

/// Give a `NameError` (exactly that class, as CPython does) its `name`
/// and the closest name the raising frame could have meant: its locals,
/// then its globals, then the builtins.
pub fn note_name_error(ctx: &mut Ctx<'_>, flow: Flow, name: Value) -> Flow {
    let Flow::Raise(Value::Obj(r)) = flow else {
        return flow;
    };
    let (locals, globals) = match ctx.th.frames.last() {
        Some(f) => {
            let locals: Vec<Value> = f.code.local_names[..f.code.first_free as usize].to_vec();
            (locals, f.globals)
        }
        None => return flow,
    };
    let key = match ctx.intern("name") {
        Ok(k) => k,
        Err(e) => return e,
    };
    if let Err(e) = crate::interp::attr::instance_dict_set(ctx, r, key, name) {
        return e;
    }
    let Some(wanted) = ctx.str_ref(name).map(String::from) else {
        return flow;
    };
    let keys_of = |ctx: &Ctx<'_>, d: ObjRef| -> Vec<Value> {
        match ctx.vm.heap.get(d) {
            Object::Dict(d) => d.iter().map(|e| e.key).collect(),
            _ => Vec::new(),
        }
    };
    let builtins = ctx.vm.builtins;
    let found = [locals, keys_of(ctx, globals), keys_of(ctx, builtins)]
        .iter()
        .find_map(|names| closest(ctx, &wanted, names));
    if let Some(hint) = found
        && let Object::Instance(i) = ctx.vm.heap.get_mut(r)
        && let crate::objects::instance::Payload::Exception(d) = &mut i.payload
    {
        d.suggestion = hint;
    }
    flow
}

/// The "Did you mean" name for an uncaught exception.
fn suggestion(ctx: &mut Ctx<'_>, exc: Value) -> Option<String> {
    let ty = ctx.type_of(exc);
    if ctx.is_subclass(ty, ctx.vm.types.name_error) {
        let hint = match exc.as_obj().map(|r| ctx.vm.heap.get(r)) {
            Some(Object::Instance(i)) => match &i.payload {
                crate::objects::instance::Payload::Exception(d) => d.suggestion,
                _ => Value::None,
            },
            _ => Value::None,
        };
        return ctx.str_ref(hint).map(String::from);
    }
    if !ctx.is_subclass(ty, ctx.vm.types.attribute_error) {
        return None;
    }
    let (name_key, obj_key, dir_key) = (
        ctx.intern("name").ok()?,
        ctx.intern("obj").ok()?,
        ctx.intern("dir").ok()?,
    );
    let Some(Object::Instance(i)) = exc.as_obj().map(|r| ctx.vm.heap.get(r)) else {
        return None;
    };
    let (name, obj) = (
        crate::interp::attr::instance_get(ctx, i, name_key)?,
        crate::interp::attr::instance_get(ctx, i, obj_key)?,
    );
    let wanted = String::from(ctx.str_ref(name)?);
    let dir = ctx.dict_get_str(Value::Obj(ctx.vm.builtins), dir_key)?;
    let names = ctx.call(dir, &[obj]).ok()?;
    let names = ctx.collect(names).ok()?;
    let hint = closest(ctx, &wanted, &names)?;
    ctx.str_ref(hint).map(String::from)
}

/// The candidate closest to `wanted` by CPython's weighted Levenshtein
/// distance (case changes cost less), if any is close enough.
fn closest(ctx: &Ctx<'_>, wanted: &str, candidates: &[Value]) -> Option<Value> {
    const MAX_CANDIDATES: usize = 750;
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(Value, usize)> = None;
    for c in candidates {
        let Some(text) = ctx.str_ref(*c) else {
            continue;
        };
        if text == wanted {
            continue;
        }
        let mut max = (wanted.len() + text.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(wanted.as_bytes(), text.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((*c, d));
        }
    }
    best.map(|(v, _)| v)
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` (Python/suggestions.c): more than
/// `max_cost` means "too far".
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    const MAX_STRING_SIZE: usize = 40;
    let mut a = a;
    let mut b = b;
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        core::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer = [0usize; MAX_STRING_SIZE];
    for (i, slot) in buffer.iter_mut().enumerate().take(a.len()) {
        *slot = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn source_line(ctx: &Ctx<'_>, file: &str, line: u32) -> Option<String> {
    let (_, source) = ctx.vm.run.sources.iter().find(|(f, _)| f == file)?;
    let text = source.lines().nth(line.checked_sub(1)? as usize)?;
    let text = text.trim();
    (!text.is_empty()).then(|| String::from(text))
}

/// CPython's report of a syntax error in `source`.
#[cfg(feature = "compiler")]
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
#[cfg(feature = "compiler")]
pub fn syntax_error_name(kind: SyntaxErrorKind) -> &'static str {
    match kind {
        SyntaxErrorKind::SyntaxError => "SyntaxError",
        SyntaxErrorKind::IndentationError => "IndentationError",
        SyntaxErrorKind::TabError => "TabError",
    }
}
