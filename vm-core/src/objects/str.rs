//! `str`: immutable Unicode text, stored as UTF-8 with its hash and
//! character count, so ASCII strings index in constant time.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::ast::BinOp;
use crate::interp::{Ctx, format};
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::value::Value;

/// A `str` object.
#[derive(Debug)]
pub struct StrObj {
    text: Box<str>,
    hash: i64,
    chars: usize,
}

/// The hash of a string's text (FNV-1a; never -1, which CPython reserves).
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// The hash of a byte string.
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in b {
        h ^= *byte as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

impl StrObj {
    /// A string holding `s`.
    pub fn new(s: &str) -> Self {
        StrObj {
            hash: hash_str(s),
            chars: s.chars().count(),
            text: Box::from(s),
        }
    }

    /// A string taking ownership of `s`.
    pub fn from_string(s: String) -> Self {
        StrObj {
            hash: hash_str(&s),
            chars: s.chars().count(),
            text: s.into_boxed_str(),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The precomputed hash.
    pub fn hash(&self) -> i64 {
        self.hash
    }

    /// Length in characters.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Whether every character is ASCII (so byte and character indices
    /// agree).
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// Bytes owned outside the struct.
    pub fn heap_size(&self) -> usize {
        self.text.len()
    }
}

/// CPython's `repr` of a string: quotes chosen to avoid escaping, control
/// characters escaped.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f || (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&alloc::format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The text of `v` when it is a str.
fn text(ctx: &Ctx<'_>, v: Value) -> Option<String> {
    ctx.str_ref(v).map(String::from)
}

/// The text of `self` in a method call.
fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<String> {
    let v = ctx.arg(args, 0);
    match text(ctx, v) {
        Some(s) => Ok(s),
        None => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "descriptor requires a 'str' object but received a '{t}'"
            )))
        }
    }
}

/// A required str argument.
fn str_arg(ctx: &mut Ctx<'_>, v: Value, what: &str) -> PyResult<String> {
    match text(ctx, v) {
        Some(s) => Ok(s),
        None => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!("{what} must be str, not {t}")))
        }
    }
}

/// `str + str`, `str * int`, `str % args`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let Some(left) = text(ctx, a) else {
        return Ok(None);
    };
    match op {
        BinOp::Add => {
            let Some(right) = ctx.str_ref(b) else {
                return Ok(None);
            };
            let mut s = String::with_capacity(left.len() + right.len());
            s.push_str(&left);
            s.push_str(right);
            Ok(Some(ctx.new_string(s)?))
        }
        BinOp::Mul => {
            let Some(n) = crate::objects::int::small_int(ctx, b) else {
                return Ok(None);
            };
            let n = n.max(0) as usize;
            let size = left.len().checked_mul(n);
            if size.is_none_or(|s| s > ctx.vm.heap.stats().limit) {
                return Err(crate::Flow::Raise(ctx.vm.memory_error));
            }
            Ok(Some(ctx.new_string(left.repeat(n))?))
        }
        BinOp::Mod => Ok(Some(percent_format(ctx, &left, b)?)),
        _ => Ok(None),
    }
}

/// `s[index]` and `s[slice]`.
pub fn subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    let s = text(ctx, obj).unwrap_or_default();
    let chars: Vec<char> = s.chars().collect();
    if let Some(i) = crate::objects::int::small_int(ctx, index) {
        let len = chars.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if !(0..len).contains(&j) {
            return Err(ctx.index_error("string index out of range"));
        }
        let mut buf = [0u8; 4];
        return ctx.new_str(chars[j as usize].encode_utf8(&mut buf));
    }
    if crate::objects::list::is_slice(ctx, index) {
        let (start, stop, step) = ctx.slice_indices(index, chars.len() as i64)?;
        let picked: String = crate::objects::list::slice_positions(start, stop, step)
            .map(|i| chars[i])
            .collect();
        return ctx.new_string(picked);
    }
    let t = ctx.type_name(index);
    Err(ctx.type_error(alloc::format!("string indices must be integers, not '{t}'")))
}

