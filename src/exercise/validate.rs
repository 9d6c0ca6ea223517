//! Validation: a pass over loaded exercises that reports every problem at once, each with
//! its file, line and column, and proves that each exercise's reference solution runs, for
//! the default parameters and for every per-student variant.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::compute::{ComputeError, Results, Slip, compute};
use super::load::{Diagnostic, Loaded};
use super::model::{FORMAT_VERSION, Question, Value};
use super::prompt::fill;
use super::reference::{Answer, Reference};
use super::variant;
use crate::engine::PyNum;
use crate::engine::verdict::Verdict;
use crate::pyfmt::Template;

/// The book's chapters an exercise may belong to.
pub const CHAPTERS: [&str; 8] = [
    "aim",
    "iterating",
    "seeing-descent",
    "big-steps",
    "learning-rate",
    "many-variables",
    "backpropagation",
    "quiz",
];

/// Every problem in one exercise (empty when it is sound).
pub fn validate(l: &Loaded) -> Vec<Diagnostic> {
    let mut v = Validator {
        l,
        out: Vec::new(),
        seen: HashSet::new(),
    };
    v.run();
    v.out
}

struct Validator<'a> {
    l: &'a Loaded,
    out: Vec<Diagnostic>,
    seen: HashSet<(String, String)>,
}

impl Validator<'_> {
    /// Records a problem once (variants tend to repeat the same one).
    fn report(&mut self, path: &str, message: impl Into<String>) {
        let message = message.into();
        if self.seen.insert((path.to_string(), message.clone())) {
            self.out.push(Diagnostic::at(&self.l.source, path, message));
        }
    }

    fn report_compute(&mut self, e: ComputeError, variant: &str) {
        self.report(&e.path, format!("{}{variant}", e.message));
    }

    fn run(&mut self) {
        let ex = &self.l.exercise;
        if ex.format != FORMAT_VERSION {
            self.report(
                "format",
                format!("this gbl reads format {FORMAT_VERSION}, not {}", ex.format),
            );
        }
        if let Some(id) = &ex.id
            && id != &self.l.id
        {
            self.report(
                "id",
                format!(
                    "the id '{id}' does not match the file name '{}.yaml'",
                    self.l.id
                ),
            );
        }
        if !CHAPTERS.contains(&ex.chapter.as_str()) {
            self.report(
                "chapter",
                format!(
                    "unknown chapter '{}' (known: {})",
                    ex.chapter,
                    CHAPTERS.join(", ")
                ),
            );
        }
        if ex.questions.is_empty() {
            self.report("questions", "an exercise needs at least one question");
        }
        let mut ids = HashSet::new();
        for (i, q) in ex.questions.iter().enumerate() {
            let id = q.id();
            if !crate::bindings::is_name(id)
                && !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                self.report(
                    &format!("questions[{i}].id"),
                    format!("'{id}' is not a valid id (letters, digits, '_' and '-')"),
                );
            }
            if !ids.insert(id.to_string()) {
                self.report(
                    &format!("questions[{i}].id"),
                    format!("the id '{id}' is used twice"),
                );
            }
            if !(q.points().is_finite() && q.points() >= 0.0) {
                self.report(
                    &format!("questions[{i}].points"),
                    "points must be a number >= 0",
                );
            }
            if let Question::Trace(t) = q {
                for (field, list) in [
                    ("header", &t.header),
                    ("step", &t.step),
                    ("footer", &t.footer),
                ] {
                    for (k, src) in list.iter().enumerate() {
                        if let Err(e) = Template::parse(src) {
                            self.report(
                                &format!("questions[{i}].{field}[{k}]"),
                                format!("{}\n{}", e.message, e.render_with_caret(src)),
                            );
                        }
                    }
                }
                if t.step.is_empty() {
                    self.report(
                        &format!("questions[{i}].step"),
                        "a trace needs at least one step template",
                    );
                }
            } else if let Err(e) = Reference::parse(q.answer_ref()) {
                self.report(&format!("questions[{i}].answer"), e);
            }
        }
        let variants = match variant::all(ex) {
            Ok(v) => v,
            Err(e) => {
                self.report_compute(e, "");
                return;
            }
        };
        for (k, params) in variants.iter().enumerate() {
            let label = if k == 0 {
                String::new()
            } else {
                format!(
                    " (in the variant {})",
                    describe(params, &ex.vary.keys().cloned().collect::<Vec<_>>())
                )
            };
            match compute(ex, params, Slip::None) {
                Ok(results) => self.check_results(&results, &label, k == 0),
                Err(e) => self.report_compute(e, &label),
            }
        }
    }

    fn check_results(&mut self, results: &Results, variant: &str, first: bool) {
        let ex = &self.l.exercise;
        if first {
            if let Err(e) = fill(&ex.prompt, results) {
                self.report("prompt", e);
            }
            for (i, h) in ex.hints.iter().enumerate() {
                if let Err(e) = fill(h, results) {
                    self.report(&format!("hints[{i}]"), e);
                }
            }
        }
        for (i, q) in ex.questions.iter().enumerate() {
            if first && let Err(e) = fill(q.prompt(), results) {
                self.report(&format!("questions[{i}].prompt"), e);
            }
            let path = format!("questions[{i}].answer");
            if let Question::Trace(t) = q {
                let ok = matches!(
                    results.runs.get(&t.run),
                    Some(super::compute::Computed::Descent(_))
                );
                if !ok {
                    self.report(
                        &format!("questions[{i}].run"),
                        format!("'{}' is not a descent run of this exercise", t.run),
                    );
                } else if let Err(e) = crate::check::trace::reference_lines(t, results) {
                    self.report(&format!("questions[{i}].step"), format!("{e}{variant}"));
                }
                continue;
            }
            let Ok(r) = Reference::parse(q.answer_ref()) else {
                continue;
            };
            match r.resolve(results) {
                Ok(a) => {
                    if let Err(e) = fits(q, &a) {
                        self.report(&path, format!("{e}{variant}"));
                    }
                }
                Err(e) => self.report(&path, format!("{e}{variant}")),
            }
        }
        for (key, want) in &ex.require {
            let path = format!("require.{key}");
            let got = Reference::parse(key).and_then(|r| r.resolve(results));
            match got {
                Ok(a) if same(&a, want) => {}
                Ok(a) => self.report(&path, format!("must be {} but is {a}{variant}", show(want))),
                Err(e) => self.report(&path, e),
            }
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

/// `x0 = 3, lr = 0.1` for the varied parameters.
fn describe(params: &IndexMap<String, PyNum>, varied: &[String]) -> String {
    varied
        .iter()
        .filter_map(|k| params.get(k).map(|v| format!("{k} = {v}")))
        .collect::<Vec<_>>()
        .join(", ")
}
