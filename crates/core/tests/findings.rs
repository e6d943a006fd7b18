//! Findings told once: `Connect to share` steps that fail alike — the
//! same identity, outcome, reason and fix but for the path — are one finding that lists the
//! shares; steps that differ stay apart; a reason does not say the same thing twice.

use credflow_core::present::{findings, step_numbers, Shown};
use credflow_core::{decode, plan, Outcome, Plan};

fn plan_of(link: &str) -> Plan {
    plan(&decode(link).expect("link"))
}

/// `v=1` and `n` shares `\\fs01\apps` … readable by `readers`.
fn shares(base: &str, n: usize, readers: &str) -> String {
    let mut link = base.to_string();
    for i in 1..=n {
        link.push_str(&format!("&share=%5C%5Cfs{i:02}%5Capps~{readers}"));
    }
    link
}

#[test]
fn eight_shares_that_fail_alike_are_one_finding_listing_them() {
    // Domain Users only, no Network Access Account: each share denies the computer account.
    let p = plan_of(&shares("v=1", 8, "domain-users"));
    let f = findings(&p);
    assert_eq!(f.len(), 1, "{f:#?}");
    let g = &f[0];
    assert_eq!(g.steps, (4..=11).collect::<Vec<_>>());
    assert_eq!(g.shown, Shown::Reached(Outcome::Fails));
    assert_eq!(
        g.title,
        "Steps 4–11: Connect to 8 shares — fails at step 4; steps 5–11 not reached (would also fail)"
    );
    assert_eq!(g.shares.len(), 8);
    assert_eq!(g.shares[0], r"\\fs01\apps");
    assert_eq!(g.shares[7], r"\\fs08\apps");
    assert!(
        g.text
            .starts_with(r"DOMAIN\COMPUTER$ connects to each of these shares. "),
        "{}",
        g.text
    );
    // No single path in the shared words: they hold for every share listed.
    for text in [&g.text, g.fix.as_ref().unwrap()] {
        assert!(!text.contains(r"\\fs0"), "{text}");
    }
    assert!(
        g.fix
            .as_ref()
            .unwrap()
            .contains("read on each of these shares"),
        "{:?}",
        g.fix
    );
}

#[test]
fn shares_that_fail_differently_stay_apart() {
    // The first two deny the computer account (Domain Users); the third is readable; the
    // fourth only the Network Access Account may read (different words).
    let link = "v=1&share=%5C%5Cfs01%5Ca~domain-users&share=%5C%5Cfs02%5Cb~domain-users\
                &share=%5C%5Cfs03%5Cc~domain-computers&share=%5C%5Cfs04%5Cd~naa";
    let p = plan_of(link);
    let f = findings(&p);
    let steps: Vec<Vec<usize>> = f.iter().map(|f| f.steps.clone()).collect();
    assert_eq!(steps, [vec![4, 5], vec![7]], "{f:#?}");
    assert!(f[0].title.starts_with("Steps 4 and 5: Connect to 2 shares"));
    assert!(f[1].title.starts_with(r"Step 7: Connect to \\fs04\d — "));
    assert!(f[1].shares.is_empty());
}

#[test]
fn one_failing_share_is_one_finding_as_before() {
    let p = plan_of("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users");
    let f = findings(&p);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].title, r"Step 4: Connect to \\fs01\apps — fails");
    assert!(f[0].shares.is_empty());
    assert_eq!(f[0].steps, [4]);
}

#[test]
fn the_token_accounts_reason_says_local_rights_only_once() {
    let p = plan_of("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users");
    let reason = &p.steps[3].reason;
    assert_eq!(reason.matches("local rights only").count(), 1, "{reason}");
    assert!(
        reason.contains("counts as nobody on the network; readers: Authenticated Users."),
        "{reason}"
    );
}

#[test]
fn step_numbers_are_ranges() {
    assert_eq!(step_numbers(&[4]), "step 4");
    assert_eq!(step_numbers(&[4, 5]), "steps 4 and 5");
    assert_eq!(step_numbers(&[4, 5, 6, 7]), "steps 4–7");
    assert_eq!(step_numbers(&[4, 6, 7, 8, 10]), "steps 4, 6–8 and 10");
}
