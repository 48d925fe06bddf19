//! Turning values into text: `repr()`, `str()`, `format()` with the format
//! specification mini-language, f-string fields and the REPL echo.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::PyResult;
use crate::interp::Ctx;
use crate::objects::{self, Object};
use crate::value::Value;

/// A stable, address-like number for `id()` and default reprs.
pub fn address(v: Value) -> u64 {
    match v {
        Value::Obj(r) => 0x7f00_0000_0000 + (r.index() as u64) * 16,
        Value::Native(n) => n as *const _ as usize as u64,
        Value::Int(i) => 0x7e00_0000_0000u64.wrapping_add((i as u64).wrapping_mul(32)),
        Value::Float(f) => 0x7d00_0000_0000u64 ^ f.to_bits(),
        Value::Bool(b) => 0x7c00_0000_0000 + b as u64 * 16,
        Value::None => 0x7c00_0000_0100,
        Value::NotImplemented => 0x7c00_0000_0200,
        Value::Ellipsis => 0x7c00_0000_0300,
        Value::Unbound => 0,
    }
}

/// `repr(v)`.
pub fn repr(ctx: &mut Ctx<'_>, v: Value) -> PyResult<String> {
    Ok(match v {
        Value::None => String::from("None"),
        Value::Bool(true) => String::from("True"),
        Value::Bool(false) => String::from("False"),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => objects::float::repr(f),
        Value::NotImplemented => String::from("NotImplemented"),
        Value::Ellipsis => String::from("Ellipsis"),
        Value::Unbound => String::from("<unbound>"),
        Value::Native(n) => alloc::format!("<built-in function {}>", n.name),
        Value::Obj(r) => {
            if ctx.th.repr_guard.contains(&r) {
                return Ok(String::from(match ctx.vm.heap.get(r) {
                    Object::List(_) => "[...]",
                    Object::Dict(_) => "{...}",
                    _ => "...",
                }));
            }
            ctx.th.repr_guard.push(r);
            let result = repr_obj(ctx, v);
            ctx.th.repr_guard.pop();
            result?
        }
    })
}

fn join_reprs(ctx: &mut Ctx<'_>, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(ctx, *item)?);
    }
    Ok(out)
}

fn repr_obj(ctx: &mut Ctx<'_>, v: Value) -> PyResult<String> {
    let Value::Obj(r) = v else {
        return Ok(String::new());
    };
    let addr = address(v);
    Ok(match ctx.vm.heap.get(r) {
        Object::Str(s) => objects::str::repr(s.as_str()),
        Object::Bytes(b) => objects::bytes::repr(b),
        Object::ByteArray(b) => alloc::format!("bytearray({})", objects::bytes::repr(b)),
        Object::BigInt(b) => objects::int::big_to_string(ctx, &b.clone())?,
        Object::List(items) => {
            let items = items.clone();
            alloc::format!("[{}]", join_reprs(ctx, &items)?)
        }
        Object::Tuple(items) => {
            let items = items.to_vec();
            if items.len() == 1 {
                alloc::format!("({},)", repr(ctx, items[0])?)
            } else {
                alloc::format!("({})", join_reprs(ctx, &items)?)
            }
        }
        Object::Dict(d) => {
            let pairs: Vec<(Value, Value)> = d.iter().map(|e| (e.key, e.value)).collect();
            let mut out = String::from("{");
            for (i, (k, val)) in pairs.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(ctx, k)?);
                out.push_str(": ");
                out.push_str(&repr(ctx, val)?);
            }
            out.push('}');
            out
        }
        Object::Set(s) => {
            let frozen = s.frozen;
            let items: Vec<Value> = s.iter().map(|(_, k)| k).collect();
            match (frozen, items.is_empty()) {
                (false, true) => String::from("set()"),
                (true, true) => String::from("frozenset()"),
                (false, false) => alloc::format!("{{{}}}", join_reprs(ctx, &items)?),
                (true, false) => alloc::format!("frozenset({{{}}})", join_reprs(ctx, &items)?),
            }
        }
        Object::DictView(kind, d) => {
            let (kind, d) = (*kind, *d);
            let items = objects::dict::view_items(ctx, kind, d)?;
            alloc::format!("{}([{}])", kind.name(), join_reprs(ctx, &items)?)
        }
        Object::Range(rg) => {
            if rg.step == 1 {
                alloc::format!("range({}, {})", rg.start, rg.stop)
            } else {
                alloc::format!("range({}, {}, {})", rg.start, rg.stop, rg.step)
            }
        }
        Object::Slice(parts) => {
            let parts = **parts;
            alloc::format!("slice({})", join_reprs(ctx, &parts)?)
        }
        Object::Function(f) => {
            let q = String::from(ctx.str_ref(f.qualname).unwrap_or("?"));
            alloc::format!("<function {q} at {addr:#x}>")
        }
        Object::BoundMethod(m) => {
            let (recv, func) = (m.receiver, m.function);
            let fname = match func {
                Value::Native(n) => String::from(n.name),
                Value::Obj(f) => match ctx.vm.heap.get(f) {
                    Object::Function(f) => String::from(ctx.str_ref(f.qualname).unwrap_or("?")),
                    _ => String::from("?"),
                },
                _ => String::from("?"),
            };
            match func {
                Value::Native(_) => {
                    let t = ctx.type_name(recv);
                    alloc::format!(
                        "<built-in method {fname} of {t} object at {:#x}>",
                        address(recv)
                    )
                }
                _ => alloc::format!("<bound method {fname} of {}>", repr(ctx, recv)?),
            }
        }
        Object::Type(_) => {
            let name = ctx.qualified_type_name_for_repr(r);
            alloc::format!("<class '{name}'>")
        }
        Object::Module(m) => {
            let name = String::from(ctx.str_ref(m.name).unwrap_or("?"));
            alloc::format!("<module '{name}'>")
        }
        Object::Code(c) => {
            let name = String::from(ctx.str_ref(c.name).unwrap_or("?"));
            alloc::format!("<code object {name} at {addr:#x}>")
        }
        Object::Cell(_) => alloc::format!("<cell at {addr:#x}>"),
        Object::Generator(g) => {
            let q = String::from(ctx.str_ref(g.qualname).unwrap_or("?"));
            alloc::format!("<generator object {q} at {addr:#x}>")
        }
        Object::Lock(l) => {
            let state = if l.locked { "locked" } else { "unlocked" };
            alloc::format!("<{state} _thread.lock object at {addr:#x}>")
        }
        Object::Instance(_) => return call_repr_dunder(ctx, v, "__repr__"),
        Object::Property(_)
        | Object::Foreign(_)
        | Object::StaticMethod(_)
        | Object::ClassMethod(_)
        | Object::Super(_)
        | Object::Iter(_)
        | Object::Free(_) => {
            let t = ctx.type_name(v);
            alloc::format!("<{t} object at {addr:#x}>")
        }
    })
}

