//! The languages gbl speaks to a student: every sentence a student reads comes from a message
//! catalogue (Fluent, `core/i18n/LANG/*.ftl`), English and Korean, so that a Korean-speaking
//! student gets the feedback in the lecture's language.
//!
//! - [`Lang`] is the language; the command line chooses it from `--lang` or the environment
//!   (`LC_ALL`, `LC_MESSAGES`, `LANG`: a value that starts with `ko` means Korean), the book's
//!   page from the page's language. [`set`] makes it the language of the process's messages;
//!   [`with`] runs one piece of work in a language on its thread (a request of the page's
//!   checker), so that no result depends on another thread's language.
//! - [`tr`] (and the [`t!`](crate::t) macro) formats a message by its id with its arguments.
//!   Arguments are text: numbers are formatted by gbl (`pyfmt`) before they reach a message,
//!   so that no number, id, file name or JSON key changes with the language.
//! - A message missing from the Korean catalogue falls back to the English one; the catalogue
//!   tests make sure none is missing, and that both languages use the same arguments.
//!
//! Why Fluent (`fluent-bundle`, Mozilla's Project Fluent): the messages are whole sentences with
//! named placeholders that a translator can move freely (Korean puts the verb last), kept in
//! plain text files a translator can read without Rust; the crate is maintained by the Fluent
//! project, has no system dependency and builds for WebAssembly.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A language gbl speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Korean (한국어), the lecture's language.
    Ko,
}

/// Every catalogue file, by language: `(file name, text)`.
pub const CATALOGUES: [(Lang, &[(&str, &str)]); 2] = [
    (
        Lang::En,
        &[
            ("check.ftl", include_str!("../../i18n/en/check.ftl")),
            ("trace.ftl", include_str!("../../i18n/en/trace.ftl")),
            ("cli.ftl", include_str!("../../i18n/en/cli.ftl")),
            ("book.ftl", include_str!("../../i18n/en/book.ftl")),
            ("engine.ftl", include_str!("../../i18n/en/engine.ftl")),
        ],
    ),
    (
        Lang::Ko,
        &[
            ("check.ftl", include_str!("../../i18n/ko/check.ftl")),
            ("trace.ftl", include_str!("../../i18n/ko/trace.ftl")),
            ("cli.ftl", include_str!("../../i18n/ko/cli.ftl")),
            ("book.ftl", include_str!("../../i18n/ko/book.ftl")),
            ("engine.ftl", include_str!("../../i18n/ko/engine.ftl")),
        ],
    ),
];

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language's code: `en`, `ko`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language a code or locale names (`ko`, `ko_KR.UTF-8`, `en-US`, `C`), if gbl speaks
    /// it: Korean for anything that starts with `ko`, English for `en`, `C` and `POSIX`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("ko") {
            Some(Lang::Ko)
        } else if s.starts_with("en") || s == "c" || s.starts_with("c.") || s == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of a process's environment, read as POSIX reads it for messages: the
    /// first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides;
    /// English when it names another language or none is set.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .map(|v| Lang::parse(&v).unwrap_or(Lang::En))
            .next()
            .unwrap_or(Lang::En)
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::Ko => 1,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// The language of [`with`], on this thread, over the process's.
    static LOCAL: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Makes `lang` the language of the process's messages (the command line, once).
pub fn set(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

/// Runs `f` with the messages of this thread in `lang` (a request of the page's checker, a
/// test), whatever the process's language.
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = LOCAL.with(|l| l.replace(Some(lang)));
    let out = f();
    LOCAL.with(|l| l.set(before));
    out
}

/// The language messages are written in now.
pub fn current() -> Lang {
    LOCAL
        .with(Cell::get)
        .unwrap_or(match CURRENT.load(Ordering::Relaxed) {
            1 => Lang::Ko,
            _ => Lang::En,
        })
}

/// The catalogue of `lang`, parsed once.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index() as usize].get_or_init(|| {
        let id =
            unic_langid::LanguageIdentifier::from_bytes(lang.code().as_bytes()).unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No bidi isolation marks around arguments: the text is read in a terminal and in JSON.
        bundle.set_use_isolating(false);
        for (l, files) in CATALOGUES {
            if l != lang {
                continue;
            }
            for (_, text) in files {
                // A catalogue that does not parse keeps what parsed; the tests fail on it.
                let res = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
                let _ = bundle.add_resource(res);
            }
        }
        bundle
    })
}

/// The message `id` in the current language with `args` (name, text), or in English when the
/// current catalogue lacks it, or the id itself when neither has it (the tests make sure
/// every message used exists).
pub fn tr(id: &str, args: &[(&str, &str)]) -> String {
    tr_in(current(), id, args)
}

/// [`tr`] in the language `lang`.
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let fargs = fluent_args(args);
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b
                .format_pattern(pattern, Some(&fargs), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// The arguments as Fluent takes them: a whole number (`3`, `-12`) as a number, so that a
/// plural choice (`{ $n -> [one] ... *[other] ... }`) can match it, and it prints the same
/// digits; anything else (`0.10`, `2.4000`, a name) as the text gbl formatted.
fn fluent_args<'a>(args: &'a [(&'a str, &'a str)]) -> FluentArgs<'a> {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        let digits = v.strip_prefix('-').unwrap_or(v);
        let whole = !digits.is_empty()
            && digits.len() <= 15
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        match v.parse::<i64>() {
            Ok(n) if whole => fargs.set(*k, n),
            _ => fargs.set(*k, *v),
        }
    }
    fargs
}

/// A message of the catalogue in the current language: `t!("id")` or
/// `t!("id", name = value, ...)`, each value anything that displays (numbers formatted first).
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($name), $value.to_string().as_str())),+])
    };
}

#[cfg(test)]
mod tests;
