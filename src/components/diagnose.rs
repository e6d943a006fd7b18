//! The Diagnose panel: a log pasted, chosen or dropped is read against the current scenario
//! (in the log worker, `crate::log_worker`, started when the panel first opens; a file is
//! read by the browser's File API and goes nowhere else). Its results (`log_report`) list
//! each entry with its line number, component, time, severity and decoded codes; each step of
//! the plan with its evidence or "no evidence"; the changes the log suggests, applied through
//! `Store::replace` so that Undo restores the scenario; and a redacted excerpt to copy. The
//! steps with evidence are marked (`Store::log_marks`: on the step chips and in the step's
//! details; the diagram shows the selected step as always). The log and the diagnosis are in
//! neither the link nor storage.

use credflow_core::link::decode_link;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::log_report::{self, capital};
use crate::log_worker::{self, items, number, text, Answer, Input};
use crate::state::{LogMark, Store};

/// Logs larger than this are refused with a message (the property tests read 5 MB).
const MAX_LOG_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

const TEXT: &str = "diagnose-log";
const FILE: &str = "diagnose-file";
const RESULTS: &str = "diagnose-results";

#[component]
pub fn Diagnose() -> impl IntoView {
    let store = Store::get();
    // What the status line says, and whether it is a problem.
    let status = RwSignal::new((String::new(), false));
    // The log last read: read again when the scenario changes (never saved anywhere).
    let input = StoredValue::new(None::<Input>);
    let latest = StoredValue::new(0u32);
    // From the last answer: each suggestion's title and link, and the redacted excerpt.
    let offers = StoredValue::new(Vec::<(String, String)>::new());
    let excerpt = StoredValue::new(String::new());

    let on_answer = move |id: u32, answer: Answer| {
        // An answer to an older request (the worker's failure has id 0).
        if id != 0 && id != latest.get_value() {
            return;
        }
        let report = match answer {
            Ok(r) => r,
            Err(e) => return status.set((e, true)),
        };
        let problem = text(&report, "problem");
        status.set(if problem.is_empty() {
            (
                format!(
                    "{} {} {}",
                    capital(&text(&report, "shapes")),
                    text(&report, "written_by"),
                    text(&report, "summary")
                ),
                false,
            )
        } else {
            (problem, true)
        });
        offers.set_value(
            items(&report, "suggestions")
                .iter()
                .map(|o| (text(o, "title"), text(o, "link")))
                .collect(),
        );
        excerpt.set_value(text(&report, "excerpt"));
        let (marks, first) = marks(&report);
        store.log_marks.set(marks);
        if let Some(n) = first {
            store.selected.set(Some(n));
        }
        if let Some(into) = document().get_element_by_id(RESULTS) {
            if number(&report, "entries") == 0 {
                into.set_text_content(None);
            } else {
                log_report::draw(&into, &report);
            }
        }
    };
    let run = move |what: Input, label: String| {
        log_worker::start(on_answer);
        let id = latest.get_value() + 1;
        latest.set_value(id);
        status.set((label, false));
        log_worker::send(id, &store.fragment(), &what);
        input.set_value(Some(what));
    };
    // A new scenario (a suggestion applied, Undo, any edit) has other steps: the log is read
    // again against it.
    Effect::watch(
        move || store.scenario.track(),
        move |_, _, _| {
            if let Some(what) = input.get_value() {
                store.log_marks.set(Vec::new());
                let id = latest.get_value() + 1;
                latest.set_value(id);
                log_worker::send(id, &store.fragment(), &what);
            }
        },
        false,
    );

    let diagnose_text = move |_| {
        let text = field_value(TEXT);
        if text.trim().is_empty() {
            let nothing = "There is nothing to read: paste log lines into the box, or choose a \
                           log file.";
            return status.set((nothing.into(), true));
        }
        if text.len() as f64 > MAX_LOG_BYTES {
            return status.set((too_large(text.len() as f64), true));
        }
        let label = format!("Reading {} of pasted text…", size(text.len() as f64));
        run(Input::Text(text), label);
    };
    let read_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_LOG_BYTES {
            return status.set((too_large(file.size()), true));
        }
        let label = format!("Reading the file {name} ({})…", size(file.size()));
        status.set((label.clone(), false));
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    run(Input::File { name, bytes }, label);
                }
                Err(_) => {
                    status.set((format!("The browser could not read the file {name}."), true))
                }
            }
        });
    };
    let on_choose = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            read_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        // A dropped file is read here; dropped text goes into the box as usual.
        if let Some(file) = file {
            ev.prevent_default();
            read_file(file);
        }
    };
    let clear = move |_| {
        latest.set_value(latest.get_value() + 1);
        input.set_value(None);
        store.log_marks.set(Vec::new());
        status.set((String::new(), false));
        set_value(TEXT, "");
        set_value(FILE, "");
        if let Some(into) = document().get_element_by_id(RESULTS) {
            into.set_text_content(None);
        }
    };
    // The results' buttons: show a step, apply a suggestion, copy the excerpt.
    let on_results = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten())
        else {
            return;
        };
        if let Some(n) = button
            .get_attribute("data-step")
            .and_then(|n| n.parse().ok())
        {
            store.selected.set(Some(n));
            crate::browser::focus("step-details");
        } else if let Some(i) = button
            .get_attribute("data-offer")
            .and_then(|i| i.parse::<usize>().ok())
        {
            let offer = offers.with_value(|o| o.get(i).cloned());
            if let Some((title, link)) = offer {
                if let Ok(link) = decode_link(&link) {
                    store.replace(
                        link.scenario,
                        format!("Changed as the log suggests: {title}."),
                    );
                }
            }
        } else if button.id() == "diagnose-copy" {
            let excerpt = excerpt.get_value();
            leptos::task::spawn_local(async move {
                let ok = crate::components::toolbar::copy(excerpt.clone()).await;
                if let Some(at) = document().get_element_by_id("diagnose-copied") {
                    log_report::copied(&at, ok, &excerpt);
                }
            });
        }
    };

    view! {
        <section id="diagnose" class="diagnose-section" aria-labelledby="diagnose-title">
            <h2 id="diagnose-title">"Diagnose from a log"</h2>
            <details
                id="diagnose-panel"
                on:toggle=move |ev| {
                    let open = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                        .is_some_and(|d| d.open());
                    // Started when first opened, so that it is ready when a log is pasted.
                    if open {
                        log_worker::start(on_answer);
                    }
                }
            >
                <summary>"Read execmgr.log, CAS.log or SMSAPM32.log against this scenario"</summary>
                <p class="diagnose-hint">
                    "The log is read in this browser and sent nowhere; it is kept in neither the link nor this browser's storage."
                </p>
                <label for=TEXT>"Log lines (paste them, or drop a log file here)"</label>
                <textarea
                    id=TEXT
                    rows="8"
                    spellcheck="false"
                    on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                    on:drop=on_drop
                ></textarea>
                <div class="diagnose-actions">
                    <button type="button" id="diagnose-run" on:click=diagnose_text>"Diagnose"</button>
                    <label for=FILE>"Or choose a log file:"</label>
                    <input type="file" id=FILE accept=".log,.lo_,.txt,text/plain" on:change=on_choose />
                    <button type="button" id="diagnose-clear" on:click=clear>"Clear"</button>
                </div>
                <p id="diagnose-status" role="status" class:diagnose-problem=move || status.with(|s| s.1)>
                    {move || status.with(|s| s.0.clone())}
                </p>
                <div id=RESULTS on:click=on_results></div>
            </details>
        </section>
    }
}

/// The steps with evidence (for the chips and the step details), and the step to show first:
/// the first the log disagrees about, else the first with evidence.
fn marks(report: &JsValue) -> (Vec<LogMark>, Option<usize>) {
    let mut marks = Vec::new();
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
        let mut all: Vec<usize> = evidence
            .iter()
            .flat_map(|e| items(e, "numbers"))
            .filter_map(|n| n.as_f64().map(|f| f as usize))
            .collect();
        all.sort_unstable();
        all.dedup();
        marks.push(LogMark {
            n,
            lines: credflow_core::diagnose::line_list(&all),
            says: evidence
                .iter()
                .map(|e| format!("{}: {}", capital(&text(e, "lines")), text(e, "says")))
                .collect(),
        });
    }
    (marks, disagrees.or(first))
}

/// `4.7 MB`, `12 KB`, `80 bytes`, with integer arithmetic only (formatting floats would add
/// kilobytes to the page).
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
        "This log is {}; credflow reads logs up to 20 MB. Paste the part around the failure instead.",
        size(bytes)
    )
}

fn field_value(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

fn set_value(id: &str, value: &str) {
    if let Some(e) = document().get_element_by_id(id) {
        if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_value(value);
        } else if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(value);
        }
    }
}
