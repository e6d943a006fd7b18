//! Two scenarios side by side, as a trainer uses them: a comparison link opens both with
//! their verdicts, diagrams and differences; either side can be changed; "Compare with…" and
//! the classic contrasts start one; the download is `credflow render`'s comparison; the embed
//! view shows it too.

use credflow_core::compare::{self, compare as compare_scenarios};
use credflow_core::link::decode_link;
use credflow_core::presets::Contrast;
use credflow_e2e::{assert_no_violations, js, Downloads, Harness};
use fantoccini::key::Key;

fn contrast(id: &str) -> &'static Contrast {
    Contrast::by_id(id).unwrap_or_else(|| panic!("no contrast {id}"))
}

/// What the core says the page should list as differences for a comparison link.
fn expected_differences(link: &str) -> Vec<String> {
    let link = decode_link(link).unwrap();
    let c = compare_scenarios(&link.scenario, link.compare.as_ref().unwrap());
    compare::differences(&c.rows).map(str::to_string).collect()
}

async fn shown_differences(page: &Harness) -> Vec<String> {
    let v = page
        .eval(
            "const d = document.getElementById('differences');\
             return d.tagName === 'OL' ? [...d.querySelectorAll('li')].map(li => li.textContent) : []",
        )
        .await;
    serde_json::from_value(v).unwrap()
}

/// Waits until side `side` (`a`, `b`) shows `outcome` with a headline starting `headline`.
async fn wait_side(page: &Harness, side: &str, outcome: &str, headline: &str) {
    page.wait_until(&format!(
        "(() => {{ const v = document.querySelector('.side-verdict[data-side=\"{side}\"]');\
           return v && v.dataset.outcome === {} &&\
             v.querySelector('.side-headline').textContent.startsWith({}); }})()",
        js(outcome),
        js(headline)
    ))
    .await;
}

/// A fresh browser on the comparison `fragment`, once both diagrams are drawn (`view`: `""`,
/// or `"main.embed "` for the embed view).
async fn comparison_at(fragment: &str, view: &str) -> Harness {
    let page = Harness::start().await;
    page.open(fragment).await;
    page.wait_for(&format!("{view}#diagram-a svg")).await;
    page.wait_for(&format!("{view}#diagram-b svg")).await;
    page
}

/// Waits until side A shows `a` and side B shows `b`, each `(outcome, headline start)`.
async fn wait_sides(page: &Harness, a: (&str, &str), b: (&str, &str)) {
    wait_side(page, "a", a.0, a.1).await;
    wait_side(page, "b", b.0, b.1).await;
}

