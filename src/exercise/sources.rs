//! Where exercises come from, and how folders add up.
//!
//! - The bundled exercises come first (unless `--no-bundled`), then every folder named in
//!   `GBL_EXERCISES` (separated like `PATH`), then every `--exercises DIR`, in order; a folder
//!   named twice is read once.
//! - In a folder, every `*.yaml` or `*.yml` file is an exercise, except hidden files (`.x.yaml`)
//!   and quizzes (a mapping with an `exercises:` key and no `runs:`), which are skipped: a quiz
//!   saved beside its exercises never breaks the folder.
//! - An exercise's id is its file name without the extension. An id defined twice (in two
//!   folders, in a folder and the bundle, or as `x.yaml` beside `x.yml`) is an error at the
//!   second file that names the first; the first one is kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::file::{BUNDLED, MAX_EXERCISE_BYTES};
use crate::fsutil::read_text;
use gbl_core::exercise::load::{Diagnostic, Loaded, Source, parse_exercise_all};

/// Where exercises come from: the bundled ones or not, plus folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Whether the exercises built into gbl are included.
    pub bundled: bool,
    /// Folders read after the bundled exercises, in order.
    pub dirs: Vec<PathBuf>,
}

impl Origin {
    /// Only the bundled exercises.
    pub fn bundled() -> Origin {
        Origin {
            bundled: true,
            dirs: Vec::new(),
        }
    }

    /// Only the exercises of one folder.
    pub fn dir(d: impl Into<PathBuf>) -> Origin {
        Origin {
            bundled: false,
            dirs: vec![d.into()],
        }
    }

    /// The bundled exercises (unless `no_bundled`), then the folders of `GBL_EXERCISES`, then
    /// `flags` (each `--exercises DIR`).
    pub fn choose(flags: &[PathBuf], no_bundled: bool) -> Origin {
        let env = std::env::var_os("GBL_EXERCISES").unwrap_or_default();
        let from_env = std::env::split_paths(&env).filter(|p| !p.as_os_str().is_empty());
        let mut dirs: Vec<PathBuf> = Vec::new();
        for d in from_env.chain(flags.iter().cloned()) {
            if !dirs.iter().any(|seen| same_folder(seen, &d)) {
                dirs.push(d);
            }
        }
        Origin {
            bundled: !no_bundled,
            dirs,
        }
    }

    /// The sources, for messages: "the bundled exercises and ex/".
    pub(crate) fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.bundled {
            parts.push("the bundled exercises".into());
        }
        parts.extend(self.dirs.iter().map(|d| d.display().to_string()));
        match parts.len() {
            0 => "no exercises (--no-bundled and no --exercises folder)".into(),
            _ => parts.join(" and "),
        }
    }
}

