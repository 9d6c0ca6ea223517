//! Where things are in a YAML file, for messages that name the line and column.
//!
//! The text is read by a YAML 1.2 event parser that keeps positions (`saphyr-parser`) into a
//! small tree of mappings, sequences and scalars, each with the place it starts and ends and
//! each mapping key with its own place. Paths such as `questions[2].answer` are walked in that
//! tree, so flow mappings, quoted keys, comments, block scalars holding `key:` text, anchors
//! and aliases, `---`, tabs and CRLF line ends are placed as YAML reads them, not guessed from
//! indentation. The same tree finds every key given twice in its mapping ([`Tree::duplicates`])
//! and, when the text is not valid YAML, keeps what was read before the parser's error with
//! the error's own position ([`Tree::error`]).
//!
//! Budgets: the text is first checked by [`super::scan::check`] (depth and node count, in
//! linear time); a text over budget is not parsed and gives an empty tree.
//!
//! Columns count characters, from 1, as the YAML parsers do.

mod read;
mod value;

use std::cell::RefCell;
use std::rc::Rc;

pub use super::pos::Pos;

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

/// A node's index in its [`Tree`].
pub type NodeId = usize;

/// What a node holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A scalar, with its text and whether it was written plain (unquoted, not `|`/`>`),
    /// which is when YAML reads it as a number, a boolean or null.
    Scalar {
        /// The text, as YAML reads it (quotes and escapes resolved).
        text: String,
        /// Written plain.
        plain: bool,
    },
    /// A sequence's items.
    Seq(Vec<NodeId>),
    /// A mapping's entries, in order (duplicates included).
    Map(Vec<Entry>),
    /// `*name`: the node anchored by that name, when it was read.
    Alias(Option<NodeId>),
}

/// A mapping's entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key's text (empty for a key that is not a scalar).
    pub key: String,
    /// Where the key starts.
    pub key_pos: Pos,
    /// Where the key ends.
    pub key_end: Pos,
    /// The value.
    pub value: NodeId,
}

/// A node: what it holds and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What it holds.
    pub kind: Kind,
    /// Where it starts.
    pub pos: Pos,
    /// Where it ends (for a collection, once read to its end).
    pub end: Pos,
    /// Whether it was read to its end before any syntax error.
    pub complete: bool,
    /// Whether it is a flow collection (`{…}`, `[…]`).
    pub flow: bool,
}

/// A YAML text read into a tree with positions.
#[derive(Debug, Default)]
pub struct Tree {
    text: String,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    nodes: Vec<Node>,
    root: Option<NodeId>,
    error: Option<(Pos, String)>,
    duplicates: Vec<Duplicate>,
}

impl Tree {
    /// The character at `p`, if any.
    fn char_at(&self, p: Pos) -> Option<char> {
        self.line(p.line)?.chars().nth(p.col - 1)
    }

    /// Line `n` (from 1), without its line end.
    fn line(&self, n: usize) -> Option<&str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self.line_starts.get(n).copied().unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// The root node (the document's top value), if any was read.
    pub fn root(&self) -> Option<NodeId> {
        self.root
    }

    /// A node.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The parser's error, with its position, when the text is not valid YAML (or over a
    /// budget).
    pub fn error(&self) -> Option<&(Pos, String)> {
        self.error.as_ref()
    }

    /// Every key given a second (third, …) time in its mapping, in order.
    pub(crate) fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// The node an alias stands for (any other node: itself).
    fn resolve(&self, mut id: NodeId) -> NodeId {
        // An alias names a node read before it, so this ends.
        while let Kind::Alias(Some(target)) = self.nodes[id].kind {
            id = target;
        }
        id
    }

