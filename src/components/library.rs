//! The scenario library: the classic cases, typical deployments each with its lesson.
//! Loading one replaces the current scenario and can be undone.

use credflow_core::presets::PRESETS;
use credflow_core::scenario::INPUTS;
use credflow_core::Scenario;
use leptos::prelude::*;

use crate::state::Store;

#[component]
pub fn Library() -> impl IntoView {
    let store = Store::get();
    let cards = PRESETS
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let load = move |_| {
                let to = p.scenario();
                let changed = store.scenario.with_untracked(|from| changes(from, &to));
                let mut what = format!("Loaded classic case {}: {}.", i + 1, p.title);
                if !changed.is_empty() {
                    what.push(' ');
                    what.push_str(&changed);
                }
                store.replace(to, what);
                // The top of the planner: the message with its Undo (which then stays in sight
                // while the page scrolls), the wizard that changed and the verdict.
                crate::browser::scroll_to("main");
            };
            let button = view! {
                <button type="button" class="secondary" data-preset=p.id on:click=load
                    aria-label=format!("Load classic case {}: {}", i + 1, p.title)>"Load"</button>
            };
            card(p.id, format!("{}. {}", i + 1, p.title), p.lesson, button)
        })
        .collect_view();
    cards_section(
        "library",
        "Classic cases",
        "Seventeen typical deployments, each with the lesson it teaches about which account reaches what. Loading one replaces the current scenario; Undo or the browser's Back button brings it back.",
        cards,
    )
}

/// One card of a list of cases: its title, its lesson and the button that opens it.
pub fn card(
    id: &'static str,
    title: impl IntoView + 'static,
    lesson: &'static str,
    button: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <li class="preset" id=id>
            <h3>{title}</h3>
            <p>{lesson}</p>
            {button}
        </li>
    }
}

/// A section of cases: the section `id`, its title (`<id>-title`), a line of help and the
/// cards.
pub fn cards_section(
    id: &'static str,
    title: &'static str,
    help: &'static str,
    cards: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <section id=id class="library-section" aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{title}</h2>
            <p class="help">{help}</p>
            <ol class="presets">{cards}</ol>
        </section>
    }
}

/// What loading `to` over `from` changes, in words, so that the choices it made on tabs out of
/// sight are said: `Changed: Client type to “SMS 2003 Legacy Client”; shares to \\fs01\apps.`
fn changes(from: &Scenario, to: &Scenario) -> String {
    let mut parts: Vec<String> = INPUTS
        .iter()
        .filter(|i| from.value(i.key) != to.value(i.key))
        .map(|i| {
            let label = to.value(i.key).and_then(|v| i.label(v)).unwrap_or_default();
            format!("{} to “{label}”", i.title)
        })
        .collect();
    if from.dpacl != to.dpacl {
        parts.push(format!("DP share readers to {}", to.dpacl.labels()));
    }
    if from.shares != to.shares {
        let shares: Vec<&str> = to.shares.iter().map(|s| s.unc.as_str()).collect();
        parts.push(if shares.is_empty() {
            "no other shares".to_string()
        } else {
            format!("shares to {}", shares.join(", "))
        });
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("Changed: {}.", parts.join("; "))
    }
}
