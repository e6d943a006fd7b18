//! The toolbar: copy the share link, reset, dark mode.

use credflow_core::link::LONG_LINK_CHARS;
use credflow_core::Scenario;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::state::Store;

/// localStorage key of the manual theme choice (`light` / `dark`; absent: follow the system).
/// `public/first.js` applies it too, before the app has started.
pub const THEME: &str = "credflow.theme";

/// Applies the remembered theme to the document (called once at start).
pub fn apply_saved_theme() {
    if let Some(theme) = browser::load(THEME) {
        set_theme_attribute(Some(&theme));
    }
}

fn set_theme_attribute(theme: Option<&str>) {
    if let Some(root) = document().document_element() {
        let _ = match theme {
            Some(t) => root.set_attribute("data-theme", t),
            None => root.remove_attribute("data-theme"),
        };
    }
}

fn system_dark() -> bool {
    cfg!(target_arch = "wasm32")
        && window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
}

/// Writes text to the clipboard; false when the browser refuses (then the page selects the
/// link in its field so that Ctrl+C copies it).
pub async fn copy(text: String) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .is_ok()
}

pub fn select_field(id: &str) {
    if let Some(input) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let store = Store::get();
    let copied = RwSignal::new(None::<(String, bool)>);
    let copy_link = move |_| {
        let link = store.share_link();
        leptos::task::spawn_local(async move {
            let ok = copy(link.clone()).await;
            copied.set(Some((link, ok)));
            if !ok {
                select_field("copied-link");
            }
        });
    };
    let dark = RwSignal::new(match browser::load(THEME).as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => system_dark(),
    });
    let toggle_theme = move |_| {
        let on = !dark.get_untracked();
        dark.set(on);
        let theme = if on { "dark" } else { "light" };
        set_theme_attribute(Some(theme));
        browser::store(THEME, theme);
    };
    let reset = move |_| {
        store.replace(
            Scenario::default(),
            "The scenario was reset to the defaults.".into(),
        )
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Scenario actions">
            <button type="button" id="copy-link" on:click=copy_link>"Copy link"</button>
            <button type="button" id="reset" class="secondary" on:click=reset>"Reset"</button>
            <button type="button" id="theme-toggle" class="secondary"
                aria-pressed=move || dark.get().to_string() on:click=toggle_theme>
                "Dark mode"
            </button>
        </div>
        {move || copied.get().map(|(link, ok)| {
            let long = link.chars().count() > LONG_LINK_CHARS;
            view! {
                <div class="copied" role="status">
                    <label for="copied-link">
                        {if ok { "Link copied to the clipboard:" } else { "Copy this link (Ctrl+C):" }}
                    </label>
                    <input id="copied-link" type="text" readonly prop:value=link.clone() />
                    {long.then(|| view! {
                        <p class="warning">{format!(
                            "This link is {} characters long; some wikis, mail gateways and proxies cut links over {LONG_LINK_CHARS}.",
                            link.chars().count()
                        )}</p>
                    })}
                </div>
            }
        })}
    }
}
