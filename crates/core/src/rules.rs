//! The rule table. Each row is one rule of the rule book (`domain.md`): the step it decides,
//! when it applies, which identity acts on which resource, the outcome, the reason, the
//! sources, the log to read and the fix. For each step the planner uses the first row, top to
//! bottom, whose condition holds. An SMS administrator can review this file without reading
//! the planner.
//!
//! Text templates: `{who}` is the acting identity's name, `{resource}` the resource.

use crate::identity::Identity::{self, *};
use crate::model::{LogRef, Outcome, StepKind};
use crate::scenario::{Account, Client, Installer, Logon, Os, Role, Run, Scenario, Sia, When};
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
    /// Whether `run_as` has local administrator rights.
    pub admin: bool,
}

impl<'a> Facts<'a> {
    pub fn new(s: &'a Scenario) -> Self {
        let as_user = s.run == Run::User || s.os == Os::Win9x;
        Facts {
            s,
            as_user,
            run_as: LoggedOnUser,
            admin: false,
        }
    }

    /// The facts once the run-as step has named the identity that runs the program.
    pub fn running_as(self, run_as: Identity) -> Self {
        let admin = match run_as {
            LocalSystem | ClientToken | SoftwareInstallationAccount => true,
            // Nobody logged on yet: assume the user who logs on is a standard user.
            LoggedOnUser => self.s.logon == Logon::Admin,
            ComputerAccount | ClientConnection | NetworkAccessAccount => false,
        };
        Facts {
            run_as,
            admin,
            ..self
        }
    }

