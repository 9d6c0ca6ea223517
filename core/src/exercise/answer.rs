//! An `answer:` is a reference to a run's value (`main.x[1]`) or an arithmetic expression over
//! parameters and such references (`w0 - lr*step.grad.w[0]`, `2*main.x[3]`): each reference is
//! replaced by its value (written exactly, as Python's `repr`), then the expression is
//! evaluated with the parameters in float64, as a straightforward Python program would.
//! Mistakes are diagnosed (`add-gradient`, ...) only for a plain reference, whose run the
//! diagnosis can replay.

use indexmap::IndexMap;

use super::compute::{Results, value_of};
use super::model::{RunSpec, Value};
use super::reference::{Answer, Reference, ReferenceError};

/// The references in an expression: (byte range, text), in order. A reference is a name
/// followed by at least one `.name` or `[index]` (`main.x[1]`, `model.grad.w`).
pub fn references(src: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let b = src.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        let starts = (b[k].is_ascii_alphabetic() || b[k] == b'_')
            && (k == 0 || !(word(b[k - 1]) || b[k - 1] == b'.'));
        if !starts {
            k += 1;
            continue;
        }
        let start = k;
        while k < b.len() && word(b[k]) {
            k += 1;
        }
        let name_end = k;
        loop {
            if k + 1 < b.len()
                && b[k] == b'.'
                && (b[k + 1].is_ascii_alphabetic() || b[k + 1] == b'_')
            {
                k += 1;
                while k < b.len() && word(b[k]) {
                    k += 1;
                }
            } else if k < b.len() && b[k] == b'[' {
                match src[k..].find(']') {
                    Some(close) => k += close + 1,
                    None => break,
                }
            } else {
                break;
            }
        }
        if k > name_end {
            out.push((start..k, &src[start..k]));
        }
    }
    out
}

/// Why an answer cannot be worked out.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    /// A reference in it does not resolve (or does not parse).
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    /// A reference in an expression is not a number.
    #[error(
        "'{reference}' is {value}, not a number, so it cannot be part of the answer '{answer}'"
    )]
    NotANumber {
        /// The reference.
        reference: String,
        /// What it is instead.
        value: String,
        /// The whole answer.
        answer: String,
    },
    /// The expression does not parse or evaluate.
    #[error("'{answer}': {message}")]
    Expression {
        /// The whole answer.
        answer: String,
        /// What is wrong with it.
        message: String,
    },
}

/// What the answer `src` is worth with these results.
pub fn resolve(src: &str, results: &Results) -> Result<Answer, AnswerError> {
    if let Ok(r) = Reference::parse(src) {
        return Ok(r.resolve(results)?);
    }
    let refs = references(src);
    if refs.is_empty() && !src.chars().any(|c| "+-*/^()".contains(c)) {
        // A single word that is not a reference: say so as the reference parser does.
        return Ok(Reference::parse(src).and_then(|r| r.resolve(results))?);
    }
    let mut text = String::with_capacity(src.len());
    let mut last = 0;
    for (range, r) in refs {
        let value = match Reference::parse(r)?.resolve(results)? {
            Answer::Num(n) => n,
            other => {
                return Err(AnswerError::NotANumber {
                    reference: r.to_string(),
                    value: other.to_string(),
                    answer: src.to_string(),
                });
            }
        };
        text.push_str(&src[last..range.start]);
        text.push_str(&format!("({})", crate::pyfmt::repr_value(value)));
        last = range.end;
    }
    text.push_str(&src[last..]);
    value_of(&Value::Text(text), &results.params, "")
        .map(Answer::Num)
        .map_err(|e| AnswerError::Expression {
            answer: src.to_string(),
            message: e.message,
        })
}

/// Checks an answer without computing: its references exist and the expression parses.
pub(crate) fn check_static(src: &str, runs: &IndexMap<String, RunSpec>) -> Result<(), AnswerError> {
    if let Ok(r) = Reference::parse(src) {
        return Ok(r.check_static(runs)?);
    }
    let refs = references(src);
    if refs.is_empty() {
        return Ok(Reference::parse(src).and_then(|r| r.check_static(runs))?);
    }
    let mut text = String::new();
    let mut last = 0;
    for (range, r) in refs {
        Reference::parse(r)?.check_static(runs)?;
        text.push_str(&src[last..range.start]);
        text.push('1');
        last = range.end;
    }
    text.push_str(&src[last..]);
    crate::engine::parse(&text)
        .map(|_| ())
        .map_err(|e| AnswerError::Expression {
            answer: src.to_string(),
            message: e.kind.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::references;

    #[test]
    fn references_in_an_expression() {
        let found: Vec<&str> = references("w0 - lr*step.grad.w[0] + 2*main.x[1]^2 - x0")
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        assert_eq!(found, ["step.grad.w[0]", "main.x[1]"]);
        assert!(references("1.5*x0").is_empty());
    }
}
