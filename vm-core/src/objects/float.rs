//! `float`: IEEE doubles kept inside [`Value::Float`], with CPython's
//! shortest round-trip `repr`, its formatting rules and its hash.

use alloc::string::String;

use crate::PyResult;
use crate::ast::{BinOp, CmpOp};
use crate::interp::{Ctx, format};
use crate::native::{Args, Native, Sig};
use crate::objects::{int, unicode};
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

/// The decimal digits of `f` (finite, non-negative) rounded to `sig`
/// significant digits, and the exponent of the first: `1234.5` to 3
/// digits is `("123", 3)`.
fn significant(f: f64, sig: usize) -> (String, i32) {
    let s = alloc::format!("{:.*e}", sig.max(1) - 1, f);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// `d.ddde+XX` from significant digits.
fn exp_notation(digits: &str, exp: i32, point: bool) -> String {
    let (first, rest) = digits.split_at(1);
    let mut out = String::from(first);
    if point || !rest.is_empty() {
        out.push('.');
    }
    out.push_str(rest);
    out.push('e');
    out.push_str(&exponent(exp));
    out
}

/// `digits × 10**exp` in positional notation, with a point only when
/// there are fraction digits or `point`.
fn fixed_notation(digits: &str, exp: i32, point: bool) -> String {
    let mut out = positional(digits, exp, false);
    if point && !out.contains('.') {
        out.push('.');
    }
    out
}

/// Remove trailing zeros of the fraction (and a bare point).
fn strip_zeros(s: &str) -> String {
    let (mantissa, exp) = match s.find('e') {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    alloc::format!("{mantissa}{exp}")
}

/// The text of `f` (non-negative, or NaN) for presentation `kind`
/// (`e`, `f`, `g`, `%`, upper-case variants, or `r` for the no-type form
/// with a precision), without sign or padding.
pub fn format_body(f: f64, kind: char, precision: usize, alternate: bool) -> String {
    let upper = matches!(kind, 'E' | 'F' | 'G');
    if !f.is_finite() {
        let s = if f.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            String::from(s)
        };
        return if kind == '%' { s + "%" } else { s };
    }
    let body = match kind {
        'f' | 'F' => {
            let mut s = alloc::format!("{:.*}", precision, f);
            if alternate && precision == 0 {
                s.push('.');
            }
            s
        }
        '%' => {
            let mut s = format_body(f * 100.0, 'f', precision, alternate);
            s.push('%');
            s
        }
        'e' | 'E' => {
            let (digits, exp) = significant(f, precision + 1);
            exp_notation(&digits, exp, alternate)
        }
        _ => {
            // 'g', 'G' and 'r' (no type, with a precision: like 'g' but
            // switching to exponent one digit earlier and keeping a ".0").
            let p = precision.max(1);
            let (digits, exp) = significant(f, p);
            let last_fixed = if kind == 'r' { p as i32 - 1 } else { p as i32 };
            let use_exp = exp < -4 || exp >= last_fixed;
            let s = if use_exp {
                exp_notation(&digits, exp, alternate)
            } else {
                fixed_notation(&digits, exp, alternate)
            };
            let mut s = if alternate { s } else { strip_zeros(&s) };
            if kind == 'r' && !use_exp && !s.contains('.') {
                s.push_str(".0");
            }
            s
        }
    };
    if upper { body.to_uppercase() } else { body }
}

/// `format(f, spec)`.
pub fn format(ctx: &mut Ctx<'_>, f: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(repr(f));
    }
    let mut p = format::parse_spec(ctx, spec, "float", '>')?;
    let magnitude = if f.is_nan() { f64::NAN } else { f.abs() };
    let body = match (p.kind, p.precision) {
        (None, None) => {
            let r = repr(magnitude);
            if p.alternate && !r.contains('.') {
                match r.find('e') {
                    Some(i) => alloc::format!("{}.{}", &r[..i], &r[i..]),
                    None => r,
                }
            } else {
                r
            }
        }
        (None, Some(prec)) => format_body(magnitude, 'r', prec, p.alternate),
        (Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')), prec) => {
            format_body(magnitude, k, prec.unwrap_or(6), p.alternate)
        }
        (Some('n'), prec) => format_body(magnitude, 'g', prec.unwrap_or(6), p.alternate),
        (Some(other), _) => return Err(format::unknown_code(ctx, other, "float")),
    };
    let mut negative = f.is_sign_negative() && !f.is_nan();
    if p.no_neg_zero && negative && !body.chars().any(|c| ('1'..='9').contains(&c)) {
        negative = false;
    }
    let sign = match (negative, p.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    if !f.is_finite() {
        p.grouping = None;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    Ok(format::pad_number(&p, sign, digits, rest))
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
            let r = crate::objects::dd::pow(x, y);
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

/// The digits of a decimal literal with single underscores between digits
/// (`1_000`), as ASCII digits; `None` when the underscores are misplaced.
fn digit_part(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut last_digit = false;
    for c in s.chars() {
        if c == '_' {
            if !last_digit {
                return None;
            }
            last_digit = false;
        } else {
            out.push(char::from_digit(unicode::decimal_value(c)?, 10)?);
            last_digit = true;
        }
    }
    (s.is_empty() || last_digit).then_some(out)
}

/// Parse the text `float()` accepts: surrounding white space, a sign,
/// digits of any script with single underscores, a fraction, an exponent,
/// or `inf`, `infinity`, `nan` in any case.
pub fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(unicode::is_space);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let special = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    let int_digits = digit_part(int_part)?;
    let frac_digits = match frac {
        Some(f) => digit_part(f)?,
        None => String::new(),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return None;
    }
    let mut clean = String::with_capacity(body.len() + 2);
    if negative {
        clean.push('-');
    }
    clean.push_str(if int_digits.is_empty() {
        "0"
    } else {
        &int_digits
    });
    clean.push('.');
    clean.push_str(&frac_digits);
    clean.push('0');
    if let Some(e) = exp {
        let (sign, digits) = match e.as_bytes().first() {
            Some(b'-') => ("-", &e[1..]),
            Some(b'+') => ("", &e[1..]),
            _ => ("", e),
        };
        let digits = digit_part(digits).filter(|d| !d.is_empty())?;
        clean.push('e');
        clean.push_str(sign);
        clean.push_str(&digits);
    }
    clean.parse().ok()
}

/// Parse `float.fromhex` text: `[sign] ['0x'] hex [. hex] [p exp]`, `inf`
/// or `nan`. `Err(true)` when the value is too large for a float.
fn parse_hex(text: &str) -> Result<f64, bool> {
    let s = text.trim_matches(unicode::is_space);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let apply = |v: f64| if negative { -v } else { v };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Ok(apply(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Ok(apply(f64::NAN));
    }
    let body = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .unwrap_or(body);
    let (mantissa, exp) = match body.find(['p', 'P']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac.is_empty() {
        return Err(false);
    }
    let exp: i64 = match exp {
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(false);
            }
            let v = digits
                .parse::<i64>()
                .unwrap_or(i64::MAX / 4)
                .min(i64::MAX / 4);
            if e.starts_with('-') { -v } else { v }
        }
        None => 0,
    };
    let mut m = num_bigint::BigUint::default();
    for c in int_part.chars().chain(frac.chars()) {
        let d = c.to_digit(16).ok_or(false)?;
        m = (m << 4u32) + d;
    }
    let e2 = exp.saturating_sub(4 * frac.len() as i64);
    let bits = m.bits() as i64;
    if bits == 0 {
        return Ok(apply(0.0));
    }
    // Keep 53 significant bits (fewer for subnormals), rounding half to
    // even, so the scaling below is exact.
    let top = bits - 1 + e2;
    if top > 1024 {
        return Err(true);
    }
    let precision = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if precision < 0 {
        return Ok(apply(0.0));
    }
    let shift = bits - precision;
    let (q, scale) = if shift > 0 {
        let q = &m >> (shift as u64);
        let rest = &m - (&q << (shift as u64));
        let half = num_bigint::BigUint::from(1u32) << ((shift - 1) as u64);
        let up = rest > half || (rest == half && q.bit(0));
        (q + u32::from(up), e2 + shift)
    } else {
        (m, e2)
    };
    let q = num_traits::ToPrimitive::to_f64(&q).unwrap_or(f64::INFINITY);
    let v = libm::ldexp(q, scale.clamp(-4000, 4000) as i32);
    if v.is_infinite() {
        return Err(true);
    }
    Ok(apply(v))
}

static FLOAT_NEW: Sig = Sig::new("float", &["x"], 0).posonly(1);

fn float_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    if args.keywords() > 0 {
        return Err(ctx.type_error("float() takes no keyword arguments"));
    }
    ctx.positional_only(args, 1, "", "float", 0, 1)?;
    let [x] = ctx.bind(args, 1, &FLOAT_NEW)?;
    let f = match x {
        None => 0.0,
        Some(Value::Float(f)) => f,
        Some(v) => float_of(ctx, v)?,
    };
    crate::interp::class::wrap_builtin(ctx, cls, Value::Float(f))
}

/// `float(v)` for a value that is not a float.
fn float_of(ctx: &mut Ctx<'_>, v: Value) -> PyResult<f64> {
    let text = match ctx.str_ref(v) {
        Some(s) => Some((String::from(s), None)),
        None => crate::objects::bytes::data(ctx, v)
            .map(|b| (String::from_utf8_lossy(b).into_owned(), Some(b.to_vec()))),
    };
    if let Some((s, raw)) = text {
        return match parse_float(&s) {
            Some(f) => Ok(f),
            None => {
                let shown = match raw {
                    Some(b) => crate::objects::bytes::repr(&b),
                    None => crate::objects::str::repr(&s),
                };
                Err(ctx.value_error(alloc::format!("could not convert string to float: {shown}")))
            }
        };
    }
    match ctx.float_value(v) {
        Ok(f) => Ok(f),
        Err(crate::Flow::Raise(e)) if ctx.is_instance(e, ctx.vm.types.type_error) => {
            let ty = ctx.type_of(v);
            if ctx.type_lookup_str(ty, "__index__").is_some() {
                let i = ctx.index_int(v)?;
                return ctx.float_value(i);
            }
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "float() argument must be a string or a real number, not '{t}'"
            )))
        }
        Err(e) => Err(e),
    }
}

