//! Diagnose from a log: read execmgr.log, CAS.log, SMSAPM32.log (or lines copied out of
//! CMTrace, or quoted in an article), recognise the signatures of the rule book's failures,
//! and say which step of the plan each piece of evidence supports, with its line numbers;
//! which steps the log says nothing about; and which changes to the scenario would make it
//! match the log (`Suggestion`, applied in one click).
//!
//! - `parse`: the log's entries (CMTrace, Legacy, columns, plain), each with its line number.
//! - `codes`: the error-code table and the decoder of every spelling.
//! - `signs`: the signatures: what a line says, about which step.
//! - `suggest`: mismatches between the log and the scenario, as changes.
//! - `redact`: the log with user, computer, domain and server names replaced.
//!
//! Pure: text and a plan in, a `Diagnosis` out; linear in the log's length.

pub mod cite;
pub mod codes;
pub mod parse;
pub mod redact;
pub mod report;
pub mod signs;
pub mod suggest;

use std::collections::HashMap;

use serde::Serialize;

use crate::identity::Identity;
use crate::model::{Outcome, Plan, Resource, StepKind};
use crate::scenario::unc_key;

pub use cite::{Cite, LogSource};
pub use codes::{decode, find_codes, lookup, CodeInfo, Decoded, Family, CODES};
pub use parse::{parse, text_from_bytes, Format, LogLine, Severity};
pub use redact::redact;
pub use signs::{Confidence, Sign};
pub use suggest::{Change, Suggestion};

/// At most this many line numbers are kept per piece of evidence (`count` has them all).
pub const MAX_LINES: usize = 50;
/// At most this many distinct pieces of evidence are kept (`more_evidence` counts the rest).
pub const MAX_EVIDENCE: usize = 200;
/// A quoted line is cut to this many characters.
const MAX_QUOTE: usize = 240;

/// One thing the log shows, on one or more lines that show the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub sign: Sign,
    /// The line numbers (1-based), at most [`MAX_LINES`].
    pub lines: Vec<usize>,
    /// How many lines show it.
    pub count: usize,
    /// The step it speaks about.
    pub step: StepKind,
    /// The plan's step it supports; `None` when the plan has no such step (the scenario
    /// lacks the share, or the step).
    pub n: Option<usize>,
    /// The share (`\\server\share`) or the package path it names.
    pub share: Option<String>,
    /// The drive-letter path it names.
    pub drive: Option<String>,
    pub code: Option<Decoded>,
    /// The identity it shows acting (Local System for "under context System").
    pub identity: Option<Identity>,
    /// The account it names, as written.
    pub account: Option<String>,
    /// The outcome it shows for the step.
    pub supports: Outcome,
    pub confidence: Confidence,
    /// What it says, in credflow's words.
    pub says: String,
    /// The first line's message, shortened.
    pub quote: String,
    /// Where this shape or its code is documented.
    pub source: Option<Cite>,
}

/// Lines credflow recognises that are about no step of the program (the client's own
/// installation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub sign: Sign,
    pub lines: Vec<usize>,
    pub says: String,
    pub source: Option<Cite>,
}

/// Whether the log agrees with the plan about a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    /// No line speaks about the step.
    NoEvidence,
    /// The lines show what the plan says (both fail, both wait, or both get through).
    Agrees,
    /// The lines show otherwise.
    Disagrees,
}

/// What the log says about one step of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepFinding {
    pub n: usize,
    pub step: StepKind,
    pub resource: Resource,
    /// The plan's outcome.
    pub planned: Outcome,
    /// Indices into [`Diagnosis::evidence`].
    pub evidence: Vec<usize>,
    /// The worst outcome its evidence shows; `None` without evidence.
    pub log_says: Option<Outcome>,
    /// How firmly the lines that show `log_says` support it.
    pub confidence: Confidence,
    pub agreement: Agreement,
    pub says: String,
}

/// How many entries of each shape the log has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Formats {
    pub cmtrace: usize,
    pub legacy: usize,
    pub columns: usize,
    pub plain: usize,
}

