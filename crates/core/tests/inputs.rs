//! The inputs table: the rule book's keys and values in its order, every value round-trips
//! through `Scenario::set` / `value`, and `combinations` enumerates every combination of the
//! v1 inputs exactly once.

#[path = "common/rule_book.rs"]
mod rule_book;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use credflow_core::scenario::{combinations, SetError, INPUTS};
use credflow_core::Scenario;
use rule_book::{RULE_BOOK, V1_KEYS};

#[test]
fn the_inputs_are_the_rule_books_keys_and_values_in_link_order() {
    let got: Vec<(&str, Vec<&str>)> = INPUTS
        .iter()
        .map(|i| (i.key, i.options.iter().map(|o| o.key).collect()))
        .collect();
    let want: Vec<(&str, Vec<&str>)> = RULE_BOOK.iter().map(|(k, v)| (*k, v.to_vec())).collect();
    assert_eq!(got, want);
    for input in INPUTS {
        assert!(!input.title.trim().is_empty(), "{}", input.key);
        for option in input.options {
            assert!(
                !option.label.trim().is_empty() && !option.help.trim().is_empty(),
                "{}={}: a label and a line of help",
                input.key,
                option.key
            );
        }
    }
}

#[test]
fn every_value_of_every_input_can_be_set_and_read_back() {
    for input in INPUTS {
        for option in input.options {
            let mut s = Scenario::default();
            s.set(input.key, option.key)
                .expect("a value from the table");
            assert_eq!(s.value(input.key), Some(option.key));
            // Only that input changed.
            for other in INPUTS.iter().filter(|i| i.key != input.key) {
                assert_eq!(
                    s.value(other.key),
                    Scenario::default().value(other.key),
                    "setting {}={} changed {}",
                    input.key,
                    option.key,
                    other.key
                );
            }
        }
        let mut s = Scenario::default();
        assert_eq!(s.set(input.key, "nope"), Err(SetError::UnknownValue));
        assert_eq!(
            s,
            Scenario::default(),
            "a refused value changed {}",
            input.key
        );
    }
    let mut s = Scenario::default();
    assert_eq!(s.set("colour", "blue"), Err(SetError::UnknownKey));
    assert_eq!(s.value("colour"), None);
}

#[test]
fn the_defaults_are_each_inputs_first_value() {
    let d = Scenario::default();
    for input in INPUTS {
        assert_eq!(
            d.value(input.key),
            Some(input.options[0].key),
            "{}",
            input.key
        );
    }
}

#[test]
fn combinations_enumerate_every_combination_of_the_v1_inputs_exactly_once() {
    // On a base with non-default new inputs: those stay as the base has them.
    let mut base = Scenario::default();
    for (key, value) in [("arch", "x64"), ("deploy", "rundp"), ("mapped", "1")] {
        base.set(key, value).unwrap();
    }
    let all: Vec<Scenario> = combinations(&base).collect();
    let distinct: HashSet<&Scenario> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "a combination repeats");
    // The values each input takes across the combinations.
    let mut seen: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in &all {
        for input in INPUTS {
            seen.entry(input.key)
                .or_default()
                .insert(s.value(input.key).unwrap());
        }
    }
    for input in INPUTS {
        let values = &seen[input.key];
        if V1_KEYS.contains(&input.key) {
            // Every v1 value, and the installer's new `script`.
            let (_, book) = RULE_BOOK.iter().find(|(k, _)| *k == input.key).unwrap();
            for v in book.iter().filter(|v| **v != "vista") {
                assert!(values.contains(v), "{}={v} never appears", input.key);
            }
        } else {
            assert_eq!(
                values.iter().copied().collect::<Vec<_>>(),
                [base.value(input.key).unwrap()],
                "{} is not a v1 input: it keeps the base's value",
                input.key
            );
        }
    }
    // Every combination of the values seen: exactly the product.
    let product: usize = seen.values().map(BTreeSet::len).product();
    assert_eq!(all.len(), product);
    assert!(all.len() >= 62_208, "{}", all.len());
    for input in INPUTS {
        for &value in &seen[input.key] {
            let n = all
                .iter()
                .filter(|s| s.value(input.key) == Some(value))
                .count();
            assert_eq!(
                n,
                all.len() / seen[input.key].len(),
                "{}={value}",
                input.key
            );
        }
    }
    assert_eq!(all[0], base, "the first combination is the base");
}
