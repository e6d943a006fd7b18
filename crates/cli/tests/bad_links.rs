//! `credflow` on a link with mistakes: it exits 2, prints nothing
//! on standard output, and names every part that is wrong — the reader of a share, a share
//! listed twice, a character Windows forbids — one line each; `//fs01/apps` is read as
//! `\\fs01\apps`.

mod common;
use common::{credflow, stderr};

#[test]
fn a_bad_reader_is_named_with_its_share() {
    for args in [
        vec!["plan", "#v=1&share=%5C%5Cfs01%5Capps~bogus"],
        vec!["plan", "#v=1&share=%5C%5Cfs01%5Capps~bogus", "--json"],
        vec!["render", "#v=1&share=%5C%5Cfs01%5Capps~bogus"],
    ] {
        let o = credflow(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains(r#"reader "bogus" of share "\\fs01\apps""#),
            "{args:?}: {err}"
        );
        assert!(!err.contains("share=bogus"), "{err}");
    }
}

#[test]
fn every_mistake_gets_its_own_line() {
    let o = credflow(&[
        "plan",
        "v=1&colour=red&share=%5C%5Cfs01%5Capps~users&share=%5C%5CFS01%5CAPPS~naa\
         &share=%5C%5Cfs02%5Ca%3Cb~users",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines.iter().all(|l| l.starts_with("credflow: bad link: ")),
        "{err}"
    );
    assert!(lines[0].contains("colour"), "{err}");
    assert!(
        lines[1].contains(r"\\FS01\APPS") && lines[1].contains("listed twice"),
        "{err}"
    );
    assert!(lines[2].contains(r#"has "<""#), "{err}");
}

#[test]
fn forward_slashes_are_read_as_a_share_path() {
    let o = credflow(&["plan", "v=1&share=//fs01/apps~domain-computers"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains(r"\\fs01\apps"), "{out}");
}
