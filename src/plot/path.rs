//! One-variable plots: a descent path on its function, iterates against iteration, and
//! several runs side by side.

use super::Path1D;
use super::axes::Axes;
use super::colour::{CURVE, Rgb, series_colour};
use super::legend::{self, BAR_WIDTH, Item, Swatch, iteration_colour};
use super::scale::Scale;
use super::svg::{Anchor, Canvas, Font, LARGE, MEDIUM, render};

/// Light line joining consecutive iterates.
const TRAIL: Rgb = Rgb(150, 150, 150);

/// Marker radius for a path of `n` points.
fn radius(n: usize) -> u32 {
    match n {
        0..=30 => 5,
        31..=100 => 4,
        _ => 3,
    }
}

/// The plot's title, centred at the top of a canvas `w` wide.
pub(crate) fn title_at(cv: &mut Canvas, title: &str, w: f64) {
    let font = Font::new(LARGE, Anchor::Middle).bold(true);
    cv.text_styled(title, (w / 2.0, 20.0), font);
}

fn curve_label(path: &Path1D) -> String {
    if path.label.trim().is_empty() {
        "f(x)".to_string()
    } else {
        path.label.clone()
    }
}

/// The visited points `(x_k, f(x_k))`, as many as both vectors have.
fn visited(path: &Path1D) -> Vec<(f64, f64)> {
    path.xs
        .iter()
        .copied()
        .zip(path.ys.iter().copied())
        .collect()
}

/// Draw one descent panel in the given pixel box; iteration `k` gets colour `k / n_colour`.
fn panel(cv: &mut Canvas, path: &Path1D, n_colour: usize, b0: (f64, f64), b1: (f64, f64)) {
    let pts = visited(path);
    let x = Scale::fit(
        path.f.iter().map(|p| p.0).chain(path.xs.iter().copied()),
        0.04,
        false,
    );
    let y = Scale::fit(
        path.f.iter().map(|p| p.1).chain(path.ys.iter().copied()),
        0.06,
        false,
    );
    let ax = Axes::layout(x, y, b0, b1);
    ax.draw(cv, "x", "f(x)");
    ax.polyline(cv, &path.f, CURVE, 2);
    ax.polyline(cv, &pts, TRAIL, 1);
    let r = radius(pts.len());
    for (k, p) in pts.iter().enumerate() {
        let q = ax.at(*p);
        if ax.contains(q) {
            cv.marker(q, r, iteration_colour(k, n_colour));
        }
    }
}

/// Number of steps taken in a run (points minus one).
fn steps(path: &Path1D) -> usize {
    path.xs.len().min(path.ys.len()).saturating_sub(1)
}

/// See [`super::descent_path`].
pub(crate) fn descent_path(title: &str, path: &Path1D) -> String {
    let (w, h) = (640.0, 440.0);
    let n = steps(path);
    render(w as u32, h as u32, title, |cv| {
        title_at(cv, title, w);
        let items = [
            Item {
                swatch: Swatch::Line(CURVE),
                label: curve_label(path),
            },
            Item {
                swatch: Swatch::Rainbow,
                label: gbl_core::t!("plot-iterates-fx"),
            },
        ];
        let lx1 = w - 10.0;
        let lh = legend::height(&items, lx1 - 10.0);
        legend::draw(cv, &items, 10.0, lx1, 34.0);
        let top = 34.0 + lh + 8.0;
        panel(cv, path, n, (8.0, top), (w - BAR_WIDTH - 12.0, h - 6.0));
        legend::iteration_bar(cv, w - BAR_WIDTH + 4.0, top - 6.0, h - 6.0 - 46.0, n);
    })
}

/// See [`super::iterates`].
pub(crate) fn iterates(title: &str, series: &[(String, Vec<f64>)]) -> String {
    let (w, h) = (640.0, 420.0);
    render(w as u32, h as u32, title, |cv| {
        title_at(cv, title, w);
        let items: Vec<Item> = series
            .iter()
            .enumerate()
            .map(|(i, (l, _))| Item {
                swatch: Swatch::LineMarker(series_colour(i)),
                label: if l.trim().is_empty() {
                    format!("series {}", i + 1)
                } else {
                    l.clone()
                },
            })
            .collect();
        let lh = legend::height(&items, w - 20.0);
        legend::draw(cv, &items, 10.0, w - 10.0, 34.0);
        let top = 34.0 + lh + 8.0;
        let longest = series.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
        let x = Scale::fit([0.0, longest.saturating_sub(1) as f64], 0.04, true);
        let y = Scale::fit(
            series.iter().flat_map(|(_, v)| v.iter().copied()),
            0.06,
            false,
        );
        let ax = Axes::layout(x, y, (8.0, top), (w - 16.0, h - 6.0));
        ax.draw(cv, &gbl_core::t!("plot-iteration"), "x");
        let total: usize = series.iter().map(|(_, v)| v.len()).sum();
        let r = radius(total);
        for (i, (_, v)) in series.iter().enumerate() {
            let c = series_colour(i);
            let pts: Vec<(f64, f64)> = v.iter().enumerate().map(|(k, &x)| (k as f64, x)).collect();
            ax.polyline(cv, &pts, c, 2);
            for p in &pts {
                let q = ax.at(*p);
                if ax.contains(q) {
                    cv.marker(q, r, c);
                }
            }
        }
        if total == 0 {
            let c = ((ax.left + ax.right) / 2.0, (ax.top + ax.bottom) / 2.0);
            cv.text("no data", c, MEDIUM, Anchor::Middle);
        }
    })
}

/// See [`super::side_by_side`].
pub(crate) fn side_by_side(title: &str, paths: &[Path1D]) -> String {
    let k = paths.len();
    let cols = k.clamp(1, 3);
    let rows = k.div_ceil(3).max(1);
    let (pw, ph) = (250.0, 280.0);
    let w = cols as f64 * pw + BAR_WIDTH + 16.0;
    let legend_items = [
        Item {
            swatch: Swatch::Line(CURVE),
            label: gbl_core::t!("plot-function"),
        },
        Item {
            swatch: Swatch::Rainbow,
            label: gbl_core::t!("plot-iterates"),
        },
    ];
    let lh = legend::height(&legend_items, w - 20.0);
    let top = 34.0 + lh + 6.0;
    let h = top + rows as f64 * ph + 4.0;
    let n = paths.iter().map(steps).max().unwrap_or(0);
    render(w as u32, h as u32, title, |cv| {
        title_at(cv, title, w);
        legend::draw(cv, &legend_items, 10.0, w - 10.0, 34.0);
        if k == 0 {
            cv.text("no runs", (w / 2.0, top + ph / 2.0), MEDIUM, Anchor::Middle);
        }
        for (i, p) in paths.iter().enumerate() {
            let (c, r) = ((i % 3) as f64, (i / 3) as f64);
            let x0 = 4.0 + c * pw;
            let y0 = top + r * ph;
            let font = Font::new(MEDIUM, Anchor::Middle).bold(true);
            cv.text_styled(&curve_label(p), (x0 + pw / 2.0 + 20.0, y0 + 10.0), font);
            panel(cv, p, n, (x0, y0 + 24.0), (x0 + pw - 8.0, y0 + ph - 4.0));
        }
        legend::iteration_bar(cv, w - BAR_WIDTH + 4.0, top + 18.0, top + ph - 50.0, n);
    })
}
