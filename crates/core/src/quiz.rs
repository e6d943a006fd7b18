//! Predict, then reveal: a scenario asked as a question — how does it turn out; if not well,
//! at which step, and which account is acting there — and a learner's answer marked against
//! the plan, saying what was right. The answer is the plan's deciding step
//! ([`present::deciding_step`]), the one the verdict names.

use serde::Serialize;

use crate::diagram::Diagram;
use crate::identity::Identity;
use crate::layout::layout;
use crate::model::{Outcome, Plan, Resource, StepKind};
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

/// The plan as a question shows it: every step with who acts on what, and nothing that depends
/// on how it turns out. Each step is `Ok` and reached (the writer draws its outcome as hidden,
/// [`crate::svg::svg_question`]), without a reason, fix, notes or attempts; it acts as the first
/// account it tries (which account tries next depends on whether the first gets through); its
/// action is the step's own, not the rule's (`tries to run`, `waits for …` tell the outcome).
pub fn structure(plan: &Plan) -> Plan {
    let mut shown = plan.clone();
    shown.verdict = Outcome::Ok;
    shown.first_failure = None;
    shown.normalised.clear();
    for step in &mut shown.steps {
        if let Some(first) = step.attempts.first() {
            step.identity = first.identity;
        }
        step.action = neutral_action(step.step, &step.resource);
        step.outcome = Outcome::Ok;
        step.reached = true;
        step.reason.clear();
        step.fix = None;
        step.notes.clear();
        step.attempts.clear();
        step.inferred = None;
        step.sources.clear();
        step.rule = "";
    }
    shown
}

/// What a step does, the same whatever its outcome.
fn neutral_action(kind: StepKind, resource: &Resource) -> String {
    match kind {
        StepKind::Schedule => "starts the program".into(),
        StepKind::RunAs => "runs the program".into(),
        StepKind::FetchContent => "reads the package on the distribution point".into(),
        StepKind::MapDrive => format!("maps a drive letter to {}", resource.label()),
        StepKind::ConnectShare => format!("connects to {}", resource.label()),
        StepKind::UseMappedDrive => "opens a path on the user's mapped drive".into(),
        StepKind::UserInput => "shows the installer's dialogs".into(),
        StepKind::Install => format!("installs on {}", resource.label()),
    }
}

/// What the diagram of a question says in place of an outcome.
pub const HIDDEN: &str = "?";

/// The question's diagram: the layout of [`structure`], with each step's status `?`, its
/// tooltip and line of text saying who acts on what and no more, no callouts, no warnings, and
/// a heading that asks rather than answers. Draw it with [`crate::svg::svg_question`].
pub fn diagram(plan: &Plan) -> Diagram {
    let shown = structure(plan);
    let mut d = layout(&shown);
    d.title = format!(
        "credflow question: {} — predict how it turns out",
        d.heading
    );
    d.verdict = Outcome::Ok;
    d.verdict_text = format!("{HIDDEN} your prediction");
    d.warnings.clear();
    for node in &mut d.nodes {
        node.outcome = None;
        // The box of the shares beyond the first 50 counts their outcomes: here, none.
        if node.kind == crate::diagram::NodeKind::MoreShares {
            node.captions = vec!["outcomes hidden".into()];
            node.title = format!("{}: outcomes hidden.", node.label);
        }
    }
    let mut text = Vec::with_capacity(d.edges.len());
    for e in &mut d.edges {
        e.status = HIDDEN;
        e.callout = None;
        e.title = match &mut e.collapsed {
            Some(c) => {
                c.outcomes = [0; 4];
                format!(
                    "Steps {}: connect to {} more shares — outcomes hidden.",
                    c.badge(),
                    c.count
                )
            }
            None => {
                let step = &shown.steps[e.step - 1];
                format!(
                    "Step {}, {}: {} {} — outcome hidden.",
                    step.n,
                    step.step.label(),
                    shown.identity_name(step.identity),
                    step.action
                )
            }
        };
        text.push(e.title.clone());
    }
    d.text = text;
    d
}

/// One question of a quiz set: what it is called (a classic case's title, or the link as the
/// trainer gave it), its link (a fragment), and the learner's answer once given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub title: String,
    pub link: String,
    pub answer: Option<Answer>,
}

