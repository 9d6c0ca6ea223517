//! Small Markdown writers: code spans, escaped text, tables, fenced blocks.

use crate::engine::PyNum;

/// `s` as an inline code span, with enough backticks around it.
pub(crate) fn code(s: &str) -> String {
    let longest = longest_run(s, '`');
    let ticks = "`".repeat(longest + 1);
    if s.starts_with('`') || s.ends_with('`') {
        format!("{ticks} {s} {ticks}")
    } else {
        format!("{ticks}{s}{ticks}")
    }
}

fn longest_run(s: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for ch in s.chars() {
        if ch == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Plain text with every character that Markdown or HTML could read specially escaped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A fenced code block of `lang` holding `lines` exactly.
pub(crate) fn fence(lang: &str, lines: &[String]) -> String {
    let longest = lines.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
    let f = "`".repeat((longest + 1).max(3));
    let mut out = format!("{f}{lang}\n");
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str(&f);
    out.push('\n');
    out
}

/// A Markdown table; cells are written as given (escape or wrap them first).
pub(crate) fn table(head: &[String], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let rule: Vec<&str> = (0..head.len())
        .map(|i| {
            if right.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for r in rows {
        out.push_str(&format!("| {} |\n", r.join(" | ")));
    }
    out
}

/// A number as a person writes it: an int as it is, a float to 6 significant digits;
/// with `digits`, a float to that many decimals, as Python's `{:.Nf}` writes it.
pub(crate) fn num(v: PyNum, digits: Option<usize>) -> String {
    match (v, digits) {
        (PyNum::Float(f), Some(d)) => format!("{f:.d$}"),
        _ => crate::solve::num(v),
    }
}

/// A number in a formula: negative ones in parentheses (the core's presenter).
pub(crate) use gbl_core::pyfmt::present::paren;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_and_escapes() {
        assert_eq!(code("1/10*x^2"), "`1/10*x^2`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(escape("1/5*x + x*"), "1/5\\*x + x\\*");
    }

    #[test]
    fn fences_outgrow_backticks() {
        assert_eq!(fence("text", &["a".into()]), "```text\na\n```\n");
        assert!(fence("", &["````".into()]).starts_with("`````\n"));
    }

    #[test]
    fn numbers() {
        assert_eq!(num(PyNum::Int(3), Some(2)), "3");
        assert_eq!(num(PyNum::Float(2.4000000000000004), None), "2.4");
        assert_eq!(num(PyNum::Float(0.6), Some(4)), "0.6000");
        assert_eq!(paren("-0.6".into()), "(-0.6)");
    }
}
