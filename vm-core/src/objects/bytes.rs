//! `bytes` and `bytearray`: byte strings with the methods they share with
//! `str` (ASCII semantics for letters, digits and white space), plus the
//! mutating methods of `bytearray`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::BinOp;
use crate::interp::{Ctx, iter, ops};
use crate::native::{Args, Native, Sig};
use crate::objects::{Object, codec, int, list, percent};
use crate::value::Value;
use crate::{Flow, PyResult};

/// CPython's `repr` of a byte string (without a `bytearray(...)` wrapper).
pub fn repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
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

/// The bytes of a `bytes` or `bytearray` value (or of an instance of a
/// subclass), borrowed.
pub fn data<'a>(ctx: &'a Ctx<'_>, v: Value) -> Option<&'a [u8]> {
    let v = ops::unwrap_builtin(ctx, v);
    match ctx.vm.heap.get(v.as_obj()?) {
        Object::Bytes(b) => Some(b),
        Object::ByteArray(b) => Some(b),
        _ => None,
    }
}

/// The bytes of a `bytes` or `bytearray` value, copied.
pub fn try_slice(ctx: &Ctx<'_>, v: Value) -> Option<Vec<u8>> {
    data(ctx, v).map(<[u8]>::to_vec)
}

/// The bytes of a `bytes` or `bytearray` value (empty for others), copied.
pub fn as_slice(ctx: &Ctx<'_>, v: Value) -> Vec<u8> {
    try_slice(ctx, v).unwrap_or_default()
}

fn is_bytearray(ctx: &Ctx<'_>, v: Value) -> bool {
    let v = ops::unwrap_builtin(ctx, v);
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

/// A result of the same kind (`bytes` or `bytearray`) as `like`.
fn make_like(ctx: &mut Ctx<'_>, like: Value, data: Vec<u8>) -> PyResult<Value> {
    let bytearray = is_bytearray(ctx, like);
    make(ctx, data, bytearray)
}

/// The type name messages use for `v` (`bytes` or `bytearray`).
fn kind_name(ctx: &Ctx<'_>, v: Value) -> &'static str {
    if is_bytearray(ctx, v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A byte value from an int (`ValueError` outside `0..256`).
fn byte_value(ctx: &mut Ctx<'_>, v: Value) -> PyResult<u8> {
    let i = ctx.index_value(v)?;
    u8::try_from(i).map_err(|_| ctx.value_error("byte must be in range(0, 256)"))
}

/// Bytes from a constructor argument: bytes-like, an iterable of ints, or
/// a length.
fn bytes_from(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = data(ctx, v) {
        return Ok(b.to_vec());
    }
    if int::is_int(ctx, v) || ctx.type_lookup_str(ctx.type_of(v), "__index__").is_some() {
        let n = match int::small_int(ctx, v) {
            Some(n) => n,
            None if int::is_int(ctx, v) => {
                return Err(ctx.overflow_error("cannot fit 'int' into an index-sized integer"));
            }
            None => ctx.index_value(v)?,
        };
        if n < 0 {
            return Err(ctx.value_error("negative count"));
        }
        ctx.room(n as usize)?;
        return Ok(alloc::vec![0; n as usize]);
    }
    if ctx.str_ref(v).is_some() {
        return Err(ctx.type_error("string argument without an encoding"));
    }
    let it = match iter::get_iter(ctx, v) {
        Ok(it) => it,
        Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
            let t = ctx.type_name(v);
            return Err(ctx.type_error(alloc::format!("cannot convert '{t}' object to bytes")));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = ctx.next(it)? {
        let i = ctx.index_value(item)?;
        let b = u8::try_from(i).map_err(|_| ctx.value_error("bytes must be in range(0, 256)"))?;
        out.push(b);
    }
    Ok(out)
}

/// `b + b`, `b * n`, `b % args`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if data(ctx, a).is_none() {
        return Ok(None);
    }
    match op {
        BinOp::Add => {
            let Some(right) = data(ctx, b) else {
                let t = ctx.type_name(b);
                let k = kind_name(ctx, a);
                return Err(ctx.type_error(alloc::format!("can't concat {t} to {k}")));
            };
            let left = data(ctx, a).unwrap_or_default();
            ctx.room(left.len() + right.len())?;
            let (left, right) = (
                data(ctx, a).unwrap_or_default(),
                data(ctx, b).unwrap_or_default(),
            );
            let mut out = Vec::with_capacity(left.len() + right.len());
            out.extend_from_slice(left);
            out.extend_from_slice(right);
            make_like(ctx, a, out).map(Some)
        }
        BinOp::Mul => {
            if !int::is_int(ctx, b) {
                return Ok(None);
            }
            let n = crate::objects::str::repeat_count(ctx, b)?;
            let len = data(ctx, a).map_or(0, <[u8]>::len);
            match len.checked_mul(n) {
                Some(size) => ctx.room(size)?,
                None => return Err(Flow::Raise(ctx.vm.memory_error)),
            }
            let out = data(ctx, a).unwrap_or_default().repeat(n);
            make_like(ctx, a, out).map(Some)
        }
        BinOp::Mod => {
            let fmt = data(ctx, a).unwrap_or_default().to_vec();
            let out = percent::format_bytes(ctx, &fmt, b)?;
            make_like(ctx, a, out).map(Some)
        }
        _ => Ok(None),
    }
}

/// `b[i]` and `b[slice]`.
pub fn subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    let len = data(ctx, obj).map_or(0, <[u8]>::len);
    if list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let b = data(ctx, obj).unwrap_or_default();
        let picked: Vec<u8> = if step == 1 {
            b.get(start as usize..stop.max(start) as usize)
                .unwrap_or_default()
                .to_vec()
        } else {
            list::slice_positions(start, stop, step)
                .map(|i| b[i])
                .collect()
        };
        return make_like(ctx, obj, picked);
    }
    let i = index_arg(ctx, obj, index)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        let msg = if is_bytearray(ctx, obj) {
            "bytearray index out of range"
        } else {
            "index out of range"
        };
        return Err(ctx.index_error(msg));
    }
    Ok(Value::Int(
        data(ctx, obj).map_or(0, |b| b[j as usize]) as i64
    ))
}

