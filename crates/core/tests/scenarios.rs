//! Scenario tests derived from the rule book (domain.md, v2): a table of scenarios, one row
//! each (`tests/cases/scenarios.txt`, in the row spec of `common/spec.rs`, shared with
//! `cases_v2.rs`), and an
//! exhaustive walk that checks every plan's invariants and compares it with a small model of
//! the rule book written independently of the engine (it calls only `plan()`, `normalise()`
//! and the public types).
//!
//! **The walk's design.** A full product of every input is about 100 million scenarios, far
//! too slow for a debug build on two cores. The rule book lets most new inputs be factored:
//! each v2 input acts on its own step and reads only v1 inputs there —
//! - content: `deploy`, `boundary`, `slow`, `drive`, `letter` act on fetch-content (a slow
//!   boundary that may not run: waits) and map-drive, read with the client, the source and
//!   fetch-content's identity chain;
//! - `mapped` acts on use-mapped-drive, read with the run-as identity;
//! - `ui` and `interact` act on user-input, read with run, when, logon, os and the client; `ui`
//!   and `arch` also act on install together with os, run, logon and the installer (UAC's
//!   prompt, the 32-bit script host), and `arch` on the log folder.
//!
//! No step reads two of these groups, so the walk is
//! 1. **every combination of the v1 inputs** (client, os with `vista`, role, domain, run, when,
//!    sia, logon, installer with `script`, naa, siacct, source, 0-2 shares; 279,936 of them)
//!    crossed with **six profiles** of the new inputs. The profiles give every content class
//!    after normalisation (download; run from the DP with UNC, any letter, a free fixed letter,
//!    a taken fixed letter; a slow boundary that does not run), every pair of `ui` x `interact`
//!    and of `ui` x `arch`, and both values of `mapped` — each profile meets every v1
//!    combination, so every pair of a new input with the v1 inputs it interacts with is
//!    covered, and every value of every new input appears (1.7 million plans);
//! 2. **normalisation, exhaustively**: every raw combination of the nine new inputs (1,152)
//!    crossed with every combination of the v1 inputs normalisation reads with them (client,
//!    os, run, when, logon, source with 0 or 1 share): `normalise()` against the model, with
//!    the keys it reports (746,496 calls), and a full plan against the model for a slice of
//!    them (os=nt, when=any, logon=user: 27,648 plans), so that every raw route to a content
//!    mode (for example a slow boundary's own "download") is planned too.
//!
//! Both walks collect every disagreement by kind and report each kind once with its count and
//! a first example, rather than stopping at the first.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

mod common;
use common::spec::{check_table, rows, Row};
use common::{describe, tried};
use credflow_core::rules::RULES;
use credflow_core::scenario::{
    Arch, Boundary, Deploy, Drive, Interact, Letter, Mapped, SlowMode, Ui,
};
use credflow_core::{
    normalise, plan, Account, Client, Domain, Identity, Installer, Logon, Os, Outcome, Plan,
    Principal, Readers, Role, Run, Scenario, Share, Sia, Source, SourceId, Step, StepKind, When,
};

// ── the table ───────────────────────────────────────────────────────────────────────────

/// The table, one row a scenario: `tests/cases/scenarios.txt`.
static ROWS: LazyLock<Vec<Row>> =
    LazyLock::new(|| rows("scenarios.txt", include_str!("cases/scenarios.txt")));

#[test]
fn scenario_table() {
    assert!(ROWS.len() >= 40, "{} rows", ROWS.len());
    check_table(&ROWS, invariants);
}

// (The test that the rows exercise every rule is in cases_v2.rs: its table alone covers
// every rule of v2, which the v1 rows here cannot.)

// ── invariants of every plan ────────────────────────────────────────────────────────────

/// The sources domain.md (v2) cites in each step's section, with the Identities section
/// (what an identity counts as) and the Logs section (where each step is logged).
fn section_sources(kind: StepKind) -> &'static [SourceId] {
    use SourceId::*;
    match kind {
        StepKind::Schedule => &[Q264714, Q293487, Sms20Env, Cm07Env],
        // "as v1": v1's run-as section also cited Q307434 for the SIA.
        StepKind::RunAs => &[
            S1,
            Cm07Env,
            Sms03AcctLife,
            Kb826871,
            Q235811,
            Q264714,
            Q235205,
            Q307434,
        ],
        StepKind::FetchContent => &[
            SdkAdv,
            Cm07Naa,
            CbAccounts,
            Kb826871,
            Cm07Flow,
            Q231399,
            Q307434,
            Q242011,
            Sms03AcctMin,
            Kb839513,
            Cm07PkgAccess,
            AdGroups,
        ],
        StepKind::MapDrive => &[CbPkgProg, CbPdf],
        StepKind::ConnectShare => &[
            Cm07Naa,
            WinLocalSystem,
            S1,
            CbAccounts,
            Kb826871,
            Q235811,
            Q199041,
            Q242011,
            Q241982,
            Q231399,
            Q262341,
            Q244410,
            AdGroups,
        ],
        StepKind::UseMappedDrive => &[WinRedirDrives, Kb226113],
        // Steps 7 cites CM07-REQ and CB-PKGPROG; "Runs as the user: at-risk" cites nothing.
        // CM07-ENV is the interaction option's source (Normalisation), and CB-PDF, cited for
        // the drive modes, documents the program's UserInputRequired field (sources.md).
        StepKind::UserInput => &[Cm07Req, CbPkgProg, Cm07Env, CbPdf],
        StepKind::Install => &[
            MsiAllusers,
            MsiContext,
            MsiErrors,
            MsiExit,
            WinLocalSystem,
            UacHow,
            CommSandys,
            MsjpSysnative,
            Wow64Fsr,
            Wow64Reg,
            Kb942589,
            S1,
            Q264714,
        ],
    }
}

