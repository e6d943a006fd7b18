//! A panic never leaves a blank or frozen page: it shows a message (role=alert) with the
//! current link to copy and a Reset link that reloads the page with the defaults and forgets
//! the saved scenario. The trigger exists only in a test build:
//!
//!     source scripts/env && trunk build index.html --release --offline \
//!         --features panic-trigger --dist target/dist-panic
//!
//! (scripts/test builds it). `CREDFLOW_PANIC_DIST` names another directory. The shipped
//! build (`CREDFLOW_DIST`, default dist/) must not contain the trigger at all.

use std::path::{Path, PathBuf};

use credflow_e2e::{dist_dir, DistCopy, Harness, Options};
use serde_json::json;

/// The test build with the `panic-trigger` feature.
fn panic_dist() -> PathBuf {
    match std::env::var_os("CREDFLOW_PANIC_DIST") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/dist-panic"),
    }
}

/// The name of the trigger event, as the bytes a build that has it must contain.
const TRIGGER: &[u8] = b"credflow-test-panic";

/// The legacy client and one share: unlike the defaults.
const LINK: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~domain-computers";

fn wasm_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
            (p, bytes)
        })
        .collect::<Vec<_>>();
    assert!(!entries.is_empty(), "no .wasm in {}", dir.display());
    entries
}

fn is_wasm(file: &Path) -> bool {
    file.extension().is_some_and(|x| x == "wasm")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn require_panic_dist() -> PathBuf {
    let dist = panic_dist();
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the test page first: `source scripts/env && trunk build \
         index.html --release --offline --features panic-trigger --dist target/dist-panic` \
         (scripts/test does), or set CREDFLOW_PANIC_DIST",
        dist.display()
    );
    dist
}