/// An index into a byte string (`TypeError` for non-integers).
fn index_arg(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<i64> {
    if let Some(i) = int::small_int(ctx, index) {
        return Ok(i);
    }
    if int::is_int(ctx, index) {
        return Err(ctx.index_error("cannot fit 'int' into an index-sized integer"));
    }
    let ty = ctx.type_of(index);
    if ctx.type_lookup_str(ty, "__index__").is_some() {
        return ctx.index_value(index);
    }
    let t = ctx.type_name(index);
    let what = if is_bytearray(ctx, obj) {
        "bytearray"
    } else {
        "byte"
    };
    Err(ctx.type_error(alloc::format!(
        "{what} indices must be integers or slices, not {t}"
    )))
}

fn bytearray_mut<'a>(ctx: &'a mut Ctx<'_>, v: Value) -> Option<&'a mut Vec<u8>> {
    let v = ops::unwrap_builtin(ctx, v);
    match v.as_obj().map(|r| ctx.vm.heap.get_mut(r)) {
        Some(Object::ByteArray(b)) => Some(b),
        _ => None,
    }
}

/// Make room for `extra` more bytes in a bytearray, accounting the growth
/// (capacity at least doubles, so appends are amortised constant time).
fn grow(ctx: &mut Ctx<'_>, v: Value, extra: usize) -> PyResult<()> {
    let (len, cap) = match bytearray_mut(ctx, v) {
        Some(b) => (b.len(), b.capacity()),
        None => return Ok(()),
    };
    let need = len.saturating_add(extra);
    if need <= cap {
        return Ok(());
    }
    let new_cap = need.max(cap * 2).max(8);
    ctx.reserve(new_cap - cap)?;
    if let Some(b) = bytearray_mut(ctx, v) {
        b.reserve_exact(new_cap - len);
    }
    Ok(())
}

/// `ba[i] = v` and slice assignment.
pub fn store_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value, v: Value) -> PyResult<()> {
    let len = data(ctx, obj).map_or(0, <[u8]>::len);
    if list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        if int::is_int(ctx, v) {
            return Err(ctx.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        }
        let new = bytes_from(ctx, v)?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            grow(ctx, obj, new.len().saturating_sub(stop - start as usize))?;
            if let Some(b) = bytearray_mut(ctx, obj) {
                b.splice(start as usize..stop, new);
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
    let i = index_arg(ctx, obj, index)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(ctx.index_error("bytearray index out of range"));
    }
    let x = byte_value(ctx, v)?;
    if let Some(b) = bytearray_mut(ctx, obj) {
        b[j as usize] = x;
    }
    Ok(())
}

/// `del ba[i]`, `del ba[slice]`.
pub fn del_subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<()> {
    let len = data(ctx, obj).map_or(0, <[u8]>::len);
    if list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let mut drop = alloc::vec![false; len];
        for p in list::slice_positions(start, stop, step) {
            drop[p] = true;
        }
        if let Some(b) = bytearray_mut(ctx, obj) {
            let mut k = 0;
            b.retain(|_| {
                k += 1;
                !drop[k - 1]
            });
        }
        return Ok(());
    }
    let i = index_arg(ctx, obj, index)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(ctx.index_error("bytearray index out of range"));
    }
    if let Some(b) = bytearray_mut(ctx, obj) {
        b.remove(j as usize);
    }
    Ok(())
}

/// A sub-sequence argument: bytes-like, or an int for one byte.
fn needle(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = data(ctx, v) {
        return Ok(b.to_vec());
    }
    if int::is_int(ctx, v) || ctx.type_lookup_str(ctx.type_of(v), "__index__").is_some() {
        let i = ctx.index_int(v)?;
        return match int::small_int(ctx, i).and_then(|i| u8::try_from(i).ok()) {
            Some(b) => Ok(alloc::vec![b]),
            None => Err(ctx.value_error("byte must be in range(0, 256)")),
        };
    }
    let t = ctx.type_name(v);
    Err(ctx.type_error(alloc::format!(
        "argument should be integer or bytes-like object, not '{t}'"
    )))
}

