//! The rule book's seventeen classic cases (domain.md v2, "Classic cases"), one test each,
//! built from the presets the page and the CLI offer. Each test checks what the case says a
//! person sees: the verdict, where it fails, as whom, which log to read, the warning or the
//! note, the gist of the fix, and which later steps the run never reaches.

mod common;
use common::tried;
use credflow_core::presets::{Preset, PRESETS};
use credflow_core::{
    decode, plan, Client, Identity, Installer, Os, Outcome, Plan, Principal, Resource, Role,
    Scenario, Sia, SourceId, Step, StepKind,
};

/// The rule book's classic cases as share links, in its order.
const LINKS: [&str; 17] = [
    "v=1",
    "v=1&share=%5C%5Cfs01%5Capps~domain-users",
    "v=1&naa=set&share=%5C%5Cfs01%5Capps~naa",
    "v=1&client=legacy&share=%5C%5Cfs01%5Capps~users",
    "v=1&client=legacy&sia=1&siacct=set&share=%5C%5Cfs01%5Capps~siacct",
    "v=1&installer=msi-user",
    "v=1&run=user&when=user&logon=user",
    "v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users",
    "v=1&client=legacy&os=win9x&sia=1&siacct=set&logon=user",
    "v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-computers",
    "v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-computers",
    "v=1&mapped=1",
    "v=1&client=cm07&ui=prompts",
    "v=1&client=cm07&arch=x64&installer=script",
    "v=1&boundary=slow",
    "v=1&client=cm07&os=vista&installer=msi-allusers2&run=user&when=user&logon=user",
    "v=1&deploy=rundp&drive=fixed&letter=taken",
];

/// The preset for classic case `n` (1-based), checked to be the rule book's link, to decode,
/// to be a valid scenario, and to have a title and a lesson to show.
fn case(n: usize) -> (Scenario, Plan) {
    assert_eq!(
        PRESETS.len(),
        17,
        "the rule book has seventeen classic cases"
    );
    let preset = PRESETS[n - 1];
    assert_eq!(preset.id, format!("classic-{n}"));
    assert_eq!(Preset::by_id(preset.id), Some(&PRESETS[n - 1]));
    assert_eq!(preset.link, LINKS[n - 1], "case {n}'s link");
    let scenario = decode(preset.link)
        .unwrap_or_else(|e| panic!("preset {} link {:?} does not decode: {e}", n, preset.link));
    assert_eq!(preset.scenario(), scenario);
    assert!(!preset.title.trim().is_empty(), "case {n} has a title");
    assert!(!preset.lesson.trim().is_empty(), "case {n} has a lesson");
    let p = plan(&scenario);
    assert!(
        p.normalised.is_empty(),
        "case {n}: a preset is a valid scenario, but normalisation changed {:?}",
        p.normalised
    );
    assert_eq!(p.scenario, scenario);
    (scenario, p)
}

fn kind(key: &str) -> StepKind {
    StepKind::from_key(key).unwrap_or_else(|| panic!("the rule book's step kind {key}"))
}

fn step<'a>(p: &'a Plan, key: &str) -> &'a Step {
    p.steps
        .iter()
        .find(|s| s.step == kind(key))
        .unwrap_or_else(|| panic!("no {key} step in {p:#?}"))
}

fn kinds(p: &Plan) -> Vec<&'static str> {
    p.steps.iter().map(|s| s.step.key()).collect()
}

/// The step's notes, one text, in lower case.
fn notes(s: &Step) -> String {
    s.notes.join(" ").to_lowercase()
}

fn fix(s: &Step) -> String {
    s.fix
        .as_deref()
        .unwrap_or_else(|| panic!("step {} ({}) has no fix", s.n, s.step))
        .to_lowercase()
}

/// Every step after `n` is marked not reached, every step up to `n` reached.
fn assert_not_reached_after(p: &Plan, n: usize) {
    for s in &p.steps {
        assert_eq!(
            s.reached,
            s.n <= n,
            "step {} ({}) reached={} with the first failure at {n}",
            s.n,
            s.step,
            s.reached
        );
    }
}

fn assert_all_reached(p: &Plan) {
    assert!(
        p.steps.iter().all(|s| s.reached),
        "nothing fails, so every step is reached: {p:#?}"
    );
}

