//! Walk-through: a trainer steps through the plan one step at a time, the diagram
//! highlighting each in turn with its explanation below (Previous / Next, arrow keys, Escape).

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::state::Store;

#[component]
pub fn WalkThrough() -> impl IntoView {
    let store = Store::get();
    let walking = RwSignal::new(false);
    let count = move || store.plan.with(|p| p.steps.len());
    let current = move || store.selected.get().unwrap_or(1);
    let go = move |n: usize| store.select(Some(n.clamp(1, count().max(1))));
    let start = move |_| {
        walking.set(true);
        go(1);
        // The button that started the walk is gone: keep the keyboard in the walk-through.
        request_animation_frame(|| crate::browser::focus("walk-next"));
    };
    let end = move || {
        walking.set(false);
        request_animation_frame(|| crate::browser::focus("walk-start"));
    };
    let keys = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowRight" | "PageDown" => {
            ev.prevent_default();
            go(current() + 1)
        }
        "ArrowLeft" | "PageUp" => {
            ev.prevent_default();
            go(current().saturating_sub(1))
        }
        "Escape" => end(),
        _ => {}
    };
    view! {
        <Show
            when=move || walking.get()
            fallback=move || view! {
                <button type="button" id="walk-start" class="secondary" on:click=start>"Step by step"</button>
            }
        >
            <div id="walk" class="walk" role="group" aria-label="Step-by-step walk-through" on:keydown=keys>
                // aria-disabled rather than disabled: a disabled button would drop the focus.
                <button type="button" id="walk-prev" class="secondary"
                    aria-disabled=move || (current() <= 1).to_string()
                    on:click=move |_| go(current().saturating_sub(1))>"← Previous"</button>
                <span class="walk-position" aria-live="polite">
                    {move || format!("Step {} of {}", current(), count())}
                </span>
                <button type="button" id="walk-next"
                    aria-disabled=move || { (current() >= count()).to_string() }
                    on:click=move |_| go(current() + 1)>"Next →"</button>
                <button type="button" id="walk-end" class="icon" aria-label="End the walk-through"
                    on:click=move |_| end()>"✕"</button>
            </div>
        </Show>
    }
}