/// `format % args` (printf-style formatting).
pub fn percent_format(ctx: &mut Ctx<'_>, fmt: &str, args: Value) -> PyResult<Value> {
    let values: Vec<Value> = match args.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => alloc::vec![args],
    };
    let mapping = matches!(
        args.as_obj().map(|r| ctx.vm.heap.get(r)),
        Some(Object::Dict(_))
    );
    let mut out = String::new();
    let mut next = 0;
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut value = None;
        if i < chars.len() && chars[i] == '(' {
            let close = chars[i..].iter().position(|c| *c == ')').map(|p| p + i);
            let Some(close) = close else {
                return Err(ctx.value_error("incomplete format key"));
            };
            let key: String = chars[i + 1..close].iter().collect();
            let key = ctx.new_string(key)?;
            value = Some(crate::interp::ops::subscr(ctx, args, key)?);
            i = close + 1;
        }
        let mut spec = String::new();
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            spec.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        if i < chars.len() && chars[i] == '*' {
            let w = values.get(next).copied().unwrap_or(Value::None);
            next += 1;
            width = alloc::format!("{}", ctx.index_value(w)?);
            i += 1;
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            width.push(chars[i]);
            i += 1;
        }
        let mut precision = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                p.push(chars[i]);
                i += 1;
            }
            precision = Some(p);
        }
        let Some(&kind) = chars.get(i) else {
            return Err(ctx.value_error("incomplete format"));
        };
        i += 1;
        if kind == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None if mapping => args,
            None => {
                let Some(v) = values.get(next).copied() else {
                    return Err(ctx.type_error("not enough arguments for format string"));
                };
                next += 1;
                v
            }
        };
        let align = if spec.contains('-') { "<" } else { "" };
        let zero = if spec.contains('0') && !spec.contains('-') {
            "0"
        } else {
            ""
        };
        let sign = if spec.contains('+') {
            "+"
        } else if spec.contains(' ') {
            " "
        } else {
            ""
        };
        let alt = if spec.contains('#') { "#" } else { "" };
        let prec = precision
            .map(|p| alloc::format!(".{}", if p.is_empty() { "0" } else { &p }))
            .unwrap_or_default();
        let piece = match kind {
            's' | 'r' | 'a' => {
                let s = match kind {
                    's' => format::str(ctx, v)?,
                    'r' => format::repr(ctx, v)?,
                    _ => format::ascii(ctx, v)?,
                };
                let spec = alloc::format!("{align}{width}{prec}");
                format::format_str(ctx, &s, &spec)?
            }
            'd' | 'i' | 'u' => {
                let n = ctx.int_from_number(v, kind)?;
                format::format(ctx, n, &alloc::format!("{align}{sign}{zero}{width}d"))?
            }
            'x' | 'X' | 'o' => {
                let n = ctx.int_from_number(v, kind)?;
                format::format(
                    ctx,
                    n,
                    &alloc::format!("{align}{sign}{alt}{zero}{width}{kind}"),
                )?
            }
            'c' => {
                let s = match text(ctx, v) {
                    Some(s) => s,
                    None => {
                        let n = ctx.index_value(v)?;
                        char::from_u32(n as u32)
                            .map(String::from)
                            .unwrap_or_default()
                    }
                };
                format::format_str(ctx, &s, &alloc::format!("{align}{width}"))?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = ctx.float_value(v).map_err(|_| {
                    let t = ctx.type_name(v);
                    ctx.type_error(alloc::format!("must be real number, not {t}"))
                })?;
                let prec = if prec.is_empty() {
                    String::from(".6")
                } else {
                    prec
                };
                crate::objects::float::format(
                    ctx,
                    f,
                    &alloc::format!("{align}{sign}{alt}{zero}{width}{prec}{kind}"),
                )?
            }
            other => {
                return Err(ctx.value_error(alloc::format!(
                    "unsupported format character '{other}' ({:#x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        out.push_str(&piece);
    }
    if !mapping && next < values.len() {
        return Err(ctx.type_error("not all arguments converted during string formatting"));
    }
    ctx.new_string(out)
}

fn str_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "str", 1, 4, &["object", "encoding", "errors"])?;
    let cls = ctx.arg(args, 0);
    let v = if args.positional() > 1 {
        ctx.arg(args, 1)
    } else {
        ctx.kwarg(args, "object").unwrap_or(Value::Unbound)
    };
    let encoding = if args.positional() > 2 {
        Some(ctx.arg(args, 2))
    } else {
        ctx.kwarg(args, "encoding")
    };
    let s = if !v.is_bound() {
        ctx.new_str("")?
    } else if encoding.is_some() {
        crate::objects::bytes::decode_value(ctx, v)?
    } else {
        let s = format::str(ctx, v)?;
        ctx.new_string(s)?
    };
    crate::interp::class::wrap_builtin(ctx, cls, s)
}

fn join(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "join", 2, 2, &[])?;
    let sep = this(ctx, args)?;
    let iterable = ctx.arg(args, 1);
    let items = ctx.collect(iterable)?;
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match ctx.str_ref(item) {
            Some(s) => out.push_str(s),
            None => {
                let t = ctx.type_name(item);
                return Err(ctx.type_error(alloc::format!(
                    "sequence item {i}: expected str instance, {t} found"
                )));
            }
        }
    }
    ctx.new_string(out)
}

