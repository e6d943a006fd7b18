//! The message line: links that could not be read, choices the page adjusted, and Undo.

use leptos::prelude::*;

use crate::state::{Notice, Store};

#[component]
pub fn NoticeBar() -> impl IntoView {
    let store = Store::get();
    let dismiss = move |_| store.notice.set(None);
    move || {
        store.notice.get().map(|notice| match notice {
            Notice::Error(text) => view! {
                <div id="notice" class="notice error" role="alert">
                    <p>{text}</p>
                    <button type="button" class="icon" aria-label="Dismiss message" on:click=dismiss>"✕"</button>
                </div>
            }
            .into_any(),
            Notice::Adjusted(lines) => view! {
                <div id="notice" class="notice adjusted" role="status">
                    <div>
                        <p>"Some choices were adjusted to keep the scenario valid:"</p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                    <button type="button" class="icon" aria-label="Dismiss message" on:click=dismiss>"✕"</button>
                </div>
            }
            .into_any(),
            Notice::Info(text) => view! {
                <div id="notice" class="notice info" role="status">
                    <p>{text}</p>
                    <button type="button" class="icon" aria-label="Dismiss message" on:click=dismiss>"✕"</button>
                </div>
            }
            .into_any(),
            Notice::Undoable(text) => view! {
                <div id="notice" class="notice info" role="status">
                    <p>{text}</p>
                    <button type="button" id="undo" on:click=move |_| store.undo()>"Undo"</button>
                    <button type="button" class="icon" aria-label="Dismiss message" on:click=dismiss>"✕"</button>
                </div>
            }
            .into_any(),
        })
    }
}
