//! SVG writer: the laid-out diagram as one standalone SVG document.
//!
//! Standalone means it looks the same inline in the page, in an `<img>`, or saved to a file:
//! one `<style>` element scoped to `.cf` (so that it cannot restyle the page it is inlined
//! into), no external references, no scripts, no fonts beyond the system stack. All text goes
//! through [`escape`], the one escaping function: share paths are typed by the user and may
//! contain anything.

use crate::diagram::{Callout, Column, Diagram, Edge, Node, NodeKind, Side};
use crate::layout::{
    ACTION_DY, BADGE_GAP, BADGE_R, CALLOUT_PAD, CAPTION_LINE, CAPTION_Y, HEAD, HEADING_PX,
    HEADING_Y, LEGEND_PX, LINE, MARGIN, NODE_LINE, STATUS_DY, WARNING_LINE, WHO_LINE,
};
use crate::model::{Outcome, ResourceKind};
use crate::number;
use crate::present::{marker, outcome_word};
use crate::text::{text_width, Font};

/// The style sheet (scoped to `.cf`). Text colours have at least 4.5:1 contrast on white (WCAG AA); lines and
/// fills at least 3:1. Class names are short because a diagram with 500 shares repeats them.
/// No text is smaller than 13 px: the page shows the diagram at about 0.96 of its size beside
/// the wizard at 1366 px wide, and every text must still read at 12 px there.
pub const STYLE: &str = "\
.cf text{fill:#0f172a}\
.cf .bg{fill:#fff;stroke:#e2e8f0}\
.cf .hd{font-size:17px;font-weight:700}\
.cf .cap{font-weight:600;letter-spacing:.06em;fill:#475569}\
.cf .vd rect{stroke-width:1}\
.cf .vd text{font-weight:700}\
.cf .v-ok rect{fill:#f0fdf4;stroke:#86efac}.cf .v-ok text{fill:#15803d}\
.cf .v-at-risk rect{fill:#fffbeb;stroke:#fcd34d}.cf .v-at-risk text{fill:#b45309}\
.cf .v-waits rect{fill:#f8fafc;stroke:#cbd5e1}.cf .v-waits text{fill:#475569}\
.cf .v-hidden rect{fill:#f8fafc;stroke:#cbd5e1}.cf .v-hidden text{fill:#475569}\
.cf .v-fails rect{fill:#fef2f2;stroke:#fca5a5}.cf .v-fails text{fill:#b91c1c}\
.cf .nb{stroke-width:1.2}\
.cf .kp .nb{fill:#eef2ff;stroke:#a5b4fc}.cf .kp .ac{fill:#6366f1}\
.cf .ki .nb{fill:#f0f9ff;stroke:#7dd3fc}.cf .ki .ac{fill:#0284c7}\
.cf .kr .nb{fill:#f0fdfa;stroke:#5eead4}.cf .kr .ac{fill:#0d9488}\
.cf .nf .nb{stroke:#dc2626;stroke-width:2}.cf .nf .ac{fill:#dc2626}\
.cf .na .nb{stroke:#d97706;stroke-width:2}.cf .na .ac{fill:#d97706}\
.cf .sk{opacity:.55}\
.cf .nl{font-weight:600}\
.cf .mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace;font-weight:600}\
.cf .nc{fill:#475569}\
.cf .step{cursor:pointer}\
.cf .hit{fill:#fff;fill-opacity:0}\
.cf .ln{fill:none;stroke:#64748b;stroke-width:1.6}\
.cf .ah{fill:#64748b}\
.cf .bd{fill:#334155}\
.cf .bn{fill:#fff;font-weight:700;text-anchor:middle}.cf .n3{font-size:10px}\
.cf .w{fill:#475569}\
.cf .st{font-weight:700}\
.cf .outcome-ok .st{fill:#15803d}\
.cf .outcome-at-risk .ln{stroke:#d97706}.cf .outcome-at-risk .ah,.cf .outcome-at-risk .bd{fill:#b45309}\
.cf .outcome-at-risk .st{fill:#b45309}\
.cf .outcome-waits .ln{stroke:#94a3b8;stroke-dasharray:1 3;stroke-linecap:round}.cf .outcome-waits .bd{fill:#475569}\
.cf .outcome-waits .st{fill:#475569}\
.cf .outcome-fails .ln{stroke:#dc2626;stroke-width:2}.cf .outcome-fails .ah,.cf .outcome-fails .bd{fill:#dc2626}\
.cf .outcome-fails .st{fill:#b91c1c}\
.cf .not-reached .ln{stroke-dasharray:6 4;opacity:.5}.cf .not-reached .ah{opacity:.5}\
.cf .not-reached .bd{fill:#fff;stroke:#94a3b8;stroke-width:1.5;stroke-dasharray:3 2}\
.cf .not-reached .bn{fill:#475569}.cf .not-reached .a{fill:#475569}.cf .not-reached .st{fill:#475569}\
.cf .co rect{fill:#f8fafc;stroke:#cbd5e1}.cf .co text{fill:#334155}\
.cf .outcome-fails .co rect{fill:#fef2f2;stroke:#fca5a5}.cf .outcome-fails .co text{fill:#991b1b}\
.cf .outcome-at-risk .co rect{fill:#fffbeb;stroke:#fcd34d}.cf .outcome-at-risk .co text{fill:#92400e}\
.cf .not-reached .co rect{stroke-dasharray:4 3}\
.cf .lg{fill:#475569}.cf .wn{fill:#92400e}\
.cf .lm-ok{fill:#15803d}.cf .lm-at-risk{fill:#b45309}.cf .lm-waits{fill:#475569}.cf .lm-fails{fill:#b91c1c}\
";

