//! Reading the tree: the parser's events become nodes with their places, and every key
//! given twice in its mapping is noted.

use std::collections::HashMap;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

use super::{Duplicate, Entry, Kind, Node, NodeId, Pos, Tree};

/// A collection being read.
struct Open {
    node: NodeId,
    /// For a mapping: the key read, waiting for its value.
    key: Option<(String, Pos, Pos)>,
    /// For a mapping: each scalar key's first place.
    seen: HashMap<String, Pos>,
}

impl Tree {
    /// Reads `text` (its first document). A text over the budgets of [`crate::exercise::scan::check`]
    /// gives an empty tree with the budget's message as its error.
    pub fn parse(text: &str) -> Tree {
        let mut t = Tree {
            text: text.to_string(),
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            ..Tree::default()
        };
        if let Err(e) = crate::exercise::scan::check(text) {
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
                    t.error = Some((pos_of(e.marker()), e.info().to_string()));
                    break;
                }
            };
            let (start, end) = (pos_of(&span.start), pos_of(&span.end));
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
}

/// The place of a parser's marker (its columns count from 0).
fn pos_of(m: &Marker) -> Pos {
    Pos {
        line: m.line(),
        col: m.col() + 1,
    }
}
