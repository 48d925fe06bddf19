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
use crate::native::{Args, Native, Sig};
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
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinOp::BitAnd => return Ok(Some(Value::Bool(x & y))),
            BinOp::BitOr => return Ok(Some(Value::Bool(x | y))),
            BinOp::BitXor => return Ok(Some(Value::Bool(x ^ y))),
            _ => {}
        }
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
        BinOp::FloorDiv if y == 0 => {
            return Err(ctx.zero_division("integer division or modulo by zero"));
        }
        BinOp::Mod if y == 0 => return Err(ctx.zero_division("integer modulo by zero")),
        BinOp::Div if y == 0 => return Err(ctx.zero_division("division by zero")),
        BinOp::Pow if y < 0 => {
            if x == 0 {
                return Err(ctx.zero_division("0.0 cannot be raised to a negative power"));
            }
            Some(Value::Float(crate::objects::dd::pow(x as f64, y as f64)))
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
        BinOp::FloorDiv if y.is_zero() => {
            return Err(ctx.zero_division("integer division or modulo by zero"));
        }
        BinOp::Mod if y.is_zero() => return Err(ctx.zero_division("integer modulo by zero")),
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
                return Ok(Value::Float(crate::objects::dd::pow(fx, fy)));
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
    if let Some(b) = crate::interp::ops::fast_compare_order(a, b) {
        return Some(b);
    }
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
    let type_name = ctx.type_name(v);
    let p = format::parse_spec(ctx, spec, &type_name, '>')?;
    let kind = p.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = big_to_f64(&b);
        if f.is_infinite() {
            return Err(ctx.overflow_error("int too large to convert to float"));
        }
        return crate::objects::float::format(ctx, f, spec);
    }
    if p.precision.is_some() {
        return Err(ctx.value_error("Precision not allowed in integer format specifier"));
    }
    if p.no_neg_zero {
        return Err(
            ctx.value_error("Negative zero coercion (z) not allowed in integer format specifier")
        );
    }
    let magnitude = b.magnitude();
    let (digits, prefix) = match kind {
        'd' | 'n' => (magnitude.to_string(), ""),
        'b' => (magnitude.to_str_radix(2), "0b"),
        'o' => (magnitude.to_str_radix(8), "0o"),
        'x' => (magnitude.to_str_radix(16), "0x"),
        'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            if p.sign.is_some() {
                return Err(ctx.value_error("Sign not allowed with integer format specifier 'c'"));
            }
            if p.alternate {
                return Err(ctx.value_error(
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                ));
            }
            if b.to_i64().is_none() {
                return Err(ctx.overflow_error("Python int too large to convert to C long"));
            }
            let c = b
                .to_u32()
                .filter(|n| *n <= 0x10ffff)
                .and_then(char::from_u32);
            let Some(c) = c else {
                return Err(ctx.overflow_error("%c arg not in range(0x110000)"));
            };
            return Ok(format::pad(&p, "", c.encode_utf8(&mut [0; 4])));
        }
        other => return Err(format::unknown_code(ctx, other, &type_name)),
    };
    if kind == 'd' && digits.len() > MAX_STR_DIGITS {
        return big_to_string(ctx, &b);
    }
    let mut lead = String::from(match (b.sign() == Sign::Minus, p.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    });
    if p.alternate {
        lead.push_str(prefix);
    }
    Ok(format::pad_number(&p, &lead, &digits, ""))
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