/// A quiz set under way: its questions in order and the one being asked (`at ==
/// items.len()`: finished). The page keeps it in the browser's storage as [`Progress::text`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub items: Vec<Item>,
    pub at: usize,
}

/// The first line of a saved quiz set.
const PROGRESS_HEADER: &str = "credflow quiz 1";

impl Progress {
    /// As saved: a header, the position, then one line a question, `answer<TAB>link<TAB>title`
    /// (`answer`: `-` or `outcome,step,identity`, each `-` when not given).
    pub fn text(&self) -> String {
        let mut out = format!("{PROGRESS_HEADER}\nat {}\n", self.at);
        for item in &self.items {
            let answer = match item.answer {
                None => "-".to_string(),
                Some(a) => format!(
                    "{},{},{}",
                    a.outcome.key(),
                    a.step.map_or("-".to_string(), |n| n.to_string()),
                    a.identity.map_or("-", |i| i.key())
                ),
            };
            out.push_str(&format!("{answer}\t{}\t{}\n", item.link, item.title));
        }
        out
    }

    /// Reads what [`Progress::text`] wrote, or says what is wrong with it.
    pub fn read(text: &str) -> Result<Progress, String> {
        let mut lines = text.lines();
        if lines.next() != Some(PROGRESS_HEADER) {
            return Err("it is not a credflow quiz set".into());
        }
        let at = lines
            .next()
            .and_then(|l| l.strip_prefix("at "))
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or("its position is missing")?;
        let mut items = Vec::new();
        for (i, line) in lines.enumerate() {
            let mut parts = line.splitn(3, '\t');
            let (Some(answer), Some(link), Some(title)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err(format!("question {} is cut short", i + 1));
            };
            let answer = match answer {
                "-" => None,
                a => Some(read_answer(a).ok_or(format!(
                    "the answer to question {} is not one credflow writes",
                    i + 1
                ))?),
            };
            items.push(Item {
                title: title.to_string(),
                link: link.to_string(),
                answer,
            });
        }
        if items.is_empty() {
            return Err("it has no questions".into());
        }
        if at > items.len() {
            return Err("its position is past its last question".into());
        }
        Ok(Progress { items, at })
    }
}

/// `fails,4,client-token`: an answer as [`Progress::text`] writes it.
fn read_answer(text: &str) -> Option<Answer> {
    let mut parts = text.split(',');
    let outcome = Outcome::from_key(parts.next()?)?;
    let step = match parts.next()? {
        "-" => None,
        n => Some(n.parse().ok()?),
    };
    let identity = match parts.next()? {
        "-" => None,
        k => Some(Identity::from_key(k)?),
    };
    parts.next().is_none().then_some(Answer {
        outcome,
        step,
        identity,
    })
}

/// A trainer's list of links, one a line, read into questions: each line that reads as a
/// credflow link (its scenario, as a full-view link) and, for each line that does not, its
/// number and what is wrong. Blank lines are skipped.
pub fn read_list(text: &str) -> (Vec<Item>, Vec<String>) {
    let mut items = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match crate::link::decode_link(line) {
            Ok(link) => items.push(Item {
                title: line.to_string(),
                link: crate::link::encode(&crate::normalise(link.scenario).0),
                answer: None,
            }),
            Err(e) => problems.push(format!("Line {} ({}): {e}.", i + 1, shorten(line))),
        }
    }
    (items, problems)
}

/// A line as quoted in a problem: at most 60 characters.
fn shorten(line: &str) -> String {
    if line.chars().count() <= 60 {
        line.to_string()
    } else {
        format!("{}…", line.chars().take(60).collect::<String>())
    }
}

/// The seventeen classic cases as a quiz set, in the order `order` gives (indexes into
/// [`crate::presets::PRESETS`]; the page shuffles it, the core has no randomness).
pub fn classic_set(order: &[usize]) -> Vec<Item> {
    order
        .iter()
        .filter_map(|&i| crate::presets::PRESETS.get(i))
        .map(|p| Item {
            title: p.title.to_string(),
            link: p.link.to_string(),
            answer: None,
        })
        .collect()
}
