//! What leaves the page besides the link, as a trainer uses it: the embed view shows the fix, every button named "Copy" really copies, the files
//! are named after the scenario, the printout carries the sources and the scenario's link,
//! and the "Link copied" box does not move the header's buttons.

use std::time::Duration;

use credflow_e2e::{file_stem, Downloads, Harness};
use serde_json::{json, Value};

/// Classic case 4: the Legacy Client's token account cannot reach a share.
const LINK_4: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embed_view_shows_the_fix() {
    let page = Harness::opened_at(&format!("{LINK_4}&view=embed"), "#diagram svg").await;
    let plan: Value =
        serde_json::from_str(&credflow_e2e::credflow_cli(&["plan", "--json", LINK_4]).1)
            .expect("the plan as JSON");
    let fix = plan["steps"][3]["fix"].as_str().expect("step 4 has a fix");
    let shown = page
        .eval(
            "const f = document.querySelector('#verdict .verdict-fix');\
             return f && f.checkVisibility() ? f.innerText : null",
        )
        .await;
    assert_eq!(shown, json!(format!("Fix: {fix}")), "the embed view's fix");
}

/// Lets the page use the clipboard without asking, as a person who allowed it would.
async fn allow_clipboard(page: &Harness) {
    page.cdp(
        "Browser.grantPermissions",
        json!({
            "origin": page.origin(),
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
        }),
    )
    .await
    .expect("grant clipboard permissions");
}

/// Puts "(nothing)" on the clipboard, so that a copy that copies nothing shows.
async fn clear_clipboard(page: &Harness) {
    page.eval("return navigator.clipboard.writeText('(nothing)')")
        .await;
}