/// A bytes-like argument (`a bytes-like object is required, not 'str'`).
fn bytes_arg(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Vec<u8>> {
    match data(ctx, v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// `x in b`: a byte value or a sub-sequence.
pub fn contains(ctx: &mut Ctx<'_>, obj: Value, item: Value) -> PyResult<bool> {
    if data(ctx, item).is_none() && !int::is_int(ctx, item) {
        let t = ctx.type_name(item);
        return Err(ctx.type_error(alloc::format!("a bytes-like object is required, not '{t}'")));
    }
    let n = needle(ctx, item)?;
    Ok(find_in(data(ctx, obj).unwrap_or_default(), &n, false).is_some())
}

/// Where `needle` first (or last) occurs in `hay`.
fn find_in(hay: &[u8], needle: &[u8], reverse: bool) -> Option<usize> {
    if needle.is_empty() {
        return Some(if reverse { hay.len() } else { 0 });
    }
    if needle.len() > hay.len() {
        return None;
    }
    if needle.len() == 1 {
        return if reverse {
            hay.iter().rposition(|b| *b == needle[0])
        } else {
            hay.iter().position(|b| *b == needle[0])
        };
    }
    let mut positions = hay.windows(needle.len()).enumerate();
    if reverse {
        positions.rfind(|(_, w)| *w == needle).map(|(i, _)| i)
    } else {
        positions.find(|(_, w)| *w == needle).map(|(i, _)| i)
    }
}

/// Non-overlapping occurrences of a non-empty `needle`.
fn count_in(hay: &[u8], needle: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

/// Split on every occurrence of `sep` (non-empty), at most `max` times.
fn split_on<'a>(hay: &'a [u8], sep: &[u8], max: usize) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = hay;
    while parts.len() < max {
        match find_in(rest, sep, false) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + sep.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

fn rsplit_on<'a>(hay: &'a [u8], sep: &[u8], max: usize) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = hay;
    while parts.len() < max {
        match find_in(rest, sep, true) {
            Some(i) => {
                parts.push(&rest[i + sep.len()..]);
                rest = &rest[..i];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts.reverse();
    parts
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_ws(hay: &[u8], max: usize, reverse: bool) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = hay;
    loop {
        rest = if reverse {
            let end = rest
                .iter()
                .rposition(|b| !is_space(*b))
                .map_or(0, |i| i + 1);
            &rest[..end]
        } else {
            let start = rest
                .iter()
                .position(|b| !is_space(*b))
                .unwrap_or(rest.len());
            &rest[start..]
        };
        if rest.is_empty() {
            break;
        }
        if parts.len() == max {
            parts.push(rest);
            break;
        }
        if reverse {
            let start = rest.iter().rposition(|b| is_space(*b)).map_or(0, |i| i + 1);
            parts.push(&rest[start..]);
            rest = &rest[..start];
        } else {
            let end = rest.iter().position(|b| is_space(*b)).unwrap_or(rest.len());
            parts.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    if reverse {
        parts.reverse();
    }
    parts
}

/// `ba += iterable`.
pub fn extend(ctx: &mut Ctx<'_>, obj: Value, v: Value) -> PyResult<()> {
    let new = match data(ctx, v) {
        Some(b) => b.to_vec(),
        None => {
            if ctx.str_ref(v).is_some() {
                return Err(ctx.type_error("can't extend bytearray with str"));
            }
            if int::is_int(ctx, v) {
                let t = ctx.type_name(v);
                return Err(ctx.type_error(alloc::format!("can't extend bytearray with {t}")));
            }
            bytes_from(ctx, v)?
        }
    };
    grow(ctx, obj, new.len())?;
    if let Some(b) = bytearray_mut(ctx, obj) {
        b.extend_from_slice(&new);
    }
    Ok(())
}

/// `self` of a `bytes`/`bytearray` method, checked.
fn this(ctx: &mut Ctx<'_>, args: Args, owner: &str, name: &str) -> PyResult<Value> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, owner, name));
    }
    let v = ctx.arg(args, 0);
    let ok = if owner == "bytearray" {
        is_bytearray(ctx, v)
    } else {
        data(ctx, v).is_some()
    };
    if ok {
        return Ok(v);
    }
    let t = ctx.type_name(v);
    Err(ctx.type_error(alloc::format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{t}' object"
    )))
}

/// The bytes of `self`, copied.
fn me_data(ctx: &Ctx<'_>, me: Value) -> Vec<u8> {
    data(ctx, me).unwrap_or_default().to_vec()
}

fn new_bytes(ctx: &mut Ctx<'_>, args: Args, bytearray: bool) -> PyResult<Value> {
    let name = if bytearray { "bytearray" } else { "bytes" };
    let sig = Sig::new(name, &["source", "encoding", "errors"], 0);
    let [source, encoding, errors] = ctx.bind(args, 1, &sig)?;
    let cls = ctx.arg(args, 0);
    for (v, what) in [(encoding, "encoding"), (errors, "errors")] {
        codec::name_arg(ctx, v, name, what)?;
    }
    let out = match source {
        None if encoding.is_some() || errors.is_some() => {
            return Err(ctx.type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        None => Vec::new(),
        Some(s) if ctx.str_ref(s).is_some() => {
            if encoding.is_none() {
                return Err(ctx.type_error("string argument without an encoding"));
            }
            let encoding = codec::name_arg(ctx, encoding, name, "encoding")?;
            let errors = codec::name_arg(ctx, errors, name, "errors")?;
            let text = String::from(ctx.str_ref(s).unwrap_or(""));
            codec::encode(ctx, &text, &encoding, &errors)?
        }
        Some(_) if encoding.is_some() => {
            return Err(ctx.type_error("encoding without a string argument"));
        }
        Some(_) if errors.is_some() => {
            return Err(ctx.type_error("errors without a string argument"));
        }
        Some(s) => {
            if !bytearray
                && let Some(f) = ctx.type_lookup_str(ctx.type_of(s), "__bytes__")
                && matches!(f, Value::Obj(_))
            {
                let r = ctx.call(f, &[s])?;
                if data(ctx, r).is_none() {
                    let t = ctx.type_name(r);
                    return Err(
                        ctx.type_error(alloc::format!("__bytes__ returned non-bytes (type {t})"))
                    );
                }
                me_data(ctx, r)
            } else {
                bytes_from(ctx, s)?
            }
        }
    };
    let v = make(ctx, out, bytearray)?;
    crate::interp::class::wrap_builtin(ctx, cls, v)
}

fn bytes_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    new_bytes(ctx, args, false)
}

fn bytearray_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    new_bytes(ctx, args, true)
}

/// Which of the two types a shared method runs for.
fn owner(ctx: &Ctx<'_>, args: Args) -> &'static str {
    if args.positional() > 0 && is_bytearray(ctx, ctx.arg(args, 0)) {
        "bytearray"
    } else {
        "bytes"
    }
}

static HEX: Sig = Sig::new("hex", &["sep", "bytes_per_sep"], 0);

fn hex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "hex")?;
    let [sep, per] = ctx.bind(args, 1, &HEX)?;
    let per = match per {
        Some(p) => ctx.index_value(p)?,
        None => 1,
    };
    let sep = match sep {
        None => None,
        Some(s) => {
            let text: Vec<u8> = match (ctx.str_ref(s), data(ctx, s)) {
                (Some(t), _) => t.as_bytes().to_vec(),
                (None, Some(b)) => b.to_vec(),
                _ => {
                    let t = ctx.type_name(s);
                    return Err(ctx.type_error(alloc::format!("object of type '{t}' has no len()")));
                }
            };
            if text.len() != 1 {
                return Err(ctx.value_error("sep must be length 1."));
            }
            if !text[0].is_ascii() {
                return Err(ctx.value_error("sep must be ASCII."));
            }
            Some(text[0] as char)
        }
    };
    let b = me_data(ctx, me);
    let mut out = String::with_capacity(b.len() * 3);
    let group = per.unsigned_abs().max(1) as usize;
    for (i, x) in b.iter().enumerate() {
        if let Some(sep) = sep
            && i > 0
        {
            // Groups count from the right for a positive bytes_per_sep.
            let boundary = if per > 0 {
                (b.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(&alloc::format!("{x:02x}"));
    }
    ctx.new_string(out)
}

fn fromhex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let kind = if cls.as_obj() == Some(ctx.vm.types.bytearray) {
        "bytearray"
    } else {
        "bytes"
    };
    let v = ctx.one_arg(args, 1, kind, "fromhex")?;
    let Some(text) = ctx.str_ref(v).map(String::from) else {
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!("fromhex() argument must be str, not {t}")));
    };
    let mut out = Vec::with_capacity(text.len() / 2);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if unicode_space(chars[i]) {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (None, _) => return Err(fromhex_error(ctx, i)),
            (Some(_), None) => return Err(fromhex_error(ctx, i + 1)),
        }
    }
    let bytearray = cls.as_obj() == Some(ctx.vm.types.bytearray);
    let v = make(ctx, out, bytearray)?;
    if cls.as_obj() == Some(ctx.vm.types.bytes) || bytearray {
        return Ok(v);
    }
    ctx.call(cls, &[v])
}

fn unicode_space(c: char) -> bool {
    crate::objects::unicode::is_space(c)
}

fn fromhex_error(ctx: &mut Ctx<'_>, at: usize) -> Flow {
    ctx.value_error(alloc::format!(
        "non-hexadecimal number found in fromhex() arg at position {at}"
    ))
}

static DECODE: Sig = Sig::new("decode", &["encoding", "errors"], 0);

fn decode(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "decode")?;
    let [encoding, errors] = ctx.bind(args, 1, &DECODE)?;
    let encoding = codec::name_arg(ctx, encoding, "decode", "encoding")?;
    let errors = codec::name_arg(ctx, errors, "decode", "errors")?;
    let b = me_data(ctx, me);
    let s = codec::decode(ctx, &b, &encoding, &errors)?;
    ctx.new_string(s)
}

fn bytes_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "__len__")?;
    Ok(Value::Int(data(ctx, me).map_or(0, <[u8]>::len) as i64))
}

