//! The exported SVG survives wiki converters. MediaWiki turns an uploaded SVG into PNG with
//! librsvg; here Debian's `rsvg-convert` (librsvg2-bin, which scripts/setup installs) renders
//! `credflow render` (and `--dark`) of every classic case.
//!
//! What it can really assert: the conversion succeeds, silently, at the SVG's size; and every
//! line of text of the SVG came out as ink where it should be. For the second, the SVG is also
//! converted to SVG: librsvg then writes each run of drawn text as filled glyph outlines
//! (`<path>`s) in page coordinates, so each text line of the original must have outlines that
//! start at its `x`, sit on its baseline and span most of its estimated width — a text librsvg
//! dropped (an unsupported construct, a font it could not use) leaves no outline there — and
//! every outline must have a colour of the diagram's style sheet: a style librsvg ignored (a
//! CSS variable, `light-dark()`) leaves its default, black, which the sheet never uses. Which glyphs were drawn cannot be read back; that the texts are the
//! plan's is checked on the SVG itself.
//!
//! Without `rsvg-convert` the tests say so and pass, unless `CREDFLOW_REQUIRE_RSVG=1`
//! (scripts/test sets it), where its absence fails them.

use std::path::PathBuf;
use std::process::Command;

mod common;
use common::run_with_input;
#[path = "../../core/tests/common/entities.rs"]
mod entities;
use entities::unescape;

use credflow_core::presets::PRESETS;
use credflow_core::text::{text_width, Font};
use credflow_core::{decode, plan, Outcome};

fn rsvg_convert() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join("rsvg-convert"))
            .find(|file| file.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CREDFLOW_REQUIRE_RSVG").as_deref() != Ok("1"),
            "rsvg-convert is not on PATH: install librsvg2-bin (scripts/setup does)"
        );
        eprintln!("rsvg-convert is not on PATH (librsvg2-bin): the librsvg checks did not run");
    }
    found
}

/// `credflow ARGS`: its standard output.
fn credflow(args: &[&str]) -> String {
    let out = common::credflow(args);
    assert!(
        out.status.success(),
        "credflow {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 SVG")
}

/// `rsvg-convert -f FORMAT` of `svg`: (standard output, standard error).
fn convert(rsvg: &PathBuf, format: &str, svg: &str) -> (Vec<u8>, String) {
    let out = run_with_input(Command::new(rsvg).args(["-f", format]), svg.as_bytes());
    assert!(
        out.status.success(),
        "rsvg-convert -f {format} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The value of `name="..."` in a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

fn number(tag: &str, name: &str) -> Option<f32> {
    attr(tag, name)?.parse().ok()
}

/// Each element of `svg` from its `start` to its `end` (which it leaves out), in order.
fn elements<'a>(svg: &'a str, start: &'a str, end: &'a str) -> impl Iterator<Item = &'a str> {
    let mut rest = svg;
    std::iter::from_fn(move || {
        rest = &rest[rest.find(start)?..];
        let (element, after) = rest.split_at(rest.find(end).unwrap());
        rest = after;
        Some(element)
    })
}

/// A bounding box: x0, y0, x1, y1.
type Bounds = (f32, f32, f32, f32);

/// One line of text as the SVG positions it: a `<text>`, or a `<tspan>` with its own `x`.
#[derive(Debug)]
struct Line {
    x: f32,
    y: f32,
    middle: bool,
    text: String,
}

/// Every line of text of one of credflow's SVGs (its own writer's shapes: `<text x y>` with
/// `<tspan>`s, some starting a new line with `x` and `dy`).
fn lines(svg: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for text in elements(svg, "<text", "</text>") {
        let (open, body) = text.split_once('>').unwrap();
        let (x, mut y) = (number(open, "x").unwrap(), number(open, "y").unwrap());
        let middle = attr(open, "class").is_some_and(|c| c.split(' ').any(|c| c == "bn"));
        let mut line = Line {
            x,
            y,
            middle,
            text: String::new(),
        };
        let mut body = body;
        while !body.is_empty() {
            if body.starts_with("<tspan") {
                let end = body.find('>').unwrap();
                let tag = &body[..end];
                if let (Some(tx), Some(dy)) = (number(tag, "x"), number(tag, "dy")) {
                    y += dy;
                    out.push(std::mem::replace(
                        &mut line,
                        Line {
                            x: tx,
                            y,
                            middle,
                            text: String::new(),
                        },
                    ));
                }
                body = &body[end + 1..];
            } else if body.starts_with("</tspan>") {
                body = &body["</tspan>".len()..];
            } else {
                let end = body.find('<').unwrap_or(body.len());
                line.text.push_str(&unescape(&body[..end]));
                body = &body[end..];
            }
        }
        out.push(line);
    }
    out.retain(|l| !l.text.trim().is_empty());
    out
}

