//! The VM: heap, built-in types, threads and the state of the current run,
//! and the [`Interpreter`] implementation backends drive.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use sched_api::{Instant, Interpreter, Scheduler, Step, ThreadId};

use crate::bytecode::CodeProto;
use crate::embed::{PyError, PyValue, Session};
use crate::heap::{Heap, HeapStats};
use crate::intern::Interner;
use crate::interp::{self, Ctx, Exit};
use crate::thread::{Cancel, ThreadState, Wait};
use crate::types::BuiltinTypes;
use crate::value::{ObjRef, Value};
use crate::{Flow, Host};

/// Limits and tunables of a VM.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Bytes the heap may hold; past it allocation raises `MemoryError`.
    pub heap_limit: usize,
    /// Python threads that may exist at once, the main thread included.
    pub max_threads: usize,
    /// Deepest Python call stack before `RecursionError`.
    pub recursion_limit: u32,
    /// Deepest nesting of Python calls made from Rust code (a `key=`
    /// function inside `sorted` inside another…), each of which uses native
    /// stack, before `RecursionError`.
    pub native_recursion_limit: u32,
    /// Bytes of native stack such nested calls may use, measured from the
    /// outermost one, before `RecursionError` (a guard for builds whose
    /// frames are larger than expected, such as debug builds). It must
    /// stay well below the stack size of the threads running the VM.
    pub native_stack_limit: usize,
    /// Instructions a cancelled thread may run while unwinding before it is
    /// dropped anyway (THREADS.md rule 5).
    pub unwind_budget: u32,
    /// Instructions a run may execute, over all its threads; past it every
    /// thread is stopped as at the end of the script.
    pub instruction_limit: Option<u64>,
    /// Wall-clock time a run may take; past it every thread is stopped.
    pub time_limit: Option<core::time::Duration>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            heap_limit: 64 * 1024 * 1024,
            max_threads: 256,
            recursion_limit: 1000,
            native_recursion_limit: 32,
            native_stack_limit: 192 * 1024,
            unwind_budget: 100_000,
            instruction_limit: None,
            time_limit: None,
        }
    }
}

/// How a run ended.
#[derive(Clone, PartialEq, Debug)]
pub struct RunOutcome {
    /// The process exit status CPython would give: 0, 1 after an uncaught
    /// exception, the `sys.exit` code, 130 after `KeyboardInterrupt`.
    pub exit_status: i32,
    /// When the main thread finished its last statement (on the
    /// scheduler's clock), if it started.
    pub main_finished_at: Option<Instant>,
    /// Most Python threads alive at once during the run.
    pub peak_threads: usize,
    /// What the main thread's code returned (a [`Vm::load_call`] run's
    /// result; `None` for a script).
    pub result: PyValue,
    /// The exception that ended the main thread, if one did.
    pub error: Option<PyError>,
}

/// VM-side figures (THREADS.md "Accounting the checks read").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct VmStats {
    /// Python threads alive now.
    pub threads_live: usize,
    /// The heap.
    pub heap: HeapStats,
    /// Heap bytes before the current or last run's script was loaded.
    pub heap_baseline: usize,
}

/// State that exists for one run of a script and is dropped after it.
pub(crate) struct RunState {
    /// `sys.modules`: a dict of module name to module.
    pub modules: Value,
    /// The main thread's id.
    pub main: Option<ThreadId>,
    /// The run is ending: no new threads, every thread cancelled.
    pub shutting_down: bool,
    /// When the main thread finished.
    pub main_finished_at: Option<Instant>,
    /// The exit status, once known.
    pub exit_status: Option<i32>,
    /// Peak live threads.
    pub peak_threads: usize,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Source texts by file name, for traceback lines.
    pub sources: Vec<(String, String)>,
    /// The stack size for new threads set by `_thread.stack_size()`.
    pub stack_size: Option<usize>,
    /// What the main thread's first frame returned.
    pub result: Value,
    /// The exception that ended the main thread.
    pub error: Option<PyError>,
    /// Instructions executed so far.
    pub instructions: u64,
    /// When the run started (set at its first slice).
    pub started_at: Option<Instant>,
    /// Why the run was stopped by a limit, once it was.
    pub limit_hit: Option<String>,
}