fn new_list_of_strs(ctx: &mut Ctx<'_>, parts: Vec<String>) -> PyResult<Value> {
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(ctx.new_string(p)?);
    }
    ctx.new_list(items)
}

fn maxsplit_arg(ctx: &mut Ctx<'_>, args: Args) -> PyResult<i64> {
    match ctx.kwarg(args, "maxsplit") {
        Some(v) => ctx.index_value(v),
        None if args.positional() > 2 => {
            let v = ctx.arg(args, 2);
            ctx.index_value(v)
        }
        None => Ok(-1),
    }
}

fn sep_arg(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Option<String>> {
    let v = match ctx.kwarg(args, "sep") {
        Some(v) => v,
        None if args.positional() > 1 => ctx.arg(args, 1),
        None => Value::None,
    };
    if v.is_none() {
        return Ok(None);
    }
    let s = str_arg(ctx, v, "must be str or None")?;
    if s.is_empty() {
        return Err(ctx.value_error("empty separator"));
    }
    Ok(Some(s))
}

fn split(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "split", 1, 3, &["sep", "maxsplit"])?;
    let s = this(ctx, args)?;
    let sep = sep_arg(ctx, args)?;
    let max = maxsplit_arg(ctx, args)?;
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                s.split(sep.as_str()).map(String::from).collect()
            } else {
                s.splitn(max as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => split_whitespace(&s, max),
    };
    new_list_of_strs(ctx, parts)
}

fn split_whitespace(s: &str, max: i64) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if max >= 0 && parts.len() as i64 == max {
            parts.push(String::from(rest));
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        parts.push(String::from(&rest[..end]));
        rest = rest[end..].trim_start();
    }
    parts
}

fn rsplit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "rsplit", 1, 3, &["sep", "maxsplit"])?;
    let s = this(ctx, args)?;
    let sep = sep_arg(ctx, args)?;
    let max = maxsplit_arg(ctx, args)?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                s.rsplit(sep.as_str()).map(String::from).collect()
            } else {
                s.rsplitn(max as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(String::from(rest));
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                parts.push(String::from(&rest[start..]));
                rest = rest[..start].trim_end();
            }
            parts
        }
    };
    parts.reverse();
    new_list_of_strs(ctx, parts)
}

fn strip_chars(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    ctx.check_args(args, name, 1, 2, &[])?;
    let s = this(ctx, args)?;
    let chars = if args.positional() > 1 {
        let v = ctx.arg(args, 1);
        if v.is_none() {
            None
        } else {
            Some(str_arg(ctx, v, alloc::format!("{name} arg").as_str())?)
        }
    } else {
        None
    };
    let matches = |c: char| match &chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut out: &str = &s;
    if left {
        out = out.trim_start_matches(matches);
    }
    if right {
        out = out.trim_end_matches(matches);
    }
    let out = String::from(out);
    if out.len() == s.len() {
        return Ok(ctx.arg(args, 0));
    }
    ctx.new_string(out)
}

fn strip(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    strip_chars(ctx, args, "strip", true, true)
}

fn lstrip(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    strip_chars(ctx, args, "lstrip", true, false)
}

fn rstrip(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    strip_chars(ctx, args, "rstrip", false, true)
}

fn map_chars(ctx: &mut Ctx<'_>, args: Args, f: fn(&str) -> String) -> PyResult<Value> {
    let s = this(ctx, args)?;
    ctx.new_string(f(&s))
}

fn upper(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_chars(ctx, args, |s| s.to_uppercase())
}

fn lower(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_chars(ctx, args, |s| s.to_lowercase())
}

