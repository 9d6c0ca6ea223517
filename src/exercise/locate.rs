//! Finding where a value sits in a YAML file, for error messages that name the line.
//!
//! serde gives no positions for values that parsed well but are wrong (a bad expression, a
//! reference to nothing), so this scans the text by indentation: each key of a path is looked
//! for among the lines nested under the previous one, each `[i]` among the `-` items. Flow
//! style (`{grad: 0.6}`) is searched within the line. When a step is not found, the position
//! of the deepest part that was found is returned.

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
}

/// One step of a path: a mapping key or a sequence index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    /// A key.
    Key(&'a str),
    /// An index.
    Index(usize),
}

/// Splits `questions[2].answer` or `runs.main.descent.f` into steps.
pub fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// Where a key was found.
enum KeyHit {
    /// On its own line `i`, at column `col` (0-based).
    Block(usize, usize),
    /// Inside a flow mapping (`{k: v}`): the position itself.
    Flow(Pos),
    /// Nowhere in the region.
    None,
}

/// Looks for key `k` among the lines `start..end` whose content starts at `min_col` or
/// deeper.
fn find_key(lines: &[&str], start: usize, end: usize, min_col: usize, k: &str) -> KeyHit {
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        if !is_content(line) {
            continue;
        }
        // The key may follow a "- " that opens a sequence item.
        let mut col = indent(line);
        let mut rest = &line[col..];
        while let Some(r) = rest.strip_prefix("- ") {
            col += 2 + (r.len() - r.trim_start().len());
            rest = r.trim_start();
        }
        if col < min_col {
            break;
        }
        let key_here = rest
            .strip_prefix(k)
            .is_some_and(|r| r.trim_start().starts_with(':'))
            || rest
                .strip_prefix(&format!("\"{k}\""))
                .is_some_and(|r| r.starts_with(':'));
        if key_here {
            return KeyHit::Block(i, col);
        }
        // Flow style on this line: `{k: v}`.
        if let Some(at) = line.find(&format!("{k}:")) {
            let before = line[..at].chars().last();
            if matches!(before, Some('{') | Some(' ') | Some(',')) && line.contains('{') {
                return KeyHit::Flow(Pos {
                    line: i + 1,
                    col: at + 1,
                });
            }
        }
    }
    KeyHit::None
}

/// Where the value at `path` is written, as well as can be found. A key may itself hold
/// dots (`require: {main.verdict: diverges}` is found for `require.main.verdict`).
pub fn locate(text: &str, path: &str) -> Pos {
    let lines: Vec<&str> = text.lines().collect();
    let steps = steps(path);
    // The region [start, end) of lines and the column where its content starts.
    let (mut start, mut end, mut min_col) = (0usize, lines.len(), 0usize);
    let mut found = Pos { line: 1, col: 1 };
    let mut s = 0;
    while s < steps.len() {
        let mut hit = None;
        match steps[s] {
            Step::Key(k) => {
                let mut key = k.to_string();
                let mut used = 1;
                let mut r = find_key(&lines, start, end, min_col, &key);
                while matches!(r, KeyHit::None)
                    && let Some(Step::Key(next)) = steps.get(s + used)
                {
                    key = format!("{key}.{next}");
                    used += 1;
                    r = find_key(&lines, start, end, min_col, &key);
                }
                match r {
                    KeyHit::Flow(p) => return p,
                    KeyHit::None => {}
                    KeyHit::Block(i, col) => {
                        hit = Some(());
                        s += used - 1;
                        found = Pos {
                            line: i + 1,
                            col: col + 1,
                        };
                        // The value's lines: deeper than the key, or a sequence at the key's
                        // column.
                        let mut j = i + 1;
                        while j < end {
                            let l = lines[j];
                            let nested = !is_content(l)
                                || indent(l) > col
                                || (indent(l) == col && l.trim_start().starts_with('-'));
                            if !nested {
                                break;
                            }
                            j += 1;
                        }
                        // The value itself may be on the key's line.
                        let after = &lines[i][col..];
                        start = i + 1;
                        if let Some(colon) = after.find(':') {
                            let v = after[colon + 1..].trim_start();
                            if !v.is_empty() && !v.starts_with('#') {
                                found.col = col + colon + 2 + (after[colon + 1..].len() - v.len());
                                start = i;
                            }
                        }
                        end = j;
                        min_col = col;
                    }
                }
            }
            Step::Index(n) => {
                let mut count = 0usize;
                let mut item_indent = None;
                let mut item = None;
                for (i, line) in lines.iter().enumerate().take(end).skip(start) {
                    if !is_content(line) {
                        continue;
                    }
                    let ind = indent(line);
                    if !line.trim_start().starts_with('-') {
                        continue;
                    }
                    match item_indent {
                        None => item_indent = Some(ind),
                        Some(x) if x != ind => continue,
                        _ => {}
                    }
                    if count == n {
                        item = Some((i, ind));
                        break;
                    }
                    count += 1;
                }
                if let Some((i, ind)) = item {
                    hit = Some(());
                    found = Pos {
                        line: i + 1,
                        col: ind + 1,
                    };
                    let mut j = i + 1;
                    while j < end && (!is_content(lines[j]) || indent(lines[j]) > ind) {
                        j += 1;
                    }
                    start = i;
                    end = j;
                    min_col = ind;
                }
            }
        }
        if hit.is_none() {
            break;
        }
        s += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "format: 1\ntitle: T\nruns:\n  main:\n    descent:\n      f: \"x^\"\n      lr: 1\nquestions:\n  - id: a\n    kind: number\n    answer: main.x[1]\n  - id: b\n    kind: number\n    answer: main.q\nanswers: {grad: 0.6, x1: 2.4}\n";

    #[test]
    fn finds_nested_keys_and_items() {
        assert_eq!(locate(DOC, "runs.main.descent.f"), Pos { line: 6, col: 10 });
        assert_eq!(
            locate(DOC, "runs.main.descent.lr"),
            Pos { line: 7, col: 11 }
        );
        assert_eq!(
            locate(DOC, "questions[1].answer"),
            Pos { line: 14, col: 13 }
        );
        assert_eq!(locate(DOC, "questions[0].id"), Pos { line: 9, col: 9 });
        assert_eq!(locate(DOC, "questions[1]"), Pos { line: 12, col: 3 });
    }

    #[test]
    fn finds_flow_keys_and_falls_back_to_the_parent() {
        assert_eq!(locate(DOC, "answers.x1"), Pos { line: 15, col: 22 });
        assert_eq!(locate(DOC, "runs.main.nothing"), Pos { line: 4, col: 3 });
    }

    #[test]
    fn finds_keys_that_hold_dots() {
        let doc = "format: 1\nrequire:\n  main.verdict: diverges\n  other.x[1]: 2\nquestions: []\n";
        assert_eq!(
            locate(doc, "require.main.verdict"),
            Pos { line: 3, col: 17 }
        );
        let flow = "require: {main.verdict: diverges}\n";
        assert_eq!(
            locate(flow, "require.main.verdict"),
            Pos { line: 1, col: 11 }
        );
        // Not there at all: the parent.
        assert_eq!(locate(doc, "require.main.x"), Pos { line: 2, col: 1 });
    }

    #[test]
    fn splits_paths() {
        assert_eq!(
            steps("questions[2].answer"),
            vec![Step::Key("questions"), Step::Index(2), Step::Key("answer")]
        );
    }
}