/// Which client the log's shape says wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogClient {
    /// Nothing in the log says.
    Unknown,
    /// The SMS 2003 Legacy Client (or SMS 2.0's): `$$<…>` lines, SMSAPM32, CCIM32.
    Legacy,
    /// The SMS 2003 Advanced Client or the ConfigMgr 2007 client: CMTrace, execmgr, CAS.
    AdvancedOrCm07,
    /// The ConfigMgr 2007 client on 64-bit Windows: logs under `SysWOW64\CCM`.
    Cm07X64,
    /// Lines of both kinds.
    Mixed,
}

/// The log read against a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// Log entries read (blank lines are not entries).
    pub entries: usize,
    pub formats: Formats,
    pub client: LogClient,
    pub evidence: Vec<Evidence>,
    /// Distinct pieces of evidence beyond [`MAX_EVIDENCE`], not kept.
    pub more_evidence: usize,
    /// One finding per step of the plan, in its order.
    pub steps: Vec<StepFinding>,
    /// Indices into `evidence` of what the plan has no step for.
    pub unplaced: Vec<usize>,
    pub notes: Vec<Note>,
    pub suggestions: Vec<Suggestion>,
    /// One or two sentences: what the log shows, against the plan.
    pub summary: String,
}

/// Reads `text` against `plan`.
pub fn diagnose(text: &str, plan: &Plan) -> Diagnosis {
    let lines = parse(text);
    let mut formats = Formats::default();
    let mut hints = suggest::Hints::default();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut notes: Vec<Note> = Vec::new();
    let mut more_evidence = 0;
    for line in &lines {
        match line.format {
            Format::CmTrace => formats.cmtrace += 1,
            Format::Legacy => formats.legacy += 1,
            Format::Columns => formats.columns += 1,
            Format::Plain => formats.plain += 1,
        }
        let lower = line.message.to_ascii_lowercase();
        hints.add(line.line, signs::client_hints(line, &lower));
        let Some(hit) = signs::recognise(line, &lower) else {
            continue;
        };
        if hit.steps.is_empty() {
            match notes.iter_mut().find(|n| n.sign == hit.sign) {
                Some(n) if n.lines.len() < MAX_LINES => n.lines.push(line.line),
                Some(_) => {}
                None => notes.push(Note {
                    sign: hit.sign,
                    lines: vec![line.line],
                    says: note_says(hit.sign).to_string(),
                    source: hit.source,
                }),
            }
            continue;
        }
        let (step, n) = place(plan, hit.steps, hit.path.as_deref());
        let share = hit
            .path
            .as_deref()
            .map(|p| signs::share_root(p).to_string());
        let key = Key {
            sign: hit.sign,
            step,
            n,
            share: share.as_deref().map(unc_key),
            code: hit.code.as_ref().map(|c| (c.family, c.value)),
            supports: hit.supports,
            identity: hit.identity,
            account: hit.account.as_deref().map(str::to_ascii_lowercase),
        };
        if let Some(&i) = index.get(&key) {
            let e = &mut evidence[i];
            e.count += 1;
            if e.lines.len() < MAX_LINES {
                e.lines.push(line.line);
            }
            continue;
        }
        if evidence.len() == MAX_EVIDENCE {
            more_evidence += 1;
            continue;
        }
        index.insert(key, evidence.len());
        evidence.push(Evidence {
            sign: hit.sign,
            lines: vec![line.line],
            count: 1,
            step,
            n,
            says: says(&hit, share.as_deref()),
            share,
            drive: hit.drive,
            code: hit.code,
            identity: hit.identity,
            account: hit.account,
            supports: hit.supports,
            confidence: hit.confidence,
            quote: quote(line.message),
            source: hit.source,
        });
    }
    let steps = findings(plan, &evidence);
    let unplaced: Vec<usize> = (0..evidence.len())
        .filter(|&i| evidence[i].n.is_none())
        .collect();
    let suggestions = suggest::suggestions(plan, &evidence, &hints);
    let summary = summary(plan, &evidence, &steps, &unplaced);
    Diagnosis {
        entries: lines.len(),
        formats,
        client: hints.client(),
        evidence,
        more_evidence,
        steps,
        unplaced,
        notes,
        suggestions,
        summary,
    }
}

