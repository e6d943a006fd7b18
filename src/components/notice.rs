//! The message line (links that could not be read, choices the page adjusted, a scenario
//! restored from an earlier visit, Undo), and the page shown instead of the planner while a
//! link cannot be read in full.

use credflow_core::link::{Link, View};
use credflow_core::present::scenario_lines;
use credflow_core::Scenario;
use leptos::prelude::*;

use crate::components::list_items;
use crate::state::{Notice, Store, Unread};

#[component]
pub fn NoticeBar() -> impl IntoView {
    let store = Store::get();
    move || {
        store.notice.get().and_then(|notice| match notice {
            // The whole page says it (`UnreadLink`).
            Notice::Unread(_) => None,
            Notice::Error(text) => Some(notice_box(store, "notice error", "alert", view! { <p>{text}</p> })),
            Notice::Restored => Some(notice_box(store, "notice info restored", "status", view! {
                <p>
                    "This is the scenario last worked on in this browser, restored from an "
                    "earlier visit: it may be someone else's. Its link is now in the address bar."
                </p>
                <button type="button" id="start-fresh" on:click=move |_| {
                    store.replace(Scenario::default(), "Started fresh from the defaults.".into())
                }>"Start fresh"</button>
            })),
            Notice::Adjusted(lines) => Some(notice_box(store, "notice adjusted", "status", view! {
                <div>
                    <p>"Some choices were adjusted to keep the scenario valid:"</p>
                    <ul>{list_items(lines)}</ul>
                </div>
            })),
            Notice::Info(text) => Some(notice_box(store, "notice info", "status", view! { <p>{text}</p> })),
            Notice::Undoable(text) => Some(notice_box(store, "notice info", "status", view! {
                <p>{text}</p>
                <button type="button" id="undo" on:click=move |_| store.undo()>"Undo"</button>
            })),
        })
    }
}

/// One message: `body`, then the button that dismisses it.
fn notice_box(
    store: Store,
    class: &'static str,
    role: &'static str,
    body: impl IntoView + 'static,
) -> AnyView {
    view! {
        <div id="notice" class=class role=role>
            {body}
            <button type="button" class="icon" aria-label="Dismiss message" on:click=move |_| store.dismiss()>"✕"</button>
        </div>
    }
    .into_any()
}

/// The page while the link in the address bar cannot be read in full: what was wrong, what
/// could be read, and the reader's choice of what to open. No verdict and no diagram: the
/// link does not describe a whole scenario, and any other would not be the link's.
#[component]
pub fn UnreadLink() -> impl IntoView {
    let store = Store::get();
    let view = store.view.get_untracked();
    let panel = move || {
        let Some(Notice::Unread(unread)) = store.notice.get() else {
            return None;
        };
        Some(panel(store, unread))
    };
    match view {
        View::Embed => {
            // The embedding page sizes its frame to this content, as to the diagram's.
            let main = NodeRef::<leptos::html::Main>::new();
            Effect::new(move |_| {
                if let Some(main) = main.get() {
                    let height = main.get_bounding_client_rect().height().ceil();
                    crate::browser::post_height(height);
                }
            });
            view! {
                <main id="main" class="embed unread" node_ref=main>
                    <h1 class="sr-only">"credflow: this link could not be read"</h1>
                    {panel}
                </main>
            }
            .into_any()
        }
        View::Full => view! {
            {crate::site_header(
                "credflow",
                "Who touches what when an SMS 2003 or ConfigMgr 2007 client installs a program",
                (),
            )}
            <main id="main" class="unread">{panel}</main>
        }
        .into_any(),
    }
}

fn panel(store: Store, unread: Unread) -> impl IntoView {
    let Unread {
        problems,
        readable,
        had_scenario,
    } = unread;
    let lines = scenario_lines(&readable.scenario);
    let anything = readable.scenario != Scenario::default();
    let view_asked = readable.view;
    let readable_list = if lines.is_empty() {
        view! { <p id="link-readable">"Nothing beyond the defaults."</p> }.into_any()
    } else {
        view! {
            <ul id="link-readable">{list_items(lines)}</ul>
        }
        .into_any()
    };
    let open_readable = anything.then(|| {
        let link = readable.clone();
        view! {
            <button type="button" id="open-readable" on:click=move |_| {
                store.open_instead(link.clone(), "Opened the part of the link that could be read; the address bar now holds its link.")
            }>"Open what could be read"</button>
        }
    });
    let defaults = move |_| {
        store.open_instead(
            Link {
                scenario: Scenario::default(),
                view: view_asked,
                ..Link::default()
            },
            "Started from the defaults; the address bar now holds their link.",
        )
    };
    let back = had_scenario.then(|| {
        view! {
            <button type="button" id="keep-current" class="secondary" on:click=move |_| store.keep_current()>
                "Back to the scenario you had"
            </button>
        }
    });
    view! {
        <section id="verdict" tabindex="-1" class="verdict outcome-unread" data-outcome="unread"
            aria-labelledby="unread-title">
            <h2 id="unread-title" class="verdict-title">
                <span class="marker" aria-hidden="true">"?"</span>
                "This link could not be read"
            </h2>
            <p class="verdict-reason">
                "No verdict is shown: the link does not describe a whole scenario, and a verdict "
                "for any other would not be this link's. Choose what to open."
            </p>
            <div id="link-problems" class="notice error" role="alert">
                <div>
                    <p><strong>"What is wrong:"</strong></p>
                    <ul>{list_items(problems)}</ul>
                </div>
            </div>
            <h3>"What could be read"</h3>
            {readable_list}
            <p class="unread-actions">
                {open_readable}
                " "
                <button type="button" id="open-defaults" class=if anything { "secondary" } else { "" }
                    on:click=defaults>"Start from the defaults"</button>
                " "
                {back}
            </p>
        </section>
    }
}
