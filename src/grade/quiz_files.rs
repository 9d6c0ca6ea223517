//! Reading quiz files, and whose numbers `show` and `check` use ([`Variant`]). The quiz
//! format, its parsing from text and its checks are the core's (`gbl_core::grade::quiz`),
//! re-exported with these as `grade::quiz`.

use std::path::Path;

use indexmap::IndexMap;

use crate::engine::PyNum;
use crate::exercise::compute::default_params;
use crate::exercise::load::{Diagnostic, Loaded, Source};
use crate::exercise::variant::choose;
use crate::fsutil::read_text;
use gbl_core::grade::quiz::{LoadedQuiz, parse, problems};

/// The largest quiz file read, in bytes.
pub(crate) const MAX_QUIZ_BYTES: u64 = 1 << 20;

/// Whether a YAML text looks like a quiz rather than an exercise: a mapping with an
/// `exercises:` key and no `runs:`.
pub(crate) fn looks_like_quiz(text: &str) -> bool {
    crate::exercise::sources::looks_like_quiz(text)
}

/// Whether the file at `path` is a quiz (see [`looks_like_quiz`]); unreadable files are not.
pub(crate) fn is_quiz_file(path: &Path) -> bool {
    read_text(path, MAX_QUIZ_BYTES).is_ok_and(|t| looks_like_quiz(&t))
}

/// Reads a quiz file.
pub fn read(path: &Path) -> Result<LoadedQuiz, Diagnostic> {
    let name = path.display().to_string();
    let text = read_text(path, MAX_QUIZ_BYTES).map_err(|e| Diagnostic {
        file: name.clone(),
        pos: None,
        message: format!("cannot read the quiz: {e}"),
    })?;
    parse(Source { name, text })
}

/// The quiz for `show` and `check`: read, parsed, and refused with every problem's position
/// when it is not usable (the exercises' variants are proved by `gbl validate` and
/// `gbl grade`, not here).
pub(crate) fn load_for_student(path: &Path, exercises: &[Loaded]) -> anyhow::Result<LoadedQuiz> {
    let q = read(path).map_err(|d| anyhow::anyhow!("{d}"))?;
    let problems = problems(&q, exercises, false);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        anyhow::bail!("{}", lines.join("\n"));
    }
    Ok(q)
}

/// Whose numbers `show` and `check` use: the exercise's defaults, a student's own from a
/// quiz (`--quiz QUIZ --student NAME`), or one variant named by its numbers (`--params`, as
/// the book's answer forms carry them in `data-gbl-params`).
#[derive(Clone, Debug, Default)]
pub struct Variant {
    quiz: Option<(LoadedQuiz, String)>,
    /// `--params`: the numbers asked for, as given.
    fixed: Option<IndexMap<String, PyNum>>,
}

impl Variant {
    /// The defaults without a quiz; a student's variant with one (both must be given).
    pub fn new(
        quiz: Option<&Path>,
        student: Option<&str>,
        exercises: &[Loaded],
    ) -> anyhow::Result<Variant> {
        match (quiz, student) {
            (None, None) => Ok(Variant::default()),
            (Some(q), Some(s)) => Ok(Variant {
                quiz: Some((load_for_student(q, exercises)?, s.to_string())),
                fixed: None,
            }),
            _ => anyhow::bail!("give --quiz and --student together"),
        }
    }

    /// The variant with the numbers `params` (see [`parse_params`]) in place of the defaults.
    pub fn fixed(params: IndexMap<String, PyNum>) -> Variant {
        Variant {
            quiz: None,
            fixed: Some(params),
        }
    }

    /// The parameters of an exercise; an exercise outside the quiz is an error.
    pub fn params(&self, l: &Loaded) -> anyhow::Result<IndexMap<String, PyNum>> {
        if let Some(asked) = &self.fixed {
            return choose(&l.id, &l.exercise, asked)
                .map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name));
        }
        match &self.quiz {
            None => {
                default_params(&l.exercise).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))
            }
            Some((q, student)) => {
                if q.quiz.points_of(&l.id).is_none() {
                    anyhow::bail!(
                        "the quiz {} has no exercise '{}' (its exercises: {})",
                        q.source.name,
                        l.id,
                        q.quiz
                            .exercises
                            .iter()
                            .map(|e| e.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
                q.quiz
                    .params_for(l, student)
                    .map_err(|e| anyhow::anyhow!("{e}"))
            }
        }
    }

    /// `the numbers of NAME in "TITLE" (check with --quiz QUIZ --student NAME)`, when a
    /// quiz is in use.
    pub fn describe(&self) -> Option<String> {
        if let Some(asked) = &self.fixed {
            let shown: Vec<String> = asked.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let shown = shown.join(" ");
            return Some(format!(
                "the numbers {shown}: check with --params '{shown}'"
            ));
        }
        self.quiz.as_ref().map(|(q, s)| {
            format!(
                "the numbers of {s} in \"{}\": check with --quiz {} --student {s}",
                q.quiz.title, q.source.name
            )
        })
    }
}

