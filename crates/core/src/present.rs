//! What a person reads about a plan, written once: outcome markers and words, the state a
//! step is shown in, each step's name, the verdict's headline told in order, the deciding
//! step, warnings, the findings (steps that fail alike told once), the sentence for each input
//! normalisation changed, and a scenario in lines (what a link that could not be read in full
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

/// One finding: a step that is not ok, or several `Connect to share` steps that fail alike
/// (the same identity, outcome, reason and fix but for the share's path), told once.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    /// The steps it stands for, in order.
    pub steps: Vec<usize>,
    /// The first step's state (the marker and colour).
    pub shown: Shown,
    /// `Step 4: Connect to \\fs01\apps — fails`; `Steps 4–11: Connect to 8 shares — fails at
    /// step 4; steps 5–11 not reached (would also fail)`.
    pub title: String,
    /// Who does what, and why.
    pub text: String,
    /// The shares of a finding that stands for several steps (empty for one step).
    pub shares: Vec<String>,
    pub fix: Option<String>,
    pub notes: Vec<String>,
    /// The log to read.
    pub log: String,
}

/// What `share` stands for in the words of a finding about several shares.
const EACH_SHARE: &str = "each of these shares";

/// Every step that is not ok, in order; `Connect to share` steps that fail alike are one
/// finding, at the place of the first. Eight shares that deny the computer account are one
/// finding that lists the eight, not eight findings that differ only in the path.
pub fn findings(plan: &Plan) -> Vec<Finding> {
    // The steps of each finding, grouped by what they say with the share's path left out.
    let mut groups: Vec<(Option<String>, Vec<&Step>)> = Vec::new();
    for step in plan.steps.iter().filter(|s| s.outcome != Outcome::Ok) {
        let key = alike_key(plan, step);
        match groups.iter_mut().find(|(k, _)| key.is_some() && *k == key) {
            Some((_, steps)) => steps.push(step),
            None => groups.push((key, vec![step])),
        }
    }
    groups
        .into_iter()
        .map(|(_, steps)| match steps[..] {
            [one] => finding(plan, one),
            _ => grouped(plan, &steps),
        })
        .collect()
}

/// For a `Connect to share` step, what it says with its share's path left out: steps with
/// the same key fail alike. `None` for other steps, which are never grouped.
fn alike_key(plan: &Plan, step: &Step) -> Option<String> {
    let (StepKind::ConnectShare, Resource::Share(unc)) = (&step.step, &step.resource) else {
        return None;
    };
    let general = |text: &str| text.replace(unc.as_str(), "\u{0}");
    Some(format!(
        "{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}",
        step.outcome.key(),
        plan.identity_name(step.identity),
        general(&step.action),
        general(&step.reason),
        // No fix and an empty one differ.
        step.fix.as_deref().map_or("\u{3}".into(), general),
        step.notes
            .iter()
            .map(|n| general(n))
            .collect::<Vec<_>>()
            .join("\u{2}"),
        step.log.path(),
    ))
}

fn finding(plan: &Plan, s: &Step) -> Finding {
    Finding {
        steps: vec![s.n],
        shown: Shown::of(s),
        title: format!("Step {}: {} — {}", s.n, step_name(s), state_words(s)),
        text: format!(
            "{} {}. {}",
            plan.identity_name(s.identity),
            s.action,
            s.reason
        ),
        shares: Vec::new(),
        fix: s.fix.clone(),
        notes: s.notes.clone(),
        log: s.log.path(),
    }
}

/// Several `Connect to share` steps that fail alike (see [`alike_key`]), told once.
fn grouped(plan: &Plan, steps: &[&Step]) -> Finding {
    let first = steps[0];
    let unc = match &first.resource {
        Resource::Share(unc) => unc.as_str(),
        _ => "",
    };
    let general = |text: &str| text.replace(unc, EACH_SHARE);
    let numbers: Vec<usize> = steps.iter().map(|s| s.n).collect();
    // The first may fail while the others are not reached: say which is which.
    let state = if steps.iter().all(|s| s.reached == first.reached) {
        state_words(first)
    } else {
        let (reached, not): (Vec<&Step>, Vec<&Step>) = steps.iter().partition(|s| s.reached);
        let numbers = |steps: &[&Step]| steps.iter().map(|s| s.n).collect::<Vec<_>>();
        let reached_numbers = numbers(&reached);
        let not_numbers = numbers(&not);
        format!(
            "{} at {}; {} {}",
            first.outcome.label(),
            step_numbers(&reached_numbers),
            step_numbers(&not_numbers),
            state_words(not[0])
        )
    };
    Finding {
        steps: numbers.clone(),
        shown: Shown::of(first),
        title: format!(
            "{}: Connect to {} shares — {state}",
            capitalised(&step_numbers(&numbers)),
            steps.len()
        ),
        text: format!(
            "{} {}. {}",
            plan.identity_name(first.identity),
            general(&first.action),
            general(&first.reason)
        ),
        shares: steps
            .iter()
            .filter_map(|s| match &s.resource {
                Resource::Share(unc) => Some(unc.clone()),
                _ => None,
            })
            .collect(),
        fix: first.fix.as_deref().map(general),
        notes: first.notes.iter().map(|n| general(n)).collect(),
        log: first.log.path(),
    }
}

/// `step 4`, `steps 4–11`, `steps 4, 6–8 and 10`.
pub fn step_numbers(numbers: &[usize]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let mut parts: Vec<String> = Vec::new();
    for (a, b) in runs {
        match b - a {
            0 => parts.push(a.to_string()),
            1 => parts.extend([a.to_string(), b.to_string()]),
            _ => parts.push(format!("{a}–{b}")),
        }
    }
    let word = if numbers.len() == 1 { "step" } else { "steps" };
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{word} {} and {last}", rest.join(", "))
        }
        _ => format!("{word} {}", parts.join("")),
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
