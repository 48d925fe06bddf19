//! `_thread`: real threads, one backend task each (THREADS.md rule 1).

use alloc::boxed::Box;
use alloc::vec::Vec;

use sched_api::SpawnOptions;

use crate::PyResult;
use crate::interp::{Ctx, call};
use crate::native::{Args, Native};
use crate::objects::{Lock, Object};
use crate::thread::StartCall;
use crate::value::{ObjRef, Value};

/// Make the `_thread` module.
pub fn create(ctx: &mut Ctx<'_>) -> PyResult<ObjRef> {
    let m = super::native_module(ctx, "_thread", FUNCTIONS)?;
    let lock_type = Value::Obj(ctx.vm.types.lock);
    for name in ["LockType", "lock"] {
        let key = ctx.intern(name)?;
        super::module_set(ctx, m, key, lock_type)?;
    }
    let key = ctx.intern("error")?;
    let runtime_error = Value::Obj(ctx.vm.types.runtime_error);
    super::module_set(ctx, m, key, runtime_error)?;
    Ok(m)
}

/// Begin a new thread: make its first call. Returns whether a Python frame
/// now runs (`false` when the callable was built-in and already returned).
pub fn begin(ctx: &mut Ctx<'_>, start: StartCall) -> PyResult<bool> {
    let args = ctx.collect(start.args)?;
    let mut names = Vec::new();
    let mut values = Vec::new();
    if let Some(d) = start.kwargs.as_obj()
        && let Object::Dict(d) = ctx.vm.heap.get(d)
    {
        for e in d.iter() {
            names.push(e.key);
            values.push(e.value);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        ctx.new_tuple(names)?.as_obj()
    };
    ctx.th.stack.clear();
    ctx.th.stack.push(start.func);
    let argc = args.len() + values.len();
    ctx.th.stack.extend(args);
    ctx.th.stack.extend(values);
    let pushed = call::call(ctx, start.func, 1, argc, kwnames, 0)?;
    if !pushed {
        ctx.th.stack.clear();
    }
    Ok(pushed)
}

fn start_new_thread(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "start_new_thread", 2, 3, &[])?;
    let func = ctx.arg(args, 0);
    let targs = ctx.arg(args, 1);
    let kwargs = if args.positional() > 2 {
        ctx.arg(args, 2)
    } else {
        Value::None
    };
    let is = |ctx: &Ctx<'_>, v: Value, tuple: bool| {
        matches!(v.as_obj().map(|r| ctx.vm.heap.get(r)),
            Some(Object::Tuple(_)) if tuple)
            || matches!(v.as_obj().map(|r| ctx.vm.heap.get(r)), Some(Object::Dict(_)) if !tuple)
    };
    if !is(ctx, targs, true) {
        return Err(ctx.type_error("2nd arg must be a tuple"));
    }
    if !kwargs.is_none() && !is(ctx, kwargs, false) {
        return Err(ctx.type_error("optional 3rd arg must be a dictionary"));
    }
    if !crate::interp::call::is_callable(ctx, func) {
        return Err(ctx.type_error("first arg must be callable"));
    }
    // The thread table keeps a placeholder for the running thread, so its
    // length counts every live thread.
    let live = ctx.vm.threads.len();
    if ctx.vm.run.shutting_down || live >= ctx.vm.config.max_threads {
        return Err(ctx.runtime_error("can't start new thread"));
    }
    let id = ctx.vm.new_thread(false)?;
    if let Ok(at) = ctx.vm.threads.binary_search_by_key(&id, |t| t.id) {
        let th = &mut ctx.vm.threads[at];
        th.start = Some(Box::new(StartCall {
            func,
            args: targs,
            kwargs,
        }));
        th.entry = func;
    }
    let options = SpawnOptions {
        stack_size: ctx.vm.run.stack_size,
        is_main: false,
    };
    if ctx.sched.spawn(id, options).is_err() {
        ctx.vm.discard_thread(id);
        return Err(ctx.runtime_error("can't start new thread"));
    }
    ctx.vm.note_live_threads();
    Ok(Value::Int(id.0 as i64))
}

fn get_ident(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(ctx.th.id.0 as i64))
}

fn allocate_lock(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "allocate_lock", 0, 0, &[])?;
    Ok(Value::Obj(ctx.alloc(Object::Lock(alloc::boxed::Box::<
        Lock,
    >::default()))?))
}

fn exit(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    let t = ctx.vm.types.system_exit;
    Err(crate::Flow::Raise(
        crate::objects::exception::new_with_args(ctx, t, Vec::new())?,
    ))
}

fn stack_size(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "stack_size", 0, 1, &[])?;
    let old = ctx.vm.run.stack_size.unwrap_or(0) as i64;
    if args.positional() == 1 {
        let v = ctx.arg(args, 0);
        let size = ctx.index_value(v)?;
        if size != 0 && size < 32768 {
            return Err(ctx.value_error("size not valid: 32768 bytes"));
        }
        ctx.vm.run.stack_size = (size > 0).then_some(size as usize);
    }
    Ok(Value::Int(old))
}

fn count(ctx: &mut Ctx<'_>, _args: Args) -> PyResult<Value> {
    // Threads other than the main one (the table holds every live thread).
    Ok(Value::Int(ctx.vm.threads.len() as i64 - 1))
}

static FUNCTIONS: &[Native] = &[
    Native::function("start_new_thread", start_new_thread),
    Native::function("start_new", start_new_thread),
    Native::function("get_ident", get_ident),
    Native::function("allocate_lock", allocate_lock),
    Native::function("allocate", allocate_lock),
    Native::function("exit", exit),
    Native::function("exit_thread", exit),
    Native::function("stack_size", stack_size),
    Native::function("_count", count),
];
