//! Predict, then reveal: a classic case asked as a question and a learner's answers marked.

use credflow_core::presets::PRESETS;
use credflow_core::quiz::{answer, key_line, mark, question, Answer};
use credflow_core::{decode, plan, Identity, Outcome};

/// Rule book classic case 4: the Legacy Client reaches a non-SMS share as its token account,
/// which has no domain rights.
const CASE_4: &str = "v=1&client=legacy&share=%5C%5Cfs01%5Capps~users";

#[test]
fn the_plans_own_answer_scores_full_marks_in_every_classic_case() {
    for p in PRESETS {
        let plan = plan(&p.scenario());
        let m = mark(&plan, answer(&plan));
        assert_eq!(m.score, m.out_of, "{}: {:?}", p.id, m.lines);
        assert!(
            m.lines.iter().all(|l| l.starts_with("Right: ")),
            "{}: {:?}",
            p.id,
            m.lines
        );
        // What the learner picks from holds the answer.
        let q = question(&plan);
        if let Some(who) = answer(&plan).identity {
            assert!(q.identities.contains(&who), "{}", p.id);
        }
        assert_eq!(q.steps.len(), plan.steps.len());
    }
}

#[test]
fn case_4_asks_for_the_share_step_and_the_token_account() {
    let plan = plan(&decode(CASE_4).unwrap());
    assert_eq!(
        answer(&plan),
        Answer {
            outcome: Outcome::Fails,
            step: Some(4),
            identity: Some(Identity::ClientToken),
        }
    );
    let q = question(&plan);
    assert_eq!(q.steps[3], (4, r"Connect to \\fs01\apps".to_string()));
    // The token account, and the Legacy Client's other accounts to choose from.
    assert_eq!(q.identities[0], Identity::ClientToken);
    assert!(q
        .identities
        .contains(&Identity::SoftwareInstallationAccount));
    assert_eq!(
        key_line(&plan),
        "Fails at step 4 (Connect to share), as SMSCliToknLocalAcct&"
    );
}

#[test]
fn a_wrong_answer_says_what_was_right_and_what_the_answer_is() {
    let plan = plan(&decode(CASE_4).unwrap());
    // "It succeeds": nothing right, and the step and the account are told.
    let m = mark(
        &plan,
        Answer {
            outcome: Outcome::Ok,
            step: None,
            identity: None,
        },
    );
    assert_eq!((m.score, m.out_of), (0, 3));
    assert_eq!(
        m.lines,
        [
            "Not quite: it fails; you said it succeeds.",
            "It is step 4 (Connect to share); you named no step.",
            "SMSCliToknLocalAcct& is acting there; you named no account.",
        ]
    );
    // The right outcome and account at the wrong step: two of three.
    let m = mark(
        &plan,
        Answer {
            outcome: Outcome::Fails,
            step: Some(3),
            identity: Some(Identity::ClientToken),
        },
    );
    assert_eq!((m.score, m.out_of), (2, 3));
    assert_eq!(m.step_right, Some(false));
    assert_eq!(
        m.lines[1],
        "It is step 4 (Connect to share); you said step 3 (Fetch content)."
    );
    assert_eq!(m.lines[2], "Right: SMSCliToknLocalAcct& is acting there.");
}

#[test]
fn a_scenario_that_succeeds_is_one_question() {
    let plan = plan(&decode("v=1").unwrap());
    let m = mark(
        &plan,
        Answer {
            outcome: Outcome::Fails,
            step: Some(4),
            identity: Some(Identity::LocalSystem),
        },
    );
    assert_eq!((m.score, m.out_of), (0, 1));
    assert_eq!(m.lines, ["Not quite: it succeeds; you said it fails."]);
    assert_eq!(m.step_right, None);
}

/// What would give a question's answer away: an outcome's class, key or word, a step's reason
/// or fix, the verdict's headline.
fn giveaways(plan: &credflow_core::Plan) -> Vec<String> {
    let mut words: Vec<String> = [
        "outcome-ok",
        "outcome-fails",
        "outcome-at-risk",
        "outcome-waits",
        "not-reached",
        "data-reached",
        "v-ok",
        "v-fails",
        "v-at-risk",
        "v-waits",
        "succeeds",
        "fails",
        "at risk",
        "waits",
        "not reached",
        "denied",
        "tries to",
        "✓",
        "✕",
    ]
    .iter()
    .map(|w| w.to_string())
    .collect();
    for s in &plan.steps {
        for text in [Some(&s.reason), s.fix.as_ref()].into_iter().flatten() {
            if !text.is_empty() {
                words.push(credflow_core::svg::shown_text(text));
            }
        }
        words.extend(s.notes.iter().cloned());
    }
    words.push(credflow_core::present::headline(plan));
    words
}

