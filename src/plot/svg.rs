//! A small SVG writer: the plots' drawing surface, fonts and text metrics.
//!
//! Each shape is written as one SVG element (`<polyline>`, `<rect>`, `<circle>`,
//! `<polygon>`, `<text>`) in the plot's own pixel units: the `viewBox` is the plot's size,
//! so a font size here is the size on the page. Numbers are rounded to a tenth of a pixel
//! and printed the same way on every machine, so the same data gives the same bytes.
//! Shapes are unfilled unless they name a fill (the root says `fill="none"` once).
//! Labels are plain `<text>` elements that the browser renders with its own sans-serif
//! font; layout never asks for font metrics and uses [`text_width`], a deliberately
//! generous estimate.

use std::fmt::{self, Display, Write};

use super::colour::{INK, OUTLINE, Rgb, WHITE};

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

impl Anchor {
    fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// How a label is set: size, colour, anchor, weight and direction.
#[derive(Clone, Copy)]
pub(crate) struct Font {
    size: f64,
    colour: Rgb,
    anchor: Anchor,
    bold: bool,
    vertical: bool,
}

impl Font {
    /// Plain text in [`INK`], read left to right.
    pub(crate) fn new(size: f64, anchor: Anchor) -> Font {
        Font {
            size,
            colour: INK,
            anchor,
            bold: false,
            vertical: false,
        }
    }

    /// The same font in `colour`.
    pub(crate) fn colour(self, colour: Rgb) -> Font {
        Font { colour, ..self }
    }

    /// The same font, bold when `bold` is true.
    pub(crate) fn bold(self, bold: bool) -> Font {
        Font { bold, ..self }
    }

    /// The same font, read bottom to top (an axis title beside a vertical axis).
    pub(crate) fn vertical(self) -> Font {
        Font {
            vertical: true,
            ..self
        }
    }
}

/// Estimated width in pixels of `s` at font size `size` in a sans-serif font.
pub(crate) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.6
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

/// A pixel coordinate or length as written in the SVG: rounded to a tenth of a pixel,
/// safe for any input (NaN becomes 0, huge values clamp), never `-0`.
struct Px(f64);

impl Display for Px {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() {
            self.0.clamp(-1_000_000.0, 1_000_000.0)
        } else {
            0.0
        };
        // Adding 0.0 turns -0.0 into 0.0.
        write!(f, "{}", (v * 10.0).round() / 10.0 + 0.0)
    }
}

/// The `points` attribute of a polyline or polygon.
struct Points<'a>(&'a [(f64, f64)]);

impl Display for Points<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &(x, y)) in self.0.iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            write!(f, "{sep}{},{}", Px(x), Px(y))?;
        }
        Ok(())
    }
}

/// A drawing surface in pixel coordinates: the SVG being written.
pub(crate) struct Canvas {
    out: String,
}

impl Canvas {
    /// Write one element; writing to a `String` cannot fail.
    fn element(&mut self, args: fmt::Arguments<'_>) {
        let _ = self.out.write_fmt(args);
        self.out.push('\n');
    }

    /// Draw text at `(x, y)` in `font`; `y` is the vertical centre of the text. The text
    /// stands on its own line between its tags (`>\nlabel\n</text>`; the viewer drops
    /// the white space around it), where the book's tests look for a label.
    pub(crate) fn text_styled(&mut self, s: &str, (x, y): (f64, f64), font: Font) {
        let s = clean(s);
        if s.trim().is_empty() {
            return;
        }
        let (x, y) = (Px(x), Px(y));
        let weight = if font.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let turn = if font.vertical {
            format!(" transform=\"rotate(270, {x}, {y})\"")
        } else {
            String::new()
        };
        self.element(format_args!(
            "<text x=\"{x}\" y=\"{y}\" dy=\"0.5ex\" text-anchor=\"{}\" font-size=\"{}\" fill=\"{}\"{weight}{turn}>\n{}\n</text>",
            font.anchor.svg(),
            Px(font.size),
            font.colour,
            escape(&s),
        ));
    }

