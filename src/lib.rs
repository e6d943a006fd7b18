//! The page: the shell around credflow-core. It owns the side effects (URL fragment,
//! localStorage, clipboard, downloads); everything it shows is computed by the core.

use leptos::prelude::*;

/// The scenario in the URL fragment, drawn by the core.
#[component]
pub fn App() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    let (svg, error) = match credflow_core::decode(&hash) {
        Ok(s) => (credflow_core::render(&s), None),
        Err(e) => (
            credflow_core::render(&Default::default()),
            Some(format!("This link could not be read: {e}")),
        ),
    };
    view! {
        <main>
            <h1>"credflow"</h1>
            {error.map(|e| view! { <p role="alert" class="error">{e}</p> })}
            <div class="diagram" inner_html=svg></div>
        </main>
    }
}
