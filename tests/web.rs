//! Component tests in headless Chromium (`cargo test -p credflow-web --target
//! wasm32-unknown-unknown`, as scripts/test runs them): the page's parts mounted on a given
//! scenario, clicked as a person would, and read back from the DOM.

use credflow_core::link::{decode, View};
use credflow_web::state::Store;
use credflow_web::{App, Page};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The rule book's classic case 2 (v2): the installer reads `\\fs01\apps`, which only Domain
/// Users may read, and no Network Access Account is configured. (v1's case 2 granted Domain
/// Computers; v2's Advanced Client reaches the share as COMPUTER$ first, which reads it.)
const CASE_2: &str = "v=1&share=%5C%5Cfs01%5Capps~domain-users";

/// The rule book's classic case 11 (v2): on a domain controller, a share that only Domain
/// Computers may read. It fails at step 4: a domain controller's computer account is in Domain
/// Controllers, not Domain Computers.
const CASE_11: &str =
    "v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-computers";

/// A share whose name is markup written with entities: since share paths are checked as
/// Windows checks them, a link refuses `<` and `>` in a share name (Windows allows neither),
/// so entities and quotes are what a name can carry.
const HOSTILE_SHARE: &str =
    "v=1&share=%5C%5Csrv%5C%26lt%3Bimg%20src%3Dx%20onerror%3D%27alert(1)%27%26gt%3B~users";

/// Waits for the next animation frame, then lets the page update.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    leptos::task::tick().await;
}

/// `base` followed by `count` shares `\\fs001\apps`, `\\fs002\apps`, … readable by
/// `readers(i)` (1-based).
fn shares_link(base: &str, count: usize, readers: impl Fn(usize) -> &'static str) -> String {
    let mut link = String::from(base);
    for i in 1..=count {
        link.push_str(&format!("&share=%5C%5Cfs{i:03}%5Capps~{}", readers(i)));
    }
    link
}

/// A page mounted into its own `<div>`; unmounted and removed when dropped.
struct Mounted {
    div: web_sys::HtmlElement,
    /// Unmounts the page when dropped.
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.div.remove();
    }
}

