//! What a person reads about a plan, written once: outcome markers and words, the state a
//! step is shown in, each step's name, the verdict's headline told in order, the deciding
//! step, warnings, the sentence for each input normalisation changed, and a scenario in lines (what a link that could not be read in full
//! still says). The page, the diagram and the CLI all take their words from here.

use crate::model::{Outcome, Plan, Resource, Step, StepKind};
use crate::normalise::Change;
use crate::scenario::{Input, Scenario, INPUTS};

/// The marker that goes with an outcome, so that colour is never the only signal.
pub fn marker(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Ok => "✓",
        Outcome::AtRisk => "!",
        Outcome::Waits => "◷",
        Outcome::Fails => "✕",
    }
}

/// The marker of a step the run never gets to.
pub const NOT_REACHED_MARKER: &str = "–";

/// An outcome in words: `ok`, `at risk`, `waits`, `fails`.
pub fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Ok => "ok",
        other => other.label(),
    }
}

/// An outcome's marker and word, as a step's label shows them: `✕ fails`.
pub fn status(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Ok => "✓ ok",
        Outcome::AtRisk => "! at risk",
        Outcome::Waits => "◷ waits",
        Outcome::Fails => "✕ fails",
    }
}

/// The state a step is shown in: its outcome when the run gets there; otherwise "not
/// reached", whatever it would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    Reached(Outcome),
    NotReached,
}

impl Shown {
    pub fn of(step: &Step) -> Shown {
        if step.reached {
            Shown::Reached(step.outcome)
        } else {
            Shown::NotReached
        }
    }

    /// `✓`, `✕`, … or `–` for a step that is not reached.
    pub fn marker(self) -> &'static str {
        match self {
            Shown::Reached(o) => marker(o),
            Shown::NotReached => NOT_REACHED_MARKER,
        }
    }

    /// `succeeds`, `fails`, …, `not reached`.
    pub fn words(self) -> &'static str {
        match self {
            Shown::Reached(o) => o.label(),
            Shown::NotReached => "not reached",
        }
    }

    /// The key used in CSS classes and data attributes: the outcome's, or `not-reached`.
    pub fn key(self) -> &'static str {
        match self {
            Shown::Reached(o) => o.key(),
            Shown::NotReached => "not-reached",
        }
    }
}

/// For a step that is not reached, what it would do if it were: `would succeed`, `would also
/// fail`, … (`None` for a reached step).
pub fn would(step: &Step) -> Option<&'static str> {
    (!step.reached).then_some(match step.outcome {
        Outcome::Ok => "would succeed",
        Outcome::AtRisk => "would be at risk",
        Outcome::Waits => "would wait",
        Outcome::Fails => "would also fail",
    })
}

/// A step's state in words, with what it would do when it is not reached: `fails`,
/// `not reached (would also fail)`.
pub fn state_words(step: &Step) -> String {
    match would(step) {
        Some(w) => format!("not reached ({w})"),
        None => step.outcome.label().to_string(),
    }
}

/// A step's name by what it does, the same in every scenario: `Install`, `Connect to
/// \\fs01\apps`. Step numbers change with the scenario; these do not.
pub fn step_name(step: &Step) -> String {
    match (&step.step, &step.resource) {
        (StepKind::ConnectShare, Resource::Share(unc)) => format!("Connect to {unc}"),
        (kind, _) => kind.label().to_string(),
    }
}

/// `step 5 (Install)`: where the verdict and the diagram's heading point.
pub fn step_ref(step: &Step) -> String {
    format!("step {} ({})", step.n, step.step.label())
}

/// The step that decides the verdict: the first failure, else the first step as bad as the
/// verdict.
pub fn deciding_step(plan: &Plan) -> Option<&Step> {
    plan.first_failure_step().or_else(|| {
        plan.steps
            .iter()
            .find(|s| s.outcome == plan.verdict && s.outcome != Outcome::Ok)
    })
}

/// The verdict in a few words, for the diagram's heading: `succeeds`, `fails at step 4
/// (Install)`, `at risk at step 3 (Connect to share)`.
pub fn verdict_short(plan: &Plan) -> String {
    match deciding_step(plan) {
        Some(s) if plan.verdict != Outcome::Ok => {
            format!("{} at {}", outcome_word(plan.verdict), step_ref(s))
        }
        _ => "succeeds".to_string(),
    }
}

/// The step a page selects first: the first failure, else the first other problem.
pub fn default_step(plan: &Plan) -> Option<usize> {
    plan.first_failure.or_else(|| {
        plan.steps
            .iter()
            .find(|s| s.outcome != Outcome::Ok)
            .map(|s| s.n)
    })
}

