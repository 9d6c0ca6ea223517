//! The reference engine: expressions, derivatives, gradient descent and backpropagation.

pub mod num;

pub use num::PyNum;
