//! Scenario tables: one row per scenario, its link, its verdict and the steps worth checking,
//! in a compact text form that both `scenarios.rs` and `cases_v2.rs` read from their files in
//! `tests/cases/` (one parser, one checker).
//!
//! The verdict is written `ok`, `at-risk`, `waits` or `fails@<n>` (the first failing step),
//! optionally followed by what normalisation did:
//! - `changed=<key>,<key>` the keys normalisation reported, in order (`changed=` for none),
//! - `set=<key>:<value>` the value an input has after normalisation.
//!
//! An expected step is written `"<n> <step> <identity> <outcome> [extras]"`, extras:
//! - `@<resource id>`
//! - `tried=<identity>:<outcome>,...` the fallback attempts in order (`tried=` for none),
//! - `unreached`,
//! - `note` at least one note, `no-note` none, `notes=<N>` exactly N, `note~<text>` some note
//!   contains the text,
//! - `inferred` / `not-inferred` whether the step says it rests on an inference,
//! - `reason~<text>`, `fix~<text>`, `action~<text>`: the text contains these words,
//! - `rule=<rule id>`, `log=<file>`, `folder~<text>` (the log's folder contains the text),
//! - `cites=<source id>` the step names this source.
//!
//! In a `~` text `_` stands for a space; `~` matches ignore ASCII case. A failing row prints
//! the whole plan.

use std::collections::BTreeSet;

use credflow_core::{decode, plan, Identity, Outcome, Plan, SourceId, StepKind};

use super::{cases, check_verdict, describe, tried};

/// One scenario: a name saying what it proves, a link fragment, the verdict, and the
/// interesting steps.
pub struct Row {
    pub name: &'static str,
    pub link: &'static str,
    pub verdict: &'static str,
    pub steps: Vec<&'static str>,
}

/// The rows of `text`, the file `file` of `tests/cases/`: each case a `name`, a `link`, a
/// `verdict` and its `step` lines.
pub fn rows(file: &'static str, text: &'static str) -> Vec<Row> {
    cases::read(file, text, &["name", "link", "verdict", "step"])
        .iter()
        .map(|c| Row {
            name: c.req("name"),
            link: c.req("link"),
            verdict: c.req("verdict"),
            steps: c.all("step"),
        })
        .collect()
}

/// What each expected step says, parsed.
#[derive(Debug, Default)]
pub struct Expected {
    pub n: usize,
    pub step: Option<StepKind>,
    pub identity: Option<Identity>,
    pub outcome: Option<Outcome>,
    pub resource: Option<String>,
    pub tried: Option<Vec<(Identity, Outcome)>>,
    pub unreached: bool,
    /// At least one note (`Some(true)`), none (`Some(false)`).
    pub note: Option<bool>,
    pub notes: Option<usize>,
    pub note_text: Vec<String>,
    pub inferred: Option<bool>,
    pub reason: Vec<String>,
    pub fix: Vec<String>,
    pub action: Vec<String>,
    pub rule: Option<String>,
    pub log: Option<String>,
    pub folder: Vec<String>,
    pub cites: Vec<SourceId>,
}

/// `_` in a text expectation stands for a space.
fn text(t: &str) -> String {
    t.replace('_', " ")
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack
        .to_ascii_lowercase()
        .contains(&needle.to_ascii_lowercase())
}

pub fn parse(spec: &str) -> Expected {
    let mut words = spec.split_whitespace();
    let mut next = |what: &str| {
        words
            .next()
            .unwrap_or_else(|| panic!("{spec:?}: missing {what}"))
    };
    let n = next("n").parse().expect("n");
    let step = Some(StepKind::from_key(next("step")).expect("step kind"));
    let identity = Some(Identity::from_key(next("identity")).expect("identity"));
    let outcome = Some(Outcome::from_key(next("outcome")).expect("outcome"));
    let mut e = Expected {
        n,
        step,
        identity,
        outcome,
        ..Expected::default()
    };
    for w in spec.split_whitespace().skip(4) {
        if let Some(r) = w.strip_prefix('@') {
            e.resource = Some(r.to_string());
        } else if let Some(t) = w.strip_prefix("tried=") {
            e.tried = Some(
                t.split(',')
                    .filter(|a| !a.is_empty())
                    .map(|a| {
                        let (id, o) = a.split_once(':').expect("identity:outcome");
                        (
                            Identity::from_key(id).expect("tried identity"),
                            Outcome::from_key(o).expect("tried outcome"),
                        )
                    })
                    .collect(),
            );
        } else if w == "unreached" {
            e.unreached = true;
        } else if w == "note" {
            e.note = Some(true);
        } else if w == "no-note" {
            e.note = Some(false);
        } else if let Some(t) = w.strip_prefix("notes=") {
            e.notes = Some(t.parse().expect("notes=N"));
        } else if let Some(t) = w.strip_prefix("note~") {
            e.note_text.push(text(t));
        } else if w == "inferred" {
            e.inferred = Some(true);
        } else if w == "not-inferred" {
            e.inferred = Some(false);
        } else if let Some(t) = w.strip_prefix("reason~") {
            e.reason.push(text(t));
        } else if let Some(t) = w.strip_prefix("fix~") {
            e.fix.push(text(t));
        } else if let Some(t) = w.strip_prefix("action~") {
            e.action.push(text(t));
        } else if let Some(t) = w.strip_prefix("rule=") {
            e.rule = Some(t.to_string());
        } else if let Some(t) = w.strip_prefix("log=") {
            e.log = Some(t.to_string());
        } else if let Some(t) = w.strip_prefix("folder~") {
            e.folder.push(text(t));
        } else if let Some(t) = w.strip_prefix("cites=") {
            e.cites
                .push(SourceId::from_key(t).unwrap_or_else(|| panic!("{spec:?}: source {t}")));
        } else {
            panic!("{spec:?}: unknown extra {w:?}");
        }
    }
    e
}