/// The diagram's colours for a page with a light and a dark theme: every colour [`STYLE`]
/// sets, as `(property, light, dark, selectors after .cf)`. The exported SVG stays light and
/// self-contained ([`STYLE`] only); the page adds [`themed_style`], so that the diagram it
/// shows follows the page's theme instead of staying a white card in dark mode. Dark text
/// colours have at least 4.5:1 contrast on the dark card (#171b21) and on the dark boxes and
/// callouts they sit on, lines and fills at least 3:1. A test checks that every colour of
/// [`STYLE`] is here, with the same light value.
pub const PALETTE: &[(&str, &str, &str, &[&str])] = &[
    ("fill", "#0f172a", "#e6e9ed", &["text"]),
    (
        "fill",
        "#fff",
        "#171b21",
        &[".bg", ".hit", ".not-reached .bd"],
    ),
    ("stroke", "#e2e8f0", "#343c47", &[".bg"]),
    (
        "fill",
        "#475569",
        "#b6c0cc",
        &[
            ".cap",
            ".v-waits text",
            ".v-hidden text",
            ".nc",
            ".w",
            ".outcome-waits .bd",
            ".outcome-waits .st",
            ".not-reached .bn",
            ".not-reached .a",
            ".not-reached .st",
            ".lg",
            ".lm-waits",
        ],
    ),
    ("fill", "#f0fdf4", "#11271a", &[".v-ok rect"]),
    ("stroke", "#86efac", "#2f7a4a", &[".v-ok rect"]),
    (
        "fill",
        "#15803d",
        "#6fd08c",
        &[".v-ok text", ".outcome-ok .st", ".lm-ok"],
    ),
    (
        "fill",
        "#fffbeb",
        "#2c2110",
        &[".v-at-risk rect", ".outcome-at-risk .co rect"],
    ),
    (
        "stroke",
        "#fcd34d",
        "#8a6a1f",
        &[".v-at-risk rect", ".outcome-at-risk .co rect"],
    ),
    (
        "fill",
        "#b45309",
        "#ffc266",
        &[".v-at-risk text", ".outcome-at-risk .st", ".lm-at-risk"],
    ),
    (
        "fill",
        "#b45309",
        "#fbbf24",
        &[".outcome-at-risk .ah", ".outcome-at-risk .bd"],
    ),
    (
        "fill",
        "#f8fafc",
        "#1f252d",
        &[".v-waits rect", ".v-hidden rect", ".co rect"],
    ),
    (
        "stroke",
        "#cbd5e1",
        "#5b6675",
        &[".v-waits rect", ".v-hidden rect", ".co rect"],
    ),
    (
        "fill",
        "#fef2f2",
        "#2d1513",
        &[".v-fails rect", ".outcome-fails .co rect"],
    ),
    (
        "stroke",
        "#fca5a5",
        "#9a3f37",
        &[".v-fails rect", ".outcome-fails .co rect"],
    ),
    (
        "fill",
        "#b91c1c",
        "#ff8a80",
        &[".v-fails text", ".outcome-fails .st", ".lm-fails"],
    ),
    ("fill", "#eef2ff", "#1d2040", &[".kp .nb"]),
    ("stroke", "#a5b4fc", "#6f76d9", &[".kp .nb"]),
    ("fill", "#6366f1", "#9aa0f5", &[".kp .ac"]),
    ("fill", "#f0f9ff", "#0f2433", &[".ki .nb"]),
    ("stroke", "#7dd3fc", "#2f7fa8", &[".ki .nb"]),
    ("fill", "#0284c7", "#4cc3f7", &[".ki .ac"]),
    ("fill", "#f0fdfa", "#0e2a26", &[".kr .nb"]),
    ("stroke", "#5eead4", "#2a8a79", &[".kr .nb"]),
    ("fill", "#0d9488", "#3fd8c0", &[".kr .ac"]),
    (
        "stroke",
        "#dc2626",
        "#f87171",
        &[".nf .nb", ".outcome-fails .ln"],
    ),
    (
        "fill",
        "#dc2626",
        "#f87171",
        &[".nf .ac", ".outcome-fails .ah", ".outcome-fails .bd"],
    ),
    (
        "stroke",
        "#d97706",
        "#fbbf24",
        &[".na .nb", ".outcome-at-risk .ln"],
    ),
    ("fill", "#d97706", "#fbbf24", &[".na .ac"]),
    ("stroke", "#64748b", "#94a3b8", &[".ln"]),
    ("fill", "#64748b", "#94a3b8", &[".ah"]),
    ("fill", "#334155", "#cbd5e1", &[".bd"]),
    ("fill", "#fff", "#0f1216", &[".bn"]),
    (
        "stroke",
        "#94a3b8",
        "#94a3b8",
        &[".outcome-waits .ln", ".not-reached .bd"],
    ),
    ("fill", "#334155", "#d5dbe2", &[".co text"]),
    ("fill", "#991b1b", "#ffb4ab", &[".outcome-fails .co text"]),
    (
        "fill",
        "#92400e",
        "#ffd699",
        &[".outcome-at-risk .co text", ".wn"],
    ),
];

