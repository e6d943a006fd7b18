//! The scenario in words: printed above the diagram so a printed page stands on its own.

use credflow_core::scenario::INPUTS;
use credflow_core::Scenario;
use leptos::prelude::*;

use crate::state::Store;

/// `(title, value)` rows for every input.
pub fn rows(s: &Scenario) -> Vec<(&'static str, String)> {
    let mut rows: Vec<(&'static str, String)> = INPUTS
        .iter()
        .map(|i| {
            let label = s.value(i.key).and_then(|v| i.label(v)).unwrap_or_default();
            (i.title, label.to_string())
        })
        .collect();
    rows.push(("DP share readers", s.dpacl.labels()));
    for (i, share) in s.shares.iter().enumerate() {
        rows.push((
            "Share",
            format!(
                "{}. {} — readers: {}",
                i + 1,
                share.unc,
                share.readers.labels()
            ),
        ));
    }
    rows
}

#[component]
pub fn Summary() -> impl IntoView {
    let store = Store::get();
    view! {
        <section id="summary" class="summary print-only" aria-label="Scenario summary">
            <h2>"Scenario"</h2>
            <dl>
                {move || store.scenario.with(|s| rows(s).into_iter().map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd>{v}</dd></div>
                }).collect_view())}
            </dl>
            // The printed page leads back to the scenario: its link in full.
            <p class="print-link">"This scenario: "{move || {
                store.scenario.track();
                let link = store.share_link();
                let href = link.clone();
                view! { <a href=href>{link}</a> }
            }}</p>
        </section>
    }
}
