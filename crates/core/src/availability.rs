//! Which values the wizard offers: a value is unavailable when choosing it would be undone by
//! [`normalise`](crate::normalise::normalise) given the other inputs. The page disables it and
//! shows the reason. (A test checks the two agree for every combination.)

use crate::scenario::{
    Arch, Boundary, Client, Deploy, Drive, Interact, Letter, Mode, Os, Role, Run, Scenario, Sia,
    SlowMode, Source, When,
};

/// Why value `value` of input `key` cannot be chosen with the rest of `s`, if it cannot.
pub fn unavailable(s: &Scenario, key: &str, value: &str) -> Option<&'static str> {
    match (key, value) {
        (Os::KEY, "win9x") if s.client != Client::Legacy => Some("Legacy Client only"),
        (Role::KEY, "member-server" | "domain-controller") if s.os == Os::Win9x => {
            Some("Not on Windows 98")
        }
        (When::KEY, "any" | "nouser") if s.run == Run::User => {
            Some("Not with user's rights, which need a logged-on user")
        }
        (Sia::KEY, "1") if s.client != Client::Legacy => Some("Legacy Client only"),
        (Sia::KEY, "1") if s.run != Run::Admin => Some("Needs administrative rights"),
        (Sia::KEY, "1") if s.when == When::User => {
            Some("Not with \"only when a user is logged on\"")
        }
        (Source::KEY, "unc") if s.shares.is_empty() => Some("Add a share below first"),
        (Os::KEY, "vista") | (Arch::KEY, "x64") if s.client != Client::Cm07 => {
            Some("ConfigMgr 2007 client only")
        }
        (Interact::KEY, "1") if s.run != Run::Admin => Some("Needs administrative rights"),
        (Interact::KEY, "1") if s.when == When::NoUser => {
            Some("Not with \"only when no user is logged on\"")
        }
        (Interact::KEY, "1") if s.os == Os::Win9x => Some("Not on Windows 98"),
        (Deploy::KEY, "rundp")
        | (Boundary::KEY, "slow")
        | (SlowMode::KEY, "download" | "rundp")
            if s.client == Client::Legacy =>
        {
            Some("Advanced Client and ConfigMgr 2007 only; the Legacy Client runs from the DP")
        }
        (Drive::KEY, "any" | "fixed") if s.source != Source::Dp => {
            Some("Only when the program's files are on the distribution point")
        }
        (Drive::KEY, "any" | "fixed") if s.effective_mode() != Mode::RunDp => {
            Some("Needs \"Run program from distribution point\"")
        }
        (Letter::KEY, "taken") if s.drive != Drive::Fixed => {
            Some("Only with \"Requires specific drive letter\"")
        }
        _ => None,
    }
}
