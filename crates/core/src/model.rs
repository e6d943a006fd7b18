//! What a plan is made of: steps, outcomes, resources, logs. Plain data, serialisable to the
//! JSON the CLI prints (field names and values are the rule book's ids).

use serde::Serialize;

use crate::identity::Identity;
use crate::normalise::Change;
use crate::scenario::{Arch, Client, Scenario};
use crate::source::SourceId;
pub use crate::vocabulary::{Outcome, StepKind};

/// A resource an identity touches.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Resource {
    /// The advertised program itself.
    Program,
    DistributionPoint,
    /// A non-SMS share, by its UNC path as typed.
    Share(String),
    /// HKLM and Program Files.
    LocalMachine,
    /// The run-as identity's own profile and HKCU.
    UserProfile,
    /// The drive letter the user mapped.
    MappedDrive,
    /// Where the installer's dialogs appear.
    Desktop,
}

/// The kinds of resource, a share without its path: what a rule acts on (`rules::On`) and
/// what a box of the diagram stands for (`diagram::NodeKind::Resource`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResourceKind {
    Program,
    DistributionPoint,
    Share,
    LocalMachine,
    UserProfile,
    MappedDrive,
    Desktop,
}

impl ResourceKind {
    /// The rule book's id of the kind (`share` for every share).
    pub fn id(self) -> &'static str {
        match self {
            ResourceKind::Program => "program",
            ResourceKind::DistributionPoint => "distribution-point",
            ResourceKind::Share => "share",
            ResourceKind::LocalMachine => "local-machine",
            ResourceKind::UserProfile => "user-profile",
            ResourceKind::MappedDrive => "mapped-drive",
            ResourceKind::Desktop => "desktop",
        }
    }
}

impl Resource {
    /// The rule book's stable id: `program`, `distribution-point`, `share:<UNC>`, ...
    pub fn id(&self) -> String {
        match self {
            Resource::Share(unc) => format!("share:{unc}"),
            other => other.fixed_id().to_string(),
        }
    }

    fn fixed_id(&self) -> &'static str {
        self.kind().id()
    }

    /// What kind of resource it is, without the share's path.
    pub fn kind(&self) -> ResourceKind {
        match self {
            Resource::Program => ResourceKind::Program,
            Resource::DistributionPoint => ResourceKind::DistributionPoint,
            Resource::Share(_) => ResourceKind::Share,
            Resource::LocalMachine => ResourceKind::LocalMachine,
            Resource::UserProfile => ResourceKind::UserProfile,
            Resource::MappedDrive => ResourceKind::MappedDrive,
            Resource::Desktop => ResourceKind::Desktop,
        }
    }

    /// What a person reads.
    pub fn label(&self) -> String {
        match self {
            Resource::Program => "the program".into(),
            Resource::DistributionPoint => "the distribution point".into(),
            Resource::Share(unc) => unc.clone(),
            Resource::LocalMachine => "the local machine (HKLM, Program Files)".into(),
            Resource::UserProfile => "the account's profile (HKCU)".into(),
            Resource::MappedDrive => "the user's mapped drive letter".into(),
            Resource::Desktop => "the desktop".into(),
        }
    }
}

impl Serialize for Resource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.id())
    }
}

/// Where to read about a step: a log file and its folder. \[S1]\[KB867490]\[CM07-LOGS]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Log {
    pub file: &'static str,
    pub folder: &'static str,
}

impl Log {
    pub const ADVANCED_FOLDER: &'static str = "%windir%\\System32\\CCM\\Logs";
    /// The 32-bit client's log folder on 64-bit Windows. [CM07-LOGS]
    pub const ADVANCED_X64_FOLDER: &'static str = "%windir%\\SysWOW64\\CCM\\Logs";
    pub const LEGACY_FOLDER: &'static str = "%windir%\\MS\\SMS\\Logs";

    /// The full path, `%windir%\...\execmgr.log`.
    pub fn path(&self) -> String {
        format!("{}\\{}", self.folder, self.file)
    }
}

/// Which log a rule points at; the file depends on the client. \[KB867490]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogRef {
    /// The program's execution: execmgr.log, or SMSAPM32.log on the Legacy Client.
    Runs,
    /// Content location and download: CAS.log, or SMSAPM32.log on the Legacy Client.
    Content,
}

impl LogRef {
    pub fn resolve(self, client: Client, arch: Arch) -> Log {
        let folder = match arch {
            Arch::X86 => Log::ADVANCED_FOLDER,
            Arch::X64 => Log::ADVANCED_X64_FOLDER,
        };
        match (self, client) {
            (LogRef::Runs, Client::Legacy) | (LogRef::Content, Client::Legacy) => Log {
                file: "SMSAPM32.log",
                folder: Log::LEGACY_FOLDER,
            },
            (LogRef::Runs, _) => Log {
                file: "execmgr.log",
                folder,
            },
            (LogRef::Content, _) => Log {
                file: "CAS.log",
                folder,
            },
        }
    }
}

/// One identity's try at a step's resource, when the client falls back from one to another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub identity: Identity,
    pub outcome: Outcome,
    pub reason: String,
}

/// One evaluated step of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// 1-based position in the plan.
    pub n: usize,
    pub step: StepKind,
    /// The identity that acts: the one that finally succeeded, or the last one tried.
    pub identity: Identity,
    pub resource: Resource,
    pub action: String,
    pub outcome: Outcome,
    pub reason: String,
    pub sources: Vec<SourceId>,
    /// What the step's rule infers rather than reads in a source, and from what; `None` when
    /// its sources say it.
    pub inferred: Option<String>,
    pub log: Log,
    /// What to change; `None` when the step is ok.
    pub fix: Option<String>,
    /// Warnings, where sources disagree, and the other problems of the step (every rule that
    /// applies but does not decide it).
    pub notes: Vec<String>,
    /// Each identity tried in turn, when the rule has a fallback.
    pub attempts: Vec<Attempt>,
    /// False when an earlier step fails, so the run never gets here.
    pub reached: bool,
    /// The id of the rule (in `rules.rs`) that decided this step.
    pub rule: &'static str,
}

/// The planner's answer for a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The worst outcome of any step.
    pub verdict: Outcome,
    /// `n` of the first step that fails.
    pub first_failure: Option<usize>,
    /// What normalisation changed in the scenario it was given.
    pub normalised: Vec<Change>,
    pub steps: Vec<Step>,
    /// The scenario the plan is for, after normalisation.
    #[serde(skip)]
    pub scenario: Scenario,
}

impl Plan {
    /// The first failing step, if any.
    pub fn first_failure_step(&self) -> Option<&Step> {
        self.first_failure.and_then(|n| self.steps.get(n - 1))
    }

    /// The display name of an identity in this plan's scenario.
    pub fn identity_name(&self, identity: Identity) -> &'static str {
        identity.name_for(self.scenario.client == Client::Cm07, self.scenario.role)
    }
}
