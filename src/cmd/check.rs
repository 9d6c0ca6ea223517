//! `gbl check`: check answers given on the command line, a trace, or an answer file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use indexmap::IndexMap;

use super::ExerciseSource;
use crate::check::answers;
use crate::check::render;
use crate::check::{Context, Given, Report, Status, check_exercise};
use crate::cli::{Format, Outcome};
use crate::exercise::load::Loaded;
use crate::exercise::model::Question;
use crate::fsutil::{read_trace_from, read_trace_text};
use crate::grade::quiz::Variant;
use crate::style::Paint;

/// Arguments of `gbl check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exercise to check (not needed with --answers).
    pub id: Option<String>,
    /// Answers as QUESTION=VALUE, e.g. x1=2.4 grad=0.6 df="(x-2)/5" verdict=diverges.
    #[arg(value_name = "QUESTION=VALUE")]
    pub answers: Vec<String>,
    /// An answer file (exercise id → question id → answer) to check in full.
    #[arg(long = "answers", value_name = "FILE", conflicts_with = "trace")]
    pub answer_file: Option<PathBuf>,
    /// A file with what your program printed, for the exercise's trace question; `-` reads
    /// standard input (python3 gd.py | gbl check gd-trace --trace -).
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz file: check against the numbers --student gets in it (with an answer file,
    /// for every exercise in it).
    #[arg(long, value_name = "QUIZ", requires = "student")]
    pub quiz: Option<PathBuf>,
    /// The student whose numbers to check against (with --quiz).
    #[arg(long, value_name = "NAME", requires = "quiz")]
    pub student: Option<String>,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// The answers given on the command line, by question.
fn cli_answers(l: &Loaded, args: &[String]) -> anyhow::Result<IndexMap<String, Given>> {
    let mut out = IndexMap::new();
    for a in args {
        let Some((q, v)) = a.split_once('=') else {
            bail!("expected QUESTION=VALUE, found '{a}'");
        };
        let q = q.trim();
        let Some(question) = l.exercise.questions.iter().find(|x| x.id() == q) else {
            let ids: Vec<&str> = l.exercise.questions.iter().map(Question::id).collect();
            bail!(
                "'{}' has no question '{q}' (its questions: {})",
                l.id,
                ids.join(", ")
            );
        };
        if let Question::Trace(_) = question {
            bail!("'{q}' is a trace question: give the file with --trace FILE");
        }
        if out
            .insert(q.to_string(), Given::Text(v.trim().to_string()))
            .is_some()
        {
            bail!("'{q}' is answered twice");
        }
    }
    Ok(out)
}

/// Checks one exercise with its default parameters.
pub fn check_one(
    l: &Loaded,
    given: &IndexMap<String, Given>,
    only_given: bool,
) -> anyhow::Result<crate::check::ExerciseReport> {
    check_variant(l, &Variant::default(), given, only_given)
}

/// Checks one exercise with the parameters of a variant (a student's in a quiz).
pub fn check_variant(
    l: &Loaded,
    variant: &Variant,
    given: &IndexMap<String, Given>,
    only_given: bool,
) -> anyhow::Result<crate::check::ExerciseReport> {
    let params = variant.params(l)?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
    let mut report = check_exercise(&ctx, given);
    if only_given {
        report.questions.retain(|q| given.contains_key(&q.id));
        report.score = crate::check::round_score(report.questions.iter().map(|q| q.score).sum());
        report.max_score =
            crate::check::round_score(report.questions.iter().map(|q| q.max_score).sum());
    }
    Ok(report)
}

/// Runs `gbl check`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = match (&args.answer_file, &args.id, &args.quiz) {
        (None, Some(id), None) => args.source.load_one(id)?,
        _ => args.source.load()?,
    };
    let variant = Variant::new(args.quiz.as_deref(), args.student.as_deref(), &exercises)?;
    let report = match (&args.answer_file, &args.id) {
        (Some(file), None) => {
            if !args.answers.is_empty() {
                bail!("give answers either on the command line or in --answers, not both");
            }
            let parsed = answers::read(file, &exercises)
                .map_err(|ds| crate::exercise::load::diagnostics_error(&ds))?;
            if parsed.answers.is_empty() {
                bail!("{}: the answer file names no exercise", file.display());
            }
            let mut reports = Vec::new();
            for (id, given) in &parsed.answers {
                let l = super::find(&exercises, id)?;
                reports.push(check_variant(l, &variant, given, false)?);
            }
            report_invalid(&parsed.source.name, &parsed.source.text, &reports);
            Report::new(reports)
        }
        (Some(_), Some(_)) => {
            bail!("with --answers, leave out the exercise id (the file names its exercises)")
        }
        (None, None) => {
            bail!("name an exercise (gbl check ID QUESTION=VALUE...) or give --answers FILE")
        }
        (None, Some(id)) => {
            let l = super::find(&exercises, id)?;
            let mut given = cli_answers(l, &args.answers)?;
            if let Some(trace) = &args.trace {
                let traces: Vec<&Question> = l
                    .exercise
                    .questions
                    .iter()
                    .filter(|q| matches!(q, Question::Trace(_)))
                    .collect();
                let [q] = traces.as_slice() else {
                    bail!("'{}' has no trace question", l.id);
                };
                given.insert(q.id().to_string(), read_cli_trace(trace)?);
            }
            if given.is_empty() {
                bail!(
                    "give answers as QUESTION=VALUE (questions of '{}': {}) or a trace with --trace FILE",
                    l.id,
                    l.exercise
                        .questions
                        .iter()
                        .map(Question::id)
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let r = Report::new(vec![check_variant(l, &variant, &given, true)?]);
            for q in r
                .exercises
                .iter()
                .flat_map(|e| &e.questions)
                .filter(|q| q.status == Status::Invalid)
            {
                eprintln!("error: {}: {}", q.id, q.feedback);
            }
            r
        }
    };
    match args.format {
        Format::Json => super::print_json(out, &render::json(&report))?,
        Format::Text => render::text(&report, paint, out)?,
    }
    Ok(outcome(&report))
}

/// 0 all correct, 1 something wrong or missing, 2 an answer that is not an answer.
pub fn outcome(r: &Report) -> Outcome {
    let statuses = r
        .exercises
        .iter()
        .flat_map(|e| e.questions.iter().map(|q| q.status));
    let mut outcome = Outcome::Correct;
    for s in statuses {
        match s {
            Status::Invalid => return Outcome::Invalid,
            Status::Wrong | Status::Missing => outcome = Outcome::Wrong,
            Status::Correct => {}
        }
    }
    outcome
}

/// Names, on standard error with file, line and column, every answer that is not an answer.
fn report_invalid(file: &str, text: &str, reports: &[crate::check::ExerciseReport]) {
    for e in reports {
        for q in e.questions.iter().filter(|q| q.status == Status::Invalid) {
            let pos = crate::exercise::locate::locate(text, &format!("{}.{}", e.id, q.id));
            eprintln!(
                "error: {file}:{}:{}: {}.{}: {}",
                pos.line, pos.col, e.id, q.id, q.feedback
            );
        }
    }
}

/// Reads the trace named on the command line: any file the student names, or standard input
/// for `-` (`python3 gd.py | gbl check gd-trace --trace -`).
fn read_cli_trace(trace: &Path) -> anyhow::Result<Given> {
    let (name, text) = if trace.as_os_str() == "-" {
        let text = read_trace_from(std::io::stdin().lock(), answers::MAX_TRACE_BYTES)
            .map_err(|e| anyhow::anyhow!("standard input: {e}"))?;
        ("stdin".to_string(), text)
    } else {
        let text = read_trace_text(trace, answers::MAX_TRACE_BYTES)
            .map_err(|e| anyhow::anyhow!("{}: cannot read it: {e}", trace.display()))?;
        let name = trace.file_name().map_or_else(
            || trace.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        (name, text)
    };
    Ok(Given::Trace { name, text })
}
