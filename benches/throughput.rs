//! Benchmarks (placeholder until the bench suite lands).
fn main() {}