/// `start`/`end` of `find`, `count`, `startswith`… over `len` bytes, or
/// `None` when nothing can match.
fn span(
    ctx: &mut Ctx<'_>,
    args: Args,
    first: usize,
    len: usize,
) -> PyResult<Option<(usize, usize)>> {
    let len = len as i64;
    let mut bound = |i: usize, default: i64| -> PyResult<i64> {
        match ctx.opt_arg(args, i) {
            Some(v) if !v.is_none() => {
                let x = ctx.slice_bound(v)?;
                Ok(if x < 0 { (x + len).max(0) } else { x })
            }
            _ => Ok(default),
        }
    };
    let start = bound(first, 0)?;
    let end = bound(first + 1, len)?.min(len);
    if start > len || start > end {
        return Ok(None);
    }
    Ok(Some((start as usize, end as usize)))
}

fn find_impl(ctx: &mut Ctx<'_>, args: Args, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    ctx.varargs(args, 1, owner(ctx, args), name, 1, 3)?;
    let sub = ctx.arg(args, 1);
    let len = data(ctx, me).map_or(0, <[u8]>::len);
    let found = span(ctx, args, 2, len)?;
    let n = needle(ctx, sub)?;
    let Some((a, b)) = found else {
        return Ok(None);
    };
    let hay = &data(ctx, me).unwrap_or_default()[a..b];
    Ok(find_in(hay, &n, reverse).map(|i| a + i))
}

fn find(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let found = find_impl(ctx, args, "find", false)?;
    Ok(Value::Int(found.map_or(-1, |i| i as i64)))
}

fn rfind(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let found = find_impl(ctx, args, "rfind", true)?;
    Ok(Value::Int(found.map_or(-1, |i| i as i64)))
}

fn index(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    match find_impl(ctx, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(ctx.value_error("subsection not found")),
    }
}

fn rindex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    match find_impl(ctx, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(ctx.value_error("subsection not found")),
    }
}

fn count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "count")?;
    ctx.varargs(args, 1, owner(ctx, args), "count", 1, 3)?;
    let sub = ctx.arg(args, 1);
    let len = data(ctx, me).map_or(0, <[u8]>::len);
    let found = span(ctx, args, 2, len)?;
    let n = needle(ctx, sub)?;
    let Some((a, b)) = found else {
        return Ok(Value::Int(0));
    };
    let hay = &data(ctx, me).unwrap_or_default()[a..b];
    let c = if n.is_empty() {
        hay.len() + 1
    } else {
        count_in(hay, &n)
    };
    Ok(Value::Int(c as i64))
}

fn affix(ctx: &mut Ctx<'_>, args: Args, name: &str, starts: bool) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    ctx.varargs(args, 1, owner(ctx, args), name, 1, 3)?;
    let len = data(ctx, me).map_or(0, <[u8]>::len);
    let found = span(ctx, args, 2, len)?;
    let v = ctx.arg(args, 1);
    let candidates: Vec<Vec<u8>> = match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(t)) => {
            let t = t.to_vec();
            let mut out = Vec::with_capacity(t.len());
            for c in t {
                out.push(bytes_arg(ctx, c)?);
            }
            out
        }
        _ => match data(ctx, v) {
            Some(b) => alloc::vec![b.to_vec()],
            None => {
                let t = ctx.type_name(v);
                return Err(ctx.type_error(alloc::format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {t}"
                )));
            }
        },
    };
    let Some((a, b)) = found else {
        return Ok(Value::Bool(false));
    };
    let sub = &data(ctx, me).unwrap_or_default()[a..b];
    let hit = candidates.iter().any(|c| {
        if starts {
            sub.starts_with(c)
        } else {
            sub.ends_with(c)
        }
    });
    Ok(Value::Bool(hit))
}

fn startswith(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix(ctx, args, "startswith", true)
}

fn endswith(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix(ctx, args, "endswith", false)
}

