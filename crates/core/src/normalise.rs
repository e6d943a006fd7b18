//! Turning an invalid combination of inputs into a valid one, saying what changed.

use serde::Serialize;

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
    if s.os == Os::Vista && s.client != Client::Cm07 {
        change(
            Os::KEY,
            s.os.key(),
            Os::Nt.key(),
            "Windows Vista is modelled for the ConfigMgr 2007 client only.",
            SourceId::Cm07Env,
        );
        s.os = Os::Nt;
    }
    if s.arch == Arch::X64 && s.client != Client::Cm07 {
        change(
            Arch::KEY,
            s.arch.key(),
            Arch::X86.key(),
            "64-bit Windows is modelled for the ConfigMgr 2007 client only.",
            SourceId::Cm07Logs,
        );
        s.arch = Arch::X86;
    }
    if s.interact == Interact::On
        && (s.run != Run::Admin || s.when == When::NoUser || s.os == Os::Win9x)
    {
        change(
            Interact::KEY,
            s.interact.key(),
            Interact::Off.key(),
            "\"Allow users to interact\" applies only with administrative rights, when a user may be logged on, and not on Windows 98.",
            SourceId::Cm07Env,
        );
        s.interact = Interact::Off;
    }
    if s.client == Client::Legacy {
        // Not reported: the Legacy Client has no such options, so nothing the user chose
        // is lost.
        s.deploy = Deploy::default();
        s.boundary = Boundary::default();
        s.slow = SlowMode::default();
    }
    if s.drive != Drive::Unc && (s.effective_mode() != Mode::RunDp || s.source != Source::Dp) {
        change(
            Drive::KEY,
            s.drive.key(),
            Drive::Unc.key(),
            "Drive modes apply only when the program runs from the distribution point.",
            SourceId::CbPkgProg,
        );
        s.drive = Drive::Unc;
    }
    if s.letter == Letter::Taken && s.drive != Drive::Fixed {
        change(
            Letter::KEY,
            s.letter.key(),
            Letter::Free.key(),
            "Whether the letter is taken matters only when the program requires a specific drive letter.",
            SourceId::CbPkgProg,
        );
        s.letter = Letter::Free;
    }
    (s, changes)
}
