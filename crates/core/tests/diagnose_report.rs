//! The Diagnose panel's report (`diagnose::report`): what the page lists for a log, read from
//! the same fixture files as the page's end-to-end tests (`tests/fixtures/`).

use credflow_core::diagnose::report::{report, SHOWN_ENTRIES};
use credflow_core::{decode, Scenario};

const FS01: &str = include_str!("fixtures/legacy-fs01-denied.log");
const FS02: &str = include_str!("fixtures/legacy-fs02-denied.log");
const SMSAPM32: &str = include_str!("fixtures/smsapm32.log");

fn scenario(link: &str) -> Scenario {
    decode(link).unwrap_or_else(|e| panic!("{link}: {e}"))
}

#[test]
fn an_access_denied_line_is_listed_with_its_code_and_marks_the_shares_step() {
    let s = scenario("#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users");
    let r = report(FS01, &s);
    assert_eq!(r.problem, "");
    assert_eq!(r.entries, 1);
    let line = &r.lines[0];
    assert_eq!(line.n, 1);
    assert_eq!(line.component, "SMSAPM32");
    assert_eq!(line.severity, "warning");
    assert!(line.time.contains("10:04:44.212"), "{}", line.time);
    assert_eq!(line.codes[0].hex, "0x80070005");
    assert_eq!(line.codes[0].spelled, "2147942405");
    assert!(!line.codes[0].name.is_empty());
    assert!(line.recognised);
    let step = r
        .steps
        .iter()
        .find(|st| st.name == r"Connect to \\fs01\apps")
        .expect("a connect step for the share");
    assert_eq!(line.steps, vec![step.n]);
    assert_eq!(step.agreement, "agrees");
    assert_eq!(step.evidence[0].numbers, vec![1]);
    assert_eq!(step.evidence[0].lines, "line 1");
    assert_eq!(step.lines, "line 1");
    // Every other step is without evidence, and says so.
    for other in r.steps.iter().filter(|st| st.n != step.n) {
        assert_eq!(other.agreement, "no-evidence", "{other:?}");
        assert!(other.evidence.is_empty());
    }
    assert!(r.suggestions.is_empty());
    // The excerpt has the line, the server's name replaced.
    assert!(r.excerpt.contains("2147942405"), "{}", r.excerpt);
    assert!(
        !r.excerpt.to_ascii_lowercase().contains("fs01"),
        "{}",
        r.excerpt
    );
}

#[test]
fn a_share_the_scenario_lacks_is_offered_as_a_link_with_the_share() {
    let s = scenario("#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users");
    let r = report(FS02, &s);
    assert_eq!(r.unplaced.len(), 1);
    assert_eq!(r.suggestions.len(), 1, "{:?}", r.suggestions);
    let changed = scenario(&r.suggestions[0].link);
    assert_eq!(changed.shares.len(), 2);
    assert_eq!(changed.shares[1].unc, r"\\fs02\tools");
    // Read again against the changed scenario, the line lands on the new share's step.
    let again = report(FS02, &changed);
    assert!(again.unplaced.is_empty());
    assert!(again.suggestions.is_empty());
    assert!(again
        .steps
        .iter()
        .any(|st| st.name == r"Connect to \\fs02\tools" && st.evidence.len() == 1));
}

#[test]
fn an_smsapm32_log_on_an_advanced_client_offers_the_legacy_client() {
    let s = Scenario::default();
    let r = report(SMSAPM32, &s);
    assert!(r.written_by.contains("Legacy"), "{}", r.written_by);
    let offer = r
        .suggestions
        .iter()
        .find(|o| o.title.contains("Legacy Client"))
        .expect("switching to the Legacy Client is offered");
    assert_eq!(scenario(&offer.link).client.key(), "legacy");
    assert_eq!(r.lines[1].codes[0].hex, "0x525");
}

#[test]
fn empty_and_unrecognised_logs_say_why() {
    let s = Scenario::default();
    let empty = report(" \n\r\n", &s);
    assert!(empty.problem.contains("empty"), "{}", empty.problem);
    assert!(empty.lines.is_empty());
    let prose = report("hello\nthis is not a log\n", &s);
    assert!(
        prose.problem.contains("None of the 2 lines"),
        "{}",
        prose.problem
    );
    // Unknown lines are kept and listed, not dropped.
    assert_eq!(prose.lines.len(), 2);
    assert!(!prose.lines[0].recognised);
    assert_eq!(prose.lines[1].message, "this is not a log");
    assert!(prose.steps.iter().all(|st| st.agreement == "no-evidence"));
}

#[test]
fn a_long_log_lists_its_first_entries_and_counts_the_rest() {
    let s = scenario("#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users");
    let log = FS01.repeat(SHOWN_ENTRIES + 20);
    let r = report(&log, &s);
    assert_eq!(r.lines.len(), SHOWN_ENTRIES);
    assert_eq!(r.more_lines, 20);
    assert_eq!(r.entries, SHOWN_ENTRIES + 20);
}
