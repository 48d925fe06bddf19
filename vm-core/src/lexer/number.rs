//! Number literals: scanning with CPython's error messages, and conversion to
//! [`Constant`]s.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{LexError, LexErrorClass, Lexer};
use crate::ast::Constant;
use crate::parser::SyntaxErrorKind;

/// Whether `c` could continue an identifier (CPython treats any non-ASCII
/// character as one here).
fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

impl Lexer<'_> {
    /// Scans a number literal starting at the next character.
    pub(super) fn number(&mut self) -> Result<Constant, LexError> {
        let start = self.pos;
        let start_col = self.col;
        if self.peek() == Some('.') {
            self.fraction_and_exponent()?;
        } else if self.peek() == Some('0') {
            self.bump();
            match self.peek() {
                Some('x' | 'X') => return self.radix_literal(start, 16, "hexadecimal"),
                Some('o' | 'O') => return self.radix_literal(start, 8, "octal"),
                Some('b' | 'B') => return self.radix_literal(start, 2, "binary"),
                _ => {}
            }
            // Zeros, possibly followed by other digits (which is only valid
            // in a float or imaginary literal).
            loop {
                if self.eat('_') && !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.error_here("invalid decimal literal".into()));
                }
                if !self.eat('0') {
                    break;
                }
            }
            let nonzero = self.peek().is_some_and(|c| c.is_ascii_digit());
            let zeros_end = self.col.saturating_add(1);
            if nonzero {
                self.decimal_tail()?;
            }
            match self.peek() {
                Some('.' | 'e' | 'E' | 'j' | 'J') => self.fraction_and_exponent()?,
                _ if nonzero => {
                    let mut err = self.error(
                        SyntaxErrorKind::SyntaxError,
                        "leading zeros in decimal integer literals are not permitted; \
                         use an 0o prefix for octal integers"
                            .into(),
                        self.loc(),
                        start_col.saturating_add(1),
                        LexErrorClass::Raised,
                    );
                    if zeros_end > start_col.saturating_add(2) {
                        err.error.end_col = Some(zeros_end);
                    }
                    return Err(err);
                }
                _ => self.end_of_number("decimal")?,
            }
        } else {
            self.decimal_tail()?;
            self.fraction_and_exponent()?;
        }
        Ok(convert(&self.src[start..self.pos]))
    }

    /// Digits with single underscores between them; the first digit is next.
    fn decimal_tail(&mut self) -> Result<(), LexError> {
        loop {
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.bump();
            }
            if !self.eat('_') {
                return Ok(());
            }
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.error_here("invalid decimal literal".into()));
            }
        }
    }

    /// The optional `.fraction`, exponent and `j` suffix after the integer
    /// part of a decimal literal (or after the `.` of `.5`).
    fn fraction_and_exponent(&mut self) -> Result<(), LexError> {
        if self.eat('.') && self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        if let Some('e' | 'E') = self.peek() {
            let sign = self.peek_nth(1);
            let digit_at = |n| self.peek_nth(n).is_some_and(|c: char| c.is_ascii_digit());
            if matches!(sign, Some('+' | '-')) {
                self.bump();
                self.bump();
                if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.error_here("invalid decimal literal".into()));
                }
            } else if digit_at(1) {
                self.bump();
            } else {
                // `1else` is `1` followed by `else`; `1e` alone is an error.
                if self.keyword_follows(0) {
                    return Ok(());
                }
                return Err(self.error_here("invalid decimal literal".into()));
            }
            self.decimal_tail()?;
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.bump();
            return self.end_of_number("imaginary");
        }
        self.end_of_number("decimal")
    }

    /// Hexadecimal, octal or binary digits after `0x`, `0o` or `0b` (the `0`
    /// already consumed, the letter next).
    fn radix_literal(
        &mut self,
        start: usize,
        radix: u32,
        kind: &str,
    ) -> Result<Constant, LexError> {
        self.bump();
        loop {
            self.eat('_');
            match self.peek() {
                Some(c) if c.is_digit(radix) => {}
                Some(c) if radix < 10 && c.is_ascii_digit() => {
                    self.bump();
                    return Err(self.error_here(format!("invalid digit '{c}' in {kind} literal")));
                }
                _ => return Err(self.error_here(format!("invalid {kind} literal"))),
            }
            while self.peek().is_some_and(|c| c.is_digit(radix)) {
                self.bump();
            }
            if self.peek() != Some('_') {
                break;
            }
        }
        if let Some(c) = self.peek()
            && radix < 10
            && c.is_ascii_digit()
        {
            self.bump();
            return Err(self.error_here(format!("invalid digit '{c}' in {kind} literal")));
        }
        self.end_of_number(kind)?;
        let digits = &self.src[start + 2..self.pos];
        Ok(int_constant(digits, radix))
    }

    /// Checks what follows a number: a keyword such as `if` or `else` may
    /// follow directly, but other identifier characters may not.
    fn end_of_number(&self, kind: &str) -> Result<(), LexError> {
        match self.peek() {
            Some(c) if is_identifier_char(c) && !self.keyword_follows(0) => {
                Err(self.error_here(format!("invalid {kind} literal")))
            }
            _ => Ok(()),
        }
    }

    /// Whether the characters from the `n`th next one start one of the
    /// keywords that may directly follow a number in valid code.
    fn keyword_follows(&self, n: usize) -> bool {
        let rest = self.src[self.pos..].chars().skip(n);
        let mut word = String::new();
        for c in rest.take(4) {
            word.push(c);
        }
        ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|kw| word.starts_with(kw))
    }
}

