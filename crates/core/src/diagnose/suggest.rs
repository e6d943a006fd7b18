//! Where the log and the scenario disagree, the change that makes the scenario match the log:
//! a share the log names that the scenario lacks, the client that wrote the log, the run mode
//! the log shows, the Software Installation Account, a mapped drive, an installer that waits.
//! Each is a list of `Change`s the page applies in one click; a suggestion that would change
//! nothing once normalised is not made.

use serde::Serialize;

use super::signs::{ClientHints, Sign};
use super::{capital, line_list, show, Evidence, LogClient};
use crate::identity::Identity;
use crate::model::{Plan, StepKind};
use crate::normalise::normalise;
use crate::principal::{Principal, Readers};
use crate::scenario::{
    check_unc, listed_share, unc_key, Boundary, Client, Installer, Logon, Mode, Os, Role, Run,
    Scenario, Share, Sia, When, MAX_SHARES,
};

/// At most this many shares are suggested.
const MAX_ADD_SHARES: usize = 20;

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// Add a non-SMS share with these readers.
    AddShare { unc: String, readers: Readers },
    /// Set a single-valued input, by the rule book's key and value (`client` = `legacy`).
    Set {
        key: &'static str,
        value: &'static str,
    },
}

/// A change the log suggests, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// What the button says: "Switch to the SMS 2003 Legacy Client".
    pub title: String,
    /// Why, naming the lines.
    pub why: String,
    pub changes: Vec<Change>,
    /// The lines that suggest it.
    pub lines: Vec<usize>,
}

impl Suggestion {
    /// The scenario with the changes made. A change the scenario cannot take (an unknown
    /// value, a share past the limit, one it already has) is left out.
    pub fn apply(&self, scenario: &Scenario) -> Scenario {
        let mut s = scenario.clone();
        for change in &self.changes {
            match change {
                Change::Set { key, value } => {
                    let _ = s.set(key, value);
                }
                Change::AddShare { unc, readers } => {
                    let known = listed_share(&s.shares, unc).is_some();
                    if !known && s.shares.len() < MAX_SHARES && check_unc(unc).is_ok() {
                        s.shares.push(Share::new(unc.clone(), *readers));
                    }
                }
            }
        }
        s
    }
}

/// What the log's lines say about the client, with the lines.
#[derive(Clone, Debug, Default)]
pub struct Hints {
    legacy: Vec<usize>,
    advanced: Vec<usize>,
    wow64: Vec<usize>,
}

impl Hints {
    pub fn add(&mut self, line: usize, h: ClientHints) {
        let keep = |v: &mut Vec<usize>| {
            if v.len() < super::MAX_LINES {
                v.push(line)
            }
        };
        if h.legacy {
            keep(&mut self.legacy);
        }
        if h.advanced {
            keep(&mut self.advanced);
        }
        if h.wow64 {
            keep(&mut self.wow64);
        }
    }

    pub fn client(&self) -> LogClient {
        match (self.legacy.is_empty(), self.advanced.is_empty()) {
            (false, false) => LogClient::Mixed,
            (false, true) => LogClient::Legacy,
            (true, false) if !self.wow64.is_empty() => LogClient::Cm07X64,
            (true, false) => LogClient::AdvancedOrCm07,
            (true, true) => LogClient::Unknown,
        }
    }
}

fn set(key: &'static str, value: &'static str) -> Change {
    Change::Set { key, value }
}

