//! `float`: IEEE doubles kept inside [`Value::Float`], with CPython's
//! shortest round-trip `repr`, its formatting rules and its hash.

use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::ast::BinOp;
use crate::interp::{Ctx, format};
use crate::native::{Args, Native};
use crate::objects::int;
use crate::value::Value;

/// Decimal digits and exponent of the shortest representation that reads
/// back as `f` (finite, non-negative): `0.001234` is `("1234", -3)`.
fn shortest_digits(f: f64) -> (String, i32) {
    let s = alloc::format!("{:e}", f);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// `repr(f)` as CPython writes it.
pub fn repr(f: f64) -> String {
    if f.is_nan() {
        return String::from("nan");
    }
    if f.is_infinite() {
        return String::from(if f > 0.0 { "inf" } else { "-inf" });
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return alloc::format!("{sign}0.0");
    }
    let (digits, exp) = shortest_digits(f.abs());
    let body = if (-4..16).contains(&exp) {
        positional(&digits, exp, true)
    } else {
        scientific(&digits, exp)
    };
    alloc::format!("{sign}{body}")
}

/// `digits × 10**exp` in positional notation; with `force_point` there is
/// always a `.0` at least.
fn positional(digits: &str, exp: i32, force_point: bool) -> String {
    let n = digits.len() as i32;
    let mut out = String::new();
    if exp < 0 {
        out.push_str("0.");
        out.extend(core::iter::repeat_n('0', (-exp - 1) as usize));
        out.push_str(digits);
    } else if exp + 1 >= n {
        out.push_str(digits);
        out.extend(core::iter::repeat_n('0', (exp + 1 - n) as usize));
        if force_point {
            out.push_str(".0");
        }
    } else {
        let (int_part, frac) = digits.split_at((exp + 1) as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac);
    }
    out
}

fn scientific(digits: &str, exp: i32) -> String {
    let (first, rest) = digits.split_at(1);
    let mantissa = if rest.is_empty() {
        String::from(first)
    } else {
        alloc::format!("{first}.{rest}")
    };
    alloc::format!("{mantissa}e{}", exponent(exp))
}

fn exponent(exp: i32) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    alloc::format!("{sign}{:02}", exp.unsigned_abs())
}

/// `format(f, ".{prec}e")` without sign: `1.500000e+00`.
fn exp_format(f: f64, prec: usize, upper: bool) -> String {
    let s = alloc::format!("{:.*e}", prec, f);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e = exponent(exp.parse().unwrap_or(0));
    let out = alloc::format!("{mantissa}e{e}");
    if upper { out.to_uppercase() } else { out }
}

/// The `g` presentation: positional or scientific by exponent, trailing
/// zeros removed unless `alternate`.
fn general_format(f: f64, prec: usize, alternate: bool, upper: bool) -> String {
    let p = prec.max(1);
    if f == 0.0 {
        return if alternate {
            alloc::format!("0.{}", "0".repeat(p - 1))
        } else {
            String::from("0")
        };
    }
    let sci = alloc::format!("{:.*e}", p - 1, f);
    let exp: i32 = sci
        .split_once('e')
        .map_or(0, |(_, e)| e.parse().unwrap_or(0));
    let mut out = if exp >= -4 && exp < p as i32 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        alloc::format!("{:.*}", decimals, f)
    } else {
        exp_format(f, p - 1, false)
    };
    if !alternate {
        out = strip_zeros(&out);
    } else if !out.contains('.') && !out.contains('e') {
        out.push('.');
    }
    if upper { out.to_uppercase() } else { out }
}

fn strip_zeros(s: &str) -> String {
    let (mantissa, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    alloc::format!("{mantissa}{exp}")
}

/// `format(f, spec)`.
pub fn format(ctx: &mut Ctx<'_>, f: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(repr(f));
    }
    let Some(p) = format::parse_spec(spec) else {
        return Err(ctx.value_error("Invalid format specifier"));
    };
    let upper = matches!(p.kind, Some('E' | 'F' | 'G'));
    let magnitude = f.abs();
    let body = if !f.is_finite() {
        let s = if f.is_nan() { "nan" } else { "inf" };
        if upper {
            s.to_uppercase()
        } else {
            String::from(s)
        }
    } else {
        match p.kind {
            Some('f' | 'F') => alloc::format!("{:.*}", p.precision.unwrap_or(6), magnitude),
            Some('e' | 'E') => exp_format(magnitude, p.precision.unwrap_or(6), upper),
            Some('g' | 'G' | 'n') => {
                general_format(magnitude, p.precision.unwrap_or(6), p.alternate, upper)
            }
            Some('%') => alloc::format!("{:.*}%", p.precision.unwrap_or(6), magnitude * 100.0),
            None => match p.precision {
                Some(prec) => {
                    let s = general_format(magnitude, prec, p.alternate, false);
                    if s.contains(['.', 'e']) {
                        s
                    } else {
                        alloc::format!("{s}.0")
                    }
                }
                None => repr(magnitude),
            },
            Some(other) => {
                return Err(ctx.value_error(alloc::format!(
                    "Unknown format code '{other}' for object of type 'float'"
                )));
            }
        }
    };
    let body = match p.grouping {
        Some(sep) if f.is_finite() => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => body.split_at(i),
                None => (body.as_str(), ""),
            };
            alloc::format!("{}{rest}", format::group_digits(int_part, sep, 3))
        }
        _ => body,
    };
    let body = if p.alternate
        && !body.contains('.')
        && f.is_finite()
        && matches!(p.kind, Some('f' | 'F' | 'e' | 'E') | None)
    {
        match body.find('e') {
            Some(i) => alloc::format!("{}.{}", &body[..i], &body[i..]),
            None => alloc::format!("{body}."),
        }
    } else {
        body
    };
    let negative = f.is_sign_negative() && !f.is_nan();
    let sign = match (negative, p.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    Ok(format::pad(&p, sign, &body, '>'))
}

