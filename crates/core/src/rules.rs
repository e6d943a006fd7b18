//! The rule table. Each row is one rule of the rule book (`domain.md`, v2): the step it
//! decides, when it applies, which identity acts on which resource, the outcome, the reason,
//! the sources (and what is inferred rather than read in them), the log to read and the fix.
//! An SMS administrator can review this file without reading the planner; `credflow rules`
//! prints it, and `docs/rules.md` is generated from it.
//!
//! How a step is decided: the first row of the step, top to bottom, whose condition holds
//! decides it, as in v1. Rows marked `also` are further checks: each one that holds is
//! evaluated too, and when one is worse than the deciding row it decides the step instead.
//! The rows that hold but do not decide are listed as the step's notes, so that every problem
//! of a step shows at once.
//!
//! Text templates: `{who}` is the acting identity's name, `{resource}` the resource,
//! `{computers}` the group the computer account is in (Domain Computers, or Domain
//! Controllers on a domain controller), `{fetch}` how the package is read (downloaded into the
//! client cache, or read from the package share), `{error}` how an install that needs
//! administrative rights fails for this installer (error 1925 for an MSI, access denied for
//! anything else).

use crate::identity::Identity::{self, *};
/// The resource a step acts on (`Share`: the share the step is about, one connect-share step
/// per share).
pub use crate::model::ResourceKind as On;
use crate::model::{LogRef, Outcome, StepKind};
use crate::scenario::{
    Account, Arch, Client, Drive, Installer, Interact, Letter, Logon, Mapped, Mode, Os, Role, Run,
    Scenario, Sia, Ui, When,
};
use crate::source::SourceId::{self, *};

/// What the planner knows when it applies a rule.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    /// The normalised scenario.
    pub s: &'a Scenario,
    /// The program runs as the logged-on user: `run=user`, or any run mode on Windows 98,
    /// which has only the user context. [Q264714]
    pub as_user: bool,
    /// The identity that runs the program, as decided by the run-as rules.
    pub run_as: Identity,
    /// Whether `run_as` has local administrator rights (a Vista administrator's programs
    /// start with the filtered, standard-user token [UAC-HOW]).
    pub admin: bool,
    /// The identity that read the package (the fetch-content step's), which also maps a drive
    /// letter to it.
    pub fetcher: Identity,
}

impl<'a> Facts<'a> {
    pub fn new(s: &'a Scenario) -> Self {
        let as_user = s.run == Run::User || s.os == Os::Win9x;
        Facts {
            s,
            as_user,
            run_as: LoggedOnUser,
            admin: false,
            fetcher: LoggedOnUser,
        }
    }

    /// The facts once the run-as step has named the identity that runs the program.
    pub fn running_as(self, run_as: Identity) -> Self {
        let admin = match run_as {
            LocalSystem | ClientToken | SoftwareInstallationAccount => true,
            // Nobody logged on yet: assume the user who logs on is a standard user. On Vista
            // an administrator's programs start with the standard-user token. [UAC-HOW]
            LoggedOnUser => self.s.logon == Logon::Admin && self.s.os != Os::Vista,
            ComputerAccount | ClientConnection | NetworkAccessAccount => false,
        };
        Facts {
            run_as,
            admin,
            ..self
        }
    }

    /// The facts once the fetch-content step has named the identity that reads the package.
    pub fn fetched_by(self, fetcher: Identity) -> Self {
        Facts { fetcher, ..self }
    }

    /// The client's own agent: the service that schedules and starts the program.
    pub fn agent(&self) -> Identity {
        match (self.s.client, self.s.os) {
            (_, Os::Win9x) => LoggedOnUser,
            // [S1] the Legacy Client's administrative context is its token account.
            (Client::Legacy, _) => ClientToken,
            _ => LocalSystem,
        }
    }

    /// An identity's display name in this scenario.
    pub fn name(&self, id: Identity) -> &'static str {
        id.name_for(self.s.client == Client::Cm07, self.s.role)
    }

    fn legacy(&self) -> bool {
        self.s.client == Client::Legacy
    }

    /// A Vista administrator running the program with user's rights, with an installer that
    /// needs administrative rights: the filtered token decides. [UAC-HOW]
    fn vista_filtered(&self) -> bool {
        self.s.os == Os::Vista
            && self.s.run == Run::User
            && self.s.logon == Logon::Admin
            && needs_admin(self.s.installer)
    }
}

/// Installers that write HKLM, System32 or Program Files whatever the account.
fn needs_admin(installer: Installer) -> bool {
    matches!(
        installer,
        Installer::MsiMachine | Installer::MsiAllusers2 | Installer::SetupAdmin | Installer::Script
    )
}

/// Who acts in a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// The client's agent (Local System; the token account on the Legacy Client; the user on
    /// Windows 98).
    Agent,
    /// The identity that runs the program.
    RunAs,
    /// The identity that read the package (the fetch-content step's).
    Fetcher,
    /// This identity.
    Is(Identity),
    /// These identities, in order, until one can read the resource; an identity whose site
    /// account is not configured is skipped. None can read it: the step fails.
    Tries(&'static [Identity]),
    /// The identity the next rule of the step that holds would use; this rule decides the
    /// step instead, and what that rule would have said becomes a note.
    Instead,
}

