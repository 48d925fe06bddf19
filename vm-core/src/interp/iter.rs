//! Iteration: `iter()`, `next()`, `for` loops, and generators, which run
//! on the thread's frame stack like any call (a `for` over a generator, and
//! `yield from`, nest no Rust calls).

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::bytecode::Instr;
use crate::interp::ctx::NESTED_CHECK_INTERVAL;
use crate::interp::{self, Ctx, Exit, call, unwind};
use crate::objects::exception::TraceEntry;
use crate::objects::generator::{GenState, Resume};
use crate::objects::iter::{self as it, IterObj};
use crate::objects::{Object, exception};
use crate::thread::{Frame, FrameKind};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// Items a built-in takes from iterators between two checks of the run's
/// limits, the stop request and cancellation.
const NATIVE_STEPS_PER_CHECK: u32 = 4096;

/// What a `for` loop's next step found.
pub enum Next {
    /// An item, pushed by the caller.
    Item(Value),
    /// The iterator is exhausted.
    Done,
    /// A generator frame was pushed; its yield or return continues the loop.
    Pushed,
}

/// `iter(v)`.
pub fn get_iter(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    if let Value::Obj(r) = v {
        let made = match ctx.vm.heap.get(r) {
            Object::Iter(_) | Object::Generator(_) => return Ok(v),
            Object::List(_) => IterObj::Seq { seq: v, index: 0 },
            Object::Tuple(_) => IterObj::Seq { seq: v, index: 0 },
            Object::Bytes(_) | Object::ByteArray(_) => IterObj::Seq { seq: v, index: 0 },
            Object::Str(_) => IterObj::Str { s: v, pos: 0 },
            Object::Range(rg) => IterObj::Range {
                next: rg.start,
                step: rg.step,
                remaining: rg.len() as u64,
            },
            Object::Dict(d) => IterObj::Dict {
                dict: r,
                position: 0,
                len: d.len(),
                kind: it::DictPart::Keys,
            },
            Object::DictView(kind, d) => {
                let len = match ctx.vm.heap.get(*d) {
                    Object::Dict(dd) => dd.len(),
                    _ => 0,
                };
                IterObj::Dict {
                    dict: *d,
                    position: 0,
                    len,
                    kind: kind.part(),
                }
            }
            Object::Set(s) => IterObj::Set {
                set: r,
                position: 0,
                len: s.len(),
            },
            Object::Instance(_) => return instance_iter(ctx, v),
            _ => return Err(not_iterable(ctx, v)),
        };
        return Ok(Value::Obj(ctx.alloc(Object::Iter(Box::new(made)))?));
    }
    Err(not_iterable(ctx, v))
}

/// Whether `iter(v)` can work: `v` is a built-in iterable, or its class
/// has `__iter__` or `__getitem__`.
pub fn is_iterable(ctx: &Ctx<'_>, v: Value) -> bool {
    let Value::Obj(r) = v else {
        return false;
    };
    match ctx.vm.heap.get(r) {
        Object::Iter(_)
        | Object::Generator(_)
        | Object::List(_)
        | Object::Tuple(_)
        | Object::Bytes(_)
        | Object::ByteArray(_)
        | Object::Str(_)
        | Object::Range(_)
        | Object::Dict(_)
        | Object::DictView(..)
        | Object::Set(_) => true,
        Object::Instance(i) => {
            let inner = match i.payload {
                crate::objects::instance::Payload::Value(inner) => inner,
                _ => Value::None,
            };
            let ty = ctx.type_of(v);
            ctx.type_lookup_str(ty, "__iter__").is_some()
                || ctx.type_lookup_str(ty, "__getitem__").is_some()
                || is_iterable(ctx, inner)
        }
        _ => false,
    }
}

fn not_iterable(ctx: &mut Ctx<'_>, v: Value) -> crate::Flow {
    let t = ctx.type_name(v);
    ctx.type_error(alloc::format!("'{t}' object is not iterable"))
}

