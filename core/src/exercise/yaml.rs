//! Reading YAML under a budget: the text is scanned first ([`super::scan`]: nesting depth
//! and node count, in linear time), and only a text within the budgets is given to serde.

use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, yaml_error};
pub(crate) use super::scan::MAX_NODES;
pub use super::scan::{MAX_DEPTH, OverBudget, check};

/// Parses `text` (named `file` in messages) as YAML into `T`, after checking the budgets.
pub fn from_str<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
    check(text).map_err(|e| Diagnostic {
        file: file.to_string(),
        pos: Some(e.pos),
        message: e.message,
    })?;
    serde_yaml::from_str(text).map_err(|e| yaml_error(file, text, &e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::pos::Pos;

    #[test]
    fn from_str_names_the_file_and_place() {
        let text = format!("x: {}", "[".repeat(100));
        let d = from_str::<serde_yaml::Value>("a.yaml", &text).expect_err("deep");
        assert_eq!(d.file, "a.yaml");
        assert_eq!(
            d.pos,
            Some(Pos {
                line: 1,
                col: 4 + MAX_DEPTH - 1
            })
        );
    }
}
