//! The end-to-end tests (`tests/`) over the harness they share with the benchmark
//! (`crates/harness`): the shipped page in headless Chromium, as a person would get it.

pub use credflow_harness::*;
