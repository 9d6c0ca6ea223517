//! Sign, prefix, digit grouping and padding of a formatted number, after CPython's
//! `calc_number_widths`, `fill_number` and `_PyUnicode_InsertThousandsGrouping`.
//!
//! A number is laid out as
//! `<lpadding> <sign> <prefix> <spadding> <grouped digits> <point> <remainder> <rpadding>`,
//! where at most one of the paddings is non-empty. With fill `0` and alignment `=`, the zero
//! padding goes into the digits themselves so that separators are inserted in it too
//! (`format(1234, '09,')` is `0,001,234`).

use super::spec::{Grouping, Spec};

/// The parts of a number before padding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Number<'a> {
    /// Whether the value is negative (a `-` is shown).
    pub negative: bool,
    /// `0x`, `0o`, `0b` or empty.
    pub prefix: &'a str,
    /// The integer digits (ASCII), which grouping applies to; may be empty (`inf`, `c`).
    pub digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub point: bool,
    /// Everything after the point: fraction, exponent, `%`, or the whole text of `inf`.
    pub remainder: &'a str,
}

impl<'a> Number<'a> {
    /// Split CPython's float text (without sign) into digits, point and remainder.
    pub(crate) fn from_float_text(negative: bool, text: &'a str) -> Number<'a> {
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (digits, rest) = text.split_at(split);
        let (point, remainder) = match rest.strip_prefix('.') {
            Some(after) => (true, after),
            None => (false, rest),
        };
        Number {
            negative,
            prefix: "",
            digits,
            point,
            remainder,
        }
    }
}

/// Lay the number out according to the spec's sign, fill, alignment, width and grouping.
pub(crate) fn render(num: &Number<'_>, spec: &Spec) -> String {
    let sign = sign_char(num.negative, spec.sign);
    let width = spec.width.map_or(-1, |w| w as i64);
    let fixed_len = i64::from(sign.is_some())
        + char_len(num.prefix)
        + i64::from(num.point)
        + char_len(num.remainder);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - fixed_len
    } else {
        0
    };
    let grouped = if num.digits.is_empty() {
        String::new()
    } else {
        group_digits(num.digits, min_width, spec.grouping)
    };
    let padding = (width - fixed_len - char_len(&grouped)).max(0);
    let (left, inside, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    push_fill(&mut out, spec.fill, left);
    out.extend(sign);
    out.push_str(num.prefix);
    push_fill(&mut out, spec.fill, inside);
    out.push_str(&grouped);
    if num.point {
        out.push('.');
    }
    out.push_str(num.remainder);
    push_fill(&mut out, spec.fill, right);
    out
}

/// Pad a string (already converted and truncated) for a string spec.
pub(crate) fn pad_text(text: &str, spec: &Spec) -> String {
    let width = spec.width.map_or(0, |w| w as i64);
    let padding = (width - char_len(text)).max(0);
    let (left, right) = match spec.align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = String::new();
    push_fill(&mut out, spec.fill, left);
    out.push_str(text);
    push_fill(&mut out, spec.fill, right);
    out
}

/// The sign shown for a number: `-` when negative, else as the spec's sign option asks.
fn sign_char(negative: bool, option: Option<char>) -> Option<char> {
    match (negative, option) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        (false, _) => None,
    }
}

/// Insert separators into `digits` (non-empty ASCII) and pad them with zeros to `min_width`,
/// exactly as `_PyUnicode_InsertThousandsGrouping` does.
fn group_digits(digits: &str, min_width: i64, grouping: Grouping) -> String {
    let Some((size, sep)) = grouping.groups() else {
        let len = char_len(digits);
        let mut out = String::new();
        push_fill(&mut out, '0', (min_width.max(1) - len).max(0));
        out.push_str(digits);
        return out;
    };
    let size = size as i64;
    let mut remaining = char_len(digits);
    let mut min_width = min_width;
    let mut groups: Vec<String> = Vec::new();
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        let zeros = (len - remaining).max(0);
        let taken = remaining.min(len).max(0);
        let end = usize::try_from(remaining).unwrap_or(0);
        let start = end.saturating_sub(usize::try_from(taken).unwrap_or(0));
        let mut group = String::new();
        push_fill(&mut group, '0', zeros);
        group.push_str(digits.get(start..end).unwrap_or(""));
        groups.push(group);
        remaining -= taken;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

fn char_len(s: &str) -> i64 {
    s.chars().count() as i64
}

fn push_fill(out: &mut String, fill: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(fill);
    }
}
