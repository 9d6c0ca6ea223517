//! Finding and parsing `{{#gbl KIND ARGS...}}` directives in a chapter's Markdown.
//!
//! Syntax (one directive; it may span lines):
//!
//! ```text
//! directive = "{{#gbl" , ws , KIND , { ws , arg } , [ ws ] , "}}" ;
//! arg       = word | key , "=" , value ;
//! value     = word | '"' , { any character but '"', or '\"' } , '"' ;
//! word      = { any character but white space, '"' and "}}" } ;
//! ```
//!
//! Bare words are positional (`{{#gbl exercise gd-one-step}}`, `{{#gbl plot path ...}}`);
//! `key=value` pairs are named. Inside quotes `\"` is a quote; every other backslash is kept
//! as written (so `print="x: {x}\n"` keeps its `\n` for the template). A directive written
//! `\{{#gbl ...}}` is not run: it is printed as `{{#gbl ...}}`.

mod parse;
mod split;

pub use split::MAX_DIRECTIVES;
pub(crate) use split::{Piece, split};

/// The text that opens a directive.
pub(crate) const OPEN: &str = "{{#gbl";

/// One directive as written in a chapter.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Directive {
    /// The kind: `exercise`, `trace`, `table`, `value`, `derive`, `plot`, `backprop`, `schema`.
    pub(crate) kind: String,
    /// Bare words after the kind, in order.
    pub(crate) positional: Vec<String>,
    /// `key=value` pairs, in order.
    pub(crate) named: Vec<(String, String)>,
    /// Byte offset of `{{` in the chapter.
    pub(crate) start: usize,
    /// Byte offset just after `}}`.
    pub(crate) end: usize,
    /// The 1-based line of `{{`.
    pub(crate) line: usize,
    /// Whether the directive is alone on its line(s) (only white space around it).
    pub(crate) own_line: bool,
}

/// A directive that cannot be parsed, or whose arguments do not fit its kind.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{message}")]
pub(crate) struct DirectiveError {
    /// The 1-based line of the directive.
    pub(crate) line: usize,
    /// What is wrong.
    pub(crate) message: String,
}

impl Directive {
    /// An error about this directive.
    pub(crate) fn error(&self, message: impl Into<String>) -> DirectiveError {
        DirectiveError {
            line: self.line,
            message: message.into(),
        }
    }

    /// Checks the named arguments against those `required` and those `optional`, and the
    /// number of positional words against `positional` (their names, for messages).
    pub(crate) fn expect(
        &self,
        positional: &[&str],
        required: &[&str],
        optional: &[&str],
    ) -> Result<(), DirectiveError> {
        let what = self.what();
        if self.positional.len() > positional.len() {
            let extra = &self.positional[positional.len()];
            return Err(self.error(if positional.is_empty() {
                format!("{what}: unexpected word '{extra}' (arguments are written name=value)")
            } else {
                format!(
                    "{what}: unexpected word '{extra}' after {}",
                    positional.join(" ")
                )
            }));
        }
        if self.positional.len() < positional.len() {
            return Err(self.error(format!(
                "{what}: missing {}",
                positional[self.positional.len()]
            )));
        }
        for (k, _) in &self.named {
            if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
                let mut known: Vec<&str> = required.to_vec();
                known.extend(optional);
                return Err(self.error(format!(
                    "{what}: unknown argument '{k}' (known: {})",
                    known.join(", ")
                )));
            }
        }
        for r in required {
            if self.get(r).is_none() {
                return Err(self.error(format!("{what}: missing argument '{r}=...'")));
            }
        }
        Ok(())
    }

    /// The directive's name in messages: `table` or `plot path`.
    pub(crate) fn what(&self) -> String {
        match (self.kind.as_str(), self.positional.first()) {
            ("plot", Some(p)) => format!("'plot {p}'"),
            (k, _) => format!("'{k}'"),
        }
    }

    /// A named argument.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A named argument that [`Directive::expect`] has required.
    pub(crate) fn req(&self, key: &str) -> Result<&str, DirectiveError> {
        self.get(key)
            .ok_or_else(|| self.error(format!("{}: missing argument '{key}=...'", self.what())))
    }
}

/// The first directive of `text` (tests).
#[cfg(test)]
pub(super) fn first_directive(text: &str) -> Directive {
    match split(text).into_iter().find_map(|p| match p {
        Piece::Directive(d) => Some(d),
        _ => None,
    }) {
        Some(d) => d,
        None => panic!("no directive in {text:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::first_directive as one;

    #[test]
    fn expect_names_the_problem() {
        let d = one("{{#gbl table f=x^2 from=x=3 lr=1 step=3}}");
        let e = d.expect(&[], &["f", "from", "lr", "steps"], &["digits"]);
        assert!(e.is_err_and(|e| e.message.contains("unknown argument 'step'")));
        let d = one("{{#gbl table f=x^2 from=x=3 lr=1}}");
        let e = d.expect(&[], &["f", "from", "lr", "steps"], &["digits"]);
        assert!(e.is_err_and(|e| e.message.contains("missing argument 'steps=...'")));
        let d = one("{{#gbl exercise}}");
        let e = d.expect(&["an exercise id"], &[], &[]);
        assert!(e.is_err_and(|e| e.message.contains("missing an exercise id")));
    }
}
