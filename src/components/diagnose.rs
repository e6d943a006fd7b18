//! The Diagnose panel's place on the page. Its code is not part of the page's first load: the
//! first time the panel opens, the page imports it (`crates/diagnose-panel`, through
//! `credflowImport` of `public/boot.js`, by an address relative to `index.html`) and hands it
//! the panel's element and the scenario's link; the panel starts the log worker that does the
//! diagnosis (`crates/diagnose-web`). The panel tells the page what to do by events on its
//! element: show a step, apply a suggestion (through `Store::replace`, so Undo restores the
//! scenario), mark the steps with evidence (`Store::log_marks`: on the step chips and in the
//! step details; the diagram shows the selected step as always). The log and the diagnosis
//! are in neither the link nor storage.

use std::cell::RefCell;

use credflow_core::link::decode_link;
use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::state::{LogMark, Store};

/// The panel's module, relative to `index.html`.
const MODULE: &str = "credflow-diagnose-panel.js";
/// The element the panel draws into.
const ROOT: &str = "diagnose-ui";

thread_local! {
    /// The panel's module once imported (`None` before, or while it loads).
    static PANEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[component]
pub fn Diagnose() -> impl IntoView {
    let store = Store::get();
    // The panel reads its log again against every new scenario.
    Effect::new(move |prev: Option<()>| {
        store.scenario.track();
        if prev.is_some() {
            call("scenario", &JsValue::from_str(&store.fragment()));
        }
    });
    view! {
        <section id="diagnose" class="diagnose-section" aria-labelledby="diagnose-title">
            <h2 id="diagnose-title">"Diagnose from a log"</h2>
            <details id="diagnose-panel" on:toggle=move |_| load(store)>
                <summary>"Read execmgr.log, CAS.log or SMSAPM32.log against this scenario"</summary>
                <div id=ROOT><p>"Loading the Diagnose panel…"</p></div>
            </details>
        </section>
    }
}

/// Calls the panel's exported function `name` with `arg`, once it is loaded.
fn call(name: &str, arg: &JsValue) {
    PANEL.with(|p| {
        if let Some(module) = p.borrow().as_ref() {
            if let Ok(f) = Reflect::get(module, &name.into()).and_then(|f| f.dyn_into::<Function>())
            {
                let _ = f.call1(&JsValue::NULL, arg);
            }
        }
    });
}

/// Imports the panel the first time it opens.
fn load(store: Store) {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some(root) = document().get_element_by_id(ROOT) else {
        return;
    };
    listen(&root, "credflow:step", move |detail| {
        if let Some(n) = detail.as_f64() {
            store.select(Some(n as usize));
            crate::browser::focus("step-details");
        }
    });
    listen(&root, "credflow:apply", move |detail| {
        let text = |k: &str| field(&detail, k).as_string().unwrap_or_default();
        if let Ok(link) = decode_link(&text("link")) {
            let what = format!("Changed as the log suggests: {}.", text("title"));
            store.replace(link.scenario, what);
        }
    });
    listen(&root, "credflow:marks", move |detail| {
        let marks = Array::from(&field(&detail, "marks"))
            .iter()
            .map(|m| LogMark {
                n: field(&m, "n").as_f64().unwrap_or(0.0) as usize,
                lines: field(&m, "lines").as_string().unwrap_or_default(),
                says: Array::from(&field(&m, "says"))
                    .iter()
                    .filter_map(|s| s.as_string())
                    .collect(),
            })
            .collect();
        store.mark_log(marks);
        if let Some(n) = field(&detail, "select").as_f64() {
            store.select(Some(n as usize));
        }
    });
    leptos::task::spawn_local(async move {
        match import().await {
            Ok(module) => {
                PANEL.with(|p| *p.borrow_mut() = Some(module.clone()));
                if let Ok(mount) =
                    Reflect::get(&module, &"mount".into()).and_then(|f| f.dyn_into::<Function>())
                {
                    let _ = mount.call2(&JsValue::NULL, &root, &store.fragment().into());
                }
            }
            Err(_) => root.set_text_content(Some(&format!(
                "The Diagnose panel could not load: the files {MODULE} and \
                 credflow-diagnose-panel_bg.wasm did not come from this page's folder. Check \
                 that they were copied with the page."
            ))),
        }
    });
}

/// The panel's module, imported and started.
async fn import() -> Result<JsValue, JsValue> {
    let import: Function = Reflect::get(&window(), &"credflowImport".into())?.dyn_into()?;
    let module =
        JsFuture::from(Promise::from(import.call1(&JsValue::NULL, &MODULE.into())?)).await?;
    // Its WebAssembly is found next to it (`import.meta.url`).
    let init: Function = Reflect::get(&module, &"default".into())?.dyn_into()?;
    JsFuture::from(Promise::from(init.call0(&JsValue::NULL)?)).await?;
    Ok(module)
}

fn field(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or_default()
}

/// Listens for the panel's event `name` for as long as the page lives; `f` gets its detail.
fn listen(root: &web_sys::Element, name: &str, f: impl Fn(JsValue) + 'static) {
    let f =
        Closure::<dyn Fn(web_sys::CustomEvent)>::new(
            move |ev: web_sys::CustomEvent| f(ev.detail()),
        );
    let _ = root.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    f.forget();
}
