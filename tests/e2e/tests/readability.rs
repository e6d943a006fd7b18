//! What a trainer projects must be readable: the diagram's text
//! at 12 px or more on a laptop, cut text available in full, a selected step that does not fade
//! the others, long share paths that never widen the page, a wizard that is part of the page, a
//! phone and 200% zoom, and dark mode. Each test measures what a person would see, in Chromium
//! at the size named.

use credflow_e2e::{credflow, percent_encode, Harness, Screen};
use serde_json::{json, Value};

/// A browser showing the page on `screen`.
async fn start(screen: Screen) -> Harness {
    let page = Harness::start().await;
    page.emulate(screen).await;
    page
}

/// Opens `link` and waits for everything the page draws, the parts after the first paint too.
async fn open(page: &Harness, link: &str) {
    page.open(link).await;
    page.wait_for("#diagram svg").await;
    page.wait_for("#diagram-text li, .step-chip").await;
    page.wait_for("#step-details").await;
    page.wait_for("#findings, .findings-section").await;
}

/// A browser showing the page on `screen`, opened at `link` (see [`open`]).
async fn opened(screen: Screen, link: &str) -> Harness {
    let page = start(screen).await;
    open(&page, link).await;
    page
}

/// Classic case 8: the Legacy Client on a domain controller fails at its share; its token
/// account is `SMSCliToknAcct&`.
const CASE_8: &str = "#v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users";
/// Classic case 2: the share grants Domain Users only; step 4 fails and is selected.
const CASE_2: &str = "#v=1&share=%5C%5Cfs01%5Capps~domain-users";
/// Classic case 13: the installer's dialogs wait on no one's desktop; the reason is longer than
/// a callout shows (ten lines).
const CASE_13: &str = "#v=1&client=cm07&ui=prompts";
/// Three shares, the NAA reads two (at risk), nobody the third (fails), install not reached.
const NAA_SHARES: &str = "#v=1&naa=set&share=%5C%5Cfs01%5Capps~naa&share=%5C%5Cfs02%5Ctools~naa\
    &share=%5C%5Cfs03%5Cdrivers~";

/// A legal UNC path of `len` characters with no space, hyphen or other place to break a line:
/// the worst case for the page's width.
fn long_unc(len: usize) -> String {
    let mut unc = String::from("\\\\fileserver01.corp.example.com\\");
    while unc.chars().count() < len {
        unc.push_str("SoftwareDistribution\\");
    }
    unc.chars()
        .take(len)
        .collect::<String>()
        .trim_end_matches('\\')
        .to_string()
}

fn link_with_share(unc: &str, readers: &str) -> String {
    format!("#v=1&share={}~{readers}", percent_encode(unc))
}

