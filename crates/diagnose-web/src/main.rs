//! The diagnosis as a web worker: the Diagnose panel (`crates/diagnose-panel`, itself loaded
//! when the panel first opens) starts it, so the parser, the code table and the signatures are
//! not part of the page's first load, and reading a 5 MB log never holds up the page.
//!
//! Trunk builds it with the page (`index.html`: `data-type="worker"`, a loader shim) into
//! `credflow-diagnose_loader.js`, `credflow-diagnose.js` and `credflow-diagnose_bg.wasm`,
//! next to `index.html`; the shim loads the other two by relative addresses.
//!
//! Messages: it posts `{ready: true}` once started; then each `{id, link, text}` or
//! `{id, link, bytes}` (a file's bytes, a `Uint8Array`) is answered with `{id, json}`, the
//! `diagnose::report::Report` of the log against the link's scenario, as JSON.

use credflow_core::diagnose::report::report;
use credflow_core::diagnose::text_from_bytes;
use credflow_core::link::decode_lenient;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or_default();
        let link = get("link").as_string().unwrap_or_default();
        let text = match get("text").as_string() {
            Some(text) => text,
            None => text_from_bytes(&Uint8Array::new(&get("bytes")).to_vec()),
        };
        let json = answer(&link, &text);
        let out = Object::new();
        let _ = Reflect::set(&out, &"id".into(), &get("id"));
        let _ = Reflect::set(&out, &"json".into(), &JsValue::from_str(&json));
        let _ = reply_to.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page.
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// The report as JSON. The page sends the link of the scenario it shows, which it has read
/// already; what cannot be read here is left at its default, as the page would.
fn answer(link: &str, text: &str) -> String {
    let scenario = decode_lenient(link).0.scenario;
    // Plain structs of strings and numbers: serialising cannot fail.
    serde_json::to_string(&report(text, &scenario)).unwrap_or_default()
}
