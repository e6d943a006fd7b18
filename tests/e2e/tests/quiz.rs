//! Predict, then reveal: a quiz link asks its scenario with every outcome hidden, marks the
//! learner's answer and then shows the plan, the why and the fix; a quiz set of the classic
//! cases runs to a score and an answer key, and resumes after a reload; axe finds nothing in
//! the question or the answer, in the page and in the embed view. What the page should say is
//! computed natively by the same core.

use credflow_core::link::{encode_link, Link, View};
use credflow_core::present::{banner, headline};
use credflow_core::presets::PRESETS;
use credflow_core::quiz::{self, Answer};
use credflow_core::{plan, Identity, Outcome, Plan};
use credflow_e2e::{assert_no_violations, js, Answer as Served, Harness};
use fantoccini::key::Key;
use serde_json::Value;

/// Classic case `n` (1-based) as a quiz link, in the page or the embed view.
fn quiz_link(n: usize, view: View) -> String {
    let link = Link {
        scenario: PRESETS[n - 1].scenario(),
        view,
        quiz: true,
        ..Link::default()
    };
    format!("#{}", encode_link(&link))
}

fn case(n: usize) -> Plan {
    plan(&PRESETS[n - 1].scenario())
}

/// Opens a question and waits for its form.
async fn open_question(page: &Harness, link: &str) {
    page.open(link).await;
    page.wait_for("#quiz-diagram svg").await;
    page.wait_for("#quiz-check").await;
}

/// A fresh browser on the question of classic case 4, and the case's plan.
async fn question_4() -> (Harness, Plan) {
    let page = Harness::start().await;
    open_question(&page, &quiz_link(4, View::Full)).await;
    (page, case(4))
}

/// Answers the question on screen as a learner would, and waits for the marking.
async fn give(page: &Harness, a: Answer) {
    page.choose(&format!("quiz-outcome-{}", a.outcome.key()))
        .await;
    if let Some(n) = a.step {
        page.select("quiz-step", &n.to_string()).await;
    }
    if let Some(who) = a.identity {
        page.choose(&format!("quiz-identity-{}", who.key())).await;
    }
    page.click("#quiz-check").await;
    page.wait_for("#quiz-result").await;
}

/// Clicks a button of the planner's Quiz section. The sections around it are drawn only when
/// scrolled to (`content-visibility`), which moves it: it is brought into view until it stays.
async fn start_with(page: &Harness, css: &str) {
    page.wait_for(css).await;
    for _ in 0..3 {
        page.eval(&format!(
            "document.querySelector({}).scrollIntoView({{ block: 'center' }})",
            js(css)
        ))
        .await;
        page.settle().await;
    }
    page.click(css).await;
}

