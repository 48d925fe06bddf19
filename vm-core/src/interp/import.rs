//! `import`: built-in modules are made on first import in a run; frozen
//! modules (see [`crate::frozen`]) and the script's own modules, loaded
//! through the [`Host`](crate::Host), have their bodies run as frames on
//! the importing thread.

use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::bytecode::CodeProto;
use crate::frozen::FrozenCode;
use crate::interp::Ctx;
use crate::interp::call;
use crate::objects::Object;
use crate::thread::FrameKind;
use crate::value::{ObjRef, Value};

/// `import name`: push the module. Returns `true` when a module body frame
/// was pushed instead (the module is pushed when it returns).
#[inline(never)]
pub fn import_name(
    ctx: &mut Ctx<'_>,
    name: Value,
    _fromlist: Value,
    level: Value,
) -> PyResult<bool> {
    let text = String::from(ctx.str_ref(name).unwrap_or(""));
    if !matches!(level, Value::Int(0) | Value::None) {
        return Err(import_error(
            ctx,
            String::from("attempted relative import with no known parent package"),
        ));
    }
    if let Some(m) = ctx.dict_get_str(ctx.vm.run.modules, name) {
        ctx.th.stack.push(m);
        return Ok(false);
    }
    if let Some(module) = crate::modules::create_builtin(ctx, &text)? {
        register(ctx, name, module)?;
        ctx.th.stack.push(module);
        return Ok(false);
    }
    if let Some(frozen) = ctx.vm.frozen_module(&text) {
        let proto = match frozen.code {
            FrozenCode::Bytecode(bytes) => match crate::ebc::read(bytes) {
                Ok(proto) => proto,
                Err(e) => {
                    return Err(import_error(
                        ctx,
                        alloc::format!("frozen module '{text}': {e}"),
                    ));
                }
            },
            FrozenCode::Source { filename, text } => compile(ctx, filename, String::from(text))?,
        };
        return start_module_body(ctx, name, &proto);
    }
    #[cfg(feature = "compiler")]
    if let Some((filename, source)) = ctx.vm.host.read_module(&text) {
        let proto = compile(ctx, &filename, source)?;
        return start_module_body(ctx, name, &proto);
    }
    Err(not_found(ctx, &text))
}

/// Compile a module's source, keeping the text for tracebacks.
#[cfg(feature = "compiler")]
fn compile(ctx: &mut Ctx<'_>, filename: &str, source: String) -> PyResult<CodeProto> {
    match crate::compiler::compile_module(&source, filename) {
        Ok(proto) => {
            ctx.vm.run.sources.push((String::from(filename), source));
            Ok(proto)
        }
        Err(e) => Err(crate::objects::exception::syntax_error(
            ctx, &e, filename, &source,
        )),
    }
}

/// Without the compiler, source cannot be imported.
#[cfg(not(feature = "compiler"))]
fn compile(ctx: &mut Ctx<'_>, filename: &str, _source: String) -> PyResult<CodeProto> {
    Err(import_error(
        ctx,
        alloc::format!(
            "cannot import {filename}: this VM has no compiler (import bytecode instead)"
        ),
    ))
}

/// Make the module object for `proto`, register it and push a frame that
/// runs its body.
fn start_module_body(ctx: &mut Ctx<'_>, name: Value, proto: &CodeProto) -> PyResult<bool> {
    let code_obj = crate::loader::load(ctx, proto)?;
    let module = crate::modules::new_module(ctx, name, Some(&proto.filename))?;
    register(ctx, name, Value::Obj(module))?;
    let globals = match ctx.vm.heap.get(module) {
        Object::Module(m) => m.dict,
        _ => return Err(ctx.runtime_error("bad module")),
    };
    let code = match ctx.vm.heap.get(code_obj) {
        Object::Code(c) => c.clone(),
        _ => return Err(ctx.runtime_error("bad code")),
    };
    call::ensure_frame_room(ctx, &code)?;
    let base = ctx.th.stack.len();
    ctx.th.stack.resize(base + code.nlocals(), Value::Unbound);
    call::push_frame(
        ctx,
        code,
        code_obj,
        base,
        base,
        globals,
        Value::Unbound,
        FrameKind::ModuleBody(module),
    );
    Ok(true)
}

