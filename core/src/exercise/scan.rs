//! The budget of a YAML text: nesting depth and node count are checked by a cheap scan
//! of the text *before* the YAML parser sees it, so a hostile file (a 400,000-deep flow
//! sequence `[[[[…`, or a compact block `- - - - …`) is refused in linear time instead of
//! sending the parser into quadratic work or deep recursion.
//!
//! The scan over-approximates nothing it cannot see and under-approximates nothing that
//! nests: a level is each indentation step of block style (a key's value, a `- ` item,
//! counted per column), plus each `[`/`{` of flow style outside quoted strings and
//! comments. Block scalars (`|`, `>`) are skipped, and a `[` inside a plain scalar
//! (`title: the range [0, 1)`) does not open flow style, as in YAML itself. Nodes are
//! counted as content lines plus flow separators: within a constant of the parser's count.

use super::pos::Pos;

/// The deepest nesting read in any YAML file gbl reads (exercises, quizzes, answers); the
/// bundled exercises nest at most 6 levels.
pub const MAX_DEPTH: usize = 64;
/// The most values (scalars, list items, keys) in one YAML file: an exercise with 10,000
/// `choices` (the most variants) fits; a real answer file holds a few dozen.
pub(crate) const MAX_NODES: usize = 50_000;

/// Why a text is refused before parsing: where, and which budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverBudget {
    /// Where the budget was exceeded.
    pub pos: Pos,
    /// Which budget, in words.
    pub message: String,
}

/// Scans `text` for its nesting depth and node count, failing at the first place where
/// either exceeds its budget.
pub fn check(text: &str) -> Result<(), OverBudget> {
    let mut scan = Scan::default();
    for (i, line) in text.lines().enumerate() {
        scan.line(i, line)?;
    }
    Ok(())
}

#[derive(Default)]
struct Scan {
    /// Columns of the open block levels, increasing.
    block: Vec<usize>,
    /// Open `[`/`{`.
    flow: usize,
    /// Inside a quoted string that continues on the next line: its quote character.
    quote: Option<u8>,
    /// Inside a block scalar: lines indented deeper than this column belong to it.
    scalar_above: Option<usize>,
    nodes: usize,
}

impl Scan {
    fn over(&self, line: usize, col: usize, message: String) -> Result<(), OverBudget> {
        Err(OverBudget {
            pos: Pos {
                line: line + 1,
                col: col + 1,
            },
            message,
        })
    }

    fn depth(&self, line: usize, col: usize) -> Result<(), OverBudget> {
        if self.block.len() + self.flow > MAX_DEPTH {
            return self.over(
                line,
                col,
                format!("the YAML nests deeper than {MAX_DEPTH} levels, the most gbl reads"),
            );
        }
        Ok(())
    }