impl Mounted {
    /// Mounts the page for a link fragment, in the given view.
    async fn page(fragment: &str, view: View) -> Mounted {
        let scenario = decode(fragment).expect("test links decode");
        let document = web_sys::window().unwrap().document().unwrap();
        let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&div).unwrap();
        let handle = leptos::mount::mount_to(div.clone(), move || {
            let store = Store::new(scenario, view);
            view! { <Page store=store /> }.into_any()
        });
        leptos::task::tick().await;
        // The sections below the diagram (step details, findings, presets) are drawn after
        // the first paint, two frames on.
        next_frame().await;
        next_frame().await;
        Mounted {
            div,
            _handle: Box::new(handle),
        }
    }

    fn find(&self, css: &str) -> web_sys::Element {
        self.div
            .query_selector(css)
            .unwrap()
            .unwrap_or_else(|| panic!("no element {css}"))
    }

    fn has(&self, css: &str) -> bool {
        self.div.query_selector(css).unwrap().is_some()
    }

    fn text(&self, css: &str) -> String {
        self.find(css).text_content().unwrap_or_default()
    }

    /// Clicks an element as a person would, then lets the page update.
    async fn click(&self, css: &str) {
        self.find(css)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
        leptos::task::tick().await;
    }

    fn input(&self, css: &str) -> web_sys::HtmlInputElement {
        self.find(css).unchecked_into()
    }

    /// Types a value into a text field (an `input` event, as typing fires).
    async fn type_into(&self, css: &str, text: &str) {
        let input = self.input(css);
        input.set_value(text);
        let event = web_sys::Event::new("input").unwrap();
        input.dispatch_event(&event).unwrap();
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
async fn app_mounts_and_draws_a_diagram() {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    let mounted = leptos::mount::mount_to(div.clone(), App);
    leptos::task::tick().await;
    assert!(div.inner_html().contains("<svg"), "{}", div.inner_html());
    drop(mounted);
    div.remove();
}

#[wasm_bindgen_test]
async fn a_failing_case_shows_the_verdict_and_selects_the_failing_step() {
    let page = Mounted::page(CASE_2, View::Full).await;
    let verdict = page.find("#verdict");
    assert_eq!(
        verdict.get_attribute("data-outcome").as_deref(),
        Some("fails")
    );
    assert!(
        page.text("#verdict").contains("Fails at step 4"),
        "{}",
        page.text("#verdict")
    );
    let details = page.find("#step-details");
    assert_eq!(details.get_attribute("data-step").as_deref(), Some("4"));
    assert!(page.text("#step-details").contains("execmgr.log"));
    assert!(page
        .text("#step-details")
        .contains("Network Access Account"));
    assert!(page
        .find("#diagram")
        .inner_html()
        .contains("data-step=\"4\""));
}

#[wasm_bindgen_test]
async fn choosing_the_legacy_client_changes_the_verdict_and_the_log() {
    let page = Mounted::page(CASE_2, View::Full).await;
    page.click("#client-legacy").await;
    assert!(page.input("#client-legacy").checked());
    assert!(page.text("#verdict").contains("Fails at step 4"));
    assert!(
        page.text("#step-details").contains("SMSAPM32.log"),
        "{}",
        page.text("#step-details")
    );
    assert!(page.text("#step-details").contains("no domain rights"));
}

#[wasm_bindgen_test]
async fn an_option_that_does_not_apply_is_disabled_with_its_reason() {
    let page = Mounted::page("v=1", View::Full).await;
    assert!(page.input("#os-win9x").disabled());
    assert_eq!(page.text("#os-win9x-help .why"), "Legacy Client only");
    assert!(page.input("#sia-1").disabled());
    page.click("#client-legacy").await;
    assert!(!page.input("#os-win9x").disabled());
    assert!(
        !page.has("#os-win9x-help .why"),
        "the reason is still shown"
    );
    assert!(!page.input("#sia-1").disabled());
}

#[wasm_bindgen_test]
async fn vista_and_64_bit_windows_are_offered_to_the_configmgr_2007_client_only() {
    // Rule book v2, normalisation: "`vista` and `x64` need `client=cm07` (else `nt`/`x86`)".
    let page = Mounted::page("v=1", View::Full).await;
    for id in ["#os-vista", "#arch-x64"] {
        assert!(page.input(id).disabled(), "{id} is offered");
        assert_eq!(
            page.text(&format!("{id}-help .why")),
            "ConfigMgr 2007 client only"
        );
    }
    page.click("#client-cm07").await;
    page.click("#arch-x64").await;
    assert!(page.input("#arch-x64").checked());
    page.click("#client-advanced").await;
    assert!(page.input("#arch-x86").checked(), "x64 was kept");
    assert!(page.text("#notice").contains("Architecture"));
}

#[wasm_bindgen_test]
async fn a_new_steps_details_name_its_sources_by_title_and_link_their_addresses() {
    // Classic case 12: setup from the user's mapped S: as Local System fails at
    // use-mapped-drive [WIN-REDIRDRIVES][KB226113].
    let page = Mounted::page("v=1&mapped=1", View::Full).await;
    assert_eq!(
        page.find("#step-details")
            .get_attribute("data-step")
            .as_deref(),
        Some("4")
    );
    assert!(page.text("#step-details h3").contains("Use mapped drive"));
    let link = page.find("#step-details ul.sources a");
    assert_eq!(
        link.text_content().as_deref(),
        Some("Services and Redirected Drives")
    );
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://learn.microsoft.com/en-us/windows/win32/services/services-and-redirected-drives")
    );
}

#[wasm_bindgen_test]
async fn a_change_that_invalidates_another_choice_is_normalised_and_explained() {
    let page = Mounted::page("v=1", View::Full).await;
    assert!(page.input("#when-any").checked());
    page.click("#run-user").await;
    assert!(
        page.input("#when-user").checked(),
        "when was not set to user"
    );
    let notice = page.text("#notice");
    assert!(notice.contains("Program can run"), "{notice}");
    assert!(notice.contains("Only when a user is logged on"), "{notice}");
    assert!(page.input("#when-any").disabled());
}

#[wasm_bindgen_test]
async fn shares_are_added_checked_and_removed() {
    let page = Mounted::page("v=1", View::Full).await;
    page.type_into("#share-new", "fs01\\apps").await;
    page.click("#share-add").await;
    assert!(
        !page.has("li.share-row"),
        "a path that is not UNC was added"
    );
    assert!(page.text("#share-new-error").contains("not a UNC path"));

    page.type_into("#share-new", "\\\\fs01\\apps").await;
    page.click("#share-add").await;
    assert!(page.has("li.share-row"));
    assert_eq!(
        page.input("li.share-row input.share-unc").value(),
        "\\\\fs01\\apps"
    );
    assert!(page.input("#share-0-users").checked());
    assert!(page.find("#diagram").inner_html().contains("fs01"));
    // Authenticated Users may read it, and the Advanced Client reaches it as DOMAIN\COMPUTER$,
    // which counts as Authenticated Users (rule book v2, connect-share: "try computer-account,
    // then the NAA ... The computer account reads: ok"; v1 had it fail without an NAA).
    assert!(
        page.text("#verdict").contains("Succeeds"),
        "{}",
        page.text("#verdict")
    );
    // A share nobody but Domain Users may read: COMPUTER$ is not a domain user (v2 case 2).
    page.click("#share-0-domain-users").await;
    page.click("#share-0-users").await;
    assert!(page.text("#verdict").contains("Fails at step 4"));

    page.click("[aria-label='Remove share 1']").await;
    assert!(!page.has("li.share-row"));
    assert!(page.text("#verdict").contains("Succeeds"));
}