fn instance_iter(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    let ty = ctx.type_of(v);
    if let Some(f @ Value::Obj(_)) = ctx.type_lookup_str(ty, "__iter__") {
        let r = ctx.call(f, &[v])?;
        let rt = ctx.type_of(r);
        let is_iterator = matches!(
            r.as_obj().map(|o| ctx.vm.heap.get(o)),
            Some(Object::Iter(_) | Object::Generator(_))
        ) || ctx.type_lookup_str(rt, "__next__").is_some();
        if !is_iterator {
            let t = ctx.type_name(r);
            return Err(
                ctx.type_error(alloc::format!("iter() returned non-iterator of type '{t}'"))
            );
        }
        return Ok(r);
    }
    if ctx.type_lookup_str(ty, "__getitem__").is_some() {
        let made = IterObj::GetItem { obj: v, index: 0 };
        return Ok(Value::Obj(ctx.alloc(Object::Iter(Box::new(made)))?));
    }
    let inner = crate::interp::ops::unwrap_builtin(ctx, v);
    if !inner.is(v) {
        return get_iter(ctx, inner);
    }
    Err(not_iterable(ctx, v))
}

/// One step of a `for` loop over the iterator `iter` whose exit is `target`.
#[inline(never)]
pub fn for_iter(ctx: &mut Ctx<'_>, iter: Value, target: u32) -> PyResult<Next> {
    if let Value::Obj(r) = iter {
        match ctx.vm.heap.get_mut(r) {
            Object::Iter(state) => {
                if let IterObj::Range {
                    next,
                    step,
                    remaining,
                } = &mut **state
                {
                    if *remaining == 0 {
                        return Ok(Next::Done);
                    }
                    let v = *next;
                    *remaining -= 1;
                    *next = next.wrapping_add(*step);
                    return Ok(Next::Item(Value::Int(v)));
                }
                return Ok(match it::next(ctx, r)? {
                    Some(v) => Next::Item(v),
                    None => Next::Done,
                });
            }
            Object::Generator(_) => {
                return if resume_generator(ctx, r, Value::None, Resume::ForIter(target))? {
                    Ok(Next::Pushed)
                } else {
                    Ok(Next::Done)
                };
            }
            _ => {}
        }
    }
    Ok(match ctx.next(iter)? {
        Some(v) => Next::Item(v),
        None => Next::Done,
    })
}
/// One step of an iterator: an item, or the end with the iterator's
/// return value (`StopIteration.value`, `None` for built-in iterators).
pub enum Step {
    /// The next item.
    Item(Value),
    /// Exhausted, with this return value.
    Done(Value),
}

impl Ctx<'_> {
    /// `next(it)`: `None` when the iterator is exhausted.
    pub fn next(&mut self, iter: Value) -> PyResult<Option<Value>> {
        Ok(match self.next_step(iter)? {
            Step::Item(v) => Some(v),
            Step::Done(_) => None,
        })
    }

    /// `next(it)`, keeping the return value of an exhausted iterator.
    pub fn next_step(&mut self, iter: Value) -> PyResult<Step> {
        // A built-in draining an endless iterator of built-ins
        // (`sum(iter(int, 1))`) runs no instruction: count its steps.
        self.th.native_steps = self.th.native_steps.wrapping_add(1);
        if self.th.native_steps.is_multiple_of(NATIVE_STEPS_PER_CHECK) {
            self.nested_checkpoint(0)?;
        }
        if let Value::Obj(r) = iter {
            match self.vm.heap.get(r) {
                Object::Iter(_) => {
                    return Ok(match it::next(self, r)? {
                        Some(v) => Step::Item(v),
                        None => Step::Done(Value::None),
                    });
                }
                Object::Generator(_) => {
                    return Ok(match generator_send(self, r, Value::None)? {
                        GenOutcome::Yielded(v) => Step::Item(v),
                        GenOutcome::Returned(v) => Step::Done(v),
                    });
                }
                _ => {}
            }
        }
        let ty = self.type_of(iter);
        let Some(f) = self.type_lookup_str(ty, "__next__") else {
            let t = self.type_name(iter);
            return Err(self.type_error(alloc::format!("'{t}' object is not an iterator")));
        };
        match self.call(f, &[iter]) {
            Ok(v) => Ok(Step::Item(v)),
            Err(Flow::Raise(e)) if self.is_instance(e, self.vm.types.stop_iteration) => {
                Ok(Step::Done(stop_iteration_value(self, e)))
            }
            Err(e) => Err(e),
        }
    }

    /// All items of an iterable.
    #[inline(never)]
    pub fn collect(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            match self.vm.heap.get(r) {
                Object::List(items) => return Ok(items.clone()),
                Object::Tuple(items) => return Ok(items.to_vec()),
                _ => {}
            }
        }
        let iter = get_iter(self, v)?;
        let mut out = Vec::new();
        while let Some(item) = self.next(iter)? {
            self.reserve(core::mem::size_of::<Value>())?;
            out.push(item);
        }
        Ok(out)
    }
}

