//! Predict, then reveal (`quiz=1`): the scenario's inputs and the diagram's structure — who
//! acts on what — with every outcome hidden (`credflow_core::quiz::diagram`), a form for the
//! learner's prediction, then the marking (`quiz::mark`) and the plan itself: verdict,
//! diagram, why and fix. A quiz set (the classic cases in order or shuffled, or a trainer's
//! list of links) runs question by question to a score and a printable answer key; its
//! progress is kept in this browser only (`credflow.quiz`), so that a reload resumes it.

use credflow_core::link::View;
use credflow_core::quiz::{self, Answer, Marking, Progress};
use credflow_core::{plan, Outcome};
use leptos::prelude::*;

use crate::browser;
use crate::components::diagram::{DiagramView, StepDetails};
use crate::components::list_items;
use crate::components::start::{save, scenario_of, take_left_out, SAVED_QUIZ};
use crate::components::summary::rows;
use crate::components::verdict::Verdict;
use crate::state::Store;

/// The quiz page for a view: the whole page, or the embed view's question.
pub fn quiz_view(view: View) -> AnyView {
    match view {
        View::Full => view! { <QuizPage /> }.into_any(),
        View::Embed => view! { <QuizEmbed /> }.into_any(),
    }
}

/// The quiz set this question belongs to, if the one saved in this browser is asking it (or
/// has just finished with it); or why the saved one could not be read (it is then removed).
fn resume(store: Store) -> (Option<Progress>, Option<String>) {
    let Some(text) = browser::load(SAVED_QUIZ) else {
        return (None, None);
    };
    match Progress::read(&text) {
        Ok(p) => {
            let current = p.items.get(p.at.min(p.items.len() - 1));
            let asking = current
                .is_some_and(|item| store.scenario.with_untracked(|s| *s == scenario_of(item)));
            (asking.then_some(p), None)
        }
        Err(e) => {
            browser::remove(SAVED_QUIZ);
            (
                None,
                Some(format!(
                    "The quiz set saved in this browser could not be read ({e}), so it has been cleared. Start a new one from the planner's Quiz section."
                )),
            )
        }
    }
}

/// The whole page in quiz mode: a question, or the questions of a set and its score.
#[component]
fn QuizPage() -> impl IntoView {
    let store = Store::get();
    let (progress, damaged) = resume(store);
    let set = RwSignal::new(progress);
    let left_out = take_left_out();
    // The learner's answer to the question on screen, in a set: kept with the set.
    let answered = move |a: Answer| {
        set.update(|p| {
            if let Some(p) = p {
                if let Some(item) = p.items.get_mut(p.at) {
                    item.answer = Some(a);
                }
                save(p);
            }
        });
    };
    let next = move || {
        let mut to = None;
        set.update(|p| {
            if let Some(p) = p {
                p.at = (p.at + 1).min(p.items.len());
                to = p.items.get(p.at).map(scenario_of);
                save(p);
            }
        });
        match to {
            Some(s) => {
                store.ask(s);
                browser::focus_later("quiz-question");
            }
            None => browser::focus_later("quiz-score"),
        }
    };
    let stop = move |_| {
        browser::remove(SAVED_QUIZ);
        set.set(None);
        store.set_quiz(false);
    };
    // The question on screen: redrawn for each question of the set.
    let position = Memo::new(move |_| set.with(|p| p.as_ref().map(|p| (p.at, p.items.len()))));
    let body = move || {
        let at = position.get();
        store.scenario.track();
        match at {
            Some((at, len)) if at >= len => view! { <Score set=set /> }.into_any(),
            _ => {
                let saved = set.with_untracked(|p| {
                    p.as_ref()
                        .and_then(|p| p.items.get(p.at))
                        .and_then(|i| i.answer)
                });
                let title = set.with_untracked(|p| {
                    p.as_ref()
                        .and_then(|p| p.items.get(p.at))
                        .map(|i| i.title.clone())
                });
                let heading = match (at, title) {
                    (Some((at, len)), Some(t)) => format!("Question {} of {len}: {t}", at + 1),
                    _ => "Question: how does this install turn out?".to_string(),
                };
                let last = at.is_some_and(|(at, len)| at + 1 == len);
                let in_set = at.is_some();
                view! {
                    <Question
                        heading=heading
                        saved=saved
                        on_answer=Callback::new(move |a| {
                            if in_set {
                                answered(a)
                            }
                        })
                        next=in_set.then(|| (Callback::new(move |_| next()), last))
                    />
                }
                .into_any()
            }
        }
    };
    view! {
        {crate::site_header("credflow quiz", "Predict how the install turns out, then see why", ())}
        <main id="main" class="quiz-page">
            {damaged.map(|d| view! { <p class="notice quiz-damaged" id="quiz-damaged">{d}</p> })}
            {(!left_out.is_empty()).then(|| view! {
                <div class="notice" id="quiz-left-out">
                    <p>"These lines of your list could not be read and are left out:"</p>
                    <ul>{list_items(left_out)}</ul>
                </div>
            })}
            {body}
            <p class="quiz-leave">
                {move || set.with(|p| p.is_some()).then(|| view! {
                    <button type="button" class="secondary" id="quiz-stop" on:click=stop>"Stop this quiz set"</button>
                })}
            </p>
            <p id="quiz-status" class="sr-only" role="status" aria-live="polite" aria-atomic="true"></p>
        </main>
    }
}

