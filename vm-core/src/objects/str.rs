//! `str`: immutable Unicode text, stored as UTF-8 with its hash and
//! character count. ASCII strings index in constant time; other strings
//! walk their UTF-8 once per operation, so no method is quadratic.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::BinOp;
use crate::interp::{Ctx, format, iter};
use crate::native::{Args, Native, Sig};
use crate::objects::instance::Payload;
use crate::objects::{Object, codec, int, list, percent, unicode};
use crate::value::Value;
use crate::{Flow, PyResult};

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

    /// Byte offset of the character at index `i` (the end when `i` is past
    /// it).
    fn byte_at(&self, i: usize) -> usize {
        if self.is_ascii() || i == 0 {
            return i.min(self.text.len());
        }
        if i >= self.chars {
            return self.text.len();
        }
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |c| c.0)
    }
}

/// Index in characters of byte offset `byte` of `s`.
fn char_index(s: &str, byte: usize) -> usize {
    if s.is_ascii() {
        byte
    } else {
        s[..byte].chars().count()
    }
}

/// Append `c` escaped as `repr` shows a non-printable character.
fn push_escape(out: &mut String, c: char) {
    let n = c as u32;
    let s = if n < 0x100 {
        alloc::format!("\\x{n:02x}")
    } else if n < 0x10000 {
        alloc::format!("\\u{n:04x}")
    } else {
        alloc::format!("\\U{n:08x}")
    };
    out.push_str(&s);
}

/// CPython's `repr` of a string: quotes chosen to avoid escaping,
/// non-printable characters escaped.
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
            c if unicode::is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `repr` with every non-ASCII character escaped (`ascii()`).
pub fn escape_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// The `str` object of `v`: a str, or the str inside an instance of a
/// `str` subclass.
pub fn str_obj<'a>(ctx: &'a Ctx<'_>, v: Value) -> Option<&'a StrObj> {
    match ctx.vm.heap.get(v.as_obj()?) {
        Object::Str(s) => Some(s),
        Object::Instance(i) => match i.payload {
            Payload::Value(inner) => str_obj(ctx, inner),
            _ => None,
        },
        _ => None,
    }
}

/// The text of a value known to be a str.
fn text<'a>(ctx: &'a Ctx<'_>, v: Value) -> &'a str {
    ctx.str_ref(v).unwrap_or("")
}

/// Whether `v` is exactly a `str` (not a subclass instance).
fn is_exact(ctx: &Ctx<'_>, v: Value) -> bool {
    matches!(v.as_obj().map(|r| ctx.vm.heap.get(r)), Some(Object::Str(_)))
}

/// `self` of a `str` method, checked.
fn this(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, "str", name));
    }
    let v = ctx.arg(args, 0);
    if ctx.str_ref(v).is_some() {
        return Ok(v);
    }
    Err(crate::native::descriptor_error(ctx, "str", name, v))
}

/// `TypeError: {prefix}must be str, not T` unless `v` is a str.
fn need_str(ctx: &mut Ctx<'_>, v: Value, prefix: &str) -> PyResult<()> {
    if ctx.str_ref(v).is_some() {
        return Ok(());
    }
    let t = ctx.type_name(v);
    Err(ctx.type_error(alloc::format!("{prefix}must be str, not {t}")))
}

/// The `str` result of a method: `self` itself when the text did not
/// change and `self` is exactly a str, else a new string.
fn result(ctx: &mut Ctx<'_>, me: Value, out: Option<String>) -> PyResult<Value> {
    match out {
        None if is_exact(ctx, me) => Ok(me),
        None => {
            let s = String::from(text(ctx, me));
            ctx.new_string(s)
        }
        Some(s) => ctx.new_string(s),
    }
}

/// The `str` holding one character: interned, so indexing and iterating
/// a string make no new objects for characters already in use.
pub fn new_char(ctx: &mut Ctx<'_>, c: char) -> PyResult<Value> {
    let mut buf = [0u8; 4];
    ctx.intern(c.encode_utf8(&mut buf))
}

/// `str + str`, `str * int`, `str % args`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if ctx.str_ref(a).is_none() {
        return Ok(None);
    }
    match op {
        BinOp::Add => {
            let (Some(left), Some(right)) = (ctx.str_ref(a), ctx.str_ref(b)) else {
                return Ok(None);
            };
            let mut s = String::with_capacity(left.len() + right.len());
            s.push_str(left);
            s.push_str(right);
            Ok(Some(ctx.new_string(s)?))
        }
        BinOp::Mul => {
            if !int::is_int(ctx, b) {
                return Ok(None);
            }
            let n = repeat_count(ctx, b)?;
            let len = text(ctx, a).len();
            let Some(size) = len.checked_mul(n) else {
                return Err(ctx.overflow_error("repeated string is too long"));
            };
            ctx.room(size)?;
            let s = text(ctx, a).repeat(n);
            Ok(Some(ctx.new_string(s)?))
        }
        BinOp::Mod => Ok(Some(percent::format_str(ctx, a, b)?)),
        _ => Ok(None),
    }
}

