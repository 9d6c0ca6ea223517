//! The book's mathematics, rendered when the book is built: every `\\( ... \\)` (inline) and
//! `\\[ ... \\]` (display) of a chapter becomes MathML, so that the built book needs no
//! script and no network to show its formulas (MathML renders in Chromium, Firefox and Safari).
//!
//! Rules:
//! - The delimiters are the ones mdBook's MathJax support used, as written in Markdown:
//!   `\\(` and `\\)`, `\\[` and `\\]`. A display formula may span lines.
//! - The TeX between them is read as MathJax read it: after Markdown's backslash escapes
//!   (`\\` → `\`, `\*` → `*`, ...), so a chapter renders as it did before.
//! - `:=` (the update) is read as one relation, `\coloneqq` (≔): MathML would otherwise space
//!   the colon as punctuation, `x: = x`.
//! - Nothing inside a code span or a fenced code block is touched.
//! - A formula the converter ([`pulldown_latex`]) cannot read, or an opener without its
//!   closer, is an error with the chapter's line; the build fails. So is a formula it reads
//!   only in part, showing some of the TeX as text (a backslash or a brace not asked for).
//! - The MathML is written on one line, and every character of its text that Markdown could
//!   read (`*`, `_`, `` ` ``, `\`, `[`, `]`, `|`, `$`, `~`) as a character reference, so that
//!   Markdown leaves it alone, inside tables too.
//! - A display formula sits in `<span class="gbl-math-block">`, which scrolls on its own when
//!   it is wider than the page (see `book/theme/gbl.css`).

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};

/// A formula that cannot be rendered, at a 1-based line of the chapter.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MathError {
    /// The line of the formula's opening delimiter.
    pub(crate) line: usize,
    /// What is wrong.
    pub(crate) message: String,
}

/// The most formulas rendered in one chapter; past it the chapter is an error (split it).
pub(crate) const MAX_FORMULAS: usize = 5_000;

/// The most bytes of TeX in one formula.
pub(crate) const MAX_FORMULA_BYTES: usize = 4_000;

/// `text` with every formula replaced by MathML; every broken formula as an error.
pub(crate) fn render(text: &str) -> Result<String, Vec<MathError>> {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut errors = Vec::new();
    let mut count = 0;
    let mut fence: Option<(u8, usize)> = None;
    // The prose not rendered yet: its start in `text` and its first line.
    let mut prose = (0, 1);
    let mut at = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        let f = fence_of(l.trim_end_matches(['\n', '\r']));
        match (fence, f) {
            (None, Some(open)) => {
                render_prose(
                    &text[prose.0..at],
                    prose.1,
                    &mut out,
                    &mut errors,
                    &mut count,
                );
                fence = Some(open);
                out.push_str(l);
            }
            (Some((c, len)), Some((c2, len2))) => {
                let closes = c == c2 && len2 >= len && l.trim().bytes().all(|b| b == c);
                if closes {
                    fence = None;
                    prose = (at + l.len(), n + 2);
                }
                out.push_str(l);
            }
            (Some(_), None) => out.push_str(l),
            (None, None) => {}
        }
        at += l.len();
        if fence.is_some() {
            prose = (at, n + 2);
        }
    }
    if fence.is_none() {
        render_prose(&text[prose.0..], prose.1, &mut out, &mut errors, &mut count);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The fence a line opens or closes (its character and length), if any.
pub(super) fn fence_of(line: &str) -> Option<(u8, usize)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let c = *t.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|&b| b == c).count();
    (n >= 3).then_some((c, n))
}