/// The folder of the client's logs: domain.md "Logs".
fn log_folder(s: &Scenario) -> &'static str {
    match (s.client, s.arch) {
        (Client::Legacy, _) => r"%windir%\MS\SMS\Logs",
        (_, Arch::X64) => r"%windir%\SysWOW64\CCM\Logs",
        _ => r"%windir%\System32\CCM\Logs",
    }
}

const CONTENT_LOGS: &[&str] = &[
    "CAS.log",
    "ContentTransferManager.log",
    "DataTransferService.log",
];

/// The steps the rule book lists for a (normalised) scenario, in its fixed order.
fn expected_kinds(s: &Scenario) -> Vec<StepKind> {
    let mut kinds = vec![StepKind::Schedule, StepKind::RunAs];
    if s.source == Source::Dp {
        kinds.push(StepKind::FetchContent);
    }
    if s.drive != Drive::Unc {
        kinds.push(StepKind::MapDrive);
    }
    kinds.extend(s.shares.iter().map(|_| StepKind::ConnectShare));
    if s.mapped == Mapped::On {
        kinds.push(StepKind::UseMappedDrive);
    }
    if s.ui == Ui::Prompts {
        kinds.push(StepKind::UserInput);
    }
    kinds.push(StepKind::Install);
    kinds
}

/// Checks what must hold for every plan. Returns the first violation.
fn invariants(p: &Plan) -> Result<(), String> {
    let s = &p.scenario;
    let legacy = s.client == Client::Legacy;
    if p.steps.is_empty() {
        return Err("no steps".into());
    }
    let expected = expected_kinds(s);
    let kinds: Vec<StepKind> = p.steps.iter().map(|s| s.step).collect();
    if kinds != expected {
        return Err(format!("steps {kinds:?}, expected {expected:?}"));
    }
    let shares: Vec<String> = p
        .steps
        .iter()
        .filter(|s| s.step == StepKind::ConnectShare)
        .map(|s| s.resource.id())
        .collect();
    let want: Vec<String> = s
        .shares
        .iter()
        .map(|x| format!("share:{}", x.unc))
        .collect();
    if shares != want {
        return Err(format!(
            "connect-share resources {shares:?}, expected {want:?}"
        ));
    }
    for (i, st) in p.steps.iter().enumerate() {
        let at = format!("step {} ({})", st.n, st.step);
        if st.n != i + 1 {
            return Err(format!("{at}: n is {}, expected {}", st.n, i + 1));
        }
        if st.rule == "none" || st.rule.is_empty() {
            return Err(format!("{at}: no rule covers it"));
        }
        if !RULES.iter().any(|r| r.id == st.rule && r.step == st.step) {
            return Err(format!("{at}: rule {} is not a {} rule", st.rule, st.step));
        }
        if st.sources.is_empty() {
            return Err(format!("{at}: names no source"));
        }
        let logs = [SourceId::Kb867490, SourceId::Cm07Logs, SourceId::Q236052];
        if let Some(x) = st
            .sources
            .iter()
            .find(|x| !section_sources(st.step).contains(x) && !logs.contains(x))
        {
            return Err(format!(
                "{at}: source {x} is not cited in the rule book's {} section",
                st.step
            ));
        }
        // Fix: every step that is not ok says what to change; an ok step has none.
        match (st.outcome, &st.fix) {
            (Outcome::Ok, Some(f)) => return Err(format!("{at}: ok but has a fix {f:?}")),
            (o, None) if o != Outcome::Ok => return Err(format!("{at}: {o} without a fix")),
            _ => {}
        }
        if st.reason.trim().is_empty() || st.action.trim().is_empty() {
            return Err(format!("{at}: empty reason or action"));
        }
        if st.notes.iter().any(|n| n.trim().is_empty()) {
            return Err(format!("{at}: an empty note"));
        }
        if st.inferred.as_deref().is_some_and(|i| i.trim().is_empty()) {
            return Err(format!("{at}: an empty inference"));
        }
        // Logs [S1][KB867490][CM07-LOGS]: the Legacy Client logs to SMSAPM32.log; the others
        // run programs in execmgr.log and fetch content in CAS.log (or its siblings), in
        // SysWOW64 on x64. Map-drive is a content step or the program's start: either log.
        let file_ok = if legacy {
            st.log.file == "SMSAPM32.log"
        } else {
            match st.step {
                StepKind::FetchContent => CONTENT_LOGS.contains(&st.log.file),
                StepKind::MapDrive => {
                    CONTENT_LOGS.contains(&st.log.file) || st.log.file == "execmgr.log"
                }
                _ => st.log.file == "execmgr.log",
            }
        };
        if !file_ok || st.log.folder != log_folder(s) {
            return Err(format!("{at}: log {} for {}", st.log.path(), s.client));
        }
        // Fallback: the acting identity is the last one tried; only the last may get through.
        if let Some(last) = st.attempts.last() {
            if st.identity != last.identity {
                return Err(format!("{at}: identity differs from the last attempt"));
            }
            if (st.outcome == Outcome::Fails) != (last.outcome == Outcome::Fails) {
                return Err(format!("{at}: outcome differs from the last attempt's"));
            }
            if st.attempts[..st.attempts.len() - 1]
                .iter()
                .any(|a| a.outcome != Outcome::Fails)
            {
                return Err(format!("{at}: tried on after an attempt got through"));
            }
        }
        let resource_ok = match st.step {
            StepKind::Schedule | StepKind::RunAs => st.resource.id() == "program",
            StepKind::FetchContent | StepKind::MapDrive => st.resource.id() == "distribution-point",
            StepKind::ConnectShare => st.resource.id().starts_with("share:"),
            StepKind::UseMappedDrive => st.resource.id() == "mapped-drive",
            StepKind::UserInput => st.resource.id() == "desktop",
            StepKind::Install => {
                ["local-machine", "user-profile"].contains(&st.resource.id().as_str())
            }
        };
        if !resource_ok {
            return Err(format!("{at}: resource {}", st.resource.id()));
        }
    }
    // The verdict is the worst outcome; the first failure the first step that fails; the
    // steps after it are not reached, the ones up to it are.
    let worst = p.steps.iter().map(|s| s.outcome).max().unwrap();
    if p.verdict != worst {
        return Err(format!(
            "verdict {} but the worst step is {worst}",
            p.verdict
        ));
    }
    let first = p
        .steps
        .iter()
        .find(|s| s.outcome == Outcome::Fails)
        .map(|s| s.n);
    if p.first_failure != first {
        return Err(format!(
            "first_failure {:?}, expected {first:?}",
            p.first_failure
        ));
    }
    if let Some(step) = p.first_failure_step() {
        if step.outcome != Outcome::Fails {
            return Err("first_failure_step does not fail".into());
        }
    }
    for st in &p.steps {
        let reached = first.is_none_or(|f| st.n <= f);
        if st.reached != reached {
            return Err(format!("step {} reached={}", st.n, st.reached));
        }
    }
    // Error codes the rule book names: 1317 for run-as; 1925 is Windows Installer's, a
    // non-MSI setup fails with its own code (access denied).
    let run_as = &p.steps[1];
    if run_as.outcome == Outcome::Fails && !run_as.reason.contains("1317") {
        return Err("a failing run-as without error 1317".into());
    }
    let install = p.steps.last().unwrap();
    if install.outcome == Outcome::Fails {
        let reason = install.reason.to_ascii_lowercase();
        let msi_1925 = matches!(
            install.rule,
            "install/needs-admin" | "install/vista-filtered-silent"
        ) && matches!(s.installer, Installer::MsiMachine | Installer::MsiAllusers2);
        let setup = matches!(s.installer, Installer::SetupAdmin | Installer::Script);
        if msi_1925 && !reason.contains("1925") {
            return Err("an MSI that fails for want of admin rights without error 1925".into());
        }
        if setup && !reason.contains("access denied") {
            return Err("a setup or script that fails without \"access denied\"".into());
        }
    }
    // The steps the rule book gives the run-as identity (Steps 6, 7, 8), and map-drive
    // fetch-content's ("as step 3's identity").
    for st in &p.steps {
        let want = match st.step {
            // On Windows 98 that is the user, whatever run-as tried ("runs as the user" holds
            // in every step).
            StepKind::Install | StepKind::UseMappedDrive | StepKind::UserInput
                if s.os == Os::Win9x =>
            {
                Some(Identity::LoggedOnUser)
            }
            StepKind::Install | StepKind::UseMappedDrive | StepKind::UserInput => {
                Some(run_as.identity)
            }
            StepKind::MapDrive => Some(p.steps[2].identity),
            _ => None,
        };
        if want.is_some_and(|w| w != st.identity) {
            return Err(format!(
                "step {} ({}) is not done by {}",
                st.n,
                st.step,
                want.unwrap()
            ));
        }
    }
    Ok(())
}

