//! The interpreter loop: runs the frames of one thread until the thread
//! ends, its budget runs out, it asks to wait, or (for a call made from
//! Rust) a given frame returns.
//!
//! Every instruction family has a file of its own: calls and frames in
//! [`call`], operators in [`ops`], attributes in [`attr`], exceptions in
//! [`unwind`], iteration in [`iter`], classes in [`class`], imports in
//! [`import`], conversion to text in [`format`].

pub mod attr;
pub mod call;
pub mod class;
pub mod ctx;
pub mod format;
pub mod import;
pub mod iter;
pub mod ops;
pub mod unwind;

use crate::bytecode::Instr;
use crate::thread::{FrameKind, Wait};
use crate::value::Value;
use crate::{Flow, PyResult};
use portable_atomic_util::Arc;

pub use ctx::Ctx;

/// Why the loop stopped.
#[derive(Debug)]
pub enum Exit {
    /// The frame that marks the end (a [`FrameKind::NativeBoundary`] frame,
    /// or the thread's last frame) returned this value.
    Returned(Value),
    /// The budget ran out between two instructions.
    Budget,
    /// The thread waits ([`crate::thread::ThreadState::wait`] is set).
    Wait,
}

/// Run the current thread's frames. Returns when the frame at index
/// `floor` returns (for a nested call from Rust, `floor` is the index of
/// its boundary frame; for a slice, 0), when `budget` runs out (slices
/// only), or when the thread waits (slices only). An exception that
/// unwinds past `floor` is returned as an error.
pub fn run(ctx: &mut Ctx<'_>, floor: usize, budget: &mut u32) -> PyResult<Exit> {
    let nested = ctx.th.native_depth > 0;
    if !nested {
        ctx.th.native_stack_base = Ctx::stack_position();
    }
    loop {
        match step_frames(ctx, floor, budget, nested) {
            Ok(exit) => return Ok(exit),
            Err(Flow::Raise(exc)) => {
                unwind::handle(ctx, exc, floor)?;
                // A handler is a safe point too: a failed allocation asked
                // for a collection, and the handler may want to retry.
                collect_if_wanted(ctx, nested);
            }
            Err(Flow::Wait) if nested => {
                ctx.th.wait = None;
                if let Flow::Raise(err) = ctx
                    .runtime_error("cannot sleep or block inside a function called from a built-in")
                {
                    unwind::handle(ctx, err, floor)?;
                }
            }
            Err(Flow::Wait) => return Ok(Exit::Wait),
        }
    }
}

/// A call is a safe point (every live value is on the thread's stack):
/// collect there when the heap asks, so memory freed by straight-line code
/// (`buf = None`) is back before the next call needs it.
#[inline]
fn collect_if_wanted(ctx: &mut Ctx<'_>, nested: bool) {
    if !nested && ctx.vm.heap.wants_collection() {
        ctx.collect_garbage();
    }
}