fn replace(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "replace", 3, 4, &[])?;
    let s = this(ctx, args)?;
    let (a, b) = (ctx.arg(args, 1), ctx.arg(args, 2));
    let old = str_arg(ctx, a, "replace() argument 1")?;
    let new = str_arg(ctx, b, "replace() argument 2")?;
    let count = if args.positional() > 3 {
        let c = ctx.arg(args, 3);
        ctx.index_value(c)?
    } else {
        -1
    };
    let out = if count < 0 {
        s.replace(&old, &new)
    } else {
        s.replacen(&old, &new, count as usize)
    };
    ctx.new_string(out)
}

fn affix(ctx: &mut Ctx<'_>, args: Args, name: &str, starts: bool) -> PyResult<Value> {
    ctx.check_args(args, name, 2, 4, &[])?;
    let s = this(ctx, args)?;
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = range_args(ctx, args, chars.len())?;
    let sub: String = chars[start.min(end)..end].iter().collect();
    let v = ctx.arg(args, 1);
    let candidates: Vec<Value> = match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => alloc::vec![v],
    };
    for c in candidates {
        let Some(p) = text(ctx, c) else {
            let t = ctx.type_name(c);
            return Err(ctx.type_error(alloc::format!(
                "{name} first arg must be str or a tuple of str, not {t}"
            )));
        };
        if start <= chars.len()
            && (if starts {
                sub.starts_with(&p)
            } else {
                sub.ends_with(&p)
            })
        {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix(ctx, args, "startswith", true)
}

fn endswith(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix(ctx, args, "endswith", false)
}

/// Optional `start`, `end` arguments (positions 2 and 3) clamped like slice
/// bounds, in characters.
fn range_args(ctx: &mut Ctx<'_>, args: Args, len: usize) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let clamp = |i: i64| -> usize {
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
        i as usize
    };
    let mut bound = |i: usize, default: i64| -> PyResult<i64> {
        if args.positional() > i {
            let v = ctx.arg(args, i);
            if v.is_none() {
                return Ok(default);
            }
            ctx.index_value(v)
        } else {
            Ok(default)
        }
    };
    let start = bound(2, 0)?;
    let end = bound(3, len)?;
    Ok((clamp(start), clamp(end)))
}

fn find_impl(ctx: &mut Ctx<'_>, args: Args, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    ctx.check_args(args, name, 2, 4, &[])?;
    let s = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let needle = str_arg(ctx, v, "must be")?;
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = range_args(ctx, args, chars.len())?;
    if start > end {
        return Ok(None);
    }
    let hay: String = chars[start..end].iter().collect();
    let found = if reverse {
        hay.rfind(&needle)
    } else {
        hay.find(&needle)
    };
    Ok(found.map(|byte| start + hay[..byte].chars().count()))
}

fn find(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(ctx, args, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn rfind(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(ctx, args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn index(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    match find_impl(ctx, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(ctx.value_error("substring not found")),
    }
}

fn rindex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    match find_impl(ctx, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(ctx.value_error("substring not found")),
    }
}

fn count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "count", 2, 4, &[])?;
    let s = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let needle = str_arg(ctx, v, "must be")?;
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = range_args(ctx, args, chars.len())?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let hay: String = chars[start..end].iter().collect();
    let n = if needle.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(needle.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn predicate(ctx: &mut Ctx<'_>, args: Args, f: fn(char) -> bool) -> PyResult<Value> {
    let s = this(ctx, args)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn isdigit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, |c| {
        c.is_ascii_digit() || (c.is_numeric() && !c.is_ascii())
    })
}

fn isdecimal(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, |c| c.is_ascii_digit())
}

fn isnumeric(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, char::is_numeric)
}

fn isalpha(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, char::is_alphabetic)
}

fn isalnum(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, char::is_alphanumeric)
}

fn isspace(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, char::is_whitespace)
}

fn cased(ctx: &mut Ctx<'_>, args: Args, upper: bool) -> PyResult<Value> {
    let s = this(ctx, args)?;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || c.is_lowercase() {
            any = true;
            if c.is_uppercase() != upper {
                return Ok(Value::Bool(false));
            }
        }
    }
    Ok(Value::Bool(any))
}

fn isupper(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    cased(ctx, args, true)
}

fn islower(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    cased(ctx, args, false)
}

