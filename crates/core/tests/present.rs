//! What a person reads about a plan (`present`): the page, the diagram and the CLI all take
//! these words, so these tests are the words' one check.

use credflow_core::present::{
    banner, change_sentence, default_step, headline, status, step_name, warnings, would, Shown,
};
use credflow_core::{decode, normalise, plan, Outcome, Plan};

fn plan_of(link: &str) -> Plan {
    plan(&decode(link).expect("link"))
}

#[test]
fn a_step_after_a_failure_is_shown_as_not_reached_with_what_it_would_do() {
    // Classic case 4: the token account fails at the share; Install is never reached.
    let p = plan_of("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users");
    let install = p.steps.last().unwrap();
    assert_eq!(install.outcome, Outcome::Ok);
    assert_eq!(Shown::of(install), Shown::NotReached);
    assert_eq!(Shown::of(install).words(), "not reached");
    assert_eq!(Shown::of(install).marker(), "–", "never the green tick");
    assert_eq!(would(install), Some("would succeed"));
    let share = &p.steps[3];
    assert_eq!(Shown::of(share), Shown::Reached(Outcome::Fails));
    assert_eq!(would(share), None);
}

#[test]
fn a_later_problem_that_is_not_reached_would_also_fail() {
    // The drive letter is taken (step 4), and the mapped drive (step 5) would fail too.
    let p = plan_of("v=1&deploy=rundp&drive=fixed&letter=taken&mapped=1");
    let mapped = &p.steps[4];
    assert_eq!(Shown::of(mapped), Shown::NotReached);
    assert_eq!(would(mapped), Some("would also fail"));
    assert_eq!(
        headline(&p),
        "Fails at step 4 (Map drive); 1 later step would also fail"
    );
}

#[test]
fn the_headline_tells_the_story_in_order() {
    // "Run with user's rights" from the defaults: nobody is logged on, so the program waits
    // for a logon; then a standard user cannot write HKLM.
    let p = plan_of("v=1&run=user&when=user");
    assert_eq!(
        headline(&p),
        "Waits for a user to log on, then fails at step 4 (Install)"
    );
    assert_eq!(plan_of("v=1").verdict, Outcome::Ok);
    assert_eq!(headline(&plan_of("v=1")), "Succeeds");
    assert_eq!(
        headline(&plan_of("v=1&naa=set&share=%5C%5Cfs01%5Capps~naa")),
        "At risk at step 4 (Connect to share)"
    );
    assert_eq!(
        headline(&plan_of("v=1&boundary=slow")),
        "Waits for a distribution point on a fast boundary"
    );
}

#[test]
fn the_lock_out_warning_goes_with_the_verdict() {
    // Classic case 8: the DC's shared token account on the network.
    let p = plan_of("v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users");
    let b = banner(&p);
    assert_eq!(b.outcome, Outcome::Fails);
    assert_eq!(b.warnings.len(), 1);
    assert!(b.warnings[0].contains("lock it out"), "{:?}", b.warnings);
    // Off a domain controller there is nothing to warn of.
    assert!(warnings(&plan_of("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users")).is_empty());
}

#[test]
fn steps_are_named_by_what_they_do() {
    let p = plan_of("v=1&share=%5C%5Cfs01%5Capps~domain-computers&mapped=1&ui=prompts");
    let names: Vec<String> = p.steps.iter().map(step_name).collect();
    assert_eq!(
        names,
        [
            "Schedule",
            "Run as",
            "Fetch content",
            r"Connect to \\fs01\apps",
            "Use mapped drive",
            "User input",
            "Install"
        ]
    );
}

#[test]
fn one_marker_per_outcome_everywhere() {
    assert_eq!(status(Outcome::Waits), "◷ waits");
    assert_eq!(Shown::Reached(Outcome::Waits).marker(), "◷");
    assert_eq!(Shown::Reached(Outcome::Fails).marker(), "✕");
}

#[test]
fn the_first_problem_is_selected_first() {
    assert_eq!(default_step(&plan_of("v=1")), None);
    assert_eq!(default_step(&plan_of("v=1&run=user&when=user")), Some(4));
    assert_eq!(default_step(&plan_of("v=1&installer=msi-user")), Some(4));
}

#[test]
fn a_normalised_input_is_said_in_the_wizards_words() {
    let (_, changes) = normalise(decode("v=1&client=advanced&os=vista").unwrap());
    assert_eq!(
        change_sentence(&changes[0]),
        "Operating system changed from “Windows Vista / Server 2008” to “Windows 2000 / XP / Server 2003”: Windows Vista is modelled for the ConfigMgr 2007 client only."
    );
}
