//! What the CLI's integration tests share (each test file is a crate of its own).
#![allow(dead_code)]

use std::io::{ErrorKind, Write};
use std::process::{Command, Output, Stdio};

/// Runs the `credflow` binary with `args`, without standard input.
pub fn credflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_credflow"))
        .args(args)
        .output()
        .expect("run credflow")
}

/// Runs the `credflow` binary with `args` and `input` on its standard input.
pub fn credflow_with_input(args: &[&str], input: &[u8]) -> Output {
    run_with_input(
        Command::new(env!("CARGO_BIN_EXE_credflow")).args(args),
        input,
    )
}

/// Runs `command` with `input` on its standard input, and waits for its output. A command
/// that does not read its input may close it first: not an error here.
pub fn run_with_input(command: &mut Command, input: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("start {command:?}: {e}"));
    match child.stdin.take().expect("stdin").write_all(input) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => panic!("write to {command:?}: {e}"),
        _ => {}
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("run {command:?}: {e}"))
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
