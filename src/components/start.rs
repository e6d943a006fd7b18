//! Where a comparison or a quiz starts: "Compare with…", the classic contrasts and the Quiz
//! section of the planner. They are in every build of the page; the comparison and the quiz
//! themselves (`compare.rs`, `quiz.rs`) are in the training build only, which the page loads
//! when a link asks for one (`public/boot.js`): in the planner's build, starting one puts its
//! link in the address bar and reloads (`state::hand_off`).

use credflow_core::link::decode;
use credflow_core::presets::{CONTRASTS, PRESETS};
use credflow_core::quiz::{self, Item, Progress};
use credflow_core::{normalise, Scenario};
use leptos::prelude::*;

use crate::browser;
use crate::components::library::{card, cards_section};
use crate::components::list_items;
use crate::state::Store;

/// localStorage key of the quiz set under way ([`Progress::text`]).
pub const SAVED_QUIZ: &str = "credflow.quiz";

/// localStorage key of the lines of a trainer's list left out when the set started, said on its
/// first question (which may be drawn by the other build, after a reload) and then removed.
const LEFT_OUT: &str = "credflow.quiz.left-out";

fn keep_left_out(lines: &[String]) {
    if lines.is_empty() {
        browser::remove(LEFT_OUT);
    } else {
        browser::store(LEFT_OUT, &lines.join("\n"));
    }
}

/// The lines left out of the set just started, once.
pub fn take_left_out() -> Vec<String> {
    let lines = browser::load(LEFT_OUT)
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default();
    browser::remove(LEFT_OUT);
    lines
}

/// A question's scenario, from its link.
pub fn scenario_of(item: &Item) -> Scenario {
    normalise(decode(&item.link).unwrap_or_default()).0
}

pub fn save(progress: &Progress) {
    browser::store(SAVED_QUIZ, &progress.text());
}

/// Starts a quiz set: saved, and its first question asked.
fn start(store: Store, items: Vec<Item>) {
    let Some(first) = items.first().map(scenario_of) else {
        return;
    };
    save(&Progress { items, at: 0 });
    store.ask(first);
    browser::focus_later("quiz-question");
}

/// "Compare with…": a second scenario beside this one, a copy to change (one input, say the
/// client) or a classic case; and the classic contrasts.
#[component]
pub fn CompareWith() -> impl IntoView {
    let store = Store::get();
    let chosen = RwSignal::new(String::new());
    let copy = move |_| {
        let a = store.scenario.get_untracked();
        store.replace_pair(
            a.clone(),
            Some(a),
            "Comparing with a copy of this scenario: choose “Scenario B” above the wizard and change what you want to contrast.".into(),
        );
    };
    let with_case = move |_| {
        let id = chosen.get_untracked();
        let Some((i, p)) = PRESETS.iter().enumerate().find(|(_, p)| p.id == id) else {
            return;
        };
        store.replace_pair(
            store.scenario.get_untracked(),
            Some(p.scenario()),
            format!("Comparing with classic case {}: {}.", i + 1, p.title),
        );
    };
    let options = PRESETS
        .iter()
        .enumerate()
        .map(|(i, p)| view! { <option value=p.id>{format!("{}. {}", i + 1, p.title)}</option> })
        .collect_view();
    view! {
        <details id="compare-with" class="compare-with">
            <summary>"Compare with…"</summary>
            <p class="help">"Put a second scenario beside this one: the page lists every step that differs."</p>
            <button type="button" id="compare-copy" class="secondary" on:click=copy>"A copy of this one, to change"</button>
            <div class="compare-case">
                <label for="compare-case">"A classic case"</label>
                <select id="compare-case" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">"Choose a case…"</option>
                    {options}
                </select>
                <button type="button" id="compare-case-go" class="secondary" on:click=with_case
                    disabled=move || chosen.with(String::is_empty)>"Compare"</button>
            </div>
        </details>
    }
}