impl RunState {
    fn new() -> Self {
        RunState {
            modules: Value::None,
            main: None,
            shutting_down: false,
            main_finished_at: None,
            exit_status: None,
            peak_threads: 0,
            argv: Vec::new(),
            sources: Vec::new(),
            stack_size: None,
            result: Value::None,
            error: None,
            instructions: 0,
            started_at: None,
            limit_hit: None,
        }
    }
}

/// The virtual machine.
pub struct Vm {
    pub(crate) heap: Heap,
    pub(crate) types: BuiltinTypes,
    pub(crate) interner: Interner,
    pub(crate) threads: Vec<ThreadState>,
    /// Containers whose `repr` is being built (to print `[...]` for a list
    /// that contains itself). One for the VM: a `repr` runs to its end
    /// before another thread runs.
    pub(crate) repr_guard: Vec<ObjRef>,
    /// Attribute lookups through type MROs, remembered.
    pub(crate) lookup_cache: Box<crate::objects::lookup_cache::LookupCache>,
    pub(crate) run: RunState,
    pub(crate) config: Config,
    pub(crate) host: Box<dyn Host + Send>,
    /// The `builtins` module's dict.
    pub(crate) builtins: ObjRef,
    /// A `MemoryError` made in advance, raised when nothing else fits.
    pub(crate) memory_error: Value,
    /// Modules written in Rust that `import` can find.
    pub(crate) native_modules: Vec<&'static crate::extension::NativeModule>,
    /// Modules built into the program that `import` can find.
    pub(crate) frozen_modules: Vec<&'static crate::frozen::FrozenModule>,
    /// The embedder's state for native functions (see
    /// [`crate::interp::Ctx::extension`]).
    pub(crate) extension: Option<Box<dyn core::any::Any + Send>>,
    /// The persistent `__main__` of a session (REPL, embedding), if open.
    pub(crate) session: Option<Session>,
    next_thread: u32,
    baseline: usize,
    /// Whether an injected fault has struck already (self-test builds).
    #[cfg(any(feature = "fault-leak-frame", feature = "fault-skip-reap"))]
    fault_struck: bool,
}

/// Why a VM could not be built.
#[derive(Clone, Copy, PartialEq, Eq, Debug, thiserror::Error)]
pub enum VmError {
    /// The heap limit is too small for the built-in types and modules.
    #[error("the heap limit of {0} bytes cannot hold the built-in types")]
    HeapTooSmall(usize),
}

impl Vm {
    /// A VM with the built-in types and the `builtins` module in place,
    /// writing output through `host`.
    pub fn new(config: Config, host: Box<dyn Host + Send>) -> Result<Vm, VmError> {
        let mut heap = Heap::new(config.heap_limit);
        let mut interner = Interner::new();
        let too_small = |_| VmError::HeapTooSmall(config.heap_limit);
        let types = BuiltinTypes::create(&mut heap, &mut interner).map_err(too_small)?;
        let mut vm = Vm {
            heap,
            types,
            interner,
            threads: Vec::new(),
            repr_guard: Vec::new(),
            lookup_cache: Box::default(),
            run: RunState::new(),
            config,
            host,
            builtins: ObjRef(0),
            memory_error: Value::None,
            native_modules: Vec::new(),
            frozen_modules: Vec::new(),
            extension: None,
            session: None,
            next_thread: 1,
            baseline: 0,
            #[cfg(any(feature = "fault-leak-frame", feature = "fault-skip-reap"))]
            fault_struck: false,
        };
        vm.builtins = crate::modules::builtins::create(&mut vm).map_err(too_small)?;
        vm.memory_error =
            crate::objects::exception::preallocate_memory_error(&mut vm).map_err(too_small)?;
        vm.collect_garbage(None);
        vm.baseline = vm.heap.stats().bytes;
        Ok(vm)
    }

