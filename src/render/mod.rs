//! What the commands print, built as data and written to any `impl Write`: JSON documents
//! and their schemas, and the playground's runs and graphs.

pub(crate) mod backprop;
pub(crate) mod descent;
pub(crate) mod json;
pub(crate) mod schema;