fn width_args(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<(String, usize, char)> {
    ctx.check_args(args, name, 2, 3, &[])?;
    let s = this(ctx, args)?;
    let w = ctx.arg(args, 1);
    let width = ctx.index_value(w)?.max(0) as usize;
    let fill = if args.positional() > 2 {
        let f = ctx.arg(args, 2);
        let f = text(ctx, f).unwrap_or_default();
        let mut it = f.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => c,
            _ => {
                return Err(ctx.type_error("The fill character must be exactly one character long"));
            }
        }
    } else {
        ' '
    };
    Ok((s, width, fill))
}

fn justify(ctx: &mut Ctx<'_>, args: Args, name: &str, align: char) -> PyResult<Value> {
    let (s, width, fill) = width_args(ctx, args, name)?;
    let spec = format::Spec {
        fill,
        align: Some(align),
        width,
        ..format::Spec::default()
    };
    let out = if align == '^' {
        // str.center puts the extra fill on the left when the padding is
        // odd and the string length is odd, unlike format's '^'.
        let len = s.chars().count();
        if len >= width {
            s
        } else {
            let total = width - len;
            let left = total / 2 + (total & len & 1);
            let fillc = |n| core::iter::repeat_n(fill, n).collect::<String>();
            alloc::format!("{}{s}{}", fillc(left), fillc(total - left))
        }
    } else {
        format::pad(&spec, "", &s, align)
    };
    ctx.new_string(out)
}

fn center(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    justify(ctx, args, "center", '^')
}

fn ljust(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    justify(ctx, args, "ljust", '<')
}

fn rjust(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    justify(ctx, args, "rjust", '>')
}

fn zfill(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "zfill", 2, 2, &[])?;
    let s = this(ctx, args)?;
    let w = ctx.arg(args, 1);
    let width = ctx.index_value(w)?.max(0) as usize;
    let len = s.chars().count();
    if len >= width {
        return ctx.new_string(s);
    }
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, s.as_str()),
    };
    let mut out = String::new();
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(core::iter::repeat_n('0', width - len));
    out.push_str(digits);
    ctx.new_string(out)
}

fn partition_impl(ctx: &mut Ctx<'_>, args: Args, name: &str, reverse: bool) -> PyResult<Value> {
    ctx.check_args(args, name, 2, 2, &[])?;
    let s = this(ctx, args)?;
    let v = ctx.arg(args, 1);
    let sep = str_arg(ctx, v, "must be")?;
    if sep.is_empty() {
        return Err(ctx.value_error("empty separator"));
    }
    let found = if reverse { s.rfind(&sep) } else { s.find(&sep) };
    let parts = match found {
        Some(i) => [
            String::from(&s[..i]),
            sep.clone(),
            String::from(&s[i + sep.len()..]),
        ],
        None if reverse => [String::new(), String::new(), s],
        None => [s, String::new(), String::new()],
    };
    let mut items = Vec::new();
    for p in parts {
        items.push(ctx.new_string(p)?);
    }
    ctx.new_tuple(items)
}

fn partition(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    partition_impl(ctx, args, "partition", false)
}

fn rpartition(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    partition_impl(ctx, args, "rpartition", true)
}

fn splitlines(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "splitlines", 1, 2, &["keepends"])?;
    let s = this(ctx, args)?;
    let keep = match ctx.kwarg(args, "keepends") {
        Some(v) => ctx.truthy(v)?,
        None if args.positional() > 1 => {
            let v = ctx.arg(args, 1);
            ctx.truthy(v)?
        }
        None => false,
    };
    let mut parts = Vec::new();
    let mut line = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            line.push(c);
            continue;
        }
        if keep {
            line.push(c);
        }
        if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            if keep {
                line.push('\n');
            }
        }
        parts.push(core::mem::take(&mut line));
    }
    if !line.is_empty() {
        parts.push(line);
    }
    new_list_of_strs(ctx, parts)
}

