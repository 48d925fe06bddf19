//! printf-style formatting: `str % args` and `bytes % args`.
//!
//! Both run the same engine over characters; for `bytes` every byte is
//! carried as the character with the same code (Latin-1), so byte strings
//! pass through unchanged.

use alloc::string::String;
use alloc::vec::Vec;

use crate::interp::{Ctx, format, ops};
use crate::objects::{Object, bytes, float, int};
use crate::value::Value;
use crate::{Flow, PyResult};

/// `fmt % args` for a `str` format (returns a new `str`).
pub fn format_str(ctx: &mut Ctx<'_>, fmt: Value, args: Value) -> PyResult<Value> {
    let chars: Vec<char> = ctx.str_ref(fmt).unwrap_or("").chars().collect();
    let out = render(ctx, &chars, args, false)?;
    ctx.new_string(out)
}

/// `fmt % args` for a `bytes` or `bytearray` format.
pub fn format_bytes(ctx: &mut Ctx<'_>, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|b| *b as char).collect();
    let out = render(ctx, &chars, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// One conversion's flags, width and precision.
#[derive(Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// The arguments being consumed.
struct Source {
    items: Vec<Value>,
    next: usize,
    mapping: Option<Value>,
}

impl Source {
    fn next(&mut self, ctx: &mut Ctx<'_>) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok(*v)
            }
            None => Err(ctx.type_error("not enough arguments for format string")),
        }
    }
}

fn is_mapping(ctx: &Ctx<'_>, v: Value) -> bool {
    match v.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(_) | Object::Str(_)) => false,
        Some(Object::Dict(_) | Object::List(_) | Object::Bytes(_) | Object::ByteArray(_)) => true,
        Some(Object::Range(_)) => true,
        Some(Object::Instance(_)) => ctx.type_lookup_str(ctx.type_of(v), "__getitem__").is_some(),
        _ => false,
    }
}

