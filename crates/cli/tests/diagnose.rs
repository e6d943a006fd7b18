//! `credflow diagnose [LINK] [FILE|-] [--json]`, run as a person runs it.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::{assert_contains, credflow_with_input, stderr, stdout};
use serde_json::Value;

/// The case: a Legacy log with 2147942405 on `\\fs01\apps` (Q236052's line shape), a
/// line on `\\fs02\tools`, which the scenario lacks, and Q264714's two SMSAPM32 lines.
const LEGACY_LOG: &str = concat!(
    "Warning - could not read files from \\\\fs01\\apps (#2147942405) $$<SMSAPM32><Tue Jan 04 15:19:23.375 2000><thread=112 (0x70)>\r\n",
    "\r\n",
    "Warning - could not read files from \\\\fs02\\tools (#2147942405) $$<SMSAPM32><Tue Jan 04 15:19:24.375 2000><thread=112 (0x70)>\r\n",
    "ACCOUNT MGR : ERROR: Could not get APM run account data for site 'XXX'\r\n",
    "SCHED DATA : Return code = 0x525; The specified user does not exist\r\n",
);

const LEGACY_LINK: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users";

/// A log file of this test's own, removed when dropped.
struct LogFile(PathBuf);

impl LogFile {
    fn new(name: &str, bytes: &[u8]) -> LogFile {
        let path =
            std::env::temp_dir().join(format!("credflow-diagnose-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("write the log");
        LogFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 path")
    }
}

impl Drop for LogFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).expect("JSON")
}

