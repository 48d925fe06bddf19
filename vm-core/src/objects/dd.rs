//! Double-double arithmetic (a value as the unevaluated sum of two
//! doubles, about 106 bits) for `exp`, `log`, `log2` and `pow`, whose
//! `libm` results are often one unit in the last place away from the
//! correctly rounded values CPython gets from glibc (one `x ** 0.3` in ten,
//! `math.exp(1)`, `10 ** -20`). Evaluating in double-double and rounding
//! once gives the correctly rounded result except in astronomically rare
//! cases. (glibc's `log10` and hyperbolic functions are not correctly
//! rounded; `libm`'s match them more often, so those stay on `libm`.)

/// `hi + lo` with `|lo| <= ulp(hi) / 2`.
#[derive(Clone, Copy, Debug)]
struct Dd {
    hi: f64,
    lo: f64,
}

/// ln 2 as a double-double.
const LN2: Dd = Dd {
    hi: core::f64::consts::LN_2,
    lo: 2.319_046_813_846_299_6e-17,
};

fn two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    let bb = s - a;
    Dd {
        hi: s,
        lo: (a - (s - bb)) + (b - bb),
    }
}

fn quick_two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    Dd {
        hi: s,
        lo: b - (s - a),
    }
}

impl Dd {
    fn new(x: f64) -> Dd {
        Dd { hi: x, lo: 0.0 }
    }

    fn add(self, b: Dd) -> Dd {
        let s = two_sum(self.hi, b.hi);
        let t = two_sum(self.lo, b.lo);
        let s = quick_two_sum(s.hi, s.lo + t.hi);
        quick_two_sum(s.hi, s.lo + t.lo)
    }

    fn neg(self) -> Dd {
        Dd {
            hi: -self.hi,
            lo: -self.lo,
        }
    }

    fn sub(self, b: Dd) -> Dd {
        self.add(b.neg())
    }

    fn mul(self, b: Dd) -> Dd {
        let p = self.hi * b.hi;
        let e = libm::fma(self.hi, b.hi, -p) + (self.hi * b.lo + self.lo * b.hi);
        quick_two_sum(p, e)
    }

    fn mul_f(self, b: f64) -> Dd {
        let p = self.hi * b;
        let e = libm::fma(self.hi, b, -p) + self.lo * b;
        quick_two_sum(p, e)
    }

    fn div(self, b: Dd) -> Dd {
        let q1 = self.hi / b.hi;
        let r = self.sub(b.mul_f(q1));
        let q2 = r.hi / b.hi;
        let r = r.sub(b.mul_f(q2));
        let q3 = r.hi / b.hi;
        quick_two_sum(q1, q2).add(Dd::new(q3))
    }

    /// Round to the nearest double.
    fn round(self) -> f64 {
        self.hi + self.lo
    }
}

/// `e**x` in double-double for `|x| < 709` (its integer power of two
/// returned apart, so the caller scales once).
fn exp_parts(x: Dd) -> (Dd, i32) {
    let k = libm::round(x.hi / LN2.hi);
    let r = x.sub(LN2.mul_f(k));
    // e**r = (e**(r/512))**512, with a short Taylor series for the small
    // argument.
    let r = Dd {
        hi: r.hi / 512.0,
        lo: r.lo / 512.0,
    };
    let mut term = Dd::new(1.0);
    let mut sum = Dd::new(1.0);
    for i in 1..14 {
        term = term.mul(r).div(Dd::new(i as f64));
        sum = sum.add(term);
    }
    for _ in 0..9 {
        sum = sum.mul(sum);
    }
    (sum, k as i32)
}

/// `e**x` as a double-double, or `None` outside the range where it is a
/// normal double.
fn exp_dd(x: Dd) -> Option<Dd> {
    if !(-708.0..=709.0).contains(&x.hi) {
        return None;
    }
    let (m, k) = exp_parts(x);
    Some(Dd {
        hi: libm::ldexp(m.hi, k),
        lo: libm::ldexp(m.lo, k),
    })
}

/// `ln(x)` for a positive finite `x`, as a double-double: `libm`'s value
/// refined by one Newton step.
fn log_dd(x: f64) -> Dd {
    let y0 = libm::log(x);
    // Scale x so e**-y0 stays in range for subnormal and huge inputs.
    let (m, e) = libm::frexp(x);
    let y_m = y0 - e as f64 * LN2.hi;
    let Some(t) = exp_dd(Dd::new(-y_m)) else {
        return Dd::new(y0);
    };
    let correction = t.mul_f(m).sub(Dd::new(1.0));
    Dd::new(y_m).add(correction).add(LN2.mul_f(e as f64))
}

/// `e**x`, correctly rounded in practice (infinite or zero beyond the
/// range of doubles).
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.8 {
        return f64::INFINITY;
    }
    if !(-708.0..=709.0).contains(&x) {
        return libm::exp(x);
    }
    match exp_dd(Dd::new(x)) {
        Some(v) => v.round(),
        None => libm::exp(x),
    }
}

/// `ln(x)`, correctly rounded in practice.
pub fn log(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return libm::log(x);
    }
    log_dd(x).round()
}

/// `log2(x)`, correctly rounded in practice (exact for powers of two).
pub fn log2(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return libm::log2(x);
    }
    let (m, e) = libm::frexp(x);
    if m == 0.5 {
        return (e - 1) as f64;
    }
    log_dd(x).div(LN2).round()
}

/// `x**y` for finite `x > 0` and finite `y`, correctly rounded in
/// practice (0 or infinite beyond the range of doubles).
pub fn pow_positive(x: f64, y: f64) -> f64 {
    if x == 1.0 || y == 0.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    let l = log_dd(x).mul_f(y);
    if l.hi > 709.8 {
        return f64::INFINITY;
    }
    match exp_dd(l) {
        Some(v) => v.round(),
        None => libm::pow(x, y),
    }
}

/// `x**y` with C99's special cases (what `libm::pow` answers), the
/// finite positive-base core done in double-double.
pub fn pow(x: f64, y: f64) -> f64 {
    if !x.is_finite() || !y.is_finite() || x == 0.0 || y == 0.0 {
        return libm::pow(x, y);
    }
    if x > 0.0 {
        return pow_positive(x, y);
    }
    if libm::trunc(y) != y {
        return f64::NAN;
    }
    let magnitude = pow_positive(-x, y);
    let odd = libm::fmod(y, 2.0).abs() == 1.0;
    if odd { -magnitude } else { magnitude }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_correctly_rounded_values() {
        // Values from CPython 3.11 on glibc.
        assert_eq!(exp(1.0), core::f64::consts::E);
        assert_eq!(exp(-10.765338338360628), 2.1118981211942135e-05);
        assert_eq!(log(3.0), 1.0986122886681098);
        assert_eq!(log(2.0f64.powi(1000)), 693.1471805599453);
        assert_eq!(log2(1024.0), 10.0);
        assert_eq!(pow(10.0, -20.0), 1e-20);
        assert_eq!(pow(0.5795926705106091, 0.3), 0.8490570363387956);
        assert_eq!(pow(-2.0, 3.0), -8.0);
        assert_eq!(pow(2.0, 0.5), core::f64::consts::SQRT_2);
    }
}
