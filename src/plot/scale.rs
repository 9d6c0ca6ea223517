//! Axis scales (linear or symmetric log), tick choice and compact tick labels.
//!
//! A scale is fitted to whatever finite values it is given; non-finite values are ignored,
//! an empty or constant data set gets a small range around it, and data spanning many
//! orders of magnitude (a diverging descent) switches to a symmetric log scale, whose axis
//! title says so.

/// How data values map to the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// Plain linear axis.
    Linear,
    /// `sign(v) * log10(1 + |v| / c)`: linear near zero, logarithmic far away.
    SymLog(f64),
}

/// A one-dimensional scale from data values to pixels.
#[derive(Clone, Debug)]
pub(crate) struct Scale {
    kind: Kind,
    /// Transformed range.
    lo: f64,
    hi: f64,
    /// Pixel range (may be decreasing, as for the y axis).
    p0: f64,
    p1: f64,
    /// Ticks at integers only (iteration counts).
    integer: bool,
}

impl Scale {
    /// Fit a scale to the finite values in `values`, padded by `pad` of the range on
    /// each side.
    pub(crate) fn fit(values: impl IntoIterator<Item = f64>, pad: f64, integer: bool) -> Scale {
        let mut v: Vec<f64> = values.into_iter().filter(|x| x.is_finite()).collect();
        let mut s = Scale {
            kind: Kind::Linear,
            lo: 0.0,
            hi: 1.0,
            p0: 0.0,
            p1: 1.0,
            integer,
        };
        if v.is_empty() {
            return s;
        }
        v.sort_by(f64::total_cmp);
        let (min, max) = (v[0], v[v.len() - 1]);
        let mut abs: Vec<f64> = v.iter().map(|x| x.abs()).collect();
        abs.sort_by(f64::total_cmp);
        let max_abs = abs[abs.len() - 1];
        let median_abs = abs[abs.len() / 2];
        let span = max - min;
        let wide = !span.is_finite() || (median_abs > 0.0 && max_abs > 1e3 * median_abs);
        let min_nonzero = abs.iter().copied().find(|&a| a > 0.0).unwrap_or(1.0);
        let c = min_nonzero.max(max_abs * 1e-40).max(1e-300);
        let symlog = Kind::SymLog(10f64.powf(c.log10().floor()));
        let kinds = if wide && !integer {
            [symlog, symlog]
        } else {
            [Kind::Linear, symlog]
        };
        for kind in kinds {
            s.kind = kind;
            let (mut lo, mut hi) = (s.t(min), s.t(max));
            let d = if hi - lo > 0.0 {
                (hi - lo) * pad
            } else if lo.abs() > 1e-100 {
                lo.abs() * 0.1
            } else {
                0.5
            };
            lo -= d;
            hi += d;
            if lo.is_finite() && hi.is_finite() && (hi - lo).is_finite() && hi > lo {
                s.lo = lo;
                s.hi = hi;
                return s;
            }
        }
        s.kind = Kind::Linear;
        s
    }

    /// Whether this is a symmetric log scale.
    pub(crate) fn is_log(&self) -> bool {
        matches!(self.kind, Kind::SymLog(_))
    }

    /// Set the pixel range the scale maps onto.
    pub(crate) fn with_pixels(mut self, p0: f64, p1: f64) -> Scale {
        self.p0 = p0;
        self.p1 = p1;
        self
    }

    /// Forward transform of a data value.
    fn t(&self, v: f64) -> f64 {
        match self.kind {
            Kind::Linear => v,
            Kind::SymLog(c) => v.signum() * (v.abs() / c).ln_1p() / std::f64::consts::LN_10,
        }
    }

    /// Pixel position of a data value (NaN for non-finite values).
    pub(crate) fn px(&self, v: f64) -> f64 {
        if !v.is_finite() {
            return f64::NAN;
        }
        let f = (self.t(v) - self.lo) / (self.hi - self.lo);
        self.p0 + f * (self.p1 - self.p0)
    }

    /// Up to about `target` ticks as (pixel position, label).
    pub(crate) fn ticks(&self, target: usize) -> Vec<(f64, String)> {
        let target = target.max(2);
        match self.kind {
            Kind::Linear => {
                let mut t = linear_ticks(self.lo, self.hi, target, self.integer);
                if t.len() < 2 && !self.integer {
                    t = linear_ticks(self.lo, self.hi, target * 3, false);
                }
                t.into_iter().map(|(v, l)| (self.px(v), l)).collect()
            }
            Kind::SymLog(c) => self.log_ticks(c, target),
        }
    }

