//! Traces: what a program prints while it runs gradient descent.

pub mod render;
