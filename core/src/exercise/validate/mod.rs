//! Validation: a pass over loaded exercises that reports every problem at once, each with
//! its file, line and column, and proves that each exercise's reference solution runs, for
//! the default parameters and for every per-student variant.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::compute::{ComputeError, Results, compute_each};
use super::load::{Diagnostic, Loaded};
use super::locate::Pos;
use super::model::{FORMAT_VERSION, Question, Value};
use super::prompt::fill;
use super::reference::{Answer, Reference};
use super::variant;
use crate::engine::PyNum;
use crate::engine::verdict::Verdict;
use crate::pyfmt::Template;

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
            } else {
                if let Err(e) = super::answer::check_static(q.answer_ref(), &ex.runs) {
                    self.report(&format!("questions[{i}].answer"), e);
                }
            }
            self.check_placeholders(&format!("questions[{i}].prompt"), q.prompt());
        }
        self.check_placeholders("prompt", &ex.prompt);
        if let Some(text) = &ex.solution {
            self.check_placeholders("solution", text);
        }
        for (i, h) in ex.hints.iter().enumerate() {
            self.check_placeholders(&format!("hints[{i}]"), h);
        }
        for key in ex.require.keys() {
            if super::condition::parse(key).is_some() {
                continue;
            }
            if let Err(e) = Reference::parse(key).and_then(|r| r.check_static(&ex.runs)) {
                self.report(&format!("require.{key}"), e);
            }
        }
        for (name, spec) in &ex.runs {
            self.check_run_exprs(name, spec);
        }
        for (path, message) in super::ambiguity::check(ex) {
            self.report(&path, message);
        }
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

    /// Every `{{...}}` names a parameter or a value of a run.
    fn check_placeholders(&mut self, path: &str, text: &str) {
        let ex = &self.l.exercise;
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                self.report(path, "a '{{' without its '}}'");
                return;
            };
            let (key, spec) = super::prompt::split_spec(&after[..close]);
            let literal = format!("{{{{{}}}}}", &after[..close]);
            if let Some(spec) = spec
                && let Err(e) = super::prompt::formatted(crate::engine::PyNum::Float(0.5), spec)
            {
                self.report_placeholder(path, &literal, format!("'{{{{{key}:{spec}}}}}': {e}"));
            }
            if !ex.params.contains_key(key) {
                let checked = Reference::parse(key).and_then(|r| r.check_static(&ex.runs));
                if let Err(e) = checked {
                    let message = if key.contains('.') {
                        format!("'{{{{{key}}}}}': {e}")
                    } else {
                        let names: Vec<&str> = ex.params.keys().map(String::as_str).collect();
                        format!(
                            "'{{{{{key}}}}}' names no parameter (parameters: {})",
                            names.join(", ")
                        )
                    };
                    self.report_placeholder(path, &literal, message);
                }
            }
            rest = &after[close + 2..];
        }
    }

    /// A problem with the placeholder `literal` of the text at `path`, placed at the
    /// placeholder itself when it is found in the file after the text's start.
    fn report_placeholder(&mut self, path: &str, literal: &str, message: String) {
        self.bad_placeholders.insert(path.to_string());
        if !self.seen.insert((path.to_string(), message.clone())) {
            return;
        }
        let mut d = self.diagnostic(path, message);
        if let Some(p) = d.pos {
            d.pos = find_after(&self.l.source.text, p, literal).or(d.pos);
        }
        self.out.push(d);
    }

    /// Every expression of a run parses, so that all of them are reported at once.
    fn check_run_exprs(&mut self, name: &str, spec: &super::model::RunSpec) {
        let base = format!("runs.{name}");
        let kinds = [
            spec.descent.is_some(),
            spec.graph.is_some(),
            spec.derivative.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            self.report(
                &base,
                "a run needs exactly one of 'descent', 'graph' or 'derivative'",
            );
            return;
        }
        let mut exprs: Vec<(String, String)> = Vec::new();
        if let Some(d) = &spec.descent {
            exprs.push((format!("{base}.descent.f"), d.f.clone()));
            for (v, g) in d.grad.iter().flatten() {
                exprs.push((format!("{base}.descent.grad.{v}"), g.clone()));
            }
        }
        if let Some(d) = &spec.derivative {
            exprs.push((format!("{base}.derivative.f"), d.f.clone()));
        }
        if let Some(g) = &spec.graph
            && let Err(e) = crate::engine::backprop::Graph::parse(&g.nodes)
        {
            self.report(&format!("{base}.graph.nodes"), e.render(&g.nodes));
        }
        for (path, src) in exprs {
            if let Err(e) = crate::engine::parse(&src) {
                self.report(&path, format!("{}\n{}", e, e.caret(&src)));
            }
        }
    }

    fn check_results(&mut self, results: &Results, failed: &[String], variant: &str, first: bool) {
        let ex = &self.l.exercise;
        // References into a run that could not be computed were reported with the run.
        let broken = |r: &str| {
            failed
                .iter()
                .any(|f| r.split(['.', '[']).next() == Some(f.as_str()))
        };
        if first && failed.is_empty() {
            if let Err(e) = fill(&ex.prompt, results)
                && !self.bad_placeholders.contains("prompt")
            {
                self.report("prompt", e);
            }
            for (i, h) in ex.hints.iter().enumerate() {
                let path = format!("hints[{i}]");
                if let Err(e) = fill(h, results)
                    && !self.bad_placeholders.contains(&path)
                {
                    self.report(&path, e);
                }
            }
        }
        for (i, q) in ex.questions.iter().enumerate() {
            let prompt_path = format!("questions[{i}].prompt");
            if first
                && let Err(e) = fill(q.prompt(), results)
                && !self.bad_placeholders.contains(&prompt_path)
            {
                self.report(&prompt_path, e);
            }
            let path = format!("questions[{i}].answer");
            if broken(q.answer_ref()) {
                continue;
            }
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
                } else if let Err(e) = super::expected_trace::reference_lines(t, results) {
                    self.report_variant(&format!("questions[{i}].step"), e, variant);
                }
                continue;
            }
            if super::answer::check_static(q.answer_ref(), &ex.runs).is_err() {
                continue;
            }
            match super::answer::resolve(q.answer_ref(), results) {
                Ok(a) => {
                    if let Err(e) = fits(q, &a) {
                        self.report_variant(&path, e, variant);
                    }
                }
                Err(e) => self.report_variant(&path, e, variant),
            }
        }
        for (key, want) in &ex.require {
            if broken(key) {
                continue;
            }
            let path = format!("require.{key}");
            if let Some(c) = super::condition::parse(key) {
                match super::condition::holds(&c, results) {
                    Ok(Ok(())) => {}
                    Ok(Err(values)) => self.report_variant(
                        &path,
                        format!("required: {key} ({}), but {values}", show(want)),
                        variant,
                    ),
                    Err(e) => self.report(&path, e),
                }
                continue;
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

/// The run named by a path such as `runs.main.descent.f`.
fn run_of(path: &str) -> String {
    path.strip_prefix("runs.")
        .and_then(|p| p.split('.').next())
        .unwrap_or("")
        .to_string()
}

/// Where `needle` first appears at or after `from` (1-based line and column, in characters
/// as the locator counts them).
fn find_after(text: &str, from: Pos, needle: &str) -> Option<Pos> {
    for (i, line) in text.lines().enumerate().skip(from.line.saturating_sub(1)) {
        let skip = if i + 1 == from.line {
            from.col.saturating_sub(1)
        } else {
            0
        };
        let start = line.char_indices().nth(skip).map_or(line.len(), |(b, _)| b);
        if let Some(at) = line[start..].find(needle) {
            return Some(Pos {
                line: i + 1,
                col: line[..start + at].chars().count() + 1,
            });
        }
    }
    None
}
