//! Which printed lines are the program's answer, and which are not.
//!
//! A line is *not part of the answer*, skipped with one note and never counted, when it is
//! - blank (`print()` between iterations);
//! - an IDE's console text: `Process finished with exit code 0`, or any line without a number
//!   (a run header `/usr/bin/python3 /home/me/gd.py`, a title, a rule of dashes), unless a
//!   template line itself prints no number;
//! - a debug print without the iteration's shape, when most lines have it: a line's *shape* is
//!   its words (`1-th x: 2.4000  grad: 0.6000` has `th x grad`); a line has a template line's
//!   shape when its words contain that line's words in order (`th x`), or one of the names
//!   the template line shows as labels (`x = 2.4`, `(x1, x2): (2.4, -1.6)`). A line of bare
//!   numbers (`1 [2.4, -1.6]`) is never a debug print. When at least half of
//!   the expected lines are printed in the template's shape, every other line is a debug
//!   print — except, before the first line of that shape and after the last, as many lines as
//!   the template has header and footer lines with as many numbers (a header printed under
//!   other labels, `Start: 3`).
//!
//! When fewer than half the lines have the template's shape (the student chose other labels
//! throughout, `print(i, x)`), the student's own most common shape (words and count of
//! numbers) stands for it: when it covers at least half the expected lines, a line of another
//! shape with words, none of them a word of the template's lines (`debug 0.6`), is a debug
//! print.

use super::judge::MAX_LINE_BYTES;
use super::layout::{Layout, Part};
use super::line_shape::{Match, TplShape, match_of, template_shapes, words, words_iter, words_key};
use super::scan;

/// Why a printed line was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Skip {
    /// An empty line.
    Blank,
    /// Console text: no number, or an IDE's exit line.
    Console,
    /// A line without the iteration's shape.
    Debug,
}

/// The printed lines that are the answer, with where they came from.
pub(crate) struct Answer<'a> {
    /// The answer lines.
    pub lines: Vec<&'a str>,
    /// For each answer line, its 0-based line number in the file (empty when no line was
    /// skipped: the same numbers).
    pub origin: Vec<usize>,
    /// How many lines were skipped.
    pub skipped: usize,
    /// The note on the skipped lines.
    pub note: Option<String>,
    /// How many answer lines have a template line's shape.
    pub shaped: usize,
    /// How many answer lines have words at all (labels).
    pub labelled: usize,
}

/// Whether a line prints a number (`nan` and `inf` count).
fn has_number(line: &str) -> bool {
    scan::has_number(line)
        || words_iter(line).any(|w| {
            w.eq_ignore_ascii_case("nan")
                || w.eq_ignore_ascii_case("inf")
                || w.eq_ignore_ascii_case("infinity")
        })
}

/// An IDE's line at the end of a run (`Process finished with exit code 0`).
fn is_console(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("Process finished with exit code")
        || t.starts_with("[Finished in")
        || t.starts_with("[Done] exited with code")
}

/// Sorts the printed lines into the answer and the skipped ones.
pub(crate) fn answer_lines<'a>(layout: &Layout, mut printed: Vec<&'a str>) -> Answer<'a> {
    let shapes = template_shapes(layout);
    let mut kind = blank_or_console(&printed, &shapes);
    let (keys, matched) = match_lines(&printed, &kind, &shapes);
    let count = matched.iter().filter(|m| **m != Match::None).count();
    if count >= 2 && 2 * count >= layout.len() {
        let shaped: Vec<bool> = matched.iter().map(|m| *m != Match::None).collect();
        unshaped_are_debug(&printed, &shapes, &shaped, &mut kind);
        if !shapes.iter().any(|s| s.part == Part::Footer) {
            summary_tail(&keys, &matched, &mut kind);
        }
    } else {
        own_labels(layout, &printed, &shapes, &mut kind);
    }
    let skipped: Vec<(usize, Skip)> = kind
        .iter()
        .enumerate()
        .filter_map(|(j, k)| k.map(|why| (j, why)))
        .collect();
    let note = skipped_note(&skipped, &printed);
    let origin: Vec<usize> = if skipped.is_empty() {
        Vec::new()
    } else {
        (0..printed.len()).filter(|&j| kind[j].is_none()).collect()
    };
    let mut j = 0;
    printed.retain(|_| {
        j += 1;
        kind[j - 1].is_none()
    });
    let (printed, origin, combined) =
        super::combine::split_combined(layout, &shapes, printed, origin);
    let labelled = printed
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && words_iter(l).next().is_some())
        .count();
    Answer {
        lines: printed,
        origin,
        skipped: skipped.len(),
        note: with_combined_note(note, combined),
        shaped: count,
        labelled,
    }
}