// ── the walks' inputs ───────────────────────────────────────────────────────────────────

/// Reader lists cycled through for the DP and the shares (13 of them, so that they do not
/// fall in step with the loops).
fn reader_lists() -> Vec<Readers> {
    use Principal::*;
    let mut lists: Vec<Readers> = vec![Readers::DEFAULT_DP, Readers::NONE];
    lists.extend(
        Principal::ALL
            .iter()
            .filter(|p| **p != Users)
            .map(|p| Readers::of(&[*p])),
    );
    lists.push(Readers::of(&[Naa, DomainComputers]));
    lists.push(Readers::of(&[Siacct, ClientConnection]));
    lists.push(Readers::of(&[DomainUsers, DomainControllers]));
    lists.push(Readers::of(&[Users, Naa]));
    lists.truncate(13);
    lists
}

/// The values of the new (v2) inputs one profile sets.
#[derive(Clone, Copy, Debug)]
struct Profile {
    deploy: Deploy,
    boundary: Boundary,
    slow: SlowMode,
    drive: Drive,
    letter: Letter,
    ui: Ui,
    interact: Interact,
    arch: Arch,
    mapped: Mapped,
}

impl Profile {
    fn apply(self, s: &mut Scenario) {
        s.deploy = self.deploy;
        s.boundary = self.boundary;
        s.slow = self.slow;
        s.drive = self.drive;
        s.letter = self.letter;
        s.ui = self.ui;
        s.interact = self.interact;
        s.arch = self.arch;
        s.mapped = self.mapped;
    }
}

