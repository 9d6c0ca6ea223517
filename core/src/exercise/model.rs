//! The exercise file format (version 1): serde types with a doc comment on every field.
//!
//! The JSON Schema that editors use (`gbl schema`) is generated from these same types.
//! Every expected answer is a *reference* into what the engine computed (`main.x[1]`,
//! `main.verdict`, `chain.grad.x`), never a number typed by hand.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The format version this gbl reads.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// One exercise, stored as `exercises/ID.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gbl exercise")]
pub struct Exercise {
    /// Version of the exercise format; this gbl reads version 1.
    pub format: u32,
    /// The exercise's id, if written: it must equal the file name without `.yaml` (the id
    /// students type is always the file name).
    #[serde(default)]
    pub id: Option<String>,
    /// Short title shown by `gbl list`.
    pub title: String,
    /// The chapter the exercise belongs to. For the bundled exercises, the book chapter's file
    /// name without `.md` (`aim`, `iterating`, `seeing-descent`, `big-steps`, `learning-rate`,
    /// `many-variables`, `backpropagation`, `quiz`); in your own folders, any text.
    pub chapter: String,
    /// The task in Markdown. `{{name}}` is replaced by a parameter's value, and `{{REF}}` by
    /// a computed value or a run's setting (`{{main.f}}`, `{{main.lr}}`, `{{main.x[0]}}`).
    pub prompt: String,
    /// Named numbers the runs and the prompt use, e.g. `x0: 3`, `lr: 0.1`. An int (`3`)
    /// stays an int, as in Python, and prints as `3`; a float (`3.0`) prints as `3.0`.
    #[serde(default)]
    pub params: IndexMap<String, Value>,
    /// Per-student variation of parameters, used by quizzes with a salt.
    #[serde(default)]
    pub vary: IndexMap<String, Variation>,
    /// What the engine computes, by name (the name is used in references, e.g. `main`).
    pub runs: IndexMap<String, RunSpec>,
    /// Facts every variant must keep, checked by `gbl validate`: reference → value, e.g.
    /// `main.verdict: diverges` so that a diverging exercise still diverges for every student.
    #[serde(default)]
    pub require: IndexMap<String, Value>,
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// Hints, from gentle to explicit; `gbl hint` shows the next one each time.
    #[serde(default)]
    pub hints: Vec<String>,
    /// The author's tests: answers and the verdict each must get, checked by `gbl validate`
    /// in every variant it proves.
    #[serde(default)]
    pub tests: Vec<AuthorTest>,
    /// A worked solution in the author's words (Markdown, with `{{...}}` placeholders filled
    /// with each student's numbers), shown by `gbl solve` before the generated steps.
    #[serde(default)]
    pub solution: Option<String>,
    /// Significant digits a number answer must have when correctly rounded (default 3).
    #[serde(default)]
    pub sig_digits: Option<u32>,
    /// The texts a student reads, in Korean (한국어), for `--lang ko` or a Korean `LANG` and
    /// the Korean book: each one replaces its English text and has the same `{{...}}`
    /// placeholders. A text left out stays English.
    #[serde(default)]
    pub ko: Option<Translation>,
}

/// An exercise's texts in another language (see [`Exercise::ko`]).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The title.
    #[serde(default)]
    pub title: Option<String>,
    /// The task.
    #[serde(default)]
    pub prompt: Option<String>,
    /// Each question's prompt, by question id.
    #[serde(default)]
    pub questions: IndexMap<String, String>,
    /// The hints, as many as the English ones, in the same order.
    #[serde(default)]
    pub hints: Option<Vec<String>>,
    /// The worked solution in the author's words.
    #[serde(default)]
    pub solution: Option<String>,
}

impl Exercise {
    /// The exercise with its texts in `lang` where it has them (the ids, numbers, runs and
    /// answers are the same in every language).
    pub fn localize(&mut self, lang: crate::i18n::Lang) {
        let Some(tr) = (match lang {
            crate::i18n::Lang::Ko => self.ko.clone(),
            crate::i18n::Lang::En => None,
        }) else {
            return;
        };
        if let Some(t) = tr.title {
            self.title = t;
        }
        if let Some(p) = tr.prompt {
            self.prompt = p;
        }
        if let Some(h) = tr.hints.filter(|h| h.len() == self.hints.len()) {
            self.hints = h;
        }
        if tr.solution.is_some() && self.solution.is_some() {
            self.solution = tr.solution;
        }
        for q in &mut self.questions {
            if let Some(p) = tr.questions.get(q.id()) {
                *q.prompt_mut() = p.clone();
            }
        }
    }
}

