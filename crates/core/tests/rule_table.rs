//! The rule table as a reviewer meets it: `docs/rules.md` is exactly what `credflow rules`
//! prints, every rule names its sources or says what it infers, and every source the text
//! cites exists with a title and an address.

use std::collections::BTreeSet;

use credflow_core::rulebook::{markdown, rules};
use credflow_core::rules::RULES;
use credflow_core::SourceId;

#[test]
fn docs_rules_md_is_the_current_rule_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == markdown(),
        "docs/rules.md is out of date: run `cargo run -q -p credflow-cli -- rules > docs/rules.md`"
    );
}

#[test]
fn every_rule_names_a_source_or_says_what_it_infers() {
    for r in RULES {
        assert!(
            !r.sources.is_empty() || !r.inferred.is_empty(),
            "rule {} has neither sources nor an inference",
            r.id
        );
        assert!(!r.when.is_empty(), "rule {} says nowhen", r.id);
    }
}

#[test]
fn rule_ids_are_unique_and_name_their_step() {
    let mut seen = BTreeSet::new();
    for r in RULES {
        assert!(seen.insert(r.id), "rule id {} repeats", r.id);
        assert!(
            r.id.starts_with(&format!("{}/", r.step.key())),
            "rule {} is not under its step {}",
            r.id,
            r.step.key()
        );
    }
}

/// `[CM07-NAA]` in a rule's text names a source that exists, and that the rule cites.
#[test]
fn sources_cited_in_the_text_exist_and_are_the_rules_own() {
    for r in RULES {
        for text in [
            r.reason,
            r.denied,
            r.fix,
            r.note,
            r.inferred,
            r.fallback_reason,
        ] {
            for cited in text.split('[').skip(1).filter_map(|t| t.split_once(']')) {
                let id = SourceId::from_key(cited.0)
                    .unwrap_or_else(|| panic!("rule {} cites unknown source [{}]", r.id, cited.0));
                // An inference may name the sources it is drawn from beyond the rule's own.
                if text != r.inferred {
                    assert!(
                        r.sources.contains(&id),
                        "rule {} cites [{}] in its text but not in its sources",
                        r.id,
                        cited.0
                    );
                }
            }
        }
    }
}

#[test]
fn every_source_has_a_title_and_a_plain_address() {
    let mut titles = BTreeSet::new();
    for s in SourceId::ALL {
        assert!(titles.insert(s.title()), "title of {} repeats", s.key());
        assert!(
            s.address().starts_with("https://") || s.address().starts_with("http://"),
            "{} has no address",
            s.key()
        );
    }
    assert!(
        SourceId::from_key("KB925282").is_none(),
        "KB925282 does not exist"
    );
}

#[test]
fn the_printed_rule_book_lists_every_rule_and_every_source_with_its_address() {
    let md = markdown();
    for r in rules() {
        assert!(md.contains(&format!("### `{}`", r.id)), "{} missing", r.id);
    }
    for s in SourceId::ALL {
        assert!(md.contains(s.address()), "{} missing", s.key());
    }
}
