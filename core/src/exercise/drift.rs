//! A warning for an exercise whose runs reach the minimum with the default numbers (they
//! converge or oscillate) but not in every variant a quiz can draw (they cycle or diverge): a
//! student could be asked about a "converging" run that diverges for them. `gbl validate`
//! watches every descent run of more than one step, or whose verdict the exercise uses (an
//! answer or a placeholder `run.verdict`), unless a `require` pins its verdict; an author who
//! does not mean the verdict to change adds `require: {main.verdict: converges}`, which makes
//! such variants errors.

use std::collections::{BTreeMap, BTreeSet};

use super::compute::Results;
use super::load::{Diagnostic, Loaded};
use super::reference::{Answer, Reference};

/// The runs watched, and the warnings so far.
#[derive(Debug, Default)]
pub struct Drift {
    /// Runs that reach the minimum with the default numbers and whose verdict is not
    /// required, with that verdict.
    watched: BTreeMap<String, String>,
    /// Runs already warned about (once each).
    warned: BTreeSet<String>,
    /// The warnings.
    pub warnings: Vec<Diagnostic>,
}

/// A run's verdict word, when it has one.
fn verdict(run: &str, results: &Results) -> Option<String> {
    match Reference::parse(&format!("{run}.verdict"))
        .and_then(|r| r.resolve(results))
        .ok()?
    {
        Answer::Word(w) => Some(w),
        _ => None,
    }
}

/// Whether a run matters to the exercise beyond one update: several steps, or its verdict used.
fn watchable(l: &Loaded, run: &str) -> bool {
    let ex = &l.exercise;
    let one_step = ex.runs.get(run).is_some_and(|spec| {
        spec.descent
            .as_ref()
            .is_some_and(|d| matches!(d.steps, super::model::Value::Int(1)))
    });
    let name = format!("{run}.verdict");
    let used = ex.questions.iter().any(|q| q.answer_ref() == name)
        || l.source.text.contains(&format!("{{{{{name}"));
    !one_step || used
}

/// Whether a verdict reaches the minimum.
fn reaches(verdict: &str) -> bool {
    matches!(verdict, "converges" | "oscillates")
}

impl Drift {
    /// Looks at the results of one variant (`first` for the default numbers), `label` saying
    /// which variant it is (" (in the variant x0 = 5)").
    pub(crate) fn observe(&mut self, l: &Loaded, results: &Results, label: &str, first: bool) {
        let ex = &l.exercise;
        if first {
            for run in ex.runs.keys() {
                let pinned = ex.require.contains_key(&format!("{run}.verdict"));
                if !watchable(l, run) {
                    continue;
                }
                match verdict(run, results) {
                    Some(v) if !pinned && reaches(&v) => {
                        self.watched.insert(run.clone(), v);
                    }
                    _ => {}
                }
            }
            return;
        }
        for (run, default) in &self.watched {
            if self.warned.contains(run) {
                continue;
            }
            let Some(got) = verdict(run, results) else {
                continue;
            };
            if !reaches(&got) {
                self.warned.insert(run.clone());
                self.warnings.push(Diagnostic::at(
                    &l.source,
                    &format!("runs.{run}"),
                    format!(
                        "the run {default} with the default numbers but {got}{label}; add \
                         `require: {{{run}.verdict: {default}}}` to refuse such variants, or \
                         narrow `vary`"
                    ),
                ));
            }
        }
    }
}