/// One author's test: a question, an answer (or, for a `trace` question, a trace), and what
/// checking it must give.
///
/// ```yaml
/// tests:
///   - {question: x1, answer: "main.x[0] + main.grad[0]", status: wrong, mistake: add-gradient}
///   - {question: x1, answer: "main.x[1]", status: correct}
///   - {question: trace, trace: traces/gd-trace-right.txt, status: correct, score: 20}
///   - question: trace
///     trace_text: |
///       Initial x: 3
///       1-th x: 3.6000
///     status: wrong
/// ```
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthorTest {
    /// The question's id.
    pub question: String,
    /// The answer as a student would give it. A text that computes (an expression over
    /// parameters and run values, `main.x[0] + main.grad[0]`) is replaced by its value in each
    /// variant; any other text (`(x-2)/5`, `diverges`) is given as it is. Give exactly one of
    /// `answer`, `trace` and `trace_text`.
    #[serde(default)]
    pub answer: Option<Value>,
    /// A trace file, as a student's program printed it: a path relative to the exercise
    /// file's folder and inside it (`traces/gd-trace-right.txt`; no `..` above the folder,
    /// no absolute path). The same text is given in every variant.
    #[serde(default)]
    pub trace: Option<String>,
    /// A trace written out here instead of in a file (a block scalar, `|`).
    #[serde(default)]
    pub trace_text: Option<String>,
    /// The status it must get: `correct`, `wrong`, `missing` or `invalid`.
    pub status: String,
    /// The score it must get, in the question's own points (default: not checked).
    #[serde(default)]
    pub score: Option<f64>,
    /// The diagnosed mistake it must get (`add-gradient`); `none` for no diagnosis (default:
    /// not checked).
    #[serde(default)]
    pub mistake: Option<String>,
}

/// A number or an expression over the parameters (`x0`, `2*a`, `1/10`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    /// An int, as in Python.
    Int(i64),
    /// A float.
    Float(f64),
    /// A parameter's name, an expression over parameters, or (in `require` and choices)
    /// a word such as `diverges`.
    Text(String),
}

/// How a parameter varies between students: either `choices` or a `range` with a `step`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variation {
    /// The values to choose from, e.g. `[-3, -2, 2, 3]`.
    #[serde(default)]
    pub choices: Option<Vec<Value>>,
    /// The lowest and highest value, both included, e.g. `[0.05, 0.2]`.
    #[serde(default)]
    pub range: Option<[f64; 2]>,
    /// The grid step within `range`, e.g. `0.05`; an int step over int bounds gives ints.
    #[serde(default)]
    pub step: Option<f64>,
}

/// What the engine runs: exactly one of `descent`, `graph` or `derivative`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunSpec {
    /// A gradient-descent run.
    #[serde(default)]
    pub descent: Option<DescentSpec>,
    /// A computational graph: forward and backward passes.
    #[serde(default)]
    pub graph: Option<GraphSpec>,
    /// A derivative, and optionally its value at a point.
    #[serde(default)]
    pub derivative: Option<DerivativeSpec>,
}

/// A gradient-descent run. References: `RUN.x[k]` (a variable after k updates; `[-1]` is
/// the last), `RUN.y[k]` (f there), `RUN.grad[k]` or `RUN.grad_x1[k]` (the gradient there),
/// `RUN.verdict`, `RUN.factor`, `RUN.lr_max`, `RUN.x_star` (or `RUN.x_star.x1`),
/// `RUN.derivative` (or `RUN.derivative.x1`, an expression), `RUN.f` (the function).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DescentSpec {
    /// The function to minimise, e.g. `1/10 * x^2`; parameters may appear in it.
    pub f: String,
    /// Hand-written partial derivatives, by variable (e.g. `x: 1/5 * x`), used instead of
    /// f's own derivative, as the lecture's programs do.
    #[serde(default)]
    pub grad: Option<IndexMap<String, String>>,
    /// Only when `grad` is meant to differ from f's own derivative (a deliberately different
    /// update): why, in a sentence the worked solution shows. Without it, `grad` must equal
    /// f's derivative, which `gbl validate` proves.
    #[serde(default)]
    pub different_update: Option<String>,
    /// The start point: variable → value (a number or a parameter), in order.
    pub from: IndexMap<String, Value>,
    /// The learning rate (a number or a parameter).
    pub lr: Value,
    /// The number of updates (an int or a parameter).
    pub steps: Value,
}

