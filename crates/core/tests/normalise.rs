//! Normalisation (domain.md v2, "Normalisation"): invalid combinations become valid ones, in
//! the rule book's order, and the plan says exactly what changed (key, from, to) — except the
//! Legacy Client's content options, which "stay at their defaults, are not reported as
//! changed".

#[path = "common/walk.rs"]
mod walk;

use credflow_core::presets::PRESETS;
use credflow_core::scenario::{
    combinations, Arch, Boundary, Deploy, Drive, Input, Interact, Letter, Mode, SlowMode,
};
use walk::each_combination;

use credflow_core::{
    decode, normalise, plan, Change, Client, Os, Role, Scenario, Share, Sia, Source, SourceId, When,
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
    let given = decode(&link.replace('\\', "%5C")).unwrap_or_else(|e| panic!("{link}: {e}"));
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

// ── v1's rules, unchanged ───────────────────────────────────────────────────────────────

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
fn sia_on_advanced_and_cm07_clients_is_cleared() {
    for link in ["v=1&sia=1&siacct=set", "v=1&client=cm07&sia=1"] {
        assert_normalises(link, &[("sia", "1", "0")], |s| s.sia = Sia::Off);
    }
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
            &[("when", When::from_key(when).unwrap().key(), "user")],
            |s| s.when = When::User,
        );
    }
}

