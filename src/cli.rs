//! The command line: the subcommands (each one's arguments are in its file under
//! [`crate::cmd`]), and the one place where outcomes become exit codes.
//!
//! Exit codes: 0 everything checked is correct; 1 checked, and something is wrong or missing;
//! 2 could not check (usage error, unknown exercise, unreadable or malformed input).

use gbl_core::i18n::Lang;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::cmd::{self, Outcome};
use crate::fsutil::QuietPipe;
use crate::render::json::{error_doc, print_json};
use crate::style::ColorChoice;

/// gbl checks exercises on gradient descent and backpropagation.
#[derive(Debug, Parser)]
#[command(name = "gbl", version, about, long_about = None, max_term_width = 100)]
pub(crate) struct Cli {
    /// When to use colour: auto (on a terminal without NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The language of what gbl says to you: en or ko (한국어). Without it, LC_ALL,
    /// LC_MESSAGES or LANG decide (a value starting with "ko" means Korean). Numbers, ids,
    /// file names and JSON keys are the same in both.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// The derivative of an expression, and its value at a point.
    Derive(cmd::derive::Args),
    /// Run gradient descent and print every step and the verdict.
    Descend(cmd::descend::Args),
    /// Forward and backward passes through a graph of named nodes.
    Backprop(cmd::backprop::Args),
    /// Write a starter folder: answers.yaml with every question, starter programs for traces.
    Init(cmd::init::Args),
    /// Every exercise with its chapter (and, with --answers, whether it passes).
    List(cmd::list::Args),
    /// The task of an exercise, with its numbers filled in.
    Show(cmd::show::Args),
    /// Check answers: gbl check ID QUESTION=VALUE..., gbl check ID --trace FILE, or
    /// gbl check --answers FILE.
    Check(cmd::check::Args),
    /// The next hint for an exercise (each call shows one more).
    Hint(cmd::hint::Args),
    /// A worked solution, step by step.
    Solve(cmd::solve::Args),
    /// Re-check an answer file whenever it is saved.
    Watch(cmd::watch::Args),
    /// Check exercise files: every problem with file, line and column.
    Validate(cmd::validate::Args),
    /// Print the JSON Schema of exercise files.
    Schema(cmd::schema::Args),
    /// Print shell completions.
    Completions(cmd::completions::Args),
    /// Print the man page (roff).
    Man,
    /// Grade a folder of submissions against a quiz and write a gradebook.
    Grade(cmd::grade::Args),
    /// Write Gradescope's autograder for a quiz (setup.sh, run_autograder, the quiz, its
    /// exercises and gbl) as one zip to upload.
    Gradescope(cmd::gradescope::Args),
    /// The book's mdBook preprocessor (mdBook runs it; see book/book.toml).
    Mdbook(cmd::mdbook::Args),
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn main() -> ExitCode {
    let json = wants_json(std::env::args_os().skip(1));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = e.exit_code();
            // Help and version as clap writes them; a mistake on the command line in the
            // student's language (clap's own sentences are English).
            match parse_error_text(&e, lang_of_args(std::env::args_os().skip(1))) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            if json && code == 2 {
                let first = e.kind().to_string();
                let msg = e.to_string();
                let msg = msg.lines().next().unwrap_or(&first);
                let msg = msg.strip_prefix("error: ").unwrap_or(msg);
                print_error_json(&error_doc(msg));
            }
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(Outcome::Correct) => ExitCode::SUCCESS,
        Ok(Outcome::Wrong) => ExitCode::from(1),
        Ok(Outcome::Invalid) => ExitCode::from(2),
        Err(e) => {
            eprintln!("{}: {e:#}", gbl_core::t!("cli-error"));
            if json {
                print_error_json(&error_doc(&format!("{e:#}")));
            }
            ExitCode::from(2)
        }
    }
}

/// Whether the command line asks for `--format json` (read before parsing, so that a
/// usage error is a JSON document too).
fn wants_json(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter().any(|a| a == "--format=json")
        || args
            .windows(2)
            .any(|w| w[0] == "--format" && w[1] == "json")
}

/// The language a command line asks for before it is parsed: `--lang L` or `--lang=L`, else
/// the environment's.
fn lang_of_args(args: impl Iterator<Item = std::ffi::OsString>) -> Lang {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => args.get(i + 1).cloned(),
            None => None,
        });
    given
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()))
}

