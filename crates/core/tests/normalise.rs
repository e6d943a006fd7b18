//! Normalisation (domain.md, step 1): invalid combinations become valid ones, and the plan
//! says exactly what changed (key, from, to).

use credflow_core::presets::PRESETS;
use credflow_core::scenario::combinations;
use credflow_core::{
    decode, normalise, plan, Change, Os, Role, Scenario, Share, Sia, Source, SourceId, When,
};

/// The (key, from, to) of each change, in order.
fn changes(c: &[Change]) -> Vec<(&'static str, &'static str, &'static str)> {
    c.iter().map(|c| (c.key, c.from, c.to)).collect()
}

/// Normalises the scenario of a link and checks the changes and the result.
fn assert_normalises(
    link: &str,
    want: &[(&'static str, &'static str, &'static str)],
    expect: impl FnOnce(&mut Scenario),
) {
    let given = decode(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    let (got, made) = normalise(given.clone());
    assert_eq!(changes(&made), want, "{link}");
    let mut expected = given.clone();
    expect(&mut expected);
    assert_eq!(
        got, expected,
        "{link}: nothing but the listed inputs changes"
    );
    // The plan says the same, and plans the normalised scenario.
    let p = plan(&given);
    assert_eq!(p.normalised, made, "{link}");
    assert_eq!(p.scenario, got);
    for c in &made {
        assert!(!c.reason.is_empty(), "{link}: a change says why");
    }
    // Normalising again changes nothing.
    assert_eq!(normalise(got.clone()), (got, vec![]), "{link}: idempotent");
}

#[test]
fn sia_with_user_rights_is_cleared() {
    assert_normalises(
        "v=1&client=legacy&run=user&when=user&logon=user&sia=1",
        &[("sia", "1", "0")],
        |s| s.sia = Sia::Off,
    );
}

#[test]
fn sia_with_user_rights_and_any_time_clears_sia_after_setting_when() {
    assert_normalises(
        "v=1&client=legacy&run=user&sia=1",
        &[("when", "any", "user"), ("sia", "1", "0")],
        |s| {
            s.when = When::User;
            s.sia = Sia::Off;
        },
    );
}

#[test]
fn sia_on_advanced_client_is_cleared() {
    assert_normalises("v=1&sia=1&siacct=set", &[("sia", "1", "0")], |s| {
        s.sia = Sia::Off
    });
}

#[test]
fn sia_on_cm07_client_is_cleared() {
    assert_normalises("v=1&client=cm07&sia=1", &[("sia", "1", "0")], |s| {
        s.sia = Sia::Off
    });
}

#[test]
fn sia_only_when_a_user_is_logged_on_is_cleared() {
    assert_normalises(
        "v=1&client=legacy&when=user&sia=1&siacct=set",
        &[("sia", "1", "0")],
        |s| s.sia = Sia::Off,
    );
}

#[test]
fn sia_on_legacy_admin_any_time_or_without_user_is_valid() {
    for when in ["any", "nouser"] {
        assert_normalises(&format!("v=1&client=legacy&when={when}&sia=1"), &[], |_| {});
    }
    // On Windows 98 too: that combination fails with 1317 at run-as, it is not normalised
    // away. [Q264714]
    assert_normalises("v=1&client=legacy&os=win9x&sia=1", &[], |_| {});
}

#[test]
fn win9x_without_legacy_client_becomes_nt() {
    for client in ["advanced", "cm07"] {
        assert_normalises(
            &format!("v=1&client={client}&os=win9x"),
            &[("os", "win9x", "nt")],
            |s| s.os = Os::Nt,
        );
    }
}

#[test]
fn win9x_on_advanced_domain_controller_becomes_nt_and_keeps_its_role() {
    assert_normalises(
        "v=1&os=win9x&role=domain-controller",
        &[("os", "win9x", "nt")],
        |s| s.os = Os::Nt,
    );
}

#[test]
fn user_rights_at_any_time_or_without_user_become_only_with_user() {
    for when in ["any", "nouser"] {
        assert_normalises(
            &format!("v=1&run=user&when={when}"),
            &[("when", when_key(when), "user")],
            |s| s.when = When::User,
        );
    }
}

fn when_key(when: &str) -> &'static str {
    When::from_key(when).unwrap().key()
}

#[test]
fn unc_source_without_shares_becomes_dp() {
    assert_normalises("v=1&source=unc", &[("source", "unc", "dp")], |s| {
        s.source = Source::Dp
    });
    // With a share it is valid.
    assert_normalises(r"v=1&source=unc&share=\\fs01\pkg~users", &[], |_| {});
}

#[test]
fn win9x_server_roles_become_workstation() {
    for role in ["member-server", "domain-controller"] {
        assert_normalises(
            &format!("v=1&client=legacy&os=win9x&role={role}"),
            &[("role", Role::from_key(role).unwrap().key(), "workstation")],
            |s| s.role = Role::Workstation,
        );
    }
}

#[test]
fn several_invalid_inputs_are_all_reported_in_order() {
    assert_normalises(
        "v=1&client=cm07&os=win9x&run=user&when=nouser&sia=1&source=unc",
        &[
            ("os", "win9x", "nt"),
            ("when", "nouser", "user"),
            ("sia", "1", "0"),
            ("source", "unc", "dp"),
        ],
        |s| {
            s.os = Os::Nt;
            s.when = When::User;
            s.sia = Sia::Off;
            s.source = Source::Dp;
        },
    );
}

#[test]
fn the_rule_book_changes_cite_cm07_env() {
    // "Invalid combinations are normalised by one documented function and the plan says what
    // it changed. [CM07-ENV]"
    let (_, made) = normalise(decode("v=1&run=user&sia=1&os=win9x&source=unc").unwrap());
    assert_eq!(made.len(), 4);
    for c in &made {
        assert_eq!(c.source, SourceId::Cm07Env, "{c:?}");
    }
}

#[test]
fn changes_name_real_keys_and_values() {
    for_every_scenario(|s| {
        let (_, made) = normalise(s);
        for c in made {
            let known = match c.key {
                "os" => Os::from_key(c.from).is_some() && Os::from_key(c.to).is_some(),
                "role" => Role::from_key(c.from).is_some() && Role::from_key(c.to).is_some(),
                "when" => When::from_key(c.from).is_some() && When::from_key(c.to).is_some(),
                "sia" => Sia::from_key(c.from).is_some() && Sia::from_key(c.to).is_some(),
                "source" => Source::from_key(c.from).is_some() && Source::from_key(c.to).is_some(),
                _ => false,
            };
            assert!(known && c.from != c.to, "{c:?}");
        }
    });
}

#[test]
fn a_valid_scenario_is_unchanged() {
    assert_eq!(
        normalise(Scenario::default()),
        (Scenario::default(), vec![])
    );
    for p in PRESETS {
        let s = p.scenario();
        assert_eq!(normalise(s.clone()), (s, vec![]), "{}", p.id);
    }
    let valid = decode(
        r"v=1&client=legacy&os=win9x&domain=untrusted&logon=admin&installer=setup-user&naa=set&siacct=set&source=unc&dpacl=&share=\\fs01\pkg~everyone",
    )
    .unwrap();
    assert_eq!(normalise(valid.clone()), (valid, vec![]));
}

#[test]
fn normalise_is_idempotent_for_every_combination() {
    let mut n = 0;
    for_every_scenario(|s| {
        let (once, _) = normalise(s);
        let (twice, made) = normalise(once.clone());
        assert!(made.is_empty(), "{once:?} changes again: {made:?}");
        assert_eq!(twice, once);
        n += 1;
    });
    assert_eq!(n, 3 * 2 * 3 * 2 * 2 * 3 * 2 * 3 * 5 * 2 * 2 * 2 * 2);
}

/// Every combination of the single-valued inputs, with no share or one.
fn for_every_scenario(mut f: impl FnMut(Scenario)) {
    let one_share = Scenario {
        shares: vec![Share::new(r"\\fs01\apps", Default::default())],
        ..Scenario::default()
    };
    for base in [Scenario::default(), one_share] {
        combinations(&base).for_each(&mut f);
    }
}
