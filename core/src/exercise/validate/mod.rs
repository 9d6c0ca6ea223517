//! Validation: a pass over loaded exercises that reports every problem at once, each with
//! its file, line and column, and proves that each exercise's reference solution runs, for
//! the default parameters and for every per-student variant.

use std::collections::HashSet;

use indexmap::IndexMap;

mod results;
mod statics;

use super::compute::{ComputeError, compute_each};
use super::load::{Diagnostic, Loaded};
use super::model::FORMAT_VERSION;
use super::variant;
use crate::engine::PyNum;

/// The book's chapters a bundled exercise may belong to (other exercises' chapters are free
/// text).
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
    validate_with_warnings(l).0
}

/// Every problem in one exercise, and the warnings (see [`super::drift`]).
pub fn validate_with_warnings(l: &Loaded) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut v = Validator {
        l,
        out: Vec::new(),
        seen: HashSet::new(),
        bad_placeholders: HashSet::new(),
        drift: super::drift::Drift::default(),
    };
    v.run();
    (super::load::clip(v.out), v.drift.warnings)
}

struct Validator<'a> {
    l: &'a Loaded,
    out: Vec<Diagnostic>,
    seen: HashSet<(String, String)>,
    /// Texts (by path) with a placeholder already reported: not reported again when filled.
    bad_placeholders: HashSet<String>,
    /// Converging runs watched across variants.
    drift: super::drift::Drift,
}

impl Validator<'_> {
    /// Records a problem once (variants tend to repeat the same one).
    fn report(&mut self, path: &str, message: impl Into<String>) {
        let message = message.into();
        if self.seen.insert((path.to_string(), message.clone())) {
            self.out.push(self.diagnostic(path, message));
        }
    }

    /// A diagnostic at `path`, located only while under the budget of reported problems
    /// (see [`super::load::clip`]).
    fn diagnostic(&self, path: &str, message: String) -> Diagnostic {
        if self.out.len() < super::load::MAX_DIAGNOSTICS {
            return Diagnostic::at(&self.l.source, path, message);
        }
        Diagnostic {
            file: self.l.source.name.clone(),
            pos: None,
            message: format!("{path}: {message}"),
        }
    }

    /// Records a problem found in a variant, once: when the defaults have the same problem,
    /// the variant adds nothing.
    fn report_variant(&mut self, path: &str, message: String, variant: &str) {
        if variant.is_empty() {
            self.report(path, message);
        } else if !self.seen.contains(&(path.to_string(), message.clone())) {
            self.seen.insert((path.to_string(), message.clone()));
            self.report(path, format!("{message}{variant}"));
        }
    }

    fn report_compute(&mut self, e: ComputeError, variant: &str) {
        self.report_variant(&e.path, e.message, variant);
    }

    fn run(&mut self) {
        self.check_header();
        self.check_questions();
        self.check_texts();
        self.check_require_static();
        let ex = &self.l.exercise;
        for (name, spec) in &ex.runs {
            self.check_run_exprs(name, spec);
        }
        for (path, message) in super::ambiguity::check(ex) {
            self.report(&path, message);
        }
        self.check_variants();
    }

    /// The format version, the id, the chapter, the parameters' bounds, and some question.
    fn check_header(&mut self) {
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
        if self.l.bundled && !CHAPTERS.contains(&ex.chapter.as_str()) {
            self.report(
                "chapter",
                format!(
                    "unknown chapter '{}' (known: {})",
                    ex.chapter,
                    CHAPTERS.join(", ")
                ),
            );
        }
        for (path, message) in super::bounds::problems(ex) {
            self.report(&path, message);
        }
        if ex.questions.is_empty() {
            self.report("questions", "an exercise needs at least one question");
        }
    }

    /// The exercise's runs computed for the defaults and every variant, and what depends on
    /// them checked each time.
    fn check_variants(&mut self) {
        let ex = &self.l.exercise;
        let mut variants = match variant::all(ex) {
            Ok(v) => v,
            Err(e) => {
                self.report_compute(e, "");
                return;
            }
        };
        if let Some((path, message)) = super::bounds::proof_budget(ex, &variants) {
            self.report(&path, message);
            variants.truncate(1);
        }
        for (k, params) in variants.iter().enumerate() {
            let label = if k == 0 {
                String::new()
            } else {
                format!(
                    " (in the variant {})",
                    describe(params, &ex.vary.keys().cloned().collect::<Vec<_>>())
                )
            };
            let (results, errors) = compute_each(ex, params);
            let failed: Vec<String> = errors.iter().map(|e| run_of(&e.path)).collect();
            for e in errors {
                self.report_compute(e, &label);
            }
            self.check_results(&results, &failed, &label, k == 0);
            self.drift.observe(self.l, &results, &label, k == 0);
        }
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

/// The run named by a path such as `runs.main.descent.f`.
fn run_of(path: &str) -> String {
    path.strip_prefix("runs.")
        .and_then(|p| p.split('.').next())
        .unwrap_or("")
        .to_string()
}