/// Six profiles of the new inputs (see the file's top comment). Content, after normalisation,
/// on Advanced/CM07: download (fixed letter dropped); run from DP by UNC; any letter (taken
/// dropped); a free fixed letter (reached through a slow boundary's own "run from DP"); a
/// slow boundary that does not run (drive dropped); a taken fixed letter. On the Legacy
/// Client (always run from DP) the same profiles give a taken fixed letter, UNC, any, a free
/// fixed letter, any, and a taken fixed letter. (ui, interact, arch) covers every pair of
/// ui x interact and ui x arch.
fn profiles() -> [Profile; 6] {
    let p = |deploy, boundary, slow, drive, letter, ui, interact, arch, mapped| Profile {
        deploy,
        boundary,
        slow,
        drive,
        letter,
        ui,
        interact,
        arch,
        mapped,
    };
    use Boundary::{Fast, Slow};
    use Deploy::{Download as Dl, RunDp as Rd};
    use Interact::{Off as I0, On as I1};
    use Mapped::{Off as M0, On as M1};
    use Ui::{Prompts, Silent};
    [
        p(
            Dl,
            Fast,
            SlowMode::None,
            Drive::Fixed,
            Letter::Taken,
            Silent,
            I0,
            Arch::X86,
            M0,
        ),
        p(
            Rd,
            Fast,
            SlowMode::None,
            Drive::Unc,
            Letter::Free,
            Silent,
            I1,
            Arch::X64,
            M1,
        ),
        p(
            Rd,
            Fast,
            SlowMode::Download,
            Drive::Any,
            Letter::Taken,
            Prompts,
            I0,
            Arch::X64,
            M0,
        ),
        p(
            Dl,
            Slow,
            SlowMode::RunDp,
            Drive::Fixed,
            Letter::Free,
            Prompts,
            I1,
            Arch::X86,
            M1,
        ),
        p(
            Rd,
            Slow,
            SlowMode::None,
            Drive::Any,
            Letter::Free,
            Prompts,
            I1,
            Arch::X64,
            M0,
        ),
        p(
            Rd,
            Slow,
            SlowMode::RunDp,
            Drive::Fixed,
            Letter::Taken,
            Silent,
            I0,
            Arch::X64,
            M1,
        ),
    ]
}

/// Calls `f` with every combination of the v1 inputs for `clients` (0, 1 or 2 shares; reader
/// lists cycled), each crossed with every profile. 93,312 x 6 scenarios per client.
fn every_combination(clients: &[Client], mut f: impl FnMut(Scenario)) {
    let readers = reader_lists();
    let profiles = profiles();
    // The inputs' value counts, the client first; each combination is a mixed-radix number.
    let radix = [
        clients.len(),
        Os::ALL.len(),
        Role::ALL.len(),
        Domain::ALL.len(),
        Run::ALL.len(),
        When::ALL.len(),
        Sia::ALL.len(),
        Logon::ALL.len(),
        Installer::ALL.len(),
        Account::ALL.len(),
        Account::ALL.len(),
        Source::ALL.len(),
        3, // shares
        profiles.len(),
    ];
    let total: usize = radix.iter().product();
    for i in 0..total {
        let mut digits = [0usize; 14];
        let mut rest = i;
        for (d, r) in digits.iter_mut().zip(radix).rev() {
            *d = rest % r;
            rest /= r;
        }
        let r = |k: usize| readers[(i + k) % readers.len()];
        let mut s = Scenario {
            client: clients[digits[0]],
            os: Os::ALL[digits[1]],
            role: Role::ALL[digits[2]],
            domain: Domain::ALL[digits[3]],
            run: Run::ALL[digits[4]],
            when: When::ALL[digits[5]],
            sia: Sia::ALL[digits[6]],
            logon: Logon::ALL[digits[7]],
            installer: Installer::ALL[digits[8]],
            naa: Account::ALL[digits[9]],
            siacct: Account::ALL[digits[10]],
            source: Source::ALL[digits[11]],
            dpacl: r(0),
            shares: (0..digits[12])
                .map(|k| Share::new(format!(r"\\fs0{k}\apps"), r(5 + 3 * k)))
                .collect(),
            ..Scenario::default()
        };
        profiles[digits[13]].apply(&mut s);
        f(s);
    }
}

// ── a model of the rule book, written from domain.md and compared with the engine ───────

/// domain.md, "Identities": what each identity counts as on the network. A domain
/// controller's computer account is in Domain Controllers, not Domain Computers [AD-GROUPS].
fn counts_as(id: Identity, domain: Domain, role: Role) -> Vec<Principal> {
    use Principal::*;
    let trusted = domain == Domain::Trusted;
    let computers = if role == Role::DomainController {
        DomainControllers
    } else {
        DomainComputers
    };
    match id {
        Identity::LoggedOnUser if trusted => vec![Everyone, Users, DomainUsers, LoggedOnUser],
        // Local System "appears as computer-account".
        Identity::LocalSystem | Identity::ComputerAccount if trusted => {
            vec![Everyone, Users, computers]
        }
        Identity::LoggedOnUser | Identity::LocalSystem | Identity::ComputerAccount => vec![],
        Identity::ClientToken => vec![],
        Identity::ClientConnection => vec![Everyone, Users, DomainUsers, ClientConnection],
        Identity::SoftwareInstallationAccount => vec![Everyone, Users, DomainUsers, Siacct],
        Identity::NetworkAccessAccount => vec![Everyone, Users, DomainUsers, Naa],
    }
}

/// How the program reaches its content: domain.md "Terms", the effective mode.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Content {
    Download,
    RunDp,
    /// A slow boundary whose advertisement says "Do not run program".
    NoRun,
}

fn content(s: &Scenario) -> Content {
    if s.client == Client::Legacy {
        return Content::RunDp;
    }
    let deploy = if s.boundary == Boundary::Slow {
        match s.slow {
            SlowMode::None => return Content::NoRun,
            SlowMode::Download => Deploy::Download,
            SlowMode::RunDp => Deploy::RunDp,
        }
    } else {
        s.deploy
    };
    match deploy {
        Deploy::Download => Content::Download,
        Deploy::RunDp => Content::RunDp,
    }
}

