//! Thin wrappers over the browser APIs the page uses. Each one fails quietly: a browser that
//! refuses storage or history (private mode, sandboxed iframe) still gets a working page.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

/// The URL fragment without its `#`.
pub fn fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The page's address without the fragment (natively, for the prerendered page: none, so that
/// its links are relative).
pub fn page_url() -> String {
    if cfg!(not(target_arch = "wasm32")) {
        return String::new();
    }
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_string(),
        None => href,
    }
}

/// Rewrites the fragment in place (no new history entry, no `hashchange`).
pub fn replace_fragment(fragment: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// Sets the fragment as a new history entry, so Back returns to the previous one.
pub fn push_fragment(fragment: &str) {
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Natively (the prerendered first paint, src/bin/prerender.rs) there is no browser.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    window().local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers the resource at `url` (a blob: or data: URL) as a download named `name`.
pub fn download_url(name: &str, url: &str) {
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Posts `{type: "credflow:height", height}` to the embedding page, if there is one, to any
/// origin: the height is all it says, and the embed view cannot know the wiki's origin (the
/// receiving snippet checks where the message comes from).
pub fn post_height(height: f64) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if parent == window() {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &"type".into(),
        &credflow_core::embed::HEIGHT_MESSAGE.into(),
    );
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}

/// A `performance.mark` (read by scripts/bench).
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Runs `f` once the browser is idle (within 200 ms at the latest), or after 50 ms where there
/// is no `requestIdleCallback` (Safari).
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let window = window();
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let function: &js_sys::Function = callback.unchecked_ref();
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let scheduled = if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(200);
        window
            .request_idle_callback_with_options(function, &options)
            .is_ok()
    } else {
        false
    };
    if !scheduled {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(function, 50);
    }
}

/// Whether a `performance.mark` of this name has been set (by the page or `public/first.js`).
pub fn marked(name: &str) -> bool {
    window()
        .performance()
        .is_some_and(|p| p.get_entries_by_name(name).length() > 0)
}

/// The height of the browser window's viewport in CSS pixels, 0 where it cannot be read.
pub fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Scrolls the element with this id, if there is one, to the top of the window.
pub fn scroll_to(id: &str) {
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        el.scroll_into_view();
    }
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the element with this id once the page has drawn the change that
/// brings it (two frames on).
pub fn focus_later(id: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::request_animation_frame(move || focus(id))
    });
}