/// Nothing fails: the verdict is `verdict` (ok, at-risk or waits), there is no first failure,
/// and every step is reached.
fn nothing_fails(p: &Plan, verdict: Outcome) {
    assert_eq!(p.verdict, verdict);
    assert_eq!(p.first_failure, None, "{verdict} is not a failure");
    assert_all_reached(p);
}

fn assert_all_ok(p: &Plan) {
    for s in &p.steps {
        assert_eq!(
            s.outcome,
            Outcome::Ok,
            "step {} ({}) is ok: {p:#?}",
            s.n,
            s.step
        );
        assert_eq!(s.fix, None, "an ok step has no fix");
    }
}

/// Every step but the one of kind `key` is ok.
fn assert_ok_but(p: &Plan, key: &str) {
    assert!(
        p.steps
            .iter()
            .filter(|s| s.step != kind(key))
            .all(|s| s.outcome == Outcome::Ok),
        "{p:#?}"
    );
}

/// The first failure is step `n`, of kind `key`; returns it.
fn fails_at<'a>(p: &'a Plan, n: usize, key: &str) -> &'a Step {
    assert_eq!(p.verdict, Outcome::Fails, "{p:#?}");
    assert_eq!(p.first_failure, Some(n), "{p:#?}");
    let f = p.first_failure_step().unwrap();
    assert_eq!((f.n, f.step), (n, kind(key)), "{p:#?}");
    assert_eq!(f.outcome, Outcome::Fails);
    assert_not_reached_after(p, n);
    f
}

/// Case 1: Advanced Client, admin rights, all files on the DP: ok as Local System.
#[test]
fn advanced_admin_all_files_on_dp_succeeds_as_local_system() {
    let (s, p) = case(1);
    assert_eq!(s, Scenario::default(), "case 1 is the rule book's defaults");
    nothing_fails(&p, Outcome::Ok);
    assert_eq!(
        kinds(&p),
        ["schedule", "run-as", "fetch-content", "install"]
    );
    assert_all_ok(&p);
    let run_as = step(&p, "run-as");
    assert_eq!(run_as.identity, Identity::LocalSystem);
    assert!(run_as.sources.contains(&SourceId::S1));
    let fetch = step(&p, "fetch-content");
    assert_eq!(fetch.identity, Identity::ComputerAccount);
    assert_eq!(fetch.resource, Resource::DistributionPoint);
    assert_eq!(fetch.log.file, "CAS.log");
    let install = step(&p, "install");
    assert_eq!(install.identity, Identity::LocalSystem);
    assert_eq!(install.resource, Resource::LocalMachine);
    assert_eq!(
        install.log.path(),
        r"%windir%\System32\CCM\Logs\execmgr.log"
    );
}

/// Case 2: the Advanced Client reads `\\fs01\apps`, which grants Domain Users only; no NAA:
/// fails at connect-share — COMPUTER$ is not a domain user, and there is no NAA to try.
#[test]
fn advanced_admin_domain_users_share_without_naa_fails_as_the_computer_account() {
    let (s, p) = case(2);
    assert_eq!(s.shares.len(), 1);
    assert_eq!(s.shares[0].unc, r"\\fs01\apps");
    let f = fails_at(&p, 4, "connect-share");
    assert_eq!(f.identity, Identity::ComputerAccount);
    assert_eq!(p.identity_name(f.identity), r"DOMAIN\COMPUTER$");
    assert_eq!(f.resource, Resource::Share(r"\\fs01\apps".into()));
    assert_eq!(f.log.path(), r"%windir%\System32\CCM\Logs\execmgr.log");
    assert!(
        f.reason.to_lowercase().contains("access denied"),
        "{}",
        f.reason
    );
    // Only the computer account is tried: no NAA is configured, so it is skipped.
    let tried = tried(f);
    assert!(
        tried.is_empty() || tried == [(Identity::ComputerAccount, Outcome::Fails)],
        "{tried:?}"
    );
    // Fix: grant Domain Computers read, or copy the files into the package.
    let fix = fix(f);
    assert!(fix.contains("domain computers"), "{fix}");
    assert!(fix.contains("package"), "{fix}");
    // The disagreement between S1 and Windows is shown on the step.
    assert!(notes(f).contains("s1"), "{:?}", f.notes);
    assert_eq!(p.steps.last().unwrap().step, kind("install"));
}

