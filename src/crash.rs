//! What a panic shows: a message with Reset and the current link, never a blank or frozen
//! page. After a panic the app's code cannot run again, so the message is plain HTML that
//! works without it: Reset is a link that reloads the page with `?reset`, and the link is in
//! a field to copy by hand.

use std::panic::PanicHookInfo;

use leptos::prelude::{document, window};

use crate::browser;
use crate::state::SAVED_SCENARIO;

/// The query that asks the page to forget the saved scenario at start.
const RESET_QUERY: &str = "reset";

/// Installs the panic hook (console report + message).
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// With the `panic-trigger` feature (test builds only), a `credflow-test-panic` event on the
/// window panics, as a bug would.
pub fn install_test_trigger() {
    // The listener stays as long as the page (dropping its handle does not remove it).
    #[cfg(feature = "panic-trigger")]
    let _ = leptos::prelude::window_event_listener_untyped("credflow-test-panic", |_| {
        panic!("test panic requested by a credflow-test-panic event")
    });
}

/// `?reset` in the address: forget the saved scenario, then drop the query.
pub fn reset_if_asked() {
    let search = window().location().search().unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == RESET_QUERY)
    {
        browser::remove(SAVED_SCENARIO);
        if let Ok(h) = window().history() {
            let path = window().location().pathname().unwrap_or_default();
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

fn show(detail: &str) {
    let doc = document();
    let Some(body) = doc.body() else { return };
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_id("crash");
    let _ = panel.set_attribute("role", "alert");
    let path = window().location().pathname().unwrap_or_default();
    let link = window().location().href().unwrap_or_default();
    // Built with DOM calls and text nodes only: the link and the detail are never parsed
    // as HTML.
    let add = |parent: &web_sys::Element, tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        parent.append_child(&el).ok()?;
        Some(el)
    };
    add(&panel, "h2", "Something went wrong in credflow");
    add(
        &panel,
        "p",
        "The page stopped working. Your scenario is in the link below: copy it, then reset the page.",
    );
    if let Some(input) = add(&panel, "input", "") {
        let _ = input.set_attribute("readonly", "");
        let _ = input.set_attribute("aria-label", "Link to the current scenario");
        let _ = input.set_attribute("value", &link);
    }
    if let Some(a) = add(&panel, "a", "Reset") {
        let _ = a.set_attribute("href", &format!("{path}?{RESET_QUERY}"));
        let _ = a.set_attribute("class", "button");
    }
    if let Some(d) = add(&panel, "details", "") {
        add(&d, "summary", "Details");
        add(&d, "pre", detail);
    }
    let _ = body.append_child(&panel);
}