#[test]
fn text_shows_each_step_with_its_evidence_lines_the_missing_evidence_and_the_suggestions() {
    let log = LogFile::new("legacy.log", LEGACY_LOG.as_bytes());
    let o = credflow_with_input(&["diagnose", LEGACY_LINK, log.path()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Log: 4 entries (CMTrace 0, Legacy 2, columns 0, plain 2); written by: the SMS 2003 Legacy Client\n"), "{out}");
    assert!(
        out.contains("Plan: Fails at step 4 (Connect to share)"),
        "{out}"
    );
    // The share's step, with its line and the decoded code.
    let share = out
        .split("\n 4. ")
        .nth(1)
        .and_then(|s| s.split("\n 5. ").next())
        .expect("step 4");
    assert!(
        share.starts_with("connect-share    plan: fails    log: fails (strong)  \\\\fs01\\apps"),
        "{share}"
    );
    assert!(share.contains("line 1: Access denied on \\\\fs01\\apps (2147942405 = 0x80070005, E_ACCESSDENIED). [Q236052]"), "{share}");
    assert_contains(
        &out,
        &[
            // The run-as step: the log shows a failure the plan does not expect.
            " 2. run-as           plan: ok       log: fails (strong)",
            "The plan says this step succeeds; lines 4 and 5 show it fails.",
            // A step without evidence says so.
            " 1. schedule         plan: ok       log: no evidence",
            "No line of the log speaks about this step.",
            // The share the scenario lacks, and the suggestions with their links.
            "Evidence for steps this scenario does not have:\n    connect-share \\\\fs02\\tools\n       line 3:",
            "  - Use the Software Installation Account\n",
            "    #v=1&client=legacy&sia=1&share=%5C%5Cfs01%5Capps~users\n",
            "  - Add the share \\\\fs02\\tools\n",
            "    #v=1&client=legacy&share=%5C%5Cfs01%5Capps~users&share=%5C%5Cfs02%5Ctools~\n",
        ],
    );
}

#[test]
fn a_suggested_link_is_a_link_credflow_plans() {
    let log = LogFile::new("suggest.log", LEGACY_LOG.as_bytes());
    let out = stdout(&credflow_with_input(
        &["diagnose", LEGACY_LINK, log.path()],
        b"",
    ));
    let links: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("#v=1"))
        .collect();
    assert_eq!(links.len(), 2, "{out}");
    for link in links {
        let o = credflow_with_input(&["plan", link, "--json"], b"");
        assert!(o.status.success(), "{link}: {}", stderr(&o));
    }
}

#[test]
fn json_is_the_diagnosis() {
    let log = LogFile::new("json.log", LEGACY_LOG.as_bytes());
    let j = json(&credflow_with_input(
        &["diagnose", LEGACY_LINK, log.path(), "--json"],
        b"",
    ));
    assert_eq!(j["entries"], 4);
    assert_eq!(j["client"], "legacy");
    assert_eq!(j["formats"]["legacy"], 2);
    let steps = j["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[3]["step"], "connect-share");
    assert_eq!(steps[3]["agreement"], "agrees");
    assert_eq!(steps[3]["resource"], "share:\\\\fs01\\apps");
    let e = &j["evidence"][steps[3]["evidence"][0].as_u64().expect("index") as usize];
    assert_eq!(e["lines"], serde_json::json!([1]));
    assert_eq!(e["code"]["hex"], "0x80070005");
    assert_eq!(e["code"]["spelled"], "2147942405");
    assert_eq!(steps[0]["agreement"], "no-evidence");
    let changes: Vec<&Value> = j["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .flat_map(|s| s["changes"].as_array().expect("changes"))
        .collect();
    assert!(changes.contains(&&serde_json::json!({"change": "set", "key": "sia", "value": "1"})));
    assert!(changes.contains(
        &&serde_json::json!({"change": "add-share", "unc": "\\\\fs02\\tools", "readers": []})
    ));
}

#[test]
fn the_log_comes_from_standard_input_without_a_file_or_with_dash() {
    for args in [
        vec!["diagnose", LEGACY_LINK, "--json"],
        vec!["diagnose", LEGACY_LINK, "-", "--json"],
    ] {
        let j = json(&credflow_with_input(&args, LEGACY_LOG.as_bytes()));
        assert_eq!(j["entries"], 4, "{args:?}");
        assert_eq!(j["steps"][3]["agreement"], "agrees", "{args:?}");
    }
}

#[test]
fn without_a_link_the_default_scenario_is_read_against() {
    let log = LogFile::new("default.log", LEGACY_LOG.as_bytes());
    let j = json(&credflow_with_input(
        &["diagnose", log.path(), "--json"],
        b"",
    ));
    // The default scenario is the Advanced Client with no shares: both shares are missing,
    // and the Legacy lines suggest the Legacy Client.
    assert_eq!(j["steps"].as_array().expect("steps").len(), 4);
    assert_eq!(j["unplaced"].as_array().expect("unplaced").len(), 2);
    let titles: Vec<&str> = j["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert_eq!(
        titles[0], "Switch to the SMS 2003 Legacy Client",
        "{titles:?}"
    );
    // Standard input alone, no arguments but the command.
    let j = json(&credflow_with_input(
        &["diagnose", "--json"],
        LEGACY_LOG.as_bytes(),
    ));
    assert_eq!(j["entries"], 4);
}

#[test]
fn a_utf16_log_file_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(LEGACY_LOG.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let log = LogFile::new("utf16.log", &bytes);
    let j = json(&credflow_with_input(
        &["diagnose", LEGACY_LINK, log.path(), "--json"],
        b"",
    ));
    assert_eq!(j["entries"], 4);
    assert_eq!(j["steps"][3]["agreement"], "agrees");
}

#[test]
fn a_bad_link_exits_2_and_names_the_key() {
    let log = LogFile::new("bad.log", LEGACY_LOG.as_bytes());
    let o = credflow_with_input(&["diagnose", "#v=1&client=legacyy", log.path()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.starts_with("credflow: bad link: "), "{err}");
    assert!(err.contains("client=legacyy"), "{err}");
    let o = credflow_with_input(&["diagnose", "#v=1&colour=red", "--json"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("\"colour\""), "{}", stderr(&o));
}

#[test]
fn a_missing_file_or_two_standard_inputs_exit_2() {
    let o = credflow_with_input(
        &["diagnose", LEGACY_LINK, "/nonexistent/credflow/execmgr.log"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read the log /nonexistent/credflow/execmgr.log"));
    let o = credflow_with_input(&["diagnose", "-", "-"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot both come from standard input"));
    let o = credflow_with_input(&["diagnose", "a", "b", "c"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn an_empty_log_has_no_evidence_and_suggests_nothing() {
    let out = stdout(&credflow_with_input(&["diagnose", LEGACY_LINK], b""));
    assert!(out.starts_with("Log: 0 entries"), "{out}");
    assert!(
        out.contains("No line of the log matches a signature credflow knows"),
        "{out}"
    );
    assert!(
        out.ends_with("No change to the scenario suggested.\n"),
        "{out}"
    );
}
