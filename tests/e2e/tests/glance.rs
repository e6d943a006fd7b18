//! What a trainer projects is true at a glance: a step the run never gets to is shown as not
//! reached (never as a success), the verdict tells the story in order, a warning of the lock-
//! out kind goes wherever the verdict goes, steps are named by what they do, and each outcome
//! has one marker everywhere.

use credflow_e2e::{js, Harness};
use serde_json::Value;

/// Classic case 4: the Legacy Client's token account fails at the share (step 4); step 5
/// (Install) is never reached.
const CASE_4: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users";

/// The chip of step `n`: its classes, its visible marker and its screen-reader text.
async fn chip(page: &Harness, n: u32) -> Value {
    page.wait_until(&format!(
        "(() => {{ const b = document.querySelector('.step-picker button[data-step=\"{n}\"]');\
           return b && {{ class: b.className, marker: b.querySelector('.marker').textContent,\
             sr: b.querySelector('.sr-only').textContent }}; }})()"
    ))
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_that_is_never_reached_is_not_shown_as_succeeding() {
    let page =
        Harness::opened_with_verdict(CASE_4, "fails", "Fails at step 4 (Connect to share)").await;
    let install = chip(&page, 5).await;
    let class = install["class"].as_str().unwrap_or_default();
    assert!(class.contains("not-reached"), "{install}");
    assert!(!class.contains("outcome-ok"), "{install}");
    assert_ne!(
        install["marker"], "✓",
        "a green tick on a step that never runs"
    );
    assert_eq!(install["sr"], ", not reached (would succeed)");
    // Its details say so in the heading, and what it would do below.
    page.click(".step-picker button[data-step=\"5\"]").await;
    page.wait_for_text("#step-details h3", "Step 5: Install — not reached")
        .await;
    page.wait_for_text("#step-details .not-reached-note", "it would succeed")
        .await;
    // The diagram says "not reached" where the outcome goes, never "✓ ok".
    let status = page
        .eval("return document.querySelector('#diagram [data-step=\"5\"] .st').textContent")
        .await;
    assert_eq!(status, "– not reached");
    // Classic case 9: steps after the failing run-as are not green either.
    page.open("#v=1&client=legacy&os=win9x&sia=1&siacct=set&logon=user")
        .await;
    page.wait_verdict("fails", "Fails at step 2 (Run as)").await;
    for n in [3, 4] {
        let c = chip(&page, n).await;
        assert!(
            c["class"]
                .as_str()
                .unwrap_or_default()
                .contains("not-reached"),
            "step {n}: {c}"
        );
        assert_ne!(c["marker"], "✓", "step {n}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_headline_tells_the_story_in_order() {
    let page = Harness::opened_with_verdict("#v=1", "ok", "Succeeds").await;
    // "Run with user's rights" from the defaults: the program now waits for a logon (nobody
    // is logged on), and then a standard user cannot write HKLM.
    page.choose_in("program", "run-user").await;
    page.wait_until(
        "(() => { const t = document.querySelector('#verdict .verdict-title');\
           if (!t) return false;\
           const m = t.querySelector('.marker').textContent;\
           return t.textContent.replace(m, '').trim() ===\
             'Waits for a user to log on, then fails at step 4 (Install)'; })()",
    )
    .await;
    // A later step that would fail too is counted in the headline.
    page.open("#v=1&deploy=rundp&drive=fixed&letter=taken&mapped=1")
        .await;
    page.wait_verdict(
        "fails",
        "Fails at step 4 (Map drive); 1 later step would also fail",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lock_out_warning_goes_wherever_the_verdict_goes() {
    let page = Harness::start().await;
    // Classic case 8: the token account of a domain controller on the network.
    let link = "#v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users";
    page.open(link).await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    page.wait_for_text("#verdict .verdict-warning", "lock it out")
        .await;
    // In the diagram (and so in every export of it, which is the same SVG).
    page.wait_until(&format!(
        "document.querySelector('#diagram svg')?.textContent.includes({})",
        js("can lock it out for every")
    ))
    .await;
    // In the embed view, which a wiki page shows.
    page.open(&format!("{link}&view=embed")).await;
    page.wait_for_text("#verdict .verdict-warning", "lock it out")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn steps_are_named_by_what_they_do_and_waits_has_one_marker() {
    let page = Harness::opened_with_verdict(
        "#v=1&when=user&share=%5C%5Cfs01%5Capps~domain-computers",
        "waits",
        "Waits for a user to log on",
    )
    .await;
    // The share's step is named by its share, wherever a trainer would point at it.
    let c = chip(&page, 4).await;
    page.wait_for_text(
        ".step-picker button[data-step=\"4\"]",
        r"Connect to \\fs01\apps",
    )
    .await;
    // Waits has one marker: the chip's is the legend's.
    let schedule = chip(&page, 1).await;
    let legend = page
        .eval(
            "return [...document.querySelectorAll('#diagram .lg tspan')]\
               .find(t => t.getAttribute('class') === 'lm-waits').textContent",
        )
        .await;
    assert_eq!(schedule["marker"], legend, "{schedule} {c}");
    assert_eq!(legend, "◷");
}

/// Every marker the page shows, compared with the diagram's legend: the step chips, the
/// diagram's steps, the findings, the verdict and the step's details. Returns the ones that
/// differ.
const MARKERS_AS_THE_LEGEND: &str = r#"
const legend = {};
for (const t of document.querySelectorAll('#diagram .lg tspan[class^="lm-"]'))
  legend[t.getAttribute('class').slice(3)] = t.textContent;
const notReached = [...document.querySelectorAll('#diagram .lg')]
  .map(t => t.textContent).find(t => t.includes('not reached'));
legend['not-reached'] = notReached.split(' ')[0];
const state = n => {
  const g = document.querySelector('#diagram g[data-step="' + n + '"]');
  return g.dataset.reached === 'false' ? 'not-reached' : g.dataset.outcome;
};
const out = [];
let seen = 0;
const expect = (what, key, shown) => {
  seen++;
  if (legend[key] !== shown)
    out.push(what + ': ' + key + ' is "' + shown + '", the legend\'s is "' + legend[key] + '"');
};
for (const b of document.querySelectorAll('.step-picker button[data-step]'))
  expect('chip ' + b.dataset.step, state(b.dataset.step), b.querySelector('.marker').textContent);
for (const g of document.querySelectorAll('#diagram g[data-step]:not([data-steps])'))
  expect('diagram step ' + g.dataset.step, state(g.dataset.step),
    g.querySelector('.st').textContent.split(' ')[0]);
for (const f of document.querySelectorAll('#findings .finding'))
  expect('finding of step ' + f.dataset.step, state(f.dataset.step),
    f.querySelector('.marker').textContent);
const v = document.getElementById('verdict');
expect('verdict', v.dataset.outcome, v.querySelector('.verdict-title .marker').textContent);
const h = document.querySelector('#step-details h3');
expect('details of step', state(h.textContent.match(/Step (\d+)/)[1]),
  h.querySelector('.marker').textContent);
return { wrong: out, seen, legend };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_outcome_has_one_marker_everywhere() {
    let page = Harness::start().await;
    for (link, outcomes) in [
        // ok, at risk, fails and not reached: three shares, the NAA reads two, nobody the
        // third.
        (
            "#v=1&naa=set&share=%5C%5Cfs01%5Capps~naa&share=%5C%5Cfs02%5Ctools~naa\
             &share=%5C%5Cfs03%5Cdrivers~",
            ["ok", "at-risk", "fails", "not-reached"].as_slice(),
        ),
        // waits.
        (
            "#v=1&when=user&share=%5C%5Cfs01%5Capps~domain-computers",
            ["ok", "waits"].as_slice(),
        ),
    ] {
        page.open(link).await;
        page.wait_for("#findings .finding").await;
        page.wait_for("#step-details h3").await;
        let found = page.eval(MARKERS_AS_THE_LEGEND).await;
        assert_eq!(found["wrong"], serde_json::json!([]), "{link}: {found}");
        assert!(found["seen"].as_u64().unwrap() > 10, "{link}: {found}");
        let shown = page
            .eval(
                "return [...document.querySelectorAll('.step-picker .step-chip')].map(b =>\
                     b.className.match(/outcome-([a-z-]+)/)[1])",
            )
            .await;
        for outcome in outcomes {
            assert!(
                shown.as_array().unwrap().iter().any(|o| o == outcome),
                "{link}: no step {outcome}: {shown}"
            );
        }
    }
}
