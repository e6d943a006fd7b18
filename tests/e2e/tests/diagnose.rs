//! The Diagnose panel (issue 16) in the shipped page: a log read against the scenario marks
//! the step it is evidence for, with its line numbers; a share or a client the log names and
//! the scenario lacks is offered in one click, and Undo restores the scenario; empty and
//! unreadable logs say why; a 5 MB log is read without the page giving up; the log stays out
//! of the link and storage; and axe finds nothing wrong in the panel. (That nothing leaves the
//! page while diagnosing: tests/network.rs's whole session uses the panel.)
//!
//! The logs are the core's fixture files (crates/core/tests/fixtures), each line one of the
//! core's sourced fixtures.

use credflow_e2e::{Harness, Options};
use serde_json::{json, Value};

const FS01: &str = include_str!("../../../crates/core/tests/fixtures/legacy-fs01-denied.log");
const FS02: &str = include_str!("../../../crates/core/tests/fixtures/legacy-fs02-denied.log");
const SMSAPM32: &str = include_str!("../../../crates/core/tests/fixtures/smsapm32.log");

/// The Legacy Client reading `\\fs01\apps`, which Users may read.
const LEGACY_FS01: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users";

/// Opens `link`, opens the panel, pastes `log` and asks for the diagnosis; waits for it.
async fn diagnose(page: &Harness, link: &str, log: &str) {
    page.open(link).await;
    page.wait_for("#diagram svg").await;
    open_panel(page).await;
    paste(page, log).await;
    page.click("#diagnose-run").await;
    page.wait_for("#diagnose-steps li").await;
}

/// Opens the panel and waits for its module to draw it.
async fn open_panel(page: &Harness) {
    page.click("#diagnose-panel summary").await;
    page.wait_for("#diagnose-log").await;
}

async fn paste(page: &Harness, log: &str) {
    page.eval_args(
        "document.getElementById('diagnose-log').value = arguments[0]",
        vec![json!(log)],
    )
    .await;
}

