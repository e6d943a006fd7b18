//! The Diagnose panel, imported by the page only when the panel first opens (`mount`), so
//! that neither it nor the diagnosis is part of the page's first load. Trunk builds it with
//! the page (`index.html`: `data-type="worker"` with `data-bindgen-target="web"`, which gives
//! an ES module with a fixed name) into `credflow-diagnose-panel.js` and
//! `credflow-diagnose-panel_bg.wasm` next to `index.html`; `public/boot.js` offers the page an
//! `import()` of a file relative to it.
//!
//! The panel draws its form and its results with plain DOM calls into the element the page
//! gives it; the diagnosis itself runs in the log worker (`worker`, `crates/diagnose-web`).
//! It talks to the page by events on that element: `credflow:step` (show step `detail`),
//! `credflow:apply` (`detail`: `{title, link}`, a suggestion to apply through the page's
//! store, so Undo restores the scenario) and `credflow:marks` (`detail`: `{marks: [{n, lines,
//! says}], select}`, the steps with evidence and the step to show). The page tells it the
//! scenario's link with `scenario`; a new scenario has the log read again.

mod report;
mod worker;

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, DragEvent, Element, Event, HtmlInputElement};

use report::{capital, document, Dom};
use worker::{items, number, text, Answer, Input};

/// Logs larger than this are refused with a message (the core's property tests read 5 MB).
const MAX_LOG_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

const TEXT: &str = "diagnose-log";
const FILE: &str = "diagnose-file";
const STATUS: &str = "diagnose-status";
const RESULTS: &str = "diagnose-results";

/// The panel's state. Only here, in memory: never in the link or storage.
struct Panel {
    root: Element,
    /// The link (`v=1&…`) of the scenario the page shows.
    link: String,
    /// The log last read, read again when the scenario changes.
    input: Option<Input>,
    /// The last request's id: older answers are dropped.
    latest: u32,
    /// From the last answer: each suggestion's title and link, and the redacted excerpt.
    offers: Vec<(String, String)>,
    excerpt: String,
}

thread_local! {
    static PANEL: RefCell<Option<Panel>> = const { RefCell::new(None) };
}

fn main() {}

/// Draws the panel into `root` for the scenario of `link`, and starts the log worker.
#[wasm_bindgen]
pub fn mount(root: Element, link: String) {
    let d = Dom(document());
    root.set_text_content(None);
    d.text(
        &root,
        "p",
        "diagnose-hint",
        "The log is read in this browser and sent nowhere; it is kept in neither the link nor \
         this browser's storage.",
    );
    let _ = d
        .text(
            &root,
            "label",
            "",
            "Log lines (paste them, or drop a log file here)",
        )
        .set_attribute("for", TEXT);
    let area = d.el(&root, "textarea", "");
    area.set_id(TEXT);
    let _ = area.set_attribute("rows", "8");
    let _ = area.set_attribute("spellcheck", "false");
    listen(&area, "dragover", |ev| ev.prevent_default());
    listen(&area, "drop", |ev| {
        let file = ev
            .dyn_ref::<DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        // A dropped file is read here; dropped text goes into the box as usual.
        if let Some(file) = file {
            ev.prevent_default();
            read_file(file);
        }
    });
    let actions = d.el(&root, "div", "diagnose-actions");
    let run = d.button(&actions, "", "Diagnose");
    run.set_id("diagnose-run");
    listen(&run, "click", |_| diagnose_text());
    let _ = d
        .text(&actions, "label", "", "Or choose a log file:")
        .set_attribute("for", FILE);
    let file = d.el(&actions, "input", "");
    file.set_id(FILE);
    let _ = file.set_attribute("type", "file");
    let _ = file.set_attribute("accept", ".log,.lo_,.txt,text/plain");
    listen(&file, "change", |ev| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            read_file(file);
        }
    });
    let clear = d.button(&actions, "", "Clear");
    clear.set_id("diagnose-clear");
    listen(&clear, "click", |_| clear_all());
    let status = d.el(&root, "p", "");
    status.set_id(STATUS);
    let _ = status.set_attribute("role", "status");
    let results = d.el(&root, "div", "");
    results.set_id(RESULTS);
    listen(&results, "click", on_results);
    PANEL.with(|p| {
        *p.borrow_mut() = Some(Panel {
            root,
            link,
            input: None,
            latest: 0,
            offers: Vec::new(),
            excerpt: String::new(),
        })
    });
    worker::start(on_answer);
}