    /// The client's own agent: the service that schedules and starts the program.
    pub fn agent(&self) -> Identity {
        match (self.s.client, self.s.os) {
            (_, Os::Win9x) => LoggedOnUser,
            // [Q307434] SMSAPM32 itself runs as the token account.
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
}

/// Who acts in a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// The client's agent (Local System; the token account on the Legacy Client; the user on
    /// Windows 98).
    Agent,
    /// The identity that runs the program.
    RunAs,
    /// This identity.
    Is(Identity),
    /// These identities, in order, until one can read the resource; an identity whose site
    /// account is not configured is skipped. None can read it: the step fails.
    Tries(&'static [Identity]),
}

/// The resource a step acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    Program,
    DistributionPoint,
    /// The share the step is about (one connect-share step per share).
    Share,
    LocalMachine,
    UserProfile,
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
    pub who: Who,
    pub on: On,
    /// The outcome; with `Who::Tries`, the outcome when an identity gets through.
    pub outcome: Outcome,
    pub action: &'static str,
    /// Why; with `Who::Tries`, why the identity that got through could.
    pub reason: &'static str,
    /// With `Who::Tries`: why none got through.
    pub denied: &'static str,
    pub sources: &'static [SourceId],
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

const BASE: Rule = Rule {
    id: "",
    step: StepKind::Schedule,
    when: "",
    applies: |_| true,
    who: Who::RunAs,
    on: On::Program,
    outcome: Outcome::Ok,
    action: "",
    reason: "",
    denied: "",
    sources: &[],
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
        when: "Windows 98 and \"Only when no user is logged on\"",
        applies: |f| f.s.os == Os::Win9x && f.s.when == When::NoUser,
        who: Who::Agent,
        outcome: Outcome::Waits,
        action: "waits for a time when no user is logged on, which never comes",
        reason: "Windows 98 runs programs only in a logged-on user's session: before logon nothing runs, and once a user is logged on, a program that may run only when nobody is never starts.",
        sources: &[Q264714],
        fix: "Let the program run whether or not a user is logged on (or only when a user is logged on): on Windows 98 it always runs as the logged-on user.",
        ..BASE
    },
    Rule {
        id: "schedule/win9x-before-logon",
        step: StepKind::Schedule,
        when: "Windows 98 and nobody is logged on",
        applies: |f| f.s.os == Os::Win9x && f.s.logon == Logon::None,
        who: Who::Agent,
        outcome: Outcome::Waits,
        action: "waits for a user to log on",
        reason: "Windows 98 runs nothing until a user logs on: its network is not up before logon, whatever \"Program can run\" says.",
        sources: &[Q264714],
        fix: "Wait for a user to log on; a Windows 98 client cannot run a program at the logon screen.",
        ..BASE
    },
    Rule {
        id: "schedule/needs-user",
        step: StepKind::Schedule,
        when: "\"Only when a user is logged on\" and nobody is logged on",
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
        when: "\"Only when no user is logged on\" and a user is logged on",
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
        when: "otherwise",
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
        when: "Windows 98 with \"use the Software Installation Account\"",
        applies: |f| f.s.os == Os::Win9x && f.s.sia == Sia::On,
        who: Who::Is(SoftwareInstallationAccount),
        outcome: Outcome::Fails,
        action: "tries to run the program",
        reason: "Windows 98 runs programs only in the user's context; the Software Installation Account cannot be used there, so the program fails with error 1317 \"The specified user does not exist\".",
        sources: &[Q264714],
        fix: "Clear \"use the Software Installation Account\" for programs advertised to Windows 98 clients.",
        ..BASE
    },
    Rule {
        id: "run-as/sia-not-configured",
        step: StepKind::RunAs,
        when: "Legacy Client, \"use the Software Installation Account\", and the site has none",
        applies: |f| f.legacy() && f.s.sia == Sia::On && f.s.siacct == Account::None,
        who: Who::Is(SoftwareInstallationAccount),
        outcome: Outcome::Fails,
        action: "tries to run the program",
        reason: "The program asks for the Software Installation Account, but the site has none configured: error 1317 \"The specified user does not exist\".",
        sources: &[Q264714],
        fix: "Configure the Legacy Client Software Installation Account in the site's settings, or clear \"use the Software Installation Account\".",
        ..BASE
    },
    Rule {
        id: "run-as/win9x-user",
        step: StepKind::RunAs,
        when: "Windows 98 (any run mode)",
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
        when: "Run with user's rights",
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
        when: "Advanced Client or ConfigMgr 2007 client, administrative rights",
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
        when: "Legacy Client on a domain controller, administrative rights, no Software Installation Account",
        applies: |f| f.legacy() && f.s.sia == Sia::Off && f.s.role == Role::DomainController,
        who: Who::Is(ClientToken),
        action: "runs the program",
        reason: "The Legacy Client runs the program as its token account, elevated to administrator for the install. A domain controller has no local SAM, so this is SMSCliToknAcct&, one domain account shared by every DC.",
        sources: &[S1],
        ..BASE
    },
    Rule {
        id: "run-as/token",
        step: StepKind::RunAs,
        when: "Legacy Client, administrative rights, no Software Installation Account",
        applies: |f| f.legacy() && f.s.sia == Sia::Off,
        who: Who::Is(ClientToken),
        action: "runs the program",
        reason: "The Legacy Client runs the program as its token account SMSCliToknLocalAcct&, a local account of this computer elevated to administrator for the install.",
        sources: &[S1],
        ..BASE
    },
    Rule {
        id: "run-as/sia",
        step: StepKind::RunAs,
        when: "Legacy Client, administrative rights, \"use the Software Installation Account\", configured",
        applies: |f| f.legacy() && f.s.sia == Sia::On,
        who: Who::Is(SoftwareInstallationAccount),
        action: "runs the program",
        reason: "SMSAPM32 switches to the Software Installation Account while the program runs, and adds it to the local Administrators group for the install.",
        sources: &[S1, Kb826871, Q307434],
        ..BASE
    },
    // ── 3. fetch-content: reading the package on the distribution point ─────────────────
    Rule {
        id: "fetch-content/advanced-user",
        step: StepKind::FetchContent,
        when: "Advanced Client or ConfigMgr 2007 client, the program runs as the user",
        applies: |f| !f.legacy() && f.as_user,
        who: Who::Tries(&[LoggedOnUser, NetworkAccessAccount]),
        on: On::DistributionPoint,
        action: "reads the package on {resource}",
        reason: "{who} can read the package share.",
        denied: "Neither the logged-on user nor a Network Access Account can read the package share: access denied.",
        sources: &[Kb826871, Cm07Naa],
        log: LogRef::Content,
        fix: "Grant Domain Users (or Authenticated Users) read on the package share, or configure a Network Access Account that can read it.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches the user: configure a Network Access Account and grant it read on the package share.",
        ..BASE
    },
    Rule {
        id: "fetch-content/advanced-admin",
        step: StepKind::FetchContent,
        when: "Advanced Client or ConfigMgr 2007 client, administrative rights",
        applies: |f| !f.legacy(),
        who: Who::Tries(&[ComputerAccount, NetworkAccessAccount]),
        on: On::DistributionPoint,
        action: "reads the package on {resource}",
        reason: "{who} can read the package share.",
        denied: "Neither the computer account nor a Network Access Account can read the package share: access denied. Workgroup, NT 4.0 domain and untrusted-forest clients need the Network Access Account.",
        sources: &[Cm07Naa, Kb925282, Kb826871],
        log: LogRef::Content,
        fix: "Grant Authenticated Users or Domain Computers read on the package share, or configure a Network Access Account that can read it (required for workgroup and untrusted clients).",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches DOMAIN\\COMPUTER$: configure a Network Access Account and grant it read on the package share.",
        ..BASE
    },
    Rule {
        id: "fetch-content/legacy-user",
        step: StepKind::FetchContent,
        when: "Legacy Client, the program runs as the user",
        applies: |f| f.legacy() && f.as_user,
        who: Who::Tries(&[LoggedOnUser]),
        on: On::DistributionPoint,
        action: "reads the package on {resource}",
        reason: "{who} can read the package share.",
        denied: "The logged-on user cannot read the package share: access denied.",
        sources: &[Kb826871],
        fix: "Grant Domain Users (or Authenticated Users) read on the package share.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on the package share reaches the user: join the computer to a trusted domain, or (on Windows 2000, XP or Server 2003; Windows 98 always runs as the user) run the program with administrative rights, so that the Client Connection Account reads the package.",
        ..BASE
    },
    Rule {
        id: "fetch-content/legacy-connection",
        step: StepKind::FetchContent,
        when: "Legacy Client, administrative rights, no Software Installation Account",
        applies: |f| f.legacy() && f.s.sia == Sia::Off,
        who: Who::Tries(&[ClientConnection]),
        on: On::DistributionPoint,
        action: "reads the package on {resource}",
        reason: "SMSAPM32 connects to the distribution point with its Client Connection Account, which can read the package share.",
        denied: "The Client Connection Account cannot read the package share: access denied.",
        sources: &[Q307434],
        fix: "Grant Authenticated Users (or the Client Connection Account) read on the package share.",
        ..BASE
    },
    Rule {
        id: "fetch-content/legacy-sia",
        step: StepKind::FetchContent,
        when: "Legacy Client, administrative rights, \"use the Software Installation Account\"",
        applies: |f| f.legacy(),
        who: Who::Tries(&[SoftwareInstallationAccount]),
        on: On::DistributionPoint,
        action: "reads the package on {resource}",
        reason: "The Software Installation Account can read the package share.",
        denied: "The Software Installation Account must itself be able to read the package share, and it cannot: access denied.",
        sources: &[Kb826871],
        fix: "Grant the Software Installation Account (or Authenticated Users) read on the package share.",
        ..BASE
    },
    // ── 4. connect-share: one step per non-SMS share ────────────────────────────────────
    Rule {
        id: "connect-share/user",
        step: StepKind::ConnectShare,
        when: "the program runs as the user",
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
        id: "connect-share/advanced-admin",
        step: StepKind::ConnectShare,
        when: "SMS 2003 Advanced Client, administrative rights",
        applies: |f| f.s.client == Client::Advanced,
        who: Who::Tries(&[NetworkAccessAccount]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "The Advanced Client reaches non-SMS shares as the Network Access Account, which can read this one; the install itself still runs as Local System.",
        denied: "The Advanced Client reaches non-SMS shares only as the Network Access Account: access denied in execmgr.log.",
        sources: &[S1],
        fix: "Grant the Network Access Account read on {resource} (configure one first if there is none), or copy the files into the package so that everything comes from the distribution point.",
        note: "Other sources say: ConfigMgr 2007 documentation says Local System reaches other shares as DOMAIN\\COMPUTER$ and never as the Network Access Account [CM07-NAA].",
        ..BASE
    },
    Rule {
        id: "connect-share/cm07-admin",
        step: StepKind::ConnectShare,
        when: "ConfigMgr 2007 client, administrative rights",
        applies: |f| f.s.client == Client::Cm07,
        who: Who::Tries(&[ComputerAccount]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "Local System reaches the share as the computer account DOMAIN\\COMPUTER$, which can read it; the Network Access Account is not used.",
        denied: "Local System reaches the share as the computer account DOMAIN\\COMPUTER$, which cannot read it (the Network Access Account is never used for this): access denied.",
        sources: &[Cm07Naa],
        fix: "Grant Domain Computers read on {resource}, or copy the files into the package.",
        fix_untrusted: "The computer's domain is not trusted, so no grant on {resource} reaches DOMAIN\\COMPUTER$: copy the files into the package (the Network Access Account can fetch it from the distribution point), or join the computer to a trusted domain.",
        ..BASE
    },
    Rule {
        id: "connect-share/legacy-sia",
        step: StepKind::ConnectShare,
        when: "Legacy Client, administrative rights, \"use the Software Installation Account\"",
        applies: |f| f.legacy() && f.s.sia == Sia::On,
        who: Who::Tries(&[SoftwareInstallationAccount]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "The Software Installation Account runs the program and reaches the share; it can read it.",
        denied: "The Software Installation Account runs the program and reaches the share, and it cannot read it: access denied.",
        sources: &[S1, Kb826871],
        fix: "Grant the Software Installation Account read on {resource}.",
        ..BASE
    },
    Rule {
        id: "connect-share/legacy-token-dc",
        step: StepKind::ConnectShare,
        when: "Legacy Client on a domain controller, administrative rights, no Software Installation Account",
        applies: |f| f.legacy() && f.s.role == Role::DomainController,
        who: Who::Tries(&[ClientToken]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "",
        denied: "The token account has local rights only and no domain rights: access denied in SMSAPM32.log.",
        sources: &[Q199041, Q241982],
        fix: "Configure the Software Installation Account, grant it read on {resource} and select \"use the Software Installation Account\", or copy the files into the package.",
        note: "Warning: on a domain controller SMSCliToknAcct& is one domain account shared by every DC; using it on the network can lock it out for every domain controller [Q241982].",
        ..BASE
    },
    Rule {
        id: "connect-share/legacy-token",
        step: StepKind::ConnectShare,
        when: "Legacy Client, administrative rights, no Software Installation Account",
        applies: |f| f.legacy(),
        who: Who::Tries(&[ClientToken]),
        on: On::Share,
        action: "connects to {resource}",
        reason: "",
        denied: "The token account has local rights only and no domain rights: access denied in SMSAPM32.log.",
        sources: &[Q199041],
        fix: "Configure the Software Installation Account, grant it read on {resource} and select \"use the Software Installation Account\", or copy the files into the package.",
        ..BASE
    },
    // ── 5. install: local writes by the identity that runs the program ──────────────────
    Rule {
        id: "install/win9x",
        step: StepKind::Install,
        when: "Windows 98",
        applies: |f| f.s.os == Os::Win9x,
        on: On::LocalMachine,
        action: "installs on {resource}",
        reason: "Windows 98 has no local security: any account may write the local machine.",
        sources: &[Q264714],
        ..BASE
    },
    Rule {
        id: "install/per-user-msi-elsewhere",
        step: StepKind::Install,
        when: "per-user MSI run by an account other than the logged-on user",
        applies: |f| f.s.installer == Installer::MsiUser && f.run_as != LoggedOnUser,
        on: On::UserProfile,
        outcome: Outcome::AtRisk,
        action: "installs into {who}'s own profile",
        reason: "A per-user MSI installs into the profile of the account that runs it, {who}, not the user's: the user sees no shortcuts, and the install may fail or the results may be unexpected.",
        sources: &[S1, MsiAllusers],
        fix: "Add ALLUSERS=2 to the MSI command line (ALLUSERS=1 is the unambiguous per-machine choice).",
        ..BASE
    },
    Rule {
        id: "install/per-user-msi",
        step: StepKind::Install,
        when: "per-user MSI run by the logged-on user",
        applies: |f| f.s.installer == Installer::MsiUser,
        on: On::UserProfile,
        action: "installs into the user's profile",
        reason: "A per-user MSI run as the logged-on user installs for that user, as it was built to.",
        sources: &[MsiAllusers],
        ..BASE
    },
    Rule {
        id: "install/admin",
        step: StepKind::Install,
        when: "the account that runs the program is a local administrator",
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
        when: "per-machine MSI or a setup that needs admin rights, run by a standard user",
        applies: |f| matches!(f.s.installer, Installer::MsiMachine | Installer::SetupAdmin),
        on: On::LocalMachine,
        outcome: Outcome::Fails,
        action: "tries to write HKLM and Program Files",
        reason: "A standard user may not write HKLM or Program Files: MSI error 1925, insufficient privileges to complete the installation for all users of the machine.",
        sources: &[MsiAllusers],
        fix: "Select \"Run with administrative rights\", or have the program run when an administrator is logged on.",
        ..BASE
    },
    Rule {
        id: "install/allusers2-standard-user",
        step: StepKind::Install,
        when: "MSI with ALLUSERS=2 run by a standard user",
        applies: |f| f.s.installer == Installer::MsiAllusers2,
        on: On::UserProfile,
        outcome: Outcome::AtRisk,
        action: "installs into the user's profile",
        reason: "With ALLUSERS=2 and no administrative rights, Windows Installer on Windows XP silently installs per-user instead of per-machine.",
        sources: &[MsiAllusers],
        fix: "Select \"Run with administrative rights\" so that ALLUSERS=2 installs per-machine.",
        ..BASE
    },
    Rule {
        id: "install/setup-standard-user",
        step: StepKind::Install,
        when: "a setup that needs no admin rights, run by a standard user",
        applies: |f| f.s.installer == Installer::SetupUser,
        on: On::UserProfile,
        action: "installs with the user's rights",
        reason: "The setup needs no administrative rights, so a standard user can run it.",
        sources: &[MsiAllusers],
        ..BASE
    },
];

/// The first rule for `step` whose condition holds.
pub fn rule_for(step: StepKind, facts: &Facts) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.step == step && (r.applies)(facts))
}