/// `self` of a `float` method.
fn this(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<f64> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, "float", name));
    }
    let v = match args.positional() {
        0 => Value::None,
        _ => ctx.arg(args, 0),
    };
    match crate::interp::ops::unwrap_builtin(ctx, v) {
        Value::Float(f) => Ok(f),
        _ => Err(crate::native::descriptor_error(ctx, "float", name, v)),
    }
}

/// `self` of a `float` method taking no arguments.
fn this_alone(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<f64> {
    let f = this(ctx, args, name)?;
    ctx.no_args(args, "float", name)?;
    Ok(f)
}

fn is_integer(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "is_integer")?;
    Ok(Value::Bool(f.is_finite() && libm::trunc(f) == f))
}

fn as_integer_ratio(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "as_integer_ratio")?;
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
    Ok(Value::Float(this_alone(ctx, args, "conjugate")?))
}

/// `float.hex()` text of `f`.
pub fn to_hex(f: f64) -> String {
    if f.is_nan() {
        return String::from("nan");
    }
    if f.is_infinite() {
        return String::from(if f > 0.0 { "inf" } else { "-inf" });
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return alloc::format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, exp) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    alloc::format!("{sign}0x{lead}.{mant:013x}p{esign}{}", exp.abs())
}

fn float_hex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "hex")?;
    ctx.new_string(to_hex(f))
}

