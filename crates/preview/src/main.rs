//! A shared link's verdict and diagram before the page has started: the core alone, without the
//! page's framework, a quarter of the page's WebAssembly. `public/early.js` compiles it at the
//! top of `<head>` for a link, or a scenario saved in this browser, and `public/first.js` runs
//! it and shows what it draws, inert, where the page will draw it; the page replaces it when it
//! starts.
//!
//! Trunk builds it with the page (`index.html`: `data-type="worker"`) into
//! `credflow-preview_bg.wasm`, next to `index.html`. The scripts call it without wasm-bindgen's
//! glue, synchronously, so that nothing waits for a module to load: [`alloc`] room for the link,
//! write it there as UTF-8, call [`preview`], and read the answer [`preview`] points to.

use credflow_core::link::decode_lenient;
use credflow_core::present::{banner, default_step, marker};
use credflow_core::{layout, normalise, plan, svg_inline};

fn main() {}

/// wasm-bindgen, which Trunk runs on every WebAssembly it builds, needs one export of its own.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn version() -> u32 {
    1
}

/// Room for `len` bytes (the link), kept until [`preview`] has read them.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut room = Vec::<u8>::with_capacity(len);
    let at = room.as_mut_ptr();
    std::mem::forget(room);
    at
}

/// The answer for the link in `len` bytes at `at` (from [`alloc`], freed here): a pointer to
/// the answer's length (4 bytes, little-endian) followed by the answer, or null for a link the
/// page would not draw at once (one it cannot read in full, a question, a comparison). The
/// answer is its fields one after the other, each its length (4 bytes) and its UTF-8: the SVG,
/// the first highlighted step (`data-step`, or empty), the outcome's key and marker, the
/// headline, the reason, the fix (empty: none) and the warnings, one a line.
///
/// # Safety
/// `at` must come from [`alloc`] with `len`, and hold `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn preview(at: *mut u8, len: usize) -> *const u8 {
    // SAFETY: the caller passes what `alloc(len)` returned, filled.
    let bytes = unsafe { Vec::from_raw_parts(at, len, len) };
    let Some(fields) = String::from_utf8(bytes).ok().and_then(|link| draw(&link)) else {
        return std::ptr::null();
    };
    let mut out = Vec::new();
    for field in &fields {
        out.extend_from_slice(&(field.len() as u32).to_le_bytes());
        out.extend_from_slice(field.as_bytes());
    }
    let mut answer = (out.len() as u32).to_le_bytes().to_vec();
    answer.extend_from_slice(&out);
    // The page reads it once and loads no other: it lives as long as the page.
    answer.leak().as_ptr()
}

/// The scenario in a link (a URL fragment without its `#`, or a saved scenario), read and
/// normalised as the page reads it, as the page first draws it.
fn draw(link: &str) -> Option<[String; 8]> {
    let (link, errors) = decode_lenient(link);
    if !errors.is_empty() || link.quiz || link.compare.is_some() {
        return None;
    }
    let (scenario, _) = normalise(link.scenario);
    let plan = plan(&scenario);
    let diagram = layout(&plan);
    let verdict = banner(&plan);
    Some([
        svg_inline(&diagram),
        default_step(&plan).map_or(String::new(), |n| diagram.drawn_step(n).to_string()),
        verdict.outcome.key().to_string(),
        marker(verdict.outcome).to_string(),
        verdict.headline,
        verdict.reason,
        verdict.fix.unwrap_or_default(),
        verdict.warnings.join("\n"),
    ])
}
