//! A line's shape: its words (`1-th x: 2.4000  grad: 0.6000` has `th x grad`), the shape of
//! each template line (its words, the names it shows as labels, its counters and numbers),
//! and how a printed line's words match them. `shape.rs` sorts printed lines by them.

use super::layout::{Layout, Part};
use super::scan;

/// The words of a line: its runs of letters and digits that hold a letter, lowercased.
pub(crate) fn words(line: &str) -> Vec<String> {
    line.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// The words of a line, without allocating (compare them ignoring ASCII case).
pub(super) fn words_iter(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// How a line's words match the template's lines.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Match {
    /// No template line's words, and none of its names.
    None,
    /// A template line's words, in order.
    Words,
    /// Only a name a template line shows (`x = 2.4` for `{i}-th x: {x}`).
    Name,
}

/// How `line`'s words match the template lines' `shapes`.
pub(super) fn match_of(line: &str, shapes: &[TplShape]) -> Match {
    let words = || words_iter(line);
    let in_order = |part: &[String]| {
        let mut it = words();
        part.iter().all(|p| it.any(|w| w.eq_ignore_ascii_case(p)))
    };
    if shapes
        .iter()
        .any(|s| !s.words.is_empty() && in_order(&s.words))
    {
        Match::Words
    } else if shapes.iter().any(|s| {
        s.names
            .iter()
            .any(|n| words().any(|w| w.eq_ignore_ascii_case(n)))
    }) {
        Match::Name
    } else {
        Match::None
    }
}

/// A hash of a line's words, lowercased (the same on every machine).
pub(super) fn words_key(line: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for w in words_iter(line) {
        for b in w.bytes() {
            b.to_ascii_lowercase().hash(&mut h);
        }
        0u8.hash(&mut h);
    }
    h.finish()
}

/// One template line's shape: its words, its part and how many numbers it prints.
pub(super) struct TplShape {
    pub words: Vec<String>,
    /// The names of its fields that its text also shows as labels (`x` in `x: {x}`).
    pub names: Vec<String>,
    /// How many iteration counters (`{i}`) it prints.
    pub counters: usize,
    pub part: Part,
    pub numbers: usize,
}

/// The shape of one line of each template (at most 64).
pub(super) fn template_shapes(layout: &Layout) -> Vec<TplShape> {
    let mut out: Vec<TplShape> = Vec::new();
    let mut buf = String::new();
    // One line of each template: the header, the first step and the footer.
    let mut seen = std::collections::BTreeSet::new();
    for k in 0..layout.len() {
        let s = layout.slot(k);
        if !seen.insert((s.part as u8, s.tpl)) {
            continue;
        }
        layout.render(k, &mut buf);
        let w = words(&buf);
        let names = layout
            .tpl(s)
            .fields
            .iter()
            .map(|f| f.name.to_lowercase())
            .filter(|n| n != "i" && w.contains(n))
            .collect();
        let counters = layout
            .tpl(s)
            .fields
            .iter()
            .filter(|f| f.kind == super::layout::Kind::Index)
            .count();
        out.push(TplShape {
            counters,
            names,
            words: w,
            part: s.part,
            numbers: scan::numbers(&buf).count(),
        });
        if seen.len() >= 64 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `all` contains `part` in order.
    fn contains_in_order(all: &[String], part: &[String]) -> bool {
        let mut it = all.iter();
        part.iter().all(|p| it.any(|w| w == p))
    }

    #[test]
    fn words_are_labels() {
        assert_eq!(words("1-th x: 2.4000  grad: 0.6000"), ["th", "x", "grad"]);
        assert_eq!(words("1-th (x1, x2): (2.4, -1.6)"), ["th", "x1", "x2"]);
        assert!(words("1 2.4").is_empty());
        let th_x = vec!["th".to_string(), "x".to_string()];
        assert!(contains_in_order(&words("1-th x: 2.4 grad: 0.6"), &th_x));
        assert!(!contains_in_order(&words("debug 0.6"), &th_x));
    }
}