/// `StopIteration(...).value`.
fn stop_iteration_value(ctx: &Ctx<'_>, exc: Value) -> Value {
    exception::exc_args(ctx, exc)
        .first()
        .copied()
        .unwrap_or(Value::None)
}

/// `StopIteration(value)`, ready to raise.
pub fn stop_iteration(ctx: &mut Ctx<'_>, value: Value) -> Flow {
    let t = ctx.vm.types.stop_iteration;
    let args = if value.is_none() {
        Vec::new()
    } else {
        alloc::vec![value]
    };
    match exception::new_with_args(ctx, t, args) {
        Ok(e) => Flow::Raise(e),
        Err(f) => f,
    }
}

/// How a generator resumed from Rust stopped (an exception is an `Err`).
#[derive(Clone, Copy, Debug)]
pub enum GenOutcome {
    /// It yielded this value.
    Yielded(Value),
    /// It returned this value (or had already finished: `None`).
    Returned(Value),
}

/// What `send()` and `throw()` give back: the yielded value, or
/// `StopIteration(value)` raised.
pub fn outcome_value(ctx: &mut Ctx<'_>, outcome: GenOutcome) -> PyResult<Value> {
    match outcome {
        GenOutcome::Yielded(v) => Ok(v),
        GenOutcome::Returned(v) => Err(stop_iteration(ctx, v)),
    }
}

/// `next()` / `send()` from Rust: run the generator until it yields or
/// finishes.
pub fn generator_send(ctx: &mut Ctx<'_>, genr: ObjRef, sent: Value) -> PyResult<GenOutcome> {
    ctx.check_native_nesting()?;
    let floor = ctx.th.frames.len();
    let ret_sp = ctx.th.stack.len();
    if !resume_generator(ctx, genr, sent, Resume::Native)? {
        return Ok(GenOutcome::Returned(Value::None));
    }
    run_resumed(ctx, genr, floor, ret_sp, None)
}

/// Run the generator frame just pushed at index `floor` (raising `raise`
/// in it first, if given) until it yields or finishes.
fn run_resumed(
    ctx: &mut Ctx<'_>,
    genr: ObjRef,
    floor: usize,
    ret_sp: usize,
    raise: Option<Value>,
) -> PyResult<GenOutcome> {
    ctx.th.native_depth += 1;
    let mut budget = NESTED_CHECK_INTERVAL;
    let result = match raise {
        Some(exc) => match unwind::handle(ctx, exc, floor) {
            Ok(()) => interp::run(ctx, floor, &mut budget),
            Err(e) => Err(e),
        },
        None => interp::run(ctx, floor, &mut budget),
    };
    ctx.vm.run.instructions += u64::from(NESTED_CHECK_INTERVAL - budget);
    ctx.th.native_depth -= 1;
    match result {
        Ok(Exit::Returned(v)) => {
            ctx.th.stack.truncate(ret_sp);
            Ok(if generator_state(ctx, genr) == GenState::Finished {
                GenOutcome::Returned(v)
            } else {
                GenOutcome::Yielded(v)
            })
        }
        Ok(Exit::Budget) | Ok(Exit::Wait) => {
            ctx.th.frames.truncate(floor);
            ctx.th.stack.truncate(ret_sp);
            Err(ctx.runtime_error("a nested call could not finish"))
        }
        Err(e) => {
            ctx.th.frames.truncate(floor);
            ctx.th.stack.truncate(ret_sp);
            Err(e)
        }
    }
}

fn generator_state(ctx: &Ctx<'_>, genr: ObjRef) -> GenState {
    match ctx.vm.heap.get(genr) {
        Object::Generator(g) => g.state,
        _ => GenState::Finished,
    }
}

/// What to do with a paused generator's top value when it resumes.
enum Top {
    /// Push this value (the result of the paused `yield`).
    Push(Value),
    /// Replace the top (a `yield from` iterator) with this value.
    Replace(Value),
    /// Leave the stack as it was.
    Keep,
}