async fn clipboard(page: &Harness) -> String {
    page.eval_async("return await navigator.clipboard.readText();", vec![])
        .await
        .as_str()
        .unwrap_or_else(|| panic!("read the clipboard"))
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_button_named_copy_puts_its_text_on_the_clipboard() {
    let page = Harness::start().await;
    allow_clipboard(&page).await;
    page.open(LINK_4).await;
    page.wait_for("#diagram svg").await;
    // The export bar: a button that says "Copy" copies; one that opens a panel says so.
    let names = page
        .eval("return [...document.querySelectorAll('.export-bar button')].map(b => b.innerText.trim())")
        .await;
    for (i, name) in names.as_array().unwrap().iter().enumerate() {
        let name = name.as_str().unwrap();
        clear_clipboard(&page).await;
        if name.starts_with("Copy") {
            page.click(&format!(".export-bar button:nth-child({})", i + 1))
                .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert_ne!(
                clipboard(&page).await,
                "(nothing)",
                "\"{name}\" copies nothing"
            );
        }
    }
    page.click("#embed-code").await;
    assert_eq!(
        page.eval("return document.getElementById('embed-code').getAttribute('aria-expanded')")
            .await,
        json!("true")
    );
    // Each wiki's snippets: "Copy" puts exactly the code shown on the clipboard.
    let wikis = page
        .wait_until("[...document.querySelectorAll('#embed-wiki option')].map(o => o.value)")
        .await;
    let mut copied = 0;
    for wiki in wikis.as_array().unwrap() {
        page.select("embed-wiki", wiki.as_str().unwrap()).await;
        page.wait_until(&format!(
            "document.getElementById('embed-wiki').value === {wiki}"
        ))
        .await;
        let ids = page
            .wait_until("[...document.querySelectorAll('#embed-panel textarea')].map(t => t.id)")
            .await;
        for id in ids.as_array().unwrap() {
            let id = id.as_str().unwrap();
            clear_clipboard(&page).await;
            page.click(&format!("#{id}-copy")).await;
            page.wait_until(&format!(
                "document.getElementById('{id}-copy').innerText.trim() === 'Copied'"
            ))
            .await;
            let shown = page
                .eval(&format!("return document.getElementById('{id}').value"))
                .await;
            assert_eq!(json!(clipboard(&page).await), shown, "{wiki}: {id}");
            copied += 1;
        }
    }
    assert!(copied >= 7, "only {copied} snippets");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloads_are_named_after_the_scenario() {
    let (page, downloads) = Downloads::opened_at(LINK_4).await;
    page.click("#export-svg").await;
    page.click("#export-png").await;
    let stem = file_stem(LINK_4);
    assert_eq!(stem, "credflow-legacy-fails-connect-share");
    assert_eq!(
        downloads.wait_count(2).await,
        [format!("{stem}.png"), format!("{stem}.svg")]
    );
    // The dark SVG, for GitHub's and GitLab's <picture>: `credflow render --dark`'s bytes.
    page.click("#embed-code").await;
    page.wait_for("#embed-wiki").await;
    page.select("embed-wiki", "git").await;
    page.click("#embed-download-dark").await;
    let names = downloads.wait_count(3).await;
    assert!(names.contains(&format!("{stem}-dark.svg")), "{names:?}");
    let dark = std::fs::read_to_string(downloads.dir().join(format!("{stem}-dark.svg"))).unwrap();
    let (code, expected, _) = credflow_e2e::credflow_cli(&["render", LINK_4, "--dark"]);
    assert_eq!(code, 0);
    assert!(
        dark == expected,
        "the dark SVG differs from credflow render --dark"
    );
    // Another scenario, another name.
    page.open("#v=1").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.click("#export-svg").await;
    let names = downloads.wait_count(4).await;
    assert!(
        names.contains(&"credflow-advanced-ok.svg".to_string()),
        "{names:?}"
    );
}

/// Classic case 8: the Legacy Client on a domain controller; the lesson is its warning that
/// the token account can be locked out for every domain controller.
const LINK_8: &str = "#v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lock_out_warning_goes_into_the_downloaded_diagram_and_the_printout() {
    let (page, downloads) = Downloads::opened_at(LINK_8).await;
    let warning = page.text("#verdict .verdict-warning").await;
    assert!(warning.contains("lock it out"), "{warning}");
    // The file a trainer downloads (and so the PNG, drawn from it) says it in full.
    page.click("#export-svg").await;
    let names = downloads.wait_count(1).await;
    let svg = std::fs::read_to_string(downloads.dir().join(&names[0])).unwrap();
    let lines: Vec<&str> = svg
        .split("<text class=\"wn\"")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split_once("</text>")))
        .map(|(line, _)| line)
        .collect();
    assert_eq!(
        lines.join(" ").replace("&amp;", "&"),
        format!("⚠ {warning}"),
        "the warning in {}",
        names[0]
    );
    // On paper, beside the verdict.
    page.print_media(true).await;
    assert_eq!(
        page.rendered(&["#verdict .verdict-warning", "#diagram svg .wn"])
            .await,
        json!({ "#verdict .verdict-warning": true, "#diagram svg .wn": true }),
        "printed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_printout_names_the_sources_and_the_scenarios_link() {
    let page = Harness::opened_at(LINK_4, "#sources a").await;
    let link = format!("{}{LINK_4}", page.page_url());
    page.print_media(true).await;
    let printed = page
        .rendered(&["#sources", "#sources table", ".print-link"])
        .await;
    assert_eq!(
        printed,
        json!({ "#sources": true, "#sources table": true, ".print-link": true }),
        "printed"
    );
    // The scenario's link, in full.
    assert_eq!(
        page.text(".print-link").await,
        format!("This scenario: {link}")
    );
    // Each source's address follows its title (paper has no links to follow).
    let sources = page
        .eval(
            "return [...document.querySelectorAll('#sources td a')]\
               .map(a => [getComputedStyle(a, '::after').content, a.href])",
        )
        .await;
    assert!(sources.as_array().unwrap().len() > 5, "{sources}");
    for source in sources.as_array().unwrap() {
        let (content, href) = (source[0].as_str().unwrap(), source[1].as_str().unwrap());
        assert!(
            content.contains(href),
            "the printout does not give the address {href}: {content}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_link_copied_box_does_not_move_the_header_buttons() {
    let page = Harness::opened_at(LINK_4, "#diagram svg").await;
    let buttons = "return ['#copy-link', '#reset', '#theme-toggle'].map(css => {\
                     const r = document.querySelector(css).getBoundingClientRect();\
                     return [Math.round(r.x), Math.round(r.y), Math.round(r.width)];\
                   })";
    for width in [1366, 1280, 1024, 800, 360] {
        page.client()
            .set_window_size(width, 900)
            .await
            .expect("resize the window");
        page.open(LINK_4).await;
        page.wait_for("#diagram svg").await;
        let before = page.eval(buttons).await;
        page.click("#copy-link").await;
        page.wait_for("#copied-link").await;
        let after = page.eval(buttons).await;
        assert_eq!(before, after, "at {width} px the header's buttons moved");
    }
}