    /// The entry of mapping `map` with key `key` (the first one when given twice).
    pub fn entry(&self, map: NodeId, key: &str) -> Option<&Entry> {
        match &self.nodes[self.resolve(map)].kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// Where a value is shown: itself when it starts on its key's line; else whatever
    /// follows the key on that line (`|`, `&anchor`); else the key.
    fn value_pos(&self, e: &Entry, in_flow: bool) -> Pos {
        if in_flow {
            return e.key_pos;
        }
        let v = &self.nodes[e.value];
        let empty = matches!(&v.kind, Kind::Scalar { text, plain: true } if text.is_empty());
        if v.pos.line == e.key_end.line && !empty {
            return v.pos;
        }
        if let Some(line) = self.line(e.key_end.line) {
            let after: Vec<char> = line.chars().collect();
            let mut c = e.key_end.col - 1;
            while after
                .get(c)
                .is_some_and(|&ch| ch == ' ' || ch == '\t' || ch == ':')
            {
                c += 1;
            }
            if c < after.len() && after[c] != '#' && c > e.key_end.col - 1 {
                return Pos {
                    line: e.key_end.line,
                    col: c + 1,
                };
            }
        }
        e.key_pos
    }

    /// Where a sequence item is shown: its `- ` in block style, else itself.
    fn item_pos(&self, item: NodeId) -> Pos {
        let p = self.nodes[item].pos;
        if let Some(line) = self.line(p.line) {
            let before: Vec<char> = line.chars().take(p.col - 1).collect();
            let mut c = before.len();
            while c > 0 && matches!(before[c - 1], ' ' | '\t') {
                c -= 1;
            }
            if c > 0 && before[c - 1] == '-' {
                return Pos {
                    line: p.line,
                    col: c,
                };
            }
        }
        p
    }

    /// Walks `path` as far as it goes: the node reached, the position of the last step
    /// found, and how many steps were found. A key may itself hold dots
    /// (`require: {main.verdict: diverges}` is found for `require.main.verdict`).
    fn walk(&self, path: &str) -> (Option<NodeId>, Pos, Option<Pos>, bool) {
        let steps = steps(path);
        let mut node = self.root;
        let mut found = Pos { line: 1, col: 1 };
        let mut key_pos = None;
        let mut s = 0;
        while s < steps.len() {
            let Some(here) = node.map(|n| self.resolve(n)) else {
                return (None, found, key_pos, false);
            };
            match steps[s] {
                Step::Key(k) => {
                    let mut key = k.to_string();
                    let mut used = 1;
                    let mut hit = self.entry(here, &key);
                    while hit.is_none()
                        && let Some(Step::Key(next)) = steps.get(s + used)
                    {
                        key = format!("{key}.{next}");
                        used += 1;
                        hit = self.entry(here, &key);
                    }
                    let Some(e) = hit else {
                        return (None, found, key_pos, false);
                    };
                    found = self.value_pos(e, self.nodes[here].flow);
                    key_pos = Some(e.key_pos);
                    node = Some(e.value);
                    s += used;
                }
                Step::Index(n) => {
                    let item = match &self.nodes[here].kind {
                        Kind::Seq(items) => items.get(n).copied(),
                        _ => None,
                    };
                    let Some(item) = item else {
                        return (None, found, key_pos, false);
                    };
                    found = self.item_pos(item);
                    key_pos = None;
                    node = Some(item);
                    s += 1;
                }
            }
        }
        (node, found, key_pos, true)
    }

    /// Where the value at `path` is written, as well as can be found: when a step is not
    /// there, the place of the deepest step that is.
    pub fn locate(&self, path: &str) -> Pos {
        self.walk(path).1
    }

    /// The node at `path`, when it is there.
    pub fn at(&self, path: &str) -> Option<NodeId> {
        match self.walk(path) {
            (node, _, _, true) => node,
            _ => None,
        }
    }

    /// Where the key that ends `path` is written, when it is there.
    pub(crate) fn key_pos(&self, path: &str) -> Option<Pos> {
        match self.walk(path) {
            (_, _, key, true) => key,
            _ => None,
        }
    }

    /// The key `key` of the mapping that starts at `at` (as serde places a problem of a
    /// mapping), else of the first mapping after it that has one.
    pub(crate) fn key_in_mapping_at(&self, at: Pos, key: &str) -> Option<Pos> {
        let mut after = None;
        for (id, n) in self.nodes.iter().enumerate() {
            if !matches!(n.kind, Kind::Map(_)) || n.pos < at {
                continue;
            }
            if let Some(e) = self.entry(id, key) {
                if n.pos == at {
                    return Some(e.key_pos);
                }
                after = after.or(Some(e.key_pos));
            }
        }
        after
    }
}

thread_local! {
    /// The last text read, with its tree: a file's problems are located one by one.
    static LAST: RefCell<Option<Rc<Tree>>> = const { RefCell::new(None) };
}

/// The tree of `text`, read once for a run of lookups in the same text.
pub fn tree(text: &str) -> Rc<Tree> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(t) = last.as_ref().filter(|t| t.text == text) {
            return Rc::clone(t);
        }
        let t = Rc::new(Tree::parse(text));
        *last = Some(Rc::clone(&t));
        t
    })
}

/// Where the value at `path` of `text` is written (see [`Tree::locate`]).
pub fn locate(text: &str, path: &str) -> Pos {
    tree(text).locate(path)
}

#[cfg(test)]
mod tests;
