//! `bytes` and `bytearray`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::ast::BinOp;
use crate::interp::{Ctx, ops};
use crate::native::{Args, Native};
use crate::objects::{Object, list};
use crate::value::Value;

/// CPython's `repr` of a byte string (without a `bytearray(...)` wrapper).
pub fn repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&alloc::format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// The bytes of a `bytes` or `bytearray` value.
pub fn try_slice(ctx: &Ctx<'_>, v: Value) -> Option<Vec<u8>> {
    let v = ops::unwrap_builtin(ctx, v);
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        Some(Object::ByteArray(b)) => Some(b.clone()),
        _ => None,
    }
}

/// The bytes of a `bytes` or `bytearray` value (empty for others).
pub fn as_slice(ctx: &Ctx<'_>, v: Value) -> Vec<u8> {
    try_slice(ctx, v).unwrap_or_default()
}

fn is_bytearray(ctx: &Ctx<'_>, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::ByteArray(_))
    )
}

fn make(ctx: &mut Ctx<'_>, data: Vec<u8>, bytearray: bool) -> PyResult<Value> {
    let obj = if bytearray {
        Object::ByteArray(data)
    } else {
        Object::Bytes(data.into_boxed_slice())
    };
    Ok(Value::Obj(ctx.alloc(obj)?))
}

/// Bytes from an argument: bytes-like, an iterable of ints, or a length.
fn bytes_from(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = try_slice(ctx, v) {
        return Ok(b);
    }
    if let Some(n) = crate::objects::int::small_int(ctx, v) {
        if n < 0 {
            return Err(ctx.value_error("negative count"));
        }
        if n as usize > ctx.vm.heap.stats().limit {
            return Err(crate::Flow::Raise(ctx.vm.memory_error));
        }
        return Ok(alloc::vec![0; n as usize]);
    }
    if ctx.str_ref(v).is_some() {
        return Err(ctx.type_error("string argument without an encoding"));
    }
    let mut out = Vec::new();
    for item in ctx.collect(v)? {
        let i = ctx.index_value(item)?;
        if !(0..=255).contains(&i) {
            return Err(ctx.value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

/// `b + b`, `b * n`, `b % args`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let Some(left) = try_slice(ctx, a) else {
        return Ok(None);
    };
    let bytearray = is_bytearray(ctx, a);
    match op {
        BinOp::Add => {
            let Some(right) = try_slice(ctx, b) else {
                let t = ctx.type_name(b);
                return Err(ctx.type_error(alloc::format!("can't concat {t} to bytes")));
            };
            let mut out = left;
            out.extend(right);
            Ok(Some(make(ctx, out, bytearray)?))
        }
        BinOp::Mul => {
            let Some(n) = crate::objects::int::small_int(ctx, b) else {
                return Ok(None);
            };
            let n = n.max(0) as usize;
            if left.len().saturating_mul(n) > ctx.vm.heap.stats().limit {
                return Err(crate::Flow::Raise(ctx.vm.memory_error));
            }
            Ok(Some(make(ctx, left.repeat(n), bytearray)?))
        }
        BinOp::Mod => {
            let text = String::from_utf8_lossy(&left).into_owned();
            let s = crate::objects::str::percent_format(ctx, &text, b)?;
            let out = ctx
                .str_ref(s)
                .map(|s| s.as_bytes().to_vec())
                .unwrap_or_default();
            Ok(Some(make(ctx, out, bytearray)?))
        }
        _ => Ok(None),
    }
}

/// `b[i]` and `b[slice]`.
pub fn subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    let data = as_slice(ctx, obj);
    if list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, data.len() as i64)?;
        let picked: Vec<u8> = list::slice_positions(start, stop, step)
            .map(|i| data[i])
            .collect();
        let bytearray = is_bytearray(ctx, obj);
        return make(ctx, picked, bytearray);
    }
    let i = ctx.index_value(index)?;
    let len = data.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        let msg = if is_bytearray(ctx, obj) {
            "bytearray index out of range"
        } else {
            "index out of range"
        };
        return Err(ctx.index_error(msg));
    }
    Ok(Value::Int(data[j as usize] as i64))
}

fn bytearray_mut<'a>(ctx: &'a mut Ctx<'_>, v: Value) -> Option<&'a mut Vec<u8>> {
    match v.as_obj().map(|r| ctx.vm.heap.get_mut(r)) {
        Some(Object::ByteArray(b)) => Some(b),
        _ => None,
    }
}

