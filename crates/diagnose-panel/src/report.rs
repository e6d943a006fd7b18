//! The Diagnose panel's results, drawn from the log worker's answer (the `Report` of
//! `credflow_core::diagnose::report`, parsed JSON) with plain DOM calls: they are drawn once
//! per answer and never updated. Every text from the log goes into a text node
//! (`set_text_content`), never into HTML. Buttons carry `data-step` (show that step) or
//! `data-offer` (apply that suggestion); the panel handles their clicks in one listener.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::worker::{field, items, number, text};

/// Draws `report` into `into`, replacing what was there.
pub fn draw(into: &Element, report: &JsValue) {
    into.set_text_content(None);
    let d = Dom(document());
    let offers = items(report, "suggestions");
    if !offers.is_empty() {
        d.text(into, "h3", "", "Where the log and the scenario disagree");
        let list = d.el(into, "ul", "diagnose-offers");
        list.set_id("diagnose-offers");
        for (i, o) in offers.iter().enumerate() {
            let li = d.el(&list, "li", "");
            let b = d.button(&li, "diagnose-offer", &text(o, "title"));
            let _ = b.set_attribute("data-offer", &i.to_string());
            d.text(&li, "p", "", &text(o, "why"));
        }
    }

    d.text(into, "h3", "", "What the log says about each step");
    let list = d.el(into, "ol", "diagnose-steps");
    list.set_id("diagnose-steps");
    for s in items(report, "steps") {
        let n = number(&s, "n");
        let agreement = text(&s, "agreement");
        let li = d.el(&list, "li", &format!("diagnose-step {agreement}"));
        let _ = li.set_attribute("data-step", &n.to_string());
        d.step_button(&li, n, &format!("Step {n}: {}", text(&s, "name")));
        let words = match agreement.as_str() {
            "agrees" => "the log agrees",
            "disagrees" => "the log disagrees",
            _ => "no evidence",
        };
        d.add(&li, &format!(" — {words}. "));
        d.text(&li, "span", "diagnose-says", &text(&s, "says"));
        d.proofs(&li, &items(&s, "evidence"));
    }

    let unplaced = items(report, "unplaced");
    if !unplaced.is_empty() {
        d.text(
            into,
            "h3",
            "",
            "Evidence about steps this scenario does not have",
        );
        d.proofs(into, &unplaced).set_id("diagnose-unplaced");
    }
    let notes = items(report, "notes");
    if !notes.is_empty() {
        d.text(into, "h3", "", "About no step of the program");
        let list = d.el(into, "ul", "diagnose-notes");
        for n in notes {
            d.text(&list, "li", "", &n.as_string().unwrap_or_default());
        }
    }

    let excerpt = d.el(into, "div", "diagnose-excerpt");
    d.button(&excerpt, "", "Copy a redacted excerpt")
        .set_id("diagnose-copy");
    d.text(
        &excerpt,
        "p",
        "diagnose-hint",
        "The lines that are evidence, with user, computer, domain and server names replaced, \
         for a forum post or a ticket.",
    );
    d.el(&excerpt, "div", "").set_id("diagnose-copied");

    d.lines(into, report);
}

pub struct Dom(pub Document);

impl Dom {
    pub fn el(&self, parent: &Element, tag: &str, class: &str) -> Element {
        // Only fixed tag names are created: this cannot fail.
        let e = self.0.create_element(tag).expect("create an element");
        if !class.is_empty() {
            e.set_class_name(class);
        }
        let _ = parent.append_child(&e);
        e
    }

