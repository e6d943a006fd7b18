//! Embed code for wikis: for each kind of wiki, the snippets that show the current scenario
//! there (docs/embedding.md explains each), with every text escaped for the language it goes
//! into — an HTML attribute, a JavaScript string, a Velocity string, wikitext or Markdown.
//!
//! The iframe snippets frame the embed view (`view=embed`), which posts its content's height
//! to the page that frames it: `{type: "credflow:height", height: <CSS pixels>}`
//! ([`HEIGHT_MESSAGE`]), once it has drawn and again whenever that height changes. The
//! snippets that may carry a script carry the receiving end, which accepts the message only
//! from a credflow frame of the page and only from credflow's origin (or `null`, the origin of
//! a frame sandboxed without `allow-same-origin`).

use crate::diagram::Diagram;
use crate::link::{encode_link, Link, Theme, View};
use crate::model::{Plan, StepKind};
use crate::present::{deciding_step, headline, step_name};

/// The `type` of the message the embed view posts to the page that frames it.
pub const HEIGHT_MESSAGE: &str = "credflow:height";

/// One piece of code to paste somewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// Its field's id in the page (`embed-iframe`).
    pub id: &'static str,
    /// What it is and where it goes, in a few words.
    pub label: &'static str,
    pub code: String,
}

/// A kind of wiki and the snippets for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wiki {
    /// `confluence-dc`, `sharepoint`, ...: the value of the page's wiki picker.
    pub key: &'static str,
    pub name: &'static str,
    /// What to do with the snippets, in a sentence or two.
    pub how: String,
    pub snippets: Vec<Snippet>,
}

/// What the snippets show and where credflow is.
#[derive(Clone, Debug)]
pub struct Embed<'a> {
    /// credflow's address without the fragment: `https://intranet.example/tools/credflow/`.
    pub page: &'a str,
    /// The scenario's plan (its scenario is the one shown).
    pub plan: &'a Plan,
    /// A comparison's second plan: the snippets then show both (no dark picture: a
    /// comparison's SVG is light only).
    pub compare: Option<&'a Plan>,
    /// The embed view's colours.
    pub theme: Theme,
    /// The exported files' name without extension ([`crate::export::file_stem`]).
    pub stem: &'a str,
    /// The height of a frame that shows it without a script to size it, in CSS pixels.
    pub height: u32,
}

/// What an embedded diagram is called (the iframe's title, the image's alternative text):
/// `credflow: Fails at step 4 (Connect to share) — Connect to \\fs01\apps`.
pub fn title(plan: &Plan) -> String {
    let mut title = format!("credflow: {}", headline(plan));
    if let Some(step) = deciding_step(plan).filter(|s| s.step == StepKind::ConnectShare) {
        title.push_str(" — ");
        title.push_str(&step_name(step));
    }
    title
}

/// The height of the embed view in a frame up to 960 pixels wide, for frames that no script
/// sizes: the diagram, scaled down to the frame's width as the embed view does, and about
/// 260 pixels for the verdict, the fix and the link (more with warnings, which the page's
/// script would account for).
pub fn frame_height(d: &Diagram) -> u32 {
    const FRAME: f32 = 960.0;
    const AROUND: f32 = 260.0;
    let scale = if d.width > FRAME - 30.0 {
        (FRAME - 30.0) / d.width
    } else {
        1.0
    };
    let height = (d.height * scale + AROUND).ceil() as u32;
    height.div_ceil(10) * 10
}

