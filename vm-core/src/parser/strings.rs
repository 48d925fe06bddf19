//! String literals: escape decoding, concatenation of adjacent literals, and
//! f-strings (with Python 3.11's rules: a replacement field cannot contain a
//! backslash, a comment, or the quote that delimits the f-string).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, FStringPart, Loc};
use crate::lexer::{Lexer, StrLit, Tok};

/// Deepest bracket nesting inside one f-string replacement field.
const MAX_FIELD_BRACKETS: usize = 200;

/// Depth units (see [`super::MAX_DEPTH`]) an f-string replacement field
/// costs: parsing one takes several large stack frames.
const FIELD_DEPTH: u32 = 4;

impl<'a> Parser<'a> {
    /// One or more adjacent string literals, concatenated.
    #[inline(never)]
    pub(super) fn strings(&mut self) -> PResult<Box<Expr>> {
        let loc = self.tok.loc;
        let mut literals = Vec::new();
        while let Tok::Str(lit) = self.tok.tok {
            let start = self.advance()?;
            literals.push((lit, start, self.prev_end));
        }
        // Errors below are reported at the token after the literals, as
        // CPython does.
        let mut bytes_mode = None;
        let mut text = String::new();
        let mut bytes = Vec::new();
        let mut parts: Option<Vec<FStringPart>> = None;
        for (lit, start, end) in &literals {
            if lit.bytes {
                if !lit.body.is_ascii() {
                    return Err(self.error_range(
                        "bytes can only contain ASCII literal characters".into(),
                        *start,
                        *end,
                    ));
                }
                decode_bytes(lit.body, lit.raw, &mut bytes).map_err(|msg| self.error(msg))?;
            } else if !lit.fstring {
                decode_str(lit.body, lit.raw, &mut text).map_err(|msg| self.error(msg))?;
            }
            if *bytes_mode.get_or_insert(lit.bytes) != lit.bytes {
                return Err(self.error("cannot mix bytes and nonbytes literals"));
            }
            if lit.fstring {
                let parts = parts.get_or_insert_with(Vec::new);
                let mut scan = Scan::new(lit);
                self.fstring_parts(&mut scan, 0, parts, &mut text)?;
            }
        }
        let kind = match (bytes_mode, parts) {
            (Some(true), _) => ExprKind::Constant(Constant::Bytes(bytes)),
            (_, Some(mut parts)) => {
                push_literal(&mut parts, &mut text);
                ExprKind::FString(parts)
            }
            _ => ExprKind::Constant(Constant::Str(text)),
        };
        Ok(Box::new(Expr { loc, kind }))
    }

    /// Literal text and replacement fields until the end of the f-string
    /// or, in a format spec (`level` > 0), until its closing `}`. Literal
    /// text accumulates in `text` until a field follows.
    #[inline(never)]
    fn fstring_parts(
        &mut self,
        scan: &mut Scan<'a>,
        level: u32,
        parts: &mut Vec<FStringPart>,
        text: &mut String,
    ) -> PResult<()> {
        loop {
            let doubled = self.fstring_literal(scan, level, text)?;
            if doubled {
                continue;
            }
            if scan.at_end() || scan.byte() == Some(b'}') {
                return Ok(());
            }
            push_literal(parts, text);
            let field = self.fstring_field(scan, level)?;
            parts.push(field);
        }
    }

