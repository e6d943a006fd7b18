//! The inputs table: every input's values round-trip through `Scenario::set` / `value`, and
//! `combinations` enumerates every combination exactly once.

use std::collections::HashSet;

use credflow_core::scenario::{combinations, SetError, INPUTS};
use credflow_core::Scenario;

#[test]
fn every_value_of_every_input_can_be_set_and_read_back() {
    for input in INPUTS {
        for option in input.options {
            let mut s = Scenario::default();
            s.set(input.key, option.key)
                .expect("a value from the table");
            assert_eq!(s.value(input.key), Some(option.key));
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
fn combinations_enumerate_every_combination_exactly_once() {
    let all: Vec<Scenario> = combinations(&Scenario::default()).collect();
    assert_eq!(all.len(), 51_840);
    let distinct: HashSet<&Scenario> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "a combination repeats");
    for input in INPUTS {
        for option in input.options {
            let n = all
                .iter()
                .filter(|s| s.value(input.key) == Some(option.key))
                .count();
            assert_eq!(
                n,
                all.len() / input.options.len(),
                "{}={}",
                input.key,
                option.key
            );
        }
    }
    assert_eq!(
        all[0],
        Scenario::default(),
        "the first combination is the defaults"
    );
}