/// A mistake on the command line in `lang` (`None`: clap's own text, as for English, help and
/// the version): what is wrong, with the argument or value named, and where to read more.
fn parse_error_text(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let ctx = |k: ContextKind| -> String {
        match e.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        }
    };
    gbl_core::i18n::with(lang, || {
        let message = match e.kind() {
            ErrorKind::InvalidSubcommand => gbl_core::t!(
                "cli-parse-subcommand",
                name = ctx(ContextKind::InvalidSubcommand)
            ),
            ErrorKind::UnknownArgument => {
                gbl_core::t!("cli-parse-argument", name = ctx(ContextKind::InvalidArg))
            }
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => gbl_core::t!(
                "cli-parse-value",
                value = ctx(ContextKind::InvalidValue),
                name = ctx(ContextKind::InvalidArg)
            ),
            ErrorKind::MissingRequiredArgument => {
                gbl_core::t!("cli-parse-missing", names = ctx(ContextKind::InvalidArg))
            }
            ErrorKind::ArgumentConflict => gbl_core::t!(
                "cli-parse-conflict",
                name = ctx(ContextKind::InvalidArg),
                other = ctx(ContextKind::PriorArg)
            ),
            _ => gbl_core::t!("cli-parse-other"),
        };
        let mut text = format!("{}: {message}\n", gbl_core::t!("cli-error"));
        for (kind, id) in [
            (ContextKind::SuggestedSubcommand, "cli-parse-did-you-mean"),
            (ContextKind::SuggestedArg, "cli-parse-did-you-mean"),
            (ContextKind::SuggestedValue, "cli-parse-did-you-mean"),
            (ContextKind::ValidValue, "cli-parse-valid-values"),
        ] {
            let v = ctx(kind);
            if !v.is_empty() {
                text.push_str(&gbl_core::i18n::tr(id, &[("names", &v)]));
                text.push('\n');
            }
        }
        let usage = ctx(ContextKind::Usage);
        if !usage.is_empty() {
            let usage = usage
                .trim_end()
                .replacen("Usage:", &gbl_core::t!("cli-parse-usage"), 1);
            text.push_str(&format!("\n{usage}\n"));
        }
        text.push_str(&gbl_core::t!("cli-parse-help"));
        text.push('\n');
        Some(text)
    })
}

fn print_error_json(doc: &serde_json::Value) {
    let mut out = std::io::stdout().lock();
    let _ = print_json(&mut out, doc);
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            // A JSON document cut short: serde_json wraps the write error.
            || c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}

/// `--lang`: a language gbl speaks.
fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("'{s}' is not a language gbl speaks (en, ko)"))
}

/// Runs a parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()));
    gbl_core::i18n::set(lang);
    let paint = cli.color.paint();
    let mut out = QuietPipe::new(std::io::stdout().lock());
    match cli.command {
        Command::Derive(args) => cmd::derive::run(args, paint, &mut out),
        Command::Descend(args) => cmd::descend::run(args, paint, &mut out),
        Command::Backprop(args) => cmd::backprop::run(args, paint, &mut out),
        Command::Init(args) => cmd::init::run(args, paint, &mut out),
        Command::List(args) => cmd::list::run(args, paint, &mut out),
        Command::Show(args) => cmd::show::run(args, paint, &mut out),
        Command::Check(args) => cmd::check::run(args, paint, &mut out),
        Command::Hint(args) => cmd::hint::run(args, paint, &mut out),
        Command::Solve(args) => cmd::solve::run(args, paint, &mut out),
        // Watching never ends by itself: a reader that went away ends it, quietly.
        Command::Watch(args) => match cmd::watch::run(args, paint, &mut std::io::stdout().lock()) {
            Err(e) if is_broken_pipe(&e) => Ok(Outcome::Correct),
            other => other,
        },
        Command::Validate(args) => cmd::validate::run(args, paint, &mut out),
        Command::Schema(args) => cmd::schema::run(args, &mut out),
        Command::Completions(args) => cmd::completions::run(args, Cli::command(), &mut out),
        Command::Man => cmd::completions::man(Cli::command(), &mut out),
        Command::Grade(args) => cmd::grade::run(args, paint, &mut out),
        Command::Gradescope(args) => cmd::gradescope::run(args, paint, &mut out),
        Command::Mdbook(args) => cmd::mdbook::run(args, &mut out),
    }
}
