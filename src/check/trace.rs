//! Checking a trace: the lines a student's program printed (first version: line by line).

use serde::Serialize;
use serde_json::json;

use super::number::{Printed, Verdict, compare};
use super::{Context, Given, QuestionReport, Status};
use crate::exercise::compute::{Computed, Results};
use crate::exercise::model::{Question, TraceQuestion};
use crate::pyfmt::Template;
use crate::trace::render::{StepFields, render_templates};

/// The verdict on each line of a trace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraceReport {
    /// One entry per expected line.
    pub lines: Vec<LineReport>,
}

/// One line's verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineReport {
    /// 1-based line number in the expected output.
    pub line: usize,
    /// `correct`, `wrong` or `missing`.
    pub status: Status,
    /// The expected line.
    pub expected: String,
    /// The printed line.
    pub given: Option<String>,
}

fn templates(list: &[String]) -> Result<Option<Template>, String> {
    if list.is_empty() {
        return Ok(None);
    }
    let joined = list.join("\n");
    Template::parse(&joined)
        .map(Some)
        .map_err(|e| format!("{}\n{}", e.message, e.render_with_caret(&joined)))
}

/// The reference output: what a Python program printing with the question's templates prints.
pub fn reference_lines(t: &TraceQuestion, results: &Results) -> Result<Vec<String>, String> {
    let Some(Computed::Descent(d)) = results.runs.get(&t.run) else {
        return Err(format!("'{}' is not a descent run", t.run));
    };
    let header = templates(&t.header)?;
    let step = templates(&t.step)?.ok_or("a trace needs a step template")?;
    let footer = templates(&t.footer)?;
    let fields = StepFields::new(&d.run);
    let mut lines = Vec::new();
    render_templates(&fields, header.as_ref(), &step, footer.as_ref(), &mut lines)
        .map_err(|e| e.message)?;
    Ok(lines)
}

/// The numbers in a line, as printed.
pub fn numbers(line: &str) -> Vec<Printed> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start_ok = b[i].is_ascii_digit()
            || ((b[i] == b'-' || b[i] == b'.')
                && i + 1 < b.len()
                && (b[i + 1].is_ascii_digit() || b[i + 1] == b'.'));
        let prev_is_word = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if start_ok && !prev_is_word {
            let mut j = i + 1;
            while j < b.len()
                && (b[j].is_ascii_digit()
                    || b[j] == b'.'
                    || ((b[j] == b'e' || b[j] == b'E')
                        && j + 1 < b.len()
                        && (b[j + 1].is_ascii_digit() || b[j + 1] == b'-' || b[j + 1] == b'+'))
                    || ((b[j] == b'-' || b[j] == b'+') && (b[j - 1] == b'e' || b[j - 1] == b'E')))
            {
                j += 1;
            }
            if let Some(p) = Printed::parse(&line[i..j]) {
                out.push(p);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Checks a trace question.
pub fn check_question(
    ctx: &Context,
    q: &Question,
    t: &TraceQuestion,
    given: Option<&Given>,
) -> QuestionReport {
    let base = |status, feedback: String, given: Option<String>| QuestionReport {
        id: q.id().to_string(),
        status,
        expected: json!(null),
        given,
        feedback,
        score: 0.0,
        max_score: q.points(),
        mistake: None,
        lines: None,
    };
    let expected = match reference_lines(t, &ctx.results) {
        Ok(l) => l,
        Err(e) => {
            return base(
                Status::Invalid,
                format!("the exercise is broken: {e}"),
                None,
            );
        }
    };
    let (name, text) = match given {
        None => return base(Status::Missing, "no trace given".into(), None),
        Some(Given::Trace { name, text }) => (name.clone(), text.clone()),
        Some(Given::Unreadable { name, reason }) => {
            return base(Status::Invalid, reason.clone(), Some(name.clone()));
        }
        Some(Given::Text(t)) => ("(text)".to_string(), t.clone()),
    };
    let printed: Vec<&str> = text.lines().collect();
    let mut lines = Vec::new();
    for (k, exp) in expected.iter().enumerate() {
        let got = printed.get(k).map(|s| s.trim_end_matches('\r').to_string());
        let status = match &got {
            None => Status::Missing,
            Some(g) => {
                let want = numbers(exp);
                let have = numbers(g);
                let ok = want.len() == have.len()
                    && want
                        .iter()
                        .zip(&have)
                        .all(|(w, h)| compare(h, w.to_f64(), 0, t.tolerance) == Verdict::Right);
                if ok { Status::Correct } else { Status::Wrong }
            }
        };
        lines.push(LineReport {
            line: k + 1,
            status,
            expected: exp.clone(),
            given: got,
        });
    }
    let right = lines.iter().filter(|l| l.status == Status::Correct).count();
    let total = expected.len().max(1);
    let mut r = base(
        if right == expected.len() {
            Status::Correct
        } else {
            Status::Wrong
        },
        format!("{right} of {} lines right", expected.len()),
        Some(name),
    );
    r.score = super::round_score(q.points() * right as f64 / total as f64);
    r.expected = json!(expected.join("\n"));
    r.lines = Some(TraceReport { lines });
    r
}

/// The per-line verdicts as text, indented under the question.
pub fn render_text(
    t: &TraceReport,
    paint: crate::style::Paint,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for l in &t.lines {
        match l.status {
            Status::Correct => {}
            _ => writeln!(
                out,
                "      line {}: expected {}, printed {}",
                l.line,
                paint.good(&l.expected),
                paint.bad(l.given.as_deref().unwrap_or("nothing"))
            )?,
        }
    }
    Ok(())
}
