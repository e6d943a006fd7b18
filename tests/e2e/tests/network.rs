//! Nothing leaves the browser: a whole session asks only the page's own server, and only for
//! the page's own files; after the page has loaded it needs no network at all; and the
//! Content-Security-Policy is exactly as strict as promised, and enforced.
//!
//! Requests are seen three ways: the test server's log, the Resource Timing API in the page,
//! and the browser's own DevTools `Network` events (chromedriver's performance log), which also
//! see requests that fail or go elsewhere.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use base64::Engine as _;
use credflow_e2e::{foreign, Harness, NetworkRequest, Options};
use serde_json::json;
use sha2::{Digest, Sha256};

/// The rule book's classic case 2 (v2: the share grants Domain Users only).
const CLASSIC_CASE_2: &str = "#v=1&share=%5C%5Cfs01%5Capps~domain-users";

/// Records Content-Security-Policy violations from before the page's own scripts run.
const CSP_HOOK: &str = r#"
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"#;

/// A browser that logs the network and records CSP violations, on classic case 2 once its
/// diagram is drawn.
async fn on_classic_case_2() -> Harness {
    let page = Harness::start_with(Options {
        network_log: true,
        ..Options::default()
    })
    .await;
    page.before_every_page(CSP_HOOK).await;
    page.open(CLASSIC_CASE_2).await;
    page.wait_for("#diagram svg").await;
    page
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_session_asks_only_the_pages_own_server_for_its_own_files() {
    let page = on_classic_case_2().await;

    // Every tab, and a choice on most.
    page.choose_in("client", "client-legacy").await;
    page.choose_in("program", "run-user").await;
    page.choose_in("runtime", "logon-user").await;
    page.choose_in("accounts", "siacct-set").await;
    page.open_tab("content").await;
    // Add a share.
    page.add_share(r"\\fs02\tools").await;
    page.wait_until("document.getElementById('diagram').textContent.includes('fs02')")
        .await;
    // A step in the picker, the theme, copy link, the exports, the embed code, reset, undo.
    page.click(".step-picker button").await;
    page.click("#theme-toggle").await;
    page.click("#copy-link").await;
    page.wait_for("#copied-link").await;
    page.click("#export-svg").await;
    page.click("#export-png").await;
    page.click("#embed-code").await;
    page.wait_for("#embed-panel textarea").await;
    page.click("#reset").await;
    page.click("#undo").await;
    page.wait_until("document.getElementById('diagram').textContent.includes('fs02')")
        .await;
    // The Diagnose panel: its worker starts, reads a log naming a share, and one suggestion
    // is applied. (A file from the core's fixtures.)
    page.click("#diagnose-panel summary").await;
    page.wait_for("#diagnose-log").await;
    page.eval_args(
        "document.getElementById('diagnose-log').value = arguments[0]",
        vec![json!(include_str!(
            "../../../crates/core/tests/fixtures/legacy-fs02-denied.log"
        )
        .replace("fs02", "fs03"))],
    )
    .await;
    page.click("#diagnose-run").await;
    page.wait_for("#diagnose-offers .diagnose-offer").await;
    page.click("#diagnose-offers .diagnose-offer").await;
    page.wait_until("document.getElementById('diagram').textContent.includes('fs03')")
        .await;
    // Both downloads arrived (SVG from a blob: URL, PNG from a data: URL).
    let downloads = page.downloads_dir();
    let deadline = Instant::now() + Duration::from_secs(30);
    let arrived = |extension: &str| {
        std::fs::read_dir(&downloads).is_ok_and(|d| {
            d.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("credflow-") && name.ends_with(extension)
            })
        })
    };
    while !(arrived(".svg") && arrived(".png")) {
        assert!(
            Instant::now() < deadline,
            "the downloads did not arrive in {}: {:?}",
            downloads.display(),
            std::fs::read_dir(&downloads)
                .map(|d| d.flatten().map(|e| e.file_name()).collect::<Vec<_>>())
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The embed view of the current scenario, as a wiki's iframe would open it.
    let fragment = page.eval("return location.hash").await;
    let embed = format!("{}&view=embed", fragment.as_str().unwrap_or("#v=1"));
    page.open(&embed).await;
    page.wait_for("#diagram svg").await;
    page.wait_for(".open-full a").await;
    let resources = page
        .eval("return performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    let violations = page.eval("return window.__csp").await;

    let origin = page.origin().to_string();
    let log = page.network_requests().await;
    let seen: Vec<&NetworkRequest> = log
        .iter()
        .filter(|r| r.event == "Network.requestWillBeSent")
        .collect();
    assert!(
        seen.iter().any(|r| r.url.ends_with(".wasm")),
        "the DevTools log saw no request for the wasm: {log:#?}"
    );
    assert_eq!(
        foreign(&log, &origin),
        Vec::<String>::new(),
        "DevTools Network events"
    );
    let failed: Vec<_> = log
        .iter()
        .filter(|r| r.event == "Network.loadingFailed" && !r.is_browser_internal())
        .filter(|r| {
            // Only failures of the page's own requests count.
            log.iter().any(|q| {
                q.request_id == r.request_id
                    && q.event == "Network.requestWillBeSent"
                    && !q.is_browser_internal()
            })
        })
        .collect();
    assert!(failed.is_empty(), "failed loads: {failed:#?}");

    let own = format!("{origin}/");
    let resources: Vec<&str> = resources
        .as_array()
        .expect("resource URLs")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(!resources.is_empty(), "Resource Timing saw nothing");
    let elsewhere: Vec<_> = resources
        .iter()
        .filter(|r| !r.starts_with(&own) && !r.starts_with("data:") && !r.starts_with("blob:"))
        .collect();
    assert!(elsewhere.is_empty(), "Resource Timing: {elsewhere:?}");
    assert_eq!(violations, json!([]), "Content-Security-Policy violations");

    // The server answered only GETs for files that are in dist/.
    let mut files: BTreeMap<String, usize> = BTreeMap::new();
    for r in page.requests() {
        assert!(
            r.method == "GET" && r.status == 200,
            "the server saw {} {} → {}",
            r.method,
            r.path,
            r.status
        );
        *files.entry(r.path).or_default() += 1;
    }
    let dist: Vec<String> = std::fs::read_dir(credflow_e2e::dist_dir())
        .expect("read dist/")
        .flatten()
        .map(|e| format!("/{}", e.file_name().to_string_lossy()))
        .collect();
    for path in files.keys() {
        assert!(
            path == "/" || dist.contains(path),
            "the page asked for {path}, which is not in dist/"
        );
    }
    println!("requests in the session: {files:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_keeps_working_with_the_server_gone() {
    let page = on_classic_case_2().await;
    let before = page.text("#verdict").await;
    let requests_before = page.requests().len();
    let _ = page.network_requests().await;

    page.stop_server().await;
    // Prove the cut: the page's own origin no longer answers.
    let fetched = page
        .eval_async(
            "try { await fetch('/index.html', { cache: 'no-store' }); return 'answered'; } \
             catch (e) { return 'refused'; }",
            vec![],
        )
        .await;
    assert_eq!(fetched, json!("refused"), "the server still answers");
    let _ = page.network_requests().await;

    // Change choices: the verdict and the diagram follow.
    page.choose_in("client", "client-legacy").await;
    page.wait_verdict_change(&before).await;
    page.choose_in("accounts", "siacct-set").await;
    let after_choices = page.text("#verdict").await;
    // Add a share: it is drawn, and the verdict is recomputed.
    page.add_share(r"\\offline\share").await;
    page.wait_until(
        "document.getElementById('diagram').textContent.includes('\\\\\\\\offline\\\\share')",
    )
    .await;
    page.wait_until("document.querySelectorAll('input.share-unc').length === 2")
        .await;
    let verdict = page.text("#verdict").await;
    assert!(!verdict.is_empty() && !after_choices.is_empty());
    // The SVG download still works (a blob: URL).
    page.click("#export-svg").await;
    let downloads = page.downloads_dir();
    let deadline = Instant::now() + Duration::from_secs(30);
    let offline = || {
        std::fs::read_dir(&downloads).is_ok_and(|d| {
            d.flatten().any(|e| {
                e.file_name().to_string_lossy().ends_with(".svg")
                    && std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("offline"))
            })
        })
    };
    while !offline() {
        assert!(
            Instant::now() < deadline,
            "no SVG download with the server gone"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // And nothing tried the network meanwhile.
    let log = page.network_requests().await;
    let tried: Vec<_> = log
        .iter()
        .filter(|r| {
            r.event == "Network.loadingFailed"
                || (r.event == "Network.requestWillBeSent"
                    && !r.url.starts_with("blob:")
                    && !r.url.starts_with("data:"))
        })
        .collect();
    assert!(tried.is_empty(), "requests after the cut: {tried:#?}");
    assert_eq!(
        page.requests().len(),
        requests_before,
        "the server saw requests"
    );
}

/// The texts of the inline `<script>` elements (those without `src`) of an HTML file.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        let tag_end = at + rest[at..].find('>').expect("an unclosed <script tag");
        let close = tag_end + rest[tag_end..].find("</script>").expect("no </script>");
        if !rest[at..tag_end].contains(" src=") {
            out.push(&rest[tag_end + 1..close]);
        }
        rest = &rest[close..];
    }
    out
}

/// The directives of the page's CSP meta tag: name → sources.
async fn csp(page: &Harness) -> BTreeMap<String, Vec<String>> {
    let content = page
        .eval(
            "const m = document.querySelectorAll('meta[http-equiv=\"Content-Security-Policy\" i]');\
             return m.length === 1 ? m[0].content : m.length + ' CSP meta tags'",
        )
        .await;
    let content = content.as_str().unwrap_or_default().to_string();
    let mut out = BTreeMap::new();
    for directive in content.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let mut words = directive.split_whitespace();
        let name = words.next().unwrap_or_default().to_ascii_lowercase();
        assert!(
            !out.contains_key(&name),
            "{name} appears twice in the CSP: {content}"
        );
        out.insert(name, words.map(str::to_string).collect());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_content_security_policy_is_exactly_as_strict_as_promised() {
    let page = on_classic_case_2().await;
    let csp = csp(&page).await;
    let sources = |name: &str| -> Vec<&str> {
        csp.get(name)
            .unwrap_or_else(|| panic!("no {name} in the CSP: {csp:?}"))
            .iter()
            .map(String::as_str)
            .collect()
    };
    assert_eq!(sources("default-src"), ["'self'"]);
    // Scripts: the page's own files, its WebAssembly, and the two inline scripts of the built
    // page (the theme and a link's diagram at the top of <head>, the first-visit script at the
    // end of the prerendered page), by their hashes.
    let index = std::fs::read_to_string(credflow_e2e::dist_dir().join("index.html"))
        .expect("read dist/index.html");
    let inline = inline_scripts(&index);
    assert_eq!(
        inline.len(),
        2,
        "inline scripts in dist/index.html: {inline:#?}"
    );
    let mut expected: Vec<String> = inline
        .iter()
        .map(|script| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
            )
        })
        .chain(["'self'".to_string(), "'wasm-unsafe-eval'".to_string()])
        .collect();
    expected.sort();
    let mut script = sources("script-src");
    script.sort();
    assert_eq!(script, expected, "script-src");
    assert_eq!(sources("object-src"), ["'none'"]);
    assert_eq!(sources("base-uri"), ["'none'"]);
    // Nothing anywhere loosens it to other origins or to eval.
    for (name, list) in &csp {
        for s in list {
            assert!(
                !matches!(
                    s.as_str(),
                    "*" | "http:" | "https:" | "'unsafe-eval'" | "ws:" | "wss:"
                ) && !s.contains("://"),
                "{name} allows {s}"
            );
            assert!(
                !(s == "'unsafe-inline'" && name != "style-src"),
                "{name} allows 'unsafe-inline'"
            );
        }
    }
    for directive in [
        "connect-src",
        "img-src",
        "font-src",
        "frame-src",
        "worker-src",
    ] {
        if let Some(list) = csp.get(directive) {
            assert!(
                list.iter()
                    .all(|s| matches!(s.as_str(), "'self'" | "'none'" | "data:" | "blob:")),
                "{directive} {list:?}"
            );
        }
    }

    // A meta CSP governs only what follows it: it must come before every script and style.
    let meta = index
        .find("http-equiv=\"Content-Security-Policy\"")
        .expect("a CSP meta tag in dist/index.html");
    for tag in [
        "<script",
        "<link rel=\"stylesheet\"",
        "<link rel=\"modulepreload\"",
        "<style",
    ] {
        if let Some(at) = index.find(tag) {
            assert!(
                meta < at,
                "{tag} comes before the CSP meta tag in dist/index.html"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_content_security_policy_is_enforced() {
    let page = on_classic_case_2().await;
    let _ = page.network_requests().await;
    // What an injection would try: an inline script, an inline handler, eval, and loads from
    // another origin. (WebDriver's own scripts are exempt; what they add to the page is not.)
    page.eval(
        "window.__ran = [];\
         const s = document.createElement('script');\
         s.textContent = 'window.__ran.push(\"inline script\")';\
         document.body.append(s);\
         document.body.insertAdjacentHTML('beforeend',\
           '<img id=\"csp-probe\" src=\"https://evil.example/x.png\" onerror=\"window.__ran.push(1)\">');\
         const e = document.createElement('script');\
         e.src = 'https://evil.example/x.js';\
         document.body.append(e);\
         const f = document.createElement('iframe');\
         f.src = 'https://evil.example/';\
         document.body.append(f);",
    )
    .await;
    let violations = page
        .wait_until("window.__csp.length >= 4 && window.__csp")
        .await
        .to_string();
    for directive in ["script-src", "img-src", "frame-src"] {
        assert!(
            violations.contains(directive),
            "no {directive} violation: {violations}"
        );
    }
    assert_eq!(page.eval("return window.__ran").await, json!([]));
    // The browser blocked each load before it left: DevTools reports the request as failed
    // for the CSP, and never an answer.
    let mut log = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        log.extend(page.network_requests().await);
        let tried: Vec<&NetworkRequest> = log
            .iter()
            .filter(|r| r.event == "Network.requestWillBeSent" && r.url.contains("evil.example"))
            .collect();
        let unblocked: Vec<&&NetworkRequest> = tried
            .iter()
            .filter(|t| {
                !log.iter().any(|r| {
                    r.request_id == t.request_id
                        && r.event == "Network.loadingFailed"
                        && r.blocked_reason == "csp"
                })
            })
            .collect();
        if tried.len() >= 2 && unblocked.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "loads of another origin not blocked by the CSP: {unblocked:#?}\n{log:#?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let answered: Vec<_> = log
        .iter()
        .filter(|r| r.event == "Network.responseReceived" && r.url.contains("evil.example"))
        .collect();
    assert!(
        answered.is_empty(),
        "answers from another origin: {answered:#?}"
    );
}
