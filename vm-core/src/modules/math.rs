//! `math`: CPython's mathematical functions over `libm`, with its error
//! rules (`ValueError: math domain error` for results outside the domain,
//! `OverflowError: math range error` for results too large), exact
//! integer functions and `fsum`/`hypot` as CPython computes them.

use alloc::vec::Vec;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::ast::BinOp;
use crate::interp::{Ctx, iter, ops};
use crate::native::{Args, Native, Sig};
use crate::objects::{dd, int};
use crate::value::{ObjRef, Value};
use crate::{Flow, PyResult};

/// Make the `math` module.
pub fn create(ctx: &mut Ctx<'_>) -> PyResult<ObjRef> {
    let m = super::native_module(ctx, "math", FUNCTIONS)?;
    for (name, v) in [
        ("pi", core::f64::consts::PI),
        ("e", core::f64::consts::E),
        ("tau", core::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let key = ctx.intern(name)?;
        super::module_set(ctx, m, key, Value::Float(v))?;
    }
    Ok(m)
}

fn domain_error(ctx: &mut Ctx<'_>) -> Flow {
    ctx.value_error("math domain error")
}

fn range_error(ctx: &mut Ctx<'_>) -> Flow {
    ctx.overflow_error("math range error")
}

/// A number argument as a float (`must be real number, not str`).
fn real(ctx: &mut Ctx<'_>, v: Value) -> PyResult<f64> {
    ctx.float_value(v)
}

/// The single argument of a one-argument function.
fn one(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<Value> {
    ctx.one_arg(args, 0, "math", name)
}

/// The two arguments of a two-argument function.
fn two(ctx: &mut Ctx<'_>, args: Args, name: &str) -> PyResult<(Value, Value)> {
    ctx.positional_only(args, 0, "", name, 2, 2)?;
    Ok((ctx.arg(args, 0), ctx.arg(args, 1)))
}

/// Apply `f` to a float argument the way CPython's `math_1` does: a NaN
/// from a non-NaN is a domain error, an infinity from a finite argument a
/// range error (when `can_overflow`) or a domain error.
fn apply(
    ctx: &mut Ctx<'_>,
    args: Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let v = one(ctx, args, name)?;
    let x = real(ctx, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(ctx));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(ctx)
        } else {
            domain_error(ctx)
        });
    }
    Ok(Value::Float(r))
}

macro_rules! float_functions {
    ($( $f:ident: $name:literal => $libm:expr, $overflow:expr; )*) => {
        $(
            fn $f(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
                apply(ctx, args, $name, $libm, $overflow)
            }
        )*
    };
}

float_functions!(
    sqrt: "sqrt" => libm::sqrt, false;
    exp: "exp" => dd::exp, true;
    exp2: "exp2" => libm::exp2, true;
    expm1: "expm1" => libm::expm1, true;
    log1p: "log1p" => |x| if x == -1.0 { f64::NAN } else { libm::log1p(x) }, false;
    sin: "sin" => libm::sin, false;
    cos: "cos" => libm::cos, false;
    tan: "tan" => libm::tan, false;
    asin: "asin" => libm::asin, false;
    acos: "acos" => libm::acos, false;
    atan: "atan" => libm::atan, false;
    sinh: "sinh" => libm::sinh, true;
    cosh: "cosh" => libm::cosh, true;
    tanh: "tanh" => libm::tanh, false;
    asinh: "asinh" => libm::asinh, false;
    acosh: "acosh" => libm::acosh, false;
    atanh: "atanh" => libm::atanh, false;
    cbrt: "cbrt" => libm::cbrt, false;
    erf: "erf" => libm::erf, false;
    erfc: "erfc" => libm::erfc, false;
    fabs: "fabs" => f64::abs, false;
    degrees: "degrees" => |x| x * (180.0 / core::f64::consts::PI), true;
    radians: "radians" => |x| x * (core::f64::consts::PI / 180.0), false;
);

fn gamma(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "gamma")?;
    let x = real(ctx, v)?;
    if x.is_finite() && x <= 0.0 && libm::trunc(x) == x {
        return Err(domain_error(ctx));
    }
    let r = libm::tgamma(x);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(ctx));
    }
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(ctx));
    }
    Ok(Value::Float(r))
}

