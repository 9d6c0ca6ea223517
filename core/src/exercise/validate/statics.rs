//! The checks that need nothing computed: ids, points, templates, answers' references,
//! placeholders and expressions, each reported where it stands in the file.

use std::collections::HashSet;

use super::super::locate::Pos;
use super::super::model::{Question, RunSpec};
use super::super::reference::Reference;
use super::Validator;
use crate::pyfmt::Template;

impl Validator<'_> {
    /// Each question's id, points, templates and answer reference, and its prompt's
    /// placeholders.
    pub(super) fn check_questions(&mut self) {
        let ex = &self.l.exercise;
        let mut ids = HashSet::new();
        for (i, q) in ex.questions.iter().enumerate() {
            self.check_id(i, q.id(), &mut ids);
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
                    self.check_templates(&format!("questions[{i}].{field}"), list);
                }
                if t.step.is_empty() {
                    self.report(
                        &format!("questions[{i}].step"),
                        "a trace needs at least one step template",
                    );
                }
            } else if let Err(e) = super::super::answer::check_static(q.answer_ref(), &ex.runs) {
                self.report(&format!("questions[{i}].answer"), e.to_string());
            }
            self.check_placeholders(&format!("questions[{i}].prompt"), q.prompt());
        }
    }

    /// A question's id: a valid one, used once.
    fn check_id(&mut self, i: usize, id: &str, ids: &mut HashSet<String>) {
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
    }

    /// Each template of a trace question's list at `path` parses.
    fn check_templates(&mut self, path: &str, list: &[String]) {
        for (k, src) in list.iter().enumerate() {
            if let Err(e) = Template::parse(src) {
                self.report(
                    &format!("{path}[{k}]"),
                    format!("{}\n{}", e.message, e.render_with_caret(src)),
                );
            }
        }
    }

    /// The placeholders of the exercise's prompt, solution and hints.
    pub(super) fn check_texts(&mut self) {
        let ex = &self.l.exercise;
        self.check_placeholders("prompt", &ex.prompt);
        if let Some(text) = &ex.solution {
            self.check_placeholders("solution", text);
        }
        for (i, h) in ex.hints.iter().enumerate() {
            self.check_placeholders(&format!("hints[{i}]"), h);
        }
        self.check_translation();
    }

    /// The Korean texts (`ko:`): placeholders that exist, the same ones as the English text's,
    /// a prompt for each question it names, as many hints as in English.
    fn check_translation(&mut self) {
        let ex = &self.l.exercise;
        let Some(tr) = ex.ko.clone() else {
            return;
        };
        let pairs: Vec<(String, Option<String>, String)> = [
            ("ko.title", tr.title.clone(), ex.title.clone()),
            ("ko.prompt", tr.prompt.clone(), ex.prompt.clone()),
            (
                "ko.solution",
                tr.solution.clone(),
                ex.solution.clone().unwrap_or_default(),
            ),
        ]
        .into_iter()
        .map(|(p, k, e)| (p.to_string(), k, e))
        .collect();
        let mut texts = pairs;
        if tr.solution.is_some() && ex.solution.is_none() {
            self.report(
                "ko.solution",
                "a translated solution, but no 'solution' to translate",
            );
        }
        for (id, text) in &tr.questions {
            match ex.questions.iter().find(|q| q.id() == id) {
                Some(q) => texts.push((
                    format!("ko.questions.{id}"),
                    Some(text.clone()),
                    q.prompt().to_string(),
                )),
                None => {
                    let ids: Vec<&str> = ex.questions.iter().map(|q| q.id()).collect();
                    self.report(
                        &format!("ko.questions.{id}"),
                        format!(
                            "there is no question '{id}' (questions: {})",
                            ids.join(", ")
                        ),
                    );
                }
            }
        }
        if let Some(hints) = &tr.hints {
            if hints.len() != ex.hints.len() {
                self.report(
                    "ko.hints",
                    format!(
                        "{} hints in Korean for {} in English: translate each one, in order",
                        hints.len(),
                        ex.hints.len()
                    ),
                );
            } else {
                for (i, (k, e)) in hints.iter().zip(&ex.hints).enumerate() {
                    texts.push((format!("ko.hints[{i}]"), Some(k.clone()), e.clone()));
                }
            }
        }
        for (path, ko, en) in texts {
            let Some(ko) = ko else { continue };
            if ko.trim().is_empty() {
                self.report(
                    &path,
                    "an empty translation (leave the key out to keep English)",
                );
                continue;
            }
            self.check_placeholders(&path, &ko);
            let (k, e) = (placeholders(&ko), placeholders(&en));
            if k != e {
                let show = |s: &std::collections::BTreeSet<String>| {
                    s.iter()
                        .map(|p| format!("{{{{{p}}}}}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                self.report(
                    &path,
                    format!(
                        "the translation's placeholders ({}) are not the English text's ({})",
                        show(&k),
                        show(&e)
                    ),
                );
            }
        }
    }

    /// Each `require:` key is a condition or a reference into the runs.
    pub(super) fn check_require_static(&mut self) {
        let ex = &self.l.exercise;
        for key in ex.require.keys() {
            if super::super::condition::parse(key).is_some() {
                continue;
            }
            if let Err(e) = Reference::parse(key).and_then(|r| r.check_static(&ex.runs)) {
                self.report(&format!("require.{key}"), e);
            }
        }
    }

    /// Every `{{...}}` names a parameter or a value of a run.
    pub(super) fn check_placeholders(&mut self, path: &str, text: &str) {
        let ex = &self.l.exercise;
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                self.report(path, "a '{{' without its '}}'");
                return;
            };
            let (key, spec) = super::super::prompt::split_spec(&after[..close]);
            let literal = format!("{{{{{}}}}}", &after[..close]);
            if let Some(spec) = spec
                && let Err(e) =
                    super::super::prompt::formatted(crate::engine::PyNum::Float(0.5), spec)
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
    pub(super) fn check_run_exprs(&mut self, name: &str, spec: &RunSpec) {
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

/// The `{{...}}` placeholders of a text, as written inside the braces (trimmed).
fn placeholders(text: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else { break };
        out.insert(after[..close].trim().to_string());
        rest = &after[close + 2..];
    }
    out
}
