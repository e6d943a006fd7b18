//! `credflow compare`, `credflow render` of a comparison link and `credflow answers`, run as a
//! trainer runs them.

mod common;
use common::{assert_contains, credflow};

use serde_json::Value;

/// The article's contrast: the same share, readable by Authenticated Users, for the Advanced
/// Client and the Legacy Client.
const ARTICLE: &str = "#v=1&share=%5C%5Cfs01%5Capps~users&b.client=legacy";

fn ok(args: &[&str]) -> String {
    let o = credflow(args);
    assert!(
        o.status.success(),
        "credflow {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8")
}

#[test]
fn a_comparison_link_prints_both_verdicts_and_what_differs() {
    let out = ok(&["compare", ARTICLE]);
    assert!(out.starts_with("A: Succeeds\n"), "{out}");
    assert_contains(
        &out,
        &[
            "\nB: Fails at step 4 (Connect to share)\n",
            r" - Step 4, connect to \\fs01\apps: Local System as DOMAIN\COMPUTER$ — succeeds; SMSCliToknLocalAcct& — fails (",
            r" - Step 5, install: Local System — succeeds; SMSCliToknLocalAcct& — not reached (would succeed)",
        ],
    );
    assert!(out.ends_with(&format!("Link: {ARTICLE}\n")), "{out}");
}

#[test]
fn two_links_make_the_comparison_link_of_what_differs() {
    let out = ok(&[
        "compare",
        "#v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-computers",
        "#v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-computers",
    ]);
    // Rule book classic cases 10 and 11: a domain controller's account is not a Domain Computer.
    assert!(out.starts_with("A: Succeeds\n"), "{out}");
    assert_contains(
        &out,
        &[
            "\nB: Fails at step 4 (Connect to share)\n",
            "Alike in both: Schedule, Run as, Fetch content",
        ],
    );
    assert!(
        out.ends_with("Link: #v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-computers&b.role=domain-controller\n"),
        "{out}"
    );
}

#[test]
fn json_has_both_plans_and_the_aligned_rows() {
    let v: Value = serde_json::from_str(&ok(&["compare", ARTICLE, "--json"])).unwrap();
    assert_eq!(v["link"], ARTICLE);
    assert_eq!(v["a"]["verdict"], "ok");
    assert_eq!(v["b"]["verdict"], "fails");
    let rows = v["rows"].as_array().unwrap();
    let share = rows.iter().find(|r| r["step"] == "connect-share").unwrap();
    assert_eq!(share["resource"], r"share:\\fs01\apps");
    assert_eq!(
        (share["a"].as_u64(), share["b"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(share["same"], false);
    assert!(share["difference"].as_str().unwrap().contains("fails"));
}

#[test]
fn a_link_with_one_scenario_or_a_bad_second_key_is_refused_with_the_reason() {
    let o = credflow(&["compare", "#v=1&client=legacy"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds one scenario"));
    let o = credflow(&["compare", "#v=1&b.client=bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("\"b.client=bogus\" is not a known value"),
        "{err}"
    );
}

#[test]
fn rendering_a_comparison_link_draws_both_diagrams_in_one_svg() {
    let svg = ok(&["render", ARTICLE]);
    let single_a = ok(&["render", "#v=1&share=%5C%5Cfs01%5Capps~users"]);
    let single_b = ok(&["render", "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users"]);
    // Each diagram whole, placed side by side under its name.
    let inner = |single: &str| single.strip_prefix("<svg").unwrap().to_string();
    assert!(svg.contains(&inner(&single_a)));
    assert!(svg.contains(&inner(&single_b)));
    assert!(svg.contains(">A: SMS 2003 Advanced Client</text>"), "{svg}");
    assert!(svg.contains(">B: SMS 2003 Legacy Client</text>"), "{svg}");
    assert!(svg.contains(
        "<title>credflow comparison — A: succeeds; B: fails at step 4 (Connect to share)</title>"
    ));
    // The differences are its description, escaped.
    assert!(svg.contains(r"Step 4, connect to \\fs01\apps: Local System as DOMAIN\COMPUTER$ — succeeds; SMSCliToknLocalAcct&amp; — fails"));
}

#[test]
fn the_answer_key_tells_each_classic_case_and_each_link_given() {
    let key = ok(&["answers"]);
    let questions = key.lines().filter(|l| !l.starts_with(' ')).count();
    assert_eq!(questions, credflow_core::presets::PRESETS.len());
    assert!(
        key.contains("4. Legacy Client, non-SMS share, no Software Installation Account\n   Fails at step 4 (Connect to share), as SMSCliToknLocalAcct&\n"),
        "{key}"
    );
    let key = ok(&["answers", "#v=1", "#v=1&run=user"]);
    assert_eq!(
        key,
        "1. #v=1\n   Succeeds\n2. #v=1&run=user\n   Fails at step 4 (Install), as the logged-on user\n"
    );
}