/// The dispatch loop proper. Errors leave the top frame's `pc` just past
/// the failing instruction, so tracebacks and handlers see where it was.
fn step_frames(ctx: &mut Ctx<'_>, floor: usize, budget: &mut u32, nested: bool) -> PyResult<Exit> {
    // The running code, held across frame switches: a call or return to
    // the same code (recursion, a loop calling one function) costs no
    // reference-count update.
    let Some(first) = ctx.th.frames.last() else {
        return Ok(Exit::Returned(Value::None));
    };
    let mut code = first.code.clone();
    'frame: loop {
        let Some(frame) = ctx.th.frames.last() else {
            return Ok(Exit::Returned(Value::None));
        };
        if !Arc::ptr_eq(&code, &frame.code) {
            code = frame.code.clone();
        }
        let base = frame.base as usize;
        let globals = frame.globals;
        let namespace = frame.namespace;
        let mut pc = frame.pc as usize;

        macro_rules! save_pc {
            () => {
                if let Some(f) = ctx.th.frames.last_mut() {
                    f.pc = pc as u32;
                }
            };
        }
        macro_rules! pop {
            () => {
                ctx.th.stack.pop().unwrap_or(Value::None)
            };
        }
        macro_rules! top {
            () => {
                *ctx.th.stack.last().unwrap_or(&Value::None)
            };
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        save_pc!();
                        return Err(e);
                    }
                }
            };
        }

        loop {
            if *budget == 0 {
                save_pc!();
                if !nested {
                    return Ok(Exit::Budget);
                }
                *budget = ctx::NESTED_CHECK_INTERVAL;
                tri!(ctx.nested_checkpoint(ctx::NESTED_CHECK_INTERVAL));
            }
            *budget -= 1;
            let instr = code.instrs[pc];
            pc += 1;
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    pop!();
                }
                Instr::Copy(n) => {
                    let v = ctx.th.stack[ctx.th.stack.len() - n as usize];
                    ctx.th.stack.push(v);
                }
                Instr::Swap(n) => {
                    let len = ctx.th.stack.len();
                    ctx.th.stack.swap(len - 1, len - n as usize);
                }
                Instr::LoadConst(i) => ctx.th.stack.push(code.consts[i as usize]),
                Instr::LoadInt(i) => ctx.th.stack.push(Value::Int(i as i64)),
                Instr::LoadFast(slot) => {
                    let v = ctx.th.stack[base + slot as usize];
                    if !v.is_bound() {
                        let name = code.local_names[slot as usize];
                        tri!(Err(ctx.unbound_local(name)));
                    }
                    ctx.th.stack.push(v);
                }
                Instr::StoreFast(slot) => {
                    let v = pop!();
                    ctx.th.stack[base + slot as usize] = v;
                }
                Instr::DeleteFast(slot) => {
                    if !ctx.th.stack[base + slot as usize].is_bound() {
                        let name = code.local_names[slot as usize];
                        tri!(Err(ctx.unbound_local(name)));
                    }
                    ctx.th.stack[base + slot as usize] = Value::Unbound;
                }
                Instr::LoadDeref(slot) => {
                    let cell = ctx.th.stack[base + slot as usize];
                    let v = ctx.cell_get(cell);
                    if !v.is_bound() {
                        let name = code.local_names[slot as usize];
                        tri!(Err(ctx.free_var_unbound(name, slot < code.first_free)));
                    }
                    ctx.th.stack.push(v);
                }
                Instr::StoreDeref(slot) => {
                    let v = pop!();
                    let cell = ctx.th.stack[base + slot as usize];
                    ctx.cell_set(cell, v);
                }
                Instr::DeleteDeref(slot) => {
                    let cell = ctx.th.stack[base + slot as usize];
                    if !ctx.cell_get(cell).is_bound() {
                        let name = code.local_names[slot as usize];
                        tri!(Err(ctx.free_var_unbound(name, slot < code.first_free)));
                    }
                    ctx.cell_set(cell, Value::Unbound);
                }
                Instr::LoadClosure(slot) => {
                    let cell = ctx.th.stack[base + slot as usize];
                    ctx.th.stack.push(cell);
                }
                Instr::LoadClassDeref(name, slot) => {
                    let name = code.names[name as usize];
                    let v = match ctx.dict_get_str(namespace, name) {
                        Some(v) => v,
                        None => {
                            let cell = ctx.th.stack[base + slot as usize];
                            let v = ctx.cell_get(cell);
                            if !v.is_bound() {
                                tri!(Err(ctx.free_var_unbound(name, false)));
                            }
                            v
                        }
                    };
                    ctx.th.stack.push(v);
                }
                Instr::LoadGlobal(i) => {
                    let (name, cache) = (code.names[i as usize], &code.name_cache[i as usize]);
                    let v = match ctx.global_hit(globals, name, cache) {
                        Some(v) => v,
                        None => tri!(ctx.load_global_cached(globals, name, cache)),
                    };
                    ctx.th.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let (name, cache) = (code.names[i as usize], &code.name_cache[i as usize]);
                    let v = pop!();
                    if !ctx.global_store_hit(globals, name, v, cache) {
                        tri!(ctx.store_global_cached(globals, name, v, cache));
                    }
                }
                Instr::DeleteGlobal(i) => {
                    let name = code.names[i as usize];
                    if !tri!(ctx.dict_del(Value::Obj(globals), name)) {
                        tri!(Err(ctx.name_error(name)));
                    }
                }
                Instr::LoadName(i) => {
                    let (name, cache) = (code.names[i as usize], &code.name_cache[i as usize]);
                    let v = if namespace.is(Value::Obj(globals)) {
                        // Module level: the namespace is the globals.
                        match ctx.global_hit(globals, name, cache) {
                            Some(v) => v,
                            None => tri!(ctx.load_global_cached(globals, name, cache)),
                        }
                    } else {
                        match ctx.dict_get_str(namespace, name) {
                            Some(v) => v,
                            None => tri!(ctx.load_global(globals, name)),
                        }
                    };
                    ctx.th.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let (name, cache) = (code.names[i as usize], &code.name_cache[i as usize]);
                    let v = pop!();
                    if namespace.is(Value::Obj(globals)) {
                        if !ctx.global_store_hit(globals, name, v, cache) {
                            tri!(ctx.store_global_cached(globals, name, v, cache));
                        }
                    } else {
                        tri!(ctx.dict_set(namespace, name, v));
                    }
                }
                Instr::DeleteName(i) => {
                    let name = code.names[i as usize];
                    if !tri!(ctx.dict_del(namespace, name)) {
                        tri!(Err(ctx.name_error(name)));
                    }
                }
                Instr::LoadAttr(i) => {
                    let name = code.names[i as usize];
                    let obj = pop!();
                    save_pc!();
                    let v = tri!(attr::get_attr(ctx, obj, name));
                    ctx.th.stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let name = code.names[i as usize];
                    let obj = pop!();
                    let v = pop!();
                    save_pc!();
                    tri!(attr::set_attr(ctx, obj, name, v));
                }
                Instr::DeleteAttr(i) => {
                    let name = code.names[i as usize];
                    let obj = pop!();
                    save_pc!();
                    tri!(attr::del_attr(ctx, obj, name));
                }
                Instr::LoadMethod(i) => {
                    let name = code.names[i as usize];
                    let obj = pop!();
                    save_pc!();
                    let (method, receiver) = tri!(attr::get_method(ctx, obj, name));
                    ctx.th.stack.push(method);
                    ctx.th.stack.push(receiver);
                }
                Instr::Call(argc) => {
                    save_pc!();
                    collect_if_wanted(ctx, nested);
                    let start = ctx.th.stack.len() - argc as usize;
                    let callable = ctx.th.stack[start - 1];
                    if tri!(call::call(
                        ctx,
                        callable,
                        start,
                        argc as usize,
                        None,
                        start - 1
                    )) {
                        continue 'frame;
                    }
                }
                Instr::CallKw(argc) => {
                    save_pc!();
                    collect_if_wanted(ctx, nested);
                    let kwnames = pop!().as_obj();
                    let start = ctx.th.stack.len() - argc as usize;
                    let callable = ctx.th.stack[start - 1];
                    if tri!(call::call(
                        ctx,
                        callable,
                        start,
                        argc as usize,
                        kwnames,
                        start - 1
                    )) {
                        continue 'frame;
                    }
                }
                Instr::CallMethod(argc) => {
                    save_pc!();
                    collect_if_wanted(ctx, nested);
                    let start = ctx.th.stack.len() - argc as usize;
                    let receiver = ctx.th.stack[start - 1];
                    let method = ctx.th.stack[start - 2];
                    let pushed = if receiver.is_bound() {
                        call::call(ctx, method, start - 1, argc as usize + 1, None, start - 2)
                    } else {
                        call::call(ctx, method, start, argc as usize, None, start - 2)
                    };
                    if tri!(pushed) {
                        continue 'frame;
                    }
                }
                Instr::CallEx(flag) => {
                    save_pc!();
                    let kwargs = if flag & 1 != 0 { pop!() } else { Value::None };
                    let args = pop!();
                    let callable = pop!();
                    let ret_sp = ctx.th.stack.len();
                    if tri!(call::call_ex(ctx, callable, args, kwargs, ret_sp)) {
                        continue 'frame;
                    }
                }
                Instr::BinaryOp(op) => {
                    let b = pop!();
                    let a = pop!();
                    let r = match ops::fast_binary(op, a, b) {
                        Some(r) => r,
                        None => {
                            save_pc!();
                            tri!(ops::binary(ctx, op, a, b))
                        }
                    };
                    ctx.th.stack.push(r);
                }
                Instr::InplaceOp(op) => {
                    let b = pop!();
                    let a = pop!();
                    let r = match ops::fast_binary(op, a, b) {
                        Some(r) => r,
                        None => {
                            save_pc!();
                            tri!(ops::inplace(ctx, op, a, b))
                        }
                    };
                    ctx.th.stack.push(r);
                }
                Instr::UnaryNeg | Instr::UnaryPos | Instr::UnaryInvert => {
                    let a = pop!();
                    save_pc!();
                    let r = tri!(ops::unary(ctx, instr, a));
                    ctx.th.stack.push(r);
                }
                Instr::UnaryNot => {
                    let a = pop!();
                    save_pc!();
                    let t = tri!(ctx.truthy(a));
                    ctx.th.stack.push(Value::Bool(!t));
                }
                Instr::Compare(op) => {
                    let b = pop!();
                    let a = pop!();
                    let r = match ops::fast_compare(op, a, b) {
                        Some(r) => Value::Bool(r),
                        None => {
                            save_pc!();
                            tri!(ops::compare(ctx, op, a, b))
                        }
                    };
                    ctx.th.stack.push(r);
                }
                Instr::Is(negate) => {
                    let b = pop!();
                    let a = pop!();
                    ctx.th.stack.push(Value::Bool(a.is(b) != negate));
                }
                Instr::Contains(negate) => {
                    let container = pop!();
                    let item = pop!();
                    save_pc!();
                    let found = tri!(ops::contains(ctx, container, item));
                    ctx.th.stack.push(Value::Bool(found != negate));
                }
                Instr::Subscr => {
                    let index = pop!();
                    let obj = pop!();
                    let v = match ops::fast_subscr(ctx, obj, index) {
                        Some(v) => v,
                        None => {
                            save_pc!();
                            tri!(ops::subscr(ctx, obj, index))
                        }
                    };
                    ctx.th.stack.push(v);
                }
                Instr::StoreSubscr => {
                    let index = pop!();
                    let obj = pop!();
                    let v = pop!();
                    save_pc!();
                    tri!(ops::store_subscr(ctx, obj, index, v));
                }
                Instr::DeleteSubscr => {
                    let index = pop!();
                    let obj = pop!();
                    save_pc!();
                    tri!(ops::del_subscr(ctx, obj, index));
                }
                Instr::BuildSlice(n) => {
                    save_pc!();
                    tri!(cold::build_slice(ctx, n));
                }
                Instr::Jump(target) => {
                    if (target as usize) < pc && ctx.vm.heap.wants_collection() && !nested {
                        pc = target as usize;
                        save_pc!();
                        ctx.collect_garbage();
                        continue;
                    }
                    pc = target as usize;
                }
                Instr::PopJumpIfFalse(target) => {
                    let v = pop!();
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => {
                            save_pc!();
                            tri!(ctx.truthy(v))
                        }
                    };
                    if !t {
                        pc = target as usize;
                    }
                }
                Instr::PopJumpIfTrue(target) => {
                    let v = pop!();
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => {
                            save_pc!();
                            tri!(ctx.truthy(v))
                        }
                    };
                    if t {
                        pc = target as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(target) => {
                    let v = top!();
                    save_pc!();
                    if !tri!(ctx.truthy(v)) {
                        pc = target as usize;
                    } else {
                        pop!();
                    }
                }
                Instr::JumpIfTrueOrPop(target) => {
                    let v = top!();
                    save_pc!();
                    if tri!(ctx.truthy(v)) {
                        pc = target as usize;
                    } else {
                        pop!();
                    }
                }
                Instr::GetIter => {
                    let v = pop!();
                    save_pc!();
                    let it = tri!(iter::get_iter(ctx, v));
                    ctx.th.stack.push(it);
                }
                Instr::ForIter(target) => {
                    let it = top!();
                    save_pc!();
                    match tri!(iter::for_iter(ctx, it, target)) {
                        iter::Next::Item(v) => ctx.th.stack.push(v),
                        iter::Next::Done => {
                            pop!();
                            pc = target as usize;
                        }
                        iter::Next::Pushed => continue 'frame,
                    }
                }
                Instr::BuildTuple(n) => {
                    save_pc!();
                    tri!(cold::build_sequence(ctx, n, true));
                }
                Instr::BuildList(n) => {
                    save_pc!();
                    tri!(cold::build_sequence(ctx, n, false));
                }
                Instr::BuildSet(n) => {
                    save_pc!();
                    tri!(cold::build_set(ctx, n));
                }
                Instr::BuildMap(n) => {
                    save_pc!();
                    tri!(cold::build_map(ctx, n));
                }
                Instr::BuildString(n) => {
                    save_pc!();
                    tri!(cold::build_string(ctx, n));
                }
                Instr::FormatValue(flags) => {
                    save_pc!();
                    tri!(cold::format_value(ctx, flags));
                }
                Instr::ListAppend(depth) => {
                    let v = pop!();
                    let list = ctx.th.stack[ctx.th.stack.len() - depth as usize];
                    save_pc!();
                    tri!(ctx.list_push(list, v));
                }
                Instr::SetAdd(depth) => {
                    let v = pop!();
                    let set = ctx.th.stack[ctx.th.stack.len() - depth as usize];
                    save_pc!();
                    tri!(ctx.set_add(set, v));
                }
                Instr::MapAdd(depth) => {
                    let v = pop!();
                    let k = pop!();
                    let d = ctx.th.stack[ctx.th.stack.len() - depth as usize];
                    save_pc!();
                    tri!(ctx.dict_set(d, k, v));
                }
                Instr::ListExtend(depth) => {
                    save_pc!();
                    tri!(cold::list_extend(ctx, depth));
                }
                Instr::SetUpdate(depth) => {
                    save_pc!();
                    tri!(cold::set_update(ctx, depth));
                }
                Instr::DictUpdate(depth) => {
                    save_pc!();
                    tri!(cold::dict_update(ctx, depth));
                }
                Instr::DictMerge(depth) => {
                    save_pc!();
                    tri!(cold::dict_merge(ctx, depth));
                }
                Instr::ListToTuple => {
                    save_pc!();
                    tri!(cold::list_to_tuple(ctx));
                }
                Instr::UnpackSequence(n) => {
                    let seq = pop!();
                    save_pc!();
                    tri!(ops::unpack(ctx, seq, n as usize, None));
                }
                Instr::UnpackEx(before, after) => {
                    let seq = pop!();
                    save_pc!();
                    tri!(ops::unpack(ctx, seq, before as usize, Some(after as usize)));
                }
                Instr::MakeFunction(i, flags) => {
                    save_pc!();
                    let f = tri!(call::make_function(ctx, &code, i, flags));
                    ctx.th.stack.push(f);
                }
                Instr::BuildClass => {
                    save_pc!();
                    tri!(class::start_class_body(ctx));
                    continue 'frame;
                }
                Instr::Return => {
                    if !nested && ctx.vm.heap.wants_collection() {
                        save_pc!();
                        ctx.collect_garbage();
                    }
                    let v = pop!();
                    save_pc!();
                    // The frame is gone once this fails: the error belongs
                    // to the caller, whose `pc` is already saved.
                    match call::return_from_frame(ctx, v, floor)? {
                        Some(exit) => return Ok(exit),
                        None => continue 'frame,
                    }
                }
                Instr::Yield => {
                    let v = pop!();
                    save_pc!();
                    if let Some(exit) = tri!(iter::yield_value(ctx, v)) {
                        return Ok(exit);
                    }
                    continue 'frame;
                }
                Instr::GetYieldFromIter => {
                    let v = pop!();
                    save_pc!();
                    let it = tri!(iter::get_yield_from_iter(ctx, v));
                    ctx.th.stack.push(it);
                }
                Instr::YieldFrom(target) => {
                    save_pc!();
                    if let Some(exit) = tri!(iter::yield_from(ctx, pc as u32 - 1, target)) {
                        return Ok(exit);
                    }
                    continue 'frame;
                }
                Instr::Raise(n) => {
                    let cause = if n == 2 { pop!() } else { Value::Unbound };
                    let exc = if n >= 1 { pop!() } else { Value::Unbound };
                    save_pc!();
                    return Err(unwind::raise(ctx, exc, cause));
                }
                Instr::Reraise => {
                    let exc = pop!();
                    save_pc!();
                    return Err(unwind::reraise(ctx, exc));
                }
                Instr::PushExcInfo => {
                    let exc = pop!();
                    let prev = core::mem::replace(&mut ctx.th.handled, exc);
                    ctx.th.stack.push(prev);
                    ctx.th.stack.push(exc);
                }
                Instr::PopExcept => {
                    let prev = pop!();
                    ctx.th.handled = prev;
                    ctx.vm.heap.close_reserve();
                }
                Instr::CheckExcMatch => {
                    save_pc!();
                    tri!(cold::check_exc_match(ctx));
                }
                Instr::LoadAssertionError => {
                    let t = ctx.vm.types.assertion_error;
                    ctx.th.stack.push(Value::Obj(t));
                }
                Instr::BeforeWith => {
                    save_pc!();
                    tri!(cold::before_with(ctx));
                }
                Instr::WithExceptStart => {
                    save_pc!();
                    tri!(cold::with_except_start(ctx));
                }
                Instr::ImportName(i) => {
                    let name = code.names[i as usize];
                    let fromlist = pop!();
                    let level = pop!();
                    save_pc!();
                    if tri!(import::import_name(ctx, name, fromlist, level)) {
                        continue 'frame;
                    }
                }
                Instr::ImportFrom(i) => {
                    let name = code.names[i as usize];
                    let module = top!();
                    save_pc!();
                    let v = tri!(import::import_from(ctx, module, name));
                    ctx.th.stack.push(v);
                }
                Instr::ImportStar => {
                    let module = pop!();
                    save_pc!();
                    tri!(import::import_star(ctx, module));
                }
                Instr::PrintExpr => {
                    save_pc!();
                    tri!(cold::print_expr(ctx));
                }
            }
        }
    }
}