/// `hash(f)` as CPython computes it (equal to the hash of an equal int).
pub fn hash_float(f: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.is_nan() {
        return 0;
    }
    let (mut m, mut e) = libm::frexp(f);
    let sign: i64 = if m < 0.0 { -1 } else { 1 };
    m = m.abs();
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % BITS
    } else {
        BITS - 1 - ((-1 - e) as u32 % BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let h = x as i64 * sign;
    if h == -1 { -2 } else { h }
}

/// Whether an `i64` equals a float exactly.
pub fn int_eq_float(i: i64, f: f64) -> bool {
    if i.unsigned_abs() < (1 << 53) {
        return i as f64 == f;
    }
    f.is_finite() && libm::trunc(f) == f && f == i as f64 && (f as i128) == i as i128
}

/// Float arithmetic, mixing in integers; `None` when an operand is not a
/// number or neither is a float.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let is_num = |ctx: &Ctx<'_>, v: Value| matches!(v, Value::Float(_)) || int::is_int(ctx, v);
    if !(matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)))
        || !is_num(ctx, a)
        || !is_num(ctx, b)
    {
        return Ok(None);
    }
    let x = ctx.float_value(a)?;
    let y = ctx.float_value(b)?;
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(ctx.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv | BinOp::Mod => {
            if y == 0.0 {
                let msg = if op == BinOp::Mod {
                    "float modulo"
                } else {
                    "float floor division by zero"
                };
                return Err(ctx.zero_division(msg));
            }
            let (q, r) = divmod(x, y);
            if op == BinOp::Mod { r } else { q }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(ctx.zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && libm::trunc(y) != y && y.is_finite() {
                return Err(ctx.value_error(
                    "negative number cannot be raised to a fractional power (complex numbers are not supported)",
                ));
            }
            let r = libm::pow(x, y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(ctx.overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(Value::Float(r)))
}

/// Python's float `divmod`: floor quotient and a remainder with the sign of
/// the divisor.
fn divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = libm::fmod(x, y);
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = libm::copysign(0.0, y);
    }
    let floordiv = if div != 0.0 {
        let f = libm::floor(div);
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        libm::copysign(0.0, x / y)
    };
    (floordiv, m)
}

/// `round(f, ndigits)`.
pub fn round(ctx: &mut Ctx<'_>, f: f64, nd: Value) -> PyResult<Value> {
    if nd.is_none() {
        if f.is_nan() {
            return Err(ctx.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(ctx.overflow_error("cannot convert float infinity to integer"));
        }
        let r = libm::rint(f);
        return int::float_to_int(ctx, r);
    }
    let n = ctx.index_value(nd)?;
    if !f.is_finite() || f == 0.0 {
        return Ok(Value::Float(f));
    }
    if n > 308 {
        return Ok(Value::Float(f));
    }
    if n < -308 {
        return Ok(Value::Float(libm::copysign(0.0, f)));
    }
    // Round through the correctly rounded decimal text, like CPython.
    let text = if n >= 0 {
        alloc::format!("{:.*}", n as usize, f)
    } else {
        let p = libm::pow(10.0, (-n) as f64);
        let q = f / p;
        alloc::format!("{}", libm::rint(q) * p)
    };
    Ok(Value::Float(text.parse().unwrap_or(f)))
}

/// Parse the text `float()` accepts.
pub fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim();
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let negative = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    if s.contains("__")
        || s.starts_with('_')
        || s.ends_with('_')
        || s.contains("_.")
        || s.contains("._")
    {
        return None;
    }
    let clean: String = s.chars().filter(|c| *c != '_').collect();
    if clean.is_empty()
        || !clean
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
    {
        return None;
    }
    clean.parse().ok()
}

fn float_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "float", 1, 2, &[])?;
    let cls = ctx.arg(args, 0);
    let v = if args.positional() > 1 {
        ctx.arg(args, 1)
    } else {
        Value::Float(0.0)
    };
    let f = match v {
        Value::Float(f) => f,
        _ => {
            if let Some(s) = ctx.str_ref(v) {
                let s = String::from(s);
                match parse_float(&s) {
                    Some(f) => f,
                    None => {
                        let shown = crate::objects::str::repr(&s);
                        return Err(ctx.value_error(alloc::format!(
                            "could not convert string to float: {shown}"
                        )));
                    }
                }
            } else {
                match ctx.float_value(v) {
                    Ok(f) => f,
                    Err(crate::Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
                        let t = ctx.type_name(v);
                        return Err(ctx.type_error(alloc::format!(
                            "float() argument must be a string or a real number, not '{t}'"
                        )));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    };
    crate::interp::class::wrap_builtin(ctx, cls, Value::Float(f))
}

fn this(ctx: &mut Ctx<'_>, args: Args) -> PyResult<f64> {
    let v = ctx.arg(args, 0);
    ctx.float_value(v)
}

fn is_integer(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this(ctx, args)?;
    Ok(Value::Bool(f.is_finite() && libm::trunc(f) == f))
}

fn as_integer_ratio(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this(ctx, args)?;
    if f.is_nan() {
        return Err(ctx.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(ctx.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (mut m, mut e) = libm::frexp(f);
    while m != libm::trunc(m) {
        m *= 2.0;
        e -= 1;
    }
    let numerator = num_bigint::BigInt::from(m as i64);
    let (num, den) = if e >= 0 {
        (numerator << e as usize, num_bigint::BigInt::from(1))
    } else {
        (numerator, num_bigint::BigInt::from(1) << (-e) as usize)
    };
    let n = int::from_big(ctx, num)?;
    let d = int::from_big(ctx, den)?;
    ctx.new_tuple(alloc::vec![n, d])
}

fn conjugate(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this(ctx, args)?))
}

fn float_hex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this(ctx, args)?;
    let s = if f.is_nan() {
        String::from("nan")
    } else if f.is_infinite() {
        String::from(if f > 0.0 { "inf" } else { "-inf" })
    } else if f == 0.0 {
        String::from(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        })
    } else {
        let bits = f.to_bits();
        let sign = if bits >> 63 == 1 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, exp) = if exp == 0 {
            (0, -1022)
        } else {
            (1, exp - 1023)
        };
        let digits: Vec<char> = alloc::format!("{mant:013x}").chars().collect();
        let mut frac: String = digits.into_iter().collect();
        while frac.len() > 1 && frac.ends_with('0') {
            frac.pop();
        }
        alloc::format!(
            "{sign}0x{lead}.{frac}p{}{}",
            if exp < 0 { "-" } else { "+" },
            exp.abs()
        )
    };
    ctx.new_string(s)
}

fn float_int(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this(ctx, args)?;
    int::float_to_int(ctx, f)
}

fn float_float(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this(ctx, args)?))
}