/// The repeat count of `seq * n`: negative counts are zero, counts beyond
/// 64 bits an `OverflowError`.
pub fn repeat_count(ctx: &mut Ctx<'_>, n: Value) -> PyResult<usize> {
    match int::small_int(ctx, n) {
        Some(i) => Ok(i.max(0) as usize),
        None => Err(ctx.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

/// `s[index]` and `s[slice]`.
pub fn subscr(ctx: &mut Ctx<'_>, obj: Value, index: Value) -> PyResult<Value> {
    if list::is_slice(ctx, index) {
        let len = str_obj(ctx, obj).map_or(0, StrObj::char_len);
        let (start, stop, step) = ctx.slice_indices(index, len as i64)?;
        let Some(o) = str_obj(ctx, obj) else {
            return ctx.new_str("");
        };
        let picked: String = if step == 1 {
            if start >= stop {
                String::new()
            } else {
                let (a, b) = (o.byte_at(start as usize), o.byte_at(stop as usize));
                String::from(&o.as_str()[a..b])
            }
        } else if o.is_ascii() {
            list::slice_positions(start, stop, step)
                .map(|i| o.as_str().as_bytes()[i] as char)
                .collect()
        } else {
            let chars: Vec<char> = o.as_str().chars().collect();
            list::slice_positions(start, stop, step)
                .map(|i| chars[i])
                .collect()
        };
        return ctx.new_string(picked);
    }
    let i = match int::small_int(ctx, index) {
        Some(i) => i,
        None if int::is_int(ctx, index) => {
            return Err(ctx.index_error("cannot fit 'int' into an index-sized integer"));
        }
        None => {
            let inner = crate::interp::ops::unwrap_builtin(ctx, index);
            let has_index = !matches!(index, Value::Float(_))
                && ctx
                    .type_lookup_str(ctx.type_of(index), "__index__")
                    .is_some();
            if !int::is_int(ctx, inner) && !has_index {
                let t = ctx.type_name(index);
                return Err(
                    ctx.type_error(alloc::format!("string indices must be integers, not '{t}'"))
                );
            }
            ctx.index_value(index)?
        }
    };
    let Some(o) = str_obj(ctx, obj) else {
        return Err(ctx.index_error("string index out of range"));
    };
    let len = o.char_len() as i64;
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(ctx.index_error("string index out of range"));
    }
    let c = if o.is_ascii() {
        o.as_str().as_bytes()[j as usize] as char
    } else {
        o.as_str().chars().nth(j as usize).unwrap_or(' ')
    };
    new_char(ctx, c)
}

/// `needle in hay` for two strings.
pub fn contains(ctx: &mut Ctx<'_>, hay: Value, needle: Value) -> PyResult<bool> {
    match (ctx.str_ref(hay), ctx.str_ref(needle)) {
        (Some(h), Some(n)) => Ok(h.contains(n)),
        _ => {
            let t = ctx.type_name(needle);
            Err(ctx.type_error(alloc::format!(
                "'in <string>' requires string as left operand, not {t}"
            )))
        }
    }
}

static STR_NEW: Sig = Sig::new("str", &["object", "encoding", "errors"], 0);

fn str_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let [object, encoding, errors] = ctx.bind(args, 1, &STR_NEW)?;
    let cls = ctx.arg(args, 0);
    let s = match object {
        None => ctx.new_str("")?,
        Some(v) if encoding.is_some() || errors.is_some() => {
            let encoding = codec::name_arg(ctx, encoding, "str", "encoding")?;
            let errors = codec::name_arg(ctx, errors, "str", "errors")?;
            codec::decode_value(ctx, v, &encoding, &errors)?
        }
        Some(v) if is_exact(ctx, v) => v,
        Some(v) => {
            let s = format::str(ctx, v)?;
            ctx.new_string(s)?
        }
    };
    crate::interp::class::wrap_builtin(ctx, cls, s)
}

fn join(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "join")?;
    let iterable = ctx.one_arg(args, 1, "str", "join")?;
    let items = match iterable.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::List(items)) => items.clone(),
        Some(Object::Tuple(items)) => items.to_vec(),
        _ => {
            let it = match iter::get_iter(ctx, iterable) {
                Ok(it) => it,
                Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
                    return Err(ctx.type_error("can only join an iterable"));
                }
                Err(e) => return Err(e),
            };
            let mut items = Vec::new();
            while let Some(v) = ctx.next(it)? {
                items.push(v);
            }
            items
        }
    };
    let sep_len = text(ctx, me).len();
    let mut total = sep_len * items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        match ctx.str_ref(*item) {
            Some(s) => total += s.len(),
            None => {
                let t = ctx.type_name(*item);
                return Err(ctx.type_error(alloc::format!(
                    "sequence item {i}: expected str instance, {t} found"
                )));
            }
        }
    }
    if items.len() == 1 && is_exact(ctx, items[0]) {
        return Ok(items[0]);
    }
    ctx.room(total)?;
    let mut out = String::with_capacity(total);
    let sep = text(ctx, me);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(text(ctx, *item));
    }
    ctx.new_string(out)
}