#[wasm_bindgen_test]
async fn editing_a_share_path_to_garbage_keeps_the_last_good_path() {
    let page = Mounted::page(CASE_2, View::Full).await;
    page.type_into("#share-0-unc", "nonsense").await;
    assert!(page.text("#share-0-error").contains("last good path"));
    assert!(page.find("#diagram").inner_html().contains("fs01"));
    page.type_into("#share-0-unc", "\\\\fs02\\tools").await;
    assert_eq!(page.text("#share-0-error"), "");
    assert!(page.find("#diagram").inner_html().contains("fs02"));
}

#[wasm_bindgen_test]
async fn a_step_chip_selects_its_step() {
    let page = Mounted::page(CASE_2, View::Full).await;
    page.click(".step-picker button[data-step='2']").await;
    assert_eq!(
        page.find("#step-details")
            .get_attribute("data-step")
            .as_deref(),
        Some("2")
    );
    assert!(page.text("#step-details").contains("Local System"));
}

#[wasm_bindgen_test]
async fn reset_returns_to_the_defaults_and_undo_brings_the_scenario_back() {
    let page = Mounted::page(CASE_2, View::Full).await;
    page.click("#reset").await;
    assert!(page.text("#verdict").contains("Succeeds"));
    assert!(!page.has("li.share-row"));
    page.click("#undo").await;
    assert!(page.text("#verdict").contains("Fails at step 4"));
    assert!(page.has("li.share-row"));
}

#[wasm_bindgen_test]
async fn the_embed_view_shows_the_diagram_and_verdict_without_the_wizard() {
    let page = Mounted::page(CASE_2, View::Embed).await;
    assert!(!page.has("[role=tablist]"));
    assert!(!page.has("#client-legacy"));
    assert!(page.text("#verdict").contains("Fails at step 4"));
    assert!(page.has("#diagram svg"));
    let open = page.find(".open-full a");
    let href = open.get_attribute("href").unwrap_or_default();
    assert!(
        href.contains("share=%5C%5Cfs01%5Capps~domain-users"),
        "{href}"
    );
    assert!(!href.contains("view=embed"), "{href}");
}

#[wasm_bindgen_test]
async fn a_hostile_share_name_is_only_ever_text() {
    let page = Mounted::page(HOSTILE_SHARE, View::Full).await;
    assert!(!page.has("img"), "the share name became an element");
    assert!(!page.has("[onerror]"));
    assert!(page.find("#diagram").inner_html().contains("&amp;lt;img"));
    assert!(page
        .input("#share-0-unc")
        .value()
        .contains("&lt;img src=x onerror='alert(1)'&gt;"));
}

#[wasm_bindgen_test]
async fn a_step_in_the_summary_row_highlights_that_row() {
    // 60 shares the computer account may read, except the 55th (step 58), which grants Domain
    // Users only (rule book v2: COMPUTER$ is not a domain user, and no Network Access Account is
    // configured: it fails): the diagram draws the first 50 and sums up shares 51 to 60 (steps
    // 54 to 63) in one row.
    let link = shares_link("v=1", 60, |i| {
        if i == 55 {
            "domain-users"
        } else {
            "domain-computers"
        }
    });
    let page = Mounted::page(&link, View::Full).await;
    assert!(page.text("#verdict").contains("Fails at step 58"));
    let summary = page.find("#diagram [data-steps]");
    assert_eq!(
        summary.get_attribute("data-steps").as_deref(),
        Some("54-63")
    );
    assert!(!page.has("#diagram [data-step=\"58\"]"));
    // Step 58 is selected (the first failure): its details show, and the diagram highlights
    // the summary row that stands for it.
    assert!(page.text("#step-details").contains("Step 58"));
    let highlighted = || {
        page.find("#diagram .sel")
            .get_attribute("data-step")
            .unwrap_or_default()
    };
    assert_eq!(highlighted(), "54");
    assert!(page.has("#diagram.has-sel"));
    // A step drawn on its own row highlights that row, and only that row.
    page.click(".step-chip[data-step=\"4\"]").await;
    assert_eq!(highlighted(), "4");
    assert!(!page.has("#diagram [data-step=\"54\"].sel"));
}

