//! Turning an invalid combination of inputs into a valid one, saying what changed.

use serde::Serialize;

use crate::scenario::{Client, Os, Role, Run, Scenario, Sia, Source, When};
use crate::source::SourceId;

/// One input that normalisation changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The input's key (`when`, `sia`, ...).
    pub key: &'static str,
    /// The value it had.
    pub from: &'static str,
    /// The value it has now.
    pub to: &'static str,
    /// Why, in one sentence.
    pub reason: &'static str,
    pub source: SourceId,
}

/// Makes `s` a valid combination and lists every change, in the order applied. A valid scenario
/// comes back unchanged with no changes, so `normalise` is idempotent. It never panics.
///
/// The rules, in order:
/// 1. `os=win9x` needs `client=legacy`; otherwise `os=nt`. [CM07-ENV]
/// 2. A Windows 98 computer is a workstation; any other role becomes `workstation`. \[Q264714]
/// 3. `run=user` needs a logged-on user, so `when` becomes `user`. [CM07-ENV]
/// 4. `sia=1` needs `client=legacy`, `run=admin` and `when` in {`any`, `nouser`}; otherwise
///    `sia=0`. [CM07-ENV]
/// 5. `source=unc` needs at least one share; otherwise `source=dp`. [CM07-ENV]
pub fn normalise(mut s: Scenario) -> (Scenario, Vec<Change>) {
    let mut changes = Vec::new();
    let mut change = |key, from: &'static str, to: &'static str, reason, source| {
        changes.push(Change {
            key,
            from,
            to,
            reason,
            source,
        })
    };

    if s.os == Os::Win9x && s.client != Client::Legacy {
        change(
            Os::KEY,
            s.os.key(),
            Os::Nt.key(),
            "Windows 98 is supported by the Legacy Client only.",
            SourceId::Cm07Env,
        );
        s.os = Os::Nt;
    }
    if s.os == Os::Win9x && s.role != Role::Workstation {
        change(
            Role::KEY,
            s.role.key(),
            Role::Workstation.key(),
            "A Windows 98 computer can only be a workstation.",
            SourceId::Q264714,
        );
        s.role = Role::Workstation;
    }
    if s.run == Run::User && s.when != When::User {
        change(
            When::KEY,
            s.when.key(),
            When::User.key(),
            "A program that runs with the user's rights needs a logged-on user.",
            SourceId::Cm07Env,
        );
        s.when = When::User;
    }
    if s.sia == Sia::On
        && (s.client != Client::Legacy || s.run != Run::Admin || s.when == When::User)
    {
        change(
            Sia::KEY,
            s.sia.key(),
            Sia::Off.key(),
            "The Software Installation Account applies only to the Legacy Client, with administrative rights, when the program may run without a logged-on user.",
            SourceId::Cm07Env,
        );
        s.sia = Sia::Off;
    }
    if s.source == Source::Unc && s.shares.is_empty() {
        change(
            Source::KEY,
            s.source.key(),
            Source::Dp.key(),
            "A program run from a UNC path needs its share listed; without one it comes from the distribution point.",
            SourceId::Cm07Env,
        );
        s.source = Source::Dp;
    }
    (s, changes)
}