/// A graph of named nodes. References: `RUN.value.NODE`, `RUN.grad.NODE` (d(output)/d(NODE)),
/// `RUN.local.NODE.PARENT` (∂NODE/∂PARENT), `RUN.graph`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GraphSpec {
    /// Statements `name = expression` separated by `;` or new lines; the last is the output.
    pub nodes: String,
    /// The inputs' values: input → value (a number or a parameter).
    pub at: IndexMap<String, Value>,
}

/// A derivative. References: `RUN.derivative` (the expression), `RUN.value` (at `at`).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DerivativeSpec {
    /// The function, e.g. `(x - 2)^2/10`.
    pub f: String,
    /// The variable to differentiate by.
    pub wrt: String,
    /// Where to evaluate the derivative (optional).
    #[serde(default)]
    pub at: IndexMap<String, Value>,
}

/// Numbers that count as right besides correct roundings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tolerance {
    /// Accept |given − expected| ≤ abs.
    #[serde(default)]
    pub abs: Option<f64>,
    /// Accept |given − expected| ≤ rel·|expected|.
    #[serde(default)]
    pub rel: Option<f64>,
}

// Each kind's struct repeats the common fields (`id`, `prompt`, `points`) on purpose: serde
// cannot combine `#[serde(flatten)]` with `deny_unknown_fields`, and a misspelt key must be
// an error. (A plain comment: doc comments become the schema's descriptions for authors.)
/// A question. `kind` says how an answer is checked.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Question {
    /// A number: right when it is the expected value correctly rounded to the digits given
    /// (at least `sig_digits` significant digits), or within `tolerance`.
    Number(NumberQuestion),
    /// An exact value, which may be given as a fraction or expression (`12/5`).
    Exact(ExactQuestion),
    /// An expression, right when it equals the expected one as a function (`(x-2)/5` and
    /// `0.2*x - 0.4` are the same).
    Expression(ExpressionQuestion),
    /// One of a few words: the verdicts (`converges`, `oscillates`, `cycles`, `diverges`) or
    /// listed `options`.
    Choice(ChoiceQuestion),
    /// A whole number.
    Integer(IntegerQuestion),
    /// The printed output (trace) of the student's program.
    Trace(TraceQuestion),
}

/// A number question.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberQuestion {
    /// The question's id, unique in the exercise (used in answer files).
    pub id: String,
    /// The question in Markdown (`{{...}}` placeholders as in the exercise's prompt).
    pub prompt: String,
    /// What the answer must equal: a reference such as `main.x[1]`, or an arithmetic
    /// expression over parameters and references (`x0 - lr*main.grad[0]`).
    pub answer: String,
    /// The question's weight in the exercise's score (default 1).
    #[serde(default)]
    pub points: Option<f64>,
    /// Significant digits required (default: the exercise's, else 3).
    #[serde(default)]
    pub sig_digits: Option<u32>,
    /// A wider acceptance than correct rounding.
    #[serde(default)]
    pub tolerance: Option<Tolerance>,
}

/// An exact-value question.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExactQuestion {
    /// The question's id, unique in the exercise.
    pub id: String,
    /// The question in Markdown.
    pub prompt: String,
    /// What the answer must equal: a reference, or an arithmetic expression over parameters
    /// and references.
    pub answer: String,
    /// The question's weight (default 1).
    #[serde(default)]
    pub points: Option<f64>,
}

/// An expression question.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpressionQuestion {
    /// The question's id, unique in the exercise.
    pub id: String,
    /// The question in Markdown.
    pub prompt: String,
    /// The expected expression: a reference such as `main.derivative`.
    pub answer: String,
    /// The question's weight (default 1).
    #[serde(default)]
    pub points: Option<f64>,
}

