//! The wizard disables exactly the values that normalisation would undo: for many valid
//! scenarios and every value of every input, the value is offered if and only if choosing it
//! survives `normalise` — including the Legacy Client's content options, which normalisation
//! resets without reporting them.

#[path = "common/walk.rs"]
mod walk;

use credflow_core::availability::unavailable;
use credflow_core::scenario::INPUTS;
use credflow_core::{normalise, Principal, Readers, Scenario, Share};
use walk::each_combination;

/// Every valid (normalised, unchanged) scenario over the values of `keys`, with and without a
/// share. (Valid: normalising it changes nothing, reported or not.)
fn valid_scenarios(keys: &[&str]) -> Vec<Scenario> {
    let mut out = Vec::new();
    for shares in [0, 1] {
        let base = Scenario {
            shares: (0..shares)
                .map(|_| Share::new("\\\\fs01\\apps", Readers::of(&[Principal::Users])))
                .collect(),
            ..Scenario::default()
        };
        each_combination(&base, keys, &mut |s| {
            let (normalised, changes) = normalise(s.clone());
            if changes.is_empty() && normalised == s {
                out.push(s);
            }
        });
    }
    out
}

/// For every scenario and every value of every input: offered exactly when normalisation keeps
/// it.
fn assert_offered_exactly_when_kept(scenarios: &[Scenario]) {
    for s in scenarios {
        for input in INPUTS {
            for option in input.options {
                let mut chosen = s.clone();
                chosen.set(input.key, option.key).unwrap();
                let (kept, changes) = normalise(chosen);
                let undone = kept.value(input.key) != Some(option.key);
                let why = unavailable(s, input.key, option.key);
                assert_eq!(
                    why.is_some(),
                    undone,
                    "{}={} in {s:?}: offered={} but normalise {} it ({changes:?})",
                    input.key,
                    option.key,
                    why.is_none(),
                    if undone { "undoes" } else { "keeps" },
                );
                if let Some(why) = why {
                    assert!(!why.trim().is_empty(), "{}={}", input.key, option.key);
                }
            }
        }
    }
}

#[test]
fn a_value_is_offered_exactly_when_choosing_it_survives_normalisation() {
    // The v1 inputs that constrain each other (with the new os value, vista).
    let scenarios = valid_scenarios(&["client", "os", "role", "run", "when", "sia", "source"]);
    assert!(scenarios.len() > 50, "{} valid scenarios", scenarios.len());
    assert_offered_exactly_when_kept(&scenarios);
}

#[test]
fn a_new_value_is_offered_exactly_when_choosing_it_survives_normalisation() {
    // The inputs the new rules read or change.
    let scenarios = valid_scenarios(&[
        "client", "os", "arch", "run", "when", "interact", "deploy", "boundary", "slow", "drive",
        "letter", "source",
    ]);
    assert!(
        scenarios.len() > 1_000,
        "{} valid scenarios",
        scenarios.len()
    );
    assert_offered_exactly_when_kept(&scenarios);
}

fn scenario(pairs: &[(&str, &str)]) -> Scenario {
    let mut s = Scenario::default();
    for (k, v) in pairs {
        s.set(k, v).unwrap();
    }
    assert!(normalise(s.clone()).1.is_empty(), "{pairs:?} is valid");
    s
}

#[test]
fn unavailable_values_say_why() {
    let advanced = Scenario::default();
    assert_eq!(
        unavailable(&advanced, "os", "win9x"),
        Some("Legacy Client only")
    );
    assert_eq!(
        unavailable(&advanced, "sia", "1"),
        Some("Legacy Client only")
    );
    assert_eq!(
        unavailable(&advanced, "source", "unc"),
        Some("Add a share below first")
    );
    let user = scenario(&[("run", "user"), ("when", "user")]);
    assert!(unavailable(&user, "when", "any")
        .unwrap()
        .contains("user's rights"));
    let win98 = scenario(&[("client", "legacy"), ("os", "win9x")]);
    assert_eq!(
        unavailable(&win98, "role", "domain-controller"),
        Some("Not on Windows 98")
    );
    assert_eq!(unavailable(&win98, "role", "workstation"), None);

    // v2: Vista and x64 need the ConfigMgr 2007 client.
    for key_value in [("os", "vista"), ("arch", "x64")] {
        let why = unavailable(&advanced, key_value.0, key_value.1).unwrap();
        assert!(why.contains("2007"), "{key_value:?}: {why}");
        let cm07 = scenario(&[("client", "cm07")]);
        assert_eq!(unavailable(&cm07, key_value.0, key_value.1), None);
    }
    // Interaction: admin rights, a user's session, not Windows 98.
    let why = unavailable(&user, "interact", "1").unwrap();
    assert!(why.to_lowercase().contains("admin"), "{why}");
    let nouser = scenario(&[("when", "nouser")]);
    assert!(unavailable(&nouser, "interact", "1").is_some());
    let why = unavailable(&win98, "interact", "1").unwrap();
    assert!(why.contains("Windows 98"), "{why}");
    assert_eq!(unavailable(&advanced, "interact", "1"), None);
    // The content options: Advanced / CM07 only.
    let legacy = scenario(&[("client", "legacy")]);
    for (key, value) in [
        ("deploy", "rundp"),
        ("boundary", "slow"),
        ("slow", "download"),
    ] {
        assert!(unavailable(&legacy, key, value).is_some(), "{key}={value}");
        assert_eq!(unavailable(&advanced, key, value), None, "{key}={value}");
    }
    // Drive modes: only when the program runs from the DP, from the package.
    let why = unavailable(&advanced, "drive", "fixed").unwrap();
    assert!(
        why.to_lowercase().contains("distribution point") || why.contains("DP"),
        "{why}"
    );
    let rundp = scenario(&[("deploy", "rundp")]);
    assert_eq!(unavailable(&rundp, "drive", "fixed"), None);
    assert_eq!(unavailable(&legacy, "drive", "any"), None);
    // A taken letter: only with a fixed drive.
    assert!(unavailable(&rundp, "letter", "taken").is_some());
    let fixed = scenario(&[("deploy", "rundp"), ("drive", "fixed")]);
    assert_eq!(unavailable(&fixed, "letter", "taken"), None);
}
