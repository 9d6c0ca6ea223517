//! Legends (rows of swatch + label) and vertical colour bars.
//!
//! Legend swatches never use circles, so that the filled `<circle>` elements of a plot are
//! exactly its data markers.

use super::colour::{AXIS, OUTLINE, Rgb, turbo};
use super::svg::{Anchor, Canvas, MEDIUM, SMALL, text_width};

/// The little picture in front of a legend label.
#[derive(Clone, Copy)]
pub(crate) enum Swatch {
    /// A line segment.
    Line(Rgb),
    /// A line segment with a square marker.
    LineMarker(Rgb),
    /// A square.
    Square(Rgb),
    /// A diamond.
    Diamond(Rgb),
    /// A short row of rainbow squares: "coloured by iteration".
    Rainbow,
}

/// One legend entry.
pub(crate) struct Item {
    /// What is drawn before the label.
    pub(crate) swatch: Swatch,
    /// The label.
    pub(crate) label: String,
}

const SW: f64 = 28.0;
const ROW: f64 = 20.0;

fn item_width(it: &Item) -> f64 {
    SW + 6.0 + text_width(&it.label, MEDIUM) + 18.0
}

/// Split items into rows that fit in `width`.
fn rows(items: &[Item], width: f64) -> Vec<Vec<&Item>> {
    let mut out: Vec<Vec<&Item>> = Vec::new();
    let mut w = 0.0;
    for it in items {
        let iw = item_width(it);
        match out.last_mut() {
            Some(row) if w + iw <= width => {
                row.push(it);
                w += iw;
            }
            _ => {
                out.push(vec![it]);
                w = iw;
            }
        }
    }
    out
}

/// Height a legend of `items` needs in a box `width` pixels wide.
pub(crate) fn height(items: &[Item], width: f64) -> f64 {
    rows(items, width).len() as f64 * ROW
}

/// Draw the legend in rows centred between `x0` and `x1`, starting at `y0`.
pub(crate) fn draw(cv: &mut Canvas, items: &[Item], x0: f64, x1: f64, y0: f64) {
    for (r, row) in rows(items, x1 - x0).iter().enumerate() {
        let total: f64 = row.iter().map(|it| item_width(it)).sum::<f64>() - 18.0;
        let mut x = (x0 + x1) / 2.0 - total / 2.0;
        let y = y0 + r as f64 * ROW + ROW / 2.0;
        for it in row {
            swatch(cv, it.swatch, x, y);
            cv.text(&it.label, (x + SW + 6.0, y), MEDIUM, Anchor::Start);
            x += item_width(it);
        }
    }
}

fn swatch(cv: &mut Canvas, s: Swatch, x: f64, y: f64) {
    let mid = x + SW / 2.0;
    match s {
        Swatch::Line(c) => cv.line(&[(x, y), (x + SW, y)], c, 2),
        Swatch::LineMarker(c) => {
            cv.line(&[(x, y), (x + SW, y)], c, 2);
            cv.rect(
                (mid - 4.0, y - 4.0),
                (mid + 4.0, y + 4.0),
                Some(c),
                Some((OUTLINE, 1)),
            );
        }
        Swatch::Square(c) => {
            cv.rect(
                (mid - 5.0, y - 5.0),
                (mid + 5.0, y + 5.0),
                Some(c),
                Some((OUTLINE, 1)),
            );
        }
        Swatch::Diamond(c) => diamond(cv, (mid, y), 7.0, c),
        Swatch::Rainbow => {
            for i in 0..5 {
                let xi = x + i as f64 * SW / 5.0;
                let c = turbo(i as f64 / 4.0);
                cv.rect((xi, y - 4.0), (xi + SW / 5.0, y + 4.0), Some(c), None);
            }
            cv.rect((x, y - 4.0), (x + SW, y + 4.0), None, Some((OUTLINE, 1)));
        }
    }
}

