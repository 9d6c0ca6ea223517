//! The rest of an exercise file after its first structural error.
//!
//! serde stops at the first key it cannot read, so an author who misspells two keys would
//! learn of the second only after fixing the first. The file is read again as a tree and
//! each part that stands on its own is read on its own:
//! - each entry of `runs`, `vary`, `questions` and `tests`, each at the line and column of
//!   its key or item;
//! - the top level without those four, at the line and column of the key at fault when serde
//!   names one, else at the top of the file;
//! - every key given twice in its mapping (see [`super::dupkeys`]).
//!
//! When the file is not valid YAML, the tree holds what the parser read before its error:
//! only the entries of those four that were read to their end before the error (by both
//! serde's parser and the tree's) are checked, and the top level is not (its missing keys may
//! come after the error), so nothing is said about what follows the error.
//!
//! A problem already reported (the first error, or one said twice) is left out, and at most
//! [`super::diagnostic::MAX_DIAGNOSTICS`] are kept, as for every file.

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use super::diagnostic::{Diagnostic, Locator, Source};
use super::locate::{Kind, Tree};
use super::model::{AuthorTest, Exercise, Question, RunSpec, Variation};
use super::pos::Pos;

/// The parts of a file checked on their own.
const PARTS: [&str; 4] = ["runs", "vary", "questions", "tests"];

/// Every structural problem of `source` besides `first` (serde's first), and whether `first`
/// stands: not when it lies in what a syntax error left unfinished (then the syntax error,
/// first in the list, is said instead).
pub(crate) fn more_problems(source: &Source, first: &Diagnostic) -> (bool, Vec<Diagnostic>) {
    let tree = super::locate::tree(&source.text);
    let Some(read) = read_top(source, &tree, first) else {
        return (true, Vec::new());
    };
    let first_stands = read.first_stands;
    let found = problems_of_parts(&read.top, read.whole);
    // The syntax error once: as the first problem when that stands, else here.
    let mut out: Vec<Diagnostic> = read
        .syntax
        .filter(|d| !(first_stands && d.message == first.message))
        .into_iter()
        .collect();
    let first = Some(first).filter(|_| first_stands);
    for dup in tree.duplicates() {
        let d = Diagnostic {
            file: source.name.clone(),
            pos: Some(dup.pos),
            message: dup.message(),
        };
        if first != Some(&d) && !out.contains(&d) {
            out.push(d);
        }
    }
    let at = Locator::new(source);
    for (path, msg) in found {
        if first.is_some_and(|f| f.message.contains(&msg)) {
            continue;
        }
        let d = located(source, &tree, &at, &path, msg);
        if !out.contains(&d) {
            out.push(d);
        }
    }
    (first_stands, out)
}

/// The top level of a file as far as it can be read.
struct Top {
    /// The top-level mapping (only what was read before a syntax error).
    top: Mapping,
    /// Whether the whole file was read (no syntax error).
    whole: bool,
    /// The syntax error, when serde read the file as a stream and met a structural problem
    /// first.
    syntax: Option<Diagnostic>,
    /// Whether serde's first problem stands (see [`more_problems`]).
    first_stands: bool,
}

/// Reads the top level of `source` (`None` when there is nothing more to check).
fn read_top(source: &Source, tree: &Tree, first: &Diagnostic) -> Option<Top> {
    let d = match super::yaml::from_str::<Value>(&source.name, &source.text) {
        Ok(Value::Mapping(top)) => return Some(Top::whole(top)),
        Ok(_) => return None,
        // A key given twice in a mapping: serde refuses the whole text as a value, but it
        // is valid YAML, and the tree reads all of it.
        Err(d) if d.message.contains("duplicate entry") && tree.error().is_none() => {
            return Some(Top::whole(read_before(tree, None)));
        }
        Err(d) => d,
    };
    // A key given twice is no syntax error: only the parser's error cuts the text.
    let serde_pos = d.pos.filter(|_| !d.message.contains("duplicate entry"));
    let cut = match (tree.error().map(|e| e.0), serde_pos) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let top = read_before(tree, Some(cut));
    let open = unfinished(tree, cut);
    let first_stands = !(first.pos.is_none_or(|p| open.is_some_and(|o| p >= o))
        // serde's word on a key given twice, when the file also has a syntax error:
        // the duplicates are reported from the tree, at the later key.
        || first.message.contains("duplicate entry"));
    // serde stops at the first duplicate before the syntax error; the parser's
    // error is the syntax error.
    let syntax = Some(match tree.error() {
        Some((pos, message)) if d.message.contains("duplicate entry") => Diagnostic {
            file: source.name.clone(),
            pos: Some(*pos),
            message: message.clone(),
        },
        _ => d,
    });
    Some(Top {
        top,
        whole: false,
        syntax,
        first_stands,
    })
}