/// The verdict told in order: what the run meets before it ends, then how it ends.
/// `Succeeds`; `Waits for a user to log on, then fails at step 4 (Install)`;
/// `At risk at step 4 (Connect to share); 1 later step would also fail`.
pub fn headline(plan: &Plan) -> String {
    const MOST: usize = 3;
    let end = plan.first_failure.unwrap_or(plan.steps.len());
    let met: Vec<&Step> = plan.steps[..end.min(plan.steps.len())]
        .iter()
        .filter(|s| s.outcome != Outcome::Ok)
        .collect();
    let mut parts: Vec<String> = met
        .iter()
        .take(MOST)
        .map(|s| match s.outcome {
            Outcome::Waits => s.action.clone(),
            Outcome::Fails => format!("fails at {}", step_ref(s)),
            _ => format!("at risk at {}", step_ref(s)),
        })
        .collect();
    if met.len() > MOST {
        let rest = met.len() - MOST;
        parts.push(format!(
            "{rest} more step{} at risk or waiting",
            if rest == 1 { "" } else { "s" }
        ));
    }
    let later = plan
        .steps
        .iter()
        .filter(|s| !s.reached && s.outcome == Outcome::Fails)
        .count();
    if parts.is_empty() {
        return "Succeeds".to_string();
    }
    let mut out = capitalised(&parts.join(", then "));
    if later > 0 {
        out.push_str(&format!(
            "; {later} later step{} would also fail",
            if later == 1 { "" } else { "s" }
        ));
    }
    out
}

/// The warnings of a plan that go wherever its verdict goes (a lock-out risk to every domain
/// controller): the notes that rules write as `Warning: …`, once each.
pub fn warnings(plan: &Plan) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for note in plan.steps.iter().flat_map(|s| &s.notes) {
        if note.starts_with("Warning:") && !out.contains(&note.as_str()) {
            out.push(note);
        }
    }
    out
}

/// The first sentence of a text.
pub fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(i) => &text[..=i],
        None => text,
    }
}

/// What the verdict banner says: the headline, one sentence of why, the fix, the warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    pub outcome: Outcome,
    pub headline: String,
    pub reason: String,
    pub fix: Option<String>,
    pub warnings: Vec<String>,
}

pub fn banner(plan: &Plan) -> Banner {
    let (reason, fix) = match deciding_step(plan) {
        Some(s) => (first_sentence(&s.reason).to_string(), s.fix.clone()),
        None => {
            let who = plan
                .steps
                .iter()
                .find(|s| s.step == StepKind::RunAs)
                .map(|s| plan.identity_name(s.identity))
                .unwrap_or("The client");
            (
                format!("{who} runs the program and every step succeeds."),
                None,
            )
        }
    };
    Banner {
        outcome: plan.verdict,
        headline: headline(plan),
        reason: capitalised(&reason),
        fix,
        warnings: warnings(plan).into_iter().map(str::to_string).collect(),
    }
}

/// The title of an input, by its key.
pub fn input_title(key: &str) -> &'static str {
    Input::by_key(key).map_or("Setting", |i| i.title)
}

/// The label of a value of an input, by their keys.
pub fn value_label(key: &str, value: &str) -> &'static str {
    Input::by_key(key)
        .and_then(|i| i.label(value))
        .unwrap_or("another value")
}

/// `Program can run changed from “…” to “…”: <reason>`.
pub fn change_sentence(c: &Change) -> String {
    format!(
        "{} changed from “{}” to “{}”: {}",
        input_title(c.key),
        value_label(c.key, c.from),
        value_label(c.key, c.to),
        c.reason
    )
}

/// The text with its first letter in upper case (ASCII: the rule book's English).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let mut out = String::with_capacity(text.len());
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
            out
        }
        None => String::new(),
    }
}

/// What a scenario says away from the defaults, one line each: `Client: SMS 2003 Legacy
/// Client`, `Share \\fs01\apps — readers: Domain Users`. Empty for the defaults.
pub fn scenario_lines(s: &Scenario) -> Vec<String> {
    let d = Scenario::default();
    let mut lines: Vec<String> = INPUTS
        .iter()
        .filter(|i| s.value(i.key) != d.value(i.key))
        .map(|i| {
            let value = s.value(i.key).unwrap_or_default();
            format!("{}: {}", i.title, i.label(value).unwrap_or(value))
        })
        .collect();
    if s.dpacl != d.dpacl {
        lines.push(format!(
            "Who may read the DP package share: {}",
            s.dpacl.labels()
        ));
    }
    lines.extend(
        s.shares
            .iter()
            .map(|sh| format!("Share {} — readers: {}", sh.unc, sh.readers.labels())),
    );
    lines
}