/// Case 3: the share grants only the NAA: at-risk — only S1 says the NAA connects; the step's
/// note shows the disagreement.
#[test]
fn advanced_admin_share_only_the_naa_reads_is_at_risk_with_the_disagreement_shown() {
    let (s, p) = case(3);
    assert_eq!(s.naa, credflow_core::Account::Set);
    assert_eq!(
        s.shares[0].readers,
        credflow_core::Readers::of(&[Principal::Naa])
    );
    nothing_fails(&p, Outcome::AtRisk);
    let share = step(&p, "connect-share");
    assert_eq!(share.outcome, Outcome::AtRisk);
    assert_eq!(share.identity, Identity::NetworkAccessAccount);
    // The computer account was refused first, then the NAA got through.
    let tried = tried(share);
    assert_eq!(
        tried,
        [
            (Identity::ComputerAccount, Outcome::Fails),
            (Identity::NetworkAccessAccount, Outcome::Ok)
        ]
    );
    let note = notes(share);
    assert!(note.contains("s1"), "{note}");
    assert!(
        note.contains("win-localsystem") || note.contains("cb-accounts"),
        "both sides of the disagreement: {note}"
    );
    // Fix: grant Domain Computers (and the NAA if you follow S1), or copy into the package.
    let fix = fix(share);
    assert!(fix.contains("domain computers"), "{fix}");
    assert_ok_but(&p, "connect-share");
}

/// Case 4: Legacy Client, admin rights, non-SMS share, no SIA: fails; the token account has no
/// network rights.
#[test]
fn legacy_admin_without_sia_cannot_reach_share() {
    let (s, p) = case(4);
    assert_eq!(s.client, Client::Legacy);
    assert_eq!(step(&p, "run-as").identity, Identity::ClientToken);
    // The DP itself is fine: the Client Connection Account reads it (inferred).
    let fetch = step(&p, "fetch-content");
    assert_eq!(
        (fetch.identity, fetch.outcome),
        (Identity::ClientConnection, Outcome::Ok)
    );
    assert!(fetch.inferred.is_some(), "the rule book marks it inferred");
    let f = fails_at(&p, 4, "connect-share");
    assert_eq!(f.identity, Identity::ClientToken);
    assert_eq!(p.identity_name(f.identity), "SMSCliToknLocalAcct&");
    assert_eq!(f.log.path(), r"%windir%\MS\SMS\Logs\SMSAPM32.log");
    assert!(
        f.reason.to_lowercase().contains("access denied"),
        "{}",
        f.reason
    );
    assert!(f.sources.contains(&SourceId::Q199041));
    assert!(f.sources.contains(&SourceId::Q242011));
    // Fix: the Software Installation Account (or the files in the package).
    assert!(
        fix(f).contains("software installation account"),
        "{:?}",
        f.fix
    );
    assert!(
        !notes(f).contains("lock"),
        "no lock-out warning off a domain controller: {:?}",
        f.notes
    );
}

/// Case 5: Legacy Client with the SIA configured and granted read: ok as that account.
#[test]
fn legacy_admin_with_sia_granted_succeeds_as_that_account() {
    let (_, p) = case(5);
    nothing_fails(&p, Outcome::Ok);
    assert_all_ok(&p);
    let sia = Identity::SoftwareInstallationAccount;
    for key in ["run-as", "fetch-content", "connect-share", "install"] {
        assert_eq!(step(&p, key).identity, sia, "{key}");
    }
    assert!(step(&p, "run-as").sources.contains(&SourceId::Kb826871));
    assert_eq!(step(&p, "install").resource, Resource::LocalMachine);
}

/// Case 6: per-user MSI with admin rights: at-risk; fix with ALLUSERS=2.
#[test]
fn per_user_msi_with_admin_rights_is_at_risk_fixed_by_allusers_2() {
    let (s, p) = case(6);
    assert_eq!(s.installer, Installer::MsiUser);
    nothing_fails(&p, Outcome::AtRisk);
    let install = step(&p, "install");
    assert_eq!(install.outcome, Outcome::AtRisk);
    assert_eq!(install.identity, Identity::LocalSystem);
    assert_eq!(install.resource, Resource::UserProfile);
    assert!(
        install.reason.to_lowercase().contains("profile"),
        "{}",
        install.reason
    );
    assert!(fix(install).contains("allusers=2"), "{:?}", install.fix);
    assert_ok_but(&p, "install");
}

