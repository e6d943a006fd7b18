//! Bad state never means a blank page: a corrupted saved scenario, links from another version,
//! with unknown or repeated keys, too many shares or an over-long path each give a clear
//! message (role=alert) naming what was wrong, and the page stays responsive. A corrupted
//! saved scenario gives the defaults; a link that cannot be read shows no scenario at all
//! until the reader chooses one (never another scenario's verdict under the link),
//! and one followed inside the open page lets the reader go back to the last good scenario.
//! A link with the maximum of 500 shares draws its plan (the first 50 shares one by one, the
//! rest in one summary row) and lists every share.

use std::time::Instant;

use credflow_e2e::{link_with_shares, Harness};
use serde_json::{json, Value};

/// A scenario unlike the defaults: the Legacy Client, and a share only Domain Computers may
/// read. It fails at step 4; with the ConfigMgr 2007 client it succeeds.
const GOOD: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~domain-computers";

/// localStorage key of the saved scenario.
const SAVED: &str = "credflow.scenario";

/// The verdict as shown: `{outcome, text}`.
async fn verdict(page: &Harness) -> Value {
    page.wait_until(
        "(() => { const v = document.getElementById('verdict');\
          return v && v.innerText ? { outcome: v.dataset.outcome, text: v.innerText } : null; })()",
    )
    .await
}

async fn wait_verdict_change(page: &Harness, from: &Value) -> Value {
    page.wait_until(&format!(
        "(() => {{ const v = document.getElementById('verdict');\
           return v && v.innerText && v.innerText !== {} ? \
             {{ outcome: v.dataset.outcome, text: v.innerText }} : null; }})()",
        json!(from["text"])
    ))
    .await
}

