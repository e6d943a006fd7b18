//! The planner: applies the rule table to a scenario, step by step.

use crate::identity::Identity;
use crate::model::{Attempt, Log, LogRef, Outcome, Plan, Resource, Step, StepKind};
use crate::normalise::normalise;
use crate::present::capitalised;
use crate::principal::{Principal, Readers};
use crate::rules::{rule_for, rules_of, Facts, On, Rule, Who};
use crate::scenario::{
    Account, Domain, Drive, Installer, Mapped, Mode, Role, Scenario, Source, Ui,
};
use crate::source::SourceId;

/// The plan for a scenario: normalises it, then evaluates every step of the rule book in order.
/// Steps after a failing step are still evaluated, and marked as not reached.
pub fn plan(scenario: &Scenario) -> Plan {
    let (s, normalised) = normalise(scenario.clone());
    let mut facts = Facts::new(&s);
    let mut steps = Vec::new();

    steps.push(step(StepKind::Schedule, &facts, Resource::Program, s.dpacl));
    let run_as = step(StepKind::RunAs, &facts, Resource::Program, s.dpacl);
    // On Windows 98 a program runs as the user whatever the run-as step tried (the
    // Software Installation Account fails there): the later steps, reached or not, say what
    // the user would meet. [Q264714]
    facts = facts.running_as(if facts.as_user {
        Identity::LoggedOnUser
    } else {
        run_as.identity
    });
    steps.push(run_as);
    if s.source == Source::Dp {
        let fetch = step(
            StepKind::FetchContent,
            &facts,
            Resource::DistributionPoint,
            s.dpacl,
        );
        facts = facts.fetched_by(fetch.identity);
        steps.push(fetch);
    }
    if s.drive != Drive::Unc {
        let map = step(
            StepKind::MapDrive,
            &facts,
            Resource::DistributionPoint,
            s.dpacl,
        );
        steps.push(map);
    }
    // With source=unc the first share is the program's own source, so it comes first anyway.
    for share in &s.shares {
        steps.push(step(
            StepKind::ConnectShare,
            &facts,
            Resource::Share(share.unc.clone()),
            share.readers,
        ));
    }
    if s.mapped == Mapped::On {
        steps.push(step(
            StepKind::UseMappedDrive,
            &facts,
            Resource::MappedDrive,
            s.dpacl,
        ));
    }
    if s.ui == Ui::Prompts {
        steps.push(step(
            StepKind::UserInput,
            &facts,
            Resource::Desktop,
            s.dpacl,
        ));
    }
    steps.push(step(StepKind::Install, &facts, Resource::Program, s.dpacl));

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

/// One step: its deciding rule, and every `also` rule that holds. The worst of them decides
/// the step (the deciding rule on a tie); the others' reasons become notes, their sources and
/// fixes are added.
fn step(kind: StepKind, facts: &Facts, target: Resource, readers: Readers) -> Step {
    let Some(rule) = rule_for(kind, facts) else {
        return uncovered(kind, facts, target);
    };
    let mut decided = evaluate(rule, facts, &target, readers);
    for also in rules_of(kind, facts).filter(|r| r.also) {
        let other = evaluate(also, facts, &target, readers);
        let (mut worse, better) = if other.outcome > decided.outcome {
            (other, decided)
        } else {
            (decided, other)
        };
        // Only problems become notes: a rule that finds nothing wrong adds nothing.
        if better.outcome == Outcome::Ok {
            decided = worse;
            continue;
        }
        worse.notes.push(better.reason);
        worse.notes.extend(better.notes);
        for source in better.sources {
            if !worse.sources.contains(&source) {
                worse.sources.push(source);
            }
        }
        if let Some(fix) = better.fix {
            worse.fix = Some(match worse.fix.take() {
                Some(mine) => format!("{mine} {fix}"),
                None => fix,
            });
        }
        if let Some(inferred) = better.inferred {
            worse.inferred = Some(match worse.inferred.take() {
                Some(mine) => format!("{mine} {inferred}"),
                None => inferred,
            });
        }
        decided = worse;
    }
    decided
}

/// A step no rule covers. The rule table covers every scenario (a test walks them all);
/// should a row go missing, say so rather than guess.
fn uncovered(kind: StepKind, facts: &Facts, target: Resource) -> Step {
    Step {
        n: 0,
        step: kind,
        identity: facts.run_as,
        resource: target,
        action: "is not covered by any rule".into(),
        outcome: Outcome::AtRisk,
        reason: "No rule of the rule book covers this combination.".into(),
        sources: Vec::new(),
        inferred: None,
        log: LogRef::Runs.resolve(facts.s.client, facts.s.arch),
        fix: None,
        notes: Vec::new(),
        attempts: Vec::new(),
        reached: true,
        rule: "none",
    }
}

/// Applies one rule. `target` and `readers` are the resource the step is about and who may
/// read it (used by `On::Share` / `On::DistributionPoint`).
fn evaluate(rule: &'static Rule, facts: &Facts, target: &Resource, readers: Readers) -> Step {
    let resource = match rule.on {
        On::Program => Resource::Program,
        On::DistributionPoint => Resource::DistributionPoint,
        On::Share => target.clone(),
        On::LocalMachine => Resource::LocalMachine,
        On::UserProfile => Resource::UserProfile,
        On::MappedDrive => Resource::MappedDrive,
        On::Desktop => Resource::Desktop,
    };
    let mut notes = Vec::new();
    let (identity, outcome, reason, attempts) = match rule.who {
        Who::Agent => (facts.agent(), rule.outcome, rule.reason.to_string(), vec![]),
        Who::RunAs => (facts.run_as, rule.outcome, rule.reason.to_string(), vec![]),
        Who::Fetcher => (facts.fetcher, rule.outcome, rule.reason.to_string(), vec![]),
        Who::Is(id) => (id, rule.outcome, rule.reason.to_string(), vec![]),
        Who::Tries(chain) => tries(rule, chain, facts, readers),
        Who::Instead => {
            // What the next rule that holds would have done, had this one not stopped it.
            let next = crate::rules::RULES
                .iter()
                .filter(|r| r.step == rule.step && !r.also && !std::ptr::eq(*r, rule))
                .find(|r| (r.applies)(facts));
            let would = next.map(|r| evaluate(r, facts, target, readers));
            let identity = would.as_ref().map_or(facts.run_as, |w| w.identity);
            if let Some(w) = would {
                notes.push(format!(
                    "If it ran: {} {}",
                    w.reason,
                    outcome_words(w.outcome)
                ));
            }
            (identity, rule.outcome, rule.reason.to_string(), vec![])
        }
    };
    let fill = |text: &str| fill(text, facts, identity, &resource);
    let log: Log = rule.log.resolve(facts.s.client, facts.s.arch);
    let mut sources = rule.sources.to_vec();
    if rule.action == "{fetch}" {
        // How the package is read is said by the mode's own source.
        let mode_source = match facts.s.effective_mode() {
            Mode::Download => Some(SourceId::Kb839513),
            Mode::RunDp => Some(SourceId::Cm07PkgAccess),
            Mode::NoRun => None,
        };
        sources.extend(mode_source.filter(|m| !sources.contains(m)));
    }
    if !rule.note.is_empty() {
        notes.insert(0, fill(rule.note));
    }
    Step {
        n: 0,
        step: rule.step,
        identity,
        action: fill(rule.action),
        outcome,
        reason: capitalised(&fill(&reason)),
        sources,
        inferred: (!rule.inferred.is_empty()).then(|| rule.inferred.to_string()),
        log,
        fix: (outcome != Outcome::Ok && !rule.fix.is_empty()).then(|| {
            let untrusted = facts.s.domain == Domain::Untrusted && !rule.fix_untrusted.is_empty();
            fill(if untrusted {
                rule.fix_untrusted
            } else {
                rule.fix
            })
        }),
        notes,
        attempts,
        reached: true,
        rule: rule.id,
        resource,
    }
}

/// `(it would succeed)` and the like, after a would-be reason.
fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Ok => "(it would succeed)",
        Outcome::AtRisk => "(it would be at risk)",
        Outcome::Waits => "(it would wait)",
        Outcome::Fails => "(it would fail)",
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
    let mut got_through = None;
    for (i, &id) in chain.iter().enumerate() {
        if let Some(missing) = not_configured(id, facts.s) {
            why_not.push(missing.to_string());
            continue;
        }
        acted = id;
        let counts_as = id.counts_as(facts.s.domain, facts.s.role);
        let reads = readers.admits(counts_as);
        let (outcome, detail) = if reads {
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
        if reads {
            got_through = Some(i);
            break;
        }
        why_not.push(detail);
    }
    // Attempts are listed only where the rule has a fallback.
    if chain.len() == 1 {
        attempts.clear();
    }
    let later = got_through.is_some_and(|i| i > 0) && !rule.fallback_reason.is_empty();
    let reason = match (got_through, why_not.is_empty()) {
        (Some(_), _) if later => format!("{} {}", rule.fallback_reason, why_not.join(" ")),
        (Some(_), true) => rule.reason.to_string(),
        (Some(_), false) => format!("{} Tried first: {}", rule.reason, why_not.join(" ")),
        (None, _) => format!("{} {}", rule.denied, why_not.join(" ")),
    };
    let outcome = match got_through {
        Some(0) => rule.outcome,
        Some(_) => rule.outcome.max(rule.fallback),
        None => Outcome::Fails,
    };
    (acted, outcome, reason.trim_end().to_string(), attempts)
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
        // The rules that try the token account say first that it has local rights only;
        // this sentence adds what that means on the network, without saying it again.
        (true, Identity::ClientToken) => format!("{name} counts as nobody on the network"),
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

/// Fills a rule's text template. `{who}` goes first so that a share path containing
/// `{who}` is never expanded.
fn fill(text: &str, facts: &Facts, who: Identity, resource: &Resource) -> String {
    let s = facts.s;
    let computers = if s.role == Role::DomainController {
        "Domain Controllers"
    } else {
        "Domain Computers"
    };
    let error = match s.installer {
        Installer::MsiMachine | Installer::MsiAllusers2 => {
            "Windows Installer error 1925 (not enough privileges to install for all users of the machine), and the install ends with 1603"
        }
        _ => "access denied. This is not a Windows Installer package, so it reports its own exit code, not 1925",
    };
    let fetch = match s.effective_mode() {
        Mode::Download => "downloads the package from {resource} into the client cache",
        Mode::RunDp | Mode::NoRun => "reads the package on {resource} over SMB",
    };
    text.replace("{fetch}", fetch)
        .replace("{who}", facts.name(who))
        .replace("{computers}", computers)
        .replace("{error}", error)
        .replace("{resource}", &resource.label())
}
