//! Checking one question, by kind.

use serde_json::json;

use super::diagnose::{Matcher, explain};
use super::equiv::equivalent_keyed;
use super::feedback::{off_by, verdict_word};
use super::number::{Printed, Verdict as NumVerdict, compare};
use super::outcome::Outcome;
use super::{Context, Given, QuestionReport, Status, TraceFiles};
use crate::bindings::constant;
use crate::clip::{plain, quoted};
use crate::engine::verdict::Verdict;
use crate::engine::{PyNum, parse};
use crate::exercise::model::{Question, Tolerance};
use crate::exercise::reference::{Answer, Reference};
use crate::t;

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
pub(crate) fn expected_json(a: &Answer) -> serde_json::Value {
    match a {
        Answer::Num(n) => json!(crate::pyfmt::present::denoise_num(*n)),
        other => json!(other.to_string()),
    }
}

/// Checks one question.
pub fn check(
    ctx: &Context,
    q: &Question,
    given: Option<&Given>,
    sig: u32,
    files: &dyn TraceFiles,
) -> QuestionReport {
    if let Question::Trace(t) = q {
        return super::trace::check_question(ctx, q, t, given, files);
    }
    // A plain reference can be replayed to diagnose mistakes; an expression cannot.
    let reference = Reference::parse(q.answer_ref()).ok();
    let expected = match crate::exercise::answer::resolve(q.answer_ref(), &ctx.results) {
        Ok(a) => a,
        Err(e) => {
            return report(
                q,
                Status::Invalid,
                json!(null),
                given,
                t!("answer-broken", error = e),
            );
        }
    };
    let exp_json = expected_json(&expected);
    let text = match given_text(q, given, &exp_json) {
        Ok(text) => text,
        Err(report) => return *report,
    };
    let outcome = judge(ctx, q, &expected, reference.as_ref(), &text, sig);
    match outcome {
        Outcome::Right(note) => report(q, Status::Correct, exp_json, given, note),
        Outcome::Invalid(why) => report(q, Status::Invalid, exp_json, given, why),
        Outcome::Broken(why) => report(q, Status::Invalid, exp_json, given, why),
        Outcome::Wrong {
            feedback,
            matcher,
            mistake,
        } => {
            let mut r = report(q, Status::Wrong, exp_json, given, feedback);
            r.mistake = mistake.map(str::to_string);
            // A named mistake replaces the vaguer "too big": it says what to fix.
            if let Some(m) = matcher
                && let Some(reference) = &reference
                && let Some(d) = explain(ctx, reference, &expected, &m)
            {
                r.feedback = d.message;
                r.mistake = Some(d.code.to_string());
            }
            r
        }
    }
}

/// The text of a value given, trimmed; the report of a question not answered or answered
/// with something that is not a value.
fn given_text(
    q: &Question,
    given: Option<&Given>,
    exp_json: &serde_json::Value,
) -> Result<String, Box<QuestionReport>> {
    let exp = || exp_json.clone();
    match given {
        None => Err(Box::new(report(
            q,
            Status::Missing,
            exp(),
            None,
            t!("answer-missing"),
        ))),
        Some(Given::Text(t)) => Ok(t.trim().to_string()),
        Some(Given::Unreadable { reason, .. }) => Err(Box::new(report(
            q,
            Status::Invalid,
            exp(),
            given,
            reason.clone(),
        ))),
        Some(other) => Err(Box::new(report(
            q,
            Status::Invalid,
            exp(),
            given,
            t!("answer-file-not-value", file = other.shown()),
        ))),
    }
}

