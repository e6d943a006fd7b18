//! An audit of the planner against the rule book (`domain.md`, version 2): table-driven
//! cases (`tests/cases/rulebook.txt`), each citing the line of the rule book it checks. Every
//! expected value there is read off the rule book's text, not off the engine.
//!
//! A case lists EVERY step of its plan, in order, as `"<step> <identity> <outcome> [extras]"`.
//! `*` as identity or outcome means the rule book does not say; it is then not checked.
//! Extras:
//! `@<resource id>`, `unreached`, `log=<file>`, `src=<id>,<id>` (the step names at least these
//! sources), `tried=<identity>:<outcome>,...` (the fallback's attempts, in order),
//! `noattempts`, `inferred` (the step says what it infers) / `sourced` (it infers nothing),
//! `rule=<rule id>`, and texts (case-insensitive; `_` stands for a space): `note~<text>` (a
//! note holds it), `nonote~<text>` (no note does), `reason~<text>`, `fix~<text>`,
//! `action~<text>` / `noaction~<text>`, `text~<text>` (the reason, a note, the fix or the
//! action holds it).
//!
//! Checked for every step of every case, from the rule book's general sections:
//! * the sequence of step kinds ("Steps, in order"): schedule, run-as, fetch-content only with
//!   `source=dp`, map-drive only when `drive` ≠ `unc` after normalisation, one connect-share per
//!   share in order, use-mapped-drive when `mapped=1`, user-input when `ui=prompts`, install;
//! * `reached` is false exactly for the steps after the first failing one ("Steps after a
//!   failure are still evaluated and shown, marked 'not reached'");
//! * the resource of each step kind (each step's heading, "Resources");
//! * the log folder and file from "Logs: where to look" for the client and `arch`;
//! * who acts: map-drive "as step 3's identity"; use-mapped-drive, user-input ("identity: the
//!   run-as identity") and install as the identity that runs the program;
//! * "Every rule names its source ids": every step names at least one source;
//! * an ok step has no fix, and a failing step has one;
//! * the verdict "is the worst outcome of any step, reached or not (fails > waits > at-risk >
//!   ok)" and the first failure "is the first step ... whose outcome is fails";
//! * what normalisation changed ("says what it changed and why").

use std::sync::LazyLock;

mod common;
use common::{cases, check_verdict, describe, tried};
use credflow_core::{
    decode, plan, Client, Domain, Identity, Outcome, Plan, Principal, Role, Scenario, SourceId,
    StepKind,
};

struct Case {
    name: &'static str,
    /// A share-link fragment; `\` in a UNC is percent-encoded before decoding, as links
    /// carry it.
    link: &'static str,
    /// `ok`, `at-risk`, `waits`, or `fails@<n>`.
    verdict: &'static str,
    /// The keys normalisation reports as changed, in order.
    normalised: Vec<&'static str>,
    steps: Vec<&'static str>,
}

/// The cases of `tests/cases/rulebook.txt`, each plan named with `plan:` there put in the
/// cases that name it with `steps:`.
static CASES: LazyLock<Vec<Case>> = LazyLock::new(|| {
    let keys = [
        "plan",
        "name",
        "link",
        "verdict",
        "normalised",
        "step",
        "steps",
    ];
    let blocks = cases::read("rulebook.txt", include_str!("cases/rulebook.txt"), &keys);
    let (plans, cases): (Vec<_>, Vec<_>) = blocks.iter().partition(|b| b.get("plan").is_some());
    let plan_steps = |c: &cases::Case, name: &str| {
        plans
            .iter()
            .find(|p| p.get("plan") == Some(name))
            .map(|p| p.all("step"))
            .unwrap_or_else(|| c.fail(&format!("no plan {name}")))
    };
    cases
        .into_iter()
        .map(|c| Case {
            name: c.req("name"),
            link: c.req("link"),
            verdict: c.req("verdict"),
            normalised: c
                .get("normalised")
                .map_or(Vec::new(), |n| n.split(',').collect()),
            steps: match c.get("steps") {
                Some(plan) => plan_steps(c, plan),
                None => c.all("step"),
            },
        })
        .collect()
});

// ── the checker ─────────────────────────────────────────────────────────────────────────

