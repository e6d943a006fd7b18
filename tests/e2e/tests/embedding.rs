//! Embed it in any wiki: the embed code dialog's snippets on a wiki-like page of the test
//! server — the iframe that sizes itself (and whose script listens only to credflow's frames),
//! the embed view in a frame sandboxed without `allow-same-origin` (it works given the CORS
//! header the web.config sends, and says why it cannot start without it), the wiki's theme,
//! and a share name with markup that stays text in every snippet.

use credflow_e2e::{js, percent_encode, Answer, Harness, Options};
use serde_json::{json, Value};

/// Classic case 4: the Legacy Client's token account cannot reach a share.
const LINK_4: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users";

/// Opens `link` and the embed dialog on `wiki` (with the embed view's `theme`), and returns
/// each snippet shown: id → code.
async fn snippets(page: &Harness, link: &str, wiki: &str, theme: &str) -> Value {
    page.open(link).await;
    page.click("#embed-code").await;
    page.wait_for("#embed-wiki").await;
    page.select("embed-wiki", wiki).await;
    page.select("embed-theme", theme).await;
    page.wait_until(
        "Object.fromEntries([...document.querySelectorAll('#embed-panel textarea')]\
           .map(t => [t.id, t.value]))",
    )
    .await
}

/// Classic case 4's iframe snippet (wiki `page`, the system's theme).
async fn iframe_snippet(page: &Harness) -> String {
    snippets(page, LINK_4, "page", "system").await["embed-iframe"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Serves `body` as a wiki page of the test server (no Content-Security-Policy: its scripts
/// run, as a wiki page's macro output would) and opens it.
async fn wiki_page(page: &Harness, path: &str, body: &str) {
    page.add_answer(Answer::html(
        path,
        format!(
            "<!doctype html><html lang=en><meta charset=utf-8><title>SMS training</title>\
             <body style=\"margin:2rem\"><h1>SMS training</h1>\
             <script>window.seen = []; addEventListener('message', e => seen.push([e.origin, e.data]));</script>\
             {body}<p id=after>After the diagram.</p></body></html>"
        ),
    ));
    page.client()
        .goto(&format!("{}{path}", page.origin()))
        .await
        .unwrap();
}

/// Waits until the `index`th frame of the wiki page is exactly as tall as its content (which
/// it posted), and returns that height.
async fn sized_to_content(page: &Harness, index: u16) -> f64 {
    let deadline = std::time::Instant::now() + credflow_e2e::TIMEOUT;
    loop {
        let frame = page
            .eval(&format!(
                "return document.querySelectorAll('iframe')[{index}].getBoundingClientRect().height"
            ))
            .await
            .as_f64()
            .unwrap();
        page.client().enter_frame(index).await.unwrap();
        let content = page
            .wait_until(
                "document.querySelector('#diagram svg') &&\
                 [document.documentElement.scrollHeight, innerHeight,\
                  document.querySelector('main').getBoundingClientRect().height]",
            )
            .await;
        page.client().enter_parent_frame().await.unwrap();
        let (scroll, inner, main) = (
            content[0].as_f64().unwrap(),
            content[1].as_f64().unwrap(),
            content[2].as_f64().unwrap(),
        );
        // Nothing cut off (no scrolling inside the frame), no blank space below it.
        if scroll <= inner && (frame - main.ceil()).abs() <= 1.0 {
            return frame;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the frame is {frame}px tall; its content {main}px (scrolls {scroll} in {inner})\nmessages: {}",
            page.eval("return JSON.stringify(seen)").await
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_iframe_snippet_sizes_itself_to_its_content_on_a_wiki_page() {
    let page = Harness::start().await;
    let code = iframe_snippet(&page).await;
    assert!(code.starts_with("<iframe data-credflow src=\"") && code.contains("<script>"));
    wiki_page(&page, "/wiki/training.html", &code).await;
    let wide = sized_to_content(&page, 0).await;
    // A narrower column: the frame follows its content again.
    page.eval("document.querySelector('iframe').style.maxWidth = '420px'")
        .await;
    let narrow = sized_to_content(&page, 0).await;
    assert_ne!(wide, narrow, "the same height in a narrower column");
    // What the frame posted: the message the docs describe, from credflow's origin.
    let seen = page
        .eval("return seen.filter(([o, d]) => d && d.type === 'credflow:height')")
        .await;
    let last = seen.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last[0], json!(page.origin()));
    assert_eq!(last[1]["height"].as_f64().unwrap(), narrow);
    assert_eq!(
        last[1].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["height", "type"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_snippets_script_listens_only_to_credflows_frames() {
    let page = Harness::start().await;
    let code = iframe_snippet(&page).await;
    // Another site (another origin of the same server), framed as if it were credflow, posts
    // a height; so does a frame of the wiki's own origin that is not credflow's; so does the
    // wiki page itself. None of them may size anything.
    let other = format!(
        "{}/wiki/other.html",
        page.origin().replace("127.0.0.1", "localhost")
    );
    page.add_answer(Answer::html(
        "/wiki/other.html",
        "<!doctype html><title>other</title><script>\
         parent.postMessage({ type: 'credflow:height', height: 7 }, '*');\
         parent.postMessage({ type: 'posted' }, '*');</script>",
    ));
    let body = format!(
        "{code}\
         <iframe data-credflow id=impostor src=\"{other}\" style=\"height:123px\"></iframe>\
         <iframe id=plain src=\"/wiki/other.html\" style=\"height:124px\"></iframe>\
         <script>postMessage({{ type: 'credflow:height', height: 9 }}, '*');</script>"
    );
    wiki_page(&page, "/wiki/training.html", &body).await;
    sized_to_content(&page, 0).await;
    page.wait_until("seen.filter(([o, d]) => d && d.type === 'posted').length === 2")
        .await;
    // Give a late message the time a real one takes (the credflow frame is sized already).
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let heights = page
        .eval(
            "return [document.getElementById('impostor').style.height,\
                     document.getElementById('plain').style.height,\
                     document.body.style.height]",
        )
        .await;
    assert_eq!(heights, json!(["123px", "124px", ""]));
    // The impostor's message did arrive, from its own origin: the script refused it.
    let from_other = page
        .eval("return seen.filter(([o, d]) => d && d.height === 7).map(([o]) => o).sort()")
        .await;
    assert_eq!(
        from_other,
        json!([
            page.origin(),
            page.origin().replace("127.0.0.1", "localhost")
        ])
    );
}

/// A wiki page that frames the embed view of `LINK_4` as some wikis' HTML macros do:
/// `sandbox="allow-scripts"` without `allow-same-origin`, so that it has an opaque origin.
async fn sandboxed(page: &Harness) {
    let code = snippets(page, LINK_4, "page", "system").await["embed-iframe"]
        .as_str()
        .unwrap()
        .replacen("<iframe ", "<iframe sandbox=\"allow-scripts\" ", 1);
    wiki_page(page, "/wiki/sandboxed.html", &code).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frame_sandboxed_without_same_origin_runs_the_embed_given_the_cors_header() {
    let page = Harness::start_with(Options {
        cors: true,
        ..Options::default()
    })
    .await;
    sandboxed(&page).await;
    // It sizes itself: its messages come from the opaque origin "null".
    sized_to_content(&page, 0).await;
    page.client().enter_frame(0).await.unwrap();
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    let inside = page
        .eval(
            "return [window.origin, !!document.getElementById('boot-error'),\
                     getComputedStyle(document.querySelector('main')).display,\
                     document.querySelector('#verdict .verdict-fix') !== null]",
        )
        .await;
    page.client().enter_parent_frame().await.unwrap();
    assert_eq!(inside, json!(["null", false, "grid", true]));
    let origins = page
        .eval("return [...new Set(seen.filter(([o, d]) => d && d.type === 'credflow:height').map(([o]) => o))]")
        .await;
    assert_eq!(origins, json!(["null"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frame_sandboxed_without_same_origin_says_why_it_cannot_start_without_the_header() {
    let page = Harness::start().await;
    sandboxed(&page).await;
    page.wait_for("iframe").await;
    page.client().enter_frame(0).await.unwrap();
    let cause = page
        .wait_until(
            "(() => { const c = document.getElementById('boot-error-cause');\
               return c && c.innerText !== 'Checking why…' && c.innerText; })()",
        )
        .await;
    let title = page.text("#boot-error h2").await;
    page.client().enter_parent_frame().await.unwrap();
    assert_eq!(title, "credflow could not start");
    let cause = cause.as_str().unwrap();
    assert!(
        cause.contains("sandboxed without allow-same-origin")
            && cause.contains("Access-Control-Allow-Origin"),
        "{cause}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embed_view_takes_the_wikis_theme_not_the_readers() {
    let page = Harness::start().await;
    let look = "return [document.documentElement.dataset.theme ?? null,\
                getComputedStyle(document.body).backgroundColor,\
                localStorage.getItem('credflow.theme')]";
    let light = "rgb(246, 247, 249)";
    for (system, link_theme, theme, background) in [
        ("dark", "&theme=light", json!("light"), light),
        ("light", "&theme=dark", json!("dark"), ""),
        ("light", "", Value::Null, light),
    ] {
        page.prefer_color_scheme(system).await;
        page.open(&format!("{LINK_4}&view=embed{link_theme}")).await;
        page.wait_for("#diagram svg").await;
        let seen = page.eval(look).await;
        assert_eq!(seen[0], theme, "{system} system, {link_theme:?}");
        if background.is_empty() {
            assert_ne!(seen[1], json!(light), "a dark page");
        } else {
            assert_eq!(seen[1], json!(background));
        }
        // The wiki's choice is for this view only: nothing is saved.
        assert_eq!(seen[2], Value::Null);
    }
    // The dialog writes it into the embed link.
    page.prefer_color_scheme("light").await;
    for theme in ["dark", "light"] {
        let all = snippets(&page, LINK_4, "confluence-dc", theme).await;
        assert_eq!(
            all["embed-link"],
            json!(format!(
                "{}{LINK_4}&view=embed&theme={theme}",
                page.page_url()
            ))
        );
    }
    let all = snippets(&page, LINK_4, "confluence-dc", "system").await;
    assert_eq!(
        all["embed-link"],
        json!(format!("{}{LINK_4}&view=embed", page.page_url()))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_share_name_with_markup_stays_text_in_every_snippet() {
    // Markup in a share name, as far as Windows allows one (no < > " |): entities that must
    // stay text, a quote that would end an attribute, and the end of a CDATA section.
    const SHARE: &str =
        r"\\fs01\&lt;img src=x onerror=window.__xss=1&gt;' onload='window.__xss=2&amp;]]";
    let link = format!(
        "#v=1&client=legacy&share={}",
        percent_encode(&format!("{SHARE}~users"))
    );
    let scenario = credflow_core::decode(&link).unwrap();
    let title = credflow_core::embed::title(&credflow_core::plan(&scenario));
    assert!(title.contains(SHARE));
    let page = Harness::start().await;
    let mut html = Vec::new();
    for wiki in ["page", "confluence-dc", "sharepoint", "mediawiki", "git"] {
        let all = snippets(&page, &link, wiki, "system").await;
        for (id, code) in all.as_object().unwrap() {
            let code = code.as_str().unwrap();
            assert!(!code.contains("<img src=x"), "{id}: {code}");
            if ["embed-iframe", "embed-iframe-fixed", "embed-picture"].contains(&id.as_str()) {
                html.push((id.clone(), code.to_string()));
            }
        }
    }
    // Read as a browser reads them: only the snippet's own elements and attributes, the title
    // as text, and links that open the same scenario.
    for (id, code) in &html {
        let read = page
            .eval_args(
                "const doc = new DOMParser().parseFromString(arguments[0], 'text/html');\
                 const els = [...doc.querySelectorAll('body *, head *')];\
                 return {\
                   tags: els.map(e => e.localName),\
                   attributes: [...new Set(els.flatMap(e => [...e.attributes].map(a => a.name)))].sort(),\
                   titles: els.flatMap(e => ['title', 'alt'].filter(n => e.hasAttribute(n)).map(n => e.getAttribute(n))),\
                   links: els.flatMap(e => ['src', 'href'].filter(n => e.hasAttribute(n)).map(n => e.getAttribute(n))).filter(l => l.includes('#')),\
                 };",
                vec![json!(code)],
            )
            .await;
        let tags: &[&str] = match id.as_str() {
            "embed-iframe" => &["iframe", "script"],
            "embed-iframe-fixed" => &["iframe"],
            _ => &["a", "picture", "source", "img"],
        };
        assert_eq!(read["tags"], json!(tags), "{id}: {code}");
        for attribute in read["attributes"].as_array().unwrap() {
            assert!(
                !attribute.as_str().unwrap().starts_with("on"),
                "{id}: {attribute} in {code}"
            );
        }
        for shown in read["titles"].as_array().unwrap() {
            assert_eq!(shown, &json!(title), "{id}");
        }
        for address in read["links"].as_array().unwrap() {
            let address = address.as_str().unwrap();
            assert!(address.starts_with(&page.page_url()), "{address}");
            assert_eq!(
                credflow_core::decode(address).unwrap(),
                scenario,
                "{id}: {address}"
            );
        }
    }
    // On a wiki page, the iframe shows the share as text and nothing runs.
    let code = &html.iter().find(|(id, _)| id == "embed-iframe").unwrap().1;
    wiki_page(&page, "/wiki/hostile.html", code).await;
    sized_to_content(&page, 0).await;
    page.client().enter_frame(0).await.unwrap();
    let inside = page
        .wait_until(&format!(
            "document.querySelector('#diagram svg')?.textContent.includes({}) &&\
             [window.__xss ?? null, document.querySelectorAll('main img').length]",
            js(r"\\fs01\&lt;img")
        ))
        .await;
    page.client().enter_parent_frame().await.unwrap();
    assert_eq!(inside, json!([null, 0]));
    assert_eq!(page.eval("return window.__xss ?? null").await, Value::Null);
}