/// The page's overrides of [`STYLE`]'s colours: [`PALETTE`] as `light-dark(light, dark)`, so
/// that the inline diagram follows the page's `color-scheme` (the system's, or the one the
/// page's toggle pins; light when printing). Nested in `scope .cf`: one class more than
/// [`STYLE`]'s selectors, so it wins.
pub fn themed_style(scope: &str) -> String {
    let mut out = String::with_capacity(2048);
    out.push_str(scope);
    out.push_str(" .cf{");
    for (property, light, dark, selectors) in PALETTE {
        out.push_str(&selectors.join(","));
        for part in ["{", property, ":light-dark(", light, ",", dark, ")}"] {
            out.push_str(part);
        }
    }
    out.push('}');
    out
}

/// The diagram as a standalone SVG document.
pub fn svg(d: &Diagram) -> String {
    let mut out = open(d);
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style>");
    body(&mut out, d, None, false);
    out
}

/// The diagram without its `<style>`, for a page that has [`STYLE`] once in its own style
/// sheet: a new `<style>` element with every update would make the browser restyle the whole
/// page each time.
pub fn svg_inline(d: &Diagram) -> String {
    let mut out = open(d);
    body(&mut out, d, None, false);
    out
}

/// A question's diagram (`quiz::diagram`), for the page: [`svg_inline`] with every step's
/// outcome written as `hidden` (its class, its `data-outcome`, the heading's badge) and a
/// legend that says the outcomes are hidden, so that nothing in the drawing gives the answer.
pub fn svg_question(d: &Diagram) -> String {
    let mut out = open(d);
    body(&mut out, d, None, true);
    out
}

