//! Checks of an exercise file beyond its model, run by `gbl validate` beside
//! [`super::validate`]: keys given twice (see [`super::dupkeys`]) and ids that students could
//! not type.

use super::dupkeys::duplicates;
use super::load::{Diagnostic, Loaded};

/// Every such problem of one exercise file.
pub fn problems(l: &Loaded) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = duplicates(&l.source.text)
        .into_iter()
        .map(|d| Diagnostic {
            file: l.source.name.clone(),
            pos: Some(d.pos),
            message: d.message(),
        })
        .collect();
    if let Some(why) = id_problem(&l.id) {
        out.push(Diagnostic {
            file: l.source.name.clone(),
            pos: None,
            message: why,
        });
    }
    out
}

/// Why an id (the file name without `.yaml`) cannot be used, if it cannot: students type it
/// on the command line and in answer files.
pub(crate) fn id_problem(id: &str) -> Option<String> {
    let bad = id
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, ':' | '"' | '\'' | '#'))?;
    let shown = if bad.is_whitespace() {
        "a space".to_string()
    } else {
        format!("'{}'", bad.escape_default())
    };
    let suggested: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    Some(format!(
        "the id '{}' (the file name) has {shown} in it, which students cannot type in \
         'gbl check ID' or an answer file; rename the file, e.g. to '{suggested}.yaml'",
        id.escape_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::id_problem;

    #[test]
    fn ids_with_spaces_are_refused_with_a_name_to_use() {
        assert_eq!(
            id_problem("my step"),
            Some("the id 'my step' (the file name) has a space in it, which students cannot type in 'gbl check ID' or an answer file; rename the file, e.g. to 'my-step.yaml'".into())
        );
        assert!(id_problem("a:b").is_some());
        assert_eq!(id_problem("gd-one-step"), None);
        assert_eq!(id_problem("mv_2.b"), None);
    }
}