    /// Literal text up to a `{` or `}` (or the end). Returns whether it
    /// stopped after a doubled brace, which stands for one brace.
    fn fstring_literal(
        &mut self,
        scan: &mut Scan<'a>,
        level: u32,
        text: &mut String,
    ) -> PResult<bool> {
        let start = scan.pos;
        let bytes = scan.body.as_bytes();
        let mut pos = scan.pos;
        let mut doubled = false;
        while let Some(&ch) = bytes.get(pos) {
            pos += 1;
            let mut ch = ch;
            if !scan.raw && ch == b'\\' && pos < bytes.len() {
                ch = bytes[pos];
                pos += 1;
                if ch == b'N' {
                    // Skip a `\N{...}` name, whose braces are not fields.
                    if bytes.get(pos) == Some(&b'{') {
                        while bytes.get(pos).is_some_and(|&c| c != b'}') {
                            pos += 1;
                        }
                        pos += 1;
                    } else {
                        pos += 1;
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if bytes.get(pos) == Some(&ch) {
                        doubled = true;
                        break;
                    }
                    if ch == b'}' {
                        return Err(self.error("f-string: single '}' is not allowed"));
                    }
                }
                pos -= 1;
                break;
            }
        }
        let pos = pos.min(bytes.len());
        scan.pos = if doubled { pos + 1 } else { pos };
        let literal = scan.body.get(start..pos).unwrap_or_default();
        decode_str(literal, scan.raw, text).map_err(|msg| self.error(msg))?;
        Ok(doubled)
    }

    /// A replacement field, from its `{` through its `}`.
    #[inline(never)]
    fn fstring_field(&mut self, scan: &mut Scan<'a>, level: u32) -> PResult<FStringPart> {
        scan.pos += 1;
        if level >= 2 {
            return Err(self.error("f-string: expressions nested too deeply"));
        }
        let expr_start = scan.pos;
        self.fstring_expression_end(scan)?;
        let expr_end = scan.pos;
        let source = scan.body.get(expr_start..expr_end).unwrap_or_default();
        if source
            .trim_matches([' ', '\t', '\n', '\r', '\x0c'])
            .is_empty()
        {
            return Err(match scan.byte() {
                Some(c @ (b'!' | b':' | b'=')) => self.error(format!(
                    "f-string: expression required before '{}'",
                    char::from(c)
                )),
                _ => self.error("f-string: empty expression not allowed"),
            });
        }
        let loc = scan.loc_of(expr_start);
        let value = self.fstring_expression(source, loc)?;

        let mut debug_text = None;
        if scan.byte() == Some(b'=') {
            scan.pos += 1;
            while scan
                .byte()
                .is_some_and(|c| c.is_ascii_whitespace() || c == b'\x0b')
            {
                scan.pos += 1;
            }
            if scan.at_end() {
                return Err(self.error("f-string: expecting '}'"));
            }
            let mut text = String::new();
            push_normalized(
                scan.body.get(expr_start..scan.pos).unwrap_or_default(),
                &mut text,
            );
            debug_text = Some(text);
        }
        let mut conversion = None;
        if scan.byte() == Some(b'!') {
            scan.pos += 1;
            let Some(c) = scan
                .body
                .get(scan.pos..)
                .and_then(|rest| rest.chars().next())
            else {
                return Err(self.error("f-string: expecting '}'"));
            };
            scan.pos += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(
                    self.error("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if scan.byte() == Some(b':') {
            scan.pos += 1;
            if scan.at_end() {
                return Err(self.error("f-string: expecting '}'"));
            }
            let mut spec = Vec::new();
            let mut text = String::new();
            self.fstring_parts(scan, level + 1, &mut spec, &mut text)?;
            push_literal(&mut spec, &mut text);
            format_spec = Some(spec);
        }
        if scan.byte() != Some(b'}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        scan.pos += 1;
        Ok(FStringPart::Value {
            value,
            conversion,
            format_spec,
            debug_text,
        })
    }

    /// Finds where a replacement field's expression ends: at a `!`, `:`,
    /// `=` or `}` outside brackets and strings (but not in `!=`, `==`, `<=`
    /// or `>=`).
    fn fstring_expression_end(&mut self, scan: &mut Scan<'a>) -> PResult<()> {
        let bytes = scan.body.as_bytes();
        let mut quote: Option<(u8, bool)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while let Some(&ch) = bytes.get(scan.pos) {
            let next = |n: usize| bytes.get(scan.pos + n).copied();
            if ch == b'\\' {
                return Err(self.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if !triple {
                        quote = None;
                    } else if next(1) == Some(q) && next(2) == Some(q) {
                        quote = None;
                        scan.pos += 2;
                    }
                }
                scan.pos += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    let triple = next(1) == Some(ch) && next(2) == Some(ch);
                    if triple {
                        scan.pos += 2;
                    }
                    quote = Some((ch, triple));
                }
                b'[' | b'(' | b'{' => {
                    if brackets.len() >= MAX_FIELD_BRACKETS {
                        return Err(self.error("f-string: too many nested parenthesis"));
                    }
                    brackets.push(ch);
                }
                b'#' => return Err(self.error("f-string expression part cannot include '#'")),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if brackets.is_empty() => {
                    if next(1) == Some(b'=') && ch != b':' && ch != b'}' {
                        scan.pos += 1;
                    } else if ch != b'<' && ch != b'>' {
                        break;
                    }
                }
                b']' | b')' | b'}' => {
                    let c = char::from(ch);
                    let Some(open) = brackets.pop() else {
                        return Err(self.error(format!("f-string: unmatched '{c}'")));
                    };
                    let expected = match ch {
                        b']' => b'[',
                        b')' => b'(',
                        _ => b'{',
                    };
                    if open != expected {
                        let open = char::from(open);
                        return Err(self.error(format!(
                            "f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                        )));
                    }
                }
                _ => {}
            }
            scan.pos += 1;
        }
        if quote.is_some() {
            return Err(self.error("f-string: unterminated string"));
        }
        if let Some(&open) = brackets.last() {
            return Err(self.error(format!("f-string: unmatched '{}'", char::from(open))));
        }
        if scan.at_end() {
            return Err(self.error("f-string: expecting '}'"));
        }
        Ok(())
    }

    /// Parses a replacement field's expression, written at `loc`, as if it
    /// were in parentheses.
    #[inline(never)]
    fn fstring_expression(&mut self, source: &'a str, loc: Loc) -> PResult<Box<Expr>> {
        let mut parser = match Parser::new(Lexer::embedded(source, loc), self.depth + FIELD_DEPTH) {
            Ok(parser) => parser,
            Err(err) => {
                self.field_failed = true;
                return Err(err);
            }
        };
        parser.in_fstring = true;
        let result = parser.parenthesized(loc, true);
        self.field_failed = result.is_err();
        result.map_err(|mut err| {
            // Like CPython, prefix errors found by this parser (not by its
            // tokenizer or by a nested replacement field's parser).
            if !parser.lexer_failed && !parser.field_failed {
                err.msg = format!("f-string: {}", err.msg);
            }
            err.incomplete = false;
            err
        })
    }
}

/// A position in an f-string's body, with the source position of a recent
/// offset to find others quickly.
struct Scan<'a> {
    body: &'a str,
    raw: bool,
    pos: usize,
    mark: usize,
    mark_loc: Loc,
}

impl<'a> Scan<'a> {
    fn new(lit: &StrLit<'a>) -> Scan<'a> {
        Scan {
            body: lit.body,
            raw: lit.raw,
            pos: 0,
            mark: 0,
            mark_loc: lit.body_loc,
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.body.len()
    }

    fn byte(&self) -> Option<u8> {
        self.body.as_bytes().get(self.pos).copied()
    }

    /// The source position of byte offset `offset` of the body (at or after
    /// the previous offset asked for).
    fn loc_of(&mut self, offset: usize) -> Loc {
        let mut loc = self.mark_loc;
        let text = self.body.get(self.mark..offset).unwrap_or_default();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' | '\n' => {
                    loc.line = loc.line.saturating_add(1);
                    loc.col = 0;
                }
                _ => loc.col = loc.col.saturating_add(1),
            }
        }
        self.mark = offset;
        self.mark_loc = loc;
        loc
    }
}

/// Appends the pending literal text, if any, to `parts`.
fn push_literal(parts: &mut Vec<FStringPart>, text: &mut String) {
    if text.is_empty() {
        return;
    }
    let text = core::mem::take(text);
    match parts.last_mut() {
        Some(FStringPart::Literal(last)) => last.push_str(&text),
        _ => parts.push(FStringPart::Literal(text)),
    }
}

/// Appends `text` with `\r\n` and `\r` line ends turned into `\n`.
fn push_normalized(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
}

/// A `\x`, `\u` or `\U` escape's value, whose `digits` hex digits follow in
/// `chars`; `pos` tracks CPython's position for error messages.
fn hex_escape(
    chars: &mut core::iter::Peekable<core::str::Chars<'_>>,
    digits: u32,
    start: usize,
    pos: &mut usize,
) -> Result<u32, String> {
    let mut value: u32 = 0;
    for _ in 0..digits {
        match chars.peek().and_then(|c| c.to_digit(16)) {
            Some(d) => {
                value = value * 16 + d;
                chars.next();
                *pos += 1;
            }
            None => {
                let what = match digits {
                    2 => "\\xXX",
                    4 => "\\uXXXX",
                    _ => "\\UXXXXXXXX",
                };
                return Err(unicode_error(
                    start,
                    *pos,
                    &format!("truncated {what} escape"),
                ));
            }
        }
    }
    Ok(value)
}

/// CPython's message for a failed `unicode_escape` decode of bytes
/// `start..end`.
fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
        end.saturating_sub(1)
    )
}

/// Appends the value of a str literal's `body` to `out`, decoding escapes
/// unless `raw`. Errors carry CPython's message; positions in them count
/// the way CPython's decoder sees the text (a non-ASCII character as ten
/// bytes).
fn decode_str(body: &str, raw: bool, out: &mut String) -> Result<(), String> {
    if raw || !body.contains('\\') {
        push_normalized(body, out);
        return Ok(());
    }
    let mut chars = body.chars().peekable();
    let mut pos = 0;
    while let Some(c) = chars.next() {
        if c != '\\' {
            if c == '\r' {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            } else {
                out.push(c);
            }
            pos += if c.is_ascii() { 1 } else { 10 };
            continue;
        }
        let start = pos;
        let escaped = match chars.peek() {
            Some(&e) if e.is_ascii() => e,
            _ => {
                // A backslash at the end or before a non-ASCII character
                // stays a backslash.
                out.push('\\');
                pos += 6;
                continue;
            }
        };
        chars.next();
        pos += 2;
        let value = match escaped {
            '\n' => continue,
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                continue;
            }
            '\\' | '\'' | '"' => escaped,
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            '0'..='7' => {
                let mut value = escaped as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            chars.next();
                            pos += 1;
                        }
                        None => break,
                    }
                }
                char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            'x' | 'u' | 'U' => {
                let digits = match escaped {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let code = hex_escape(&mut chars, digits, start, &mut pos)?;
                if code > 0x10FFFF {
                    return Err(unicode_error(start, pos, "illegal Unicode character"));
                }
                match char::from_u32(code) {
                    Some(c) => c,
                    None => {
                        return Err(unicode_error(
                            start,
                            pos,
                            "surrogate code points are not supported",
                        ));
                    }
                }
            }
            'N' => return Err("(unicode error) \\N escapes are not supported".into()),
            other => {
                out.push('\\');
                other
            }
        };
        out.push(value);
    }
    Ok(())
}