/// One rule of the rule book.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// Stable id, shown with each step (`connect-share/advanced-admin`).
    pub id: &'static str,
    pub step: StepKind,
    /// When the rule applies, in words.
    pub when: &'static str,
    /// When the rule applies, for the planner. Must say the same as `when`.
    pub applies: fn(&Facts) -> bool,
    /// A further check of the step, evaluated besides the deciding rule (see the top).
    pub also: bool,
    pub who: Who,
    pub on: On,
    /// The outcome; with `Who::Tries`, the outcome when the first identity gets through.
    pub outcome: Outcome,
    /// With `Who::Tries`: the outcome when only a later identity gets through.
    pub fallback: Outcome,
    /// With `Who::Tries`: why, when only a later identity gets through.
    pub fallback_reason: &'static str,
    pub action: &'static str,
    /// Why; with `Who::Tries`, why the identity that got through could.
    pub reason: &'static str,
    /// With `Who::Tries`: why none got through.
    pub denied: &'static str,
    pub sources: &'static [SourceId],
    /// What the rule infers rather than reads in its sources, and from what. Empty: the
    /// sources say it.
    pub inferred: &'static str,
    pub log: LogRef,
    /// What to change when the outcome is not ok.
    pub fix: &'static str,
    /// What to change instead when the computer's domain is not trusted (`domain=untrusted`):
    /// then the user and the computer account count as nobody on the network, and no grant on
    /// a share reaches them. Empty: `fix` holds either way.
    pub fix_untrusted: &'static str,
    /// A warning, or what other sources say.
    pub note: &'static str,
}

/// Words for a reviewer only (`credflow rules`, `docs/rules.md`): the page never shows a
/// rule's condition in words, so the WebAssembly build leaves the text out.
macro_rules! review {
    ($text:literal) => {
        if cfg!(target_arch = "wasm32") {
            ""
        } else {
            $text
        }
    };
}

const BASE: Rule = Rule {
    id: "",
    step: StepKind::Schedule,
    when: "",
    applies: |_| true,
    also: false,
    who: Who::RunAs,
    on: On::Program,
    outcome: Outcome::Ok,
    fallback: Outcome::Ok,
    fallback_reason: "",
    action: "",
    reason: "",
    denied: "",
    sources: &[],
    inferred: "",
    log: LogRef::Runs,
    fix: "",
    fix_untrusted: "",
    note: "",
};