/// Case 7: user's rights, standard user, per-machine MSI: fails with 1925.
#[test]
fn standard_user_per_machine_msi_fails_with_1925() {
    let (s, p) = case(7);
    assert_eq!(s.installer, Installer::MsiMachine);
    let f = fails_at(&p, 4, "install");
    assert_eq!(p.first_failure, Some(p.steps.len()), "the install is last");
    assert_eq!(f.identity, Identity::LoggedOnUser);
    assert_eq!(f.resource, Resource::LocalMachine);
    assert!(f.reason.contains("1925"), "{}", f.reason);
    assert_eq!(f.log.file, "execmgr.log");
    assert!(f.sources.contains(&SourceId::MsiAllusers));
    assert!(f.fix.is_some());
    assert_eq!(step(&p, "run-as").identity, Identity::LoggedOnUser);
    // The SMS 2003 client reads the DP with the user's credentials only.
    let fetch = step(&p, "fetch-content");
    assert_eq!(fetch.identity, Identity::LoggedOnUser);
    assert!(
        fetch.attempts.is_empty(),
        "no fallback: {:?}",
        fetch.attempts
    );
    assert_all_reached(&p);
}

/// Case 8: Legacy Client on a DC, token account on the network: fails, and warns of lock-out.
#[test]
fn legacy_on_domain_controller_token_on_network_fails_and_warns_of_lockout() {
    let (s, p) = case(8);
    assert_eq!(s.role, Role::DomainController);
    let f = fails_at(&p, 4, "connect-share");
    assert_eq!(f.identity, Identity::ClientToken);
    // On a DC the token account is the shared domain copy.
    assert_eq!(p.identity_name(f.identity), "SMSCliToknAcct&");
    assert_eq!(f.log.file, "SMSAPM32.log");
    assert!(
        f.reason.to_lowercase().contains("access denied"),
        "{}",
        f.reason
    );
    assert!(f.sources.contains(&SourceId::Q241982));
    assert!(f.sources.contains(&SourceId::Q199041));
    let note = notes(f);
    assert!(note.contains("lock"), "{note}");
    assert!(note.contains("domain controller"), "{note}");
    assert!(
        fix(f).contains("software installation account"),
        "{:?}",
        f.fix
    );
}

/// Case 9: Windows 98 Legacy Client with the SIA chosen: fails with 1317.
#[test]
fn windows_98_with_sia_fails_with_1317() {
    let (s, p) = case(9);
    assert_eq!(s.os, Os::Win9x);
    assert_eq!(s.sia, Sia::On);
    let f = fails_at(&p, 2, "run-as");
    assert!(f.reason.contains("1317"), "{}", f.reason);
    assert_eq!(f.log.path(), r"%windir%\MS\SMS\Logs\SMSAPM32.log");
    assert!(f.sources.contains(&SourceId::Q264714));
    assert!(f.fix.is_some());
    // A user is logged on, so the schedule lets it start; the rest is shown, not reached.
    assert_eq!(p.steps[0].outcome, Outcome::Ok);
    assert_eq!(kinds(&p)[2..], ["fetch-content", "install"]);
}

/// Case 10: CM07 client, share grants Domain Computers: ok as COMPUTER$; the NAA is not used.
#[test]
fn cm07_admin_share_granting_domain_computers_succeeds_as_computer_account() {
    let (s, p) = case(10);
    assert_eq!(s.client, Client::Cm07);
    nothing_fails(&p, Outcome::Ok);
    assert_all_ok(&p);
    let share = step(&p, "connect-share");
    assert_eq!(share.identity, Identity::ComputerAccount);
    assert_eq!(p.identity_name(share.identity), r"DOMAIN\COMPUTER$");
    assert!(share.sources.contains(&SourceId::Cm07Naa));
    // The NAA is not used anywhere, even when configured and granted.
    let with_naa =
        decode("v=1&client=cm07&naa=set&share=%5C%5Cfs01%5Capps~domain-computers,naa").unwrap();
    for p in [p, plan(&with_naa)] {
        assert_eq!(p.verdict, Outcome::Ok);
        for st in &p.steps {
            assert_ne!(st.identity, Identity::NetworkAccessAccount, "step {}", st.n);
            assert!(
                st.attempts
                    .iter()
                    .all(|a| a.identity != Identity::NetworkAccessAccount),
                "step {} tries the NAA",
                st.n
            );
        }
    }
}

