//! The plan as text a person reads in a terminal.

use credflow_core::{Outcome, Plan};

fn mark(outcome: Outcome, reached: bool) -> &'static str {
    match (outcome, reached) {
        (Outcome::Ok, true) => "ok     ",
        (Outcome::AtRisk, true) => "AT RISK",
        (Outcome::Waits, true) => "WAITS  ",
        (Outcome::Fails, true) => "FAILS  ",
        (Outcome::Ok, false) => "(ok)   ",
        (Outcome::AtRisk, false) => "(risk) ",
        (Outcome::Waits, false) => "(waits)",
        (Outcome::Fails, false) => "(fails)",
    }
}

/// The verdict line, then each step with its reason, log, fix and note.
pub fn plan(plan: &Plan) -> String {
    let mut out = String::new();
    let verdict = match (plan.verdict, plan.first_failure) {
        (Outcome::Fails, Some(n)) => format!("FAILS at step {n}"),
        (Outcome::AtRisk, _) => "AT RISK".to_string(),
        (Outcome::Waits, _) => "WAITS".to_string(),
        _ => "SUCCEEDS".to_string(),
    };
    out.push_str(&format!("Verdict: {verdict}\n"));
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
            mark(step.outcome, step.reached),
            step.step.key(),
            plan.identity_name(step.identity),
            step.action
        ));
        out.push_str(&format!(
            "       {} [{}]\n",
            step.reason,
            sources.join("]["),
        ));
        if !step.reached {
            out.push_str("       (not reached: an earlier step fails)\n");
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
