//! The flow diagram (the core's SVG), its text (a list of its steps, for screen readers and
//! the keyboard), the step picker for touch, and the details of the selected step.

use credflow_core::present::{self, Shown};
use credflow_core::{svg_inline_band, Step};
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::findings::{more_button, CHIPS_SHOWN};
use crate::components::list_items;
use crate::state::Store;

/// The step number of the diagram element under a click, if any.
fn clicked_step(ev: &MouseEvent) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let group = target.closest("[data-step]").ok()??;
    group.get_attribute("data-step")?.parse().ok()
}

#[component]
pub fn DiagramView() -> impl IntoView {
    let store = Store::get();
    // The diagram's element, drawn and highlighted by the two effects below rather than by
    // the view, so that the highlight is a class on one element: changing a style sheet would
    // make the browser restyle the whole page.
    let host = NodeRef::<leptos::html::Div>::new();
    // The row drawn for the selected step (a step in the summary row of the shares beyond the
    // first 50 highlights that row).
    let drawn = move || {
        store
            .selected
            .get()
            .map(|n| store.diagram.with(|d| d.drawn_step(n)))
    };
    // The whole diagram, highlighted.
    let draw_whole = move |el: &web_sys::HtmlDivElement| {
        store.svg.with_untracked(|svg| el.set_inner_html(svg));
        let _ = el.remove_attribute("data-partial");
        highlight(el, untrack(drawn));
    };
    // A tall diagram drawn in part (`data-partial`, see `band`) is drawn whole here: when the
    // browser is idle, or at once when the page scrolls, resizes or prints.
    let complete = move || {
        let Some(el) = host.get_untracked() else {
            return;
        };
        if el.has_attribute("data-partial") {
            draw_whole(&el);
            // Laid out now, in this idle time, rather than in the next frame, where a change
            // would pay for it.
            el.get_bounding_client_rect();
            crate::browser::mark("credflow:diagram-complete");
        }
    };
    // Whether the diagram is wider than its box (on a phone): then it says so, and its box
    // takes the keyboard focus, so that it can be scrolled without a mouse. The diagram's width
    // is fixed, so this changes only with the window's.
    let measure = move || {
        let (Some(el), Some(hint)) = (
            host.get_untracked(),
            document().get_element_by_id("diagram-hint"),
        ) else {
            return;
        };
        let scrolls = el.scroll_width() > el.client_width();
        let _ = if scrolls {
            hint.remove_attribute("hidden")
        } else {
            hint.set_attribute("hidden", "")
        };
        for (name, value) in [
            ("tabindex", "0"),
            ("role", "group"),
            ("aria-label", "Flow diagram, scrolls sideways"),
        ] {
            let _ = if scrolls {
                el.set_attribute(name, value)
            } else {
                el.remove_attribute(name)
            };
        }
    };
    // (In an effect: in the browser only, not when the page is rendered to HTML.)
    Effect::new(move |_| {
        for event in ["scroll", "resize", "beforeprint"] {
            let handle = window_event_listener_untyped(event, move |_| complete());
            on_cleanup(move || handle.remove());
        }
        let handle = window_event_listener_untyped("resize", move |_| measure());
        on_cleanup(move || handle.remove());
    });
    // A new diagram: drawn, highlighted, and marked for the benchmark (the app's first diagram
    // in the DOM, then every update). The effect's value is the width of the diagram it drew
    // last (`None` before the first), which tells the scale of that drawing on screen.
    Effect::new(move |drawn_width: Option<Option<f32>>| {
        let el = host.get()?;
        let drawn_before = drawn_width.flatten();
        store.svg.track();
        let (width, part) = store.diagram.with_untracked(|d| {
            let part = band(&el, drawn_before.unwrap_or(0.0), d.width, d.height)
                .map(|(top, bottom)| svg_inline_band(d, top, bottom));
            (d.width, part)
        });
        match part {
            Some(part) => {
                el.set_inner_html(&part);
                let _ = el.set_attribute("data-partial", "");
                highlight(&el, untrack(drawn));
                crate::browser::when_idle(complete);
            }
            None => draw_whole(&el),
        }
        if drawn_before.is_some() {
            crate::browser::mark("credflow:diagram-updated");
        } else {
            measure();
            // A first visit has seen the prerendered diagram already (public/first.js marked it).
            crate::browser::mark("credflow:app-diagram");
            if !crate::browser::marked("credflow:first-diagram") {
                crate::browser::mark("credflow:first-diagram");
            }
        }
        Some(width)
    });
    // Another step selected.
    Effect::new(move |_| {
        let step = drawn();
        if let Some(el) = host.get_untracked() {
            highlight(&el, step);
        }
    });
    view! {
        <figure class="diagram-figure" aria-labelledby="diagram-caption">
            <p id="diagram-hint" class="diagram-hint" hidden>
                "The diagram is wider than the screen: scroll it sideways."
            </p>
            <div
                id="diagram"
                class="diagram"
                node_ref=host
                on:click=move |ev| {
                    if let Some(n) = clicked_step(&ev) {
                        store.select(Some(n));
                    }
                }
            ></div>
            <figcaption id="diagram-caption" class="sr-only">"Flow diagram of the plan. Its steps, as a list:"</figcaption>
            <DiagramText />
        </figure>
        <crate::Later><StepPicker /></crate::Later>
    }
}

