//! The plan as text a person reads in a terminal. The words come from the core's
//! presentation module, as on the page.

use credflow_core::compare::{self, Comparison};
use credflow_core::present::{self, Shown};
use credflow_core::{Outcome, Plan};

/// A step's state in a fixed-width column: `ok`, `FAILS`, … or `–` when not reached.
fn mark(shown: Shown) -> &'static str {
    match shown {
        Shown::Reached(Outcome::Ok) => "ok     ",
        Shown::Reached(Outcome::AtRisk) => "AT RISK",
        Shown::Reached(Outcome::Waits) => "WAITS  ",
        Shown::Reached(Outcome::Fails) => "FAILS  ",
        Shown::NotReached => "–      ",
    }
}

/// The verdict line: `Verdict: Fails at Connect to \\fs01\apps (step 4)`.
pub fn verdict(plan: &Plan) -> String {
    format!("Verdict: {}", present::headline(plan))
}

/// The verdict line, the warnings, then each step with its reason, log, fix and notes.
pub fn plan(plan: &Plan) -> String {
    let mut out = verdict(plan);
    out.push('\n');
    for w in present::warnings(plan) {
        out.push_str(&format!("{w}\n"));
    }
    for c in &plan.normalised {
        out.push_str(&format!(
            "Changed: {}={} -> {}={}: {} [{}]\n",
            c.key, c.from, c.key, c.to, c.reason, c.source
        ));
    }
    out.push('\n');
    for step in &plan.steps {
        let sources: Vec<&str> = step.sources.iter().map(|s| s.key()).collect();
        out.push_str(&format!(
            "{:>2}. {} {:<14} {} {}\n",
            step.n,
            mark(Shown::of(step)),
            step.step.key(),
            plan.identity_name(step.identity),
            step.action
        ));
        out.push_str(&format!(
            "       {} [{}]\n",
            step.reason,
            sources.join("]["),
        ));
        if let Some(would) = present::would(step) {
            out.push_str(&format!(
                "       (not reached: an earlier step fails; this step {would})\n"
            ));
        }
        for a in &step.attempts {
            out.push_str(&format!(
                "       tried {}: {} - {}\n",
                plan.identity_name(a.identity),
                a.outcome.key(),
                a.reason
            ));
        }
        if step.outcome != Outcome::Ok {
            out.push_str(&format!("       log: {}\n", step.log.path()));
        }
        if let Some(fix) = &step.fix {
            out.push_str(&format!("       fix: {fix}\n"));
        }
        if let Some(inferred) = &step.inferred {
            out.push_str(&format!("       inferred: {inferred}\n"));
        }
        for note in &step.notes {
            out.push_str(&format!("       note: {note}\n"));
        }
    }
    out
}

/// A comparison as text: each side's verdict, the differences, the steps both take alike, and
/// the comparison's link.
pub fn comparison(c: &Comparison, link: &str) -> String {
    let mut out = format!(
        "A: {}\n   {}\nB: {}\n   {}\n\n",
        present::headline(&c.a),
        summary(&c.a.scenario),
        present::headline(&c.b),
        summary(&c.b.scenario),
    );
    let differences: Vec<&str> = compare::differences(&c.rows).collect();
    if differences.is_empty() {
        out.push_str(compare::NO_DIFFERENCES);
        out.push('\n');
    } else {
        out.push_str("Differences:\n");
        for d in &differences {
            out.push_str(&format!(" - {d}\n"));
        }
    }
    let same = compare::alike(&c.rows);
    if !same.is_empty() {
        out.push_str(&format!("Alike in both: {}.\n", same.join(", ")));
    }
    out.push_str(&format!("\nLink: #{link}\n"));
    out
}

/// A scenario in one line: what it changes from the defaults.
fn summary(s: &credflow_core::Scenario) -> String {
    let lines = present::scenario_lines(s);
    if lines.is_empty() {
        "The defaults".to_string()
    } else {
        lines.join("; ")
    }
}
