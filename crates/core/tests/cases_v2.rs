//! Cases of the rule book v2 (domain.md): the seventeen classic cases, and the new inputs
//! (arch, os=vista, interact, ui, deploy, boundary, slow, drive, letter, mapped,
//! installer=script, the domain-controllers principal) alone and with the old ones, with the
//! v2 corrections (the Advanced Client's share connection, its user-context fetch) and the
//! normalisation of each new key. Every expectation is taken from domain.md (and the engine
//! contract for the rule ids); each row cites the line it checks.
//!
//! The row spec (`common/spec.rs`) is the one `scenarios.rs` uses: the verdict (`ok`,
//! `at-risk`, `waits`, `fails@<n>`, then `changed=` / `set=key:value` for normalisation) and
//! `"<n> <step> <identity> <outcome> [extras]"` per step worth checking.

use std::collections::BTreeSet;
use std::sync::LazyLock;

mod common;
use common::spec::{check_table, rows, rules_used, Row};
use credflow_core::rules::RULES;
use credflow_core::Plan;

/// The table, one row a case: `tests/cases/cases_v2.txt`.
static ROWS: LazyLock<Vec<Row>> =
    LazyLock::new(|| rows("cases_v2.txt", include_str!("cases/cases_v2.txt")));

/// Every row as the rule book (v2) says.
#[test]
fn cases_v2_table() {
    assert!(ROWS.len() >= 70, "{} rows", ROWS.len());
    check_table(&ROWS, |_: &Plan| Ok(()));
}

/// The seventeen classic cases are rows of the table, in order, with the links the rule book's
/// training uses.
#[test]
fn cases_v2_table_has_the_seventeen_classic_cases() {
    let classic: Vec<&str> = ROWS
        .iter()
        .filter(|r| r.name.starts_with("classic_"))
        .map(|r| r.name)
        .collect();
    assert_eq!(classic.len(), 17, "{classic:?}");
    for (i, name) in classic.iter().enumerate() {
        assert!(
            name.starts_with(&format!("classic_{:02}_", i + 1)),
            "{name} out of order"
        );
    }
}

/// Between them the rows exercise every rule of the rule table. This table alone does (it has
/// rows for the v1 rules too), so with `scenarios.rs`'s table both together do.
#[test]
fn cases_v2_table_exercises_every_rule() {
    let used: BTreeSet<&str> = rules_used(&ROWS);
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !used.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules no row exercises: {missing:?}");
}
