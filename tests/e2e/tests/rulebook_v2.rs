//! Rule book v2 as a person sees it on the page: each new step failing and fixed by clicking the
//! wizard, the new inputs disabled with their reason where normalisation would undo them, every
//! source shown by its real title and linked to its address (and nothing requested from it),
//! the whole rule book (`rules.md`) beside the page, every v1 link of the other tests still
//! opening the same scenario, and an accessibility scan of what v2 added.
//!
//! Expected outcomes come from the rule book (/work/shared/domain.md, v2) and its source list
//! (sources.md); each expectation quotes the line it checks.

use credflow_e2e::{
    assert_no_violations, case, foreign, js, read_cases, Harness, Options, INPUT_DEFAULTS,
};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Waits until the step chip `n` shows `outcome` (the chips follow a change a frame after the
/// verdict), selects it, and waits until the details show step `n`, `label`, `outcome` and
/// every one of `shows`.
async fn expect_step(page: &Harness, n: u32, label: &str, outcome: &str, shows: &[&str]) {
    let chip = format!(".step-picker button[data-step=\"{n}\"]");
    page.wait_until(&format!(
        "document.querySelector({})?.classList.contains({})",
        js(&chip),
        js(&format!("outcome-{outcome}"))
    ))
    .await;
    page.click(&chip).await;
    page.wait_until(&format!(
        "(() => {{ const d = document.querySelector('#step-details');\
           return d && d.dataset.step === '{n}' && d.classList.contains({}) &&\
             d.querySelector('h3').innerText.includes({}); }})()",
        js(&format!("outcome-{outcome}")),
        js(&format!("Step {n}: {label}"))
    ))
    .await;
    details_show(page, n, shows).await;
}

/// A fresh browser on the link of the classic case `name` of `cases/rulebook_v2.txt`, once
/// it shows that case's verdict and its deciding step (selected) shows the table's words.
async fn opened_case(name: &str) -> Harness {
    let cases = read_cases(
        "cases/rulebook_v2.txt",
        include_str!("../cases/rulebook_v2.txt"),
    );
    let e = case(&cases, name);
    let want = |what: &str| -> ! { panic!("case {name} of cases/rulebook_v2.txt has no {what}") };
    let page =
        Harness::opened_with_verdict(e.link.unwrap_or_else(|| want("link")), e.outcome, e.title)
            .await;
    let step = e.step.unwrap_or_else(|| want("step"));
    let label = e.label.unwrap_or_else(|| want("step label"));
    expect_step(&page, step, label, e.outcome, &e.shows).await;
    page
}

/// Waits until the selected step `n`'s details show every one of `words`.
async fn details_show(page: &Harness, n: u32, words: &[&str]) {
    for word in words {
        page.wait_for_text(&format!("#step-details[data-step=\"{n}\"]"), word)
            .await;
    }
}

/// The labels of the step chips, in order (`["Schedule", "Run as", ...]`), as a JavaScript
/// expression.
const STEP_LABELS: &str = "[...document.querySelectorAll('.step-picker button[data-step]')]\
    .map(b => [...b.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)\
      .map(n => n.textContent).join('').replace(/^\\d+\\. /, '').trim())";

/// Waits until the step chips (which follow a change a frame after the verdict) are `labels`.
async fn expect_steps(page: &Harness, labels: &[&str]) {
    let wanted = json!(labels);
    let deadline = std::time::Instant::now() + credflow_e2e::TIMEOUT;
    loop {
        let shown = page.eval(&format!("return {STEP_LABELS}")).await;
        if shown == wanted {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the steps are {shown}, not {wanted}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Scrolls the section `css` into view, as a reader would (the sections below the diagram are
/// laid out only near the screen, so their text is empty to `innerText` until then).
async fn scroll_to(page: &Harness, css: &str) {
    page.wait_for(css).await;
    page.eval_args(
        "document.querySelector(arguments[0]).scrollIntoView(); return true",
        vec![json!(css)],
    )
    .await;
    page.wait_until(&format!(
        "document.querySelector({}).innerText.trim() !== ''",
        js(css)
    ))
    .await;
}

/// The option `id` is disabled, and its help says `reason`.
async fn disabled_with(page: &Harness, id: &str, reason: &str) {
    page.wait_until(&format!("document.getElementById({}).disabled", js(id)))
        .await;
    page.wait_for_text(&format!("#{id}-help .why"), reason)
        .await;
}

/// The option `id` can be chosen, and no reason against it is shown.
async fn enabled(page: &Harness, id: &str) {
    page.wait_until(&format!(
        "!document.getElementById({id}).disabled && !document.querySelector({why})",
        id = js(id),
        why = js(&format!("#{id}-help .why"))
    ))
    .await;
}

// ---------------------------------------------------------------------------------------
// The new steps: each fails, and a click in the wizard fixes it
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn map_drive_fails_when_the_specific_letter_is_taken_and_a_free_letter_fixes_it() {
    // Classic case 17, as it opens (cases/rulebook_v2.txt).
    let page = opened_case("17").await;

    page.choose_in("content", "letter-free").await;
    // "otherwise ok".
    page.wait_verdict("ok", "Succeeds").await;
    expect_step(&page, 4, "Map drive", "ok", &[]).await;
    page.wait_hash("#v=1&deploy=rundp&drive=fixed").await;

    // "`drive=any` takes the next free letter from Z: backwards [CB-PDF]": ok too.
    page.choose("drive-any").await;
    page.wait_verdict("ok", "Succeeds").await;
    expect_step(&page, 4, "Map drive", "ok", &[]).await;
    // Runs with its UNC name: no letter to map, no map-drive step ("only when `drive` ≠ `unc`").
    page.choose("drive-unc").await;
    page.wait_hash("#v=1&deploy=rundp").await;
    expect_steps(&page, &["Schedule", "Run as", "Fetch content", "Install"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn use_mapped_drive_fails_as_local_system_and_the_users_rights_or_a_unc_path_fix_it() {
    // Classic case 12, as it opens (cases/rulebook_v2.txt).
    let page = opened_case("12").await;

    // "Runs as the user: ok." The program tab's "Run with user's rights" (which sets "only when
    // a user is logged on"): the letter is there, and the plan goes on to the install, which a
    // standard user's rights cannot do (classic case 7, 1925).
    page.choose_in("program", "run-user").await;
    page.wait_verdict("fails", "Fails at step 5 (Install)")
        .await;
    expect_step(&page, 4, "Use mapped drive", "ok", &["the logged-on user"]).await;

    // The other fix, from the failing case again: no mapped letter at all.
    page.open("#v=1&mapped=1").await;
    page.wait_verdict("fails", "Fails at step 4 (Use mapped drive)")
        .await;
    page.choose_in("program", "mapped-0").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.wait_hash("#v=1").await;
    // No mapped letter, no use-mapped-drive step ("when `mapped=1`").
    expect_steps(&page, &["Schedule", "Run as", "Fetch content", "Install"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_input_fails_hidden_succeeds_quietly_and_is_at_risk_with_a_user_to_answer() {
    // Classic case 13, as it opens (cases/rulebook_v2.txt).
    let page = opened_case("13").await;

    // "Fix: run the installer quietly (/qn, the vendor's silent switch)".
    page.choose_in("program", "ui-silent").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.wait_hash("#v=1&client=cm07").await;

    // "or allow interaction": `interact=1` "and a user logged on at run time: at-risk, as
    // above; else fails".
    page.choose("ui-prompts").await;
    page.wait_verdict("fails", "Fails at step 4 (User input)")
        .await;
    page.choose("interact-1").await;
    page.wait_hash("#v=1&client=cm07&interact=1&ui=prompts")
        .await;
    page.wait_verdict("fails", "Fails at step 4 (User input)")
        .await;
    page.choose_in("runtime", "logon-user").await;
    page.wait_verdict("at-risk", "At risk at step 4 (User input)")
        .await;
    expect_step(&page, 4, "User input", "at-risk", &["logged-on user"]).await;
    page.wait_hash("#v=1&client=cm07&interact=1&ui=prompts&logon=user")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_boundary_waits_and_downloading_on_slow_boundaries_succeeds() {
    // Classic case 15, as it opens (cases/rulebook_v2.txt).
    let page = opened_case("15").await;
    // "what the read would have been is a note".
    page.wait_for_text(
        "#step-details[data-step=\"3\"] dd.note",
        "can read the package share",
    )
    .await;

    // "Fix: ... allow download on slow boundaries."
    page.choose_in("content", "slow-download").await;
    page.wait_verdict("ok", "Succeeds").await;
    expect_step(&page, 3, "Fetch content", "ok", &[]).await;
    // "The action says how: download into the client cache (CAS, BITS) [KB839513]".
    details_show(&page, 3, &["client cache"]).await;
    page.wait_hash("#v=1&boundary=slow&slow=download").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vista_standard_user_allusers2_msi_fails_and_an_administrator_must_approve_elevation() {
    // Classic case 16, as it opens (cases/rulebook_v2.txt).
    let page = opened_case("16").await;

    // "`os=vista`, `run=user`, `logon=admin` ... a silent install (`ui=silent`) cannot show
    // one — fails (1925 for an MSI)".
    page.choose_in("runtime", "logon-admin").await;
    page.wait_verdict("fails", "Fails at step 4 (Install)")
        .await;
    details_show(&page, 4, &["1925", "How User Account Control works"]).await;
    // "with `ui=prompts` the user can approve the elevation prompt — at-risk".
    page.choose_in("program", "ui-prompts").await;
    page.wait_verdict("at-risk", "At risk at step 4 (User input)")
        .await;
    expect_step(&page, 5, "Install", "at-risk", &["elevation prompt"]).await;

    // "(v1's at-risk holds for `os=nt`)": the same standard user on Windows XP.
    page.choose("ui-silent").await;
    page.choose_in("runtime", "logon-user").await;
    page.choose_in("client", "os-nt").await;
    page.wait_verdict("at-risk", "At risk at step 4 (Install)")
        .await;
    page.wait_hash("#v=1&client=cm07&run=user&when=user&logon=user&installer=msi-allusers2")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_on_64_bit_windows_is_at_risk_and_the_logs_are_under_syswow64() {
    // Classic case 14, as it opens (cases/rulebook_v2.txt).
    let page = opened_case("14").await;
    // Logs: "`%windir%\System32\CCM\Logs` (★ `%windir%\SysWOW64\CCM\Logs` on x64)".
    page.wait_for_text(
        "#step-details[data-step=\"4\"] dd.log",
        r"execmgr.log in %windir%\SysWOW64\CCM\Logs",
    )
    .await;

    page.choose("arch-x86").await;
    page.wait_verdict("ok", "Succeeds").await;
    expect_step(&page, 4, "Install", "ok", &[]).await;
    page.wait_for_text(
        "#step-details[data-step=\"4\"] dd.log",
        r"%windir%\System32\CCM\Logs",
    )
    .await;
    page.wait_hash("#v=1&client=cm07&installer=script").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cm07_on_a_domain_controller_needs_domain_controllers_not_domain_computers_on_the_share() {
    let page = Harness::opened_at("", "#verdict").await;
    page.choose_in("client", "client-cm07").await;
    page.choose("role-domain-controller").await;
    page.add_share(r"\\fs01\apps").await;
    page.choose("share-0-domain-computers").await;
    page.unchoose("share-0-users").await;
    // Classic case 11: "CM07 client on a domain controller, share grants Domain Computers:
    // fails (Domain Controllers)." The computer account counts as "`domain-computers` — or
    // `domain-controllers` on a DC [AD-GROUPS]".
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    expect_step(
        &page,
        4,
        r"Connect to \\fs01\apps",
        "fails",
        &[r"DOMAIN\COMPUTER$", "Domain Controllers", "access denied"],
    )
    .await;
    page.wait_hash(
        "#v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-computers",
    )
    .await;

    // "Fix: grant Domain Computers (on a DC: Domain Controllers) read".
    page.choose("share-0-domain-controllers").await;
    page.wait_verdict("ok", "Succeeds").await;
    expect_step(&page, 4, r"Connect to \\fs01\apps", "ok", &[]).await;
    page.wait_hash(
        "#v=1&client=cm07&role=domain-controller\
         &share=%5C%5Cfs01%5Capps~domain-computers,domain-controllers",
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// Options that normalisation would undo are disabled, with the reason
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn options_that_normalisation_would_undo_are_disabled_with_their_reason() {
    let page = Harness::opened_at("", "#verdict").await;

    // "`vista` and `x64` need `client=cm07` (else `nt`/`x86`)".
    for id in ["os-vista", "arch-x64"] {
        disabled_with(&page, id, "ConfigMgr 2007 client only").await;
    }
    page.choose("client-cm07").await;
    for id in ["os-vista", "arch-x64"] {
        enabled(&page, id).await;
    }
    page.choose("os-vista").await;
    page.choose("arch-x64").await;
    page.wait_hash("#v=1&client=cm07&os=vista&arch=x64").await;
    // Back to the Advanced Client: both are undone, and the notice says so.
    page.choose("client-advanced").await;
    page.wait_until(
        "document.getElementById('os-nt').checked && document.getElementById('arch-x86').checked",
    )
    .await;
    let notice = page
        .wait_for_text("#notice[role=status]", "Windows Vista")
        .await;
    assert!(notice.contains("adjusted"), "{notice:?}");
    disabled_with(&page, "os-vista", "ConfigMgr 2007 client only").await;
    page.wait_hash("#v=1").await;

    // "`interact` only with `run=admin`, `when` ∈ {any, user} and not Win9x".
    page.open_tab("program").await;
    enabled(&page, "interact-1").await;
    page.choose("when-nouser").await;
    disabled_with(&page, "interact-1", "only when no user is logged on").await;
    page.choose("run-user").await;
    disabled_with(&page, "interact-1", "Needs administrative rights").await;
    page.choose("run-admin").await;
    page.choose("when-any").await;

    // "a drive mode other than `unc` only when the program runs from the DP — effective mode
    // run-from-DP and `source=dp`"; "`letter` only with `drive=fixed`".
    page.open_tab("content").await;
    for id in ["drive-any", "drive-fixed"] {
        disabled_with(&page, id, "Run program from distribution point").await;
    }
    disabled_with(&page, "letter-taken", "Requires specific drive letter").await;
    page.choose("deploy-rundp").await;
    enabled(&page, "drive-fixed").await;
    page.choose("drive-fixed").await;
    enabled(&page, "letter-taken").await;
    page.choose("letter-taken").await;
    page.wait_hash("#v=1&deploy=rundp&drive=fixed&letter=taken")
        .await;
    // Downloading again undoes the drive mode and the letter, and says why.
    page.choose("deploy-download").await;
    page.wait_until(
        "document.getElementById('drive-unc').checked && document.getElementById('letter-free').checked",
    )
    .await;
    page.wait_for_text(
        "#notice[role=status]",
        "Drive modes apply only when the program runs from the distribution point",
    )
    .await;
    page.wait_hash("#v=1").await;
    // The effective mode on a slow boundary is the slow-boundary option: "run from DP" there
    // allows a drive mode too.
    page.choose("boundary-slow").await;
    disabled_with(&page, "drive-fixed", "Run program from distribution point").await;
    page.choose("slow-rundp").await;
    enabled(&page, "drive-fixed").await;

    // "`deploy`, `boundary`, `slow` apply to Advanced/CM07 only ... the effective mode is
    // run-from-DP (inferred: the Legacy Client has no download mode)": for the Legacy Client
    // they are disabled, and a drive mode may be chosen.
    page.choose_in("client", "client-legacy").await;
    // "for Legacy they stay at their defaults, are not reported as changed".
    page.wait_hash("#v=1&client=legacy").await;
    let notice = page
        .eval("return document.querySelector('#notice')?.innerText ?? ''")
        .await;
    assert!(
        !notice.as_str().unwrap_or_default().contains("boundary"),
        "switching to the Legacy Client reported the boundary: {notice}"
    );
    page.open_tab("content").await;
    for id in [
        "deploy-rundp",
        "boundary-slow",
        "slow-download",
        "slow-rundp",
    ] {
        disabled_with(&page, id, "Advanced Client and ConfigMgr 2007 only").await;
    }
    enabled(&page, "drive-fixed").await;
}

// ---------------------------------------------------------------------------------------
// Sources: real titles, linked addresses, nothing requested; the whole rule book
// ---------------------------------------------------------------------------------------

/// Sources with their real title (or its start) and address, from sources.md's table: "Show
/// each source to the user with its real title and its address".
const REAL_SOURCES: &[(&str, &str, &str)] = &[
    (
        "S1",
        "How IT Works: SMS Client-Side Software Installation",
        "https://learn.microsoft.com/en-us/previous-versions/technet-magazine/cc160972(v=msdn.10)",
    ),
    (
        "Q199041",
        "SMS: NET TIME Offered as a Package Will Not Traverse Domains",
        "https://jeffpar.github.io/kbarchive/kb/199/Q199041/",
    ),
    (
        "Q242011",
        "SMS: APM Does Not Install Software on BDCs",
        "https://jeffpar.github.io/kbarchive/kb/242/Q242011/",
    ),
    (
        "KB226113",
        "SMS: Client Does Not Use Existing Connection for CAP or DP",
        "https://ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/226/113.HTM",
    ),
    (
        "KB839513",
        "How the Systems Management Server 2003 Advanced Client manages its cache",
        "https://mskb.pkisolutions.com/kb/839513",
    ),
    (
        "SDK-ADV",
        "SMS_Advertisement Server WMI Class",
        "https://learn.microsoft.com/en-us/previous-versions/system-center/developer/cc146108(v=msdn.10)",
    ),
    (
        "CB-ACCOUNTS",
        "Accounts used in Configuration Manager",
        "https://learn.microsoft.com/mem/configmgr/core/plan-design/hierarchy/accounts",
    ),
    (
        "CB-PKGPROG",
        "Packages and programs in Configuration Manager",
        "https://learn.microsoft.com/mem/configmgr/apps/deploy-use/packages-and-programs",
    ),
    (
        "WIN-LOCALSYSTEM",
        "LocalSystem Account",
        "https://learn.microsoft.com/windows/win32/services/localsystem-account",
    ),
    (
        "WIN-REDIRDRIVES",
        "Services and Redirected Drives",
        "https://learn.microsoft.com/en-us/windows/win32/services/services-and-redirected-drives",
    ),
    (
        "AD-GROUPS",
        "Active Directory security groups",
        "https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/manage/understand-security-groups",
    ),
    (
        "UAC-HOW",
        "How User Account Control works",
        "https://learn.microsoft.com/windows/security/application-security/application-control/user-account-control/how-it-works",
    ),
    (
        "WOW64-FSR",
        "File System Redirector",
        "https://learn.microsoft.com/windows/win32/winprog64/file-system-redirector",
    ),
    (
        "COMM-SANDYS",
        "ConfigMgr 2012 and 32-bit Application Installers",
        "https://home.memftw.com/configmgr-2012-and-32-bit-application-installers/",
    ),
    (
        "MSJP-SYSNATIVE",
        "パッケージの展開が失敗した時に確認したいポイント ~ sysnative 編 ~",
        "https://jpmem.github.io/blog/mecm/20220125_01/",
    ),
];

/// domain.md's "Main ids", every one of which a rule may cite.
const MAIN_IDS: &[&str] = &[
    "S1",
    "KB826871",
    "Q199041",
    "Q241982",
    "Q231399",
    "Q262341",
    "Q244410",
    "Q242011",
    "Q235811",
    "Q235205",
    "Q237759",
    "Q264714",
    "Q293487",
    "Q307434",
    "KB226113",
    "KB839513",
    "KB867490",
    "KB942589",
    "SMS03-ACCTLIFE",
    "SMS03-ACCTMIN",
    "SMS20-ENV",
    "CM07-NAA",
    "CM07-FLOW",
    "CM07-PKGACCESS",
    "CM07-ENV",
    "CM07-REQ",
    "CM07-LOGS",
    "SDK-ADV",
    "CB-ACCOUNTS",
    "CB-PKGPROG",
    "CB-PDF",
    "WIN-LOCALSYSTEM",
    "WIN-REDIRDRIVES",
    "AD-GROUPS",
    "MSI-ALLUSERS",
    "MSI-CONTEXT",
    "MSI-ERRORS",
    "MSI-EXIT",
    "UAC-HOW",
    "WOW64-FSR",
    "WOW64-REG",
    "COMM-SANDYS",
    "MSJP-SYSNATIVE",
];

/// Every link inside `css`: `{id, title, href, rel}`, `id` being the `<strong>` or `<th>`
/// before it in its list item or row.
async fn source_links(page: &Harness, css: &str) -> Vec<Value> {
    let links = page
        .eval_args(
            "return [...document.querySelectorAll(arguments[0])].map(a => {\
               const row = a.closest('li, tr');\
               const id = row && row.querySelector('strong, th');\
               return { id: id ? id.innerText.trim() : null, title: a.innerText.trim(),\
                        href: a.href, raw: a.getAttribute('href'), rel: a.rel,\
                        target: a.target, ping: a.getAttribute('ping') };\
             })",
            vec![json!(css)],
        )
        .await;
    links.as_array().cloned().unwrap_or_default()
}

/// Checks that every link in `links` whose id is in [`REAL_SOURCES`] shows that source's real
/// title and links its address, as a plain link; returns the ids seen.
fn check_real_sources(links: &[Value], what: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for link in links {
        let id = link["id"].as_str().unwrap_or_default();
        let href = link["href"].as_str().unwrap_or_default();
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{what}: {id} links {href:?}, not a source's address"
        );
        assert_eq!(
            link["raw"], link["href"],
            "{what}: {id}'s address is not absolute"
        );
        assert!(
            link["target"] == "" && link["ping"].is_null(),
            "{what}: {id}'s link is not a plain link: {link}"
        );
        if let Some((_, title, address)) = REAL_SOURCES.iter().find(|(i, _, _)| *i == id) {
            let shown = link["title"].as_str().unwrap_or_default();
            assert!(
                shown.starts_with(title),
                "{what}: {id} is titled {shown:?}; its real title is {title:?}"
            );
            assert_eq!(href, *address, "{what}: {id}'s address");
        }
        seen.push(id.to_string());
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn says_who_shows_each_sources_real_title_linking_its_address_and_requests_nothing() {
    let page = Harness::start_with(Options {
        network_log: true,
        ..Options::default()
    })
    .await;
    // Classic case 3: "Advanced Client, share grants only the NAA: at-risk — only S1 says the
    // NAA connects"; connect-share: "Note on every such step: the disagreement, with both
    // sources", and the order "is inferred [WIN-LOCALSYSTEM][S1]".
    page.open("#v=1&naa=set&share=%5C%5Cfs01%5Capps~naa").await;
    page.wait_verdict("at-risk", "At risk at step 4 (Connect to share)")
        .await;
    expect_step(&page, 4, r"Connect to \\fs01\apps", "at-risk", &[]).await;
    page.wait_for_text("#step-details[data-step=\"4\"] dd.note", "S1")
        .await;
    page.wait_for_text("#step-details[data-step=\"4\"] .inferred", "Inferred: ")
        .await;
    let links = source_links(&page, "#step-details ul.sources a").await;
    let ids = check_real_sources(&links, "step 4's Says who");
    for id in ["S1", "WIN-LOCALSYSTEM", "CB-ACCOUNTS"] {
        assert!(
            ids.iter().any(|i| i == id),
            "step 4 does not cite {id}: {ids:?}"
        );
    }

    // The new steps cite their own sources: use-mapped-drive [WIN-REDIRDRIVES][KB226113],
    // map-drive [CB-PKGPROG], the x64 install [COMM-SANDYS][MSJP-SYSNATIVE][WOW64-FSR].
    for (link, n, label, outcome, cited) in [
        (
            "#v=1&mapped=1",
            4,
            "Use mapped drive",
            "fails",
            &["WIN-REDIRDRIVES", "KB226113"][..],
        ),
        (
            "#v=1&deploy=rundp&drive=fixed&letter=taken",
            4,
            "Map drive",
            "fails",
            &["CB-PKGPROG"][..],
        ),
        (
            "#v=1&client=cm07&arch=x64&installer=script",
            4,
            "Install",
            "at-risk",
            &["COMM-SANDYS", "MSJP-SYSNATIVE", "WOW64-FSR"][..],
        ),
    ] {
        page.open(link).await;
        expect_step(&page, n, label, outcome, &[]).await;
        let links = source_links(&page, "#step-details ul.sources a").await;
        let ids = check_real_sources(&links, link);
        for id in cited {
            assert!(
                ids.iter().any(|i| i == id),
                "{link}: step {n} does not cite {id}: {ids:?}"
            );
        }
    }

    // Showing the links asked nothing of their addresses: the page requested only its own
    // files (the DevTools log sees requests that fail or go elsewhere too).
    scroll_to(&page, "#sources").await;
    let log = page.network_requests().await;
    assert!(
        log.iter().any(|r| r.url.ends_with(".wasm")),
        "the DevTools log saw nothing: {log:#?}"
    );
    assert_eq!(
        foreign(&log, page.origin()),
        Vec::<String>::new(),
        "requests beyond the page's own server"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sources_table_links_every_source_by_its_real_title_to_its_address() {
    let page = Harness::start().await;
    page.open("").await;
    scroll_to(&page, "#sources").await;
    let links = source_links(&page, "#sources table a").await;
    let ids = check_real_sources(&links, "the Sources table");
    for id in MAIN_IDS {
        assert!(
            ids.iter().any(|i| i == id),
            "the Sources table has no {id}: {ids:?}"
        );
    }
    // "KB925282 does not exist (dropped)".
    assert!(!ids.iter().any(|i| i == "KB925282"), "{ids:?}");
    // One row per source.
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "a source is listed twice: {ids:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rule_book_link_opens_rules_md_from_the_built_page() {
    let page = Harness::start().await;
    page.open("#v=1&mapped=1").await;
    scroll_to(&page, "#sources").await;
    let link = page
        .eval(
            "const a = [...document.querySelectorAll('#sources a')]\
               .find(a => a.innerText.trim() === 'The whole rule book');\
             return a ? { raw: a.getAttribute('href'), href: a.href } : null",
        )
        .await;
    // Relative, so that it works wherever dist/ is hosted (under a path too).
    assert_eq!(link["raw"], "rules.md", "{link}");
    let expected = format!("{}/rules.md", page.origin());
    assert_eq!(link["href"], json!(expected));
    let on_disk = std::fs::read_to_string(credflow_e2e::dist_dir().join("rules.md"))
        .expect("dist/ holds rules.md (index.html copies docs/rules.md)");

    // What the browser gets at that address is that file: the rule book with v2's steps.
    let got = page
        .eval_async(
            "const r = await fetch(arguments[0], { cache: 'no-store' });\
             return { status: r.status, text: await r.text() };",
            vec![json!(expected)],
        )
        .await;
    assert_eq!(got["status"], 200, "{}", got["status"]);
    assert_eq!(got["text"].as_str(), Some(on_disk.as_str()));
    for step in [
        "`map-drive`",
        "`use-mapped-drive`",
        "`user-input`",
        "`connect-share`",
    ] {
        assert!(on_disk.contains(step), "rules.md does not name {step}");
    }
    assert!(
        page.requests()
            .iter()
            .any(|r| r.path == "/rules.md" && r.status == 200),
        "the server did not serve /rules.md"
    );
}

// ---------------------------------------------------------------------------------------
// Every v1 link of the other tests still opens the same scenario
// ---------------------------------------------------------------------------------------

/// `%5C` and the other escapes of a link value, decoded.
fn unescape(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// What the wizard must show for a v1 link: its values, every other input (v2's new ones
/// included) at the default, its DP readers (default Users) and its shares.
fn choices_of(link: &str) -> Value {
    let mut radios = serde_json::Map::new();
    for (key, value) in INPUT_DEFAULTS {
        radios.insert(key.to_string(), json!(value));
    }
    let mut dpacl = json!(["users"]);
    let mut shares = Vec::new();
    for pair in link.trim_start_matches("#v=1").split('&').skip(1) {
        let (key, value) = pair.split_once('=').unwrap();
        match key {
            "dpacl" => dpacl = json!(value.split(',').collect::<Vec<_>>()),
            "share" => {
                let value = unescape(value);
                let (unc, readers) = value.split_once('~').unwrap();
                let readers: Vec<&str> = readers.split(',').filter(|r| !r.is_empty()).collect();
                shares.push(json!({ "unc": unc, "readers": readers }));
            }
            _ => {
                assert!(
                    INPUT_DEFAULTS.iter().any(|(k, _)| *k == key),
                    "{link}: unknown key {key}"
                );
                radios.insert(key.to_string(), json!(value));
            }
        }
    }
    json!({ "radios": radios, "dpacl": dpacl, "shares": shares })
}

/// The v1 links the other end-to-end tests open (before rule book v2), with the verdict v2
/// gives each. Only "verdicts that v1 got wrong change".
const V1_LINKS: &[(&str, &str, &str)] = &[
    // v1's classic case 2: Domain Computers only. v2: "the Advanced Client reaches non-SMS
    // shares as the computer account first" — COMPUTER$ is in Domain Computers: it succeeds.
    (
        "#v=1&share=%5C%5Cfs01%5Capps~domain-computers",
        "ok",
        "Succeeds",
    ),
    // Classic case 4 (unchanged).
    (
        "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users",
        "fails",
        "Fails at step 4 (Connect to share)",
    ),
    // Classic case 5 (unchanged).
    (
        "#v=1&client=legacy&sia=1&siacct=set&share=%5C%5Cfs01%5Capps~siacct",
        "ok",
        "Succeeds",
    ),
    // Classic case 7 (unchanged).
    (
        "#v=1&run=user&when=user&logon=user",
        "fails",
        "Fails at step 4 (Install)",
    ),
    // Classic case 8 (unchanged).
    (
        "#v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users",
        "fails",
        "Fails at step 4 (Connect to share)",
    ),
    // Classic case 9 (unchanged).
    (
        "#v=1&client=legacy&os=win9x&sia=1&logon=user&siacct=set",
        "fails",
        "Fails at step 2 (Run as)",
    ),
    // Classic case 10 (unchanged).
    (
        "#v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-computers",
        "ok",
        "Succeeds",
    ),
    // planner.rs's MANY: the Legacy Client with the SIA on an untrusted DC; the third share
    // grants nobody.
    (
        "#v=1&client=legacy&os=nt&role=domain-controller&domain=untrusted&run=admin\
         &when=nouser&sia=1&logon=admin&installer=msi-allusers2&naa=set&siacct=set&source=unc\
         &dpacl=naa,siacct&share=%5C%5Cfs01%5Capps~siacct\
         &share=%5C%5Cfs02%5Ctools~users,domain-computers&share=%5C%5Cfs03%5Cempty~",
        "fails",
        "Fails at step 5 (Connect to share)",
    ),
    // bad_state.rs's and panic.rs's Legacy Client: the token account reaches no share.
    (
        "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~domain-computers",
        "fails",
        "Fails at step 4 (Connect to share)",
    ),
    // sharing.rs's SPECIAL: CM07, COMPUTER$ reads the first share, nobody the second. (Its
    // first share was `R&D <tools> "x"` until share paths were checked as Windows checks them: Windows allows `<>"` in no name, and a
    // link now refuses them; tests/truth.rs checks that.)
    (
        "#v=1&client=cm07&naa=set&share=%5C%5Cfs01%5CR%26D%20%27tools%27%20x~domain-computers\
         &share=%5C%5Cfs02%5Capps~",
        "fails",
        "Fails at step 5 (Connect to share)",
    ),
    // sharing.rs's classic-case starting point: an untrusted CM07 client uses the NAA for the
    // DP ("NAA for workgroup / non-trusted domains") and installs a per-user setup.
    (
        "#v=1&client=cm07&domain=untrusted&installer=setup-user&naa=set",
        "ok",
        "Succeeds",
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_v1_link_of_the_other_tests_still_opens_the_same_scenario() {
    let page = Harness::start().await;
    for (link, outcome, title) in V1_LINKS {
        page.open(link).await;
        page.wait_verdict(outcome, title).await;
        page.wait_until(&format!(
            "document.querySelectorAll('li.share-row').length === {}",
            link.matches("&share=").count()
        ))
        .await;
        assert_eq!(
            page.shown_choices().await,
            choices_of(link),
            "{link} does not open the same scenario"
        );
        // Nothing was adjusted or refused, and the link stays as it was.
        assert_eq!(
            page.eval("return document.querySelector('#notice')?.innerText ?? null")
                .await,
            Value::Null,
            "{link}"
        );
        assert_eq!(page.eval("return location.hash").await, json!(link));
    }
}

// ---------------------------------------------------------------------------------------
// Accessibility of what v2 added
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accessibility_scan_of_the_new_inputs_the_new_steps_and_seventeen_classic_cases() {
    let page = Harness::start().await;
    // Every new input away from its default, and all eight steps of the rule book in one plan:
    // map-drive fails, connect-share fails, use-mapped-drive fails, user-input is at risk.
    let link = "#v=1&client=cm07&os=vista&arch=x64&interact=1&ui=prompts&logon=admin\
                &installer=script&deploy=rundp&drive=fixed&letter=taken&mapped=1\
                &share=%5C%5Cfs01%5Capps~domain-users";
    page.open(link).await;
    page.wait_verdict("fails", "Fails at step 4 (Map drive)")
        .await;
    expect_steps(
        &page,
        &[
            "Schedule",
            "Run as",
            "Fetch content",
            "Map drive",
            // Steps are named by what they do: the share's path.
            r"Connect to \\fs01\apps",
            "Use mapped drive",
            "User input",
            "Install",
        ],
    )
    .await;
    // The library with v2's seventeen classic cases, each with a labelled Load button.
    page.wait_until("document.querySelectorAll('#library li.preset').length === 17")
        .await;
    scroll_to(&page, "#library").await;
    // Its introduction counts them as they are (it said "ten" after v2 added seven).
    page.wait_for_text("#library .help", "Seventeen typical deployments")
        .await;
    page.wait_for_text(
        "#library",
        "17. Program run from the DP requires drive Z:, and Z: is taken",
    )
    .await;
    for tab in ["client", "program", "runtime", "content"] {
        page.open_tab(tab).await;
        assert_no_violations(&page, &format!("{link}, tab {tab}")).await;
    }
    // After the failing map-drive, the later problems are shown as not reached (what they
    // would do is in their details).
    for (n, label, outcome) in [
        (4, "Map drive", "fails"),
        (6, "Use mapped drive", "not-reached"),
        (7, "User input", "not-reached"),
    ] {
        expect_step(&page, n, label, outcome, &[]).await;
        assert_no_violations(&page, &format!("{link}, step {n} ({label})")).await;
    }
}