fn call_repr_dunder(ctx: &mut Ctx<'_>, v: Value, name: &str) -> PyResult<String> {
    let ty = ctx.type_of(v);
    let Some(f) = ctx.type_lookup_str(ty, name) else {
        return Ok(String::from("<object>"));
    };
    let r = ctx.call(f, &[v])?;
    match ctx.str_ref(r) {
        Some(s) => Ok(String::from(s)),
        None => {
            let t = ctx.type_name(r);
            Err(ctx.type_error(alloc::format!("{name} returned non-string (type {t})")))
        }
    }
}

/// `str(v)`.
pub fn str(ctx: &mut Ctx<'_>, v: Value) -> PyResult<String> {
    if let Some(s) = ctx.str_ref(v)
        && !matches!(
            v.as_obj().map(|r| ctx.vm.heap.get(r)),
            Some(Object::Instance(_))
        )
    {
        return Ok(String::from(s));
    }
    if let Value::Obj(r) = v
        && let Object::Instance(_) = ctx.vm.heap.get(r)
    {
        return call_repr_dunder(ctx, v, "__str__");
    }
    repr(ctx, v)
}

/// `ascii(v)`: `repr` with non-ASCII characters escaped.
pub fn ascii(ctx: &mut Ctx<'_>, v: Value) -> PyResult<String> {
    let r = repr(ctx, v)?;
    let mut out = String::new();
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&alloc::format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&alloc::format!("\\u{n:04x}"));
        } else {
            out.push_str(&alloc::format!("\\U{n:08x}"));
        }
    }
    Ok(out)
}

/// The f-string `FormatValue`: apply the conversion (1 `!s`, 2 `!r`,
/// 3 `!a`) and the spec, returning a `str` value.
pub fn format_value(ctx: &mut Ctx<'_>, v: Value, conversion: u32, spec: Value) -> PyResult<Value> {
    let converted = match conversion {
        1 => Some(str(ctx, v)?),
        2 => Some(repr(ctx, v)?),
        3 => Some(ascii(ctx, v)?),
        _ => None,
    };
    let spec_text = match spec {
        Value::Unbound => String::new(),
        s => String::from(ctx.str_ref(s).unwrap_or("")),
    };
    let text = match converted {
        Some(s) if spec_text.is_empty() => s,
        Some(s) => format_str(ctx, &s, &spec_text)?,
        None => format(ctx, v, &spec_text)?,
    };
    ctx.new_string(text)
}

