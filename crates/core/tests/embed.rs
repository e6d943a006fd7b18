//! What leaves the page for a wiki: the exported files' names, the dark SVG, and the embed
//! snippets, whose every text is escaped for the language it goes into.

#[path = "common/entities.rs"]
mod entities;

use credflow_core::embed::{
    frame_height, html, js_string, markdown, origin_of, receiver, title, url, wikis, wikitext,
    Embed, HEIGHT_MESSAGE,
};
use credflow_core::export::{colours, dark_style, file_stem, svg_dark, DARK};
use credflow_core::link::{decode_link, Theme, View};
use credflow_core::presets::PRESETS;
use credflow_core::svg::STYLE;
use credflow_core::{decode, layout, plan, svg, Client, Principal, Readers, Scenario, Share};
use entities::unescape;

/// A share whose name is markup of every kind a snippet could be broken by, as far as a path
/// can hold it (Windows allows no `<`, `>`, `"` or `|` in a name): entity text, quotes, wiki
/// link and template ends, a Markdown link, Velocity.
const HOSTILE: &str = r#"\\fs01\&lt;img src=x onerror=alert(1)&gt;'&amp;]]}}[x](y)`$x#set(a)"#;

fn hostile() -> Scenario {
    Scenario {
        client: Client::Legacy,
        shares: vec![Share::new(HOSTILE, Readers::of(&[Principal::Users]))],
        ..Scenario::default()
    }
}

#[test]
fn files_are_named_after_the_client_the_verdict_and_the_deciding_step() {
    let legacy = decode("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users").unwrap();
    assert_eq!(
        file_stem(&plan(&legacy)),
        "credflow-legacy-fails-connect-share"
    );
    assert_eq!(
        file_stem(&plan(&Scenario::default())),
        "credflow-advanced-ok"
    );
    assert_eq!(
        file_stem(&plan(&decode("v=1&installer=msi-user").unwrap())),
        "credflow-advanced-at-risk-install"
    );
    // Whatever the scenario, only the rule book's keys: safe as a file name anywhere.
    for preset in PRESETS {
        let stem = file_stem(&plan(&decode(preset.link).unwrap()));
        assert!(
            stem.starts_with("credflow-")
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{stem}"
        );
    }
    assert_eq!(
        file_stem(&plan(&hostile())),
        "credflow-legacy-fails-connect-share"
    );
}

#[test]
fn every_colour_of_the_diagram_has_a_dark_counterpart() {
    let missing: Vec<&str> = colours(STYLE)
        .into_iter()
        .map(|(a, b)| &STYLE[a..b])
        .filter(|c| !DARK.iter().any(|(light, _)| light.eq_ignore_ascii_case(c)))
        .collect();
    assert!(
        missing.is_empty(),
        "colours of svg::STYLE without a dark counterpart in export::DARK: {missing:?}"
    );
    let dark = dark_style();
    assert_eq!(colours(&dark).len(), colours(STYLE).len());
    assert_ne!(dark, STYLE);
}

/// WCAG's contrast ratio of two `#rrggbb` / `#rgb` colours.
fn contrast(a: &str, b: &str) -> f64 {
    fn luminance(hex: &str) -> f64 {
        let hex = hex.trim_start_matches('#');
        let hex: String = if hex.len() == 3 {
            hex.chars().flat_map(|c| [c, c]).collect()
        } else {
            hex.to_string()
        };
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_dark_diagrams_text_reads_on_its_dark_card() {
    let dark = |light: &str| DARK.iter().find(|(l, _)| *l == light).unwrap().1;
    let card = dark("#fff");
    // The colours STYLE gives text: main, secondary, each outcome's, the callouts', warnings.
    for text in [
        "#0f172a", "#64748b", "#475569", "#334155", "#15803d", "#b45309", "#b91c1c", "#991b1b",
        "#92400e",
    ] {
        let ratio = contrast(dark(text), card);
        assert!(
            ratio >= 4.5,
            "{text} → {} has {ratio:.2}:1 on {card}",
            dark(text)
        );
    }
}

#[test]
fn the_dark_svg_is_the_light_one_but_for_its_colours() {
    for preset in PRESETS {
        let d = layout(&plan(&decode(preset.link).unwrap()));
        let (light, dark) = (svg(&d), svg_dark(&d));
        assert_eq!(
            light.replace(STYLE, "STYLE"),
            dark.replace(&dark_style(), "STYLE"),
            "{}",
            preset.link
        );
        assert!(!dark.contains(STYLE));
    }
}

#[test]
fn the_title_names_the_verdict_and_a_share_that_decides_it() {
    let p = plan(&decode("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users").unwrap());
    assert_eq!(
        title(&p),
        r"credflow: Fails at step 4 (Connect to share) — Connect to \\fs01\apps"
    );
    assert_eq!(title(&plan(&Scenario::default())), "credflow: Succeeds");
}

/// The tags and attribute names of an HTML fragment, read as a browser's tokenizer would for
/// double-quoted attributes (enough to see an attribute or tag break out of its quotes).
fn tags(code: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        rest = &rest[name.len()..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') || rest.is_empty() {
                break;
            }
            let attr: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '>')
                .collect();
            rest = &rest[attr.len()..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix("=\"") {
                let end = after.find('"').expect("an unclosed attribute");
                value = after[..end].to_string();
                rest = &after[end + 1..];
            }
            attrs.push((attr.to_ascii_lowercase(), value));
        }
        out.push((name.to_ascii_lowercase(), attrs));
        if name.eq_ignore_ascii_case("script") {
            let end = rest.find("</script>").expect("a closed script");
            rest = &rest[end..];
        }
    }
    out
}