/// The diagram's texts as drawn: each one's font size times the diagram's scale on screen.
/// Returns `{scale, texts: [{px, text, step}]}`, smallest first.
async fn rendered_text(page: &Harness) -> Value {
    page.eval(
        "const svg = document.querySelector('#diagram svg');\
         const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;\
         const texts = [...svg.querySelectorAll('text')].map(t => ({\
           px: parseFloat(getComputedStyle(t).fontSize) * scale,\
           text: t.textContent.slice(0, 48),\
           step: t.closest('[data-step]') ? Number(t.closest('[data-step]').dataset.step) : null,\
         }));\
         texts.sort((a, b) => a.px - b.px);\
         return { scale, texts };",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn step_labels_read_at_12px_or_more_on_a_1366px_laptop() {
    let page = start(Screen::LAPTOP).await;
    for link in ["", CASE_2, CASE_8, CASE_13, NAA_SHARES] {
        open(&page, link).await;
        let r = rendered_text(&page).await;
        let texts = r["texts"].as_array().unwrap();
        let labels: Vec<f64> = texts
            .iter()
            .filter(|t| !t["step"].is_null())
            .map(|t| t["px"].as_f64().unwrap())
            .collect();
        println!(
            "{link:?}: scale {:.3}; step labels {:.2}–{:.2} px; smallest text {}",
            r["scale"],
            labels.first().unwrap(),
            labels.last().unwrap(),
            texts[0]
        );
        // Every step's text (action, outcome, identity, callout), and every other text of the
        // diagram (boxes, captions, legend) too.
        let small: Vec<&Value> = texts
            .iter()
            .filter(|t| t["px"].as_f64().unwrap() < 12.0)
            .collect();
        assert!(
            small.is_empty(),
            "{link:?}: {} texts under 12 px at 1366×768, e.g. {:#?}",
            small.len(),
            &small[..small.len().min(4)]
        );
        // It fits its column: no scrolling sideways to read it.
        let fits = page
            .eval(
                "const d = document.getElementById('diagram');\
                 return d.scrollWidth <= d.clientWidth &&\
                   document.documentElement.scrollWidth <= document.documentElement.clientWidth;",
            )
            .await;
        assert_eq!(fits, json!(true), "{link:?}: the diagram fits at 1366 px");
    }
}

/// `text` escaped as the SVG writer writes text.
fn xml(text: &str) -> String {
    let mut out = String::new();
    credflow_core::svg::escape(&mut out, text);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cut_text_is_available_in_full_on_screen_and_in_the_export() {
    let page = start(Screen::LAPTOP).await;
    let long_path = link_with_share(&long_unc(219), "domain-users");
    for link in [CASE_13, CASE_8, long_path.as_str()] {
        open(&page, link).await;
        // On screen: every text cut with an ellipsis has its whole in the tooltip (`<title>`) of
        // the box, callout or step it belongs to.
        let missing = page
            .eval(
                "const out = [];\
                 for (const t of document.querySelectorAll('#diagram svg text')) {\
                   const shown = [...t.childNodes].map(n => n.textContent).join(' ');\
                   if (!shown.includes('…')) continue;\
                   let g = t.parentNode, title = null;\
                   for (; g && g.tagName !== 'svg'; g = g.parentNode) {\
                     title = [...g.children].find(c => c.tagName === 'title');\
                     if (title) break;\
                   }\
                   const whole = title ? title.textContent.replace(/\\s+/g, ' ') : '';\
                   const parts = shown.split('…').map(p => p.trim()).filter(p => p);\
                   const words = parts.join(' ').split(/\\s+/).filter(w => w.length > 1);\
                   if (!title || whole.includes('…') || !words.every(w => whole.includes(w)))\
                     out.push({ shown, title: whole.slice(0, 80) });\
                 }\
                 return out;",
            )
            .await;
        assert_eq!(
            missing,
            json!([]),
            "{link:?}: cut texts without their whole"
        );
        // And the diagram's text under it (for the keyboard and screen readers) has every
        // step's whole reason.
        let plan: Value = serde_json::from_str(&credflow(&["plan", "--json", link])).unwrap();
        let listed = page
            .eval("return document.getElementById('diagram-text')?.textContent ?? ''")
            .await;
        for step in plan["steps"].as_array().unwrap() {
            assert!(
                listed
                    .as_str()
                    .unwrap()
                    .contains(step["reason"].as_str().unwrap()),
                "{link:?}: the page's text of the diagram lacks step {}'s reason",
                step["n"]
            );
        }

        // In the export: the `<desc>` has every step's whole reason, and each callout's
        // `<title>` its own.
        let svg = credflow(&["render", link]);
        let desc = &svg[svg.find("<desc>").unwrap()..svg.find("</desc>").unwrap()];
        for step in plan["steps"].as_array().unwrap() {
            let reason = xml(step["reason"].as_str().unwrap());
            assert!(
                desc.contains(&reason),
                "{link:?}: the export's desc lacks step {}'s reason {reason:?}",
                step["n"]
            );
            if step["outcome"] != "ok" {
                assert!(
                    svg.contains(&format!("<g class=\"co\"><title>{reason}</title>")),
                    "{link:?}: step {}'s callout has no tooltip with its whole reason",
                    step["n"]
                );
            }
        }
    }
}

/// For every text of the diagram: its effective opacity (its own times its ancestors') and its
/// contrast with what it is drawn on (the card, a box, a callout, the verdict's pill).
async fn faded_or_faint(page: &Harness) -> Value {
    page.eval(
        "const svg = document.querySelector('#diagram svg');\
         const rgb = c => (c.match(/[\\d.]+/g) || [0, 0, 0]).slice(0, 3).map(Number);\
         const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 :\
           Math.pow((v + 0.055) / 1.055, 2.4); };\
           return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };\
         const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);\
           return (x + 0.05) / (y + 0.05); };\
         const card = svg.querySelector('.bg');\
         const out = [];\
         for (const t of svg.querySelectorAll('text, tspan')) {\
           let opacity = 1;\
           for (let e = t; e && e !== svg.parentNode; e = e.parentNode)\
             opacity *= parseFloat(getComputedStyle(e).opacity);\
           const on = (t.closest('.bn') && t.parentNode.querySelector('.bd')) ||\
             t.closest('.co, .vd')?.querySelector('rect') ||\
             t.closest('[data-node]')?.querySelector('.nb') || card;\
           const contrast = ratio(rgb(getComputedStyle(t).fill), rgb(getComputedStyle(on).fill));\
           if (opacity < 1 || contrast < 4.5)\
             out.push({ text: t.textContent.slice(0, 40), opacity, contrast: contrast.toFixed(2),\
               step: t.closest('[data-step]')?.dataset.step });\
         }\
         return out;",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_selected_step_stands_out_without_fading_the_others() {
    let page = start(Screen::LAPTOP).await;
    for link in [CASE_2, NAA_SHARES] {
        open(&page, link).await;
        page.wait_for("#diagram [data-step].sel").await;
        let bad = faded_or_faint(&page).await;
        assert_eq!(bad, json!([]), "{link:?}: texts faded or below 4.5:1");
        // The selected step is set apart: an outlined band; the others are not.
        let marks = page
            .eval(
                "return [...document.querySelectorAll('#diagram [data-step] > .hit')].map(h =>\
                   [h.parentNode.classList.contains('sel'), getComputedStyle(h).stroke !== 'none'\
                     && parseFloat(getComputedStyle(h).strokeWidth) >= 2]);",
            )
            .await;
        for mark in marks.as_array().unwrap() {
            assert_eq!(
                mark[0], mark[1],
                "{link:?}: only the selected step is outlined"
            );
        }
    }

    // In dark mode too.
    page.click("#theme-toggle").await;
    page.wait_until("document.documentElement.dataset.theme === 'dark'")
        .await;
    let bad = faded_or_faint(&page).await;
    assert_eq!(bad, json!([]), "dark mode: texts faded or below 4.5:1");

    // Printed: no selection at all.
    page.print_media(true).await;
    let printed = page
        .eval(
            "const h = document.querySelector('#diagram .sel > .hit');\
             const s = getComputedStyle(h);\
             return { stroke: s.stroke, fill: s.fillOpacity };",
        )
        .await;
    assert_eq!(printed, json!({ "stroke": "none", "fill": "0" }));
    let bad = faded_or_faint(&page).await;
    assert_eq!(bad, json!([]), "print: texts faded or below 4.5:1");
}

/// Whether the page scrolls sideways: `null`, or what is too wide.
async fn sideways(page: &Harness, width: u32) -> Value {
    page.eval(&format!(
        "const root = document.documentElement;\
         if (root.scrollWidth <= root.clientWidth && innerWidth <= {width}) return null;\
         return {{ scroll: root.scrollWidth, client: root.clientWidth, inner: innerWidth,\
           wide: [...document.querySelectorAll('body *')]\
             .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1 && !e.closest('svg'))\
             .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' +\
               Math.round(e.getBoundingClientRect().width)) }};"
    ))
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_share_path_never_makes_the_page_scroll_sideways() {
    for screen in [Screen::LAPTOP, Screen::PHONE, Screen::NARROW_PHONE] {
        let page = start(screen).await;
        for len in [219, 260] {
            let unc = long_unc(len);
            // Domain Users only: step 4 fails on it, so the details and the findings name it.
            let link = link_with_share(&unc, "domain-users");
            open(&page, &link).await;
            for tab in ["client", "content"] {
                page.open_tab(tab).await;
                let wide = sideways(&page, screen.width).await;
                assert_eq!(
                    wide,
                    Value::Null,
                    "{} px, a {len}-character path, tab {tab}",
                    screen.width
                );
            }
            // The whole path is there to read, wrapped: in the step's details and its chip.
            let shown = page
                .eval_text("return document.getElementById('step-details').textContent")
                .await;
            assert!(shown.contains(&unc), "the details show the whole path");
            // The embed view a wiki shows, too.
            page.open(&format!("{link}&view=embed")).await;
            page.wait_for("main.embed #diagram svg").await;
            let wide = sideways(&page, screen.width).await;
            assert_eq!(
                wide,
                Value::Null,
                "{} px, a {len}-character path, the embed view",
                screen.width
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_scroll_with_the_page_not_inside_a_box_of_their_own() {
    let page = opened(Screen::LAPTOP, "").await;
    // Nothing of the wizard sits in a box that scrolls on its own.
    let boxed = page
        .eval(
            "const out = [];\
             const targets = ['#role-group', '#domain-group', '#panel-client .wizard-nav button'];\
             for (const css of targets) {\
               for (let e = document.querySelector(css).parentElement; e && e !== document.body;\
                    e = e.parentElement) {\
                 const s = getComputedStyle(e);\
                 if (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight)\
                   out.push(css + ' inside ' + e.tagName + '.' + e.className);\
               }\
             }\
             return out;",
        )
        .await;
    assert_eq!(boxed, json!([]), "the wizard scrolls inside itself");
    // The wheel over the wizard scrolls the page.
    page.cdp(
        "Input.dispatchMouseEvent",
        json!({ "type": "mouseWheel", "x": 160, "y": 500, "deltaX": 0, "deltaY": 500 }),
    )
    .await
    .unwrap();
    page.wait_until("scrollY > 200").await;
    // "Add share" on the last tab is reachable the same way.
    page.open_tab("content").await;
    let add = page
        .eval(
            "const b = document.getElementById('share-add'); b.scrollIntoView({block: 'center'});\
             const r = b.getBoundingClientRect();\
             const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);\
             return hit === b || b.contains(hit);",
        )
        .await;
    assert_eq!(add, json!(true), "Add share can be reached");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loading_a_classic_case_says_what_changed_and_keeps_its_undo_in_sight() {
    let page = opened(Screen::LAPTOP, "").await;
    // Case 4 from the library, below the fold.
    page.click("#library [data-preset=\"classic-4\"]").await;
    let notice = page.wait_for_text("#notice", "Loaded classic case 4").await;
    assert!(
        notice.contains("Changed: Client to “SMS 2003 Legacy Client”"),
        "the message names what changed: {notice:?}"
    );
    let in_sight = "(() => { const r = document.getElementById('undo').getBoundingClientRect();\
                    return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; })()";
    page.wait_until(in_sight).await;
    // Scrolling down the page keeps it in sight.
    page.eval("window.scrollBy(0, 1200)").await;
    page.wait_until("scrollY > 600").await;
    page.wait_until(in_sight).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_tab_labels_stand_apart() {
    let page = opened(Screen::PHONE, "").await;
    page.wait_until("innerWidth === 360").await;
    let clash = page
        .eval(
            "const out = [];\
             const tabs = [...document.querySelectorAll('[role=tab]')];\
             const label = t => [...t.querySelectorAll('.tab-title, .tab-short')]\
               .find(s => s.getBoundingClientRect().width > 0);\
             for (const t of tabs) {\
               const r = t.getBoundingClientRect(), l = label(t).getBoundingClientRect();\
               if (t.scrollWidth > t.clientWidth || l.left < r.left + 2 || l.right > r.right - 2)\
                 out.push('label of ' + t.id + ' overflows its tab');\
             }\
             for (let i = 1; i < tabs.length; i++) {\
               const a = label(tabs[i - 1]).getBoundingClientRect();\
               const b = label(tabs[i]).getBoundingClientRect();\
               if (Math.abs(a.top - b.top) < 4 && b.left - a.right < 6)\
                 out.push(tabs[i - 1].id + ' runs into ' + tabs[i].id);\
             }\
             return out;",
        )
        .await;
    assert_eq!(clash, json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_verdict_bar_shows_only_while_the_verdict_is_out_of_sight() {
    let page = opened(Screen::PHONE, CASE_2).await;
    let bar = "getComputedStyle(document.querySelector('.verdict-bar')).display";
    // At the top, the verdict is below the wizard: the bar stands in for it, on one line.
    page.wait_until(&format!("{bar} !== 'none'")).await;
    let height = page
        .eval("return document.querySelector('.verdict-bar').getBoundingClientRect().height")
        .await;
    assert!(
        height.as_f64().unwrap() <= 48.0,
        "the bar is {height} px high"
    );
    // With the verdict on screen, the bar goes.
    page.eval("document.getElementById('verdict').scrollIntoView()")
        .await;
    page.wait_until(&format!("{bar} === 'none'")).await;
    page.eval("window.scrollTo(0, 0)").await;
    page.wait_until(&format!("{bar} !== 'none'")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_diagram_wider_than_a_phone_says_it_scrolls_sideways() {
    let page = opened(Screen::PHONE, CASE_2).await;
    let state = "(() => { const d = document.getElementById('diagram');\
                 const hint = document.querySelector('.diagram-hint');\
                 return { scrolls: d.scrollWidth > d.clientWidth,\
                   hint: !!hint && hint.getBoundingClientRect().height > 0,\
                   focusable: d.tabIndex === 0 }; })()";
    page.wait_until(&format!("{state}.hint")).await;
    assert_eq!(
        page.eval(&format!("return {state}")).await,
        json!({ "scrolls": true, "hint": true, "focusable": true })
    );
    // On a laptop it fits, and says nothing.
    page.emulate(Screen::LAPTOP).await;
    page.wait_until(&format!("!{state}.hint")).await;
    assert_eq!(
        page.eval(&format!("return {state}")).await,
        json!({ "scrolls": false, "hint": false, "focusable": false })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_200_percent_zoom_the_content_keeps_most_of_the_window() {
    let page = opened(Screen::ZOOM_200, CASE_2).await;
    // What fixed and sticky parts of the page cover, with the diagram at the top of the window.
    let covered = "(() => { let px = 0;\
                   for (const e of document.querySelectorAll('body *')) {\
                     const p = getComputedStyle(e).position;\
                     if (p !== 'fixed' && p !== 'sticky') continue;\
                     const r = e.getBoundingClientRect();\
                     if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;\
                     if (p === 'sticky' && r.top > 2 * innerHeight / 3) continue;\
                     px += Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);\
                   }\
                   return px; })()";
    for (target, most) in [
        ("#diagram", 0.12),
        ("#step-details", 0.12),
        ("#verdict", 0.0),
    ] {
        page.eval(&format!(
            "document.querySelector('{target}').scrollIntoView(); window.scrollBy(0, 1)"
        ))
        .await;
        // The bar follows on the next frame.
        page.eval("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            .await;
        let px = page.eval(&format!("return {covered}")).await;
        // One line of verdict at most, and none while the verdict itself is in sight.
        assert!(
            px.as_f64().unwrap() <= most * 360.0,
            "at {target}: {px} of 360 px covered by fixed or sticky parts"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_visit_says_where_to_start() {
    let page = opened(Screen::LAPTOP, "").await;
    let intro = page.text("#intro").await;
    assert!(
        intro.contains("Describe your deployment on the left"),
        "{intro:?}"
    );
    // Once the scenario is described, the line has done its work.
    page.choose("client-legacy").await;
    page.wait_until("!document.getElementById('intro')").await;

    // On a phone the wizard is above the result.
    let page = opened(Screen::PHONE, "").await;
    let intro = page.text("#intro").await;
    assert!(
        intro.contains("Describe your deployment below"),
        "{intro:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_classic_cases_say_what_they_are_in_plain_words() {
    let page = opened(Screen::LAPTOP, "").await;
    page.wait_for("#library li.preset").await;
    let shown = page
        .eval(
            "return [document.querySelector('#library .help').textContent,\
                     document.querySelectorAll('#library li.preset').length]",
        )
        .await;
    let (intro, listed) = (shown[0].as_str().unwrap(), shown[1].as_u64().unwrap());
    // No words a newcomer cannot know ("the rule book's ten classic cases").
    assert!(!intro.to_lowercase().contains("rule book"), "{intro:?}");
    assert!(intro.contains("lesson"), "what a case is: {intro:?}");
    // The number it names is the number listed.
    const NUMBERS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let named = intro
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|w| NUMBERS.iter().position(|n| w.eq_ignore_ascii_case(n)));
    assert_eq!(named, Some(listed as usize), "{intro:?} lists {listed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dark_mode_is_a_switch_that_shows_its_state_and_darkens_the_diagram() {
    let page = opened(Screen::LAPTOP, CASE_2).await;
    let state = "(() => { const b = document.getElementById('theme-toggle');\
                 return [b.getAttribute('aria-pressed'), b.textContent.trim(),\
                   getComputedStyle(b, '::before').backgroundImage]; })()";
    let light = page.eval(&format!("return {state}")).await;
    assert_eq!(light[0], "false");
    // The card the diagram is drawn on, and the heading's text, as luminance (0 black, 1 white).
    let card = "(() => { const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number);\
                  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };\
                const svg = document.querySelector('#diagram svg');\
                return [lum(getComputedStyle(svg.querySelector('.bg')).fill),\
                        lum(getComputedStyle(svg.querySelector('.hd')).fill)]; })()";
    let lit = page.eval(&format!("return {card}")).await;
    assert!(lit[0].as_f64().unwrap() > 0.9 && lit[1].as_f64().unwrap() < 0.2);

    page.click("#theme-toggle").await;
    page.wait_until("document.documentElement.dataset.theme === 'dark'")
        .await;
    let dark = page.eval(&format!("return {state}")).await;
    assert_eq!(dark[0], "true", "the switch says it is on");
    assert_ne!(
        dark[2], light[2],
        "the switch looks different when on: {dark} {light}"
    );
    let dim = page.eval(&format!("return {card}")).await;
    assert!(
        dim[0].as_f64().unwrap() < 0.15 && dim[1].as_f64().unwrap() > 0.8,
        "the diagram is not a white card in dark mode: {dim}"
    );

    // The exported SVG stays light and self-contained: no page variables, no light-dark().
    let svg = credflow(&["render", CASE_2]);
    assert!(
        svg.contains(".cf .bg{fill:#fff;"),
        "the export's card is white"
    );
    for absent in ["var(--", "light-dark(", "prefers-color-scheme"] {
        assert!(!svg.contains(absent), "the export contains {absent}");
    }
}
