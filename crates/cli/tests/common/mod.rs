//! What the CLI's integration tests share (each test file is a crate of its own).
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs the `credflow` binary with `args`, without standard input.
pub fn credflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_credflow"))
        .args(args)
        .output()
        .expect("run credflow")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// Asserts that `out` contains each of `wants`.
pub fn assert_contains(out: &str, wants: &[&str]) {
    for want in wants {
        assert!(out.contains(want), "{want:?} is missing from:\n{out}");
    }
}
