//! Problems in a file, each with its place: a [`Diagnostic`], made at a YAML path of a
//! [`Source`] (located in the file's tree, [`super::locate`]) or from serde's error.

use super::locate::{locate, tree};
use super::pos::Pos;

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
        (Some(p), Some(key)) => Some(tree(text).key_in_mapping_at(p, &key).unwrap_or(p)),
        (p, _) => p,
    };
    Diagnostic {
        file: file.to_string(),
        pos,
        message: msg,
    }
}

/// The key named in serde's "unknown field `key`" message.
fn unknown_field(msg: &str) -> Option<String> {
    let rest = &msg[msg.find("unknown field `")? + "unknown field `".len()..];
    Some(rest[..rest.find('`')?].to_string())
}