/// `format(v, spec)`.
pub fn format(ctx: &mut Ctx<'_>, v: Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Int(_) | Value::Bool(_) if !(spec.is_empty() && matches!(v, Value::Bool(_))) => {
            objects::int::format(ctx, v, spec)
        }
        Value::Float(f) => objects::float::format(ctx, f, spec),
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::Str(s) => {
                let s = String::from(s.as_str());
                format_str(ctx, &s, spec)
            }
            Object::BigInt(_) => objects::int::format(ctx, v, spec),
            Object::Instance(_) => {
                let ty = ctx.type_of(v);
                match ctx.type_lookup_str(ty, "__format__") {
                    Some(f) => {
                        let spec_v = ctx.new_str(spec)?;
                        let r = ctx.call(f, &[v, spec_v])?;
                        match ctx.str_ref(r) {
                            Some(s) => Ok(String::from(s)),
                            None => {
                                let t = ctx.type_name(r);
                                Err(ctx.type_error(alloc::format!(
                                    "__format__ must return a str, not {t}"
                                )))
                            }
                        }
                    }
                    None => str(ctx, v),
                }
            }
            _ => format_default(ctx, v, spec),
        },
        _ => format_default(ctx, v, spec),
    }
}

fn format_default(ctx: &mut Ctx<'_>, v: Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return str(ctx, v);
    }
    let t = ctx.type_name(v);
    Err(ctx.type_error(alloc::format!(
        "unsupported format string passed to {t}.__format__"
    )))
}

/// A parsed format specification.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// Fill character.
    pub fill: char,
    /// `<`, `>`, `^`, `=` or none.
    pub align: Option<char>,
    /// `+`, `-`, ` ` or none.
    pub sign: Option<char>,
    /// `#`.
    pub alternate: bool,
    /// Minimum width.
    pub width: usize,
    /// `,` or `_` grouping.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub kind: Option<char>,
}

/// Parse a format spec; `None` when it is malformed.
pub fn parse_spec(spec: &str) -> Option<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec {
        fill: ' ',
        ..Spec::default()
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        if s.align.is_none() {
            s.fill = '0';
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        s.precision = Some(chars[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    (i == chars.len()).then_some(s)
}

/// Pad `body` (with `sign_prefix` placed before any `=` padding) to the
/// spec's width.
pub fn pad(spec: &Spec, sign_prefix: &str, body: &str, default_align: char) -> String {
    let len = sign_prefix.chars().count() + body.chars().count();
    if len >= spec.width {
        return alloc::format!("{sign_prefix}{body}");
    }
    let fill_n = spec.width - len;
    let fill = |n: usize| core::iter::repeat_n(spec.fill, n).collect::<String>();
    match spec.align.unwrap_or(default_align) {
        '<' => alloc::format!("{sign_prefix}{body}{}", fill(fill_n)),
        '^' => alloc::format!(
            "{}{sign_prefix}{body}{}",
            fill(fill_n / 2),
            fill(fill_n - fill_n / 2)
        ),
        '=' => alloc::format!("{sign_prefix}{}{body}", fill(fill_n)),
        _ => alloc::format!("{}{sign_prefix}{body}", fill(fill_n)),
    }
}

/// Insert a grouping separator every `every` digits of `digits`.
pub fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// `format(s, spec)` for strings.
pub fn format_str(ctx: &mut Ctx<'_>, s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(String::from(s));
    }
    let Some(p) = parse_spec(spec) else {
        return Err(ctx.value_error("Invalid format specifier"));
    };
    if let Some(k) = p.kind.filter(|k| *k != 's') {
        return Err(ctx.value_error(alloc::format!(
            "Unknown format code '{k}' for object of type 'str'"
        )));
    }
    if p.sign.is_some() {
        return Err(ctx.value_error("Sign not allowed in string format specifier"));
    }
    if p.align == Some('=') {
        return Err(ctx.value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match p.precision {
        Some(n) => s.chars().take(n).collect(),
        None => String::from(s),
    };
    Ok(pad(&p, "", &body, '<'))
}

/// The REPL echo of an expression statement's value.
pub fn print_expr(ctx: &mut Ctx<'_>, v: Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let mut text = repr(ctx, v)?;
    text.push('\n');
    ctx.vm.host.write_stdout(&text);
    let key = ctx.intern("_")?;
    let builtins = crate::value::Value::Obj(ctx.vm.builtins);
    ctx.dict_set(builtins, key, v)
}