/// Parse the text `int(s, base)` accepts: surrounding white space, a sign,
/// a base prefix (which must match `base` unless it is 0), digits of any
/// script for base 10, single underscores between digits.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let s = text.trim_matches(crate::objects::unicode::is_space);
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let prefix = s.get(..2).map(str::to_ascii_lowercase);
    let base_zero = base == 0;
    let (base, digits, prefixed) = match (base, prefix.as_deref()) {
        (0 | 16, Some("0x")) => (16, &s[2..], true),
        (0 | 8, Some("0o")) => (8, &s[2..], true),
        (0 | 2, Some("0b")) => (2, &s[2..], true),
        (0, _) => (10, s, false),
        (b, _) => (b, s, false),
    };
    let digits = if prefixed {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    let mut clean = Vec::with_capacity(digits.len());
    let mut last_digit = false;
    for c in digits.chars() {
        if c == '_' {
            if !last_digit {
                return None;
            }
            last_digit = false;
            continue;
        }
        let d = match crate::objects::unicode::decimal_value(c) {
            Some(d) => d,
            None => c.to_digit(36)?,
        };
        if d >= base {
            return None;
        }
        clean.push(d as u8);
        last_digit = true;
    }
    if clean.is_empty() || !last_digit {
        return None;
    }
    // Base 0 refuses leading zeros of a non-zero decimal number.
    if base_zero && text_base_zero_leading(base, prefixed, &clean) {
        return None;
    }
    let v = BigInt::from_radix_be(Sign::Plus, &clean, base)?;
    Some(if negative { -v } else { v })
}

fn text_base_zero_leading(base: u32, prefixed: bool, digits: &[u8]) -> bool {
    base == 10 && !prefixed && digits.len() > 1 && digits[0] == 0 && digits.iter().any(|d| *d != 0)
}

static INT_NEW: Sig = Sig::new("int", &["", "base"], 0).posonly(1);

