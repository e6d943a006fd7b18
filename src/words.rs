//! The page's words for the core's keys: input titles, value labels, outcome phrases.

use credflow_core::choice::Choice;
use credflow_core::{
    Account, Change, Client, Domain, Installer, Logon, Os, Role, Run, Sia, Source, When,
};

/// The title of an input, by its key.
pub fn input_title(key: &str) -> &'static str {
    match key {
        "client" => "Client",
        "os" => "Operating system",
        "role" => "Computer role",
        "domain" => "Domain",
        "run" => "Run mode",
        "when" => "Program can run",
        "sia" => "Software Installation Account option",
        "logon" => "Who is logged on",
        "installer" => "Installer",
        "naa" => "Network Access Account",
        "siacct" => "Software Installation Account",
        "source" => "Program files",
        _ => "Setting",
    }
}

fn label<T: Choice>(value: &str) -> Option<&'static str> {
    T::all()
        .iter()
        .find(|v| v.key() == value)
        .map(|v| v.label())
}

/// The label of a value of an input, by their keys.
pub fn value_label(key: &str, value: &str) -> &'static str {
    let found = match key {
        "client" => label::<Client>(value),
        "os" => label::<Os>(value),
        "role" => label::<Role>(value),
        "domain" => label::<Domain>(value),
        "run" => label::<Run>(value),
        "when" => label::<When>(value),
        "sia" => label::<Sia>(value),
        "logon" => label::<Logon>(value),
        "installer" => label::<Installer>(value),
        "naa" | "siacct" => label::<Account>(value),
        "source" => label::<Source>(value),
        _ => None,
    };
    found.unwrap_or("another value")
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
