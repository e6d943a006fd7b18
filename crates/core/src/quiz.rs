//! Predict, then reveal: a scenario asked as a question — how does it turn out; if not well,
//! at which step, and which account is acting there — and a learner's answer marked against
//! the plan, saying what was right. The answer is the plan's deciding step
//! ([`present::deciding_step`]), the one the verdict names.

use serde::Serialize;

use crate::identity::Identity;
use crate::model::{Outcome, Plan};
use crate::present;
use crate::scenario::Client;

/// What a learner may answer: each step by its number and name (what it does, the same in
/// every scenario), and the accounts that could be acting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    /// `(n, name)` for each step, in order.
    pub steps: Vec<(usize, String)>,
    /// The accounts to choose from: the ones the plan uses, then the others of this client.
    pub identities: Vec<Identity>,
}

/// A learner's answer. `step` and `identity` are read only when the outcome is not `Ok`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    pub outcome: Outcome,
    pub step: Option<usize>,
    pub identity: Option<Identity>,
}

/// The plan's own answer: what a perfect learner says.
pub fn answer(plan: &Plan) -> Answer {
    match present::deciding_step(plan).filter(|_| plan.verdict != Outcome::Ok) {
        Some(s) => Answer {
            outcome: plan.verdict,
            step: Some(s.n),
            identity: Some(s.identity),
        },
        None => Answer {
            outcome: Outcome::Ok,
            step: None,
            identity: None,
        },
    }
}

/// The question for a plan.
pub fn question(plan: &Plan) -> Question {
    let mut identities: Vec<Identity> = Vec::new();
    for s in &plan.steps {
        if !identities.contains(&s.identity) {
            identities.push(s.identity);
        }
    }
    let usual: &[Identity] = match plan.scenario.client {
        Client::Legacy => &[
            Identity::ClientToken,
            Identity::SoftwareInstallationAccount,
            Identity::ClientConnection,
            Identity::LoggedOnUser,
        ],
        _ => &[
            Identity::LocalSystem,
            Identity::ComputerAccount,
            Identity::NetworkAccessAccount,
            Identity::LoggedOnUser,
        ],
    };
    for &i in usual {
        if !identities.contains(&i) {
            identities.push(i);
        }
    }
    Question {
        steps: plan
            .steps
            .iter()
            .map(|s| (s.n, present::step_name(s)))
            .collect(),
        identities,
    }
}

/// A learner's answer marked: each part right or not, the score, and a sentence per part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Marking {
    pub outcome_right: bool,
    /// `None` when the scenario succeeds: there is no step to name.
    pub step_right: Option<bool>,
    pub identity_right: Option<bool>,
    /// Parts right, out of [`Marking::out_of`]: one for a scenario that succeeds, three
    /// otherwise.
    pub score: usize,
    pub out_of: usize,
    /// What was right and what the answer is, one sentence per part.
    pub lines: Vec<String>,
}

/// Marks `given` against the plan.
pub fn mark(plan: &Plan, given: Answer) -> Marking {
    let right = answer(plan);
    let mut lines = Vec::new();
    let outcome_right = given.outcome == right.outcome;
    lines.push(if outcome_right {
        format!("Right: it {}.", outcome_verb(right.outcome))
    } else {
        format!(
            "Not quite: it {}; you said it {}.",
            outcome_verb(right.outcome),
            outcome_verb(given.outcome)
        )
    });
    let (mut step_right, mut identity_right) = (None, None);
    if let (Some(n), Some(who)) = (right.step, right.identity) {
        let step = &plan.steps[n - 1];
        let named = |n: usize| {
            plan.steps
                .get(n.wrapping_sub(1))
                .map(present::step_ref)
                .unwrap_or_else(|| format!("step {n}"))
        };
        let ok = given.step == Some(n);
        step_right = Some(ok);
        lines.push(match given.step {
            _ if ok => format!("Right: {}.", present::step_ref(step)),
            Some(g) => format!("It is {}; you said {}.", present::step_ref(step), named(g)),
            None => format!("It is {}; you named no step.", present::step_ref(step)),
        });
        let ok = given.identity == Some(who);
        identity_right = Some(ok);
        let name = |i: Identity| plan.identity_name(i);
        lines.push(match given.identity {
            _ if ok => format!("Right: {} is acting there.", name(who)),
            Some(g) => format!("{} is acting there; you said {}.", name(who), name(g)),
            None => format!("{} is acting there; you named no account.", name(who)),
        });
    }
    let score = [Some(outcome_right), step_right, identity_right]
        .iter()
        .filter(|r| **r == Some(true))
        .count();
    let out_of = if right.step.is_some() { 3 } else { 1 };
    Marking {
        outcome_right,
        step_right,
        identity_right,
        score,
        out_of,
        lines,
    }
}

/// `succeeds`, `is at risk`, `waits`, `fails`.
fn outcome_verb(o: Outcome) -> &'static str {
    match o {
        Outcome::Ok => "succeeds",
        Outcome::AtRisk => "is at risk",
        Outcome::Waits => "waits",
        Outcome::Fails => "fails",
    }
}

/// One line of an answer key: `Fails at step 4 (Connect to share), as SMSCliToknLocalAcct&`.
pub fn key_line(plan: &Plan) -> String {
    let right = answer(plan);
    let verdict = present::capitalised(&present::verdict_short(plan));
    match right.identity {
        Some(who) => format!("{verdict}, as {}", plan.identity_name(who)),
        None => verdict,
    }
}
