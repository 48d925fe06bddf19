//! `int` and `bool`: integers live in a [`Value::Int`] while they fit in
//! an `i64` and become heap big integers (never wrapping) beyond.

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::ast::BinOp;
use crate::bytecode::Instr;
use crate::interp::{Ctx, format};
use crate::native::{Args, Native};
use crate::objects::Object;
use crate::value::Value;
use crate::{Flow, PyResult};

/// CPython's modulus for numeric hashes, 2**61 - 1.
const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's limit on decimal digits when converting between int and str.
const MAX_STR_DIGITS: usize = 4300;

/// `hash()` of a small integer, as CPython computes it.
pub fn hash_i64(i: i64) -> i64 {
    let h = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -h } else { h };
    if h == -1 { -2 } else { h }
}

/// `hash()` of a big integer, as CPython computes it.
pub fn hash_big(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 { -2 } else { h }
}

/// Whether `v` is an `int` (or `bool`).
pub fn is_int(ctx: &Ctx<'_>, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(r) => matches!(ctx.vm.heap.get(r), Object::BigInt(_)),
        _ => false,
    }
}

/// `v` as an `i64` when it is a small `int` or a `bool`.
pub fn small_int(_ctx: &Ctx<'_>, v: Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        _ => None,
    }
}

/// `v` as a big integer when it is an `int` of any size.
pub fn to_big(ctx: &Ctx<'_>, v: Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(b as i64)),
        Value::Obj(r) => match ctx.vm.heap.get(r) {
            Object::BigInt(b) => Some((**b).clone()),
            _ => None,
        },
        _ => None,
    }
}

/// A value for `b`: a small int when it fits, else a heap big integer.
pub fn from_big(ctx: &mut Ctx<'_>, b: BigInt) -> PyResult<Value> {
    match b.to_i64() {
        Some(i) => Ok(Value::Int(i)),
        None => Ok(Value::Obj(ctx.alloc(Object::BigInt(Box::new(b)))?)),
    }
}

/// Refuse results that could not fit in the heap before computing them.
fn check_bits(ctx: &mut Ctx<'_>, bits: u64) -> PyResult<()> {
    if bits / 8 > ctx.vm.heap.stats().limit as u64 {
        return Err(Flow::Raise(ctx.vm.memory_error));
    }
    Ok(())
}

/// Integer arithmetic; `None` when an operand is not an `int`.
pub fn binary(ctx: &mut Ctx<'_>, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_int(ctx, a) || !is_int(ctx, b) {
        return Ok(None);
    }
    if let (Some(x), Some(y)) = (small_int(ctx, a), small_int(ctx, b))
        && let Some(r) = small_binary(ctx, op, x, y)?
    {
        return Ok(Some(r));
    }
    let (Some(x), Some(y)) = (to_big(ctx, a), to_big(ctx, b)) else {
        return Ok(None);
    };
    big_binary(ctx, op, x, y).map(Some)
}

fn small_binary(ctx: &mut Ctx<'_>, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    if let Some(r) = crate::interp::ops::fast_binary(op, Value::Int(x), Value::Int(y)) {
        return Ok(Some(r));
    }
    Ok(match op {
        BinOp::FloorDiv | BinOp::Mod if y == 0 => {
            return Err(ctx.zero_division("integer division or modulo by zero"));
        }
        BinOp::Div if y == 0 => return Err(ctx.zero_division("division by zero")),
        BinOp::Pow if y < 0 => {
            if x == 0 {
                return Err(ctx.zero_division("0.0 cannot be raised to a negative power"));
            }
            Some(Value::Float(libm::pow(x as f64, y as f64)))
        }
        BinOp::Pow => (y <= u32::MAX as i64)
            .then(|| x.checked_pow(y as u32))
            .flatten()
            .map(Value::Int),
        BinOp::LShift if y < 0 => return Err(ctx.value_error("negative shift count")),
        BinOp::LShift => (y < 63 && (x << y) >> y == x).then(|| Value::Int(x << y)),
        BinOp::RShift if y < 0 => return Err(ctx.value_error("negative shift count")),
        BinOp::RShift => Some(Value::Int(x >> y.min(63))),
        _ => None,
    })
}