fn new_list_of_strs<'a>(
    ctx: &mut Ctx<'_>,
    parts: impl IntoIterator<Item = &'a str>,
) -> PyResult<Value> {
    let parts: Vec<String> = parts.into_iter().map(String::from).collect();
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(ctx.new_string(p)?);
    }
    ctx.new_list(items)
}

static SPLIT: Sig = Sig::new("split", &["sep", "maxsplit"], 0);
static RSPLIT: Sig = Sig::new("rsplit", &["sep", "maxsplit"], 0);

/// The `sep` and `maxsplit` of `split`/`rsplit` (`maxsplit < 0` is no
/// limit).
fn split_args(ctx: &mut Ctx<'_>, args: Args, sig: &Sig) -> PyResult<(Value, Option<Value>, usize)> {
    let me = this(ctx, args, sig.name)?;
    let [sep, maxsplit] = ctx.bind(args, 1, sig)?;
    let max = match maxsplit {
        Some(v) => ctx.index_value(v)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let sep = sep.filter(|v| !v.is_none());
    if let Some(sep) = sep {
        if ctx.str_ref(sep).is_none() {
            let t = ctx.type_name(sep);
            return Err(ctx.type_error(alloc::format!("must be str or None, not {t}")));
        }
        if text(ctx, sep).is_empty() {
            return Err(ctx.value_error("empty separator"));
        }
    }
    Ok((me, sep, max))
}

fn split(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (me, sep, max) = split_args(ctx, args, &SPLIT)?;
    let s = text(ctx, me);
    let parts: Vec<&str> = match sep {
        Some(sep) => s.splitn(max.saturating_add(1), text(ctx, sep)).collect(),
        None => split_whitespace(s, max),
    };
    let parts: Vec<String> = parts.into_iter().map(String::from).collect();
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(ctx.new_string(p)?);
    }
    ctx.new_list(items)
}

fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_start_matches(unicode::is_space);
    while !rest.is_empty() {
        if parts.len() == max {
            parts.push(rest);
            break;
        }
        let end = rest.find(unicode::is_space).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(unicode::is_space);
    }
    parts
}

fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_end_matches(unicode::is_space);
    while !rest.is_empty() {
        if parts.len() == max {
            parts.push(rest);
            break;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|(_, c)| unicode::is_space(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        parts.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(unicode::is_space);
    }
    parts.reverse();
    parts
}

fn rsplit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (me, sep, max) = split_args(ctx, args, &RSPLIT)?;
    let s = text(ctx, me);
    let parts: Vec<&str> = match sep {
        Some(sep) => {
            let mut p: Vec<&str> = s.rsplitn(max.saturating_add(1), text(ctx, sep)).collect();
            p.reverse();
            p
        }
        None => rsplit_whitespace(s, max),
    };
    let parts: Vec<String> = parts.into_iter().map(String::from).collect();
    new_list_of_strs(ctx, parts.iter().map(String::as_str))
}

fn strip_chars(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    ctx.positional_only(args, 1, "str", name, 0, 1)?;
    let chars = ctx.opt_arg(args, 1).filter(|v| !v.is_none());
    if let Some(c) = chars
        && ctx.str_ref(c).is_none()
    {
        return Err(ctx.type_error(alloc::format!("{name} arg must be None or str")));
    }
    let s = text(ctx, me);
    let set = chars.map(|c| text(ctx, c));
    let matches = |c: char| match set {
        Some(set) => set.contains(c),
        None => unicode::is_space(c),
    };
    let mut out = s;
    if left {
        out = out.trim_start_matches(matches);
    }
    if right {
        out = out.trim_end_matches(matches);
    }
    let out = (out.len() != s.len()).then(|| String::from(out));
    result(ctx, me, out)
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

/// A method mapping the text to new text, taking no arguments.
fn map_text(ctx: &mut Ctx<'_>, args: Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    ctx.no_args(args, "str", name)?;
    let out = f(text(ctx, me));
    ctx.new_string(out)
}

fn upper(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_text(ctx, args, "upper", str::to_uppercase)
}

fn lower(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_text(ctx, args, "lower", str::to_lowercase)
}

fn casefold(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_text(ctx, args, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            unicode::push_casefold(&mut out, c);
        }
        out
    })
}

fn title(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_text(ctx, args, "title", |s| {
        let mut out = String::with_capacity(s.len());
        let mut previous_cased = false;
        for c in s.chars() {
            if previous_cased {
                out.extend(c.to_lowercase());
            } else {
                unicode::push_title(&mut out, c);
            }
            previous_cased = unicode::is_cased(c);
        }
        out
    })
}

fn capitalize(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_text(ctx, args, "capitalize", |s| {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars();
        if let Some(first) = chars.next() {
            unicode::push_title(&mut out, first);
        }
        out.push_str(&chars.as_str().to_lowercase());
        out
    })
}