    /// Draw plain text, vertically centred on `y`.
    pub(crate) fn text(&mut self, s: &str, at: (f64, f64), size: f64, anchor: Anchor) {
        self.text_styled(s, at, Font::new(size, anchor));
    }

    /// Draw a polyline through `pts` (fewer than two points draw nothing).
    pub(crate) fn line(&mut self, pts: &[(f64, f64)], colour: Rgb, width: u32) {
        if pts.len() < 2 {
            return;
        }
        self.element(format_args!(
            "<polyline stroke=\"{colour}\" stroke-width=\"{width}\" points=\"{}\"/>",
            Points(pts)
        ));
    }

    /// Draw an axis-aligned rectangle, filled and/or outlined.
    pub(crate) fn rect(
        &mut self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        fill: Option<Rgb>,
        stroke: Option<(Rgb, u32)>,
    ) {
        if fill.is_none() && stroke.is_none() {
            return;
        }
        let (x, y) = (x0.min(x1), y0.min(y1));
        let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
        let fill = fill.map_or_else(String::new, |c| format!(" fill=\"{c}\""));
        let stroke = stroke.map_or_else(String::new, |(c, w)| {
            format!(" stroke=\"{c}\" stroke-width=\"{w}\"")
        });
        self.element(format_args!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{fill}{stroke}/>",
            Px(x),
            Px(y),
            Px(w),
            Px(h)
        ));
    }

    /// Draw a point marker: a filled circle with a thin dark outline.
    ///
    /// Every marker is exactly one filled `<circle>`; nothing else in these plots draws
    /// circles.
    pub(crate) fn marker(&mut self, (x, y): (f64, f64), r: u32, fill: Rgb) {
        self.element(format_args!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{r}\" fill=\"{fill}\" stroke=\"{OUTLINE}\" stroke-width=\"1\"/>",
            Px(x),
            Px(y)
        ));
    }

    /// Draw a filled polygon, optionally outlined.
    pub(crate) fn polygon(&mut self, pts: &[(f64, f64)], fill: Rgb, stroke: Option<Rgb>) {
        if pts.len() < 3 {
            return;
        }
        let stroke = stroke.map_or_else(String::new, |c| {
            format!(" stroke=\"{c}\" stroke-width=\"1\"")
        });
        self.element(format_args!(
            "<polygon fill=\"{fill}\"{stroke} points=\"{}\"/>",
            Points(pts)
        ));
    }
}

/// Render a `w`×`h` pixel SVG: white background, an accessible `<title>`, and whatever
/// `draw` puts on the canvas. The result scales with its container (`viewBox`, and a
/// `max-width:100%` style).
pub(crate) fn render(w: u32, h: u32, title: &str, draw: impl FnOnce(&mut Canvas)) -> String {
    let w = w.clamp(100, 20_000);
    let h = h.clamp(100, 20_000);
    let mut cv = Canvas { out: String::new() };
    cv.element(format_args!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\" \
         role=\"img\" font-family=\"sans-serif\" fill=\"none\" style=\"max-width:100%;height:auto;background:#fff\">"
    ));
    cv.element(format_args!("<title>{}</title>", escape(&clean(title))));
    cv.rect((0.0, 0.0), (w as f64, h as f64), Some(WHITE), None);
    draw(&mut cv);
    cv.out.push_str("</svg>\n");
    cv.out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(s.contains("viewBox=\"0 0 200 100\""));
        assert!(s.contains("<title>T&lt;1&gt;</title>"));
        assert!(s.contains("font-size=\"13\""), "{s}");
        assert!(s.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn numbers_are_rounded_to_a_tenth_and_never_negative_zero() {
        let p = |v: f64| Px(v).to_string();
        assert_eq!(p(12.0), "12");
        assert_eq!(p(0.25), "0.3");
        assert_eq!(p(-0.01), "0");
        assert_eq!(p(f64::NAN), "0");
        assert_eq!(p(1e300), "1000000");
        assert_eq!(
            Points(&[(1.0, 2.5), (3.04, -4.0)]).to_string(),
            "1,2.5 3,-4"
        );
    }
}
