//! The state of one Python thread: a value stack and a stack of frames, both
//! on the heap, so a thread can stop between any two instructions and be
//! resumed later by its driver.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::mem::size_of;

use portable_atomic_util::Arc;
use sched_api::{Instant, ThreadId};

use crate::bytecode::Code;
use crate::value::{ObjRef, Value};

/// What happens to a frame's return value.
#[derive(Clone, Copy, Debug)]
pub enum FrameKind {
    /// Push it on the caller's stack.
    Normal,
    /// `__init__`: it must be `None`; push the new instance instead.
    Init(Value),
    /// A class body: build the class from the namespace.
    ClassBody {
        /// The class name.
        name: Value,
        /// The bases tuple.
        bases: Value,
    },
    /// A module body run by `import`: push the module.
    ModuleBody(ObjRef),
    /// A generator's frame running on this thread; yields and returns go
    /// back to the generator object.
    Generator(ObjRef),
    /// Called from Rust code: stop the interpreter loop and hand the value
    /// to the caller.
    NativeBoundary,
}

/// One activation of a code object.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The code being run.
    pub code: Arc<Code>,
    /// The heap object owning the code (keeps its constants alive).
    pub code_obj: ObjRef,
    /// Index of the next instruction.
    pub pc: u32,
    /// Stack index of local slot 0.
    pub base: u32,
    /// Stack height to cut back to when the frame returns.
    pub ret_sp: u32,
    /// The globals dict.
    pub globals: ObjRef,
    /// The namespace dict of a class body or module body (for name
    /// instructions), else `Unbound`.
    pub namespace: Value,
    /// What to do with the return value.
    pub kind: FrameKind,
}

impl Frame {
    /// Call `visit` on every heap value the frame holds (its stack slots
    /// are traced with the thread's stack).
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.code_obj));
        visit(&Value::Obj(self.globals));
        visit(&self.namespace);
        match &self.kind {
            FrameKind::Normal | FrameKind::NativeBoundary => {}
            FrameKind::Init(v) => visit(v),
            FrameKind::ClassBody { name, bases } => {
                visit(name);
                visit(bases);
            }
            FrameKind::ModuleBody(m) | FrameKind::Generator(m) => visit(&Value::Obj(*m)),
        }
    }
}

/// Why a thread is not runnable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// `time.sleep` until the instant; the call then returns `None`.
    Sleep(Instant),
    /// A blocking `acquire` of the lock, with an optional deadline; the call
    /// then returns `True`, or `False` at the deadline.
    Lock {
        /// The lock object.
        lock: ObjRef,
        /// When to give up.
        deadline: Option<Instant>,
    },
}

/// Where a thread is in its cancellation (THREADS.md rule 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cancel {
    /// Running normally.
    None,
    /// Asked to stop: `SystemExit` is raised at its next instruction
    /// boundary.
    Requested,
    /// Unwinding after `SystemExit` with this many instructions left before
    /// it is dropped without further ado.
    Unwinding(u32),
}

/// The call a new thread makes first.
#[derive(Clone, Copy, Debug)]
pub struct StartCall {
    /// The function.
    pub func: Value,
    /// Its positional arguments (a tuple).
    pub args: Value,
    /// Its keyword arguments (a dict), or `None`.
    pub kwargs: Value,
}

/// One Python thread.
#[derive(Debug)]
pub struct ThreadState {
    /// Its id.
    pub id: ThreadId,
    /// Locals and temporaries of every frame.
    pub stack: Vec<Value>,
    /// The frames, innermost last.
    pub frames: Vec<Frame>,
    /// The exception being handled (`sys.exc_info()`), or `None`.
    pub handled: Value,
    /// What it waits for, if anything.
    pub wait: Option<Wait>,
    /// Cancellation state.
    pub cancel: Cancel,
    /// The first call of a thread not yet started (boxed: most threads
    /// have started, and a sleeping thread should cost little).
    pub start: Option<Box<StartCall>>,
    /// The function the thread was started with (for error reports).
    pub entry: Value,
    /// Whether this is the main script's thread.
    pub is_main: bool,
    /// Depth of interpreter loops run from Rust code on this thread.
    pub native_depth: u32,
    /// Items taken from iterators by Rust code, counted to check the
    /// run's limits now and then (see `Ctx::next_step`).
    pub native_steps: u32,
    /// Address of the native stack where the outermost of them started.
    pub native_stack_base: usize,
    /// The exception being propagated is a re-raise: its traceback already
    /// names the current frame.
    pub reraising: bool,
    /// Bytes accounted to the VM heap for this thread's buffers.
    pub accounted: usize,
}

impl ThreadState {
    /// A thread with nothing to run yet.
    pub fn new(id: ThreadId, is_main: bool) -> Self {
        ThreadState {
            id,
            stack: Vec::new(),
            frames: Vec::new(),
            handled: Value::None,
            wait: None,
            cancel: Cancel::None,
            start: None,
            entry: Value::None,
            is_main,
            native_depth: 0,
            native_steps: 0,
            native_stack_base: 0,
            reraising: false,
            accounted: 0,
        }
    }

    /// Call `visit` on every heap value the thread holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.stack.iter().for_each(&mut *visit);
        for f in &self.frames {
            f.trace(visit);
        }
        visit(&self.handled);
        visit(&self.entry);
        if let Some(Wait::Lock { lock, .. }) = self.wait {
            visit(&Value::Obj(lock));
        }
        if let Some(s) = &self.start {
            visit(&s.func);
            visit(&s.args);
            visit(&s.kwargs);
        }
    }

    /// Bytes this thread's state occupies: the struct and its buffers.
    pub fn footprint(&self) -> usize {
        size_of::<ThreadState>()
            + self.stack.capacity() * size_of::<Value>()
            + self.frames.capacity() * size_of::<Frame>()
            + self.start.as_ref().map_or(0, |_| size_of::<StartCall>())
    }
}