/// The colour of a `fill:rgb(r%,g%,b%)` in a style, as 0–255 channels.
fn fill_of(style: &str) -> Option<[u8; 3]> {
    let at = style.find("fill:rgb(")? + "fill:rgb(".len();
    let inner = &style[at..at + style[at..].find(')')?];
    let mut out = [0u8; 3];
    for (i, part) in inner.split(',').enumerate().take(3) {
        let percent: f32 = part.trim().trim_end_matches('%').parse().ok()?;
        out[i] = (percent * 2.55).round() as u8;
    }
    Some(out)
}

/// The colours (`#abc`, `#aabbcc`) of a style sheet, as 0–255 channels.
fn palette(css: &str) -> Vec<[u8; 3]> {
    credflow_core::export::colours(css)
        .into_iter()
        .map(|(a, b)| {
            let hex = &css[a + 1..b];
            let hex: String = if hex.len() == 3 {
                hex.chars().flat_map(|c| [c, c]).collect()
            } else {
                hex.to_string()
            };
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
            [channel(0), channel(2), channel(4)]
        })
        .collect()
}

/// The filled, unstroked paths librsvg wrote (glyph outlines, badges and arrowheads): their
/// colour and bounding box.
fn filled(svg: &str) -> Vec<([u8; 3], Bounds)> {
    let mut out = Vec::new();
    for tag in elements(svg, "<path ", "/>") {
        let style = attr(tag, "style").unwrap_or_default();
        if !style.contains("stroke:none") {
            continue;
        }
        let Some(colour) = fill_of(style) else {
            continue;
        };
        let d = attr(tag, "d").unwrap_or_default();
        let numbers: Vec<f32> = d
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter_map(|n| n.parse().ok())
            .collect();
        let (xs, ys): (Vec<f32>, Vec<f32>) = numbers.chunks_exact(2).map(|p| (p[0], p[1])).unzip();
        if xs.is_empty() {
            continue;
        }
        let min = |v: &[f32]| v.iter().copied().fold(f32::MAX, f32::min);
        let max = |v: &[f32]| v.iter().copied().fold(f32::MIN, f32::max);
        out.push((colour, (min(&xs), min(&ys), max(&xs), max(&ys))));
    }
    out
}

/// Where `line` has no ink in librsvg's drawing, what is wrong; `None` when it is drawn.
fn missing(line: &Line, ink: &[Bounds]) -> Option<String> {
    // Any font size the diagram uses (8.5 to 16 px) puts glyphs within this band of the
    // baseline; descenders go a little below it.
    let on_line = |&&(_, y0, _, y1): &&Bounds| {
        y1 <= line.y + 6.0 && y0 >= line.y - 20.0 && y1 >= line.y - 12.0
    };
    let least = text_width(line.text.trim(), 8.5, Font::Regular);
    if line.middle {
        let centred = ink.iter().filter(on_line).any(|&(x0, _, x1, _)| {
            ((x0 + x1) / 2.0 - line.x).abs() <= 3.0 && x1 - x0 >= least * 0.5
        });
        return (!centred).then(|| "no outline centred on it".to_string());
    }
    let starts = ink
        .iter()
        .filter(on_line)
        .any(|&(x0, _, _, _)| x0 >= line.x - 1.5 && x0 <= line.x + 8.0);
    if !starts {
        return Some("no outline starts at its x".into());
    }
    // The ink that follows it on its baseline, without a gap wider than a few spaces.
    let mut glyphs: Vec<(f32, f32)> = ink
        .iter()
        .filter(on_line)
        .filter(|&&(x0, ..)| x0 >= line.x - 1.5)
        .map(|&(x0, _, x1, _)| (x0, x1))
        .collect();
    glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut end = line.x;
    for (x0, x1) in glyphs {
        if x0 > end + 12.0 {
            break;
        }
        end = end.max(x1);
    }
    let drawn = end - line.x;
    (drawn < least * 0.6).then(|| format!("drawn {drawn:.0} px wide, expected at least {least:.0}"))
}