/// The scenario a credflow address in a snippet shows (percent-decoding its fragment).
fn scenario_of(address: &str, page: &str) -> (Scenario, View, Theme) {
    let fragment = address
        .strip_prefix(&format!("{page}#"))
        .unwrap_or_else(|| panic!("{address} is not on {page}"));
    let link = decode_link(fragment).unwrap_or_else(|e| panic!("{address}: {e}"));
    (link.scenario, link.view, link.theme)
}

#[test]
fn every_snippet_keeps_a_share_name_with_markup_as_text() {
    let page = "https://wiki.example/tools/credflow/";
    let scenario = hostile();
    let p = plan(&scenario);
    let d = layout(&p);
    let stem = file_stem(&p);
    let expected_title = title(&p);
    assert!(expected_title.contains(HOSTILE), "{expected_title}");
    for theme in [Theme::System, Theme::Dark] {
        let all = wikis(&Embed {
            page,
            plan: &p,
            compare: None,
            theme,
            stem: &stem,
            height: frame_height(&d),
        });
        let keys: Vec<&str> = all.iter().map(|w| w.key).collect();
        assert_eq!(
            keys,
            ["page", "confluence-dc", "sharepoint", "mediawiki", "git"]
        );
        for wiki in &all {
            for snippet in &wiki.snippets {
                let code = &snippet.code;
                let id = snippet.id;
                // The share name never appears raw, in any snippet.
                assert!(!code.contains("<img src=x"), "{id}: {code}");
                match id {
                    "embed-link" => {
                        assert_eq!(
                            scenario_of(code, page),
                            (scenario.clone(), View::Embed, theme)
                        );
                    }
                    "embed-iframe" | "embed-iframe-fixed" | "embed-picture" => {
                        let found = tags(code);
                        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
                        let allowed: &[&str] = match id {
                            "embed-iframe" => &["iframe", "script"],
                            "embed-iframe-fixed" => &["iframe"],
                            _ => &["a", "picture", "source", "img"],
                        };
                        assert_eq!(names, allowed, "{id}: {code}");
                        for (tag, attrs) in &found {
                            for (name, value) in attrs {
                                assert!(
                                    [
                                        "src",
                                        "title",
                                        "loading",
                                        "style",
                                        "data-credflow",
                                        "href",
                                        "media",
                                        "srcset",
                                        "alt"
                                    ]
                                    .contains(&name.as_str()),
                                    "{id}: <{tag}> has the attribute {name}: {code}"
                                );
                                let value = unescape(value);
                                match name.as_str() {
                                    "title" | "alt" => assert_eq!(value, expected_title),
                                    "src" if tag == "iframe" => assert_eq!(
                                        scenario_of(&value, page),
                                        (scenario.clone(), View::Embed, theme)
                                    ),
                                    "href" => assert_eq!(
                                        scenario_of(&value, page),
                                        (scenario.clone(), View::Full, Theme::System)
                                    ),
                                    "src" => assert_eq!(value, format!("{stem}.svg")),
                                    "srcset" => assert_eq!(value, format!("{stem}-dark.svg")),
                                    _ => {}
                                }
                            }
                        }
                    }
                    "embed-markdown" => {
                        // [![alt](file)](link): the alt ends at the first unescaped `]`.
                        let body = code.strip_prefix("[![").unwrap();
                        let mut alt = String::new();
                        let mut chars = body.chars();
                        while let Some(c) = chars.next() {
                            match c {
                                '\\' => alt.push(chars.next().unwrap()),
                                ']' => break,
                                c => alt.push(c),
                            }
                        }
                        assert_eq!(alt, expected_title, "{code}");
                        let rest: String = chars.collect();
                        let link = rest
                            .strip_prefix(&format!("({stem}.svg)]("))
                            .and_then(|r| r.strip_suffix(')'))
                            .unwrap_or_else(|| panic!("{code}"));
                        assert!(!link.contains([' ', '(', ')', '<', '>', '"']), "{link}");
                        assert_eq!(
                            scenario_of(link, page),
                            (scenario.clone(), View::Full, Theme::System)
                        );
                    }
                    "embed-mediawiki-file" => {
                        let inner = code
                            .strip_prefix(&format!("[[File:{stem}.svg|800px|link="))
                            .and_then(|r| r.strip_suffix("]]"))
                            .unwrap_or_else(|| panic!("{code}"));
                        let (link, alt) = inner.split_once("|alt=").unwrap();
                        for part in [link, alt] {
                            assert!(
                                !part.contains(['|', '[', ']', '<', '>', '{', '}']),
                                "{code}"
                            );
                        }
                        assert_eq!(
                            scenario_of(link, page),
                            (scenario.clone(), View::Full, Theme::System)
                        );
                        let mut decoded = alt.to_string();
                        for c in "&<>\"'|[]{}=~*#:;_!".chars() {
                            decoded = decoded.replace(&format!("&#{};", c as u32), &c.to_string());
                        }
                        assert_eq!(decoded, expected_title);
                    }
                    "embed-confluence-macro" => {
                        let line = code
                            .lines()
                            .find(|l| l.starts_with("#set($credflow = '"))
                            .unwrap();
                        assert_eq!(line, format!("#set($credflow = '{page}#')"));
                        // Whatever a page's editor pastes, the template escapes it.
                        assert!(code.contains("src=\"$htmlUtil.htmlEncode($paramlink)\""));
                        assert!(code.contains("$paramlink.startsWith($credflow)"));
                    }
                    other => panic!("a snippet nobody checks: {other}"),
                }
            }
        }
    }
}