    pub fn text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        let e = self.el(parent, tag, class);
        e.set_text_content(Some(text));
        e
    }

    pub fn add(&self, parent: &Element, text: &str) {
        let _ = parent.append_child(&self.0.create_text_node(text));
    }

    pub fn button(&self, parent: &Element, class: &str, label: &str) -> Element {
        let b = self.text(parent, "button", class, label);
        let _ = b.set_attribute("type", "button");
        b
    }

    fn step_button(&self, parent: &Element, n: usize, label: &str) {
        let b = self.button(parent, "diagnose-step-link", label);
        let _ = b.set_attribute("data-step", &n.to_string());
    }

    fn source(&self, parent: &Element, v: &JsValue) {
        let s = field(v, "source");
        if !s.is_object() {
            return;
        }
        self.add(parent, " ");
        let a = self.text(
            parent,
            "a",
            "diagnose-source",
            &format!("[{}]", text(&s, "id")),
        );
        let _ = a.set_attribute("href", &text(&s, "address"));
        let _ = a.set_attribute("rel", "noreferrer");
        let _ = a.set_attribute("title", &text(&s, "title"));
    }

    fn proofs(&self, parent: &Element, list: &[JsValue]) -> Element {
        let ul = self.el(parent, "ul", "diagnose-evidence");
        for p in list {
            let li = self.el(&ul, "li", "");
            self.text(&li, "strong", "", &capital(&text(p, "lines")));
            self.add(&li, &format!(": {} ", text(p, "says")));
            self.text(&li, "q", "diagnose-quote", &text(p, "quote"));
            self.source(&li, p);
        }
        ul
    }

    fn lines(&self, into: &Element, report: &JsValue) {
        let entries = items(report, "lines");
        let more = number(report, "more_lines");
        self.text(into, "h3", "", "The log, line by line");
        let wrap = self.el(into, "div", "diagnose-table-wrap");
        let _ = wrap.set_attribute("tabindex", "0");
        let _ = wrap.set_attribute("role", "region");
        let _ = wrap.set_attribute("aria-labelledby", "diagnose-lines-caption");
        let table = self.el(&wrap, "table", "diagnose-lines");
        table.set_id("diagnose-lines");
        let caption = if more > 0 {
            format!(
                "The first {} entries ({more} more are not listed; the evidence above names \
                 their lines)",
                entries.len()
            )
        } else {
            format!("All {} entries", entries.len())
        };
        self.text(&table, "caption", "", &caption)
            .set_id("diagnose-lines-caption");
        let head = self.el(&self.el(&table, "thead", ""), "tr", "");
        for h in [
            "Line",
            "Component",
            "Time",
            "Severity",
            "Message and codes",
            "Evidence for",
        ] {
            let _ = self.text(&head, "th", "", h).set_attribute("scope", "col");
        }
        let body = self.el(&table, "tbody", "");
        for e in entries {
            let severity = text(&e, "severity");
            let tr = self.el(
                &body,
                "tr",
                &format!(
                    "severity-{}",
                    if severity.is_empty() {
                        "none"
                    } else {
                        &severity
                    }
                ),
            );
            let n = number(&e, "n");
            let _ = tr.set_attribute("data-line", &n.to_string());
            let _ = self
                .text(&tr, "th", "", &n.to_string())
                .set_attribute("scope", "row");
            self.text(&tr, "td", "", &text(&e, "component"));
            self.text(&tr, "td", "", &text(&e, "time"));
            self.text(&tr, "td", "", &severity);
            let message = self.el(&tr, "td", "diagnose-message");
            self.text(&message, "span", "", &text(&e, "message"));
            let codes = items(&e, "codes");
            if !codes.is_empty() {
                let ul = self.el(&message, "ul", "diagnose-codes");
                for c in codes {
                    let li = self.el(&ul, "li", "diagnose-code");
                    self.text(&li, "code", "", &text(&c, "spelled"));
                    self.add(&li, " = ");
                    let name = text(&c, "name");
                    let hex = text(&c, "hex");
                    let named = if name.is_empty() {
                        hex
                    } else {
                        format!("{hex} {name}")
                    };
                    self.text(&li, "strong", "", &named);
                    self.add(&li, &format!(": {}", text(&c, "meaning")));
                    self.source(&li, &c);
                }
            }
            let steps = self.el(&tr, "td", "");
            let list = items(&e, "steps");
            for s in &list {
                let n = s.as_f64().unwrap_or(0.0) as usize;
                self.step_button(&steps, n, &format!("Step {n}"));
            }
            if list.is_empty() && !field(&e, "recognised").is_truthy() {
                self.text(&steps, "span", "diagnose-unknown", "Not recognised");
            }
        }
    }
}

/// The text with its first letter in capitals.
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn document() -> Document {
    // The panel runs in the page, which has a document.
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the page's document")
}

/// After "Copy a redacted excerpt": that it was copied, or (the browser refused the
/// clipboard) the excerpt in a field to copy from.
pub fn copied(at: &Element, ok: bool, excerpt: &str) {
    at.set_text_content(None);
    let d = Dom(document());
    if ok {
        let p = d.text(at, "p", "", "Redacted excerpt copied to the clipboard.");
        let _ = p.set_attribute("role", "status");
        return;
    }
    d.text(
        at,
        "label",
        "",
        "The browser refused the clipboard; copy the excerpt from here:",
    )
    .set_attribute("for", "diagnose-excerpt-text")
    .ok();
    let t = d.text(at, "textarea", "", excerpt);
    t.set_id("diagnose-excerpt-text");
    let _ = t.set_attribute("readonly", "");
    let _ = t.set_attribute("rows", "6");
}
