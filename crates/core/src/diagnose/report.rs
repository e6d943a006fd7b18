//! The diagnosis as the page's Diagnose panel shows it: the log's entries (each with its line
//! number, component, time, severity and decoded codes, and the steps it is evidence for),
//! each step of the plan with its evidence or "no evidence", the suggestions as links to the
//! changed scenario, and a redacted excerpt. Plain strings and numbers only, so that the page
//! can read it from JSON without a serde of its own (`report` runs in a web worker that the
//! page loads only when the panel is used).

use serde::Serialize;

use super::{diagnose, line_list, parse, redact, Agreement, Diagnosis, Evidence, LogClient};
use crate::link::encode;
use crate::model::Plan;
use crate::present::step_name;
use crate::scenario::Scenario;

/// At most this many entries are listed; the evidence names the rest by line number.
pub const SHOWN_ENTRIES: usize = 500;
/// A listed message is cut to this many characters.
const SHOWN_MESSAGE: usize = 1000;
/// At most this many evidence lines go into the redacted excerpt.
const EXCERPT_LINES: usize = 40;

/// Everything the panel shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Entries read (blank lines are not entries).
    pub entries: usize,
    /// `1 Legacy entry`, `12 CMTrace entries and 3 other lines`.
    pub shapes: String,
    /// Which client's log it looks like, in words.
    pub written_by: String,
    /// One or two sentences: what the log shows, against the plan.
    pub summary: String,
    /// Why the log could not be used, when it could not: empty, or nothing recognised.
    pub problem: String,
    pub lines: Vec<Entry>,
    /// Entries beyond [`SHOWN_ENTRIES`], not listed.
    pub more_lines: usize,
    /// One per step of the plan, in its order.
    pub steps: Vec<StepReport>,
    /// Evidence about steps this scenario does not have.
    pub unplaced: Vec<Proof>,
    /// Lines about no step of the program.
    pub notes: Vec<String>,
    pub suggestions: Vec<Offer>,
    /// The evidence lines (or the first lines) with names replaced.
    pub excerpt: String,
}

/// One entry of the log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub n: usize,
    /// `cmtrace`, `legacy`, `columns`, `plain`.
    pub format: String,
    pub component: String,
    /// Date and time as the log writes them.
    pub time: String,
    /// `error`, `warning`, `info`, or empty.
    pub severity: String,
    pub message: String,
    pub codes: Vec<Code>,
    /// The plan steps this entry is evidence for.
    pub steps: Vec<usize>,
    /// Whether it is evidence or a note (else credflow knows no signature in it).
    pub recognised: bool,
}

/// A decoded error code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Code {
    pub spelled: String,
    pub hex: String,
    /// `ERROR_ACCESS_DENIED`; empty when the table does not know it.
    pub name: String,
    pub meaning: String,
    pub source: Option<Link>,
}

/// A source to read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Link {
    pub id: String,
    pub title: String,
    pub address: String,
}

/// What the log says about one step.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StepReport {
    pub n: usize,
    /// `Connect to \\fs01\apps`.
    pub name: String,
    /// `no-evidence`, `agrees`, `disagrees`.
    pub agreement: String,
    pub says: String,
    /// Every line that is evidence for it: `line 4`, `lines 4 and 9`; empty without any.
    pub lines: String,
    pub evidence: Vec<Proof>,
}

/// One piece of evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Proof {
    /// `line 4`, `lines 4 and 9`.
    pub lines: String,
    pub numbers: Vec<usize>,
    pub says: String,
    pub quote: String,
    pub source: Option<Link>,
}

/// A change the log suggests.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Offer {
    pub title: String,
    pub why: String,
    /// The scenario with the change made, as a share-link fragment (`v=1&…`).
    pub link: String,
}

/// Reads `text` against `scenario`'s plan.
pub fn report(text: &str, scenario: &Scenario) -> Report {
    let plan = crate::plan(scenario);
    if text.trim().is_empty() {
        return Report {
            problem: "The log is empty: paste log lines or choose a log file.".into(),
            ..Report::default()
        };
    }
    let d = diagnose(text, &plan);
    let mut r = Report {
        entries: d.entries,
        shapes: shapes(&d),
        written_by: written_by(d.client).into(),
        summary: d.summary.clone(),
        ..Report::default()
    };
    r.steps = steps(&d, &plan);
    r.unplaced = d.unplaced.iter().map(|&i| proof(&d.evidence[i])).collect();
    r.notes = d
        .notes
        .iter()
        .map(|n| format!("{}: {}", super::capital(&line_list(&n.lines)), n.says))
        .collect();
    r.suggestions = d
        .suggestions
        .iter()
        .map(|s| Offer {
            title: s.title.clone(),
            why: s.why.clone(),
            link: encode(&s.apply(scenario)),
        })
        .collect();
    let known = d.formats.cmtrace + d.formats.legacy + d.formats.columns;
    if d.evidence.is_empty() && d.notes.is_empty() && known == 0 {
        r.problem = format!(
            "None of the {} line{} looks like an SMS or Configuration Manager log line (CMTrace, \
             the Legacy Client's $$<…> lines, or columns copied out of CMTrace), and none \
             matches a failure credflow knows. They are listed below as they are.",
            d.entries,
            if d.entries == 1 { "" } else { "s" }
        );
    }
    r.lines = entries(text, &d);
    r.more_lines = d.entries.saturating_sub(r.lines.len());
    r.excerpt = excerpt(text, &d);
    r
}