#[test]
fn the_escapers_leave_no_way_out() {
    assert_eq!(
        html(r#"<a href="x" onclick='y'>&"#),
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
    );
    let text = "</script><script>alert(\"x\\\")</script>\u{2028}";
    let js = js_string(text);
    assert!(!js.contains('<') && !js.contains('\u{2028}'), "{js}");
    // Read back as JavaScript reads it: the same text, and the literal ends where it should.
    let inner = js
        .strip_prefix('"')
        .and_then(|j| j.strip_suffix('"'))
        .unwrap();
    let mut read = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => panic!("an unescaped quote ends the literal early: {js}"),
            '\\' => match chars.next().unwrap() {
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    read.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                }
                c => read.push(c),
            },
            c => read.push(c),
        }
    }
    assert_eq!(read, text);
    assert_eq!(
        url("https://h/a b/'q'\"<>()[]{}|\\^`é%20"),
        "https://h/a%20b/%27q%27%22%3C%3E%28%29%5B%5D%7B%7D%7C%5C%5E%60%C3%A9%20"
    );
    assert_eq!(markdown("a](b) *c* <d>"), r"a\]\(b\) \*c\* \<d\>");
    assert!(!wikitext("[[x|y]] {{z}} <b>").contains(['[', '|', '{', '<']));
}

#[test]
fn the_height_receiver_checks_origin_source_and_type() {
    assert_eq!(
        origin_of("https://Wiki.example:8443/tools/credflow/"),
        "https://Wiki.example:8443"
    );
    assert_eq!(
        origin_of("HTTP://intranet/credflow/index.html"),
        "http://intranet"
    );
    let script = receiver("https://tools.example");
    assert!(script.starts_with("<script>") && script.ends_with("</script>"));
    for part in [
        "e.origin !== \"https://tools.example\" && e.origin !== \"null\"",
        &format!("d.type !== \"{HEIGHT_MESSAGE}\""),
        "frames[i].contentWindow === e.source",
        "iframe[data-credflow]",
    ] {
        assert!(script.contains(part), "{part} not in {script}");
    }
}

#[test]
fn a_frame_without_a_script_is_tall_enough_for_the_diagram() {
    for preset in PRESETS {
        let d = layout(&plan(&decode(preset.link).unwrap()));
        let h = frame_height(&d);
        let shown = d.height * (930.0 / d.width).min(1.0);
        assert!(
            h as f32 >= shown + 200.0 && h < 2_000,
            "{}: {h} for a {}×{} diagram",
            preset.link,
            d.width,
            d.height
        );
    }
}