/// `ba[i] = v` and slice assignment.
pub fn store_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value, v: Value) -> PyResult<()> {
    let len = as_slice(ctx, obj).len();
    if list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let new = bytes_from(ctx, v)?;
        if step == 1 {
            ctx.reserve(new.len())?;
            if let Some(b) = bytearray_mut(ctx, obj) {
                b.splice(start as usize..stop.max(start) as usize, new);
            }
            return Ok(());
        }
        let positions: Vec<usize> = list::slice_positions(start, stop, step).collect();
        if positions.len() != new.len() {
            return Err(ctx.value_error(alloc::format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            )));
        }
        if let Some(b) = bytearray_mut(ctx, obj) {
            for (p, x) in positions.into_iter().zip(new) {
                b[p] = x;
            }
        }
        return Ok(());
    }
    let i = ctx.index_value(index)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(ctx.index_error("bytearray index out of range"));
    }
    let x = ctx.index_value(v)?;
    if !(0..=255).contains(&x) {
        return Err(ctx.value_error("byte must be in range(0, 256)"));
    }
    if let Some(b) = bytearray_mut(ctx, obj) {
        b[j as usize] = x as u8;
    }
    Ok(())
}

/// `del ba[i]`.
pub fn del_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<()> {
    let len = as_slice(ctx, obj).len();
    if list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let mut positions: Vec<usize> = list::slice_positions(start, stop, step).collect();
        positions.sort_unstable();
        if let Some(b) = bytearray_mut(ctx, obj) {
            for p in positions.into_iter().rev() {
                b.remove(p);
            }
        }
        return Ok(());
    }
    let i = ctx.index_value(index)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(ctx.index_error("bytearray index out of range"));
    }
    if let Some(b) = bytearray_mut(ctx, obj) {
        b.remove(j as usize);
    }
    Ok(())
}

/// `x in b`: a byte value or a sub-sequence.
pub fn contains(ctx: &mut Ctx<'_>, obj: Value, item: Value) -> PyResult<bool> {
    let data = as_slice(ctx, obj);
    if let Some(needle) = try_slice(ctx, item) {
        return Ok(needle.is_empty() || data.windows(needle.len()).any(|w| w == needle));
    }
    let i = ctx.index_value(item)?;
    if !(0..=255).contains(&i) {
        return Err(ctx.value_error("byte must be in range(0, 256)"));
    }
    Ok(data.contains(&(i as u8)))
}

/// `ba += iterable`.
pub fn extend(ctx: &mut Ctx<'_>, obj: Value, v: Value) -> PyResult<()> {
    let new = bytes_from(ctx, v)?;
    ctx.reserve(new.len())?;
    if let Some(b) = bytearray_mut(ctx, obj) {
        b.extend(new);
    }
    Ok(())
}

/// Decode bytes as UTF-8 into a `str` value (`str(b, "utf-8")`).
pub fn decode_value(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    let Some(data) = try_slice(ctx, v) else {
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!(
            "decoding to str: need a bytes-like object, {t} found"
        )));
    };
    decode_utf8(ctx, &data)
}

fn decode_utf8(ctx: &mut Ctx<'_>, data: &[u8]) -> PyResult<Value> {
    match core::str::from_utf8(data) {
        Ok(s) => ctx.new_str(s),
        Err(e) => {
            let at = e.valid_up_to();
            let t = ctx.vm.types.unicode_decode_error;
            Err(ctx.error(
                t,
                alloc::format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte",
                    data[at]
                ),
            ))
        }
    }
}

fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Vec<u8>> {
    let v = ctx.arg(args, 0);
    match try_slice(ctx, v) {
        Some(b) => Ok(b),
        None => Err(ctx.type_error("descriptor requires a 'bytes' object")),
    }
}

