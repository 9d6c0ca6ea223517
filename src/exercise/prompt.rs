//! Filling in `{{...}}` placeholders in prompts and hints.

use super::compute::Results;
use super::reference::Reference;

/// Replaces each `{{name}}` by a parameter's value and each `{{REF}}` by what the reference
/// resolves to (`{{main.f}}`, `{{main.lr}}`, `{{main.x[0]}}`).
pub fn fill(text: &str, results: &Results) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or_else(|| "a '{{' without its '}}'".to_string())?;
        let key = after[..close].trim();
        let value = match results.params.get(key) {
            Some(v) => crate::pyfmt::present_num(*v),
            None => Reference::parse(key)?.resolve(results)?.to_string(),
        };
        out.push_str(&value);
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}