/// The diagram as text: the core's [`Diagram::text`](credflow_core::Diagram), the same lines
/// as the SVG's `<desc>` and the embed view's, one button a step, for screen readers (a list
/// to move through, not one long description) and the keyboard. The list is one tab stop:
/// the arrow keys, Home and End move between the steps (the diagram rings the step in focus,
/// and the step's text shows under the diagram); Enter (or a click) selects the step and
/// moves to its details.
#[component]
fn DiagramText() -> impl IntoView {
    let store = Store::get();
    // A frame after the diagram changes: a change paints the diagram first (see `after_paint`).
    let painted = crate::after_paint(store.plan);
    // Drawn by this effect, as plain elements (text nodes only), rather than by the view: a
    // list of up to 52 steps redrawn whole is all it needs, and costs the page less code. The
    // first drawing waits a frame too, after the diagram's.
    let draw = move || {
        if let Some(list) = document().get_element_by_id("diagram-text") {
            store
                .diagram
                .try_with_untracked(|d| fill(&list, &d.edges, &d.text));
        }
    };
    Effect::new(move |first: Option<()>| {
        painted.track();
        if first.is_none() {
            request_animation_frame(draw);
        } else {
            draw();
        }
    });
    let step_of = |ev: &web_sys::Event| -> Option<usize> {
        let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        target.get_attribute("data-step")?.parse().ok()
    };
    let on_key = move |ev: KeyboardEvent| {
        let Some(list) = document().get_element_by_id("diagram-text") else {
            return;
        };
        let buttons = list.get_elements_by_tag_name("button");
        let count = buttons.length();
        let current = document().active_element();
        let Some(at) = (0..count).find(|&i| {
            buttons
                .item(i)
                .is_some_and(|b| Some(&b) == current.as_ref())
        }) else {
            return;
        };
        let to = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => (at + 1).min(count - 1),
            "ArrowUp" | "ArrowLeft" => at.saturating_sub(1),
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        ev.prevent_default();
        // A roving tab stop: the list is one stop, on the step last in focus.
        for i in 0..count {
            if let Some(b) = buttons.item(i) {
                let _ = b.set_attribute("tabindex", if i == to { "0" } else { "-1" });
            }
        }
        if let Some(b) = buttons
            .item(to)
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = b.focus();
        }
    };
    view! {
        <ol
            id="diagram-text"
            class="diagram-text"
            aria-label="Steps of the diagram"
            on:keydown=on_key
            on:focusin=move |ev| ring(step_of(&ev))
            on:focusout=move |_| ring(None)
            on:click=move |ev| {
                if let Some(n) = step_of(&ev) {
                    store.select(Some(n));
                    // Once the details have been drawn for it.
                    request_animation_frame(|| crate::browser::focus("step-details"));
                }
            }
        ></ol>
    }
}

