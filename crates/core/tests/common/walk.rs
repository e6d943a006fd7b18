//! Walking the values of the inputs, as the link table lists them.

use credflow_core::scenario::Input;
use credflow_core::Scenario;

/// Calls `f` with `base` set to every combination of the values of `keys`.
pub fn each_combination(base: &Scenario, keys: &[&str], f: &mut impl FnMut(Scenario)) {
    let Some((key, rest)) = keys.split_first() else {
        f(base.clone());
        return;
    };
    let input = Input::by_key(key).unwrap_or_else(|| panic!("input {key}"));
    for option in input.options {
        let mut s = base.clone();
        s.set(key, option.key).expect("a value from the table");
        each_combination(&s, rest, f);
    }
}
