//! `str.format` and `str.format_map`: replacement fields
//! `{name!conv:spec}` with automatic or explicit numbering, attribute and
//! index lookups and nested specs, parsed the way CPython parses them
//! (with its error messages).

use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::interp::{Ctx, attr, format, ops};
use crate::native::Args;
use crate::objects::unicode;
use crate::value::Value;

/// Where field values come from.
enum Source {
    /// `format(*args, **kwargs)`: the method's arguments.
    Call { positional: Vec<Value>, args: Args },
    /// `format_map(mapping)`.
    Map(Value),
}

/// Automatic (`{}`) versus manual (`{0}`) numbering.
#[derive(Default)]
struct Numbering {
    auto: Option<bool>,
    next: usize,
}

/// `template.format(*args, **kwargs)` (the method's `self` is `template`).
pub fn format_method(ctx: &mut Ctx<'_>, template: &str, args: Args) -> PyResult<Value> {
    let positional: Vec<Value> = ctx.positional(args).into_iter().skip(1).collect();
    let src = Source::Call { positional, args };
    let out = render(ctx, template, &src, &mut Numbering::default(), 2)?;
    ctx.new_string(out)
}

/// `template.format_map(mapping)`.
pub fn format_map(ctx: &mut Ctx<'_>, template: &str, mapping: Value) -> PyResult<Value> {
    let out = render(
        ctx,
        template,
        &Source::Map(mapping),
        &mut Numbering::default(),
        2,
    )?;
    ctx.new_string(out)
}

fn render(
    ctx: &mut Ctx<'_>,
    template: &str,
    src: &Source,
    numbering: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(ctx.value_error("Max string recursion exceeded"));
    }
    let b = template.as_bytes();
    let mut out = String::with_capacity(template.len());
    let mut i = 0;
    while i < b.len() {
        let Some(j) = b[i..]
            .iter()
            .position(|c| *c == b'{' || *c == b'}')
            .map(|p| p + i)
        else {
            out.push_str(&template[i..]);
            break;
        };
        out.push_str(&template[i..j]);
        let c = b[j];
        let next = b.get(j + 1).copied();
        if next == Some(c) {
            out.push(c as char);
            i = j + 2;
            continue;
        }
        if c == b'}' {
            return Err(ctx.value_error("Single '}' encountered in format string"));
        }
        if next.is_none() {
            return Err(ctx.value_error("Single '{' encountered in format string"));
        }
        let (field, end) = parse_field(ctx, template, j + 1)?;
        out.push_str(&render_field(ctx, &field, src, numbering, depth)?);
        i = end;
    }
    Ok(out)
}

/// A parsed replacement field.
struct Field<'a> {
    name: &'a str,
    conversion: Option<char>,
    spec: &'a str,
    nested: bool,
}

/// Parse the field starting at byte `start` (just after its `{`); return
/// it and the position after its `}`.
fn parse_field<'a>(ctx: &mut Ctx<'_>, t: &'a str, start: usize) -> PyResult<(Field<'a>, usize)> {
    let b = t.as_bytes();
    let mut i = start;
    let mut last = 0u8;
    while i < b.len() {
        last = b[i];
        i += 1;
        match last {
            b'{' => return Err(ctx.value_error("unexpected '{' in field name")),
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    let name_end = if matches!(last, b'}' | b':' | b'!') {
        i - 1
    } else {
        i
    };
    let mut field = Field {
        name: &t[start..name_end],
        conversion: None,
        spec: "",
        nested: false,
    };
    if last != b'!' && last != b':' {
        if last != b'}' {
            return Err(ctx.value_error("expected '}' before end of string"));
        }
        return Ok((field, i));
    }
    if last == b'!' {
        let Some(conv) = t[i..].chars().next() else {
            return Err(ctx.value_error("end of string while looking for conversion specifier"));
        };
        field.conversion = Some(conv);
        i += conv.len_utf8();
        if i < b.len() {
            let c = b[i];
            i += 1;
            if c == b'}' {
                return Ok((field, i));
            }
            if c != b':' {
                return Err(ctx.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = i;
    let mut level = 1;
    while i < b.len() {
        match b[i] {
            b'{' => {
                field.nested = true;
                level += 1;
            }
            b'}' => {
                level -= 1;
                if level == 0 {
                    field.spec = &t[spec_start..i];
                    return Ok((field, i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err(ctx.value_error("unmatched '{' in format spec"))
}

/// A field name part that is all decimal digits, as an index.
fn integer(ctx: &mut Ctx<'_>, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s.chars() {
        let Some(d) = unicode::decimal_value(c) else {
            return Ok(None);
        };
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d as usize)) {
            Some(n) => n,
            None => return Err(ctx.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(n))
}

fn render_field(
    ctx: &mut Ctx<'_>,
    field: &Field<'_>,
    src: &Source,
    numbering: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    let name = field.name;
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let index = integer(ctx, first)?;
    let mut value = if first.is_empty() || index.is_some() {
        let auto = first.is_empty();
        match numbering.auto {
            None => numbering.auto = Some(auto),
            Some(true) if !auto => {
                return Err(ctx.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            Some(false) if auto => {
                return Err(ctx.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            _ => {}
        }
        let n = match index {
            Some(n) => n,
            None => {
                numbering.next += 1;
                numbering.next - 1
            }
        };
        match src {
            Source::Map(_) => {
                return Err(ctx.value_error("Format string contains positional fields"));
            }
            Source::Call { positional, .. } => match positional.get(n) {
                Some(v) => *v,
                None => {
                    return Err(ctx.index_error(alloc::format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )));
                }
            },
        }
    } else {
        match src {
            Source::Call { args, .. } => match ctx.kwarg(*args, first) {
                Some(v) => v,
                None => {
                    let k = ctx.new_str(first)?;
                    return Err(ctx.key_error(k));
                }
            },
            Source::Map(m) => {
                let k = ctx.new_str(first)?;
                ops::subscr(ctx, *m, k)?
            }
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        let (part, after, is_attr) = if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            (&after[..end], &after[end..], true)
        } else if let Some(after) = rest.strip_prefix('[') {
            let Some(end) = after.find(']') else {
                return Err(ctx.value_error("Missing ']' in format string"));
            };
            (&after[..end], &after[end + 1..], false)
        } else {
            return Err(ctx.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        };
        if part.is_empty() {
            return Err(ctx.value_error("Empty attribute in format string"));
        }
        value = if is_attr {
            let n = ctx.intern(part)?;
            attr::get_attr(ctx, value, n)?
        } else {
            let key = match integer(ctx, part)? {
                Some(n) => Value::Int(n as i64),
                None => ctx.new_str(part)?,
            };
            ops::subscr(ctx, value, key)?
        };
        rest = after;
    }
    let converted = match field.conversion {
        None => None,
        Some('r') => Some(format::repr(ctx, value)?),
        Some('s') => Some(format::str(ctx, value)?),
        Some('a') => Some(format::ascii(ctx, value)?),
        Some(c) => {
            let shown = if (' '..='~').contains(&c) {
                alloc::format!("{c}")
            } else {
                alloc::format!("\\x{:x}", c as u32)
            };
            return Err(ctx.value_error(alloc::format!("Unknown conversion specifier {shown}")));
        }
    };
    let spec = if field.nested {
        render(ctx, field.spec, src, numbering, depth - 1)?
    } else {
        String::from(field.spec)
    };
    match converted {
        Some(s) => format::format_str(ctx, &s, &spec),
        None => format::format(ctx, value, &spec),
    }
}