/// The opacity a step of a side's diagram is drawn with.
async fn opacity(page: &Harness, side: &str, step: usize) -> f64 {
    page.eval(&format!(
        "return Number(getComputedStyle(document.querySelector('#diagram-{side} [data-step=\"{step}\"]')).opacity)"
    ))
    .await
    .as_f64()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_link_shows_both_diagrams_and_says_every_difference() {
    let link = contrast("contrast-client").link;
    let page = comparison_at(&format!("#{link}"), "").await;
    wait_sides(
        &page,
        ("ok", "Succeeds"),
        ("fails", "Fails at step 4 (Connect to share)"),
    )
    .await;
    let shown = shown_differences(&page).await;
    assert_eq!(shown, expected_differences(link));
    assert!(
        shown.iter().any(|d| d.starts_with(
            r"Step 4, connect to \\fs01\apps: Local System as DOMAIN\COMPUTER$ — succeeds; SMSCliToknLocalAcct& — fails ("
        )),
        "{shown:?}"
    );
    // The link stays as it was: the page writes back what it read.
    page.wait_hash(&format!("#{link}")).await;

    // Where the steps are alike, they recede in both diagrams; the step that differs does not.
    let naa = contrast("contrast-naa").link;
    page.open(&format!("#{naa}")).await;
    wait_sides(
        &page,
        ("fails", "Fails at step 4"),
        ("at-risk", "At risk at step 4"),
    )
    .await;
    page.wait_for_text("#alike", "Alike in both: Schedule, Run as, Fetch content.")
        .await;
    for side in ["a", "b"] {
        assert!(opacity(&page, side, 1).await < 0.5, "step 1 of {side}");
        assert_eq!(opacity(&page, side, 4).await, 1.0, "step 4 of {side}");
    }
    assert_eq!(shown_differences(&page).await, expected_differences(naa));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_either_side_updates_the_differences_and_the_link() {
    let page = Harness::start().await;
    // A workstation against a domain controller.
    page.open(&format!("#{}", contrast("contrast-dc").link))
        .await;
    wait_side(&page, "b", "fails", "Fails at step 4").await;
    // B on a workstation too: nothing differs.
    page.choose("edit-b").await;
    page.choose("role-workstation").await;
    wait_side(&page, "b", "ok", "Succeeds").await;
    page.wait_for_text("#differences", compare::NO_DIFFERENCES)
        .await;
    // A's wizard is A's: the Legacy Client on A.
    page.choose("edit-a").await;
    page.wait_checked("role-workstation").await;
    page.choose("client-legacy").await;
    wait_sides(
        &page,
        ("fails", "Fails at step 4 (Connect to share)"),
        ("ok", "Succeeds"),
    )
    .await;
    let expected = expected_differences(
        "v=1&client=legacy&share=%5C%5Cfs01%5Capps~domain-computers&b.client=cm07",
    );
    page.wait_until(&format!(
        "[...document.querySelectorAll('#differences li')].map(li => li.textContent).join('\\n') === {}",
        js(&expected.join("\n"))
    ))
    .await;
    // The address holds both, so that the comparison can be sent as it is now.
    page.wait_hash("#v=1&client=legacy&share=%5C%5Cfs01%5Capps~domain-computers&b.client=cm07")
        .await;
    // Swap puts B first.
    page.click("#compare-swap").await;
    wait_sides(&page, ("ok", "Succeeds"), ("fails", "Fails at step 4")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_downloaded_comparison_is_credflow_renders() {
    let link = contrast("contrast-rights").link;
    let expected = tokio::task::spawn_blocking(move || {
        credflow_e2e::credflow_cli(&["render", &format!("#{link}")])
    })
    .await
    .unwrap();
    assert_eq!(expected.0, 0, "{}", expected.2);
    let page = Harness::start().await;
    let downloads = Downloads::attach(&page).await;
    page.open(&format!("#{link}")).await;
    wait_side(&page, "b", "fails", "Fails at step 4 (Install)").await;
    page.click("#compare-svg").await;
    let l = decode_link(link).unwrap();
    let c = compare_scenarios(&l.scenario, l.compare.as_ref().unwrap());
    let name = format!("{}.svg", compare::file_stem(&c));
    assert_eq!(name, "credflow-advanced-ok-vs-advanced-fails-install.svg");
    let svg = downloads.wait_for(&name).await;
    assert!(
        svg == expected.1.as_bytes(),
        "the downloaded comparison ({} bytes) differs from credflow render ({} bytes)",
        svg.len(),
        expected.1.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compare_with_a_copy_then_change_one_input_and_undo() {
    let page =
        Harness::opened_with_verdict("#v=1&share=%5C%5Cfs01%5Capps~users", "ok", "Succeeds").await;
    page.click("#compare-with summary").await;
    page.click("#compare-copy").await;
    wait_sides(&page, ("ok", "Succeeds"), ("ok", "Succeeds")).await;
    page.wait_for_text("#differences", compare::NO_DIFFERENCES)
        .await;
    page.wait_for_text("#notice", "Comparing with a copy").await;
    // One input changed on B: the article's contrast.
    page.choose("edit-b").await;
    page.choose("client-legacy").await;
    wait_side(&page, "b", "fails", "Fails at step 4 (Connect to share)").await;
    page.wait_for_text("#differences", "SMSCliToknLocalAcct& — fails")
        .await;
    // Undo: the one scenario again.
    page.click("#notice #undo").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.wait_until("document.getElementById('diagram-b') === null")
        .await;
    page.wait_until(&format!(
        "location.hash === {}",
        js("#v=1&share=%5C%5Cfs01%5Capps~users")
    ))
    .await;

    // With a classic case instead.
    page.click("#compare-with summary").await;
    page.select("compare-case", "classic-4").await;
    page.click("#compare-case-go").await;
    wait_side(&page, "b", "fails", "Fails at step 4 (Connect to share)").await;
    page.wait_for_text("#notice", "Comparing with classic case 4")
        .await;
    // Keep B only: the planner with B's scenario.
    page.click("#compare-keep-b").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    page.wait_checked("client-legacy").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_classic_contrast_opens_as_a_comparison() {
    let page = Harness::opened_with_verdict("#v=1", "ok", "Succeeds").await;
    for c in credflow_core::presets::CONTRASTS {
        if page
            .eval("return document.getElementById('contrasts') === null")
            .await
            == serde_json::json!(true)
        {
            // Back to the planner, where the contrasts are listed.
            page.click("#compare-keep-a").await;
            page.wait_for("#contrasts").await;
        }
        page.click(&format!("[data-contrast=\"{}\"]", c.id)).await;
        let (a, b) = c.scenarios();
        let (a, b) = (credflow_core::plan(&a), credflow_core::plan(&b));
        wait_side(
            &page,
            "a",
            a.verdict.key(),
            &credflow_core::present::headline(&a),
        )
        .await;
        wait_side(
            &page,
            "b",
            b.verdict.key(),
            &credflow_core::present::headline(&b),
        )
        .await;
        assert_eq!(
            shown_differences(&page).await,
            expected_differences(c.link),
            "{}",
            c.id
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embed_view_of_a_comparison_shows_both_and_opens_the_planner() {
    let link = contrast("contrast-cm07").link;
    let page = comparison_at(&format!("#{link}&view=embed"), "main.embed ").await;
    wait_sides(
        &page,
        ("at-risk", "At risk at step 4"),
        ("fails", "Fails at step 4"),
    )
    .await;
    assert_eq!(shown_differences(&page).await, expected_differences(link));
    let href = page
        .attr(".open-full a", "href")
        .await
        .expect("the embed view's link has an address");
    assert!(
        href.ends_with(&format!("#{link}")),
        "the embed view opens {href}"
    );
    assert_no_violations(&page, "the embed view of a comparison").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_has_no_accessibility_violations_and_works_by_keyboard() {
    let page = Harness::start().await;
    page.open(&format!("#{}", contrast("contrast-naa").link))
        .await;
    wait_side(&page, "b", "at-risk", "At risk at step 4").await;
    // The page's first tab stop, the skip link, leads to the comparison.
    page.press_keys(&[Key::Tab]).await;
    page.wait_until("document.activeElement.classList.contains('skip-link')")
        .await;
    page.press_keys(&[Key::Enter]).await;
    page.wait_until("document.activeElement && document.activeElement.id === 'comparison'")
        .await;
    assert_no_violations(&page, "a comparison").await;
    page.choose("edit-b").await;
    page.wait_for("#tab-client").await;
    assert_no_violations(&page, "a comparison, changing B").await;
}

/// The comparison and the quiz are not part of a planner's first load: a planner's link loads
/// the planner's build only; "Compare with…" opens the comparison in the training build, with
/// its Undo; a comparison link loads the training build.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_training_build_loads_only_for_a_comparison_or_a_question() {
    let page = Harness::start().await;
    let loaded = |page: &Harness, part: &str| {
        page.requests()
            .iter()
            .filter(|r| r.path.contains(part) && r.path.ends_with(".wasm"))
            .count()
    };
    page.open("#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users")
        .await;
    page.wait_verdict("fails", "Connect to share").await;
    assert_eq!(
        loaded(&page, "credflow-training"),
        0,
        "{:?}",
        page.requests()
    );
    assert_eq!(loaded(&page, "credflow-web-"), 1);

    page.click("#compare-with summary").await;
    page.click("#compare-copy").await;
    wait_side(&page, "b", "fails", "Fails at step 4 (Connect to share)").await;
    assert_eq!(loaded(&page, "credflow-training"), 1);
    // What the planner said and its Undo came along.
    page.wait_for_text("#notice", "Comparing with a copy").await;
    page.click("#notice #undo").await;
    page.wait_verdict("fails", "Connect to share").await;

    let before = page.requests().len();
    page.open(&format!("#{}", contrast("contrast-dc").link))
        .await;
    wait_side(&page, "b", "fails", "Fails at step 4").await;
    // (The planner's build is preloaded by index.html, for every link: only the training
    // build's files are fetched besides.)
    let since: Vec<_> = page.requests().split_off(before);
    assert!(
        since
            .iter()
            .any(|r| r.path.ends_with("credflow-training_bg.wasm")),
        "{since:?}"
    );
}

/// Printed, a comparison is both verdicts, the differences and both diagrams, without the
/// wizard or the buttons.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_printed_comparison_is_both_verdicts_the_differences_and_both_diagrams() {
    let page = Harness::start().await;
    page.open(&format!("#{}", contrast("contrast-client").link))
        .await;
    wait_side(&page, "b", "fails", "Fails at step 4").await;
    const CONTROLS: &[&str] = &[
        ".wizard-column",
        "#compare-swap",
        "#compare-svg",
        ".toolbar",
    ];
    const RESULT: &[&str] = &[
        ".side-verdict[data-side=\"a\"]",
        ".side-verdict[data-side=\"b\"]",
        "#differences",
        "#diagram-a svg",
        "#diagram-b svg",
    ];
    let all = |shown: bool, of: &[&str]| {
        serde_json::Value::Object(of.iter().map(|c| (c.to_string(), shown.into())).collect())
    };
    assert_eq!(page.rendered(CONTROLS).await, all(true, CONTROLS));
    page.print_media(true).await;
    assert_eq!(page.rendered(CONTROLS).await, all(false, CONTROLS));
    assert_eq!(page.rendered(RESULT).await, all(true, RESULT));
}

/// A comparison link is recognised however its keys are written, as the link reader reads
/// them (percent-encoded here): the page opens the comparison, never a planner that reloads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_link_with_encoded_keys_opens_the_comparison() {
    let page = Harness::start().await;
    page.open("#v=1&share=%5C%5Cfs01%5Capps~users&b%2Eclient=legacy")
        .await;
    wait_sides(
        &page,
        ("ok", "Succeeds"),
        ("fails", "Fails at step 4 (Connect to share)"),
    )
    .await;
    let loads = page
        .requests()
        .iter()
        .filter(|r| r.path.ends_with(".wasm"))
        .count();
    // The planner's build (preloaded) and the training build, once each.
    assert_eq!(loads, 2, "{:?}", page.requests());
}

/// A choice on B that makes another of B's choices impossible is adjusted, and the page says
/// so, naming B; A keeps its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_bs_wizard_adjusts_is_said_and_names_b() {
    let page = Harness::start().await;
    page.open("#v=1&client=cm07&b.os=vista").await;
    wait_side(&page, "b", "ok", "Succeeds").await;
    page.choose("edit-b").await;
    page.choose("client-legacy").await;
    page.wait_for_text("#notice", "In scenario B:").await;
    page.wait_for_text("#notice", "Operating system").await;
    page.wait_hash("#v=1&client=cm07&b.client=legacy").await;
}
