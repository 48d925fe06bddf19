//! [`Ctx`]: what native functions and the interpreter loop work through —
//! the VM, the running thread and its scheduler — with the helpers every
//! object type needs (allocation, errors, cells, thread endings).

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use sched_api::{Instant, Scheduler, Step};

use crate::interp::{self, Exit, unwind};
use crate::native::Args;
use crate::objects::exception;
use crate::objects::{Object, StrObj};
use crate::thread::{Cancel, FrameKind, ThreadState, Wait};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::{Flow, PyResult};

/// Instructions a loop nested in Rust code (a Python call made by a
/// built-in, a generator driven by one) runs between two checks of the
/// run's limits, the host's stop request and cancellation.
pub(crate) const NESTED_CHECK_INTERVAL: u32 = 10_000;

/// The interpreter's view of one running thread.
pub struct Ctx<'a> {
    /// The VM (without the running thread, which is `th`).
    pub vm: &'a mut Vm,
    /// The running thread.
    pub th: &'a mut ThreadState,
    /// The scheduler running it.
    pub sched: &'a dyn Scheduler,
}

impl<'a> Ctx<'a> {
    /// A context for running `th` on `vm`.
    pub fn new(vm: &'a mut Vm, th: &'a mut ThreadState, sched: &'a dyn Scheduler) -> Self {
        Ctx { vm, th, sched }
    }

    // ----- allocation -------------------------------------------------

    /// Store an object on the heap; `MemoryError` when it does not fit.
    pub fn alloc(&mut self, object: Object) -> PyResult<ObjRef> {
        self.vm
            .heap
            .alloc(object)
            .map_err(|_| Flow::Raise(self.vm.memory_error))
    }

    /// Account `bytes` of growth of an existing object.
    pub fn reserve(&mut self, bytes: usize) -> PyResult<()> {
        self.vm
            .heap
            .reserve(bytes)
            .map_err(|_| Flow::Raise(self.vm.memory_error))
    }