    fn log_ticks(&self, c: f64, target: usize) -> Vec<(f64, String)> {
        let kmin = c.log10().round() as i32;
        let inv = |t: f64| c * (10f64.powf(t.abs()) - 1.0);
        let max_abs = inv(self.lo).max(inv(self.hi));
        let kmax = (max_abs.log10().ceil() as i32).clamp(kmin, kmin + 700);
        let mut cands: Vec<f64> = vec![0.0];
        for k in kmin..=kmax {
            let v = 10f64.powi(k);
            cands.push(v);
            cands.push(-v);
        }
        let inside = |v: &f64| {
            let t = self.t(*v);
            t >= self.lo && t <= self.hi
        };
        let n_pos = cands.iter().filter(|v| **v > 0.0 && inside(v)).count();
        let n_neg = cands.iter().filter(|v| **v < 0.0 && inside(v)).count();
        let stride = (n_pos + n_neg)
            .div_ceil(target.saturating_sub(1).max(1))
            .max(1);
        let kept: Vec<f64> = cands
            .into_iter()
            .filter(inside)
            .filter(|v| {
                *v == 0.0 || {
                    let k = v.abs().log10().round() as i32;
                    (k - kmin).rem_euclid(stride as i32) == 0
                }
            })
            .collect();
        // Walk outwards from zero, dropping ticks too close to the last one kept.
        let gap = 22.0;
        let mut out: Vec<(f64, String)> = Vec::new();
        let zero = self.px(0.0);
        let zero_inside = kept.contains(&0.0);
        if zero_inside {
            out.push((zero, "0".into()));
        }
        for sign in [1.0, -1.0] {
            let mut last = if zero_inside { Some(zero) } else { None };
            for v in kept.iter().filter(|v| **v * sign > 0.0) {
                let p = self.px(*v);
                if last.is_none_or(|l: f64| (p - l).abs() >= gap) {
                    out.push((p, power_label(*v)));
                    last = Some(p);
                }
            }
        }
        out
    }
}

/// A label for ±10^k.
fn power_label(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let k = v.abs().log10().round() as i32;
    let sign = if v < 0.0 { "-" } else { "" };
    match k {
        0..=4 => format!("{sign}{}", 10i64.pow(k as u32)),
        -3..=-1 => format!("{sign}{}", fmt_fixed(10f64.powi(k), (-k) as usize)),
        _ => format!("{sign}1e{k}"),
    }
}

fn fmt_fixed(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}")
}

/// A "nice" step (1, 2 or 5 times a power of ten) close to `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return f64::NAN;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let r = raw / mag;
    let n = if r <= 1.5 {
        1.0
    } else if r <= 3.2 {
        2.0
    } else if r <= 7.0 {
        5.0
    } else {
        10.0
    };
    n * mag
}

/// Ticks at multiples of a nice step between `lo` and `hi`.
pub(crate) fn linear_ticks(lo: f64, hi: f64, target: usize, integer: bool) -> Vec<(f64, String)> {
    let mut step = nice_step((hi - lo) / target as f64);
    if integer {
        step = step.max(1.0).round();
    }
    if !step.is_finite() || step <= 0.0 {
        return Vec::new();
    }
    let start = (lo / step).ceil();
    let mut out = Vec::new();
    for i in 0..200 {
        let v = (start + i as f64) * step;
        if v > hi + step * 1e-9 || !v.is_finite() {
            break;
        }
        if v < lo - step * 1e-9 {
            continue;
        }
        out.push((v, fmt_tick(v, step)));
    }
    out
}

/// Format a tick value compactly, to the precision its step needs.
pub(crate) fn fmt_tick(v: f64, step: f64) -> String {
    if v.abs() < step * 1e-6 {
        return "0".into();
    }
    let mag = v.abs().log10().floor();
    let smag = step.log10().floor();
    if step >= 1e-4 && v.abs() < 1e6 {
        let decimals = (-smag).max(0.0) as usize;
        return fmt_fixed(v, decimals.min(10));
    }
    let digits = ((mag - smag) as i64 + 1).clamp(1, 15) as usize;
    let s = format!("{:.*e}", digits - 1, v);
    match s.split_once('e') {
        Some((m, e)) if m.contains('.') => {
            format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.'))
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_tick_labels() {
        assert_eq!(fmt_tick(0.30000000000000004, 0.1), "0.3");
        assert_eq!(fmt_tick(2.0, 0.5), "2.0");
        assert_eq!(fmt_tick(1.5e7, 5e6), "1.5e7");
        assert_eq!(fmt_tick(1e-12, 0.2), "0");
        assert_eq!(fmt_tick(3e-6, 1e-6), "3e-6");
    }

    #[test]
    fn diverging_data_gets_symlog() {
        let v: Vec<f64> = (0..20)
            .map(|k| 3f64.powi(k) * if k % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let s = Scale::fit(v.iter().copied(), 0.05, false).with_pixels(0.0, 500.0);
        assert!(s.is_log());
        let t = s.ticks(8);
        assert!(t.len() >= 3 && t.len() <= 12, "{t:?}");
        assert!(t.iter().all(|(p, _)| (0.0..=500.0).contains(p)));
    }

    #[test]
    fn constant_and_empty_data() {
        let s = Scale::fit([2.0, 2.0], 0.05, false).with_pixels(0.0, 100.0);
        assert!(s.px(2.0).is_finite());
        assert!(!s.ticks(5).is_empty());
        let e = Scale::fit([f64::NAN, f64::INFINITY], 0.05, false).with_pixels(0.0, 100.0);
        assert!(!e.ticks(5).is_empty());
        let h = Scale::fit([f64::MAX, -f64::MAX], 0.05, false).with_pixels(0.0, 100.0);
        assert!(h.px(f64::MAX).is_finite());
    }
}
