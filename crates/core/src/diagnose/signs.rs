//! The signatures: how the rule book's failures and successes look in a log, and which step
//! each one speaks about. One `Sign` per shape; `recognise` reads one log entry and returns
//! at most one hit, trying the most specific shapes first.
//!
//! Where the wording of a shape is documented (a real log line in `sources.md` (c), a status
//! message or an error text) the sign names that source; where only the code is documented
//! (access denied on a path), the sign rests on the code's meaning.

use serde::Serialize;

use super::cite::{Cite, LogSource};
use super::codes::{decode_as, find_codes, Decoded, Family, Found};
use super::parse::{Format, LogLine};
use crate::identity::Identity;
use crate::model::{Outcome, StepKind};
use crate::source::SourceId;

/// A shape of evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sign {
    /// Access denied (5, 0x80070005, 2147942405) on a path.
    AccessDenied,
    /// The network path or share name was not found (53, 67, 0x80070035, 0x80070043).
    NetworkPathNotFound,
    /// The credentials were refused or the account is locked out (1326, 1909).
    LogonFailure,
    /// A file or folder on a share was not found (2, 3).
    NotFound,
    /// A path on a drive letter other than C: was not found.
    MappedDriveMissing,
    /// The Legacy Client could not reach its site's files (Q236052).
    SiteAccess,
    /// "Could not get APM run account data" (Q264714).
    RunAccountData,
    /// 1317, "The specified user does not exist" (Q264714, Q235205, Q307434).
    NoSuchUser,
    /// The client could not check the run account's rights (Q235205).
    AccountUnchecked,
    /// The client grants the run account local admin rights (Q242011).
    AdminRightsGranted,
    /// The client could not add the run account to local Administrators (Q242011).
    AdminRightsRefused,
    /// A Legacy trigger job waits for a reboot, logon or logoff (Q293487).
    TriggerJob,
    /// Status message 10050: the cache is smaller than the package (KB839513).
    CacheTooSmall,
    /// The client asked for the package content (CAS.log, execmgr.log).
    ContentRequested,
    /// The package content was downloaded (CAS.log).
    ContentDownloaded,
    /// 1925: not enough privileges to install for all users (MSI-ERRORS).
    NotEnoughPrivileges,
    /// 1618: another installation is in progress (MSI-EXIT).
    InstallerBusy,
    /// 1602: someone cancelled the installer (MSI-EXIT).
    UserCancelled,
    /// The program ran past its maximum run time.
    RanTooLong,
    /// The program or installer finished with success.
    ProgramSucceeded,
    /// The program or installer finished with an error code.
    ProgramFailed,
    /// The Legacy Client's own installation (KB886107): about no step of the program.
    ClientInstall,
}

/// How firmly a line supports what it is taken to say about a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// No line speaks about the step.
    None,
    /// The line fits the step but does not name its resource, or only shows the step was
    /// reached.
    Weak,
    /// The line names the step's resource or account, or a code only this step produces.
    Strong,
}

/// What one log entry says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub sign: Sign,
    /// The steps it may be about, most likely first; the plan picks among them.
    pub steps: &'static [StepKind],
    /// The UNC path it names (a share, or the package on a distribution point).
    pub path: Option<String>,
    /// A drive-letter path it names.
    pub drive: Option<String>,
    pub code: Option<Decoded>,
    pub identity: Option<Identity>,
    /// The account the line names (`DOM\SOFTDIST`), as written.
    pub account: Option<String>,
    pub supports: Outcome,
    pub confidence: Confidence,
    pub source: Option<Cite>,
}

/// What the shape of a log says about the client that wrote it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientHints {
    /// Written by the Legacy Client: the `$$<…>` tail, SMSAPM32/CCIM32, APM's phrases.
    pub legacy: bool,
    /// Written by the Advanced Client or ConfigMgr 2007: CMTrace, execmgr, CAS.
    pub advanced: bool,
    /// Names `SysWOW64\CCM`: the ConfigMgr 2007 client on 64-bit Windows [CM07-LOGS].
    pub wow64: bool,
}

const LEGACY_COMPONENTS: &[&str] = &["smsapm32", "ccim32", "odpsys32", "apm", "wnmanual"];
const ADVANCED_COMPONENTS: &[&str] = &[
    "execmgr",
    "cas",
    "contentaccess",
    "contenttransfermanager",
    "datatransferservice",
    "locationservices",
];

