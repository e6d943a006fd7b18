//! The panel's side of the log worker (`crates/diagnose-web`), started when the panel first
//! opens. It is a file next to `index.html`, asked for by a relative address (the page works
//! from any folder) and from the page's own server only (the Content-Security-Policy's
//! `script-src 'self'` covers workers). The log goes to the worker and nowhere else; reading a
//! 5 MB log there never holds up the page.
//!
//! The worker answers with the `Report` (`credflow_core::diagnose::report`) as JSON; the page
//! reads it with the browser's own `JSON.parse`, field by field (no serde here).

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

/// The worker's loader, relative to `index.html` (Trunk's loader shim for `data-type="worker"`).
pub const LOADER: &str = "credflow-diagnose_loader.js";

/// What to read: pasted text, or a file's bytes (the worker finds their encoding).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Text(String),
    File { name: String, bytes: Vec<u8> },
}

/// What the worker answered to request `id`: the report, parsed, or why there is none.
pub type Answer = Result<JsValue, String>;

struct Bridge {
    worker: Worker,
    ready: bool,
    /// The last request made before the worker was ready.
    queued: Option<Object>,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
}

/// Starts the worker if it is not running; `answer` gets every answer with its request's id.
pub fn start(answer: impl Fn(u32, Answer) + Clone + 'static) {
    if BRIDGE.with(|b| b.borrow().is_some()) {
        return;
    }
    let worker = match Worker::new(LOADER) {
        Ok(w) => w,
        Err(_) => {
            answer(0, Err(not_started()));
            return;
        }
    };
    let on_answer = answer.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        if field(&data, "ready").is_truthy() {
            BRIDGE.with(|b| {
                if let Some(bridge) = b.borrow_mut().as_mut() {
                    bridge.ready = true;
                    if let Some(request) = bridge.queued.take() {
                        let _ = bridge.worker.post_message(&request);
                    }
                }
            });
            return;
        }
        let id = field(&data, "id").as_f64().unwrap_or(0.0) as u32;
        let json = field(&data, "json").as_string().unwrap_or_default();
        on_answer(
            id,
            js_sys::JSON::parse(&json)
                .map_err(|_| "The diagnosis gave no answer the page could read.".to_string()),
        );
    });
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |_| answer(0, Err(not_started())));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Both live as long as the worker, which lives as long as the page.
    on_message.forget();
    on_error.forget();
    BRIDGE.with(|b| {
        *b.borrow_mut() = Some(Bridge {
            worker,
            ready: false,
            queued: None,
        })
    });
}

fn not_started() -> String {
    format!(
        "The diagnosis could not start: the file {LOADER} (or the two files it loads, \
         credflow-diagnose.js and credflow-diagnose_bg.wasm) did not load from this page's \
         folder. Check that they were copied with the page."
    )
}

/// Asks the worker to read `input` against the scenario of `link`; the answer comes with `id`.
pub fn send(id: u32, link: &str, input: &Input) {
    let request = Object::new();
    let _ = Reflect::set(&request, &"id".into(), &JsValue::from(id));
    let _ = Reflect::set(&request, &"link".into(), &JsValue::from_str(link));
    match input {
        Input::Text(text) => {
            let _ = Reflect::set(&request, &"text".into(), &JsValue::from_str(text));
        }
        Input::File { bytes, .. } => {
            let _ = Reflect::set(&request, &"bytes".into(), &Uint8Array::from(&bytes[..]));
        }
    }
    BRIDGE.with(|b| {
        if let Some(bridge) = b.borrow_mut().as_mut() {
            if bridge.ready {
                let _ = bridge.worker.post_message(&request);
            } else {
                bridge.queued = Some(request);
            }
        }
    });
}

/// A field of the worker's answer (parsed JSON), or `undefined`.
pub fn field(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or_default()
}

/// A text field, or empty.
pub fn text(v: &JsValue, key: &str) -> String {
    field(v, key).as_string().unwrap_or_default()
}

/// A number field, or 0.
pub fn number(v: &JsValue, key: &str) -> usize {
    field(v, key).as_f64().unwrap_or(0.0) as usize
}

/// A list field's items (none when it is not a list).
pub fn items(v: &JsValue, key: &str) -> Vec<JsValue> {
    let f = field(v, key);
    if !Array::is_array(&f) {
        return Vec::new();
    }
    Array::from(&f).iter().collect()
}