/// Put a suspended generator's frame back on the thread, delivering
/// `sent` as the value of its paused `yield`. Returns `false` when the
/// generator had already finished.
pub fn resume_generator(
    ctx: &mut Ctx<'_>,
    genr: ObjRef,
    sent: Value,
    resume: Resume,
) -> PyResult<bool> {
    let state = generator_state(ctx, genr);
    match state {
        GenState::Running => return Err(ctx.value_error("generator already executing")),
        GenState::Finished => return Ok(false),
        GenState::Created if !sent.is_none() => {
            return Err(ctx.type_error("can't send non-None value to a just-started generator"));
        }
        GenState::Created => enter(ctx, genr, None, Top::Keep, resume)?,
        GenState::Suspended => enter(ctx, genr, None, Top::Push(sent), resume)?,
    }
    Ok(true)
}

/// Push the saved frame of `genr` (at `pc`, or where it paused), mark it
/// running for `resume`, and hand it the thread's exception state.
fn enter(
    ctx: &mut Ctx<'_>,
    genr: ObjRef,
    pc: Option<u32>,
    top: Top,
    resume: Resume,
) -> PyResult<()> {
    let size = match ctx.vm.heap.get(genr) {
        Object::Generator(g) => g.frame.as_ref().and_then(|f| f.code.as_ref()),
        _ => None,
    }
    .map(|code| (code.nlocals(), code.max_stack));
    let Some((nlocals, max_stack)) = size else {
        return Err(ctx.runtime_error("generator has no frame"));
    };
    call::ensure_room(ctx, nlocals, max_stack)?;
    let caller_exc = ctx.th.handled;
    let base = ctx.th.stack.len();
    // The saved frame stays in the generator while it runs, its values
    // moved to the thread's stack: the buffer is reused at the next yield.
    let (header, own_exc) = match ctx.vm.heap.get_mut(genr) {
        Object::Generator(g) => {
            g.state = GenState::Running;
            g.resume = resume;
            g.caller_exc = caller_exc;
            let own_exc = core::mem::replace(&mut g.exc_state, Value::None);
            let header = g.frame.as_deref_mut().and_then(|f| {
                ctx.th.stack.extend_from_slice(&f.values);
                f.values.clear();
                Some((f.code.take()?, f.code_obj, f.pc, f.globals))
            });
            (header, own_exc)
        }
        _ => (None, Value::None),
    };
    let Some((code, code_obj, saved_pc, globals)) = header else {
        return Err(ctx.runtime_error("generator has no frame"));
    };
    if !own_exc.is_none() {
        ctx.th.handled = own_exc;
    }
    match top {
        Top::Push(v) => ctx.th.stack.push(v),
        Top::Replace(v) => {
            if let Some(slot) = ctx.th.stack.last_mut() {
                *slot = v;
            }
        }
        Top::Keep => {}
    }
    ctx.th.frames.push(Frame {
        code,
        code_obj,
        pc: pc.unwrap_or(saved_pc),
        base: base as u32,
        ret_sp: base as u32,
        globals,
        namespace: Value::Unbound,
        kind: FrameKind::Generator(genr),
    });
    Ok(())
}

/// Give the resumer its exception state back as a generator stops running;
/// return who resumed it.
fn leave(ctx: &mut Ctx<'_>, genr: ObjRef, state: GenState) -> Resume {
    let handled = ctx.th.handled;
    let (resume, caller_exc) = match ctx.vm.heap.get_mut(genr) {
        Object::Generator(g) => {
            let caller_exc = core::mem::replace(&mut g.caller_exc, Value::None);
            g.state = state;
            g.exc_state = if state == GenState::Suspended && !handled.is(caller_exc) {
                handled
            } else {
                Value::None
            };
            if state == GenState::Finished {
                g.frame = None;
            }
            (g.resume, caller_exc)
        }
        _ => (Resume::Native, Value::None),
    };
    ctx.th.handled = caller_exc;
    resume
}

