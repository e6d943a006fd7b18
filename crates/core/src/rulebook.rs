//! The rule table as a person reviews it: every rule in words, with its sources' titles and
//! addresses. `credflow rules` prints it (as Markdown, or JSON with `--json`), and
//! `docs/rules.md` is this text (a test keeps the two the same).

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{LogRef, Outcome, StepKind};
use crate::rules::{On, Rule, Who, RULES};
use crate::source::SourceId;

/// One rule in words.
#[derive(Clone, Debug, Serialize)]
pub struct RuleText {
    pub id: &'static str,
    pub step: StepKind,
    /// When the rule applies.
    pub when: &'static str,
    /// Whether it is checked besides the step's deciding rule.
    pub also: bool,
    pub identity: String,
    pub resource: &'static str,
    pub outcome: Outcome,
    /// With a fallback: the outcome when only a later identity gets through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<Outcome>,
    pub reason: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub denied: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub fix: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub fix_untrusted: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub note: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub inferred: &'static str,
    pub log: &'static str,
    pub sources: Vec<SourceText>,
}

/// A source as the rule book shows it.
#[derive(Clone, Debug, Serialize)]
pub struct SourceText {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    pub address: &'static str,
}

impl SourceText {
    pub fn of(id: SourceId) -> Self {
        SourceText {
            id: id.key(),
            title: id.title(),
            kind: id.kind(),
            address: id.address(),
        }
    }
}

/// Every rule, in the table's order.
pub fn rules() -> Vec<RuleText> {
    RULES.iter().map(text).collect()
}

fn text(r: &Rule) -> RuleText {
    RuleText {
        id: r.id,
        step: r.step,
        when: r.when,
        also: r.also,
        identity: who(r.who),
        resource: on(r.on),
        outcome: r.outcome,
        fallback: (r.fallback > r.outcome).then_some(r.fallback),
        reason: if r.reason.is_empty() {
            r.denied
        } else {
            r.reason
        },
        denied: if r.reason.is_empty() { "" } else { r.denied },
        fix: r.fix,
        fix_untrusted: r.fix_untrusted,
        note: r.note,
        inferred: r.inferred,
        log: match r.log {
            LogRef::Runs => "execmgr.log (SMSAPM32.log on the Legacy Client)",
            LogRef::Content => "CAS.log (SMSAPM32.log on the Legacy Client)",
        },
        sources: r.sources.iter().map(|s| SourceText::of(*s)).collect(),
    }
}

fn who(w: Who) -> String {
    match w {
        Who::Agent => "the client's agent (Local System; the token account on the Legacy Client; the user on Windows 98)".into(),
        Who::RunAs => "the identity that runs the program".into(),
        Who::Fetcher => "the identity that read the package".into(),
        Who::Is(id) => id.label().into(),
        Who::Tries(chain) => {
            let names: Vec<&str> = chain.iter().map(|i| i.label()).collect();
            if names.len() == 1 {
                names[0].to_string()
            } else {
                format!("tries {}, in that order", names.join(", then "))
            }
        }
        Who::Instead => "the identity the next rule of the step would use".into(),
    }
}

fn on(o: On) -> &'static str {
    match o {
        On::Share => "share:<UNC>",
        other => other.id(),
    }
}

/// The whole rule book as Markdown: `docs/rules.md`.
pub fn markdown() -> String {
    let mut o = String::new();
    o.push_str("# credflow's rule book\n\n");
    o.push_str(
        "Generated from the rule table (`crates/core/src/rules.rs`) by `credflow rules`; \
do not edit by hand. For each step the first rule whose condition holds decides it; rules \
marked *also* are checked besides it, the worst outcome decides, and the others are shown as \
notes. Steps: ",
    );
    let steps: Vec<String> = StepKind::ALL
        .iter()
        .map(|k| format!("`{}`", k.key()))
        .collect();
    o.push_str(&steps.join(", "));
    o.push_str(".\n");
    let mut current = None;
    for r in rules() {
        if current != Some(r.step) {
            current = Some(r.step);
            let _ = write!(o, "\n## {} — {}\n", r.step.key(), r.step.help());
        }
        let _ = write!(o, "\n### `{}`\n\n", r.id);
        let also = if r.also { " *(also)*" } else { "" };
        let _ = writeln!(o, "- **When:** {}{also}", r.when);
        let _ = writeln!(o, "- **Who:** {} → **on:** `{}`", r.identity, r.resource);
        match r.fallback {
            Some(f) => {
                let _ = writeln!(
                    o,
                    "- **Outcome:** {} (first identity reads); {} (only a later one reads); fails (none reads)",
                    r.outcome, f
                );
            }
            None => {
                let _ = writeln!(o, "- **Outcome:** {}", r.outcome);
            }
        }
        let _ = writeln!(o, "- **Why:** {}", r.reason);
        if !r.denied.is_empty() {
            let _ = writeln!(o, "- **When denied:** {}", r.denied);
        }
        if !r.fix.is_empty() {
            let _ = writeln!(o, "- **Fix:** {}", r.fix);
        }
        if !r.fix_untrusted.is_empty() {
            let _ = writeln!(o, "- **Fix, untrusted domain:** {}", r.fix_untrusted);
        }
        if !r.note.is_empty() {
            let _ = writeln!(o, "- **Note:** {}", r.note);
        }
        if !r.inferred.is_empty() {
            let _ = writeln!(o, "- **Inferred:** {}", r.inferred);
        }
        let _ = writeln!(o, "- **Log:** {}", r.log);
        let sources: Vec<String> = r
            .sources
            .iter()
            .map(|s| format!("[{}] [{}]({})", s.id, s.title, s.address))
            .collect();
        let _ = writeln!(o, "- **Sources:** {}", sources.join("; "));
    }
    o.push_str("\n## Sources\n\n| id | title | about | address |\n|---|---|---|---|\n");
    for s in SourceId::ALL {
        let _ = writeln!(
            o,
            "| {} | {} | {} | <{}> |",
            s.key(),
            s.title().replace('|', "\\|"),
            s.kind(),
            s.address()
        );
    }
    o
}
