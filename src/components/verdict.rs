//! The verdict banner: the verdict told in order, one sentence of reason, the fix, and the
//! warnings that go wherever the verdict goes. The words are the core's (`present`).

use credflow_core::present::{self, banner, marker};
use leptos::prelude::*;

use crate::state::Store;

#[component]
pub fn Verdict() -> impl IntoView {
    let store = Store::get();
    let shown = Memo::new(move |_| store.plan.with(banner));
    move || {
        let b = shown.get();
        let warnings = b
            .warnings
            .into_iter()
            .map(|w| view! { <p class="verdict-warning">{w}</p> })
            .collect_view();
        view! {
            <section id="verdict" tabindex="-1" class=format!("verdict outcome-{}", b.outcome.key())
                data-outcome=b.outcome.key() aria-live="polite" aria-atomic="true">
                <p class="verdict-title">
                    <span class="marker" aria-hidden="true">{marker(b.outcome)}</span>
                    {b.headline}
                </p>
                <p class="verdict-reason">{b.reason}</p>
                {b.fix.map(|f| view! { <p class="verdict-fix"><strong>"Fix: "</strong>{f}</p> })}
                {warnings}
            </section>
        }
    }
}

/// On narrow screens the verdict sits below the wizard; this bar keeps it in sight while
/// choosing, and jumps to it.
#[component]
pub fn VerdictBar() -> impl IntoView {
    let store = Store::get();
    let shown = Memo::new(move |_| store.plan.with(|p| (p.verdict, present::headline(p))));
    view! {
        <a
            class=move || format!("verdict-bar outcome-{}", shown.get().0.key())
            href="#verdict"
            on:click=|ev| {
                ev.prevent_default();
                crate::browser::focus("verdict");
            }
        >
            <span class="marker" aria-hidden="true">{move || marker(shown.get().0)}</span>
            <span>{move || shown.get().1}</span>
            <span class="verdict-bar-go">"See the result ↓"</span>
        </a>
    }
}
