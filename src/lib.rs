//! The page: the shell around credflow-core. It holds one scenario signal, derives the plan
//! and the diagram from it, and owns the side effects (URL fragment, localStorage, clipboard,
//! downloads). Everything it shows about a scenario is computed by the core.

#![cfg_attr(feature = "ssr", recursion_limit = "256")]

pub mod browser;
pub mod components;
pub mod crash;
pub mod state;

use credflow_core::link::View;
use leptos::prelude::*;

#[cfg(feature = "training")]
use components::compare::{CompareEmbed, ComparePage};
use components::diagnose::Diagnose;
use components::diagram::{DiagramView, StepDetails};
use components::embed::EmbedView;
use components::export::ExportBar;
use components::findings::{Findings, Sources};
use components::library::Library;
use components::notice::{NoticeBar, UnreadLink};
use components::start::{CompareWith, Contrasts, QuizStart};
use components::summary::Summary;
use components::toolbar::{apply_saved_theme, Toolbar};
use components::verdict::{Verdict, VerdictBar};
use components::walk::WalkThrough;
use components::wizard::Wizard;
use state::Store;

/// Starts the page: the panic message, `?reset`, then the app in place of the prerendered
/// first paint (index.html, public/first.js), in the same task, so that the browser never
/// paints the page without either.
#[cfg(feature = "csr")]
pub fn start() {
    crash::install();
    crash::reset_if_asked();
    crash::install_test_trigger();
    if let Some(prerendered) = document().get_element_by_id("prerender") {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The whole page, starting from the URL fragment or the saved scenario.
#[component]
pub fn App() -> impl IntoView {
    apply_saved_theme();
    let (link, notice, undo) = state::initial();
    if link.view == View::Embed {
        components::embed::apply_theme(link.theme);
    }
    let store = Store::new(link.scenario, link.view);
    store.start_with(link.compare);
    store.tell(notice);
    store.set_quiz(link.quiz);
    store.keep_for_undo(undo);
    state::sync(store);
    view! { <Page store=store /> }
}

/// The page for a given store (tests mount it without touching the URL or storage).
#[component]
pub fn Page(store: Store) -> impl IntoView {
    provide_context(store);
    // The diagram's style sheet, once (the shown SVG leaves it out; see `svg_inline`), and its
    // colours for the page's theme: the exported SVG stays light, the one on the page follows
    // the page into dark mode.
    let style = format!(
        "{}{}",
        credflow_core::svg::STYLE,
        credflow_core::svg::themed_style(".diagram")
    );
    // Whether the page compares two scenarios (changes only when that does).
    let comparing = Memo::new(move |_| store.compare.with(Option::is_some));
    view! {
        <style>{style}</style>
        {move || match store.view.get() {
            // A link that could not be read in full: no planner until the reader chooses.
            _ if store.unread.get() => view! { <UnreadLink /> }.into_any(),
            // A question (`quiz=1`): its outcome hidden until answered.
            #[cfg(feature = "training")]
            view if store.quiz.get() => components::quiz::quiz_view(view).into_any(),
            #[cfg(feature = "training")]
            View::Full if comparing.get() => view! { <ComparePage /> }.into_any(),
            #[cfg(feature = "training")]
            View::Embed if comparing.get() => view! { <CompareEmbed /> }.into_any(),
            // The planner's build has neither: the training build takes over.
            #[cfg(not(feature = "training"))]
            _ if store.quiz.get() || comparing.get() => state::hand_off(store).into_any(),
            View::Full => full().into_any(),
            View::Embed => view! { <EmbedView /> }.into_any(),
        }}
    }
}

fn full() -> impl IntoView {
    view! {
        <Chrome skip_to="verdict" skip_text="Skip to the verdict"
            tagline="Who touches what when an SMS 2003 or ConfigMgr 2007 client installs a program">
            <main id="main">
                <NoticeBar />
                <Intro />
                {planner("Scenario", view! { <Wizard /> }, "Result", view! {
                    <Summary />
                    <Verdict />
                    <DiagramView />
                    // One `Later` per place rather than per section: each is code of its own.
                    <Later>
                        <div class="result-actions">
                            <WalkThrough />
                            <ExportBar />
                            <CompareWith />
                        </div>
                        <StepDetails />
                    </Later>
                })}
                <Later>
                    <Findings />
                    <Diagnose />
                    <Library />
                    <Contrasts />
                    <QuizStart />
                    <Sources />
                    // Fixed to the bottom of a narrow window; inside the main landmark like the rest.
                    <VerdictBar />
                </Later>
            </main>
        </Chrome>
    }
}

/// What every page of the full view has around its main landmark: the skip link to
/// `skip_to`, the header with the toolbar, and the footer.
#[component]
pub fn Chrome(
    skip_to: &'static str,
    skip_text: &'static str,
    tagline: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href=format!("#{skip_to}") on:click=move |ev| {
            // Focus the target without turning the link in the address into `#verdict`.
            ev.prevent_default();
            browser::focus(skip_to);
        }>{skip_text}</a>
        {site_header("credflow", tagline, view! { <Toolbar /> })}
        {children()}
        <footer class="site-footer">
            <p>"credflow runs entirely in your browser: nothing you choose or type leaves this page."</p>
        </footer>
    }
}

/// The page's header: its title and tagline, then `tools` (the full view's toolbar).
pub fn site_header(
    title: &'static str,
    tagline: &'static str,
    tools: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="brand">
                <h1>{title}</h1>
                <p class="tagline">{tagline}</p>
            </div>
            {tools}
        </header>
    }
}