fn new_bytes(ctx: &mut Ctx<'_>, args: Args, bytearray: bool) -> PyResult<Value> {
    let name = if bytearray { "bytearray" } else { "bytes" };
    ctx.check_args(args, name, 1, 3, &["source", "encoding", "errors"])?;
    let cls = ctx.arg(args, 0);
    let source = if args.positional() > 1 {
        Some(ctx.arg(args, 1))
    } else {
        ctx.kwarg(args, "source")
    };
    let encoding = if args.positional() > 2 {
        Some(ctx.arg(args, 2))
    } else {
        ctx.kwarg(args, "encoding")
    };
    let data = match (source, encoding) {
        (None, _) => Vec::new(),
        (Some(s), Some(enc)) => {
            let Some(text) = ctx.str_ref(s).map(String::from) else {
                return Err(ctx.type_error("encoding without a string argument"));
            };
            let enc = ctx
                .str_ref(enc)
                .map(|e| e.to_ascii_lowercase())
                .unwrap_or_default();
            match enc.as_str() {
                "utf-8" | "utf8" => text.into_bytes(),
                "ascii" | "latin-1" | "latin1" => {
                    let limit = if enc == "ascii" { 0x80 } else { 0x100 };
                    if text.chars().any(|c| (c as u32) >= limit) {
                        let t = ctx.vm.types.unicode_encode_error;
                        return Err(
                            ctx.error(t, alloc::format!("'{enc}' codec can't encode character"))
                        );
                    }
                    text.chars().map(|c| c as u32 as u8).collect()
                }
                other => {
                    let t = ctx.vm.types.lookup_error;
                    return Err(ctx.error(t, alloc::format!("unknown encoding: {other}")));
                }
            }
        }
        (Some(s), None) => bytes_from(ctx, s)?,
    };
    let v = make(ctx, data, bytearray)?;
    crate::interp::class::wrap_builtin(ctx, cls, v)
}

fn bytes_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    new_bytes(ctx, args, false)
}

fn bytearray_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    new_bytes(ctx, args, true)
}

fn hex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "hex", 1, 3, &[])?;
    let b = this(ctx, args)?;
    let sep = if args.positional() > 1 {
        let v = ctx.arg(args, 1);
        ctx.str_ref(v).map(String::from)
    } else {
        None
    };
    let parts: Vec<String> = b.iter().map(|x| alloc::format!("{x:02x}")).collect();
    let s = parts.join(sep.as_deref().unwrap_or(""));
    ctx.new_string(s)
}

fn fromhex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "fromhex", 2, 2, &[])?;
    let cls = ctx.arg(args, 0);
    let v = ctx.arg(args, 1);
    let Some(text) = ctx.str_ref(v).map(String::from) else {
        return Err(ctx.type_error("fromhex() argument must be str"));
    };
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let pair = (
            chars[i].to_digit(16),
            chars.get(i + 1).and_then(|c| c.to_digit(16)),
        );
        match pair {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if pair.0.is_none() { i } else { i + 1 };
                return Err(ctx.value_error(alloc::format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    let bytearray = cls.as_obj() == Some(ctx.vm.types.bytearray);
    make(ctx, out, bytearray)
}

fn decode(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "decode", 1, 3, &["encoding", "errors"])?;
    let b = this(ctx, args)?;
    let encoding = match ctx.kwarg(args, "encoding") {
        Some(v) => ctx.str_ref(v).map(String::from),
        None if args.positional() > 1 => {
            let v = ctx.arg(args, 1);
            ctx.str_ref(v).map(String::from)
        }
        None => None,
    };
    let enc = encoding
        .unwrap_or_else(|| String::from("utf-8"))
        .to_ascii_lowercase();
    match enc.as_str() {
        "utf-8" | "utf8" => decode_utf8(ctx, &b),
        "ascii" => {
            if let Some(at) = b.iter().position(|x| *x >= 0x80) {
                let t = ctx.vm.types.unicode_decode_error;
                return Err(ctx.error(t, alloc::format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)",
                    b[at]
                )));
            }
            decode_utf8(ctx, &b)
        }
        "latin-1" | "latin1" | "iso-8859-1" => {
            let s: String = b.iter().map(|x| *x as char).collect();
            ctx.new_string(s)
        }
        other => {
            let t = ctx.vm.types.lookup_error;
            Err(ctx.error(t, alloc::format!("unknown encoding: {other}")))
        }
    }
}

fn bytes_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(ctx, args)?.len() as i64))
}