#[test]
fn a_questions_diagram_shows_who_acts_on_what_and_no_outcome_in_every_classic_case() {
    for p in PRESETS {
        let plan = plan(&p.scenario());
        let d = credflow_core::quiz::diagram(&plan);
        let svg = credflow_core::svg::svg_question(&d);
        let text = d.text.join("\n");
        for word in giveaways(&plan) {
            let escaped = {
                let mut out = String::new();
                credflow_core::svg::escape(&mut out, &word);
                out
            };
            assert!(!svg.contains(&escaped), "{}: the SVG says {word:?}", p.id);
            assert!(!text.contains(&word), "{}: the text says {word:?}", p.id);
        }
        assert_eq!(d.edges.len(), plan.steps.len(), "{}", p.id);
        assert!(svg.contains("data-outcome=\"hidden\""), "{}", p.id);
        // Every step and the account it starts with are there.
        for (s, line) in plan.steps.iter().zip(&d.text) {
            assert!(
                line.starts_with(&format!("Step {}, {}:", s.n, s.step.label())),
                "{}: {line}",
                p.id
            );
        }
    }
}

/// The question's heading badge ("? your prediction") is drawn in a style of its own, light
/// and dark, not in the default black.
#[test]
fn a_questions_badge_has_its_colours() {
    let plan = plan(&decode(CASE_4).unwrap());
    let svg = credflow_core::svg::svg_question(&credflow_core::quiz::diagram(&plan));
    assert!(svg.contains("<g class=\"vd v-hidden\">"), "{svg}");
    let style = credflow_core::svg::STYLE;
    assert!(style.contains(".cf .v-hidden rect{fill:#f8fafc;stroke:#cbd5e1}"));
    assert!(style.contains(".cf .v-hidden text{fill:#475569}"));
    let themed = credflow_core::svg::themed_style(".diagram");
    assert!(themed.contains(".v-hidden rect"), "{themed}");
    assert!(themed.contains(".v-hidden text"), "{themed}");
}

#[test]
fn case_4s_question_names_the_token_account_at_the_share() {
    let plan = plan(&decode(CASE_4).unwrap());
    let d = credflow_core::quiz::diagram(&plan);
    assert!(
        d.text[3].contains("SMSCliToknLocalAcct&") && d.text[3].contains(r"\\fs01\apps"),
        "{}",
        d.text[3]
    );
}

#[test]
fn a_quiz_sets_progress_reads_back_as_saved_and_damage_is_named() {
    use credflow_core::quiz::{classic_set, Progress};
    let mut items = classic_set(&[3, 0, 16]);
    assert_eq!(items[0].link, PRESETS[3].link);
    items[0].answer = Some(Answer {
        outcome: Outcome::Fails,
        step: Some(4),
        identity: Some(Identity::ClientToken),
    });
    items[1].answer = Some(Answer {
        outcome: Outcome::Ok,
        step: None,
        identity: None,
    });
    items[2].title = "a\ttitle with a tab".into();
    let p = Progress { items, at: 2 };
    assert_eq!(Progress::read(&p.text()), Ok(p.clone()));
    for bad in [
        "",
        "nonsense",
        "credflow quiz 1\nat x\n",
        "credflow quiz 1\nat 0\n",
        "credflow quiz 1\nat 5\n-\tv=1\tcase\n",
        "credflow quiz 1\nat 0\nfails,4\tv=1\tcase\n",
        "credflow quiz 1\nat 0\nbroken,-,-\tv=1\tcase\n",
        "credflow quiz 1\nat 0\n-\tv=1\n",
    ] {
        assert!(Progress::read(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn a_trainers_list_keeps_the_links_it_can_read_and_names_the_others() {
    let list = "#v=1&client=legacy\n\n  https://wiki.example/credflow/#v=1&client=bogus  \nv=1&view=embed&quiz=1\nhello";
    let (items, problems) = credflow_core::quiz::read_list(list);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].link, "v=1&client=legacy");
    assert_eq!(items[1].link, "v=1");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("Line 3 (") && problems[0].contains("client=bogus"),
        "{}",
        problems[0]
    );
    assert!(problems[1].starts_with("Line 5 (hello)"), "{}", problems[1]);
}

#[test]
fn a_question_of_sixty_shares_counts_no_outcomes_in_its_summary_row() {
    // Every other share refuses the token account.
    let mut link = String::from("v=1&client=legacy&sia=1&siacct=set");
    for i in 0..60 {
        let reader = if i % 2 == 0 { "siacct" } else { "" };
        link.push_str(&format!("&share=%5C%5Cfs01%5Capps{i}~{reader}"));
    }
    let plan = plan(&decode(&link).unwrap());
    assert_eq!(plan.verdict, Outcome::Fails);
    let d = credflow_core::quiz::diagram(&plan);
    assert!(
        d.edges.iter().any(|e| e.collapsed.is_some()),
        "no summary row"
    );
    let svg = credflow_core::svg::svg_question(&d);
    for word in [" ok", "fail", "succeed", "not reached"] {
        assert!(!svg.contains(word), "the question says {word:?}");
        for line in &d.text {
            assert!(!line.contains(word), "{line}");
        }
    }
    assert!(svg.contains("outcomes hidden"));
}