impl Top {
    /// A file read to its end.
    fn whole(top: Mapping) -> Top {
        Top {
            top,
            whole: true,
            syntax: None,
            first_stands: true,
        }
    }
}

/// The problems of each entry of [`PARTS`] on its own, and (when the file was read whole) of
/// the top level without them, as (path, message).
fn problems_of_parts(top: &Mapping, whole: bool) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    entries::<RunSpec>(top, "runs", true, &mut found);
    entries::<Variation>(top, "vary", true, &mut found);
    entries::<Question>(top, "questions", false, &mut found);
    entries::<AuthorTest>(top, "tests", false, &mut found);
    if whole {
        let mut rest = top.clone();
        rest.insert("runs".into(), Value::Mapping(Mapping::new()));
        rest.insert("vary".into(), Value::Mapping(Mapping::new()));
        rest.insert("questions".into(), Value::Sequence(Vec::new()));
        rest.insert("tests".into(), Value::Sequence(Vec::new()));
        if let Err(e) = serde_yaml::from_value::<Exercise>(Value::Mapping(rest)) {
            let msg = e.to_string();
            if !msg.contains("duplicate field `") {
                let path = named_key(&msg).filter(|k| top.contains_key(k.as_str()));
                found.push((path.unwrap_or_default(), msg));
            }
        }
    }
    found
}

/// The problem `msg` at `path`, placed: a misspelt key at the key itself, a problem of the
/// whole file at its top, a top-level key serde refuses at the key, anything else where the
/// path leads.
fn located(source: &Source, tree: &Tree, at: &Locator, path: &str, msg: String) -> Diagnostic {
    if let Some((entry, key)) = path.strip_suffix(':').and_then(|p| p.rsplit_once('.')) {
        let pos = tree
            .key_pos(&format!("{entry}.{key}"))
            .unwrap_or_else(|| tree.locate(entry));
        Diagnostic {
            file: source.name.clone(),
            pos: Some(pos),
            message: format!("{}: {msg}", crate::clip::plain(entry)),
        }
    } else if path.is_empty() {
        Diagnostic {
            file: source.name.clone(),
            pos: Some(Pos { line: 1, col: 1 }),
            message: msg,
        }
    } else if let Some(pos) = tree.key_pos(path).filter(|_| !path.contains(['.', '['])) {
        Diagnostic {
            file: source.name.clone(),
            pos: Some(pos),
            message: format!("{}: {msg}", crate::clip::plain(path)),
        }
    } else {
        at.at(path, msg)
    }
}

/// Where the first part left unfinished by a syntax error at `cut` starts: the first top-level
/// entry not read to its end, or within one of [`PARTS`], its first entry not read to its end.
fn unfinished(tree: &Tree, cut: Pos) -> Option<Pos> {
    let done = |id| {
        let n = tree.node(id);
        n.complete && n.end <= cut
    };
    let Kind::Map(entries) = &tree.node(tree.root()?).kind else {
        return tree.root().map(|r| tree.node(r).pos);
    };
    let Some(e) = entries.iter().find(|e| !done(e.value)) else {
        // The error comes after the last entry read.
        return Some(cut);
    };
    if !PARTS.contains(&e.key.as_str()) {
        return Some(e.key_pos);
    }
    let inner = match &tree.node(e.value).kind {
        Kind::Map(items) => items.iter().find(|i| !done(i.value)).map(|i| i.key_pos),
        Kind::Seq(items) => items.iter().find(|&&i| !done(i)).map(|&i| tree.node(i).pos),
        _ => None,
    };
    Some(inner.unwrap_or(e.key_pos))
}