fn register(ctx: &mut Ctx<'_>, name: Value, module: Value) -> PyResult<()> {
    let modules = ctx.vm.run.modules;
    ctx.dict_set(modules, name, module)
}

/// Drop a module whose body raised from `sys.modules`, as CPython does.
pub fn forget_module(ctx: &mut Ctx<'_>, module: ObjRef) {
    let name = match ctx.vm.heap.get(module) {
        Object::Module(m) => m.name,
        _ => return,
    };
    let modules = ctx.vm.run.modules;
    let _ = ctx.dict_remove(modules, name);
}

fn not_found(ctx: &mut Ctx<'_>, name: &str) -> crate::Flow {
    let t = ctx.vm.types.module_not_found_error;
    let flow = ctx.error(t, alloc::format!("No module named '{name}'"));
    if let crate::Flow::Raise(Value::Obj(exc)) = flow {
        // `ModuleNotFoundError.name`.
        let set = ctx.intern("name").and_then(|key| {
            let value = ctx.new_str(name)?;
            crate::interp::attr::instance_dict_set(ctx, exc, key, value)
        });
        if let Err(e) = set {
            return e;
        }
    }
    flow
}

fn import_error(ctx: &mut Ctx<'_>, msg: String) -> crate::Flow {
    let t = ctx.vm.types.import_error;
    ctx.error(t, msg)
}

fn module_name(ctx: &Ctx<'_>, module: Value) -> String {
    match module.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Module(m)) => String::from(ctx.str_ref(m.name).unwrap_or("?")),
        _ => String::from("?"),
    }
}

/// `from module import name`.
#[inline(never)]
pub fn import_from(ctx: &mut Ctx<'_>, module: Value, name: Value) -> PyResult<Value> {
    match crate::interp::attr::find_attr(ctx, module, name)? {
        Some(v) => Ok(v),
        None => {
            let n = String::from(ctx.str_ref(name).unwrap_or(""));
            let m = module_name(ctx, module);
            Err(import_error(
                ctx,
                alloc::format!("cannot import name '{n}' from '{m}' (unknown location)"),
            ))
        }
    }
}

/// `from module import *` into the current frame's namespace.
#[inline(never)]
pub fn import_star(ctx: &mut Ctx<'_>, module: Value) -> PyResult<()> {
    let dict = match module.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Module(m)) => m.dict,
        _ => return Err(ctx.type_error("import * needs a module")),
    };
    let pairs: Vec<(Value, Value)> = match ctx.vm.heap.get(dict) {
        Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    let frame = ctx.th.frames.last().map(|f| (f.namespace, f.globals));
    let Some((ns, globals)) = frame else {
        return Ok(());
    };
    let target = if ns.is_bound() {
        ns
    } else {
        Value::Obj(globals)
    };
    // `__all__`, when the module has one, lists the names to take.
    let all_key = ctx.intern("__all__")?;
    if let Some(all) = ctx.dict_get_str(Value::Obj(dict), all_key) {
        for name in ctx.collect(all)? {
            let name = ctx.intern_value(name)?;
            let Some(v) = ctx.dict_get_str(Value::Obj(dict), name) else {
                let n = String::from(ctx.str_ref(name).unwrap_or("?"));
                let t = ctx.vm.types.attribute_error;
                let m = module_name(ctx, module);
                return Err(ctx.error(t, alloc::format!("module '{m}' has no attribute '{n}'")));
            };
            ctx.dict_set(target, name, v)?;
        }
        return Ok(());
    }
    for (k, v) in pairs {
        if ctx.str_ref(k).is_some_and(|s| !s.starts_with('_')) {
            ctx.dict_set(target, k, v)?;
        }
    }
    Ok(())
}