/// domain.md "Normalisation", in its order: the normalised scenario and the keys reported.
fn rule_book_normalise(mut s: Scenario) -> (Scenario, Vec<&'static str>) {
    let mut changed = Vec::new();
    // v1's rules.
    if s.os == Os::Win9x && s.client != Client::Legacy {
        s.os = Os::Nt;
        changed.push("os");
    }
    // Not in the rule book (a Windows 98 domain controller or member server cannot exist);
    // the engine and the contract make it a workstation.
    if s.os == Os::Win9x && s.role != Role::Workstation {
        s.role = Role::Workstation;
        changed.push("role");
    }
    if s.run == Run::User && s.when != When::User {
        s.when = When::User;
        changed.push("when");
    }
    if s.sia == Sia::On
        && (s.client != Client::Legacy || s.run != Run::Admin || s.when == When::User)
    {
        s.sia = Sia::Off;
        changed.push("sia");
    }
    if s.source == Source::Unc && s.shares.is_empty() {
        s.source = Source::Dp;
        changed.push("source");
    }
    // "vista and x64 need client=cm07 (else nt/x86)".
    if s.os == Os::Vista && s.client != Client::Cm07 {
        s.os = Os::Nt;
        changed.push("os");
    }
    if s.arch == Arch::X64 && s.client != Client::Cm07 {
        s.arch = Arch::X86;
        changed.push("arch");
    }
    // "interact only with run=admin, when ∈ {any, user} and not Win9x".
    if s.interact == Interact::On
        && (s.run != Run::Admin || s.when == When::NoUser || s.os == Os::Win9x)
    {
        s.interact = Interact::Off;
        changed.push("interact");
    }
    // "for Legacy they stay at their defaults, are not reported as changed".
    if s.client == Client::Legacy {
        s.deploy = Deploy::default();
        s.boundary = Boundary::default();
        s.slow = SlowMode::default();
    }
    // "a drive mode other than unc only when the program runs from the DP".
    if s.drive != Drive::Unc && (content(&s) != Content::RunDp || s.source != Source::Dp) {
        s.drive = Drive::Unc;
        changed.push("drive");
    }
    if s.letter == Letter::Taken && s.drive != Drive::Fixed {
        s.letter = Letter::Free;
        changed.push("letter");
    }
    (s, changed)
}

/// What the rule book says one step does.
#[derive(Debug, PartialEq)]
struct Model {
    step: StepKind,
    /// `None` where the rule book does not say (the schedule).
    identity: Option<Identity>,
    outcome: Outcome,
    /// The attempts, for the steps whose listing the rule book (and contract) fixes.
    tried: Option<Vec<(Identity, Outcome)>>,
    /// The rule ids the step may name (more than one where two rules tie on the worst
    /// outcome and the rule book does not say which names the step).
    rules: Vec<&'static str>,
    /// The step must carry at least one note.
    note: bool,
}

