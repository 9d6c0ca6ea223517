//! The colour policy: colour only on a terminal, never with `NO_COLOR` or `--color never`,
//! always with `--color always`. Renderers take a [`Paint`] and stay pure.

use std::io::IsTerminal;

use owo_colors::OwoColorize;

/// When to colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour when standard output is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Decides for standard output.
    pub(crate) fn paint(self) -> Paint {
        let on = match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Paint { on }
    }
}

/// Colours text, or leaves it plain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paint {
    /// Whether colour is on.
    pub on: bool,
}

impl Paint {
    /// No colour.
    pub const PLAIN: Paint = Paint { on: false };

    fn apply(&self, s: &str, f: impl Fn(&str) -> String) -> String {
        if self.on { f(s) } else { s.to_string() }
    }

    /// Right: green.
    pub fn good(&self, s: &str) -> String {
        self.apply(s, |s| s.green().to_string())
    }

    /// Wrong: red.
    pub fn bad(&self, s: &str) -> String {
        self.apply(s, |s| s.red().to_string())
    }

    /// Missing or a warning: yellow.
    pub fn warn(&self, s: &str) -> String {
        self.apply(s, |s| s.yellow().to_string())
    }

    /// Headings and names: bold.
    pub fn strong(&self, s: &str) -> String {
        self.apply(s, |s| s.bold().to_string())
    }

    /// Secondary text: dimmed.
    pub fn dim(&self, s: &str) -> String {
        self.apply(s, |s| s.dimmed().to_string())
    }

    /// Expressions and commands: cyan.
    pub fn code(&self, s: &str) -> String {
        self.apply(s, |s| s.cyan().to_string())
    }
}
