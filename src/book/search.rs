//! A search index that keeps Korean words: `gbl mdbook search-index book/book/ko`.
//!
//! mdBook 0.5 builds every book's index with elasticlunr-rs's English pipeline, whose trimmer
//! cuts every character but ASCII letters, digits and `_` from both ends of a word: a Korean
//! word ("학습률은") is cut to nothing and never indexed, so searching the Korean edition finds
//! nothing. This step reads the index mdBook wrote, indexes the same sections (title, text,
//! breadcrumbs, kept in the index's document store) again with a pipeline that trims by
//! Unicode letters and digits instead and does no English stemming, and writes it back. The
//! book's script (`theme/gbl.js`) registers the same trimmer for the words a reader types.
//!
//! The English edition keeps mdBook's own index: its stemming finds "converge" in "converges".

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use elasticlunr::pipeline::{FnWrapper, Pipeline};
use elasticlunr::{IndexBuilder, Language};
use serde_json::Value;

/// The name of the trimmer in the written index; `theme/gbl.js` registers a function under it.
pub const TRIMMER: &str = "gbl-trimmer";

/// mdBook's longest indexed word, in bytes (longer tokens are left out, as mdBook does).
const MAX_WORD_BYTES: usize = 80;

/// The largest index read, in bytes (the whole Korean book's is well under a megabyte).
const MAX_INDEX_BYTES: u64 = 64 << 20;

/// How the JavaScript file mdBook writes wraps the index's JSON.
const PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const SUFFIX: &str = "'));";

/// Words of any script: split as mdBook splits, trimmed by Unicode letters and digits.
struct AnyScript;

impl Language for AnyScript {
    fn name(&self) -> String {
        "Korean".into()
    }

    fn code(&self) -> String {
        "ko".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        words(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline {
            queue: vec![Box::new(FnWrapper(TRIMMER.into(), trim))],
        }
    }
}

/// mdBook's tokenizer: split at white space and `-`, lower case, long tokens left out.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim().to_lowercase())
        .filter(|s| s.len() <= MAX_WORD_BYTES)
        .collect()
}

/// A word without the punctuation around it; nothing when nothing is left.
fn trim(token: String) -> Option<String> {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
    (!t.is_empty()).then(|| t.to_string())
}

/// The search index file of a built book (`searchindex-HASH.js`).
fn index_file(dir: &Path) -> anyhow::Result<PathBuf> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: not a built book's folder", dir.display()))?;
    let mut found = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("searchindex") && name.ends_with(".js") {
            found.push(e.path());
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!(
            "{}: no searchindex*.js (is the book built, with search on?)",
            dir.display()
        ),
        _ => bail!(
            "{}: more than one searchindex*.js; build the book into an empty folder",
            dir.display()
        ),
    }
}

/// Rebuilds the index of the book built in `dir`; returns the file written and how many
/// sections it indexes.
pub fn reindex(dir: &Path) -> anyhow::Result<(PathBuf, usize)> {
    let path = index_file(dir)?;
    let text = crate::fsutil::read_text(&path, MAX_INDEX_BYTES)
        .with_context(|| format!("{}: cannot read it", path.display()))?;
    let json = text
        .trim_end()
        .strip_prefix(PREFIX)
        .and_then(|t| t.strip_suffix(SUFFIX))
        .with_context(|| {
            format!(
                "{}: not the index mdBook 0.5 writes (it should start with {PREFIX:?})",
                path.display()
            )
        })?;
    let mut search: Value = serde_json::from_str(&unescape(json))
        .with_context(|| format!("{}: the index is not JSON", path.display()))?;
    let (index, count) = rebuilt(&search).with_context(|| format!("{}", path.display()))?;
    search["index"] = index;
    let out = serde_json::to_string(&search)?;
    let js = format!(
        "{PREFIX}{}{SUFFIX}",
        out.replace('\\', "\\\\").replace('\'', "\\'")
    );
    crate::fsutil::write_atomic(&path, js.as_bytes())
        .with_context(|| format!("{}: cannot write it", path.display()))?;
    Ok((path, count))
}

/// The index of the sections stored in mdBook's index, made with [`AnyScript`].
fn rebuilt(search: &Value) -> anyhow::Result<(Value, usize)> {
    let old = &search["index"];
    let fields: Vec<&str> = old["fields"]
        .as_array()
        .context("the index has no fields")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let docs = old["documentStore"]["docs"]
        .as_object()
        .context("the index keeps no documents (mdBook's search must store them)")?;
    let mut builder = IndexBuilder::with_language(Box::new(AnyScript));
    for f in &fields {
        builder = builder.add_field(f);
    }
    let mut index = builder.build();
    // Sections in the order of their numbers, as mdBook added them.
    let mut refs: Vec<(u64, &String)> = docs
        .keys()
        .map(|k| (k.parse().unwrap_or(u64::MAX), k))
        .collect();
    refs.sort();
    for (_, r) in &refs {
        let doc = &docs[r.as_str()];
        let values: Vec<&str> = fields
            .iter()
            .map(|f| doc[*f].as_str().unwrap_or(""))
            .collect();
        index.add_doc(r, values);
    }
    Ok((serde_json::to_value(&index)?, refs.len()))
}

/// The JSON text inside the JavaScript string: `\\` and `\'` undone.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n @ ('\\' | '\'')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_words_survive_the_trimmer_and_punctuation_does_not() {
        assert_eq!(trim("학습률은".into()), Some("학습률은".into()));
        assert_eq!(trim("(미분계수),".into()), Some("미분계수".into()));
        assert_eq!(trim("0.1이면".into()), Some("0.1이면".into()));
        assert_eq!(trim("—".into()), None);
        assert_eq!(
            words("x := x - f'(x) 학습률"),
            ["x", ":=", "x", "f'(x)", "학습률"]
        );
    }

    #[test]
    fn an_index_is_rebuilt_with_korean_words() {
        let search = serde_json::json!({
            "doc_urls": ["a.html#x"],
            "index": {
                "fields": ["title", "body", "breadcrumbs"],
                "documentStore": {"docs": {"0": {
                    "id": "0", "title": "학습률", "body": "학습률은 스텝의 크기를 정합니다.",
                    "breadcrumbs": "학습률 » 학습률"
                }}}
            }
        });
        let (index, n) = rebuilt(&search).expect("rebuilt");
        assert_eq!(n, 1);
        assert_eq!(index["pipeline"], serde_json::json!([TRIMMER]));
        // The body's trie holds 학 → 습 → 률 → 은, with the document under the last letter.
        let body = &index["index"]["body"]["root"];
        let word = &body["학"]["습"]["률"]["은"];
        assert_eq!(word["docs"]["0"]["tf"], serde_json::json!(1.0));
        assert!(body["스"]["텝"]["의"]["docs"]["0"].is_object());
    }

    #[test]
    fn escapes_round_trip() {
        let json = r#"{"a":"it's a \"quote\" and a \\ backslash"}"#;
        let js = json.replace('\\', "\\\\").replace('\'', "\\'");
        assert_eq!(unescape(&js), json);
    }
}
