//! `credflow`: the planner in a terminal, over the same core as the page.
//!
//!     credflow plan LINK [--json]   the plan as text, or as JSON
//!     credflow render LINK [--dark] the SVG diagram the page shows (its dark variant)
//!     credflow presets              the rule book's classic cases
//!     credflow rules [--json]       the whole rule table, with sources (docs/rules.md)
//!     credflow diagnose [LINK] [FILE|-] [--json]   a log read against the plan
//!
//! LINK is a share link: a whole URL, a fragment starting with `#`, or a bare fragment.

use std::io::Write;
use std::process::ExitCode;

use credflow_core::compare;
use credflow_core::export::svg_dark;
use credflow_core::link::{decode_lenient, encode, encode_link, Link};
use credflow_core::presets::PRESETS;
use credflow_core::{layout, plan, render, Plan};

mod diagnose;
mod text;

const USAGE: &str = "usage:
  credflow plan LINK [--json]   print the plan for a share link (as JSON with --json)
  credflow render LINK [--dark] write the SVG diagram to standard output (--dark: its dark
                                variant, for pages that follow the reader's dark mode)
  credflow compare LINK [LINK_B] [--json]
                                two scenarios side by side (a comparison link, or two
                                links): their verdicts, the steps aligned and each difference
  credflow presets              list the rule book's classic cases
  credflow answers [LINK ...]   the answer key of a quiz: how each classic case (or each
                                LINK) turns out, at which step and as which account
  credflow rules [--json]       print the whole rule table with its sources (Markdown or JSON)
  credflow diagnose [LINK] [FILE|-] [--json]
                                read a log (FILE, or standard input) against the plan: the
                                evidence for each step, and the changes the log suggests
LINK is a credflow URL, a fragment such as '#v=1&client=legacy', or a bare fragment;
'-' reads it from standard input (for links longer than a command line allows).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`credflow presets | head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("credflow: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[&str]) -> Result<String, String> {
    match args {
        ["plan", rest @ ..] => {
            let json = rest.contains(&"--json");
            let links: Vec<&str> = rest.iter().copied().filter(|a| *a != "--json").collect();
            let [link] = links[..] else {
                return Err(format!("plan takes one LINK\n{USAGE}"));
            };
            let plan = plan_for(link)?;
            Ok(if json {
                json_of(&plan)
            } else {
                text::plan(&plan)
            })
        }
        ["render", link] => {
            let link = link_for(link)?;
            Ok(match &link.compare {
                Some(b) => compare::svg(&compare::compare(&link.scenario, b)),
                None => render(&link.scenario),
            })
        }
        ["render", link, "--dark"] | ["render", "--dark", link] => {
            Ok(svg_dark(&layout(&plan(&scenario_for(link)?))))
        }
        ["compare", rest @ ..] => compare_cmd(rest),
        ["presets"] => Ok(presets()),
        ["answers"] => Ok(answers(
            PRESETS
                .iter()
                .map(|p| (p.title.to_string(), plan(&p.scenario())))
                .collect(),
        )),
        ["answers", links @ ..] => {
            let mut plans = Vec::new();
            for link in links {
                let scenario = scenario_for(link)?;
                plans.push((format!("#{}", encode(&scenario)), plan(&scenario)));
            }
            Ok(answers(plans))
        }
        ["rules"] => Ok(credflow_core::rulebook::markdown()),
        ["rules", "--json"] => Ok(
            serde_json::to_string_pretty(&credflow_core::rulebook::rules()).unwrap_or_default()
                + "\n",
        ),
        ["diagnose", rest @ ..] => diagnose::run(rest, scenario_for),
        ["help" | "--help" | "-h"] => Ok(format!("{USAGE}\n")),
        _ => Err(USAGE.to_string()),
    }
}

fn plan_for(link: &str) -> Result<Plan, String> {
    Ok(plan(&scenario_for(link)?))
}

/// The scenario of a link given on the command line, or on standard input for `-` (the first
/// scenario of a comparison link).
fn scenario_for(link: &str) -> Result<credflow_core::Scenario, String> {
    Ok(link_for(link)?.scenario)
}

/// `credflow compare`: a comparison link, or two links, as text or JSON.
fn compare_cmd(args: &[&str]) -> Result<String, String> {
    let json = args.contains(&"--json");
    let links: Vec<&str> = args.iter().copied().filter(|a| *a != "--json").collect();
    let (a, b) = match links[..] {
        [one] => {
            let link = link_for(one)?;
            let b = link.compare.ok_or_else(|| {
                format!("compare: this link holds one scenario; give a second LINK, or a link with b. keys\n{USAGE}")
            })?;
            (link.scenario, b)
        }
        [first, second] if first != "-" || second != "-" => {
            (scenario_for(first)?, scenario_for(second)?)
        }
        _ => {
            return Err(format!(
                "compare takes a comparison LINK, or two LINKs\n{USAGE}"
            ))
        }
    };
    let c = compare::compare(&a, &b);
    let link = encode_link(&Link {
        scenario: a,
        compare: Some(b),
        ..Link::default()
    });
    if json {
        let value =
            serde_json::json!({ "link": format!("#{link}"), "a": c.a, "b": c.b, "rows": c.rows });
        return Ok(serde_json::to_string_pretty(&value).unwrap_or_default() + "\n");
    }
    Ok(text::comparison(&c, &link))
}

/// The link given on the command line, or on standard input for `-`: every part that is
/// wrong is named, one line each.
fn link_for(link: &str) -> Result<Link, String> {
    let text;
    let link = if link == "-" {
        let mut input = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut input)
            .map_err(|e| format!("cannot read the link from standard input: {e}"))?;
        text = input;
        text.trim()
    } else {
        link
    };
    // Every part that is wrong, one line each, not only the first.
    let (read, errors) = decode_lenient(link);
    if errors.is_empty() {
        return Ok(read);
    }
    let lines: Vec<String> = errors.iter().map(|e| format!("bad link: {e}")).collect();
    Err(lines.join("\ncredflow: "))
}

fn json_of(plan: &Plan) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(plan).unwrap_or_default() + "\n"
}

/// The answer key: each question's title, then how it turns out.
fn answers(plans: Vec<(String, Plan)>) -> String {
    let mut out = String::new();
    for (i, (title, plan)) in plans.iter().enumerate() {
        out.push_str(&format!(
            "{}. {title}\n   {}\n",
            i + 1,
            credflow_core::quiz::key_line(plan)
        ));
    }
    out
}

fn presets() -> String {
    let mut out = String::new();
    for (i, p) in PRESETS.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}\n   {}\n   #{}\n",
            i + 1,
            p.title,
            p.lesson,
            p.link
        ));
    }
    out
}
