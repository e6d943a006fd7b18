//! The prerendered first paint: a first visit (no link, nothing saved) sees the default page,
//! inert, before the WebAssembly has started, and the app then replaces it exactly where it
//! stood; a link, a saved scenario or a query string never shows it. The build writes it into
//! index.html (scripts/prerender) and public/first.js decides.

use std::path::Path;

use credflow_e2e::{link_with_shares, DistCopy, Harness, Options};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// dist/ with the app's loader replaced by one that does nothing (and index.html without the
/// loader's integrity hash, so that it loads without an error: a loader that fails to load is a
/// failed start, which the page reports): the page loads and the app never starts, so what a
/// visit shows before the app is there to inspect.
fn without_the_app() -> DistCopy {
    DistCopy::new("no-app", |file: &Path| {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("boot-") && name.ends_with(".js") {
            std::fs::write(file, "// the app is held back\n").expect("write");
        }
        if name == "index.html" {
            let page = std::fs::read_to_string(file).expect("read index.html");
            let tag = page
                .find("<script src=\"./boot-")
                .expect("the loader's script tag");
            let end = tag + page[tag..].find('>').expect("its end");
            let loader = &page[tag..end];
            let at = loader.find(" integrity=\"").expect("its integrity hash");
            let hash_end = at
                + 1
                + loader[at + 1..]
                    .find("\" ")
                    .map_or(loader.len() - at - 1, |e| e + 1);
            let held = format!("{}{}", &loader[..at], &loader[hash_end..]);
            std::fs::write(file, page.replacen(loader, &held, 1)).expect("write index.html");
        }
    })
}

async fn serve(dist: &DistCopy) -> Harness {
    Harness::start_with(Options {
        root: Some(dist.0.clone()),
        ..Options::default()
    })
    .await
}

/// Loads the page without waiting for the app (`Harness::open` waits for it).
async fn visit(page: &Harness, fragment: &str) {
    page.client()
        .goto("about:blank")
        .await
        .expect("about:blank");
    let url = format!("{}/{fragment}", page.origin());
    page.client().goto(&url).await.expect("open the page");
}

/// Opens the page as a first visit and waits until first.js has shown the prerendered page.
async fn first_visit(page: &Harness) {
    visit(page, "").await;
    page.wait_until("document.documentElement.classList.contains('prerendered')")
        .await;
}

