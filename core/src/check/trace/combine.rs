//! Lines that hold several template lines side by side (`1-th (x1, x2): (2.400, -1.600)
//! y: 8.320` for the two step lines of a two-variable trace) are split into one line per
//! template: at the word where each later template's words begin (in order), or else at the
//! later template's value name used as a label (`y = 8.320`), or, for a plain line without
//! any of the templates' words (`print(i, x1, x2, y)`), after each template's count of
//! numbers. Each piece must hold its template's count of numbers (the counter may be left out
//! when split by names or by count).

use super::judge::MAX_LINE_BYTES;
use super::layout::{Layout, Part};
use super::line_shape::TplShape;
use super::scan;

/// The words of a line with their byte offsets.
fn words_at(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || c == '_';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s0)) => {
                let w = &line[s0..i];
                if w.chars().any(char::is_alphabetic) {
                    out.push((s0, w));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Where a line holding the lines of several templates of one part, side by side
/// (`1-th (x1, x2): (2.400, -1.600) y: 8.320` for two step lines), splits: the byte offsets
/// where the second, third, … template's words begin, when each piece has its template's
/// count of numbers.
fn cuts(line: &str, part: &[&TplShape]) -> Option<Vec<usize>> {
    if part.len() < 2 {
        return None;
    }
    by_words(line, part)
        .or_else(|| by_names(line, part))
        // Only steps: a plain step line may hold as many numbers as the header lines together.
        .or_else(|| {
            (part[0].part == Part::Step)
                .then(|| by_count(line, part))
                .flatten()
        })
}

/// The cuts of a plain step line (none of the templates' words in it: `1 2.4 -1.6 8.32` from
/// `print(i, x1, x2, y)`) that holds exactly the numbers of the templates side by side, the
/// later templates' counters possibly left out: after each template's count of numbers.
fn by_count(line: &str, part: &[&TplShape]) -> Option<Vec<usize>> {
    let words = words_at(line);
    if words.iter().any(|(_, w)| {
        part.iter()
            .any(|s| s.words.iter().any(|t| w.eq_ignore_ascii_case(t)))
    }) {
        return None;
    }
    let numbers: Vec<_> = scan::numbers(line).collect();
    let full: usize = part.iter().map(|s| s.numbers).sum();
    let later_counters: usize = part[1..].iter().map(|s| s.counters).sum();
    let sizes: Vec<usize> = if numbers.len() == full {
        part.iter().map(|s| s.numbers).collect()
    } else if later_counters > 0 && numbers.len() + later_counters == full {
        part.iter()
            .enumerate()
            .map(|(t, s)| {
                if t == 0 {
                    s.numbers
                } else {
                    s.numbers.saturating_sub(s.counters)
                }
            })
            .collect()
    } else {
        return None;
    };
    if sizes.contains(&0) {
        return None;
    }
    let mut cuts = Vec::new();
    let mut seen = 0;
    for size in &sizes[..sizes.len() - 1] {
        seen += size;
        cuts.push(numbers.get(seen)?.start);
    }
    Some(cuts)
}

/// The cuts where each template's words begin, in order.
fn by_words(line: &str, part: &[&TplShape]) -> Option<Vec<usize>> {
    if part.iter().any(|s| s.words.is_empty()) {
        return None;
    }
    let words = words_at(line);
    let mut it = words.iter();
    let mut cuts = Vec::new();
    for (t, shape) in part.iter().enumerate() {
        let mut first = None;
        for want in &shape.words {
            let (at, _) = it.by_ref().find(|(_, w)| w.eq_ignore_ascii_case(want))?;
            first.get_or_insert(*at);
        }
        if t > 0 {
            cuts.push(first?);
        }
    }
    let mut from = 0;
    for (shape, &to) in part
        .iter()
        .zip(cuts.iter().chain(std::iter::once(&line.len())))
    {
        if scan::numbers(line.get(from..to)?).count() != shape.numbers {
            return None;
        }
        from = to;
    }
    Some(cuts)
}

/// The cuts where each later template's first value name stands as a label (`y = 8.320` in
/// `1: x1 = 2.400, x2 = -1.600, y = 8.320`); each piece has its template's numbers, the
/// counter possibly left out.
fn by_names(line: &str, part: &[&TplShape]) -> Option<Vec<usize>> {
    if part.iter().any(|s| s.names.is_empty()) {
        return None;
    }
    let words = words_at(line);
    let labelled = |at: usize, w: &str| {
        line.get(at + w.len()..)
            .map(str::trim_start)
            .is_some_and(|rest| rest.starts_with([':', '=']))
    };
    let is_name = |shape: &TplShape, w: &str| shape.names.iter().any(|n| w.eq_ignore_ascii_case(n));
    let mut cuts = Vec::new();
    let mut from = 0;
    for shape in &part[1..] {
        let &(at, _) = words
            .iter()
            .find(|(at, w)| *at > from && labelled(*at, w) && is_name(shape, w))?;
        cuts.push(at);
        from = at;
    }
    let first_cut = *cuts.first()?;
    if !words
        .iter()
        .any(|(at, w)| *at < first_cut && labelled(*at, w) && is_name(part[0], w))
    {
        return None;
    }
    let mut from = 0;
    for (shape, &to) in part
        .iter()
        .zip(cuts.iter().chain(std::iter::once(&line.len())))
    {
        let n = scan::numbers(line.get(from..to)?).count();
        if n != shape.numbers && n + shape.counters != shape.numbers {
            return None;
        }
        from = to;
    }
    Some(cuts)
}

/// Splits answer lines that hold several template lines of one part side by side into one
/// line per template (each keeps its line number in the file).
pub(super) fn split_combined<'a>(
    layout: &Layout,
    shapes: &[TplShape],
    lines: Vec<&'a str>,
    origin: Vec<usize>,
) -> (Vec<&'a str>, Vec<usize>, Option<(usize, usize)>) {
    let parts: Vec<Vec<&TplShape>> = [Part::Header, Part::Step, Part::Footer]
        .iter()
        .map(|p| shapes.iter().filter(|s| s.part == *p).collect())
        .filter(|v: &Vec<&TplShape>| v.len() >= 2)
        .collect();
    if parts.is_empty() || layout.len() == 0 {
        return (lines, origin, None);
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut out_origin = Vec::with_capacity(lines.len());
    let mut split: Option<(usize, usize)> = None;
    for (n, line) in lines.iter().enumerate() {
        let at = origin.get(n).copied().unwrap_or(n);
        let found = if line.len() <= MAX_LINE_BYTES {
            parts.iter().find_map(|p| cuts(line, p))
        } else {
            None
        };
        match found {
            Some(cuts) => {
                let s = split.get_or_insert((0, at));
                s.0 += 1;
                let mut from = 0;
                for to in cuts.into_iter().chain(std::iter::once(line.len())) {
                    out.push(line[from..to].trim());
                    out_origin.push(at);
                    from = to;
                }
            }
            None => {
                out.push(line);
                out_origin.push(at);
            }
        }
    }
    match split {
        Some(_) => (out, out_origin, split),
        None => (lines, origin, None),
    }
}
