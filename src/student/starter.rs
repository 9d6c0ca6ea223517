//! The files of a starter folder (`gbl init`): `answers.yaml` with every exercise and
//! question id and an empty value (an empty value is "not answered"), each prompt, with the
//! student's numbers, as a comment; and for each trace exercise a starter Python program that
//! prints the required lines from placeholders, with the start and the update left to the
//! student (`# TODO`), never the solution.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::check::Context;
use crate::exercise::compute::Computed;
use crate::exercise::load::Loaded;
use crate::exercise::model::{Question, TraceQuestion};
use crate::exercise::prompt::fill;
use gbl_core::t;

use super::Student;

fn comment(text: &str, indent: &str) -> String {
    text.trim_end()
        .lines()
        .map(|l| format!("{indent}# {l}\n").replace("# \n", "#\n"))
        .collect()
}

/// The answer file: every exercise and question, prompts as comments, values empty.
fn answers_yaml(items: &[(&Loaded, Context)]) -> String {
    let mut s = comment(&t!("cli-starter-answers-header"), "");
    for (l, ctx) in items {
        let fill_or = |t: &str| fill(t, &ctx.results).unwrap_or_else(|_| t.to_string());
        let _ = write!(
            s,
            "\n# {} (gbl show {})\n{}{}:\n",
            l.exercise.title,
            l.id,
            comment(&fill_or(&l.exercise.prompt), ""),
            l.id
        );
        for q in &l.exercise.questions {
            s.push_str(&comment(&fill_or(q.prompt()), "  "));
            match q {
                Question::Trace(_) => {
                    let _ = writeln!(s, "  #   {}", t!("cli-starter-trace-answer", id = l.id));
                    let _ = writeln!(s, "  {}:", q.id());
                }
                _ => {
                    let _ = writeln!(s, "  {}:", q.id());
                }
            }
        }
    }
    s
}

/// The names a print template uses: `{i}-th x: {x:.4f}` → i, x.
fn fields(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in template.split('{').skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn py_print(template: &str) -> String {
    format!(
        "print(f\"{}\")",
        template.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

/// A starter program: placeholders for every printed value, the lines printed as the
/// exercise wants them, the start and the update left as TODOs.
fn starter_py(l: &Loaded, t: &TraceQuestion, ctx: &Context) -> String {
    let steps = match ctx.results.runs.get(&t.run) {
        Some(Computed::Descent(d)) => d.run.len().saturating_sub(1),
        _ => 0,
    };
    let mut names: Vec<String> = Vec::new();
    for tpl in t.header.iter().chain(&t.step).chain(&t.footer) {
        for f in fields(tpl) {
            if f != "i" && !names.contains(&f) {
                names.push(f);
            }
        }
    }
    let mut s = comment(
        &t!("cli-starter-py-header", title = l.exercise.title, id = l.id),
        "",
    );
    s.push('\n');
    for n in &names {
        let _ = writeln!(s, "{n} = 0.0  # {}", t!("cli-starter-py-start", name = n));
    }
    for h in &t.header {
        let _ = writeln!(s, "{}", py_print(h));
    }
    if !t.step.is_empty() {
        let _ = writeln!(s, "\nfor i in range(1, {steps} + 1):");
        s.push_str(&comment(&t!("cli-starter-py-update"), "    "));
        for st in &t.step {
            let _ = writeln!(s, "    {}", py_print(st));
        }
    }
    for f in &t.footer {
        let _ = writeln!(s, "{}", py_print(f));
    }
    s
}

/// The files of a starter folder in `dir` for `student`: the answer file, then a starter
/// program for each trace question, each with its text.
pub(crate) fn starter_files(
    dir: &Path,
    student: &Student,
    exercises: &[Loaded],
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let mut items = Vec::new();
    for l in student.scope(exercises) {
        let params = student.variant.params(l)?;
        let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
        items.push((l, ctx));
    }
    let mut files: Vec<(PathBuf, String)> = vec![(dir.join("answers.yaml"), answers_yaml(&items))];
    for (l, ctx) in &items {
        for q in &l.exercise.questions {
            if let Question::Trace(t) = q {
                files.push((dir.join(format!("{}.py", l.id)), starter_py(l, t, ctx)));
            }
        }
    }
    Ok(files)
}