fn join(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "join")?;
    let iterable = ctx.one_arg(args, 1, owner(ctx, args), "join")?;
    let it = match iter::get_iter(ctx, iterable) {
        Ok(it) => it,
        Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
            return Err(ctx.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let sep = me_data(ctx, me);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(item) = ctx.next(it)? {
        let Some(b) = data(ctx, item) else {
            let t = ctx.type_name(item);
            return Err(ctx.type_error(alloc::format!(
                "sequence item {i}: expected a bytes-like object, {t} found"
            )));
        };
        ctx.room(out.len() + sep.len() + b.len())?;
        let b = data(ctx, item).unwrap_or_default();
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(b);
        i += 1;
    }
    make_like(ctx, me, out)
}

fn new_list_of(ctx: &mut Ctx<'_>, like: Value, parts: Vec<Vec<u8>>) -> PyResult<Value> {
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(make_like(ctx, like, p)?);
    }
    ctx.new_list(items)
}

fn split_impl(ctx: &mut Ctx<'_>, args: Args, reverse: bool) -> PyResult<Value> {
    let name = if reverse { "rsplit" } else { "split" };
    let me = this(ctx, args, owner(ctx, args), name)?;
    let sig = Sig::new(name, &["sep", "maxsplit"], 0);
    let [sep, maxsplit] = ctx.bind(args, 1, &sig)?;
    let sep = match sep.filter(|v| !v.is_none()) {
        Some(s) => {
            let b = bytes_arg(ctx, s)?;
            if b.is_empty() {
                return Err(ctx.value_error("empty separator"));
            }
            Some(b)
        }
        None => None,
    };
    let max = match maxsplit {
        Some(v) => ctx.index_value(v)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let hay = me_data(ctx, me);
    let parts: Vec<Vec<u8>> = match (&sep, reverse) {
        (Some(s), false) => split_on(&hay, s, max),
        (Some(s), true) => rsplit_on(&hay, s, max),
        (None, r) => split_ws(&hay, max, r),
    }
    .into_iter()
    .map(<[u8]>::to_vec)
    .collect();
    new_list_of(ctx, me, parts)
}

fn split(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    split_impl(ctx, args, false)
}

fn rsplit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    split_impl(ctx, args, true)
}

fn strip_impl(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    ctx.positional_only(args, 1, owner(ctx, args), name, 0, 1)?;
    let chars = match ctx.opt_arg(args, 1).filter(|v| !v.is_none()) {
        Some(c) => Some(bytes_arg(ctx, c)?),
        None => None,
    };
    let b = me_data(ctx, me);
    let strip = |x: &u8| match &chars {
        Some(set) => set.contains(x),
        None => is_space(*x),
    };
    let start = if left {
        b.iter().position(|x| !strip(x)).unwrap_or(b.len())
    } else {
        0
    };
    let end = if right {
        b.iter().rposition(|x| !strip(x)).map_or(start, |i| i + 1)
    } else {
        b.len()
    };
    make_like(ctx, me, b[start..end.max(start)].to_vec())
}

fn strip(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    strip_impl(ctx, args, "strip", true, true)
}

fn lstrip(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    strip_impl(ctx, args, "lstrip", true, false)
}

fn rstrip(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    strip_impl(ctx, args, "rstrip", false, true)
}

/// A method mapping the bytes to new bytes, taking no arguments.
fn map_bytes(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let o = owner(ctx, args);
    let me = this(ctx, args, o, name)?;
    ctx.no_args(args, o, name)?;
    let out = f(data(ctx, me).unwrap_or_default());
    make_like(ctx, me, out)
}

fn upper(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_bytes(ctx, args, "upper", <[u8]>::to_ascii_uppercase)
}

fn lower(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_bytes(ctx, args, "lower", <[u8]>::to_ascii_lowercase)
}

