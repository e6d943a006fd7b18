//! Share paths as an administrator writes them: `//fs01/apps` and the
//! long-path form `\\?\UNC\fs01\apps` are `\\fs01\apps`; the characters Windows forbids in
//! names, local and device paths are refused with a message that says why; the same share
//! twice (`\\FS01\APPS` after `\\fs01\apps`) is refused in a link, naming both.

use credflow_core::link::decode_lenient;
use credflow_core::scenario::{check_unc, listed_share, same_unc};
use credflow_core::{decode, encode, LinkError, Readers, Scenario, Share};

#[test]
fn forward_slashes_are_written_as_backslashes() {
    for typed in [r"//fs01/apps", r"\\fs01/apps", r"//fs01\apps"] {
        assert_eq!(check_unc(typed).as_deref(), Ok(r"\\fs01\apps"), "{typed}");
    }
    assert_eq!(
        check_unc("//fs01/apps/setup files/x86").as_deref(),
        Ok(r"\\fs01\apps\setup files\x86")
    );
}

#[test]
fn the_long_path_form_is_the_same_share() {
    for typed in [
        r"\\?\UNC\fs01\apps",
        r"\\?\unc\fs01\apps",
        r"\\.\UNC\fs01\apps",
        r"//?/UNC/fs01/apps",
    ] {
        assert_eq!(check_unc(typed).as_deref(), Ok(r"\\fs01\apps"), "{typed}");
    }
    assert_eq!(
        check_unc(r"\\?\UNC\fs01\apps\sub").as_deref(),
        Ok(r"\\fs01\apps\sub")
    );
    // Never a server named "?".
    assert!(check_unc(r"\\?\UNC\fs01").is_err());
}

#[test]
fn device_and_local_paths_are_refused_saying_what_they_are() {
    for (typed, words) in [
        (r"\\?\C:\apps", "device path"),
        (r"\\.\pipe\apps", "device path"),
        (r"C:\apps", "local path"),
        (r"c:/apps", "local path"),
        (r"fs01\apps", "not a UNC path"),
    ] {
        let e = check_unc(typed).expect_err(typed);
        assert!(e.contains(words), "{typed}: {e}");
    }
}