/// The list's items: a button a drawn step, its text the step's line of the diagram's text.
fn fill(list: &web_sys::Element, edges: &[credflow_core::Edge], text: &[String]) {
    list.set_text_content(None);
    let doc = document();
    for (i, (edge, line)) in edges.iter().zip(text).enumerate() {
        let (Ok(item), Ok(button)) = (doc.create_element("li"), doc.create_element("button"))
        else {
            return;
        };
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("data-step", &edge.step.to_string());
        let _ = button.set_attribute("tabindex", if i == 0 { "0" } else { "-1" });
        button.set_text_content(Some(line));
        let _ = item.append_child(&button);
        let _ = list.append_child(&item);
    }
}

/// Takes `class` off an element of the SVG (whose `class` is not a `DOMTokenList` in web-sys's
/// features here).
fn drop_class(el: &web_sys::Element, class: &str) {
    let classes = el.get_attribute("class").unwrap_or_default();
    let kept: Vec<&str> = classes.split(' ').filter(|c| *c != class).collect();
    let _ = el.set_attribute("class", &kept.join(" "));
}

/// Rings the diagram's step `n` (`kf`: the keyboard's focus is on its line of the diagram's
/// text) and brings it into view; `None` takes the ring away.
fn ring(step: Option<usize>) {
    let Some(diagram) = document().get_element_by_id("diagram") else {
        return;
    };
    if let Ok(Some(old)) = diagram.query_selector(".kf") {
        drop_class(&old, "kf");
    }
    let Some(n) = step else {
        return;
    };
    // A step in the summary row of the shares beyond the first 50 rings that row.
    let Ok(Some(row)) = diagram.query_selector(&format!("[data-step=\"{n}\"]")) else {
        return;
    };
    let class = row.get_attribute("class").unwrap_or_default();
    let _ = row.set_attribute("class", &format!("{class} kf"));
    let rect = row.get_bounding_client_rect();
    let height = crate::browser::viewport_height();
    if rect.top() < 0.0 || rect.bottom() > height {
        row.scroll_into_view_with_bool(rect.top() < 0.0);
    }
}

/// For a diagram much taller than the window, the band of it (diagram units) that is on screen
/// or within a quarter of a window of it: all that a change needs to draw before the next
/// paint (the browser's cost is in laying out the SVG's text, row by row). `None`: draw it
/// whole (it is not that tall, most of it is in the band, or there is no earlier drawing to
/// measure, as for the first). `drawn_width` is the width of the diagram drawn before.
fn band(
    host: &web_sys::HtmlDivElement,
    drawn_width: f32,
    width: f32,
    height: f32,
) -> Option<(f32, f32)> {
    let window = leptos::prelude::window();
    let view = window.inner_height().ok()?.as_f64()? as f32;
    // Not tall even at the largest the style sheet draws it (`min-width: 720px`): no need to
    // measure (which makes the browser lay out the page's other changes at once).
    if height * (720.0 / width).max(1.0) < 2.0 * view {
        return None;
    }
    let before = host.first_element_child()?;
    let rect = before.get_bounding_client_rect();
    if rect.width() <= 0.0 || drawn_width <= 0.0 {
        return None;
    }
    // The scale on screen: the old drawing's, or smaller for a wider new diagram (which the
    // page may draw smaller); a scale too small only draws more.
    let scale = rect.width() as f32 / drawn_width.max(width);
    if height * scale < 2.0 * view {
        return None;
    }
    let top = rect.top() as f32;
    let (from, to) = ((-top - view / 4.0) / scale, (1.25 * view - top) / scale);
    (to - from < 0.75 * height).then_some((from, to))
}