fn swapcase(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    map_text(ctx, args, "swapcase", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

fn replace(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "replace")?;
    ctx.positional_only(args, 1, "str", "replace", 2, 3)?;
    let (old, new) = (ctx.arg(args, 1), ctx.arg(args, 2));
    need_str(ctx, old, "replace() argument 1 ")?;
    need_str(ctx, new, "replace() argument 2 ")?;
    let count = match ctx.opt_arg(args, 3) {
        Some(c) => ctx.index_value(c)?,
        None => -1,
    };
    let count = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let (s, o, n) = (text(ctx, me), text(ctx, old), text(ctx, new));
    if count == 0 || (!o.is_empty() && !s.contains(o)) {
        return result(ctx, me, None);
    }
    let hits = if o.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(o).count()
    }
    .min(count);
    let size = (s.len() + hits.saturating_mul(n.len())).saturating_sub(hits * o.len());
    ctx.room(size)?;
    let (s, o, n) = (text(ctx, me), text(ctx, old), text(ctx, new));
    let out = if o.is_empty() {
        let mut out = String::with_capacity(size);
        for (i, c) in s.chars().enumerate() {
            if i < count {
                out.push_str(n);
            }
            out.push(c);
        }
        if hits > s.chars().count() {
            out.push_str(n);
        }
        out
    } else {
        s.replacen(o, n, count)
    };
    ctx.new_string(out)
}

/// The `start`/`end` arguments of `find`, `count`, `startswith`… resolved
/// against `len` characters, or `None` when nothing can match because
/// `start` is past the end or after `end`.
fn span(
    ctx: &mut Ctx<'_>,
    start: Option<Value>,
    end: Option<Value>,
    len: usize,
) -> PyResult<Option<(usize, usize)>> {
    let len = len as i64;
    let mut bound = |v: Option<Value>, default: i64| -> PyResult<i64> {
        match v {
            Some(v) if !v.is_none() => {
                let i = ctx.slice_bound(v)?;
                Ok(if i < 0 { (i + len).max(0) } else { i })
            }
            _ => Ok(default),
        }
    };
    let start = bound(start, 0)?;
    let end = bound(end, len)?.min(len);
    if start > len || start > end {
        return Ok(None);
    }
    Ok(Some((start as usize, end as usize)))
}

/// The text of `me` between characters `a` and `b`, and the character
/// index where it starts.
fn window<'a>(ctx: &'a Ctx<'_>, me: Value, a: usize, b: usize) -> &'a str {
    match str_obj(ctx, me) {
        Some(o) => &o.as_str()[o.byte_at(a)..o.byte_at(b)],
        None => "",
    }
}

