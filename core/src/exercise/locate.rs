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
//! Budgets: the text is first checked by [`super::yaml::check`] (depth and node count, in
//! linear time); a text over budget is not parsed and gives an empty tree.
//!
//! Columns count characters, from 1, as the YAML parsers do.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

use super::dupkeys::Duplicate;

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
}

impl Pos {
    fn of(m: &Marker) -> Pos {
        Pos {
            line: m.line(),
            col: m.col() + 1,
        }
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

/// A collection being read.
struct Open {
    node: NodeId,
    /// For a mapping: the key read, waiting for its value.
    key: Option<(String, Pos, Pos)>,
    /// For a mapping: each scalar key's first place.
    seen: HashMap<String, Pos>,
}

impl Tree {
    /// Reads `text` (its first document). A text over the budgets of [`super::yaml::check`]
    /// gives an empty tree with the budget's message as its error.
    pub fn parse(text: &str) -> Tree {
        let mut t = Tree {
            text: text.to_string(),
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            ..Tree::default()
        };
        if let Err(e) = super::yaml::check(text) {
            t.error = Some((e.pos, e.message));
            return t;
        }
        t.read(text);
        // saphyr refuses `key:<tab>value`, which YAML 1.2 and serde's parser read (a tab is
        // separation space there): read again with those tabs as spaces, which keeps every
        // column (a tab is one character) and changes no key or value gbl uses.
        if t.error
            .as_ref()
            .is_some_and(|(_, m)| m.starts_with("':' must be followed"))
        {
            let spaced = text.replace(":\t", ": ");
            t = Tree {
                text: t.text,
                line_starts: t.line_starts,
                ..Tree::default()
            };
            t.read(&spaced);
        }
        t
    }

    /// Reads the events of `text` into the tree.
    fn read(&mut self, text: &str) {
        let t = self;
        let mut open: Vec<Open> = Vec::new();
        let mut anchors: HashMap<usize, NodeId> = HashMap::new();
        let mut documents = 0;
        for event in Parser::new_from_str(text) {
            let (event, span) = match event {
                Ok(e) => e,
                Err(e) => {
                    t.error = Some((Pos::of(e.marker()), e.info().to_string()));
                    break;
                }
            };
            let (start, end) = (Pos::of(&span.start), Pos::of(&span.end));
            match event {
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        break;
                    }
                }
                Event::Scalar(value, style, anchor, _) => {
                    let kind = Kind::Scalar {
                        text: value.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    };
                    let id = t.add(kind, start, end, true, false);
                    if anchor > 0 {
                        anchors.insert(anchor, id);
                    }
                    t.attach(&mut open, id);
                }
                Event::Alias(anchor) => {
                    let id = t.add(
                        Kind::Alias(anchors.get(&anchor).copied()),
                        start,
                        end,
                        true,
                        false,
                    );
                    t.attach(&mut open, id);
                }
                Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                    let kind = match event {
                        Event::SequenceStart(..) => Kind::Seq(Vec::new()),
                        _ => Kind::Map(Vec::new()),
                    };
                    let flow = matches!(t.char_at(start), Some('[' | '{'));
                    let id = t.add(kind, start, start, false, flow);
                    if anchor > 0 {
                        anchors.insert(anchor, id);
                    }
                    t.attach(&mut open, id);
                    open.push(Open {
                        node: id,
                        key: None,
                        seen: HashMap::new(),
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    if let Some(o) = open.pop() {
                        let n = &mut t.nodes[o.node];
                        n.complete = true;
                        n.end = end;
                    }
                }
                _ => {}
            }
        }
    }

    fn add(&mut self, kind: Kind, pos: Pos, end: Pos, complete: bool, flow: bool) -> NodeId {
        self.nodes.push(Node {
            kind,
            pos,
            end,
            complete,
            flow,
        });
        self.nodes.len() - 1
    }

    /// Puts node `id` in the collection being read (or makes it the root).
    fn attach(&mut self, open: &mut [Open], id: NodeId) {
        let Some(o) = open.last_mut() else {
            self.root.get_or_insert(id);
            return;
        };
        let parent = o.node;
        if matches!(self.nodes[parent].kind, Kind::Seq(_)) {
            if let Kind::Seq(items) = &mut self.nodes[parent].kind {
                items.push(id);
            }
            return;
        }
        match o.key.take() {
            None => {
                let node = &self.nodes[id];
                let key = match &node.kind {
                    Kind::Scalar { text, .. } => text.clone(),
                    _ => String::new(),
                };
                o.key = Some((key, node.pos, node.end));
            }
            Some((key, key_pos, key_end)) => {
                if !key.is_empty() {
                    match o.seen.get(&key) {
                        Some(first) => self.duplicates.push(Duplicate {
                            key: key.clone(),
                            pos: key_pos,
                            first_line: first.line,
                        }),
                        None => {
                            o.seen.insert(key.clone(), key_pos);
                        }
                    }
                }
                if let Kind::Map(entries) = &mut self.nodes[parent].kind {
                    entries.push(Entry {
                        key,
                        key_pos,
                        key_end,
                        value: id,
                    });
                }
            }
        }
    }

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
    pub fn duplicates(&self) -> &[Duplicate] {
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
    pub fn key_pos(&self, path: &str) -> Option<Pos> {
        match self.walk(path) {
            (_, _, key, true) => key,
            _ => None,
        }
    }

    /// The key `key` of the mapping that starts at `at` (as serde places a problem of a
    /// mapping), else of the first mapping after it that has one.
    pub fn key_in_mapping_at(&self, at: Pos, key: &str) -> Option<Pos> {
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

    /// The node `id` as a YAML value, when it and everything in it were read to the end
    /// before `before` (a syntax error's place); plain scalars are typed as YAML reads them.
    /// `budget` counts the nodes made, aliases included, so a chain of aliases cannot blow
    /// up.
    pub fn value(&self, id: NodeId, before: Pos, budget: &mut usize) -> Option<serde_yaml::Value> {
        use serde_yaml::Value;
        *budget = budget.checked_sub(1)?;
        let n = &self.nodes[self.resolve(id)];
        if !n.complete || n.end > before {
            return None;
        }
        Some(match &n.kind {
            Kind::Scalar { text, plain: false } => Value::String(text.clone()),
            Kind::Scalar { text, plain: true } => match serde_yaml::from_str::<Value>(text) {
                Ok(v @ (Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_))) => v,
                _ => Value::String(text.clone()),
            },
            Kind::Seq(items) => Value::Sequence(
                items
                    .iter()
                    .map(|&i| self.value(i, before, budget))
                    .collect::<Option<_>>()?,
            ),
            Kind::Map(entries) => {
                let mut m = serde_yaml::Mapping::new();
                for e in entries {
                    m.insert(
                        Value::String(e.key.clone()),
                        self.value(e.value, before, budget)?,
                    );
                }
                Value::Mapping(m)
            }
            Kind::Alias(None) => return None,
            Kind::Alias(Some(_)) => unreachable!("resolved above"),
        })
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

    #[test]
    fn text_that_only_looks_like_keys_is_not_taken_for_them() {
        // `answer:` inside a block scalar, a quoted string and a comment come before the
        // real key; a text scan by indentation or by `key:` would stop at one of them.
        let doc = "questions:\n  - id: a\n    prompt: |\n      answer: not this\n    note: \"answer: nor this\" # answer: nor this\n    answer: main.x[1]\n";
        assert_eq!(locate(doc, "questions[0].answer"), Pos { line: 6, col: 13 });
        assert_eq!(locate(doc, "questions[0].prompt"), Pos { line: 3, col: 13 });
        let t = Tree::parse(doc);
        assert_eq!(
            t.key_pos("questions[0].note"),
            Some(Pos { line: 5, col: 5 })
        );
    }

    #[test]
    fn quoted_keys_anchors_document_start_tabs_and_crlf() {
        let doc = "---\n\"runs\":\n  main: &m\n    lr: 1\n  other: *m\n'title': x\t# a tab before the comment\n";
        let t = Tree::parse(doc);
        assert_eq!(t.error(), None);
        assert_eq!(t.locate("runs.main.lr"), Pos { line: 4, col: 9 });
        // Through the alias, to where the value is written.
        assert_eq!(t.locate("runs.other.lr"), Pos { line: 4, col: 9 });
        assert_eq!(t.locate("runs.other"), Pos { line: 5, col: 10 });
        assert_eq!(t.locate("title"), Pos { line: 6, col: 10 });
        let crlf = doc.replace('\n', "\r\n");
        let t = Tree::parse(&crlf);
        assert_eq!(t.locate("runs.main.lr"), Pos { line: 4, col: 9 });
        assert_eq!(t.locate("title"), Pos { line: 6, col: 10 });
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before_it() {
        let doc = "a: 1\nb: [1, 2]\nc: \"open\n";
        let t = Tree::parse(doc);
        let (at, _) = t.error().expect("an error");
        assert_eq!(at.line, 3);
        let b = t.at("b").expect("b");
        let mut budget = 100;
        assert_eq!(
            t.value(b, *at, &mut budget),
            Some(serde_yaml::from_str("[1, 2]").expect("yaml"))
        );
        assert_eq!(t.at("c"), None);
        assert!(!t.node(t.root().expect("root")).complete);
    }

    #[test]
    fn over_budget_text_is_not_parsed() {
        let deep = format!("a: {}1{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let t = Tree::parse(&deep);
        assert!(t.error().is_some_and(|(_, m)| m.contains("nests deeper")));
        assert_eq!(t.root(), None);
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "",
            "\u{feff}a: 1\n",
            "a: 1\rb: 2\r",
            "- - -",
            "{{{",
            "\"unclosed: x",
            ": : :",
            "a: 1\n---\nb: 2\n",
            "? [a, b]\n: c\n",
            "a: *nothing\n",
            "&a [*a]\n",
            "é: 1\n😀: {é: 2, é: 3}\n",
            "a:\t\n\tb: 1\n",
        ] {
            let t = Tree::parse(text);
            for path in ["a", "b", "a[0]", "a.b.c", "😀.é", "[0][1]"] {
                let _ = (t.locate(path), t.key_pos(path), t.at(path));
            }
            let _ = t.key_in_mapping_at(Pos { line: 1, col: 1 }, "a");
        }
        // Characters, not bytes: the second é is at column 11 of line 2.
        let t = Tree::parse("é: 1\n😀: {é: 2, é: 3}\n");
        assert_eq!(t.duplicates()[0].pos, Pos { line: 2, col: 11 });
    }

    /// Every YAML file of the repository that serde reads, the tree reads to its end too
    /// (the two parsers agree on what gbl's own files are).
    #[test]
    // A test may read the repository's files; the core itself never does.
    #[allow(clippy::disallowed_methods)]
    fn the_tree_reads_every_yaml_file_serde_reads() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                    out.push(p);
                }
            }
        }
        // The repository's root, above the core crate's folder.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for d in ["exercises", "solutions", "tests/fixtures", "book/src"] {
            walk(&root.join(d), &mut files);
        }
        let mut read = 0;
        for f in files {
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            if serde_yaml::from_str::<serde_yaml::Value>(&text).is_err() {
                continue;
            }
            let t = Tree::parse(&text);
            assert_eq!(t.error(), None, "{}", f.display());
            assert!(
                t.root().is_none_or(|r| t.node(r).complete),
                "{}",
                f.display()
            );
            read += 1;
        }
        assert!(read >= 12, "{read}");
    }
}
