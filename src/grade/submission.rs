//! Finding the submissions in a folder, and reading one without trusting it.
//!
//! A submission is `NAME.yaml` (an answer file) or a folder `NAME/` holding `answers.yaml`
//! and the trace files it names; a folder that itself holds `answers.yaml` is one
//! submission. The student is named by the file or folder, never by anything inside it.
//! Symbolic links inside the folder are never followed, and every file is read with a size
//! cap.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde_yaml::{Mapping, Value};

use crate::check::Given;
use crate::check::answers::{self, ExerciseAnswers, MAX_ANSWER_BYTES};
use crate::exercise::load::{Loaded, Source};
use crate::exercise::model::Question;
use crate::fsutil::read_text;
use crate::grade::names;

/// The answer file's name inside a submission folder.
pub const ANSWERS: &str = "answers.yaml";

/// How a submission was handed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `NAME.yaml`: answers only, no trace files.
    File,
    /// `NAME/answers.yaml` with its trace files.
    Folder,
}

/// One student's submission, found but not yet read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    /// The student, named by the file or folder.
    pub student: String,
    /// The answer file (for a folder, `NAME/answers.yaml`).
    pub answers: PathBuf,
    /// The answer file's name shown in messages, relative to the submissions folder.
    pub shown: String,
    /// A file or a folder.
    pub kind: Kind,
    /// Why it cannot be read at all (a symbolic link, two submissions with one name).
    pub problem: Option<String>,
}

/// What a submissions folder holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The submissions, sorted by student.
    pub submissions: Vec<Submission>,
    /// Entries that are not submissions (other files), by name, sorted.
    pub ignored: Vec<String>,
}

/// The folder `dir` as one submission, named `student` or else by the folder's own name.
pub fn single(dir: &Path, student: Option<&str>) -> Submission {
    let name = student.map(str::to_string).unwrap_or_else(|| {
        dir.canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(names::shown_os))
            .unwrap_or_else(|| "submission".into())
    });
    Submission {
        student: name,
        answers: dir.join(ANSWERS),
        shown: ANSWERS.into(),
        kind: Kind::Folder,
        problem: None,
    }
}

/// The submissions in `dir`: one if `dir` holds `answers.yaml`, else one per `NAME.yaml`
/// file and `NAME/` folder, told apart by their raw names (see [`names`]). Hidden entries
/// (`.name`) and `__MACOSX` are skipped; other files are listed as ignored.
pub fn discover(dir: &Path) -> std::io::Result<Found> {
    if std::fs::symlink_metadata(dir.join(ANSWERS)).is_ok() {
        return Ok(Found {
            submissions: vec![single(dir, None)],
            ignored: Vec::new(),
        });
    }
    // Keyed by the raw name, so that names which are not UTF-8 are never merged.
    let mut by_name: BTreeMap<Vec<u8>, Vec<Submission>> = BTreeMap::new();
    let mut ignored = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        match classify(&entry?)? {
            Entry::Skipped => {}
            Entry::Ignored(name) => ignored.push(name),
            Entry::Submission(key, sub) => by_name.entry(key).or_default().push(sub),
        }
    }
    ignored.sort();
    Ok(Found {
        submissions: one_per_student(by_name),
        ignored,
    })
}

/// What an entry of a submissions folder is.
enum Entry {
    /// Hidden, or `__MACOSX`.
    Skipped,
    /// Not a submission (another file), by name.
    Ignored(String),
    /// A submission, with the raw name that keys its student.
    Submission(Vec<u8>, Submission),
}

/// Tells what `entry` is: a `NAME.yaml` file, a `NAME/` folder, a symbolic link (a
/// submission that cannot be read), or something else.
fn classify(entry: &std::fs::DirEntry) -> std::io::Result<Entry> {
    let raw = entry.file_name();
    if names::skipped(&raw) {
        return Ok(Entry::Skipped);
    }
    let name = names::shown_os(&raw);
    // file_type() does not follow symbolic links.
    let ft = entry.file_type()?;
    let path = entry.path();
    let stem = names::answer_stem(&raw);
    let key = match stem {
        Some(stem) if !ft.is_dir() => stem.to_vec(),
        _ => raw.as_encoded_bytes().to_vec(),
    };
    let sub = if ft.is_symlink() {
        Submission {
            student: names::shown(&key),
            answers: path,
            shown: name.clone(),
            kind: Kind::File,
            problem: Some(format!(
                "'{name}' is a symbolic link; gbl does not follow links in the submissions folder"
            )),
        }
    } else if ft.is_dir() {
        Submission {
            student: name.clone(),
            answers: path.join(ANSWERS),
            shown: format!("{name}/{ANSWERS}"),
            kind: Kind::Folder,
            problem: None,
        }
    } else if let Some(stem) = stem {
        Submission {
            student: names::shown(stem),
            answers: path,
            shown: name.clone(),
            kind: Kind::File,
            problem: None,
        }
    } else {
        return Ok(Entry::Ignored(name));
    };
    Ok(Entry::Submission(key, sub))
}