/// Part of the diagram, for a page that shows only part of a tall one: [`svg_inline`] with only
/// the steps and boxes that reach into the band from `top` to `bottom` (diagram units, from the
/// top), at the diagram's full size, so that the page's layout does not move. The heading and
/// the legend are always drawn. The page draws the whole diagram once the browser is idle.
pub fn svg_inline_band(d: &Diagram, top: f32, bottom: f32) -> String {
    let mut out = open(d);
    body(&mut out, d, Some((top, bottom)), false);
    out
}

/// The `<svg>` element's start, its `<title>` and its `<desc>`.
fn open(d: &Diagram) -> String {
    let mut out = String::with_capacity(4096 + d.nodes.len() * 600 + d.edges.len() * 1100);
    let o = &mut out;
    o.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cf\" role=\"img\" width=\"");
    num(o, d.width);
    o.push_str("\" height=\"");
    num(o, d.height);
    o.push_str("\" viewBox=\"0 0 ");
    num(o, d.width);
    o.push(' ');
    num(o, d.height);
    o.push_str(
        "\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"13\"><title>",
    );
    escape(o, &d.title);
    o.push_str("</title><desc>");
    escape(o, &d.desc());
    o.push_str("</desc>");
    out
}

/// The diagram's drawing and the `<svg>` element's end: of the steps and boxes, those that
/// reach into `band` (from its top to its bottom, in diagram units), or all of them.
fn body(o: &mut String, d: &Diagram, band: Option<(f32, f32)>, hidden: bool) {
    let shown = |(a, b): (f32, f32)| band.is_none_or(|(top, bottom)| a < bottom && b > top);
    // A card, white in the export (so that it reads on dark pages too); the page's theme
    // colours it on the page (`themed_style`).
    o.push_str("<rect class=\"bg\" x=\"0.5\" y=\"0.5\" width=\"");
    num(o, d.width - 1.0);
    o.push_str("\" height=\"");
    num(o, d.height - 1.0);
    o.push_str("\" rx=\"12\"/>");

    heading(o, d, hidden);
    for edge in d.edges.iter().filter(|e| shown(e.span())) {
        if shown(edge.row_span()) {
            step(o, edge, hidden);
        } else {
            step_arrow(o, edge);
        }
    }
    for node in d.nodes.iter().filter(|n| shown(n.span())) {
        node_box(o, node);
    }
    for (i, line) in d.warnings.iter().enumerate() {
        text(
            o,
            "wn",
            MARGIN,
            d.warnings_y + WARNING_LINE * i as f32,
            line,
        );
    }
    if hidden {
        text(
            o,
            "lg",
            MARGIN,
            d.legend_y,
            "? each outcome is hidden until you answer",
        );
    } else {
        legend(o, d);
    }
    o.push_str("</svg>");
}

/// Writes `text` with `& < > " '` escaped, so that it is safe both as element text and inside
/// a double- or single-quoted attribute. Characters XML 1.0 forbids (C0 controls other than
/// tab, newline and carriage return; U+FFFE, U+FFFF) become U+FFFD, so the document stays
/// well-formed whatever the text.
pub fn escape(out: &mut String, text: &str) {
    // Copies runs of safe text whole; everything to replace is ASCII, or U+FFFE / U+FFFF
    // (EF BF BE / EF BF BF in UTF-8), so every cut falls on a character boundary.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !SPECIAL[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let (with, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            0xEF => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0xBF), Some(0xBE | 0xBF)) => ("\u{FFFD}", 3),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => ("\u{FFFD}", 1),
        };
        out.push_str(&text[start..i]);
        out.push_str(with);
        i += len;
        start = i;
    }
    out.push_str(&text[start..]);
}

/// `text` as a reader of the SVG sees it once [`escape`] has written it: the same, except
/// that U+FFFE and U+FFFF (which XML forbids) become U+FFFD. The C0 controls it also replaces
/// cannot reach a share path (`check_unc` refuses them).
pub fn shown_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// The bytes [`escape`] looks at: `& < > " '`, C0 controls other than tab, newline and
/// carriage return, and 0xEF (which starts U+FFFE and U+FFFF).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = !matches!(b, 0x09 | 0x0A | 0x0D);
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xEF] = true;
    t
};

