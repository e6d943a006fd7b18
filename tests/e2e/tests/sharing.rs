//! Sharing for training and wikis, as a person uses it: the embed view in an iframe, the SVG
//! and PNG downloads, the classic-case library, the walk-through, printing, and copied links.
//! Expected verdicts come from the rule book's "Classic cases" (/work/shared/domain.md).

use credflow_e2e::{credflow, js, read_cases, Downloads, Expected, Harness};
use fantoccini::key::Key;
use serde_json::json;

/// Rule book v2, classic case 2: `\\fs01\apps` grants Domain Users only (v1's case 2 granted
/// Domain Computers, which v2's Advanced Client reads as COMPUTER$).
const LINK_2: &str = "#v=1&share=%5C%5Cfs01%5Capps~domain-users";

// ---------------------------------------------------------------------------------------
// The embed view
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embed_view_shows_verdict_and_diagram_and_links_to_the_full_planner() {
    let page = Harness::opened_at(&format!("{LINK_2}&view=embed"), "#diagram svg").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;

    let wizard = page
        .eval(
            "return [document.querySelectorAll('[role=tablist]').length,\
                     document.querySelectorAll('#tab-client, .wizard, #library, .toolbar').length]",
        )
        .await;
    assert_eq!(wizard, json!([0, 0]), "the embed view shows the wizard");

    let href = page
        .eval(
            "const a = [...document.querySelectorAll('a')]\
               .find(a => a.innerText.trim() === 'Open in credflow');\
             return a ? a.href : null",
        )
        .await;
    let expected = format!("{}/{LINK_2}", page.origin());
    assert_eq!(
        href,
        json!(expected),
        "\"Open in credflow\" does not link to the same scenario in the full view"
    );

    // The link opens the whole planner on the same scenario.
    page.client().goto(&expected).await.unwrap();
    page.wait_for("#tab-client").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    assert_eq!(
        page.shown_choices().await["shares"],
        json!([{ "unc": r"\\fs01\apps", "readers": ["domain-users"] }])
    );
}

