//! Contour plot of a two-variable function with a descent path on top.
//!
//! Contour lines come from marching squares over the given grid, chained into polylines
//! so that the SVG stays small; levels are "nice" values of `z`.

use std::collections::HashMap;

use super::Contour;
use super::axes::Axes;
use super::colour::{OUTLINE, Rgb, WHITE};
use super::legend::{self, BAR_WIDTH, Item, Swatch, iteration_colour};
use super::scale::Scale;
use super::svg::{Anchor, Canvas, Font, MEDIUM, render, text_width};

/// An edge of the grid: (i, j, horizontal). A horizontal edge joins (i, j) and (i+1, j), a
/// vertical one joins (i, j) and (i, j+1).
type Key = (usize, usize, bool);

/// Line colour of contour level `i` of `n`: dark for low values, light for high ones.
fn level_colour(i: usize, n: usize) -> Rgb {
    let f = if n <= 1 {
        0.0
    } else {
        i as f64 / (n - 1) as f64
    };
    let g = (40.0 + 160.0 * f).round() as u8;
    Rgb(g, g, (g as f64 * 1.05).min(255.0) as u8)
}

/// Contour levels: nice values strictly inside the finite range of `z`.
fn levels(c: &Contour) -> Vec<f64> {
    let vals = c.z.iter().flatten().copied().filter(|v| v.is_finite());
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in vals {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi <= lo || !(hi - lo).is_finite() {
        return Vec::new();
    }
    super::scale::linear_ticks(lo, hi, 10, false)
        .into_iter()
        .map(|(v, _)| v)
        .filter(|v| *v > lo && *v < hi)
        .collect()
}

/// Marching squares for one level, chained into polylines of data points.
fn isolines(c: &Contour, level: f64) -> Vec<Vec<(f64, f64)>> {
    let ny = c.ys.len().min(c.z.len());
    let mut pos: HashMap<Key, (f64, f64)> = HashMap::new();
    let mut segs: Vec<(Key, Key)> = Vec::new();
    let at = |i: usize, j: usize| -> Option<f64> {
        c.z.get(j)?.get(i).copied().filter(|v| v.is_finite())
    };
    for j in 0..ny.saturating_sub(1) {
        let nx = c.xs.len().min(c.z[j].len()).min(c.z[j + 1].len());
        for i in 0..nx.saturating_sub(1) {
            let (Some(z00), Some(z10), Some(z11), Some(z01)) =
                (at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1))
            else {
                continue;
            };
            let (x0, x1, y0, y1) = (c.xs[i], c.xs[i + 1], c.ys[j], c.ys[j + 1]);
            if ![x0, x1, y0, y1].iter().all(|v| v.is_finite()) {
                continue;
            }
            let cross = |a: f64, b: f64| (a < level) != (b < level);
            let t = |a: f64, b: f64| ((level - a) / (b - a)).clamp(0.0, 1.0);
            let bottom = ((i, j, true), (x0 + t(z00, z10) * (x1 - x0), y0));
            let right = ((i + 1, j, false), (x1, y0 + t(z10, z11) * (y1 - y0)));
            let top = ((i, j + 1, true), (x0 + t(z01, z11) * (x1 - x0), y1));
            let left = ((i, j, false), (x0, y0 + t(z00, z01) * (y1 - y0)));
            let edges = [
                (cross(z00, z10), bottom),
                (cross(z10, z11), right),
                (cross(z01, z11), top),
                (cross(z00, z01), left),
            ];
            let hit: Vec<(Key, (f64, f64))> = edges.iter().filter(|e| e.0).map(|e| e.1).collect();
            for (k, p) in &hit {
                pos.insert(*k, *p);
            }
            match hit.len() {
                2 => segs.push((hit[0].0, hit[1].0)),
                4 => {
                    let centre = (z00 + z10 + z11 + z01) / 4.0;
                    if (centre < level) == (z00 < level) {
                        segs.push((bottom.0, right.0));
                        segs.push((top.0, left.0));
                    } else {
                        segs.push((bottom.0, left.0));
                        segs.push((top.0, right.0));
                    }
                }
                _ => {}
            }
        }
    }
    chain(&segs)
        .into_iter()
        .map(|keys| keys.iter().filter_map(|k| pos.get(k).copied()).collect())
        .collect()
}