/// What a person sees of the page: where the main parts stand and what they say.
const SEEN: &str = "
const box = (css) => {
  const el = document.querySelector(css);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
};
return {
  header: box('.site-header'), wizard: box('.wizard'), verdict: box('#verdict'),
  diagram: box('#diagram svg'),
  verdictText: document.querySelector('#verdict')?.innerText ?? null,
  tabs: document.querySelector('[role=tablist]')?.innerText ?? null,
  panel: document.querySelector('[role=tabpanel]:not([hidden])')?.innerText ?? null,
  svg: document.querySelector('#diagram svg')?.outerHTML ?? null,
  chosen: [...document.querySelectorAll('input:checked')].map((i) => i.id),
  disabled: [...document.querySelectorAll('input:disabled')].map((i) => i.id),
  darkMode: document.getElementById('theme-toggle')?.getAttribute('aria-pressed') ?? null,
  background: getComputedStyle(document.body).backgroundColor,
};";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_visit_sees_the_default_page_before_the_app_starts_and_cannot_act_on_it() {
    let dist = without_the_app();
    let page = serve(&dist).await;
    first_visit(&page).await;
    let seen = page.eval(SEEN).await;
    let verdict = seen["verdictText"].as_str().unwrap_or_default();
    assert!(verdict.contains("Succeeds"), "the default verdict: {seen}");
    let diagram = &seen["diagram"];
    assert!(
        diagram[2].as_i64().unwrap_or(0) > 300 && diagram[3].as_i64().unwrap_or(0) > 100,
        "the diagram is drawn on screen: {seen}"
    );
    let svg = seen["svg"].as_str().unwrap_or_default();
    assert!(
        svg.contains("SMS 2003 Advanced Client — succeeds"),
        "the default scenario's diagram: {}",
        &svg[..svg.len().min(400)]
    );
    // The diagram is marked as shown, and the app has drawn nothing.
    let marks = page
        .eval(
            "return ['credflow:first-diagram', 'credflow:app-diagram']\
             .map((m) => performance.getEntriesByName(m).length)",
        )
        .await;
    assert_eq!(marks, json!([1, 0]), "marks: first diagram, app's diagram");
    // Inert until the app replaces it: a click on an option chooses nothing, and the keyboard
    // reaches nothing.
    let chosen =
        "return [...document.querySelectorAll('#prerender input:checked')].map((i) => i.id)";
    let before = page.eval(chosen).await;
    assert!(before.as_array().is_some_and(|a| a.len() > 3), "{before}");
    let at = page
        .eval(
            "const radio = document.querySelector('#prerender input[type=radio]:not(:checked)');\
             const r = (radio.closest('label') || radio).getBoundingClientRect();\
             return [r.x + r.width / 2, r.y + r.height / 2]",
        )
        .await;
    for kind in ["mousePressed", "mouseReleased"] {
        page.cdp(
            "Input.dispatchMouseEvent",
            json!({ "type": kind, "x": at[0], "y": at[1], "button": "left", "clickCount": 1 }),
        )
        .await
        .expect("a mouse click");
    }
    page.press_keys(&[Key::Tab; 3]).await;
    assert_eq!(page.eval(chosen).await, before, "a click chose an option");
    let acted = page
        .eval(
            "return { focused: document.activeElement.closest('#prerender') !== null,\
                      inert: document.getElementById('prerender').inert }",
        )
        .await;
    assert_eq!(
        acted,
        json!({ "focused": false, "inert": true }),
        "the keyboard reached the prerendered page"
    );
}

/// What a visit shows before the app: whether the prerendered page is there and shown, which
/// of its parts are visible, the diagram's title and whether it is the embed view's.
const BEFORE_THE_APP: &str = "
const prerender = document.getElementById('prerender');
const visible = (css) => {
  const el = prerender && prerender.querySelector(css);
  return !!el && getComputedStyle(el).visibility === 'visible' && el.getClientRects().length > 0;
};
return {
  prerender: !!prerender,
  shown: document.documentElement.classList.contains('prerendered'),
  wizard: visible('.wizard'),
  verdict: visible('#verdict'),
  title: prerender?.querySelector('.diagram svg title')?.textContent ?? null,
  embed: !!prerender?.querySelector('main.embed'),
  marks: performance.getEntriesByName('credflow:first-diagram').length,
};";

