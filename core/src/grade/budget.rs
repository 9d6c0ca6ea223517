//! Each submission's budget in `gbl grade`: one student's files never cost the class more
//! than one submission's worth of reading, memory and judging.
//!
//! - **Bytes**: the answer file and every trace a submission names are read under one
//!   budget of [`SUBMISSION_BYTES`] (by the caller that reads them: `gbl`'s
//!   `fsutil::with_read_budget`); each file's size is checked before it is read.
//! - **Trace lines**: the traces of one submission may hold [`SUBMISSION_TRACE_LINES`] lines
//!   together. Judging costs time and memory per line, and a 20 MB file of 10,000,000 short
//!   lines is under any byte cap; a trace over the budget is unreadable, with the reason,
//!   before it is judged. (The lecture's traces have tens of lines; an exercise's longest run
//!   has a million steps, and its trace is read whole by `gbl check --trace`.)
//!
//! Budgets count work, never time, so grading stays deterministic.

use indexmap::IndexMap;

use crate::check::Given;
use crate::check::answers::ExerciseAnswers;

/// The bytes one submission may have read in all (its answer file and its traces).
pub const SUBMISSION_BYTES: u64 = 64 << 20;
/// The lines the traces of one submission may hold together.
pub(crate) const SUBMISSION_TRACE_LINES: usize = 200_000;

/// Marks unreadable each trace that would take the submission's traces over `budget`
/// lines, in the answers' order.
pub(crate) fn limit_trace_lines(answers: &mut IndexMap<String, ExerciseAnswers>, budget: usize) {
    let mut left = budget;
    for given in answers.values_mut().flat_map(|qs| qs.values_mut()) {
        let Given::Trace { name, text } = given else {
            continue;
        };
        let lines = count_lines(text);
        if lines > left {
            *given = Given::Unreadable {
                name: name.clone(),
                reason: format!(
                    "{} has {lines} lines: the traces of one submission may hold {budget} \
                     lines together, and {left} are left",
                    crate::clip::quoted(name)
                ),
            };
        } else {
            left -= lines;
        }
    }
}

/// The lines of `text`, however they end (`\n`, `\r\n` or `\r`); a last line without an
/// ending counts too.
fn count_lines(text: &str) -> usize {
    let b = text.as_bytes();
    let endings = b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count();
    let unended = !b.is_empty() && !matches!(b.last(), Some(b'\n' | b'\r'));
    endings + usize::from(unended)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trace(text: &str) -> Given {
        Given::Trace {
            name: "t.txt".into(),
            text: text.into(),
        }
    }

    #[test]
    fn lines_are_counted_however_they_end() {
        assert_eq!(count_lines(""), 0);
        assert_eq!(count_lines("a"), 1);
        assert_eq!(count_lines("a\n"), 1);
        assert_eq!(count_lines("a\r\nb\r\n"), 2);
        assert_eq!(count_lines("a\rb\nc"), 3);
    }

    #[test]
    fn the_trace_over_the_line_budget_is_unreadable() {
        let mut answers: IndexMap<String, ExerciseAnswers> = IndexMap::new();
        answers
            .entry("a".into())
            .or_default()
            .insert("t".into(), trace("1\n2\n3"));
        answers
            .entry("b".into())
            .or_default()
            .insert("t".into(), trace("1\r\n2\r\n3\n"));
        limit_trace_lines(&mut answers, 5);
        assert_eq!(answers["a"]["t"], trace("1\n2\n3"));
        assert_eq!(
            answers["b"]["t"],
            Given::Unreadable {
                name: "t.txt".into(),
                reason: "'t.txt' has 3 lines: the traces of one submission may hold 5 lines together, and 2 are left".into(),
            }
        );
    }
}
