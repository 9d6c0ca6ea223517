//! Long values in messages: a student's answer may be a megabyte of text, and each message
//! that quotes it would print it whole. Values longer than [`MAX_SHOWN`] characters are
//! shown by their beginning and their length: `'aaaa…' (1,000,000 characters)`.

/// The longest value shown whole, in characters.
pub const MAX_SHOWN: usize = 80;
/// How many characters of a longer value are shown.
const HEAD: usize = 60;

/// `text` in single quotes, clipped when long: `'2.4'`, `'aaaa…' (1,000,000 characters)`.
pub fn quoted(text: &str) -> String {
    match head(text) {
        None => format!("'{text}'"),
        Some((h, n)) => format!("'{h}…' ({} characters)", thousands(n)),
    }
}

/// `text` as is, clipped when long: `2.4`, `aaaa… (1,000,000 characters)`.
pub fn plain(text: &str) -> String {
    match head(text) {
        None => text.to_string(),
        Some((h, n)) => format!("{h}… ({} characters)", thousands(n)),
    }
}

/// The first [`HEAD`] characters and the length, when `text` is longer than [`MAX_SHOWN`].
fn head(text: &str) -> Option<(&str, usize)> {
    let (cut, _) = text.char_indices().nth(MAX_SHOWN)?;
    let n = MAX_SHOWN + text[cut..].chars().count();
    let end = text.char_indices().nth(HEAD).map_or(text.len(), |(i, _)| i);
    Some((&text[..end], n))
}

/// `1000000` as `1,000,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_whole_and_long_ones_clipped() {
        assert_eq!(quoted("2.4"), "'2.4'");
        assert_eq!(quoted(&"a".repeat(80)), format!("'{}'", "a".repeat(80)));
        assert_eq!(
            quoted(&"a".repeat(1_000_000)),
            format!("'{}…' (1,000,000 characters)", "a".repeat(60))
        );
        assert_eq!(
            plain(&"é".repeat(81)),
            format!("{}… (81 characters)", "é".repeat(60))
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
    }
}
