//! Helpers shared by the core's integration tests (each test file is a crate of its own).

use std::fmt::Write as _;

/// Test cases as data, in the files of `tests/cases/`.
pub mod cases;
/// Scenario tables (`scenarios.rs`, `cases_v2.rs`): the row spec, its parser and checker.
#[allow(dead_code)]
pub mod spec;

use credflow_core::{Identity, Outcome, Plan, Step};

/// The whole plan, one step a few lines, the way a person reads it in the CLI.
pub fn describe(p: &Plan) -> String {
    let mut out = format!(
        "verdict {} first_failure {:?} normalised {:?}\n",
        p.verdict,
        p.first_failure,
        p.normalised
            .iter()
            .map(|c| format!("{}={}->{}", c.key, c.from, c.to))
            .collect::<Vec<_>>()
    );
    for s in &p.steps {
        let _ = writeln!(
            out,
            "  {}. {} {} {} on {} [{}] reached={} rule={}\n       action {}",
            s.n,
            s.outcome,
            s.step,
            s.identity,
            s.resource.id(),
            s.sources
                .iter()
                .map(|x| x.key())
                .collect::<Vec<_>>()
                .join("]["),
            s.reached,
            s.rule,
            s.action
        );
        let _ = writeln!(out, "       {}", s.reason);
        for a in &s.attempts {
            let _ = writeln!(
                out,
                "       tried {}: {} - {}",
                a.identity, a.outcome, a.reason
            );
        }
        let _ = writeln!(out, "       log {}", s.log.path());
        if let Some(f) = &s.fix {
            let _ = writeln!(out, "       fix {f}");
        }
        if let Some(i) = &s.inferred {
            let _ = writeln!(out, "       inferred {i}");
        }
        for n in &s.notes {
            let _ = writeln!(out, "       note {n}");
        }
    }
    out
}

/// Checks the plan's verdict and first failure against `spec` (`ok`, `at-risk`, `waits`, or
/// `fails@<n>`), adding a line to `problems` for each that differs.
pub fn check_verdict(p: &Plan, spec: &str, problems: &mut Vec<String>) {
    let (verdict, first) = match spec.split_once('@') {
        Some((v, n)) => (v, Some(n.parse::<usize>().expect("fails@n"))),
        None => (spec, None),
    };
    let verdict = Outcome::from_key(verdict).expect("verdict");
    if p.verdict != verdict {
        problems.push(format!("verdict is {}, expected {verdict}", p.verdict));
    }
    if p.first_failure != first {
        problems.push(format!(
            "first_failure is {:?}, expected {first:?}",
            p.first_failure
        ));
    }
}

/// Whom a step tried, in order, and how each fared.
pub fn tried(s: &Step) -> Vec<(Identity, Outcome)> {
    s.attempts.iter().map(|a| (a.identity, a.outcome)).collect()
}
