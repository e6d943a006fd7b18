//! What a diagram is called and how it looks once it leaves the page: the exported files' names
//! (after the scenario, so that a folder of exports reads like a list of cases) and the dark
//! variant of the exported SVG, for pages that follow the reader's dark mode (GitHub's and
//! GitLab's `<picture>`).
//!
//! The dark variant is the same SVG with every colour of [`STYLE`] swapped for its dark
//! counterpart ([`DARK`]): one writer, one geometry, two palettes. It keeps what makes the
//! export survive wiki converters: plain hex colours in one `<style>`, no CSS variables, no
//! media queries.

use crate::diagram::Diagram;
use crate::model::Plan;
use crate::present::deciding_step;
use crate::svg::{svg, STYLE};

/// Each colour of the SVG's style sheet ([`STYLE`]) and its dark counterpart. Text colours
/// keep at least 4.5:1 contrast on the dark card (`#0f172a`), lines and fills at least 3:1; a
/// test checks that every colour of [`STYLE`] is here.
pub const DARK: &[(&str, &str)] = &[
    // The card and the main text.
    ("#fff", "#0f172a"),
    ("#0f172a", "#e2e8f0"),
    ("#e2e8f0", "#334155"),
    // Secondary text, lines, badges.
    ("#64748b", "#94a3b8"),
    ("#94a3b8", "#64748b"),
    ("#475569", "#cbd5e1"),
    ("#334155", "#cbd5e1"),
    ("#cbd5e1", "#475569"),
    ("#f8fafc", "#1e293b"),
    // Succeeds.
    ("#f0fdf4", "#052e16"),
    ("#86efac", "#166534"),
    ("#15803d", "#4ade80"),
    // At risk.
    ("#fffbeb", "#291c06"),
    ("#fcd34d", "#92400e"),
    ("#b45309", "#fbbf24"),
    ("#d97706", "#fbbf24"),
    ("#92400e", "#fcd34d"),
    // Fails.
    ("#fef2f2", "#2b1111"),
    ("#fca5a5", "#991b1b"),
    ("#b91c1c", "#fca5a5"),
    ("#dc2626", "#f87171"),
    ("#991b1b", "#fecaca"),
    // The boxes: program, identities, resources.
    ("#eef2ff", "#1e1b4b"),
    ("#a5b4fc", "#6366f1"),
    ("#6366f1", "#a5b4fc"),
    ("#f0f9ff", "#082f49"),
    ("#7dd3fc", "#0369a1"),
    ("#0284c7", "#38bdf8"),
    ("#f0fdfa", "#042f2e"),
    ("#5eead4", "#0f766e"),
    ("#0d9488", "#2dd4bf"),
];

/// The colours (`#abc`, `#aabbcc`) of a style sheet, in order, with their byte ranges.
pub fn colours(css: &str) -> Vec<(usize, usize)> {
    let bytes = css.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'#' {
            let len = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            if len == 3 || len == 6 {
                out.push((i, i + 1 + len));
            }
            i += 1 + len;
        } else {
            i += 1;
        }
    }
    out
}

/// [`STYLE`] with every colour swapped for its dark counterpart; a colour without one stays.
pub fn dark_style() -> String {
    let mut out = String::with_capacity(STYLE.len());
    let mut at = 0;
    for (start, end) in colours(STYLE) {
        out.push_str(&STYLE[at..start]);
        let colour = &STYLE[start..end];
        let dark = DARK
            .iter()
            .find(|(light, _)| light.eq_ignore_ascii_case(colour))
            .map_or(colour, |(_, dark)| dark);
        out.push_str(dark);
        at = end;
    }
    out.push_str(&STYLE[at..]);
    out
}

/// The standalone SVG ([`svg`]) in dark colours: the same document but for its `<style>`.
pub fn svg_dark(d: &Diagram) -> String {
    let light = svg(d);
    let sheet = format!("<style>{STYLE}</style>");
    light.replacen(&sheet, &format!("<style>{}</style>", dark_style()), 1)
}

/// The exported files' name without its extension, after the scenario: the client, the
/// verdict and the step that decides it — `credflow-legacy-fails-connect-share`,
/// `credflow-advanced-ok`. Only the rule book's keys, so it is safe as a file name anywhere.
pub fn file_stem(plan: &Plan) -> String {
    let mut stem = format!(
        "credflow-{}-{}",
        plan.scenario.client.key(),
        plan.verdict.key()
    );
    if let Some(step) = deciding_step(plan) {
        stem.push('-');
        stem.push_str(step.step.key());
    }
    stem
}