/// Join segments sharing an edge into maximal chains of edge keys.
fn chain(segs: &[(Key, Key)]) -> Vec<Vec<Key>> {
    let mut adj: HashMap<Key, Vec<usize>> = HashMap::new();
    for (s, (a, b)) in segs.iter().enumerate() {
        adj.entry(*a).or_default().push(s);
        adj.entry(*b).or_default().push(s);
    }
    let mut used = vec![false; segs.len()];
    let mut out = Vec::new();
    for s in 0..segs.len() {
        if used[s] {
            continue;
        }
        used[s] = true;
        let (a, b) = segs[s];
        let mut fwd = vec![a, b];
        extend(&mut fwd, segs, &adj, &mut used);
        let mut back = vec![a];
        extend(&mut back, segs, &adj, &mut used);
        back.reverse();
        back.pop();
        back.extend(fwd);
        out.push(back);
    }
    out
}

/// Follow unused segments from the last key of `line`.
fn extend(
    line: &mut Vec<Key>,
    segs: &[(Key, Key)],
    adj: &HashMap<Key, Vec<usize>>,
    used: &mut [bool],
) {
    while let Some(&end) = line.last() {
        let next = adj
            .get(&end)
            .and_then(|v| v.iter().copied().find(|&s| !used[s]));
        let Some(s) = next else { break };
        used[s] = true;
        let (a, b) = segs[s];
        line.push(if a == end { b } else { a });
    }
}

/// See [`super::contour`].
pub(crate) fn contour(title: &str, c: &Contour, path: &[(f64, f64)]) -> String {
    let z_label = if c.z_label.trim().is_empty() {
        "z"
    } else {
        c.z_label.as_str()
    };
    let x_name = if c.x_name.trim().is_empty() {
        "x1"
    } else {
        c.x_name.as_str()
    };
    let y_name = if c.y_name.trim().is_empty() {
        "x2"
    } else {
        c.y_name.as_str()
    };
    let bar_w = BAR_WIDTH.max(text_width(z_label, MEDIUM) + 12.0);
    let (w, h) = (560.0 + bar_w, 600.0);
    let n = path.len().saturating_sub(1);
    let lv = levels(c);
    render(w as u32, h as u32, title, |cv| {
        super::path::title_at(cv, title, w);
        let items = [
            Item {
                swatch: Swatch::Rainbow,
                label: gbl_core::t!("plot-descent-path"),
            },
            Item {
                swatch: Swatch::Square(WHITE),
                label: gbl_core::t!("plot-start"),
            },
            Item {
                swatch: Swatch::Diamond(WHITE),
                label: gbl_core::t!("plot-end"),
            },
            Item {
                swatch: Swatch::Line(level_colour(0, 2)),
                label: gbl_core::t!("plot-contours", z = z_label),
            },
        ];
        let lh = legend::height(&items, w - 20.0);
        legend::draw(cv, &items, 10.0, w - 10.0, 34.0);
        let top = 34.0 + lh + 8.0;
        let grid_x = c.xs.iter().copied();
        let grid_y = c.ys.iter().copied();
        let x = Scale::fit(grid_x.chain(path.iter().map(|p| p.0)), 0.02, false);
        let y = Scale::fit(grid_y.chain(path.iter().map(|p| p.1)), 0.02, false);
        let (b0, mut b1) = ((8.0, top), (w - bar_w - 14.0, h - 6.0));
        let probe = Axes::layout(x.clone(), y.clone(), b0, b1);
        let extra = (probe.right - probe.left) - (probe.bottom - probe.top);
        if extra > 0.0 {
            b1.0 -= extra;
        }
        let ax = Axes::layout(x, y, b0, b1);
        ax.draw(cv, x_name, y_name);
        for (i, l) in lv.iter().enumerate() {
            for line in isolines(c, *l) {
                ax.polyline(cv, &line, level_colour(i, lv.len()), 1);
            }
        }
        draw_path(cv, &ax, path, n);
        let bx = ax.right + 18.0;
        let mid = (ax.top + ax.bottom) / 2.0;
        legend::iteration_bar(cv, bx, ax.top, mid - 16.0, n);
        let cells: Vec<Rgb> = (0..lv.len()).map(|i| level_colour(i, lv.len())).collect();
        let stride = lv.len().div_ceil(8).max(1);
        let labels: Vec<(f64, String)> = lv
            .iter()
            .enumerate()
            .filter(|(i, _)| i % stride == 0)
            .map(|(i, v)| ((i as f64 + 0.5) / lv.len() as f64, level_label(*v, &lv)))
            .collect();
        legend::bar(cv, bx, mid + 8.0, ax.bottom, z_label, &cells, &labels);
    })
}

