//! Ids suggested for one that is not there: `did you mean gd-one-step?`.

/// `did you mean a, b?` for the ids closest to `id`, or `None`.
pub fn did_you_mean<'a>(id: &str, ids: impl IntoIterator<Item = &'a str>) -> Option<String> {
    // A misspelt id is about as long as an id; comparing a megabyte of text is work for nothing.
    if id.len() > 100 {
        return None;
    }
    let mut near: Vec<&str> = ids
        .into_iter()
        .filter(|other| {
            let (a, b) = (id.to_lowercase(), other.to_lowercase());
            similar::TextDiff::from_chars(a.as_str(), b.as_str()).ratio() > 0.6
                || (!a.is_empty() && b.contains(&a))
        })
        .collect();
    near.truncate(3);
    (!near.is_empty()).then(|| crate::t!("suggest-did-you-mean", ids = near.join(", ")))
}