/// Checks the verdict spec's normalisation extras (`changed=`, `set=`).
fn check_normalised(p: &Plan, extras: &[&str], problems: &mut Vec<String>) {
    for w in extras {
        if let Some(keys) = w.strip_prefix("changed=") {
            let want: Vec<&str> = keys.split(',').filter(|k| !k.is_empty()).collect();
            let got: Vec<&str> = p.normalised.iter().map(|c| c.key).collect();
            if got != want {
                problems.push(format!("normalisation changed {got:?}, expected {want:?}"));
            }
        } else if let Some(kv) = w.strip_prefix("set=") {
            let (key, value) = kv.split_once(':').expect("set=key:value");
            let got = p.scenario.value(key);
            if got != Some(value) {
                problems.push(format!(
                    "after normalisation {key} is {got:?}, expected {value}"
                ));
            }
        } else {
            panic!("verdict extra {w:?} unknown");
        }
    }
}

/// Checks one row against its plan: the verdict, the normalisation and each expected step.
/// Returns every mismatch.
pub fn check_plan(row: &Row, p: &Plan) -> Vec<String> {
    let mut problems = Vec::new();
    let mut verdict = row.verdict.split_whitespace();
    check_verdict(p, verdict.next().expect("verdict"), &mut problems);
    check_normalised(p, &verdict.collect::<Vec<_>>(), &mut problems);
    for spec in &row.steps {
        let e = parse(spec);
        let Some(s) = p.steps.get(e.n.wrapping_sub(1)) else {
            problems.push(format!("no step {} ({spec})", e.n));
            continue;
        };
        let mut bad = |what: &str, got: String| {
            problems.push(format!("step {}: {what} is {got} ({spec})", e.n))
        };
        if Some(s.step) != e.step {
            bad("step kind", s.step.to_string());
        }
        if Some(s.identity) != e.identity {
            bad("identity", s.identity.to_string());
        }
        if Some(s.outcome) != e.outcome {
            bad("outcome", s.outcome.to_string());
        }
        if let Some(r) = &e.resource {
            if &s.resource.id() != r {
                bad("resource", s.resource.id());
            }
        }
        if let Some(t) = &e.tried {
            let got = tried(s);
            if &got != t {
                bad("attempts", format!("{got:?}"));
            }
        }
        if s.reached == e.unreached {
            bad("reached", s.reached.to_string());
        }
        if let Some(note) = e.note {
            if s.notes.is_empty() == note {
                bad("notes", format!("{:?}", s.notes));
            }
        }
        if let Some(n) = e.notes {
            if s.notes.len() != n {
                bad("notes", format!("{:?}", s.notes));
            }
        }
        for t in &e.note_text {
            if !s.notes.iter().any(|n| contains(n, t)) {
                bad("notes", format!("{:?}, none with {t:?}", s.notes));
            }
        }
        if let Some(inferred) = e.inferred {
            if s.inferred.is_some() != inferred {
                bad("inferred", format!("{:?}", s.inferred));
            }
        }
        for t in &e.reason {
            if !contains(&s.reason, t) {
                bad("reason", format!("{:?}, lacking {t:?}", s.reason));
            }
        }
        for t in &e.fix {
            if !contains(s.fix.as_deref().unwrap_or(""), t) {
                bad("fix", format!("{:?}, lacking {t:?}", s.fix));
            }
        }
        for t in &e.action {
            if !contains(&s.action, t) {
                bad("action", format!("{:?}, lacking {t:?}", s.action));
            }
        }
        if let Some(r) = &e.rule {
            if s.rule != r {
                bad("rule", s.rule.to_string());
            }
        }
        if let Some(l) = &e.log {
            if s.log.file != l {
                bad("log", s.log.file.to_string());
            }
        }
        for t in &e.folder {
            if !contains(s.log.folder, t) {
                bad("log folder", s.log.folder.to_string());
            }
        }
        for c in &e.cites {
            if !s.sources.contains(c) {
                bad("sources", format!("{:?}, lacking {c}", s.sources));
            }
        }
    }
    problems
}

/// Plans one row and checks it, then `extra` (say, invariants every plan keeps). The error
/// lists every mismatch and the whole plan.
pub fn check(row: &Row, extra: fn(&Plan) -> Result<(), String>) -> Result<Plan, String> {
    let scenario =
        decode(row.link).map_err(|e| format!("{}: link does not decode: {e}", row.name))?;
    let p = plan(&scenario);
    let mut problems = check_plan(row, &p);
    if let Err(e) = extra(&p) {
        problems.push(e);
    }
    if problems.is_empty() {
        Ok(p)
    } else {
        Err(format!(
            "row {} ({}):\n  - {}\n{}",
            row.name,
            row.link,
            problems.join("\n  - "),
            describe(&p)
        ))
    }
}

/// Checks every row of a table (names must not repeat); fails listing every failing row.
pub fn check_table(rows: &[Row], extra: fn(&Plan) -> Result<(), String>) {
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    for row in rows {
        assert!(names.insert(row.name), "row name {} repeats", row.name);
        if let Err(e) = check(row, extra) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// The rule ids the rows' plans use (whether or not the rows pass).
pub fn rules_used(rows: &[Row]) -> BTreeSet<&'static str> {
    rows.iter()
        .filter_map(|r| decode(r.link).ok())
        .flat_map(|s| plan(&s).steps.into_iter().map(|st| st.rule))
        .collect()
}