/// A coordinate with at most one decimal.
fn num(out: &mut String, v: f32) {
    number::push_tenths(out, v);
}

/// A whole number.
fn uint(out: &mut String, n: u64) {
    out.push_str(number::whole(n as usize, &mut [0; 20]));
}

/// ` name="v"` for a coordinate.
fn attr(out: &mut String, name: &str, v: f32) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    num(out, v);
    out.push('"');
}

fn xy(out: &mut String, x: f32, y: f32) {
    attr(out, "x", x);
    attr(out, "y", y);
}

/// `<tag class x y`, without the class when `class` is empty: the start of a tag placed at a
/// point, for its other attributes to follow.
fn tag_at(out: &mut String, tag: &str, class: &str, x: f32, y: f32) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    xy(out, x, y);
}

fn rect(out: &mut String, class: &str, x: f32, y: f32, w: f32, h: f32, rx: f32) {
    tag_at(out, "rect", class, x, y);
    attr(out, "width", w);
    attr(out, "height", h);
    if rx > 0.0 {
        attr(out, "rx", rx);
    }
    out.push_str("/>");
}

/// `<text class x y>escaped text</text>`.
fn text(out: &mut String, class: &str, x: f32, y: f32, content: &str) {
    tag_at(out, "text", class, x, y);
    out.push('>');
    escape(out, content);
    out.push_str("</text>");
}

fn title(out: &mut String, content: &str) {
    out.push_str("<title>");
    escape(out, content);
    out.push_str("</title>");
}

fn pt(out: &mut String, (x, y): (f32, f32)) {
    num(out, x);
    out.push(',');
    num(out, y);
}

/// The client and the verdict, and the column captions.
fn heading(o: &mut String, d: &Diagram, hidden: bool) {
    text(o, "hd", MARGIN, HEADING_Y, &d.heading);
    let x = MARGIN + text_width(&d.heading, HEADING_PX, Font::Bold) + 14.0;
    let w = text_width(&d.verdict_text, 13.0, Font::Bold) + 20.0;
    o.push_str("<g class=\"vd v-");
    o.push_str(if hidden { "hidden" } else { d.verdict.key() });
    o.push_str("\">");
    rect(o, "", x, HEADING_Y - 18.0, w, 26.0, 13.0);
    text(o, "", x + 10.0, HEADING_Y, &d.verdict_text);
    o.push_str("</g>");
    for &(column, cx) in &d.columns {
        let caption = match column {
            Column::Program => "PROGRAM",
            Column::Identities => "IDENTITIES",
            Column::Resources => "RESOURCES",
        };
        text(o, "cap", cx, CAPTION_Y, caption);
    }
}

/// One step: its arrow, number badge, label and callout, in one clickable group.
fn step(o: &mut String, e: &Edge, hidden: bool) {
    step_group(o, e, hidden);
    title(o, &e.title);
    let r = e.label_rect;
    rect(o, "hit", r.x, r.y, r.w, r.h, 0.0);
    arrow(o, e);
    let tx = badge(o, e);
    step_text(o, e, tx);
    if let Some(c) = &e.callout {
        callout(o, c);
    }
    o.push_str("</g>");
}

/// A step whose row is outside the band that [`svg_inline_band`] draws: only its arrow,
/// which crosses the band.
fn step_arrow(o: &mut String, e: &Edge) {
    step_group(o, e, false);
    arrow(o, e);
    o.push_str("</g>");
}

/// The step's group element: its outcome, whether it was reached, and its number.
fn step_group(o: &mut String, e: &Edge, hidden: bool) {
    let key = if hidden { "hidden" } else { e.outcome.key() };
    o.push_str("<g class=\"step outcome-");
    o.push_str(key);
    if !e.reached {
        o.push_str(" not-reached");
    }
    if e.collapsed.is_some() {
        o.push_str(" more");
    }
    // The summary row's first step, so that a click selects it, and the range it stands for.
    o.push_str("\" data-step=\"");
    uint(o, e.step as u64);
    if let Some(c) = &e.collapsed {
        o.push_str("\" data-steps=\"");
        o.push_str(&c.range());
    }
    o.push_str("\" data-outcome=\"");
    o.push_str(key);
    o.push_str(if e.reached {
        "\">"
    } else {
        "\" data-reached=\"false\">"
    });
}