#[test]
fn characters_windows_forbids_in_names_are_refused_naming_them() {
    for (typed, c) in [
        (r"\\fs01\ap<ps", '<'),
        (r"\\fs01\apps>", '>'),
        (r"\\fs01\apps\a:b", ':'),
        (r#"\\fs01\"apps""#, '"'),
        (r"\\fs01\apps|x", '|'),
        (r"\\fs01\apps\what?", '?'),
        (r"\\fs01\*", '*'),
        (r"\\fs:01\apps", ':'),
    ] {
        let e = check_unc(typed).expect_err(typed);
        assert!(e.contains(&format!("\"{c}\"")), "{typed}: {e}");
        assert!(e.contains("Windows allows none of"), "{typed}: {e}");
    }
}

#[test]
fn paths_that_were_good_stay_good_and_unchanged() {
    for unc in [
        r"\\fs01\apps",
        r"\\fs01\PROGRA~1",
        r"\\fs01.corp.example\apps$\Office 2003\setup.exe",
        r"\\10.0.0.5\d$",
        r"\\srv\&lt;b&gt; (x) [y] {z} 'q' #1 %2 +3 =4 ;5 ,6",
        r"\\srv\日本\🙂",
    ] {
        assert_eq!(check_unc(unc).as_deref(), Ok(unc));
    }
    let longest = format!(r"\\fs01\{}", "a".repeat(260 - 7));
    assert_eq!(check_unc(&longest).as_deref(), Ok(longest.as_str()));
    let e = check_unc(&format!("{longest}a")).unwrap_err();
    assert!(e.contains("261") && e.contains("260"), "{e}");
}

#[test]
fn the_same_share_in_any_case_is_one_share() {
    assert!(same_unc(r"\\fs01\apps", r"\\FS01\APPS"));
    assert!(same_unc(r"\\fs01\apps", r"\\fs01\apps\"));
    assert!(!same_unc(r"\\fs01\apps", r"\\fs01\apps\sub"));
    assert!(!same_unc(r"\\fs01\apps", r"\\fs02\apps"));
    // Windows ignores case in every alphabet a share name is written in, not only ASCII.
    assert!(same_unc(r"\\FS01\BÜRO\Ölprüfung", r"\\fs01\büro\ölprüfung"));
    assert!(same_unc(r"\\fs01\ŁÓDŹ-ŸŒ", r"\\FS01\łódź-ÿœ"));
    assert!(same_unc(r"\\ΑΘΗΝΑ\ΑΡΧΕΙΑ", r"\\αθηνα\αρχεια"));
    assert!(same_unc(r"\\МОСКВА\ПРОГРАММЫ-Ё", r"\\москва\программы-ё"));
    assert!(!same_unc(r"\\fs01\büro", r"\\fs01\buro"));
    assert!(!same_unc(r"\\fs01\a×b", r"\\fs01\a÷b"));
    let shares = [
        Share::new(r"\\fs02\x", Readers::NONE),
        Share::new(r"\\fs01\apps", Readers::NONE),
    ];
    assert_eq!(listed_share(&shares, r"\\FS01\Apps"), Some(1));
    assert_eq!(listed_share(&shares, r"\\fs03\apps"), None);
}

#[test]
fn a_link_refuses_a_share_listed_twice_naming_both() {
    for (second, written) in [
        ("%5C%5Cfs01%5Capps", r"\\fs01\apps"),
        ("%5C%5CFS01%5CAPPS", r"\\FS01\APPS"),
        ("%2F%2Ffs01%2Fapps", r"\\fs01\apps"),
    ] {
        let input = format!("v=1&share=%5C%5Cfs01%5Capps~users&share={second}~naa");
        let (link, errors) = decode_lenient(&input);
        assert_eq!(
            errors,
            [LinkError::DuplicateShare {
                share: written.into(),
                first: r"\\fs01\apps".into()
            }],
            "{input}"
        );
        let text = errors[0].to_string();
        assert!(
            text.contains(written) && text.contains("listed twice"),
            "{text}"
        );
        // The first is read.
        assert_eq!(link.scenario.shares.len(), 1);
    }
}

#[test]
fn a_link_reads_forward_slashes_and_the_long_path_form_and_writes_backslashes() {
    for share in [
        "%2F%2Ffs01%2Fapps",
        "%5C%5C%3F%5CUNC%5Cfs01%5Capps",
        "//fs01/apps",
    ] {
        let s = decode(&format!("v=1&share={share}~users")).expect(share);
        assert_eq!(s.shares[0].unc, r"\\fs01\apps");
        assert_eq!(encode(&s), "v=1&share=%5C%5Cfs01%5Capps~users");
    }
    assert_eq!(
        decode("v=1").unwrap(),
        Scenario::default(),
        "nothing else changes"
    );
}

#[test]
fn a_link_refuses_forbidden_characters_naming_the_share() {
    let (_, errors) = decode_lenient("v=1&share=%5C%5Cfs01%5Cap%3Cps~users");
    let text = errors[0].to_string();
    assert!(
        text.starts_with(r#"share "\\fs01\ap<ps" has "<""#),
        "{text}"
    );
}

#[test]
fn a_comparison_and_a_log_match_share_paths_as_a_link_does() {
    // The comparison lines up the two plans' steps on the same share in any case.
    let a = Scenario {
        shares: vec![Share::new(r"\\fs01\Büro", Readers::NONE)],
        ..Scenario::default()
    };
    let b = Scenario {
        shares: vec![Share::new(r"\\FS01\BÜRO", Readers::NONE)],
        ..Scenario::default()
    };
    let rows = credflow_core::compare::compare(&a, &b).rows;
    assert!(
        rows.iter().all(|r| r.a.is_some() && r.b.is_some()),
        "one share on both sides, yet a row has a step on one side only"
    );
    // A log's path names the scenario's share in any case.
    assert!(
        credflow_core::diagnose::same_place(r"\\fs01\Büro", r"\\FS01\BÜRO\setup.exe").is_some()
    );
    assert!(
        credflow_core::diagnose::same_place(r"\\fs01\Büro", r"\\fs01\Buro\setup.exe").is_none()
    );
}
