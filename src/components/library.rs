//! The scenario library: the rule book's classic cases, each with its lesson. Loading one
//! replaces the current scenario and can be undone.

use credflow_core::presets::PRESETS;
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
                store.replace(p.scenario(), format!("Loaded classic case {}: {}.", i + 1, p.title));
                if let Some(el) = document().get_element_by_id("verdict") {
                    el.scroll_into_view();
                }
            };
            view! {
                <li class="preset" id=p.id>
                    <h3>{format!("{}. {}", i + 1, p.title)}</h3>
                    <p>{p.lesson}</p>
                    <button type="button" class="secondary" data-preset=p.id on:click=load
                        aria-label=format!("Load classic case {}: {}", i + 1, p.title)>"Load"</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="library" class="library-section" aria-labelledby="library-title">
            <h2 id="library-title">"Classic cases"</h2>
            <p class="help">"The rule book's seventeen classic cases, for training. Loading one replaces the current scenario; Undo or the browser's Back button brings it back."</p>
            <ol class="presets">{cards}</ol>
        </section>
    }
}
