//! What the page presents as a link's is the link's:
//!
//! - a link with a mistake shows no verdict and no diagram at all — not the defaults' green
//!   "Succeeds" — but what was wrong (naming the part: the reader `bogus` of share
//!   `\\fs01\apps`), what could be read, and buttons to open that or the defaults, each of
//!   which puts its own link in the address bar;
//! - a scenario restored from an earlier visit says so, offers a fresh start, and its link is
//!   in the address bar;
//! - eight shares that fail alike are one finding listing the eight, and a reason does not
//!   say the same thing twice;
//! - share paths are read as Windows reads them: `//fs01/apps` and `\\?\UNC\fs02\x` are
//!   shares, `\\FS01\APPS` after `\\fs01\apps` and `<>:"|?*` in names are refused, saying
//!   why.

use credflow_e2e::{js, link_with_shares, Harness, Screen};
use serde_json::{json, Value};

/// localStorage key of the saved scenario.
const SAVED: &str = "credflow.scenario";

/// A scenario unlike the defaults: the Legacy Client, and a share only Domain Computers may
/// read. It fails at step 4.
const GOOD: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~domain-computers";

/// Waits for the page that says a link could not be read, and returns its text.
async fn unread_page(page: &Harness) -> String {
    page.wait_until(
        "document.querySelector('#verdict[data-outcome=unread]') \
         && document.querySelector('#link-problems[role=alert]') \
         && document.getElementById('verdict').innerText",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Opens `link`, which cannot be read, and returns the text of the page that says so.
async fn open_unread(page: &Harness, link: &str) -> String {
    page.open(link).await;
    unread_page(page).await
}

/// Fails if anything on the page presents a verdict or a diagram.
async fn assert_no_verdict_or_diagram(page: &Harness, what: &str) {
    let shown = page
        .eval(
            "return { diagram: document.querySelectorAll('#diagram, .diagram svg').length,\
                      titles: [...document.querySelectorAll('.verdict-title')].map(t => t.textContent),\
                      bar: document.querySelectorAll('.verdict-bar').length,\
                      findings: document.querySelectorAll('#findings').length,\
                      wizard: document.querySelectorAll('input[type=radio]').length }",
        )
        .await;
    assert_eq!(
        shown,
        json!({ "diagram": 0, "titles": ["?This link could not be read"], "bar": 0,
                "findings": 0, "wizard": 0 }),
        "{what}: something is presented as the link's"
    );
}

async fn hash(page: &Harness) -> String {
    page.eval_text("return location.hash").await
}

/// A link with a mistake: the link, words the problem must hold, words it must not, and a
/// line of what could be read.
type Case<'a> = (String, Vec<&'a str>, Vec<&'a str>, Option<&'a str>);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_with_one_mistake_shows_what_was_wrong_and_no_other_scenarios_verdict() {
    let page = Harness::start().await;
    let long = format!(r"\\fs01\{}", "a".repeat(300));
    let long_link = link_with_shares("client=legacy", &[long.as_str()]);
    let cases: Vec<Case> = vec![
        (
            "#v=1&share=%5C%5Cfs01%5Capps~bogus".into(),
            vec![r#"Reader "bogus" of share "\\fs01\apps""#],
            vec!["share=bogus"],
            Some(r"Share \\fs01\apps — readers: nobody"),
        ),
        (
            "#v=1&client=legacy&colour=red".into(),
            vec![r#"Unknown key "colour""#],
            vec![],
            Some("Client: SMS 2003 Legacy Client"),
        ),
        (
            long_link,
            vec!["307 characters long", "260"],
            vec![],
            Some("Client: SMS 2003 Legacy Client"),
        ),
        (
            "#v=2&client=legacy".into(),
            vec!["v=2", "newer credflow"],
            vec![],
            Some("Client: SMS 2003 Legacy Client"),
        ),
        (
            "#v=1&share=%5C%5Cfs01%5Capps~users&share=%5C%5CFS01%5CAPPS~naa".into(),
            vec![r"\\FS01\APPS", r"\\fs01\apps", "listed twice"],
            vec![],
            Some(r"Share \\fs01\apps — readers: Authenticated Users"),
        ),
    ];
    for (link, words, not, readable) in &cases {
        let shown_link: String = link.chars().take(70).collect();
        let text = open_unread(&page, link).await;
        let problems = page.text("#link-problems").await;
        for w in words {
            assert!(problems.contains(w), "{shown_link}: {problems}");
        }
        for w in not {
            assert!(!problems.contains(w), "{shown_link}: {problems}");
        }
        assert!(
            !text.contains("Succeeds"),
            "{shown_link}: a verdict: {text}"
        );
        assert_no_verdict_or_diagram(&page, &shown_link).await;
        if let Some(line) = readable {
            let read = page.text("#link-readable").await;
            assert!(read.contains(line), "{shown_link}: {read}");
        }
        // The broken link stays where the reader can see and fix it, and nothing was saved.
        assert_eq!(&hash(&page).await, link, "{shown_link}");
        assert_eq!(
            page.eval_args(
                "return localStorage.getItem(arguments[0])",
                vec![json!(SAVED)]
            )
            .await,
            Value::Null,
            "{shown_link}: saved as if it were a scenario"
        );
    }
    let violations = page.axe().await;
    assert!(
        violations.is_empty(),
        "axe on the page of a link that could not be read: {violations:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reader_opens_what_could_be_read_or_the_defaults_and_the_address_follows() {
    let page = Harness::start().await;
    // What could be read: the Legacy Client and the share, without its unknown reader.
    open_unread(
        &page,
        "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~domain-computers,bogus",
    )
    .await;
    page.click("#open-readable").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    page.wait_for("#diagram svg").await;
    assert_eq!(hash(&page).await, GOOD);
    let choices = page.shown_choices().await;
    assert_eq!(choices["radios"]["client"], json!("legacy"));
    assert_eq!(
        choices["shares"],
        json!([{ "unc": r"\\fs01\apps", "readers": ["domain-computers"] }])
    );
    page.wait_for_text("#notice", "could be read").await;
    page.wait_until(&format!(
        "localStorage.getItem({}) === location.hash.slice(1)",
        js(SAVED)
    ))
    .await;

    // The defaults, explicitly.
    open_unread(&page, "#v=2&client=legacy").await;
    page.click("#open-defaults").await;
    page.wait_verdict("ok", "Succeeds").await;
    assert_eq!(hash(&page).await, "#v=1");
    assert_eq!(
        page.shown_choices().await["radios"]["client"],
        json!("advanced")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_link_followed_in_the_open_page_hides_the_old_verdict_until_asked_back() {
    let page =
        Harness::opened_with_verdict(GOOD, "fails", "Fails at step 4 (Connect to share)").await;
    let good = page.shown_choices().await;
    page.eval_args(
        "location.hash = arguments[0]",
        vec![json!("#v=1&client=cm08")],
    )
    .await;
    let text = unread_page(&page).await;
    assert!(
        text.contains(r#""client=cm08" is not a known value"#),
        "{text}"
    );
    assert_no_verdict_or_diagram(&page, "followed in the page").await;
    page.click("#keep-current").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    assert_eq!(page.shown_choices().await, good);
    assert_eq!(hash(&page).await, GOOD);

    // Back from a bad link returns to the scenario, its verdict shown again.
    page.eval_args(
        "location.hash = arguments[0]",
        vec![json!("#v=1&colour=red")],
    )
    .await;
    unread_page(&page).await;
    page.eval("history.back()").await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    assert_eq!(hash(&page).await, GOOD);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_embedded_bad_link_shows_no_verdict_either() {
    let page = Harness::start().await;
    open_unread(&page, "#v=1&share=%5C%5Cfs01%5Capps~bogus&view=embed").await;
    assert_no_verdict_or_diagram(&page, "embed").await;
    assert!(page
        .eval("return document.querySelector('main.embed') !== null")
        .await
        .as_bool()
        .unwrap_or_default());
    page.click("#open-readable").await;
    page.wait_for("main.embed #diagram svg").await;
    assert_eq!(
        hash(&page).await,
        "#v=1&share=%5C%5Cfs01%5Capps~&view=embed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scenario_restored_from_an_earlier_visit_says_so_with_its_link_and_a_fresh_start() {
    let page = Harness::start().await;
    // A first visit, nothing saved: no notice.
    page.open("").await;
    page.wait_verdict("ok", "Succeeds").await;
    assert_eq!(
        page.eval("return document.getElementById('notice')").await,
        Value::Null
    );
    // Someone works on a scenario...
    page.open(GOOD).await;
    page.choose_in("client", "client-cm07").await;
    page.wait_until(&format!(
        "localStorage.getItem({}) === location.hash.slice(1) && location.hash.includes('client=cm07')",
        js(SAVED)
    ))
    .await;
    let theirs = hash(&page).await;
    let verdict = page.text("#verdict .verdict-title").await;
    // ... and the next person opens credflow without a link.
    page.open("").await;
    let notice = page.wait_for_text("#notice", "restored").await;
    assert!(notice.contains("someone else's"), "{notice}");
    assert_eq!(hash(&page).await, theirs, "the restored scenario's link");
    assert_eq!(page.text("#verdict .verdict-title").await, verdict);
    // One click to a fresh start, which the address bar and storage follow.
    page.click("#start-fresh").await;
    page.wait_verdict("ok", "Succeeds").await;
    assert_eq!(
        page.shown_choices().await["radios"]["client"],
        json!("advanced")
    );
    page.wait_until(&format!(
        "location.hash === '#v=1' && localStorage.getItem({}) === 'v=1'",
        js(SAVED)
    ))
    .await;
    // A fresh start saved: the next visit restores nothing worth a notice.
    page.open("").await;
    page.wait_verdict("ok", "Succeeds").await;
    assert_eq!(
        page.eval("return document.getElementById('notice')").await,
        Value::Null
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_shares_that_fail_alike_are_one_finding_listing_them() {
    let page = Harness::start().await;
    let uncs: Vec<String> = (1..=8).map(|i| format!(r"\\fs{i:02}\apps")).collect();
    let mut link = String::from("#v=1");
    for u in &uncs {
        link.push_str(&format!(
            "&share={}~domain-users",
            credflow_e2e::percent_encode(u)
        ));
    }
    page.open(&link).await;
    page.wait_for("#findings .finding").await;
    let findings = page
        .eval(
            "return [...document.querySelectorAll('#findings .finding')].map(f => ({\
               title: f.querySelector('.finding-title').textContent,\
               shares: [...f.querySelectorAll('.finding-shares li')].map(l => l.textContent) }))",
        )
        .await;
    assert_eq!(
        findings,
        json!([{
            "title": "✕Steps 4–11: Connect to 8 shares — fails at step 4; steps 5–11 not reached (would also fail)",
            "shares": uncs,
        }]),
        "eight near-identical findings"
    );
    // A reason says a thing once: the token account's "local rights only".
    page.open("#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users")
        .await;
    let details = page.wait_for_text("#step-details", "Why").await;
    assert_eq!(details.matches("local rights only").count(), 1, "{details}");
    // "Why" gives the reason, not the headline again, and no sentence of it twice.
    let headline = page.text("#verdict .verdict-title").await;
    let headline = headline.trim_start_matches(|c: char| !c.is_alphanumeric());
    let why = page.text("#step-details dd.reason").await;
    assert!(!why.contains(headline), "{why:?} restates {headline:?}");
    let sentences: Vec<&str> = why.split(". ").map(str::trim).collect();
    for (i, sentence) in sentences.iter().enumerate() {
        assert!(
            !sentences[..i].contains(sentence),
            "{why:?} says {sentence:?} twice"
        );
    }
}

async fn share_fields(page: &Harness) -> Value {
    page.eval("return [...document.querySelectorAll('input.share-unc')].map(i => i.value)")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_paths_are_read_as_windows_reads_them() {
    let page = Harness::start().await;
    page.open("#v=1").await;
    page.open_tab("content").await;

    page.submit_share("//fs01/apps").await;
    page.wait_until("document.querySelectorAll('input.share-unc').length === 1")
        .await;
    assert_eq!(share_fields(&page).await, json!([r"\\fs01\apps"]));

    page.submit_share(r"\\?\UNC\fs02\x").await;
    page.wait_until("document.querySelectorAll('input.share-unc').length === 2")
        .await;
    assert_eq!(
        share_fields(&page).await,
        json!([r"\\fs01\apps", r"\\fs02\x"])
    );

    for (typed, says) in [
        (
            r"\\FS01\APPS",
            r"Share 1 is this share already (\\fs01\apps)",
        ),
        (r"\\fs01\apps\", "Share 1 is this share already"),
        (r"\\fs03\ap<ps", r#"has "<" in the name "ap<ps""#),
        (r"\\fs03\a:b", r#"has ":""#),
        (r"\\fs03\what?", r#"has "?""#),
        (r"\\?\C:\apps", "device path"),
    ] {
        page.submit_share(typed).await;
        let error = page.wait_for_text("#share-new-error", says).await;
        assert!(
            error.contains("This path") || error.contains("Share 1"),
            "{error}"
        );
        assert_eq!(
            share_fields(&page).await,
            json!([r"\\fs01\apps", r"\\fs02\x"]),
            "{typed} was added"
        );
    }

    // Editing the second share into the first is refused too; the good path is kept.
    let second = page.wait_for("#share-1-unc").await;
    second.clear().await.expect("clear");
    second.send_keys(r"\\Fs01\Apps").await.expect("type");
    page.wait_until(
        "document.getElementById('share-1-error').textContent.includes('Share 1 is this share already')",
    )
    .await;
    // Typed key by key, the last path before the duplicate is kept: `\\Fs01\App`.
    page.wait_until("location.hash.includes('Fs01%5CApp~')")
        .await;
    assert!(!hash(&page).await.contains("Fs01%5CApps"));

    // A link with forward slashes opens as the same share.
    page.open("#v=1&share=//fs01/apps~domain-computers").await;
    page.wait_verdict("ok", "Succeeds").await;
    assert_eq!(share_fields(&page).await, json!([r"\\fs01\apps"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_sixty_shares_the_first_screen_of_the_diagram_shows_where_its_arrows_start() {
    let page = Harness::start().await;
    page.emulate(Screen::LAPTOP).await;
    let uncs: Vec<String> = (1..=60).map(|i| format!(r"\\fs{i:02}\apps")).collect();
    page.open(&link_with_shares("", &uncs)).await;
    page.wait_for("#diagram:not([data-partial]) svg [data-node=\"more-shares\"]")
        .await;
    // The diagram's top at the window's top, as a trainer scrolls to it: every arrow starts
    // at the program's box or an identity's, so each of those shows its name on this screen.
    let out_of_sight = page
        .eval(
            "const svg = document.querySelector('#diagram svg');\
             window.scrollTo(0, scrollY + svg.getBoundingClientRect().top);\
             return [...svg.querySelectorAll('.nd.kp, .nd.ki')].map(n => {\
               const r = n.querySelector('text').getBoundingClientRect();\
               return { box: n.dataset.node, top: Math.round(r.top), bottom: Math.round(r.bottom) };\
             }).filter(b => b.top < 0 || b.bottom > innerHeight);",
        )
        .await;
    let height = page.eval("return innerHeight").await;
    assert_eq!(
        out_of_sight,
        json!([]),
        "boxes whose arrows show on the first {height} px of the diagram, out of sight"
    );
}
