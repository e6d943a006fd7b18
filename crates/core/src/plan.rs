//! The planner: applies the rule table to a scenario, step by step.

use crate::identity::Identity;
use crate::model::{Attempt, Log, LogRef, Outcome, Plan, Resource, Step, StepKind};
use crate::normalise::normalise;
use crate::principal::{Principal, Readers};
use crate::rules::{rule_for, Facts, On, Rule, Who};
use crate::scenario::{Account, Domain, Scenario, Source};

/// The plan for a scenario: normalises it, then evaluates every step of the rule book in order.
/// Steps after a failing step are still evaluated, and marked as not reached.
pub fn plan(scenario: &Scenario) -> Plan {
    let (s, normalised) = normalise(scenario.clone());
    let mut facts = Facts::new(&s);
    let mut steps = Vec::new();

    steps.push(evaluate(
        StepKind::Schedule,
        &facts,
        Resource::Program,
        s.dpacl,
    ));
    let run_as = evaluate(StepKind::RunAs, &facts, Resource::Program, s.dpacl);
    facts = facts.running_as(run_as.identity);
    steps.push(run_as);
    if s.source == Source::Dp {
        steps.push(evaluate(
            StepKind::FetchContent,
            &facts,
            Resource::DistributionPoint,
            s.dpacl,
        ));
    }
    // With source=unc the first share is the program's own source, so it comes first anyway.
    for share in &s.shares {
        steps.push(evaluate(
            StepKind::ConnectShare,
            &facts,
            Resource::Share(share.unc.clone()),
            share.readers,
        ));
    }
    steps.push(evaluate(
        StepKind::Install,
        &facts,
        Resource::Program,
        s.dpacl,
    ));

    let mut failed = false;
    for (i, step) in steps.iter_mut().enumerate() {
        step.n = i + 1;
        step.reached = !failed;
        failed |= step.outcome == Outcome::Fails;
    }
    let verdict = steps.iter().map(|s| s.outcome).max().unwrap_or(Outcome::Ok);
    let first_failure = steps
        .iter()
        .find(|s| s.outcome == Outcome::Fails)
        .map(|s| s.n);
    Plan {
        verdict,
        first_failure,
        normalised,
        steps,
        scenario: s,
    }
}

/// Applies the first matching rule of `kind`. `target` and `readers` are the resource the
/// step is about and who may read it (used by `On::Share` / `On::DistributionPoint`).
fn evaluate(kind: StepKind, facts: &Facts, target: Resource, readers: Readers) -> Step {
    let Some(rule) = rule_for(kind, facts) else {
        // The rule table covers every scenario (a test walks them all); should a row go
        // missing, say so rather than guess.
        return Step {
            n: 0,
            step: kind,
            identity: facts.run_as,
            resource: target,
            action: "is not covered by any rule".into(),
            outcome: Outcome::AtRisk,
            reason: "No rule of the rule book covers this combination.".into(),
            sources: Vec::new(),
            log: LogRef::Runs.resolve(facts.s.client),
            fix: None,
            note: None,
            attempts: Vec::new(),
            reached: true,
            rule: "none",
        };
    };
    let resource = match rule.on {
        On::Program => Resource::Program,
        On::DistributionPoint => Resource::DistributionPoint,
        On::Share => target,
        On::LocalMachine => Resource::LocalMachine,
        On::UserProfile => Resource::UserProfile,
    };
    let (identity, outcome, reason, attempts) = match rule.who {
        Who::Agent => (
            facts.agent(),
            rule.outcome,
            rule.reason.to_string(),
            Vec::new(),
        ),
        Who::RunAs => (
            facts.run_as,
            rule.outcome,
            rule.reason.to_string(),
            Vec::new(),
        ),
        Who::Is(id) => (id, rule.outcome, rule.reason.to_string(), Vec::new()),
        Who::Tries(chain) => tries(rule, chain, facts, readers),
    };
    let fill = |text: &str| fill(text, facts, identity, &resource);
    let log: Log = rule.log.resolve(facts.s.client);
    Step {
        n: 0,
        step: kind,
        identity,
        action: fill(rule.action),
        outcome,
        reason: capitalised(&fill(&reason)),
        sources: rule.sources.to_vec(),
        log,
        fix: (outcome != Outcome::Ok && !rule.fix.is_empty()).then(|| {
            let untrusted = facts.s.domain == Domain::Untrusted && !rule.fix_untrusted.is_empty();
            fill(if untrusted {
                rule.fix_untrusted
            } else {
                rule.fix
            })
        }),
        note: (!rule.note.is_empty()).then(|| fill(rule.note)),
        attempts,
        reached: true,
        rule: rule.id,
        resource,
    }
}