/// The answer `text` against the expected value, by the question's kind; a value asked for
/// but given as an expression in the run's variables is put in ("put x = 5 in").
fn judge(
    ctx: &Context,
    q: &Question,
    expected: &Answer,
    reference: Option<&Reference>,
    text: &str,
    sig: u32,
) -> Outcome {
    let outcome = match (q, expected) {
        (Question::Number(nq), Answer::Num(v)) => {
            number(text, *v, nq.sig_digits.unwrap_or(sig), nq.tolerance)
        }
        (Question::Exact(_), Answer::Num(v)) => exact(text, *v),
        (Question::Integer(_), Answer::Num(v)) => integer(text, *v),
        (Question::Expression(_), Answer::Expr(e)) => expression(text, e, &seed_key(ctx, q)),
        (Question::Choice(c), Answer::Word(w)) => choice(text, w, c.options.as_deref()),
        _ => Outcome::Broken(t!(
            "answer-wrong-kind",
            answer = q.answer_ref(),
            kind = q.kind()
        )),
    };
    match (outcome, expected) {
        (Outcome::Invalid(why), Answer::Num(v)) => match reference {
            Some(r) => super::evaluate::put_in(ctx, r, text, *v).unwrap_or(Outcome::Invalid(why)),
            None => Outcome::Invalid(why),
        },
        (o, _) => o,
    }
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
        NumVerdict::Right => Outcome::Right(t!("answer-correct")),
        NumVerdict::TooFewDigits { .. } => too_few_digits(text, sig),
        NumVerdict::Wrong if right_as_far_as_it_goes(&p, v.to_f64()) => too_few_digits(text, sig),
        NumVerdict::Wrong => Outcome::wrong(
            off_by(p.to_f64(), v.to_f64()),
            Some(Matcher::Number { given: p, sig, tol }),
        ),
    }
}

fn too_few_digits(text: &str, sig: u32) -> Outcome {
    Outcome::Wrong {
        feedback: t!("answer-too-few-digits", given = text, sig = sig),
        matcher: None,
        mistake: Some("too-few-digits"),
    }
}

/// Whether a number printed with decimals (`0.3`) is the answer rounded to those decimals
/// (0.322): right, only too short. A whole number (`2` for 2.4) is not taken as a rounding.
fn right_as_far_as_it_goes(p: &Printed, v: f64) -> bool {
    let d = p.decimals();
    if d == 0 || p.digits.is_empty() || !v.is_finite() {
        return false;
    }
    Printed::parse(&format!("{v:.0$}", d as usize)).is_some_and(|r| r.same_value(p))
}

/// Why `text` is not a number answer, as precisely as can be said.
fn not_a_number(text: &str) -> String {
    let t = text.trim();
    let word = t.trim_start_matches(['+', '-', '.']).to_ascii_lowercase();
    if t.is_empty() {
        t!("answer-empty")
    } else if matches!(word.as_str(), "nan" | "inf" | "infinity") {
        t!("answer-not-finite", given = quoted(text))
    } else if t.parse::<f64>().is_ok_and(f64::is_infinite) {
        t!("answer-too-large", given = quoted(text))
    } else if t.matches(',').count() == 1 && t.replace(',', ".").parse::<f64>().is_ok() {
        t!(
            "answer-decimal-comma",
            given = quoted(text),
            with_point = t.replace(',', ".")
        )
    } else {
        t!("answer-not-a-number", given = quoted(text))
    }
}

fn close(a: f64, b: f64) -> bool {
    a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-3)
}

fn exact_value(g: PyNum, v: PyNum, text: &str) -> Outcome {
    if close(g.to_f64(), v.to_f64()) {
        Outcome::Right(t!("answer-correct"))
    } else {
        let off = off_by(g.to_f64(), v.to_f64());
        Outcome::wrong(
            if text == g.to_string() {
                off
            } else {
                t!(
                    "answer-exact-off",
                    given = plain(text),
                    value = g,
                    off = off
                )
            },
            Some(Matcher::Exact(g.to_f64())),
        )
    }
}

fn exact(text: &str, v: PyNum) -> Outcome {
    match constant(text) {
        Ok(g) => exact_value(g, v, text),
        Err(e) => Outcome::Invalid(t!("answer-not-exact", error = e)),
    }
}

