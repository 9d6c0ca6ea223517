//! A thin drawing canvas over plotters' `SVGBackend`, plus colours and text metrics.
//!
//! Everything is drawn in pixel coordinates with plotters' primitive elements (rectangles,
//! polylines, circles, polygons, text). No font backend is compiled in: plotters then
//! uses its "naive" text layout (a fixed per-character width estimate) and the SVG backend
//! writes every label as a plain `<text>` element that the browser renders with its own
//! fonts. Layout in this module therefore never asks plotters for text extents; it uses
//! [`text_width`], a deliberately generous estimate.

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::prelude::{
    Circle, DrawingArea, FontStyle, FontTransform, IntoDrawingArea, PathElement, Polygon,
    Rectangle, Text,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, RGBColor, TextStyle};

/// Text colour.
pub(crate) const INK: RGBColor = RGBColor(34, 34, 34);
/// Function curves and neutral lines.
pub(crate) const CURVE: RGBColor = RGBColor(60, 60, 60);
/// Axis frame and ticks.
pub(crate) const AXIS: RGBColor = RGBColor(90, 90, 90);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(228, 228, 228);
/// Marker outlines.
pub(crate) const OUTLINE: RGBColor = RGBColor(30, 30, 30);
/// Gradients in the computational graph.
pub(crate) const GRAD: RGBColor = RGBColor(200, 70, 0);
/// Local derivatives on graph edges.
pub(crate) const DERIV: RGBColor = RGBColor(25, 90, 170);
/// Plain white.
pub(crate) const WHITE: RGBColor = RGBColor(255, 255, 255);

/// Base font size in CSS pixels for tick labels.
pub(crate) const SMALL: f64 = 13.0;
/// Font size for axis titles and legends.
pub(crate) const MEDIUM: f64 = 14.0;
/// Font size for plot titles.
pub(crate) const LARGE: f64 = 17.0;

/// Horizontal text anchor.
#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// Estimated width in pixels of `s` at font size `size` in a sans-serif font.
pub(crate) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.6
}

/// Turbo-like rainbow colour for `t` in `[0, 1]` (dark blue, cyan, green, yellow, red).
///
/// Polynomial approximation of Google's Turbo colour map, restricted to `[0.05, 0.95]` so
/// that both ends stay distinguishable from black.
pub(crate) fn turbo(t: f64) -> RGBColor {
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
    RGBColor(c(r), c(g), c(b))
}

/// Categorical colours for distinct series (Tableau 10).
pub(crate) fn series_colour(i: usize) -> RGBColor {
    const P: [RGBColor; 10] = [
        RGBColor(31, 119, 180),
        RGBColor(255, 127, 14),
        RGBColor(44, 160, 44),
        RGBColor(214, 39, 40),
        RGBColor(148, 103, 189),
        RGBColor(140, 86, 75),
        RGBColor(227, 119, 194),
        RGBColor(127, 127, 127),
        RGBColor(188, 189, 34),
        RGBColor(23, 190, 207),
    ];
    P[i % P.len()]
}

/// Escape text for use in XML character data and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Remove control characters (not allowed in XML) and newlines from a label.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Internal resolution: plotters draws on an integer grid, so everything is drawn at this
/// multiple of the logical size (half-pixel precision) and the `viewBox` scales it back.
const S: f64 = 2.0;

/// A pixel coordinate for plotters, safe for any input (NaN becomes 0, huge values clamp).
fn px(v: f64) -> i32 {
    if v.is_finite() {
        (v * S).clamp(-1_000_000.0, 1_000_000.0).round() as i32
    } else {
        0
    }
}

/// A stroke width or radius at the internal resolution.
fn sw(w: u32) -> u32 {
    (w as f64 * S) as u32
}

/// A drawing surface in pixel coordinates.
pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