/// The page shows another scenario: the log, if any, is read again against it.
#[wasm_bindgen]
pub fn scenario(link: String) {
    let again = PANEL.with(|p| {
        let mut p = p.borrow_mut();
        let panel = p.as_mut()?;
        panel.link = link.clone();
        let input = panel.input.clone()?;
        panel.latest += 1;
        Some((panel.latest, input))
    });
    if let Some((id, input)) = again {
        tell("credflow:marks", &marks_detail(&JsValue::UNDEFINED));
        worker::send(id, &link, &input);
    }
}

/// Adds a listener that lives as long as the page.
fn listen(target: &Element, event: &str, f: impl Fn(Event) + 'static) {
    let f = Closure::<dyn Fn(Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    f.forget();
}

/// Tells the page something (see the module comment).
fn tell(event: &str, detail: &JsValue) {
    let root = PANEL.with(|p| p.borrow().as_ref().map(|p| p.root.clone()));
    let init = CustomEventInit::new();
    init.set_detail(detail);
    if let (Some(root), Ok(ev)) = (root, CustomEvent::new_with_event_init_dict(event, &init)) {
        let _ = root.dispatch_event(&ev);
    }
}

fn status(text: &str, problem: bool) {
    if let Some(s) = document().get_element_by_id(STATUS) {
        s.set_text_content(Some(text));
        s.set_class_name(if problem { "diagnose-problem" } else { "" });
    }
}

fn run(input: Input, label: &str) {
    status(label, false);
    let request = PANEL.with(|p| {
        let mut p = p.borrow_mut();
        let panel = p.as_mut()?;
        panel.latest += 1;
        panel.input = Some(input.clone());
        Some((panel.latest, panel.link.clone()))
    });
    if let Some((id, link)) = request {
        worker::send(id, &link, &input);
    }
}

fn diagnose_text() {
    let text = document()
        .get_element_by_id(TEXT)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default();
    if text.trim().is_empty() {
        return status(
            "There is nothing to read: paste log lines into the box, or choose a log file.",
            true,
        );
    }
    if text.len() as f64 > MAX_LOG_BYTES {
        return status(&too_large(text.len() as f64), true);
    }
    let label = format!("Reading {} of pasted text…", size(text.len() as f64));
    run(Input::Text(text), &label);
}

fn read_file(file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_LOG_BYTES {
        return status(&too_large(file.size()), true);
    }
    let label = format!("Reading the file {name} ({})…", size(file.size()));
    status(&label, false);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = Uint8Array::new(&buffer).to_vec();
                run(Input::File { name, bytes }, &label);
            }
            Err(_) => status(
                &format!("The browser could not read the file {name}."),
                true,
            ),
        }
    });
}

fn clear_all() {
    PANEL.with(|p| {
        if let Some(panel) = p.borrow_mut().as_mut() {
            panel.latest += 1;
            panel.input = None;
        }
    });
    tell("credflow:marks", &marks_detail(&JsValue::UNDEFINED));
    status("", false);
    if let Some(t) = document()
        .get_element_by_id(TEXT)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        t.set_value("");
    }
    if let Some(i) = document()
        .get_element_by_id(FILE)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    {
        i.set_value("");
    }
    if let Some(r) = document().get_element_by_id(RESULTS) {
        r.set_text_content(None);
    }
}