/// What an entry's shape says about the client.
pub fn client_hints(line: &LogLine, lower: &str) -> ClientHints {
    let component = line.component.map(str::to_ascii_lowercase);
    let component = component.as_deref().unwrap_or("");
    let legacy_words = ["account mgr :", "sched data :", "scheduler :"];
    ClientHints {
        legacy: line.format == Format::Legacy
            || LEGACY_COMPONENTS.contains(&component)
            || legacy_words.iter().any(|w| lower.contains(w)),
        advanced: matches!(line.format, Format::CmTrace | Format::Columns)
            || ADVANCED_COMPONENTS.contains(&component)
            || lower.contains("under context system")
            || lower.contains("ctm job"),
        wow64: lower.contains("syswow64\\ccm"),
    }
}

/// The one thing an entry says, if it says anything credflow knows. `lower` is its message in
/// ASCII lower case.
pub fn recognise(line: &LogLine, lower: &str) -> Option<Hit> {
    let m = lower;
    let codes = find_codes(line.message);
    let win32 = |n: u32| codes.iter().find(|f| f.code.is_win32(n)).map(|f| &f.code);
    let coded = |f: Family, n: u32| codes.iter().find(|c| c.code.is(f, n)).map(|c| &c.code);
    let system = m.contains("under context system");
    let hit = |sign, steps, supports, confidence, code: Option<&Decoded>| Hit {
        sign,
        steps,
        path: None,
        drive: None,
        code: code.cloned(),
        identity: None,
        account: None,
        supports,
        confidence,
        source: sign_source(sign),
    };
    use Confidence::{Strong, Weak};
    use Outcome::{AtRisk, Fails, Ok, Waits};
    const RUN_AS: &[StepKind] = &[StepKind::RunAs];
    const FETCH: &[StepKind] = &[StepKind::FetchContent];
    const INSTALL: &[StepKind] = &[StepKind::Install];

    // The run account of the Legacy Client (the Software Installation Account).
    let sia = Some(Identity::SoftwareInstallationAccount);
    if m.contains("could not get apm run account data") {
        return Some(Hit {
            identity: sia,
            ..hit(Sign::RunAccountData, RUN_AS, Fails, Strong, None)
        });
    }
    if win32(1317).is_some() || m.contains("specified user does not exist") {
        let code = win32(1317)
            .cloned()
            .unwrap_or_else(|| decode_as(Family::Win32, 1317));
        let mut h = hit(Sign::NoSuchUser, RUN_AS, Fails, Strong, Some(&code));
        h.identity = sia;
        if m.contains("preparing to run the program") {
            h.source = Some(Cite::Rule(SourceId::Q307434));
        }
        return Some(h);
    }
    if m.contains("netlocalgroupaddmembers") {
        return Some(Hit {
            identity: sia,
            account: account_named(line.message),
            ..hit(Sign::AdminRightsRefused, RUN_AS, Fails, Strong, win32(2226))
        });
    }
    if m.contains("netusergetlocalgroups") || m.contains("could not ascertain rights") {
        return Some(Hit {
            identity: sia,
            account: account_named(line.message),
            ..hit(Sign::AccountUnchecked, RUN_AS, AtRisk, Strong, win32(1722))
        });
    }
    if m.contains("granting local admin rights to user") {
        return Some(Hit {
            identity: sia,
            account: account_named(line.message),
            ..hit(Sign::AdminRightsGranted, RUN_AS, Ok, Strong, None)
        });
    }
    if m.contains("this is a trigger type job") {
        return Some(hit(
            Sign::TriggerJob,
            &[StepKind::Schedule],
            Waits,
            Strong,
            None,
        ));
    }
    if m.contains("cap path is not a unc") {
        return Some(hit(Sign::ClientInstall, &[], Fails, Strong, None));
    }
    if let Some(code) = coded(Family::StatusMessage, 10050) {
        return Some(hit(Sign::CacheTooSmall, FETCH, Fails, Strong, Some(code)));
    }
    if m.contains("cache size is smaller than") {
        let code = decode_as(Family::StatusMessage, 10050);
        return Some(hit(Sign::CacheTooSmall, FETCH, Fails, Strong, Some(&code)));
    }

    // The installer.
    let privileges = coded(Family::Installer, 1925)
        .or_else(|| coded(Family::EventId, 11925))
        .cloned();
    if privileges.is_some() || m.contains("sufficient privileges to complete this installation") {
        let code = privileges.unwrap_or_else(|| decode_as(Family::Installer, 1925));
        return Some(hit(
            Sign::NotEnoughPrivileges,
            INSTALL,
            Fails,
            Strong,
            Some(&code),
        ));
    }
    if let Some(code) = win32(1618) {
        return Some(hit(
            Sign::InstallerBusy,
            INSTALL,
            AtRisk,
            Strong,
            Some(code),
        ));
    }
    if let Some(code) = win32(1602) {
        // Someone answered a dialog: the installer shows them (the user-input step).
        let steps = &[StepKind::UserInput];
        return Some(hit(Sign::UserCancelled, steps, Fails, Strong, Some(code)));
    }
    if (m.contains("exceeded") && (m.contains("run time") || m.contains("runtime")))
        || m.contains("still running")
    {
        let steps = &[StepKind::UserInput];
        return Some(hit(Sign::RanTooLong, steps, Fails, Weak, None));
    }

    // Reaching a path: a share, the package, a drive letter, the local machine.
    if let Some(mut h) = reaching(line, m, &codes) {
        if system {
            h.identity = Some(Identity::LocalSystem);
        }
        return Some(h);
    }
    if m.contains("can't get accessible path") || m.contains("cannot get accessible path") {
        return Some(hit(Sign::SiteAccess, FETCH, Fails, Weak, None));
    }

    // The package content (CAS.log, execmgr.log).
    let local_system = system.then_some(Identity::LocalSystem);
    if m.contains("download completed for content") || m.contains("hash verification succeeded") {
        return Some(Hit {
            identity: local_system,
            ..hit(Sign::ContentDownloaded, FETCH, Ok, Strong, None)
        });
    }
    if m.contains("requesting content")
        || m.contains("submitted ctm job")
        || m.contains("dp location found")
        || system
    {
        let mut h = hit(Sign::ContentRequested, FETCH, Ok, Weak, None);
        h.identity = local_system;
        h.path = unc_paths(line.message).next().map(str::to_string);
        if m.contains("requesting content from cas") || m.contains("ctm job") {
            h.source = Some(Cite::Log(LogSource::MsBlogContent));
        }
        return Some(h);
    }

    // How the program or installer ended.
    if let Some(h) = ended(m, &codes) {
        return Some(h);
    }
    None
}

