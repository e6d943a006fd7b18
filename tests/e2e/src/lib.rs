//! The end-to-end tests (`tests/`) over the harness they share with the benchmark
//! (`crates/harness`), and the tables of what they expect to see (`cases/`): the shipped page
//! in headless Chromium, as a person would get it.

mod expected;

pub use credflow_harness::*;
pub use expected::{case, read_cases, Expected, INPUT_DEFAULTS};