fn find_impl(ctx: &mut Ctx<'_>, args: Args, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let me = this(ctx, args, name)?;
    ctx.varargs(args, 1, "str", name, 1, 3)?;
    let sub = ctx.arg(args, 1);
    let len = str_obj(ctx, me).map_or(0, StrObj::char_len);
    let (start, end) = (ctx.opt_arg(args, 2), ctx.opt_arg(args, 3));
    let found = span(ctx, start, end, len)?;
    need_str(ctx, sub, "")?;
    let Some((a, b)) = found else {
        return Ok(None);
    };
    let hay = window(ctx, me, a, b);
    let needle = text(ctx, sub);
    let found = if reverse {
        hay.rfind(needle)
    } else {
        hay.find(needle)
    };
    Ok(found.map(|p| a + char_index(hay, p)))
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
    let me = this(ctx, args, "count")?;
    ctx.varargs(args, 1, "str", "count", 1, 3)?;
    let sub = ctx.arg(args, 1);
    let len = str_obj(ctx, me).map_or(0, StrObj::char_len);
    let (start, end) = (ctx.opt_arg(args, 2), ctx.opt_arg(args, 3));
    let found = span(ctx, start, end, len)?;
    need_str(ctx, sub, "")?;
    let Some((a, b)) = found else {
        return Ok(Value::Int(0));
    };
    let needle = text(ctx, sub);
    let n = if needle.is_empty() {
        b - a + 1
    } else {
        window(ctx, me, a, b).matches(needle).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(ctx: &mut Ctx<'_>, args: Args, name: &str, starts: bool) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    ctx.varargs(args, 1, "str", name, 1, 3)?;
    let len = str_obj(ctx, me).map_or(0, StrObj::char_len);
    let (start, end) = (ctx.opt_arg(args, 2), ctx.opt_arg(args, 3));
    let found = span(ctx, start, end, len)?;
    let v = ctx.arg(args, 1);
    let candidates: Vec<Value> = match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(t)) => {
            let t = t.to_vec();
            for c in &t {
                if ctx.str_ref(*c).is_none() {
                    let tn = ctx.type_name(*c);
                    return Err(ctx.type_error(alloc::format!(
                        "tuple for {name} must only contain str, not {tn}"
                    )));
                }
            }
            t
        }
        _ if ctx.str_ref(v).is_some() => alloc::vec![v],
        _ => {
            let t = ctx.type_name(v);
            return Err(ctx.type_error(alloc::format!(
                "{name} first arg must be str or a tuple of str, not {t}"
            )));
        }
    };
    let Some((a, b)) = found else {
        return Ok(Value::Bool(false));
    };
    let sub = window(ctx, me, a, b);
    let hit = candidates.iter().any(|c| {
        let p = text(ctx, *c);
        if starts {
            sub.starts_with(p)
        } else {
            sub.ends_with(p)
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

/// A predicate method: true when the string is non-empty and every
/// character passes `f`.
fn predicate(ctx: &mut Ctx<'_>, args: Args, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    ctx.no_args(args, "str", name)?;
    let s = text(ctx, me);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn isdigit(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isdigit", unicode::is_digit)
}

fn isdecimal(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isdecimal", unicode::is_decimal)
}

fn isnumeric(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isnumeric", unicode::is_numeric)
}

fn isalpha(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isalpha", unicode::is_alpha)
}

fn isalnum(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isalnum", unicode::is_alnum)
}

fn isspace(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isspace", unicode::is_space)
}

fn isascii(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "isascii")?;
    ctx.no_args(args, "str", "isascii")?;
    Ok(Value::Bool(text(ctx, me).is_ascii()))
}

fn isprintable(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "isprintable")?;
    ctx.no_args(args, "str", "isprintable")?;
    Ok(Value::Bool(
        text(ctx, me).chars().all(unicode::is_printable),
    ))
}

fn isidentifier(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "isidentifier")?;
    ctx.no_args(args, "str", "isidentifier")?;
    let mut chars = text(ctx, me).chars();
    let ok = chars.next().is_some_and(unicode::is_id_start) && chars.all(unicode::is_id_continue);
    Ok(Value::Bool(ok))
}

/// `isupper` (`upper`) or `islower`: every cased character has that case
/// and there is at least one.
fn cased(ctx: &mut Ctx<'_>, args: Args, upper: bool) -> PyResult<Value> {
    let name = if upper { "isupper" } else { "islower" };
    let me = this(ctx, args, name)?;
    ctx.no_args(args, "str", name)?;
    let mut any = false;
    for c in text(ctx, me).chars() {
        let (same, other) = if upper {
            (c.is_uppercase(), c.is_lowercase())
        } else {
            (c.is_lowercase(), c.is_uppercase())
        };
        if other || unicode::is_title(c) {
            return Ok(Value::Bool(false));
        }
        any |= same;
    }
    Ok(Value::Bool(any))
}

fn isupper(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    cased(ctx, args, true)
}

fn islower(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    cased(ctx, args, false)
}

fn istitle(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "istitle")?;
    ctx.no_args(args, "str", "istitle")?;
    let (mut any, mut previous_cased) = (false, false);
    for c in text(ctx, me).chars() {
        if c.is_uppercase() || unicode::is_title(c) {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            any = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

/// The `width` and `fillchar` of `center`, `ljust`, `rjust`.
fn width_args(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<(Value, usize, char)> {
    let me = this(ctx, args, name)?;
    ctx.positional_only(args, 1, "str", name, 1, 2)?;
    let w = ctx.arg(args, 1);
    let width = ctx.index_value(w)?.max(0) as usize;
    let fill = match ctx.opt_arg(args, 2) {
        None => ' ',
        Some(f) => {
            let Some(s) = ctx.str_ref(f) else {
                let t = ctx.type_name(f);
                return Err(ctx.type_error(alloc::format!(
                    "The fill character must be a unicode character, not {t}"
                )));
            };
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        ctx.type_error("The fill character must be exactly one character long")
                    );
                }
            }
        }
    };
    Ok((me, width, fill))
}

/// Pad `me` to `width` with `left` fill characters before and the rest
/// after.
fn pad_to(
    ctx: &mut Ctx<'_>,
    me: Value,
    width: usize,
    fill: char,
    left: impl Fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let len = str_obj(ctx, me).map_or(0, StrObj::char_len);
    if len >= width {
        return result(ctx, me, None);
    }
    ctx.room(width * fill.len_utf8())?;
    let total = width - len;
    let before = left(total, len);
    let mut out = String::with_capacity(width * fill.len_utf8());
    out.extend(core::iter::repeat_n(fill, before));
    out.push_str(text(ctx, me));
    out.extend(core::iter::repeat_n(fill, total - before));
    ctx.new_string(out)
}

fn center(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (me, width, fill) = width_args(ctx, args, "center")?;
    // The extra fill goes left when both the padding and the width are odd.
    pad_to(ctx, me, width, fill, |total, _| {
        total / 2 + (total & width & 1)
    })
}

fn ljust(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (me, width, fill) = width_args(ctx, args, "ljust")?;
    pad_to(ctx, me, width, fill, |_, _| 0)
}

fn rjust(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (me, width, fill) = width_args(ctx, args, "rjust")?;
    pad_to(ctx, me, width, fill, |total, _| total)
}

fn zfill(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "zfill")?;
    let w = ctx.one_arg(args, 1, "str", "zfill")?;
    let width = ctx.index_value(w)?.max(0) as usize;
    let len = str_obj(ctx, me).map_or(0, StrObj::char_len);
    if len >= width {
        return result(ctx, me, None);
    }
    ctx.room(width * 4)?;
    let s = text(ctx, me);
    let (sign, digits) = match s.as_bytes().first() {
        Some(b'+' | b'-') => s.split_at(1),
        _ => ("", s),
    };
    let mut out = String::with_capacity(width + s.len());
    out.push_str(sign);
    out.extend(core::iter::repeat_n('0', width - len));
    out.push_str(digits);
    ctx.new_string(out)
}

fn partition_impl(ctx: &mut Ctx<'_>, args: Args, name: &str, reverse: bool) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    let sep = ctx.one_arg(args, 1, "str", name)?;
    need_str(ctx, sep, "")?;
    if text(ctx, sep).is_empty() {
        return Err(ctx.value_error("empty separator"));
    }
    let (s, p) = (text(ctx, me), text(ctx, sep));
    let found = if reverse { s.rfind(p) } else { s.find(p) };
    let parts = found.map(|i| (String::from(&s[..i]), String::from(&s[i + p.len()..])));
    let empty = ctx.new_str("")?;
    let items = match parts {
        Some((before, after)) => {
            let before = ctx.new_string(before)?;
            let after = ctx.new_string(after)?;
            let sep = result(ctx, sep, None)?;
            alloc::vec![before, sep, after]
        }
        None => {
            let whole = result(ctx, me, None)?;
            if reverse {
                alloc::vec![empty, empty, whole]
            } else {
                alloc::vec![whole, empty, empty]
            }
        }
    };
    ctx.new_tuple(items)
}

fn partition(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    partition_impl(ctx, args, "partition", false)
}

fn rpartition(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    partition_impl(ctx, args, "rpartition", true)
}

/// Whether `c` ends a line for `splitlines`.
pub fn is_line_break(c: char) -> bool {
    matches!(
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
    )
}

static SPLITLINES: Sig = Sig::new("splitlines", &["keepends"], 0);

fn splitlines(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "splitlines")?;
    let [keepends] = ctx.bind(args, 1, &SPLITLINES)?;
    let keep = match keepends {
        Some(v) => ctx.index_value(v)? != 0,
        None => false,
    };
    let s = text(ctx, me);
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n') {
            chars.next();
            end += 1;
        }
        parts.push(if keep { &s[start..end] } else { &s[start..i] });
        start = end;
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    let parts: Vec<String> = parts.into_iter().map(String::from).collect();
    new_list_of_strs(ctx, parts.iter().map(String::as_str))
}