/// Marks the drawn row of the selected step (`sel`) and the diagram as having one (`has-sel`):
/// the style sheet sets that row on a tinted, outlined band. The other rows stay as they are:
/// fading them would take their text below a readable contrast (WCAG 1.4.3).
fn highlight(diagram: &web_sys::HtmlDivElement, step: Option<usize>) {
    if let Ok(Some(old)) = diagram.query_selector(".sel") {
        drop_class(&old, "sel");
    }
    let row = step.and_then(|n| {
        diagram
            .query_selector(&format!("[data-step=\"{n}\"]"))
            .ok()
            .flatten()
    });
    if let Some(row) = &row {
        let class = row.get_attribute("class").unwrap_or_default();
        let _ = row.set_attribute("class", &format!("{class} sel"));
    }
    diagram.set_class_name(if row.is_some() {
        "diagram has-sel"
    } else {
        "diagram"
    });
}

/// One button per step: the diagram's steps for keyboard and touch.
#[component]
fn StepPicker() -> impl IntoView {
    let store = Store::get();
    // A frame after the plan changes: a change paints the diagram first (see `after_paint`).
    let painted = crate::after_paint(store.plan);
    // A memo of what the chips show: they are redrawn only when that changes.
    let chips = Memo::new(move |_| {
        painted.track();
        store.plan.with_untracked(|plan| {
            plan.steps
                .iter()
                .map(|s| (s.n, present::step_name(s), Shown::of(s), present::would(s)))
                .collect::<Vec<_>>()
        })
    });
    let show_all = RwSignal::new(false);
    let buttons = move || {
        let all = show_all.get();
        // Beyond the first few, only the selected step's chip (the rest: "Show more").
        let selected = if all { None } else { store.selected.get() };
        chips.with(|chips| {
            let shown = |i: usize, n: usize| all || i < CHIPS_SHOWN || Some(n) == selected;
            let hidden = (0..chips.len()).filter(|&i| !shown(i, chips[i].0)).count();
            let buttons = chips
                .iter()
                .enumerate()
                .filter(|&(i, chip)| shown(i, chip.0))
                .map(|(_, (n, name, shown, would))| {
                    let n = *n;
                    let state = match would {
                        Some(w) => format!(", {} ({w})", shown.words()),
                        None => format!(", {}", shown.words()),
                    };
                    view! {
                        <button
                            type="button"
                            class=format!("step-chip outcome-{}", shown.key())
                            class:not-reached=*shown == Shown::NotReached
                            data-step=n
                            aria-pressed=move || (store.selected.get() == Some(n)).to_string()
                            on:click=move |_| store.select(Some(n))
                        >
                            <span class="marker" aria-hidden="true">{shown.marker()}</span>
                            {format!("{}. {}", n, name)}
                            <span class="sr-only">{state}</span>
                            {move || log_lines(store, n).map(|lines| view! {
                                <span class="log-badge">{format!(" (log: {lines})")}</span>
                            })}
                        </button>
                    }
                })
                .collect_view();
            view! { {buttons} {more_button("steps-all", hidden, "steps", move || show_all.set(true))} }
        })
    };
    view! {
        <div class="step-picker" role="group" aria-label="Steps of the plan">{buttons}</div>
    }
}

/// Everything known about the selected step.
#[component]
pub fn StepDetails() -> impl IntoView {
    let store = Store::get();
    // The selected step with its identities' names: redrawn only when that changes.
    let shown = Memo::new(move |_| {
        let n = store.selected.get();
        store.plan.with(|plan| {
            n.and_then(|n| plan.steps.get(n - 1)).map(|step| {
                let names: Vec<&'static str> = std::iter::once(step.identity)
                    .chain(step.attempts.iter().map(|a| a.identity))
                    .map(|id| plan.identity_name(id))
                    .collect();
                (step.clone(), names)
            })
        })
    });
    move || {
        shown.with(|shown| match shown {
            Some((step, names)) => details(step, names).into_any(),
            None => view! {
                <section id="step-details" class="step-details empty" tabindex="-1">
                    <p>"Every step succeeds. Select a step in the diagram or above to see who does what, and why."</p>
                </section>
            }
            .into_any(),
        })
    }
}