/// The signs of not reaching something: the Win32 codes and the phrases (in lower case) that
/// show each.
const REACHING: &[(Sign, &[u32], &[&str])] = &[
    (
        Sign::AccessDenied,
        &[5],
        &["access is denied", "access denied"],
    ),
    (
        Sign::NetworkPathNotFound,
        &[53, 67],
        &[
            "network path was not found",
            "network path cannot be found",
            "network name cannot be found",
            "network name was not found",
        ],
    ),
    (
        Sign::LogonFailure,
        &[1326, 1909],
        &[
            "logon failure",
            "unknown user name or bad password",
            "account is currently locked out",
        ],
    ),
    (
        Sign::NotFound,
        &[2, 3],
        &[
            "cannot find the path",
            "cannot find the file",
            "path not found",
        ],
    ),
];

/// Access denied, a path not found, a refused logon: on a UNC path (a share, or the package
/// on a DP), a drive letter, the local machine, or no path at all.
fn reaching(line: &LogLine, m: &str, codes: &[Found]) -> Option<Hit> {
    let first = |ns: &[u32]| {
        codes
            .iter()
            .find(|f| ns.iter().any(|n| f.code.is_win32(*n)))
            .map(|f| f.code.clone())
    };
    // In this order, each sign by its codes, then by its phrases.
    let (sign, code) = REACHING.iter().find_map(|&(sign, ns, phrases)| {
        if let Some(c) = first(ns) {
            Some((sign, Some(c)))
        } else if phrases.iter().any(|p| m.contains(p)) {
            Some((sign, None))
        } else {
            None
        }
    })?;
    let base = Hit {
        sign,
        steps: &[],
        path: None,
        drive: None,
        code,
        identity: None,
        account: None,
        supports: Outcome::Fails,
        confidence: Confidence::Strong,
        source: sign_source(sign),
    };
    if let Some(unc) = unc_paths(line.message).next() {
        let steps: &'static [StepKind] = if is_package_path(unc) {
            &[StepKind::FetchContent]
        } else {
            &[StepKind::ConnectShare]
        };
        return Some(Hit {
            steps,
            path: Some(unc.to_string()),
            ..base
        });
    }
    if let Some(drive) = drive_path(line.message) {
        if matches!(sign, Sign::NotFound | Sign::AccessDenied) {
            let confidence = if sign == Sign::NotFound {
                Confidence::Strong
            } else {
                Confidence::Weak
            };
            return Some(Hit {
                sign: Sign::MappedDriveMissing,
                steps: &[StepKind::UseMappedDrive],
                drive: Some(drive.to_string()),
                confidence,
                source: None,
                ..base
            });
        }
    }
    if sign == Sign::AccessDenied && is_local(m) {
        return Some(Hit {
            steps: &[StepKind::Install],
            ..base
        });
    }
    let site = ["site", "accessible path", "accessiblepath", "cap "]
        .iter()
        .any(|w| m.contains(w));
    let content = ["content", "package", "download", "distribution point"]
        .iter()
        .any(|w| m.contains(w));
    let weak = Confidence::Weak;
    match sign {
        Sign::NotFound => None,
        _ if content && !site => Some(Hit {
            steps: &[StepKind::FetchContent],
            confidence: weak,
            ..base
        }),
        _ if site => Some(Hit {
            sign: Sign::SiteAccess,
            steps: &[StepKind::FetchContent],
            confidence: weak,
            source: sign_source(Sign::SiteAccess),
            ..base
        }),
        Sign::AccessDenied => Some(Hit {
            steps: &[
                StepKind::ConnectShare,
                StepKind::FetchContent,
                StepKind::Install,
            ],
            confidence: weak,
            ..base
        }),
        _ => Some(Hit {
            steps: &[StepKind::ConnectShare, StepKind::FetchContent],
            confidence: weak,
            ..base
        }),
    }
}

