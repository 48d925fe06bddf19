//! Loading a [`CodeProto`] into a VM: constants become heap values, names
//! are interned, nested code objects are loaded recursively.

use alloc::boxed::Box;
use alloc::vec::Vec;

use portable_atomic_util::Arc;

use crate::bytecode::{Code, CodeProto, Const, NameCache};
use crate::heap::HeapFull;
use crate::interp::Ctx;
use crate::objects::{Object, StrObj};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::{Flow, PyResult};

/// Load `proto` as a code object, from inside a running thread.
pub fn load(ctx: &mut Ctx<'_>, proto: &CodeProto) -> PyResult<ObjRef> {
    load_into(ctx.vm, proto).map_err(|_| Flow::Raise(ctx.vm.memory_error))
}

/// Load `proto` as a code object.
pub fn load_into(vm: &mut Vm, proto: &CodeProto) -> Result<ObjRef, HeapFull> {
    let consts = proto
        .consts
        .iter()
        .map(|c| constant(vm, c))
        .collect::<Result<Vec<_>, _>>()?;
    let names = intern_all(vm, &proto.names)?;
    let local_names = intern_all(vm, &proto.local_names)?;
    let code = Code {
        name: intern(vm, &proto.name)?,
        qualname: intern(vm, &proto.qualname)?,
        filename: intern(vm, &proto.filename)?,
        first_line: proto.first_line,
        instrs: proto.instrs.clone().into_boxed_slice(),
        consts: consts.into_boxed_slice(),
        name_cache: names.iter().map(|_| NameCache::default()).collect(),
        names: names.into_boxed_slice(),
        local_names: local_names.into_boxed_slice(),
        argcount: proto.argcount,
        posonlyargcount: proto.posonlyargcount,
        kwonlyargcount: proto.kwonlyargcount,
        cells: proto.cells.clone().into_boxed_slice(),
        first_free: proto.first_free,
        max_stack: proto.max_stack,
        flags: proto.flags,
        handlers: proto.handlers.clone().into_boxed_slice(),
        lines: proto.lines.clone().into_boxed_slice(),
    };
    vm.heap.alloc(Object::Code(Arc::new(code)))
}

fn intern(vm: &mut Vm, s: &str) -> Result<Value, HeapFull> {
    vm.interner.intern(&mut vm.heap, s).map(Value::Obj)
}

fn intern_all(vm: &mut Vm, names: &[alloc::string::String]) -> Result<Vec<Value>, HeapFull> {
    names.iter().map(|n| intern(vm, n)).collect()
}

fn constant(vm: &mut Vm, c: &Const) -> Result<Value, HeapFull> {
    Ok(match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Ellipsis => Value::Ellipsis,
        Const::Int(i) => Value::Int(*i),
        Const::Float(f) => Value::Float(*f),
        Const::BigInt(digits) => {
            let big: num_bigint::BigInt = digits.parse().map_err(|_| HeapFull)?;
            Value::Obj(vm.heap.alloc(Object::BigInt(Box::new(big)))?)
        }
        Const::Str(s) => {
            if s.len() <= 32 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                intern(vm, s)?
            } else {
                Value::Obj(vm.heap.alloc(Object::Str(StrObj::new(s)))?)
            }
        }
        Const::Bytes(b) => Value::Obj(vm.heap.alloc(Object::Bytes(b.clone().into_boxed_slice()))?),
        Const::Tuple(items) => {
            if items.is_empty() {
                return Ok(Value::Obj(vm.types.empty_tuple));
            }
            let values = items
                .iter()
                .map(|i| constant(vm, i))
                .collect::<Result<Vec<_>, _>>()?;
            Value::Obj(vm.heap.alloc(Object::Tuple(values.into_boxed_slice()))?)
        }
        Const::Code(proto) => Value::Obj(load_into(vm, proto)?),
    })
}
