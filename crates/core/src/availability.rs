//! Which values the wizard offers: a value is unavailable when choosing it would be undone by
//! [`normalise`](crate::normalise::normalise) given the other inputs. The page disables it and
//! shows the reason. (A test checks the two agree for every combination.)

use crate::scenario::{Client, Os, Role, Run, Scenario, Sia, Source, When};

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
        _ => None,
    }
}

/// Whether `value` of `key` can be chosen.
pub fn available(s: &Scenario, key: &str, value: &str) -> bool {
    unavailable(s, key, value).is_none()
}