/// The diagram's title for a link, as the core draws it.
fn title_of(link: &str) -> String {
    let scenario = credflow_core::decode(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let svg = credflow_core::render(&scenario);
    let start = svg.find("<title>").expect("a title") + "<title>".len();
    let end = svg[start..].find("</title>").expect("its end") + start;
    svg[start..end].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_or_a_saved_scenario_shows_only_its_own_verdict_and_diagram_before_the_app() {
    let dist = without_the_app();
    let page = serve(&dist).await;
    let diagram_only = |link: &str, embed: bool| {
        json!({ "prerender": true, "shown": true, "wizard": false, "verdict": true,
                "title": title_of(link), "embed": embed, "marks": 1 })
    };
    for (fragment, embed) in [
        ("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users", false),
        ("v=1", false),
        ("v=1&client=cm07&view=embed", true),
    ] {
        visit(&page, &format!("#{fragment}")).await;
        page.wait_until("performance.getEntriesByName('credflow:first-diagram').length > 0")
            .await;
        assert_eq!(
            page.eval(BEFORE_THE_APP).await,
            diagram_only(fragment, embed),
            "opened with #{fragment}"
        );
    }
    // A returning visitor sees the diagram of the scenario saved in this browser.
    visit(&page, "").await;
    page.eval("localStorage.setItem('credflow.scenario', 'v=1&client=cm07'); return true")
        .await;
    visit(&page, "").await;
    page.wait_until("performance.getEntriesByName('credflow:first-diagram').length > 0")
        .await;
    assert_eq!(
        page.eval(BEFORE_THE_APP).await,
        diagram_only("v=1&client=cm07", false),
        "a saved scenario"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_draws_a_links_verdict_and_diagram_where_its_preview_stood_and_the_same() {
    let held = without_the_app();
    let previewed = serve(&held).await;
    let diagram = "const box = (el) => { const r = el.getBoundingClientRect();\
                     return [Math.round(r.x), Math.round(r.y), Math.round(r.width)]; };\
                   const svg = document.querySelector('#diagram svg');\
                   const verdict = document.querySelector('#verdict');\
                   return { box: box(svg), svg: svg.outerHTML, verdictBox: box(verdict),\
                            verdict: verdict.innerText, outcome: verdict.dataset.outcome }";
    for fragment in [
        "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users",
        "#v=1&client=cm07&os=vista&installer=msi-user&view=embed",
    ] {
        visit(&previewed, fragment).await;
        previewed
            .wait_until("performance.getEntriesByName('credflow:first-diagram').length > 0")
            .await;
        let before = previewed.eval(diagram).await;
        // A fresh browser: nothing saved, so no notice above the verdict.
        let page = Harness::opened_at(fragment, "#diagram svg").await;
        let after = page.eval(diagram).await;
        for key in ["svg", "verdict", "outcome", "box", "verdictBox"] {
            assert_eq!(
                before[key], after[key],
                "{fragment}: `{key}` changed or moved"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_names_in_a_links_preview_are_text_and_never_run() {
    let dist = without_the_app();
    let page = serve(&dist).await;
    page.before_every_page(
        "window.__ran = false; window.alert = () => { window.__ran = true; };\
         document.addEventListener('securitypolicyviolation', () => { window.__ran = true; });",
    )
    .await;
    let uncs = [
        r"\\srv\&lt;img src=x onerror=alert(1)&gt;",
        r"\\srv\' onmouseover='alert(1)' x='",
        r"\\srv\%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        r"\\srv\]]&gt; &#x27; ; & = {{7+7}} ${7+7}",
    ];
    for view in ["", "&view=embed"] {
        let link = format!("{}{view}", link_with_shares("client=legacy", &uncs));
        visit(&page, &link).await;
        page.wait_until("performance.getEntriesByName('credflow:first-diagram').length > 0")
            .await;
        let seen = page
            .eval_args(
                "const text = document.querySelector('#prerender .diagram').textContent;\
                 return { ran: window.__ran,\
                          missing: arguments[0].filter((u) => !text.includes(u)),\
                          elements: document.querySelectorAll('#prerender :is(.diagram, .verdict) :is(img, script, iframe, foreignObject)').length }",
                vec![json!(uncs)],
            )
            .await;
        assert_eq!(
            seen,
            json!({ "ran": false, "missing": [], "elements": 0 }),
            "{link}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_a_comparison_a_bad_link_or_a_query_shows_nothing_before_the_app() {
    let dist = without_the_app();
    let page = serve(&dist).await;
    // Whether the visit asks for the preview's WebAssembly at all: only a link the core must
    // read to know that it cannot draw it.
    for (fragment, asks) in [
        // A question's outcomes stay hidden until it is answered.
        ("#v=1&client=legacy&quiz=1", false),
        ("#v=1&b.client=legacy", false),
        (
            "#v=1&share=%5C%5Cfs01%5Capps~users&b%2Eclient=legacy",
            false,
        ),
        ("#v=1&client=nonsense", true),
        ("?embed", false),
    ] {
        visit(&page, fragment).await;
        page.wait_until("document.readyState === 'complete'").await;
        let asked = "performance.getEntriesByType('resource')\
                     .filter((r) => /credflow-preview/.test(r.name))";
        // Long enough for the preview's files to arrive, were they asked for.
        page.wait_until(&format!("{asked}.every((r) => r.responseEnd > 0)"))
            .await;
        page.settle().await;
        let seen = page.eval(BEFORE_THE_APP).await;
        assert_eq!(
            (&seen["shown"], &seen["marks"], &seen["title"]),
            (&json!(false), &json!(0), &Value::Null),
            "opened with {fragment}: {seen}"
        );
        let files = page.eval(&format!("return {asked}.length")).await;
        assert_eq!(
            files,
            json!(if asks { 1 } else { 0 }),
            "opened with {fragment}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_theme_applies_before_the_app_starts() {
    let dist = without_the_app();
    let page = serve(&dist).await;
    visit(&page, "").await;
    page.eval("localStorage.setItem('credflow.theme', 'dark'); return true")
        .await;
    first_visit(&page).await;
    let theme = page
        .eval("return document.documentElement.dataset.theme ?? null")
        .await;
    assert_eq!(theme, json!("dark"));
    let background = page
        .eval("return getComputedStyle(document.body).backgroundColor")
        .await;
    assert_ne!(background, json!("rgb(255, 255, 255)"), "a dark page");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_replaces_the_prerendered_page_exactly_where_it_stood() {
    let held = without_the_app();
    let prerendered = serve(&held).await;
    let page = Harness::start().await;
    for scheme in ["light", "dark"] {
        prerendered.prefer_color_scheme(scheme).await;
        first_visit(&prerendered).await;
        let before = prerendered.eval(SEEN).await;
        page.prefer_color_scheme(scheme).await;
        page.open("").await;
        page.wait_for("#diagram svg").await;
        let after = page.eval(SEEN).await;
        for key in [
            "header",
            "wizard",
            "verdict",
            "diagram",
            "verdictText",
            "tabs",
            "panel",
            "svg",
            "chosen",
            "disabled",
            "darkMode",
            "background",
        ] {
            assert_eq!(
                before[key], after[key],
                "{scheme}: `{key}` moved or changed when the app took over"
            );
        }
        assert!(before["svg"].as_str().is_some_and(|s| s.len() > 1000));
        assert_eq!(before["darkMode"], json!((scheme == "dark").to_string()));
    }
    // One page, the app's: nothing of the prerendered one is left, and it acts.
    let counts = page
        .eval(
            "return { prerender: document.querySelectorAll('#prerender').length,\
                      diagrams: document.querySelectorAll('#diagram').length,\
                      verdicts: document.querySelectorAll('#verdict').length,\
                      app: performance.getEntriesByName('credflow:app-diagram').length }",
        )
        .await;
    assert_eq!(
        counts,
        json!({ "prerender": 0, "diagrams": 1, "verdicts": 1, "app": 1 })
    );
    let default_verdict: Value = page
        .eval("return document.querySelector('#verdict').innerText")
        .await;
    page.choose_in("program", "installer-msi-user").await;
    page.wait_verdict_change(default_verdict.as_str().unwrap_or_default())
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_visit_whose_webassembly_is_missing_gets_the_message_not_a_dead_page() {
    let dist = DistCopy::new("no-wasm-first", |file: &Path| {
        if file.extension().is_some_and(|x| x == "wasm") {
            std::fs::remove_file(file).expect("remove");
        }
    });
    let page = serve(&dist).await;
    visit(&page, "").await;
    let alert = page
        .wait_until("document.getElementById('boot-error')?.innerText")
        .await;
    assert!(
        alert
            .as_str()
            .unwrap_or_default()
            .contains("could not start"),
        "{alert}"
    );
    // The inert page that could never act is gone; the message is what shows.
    assert_eq!(
        page.eval("return !!document.getElementById('prerender')")
            .await,
        json!(false)
    );
}
