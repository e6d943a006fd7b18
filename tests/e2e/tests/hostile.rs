//! Hostile names: XSS payloads in every text that reaches the page — share paths in a link, in
//! the add-share field and in an existing share's field, and values and keys quoted by a link's
//! error message — never run, never become elements or attributes, show as the text they
//! are, and leave the exported SVG (the page's diagram, the downloaded file, `credflow render`)
//! well-formed XML with the payload as text. Share names that hold a character Windows
//! forbids in names (`<>:"|?*`) are refused, and quoted as text in the message.
//!
//! Every page gets, before its own scripts, `window.__xss = false` and an `alert` (also
//! `confirm`, `prompt`) that sets it; payloads set `window.__xss` or call `alert`. Blocked
//! attempts count too: every Content-Security-Policy violation is recorded.

use std::time::{Duration, Instant};

use credflow_e2e::{credflow_cli, link_with_shares, percent_encode, Harness};
use serde_json::{json, Value};

/// Runs before the page's own scripts on every load.
const HOOKS: &str = r#"
window.__xss = false;
window.__csp = [];
for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = () => { window.__xss = window.__xss || name; };
}
document.addEventListener('securitypolicyviolation', e => {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"#;

/// The share names (after `\\srv\`), each trying another way out of its text node.
fn payloads() -> Vec<String> {
    let mut p: Vec<String> = [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=window.__xss=1>",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "\"><svg onload=window.__xss=1>",
        "'><body onload=alert(1)>",
        "\" onmouseover=\"window.__xss=1\" x=\"",
        "<a href=\"javascript:window.__xss=1\">click</a>",
        "javascript:alert(1)",
        "<svg><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg>",
        "</title><foreignObject><img src=x onerror=alert(1)></foreignObject>",
        "</text></g></svg><img src=x onerror=window.__xss=1>",
        "&lt;script&gt;window.__xss=1&lt;/script&gt;",
        "&#x3C;img src=x onerror=alert(1)&#x3E;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<style>*{background:url(https://evil.example/x.png)}</style>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe srcdoc=\"<script>parent.__xss=1</script>\">",
        "{{constructor.constructor('window.__xss=1')()}}",
        // A right-to-left override: the name reads "exe.png" backwards.
        "invoice\u{202E}gnp.exe",
        // Zero-width space, non-joiner, joiner, word joiner, byte-order mark.
        "zero\u{200B}width\u{200C}join\u{200D}\u{2060}\u{FEFF}x",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // The longest path allowed, 260 characters with `\\srv\`, all markup.
    let long: String = "<img src=x onerror=window.__xss=1>"
        .repeat(10)
        .chars()
        .take(260 - r"\\srv\".len())
        .collect();
    p.push(long);
    p
}

fn unc(payload: &str) -> String {
    format!(r"\\srv\{payload}")
}

/// What Windows allows in no name (`< > : " | ? *`), and `/`, which a share path writes as
/// `\`: since share paths are checked as Windows checks them, a payload holding one is refused as a share name (checked below, and
/// in tests/truth.rs), not drawn.
fn allowed_in_a_name(payload: &str) -> bool {
    !payload.contains(['<', '>', ':', '"', '|', '?', '*', '/'])
}

/// The share names a share path can hold: the payloads Windows allows in a name, and markup
/// written with entities and quotes only, up to the longest path allowed.
fn name_payloads() -> Vec<String> {
    let mut p: Vec<String> = payloads()
        .into_iter()
        .filter(|p| allowed_in_a_name(p))
        .collect();
    p.extend(
        [
            "&lt;img src=x onerror=window.__xss=1&gt;",
            "' onmouseover='window.__xss=1' x='",
            "');window.__xss=1;('",
            "&amp;lt;b&amp;gt;bold&amp;lt;\\b&amp;gt;",
            "%3Cscript%3Ewindow.__xss=1%3C%2Fscript%3E",
            "]]&gt; &#x27; ; & = {{7+7}} ${7+7}",
        ]
        .map(String::from),
    );
    // The longest path allowed, 260 characters with `\\srv\`, all entity-written markup (ending
    // in a letter: the add field trims spaces).
    let mut long: String = "&lt;img src=x onerror=window.__xss=1&gt;"
        .repeat(10)
        .chars()
        .take(260 - r"\\srv\".len() - 1)
        .collect();
    long.push('x');
    p.push(long);
    p
}

/// A share path per payload a share name can hold (`\\srv\<payload>`).
fn payload_uncs() -> Vec<String> {
    name_payloads().iter().map(|p| unc(p)).collect()
}

/// The share paths that are refused: a payload with a character Windows forbids in names.
fn refused_uncs() -> Vec<String> {
    payloads()
        .iter()
        .filter(|p| !allowed_in_a_name(p) && !p.contains('/'))
        .map(|p| unc(p))
        .collect()
}

/// Whatever a payload could have done to the document, as a list of findings (empty: none).
/// Its argument is the `src`s of the page's own scripts.
const INSPECT: &str = r#"
const own = arguments[0];
const problems = [];
if (window.__xss !== false) problems.push('a payload ran: window.__xss = ' + String(window.__xss));
if (window.__csp === undefined) problems.push('the hooks did not run before the page');
for (const v of (window.__csp || [])) problems.push('CSP violation: ' + v);
for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`<${el.localName} ${a.name}="${a.value}">`);
        if (/(^|:)(href|src|action|formaction|data|srcdoc)$/.test(name)
            && /^\s*(javascript|data:text\/html)/i.test(a.value)) {
            problems.push(`<${el.localName} ${a.name}="${a.value}">`);
        }
    }
}
for (const s of document.querySelectorAll('script')) {
    if (!own.includes(s.src)) problems.push('a script that is not the page\'s: ' + s.outerHTML.slice(0, 200));
}
const fo = document.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'foreignObject').length
    + document.getElementsByTagName('foreignobject').length;
if (fo) problems.push(fo + ' <foreignObject> element(s)');
for (const sel of ['#diagram img', '#diagram image', '#diagram iframe', '#diagram a',
                   '#diagram use', '#diagram script', '#diagram svg svg',
                   'iframe', 'object', 'embed', 'frame', 'base', 'math', 'meta[http-equiv=refresh]']) {
    const n = document.querySelectorAll(sel).length;
    if (n) problems.push(n + ' element(s) match ' + sel);
}
if (document.querySelectorAll('#diagram style').length > 1) problems.push('a second <style> in the diagram');
return problems;
"#;

/// Parses SVG text as XML in the browser; returns findings (empty: well-formed, no active
/// content, every payload in its text).
const CHECK_SVG: &str = r#"
const [svg, payloads] = arguments;
const problems = [];
const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
const error = doc.getElementsByTagName('parsererror')[0];
if (error) return ['not well-formed XML: ' + error.textContent.slice(0, 300)];
const root = doc.documentElement;
if (root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg')
    problems.push('the root is <' + root.localName + '> in ' + root.namespaceURI);
for (const el of doc.getElementsByTagName('*')) {
    if (['script', 'foreignObject', 'img', 'image', 'iframe', 'a', 'use', 'animate', 'set']
            .includes(el.localName))
        problems.push('element <' + el.localName + '>');
    for (const a of el.attributes) {
        if (/^on/i.test(a.name) || /href$/i.test(a.name))
            problems.push(`<${el.localName} ${a.name}="${a.value}">`);
    }
}
const text = root.textContent;
for (const p of payloads) if (!text.includes(p)) problems.push('not shown as text: ' + p);
return problems;
"#;

/// A browser with the hooks above, and the `src` of the page's own scripts from a clean load.
async fn start() -> (Harness, Value) {
    let page = Harness::start().await;
    page.before_every_page(HOOKS).await;
    page.open("#v=1").await;
    page.wait_for("#diagram svg").await;
    let own = page
        .eval("return [...document.scripts].map(s => s.src)")
        .await;
    (page, own)
}

async fn assert_nothing_injected(page: &Harness, own: &Value, context: &str) {
    let problems = page.eval_args(INSPECT, vec![own.clone()]).await;
    assert_eq!(problems, json!([]), "{context}");
}

async fn assert_svg_safe(page: &Harness, svg: &str, payloads: &[String], what: &str) {
    let problems = page
        .eval_args(CHECK_SVG, vec![json!(svg), json!(payloads)])
        .await;
    assert_eq!(problems, json!([]), "{what}");
}

/// The diagram as the page holds it (`#diagram`'s `innerHTML`) passes [`assert_svg_safe`].
async fn assert_diagram_safe(page: &Harness, payloads: &[String], what: &str) {
    let inner = page
        .eval("return document.getElementById('diagram').innerHTML")
        .await;
    assert_svg_safe(page, inner.as_str().unwrap_or_default(), payloads, what).await;
}

/// The payloads missing from the text of the elements matching `css`.
async fn missing_text(page: &Harness, css: &str, payloads: &[String]) -> Value {
    page.eval_args(
        "const t = [...document.querySelectorAll(arguments[0])].map(e => e.textContent).join('\\n');\
         return arguments[1].filter(p => !t.includes(p));",
        vec![json!(css), json!(payloads)],
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_share_names_in_a_link_show_as_text_and_never_run() {
    let (page, own) = start().await;
    let uncs = payload_uncs();
    let link = link_with_shares("", &uncs);

    for (view, fragment) in [
        ("full", link.clone()),
        ("embed", format!("{link}&view=embed")),
    ] {
        page.open(&fragment).await;
        page.wait_for("#diagram svg").await;
        page.wait_for("#verdict").await;
        // Every share is drawn: the diagram's text holds every path, escaped back to itself.
        page.wait_until(&format!(
            "document.getElementById('diagram').textContent.includes({})",
            json!(uncs.last().unwrap())
        ))
        .await;
        assert_eq!(
            missing_text(&page, "#diagram", &uncs).await,
            json!([]),
            "{view} view: share paths missing from the diagram's text"
        );
        assert_nothing_injected(&page, &own, &format!("{view} view of {link}")).await;
        if view == "full" {
            // The share fields hold the paths as values.
            let values = page
                .eval("return [...document.querySelectorAll('input.share-unc')].map(i => i.value)")
                .await;
            assert_eq!(values, json!(uncs), "the share fields");
        } else {
            let href = page.attr(".open-full a", "href").await.unwrap_or_default();
            assert!(
                href.starts_with(&format!("{}/", page.origin())),
                "the embed view links elsewhere: {href}"
            );
        }
        // The diagram as the page holds it parses as XML with every path as text.
        assert_diagram_safe(
            &page,
            &uncs,
            &format!("the {view} view's #diagram innerHTML"),
        )
        .await;
    }

    // A share name with a character Windows forbids: the link cannot be read, and its
    // message quotes the path as text.
    for refused in refused_uncs() {
        let fragment = link_with_shares("", &[refused.as_str()]);
        page.open(&fragment).await;
        let quoted: String = refused.chars().take(80).collect();
        page.wait_until(&format!(
            "document.getElementById('link-problems')?.textContent.includes({})",
            json!(quoted)
        ))
        .await;
        assert_nothing_injected(&page, &own, &format!("the refused share {refused:?}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exported_svg_and_credflow_render_are_well_formed_with_the_names_as_text() {
    let (page, own) = start().await;
    let uncs = payload_uncs();
    let link = link_with_shares("", &uncs);
    page.open(&link).await;
    page.wait_for("#diagram svg").await;

    page.click("#export-svg").await;
    let file = page
        .downloads_dir()
        .join(format!("{}.svg", credflow_e2e::file_stem(&link)));
    let deadline = Instant::now() + Duration::from_secs(30);
    let downloaded = loop {
        // Chromium writes `*.crdownload` and renames it when done.
        if let Ok(text) = std::fs::read_to_string(&file) {
            if text.ends_with("</svg>") {
                break text;
            }
        }
        assert!(
            Instant::now() < deadline,
            "no {} after clicking Download SVG",
            file.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_svg_safe(&page, &downloaded, &uncs, "the downloaded SVG").await;

    let (status, rendered, stderr) = credflow_cli(&["render", &link]);
    assert_eq!(status, 0, "credflow render failed: {stderr}");
    assert_svg_safe(&page, &rendered, &uncs, "credflow render").await;
    assert!(
        rendered == downloaded,
        "the downloaded SVG differs from `credflow render` for the same link"
    );
    assert_nothing_injected(&page, &own, "after the download").await;
}

/// Types `text` into the element matching `css` (cleared first) as a keyboard would.
async fn type_into(page: &Harness, css: &str, text: &str) {
    let field = page.wait_for(css).await;
    field.clear().await.expect("clear the field");
    field
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type {text:?} into {css}: {e}"));
    // What arrived is what was typed (WebDriver can drop characters it cannot type).
    let value = page
        .eval_args(
            "return document.querySelector(arguments[0]).value",
            vec![json!(css)],
        )
        .await;
    assert_eq!(value, json!(text), "the field {css} after typing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_share_names_typed_in_show_as_text_and_never_run() {
    let (page, own) = start().await;
    let uncs = payload_uncs();
    page.open_tab("content").await;

    // Added through the "Add a share" field, one after another.
    for (i, u) in uncs.iter().enumerate() {
        type_into(&page, "#share-new", u).await;
        page.click("#share-add").await;
        page.wait_until(&format!(
            "document.querySelectorAll('input.share-unc').length === {}",
            i + 1
        ))
        .await;
        page.wait_until(&format!(
            "document.getElementById('diagram').textContent.includes({})",
            json!(u)
        ))
        .await;
        assert_nothing_injected(&page, &own, &format!("after adding {u:?}")).await;
    }
    let values = page
        .eval("return [...document.querySelectorAll('input.share-unc')].map(i => i.value)")
        .await;
    assert_eq!(values, json!(uncs), "the share fields after adding");
    assert_eq!(missing_text(&page, "#diagram", &uncs).await, json!([]));
    // The add field's own error line shows nothing (every path was valid).
    assert_eq!(page.text("#share-new-error").await, "");
    // A name Windows would refuse is refused, the path quoted as text in the error line.
    for refused in refused_uncs().iter().take(6) {
        type_into(&page, "#share-new", refused).await;
        page.click("#share-add").await;
        page.wait_until(&format!(
            "document.getElementById('share-new-error').textContent.includes('Windows allows none of') \
             && document.getElementById('share-new-error').textContent.includes({})",
            json!(refused.chars().skip(6).take(40).collect::<String>())
        ))
        .await;
        assert_nothing_injected(&page, &own, &format!("after refusing {refused:?}")).await;
    }
    assert_eq!(
        page.eval("return document.querySelectorAll('input.share-unc').length")
            .await,
        json!(uncs.len()),
        "a refused path was added"
    );

    // Typed over an existing share's path, character by character.
    page.open(&link_with_shares("", &[r"\\srv\plain"])).await;
    page.open_tab("content").await;
    for u in &uncs {
        type_into(&page, "input.share-unc", u).await;
        page.wait_until(&format!(
            "document.getElementById('diagram').textContent.includes({})",
            json!(u)
        ))
        .await;
        assert_nothing_injected(&page, &own, &format!("after editing to {u:?}")).await;
        // The scenario took the path: the address holds it.
        page.wait_until(&format!(
            "location.hash.includes({})",
            // The page's links leave `-._~,` as they are.
            json!(percent_encode(u)
                .replace("%2D", "-")
                .replace("%2E", ".")
                .replace("%5F", "_")
                .replace("%7E", "~")
                .replace("%2C", ","))
        ))
        .await;
    }
    assert_diagram_safe(&page, &uncs[uncs.len() - 1..], "the diagram after editing").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_values_and_keys_in_a_link_are_quoted_as_text_in_the_message() {
    let (page, own) = start().await;
    for payload in payloads() {
        // Messages quote at most 80 characters of what was given.
        let quoted: String = payload.chars().take(80).collect();
        for fragment in [
            format!("#v=1&client={}", percent_encode(&payload)),
            format!("#v=1&{}=1", percent_encode(&payload)),
            format!("#v=1&share={}", percent_encode(&payload)),
            format!("#v=1&dpacl=users,{}", percent_encode(&payload)),
        ] {
            page.open(&fragment).await;
            let shown = page
                .wait_until("document.querySelector('[role=alert]')?.textContent")
                .await;
            assert!(
                shown.as_str().unwrap_or_default().contains(&quoted),
                "{fragment}: the message does not quote {quoted:?}: {shown}"
            );
            // Now that a link with a mistake is shown as such, a link that cannot be read shows no scenario (and no diagram).
            page.wait_for("#verdict[data-outcome=unread]").await;
            assert_nothing_injected(&page, &own, &fragment).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_checks_catch_an_injection_and_a_broken_svg() {
    // The oracles above are only worth something if they fail on what they look for.
    let (page, own) = start().await;
    page.eval(
        "document.getElementById('diagram').insertAdjacentHTML('beforeend', \
         '<img src=\"x\" onerror=\"window.__xss=1\"><svg><foreignObject></foreignObject></svg>')",
    )
    .await;
    let found = page.eval_args(INSPECT, vec![own]).await.to_string();
    for what in ["onerror", "foreignObject", "#diagram img", "CSP violation"] {
        assert!(found.contains(what), "INSPECT missed {what}: {found}");
    }
    let payloads = vec!["<b>".to_string()];
    for (svg, what) in [
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text><b></text></svg>",
            "not well-formed",
        ),
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lt;b</text></svg>",
            "not shown as text",
        ),
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text onclick=\"x\">&lt;b&gt;</text></svg>",
            "onclick",
        ),
    ] {
        let found = page
            .eval_args(CHECK_SVG, vec![json!(svg), json!(payloads)])
            .await
            .to_string();
        assert!(
            found.contains(what),
            "CHECK_SVG missed {what} in {svg}: {found}"
        );
    }
}