/// `yield v` in the top (generator) frame: save the frame into its
/// generator and hand `v` to whoever resumed it. A generator resumed by a
/// `yield from` makes its delegating generator yield the same value, and so
/// on down the chain (in a loop: the chain may be as deep as the recursion
/// limit).
pub fn yield_value(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Option<Exit>> {
    loop {
        let Some(frame) = ctx.th.frames.pop() else {
            return Ok(Some(Exit::Returned(v)));
        };
        let FrameKind::Generator(genr) = frame.kind else {
            ctx.th.frames.push(frame);
            return Err(ctx.runtime_error("yield outside a generator frame"));
        };
        if let Object::Generator(g) = ctx.vm.heap.get_mut(genr)
            && let Some(saved) = g.frame.as_deref_mut()
        {
            saved.values.clear();
            saved
                .values
                .extend(ctx.th.stack.drain(frame.base as usize..));
            saved.code = Some(frame.code);
            saved.pc = frame.pc;
        }
        ctx.th.stack.truncate(frame.ret_sp as usize);
        match leave(ctx, genr, GenState::Suspended) {
            Resume::Native => return Ok(Some(Exit::Returned(v))),
            Resume::ForIter(_) => {
                ctx.th.stack.push(v);
                return Ok(None);
            }
            Resume::YieldFrom { instr, .. } => {
                // The delegating generator yields the same value, and will
                // run its `YieldFrom` again when resumed.
                if let Some(f) = ctx.th.frames.last_mut() {
                    f.pc = instr;
                }
            }
        }
    }
}

/// A generator frame returned `value`: finish the generator and continue
/// whoever resumed it.
pub fn generator_returned(ctx: &mut Ctx<'_>, genr: ObjRef, value: Value) -> Option<Exit> {
    match leave(ctx, genr, GenState::Finished) {
        Resume::Native => Some(Exit::Returned(value)),
        Resume::ForIter(target) => {
            ctx.th.stack.pop();
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = target;
            }
            None
        }
        Resume::YieldFrom { target, .. } => {
            ctx.th.stack.pop();
            ctx.th.stack.push(value);
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = target;
            }
            None
        }
    }
}

/// An exception left a generator's frame: finish the generator and return
/// the exception to propagate (a `StopIteration` becomes a `RuntimeError`,
/// PEP 479).
pub fn generator_raised(ctx: &mut Ctx<'_>, genr: ObjRef, exc: Value) -> Value {
    leave(ctx, genr, GenState::Finished);
    if !ctx.is_instance(exc, ctx.vm.types.stop_iteration) {
        return exc;
    }
    let t = ctx.vm.types.runtime_error;
    let Ok(err) = exception::new_with_message(ctx, t, "generator raised StopIteration") else {
        return ctx.vm.memory_error;
    };
    exception::set_cause(ctx, err, exc);
    exception::set_context_if_unset(ctx, err, exc);
    err
}

/// `GetYieldFromIter`: generators as they are, anything else through
/// `iter()`.
pub fn get_yield_from_iter(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    if matches!(
        v.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Generator(_))
    ) {
        return Ok(v);
    }
    get_iter(ctx, v)
}

fn as_generator(ctx: &Ctx<'_>, v: Value) -> Option<ObjRef> {
    v.as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Generator(_)))
}

/// `YieldFrom` at instruction `instr`: `[iterator, sent]` on the stack.
pub fn yield_from(ctx: &mut Ctx<'_>, instr: u32, target: u32) -> PyResult<Option<Exit>> {
    let sent = ctx.th.stack.pop().unwrap_or(Value::None);
    let sub = *ctx.th.stack.last().unwrap_or(&Value::None);
    let step = if let Some(g) = as_generator(ctx, sub) {
        if resume_generator(ctx, g, sent, Resume::YieldFrom { instr, target })? {
            return Ok(None);
        }
        Step::Done(Value::None)
    } else if sent.is_none() {
        ctx.next_step(sub)?
    } else {
        let name = ctx.intern("send")?;
        let send = crate::interp::attr::get_attr(ctx, sub, name)?;
        match ctx.call(send, &[sent]) {
            Ok(v) => Step::Item(v),
            Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.stop_iteration) => {
                Step::Done(stop_iteration_value(ctx, e))
            }
            Err(e) => return Err(e),
        }
    };
    match step {
        Step::Item(v) => {
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = instr;
            }
            yield_value(ctx, v)
        }
        Step::Done(result) => {
            ctx.th.stack.pop();
            ctx.th.stack.push(result);
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = target;
            }
            Ok(None)
        }
    }
}

