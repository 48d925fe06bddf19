//! Turning values into text: `repr()`, `str()`, `format()` with the format
//! specification mini-language, f-string fields and the REPL echo.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::interp::Ctx;
use crate::objects::{self, Object};
use crate::value::Value;
use crate::{Flow, PyResult};

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
            // Only containers guard against containing themselves; a
            // user `__repr__` that recurses hits the recursion limit.
            if !matches!(
                ctx.vm.heap.get(r),
                Object::List(_) | Object::Dict(_) | Object::Set(_) | Object::Tuple(_)
            ) {
                return repr_obj(ctx, v);
            }
            ctx.check_stack(" while getting the repr of an object")?;
            if ctx.vm.repr_guard.contains(&r) {
                return Ok(String::from(match ctx.vm.heap.get(r) {
                    Object::List(_) => "[...]",
                    Object::Dict(_) => "{...}",
                    _ => "...",
                }));
            }
            ctx.vm.repr_guard.push(r);
            let result = repr_obj(ctx, v);
            ctx.vm.repr_guard.pop();
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
        Object::Instance(i) => {
            // A subclass of set or frozenset shows its class name.
            let ty = ctx.type_of(v);
            if let crate::objects::instance::Payload::Value(Value::Obj(inner)) = i.payload
                && let Object::Set(_) = ctx.vm.heap.get(inner)
                && !ctx.has_python_method(ty, "__repr__")
            {
                let body = repr(ctx, Value::Obj(inner))?;
                let name = ctx.type_name(v);
                let body = body
                    .strip_prefix("frozenset(")
                    .and_then(|b| b.strip_suffix(')'))
                    .unwrap_or(&body);
                let body = if body == "set()" { "" } else { body };
                return Ok(alloc::format!("{name}({body})"));
            }
            return call_repr_dunder(ctx, v, "__repr__");
        }
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
    // A subclass of a built-in type without its own method shows the
    // built-in value.
    if let Value::Native(_) = f {
        let inner = crate::interp::ops::unwrap_builtin(ctx, v);
        if !inner.is(v) {
            let is_str = ctx.str_ref(inner).is_some();
            let is_set = matches!(
                inner.as_obj().map(|r| ctx.vm.heap.get(r)),
                Some(Object::Set(_))
            );
            if is_set {
                return repr(ctx, v);
            }
            if name == "__str__" && !is_str && ctx.has_python_method(ty, "__repr__") {
                return call_repr_dunder(ctx, v, "__repr__");
            }
            return if name == "__str__" {
                str(ctx, inner)
            } else {
                repr(ctx, inner)
            };
        }
    }
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
    Ok(objects::str::escape_non_ascii(&r))
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

/// A parsed format specification (`[[fill]align][sign][z][#][0][width]
/// [grouping][.precision][type]`).
#[derive(Clone, Debug)]
pub struct Spec {
    /// Fill character.
    pub fill: char,
    /// `<`, `>`, `^` or `=`.
    pub align: char,
    /// `+`, `-`, ` ` or none.
    pub sign: Option<char>,
    /// `z`: negative zero shown without its sign.
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    /// Minimum width.
    pub width: usize,
    /// `,` or `_` grouping, and every how many digits.
    pub grouping: Option<(char, usize)>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub kind: Option<char>,
}