#[test]
fn unc_source_without_shares_becomes_dp() {
    assert_normalises("v=1&source=unc", &[("source", "unc", "dp")], |s| {
        s.source = Source::Dp
    });
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
fn the_v1_rules_still_cite_cm07_env() {
    let (_, made) = normalise(decode("v=1&run=user&sia=1&os=win9x&source=unc").unwrap());
    assert_eq!(made.len(), 4);
    for c in &made {
        assert_eq!(c.source, SourceId::Cm07Env, "{c:?}");
    }
}

// ── v2: Vista and x64 need the ConfigMgr 2007 client ───────────────────────────────────

#[test]
fn vista_without_the_cm07_client_becomes_nt() {
    for client in ["advanced", "legacy"] {
        assert_normalises(
            &format!("v=1&client={client}&os=vista"),
            &[("os", "vista", "nt")],
            |s| s.os = Os::Nt,
        );
    }
    assert_normalises("v=1&client=cm07&os=vista", &[], |_| {});
}

#[test]
fn x64_without_the_cm07_client_becomes_x86() {
    for client in ["advanced", "legacy"] {
        assert_normalises(
            &format!("v=1&client={client}&arch=x64"),
            &[("arch", "x64", "x86")],
            |s| s.arch = Arch::X86,
        );
    }
    assert_normalises("v=1&client=cm07&arch=x64", &[], |_| {});
}

// ── v2: "Allow users to interact" ───────────────────────────────────────────────────────

#[test]
fn interaction_needs_admin_rights_a_user_session_and_not_windows_98() {
    // "`interact` only with `run=admin`, `when` ∈ {any, user} and not Win9x (else `0`)".
    for link in [
        "v=1&run=user&when=user&interact=1",
        "v=1&when=nouser&interact=1",
        "v=1&client=legacy&os=win9x&interact=1",
        "v=1&client=legacy&os=win9x&when=user&logon=user&interact=1",
    ] {
        assert_normalises(link, &[("interact", "1", "0")], |s| {
            s.interact = Interact::Off
        });
    }
    for link in [
        "v=1&interact=1",
        "v=1&when=user&interact=1",
        "v=1&client=legacy&interact=1",
        "v=1&client=legacy&sia=1&siacct=set&interact=1",
        "v=1&client=cm07&os=vista&interact=1",
    ] {
        assert_normalises(link, &[], |_| {});
    }
}

#[test]
fn interaction_with_only_when_no_user_cites_cm07_env() {
    // "the `when` condition is [CM07-ENV]".
    let (_, made) = normalise(decode("v=1&when=nouser&interact=1").unwrap());
    assert_eq!(changes(&made), [("interact", "1", "0")]);
    assert_eq!(made[0].source, SourceId::Cm07Env);
}

#[test]
fn user_rights_at_any_time_drop_interaction_after_setting_when() {
    assert_normalises(
        "v=1&run=user&interact=1",
        &[("when", "any", "user"), ("interact", "1", "0")],
        |s| {
            s.when = When::User;
            s.interact = Interact::Off;
        },
    );
}

// ── v2: content options ─────────────────────────────────────────────────────────────────

/// "`deploy`, `boundary`, `slow` apply to Advanced/CM07 only — for Legacy they stay at their
/// defaults, are not reported as changed, and the effective mode is run-from-DP".
#[test]
fn legacy_content_options_return_to_their_defaults_silently() {
    let given = decode("v=1&client=legacy&deploy=rundp&boundary=slow&slow=download").unwrap();
    let (got, made) = normalise(given.clone());
    assert_eq!(made, vec![], "not reported");
    assert_eq!(
        (got.deploy, got.boundary, got.slow),
        (Deploy::Download, Boundary::Fast, SlowMode::None)
    );
    let expected = Scenario {
        deploy: Deploy::Download,
        boundary: Boundary::Fast,
        slow: SlowMode::None,
        ..given.clone()
    };
    assert_eq!(got, expected, "nothing else changes");
    assert_eq!(got.effective_mode(), Mode::RunDp);
    let p = plan(&given);
    assert!(p.normalised.is_empty());
    assert_eq!(p.scenario, got);
    // A slow boundary means nothing to the Legacy Client: it does not wait for a DP.
    assert!(p
        .steps
        .iter()
        .all(|s| s.outcome == credflow_core::Outcome::Ok));
    assert_eq!(normalise(got.clone()), (got, vec![]));
}

/// "The effective mode of content access: `slow` when `boundary=slow`, else `deploy`; always
/// run-from-DP for Legacy."
#[test]
fn the_effective_mode_follows_the_boundary_then_the_deployment() {
    for &deploy in Deploy::ALL {
        for &boundary in Boundary::ALL {
            for &slow in SlowMode::ALL {
                for &client in Client::ALL {
                    let s = Scenario {
                        client,
                        deploy,
                        boundary,
                        slow,
                        ..Scenario::default()
                    };
                    let want = match (client, boundary, slow, deploy) {
                        (Client::Legacy, ..) => Mode::RunDp,
                        (_, Boundary::Slow, SlowMode::None, _) => Mode::NoRun,
                        (_, Boundary::Slow, SlowMode::Download, _) => Mode::Download,
                        (_, Boundary::Slow, SlowMode::RunDp, _) => Mode::RunDp,
                        (_, Boundary::Fast, _, Deploy::Download) => Mode::Download,
                        (_, Boundary::Fast, _, Deploy::RunDp) => Mode::RunDp,
                    };
                    assert_eq!(s.effective_mode(), want, "{s:?}");
                }
            }
        }
    }
}

// ── v2: drive modes and letters ─────────────────────────────────────────────────────────

/// "a drive mode other than `unc` only when the program runs from the DP — effective mode
/// run-from-DP and `source=dp` (else `unc`, ...)".
#[test]
fn a_drive_mode_needs_the_program_to_run_from_the_dp() {
    for (link, from) in [
        ("v=1&drive=any", "any"),
        ("v=1&client=cm07&drive=fixed", "fixed"),
        (
            "v=1&boundary=slow&slow=download&deploy=rundp&drive=any",
            "any",
        ),
        ("v=1&boundary=slow&deploy=rundp&drive=fixed", "fixed"),
        (
            r"v=1&deploy=rundp&drive=any&source=unc&share=\\fs01\pkg~users",
            "any",
        ),
        (
            r"v=1&client=legacy&drive=fixed&source=unc&share=\\fs01\pkg~users",
            "fixed",
        ),
    ] {
        assert_normalises(link, &[("drive", from, "unc")], |s| s.drive = Drive::Unc);
    }
    for link in [
        "v=1&deploy=rundp&drive=any",
        "v=1&client=cm07&deploy=rundp&drive=fixed",
        "v=1&boundary=slow&slow=rundp&drive=fixed",
        "v=1&client=legacy&drive=any",
        "v=1&client=legacy&os=win9x&drive=fixed&letter=taken",
    ] {
        assert_normalises(link, &[], |_| {});
    }
}

#[test]
fn a_dropped_drive_mode_says_why_and_cites_cb_pkgprog() {
    let (_, made) = normalise(decode("v=1&drive=fixed").unwrap());
    assert_eq!(changes(&made), [("drive", "fixed", "unc")]);
    assert_eq!(made[0].source, SourceId::CbPkgProg);
    assert!(
        made[0].reason.to_lowercase().contains("distribution point"),
        "{}",
        made[0].reason
    );
}

/// Legacy: the content options reset silently, and its run-from-DP keeps the drive mode.
#[test]
fn legacy_keeps_its_drive_mode_while_its_content_options_reset() {
    let given = decode("v=1&client=legacy&deploy=rundp&boundary=slow&drive=fixed").unwrap();
    let (got, made) = normalise(given);
    assert!(made.is_empty(), "{made:?}");
    assert_eq!(got.drive, Drive::Fixed);
    assert_eq!(
        (got.deploy, got.boundary),
        (Deploy::Download, Boundary::Fast)
    );
}

/// "then `letter` only with `drive=fixed`".
#[test]
fn a_taken_letter_needs_a_fixed_drive() {
    assert_normalises("v=1&letter=taken", &[("letter", "taken", "free")], |s| {
        s.letter = Letter::Free
    });
    assert_normalises(
        "v=1&deploy=rundp&drive=any&letter=taken",
        &[("letter", "taken", "free")],
        |s| s.letter = Letter::Free,
    );
    assert_normalises("v=1&deploy=rundp&drive=fixed&letter=taken", &[], |_| {});
    // A fixed drive that is itself dropped takes its letter with it, in that order.
    assert_normalises(
        "v=1&drive=fixed&letter=taken",
        &[("drive", "fixed", "unc"), ("letter", "taken", "free")],
        |s| {
            s.drive = Drive::Unc;
            s.letter = Letter::Free;
        },
    );
}

// ── the order of all rules ──────────────────────────────────────────────────────────────

#[test]
fn several_invalid_inputs_are_all_reported_in_the_rule_books_order() {
    // v1's rules (when, then source), then vista and x64, then interact, then the drive mode,
    // then the letter.
    assert_normalises(
        "v=1&os=vista&arch=x64&run=user&when=nouser&sia=1&interact=1&drive=fixed&letter=taken&source=unc",
        &[
            ("when", "nouser", "user"),
            ("sia", "1", "0"),
            ("source", "unc", "dp"),
            ("os", "vista", "nt"),
            ("arch", "x64", "x86"),
            ("interact", "1", "0"),
            ("drive", "fixed", "unc"),
            ("letter", "taken", "free"),
        ],
        |s| {
            s.when = When::User;
            s.sia = Sia::Off;
            s.source = Source::Dp;
            s.os = Os::Nt;
            s.arch = Arch::X86;
            s.interact = Interact::Off;
            s.drive = Drive::Unc;
            s.letter = Letter::Free;
        },
    );
}

// ── over many combinations ──────────────────────────────────────────────────────────────

/// A change names a real input, and a value it has, and changes it.
fn assert_real(c: &Change) {
    let input = Input::by_key(c.key).unwrap_or_else(|| panic!("unknown key in {c:?}"));
    assert!(
        input.label(c.from).is_some() && input.label(c.to).is_some() && c.from != c.to,
        "{c:?}"
    );
    assert!(!c.reason.is_empty(), "{c:?}");
}

#[test]
fn changes_name_real_keys_and_values() {
    for_every_scenario(|s| normalise(s).1.iter().for_each(assert_real));
    for_every_new_combination(|s| normalise(s).1.iter().for_each(assert_real));
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
    for link in [
        r"v=1&client=legacy&os=win9x&domain=untrusted&logon=admin&installer=setup-user&naa=set&siacct=set&source=unc&dpacl=&share=%5C%5Cfs01%5Cpkg~everyone",
        "v=1&client=cm07&os=vista&arch=x64&when=user&interact=1&ui=prompts&logon=admin&installer=script&boundary=slow&slow=rundp&drive=fixed&letter=taken&mapped=1&naa=set",
        "v=1&client=legacy&role=domain-controller&sia=1&siacct=set&interact=1&ui=prompts&drive=any&mapped=1",
    ] {
        let valid = decode(link).unwrap();
        assert_eq!(normalise(valid.clone()), (valid, vec![]), "{link}");
    }
}

fn assert_idempotent(s: Scenario) {
    let (once, _) = normalise(s);
    let (twice, made) = normalise(once.clone());
    assert!(made.is_empty(), "{once:?} changes again: {made:?}");
    assert_eq!(twice, once);
}

#[test]
fn normalise_is_idempotent_for_every_combination_of_the_v1_inputs() {
    let mut n = 0;
    for_every_scenario(|s| {
        assert_idempotent(s);
        n += 1;
    });
    assert!(n > 100_000, "{n} combinations");
}

#[test]
fn normalise_is_idempotent_for_every_combination_of_the_new_inputs() {
    let mut n = 0;
    for_every_new_combination(|s| {
        assert_idempotent(s);
        n += 1;
    });
    assert!(n > 50_000, "{n} combinations");
}

/// Every combination of the v1 single-valued inputs (`combinations`), with no share or one.
fn for_every_scenario(mut f: impl FnMut(Scenario)) {
    let one_share = Scenario {
        shares: vec![Share::new(r"\\fs01\apps", Default::default())],
        ..Scenario::default()
    };
    for base in [Scenario::default(), one_share] {
        combinations(&base).for_each(&mut f);
    }
}

/// Every combination of the inputs the new rules read or change (os, arch, run, when,
/// interact, deploy, boundary, slow, drive, letter, source) for each client, with no share or
/// one (`combinations` walks the v1 inputs only).
fn for_every_new_combination(mut f: impl FnMut(Scenario)) {
    const DIMS: &[&str] = &[
        "client", "os", "arch", "run", "when", "interact", "deploy", "boundary", "slow", "drive",
        "letter", "source",
    ];
    let one_share = Scenario {
        shares: vec![Share::new(r"\\fs01\apps", Default::default())],
        ..Scenario::default()
    };
    for base in [Scenario::default(), one_share] {
        each_combination(&base, DIMS, &mut f);
    }
}
