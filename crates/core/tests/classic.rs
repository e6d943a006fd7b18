//! The rule book's ten classic cases (domain.md, "Classic cases"), one test each, built from
//! the presets the page and the CLI offer. Each test checks what the case says a person
//! sees: the verdict, where it fails, as whom, which log to read, the error code, the
//! warning, the fix, and which later steps the run never reaches.

use credflow_core::presets::{Preset, PRESETS};
use credflow_core::{
    decode, plan, Identity, Outcome, Plan, Resource, Scenario, SourceId, Step, StepKind,
};

/// The preset for classic case `n` (1-based), checked to decode, to be a valid scenario, and
/// to carry a title that names what the case is about.
fn case(n: usize, title_words: &[&str]) -> (Preset, Scenario, Plan) {
    assert_eq!(PRESETS.len(), 10, "the rule book has ten classic cases");
    let preset = PRESETS[n - 1];
    assert_eq!(preset.id, format!("classic-{n}"));
    assert_eq!(Preset::by_id(preset.id), Some(&PRESETS[n - 1]));
    let scenario = decode(preset.link)
        .unwrap_or_else(|e| panic!("preset {} link {:?} does not decode: {e}", n, preset.link));
    assert_eq!(preset.scenario(), scenario);
    for word in title_words {
        assert!(
            preset.title.to_lowercase().contains(&word.to_lowercase()),
            "case {n}: title {:?} should mention {word:?}",
            preset.title
        );
    }
    assert!(!preset.lesson.is_empty(), "case {n} has a lesson");
    let p = plan(&scenario);
    assert!(
        p.normalised.is_empty(),
        "case {n}: a preset is a valid scenario, but normalisation changed {:?}",
        p.normalised
    );
    (preset, scenario, p)
}

fn step(p: &Plan, kind: StepKind) -> &Step {
    p.steps
        .iter()
        .find(|s| s.step == kind)
        .unwrap_or_else(|| panic!("no {kind} step in {p:#?}"))
}