/// Every wiki credflow knows, with its snippets for `embed`.
pub fn wikis(embed: &Embed) -> Vec<Wiki> {
    let page = url(embed.page);
    let scenario = embed.plan.scenario.clone();
    let compare = embed.compare.map(|b| b.scenario.clone());
    let framed = format!(
        "{page}#{}",
        encode_link(&Link {
            scenario: scenario.clone(),
            compare: compare.clone(),
            view: View::Embed,
            theme: embed.theme,
            quiz: false,
        })
    );
    let full = format!(
        "{page}#{}",
        encode_link(&Link {
            scenario,
            compare,
            ..Link::default()
        })
    );
    let title = match embed.compare {
        Some(b) => crate::compare::title_of(embed.plan, b),
        None => title(embed.plan),
    };
    let host = host_of(&page);
    let stem = embed.stem;
    let height = embed.height;

    let iframe = |sized: bool| {
        format!(
            "<iframe{} src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"display:block;width:100%;max-width:960px;height:{height}px;border:0\"></iframe>",
            if sized { " data-credflow" } else { "" },
            html(&framed),
            html(&title),
        )
    };
    let sized = format!("{}\n{}", iframe(true), receiver(&origin_of(&page)));
    let fixed = iframe(false);

    let mut all = vec![
        Wiki {
            key: "page",
            name: "A page or HTML macro that allows scripts (Confluence Cloud, intranet pages)",
            how: "Paste the code where the diagram should go. The frame sizes itself to its content; in Confluence Cloud, use an HTML macro app. If the macro frames its content with sandbox=\"allow-scripts\" and no allow-same-origin, credflow's server must send Access-Control-Allow-Origin (the web.config does).".into(),
            snippets: vec![Snippet {
                id: "embed-iframe",
                label: "An iframe that sizes itself, with its script",
                code: sized.clone(),
            }],
        },
        Wiki {
            key: "confluence-dc",
            name: "Confluence Data Center",
            how: "A Confluence administrator adds the user macro once (Administration › User macros: name credflow, no macro body, output HTML, this template). Then anyone inserts the credflow macro and pastes the embed link into its Link field.".into(),
            snippets: vec![
                Snippet {
                    id: "embed-link",
                    label: "The embed link, for the macro's Link field",
                    code: framed.clone(),
                },
                Snippet {
                    id: "embed-confluence-macro",
                    label: "The user macro's template (once per Confluence)",
                    code: confluence_macro(&page),
                },
            ],
        },
        Wiki {
            key: "sharepoint",
            name: "SharePoint",
            how: format!("Add an Embed web part and paste the code. SharePoint takes iframes only from sites its administrator allows (Site settings › HTML Field Security: add {host}), and runs no script, so the frame keeps the height in the code."),
            snippets: vec![Snippet {
                id: "embed-iframe-fixed",
                label: "An iframe of fixed height",
                code: fixed.clone(),
            }],
        },
        Wiki {
            key: "mediawiki",
            name: "MediaWiki",
            how: format!("With the IframeTag extension (its allowed hosts must list {host}), paste the iframe. Without it, upload the downloaded SVG as a file and paste the file link: MediaWiki draws it as an image that links back to this scenario."),
            snippets: vec![
                Snippet {
                    id: "embed-iframe-fixed",
                    label: "An iframe of fixed height (IframeTag extension)",
                    code: fixed,
                },
                Snippet {
                    id: "embed-mediawiki-file",
                    label: "The uploaded SVG as an image that links back",
                    code: format!(
                        "[[File:{stem}.svg|800px|link={}|alt={}]]",
                        wikitext_url(&full),
                        wikitext(&title)
                    ),
                },
            ],
        },
        Wiki {
            key: "git",
            name: "GitLab or GitHub (Markdown, no iframes)",
            how: "Commit the downloaded SVG beside the Markdown file (for the picture, the dark SVG too) and paste one of these: an image that links back to this scenario.".into(),
            snippets: vec![
                Snippet {
                    id: "embed-markdown",
                    label: "Markdown: the SVG, linking back",
                    code: format!("[![{}]({stem}.svg)]({full})", markdown(&title)),
                },
                Snippet {
                    id: "embed-picture",
                    label: "HTML: light or dark, as the reader's system is",
                    code: format!(
                        "<a href=\"{}\"><picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"{stem}-dark.svg\"><img src=\"{stem}.svg\" alt=\"{}\"></picture></a>",
                        html(&full),
                        html(&title)
                    ),
                },
            ],
        },
    ];
    if embed.compare.is_some() {
        for wiki in &mut all {
            wiki.snippets.retain(|s| s.id != "embed-picture");
        }
    }
    all
}