/// Tries each identity of `chain` against `readers` until one can read. Returns the identity
/// that acted, the outcome, the reason and, when the rule has a fallback, every attempt.
fn tries(
    rule: &Rule,
    chain: &[Identity],
    facts: &Facts,
    readers: Readers,
) -> (Identity, Outcome, String, Vec<Attempt>) {
    let mut attempts = Vec::new();
    let mut why_not: Vec<String> = Vec::new();
    let mut acted = chain[0];
    let mut got_through = false;
    for &id in chain {
        if let Some(missing) = not_configured(id, facts.s) {
            why_not.push(missing.to_string());
            continue;
        }
        acted = id;
        let counts_as = id.counts_as(facts.s.domain);
        got_through = readers.admits(counts_as);
        let (outcome, detail) = if got_through {
            (
                Outcome::Ok,
                capitalised(&format!("{} can read it.", facts.name(id))),
            )
        } else {
            (
                Outcome::Fails,
                refusal(id, facts.name(id), counts_as, readers),
            )
        };
        attempts.push(Attempt {
            identity: id,
            outcome,
            reason: detail.clone(),
        });
        if got_through {
            break;
        }
        why_not.push(detail);
    }
    // Attempts are listed only where the rule has a fallback.
    if chain.len() == 1 {
        attempts.clear();
    }
    let reason = match (got_through, why_not.is_empty()) {
        (true, true) => rule.reason.to_string(),
        (true, false) => format!("{} Tried first: {}", rule.reason, why_not.join(" ")),
        (false, _) => format!("{} {}", rule.denied, why_not.join(" ")),
    };
    let outcome = if got_through {
        rule.outcome
    } else {
        Outcome::Fails
    };
    (acted, outcome, reason, attempts)
}

/// Why an identity cannot even be tried: its site account is not configured.
fn not_configured(id: Identity, s: &Scenario) -> Option<&'static str> {
    match id {
        Identity::NetworkAccessAccount if s.naa == Account::None => {
            Some("No Network Access Account is configured.")
        }
        Identity::SoftwareInstallationAccount if s.siacct == Account::None => {
            Some("No Software Installation Account is configured.")
        }
        _ => None,
    }
}

/// `X counts as Everyone, ...; readers: Y.`
fn refusal(id: Identity, name: &str, counts_as: &[Principal], readers: Readers) -> String {
    let is = match (counts_as.is_empty(), id) {
        (true, Identity::ClientToken) => {
            format!("{name} has local rights only and counts as nobody on the network")
        }
        (true, _) => {
            format!("{name} counts as nobody on the network: the computer's domain is not trusted")
        }
        (false, _) => {
            let labels: Vec<&str> = counts_as.iter().map(|p| p.label()).collect();
            format!("{name} counts as {}", labels.join(", "))
        }
    };
    capitalised(&format!("{is}; readers: {}.", readers.labels()))
}

/// The text with its first letter in upper case (identity names such as "the logged-on user"
/// start sentences too). The sentences are the rule book's English, so ASCII case is enough
/// (and keeps the Unicode case tables out of the page).
fn capitalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    if let Some(first) = chars.next() {
        out.push(first.to_ascii_uppercase());
        out.push_str(chars.as_str());
    }
    out
}

/// Fills a rule's text template. `{who}` goes first so that a share path containing
/// `{who}` is never expanded.
fn fill(text: &str, facts: &Facts, who: Identity, resource: &Resource) -> String {
    text.replace("{who}", facts.name(who))
        .replace("{resource}", &resource.label())
}