/// Renders the formulas of prose (no fenced code inside), skipping code spans.
fn render_prose(
    text: &str,
    first_line: usize,
    out: &mut String,
    errors: &mut Vec<MathError>,
    count: &mut usize,
) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] == b'`' {
            let n = b[i..].iter().take_while(|&&c| c == b'`').count();
            i = code_span_end(text, i, n);
            continue;
        }
        let display = if b[i..].starts_with(b"\\\\(") {
            false
        } else if b[i..].starts_with(b"\\\\[") {
            true
        } else {
            // Markdown's own escapes (`\\`, `\*`) are kept as they are.
            i += if b[i] == b'\\' { 2 } else { 1 };
            continue;
        };
        let line = first_line + b[..i].iter().filter(|&&c| c == b'\n').count();
        let close = if display { "\\\\]" } else { "\\\\)" };
        let Some(len) = text[i + 3..].find(close) else {
            errors.push(MathError {
                line,
                message: format!(
                    "a formula opened with {} is never closed with {close}",
                    &text[i..i + 3]
                ),
            });
            return;
        };
        *count += 1;
        if *count > MAX_FORMULAS {
            errors.push(MathError {
                line,
                message: format!(
                    "the chapter has more than {MAX_FORMULAS} formulas, the most rendered in \
                     one chapter (split the chapter)"
                ),
            });
            return;
        }
        out.push_str(&text[copied..i]);
        let tex = &text[i + 3..i + 3 + len];
        match mathml(&unescape(tex).replace(":=", "\\coloneqq "), display) {
            Ok(m) => out.push_str(&m),
            Err(message) => {
                errors.push(MathError { line, message });
                out.push_str(&text[i..i + 6 + len]);
            }
        }
        i += 6 + len;
        copied = i;
    }
    out.push_str(&text[copied..]);
}

/// Where a code span opened by `n` backticks at `at` ends (after its closing run), or just
/// after the opening run when it is never closed (then the backticks are literal).
pub(super) fn code_span_end(text: &str, at: usize, n: usize) -> usize {
    let b = text.as_bytes();
    let mut j = at + n;
    while j < b.len() {
        if b[j] == b'`' {
            let m = b[j..].iter().take_while(|&&c| c == b'`').count();
            if m == n {
                return j + m;
            }
            j += m;
        } else {
            j += 1;
        }
    }
    at + n
}

/// The TeX as MathJax saw it: Markdown's backslash escapes of punctuation undone.
pub(crate) fn unescape(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut chars = tex.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&n) = chars.peek()
            && n.is_ascii_punctuation()
        {
            out.push(n);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// One formula as MathML on one line, safe inside Markdown; an error names what is wrong.
pub(crate) fn mathml(tex: &str, display: bool) -> Result<String, String> {
    if tex.len() > MAX_FORMULA_BYTES {
        return Err(format!(
            "a formula of {} bytes, more than the {MAX_FORMULA_BYTES} allowed",
            tex.len()
        ));
    }
    let storage = Storage::new();
    let mut events = Vec::new();
    for e in Parser::new(tex, &storage) {
        match e {
            Ok(e) => events.push(Ok::<_, std::io::Error>(e)),
            Err(e) => {
                let first = e.to_string();
                let first = first.lines().next().unwrap_or("").trim();
                return Err(format!(
                    "the formula `{}` cannot be read: {first}",
                    tex.trim()
                ));
            }
        }
    }
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..RenderConfig::default()
    };
    let mut raw = String::new();
    push_mathml(&mut raw, events.into_iter(), config)
        .map_err(|e| format!("the formula `{}` cannot be written: {e}", tex.trim()))?;
    if let Some(leak) = leaked(&raw, tex) {
        return Err(format!(
            "the formula `{}` is not fully understood by the MathML converter (it would show \
             `{leak}` as text); write it another way",
            tex.trim()
        ));
    }
    let safe = markdown_safe(&raw);
    Ok(if display {
        format!("<span class=\"gbl-math-block\">{safe}</span>")
    } else {
        safe
    })
}

/// TeX that the converter passed through as text (`\operatorname*{argmin}` shows
/// `*{argmin}`): a backslash, or a brace the formula did not ask for with `\{`, `\}`.
fn leaked(mathml: &str, tex: &str) -> Option<char> {
    let braces_asked = tex.contains("\\{") || tex.contains("\\}") || tex.contains("brace");
    let mut in_tag = false;
    for c in mathml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '\\' if !in_tag => return Some(c),
            '{' | '}' if !in_tag && !braces_asked => return Some(c),
            _ => {}
        }
    }
    None
}

