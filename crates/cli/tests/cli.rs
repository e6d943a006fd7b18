//! The `credflow` binary, run as a person runs it.

use std::process::{Command, Output};

use credflow_core::presets::PRESETS;
use serde_json::Value;

fn credflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_credflow"))
        .args(args)
        .output()
        .expect("run credflow")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn plan_json(link: &str) -> Value {
    let o = credflow(&["plan", link, "--json"]);
    assert!(o.status.success(), "{link}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{link}: not JSON: {e}"))
}

/// Where a classic case first fails: step number, step kind, identity.
type Failure = Option<(u64, &'static str, &'static str)>;

/// The rule book's verdict and first failing step for each classic case.
const CLASSIC: [(&str, Failure); 10] = [
    ("ok", None),
    (
        "fails",
        Some((4, "connect-share", "network-access-account")),
    ),
    (
        "fails",
        Some((4, "connect-share", "network-access-account")),
    ),
    ("fails", Some((4, "connect-share", "client-token"))),
    ("ok", None),
    ("at-risk", None),
    ("fails", Some((4, "install", "logged-on-user"))),
    ("fails", Some((4, "connect-share", "client-token"))),
    (
        "fails",
        Some((2, "run-as", "software-installation-account")),
    ),
    ("ok", None),
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
                assert_eq!(s["identity"], identity, "{}", preset.id);
                assert_eq!(s["outcome"], "fails", "{}", preset.id);
            }
        }
    }
}

#[test]
fn plan_json_has_the_documented_shape() {
    const STEP_KEYS: [&str; 13] = [
        "n", "step", "identity", "resource", "action", "outcome", "reason", "sources", "log",
        "fix", "note", "attempts", "reached",
    ];
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
            // Beyond the documented keys a step carries only the id of its rule.
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
            assert!(s["note"].is_null() || s["note"].is_string());
        }
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
    let o = credflow(&["plan", "#v=1&share=%5C%5Cfs01%5Capps~domain-computers"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.starts_with("Verdict: FAILS at step 4"), "{text}");
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
fn presets_lists_the_ten_cases_with_links() {
    let o = credflow(&["presets"]);
    assert!(o.status.success());
    let text = stdout(&o);
    for (i, p) in PRESETS.iter().enumerate() {
        assert!(text.contains(&format!("{}. {}", i + 1, p.title)), "{text}");
        assert!(text.contains(&format!("#{}", p.link)), "{text}");
    }
    assert_eq!(text.matches("#v=1").count(), 10, "{text}");
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

/// Runs `credflow` with `input` on standard input.
fn credflow_with_input(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_credflow"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("credflow runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write the link");
    child.wait_with_output().expect("credflow finishes")
}

#[test]
fn a_link_too_long_for_a_command_line_is_read_from_standard_input() {
    // 500 shares of long paths: well over Linux's 128 KiB limit for one argument.
    let shares: Vec<String> = (0..500)
        .map(|i| format!("share=%5C%5Cfs01%5C{}{i}~users", "a".repeat(250)))
        .collect();
    let link = format!("#v=1&client=legacy&{}\n", shares.join("&"));
    assert!(link.len() > 128 * 1024, "{} characters", link.len());

    let out = credflow_with_input(&["plan", "--json", "-"], &link);
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(plan["verdict"], "fails");
    assert_eq!(plan["steps"].as_array().map(Vec::len), Some(504));

    let out = credflow_with_input(&["render", "-"], &link);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("<svg"));

    let out = credflow_with_input(&["plan", "-"], "#v=1&client=nope");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("client"), "{}", stderr(&out));
}