#[test]
fn the_shipped_wasm_does_not_contain_the_panic_trigger() {
    for (path, bytes) in wasm_files(&dist_dir()) {
        assert!(
            !contains(&bytes, TRIGGER),
            "{} contains \"credflow-test-panic\": the shipped build has the test-only trigger",
            path.display()
        );
    }
    // The search finds the trigger where it is, so its absence above means something.
    let found = wasm_files(&require_panic_dist())
        .iter()
        .any(|(_, bytes)| contains(bytes, TRIGGER));
    assert!(
        found,
        "the panic-trigger build has no \"credflow-test-panic\" in its wasm"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shipped_page_ignores_the_trigger_event() {
    let page = Harness::start_with(Options::default()).await;
    page.open(LINK).await;
    page.wait_for("#diagram svg").await;
    page.eval("window.dispatchEvent(new Event('credflow-test-panic'))")
        .await;
    // Still working: a choice changes the verdict; and no crash message appeared.
    let before = page.text("#verdict").await;
    page.choose_in("client", "client-cm07").await;
    page.wait_verdict_change(&before).await;
    assert_eq!(
        page.eval("return document.getElementById('crash')").await,
        serde_json::Value::Null
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_shows_a_message_with_the_link_and_a_reset_that_restores_the_defaults() {
    let dist = require_panic_dist();
    let page = Harness::start_with(Options {
        root: Some(dist),
        ..Options::default()
    })
    .await;

    // The defaults, for comparison after Reset.
    page.open("").await;
    page.wait_for("#diagram svg").await;
    let default_verdict = page.text("#verdict").await;

    // A scenario the user worked on: opened from a link, then changed, so it is saved.
    page.open(LINK).await;
    page.wait_for("#diagram svg").await;
    page.click("#tab-runtime").await;
    page.click("label[for='logon-user']").await;
    page.wait_until(
        "localStorage.getItem('credflow.scenario') === location.hash.slice(1) \
         && location.hash.includes('logon=user')",
    )
    .await;
    let href = page.eval("return location.href").await;
    let href = href.as_str().expect("location.href").to_string();
    assert!(
        href.contains("client=legacy") && href.contains("logon=user"),
        "{href}"
    );
    let scenario_verdict = page.text("#verdict").await;
    assert_ne!(
        scenario_verdict, default_verdict,
        "the test scenario must differ from the defaults"
    );

    page.eval("window.dispatchEvent(new Event('credflow-test-panic'))")
        .await;

    // The message: an alert with a heading, the link in a field, and Reset.
    let crash = page.wait_for("#crash[role=alert]").await;
    assert!(
        crash.is_displayed().await.expect("is #crash displayed"),
        "the crash message is not visible"
    );
    let text = crash.text().await.expect("crash text");
    assert!(text.contains("went wrong"), "{text}");
    let field = page
        .wait_until("document.querySelector('#crash input')?.value")
        .await;
    assert_eq!(
        field,
        json!(href),
        "the field holds the current link, fragment and all"
    );
    let reset = page
        .wait_until("document.querySelector('#crash a')?.getAttribute('href')")
        .await;
    let reset = reset.as_str().unwrap_or_default().to_string();
    assert!(reset.ends_with("?reset"), "Reset points at {reset}");
    let reset_text = page.text("#crash a").await;
    assert_eq!(reset_text, "Reset");
    // The panic's own text is there for a bug report.
    assert!(
        page.eval("return document.querySelector('#crash details').textContent")
            .await
            .as_str()
            .unwrap_or_default()
            .contains("test panic requested"),
        "the details do not say what panicked"
    );

    // Following Reset: a working page with the defaults, and the saved scenario forgotten.
    page.click("#crash a").await;
    page.wait_until(
        "!document.getElementById('crash') && document.getElementById('verdict')?.innerText",
    )
    .await;
    page.wait_for("#diagram svg").await;
    assert_eq!(
        page.eval("return localStorage.getItem('credflow.scenario')")
            .await,
        serde_json::Value::Null,
        "Reset did not clear the saved scenario"
    );
    assert_eq!(page.text("#verdict").await, default_verdict);
    assert_eq!(
        page.eval("return document.getElementById('client-advanced').checked")
            .await,
        json!(true)
    );
    // The address is clean again (no ?reset to repeat on reload, no fragment).
    assert_eq!(
        page.eval("return location.search + location.hash").await,
        json!(""),
    );
    // And it works: a choice changes the verdict.
    page.choose_in("program", "installer-msi-user").await;
    page.wait_verdict_change(&default_verdict).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_whose_webassembly_cannot_start_says_so_instead_of_staying_blank() {
    // The WebAssembly can fail to start before any Rust runs, so before the panic hook: a
    // cached index.html naming files a new deployment removed (404), a download cut short
    // (a truncated module), a browser or policy that refuses to compile WebAssembly.
    for (case, dist) in [
        (
            "a missing .wasm (404)",
            DistCopy::new("no-wasm", |file| {
                if is_wasm(file) {
                    std::fs::remove_file(file).expect("remove");
                }
            }),
        ),
        (
            "a truncated .wasm",
            DistCopy::new("cut-wasm", |file| {
                if is_wasm(file) {
                    let bytes = std::fs::read(file).expect("read");
                    std::fs::write(file, &bytes[..bytes.len().min(1000)]).expect("write");
                }
            }),
        ),
    ] {
        let page = Harness::start_with(Options {
            root: Some(dist.0.clone()),
            ..Options::default()
        })
        .await;
        page.open(LINK).await;
        // Something a person can read and act on, not an empty page.
        let deadline = std::time::Instant::now() + credflow_e2e::TIMEOUT;
        loop {
            let shown = page
                .eval(
                    "const a = document.querySelector('[role=alert]');\
                     return a ? a.innerText.trim() : ''",
                )
                .await;
            if !shown.as_str().unwrap_or_default().is_empty() {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{case}: the page stays blank ({:?}): nothing tells the user that credflow \
                 could not start (public/boot.js must catch a failed import or init)",
                page.eval("return document.body.innerText").await
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}