fn swapcase(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_bytes(ctx, args, "swapcase", |b| {
        b.iter()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn title(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_bytes(ctx, args, "title", |b| {
        let mut previous_cased = false;
        b.iter()
            .map(|c| {
                let out = if previous_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                previous_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn capitalize(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_bytes(ctx, args, "capitalize", |b| {
        b.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

/// A predicate method over the bytes (false when empty).
fn predicate(ctx: &mut Ctx<'_>, args: Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let o = owner(ctx, args);
    let me = this(ctx, args, o, name)?;
    ctx.no_args(args, o, name)?;
    let b = data(ctx, me).unwrap_or_default();
    Ok(Value::Bool(f(b)))
}

fn all_of(b: &[u8], f: fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(f)
}

fn isalpha(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isalpha", |b| all_of(b, u8::is_ascii_alphabetic))
}

fn isdigit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isdigit", |b| all_of(b, u8::is_ascii_digit))
}

fn isalnum(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isalnum", |b| {
        all_of(b, u8::is_ascii_alphanumeric)
    })
}

fn isspace(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isspace", |b| all_of(b, |c| is_space(*c)))
}

fn isascii(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isascii", <[u8]>::is_ascii)
}

fn isupper(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}

fn istitle(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "istitle", |b| {
        let (mut any, mut previous_cased) = (false, false);
        for c in b {
            if c.is_ascii_uppercase() {
                if previous_cased {
                    return false;
                }
                previous_cased = true;
                any = true;
            } else if c.is_ascii_lowercase() {
                if !previous_cased {
                    return false;
                }
                previous_cased = true;
                any = true;
            } else {
                previous_cased = false;
            }
        }
        any
    })
}

fn replace(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "replace")?;
    ctx.positional_only(args, 1, owner(ctx, args), "replace", 2, 3)?;
    let (a, b) = (ctx.arg(args, 1), ctx.arg(args, 2));
    let old = bytes_arg(ctx, a)?;
    let new = bytes_arg(ctx, b)?;
    let count = match ctx.opt_arg(args, 3) {
        Some(c) => ctx.index_value(c)?,
        None => -1,
    };
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let hay = me_data(ctx, me);
    let hits = if old.is_empty() {
        hay.len() + 1
    } else {
        count_in(&hay, &old)
    }
    .min(left);
    ctx.room(hay.len() + hits * new.len())?;
    let mut out = Vec::with_capacity(hay.len());
    if old.is_empty() {
        for (i, x) in hay.iter().enumerate() {
            if i < left {
                out.extend_from_slice(&new);
            }
            out.push(*x);
        }
        if left > hay.len() {
            out.extend_from_slice(&new);
        }
    } else {
        let mut rest = &hay[..];
        while left > 0 {
            let Some(i) = find_in(rest, &old, false) else {
                break;
            };
            out.extend_from_slice(&rest[..i]);
            out.extend_from_slice(&new);
            rest = &rest[i + old.len()..];
            left -= 1;
        }
        out.extend_from_slice(rest);
    }
    make_like(ctx, me, out)
}

fn partition_impl(ctx: &mut Ctx<'_>, args: Args, name: &str, reverse: bool) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    let sep = ctx.one_arg(args, 1, owner(ctx, args), name)?;
    let s = bytes_arg(ctx, sep)?;
    if s.is_empty() {
        return Err(ctx.value_error("empty separator"));
    }
    let hay = me_data(ctx, me);
    let parts = match find_in(&hay, &s, reverse) {
        Some(i) => [hay[..i].to_vec(), s.clone(), hay[i + s.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), hay],
        None => [hay, Vec::new(), Vec::new()],
    };
    let mut items = Vec::with_capacity(3);
    for p in parts {
        items.push(make_like(ctx, me, p)?);
    }
    ctx.new_tuple(items)
}

fn partition(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    partition_impl(ctx, args, "partition", false)
}

fn rpartition(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    partition_impl(ctx, args, "rpartition", true)
}

/// `width` and `fillbyte` of `center`, `ljust`, `rjust`.
fn width_args(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<(Value, usize, u8)> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    ctx.positional_only(args, 1, owner(ctx, args), name, 1, 2)?;
    let w = ctx.arg(args, 1);
    let width = ctx.index_value(w)?.max(0) as usize;
    let fill = match ctx.opt_arg(args, 2) {
        None => b' ',
        Some(f) => match data(ctx, f) {
            Some([c]) => *c,
            _ => {
                let t = ctx.type_name(f);
                return Err(ctx.type_error(alloc::format!(
                    "{name}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    ctx.room(width)?;
    Ok((me, width, fill))
}

fn justify(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    let (me, width, fill) = width_args(ctx, args, name)?;
    let b = me_data(ctx, me);
    if b.len() >= width {
        return make_like(ctx, me, b);
    }
    let total = width - b.len();
    let left = match name {
        "ljust" => 0,
        "rjust" => total,
        _ => total / 2 + (total & width & 1),
    };
    let mut out = alloc::vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(width, fill);
    make_like(ctx, me, out)
}

fn center(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    justify(ctx, args, "center")
}

fn ljust(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    justify(ctx, args, "ljust")
}

fn rjust(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    justify(ctx, args, "rjust")
}

fn zfill(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "zfill")?;
    let w = ctx.one_arg(args, 1, owner(ctx, args), "zfill")?;
    let width = ctx.index_value(w)?.max(0) as usize;
    let b = me_data(ctx, me);
    if b.len() >= width {
        return make_like(ctx, me, b);
    }
    ctx.room(width)?;
    let signed = matches!(b.first(), Some(b'+' | b'-'));
    let mut out = Vec::with_capacity(width);
    if signed {
        out.push(b[0]);
    }
    out.resize(out.len() + width - b.len(), b'0');
    out.extend_from_slice(&b[signed as usize..]);
    make_like(ctx, me, out)
}

static EXPANDTABS: Sig = Sig::new("expandtabs", &["tabsize"], 0);

fn expandtabs(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "expandtabs")?;
    let [tabsize] = ctx.bind(args, 1, &EXPANDTABS)?;
    let size = match tabsize {
        Some(v) => ctx.index_value(v)?.max(0) as usize,
        None => 8,
    };
    let b = me_data(ctx, me);
    let tabs = b.iter().filter(|c| **c == b'\t').count();
    ctx.room(b.len() + tabs * size)?;
    let mut out = Vec::with_capacity(b.len());
    let mut column = 0;
    for &c in &b {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - column % size;
                    out.resize(out.len() + n, b' ');
                    column += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    make_like(ctx, me, out)
}

static SPLITLINES: Sig = Sig::new("splitlines", &["keepends"], 0);

fn splitlines(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "splitlines")?;
    let [keepends] = ctx.bind(args, 1, &SPLITLINES)?;
    let keep = match keepends {
        Some(v) => ctx.index_value(v)? != 0,
        None => false,
    };
    let b = me_data(ctx, me);
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut end = i + 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(b[start..if keep { end } else { i }].to_vec());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        parts.push(b[start..].to_vec());
    }
    new_list_of(ctx, me, parts)
}

fn affix_remove(ctx: &mut Ctx<'_>, args: Args, name: &str, prefix: bool) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    let a = ctx.one_arg(args, 1, owner(ctx, args), name)?;
    let p = bytes_arg(ctx, a)?;
    let b = me_data(ctx, me);
    let out = if prefix {
        b.strip_prefix(&p[..])
    } else {
        b.strip_suffix(&p[..])
    };
    let out = out.map_or_else(|| b.clone(), <[u8]>::to_vec);
    make_like(ctx, me, out)
}

fn removeprefix(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix_remove(ctx, args, "removeprefix", true)
}

fn removesuffix(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix_remove(ctx, args, "removesuffix", false)
}

fn maketrans(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "maketrans", 2, 2)?;
    let (a, b) = (ctx.arg(args, 0), ctx.arg(args, 1));
    let from = bytes_arg(ctx, a)?;
    let to = bytes_arg(ctx, b)?;
    if from.len() != to.len() {
        return Err(ctx.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (x, y) in from.into_iter().zip(to) {
        table[x as usize] = y;
    }
    make(ctx, table, false)
}

fn translate(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "translate")?;
    let sig = Sig::new("translate", &["", "delete"], 1).posonly(1);
    let [table, delete] = ctx.bind(args, 1, &sig)?;
    let table = match table.filter(|t| !t.is_none()) {
        Some(t) => {
            let t = bytes_arg(ctx, t)?;
            if t.len() != 256 {
                return Err(ctx.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        None => None,
    };
    let delete = match delete {
        Some(d) => bytes_arg(ctx, d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = me_data(ctx, me)
        .into_iter()
        .filter(|c| !delete.contains(c))
        .map(|c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    make_like(ctx, me, out)
}

/// Binary operators and comparisons as dunder methods.
fn operator(ctx: &mut Ctx<'_>, args: Args, name: &str, op: BinOp, swap: bool) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    let mut other = ctx.one_arg(args, 1, owner(ctx, args), name)?;
    if op == BinOp::Mul {
        other = ctx.index_int(other)?;
    }
    if swap {
        return Ok(binary(ctx, op, me, other)?.unwrap_or(Value::NotImplemented));
    }
    if op == BinOp::Add && data(ctx, other).is_none() {
        let (t, k) = (ctx.type_name(other), kind_name(ctx, me));
        return Err(ctx.type_error(alloc::format!("can't concat {t} to {k}")));
    }
    Ok(binary(ctx, op, me, other)?.unwrap_or(Value::NotImplemented))
}

fn b_add(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__add__", BinOp::Add, false)
}

fn b_mul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__mul__", BinOp::Mul, false)
}

fn b_rmul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__rmul__", BinOp::Mul, true)
}

fn b_mod(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__mod__", BinOp::Mod, false)
}

fn comparison(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    test: fn(core::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), name)?;
    let other = ctx.one_arg(args, 1, owner(ctx, args), name)?;
    match (data(ctx, me), data(ctx, other)) {
        (Some(a), Some(b)) => Ok(Value::Bool(test(a.cmp(b)))),
        _ => Ok(Value::NotImplemented),
    }
}

fn b_eq(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__eq__", core::cmp::Ordering::is_eq)
}

fn b_ne(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__ne__", core::cmp::Ordering::is_ne)
}

fn b_lt(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__lt__", core::cmp::Ordering::is_lt)
}

fn b_le(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__le__", core::cmp::Ordering::is_le)
}

fn b_gt(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__gt__", core::cmp::Ordering::is_gt)
}

fn b_ge(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__ge__", core::cmp::Ordering::is_ge)
}

fn b_getitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "__getitem__")?;
    let i = ctx.one_arg(args, 1, owner(ctx, args), "__getitem__")?;
    subscr(ctx, me, i)
}

fn b_contains(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "__contains__")?;
    let v = ctx.one_arg(args, 1, owner(ctx, args), "__contains__")?;
    Ok(Value::Bool(contains(ctx, me, v)?))
}

fn b_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, owner(ctx, args), "__iter__")?;
    iter::get_iter(ctx, me)
}

fn b_hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "bytes", "__hash__")?;
    Ok(Value::Int(crate::objects::str::hash_bytes(
        data(ctx, me).unwrap_or_default(),
    )))
}

fn b_bytes(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "bytes", "__bytes__")?;
    let b = me_data(ctx, me);
    make(ctx, b, false)
}

/// `self` of a `bytearray`-only method.
fn this_array(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    this(ctx, args, "bytearray", name)
}

fn append(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "append")?;
    let v = ctx.one_arg(args, 1, "bytearray", "append")?;
    let x = byte_value(ctx, v)?;
    grow(ctx, me, 1)?;
    if let Some(b) = bytearray_mut(ctx, me) {
        b.push(x);
    }
    Ok(Value::None)
}

fn extend_method(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "extend")?;
    let v = ctx.one_arg(args, 1, "bytearray", "extend")?;
    extend(ctx, me, v)?;
    Ok(Value::None)
}

fn insert(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "insert")?;
    ctx.positional_only(args, 1, owner(ctx, args), "insert", 2, 2)?;
    let i = ctx.arg(args, 1);
    let i = ctx.index_value(i)?;
    let v = ctx.arg(args, 2);
    let x = byte_value(ctx, v)?;
    let len = data(ctx, me).map_or(0, <[u8]>::len) as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    grow(ctx, me, 1)?;
    if let Some(b) = bytearray_mut(ctx, me) {
        b.insert(at, x);
    }
    Ok(Value::None)
}

fn pop(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "pop")?;
    ctx.positional_only(args, 1, owner(ctx, args), "pop", 0, 1)?;
    let len = data(ctx, me).map_or(0, <[u8]>::len) as i64;
    let i = match ctx.opt_arg(args, 1) {
        Some(v) => ctx.index_value(v)?,
        None => -1,
    };
    if len == 0 {
        return Err(ctx.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(ctx.index_error("pop index out of range"));
    }
    let x = bytearray_mut(ctx, me).map_or(0, |b| b.remove(j as usize));
    Ok(Value::Int(x as i64))
}

fn remove(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "remove")?;
    let v = ctx.one_arg(args, 1, "bytearray", "remove")?;
    let x = byte_value(ctx, v)?;
    let at = data(ctx, me).and_then(|b| b.iter().position(|c| *c == x));
    match at {
        Some(i) => {
            if let Some(b) = bytearray_mut(ctx, me) {
                b.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(ctx.value_error("value not found in bytearray")),
    }
}

fn clear(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "clear")?;
    ctx.no_args(args, "bytearray", "clear")?;
    if let Some(b) = bytearray_mut(ctx, me) {
        b.clear();
    }
    Ok(Value::None)
}

fn reverse(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "reverse")?;
    ctx.no_args(args, "bytearray", "reverse")?;
    if let Some(b) = bytearray_mut(ctx, me) {
        b.reverse();
    }
    Ok(Value::None)
}