/// One submission per student: where a student handed in several, the first, with a
/// problem naming them all.
fn one_per_student(by_name: BTreeMap<Vec<u8>, Vec<Submission>>) -> Vec<Submission> {
    let mut submissions = Vec::new();
    for (_, mut subs) in by_name {
        if subs.len() == 1
            && let Some(s) = subs.pop()
        {
            submissions.push(s);
            continue;
        }
        let mut names: Vec<String> = subs.iter().map(|s| s.shown.clone()).collect();
        names.sort();
        let Some(mut first) = subs.into_iter().next() else {
            continue;
        };
        let student = first.student.clone();
        first.problem = Some(format!(
            "{} submissions for '{student}' ({}); keep one",
            names.len(),
            names.join(", ")
        ));
        submissions.push(first);
    }
    submissions
}

/// A submission as read: the answers that could be used, and why the rest could not.
#[derive(Debug, Default)]
pub struct Read {
    /// Exercise id → question id → answer.
    pub answers: IndexMap<String, ExerciseAnswers>,
    /// Each problem, with file, line and column where there is one.
    pub problems: Vec<String>,
}

/// Why a submission folder has no answers: with the YAML files it holds instead, which are
/// most likely the answer file under another name.
fn no_answers(answers: &Path) -> String {
    let mut others: Vec<String> = answers
        .parent()
        .and_then(|d| std::fs::read_dir(d).ok())
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .collect();
    others.sort();
    match others.as_slice() {
        [] => format!("no {ANSWERS} in the submission folder"),
        [one] => {
            format!("no {ANSWERS} in the submission folder (it holds {one}: name it {ANSWERS})")
        }
        many => format!(
            "no {ANSWERS} in the submission folder (it holds {}; the answers must be in {ANSWERS})",
            many.join(", ")
        ),
    }
}

/// Reads a submission's answer file and its trace files. Nothing here fails: what cannot be
/// read is left out of the answers, and the reason is among the problems.
pub fn read(sub: &Submission, exercises: &[Loaded]) -> Read {
    let mut out = Read::default();
    if let Some(p) = &sub.problem {
        out.problems.push(p.clone());
        return out;
    }
    match std::fs::symlink_metadata(&sub.answers) {
        Err(_) if sub.kind == Kind::Folder => {
            out.problems.push(no_answers(&sub.answers));
            return out;
        }
        Err(e) => {
            out.problems.push(format!("cannot read {}: {e}", sub.shown));
            return out;
        }
        Ok(m) if m.file_type().is_symlink() => {
            out.problems.push(format!(
                "{} is a symbolic link; gbl does not follow links in submissions",
                sub.shown
            ));
            return out;
        }
        Ok(_) => {}
    }
    let text = match read_text(&sub.answers, MAX_ANSWER_BYTES) {
        Ok(t) => t,
        Err(e) => {
            out.problems.push(format!("cannot read {}: {e}", sub.shown));
            return out;
        }
    };
    // Trace paths are relative to the submission folder. A single file has no folder of its
    // own: its traces are resolved under the file itself, which no path can enter, so none
    // is read, and [`no_traces`] explains why.
    let dir = match sub.kind {
        Kind::Folder => sub
            .answers
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        Kind::File => sub.answers.clone(),
    };
    let source = Source {
        name: sub.shown.clone(),
        text,
    };
    out.answers = match answers::parse(source.clone(), &dir, exercises) {
        Ok(af) => af.answers,
        Err(ds) => {
            out.problems.extend(ds.iter().map(|d| d.to_string()));
            salvage(&source, &dir, exercises)
        }
    };
    if sub.kind == Kind::File {
        no_traces(&mut out.answers, exercises);
    }
    out
}

/// The answers that can be used from a file that has problems: each question's answer is
/// parsed on its own, and those that parse are kept.
fn salvage(source: &Source, dir: &Path, exercises: &[Loaded]) -> IndexMap<String, ExerciseAnswers> {
    let mut out: IndexMap<String, ExerciseAnswers> = IndexMap::new();
    let Ok(Value::Mapping(top)) = crate::exercise::yaml::from_str::<Value>("", &source.text) else {
        return out;
    };
    for (ex, qs) in top {
        let Value::Mapping(qs) = qs else { continue };
        for (q, v) in qs {
            let mut one = Mapping::new();
            one.insert(q, v);
            let mut doc = Mapping::new();
            doc.insert(ex.clone(), Value::Mapping(one));
            let Ok(text) = serde_yaml::to_string(&Value::Mapping(doc)) else {
                continue;
            };
            let part = Source {
                name: source.name.clone(),
                text,
            };
            if let Ok(af) = answers::parse(part, dir, exercises) {
                for (id, given) in af.answers {
                    out.entry(id).or_default().extend(given);
                }
            }
        }
    }
    out
}

/// Marks every trace answer of a single-file submission unreadable, with the reason.
fn no_traces(answers: &mut IndexMap<String, ExerciseAnswers>, exercises: &[Loaded]) {
    for (id, given) in answers.iter_mut() {
        let Some(l) = exercises.iter().find(|l| &l.id == id) else {
            continue;
        };
        for q in &l.exercise.questions {
            if let Question::Trace(_) = q
                && let Some(g) = given.get_mut(q.id())
            {
                *g = Given::Unreadable {
                    name: g.shown(),
                    reason: "a single-file submission has no trace files: hand in a folder NAME/ with answers.yaml and the traces".into(),
                };
            }
        }
    }
}