fn fromhex(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let v = ctx.one_arg(args, 1, "float", "fromhex")?;
    let Some(s) = ctx.str_ref(v).map(String::from) else {
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!("fromhex() argument must be str, not {t}")));
    };
    let f = match parse_hex(&s) {
        Ok(f) => f,
        Err(true) => {
            return Err(ctx.overflow_error("hexadecimal value too large to represent as a float"));
        }
        Err(false) => {
            return Err(ctx.value_error("invalid hexadecimal floating-point string"));
        }
    };
    if cls.as_obj() == Some(ctx.vm.types.float) {
        return Ok(Value::Float(f));
    }
    ctx.call(cls, &[Value::Float(f)])
}

fn float_int(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "__int__")?;
    int::float_to_int(ctx, f)
}

fn float_float(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this_alone(ctx, args, "__float__")?))
}

fn float_floor(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "__floor__")?;
    int::float_to_int(ctx, libm::floor(f))
}

fn float_ceil(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "__ceil__")?;
    int::float_to_int(ctx, libm::ceil(f))
}

fn float_trunc(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "__trunc__")?;
    int::float_to_int(ctx, f)
}

fn float_round(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this(ctx, args, "__round__")?;
    ctx.positional_only(args, 1, "float", "__round__", 0, 1)?;
    let nd = ctx.opt_arg(args, 1).unwrap_or(Value::None);
    round(ctx, f, nd)
}

