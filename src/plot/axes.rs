//! Plot areas: frames, grids, tick labels, axis titles, and clipped polylines in data
//! coordinates.

use super::colour::{AXIS, GRID, Rgb};
use super::scale::Scale;
use super::svg::{Anchor, Canvas, Font, MEDIUM, SMALL, text_width};

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
        let probe = y.clone().with_pixels(y1, y0);
        let ylab = probe
            .ticks(y_target(y1 - y0))
            .iter()
            .map(|(_, l)| text_width(l, SMALL))
            .fold(0.0, f64::max);
        let left = x0 + MEDIUM + 10.0 + ylab + 8.0;
        let bottom = y1 - (SMALL + 8.0 + MEDIUM + 10.0);
        let (right, top) = (x1.max(left + 10.0), y0.min(bottom - 10.0));
        Axes {
            x: x.with_pixels(left, right),
            y: y.with_pixels(bottom, top),
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
    pub(crate) fn draw(&self, cv: &mut Canvas, x_label: &str, y_label: &str) {
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
        cv.text_styled(&yl, (yx, cy), Font::new(MEDIUM, Anchor::Middle).vertical());
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
    pub(crate) fn polyline(&self, cv: &mut Canvas, pts: &[(f64, f64)], colour: Rgb, width: u32) {
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
    fn clipping() {
        let b = (0.0, 0.0, 10.0, 10.0);
        assert_eq!(
            clip((-5.0, 5.0), (5.0, 5.0), b),
            Some(((0.0, 5.0), (5.0, 5.0)))
        );
        assert_eq!(clip((-5.0, -5.0), (-1.0, 20.0), b), None);
    }
}
