//! Iteration: `iter()`, `next()`, `for` loops, and generators, which run
//! on the thread's frame stack like any call (a `for` over a generator, and
//! `yield from`, nest no Rust calls).

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::PyResult;
use crate::interp::{Ctx, Exit, call};
use crate::objects::generator::{GenState, Resume, SavedFrame};
use crate::objects::iter::{self as it, IterObj};
use crate::objects::{Object, exception};
use crate::thread::{Frame, FrameKind};
use crate::value::{ObjRef, Value};

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

impl Ctx<'_> {
    /// `next(it)`: `None` when the iterator is exhausted.
    pub fn next(&mut self, iter: Value) -> PyResult<Option<Value>> {
        if let Value::Obj(r) = iter {
            match self.vm.heap.get(r) {
                Object::Iter(_) => return it::next(self, r),
                Object::Generator(_) => return generator_next(self, r, Value::None),
                _ => {}
            }
        }
        let ty = self.type_of(iter);
        let Some(f) = self.type_lookup_str(ty, "__next__") else {
            let t = self.type_name(iter);
            return Err(self.type_error(alloc::format!("'{t}' object is not an iterator")));
        };
        match self.call(f, &[iter]) {
            Ok(v) => Ok(Some(v)),
            Err(crate::Flow::Raise(e)) if self.is_instance(e, self.vm.types.stop_iteration) => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// All items of an iterable.
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

/// Run a generator from Rust until it yields (`Some`) or finishes (`None`).
pub fn generator_next(ctx: &mut Ctx<'_>, genr: ObjRef, sent: Value) -> PyResult<Option<Value>> {
    let floor = ctx.th.frames.len();
    let ret_sp = ctx.th.stack.len();
    if !resume_generator(ctx, genr, sent, Resume::Native)? {
        return Ok(None);
    }
    match ctx.run_nested(floor, ret_sp) {
        Ok(v) => Ok(Some(v)),
        Err(crate::Flow::Raise(e))
            if ctx.is_instance(e, ctx.vm.types.stop_iteration) && generator_done(ctx, genr) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn generator_done(ctx: &Ctx<'_>, genr: ObjRef) -> bool {
    matches!(ctx.vm.heap.get(genr), Object::Generator(g) if g.state == GenState::Finished)
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
    let (state, saved) = match ctx.vm.heap.get_mut(genr) {
        Object::Generator(g) => match g.state {
            GenState::Running => (GenState::Running, None),
            GenState::Finished => (GenState::Finished, None),
            s => {
                g.state = GenState::Running;
                g.resume = resume;
                (s, g.frame.take())
            }
        },
        _ => return Ok(false),
    };
    match state {
        GenState::Running => return Err(ctx.value_error("generator already executing")),
        GenState::Finished => return Ok(false),
        GenState::Created if !sent.is_none() => {
            if let Object::Generator(g) = ctx.vm.heap.get_mut(genr) {
                g.state = GenState::Created;
                g.frame = saved;
            }
            return Err(ctx.type_error("can't send non-None value to a just-started generator"));
        }
        _ => {}
    }
    let Some(saved) = saved else {
        return Ok(false);
    };
    let saved = *saved;
    call::ensure_frame_room(ctx, &saved.code)?;
    let base = ctx.th.stack.len();
    ctx.th.stack.extend_from_slice(&saved.values);
    if state == GenState::Suspended {
        ctx.th.stack.push(sent);
    }
    ctx.th.frames.push(Frame {
        code: saved.code,
        code_obj: saved.code_obj,
        pc: saved.pc,
        base: base as u32,
        ret_sp: base as u32,
        globals: saved.globals,
        namespace: Value::Unbound,
        kind: FrameKind::Generator(genr),
    });
    Ok(true)
}

/// `yield v` in the top (generator) frame: save the frame into its
/// generator and hand `v` to whoever resumed it.
pub fn yield_value(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Option<Exit>> {
    let Some(frame) = ctx.th.frames.pop() else {
        return Ok(Some(Exit::Returned(v)));
    };
    let FrameKind::Generator(genr) = frame.kind else {
        ctx.th.frames.push(frame);
        return Err(ctx.runtime_error("yield outside a generator frame"));
    };
    let values: Vec<Value> = ctx.th.stack.drain(frame.base as usize..).collect();
    ctx.th.stack.truncate(frame.ret_sp as usize);
    let resume = match ctx.vm.heap.get_mut(genr) {
        Object::Generator(g) => {
            g.state = GenState::Suspended;
            g.frame = Some(Box::new(SavedFrame {
                code: frame.code,
                code_obj: frame.code_obj,
                pc: frame.pc,
                globals: frame.globals,
                values,
            }));
            g.resume
        }
        _ => Resume::Native,
    };
    deliver_yield(ctx, v, resume)
}

fn deliver_yield(ctx: &mut Ctx<'_>, v: Value, resume: Resume) -> PyResult<Option<Exit>> {
    match resume {
        Resume::Native => Ok(Some(Exit::Returned(v))),
        Resume::ForIter(_) => {
            ctx.th.stack.push(v);
            Ok(None)
        }
        Resume::YieldFrom { instr, .. } => {
            // The delegating generator yields the same value, and will run
            // its `YieldFrom` again when resumed.
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = instr;
            }
            yield_value(ctx, v)
        }
    }
}

/// A generator frame returned `value`: finish the generator and continue
/// whoever resumed it.
pub fn generator_returned(ctx: &mut Ctx<'_>, genr: ObjRef, value: Value) -> PyResult<()> {
    let resume = match ctx.vm.heap.get_mut(genr) {
        Object::Generator(g) => {
            g.state = GenState::Finished;
            g.frame = None;
            g.resume
        }
        _ => Resume::Native,
    };
    match resume {
        Resume::Native => {
            let t = ctx.vm.types.stop_iteration;
            let args = if value.is_none() {
                Vec::new()
            } else {
                alloc::vec![value]
            };
            Err(crate::Flow::Raise(exception::new_with_args(ctx, t, args)?))
        }
        Resume::ForIter(target) => {
            ctx.th.stack.pop();
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = target;
            }
            Ok(())
        }
        Resume::YieldFrom { target, .. } => {
            ctx.th.stack.pop();
            ctx.th.stack.push(value);
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = target;
            }
            Ok(())
        }
    }
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

/// `YieldFrom` at instruction `instr`: `[iterator, sent]` on the stack.
pub fn yield_from(ctx: &mut Ctx<'_>, instr: u32, target: u32) -> PyResult<Option<Exit>> {
    let sent = ctx.th.stack.pop().unwrap_or(Value::None);
    let sub = *ctx.th.stack.last().unwrap_or(&Value::None);
    if let Some(g) = sub
        .as_obj()
        .filter(|r| matches!(ctx.vm.heap.get(*r), Object::Generator(_)))
    {
        if resume_generator(ctx, g, sent, Resume::YieldFrom { instr, target })? {
            return Ok(None);
        }
        ctx.th.stack.pop();
        ctx.th.stack.push(Value::None);
        if let Some(f) = ctx.th.frames.last_mut() {
            f.pc = target;
        }
        return Ok(None);
    }
    match ctx.next(sub)? {
        Some(v) => {
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = instr;
            }
            yield_value(ctx, v)
        }
        None => {
            ctx.th.stack.pop();
            ctx.th.stack.push(Value::None);
            if let Some(f) = ctx.th.frames.last_mut() {
                f.pc = target;
            }
            Ok(None)
        }
    }
}