fn on_answer(id: u32, answer: Answer) {
    // An answer to an older request (the worker's failure has id 0).
    let latest = PANEL.with(|p| p.borrow().as_ref().map_or(0, |p| p.latest));
    if id != 0 && id != latest {
        return;
    }
    let report = match answer {
        Ok(r) => r,
        Err(e) => return status(&e, true),
    };
    let problem = text(&report, "problem");
    if problem.is_empty() {
        status(
            &format!(
                "{} {} {}",
                capital(&text(&report, "shapes")),
                text(&report, "written_by"),
                text(&report, "summary")
            ),
            false,
        );
    } else {
        status(&problem, true);
    }
    PANEL.with(|p| {
        if let Some(panel) = p.borrow_mut().as_mut() {
            panel.offers = items(&report, "suggestions")
                .iter()
                .map(|o| (text(o, "title"), text(o, "link")))
                .collect();
            panel.excerpt = text(&report, "excerpt");
        }
    });
    tell("credflow:marks", &marks_detail(&report));
    if let Some(into) = document().get_element_by_id(RESULTS) {
        if number(&report, "entries") == 0 {
            into.set_text_content(None);
        } else {
            report::draw(&into, &report);
        }
    }
}

/// `{marks: [{n, lines, says: [...]}], select}`: the steps with evidence, and the step to
/// show first (the first the log disagrees about, else the first with evidence).
fn marks_detail(report: &JsValue) -> JsValue {
    let marks = Array::new();
    let (mut first, mut disagrees) = (None, None);
    for s in items(report, "steps") {
        let evidence = items(&s, "evidence");
        if evidence.is_empty() {
            continue;
        }
        let n = number(&s, "n");
        first = first.or(Some(n));
        if text(&s, "agreement") == "disagrees" {
            disagrees = disagrees.or(Some(n));
        }
        let says: Array = evidence
            .iter()
            .map(|e| {
                JsValue::from_str(&format!(
                    "{}: {}",
                    capital(&text(e, "lines")),
                    text(e, "says")
                ))
            })
            .collect();
        let mark = Object::new();
        let _ = Reflect::set(&mark, &"n".into(), &JsValue::from(n as u32));
        let _ = Reflect::set(&mark, &"lines".into(), &text(&s, "lines").into());
        let _ = Reflect::set(&mark, &"says".into(), &says);
        marks.push(&mark);
    }
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"marks".into(), &marks);
    if let Some(n) = disagrees.or(first) {
        let _ = Reflect::set(&detail, &"select".into(), &JsValue::from(n as u32));
    }
    detail.into()
}

/// The results' buttons: show a step, apply a suggestion, copy the excerpt.
fn on_results(ev: Event) {
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("button").ok().flatten())
    else {
        return;
    };
    if let Some(n) = button
        .get_attribute("data-step")
        .and_then(|n| n.parse::<u32>().ok())
    {
        tell("credflow:step", &JsValue::from(n));
    } else if let Some(i) = button
        .get_attribute("data-offer")
        .and_then(|i| i.parse::<usize>().ok())
    {
        let offer = PANEL.with(|p| p.borrow().as_ref().and_then(|p| p.offers.get(i).cloned()));
        if let Some((title, link)) = offer {
            let detail = Object::new();
            let _ = Reflect::set(&detail, &"title".into(), &title.into());
            let _ = Reflect::set(&detail, &"link".into(), &link.into());
            tell("credflow:apply", &detail);
        }
    } else if button.id() == "diagnose-copy" {
        let excerpt = PANEL.with(|p| p.borrow().as_ref().map(|p| p.excerpt.clone()));
        let Some(excerpt) = excerpt else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let copied = match web_sys::window() {
                Some(w) => wasm_bindgen_futures::JsFuture::from(
                    w.navigator().clipboard().write_text(&excerpt),
                )
                .await
                .is_ok(),
                None => false,
            };
            if let Some(at) = document().get_element_by_id("diagnose-copied") {
                report::copied(&at, copied, &excerpt);
            }
        });
    }
}

/// `4.7 MB`, `12 KB`, `80 bytes`.
fn size(bytes: f64) -> String {
    let bytes = bytes as u64;
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = bytes * 10 / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

fn too_large(bytes: f64) -> String {
    format!(
        "This log is {}; credflow reads logs up to 20 MB. Paste the part around the failure \
         instead.",
        size(bytes)
    )
}
