//! Text encodings for `str.encode`, `bytes.decode`, `str(b, encoding)` and
//! `bytes(s, encoding)`: UTF-8, ASCII and Latin-1, with the `strict`,
//! `ignore`, `replace` and `backslashreplace` error handlers.

use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::interp::Ctx;
use crate::objects::{Object, bytes};
use crate::value::Value;

/// The encodings emberpy knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// One past the largest code point the encoding can represent.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x11_0000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Find the codec called `name`, normalised the way CPython's codec
/// registry does (case, `-`, `_` and spaces do not matter).
fn lookup(ctx: &mut Ctx<'_>, name: &str) -> PyResult<Codec> {
    let norm: String = name
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    match norm.as_str() {
        "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "usascii" | "646" => Ok(Codec::Ascii),
        "latin1" | "latin" | "iso88591" | "l1" | "8859" | "cp819" | "iso8859" => Ok(Codec::Latin1),
        _ => {
            let t = ctx.vm.types.lookup_error;
            Err(ctx.error(t, alloc::format!("unknown encoding: {name}")))
        }
    }
}

/// The `encoding` or `errors` argument of `fname` (`utf-8` and `strict`
/// when not given).
pub fn name_arg(ctx: &mut Ctx<'_>, v: Option<Value>, fname: &str, what: &str) -> PyResult<String> {
    match v {
        None => Ok(String::from(if what == "errors" {
            "strict"
        } else {
            "utf-8"
        })),
        Some(v) => match ctx.str_ref(v) {
            Some(s) => Ok(String::from(s)),
            None => {
                let t = if v.is_none() {
                    String::from("None")
                } else {
                    ctx.type_name(v)
                };
                Err(ctx.type_error(alloc::format!(
                    "{fname}() argument '{what}' must be str, not {t}"
                )))
            }
        },
    }
}

fn unknown_handler(ctx: &mut Ctx<'_>, errors: &str) -> crate::Flow {
    let t = ctx.vm.types.lookup_error;
    ctx.error(t, alloc::format!("unknown error handler name '{errors}'"))
}

/// Encode `s`.
pub fn encode(ctx: &mut Ctx<'_>, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(ctx, encoding)?;
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if (chars[i] as u32) < limit {
            out.push(chars[i] as u32 as u8);
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|c| (*c as u32) < limit)
            .map_or(chars.len(), |n| i + n);
        match errors {
            "strict" => {
                let t = ctx.vm.types.unicode_encode_error;
                let what = if end - i == 1 {
                    let shown =
                        crate::objects::str::escape_non_ascii(chars[i].encode_utf8(&mut [0; 4]));
                    alloc::format!("character '{shown}' in position {i}")
                } else {
                    alloc::format!("characters in position {i}-{}", end - 1)
                };
                return Err(ctx.error(
                    t,
                    alloc::format!(
                        "'{}' codec can't encode {what}: ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(core::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for c in &chars[i..end] {
                    let shown = crate::objects::str::escape_non_ascii(c.encode_utf8(&mut [0; 4]));
                    out.extend_from_slice(shown.as_bytes());
                }
            }
            other => return Err(unknown_handler(ctx, other)),
        }
        i = end;
    }
    Ok(out)
}

/// Decode `data`.
pub fn decode(ctx: &mut Ctx<'_>, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(ctx, encoding)?;
    if codec != Codec::Utf8 {
        let limit = codec.limit();
        let mut out = String::with_capacity(data.len());
        for (i, &b) in data.iter().enumerate() {
            if (b as u32) < limit {
                out.push(b as char);
                continue;
            }
            decode_error(
                ctx,
                &mut out,
                data,
                i,
                1,
                codec,
                "ordinal not in range(128)",
                errors,
            )?;
        }
        return Ok(out);
    }
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut at = 0;
    loop {
        match core::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(core::str::from_utf8(&rest[..good]).unwrap_or(""));
                let (len, reason) = match e.error_len() {
                    Some(n) => {
                        let first = rest[good];
                        let reason = if !(0xc2..=0xf4).contains(&first) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (n, reason)
                    }
                    None => (rest.len() - good, "unexpected end of data"),
                };
                decode_error(ctx, &mut out, data, at + good, len, codec, reason, errors)?;
                at += good + len;
                rest = &rest[good + len..];
            }
        }
    }
}

/// Handle `len` undecodable bytes at `pos` of `data` as `errors` says.
#[allow(clippy::too_many_arguments)]
fn decode_error(
    ctx: &mut Ctx<'_>,
    out: &mut String,
    data: &[u8],
    pos: usize,
    len: usize,
    codec: Codec,
    reason: &str,
    errors: &str,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let t = ctx.vm.types.unicode_decode_error;
            let what = if len == 1 {
                alloc::format!("byte 0x{:02x} in position {pos}", data[pos])
            } else {
                alloc::format!("bytes in position {pos}-{}", pos + len - 1)
            };
            Err(ctx.error(
                t,
                alloc::format!("'{}' codec can't decode {what}: {reason}", codec.name()),
            ))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[pos..pos + len] {
                out.push_str(&alloc::format!("\\x{b:02x}"));
            }
            Ok(())
        }
        other => Err(unknown_handler(ctx, other)),
    }
}

/// `str(b, encoding, errors)`: decode a bytes-like value to a new `str`.
pub fn decode_value(ctx: &mut Ctx<'_>, v: Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let Some(data) = bytes::data(ctx, v).map(<[u8]>::to_vec) else {
        if ctx.str_ref(v).is_some() {
            return Err(ctx.type_error("decoding str is not supported"));
        }
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!(
            "decoding to str: need a bytes-like object, {t} found"
        )));
    };
    let s = decode(ctx, &data, encoding, errors)?;
    ctx.new_string(s)
}

/// A new `bytes` object holding `data`.
pub fn new_bytes(ctx: &mut Ctx<'_>, data: Vec<u8>) -> PyResult<Value> {
    Ok(Value::Obj(
        ctx.alloc(Object::Bytes(data.into_boxed_slice()))?,
    ))
}