/// The arrow: an S-curve on the identity's side, straight along the label.
fn arrow(o: &mut String, e: &Edge) {
    let [tail, joint, tip] = [e.points[0], e.points[1], e.points[2]];
    o.push_str("<path class=\"ln\" d=\"M");
    pt(o, tail);
    match e.side {
        Side::Right => {
            let dx = (joint.0 - tail.0) / 2.0;
            o.push('C');
            pt(o, (tail.0 + dx, tail.1));
            o.push(' ');
            pt(o, (joint.0 - dx, joint.1));
            o.push(' ');
            pt(o, joint);
            o.push('H');
            num(o, tip.0 - HEAD + 1.0);
        }
        Side::Left => {
            let end = (tip.0 - HEAD + 1.0, tip.1);
            let dx = (end.0 - joint.0) / 2.0;
            o.push('H');
            num(o, joint.0);
            o.push('C');
            pt(o, (joint.0 + dx, joint.1));
            o.push(' ');
            pt(o, (end.0 - dx, end.1));
            o.push(' ');
            pt(o, end);
        }
    }
    o.push_str("\"/><path class=\"ah\" d=\"M");
    pt(o, tip);
    o.push_str("l-8,-4.5v9z\"/>");
}

/// The number badge (for the summary row, a pill with the range of steps); returns where the
/// step's text starts.
fn badge(o: &mut String, e: &Edge) -> f32 {
    let (bx, by) = e.badge;
    let half = match &e.collapsed {
        Some(c) => {
            let half = c.badge_w / 2.0;
            rect(
                o,
                "bd",
                bx - half,
                by - BADGE_R,
                c.badge_w,
                2.0 * BADGE_R,
                BADGE_R,
            );
            tag_at(o, "text", "bn", bx, by + 4.5);
            o.push('>');
            o.push_str(&c.badge());
            o.push_str("</text>");
            half
        }
        None => {
            o.push_str("<circle class=\"bd\"");
            attr(o, "cx", bx);
            attr(o, "cy", by);
            attr(o, "r", BADGE_R);
            o.push_str("/>");
            // Three digits and more take a smaller size to stay inside the badge.
            let class = if e.step < 100 { "bn" } else { "bn n3" };
            tag_at(o, "text", class, bx, by + 4.5);
            o.push('>');
            uint(o, e.step as u64);
            o.push_str("</text>");
            BADGE_R
        }
    };
    bx + half + BADGE_GAP
}

/// The step's two lines of text: what it does, then its status and who acts, from `tx`.
fn step_text(o: &mut String, e: &Edge, tx: f32) {
    let by = e.badge.1;
    let mut y = by - ACTION_DY - LINE * e.label.len().saturating_sub(1) as f32;
    for line in &e.label {
        text(o, "a", tx, y, line);
        y += LINE;
    }
    tag_at(o, "text", "w", tx, by + STATUS_DY);
    o.push_str("><tspan class=\"st\">");
    escape(o, e.status);
    o.push_str("</tspan>");
    // Plain text, not a tspan of its own: a diagram of many shares has many such rows, and
    // every text element costs the browser layout time. What does not fit beside the status
    // goes on lines under it, in the same text element.
    let under = |o: &mut String, line: &str| line_below(o, tx, WHO_LINE, line);
    if e.after_inline {
        o.push_str(e.after);
    } else {
        under(o, e.after.trim_start_matches(" · "));
    }
    if e.who_inline {
        for line in &e.who {
            escape(o, line);
        }
    } else {
        for line in &e.who {
            under(o, line);
        }
    }
    o.push_str("</text>");
}