fn model(s: &Scenario) -> Vec<Model> {
    use Identity::*;
    let win9x = s.os == Os::Win9x;
    let legacy = s.client == Client::Legacy;
    // "Runs as the user" means run=user or os=win9x, in every step.
    let as_user = s.run == Run::User || win9x;
    let configured = |id: Identity| match id {
        NetworkAccessAccount => s.naa == Account::Set,
        SoftwareInstallationAccount => s.siacct == Account::Set,
        _ => true,
    };
    let reads = |id: Identity, readers: Readers| {
        configured(id)
            && counts_as(id, s.domain, s.role)
                .into_iter()
                .any(|p| readers.contains(p))
    };
    // Tries each identity in turn, skipping an account that is not configured; the acting one
    // is the one that got through or the last one tried.
    let tries = |chain: &[Identity], readers: Readers| {
        let mut tried = Vec::new();
        for &id in chain {
            if !configured(id) {
                continue;
            }
            let ok = reads(id, readers);
            tried.push((id, if ok { Outcome::Ok } else { Outcome::Fails }));
            if ok {
                break;
            }
        }
        let (identity, outcome) = tried.last().copied().unwrap_or((chain[0], Outcome::Fails));
        (identity, outcome, tried)
    };
    let step = |step, identity, outcome, rule| Model {
        step,
        identity,
        outcome,
        tried: None,
        rules: vec![rule],
        note: false,
    };

    let mut out = Vec::new();
    // 1. schedule: Win9x waits before logon; when/logon waits.
    let rule = if win9x && s.when == When::NoUser {
        "schedule/win9x-no-user"
    } else if win9x && s.logon == Logon::None {
        "schedule/win9x-before-logon"
    } else if s.when == When::User && s.logon == Logon::None {
        "schedule/needs-user"
    } else if s.when == When::NoUser && s.logon != Logon::None {
        "schedule/needs-no-user"
    } else {
        "schedule/can-start"
    };
    let outcome = if rule == "schedule/can-start" {
        Outcome::Ok
    } else {
        Outcome::Waits
    };
    out.push(step(StepKind::Schedule, None, outcome, rule));
    // 2. run-as.
    let (run_as, outcome, rule) = if win9x && s.sia == Sia::On {
        (
            SoftwareInstallationAccount,
            Outcome::Fails,
            "run-as/win9x-sia",
        )
    } else if legacy && s.sia == Sia::On && s.siacct == Account::None {
        (
            SoftwareInstallationAccount,
            Outcome::Fails,
            "run-as/sia-not-configured",
        )
    } else if win9x {
        (LoggedOnUser, Outcome::Ok, "run-as/win9x-user")
    } else if s.run == Run::User {
        (LoggedOnUser, Outcome::Ok, "run-as/user")
    } else if !legacy {
        (LocalSystem, Outcome::Ok, "run-as/local-system")
    } else if s.sia == Sia::On {
        (SoftwareInstallationAccount, Outcome::Ok, "run-as/sia")
    } else if s.role == Role::DomainController {
        (ClientToken, Outcome::Ok, "run-as/token-dc")
    } else {
        (ClientToken, Outcome::Ok, "run-as/token")
    };
    out.push(step(StepKind::RunAs, Some(run_as), outcome, rule));
    // "Runs as the user" holds in every step on Windows 98, whatever run-as tried.
    let run_as = if win9x { LoggedOnUser } else { run_as };
    // 3. fetch-content.
    let mut fetched_as = None;
    if s.source == Source::Dp {
        let (chain, rule): (&[Identity], _) = match (s.client, as_user, s.sia) {
            (Client::Legacy, true, _) => (&[LoggedOnUser], "fetch-content/legacy-user"),
            (Client::Legacy, false, Sia::Off) => {
                (&[ClientConnection], "fetch-content/legacy-connection")
            }
            (Client::Legacy, false, Sia::On) => {
                (&[SoftwareInstallationAccount], "fetch-content/legacy-sia")
            }
            (Client::Advanced, true, _) => (&[LoggedOnUser], "fetch-content/advanced-user"),
            (Client::Cm07, true, _) => (
                &[LoggedOnUser, NetworkAccessAccount],
                "fetch-content/cm07-user",
            ),
            // The rule book gives both clients one chain; the engine names CM07's rule
            // apart (its order is sourced, the Advanced Client's inferred).
            (Client::Advanced, false, _) => (
                &[ComputerAccount, NetworkAccessAccount],
                "fetch-content/advanced-admin",
            ),
            (Client::Cm07, false, _) => (
                &[ComputerAccount, NetworkAccessAccount],
                "fetch-content/cm07-admin",
            ),
        };
        let (identity, outcome, tried) = tries(chain, s.dpacl);
        fetched_as = Some(identity);
        out.push(if content(s) == Content::NoRun {
            // "waits and reads nothing ... what the read would have been is a note".
            Model {
                tried: Some(Vec::new()),
                note: true,
                ..step(
                    StepKind::FetchContent,
                    Some(identity),
                    Outcome::Waits,
                    "fetch-content/slow-no-run",
                )
            }
        } else {
            Model {
                tried: Some(if chain.len() > 1 { tried } else { Vec::new() }),
                ..step(StepKind::FetchContent, Some(identity), outcome, rule)
            }
        });
    }
    // 4. map-drive: as step 3's identity; a denied read is step 3's failure.
    if s.drive != Drive::Unc {
        let (outcome, rule) = match (s.drive, s.letter) {
            (Drive::Fixed, Letter::Taken) => (Outcome::Fails, "map-drive/letter-taken"),
            (Drive::Fixed, Letter::Free) => (Outcome::Ok, "map-drive/fixed"),
            _ => (Outcome::Ok, "map-drive/any"),
        };
        out.push(step(StepKind::MapDrive, fetched_as, outcome, rule));
    }
    // 5. connect-share.
    for share in &s.shares {
        let readers = share.readers;
        let m = match (s.client, as_user, s.sia) {
            (_, true, _) => {
                let (id, o, _) = tries(&[LoggedOnUser], readers);
                step(StepKind::ConnectShare, Some(id), o, "connect-share/user")
            }
            (Client::Advanced, false, _) => {
                // Computer account, then the NAA if configured: ok / at-risk / fails, and
                // always the note on the disagreement.
                let (id, o) = if reads(ComputerAccount, readers) {
                    (ComputerAccount, Outcome::Ok)
                } else if reads(NetworkAccessAccount, readers) {
                    (NetworkAccessAccount, Outcome::AtRisk)
                } else if configured(NetworkAccessAccount) {
                    (NetworkAccessAccount, Outcome::Fails)
                } else {
                    (ComputerAccount, Outcome::Fails)
                };
                Model {
                    note: true,
                    ..step(
                        StepKind::ConnectShare,
                        Some(id),
                        o,
                        "connect-share/advanced-admin",
                    )
                }
            }
            (Client::Cm07, false, _) => {
                let (id, o, _) = tries(&[ComputerAccount], readers);
                step(
                    StepKind::ConnectShare,
                    Some(id),
                    o,
                    "connect-share/cm07-admin",
                )
            }
            (Client::Legacy, false, Sia::On) => {
                let (id, o, _) = tries(&[SoftwareInstallationAccount], readers);
                step(
                    StepKind::ConnectShare,
                    Some(id),
                    o,
                    "connect-share/legacy-sia",
                )
            }
            (Client::Legacy, false, Sia::Off) => {
                // "no domain rights: fails"; "on a DC also warn of lock-out".
                let dc = s.role == Role::DomainController;
                Model {
                    note: dc,
                    ..step(
                        StepKind::ConnectShare,
                        Some(ClientToken),
                        Outcome::Fails,
                        if dc {
                            "connect-share/legacy-token-dc"
                        } else {
                            "connect-share/legacy-token"
                        },
                    )
                }
            }
        };
        out.push(m);
    }
    // 6. use-mapped-drive: the letter belongs to the user's logon session.
    if s.mapped == Mapped::On {
        out.push(if as_user {
            step(
                StepKind::UseMappedDrive,
                Some(run_as),
                Outcome::Ok,
                "use-mapped-drive/user",
            )
        } else {
            step(
                StepKind::UseMappedDrive,
                Some(run_as),
                Outcome::Fails,
                "use-mapped-drive/other-session",
            )
        });
    }
    // 7. user-input.
    if s.ui == Ui::Prompts {
        let logged_on = match s.when {
            When::User => true,
            When::NoUser => false,
            When::Any => s.logon != Logon::None,
        };
        let (outcome, rule) = if as_user {
            (Outcome::AtRisk, "user-input/user")
        } else if s.interact == Interact::On && logged_on {
            (Outcome::AtRisk, "user-input/interact")
        } else if s.client == Client::Cm07 {
            (Outcome::Fails, "user-input/hidden-cm07")
        } else {
            (Outcome::Fails, "user-input/hidden-sms2003")
        };
        out.push(step(StepKind::UserInput, Some(run_as), outcome, rule));
    }
    // 8. install: the first rule that applies, plus the 64-bit script host.
    let vista = s.os == Os::Vista;
    let admin = match run_as {
        LocalSystem | ClientToken | SoftwareInstallationAccount => true,
        // Nobody logged on yet: the user who logs on is taken to be a standard user. On
        // Vista a logged-on administrator holds the filtered standard-user token: "treat
        // them as a standard user" (domain.md Identities).
        LoggedOnUser => s.logon == Logon::Admin && !vista,
        _ => false,
    };
    let needs_admin = matches!(
        s.installer,
        Installer::MsiMachine | Installer::MsiAllusers2 | Installer::SetupAdmin | Installer::Script
    );
    let (first, first_rule) = if win9x {
        (Outcome::Ok, "install/win9x")
    } else if s.installer == Installer::MsiUser && run_as != LoggedOnUser {
        (Outcome::AtRisk, "install/per-user-msi-elsewhere")
    } else if s.installer == Installer::MsiUser {
        (Outcome::Ok, "install/per-user-msi")
    } else if vista && s.run == Run::User && s.logon == Logon::Admin && needs_admin {
        // The filtered token: only an approved elevation prompt helps.
        if s.ui == Ui::Prompts {
            (Outcome::AtRisk, "install/vista-filtered-prompt")
        } else {
            (Outcome::Fails, "install/vista-filtered-silent")
        }
    } else if admin {
        (Outcome::Ok, "install/admin")
    } else {
        match s.installer {
            Installer::MsiMachine => (Outcome::Fails, "install/needs-admin"),
            Installer::SetupAdmin | Installer::Script => {
                (Outcome::Fails, "install/needs-admin-setup")
            }
            Installer::MsiAllusers2 if vista => (Outcome::Fails, "install/allusers2-vista"),
            Installer::MsiAllusers2 => (Outcome::AtRisk, "install/allusers2-standard-user"),
            Installer::SetupUser | Installer::MsiUser => {
                (Outcome::Ok, "install/setup-standard-user")
            }
        }
    };
    let mut install = step(StepKind::Install, Some(run_as), first, first_rule);
    if s.arch == Arch::X64 && s.installer == Installer::Script {
        // Several rules: the worst decides, the others become notes.
        let x64 = "install/x64-script";
        install.outcome = first.max(Outcome::AtRisk);
        install.rules = match first.cmp(&Outcome::AtRisk) {
            std::cmp::Ordering::Greater => vec![first_rule],
            std::cmp::Ordering::Equal => vec![first_rule, x64],
            std::cmp::Ordering::Less => vec![x64],
        };
        install.note = first != Outcome::Ok;
    }
    out.push(install);
    out
}

