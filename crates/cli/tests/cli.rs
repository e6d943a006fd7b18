//! The `credflow` binary, run as a person runs it.

mod common;
use common::{credflow, credflow_with_input, stderr, stdout};

/// The rule book's inputs, as the core's tests write them out.
#[path = "../../core/tests/common/rule_book.rs"]
mod rule_book;
use rule_book::NEW_KEYS;

use credflow_core::presets::PRESETS;
use serde_json::Value;

fn plan_json(link: &str) -> Value {
    let o = credflow(&["plan", link, "--json"]);
    assert!(o.status.success(), "{link}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{link}: not JSON: {e}"))
}

/// Where a classic case first fails: step number, step kind, identity.
type Failure = Option<(u64, &'static str, &'static str)>;

/// The rule book's verdict and first failing step for each classic case (domain.md v2).
const CLASSIC: [(&str, Failure); 17] = [
    ("ok", None),
    ("fails", Some((4, "connect-share", "computer-account"))),
    ("at-risk", None),
    ("fails", Some((4, "connect-share", "client-token"))),
    ("ok", None),
    ("at-risk", None),
    ("fails", Some((4, "install", "logged-on-user"))),
    ("fails", Some((4, "connect-share", "client-token"))),
    ("fails", Some((2, "run-as", "*"))),
    ("ok", None),
    ("fails", Some((4, "connect-share", "computer-account"))),
    ("fails", Some((4, "use-mapped-drive", "local-system"))),
    ("fails", Some((4, "user-input", "local-system"))),
    ("at-risk", None),
    ("waits", None),
    ("fails", Some((4, "install", "logged-on-user"))),
    ("fails", Some((4, "map-drive", "computer-account"))),
];

#[test]
fn plan_json_gives_each_classic_case_its_verdict_and_first_failure() {
    assert_eq!(PRESETS.len(), CLASSIC.len());
    for (preset, (verdict, failure)) in PRESETS.iter().zip(CLASSIC) {
        let j = plan_json(preset.link);
        assert_eq!(j["verdict"], verdict, "{}", preset.id);
        match failure {
            None => assert!(j["first_failure"].is_null(), "{}", preset.id),
            Some((n, step, identity)) => {
                assert_eq!(j["first_failure"], n, "{}", preset.id);
                let s = &j["steps"][(n - 1) as usize];
                assert_eq!(s["n"], n);
                assert_eq!(s["step"], step, "{}", preset.id);
                if identity != "*" {
                    assert_eq!(s["identity"], identity, "{}", preset.id);
                }
                assert_eq!(s["outcome"], "fails", "{}", preset.id);
            }
        }
    }
}

/// The documented step fields (domain.md v2, "Steps": kind, identity, resource, action,
/// outcome, reason, sources (or inferred), log, fix, note(s), attempts, reached).
const STEP_KEYS: [&str; 14] = [
    "n", "step", "identity", "resource", "action", "outcome", "reason", "sources", "inferred",
    "log", "fix", "notes", "attempts", "reached",
];

#[test]
fn plan_json_has_the_documented_shape() {
    for preset in PRESETS {
        let j = plan_json(preset.link);
        let mut keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["first_failure", "normalised", "steps", "verdict"]);
        for s in j["steps"].as_array().unwrap() {
            let obj = s.as_object().unwrap();
            for key in STEP_KEYS {
                assert!(
                    obj.contains_key(key),
                    "{}: step lacks {key}: {s}",
                    preset.id
                );
            }
            // Beyond the documented keys a step carries only the id of its rule: `notes`
            // (a list) replaces v1's `note`.
            let extra: Vec<&String> = obj
                .keys()
                .filter(|k| !STEP_KEYS.contains(&k.as_str()))
                .collect();
            assert_eq!(extra, ["rule"], "{}", preset.id);
            assert!(s["n"].is_u64() && s["reached"].is_boolean());
            assert!(s["sources"].as_array().is_some_and(|a| !a.is_empty()));
            assert!(s["log"]["file"].is_string() && s["log"]["folder"].is_string());
            assert!(s["attempts"].is_array());
            assert!(s["fix"].is_null() || s["fix"].is_string());
            assert!(s["inferred"].is_null() || s["inferred"].is_string());
            let notes = s["notes"].as_array().expect("notes is a list");
            assert!(notes.iter().all(Value::is_string), "{s}");
        }
    }
}

/// A step of the JSON plan by kind.
fn json_step<'a>(j: &'a Value, kind: &str) -> &'a Value {
    j["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == kind)
        .unwrap_or_else(|| panic!("no {kind} step in {j}"))
}