/// The first sorting, line by line: blank lines and console text are skipped (`None`: not
/// yet skipped).
fn blank_or_console(printed: &[&str], shapes: &[TplShape]) -> Vec<Option<Skip>> {
    let all_have_numbers = shapes.iter().all(|s| s.numbers > 0);
    printed
        .iter()
        .map(|l| {
            if l.len() > MAX_LINE_BYTES {
                // Judged, and found too long to read.
                None
            } else if l.trim().is_empty() {
                Some(Skip::Blank)
            } else if is_console(l) || (all_have_numbers && !has_number(l)) {
                Some(Skip::Console)
            } else {
                None
            }
        })
        .collect()
}

/// Each line's words (as a key, 0 for a skipped line) and how it matches the template's
/// shapes.
fn match_lines(
    printed: &[&str],
    kind: &[Option<Skip>],
    shapes: &[TplShape],
) -> (Vec<u64>, Vec<Match>) {
    // Lines with the same words match the same way: each shape is matched once.
    let keys: Vec<u64> = printed
        .iter()
        .zip(kind)
        .map(|(l, k)| match k {
            None if l.len() <= MAX_LINE_BYTES => words_key(l),
            _ => 0,
        })
        .collect();
    let mut memo: std::collections::BTreeMap<u64, Match> = Default::default();
    let matched: Vec<Match> = printed
        .iter()
        .zip(kind)
        .zip(&keys)
        .map(|((l, k), key)| {
            if k.is_none() && l.len() <= MAX_LINE_BYTES {
                *memo.entry(*key).or_insert_with(|| match_of(l, shapes))
            } else {
                Match::None
            }
        })
        .collect();
    (keys, matched)
}

/// With the template's shape on most lines: every other line is a debug print, except a
/// line of bare numbers and, before the first shaped line and after the last, as many lines
/// as the template has header and footer lines with as many numbers.
fn unshaped_are_debug(
    printed: &[&str],
    shapes: &[TplShape],
    shaped: &[bool],
    kind: &mut [Option<Skip>],
) {
    let first = shaped.iter().position(|s| *s).unwrap_or(0);
    let last = shaped.iter().rposition(|s| *s).unwrap_or(0);
    let edge = |part: Part| -> Vec<usize> {
        shapes
            .iter()
            .filter(|s| s.part == part)
            .map(|s| s.numbers)
            .collect()
    };
    let (head, foot) = (edge(Part::Header), edge(Part::Footer));
    let numbers = |j: usize| scan::numbers(printed[j]).count();
    // Kept as relabelled header lines: the last `head.len()` candidates before the first.
    let mut kept_head: Vec<usize> = (0..first)
        .filter(|&j| kind[j].is_none() && head.contains(&numbers(j)))
        .collect();
    kept_head.drain(..kept_head.len().saturating_sub(head.len()));
    let mut kept_foot: Vec<usize> = (last + 1..printed.len())
        .filter(|&j| kind[j].is_none() && foot.contains(&numbers(j)))
        .collect();
    kept_foot.truncate(foot.len());
    for j in 0..printed.len() {
        // A line of bare numbers (`1 [2.4, -1.6]`) is an answer in the student's own
        // layout, not a debug print.
        let bare = words_iter(printed[j]).next().is_none();
        if kind[j].is_none()
            && !shaped[j]
            && !bare
            && !kept_head.contains(&j)
            && !kept_foot.contains(&j)
        {
            kind[j] = Some(Skip::Debug);
        }
    }
}