fn lgamma(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "lgamma")?;
    let x = real(ctx, v)?;
    if x.is_finite() && x <= 0.0 && libm::trunc(x) == x {
        return Err(domain_error(ctx));
    }
    let r = libm::lgamma_r(x).0;
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(ctx));
    }
    Ok(Value::Float(r))
}

/// `b` (positive) as `m * 2**e` with `0.5 <= m < 1` correctly rounded,
/// for integers too large for a float.
fn big_frexp(b: &BigInt) -> (f64, i64) {
    let n = b.bits();
    let shift = n.saturating_sub(55);
    let mut top = (b >> shift).to_u64().unwrap_or(0);
    if shift > 0 && !(b - (BigInt::from(top) << shift)).is_zero() {
        top |= 1;
    }
    let width = n.min(55) as i32;
    let m = libm::ldexp(top as f64, -width);
    if m >= 1.0 {
        (m / 2.0, n as i64 + 1)
    } else {
        (m, n as i64)
    }
}

/// A logarithm (`f` is `ln`, `log2` or `log10`) of a number the way
/// CPython's `loghelper` computes it: integers too large for a float as
/// `f(m) + f(2) * e`.
fn log_of(ctx: &mut Ctx<'_>, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = int::to_big(ctx, v) {
        if !b.is_positive() {
            return Err(domain_error(ctx));
        }
        let x = int::big_to_f64(&b);
        if x.is_finite() {
            return Ok(f(x));
        }
        let (m, e) = big_frexp(&b);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = real(ctx, v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(ctx));
    }
    Ok(f(x))
}

fn log(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let n = args.positional();
    if args.keywords() > 0 {
        return Err(ctx.type_error("math.log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&n) {
        return Err(ctx.type_error("math.log requires 1 to 2 arguments"));
    }
    let x = ctx.arg(args, 0);
    let num = log_of(ctx, x, dd::log)?;
    match ctx.opt_arg(args, 1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = log_of(ctx, base, dd::log)?;
            if den == 0.0 {
                return Err(ctx.zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "log2")?;
    Ok(Value::Float(log_of(ctx, v, dd::log2)?))
}

fn log10(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "log10")?;
    Ok(Value::Float(log_of(ctx, v, libm::log10)?))
}

fn pow(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "pow")?;
    let (x, y) = (real(ctx, a)?, real(ctx, b)?);
    let r = dd::pow(x, y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain_error(ctx));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 {
                domain_error(ctx)
            } else {
                range_error(ctx)
            });
        }
    }
    Ok(Value::Float(r))
}

fn atan2(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "atan2")?;
    let (y, x) = (real(ctx, a)?, real(ctx, b)?);
    Ok(Value::Float(libm::atan2(y, x)))
}

fn fmod(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "fmod")?;
    let (x, y) = (real(ctx, a)?, real(ctx, b)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(ctx));
    }
    Ok(Value::Float(r))
}

fn remainder(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "remainder")?;
    let (x, y) = (real(ctx, a)?, real(ctx, b)?);
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(ctx));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    Ok(Value::Float(libm::remainder(x, y)))
}

fn copysign(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "copysign")?;
    let (x, y) = (real(ctx, a)?, real(ctx, b)?);
    Ok(Value::Float(libm::copysign(x, y)))
}

fn nextafter(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "nextafter")?;
    let (x, y) = (real(ctx, a)?, real(ctx, b)?);
    Ok(Value::Float(libm::nextafter(x, y)))
}

fn ulp(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "ulp")?;
    let x = real(ctx, v)?.abs();
    if !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let next = libm::nextafter(x, f64::INFINITY);
    if next.is_infinite() {
        return Ok(Value::Float(x - libm::nextafter(x, 0.0)));
    }
    Ok(Value::Float(next - x))
}

/// `floor`, `ceil`, `trunc`: an integer from a number, through the
/// object's `__floor__`/`__ceil__`/`__trunc__` for other types.
fn rounding(ctx: &mut Ctx<'_>, args: Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = one(ctx, args, name)?;
    if int::is_int(ctx, v) {
        return Ok(match ops::unwrap_builtin(ctx, v) {
            Value::Bool(b) => Value::Int(b as i64),
            i => i,
        });
    }
    if let Value::Float(x) = v {
        return int::float_to_int(ctx, f(x));
    }
    let dunder = alloc::format!("__{name}__");
    let ty = ctx.type_of(v);
    if let Some(m) = ctx.type_lookup_str(ty, &dunder) {
        return ctx.call(m, &[v]);
    }
    if name == "trunc" {
        let t = ctx.type_name(v);
        return Err(ctx.type_error(alloc::format!("type {t} doesn't define __trunc__ method")));
    }
    let x = real(ctx, v)?;
    int::float_to_int(ctx, f(x))
}