/// The exception `gen.throw(type[, value[, traceback]])` raises.
pub fn throw_argument(ctx: &mut Ctx<'_>, args: &[Value]) -> PyResult<Value> {
    let typ = args.first().copied().unwrap_or(Value::None);
    let val = args.get(1).copied().unwrap_or(Value::None);
    if exception::is_exception_instance(ctx, typ) {
        if !val.is_none() {
            return Err(ctx.type_error("instance exception may not have a separate value"));
        }
        return Ok(typ);
    }
    let is_class = typ.as_obj().is_some_and(|r| {
        matches!(ctx.vm.heap.get(r), Object::Type(_))
            && ctx.is_subclass(r, ctx.vm.types.base_exception)
    });
    if !is_class {
        let t = ctx.type_name(typ);
        return Err(ctx.type_error(alloc::format!(
            "exceptions must be classes or instances deriving from BaseException, not {t}"
        )));
    }
    if let Some(r) = typ.as_obj()
        && ctx.is_instance(val, r)
    {
        return Ok(val);
    }
    let args: Vec<Value> = match val {
        Value::None => Vec::new(),
        Value::Obj(r) if matches!(ctx.vm.heap.get(r), Object::Tuple(_)) => ctx.collect(val)?,
        _ => alloc::vec![val],
    };
    unwind::instantiate_with(ctx, typ, &args)
}

/// What a level of a `yield from` chain receives while a `throw()` or
/// `close()` works its way out from the innermost generator.
enum Event {
    /// Raise this exception where the generator paused.
    Throw(Value),
    /// Its `yield from` finished with this value.
    Send(Value),
    /// The iterator it delegates to yielded this value: so does it.
    Yield(Value),
}

/// `gen.throw(exc)`: raise `exc` where the generator paused. A generator
/// paused in `yield from` passes it on to the innermost generator of the
/// chain first (closing the chain for `GeneratorExit`); the chain is walked
/// in a loop, not by recursion.
pub fn generator_throw(ctx: &mut Ctx<'_>, genr: ObjRef, exc: Value) -> PyResult<GenOutcome> {
    ctx.check_native_nesting()?;
    let is_exit = ctx.is_instance(exc, ctx.vm.types.generator_exit);
    let mut chain = alloc::vec![genr];
    loop {
        let g = chain[chain.len() - 1];
        if generator_state(ctx, g) == GenState::Running {
            return Err(ctx.value_error("generator already executing"));
        }
        match delegate(ctx, g).and_then(|(_, sub)| as_generator(ctx, sub)) {
            Some(sub) => chain.push(sub),
            None => break,
        }
    }
    let mut event = Event::Throw(exc);
    for i in (0..chain.len()).rev() {
        let result = run_level(ctx, chain[i], event, is_exit);
        if i == 0 {
            return result;
        }
        event = match (is_exit, result) {
            (_, Err(Flow::Wait)) => return Err(Flow::Wait),
            (true, Ok(GenOutcome::Yielded(_))) => {
                Event::Throw(raised(ctx.runtime_error("generator ignored GeneratorExit")))
            }
            (true, Err(Flow::Raise(e))) if !is_close_exit(ctx, e) => Event::Throw(e),
            (true, _) => Event::Throw(new_generator_exit(ctx)?),
            (false, Ok(GenOutcome::Yielded(v))) => return Ok(GenOutcome::Yielded(v)),
            (false, Ok(GenOutcome::Returned(v))) => Event::Send(v),
            (false, Err(Flow::Raise(e))) => Event::Throw(e),
        };
    }
    Ok(GenOutcome::Returned(Value::None))
}

fn raised(flow: Flow) -> Value {
    match flow {
        Flow::Raise(e) => e,
        Flow::Wait => Value::None,
    }
}

/// Whether `e` ends a `close()` quietly.
fn is_close_exit(ctx: &Ctx<'_>, e: Value) -> bool {
    ctx.is_instance(e, ctx.vm.types.generator_exit)
        || ctx.is_instance(e, ctx.vm.types.stop_iteration)
}

fn new_generator_exit(ctx: &mut Ctx<'_>) -> PyResult<Value> {
    let t = ctx.vm.types.generator_exit;
    exception::new_with_args(ctx, t, Vec::new())
}

/// The `yield from` a suspended generator is paused in: the instruction's
/// continuation target and the iterator it delegates to.
fn delegate(ctx: &Ctx<'_>, genr: ObjRef) -> Option<(u32, Value)> {
    let Object::Generator(g) = ctx.vm.heap.get(genr) else {
        return None;
    };
    let f = g.frame.as_ref()?;
    if g.state != GenState::Suspended {
        return None;
    }
    match f.code.as_ref()?.instrs.get(f.pc as usize) {
        Some(Instr::YieldFrom(target)) => Some((*target, *f.values.last()?)),
        _ => None,
    }
}

