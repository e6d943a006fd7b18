//! Findings (every non-ok step as text: the diagram for screen readers and print; shares
//! that fail alike told once, `present::findings`) and the rule book's sources.

use credflow_core::present::{findings, Finding};
use credflow_core::SourceId;
use leptos::prelude::*;

use crate::state::Store;

#[component]
pub fn Findings() -> impl IntoView {
    let store = Store::get();
    // A frame after the plan changes: a change paints the diagram first (see `after_paint`).
    let painted = crate::after_paint(store.plan);
    let list = Memo::new(move |_| {
        painted.track();
        store.plan.with_untracked(findings)
    });
    let show_all = store.all_findings;
    // Printing (the browser's own command too) lists every finding. The listener goes with
    // the list.
    let print = window_event_listener_untyped("beforeprint", move |_| store.show_all_findings());
    on_cleanup(move || print.remove());
    // Redrawn only when the findings change, not on every change of the scenario.
    let items = move || {
        let all = show_all.get();
        list.with(|list| {
            if list.is_empty() {
                return view! { <p class="no-findings">"No findings: every step succeeds."</p> }
                    .into_any();
            }
            let shown = if all {
                list.len()
            } else {
                list.len().min(FINDINGS_SHOWN)
            };
            let items = list[..shown].iter().cloned().map(item).collect_view();
            view! {
                <ol class="findings">{items}</ol>
                {more_button("findings-all", list.len() - shown, "findings", move || store.show_all_findings())}
            }
            .into_any()
        })
    };
    view! {
        <section id="findings" class="findings-section" aria-labelledby="findings-title">
            <h2 id="findings-title">"Findings"</h2>
            {items}
        </section>
    }
}

/// How many findings are drawn before "Show N more findings": each is a block of text, and a
/// scenario with many failing shares stays quick to change (every finding drawn is laid out
/// again on every change; docs/performance.md).
pub const FINDINGS_SHOWN: usize = 10;

/// How many step chips are drawn before "Show N more steps" (the selected step's chip is
/// always drawn).
pub const CHIPS_SHOWN: usize = 30;

/// "Show N more …", or nothing when nothing is hidden.
pub fn more_button(
    id: &'static str,
    hidden: usize,
    what: &'static str,
    show_all: impl Fn() + Copy + 'static,
) -> Option<impl IntoView> {
    (hidden > 0).then(|| {
        view! {
            <button type="button" id=id class="secondary show-all" on:click=move |_| show_all()>
                {format!("Show {hidden} more {what}")}
            </button>
        }
    })
}

/// One finding; a click on its title selects its (first) step. A finding that stands for
/// several shares lists them.
fn item(f: Finding) -> impl IntoView {
    let store = Store::get();
    let n = f.steps.first().copied().unwrap_or(1);
    let shares = (!f.shares.is_empty()).then(|| {
        view! {
            <ul class="finding-shares">
                {f.shares.into_iter().map(|unc| view! { <li><code>{unc}</code></li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class=format!("finding outcome-{}", f.shown.key()) data-step=n data-steps=f.steps.len()>
            <p class="finding-title">
                <span class="marker" aria-hidden="true">{f.shown.marker()}</span>
                <button type="button" class="link" on:click=move |_| store.select(Some(n))>
                    {f.title}
                </button>
            </p>
            <p>{f.text}</p>
            {shares}
            {f.fix.map(|fix| view! { <p><strong>"Fix: "</strong>{fix}</p> })}
            {f.notes.into_iter().map(|note| view! { <p class="note"><strong>"Note: "</strong>{note}</p> }).collect_view()}
            <p class="log">"Log: "<code>{f.log}</code></p>
        </li>
    }
}

#[component]
pub fn Sources() -> impl IntoView {
    let rows = SourceId::ALL
        .iter()
        .map(|s| {
            view! {
                <tr>
                    <th scope="row">{s.key()}</th>
                    <td><a href=s.address() rel="noreferrer">{s.title()}</a></td>
                    <td>{s.kind()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section id="sources" class="sources-section" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources"</h2>
            <p class="help">"Every rule names the sources it rests on, and says what it infers rather than reads in them. Where sources disagree, the step shows both claims in a note. The links are plain links to each source's address; this page requests nothing from them. "<a href="rules.md">"The whole rule book"</a>" lists every rule with its condition, outcome, fix and sources."</p>
            <table>
                <thead><tr><th scope="col">"Id"</th><th scope="col">"Source"</th><th scope="col">"About"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