/// Label a contour level with the precision the level spacing needs.
fn level_label(v: f64, lv: &[f64]) -> String {
    let step = if lv.len() >= 2 {
        (lv[1] - lv[0]).abs()
    } else {
        v.abs().max(1.0)
    };
    super::scale::fmt_tick(v, step)
}

/// The descent path: a dark line, markers coloured by iteration, start and end marked.
fn draw_path(cv: &mut Canvas, ax: &Axes, path: &[(f64, f64)], n: usize) {
    ax.polyline(cv, path, OUTLINE, 2);
    let inside: Vec<(f64, f64)> = path
        .iter()
        .map(|p| ax.at(*p))
        .filter(|q| ax.contains(*q))
        .collect();
    if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
        // Labels go outwards: before the start, and beyond the end along the last step.
        let after_start = inside.get(1).copied().unwrap_or((a.0 - 1.0, a.1 + 1.0));
        let before_end = inside
            .len()
            .checked_sub(2)
            .and_then(|i| inside.get(i).copied())
            .unwrap_or((b.0 - 1.0, b.1 + 1.0));
        cv.rect(
            (a.0 - 8.0, a.1 - 8.0),
            (a.0 + 8.0, a.1 + 8.0),
            Some(WHITE),
            Some((OUTLINE, 2)),
        );
        legend::diamond(cv, b, 11.0, WHITE);
        label_beyond(cv, &gbl_core::t!("plot-start"), a, after_start);
        label_beyond(cv, &gbl_core::t!("plot-end"), b, before_end);
    }
    for (k, p) in path.iter().enumerate() {
        let q = ax.at(*p);
        if ax.contains(q) {
            cv.marker(q, 5, iteration_colour(k, n));
        }
    }
    // Outline the start and end marks again on top of the markers.
    if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
        cv.rect(
            (a.0 - 8.0, a.1 - 8.0),
            (a.0 + 8.0, a.1 + 8.0),
            None,
            Some((OUTLINE, 2)),
        );
        let r = 11.0;
        let d = [
            (b.0, b.1 - r),
            (b.0 + r, b.1),
            (b.0, b.1 + r),
            (b.0 - r, b.1),
            (b.0, b.1 - r),
        ];
        cv.line(&d, OUTLINE, 2);
    }
}

/// Put `text` next to `at`, on the side away from `from`.
fn label_beyond(cv: &mut Canvas, text: &str, at: (f64, f64), from: (f64, f64)) {
    let (dx, dy) = (at.0 - from.0, at.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = if len > 1e-9 {
        (dx / len, dy / len)
    } else {
        (0.7, -0.7)
    };
    let pos = (at.0 + ux * 16.0, at.1 + uy * 16.0);
    let anchor = if ux >= 0.0 {
        Anchor::Start
    } else {
        Anchor::End
    };
    let tw = text_width(text, MEDIUM);
    let x0 = if ux >= 0.0 {
        pos.0 - 2.0
    } else {
        pos.0 - tw - 2.0
    };
    cv.rect(
        (x0, pos.1 - 9.0),
        (x0 + tw + 4.0, pos.1 + 9.0),
        Some(WHITE),
        None,
    );
    cv.text_styled(text, pos, Font::new(MEDIUM, anchor).bold(true));
}
