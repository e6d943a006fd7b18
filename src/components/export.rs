//! Sharing beyond the link: the standalone SVG (the same bytes as `credflow render`), a PNG at
//! twice the size, printing, and embed code for wiki pages.

use credflow_core::link::{encode_link, Link, View};
use credflow_core::svg;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::state::Store;
use credflow_core::present::headline;

/// The file name of the exported diagram, also used by the no-iframe embed snippets.
pub const SVG_FILE: &str = "credflow-diagram.svg";
pub const PNG_FILE: &str = "credflow-diagram.png";

/// Draws the SVG on a canvas at twice its size and offers the PNG.
fn download_png(svg: String, width: f64, height: f64) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let parts = js_sys::Array::of1(&svg.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let loaded = img.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = draw_png(&loaded, width, height);
        let _ = web_sys::Url::revoke_object_url(&source);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

fn draw_png(img: &web_sys::HtmlImageElement, width: f64, height: f64) -> Option<()> {
    const SCALE: f64 = 2.0;
    let canvas = document()
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    canvas.set_width((width * SCALE).ceil() as u32);
    canvas.set_height((height * SCALE).ceil() as u32);
    let ctx = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    ctx.scale(SCALE, SCALE).ok()?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, width, height)
        .ok()?;
    let url = canvas.to_data_url().ok()?;
    browser::download_url(PNG_FILE, &url);
    Some(())
}

/// The three embed snippets: an iframe, and for wikis that forbid iframes, HTML and Markdown
/// that show the exported SVG and link back to the scenario.
pub fn embed_snippets(page: &str, link: &Link, title: &str) -> [(String, &'static str, String); 3] {
    let embed = encode_link(&Link {
        view: View::Embed,
        ..link.clone()
    });
    let full = encode_link(&Link {
        view: View::Full,
        ..link.clone()
    });
    let title = attr(title);
    [
        (
            "embed-iframe".into(),
            "iframe",
            format!(
                "<iframe src=\"{page}#{embed}\" title=\"{title}\" loading=\"lazy\" width=\"720\" height=\"480\" style=\"border:0;max-width:100%\"></iframe>"
            ),
        ),
        (
            "embed-html".into(),
            "HTML (upload the downloaded SVG beside the page)",
            format!("<a href=\"{page}#{full}\"><img src=\"{SVG_FILE}\" alt=\"{title}\"></a>"),
        ),
        (
            "embed-markdown".into(),
            "Markdown (upload the downloaded SVG beside the page)",
            format!(
                "[![{}]({SVG_FILE})]({page}#{full})",
                title.replace(['[', ']'], "")
            ),
        ),
    ]
}

/// Escapes text for an HTML attribute value in a snippet.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let store = Store::get();
    let show_embed = RwSignal::new(false);
    // Downloads are the standalone SVG: the same bytes as `credflow render`.
    let svg_download = move |_| {
        browser::download(
            SVG_FILE,
            "image/svg+xml",
            &store.diagram.with_untracked(svg),
        )
    };
    let png_download = move |_| {
        let (w, h) = store
            .diagram
            .with_untracked(|d| (d.width as f64, d.height as f64));
        download_png(store.diagram.with_untracked(svg), w, h);
    };
    // Every finding first (the page updates after this handler), then the print dialog.
    let print = move |_| {
        store.all_findings.set(true);
        set_timeout(
            || {
                let _ = window().print();
            },
            std::time::Duration::ZERO,
        );
    };
    view! {
        <div class="export-bar" role="group" aria-label="Export and share">
            <button type="button" id="export-svg" class="secondary" on:click=svg_download>"Download SVG"</button>
            <button type="button" id="export-png" class="secondary" on:click=png_download>"Download PNG"</button>
            <button type="button" id="print" class="secondary" on:click=print>"Print"</button>
            <button type="button" id="embed-code" class="secondary"
                aria-expanded=move || show_embed.get().to_string() aria-controls="embed-panel"
                on:click=move |_| show_embed.update(|v| *v = !*v)>"Copy embed code"</button>
        </div>
        <Show when=move || show_embed.get()>
            <EmbedPanel />
        </Show>
    }
}

#[component]
fn EmbedPanel() -> impl IntoView {
    let store = Store::get();
    let snippets = move || {
        let link = Link {
            scenario: store.scenario.get(),
            ..Link::default()
        };
        let title = store.plan.with(|p| format!("credflow: {}", headline(p)));
        embed_snippets(&browser::page_url(), &link, &title)
    };
    let copied = RwSignal::new(None::<String>);
    move || {
        let items = snippets()
            .into_iter()
            .map(|(id, label, text)| {
                let copy_id = id.clone();
                let copy_text = text.clone();
                let copy = move |_| {
                    let id = copy_id.clone();
                    let text = copy_text.clone();
                    leptos::task::spawn_local(async move {
                        let ok = crate::components::toolbar::copy(text).await;
                        if !ok {
                            crate::components::toolbar::select_field(&id);
                        }
                        copied.set(Some(if ok { id } else { String::new() }));
                    });
                };
                let done = {
                    let id = id.clone();
                    move || copied.with(|c| c.as_deref() == Some(id.as_str()))
                };
                view! {
                    <div class="snippet">
                        <label for=id.clone()>{label}</label>
                        <textarea id=id readonly rows="3" prop:value=text></textarea>
                        <button type="button" class="secondary" on:click=copy>
                            {move || if done() { "Copied" } else { "Copy" }}
                        </button>
                    </div>
                }
            })
            .collect_view();
        view! {
            <section id="embed-panel" class="embed-panel" aria-label="Embed code">
                <p class="help">"The iframe shows the live diagram and verdict and sizes itself: it posts its height to the wiki page as a "<code>"credflow:height"</code>" message."</p>
                {items}
            </section>
        }
    }
}