/// The classic contrasts, each opened as a comparison.
#[component]
pub fn Contrasts() -> impl IntoView {
    let store = Store::get();
    let cards = CONTRASTS
        .iter()
        .map(|c| {
            let open = move |_| {
                let (a, b) = c.scenarios();
                store.replace_pair(a, Some(b), format!("Opened the contrast “{}”.", c.title));
                browser::scroll_to("main");
            };
            let button = view! {
                <button type="button" class="secondary" data-contrast=c.id on:click=open
                    aria-label=format!("Compare: {}", c.title)>"Compare"</button>
            };
            card(c.id, c.title, c.lesson, button)
        })
        .collect_view();
    cards_section(
        "contrasts",
        "Classic contrasts",
        "Two scenarios that differ in one choice, side by side. Undo or the browser's Back button returns to what you had.",
        cards,
    )
}

/// The Quiz section of the planner: start a quiz set of the classic cases, in order or
/// shuffled, or of a trainer's own links.
#[component]
pub fn QuizStart() -> impl IntoView {
    let store = Store::get();
    let links = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let in_order = move |_| {
        start(
            store,
            quiz::classic_set(&(0..PRESETS.len()).collect::<Vec<_>>()),
        )
    };
    let shuffled = move |_| {
        // Fisher–Yates, with the browser's randomness (the core has none).
        let mut order: Vec<usize> = (0..PRESETS.len()).collect();
        for i in (1..order.len()).rev() {
            let j = ((js_sys::Math::random() * (i + 1) as f64) as usize).min(i);
            order.swap(i, j);
        }
        start(store, quiz::classic_set(&order));
    };
    let own = move |_| {
        let (items, bad) = quiz::read_list(&links.get_untracked());
        if items.is_empty() {
            let mut bad = bad;
            bad.insert(
                0,
                "None of the lines is a credflow link, so there is no quiz to start.".into(),
            );
            problems.set(bad);
            browser::focus_later("quiz-links-problems");
            return;
        }
        keep_left_out(&bad);
        start(store, items);
    };
    let resume = move |_| {
        if let Some(Ok(p)) = browser::load(SAVED_QUIZ).map(|t| Progress::read(&t)) {
            let at = p.at.min(p.items.len() - 1);
            store.ask(scenario_of(&p.items[at]));
            browser::focus_later("quiz-question");
        }
    };
    let under_way = browser::load(SAVED_QUIZ)
        .and_then(|t| Progress::read(&t).ok())
        .filter(|p| p.at < p.items.len())
        .map(|p| {
            format!(
                "Resume your quiz set (question {} of {})",
                p.at + 1,
                p.items.len()
            )
        });
    view! {
        <section id="quiz" class="library-section quiz-section" aria-labelledby="quiz-title">
            <h2 id="quiz-title">"Quiz"</h2>
            <p class="help">"Predict, then reveal: each question shows a scenario and who acts on what, with every outcome hidden; you say whether it succeeds, where it first goes wrong and as which account, then see the answer, why, and the fix. Your progress stays in this browser."</p>
            {under_way.map(|t| view! { <p><button type="button" id="quiz-resume" on:click=resume>{t}</button></p> })}
            <p class="quiz-actions">
                <button type="button" class="secondary" id="quiz-start-order" on:click=in_order>"The classic cases in order"</button>
                <button type="button" class="secondary" id="quiz-start-shuffled" on:click=shuffled>"The classic cases shuffled"</button>
            </p>
            <label for="quiz-links">"Or your own credflow links, one a line"</label>
            <textarea id="quiz-links" rows="4" prop:value=move || links.get()
                on:input=move |ev| links.set(event_target_value(&ev))></textarea>
            <p><button type="button" class="secondary" id="quiz-start-links" on:click=own>"Start a quiz of these links"</button></p>
            <div id="quiz-links-problems" tabindex="-1">
                {move || {
                    let p = problems.get();
                    (!p.is_empty()).then(|| view! {
                        <ul class="quiz-problem">{list_items(p)}</ul>
                    })
                }}
            </div>
        </section>
    }
}