/// A filled diamond with a dark outline.
pub(crate) fn diamond(cv: &mut Canvas, (x, y): (f64, f64), r: f64, c: Rgb) {
    cv.polygon(
        &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        c,
        Some(OUTLINE),
    );
}

/// Width a colour bar needs, including its labels.
pub(crate) const BAR_WIDTH: f64 = 96.0;

/// Draw a vertical colour bar at `x` from `top` to `bottom` with `title` above it.
///
/// `cells` are drawn bottom to top; `labels` are (fraction from the bottom, text).
pub(crate) fn bar(
    cv: &mut Canvas,
    x: f64,
    top: f64,
    bottom: f64,
    title: &str,
    cells: &[Rgb],
    labels: &[(f64, String)],
) {
    let w = 14.0;
    let y_top = top + MEDIUM + 14.0;
    cv.text(title, (x, top + MEDIUM * 0.6), MEDIUM, Anchor::Start);
    let h = (bottom - y_top).max(1.0);
    let n = cells.len().max(1) as f64;
    for (i, c) in cells.iter().enumerate() {
        let y1 = bottom - h * i as f64 / n;
        let y0 = bottom - h * (i + 1) as f64 / n;
        cv.rect((x, y0.floor()), (x + w, y1.ceil()), Some(*c), None);
    }
    cv.rect((x, y_top), (x + w, bottom), None, Some((AXIS, 1)));
    for (f, l) in labels {
        let y = bottom - h * f.clamp(0.0, 1.0);
        cv.line(&[(x + w, y), (x + w + 4.0, y)], AXIS, 1);
        cv.text(l, (x + w + 7.0, y), SMALL, Anchor::Start);
    }
}

/// Colour of iteration `k` out of `n` (0 and `n` at the two ends of the rainbow).
pub(crate) fn iteration_colour(k: usize, n: usize) -> Rgb {
    if n == 0 {
        turbo(0.0)
    } else {
        turbo(k as f64 / n as f64)
    }
}

/// A colour bar for iterations `0..=n`, bottom to top, labelled at integer steps.
pub(crate) fn iteration_bar(cv: &mut Canvas, x: f64, top: f64, bottom: f64, n: usize) {
    let cells: Vec<Rgb> = if n <= 60 {
        (0..=n).map(|k| iteration_colour(k, n)).collect()
    } else {
        (0..60).map(|i| turbo(i as f64 / 59.0)).collect()
    };
    let slots = (((bottom - top) / 28.0) as usize).max(2);
    let step = integer_step(n, slots);
    let cell = 1.0 / cells.len() as f64;
    let frac = |k: usize| {
        if n <= 60 {
            (k as f64 + 0.5) * cell
        } else {
            k as f64 / n as f64
        }
    };
    let mut labels: Vec<(f64, String)> = (0..=n)
        .step_by(step)
        .filter(|&k| k == 0 || n - k >= step / 2)
        .map(|k| (frac(k), k.to_string()))
        .collect();
    if n > 0 && labels.last().is_none_or(|l| l.1 != n.to_string()) {
        labels.push((frac(n), n.to_string()));
    }
    bar(
        cv,
        x,
        top,
        bottom,
        &gbl_core::t!("plot-iteration"),
        &cells,
        &labels,
    );
}

/// A step of 1, 2, 5, 10, 20, ... so that `0..=n` gets at most `slots` labels.
fn integer_step(n: usize, slots: usize) -> usize {
    let mut step = 1usize;
    let mut i = 0;
    while n / step >= slots && step < usize::MAX / 10 {
        step = [1, 2, 5][i % 3] * 10usize.pow((i / 3) as u32);
        i += 1;
        if i > 3 * 18 {
            break;
        }
    }
    step.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_steps() {
        assert_eq!(integer_step(5, 10), 1);
        assert_eq!(integer_step(20, 8), 5);
        assert!(integer_step(usize::MAX, 8) >= 1);
    }
}
