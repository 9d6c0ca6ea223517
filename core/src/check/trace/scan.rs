//! Finding the numbers in a printed line, without allocating for the line itself.

use crate::check::number::Printed;

/// A number found in a line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Number {
    /// Byte offset of its first character in the line.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Its digits, as printed.
    pub printed: Printed,
    /// Its value, as the nearest f64 (infinite for `1e400`).
    pub value: f64,
    /// The text as printed.
    pub text: String,
}

impl Number {
    fn new(text: &str, start: usize, end: usize) -> Option<Number> {
        let printed = Printed::parse(text)?;
        let value = printed.to_f64();
        Some(Number {
            start,
            end,
            printed,
            value,
            text: text.to_string(),
        })
    }

    /// Half a unit of the last printed digit: how far the exact value may be from it.
    pub(crate) fn half_unit(&self) -> f64 {
        0.5 * 10f64.powi(self.printed.exp.clamp(-400, 400) as i32)
    }

    /// Whether it is written as a whole number (`3`, not `3.0`).
    pub(crate) fn is_integer_literal(&self) -> bool {
        self.printed.exp >= 0
    }
}

/// A field's text as a number (grouping commas and underscores allowed).
pub(crate) fn parse_field(text: &str) -> Option<Number> {
    if text.contains([',', '_']) {
        let plain: String = text.chars().filter(|c| *c != ',' && *c != '_').collect();
        Number::new(&plain, 0, text.len())
    } else {
        Number::new(text, 0, text.len())
    }
}

/// The numbers in `line`, in order: `3`, `-0.5`, `2.4000`, `1e-05`. Digits glued to a word
/// (`x1`, `f2`) are part of a name, not numbers.
pub(crate) fn numbers(line: &str) -> impl Iterator<Item = Number> + '_ {
    let b = line.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let starts = b[i].is_ascii_digit()
                || ((b[i] == b'-' || b[i] == b'+' || b[i] == b'.')
                    && i + 1 < b.len()
                    && (b[i + 1].is_ascii_digit()
                        || (b[i + 1] == b'.' && i + 2 < b.len() && b[i + 2].is_ascii_digit())));
            let glued = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
            if !starts || glued {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i + 1;
            while j < b.len() {
                let c = b[j];
                let ok = c.is_ascii_digit()
                    || c == b'.'
                    || ((c == b'e' || c == b'E')
                        && j + 1 < b.len()
                        && (b[j + 1].is_ascii_digit()
                            || ((b[j + 1] == b'-' || b[j + 1] == b'+')
                                && j + 2 < b.len()
                                && b[j + 2].is_ascii_digit())))
                    || ((c == b'-' || c == b'+') && (b[j - 1] == b'e' || b[j - 1] == b'E'));
                if !ok {
                    break;
                }
                j += 1;
            }
            i = j;
            // `line` is UTF-8 and both ends sit next to ASCII bytes, so the slice is valid.
            if let Some(n) = line.get(start..j).and_then(|t| Number::new(t, start, j)) {
                return Some(n);
            }
        }
        None
    })
}

/// Whether `line` has a number (as [`numbers`] finds them), without reading it.
pub(crate) fn has_number(line: &str) -> bool {
    let b = line.as_bytes();
    (0..b.len()).any(|i| {
        let glued = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        !glued
            && (b[i].is_ascii_digit()
                || ((b[i] == b'-' || b[i] == b'+' || b[i] == b'.')
                    && i + 1 < b.len()
                    && (b[i + 1].is_ascii_digit()
                        || (b[i + 1] == b'.' && i + 2 < b.len() && b[i + 2].is_ascii_digit()))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        numbers(line)
            .map(|n| line[n.start..n.end].to_string())
            .collect()
    }

    #[test]
    fn finds_numbers_not_names() {
        assert_eq!(texts("1-th x: 2.4000"), ["1", "2.4000"]);
        assert_eq!(
            texts("1-th (x1, x2): (2.400, -1.600)"),
            ["1", "2.400", "-1.600"]
        );
        assert_eq!(texts("iter 1: x = 2.4e-05"), ["1", "2.4e-05"]);
        assert_eq!(texts("x: nan inf"), Vec::<String>::new());
        assert_eq!(texts("é 3 ü"), ["3"]);
        for line in ["x1 x2", "python3 gd.py", "3", "x: -.5", "a 1e5", "", "--"] {
            assert_eq!(has_number(line), numbers(line).next().is_some(), "{line}");
        }
    }
}