fn integer(text: &str, v: PyNum) -> Outcome {
    match text.parse::<i64>() {
        Ok(g) if g as f64 == v.to_f64() => Outcome::Right(t!("answer-correct")),
        Ok(g) => Outcome::wrong(off_by(g as f64, v.to_f64()), Some(Matcher::Exact(g as f64))),
        Err(_) => Outcome::Invalid(t!("answer-not-whole", given = quoted(text))),
    }
}

/// What the points an expression is compared at are drawn from, besides the two expressions:
/// the exercise, the question and the variant's numbers (so each student of a quiz gets
/// points of their own).
fn seed_key(ctx: &Context, q: &Question) -> String {
    let params: Vec<String> = ctx.params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("{}.{} {}", ctx.loaded.id, q.id(), params.join(","))
}

fn expression(text: &str, e: &crate::engine::Expr, key: &str) -> Outcome {
    let g = match parse(text) {
        Ok(g) => g,
        Err(err) => {
            return Outcome::Invalid(t!(
                "answer-not-expression",
                given = quoted(text),
                error = err.render(text)
            ));
        }
    };
    match equivalent_keyed(&g, e, key) {
        Ok(()) => Outcome::Right(t!("answer-correct")),
        Err(Some(d)) => Outcome::wrong(
            t!(
                "answer-not-same-function",
                point = d.point,
                value = crate::engine::verdict::short(d.given),
                off = off_by(d.given, d.expected)
            ),
            Some(Matcher::Expression(g)),
        ),
        Err(None) => Outcome::wrong(t!("answer-not-comparable"), None),
    }
}

/// Reads a choice: exact, any case, an unambiguous start of at least 4 letters (`diverge`
/// for `diverges`), or for verdicts a common form or the lecture's Korean term (`diverging`,
/// `divergent`, `발산`).
fn normalise<'a>(text: &str, options: &'a [String]) -> Option<&'a String> {
    let t = text.trim().to_lowercase();
    if let Some(o) = options.iter().find(|o| o.to_lowercase() == t) {
        return Some(o);
    }
    if let Some(v) = verdict_word(&t)
        && let Some(o) = options.iter().find(|o| o.as_str() == v)
    {
        return Some(o);
    }
    let starts: Vec<&String> = options
        .iter()
        .filter(|o| {
            t.chars().count() >= 4
                && (o.to_lowercase().starts_with(&t) || t.starts_with(&o.to_lowercase()))
        })
        .collect();
    match starts.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

fn choice(text: &str, want: &str, options: Option<&[String]>) -> Outcome {
    let verdicts: Vec<String> = Verdict::ALL.iter().map(|v| v.name().to_string()).collect();
    let is_verdict = options.is_none();
    let options = options.unwrap_or(&verdicts);
    let Some(g) = normalise(text, options) else {
        // The one closest word, when it is close: a misspelling, not a different answer.
        let t = text.trim().to_lowercase();
        let near = options
            .iter()
            .map(|o| {
                (
                    similar::TextDiff::from_chars(t.as_str(), o.as_str()).ratio(),
                    o,
                )
            })
            .filter(|(r, _)| *r > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, o)| o);
        let given = quoted(text);
        let options = options.join(", ");
        return Outcome::Invalid(match near {
            Some(near) => t!(
                "answer-not-an-option-near",
                given = given,
                options = options,
                near = near
            ),
            None => t!("answer-not-an-option", given = given, options = options),
        });
    };
    if g == want {
        return Outcome::Right(t!("answer-correct"));
    }
    // An oscillating run does converge: the answer is right, and the finer word is taught.
    if is_verdict && g == "converges" && want == "oscillates" {
        return Outcome::Right(t!("answer-converges-oscillates"));
    }
    Outcome::wrong(
        if is_verdict {
            t!("answer-wrong-verdict", given = g)
        } else {
            t!("answer-wrong-choice", given = g)
        },
        None,
    )
}