#[test]
fn the_export_has_nothing_a_wiki_converter_drops() {
    // MediaWiki draws SVG files with librsvg, GitHub and GitLab sanitise them: no CSS
    // variables or newer CSS, no foreignObject, scripts, links, external references or web
    // fonts — in any classic case, a hostile share's, light or dark.
    let mut scenarios: Vec<Scenario> = PRESETS.iter().map(|p| decode(p.link).unwrap()).collect();
    scenarios.push(hostile());
    for s in &scenarios {
        let d = layout(&plan(s));
        for doc in [svg(&d), svg_dark(&d)] {
            let (start, end) = (doc.find("<style>").unwrap(), doc.find("</style>").unwrap());
            let sheet = &doc[start..end];
            for css in [
                "var(",
                "--",
                "@import",
                "@font-face",
                "@media",
                "@supports",
                "url(",
                "calc(",
                "light-dark(",
                "color-mix(",
                "clamp(",
                "!important",
            ] {
                assert!(!sheet.contains(css), "{css} in the style sheet: {sheet}");
            }
            assert_eq!(doc.matches("<style>").count(), 1);
            let lower = doc.to_ascii_lowercase();
            for markup in [
                "<foreignobject",
                "<script",
                "<a ",
                "<a>",
                "<image",
                "<use",
                "<iframe",
                "href=",
                "xlink:",
                "url(",
                "javascript:",
                "data:",
                "<!doctype",
                "<!entity",
            ] {
                assert!(!lower.contains(markup), "{markup} in the SVG");
            }
            // Attributes that run script start with "on"; only ever text mentions them.
            for tag in doc.split('<').skip(1) {
                let mut rest = tag.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
                loop {
                    rest = rest.trim_start();
                    let name: String = rest
                        .chars()
                        .take_while(|c| !c.is_whitespace() && !matches!(c, '=' | '>' | '/'))
                        .collect();
                    if name.is_empty() {
                        break;
                    }
                    assert!(
                        !name.to_ascii_lowercase().starts_with("on"),
                        "{name} in <{tag}"
                    );
                    rest = &rest[name.len()..];
                    if let Some(value) = rest.strip_prefix("=\"") {
                        rest = &value[value.find('"').unwrap() + 1..];
                    }
                }
            }
        }
    }
}

#[test]
fn the_guide_shows_the_code_the_dialog_gives() {
    // docs/embedding.md quotes the receiving script and the Confluence user macro for a
    // credflow at https://intranet.example/tools/credflow/: the code must be what the dialog
    // gives, line by line.
    let guide = include_str!("../../../docs/embedding.md");
    let lines: Vec<&str> = guide.lines().map(str::trim).collect();
    let p = plan(&Scenario::default());
    let all = wikis(&Embed {
        page: "https://intranet.example/tools/credflow/",
        plan: &p,
        compare: None,
        theme: Theme::System,
        stem: &file_stem(&p),
        height: 600,
    });
    let script = receiver("https://intranet.example");
    let template = all
        .iter()
        .flat_map(|w| &w.snippets)
        .find(|s| s.id == "embed-confluence-macro")
        .unwrap()
        .code
        .clone();
    let script_lines: Vec<&str> = script.lines().collect();
    for line in script_lines.iter().chain(
        template
            .lines()
            .filter(|l| !script_lines.contains(l))
            .collect::<Vec<_>>()
            .iter(),
    ) {
        assert!(
            lines.contains(&line.trim()),
            "docs/embedding.md does not show the line\n{line}"
        );
    }
    assert!(guide.contains(&format!("`{HEIGHT_MESSAGE}`")));
}

/// A comparison's snippets frame the comparison: both scenarios in the link, the embed view,
/// a title that names both verdicts, and no dark picture (a comparison's SVG is light only).
#[test]
fn a_comparisons_embed_code_frames_both_scenarios() {
    let link = decode_link(credflow_core::presets::CONTRASTS[0].link).unwrap();
    let a = plan(&link.scenario);
    let b = plan(link.compare.as_ref().unwrap());
    let all = wikis(&Embed {
        page: "https://intranet.example/tools/credflow/",
        plan: &a,
        compare: Some(&b),
        theme: Theme::System,
        stem: "credflow-compare",
        height: 900,
    });
    let iframe = all
        .iter()
        .flat_map(|w| &w.snippets)
        .find(|s| s.id == "embed-iframe")
        .unwrap();
    let src = iframe
        .code
        .split("src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let framed = decode_link(&src.replace("&amp;", "&")).unwrap();
    assert_eq!(framed.scenario, link.scenario);
    assert_eq!(framed.compare, link.compare);
    assert_eq!(framed.view, View::Embed);
    assert!(
        iframe.code.contains(
            "title=\"credflow comparison — A: succeeds; B: fails at step 4 (Connect to share)\""
        ),
        "{}",
        iframe.code
    );
    assert!(all
        .iter()
        .flat_map(|w| &w.snippets)
        .all(|s| s.id != "embed-picture"));
}
