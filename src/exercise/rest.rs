//! The rest of an exercise file after its first structural error.
//!
//! serde stops at the first key it cannot read, so an author who misspells two keys would
//! learn of the second only after fixing the first. When the file is valid YAML, it is read
//! again as a tree and each part that stands on its own is read on its own:
//! - each entry of `runs`, `vary`, `questions` and `tests`, each at the line and column of
//!   its key or item;
//! - the top level without those four, at the line and column of the key at fault when serde
//!   names one, else at the top of the file.
//!
//! A problem already reported (the first error, or one said twice) is left out, and at most
//! [`super::load::MAX_DIAGNOSTICS`] are kept, as for every file.

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use super::load::{Diagnostic, Locator, Source};
use super::model::{AuthorTest, Exercise, Question, RunSpec, Variation};

/// Every structural problem of `source` besides `first` (which is reported already).
pub fn more_problems(source: &Source, first: &Diagnostic) -> Vec<Diagnostic> {
    let Ok(Value::Mapping(top)) = super::yaml::from_str::<Value>(&source.name, &source.text) else {
        return Vec::new();
    };
    let at = Locator::new(source);
    let mut found: Vec<(String, String)> = Vec::new();
    entries::<RunSpec>(&top, "runs", true, &mut found);
    entries::<Variation>(&top, "vary", true, &mut found);
    entries::<Question>(&top, "questions", false, &mut found);
    entries::<AuthorTest>(&top, "tests", false, &mut found);
    let mut rest = top.clone();
    rest.insert("runs".into(), Value::Mapping(Mapping::new()));
    rest.insert("vary".into(), Value::Mapping(Mapping::new()));
    rest.insert("questions".into(), Value::Sequence(Vec::new()));
    rest.insert("tests".into(), Value::Sequence(Vec::new()));
    if let Err(e) = serde_yaml::from_value::<Exercise>(Value::Mapping(rest)) {
        let msg = e.to_string();
        let path = named_key(&msg).filter(|k| top.contains_key(k.as_str()));
        found.push((path.unwrap_or_default(), msg));
    }
    let mut out: Vec<Diagnostic> = Vec::new();
    for (path, msg) in found {
        if first.message.contains(&msg) {
            continue;
        }
        let d = if let Some((entry, key)) = path.strip_suffix(':').and_then(|p| p.rsplit_once('.'))
        {
            // A misspelt key: at the key itself, found from its entry on.
            let from = super::locate::locate(&source.text, entry);
            Diagnostic {
                file: source.name.clone(),
                pos: Some(super::load::find_key(&source.text, from, key).unwrap_or(from)),
                message: format!("{}: {msg}", crate::clip::plain(entry)),
            }
        } else if path.is_empty() {
            Diagnostic {
                file: source.name.clone(),
                pos: Some(super::locate::Pos { line: 1, col: 1 }),
                message: msg,
            }
        } else {
            at.at(&path, msg)
        };
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
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
/// entry has it, else at the entry.
fn at_field(path: String, entry: &Value, msg: String) -> (String, String) {
    match named_key(&msg) {
        Some(k) if entry.get(k.as_str()).is_some() && is_plain_key(&k) => {
            (format!("{path}.{k}:"), msg)
        }
        _ => (path, msg),
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
