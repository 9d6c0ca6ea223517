//! Axis scales (linear or symmetric log), tick choice and formatting, and drawing of
//! frames, grids, tick labels and axis titles.
//!
//! A scale is fitted to whatever finite values it is given; non-finite values are ignored,
//! an empty or constant data set gets a small range around it, and data spanning many
//! orders of magnitude (a diverging descent) switches to a symmetric log scale, whose axis
//! title says so.

use super::svg::{AXIS, Anchor, Canvas, GRID, MEDIUM, SMALL, text_width};

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
        if wide && !integer {
            let min_nonzero = abs.iter().copied().find(|&a| a > 0.0).unwrap_or(1.0);
            let c = min_nonzero.max(max_abs * 1e-40).max(1e-300);
            s.kind = Kind::SymLog(10f64.powf(c.log10().floor()));
        }
        let (mut lo, mut hi) = (s.t(min), s.t(max));
        if hi - lo <= 0.0 || !(hi - lo).is_finite() {
            let d = if lo.abs() > 0.0 { lo.abs() * 0.1 } else { 0.5 };
            lo -= d;
            hi += d;
        } else {
            let d = (hi - lo) * pad;
            lo -= d;
            hi += d;
        }
        if lo.is_finite() && hi.is_finite() && hi > lo {
            s.lo = lo;
            s.hi = hi;
        }
        s
    }

    /// Whether this is a symmetric log scale.
    pub(crate) fn is_log(&self) -> bool {
        matches!(self.kind, Kind::SymLog(_))
    }

    /// Set the pixel range the scale maps onto.
    pub(crate) fn to_pixels(mut self, p0: f64, p1: f64) -> Scale {
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
            Kind::Linear => linear_ticks(self.lo, self.hi, target, self.integer)
                .into_iter()
                .map(|(v, l)| (self.px(v), l))
                .collect(),
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
        cands
            .into_iter()
            .filter(inside)
            .filter(|v| {
                *v == 0.0 || {
                    let k = v.abs().log10().round() as i32;
                    (k - kmin).rem_euclid(stride as i32) == 0
                }
            })
            .map(|v| (self.px(v), power_label(v)))
            .collect()
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
    let n = if r <= 1.0 {
        1.0
    } else if r <= 2.0 {
        2.0
    } else if r <= 5.0 {
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

/// A plot area with its two scales.
pub(crate) struct Axes {
    /// Pixel box of the plot area: left, top, right, bottom.
    pub(crate) left: f64,
    pub(crate) top: f64,
    pub(crate) right: f64,
    pub(crate) bottom: f64,
    /// Horizontal scale.
    pub(crate) x: Scale,
    /// Vertical scale.
    pub(crate) y: Scale,
}

impl Axes {
    /// Lay out a plot area with room for tick labels and axis titles inside the pixel box
    /// `(x0, y0)`–`(x1, y1)`.
    pub(crate) fn layout(x: Scale, y: Scale, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> Axes {
        let probe = y.clone().to_pixels(y1, y0);
        let ylab = probe
            .ticks(y_target(y1 - y0))
            .iter()
            .map(|(_, l)| text_width(l, SMALL))
            .fold(0.0, f64::max);
        let left = x0 + MEDIUM + 10.0 + ylab + 8.0;
        let bottom = y1 - (SMALL + 8.0 + MEDIUM + 10.0);
        let (right, top) = (x1.max(left + 10.0), y0.min(bottom - 10.0));
        Axes {
            x: x.to_pixels(left, right),
            y: y.to_pixels(bottom, top),
            left,
            top,
            right,
            bottom,
        }
    }

    /// Map a data point to pixels.
    pub(crate) fn at(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (self.x.px(x), self.y.px(y))
    }

    /// Draw grid, frame, ticks, tick labels and the axis titles.
    pub(crate) fn draw(&self, cv: &Canvas, x_label: &str, y_label: &str) {
        let xt = self.x_ticks();
        let yt = self.y.ticks(y_target(self.bottom - self.top));
        for (p, _) in &xt {
            cv.line(&[(*p, self.top), (*p, self.bottom)], GRID, 1);
        }
        for (p, _) in &yt {
            cv.line(&[(self.left, *p), (self.right, *p)], GRID, 1);
        }
        cv.rect(
            (self.left, self.top),
            (self.right, self.bottom),
            None,
            Some((AXIS, 1)),
        );
        for (p, l) in &xt {
            cv.line(&[(*p, self.bottom), (*p, self.bottom + 5.0)], AXIS, 1);
            cv.text(
                l,
                (*p, self.bottom + 6.0 + SMALL * 0.6),
                SMALL,
                Anchor::Middle,
            );
        }
        for (p, l) in &yt {
            cv.line(&[(self.left - 5.0, *p), (self.left, *p)], AXIS, 1);
            cv.text(l, (self.left - 7.0, *p), SMALL, Anchor::End);
        }
        let xl = with_scale_note(x_label, &self.x);
        let yl = with_scale_note(y_label, &self.y);
        let cx = (self.left + self.right) / 2.0;
        cv.text(
            &xl,
            (cx, self.bottom + SMALL + 10.0 + MEDIUM * 0.6),
            MEDIUM,
            Anchor::Middle,
        );
        let ylw = yt
            .iter()
            .map(|(_, l)| text_width(l, SMALL))
            .fold(0.0, f64::max);
        let cy = (self.top + self.bottom) / 2.0;
        let yx = self.left - 8.0 - ylw - 6.0 - MEDIUM * 0.6;
        cv.text_styled(
            &yl,
            (yx, cy),
            MEDIUM,
            super::svg::INK,
            Anchor::Middle,
            false,
            true,
        );
    }

    /// Horizontal ticks, thinned until their labels do not collide.
    fn x_ticks(&self) -> Vec<(f64, String)> {
        let width = (self.right - self.left).abs();
        let mut target = ((width / 60.0) as usize).clamp(2, 12);
        loop {
            let t = self.x.ticks(target);
            let widest = t
                .iter()
                .map(|(_, l)| text_width(l, SMALL))
                .fold(0.0, f64::max);
            if target <= 2 || (t.len() as f64) * (widest + 10.0) <= width {
                return t;
            }
            target -= 1;
        }
    }

    /// Whether a pixel point lies inside the plot area (with a little slack).
    pub(crate) fn contains(&self, (x, y): (f64, f64)) -> bool {
        x.is_finite()
            && y.is_finite()
            && x >= self.left - 0.5
            && x <= self.right + 0.5
            && y >= self.top - 0.5
            && y <= self.bottom + 0.5
    }

    /// Draw a polyline through data points, breaking at non-finite points and clipping to
    /// the plot area.
    pub(crate) fn polyline(
        &self,
        cv: &Canvas,
        pts: &[(f64, f64)],
        colour: plotters::style::RGBColor,
        width: u32,
    ) {
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut prev: Option<(f64, f64)> = None;
        for &p in pts {
            let q = self.at(p);
            if !(q.0.is_finite() && q.1.is_finite()) {
                cv.line(&run, colour, width);
                run.clear();
                prev = None;
                continue;
            }
            if let Some(a) = prev {
                match clip(a, q, (self.left, self.top, self.right, self.bottom)) {
                    Some((c, d)) => {
                        if run.last() != Some(&c) {
                            cv.line(&run, colour, width);
                            run.clear();
                            run.push(c);
                        }
                        run.push(d);
                    }
                    None => {
                        cv.line(&run, colour, width);
                        run.clear();
                    }
                }
            }
            prev = Some(q);
        }
        cv.line(&run, colour, width);
    }
}

fn y_target(height: f64) -> usize {
    ((height.abs() / 45.0) as usize).clamp(2, 10)
}

fn with_scale_note(label: &str, s: &Scale) -> String {
    if s.is_log() {
        format!("{label} (symmetric log scale)")
    } else {
        label.to_string()
    }
}

/// Liang–Barsky clipping of the segment `a`–`b` to the box (left, top, right, bottom).
pub(crate) fn clip(
    a: (f64, f64),
    b: (f64, f64),
    (l, t, r, bt): (f64, f64, f64, f64),
) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut u0, mut u1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - l),
        (dx, r - a.0),
        (-dy, a.1 - t),
        (dy, bt - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let u = q / p;
            if p < 0.0 {
                u0 = u0.max(u);
            } else {
                u1 = u1.min(u);
            }
        }
    }
    if u0 > u1 || u0.is_nan() || u1.is_nan() {
        return None;
    }
    let at = |u: f64| (a.0 + u * dx, a.1 + u * dy);
    Some((at(u0), at(u1)))
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
        let s = Scale::fit(v.iter().copied(), 0.05, false).to_pixels(0.0, 500.0);
        assert!(s.is_log());
        let t = s.ticks(8);
        assert!(t.len() >= 3 && t.len() <= 12, "{t:?}");
        assert!(t.iter().all(|(p, _)| (0.0..=500.0).contains(p)));
    }

    #[test]
    fn constant_and_empty_data() {
        let s = Scale::fit([2.0, 2.0], 0.05, false).to_pixels(0.0, 100.0);
        assert!(s.px(2.0).is_finite());
        assert!(!s.ticks(5).is_empty());
        let e = Scale::fit([f64::NAN, f64::INFINITY], 0.05, false).to_pixels(0.0, 100.0);
        assert!(!e.ticks(5).is_empty());
        let h = Scale::fit([f64::MAX, -f64::MAX], 0.05, false).to_pixels(0.0, 100.0);
        assert!(h.px(f64::MAX).is_finite());
    }

    #[test]
    fn clipping() {
        let b = (0.0, 0.0, 10.0, 10.0);
        assert_eq!(
            clip((-5.0, 5.0), (5.0, 5.0), b),
            Some(((0.0, 5.0), (5.0, 5.0)))
        );
        assert_eq!(clip((-5.0, -5.0), (-1.0, 20.0), b), None);
    }
}