fn floor(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    rounding(ctx, args, "floor", libm::floor)
}

fn ceil(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    rounding(ctx, args, "ceil", libm::ceil)
}

fn trunc(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    rounding(ctx, args, "trunc", libm::trunc)
}

fn modf(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "modf")?;
    let x = real(ctx, v)?;
    let (frac, whole) = if x.is_infinite() {
        (libm::copysign(0.0, x), x)
    } else {
        libm::modf(x)
    };
    ctx.new_tuple(alloc::vec![Value::Float(frac), Value::Float(whole)])
}

fn frexp(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "frexp")?;
    let x = real(ctx, v)?;
    let (m, e) = if x.is_finite() && x != 0.0 {
        libm::frexp(x)
    } else {
        (x, 0)
    };
    ctx.new_tuple(alloc::vec![Value::Float(m), Value::Int(e as i64)])
}

fn ldexp(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "ldexp")?;
    let x = real(ctx, a)?;
    if !int::is_int(ctx, b) {
        return Err(ctx.type_error("Expected an int as second argument to ldexp."));
    }
    let e = match int::to_big(ctx, b).and_then(|e| e.to_i64()) {
        Some(e) => e,
        None if int::to_big(ctx, b).is_some_and(|e| e.is_negative()) => i64::MIN,
        None => i64::MAX,
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::ldexp(x, e.clamp(-10_000, 10_000) as i32);
    if r.is_infinite() {
        return Err(range_error(ctx));
    }
    Ok(Value::Float(r))
}

fn predicate(ctx: &mut Ctx<'_>, args: Args, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let v = one(ctx, args, name)?;
    let x = real(ctx, v)?;
    Ok(Value::Bool(f(x)))
}

fn isfinite(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isfinite", f64::is_finite)
}

fn isinf(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isinf", f64::is_infinite)
}

fn isnan(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    predicate(ctx, args, "isnan", f64::is_nan)
}

static ISCLOSE: Sig = Sig::new("isclose", &["a", "b", "rel_tol", "abs_tol"], 2).maxpos(2);