/// Converts a decimal, float or imaginary literal's text.
fn convert(text: &str) -> Constant {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    if let Some(imag) = clean.strip_suffix(['j', 'J']) {
        return Constant::Imaginary(parse_float(imag));
    }
    if clean.contains(['.', 'e', 'E']) {
        return Constant::Float(parse_float(&clean));
    }
    int_constant(&clean, 10)
}

fn parse_float(text: &str) -> f64 {
    // The scanner only accepts valid float syntax, which Rust's parser also
    // accepts (it rounds huge values to infinity, as Python does).
    text.parse().unwrap_or(f64::NAN)
}

/// The value of digits (possibly with underscores) in `radix`.
fn int_constant(digits: &str, radix: u32) -> Constant {
    let values = digits.chars().filter_map(|c| c.to_digit(radix));
    let mut small: i64 = 0;
    let mut overflow = false;
    for d in values.clone() {
        match small
            .checked_mul(radix as i64)
            .and_then(|v| v.checked_add(d as i64))
        {
            Some(v) => small = v,
            None => {
                overflow = true;
                break;
            }
        }
    }
    if !overflow {
        return Constant::Int(small);
    }
    Constant::BigInt(to_decimal(values, radix))
}

/// Converts digits in `radix` to decimal digits, using base-10⁹ limbs.
fn to_decimal(digits: impl Iterator<Item = u32>, radix: u32) -> String {
    const LIMB: u64 = 1_000_000_000;
    // Least significant limb first.
    let mut limbs: Vec<u32> = Vec::new();
    for d in digits {
        let mut carry = u64::from(d);
        for limb in limbs.iter_mut() {
            let v = u64::from(*limb) * u64::from(radix) + carry;
            *limb = (v % LIMB) as u32;
            carry = v / LIMB;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let mut out = String::new();
    let mut iter = limbs.iter().rev();
    match iter.next() {
        Some(top) => out.push_str(&format!("{top}")),
        None => out.push('0'),
    }
    for limb in iter {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_conversion_of_big_literals() {
        assert_eq!(
            int_constant("ffffffffffffffffffff", 16),
            Constant::BigInt("1208925819614629174706175".into())
        );
        assert_eq!(
            int_constant("9223372036854775808", 10),
            Constant::BigInt("9223372036854775808".into())
        );
        assert_eq!(
            int_constant("9223372036854775807", 10),
            Constant::Int(i64::MAX)
        );
        assert_eq!(
            int_constant("1000000000000000000000000000", 2),
            Constant::Int(1 << 27)
        );
        assert_eq!(
            int_constant("0000100000000000000000000000000000", 10),
            Constant::BigInt("100000000000000000000000000000".into())
        );
    }
}