/// How the program or installer ended: execmgr's "Execution is complete … exit code is N",
/// "Raised Program Success Event", Windows Installer's "Installation completed successfully"
/// and "Installation success or error status: N", or an installer failure code.
fn ended(m: &str, codes: &[Found]) -> Option<Hit> {
    const INSTALL: &[StepKind] = &[StepKind::Install];
    let success = |c: &Decoded| matches!(c.win32, Some(0 | 1641 | 3010));
    let result = |sign, supports, confidence, code: Option<Decoded>, source| Hit {
        sign,
        steps: INSTALL,
        path: None,
        drive: None,
        code,
        identity: None,
        account: None,
        supports,
        confidence,
        source,
    };
    let logsloth = Some(Cite::Log(LogSource::CommLogSloth));
    let msi_exit = Some(Cite::Rule(SourceId::MsiExit));
    let exit = codes.first().map(|f| f.code.clone());
    if m.contains("exit code") || m.contains("error status") {
        let source = if m.contains("execution is complete") {
            logsloth
        } else {
            msi_exit
        };
        return match exit {
            Some(c) if success(&c) => Some(result(
                Sign::ProgramSucceeded,
                Outcome::Ok,
                Confidence::Strong,
                Some(c),
                source,
            )),
            Some(c) => Some(result(
                Sign::ProgramFailed,
                Outcome::Fails,
                Confidence::Strong,
                Some(c),
                source,
            )),
            None => None,
        };
    }
    if m.contains("raised program success event") {
        let sign = Sign::ProgramSucceeded;
        return Some(result(
            sign,
            Outcome::Ok,
            Confidence::Strong,
            None,
            logsloth,
        ));
    }
    if m.contains("installation completed successfully") {
        let sign = Sign::ProgramSucceeded;
        return Some(result(sign, Outcome::Ok, Confidence::Strong, None, None));
    }
    let failure = codes
        .iter()
        .find(|f| matches!(f.code.win32, Some(1603 | 1612 | 1619)))
        .map(|f| f.code.clone());
    failure.map(|c| {
        result(
            Sign::ProgramFailed,
            Outcome::Fails,
            Confidence::Strong,
            Some(c),
            msi_exit,
        )
    })
}