/// The plan step of the panel's list whose name is `name`: its number and text.
async fn step_named(page: &Harness, name: &str) -> (u64, String) {
    let v = page
        .eval_args(
            "const li = [...document.querySelectorAll('#diagnose-steps > li')]\
               .find(li => li.querySelector('.diagnose-step-link').textContent.endsWith(arguments[0]));\
             return li ? [Number(li.dataset.step), li.innerText] : null;",
            vec![json!(name)],
        )
        .await;
    let pair = v.as_array().unwrap_or_else(|| panic!("no step {name}"));
    (
        pair[0].as_u64().unwrap(),
        pair[1].as_str().unwrap().to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_legacy_access_denied_line_marks_the_connect_step_of_its_share_with_its_line() {
    let page = Harness::start().await;
    diagnose(&page, LEGACY_FS01, FS01).await;
    let (n, text) = step_named(&page, r"Connect to \\fs01\apps").await;
    assert!(text.contains("Line 1"), "{text}");
    assert!(text.contains(r"Access denied on \\fs01\apps"), "{text}");
    // Every other step: no evidence.
    let silent = page
        .eval("return [...document.querySelectorAll('#diagnose-steps > li.no-evidence')].length")
        .await;
    let all = page
        .eval("return document.querySelectorAll('#diagnose-steps > li').length")
        .await;
    assert_eq!(silent.as_u64().unwrap() + 1, all.as_u64().unwrap());
    // The step is selected and marked as the page marks a selected step: its chip pressed,
    // the diagram's row, the details; the chip and the details name the log's line.
    let chip = page
        .wait_for_text(&format!(".step-chip[data-step='{n}']"), "log: line 1")
        .await;
    assert!(chip.contains(r"\\fs01\apps"), "{chip}");
    page.wait_until(&format!(
        "document.querySelector(\".step-chip[data-step='{n}']\").getAttribute('aria-pressed') === 'true'"
    ))
    .await;
    page.wait_until(&format!(
        "document.querySelector('#diagram.has-sel .sel[data-step=\"{n}\"]')"
    ))
    .await;
    let details = page
        .wait_for_text(
            &format!("#step-details[data-step='{n}'] .log-evidence"),
            "Line 1",
        )
        .await;
    assert!(details.contains("Access denied"), "{details}");
    // The line itself: number, component, time, severity, the code decoded with its source.
    let row = page.text("#diagnose-lines tr[data-line='1']").await;
    for needed in [
        "SMSAPM32",
        "10:04:44.212",
        "warning",
        "2147942405",
        "0x80070005",
        &format!("Step {n}"),
    ] {
        assert!(row.contains(needed), "{needed} missing in {row:?}");
    }
    // "Copy a redacted excerpt": the line with the server's name replaced.
    page.eval(
        "navigator.clipboard.writeText = text => { window.__copied = text; return Promise.resolve(); }",
    )
    .await;
    page.click("#diagnose-copy").await;
    page.wait_for_text("#diagnose-copied", "copied").await;
    let copied = page.eval("return window.__copied").await;
    let copied = copied.as_str().unwrap_or_default();
    assert!(copied.contains("(#2147942405)"), "{copied}");
    assert!(!copied.to_lowercase().contains("fs01"), "{copied}");
    // The log is in neither the link nor storage.
    let kept = page
        .eval(
            "return location.href + JSON.stringify(Object.entries(localStorage)) \
             + JSON.stringify(Object.entries(sessionStorage))",
        )
        .await;
    assert!(!kept.as_str().unwrap().contains("2147942405"), "{kept}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_share_the_log_names_is_added_in_one_click_and_undo_restores_the_scenario() {
    let page = Harness::start().await;
    diagnose(&page, LEGACY_FS01, FS02).await;
    let unplaced = page.text("#diagnose-unplaced").await;
    assert!(unplaced.contains(r"\\fs02\tools"), "{unplaced}");
    page.wait_for_text("#diagnose-offers", r"Add the share \\fs02\tools")
        .await;
    page.click("#diagnose-offers .diagnose-offer").await;
    page.wait_until("document.getElementById('diagram').textContent.includes('fs02')")
        .await;
    page.wait_until("location.hash.includes('fs02')").await;
    // Read again against the new scenario: the line is now evidence for the new share's step.
    let (_, text) = {
        page.wait_for_text("#diagnose-steps", r"Connect to \\fs02\tools")
            .await;
        step_named(&page, r"Connect to \\fs02\tools").await
    };
    assert!(text.contains("Line 1"), "{text}");
    page.click("#undo").await;
    page.wait_until("!document.getElementById('diagram').textContent.includes('fs02')")
        .await;
    page.wait_until("!location.hash.includes('fs02')").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_smsapm32_log_on_an_advanced_client_offers_the_legacy_client() {
    let page = Harness::start().await;
    diagnose(&page, "#v=1", SMSAPM32).await;
    let status = page.text("#diagnose-status").await;
    assert!(status.contains("Legacy Client"), "{status}");
    let offer = "Switch to the SMS 2003 Legacy Client";
    page.wait_for_text("#diagnose-offers", offer).await;
    let index = page
        .eval_args(
            "return [...document.querySelectorAll('.diagnose-offer')]\
               .findIndex(b => b.textContent === arguments[0])",
            vec![json!(offer)],
        )
        .await;
    page.click(&format!(
        "#diagnose-offers li:nth-child({}) .diagnose-offer",
        index.as_u64().unwrap() + 1
    ))
    .await;
    page.wait_until("location.hash.includes('client=legacy')")
        .await;
    page.wait_checked("client-legacy").await;
    page.click("#undo").await;
    page.wait_until("!document.getElementById('client-legacy').checked")
        .await;
    // The 0x525 of SMSAPM32.log is decoded.
    let row = page.text("#diagnose-lines tr[data-line='2']").await;
    assert!(row.contains("0x525"), "{row}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn empty_and_unreadable_logs_say_why_and_unknown_lines_are_listed() {
    let page = Harness::start().await;
    page.open(LEGACY_FS01).await;
    open_panel(&page).await;
    page.click("#diagnose-run").await;
    page.wait_for_text("#diagnose-status", "nothing to read")
        .await;
    // Text that is no log: said so, and its lines listed as they are, escaped.
    paste(&page, "hello\n<img src=x onerror=alert(1)>\n").await;
    page.click("#diagnose-run").await;
    page.wait_for_text("#diagnose-status", "None of the 2 lines")
        .await;
    let row = page.text("#diagnose-lines tr[data-line='2']").await;
    assert!(row.contains("<img src=x onerror=alert(1)>"), "{row}");
    assert!(row.contains("Not recognised"), "{row}");
    let injected = page
        .eval("return document.querySelectorAll('#diagnose img').length")
        .await;
    assert_eq!(injected, json!(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_5_mb_log_is_read_and_the_page_keeps_answering() {
    let page = Harness::start().await;
    page.open(LEGACY_FS01).await;
    open_panel(&page).await;
    let copies = 5 * 1024 * 1024 / FS01.len() + 1;
    page.eval_args(
        "document.getElementById('diagnose-log').value = arguments[0].repeat(arguments[1])",
        vec![json!(FS01), json!(copies)],
    )
    .await;
    page.click("#diagnose-run").await;
    // While the worker reads, the page answers scripts.
    let answered = page
        .eval("return document.getElementById('diagnose-status').textContent")
        .await;
    assert!(answered.as_str().is_some());
    let caption = page
        .wait_for_text("#diagnose-lines caption", "The first 500 entries")
        .await;
    assert!(
        caption.contains(&format!("{} more", copies - 500)),
        "{caption}"
    );
    let status = page.text("#diagnose-status").await;
    assert!(status.contains(&format!("{copies} entries")), "{status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_wrong_in_the_panel_with_a_diagnosis() {
    let page = Harness::start().await;
    diagnose(&page, LEGACY_FS01, &format!("{FS02}{FS01}")).await;
    page.wait_for("#diagnose-offers").await;
    let violations: Vec<String> = page
        .axe()
        .await
        .iter()
        .map(|v: &Value| format!("{} {}: {}", v["id"], v["help"], v["nodes"]))
        .collect();
    assert!(violations.is_empty(), "{violations:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_diagnosis_works_from_a_folder_of_the_server() {
    let page = Harness::start_with(Options {
        prefix: Some("/tools/credflow/".into()),
        ..Options::default()
    })
    .await;
    diagnose(&page, LEGACY_FS01, FS01).await;
    page.wait_for_text("#diagnose-steps", "Line 1").await;
    let asked: Vec<String> = page.requests().into_iter().map(|r| r.path).collect();
    assert!(
        asked.contains(&"/tools/credflow/credflow-diagnose_bg.wasm".to_string()),
        "{asked:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chosen_log_file_is_read_in_the_page_even_in_utf16() {
    let page = Harness::opened_at(LEGACY_FS01, "#diagram svg").await;
    open_panel(&page).await;
    // SMSAPM32.log as some Windows tools save it: UTF-16 with a byte-order mark.
    let dir = std::env::temp_dir().join(format!("credflow-diagnose-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("SMSAPM32.log");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(FS01.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).unwrap();
    page.wait_for("#diagnose-file")
        .await
        .send_keys(path.to_str().unwrap())
        .await
        .expect("choose the file");
    let (_, text) = {
        page.wait_for_text("#diagnose-steps", "Line 1").await;
        step_named(&page, r"Connect to \\fs01\apps").await
    };
    assert!(text.contains("Access denied"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
    // Only the page's own files were asked for: the file went nowhere.
    for r in page.requests() {
        assert_eq!(r.method, "GET", "{} {}", r.method, r.path);
        assert!(!r.path.contains("SMSAPM32"), "{}", r.path);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_log_file_dropped_on_the_box_is_read_in_the_page() {
    let page = Harness::opened_at(LEGACY_FS01, "#diagram svg").await;
    open_panel(&page).await;
    // A file dropped from Explorer, as the browser hands it to the page.
    page.eval_args(
        "const data = new DataTransfer();\
         data.items.add(new File([arguments[0]], 'SMSAPM32.log', { type: 'text/plain' }));\
         const area = document.getElementById('diagnose-log');\
         area.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));\
         area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));\
         return null;",
        vec![json!(FS01)],
    )
    .await;
    page.wait_for_text("#diagnose-steps", "Line 1").await;
    let (_, text) = step_named(&page, r"Connect to \\fs01\apps").await;
    assert!(text.contains("Access denied"), "{text}");
    // The file's text went into no request.
    for r in page.requests() {
        assert_eq!(r.method, "GET", "{} {}", r.method, r.path);
        assert!(!r.path.contains("SMSAPM32"), "{}", r.path);
    }
}