/// Appends the value of a bytes literal's (ASCII) `body` to `out`,
/// decoding escapes unless `raw`.
fn decode_bytes(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), String> {
    let mut text = String::new();
    push_normalized(body, &mut text);
    let mut bytes = text.bytes().enumerate().peekable();
    while let Some((pos, b)) = bytes.next() {
        if raw || b != b'\\' {
            out.push(b);
            continue;
        }
        let Some((_, escaped)) = bytes.next() else {
            out.push(b'\\');
            break;
        };
        let value = match escaped {
            b'\n' => continue,
            b'\\' | b'\'' | b'"' => escaped,
            b'a' => 0x07,
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 0x0b,
            b'0'..=b'7' => {
                let mut value = u32::from(escaped - b'0');
                for _ in 0..2 {
                    match bytes.peek() {
                        Some(&(_, d @ b'0'..=b'7')) => {
                            value = value * 8 + u32::from(d - b'0');
                            bytes.next();
                        }
                        _ => break,
                    }
                }
                (value & 0xFF) as u8
            }
            b'x' => {
                let hex = |b: Option<(usize, u8)>| b.and_then(|(_, c)| char::from(c).to_digit(16));
                match (hex(bytes.peek().copied()), hex(bytes.clone().nth(1))) {
                    (Some(high), Some(low)) => {
                        bytes.next();
                        bytes.next();
                        (high * 16 + low) as u8
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {pos}"
                        ));
                    }
                }
            }
            other => {
                out.push(b'\\');
                other
            }
        };
        out.push(value);
    }
    Ok(())
}