#[test]
fn librsvg_renders_every_classic_case_and_every_line_of_its_text() {
    let Some(rsvg) = rsvg_convert() else {
        return;
    };
    let mut checked = 0;
    for preset in PRESETS {
        for dark in [false, true] {
            let mut args = vec!["render", preset.link];
            if dark {
                args.push("--dark");
            }
            let svg = credflow(&args);
            let what = format!("credflow {}", args.join(" "));

            // To PNG, as MediaWiki does: silently, at the SVG's own size.
            let (png, warnings) = convert(&rsvg, "png", &svg);
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{what}: not a PNG");
            let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
            let open = &svg[..svg.find('>').unwrap()];
            assert_eq!(
                (size(16) as f32, size(20) as f32),
                (
                    number(open, "width").unwrap().ceil(),
                    number(open, "height").unwrap().ceil()
                ),
                "{what}: the PNG's size"
            );
            assert_eq!(warnings, "", "{what}: rsvg-convert warned");

            // Every line of text drawn, where the SVG puts it.
            let (drawn, _) = convert(&rsvg, "svg", &svg);
            let drawn = String::from_utf8(drawn).expect("UTF-8");
            let paths = filled(&drawn);
            // Each in a colour of the diagram's style sheet: a style librsvg ignored (a CSS
            // variable, light-dark(), a media query) leaves the default, black, which the
            // style sheet never uses.
            let sheet = if dark {
                credflow_core::export::dark_style()
            } else {
                credflow_core::svg::STYLE.to_string()
            };
            let colours = palette(&sheet);
            let strange: Vec<[u8; 3]> = paths
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| {
                    !colours
                        .iter()
                        .any(|p| p.iter().zip(c).all(|(a, b)| a.abs_diff(*b) <= 1))
                })
                .collect();
            assert!(
                strange.is_empty(),
                "{what}: librsvg drew in colours the style sheet does not have: {strange:?}"
            );
            let ink: Vec<Bounds> = paths.into_iter().map(|(_, b)| b).collect();
            let shown = lines(&svg);
            assert!(shown.len() > 20, "{what}: only {} lines", shown.len());
            let problems: Vec<String> = shown
                .iter()
                .filter_map(|l| {
                    missing(l, &ink).map(|p| format!("{:?} at ({}, {}): {p}", l.text, l.x, l.y))
                })
                .collect();
            assert!(
                problems.is_empty(),
                "{what}: librsvg did not draw these texts:\n{}",
                problems.join("\n")
            );
            checked += shown.len();
        }
    }
    println!(
        "{checked} lines of text drawn by librsvg in {} SVGs",
        PRESETS.len() * 2
    );
}

#[test]
fn the_svg_holds_every_steps_text() {
    // What librsvg draws is the SVG's text; that text must say what the plan says: each step's
    // number, its outcome's words, and what it does (wrapped over lines, or cut with "…").
    for preset in PRESETS {
        let p = plan(&decode(preset.link).unwrap());
        let svg = credflow(&["render", preset.link]);
        let texts: Vec<String> = lines(&svg).into_iter().map(|l| l.text).collect();
        // A long word is broken after a backslash (HKLM\ / Software): its lines join again.
        let all = texts.join(" ").replace("\\ ", "\\");
        let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
        let all_words = words(&all);
        for step in &p.steps {
            assert!(
                texts.iter().any(|t| t.trim() == step.n.to_string()),
                "{}: no badge {}",
                preset.link,
                step.n
            );
            // The action's words in order, over as many lines as it takes; a cut action ends
            // in "…" (its whole text is in a tooltip, which no converter draws).
            let action = words(&step.action);
            let found = (0..all_words.len()).any(|i| {
                for (k, word) in action.iter().enumerate() {
                    let Some(got) = all_words.get(i + k) else {
                        return false;
                    };
                    if got == word {
                        continue;
                    }
                    let cut = got.strip_suffix('…');
                    return k > 0 && cut.is_some_and(|c| word.starts_with(c));
                }
                true
            });
            assert!(
                found,
                "{}: step {}'s action {:?} is not in {all:?}",
                preset.link, step.n, step.action
            );
        }
        let verdict = match p.verdict {
            Outcome::Ok => "ok",
            Outcome::AtRisk => "at risk",
            Outcome::Waits => "waits",
            Outcome::Fails => "fails",
        };
        assert!(
            all.contains(verdict),
            "{}: {verdict} not in {all:?}",
            preset.link
        );
    }
}

#[test]
fn librsvg_renders_a_comparison_with_both_names_and_every_step() {
    let Some(rsvg) = rsvg_convert() else {
        return;
    };
    let link = "#v=1&share=%5C%5Cfs01%5Capps~users&b.client=legacy";
    let svg = credflow(&["render", link]);
    let (png, warnings) = convert(&rsvg, "png", &svg);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(warnings, "", "rsvg-convert warned");
    let texts: Vec<String> = lines(&svg).into_iter().map(|l| l.text).collect();
    for name in ["A: SMS 2003 Advanced Client", "B: SMS 2003 Legacy Client"] {
        assert!(texts.iter().any(|t| t == name), "{name} not in {texts:?}");
    }
    // Both diagrams' step badges: five steps each.
    for n in 1..=5 {
        let badges = texts.iter().filter(|t| t.trim() == n.to_string()).count();
        assert_eq!(badges, 2, "badge {n} in {texts:?}");
    }
}