fn copy(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "copy")?;
    ctx.no_args(args, "bytearray", "copy")?;
    let b = me_data(ctx, me);
    make(ctx, b, true)
}

fn setitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "__setitem__")?;
    ctx.positional_only(args, 1, owner(ctx, args), "__setitem__", 2, 2)?;
    let (i, v) = (ctx.arg(args, 1), ctx.arg(args, 2));
    store_subscr(ctx, me, i, v)?;
    Ok(Value::None)
}

fn delitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "__delitem__")?;
    let i = ctx.one_arg(args, 1, "bytearray", "__delitem__")?;
    del_subscr(ctx, me, i)?;
    Ok(Value::None)
}

fn iadd(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this_array(ctx, args, "__iadd__")?;
    let v = ctx.one_arg(args, 1, "bytearray", "__iadd__")?;
    if data(ctx, v).is_none() {
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!("can't concat {t} to bytearray")));
    }
    extend(ctx, me, v)?;
    Ok(me)
}

/// Methods of `bytes`, sorted by name length then name.
pub static BYTES_METHODS: &[Native] = &[
    Native::method("hex", hex),
    Native::method("find", find),
    Native::method("join", join),
    Native::method("count", count),
    Native::method("index", index),
    Native::method("ljust", ljust),
    Native::method("lower", lower),
    Native::method("rfind", rfind),
    Native::method("rjust", rjust),
    Native::method("split", split),
    Native::method("strip", strip),
    Native::method("title", title),
    Native::method("upper", upper),
    Native::method("zfill", zfill),
    Native::method("__eq__", b_eq),
    Native::method("__ge__", b_ge),
    Native::method("__gt__", b_gt),
    Native::method("__le__", b_le),
    Native::method("__lt__", b_lt),
    Native::method("__ne__", b_ne),
    Native::method("center", center),
    Native::method("decode", decode),
    Native::method("lstrip", lstrip),
    Native::method("rindex", rindex),
    Native::method("rsplit", rsplit),
    Native::method("rstrip", rstrip),
    Native::method("__add__", b_add),
    Native::method("__len__", bytes_len),
    Native::method("__mod__", b_mod),
    Native::method("__mul__", b_mul),
    Native::static_method("__new__", bytes_new),
    Native::class_method("fromhex", fromhex),
    Native::method("isalnum", isalnum),
    Native::method("isalpha", isalpha),
    Native::method("isascii", isascii),
    Native::method("isdigit", isdigit),
    Native::method("islower", islower),
    Native::method("isspace", isspace),
    Native::method("istitle", istitle),
    Native::method("isupper", isupper),
    Native::method("replace", replace),
    Native::method("__hash__", b_hash),
    Native::method("__iter__", b_iter),
    Native::method("__rmul__", b_rmul),
    Native::method("endswith", endswith),
    Native::method("swapcase", swapcase),
    Native::method("__bytes__", b_bytes),
    Native::static_method("maketrans", maketrans),
    Native::method("partition", partition),
    Native::method("translate", translate),
    Native::method("capitalize", capitalize),
    Native::method("expandtabs", expandtabs),
    Native::method("rpartition", rpartition),
    Native::method("splitlines", splitlines),
    Native::method("startswith", startswith),
    Native::method("__getitem__", b_getitem),
    Native::method("__contains__", b_contains),
    Native::method("removeprefix", removeprefix),
    Native::method("removesuffix", removesuffix),
];

