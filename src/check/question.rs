//! Checking one question, by kind.

use serde_json::json;

use super::diagnose::{Matcher, explain};
use super::equiv::equivalent;
use super::number::{Printed, Verdict as NumVerdict, compare};
use super::{Context, Given, QuestionReport, Status};
use crate::bindings::constant;
use crate::engine::verdict::Verdict;
use crate::engine::{PyNum, parse};
use crate::exercise::compute::Computed;
use crate::exercise::model::{Question, Tolerance};
use crate::exercise::reference::{Answer, Reference};

fn report(
    q: &Question,
    status: Status,
    expected: serde_json::Value,
    given: Option<&Given>,
    feedback: String,
) -> QuestionReport {
    QuestionReport {
        id: q.id().to_string(),
        status,
        expected,
        given: given.map(Given::shown),
        feedback,
        score: if status == Status::Correct {
            q.points()
        } else {
            0.0
        },
        max_score: q.points(),
        mistake: None,
        lines: None,
    }
}

/// The expected answer as JSON: a number, or a string.
pub fn expected_json(a: &Answer) -> serde_json::Value {
    match a {
        Answer::Num(n) => json!(crate::pyfmt::present::denoise_num(*n)),
        other => json!(other.to_string()),
    }
}

/// Checks one question.
pub fn check(ctx: &Context, q: &Question, given: Option<&Given>, sig: u32) -> QuestionReport {
    if let Question::Trace(t) = q {
        return super::trace::check_question(ctx, q, t, given);
    }
    let reference = match Reference::parse(q.answer_ref()) {
        Ok(r) => r,
        Err(e) => {
            return report(
                q,
                Status::Invalid,
                json!(null),
                given,
                format!("the exercise is broken: {e}"),
            );
        }
    };
    let expected = match reference.resolve(&ctx.results) {
        Ok(a) => a,
        Err(e) => {
            return report(
                q,
                Status::Invalid,
                json!(null),
                given,
                format!("the exercise is broken: {e}"),
            );
        }
    };
    let exp_json = expected_json(&expected);
    let text = match given {
        None => return report(q, Status::Missing, exp_json, None, "no answer given".into()),
        Some(Given::Text(t)) => t.trim().to_string(),
        Some(other) => {
            return report(
                q,
                Status::Invalid,
                exp_json,
                given,
                format!("expected a value, not the file {}", other.shown()),
            );
        }
    };
    let outcome = match (q, &expected) {
        (Question::Number(nq), Answer::Num(v)) => {
            number(&text, *v, nq.sig_digits.unwrap_or(sig), nq.tolerance)
        }
        (Question::Exact(_), Answer::Num(v)) => exact(&text, *v),
        (Question::Integer(_), Answer::Num(v)) => integer(&text, *v),
        (Question::Expression(_), Answer::Expr(e)) => expression(&text, e),
        (Question::Choice(c), Answer::Word(w)) => {
            choice(&text, w, c.options.as_deref(), ctx, &reference)
        }
        _ => Outcome::Broken(format!(
            "the exercise is broken: '{}' does not suit a {} question",
            q.answer_ref(),
            q.kind()
        )),
    };
    match outcome {
        Outcome::Right(note) => report(q, Status::Correct, exp_json, given, note),
        Outcome::Invalid(why) => report(q, Status::Invalid, exp_json, given, why),
        Outcome::Broken(why) => report(q, Status::Invalid, exp_json, given, why),
        Outcome::Wrong { feedback, matcher } => {
            let mut r = report(q, Status::Wrong, exp_json, given, feedback);
            if let Some(m) = matcher
                && let Some(d) = explain(ctx, &reference, &expected, &m)
            {
                r.feedback = format!("{}; {}", r.feedback, d.message);
                r.mistake = Some(d.code.to_string());
            }
            r
        }
    }
}

/// The result of comparing one answer.
enum Outcome {
    Right(String),
    Wrong {
        feedback: String,
        matcher: Option<Matcher>,
    },
    Invalid(String),
    Broken(String),
}

fn expected_text(v: PyNum) -> String {
    crate::solve::num(v)
}

fn number(text: &str, v: PyNum, sig: u32, tol: Option<Tolerance>) -> Outcome {
    let Some(p) = Printed::parse(text) else {
        // A fraction or expression is taken at its exact value.
        return match constant(text) {
            Ok(g) => exact_value(g, v, text),
            Err(_) => Outcome::Invalid(not_a_number(text)),
        };
    };
    match compare(&p, v.to_f64(), sig, tol) {
        NumVerdict::Right => Outcome::Right("correct".into()),
        NumVerdict::TooFewDigits { want } => Outcome::Wrong {
            feedback: format!(
                "too few digits: give at least {sig} significant digits (here {want})"
            ),
            matcher: None,
        },
        NumVerdict::Wrong => Outcome::Wrong {
            feedback: format!("expected {}, got {text}", expected_text(v)),
            matcher: Some(Matcher::Number { given: p, sig, tol }),
        },
    }
}