/// Every text of the page a person or a screen reader could meet: the text of every node
/// (the SVG's `<title>` and `<desc>` too) and every attribute's value.
async fn everything(page: &Harness) -> String {
    page.eval(
        "return document.body.textContent + '\\n' + [...document.querySelectorAll('*')]\
           .flatMap(e => [...e.attributes].map(a => a.value)).join('\\n')",
    )
    .await
    .as_str()
    .unwrap()
    .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_for_case_4_hides_every_outcome_until_answered() {
    let (page, plan) = question_4().await;
    // The question: the scenario in words and who acts on what, step by step.
    page.wait_for_text(".quiz-inputs", "SMS 2003 Legacy Client")
        .await;
    page.wait_for_text(
        ".quiz-structure",
        r"SMSCliToknLocalAcct& connects to \\fs01\apps",
    )
    .await;
    let state = page
        .eval(
            "return {\
               verdict: !!document.getElementById('verdict'),\
               details: !!document.getElementById('step-details'),\
               findings: !!document.querySelector('.findings-section'),\
               diagram: !!document.getElementById('diagram'),\
               outcomes: [...document.querySelectorAll('[class*=\"outcome-\"], [data-outcome]')]\
                 .map(e => (e.getAttribute('class') || '') + ' ' + (e.dataset.outcome || '')),\
               steps: document.querySelectorAll('#quiz-diagram [data-step]').length,\
               drawn: document.getElementById('quiz-diagram').textContent,\
             }",
        )
        .await;
    for (key, what) in [
        ("verdict", "a verdict"),
        ("details", "step details"),
        ("findings", "findings"),
        ("diagram", "the answer's diagram"),
    ] {
        assert_eq!(state[key], Value::Bool(false), "{what} before the answer");
    }
    assert_eq!(state["steps"], plan.steps.len());
    for shown in state["outcomes"].as_array().unwrap() {
        let shown = shown.as_str().unwrap();
        for key in ["ok", "at-risk", "waits", "fails"] {
            assert!(
                !shown
                    .split(' ')
                    .any(|w| w == key || w == format!("outcome-{key}")),
                "an element shows the outcome {key}: {shown}"
            );
        }
    }
    let drawn = state["drawn"].as_str().unwrap().to_lowercase();
    for word in [
        "fail",
        "succeed",
        "at risk",
        "waits",
        "denied",
        "not reached",
        "✕",
        "✓",
    ] {
        assert!(
            !drawn.contains(word),
            "the question's diagram says {word:?}: {drawn}"
        );
    }
    // No reason, fix or verdict anywhere: text, tooltips, labels, attributes.
    let all = everything(&page).await;
    let b = banner(&plan);
    let mut secrets = vec![headline(&plan), b.reason.clone()];
    secrets.extend(b.fix.clone());
    for s in &plan.steps {
        secrets.push(s.reason.clone());
        secrets.extend(s.fix.clone());
    }
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        assert!(
            !all.contains(secret.as_str()),
            "the question gives away {secret:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_right_answer_scores_full_marks_and_reveals_the_why_and_the_fix() {
    let page = Harness::start().await;
    let plan = case(4);
    let right = quiz::answer(&plan);
    assert_eq!(right.step, Some(4));
    open_question(&page, &quiz_link(4, View::Full)).await;
    give(&page, right).await;
    let result = page.wait_for_text("#quiz-result", "3 of 3 right").await;
    for line in quiz::mark(&plan, right).lines {
        assert!(result.contains(&line), "{line:?} not in {result:?}");
    }
    // Announced once, politely, and the focus on the result.
    page.wait_until(
        "document.getElementById('quiz-status').textContent.startsWith('3 of 3 right.')",
    )
    .await;
    page.wait_until("document.activeElement && document.activeElement.id === 'quiz-result'")
        .await;
    // The answer: the verdict with its reason and fix, the diagram with its outcomes, the
    // failing step's why and fix.
    let b = banner(&plan);
    page.wait_verdict("fails", &headline(&plan)).await;
    page.wait_for_text("#verdict .verdict-reason", &b.reason)
        .await;
    page.wait_for_text("#verdict .verdict-fix", b.fix.as_deref().unwrap())
        .await;
    page.wait_for("#diagram svg .step.outcome-fails[data-step=\"4\"]")
        .await;
    let step = &plan.steps[3];
    page.wait_for_text("#step-details .reason", &step.reason)
        .await;
    page.wait_for_text("#step-details .fix", step.fix.as_deref().unwrap())
        .await;
    // A question is not the reader's own scenario: nothing saved as theirs.
    assert_eq!(
        page.eval("return localStorage.getItem('credflow.scenario')")
            .await,
        Value::Null
    );
    // The planner, for the same scenario, without the quiz.
    let href = page
        .eval("return document.getElementById('quiz-planner').getAttribute('href')")
        .await;
    let href = href.as_str().unwrap();
    assert!(href.ends_with(&format!("#{}", PRESETS[3].link)), "{href}");
    page.click("#quiz-planner").await;
    page.wait_for("#wizard-title, .wizard-column").await;
    page.wait_verdict("fails", &headline(&plan)).await;
    assert!(!page
        .eval("return location.hash")
        .await
        .as_str()
        .unwrap()
        .contains("quiz"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_answer_scores_less_and_says_what_was_right() {
    let page = Harness::start().await;
    let plan = case(4);
    // Right outcome and step, the wrong account.
    let partly = Answer {
        outcome: Outcome::Fails,
        step: Some(4),
        identity: Some(Identity::SoftwareInstallationAccount),
    };
    let marked = quiz::mark(&plan, partly);
    assert_eq!((marked.score, marked.out_of), (2, 3));
    open_question(&page, &quiz_link(4, View::Full)).await;
    give(&page, partly).await;
    let result = page.wait_for_text("#quiz-result", "2 of 3 right").await;
    for line in &marked.lines {
        assert!(result.contains(line.as_str()), "{line:?} not in {result:?}");
    }
    assert!(result.contains("Right: step 4"), "{result}");
    assert!(
        result.contains("SMSCliToknLocalAcct& is acting there; you said"),
        "{result}"
    );
    // All wrong: it succeeds, says the learner.
    open_question(&page, &quiz_link(4, View::Full)).await;
    give(
        &page,
        Answer {
            outcome: Outcome::Ok,
            step: None,
            identity: None,
        },
    )
    .await;
    let result = page.wait_for_text("#quiz-result", "0 of 3 right").await;
    assert!(
        result.contains("Not quite: it fails; you said it succeeds."),
        "{result}"
    );
    page.wait_verdict("fails", &headline(&plan)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_set_of_the_seventeen_classic_cases_runs_to_a_score_and_an_answer_key() {
    let page = Harness::opened_at("", "#quiz-start-order").await;
    page.settle().await;
    assert_no_violations(&page, "the planner with its Quiz section").await;
    start_with(&page, "#quiz-start-order").await;
    let mut total = (0, 0);
    for (i, p) in PRESETS.iter().enumerate() {
        let n = i + 1;
        page.wait_for_text(
            "#quiz-question",
            &format!("Question {n} of 17: {}", p.title),
        )
        .await;
        page.wait_for("#quiz-check").await;
        let plan = plan(&p.scenario());
        // The first answered wrongly: it fails at step 1, as the logged-on user.
        let given = if n == 1 {
            Answer {
                outcome: Outcome::Fails,
                step: Some(1),
                identity: Some(Identity::LoggedOnUser),
            }
        } else {
            quiz::answer(&plan)
        };
        let m = quiz::mark(&plan, given);
        total = (total.0 + m.score, total.1 + m.out_of);
        give(&page, given).await;
        page.wait_for_text(
            "#quiz-result",
            &format!("{} of {} right", m.score, m.out_of),
        )
        .await;
        if n == 1 {
            page.wait_for("#diagram svg").await;
            page.settle().await;
            assert_no_violations(&page, "a quiz set's answer").await;
        }
        if n == 3 {
            // A reload resumes the set where it was, with the answer given.
            page.client().refresh().await.unwrap();
            page.wait_for_text("#quiz-question", "Question 3 of 17")
                .await;
            page.wait_for_text(
                "#quiz-result",
                &format!("{} of {} right", m.score, m.out_of),
            )
            .await;
        }
        page.click("#quiz-next").await;
    }
    assert_eq!(
        total.0 + 1,
        total.1,
        "only the first question loses its one part"
    );
    let score = page
        .wait_for_text(
            "#quiz-score-title",
            &format!("Your score: {} of {}", total.0, total.1),
        )
        .await;
    assert!(score.contains("Your score"), "{score}");
    page.wait_until("document.activeElement && document.activeElement.id === 'quiz-score'")
        .await;
    assert_no_violations(&page, "a quiz set's score").await;
    let each = page.text(".quiz-each").await;
    assert!(
        each.contains(&format!("1. {}: 0 of 1", PRESETS[0].title)),
        "{each}"
    );
    let key = page
        .eval(
            "return [...document.querySelectorAll('.quiz-key-list li')].map(li => li.textContent)",
        )
        .await;
    let key: Vec<&str> = key
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(key.len(), 17);
    for (i, (line, p)) in key.iter().zip(PRESETS).enumerate() {
        let expected = format!(
            "{}. {} — {}",
            i + 1,
            p.title,
            quiz::key_line(&plan(&p.scenario()))
        );
        assert_eq!(*line, expected);
    }
    // Printed, the key alone.
    page.print_media(true).await;
    let shown = page
        .eval(
            "return [...document.querySelectorAll('main.quiz-page > *')]\
               .filter(e => getComputedStyle(e).display !== 'none').map(e => e.id)",
        )
        .await;
    assert_eq!(shown, serde_json::json!(["quiz-key"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trainers_list_leaves_out_what_it_cannot_read_and_damaged_progress_starts_afresh() {
    let page = Harness::opened_at("", "#quiz-links").await;
    let list = format!(
        "{}\nv=1&client=nonsense\n#{}\n",
        PRESETS[3].link, PRESETS[7].link
    );
    page.eval(&format!(
        "const t = document.getElementById('quiz-links'); t.value = {};\
         t.dispatchEvent(new Event('input', {{ bubbles: true }}));",
        js(&list)
    ))
    .await;
    start_with(&page, "#quiz-start-links").await;
    page.wait_for_text("#quiz-question", "Question 1 of 2")
        .await;
    let left_out = page.wait_for_text("#quiz-left-out", "Line 2").await;
    assert!(left_out.contains("client=nonsense"), "{left_out}");
    // Progress that cannot be read: said, cleared, and the question still asked.
    page.eval("localStorage.setItem('credflow.quiz', 'credflow quiz 1\\nat 9\\n<b>broken')")
        .await;
    open_question(&page, &quiz_link(4, View::Full)).await;
    page.wait_for_text("#quiz-damaged", "could not be read")
        .await;
    assert_eq!(
        page.eval("return localStorage.getItem('credflow.quiz')")
            .await,
        Value::Null
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_nothing_in_the_question_or_the_answer_in_the_page_and_the_embed_view() {
    let page = Harness::start().await;
    let plan = case(4);
    for view in [View::Full, View::Embed] {
        open_question(&page, &quiz_link(4, view)).await;
        page.settle().await;
        assert_no_violations(&page, &format!("the question ({view:?})")).await;
        give(&page, quiz::answer(&plan)).await;
        page.wait_verdict("fails", &headline(&plan)).await;
        page.wait_for("#diagram svg").await;
        page.settle().await;
        assert_no_violations(&page, &format!("the answer ({view:?})")).await;
    }
    // The embed view links to the planner in a new tab.
    let target = page
        .eval("return document.getElementById('quiz-planner').getAttribute('target')")
        .await;
    assert_eq!(target, Value::String("_blank".into()));
}

/// The id of the element with the keyboard's focus.
async fn focused(page: &Harness) -> String {
    page.eval_text("return document.activeElement ? document.activeElement.id : ''")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_is_answered_with_the_keyboard_alone() {
    let (page, plan) = question_4().await;
    page.settle().await;
    // Into the outcome radios, then down to "It fails" (arrow keys choose in a radio group).
    page.eval("document.getElementById('quiz-outcome-ok').focus()")
        .await;
    page.press(&[' ']).await;
    page.press_keys(&[Key::Down, Key::Down, Key::Down]).await;
    page.wait_checked("quiz-outcome-fails").await;
    // Tab to the step (enabled now), and type its number.
    page.press_keys(&[Key::Tab]).await;
    assert_eq!(focused(&page).await, "quiz-step");
    page.press(&['4']).await;
    page.wait_until("document.getElementById('quiz-step').value === '4'")
        .await;
    // Tab into the accounts: the first is the token account; Space chooses it.
    page.press_keys(&[Key::Tab]).await;
    assert_eq!(focused(&page).await, "quiz-identity-client-token");
    page.press(&[' ']).await;
    page.press_keys(&[Key::Tab]).await;
    assert_eq!(focused(&page).await, "quiz-check");
    page.press_keys(&[Key::Enter]).await;
    page.wait_for_text("#quiz-result", "3 of 3 right").await;
    page.wait_until("document.activeElement && document.activeElement.id === 'quiz-result'")
        .await;
    page.wait_verdict("fails", &headline(&plan)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_question_posts_its_height_before_and_after_the_answer() {
    let page = Harness::start().await;
    let src = format!("{}{}", page.page_url(), quiz_link(4, View::Embed));
    page.add_answer(Served {
        suffix: "/wiki/quiz.html".into(),
        status: 200,
        content_type: "text/html; charset=utf-8".into(),
        body: Some(
            format!(
                "<!doctype html><html lang=en><meta charset=utf-8><title>Quiz</title>\
                 <script>window.seen = []; addEventListener('message', e => seen.push(e.data));</script>\
                 <iframe id=q src=\"{src}\" style=\"width:900px;height:300px\"></iframe></html>"
            )
            .into_bytes(),
        ),
    });
    page.client()
        .goto(&format!("{}/wiki/quiz.html", page.origin()))
        .await
        .unwrap();
    let heights = "seen.filter(d => d && d.type === 'credflow:height').map(d => d.height)";
    page.client().enter_frame(0).await.unwrap();
    page.wait_for("#quiz-check").await;
    let asked = page
        .wait_until("Math.ceil(document.querySelector('main').getBoundingClientRect().height)")
        .await;
    page.client().enter_parent_frame().await.unwrap();
    page.wait_until(&format!("{heights}.includes({asked})"))
        .await;
    page.client().enter_frame(0).await.unwrap();
    give(&page, quiz::answer(&case(4))).await;
    page.wait_for("#diagram svg").await;
    page.wait_for("#step-details .fix").await;
    page.settle().await;
    let answered = page
        .wait_until("Math.ceil(document.querySelector('main').getBoundingClientRect().height)")
        .await;
    page.client().enter_parent_frame().await.unwrap();
    assert_ne!(asked, answered, "the answer did not change the height");
    page.wait_until(&format!("{heights}.includes({answered})"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_link_that_cannot_be_read_says_why_and_share_names_stay_text() {
    let page = Harness::start().await;
    page.open("#v=1&client=legacy&quiz=2").await;
    let said = page.wait_for_text("main.unread", "quiz=2").await;
    assert!(said.contains("1 or 0"), "{said}");
    assert_eq!(
        page.eval("return !!document.getElementById('quiz-form')")
            .await,
        Value::Bool(false)
    );
    // A share name with the markup characters a path may hold.
    let mut s = PRESETS[3].scenario();
    s.shares[0].unc = r"\\fs01\R&D's".into();
    let link = format!(
        "#{}",
        encode_link(&Link {
            scenario: s,
            quiz: true,
            ..Link::default()
        })
    );
    open_question(&page, &link).await;
    page.wait_for_text(".quiz-structure", r"connects to \\fs01\R&D's")
        .await;
    page.wait_for_text(".quiz-inputs", r"\\fs01\R&D's").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shuffled_set_asks_each_classic_case_once() {
    let page = Harness::start().await;
    page.open("").await;
    start_with(&page, "#quiz-start-shuffled").await;
    page.wait_for_text("#quiz-question", "Question 1 of 17: ")
        .await;
    // The saved set: the seventeen classic cases, each once.
    let saved = page
        .eval("return localStorage.getItem('credflow.quiz')")
        .await;
    let progress = quiz::Progress::read(saved.as_str().unwrap()).unwrap();
    let mut links: Vec<&str> = progress.items.iter().map(|i| i.link.as_str()).collect();
    links.sort();
    let mut all: Vec<&str> = PRESETS.iter().map(|p| p.link).collect();
    all.sort();
    assert_eq!(links, all);
    let first = &progress.items[0].title;
    page.wait_for_text("#quiz-question", &format!("Question 1 of 17: {first}"))
        .await;
}

/// "Try it in the planner" opens the question's scenario as the planner's, and the scenario
/// the reader last worked on in this browser stays one Undo away: nothing of theirs is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trying_a_question_in_the_planner_keeps_the_readers_own_scenario_one_undo_away() {
    let page = Harness::start().await;
    // The reader's own scenario: a choice made in the planner, saved.
    let own = "v=1&client=cm07";
    page.open("#v=1").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.choose("client-cm07").await;
    page.wait_until(&format!(
        "localStorage.getItem('credflow.scenario') === {}",
        js(own)
    ))
    .await;

    open_question(&page, &quiz_link(4, View::Full)).await;
    give(&page, quiz::answer(&case(4))).await;
    page.click("#quiz-planner").await;
    page.wait_verdict("fails", &headline(&case(4))).await;
    page.wait_for_text("#notice", "one Undo away").await;
    page.click("#notice #undo").await;
    page.wait_verdict("ok", "Succeeds").await;
    page.wait_checked("client-cm07").await;
    page.wait_until(&format!(
        "location.hash === {} && localStorage.getItem('credflow.scenario') === {}",
        js(&format!("#{own}")),
        js(own)
    ))
    .await;
}
