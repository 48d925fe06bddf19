//! Generators: a suspended frame (its code, position and slots) that runs
//! on the thread's frame stack whenever it is resumed.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::mem::size_of;

use portable_atomic_util::Arc;

use crate::PyResult;
use crate::bytecode::Code;
use crate::interp::{Ctx, iter};
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::value::{ObjRef, Value};

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    /// Made, not started.
    Created,
    /// Paused at a `yield`.
    Suspended,
    /// Its frame is on a thread's stack.
    Running,
    /// Returned or raised.
    Finished,
}

/// Who resumed a running generator, and so where its next yield or return
/// goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Resume {
    /// Rust code (`next()`, `send()`): a nested loop waits for it.
    Native,
    /// A `for` loop whose exit is the given instruction.
    ForIter(u32),
    /// The `yield from` at instruction `instr` of the frame below, which
    /// goes on at `target` when this generator returns.
    YieldFrom {
        /// The `YieldFrom` instruction.
        instr: u32,
        /// Where the delegating frame continues.
        target: u32,
    },
}

/// A paused generator frame.
#[derive(Debug)]
pub struct SavedFrame {
    /// Its code; `None` while the generator runs (its frame holds it).
    pub code: Option<Arc<Code>>,
    /// The heap object owning the code.
    pub code_obj: ObjRef,
    /// The next instruction.
    pub pc: u32,
    /// Its globals.
    pub globals: ObjRef,
    /// Its slots and value stack.
    pub values: Vec<Value>,
}

/// A generator object.
#[derive(Debug)]
pub struct Generator {
    /// Its state.
    pub state: GenState,
    /// The frame: its values while paused (moved to the thread stack while
    /// running, the buffer kept for the next yield); absent once finished.
    pub frame: Option<Box<SavedFrame>>,
    /// Who resumed it last.
    pub resume: Resume,
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// The exception its frame was handling when it last yielded
    /// (`None` outside its own `except` blocks).
    pub exc_state: Value,
    /// The resumer's handled exception, given back when it yields or ends.
    pub caller_exc: Value,
}

impl Generator {
    /// Call `visit` on every heap value the generator holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.qualname);
        visit(&self.exc_state);
        visit(&self.caller_exc);
        if let Some(f) = &self.frame {
            visit(&Value::Obj(f.code_obj));
            visit(&Value::Obj(f.globals));
            f.values.iter().for_each(visit);
        }
    }

    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        self.frame.as_ref().map_or(0, |f| {
            size_of::<SavedFrame>() + f.values.capacity() * size_of::<Value>()
        })
    }
}

/// A new generator for a call of `func` whose arguments are already bound
/// into `locals`.
pub fn create(
    ctx: &mut Ctx<'_>,
    func: ObjRef,
    code: Arc<Code>,
    code_obj: ObjRef,
    globals: ObjRef,
    mut locals: Vec<Value>,
) -> PyResult<Value> {
    let (name, qualname) = match ctx.vm.heap.get(func) {
        Object::Function(f) => (f.name, f.qualname),
        _ => (Value::None, Value::None),
    };
    locals.truncate(code.nlocals());
    let g = Generator {
        state: GenState::Created,
        frame: Some(Box::new(SavedFrame {
            code: Some(code),
            code_obj,
            pc: 0,
            globals,
            values: locals,
        })),
        resume: Resume::Native,
        name,
        qualname,
        exc_state: Value::None,
        caller_exc: Value::None,
    };
    Ok(Value::Obj(ctx.alloc(Object::Generator(Box::new(g)))?))
}

fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<ObjRef> {
    let v = ctx.arg(args, 0);
    match v.as_obj() {
        Some(r) if matches!(ctx.vm.heap.get(r), Object::Generator(_)) => Ok(r),
        _ => Err(ctx.type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_next(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let g = this(ctx, args)?;
    let outcome = iter::generator_send(ctx, g, Value::None)?;
    iter::outcome_value(ctx, outcome)
}

fn gen_send(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "send", 2, 2, &[])?;
    let g = this(ctx, args)?;
    let sent = ctx.arg(args, 1);
    let outcome = iter::generator_send(ctx, g, sent)?;
    iter::outcome_value(ctx, outcome)
}

fn gen_throw(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "throw", 2, 4, &[])?;
    let g = this(ctx, args)?;
    let rest: Vec<Value> = ctx.positional(args).into_iter().skip(1).collect();
    let exc = iter::throw_argument(ctx, &rest)?;
    let outcome = iter::generator_throw(ctx, g, exc)?;
    iter::outcome_value(ctx, outcome)
}

fn gen_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(ctx.arg(args, 0))
}

fn gen_close(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let g = this(ctx, args)?;
    iter::generator_close(ctx, g)?;
    Ok(Value::None)
}

/// Methods of generators.
pub static GENERATOR_METHODS: &[Native] = &[
    Native::method("__next__", gen_next),
    Native::method("__iter__", gen_iter),
    Native::method("send", gen_send),
    Native::method("throw", gen_throw),
    Native::method("close", gen_close),
];
