//! The rule book's inputs as its text lists them, written out here rather than read from the
//! crate, so that the tests check the crate against them.

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