fn encode(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "encode", 1, 3, &["encoding", "errors"])?;
    let s = this(ctx, args)?;
    let encoding = match ctx.kwarg(args, "encoding") {
        Some(v) => text(ctx, v),
        None if args.positional() > 1 => {
            let v = ctx.arg(args, 1);
            text(ctx, v)
        }
        None => None,
    };
    let enc = encoding
        .unwrap_or_else(|| String::from("utf-8"))
        .to_lowercase()
        .replace('_', "-");
    let bytes: Vec<u8> = match enc.as_str() {
        "utf-8" | "utf8" => s.into_bytes(),
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if enc == "ascii" { 0x80 } else { 0x100 };
            let mut out = Vec::new();
            for (i, c) in s.chars().enumerate() {
                if (c as u32) >= limit {
                    let t = ctx.vm.types.unicode_encode_error;
                    let codec = if enc == "ascii" { "ascii" } else { "latin-1" };
                    return Err(ctx.error(t, alloc::format!(
                        "'{codec}' codec can't encode character '\\x{:02x}' in position {i}: ordinal not in range({limit})",
                        c as u32
                    )));
                }
                out.push(c as u32 as u8);
            }
            out
        }
        other => {
            let t = ctx.vm.types.lookup_error;
            return Err(ctx.error(t, alloc::format!("unknown encoding: {other}")));
        }
    };
    Ok(Value::Obj(
        ctx.alloc(Object::Bytes(bytes.into_boxed_slice()))?,
    ))
}

fn str_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args)?;
    crate::objects::str_format::format_method(ctx, &s, args)
}

fn case_swap(ctx: &mut Ctx<'_>, args: Args, kind: u8) -> PyResult<Value> {
    let s = this(ctx, args)?;
    let out: String = match kind {
        0 => {
            let mut out = String::new();
            let mut new_word = true;
            for c in s.chars() {
                if c.is_alphabetic() {
                    if new_word {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    new_word = false;
                } else {
                    out.push(c);
                    new_word = true;
                }
            }
            out
        }
        1 => {
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        }
        _ => s
            .chars()
            .flat_map(|c| -> Vec<char> {
                if c.is_uppercase() {
                    c.to_lowercase().collect()
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect(),
    };
    ctx.new_string(out)
}

fn title(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    case_swap(ctx, args, 0)
}

fn capitalize(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    case_swap(ctx, args, 1)
}

fn swapcase(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    case_swap(ctx, args, 2)
}

fn str_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let s = this(ctx, args)?;
    Ok(Value::Int(s.chars().count() as i64))
}

/// Methods of `str`.
pub static STR_METHODS: &[Native] = &[
    Native::static_method("__new__", str_new),
    Native::method("__len__", str_len),
    Native::method("join", join),
    Native::method("split", split),
    Native::method("rsplit", rsplit),
    Native::method("strip", strip),
    Native::method("lstrip", lstrip),
    Native::method("rstrip", rstrip),
    Native::method("upper", upper),
    Native::method("lower", lower),
    Native::method("replace", replace),
    Native::method("startswith", startswith),
    Native::method("endswith", endswith),
    Native::method("find", find),
    Native::method("rfind", rfind),
    Native::method("index", index),
    Native::method("rindex", rindex),
    Native::method("count", count),
    Native::method("isdigit", isdigit),
    Native::method("isdecimal", isdecimal),
    Native::method("isnumeric", isnumeric),
    Native::method("isalpha", isalpha),
    Native::method("isalnum", isalnum),
    Native::method("isspace", isspace),
    Native::method("isupper", isupper),
    Native::method("islower", islower),
    Native::method("center", center),
    Native::method("ljust", ljust),
    Native::method("rjust", rjust),
    Native::method("zfill", zfill),
    Native::method("partition", partition),
    Native::method("rpartition", rpartition),
    Native::method("splitlines", splitlines),
    Native::method("encode", encode),
    Native::method("format", str_format),
    Native::method("title", title),
    Native::method("capitalize", capitalize),
    Native::method("swapcase", swapcase),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_picks_quotes_like_cpython() {
        assert_eq!(repr("abc"), "'abc'");
        assert_eq!(repr("it's"), "\"it's\"");
        assert_eq!(repr("say \"hi\" it's"), "'say \"hi\" it\\'s'");
        assert_eq!(repr("a\nb\t\x01"), "'a\\nb\\t\\x01'");
    }

    #[test]
    fn whitespace_split_honours_maxsplit() {
        assert_eq!(split_whitespace("  a  b c ", -1), ["a", "b", "c"]);
        assert_eq!(split_whitespace("  a  b c ", 1), ["a", "b c "]);
        assert!(split_whitespace("   ", -1).is_empty());
    }

    #[test]
    fn hash_is_never_minus_one() {
        assert_ne!(hash_str("x"), -1);
        assert_eq!(hash_str("abc"), hash_str("abc"));
    }
}
