//! Sentences for a wrong answer that teach without telling the answer.
//!
//! A wrong value is described by which way it is off and roughly by how much, in coarse
//! bands (less than 1%, less than 10%, 10% to 50%, ...) or as an exact whole factor (2, 3,
//! ..., 10 times too big or too small), never by the expected value itself: a band cannot be
//! turned back into the answer. Every sentence is true of the two numbers it is built from.

use crate::t;

/// Which way `given` is off from `expected`, and roughly by how much: `too big, by 10% to
/// 50%`, `wrong sign, and 2 times too big in size`, `too small`. Both must be finite and
/// different.
pub(crate) fn off_by(given: f64, expected: f64) -> String {
    let way = if given > expected { "big" } else { "small" };
    if expected == 0.0 || given == 0.0 {
        return t!("off-way", way = way);
    }
    let size = given.abs() / expected.abs();
    if (given < 0.0) != (expected < 0.0) {
        return match size_phrase(size) {
            None => t!("off-wrong-sign"),
            Some(p) => t!("off-wrong-sign-sized", size = p.text()),
        };
    }
    match size_phrase(size) {
        // Same size and sign, yet different: only digits far down differ.
        None => t!("off-last-digits", way = way),
        Some(p) => match p.times() {
            Some(big) => {
                // For negative values "too big in size" is "too small" as a value: say both.
                if big == (way == "big") {
                    p.text()
                } else {
                    t!("off-sized", way = way, size = p.text())
                }
            }
            None => t!("off-band", way = way, size = p.text()),
        },
    }
}

/// How far a size ratio is from 1.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Size {
    /// Exactly `k` times too big.
    TimesBig(f64),
    /// Exactly `k` times too small.
    TimesSmall(f64),
    /// More than 10 times too big.
    MoreThanTen,
    /// More than 2 times too big.
    MoreThanTwice,
    /// Less than a tenth of the right size.
    UnderATenth,
    /// Less than half the right size.
    UnderHalf,
    /// Off by less than 1%.
    Band1,
    /// Off by less than 10%.
    Band10,
    /// Off by 10% to 50%.
    Band50,
    /// Off by more than 50%.
    BandMore,
}

impl Size {
    /// For a size "times too big" (`Some(true)`) or "times too small" (`Some(false)`); `None`
    /// for the others.
    fn times(self) -> Option<bool> {
        match self {
            Size::TimesBig(_) | Size::MoreThanTen | Size::MoreThanTwice => Some(true),
            Size::TimesSmall(_) => Some(false),
            _ => None,
        }
    }

    /// The phrase, in the current language.
    fn text(self) -> String {
        match self {
            Size::TimesBig(k) => t!("size-times-big", k = k),
            Size::TimesSmall(k) => t!("size-times-small", k = k),
            Size::MoreThanTen => t!("size-more-than-ten-times"),
            Size::MoreThanTwice => t!("size-more-than-twice"),
            Size::UnderATenth => t!("size-under-a-tenth"),
            Size::UnderHalf => t!("size-under-half"),
            Size::Band1 => t!("size-band-1"),
            Size::Band10 => t!("size-band-10"),
            Size::Band50 => t!("size-band-50"),
            Size::BandMore => t!("size-band-more"),
        }
    }
}

/// How far a size ratio (given over expected, both positive) is from 1, or `None` when it is
/// 1 to a billionth.
fn size_phrase(ratio: f64) -> Option<Size> {
    if (ratio - 1.0).abs() <= 1e-9 {
        return None;
    }
    // An exact whole factor is worth naming: it points at a missing or extra factor.
    for k in 2..=10u32 {
        let k = f64::from(k);
        if (ratio - k).abs() <= 1e-9 * k {
            return Some(Size::TimesBig(k));
        }
        if (ratio * k - 1.0).abs() <= 1e-9 {
            return Some(Size::TimesSmall(k));
        }
    }
    let off = (ratio - 1.0).abs();
    Some(if ratio > 1.0 {
        match ratio {
            r if r >= 10.0 => Size::MoreThanTen,
            r if r >= 2.0 => Size::MoreThanTwice,
            _ => band(off),
        }
    } else {
        match ratio {
            r if r <= 0.1 => Size::UnderATenth,
            r if r <= 0.5 => Size::UnderHalf,
            _ => band(off),
        }
    })
}

fn band(off: f64) -> Size {
    if off < 0.01 {
        Size::Band1
    } else if off < 0.1 {
        Size::Band10
    } else if off < 0.5 {
        Size::Band50
    } else {
        Size::BandMore
    }
}

/// The verdict a word names, in its common forms and the lecture's Korean terms
/// (`diverging`, `divergent`, `발산` → `diverges`); `None` for any other word.
pub(crate) fn verdict_word(text: &str) -> Option<&'static str> {
    let t = text.trim().to_lowercase();
    const FORMS: [(&str, &[&str]); 4] = [
        ("converges", &["converg", "수렴"]),
        ("oscillates", &["oscillat", "진동", "zigzag", "zig-zag"]),
        ("cycles", &["cycl", "periodic", "순환", "주기"]),
        ("diverges", &["diverg", "발산"]),
    ];
    FORMS
        .iter()
        .find(|(_, starts)| starts.iter().any(|s| t.starts_with(s)))
        .map(|(v, _)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_and_band_without_the_value() {
        assert_eq!(off_by(2.5, 2.4), "too big, by less than 10%");
        assert_eq!(off_by(3.0, 2.4), "too big, by 10% to 50%");
        assert_eq!(off_by(4.8, 2.4), "2 times too big");
        assert_eq!(off_by(0.24, 2.4), "10 times too small");
        assert_eq!(off_by(2.41, 2.4), "too big, by less than 1%");
        assert_eq!(off_by(1.0, 0.0), "too big");
        assert_eq!(off_by(0.0, 3.0), "too small");
        assert_eq!(off_by(-2.4, 2.4), "right size, wrong sign");
        assert_eq!(off_by(-4.8, 2.4), "wrong sign, and 2 times too big in size");
        assert_eq!(off_by(100.0, 2.4), "more than 10 times too big");
        assert_eq!(off_by(1.0, 2.4), "too small, less than half the right size");
        assert_eq!(off_by(5.0, 2.4), "more than 2 times too big");
    }

    #[test]
    fn negative_values_say_size_and_value_apart() {
        // -27 for -81: a third of the size, and larger as a value.
        assert_eq!(off_by(-27.0, -81.0), "too big (3 times too small in size)");
        assert_eq!(off_by(-90.0, -81.0), "too small, by 10% to 50%");
    }

    #[test]
    fn verdict_words_in_their_forms() {
        for (w, v) in [
            ("diverging", "diverges"),
            ("Divergent", "diverges"),
            ("발산", "diverges"),
            ("발산한다", "diverges"),
            ("converging", "converges"),
            ("수렴", "converges"),
            ("진동", "oscillates"),
            ("oscillating", "oscillates"),
            ("순환", "cycles"),
            ("cycling", "cycles"),
        ] {
            assert_eq!(verdict_word(w), Some(v), "{w}");
        }
        assert_eq!(verdict_word("stays"), None);
    }
}