static EXPANDTABS: Sig = Sig::new("expandtabs", &["tabsize"], 0);

fn expandtabs(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "expandtabs")?;
    let [tabsize] = ctx.bind(args, 1, &EXPANDTABS)?;
    let size = match tabsize {
        Some(v) => {
            let n = ctx.index_value(v)?;
            if n > i32::MAX as i64 {
                return Err(ctx.overflow_error("Python int too large to convert to C int"));
            }
            n.max(0) as usize
        }
        None => 8,
    };
    let s = text(ctx, me);
    if !s.contains('\t') {
        return result(ctx, me, None);
    }
    let tabs = s.matches('\t').count();
    ctx.room(s.len() + tabs * size)?;
    let s = text(ctx, me);
    let mut out = String::with_capacity(s.len() + tabs * size);
    let mut column = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - column % size;
                    out.extend(core::iter::repeat_n(' ', n));
                    column += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    ctx.new_string(out)
}

fn affix_remove(ctx: &mut Ctx<'_>, args: Args, name: &str, prefix: bool) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    let a = ctx.one_arg(args, 1, "str", name)?;
    if ctx.str_ref(a).is_none() {
        let t = if a.is_none() {
            String::from("None")
        } else {
            ctx.type_name(a)
        };
        return Err(ctx.type_error(alloc::format!("{name}() argument must be str, not {t}")));
    }
    let (s, p) = (text(ctx, me), text(ctx, a));
    let out = if prefix {
        s.strip_prefix(p)
    } else {
        s.strip_suffix(p)
    };
    let out = out.filter(|_| !p.is_empty()).map(String::from);
    result(ctx, me, out)
}

fn removeprefix(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix_remove(ctx, args, "removeprefix", true)
}

fn removesuffix(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    affix_remove(ctx, args, "removesuffix", false)
}