/// Where a sign's wording or meaning is documented.
fn sign_source(sign: Sign) -> Option<Cite> {
    use SourceId::*;
    let rule = |id| Some(Cite::Rule(id));
    let log = |s| Some(Cite::Log(s));
    match sign {
        Sign::AccessDenied => rule(Q236052),
        Sign::NetworkPathNotFound => log(LogSource::Tnwiki0035),
        Sign::LogonFailure | Sign::NotFound => None,
        Sign::MappedDriveMissing => rule(WinRedirDrives),
        Sign::SiteAccess => rule(Q236052),
        Sign::RunAccountData => rule(Q264714),
        Sign::NoSuchUser => rule(Q264714),
        Sign::AccountUnchecked => rule(Q235205),
        Sign::AdminRightsGranted | Sign::AdminRightsRefused => rule(Q242011),
        Sign::TriggerJob => rule(Q293487),
        Sign::CacheTooSmall => rule(Kb839513),
        Sign::ContentRequested | Sign::ContentDownloaded => log(LogSource::CommCasLog),
        Sign::NotEnoughPrivileges => rule(MsiErrors),
        Sign::InstallerBusy | Sign::UserCancelled => rule(MsiExit),
        Sign::RanTooLong => rule(Cm07Req),
        Sign::ProgramSucceeded | Sign::ProgramFailed => rule(MsiExit),
        Sign::ClientInstall => log(LogSource::Kb886107),
    }
}

/// Every UNC path in a text: `\\server\share…`, up to a space, a quote or a bracket, without
/// trailing punctuation.
pub fn unc_paths(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(k) = text[from..].find("\\\\") {
            let start = from + k;
            let rest = &text[start + 2..];
            let len = rest
                .find(|c: char| c.is_whitespace() || "'\"<>|,;()[]{}*?".contains(c))
                .unwrap_or(rest.len());
            let path = rest[..len].trim_end_matches(['.', ':']);
            from = start + 2 + len.max(1).min(rest.len());
            let mut parts = path.split('\\');
            let server = parts.next().unwrap_or("");
            let share = parts.next().unwrap_or("");
            let named = server.starts_with(|c: char| c.is_alphanumeric());
            if named && !share.is_empty() {
                return Some(&text[start..start + 2 + path.len()]);
            }
        }
        None
    })
}

/// `\\server\share` of a UNC path.
pub fn share_root(unc: &str) -> &str {
    let rest = unc.strip_prefix("\\\\").unwrap_or(unc);
    let mut seps = rest.match_indices('\\').map(|(i, _)| i);
    let _server_end = seps.next();
    match seps.next() {
        Some(i) => &unc[..i + 2],
        None => unc.trim_end_matches('\\'),
    }
}

/// Whether a UNC path is the package on a distribution point: an `SMSPKG…` share or folder,
/// `SMS_DP…`, or a hidden share whose name says DP (`Z20_DP_SHARE$`).
pub fn is_package_path(unc: &str) -> bool {
    unc.trim_start_matches('\\')
        .split('\\')
        .skip(1)
        .map(str::to_ascii_lowercase)
        .any(|p| {
            p.starts_with("smspkg")
                || p.starts_with("sms_dp")
                || (p.ends_with('$') && p.contains("dp"))
        })
}

/// The first `X:\…` path with X other than C (the system drive), up to a space or a quote.
fn drive_path(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(2)).find_map(|i| {
        let letter = b[i];
        let starts = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'\\');
        if starts
            && letter.is_ascii_alphabetic()
            && !letter.eq_ignore_ascii_case(&b'c')
            && b[i + 1] == b':'
            && b[i + 2] == b'\\'
        {
            let rest = &text[i..];
            let len = rest
                .find(|c: char| c.is_whitespace() || "'\"<>|,;()".contains(c))
                .unwrap_or(rest.len());
            Some(rest[..len].trim_end_matches(['.', ':']))
        } else {
            None
        }
    })
}

/// Whether a message is about the local machine: C:\, Program Files, System32, HKLM.
fn is_local(m: &str) -> bool {
    [
        "c:\\",
        "program files",
        "system32",
        "hklm",
        "hkey_local_machine",
    ]
    .iter()
    .any(|w| m.contains(w))
}

/// The account a message names: `user 'DOM\X'`, `user DOM\X`.
fn account_named(message: &str) -> Option<String> {
    let lower = message.to_ascii_lowercase();
    let at = lower.find("user ")? + "user ".len();
    let rest = message[at..].trim_start_matches(['\'', '"']);
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '\'' || c == '"')
        .unwrap_or(rest.len());
    let name = rest[..end].trim_end_matches(['.', ',']);
    (!name.is_empty()).then(|| name.to_string())
}