#[test]
fn plan_json_carries_the_new_steps_and_resources_with_the_rule_books_ids() {
    let j = plan_json(
        "v=1&client=cm07&deploy=rundp&drive=any&mapped=1&ui=prompts&interact=1&logon=user",
    );
    let kinds: Vec<&str> = j["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "schedule",
            "run-as",
            "fetch-content",
            "map-drive",
            "use-mapped-drive",
            "user-input",
            "install"
        ]
    );
    let map = json_step(&j, "map-drive");
    assert_eq!(map["resource"], "distribution-point");
    assert_eq!(map["identity"], "computer-account");
    assert_eq!(map["outcome"], "ok");
    let mapped = json_step(&j, "use-mapped-drive");
    assert_eq!(mapped["resource"], "mapped-drive");
    assert_eq!(mapped["identity"], "local-system");
    assert_eq!(mapped["outcome"], "fails");
    let input = json_step(&j, "user-input");
    assert_eq!(input["resource"], "desktop");
    assert_eq!(input["identity"], "local-system");
    // Ids of sources are the rule book's.
    assert!(mapped["sources"]
        .as_array()
        .unwrap()
        .contains(&Value::from("WIN-REDIRDRIVES")));
    // On x64 the logs are in SysWOW64.
    let j = plan_json("v=1&client=cm07&arch=x64&installer=script");
    assert_eq!(
        json_step(&j, "install")["log"]["folder"],
        r"%windir%\SysWOW64\CCM\Logs"
    );
    assert_eq!(j["verdict"], "at-risk");
}

#[test]
fn plan_json_notes_are_a_list_the_text_plan_prints() {
    // Classic case 3: the disagreement about the NAA is a note on the share step.
    let link = PRESETS[2].link;
    let j = plan_json(link);
    let share = json_step(&j, "connect-share");
    let notes: Vec<&str> = share["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(!notes.is_empty(), "{share}");
    let o = credflow(&["plan", link]);
    assert!(o.status.success());
    let text = stdout(&o);
    for note in notes {
        assert!(text.contains(note), "{text} lacks the note {note}");
    }
}

#[test]
fn plan_json_reports_what_normalisation_changed() {
    let j = plan_json("v=1&client=cm07&sia=1");
    let changes = j["normalised"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["key"], "sia");
    assert_eq!(changes[0]["from"], "1");
    assert_eq!(changes[0]["to"], "0");
}

#[test]
fn plan_text_names_the_failure_log_and_fix() {
    let o = credflow(&["plan", "#v=1&share=%5C%5Cfs01%5Capps~domain-users"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.starts_with("Verdict: Fails at step 4 (Connect to share)"),
        "{text}"
    );
    assert!(
        text.contains(r"%windir%\System32\CCM\Logs\execmgr.log"),
        "{text}"
    );
    assert!(text.contains("fix:"), "{text}");
    assert!(text.contains("not reached"), "{text}");
}

#[test]
fn a_bad_link_exits_2_and_names_the_key() {
    for (link, key, value) in [
        ("v=1&client=sms2", "client", "sms2"),
        ("v=1&share=fs01~users", "share", "fs01"),
        ("v=1&colour=blue", "colour", "colour"),
        ("v=2", "v", "2"),
    ] {
        for args in [
            vec!["plan", link],
            vec!["plan", link, "--json"],
            vec!["render", link],
        ] {
            let o = credflow(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            assert!(o.stdout.is_empty(), "{args:?}: nothing on stdout");
            let err = stderr(&o);
            assert!(err.contains(key) && err.contains(value), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_bad_value_of_any_new_key_exits_2_and_names_the_key() {
    for key in NEW_KEYS {
        let link = format!("v=1&{key}=bogus");
        for args in [vec!["plan", &link[..]], vec!["plan", &link[..], "--json"]] {
            let o = credflow(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            assert!(o.stdout.is_empty(), "{args:?}: nothing on stdout");
            let err = stderr(&o);
            assert!(
                err.contains(&format!("{key}=bogus"))
                    || (err.contains(key) && err.contains("bogus")),
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn misuse_exits_2_with_usage() {
    for args in [
        vec![],
        vec!["plan"],
        vec!["frobnicate"],
        vec!["plan", "v=1", "v=1"],
    ] {
        let o = credflow(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("usage"), "{args:?}");
    }
}

#[test]
fn presets_lists_the_seventeen_cases_with_links() {
    let o = credflow(&["presets"]);
    assert!(o.status.success());
    let text = stdout(&o);
    for (i, p) in PRESETS.iter().enumerate() {
        assert!(text.contains(&format!("{}. {}", i + 1, p.title)), "{text}");
        assert!(text.contains(&format!("#{}", p.link)), "{text}");
    }
    assert_eq!(PRESETS.len(), 17);
    assert_eq!(text.matches("#v=1").count(), 17, "{text}");
}

#[test]
fn render_writes_an_svg() {
    for link in [
        "v=1",
        PRESETS[1].link,
        "https://wiki.example/credflow/#v=1&client=legacy",
    ] {
        let o = credflow(&["render", link]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).starts_with("<svg"), "{}", stdout(&o));
    }
}

#[test]
fn a_link_too_long_for_a_command_line_is_read_from_standard_input() {
    // 500 shares of long paths: well over Linux's 128 KiB limit for one argument.
    let shares: Vec<String> = (0..500)
        .map(|i| format!("share=%5C%5Cfs01%5C{}{i}~users", "a".repeat(250)))
        .collect();
    let link = format!("#v=1&client=legacy&{}\n", shares.join("&"));
    assert!(link.len() > 128 * 1024, "{} characters", link.len());

    let out = credflow_with_input(&["plan", "--json", "-"], link.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(plan["verdict"], "fails");
    assert_eq!(plan["steps"].as_array().map(Vec::len), Some(504));

    let out = credflow_with_input(&["render", "-"], link.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("<svg"));

    let out = credflow_with_input(&["plan", "-"], b"#v=1&client=nope");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("client"), "{}", stderr(&out));
}