/// Parse a format spec the way CPython does for an object of type
/// `type_name` whose default alignment is `default_align`, with its
/// `ValueError` messages.
pub fn parse_spec(
    ctx: &mut Ctx<'_>,
    spec: &str,
    type_name: &str,
    default_align: char,
) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        kind: None,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let mut fill_given = false;
    let mut align_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = chars[1];
        fill_given = true;
        align_given = true;
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = chars[0];
        align_given = true;
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        s.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        s.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if !fill_given && chars.get(i) == Some(&'0') {
        s.fill = '0';
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        i += 1;
    }
    let too_many = |ctx: &mut Ctx<'_>| ctx.value_error("Too many decimal digits in format string");
    let number = |i: &mut usize| -> Option<Option<usize>> {
        let start = *i;
        let mut n: usize = 0;
        while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
            n = n.checked_mul(10)?.checked_add(d as usize)?;
            *i += 1;
        }
        Some((*i > start).then_some(n))
    };
    match number(&mut i) {
        Some(w) => s.width = w.unwrap_or(0),
        None => return Err(too_many(ctx)),
    }
    let both = |ctx: &mut Ctx<'_>| ctx.value_error("Cannot specify both ',' and '_'.");
    if chars.get(i) == Some(&',') {
        s.grouping = Some((',', 3));
        i += 1;
    }
    if chars.get(i) == Some(&'_') {
        if s.grouping.is_some() {
            return Err(both(ctx));
        }
        s.grouping = Some(('_', 3));
        i += 1;
    }
    if chars.get(i) == Some(&',') {
        return Err(both(ctx));
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        match number(&mut i) {
            Some(Some(p)) => s.precision = Some(p),
            Some(None) => return Err(ctx.value_error("Format specifier missing precision")),
            None => return Err(too_many(ctx)),
        }
    }
    if chars.len() > i + 1 {
        return Err(ctx.value_error(alloc::format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    s.kind = chars.get(i).copied();
    if let Some((sep, _)) = s.grouping {
        match s.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => s.grouping = Some(('_', 4)),
            Some(k) => {
                let shown = if (' '..='~').contains(&k) {
                    alloc::format!("'{k}'")
                } else {
                    alloc::format!("'\\x{:x}'", k as u32)
                };
                return Err(ctx.value_error(alloc::format!("Cannot specify '{sep}' with {shown}.")));
            }
        }
    }
    Ok(s)
}

/// `Unknown format code 'k' for object of type 'T'`.
pub fn unknown_code(ctx: &mut Ctx<'_>, kind: char, type_name: &str) -> Flow {
    let shown = if (' '..='~').contains(&kind) {
        alloc::format!("'{kind}'")
    } else {
        alloc::format!("'\\x{:x}'", kind as u32)
    };
    ctx.value_error(alloc::format!(
        "Unknown format code {shown} for object of type '{type_name}'"
    ))
}

/// Pad `body` (with `prefix`, the sign, placed before any `=` padding) to
/// the spec's width.
pub fn pad(spec: &Spec, prefix: &str, body: &str) -> String {
    let len = prefix.chars().count() + body.chars().count();
    if len >= spec.width {
        let mut out = String::with_capacity(prefix.len() + body.len());
        out.push_str(prefix);
        out.push_str(body);
        return out;
    }
    let n = spec.width - len;
    let fill = |out: &mut String, n: usize| out.extend(core::iter::repeat_n(spec.fill, n));
    let mut out = String::with_capacity(prefix.len() + body.len() + n * spec.fill.len_utf8());
    match spec.align {
        '<' => {
            out.push_str(prefix);
            out.push_str(body);
            fill(&mut out, n);
        }
        '^' => {
            fill(&mut out, n / 2);
            out.push_str(prefix);
            out.push_str(body);
            fill(&mut out, n - n / 2);
        }
        '=' => {
            out.push_str(prefix);
            fill(&mut out, n);
            out.push_str(body);
        }
        _ => {
            fill(&mut out, n);
            out.push_str(prefix);
            out.push_str(body);
        }
    }
    out
}

/// Insert the separator `sep` every `every` digits of `digits`.
pub fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Lay out a number: `prefix` (sign and `0x`), its integer `digits` and
/// the `rest` (fraction, exponent, `%`), grouped and padded as `spec`
/// says; zero padding with `=` alignment grows the digits, separators
/// included, as CPython does.
pub fn pad_number(spec: &Spec, prefix: &str, digits: &str, rest: &str) -> String {
    let Some((sep, every)) = spec.grouping else {
        let mut body = String::with_capacity(digits.len() + rest.len());
        body.push_str(digits);
        body.push_str(rest);
        return pad(spec, prefix, &body);
    };
    let mut n = digits.len();
    if spec.fill == '0' && spec.align == '=' {
        let room = spec
            .width
            .saturating_sub(prefix.chars().count() + rest.chars().count());
        while n + (n.max(1) - 1) / every < room {
            n += 1;
        }
    }
    let mut padded = String::with_capacity(n);
    padded.extend(core::iter::repeat_n('0', n - digits.len()));
    padded.push_str(digits);
    let mut body = group_digits(&padded, sep, every);
    body.push_str(rest);
    pad(spec, prefix, &body)
}

/// `format(s, spec)` for strings.
pub fn format_str(ctx: &mut Ctx<'_>, s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(String::from(s));
    }
    let p = parse_spec(ctx, spec, "str", '<')?;
    if let Some(k) = p.kind.filter(|k| *k != 's') {
        return Err(unknown_code(ctx, k, "str"));
    }
    let refuse = match () {
        _ if p.sign == Some(' ') => Some("Space not allowed in string format specifier"),
        _ if p.sign.is_some() => Some("Sign not allowed in string format specifier"),
        _ if p.no_neg_zero => {
            Some("Negative zero coercion (z) not allowed in string format specifier")
        }
        _ if p.alternate => Some("Alternate form (#) not allowed in string format specifier"),
        _ if p.align == '=' => Some("'=' alignment not allowed in string format specifier"),
        _ => None,
    };
    if let Some(msg) = refuse {
        return Err(ctx.value_error(msg));
    }
    if let Some((sep, _)) = p.grouping {
        return Err(ctx.value_error(alloc::format!("Cannot specify '{sep}' with 's'.")));
    }
    let body: &str = match p.precision {
        Some(n) => match s.char_indices().nth(n) {
            Some((b, _)) => &s[..b],
            None => s,
        },
        None => s,
    };
    Ok(pad(&p, "", body))
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
