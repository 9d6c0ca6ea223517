//! `exercise ID`: the task with its numbers filled in, the commands that check it, and the
//! worked solution folded away in `<details>`.

use indexmap::IndexMap;

use super::Env;
use super::directive::{Directive, DirectiveError};
use super::form::{Field, FormOf, form};
use super::markdown::{code, escape, fence};
use crate::check::Context;
use crate::engine::{PyNum, Verdict};
use crate::exercise::compute::{Computed, Results, default_params};
use crate::exercise::load::Loaded;
use crate::exercise::model::{Question, TraceQuestion};
use crate::exercise::prompt::fill;
use crate::exercise::variant::choose;
use crate::pyfmt::Template;
use crate::reference_output::render::{StepFields, render_templates};

/// Runs an `exercise` directive: `exercise ID [NAME=VALUE...]`, the values choosing one of
/// the exercise's variants (so that the reader works on numbers the chapter did not print).
pub(crate) fn exercise(d: &Directive, env: &Env) -> Result<String, DirectiveError> {
    let Some(id) = d.positional.first() else {
        return Err(
            d.error("'exercise': missing an exercise id (e.g. {{#gbl exercise gd-one-step}})")
        );
    };
    let l = find(d, env, id)?;
    let fail = |e: String| d.error(format!("exercise '{id}' ({}): {e}", l.source.name));
    let names: Vec<&str> = l.exercise.params.keys().map(String::as_str).collect();
    d.expect(&["an exercise id"], &[], &names)?;
    let params = variant(d, l).map_err(&fail)?;
    let chosen = default_params(&l.exercise).map_err(|e| fail(e.to_string()))? != params;
    let ctx = Context::new(l, params.clone()).map_err(|e| fail(e.to_string()))?;
    let ex = &l.exercise;
    let filled = |t: &str| fill(&code_refs(t), &ctx.results).map_err(|e| fail(e.to_string()));

    let mut out = format!(
        "### {} ({}) {{#{}}}\n\n",
        escape(&gbl_core::t!("book-exercise-heading", title = ex.title)),
        code(id),
        id
    );
    let prompt = filled(&ex.prompt)?;
    let prompt: Vec<&str> = prompt
        .trim_end()
        .lines()
        .filter(|line| !line.trim_start().starts_with("(Book:"))
        .collect();
    out.push_str(prompt.join("\n").trim_end());
    out.push_str("\n\n");
    let mut answers = Vec::new();
    let mut traces: Vec<(&TraceQuestion, Vec<String>)> = Vec::new();
    let mut fields = Vec::new();
    for q in &ex.questions {
        let text = filled(q.prompt())?;
        let text = text.trim();
        let (prompt, trace, choices) = match q {
            Question::Trace(t) => {
                let lines = trace_lines(t, &ctx.results).map_err(&fail)?;
                let prompt = trace_item(t, text, lines.len());
                traces.push((t, lines));
                (prompt, true, Vec::new())
            }
            Question::Choice(c) => {
                answers.push(format!("{}=...", q.id()));
                let choices = c
                    .options
                    .clone()
                    .unwrap_or_else(|| Verdict::ALL.iter().map(|v| v.name().to_string()).collect());
                (text.to_string(), false, choices)
            }
            _ => {
                answers.push(format!("{}=...", q.id()));
                (text.to_string(), false, Vec::new())
            }
        };
        fields.push(Field {
            id: q.id(),
            prompt,
            trace,
            choices,
        });
    }
    let file = l
        .source
        .name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&l.source.name);
    out.push_str(&form(
        &FormOf {
            id,
            file,
            source: &l.source.text,
            params: &params,
            hints: ex.hints.len(),
        },
        &fields,
    ));
    let shown = chosen.then(|| shown_params(d));
    out.push_str(&commands(
        id,
        shown.as_deref(),
        &answers,
        !traces.is_empty(),
        !ex.hints.is_empty(),
    ));
    out.push_str(&worked(l, &ctx, &traces));
    Ok(out)
}

/// The parameters the directive asks for (`NAME=VALUE`), when they are one of the
/// exercise's variants.
fn variant(d: &Directive, l: &Loaded) -> Result<IndexMap<String, PyNum>, String> {
    let mut asked = IndexMap::new();
    for (name, value) in &d.named {
        let n = value
            .parse::<i64>()
            .map(PyNum::Int)
            .or_else(|_| value.parse::<f64>().map(PyNum::Float))
            .map_err(|_| format!("{name}={value} is not a number"))?;
        asked.insert(name.clone(), n);
    }
    choose(&l.id, &l.exercise, &asked).map_err(|e| e.to_string())
}

/// The directive's `NAME=VALUE` pairs as `--params` takes them.
fn shown_params(d: &Directive) -> String {
    let pairs: Vec<String> = d.named.iter().map(|(k, v)| format!("{k}={v}")).collect();
    pairs.join(" ")
}

/// The exercise `id`, or an error naming the ids it may have meant.
fn find<'a>(d: &Directive, env: &'a Env, id: &str) -> Result<&'a Loaded, DirectiveError> {
    if let Some(l) = env.exercises.iter().find(|l| l.id == id) {
        return Ok(l);
    }
    let ids: Vec<&str> = env.exercises.iter().map(|l| l.id.as_str()).collect();
    let near: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|other| {
            similar::TextDiff::from_chars(id, *other).ratio() > 0.6 || other.contains(id)
        })
        .take(3)
        .collect();
    let hint = if near.is_empty() {
        format!("known: {}", ids.join(", "))
    } else {
        format!("did you mean {}?", near.join(", "))
    };
    let broken = if env.broken.is_empty() {
        String::new()
    } else {
        format!("; files that did not load: {}", env.broken.join("; "))
    };
    Err(d.error(format!(
        "there is no exercise '{id}' in {} ({hint}){broken}",
        env.origin
    )))
}

