//! Parsing of the format-spec mini-language, after CPython's
//! `parse_internal_render_format_spec` (3.11):
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use super::{FormatError, MAX_WIDTH};

/// Digit grouping requested by the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// No grouping.
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits.
    Underscore,
    /// `_` every four digits (with types `b o x X`).
    UnderscoreFour,
}

impl Grouping {
    /// The group size and separator, if any.
    pub(crate) fn groups(self) -> Option<(usize, char)> {
        match self {
            Grouping::None => None,
            Grouping::Comma => Some((3, ',')),
            Grouping::Underscore => Some((3, '_')),
            Grouping::UnderscoreFour => Some((4, '_')),
        }
    }

    fn separator(self) -> char {
        self.groups().map_or(',', |(_, sep)| sep)
    }
}

/// What the spec means for one kind of object when a part is left out.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Defaults {
    /// The type code when none is written.
    pub ty: Option<char>,
    /// The alignment when none is written.
    pub align: char,
    /// Python's name of the object's type, for messages.
    pub type_name: &'static str,
}

impl Defaults {
    /// Defaults for an int.
    pub(crate) const INT: Defaults = Defaults {
        ty: Some('d'),
        align: '>',
        type_name: "int",
    };
    /// Defaults for a float.
    pub(crate) const FLOAT: Defaults = Defaults {
        ty: None,
        align: '>',
        type_name: "float",
    };
    /// Defaults for a string.
    pub(crate) const STR: Defaults = Defaults {
        ty: Some('s'),
        align: '<',
        type_name: "str",
    };
}

/// 1-based columns of the parts of a spec, for error messages (0 when absent).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Columns {
    /// The alignment character (0 if none was written: the default applies).
    pub align: usize,
    /// The sign option.
    pub sign: usize,
    /// The `z` option.
    pub z: usize,
    /// The `#` option.
    pub alt: usize,
    /// Where the width is (or would be).
    pub width: usize,
    /// The `.` before the precision.
    pub precision: usize,
    /// The type code.
    pub ty: usize,
}

/// A parsed format spec.
#[derive(Clone, Debug)]
pub(crate) struct Spec {
    /// The fill character (space unless written, or `0` from the `0` flag).
    pub fill: char,
    /// One of `< > = ^`.
    pub align: char,
    /// `+`, `-` or space, if written.
    pub sign: Option<char>,
    /// `z`: show a zero result without its minus sign.
    pub no_neg_0: bool,
    /// `#`: the alternate form.
    pub alternate: bool,
    /// The minimum width in characters.
    pub width: Option<usize>,
    /// Thousands separators.
    pub grouping: Grouping,
    /// Digits after the point (`f e %`), significant digits (`g`), or characters (strings).
    pub precision: Option<usize>,
    /// The type code (`None` for a float with none written).
    pub ty: Option<char>,
    /// Where each part is, for messages.
    pub columns: Columns,
}

/// How CPython shows a type code in a message: `'d'`, or `'\x1'` when not printable ASCII.
pub(crate) fn describe_code(c: char) -> String {
    let code = u32::from(c);
    if code > 32 && code < 128 {
        c.to_string()
    } else {
        format!("\\x{code:x}")
    }
}