/// The script that sizes every credflow frame of a page to the height it posts. It accepts a
/// message only from one of the page's `iframe[data-credflow]` windows and only from credflow's
/// origin, or `null` (a frame sandboxed without `allow-same-origin`, whose origin is opaque);
/// it sets at most 20,000 pixels. Pasting it twice does no harm.
pub fn receiver(origin: &str) -> String {
    format!(
        "<script>\naddEventListener(\"message\", function (e) {{\n  if (e.origin !== {} && e.origin !== \"null\") return;\n  var d = e.data;\n  if (!d || d.type !== \"{HEIGHT_MESSAGE}\" || !(d.height > 0)) return;\n  var frames = document.querySelectorAll(\"iframe[data-credflow]\");\n  for (var i = 0; i < frames.length; i++) {{\n    if (frames[i].contentWindow === e.source) frames[i].style.height = Math.min(Math.ceil(d.height), 20000) + \"px\";\n  }}\n}});\n</script>",
        js_string(origin)
    )
}

/// The Confluence Data Center user macro: a Velocity template taking the embed link, which
/// it frames only if it is one of this credflow's links.
fn confluence_macro(page: &str) -> String {
    let prefix = format!("{page}#");
    format!(
        "## @param link:title=Link|type=string|required=true|desc=The embed link from credflow (Embed in a wiki)\n\
         ## @param title:title=Title|type=string|desc=What the diagram shows, for screen readers\n\
         #set($credflow = '{}')\n\
         #if($paramlink && $paramlink.startsWith($credflow) && $paramlink.contains('view=embed'))\n\
         <iframe data-credflow src=\"$htmlUtil.htmlEncode($paramlink)\" title=\"credflow: $htmlUtil.htmlEncode($!paramtitle)\" loading=\"lazy\" style=\"display:block;width:100%;max-width:960px;height:600px;border:0\"></iframe>\n\
         {}\n\
         #else\n\
         <p>credflow: the Link must be an embed link from $htmlUtil.htmlEncode($credflow)</p>\n\
         #end",
        velocity(&prefix),
        receiver(&origin_of(page))
    )
}

/// `scheme://host[:port]` of an absolute URL (what `event.origin` says for it).
pub fn origin_of(page: &str) -> String {
    match page.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            format!("{}://{}", scheme.to_ascii_lowercase(), host)
        }
        None => String::new(),
    }
}

/// The host (and port) of an absolute URL.
fn host_of(page: &str) -> String {
    origin_of(page)
        .split_once("://")
        .map(|(_, host)| host.to_string())
        .unwrap_or_default()
}

/// A URL with everything percent-encoded that could end it or break out of where it is put
/// (quotes, angle brackets, brackets, parentheses, spaces, backslashes, controls, non-ASCII).
/// Existing `%XX` escapes stay as they are.
pub fn url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/?#@!$&+,;=%*".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Text for an HTML attribute value (double- or single-quoted) or element content: the SVG
/// writer's [`escape`](crate::svg::escape), the one escaper of markup (HTML reads its
/// character references alike).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::svg::escape(&mut out, text);
    out
}

/// A JavaScript string literal that is safe inside an HTML `<script>` element too.
pub fn js_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text of a single-quoted Velocity string literal: nothing in one is interpolated, and a
/// quote cannot end it (it is percent-encoded, the text being a URL).
fn velocity(text: &str) -> String {
    url(text).replace('\'', "%27")
}

/// Text for wikitext (an image's `alt=`): every character that wikitext or HTML would read as
/// markup becomes a character reference.
pub fn wikitext(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "&<>\"'|[]{}=~*#:;_!".contains(c) {
            out.push_str(&format!("&#{};", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A URL for wikitext's `link=`: also without the characters that end a wikitext parameter.
fn wikitext_url(text: &str) -> String {
    url(text)
        .replace('|', "%7C")
        .replace('[', "%5B")
        .replace(']', "%5D")
}

/// Text for Markdown (CommonMark: GitLab and GitHub): every ASCII punctuation character
/// backslash-escaped, so that none of it is read as markup or HTML.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