/// Methods of `bytearray`, sorted by name length then name.
pub static BYTEARRAY_METHODS: &[Native] = &[
    Native::method("hex", hex),
    Native::method("pop", pop),
    Native::method("copy", copy),
    Native::method("find", find),
    Native::method("join", join),
    Native::method("clear", clear),
    Native::method("count", count),
    Native::method("index", index),
    Native::method("ljust", ljust),
    Native::method("lower", lower),
    Native::method("rfind", rfind),
    Native::method("rjust", rjust),
    Native::method("split", split),
    Native::method("strip", strip),
    Native::method("title", title),
    Native::method("upper", upper),
    Native::method("zfill", zfill),
    Native::method("__eq__", b_eq),
    Native::method("__ge__", b_ge),
    Native::method("__gt__", b_gt),
    Native::method("__le__", b_le),
    Native::method("__lt__", b_lt),
    Native::method("__ne__", b_ne),
    Native::method("append", append),
    Native::method("center", center),
    Native::method("decode", decode),
    Native::method("extend", extend_method),
    Native::method("insert", insert),
    Native::method("lstrip", lstrip),
    Native::method("remove", remove),
    Native::method("rindex", rindex),
    Native::method("rsplit", rsplit),
    Native::method("rstrip", rstrip),
    Native::method("__add__", b_add),
    Native::method("__len__", bytes_len),
    Native::method("__mod__", b_mod),
    Native::method("__mul__", b_mul),
    Native::static_method("__new__", bytearray_new),
    Native::class_method("fromhex", fromhex),
    Native::method("isalnum", isalnum),
    Native::method("isalpha", isalpha),
    Native::method("isascii", isascii),
    Native::method("isdigit", isdigit),
    Native::method("islower", islower),
    Native::method("isspace", isspace),
    Native::method("istitle", istitle),
    Native::method("isupper", isupper),
    Native::method("replace", replace),
    Native::method("reverse", reverse),
    Native::method("__iadd__", iadd),
    Native::method("__iter__", b_iter),
    Native::method("__rmul__", b_rmul),
    Native::method("endswith", endswith),
    Native::method("swapcase", swapcase),
    Native::static_method("maketrans", maketrans),
    Native::method("partition", partition),
    Native::method("translate", translate),
    Native::method("capitalize", capitalize),
    Native::method("expandtabs", expandtabs),
    Native::method("rpartition", rpartition),
    Native::method("splitlines", splitlines),
    Native::method("startswith", startswith),
    Native::method("__delitem__", delitem),
    Native::method("__getitem__", b_getitem),
    Native::method("__setitem__", setitem),
    Native::method("__contains__", b_contains),
    Native::method("removeprefix", removeprefix),
    Native::method("removesuffix", removesuffix),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(b"abc"), "b'abc'");
        assert_eq!(repr(b"a'b"), "b\"a'b\"");
        assert_eq!(repr(b"\x00\xff\n"), "b'\\x00\\xff\\n'");
    }

    #[test]
    fn searching_and_splitting() {
        assert_eq!(find_in(b"hello", b"l", true), Some(3));
        assert_eq!(find_in(b"hello", b"lo", false), Some(3));
        assert_eq!(find_in(b"hi", b"", true), Some(2));
        assert_eq!(count_in(b"aaaa", b"aa"), 2);
        assert_eq!(
            split_on(b"a,b,,c", b",", usize::MAX),
            [&b"a"[..], b"b", b"", b"c"]
        );
        assert_eq!(rsplit_on(b"a,b,c", b",", 1), [&b"a,b"[..], b"c"]);
        assert_eq!(split_ws(b"  a b  c ", 1, false), [&b"a"[..], b"b  c "]);
        assert_eq!(split_ws(b"  a b  c ", 1, true), [&b"  a b"[..], b"c"]);
    }
}