/// Waits for the alert and returns its text once it holds every one of `words`.
async fn alert_naming(page: &Harness, words: &[&str]) -> String {
    let condition = format!(
        "(() => {{ const a = document.querySelector('[role=alert]');\
           const t = a ? a.textContent : '';\
           return {}.every(w => t.includes(w)) ? t : null; }})()",
        json!(words)
    );
    page.wait_until(&condition)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Which radio of each wizard input is checked: `{client: "legacy", ...}`.
async fn choices(page: &Harness) -> Value {
    page.eval(
        "const out = {};\
         for (const r of document.querySelectorAll('input[type=radio]:checked')) out[r.name] = r.value;\
         return out;",
    )
    .await
}

async fn share_fields(page: &Harness) -> Value {
    page.eval("return [...document.querySelectorAll('input.share-unc')].map(i => i.value)")
        .await
}

/// The page as the defaults show it (fresh profile, no link).
async fn defaults(page: &Harness) -> (Value, Value) {
    page.open("").await;
    page.wait_for("#diagram svg").await;
    (verdict(page).await, choices(page).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupted_saved_scenario_gives_a_message_and_the_defaults() {
    let page = Harness::start().await;
    let (default_verdict, default_choices) = defaults(&page).await;
    assert_eq!(default_choices["client"], json!("advanced"));

    let cases: &[(&str, &[&str])] = &[
        (
            "garbage text that is no link at all",
            &["saved scenario", "garbage text"],
        ),
        (
            "\u{1}\u{FFFF}%%%<script>window.__xss=1</script>&&==",
            &["saved scenario", "<script>"],
        ),
        ("{\"client\":\"legacy\",\"shares\":[]}", &["saved scenario"]),
        ("v=1&colour=red", &["saved scenario", "colour"]),
        ("v=99&client=legacy", &["saved scenario", "v=99"]),
        ("v=0&client=legacy", &["saved scenario", "v=0"]),
        (
            "v=1&client=legacy&client=cm07",
            &["saved scenario", "client"],
        ),
        ("v=1&share=%5C%5Cfs01~users", &["saved scenario", "share"]),
    ];
    let too_long = format!("v=1&{}", "x".repeat(400_000));
    let cases: Vec<(&str, &[&str])> = cases
        .iter()
        .copied()
        .chain([(too_long.as_str(), &["saved scenario", "400000"][..])])
        .collect();
    for (stored, words) in &cases {
        page.eval_args(
            "localStorage.setItem(arguments[0], arguments[1])",
            vec![json!(SAVED), json!(stored)],
        )
        .await;
        // A new visit without a link: the page starts from what is saved.
        page.open("").await;
        let message = alert_naming(&page, words).await;
        assert!(
            message.contains("defaults"),
            "{stored:?}: the message does not say what is shown instead: {message}"
        );
        page.wait_for("#diagram svg").await;
        assert_eq!(
            verdict(&page).await,
            default_verdict,
            "{stored:?}: the verdict"
        );
        assert_eq!(
            choices(&page).await,
            default_choices,
            "{stored:?}: the choices"
        );
        assert_eq!(page.eval("return window.__xss").await, Value::Null);

        // Usable: a choice changes the verdict, and the saved scenario is good again.
        page.choose_in("program", "installer-msi-user").await;
        wait_verdict_change(&page, &default_verdict).await;
        page.wait_until(&format!(
            "localStorage.getItem({}) === location.hash.slice(1) && location.hash.includes('installer=msi-user')",
            json!(SAVED)
        ))
        .await;
    }
}

/// The `i`th share of [`shares_link`]: `\\fs001\apps`, `\\fs002\apps` ...
fn share(i: usize) -> String {
    format!(r"\\fs{i:03}\apps")
}

/// A link of `n` shares `\\fs001\apps` ... readable by Authenticated Users.
fn shares_link(n: usize) -> String {
    let uncs: Vec<String> = (1..=n).map(share).collect();
    link_with_shares("", &uncs)
}

/// A script that is true once the diagram has drawn its summary row (the shares beyond the
/// first 50 in one row), the share editor holds `unc`, and the verdict is shown.
fn drawn_with_summary_and_editor_has(unc: &str) -> String {
    format!(
        "document.querySelector('#diagram [data-steps]') !== null \
         && [...document.querySelectorAll('input.share-unc')].some(i => i.value === {}) \
         && document.getElementById('verdict')?.innerText",
        json!(unc)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_link_names_what_is_wrong_and_leads_back_to_the_last_good_scenario() {
    let page = Harness::opened_at(GOOD, "#diagram svg").await;
    let good_verdict = verdict(&page).await;
    let good_choices = choices(&page).await;
    let good_shares = share_fields(&page).await;
    assert_eq!(good_choices["client"], json!("legacy"));
    assert_eq!(good_shares, json!([r"\\fs01\apps"]));

    let long_unc = format!(r"\\fs01\{}", "a".repeat(5000 - 7));
    let cases: Vec<(String, Vec<&str>)> = vec![
        ("#v=2&client=legacy".into(), vec!["v=2", "newer"]),
        ("#v=99".into(), vec!["v=99"]),
        ("#v=1&colour=red".into(), vec!["colour"]),
        (
            "#v=1&client=legacy&client=cm07".into(),
            vec!["client", "more than once"],
        ),
        ("#v=1&client=cm08".into(), vec!["client", "cm08"]),
        (shares_link(501), vec!["Share", "501", "500"]),
        (
            link_with_shares("", &[long_unc.as_str()]),
            vec!["Share", "5000", "260"],
        ),
        ("#v=1&share=fs01%5Capps~users".into(), vec!["Share", "UNC"]),
        (
            format!("#v=1&x={}", "x".repeat(400_000)),
            vec!["400000", "characters long"],
        ),
    ];
    for (bad, words) in &cases {
        let shown: String = bad.chars().take(60).collect();
        // As if the address were edited, or a link followed inside the open page.
        page.eval_args("location.hash = arguments[0]", vec![json!(bad)])
            .await;
        alert_naming(&page, words).await;
        // The last good scenario is no longer shown under the broken link as if it
        // were its verdict; the page says the link could not be read, and the reader goes
        // back to the last good scenario with one click.
        assert_eq!(
            verdict(&page).await["outcome"],
            json!("unread"),
            "{shown}: a verdict under a link that could not be read"
        );
        page.click("#keep-current").await;
        page.wait_until("!document.querySelector('[role=alert]')")
            .await;
        assert_eq!(verdict(&page).await, good_verdict, "{shown}: the verdict");
        assert_eq!(choices(&page).await, good_choices, "{shown}: the choices");
        assert_eq!(
            share_fields(&page).await,
            good_shares,
            "{shown}: the shares"
        );
        // Responsive: a click still changes the verdict, and back.
        page.choose_in("client", "client-cm07").await;
        let changed = wait_verdict_change(&page, &good_verdict).await;
        page.choose_in("client", "client-legacy").await;
        wait_verdict_change(&page, &changed).await;
        assert_eq!(verdict(&page).await, good_verdict);
    }
}

/// This changed: a bad link on a new visit used to show the defaults, or the scenario
/// saved in the browser, under the broken link. Now it shows neither until the reader
/// chooses; the saved scenario (perhaps someone else's) is not offered, and stays saved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_link_on_a_new_visit_shows_no_scenario_until_the_reader_chooses() {
    let page = Harness::start().await;
    let (default_verdict, default_choices) = defaults(&page).await;

    // Nothing saved yet: the message, then the defaults when asked for.
    page.open("#v=2&client=legacy").await;
    alert_naming(&page, &["v=2"]).await;
    assert_eq!(verdict(&page).await["outcome"], json!("unread"));
    page.click("#open-defaults").await;
    page.wait_for("#diagram svg").await;
    assert_eq!(verdict(&page).await, default_verdict);
    assert_eq!(choices(&page).await, default_choices);

    // A scenario the user worked on is saved; a bad link shows no scenario and keeps it.
    page.open(GOOD).await;
    page.choose_in("client", "client-cm07").await;
    page.wait_until(&format!(
        "localStorage.getItem({}) === location.hash.slice(1) && location.hash.includes('client=cm07')",
        json!(SAVED)
    ))
    .await;
    let saved = page
        .eval_args(
            "return localStorage.getItem(arguments[0])",
            vec![json!(SAVED)],
        )
        .await;
    for (bad, words) in [
        (
            "#v=1&client=legacy&client=cm07",
            ["client", "more than once"],
        ),
        ("#v=1&colour=red", ["colour", "colour"]),
    ] {
        page.open(bad).await;
        alert_naming(&page, &words).await;
        assert_eq!(verdict(&page).await["outcome"], json!("unread"), "{bad}");
        assert_eq!(
            page.eval("return document.querySelectorAll('#diagram, input[type=radio], #keep-current').length")
                .await,
            json!(0),
            "{bad}: a scenario is shown or offered"
        );
        assert_eq!(
            page.eval_args(
                "return localStorage.getItem(arguments[0])",
                vec![json!(SAVED)],
            )
            .await,
            saved,
            "{bad}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_shares_show_the_plan_and_the_page_stays_responsive() {
    let page = Harness::start().await;
    let link = shares_link(500);
    let started = Instant::now();
    page.open(&link).await;
    page.wait_until(&drawn_with_summary_and_editor_has(r"\\fs500\apps"))
        .await;
    let loaded = started.elapsed();
    let before = verdict(&page).await;
    assert!(
        page.eval("return document.querySelector('[role=alert]') === null")
            .await
            .as_bool()
            .unwrap_or_default(),
        "500 shares is allowed, yet the page shows an alert"
    );
    // The diagram draws the first 50 shares one by one and the other 450 in one summary row
    // (steps 54 to 503); the share editor holds all 500.
    let diagram = page
        .eval_text("return document.getElementById('diagram').textContent")
        .await;
    assert_eq!(
        (1..=50).find(|&i| !diagram.contains(&share(i))),
        None,
        "one of the first 50 shares is missing from the diagram"
    );
    assert_eq!(
        page.eval(
            "const rows = document.querySelectorAll('#diagram [data-steps]');\
             return [rows.length, rows[0].dataset.steps, rows[0].dataset.step,\
                     rows[0].textContent.includes('450 more shares'),\
                     document.querySelectorAll('#diagram [data-step]').length];",
        )
        .await,
        json!([1, "54-503", "54", true, 3 + 50 + 1 + 1]),
        "the summary row of the shares beyond the first 50"
    );
    let editor = page
        .eval("return [...document.querySelectorAll('input.share-unc')].map(i => i.value)")
        .await;
    let editor: Vec<&str> = editor
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        (1..=500).find(|&i| !editor.contains(&share(i).as_str())),
        None,
        "a share missing from the share editor"
    );
    assert_eq!(
        page.eval("return document.querySelectorAll('input.share-unc').length")
            .await,
        json!(500)
    );

    // One change, end to end: from the click to the next frame after the diagram changed.
    let ms = page
        .eval_async(
            "const diagram = document.getElementById('diagram');\
             const changed = new Promise(resolve => {\
               const o = new MutationObserver(() => { o.disconnect();\
                 requestAnimationFrame(() => setTimeout(resolve)); });\
               o.observe(diagram, { childList: true, subtree: true, characterData: true });\
             });\
             const t0 = performance.now();\
             document.getElementById('client-legacy').click();\
             await changed;\
             return performance.now() - t0;",
            vec![],
        )
        .await;
    let ms = ms
        .as_f64()
        .unwrap_or_else(|| panic!("the measurement failed: {ms}"));
    let after = wait_verdict_change(&page, &before).await;
    println!(
        "500 shares: page load to plan {:.0} ms; one change (Legacy Client) end to end \
         {ms:.0} ms; verdict {} → {}",
        loaded.as_secs_f64() * 1000.0,
        before["outcome"],
        after["outcome"]
    );
    // Not a benchmark (scripts/bench is): a bound that only a frozen page misses.
    assert!(ms < 10_000.0, "one change took {ms:.0} ms with 500 shares");

    // Still usable by a person: a WebDriver click through the tab.
    page.choose_in("client", "client-cm07").await;
    wait_verdict_change(&page, &after).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_largest_scenario_allowed_draws_its_plan() {
    // 500 shares of 260 characters each: every limit at its maximum at once.
    let uncs: Vec<String> = (1..=500)
        .map(|i| {
            let head = format!(r"\\fs{i:03}\");
            format!("{head}{}", "a".repeat(260 - head.len()))
        })
        .collect();
    assert!(uncs.iter().all(|u| u.chars().count() == 260));
    let link = link_with_shares("", &uncs);
    let page = Harness::start().await;
    let started = Instant::now();
    page.open(&link).await;
    // The diagram draws the first 50 shares and sums up the rest in one row; the share editor
    // holds every one.
    page.wait_until(&drawn_with_summary_and_editor_has(&uncs[499]))
        .await;
    println!(
        "500 shares of 260 characters ({} characters of link): plan shown after {:.0} ms",
        link.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(
        page.eval("return document.querySelector('[role=alert]')")
            .await,
        Value::Null,
        "the largest scenario allowed gives a message"
    );
    assert_eq!(
        page.eval("return document.querySelectorAll('input.share-unc').length")
            .await,
        json!(500)
    );
    let before = verdict(&page).await;
    page.choose_in("client", "client-legacy").await;
    wait_verdict_change(&page, &before).await;
}
