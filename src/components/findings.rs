//! Findings (every non-ok step as text: the diagram for screen readers and print) and the
//! rule book's sources.

use credflow_core::{Outcome, SourceId};
use leptos::prelude::*;

use crate::state::Store;
use crate::words::outcome_marker;

#[component]
pub fn Findings() -> impl IntoView {
    let store = Store::get();
    let items = move || {
        store.plan.with(|plan| {
            let problems: Vec<_> = plan.steps.iter().filter(|s| s.outcome != Outcome::Ok).collect();
            if problems.is_empty() {
                return view! { <p class="no-findings">"No findings: every step succeeds."</p> }
                    .into_any();
            }
            let items = problems
                .into_iter()
                .map(|s| {
                    let n = s.n;
                    view! {
                        <li class=format!("finding outcome-{}", s.outcome.key()) data-step=n>
                            <p class="finding-title">
                                <span class="marker" aria-hidden="true">{outcome_marker(s.outcome)}</span>
                                <button type="button" class="link" on:click=move |_| store.selected.set(Some(n))>
                                    {format!("Step {}: {} — {}", n, s.step.label(), s.outcome.label())}
                                </button>
                                {(!s.reached).then_some(" (not reached)")}
                            </p>
                            <p>{format!("{} {}.", plan.identity_name(s.identity), s.action)}" "{s.reason.clone()}</p>
                            {s.fix.clone().map(|f| view! { <p><strong>"Fix: "</strong>{f}</p> })}
                            {s.note.clone().map(|f| view! { <p class="note"><strong>"Note: "</strong>{f}</p> })}
                            <p class="log">"Log: "<code>{s.log.path()}</code></p>
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="findings">{items}</ol> }.into_any()
        })
    };
    view! {
        <section id="findings" class="findings-section" aria-labelledby="findings-title">
            <h2 id="findings-title">"Findings"</h2>
            {items}
        </section>
    }
}

#[component]
pub fn Sources() -> impl IntoView {
    let rows = SourceId::ALL
        .iter()
        .map(|s| view! { <tr><th scope="row">{s.key()}</th><td>{s.title()}</td><td>{s.kind()}</td></tr> })
        .collect_view();
    view! {
        <section id="sources" class="sources-section" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources"</h2>
            <p class="help">"Every rule names the sources it rests on. Where sources disagree, the step shows the other claim as a note."</p>
            <table>
                <thead><tr><th scope="col">"Id"</th><th scope="col">"Source"</th><th scope="col">"Kind"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