/// Resume a thread that was waiting, if what it waited for has happened.
/// Returns `Ok(false)` when it must keep waiting.
pub fn resume_wait(ctx: &mut Ctx<'_>) -> PyResult<bool> {
    let Some(wait) = ctx.th.wait else {
        return Ok(true);
    };
    let now = ctx.sched.now();
    let result = match wait {
        Wait::Sleep(until) => {
            if now < until {
                return Ok(false);
            }
            Value::None
        }
        Wait::Lock { lock, deadline } => {
            if crate::objects::lock::try_take_queued(ctx, lock) {
                Value::Bool(true)
            } else if deadline.is_some_and(|d| now >= d) {
                crate::objects::lock::leave_queue(ctx, lock);
                Value::Bool(false)
            } else {
                return Ok(false);
            }
        }
    };
    ctx.th.wait = None;
    ctx.th.stack.push(result);
    Ok(true)
}

/// Whether the top frame is a generator frame (used by `yield`).
pub fn in_generator(ctx: &Ctx<'_>) -> bool {
    matches!(
        ctx.th.frames.last().map(|f| f.kind),
        Some(FrameKind::Generator(_))
    )
}

/// The bodies of instructions that are not worth inlining into the
/// dispatch loop: keeping them out keeps its stack frame small, which
/// matters when Rust calls back into Python and the loop nests.
mod cold {
    use alloc::boxed::Box;
    use alloc::string::String;
    use alloc::vec::Vec;