/// Case 11: CM07 client on a domain controller, share grants Domain Computers: fails — a DC's
/// computer account is in Domain Controllers.
#[test]
fn cm07_on_a_domain_controller_is_not_in_domain_computers_and_fails() {
    let (s, p) = case(11);
    assert_eq!((s.client, s.role), (Client::Cm07, Role::DomainController));
    let f = fails_at(&p, 4, "connect-share");
    assert_eq!(f.identity, Identity::ComputerAccount);
    assert_eq!(f.resource, Resource::Share(r"\\fs01\apps".into()));
    assert_eq!(f.log.file, "execmgr.log");
    assert!(
        f.reason.to_lowercase().contains("domain controllers"),
        "the reason names the group COMPUTER$ is in: {}",
        f.reason
    );
    assert!(fix(f).contains("domain controllers"), "{:?}", f.fix);
    assert!(
        !notes(f).contains("lock"),
        "the lock-out warning is the Legacy token account's: {:?}",
        f.notes
    );
    // The same share granting Domain Controllers is read.
    let granted = plan(
        &decode(
            "v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-controllers",
        )
        .unwrap(),
    );
    assert_eq!(granted.verdict, Outcome::Ok);
}

/// Case 12: setup run from the user's mapped `S:` with admin rights: fails; Local System has
/// no `S:`.
#[test]
fn setup_from_the_users_mapped_drive_with_admin_rights_fails() {
    let (_, p) = case(12);
    assert_eq!(
        kinds(&p),
        [
            "schedule",
            "run-as",
            "fetch-content",
            "use-mapped-drive",
            "install"
        ]
    );
    let f = fails_at(&p, 4, "use-mapped-drive");
    assert_eq!(f.identity, Identity::LocalSystem);
    assert_eq!(f.resource, Resource::MappedDrive);
    assert_eq!(f.log.file, "execmgr.log");
    assert!(f.sources.contains(&SourceId::WinRedirDrives));
    // Fix: use the UNC path and grant read to the account that connects.
    assert!(fix(f).contains("unc"), "{:?}", f.fix);
    // Note: on Windows 2000 a console mapping is global.
    assert!(notes(f).contains("windows 2000"), "{:?}", f.notes);
    // As the user, the letter is there.
    let user = plan(&decode("v=1&mapped=1&run=user&when=user&logon=admin").unwrap());
    assert_eq!(step(&user, "use-mapped-drive").outcome, Outcome::Ok);
}

/// Case 13: the installer shows a dialog, admin rights, no interaction (CM07): fails at the
/// maximum run time.
#[test]
fn cm07_hidden_dialog_with_admin_rights_fails_at_the_maximum_run_time() {
    let (_, p) = case(13);
    let f = fails_at(&p, 4, "user-input");
    assert_eq!(f.identity, Identity::LocalSystem);
    assert_eq!(f.resource, Resource::Desktop);
    assert_eq!(f.log.file, "execmgr.log");
    assert!(f.sources.contains(&SourceId::Cm07Req));
    let said = format!("{} {}", f.reason, f.notes.join(" ")).to_lowercase();
    assert!(
        said.contains("maximum run time") && said.contains("120"),
        "stopped at the maximum run time, 120 minutes by default: {said}"
    );
    // Fix: run it quietly, or allow interaction.
    let fix = fix(f);
    assert!(fix.contains("/qn"), "{fix}");
    assert!(fix.contains("interact"), "{fix}");
    assert!(!step(&p, "install").reached);
}

