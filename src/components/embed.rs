//! The embed view (`view=embed`): the verdict with its fix, the diagram and a link to the full
//! planner, for an iframe in a wiki page. It tells the page that frames it how tall it is
//! (`credflow_core::embed::HEIGHT_MESSAGE`), and takes its colours from the link
//! (`theme=light|dark`, the wiki's) rather than from the reader's system.

use credflow_core::link::Theme;
use credflow_core::present::headline;
use leptos::prelude::*;

use crate::browser;
use crate::components::diagram::DiagramView;
use crate::components::notice::NoticeBar;
use crate::components::verdict::Verdict;
use crate::state::Store;

/// Pins the page's colours to the link's theme, for this visit only (nothing is saved).
pub fn apply_theme(theme: Theme) {
    if let (Some(key), Some(root)) = (theme.key(), document().document_element()) {
        let _ = root.set_attribute("data-theme", key);
    }
}

#[component]
pub fn EmbedView() -> impl IntoView {
    let store = Store::get();
    let full_link = move || {
        store.scenario.track();
        store.share_link()
    };
    let main = measured_main();
    view! {
        <main id="main" class="embed" node_ref=main>
            <h1 class="sr-only">{move || store.plan.with(|p| format!("credflow: {}", headline(p)))}</h1>
            <NoticeBar />
            <Verdict />
            <DiagramView />
            <p class="open-full">
                <a href=full_link target="_blank" rel="noopener">"Open in credflow"</a>
            </p>
        </main>
    }
}

/// The embed view's `<main>`, whose height the page that frames it is told
/// ([`post_height_of`]) once it is drawn and whenever it changes.
pub fn measured_main() -> NodeRef<leptos::html::Main> {
    let main = NodeRef::<leptos::html::Main>::new();
    Effect::new(move |_| {
        if let Some(main) = main.get() {
            post_height_of(main.into());
        }
    });
    main
}

/// Tells the embedding page the content's height once it is drawn and whenever it changes
/// (a wider or narrower frame, another scenario, an answer revealed). The observer and its
/// callback belong to the view: when it goes, the observer is disconnected and both dropped.
fn post_height_of(main: web_sys::Element) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let measured = main.clone();
    let post = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        browser::post_height(height);
    });
    let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) else {
        return;
    };
    // The observer reports once when it starts observing: that is the load report.
    observer.observe(&main);
    let kept = StoredValue::new_local((observer, post));
    on_cleanup(move || {
        kept.try_with_value(|(observer, _)| observer.disconnect());
    });
}
