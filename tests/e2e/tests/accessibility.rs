//! Read it without seeing it: the diagram as a list of its steps — the same in the
//! page, the embed view and the exported SVG's `<desc>` — in Chromium's accessibility tree with
//! every step's outcome and reason; the diagram's steps by keyboard with a visible focus; a new
//! verdict announced once; and axe-core with no violations in light and dark mode, on a laptop,
//! a phone and at 200% zoom.

use credflow_e2e::{assert_no_violations, credflow, js, Harness, Screen};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// Classic case 2: the share grants Domain Users only; step 4 fails.
const CASE_2: &str = "#v=1&share=%5C%5Cfs01%5Capps~domain-users";
/// Classic case 8: the Legacy Client on a domain controller; step 5 is not reached.
const CASE_8: &str = "#v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users";
/// Three shares: two at risk for the same reason, one failing, install not reached.
const NAA_SHARES: &str = "#v=1&naa=set&share=%5C%5Cfs01%5Capps~naa&share=%5C%5Cfs02%5Ctools~naa\
    &share=%5C%5Cfs03%5Cdrivers~";

/// The SVG's `<desc>` as a reader gets it: unescaped, one line each.
fn desc_lines(svg: &str) -> Vec<String> {
    let desc = &svg[svg.find("<desc>").unwrap() + 6..svg.find("</desc>").unwrap()];
    desc.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .lines()
        .map(str::to_string)
        .collect()
}

async fn open(page: &Harness, link: &str) {
    page.open(link).await;
    page.wait_for("#diagram svg").await;
    page.wait_for("#diagram-text li").await;
}