/// The lines of the log read in the Diagnose panel that are evidence for step `n`, if any.
fn log_lines(store: Store, n: usize) -> Option<String> {
    store
        .log_marks
        .with(|marks| marks.iter().find(|m| m.n == n).map(|m| m.lines.clone()))
}

/// What the log read in the Diagnose panel shows about step `n`.
fn log_evidence(n: usize) -> Option<impl IntoView> {
    let store = Store::get();
    store.log_marks.with(|marks| {
        marks.iter().find(|m| m.n == n).map(|m| {
            let items = list_items(m.says.clone());
            view! {
                <dt>"From your log"</dt>
                <dd class="log-evidence"><ul>{items}</ul></dd>
            }
        })
    })
}

/// `names`: the acting identity's display name, then each attempt's.
fn details(step: &Step, names: &[&'static str]) -> impl IntoView {
    let n = step.n;
    let who = names.first().copied().unwrap_or_default();
    let sources = step
        .sources
        .iter()
        .map(|s| view! { <li><strong>{s.key()}</strong>" — "<a href=s.address() rel="noreferrer">{s.title()}</a></li> })
        .collect_view();
    let attempts = (!step.attempts.is_empty()).then(|| {
        let items = step
            .attempts
            .iter()
            .zip(names.iter().skip(1))
            .map(|(a, name)| {
                view! {
                    <li class=format!("outcome-{}", a.outcome.key())>
                        <span class="marker" aria-hidden="true">{present::marker(a.outcome)}</span>
                        <strong>{*name}</strong>
                        {format!(" — {}: {}", a.outcome.label(), a.reason)}
                    </li>
                }
            })
            .collect_view();
        view! { <dt>"Tried in turn"</dt><dd><ol class="attempts">{items}</ol></dd> }
    });
    view! {
        <section
            id="step-details"
            class=format!("step-details outcome-{}", Shown::of(step).key())
            data-step=step.n
            tabindex="-1"
            aria-labelledby="step-details-title"
        >
            <h3 id="step-details-title">
                <span class="marker" aria-hidden="true">{Shown::of(step).marker()}</span>
                {format!("Step {}: {} — {}", step.n, present::step_name(step), Shown::of(step).words())}
            </h3>
            {present::would(step).map(|w| view! {
                <p class="not-reached-note">
                    {format!("An earlier step fails, so the run stops before this one. If it were reached, it {w}. It is shown so that every problem is visible at once.")}
                </p>
            })}
            <p class="what"><strong>{who}</strong>" "{step.action.clone()}</p>
            <dl>
                <dt>"Why"</dt>
                <dd class="reason">{step.reason.clone()}</dd>
                {step.fix.clone().map(|f| view! { <dt>"Fix"</dt><dd class="fix">{f}</dd> })}
                {step.notes.iter().map(|n| view! { <dt>"Note"</dt><dd class="note">{n.clone()}</dd> }).collect_view()}
                {attempts}
                <dt>"Log"</dt>
                <dd class="log"><code>{step.log.file}</code>" in "<code>{step.log.folder}</code></dd>
                {move || log_evidence(n)}
                <dt>"Says who"</dt>
                <dd>
                    <ul class="sources">{sources}</ul>
                    {step.inferred.clone().map(|i| view! { <p class="inferred"><strong>"Inferred: "</strong>{i}</p> })}
                </dd>
                <dt>"Rule"</dt>
                <dd><code>{step.rule}</code></dd>
            </dl>
        </section>
    }
}