/// Whether two paths name the same folder (the same path, or the same folder on disk).
fn same_folder(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// The exercise files in a folder, sorted by name: `*.yaml` and `*.yml`, hidden files left out.
pub fn exercise_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = std::fs::read_dir(dir).map_err(|e| Diagnostic {
        file: dir.display().to_string(),
        pos: None,
        message: format!("cannot read the exercise folder: {e}"),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Whether a YAML text looks like a quiz rather than an exercise: a mapping with an
/// `exercises:` key and no `runs:`. A text that is not valid YAML (a quiz with a syntax
/// error) is judged by its top-level keys, the lines that start with `NAME:`, so that its
/// problems are told as a quiz's.
pub(crate) fn looks_like_quiz(text: &str) -> bool {
    match super::yaml::from_str::<serde_yaml::Value>("", text) {
        Ok(serde_yaml::Value::Mapping(m)) => m.contains_key("exercises") && !m.contains_key("runs"),
        Ok(_) => false,
        Err(_) => {
            let top = |key: &str| {
                text.lines().any(|l| {
                    l.strip_prefix(key)
                        .is_some_and(|rest| rest.trim_start().starts_with(':'))
                })
            };
            top("exercises") && !top("runs")
        }
    }
}

/// Reads one file of a folder: `None` for a quiz (skipped), else the exercise or its problem.
fn read_entry(path: &Path) -> Option<Result<Loaded, Vec<Diagnostic>>> {
    let name = path.display().to_string();
    let id = path.file_stem()?.to_string_lossy().into_owned();
    let text = match read_text(path, MAX_EXERCISE_BYTES) {
        Ok(t) => t,
        Err(e) => {
            return Some(Err(vec![Diagnostic {
                file: name,
                pos: None,
                message: format!("cannot read it: {e}"),
            }]));
        }
    };
    if looks_like_quiz(&text) {
        return None;
    }
    Some(parse_exercise_all(&id, Source { name, text }))
}

/// Reads every exercise; returns those that parsed and a diagnostic for each that did not,
/// and for each id defined a second time.
pub fn load_all(origin: &Origin) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    if origin.bundled {
        for (file, text) in BUNDLED {
            let id = file.trim_end_matches(".yaml");
            let source = Source {
                name: format!("exercises/{file}"),
                text: text.to_string(),
            };
            match parse_exercise_all(id, source) {
                Ok(l) => ok.push(Loaded { bundled: true, ..l }),
                Err(ds) => bad.extend(ds),
            }
        }
    }
    for dir in &origin.dirs {
        match exercise_files(dir) {
            Ok(files) => {
                for f in files {
                    match read_entry(&f) {
                        Some(Ok(l)) => ok.push(l),
                        Some(Err(ds)) => bad.extend(ds),
                        None => {}
                    }
                }
            }
            Err(d) => bad.push(d),
        }
    }
    let (ok, twice) = first_of_each_id(ok, origin.bundled);
    bad.extend(twice);
    (ok, bad)
}

/// Keeps the first exercise of each id; a problem for each later one, naming the first file.
pub(crate) fn first_of_each_id(all: Vec<Loaded>, bundled: bool) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for l in all {
        match first.get(&l.id) {
            Some(file) => {
                let hint = if bundled && file.starts_with("exercises/") {
                    "rename one of them, or pass --no-bundled to use only your folders"
                } else {
                    "rename one of them"
                };
                bad.push(Diagnostic {
                    file: l.source.name.clone(),
                    pos: None,
                    message: format!(
                        "the exercise id '{}' is also defined in {file}; {hint}",
                        l.id
                    ),
                });
            }
            None => {
                first.insert(l.id.clone(), l.source.name.clone());
                ok.push(l);
            }
        }
    }
    (ok, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).expect("written");
    }

    const ONE: &str = "format: 1\ntitle: T\nchapter: my own chapter\nprompt: P\nruns:\n  main:\n    descent: {f: x^2, from: {x: 1}, lr: 0.25, steps: 1}\nquestions:\n  - {id: x1, kind: number, prompt: x1, answer: \"main.x[1]\"}\n";

    #[test]
    fn folders_add_up_after_the_bundled_exercises() {
        let a = tempfile::tempdir().expect("dir");
        let b = tempfile::tempdir().expect("dir");
        write(a.path(), "mine-a.yaml", ONE);
        write(b.path(), "mine-b.yml", ONE);
        let origin = Origin {
            bundled: true,
            dirs: vec![a.path().into(), b.path().into()],
        };
        let (ok, bad) = load_all(&origin);
        assert!(bad.is_empty(), "{bad:?}");
        let ids: Vec<&str> = ok.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids.len(), BUNDLED.len() + 2);
        assert!(ids.contains(&"gd-one-step") && ids.contains(&"mine-a"));
        assert_eq!(ids.last(), Some(&"mine-b"));
        assert!(
            ok.iter()
                .find(|l| l.id == "gd-one-step")
                .is_some_and(|l| l.bundled)
        );
        assert!(
            ok.iter()
                .find(|l| l.id == "mine-a")
                .is_some_and(|l| !l.bundled)
        );
    }

    #[test]
    fn an_id_defined_twice_names_both_files() {
        let a = tempfile::tempdir().expect("dir");
        write(a.path(), "gd-one-step.yaml", ONE);
        write(a.path(), "twin.yaml", ONE);
        write(a.path(), "twin.yml", ONE);
        let (ok, bad) = load_all(&Origin {
            bundled: true,
            dirs: vec![a.path().into()],
        });
        assert_eq!(ok.len(), BUNDLED.len() + 1);
        let msgs: Vec<String> = bad.iter().map(ToString::to_string).collect();
        let mine = a.path().join("gd-one-step.yaml").display().to_string();
        let yml = a.path().join("twin.yml").display().to_string();
        let yaml = a.path().join("twin.yaml").display().to_string();
        assert_eq!(
            msgs,
            vec![
                format!(
                    "{mine}: the exercise id 'gd-one-step' is also defined in exercises/gd-one-step.yaml; rename one of them, or pass --no-bundled to use only your folders"
                ),
                format!(
                    "{yml}: the exercise id 'twin' is also defined in {yaml}; rename one of them"
                ),
            ]
        );
        let (ok, bad) = load_all(&Origin::dir(a.path()));
        assert_eq!(
            (ok.len(), bad.len()),
            (2, 1),
            "without the bundle only the twin"
        );
    }

    #[test]
    fn quizzes_and_hidden_files_are_not_exercises() {
        let a = tempfile::tempdir().expect("dir");
        write(a.path(), "mine.yaml", ONE);
        write(
            a.path(),
            "quiz.yaml",
            "format: 1\ntitle: Q\nsalt: s\nexercises:\n  - {id: mine, points: 2}\n",
        );
        write(a.path(), ".mine.yaml", "not: an exercise\n");
        let (ok, bad) = load_all(&Origin::dir(a.path()));
        assert!(bad.is_empty(), "{bad:?}");
        let ids: Vec<&str> = ok.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["mine"]);
    }

    #[test]
    fn a_folder_named_twice_is_read_once() {
        let a = tempfile::tempdir().expect("dir");
        let o = Origin::choose(&[a.path().into(), a.path().join(".")], true);
        assert_eq!(o.dirs.len(), 1);
        assert!(!o.bundled);
    }
}
