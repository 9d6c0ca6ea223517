//! Keys given twice in one YAML mapping (`params: {x0: 1, x0: 2}`, or `title:` on two lines),
//! each reported at the second key with the line of the first. The YAML parser lets the last
//! one win silently for maps, and names no position for a struct's duplicate field, so the
//! text is scanned here.
//!
//! The scan reads block mappings by indentation (a `- ` item starts a new mapping) and flow
//! mappings (`{a: 1, b: 2}`) on one line by their braces, skipping comments, quoted strings and
//! block scalars (`|`, `>`). A flow mapping spread over several lines is not scanned. It runs
//! in one pass over the text and never fails: what it cannot read, it skips.

use std::collections::HashMap;

use super::locate::Pos;

/// A key given a second time in its mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The key.
    pub key: String,
    /// Where the second one is.
    pub pos: Pos,
    /// The line of the first one.
    pub first_line: usize,
}

impl Duplicate {
    /// What to tell the author.
    pub fn message(&self) -> String {
        format!(
            "the key '{}' is given twice in this mapping (first at line {}); keep one",
            self.key, self.first_line
        )
    }
}

/// Every duplicate key of `text`, in order.
pub fn duplicates(text: &str) -> Vec<Duplicate> {
    let mut out = Vec::new();
    // Open block mappings: (column of their keys, key → line).
    let mut stack: Vec<(usize, HashMap<String, usize>)> = Vec::new();
    let mut block_scalar: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if rest.trim().is_empty() || rest.starts_with('#') {
            continue;
        }
        if let Some(parent) = block_scalar {
            if indent > parent {
                continue;
            }
            block_scalar = None;
        }
        if rest.starts_with("---") || rest.starts_with("...") {
            stack.clear();
            continue;
        }
        // `- - key: v`: each dash opens an item; the key sits after the last one.
        let mut col = indent;
        let mut body = rest;
        while body == "-" || body.starts_with("- ") {
            let after = body[1..].len() - body[1..].trim_start_matches(' ').len();
            stack.retain(|(c, _)| *c <= col);
            col += 1 + after;
            body = &body[1 + after..];
        }
        if body.starts_with('{') {
            flow(body, i, col, &mut out);
            continue;
        }
        let Some((key, value_at)) = block_key(body) else {
            continue;
        };
        stack.retain(|(c, _)| *c <= col);
        if stack.last().is_none_or(|(c, _)| *c < col) {
            stack.push((col, HashMap::new()));
        }
        if let Some((_, seen)) = stack.last_mut() {
            match seen.get(&key) {
                Some(&first) => out.push(Duplicate {
                    key,
                    pos: Pos {
                        line: i + 1,
                        col: col + 1,
                    },
                    first_line: first,
                }),
                None => {
                    seen.insert(key, i + 1);
                }
            }
        }
        let value = body[value_at..].trim_start();
        if value.starts_with('|') || value.starts_with('>') {
            block_scalar = Some(col);
        } else if value.starts_with('{') {
            let at = col + (body.len() - value.len());
            flow(value, i, at, &mut out);
        }
    }
    out
}

/// `key: ...` at the start of `body`: the key and where its value starts.
fn block_key(body: &str) -> Option<(String, usize)> {
    let b = body.as_bytes();
    let (key, end) = match b.first()? {
        q @ (b'"' | b'\'') => {
            let close = body[1..].find(*q as char)? + 1;
            (body[1..close].to_string(), close + 1)
        }
        b'[' | b'{' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' => return None,
        _ => {
            let colon = find_colon(body)?;
            (body[..colon].trim_end().to_string(), colon)
        }
    };
    let after = &body[end..];
    if !(after == ":" || after.starts_with(": ")) {
        return None;
    }
    Some((key, end + 1))
}

/// The first `:` followed by a space or the end of the line, before any ` #` comment.
fn find_colon(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        if c == b'#' && k > 0 && b[k - 1] == b' ' {
            return None;
        }
        if c == b':' && (k + 1 == b.len() || b[k + 1] == b' ') {
            return Some(k);
        }
    }
    None
}

/// Scans one line's flow collections (`{a: 1, b: {c: 2, c: 3}}`) starting at byte `at`.
fn flow(s: &str, line: usize, at: usize, out: &mut Vec<Duplicate>) {
    // One entry per open `{` (its keys) or `[` (None); and whether a key is being read.
    let mut open: Vec<Option<HashMap<String, usize>>> = Vec::new();
    let mut key_start: Option<usize> = None;
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            q @ (b'"' | b'\'') => {
                let close = s[k + 1..].find(q as char).map_or(b.len(), |c| k + 1 + c);
                k = close + 1;
                continue;
            }
            b'#' if k > 0 && b[k - 1] == b' ' => return,
            b'{' => {
                open.push(Some(HashMap::new()));
                key_start = Some(k + 1);
            }
            b'[' => {
                open.push(None);
                key_start = None;
            }
            b'}' | b']' => {
                open.pop();
                key_start = None;
                if open.is_empty() {
                    return;
                }
            }
            b',' => key_start = matches!(open.last(), Some(Some(_))).then_some(k + 1),
            b':' if k + 1 == b.len() || matches!(b[k + 1], b' ' | b',' | b'}') => {
                if let (Some(start), Some(Some(seen))) = (key_start.take(), open.last_mut()) {
                    let raw = &s[start..k];
                    let key = raw.trim().trim_matches(['"', '\'']).to_string();
                    let lead = raw.len() - raw.trim_start().len();
                    match seen.get(&key) {
                        Some(_) => out.push(Duplicate {
                            key,
                            pos: Pos {
                                line: line + 1,
                                col: at + start + lead + 1,
                            },
                            first_line: line + 1,
                        }),
                        None => {
                            seen.insert(key, line + 1);
                        }
                    }
                }
            }
            _ => {}
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, usize, usize, usize)> {
        duplicates(text)
            .into_iter()
            .map(|d| (d.key, d.pos.line, d.pos.col, d.first_line))
            .collect()
    }

    #[test]
    fn block_keys_twice_in_one_mapping() {
        let text = "format: 1\ntitle: A\nchapter: aim\ntitle: B\nruns:\n  main:\n    lr: 1\n    lr: 2\n  other:\n    lr: 3\n";
        assert_eq!(
            found(text),
            vec![("title".into(), 4, 1, 2), ("lr".into(), 8, 5, 7)]
        );
    }

    #[test]
    fn list_items_are_separate_mappings() {
        let text =
            "questions:\n  - id: a\n    kind: number\n  - id: b\n    kind: number\n    id: c\n";
        assert_eq!(found(text), vec![("id".into(), 6, 5, 4)]);
    }

    #[test]
    fn flow_mappings_on_one_line() {
        let text =
            "params: {x0: 4, lr: 0.1, x0: 2}\nvary:\n  x0: {choices: [1, 2], choices: [3]}\n";
        assert_eq!(
            found(text),
            vec![("x0".into(), 1, 26, 1), ("choices".into(), 3, 25, 3)]
        );
    }

    #[test]
    fn block_scalars_comments_and_quotes_are_skipped() {
        let text = "prompt: |\n  a: 1\n  a: 2\ntitle: \"x: y, x: z\" # title: again\nnote: '{a: 1, a: 2}'\n";
        assert_eq!(found(text), vec![]);
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "- - -",
            "{{{",
            "\"unclosed: x",
            ": : :",
            "a:\n- b: 1\n- b: 1\n",
            "é: 1\né: 2\n",
        ] {
            let _ = duplicates(text);
        }
        assert_eq!(found("é: 1\né: 2\n"), vec![("é".into(), 2, 1, 1)]);
    }
}
