//! Plots as SVG (placeholder).
