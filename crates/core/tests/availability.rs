//! The wizard disables exactly the values that normalisation would undo: for every
//! combination of the single-valued inputs and every value of every input, the value is
//! offered if and only if choosing it survives `normalise`.

use credflow_core::availability::unavailable;
use credflow_core::choice::Choice;
use credflow_core::{
    normalise, Account, Client, Domain, Installer, Logon, Os, Principal, Readers, Role, Run,
    Scenario, Share, Sia, Source, When,
};

/// Every valid (normalised) scenario over the inputs that constrain each other, with and
/// without a share.
fn valid_scenarios() -> Vec<Scenario> {
    let mut out = Vec::new();
    for &client in Client::ALL {
        for &os in Os::ALL {
            for &role in Role::ALL {
                for &run in Run::ALL {
                    for &when in When::ALL {
                        for &sia in Sia::ALL {
                            for &source in Source::ALL {
                                for shares in [0, 1] {
                                    let s = Scenario {
                                        client,
                                        os,
                                        role,
                                        run,
                                        when,
                                        sia,
                                        source,
                                        shares: (0..shares)
                                            .map(|_| {
                                                Share::new(
                                                    "\\\\fs01\\apps",
                                                    Readers::of(&[Principal::Users]),
                                                )
                                            })
                                            .collect(),
                                        ..Scenario::default()
                                    };
                                    let (s, changes) = normalise(s.clone());
                                    if changes.is_empty() {
                                        out.push(s);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// Sets `key` to `value` in `s` (the inputs `valid_scenarios` varies, plus the rest).
fn set(s: &mut Scenario, key: &str, value: &str) {
    fn pick<T: Choice>(value: &str) -> T {
        *T::all()
            .iter()
            .find(|v| v.key() == value)
            .expect("known value")
    }
    match key {
        "client" => s.client = pick(value),
        "os" => s.os = pick(value),
        "role" => s.role = pick(value),
        "domain" => s.domain = pick(value),
        "run" => s.run = pick(value),
        "when" => s.when = pick(value),
        "sia" => s.sia = pick(value),
        "logon" => s.logon = pick(value),
        "installer" => s.installer = pick(value),
        "naa" => s.naa = pick::<Account>(value),
        "siacct" => s.siacct = pick::<Account>(value),
        "source" => s.source = pick(value),
        _ => unreachable!("{key}"),
    }
}

fn values(key: &str) -> Vec<&'static str> {
    fn keys<T: Choice>() -> Vec<&'static str> {
        T::all().iter().map(|v| v.key()).collect()
    }
    match key {
        "client" => keys::<Client>(),
        "os" => keys::<Os>(),
        "role" => keys::<Role>(),
        "domain" => keys::<Domain>(),
        "run" => keys::<Run>(),
        "when" => keys::<When>(),
        "sia" => keys::<Sia>(),
        "logon" => keys::<Logon>(),
        "installer" => keys::<Installer>(),
        "naa" | "siacct" => keys::<Account>(),
        "source" => keys::<Source>(),
        _ => unreachable!("{key}"),
    }
}

const KEYS: [&str; 12] = [
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

#[test]
fn a_value_is_offered_exactly_when_choosing_it_survives_normalisation() {
    let scenarios = valid_scenarios();
    assert!(scenarios.len() > 50, "{} valid scenarios", scenarios.len());
    for s in &scenarios {
        for key in KEYS {
            for value in values(key) {
                let mut chosen = s.clone();
                set(&mut chosen, key, value);
                let (_, changes) = normalise(chosen);
                let undone = changes.iter().any(|c| c.key == key);
                let why = unavailable(s, key, value);
                assert_eq!(
                    why.is_some(),
                    undone,
                    "{key}={value} in {s:?}: offered={} but normalise {} it ({changes:?})",
                    why.is_none(),
                    if undone { "undoes" } else { "keeps" },
                );
            }
        }
    }
}

#[test]
fn unavailable_values_say_why() {
    let legacy_only = Scenario::default();
    assert_eq!(
        unavailable(&legacy_only, "os", "win9x"),
        Some("Legacy Client only")
    );
    assert_eq!(
        unavailable(&legacy_only, "sia", "1"),
        Some("Legacy Client only")
    );
    assert_eq!(
        unavailable(&legacy_only, "source", "unc"),
        Some("Add a share below first")
    );
    let user = Scenario {
        run: Run::User,
        when: When::User,
        ..Scenario::default()
    };
    assert!(unavailable(&user, "when", "any")
        .unwrap()
        .contains("user's rights"));
    let win98 = Scenario {
        client: Client::Legacy,
        os: Os::Win9x,
        ..Scenario::default()
    };
    assert_eq!(
        unavailable(&win98, "role", "domain-controller"),
        Some("Not on Windows 98")
    );
    assert_eq!(unavailable(&win98, "role", "workstation"), None);
}