/// The item of a trace question: its prompt, the templates it prints with, how many lines.
fn trace_item(t: &TraceQuestion, text: &str, lines: usize) -> String {
    let shape: Vec<String> = t
        .header
        .iter()
        .chain(&t.step)
        .chain(&t.footer)
        .map(|s| code(s))
        .collect();
    format!(
        "{text} It prints with {}: {lines} lines in all.",
        shape.join(", ")
    )
}

/// The commands that check the exercise `id` with the numbers `params` (`--params`, when
/// they are not the defaults): its `answers` as `q=...`, and a trace when it `has_trace`;
/// then `gbl show` and, when it `has_hints`, `gbl hint`.
fn commands(
    id: &str,
    params: Option<&str>,
    answers: &[String],
    has_trace: bool,
    has_hints: bool,
) -> String {
    let mut out = format!("\n{}\n\n", gbl_core::t!("book-command-line"));
    let id_p = match params {
        Some(p) => format!("{id} --params '{p}'"),
        None => id.to_string(),
    };
    let id = id_p.as_str();
    let mut commands = Vec::new();
    if !answers.is_empty() {
        commands.push(format!("$ gbl check {id} {}", answers.join(" ")));
    }
    if has_trace {
        commands.push("$ python3 your_program.py > out.txt".to_string());
        commands.push(format!("$ gbl check {id} --trace out.txt"));
    }
    out.push_str(&fence("console", &commands));
    let show = code(&format!("gbl show {id}"));
    let more = if has_hints {
        let hint = code(&format!("gbl hint {id}"));
        gbl_core::t!("book-show-and-hint", show = show, hint = hint)
    } else {
        gbl_core::t!("book-show", show = show)
    };
    out.push_str(&format!("\n{more}\n\n"));
    out
}

/// The worked solution, folded away, with what each trace question's program prints.
fn worked(l: &Loaded, ctx: &Context, traces: &[(&TraceQuestion, Vec<String>)]) -> String {
    let mut out = format!(
        "<details>\n<summary>{}</summary>\n\n",
        gbl_core::t!("book-worked-solution")
    );
    for line in crate::solve::worked(&l.exercise, &ctx.results) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.ends_with(':') {
            out.push_str(&format!("\n{}\n\n", escape_outside_code(line)));
        } else {
            out.push_str(&format!("- {}\n", escape_outside_code(line)));
        }
    }
    for (t, lines) in traces {
        out.push_str(&format!(
            "\n{}\n\n",
            gbl_core::t!("book-program-prints", question = code(&t.id))
        ));
        out.push_str(&fence("text", lines));
    }
    out.push_str("\n</details>\n");
    out
}

/// Wraps each `{{RUN.f}}` and `{{RUN.derivative...}}` placeholder (an expression) in
/// backticks, so that its `*` and `^` are shown as written.
fn code_refs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else {
            break;
        };
        let key = rest[open + 2..open + close].trim();
        let is_expr = key.ends_with(".f") || key.contains(".derivative");
        let before = rest[..open].chars().last().or_else(|| out.chars().last());
        let in_code = before == Some('`');
        out.push_str(&rest[..open]);
        let placeholder = &rest[open..open + close + 2];
        if is_expr && !in_code {
            out.push('`');
            out.push_str(placeholder);
            out.push('`');
        } else {
            out.push_str(placeholder);
        }
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    out
}

/// Markdown-escapes a line, except inside its `code spans`.
fn escape_outside_code(line: &str) -> String {
    line.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("`{part}`")
            } else {
                escape(part)
            }
        })
        .collect()
}

/// What a program printing with a trace question's templates prints.
fn trace_lines(t: &TraceQuestion, results: &Results) -> Result<Vec<String>, String> {
    let Some(Computed::Descent(dr)) = results.runs.get(&t.run) else {
        return Err(format!("'{}' is not a descent run", t.run));
    };
    let parse = |ts: &[String]| -> Result<Option<Template>, String> {
        if ts.is_empty() {
            return Ok(None);
        }
        Template::parse(&ts.join("\n"))
            .map(Some)
            .map_err(|e| e.message)
    };
    let header = parse(&t.header)?;
    let step = parse(&t.step)?.ok_or("a trace question needs a step template")?;
    let footer = parse(&t.footer)?;
    let mut lines = Vec::new();
    render_templates(
        &StepFields::new(&dr.run),
        header.as_ref(),
        &step,
        footer.as_ref(),
        &mut lines,
    )
    .map_err(|e| e.message)?;
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_go_in_backticks() {
        assert_eq!(
            code_refs("f(x) = {{main.f}} at x = {{x0}}, f' = {{main.derivative.x}}"),
            "f(x) = `{{main.f}}` at x = {{x0}}, f' = `{{main.derivative.x}}`"
        );
        assert_eq!(code_refs("`{{main.f}}`"), "`{{main.f}}`");
    }

    #[test]
    fn code_spans_survive_escaping() {
        assert_eq!(escape_outside_code("Run `a*b`: x*y"), "Run `a*b`: x\\*y");
    }
}