fn count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "count", 2, 2, &[])?;
    let b = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let n = match try_slice(ctx, v) {
        Some(needle) if needle.is_empty() => b.len() + 1,
        Some(needle) => {
            let (mut n, mut i) = (0, 0);
            while i + needle.len() <= b.len() {
                if b[i..i + needle.len()] == needle[..] {
                    n += 1;
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
            n
        }
        None => {
            let x = ctx.index_value(v)?;
            b.iter().filter(|c| **c as i64 == x).count()
        }
    };
    Ok(Value::Int(n as i64))
}

fn find(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "find", 2, 2, &[])?;
    let b = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let needle = match try_slice(ctx, v) {
        Some(n) => n,
        None => alloc::vec![ctx.index_value(v)? as u8],
    };
    let pos = if needle.is_empty() {
        Some(0)
    } else {
        b.windows(needle.len()).position(|w| w == needle)
    };
    Ok(Value::Int(pos.map_or(-1, |p| p as i64)))
}

fn affix(ctx: &mut Ctx<'_>, args: Args, starts: bool) -> PyResult<Value> {
    ctx.check_args(args, "startswith", 2, 2, &[])?;
    let b = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let Some(p) = try_slice(ctx, v) else {
        return Err(ctx.type_error("first arg must be bytes or a tuple of bytes"));
    };
    Ok(Value::Bool(if starts {
        b.starts_with(&p)
    } else {
        b.ends_with(&p)
    }))
}

fn startswith(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix(ctx, args, true)
}

fn endswith(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix(ctx, args, false)
}

fn join(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "join", 2, 2, &[])?;
    let sep = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let mut out = Vec::new();
    for (i, item) in ctx.collect(v)?.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match try_slice(ctx, item) {
            Some(b) => out.extend(b),
            None => {
                let t = ctx.type_name(item);
                return Err(ctx.type_error(alloc::format!(
                    "sequence item {i}: expected a bytes-like object, {t} found"
                )));
            }
        }
    }
    let this_v = ctx.arg(args, 0);
    let bytearray = is_bytearray(ctx, this_v);
    make(ctx, out, bytearray)
}

fn append(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "append", 2, 2, &[])?;
    let obj = ctx.arg(args, 0);
    let v = ctx.arg(args, 1);
    let x = ctx.index_value(v)?;
    if !(0..=255).contains(&x) {
        return Err(ctx.value_error("byte must be in range(0, 256)"));
    }
    ctx.reserve(1)?;
    if let Some(b) = bytearray_mut(ctx, obj) {
        b.push(x as u8);
    }
    Ok(Value::None)
}

fn extend_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "extend", 2, 2, &[])?;
    let obj = ctx.arg(args, 0);
    let v = ctx.arg(args, 1);
    extend(ctx, obj, v)?;
    Ok(Value::None)
}

fn pop(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "pop", 1, 2, &[])?;
    let obj = ctx.arg(args, 0);
    let len = as_slice(ctx, obj).len() as i64;
    if len == 0 {
        return Err(ctx.index_error("pop from empty bytearray"));
    }
    let i = if args.positional() == 2 {
        let v = ctx.arg(args, 1);
        ctx.index_value(v)?
    } else {
        -1
    };
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(ctx.index_error("pop index out of range"));
    }
    Ok(Value::Int(
        bytearray_mut(ctx, obj).map_or(0, |b| b.remove(j as usize) as i64),
    ))
}

fn clear(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let obj = ctx.arg(args, 0);
    if let Some(b) = bytearray_mut(ctx, obj) {
        b.clear();
    }
    Ok(Value::None)
}

/// Methods of `bytes`.
pub static BYTES_METHODS: &[Native] = &[
    Native::static_method("__new__", bytes_new),
    Native::method("__len__", bytes_len),
    Native::method("hex", hex),
    Native::class_method("fromhex", fromhex),
    Native::method("decode", decode),
    Native::method("count", count),
    Native::method("find", find),
    Native::method("startswith", startswith),
    Native::method("endswith", endswith),
    Native::method("join", join),
];

/// Methods of `bytearray`.
pub static BYTEARRAY_METHODS: &[Native] = &[
    Native::static_method("__new__", bytearray_new),
    Native::method("__len__", bytes_len),
    Native::method("hex", hex),
    Native::class_method("fromhex", fromhex),
    Native::method("decode", decode),
    Native::method("count", count),
    Native::method("find", find),
    Native::method("startswith", startswith),
    Native::method("endswith", endswith),
    Native::method("join", join),
    Native::method("append", append),
    Native::method("extend", extend_method),
    Native::method("pop", pop),
    Native::method("clear", clear),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(b"abc"), "b'abc'");
        assert_eq!(repr(b"\x00\xff\n'"), "b\"\\x00\\xff\\n'\"");
    }
}