    fn node(&mut self, line: usize, col: usize) -> Result<(), OverBudget> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return self.over(
                line,
                col,
                format!("the YAML holds more than {MAX_NODES} values, the most gbl reads"),
            );
        }
        Ok(())
    }

    fn line(&mut self, i: usize, line: &str) -> Result<(), OverBudget> {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = indent == bytes.len() || bytes[indent] == b'#';
        if let Some(col) = self.scalar_above {
            if blank || indent > col {
                return Ok(());
            }
            self.scalar_above = None;
        }
        if blank && self.quote.is_none() && self.flow == 0 {
            return Ok(());
        }
        let mut at = indent;
        if self.quote.is_none() && self.flow == 0 {
            // Block style: close the levels this line is not inside, open its own, and one
            // more for each compact "- " item.
            while self.block.last().is_some_and(|&c| c >= indent) {
                self.block.pop();
            }
            self.block.push(indent);
            while bytes.get(at) == Some(&b'-') && matches!(bytes.get(at + 1), Some(b' ') | None) {
                at += 1;
                while bytes.get(at) == Some(&b' ') {
                    at += 1;
                }
                self.block.push(at);
                self.node(i, at)?;
                self.depth(i, at)?;
            }
            self.node(i, at)?;
            self.depth(i, at)?;
        }
        self.rest(i, bytes, at, indent)
    }

    /// The rest of a line from byte `at`: quoted strings, comments, flow brackets, and a
    /// block scalar's start.
    fn rest(
        &mut self,
        i: usize,
        bytes: &[u8],
        mut at: usize,
        indent: usize,
    ) -> Result<(), OverBudget> {
        // Whether the next non-space byte starts a value (where `[`, `{` and quotes open).
        let mut value_start = true;
        while at < bytes.len() {
            let b = bytes[at];
            if let Some(q) = self.quote {
                if b == b'\\' && q == b'"' {
                    at += 2;
                    continue;
                }
                if b == q {
                    if q == b'\'' && bytes.get(at + 1) == Some(&b'\'') {
                        at += 2;
                        continue;
                    }
                    self.quote = None;
                    value_start = false;
                }
                at += 1;
                continue;
            }
            match b {
                b' ' | b'\t' => {
                    at += 1;
                    continue;
                }
                b'#' if at == 0 || matches!(bytes[at - 1], b' ' | b'\t') => return Ok(()),
                b'"' | b'\'' if value_start => self.quote = Some(b),
                b'[' | b'{' if value_start || self.flow > 0 => {
                    self.flow += 1;
                    self.node(i, at)?;
                    self.depth(i, at)?;
                    at += 1;
                    value_start = true;
                    continue;
                }
                b']' | b'}' if self.flow > 0 => self.flow -= 1,
                b',' if self.flow > 0 => {
                    self.node(i, at)?;
                    at += 1;
                    value_start = true;
                    continue;
                }
                b':' if matches!(bytes.get(at + 1), Some(b' ') | None) => {
                    at += 1;
                    value_start = true;
                    continue;
                }
                b'|' | b'>' if value_start && self.flow == 0 => {
                    self.scalar_above = Some(indent);
                    return Ok(());
                }
                _ => {}
            }
            value_start = false;
            at += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_refused(text: &str) -> bool {
        check(text).is_err_and(|e| e.message.contains("nests deeper"))
    }

    #[test]
    fn ordinary_files_pass() {
        for text in [
            "gd-one-step: {grad: 0.6, x1: 2.4}\nchain-rule-x5: {z: 3, y: 18}\n",
            "a:\n  b:\n    - c: [1, 2, {d: 3}]\n    - 'it''s [ {'\n    - \"[[[\\\"\"\n",
            "prompt: |\n  [[[[[[[[[[ not YAML [ at all\n  {{{{{{\nnext: 1\n",
            "title: the range [0, 1) # and [[[[[\n",
        ] {
            assert_eq!(check(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn deep_flow_and_block_nesting_are_refused_at_the_deep_place() {
        let flow = format!("a: {}1{}\n", "[".repeat(400_000), "]".repeat(400_000));
        let e = check(&flow).expect_err("deep flow");
        assert_eq!(
            e.pos,
            Pos {
                line: 1,
                col: 4 + MAX_DEPTH - 1
            }
        );
        assert!(depth_refused(&"- ".repeat(400_000)));
        let stairs: String = (0..100)
            .map(|k| format!("{}k{k}:\n", " ".repeat(k)))
            .collect();
        assert!(depth_refused(&stairs));
        // Exactly at the budget is still read.
        let fits = format!(
            "{}1{}\n",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert_eq!(check(&fits), Ok(()));
        assert!(depth_refused(&format!("{}1", "{a: ".repeat(MAX_DEPTH + 1))));
    }

    #[test]
    fn too_many_values_are_refused() {
        let many = format!("[{}1]", "1,".repeat(MAX_NODES));
        let e = check(&many).expect_err("many");
        assert!(
            e.message.contains("more than 50000 values"),
            "{}",
            e.message
        );
        let lines = "k: 1\n".repeat(MAX_NODES - 1);
        assert_eq!(check(&lines), Ok(()));
    }
}
