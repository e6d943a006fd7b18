//! Two scenarios compared, as a trainer contrasts them: the link that carries both, the steps
//! aligned by what they do, and each difference in words.

use credflow_core::compare::{compare, differences};
use credflow_core::link::{decode_lenient, decode_link, encode_link, Link};
use credflow_core::{decode, LinkError, Outcome, StepKind};

/// The article's contrast: the same share, read by Users only, for the Advanced Client and
/// the Legacy Client.
const ADVANCED_VS_LEGACY: &str = "v=1&share=%5C%5Cfs01%5Capps~users&b.client=legacy";

#[test]
fn a_plain_link_is_one_scenario() {
    let link = decode_link("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users").unwrap();
    assert_eq!(link.compare, None);
}

#[test]
fn the_second_scenario_is_the_first_with_what_its_keys_change() {
    let link = decode_link(ADVANCED_VS_LEGACY).unwrap();
    let a = decode("v=1&share=%5C%5Cfs01%5Capps~users").unwrap();
    let b = decode("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users").unwrap();
    assert_eq!(link.scenario, a);
    assert_eq!(link.compare, Some(b));
    // And it is written back as it was read: only what differs.
    assert_eq!(encode_link(&link), ADVANCED_VS_LEGACY);
}

#[test]
fn the_second_scenarios_shares_replace_the_firsts_and_can_be_none() {
    let text = "v=1&share=%5C%5Cfs01%5Capps~users&b.share=%5C%5Cfs02%5Ctools~naa";
    let link = decode_link(text).unwrap();
    let b = link.compare.clone().unwrap();
    assert_eq!(b.shares.len(), 1);
    assert_eq!(b.shares[0].unc, r"\\fs02\tools");
    assert_eq!(encode_link(&link), text);
    let none = decode_link("v=1&share=%5C%5Cfs01%5Capps~users&b.share=").unwrap();
    assert!(none.compare.as_ref().unwrap().shares.is_empty());
    assert_eq!(
        encode_link(&none),
        "v=1&share=%5C%5Cfs01%5Capps~users&b.share="
    );
}

#[test]
fn the_same_scenario_twice_stays_a_comparison() {
    let a = decode("v=1&client=cm07").unwrap();
    let link = Link {
        scenario: a.clone(),
        compare: Some(a),
        ..Link::default()
    };
    let text = encode_link(&link);
    assert_eq!(text, "v=1&client=cm07&b.client=cm07");
    assert_eq!(decode_link(&text).unwrap(), link);
}

#[test]
fn a_wrong_key_or_value_of_the_second_scenario_is_named_with_its_prefix() {
    let (_, errors) = decode_lenient("v=1&b.client=bogus&b.colour=red&b.view=embed");
    let keys: Vec<&str> = errors.iter().map(LinkError::key).collect();
    assert_eq!(keys, ["b.client", "b.colour", "b.view"]);
    assert!(
        errors[0].to_string().contains("b.client=bogus"),
        "{}",
        errors[0]
    );
}

#[test]
fn advanced_against_legacy_differs_where_the_article_says() {
    let link = decode_link(ADVANCED_VS_LEGACY).unwrap();
    let c = compare(&link.scenario, link.compare.as_ref().unwrap());
    assert_eq!(c.a.verdict, Outcome::Ok);
    assert_eq!(c.b.verdict, Outcome::Fails);
    // Every step of either plan is in exactly one row, in each plan's order.
    let of = |side: fn(&credflow_core::compare::Row) -> Option<usize>| {
        c.rows.iter().filter_map(side).collect::<Vec<_>>()
    };
    assert_eq!(of(|r| r.a), (1..=c.a.steps.len()).collect::<Vec<_>>());
    assert_eq!(of(|r| r.b), (1..=c.b.steps.len()).collect::<Vec<_>>());
    let share = c
        .rows
        .iter()
        .find(|r| r.step == StepKind::ConnectShare)
        .unwrap();
    assert!(!share.same);
    let words = share.difference.as_deref().unwrap();
    assert!(
        words.starts_with(r"Step 4, connect to \\fs01\apps: Local System as DOMAIN\COMPUTER$ — succeeds; SMSCliToknLocalAcct& — fails ("),
        "{words}"
    );
    // The schedule differs only in who starts the program; the install too.
    assert!(differences(&c.rows).count() >= 2);
}