/// Methods of `float`.
pub static FLOAT_METHODS: &[Native] = &[
    Native::static_method("__new__", float_new),
    Native::method("is_integer", is_integer),
    Native::method("as_integer_ratio", as_integer_ratio),
    Native::method("conjugate", conjugate),
    Native::method("hex", float_hex),
    Native::method("__int__", float_int),
    Native::method("__float__", float_float),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(1e-5), "1e-05");
        assert_eq!(repr(0.0001), "0.0001");
        assert_eq!(repr(123456789012345678.0), "1.2345678901234568e+17");
        assert_eq!(repr(1.0), "1.0");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(1e22), "1e+22");
        assert_eq!(repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(repr(100.0), "100.0");
        assert_eq!(repr(1.5e300), "1.5e+300");
        assert_eq!(repr(f64::INFINITY), "inf");
    }

    #[test]
    fn general_format_matches_cpython() {
        assert_eq!(general_format(1234567.0, 6, false, false), "1.23457e+06");
        assert_eq!(general_format(0.0001, 6, false, false), "0.0001");
        assert_eq!(general_format(0.00001, 6, false, false), "1e-05");
        assert_eq!(general_format(1.5, 6, false, false), "1.5");
        assert_eq!(general_format(100.0, 3, false, false), "100");
    }

    #[test]
    fn hashes_agree_with_ints() {
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(2.0f64.powi(61)), 1);
        assert_eq!(hash_float(-1.0), -2);
        // python3 -c "print(hash(1.5))" -> 1152921504606846977
        assert_eq!(hash_float(1.5), 1152921504606846977);
    }

    #[test]
    fn divmod_follows_the_divisor_sign() {
        assert_eq!(divmod(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(divmod(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(divmod(7.5, 2.0), (3.0, 1.5));
    }

    #[test]
    fn parses_float_text() {
        assert_eq!(parse_float(" 1.5 "), Some(1.5));
        assert_eq!(parse_float("-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("1_000.5"), Some(1000.5));
        assert_eq!(parse_float("1e3"), Some(1000.0));
        assert_eq!(parse_float("abc"), None);
        assert_eq!(parse_float(""), None);
    }
}