/// The diagram's text as the page lists it.
async fn listed(page: &Harness) -> Vec<String> {
    let v = page
        .eval("return [...document.querySelectorAll('#diagram-text li')].map(li => li.textContent)")
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_diagram_as_text_is_the_same_in_the_page_the_embed_and_the_export() {
    let page = Harness::start().await;
    for link in ["", CASE_2, CASE_8, NAA_SHARES] {
        let export = desc_lines(&credflow(&[
            "render",
            if link.is_empty() { "#v=1" } else { link },
        ]));
        // The title, then one line a step.
        let steps = &export[1..];
        open(&page, link).await;
        assert_eq!(listed(&page).await, steps, "{link:?}: the page's list");
        let embed = if link.is_empty() {
            "#v=1&view=embed".to_string()
        } else {
            format!("{link}&view=embed")
        };
        open(&page, &embed).await;
        assert_eq!(
            listed(&page).await,
            steps,
            "{link:?}: the embed view's list"
        );
    }
}

/// Every name, description and value in Chromium's accessibility tree, through the DevTools
/// protocol (`Accessibility.getFullAXTree`), with each node's role.
async fn accessibility_tree(page: &Harness) -> Vec<(String, String)> {
    let tree = page
        .cdp("Accessibility.getFullAXTree", json!({}))
        .await
        .expect("Accessibility.getFullAXTree");
    let text = |v: &Value| v["value"].as_str().unwrap_or_default().to_string();
    tree["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["ignored"] != json!(true))
        .map(|n| {
            let words = [text(&n["name"]), text(&n["description"]), text(&n["value"])]
                .join(" ")
                .trim()
                .to_string();
            (text(&n["role"]), words)
        })
        .collect()
}

async fn every_step_is_in_the_tree(page: &Harness, link: &str, what: &str) {
    let plan: Value = serde_json::from_str(&credflow(&["plan", "--json", link])).unwrap();
    let tree = accessibility_tree(page).await;
    let steps = plan["steps"].as_array().unwrap();
    // A list a screen reader can move through: one item a step.
    let items = tree.iter().filter(|(role, _)| role == "listitem").count();
    assert!(items >= steps.len(), "{what}: {items} list items");
    let reasons_given: Vec<&str> = steps
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    for step in steps {
        let n = step["n"].as_u64().unwrap();
        let outcome = match (
            step["reached"].as_bool().unwrap(),
            step["outcome"].as_str().unwrap(),
        ) {
            (false, _) => "not reached",
            (true, "ok") => "succeeds",
            (true, "fails") => "fails",
            (true, "at-risk") => "at risk",
            (true, other) => other,
        };
        let reason = step["reason"].as_str().unwrap();
        // The step's item in the list of the diagram's steps (a button, to open its details).
        let node = tree
            .iter()
            .filter(|(role, _)| role == "button")
            .map(|(_, words)| words)
            .find(|words| words.starts_with(&format!("Step {n}, ")))
            .unwrap_or_else(|| panic!("{what}: no button names step {n}"));
        assert!(
            node.contains(&format!("— {outcome}")),
            "{what}: step {n}'s node lacks its outcome {outcome:?}: {node}"
        );
        // Its reason, or the earlier step that gave the same one (whose node has it).
        let told = node.contains(reason)
            || node.contains("same reason as step")
                && reasons_given.iter().filter(|r| **r == reason).count() > 1;
        assert!(told, "{what}: step {n}'s node lacks its reason: {node}");
        assert!(
            tree.iter().any(|(_, words)| words.contains(reason)),
            "{what}: step {n}'s reason is nowhere in the tree"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_steps_outcome_and_reason_are_in_the_accessibility_tree() {
    let page = Harness::start().await;
    for link in [CASE_2, CASE_8, NAA_SHARES] {
        open(&page, link).await;
        every_step_is_in_the_tree(&page, link, &format!("{link:?}, light")).await;
    }
    page.click("#theme-toggle").await;
    page.wait_until("document.documentElement.dataset.theme === 'dark'")
        .await;
    for link in [CASE_2, CASE_8] {
        open(&page, link).await;
        every_step_is_in_the_tree(&page, link, &format!("{link:?}, dark")).await;
    }
}

/// The element in focus: its tag, id, `data-step`, and whether it shows (a visible box).
async fn focused(page: &Harness) -> Value {
    page.eval(
        "const e = document.activeElement; const r = e.getBoundingClientRect();\
         return { tag: e.tagName.toLowerCase(), id: e.id, step: e.dataset.step || null,\
           shown: r.width > 20 && r.height > 10 };",
    )
    .await
}

/// The diagram's steps ringed for the keyboard (`kf`), with whether the ring shows.
async fn ringed(page: &Harness) -> Value {
    page.eval(
        "return [...document.querySelectorAll('#diagram .kf')].map(g => {\
           const s = getComputedStyle(g.querySelector('.hit'));\
           return [g.dataset.step, s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 2]; });",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_diagrams_steps_are_reached_by_keyboard_with_a_visible_focus() {
    let page = Harness::start().await;
    open(&page, CASE_2).await;
    // From the verdict, Tab reaches the diagram's steps: one stop, on the first step.
    page.eval("document.getElementById('verdict').focus()")
        .await;
    page.press_keys(&[Key::Tab]).await;
    page.wait_until("document.activeElement.closest('#diagram-text')")
        .await;
    assert_eq!(
        focused(&page).await,
        json!({ "tag": "button", "id": "", "step": "1", "shown": true })
    );
    assert_eq!(ringed(&page).await, json!([["1", true]]));
    // Arrow keys move between the steps; the ring follows.
    page.press_keys(&[Key::Down, Key::Down]).await;
    page.wait_until("document.activeElement.dataset.step === '3'")
        .await;
    assert_eq!(ringed(&page).await, json!([["3", true]]));
    page.press_keys(&[Key::End]).await;
    page.wait_until("document.activeElement.dataset.step === '5'")
        .await;
    page.press_keys(&[Key::Home, Key::Right, Key::Right, Key::Right])
        .await;
    page.wait_until("document.activeElement.dataset.step === '4'")
        .await;
    assert_eq!(ringed(&page).await, json!([["4", true]]));
    // Enter opens the step's details and moves there.
    page.press_keys(&[Key::Enter]).await;
    page.wait_until(
        "document.activeElement.id === 'step-details' &&\
         document.getElementById('step-details').dataset.step === '4'",
    )
    .await;
    // The ring goes with the focus; the list stays one tab stop, now on step 4.
    assert_eq!(ringed(&page).await, json!([]));
    assert_eq!(
        page.eval(
            "return [...document.querySelectorAll('#diagram-text button')]\
               .filter(b => b.tabIndex === 0).map(b => b.dataset.step)"
        )
        .await,
        json!(["4"])
    );
    // Another step from the list: step 2's details.
    page.eval(&format!(
        "document.querySelector('#diagram-text button[data-step={}]').focus()",
        js("2")
    ))
    .await;
    page.press_keys(&[Key::Enter]).await;
    page.wait_until("document.getElementById('step-details').dataset.step === '2'")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_verdict_is_announced_once_not_at_every_key() {
    let page = Harness::start().await;
    open(&page, CASE_2).await;
    page.open_tab("content").await;
    page.wait_for("#share-0-unc").await;
    // Every text that a live region (polite or assertive, status or alert) would say, in order.
    page.eval(
        "window.said = [];\
         const live = '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]';\
         const last = new Map();\
         new MutationObserver(records => {\
           for (const r of records) {\
             const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;\
             const region = node && node.closest(live);\
             if (!region) continue;\
             const text = region.textContent.trim();\
             if (text && last.get(region) !== text) { last.set(region, text);\
               said.push((region.id || region.className) + ': ' + text); }\
           }\
         }).observe(document.body, { subtree: true, childList: true, characterData: true });",
    )
    .await;
    // Typing a path, key by key: the plan changes at every key.
    page.click("#share-0-unc").await;
    page.press_keys(&[Key::End]).await;
    for key in ['2', '0', '0', '3'] {
        page.press(&[key]).await;
    }
    // Then granting Domain Computers: the verdict turns to succeeds.
    page.click("#share-0-domain-computers").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.wait_until("window.said.some(s => s.startsWith('verdict-announce'))")
        .await;
    // A moment more, for anything late.
    page.eval("return new Promise(r => setTimeout(r, 1500))")
        .await;
    let said = page.eval("return window.said").await;
    assert_eq!(
        said.as_array().unwrap().len(),
        1,
        "one announcement, of the new verdict: {said:#}"
    );
    assert!(
        said[0]
            .as_str()
            .unwrap()
            .starts_with("verdict-announce: Result: Succeeds"),
        "{said}"
    );
}

/// axe on a failing case (its details shown), the wizard's share tab and the embed view, in
/// light and in dark mode, on one screen.
async fn scan(screen: Screen) {
    let Screen {
        width,
        height,
        scale,
        ..
    } = screen;
    let page = Harness::start().await;
    page.emulate(screen).await;
    for theme in ["light", "dark"] {
        open(&page, CASE_8).await;
        page.wait_for("#step-details[data-step]").await;
        let pressed = page
            .eval("return document.getElementById('theme-toggle').getAttribute('aria-pressed')")
            .await;
        if (pressed == "true") != (theme == "dark") {
            page.click("#theme-toggle").await;
        }
        page.wait_until(&format!(
            "(document.documentElement.dataset.theme === 'dark') === {}",
            theme == "dark"
        ))
        .await;
        let what = format!("{width}×{height} at {scale}x, {theme}");
        assert_no_violations(&page, &format!("{what}, case 8")).await;
        page.open_tab("content").await;
        assert_no_violations(&page, &format!("{what}, shares tab")).await;
        // The keyboard's focus on a step of the diagram.
        page.eval("document.querySelector('#diagram-text button').focus()")
            .await;
        assert_no_violations(&page, &format!("{what}, a step in focus")).await;
        open(&page, &format!("{CASE_8}&view=embed")).await;
        assert_no_violations(&page, &format!("{what}, embed view")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_on_a_laptop_in_light_and_dark_mode() {
    scan(Screen::LAPTOP).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_on_a_phone_in_light_and_dark_mode() {
    scan(Screen::PHONE).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_at_200_percent_zoom_in_light_and_dark_mode() {
    scan(Screen::ZOOM_200).await;
}