impl Canvas<'_> {
    /// Draw text at `(x, y)`; `y` is the vertical centre of the text.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text_styled(
        &self,
        s: &str,
        (x, y): (f64, f64),
        size: f64,
        colour: RGBColor,
        anchor: Anchor,
        bold: bool,
        vertical: bool,
    ) {
        let s = clean(s);
        if s.trim().is_empty() {
            return;
        }
        let h = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let weight = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        // The SVG backend divides the size by 1.24 when it writes `font-size`.
        let style: TextStyle = ("sans-serif", size * S * 1.24, weight).into();
        let mut style = style.color(&colour).pos(Pos::new(h, VPos::Center));
        if vertical {
            style = style.transform(FontTransform::Rotate270);
        }
        let _ = self.area.draw(&Text::new(s, (px(x), px(y)), style));
    }

    /// Draw plain text, vertically centred on `y`.
    pub(crate) fn text(&self, s: &str, at: (f64, f64), size: f64, anchor: Anchor) {
        self.text_styled(s, at, size, INK, anchor, false, false);
    }

    /// Draw a polyline through `pts` (fewer than two points draw nothing).
    pub(crate) fn line(&self, pts: &[(f64, f64)], colour: RGBColor, width: u32) {
        if pts.len() < 2 {
            return;
        }
        let p: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        let _ = self
            .area
            .draw(&PathElement::new(p, colour.stroke_width(sw(width))));
    }

    /// Draw an axis-aligned rectangle, filled and/or outlined.
    pub(crate) fn rect(
        &self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        fill: Option<RGBColor>,
        stroke: Option<(RGBColor, u32)>,
    ) {
        let a = (px(x0.min(x1)), px(y0.min(y1)));
        let b = (px(x0.max(x1)), px(y0.max(y1)));
        if let Some(c) = fill {
            let _ = self.area.draw(&Rectangle::new([a, b], c.filled()));
        }
        if let Some((c, w)) = stroke {
            let _ = self
                .area
                .draw(&Rectangle::new([a, b], c.stroke_width(sw(w))));
        }
    }

    /// Draw a point marker: a filled circle with a thin dark outline.
    ///
    /// Every marker yields exactly one filled `<circle>` (plus one outline circle with
    /// `fill="none"`); nothing else in these plots draws filled circles.
    pub(crate) fn marker(&self, (x, y): (f64, f64), r: u32, fill: RGBColor) {
        let c = (px(x), px(y));
        let r = sw(r);
        let _ = self.area.draw(&Circle::new(c, r, fill.filled()));
        let _ = self
            .area
            .draw(&Circle::new(c, r, OUTLINE.stroke_width(sw(1))));
    }

    /// Draw a filled polygon, optionally outlined.
    pub(crate) fn polygon(&self, pts: &[(f64, f64)], fill: RGBColor, stroke: Option<RGBColor>) {
        if pts.len() < 3 {
            return;
        }
        let p: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        let _ = self.area.draw(&Polygon::new(p.clone(), fill.filled()));
        if let Some(c) = stroke {
            let mut closed = p;
            if let Some(&first) = closed.first() {
                closed.push(first);
            }
            let _ = self
                .area
                .draw(&PathElement::new(closed, c.stroke_width(sw(1))));
        }
    }
}

/// Render a `w`×`h` pixel SVG: white background, an accessible `<title>`, and whatever
/// `draw` puts on the canvas. The result scales with its container (`viewBox`, and a
/// `max-width:100%` style).
pub(crate) fn render(w: u32, h: u32, title: &str, draw: impl FnOnce(&Canvas)) -> String {
    let w = w.clamp(100, 20_000);
    let h = h.clamp(100, 20_000);
    let mut buf = String::new();
    {
        let size = ((w as f64 * S) as u32, (h as f64 * S) as u32);
        let area = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        let _ = area.fill(&WHITE);
        let canvas = Canvas { area };
        draw(&canvas);
        let _ = canvas.area.present();
    }
    finish(&buf, title, (w, h))
}

/// Post-process plotters' output: responsive sizing, a title, tidy font sizes.
fn finish(raw: &str, title: &str, (w, h): (u32, u32)) -> String {
    let mut out = String::with_capacity(raw.len() + 200);
    let body = match raw.strip_prefix("<svg ") {
        Some(rest) => rest,
        None => return raw.to_string(),
    };
    let Some(end) = body.find('>') else {
        return raw.to_string();
    };
    let big = format!(
        "width=\"{}\" height=\"{}\"",
        (w as f64 * S) as u32,
        (h as f64 * S) as u32
    );
    let header = body[..end].replacen(&big, &format!("width=\"{w}\" height=\"{h}\""), 1);
    out.push_str("<svg ");
    out.push_str(&header);
    out.push_str(
        " role=\"img\" font-family=\"sans-serif\" style=\"max-width:100%;height:auto;background:#fff\">",
    );
    out.push_str("\n<title>");
    out.push_str(&escape(&clean(title)));
    out.push_str("</title>");
    tidy_font_sizes(&body[end + 1..], &mut out);
    out
}

/// Copy `s` to `out`, rounding every `font-size="..."` value to one decimal.
fn tidy_font_sizes(mut s: &str, out: &mut String) {
    const KEY: &str = "font-size=\"";
    while let Some(i) = s.find(KEY) {
        out.push_str(&s[..i + KEY.len()]);
        s = &s[i + KEY.len()..];
        let Some(j) = s.find('"') else { break };
        match s[..j].parse::<f64>() {
            Ok(v) => {
                let r = (v * 10.0).round() / 10.0;
                out.push_str(&format!("{r}"));
            }
            Err(_) => out.push_str(&s[..j]),
        }
        s = &s[j..];
    }
    out.push_str(s);
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

    #[test]
    fn escapes_xml() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn render_has_title_and_viewbox() {
        let s = render(200, 100, "T<1>", |c| {
            c.text("hi", (10.0, 10.0), 13.0, Anchor::Start)
        });
        assert!(s.starts_with("<svg "));
        assert!(s.contains("width=\"200\" height=\"100\""), "{s}");
        assert!(s.contains("viewBox=\"0 0 400 200\""));
        assert!(s.contains("<title>T&lt;1&gt;</title>"));
        assert!(s.contains("font-size=\"26\""), "{s}");
        assert!(s.trim_end().ends_with("</svg>"));
    }
}
