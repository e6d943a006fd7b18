//! Turning an invalid combination of inputs into a valid one, saying what changed.

use serde::Serialize;

use crate::choice::Choice;
use crate::scenario::{
    Arch, Boundary, Client, Deploy, Drive, Interact, Letter, Mode, Os, Role, Run, Scenario, Sia,
    SlowMode, Source, When,
};
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
/// 6. `os=vista` and `arch=x64` need `client=cm07` (no source is cited for SMS 2003 on them);
///    otherwise `nt` and `x86`. [CM07-LOGS]
/// 7. `interact=1` needs `run=admin`, `when` in {`any`, `user`} [CM07-ENV] and not Windows 98
///    (inferred); otherwise `0`.
/// 8. `deploy`, `boundary` and `slow` apply to the Advanced and CM07 clients only: on the
///    Legacy Client they go back to their defaults without being reported, since the Legacy
///    Client always runs from the distribution point (inferred: it has no download mode).
/// 9. A drive mode other than `unc` needs the program to run from the distribution point
///    (effective mode run-from-DP, `source=dp`); otherwise `unc`. [CB-PKGPROG]
/// 10. `letter=taken` needs `drive=fixed`; otherwise `free`.
pub fn normalise(mut s: Scenario) -> (Scenario, Vec<Change>) {
    let mut changes = Vec::new();
    if s.os == Os::Win9x && s.client != Client::Legacy {
        changes.push(set(
            &mut s.os,
            Os::Nt,
            "Windows 98 is supported by the Legacy Client only.",
            SourceId::Cm07Env,
        ));
    }
    if s.os == Os::Win9x && s.role != Role::Workstation {
        changes.push(set(
            &mut s.role,
            Role::Workstation,
            "A Windows 98 computer can only be a workstation.",
            SourceId::Q264714,
        ));
    }
    if s.run == Run::User && s.when != When::User {
        changes.push(set(
            &mut s.when,
            When::User,
            "A program that runs with the user's rights needs a logged-on user.",
            SourceId::Cm07Env,
        ));
    }
    if s.sia == Sia::On
        && (s.client != Client::Legacy || s.run != Run::Admin || s.when == When::User)
    {
        changes.push(set(&mut s.sia, Sia::Off, "The Software Installation Account applies only to the Legacy Client, with administrative rights, when the program may run without a logged-on user.", SourceId::Cm07Env));
    }
    if s.source == Source::Unc && s.shares.is_empty() {
        changes.push(set(&mut s.source, Source::Dp, "A program run from a UNC path needs its share listed; without one it comes from the distribution point.", SourceId::Cm07Env));
    }
    if s.os == Os::Vista && s.client != Client::Cm07 {
        changes.push(set(
            &mut s.os,
            Os::Nt,
            "Windows Vista is modelled for the ConfigMgr 2007 client only.",
            SourceId::Cm07Env,
        ));
    }
    if s.arch == Arch::X64 && s.client != Client::Cm07 {
        changes.push(set(
            &mut s.arch,
            Arch::X86,
            "64-bit Windows is modelled for the ConfigMgr 2007 client only.",
            SourceId::Cm07Logs,
        ));
    }
    if s.interact == Interact::On
        && (s.run != Run::Admin || s.when == When::NoUser || s.os == Os::Win9x)
    {
        changes.push(set(&mut s.interact, Interact::Off, "\"Allow users to interact\" applies only with administrative rights, when a user may be logged on, and not on Windows 98.", SourceId::Cm07Env));
    }
    if s.client == Client::Legacy {
        // Not reported: the Legacy Client has no such options, so nothing the user chose
        // is lost.
        s.deploy = Deploy::default();
        s.boundary = Boundary::default();
        s.slow = SlowMode::default();
    }
    if s.drive != Drive::Unc && (s.effective_mode() != Mode::RunDp || s.source != Source::Dp) {
        changes.push(set(
            &mut s.drive,
            Drive::Unc,
            "Drive modes apply only when the program runs from the distribution point.",
            SourceId::CbPkgProg,
        ));
    }
    if s.letter == Letter::Taken && s.drive != Drive::Fixed {
        changes.push(set(&mut s.letter, Letter::Free, "Whether the letter is taken matters only when the program requires a specific drive letter.", SourceId::CbPkgProg));
    }
    (s, changes)
}

/// Sets `field` to `to`, saying what changed, why, and the source.
fn set<T: Choice>(field: &mut T, to: T, reason: &'static str, source: SourceId) -> Change {
    let change = Change {
        key: T::KEY,
        from: field.key(),
        to: to.key(),
        reason,
        source,
    };
    *field = to;
    change
}