fn shapes(d: &Diagnosis) -> String {
    let f = &d.formats;
    let parts: Vec<String> = [
        (f.cmtrace, "CMTrace"),
        (f.legacy, "Legacy"),
        (f.columns, "CMTrace-copy"),
        (f.plain, "plain"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    match parts.len() {
        0 => "no entries".into(),
        _ => format!(
            "{} entr{}: {}",
            d.entries,
            if d.entries == 1 { "y" } else { "ies" },
            parts.join(", ")
        ),
    }
}

fn written_by(c: LogClient) -> &'static str {
    match c {
        LogClient::Unknown => "Nothing in it says which client wrote it.",
        LogClient::Legacy => "Written by the SMS 2003 Legacy Client (or SMS 2.0's).",
        LogClient::AdvancedOrCm07 => {
            "Written by the SMS 2003 Advanced Client or the Configuration Manager 2007 client."
        }
        LogClient::Cm07X64 => "Written by the Configuration Manager 2007 client on 64-bit Windows.",
        LogClient::Mixed => "It has lines of both the Legacy Client and the Advanced Client.",
    }
}

fn cite(c: super::Cite) -> Link {
    Link {
        id: c.key().into(),
        title: c.title().into(),
        address: c.address().into(),
    }
}

fn proof(e: &Evidence) -> Proof {
    let mut numbers = e.lines.clone();
    numbers.sort_unstable();
    numbers.dedup();
    Proof {
        lines: line_list(&e.lines),
        numbers,
        says: e.says.clone(),
        quote: e.quote.clone(),
        source: e.source.map(cite),
    }
}

fn steps(d: &Diagnosis, plan: &Plan) -> Vec<StepReport> {
    d.steps
        .iter()
        .zip(&plan.steps)
        .map(|(f, step)| StepReport {
            n: f.n,
            name: step_name(step),
            agreement: match f.agreement {
                Agreement::NoEvidence => "no-evidence",
                Agreement::Agrees => "agrees",
                Agreement::Disagrees => "disagrees",
            }
            .into(),
            says: f.says.clone(),
            lines: match f.evidence.is_empty() {
                true => String::new(),
                false => line_list(
                    &f.evidence
                        .iter()
                        .flat_map(|&i| d.evidence[i].lines.iter().copied())
                        .collect::<Vec<_>>(),
                ),
            },
            evidence: f.evidence.iter().map(|&i| proof(&d.evidence[i])).collect(),
        })
        .collect()
}

/// The first [`SHOWN_ENTRIES`] entries, each with the steps it is evidence for.
fn entries(text: &str, d: &Diagnosis) -> Vec<Entry> {
    let steps_of = |n: usize| -> Vec<usize> {
        let mut v: Vec<usize> = d
            .evidence
            .iter()
            .filter(|e| e.lines.contains(&n))
            .filter_map(|e| e.n)
            .collect();
        v.dedup();
        v
    };
    let noted = |n: usize| d.notes.iter().any(|note| note.lines.contains(&n));
    parse(text)
        .into_iter()
        .take(SHOWN_ENTRIES)
        .map(|l| {
            let evidence = d.evidence.iter().any(|e| e.lines.contains(&l.line));
            let message: String = l.message.chars().take(SHOWN_MESSAGE).collect();
            let cut = message.len() < l.message.len();
            Entry {
                n: l.line,
                format: match l.format {
                    super::Format::CmTrace => "cmtrace",
                    super::Format::Legacy => "legacy",
                    super::Format::Columns => "columns",
                    super::Format::Plain => "plain",
                }
                .into(),
                component: l.component.unwrap_or_default().into(),
                time: [l.date.as_deref(), l.time]
                    .iter()
                    .flatten()
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
                severity: match l.severity {
                    Some(super::Severity::Error) => "error",
                    Some(super::Severity::Warning) => "warning",
                    Some(super::Severity::Info) => "info",
                    None => "",
                }
                .into(),
                message: if cut {
                    format!("{message}…")
                } else {
                    message
                },
                codes: super::find_codes(l.message)
                    .into_iter()
                    .map(|f| {
                        let c = f.code;
                        Code {
                            spelled: c.spelled.clone(),
                            hex: c.hex.clone(),
                            name: c.info.map(|i| i.name).unwrap_or_default().into(),
                            meaning: c
                                .info
                                .map(|i| i.meaning)
                                .unwrap_or("Not in credflow's table of codes.")
                                .into(),
                            source: c.info.and_then(|i| i.source).map(cite),
                        }
                    })
                    .collect(),
                steps: steps_of(l.line),
                recognised: evidence || noted(l.line),
            }
        })
        .collect()
}

/// The evidence lines, in order, with names replaced; without evidence, the first lines.
fn excerpt(text: &str, d: &Diagnosis) -> String {
    let mut wanted: Vec<usize> = d
        .evidence
        .iter()
        .flat_map(|e| e.lines.iter().copied())
        .chain(d.notes.iter().flat_map(|n| n.lines.iter().copied()))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    wanted.truncate(EXCERPT_LINES);
    let picked: Vec<&str> = if wanted.is_empty() {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .take(EXCERPT_LINES)
            .collect()
    } else {
        text.lines()
            .enumerate()
            .filter(|(i, _)| wanted.binary_search(&(i + 1)).is_ok())
            .map(|(_, l)| l)
            .collect()
    };
    redact(&picked.join("\n"))
}