/// One expected step, parsed.
#[derive(Debug, Default)]
struct Want {
    step: Option<StepKind>,
    identity: Option<Identity>,
    outcome: Option<Outcome>,
    resource: Option<String>,
    unreached: bool,
    log: Option<String>,
    sources: Vec<SourceId>,
    tried: Option<Vec<(Identity, Outcome)>>,
    no_attempts: bool,
    inferred: Option<bool>,
    rule: Option<String>,
    /// (where, text, present): where is `note`, `reason`, `fix`, `action` or `text`.
    texts: Vec<(&'static str, String, bool)>,
}

fn parse(spec: &str) -> Want {
    let words: Vec<&str> = spec.split_whitespace().collect();
    assert!(words.len() >= 3, "{spec:?}: needs step, identity, outcome");
    let text = |t: &str| t.replace('_', " ");
    let mut w = Want {
        step: Some(StepKind::from_key(words[0]).unwrap_or_else(|| panic!("{spec:?}: step"))),
        identity: (words[1] != "*")
            .then(|| Identity::from_key(words[1]).unwrap_or_else(|| panic!("{spec:?}: identity"))),
        outcome: (words[2] != "*")
            .then(|| Outcome::from_key(words[2]).unwrap_or_else(|| panic!("{spec:?}: outcome"))),
        ..Want::default()
    };
    for x in &words[3..] {
        let texts = [
            ("note~", "note", true),
            ("nonote~", "note", false),
            ("reason~", "reason", true),
            ("fix~", "fix", true),
            ("action~", "action", true),
            ("noaction~", "action", false),
            ("text~", "text", true),
        ];
        if let Some((t, place, present)) = texts
            .iter()
            .find_map(|&(p, place, present)| x.strip_prefix(p).map(|t| (t, place, present)))
        {
            w.texts.push((place, text(t), present));
        } else if let Some(r) = x.strip_prefix('@') {
            w.resource = Some(r.to_string());
        } else if *x == "unreached" {
            w.unreached = true;
        } else if *x == "noattempts" {
            w.no_attempts = true;
        } else if *x == "inferred" {
            w.inferred = Some(true);
        } else if *x == "sourced" {
            w.inferred = Some(false);
        } else if let Some(r) = x.strip_prefix("rule=") {
            w.rule = Some(r.to_string());
        } else if let Some(l) = x.strip_prefix("log=") {
            w.log = Some(l.to_string());
        } else if let Some(s) = x.strip_prefix("src=") {
            w.sources = s
                .split(',')
                .map(|k| SourceId::from_key(k).unwrap_or_else(|| panic!("{spec:?}: source {k}")))
                .collect();
        } else if let Some(t) = x.strip_prefix("tried=") {
            w.tried = Some(
                t.split(',')
                    .map(|a| {
                        let (id, o) = a.split_once(':').expect("identity:outcome");
                        (
                            Identity::from_key(id).expect("tried identity"),
                            Outcome::from_key(o).expect("tried outcome"),
                        )
                    })
                    .collect(),
            );
        } else {
            panic!("{spec:?}: unknown extra {x:?}");
        }
    }
    w
}

/// The link with each `\` percent-encoded, as a share link carries a UNC path.
fn encoded(link: &str) -> String {
    link.replace('\\', "%5C")
}

fn kind(key: &str) -> StepKind {
    StepKind::from_key(key).unwrap_or_else(|| panic!("the rule book's step kind {key}"))
}

/// "Logs: where to look [S1][KB867490][CM07-LOGS]": the folder for the client (and `arch`),
/// and the files its row names: "runs" for a step about running the program, "content" for
/// reading the package.
fn allowed_logs(s: &Scenario, step: &str) -> (&'static str, &'static [&'static str]) {
    const RUNS: &[&str] = &["execmgr.log"];
    const CONTENT: &[&str] = &[
        "CAS.log",
        "ContentTransferManager.log",
        "DataTransferService.log",
    ];
    const EITHER: &[&str] = &[
        "execmgr.log",
        "CAS.log",
        "ContentTransferManager.log",
        "DataTransferService.log",
    ];
    if s.client == Client::Legacy {
        // The Legacy row: runs SMSAPM32.log; content ODPSYS32.log. The package access is
        // logged by SMSAPM32 too, so either is accepted for the content steps.
        let files: &[&str] = match step {
            "fetch-content" | "map-drive" => &["SMSAPM32.log", "ODPSYS32.log"],
            _ => &["SMSAPM32.log"],
        };
        return (r"%windir%\MS\SMS\Logs", files);
    }
    let folder = if s.value("arch") == Some("x64") {
        r"%windir%\SysWOW64\CCM\Logs"
    } else {
        r"%windir%\System32\CCM\Logs"
    };
    let files = match step {
        "fetch-content" => CONTENT,
        // Mapping the package share belongs to running from the DP and to the content.
        "map-drive" => EITHER,
        _ => RUNS,
    };
    (folder, files)
}

/// The resource the rule book gives each step kind.
fn resource_ok(step: &str, res: &str, share: Option<&str>) -> bool {
    match step {
        "schedule" | "run-as" => res == "program",
        "fetch-content" | "map-drive" => res == "distribution-point",
        "connect-share" => share.is_some_and(|unc| res == format!("share:{unc}")),
        "use-mapped-drive" => res == "mapped-drive",
        "user-input" => res == "desktop",
        "install" => res == "local-machine" || res == "user-profile",
        _ => false,
    }
}

/// Checks one case; every mismatch is listed with the whole plan.
fn check(c: &Case) -> Result<(), String> {
    let link = encoded(c.link);
    let scenario: Scenario =
        decode(&link).map_err(|e| format!("{}: link {link} does not decode: {e}", c.name))?;
    let p = plan(&scenario);
    let s = &p.scenario;
    let mut problems: Vec<String> = Vec::new();

    // Verdict and first failure.
    check_verdict(&p, c.verdict, &mut problems);
    // Normalisation.
    let changed: Vec<&str> = p.normalised.iter().map(|ch| ch.key).collect();
    if changed != c.normalised {
        problems.push(format!(
            "normalised {changed:?}, rule book {:?}",
            c.normalised
        ));
    }
    // The sequence of steps.
    let got_kinds: Vec<StepKind> = p.steps.iter().map(|st| st.step).collect();
    let want: Vec<Want> = c.steps.iter().map(|spec| parse(spec)).collect();
    let want_kinds: Vec<StepKind> = want.iter().map(|w| w.step.unwrap()).collect();
    if got_kinds != want_kinds {
        problems.push(format!("steps {got_kinds:?}, rule book {want_kinds:?}"));
    }
    // The sequence the general rules give for the normalised scenario, as a check on the
    // case itself.
    let mut general = vec![kind("schedule"), kind("run-as")];
    if s.value("source") == Some("dp") {
        general.push(kind("fetch-content"));
    }
    if s.value("drive") != Some("unc") {
        general.push(kind("map-drive"));
    }
    general.extend(s.shares.iter().map(|_| kind("connect-share")));
    if s.value("mapped") == Some("1") {
        general.push(kind("use-mapped-drive"));
    }
    if s.value("ui") == Some("prompts") {
        general.push(kind("user-input"));
    }
    general.push(kind("install"));
    assert_eq!(
        want_kinds, general,
        "{}: the case's own step list is not the rule book's order",
        c.name
    );
    let run_as = p.steps.iter().find(|st| st.step == kind("run-as"));
    let fetch = p.steps.iter().find(|st| st.step == kind("fetch-content"));
    let mut share_no = 0;
    let mut failed_before = false;
    for (i, (st, w)) in p.steps.iter().zip(&want).enumerate() {
        let n = i + 1;
        let key = st.step.key();
        let mut bad = |what: String| problems.push(format!("step {n} ({key}): {what}"));
        if st.n != n {
            bad(format!("n is {}", st.n));
        }
        if let Some(id) = w.identity {
            if st.identity != id {
                bad(format!("identity {}, rule book {id}", st.identity));
            }
        }
        if let Some(o) = w.outcome {
            if st.outcome != o {
                bad(format!("outcome {}, rule book {o}", st.outcome));
            }
        }
        if st.reached == w.unreached {
            bad(format!(
                "reached={}, rule book {}",
                st.reached, !w.unreached
            ));
        }
        assert!(
            !failed_before || w.unreached,
            "{}: case error at step {n}: after a failing step but not marked unreached",
            c.name
        );
        failed_before |= w.outcome == Some(Outcome::Fails);
        // Who acts, from the step headings.
        let same_as = match key {
            "map-drive" => fetch,
            "use-mapped-drive" | "user-input" | "install" => run_as,
            _ => None,
        };
        // On Windows 98 the program runs as the user whatever run-as tried. [Q264714]
        let win9x_user = p.scenario.os == credflow_core::Os::Win9x
            && key != "map-drive"
            && st.identity == credflow_core::Identity::LoggedOnUser;
        if let Some(other) = same_as.filter(|_| !win9x_user) {
            if st.identity != other.identity {
                bad(format!(
                    "identity {}, but step {} ({}) acts as {}",
                    st.identity, other.n, other.step, other.identity
                ));
            }
        }
        // Resource.
        let res = st.resource.id();
        let share = (key == "connect-share")
            .then(|| {
                share_no += 1;
                s.shares.get(share_no - 1).map(|sh| sh.unc.as_str())
            })
            .flatten();
        if !resource_ok(key, &res, share) {
            bad(format!("resource {res}"));
        }
        if let Some(r) = &w.resource {
            if &res != r {
                bad(format!("resource {res}, rule book {r}"));
            }
        }
        // Log: folder and file from the client's row.
        let (folder, files) = allowed_logs(s, key);
        if st.log.folder != folder || !files.contains(&st.log.file) {
            bad(format!(
                "log {}, rule book {folder}\\{}",
                st.log.path(),
                files.join(" or ")
            ));
        }
        if let Some(l) = &w.log {
            if st.log.file != l {
                bad(format!("log {}, rule book {l}", st.log.file));
            }
        }
        // "Every rule names its source ids".
        if st.sources.is_empty() {
            bad("names no source".into());
        }
        for src in &w.sources {
            if !st.sources.contains(src) {
                bad(format!(
                    "sources {:?} lack {src}",
                    st.sources.iter().map(|x| x.key()).collect::<Vec<_>>()
                ));
            }
        }
        if st.reason.trim().is_empty() {
            bad("gives no reason".into());
        }
        // A fix for what goes wrong; none for what works.
        match (st.outcome, &st.fix) {
            (Outcome::Ok, Some(f)) => bad(format!("ok, yet a fix: {f}")),
            (Outcome::Fails, None) => bad("fails, and no fix".into()),
            _ => {}
        }
        if let Some(t) = &w.tried {
            let got = tried(st);
            if &got != t {
                bad(format!("attempts {got:?}, rule book {t:?}"));
            }
        }
        if w.no_attempts && !st.attempts.is_empty() {
            bad(format!(
                "{} attempts listed, rule book none",
                st.attempts.len()
            ));
        }
        if let Some(inferred) = w.inferred {
            if st.inferred.is_some() != inferred {
                bad(format!(
                    "inferred {:?}, rule book {}",
                    st.inferred,
                    if inferred {
                        "says it is inferred"
                    } else {
                        "cites it directly"
                    }
                ));
            }
        }
        if let Some(r) = &w.rule {
            if st.rule != r {
                bad(format!("rule {}, rule book {r}", st.rule));
            }
        }
        for (place, t, present) in &w.texts {
            let t = t.to_lowercase();
            let notes: Vec<String> = st.notes.iter().map(|n| n.to_lowercase()).collect();
            let fix = st.fix.as_deref().unwrap_or("").to_lowercase();
            let has = match *place {
                "note" => notes.iter().any(|n| n.contains(&t)),
                "reason" => st.reason.to_lowercase().contains(&t),
                "fix" => fix.contains(&t),
                "action" => st.action.to_lowercase().contains(&t),
                _ => {
                    st.reason.to_lowercase().contains(&t)
                        || notes.iter().any(|n| n.contains(&t))
                        || fix.contains(&t)
                        || st.action.to_lowercase().contains(&t)
                }
            };
            if has != *present {
                bad(format!(
                    "{place} {} {t:?}",
                    if *present {
                        "lacks"
                    } else {
                        "should not mention"
                    }
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} ({}):\n  - {}\n{}",
            c.name,
            link,
            problems.join("\n  - "),
            describe(&p)
        ))
    }
}

#[test]
fn rule_book_cases() {
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for c in CASES.iter() {
        assert!(names.insert(c.name), "case {} repeats", c.name);
        if let Err(e) = check(c) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree with the rule book:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

// ── identities ──────────────────────────────────────────────────────────────────────────

/// "Identities (stable ids)": what each identity counts as on the network, by domain and
/// role. `local-system` "appears as `computer-account`"; the computer account is in
/// `domain-computers` — "or `domain-controllers` on a DC [AD-GROUPS]"; the user and the
/// computer count as "nothing when `domain=untrusted`"; the token account as nothing at all.
#[test]
fn identities_count_as_the_rule_books_principals() {
    use Principal::*;
    let sorted = |ps: &[Principal]| {
        let mut v = ps.to_vec();
        v.sort();
        v
    };
    for &domain in Domain::ALL {
        for &role in Role::ALL {
            let trusted = domain == Domain::Trusted;
            let dc = role == Role::DomainController;
            let computer: &[Principal] = match (trusted, dc) {
                (false, _) => &[],
                (true, true) => &[Everyone, Users, DomainControllers],
                (true, false) => &[Everyone, Users, DomainComputers],
            };
            let user: &[Principal] = if trusted {
                &[Everyone, Users, DomainUsers, LoggedOnUser]
            } else {
                &[]
            };
            let rows: [(Identity, &[Principal]); 7] = [
                (Identity::LoggedOnUser, user),
                (Identity::LocalSystem, computer),
                (Identity::ComputerAccount, computer),
                (Identity::ClientToken, &[]),
                (
                    Identity::ClientConnection,
                    &[Everyone, Users, DomainUsers, ClientConnection],
                ),
                (
                    Identity::SoftwareInstallationAccount,
                    &[Everyone, Users, DomainUsers, Siacct],
                ),
                (
                    Identity::NetworkAccessAccount,
                    &[Everyone, Users, DomainUsers, Naa],
                ),
            ];
            for (id, want) in rows {
                assert_eq!(
                    sorted(id.counts_as(domain, role)),
                    sorted(want),
                    "{id} in a {domain} domain on a {role}"
                );
            }
        }
    }
}

/// "Identities (stable ids)": the display names: `client-token` is "SMSCliToknLocalAcct&
/// (SMSCliToknAcct& on a DC)"; the others as the table names them.
#[test]
fn identity_display_names_follow_client_and_role() {
    let name = |link: &str, id: Identity| plan(&decode(link).unwrap()).identity_name(id);
    let legacy_ws = "v=1&client=legacy";
    let legacy_dc = "v=1&client=legacy&role=domain-controller";
    let legacy_ms = "v=1&client=legacy&role=member-server";
    for (link, id, want) in [
        (legacy_ws, Identity::ClientToken, "SMSCliToknLocalAcct&"),
        (legacy_ms, Identity::ClientToken, "SMSCliToknLocalAcct&"),
        (legacy_dc, Identity::ClientToken, "SMSCliToknAcct&"),
        ("v=1", Identity::LoggedOnUser, "the logged-on user"),
        ("v=1", Identity::LocalSystem, "Local System"),
        ("v=1", Identity::ComputerAccount, r"DOMAIN\COMPUTER$"),
        (legacy_ws, Identity::ClientConnection, "SMSClient_<site>"),
        (
            legacy_ws,
            Identity::SoftwareInstallationAccount,
            "Legacy Client Software Installation Account",
        ),
    ] {
        assert_eq!(name(link, id), want, "{link}: {id:?}");
    }
    for link in ["v=1", "v=1&client=cm07"] {
        assert!(
            name(link, Identity::NetworkAccessAccount).ends_with("Network Access Account"),
            "{link}: {}",
            name(link, Identity::NetworkAccessAccount)
        );
    }
}

/// The token account on a DC is the shared domain copy: the run-as step on a DC names
/// SMSCliToknAcct&, on a workstation SMSCliToknLocalAcct&.
#[test]
fn legacy_run_as_names_the_dc_token_account_on_a_dc() {
    let dc = plan(&decode("v=1&client=legacy&role=domain-controller").unwrap());
    let ws = plan(&decode("v=1&client=legacy").unwrap());
    let text = |p: &Plan| {
        let st = &p.steps[1];
        format!("{} {} {}", st.action, st.reason, st.notes.join(" "))
    };
    assert!(text(&dc).contains("SMSCliToknAcct&"), "{}", text(&dc));
    assert!(!text(&dc).contains("SMSCliToknLocalAcct&"), "{}", text(&dc));
    assert!(!text(&ws).contains("SMSCliToknAcct&"), "{}", text(&ws));
}

/// "Where sources disagree, the planner shows both claims — it never hides a disagreement":
/// every Advanced Client admin share step, whatever its outcome, carries the note naming S1
/// and the Windows / ConfigMgr side.
#[test]
fn the_s1_disagreement_is_shown_on_every_advanced_admin_share_step() {
    for (readers, naa, outcome) in [
        ("everyone", "none", Outcome::Ok),
        ("domain-computers", "set", Outcome::Ok),
        ("naa", "set", Outcome::AtRisk),
        ("domain-users", "none", Outcome::Fails),
        ("", "set", Outcome::Fails),
    ] {
        let link = format!("v=1&naa={naa}&share=%5C%5Cfs01%5Capps~{readers}");
        let p = plan(&decode(&link).unwrap());
        let st = &p.steps[3];
        assert_eq!(st.step, kind("connect-share"), "{link}");
        assert_eq!(st.outcome, outcome, "{link}\n{}", describe(&p));
        let notes = st.notes.join(" ");
        assert!(notes.contains("S1"), "{link}: {notes:?}");
        assert!(
            notes.contains("WIN-LOCALSYSTEM") || notes.contains("CB-ACCOUNTS"),
            "{link}: the other side's source: {notes:?}"
        );
    }
}

/// The lock-out warning is the domain controller's: member servers and workstations get none.
#[test]
fn roles_other_than_dc_get_no_lockout_warning_from_the_token() {
    for role in [Role::Workstation, Role::MemberServer] {
        let link = format!(
            "v=1&client=legacy&role={}&share=%5C%5Cfs01%5Capps~everyone",
            role.key()
        );
        let p = plan(&decode(&link).unwrap());
        let st = &p.steps[3];
        assert_eq!(st.step, kind("connect-share"));
        assert_eq!(st.identity, Identity::ClientToken);
        assert_eq!(st.outcome, Outcome::Fails);
        assert!(
            st.notes.iter().all(|n| !n.to_lowercase().contains("lock")),
            "{link}: {:?}",
            st.notes
        );
        assert!(!st.sources.contains(&SourceId::Q241982), "{link}");
    }
}

// ── sources ─────────────────────────────────────────────────────────────────────────────

/// "Show each source to the user with its real title and its address": each id of the rule
/// book with pieces of its real title and of its addresses, `tests/cases/sources.txt`.
struct Source {
    id: &'static str,
    /// Pieces of its real title (none where the archived copy shows none).
    titles: Vec<&'static str>,
    /// Pieces of the addresses `sources.md` gives for it.
    addresses: Vec<&'static str>,
}

static SOURCES: LazyLock<Vec<Source>> = LazyLock::new(|| {
    let keys = ["id", "title", "address"];
    cases::read("sources.txt", include_str!("cases/sources.txt"), &keys)
        .iter()
        .map(|c| Source {
            id: c.req("id"),
            titles: c.all("title"),
            addresses: c.all("address"),
        })
        .collect()
});

#[test]
fn sources_are_the_rule_books_with_real_titles_and_addresses() {
    let keys: Vec<&str> = SourceId::ALL.iter().map(|s| s.key()).collect();
    let want: Vec<&str> = SOURCES.iter().map(|s| s.id).collect();
    let mut sorted_keys = keys.clone();
    sorted_keys.sort_unstable();
    let mut sorted_want = want.clone();
    sorted_want.sort_unstable();
    assert_eq!(sorted_keys, sorted_want, "the rule book's source ids");
    // "KB925282 does not exist (dropped)".
    assert_eq!(SourceId::from_key("KB925282"), None);
    for Source {
        id: key,
        titles,
        addresses,
    } in SOURCES.iter()
    {
        let id = SourceId::from_key(key).unwrap();
        let title = id.title();
        assert!(!title.trim().is_empty(), "{key} has a title");
        assert!(
            titles.is_empty()
                || titles
                    .iter()
                    .any(|t| title.to_lowercase().contains(&t.to_lowercase())),
            "{key}: title {title:?}, sources.md: {titles:?}"
        );
        let address = id.address();
        assert!(
            address.starts_with("https://") || address.starts_with("http://"),
            "{key}: a plain link: {address:?}"
        );
        assert!(
            addresses.iter().any(|a| address.contains(a)),
            "{key}: address {address:?}, sources.md: {addresses:?}"
        );
    }
}
