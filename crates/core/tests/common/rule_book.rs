//! The rule book's inputs as its text lists them, written out here rather than read from the
//! crate, so that the tests check the crate against them.
#![allow(dead_code)]

/// The inputs of rule book v1, which `combinations` walks; every other input keeps its
/// default in a v1 link.
pub const V1_KEYS: &[&str] = &[
    "client",
    "os",
    "role",
    "domain",
    "run",
    "when",
    "sia",
    "logon",
    "installer",
    "naa",
    "siacct",
    "source",
];

/// domain.md v2, "Inputs (what the wizard asks)": every single-valued key with its values,
/// the default first, in the order of the link.
pub const RULE_BOOK: &[(&str, &[&str])] = &[
    ("client", &["advanced", "legacy", "cm07"]),
    ("os", &["nt", "vista", "win9x"]),
    ("arch", &["x86", "x64"]),
    (
        "role",
        &["workstation", "member-server", "domain-controller"],
    ),
    ("domain", &["trusted", "untrusted"]),
    ("run", &["admin", "user"]),
    ("when", &["any", "user", "nouser"]),
    ("sia", &["0", "1"]),
    ("interact", &["0", "1"]),
    ("ui", &["silent", "prompts"]),
    ("logon", &["none", "user", "admin"]),
    (
        "installer",
        &[
            "msi-machine",
            "msi-allusers2",
            "msi-user",
            "setup-admin",
            "setup-user",
            "script",
        ],
    ),
    ("deploy", &["download", "rundp"]),
    ("boundary", &["fast", "slow"]),
    ("slow", &["none", "download", "rundp"]),
    ("drive", &["unc", "any", "fixed"]),
    ("letter", &["free", "taken"]),
    ("mapped", &["0", "1"]),
    ("naa", &["none", "set"]),
    ("siacct", &["none", "set"]),
    ("source", &["dp", "unc"]),
];

/// The inputs rule book v2 adds, or gives new values (`os=vista`, `installer=script`).
pub const NEW_KEYS: &[&str] = &[
    "os",
    "arch",
    "interact",
    "ui",
    "installer",
    "deploy",
    "boundary",
    "slow",
    "drive",
    "letter",
    "mapped",
];