/// Every suggestion, the client first.
pub fn suggestions(plan: &Plan, evidence: &[Evidence], hints: &Hints) -> Vec<Suggestion> {
    let s = &plan.scenario;
    let mut out = Vec::new();
    let lines_of = |pred: &dyn Fn(&Evidence) -> bool| -> Vec<usize> {
        let mut v: Vec<usize> = evidence
            .iter()
            .filter(|e| pred(e))
            .flat_map(|e| e.lines.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let client = hints.client();
    // The run-account lines are the Legacy Client's; a log that is clearly another client's
    // suggests nothing about the Software Installation Account.
    let not_advanced = !matches!(client, LogClient::AdvancedOrCm07 | LogClient::Cm07X64);

    // The client that wrote the log.
    match client {
        LogClient::Legacy if s.client != Client::Legacy => out.push(Suggestion {
            title: "Switch to the SMS 2003 Legacy Client".into(),
            why: format!(
                "{} {} written by the Legacy Client (SMSAPM32.log, CCIM32, the `$$<…>` format); \
             the scenario has the {}.",
                capital(&line_list(&hints.legacy)),
                are(hints.legacy.len()),
                s.client.label()
            ),
            changes: vec![set("client", "legacy")],
            lines: hints.legacy.clone(),
        }),
        LogClient::Cm07X64 if !(s.client == Client::Cm07 && s.arch == crate::Arch::X64) => out
            .push(Suggestion {
                title: "Switch to the ConfigMgr 2007 client on 64-bit Windows".into(),
                why: format!(
                    "{} name{} SysWOW64\\CCM, where the 32-bit ConfigMgr 2007 client keeps its \
                 logs on 64-bit Windows [CM07-LOGS].",
                    capital(&line_list(&hints.wow64)),
                    if hints.wow64.len() == 1 { "s" } else { "" }
                ),
                changes: vec![set("client", "cm07"), set("arch", "x64")],
                lines: hints.wow64.clone(),
            }),
        LogClient::AdvancedOrCm07 if s.client == Client::Legacy => out.push(Suggestion {
            title: "Switch to the SMS 2003 Advanced Client".into(),
            why: format!(
                "{} {} written by the Advanced Client (CMTrace format, execmgr.log, CAS.log); the \
                 scenario is the Legacy Client. The ConfigMgr 2007 client writes the same logs: if \
                 this computer runs it, choose that client instead.",
                capital(&line_list(&hints.advanced)),
                are(hints.advanced.len())
            ),
            changes: vec![set("client", "advanced")],
            lines: hints.advanced.clone(),
        }),
        _ => {}
    }

    // "under context System": the program's content is fetched as Local System.
    let system = lines_of(&|e| e.identity == Some(Identity::LocalSystem));
    if !system.is_empty() && s.run == Run::User && s.os != Os::Win9x {
        out.push(shown(
            "Run with administrative rights",
            system,
            "the client working under context System (Local System), as it does for a \
             program that runs with administrative rights; the scenario runs it with the \
             user's rights.",
            vec![set("run", "admin")],
        ));
    }

    // The Software Installation Account.
    let run_account = |e: &Evidence| {
        matches!(
            e.sign,
            Sign::RunAccountData
                | Sign::NoSuchUser
                | Sign::AccountUnchecked
                | Sign::AdminRightsGranted
                | Sign::AdminRightsRefused
        )
    };
    let sia_lines = lines_of(&run_account);
    if !sia_lines.is_empty() && not_advanced && s.sia == Sia::Off {
        let mut changes = Vec::new();
        if s.client != Client::Legacy {
            changes.push(set("client", "legacy"));
        }
        if s.run != Run::Admin {
            changes.push(set("run", "admin"));
        }
        if s.when == When::User {
            changes.push(set("when", "any"));
        }
        changes.push(set("sia", "1"));
        out.push(shown(
            "Use the Software Installation Account",
            sia_lines,
            "the Legacy Client handling a run account for the program (granting it \
             admin rights, or failing to find it); it does so only for a program set to use \
             the Software Installation Account.",
            changes,
        ));
    }
    let missing = lines_of(&|e| matches!(e.sign, Sign::RunAccountData | Sign::NoSuchUser));
    if !missing.is_empty()
        && s.client == Client::Legacy
        && s.sia == Sia::On
        && s.siacct == crate::Account::Set
        && s.os != Os::Win9x
    {
        out.push(shown(
            "Mark the Software Installation Account as not usable",
            missing,
            "the client could not find or use the run account (1317); the nearest the \
             scenario can say is that no Software Installation Account is configured.",
            vec![set("siacct", "none")],
        ));
    }
    let refused = lines_of(&|e| e.sign == Sign::AdminRightsRefused);
    if !refused.is_empty() && s.role != Role::DomainController {
        out.push(shown(
            "Make the computer a domain controller",
            refused,
            "2226, an operation allowed only on the primary domain controller, where \
             the client adds the run account to the Administrators group; Q242011 describes \
             this failure on backup domain controllers (inferred: the computer is one).",
            vec![set("role", "domain-controller")],
        ));
    }

    // Shares the log names that the scenario lacks.
    let mut added: Vec<String> = Vec::new();
    for e in evidence {
        let (Some(unc), StepKind::ConnectShare, None) = (&e.share, e.step, e.n) else {
            continue;
        };
        let key = unc_key(unc);
        if added.contains(&key) || added.len() == MAX_ADD_SHARES || check_unc(unc).is_err() {
            continue;
        }
        added.push(key);
        let denied = e.supports == crate::Outcome::Fails;
        let (readers, who) = if denied {
            (
                Readers::NONE,
                "no readers, as the log shows access failing: say who may read it",
            )
        } else {
            (
                Readers::of(&[Principal::Users]),
                "Authenticated Users as readers: adjust them to the share's real permissions",
            )
        };
        out.push(Suggestion {
            title: format!("Add the share {unc}"),
            why: format!(
                "{} name{} {unc}, which the scenario does not list; it is added with {who}.",
                capital(&line_list(&e.lines)),
                if e.lines.len() == 1 { "s" } else { "" }
            ),
            changes: vec![Change::AddShare {
                unc: unc.clone(),
                readers,
            }],
            lines: e.lines.clone(),
        });
    }

    // Steps the log shows and the scenario does not have.
    let unplaced = [
        (
            StepKind::FetchContent,
            "Take the program's files from the package on a distribution point",
            "the client reading package content; the scenario runs the program from a non-SMS \
             share.",
            set("source", "dp"),
        ),
        (
            StepKind::UseMappedDrive,
            "The program uses a drive letter the user maps",
            "a drive-letter path failing; the scenario says the program uses no mapped drive.",
            set("mapped", "1"),
        ),
        (
            StepKind::UserInput,
            "The installer shows dialogs and waits",
            "the program cancelled or running past its time, as an installer waiting for an \
             answer does; the scenario says it runs quietly.",
            set("ui", "prompts"),
        ),
    ];
    for (kind, title, what, change) in unplaced {
        let lines = lines_of(&|e| e.step == kind && e.n.is_none());
        if !lines.is_empty() {
            out.push(shown(title, lines, what, vec![change]));
        }
    }

    // 1925 where the plan's install gets through: the install ran without admin rights.
    let privileges = lines_of(&|e| e.sign == Sign::NotEnoughPrivileges);
    let install_ok = plan
        .steps
        .iter()
        .any(|st| st.step == StepKind::Install && st.outcome != crate::Outcome::Fails);
    if !privileges.is_empty() && install_ok {
        let mut changes = Vec::new();
        if s.run == Run::Admin {
            changes.push(set("run", "user"));
        }
        if s.logon != Logon::User {
            changes.push(set("logon", "user"));
        }
        if !matches!(s.installer, Installer::MsiMachine | Installer::MsiAllusers2) {
            changes.push(set("installer", "msi-machine"));
        }
        out.push(shown(
            "Install as a standard user",
            privileges,
            "Windows Installer's 1925: a per-machine install run by an account without \
             administrative rights; the scenario installs with them.",
            changes,
        ));
    }

    // The client downloads into its cache: the advertisement's download mode. [KB839513]
    let downloaded = lines_of(&|e| e.sign == Sign::ContentDownloaded);
    if !downloaded.is_empty() && s.client != Client::Legacy && s.effective_mode() == Mode::RunDp {
        let key = if s.boundary == Boundary::Slow {
            "slow"
        } else {
            "deploy"
        };
        out.push(shown(
            "Download content and run locally",
            downloaded,
            "the client downloading the package into its cache, which it does when the \
             advertisement downloads content [KB839513]; the scenario runs the program from \
             the distribution point.",
            vec![set(key, "download")],
        ));
    }

    // Only what changes the scenario once normalised.
    let now = normalise(s.clone()).0;
    out.retain(|sg| normalise(sg.apply(s)).0 != now);
    out
}

/// A suggestion whose reason starts with the lines that show it: "Lines 3 and 7 show `what`".
fn shown(title: &str, lines: Vec<usize>, what: &str, changes: Vec<Change>) -> Suggestion {
    Suggestion {
        title: title.into(),
        why: format!(
            "{} {} {what}",
            capital(&line_list(&lines)),
            show(lines.len())
        ),
        changes,
        lines,
    }
}

fn are(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}