fn maketrans(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "maketrans", 1, 3)?;
    let x = ctx.arg(args, 0);
    let table = ctx.new_dict()?;
    if args.positional() == 1 {
        let entries: Vec<(Value, Value)> = match x.as_obj().map(|r| ctx.vm.heap.get(r)) {
            Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => {
                return Err(
                    ctx.type_error("if you give only one argument to maketrans it must be a dict")
                );
            }
        };
        for (k, v) in entries {
            let key = if let Some(s) = ctx.str_ref(k) {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::Int(c as i64),
                    _ => {
                        return Err(
                            ctx.value_error("string keys in translate table must be of length 1")
                        );
                    }
                }
            } else if int::is_int(ctx, k) {
                k
            } else {
                return Err(ctx.type_error("keys in translate table must be strings or integers"));
            };
            ctx.dict_set(table, key, v)?;
        }
        return Ok(table);
    }
    let y = ctx.arg(args, 1);
    for (i, v) in [(2, Some(y)), (3, ctx.opt_arg(args, 2))] {
        if let Some(v) = v
            && ctx.str_ref(v).is_none()
        {
            let t = ctx.type_name(v);
            return Err(ctx.type_error(alloc::format!(
                "maketrans() argument {i} must be str, not {t}"
            )));
        }
    }
    if ctx.str_ref(x).is_none() {
        return Err(ctx.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    }
    let from: Vec<char> = text(ctx, x).chars().collect();
    let to: Vec<char> = text(ctx, y).chars().collect();
    if from.len() != to.len() {
        return Err(ctx.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.into_iter().zip(to) {
        ctx.dict_set(table, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(z) = ctx.opt_arg(args, 2) {
        if ctx.str_ref(z).is_none() {
            let t = ctx.type_name(z);
            return Err(ctx.type_error(alloc::format!(
                "maketrans() argument 3 must be str, not {t}"
            )));
        }
        let gone: Vec<char> = text(ctx, z).chars().collect();
        for c in gone {
            ctx.dict_set(table, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(table)
}

fn translate(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "translate")?;
    let table = ctx.one_arg(args, 1, "str", "translate")?;
    let chars: Vec<char> = text(ctx, me).chars().collect();
    let mut out = String::with_capacity(chars.len());
    for c in chars {
        let key = Value::Int(c as i64);
        let mapped = match crate::interp::ops::subscr(ctx, table, key) {
            Ok(v) => v,
            Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if mapped.is_none() {
            continue;
        }
        if let Some(s) = ctx.str_ref(mapped) {
            out.push_str(s);
            continue;
        }
        if !int::is_int(ctx, mapped) {
            return Err(ctx.type_error("character mapping must return integer, None or str"));
        }
        let n = ctx.index_value(mapped)?;
        match u32::try_from(n).ok().and_then(char::from_u32) {
            Some(m) => out.push(m),
            None => {
                return Err(ctx.value_error("character mapping must be in range(0x110000)"));
            }
        }
    }
    ctx.new_string(out)
}

static ENCODE: Sig = Sig::new("encode", &["encoding", "errors"], 0);

fn encode(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "encode")?;
    let [encoding, errors] = ctx.bind(args, 1, &ENCODE)?;
    let encoding = codec::name_arg(ctx, encoding, "encode", "encoding")?;
    let errors = codec::name_arg(ctx, errors, "encode", "errors")?;
    let s = String::from(text(ctx, me));
    let bytes = codec::encode(ctx, &s, &encoding, &errors)?;
    Ok(Value::Obj(
        ctx.alloc(Object::Bytes(bytes.into_boxed_slice()))?,
    ))
}

fn str_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "format")?;
    let template = String::from(text(ctx, me));
    crate::objects::str_format::format_method(ctx, &template, args)
}

fn format_map(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "format_map")?;
    let mapping = ctx.one_arg(args, 1, "str", "format_map")?;
    let template = String::from(text(ctx, me));
    crate::objects::str_format::format_map(ctx, &template, mapping)
}

fn dunder_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__format__")?;
    let spec = ctx.one_arg(args, 1, "str", "__format__")?;
    if ctx.str_ref(spec).is_none() {
        let t = ctx.type_name(spec);
        return Err(ctx.type_error(alloc::format!("__format__() argument must be str, not {t}")));
    }
    let (s, spec) = (String::from(text(ctx, me)), String::from(text(ctx, spec)));
    let out = format::format_str(ctx, &s, &spec)?;
    ctx.new_string(out)
}

fn str_len(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__len__")?;
    ctx.no_args(args, "str", "__len__")?;
    Ok(Value::Int(
        str_obj(ctx, me).map_or(0, StrObj::char_len) as i64
    ))
}

fn str_contains(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__contains__")?;
    let needle = ctx.one_arg(args, 1, "str", "__contains__")?;
    Ok(Value::Bool(contains(ctx, me, needle)?))
}

fn str_getitem(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__getitem__")?;
    let index = ctx.one_arg(args, 1, "str", "__getitem__")?;
    subscr(ctx, me, index)
}

/// The dunder methods of the operators, which answer `NotImplemented` for
/// operands they do not support.
fn operator(ctx: &mut Ctx<'_>, args: Args, name: &str, op: BinOp, swap: bool) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    let other = ctx.one_arg(args, 1, "str", name)?;
    if op == BinOp::Mul {
        let n = ctx.index_int(other)?;
        return Ok(binary(ctx, op, me, n)?.unwrap_or(Value::NotImplemented));
    }
    let (a, b) = if swap { (other, me) } else { (me, other) };
    Ok(binary(ctx, op, a, b)?.unwrap_or(Value::NotImplemented))
}

fn str_add(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let r = operator(ctx, args, "__add__", BinOp::Add, false)?;
    if matches!(r, Value::NotImplemented) {
        let t = ctx.type_name(ctx.arg(args, 1));
        return Err(ctx.type_error(alloc::format!(
            "can only concatenate str (not \"{t}\") to str"
        )));
    }
    Ok(r)
}

fn str_mul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__mul__", BinOp::Mul, false)
}

fn str_rmul(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__rmul__", BinOp::Mul, true)
}

fn str_mod(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    operator(ctx, args, "__mod__", BinOp::Mod, false)
}

/// `__eq__`, `__lt__`…: compare with another str, else `NotImplemented`.
fn comparison(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    test: fn(core::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    let other = ctx.one_arg(args, 1, "str", name)?;
    match (ctx.str_ref(me), ctx.str_ref(other)) {
        (Some(a), Some(b)) => Ok(Value::Bool(test(a.cmp(b)))),
        _ => Ok(Value::NotImplemented),
    }
}

fn str_eq(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__eq__", core::cmp::Ordering::is_eq)
}

fn str_ne(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__ne__", core::cmp::Ordering::is_ne)
}

fn str_lt(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__lt__", core::cmp::Ordering::is_lt)
}

fn str_le(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__le__", core::cmp::Ordering::is_le)
}

fn str_gt(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__gt__", core::cmp::Ordering::is_gt)
}

fn str_ge(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    comparison(ctx, args, "__ge__", core::cmp::Ordering::is_ge)
}

fn str_hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__hash__")?;
    ctx.no_args(args, "str", "__hash__")?;
    Ok(Value::Int(str_obj(ctx, me).map_or(0, StrObj::hash)))
}

fn str_iter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__iter__")?;
    ctx.no_args(args, "str", "__iter__")?;
    iter::get_iter(ctx, me)
}