fn big_binary(ctx: &mut Ctx<'_>, op: BinOp, x: BigInt, y: BigInt) -> PyResult<Value> {
    use num_integer::Integer;
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            check_bits(ctx, x.bits() + y.bits())?;
            x * y
        }
        BinOp::FloorDiv | BinOp::Mod if y.is_zero() => {
            return Err(ctx.zero_division("integer division or modulo by zero"));
        }
        BinOp::FloorDiv => x.div_floor(&y),
        BinOp::Mod => x.mod_floor(&y),
        BinOp::Div => {
            if y.is_zero() {
                return Err(ctx.zero_division("division by zero"));
            }
            let q = big_to_f64(&x) / big_to_f64(&y);
            if !q.is_finite() {
                return Err(ctx.overflow_error("integer division result too large for a float"));
            }
            return Ok(Value::Float(q));
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (fx, fy) = (big_to_f64(&x), big_to_f64(&y));
                if fx == 0.0 {
                    return Err(ctx.zero_division("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float(libm::pow(fx, fy)));
            }
            if x.is_zero() || x.is_one() {
                return Ok(Value::Int(if y.is_zero() {
                    1
                } else {
                    x.to_i64().unwrap_or(0)
                }));
            }
            if x == BigInt::from(-1) {
                return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
            }
            let Some(e) = y.to_u32() else {
                return Err(Flow::Raise(ctx.vm.memory_error));
            };
            check_bits(ctx, x.bits().saturating_mul(e as u64))?;
            num_traits::Pow::pow(x, e)
        }
        BinOp::LShift | BinOp::RShift if y.is_negative() => {
            return Err(ctx.value_error("negative shift count"));
        }
        BinOp::LShift => {
            let Some(n) = y.to_u64() else {
                return Err(ctx.overflow_error("too many digits in integer"));
            };
            check_bits(ctx, x.bits().saturating_add(n))?;
            x << n
        }
        BinOp::RShift => match y.to_u64() {
            Some(n) => x >> n,
            None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
        },
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::MatMul => {
            return Err(ctx.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
    };
    from_big(ctx, r)
}

/// A big integer as the nearest float (infinite when too large).
pub fn big_to_f64(b: &BigInt) -> f64 {
    b.to_f64().unwrap_or(if b.is_negative() {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

/// Unary operators on integers.
pub fn unary(ctx: &mut Ctx<'_>, instr: Instr, a: Value) -> PyResult<Option<Value>> {
    if !is_int(ctx, a) {
        return Ok(None);
    }
    if let Some(i) = small_int(ctx, a) {
        let r = match instr {
            Instr::UnaryNeg => i.checked_neg().map(Value::Int),
            Instr::UnaryPos => Some(Value::Int(i)),
            _ => Some(Value::Int(!i)),
        };
        if let Some(r) = r {
            return Ok(Some(r));
        }
    }
    let Some(b) = to_big(ctx, a) else {
        return Ok(None);
    };
    let r = match instr {
        Instr::UnaryNeg => -b,
        Instr::UnaryPos => b,
        _ => -b - 1,
    };
    from_big(ctx, r).map(Some)
}

/// Ordering of two numbers (ints of any size, bools, floats); `None` when
/// either is not a number, `Some(None)` when a NaN makes them unordered.
pub fn compare_numbers(ctx: &Ctx<'_>, a: Value, b: Value) -> Option<Option<Ordering>> {
    let num = |v: Value| -> Option<Result<BigInt, f64>> {
        match v {
            Value::Float(f) => Some(Err(f)),
            _ => to_big(ctx, v).map(Ok),
        }
    };
    let (x, y) = (num(a)?, num(b)?);
    Some(match (x, y) {
        (Ok(x), Ok(y)) => Some(x.cmp(&y)),
        (Err(x), Err(y)) => x.partial_cmp(&y),
        (Ok(x), Err(y)) => compare_int_float(&x, y),
        (Err(x), Ok(y)) => compare_int_float(&y, x).map(Ordering::reverse),
    })
}

/// Exact comparison of an integer with a float.
fn compare_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = libm::floor(f);
    let fi = BigInt::from(floor as i128);
    let fi = if floor.abs() >= 1e38 {
        num_traits::FromPrimitive::from_f64(floor).unwrap_or(fi)
    } else {
        fi
    };
    match i.cmp(&fi) {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        o => Some(o),
    }
}

/// Decimal text of a big integer, refusing more digits than CPython does.
pub fn big_to_string(ctx: &mut Ctx<'_>, b: &BigInt) -> PyResult<String> {
    if b.bits() > (MAX_STR_DIGITS as u64 * 3322) / 1000 + 4 {
        let s = b.to_string();
        let digits = s.trim_start_matches('-').len();
        if digits > MAX_STR_DIGITS {
            return Err(ctx.value_error(alloc::format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
        return Ok(s);
    }
    Ok(b.to_string())
}

/// `format(i, spec)` for integers.
pub fn format(ctx: &mut Ctx<'_>, v: Value, spec: &str) -> PyResult<String> {
    let Some(b) = to_big(ctx, v) else {
        return Err(ctx.type_error("expected an integer"));
    };
    if spec.is_empty() {
        return big_to_string(ctx, &b);
    }
    let Some(p) = format::parse_spec(spec) else {
        return Err(ctx.value_error("Invalid format specifier"));
    };
    let kind = p.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return crate::objects::float::format(ctx, big_to_f64(&b), spec);
    }
    if p.precision.is_some() {
        return Err(ctx.value_error("Precision not allowed in integer format specifier"));
    }
    let magnitude = b.magnitude();
    let (digits, prefix, group_every) = match kind {
        'd' | 'n' => (magnitude.to_string(), "", 3),
        'b' => (magnitude.to_str_radix(2), "0b", 4),
        'o' => (magnitude.to_str_radix(8), "0o", 4),
        'x' => (magnitude.to_str_radix(16), "0x", 4),
        'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X", 4),
        'c' => {
            let c = b.to_u32().and_then(char::from_u32);
            let Some(c) = c else {
                return Err(ctx.overflow_error("%c arg not in range(0x110000)"));
            };
            return Ok(format::pad(&p, "", &String::from(c), '<'));
        }
        other => {
            return Err(ctx.value_error(alloc::format!(
                "Unknown format code '{other}' for object of type 'int'"
            )));
        }
    };
    let grouped = match p.grouping {
        Some(sep) => format::group_digits(&digits, sep, group_every),
        None => digits,
    };
    let sign = match (b.sign() == Sign::Minus, p.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let mut lead = String::from(sign);
    if p.alternate {
        lead.push_str(prefix);
    }
    if p.fill == '0' && p.align == Some('=') && p.grouping.is_some() {
        // Zero padding goes through the grouping like CPython's.
        let width = p.width.saturating_sub(lead.len());
        let mut padded = grouped.clone();
        while padded.chars().count() < width {
            let raw: String = padded
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect();
            padded = format::group_digits(
                &alloc::format!("0{raw}"),
                p.grouping.unwrap_or(','),
                group_every,
            );
        }
        return Ok(alloc::format!("{lead}{padded}"));
    }
    Ok(format::pad(&p, &lead, &grouped, '>'))
}

/// `.real`, `.imag`, `.numerator`, `.denominator` of numbers.
pub fn number_attr(ctx: &mut Ctx<'_>, v: Value, name: &str) -> PyResult<Option<Value>> {
    let is_number = is_int(ctx, v) || matches!(v, Value::Float(_));
    if !is_number {
        return Ok(None);
    }
    let as_int = |v: Value| match v {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    };
    Ok(match (name, v) {
        ("real", _) => Some(as_int(v)),
        ("imag", Value::Float(_)) => Some(Value::Float(0.0)),
        ("imag", _) => Some(Value::Int(0)),
        ("numerator", Value::Float(_)) | ("denominator", Value::Float(_)) => None,
        ("numerator", _) => Some(as_int(v)),
        ("denominator", _) => Some(Value::Int(1)),
        _ => None,
    })
}

/// Three-argument `pow(a, b, m)`.
pub fn pow_mod(ctx: &mut Ctx<'_>, a: Value, b: Value, m: Value) -> PyResult<Value> {
    let (Some(x), Some(y), Some(z)) = (to_big(ctx, a), to_big(ctx, b), to_big(ctx, m)) else {
        return Err(
            ctx.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if z.is_zero() {
        return Err(ctx.value_error("pow() 3rd argument cannot be 0"));
    }
    use num_integer::Integer;
    let r = if y.is_negative() {
        let inv = mod_inverse(&x.mod_floor(&z), &z);
        let Some(inv) = inv else {
            return Err(ctx.value_error("base is not invertible for the given modulus"));
        };
        inv.modpow(&(-y), &z.abs())
    } else {
        x.modpow(&y, &z.abs())
    };
    let r = r.mod_floor(&z);
    from_big(ctx, r)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let e = a.extended_gcd(m);
    e.gcd.is_one().then(|| e.x.mod_floor(m))
}

/// `round(i, ndigits)` for integers.
pub fn round(ctx: &mut Ctx<'_>, v: Value, nd: Value) -> PyResult<Value> {
    let Some(x) = to_big(ctx, v) else {
        return Ok(v);
    };
    if nd.is_none() {
        return from_big(ctx, x);
    }
    let n = ctx.index_value(nd)?;
    if n >= 0 {
        return from_big(ctx, x);
    }
    use num_integer::Integer;
    let Some(exp) = u32::try_from(-n).ok().filter(|e| *e < 10_000) else {
        return Ok(Value::Int(0));
    };
    let p: BigInt = num_traits::Pow::pow(BigInt::from(10), exp);
    let (q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    from_big(ctx, q * p)
}

impl Ctx<'_> {
    /// `operator.index(v)` as an `i64` (`OverflowError` beyond).
    pub fn index_value(&mut self, v: Value) -> PyResult<i64> {
        let i = self.index_int(v)?;
        match i {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            _ => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// `operator.index(v)`: an `int` value, through `__index__` for
    /// instances.
    pub fn index_int(&mut self, v: Value) -> PyResult<Value> {
        if is_int(self, v) {
            return Ok(v);
        }
        if let Value::Obj(r) = v
            && let Object::Instance(_) = self.vm.heap.get(r)
        {
            let inner = crate::interp::ops::unwrap_builtin(self, v);
            if is_int(self, inner) {
                return Ok(inner);
            }
            let ty = self.type_of(v);
            if let Some(f) = self.type_lookup_str(ty, "__index__") {
                let r = self.call(f, &[v])?;
                if is_int(self, r) {
                    return Ok(r);
                }
                let t = self.type_name(r);
                return Err(
                    self.type_error(alloc::format!("__index__ returned non-int (type {t})"))
                );
            }
        }
        let t = self.type_name(v);
        Err(self.type_error(alloc::format!(
            "'{t}' object cannot be interpreted as an integer"
        )))
    }

    /// A number as a float (`TypeError` for anything else).
    pub fn float_value(&mut self, v: Value) -> PyResult<f64> {
        match v {
            Value::Float(f) => Ok(f),
            Value::Int(i) => Ok(i as f64),
            Value::Bool(b) => Ok(b as i64 as f64),
            _ => {
                if let Some(b) = to_big(self, v) {
                    let f = big_to_f64(&b);
                    if f.is_infinite() {
                        return Err(self.overflow_error("int too large to convert to float"));
                    }
                    return Ok(f);
                }
                let inner = crate::interp::ops::unwrap_builtin(self, v);
                if !inner.is(v) {
                    return self.float_value(inner);
                }
                let ty = self.type_of(v);
                if let Some(f) = self.type_lookup_str(ty, "__float__") {
                    let r = self.call(f, &[v])?;
                    if let Value::Float(x) = r {
                        return Ok(x);
                    }
                }
                let t = self.type_name(v);
                Err(self.type_error(alloc::format!("must be real number, not {t}")))
            }
        }
    }

    /// The integer `%d`-style formatting takes from a number (floats are
    /// truncated for `d`, refused for `x` and `o`).
    pub fn int_from_number(&mut self, v: Value, kind: char) -> PyResult<Value> {
        if is_int(self, v) {
            return Ok(v);
        }
        if let Value::Float(f) = v
            && matches!(kind, 'd' | 'i' | 'u')
        {
            return float_to_int(self, f);
        }
        let t = self.type_name(v);
        let what = if matches!(kind, 'd' | 'i' | 'u') {
            "a real number"
        } else {
            "an integer"
        };
        Err(self.type_error(alloc::format!(
            "%{kind} format: {what} is required, not {t}"
        )))
    }
}

/// `int(f)` for a float.
pub fn float_to_int(ctx: &mut Ctx<'_>, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(ctx.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(ctx.overflow_error("cannot convert float infinity to integer"));
    }
    let t = libm::trunc(f);
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    let b: BigInt = num_traits::FromPrimitive::from_f64(t).unwrap_or_default();
    from_big(ctx, b)
}

/// Parse an integer literal the way `int(s, base)` does.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let s = text.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &s[2..]),
        (0 | 8, Some("0o")) => (8, &s[2..]),
        (0 | 2, Some("0b")) => (2, &s[2..]),
        (0, _) => {
            if s.len() > 1 && s.starts_with('0') && s.chars().any(|c| c != '0' && c != '_') {
                return None;
            }
            (10, s)
        }
        (b, _) => (b, s),
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| base != 10)
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if negative { -v } else { v })
}

fn int_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "int", 1, 3, &["base"])?;
    let cls = ctx.arg(args, 0);
    let base = match ctx.kwarg(args, "base") {
        Some(b) => Some(b),
        None if args.positional() > 2 => Some(ctx.arg(args, 2)),
        None => None,
    };
    let v = if args.positional() > 1 {
        ctx.arg(args, 1)
    } else if base.is_some() {
        return Err(ctx.type_error("int() missing string argument"));
    } else {
        Value::Int(0)
    };
    let result = match base {
        Some(b) => {
            let b = ctx.index_value(b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(ctx.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = match ctx.str_ref(v) {
                Some(s) => String::from(s),
                None => match crate::objects::bytes::try_slice(ctx, v) {
                    Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                    None => {
                        return Err(
                            ctx.type_error("int() can't convert non-string with explicit base")
                        );
                    }
                },
            };
            parse_text(ctx, &text, b as u32)?
        }
        None => int_of(ctx, v)?,
    };
    crate::interp::class::wrap_builtin(ctx, cls, result)
}

fn parse_text(ctx: &mut Ctx<'_>, text: &str, base: u32) -> PyResult<Value> {
    let digits = text.trim().trim_start_matches(['+', '-']).len();
    if base == 10 && digits > MAX_STR_DIGITS {
        return Err(ctx.value_error(alloc::format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    match parse_int(text, base) {
        Some(b) => from_big(ctx, b),
        None => {
            let shown = crate::objects::str::repr(text);
            Err(ctx.value_error(alloc::format!(
                "invalid literal for int() with base {base}: {shown}"
            )))
        }
    }
}

/// `int(v)` for one argument.
fn int_of(ctx: &mut Ctx<'_>, v: Value) -> PyResult<Value> {
    match v {
        Value::Int(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => float_to_int(ctx, f),
        _ => {
            if is_int(ctx, v) {
                return Ok(v);
            }
            if let Some(s) = ctx.str_ref(v) {
                let s = String::from(s);
                return parse_text(ctx, &s, 10);
            }
            if let Some(b) = crate::objects::bytes::try_slice(ctx, v) {
                let s = String::from_utf8_lossy(&b).into_owned();
                return parse_text(ctx, &s, 10);
            }
            let ty = ctx.type_of(v);
            for name in ["__int__", "__index__"] {
                if let Some(f) = ctx.type_lookup_str(ty, name) {
                    let r = ctx.call(f, &[v])?;
                    if is_int(ctx, r) {
                        return Ok(r);
                    }
                    let t = ctx.type_name(r);
                    return Err(
                        ctx.type_error(alloc::format!("{name} returned non-int (type {t})"))
                    );
                }
            }
            let inner = crate::interp::ops::unwrap_builtin(ctx, v);
            if !inner.is(v) {
                return int_of(ctx, inner);
            }
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
            )))
        }
    }
}

fn this_int(ctx: &mut Ctx<'_>, args: Args) -> PyResult<BigInt> {
    let v = ctx.arg(args, 0);
    let v = crate::interp::ops::unwrap_builtin(ctx, v);
    match to_big(ctx, v) {
        Some(b) => Ok(b),
        None => Err(ctx.type_error("descriptor requires an 'int' object")),
    }
}

fn bit_length(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this_int(ctx, args)?;
    Ok(Value::Int(b.bits() as i64))
}

fn bit_count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this_int(ctx, args)?;
    let ones: u64 = b
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

fn byteorder_arg(ctx: &mut Ctx<'_>, args: Args, pos: usize) -> PyResult<bool> {
    let v = match ctx.kwarg(args, "byteorder") {
        Some(v) => v,
        None if args.positional() > pos => ctx.arg(args, pos),
        None => return Ok(true),
    };
    match ctx.str_ref(v) {
        Some("big") => Ok(true),
        Some("little") => Ok(false),
        _ => Err(ctx.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn signed_arg(ctx: &mut Ctx<'_>, args: Args) -> PyResult<bool> {
    match ctx.kwarg(args, "signed") {
        Some(v) => ctx.truthy(v),
        None => Ok(false),
    }
}

fn to_bytes(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "to_bytes", 1, 3, &["length", "byteorder", "signed"])?;
    let b = this_int(ctx, args)?;
    let length = match ctx.kwarg(args, "length") {
        Some(v) => ctx.index_value(v)?,
        None if args.positional() > 1 => {
            let v = ctx.arg(args, 1);
            ctx.index_value(v)?
        }
        None => 1,
    };
    if length < 0 {
        return Err(ctx.value_error("length argument must be non-negative"));
    }
    let big_endian = byteorder_arg(ctx, args, 2)?;
    let signed = signed_arg(ctx, args)?;
    if b.is_negative() && !signed {
        return Err(ctx.overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    check_bits(ctx, length as u64 * 8)?;
    let mut bytes = if signed {
        b.to_signed_bytes_le()
    } else {
        b.magnitude().to_bytes_le()
    };
    if b.is_zero() {
        bytes.clear();
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    if bytes.len() > length {
        let trimmed_ok = bytes[length..].iter().all(|x| *x == fill)
            && (!signed || length == 0 || (bytes[length - 1] & 0x80 != 0) == b.is_negative());
        if !trimmed_ok || (signed && length == 0 && !b.is_zero()) {
            return Err(ctx.overflow_error("int too big to convert"));
        }
        bytes.truncate(length);
    }
    bytes.resize(length, fill);
    if signed && length > 0 && !b.is_negative() && bytes[length - 1] & 0x80 != 0 {
        return Err(ctx.overflow_error("int too big to convert"));
    }
    if big_endian {
        bytes.reverse();
    }
    Ok(Value::Obj(
        ctx.alloc(Object::Bytes(bytes.into_boxed_slice()))?,
    ))
}

fn from_bytes(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "from_bytes", 2, 3, &["bytes", "byteorder", "signed"])?;
    let cls = ctx.arg(args, 0);
    let source = ctx.arg(args, 1);
    let data: Vec<u8> = match crate::objects::bytes::try_slice(ctx, source) {
        Some(b) => b,
        None => {
            let mut out = Vec::new();
            for v in ctx.collect(source)? {
                let i = ctx.index_value(v)?;
                if !(0..=255).contains(&i) {
                    return Err(ctx.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    };
    let big_endian = byteorder_arg(ctx, args, 2)?;
    let signed = signed_arg(ctx, args)?;
    let b = match (big_endian, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, &data),
    };
    let v = from_big(ctx, b)?;
    crate::interp::class::wrap_builtin(ctx, cls, v)
}

fn conjugate(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this_int(ctx, args)?;
    from_big(ctx, b)
}

fn int_index(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this_int(ctx, args)?;
    from_big(ctx, b)
}

/// Methods of `int`.
pub static INT_METHODS: &[Native] = &[
    Native::static_method("__new__", int_new),
    Native::method("bit_length", bit_length),
    Native::method("bit_count", bit_count),
    Native::method("to_bytes", to_bytes),
    Native::class_method("from_bytes", from_bytes),
    Native::method("conjugate", conjugate),
    Native::method("__index__", int_index),
    Native::method("__int__", int_index),
];

fn bool_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.check_args(args, "bool", 1, 2, &[])?;
    if args.positional() == 1 {
        return Ok(Value::Bool(false));
    }
    let v = ctx.arg(args, 1);
    Ok(Value::Bool(ctx.truthy(v)?))
}

/// Methods of `bool`.
pub static BOOL_METHODS: &[Native] = &[Native::static_method("__new__", bool_new)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        // 2**100 mod (2**61 - 1) = 2**39
        assert_eq!(hash_big(&(BigInt::from(1) << 100)), 1 << 39);
    }

    #[test]
    fn parses_literals_like_int() {
        assert_eq!(parse_int(" 42 ", 10), Some(BigInt::from(42)));
        assert_eq!(parse_int("-0x1f", 0), Some(BigInt::from(-31)));
        assert_eq!(parse_int("1_000", 10), Some(BigInt::from(1000)));
        assert_eq!(parse_int("ff", 16), Some(BigInt::from(255)));
        assert_eq!(parse_int("010", 0), None);
        assert_eq!(parse_int("1__0", 10), None);
        assert_eq!(parse_int("12a", 10), None);
        assert_eq!(parse_int("", 10), None);
    }

    #[test]
    fn int_float_comparison_is_exact() {
        let big = BigInt::from(1u64 << 53) + 1;
        assert_eq!(
            compare_int_float(&big, 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_int_float(&BigInt::from(3), 3.5),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare_int_float(&BigInt::from(-3), -3.5),
            Some(Ordering::Greater)
        );
        assert_eq!(compare_int_float(&BigInt::from(3), f64::NAN), None);
    }
}