/// Deliver `event` to one generator of a `throw()` chain and run it until
/// it yields, returns or raises.
fn run_level(ctx: &mut Ctx<'_>, genr: ObjRef, event: Event, is_exit: bool) -> PyResult<GenOutcome> {
    let floor = ctx.th.frames.len();
    let ret_sp = ctx.th.stack.len();
    match generator_state(ctx, genr) {
        GenState::Running => return Err(ctx.value_error("generator already executing")),
        GenState::Finished => {
            return match event {
                Event::Throw(e) => Err(Flow::Raise(e)),
                Event::Send(_) | Event::Yield(_) => Ok(GenOutcome::Returned(Value::None)),
            };
        }
        GenState::Created => {
            let Event::Throw(e) = event else {
                return generator_send(ctx, genr, Value::None);
            };
            // Raised before the first instruction: no handler sees it.
            let entry = match ctx.vm.heap.get(genr) {
                Object::Generator(g) => {
                    g.frame
                        .as_ref()
                        .and_then(|f| f.code.as_ref())
                        .map(|code| TraceEntry {
                            filename: code.filename,
                            name: code.name,
                            line: code.first_line,
                        })
                }
                _ => None,
            };
            if let Some(entry) = entry {
                exception::push_traceback(ctx, e, entry);
            }
            if let Object::Generator(g) = ctx.vm.heap.get_mut(genr) {
                g.state = GenState::Finished;
                g.frame = None;
            }
            return Err(Flow::Raise(e));
        }
        GenState::Suspended => {}
    }
    let Some((target, sub)) = delegate(ctx, genr) else {
        let Event::Throw(e) = event else {
            return generator_send(ctx, genr, Value::None);
        };
        enter(ctx, genr, None, Top::Push(Value::None), Resume::Native)?;
        return run_resumed(ctx, genr, floor, ret_sp, Some(e));
    };
    let pc = match ctx.vm.heap.get(genr) {
        Object::Generator(g) => g.frame.as_ref().map_or(0, |f| f.pc),
        _ => 0,
    };
    let event = match event {
        Event::Throw(e) if as_generator(ctx, sub).is_none() => {
            throw_to_iterator(ctx, sub, e, is_exit)?
        }
        other => other,
    };
    match event {
        Event::Throw(e) => {
            enter(ctx, genr, Some(pc + 1), Top::Keep, Resume::Native)?;
            run_resumed(ctx, genr, floor, ret_sp, Some(e))
        }
        Event::Send(v) => {
            enter(ctx, genr, Some(target), Top::Replace(v), Resume::Native)?;
            run_resumed(ctx, genr, floor, ret_sp, None)
        }
        Event::Yield(v) => Ok(GenOutcome::Yielded(v)),
    }
}

/// `throw()` reaching a `yield from` over an iterator that is not a
/// generator: its own `close()` / `throw()` methods decide, when it has
/// them.
fn throw_to_iterator(ctx: &mut Ctx<'_>, sub: Value, exc: Value, is_exit: bool) -> PyResult<Event> {
    let name = ctx.intern(if is_exit { "close" } else { "throw" })?;
    let Some(method) = crate::interp::attr::find_attr(ctx, sub, name)? else {
        return Ok(Event::Throw(exc));
    };
    let args = if is_exit {
        Vec::new()
    } else {
        alloc::vec![Value::Obj(ctx.type_of(exc)), exc, Value::None]
    };
    match ctx.call(method, &args) {
        Ok(_) if is_exit => Ok(Event::Throw(exc)),
        Ok(v) => Ok(Event::Yield(v)),
        Err(Flow::Raise(e)) if !is_exit && ctx.is_instance(e, ctx.vm.types.stop_iteration) => {
            Ok(Event::Send(stop_iteration_value(ctx, e)))
        }
        Err(Flow::Raise(e)) => Ok(Event::Throw(e)),
        Err(w) => Err(w),
    }
}

/// `gen.close()`.
pub fn generator_close(ctx: &mut Ctx<'_>, genr: ObjRef) -> PyResult<()> {
    if generator_state(ctx, genr) == GenState::Finished {
        return Ok(());
    }
    let exit = new_generator_exit(ctx)?;
    match generator_throw(ctx, genr, exit) {
        Ok(GenOutcome::Yielded(_)) => Err(ctx.runtime_error("generator ignored GeneratorExit")),
        Ok(GenOutcome::Returned(_)) => Ok(()),
        Err(Flow::Raise(e)) if is_close_exit(ctx, e) => Ok(()),
        Err(e) => Err(e),
    }
}
