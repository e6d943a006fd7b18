//! The verdict banner: succeeds / fails at step N / at risk / waits, with one sentence of
//! reason and one of fix.

use credflow_core::{Outcome, Plan, Step};
use leptos::prelude::*;

use crate::state::Store;
use crate::words::outcome_marker;

/// The step that decides the verdict: the first failure, else the first step as bad as the
/// verdict.
pub fn deciding_step(plan: &Plan) -> Option<&Step> {
    plan.first_failure_step().or_else(|| {
        plan.steps
            .iter()
            .find(|s| s.outcome == plan.verdict && s.outcome != Outcome::Ok)
    })
}

/// "Fails at step 4 (Connect to share)", "Succeeds", ...
pub fn headline(plan: &Plan) -> String {
    match (plan.verdict, deciding_step(plan)) {
        (Outcome::Fails, Some(s)) => format!("Fails at step {} ({})", s.n, s.step.label()),
        (Outcome::AtRisk, Some(s)) => format!("At risk at step {} ({})", s.n, s.step.label()),
        (Outcome::Waits, Some(s)) => format!("Waits at step {} ({})", s.n, s.step.label()),
        _ => "Succeeds".to_string(),
    }
}

/// The first sentence of a text.
fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(i) => &text[..=i],
        None => text,
    }
}

/// What the banner shows: outcome, headline, one sentence of reason, the fix.
fn banner(plan: &Plan) -> (Outcome, String, String, Option<String>) {
    let (reason, fix) = match deciding_step(plan) {
        Some(s) => (first_sentence(&s.reason).to_string(), s.fix.clone()),
        None => {
            let who = plan
                .steps
                .iter()
                .find(|s| s.step == credflow_core::StepKind::RunAs)
                .map(|s| plan.identity_name(s.identity))
                .unwrap_or("The client");
            (
                format!("{who} runs the program and every step succeeds."),
                None,
            )
        }
    };
    (plan.verdict, headline(plan), reason, fix)
}

#[component]
pub fn Verdict() -> impl IntoView {
    let store = Store::get();
    let shown = Memo::new(move |_| store.plan.with(banner));
    move || {
        let (outcome, headline, reason, fix) = shown.get();
        view! {
            <section id="verdict" tabindex="-1" class=format!("verdict outcome-{}", outcome.key())
                data-outcome=outcome.key() aria-live="polite" aria-atomic="true">
                <p class="verdict-title">
                    <span class="marker" aria-hidden="true">{outcome_marker(outcome)}</span>
                    {headline}
                </p>
                <p class="verdict-reason">{reason}</p>
                {fix.map(|f| view! { <p class="verdict-fix"><strong>"Fix: "</strong>{f}</p> })}
            </section>
        }
    }
}

/// On narrow screens the verdict sits below the wizard; this bar keeps it in sight while
/// choosing, and jumps to it.
#[component]
pub fn VerdictBar() -> impl IntoView {
    let store = Store::get();
    let shown = Memo::new(move |_| store.plan.with(|p| (p.verdict, headline(p))));
    view! {
        <a
            class=move || format!("verdict-bar outcome-{}", shown.get().0.key())
            href="#verdict"
            on:click=|ev| {
                ev.prevent_default();
                crate::browser::focus("verdict");
            }
        >
            <span class="marker" aria-hidden="true">{move || outcome_marker(shown.get().0)}</span>
            <span>{move || shown.get().1}</span>
            <span class="verdict-bar-go">"See the result ↓"</span>
        </a>
    }
}
