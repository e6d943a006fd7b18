//! Two scenarios side by side: a comparison link (`b.` keys) opens both, each with its verdict
//! and diagram, the steps aligned and every difference said in words
//! (`credflow_core::compare`). The wizard changes one side at a time; steps alike in both
//! recede in the diagrams. "Compare with…" starts one from any scenario.

use credflow_core::compare::{self, Row};
use credflow_core::link::View;
use credflow_core::present::{headline, scenario_lines};

use credflow_core::Plan;
use leptos::context::Provider;
use leptos::prelude::*;

use crate::browser;
use crate::components::export::{embed_button, embed_panel};
use crate::components::list_items;
use crate::components::notice::NoticeBar;
use crate::components::wizard::Wizard;
use crate::state::{Notice, Store};

/// The comparison's second scenario, B, in a store of its own, so that the wizard and every
/// memo work on it as on A. The page's store holds it too (`Store::compare`), for the link.
#[derive(Clone, Copy)]
struct SideB(Store);

/// Which scenario the wizard changes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    A,
    B,
}

/// B's store, kept in step with the page's comparison both ways.
fn side_b(store: Store) -> Store {
    let b = Store::new(
        store.compare.get_untracked().unwrap_or_default(),
        View::Full,
    );
    // From the page (a link followed, Swap, Undo) to B's wizard …
    Effect::new(move |_| {
        if let Some(s) = store.compare.get() {
            b.load(s);
        }
    });
    // … and from B's wizard to the page, with what normalising it changed.
    Effect::new(move |_| {
        let s = b.scenario.get();
        store.edit_compare(s);
    });
    // What B's wizard says (choices it adjusted) is said on the page, naming B.
    Effect::new(move |_| {
        if let Some(notice) = b.notice.get() {
            store.tell(Some(match notice {
                Notice::Adjusted(mut lines) => {
                    lines.insert(0, "In scenario B:".into());
                    Notice::Adjusted(lines)
                }
                other => other,
            }));
        }
    });
    b
}

/// The page's store (A), B's store, provided to the views below, and the rows of the
/// comparison, for both plans as they are now.
fn both_sides() -> (Store, Store, Memo<Vec<Row>>) {
    let store = Store::get();
    let b = side_b(store);
    provide_context(SideB(b));
    let rows = Memo::new(move |_| store.plan.with(|a| b.plan.with(|b| compare::align(a, b))));
    (store, b, rows)
}

/// The comparison page: the wizard for one side; beside it both verdicts, the differences and
/// the two diagrams.
#[component]
pub fn ComparePage() -> impl IntoView {
    let (.., rows) = both_sides();
    view! {
        <crate::Chrome skip_to="comparison" skip_text="Skip to the comparison"
            tagline="Two scenarios side by side: who touches what, and where they part">
            <main id="main" class="comparing">
                <NoticeBar />
                {crate::planner("Scenarios", view! { <SideEditor /> }, "Comparison", view! {
                    <Verdicts rows=rows />
                    <Actions />
                    <Diagrams rows=rows />
                })}
            </main>
        </crate::Chrome>
    }
}

