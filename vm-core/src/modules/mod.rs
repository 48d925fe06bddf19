//! Built-in modules, one file each, and the module registry of a run.

pub mod builtins;
pub mod gc;
pub mod math;
pub mod sys;
pub mod thread;
pub mod time;

use alloc::boxed::Box;

use sched_api::ThreadId;

use crate::PyResult;
use crate::bytecode::CodeProto;
use crate::heap::HeapFull;
use crate::interp::Ctx;
use crate::native::Native;
use crate::objects::{Dict, Module, Object};
use crate::thread::{Frame, FrameKind};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// The built-in module called `name`, made for this run, if there is one.
pub fn create_builtin(ctx: &mut Ctx<'_>, name: &str) -> PyResult<Option<Value>> {
    let module = match name {
        "_thread" => thread::create(ctx)?,
        "time" | "utime" => time::create(ctx)?,
        "sys" | "usys" => sys::create(ctx)?,
        "math" => math::create(ctx)?,
        "gc" => gc::create(ctx)?,
        "builtins" => {
            let name = ctx.intern("builtins")?;
            let dict = ctx.vm.builtins;
            let m = Module { name, dict };
            ctx.alloc(Object::Module(Box::new(m)))?
        }
        _ => match ctx.vm.native_modules.iter().find(|m| m.name == name) {
            Some(m) => crate::extension::create_module(ctx, m)?,
            None => return Ok(None),
        },
    };
    Ok(Some(Value::Obj(module)))
}

/// A module called `name` (a str value) with an empty namespace holding
/// `__name__` (and `__file__` when given).
pub fn new_module(ctx: &mut Ctx<'_>, name: Value, file: Option<&str>) -> PyResult<ObjRef> {
    let dict = ctx.new_dict()?;
    let key = ctx.intern("__name__")?;
    ctx.dict_set(dict, key, name)?;
    if let Some(f) = file {
        let key = ctx.intern("__file__")?;
        let v = ctx.new_str(f)?;
        ctx.dict_set(dict, key, v)?;
    }
    let dict = dict.as_obj().unwrap_or(ctx.vm.builtins);
    ctx.alloc(Object::Module(Box::new(Module { name, dict })))
}

/// A module called `name` whose namespace holds the given natives.
pub fn native_module(
    ctx: &mut Ctx<'_>,
    name: &str,
    natives: &'static [Native],
) -> PyResult<ObjRef> {
    let name_v = ctx.intern(name)?;
    let module = new_module(ctx, name_v, None)?;
    for n in natives {
        let key = ctx.intern(n.name)?;
        module_set(ctx, module, key, Value::Native(n))?;
    }
    Ok(module)
}

/// Set a global of a module.
pub fn module_set(ctx: &mut Ctx<'_>, module: ObjRef, key: Value, value: Value) -> PyResult<()> {
    let dict = match ctx.vm.heap.get(module) {
        Object::Module(m) => Value::Obj(m.dict),
        _ => return Ok(()),
    };
    ctx.dict_set(dict, key, value)
}

/// Set up a run: `sys.modules`, the `__main__` module and the main
/// thread with `proto`'s code as its first frame.
pub fn start_main_thread(vm: &mut Vm, proto: &CodeProto) -> Result<ThreadId, HeapFull> {
    let code_obj = crate::loader::load_into(vm, proto)?;
    let globals = match &vm.session {
        Some(session) => session.globals,
        None => new_main_module(vm, &proto.filename)?,
    };
    let code = match vm.heap.get(code_obj) {
        Object::Code(c) => c.clone(),
        _ => return Err(HeapFull),
    };
    let id = vm.new_thread(true).map_err(|_| HeapFull)?;
    vm.run.main = Some(id);
    vm.note_live_threads();
    let at = vm
        .threads
        .binary_search_by_key(&id, |t| t.id)
        .map_err(|_| HeapFull)?;
    let nlocals = code.nlocals();
    let th = &mut vm.threads[at];
    th.stack.resize(nlocals, Value::Unbound);
    th.frames.push(Frame {
        code,
        code_obj,
        pc: 0,
        base: 0,
        ret_sp: 0,
        globals,
        namespace: Value::Unbound,
        kind: FrameKind::Normal,
    });
    let grown = th.footprint().saturating_sub(th.accounted);
    th.accounted += grown;
    vm.heap.reserve_external(grown)?;
    Ok(id)
}

/// Make the run's `sys.modules` and its `__main__` module (for a script run
/// outside a session); returns the module's globals.
fn new_main_module(vm: &mut Vm, filename: &str) -> Result<ObjRef, HeapFull> {
    let modules = vm.heap.alloc(Object::Dict(Box::default()))?;
    vm.run.modules = Value::Obj(modules);
    let main_name = Value::Obj(vm.interner.intern(&mut vm.heap, "__main__")?);
    let name_key = Value::Obj(vm.interner.intern(&mut vm.heap, "__name__")?);
    let file_key = Value::Obj(vm.interner.intern(&mut vm.heap, "__file__")?);
    let file = Value::Obj(vm.interner.intern(&mut vm.heap, filename)?);
    let mut globals = Dict::new();
    globals.push(
        crate::objects::str::hash_str("__name__"),
        name_key,
        main_name,
    );
    globals.push(crate::objects::str::hash_str("__file__"), file_key, file);
    let globals = vm.heap.alloc(Object::Dict(Box::new(globals)))?;
    let module = vm.heap.alloc(Object::Module(Box::new(Module {
        name: main_name,
        dict: globals,
    })))?;
    if let Object::Dict(d) = vm.heap.get_mut(modules) {
        d.push(
            crate::objects::str::hash_str("__main__"),
            main_name,
            Value::Obj(module),
        );
    }
    Ok(globals)
}