    /// A new `str`.
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        Ok(Value::Obj(self.alloc(Object::Str(StrObj::new(s)))?))
    }

    /// A new `str` from an owned string.
    pub fn new_string(&mut self, s: String) -> PyResult<Value> {
        Ok(Value::Obj(self.alloc(Object::Str(StrObj::from_string(s)))?))
    }

    /// The interned `str` for `s` (one object per distinct text).
    pub fn intern(&mut self, s: &str) -> PyResult<Value> {
        let vm = &mut *self.vm;
        vm.interner
            .intern(&mut vm.heap, s)
            .map(Value::Obj)
            .map_err(|_| Flow::Raise(vm.memory_error))
    }

    /// A new tuple.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> PyResult<Value> {
        if items.is_empty() {
            return Ok(Value::Obj(self.vm.types.empty_tuple));
        }
        Ok(Value::Obj(
            self.alloc(Object::Tuple(items.into_boxed_slice()))?,
        ))
    }

    /// A new list.
    pub fn new_list(&mut self, items: Vec<Value>) -> PyResult<Value> {
        Ok(Value::Obj(self.alloc(Object::List(items))?))
    }

    /// A new empty dict.
    pub fn new_dict(&mut self) -> PyResult<Value> {
        Ok(Value::Obj(self.alloc(Object::Dict(Box::default()))?))
    }

    /// A new empty set or frozenset.
    pub fn new_set(&mut self, frozen: bool) -> PyResult<Value> {
        Ok(Value::Obj(self.alloc(Object::Set(Box::new(
            crate::objects::Set::new(frozen),
        )))?))
    }

    // ----- plain accessors ------------------------------------------------

    /// The text of a `str` value (or of a `str` subclass instance).
    pub fn str_ref(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match self.vm.heap.get(r) {
                Object::Str(s) => Some(s.as_str()),
                Object::Instance(i) => match i.payload {
                    crate::objects::instance::Payload::Value(inner) => self.str_ref(inner),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// The value of a cell object.
    #[inline]
    pub fn cell_get(&self, cell: Value) -> Value {
        match cell {
            Value::Obj(r) => match self.vm.heap.get(r) {
                Object::Cell(v) => *v,
                _ => Value::Unbound,
            },
            _ => Value::Unbound,
        }
    }

    /// Set the value of a cell object.
    #[inline]
    pub fn cell_set(&mut self, cell: Value, value: Value) {
        if let Value::Obj(r) = cell
            && let Object::Cell(v) = self.vm.heap.get_mut(r)
        {
            *v = value;
        }
    }

    /// Argument `i` of a native call (`None` past the arguments given, so a
    /// native that forgets to check their number cannot panic).
    #[inline]
    pub fn arg(&self, args: Args, i: usize) -> Value {
        if i >= args.count {
            return Value::None;
        }
        self.th
            .stack
            .get(args.start + i)
            .copied()
            .unwrap_or(Value::None)
    }

    /// The positional arguments of a native call, copied.
    pub fn positional(&self, args: Args) -> Vec<Value> {
        self.th.stack[args.start..args.start + args.positional()].to_vec()
    }

    /// The keyword argument `name` of a native call, if given.
    pub fn kwarg(&self, args: Args, name: &str) -> Option<Value> {
        let names = args.kwnames?;
        let Object::Tuple(names) = self.vm.heap.get(names) else {
            return None;
        };
        let first_kw = args.start + args.positional();
        names
            .iter()
            .position(|n| self.str_ref(*n) == Some(name))
            .map(|i| self.th.stack[first_kw + i])
    }

    /// Check a native call's positional count and accepted keywords.
    pub fn check_args(
        &mut self,
        args: Args,
        name: &str,
        min: usize,
        max: usize,
        keywords: &[&str],
    ) -> PyResult<()> {
        // Keywords are checked first, as CPython's argument parsers do.
        if let Some(names) = args.kwnames {
            let names: Vec<Value> = match self.vm.heap.get(names) {
                Object::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            };
            for n in names {
                let text = String::from(self.str_ref(n).unwrap_or(""));
                if !keywords.contains(&text.as_str()) {
                    let msg = if keywords.is_empty() {
                        alloc::format!("{name}() takes no keyword arguments")
                    } else {
                        alloc::format!("{name}() got an unexpected keyword argument '{text}'")
                    };
                    return Err(self.type_error(msg));
                }
            }
        }
        let n = args.positional();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => alloc::format!("{name}() takes no arguments ({n} given)"),
                    1 => alloc::format!("{name}() takes exactly one argument ({n} given)"),
                    _ => alloc::format!("{name}() takes exactly {min} arguments ({n} given)"),
                }
            } else if n < min {
                alloc::format!(
                    "{name}() takes at least {min} argument{} ({n} given)",
                    plural(min)
                )
            } else {
                alloc::format!(
                    "{name}() takes at most {max} argument{} ({n} given)",
                    plural(max)
                )
            };
            return Err(self.type_error(msg));
        }
        Ok(())
    }

    // ----- errors ----------------------------------------------------------

    /// A new exception of type `ty` with message `msg`, ready to raise.
    #[cold]
    #[inline(never)]
    pub fn error(&mut self, ty: ObjRef, msg: impl Into<String>) -> Flow {
        let msg: String = msg.into();
        match exception::new_with_message(self, ty, &msg) {
            Ok(exc) => Flow::Raise(exc),
            Err(flow) => flow,
        }
    }

    /// `TypeError(msg)`.
    #[cold]
    #[inline(never)]
    pub fn type_error(&mut self, msg: impl Into<String>) -> Flow {
        let t = self.vm.types.type_error;
        self.error(t, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: impl Into<String>) -> Flow {
        let t = self.vm.types.value_error;
        self.error(t, msg)
    }

    /// `IndexError(msg)`.
    pub fn index_error(&mut self, msg: impl Into<String>) -> Flow {
        let t = self.vm.types.index_error;
        self.error(t, msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> Flow {
        let t = self.vm.types.overflow_error;
        self.error(t, msg)
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(&mut self, msg: impl Into<String>) -> Flow {
        let t = self.vm.types.zero_division_error;
        self.error(t, msg)
    }

    /// `RuntimeError(msg)`.
    #[cold]
    #[inline(never)]
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> Flow {
        let t = self.vm.types.runtime_error;
        self.error(t, msg)
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> Flow {
        let t = self.vm.types.key_error;
        match exception::new_with_args(self, t, alloc::vec![key]) {
            Ok(exc) => Flow::Raise(exc),
            Err(flow) => flow,
        }
    }

    /// `NameError: name 'x' is not defined`.
    #[cold]
    #[inline(never)]
    pub fn name_error(&mut self, name: Value) -> Flow {
        let text = String::from(self.str_ref(name).unwrap_or("?"));
        let t = self.vm.types.name_error;
        let flow = self.error(t, alloc::format!("name '{text}' is not defined"));
        unwind::note_name_error(self, flow, name)
    }

    /// `UnboundLocalError` for local `name`.
    #[cold]
    #[inline(never)]
    pub fn unbound_local(&mut self, name: Value) -> Flow {
        let text = String::from(self.str_ref(name).unwrap_or("?"));
        let t = self.vm.types.unbound_local_error;
        self.error(
            t,
            alloc::format!(
                "cannot access local variable '{text}' where it is not associated with a value"
            ),
        )
    }

    /// The error for reading an empty cell: `UnboundLocalError` for the
    /// frame's own cell, `NameError` for a free variable.
    #[cold]
    #[inline(never)]
    pub fn free_var_unbound(&mut self, name: Value, own_cell: bool) -> Flow {
        if own_cell {
            return self.unbound_local(name);
        }
        let text = String::from(self.str_ref(name).unwrap_or("?"));
        let t = self.vm.types.name_error;
        let flow = self.error(
            t,
            alloc::format!("cannot access free variable '{text}' where it is not associated with a value in enclosing scope"),
        );
        unwind::note_name_error(self, flow, name)
    }

    /// `KeyboardInterrupt()`.
    pub fn keyboard_interrupt(&mut self) -> Value {
        let t = self.vm.types.keyboard_interrupt;
        exception::new_with_args(self, t, Vec::new()).unwrap_or(self.vm.memory_error)
    }

    /// The `SystemExit` a cancelled thread unwinds with.
    pub fn system_exit_for_cancel(&mut self) -> Value {
        let t = self.vm.types.system_exit;
        exception::new_with_args(self, t, Vec::new()).unwrap_or(self.vm.memory_error)
    }

    /// Where code running for a Rust caller (a nested interpreter loop, or a
    /// built-in iterating) cannot end its slice: count the `ran`
    /// instructions, stop the run once past its instruction or time limit,
    /// and raise a pending `KeyboardInterrupt` or cancellation, so that a
    /// thread busy inside `sum(generator)` is stopped like one busy in a
    /// `while` loop. A cancelled thread that keeps catching its `SystemExit`
    /// gets it again each time its unwinding budget runs out.
    #[inline(never)]
    pub(crate) fn nested_checkpoint(&mut self, ran: u32) -> PyResult<()> {
        self.vm.run.instructions += u64::from(ran);
        crate::vm::check_limits(self);
        if let Cancel::Unwinding(left) = self.th.cancel {
            let left = left.saturating_sub(ran.max(1));
            self.th.cancel = Cancel::Unwinding(left);
            if left == 0 {
                return Err(Flow::Raise(self.system_exit_for_cancel()));
            }
        }
        self.check_interrupts()
    }

    /// Raise `KeyboardInterrupt` or the cancellation `SystemExit` if the host
    /// or the end of the run asked for it (used where a slice cannot end).
    #[inline(never)]
    pub fn check_interrupts(&mut self) -> PyResult<()> {
        if self.th.is_main && self.sched.take_stop_request() {
            return Err(Flow::Raise(self.keyboard_interrupt()));
        }
        if self.th.cancel == Cancel::Requested {
            self.th.cancel = Cancel::Unwinding(self.vm.config.unwind_budget);
            return Err(Flow::Raise(self.system_exit_for_cancel()));
        }
        Ok(())
    }

    // ----- calls from Rust ---------------------------------------------------

    /// Call a Python callable from Rust and return its result, running a
    /// nested interpreter loop when it is Python code.
    pub fn call(&mut self, callable: Value, args: &[Value]) -> PyResult<Value> {
        self.call_with_kwargs(callable, args, None)
    }

    /// [`Ctx::call`] with keyword arguments: `kw` pairs a tuple of names
    /// with as many values, which follow `args`.
    pub fn call_with_kwargs(
        &mut self,
        callable: Value,
        args: &[Value],
        kw: Option<(ObjRef, &[Value])>,
    ) -> PyResult<Value> {
        self.check_native_nesting()?;
        let ret_sp = self.th.stack.len();
        self.th.stack.push(callable);
        self.th.stack.extend_from_slice(args);
        let (kwnames, nkw) = match kw {
            Some((names, values)) => {
                self.th.stack.extend_from_slice(values);
                (Some(names), values.len())
            }
            None => (None, 0),
        };
        let floor = self.th.frames.len();
        let pushed = match interp::call::call(
            self,
            callable,
            ret_sp + 1,
            args.len() + nkw,
            kwnames,
            ret_sp,
        ) {
            Ok(pushed) => pushed,
            Err(Flow::Wait) => {
                self.th.stack.truncate(ret_sp);
                self.th.wait = None;
                return Err(self.runtime_error(
                    "cannot sleep or block inside a function called from a built-in",
                ));
            }
            Err(e) => {
                self.th.stack.truncate(ret_sp);
                return Err(e);
            }
        };
        if !pushed {
            let v = self.th.stack.pop().unwrap_or(Value::None);
            self.th.stack.truncate(ret_sp);
            return Ok(v);
        }
        // Mark the new frame so the loop hands its result back to us.
        if let Some(f) = self.th.frames.get_mut(floor) {
            f.kind = match f.kind {
                FrameKind::Normal => FrameKind::NativeBoundary,
                other => other,
            };
        }
        self.run_nested(floor, ret_sp)
    }

    /// Refuse to nest one more interpreter loop in Rust past the configured
    /// depth, or when the nested loops have used the configured amount of
    /// native stack.
    pub(crate) fn check_native_nesting(&mut self) -> PyResult<()> {
        if self.th.native_depth >= self.vm.config.native_recursion_limit {
            let t = self.vm.types.recursion_error;
            return Err(self.error(t, "maximum recursion depth exceeded"));
        }
        self.check_stack("")
    }

    /// Where the native stack is now (it grows down on every target).
    #[inline(always)]
    pub(crate) fn stack_position() -> usize {
        let marker = 0u8;
        core::ptr::addr_of!(marker) as usize
    }

    /// `RecursionError` (with `detail` after CPython's message) once Rust
    /// code recursing for Python (nested calls, or comparing, hashing and
    /// printing nested containers) has used the configured amount of native
    /// stack since the thread's interpreter loop started.
    pub fn check_stack(&mut self, detail: &str) -> PyResult<()> {
        let base = self.th.native_stack_base;
        if base == 0
            || base.saturating_sub(Self::stack_position()) <= self.vm.config.native_stack_limit
        {
            return Ok(());
        }
        let t = self.vm.types.recursion_error;
        Err(self.error(
            t,
            alloc::format!("maximum recursion depth exceeded{detail}"),
        ))
    }

    /// Run the frames pushed at index `floor` and above until the boundary
    /// frame returns.
    pub(crate) fn run_nested(&mut self, floor: usize, ret_sp: usize) -> PyResult<Value> {
        self.th.native_depth += 1;
        let mut budget = NESTED_CHECK_INTERVAL;
        let result = interp::run(self, floor, &mut budget);
        self.vm.run.instructions += u64::from(NESTED_CHECK_INTERVAL - budget);
        self.th.native_depth -= 1;
        match result {
            Ok(Exit::Returned(v)) => {
                self.th.stack.truncate(ret_sp);
                Ok(v)
            }
            Ok(Exit::Budget) | Ok(Exit::Wait) => {
                self.th.frames.truncate(floor);
                self.th.stack.truncate(ret_sp);
                Err(self.runtime_error("a nested call could not finish"))
            }
            Err(e) => {
                self.th.frames.truncate(floor);
                self.th.stack.truncate(ret_sp);
                Err(e)
            }
        }
    }

    // ----- thread endings ------------------------------------------------------

    /// The step that parks this thread for its current wait.
    pub fn wait_step(&self) -> Step {
        // A run with a time limit wakes its main thread when the limit
        // ends, so the limit is noticed even while every thread waits; the
        // main thread then stops the others, always in the same order.
        let limit_end = match (self.vm.config.time_limit, self.vm.run.started_at) {
            (Some(t), Some(start)) if self.th.is_main => Some(start.saturating_add(t)),
            _ => None,
        };
        let clamp = |d: Option<Instant>| match (d, limit_end) {
            (Some(d), Some(end)) => Some(d.min(end)),
            (d, end) => d.or(end),
        };
        match self.th.wait {
            Some(Wait::Sleep(until)) => Step::Sleep(clamp(Some(until)).unwrap_or(until)),
            Some(Wait::Lock { deadline, .. }) => Step::Block(clamp(deadline)),
            None => Step::Yield,
        }
    }

    /// The thread's first frame returned.
    pub fn thread_finished(&mut self) -> Step {
        if self.th.is_main && self.vm.run.exit_status.is_none() {
            self.vm.run.exit_status = Some(0);
        }
        self.release_thread();
        Step::Exit
    }

    /// An exception left the thread's first frame: report it as CPython
    /// does and end the thread.
    pub fn thread_died(&mut self, exc: Value) -> Step {
        unwind::report_uncaught(self, exc);
        self.release_thread();
        Step::Exit
    }

    /// End the thread without running anything more (unwind budget spent,
    /// or cancelled before it started).
    pub fn drop_thread(&mut self) -> Step {
        self.release_thread();
        Step::Exit
    }

    fn release_thread(&mut self) {
        if self.th.is_main {
            self.vm.shut_down(self.sched);
        }
        if let Some(Wait::Lock { lock, .. }) = self.th.wait.take() {
            crate::objects::lock::leave_queue(self, lock);
        }
        self.th.frames = Vec::new();
        self.th.stack = Vec::new();
        self.th.handled = Value::None;
        self.th.start = None;
    }

    /// Collect garbage now (at a safe point of the interpreter loop).
    pub fn collect_garbage(&mut self) {
        self.vm.collect_garbage(Some(self.th));
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