/// The side the wizard changes, and the wizard for it.
#[component]
fn SideEditor() -> impl IntoView {
    let store = Store::get();
    let SideB(b) = expect_context::<SideB>();
    let side = RwSignal::new(Side::A);
    let choice = move |which: Side, id: &'static str, label: &'static str| {
        view! {
            <label class="side-choice" for=id>
                <input type="radio" id=id name="compare-side"
                    prop:checked=move || side.get() == which
                    on:change=move |_| side.set(which) />
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="compare-sides">
            <legend>"The choices below change"</legend>
            {choice(Side::A, "edit-a", "Scenario A")}
            {choice(Side::B, "edit-b", "Scenario B")}
        </fieldset>
        {move || match side.get() {
            Side::A => view! { <Provider value=store><Wizard /></Provider> }.into_any(),
            Side::B => view! { <Provider value=b><Wizard /></Provider> }.into_any(),
        }}
    }
}

/// A side's verdict line: `A: Succeeds`, with what its scenario changes from the defaults.
fn side_verdict(label: &'static str, plan: Memo<Plan>) -> impl IntoView {
    let outcome = move || plan.with(|p| p.verdict.key());
    view! {
        <li class="side-verdict" data-side=label.to_ascii_lowercase() data-outcome=outcome>
            <span class="side-name">{label}</span>
            <strong class="side-headline">{move || plan.with(headline)}</strong>
            <span class="side-inputs">{move || plan.with(|p| {
                let lines = scenario_lines(&p.scenario);
                if lines.is_empty() { "The defaults".to_string() } else { lines.join("; ") }
            })}</span>
        </li>
    }
}

/// Both verdicts, then every difference in words and the steps alike in both.
#[component]
fn Verdicts(rows: Memo<Vec<Row>>) -> impl IntoView {
    let store = Store::get();
    let SideB(b) = expect_context::<SideB>();
    let differences = move || {
        rows.with(|rows| {
            let lines: Vec<String> = compare::differences(rows).map(str::to_string).collect();
            if lines.is_empty() {
                view! { <p id="differences" class="differences none">{compare::NO_DIFFERENCES}</p> }
                    .into_any()
            } else {
                view! {
                    <ol id="differences" class="differences">
                        {list_items(lines)}
                    </ol>
                }
                .into_any()
            }
        })
    };
    let alike = move || {
        rows.with(|rows| {
            let same = compare::alike(rows);
            (!same.is_empty())
                .then(|| view! { <p id="alike" class="help">{format!("Alike in both: {}.", same.join(", "))}</p> })
        })
    };
    view! {
        <section id="comparison" class="comparison" tabindex="-1" aria-labelledby="comparison-title">
            <h2 id="comparison-title">"Two scenarios compared"</h2>
            <ul class="side-verdicts">
                {side_verdict("A", store.plan)}
                {side_verdict("B", b.plan)}
            </ul>
            <h3>"What differs"</h3>
            {differences}
            {alike}
        </section>
    }
}

/// Swap, keep one side, download the comparison as one SVG (the same bytes as
/// `credflow render` of its link), print, embed.
#[component]
fn Actions() -> impl IntoView {
    let store = Store::get();
    let SideB(b) = expect_context::<SideB>();
    let keep = move |side: Side| {
        let (kept, what) = match side {
            Side::A => (
                store.scenario.get_untracked(),
                "Kept scenario A; B is closed.",
            ),
            Side::B => (b.scenario.get_untracked(), "Kept scenario B; A is closed."),
        };
        store.replace(kept, what.into());
    };
    let download = move |_| download(store, b);
    let print = move |_| {
        let _ = window().print();
    };
    let show_embed = RwSignal::new(false);
    view! {
        <div class="export-bar compare-actions" role="group" aria-label="Comparison actions">
            <button type="button" id="compare-swap" class="secondary" on:click=move |_| store.swap()>"Swap A and B"</button>
            <button type="button" id="compare-keep-a" class="secondary" on:click=move |_| keep(Side::A)>"Keep A only"</button>
            <button type="button" id="compare-keep-b" class="secondary" on:click=move |_| keep(Side::B)>"Keep B only"</button>
            <button type="button" id="compare-svg" class="secondary" on:click=download>"Download SVG"</button>
            <button type="button" id="print" class="secondary" on:click=print>"Print"</button>
            {embed_button(show_embed)}
        </div>
        {embed_panel(show_embed, Some(b))}
    }
}

/// The style that makes the steps alike in both recede in each diagram.
fn receding(rows: &[Row]) -> String {
    let mut css = String::new();
    for side in ["a", "b"] {
        let steps: Vec<String> = rows
            .iter()
            .filter(|r| r.same)
            .filter_map(|r| if side == "a" { r.a } else { r.b })
            .map(|n| format!("#diagram-{side} .cf [data-step=\"{n}\"]"))
            .collect();
        if !steps.is_empty() {
            css.push_str(&steps.join(","));
            css.push_str("{opacity:.35}");
        }
    }
    css
}

/// Both diagrams, A's above B's (side by side on a screen wide enough to draw both as large as
/// the page's one diagram), the steps alike receding.
#[component]
fn Diagrams(rows: Memo<Vec<Row>>) -> impl IntoView {
    let store = Store::get();
    let SideB(b) = expect_context::<SideB>();
    let figure = move |label: &'static str, s: Store| {
        let id = format!("diagram-{}", label.to_ascii_lowercase());
        view! {
            <figure class="diagram-figure compare-figure" aria-labelledby=format!("{id}-title")>
                <figcaption id=format!("{id}-title")>
                    <span class="side-name">{label}</span>
                    {move || s.plan.with(headline)}
                </figcaption>
                <div id=id.clone() class="diagram" inner_html=move || s.svg.get()></div>
            </figure>
        }
    };
    view! {
        <section class="compare-diagrams" aria-label="The two diagrams">
            <style>{move || rows.with(|r| receding(r))}</style>
            <p class="help">"Steps alike in both are faded; every difference is listed in words above."</p>
            <div class="compare-grid">
                {figure("A", store)}
                {figure("B", b)}
            </div>
        </section>
    }
}

/// The embed view of a comparison: both verdicts, the differences, both diagrams.
#[component]
pub fn CompareEmbed() -> impl IntoView {
    let (store, b, rows) = both_sides();
    let full_link = move || {
        store.scenario.track();
        store.compare.track();
        store.share_link()
    };
    let main = crate::components::embed::measured_main();
    let title = move || {
        store.plan.with(|a| {
            b.plan
                .with(|b| format!("credflow: A {}; B {}", headline(a), headline(b)))
        })
    };
    view! {
        <main id="main" class="embed comparing" node_ref=main>
            <h1 class="sr-only">{title}</h1>
            <NoticeBar />
            <Verdicts rows=rows />
            <Diagrams rows=rows />
            <p class="open-full">
                <a href=full_link target="_blank" rel="noopener">"Open in credflow"</a>
            </p>
        </main>
    }
}

/// The comparison's file name without extension.
pub fn file_stem(store: Store, b: Store) -> String {
    store
        .plan
        .with(|a| b.plan.with(|b| compare::file_stem_of(a, b)))
}

/// Offers the comparison of `store`'s scenario with `b`'s as one SVG: the bytes `credflow
/// render` writes for the comparison's link.
pub fn download(store: Store, b: Store) {
    let c = store
        .scenario
        .with_untracked(|a| b.scenario.with_untracked(|b| compare::compare(a, b)));
    browser::download(
        &format!("{}.svg", compare::file_stem(&c)),
        "image/svg+xml",
        &compare::svg(&c),
    );
}