/// 25 reader lists that the computer account is in none of, each different: 25 shares that
/// fail for different reasons, which stay 25 findings (shares that fail alike are one).
const DISTINCT_READERS: [&str; 25] = [
    "naa",
    "siacct",
    "naa,siacct",
    "domain-users",
    "domain-users,naa",
    "domain-users,siacct",
    "domain-users,naa,siacct",
    "logged-on-user",
    "naa,logged-on-user",
    "siacct,logged-on-user",
    "naa,siacct,logged-on-user",
    "domain-users,logged-on-user",
    "domain-users,naa,logged-on-user",
    "domain-users,siacct,logged-on-user",
    "domain-users,naa,siacct,logged-on-user",
    "client-connection",
    "naa,client-connection",
    "siacct,client-connection",
    "naa,siacct,client-connection",
    "domain-users,client-connection",
    "domain-users,naa,client-connection",
    "domain-users,siacct,client-connection",
    "domain-users,naa,siacct,client-connection",
    "logged-on-user,client-connection",
    "naa,logged-on-user,client-connection",
];

/// The page with 25 shares and no Network Access Account: each share fails (steps 4 to 28),
/// each with its own readers (shares that fail alike are told as one finding), so there are
/// 25 findings.
async fn twenty_five_findings() -> Mounted {
    let link = shares_link("v=1", 25, |i| DISTINCT_READERS[i - 1]);
    Mounted::page(&link, View::Full).await
}

/// Whether the findings list the last share's step.
fn lists_the_last_finding(page: &Mounted) -> bool {
    page.text("#findings")
        .contains(r"Step 28: Connect to \\fs025\apps")
}

#[wasm_bindgen_test]
async fn a_long_findings_list_shows_ten_and_the_rest_on_request() {
    let page = twenty_five_findings().await;
    let findings = || {
        page.find("#findings")
            .inner_html()
            .matches("<li class=\"finding ")
            .count()
    };
    assert_eq!(findings(), 10);
    assert_eq!(page.text("#findings-all"), "Show 15 more findings");
    assert!(page
        .text("#findings")
        .contains(r"Step 4: Connect to \\fs001\apps"));
    assert!(!page.text("#findings").contains("Step 14:"));
    page.click("#findings-all").await;
    assert_eq!(findings(), 25);
    assert!(!page.has("#findings-all"));
    assert!(lists_the_last_finding(&page));
}

#[wasm_bindgen_test]
async fn printing_lists_every_finding() {
    let page = twenty_five_findings().await;
    assert!(page.has("#findings-all"));
    // What the browser fires before it prints, whether from the Print button or its own menu.
    let event = web_sys::Event::new("beforeprint").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    assert!(!page.has("#findings-all"));
    assert!(lists_the_last_finding(&page));
}

#[wasm_bindgen_test]
async fn a_change_redraws_the_diagram_at_once_and_the_lists_a_frame_later() {
    // On a workstation, classic case 11 is classic case 10: Local System reaches the share as
    // the computer account, which Domain Computers admits, and every step succeeds.
    let page = Mounted::page(CASE_11, View::Full).await;
    let chip = |page: &Mounted| page.find(".step-chip[data-step=\"4\"]").class_name();
    // Findings name a share step by its share (present::step_name).
    assert!(page
        .text("#findings")
        .contains(r"Step 4: Connect to \\fs01\apps"));
    assert!(chip(&page).contains("outcome-fails"), "{}", chip(&page));
    page.click("#role-workstation").await;
    // The verdict and the diagram follow the change in the same task...
    assert!(
        page.text("#verdict").contains("Succeeds"),
        "{}",
        page.text("#verdict")
    );
    assert!(page
        .find("#diagram")
        .inner_html()
        .contains("data-step=\"4\" data-outcome=\"ok\""));
    // ... the chips and the findings once the browser has painted it.
    assert!(page
        .text("#findings")
        .contains(r"Step 4: Connect to \\fs01\apps"));
    next_frame().await;
    next_frame().await;
    assert!(
        page.text("#findings")
            .contains("No findings: every step succeeds."),
        "{}",
        page.text("#findings")
    );
    assert!(chip(&page).contains("outcome-ok"), "{}", chip(&page));
}
