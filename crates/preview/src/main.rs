//! A shared link's diagram before the page has started: the core alone, without the page's
//! framework, a quarter of the page's WebAssembly. `public/early.js` imports it at the top of
//! `<head>` for a link, or a scenario saved in this browser, and `public/first.js` shows the
//! diagram, inert, where the page will draw it; the page replaces it when it starts.
//!
//! Trunk builds it with the page (`index.html`: `data-type="worker"`, an ES module) into
//! `credflow-preview.js` and `credflow-preview_bg.wasm`, next to `index.html`.

use credflow_core::link::decode_lenient;
use credflow_core::present::{banner, default_step, marker};
use credflow_core::{layout, normalise, plan, svg_inline};
use wasm_bindgen::prelude::*;

fn main() {}

/// The verdict and the diagram as the page first draws them.
#[wasm_bindgen(getter_with_clone)]
pub struct Preview {
    /// The SVG, without its style sheet: the page's (in the prerendered page) applies.
    pub svg: String,
    /// The row the page highlights at first, the deciding step's (`data-step`), if any.
    pub step: Option<u32>,
    /// The verdict banner's parts (`present::banner`, as src/components/verdict.rs shows it):
    /// the outcome's key and marker, the headline, the reason, the fix, and the warnings, one
    /// a line.
    pub outcome: String,
    pub marker: String,
    pub headline: String,
    pub reason: String,
    pub fix: Option<String>,
    pub warnings: String,
}

/// The diagram of the scenario in a link (a URL fragment without its `#`, or a saved scenario),
/// as the page would draw it: read and normalised as the page reads it. Nothing for a link the
/// page would not draw at once (one it cannot read in full, a question, a comparison).
#[wasm_bindgen]
pub fn preview(link: &str) -> Option<Preview> {
    let (link, errors) = decode_lenient(link);
    if !errors.is_empty() || link.quiz || link.compare.is_some() {
        return None;
    }
    let (scenario, _) = normalise(link.scenario);
    let plan = plan(&scenario);
    let diagram = layout(&plan);
    let verdict = banner(&plan);
    Some(Preview {
        svg: svg_inline(&diagram),
        step: default_step(&plan).map(|n| diagram.drawn_step(n) as u32),
        outcome: verdict.outcome.key().to_string(),
        marker: marker(verdict.outcome).to_string(),
        headline: verdict.headline,
        reason: verdict.reason,
        fix: verdict.fix,
        warnings: verdict.warnings.join("\n"),
    })
}
