//! The expected output as a grid of line templates: which template prints line k, for which
//! step, and where its numbers are. Lines are rendered one at a time, so a million-line
//! reference is never held in memory at once.

use crate::engine::PyNum;
use crate::exercise::compute::DescentResult;
use crate::exercise::model::TraceQuestion;
use crate::pyfmt::{Piece, Template};
use crate::reference_output::render::{Field, StepFields};

use super::precision::Digits;

/// What a field stands for, as the reference rule computes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The iteration number `i`.
    Index,
    /// The learning rate.
    Lr,
    /// Variable k of the point after the update.
    Var(usize),
    /// f at the point after the update.
    Value,
    /// Partial derivative k at the point before the update (the one the update used).
    Grad(usize),
}

/// One replacement field of a line template.
#[derive(Clone, Debug)]
pub(crate) struct FieldInfo {
    /// The field's name (`x`, `y`, `i`).
    pub name: String,
    /// What it stands for.
    pub kind: Kind,
    /// The field alone, as a template, for rendering its text.
    tpl: Template,
    /// Text a `{name = }` field prints before the value.
    pub(crate) self_doc: String,
    /// Whether the value is printed exactly (`{x}`: Python's repr; no rounding).
    pub exact: bool,
    /// 100 for a `%` field, else 1.
    pub scale: f64,
    /// The digits the template asks for.
    pub digits: Digits,
}

impl FieldInfo {
    /// `v` formatted as this field formats it (without the `name = ` of a self-documenting
    /// field).
    pub(super) fn format(&self, v: PyNum) -> String {
        let text = self
            .tpl
            .render(&|_| Some(v))
            .unwrap_or_else(|_| crate::pyfmt::repr_value(v));
        match text.strip_prefix(self.self_doc.as_str()) {
            Some(rest) => rest.trim().to_string(),
            None => text.trim().to_string(),
        }
    }
}

/// One piece of a line template.
#[derive(Clone, Debug)]
pub(crate) enum LinePiece {
    /// Literal text.
    Text(String),
    /// A field, by index into [`LineTpl::fields`].
    Field(usize),
}

/// One printed line of a template (a template with `\n` prints several).
#[derive(Clone, Debug)]
pub(crate) struct LineTpl {
    /// Text and fields in order.
    pub pieces: Vec<LinePiece>,
    /// The fields.
    pub fields: Vec<FieldInfo>,
}

/// Which part of the output a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// Before the loop (step 0).
    Header,
    /// After update i.
    Step,
    /// After the loop.
    Footer,
}

/// Where line k comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    /// Header, step or footer.
    pub part: Part,
    /// The step whose values it prints (0 for the header, the last step for the footer).
    pub i: usize,
    /// The template line within its part.
    pub tpl: usize,
    /// A group number: lines printed from the same step's values (header 0, step i is i,
    /// footer `updates + 1`).
    pub group: usize,
}

/// The expected output of a trace question.
pub(crate) struct Layout<'a> {
    /// The descent whose steps are printed.
    pub d: &'a DescentResult,
    fields: StepFields<'a>,
    header: Vec<LineTpl>,
    step: Vec<LineTpl>,
    footer: Vec<LineTpl>,
    updates: usize,
    /// Empty lines at the very end (a last template ending in `\n`), which do not count.
    blank_tail: usize,
    /// The step template as written in the exercise.
    pub step_text: String,
}

fn kind_of(name: &str, vars: &[String]) -> Option<Kind> {
    // One resolver for every template (the run's variables win over built-in names).
    Some(
        match crate::reference_output::render::resolve(name, vars)? {
            Field::Index => Kind::Index,
            Field::Lr => Kind::Lr,
            Field::Value => Kind::Value,
            Field::Var(k) => Kind::Var(k),
            Field::Grad(k) => Kind::Grad(k),
        },
    )
}

/// Splits a template's pieces at the new lines in its literal text.
fn split_lines(t: &Template, vars: &[String]) -> Result<Vec<LineTpl>, String> {
    let mut lines = vec![LineTpl {
        pieces: Vec::new(),
        fields: Vec::new(),
    }];
    for piece in t.pieces() {
        match piece {
            Piece::Literal(text) => {
                for (n, part) in text.split('\n').enumerate() {
                    if n > 0 {
                        lines.push(LineTpl {
                            pieces: Vec::new(),
                            fields: Vec::new(),
                        });
                    }
                    if !part.is_empty()
                        && let Some(line) = lines.last_mut()
                    {
                        line.pieces.push(LinePiece::Text(part.to_string()));
                    }
                }
            }
            Piece::Field(f) => {
                let kind = kind_of(&f.name, vars)
                    .ok_or_else(|| crate::t!("trace-field-no-value", field = f.name))?;
                let src = t.source().get(f.span.0..f.span.1).unwrap_or_default();
                let tpl = Template::parse(src).map_err(|e| e.message)?;
                let spec = f.spec.as_str();
                let has_precision =
                    spec.contains('.') || spec.ends_with(['e', 'E', 'f', 'F', 'g', 'G', '%']);
                let info = FieldInfo {
                    name: f.name.clone(),
                    kind,
                    tpl,
                    self_doc: f.self_doc.clone().unwrap_or_default(),
                    exact: !has_precision && f.conversion.is_none_or(|c| c == 'r' || c == 's'),
                    scale: if spec.ends_with('%') { 100.0 } else { 1.0 },
                    digits: if f.conversion.is_some() {
                        Digits::Full
                    } else {
                        Digits::of_spec(spec)
                    },
                };
                if let Some(line) = lines.last_mut() {
                    line.pieces.push(LinePiece::Field(line.fields.len()));
                    line.fields.push(info);
                }
            }
        }
    }
    Ok(lines)
}