/// Parse `text` as a spec for an object with the given defaults.
pub(crate) fn parse(text: &str, defaults: Defaults) -> Result<Spec, FormatError> {
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser {
        chars: &chars,
        pos: 0,
    };
    let mut spec = Spec {
        fill: ' ',
        align: defaults.align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: defaults.ty,
        columns: Columns::default(),
    };
    let fill_given = p.fill_align(&mut spec);
    p.flags(&mut spec, fill_given, defaults.align);
    spec.columns.width = p.column();
    spec.width = p.integer()?;
    p.grouping(&mut spec)?;
    p.precision(&mut spec)?;
    p.type_code(&mut spec, text, defaults)?;
    check_grouping(&mut spec)?;
    check_limits(&spec)?;
    Ok(spec)
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn column(&self) -> usize {
        self.pos + 1
    }

    fn remaining(&self) -> usize {
        self.chars.len().saturating_sub(self.pos)
    }

    /// Consume `c` if it is next, returning its column.
    fn eat(&mut self, c: char) -> Option<usize> {
        (self.peek() == Some(c)).then(|| {
            self.pos += 1;
            self.pos
        })
    }

    /// `[[fill]align]`; returns whether a fill character was written.
    fn fill_align(&mut self, spec: &mut Spec) -> bool {
        let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '=' | '^'));
        if is_align(self.chars.get(self.pos + 1)) {
            spec.fill = self.chars[self.pos];
            spec.align = self.chars[self.pos + 1];
            spec.columns.align = self.pos + 2;
            self.pos += 2;
            true
        } else {
            if let Some(&c) = self.chars.get(self.pos).filter(|c| is_align(Some(c))) {
                spec.align = c;
                spec.columns.align = self.pos + 1;
                self.pos += 1;
            }
            false
        }
    }

    /// `[sign][z][#][0]`; the `0` flag means fill `0` and (for numbers) `=` alignment.
    fn flags(&mut self, spec: &mut Spec, fill_given: bool, default_align: char) {
        if let Some(c @ ('+' | '-' | ' ')) = self.peek() {
            spec.sign = Some(c);
            self.pos += 1;
            spec.columns.sign = self.pos;
        }
        if let Some(col) = self.eat('z') {
            spec.no_neg_0 = true;
            spec.columns.z = col;
        }
        if let Some(col) = self.eat('#') {
            spec.alternate = true;
            spec.columns.alt = col;
        }
        if !fill_given && self.eat('0').is_some() {
            spec.fill = '0';
            if spec.columns.align == 0 && default_align == '>' {
                spec.align = '=';
            }
        }
    }

    /// A run of ASCII digits, as CPython's `get_integer`.
    fn integer(&mut self) -> Result<Option<usize>, FormatError> {
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            let d = u64::from(d);
            if value > (i64::MAX as u64 - d) / 10 {
                return Err(FormatError::new(
                    "Too many decimal digits in format string",
                    start + 1,
                ));
            }
            value = value * 10 + d;
            self.pos += 1;
        }
        let value = usize::try_from(value).unwrap_or(usize::MAX);
        Ok((self.pos > start).then_some(value))
    }

    /// `[,|_]`, rejecting both.
    fn grouping(&mut self, spec: &mut Spec) -> Result<(), FormatError> {
        let both = |col| FormatError::new("Cannot specify both ',' and '_'.", col);
        if self.eat(',').is_some() {
            spec.grouping = Grouping::Comma;
        }
        if let Some(col) = self.eat('_') {
            if spec.grouping != Grouping::None {
                return Err(both(col));
            }
            spec.grouping = Grouping::Underscore;
        }
        if self.peek() == Some(',') && spec.grouping == Grouping::Underscore {
            return Err(both(self.column()));
        }
        Ok(())
    }

    /// `[.precision]`.
    fn precision(&mut self, spec: &mut Spec) -> Result<(), FormatError> {
        if let Some(col) = self.eat('.') {
            spec.columns.precision = col;
            spec.precision = self.integer()?;
            if spec.precision.is_none() {
                return Err(FormatError::new("Format specifier missing precision", col));
            }
        }
        Ok(())
    }

    /// `[type]`: at most one character may remain.
    fn type_code(&mut self, spec: &mut Spec, text: &str, d: Defaults) -> Result<(), FormatError> {
        match self.remaining() {
            0 => Ok(()),
            1 => {
                spec.ty = self.peek();
                self.pos += 1;
                spec.columns.ty = self.pos;
                Ok(())
            }
            _ => Err(FormatError::new(
                format!(
                    "Invalid format specifier '{text}' for object of type '{}'",
                    d.type_name
                ),
                self.column(),
            )),
        }
    }
}

/// Grouping applies to `d e f g E G % F` and none; `_` also to `b o x X` (every four digits).
fn check_grouping(spec: &mut Spec) -> Result<(), FormatError> {
    if spec.grouping == Grouping::None {
        return Ok(());
    }
    match spec.ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if spec.grouping == Grouping::Underscore => {
            spec.grouping = Grouping::UnderscoreFour;
            Ok(())
        }
        Some(t) => Err(FormatError::new(
            format!(
                "Cannot specify '{}' with '{}'.",
                spec.grouping.separator(),
                describe_code(t)
            ),
            spec.columns.ty,
        )),
    }
}

/// Reject widths and precisions above [`MAX_WIDTH`].
fn check_limits(spec: &Spec) -> Result<(), FormatError> {
    let too_big = |what: &str, n: usize, col: usize| {
        FormatError::new(
            format!("{what} {n} is too large (at most {MAX_WIDTH} is supported)"),
            col,
        )
    };
    match (spec.width, spec.precision) {
        (Some(w), _) if w > MAX_WIDTH => Err(too_big("width", w, spec.columns.width)),
        (_, Some(p)) if p > MAX_WIDTH => Err(too_big("precision", p, spec.columns.precision + 1)),
        _ => Ok(()),
    }
}