/// What makes two lines the same evidence.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    sign: Sign,
    step: StepKind,
    n: Option<usize>,
    share: Option<String>,
    code: Option<(Family, u32)>,
    supports: Outcome,
    identity: Option<Identity>,
    account: Option<String>,
}

/// Which step of the plan a hit speaks about. A path names its step: the connect-share step
/// of the share that holds it, or fetch-content for the package. Without a path, the first
/// candidate step the plan has that fails, else the first candidate the plan has.
fn place(plan: &Plan, candidates: &[StepKind], path: Option<&str>) -> (StepKind, Option<usize>) {
    let first = candidates.first().copied().unwrap_or(StepKind::Install);
    if let (Some(path), StepKind::ConnectShare) = (path, first) {
        let n = plan
            .steps
            .iter()
            .filter_map(|s| match &s.resource {
                Resource::Share(unc) if s.step == StepKind::ConnectShare => {
                    same_place(unc, path).map(|depth| (depth, s.n))
                }
                _ => None,
            })
            .max_by_key(|&(depth, n)| (depth, std::cmp::Reverse(n)))
            .map(|(_, n)| n);
        return (first, n);
    }
    let of = |kind: StepKind| plan.steps.iter().filter(move |s| s.step == kind);
    if let Some(s) = candidates
        .iter()
        .find_map(|&k| of(k).find(|s| s.outcome == Outcome::Fails))
    {
        return (s.step, Some(s.n));
    }
    if let Some(s) = candidates.iter().find_map(|&k| of(k).next()) {
        return (s.step, Some(s.n));
    }
    (first, None)
}

/// Whether a scenario's share and a path in the log are the same place: one is the other or
/// holds it, comparing without case, and a server's short name matching its full name. The
/// number of path parts they share, to prefer the closest share.
pub fn same_place(share: &str, path: &str) -> Option<usize> {
    let parts = |p: &str| -> Vec<String> {
        p.trim_start_matches('\\')
            .split('\\')
            .filter(|s| !s.is_empty())
            .map(unc_key)
            .collect()
    };
    let (a, b) = (parts(share), parts(path));
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let short = |s: &str| s.split('.').next().unwrap_or("").to_string();
    let servers = a[0] == b[0] || short(&a[0]) == short(&b[0]);
    let common = a.len().min(b.len());
    let rest = a[1..common] == b[1..common];
    (servers && rest).then_some(common)
}

/// What a hit says, in credflow's words. A UNC path is named by its share, which every line
/// merged into the same evidence has in common (the quote keeps the whole path).
fn says(hit: &signs::Hit, share: Option<&str>) -> String {
    let code = hit.code.as_ref().map(code_words).unwrap_or_default();
    let on = share
        .or(hit.drive.as_deref())
        .map(|p| format!(" on {p}"))
        .unwrap_or_default();
    let system = if hit.identity == Some(Identity::LocalSystem) {
        " as Local System"
    } else {
        ""
    };
    let account = hit
        .account
        .as_deref()
        .map(|a| format!(" ({a})"))
        .unwrap_or_default();
    let package = share.is_some_and(signs::is_package_path);
    match hit.sign {
        Sign::AccessDenied if package => {
            format!("Access denied reading the package{on}{code}.")
        }
        Sign::AccessDenied => format!("Access denied{on}{code}."),
        Sign::NetworkPathNotFound => format!(
            "The network path{on} was not found{code}: the server or share cannot be reached; \
             this is not about the account."
        ),
        Sign::LogonFailure => format!(
            "The account's credentials were refused{on}{code}: a wrong password, or a locked-out \
             account."
        ),
        Sign::NotFound => format!(
            "A file or folder{on} was not found{code}; the share answered, so the path is wrong, \
             not the account."
        ),
        Sign::MappedDriveMissing => format!(
            "A drive-letter path{on} failed{code}: the program's logon session does not have the \
             letter the user mapped."
        ),
        Sign::SiteAccess => format!(
            "The client could not reach its site's files{code}: its connection account was \
             refused."
        ),
        Sign::RunAccountData => {
            "The client has no run account it can use for the program (the Software Installation \
             Account)."
                .to_string()
        }
        Sign::NoSuchUser => {
            format!(
                "The run account the program is set to use does not exist or cannot be used{code}."
            )
        }
        Sign::AccountUnchecked => {
            format!("The client could not check the run account's rights{account}{code}.")
        }
        Sign::AdminRightsGranted => format!(
            "The client makes the run account{account} a local administrator for the program: \
             the Software Installation Account runs it."
        ),
        Sign::AdminRightsRefused => format!(
            "The client could not add the run account{account} to the local Administrators \
             group{code}."
        ),
        Sign::TriggerJob => {
            "The program waits for a restart, a logon or a logoff before it runs.".to_string()
        }
        Sign::CacheTooSmall => {
            format!("The package is larger than the client's cache, so it is not downloaded{code}.")
        }
        Sign::ContentRequested => format!(
            "The client asks for the package content{system}{on}; this shows the step was \
             reached, not that it succeeded."
        ),
        Sign::ContentDownloaded => format!("The package content was downloaded{system}."),
        Sign::NotEnoughPrivileges => format!(
            "The installer needed administrative rights to install for every user and did not \
             have them{code}."
        ),
        Sign::InstallerBusy => format!("Another installation was in progress{code}."),
        Sign::UserCancelled => format!("Someone cancelled the installer{code}."),
        Sign::RanTooLong => "The program ran past its maximum run time; a dialog waiting for an \
                             answer is one cause."
            .to_string(),
        Sign::ProgramSucceeded => format!("The program finished successfully{code}."),
        Sign::ProgramFailed => format!("The program finished with an error{code}."),
        Sign::ClientInstall => note_says(Sign::ClientInstall).to_string(),
    }
}