fn float_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this(ctx, args, "__format__")?;
    let spec = ctx.one_arg(args, 1, "float", "__format__")?;
    let Some(spec) = ctx.str_ref(spec).map(String::from) else {
        let t = ctx.type_name(spec);
        return Err(ctx.type_error(alloc::format!("__format__() argument must be str, not {t}")));
    };
    let s = format(ctx, f, &spec)?;
    ctx.new_string(s)
}

fn float_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "__repr__")?;
    ctx.new_string(repr(f))
}

fn float_hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "__hash__")?;
    Ok(Value::Int(hash_float(f)))
}

fn float_bool(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let f = this_alone(ctx, args, "__bool__")?;
    Ok(Value::Bool(f != 0.0))
}

fn float_neg(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Float(-this_alone(ctx, args, "__neg__")?))
}

fn float_pos(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this_alone(ctx, args, "__pos__")?))
}

fn float_abs(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this_alone(ctx, args, "__abs__")?.abs()))
}

/// A binary operator's dunder: `NotImplemented` unless the other operand
/// is a number.
fn operator(ctx: &mut Ctx<'_>, args: Args, name: &str, op: BinOp, swap: bool) -> PyResult<Value> {
    let f = this(ctx, args, name)?;
    let other = ctx.one_arg(args, 1, "float", name)?;
    let other = crate::interp::ops::unwrap_builtin(ctx, other);
    if !matches!(other, Value::Float(_)) && !int::is_int(ctx, other) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if swap {
        (other, Value::Float(f))
    } else {
        (Value::Float(f), other)
    };
    Ok(binary(ctx, op, a, b)?.unwrap_or(Value::NotImplemented))
}

/// A comparison's dunder: `NotImplemented` unless the other operand is a
/// number.
fn comparison(ctx: &mut Ctx<'_>, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let f = this(ctx, args, name)?;
    let other = ctx.one_arg(args, 1, "float", name)?;
    let other = crate::interp::ops::unwrap_builtin(ctx, other);
    if !matches!(other, Value::Float(_)) && !int::is_int(ctx, other) {
        return Ok(Value::NotImplemented);
    }
    crate::interp::ops::compare(ctx, op, Value::Float(f), other)
}

macro_rules! float_dunders {
    ($( $f:ident: $name:literal => $kind:ident($op:expr $(, $swap:expr)?) ),* $(,)?) => {
        $(
            fn $f(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
                float_dunders!(@call $kind, ctx, args, $name, $op $(, $swap)?)
            }
        )*
    };
    (@call bin, $ctx:ident, $args:ident, $name:literal, $op:expr, $swap:expr) => {
        operator($ctx, $args, $name, $op, $swap)
    };
    (@call cmp, $ctx:ident, $args:ident, $name:literal, $op:expr) => {
        comparison($ctx, $args, $name, $op)
    };
}

float_dunders!(
    f_add: "__add__" => bin(BinOp::Add, false),
    f_radd: "__radd__" => bin(BinOp::Add, true),
    f_sub: "__sub__" => bin(BinOp::Sub, false),
    f_rsub: "__rsub__" => bin(BinOp::Sub, true),
    f_mul: "__mul__" => bin(BinOp::Mul, false),
    f_rmul: "__rmul__" => bin(BinOp::Mul, true),
    f_truediv: "__truediv__" => bin(BinOp::Div, false),
    f_rtruediv: "__rtruediv__" => bin(BinOp::Div, true),
    f_floordiv: "__floordiv__" => bin(BinOp::FloorDiv, false),
    f_rfloordiv: "__rfloordiv__" => bin(BinOp::FloorDiv, true),
    f_mod: "__mod__" => bin(BinOp::Mod, false),
    f_rmod: "__rmod__" => bin(BinOp::Mod, true),
    f_pow: "__pow__" => bin(BinOp::Pow, false),
    f_rpow: "__rpow__" => bin(BinOp::Pow, true),
    f_eq: "__eq__" => cmp(CmpOp::Eq),
    f_ne: "__ne__" => cmp(CmpOp::NotEq),
    f_lt: "__lt__" => cmp(CmpOp::Lt),
    f_le: "__le__" => cmp(CmpOp::LtE),
    f_gt: "__gt__" => cmp(CmpOp::Gt),
    f_ge: "__ge__" => cmp(CmpOp::GtE),
);