/// The rules, grouped by step in the order the planner evaluates the steps.
pub static RULES: &[Rule] = &[
    // ── 1. schedule: can the program start now? ──────────────────────────────────────────
    Rule {
        id: "schedule/win9x-no-user",
        step: StepKind::Schedule,
        when: review!("Windows 98 and \"Only when no user is logged on\""),
        applies: |f| f.s.os == Os::Win9x && f.s.when == When::NoUser,
        who: Who::Agent,
        outcome: Outcome::Waits,
        action: "waits for a time when no user is logged on, which never comes",
        reason: "Windows 98 runs programs only in a logged-on user's session, and \"only when no user is logged on\" is an option for Windows NT-family clients only: the program never starts.",
        sources: &[Q264714, Sms20Env],
        fix: "Let the program run whether or not a user is logged on (or only when a user is logged on): on Windows 98 it always runs as the logged-on user.",
        ..BASE
    },
    Rule {
        id: "schedule/win9x-before-logon",
        step: StepKind::Schedule,
        when: review!("Windows 98 and nobody is logged on"),
        applies: |f| f.s.os == Os::Win9x && f.s.logon == Logon::None,
        who: Who::Agent,
        outcome: Outcome::Waits,
        action: "waits for a user to log on",
        reason: "Windows 98 runs nothing until a user logs on: its network does not start before logon, whatever \"Program can run\" says.",
        sources: &[Q264714, Q293487],
        fix: "Wait for a user to log on; a Windows 98 client cannot run a program at the logon screen.",
        ..BASE
    },
    Rule {
        id: "schedule/needs-user",
        step: StepKind::Schedule,
        when: review!("\"Only when a user is logged on\" and nobody is logged on"),
        applies: |f| f.s.when == When::User && f.s.logon == Logon::None,
        who: Who::Agent,
        outcome: Outcome::Waits,
        action: "waits for a user to log on",
        reason: "The program may run only when a user is logged on, and nobody is.",
        sources: &[Cm07Env],
        fix: "Wait for a logon, or (with administrative rights) let the program run whether or not a user is logged on.",
        ..BASE
    },
    Rule {
        id: "schedule/needs-no-user",
        step: StepKind::Schedule,
        when: review!("\"Only when no user is logged on\" and a user is logged on"),
        applies: |f| f.s.when == When::NoUser && f.s.logon != Logon::None,
        who: Who::Agent,
        outcome: Outcome::Waits,
        action: "waits for the user to log off",
        reason: "The program may run only when no user is logged on, and a user is.",
        sources: &[Cm07Env],
        fix: "Wait for the user to log off, or let the program run whether or not a user is logged on.",
        ..BASE
    },
    Rule {
        id: "schedule/can-start",
        step: StepKind::Schedule,
        when: review!("otherwise"),
        applies: |_| true,
        who: Who::Agent,
        action: "starts the program when it is due",
        reason: "\"Program can run\" allows the program to start with the current logon state.",
        sources: &[Cm07Env],
        ..BASE
    },
    // ── 2. run-as: which identity runs the program ──────────────────────────────────────
    Rule {
        id: "run-as/win9x-sia",
        step: StepKind::RunAs,
        when: review!("Windows 98 with \"use the Software Installation Account\""),
        applies: |f| f.s.os == Os::Win9x && f.s.sia == Sia::On,
        who: Who::Is(SoftwareInstallationAccount),
        outcome: Outcome::Fails,
        action: "tries to run the program",
        reason: "Windows 98 can run a program only in the logged-on user's context, so the Software Installation Account cannot be used: status message 10003, error 1317 (0x525) \"The specified user does not exist\" in SMSAPM32.log.",
        sources: &[Q264714],
        fix: "Clear \"use the Software Installation Account\" for programs advertised to Windows 98 clients.",
        ..BASE
    },
    Rule {
        id: "run-as/sia-not-configured",
        step: StepKind::RunAs,
        when: review!("Legacy Client, \"use the Software Installation Account\", and the site has none"),
        applies: |f| f.legacy() && f.s.sia == Sia::On && f.s.siacct == Account::None,
        who: Who::Is(SoftwareInstallationAccount),
        outcome: Outcome::Fails,
        action: "tries to run the program",
        reason: "The program asks for the Software Installation Account, but the site has none configured, so the client finds no account to run it as: error 1317 (0x525) \"The specified user does not exist\".",
        sources: &[Q264714, Q235205],
        inferred: "No source covers a Windows 2000/XP client whose site has no Software Installation Account; the failure is inferred from the same error logged when the account cannot be found or used [Q264714][Q235205].",
        fix: "Configure the Legacy Client Software Installation Account in the site's settings, or clear \"use the Software Installation Account\".",
        ..BASE
    },
    Rule {
        id: "run-as/win9x-user",
        step: StepKind::RunAs,
        when: review!("Windows 98 (any run mode)"),
        applies: |f| f.s.os == Os::Win9x,
        who: Who::Is(LoggedOnUser),
        action: "runs the program",
        reason: "Windows 98 always runs the program as the logged-on user, even when administrative rights are chosen.",
        sources: &[Q264714],
        ..BASE
    },
    Rule {
        id: "run-as/user",
        step: StepKind::RunAs,
        when: review!("Run with user's rights"),
        applies: |f| f.s.run == Run::User,
        who: Who::Is(LoggedOnUser),
        action: "runs the program",
        reason: "\"Run with user's rights\": the program runs as the logged-on user, with that user's rights.",
        sources: &[Cm07Env],
        ..BASE
    },
    Rule {
        id: "run-as/local-system",
        step: StepKind::RunAs,
        when: review!("Advanced Client or ConfigMgr 2007 client, administrative rights"),
        applies: |f| !f.legacy(),
        who: Who::Is(LocalSystem),
        action: "runs the program",
        reason: "With administrative rights the client runs the program as Local System: full rights on this computer.",
        sources: &[S1, Cm07Env],
        ..BASE
    },
    Rule {
        id: "run-as/token-dc",
        step: StepKind::RunAs,
        when: review!("Legacy Client on a domain controller, administrative rights, no Software Installation Account"),
        applies: |f| f.legacy() && f.s.sia == Sia::Off && f.s.role == Role::DomainController,
        who: Who::Is(ClientToken),
        action: "runs the program",
        reason: "The Legacy Client runs the program as its token account, an administrator on this computer. A domain controller has no local accounts database, so this is SMSCliToknAcct&, one domain account shared by every DC.",
        sources: &[S1, Sms03AcctLife],
        ..BASE
    },
    Rule {
        id: "run-as/token",
        step: StepKind::RunAs,
        when: review!("Legacy Client, administrative rights, no Software Installation Account"),
        applies: |f| f.legacy() && f.s.sia == Sia::Off,
        who: Who::Is(ClientToken),
        action: "runs the program",
        reason: "The Legacy Client runs the program as its token account SMSCliToknLocalAcct&, a local account of this computer with administrative rights on it.",
        sources: &[S1, Sms03AcctLife],
        ..BASE
    },
    Rule {
        id: "run-as/sia",
        step: StepKind::RunAs,
        when: review!("Legacy Client, administrative rights, \"use the Software Installation Account\", configured"),
        applies: |f| f.legacy() && f.s.sia == Sia::On,
        who: Who::Is(SoftwareInstallationAccount),
        action: "runs the program",
        reason: "The program runs as the Software Installation Account, which the client adds to the local Administrators group for the run.",
        sources: &[S1, Kb826871, Q235811],
        ..BASE
    },
    // ── 3. fetch-content: reading the package on the distribution point ─────────────────
    Rule {
        id: "fetch-content/slow-no-run",
        step: StepKind::FetchContent,
        when: review!("Advanced Client or ConfigMgr 2007 client, slow boundary, \"Do not run program\""),
        applies: |f| f.s.effective_mode() == Mode::NoRun,
        who: Who::Instead,
        on: On::DistributionPoint,
        outcome: Outcome::Waits,
        action: "waits for a distribution point on a fast boundary",
        reason: "The only distribution point is across a slow boundary, and the advertisement does not run there: nothing is read and the program does not start.",
        sources: &[SdkAdv],
        inferred: "What the read would have been is inferred: the advertisement never gets that far.",
        log: LogRef::Content,
        fix: "Add a distribution point on the client's boundary, or let the advertisement download the program (or run it from the distribution point) on slow boundaries.",
        ..BASE
    },
    Rule {
        id: "fetch-content/cm07-user",
        step: StepKind::FetchContent,
        when: review!("ConfigMgr 2007 client, the program runs as the user"),
        applies: |f| f.s.client == Client::Cm07 && f.as_user,
        who: Who::Tries(&[LoggedOnUser, NetworkAccessAccount]),
        on: On::DistributionPoint,
        action: "{fetch}",
        reason: "{who} can read the package share.",
        denied: "Neither the logged-on user nor a Network Access Account can read the package share: access denied.",
        sources: &[Cm07Flow, CbAccounts],
        inferred: "The order, the user and then the Network Access Account, is inferred: CM07-FLOW says the account may fetch content for a user's program, and the current documentation gives the fallback.",
        log: LogRef::Content,
        fix: "Grant Domain Users (or Authenticated Users) read on the package share, or configure a Network Access Account that can read it.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches the user: configure a Network Access Account and grant it read on the package share.",
        ..BASE
    },
    Rule {
        id: "fetch-content/advanced-user",
        step: StepKind::FetchContent,
        when: review!("SMS 2003 Advanced Client, the program runs as the user"),
        applies: |f| f.s.client == Client::Advanced && f.as_user,
        who: Who::Tries(&[LoggedOnUser]),
        on: On::DistributionPoint,
        action: "{fetch}",
        reason: "In the user's context the SMS 2003 client has only the user's credentials, and {who} can read the package share.",
        denied: "In the user's context the SMS 2003 client has only the user's credentials (falling back to the Network Access Account is ConfigMgr 2007's), and the user cannot read the package share: access denied.",
        sources: &[Kb826871],
        log: LogRef::Content,
        fix: "Grant Domain Users (or Authenticated Users) read on the package share.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches the user: run the program with administrative rights, so that a Network Access Account can read the package, or join the computer to a trusted domain.",
        ..BASE
    },
    Rule {
        id: "fetch-content/advanced-admin",
        step: StepKind::FetchContent,
        when: review!("SMS 2003 Advanced Client, administrative rights"),
        applies: |f| f.s.client == Client::Advanced,
        who: Who::Tries(&[ComputerAccount, NetworkAccessAccount]),
        on: On::DistributionPoint,
        action: "{fetch}",
        reason: "{who} can read the package share.",
        denied: "Neither the computer account nor a Network Access Account can read the package share: access denied. Workgroup and untrusted-domain clients need the Network Access Account.",
        sources: &[Cm07Naa, CbAccounts, Kb826871, AdGroups],
        inferred: "For the SMS 2003 Advanced Client the order, the computer account and then the Network Access Account, is inferred from ConfigMgr 2007's; KB826871 says only that the Network Access Account is used outside the user's context.",
        log: LogRef::Content,
        fix: "Grant Authenticated Users or {computers} read on the package share, or configure a Network Access Account that can read it (required for workgroup and untrusted clients).",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches DOMAIN\\COMPUTER$: configure a Network Access Account and grant it read on the package share.",
        ..BASE
    },
    Rule {
        id: "fetch-content/cm07-admin",
        step: StepKind::FetchContent,
        when: review!("ConfigMgr 2007 client, administrative rights"),
        applies: |f| f.s.client == Client::Cm07,
        who: Who::Tries(&[ComputerAccount, NetworkAccessAccount]),
        on: On::DistributionPoint,
        action: "{fetch}",
        reason: "{who} can read the package share.",
        denied: "Neither the computer account nor a Network Access Account can read the package share: access denied. Workgroup and untrusted-domain clients need the Network Access Account.",
        sources: &[Cm07Naa, CbAccounts, AdGroups],
        log: LogRef::Content,
        fix: "Grant Authenticated Users or {computers} read on the package share, or configure a Network Access Account that can read it (required for workgroup and untrusted clients).",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches DOMAIN\\COMPUTER$: configure a Network Access Account and grant it read on the package share.",
        ..BASE
    },
    Rule {
        id: "fetch-content/legacy-user",
        step: StepKind::FetchContent,
        when: review!("Legacy Client, the program runs as the user"),
        applies: |f| f.legacy() && f.as_user,
        who: Who::Tries(&[LoggedOnUser]),
        on: On::DistributionPoint,
        action: "{fetch}",
        reason: "In the user's context the client has only the user's credentials, and {who} can read the package share.",
        denied: "In the user's context the client has only the user's credentials, and the user cannot read the package share: access denied (SMSAPM32.log writes it as 2147942405, 0x80070005).",
        sources: &[Kb826871, Q236052],
        fix: "Grant Domain Users (or Authenticated Users) read on the package share.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches the user: join the computer to a trusted domain, or (on Windows 2000, XP or Server 2003; Windows 98 always runs as the user) run the program with administrative rights, so that the Client Connection Account reads the package.",
        ..BASE
    },
    Rule {
        id: "fetch-content/legacy-connection",
        step: StepKind::FetchContent,
        when: review!("Legacy Client, administrative rights, no Software Installation Account"),
        applies: |f| f.legacy() && f.s.sia == Sia::Off,
        who: Who::Tries(&[ClientConnection]),
        on: On::DistributionPoint,
        action: "{fetch}",
        reason: "The client connects to the distribution point with its Client Connection Account, which can read the package share; the program itself then runs as the token account.",
        denied: "The client connects to the distribution point with its Client Connection Account, which cannot read the package share: access denied (SMSAPM32.log writes it as 2147942405, 0x80070005).",
        sources: &[Q231399, Q307434, Q242011, Sms03AcctMin, Q236052],
        inferred: "No SMS 2003 text names the account that reads the package for a token-account program: inferred from SMS articles on the client's connection accounts (the token account's own use of DPs is called a bug).",
        fix: "Grant Authenticated Users (or the Client Connection Account) read on the package share.",
        ..BASE
    },
    Rule {
        id: "fetch-content/legacy-sia",
        step: StepKind::FetchContent,
        when: review!("Legacy Client, administrative rights, \"use the Software Installation Account\""),
        applies: |f| f.legacy(),
        who: Who::Tries(&[SoftwareInstallationAccount]),
        on: On::DistributionPoint,
        action: "{fetch}",
        reason: "The Software Installation Account can read the package share.",
        denied: "The Software Installation Account must itself be able to read the package share, and it cannot: access denied (SMSAPM32.log writes it as 2147942405, 0x80070005).",
        sources: &[Kb826871, Q236052],
        fix: "Configure the Software Installation Account if the site has none, and grant it (or Authenticated Users) read on the package share.",
        ..BASE
    },
    // ── 4. map-drive: a drive letter to the package share ──────────────────────────────
    Rule {
        id: "map-drive/letter-taken",
        step: StepKind::MapDrive,
        when: review!("\"Requires specific drive letter\", and that letter is in use"),
        applies: |f| f.s.letter == Letter::Taken,
        who: Who::Fetcher,
        on: On::DistributionPoint,
        outcome: Outcome::Fails,
        action: "tries to map the program's drive letter to {resource}",
        reason: "The program requires a specific drive letter, and the client already uses that letter: the program does not run.",
        sources: &[CbPkgProg],
        inferred: "Which account maps the letter is inferred: the one that reads the package.",
        fix: "Pick a letter no logon script or user maps, or choose \"Requires drive letter\" (the next free letter), or let the program run with its UNC name.",
        ..BASE
    },
    Rule {
        id: "map-drive/fixed",
        step: StepKind::MapDrive,
        when: review!("\"Requires specific drive letter\", and that letter is free"),
        applies: |f| f.s.drive == Drive::Fixed,
        who: Who::Fetcher,
        on: On::DistributionPoint,
        action: "maps the program's drive letter to {resource}",
        reason: "The program's drive letter is free, so the client maps it to the package share.",
        sources: &[CbPkgProg],
        inferred: "Which account maps the letter is inferred: the one that reads the package.",
        ..BASE
    },
    Rule {
        id: "map-drive/any",
        step: StepKind::MapDrive,
        when: review!("\"Requires drive letter\""),
        applies: |_| true,
        who: Who::Fetcher,
        on: On::DistributionPoint,
        action: "maps the next free drive letter to {resource}",
        reason: "The client maps the next free drive letter, from Z: backwards, to the package share.",
        sources: &[CbPdf],
        inferred: "Which account maps the letter is inferred: the one that reads the package.",
        ..BASE
    },
    // ── 5. connect-share: one step per non-SMS share ────────────────────────────────────
    Rule {
        id: "connect-share/user",
        step: StepKind::ConnectShare,
        when: review!("the program runs as the user"),
        applies: |f| f.as_user,
        who: Who::Tries(&[LoggedOnUser]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "The program runs as the logged-on user, who can read the share.",
        denied: "The program runs as the logged-on user, who cannot read the share: access denied.",
        sources: &[S1],
        fix: "Grant Domain Users (or the user) read on {resource}, or copy the files into the package.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on {resource} reaches the user: copy the files into the package, or join the computer to a trusted domain.",
        ..BASE
    },
    Rule {
        id: "connect-share/cm07-admin",
        step: StepKind::ConnectShare,
        when: review!("ConfigMgr 2007 client, administrative rights"),
        applies: |f| f.s.client == Client::Cm07,
        who: Who::Tries(&[ComputerAccount]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "Local System reaches the share as the computer account DOMAIN\\COMPUTER$, which can read it; the Network Access Account is not used.",
        denied: "Local System reaches the share as the computer account DOMAIN\\COMPUTER$, which cannot read it (the Network Access Account is only for distribution-point content): access denied.",
        sources: &[Cm07Naa, WinLocalSystem, AdGroups],
        fix: "Grant {computers} read on {resource}, or copy the files into the package.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on {resource} reaches DOMAIN\\COMPUTER$: copy the files into the package (the Network Access Account can fetch it from the distribution point), or join the computer to a trusted domain.",
        ..BASE
    },
    Rule {
        id: "connect-share/advanced-admin",
        step: StepKind::ConnectShare,
        when: review!("SMS 2003 Advanced Client, administrative rights"),
        applies: |f| f.s.client == Client::Advanced,
        who: Who::Tries(&[ComputerAccount, NetworkAccessAccount]),
        on: On::Share,
        fallback: Outcome::AtRisk,
        fallback_reason: "Only the Network Access Account can read the share. Only S1 says the Advanced Client connects to non-SMS shares as that account; if Windows' account is right, the installer reaches the share as the computer account and is denied.",
        action: "connects to {resource}",
        reason: "Local System reaches the share as the computer account DOMAIN\\COMPUTER$, which can read it.",
        denied: "Neither the computer account nor the Network Access Account can read the share: access denied in execmgr.log.",
        sources: &[WinLocalSystem, S1, CbAccounts, AdGroups],
        inferred: "The order, the computer account and then the Network Access Account, is inferred: no source covers a share the installer opens itself.",
        fix: "Grant {computers} read on {resource} (and, if you follow S1, the Network Access Account too), or copy the files into the package, which works either way.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on {resource} reaches DOMAIN\\COMPUTER$: copy the files into the package, which the Network Access Account can fetch from the distribution point.",
        note: "Sources disagree: S1 says the Advanced Client reaches non-SMS shares as the Network Access Account; Windows says a Local System process presents the computer's credentials [WIN-LOCALSYSTEM], and ConfigMgr's documentation keeps the Network Access Account for distribution-point content [CB-ACCOUNTS].",
        ..BASE
    },
    Rule {
        id: "connect-share/legacy-sia",
        step: StepKind::ConnectShare,
        when: review!("Legacy Client, administrative rights, \"use the Software Installation Account\""),
        applies: |f| f.legacy() && f.s.sia == Sia::On,
        who: Who::Tries(&[SoftwareInstallationAccount]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "The Software Installation Account runs the program and reaches the share; it can read it.",
        denied: "The Software Installation Account runs the program and reaches the share, and it cannot read it: access denied (SMSAPM32.log writes it as 2147942405, 0x80070005).",
        sources: &[S1, Kb826871, Q235811, Q236052],
        fix: "Grant the Software Installation Account read on {resource}.",
        ..BASE
    },
    Rule {
        id: "connect-share/legacy-token-dc",
        step: StepKind::ConnectShare,
        when: review!("Legacy Client on a domain controller, administrative rights, no Software Installation Account"),
        applies: |f| f.legacy() && f.s.role == Role::DomainController,
        who: Who::Tries(&[ClientToken]),
        on: On::Share,
        action: "connects to {resource}",
        denied: "The token account has local rights only and no domain rights: access denied (SMSAPM32.log writes it as 2147942405, 0x80070005).",
        sources: &[Q199041, Q242011, Q241982, Q231399, Q262341, Q244410, Q236052],
        fix: "Configure the Software Installation Account, grant it read on {resource} and select \"use the Software Installation Account\", or copy the files into the package.",
        note: "Warning: on a domain controller SMSCliToknAcct& is one domain account shared by every DC; using it on the network presents the wrong password and can lock it out for every domain controller [Q241982][Q231399][Q262341][Q244410].",
        ..BASE
    },
    Rule {
        id: "connect-share/legacy-token",
        step: StepKind::ConnectShare,
        when: review!("Legacy Client, administrative rights, no Software Installation Account"),
        applies: |f| f.legacy(),
        who: Who::Tries(&[ClientToken]),
        on: On::Share,
        action: "connects to {resource}",
        denied: "The token account has local rights only and no domain rights: access denied (SMSAPM32.log writes it as 2147942405, 0x80070005).",
        sources: &[Q199041, Q242011, Q236052],
        fix: "Configure the Software Installation Account, grant it read on {resource} and select \"use the Software Installation Account\", or copy the files into the package.",
        ..BASE
    },
    // ── 6. use-mapped-drive: a letter the user mapped ───────────────────────────────────
    Rule {
        id: "use-mapped-drive/user",
        step: StepKind::UseMappedDrive,
        when: review!("the command line uses a letter the user maps, and the program runs as the user"),
        applies: |f| f.as_user,
        on: On::MappedDrive,
        action: "opens a path on the user's mapped drive",
        reason: "The program runs in the user's own logon session, where the user's drive letters exist.",
        sources: &[WinRedirDrives],
        ..BASE
    },
    Rule {
        id: "use-mapped-drive/other-session",
        step: StepKind::UseMappedDrive,
        when: review!("the command line uses a letter the user maps, and the program runs as any other account"),
        applies: |f| f.s.mapped == Mapped::On,
        on: On::MappedDrive,
        outcome: Outcome::Fails,
        action: "tries to open a path on the user's mapped drive",
        reason: "Drive letters belong to the logon session that mapped them, and the client does not see or reuse them: {who} runs in a session without that letter, so the path is not found.",
        sources: &[WinRedirDrives, Kb226113],
        fix: "Use the UNC path (\\\\server\\share\\setup.exe) instead of the drive letter, and grant read on that share to the account that connects.",
        note: "On Windows 2000 a letter mapped at the console is visible to every session, so there the path may resolve and reach the share as {who}.",
        ..BASE
    },
    // ── 7. user-input: an installer that waits for an answer ────────────────────────────
    Rule {
        id: "user-input/user",
        step: StepKind::UserInput,
        when: review!("the installer shows dialogs, and the program runs as the user"),
        applies: |f| f.as_user,
        on: On::Desktop,
        outcome: Outcome::AtRisk,
        action: "shows its dialogs to the user and waits",
        reason: "The installer's dialogs appear on the logged-on user's desktop and wait for an answer: a user who cancels or ignores them stops the install.",
        sources: &[CbPdf],
        inferred: "That the user may cancel or ignore the dialogs is inferred from the program running in the user's session.",
        fix: "Run the installer quietly (/qn for an MSI, or the vendor's silent switch).",
        ..BASE
    },
    Rule {
        id: "user-input/interact",
        step: StepKind::UserInput,
        when: review!("the installer shows dialogs, administrative rights, \"Allow users to interact\", and a user is logged on when it runs"),
        applies: |f| f.s.interact == Interact::On && f.s.user_at_run_time(),
        on: On::Desktop,
        outcome: Outcome::AtRisk,
        action: "shows its dialogs to the logged-on user and waits",
        reason: "\"Allow users to interact\" puts the installer's dialogs on the logged-on user's desktop; they wait for an answer, and a user who cancels or ignores them stops the install.",
        sources: &[Cm07Env],
        fix: "Run the installer quietly (/qn for an MSI, or the vendor's silent switch).",
        ..BASE
    },
    Rule {
        id: "user-input/hidden-cm07",
        step: StepKind::UserInput,
        when: review!("ConfigMgr 2007 client, the installer shows dialogs, administrative rights, no one can see them"),
        applies: |f| f.s.client == Client::Cm07,
        on: On::Desktop,
        outcome: Outcome::Fails,
        action: "shows its dialogs on no one's desktop and waits",
        reason: "The installer waits for an answer, but its dialogs appear on no one's desktop. ConfigMgr 2007 stops a program with administrative rights and without user interaction once its maximum run time (120 minutes by default) is exceeded; with interaction allowed and nobody logged on, it stops watching it instead.",
        sources: &[Cm07Env, Cm07Req, CbPkgProg],
        fix: "Run the installer quietly (/qn for an MSI, or the vendor's silent switch), or allow users to interact with the program and run it when a user is logged on.",
        ..BASE
    },
    Rule {
        id: "user-input/hidden-sms2003",
        step: StepKind::UserInput,
        when: review!("SMS 2003 client, the installer shows dialogs, administrative rights, no one can see them"),
        applies: |_| true,
        on: On::Desktop,
        outcome: Outcome::Fails,
        action: "shows its dialogs on no one's desktop and waits",
        reason: "The installer waits for an answer, but its dialogs appear on no one's desktop: the install never completes. No source says whether SMS 2003 stops the program when its maximum run time is exceeded.",
        sources: &[Cm07Env, Cm07Req],
        inferred: "Inferred for SMS 2003 from ConfigMgr 2007's documentation of hidden programs and the maximum run time.",
        fix: "Run the installer quietly (/qn for an MSI, or the vendor's silent switch), or allow users to interact with the program and run it when a user is logged on.",
        ..BASE
    },
    // ── 8. install: local writes by the identity that runs the program ──────────────────
    Rule {
        id: "install/x64-script",
        step: StepKind::Install,
        when: review!("64-bit Windows and a batch file or VBScript (in addition to the rule below)"),
        applies: |f| f.s.arch == Arch::X64 && f.s.installer == Installer::Script,
        also: true,
        on: On::LocalMachine,
        outcome: Outcome::AtRisk,
        action: "writes System32 and HKLM\\Software through the 32-bit redirector",
        reason: "The ConfigMgr 2007 client is a 32-bit program, so it starts the 32-bit cmd.exe or cscript: what the script writes to System32 lands in SysWOW64, and what it writes to HKLM\\Software lands in Wow6432Node, where 64-bit programs do not look.",
        sources: &[CommSandys, MsjpSysnative, Wow64Fsr, Wow64Reg, Kb942589],
        inferred: "That the ConfigMgr 2007 client is 32-bit rests on a community article and a later Microsoft support blog; its SysWOW64 log folder agrees [CM07-LOGS].",
        fix: "Start the script with %windir%\\Sysnative\\cmd.exe (Windows Vista and later; Windows XP and Server 2003 x64 need hotfix KB942589 first).",
        ..BASE
    },
    Rule {
        id: "install/win9x",
        step: StepKind::Install,
        when: review!("Windows 98"),
        applies: |f| f.s.os == Os::Win9x,
        on: On::LocalMachine,
        action: "installs on {resource}",
        reason: "Windows 98 has no local security: any account may write the local machine.",
        sources: &[Q264714],
        inferred: "Inferred: Q264714 describes Windows 98 as having a single user context, without separate security contexts.",
        ..BASE
    },
    Rule {
        id: "install/per-user-msi-elsewhere",
        step: StepKind::Install,
        when: review!("per-user MSI run by an account other than the logged-on user"),
        applies: |f| f.s.installer == Installer::MsiUser && f.run_as != LoggedOnUser,
        on: On::UserProfile,
        outcome: Outcome::AtRisk,
        action: "installs into {who}'s own profile",
        reason: "A per-user MSI installs into the profile and HKCU of the account that runs it, {who}, not the user's: the user sees no shortcuts, and the install may fail or its results be unexpected.",
        sources: &[S1, MsiContext, WinLocalSystem, MsiAllusers],
        inferred: "Which profile it lands in is inferred: Local System's HKCU is the default user's [WIN-LOCALSYSTEM].",
        fix: "Add ALLUSERS=2 to the MSI command line (ALLUSERS=1 is the unambiguous per-machine choice).",
        ..BASE
    },
    Rule {
        id: "install/per-user-msi",
        step: StepKind::Install,
        when: review!("per-user MSI run by the logged-on user"),
        applies: |f| f.s.installer == Installer::MsiUser,
        on: On::UserProfile,
        action: "installs into the user's profile",
        reason: "A per-user MSI run as the logged-on user installs for that user, as it was built to.",
        sources: &[MsiAllusers, MsiContext],
        ..BASE
    },
    Rule {
        id: "install/vista-filtered-prompt",
        step: StepKind::Install,
        when: review!("Windows Vista, user's rights, a local administrator logged on, an installer that needs administrative rights, dialogs shown"),
        applies: |f| f.vista_filtered() && f.s.ui == Ui::Prompts,
        on: On::LocalMachine,
        outcome: Outcome::AtRisk,
        action: "asks for elevation to write HKLM and Program Files",
        reason: "On Windows Vista an administrator's programs start with the filtered, standard-user token: the install can write the local machine only if the user approves the elevation prompt.",
        sources: &[UacHow, MsiAllusers],
        inferred: "Inferred for ConfigMgr 2007: no ConfigMgr text says which token a program run with the user's rights gets.",
        fix: "Select \"Run with administrative rights\" (Local System needs no elevation).",
        ..BASE
    },
    Rule {
        id: "install/vista-filtered-silent",
        step: StepKind::Install,
        when: review!("Windows Vista, user's rights, a local administrator logged on, an installer that needs administrative rights, silent"),
        applies: |f| f.vista_filtered(),
        on: On::LocalMachine,
        outcome: Outcome::Fails,
        action: "tries to write HKLM and Program Files",
        reason: "On Windows Vista an administrator's programs start with the filtered, standard-user token, and a silent install shows no elevation prompt: {error}.",
        sources: &[UacHow, MsiAllusers, MsiErrors],
        inferred: "Inferred for ConfigMgr 2007: no ConfigMgr text says which token a program run with the user's rights gets.",
        fix: "Select \"Run with administrative rights\" (Local System needs no elevation).",
        ..BASE
    },
    Rule {
        id: "install/admin",
        step: StepKind::Install,
        when: review!("the account that runs the program is a local administrator"),
        applies: |f| f.admin,
        on: On::LocalMachine,
        action: "writes HKLM and Program Files",
        reason: "{who} has administrative rights on this computer and may write HKLM and Program Files.",
        sources: &[S1, MsiAllusers],
        ..BASE
    },
    Rule {
        id: "install/needs-admin",
        step: StepKind::Install,
        when: review!("per-machine MSI run by a standard user"),
        applies: |f| f.s.installer == Installer::MsiMachine,
        on: On::LocalMachine,
        outcome: Outcome::Fails,
        action: "tries to write HKLM and Program Files",
        reason: "A standard user may not write HKLM or Program Files: {error}.",
        sources: &[MsiAllusers, MsiErrors, MsiExit],
        fix: "Select \"Run with administrative rights\", or have the program run when an administrator is logged on.",
        ..BASE
    },
    Rule {
        id: "install/needs-admin-setup",
        step: StepKind::Install,
        when: review!("a setup that needs admin rights, or a batch file or VBScript, run by a standard user"),
        applies: |f| matches!(f.s.installer, Installer::SetupAdmin | Installer::Script),
        on: On::LocalMachine,
        outcome: Outcome::Fails,
        action: "tries to write HKLM and Program Files",
        reason: "A standard user may not write HKLM, System32 or Program Files: {error}.",
        sources: &[MsiErrors],
        inferred: "Inferred: a standard user has no write access to the machine's folders and keys; MSI-ERRORS shows 1925 is a Windows Installer message, so a non-MSI setup reports its own code.",
        fix: "Select \"Run with administrative rights\", or have the program run when an administrator is logged on.",
        ..BASE
    },
    Rule {
        id: "install/allusers2-vista",
        step: StepKind::Install,
        when: review!("MSI with ALLUSERS=2 run by a standard user on Windows Vista"),
        applies: |f| f.s.installer == Installer::MsiAllusers2 && f.s.os == Os::Vista,
        on: On::LocalMachine,
        outcome: Outcome::Fails,
        action: "tries to install for all users",
        reason: "With ALLUSERS=2 on Windows Vista a standard user installs per-machine only with administrator credentials at the UAC prompt; without them the install fails, saying administrator privileges are required.",
        sources: &[MsiAllusers],
        fix: "Select \"Run with administrative rights\" so that ALLUSERS=2 installs per-machine.",
        ..BASE
    },
    Rule {
        id: "install/allusers2-standard-user",
        step: StepKind::Install,
        when: review!("MSI with ALLUSERS=2 run by a standard user (Windows 2000, XP, Server 2003)"),
        applies: |f| f.s.installer == Installer::MsiAllusers2,
        on: On::UserProfile,
        outcome: Outcome::AtRisk,
        action: "installs into the user's profile",
        reason: "With ALLUSERS=2 and no administrative rights, Windows Installer on Windows XP installs per-user instead of per-machine, without saying so.",
        sources: &[MsiAllusers],
        fix: "Select \"Run with administrative rights\" so that ALLUSERS=2 installs per-machine.",
        ..BASE
    },
    Rule {
        id: "install/setup-standard-user",
        step: StepKind::Install,
        when: review!("a setup that needs no admin rights, run by a standard user"),
        applies: |f| f.s.installer == Installer::SetupUser,
        on: On::UserProfile,
        action: "installs with the user's rights",
        reason: "The setup needs no administrative rights, so a standard user can run it.",
        sources: &[MsiContext],
        inferred: "Inferred: a setup that needs no administrative rights writes only what its user may, such as the user's own profile and HKCU [MSI-CONTEXT].",
        ..BASE
    },
];

/// The rule for `step` that decides it on its own: the first one, top to bottom, whose
/// condition holds, skipping the `also` rows.
pub fn rule_for(step: StepKind, facts: &Facts) -> Option<&'static Rule> {
    rules_of(step, facts).find(|r| !r.also)
}

/// Every rule of `step` whose condition holds, in the table's order.
pub fn rules_of<'a>(step: StepKind, facts: &'a Facts) -> impl Iterator<Item = &'static Rule> + 'a {
    RULES
        .iter()
        .filter(move |r| r.step == step && (r.applies)(facts))
}
