//! `gbl check`: check answers given on the command line, a trace, or an answer file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use indexmap::IndexMap;

use super::ExerciseSource;
use super::student::{Student, StudentArgs, check_file};
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
    /// An answer file (exercise id → question id → answer) to check in full; `--answers`
    /// alone, or `gbl check` with no exercise, reads ./answers.yaml.
    #[arg(
        long = "answers",
        value_name = "FILE",
        conflicts_with = "trace",
        num_args = 0..=1,
        default_missing_value = "answers.yaml"
    )]
    pub answer_file: Option<PathBuf>,
    /// A file with what your program printed, for the exercise's trace question; `-` reads
    /// standard input (python3 gd.py | gbl check gd-trace --trace -).
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Show the answer of every question that is not right (otherwise shown only after
    /// 'gbl solve' or the last hint).
    #[arg(long)]
    pub reveal: bool,
    /// A quiz and a student: that student's numbers, the quiz's exercises and points.
    #[command(flatten)]
    pub student: StudentArgs,
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
            let near = answers::did_you_mean(q, ids.iter().copied())
                .map(|m| format!("{m} "))
                .unwrap_or_default();
            bail!(
                "'{}' has no question '{q}' ({near}its questions: {})",
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
pub fn run(mut args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    // `gbl check` alone checks ./answers.yaml when there is one.
    if args.id.is_none() && args.answer_file.is_none() && Path::new("answers.yaml").is_file() {
        args.answer_file = Some(PathBuf::from("answers.yaml"));
    }
    let exercises = match (&args.answer_file, &args.id, &args.student.quiz) {
        (None, Some(id), None) => args.source.load_one(id)?,
        _ => args.source.load()?,
    };
    let student = Student::new(&args.student, &exercises)?;
    student.allow_reveal(args.reveal)?;
    let reveal = student.revealer(&exercises, args.reveal);
    let report = match (&args.answer_file, &args.id) {
        (Some(file), None) => {
            if !args.answers.is_empty() {
                bail!("give answers either on the command line or in --answers, not both");
            }
            let fc = check_file(file, &exercises, &student)?;
            match args.format {
                Format::Json => super::print_json(out, &super::report::json(&fc, &reveal))?,
                Format::Text => super::report::text(&fc, &reveal, paint, out)?,
            }
            return Ok(fc.outcome());
        }
        (Some(_), Some(_)) => {
            bail!("with --answers, leave out the exercise id (the file names its exercises)")
        }
        (None, None) => {
            bail!(
                "name an exercise (gbl check ID QUESTION=VALUE...) or give --answers FILE (there is no ./answers.yaml; 'gbl init' writes one)"
            )
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
            // Every question counts: one left out is reported as not answered.
            let r = Report::new(vec![student.check(l, &given)?]);
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
        Format::Json => super::print_json(out, &render::json(&report, &reveal))?,
        Format::Text => render::text(&report, &reveal, paint, out)?,
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

/// Trace files larger than this are judged while they are read, when they can be.
const STREAM_ABOVE: u64 = 1 << 20;

/// Reads the trace named on the command line: any file the student names, or standard input
/// for `-` (`python3 gd.py | gbl check gd-trace --trace -`).
fn read_cli_trace(trace: &Path) -> anyhow::Result<Given> {
    if trace.as_os_str() == "-" {
        let text = read_trace_from(std::io::stdin().lock(), answers::MAX_TRACE_BYTES)
            .map_err(|e| anyhow::anyhow!("standard input: {e}"))?;
        return Ok(Given::Trace {
            name: "stdin".to_string(),
            text,
        });
    }
    let name = trace.file_name().map_or_else(
        || trace.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if crate::fsutil::check_regular(trace).is_ok_and(|m| m.len() > STREAM_ABOVE)
        && crate::fsutil::is_plain_utf8(trace, answers::MAX_TRACE_BYTES)
    {
        // Judged while it is read: a million-line trace is never held whole.
        return Ok(Given::TraceFile {
            name,
            path: trace.to_path_buf(),
        });
    }
    let text = read_trace_text(trace, answers::MAX_TRACE_BYTES).map_err(|e| {
        // `--trace /dev/stdin` from a pipe is a FIFO: say how a pipe is read.
        let pipe = match e {
            crate::fsutil::ReadError::NotRegular(kind) if kind.contains("FIFO") => {
                " (to read what a program pipes in, write --trace -)"
            }
            _ => "",
        };
        anyhow::anyhow!("{}: cannot read it: {e}{pipe}", trace.display())
    })?;
    Ok(Given::Trace { name, text })
}
