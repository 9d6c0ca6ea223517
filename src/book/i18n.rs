//! Translated editions of the book: directives and formulas kept whole through gettext.
//!
//! The Korean edition is built from the English chapters with `mdbook-gettext`, which reads each
//! chapter as Markdown, swaps every paragraph for its translation and writes the chapter back
//! as Markdown. Writing back changes what Markdown treats as equal: `1/10*x^2 ... 1/5*x` inside a
//! directive becomes emphasis (`_x^2 ... 1/5_`), `x_{k+1}` in a formula becomes `x\_{k+1}`. So
//! before gettext runs, `gbl mdbook protect` wraps every directive and every formula in an inline
//! code span (whose text Markdown keeps byte for byte), and the preprocessor proper
//! ([`unprotect`], first thing in every chapter) takes the wrapping off again. The extracted
//! messages (`po/messages.pot`) carry the wrapped form, so a translator copies `` `{{#gbl ...}}` ``
//! and `` `\\( f(x) \\)` `` as they are, and every number of the Korean book still comes from
//! the engine.
//!
//! Code blocks and code spans are left alone (a directive shown in code is not run), as is a
//! directive escaped with a backslash (`\{{#gbl ...}}`).

use mdbook_preprocessor::book::{Book, BookItem};

use super::math::{code_span_end, fence_of};

/// Runs [`protect`] over every chapter of a book (`gbl mdbook protect`, before gettext).
pub fn protect_book(mut book: Book) -> Book {
    book.for_each_mut(|item| {
        if let BookItem::Chapter(ch) = item {
            ch.content = protect(&ch.content);
        }
    });
    book
}

const OPEN: &str = "{{#gbl";

/// `text` with every directive and formula outside code wrapped in a code span.
pub fn protect(text: &str) -> String {
    map_prose(text, protect_prose)
}

/// `text` with the code spans that [`protect`] made taken off again: a code span whose whole
/// text is one directive or one formula becomes that directive or formula.
pub fn unprotect(text: &str) -> String {
    map_prose(text, unwrap_prose)
}

/// `text` with `f` applied to each stretch of prose between fenced code blocks.
fn map_prose(text: &str, f: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut fence: Option<(u8, usize)> = None;
    let mut prose = String::new();
    for line in text.split_inclusive('\n') {
        let opens = fence_of(line.trim_end_matches(['\n', '\r']));
        match (fence, opens) {
            (None, Some(open)) => {
                out.push_str(&f(&std::mem::take(&mut prose)));
                fence = Some(open);
                out.push_str(line);
            }
            (Some((c, len)), Some((c2, len2))) => {
                if c == c2 && len2 >= len && line.trim().bytes().all(|b| b == c) {
                    fence = None;
                }
                out.push_str(line);
            }
            (Some(_), None) => out.push_str(line),
            (None, None) => prose.push_str(line),
        }
    }
    out.push_str(&f(&prose));
    out
}

/// Wraps the directives and formulas of prose (no fenced code inside).
fn protect_prose(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let end = if b[i] == b'`' {
            let n = b[i..].iter().take_while(|&&c| c == b'`').count();
            i = code_span_end(text, i, n);
            continue;
        } else if b[i..].starts_with(b"\\{{#gbl") {
            i += 2;
            continue;
        } else if b[i..].starts_with(OPEN.as_bytes()) {
            directive_end(text, i)
        } else if b[i..].starts_with(b"\\\\(") {
            text[i + 3..].find("\\\\)").map(|e| i + 3 + e + 3)
        } else if b[i..].starts_with(b"\\\\[") {
            text[i + 3..].find("\\\\]").map(|e| i + 3 + e + 3)
        } else {
            // Markdown's own escapes (`\\`, `\*`) are skipped whole.
            i += if b[i] == b'\\' { 2 } else { 1 };
            continue;
        };
        let Some(end) = end else {
            // Never closed: left for the preprocessor to report.
            i += 3;
            continue;
        };
        out.push_str(&text[copied..i]);
        wrap(&text[i..end], &mut out);
        i = end;
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Where the directive opened at `start` ends (after its `}}`): quoted values may hold `}}`.
fn directive_end(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut quoted = false;
    let mut j = start + OPEN.len();
    while j < b.len() {
        match b[j] {
            b'\\' if quoted => j += 1,
            b'"' => quoted = !quoted,
            b'}' if !quoted && b.get(j + 1) == Some(&b'}') => return Some(j + 2),
            _ => {}
        }
        j += 1;
    }
    None
}

/// Writes `s` as a code span: a run of backticks longer than any inside it.
fn wrap(s: &str, out: &mut String) {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest + 1);
    out.push_str(&ticks);
    out.push_str(s);
    out.push_str(&ticks);
}

/// Unwraps the protected code spans of prose.
fn unwrap_prose(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] != b'`' {
            i += 1;
            continue;
        }
        let n = b[i..].iter().take_while(|&&c| c == b'`').count();
        let end = code_span_end(text, i, n);
        if end == i + n {
            i = end;
            continue;
        }
        let inner = &text[i + n..end - n];
        if is_protected(inner) {
            out.push_str(&text[copied..i]);
            out.push_str(inner);
            copied = end;
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether a code span's text is exactly one directive or one formula.
fn is_protected(inner: &str) -> bool {
    (inner.starts_with(OPEN) && directive_end(inner, 0) == Some(inner.len()))
        || (inner.starts_with("\\\\(")
            && inner.ends_with("\\\\)")
            && inner.len() >= 6
            && !inner[3..inner.len() - 3].contains("\\\\)"))
        || (inner.starts_with("\\\\[")
            && inner.ends_with("\\\\]")
            && inner.len() >= 6
            && !inner[3..inner.len() - 3].contains("\\\\]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_and_formulas_are_wrapped_and_unwrapped() {
        let src = "Start at \\\\( x_0 = 3 \\\\):\n\n{{#gbl trace f=\"1/10*x^2\" grad=\"x=1/5*x\"}}\n\n\\\\[ x_{k+1} = x_k \\\\]\n";
        let p = protect(src);
        assert_eq!(
            p,
            "Start at `\\\\( x_0 = 3 \\\\)`:\n\n`{{#gbl trace f=\"1/10*x^2\" grad=\"x=1/5*x\"}}`\n\n`\\\\[ x_{k+1} = x_k \\\\]`\n"
        );
        assert_eq!(unprotect(&p), src);
    }

    #[test]
    fn code_escapes_and_fences_are_left_alone() {
        let src = "Write `\\{{#gbl exercise ID}}` or \\{{#gbl x}}.\n\n```\n{{#gbl value f=\"x\"}} \\\\( a \\\\)\n```\n";
        assert_eq!(protect(src), src);
        assert_eq!(unprotect(src), src);
    }

    #[test]
    fn a_quoted_brace_does_not_end_a_directive() {
        let src = "{{#gbl trace print=\"{x}}}\" f=\"x\"}} after";
        assert_eq!(
            protect(src),
            "`{{#gbl trace print=\"{x}}}\" f=\"x\"}}` after"
        );
    }

    #[test]
    fn backticks_inside_get_a_longer_run() {
        let src = "{{#gbl trace print=\"`{x}`\"}}";
        let p = protect(src);
        assert_eq!(p, "``{{#gbl trace print=\"`{x}`\"}}``");
        assert_eq!(unprotect(&p), src);
    }

    #[test]
    fn an_author_code_span_is_kept() {
        let src = "Type `gbl check` and `{{#gbl` alone.";
        assert_eq!(unprotect(src), src);
    }
}
