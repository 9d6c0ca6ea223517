//! The reference engine: expressions, derivatives, gradient descent and backpropagation.

pub mod budget;
pub mod diff;
pub mod dual;
pub mod equiv;
pub mod eval;
pub mod expr;
pub mod parse;
pub mod simplify;

pub use crate::num::PyNum;
pub use diff::derivative;
pub use eval::{EvalError, Program};
pub use expr::{BinOp, Expr, Func};
pub use parse::{ParseError, parse};
pub use simplify::simplify;
pub mod backprop;
pub mod descent;
pub mod verdict;

pub use descent::{Problem, Run};
pub use verdict::{Judgement, Verdict};