    use super::{Ctx, attr, call, format, iter, unwind};
    use crate::PyResult;
    use crate::objects::Object;
    use crate::value::Value;

    fn pop(ctx: &mut Ctx<'_>) -> Value {
        ctx.th.stack.pop().unwrap_or(Value::None)
    }

    /// The value `depth` entries down from the top.
    fn peek(ctx: &Ctx<'_>, depth: u32) -> Value {
        ctx.th.stack[ctx.th.stack.len() - depth as usize]
    }

    #[inline(never)]
    pub fn build_slice(ctx: &mut Ctx<'_>, n: u32) -> PyResult<()> {
        let step = if n == 3 { pop(ctx) } else { Value::None };
        let stop = pop(ctx);
        let start = pop(ctx);
        let s = ctx.alloc(Object::Slice(Box::new([start, stop, step])))?;
        ctx.th.stack.push(Value::Obj(s));
        Ok(())
    }

    #[inline(never)]
    pub fn build_sequence(ctx: &mut Ctx<'_>, n: u32, tuple: bool) -> PyResult<()> {
        let start = ctx.th.stack.len() - n as usize;
        let items: Vec<Value> = ctx.th.stack.drain(start..).collect();
        let v = if tuple {
            ctx.new_tuple(items)?
        } else {
            ctx.new_list(items)?
        };
        ctx.th.stack.push(v);
        Ok(())
    }