/// The numbers of `--params`: a JSON object of numbers (`{"x0": -2, "lr": 1}`, as in the
/// book's `data-gbl-params`) or `NAME=VALUE` pairs separated by spaces or commas
/// (`x0=-2 lr=1`). Whether they are one of an exercise's variants is checked with the
/// exercise ([`Variant::params`]).
pub fn parse_params(text: &str) -> anyhow::Result<IndexMap<String, PyNum>> {
    const MAX: usize = 64;
    let text = text.trim();
    let pairs: Vec<(String, String)> = if text.starts_with('{') {
        let map: IndexMap<String, serde_json::Value> = serde_json::from_str(text).map_err(|e| {
            anyhow::anyhow!("--params: not a JSON object of numbers ({e}), e.g. '{{\"x0\": -2}}'")
        })?;
        map.into_iter().map(|(k, v)| (k, v.to_string())).collect()
    } else {
        text.split([' ', ',', '\t', '\n'])
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((k, v)) => Ok((k.trim().to_string(), v.trim().to_string())),
                None => {
                    anyhow::bail!("--params: '{p}' is not NAME=VALUE (e.g. --params 'x0=-2 lr=1')")
                }
            })
            .collect::<anyhow::Result<_>>()?
    };
    if pairs.len() > MAX {
        anyhow::bail!(
            "--params: {} numbers; an exercise has at most {MAX}",
            pairs.len()
        );
    }
    let mut out = IndexMap::new();
    for (name, value) in pairs {
        let n = value
            .parse::<i64>()
            .map(PyNum::Int)
            .or_else(|_| value.parse::<f64>().map(PyNum::Float))
            .ok()
            .filter(|n| n.to_f64().is_finite())
            .ok_or_else(|| anyhow::anyhow!("--params: {name}={value} is not a number"))?;
        if out.insert(name.clone(), n).is_some() {
            anyhow::bail!("--params: '{name}' is given twice");
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::load::{Origin, load_all};
    use gbl_core::grade::quiz::check;

    fn quiz(text: &str) -> LoadedQuiz {
        match parse(Source {
            name: "q.yaml".into(),
            text: text.into(),
        }) {
            Ok(q) => q,
            Err(d) => panic!("{d}"),
        }
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let (ex, _) = load_all(&Origin::bundled());
        let q = quiz(
            "format: 2\ntitle: T\nexercises:\n  - {id: gd-one-step, points: 0}\n  - {id: nothing, points: 1}\n  - {id: gd-one-step, points: 1}\n",
        );
        let shown: Vec<String> = check(&q, &ex).iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            vec![
                "q.yaml:1:9: format: this gbl reads quiz format 1, not 2",
                "q.yaml:4:23: exercises[0].points: points must be a number > 0, not 0",
                "q.yaml:5:6: exercises[1].id: there is no exercise 'nothing' (see 'gbl list')",
                "q.yaml:6:6: exercises[2].id: 'gd-one-step' is in the quiz twice",
            ]
        );
    }

    #[test]
    fn unknown_fields_are_refused_with_a_position() {
        let e = parse(Source {
            name: "q.yaml".into(),
            text: "format: 1\ntitle: T\nexercise: []\n".into(),
        });
        let Err(d) = e else { panic!("accepted") };
        assert_eq!(d.pos.map(|p| p.line), Some(3));
        assert!(d.message.contains("unknown field `exercise`"), "{d}");
    }

    #[test]
    fn salted_draws_are_stable_and_differ_between_students() {
        let (ex, _) = load_all(&Origin::bundled());
        let Some(l) = ex.iter().find(|l| l.id == "chain-rule-x5") else {
            panic!("no chain-rule-x5")
        };
        let salted = quiz(
            "format: 1\ntitle: T\nsalt: s3cret\nexercises: [{id: chain-rule-x5, points: 4}]\n",
        );
        let a = salted.quiz.params_for(l, "alice");
        assert_eq!(a, salted.quiz.params_for(l, "alice"));
        let differs = ["bob", "carol", "dave", "erin"]
            .iter()
            .any(|s| salted.quiz.params_for(l, s) != a);
        assert!(differs);
        let plain = quiz("format: 1\ntitle: T\nexercises: [{id: chain-rule-x5, points: 4}]\n");
        assert_eq!(
            plain.quiz.params_for(l, "alice").ok(),
            default_params(&l.exercise).ok()
        );
    }
}
