//! `credflow diagnose [LINK] [FILE|-] [--json]`: a log read against a scenario's plan.
//!
//! LINK is optional (the default scenario without it); FILE is the log, `-` or nothing for
//! standard input. With one argument, a link is told from a file by its shape: it starts
//! with `#` or `v=`, or is a URL.

use credflow_core::diagnose::{diagnose, text_from_bytes, Diagnosis, Evidence};
use credflow_core::link::encode;
use credflow_core::{plan, Plan, Scenario};

/// Runs the command; `scenario_for` reads a link as `credflow plan` does.
pub fn run(
    args: &[&str],
    scenario_for: fn(&str) -> Result<Scenario, String>,
) -> Result<String, String> {
    let json = args.contains(&"--json");
    let rest: Vec<&str> = args.iter().copied().filter(|a| *a != "--json").collect();
    let (link, log) = match rest[..] {
        [] => (None, "-"),
        [one] if looks_like_link(one) => (Some(one), "-"),
        [one] => (None, one),
        [link, log] => (Some(link), log),
        _ => return Err("diagnose takes at most a LINK and a FILE".into()),
    };
    if link == Some("-") && log == "-" {
        return Err("the link and the log cannot both come from standard input".into());
    }
    let scenario = match link {
        Some(l) => scenario_for(l)?,
        None => Scenario::default(),
    };
    let bytes = if log == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("cannot read the log from standard input: {e}"))?;
        buf
    } else {
        std::fs::read(log).map_err(|e| format!("cannot read the log {log}: {e}"))?
    };
    let text = text_from_bytes(&bytes);
    let plan = plan(&scenario);
    let d = diagnose(&text, &plan);
    Ok(if json {
        // Plain structs of strings and numbers: serialising cannot fail.
        serde_json::to_string_pretty(&d).unwrap_or_default() + "\n"
    } else {
        text_of(&d, &plan, &scenario)
    })
}

fn looks_like_link(arg: &str) -> bool {
    arg.starts_with('#') || arg.starts_with("v=") || arg.contains("://")
}

/// The diagnosis as a person reads it in a terminal.
fn text_of(d: &Diagnosis, plan: &Plan, scenario: &Scenario) -> String {
    let mut out = String::new();
    let f = &d.formats;
    out.push_str(&format!(
        "Log: {} entries (CMTrace {}, Legacy {}, columns {}, plain {}); written by: {}\n",
        d.entries,
        f.cmtrace,
        f.legacy,
        f.columns,
        f.plain,
        client_words(d)
    ));
    out.push_str(&format!(
        "Plan: {}\n{}\n\n",
        credflow_core::present::headline(plan),
        d.summary
    ));
    for (finding, step) in d.steps.iter().zip(&plan.steps) {
        let log = match finding.log_says {
            Some(o) => format!("log: {} ({})", o.key(), confidence(finding.confidence)),
            None => "log: no evidence".to_string(),
        };
        out.push_str(&format!(
            "{:>2}. {:<16} plan: {:<8} {}  {}\n",
            step.n,
            step.step.key(),
            step.outcome.key(),
            log,
            step.resource.label()
        ));
        out.push_str(&format!("       {}\n", finding.says));
        for &i in &finding.evidence {
            evidence(&mut out, &d.evidence[i]);
        }
    }
    if !d.unplaced.is_empty() {
        out.push_str("\nEvidence for steps this scenario does not have:\n");
        for &i in &d.unplaced {
            let e = &d.evidence[i];
            let share = e
                .share
                .as_deref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            out.push_str(&format!("    {}{share}\n", e.step.key()));
            evidence(&mut out, e);
        }
    }
    if d.more_evidence > 0 {
        out.push_str(&format!(
            "\n({} more distinct pieces of evidence not kept)\n",
            d.more_evidence
        ));
    }
    if !d.notes.is_empty() {
        out.push_str("\nAbout no step of the program:\n");
        for n in &d.notes {
            out.push_str(&format!(
                "    {}: {}\n",
                credflow_core::diagnose::line_list(&n.lines),
                n.says
            ));
        }
    }
    if d.suggestions.is_empty() {
        out.push_str("\nNo change to the scenario suggested.\n");
    } else {
        out.push_str("\nSuggestions:\n");
        for s in &d.suggestions {
            out.push_str(&format!("  - {}\n    {}\n", s.title, s.why));
            out.push_str(&format!("    #{}\n", encode(&s.apply(scenario))));
        }
    }
    out
}

fn evidence(out: &mut String, e: &Evidence) {
    let source = e
        .source
        .map(|s| format!(" [{}]", s.key()))
        .unwrap_or_default();
    out.push_str(&format!(
        "       {}: {}{source}\n         > {}\n",
        credflow_core::diagnose::line_list(&e.lines),
        e.says,
        e.quote
    ));
    if e.count > e.lines.len() {
        out.push_str(&format!("         ({} lines in all)\n", e.count));
    }
}

fn confidence(c: credflow_core::diagnose::Confidence) -> &'static str {
    use credflow_core::diagnose::Confidence::*;
    match c {
        None => "no evidence",
        Weak => "weak",
        Strong => "strong",
    }
}

fn client_words(d: &Diagnosis) -> &'static str {
    use credflow_core::diagnose::LogClient::*;
    match d.client {
        Unknown => "no client's format recognised",
        Legacy => "the SMS 2003 Legacy Client",
        AdvancedOrCm07 => "the SMS 2003 Advanced Client or the ConfigMgr 2007 client",
        Cm07X64 => "the ConfigMgr 2007 client on 64-bit Windows",
        Mixed => "both the Legacy Client and the Advanced Client / ConfigMgr 2007",
    }
}