    #[inline(never)]
    pub fn build_set(ctx: &mut Ctx<'_>, n: u32) -> PyResult<()> {
        let start = ctx.th.stack.len() - n as usize;
        let items: Vec<Value> = ctx.th.stack[start..].to_vec();
        let s = ctx.new_set(false)?;
        for item in items {
            ctx.set_add(s, item)?;
        }
        ctx.th.stack.truncate(start);
        ctx.th.stack.push(s);
        Ok(())
    }

    #[inline(never)]
    pub fn build_map(ctx: &mut Ctx<'_>, n: u32) -> PyResult<()> {
        let start = ctx.th.stack.len() - 2 * n as usize;
        let items: Vec<Value> = ctx.th.stack[start..].to_vec();
        let d = ctx.new_dict()?;
        for pair in items.chunks(2) {
            ctx.dict_set(d, pair[0], pair[1])?;
        }
        ctx.th.stack.truncate(start);
        ctx.th.stack.push(d);
        Ok(())
    }

    #[inline(never)]
    pub fn build_string(ctx: &mut Ctx<'_>, n: u32) -> PyResult<()> {
        let start = ctx.th.stack.len() - n as usize;
        let mut s = String::new();
        for i in start..ctx.th.stack.len() {
            let part = ctx.th.stack[i];
            s.push_str(ctx.str_ref(part).unwrap_or(""));
        }
        ctx.th.stack.truncate(start);
        let v = ctx.new_str(&s)?;
        ctx.th.stack.push(v);
        Ok(())
    }

