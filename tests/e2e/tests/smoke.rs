//! The shipped page, opened as a person would open a share link.

use credflow_e2e::Harness;

/// The rule book's classic case 2 (v2): the installer reads `\\fs01\apps`, which only Domain
/// Users may read.
const CLASSIC_CASE_2: &str = "#v=1&share=%5C%5Cfs01%5Capps~domain-users";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_link_draws_its_scenario() {
    let page = Harness::opened_at(CLASSIC_CASE_2, ".diagram svg").await;
    page.wait_for_text("body", "fs01").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_link_names_the_wrong_key_and_value_and_still_draws() {
    let page = Harness::start().await;
    page.open("#v=1&client=nope").await;
    let alert = page.wait_for_text("[role=alert]", "nope").await;
    assert!(
        alert.contains("client"),
        "the alert does not name the key: {alert:?}"
    );
    // Now that a link with a mistake is shown as such, nothing is drawn for a link that cannot be read until the reader
    // chooses: here, the defaults.
    page.click("#open-defaults").await;
    page.wait_for(".diagram svg").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_asks_only_its_own_server_for_its_own_files() {
    let page = Harness::opened_at(CLASSIC_CASE_2, ".diagram svg").await;

    let requests = page.requests();
    let wrong: Vec<_> = requests.iter().filter(|r| r.status != 200).collect();
    assert!(wrong.is_empty(), "requests outside dist/: {wrong:?}");
    for kind in [".wasm", ".js", ".css"] {
        assert!(
            requests.iter().any(|r| r.path.ends_with(kind)),
            "no {kind} file was loaded: {requests:?}"
        );
    }

    let resources = page
        .eval("return performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    let resources = resources.as_array().expect("a list of resource URLs");
    assert!(
        !resources.is_empty(),
        "the Performance API saw no resources"
    );
    let own = format!("{}/", page.origin());
    let foreign: Vec<_> = resources
        .iter()
        .filter_map(|r| r.as_str())
        .filter(|r| !r.starts_with(&own))
        .collect();
    assert!(
        foreign.is_empty(),
        "requests to another origin: {foreign:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_security_policy_forbids_inline_scripts_and_the_page_runs_under_it() {
    let page = Harness::opened_at(CLASSIC_CASE_2, ".diagram svg").await;

    let csp = page
        .eval(
            "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');\
             return m ? m.content : ''",
        )
        .await;
    let csp = csp.as_str().unwrap_or_default();
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap_or_else(|| panic!("no script-src in the page's CSP: {csp:?}"));
    for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:"] {
        assert!(
            !script_src.split_whitespace().any(|s| s == forbidden),
            "{script_src} allows {forbidden}"
        );
    }

    let inline = page
        .eval("return [...document.scripts].filter(s => !s.src).map(s => s.outerHTML)")
        .await;
    assert_eq!(inline, serde_json::json!([]), "inline scripts");

    let errors: Vec<_> = page
        .console()
        .await
        .into_iter()
        .filter(|e| e["level"] == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_and_malformed_links_pass_an_accessibility_scan() {
    let page = Harness::start().await;
    for link in [CLASSIC_CASE_2, "#v=1&client=nope"] {
        page.open(link).await;
        // A link that cannot be read shows what was wrong instead of a diagram.
        page.wait_for(".diagram svg, #verdict[data-outcome=unread]")
            .await;
        let violations: Vec<_> = page
            .axe()
            .await
            .iter()
            .map(|v| format!("{} ({}): {}", v["id"], v["impact"], v["help"]))
            .collect();
        assert!(violations.is_empty(), "{link}: {violations:#?}");
    }
}