/// MathML with its text protected from Markdown: newlines become spaces, attributes are
/// separated by spaces and, outside tags, every character Markdown reads specially becomes a
/// character reference.
fn markdown_safe(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut in_value = false;
    let mut value_closed = false;
    for c in html.chars() {
        // pulldown-latex 0.8 writes `stretchy="true"minsize=...` for `\big(`: an attribute
        // right after a closing quote gets the space HTML needs.
        if value_closed && c.is_ascii_alphabetic() {
            out.push(' ');
        }
        value_closed = false;
        match c {
            '\n' | '\r' => out.push(' '),
            '"' if in_tag => {
                value_closed = in_value;
                in_value = !in_value;
                out.push(c);
            }
            '<' if !in_value => {
                in_tag = true;
                out.push(c);
            }
            '>' if !in_value => {
                in_tag = false;
                out.push(c);
            }
            '*' | '_' | '`' | '\\' | '[' | ']' | '|' | '$' | '~' if !in_tag => {
                out.push_str(&format!("&#{};", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_display_become_mathml() {
        let out = render("a \\\\( x^2 \\\\) b\n\\\\[ x := x - \\eta \\\\, f'(x) . \\\\]\n")
            .expect("renders");
        assert!(!out.contains("\\\\("), "{out}");
        assert!(out.starts_with("a <math"), "{out}");
        assert!(out.contains("<msup><mi>x</mi><mn>2</mn></msup>"), "{out}");
        assert!(out.contains("<span class=\"gbl-math-block\"><math display=\"block\">"));
        assert!(out.contains("η"), "{out}");
        assert!(out.ends_with("</span>\n"), "{out}");
    }

    #[test]
    fn code_is_left_alone() {
        let text = "`\\\\( x \\\\)` and\n```\n\\\\( y \\\\)\n```\nthen \\\\( z \\\\)\n";
        let out = render(text).expect("renders");
        assert!(out.starts_with("`\\\\( x \\\\)` and\n```\n\\\\( y \\\\)\n```\nthen <math"));
        assert!(out.contains("<mi>z</mi>"), "{out}");
    }

    #[test]
    fn markdown_specials_become_references() {
        let out = render("| \\\\( [a, b] \\\\) |\n").expect("renders");
        assert!(out.contains("&#91;"), "{out}");
        assert!(!out[1..out.len() - 2].contains(['[', '|']), "{out}");
        assert_eq!(markdown_safe("<mi>*_`</mi>\n"), "<mi>&#42;&#95;&#96;</mi> ");
    }

    #[test]
    fn errors_name_the_line() {
        let e = render("a\n\nb \\\\( \\frac{1 \\\\)\n").expect_err("an error");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("cannot be read"), "{}", e[0].message);
        let e = render("x\n\\\\[ y\n").expect_err("an error");
        assert_eq!(e[0].line, 2);
        assert!(e[0].message.contains("never closed"), "{}", e[0].message);
    }

    #[test]
    fn big_delimiters_are_well_formed_tags() {
        let out = mathml("\\big( x \\big)", false).expect("renders");
        assert!(!out.contains("\"minsize"), "{out}");
        assert!(out.contains("\" minsize=\"1.2em\""), "{out}");
        assert_eq!(
            out.matches("<mo").count(),
            out.matches("</mo>").count(),
            "{out}"
        );
    }

    #[test]
    fn text_beyond_ascii_is_kept() {
        let out = render("연쇄 법칙 \\\\( x \\\\) é\\\\( y \\\\)\\é\n").expect("renders");
        assert!(out.starts_with("연쇄 법칙 <math"), "{out}");
        assert!(out.ends_with("</math>\\é\n"), "{out}");
    }

    #[test]
    fn the_update_is_one_relation() {
        let out = render("\\\\( x := x - 1 \\\\)").expect("renders");
        assert!(out.contains("<mo>≔</mo>"), "{out}");
        assert!(!out.contains("<mo>:</mo>"), "{out}");
    }

    #[test]
    fn tex_the_converter_passes_through_is_an_error() {
        let e = mathml("x^* = \\operatorname*{argmin}_x f(x)", true).expect_err("an error");
        assert!(e.contains("not fully understood"), "{e}");
        assert!(mathml("\\underset{x}{\\operatorname{argmin}} f(x)", true).is_ok());
        assert!(mathml("\\{ x \\}", false).is_ok());
    }

    #[test]
    fn unescapes_markdown() {
        assert_eq!(unescape("\\\\, \\eta \\* \\{"), "\\, \\eta * {");
    }
}