    #[inline(never)]
    pub fn format_value(ctx: &mut Ctx<'_>, flags: u32) -> PyResult<()> {
        let spec = if flags & 4 != 0 {
            pop(ctx)
        } else {
            Value::Unbound
        };
        let v = pop(ctx);
        let s = format::format_value(ctx, v, flags & 3, spec)?;
        ctx.th.stack.push(s);
        Ok(())
    }

    #[inline(never)]
    pub fn list_extend(ctx: &mut Ctx<'_>, depth: u32) -> PyResult<()> {
        let it = pop(ctx);
        let list = peek(ctx, depth);
        if !iter::is_iterable(ctx, it) {
            let t = ctx.type_name(it);
            return Err(
                ctx.type_error(alloc::format!("Value after * must be an iterable, not {t}"))
            );
        }
        for v in ctx.collect(it)? {
            ctx.list_push(list, v)?;
        }
        Ok(())
    }

    #[inline(never)]
    pub fn set_update(ctx: &mut Ctx<'_>, depth: u32) -> PyResult<()> {
        let it = pop(ctx);
        let set = peek(ctx, depth);
        for v in ctx.collect(it)? {
            ctx.set_add(set, v)?;
        }
        Ok(())
    }

    #[inline(never)]
    pub fn dict_update(ctx: &mut Ctx<'_>, depth: u32) -> PyResult<()> {
        let src = pop(ctx);
        let d = peek(ctx, depth);
        call::check_mapping(ctx, src)?;
        ctx.dict_update(d, src, false)
    }