/// The planner's two columns: the wizard (`wizard`, labelled `wizard_label`) and the result.
pub fn planner(
    wizard_label: &'static str,
    wizard: impl IntoView + 'static,
    result_label: &'static str,
    result: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="planner">
            <section class="wizard-column" aria-label=wizard_label>
                {wizard}
            </section>
            <section class="result-column" aria-label=result_label>
                {result}
            </section>
        </div>
    }
}

/// One line for a first visitor, while the scenario is still the default one: where to
/// start. (The wizard is on the left of the result on a wide screen, above it on a narrow one.)
#[component]
fn Intro() -> impl IntoView {
    let store = Store::get();
    let fresh = Memo::new(move |_| {
        store
            .scenario
            .with(|s| *s == credflow_core::Scenario::default())
    });
    move || {
        fresh.get().then(|| {
            view! {
                <p id="intro" class="intro">
                    "Describe your deployment "
                    <span class="wide-only">"on the left"</span>
                    <span class="narrow-only">"below"</span>
                    ": the verdict and the diagram follow every choice, and show which account touches what at each step."
                </p>
            }
        })
    }
}

/// Draws its children after the page's first paint: the sections below the diagram (step
/// chips, actions, details, findings, presets, sources) wait until the browser has painted the
/// wizard, the verdict and the diagram, so that the diagram shows sooner on a slow machine. They
/// are below it, so it does not move when they appear.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // The first callback runs just before the first paint, the second one frame later.
    // (Natively, for the prerendered first paint, there is no frame: they stay out.)
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || request_animation_frame(move || ready.set(true)));
    move || ready.get().then(|| children())
}

/// A trigger that fires a frame after `source` changes: the lists below the diagram (step
/// chips, findings) read the plan untracked and follow this instead, so that a change paints
/// the diagram and the verdict first and the lists in the next frame, instead of holding up
/// the first one (with many shares their redraw is a good part of a change; docs/performance.md).
/// Changes within one frame fire it once.
pub fn after_paint(source: impl Track + Send + Sync + 'static) -> Trigger {
    let painted = Trigger::new();
    let pending = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        source.track();
        if first.is_none() || pending.try_get_value() != Some(false) {
            return;
        }
        pending.set_value(true);
        let follow = move || {
            if pending.try_set_value(false).is_none() {
                painted.notify();
            }
        };
        // The next frame paints the change; the lists follow in the frame after it.
        #[cfg(target_arch = "wasm32")]
        request_animation_frame(move || request_animation_frame(follow));
        #[cfg(not(target_arch = "wasm32"))]
        follow();
    });
    painted
}

/// The page as the app first draws it for a first visit (the default scenario, nothing saved),
/// as HTML: the build writes it into `index.html` (`scripts/prerender`), so that a first visit
/// sees the diagram before the WebAssembly has started. The app replaces it when it starts
/// (`main.rs`); `public/first.js` shows it only to a first visit.
#[cfg(feature = "ssr")]
pub fn prerender() -> String {
    Owner::new().with(|| {
        let store = Store::new(credflow_core::Scenario::default(), View::Full);
        // The app highlights the selected step's row from an effect; the first visit's
        // scenario has none (checked here so that a change of defaults cannot go unnoticed).
        assert_eq!(
            store.selected.get_untracked(),
            None,
            "the default scenario selects a step"
        );
        let html = view! { <Page store=store /> }.to_html();
        // The app draws the diagram from an effect, which does not run here.
        let empty = r#"<div id="diagram" class="diagram"></div>"#;
        assert_eq!(html.matches(empty).count(), 1, "one empty diagram element");
        let drawn = format!(
            r#"<div id="diagram" class="diagram">{}</div>"#,
            store.svg.get_untracked()
        );
        html.replace(empty, &drawn)
    })
}
