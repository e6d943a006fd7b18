//! The scenario in words: printed above the diagram so a printed page stands on its own.

use credflow_core::Scenario;
use leptos::prelude::*;

use crate::state::Store;
use crate::words::{input_title, value_label};

/// `(title, value)` rows for every input.
pub fn rows(s: &Scenario) -> Vec<(&'static str, String)> {
    let mut rows: Vec<(&'static str, String)> = [
        ("client", s.client.key()),
        ("os", s.os.key()),
        ("role", s.role.key()),
        ("domain", s.domain.key()),
        ("run", s.run.key()),
        ("when", s.when.key()),
        ("sia", s.sia.key()),
        ("logon", s.logon.key()),
        ("installer", s.installer.key()),
        ("naa", s.naa.key()),
        ("siacct", s.siacct.key()),
        ("source", s.source.key()),
    ]
    .into_iter()
    .map(|(k, v)| (input_title(k), value_label(k, v).to_string()))
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
        </section>
    }
}