/// Puts the page's own iframe embed code on a wiki-like page of the same server (a page the
/// server does not have, so a plain document) and records the messages the frame posts.
async fn wiki_with_embed(page: &Harness, link: &str) {
    page.open(link).await;
    page.click("#embed-code").await;
    let snippet = page
        .wait_until("document.querySelector('#embed-iframe')?.value")
        .await;
    let snippet = snippet.as_str().unwrap().to_string();
    assert!(
        snippet.contains("view=embed") && snippet.starts_with("<iframe"),
        "{snippet}"
    );
    page.client()
        .goto(&format!("{}/wiki/training-page", page.origin()))
        .await
        .unwrap();
    page.eval_args(
        "window.heights = [];\
         addEventListener('message', e => {\
           if (e.data && e.data.type === 'credflow:height') heights.push(e.data.height);\
         });\
         document.body.innerHTML = '<h1>SMS training</h1>' + arguments[0];",
        vec![json!(snippet)],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embed_posts_its_height_on_load_and_after_a_resize() {
    let page = Harness::start().await;
    wiki_with_embed(&page, LINK_2).await;
    let first = page
        .wait_until("heights.length > 0 && heights[heights.length - 1]")
        .await;
    assert!(first.as_f64().unwrap() > 0.0, "height {first}");

    // The wiki's column gets narrower: the frame reports again.
    let count = page.eval("return heights.length").await.as_u64().unwrap();
    page.eval("document.querySelector('iframe').style.maxWidth = '360px'")
        .await;
    let again = page
        .wait_until(&format!(
            "heights.length > {count} && heights[heights.length - 1]"
        ))
        .await;
    assert!(again.as_f64().unwrap() > 0.0, "height {again}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embed_posted_height_is_the_height_of_its_content() {
    let page = Harness::start().await;
    // A case with a share (a tall diagram) and the default case (a short one), each in the
    // page's own iframe code (up to 960 pixels wide).
    for link in [LINK_2, "#v=1"] {
        wiki_with_embed(&page, link).await;
        page.wait_until("heights.length > 0").await;
        // The frame reports again whenever its content's height changes (a ResizeObserver,
        // asynchronously): the last report must come to match the content.
        let deadline = std::time::Instant::now() + credflow_e2e::TIMEOUT;
        loop {
            let posted = page
                .eval("return heights[heights.length - 1]")
                .await
                .as_f64()
                .unwrap();
            // Inside the frame: how tall the verdict, diagram and link are.
            page.client().enter_frame(0).await.unwrap();
            let content = page
                .wait_until(
                    "document.querySelector('#diagram svg') &&\
                     document.documentElement.getBoundingClientRect().height",
                )
                .await
                .as_f64()
                .unwrap();
            let frame = page.eval("return innerHeight").await;
            page.client().enter_parent_frame().await.unwrap();
            // A wiki sets the frame to the posted height: it must fit the content, neither
            // cutting it off nor keeping the frame's first height as blank space below it.
            if (posted - content.ceil()).abs() <= 1.0 {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{link}: the frame posts {posted}px but its content is {content}px tall \
                 (the frame is {frame}px)"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------

/// A share path with characters that need escaping in SVG text. (Until share paths were checked as Windows checks them it also held
/// `<tools> "x"`, which Windows allows in no name and a link now refuses; `&` and `'` remain.)
const SPECIAL: &str =
    "#v=1&client=cm07&naa=set&share=%5C%5Cfs01%5CR%26D%20%27tools%27%20x~domain-computers\
    &share=%5C%5Cfs02%5Capps~";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn svg_download_is_byte_for_byte_the_cli_render() {
    let expected = tokio::task::spawn_blocking(|| credflow(&["render", SPECIAL]).into_bytes())
        .await
        .unwrap();
    let (page, downloads) = Downloads::opened_at(SPECIAL).await;
    page.wait_for_text("#step-details", "fs02").await;
    page.click("#export-svg").await;
    let svg = downloads
        .wait_for(&format!("{}.svg", credflow_e2e::file_stem(SPECIAL)))
        .await;
    assert!(
        svg == expected,
        "the downloaded SVG ({} bytes) differs from `credflow render` ({} bytes)\n\
         page: {}\ncli:  {}",
        svg.len(),
        expected.len(),
        String::from_utf8_lossy(&svg[..svg.len().min(400)]),
        String::from_utf8_lossy(&expected[..expected.len().min(400)])
    );
    let text = String::from_utf8(svg).unwrap();
    assert!(
        text.contains(r"R&amp;D"),
        "the share path is not escaped: {text}"
    );
}

/// `width` and `height` of the first `<svg ...>` tag.
fn svg_size(svg: &str) -> (u32, u32) {
    let tag = &svg[..svg.find('>').unwrap()];
    let attr = |name: &str| -> u32 {
        let start = tag
            .find(&format!(" {name}=\""))
            .unwrap_or_else(|| panic!("no {name} in {tag}"))
            + name.len()
            + 3;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn png_download_is_twice_the_size_of_the_svg() {
    let (page, downloads) = Downloads::opened_at(LINK_2).await;
    page.click("#export-svg").await;
    let stem = credflow_e2e::file_stem(LINK_2);
    let svg = String::from_utf8(downloads.wait_for(&format!("{stem}.svg")).await).unwrap();
    let (w, h) = svg_size(&svg);

    page.click("#export-png").await;
    let png = downloads.wait_for(&format!("{stem}.png")).await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&png[12..16], b"IHDR");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!(
        (width, height),
        (2 * w, 2 * h),
        "the PNG is {width}×{height}; the SVG is {w}×{h}"
    );
}

// ---------------------------------------------------------------------------------------
// The classic cases
// ---------------------------------------------------------------------------------------

/// What the rule book says each classic case shows: outcome, headline, and a step whose
/// details must show some words.
fn library() -> Vec<Expected> {
    read_cases("cases/library.txt", include_str!("../cases/library.txt"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_classic_case_loads_with_its_documented_verdict_and_undo_restores() {
    let page = Harness::start().await;
    // Not one of the cases, so that every load changes something.
    page.open("#v=1&client=cm07&domain=untrusted&installer=setup-user&naa=set")
        .await;
    page.wait_for("#verdict").await;
    // Rule book v2 lists seventeen classic cases; the library offers each, in its order.
    let cases = library();
    assert_eq!(cases.len(), 17, "the classic cases of cases/library.txt");
    page.wait_until(&format!(
        "document.querySelectorAll('#library [data-preset]').length === {}",
        cases.len()
    ))
    .await;
    for (i, case) in cases.iter().enumerate() {
        let n = i + 1;
        assert_eq!(
            case.name,
            n.to_string(),
            "cases/library.txt lists the cases in order"
        );
        let step = case
            .step
            .expect("every classic case in the library names a step");
        let before = page.shown_choices().await;
        let before_verdict = page
            .eval("return document.querySelector('#verdict').innerText")
            .await;

        page.click(&format!("#library [data-preset=\"classic-{n}\"]"))
            .await;
        page.wait_verdict(case.outcome, case.title).await;
        page.wait_for_text("#notice", &format!("Loaded classic case {n}"))
            .await;
        page.click(&format!(".step-picker button[data-step=\"{step}\"]"))
            .await;
        let css = format!("#step-details[data-step=\"{step}\"]");
        for word in &case.shows {
            page.wait_for_text(&css, word).await;
        }
        let loaded = page.shown_choices().await;
        assert_ne!(loaded, before, "case {n} did not change the choices");

        // Undo brings back the scenario before the load.
        page.click("#notice #undo").await;
        page.wait_until(&format!(
            "document.querySelector('#verdict').innerText === {}",
            before_verdict
        ))
        .await;
        assert_eq!(page.shown_choices().await, before, "Undo after case {n}");

        // Load it again to go on from there.
        page.click(&format!("#library [data-preset=\"classic-{n}\"]"))
            .await;
        page.wait_verdict(case.outcome, case.title).await;
        page.wait_for_text("#notice", &format!("Loaded classic case {n}"))
            .await;
        assert_eq!(page.shown_choices().await, loaded);
    }
}

// ---------------------------------------------------------------------------------------
// Walk-through
// ---------------------------------------------------------------------------------------

async fn expect_walk_at(page: &Harness, n: usize, steps: usize) {
    page.wait_until(&format!(
        "document.querySelector('#step-details')?.dataset.step === '{n}' &&\
         document.querySelector('#walk .walk-position')?.innerText === 'Step {n} of {steps}'"
    ))
    .await;
    // The details name the same step as the chip.
    let chip = page
        .text(&format!(".step-picker button[data-step=\"{n}\"]"))
        .await;
    let label = chip
        .split_once(". ")
        .map(|(_, l)| l.split(',').next().unwrap().trim().to_string())
        .unwrap();
    page.wait_for_text("#step-details h3", &format!("Step {n}: {label}"))
        .await;
}

/// Tabs (forward, then back) until the focus is on `#id` inside the walk-through.
async fn focus_in_walk(page: &Harness, id: &str) {
    let wanted = format!("document.activeElement.id === {}", js(id));
    for back in [false, true] {
        for _ in 0..40 {
            if page.eval(&format!("return {wanted}")).await == json!(true) {
                return;
            }
            if back {
                page.press_chord(Key::Shift, Key::Tab).await;
            } else {
                page.press_keys(&[Key::Tab]).await;
            }
        }
    }
    panic!(
        "Tab never reached #{id}; focus is on {}",
        page.eval("return document.activeElement.outerHTML.slice(0, 120)")
            .await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walk_through_visits_every_step_in_order() {
    let page = Harness::opened_at(LINK_2, "#verdict").await;
    let steps = page
        .eval("return document.querySelectorAll('.step-picker button').length")
        .await
        .as_u64()
        .unwrap() as usize;
    // Schedule, run as, fetch content, one share, install.
    assert_eq!(steps, 5);

    page.click("#walk-start").await;
    expect_walk_at(&page, 1, steps).await;
    // At the ends the buttons say they are disabled (aria-disabled keeps them focusable)
    // and do nothing.
    assert_eq!(
        page.attr("#walk-prev", "aria-disabled").await.as_deref(),
        Some("true")
    );
    page.click("#walk-prev").await;
    expect_walk_at(&page, 1, steps).await;
    for n in 2..=steps {
        page.click("#walk-next").await;
        expect_walk_at(&page, n, steps).await;
    }
    assert_eq!(
        page.attr("#walk-next", "aria-disabled").await.as_deref(),
        Some("true")
    );
    page.click("#walk-next").await;
    expect_walk_at(&page, steps, steps).await;
    for n in (1..steps).rev() {
        page.click("#walk-prev").await;
        expect_walk_at(&page, n, steps).await;
    }

    // By keyboard, with the focus on the walk-through's End button: the arrow keys.
    focus_in_walk(&page, "walk-end").await;
    for n in 2..=steps {
        page.press_keys(&[Key::Right]).await;
        expect_walk_at(&page, n, steps).await;
    }
    page.press_keys(&[Key::Right]).await;
    expect_walk_at(&page, steps, steps).await;
    for n in (1..steps).rev() {
        page.press_keys(&[Key::Left]).await;
        expect_walk_at(&page, n, steps).await;
    }

    page.click("#walk-end").await;
    page.wait_for("#walk-start").await;
    assert_eq!(
        page.eval("return document.querySelectorAll('#walk').length")
            .await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walk_through_keeps_the_keyboard_focus_at_the_last_step() {
    let page = Harness::opened_at(LINK_2, "#verdict").await;
    page.click("#walk-start").await;
    expect_walk_at(&page, 1, 5).await;

    // A trainer on the keyboard: Tab to "Next", Enter to the last step...
    focus_in_walk(&page, "walk-next").await;
    for n in 2..=5 {
        page.press_keys(&[Key::Enter]).await;
        expect_walk_at(&page, n, 5).await;
    }
    // ...and the arrow keys still work: the focus stayed in the walk-through.
    let focus = page
        .eval("return document.activeElement.outerHTML.slice(0, 80)")
        .await;
    assert_eq!(
        page.eval("return document.activeElement.closest('#walk') !== null")
            .await,
        json!(true),
        "at the last step the focus left the walk-through; it is on {focus}"
    );
    page.press_keys(&[Key::Left]).await;
    expect_walk_at(&page, 4, 5).await;
}

// ---------------------------------------------------------------------------------------
// Print
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn print_layout_hides_the_controls_and_keeps_the_result() {
    let page = Harness::opened_at(
        "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users",
        "#diagram svg",
    )
    .await;
    let controls = [
        ".wizard-column",
        "[role=tablist]",
        "#client-legacy",
        ".toolbar",
        "#copy-link",
        ".step-picker",
        "#walk-start",
        "#export-svg",
    ];
    let result = ["#summary", "#verdict", "#diagram svg", "#findings"];

    // On screen: controls shown, summary not.
    let screen = page.rendered(&controls).await;
    for c in controls {
        assert_eq!(screen[c], true, "{c} is hidden on screen");
    }
    assert_eq!(page.rendered(&["#summary"]).await["#summary"], false);

    page.print_media(true).await;
    let printed = page.rendered(&controls).await;
    for c in controls {
        assert_eq!(printed[c], false, "{c} is printed");
    }
    let printed = page.rendered(&result).await;
    for c in result {
        assert_eq!(printed[c], true, "{c} is not printed");
    }
    // The printed summary says what the scenario is.
    let summary = page.text("#summary").await;
    assert!(
        summary.contains("Legacy Client") && summary.contains(r"\\fs01\apps"),
        "{summary:?}"
    );
    page.wait_for_text("#findings", "SMSAPM32.log").await;

    page.print_media(false).await;
    assert_eq!(page.rendered(&["#summary"]).await["#summary"], false);
}

// ---------------------------------------------------------------------------------------
// Copy link
// ---------------------------------------------------------------------------------------

/// Clicks "Copy link" and returns the link the page shows. The page either copied it to
/// the clipboard or, refused, selected it in the field for Ctrl+C.
async fn copy_link(page: &Harness) -> String {
    page.click("#copy-link").await;
    let link = page
        .wait_until("document.querySelector('#copied-link')?.value")
        .await;
    let link = link.as_str().unwrap().to_string();
    let label = page.text("label[for=copied-link]").await;
    if !label.contains("copied to the clipboard") {
        assert!(label.contains("Ctrl+C"), "{label:?}");
        page.wait_until(
            "document.activeElement.id === 'copied-link' &&\
             document.activeElement.selectionStart === 0 &&\
             document.activeElement.selectionEnd === document.activeElement.value.length",
        )
        .await;
    }
    link
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copied_link_restores_the_scenario_in_a_fresh_page() {
    let page = Harness::opened_at("", "#verdict").await;
    page.click("#client-legacy").await;
    page.click("#role-domain-controller").await;
    page.click("#tab-program").await;
    page.click("#installer-setup-admin").await;
    page.click("#tab-content").await;
    page.add_share(r"\\fs01\apps").await;
    page.click("#share-0-domain-users").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    let choices = page.shown_choices().await;
    let verdict = page.text("#verdict").await;

    let link = copy_link(&page).await;
    assert_eq!(
        link,
        format!(
            "{}/#v=1&client=legacy&role=domain-controller&installer=setup-admin\
             &share=%5C%5Cfs01%5Capps~users,domain-users",
            page.origin()
        )
    );

    // A fresh page: nothing remembered, only the link.
    page.eval("localStorage.clear()").await;
    page.client().goto("about:blank").await.unwrap();
    page.client().goto(&link).await.unwrap();
    page.wait_for("li.share-row").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    assert_eq!(page.text("#verdict").await, verdict);
    assert_eq!(page.shown_choices().await, choices);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_shares_give_a_short_link_and_two_hundred_warn_that_it_is_long() {
    let page = Harness::start().await;
    page.open("").await;
    page.click("#tab-content").await;
    for i in 1..=10 {
        let unc = format!(r"\\fileserver{i:02}\packages\application{i:02}");
        page.add_share(&unc).await;
        page.click(&format!("#share-{}-domain-computers", i - 1))
            .await;
    }
    let link = copy_link(&page).await;
    assert_eq!(link.matches("&share=").count(), 10, "{link}");
    assert!(
        link.chars().count() < 2000,
        "ten shares make a {}-character link",
        link.chars().count()
    );
    assert_eq!(
        page.eval("return document.querySelectorAll('.copied .warning').length")
            .await,
        0,
        "a short link is warned about"
    );

    // Two hundred shares.
    let mut many = String::from("#v=1");
    for i in 0..200 {
        many.push_str(&format!("&share=%5C%5Cfs{i:03}%5Capps~users"));
    }
    page.open(&many).await;
    page.wait_until("document.querySelectorAll('li.share-row').length === 200")
        .await;
    let link = copy_link(&page).await;
    let chars = link.chars().count();
    assert!(chars > 2000);
    let warning = page
        .wait_for_text(".copied .warning", "characters long")
        .await;
    assert!(
        warning.contains(&chars.to_string()),
        "the warning does not give the link's length {chars}: {warning:?}"
    );
}

/// A shared link opened over the reader's own scenario never loses it: the link's scenario is
/// shown, and one Undo brings the reader's back, in the wizard, the address bar and storage.
/// The same holds for a link pasted into the address bar of the open page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_link_keeps_the_readers_own_scenario_one_undo_away() {
    let page = Harness::start().await;
    let saved = "localStorage.getItem('credflow.scenario')";
    // The reader's own work, saved in this browser: the ConfigMgr 2007 client.
    page.open("").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.choose_in("client", "client-cm07").await;
    page.wait_until(&format!(
        "{saved} === location.hash.slice(1) && location.hash.includes('client=cm07')"
    ))
    .await;
    let own = page.eval("return location.hash").await;
    let own = own.as_str().unwrap().to_string();
    let back_to_own = async |page: &Harness| {
        page.click("#undo").await;
        page.wait_verdict("ok", "Succeeds").await;
        page.wait_until(&format!(
            "location.hash === {} && {saved} === {}",
            js(&own),
            js(&own[1..])
        ))
        .await;
        assert_eq!(
            page.shown_choices().await["radios"]["client"],
            json!("cm07")
        );
    };
    // A colleague's link, opened in a new page load: its verdict, and the way back.
    page.open(LINK_2).await;
    page.wait_verdict("fails", "Connect to share").await;
    let notice = page.wait_for_text("#notice", "one Undo away").await;
    assert!(notice.contains("You opened a link"), "{notice}");
    assert_eq!(
        page.shown_choices().await["radios"]["client"],
        json!("advanced")
    );
    back_to_own(&page).await;
    // The same link pasted into the open page's address bar.
    page.eval(&format!("location.hash = {}; return null", js(LINK_2)))
        .await;
    page.wait_verdict("fails", "Connect to share").await;
    page.wait_for_text("#notice", "The one you had is one Undo away")
        .await;
    back_to_own(&page).await;
}

/// A comparison link followed in the open page (pasted into the address bar) opens both of
/// its scenarios; the one that was open stays one Undo away.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_link_followed_in_the_page_opens_both_and_keeps_what_was_open() {
    let page = Harness::opened_with_verdict(LINK_2, "fails", "Connect to share").await;
    let comparison = "#v=1&share=%5C%5Cfs01%5Capps~users&b.client=legacy";
    page.eval(&format!("location.hash = {}; return null", js(comparison)))
        .await;
    page.wait_for_text(".side-verdict[data-side=\"a\"]", "Succeeds")
        .await;
    page.wait_for_text(".side-verdict[data-side=\"b\"]", "Fails at step 4")
        .await;
    page.wait_for_text("#notice", "The one you had is one Undo away")
        .await;
    page.click("#notice #undo").await;
    page.wait_verdict("fails", "Connect to share").await;
    page.wait_hash(LINK_2).await;
}