/// Rule ids that rest on an inference the rule book names (they must say so), and ones it
/// sources directly (they must not).
fn inferred_as_the_rule_book_says(st: &Step, s: &Scenario) -> Option<bool> {
    match st.rule {
        "map-drive/any" | "map-drive/fixed" | "map-drive/letter-taken" => Some(true),
        "connect-share/advanced-admin" => Some(true),
        "fetch-content/legacy-connection" => Some(true),
        "install/vista-filtered-prompt" | "install/vista-filtered-silent" => Some(true),
        "fetch-content/advanced-admin" if s.client == Client::Advanced => Some(true),
        "connect-share/cm07-admin" | "use-mapped-drive/user" | "use-mapped-drive/other-session" => {
            Some(false)
        }
        _ => None,
    }
}

/// What went wrong in the walks: per kind, how often and a first example.
#[derive(Default)]
struct Findings {
    count: usize,
    rules: BTreeSet<&'static str>,
    problems: BTreeMap<String, (usize, String)>,
}

impl Findings {
    fn add(&mut self, kind: String, example: impl FnOnce() -> String) {
        let entry = self.problems.entry(kind).or_insert_with(|| (0, example()));
        entry.0 += 1;
    }

    fn merge(&mut self, other: Findings) {
        self.count += other.count;
        self.rules.extend(other.rules);
        for (k, (n, e)) in other.problems {
            let entry = self.problems.entry(k).or_insert((0, e));
            entry.0 += n;
        }
    }