fn parse_part(list: &[String], vars: &[String]) -> Result<Vec<LineTpl>, String> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let joined = list.join("\n");
    let t = Template::parse(&joined)
        .map_err(|e| format!("{}\n{}", e.message, e.render_with_caret(&joined)))?;
    split_lines(&t, vars)
}

impl<'a> Layout<'a> {
    /// The layout of `t`'s output for the run `d`.
    pub(super) fn new(t: &TraceQuestion, d: &'a DescentResult) -> Result<Layout<'a>, String> {
        let vars = &d.run.vars;
        let step = parse_part(&t.step, vars)?;
        if step.is_empty() {
            return Err(crate::t!("trace-no-step-template"));
        }
        let fields = StepFields::new(&d.run);
        let mut layout = Layout {
            d,
            updates: fields.updates(),
            fields,
            header: parse_part(&t.header, vars)?,
            step,
            footer: parse_part(&t.footer, vars)?,
            blank_tail: 0,
            step_text: t.step.join("\n"),
        };
        let all = layout.len();
        layout.blank_tail = (0..all)
            .rev()
            .take_while(|&k| layout.tpl(layout.slot(k)).pieces.is_empty())
            .count();
        Ok(layout)
    }

    /// The number of updates.
    pub(super) fn updates(&self) -> usize {
        self.updates
    }

    /// The number of expected lines (empty lines at the very end left out, as in a printed
    /// file).
    pub(super) fn len(&self) -> usize {
        self.header.len() + self.updates * self.step.len() + self.footer.len() - self.blank_tail
    }

    /// Where line k (0-based) comes from.
    pub(super) fn slot(&self, k: usize) -> Slot {
        let h = self.header.len();
        let body = self.updates * self.step.len();
        if k < h {
            Slot {
                part: Part::Header,
                i: 0,
                tpl: k,
                group: 0,
            }
        } else if k < h + body {
            let s = self.step.len();
            Slot {
                part: Part::Step,
                i: (k - h) / s + 1,
                tpl: (k - h) % s,
                group: (k - h) / s + 1,
            }
        } else {
            Slot {
                part: Part::Footer,
                i: self.updates,
                tpl: k - h - body,
                group: self.updates + 1,
            }
        }
    }

    /// The template of a slot.
    pub(super) fn tpl(&self, s: Slot) -> &LineTpl {
        let list = match s.part {
            Part::Header => &self.header,
            Part::Step => &self.step,
            Part::Footer => &self.footer,
        };
        // `slot` only makes slots inside the lists; an empty template stands in otherwise.
        static EMPTY: LineTpl = LineTpl {
            pieces: Vec::new(),
            fields: Vec::new(),
        };
        list.get(s.tpl).unwrap_or(&EMPTY)
    }

    /// The lines printed before the loop.
    pub(crate) fn header_lines(&self) -> usize {
        self.header.len()
    }

    /// The step templates (one per printed line of an update).
    pub(crate) fn step_lines(&self) -> usize {
        self.step.len()
    }

    /// The reference value of a field of line k.
    pub(super) fn value(&self, s: Slot, f: &FieldInfo) -> Option<PyNum> {
        self.fields.lookup(s.i, &f.name)
    }

    /// Renders line k into `out` (cleared first), as CPython prints it.
    pub(super) fn render(&self, k: usize, out: &mut String) {
        out.clear();
        let s = self.slot(k);
        let tpl = self.tpl(s);
        for p in &tpl.pieces {
            match p {
                LinePiece::Text(t) => out.push_str(t),
                LinePiece::Field(n) => {
                    if let Some(f) = tpl.fields.get(*n) {
                        match f.tpl.render(&|name| self.fields.lookup(s.i, name)) {
                            Ok(text) => out.push_str(&text),
                            Err(_) => out.push('?'),
                        }
                    }
                }
            }
        }
    }

    /// Line k, rendered.
    pub(super) fn line(&self, k: usize) -> String {
        let mut s = String::new();
        self.render(k, &mut s);
        s
    }
}