    /// Only calls merge: `[callable, args, kwargs, …]`.
    #[inline(never)]
    pub fn dict_merge(ctx: &mut Ctx<'_>, depth: u32) -> PyResult<()> {
        let src = pop(ctx);
        let d = peek(ctx, depth);
        let callable = peek(ctx, depth + 2);
        call::dict_merge(ctx, d, src, callable)
    }

    #[inline(never)]
    pub fn list_to_tuple(ctx: &mut Ctx<'_>) -> PyResult<()> {
        let l = pop(ctx);
        let items = ctx.collect(l)?;
        let t = ctx.new_tuple(items)?;
        ctx.th.stack.push(t);
        Ok(())
    }

    #[inline(never)]
    pub fn check_exc_match(ctx: &mut Ctx<'_>) -> PyResult<()> {
        let ty = pop(ctx);
        let exc = peek(ctx, 1);
        let m = unwind::exception_matches(ctx, exc, ty)?;
        ctx.th.stack.push(Value::Bool(m));
        Ok(())
    }

    /// `with`: replace the manager with its bound `__exit__` and the
    /// result of `__enter__()`.
    #[inline(never)]
    pub fn before_with(ctx: &mut Ctx<'_>) -> PyResult<()> {
        let mgr = pop(ctx);
        let enter = attr::get_special(ctx, mgr, "__enter__", "__enter__")?;
        let exit = attr::get_special(ctx, mgr, "__exit__", "__exit__")?;
        ctx.th.stack.push(exit);
        let entered = ctx.call(enter, &[])?;
        ctx.th.stack.push(entered);
        Ok(())
    }

    /// `[exit, …, exc]` → call `exit(type, exc, None)` and push its result.
    #[inline(never)]
    pub fn with_except_start(ctx: &mut Ctx<'_>) -> PyResult<()> {
        let exc = peek(ctx, 1);
        let exit = peek(ctx, 3);
        let ty = ctx.type_of(exc);
        let r = ctx.call(exit, &[Value::Obj(ty), exc, Value::None])?;
        ctx.th.stack.push(r);
        Ok(())
    }

    #[inline(never)]
    pub fn print_expr(ctx: &mut Ctx<'_>) -> PyResult<()> {
        let v = pop(ctx);
        format::print_expr(ctx, v)
    }
}