fn render(ctx: &mut Ctx<'_>, fmt: &[char], args: Value, bytes_mode: bool) -> PyResult<String> {
    let tuple = match args.as_obj().map(|r| ctx.vm.heap.get(r)) {
        Some(Object::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    };
    let mut src = match tuple {
        Some(items) => Source {
            items,
            next: 0,
            mapping: None,
        },
        None => Source {
            items: alloc::vec![args],
            next: 0,
            mapping: is_mapping(ctx, args).then_some(args),
        },
    };
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if fmt.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
        }
        let mut keyed = None;
        if fmt.get(i) == Some(&'(') {
            let Some(mapping) = src.mapping else {
                return Err(ctx.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let mut j = i + 1;
            while j < fmt.len() && depth > 0 {
                match fmt[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(ctx.value_error("incomplete format key"));
            }
            let name: String = fmt[i + 1..j - 1].iter().collect();
            let key = if bytes_mode {
                let data: Vec<u8> = name.chars().map(|c| c as u32 as u8).collect();
                crate::objects::codec::new_bytes(ctx, data)?
            } else {
                ctx.new_string(name)?
            };
            keyed = Some(ops::subscr(ctx, mapping, key)?);
            i = j;
        }
        let mut spec = Spec::default();
        while let Some(&f) = fmt.get(i) {
            match f {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if fmt.get(i) == Some(&'*') {
            i += 1;
            let w = src.next(ctx)?;
            if !int::is_int(ctx, w) {
                return Err(ctx.type_error("* wants int"));
            }
            let Some(w) = int::small_int(ctx, w) else {
                return Err(ctx.overflow_error("Python int too large to convert to C ssize_t"));
            };
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs() as usize;
        } else {
            while let Some(d) = fmt.get(i).and_then(|c| c.to_digit(10)) {
                spec.width = spec.width.saturating_mul(10).saturating_add(d as usize);
                i += 1;
            }
        }
        if fmt.get(i) == Some(&'.') {
            i += 1;
            if fmt.get(i) == Some(&'*') {
                i += 1;
                let p = src.next(ctx)?;
                if !int::is_int(ctx, p) {
                    return Err(ctx.type_error("* wants int"));
                }
                let Some(p) = int::small_int(ctx, p).filter(|p| i32::try_from(*p).is_ok()) else {
                    return Err(ctx.overflow_error("Python int too large to convert to C int"));
                };
                spec.precision = Some(p.max(0) as usize);
            } else {
                let mut p = 0usize;
                while let Some(d) = fmt.get(i).and_then(|c| c.to_digit(10)) {
                    p = p.saturating_mul(10).saturating_add(d as usize);
                    i += 1;
                }
                spec.precision = Some(p);
            }
        }
        while matches!(fmt.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&kind) = fmt.get(i) else {
            return Err(ctx.value_error("incomplete format"));
        };
        i += 1;
        let v = match keyed {
            Some(v) => v,
            None => src.next(ctx)?,
        };
        let piece = convert(ctx, kind, i - 1, v, &spec, bytes_mode)?;
        out.push_str(&piece);
    }
    if src.next < src.items.len() && src.mapping.is_none() {
        let what = if bytes_mode { "bytes" } else { "string" };
        return Err(ctx.type_error(alloc::format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

/// Pad `body` (after `prefix`: sign and `0x`) to the spec's width.
fn pad(spec: &Spec, prefix: &str, body: &str, numeric: bool) -> String {
    let len = prefix.chars().count() + body.chars().count();
    let fill = spec.width.saturating_sub(len);
    let mut out = String::with_capacity(len + fill);
    if spec.left {
        out.push_str(prefix);
        out.push_str(body);
        out.extend(core::iter::repeat_n(' ', fill));
    } else if spec.zero && numeric {
        out.push_str(prefix);
        out.extend(core::iter::repeat_n('0', fill));
        out.push_str(body);
    } else {
        out.extend(core::iter::repeat_n(' ', fill));
        out.push_str(prefix);
        out.push_str(body);
    }
    out
}

fn sign(spec: &Spec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

fn convert(
    ctx: &mut Ctx<'_>,
    kind: char,
    at: usize,
    v: Value,
    spec: &Spec,
    bytes_mode: bool,
) -> PyResult<String> {
    match kind {
        's' | 'r' | 'a' | 'b' => {
            let text = match (kind, bytes_mode) {
                ('s' | 'b', true) => match bytes::data(ctx, v) {
                    Some(b) => b.iter().map(|x| *x as char).collect(),
                    None => {
                        let t = ctx.type_name(v);
                        return Err(ctx.type_error(alloc::format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                        )));
                    }
                },
                ('s', false) => format::str(ctx, v)?,
                ('r', false) => format::repr(ctx, v)?,
                ('a', _) | ('r', true) => format::ascii(ctx, v)?,
                _ => return Err(unsupported(ctx, kind, at)),
            };
            let body: String = match spec.precision {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            Ok(pad(spec, "", &body, false))
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let n = integer_arg(ctx, kind, v)?;
            let Some(b) = int::to_big(ctx, n) else {
                return Err(unsupported(ctx, kind, at));
            };
            let magnitude = b.magnitude();
            let mut digits = match kind {
                'x' => magnitude.to_str_radix(16),
                'X' => magnitude.to_str_radix(16).to_uppercase(),
                'o' => magnitude.to_str_radix(8),
                _ => magnitude.to_str_radix(10),
            };
            if let Some(p) = spec.precision
                && digits.len() < p
            {
                let zeros = "0".repeat(p - digits.len());
                digits.insert_str(0, &zeros);
            }
            let mut prefix = String::from(sign(spec, num_traits::Signed::is_negative(&b)));
            if spec.alternate {
                prefix.push_str(match kind {
                    'x' => "0x",
                    'X' => "0X",
                    'o' => "0o",
                    _ => "",
                });
            }
            Ok(pad(spec, &prefix, &digits, true))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match ctx.float_value(v) {
                Ok(f) => f,
                Err(Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
                    let t = ctx.type_name(v);
                    return Err(ctx.type_error(alloc::format!("must be real number, not {t}")));
                }
                Err(e) => return Err(e),
            };
            let body =
                float::format_body(f.abs(), kind, spec.precision.unwrap_or(6), spec.alternate);
            let prefix = sign(spec, f.is_sign_negative() && !f.is_nan());
            Ok(pad(spec, prefix, &body, true))
        }
        'c' => {
            let c = char_arg(ctx, v, bytes_mode)?;
            Ok(pad(spec, "", c.encode_utf8(&mut [0; 4]), false))
        }
        _ => Err(unsupported(ctx, kind, at)),
    }
}

fn unsupported(ctx: &mut Ctx<'_>, kind: char, at: usize) -> Flow {
    let shown = if (' '..='~').contains(&kind) {
        alloc::format!("'{kind}' (0x{:x})", kind as u32)
    } else {
        alloc::format!("'\\x{:x}' (0x{:x})", kind as u32, kind as u32)
    };
    ctx.value_error(alloc::format!(
        "unsupported format character {shown} at index {at}"
    ))
}

/// The integer a `%d`/`%x`/`%o` conversion formats.
fn integer_arg(ctx: &mut Ctx<'_>, kind: char, v: Value) -> PyResult<Value> {
    let v = ops::unwrap_builtin(ctx, v);
    if int::is_int(ctx, v) {
        return Ok(v);
    }
    let decimal = matches!(kind, 'd' | 'i' | 'u');
    if decimal {
        if let Value::Float(f) = v {
            return int::float_to_int(ctx, f);
        }
        let ty = ctx.type_of(v);
        if let Some(f) = ctx.type_lookup_str(ty, "__int__") {
            return ctx.call(f, &[v]);
        }
    } else {
        let ty = ctx.type_of(v);
        if ctx.type_lookup_str(ty, "__index__").is_some() {
            return ctx.index_int(v);
        }
    }
    let t = ctx.type_name(v);
    let what = if decimal {
        "a real number"
    } else {
        "an integer"
    };
    Err(ctx.type_error(alloc::format!(
        "%{kind} format: {what} is required, not {t}"
    )))
}

/// The character a `%c` conversion formats.
fn char_arg(ctx: &mut Ctx<'_>, v: Value, bytes_mode: bool) -> PyResult<char> {
    if bytes_mode {
        if let Some(b) = bytes::data(ctx, v) {
            if let [c] = b {
                return Ok(*c as char);
            }
        } else if int::is_int(ctx, v) {
            let n = ctx.index_value(v).unwrap_or(-1);
            return match u8::try_from(n) {
                Ok(b) => Ok(b as char),
                Err(_) => Err(ctx.overflow_error("%c arg not in range(256)")),
            };
        }
        return Err(ctx.type_error("%c requires an integer in range(256) or a single byte"));
    }
    if let Some(s) = ctx.str_ref(v) {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
    } else if int::is_int(ctx, v) {
        let n = ctx.index_value(v).unwrap_or(-1);
        return match u32::try_from(n).ok().and_then(char::from_u32) {
            Some(c) => Ok(c),
            None => Err(ctx.overflow_error("%c arg not in range(0x110000)")),
        };
    }
    Err(ctx.type_error("%c requires int or char"))
}
