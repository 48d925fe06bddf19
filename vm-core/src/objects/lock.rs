//! `_thread` locks. Acquiring a held lock never blocks inside the VM: the
//! thread is queued here and hands a [`Step::Block`](sched_api::Step) to its
//! driver; `release` wakes the first queued thread through the scheduler.

use alloc::collections::VecDeque;
use core::mem::size_of;

use sched_api::ThreadId;

use crate::interp::Ctx;
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::thread::{Cancel, Wait};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// A non-reentrant lock.
#[derive(Debug, Default)]
pub struct Lock {
    /// Whether the lock is held.
    pub locked: bool,
    /// Threads waiting to acquire it, first come first served.
    pub waiters: VecDeque<ThreadId>,
    /// The waiter a `release` handed the (still held) lock to, until it
    /// runs and takes it.
    pub handoff: Option<ThreadId>,
}

impl Lock {
    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        self.waiters.capacity() * size_of::<ThreadId>()
    }
}

fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<ObjRef> {
    let v = ctx.arg(args, 0);
    match v.as_obj() {
        Some(r) if matches!(ctx.vm.heap.get(r), Object::Lock(_)) => Ok(r),
        _ => Err(ctx.type_error("descriptor requires a '_thread.lock' object")),
    }
}

fn lock_mut<'a>(ctx: &'a mut Ctx<'_>, r: ObjRef) -> Option<&'a mut Lock> {
    match ctx.vm.heap.get_mut(r) {
        Object::Lock(l) => Some(l),
        _ => None,
    }
}

fn acquire(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "acquire", 1, 3, &["blocking", "timeout"])?;
    let lock = this(ctx, args)?;
    let blocking = match ctx.kwarg(args, "blocking") {
        Some(v) => ctx.truthy(v)?,
        None if args.positional() > 1 => {
            let v = ctx.arg(args, 1);
            ctx.truthy(v)?
        }
        None => true,
    };
    let timeout = match ctx.kwarg(args, "timeout") {
        Some(v) => Some(v),
        None if args.positional() > 2 => Some(ctx.arg(args, 2)),
        None => None,
    };
    let timeout = match timeout {
        Some(v) => ctx.float_value(v)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(ctx.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(ctx.value_error("timeout value must be a non-negative number"));
    }
    if let Some(l) = lock_mut(ctx, lock)
        && !l.locked
    {
        l.locked = true;
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout == 0.0 {
        return Ok(Value::Bool(false));
    }
    if matches!(ctx.th.cancel, Cancel::Unwinding(_)) {
        return Err(Flow::Raise(ctx.system_exit_for_cancel()));
    }
    let deadline = (timeout > 0.0).then(|| {
        ctx.sched
            .now()
            .saturating_add(core::time::Duration::from_secs_f64(timeout))
    });
    let id = ctx.th.id;
    let grew = match lock_mut(ctx, lock) {
        Some(l) => {
            let before = l.heap_size();
            l.waiters.push_back(id);
            l.heap_size().saturating_sub(before)
        }
        None => 0,
    };
    ctx.reserve(grew)?;
    ctx.th.wait = Some(Wait::Lock { lock, deadline });
    Err(Flow::Wait)
}

fn release(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "release", 1, 1, &[])?;
    let lock = this(ctx, args)?;
    let locked = lock_mut(ctx, lock).is_some_and(|l| l.locked);
    if !locked {
        return Err(ctx.runtime_error("release unlocked lock"));
    }
    hand_over(ctx, lock);
    Ok(Value::None)
}

/// Unlock `lock`, or hand it, still locked, to the first waiter and wake it.
fn hand_over(ctx: &mut Ctx<'_>, lock: ObjRef) {
    let next = match lock_mut(ctx, lock) {
        Some(l) => match l.waiters.pop_front() {
            Some(w) => {
                l.handoff = Some(w);
                Some(w)
            }
            None => {
                l.locked = false;
                l.handoff = None;
                None
            }
        },
        None => None,
    };
    if let Some(w) = next {
        ctx.sched.wake(w);
    }
}

/// A waiting thread resumed: take the lock if it was handed to it (or is
/// free and it is first in line).
pub fn try_take_queued(ctx: &mut Ctx<'_>, lock: ObjRef) -> bool {
    let id = ctx.th.id;
    let Some(l) = lock_mut(ctx, lock) else {
        return false;
    };
    if l.handoff == Some(id) {
        l.handoff = None;
        return true;
    }
    if !l.locked && l.waiters.front() == Some(&id) {
        l.waiters.pop_front();
        l.locked = true;
        return true;
    }
    false
}

/// A waiting thread gives up (timeout, cancellation, end of thread): leave
/// the queue, and pass on the lock if it had already been handed over.
pub fn leave_queue(ctx: &mut Ctx<'_>, lock: ObjRef) {
    let id = ctx.th.id;
    let handed = match lock_mut(ctx, lock) {
        Some(l) => {
            l.waiters.retain(|w| *w != id);
            l.handoff == Some(id)
        }
        None => false,
    };
    if handed {
        hand_over(ctx, lock);
    }
}

fn locked(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let lock = this(ctx, args)?;
    Ok(Value::Bool(lock_mut(ctx, lock).is_some_and(|l| l.locked)))
}

fn exit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let lock = this(ctx, args)?;
    let locked = lock_mut(ctx, lock).is_some_and(|l| l.locked);
    if !locked {
        return Err(ctx.runtime_error("release unlocked lock"));
    }
    hand_over(ctx, lock);
    Ok(Value::Bool(false))
}

/// Methods of `_thread.lock`.
pub static LOCK_METHODS: &[Native] = &[
    Native::method("acquire", acquire),
    Native::method("acquire_lock", acquire),
    Native::method("__enter__", acquire),
    Native::method("release", release),
    Native::method("release_lock", release),
    Native::method("__exit__", exit),
    Native::method("locked", locked),
    Native::method("locked_lock", locked),
];
