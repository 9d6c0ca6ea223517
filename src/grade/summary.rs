//! The class summary: the score distribution, each question's success rate and its most
//! common diagnosed mistakes, so the instructor knows what to re-teach. Built as data while
//! grading ([`Tally::add`]), then rendered ([`render`]).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use super::Graded;
use crate::check::Status;
use crate::style::Paint;

/// Bins of the score histogram (tenths of the maximum).
pub(crate) const BINS: usize = 10;

/// The most unreadable submissions listed by name in the summary; the rest are counted.
pub(crate) const MAX_LISTED: usize = 20;

/// One question's results over the class.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct QuestionTally {
    /// `exercise.question`.
    pub name: String,
    /// Students who got it right.
    pub correct: usize,
    /// Students who got part of the credit (a trace with some lines right).
    pub partial: usize,
    /// Students who gave no answer.
    pub missing: usize,
    /// Diagnosed mistake code → how many students made it.
    pub mistakes: BTreeMap<String, usize>,
}

/// The class's results so far: a few numbers per student and per question.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Tally {
    /// The quiz's title.
    pub title: String,
    /// The quiz's total points.
    pub max_score: f64,
    /// Every student's score (one number each).
    pub scores: Vec<f64>,
    /// Students with something that could not be read.
    pub with_problems: usize,
    /// The first [`MAX_LISTED`] of them, with their first reason.
    pub unreadable: Vec<(String, String)>,
    /// Each question, in the quiz's order.
    pub questions: Vec<QuestionTally>,
    /// Entries of the submissions folder that are not submissions.
    pub ignored: Vec<String>,
    /// Traces with another student's numbers: `student: exercise.question: the numbers of
    /// student X's variant`.
    pub copies: Vec<String>,
    /// Roster students without a submission (they score 0 and count in the mean).
    pub missing: BTreeSet<String>,
    /// How many students the roster lists (0 without a roster).
    pub roster_size: usize,
    /// Students with a submission who are not on the roster.
    pub not_on_roster: Vec<String>,
}

impl Tally {
    /// An empty tally for a quiz.
    pub(crate) fn new(title: &str, max_score: f64) -> Tally {
        Tally {
            title: title.to_string(),
            max_score,
            ..Tally::default()
        }
    }

    /// Counts one graded submission.
    pub(crate) fn add(&mut self, g: &Graded) {
        self.scores.push(g.score);
        if self.missing.contains(&g.student) {
            // Counted as missing, not as unreadable.
        } else if let Some(first) = g.problems.first() {
            self.with_problems += 1;
            if self.unreadable.len() < MAX_LISTED {
                let reason = first.split_whitespace().collect::<Vec<_>>().join(" ");
                self.unreadable.push((g.student.clone(), reason));
            }
        }
        let qs = g
            .exercises
            .iter()
            .flat_map(|e| e.questions.iter().map(move |q| (e, q)));
        for (k, (e, q)) in qs.enumerate() {
            if self.questions.len() <= k {
                self.questions.push(QuestionTally {
                    name: format!("{}.{}", e.id, q.id),
                    ..QuestionTally::default()
                });
            }
            let t = &mut self.questions[k];
            match q.status {
                Status::Correct => t.correct += 1,
                Status::Missing => t.missing += 1,
                Status::Wrong | Status::Invalid if q.score > 0.0 => t.partial += 1,
                Status::Wrong | Status::Invalid => {}
            }
            if let Some(m) = &q.mistake {
                *t.mistakes.entry(m.clone()).or_default() += 1;
                if m == "other-variant" {
                    let what = q.feedback.split(", not yours").next().unwrap_or_default();
                    self.copies
                        .push(format!("{}: {}.{}: {what}", g.student, e.id, q.id));
                }
            }
        }
    }

    /// How many scores fall in each tenth of the maximum (a full score in the last).
    pub(crate) fn histogram(&self) -> [usize; BINS] {
        let mut bins = [0; BINS];
        for s in &self.scores {
            let frac = if self.max_score > 0.0 {
                s / self.max_score
            } else {
                0.0
            };
            let k = ((frac * BINS as f64).floor().max(0.0) as usize).min(BINS - 1);
            bins[k] += 1;
        }
        bins
    }

    /// The mean and the median score.
    pub(crate) fn mean_median(&self) -> (f64, f64) {
        let n = self.scores.len();
        if n == 0 {
            return (0.0, 0.0);
        }
        let mean = self.scores.iter().sum::<f64>() / n as f64;
        let mut sorted = self.scores.clone();
        sorted.sort_by(f64::total_cmp);
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        (mean, median)
    }
}

/// "12 submissions", or with a roster's missing students "13 students (1 without a
/// submission)".
fn counted(n: usize, missing: usize) -> String {
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if missing == 0 {
        format!("{n} submission{}", s(n))
    } else {
        format!("{n} student{} ({missing} without a submission)", s(n))
    }
}

