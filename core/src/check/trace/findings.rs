//! The mistakes a judged trace names, each a claim that is true of the file:
//! - `other-output`: no line has this exercise's labels and no line after an update is right
//!   (another exercise's output, or something else);
//! - `other-start`: the run began at another start (see [`super::start`]);
//! - the rule proven by [`super::diagnose`] (or `constant-lines`);
//! - `precision`: no number shows the template's digits (see [`super::precision`]);
//! - `no-rule`: two or more lines after an update are wrong, none follows from the student's
//!   own previous values, and no usual mistake reproduces them.

use super::diagnose::Found as Rule;
use super::layout::{Layout, Part};
use super::precision::Digits;
use super::{Finding, LineReport, LineStatus};
use crate::t;

/// What the passes found.
pub(super) struct Found {
    /// The rule named, if any.
    pub rule: Option<Rule>,
    /// The sentence naming another start, if the run began there.
    pub other_start: Option<String>,
    /// The digits asked, when no number shows them.
    pub coarse: Option<Digits>,
    /// No line has this exercise's labels and none after an update is right.
    pub other_output: bool,
}

fn finding(code: &str, message: String) -> Finding {
    Finding {
        code: code.into(),
        message,
    }
}

/// The findings, most telling first.
pub(super) fn collect(layout: &Layout, found: Found, lines: &[LineReport]) -> Vec<Finding> {
    let mut out = Vec::new();
    if found.other_output {
        out.push(finding(
            "other-output",
            t!(
                "trace-other-output",
                line = layout.line(layout.len().min(layout.header_lines() + 1) - 1)
            ),
        ));
        return out;
    }
    if let Some(message) = found.other_start {
        out.push(finding("other-start", message));
    }
    let named = found.rule.is_some();
    if let Some(f) = found.rule {
        out.push(finding(f.code, f.message));
    }
    if let Some(d) = found.coarse {
        out.push(finding(
            "precision",
            t!(
                "trace-precision",
                amount = d.amount(),
                template = layout.step_text.replace('\n', &t!("trace-template-and"))
            ),
        ));
    }
    if out.is_empty() && !named {
        let wrong_steps: Vec<&LineReport> = lines
            .iter()
            .filter(|l| {
                // Wrong by a number (not by its labels or its counter alone).
                l.status == LineStatus::Wrong
                    && l.number.as_ref().is_some_and(|n| n.name != "i")
                    && l.line
                        .is_some_and(|k| layout.slot(k - 1).part == Part::Step)
            })
            .collect();
        let follows = lines.iter().any(|l| l.status == LineStatus::Follows);
        if wrong_steps.len() >= 2 && !follows {
            let first = wrong_steps[0].printed_line.unwrap_or(0);
            out.push(finding("no-rule", t!("trace-no-rule", line = first)));
        }
    }
    out
}
