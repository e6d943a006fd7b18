//! The planner page as a person uses it: the wizard walked by clicks and by keyboard, share
//! links, history, storage, notices, the diagram's steps, the theme, narrow and wide windows,
//! and an accessibility scan of every view. Expected verdicts come from the rule book's
//! "Classic cases" (domain.md), not from the page's own code.

use credflow_e2e::{assert_no_violations, case, js, read_cases, Expected, Harness, INPUT_DEFAULTS};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// A scenario of `cases/wizard.txt` as a person sees it on the page: `"2"` is the rule
/// book's classic case 2.
fn expected(name: &str) -> Expected {
    let cases = read_cases("cases/wizard.txt", include_str!("../cases/wizard.txt"));
    case(&cases, name).clone()
}

/// The share link of the case `name` of `cases/wizard.txt` (`"2"`: classic case 2 of rule book
/// v2, whose share grants Domain Users only).
fn link_of(name: &str) -> &'static str {
    expected(name)
        .link
        .unwrap_or_else(|| panic!("case {name} of cases/wizard.txt has no link"))
}

/// Waits until the page shows the case `name` of `cases/wizard.txt` and the address is exactly
/// its link: the wizard built exactly the rule book's case.
async fn built(page: &Harness, name: &str) {
    expect_verdict(page, &expected(name)).await;
    page.wait_hash(link_of(name)).await;
}

/// A fresh browser on the link of the case `name` of `cases/wizard.txt`, once it shows that case.
async fn opened_case(name: &str) -> Harness {
    let page = Harness::start().await;
    page.open(link_of(name)).await;
    expect_verdict(&page, &expected(name)).await;
    page
}

/// Waits until the verdict banner shows `e`, and the step details show its deciding step.
async fn expect_verdict(page: &Harness, e: &Expected) {
    page.wait_verdict(e.outcome, e.title).await;
    match e.step {
        Some(n) => {
            let css = format!("#step-details[data-step=\"{n}\"]");
            page.wait_for(&css).await;
            for word in &e.shows {
                page.wait_for_text(&css, word).await;
            }
        }
        None => {
            let details = page.text("#step-details").await;
            assert!(
                details.contains("Every step succeeds"),
                "a succeeding plan selects no step; details show {details:?}"
            );
            for word in &e.shows {
                page.wait_for_text("#verdict", word).await;
            }
        }
    }
}

/// `radios` (checked radios by input) with every input it does not name at its default (the
/// first value in the rule book's input table): a v1 link leaves each of v2's new inputs ("New
/// in v2 marked ★") there.
fn with_defaults(mut radios: Value) -> Value {
    for (key, value) in INPUT_DEFAULTS {
        if radios.get(key).is_none() {
            radios[key] = json!(value);
        }
    }
    radios
}

// ---------------------------------------------------------------------------------------
// The wizard, walked by clicking, from the defaults to a classic case
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wizard_by_clicks_case_2_advanced_client_share_without_naa_fails_at_connect_share() {
    let page = Harness::start().await;
    page.open("").await;
    // The defaults are classic case 1.
    expect_verdict(&page, &expected("1")).await;
    assert_eq!(
        page.shown_choices().await["radios"],
        with_defaults(json!({}))
    );

    page.add_share(r"\\fs01\apps").await;
    // v2 case 2: "`\\fs01\apps`, which grants Domain Users only".
    grant_only(&page, "domain-users", "2").await;
}

/// With `\\fs01\apps` the only share, read by Authenticated Users as a new share is: lets
/// only `reader` read it, and waits until the page shows the case `name` at its link.
async fn grant_only(page: &Harness, reader: &str, name: &str) {
    assert_eq!(
        page.shown_choices().await["shares"],
        json!([{ "unc": r"\\fs01\apps", "readers": ["users"] }])
    );
    page.choose(&format!("share-0-{reader}")).await;
    page.unchoose("share-0-users").await;
    built(page, name).await;
}