/// The first [`MAX_LISTED`] names, then how many more.
fn listed<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    let n = names.len();
    let mut shown: Vec<&str> = names.take(MAX_LISTED).collect();
    let more;
    if n > MAX_LISTED {
        more = format!("and {} more", n - MAX_LISTED);
        shown.push(&more);
    }
    shown.join(", ")
}

/// At most `max` characters of `s`, with `…` when cut.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// A score as shown: at most 2 decimals, trailing zeros dropped (`23.09`, `22`).
pub(crate) fn score(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The summary as text: the totals, the score distribution, each question, then what
/// could not be graded as usual.
pub(crate) fn render(t: &Tally, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    write_distribution(t, paint, out)?;
    write_questions(t, paint, out)?;
    write_notes(t, paint, out)
}

/// The title with the totals, and the histogram of scores.
fn write_distribution(t: &Tally, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    let n = t.scores.len();
    let (mean, median) = t.mean_median();
    writeln!(
        out,
        "{}  {}",
        paint.strong(&t.title),
        paint.dim(&format!(
            "{} · mean {}/{} · median {}",
            counted(n, t.missing.len()),
            score(mean),
            score(t.max_score),
            score(median)
        ))
    )?;
    writeln!(out)?;
    writeln!(out, "{}", paint.strong("score distribution"))?;
    let bins = t.histogram();
    let top = bins.iter().copied().max().unwrap_or(0).max(1);
    for (k, count) in bins.iter().enumerate() {
        let bar = "#".repeat((count * 30).div_ceil(top));
        let hi = if k + 1 == BINS { "]" } else { ")" };
        let line = format!(
            "  [{:>3}%, {:>3}%{hi} {:>4}",
            k * 100 / BINS,
            (k + 1) * 100 / BINS,
            count
        );
        if bar.is_empty() {
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{line}  {}", paint.good(&bar))?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// Each question: how many got it right, and the most common mistakes.
fn write_questions(t: &Tally, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    let n = t.scores.len();
    writeln!(
        out,
        "{}",
        paint.strong("questions: right / all, and the most common mistakes")
    )?;
    let width = t
        .questions
        .iter()
        .map(|q| q.name.chars().count())
        .max()
        .unwrap_or(0);
    for q in &t.questions {
        let pct = (q.correct * 100).checked_div(n).unwrap_or(0);
        let mut common: Vec<(&String, &usize)> = q.mistakes.iter().collect();
        common.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let common: Vec<String> = common
            .iter()
            .take(3)
            .map(|(code, k)| format!("{code} ×{k}"))
            .collect();
        let rate = format!("{:>4}/{:<4} {:>3}%", q.correct, n, pct);
        let rate = if pct >= 75 {
            paint.good(&rate)
        } else if pct >= 50 {
            paint.warn(&rate)
        } else {
            paint.bad(&rate)
        };
        let mut missing = String::new();
        if q.partial > 0 {
            missing.push_str(&format!("  {} partly right", q.partial));
        }
        if q.missing > 0 {
            missing.push_str(&format!("  {} unanswered", q.missing));
        }
        let line = format!("  {:<width$}  {rate}{missing}", q.name);
        if common.is_empty() {
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{line}  {}", paint.dim(&common.join(", ")))?;
        }
    }
    Ok(())
}

/// Unreadable submissions, the roster's absent students and strangers, ignored entries
/// and copied traces.
fn write_notes(t: &Tally, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    let n = t.scores.len();
    if t.with_problems > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.warn(&format!(
                "{} of {} submissions have parts that could not be read (see the error column):",
                t.with_problems,
                n - t.missing.len()
            ))
        )?;
        for (student, reason) in &t.unreadable {
            writeln!(out, "  {student}: {}", clip(reason, 160))?;
        }
        if t.with_problems > t.unreadable.len() {
            writeln!(out, "  and {} more", t.with_problems - t.unreadable.len())?;
        }
    }
    if !t.missing.is_empty() {
        writeln!(
            out,
            "{}",
            paint.warn(&format!(
                "{} of {} students on the roster handed in nothing: {}",
                t.missing.len(),
                t.roster_size,
                listed(t.missing.iter().map(String::as_str))
            ))
        )?;
    }
    if !t.not_on_roster.is_empty() {
        writeln!(
            out,
            "{}",
            paint.warn(&format!(
                "not on the roster, graded anyway: {}",
                listed(t.not_on_roster.iter().map(String::as_str))
            ))
        )?;
    }
    if !t.ignored.is_empty() {
        writeln!(
            out,
            "{}",
            paint.dim(&format!(
                "not submissions, ignored: {}",
                t.ignored.join(", ")
            ))
        )?;
    }
    if !t.copies.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.warn("traces with another student's numbers:")
        )?;
        for c in &t.copies {
            writeln!(out, "  {c}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_put_a_full_score_in_the_last_tenth() {
        let mut t = Tally::new("T", 10.0);
        t.scores = vec![0.0, 0.99, 1.0, 5.5, 9.99, 10.0];
        assert_eq!(t.histogram(), [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
        assert_eq!(t.mean_median(), (27.48 / 6.0, 3.25));
    }
}