fn note_says(sign: Sign) -> &'static str {
    match sign {
        Sign::ClientInstall => {
            "The Legacy Client's own installation could not use its CAP path: this is about \
             installing the client, not about running the program."
        }
        _ => "",
    }
}

/// ` (2147942405 = 0x80070005, E_ACCESSDENIED)`.
fn code_words(c: &Decoded) -> String {
    let spelled = if c.spelled.eq_ignore_ascii_case(&c.hex) {
        c.hex.clone()
    } else if c.family == Family::Hresult || c.spelled.starts_with("0x") {
        format!("{} = {}", c.spelled, c.hex)
    } else {
        c.spelled.clone()
    };
    match c.info {
        Some(info) => format!(" ({spelled}, {})", info.name),
        None => format!(" ({spelled})"),
    }
}

/// A message on one line, at most [`MAX_QUOTE`] characters.
fn quote(message: &str) -> String {
    let one: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= MAX_QUOTE {
        one
    } else {
        let cut: String = one.chars().take(MAX_QUOTE).collect();
        format!("{cut}…")
    }
}

/// Each step of the plan with the evidence that supports it.
fn findings(plan: &Plan, evidence: &[Evidence]) -> Vec<StepFinding> {
    plan.steps
        .iter()
        .map(|step| {
            let mine: Vec<usize> = (0..evidence.len())
                .filter(|&i| evidence[i].n == Some(step.n))
                .collect();
            let log_says = mine.iter().map(|&i| evidence[i].supports).max();
            let confidence = mine
                .iter()
                .filter(|&&i| Some(evidence[i].supports) == log_says)
                .map(|&i| evidence[i].confidence)
                .max()
                .unwrap_or(Confidence::None);
            let agreement = match log_says {
                None => Agreement::NoEvidence,
                Some(l) if class(l) == class(step.outcome) => Agreement::Agrees,
                Some(_) => Agreement::Disagrees,
            };
            let lines: Vec<usize> = mine
                .iter()
                .flat_map(|&i| evidence[i].lines.iter().copied())
                .collect();
            let says = match (agreement, log_says) {
                (Agreement::NoEvidence, _) | (_, None) => {
                    "No line of the log speaks about this step.".to_string()
                }
                (Agreement::Agrees, Some(l)) => format!(
                    "{} {} it {}, as the plan says{}.",
                    capital(&line_list(&lines)),
                    show(lines.len()),
                    outcome_words(l),
                    weakly(confidence)
                ),
                (Agreement::Disagrees, Some(l)) => format!(
                    "The plan says this step {}; {} {} it {}{}.",
                    outcome_words(step.outcome),
                    line_list(&lines),
                    show(lines.len()),
                    outcome_words(l),
                    weakly(confidence)
                ),
            };
            StepFinding {
                n: step.n,
                step: step.step,
                resource: step.resource.clone(),
                planned: step.outcome,
                evidence: mine,
                log_says,
                confidence,
                agreement,
                says,
            }
        })
        .collect()
}