    fn report(&self) -> String {
        self.problems
            .iter()
            .map(|(k, (n, e))| format!("── {k}: {n} scenarios; the first:\n{e}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Plans one combination and checks it against the invariants and the model.
fn check_combination(given: Scenario, found: &mut Findings) {
    found.count += 1;
    let p = plan(&given);
    found.rules.extend(p.steps.iter().map(|st| st.rule));
    if let Err(e) = invariants(&p) {
        // Grouped by what is wrong, not where: "step 4 (install): x" counts as "install: x".
        let kind: String = match e.strip_prefix("step ") {
            Some(rest) => rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' '),
            None => &e,
        }
        .chars()
        .take(90)
        .collect();
        found.add(format!("invariant: {kind}"), || {
            format!("{e}\nscenario {given:?}\n{}", describe(&p))
        });
    }
    let (s, _) = rule_book_normalise(given.clone());
    if p.scenario != s {
        found.add("normalised differently".into(), || {
            format!("given {given:?}\nmodel  {s:?}\nengine {:?}", p.scenario)
        });
        return;
    }
    let want = model(&s);
    if p.steps.len() != want.len() {
        found.add("number of steps".into(), || {
            format!("model {want:?}\n{}", describe(&p))
        });
        return;
    }
    for (st, m) in p.steps.iter().zip(&want) {
        let mut differs = |what: &str| {
            found.add(format!("model: {} {what}", m.step), || {
                format!("scenario {s:?}\nmodel:  {m:?}\n{}", describe(&p))
            })
        };
        if st.step != m.step {
            differs("kind");
            break;
        }
        if m.identity.is_some_and(|i| i != st.identity) {
            differs("identity");
        }
        if st.outcome != m.outcome {
            differs("outcome");
        }
        if !m.rules.contains(&st.rule) {
            differs("rule");
        }
        if let Some(t) = &m.tried {
            let got = tried(st);
            if &got != t {
                differs("attempts");
            }
        }
        if m.note && st.notes.is_empty() {
            differs("note missing");
        }
        let lock = st
            .notes
            .iter()
            .any(|n| n.to_ascii_lowercase().contains("lock"));
        if st.step == StepKind::ConnectShare && lock != (st.rule == "connect-share/legacy-token-dc")
        {
            differs("lock-out warning");
        }
        if let Some(inferred) = inferred_as_the_rule_book_says(st, &s) {
            if st.inferred.is_some() != inferred {
                differs(if inferred {
                    "inference not said"
                } else {
                    "inference said of a sourced rule"
                });
            }
        }
    }
}

/// Walk 1 (see the top comment): every combination of the v1 inputs x six profiles of the new
/// ones; the plan keeps its invariants and agrees with the model, and every rule of the table
/// is used by some combination. One thread per client.
#[test]
fn every_combination_is_covered_keeps_the_invariants_and_follows_the_rule_book() {
    let started = std::time::Instant::now();
    let per_client: Vec<Findings> = std::thread::scope(|scope| {
        let walks: Vec<_> = Client::ALL
            .iter()
            .map(|&client| {
                scope.spawn(move || {
                    let mut found = Findings::default();
                    every_combination(&[client], |s| check_combination(s, &mut found));
                    found
                })
            })
            .collect();
        walks
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut found = Findings::default();
    for f in per_client {
        found.merge(f);
    }
    println!(
        "walk 1: {} scenarios in {:.1?}",
        found.count,
        started.elapsed()
    );
    assert_eq!(
        found.count,
        3 * 3 * 3 * 2 * 2 * 3 * 2 * 3 * 6 * 2 * 2 * 2 * 3 * 6
    );
    assert!(found.problems.is_empty(), "{}", found.report());
    let dead: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !found.rules.contains(id))
        .collect();
    assert!(
        dead.is_empty(),
        "rules that no combination reaches: {dead:?}"
    );
}

/// Walk 2 (see the top comment): every raw combination of the new inputs x the v1 inputs that
/// normalisation reads with them: `normalise()` agrees with the rule book's order (and
/// reports every change but the Legacy Client's silent content defaults), and a slice of them
/// is planned and compared with the model in full.
#[test]
fn every_raw_combination_of_the_new_inputs_normalises_as_the_rule_book_says() {
    let started = std::time::Instant::now();
    let mut found = Findings::default();
    let mut normalised = 0;
    let share = || vec![Share::new(r"\\fs01\pkg", Readers::DEFAULT_DP)];
    for &client in Client::ALL {
        for &os in Os::ALL {
            for &run in Run::ALL {
                for &when in When::ALL {
                    for &logon in Logon::ALL {
                        for (source, shares) in [
                            (Source::Dp, vec![]),
                            (Source::Dp, share()),
                            (Source::Unc, vec![]),
                            (Source::Unc, share()),
                        ] {
                            let base = Scenario {
                                client,
                                os,
                                run,
                                when,
                                logon,
                                source,
                                shares,
                                ..Scenario::default()
                            };
                            for_each_new_input(&base, |given| {
                                normalised += 1;
                                let (got, changes) = normalise(given.clone());
                                let (want, keys) = rule_book_normalise(given.clone());
                                let got_keys: Vec<&str> = changes.iter().map(|c| c.key).collect();
                                if got != want {
                                    found.add("normalise(): scenario".into(), || {
                                        format!("given {given:?}\nmodel  {want:?}\nengine {got:?}")
                                    });
                                } else if got_keys != keys {
                                    found.add("normalise(): keys reported".into(), || {
                                        format!(
                                            "given {given:?}\nmodel  {keys:?}\nengine {got_keys:?}"
                                        )
                                    });
                                }
                                if os == Os::Nt && when == When::Any && logon == Logon::User {
                                    check_combination(given, &mut found);
                                }
                            });
                        }
                    }
                }
            }
        }
    }
    println!(
        "walk 2: {normalised} normalisations and {} plans in {:.1?}",
        found.count,
        started.elapsed()
    );
    assert_eq!(normalised, 3 * 3 * 2 * 3 * 3 * 4 * 1152);
    assert!(found.problems.is_empty(), "{}", found.report());
}

/// Calls `f` with `base` and every raw combination of the nine new inputs (1,152).
fn for_each_new_input(base: &Scenario, mut f: impl FnMut(Scenario)) {
    for &arch in Arch::ALL {
        for &interact in Interact::ALL {
            for &ui in Ui::ALL {
                for &deploy in Deploy::ALL {
                    for &boundary in Boundary::ALL {
                        for &slow in SlowMode::ALL {
                            for &drive in Drive::ALL {
                                for &letter in Letter::ALL {
                                    for &mapped in Mapped::ALL {
                                        f(Scenario {
                                            arch,
                                            interact,
                                            ui,
                                            deploy,
                                            boundary,
                                            slow,
                                            drive,
                                            letter,
                                            mapped,
                                            ..base.clone()
                                        });
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