#[test]
fn identical_steps_recede_and_have_no_words() {
    let a = decode("v=1&share=%5C%5Cfs01%5Capps~domain-users").unwrap();
    let mut b = a.clone();
    b.naa = credflow_core::scenario::Account::Set;
    let c = compare(&a, &b);
    // With the Network Access Account the share is reached, so the install is too: the steps
    // before the share are the same, the share and the install differ.
    for row in &c.rows {
        assert_eq!(row.same, row.difference.is_none(), "{row:?}");
        let differs = [StepKind::ConnectShare, StepKind::Install].contains(&row.step);
        assert_eq!(row.same, !differs, "{row:?}");
    }
    let words: Vec<&str> = differences(&c.rows).collect();
    assert_eq!(words.len(), 2);
    assert!(
        words[1].starts_with(
            "Step 5, install: Local System — not reached (would succeed); Local System — succeeds"
        ),
        "{}",
        words[1]
    );
}

#[test]
fn a_step_only_one_side_takes_says_so() {
    let a = decode("v=1").unwrap();
    let b = decode("v=1&share=%5C%5CFS01%5Capps~users").unwrap();
    let c = compare(&a, &b);
    let only_b: Vec<&str> = differences(&c.rows)
        .filter(|d| d.contains("in B only"))
        .collect();
    assert_eq!(only_b.len(), 1, "{:?}", c.rows);
    assert!(
        only_b[0].starts_with(r"Connect to \\FS01\apps (step "),
        "{}",
        only_b[0]
    );
    assert!(only_b[0].contains("no such step;"), "{}", only_b[0]);
}

/// The classic contrasts: each is two scenarios that differ in what its title says, each as
/// the planner keeps it, and each turns out differently, as its lesson says.
#[test]
fn each_classic_contrast_is_two_scenarios_that_turn_out_differently() {
    use credflow_core::normalise;
    use credflow_core::present::verdict_short;
    use credflow_core::presets::CONTRASTS;
    let expected = [
        (
            "contrast-client",
            "succeeds",
            "fails at step 4 (Connect to share)",
        ),
        (
            "contrast-cm07",
            "at risk at step 4 (Connect to share)",
            "fails at step 4 (Connect to share)",
        ),
        (
            "contrast-naa",
            "fails at step 4 (Connect to share)",
            "at risk at step 4 (Connect to share)",
        ),
        ("contrast-rights", "succeeds", "fails at step 4 (Install)"),
        (
            "contrast-dc",
            "succeeds",
            "fails at step 4 (Connect to share)",
        ),
    ];
    assert_eq!(CONTRASTS.len(), expected.len());
    for (contrast, (id, a_says, b_says)) in CONTRASTS.iter().zip(expected) {
        assert_eq!(contrast.id, id);
        let link = decode_link(contrast.link).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(link.compare.is_some(), "{id} is not a comparison");
        let (a, b) = contrast.scenarios();
        assert_ne!(a, b, "{id}");
        assert_eq!(
            normalise(a.clone()).0,
            a,
            "{id}: A is not as the planner keeps it"
        );
        assert_eq!(
            normalise(b.clone()).0,
            b,
            "{id}: B is not as the planner keeps it"
        );
        let c = compare(&a, &b);
        assert_eq!(verdict_short(&c.a), a_says, "{id}: A");
        assert_eq!(verdict_short(&c.b), b_says, "{id}: B");
        assert!(differences(&c.rows).count() > 0, "{id}");
    }
}