/// Opens the page at the defaults and clicks through the wizard as the case `e` of
/// `cases/wizard.txt` says (its `clicks:`), then waits until the page shows that case at its
/// link.
async fn walk(e: Expected) {
    let page = Harness::opened_at("", "#verdict").await;
    for click in &e.clicks {
        if let Some(unc) = click.strip_prefix('+') {
            page.add_share(unc).await;
        } else if let Some(id) = click.strip_prefix('-') {
            page.unchoose(id).await;
        } else if let Some(id) = click.strip_prefix('=') {
            page.wait_checked(id).await;
        } else if let Some((tab, id)) = click.split_once('/') {
            page.choose_in(tab, id).await;
        } else {
            page.choose(click).await;
        }
    }
    built(&page, e.name).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wizard_by_clicks_builds_each_case_with_clicks_from_the_defaults() {
    let cases = read_cases("cases/wizard.txt", include_str!("../cases/wizard.txt"));
    let (mut walked, mut failed) = (Vec::new(), Vec::new());
    for e in cases.into_iter().filter(|e| !e.clicks.is_empty()) {
        let name = e.name;
        walked.push(name);
        // Its own task, so that a case that fails is named and the others still run.
        if let Err(error) = tokio::spawn(walk(e)).await {
            let panic = error.into_panic();
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            failed.push(format!("case {name}, clicked from the defaults: {message}"));
        }
    }
    assert_eq!(walked, ["4", "5", "7", "8", "9"], "the cases with clicks");
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wizard_by_clicks_case_10_cm07_reaches_the_share_as_the_computer_account() {
    let page = Harness::opened_at("", "#verdict").await;
    page.choose("client-cm07").await;
    page.open_tab("content").await;
    // Two shares added in the wrong order, reordered, and the extra one removed.
    page.add_share(r"\\fs02\tools").await;
    page.add_share(r"\\fs01\apps").await;
    page.click("button[aria-label=\"Move share 2 up\"]").await;
    page.wait_until(&format!(
        "[...document.querySelectorAll('li.share-row input.share-unc')].map(i => i.value)\
         .join('|') === {}",
        js(r"\\fs01\apps|\\fs02\tools")
    ))
    .await;
    page.click("button[aria-label=\"Remove share 2\"]").await;
    page.wait_until("document.querySelectorAll('li.share-row').length === 1")
        .await;
    grant_only(&page, "domain-computers", "10").await;
    // The share step is reached as DOMAIN\COMPUTER$; the NAA is not used.
    page.click(".step-picker button[data-step=\"4\"]").await;
    page.wait_for_text("#step-details[data-step=\"4\"]", r"DOMAIN\COMPUTER$")
        .await;
    page.wait_for_text(
        "#step-details[data-step=\"4\"]",
        "the Network Access Account is not used",
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// Share links, history, storage
// ---------------------------------------------------------------------------------------

/// Nearly every input away from its default, three shares (one readable by nobody).
const MANY: &str = "#v=1&client=legacy&os=nt&role=domain-controller&domain=untrusted&run=admin\
    &when=nouser&sia=1&logon=admin&installer=msi-allusers2&naa=set&siacct=set&source=unc\
    &dpacl=naa,siacct&share=%5C%5Cfs01%5Capps~siacct\
    &share=%5C%5Cfs02%5Ctools~users,domain-computers&share=%5C%5Cfs03%5Cempty~";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_link_restores_every_choice() {
    let page = Harness::opened_at(MANY, "li.share-row").await;
    let shown = page.shown_choices().await;
    // A v1 link: v2's new inputs stay at their defaults ("Every v1 link still opens and means
    // the same scenario").
    let radios = with_defaults(json!({
        "client": "legacy", "os": "nt", "role": "domain-controller",
        "domain": "untrusted", "run": "admin", "when": "nouser", "sia": "1",
        "logon": "admin", "installer": "msi-allusers2", "naa": "set",
        "siacct": "set", "source": "unc",
    }));
    assert_eq!(
        shown,
        json!({
            "radios": radios,
            "dpacl": ["naa", "siacct"],
            "shares": [
                { "unc": r"\\fs01\apps", "readers": ["siacct"] },
                { "unc": r"\\fs02\tools", "readers": ["users", "domain-computers"] },
                { "unc": r"\\fs03\empty", "readers": [] },
            ],
        }),
        "the wizard does not show the link's choices"
    );
    // Every input has exactly one checked radio.
    let groups = page
        .eval(
            "return [...document.querySelectorAll('fieldset.choice')].map(f =>\
               [f.id, f.querySelectorAll('input[type=radio]:checked').length])",
        )
        .await;
    for group in groups.as_array().unwrap() {
        assert_eq!(
            group[1], 1,
            "{} has not exactly one checked value",
            group[0]
        );
    }
    // The first share is the program's own source.
    page.wait_for_text(
        "li.share-row[data-share=\"0\"] .share-label",
        "the program's source",
    )
    .await;
    // Rule book: waits for logoff (a user is logged on, "only when no user"), and the third
    // share, which nobody may read, fails: the worst is the failure.
    expect_verdict(&page, &expected("many")).await;
    // Each tab shows its checked choice to the eye, not only in the DOM.
    for (id, radio) in [
        ("client", "role-domain-controller"),
        ("program", "installer-msi-allusers2"),
        ("runtime", "logon-admin"),
        ("accounts", "naa-set"),
        ("content", "source-unc"),
    ] {
        page.open_tab(id).await;
        let element = page.wait_for(&format!("#{radio}")).await;
        assert!(
            element.is_displayed().await.unwrap(),
            "#{radio} is not shown on tab {id}"
        );
        assert!(
            element.is_selected().await.unwrap(),
            "#{radio} is not checked"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_and_forward_between_two_followed_links() {
    let page = opened_case("2").await;
    let a = page.shown_choices().await;

    // A person follows a second link in the same tab.
    page.eval_args("location.hash = arguments[0]", vec![json!(link_of("7"))])
        .await;
    expect_verdict(&page, &expected("7")).await;
    let b = page.shown_choices().await;
    assert_eq!(b["radios"]["run"], "user");
    assert_eq!(b["shares"], json!([]));

    // Back brings A again, and Forward B, each at its own link.
    for (go, name, choices, wrong) in [
        ("back", "2", &a, "Back did not bring A's choices"),
        ("forward", "7", &b, "Forward did not bring B's choices"),
    ] {
        page.eval(&format!("history.{go}()")).await;
        expect_verdict(&page, &expected(name)).await;
        assert_eq!(&page.shown_choices().await, choices, "{wrong}");
        page.wait_hash(link_of(name)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_rewrite_the_link_a_reload_restores_it_and_storage_remembers_it() {
    let page = Harness::opened_at("", "#verdict").await;

    page.choose("client-legacy").await;
    page.wait_hash("#v=1&client=legacy").await;
    page.choose_in("program", "installer-msi-user").await;
    page.wait_hash("#v=1&client=legacy&installer=msi-user")
        .await;
    page.open_tab("content").await;
    page.unchoose("dpacl-users").await;
    page.choose("dpacl-client-connection").await;
    page.add_share(r"\\fs01\apps").await;
    let link = "#v=1&client=legacy&installer=msi-user&dpacl=client-connection\
                &share=%5C%5Cfs01%5Capps~users";
    page.wait_hash(link).await;
    let before = page.shown_choices().await;
    let verdict = page.text("#verdict").await;

    // The page shows those choices and that verdict again; `lost` says what did not.
    let restored = async |lost: &str| {
        page.wait_for("li.share-row").await;
        assert_eq!(page.shown_choices().await, before, "{lost}");
        assert_eq!(page.text("#verdict").await, verdict);
    };

    page.client().refresh().await.expect("reload");
    restored("the reload lost choices").await;

    // Without a fragment, the last scenario comes back from localStorage.
    page.open("").await;
    restored("the page without a link did not bring back the last scenario").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_returns_to_the_defaults_and_undo_brings_the_scenario_back() {
    let page = opened_case("4").await;
    let case_4 = page.shown_choices().await;

    page.click("#reset").await;
    page.wait_until("document.querySelectorAll('li.share-row').length === 0")
        .await;
    assert_eq!(
        page.shown_choices().await["radios"],
        with_defaults(json!({}))
    );
    page.wait_checked("dpacl-users").await;
    page.wait_until("document.querySelector('#verdict').dataset.outcome === 'ok'")
        .await;
    let notice = page.wait_for_text("#notice", "reset").await;
    assert!(notice.contains("Undo"), "no Undo in the notice: {notice:?}");
    page.wait_hash("#v=1").await;
    // The reset scenario is saved (the page saves after a short pause).
    page.wait_until("localStorage.getItem('credflow.scenario') === 'v=1'")
        .await;

    page.click("#notice #undo").await;
    expect_verdict(&page, &expected("4")).await;
    assert_eq!(page.shown_choices().await, case_4);
    page.wait_hash(link_of("4")).await;
    page.wait_until(&format!(
        "localStorage.getItem('credflow.scenario') === {}",
        js(&link_of("4")[1..])
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undo_right_after_reset_puts_the_restored_scenario_in_the_link() {
    let page = opened_case("4").await;
    let case_4 = page.shown_choices().await;

    // A person on the keyboard who activates Reset by mistake and Undo at once: Enter on
    // Reset, Tab past "Dark mode" to the notice's Undo, Enter.
    tab_until(&page, false, 6, |f| f["id"] == "reset").await;
    page.press_keys(&[Key::Enter, Key::Tab, Key::Tab, Key::Enter])
        .await;
    expect_verdict(&page, &expected("4")).await;
    assert_eq!(page.shown_choices().await, case_4);
    // The address (what a reload, a bookmark or a copied address gives) must be the
    // scenario shown, not the defaults it passed through.
    // (The page writes the address a moment after the last change: wait for it.)
    page.wait_hash(link_of("4")).await;
    let hash = page.eval("return location.hash").await;
    assert_eq!(
        hash,
        json!(link_of("4")),
        "Undo right after Reset: the page shows case 4 but its link is the defaults"
    );
    page.client().refresh().await.unwrap();
    expect_verdict(&page, &expected("4")).await;
}

// ---------------------------------------------------------------------------------------
// Notices, unavailable options, malformed input
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_choice_that_invalidates_another_is_normalised_and_the_notice_says_so() {
    let page = Harness::opened_at("", "#verdict").await;

    // Windows 98 needs the Legacy Client: disabled, with the reason beside it.
    assert!(!page.wait_for("#os-win9x").await.is_enabled().await.unwrap());
    page.wait_for_text("#os-win9x-help .why", "Legacy Client only")
        .await;
    page.choose("client-legacy").await;
    page.wait_until("!document.getElementById('os-win9x').disabled")
        .await;
    assert_eq!(
        page.eval("return document.querySelector('#os-win9x-help .why')?.innerText ?? null")
            .await,
        Value::Null,
        "the reason stays after the Legacy Client was chosen"
    );
    page.choose("os-win9x").await;
    // Back to the Advanced Client: Windows 98 is undone, and the notice says so.
    page.choose("client-advanced").await;
    page.wait_checked("os-nt").await;
    let notice = page.wait_for_text("#notice", "Operating system").await;
    assert!(notice.contains("Windows 98"), "{notice:?}");
    assert_eq!(
        page.attr("#notice", "role").await.as_deref(),
        Some("status")
    );

    // "Run with user's rights" while "Program can run" is "whether or not a user is logged on".
    page.open_tab("program").await;
    assert!(page
        .wait_for("#when-any")
        .await
        .is_selected()
        .await
        .unwrap());
    page.choose("run-user").await;
    page.wait_checked("when-user").await;
    let notice = page
        .wait_for_text("#notice[role=status]", "Program can run")
        .await;
    assert!(
        notice.contains("adjusted"),
        "the notice does not say choices were adjusted: {notice:?}"
    );
    for v in ["any", "nouser"] {
        assert!(
            !page
                .wait_for(&format!("#when-{v}"))
                .await
                .is_enabled()
                .await
                .unwrap(),
            "#when-{v} is still enabled with user's rights"
        );
        page.wait_for_text(&format!("#when-{v}-help .why"), "Not with user's rights")
            .await;
    }
    page.wait_hash("#v=1&run=user&when=user").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_link_keeps_the_last_good_scenario_and_the_page_stays_usable() {
    let page = opened_case("4").await;
    let good = page.shown_choices().await;

    page.eval("location.hash = '#v=1&client=nope&run=user'")
        .await;
    let alert = page.wait_for_text("[role=alert]", "nope").await;
    assert!(
        alert.contains("client"),
        "the alert does not name the key: {alert:?}"
    );
    // Now that a link with a mistake is shown as such, the previous verdict is not shown under the broken link; one click
    // goes back to the previous scenario.
    page.wait_until("document.querySelector('#verdict').dataset.outcome === 'unread'")
        .await;
    page.click("#keep-current").await;
    expect_verdict(&page, &expected("4")).await;
    assert_eq!(page.shown_choices().await, good);

    // Still usable: a radio changes the verdict.
    page.choose("client-cm07").await;
    page.wait_until(
        "document.querySelector('#verdict').dataset.outcome === 'ok' &&\
         document.querySelector('#verdict .verdict-title').innerText.includes('Succeeds')",
    )
    .await;
    page.wait_hash("#v=1&client=cm07&share=%5C%5Cfs01%5Capps~users")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_path_that_is_not_unc_shows_an_error_and_keeps_the_scenario() {
    let page = opened_case("2").await;
    page.open_tab("content").await;

    // Editing a share's path.
    let field = page.wait_for("#share-0-unc").await;
    field.clear().await.unwrap();
    field.send_keys(r"fs01\apps").await.unwrap();
    let error = page.wait_for_text("#share-0-error", "not a UNC path").await;
    assert!(error.contains("last good path is kept"), "{error:?}");
    assert_eq!(
        page.attr("#share-0-unc", "aria-invalid").await.as_deref(),
        Some("true")
    );
    expect_verdict(&page, &expected("2")).await;
    // The scenario still has the old path: the next edit writes it into the link.
    page.choose("share-0-naa").await;
    page.wait_hash("#v=1&share=%5C%5Cfs01%5Capps~domain-users,naa")
        .await;
    page.wait_for_text("#summary", r"\\fs01\apps").await;

    // Adding one.
    page.wait_for("#share-new")
        .await
        .send_keys(r"fs02\tools")
        .await
        .unwrap();
    page.click("#share-add").await;
    page.wait_for_text("#share-new-error", "not a UNC path")
        .await;
    assert_eq!(
        page.eval("return document.querySelectorAll('li.share-row').length")
            .await,
        1,
        "a bad path was added as a share"
    );
}

// ---------------------------------------------------------------------------------------
// The diagram's steps
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clicking_a_step_in_the_diagram_or_a_chip_shows_its_details() {
    let page = opened_case("2").await;

    page.click("#diagram [data-step=\"3\"]").await;
    page.wait_for_text("#step-details[data-step=\"3\"]", "Fetch content")
        .await;
    page.wait_for_text("#step-details[data-step=\"3\"]", "CAS.log")
        .await;

    page.click(".step-picker button[data-step=\"1\"]").await;
    page.wait_for_text("#step-details[data-step=\"1\"]", "Schedule")
        .await;
    page.wait_until(
        "document.querySelector('.step-picker button[data-step=\"1\"]')\
           .getAttribute('aria-pressed') === 'true' &&\
         document.querySelector('.step-picker button[data-step=\"4\"]')\
           .getAttribute('aria-pressed') === 'false'",
    )
    .await;

    page.click(".step-picker button[data-step=\"3\"]").await;
    page.wait_for("#step-details[data-step=\"3\"]").await;
    page.click("#diagram [data-step=\"4\"]").await;
    page.wait_for_text("#step-details[data-step=\"4\"]", "execmgr.log")
        .await;
}

// ---------------------------------------------------------------------------------------
// Keyboard only
// ---------------------------------------------------------------------------------------

/// The focused element: `[id, outline-style, outline-width, tag]`.
async fn focused(page: &Harness) -> Value {
    page.eval(
        "const e = document.activeElement; const s = getComputedStyle(e);\
         return { id: e.id, outline: s.outlineStyle, width: s.outlineWidth,\
                  step: e.dataset ? (e.dataset.step || null) : null };",
    )
    .await
}

/// Presses Tab (or Shift+Tab) until `done(focused)` holds, at most `max` times.
async fn tab_until(page: &Harness, back: bool, max: usize, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..max {
        if back {
            page.press_chord(Key::Shift, Key::Tab).await;
        } else {
            page.press_keys(&[Key::Tab]).await;
        }
        let now = focused(page).await;
        if done(&now) {
            return now;
        }
    }
    panic!(
        "{max} presses of {} never reached the wanted element; focus is on {}",
        if back { "Shift+Tab" } else { "Tab" },
        focused(page).await
    );
}

fn assert_focus_visible(f: &Value) {
    assert!(
        f["outline"] != "none" && f["width"] != "0px",
        "the focused element has no visible outline: {f}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_only_case_4_from_the_defaults() {
    let page = Harness::opened_at("", "#verdict").await;

    // Tab to the wizard's tabs; the Client tab is the one in the tab order.
    let f = tab_until(&page, false, 12, |f| f["id"] == "tab-client").await;
    assert_focus_visible(&f);
    // Into the Client panel: the checked client radio; an arrow key chooses the next one.
    let f = tab_until(&page, false, 1, |f| f["id"] == "client-advanced").await;
    assert_focus_visible(&f);
    page.press_keys(&[Key::Down]).await;
    page.wait_until(
        "document.getElementById('client-legacy').checked &&\
         document.activeElement.id === 'client-legacy'",
    )
    .await;
    assert_focus_visible(&focused(&page).await);

    // Back to the tabs, and with an arrow key (wrapping) to "Content and shares".
    tab_until(&page, true, 1, |f| f["id"] == "tab-client").await;
    page.press_keys(&[Key::Left]).await;
    page.wait_until(
        "document.activeElement.id === 'tab-content' &&\
         document.getElementById('tab-content').getAttribute('aria-selected') === 'true' &&\
         !document.getElementById('panel-content').hidden",
    )
    .await;
    assert_focus_visible(&focused(&page).await);

    // Tab to "Add a share", type the path, Enter.
    let f = tab_until(&page, false, 20, |f| f["id"] == "share-new").await;
    assert_focus_visible(&f);
    let path: Vec<char> = r"\\fs01\apps".chars().collect();
    page.press(&path).await;
    page.press_keys(&[Key::Enter]).await;
    page.wait_until(&format!(
        "document.querySelector('li.share-row input.share-unc')?.value === {}",
        js(r"\\fs01\apps")
    ))
    .await;

    built(&page, "4").await;

    // On to the steps of the plan: the diagram's steps come first (its text, one tab stop,
    // on step 1); Space and Enter pick a step, and move to its details.
    let f = tab_until(&page, false, 20, |f| f["step"] == "1").await;
    assert_focus_visible(&f);
    page.press_keys(&[Key::Space]).await;
    page.wait_for_text("#step-details[data-step=\"1\"]", "Schedule")
        .await;
    // Back from the details to the step chips, to step 4's.
    tab_until(&page, true, 12, |f| f["step"] == "4").await;
    page.press_keys(&[Key::Enter]).await;
    page.wait_for_text("#step-details[data-step=\"4\"]", "SMSAPM32.log")
        .await;
    assert_focus_visible(&focused(&page).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skip_link_reaches_the_verdict_and_keeps_the_scenario() {
    let page = opened_case("2").await;
    let f = tab_until(&page, false, 1, |_| true).await;
    let text = page.eval("return document.activeElement.innerText").await;
    assert_eq!(
        text, "Skip to the verdict",
        "the first Tab stop is not the skip link: {f}"
    );
    page.press_keys(&[Key::Enter]).await;
    // Either the page complains, or it has moved to the verdict with the scenario intact.
    page.wait_until(&format!(
        "document.querySelector('[role=alert]') || (location.hash === {} &&\
           document.querySelector('#verdict').getBoundingClientRect().top < innerHeight &&\
           document.querySelector('#verdict').getBoundingClientRect().bottom > 0)",
        js(link_of("2"))
    ))
    .await;
    let alert = page
        .eval("return document.querySelector('[role=alert]')?.innerText ?? null")
        .await;
    assert_eq!(alert, Value::Null, "the skip link shows an error");
    expect_verdict(&page, &expected("2")).await;
}

// ---------------------------------------------------------------------------------------
// Theme, widths, accessibility
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dark_mode_is_applied_and_remembered_after_a_reload() {
    let page = Harness::opened_at(link_of("2"), "#verdict").await;
    let light_bg = page
        .eval("return getComputedStyle(document.body).backgroundColor")
        .await;
    assert_ne!(
        page.eval("return document.documentElement.dataset.theme ?? null")
            .await,
        "dark"
    );

    page.click("#theme-toggle").await;
    page.wait_until(
        "document.documentElement.dataset.theme === 'dark' &&\
         document.querySelector('#theme-toggle').getAttribute('aria-pressed') === 'true'",
    )
    .await;
    let dark_bg = page
        .wait_until(&format!(
            "getComputedStyle(document.body).backgroundColor !== {} &&\
             getComputedStyle(document.body).backgroundColor",
            light_bg
        ))
        .await;

    page.client().refresh().await.unwrap();
    page.wait_for("#verdict").await;
    page.wait_until(
        "document.documentElement.dataset.theme === 'dark' &&\
         document.querySelector('#theme-toggle').getAttribute('aria-pressed') === 'true'",
    )
    .await;
    assert_eq!(
        page.eval("return getComputedStyle(document.body).backgroundColor")
            .await,
        dark_bg
    );

    // And back to light, also remembered.
    page.click("#theme-toggle").await;
    page.wait_until("document.documentElement.dataset.theme === 'light'")
        .await;
    page.open(link_of("2")).await;
    page.wait_for("#verdict").await;
    page.wait_until(
        "document.documentElement.dataset.theme === 'light' &&\
         document.querySelector('#theme-toggle').getAttribute('aria-pressed') === 'false'",
    )
    .await;
}

/// A long path, to make wrapping matter.
const LONG_SHARE: &str = "#v=1&client=legacy&share=%5C%5Cfileserver-central-europe-01\
    %5Csoftware-distribution%24%5Capplications%5Coffice-2003-professional~users\
    &share=%5C%5Cfs01%5Capps~siacct";

/// What makes the page scroll sideways (the diagram scrolls in its own box), or the verdict
/// not shown inside the width, if anything.
async fn overflow(page: &Harness, what: &str) -> Option<String> {
    let r = page
        .eval(
            "const root = document.documentElement;\
             const wide = [...document.querySelectorAll('body *')]\
               .filter(e => !e.closest('#diagram') && e.getClientRects().length &&\
                            e.getBoundingClientRect().right > root.clientWidth + 0.5)\
               .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +\
                 (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') +\
                 ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ')');\
             const v = document.querySelector('#verdict').getBoundingClientRect();\
             return { scroll: root.scrollWidth, client: root.clientWidth,\
                      wide, verdict: [v.left, v.right, v.width, v.height] };",
        )
        .await;
    let client = r["client"].as_f64().unwrap();
    if r["scroll"].as_f64().unwrap() > client {
        return Some(format!(
            "{what}: the page scrolls sideways ({} px wide in {client} px); too wide: {}",
            r["scroll"], r["wide"]
        ));
    }
    let v: Vec<f64> = r["verdict"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    let displayed = page
        .wait_for("#verdict")
        .await
        .is_displayed()
        .await
        .unwrap();
    if !(displayed && v[0] >= 0.0 && v[1] <= client + 0.5 && v[2] > 0.0 && v[3] > 0.0) {
        return Some(format!(
            "{what}: the verdict is not shown within the width: {v:?}"
        ));
    }
    None
}

async fn check_widths(width: u32) {
    let page = Harness::start().await;
    page.client().set_window_size(width, 900).await.unwrap();
    page.open("").await;
    page.wait_until(&format!("innerWidth === {width}")).await;
    let mut problems = Vec::new();
    for link in ["", link_of("2"), LONG_SHARE] {
        page.open(link).await;
        page.wait_for("#diagram svg").await;
        for id in ["client", "program", "runtime", "accounts", "content"] {
            page.open_tab(id).await;
            problems.extend(overflow(&page, &format!("{link:?}, tab {id}")).await);
        }
    }
    page.open(&format!("{LONG_SHARE}&view=embed")).await;
    page.wait_for("#diagram svg").await;
    problems.extend(overflow(&page, "embed view").await);
    assert!(
        problems.is_empty(),
        "at {width}px, {} of 16 views: {:#?}",
        problems.len(),
        &problems[..problems.len().min(3)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_overflows_sideways_at_360px() {
    check_widths(360).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_overflows_sideways_at_1920px() {
    check_widths(1920).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accessibility_scan_of_the_default_page_and_a_failing_case() {
    let page = Harness::opened_at("", "#diagram svg").await;
    assert_no_violations(&page, "default page").await;

    page.open(link_of("2")).await;
    expect_verdict(&page, &expected("2")).await;
    assert_no_violations(&page, "case 2 with step 4's details").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accessibility_scan_of_each_wizard_tab() {
    let page = Harness::start().await;
    // A link that fills every tab: shares, a notice-free valid scenario.
    page.open(MANY).await;
    page.wait_for("li.share-row").await;
    for id in ["client", "program", "runtime", "accounts", "content"] {
        page.open_tab(id).await;
        assert_no_violations(&page, &format!("tab {id}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accessibility_scan_in_dark_mode() {
    let page = Harness::opened_at(link_of("2"), "#diagram svg").await;
    page.click("#theme-toggle").await;
    page.wait_until("document.documentElement.dataset.theme === 'dark'")
        .await;
    assert_no_violations(&page, "dark mode, case 2").await;
    for id in ["client", "program", "content"] {
        page.open_tab(id).await;
        assert_no_violations(&page, &format!("dark mode, tab {id}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accessibility_scan_of_the_embed_view() {
    let page = Harness::opened_at(&format!("{}&view=embed", link_of("2")), "#diagram svg").await;
    assert_no_violations(&page, "embed view").await;
}