    /// Make a module written in Rust importable.
    pub fn add_module(&mut self, module: &'static crate::extension::NativeModule) {
        self.native_modules.retain(|m| m.name != module.name);
        self.native_modules.push(module);
    }

    /// Give native functions access to `state` (replacing any earlier
    /// state); they reach it with [`crate::interp::Ctx::extension`].
    pub fn set_extension<T: core::any::Any + Send>(&mut self, state: T) {
        self.extension = Some(Box::new(state));
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Current figures.
    pub fn stats(&self) -> VmStats {
        VmStats {
            threads_live: self.threads.len(),
            heap: self.heap.stats(),
            heap_baseline: self.baseline,
        }
    }

    /// Compile `source` and prepare its main thread, ready for a backend to
    /// spawn. On a syntax error the error is printed as CPython prints it
    /// and `Err(exit status)` is returned; nothing stays allocated.
    #[cfg(feature = "compiler")]
    pub fn load_main(
        &mut self,
        source: &str,
        filename: &str,
        argv: Vec<String>,
    ) -> Result<ThreadId, i32> {
        self.begin_run(argv);
        self.run
            .sources
            .push((String::from(filename), String::from(source)));
        let proto = match crate::compiler::compile_module(source, filename) {
            Ok(p) => p,
            Err(e) => {
                let text = crate::interp::unwind::format_syntax_error(&e, filename, source);
                self.host.write_stderr(&text);
                self.end_run();
                self.run.exit_status = Some(1);
                return Err(1);
            }
        };
        self.start_main(&proto)
    }

    /// Prepare the main thread for precompiled code (see [`crate::ebc`]),
    /// as [`Vm::load_main`] does for source. Works without the compiler.
    pub fn load_main_code(&mut self, code: &CodeProto, argv: Vec<String>) -> Result<ThreadId, i32> {
        self.begin_run(argv);
        self.start_main(code)
    }

    pub(crate) fn start_main(&mut self, code: &CodeProto) -> Result<ThreadId, i32> {
        match crate::modules::start_main_thread(self, code) {
            Ok(id) => Ok(id),
            Err(_) => {
                self.host
                    .write_stderr("MemoryError: no memory to start the script\n");
                self.end_run();
                self.run.exit_status = Some(1);
                Err(1)
            }
        }
    }

    pub(crate) fn begin_run(&mut self, argv: Vec<String>) {
        self.collect_garbage(None);
        self.heap.shrink();
        self.baseline = self.heap.stats().bytes;
        self.run = RunState::new();
        self.run.argv = argv;
        if let Some(s) = &self.session {
            self.run.modules = s.modules;
            self.run.sources = s.sources.clone();
        }
    }

    /// After a backend's run returned: drop the run's state, collect, and
    /// report how it ended.
    pub fn finish_run(&mut self) -> RunOutcome {
        if let Some(why) = self.run.limit_hit.clone() {
            self.host
                .write_stderr(&alloc::format!("emberpy: run stopped: {why}\n"));
            self.run.exit_status = Some(1);
        }
        let outcome = RunOutcome {
            exit_status: self.run.exit_status.unwrap_or(0),
            main_finished_at: self.run.main_finished_at,
            peak_threads: self.run.peak_threads,
            result: self.value_to(self.run.result, 0),
            error: self.run.error.take(),
        };
        self.end_run();
        outcome
    }

    pub(crate) fn end_run(&mut self) {
        for th in core::mem::take(&mut self.threads) {
            self.heap.release_external(th.accounted);
        }
        let exit_status = self.run.exit_status;
        self.run = RunState::new();
        self.run.exit_status = exit_status;
        crate::objects::exception::restart_memory_error(self);
        self.heap.close_reserve();
        self.collect_garbage(None);
        self.interner.shrink(&self.heap);
        self.heap.shrink();
    }

    /// Allocate a thread id and its state (without spawning its task).
    pub(crate) fn new_thread(&mut self, is_main: bool) -> Result<ThreadId, Flow> {
        let id = ThreadId(self.next_thread);
        self.next_thread = self.next_thread.wrapping_add(1).max(1);
        let th = ThreadState::new(id, is_main);
        let size = th.footprint();
        if self.heap.reserve_external(size).is_err() {
            return Err(Flow::Raise(self.memory_error));
        }
        let mut th = th;
        th.accounted = size;
        let at = self.threads.partition_point(|t| t.id < id);
        self.threads.insert(at, th);
        Ok(id)
    }

    /// Count the threads now alive toward the run's peak (after a thread's
    /// task was spawned).
    pub(crate) fn note_live_threads(&mut self) {
        self.run.peak_threads = self.run.peak_threads.max(self.threads.len());
    }

    /// Forget a thread that never ran (its task could not be spawned).
    pub(crate) fn discard_thread(&mut self, id: ThreadId) {
        if let Ok(at) = self.threads.binary_search_by_key(&id, |t| t.id) {
            let th = self.threads.remove(at);
            self.heap.release_external(th.accounted);
        }
    }

    /// Whether an enabled fault strikes now: once, on the first child
    /// thread to finish (always `false` in normal builds).
    fn strike_fault(&mut self, enabled: bool, is_main: bool) -> bool {
        #[cfg(any(feature = "fault-leak-frame", feature = "fault-skip-reap"))]
        if enabled && !is_main && !self.fault_struck {
            self.fault_struck = true;
            return true;
        }
        let _ = (enabled, is_main);
        false
    }

    /// Mark the end of the main thread and cancel every other thread
    /// (THREADS.md rule 5).
    pub(crate) fn shut_down(&mut self, sched: &dyn Scheduler) {
        if self.run.main_finished_at.is_none() {
            self.run.main_finished_at = Some(sched.now());
        }
        self.run.shutting_down = true;
        for th in &mut self.threads {
            if th.cancel == Cancel::None {
                th.cancel = Cancel::Requested;
                if cfg!(not(feature = "fault-no-wake")) {
                    sched.wake(th.id);
                }
            }
        }
    }

    /// Collect garbage. `running` is the thread currently taken out of the
    /// thread table, whose values are roots too.
    pub(crate) fn collect_garbage(&mut self, running: Option<&ThreadState>) {
        let mut roots: Vec<Value> = Vec::new();
        let mut push = |v: &Value| {
            if let Value::Obj(_) = v {
                roots.push(*v)
            }
        };
        for th in self.threads.iter().chain(running) {
            th.trace(&mut push);
        }
        push(&self.run.modules);
        push(&self.run.result);
        if let Some(s) = &self.session {
            push(&s.modules);
            push(&Value::Obj(s.globals));
        }
        push(&self.memory_error);
        push(&Value::Obj(self.builtins));
        let mut extra: Vec<ObjRef> = self.types.all().collect();
        extra.push(self.builtins);
        let interner = &mut self.interner;
        self.heap
            .collect(&roots, &extra, |is_live| interner.prune(is_live));
        self.lookup_cache.invalidate();
    }
}

impl Interpreter for Vm {
    fn run_slice(&mut self, sched: &dyn Scheduler, thread: ThreadId, budget: u32) -> Step {
        let Ok(at) = self.threads.binary_search_by_key(&thread, |t| t.id) else {
            return Step::Exit;
        };
        let placeholder = ThreadState::new(thread, false);
        let mut th = core::mem::replace(&mut self.threads[at], placeholder);
        let step = {
            let mut ctx = Ctx::new(self, &mut th, sched);
            slice(&mut ctx, budget)
        };
        // The slice may have added or removed other threads: find ours again.
        let at = self
            .threads
            .binary_search_by_key(&thread, |t| t.id)
            .unwrap_or(at);
        match step {
            Step::Exit => {
                self.threads.remove(at);
                if !self.strike_fault(cfg!(feature = "fault-leak-frame"), th.is_main) {
                    self.heap.release_external(th.accounted);
                }
                if !self.strike_fault(cfg!(feature = "fault-skip-reap"), th.is_main) {
                    sched.reap(thread);
                }
                if th.is_main {
                    self.shut_down(sched);
                }
            }
            _ => {
                // Growth was checked against the limit when frames were
                // pushed; record what the buffers hold now.
                let size = th.footprint();
                if size > th.accounted {
                    self.heap.account_grown(size - th.accounted, true);
                } else {
                    self.heap.release_external(th.accounted - size);
                }
                th.accounted = size;
                self.threads[at] = th;
            }
        }
        step
    }
}

/// Run one slice of the thread in `ctx`.
fn slice(ctx: &mut Ctx<'_>, budget: u32) -> Step {
    let mut budget = budget.max(1);
    check_limits(ctx);
    let mut pending = None;
    if ctx.th.is_main && ctx.sched.take_stop_request() {
        pending = Some(ctx.keyboard_interrupt());
    }
    match ctx.th.cancel {
        Cancel::Requested => {
            ctx.th.cancel = Cancel::Unwinding(ctx.vm.config.unwind_budget);
            pending = Some(ctx.system_exit_for_cancel());
        }
        Cancel::Unwinding(left) => {
            if left == 0 {
                return ctx.drop_thread();
            }
            budget = budget.min(left);
        }
        Cancel::None => {}
    }
    if let Some(exc) = pending {
        if let Some(Wait::Lock { lock, .. }) = ctx.th.wait.take() {
            crate::objects::lock::leave_queue(ctx, lock);
        }
        ctx.th.wait = None;
        if ctx.th.start.is_some() {
            // Cancelled before its first instruction: nothing to unwind.
            return ctx.drop_thread();
        }
        if let Err(Flow::Raise(exc)) = interp::unwind::handle(ctx, exc, 0) {
            return ctx.thread_died(exc);
        }
    } else if let Some(start) = ctx.th.start.take() {
        match crate::modules::thread::begin(ctx, *start) {
            Ok(true) => {}
            Ok(false) => return ctx.thread_finished(),
            Err(Flow::Raise(exc)) => return ctx.thread_died(exc),
            Err(Flow::Wait) => return ctx.wait_step(),
        }
    }
    match interp::resume_wait(ctx) {
        Ok(true) => {}
        Ok(false) => return ctx.wait_step(),
        Err(Flow::Raise(exc)) => {
            if let Err(Flow::Raise(exc)) = interp::unwind::handle(ctx, exc, 0) {
                return ctx.thread_died(exc);
            }
        }
        Err(Flow::Wait) => return ctx.wait_step(),
    }
    let before = budget;
    let result = interp::run(ctx, 0, &mut budget);
    ctx.vm.run.instructions += u64::from(before - budget);
    if let Cancel::Unwinding(left) = ctx.th.cancel {
        ctx.th.cancel = Cancel::Unwinding(left.saturating_sub(before - budget));
    }
    match result {
        Ok(Exit::Returned(v)) => {
            if ctx.th.is_main {
                ctx.vm.run.result = v;
            }
            ctx.thread_finished()
        }
        Ok(Exit::Budget) => Step::Yield,
        Ok(Exit::Wait) => ctx.wait_step(),
        Err(Flow::Raise(exc)) => ctx.thread_died(exc),
        Err(Flow::Wait) => ctx.wait_step(),
    }
}

/// Stop every thread, as at the end of the script, once the run passed its
/// instruction or time limit.
pub(crate) fn check_limits(ctx: &mut Ctx<'_>) {
    let config = ctx.vm.config;
    let now = ctx.sched.now();
    let started = *ctx.vm.run.started_at.get_or_insert(now);
    if ctx.vm.run.limit_hit.is_some() {
        return;
    }
    let why = match (config.instruction_limit, config.time_limit) {
        (Some(n), _) if ctx.vm.run.instructions >= n => {
            alloc::format!("instruction limit of {n} reached")
        }
        (_, Some(t)) if now.saturating_duration_since(started) >= t => {
            alloc::format!("time limit of {} ms reached", t.as_millis())
        }
        _ => return,
    };
    ctx.vm.run.limit_hit = Some(why);
    if ctx.th.cancel == Cancel::None {
        ctx.th.cancel = Cancel::Requested;
    }
    ctx.vm.shut_down(ctx.sched);
}
