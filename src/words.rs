//! The page's words for the core's keys: input titles, value labels, outcome markers.

use credflow_core::scenario::Input;
use credflow_core::Change;

/// The title of an input, by its key.
pub fn input_title(key: &str) -> &'static str {
    Input::by_key(key).map_or("Setting", |i| i.title)
}

/// The label of a value of an input, by their keys.
pub fn value_label(key: &str, value: &str) -> &'static str {
    Input::by_key(key)
        .and_then(|i| i.label(value))
        .unwrap_or("another value")
}

/// "Program can run is now “Only when a user is logged on”: <reason>"
pub fn change_sentence(c: &Change) -> String {
    format!(
        "{} changed from “{}” to “{}”: {}",
        input_title(c.key),
        value_label(c.key, c.from),
        value_label(c.key, c.to),
        c.reason
    )
}

/// The marker drawn beside an outcome, so colour is never the only signal.
pub fn outcome_marker(o: credflow_core::Outcome) -> &'static str {
    match o {
        credflow_core::Outcome::Ok => "✓",
        credflow_core::Outcome::AtRisk => "!",
        credflow_core::Outcome::Waits => "…",
        credflow_core::Outcome::Fails => "✕",
    }
}