/// The top level of `tree` as a mapping: without `cut`, all of it; with one, only its
/// [`PARTS`], each with the entries read to their end before `cut`.
fn read_before(tree: &Tree, cut: Option<Pos>) -> Mapping {
    let mut top = Mapping::new();
    let Some(root) = tree.root() else { return top };
    let before = cut.unwrap_or(Pos {
        line: usize::MAX,
        col: usize::MAX,
    });
    let mut budget = super::yaml::MAX_NODES;
    let Kind::Map(entries) = &tree.node(root).kind else {
        return top;
    };
    for e in entries {
        if !PARTS.contains(&e.key.as_str()) {
            if cut.is_none()
                && let Some(v) = tree.value(e.value, before, &mut budget)
            {
                top.insert(Value::String(e.key.clone()), v);
            }
            continue;
        }
        let part = match &tree.node(e.value).kind {
            Kind::Map(items) => Value::Mapping(
                items
                    .iter()
                    .map_while(|i| {
                        let v = tree.value(i.value, before, &mut budget)?;
                        Some((Value::String(i.key.clone()), v))
                    })
                    .collect(),
            ),
            Kind::Seq(items) => Value::Sequence(
                items
                    .iter()
                    .map_while(|&i| tree.value(i, before, &mut budget))
                    .collect(),
            ),
            _ => continue,
        };
        top.insert(Value::String(e.key.clone()), part);
    }
    top
}

/// Reads each entry of the map or list at top-level `key` as a `T` on its own, adding
/// (path, message) for each that cannot be read.
fn entries<T: DeserializeOwned>(
    top: &Mapping,
    key: &str,
    is_map: bool,
    found: &mut Vec<(String, String)>,
) {
    match (top.get(key), is_map) {
        (Some(Value::Mapping(m)), true) => {
            for (name, v) in m {
                let Some(name) = name.as_str() else { continue };
                if let Err(e) = serde_yaml::from_value::<T>(v.clone()) {
                    found.push(at_field(format!("{key}.{name}"), v, e.to_string()));
                }
            }
        }
        (Some(Value::Sequence(s)), false) => {
            for (i, v) in s.iter().enumerate() {
                if let Err(e) = serde_yaml::from_value::<T>(v.clone()) {
                    found.push(at_field(format!("{key}[{i}]"), v, e.to_string()));
                }
            }
        }
        _ => {}
    }
}

/// (path, message) of a problem in the entry at `path`: at the key serde names when the
/// entry has it, or has it exactly once deeper in (`descent: {stps: 1}`), else at the entry.
fn at_field(path: String, entry: &Value, msg: String) -> (String, String) {
    let Some(k) = named_key(&msg).filter(|k| is_plain_key(k)) else {
        return (path, msg);
    };
    if entry.get(k.as_str()).is_some() {
        return (format!("{path}.{k}:"), msg);
    }
    let mut found = Vec::new();
    key_paths(entry, &k, String::new(), &mut found);
    match found.as_slice() {
        [inner] => (format!("{path}{inner}.{k}:"), msg),
        _ => (path, msg),
    }
}

/// The paths (`.descent`, `[2].from`) of the mappings under `v` that hold key `k`, at most
/// two (one is enough to tell it apart).
fn key_paths(v: &Value, k: &str, at: String, found: &mut Vec<String>) {
    if found.len() > 1 {
        return;
    }
    match v {
        Value::Mapping(m) => {
            if !at.is_empty() && m.contains_key(k) {
                found.push(at.clone());
            }
            for (name, inner) in m {
                if let Some(name) = name.as_str().filter(|n| is_plain_key(n)) {
                    key_paths(inner, k, format!("{at}.{name}"), found);
                }
            }
        }
        Value::Sequence(items) => {
            for (i, inner) in items.iter().enumerate() {
                key_paths(inner, k, format!("{at}[{i}]"), found);
            }
        }
        _ => {}
    }
}

/// Whether a key can be written in a YAML path without quoting.
fn is_plain_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The key named in serde's "unknown field `k`" or "duplicate field `k`" message.
fn named_key(msg: &str) -> Option<String> {
    ["unknown field `", "duplicate field `"]
        .iter()
        .find_map(|lead| {
            let rest = &msg[msg.find(lead)? + lead.len()..];
            Some(rest[..rest.find('`')?].to_string())
        })
}