fn f_divmod(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let q = operator(ctx, args, "__divmod__", BinOp::FloorDiv, false)?;
    if matches!(q, Value::NotImplemented) {
        return Ok(q);
    }
    let r = operator(ctx, args, "__divmod__", BinOp::Mod, false)?;
    ctx.new_tuple(alloc::vec![q, r])
}

/// Methods of `float`, sorted by name length then name.
pub static FLOAT_METHODS: &[Native] = &[
    Native::method("hex", float_hex),
    Native::method("__eq__", f_eq),
    Native::method("__ge__", f_ge),
    Native::method("__gt__", f_gt),
    Native::method("__le__", f_le),
    Native::method("__lt__", f_lt),
    Native::method("__ne__", f_ne),
    Native::method("__abs__", float_abs),
    Native::method("__add__", f_add),
    Native::method("__int__", float_int),
    Native::method("__mod__", f_mod),
    Native::method("__mul__", f_mul),
    Native::method("__neg__", float_neg),
    Native::static_method("__new__", float_new),
    Native::method("__pos__", float_pos),
    Native::method("__pow__", f_pow),
    Native::method("__sub__", f_sub),
    Native::class_method("fromhex", fromhex),
    Native::method("__bool__", float_bool),
    Native::method("__ceil__", float_ceil),
    Native::method("__hash__", float_hash),
    Native::method("__radd__", f_radd),
    Native::method("__repr__", float_repr),
    Native::method("__rmod__", f_rmod),
    Native::method("__rmul__", f_rmul),
    Native::method("__rpow__", f_rpow),
    Native::method("__rsub__", f_rsub),
    Native::method("__float__", float_float),
    Native::method("__floor__", float_floor),
    Native::method("__round__", float_round),
    Native::method("__trunc__", float_trunc),
    Native::method("conjugate", conjugate),
    Native::method("__divmod__", f_divmod),
    Native::method("__format__", float_format),
    Native::method("is_integer", is_integer),
    Native::method("__truediv__", f_truediv),
    Native::method("__floordiv__", f_floordiv),
    Native::method("__rtruediv__", f_rtruediv),
    Native::method("__rfloordiv__", f_rfloordiv),
    Native::method("as_integer_ratio", as_integer_ratio),
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
    fn presentation_types_match_cpython() {
        assert_eq!(format_body(1234567.0, 'g', 6, false), "1.23457e+06");
        assert_eq!(format_body(0.0001, 'g', 6, false), "0.0001");
        assert_eq!(format_body(0.00001, 'g', 6, false), "1e-05");
        assert_eq!(format_body(1.5, 'g', 6, false), "1.5");
        assert_eq!(format_body(100.0, 'g', 3, false), "100");
        assert_eq!(format_body(100.0, 'g', 3, true), "100.");
        assert_eq!(format_body(100.0, 'r', 3, true), "1.00e+02");
        assert_eq!(format_body(100.0, 'r', 4, false), "100.0");
        assert_eq!(format_body(1.0, 'r', 1, false), "1e+00");
        assert_eq!(format_body(0.0, 'e', 2, false), "0.00e+00");
        assert_eq!(format_body(12345.0, 'e', 0, true), "1.e+04");
        assert_eq!(format_body(2.5, 'f', 0, false), "2");
        assert_eq!(format_body(0.125, '%', 1, false), "12.5%");
        assert_eq!(format_body(f64::INFINITY, 'F', 2, false), "INF");
    }

    #[test]
    fn hex_round_trips() {
        for f in [1.0, 0.5, -0.1, 1e-320, 1.7976931348623157e308, 3.0, 123.456] {
            assert_eq!(parse_hex(&to_hex(f)), Ok(f), "{f}");
        }
        assert_eq!(to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(parse_hex("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_hex("-0X1P-2"), Ok(-0.25));
        assert_eq!(parse_hex("0x.8"), Ok(0.5));
        assert_eq!(parse_hex("0x1p-1080"), Ok(0.0));
        assert_eq!(parse_hex("0x1.fffffffffffff8p1023"), Err(true));
        assert_eq!(parse_hex("0x1p"), Err(false));
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
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float("1_0e1_0"), Some(1e11));
        assert_eq!(parse_float("١٢٣"), Some(123.0));
        assert_eq!(parse_float(".e5"), None);
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float(""), None);
    }
}
