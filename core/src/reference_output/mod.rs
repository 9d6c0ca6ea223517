//! The reference output: what a correct program prints while it runs gradient descent,
//! rendered from the task's print templates (`render`). The student's printed output is
//! judged against it in `check::trace`.

pub mod render;