fn str_str(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__str__")?;
    ctx.no_args(args, "str", "__str__")?;
    result(ctx, me, None)
}

fn str_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let me = this(ctx, args, "__repr__")?;
    ctx.no_args(args, "str", "__repr__")?;
    let r = repr(text(ctx, me));
    ctx.new_string(r)
}

/// Methods of `str`, sorted by name length then name.
pub static STR_METHODS: &[Native] = &[
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
    Native::method("__eq__", str_eq),
    Native::method("__ge__", str_ge),
    Native::method("__gt__", str_gt),
    Native::method("__le__", str_le),
    Native::method("__lt__", str_lt),
    Native::method("__ne__", str_ne),
    Native::method("center", center),
    Native::method("encode", encode),
    Native::method("format", str_format),
    Native::method("lstrip", lstrip),
    Native::method("rindex", rindex),
    Native::method("rsplit", rsplit),
    Native::method("rstrip", rstrip),
    Native::method("__add__", str_add),
    Native::method("__len__", str_len),
    Native::method("__mod__", str_mod),
    Native::method("__mul__", str_mul),
    Native::static_method("__new__", str_new),
    Native::method("__str__", str_str),
    Native::method("isalnum", isalnum),
    Native::method("isalpha", isalpha),
    Native::method("isascii", isascii),
    Native::method("isdigit", isdigit),
    Native::method("islower", islower),
    Native::method("isspace", isspace),
    Native::method("istitle", istitle),
    Native::method("isupper", isupper),
    Native::method("replace", replace),
    Native::method("__hash__", str_hash),
    Native::method("__iter__", str_iter),
    Native::method("__repr__", str_repr),
    Native::method("__rmul__", str_rmul),
    Native::method("casefold", casefold),
    Native::method("endswith", endswith),
    Native::method("swapcase", swapcase),
    Native::method("isdecimal", isdecimal),
    Native::method("isnumeric", isnumeric),
    Native::static_method("maketrans", maketrans),
    Native::method("partition", partition),
    Native::method("translate", translate),
    Native::method("__format__", dunder_format),
    Native::method("capitalize", capitalize),
    Native::method("expandtabs", expandtabs),
    Native::method("format_map", format_map),
    Native::method("rpartition", rpartition),
    Native::method("splitlines", splitlines),
    Native::method("startswith", startswith),
    Native::method("__getitem__", str_getitem),
    Native::method("isprintable", isprintable),
    Native::method("__contains__", str_contains),
    Native::method("isidentifier", isidentifier),
    Native::method("removeprefix", removeprefix),
    Native::method("removesuffix", removesuffix),
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
        assert_eq!(repr("\u{200b}é\u{1f600}"), "'\\u200bé\u{1f600}'");
    }

    #[test]
    fn whitespace_split_honours_maxsplit() {
        assert_eq!(split_whitespace("  a  b c ", usize::MAX), ["a", "b", "c"]);
        assert_eq!(split_whitespace("  a  b c ", 1), ["a", "b c "]);
        assert!(split_whitespace("   ", usize::MAX).is_empty());
        assert_eq!(rsplit_whitespace("  a  b c ", 1), ["  a  b", "c"]);
        assert_eq!(split_whitespace("a\x1cb", usize::MAX), ["a", "b"]);
    }

    #[test]
    fn byte_offsets_of_characters() {
        let s = StrObj::new("aé😀b");
        assert_eq!(s.byte_at(0), 0);
        assert_eq!(s.byte_at(2), 3);
        assert_eq!(s.byte_at(3), 7);
        assert_eq!(s.byte_at(9), 8);
        assert_eq!(char_index("aé😀b", 7), 3);
    }

    #[test]
    fn hash_is_never_minus_one() {
        assert_ne!(hash_str("x"), -1);
        assert_eq!(hash_str("abc"), hash_str("abc"));
    }
}