fn isclose(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let [a, b, rel, abs] = ctx.bind(args, 0, &ISCLOSE)?;
    let a = real(ctx, a.unwrap_or(Value::None))?;
    let b = real(ctx, b.unwrap_or(Value::None))?;
    let rel = match rel {
        Some(v) => real(ctx, v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => real(ctx, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(ctx.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    let close = (diff <= (rel * b).abs()) || (diff <= (rel * a).abs()) || diff <= abs;
    Ok(Value::Bool(close))
}

/// An integer argument (`'float' object cannot be interpreted as an
/// integer`).
fn integer(ctx: &mut Ctx<'_>, v: Value) -> PyResult<BigInt> {
    let i = ctx.index_int(v)?;
    Ok(int::to_big(ctx, i).unwrap_or_default())
}

fn gcd(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "gcd", 0, usize::MAX)?;
    let mut g = BigInt::zero();
    for i in 0..args.positional() {
        let v = ctx.arg(args, i);
        let x = integer(ctx, v)?;
        g = g.gcd(&x);
    }
    int::from_big(ctx, g)
}

fn lcm(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "lcm", 0, usize::MAX)?;
    let mut l = BigInt::one();
    for i in 0..args.positional() {
        let v = ctx.arg(args, i);
        let x = integer(ctx, v)?;
        if l.is_zero() {
            continue;
        }
        l = l.lcm(&x);
    }
    int::from_big(ctx, l.abs())
}

/// The product of the integers in `lo..=hi`, by halves so the big
/// multiplications stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 8 {
        return (lo..=hi).fold(BigInt::one(), |acc, k| acc * k);
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// Refuse results whose size (in bits, estimated) would not fit in the
/// heap.
fn check_size(ctx: &mut Ctx<'_>, bits: f64) -> PyResult<()> {
    if bits / 8.0 > ctx.vm.heap.stats().limit as f64 {
        return Err(Flow::Raise(ctx.vm.memory_error));
    }
    Ok(())
}

fn factorial(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "factorial")?;
    let n = integer(ctx, v)?;
    if n.is_negative() {
        return Err(ctx.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(
            ctx.overflow_error("factorial() argument should not exceed 9223372036854775807")
        );
    };
    check_size(ctx, n as f64 * libm::log2(n.max(2) as f64))?;
    int::from_big(ctx, range_product(1, n))
}

/// The `n`, `k` arguments of `comb` and `perm`.
fn n_k(ctx: &mut Ctx<'_>, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = integer(ctx, n)?;
    let k = integer(ctx, k)?;
    if n.is_negative() {
        return Err(ctx.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ctx.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `n * (n-1) * … * (n-k+1)`.
fn falling(ctx: &mut Ctx<'_>, n: &BigInt, k: u64) -> PyResult<BigInt> {
    check_size(ctx, k as f64 * (n.bits() as f64))?;
    match n.to_u64() {
        Some(n) => Ok(range_product(n - k + 1, n)),
        None => {
            let mut acc = BigInt::one();
            for i in 0..k {
                acc *= n - i;
            }
            Ok(acc)
        }
    }
}

fn comb(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (a, b) = two(ctx, args, "comb")?;
    let (n, k) = n_k(ctx, a, b)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let Some(k) = k.to_u64() else {
        return Err(ctx.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let top = falling(ctx, &n, k)?;
    let r = top / range_product(1, k);
    int::from_big(ctx, r)
}

fn perm(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "perm", 1, 2)?;
    let a = ctx.arg(args, 0);
    let (n, k) = match ctx.opt_arg(args, 1).filter(|k| !k.is_none()) {
        Some(b) => n_k(ctx, a, b)?,
        None => {
            let (n, _) = n_k(ctx, a, Value::Int(0))?;
            let k = n.clone();
            (n, k)
        }
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(ctx.overflow_error("k must not exceed 9223372036854775807"));
    };
    let r = falling(ctx, &n, k)?;
    int::from_big(ctx, r)
}

fn isqrt(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "isqrt")?;
    let n = integer(ctx, v)?;
    if n.is_negative() {
        return Err(ctx.value_error("isqrt() argument must be nonnegative"));
    }
    int::from_big(ctx, n.sqrt())
}

static PROD: Sig = Sig::new("prod", &["", "start"], 1).posonly(1).maxpos(1);

fn prod(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let [iterable, start] = ctx.bind(args, 0, &PROD)?;
    let mut acc = start.unwrap_or(Value::Int(1));
    let it = iter::get_iter(ctx, iterable.unwrap_or(Value::None))?;
    while let Some(v) = ctx.next(it)? {
        acc = match ops::fast_binary(BinOp::Mul, acc, v) {
            Some(r) => r,
            None => ops::binary(ctx, BinOp::Mul, acc, v)?,
        };
    }
    Ok(acc)
}

fn fsum(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let v = one(ctx, args, "fsum")?;
    let it = iter::get_iter(ctx, v)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = ctx.next(it)? {
        let mut x = real(ctx, item)?;
        let saved = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if saved.is_finite() {
                    return Err(ctx.overflow_error("intermediate overflow in fsum"));
                }
                if saved.is_infinite() {
                    inf_sum += saved;
                }
                special += saved;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(ctx.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    Ok(Value::Float(sum_partials(&mut partials)))
}

/// The correctly rounded sum of non-overlapping partials (smallest first).
fn sum_partials(p: &mut Vec<f64>) -> f64 {
    let Some(mut hi) = p.pop() else {
        return 0.0;
    };
    let mut lo = 0.0;
    while let Some(y) = p.pop() {
        let x = hi;
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // Half-even rounding across several partials.
    if let Some(&next) = p.last()
        && ((lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0))
    {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}

/// The Euclidean norm of `v` as CPython's `vector_norm` computes it
/// (scaled, with error-free squaring and a final correction), given the
/// largest magnitude `max`.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let mut acc = Accumulator {
        csum: 1.0,
        frac1: 0.0,
        frac2: 0.0,
    };
    for x in v.iter() {
        let x = x * scale;
        acc.add_product(x, x);
    }
    let mut h = libm::sqrt(acc.csum - 1.0 + (acc.frac1 + acc.frac2));
    acc.add_product(-h, h);
    let x = acc.csum - 1.0 + (acc.frac1 + acc.frac2);
    h += x / (2.0 * h);
    h / scale
}

/// A sum kept exactly in `csum` plus two lossy error terms.
struct Accumulator {
    csum: f64,
    frac1: f64,
    frac2: f64,
}

impl Accumulator {
    /// Add `x * y`: the product split error-free, its high part added with
    /// compensated summation.
    fn add_product(&mut self, x: f64, y: f64) {
        let hi = x * y;
        let lo = libm::fma(x, y, -hi);
        let sum = self.csum + hi;
        self.frac2 += (self.csum - sum) + hi;
        self.csum = sum;
        self.frac1 += lo;
    }
}

fn hypot(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    ctx.positional_only(args, 0, "", "hypot", 0, usize::MAX)?;
    let mut v = Vec::with_capacity(args.positional());
    let (mut max, mut found_nan) = (0.0f64, false);
    for i in 0..args.positional() {
        let a = ctx.arg(args, i);
        let x = real(ctx, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, found_nan)))
}

fn dist(ctx: &mut Ctx<'_>, args: Args) -> PyResult<Value> {
    let (p, q) = two(ctx, args, "dist")?;
    let p = ctx.collect(p)?;
    let q = ctx.collect(q)?;
    if p.len() != q.len() {
        return Err(ctx.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.into_iter().zip(q) {
        let x = (real(ctx, a)? - real(ctx, b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, found_nan)))
}

/// The functions of `math`, sorted by name.
static FUNCTIONS: &[Native] = &[
    Native::function("acos", acos),
    Native::function("acosh", acosh),
    Native::function("asin", asin),
    Native::function("asinh", asinh),
    Native::function("atan", atan),
    Native::function("atan2", atan2),
    Native::function("atanh", atanh),
    Native::function("cbrt", cbrt),
    Native::function("ceil", ceil),
    Native::function("comb", comb),
    Native::function("copysign", copysign),
    Native::function("cos", cos),
    Native::function("cosh", cosh),
    Native::function("degrees", degrees),
    Native::function("dist", dist),
    Native::function("erf", erf),
    Native::function("erfc", erfc),
    Native::function("exp", exp),
    Native::function("exp2", exp2),
    Native::function("expm1", expm1),
    Native::function("fabs", fabs),
    Native::function("factorial", factorial),
    Native::function("floor", floor),
    Native::function("fmod", fmod),
    Native::function("frexp", frexp),
    Native::function("fsum", fsum),
    Native::function("gamma", gamma),
    Native::function("gcd", gcd),
    Native::function("hypot", hypot),
    Native::function("isclose", isclose),
    Native::function("isfinite", isfinite),
    Native::function("isinf", isinf),
    Native::function("isnan", isnan),
    Native::function("isqrt", isqrt),
    Native::function("lcm", lcm),
    Native::function("ldexp", ldexp),
    Native::function("lgamma", lgamma),
    Native::function("log", log),
    Native::function("log10", log10),
    Native::function("log1p", log1p),
    Native::function("log2", log2),
    Native::function("modf", modf),
    Native::function("nextafter", nextafter),
    Native::function("perm", perm),
    Native::function("pow", pow),
    Native::function("prod", prod),
    Native::function("radians", radians),
    Native::function("remainder", remainder),
    Native::function("sin", sin),
    Native::function("sinh", sinh),
    Native::function("sqrt", sqrt),
    Native::function("tan", tan),
    Native::function("tanh", tanh),
    Native::function("trunc", trunc),
    Native::function("ulp", ulp),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_correctly_rounded() {
        let mut p = alloc::vec![];
        for x in [0.1f64; 10] {
            let mut x = x;
            let mut i = 0;
            for j in 0..p.len() {
                let mut y: f64 = p[j];
                if x.abs() < y.abs() {
                    core::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    p[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            p.truncate(i);
            p.push(x);
        }
        assert_eq!(sum_partials(&mut p), 1.0);
    }

    #[test]
    fn hypot_matches_cpython() {
        assert_eq!(vector_norm(&mut [3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(
            vector_norm(&mut [1.0, 1.0, 1.0], 1.0, false),
            1.7320508075688772
        );
    }

    #[test]
    fn products_of_ranges() {
        assert_eq!(range_product(1, 20), BigInt::from(2432902008176640000u64));
        assert_eq!(range_product(5, 4), BigInt::one());
    }

    #[test]
    fn function_table_is_sorted() {
        assert!(FUNCTIONS.windows(2).all(|w| w[0].name < w[1].name));
    }
}
