//! Parsing exercises from text: an exercise's [`Source`] (name and text) becomes a
//! [`Loaded`] exercise, or every structural problem as a [`Diagnostic`] with its line and
//! column. Reading files and the bundled exercises is the `gbl` crate's `exercise::load`,
//! which re-exports this; validation checks what was parsed.

use super::locate::{Pos, locate};
use super::model::Exercise;

/// A problem in a file, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The file, as shown to the user.
    pub file: String,
    /// Where in the file, when known.
    pub pos: Option<Pos>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.col, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl Diagnostic {
    /// A problem at a YAML path (`questions[1].answer`) of a source text.
    pub fn at(source: &Source, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: source.name.clone(),
            pos: Some(locate(&source.text, path)),
            message: format!("{}: {}", crate::clip::plain(path), message.into()),
        }
    }
}

/// The most problems reported for one file; the rest are counted ("and N more problems"),
/// not located (they are dropped by [`clip`]; the file's tree is read once, see
/// [`super::locate::tree`], but each walk still costs time).
pub const MAX_DIAGNOSTICS: usize = 100;

/// Makes diagnostics at YAML paths of one source, locating only the first
/// [`MAX_DIAGNOSTICS`] (those beyond are dropped by [`clip`] anyway).
#[derive(Debug)]
pub struct Locator<'a> {
    source: &'a Source,
    made: std::cell::Cell<usize>,
}

impl<'a> Locator<'a> {
    /// A locator for `source`.
    pub fn new(source: &'a Source) -> Locator<'a> {
        Locator {
            source,
            made: std::cell::Cell::new(0),
        }
    }

    /// A problem at `path`, like [`Diagnostic::at`], located while under the budget.
    pub fn at(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        self.made.set(self.made.get() + 1);
        if self.made.get() <= MAX_DIAGNOSTICS {
            return Diagnostic::at(self.source, path, message);
        }
        Diagnostic {
            file: self.source.name.clone(),
            pos: None,
            message: format!("{}: {}", crate::clip::plain(path), message.into()),
        }
    }
}

/// The first [`MAX_DIAGNOSTICS`] diagnostics, then one that counts the rest.
pub fn clip(mut ds: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if ds.len() > MAX_DIAGNOSTICS {
        let more = ds.len() - MAX_DIAGNOSTICS;
        ds.truncate(MAX_DIAGNOSTICS);
        let file = ds.last().map(|d| d.file.clone()).unwrap_or_default();
        ds.push(Diagnostic {
            file,
            pos: None,
            message: format!("and {more} more problems (the first {MAX_DIAGNOSTICS} are shown)"),
        });
    }
    ds
}

/// A file's name and text.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The name shown in messages (a path, or `bundled:ID.yaml`).
    pub name: String,
    /// The text.
    pub text: String,
}

/// An exercise as read, with its id and source.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The id: the file name without `.yaml`.
    pub id: String,
    /// Where it came from.
    pub source: Source,
    /// The parsed exercise.
    pub exercise: Exercise,
    /// Whether it is one of the exercises built into gbl (whose chapters are the book's).
    pub bundled: bool,
}

/// Turns a serde error into a diagnostic with its line and column.
pub fn yaml_error(file: &str, text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let pos = e.location().map(|l| Pos {
        line: l.line(),
        col: l.column(),
    });
    // serde_yaml appends " at line L column C"; the position is shown in front instead.
    let mut msg = e.to_string();
    if let Some(p) = pos {
        msg = msg.replace(&format!(" at line {} column {}", p.line, p.col), "");
    }
    // A tab in the indentation gives YAML's "cannot start any token": say what it is.
    if let Some(p) = pos
        && let Some(line) = text.lines().nth(p.line.saturating_sub(1))
        && let Some(tab) = line
            .chars()
            .take_while(|c| c.is_whitespace())
            .position(|c| c == '\t')
    {
        return Diagnostic {
            file: file.to_string(),
            pos: Some(Pos {
                line: p.line,
                col: tab + 1,
            }),
            message: "tabs are not allowed for indentation; use spaces".into(),
        };
    }
    // serde places an unknown key at the start of its mapping; point at the key itself.
    let pos = match (pos, unknown_field(&msg)) {
        (Some(p), Some(key)) => Some(
            super::locate::tree(text)
                .key_in_mapping_at(p, &key)
                .unwrap_or(p),
        ),
        (p, _) => p,
    };
    Diagnostic {
        file: file.to_string(),
        pos,
        message: msg,
    }
}

/// Parses one exercise from its text; its first problem only (see [`parse_exercise_all`]).
pub fn parse_exercise(id: &str, source: Source) -> Result<Loaded, Diagnostic> {
    parse_exercise_all(id, source).map_err(|mut ds| ds.swap_remove(0))
}

/// Parses one exercise from its text; when it cannot be read, every structural problem
/// found (the first one first, then those of [`super::rest`]), never an empty list. serde's
/// first problem is left out when it lies in what a YAML syntax error left unfinished (the
/// syntax error is reported instead).
pub fn parse_exercise_all(id: &str, source: Source) -> Result<Loaded, Vec<Diagnostic>> {
    parse_one(id, &source).map_err(|first| {
        let (keep, more) = super::rest::more_problems(&source, &first);
        // A file that cannot be read always has a problem to show: the first, when nothing
        // else was found.
        let first = (keep || more.is_empty()).then_some(first);
        let all: Vec<Diagnostic> = first.into_iter().chain(more).collect();
        clip(all)
    })
}

fn parse_one(id: &str, source: &Source) -> Result<Loaded, Diagnostic> {
    let source = source.clone();
    if source.text.trim().is_empty() {
        return Err(Diagnostic {
            file: source.name.clone(),
            pos: None,
            message: "the file is empty".into(),
        });
    }
    let exercise: Exercise =
        super::yaml::from_str(&source.name, &source.text).map_err(|d| placed(d, &source))?;
    Ok(Loaded {
        id: id.to_string(),
        source,
        exercise,
        bundled: false,
    })
}

/// A parse error said better: a field given twice at its second key (serde names no place),
/// and a missing `format` with what to add.
fn placed(d: Diagnostic, source: &Source) -> Diagnostic {
    if let Some(key) = field_in(&d.message, "duplicate field `")
        && let Some(dup) = super::dupkeys::duplicates(&source.text)
            .into_iter()
            .find(|x| x.key == key)
    {
        return Diagnostic {
            pos: Some(dup.pos),
            message: dup.message(),
            ..d
        };
    }
    if field_in(&d.message, "missing field `").as_deref() == Some("format") {
        return Diagnostic {
            pos: Some(Pos { line: 1, col: 1 }),
            message: "missing field `format`: add `format: 1` as the file's first line (the \
                      version of the exercise format)"
                .into(),
            ..d
        };
    }
    d
}

/// The name in a serde message such as "duplicate field `title`".
fn field_in(msg: &str, lead: &str) -> Option<String> {
    let rest = &msg[msg.find(lead)? + lead.len()..];
    Some(rest[..rest.find('`')?].to_string())
}

/// The key named in serde's "unknown field `key`" message.
fn unknown_field(msg: &str) -> Option<String> {
    let rest = &msg[msg.find("unknown field `")? + "unknown field `".len()..];
    Some(rest[..rest.find('`')?].to_string())
}
