//! Keys given twice in one YAML mapping (`params: {x0: 1, x0: 2}`, or `title:` on two lines),
//! each reported at the second key with the line of the first. The YAML parser lets the last
//! one win silently for maps, and names no position for a struct's duplicate field, so they
//! are found in the tree of [`super::locate::Tree`], which reads the text as YAML does: flow
//! mappings over several lines, quoted keys, block scalars and comments holding `key:` text.

pub use super::locate::Duplicate;

/// Every duplicate key of `text`, in order (none when it is over a budget; what comes after
/// a syntax error is not read).
pub(crate) fn duplicates(text: &str) -> Vec<Duplicate> {
    super::locate::tree(text).duplicates().to_vec()
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

    #[test]
    fn what_a_text_scan_missed() {
        // A flow mapping over two lines; a key given three times (each later one names the
        // first); `key:<tab>value`; keys in quotes; an anchor and its alias.
        let text = "params: {x0: 1,\n  x0: 2,\n  x0: 3}\ntitle:\tA\n'title': B\nruns:\n  a: &r {lr: 1}\n  b: *r\n  \"a\": 2\n";
        assert_eq!(
            found(text),
            vec![
                ("x0".into(), 2, 3, 1),
                ("x0".into(), 3, 3, 1),
                ("title".into(), 5, 1, 4),
                ("a".into(), 9, 3, 7),
            ]
        );
        // CRLF line ends place them the same.
        assert_eq!(found(&text.replace('\n', "\r\n")), found(text));
    }
}