/// Fails, waits, or gets through (ok or at risk).
fn class(o: Outcome) -> u8 {
    match o {
        Outcome::Ok | Outcome::AtRisk => 0,
        Outcome::Waits => 1,
        Outcome::Fails => 2,
    }
}

fn outcome_words(o: Outcome) -> &'static str {
    match o {
        Outcome::Ok => "succeeds",
        Outcome::AtRisk => "gets through, at risk",
        Outcome::Waits => "waits",
        Outcome::Fails => "fails",
    }
}

pub(crate) fn show(lines: usize) -> &'static str {
    if lines == 1 {
        "shows"
    } else {
        "show"
    }
}

fn weakly(c: Confidence) -> &'static str {
    match c {
        Confidence::Strong => "",
        _ => " (weakly: the lines do not name this step's resource, or show only that it was reached)",
    }
}

pub(crate) fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// `line 4`, `lines 4 and 9`, `lines 4, 9, 12, 20, 31 and 6 more`.
pub fn line_list(lines: &[usize]) -> String {
    let mut sorted = lines.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    const SHOWN: usize = 5;
    let shown: Vec<String> = sorted.iter().take(SHOWN).map(|n| n.to_string()).collect();
    match sorted.len() {
        0 => "no line".to_string(),
        1 => format!("line {}", shown[0]),
        n if n <= SHOWN => {
            let (last, rest) = shown
                .split_last()
                .map_or(("", &[][..]), |(l, r)| (l.as_str(), r));
            format!("lines {} and {}", rest.join(", "), last)
        }
        n => format!("lines {} and {} more", shown.join(", "), n - SHOWN),
    }
}

/// What the log shows, against the plan.
fn summary(
    plan: &Plan,
    evidence: &[Evidence],
    steps: &[StepFinding],
    unplaced: &[usize],
) -> String {
    if evidence.is_empty() {
        return "No line of the log matches a signature credflow knows; every step is without \
                evidence."
            .to_string();
    }
    let mut out = Vec::new();
    let failing: Vec<&StepFinding> = steps
        .iter()
        .filter(|f| f.log_says == Some(Outcome::Fails))
        .collect();
    if let Some(f) = failing.first() {
        let resource = match &f.resource {
            Resource::Share(unc) => format!(", {unc}"),
            _ => String::new(),
        };
        let agree = if f.planned == Outcome::Fails {
            "as the plan says"
        } else {
            "where the plan expects it to get through"
        };
        out.push(format!(
            "The log shows step {} ({}{resource}) failing, {agree}.",
            f.n,
            f.step.label()
        ));
    } else if let Some(first) = plan.first_failure_step() {
        out.push(format!(
            "The plan fails at step {} ({}), and no line of the log shows a failure there.",
            first.n,
            first.step.label()
        ));
    }
    let disagree: Vec<usize> = steps
        .iter()
        .filter(|f| f.agreement == Agreement::Disagrees)
        .map(|f| f.n)
        .collect();
    if !disagree.is_empty() {
        let which = line_list(&disagree).replacen("line", "step", 1);
        out.push(format!("The log and the plan disagree at {which}."));
    }
    let silent = steps
        .iter()
        .filter(|f| f.agreement == Agreement::NoEvidence)
        .count();
    out.push(format!(
        "{} of {} steps have evidence.",
        steps.len() - silent,
        steps.len()
    ));
    if !unplaced.is_empty() {
        out.push(format!(
            "{} piece{} of evidence speak{} about steps this scenario does not have.",
            unplaced.len(),
            if unplaced.len() == 1 { "" } else { "s" },
            if unplaced.len() == 1 { "s" } else { "" }
        ));
    }
    out.join(" ")
}
