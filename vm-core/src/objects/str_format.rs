//! `str.format`: replacement fields `{name!conv:spec}` with automatic or
//! explicit numbering, attribute and index lookups, and nested specs.

use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::interp::{Ctx, attr, format, ops};
use crate::native::Args;
use crate::value::Value;

/// `template.format(*args, **kwargs)` (the method's `self` is `template`).
pub fn format_method(ctx: &mut Ctx<'_>, template: &str, args: Args) -> PyResult<Value> {
    let positional: Vec<Value> = ctx.positional(args).into_iter().skip(1).collect();
    let mut auto = 0usize;
    let out = render(ctx, template, &positional, args, &mut auto, 0)?;
    ctx.new_string(out)
}

fn render(
    ctx: &mut Ctx<'_>,
    template: &str,
    positional: &[Value],
    args: Args,
    auto: &mut usize,
    depth: u32,
) -> PyResult<String> {
    if depth > 2 {
        return Err(ctx.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(ctx.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        let mut level = 1;
        let mut j = i + 1;
        while j < chars.len() {
            match chars[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(ctx.value_error("Single '{' encountered in format string"));
        }
        let field: String = chars[i + 1..j].iter().collect();
        out.push_str(&replace_field(ctx, &field, positional, args, auto, depth)?);
        i = j + 1;
    }
    Ok(out)
}

fn replace_field(
    ctx: &mut Ctx<'_>,
    field: &str,
    positional: &[Value],
    args: Args,
    auto: &mut usize,
    depth: u32,
) -> PyResult<String> {
    let (head, spec) = match field.find(':') {
        Some(p) => (&field[..p], Some(&field[p + 1..])),
        None => (field, None),
    };
    let (name, conversion) = match head.find('!') {
        Some(p) => (&head[..p], Some(&head[p + 1..])),
        None => (head, None),
    };
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let key = &name[..first_end];
    let mut value = if key.is_empty() {
        let v = positional.get(*auto).copied();
        *auto += 1;
        match v {
            Some(v) => v,
            None => {
                return Err(ctx.index_error(alloc::format!(
                    "Replacement index {} out of range for positional args tuple",
                    *auto - 1
                )));
            }
        }
    } else if let Ok(n) = key.parse::<usize>() {
        match positional.get(n) {
            Some(v) => *v,
            None => {
                return Err(ctx.index_error(alloc::format!(
                    "Replacement index {n} out of range for positional args tuple"
                )));
            }
        }
    } else {
        match ctx.kwarg(args, key) {
            Some(v) => v,
            None => {
                let k = ctx.new_str(key)?;
                return Err(ctx.key_error(k));
            }
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let attr_name = ctx.intern(&after[..end])?;
            value = attr::get_attr(ctx, value, attr_name)?;
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let Some(end) = after.find(']') else {
                return Err(ctx.value_error("Missing ']' in format string"));
            };
            let index_text = &after[..end];
            let index = match index_text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => ctx.new_str(index_text)?,
            };
            value = ops::subscr(ctx, value, index)?;
            rest = &after[end + 1..];
        } else {
            return Err(ctx.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let converted = match conversion {
        None => None,
        Some("r") => Some(format::repr(ctx, value)?),
        Some("s") => Some(format::str(ctx, value)?),
        Some("a") => Some(format::ascii(ctx, value)?),
        Some(_) => {
            return Err(ctx.value_error("Unknown conversion specifier"));
        }
    };
    let spec = match spec {
        Some(s) => render(ctx, s, positional, args, auto, depth + 1)?,
        None => String::new(),
    };
    match converted {
        Some(s) => format::format_str(ctx, &s, &spec),
        None => format::format(ctx, value, &spec),
    }
}