fn int_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let [x, base] = ctx.bind(args, 1, &INT_NEW)?;
    let result = match (x, base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(ctx.type_error("int() missing string argument")),
        (Some(v), None) => int_of(ctx, v)?,
        (Some(v), Some(b)) => {
            let b = ctx.index_int(b)?;
            let b = small_int(ctx, b).unwrap_or(-1);
            if b != 0 && !(2..=36).contains(&b) {
                return Err(ctx.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            if ctx.str_ref(v).is_none() && crate::objects::bytes::data(ctx, v).is_none() {
                return Err(ctx.type_error("int() can't convert non-string with explicit base"));
            }
            parse_text(ctx, v, b as u32)?
        }
    };
    crate::interp::class::wrap_builtin(ctx, cls, result)
}

/// `int(s, base)` for a str or bytes-like value.
fn parse_text(ctx: &mut Ctx<'_>, v: Value, base: u32) -> PyResult<Value> {
    let (text, shown) = match ctx.str_ref(v) {
        Some(s) => (String::from(s), crate::objects::str::repr(s)),
        None => {
            let b = crate::objects::bytes::data(ctx, v).unwrap_or_default();
            (
                String::from_utf8_lossy(b).into_owned(),
                crate::objects::bytes::repr(b),
            )
        }
    };
    let digits = text
        .trim_matches(crate::objects::unicode::is_space)
        .trim_start_matches(['+', '-'])
        .len();
    if base == 10 && digits > MAX_STR_DIGITS {
        return Err(ctx.value_error(alloc::format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    match parse_int(&text, base) {
        Some(b) => from_big(ctx, b),
        None => Err(ctx.value_error(alloc::format!(
            "invalid literal for int() with base {base}: {shown}"
        ))),
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
            if ctx.str_ref(v).is_some() || crate::objects::bytes::data(ctx, v).is_some() {
                let inner = crate::interp::ops::unwrap_builtin(ctx, v);
                let ty = ctx.type_of(v);
                if inner.is(v) || ctx.type_lookup_str(ty, "__int__").is_none() {
                    return parse_text(ctx, v, 10);
                }
            }
            let ty = ctx.type_of(v);
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = ctx.type_lookup_str(ty, name)
                    && (matches!(f, Value::Obj(_)) || name != "__trunc__")
                {
                    let r = ctx.call(f, &[v])?;
                    if is_int(ctx, r) {
                        return Ok(crate::interp::ops::unwrap_builtin(ctx, r));
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

/// `self` of an `int` method.
fn this(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<BigInt> {
    if args.positional() == 0 {
        return Err(crate::native::unbound_error(ctx, "int", name));
    }
    let v = match args.positional() {
        0 => Value::None,
        _ => ctx.arg(args, 0),
    };
    let v = crate::interp::ops::unwrap_builtin(ctx, v);
    match to_big(ctx, v) {
        Some(b) => Ok(b),
        None => Err(crate::native::descriptor_error(ctx, "int", name, v)),
    }
}

/// `self` of an `int` method taking no arguments, as a value.
fn this_value(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    let b = this(ctx, args, name)?;
    ctx.no_args(args, "int", name)?;
    match b.to_i64() {
        Some(i) => Ok(Value::Int(i)),
        None => from_big(ctx, b),
    }
}

fn bit_length(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this(ctx, args, "bit_length")?;
    ctx.no_args(args, "int", "bit_length")?;
    Ok(Value::Int(b.bits() as i64))
}

fn bit_count(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this(ctx, args, "bit_count")?;
    ctx.no_args(args, "int", "bit_count")?;
    let ones: u64 = b
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

/// The `byteorder` argument (`'big'` is true).
fn byteorder(ctx: &mut Ctx<'_>, v: Option<Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else {
        return Ok(true);
    };
    match ctx.str_ref(v) {
        Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => Err(ctx.value_error("byteorder must be either 'little' or 'big'")),
        None => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "{fname}() argument 'byteorder' must be str, not {t}"
            )))
        }
    }
}

static TO_BYTES: Sig = Sig::new("to_bytes", &["length", "byteorder", "signed"], 0).maxpos(2);

fn to_bytes(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this(ctx, args, "to_bytes")?;
    let [length, order, signed] = ctx.bind(args, 1, &TO_BYTES)?;
    let length = match length {
        Some(v) => ctx.index_value(v)?,
        None => 1,
    };
    let big_endian = byteorder(ctx, order, "to_bytes")?;
    if length < 0 {
        return Err(ctx.value_error("length argument must be non-negative"));
    }
    let signed = match signed {
        Some(v) => ctx.truthy(v)?,
        None => false,
    };
    if b.is_negative() && !signed {
        return Err(ctx.overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    ctx.room(length)?;
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
    crate::objects::codec::new_bytes(ctx, bytes)
}

static FROM_BYTES: Sig = Sig::new("from_bytes", &["bytes", "byteorder", "signed"], 1).maxpos(2);

fn from_bytes(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let cls = ctx.arg(args, 0);
    let [source, order, signed] = ctx.bind(args, 1, &FROM_BYTES)?;
    let source = source.unwrap_or(Value::None);
    let big_endian = byteorder(ctx, order, "from_bytes")?;
    let data: Vec<u8> = match crate::objects::bytes::data(ctx, source) {
        Some(b) => b.to_vec(),
        None => {
            if is_int(ctx, source)
                || ctx.str_ref(source).is_some()
                || crate::interp::iter::get_iter(ctx, source).is_err()
            {
                let t = ctx.type_name(source);
                return Err(ctx.type_error(alloc::format!("cannot convert '{t}' object to bytes")));
            }
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
    let signed = match signed {
        Some(v) => ctx.truthy(v)?,
        None => false,
    };
    let b = match (big_endian, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, &data),
    };
    let v = from_big(ctx, b)?;
    if cls.as_obj() == Some(ctx.vm.types.int) {
        return Ok(v);
    }
    ctx.call(cls, &[v])
}

fn as_integer_ratio(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = this_value(ctx, args, "as_integer_ratio")?;
    ctx.new_tuple(alloc::vec![v, Value::Int(1)])
}

fn conjugate(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_value(ctx, args, "conjugate")
}

fn int_index(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_value(ctx, args, "__index__")
}

fn int_int(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_value(ctx, args, "__int__")
}

fn int_trunc(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_value(ctx, args, "__trunc__")
}

fn int_floor(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_value(ctx, args, "__floor__")
}

fn int_ceil(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_value(ctx, args, "__ceil__")
}

fn int_pos(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    this_value(ctx, args, "__pos__")
}

fn int_float(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = this_value(ctx, args, "__float__")?;
    Ok(Value::Float(ctx.float_value(v)?))
}

fn int_bool(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this(ctx, args, "__bool__")?;
    ctx.no_args(args, "int", "__bool__")?;
    Ok(Value::Bool(!b.is_zero()))
}

fn int_hash(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this(ctx, args, "__hash__")?;
    ctx.no_args(args, "int", "__hash__")?;
    Ok(Value::Int(hash_big(&b)))
}

fn int_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this(ctx, args, "__repr__")?;
    ctx.no_args(args, "int", "__repr__")?;
    let s = big_to_string(ctx, &b)?;
    ctx.new_string(s)
}

fn int_format(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = this_value_any(ctx, args, "__format__")?;
    let spec = ctx.one_arg(args, 1, "int", "__format__")?;
    let Some(spec) = ctx.str_ref(spec).map(String::from) else {
        let t = ctx.type_name(spec);
        return Err(ctx.type_error(alloc::format!("__format__() argument must be str, not {t}")));
    };
    let s = crate::interp::format::format(ctx, v, &spec)?;
    ctx.new_string(s)
}

/// `self` of an `int` method, as an `int` (or `bool`) value.
fn this_value_any(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    this(ctx, args, name)?;
    let v = ctx.arg(args, 0);
    Ok(crate::interp::ops::unwrap_builtin(ctx, v))
}

fn int_round(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = this_value_any(ctx, args, "__round__")?;
    ctx.positional_only(args, 1, "int", "__round__", 0, 1)?;
    let nd = ctx.opt_arg(args, 1).unwrap_or(Value::None);
    let v = match v {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    };
    round(ctx, v, nd)
}

/// A unary operator as a dunder method.
fn unary_dunder(ctx: &mut Ctx<'_>, args: Args, name: &str, instr: Instr) -> PyResult<Value> {
    let v = this_value_any(ctx, args, name)?;
    ctx.no_args(args, "int", name)?;
    Ok(unary(ctx, instr, v)?.unwrap_or(Value::NotImplemented))
}

fn int_neg(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    unary_dunder(ctx, args, "__neg__", Instr::UnaryNeg)
}

fn int_invert(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    unary_dunder(ctx, args, "__invert__", Instr::UnaryInvert)
}

fn int_abs(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let b = this(ctx, args, "__abs__")?;
    ctx.no_args(args, "int", "__abs__")?;
    from_big(ctx, b.abs())
}

/// A binary operator as a dunder method: `NotImplemented` unless the other
/// operand is an `int`.
fn operator(ctx: &mut Ctx<'_>, args: Args, name: &str, op: BinOp, swap: bool) -> PyResult<Value> {
    let me = this_value_any(ctx, args, name)?;
    let other = ctx.one_arg(args, 1, "int", name)?;
    let other = crate::interp::ops::unwrap_builtin(ctx, other);
    if !is_int(ctx, other) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if swap { (other, me) } else { (me, other) };
    Ok(binary(ctx, op, a, b)?.unwrap_or(Value::NotImplemented))
}

/// A comparison as a dunder method: `NotImplemented` unless the other
/// operand is an `int`.
fn comparison(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    test: fn(Ordering) -> bool,
) -> PyResult<Value> {
    let me = this(ctx, args, name)?;
    let other = ctx.one_arg(args, 1, "int", name)?;
    let other = crate::interp::ops::unwrap_builtin(ctx, other);
    match to_big(ctx, other) {
        Some(o) => Ok(Value::Bool(test(me.cmp(&o)))),
        None => Ok(Value::NotImplemented),
    }
}

macro_rules! int_dunders {
    ($( $f:ident: $name:literal => $kind:ident($($arg:expr),*) ),* $(,)?) => {
        $(
            fn $f(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
                $kind(ctx, args, $name, $($arg),*)
            }
        )*
    };
}

int_dunders!(
    i_add: "__add__" => operator(BinOp::Add, false),
    i_radd: "__radd__" => operator(BinOp::Add, true),
    i_sub: "__sub__" => operator(BinOp::Sub, false),
    i_rsub: "__rsub__" => operator(BinOp::Sub, true),
    i_mul: "__mul__" => operator(BinOp::Mul, false),
    i_rmul: "__rmul__" => operator(BinOp::Mul, true),
    i_truediv: "__truediv__" => operator(BinOp::Div, false),
    i_rtruediv: "__rtruediv__" => operator(BinOp::Div, true),
    i_floordiv: "__floordiv__" => operator(BinOp::FloorDiv, false),
    i_rfloordiv: "__rfloordiv__" => operator(BinOp::FloorDiv, true),
    i_mod: "__mod__" => operator(BinOp::Mod, false),
    i_rmod: "__rmod__" => operator(BinOp::Mod, true),
    i_pow: "__pow__" => operator(BinOp::Pow, false),
    i_rpow: "__rpow__" => operator(BinOp::Pow, true),
    i_lshift: "__lshift__" => operator(BinOp::LShift, false),
    i_rlshift: "__rlshift__" => operator(BinOp::LShift, true),
    i_rshift: "__rshift__" => operator(BinOp::RShift, false),
    i_rrshift: "__rrshift__" => operator(BinOp::RShift, true),
    i_and: "__and__" => operator(BinOp::BitAnd, false),
    i_rand: "__rand__" => operator(BinOp::BitAnd, true),
    i_or: "__or__" => operator(BinOp::BitOr, false),
    i_ror: "__ror__" => operator(BinOp::BitOr, true),
    i_xor: "__xor__" => operator(BinOp::BitXor, false),
    i_rxor: "__rxor__" => operator(BinOp::BitXor, true),
    i_eq: "__eq__" => comparison(Ordering::is_eq),
    i_ne: "__ne__" => comparison(Ordering::is_ne),
    i_lt: "__lt__" => comparison(Ordering::is_lt),
    i_le: "__le__" => comparison(Ordering::is_le),
    i_gt: "__gt__" => comparison(Ordering::is_gt),
    i_ge: "__ge__" => comparison(Ordering::is_ge),
);

fn i_divmod(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let q = operator(ctx, args, "__divmod__", BinOp::FloorDiv, false)?;
    if matches!(q, Value::NotImplemented) {
        return Ok(q);
    }
    let r = operator(ctx, args, "__divmod__", BinOp::Mod, false)?;
    ctx.new_tuple(alloc::vec![q, r])
}

/// Methods of `int`, sorted by name length then name.
pub static INT_METHODS: &[Native] = &[
    Native::method("__eq__", i_eq),
    Native::method("__ge__", i_ge),
    Native::method("__gt__", i_gt),
    Native::method("__le__", i_le),
    Native::method("__lt__", i_lt),
    Native::method("__ne__", i_ne),
    Native::method("__or__", i_or),
    Native::method("__abs__", int_abs),
    Native::method("__add__", i_add),
    Native::method("__and__", i_and),
    Native::method("__int__", int_int),
    Native::method("__mod__", i_mod),
    Native::method("__mul__", i_mul),
    Native::method("__neg__", int_neg),
    Native::static_method("__new__", int_new),
    Native::method("__pos__", int_pos),
    Native::method("__pow__", i_pow),
    Native::method("__ror__", i_ror),
    Native::method("__sub__", i_sub),
    Native::method("__xor__", i_xor),
    Native::method("__bool__", int_bool),
    Native::method("__ceil__", int_ceil),
    Native::method("__hash__", int_hash),
    Native::method("__radd__", i_radd),
    Native::method("__rand__", i_rand),
    Native::method("__repr__", int_repr),
    Native::method("__rmod__", i_rmod),
    Native::method("__rmul__", i_rmul),
    Native::method("__rpow__", i_rpow),
    Native::method("__rsub__", i_rsub),
    Native::method("__rxor__", i_rxor),
    Native::method("to_bytes", to_bytes),
    Native::method("__float__", int_float),
    Native::method("__floor__", int_floor),
    Native::method("__index__", int_index),
    Native::method("__round__", int_round),
    Native::method("__trunc__", int_trunc),
    Native::method("bit_count", bit_count),
    Native::method("conjugate", conjugate),
    Native::method("__divmod__", i_divmod),
    Native::method("__format__", int_format),
    Native::method("__invert__", int_invert),
    Native::method("__lshift__", i_lshift),
    Native::method("__rshift__", i_rshift),
    Native::method("bit_length", bit_length),
    Native::class_method("from_bytes", from_bytes),
    Native::method("__rlshift__", i_rlshift),
    Native::method("__rrshift__", i_rrshift),
    Native::method("__truediv__", i_truediv),
    Native::method("__floordiv__", i_floordiv),
    Native::method("__rtruediv__", i_rtruediv),
    Native::method("__rfloordiv__", i_rfloordiv),
    Native::method("as_integer_ratio", as_integer_ratio),
];

fn bool_new(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    if args.keywords() > 0 {
        return Err(ctx.type_error("bool() takes no keyword arguments"));
    }
    ctx.positional_only(args, 1, "", "bool", 0, 1)?;
    match ctx.opt_arg(args, 1) {
        Some(v) => Ok(Value::Bool(ctx.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

/// `&`, `|`, `^` between two bools give a bool.
fn bool_operator(ctx: &mut Ctx<'_>, args: Args, name: &str, op: BinOp) -> PyResult<Value> {
    let (a, b) = (ctx.arg(args, 0), ctx.one_arg(args, 1, "bool", name)?);
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        return Ok(Value::Bool(match op {
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            _ => x ^ y,
        }));
    }
    operator(ctx, args, name, op, false)
}

fn bool_and(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    bool_operator(ctx, args, "__and__", BinOp::BitAnd)
}

fn bool_or(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    bool_operator(ctx, args, "__or__", BinOp::BitOr)
}

fn bool_xor(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    bool_operator(ctx, args, "__xor__", BinOp::BitXor)
}

fn bool_repr(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    match ctx.arg(args, 0) {
        Value::Bool(b) => ctx.new_str(if b { "True" } else { "False" }),
        v => {
            let t = ctx.type_name(v);
            Err(ctx.type_error(alloc::format!(
                "descriptor '__repr__' for 'bool' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// Methods of `bool`, sorted by name length then name.
pub static BOOL_METHODS: &[Native] = &[
    Native::method("__or__", bool_or),
    Native::method("__and__", bool_and),
    Native::static_method("__new__", bool_new),
    Native::method("__ror__", bool_or),
    Native::method("__xor__", bool_xor),
    Native::method("__rand__", bool_and),
    Native::method("__repr__", bool_repr),
    Native::method("__rxor__", bool_xor),
];

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
        assert_eq!(parse_int("010", 10), Some(BigInt::from(10)));
        assert_eq!(parse_int("1__0", 10), None);
        assert_eq!(parse_int("12a", 10), None);
        assert_eq!(parse_int("", 10), None);
        assert_eq!(parse_int("0x_1f", 16), Some(BigInt::from(31)));
        assert_eq!(parse_int("0_0", 0), Some(BigInt::from(0)));
        assert_eq!(parse_int("٣", 10), Some(BigInt::from(3)));
        assert_eq!(parse_int("1_", 10), None);
        assert_eq!(parse_int("z", 36), Some(BigInt::from(35)));
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
