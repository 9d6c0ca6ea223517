//! The checks on what the runs computed, for the defaults and each variant: texts fill in,
//! answers resolve to values of their question's kind, and `require:` holds.

use super::super::compute::{Computed, Results};
use super::super::model::{Question, Value};
use super::super::prompt::fill;
use super::super::reference::{Answer, Reference};
use super::Validator;
use crate::engine::PyNum;
use crate::engine::verdict::Verdict;

impl Validator<'_> {
    /// Everything that depends on the computed `results` (of the defaults when `first`, else
    /// of a variant labelled `variant`); `failed` names the runs that could not be computed.
    pub(super) fn check_results(
        &mut self,
        results: &Results,
        failed: &[String],
        variant: &str,
        first: bool,
    ) {
        let ex = &self.l.exercise;
        // References into a run that could not be computed were reported with the run.
        let broken = |r: &str| {
            failed
                .iter()
                .any(|f| r.split(['.', '[']).next() == Some(f.as_str()))
        };
        if first && failed.is_empty() {
            self.check_filled("prompt", &ex.prompt, results);
            for (i, h) in ex.hints.iter().enumerate() {
                self.check_filled(&format!("hints[{i}]"), h, results);
            }
        }
        for (i, q) in ex.questions.iter().enumerate() {
            if first {
                self.check_filled(&format!("questions[{i}].prompt"), q.prompt(), results);
            }
            if !broken(q.answer_ref()) {
                self.check_answer(i, q, results, variant);
            }
        }
        for (key, want) in &ex.require {
            if !broken(key) {
                self.check_require(key, want, results, variant);
            }
        }
    }

    /// The text at `path` fills in (unless a placeholder of it was already reported).
    fn check_filled(&mut self, path: &str, text: &str, results: &Results) {
        if let Err(e) = fill(text, results)
            && !self.bad_placeholders.contains(path)
        {
            self.report(path, e.to_string());
        }
    }

    /// Question `i`'s answer resolves to a value of its kind (a trace question: its run is
    /// a descent, and the reference output renders).
    fn check_answer(&mut self, i: usize, q: &Question, results: &Results, variant: &str) {
        let ex = &self.l.exercise;
        if let Question::Trace(t) = q {
            let ok = matches!(results.runs.get(&t.run), Some(Computed::Descent(_)));
            if !ok {
                self.report(
                    &format!("questions[{i}].run"),
                    format!("'{}' is not a descent run of this exercise", t.run),
                );
            } else if let Err(e) = super::super::expected_trace::reference_lines(t, results) {
                self.report_variant(&format!("questions[{i}].step"), e.to_string(), variant);
            }
            return;
        }
        if super::super::answer::check_static(q.answer_ref(), &ex.runs).is_err() {
            return;
        }
        let path = format!("questions[{i}].answer");
        match super::super::answer::resolve(q.answer_ref(), results) {
            Ok(a) => {
                if let Err(e) = fits(q, &a) {
                    self.report_variant(&path, e, variant);
                }
            }
            Err(e) => self.report_variant(&path, e.to_string(), variant),
        }
    }

    /// The requirement `key: want` holds for these results.
    fn check_require(&mut self, key: &str, want: &Value, results: &Results, variant: &str) {
        let path = format!("require.{key}");
        if let Some(c) = super::super::condition::parse(key) {
            match super::super::condition::holds(&c, results) {
                Ok(Ok(())) => {}
                Ok(Err(values)) => self.report_variant(
                    &path,
                    format!("required: {key} ({}), but {values}", show(want)),
                    variant,
                ),
                Err(e) => self.report(&path, e.to_string()),
            }
            return;
        }
        let got = Reference::parse(key).and_then(|r| r.resolve(results));
        match got {
            Ok(a) if same(&a, want) => {}
            Ok(a) => self.report_variant(
                &path,
                format!(
                    "required to be {}, but the reference solution gives {a}",
                    show(want)
                ),
                variant,
            ),
            Err(e) => self.report(&path, e),
        }
    }
}

/// Whether a resolved answer suits the question's kind.
fn fits(q: &Question, a: &Answer) -> Result<(), String> {
    match (q, a) {
        (Question::Number(_) | Question::Exact(_), Answer::Num(_)) => Ok(()),
        (Question::Integer(_), Answer::Num(PyNum::Int(_))) => Ok(()),
        (Question::Integer(_), Answer::Num(n)) => {
            Err(format!("an integer question, but the answer is {n}"))
        }
        (Question::Expression(_), Answer::Expr(_)) => Ok(()),
        (Question::Choice(c), Answer::Word(w)) => match &c.options {
            Some(opts) if !opts.iter().any(|o| o == w) => Err(format!(
                "the answer '{w}' is not among the options ({})",
                opts.join(", ")
            )),
            None if Verdict::from_name(w).is_none() => Err(format!(
                "'{w}' is not a verdict; list the choices under 'options'"
            )),
            _ => Ok(()),
        },
        (q, a) => Err(format!(
            "a {} question, but '{}' is {}",
            q.kind(),
            q.answer_ref(),
            kind_of(a)
        )),
    }
}

fn kind_of(a: &Answer) -> &'static str {
    match a {
        Answer::Num(_) => "a number",
        Answer::Expr(_) => "an expression",
        Answer::Word(_) => "a word",
    }
}

fn same(a: &Answer, want: &Value) -> bool {
    match (a, want) {
        (Answer::Word(w), Value::Text(t)) => w == t,
        (Answer::Num(n), Value::Int(i)) => n.to_f64() == *i as f64,
        (Answer::Num(n), Value::Float(f)) => (n.to_f64() - f).abs() <= 1e-12 * f.abs().max(1.0),
        (Answer::Expr(e), Value::Text(t)) => e.to_string() == *t,
        _ => false,
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Float(f) => PyNum::Float(*f).to_string(),
        Value::Text(t) => t.clone(),
    }
}