/// A choice question.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceQuestion {
    /// The question's id, unique in the exercise.
    pub id: String,
    /// The question in Markdown.
    pub prompt: String,
    /// The right choice: a reference such as `main.verdict`.
    pub answer: String,
    /// The choices offered (default: the four verdicts).
    #[serde(default)]
    pub options: Option<Vec<String>>,
    /// The question's weight (default 1).
    #[serde(default)]
    pub points: Option<f64>,
}

/// An integer question.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntegerQuestion {
    /// The question's id, unique in the exercise.
    pub id: String,
    /// The question in Markdown.
    pub prompt: String,
    /// The expected whole number: a reference such as `main.diverged_at`.
    pub answer: String,
    /// The question's weight (default 1).
    #[serde(default)]
    pub points: Option<f64>,
}

/// A trace question: the lines a program prints while it runs a descent.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TraceQuestion {
    /// The question's id, unique in the exercise (usually `trace`).
    pub id: String,
    /// The question in Markdown.
    pub prompt: String,
    /// The descent run whose steps are printed.
    pub run: String,
    /// Python format templates printed once before the loop, with the start point
    /// (`Initial x: {x}`).
    #[serde(default)]
    pub header: Vec<String>,
    /// The template printed after each update; several entries print several lines
    /// (fields: `i`, each variable, `y`, `grad` or `grad_VAR` (the gradient used), `lr`).
    pub step: Vec<String>,
    /// Templates printed once after the loop, with the last point.
    #[serde(default)]
    pub footer: Vec<String>,
    /// Require the printed labels to match the templates exactly (default: only the
    /// numbers count, and different labels get a note).
    #[serde(default)]
    pub strict_labels: bool,
    /// Accept printed numbers within this tolerance besides correct roundings.
    #[serde(default)]
    pub tolerance: Option<Tolerance>,
    /// The question's weight (default 1).
    #[serde(default)]
    pub points: Option<f64>,
}

impl Question {
    /// The question's id.
    pub fn id(&self) -> &str {
        match self {
            Question::Number(q) => &q.id,
            Question::Exact(q) => &q.id,
            Question::Expression(q) => &q.id,
            Question::Choice(q) => &q.id,
            Question::Integer(q) => &q.id,
            Question::Trace(q) => &q.id,
        }
    }

    /// The question's text.
    pub fn prompt(&self) -> &str {
        match self {
            Question::Number(q) => &q.prompt,
            Question::Exact(q) => &q.prompt,
            Question::Expression(q) => &q.prompt,
            Question::Choice(q) => &q.prompt,
            Question::Integer(q) => &q.prompt,
            Question::Trace(q) => &q.prompt,
        }
    }

    /// The question's prompt, to replace it (a translation).
    pub(crate) fn prompt_mut(&mut self) -> &mut String {
        match self {
            Question::Number(q) => &mut q.prompt,
            Question::Exact(q) => &mut q.prompt,
            Question::Expression(q) => &mut q.prompt,
            Question::Choice(q) => &mut q.prompt,
            Question::Integer(q) => &mut q.prompt,
            Question::Trace(q) => &mut q.prompt,
        }
    }

    /// The question's weight (default 1).
    pub fn points(&self) -> f64 {
        let p = match self {
            Question::Number(q) => q.points,
            Question::Exact(q) => q.points,
            Question::Expression(q) => q.points,
            Question::Choice(q) => q.points,
            Question::Integer(q) => q.points,
            Question::Trace(q) => q.points,
        };
        p.unwrap_or(1.0)
    }

    /// The reference of the expected answer (a trace's is its run).
    pub fn answer_ref(&self) -> &str {
        match self {
            Question::Number(q) => &q.answer,
            Question::Exact(q) => &q.answer,
            Question::Expression(q) => &q.answer,
            Question::Choice(q) => &q.answer,
            Question::Integer(q) => &q.answer,
            Question::Trace(q) => &q.run,
        }
    }

    /// The kind's name as written in YAML.
    pub fn kind(&self) -> &'static str {
        match self {
            Question::Number(_) => "number",
            Question::Exact(_) => "exact",
            Question::Expression(_) => "expression",
            Question::Choice(_) => "choice",
            Question::Integer(_) => "integer",
            Question::Trace(_) => "trace",
        }
    }
}
