//! The verdict banner: the verdict told in order, one sentence of reason, the fix, and the
//! warnings that go wherever the verdict goes. The words are the core's (`present`).

use std::time::Duration;

use credflow_core::present::{self, banner, marker};
use leptos::prelude::*;

use crate::state::Store;

#[component]
pub fn Verdict() -> impl IntoView {
    let store = Store::get();
    let shown = Memo::new(move |_| store.plan.with(banner));
    let banner = move || {
        let b = shown.get();
        let warnings = b
            .warnings
            .into_iter()
            .map(|w| view! { <p class="verdict-warning">{w}</p> })
            .collect_view();
        view! {
            <section id="verdict" tabindex="-1" class=format!("verdict outcome-{}", b.outcome.key())
                data-outcome=b.outcome.key() aria-labelledby="verdict-title">
                <p class="verdict-title" id="verdict-title">
                    <span class="marker" aria-hidden="true">{marker(b.outcome)}</span>
                    {b.headline}
                </p>
                <p class="verdict-reason">{b.reason}</p>
                {b.fix.map(|f| view! { <p class="verdict-fix"><strong>"Fix: "</strong>{f}</p> })}
                {warnings}
            </section>
        }
    };
    view! {
        {banner}
        <Announcer shown=shown />
    }
}

/// How long the verdict must stay the same before it is announced.
const SETTLED: Duration = Duration::from_millis(1000);

/// Announces a new verdict once, politely, when it has stayed the same for [`SETTLED`]:
/// typing a share path changes the plan at every key, and a screen reader should hear the
/// result, not every verdict on the way to it (nor the one it started from again).
#[component]
fn Announcer(shown: Memo<present::Banner>) -> impl IntoView {
    let verdict =
        Memo::new(move |_| shown.with(|b| format!("Result: {} {}", b.headline, b.reason)));
    let last = StoredValue::new(verdict.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let now = verdict.get();
        if first.is_none() {
            return;
        }
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // Written into the region directly: a text node, nothing else. (The page may
                // have gone meanwhile: then there is nothing to say.)
                let Some(region) = document().get_element_by_id("verdict-announce") else {
                    return;
                };
                if last.try_get_value().is_some_and(|last| last != now) {
                    last.set_value(now.clone());
                    region.set_text_content(Some(&now));
                }
            },
            SETTLED,
        );
        pending.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
    view! {
        <p id="verdict-announce" class="sr-only" role="status" aria-live="polite" aria-atomic="true"></p>
    }
}

/// On narrow screens the verdict sits below the wizard; this bar keeps it in sight while
/// choosing, and jumps to it.
#[component]
pub fn VerdictBar() -> impl IntoView {
    let store = Store::get();
    let shown = Memo::new(move |_| store.plan.with(|p| (p.verdict, present::headline(p))));
    // Not while the verdict itself is on screen: the bar would only cover the page. (Marked
    // `data-in-sight` on the bar, which the style sheet hides, and so takes out of the tab
    // order too.)
    let pending = StoredValue::new(false);
    let check = move || {
        if pending.try_get_value() != Some(false) {
            return;
        }
        pending.set_value(true);
        // Once a frame at most, however fast the page scrolls.
        request_animation_frame(move || {
            if pending.try_set_value(false).is_some() {
                return;
            }
            let (Some(verdict), Some(bar)) = (
                document().get_element_by_id("verdict"),
                document().get_element_by_id("verdict-bar"),
            ) else {
                return;
            };
            let rect = verdict.get_bounding_client_rect();
            let height = crate::browser::viewport_height();
            let _ = if rect.bottom() > 0.0 && rect.top() < height - 40.0 {
                bar.set_attribute("data-in-sight", "")
            } else {
                bar.remove_attribute("data-in-sight")
            };
        });
    };
    Effect::new(move |_| {
        for event in ["scroll", "resize"] {
            let handle = window_event_listener_untyped(event, move |_| check());
            on_cleanup(move || handle.remove());
        }
        check();
    });
    view! {
        <a
            id="verdict-bar"
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