/// Why `text` is not a number answer, as precisely as can be said.
fn not_a_number(text: &str) -> String {
    let t = text.trim();
    let word = t.trim_start_matches(['+', '-', '.']).to_ascii_lowercase();
    if t.is_empty() {
        "no answer: give a number".into()
    } else if matches!(word.as_str(), "nan" | "inf" | "infinity") {
        format!("'{text}' is not a number: give a finite value")
    } else if t.parse::<f64>().is_ok_and(f64::is_infinite) {
        format!("'{text}' is not a number: it is too large for a float")
    } else {
        format!("'{text}' is not a number")
    }
}

fn close(a: f64, b: f64) -> bool {
    a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-3)
}

fn exact_value(g: PyNum, v: PyNum, text: &str) -> Outcome {
    if close(g.to_f64(), v.to_f64()) {
        Outcome::Right("correct".into())
    } else {
        Outcome::Wrong {
            feedback: if text == g.to_string() {
                format!("expected {}, got {text}", expected_text(v))
            } else {
                format!("expected {}, got {text} = {g}", expected_text(v))
            },
            matcher: Some(Matcher::Exact(g.to_f64())),
        }
    }
}

fn exact(text: &str, v: PyNum) -> Outcome {
    match constant(text) {
        Ok(g) => exact_value(g, v, text),
        Err(e) => Outcome::Invalid(format!(
            "{e}; give a number, a fraction such as 12/5 or an expression of numbers"
        )),
    }
}

fn integer(text: &str, v: PyNum) -> Outcome {
    match text.parse::<i64>() {
        Ok(g) if g as f64 == v.to_f64() => Outcome::Right("correct".into()),
        Ok(g) => Outcome::Wrong {
            feedback: format!("expected {v}, got {g}"),
            matcher: Some(Matcher::Exact(g as f64)),
        },
        Err(_) => Outcome::Invalid(format!("'{text}' is not a whole number")),
    }
}

fn expression(text: &str, e: &crate::engine::Expr) -> Outcome {
    let g = match parse(text) {
        Ok(g) => g,
        Err(err) => {
            return Outcome::Invalid(format!(
                "'{text}' is not an expression: {}",
                err.render(text)
            ));
        }
    };
    match equivalent(&g, e) {
        Ok(()) => Outcome::Right("correct".into()),
        Err(Some(d)) => Outcome::Wrong {
            feedback: format!(
                "expected {}; at {} yours gives {}, the expected gives {}",
                e.presented(),
                d.point,
                crate::engine::verdict::short(d.given),
                crate::engine::verdict::short(d.expected)
            ),
            matcher: Some(Matcher::Expression(g)),
        },
        Err(None) => Outcome::Wrong {
            feedback: format!(
                "expected {}; yours cannot be compared with it (it is undefined almost everywhere)",
                e.presented()
            ),
            matcher: None,
        },
    }
}

/// Reads a choice: exact, any case, or an unambiguous start of at least 4 letters
/// (`diverge` for `diverges`).
fn normalise<'a>(text: &str, options: &'a [String]) -> Option<&'a String> {
    let t = text.trim().to_lowercase();
    if let Some(o) = options.iter().find(|o| o.to_lowercase() == t) {
        return Some(o);
    }
    let starts: Vec<&String> = options
        .iter()
        .filter(|o| {
            t.len() >= 4 && (o.to_lowercase().starts_with(&t) || t.starts_with(&o.to_lowercase()))
        })
        .collect();
    match starts.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

fn choice(
    text: &str,
    want: &str,
    options: Option<&[String]>,
    ctx: &Context,
    r: &Reference,
) -> Outcome {
    let verdicts: Vec<String> = Verdict::ALL.iter().map(|v| v.name().to_string()).collect();
    let options = options.unwrap_or(&verdicts);
    let Some(g) = normalise(text, options) else {
        return Outcome::Invalid(format!("'{text}' is not one of: {}", options.join(", ")));
    };
    if g == want {
        return Outcome::Right("correct".into());
    }
    // For a verdict, the reason is the lesson.
    let why = match ctx.results.runs.get(&r.run) {
        Some(Computed::Descent(d)) if Verdict::from_name(want).is_some() => {
            format!(": {}", d.judgement.reason)
        }
        _ => String::new(),
    };
    Outcome::Wrong {
        feedback: format!("expected {want}, got {g}{why}"),
        matcher: None,
    }
}