/// Case 14: CM07 on x64, a batch script writes System32: at-risk; it lands in SysWOW64.
#[test]
fn cm07_x64_script_writing_system32_is_at_risk_of_landing_in_syswow64() {
    let (s, p) = case(14);
    assert_eq!(s.installer, Installer::Script);
    nothing_fails(&p, Outcome::AtRisk);
    let install = step(&p, "install");
    assert_eq!(install.outcome, Outcome::AtRisk);
    assert_eq!(install.identity, Identity::LocalSystem);
    let said = format!("{} {}", install.reason, install.notes.join(" "));
    assert!(said.contains("SysWOW64"), "{said}");
    assert!(said.contains("Wow6432Node"), "{said}");
    assert!(install.sources.contains(&SourceId::Wow64Fsr));
    assert!(fix(install).contains("sysnative"), "{:?}", install.fix);
    // The 32-bit client logs under SysWOW64.
    for st in &p.steps {
        assert_eq!(
            st.log.folder, r"%windir%\SysWOW64\CCM\Logs",
            "step {}",
            st.n
        );
    }
}

/// Case 15: slow boundary, "Do not run program": waits.
#[test]
fn slow_boundary_with_do_not_run_waits() {
    let (_, p) = case(15);
    nothing_fails(&p, Outcome::Waits);
    let fetch = step(&p, "fetch-content");
    assert_eq!(fetch.outcome, Outcome::Waits);
    assert_eq!(fetch.identity, Identity::ComputerAccount, "who would read");
    assert!(
        fetch.attempts.is_empty(),
        "it reads nothing: {:?}",
        fetch.attempts
    );
    assert!(fetch.sources.contains(&SourceId::SdkAdv));
    assert!(
        !fetch.notes.is_empty(),
        "a note says what the read would have been"
    );
    // Fix: a DP on the client's boundary, or allow download on slow boundaries.
    assert!(fix(fetch).contains("boundar"), "{:?}", fetch.fix);
    assert_ok_but(&p, "fetch-content");
}

/// Case 16: Vista, ALLUSERS=2 MSI, user's rights, standard user: fails.
#[test]
fn vista_allusers2_msi_as_a_standard_user_fails() {
    let (s, p) = case(16);
    assert_eq!((s.os, s.installer), (Os::Vista, Installer::MsiAllusers2));
    let f = fails_at(&p, 4, "install");
    assert_eq!(f.identity, Identity::LoggedOnUser);
    assert!(f.sources.contains(&SourceId::MsiAllusers));
    assert!(f.fix.is_some());
    // On Windows XP the same is only at risk (it installs per-user).
    let xp = plan(
        &decode("v=1&client=cm07&installer=msi-allusers2&run=user&when=user&logon=user").unwrap(),
    );
    assert_eq!(xp.verdict, Outcome::AtRisk);
}

/// Case 17: a program run from the DP requires drive Z:, and Z: is taken: fails; the program
/// does not run.
#[test]
fn run_from_dp_requiring_a_taken_drive_letter_fails() {
    let (_, p) = case(17);
    assert_eq!(
        kinds(&p),
        [
            "schedule",
            "run-as",
            "fetch-content",
            "map-drive",
            "install"
        ]
    );
    let fetch = step(&p, "fetch-content");
    assert_eq!(
        (fetch.identity, fetch.outcome),
        (Identity::ComputerAccount, Outcome::Ok)
    );
    let f = fails_at(&p, 4, "map-drive");
    assert_eq!(f.identity, fetch.identity, "as step 3's identity");
    assert_eq!(f.resource, Resource::DistributionPoint);
    assert!(f.sources.contains(&SourceId::CbPkgProg));
    assert!(
        f.reason.to_lowercase().contains("letter"),
        "the reason names the letter in use: {}",
        f.reason
    );
    // With the letter free, it runs.
    let free = plan(&decode("v=1&deploy=rundp&drive=fixed").unwrap());
    assert_eq!(free.verdict, Outcome::Ok);
}

/// The presets are the seventeen cases, in the rule book's order, each with its own link.
#[test]
fn presets_are_the_seventeen_classic_cases_with_distinct_links() {
    assert_eq!(PRESETS.len(), 17);
    for (i, p) in PRESETS.iter().enumerate() {
        assert_eq!(p.id, format!("classic-{}", i + 1));
        assert_eq!(p.link, LINKS[i]);
        assert!(decode(p.link).is_ok(), "{}: {}", p.id, p.link);
        assert!(
            PRESETS[..i]
                .iter()
                .all(|q| q.link != p.link && q.title != p.title),
            "{} repeats a link or a title",
            p.id
        );
    }
}