/// The note on skipped lines, with one on lines that print several template lines side by
/// side (`combined`: how many, and the first).
fn with_combined_note(note: Option<String>, combined: Option<(usize, usize)>) -> Option<String> {
    let Some((n, first)) = combined else {
        return note;
    };
    let also = if n == 1 {
        crate::t!("trace-combined-one", count = n, line = first + 1)
    } else {
        crate::t!("trace-combined", count = n, line = first + 1)
    };
    Some(match note {
        Some(s) => format!("{s}; {also}"),
        None => also,
    })
}

/// Without a footer template, the lines after the last line of the steps' shape (the most
/// common words) that show only a name (`Final x: 0.0346`, `x* = 0.0346`) sum the run up:
/// they are not iterations.
fn summary_tail(keys: &[u64], matched: &[Match], kind: &mut [Option<Skip>]) {
    let mut counts: std::collections::BTreeMap<u64, usize> = Default::default();
    for (j, m) in matched.iter().enumerate() {
        if *m != Match::None && kind[j].is_none() {
            *counts.entry(keys[j]).or_default() += 1;
        }
    }
    let Some((&step, _)) = counts
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
    else {
        return;
    };
    let Some(last) = (0..keys.len())
        .rposition(|j| kind[j].is_none() && matched[j] != Match::None && keys[j] == step)
    else {
        return;
    };
    for j in last + 1..keys.len() {
        if kind[j].is_none() && matched[j] == Match::Name && keys[j] != step {
            kind[j] = Some(Skip::Debug);
        }
    }
}

/// Without the template's shape (`print(i, x)` throughout): when the student's own most
/// common shape (words and count of numbers) covers at least half the expected lines, a line
/// of another shape whose words share none with the template's lines is a debug print.
fn own_labels(layout: &Layout, printed: &[&str], shapes: &[TplShape], kind: &mut [Option<Skip>]) {
    let key = |j: usize| -> (Vec<String>, usize) {
        (words(printed[j]), scan::numbers(printed[j]).count())
    };
    let mut groups: std::collections::BTreeMap<(Vec<String>, usize), usize> = Default::default();
    for j in (0..printed.len()).filter(|&j| kind[j].is_none() && printed[j].len() <= MAX_LINE_BYTES)
    {
        *groups.entry(key(j)).or_default() += 1;
    }
    let Some((top, n)) = groups
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse((*k).clone())))
    else {
        return;
    };
    if 2 * n < layout.len() {
        return;
    }
    let template_words: std::collections::BTreeSet<&String> =
        shapes.iter().flat_map(|s| s.words.iter()).collect();
    for j in 0..printed.len() {
        if kind[j].is_some() || printed[j].len() > MAX_LINE_BYTES {
            continue;
        }
        let k = key(j);
        if &k != top && !k.0.is_empty() && !k.0.iter().any(|w| template_words.contains(w)) {
            kind[j] = Some(Skip::Debug);
        }
    }
}

/// The note on skipped lines: how many, of which kinds, with an example of each.
fn skipped_note(skipped: &[(usize, Skip)], printed: &[&str]) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let n = skipped.len();
    let mut what = Vec::new();
    let blank = skipped.iter().filter(|s| s.1 == Skip::Blank).count();
    if blank > 0 {
        what.push(crate::t!("trace-skipped-blank", count = blank));
    }
    for kind in [Skip::Console, Skip::Debug] {
        let of: Vec<usize> = skipped
            .iter()
            .filter(|s| s.1 == kind)
            .map(|s| s.0)
            .collect();
        if let Some(&j) = of.first() {
            let (count, line) = (of.len(), j + 1);
            let text = super::clip(printed.get(j).copied().unwrap_or_default().trim());
            what.push(if kind == Skip::Console {
                crate::t!(
                    "trace-skipped-console",
                    count = count,
                    line = line,
                    text = text
                )
            } else {
                crate::t!(
                    "trace-skipped-debug",
                    count = count,
                    line = line,
                    text = text
                )
            });
        }
    }
    let kinds = what.join("; ");
    Some(if n == 1 {
        crate::t!("trace-skipped-one", count = n, kinds = kinds)
    } else {
        crate::t!("trace-skipped", count = n, kinds = kinds)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn console_lines_are_known() {
        assert!(is_console("Process finished with exit code 0"));
        assert!(!has_number("/usr/bin/python3 /home/me/gd.py"));
        assert!(has_number("x: nan"));
    }
}