/// A callout: the reason, in a box beside the step, with its whole text as the tooltip.
fn callout(o: &mut String, c: &Callout) {
    o.push_str("<g class=\"co\">");
    title(o, &c.text);
    rect(o, "", c.rect.x, c.rect.y, c.rect.w, c.rect.h, 6.0);
    // A callout has at least one line (layout makes none without).
    let x = c.rect.x + CALLOUT_PAD;
    lines(o, "", x, c.rect.y + LINE, LINE, &c.lines);
    o.push_str("</g>");
}

/// One box: label lines, captions, and its tooltip.
fn node_box(o: &mut String, n: &Node) {
    o.push_str("<g class=\"nd ");
    o.push_str(match n.kind {
        NodeKind::Resource(ResourceKind::Program) => "kp",
        NodeKind::Identity => "ki",
        _ => "kr",
    });
    match n.outcome {
        Some(Outcome::Fails) => o.push_str(" nf"),
        Some(Outcome::AtRisk) => o.push_str(" na"),
        _ => {}
    }
    o.push_str("\" data-node=\"");
    escape(o, &n.id);
    o.push_str("\">");
    title(o, &n.title);
    let r = n.rect;
    if n.kind == NodeKind::MoreShares {
        // A stack of cards: many shares in one box.
        rect(o, "nb sk", r.x + 8.0, r.y + 8.0, r.w, r.h, 8.0);
        rect(o, "nb sk", r.x + 4.0, r.y + 4.0, r.w, r.h, 8.0);
    }
    rect(o, "nb", r.x, r.y, r.w, r.h, 8.0);
    rect(o, "ac", r.x + 6.0, r.y + 10.0, 3.0, r.h - 20.0, 1.5);
    let block = n.lines.len() as f32 * NODE_LINE + n.captions.len() as f32 * CAPTION_LINE;
    let mut y = r.y + (r.h - block) / 2.0 + 13.0;
    let label_class = if n.kind == NodeKind::Resource(ResourceKind::Share) {
        "mono"
    } else {
        "nl"
    };
    // The label, then the captions: each one text element whatever its lines (every text
    // element costs the browser layout time, and fifty shares have fifty boxes).
    lines(o, label_class, r.x + 16.0, y, NODE_LINE, &n.lines);
    y += NODE_LINE * n.lines.len() as f32 - 1.0;
    lines(o, "nc", r.x + 16.0, y, CAPTION_LINE, &n.captions);
    o.push_str("</g>");
}

/// Lines of text, `step` apart, as one `<text>` (with no class when `class` is empty) with a
/// `<tspan>` for each line after the first; nothing without lines.
fn lines(o: &mut String, class: &str, x: f32, y: f32, step: f32, lines: &[String]) {
    let Some((first, rest)) = lines.split_first() else {
        return;
    };
    tag_at(o, "text", class, x, y);
    o.push('>');
    escape(o, first);
    for line in rest {
        line_below(o, x, step, line);
    }
    o.push_str("</text>");
}

/// A line of a `<text>` after its first: `<tspan x dy>`, `dy` below the line before.
fn line_below(o: &mut String, x: f32, dy: f32, line: &str) {
    o.push_str("<tspan");
    attr(o, "x", x);
    attr(o, "dy", dy);
    o.push('>');
    escape(o, line);
    o.push_str("</tspan>");
}

/// What the markers mean, at the bottom.
fn legend(o: &mut String, d: &Diagram) {
    let y = d.legend_y;
    let mut x = MARGIN;
    for outcome in [Outcome::Ok, Outcome::AtRisk, Outcome::Waits, Outcome::Fails] {
        let word = outcome_word(outcome);
        tag_at(o, "text", "lg", x, y);
        o.push_str("><tspan class=\"lm-");
        o.push_str(outcome.key());
        o.push_str("\" font-weight=\"700\">");
        o.push_str(marker(outcome));
        o.push_str("</tspan> ");
        o.push_str(word);
        o.push_str("</text>");
        x += text_width(word, LEGEND_PX, Font::Regular) + 44.0;
    }
    o.push_str("<path class=\"ln\" stroke-dasharray=\"6 4\" opacity=\".5\" d=\"M");
    pt(o, (x, y - 4.0));
    o.push_str("h28\"/>");
    text(
        o,
        "lg",
        x + 36.0,
        y,
        "– not reached: an earlier step fails; shown with what it would do",
    );
}