fn kinds(p: &Plan) -> Vec<StepKind> {
    p.steps.iter().map(|s| s.step).collect()
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

fn assert_all_reached_and_ok(p: &Plan) {
    for s in &p.steps {
        assert!(s.reached, "step {} is reached", s.n);
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

/// Case 1: Advanced Client, admin rights, all files on the DP: succeeds as Local System. [S1]
#[test]
fn advanced_admin_all_files_on_dp_succeeds_as_local_system() {
    let (_, s, p) = case(1, &["advanced", "DP"]);
    assert_eq!(s, Scenario::default(), "case 1 is the rule book's defaults");
    assert_eq!(p.verdict, Outcome::Ok);
    assert_eq!(p.first_failure, None);
    assert_eq!(
        kinds(&p),
        [
            StepKind::Schedule,
            StepKind::RunAs,
            StepKind::FetchContent,
            StepKind::Install
        ]
    );
    assert_all_reached_and_ok(&p);
    assert_eq!(step(&p, StepKind::RunAs).identity, Identity::LocalSystem);
    assert!(step(&p, StepKind::RunAs).sources.contains(&SourceId::S1));
    let fetch = step(&p, StepKind::FetchContent);
    assert_eq!(fetch.identity, Identity::ComputerAccount);
    assert_eq!(fetch.resource, Resource::DistributionPoint);
    let install = step(&p, StepKind::Install);
    assert_eq!(install.identity, Identity::LocalSystem);
    assert_eq!(install.resource, Resource::LocalMachine);
}

/// Case 2: Advanced Client, admin rights, installer reads `\\fs01\apps`, no NAA configured:
/// fails at connect-share; execmgr.log access denied. [S1]
#[test]
fn advanced_admin_share_without_naa_fails_at_connect_share() {
    let (_, s, p) = case(2, &["advanced", "share", "no NAA"]);
    assert_eq!(s.shares.len(), 1);
    assert_eq!(s.shares[0].unc, r"\\fs01\apps");
    assert_eq!(p.verdict, Outcome::Fails);
    assert_eq!(p.first_failure, Some(4));
    let f = p.first_failure_step().unwrap();
    assert_eq!(f.step, StepKind::ConnectShare);
    assert_eq!(f.identity, Identity::NetworkAccessAccount);
    assert_eq!(f.resource, Resource::Share(r"\\fs01\apps".into()));
    assert_eq!(f.log.file, "execmgr.log");
    assert_eq!(f.log.folder, r"%windir%\System32\CCM\Logs");
    assert!(f.reason.contains("access denied"), "{}", f.reason);
    assert!(f.reason.contains("No Network Access Account is configured"));
    assert_eq!(f.sources, [SourceId::S1]);
    assert!(f.fix.as_deref().unwrap().contains("Network Access Account"));
    // Where sources disagree the planner shows the other claim as a note. [CM07-NAA]
    let note = f.note.as_deref().expect("the CM07-NAA disagreement note");
    assert!(note.starts_with("Other sources say"), "{note}");
    assert!(
        note.contains("CM07-NAA") && note.contains("COMPUTER$"),
        "{note}"
    );
    // The install is shown, but the run never gets there.
    assert_eq!(
        p.steps.last().unwrap().step,
        StepKind::Install,
        "the install is still evaluated"
    );
    assert_not_reached_after(&p, 4);
}

/// Case 3: same, NAA configured but not granted read on the share: fails the same way. [S1]
#[test]
fn advanced_admin_share_naa_not_granted_fails_the_same_way() {
    let (_, s, p) = case(3, &["advanced", "NAA", "not granted"]);
    let (_, _, case2) = case(2, &[]);
    assert_eq!(s.naa, credflow_core::Account::Set);
    assert!(!s.shares[0].readers.contains(credflow_core::Principal::Naa));
    assert_eq!(p.verdict, Outcome::Fails);
    assert_eq!(p.first_failure, case2.first_failure);
    let f = p.first_failure_step().unwrap();
    let f2 = case2.first_failure_step().unwrap();
    assert_eq!((f.step, f.identity, f.log), (f2.step, f2.identity, f2.log));
    assert_eq!(f.log.file, "execmgr.log");
    assert!(f.reason.contains("access denied"), "{}", f.reason);
    assert!(
        !f.reason.contains("No Network Access Account is configured"),
        "the NAA is configured here: {}",
        f.reason
    );
    assert_not_reached_after(&p, 4);
}

/// Case 4: Legacy Client, admin rights, non-SMS share, no Software Installation Account:
/// fails; the token account has no network rights. [S1][Q199041]
#[test]
fn legacy_admin_without_sia_cannot_reach_share() {
    let (_, s, p) = case(4, &["legacy", "share", "no Software Installation Account"]);
    assert_eq!(s.client, credflow_core::Client::Legacy);
    assert_eq!(step(&p, StepKind::RunAs).identity, Identity::ClientToken);
    // The DP itself is fine: SMSAPM32 reads it as the Client Connection Account. [Q307434]
    let fetch = step(&p, StepKind::FetchContent);
    assert_eq!(
        (fetch.identity, fetch.outcome),
        (Identity::ClientConnection, Outcome::Ok)
    );
    assert_eq!(p.verdict, Outcome::Fails);
    assert_eq!(p.first_failure, Some(4));
    let f = p.first_failure_step().unwrap();
    assert_eq!(f.step, StepKind::ConnectShare);
    assert_eq!(f.identity, Identity::ClientToken);
    assert_eq!(f.log.file, "SMSAPM32.log");
    assert_eq!(f.log.folder, r"%windir%\MS\SMS\Logs");
    assert!(f.reason.contains("access denied"), "{}", f.reason);
    assert!(f.reason.contains("no domain rights"), "{}", f.reason);
    assert!(f.sources.contains(&SourceId::Q199041));
    assert!(f
        .fix
        .as_deref()
        .unwrap()
        .contains("Software Installation Account"));
    assert_eq!(f.note, None, "no lock-out warning off a domain controller");
    assert_not_reached_after(&p, 4);
}

/// Case 5: Legacy Client, admin rights, Software Installation Account configured and granted
/// read: succeeds as that account. [S1][KB826871]
#[test]
fn legacy_admin_with_sia_granted_succeeds_as_that_account() {
    let (_, _, p) = case(5, &["legacy", "Software Installation Account"]);
    assert_eq!(p.verdict, Outcome::Ok);
    assert_eq!(p.first_failure, None);
    assert_all_reached_and_ok(&p);
    let sia = Identity::SoftwareInstallationAccount;
    assert_eq!(step(&p, StepKind::RunAs).identity, sia);
    assert!(step(&p, StepKind::RunAs)
        .sources
        .contains(&SourceId::Kb826871));
    assert_eq!(step(&p, StepKind::FetchContent).identity, sia);
    assert_eq!(step(&p, StepKind::ConnectShare).identity, sia);
    let install = step(&p, StepKind::Install);
    assert_eq!(install.identity, sia);
    assert_eq!(install.resource, Resource::LocalMachine);
}

/// Case 6: per-user MSI with admin rights: at risk; fix with ALLUSERS=2. [S1]
#[test]
fn per_user_msi_with_admin_rights_is_at_risk_fixed_by_allusers_2() {
    let (_, s, p) = case(6, &["per-user MSI", "administrative rights"]);
    assert_eq!(s.installer, credflow_core::Installer::MsiUser);
    assert_eq!(p.verdict, Outcome::AtRisk);
    assert_eq!(p.first_failure, None, "at risk is not a failure");
    let install = step(&p, StepKind::Install);
    assert_eq!(install.outcome, Outcome::AtRisk);
    assert_eq!(install.identity, Identity::LocalSystem);
    assert_eq!(install.resource, Resource::UserProfile);
    assert!(install
        .reason
        .contains("may fail or the results may be unexpected"));
    assert!(install.sources.contains(&SourceId::S1));
    assert!(
        install.fix.as_deref().unwrap().contains("ALLUSERS=2"),
        "{:?}",
        install.fix
    );
    assert!(p.steps.iter().all(|s| s.reached));
    assert!(p
        .steps
        .iter()
        .filter(|s| s.step != StepKind::Install)
        .all(|s| s.outcome == Outcome::Ok));
}

/// Case 7: user's rights, standard user, per-machine MSI: fails with 1925.
#[test]
fn standard_user_per_machine_msi_fails_with_1925() {
    let (_, s, p) = case(7, &["user's rights", "standard user", "per-machine MSI"]);
    assert_eq!(s.installer, credflow_core::Installer::MsiMachine);
    assert_eq!(p.verdict, Outcome::Fails);
    let f = p.first_failure_step().unwrap();
    assert_eq!(f.step, StepKind::Install);
    assert_eq!(
        p.first_failure,
        Some(p.steps.len()),
        "the install is the last step"
    );
    assert_eq!(f.identity, Identity::LoggedOnUser);
    assert_eq!(f.resource, Resource::LocalMachine);
    assert!(f.reason.contains("1925"), "{}", f.reason);
    assert_eq!(f.log.file, "execmgr.log");
    assert!(f.sources.contains(&SourceId::MsiAllusers));
    assert!(f.fix.is_some());
    assert_eq!(step(&p, StepKind::RunAs).identity, Identity::LoggedOnUser);
    assert_eq!(
        step(&p, StepKind::FetchContent).identity,
        Identity::LoggedOnUser
    );
    assert!(p.steps.iter().all(|s| s.reached), "nothing fails before it");
}

/// Case 8: Legacy Client on a domain controller, token account used on the network: fails,
/// and warns of lock-out of the shared domain copy. [Q241982]
#[test]
fn legacy_on_domain_controller_token_on_network_fails_and_warns_of_lockout() {
    let (_, s, p) = case(8, &["legacy", "domain controller"]);
    assert_eq!(s.role, credflow_core::Role::DomainController);
    assert_eq!(p.verdict, Outcome::Fails);
    assert_eq!(p.first_failure, Some(4));
    let f = p.first_failure_step().unwrap();
    assert_eq!(f.step, StepKind::ConnectShare);
    assert_eq!(f.identity, Identity::ClientToken);
    // On a DC the token account is the shared domain copy. [S1][Q241982]
    assert_eq!(p.identity_name(f.identity), "SMSCliToknAcct&");
    assert_eq!(f.log.file, "SMSAPM32.log");
    assert!(f.reason.contains("access denied"), "{}", f.reason);
    assert!(f.sources.contains(&SourceId::Q241982));
    assert!(f.sources.contains(&SourceId::Q199041));
    let note = f.note.as_deref().expect("the lock-out warning");
    assert!(note.contains("lock"), "{note}");
    assert!(note.contains("every domain controller"), "{note}");
    assert!(note.contains("Q241982"), "{note}");
    assert_not_reached_after(&p, 4);
}

/// Case 9: Windows 98 Legacy Client with the Software Installation Account chosen: fails with
/// 1317. [Q264714]
#[test]
fn windows_98_with_sia_fails_with_1317() {
    let (_, s, p) = case(9, &["Windows 98", "Software Installation Account"]);
    assert_eq!(s.os, credflow_core::Os::Win9x);
    assert_eq!(s.sia, credflow_core::Sia::On);
    assert_eq!(p.verdict, Outcome::Fails);
    assert_eq!(p.first_failure, Some(2));
    let f = p.first_failure_step().unwrap();
    assert_eq!(f.step, StepKind::RunAs);
    assert_eq!(f.identity, Identity::SoftwareInstallationAccount);
    assert!(f.reason.contains("1317"), "{}", f.reason);
    assert!(f.reason.contains("The specified user does not exist"));
    assert_eq!(f.log.file, "SMSAPM32.log");
    assert_eq!(f.sources, [SourceId::Q264714]);
    assert!(f.fix.is_some());
    // A user is logged on, so the schedule lets it start; everything after run-as is
    // still shown, but not reached.
    assert_eq!(p.steps[0].outcome, Outcome::Ok);
    assert_eq!(kinds(&p)[2..], [StepKind::FetchContent, StepKind::Install]);
    assert_not_reached_after(&p, 2);
}

/// Case 10: CM07 client, admin rights, share grants Domain Computers: succeeds as
/// COMPUTER$; the NAA is not used. [CM07-NAA]
#[test]
fn cm07_admin_share_granting_domain_computers_succeeds_as_computer_account() {
    let (_, s, p) = case(10, &["ConfigMgr 2007", "Domain Computers"]);
    assert_eq!(s.client, credflow_core::Client::Cm07);
    assert_eq!(p.verdict, Outcome::Ok);
    assert_eq!(p.first_failure, None);
    assert_all_reached_and_ok(&p);
    let share = step(&p, StepKind::ConnectShare);
    assert_eq!(share.identity, Identity::ComputerAccount);
    assert_eq!(p.identity_name(share.identity), r"DOMAIN\COMPUTER$");
    assert_eq!(share.sources, [SourceId::Cm07Naa]);
    assert_eq!(
        share.note, None,
        "the Advanced Client's disagreement note is not shown"
    );
    // The NAA is not used anywhere: no step acts as it, no step tries it.
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
    assert!(share.reason.contains("Network Access Account is not used"));
    // Even with an NAA configured (and granted), the share is reached as COMPUTER$.
    let with_naa =
        decode("v=1&client=cm07&naa=set&share=%5C%5Cfs01%5Capps~domain-computers,naa").unwrap();
    let p2 = plan(&with_naa);
    assert_eq!(
        step(&p2, StepKind::ConnectShare).identity,
        Identity::ComputerAccount
    );
    assert_eq!(p2.verdict, Outcome::Ok);
}

/// The presets are the ten cases, in the rule book's order, each with its own link.
#[test]
fn presets_are_the_ten_classic_cases_with_distinct_links() {
    assert_eq!(PRESETS.len(), 10);
    for (i, p) in PRESETS.iter().enumerate() {
        assert_eq!(p.id, format!("classic-{}", i + 1));
        assert!(decode(p.link).is_ok(), "{}: {}", p.id, p.link);
        assert!(
            PRESETS[..i].iter().all(|q| q.link != p.link),
            "{} repeats a link",
            p.id
        );
    }
}
