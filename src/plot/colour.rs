//! The plots' colours: named colours for ink, curves, axes and the graph, the rainbow of
//! iterations (Turbo) and the categorical colours of series (Tableau 10).

use std::fmt::{self, Display};

/// A colour, written as `#RRGGBB`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rgb(pub(crate) u8, pub(crate) u8, pub(crate) u8);

impl Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// Text colour.
pub(crate) const INK: Rgb = Rgb(34, 34, 34);
/// Function curves and neutral lines.
pub(crate) const CURVE: Rgb = Rgb(60, 60, 60);
/// Axis frame and ticks.
pub(crate) const AXIS: Rgb = Rgb(90, 90, 90);
/// Grid lines.
pub(crate) const GRID: Rgb = Rgb(228, 228, 228);
/// Marker outlines.
pub(crate) const OUTLINE: Rgb = Rgb(30, 30, 30);
/// Gradients in the computational graph.
pub(crate) const GRAD: Rgb = Rgb(200, 70, 0);
/// Local derivatives on graph edges.
pub(crate) const DERIV: Rgb = Rgb(25, 90, 170);
/// Plain white.
pub(crate) const WHITE: Rgb = Rgb(255, 255, 255);

/// Turbo-like rainbow colour for `t` in `[0, 1]` (dark blue, cyan, green, yellow, red).
///
/// Polynomial approximation of Google's Turbo colour map, restricted to `[0.05, 0.95]` so
/// that both ends stay distinguishable from black.
pub(crate) fn turbo(t: f64) -> Rgb {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let x = 0.05 + 0.9 * t;
    let r = 0.135_721_38
        + x * (4.615_392_6
            + x * (-42.660_322_58
                + x * (132.131_082_34 + x * (-152.942_393_96 + x * 59.286_379_43))));
    let g = 0.091_402_61
        + x * (2.194_188_39
            + x * (4.842_966_58 + x * (-14.185_033_33 + x * (4.277_298_57 + x * 2.829_566_04))));
    let b = 0.106_673_3
        + x * (12.641_946_08
            + x * (-60.582_048_36
                + x * (110.362_767_71 + x * (-89.903_109_12 + x * 27.348_249_73))));
    let c = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    Rgb(c(r), c(g), c(b))
}

/// Categorical colours for distinct series (Tableau 10).
pub(crate) fn series_colour(i: usize) -> Rgb {
    const P: [Rgb; 10] = [
        Rgb(31, 119, 180),
        Rgb(255, 127, 14),
        Rgb(44, 160, 44),
        Rgb(214, 39, 40),
        Rgb(148, 103, 189),
        Rgb(140, 86, 75),
        Rgb(227, 119, 194),
        Rgb(127, 127, 127),
        Rgb(188, 189, 34),
        Rgb(23, 190, 207),
    ];
    P[i % P.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turbo_runs_blue_to_red() {
        let a = turbo(0.0);
        let b = turbo(1.0);
        assert!(a.2 > a.0, "start is bluish: {a:?}");
        assert!(b.0 > b.2, "end is reddish: {b:?}");
        let _ = turbo(f64::NAN);
    }
}