/// The embed view's question, for a wiki page: the same form and reveal; it tells the page
/// that frames it its height, as the embed view does.
#[component]
fn QuizEmbed() -> impl IntoView {
    let main = crate::components::embed::measured_main();
    view! {
        <main id="main" class="embed quiz-page" node_ref=main>
            <h1 class="sr-only">"credflow question"</h1>
            <Question
                heading="Question: how does this install turn out?".to_string()
                saved=None
                on_answer=Callback::new(|_| {})
                next=None
            />
            <p id="quiz-status" class="sr-only" role="status" aria-live="polite" aria-atomic="true"></p>
        </main>
    }
}

/// The words of each outcome a learner may predict, by its key.
const PREDICTIONS: [(Outcome, &str); 4] = [
    (Outcome::Ok, "It succeeds"),
    (
        Outcome::AtRisk,
        "It is at risk (it works, but maybe not as meant)",
    ),
    (Outcome::Waits, "It waits (for a user, a time, a boundary)"),
    (Outcome::Fails, "It fails"),
];

/// One question: the scenario in words, the diagram with its outcomes hidden, the form; once
/// answered, the marking and the plan. `saved`: an answer given before a reload (then it is
/// shown marked). `next`: in a set, the button to the next question (`true`: it is the last).
#[component]
fn Question(
    heading: String,
    saved: Option<Answer>,
    on_answer: Callback<Answer>,
    next: Option<(Callback<()>, bool)>,
) -> impl IntoView {
    let store = Store::get();
    let plan = store.plan.get_untracked();
    let q = quiz::question(&plan);
    let outcome = RwSignal::new(saved.map(|a| a.outcome));
    let step = RwSignal::new(saved.and_then(|a| a.step));
    let who = RwSignal::new(saved.and_then(|a| a.identity));
    let marking = RwSignal::new(saved.map(|a| quiz::mark(&plan, a)));
    let problem = RwSignal::new(None::<&'static str>);
    let plan_for_check = plan.clone();
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(o) = outcome.get_untracked() else {
            problem.set(Some("Choose how the install turns out first."));
            browser::focus("quiz-outcome-ok");
            return;
        };
        let failing = o != Outcome::Ok;
        let answer = Answer {
            outcome: o,
            step: step.get_untracked().filter(|_| failing),
            identity: who.get_untracked().filter(|_| failing),
        };
        let m = quiz::mark(&plan_for_check, answer);
        if let Some(region) = document().get_element_by_id("quiz-status") {
            region.set_text_content(Some(&format!(
                "{} of {} right. {}",
                m.score,
                m.out_of,
                m.lines.join(" ")
            )));
        }
        on_answer.run(answer);
        marking.set(Some(m));
        browser::focus_later("quiz-result");
    };
    let rows = store.scenario.with_untracked(rows);
    let inputs = rows
        .into_iter()
        .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
        .collect_view();
    let hidden = quiz::diagram(&plan);
    let svg = credflow_core::svg::svg_question(&hidden);
    let structure = list_items(hidden.text.clone());
    let not_ok = move || outcome.get().is_some_and(|o| o != Outcome::Ok);
    let outcomes = PREDICTIONS
        .iter()
        .map(|&(o, words)| {
            let id = format!("quiz-outcome-{}", o.key());
            view! {
                <div class="option">
                    <input type="radio" id=id.clone() name="quiz-outcome" value=o.key()
                        prop:checked=move || outcome.get() == Some(o)
                        on:change=move |_| { outcome.set(Some(o)); problem.set(None); } />
                    <label for=id>{words}</label>
                </div>
            }
        })
        .collect_view();
    let steps = q
        .steps
        .iter()
        .map(|(n, name)| {
            let n = *n;
            view! { <option value=n.to_string() prop:selected=move || step.get() == Some(n)>{format!("{n}. {name}")}</option> }
        })
        .collect_view();
    let identities = q
        .identities
        .iter()
        .map(|&i| {
            let id = format!("quiz-identity-{}", i.key());
            view! {
                <div class="option">
                    <input type="radio" id=id.clone() name="quiz-identity" value=i.key()
                        prop:checked=move || who.get() == Some(i)
                        on:change=move |_| who.set(Some(i)) />
                    <label for=id>{plan.identity_name(i)}</label>
                </div>
            }
        })
        .collect_view();
    let form = view! {
        <figure class="diagram-figure quiz-diagram" aria-labelledby="quiz-diagram-caption">
            <div id="quiz-diagram" class="diagram" inner_html=svg></div>
            <figcaption id="quiz-diagram-caption">"Who acts on what, step by step (every outcome hidden):"</figcaption>
            <ol class="quiz-structure">{structure}</ol>
        </figure>
        <form id="quiz-form" class="quiz-form" on:submit=check novalidate>
            <fieldset class="choice">
                <legend>"Does the install succeed?"</legend>
                {outcomes}
            </fieldset>
            <fieldset class="choice" disabled=move || !not_ok()>
                <legend>"If not: where does it first go wrong, and as whom?"</legend>
                <p class="help">"Answer these when you predict that it does not simply succeed."</p>
                <label for="quiz-step">"The step"</label>
                <select id="quiz-step" on:change=move |ev| step.set(event_target_value(&ev).parse().ok())>
                    <option value="" prop:selected=move || step.get().is_none()>"Choose a step"</option>
                    {steps}
                </select>
                <fieldset class="choice quiz-identities">
                    <legend>"The account acting at that step"</legend>
                    {identities}
                </fieldset>
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="quiz-problem" id="quiz-problem">{p}</p> })}
            <button type="submit" id="quiz-check">"Check my answer"</button>
        </form>
    };
    let planner = move || {
        store.scenario.track();
        store.share_link()
    };
    let embed = store.view.get_untracked() == View::Embed;
    let revealed = move |m: Marking| {
        let lines = list_items(m.lines.clone());
        view! {
            <section id="quiz-result" class="quiz-result" tabindex="-1" aria-labelledby="quiz-result-title">
                <h2 id="quiz-result-title">{format!("Your answer: {} of {} right", m.score, m.out_of)}</h2>
                <ul class="quiz-lines">{lines}</ul>
            </section>
            <Verdict />
            <DiagramView />
            <StepDetails />
            <p class="quiz-actions">
                {next.map(|(go, last)| view! {
                    <button type="button" id="quiz-next" on:click=move |_| go.run(())>
                        {if last { "See your score" } else { "Next question" }}
                    </button>
                })}
                <a id="quiz-planner" href=planner target=embed.then_some("_blank") rel="noopener">"Try it in the planner"</a>
            </p>
        }
    };
    view! {
        <h2 id="quiz-question" class="quiz-heading" tabindex="-1">{heading}</h2>
        <section class="quiz-inputs" aria-labelledby="quiz-inputs-title">
            <h3 id="quiz-inputs-title">"The scenario"</h3>
            <dl class="quiz-scenario">{inputs}</dl>
        </section>
        // Hidden once answered, rather than redrawn: the answer comes after it.
        <div class="quiz-ask" hidden=move || marking.with(Option::is_some)>{form}</div>
        {move || marking.get().map(revealed)}
    }
}

