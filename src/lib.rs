//! gbl: an exercise checker for gradient descent and backpropagation.