/// The end of a quiz set: the score, each question's, and the answer key to print.
#[component]
fn Score(set: RwSignal<Option<Progress>>) -> impl IntoView {
    let store = Store::get();
    let items = set.with_untracked(|p| p.as_ref().map(|p| p.items.clone()).unwrap_or_default());
    let mut total = (0, 0);
    let mut each = Vec::new();
    let mut key = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let plan = plan(&scenario_of(item));
        let marked = item.answer.map(|a| quiz::mark(&plan, a));
        let (score, out_of) = marked
            .as_ref()
            .map_or((0, quiz::mark(&plan, quiz::answer(&plan)).out_of), |m| {
                (m.score, m.out_of)
            });
        total = (total.0 + score, total.1 + out_of);
        each.push(view! { <li>{format!("{}. {}: {score} of {out_of}", i + 1, item.title)}</li> });
        key.push(view! { <li><strong>{format!("{}. {}", i + 1, item.title)}</strong>{format!(" — {}", quiz::key_line(&plan))}</li> });
    }
    let again = move |_| {
        browser::remove(SAVED_QUIZ);
        set.set(None);
        store.set_quiz(false);
    };
    view! {
        <section id="quiz-score" class="quiz-score" tabindex="-1" aria-labelledby="quiz-score-title">
            <h2 id="quiz-score-title">{format!("Your score: {} of {}", total.0, total.1)}</h2>
            <ol class="quiz-each">{each}</ol>
        </section>
        <section id="quiz-key" class="quiz-key" aria-labelledby="quiz-key-title">
            <h2 id="quiz-key-title">"Answer key"</h2>
            <ol class="quiz-key-list">{key}</ol>
            <p class="quiz-actions">
                <button type="button" id="quiz-print" on:click=|_| { let _ = window().print(); }>"Print the answer key"</button>
                <button type="button" class="secondary" id="quiz-done" on:click=again>"Back to the planner"</button>
            </p>
        </section>
    }
}
