//! Sharing beyond the link: the standalone SVG (the same bytes as `credflow render`) and its
//! dark variant, a PNG at twice the size, printing, and embed code for wikis. Files are named
//! after the scenario (`credflow-legacy-fails-connect-share.svg`).

use credflow_core::embed::{frame_height, wikis, Embed, Wiki, HEIGHT_MESSAGE};
use credflow_core::export::{file_stem, svg_dark};
use credflow_core::link::Theme;
use credflow_core::svg;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::state::Store;

/// Draws the SVG on a canvas at twice its size and offers the PNG as `name`.
fn download_png(name: String, svg: String, width: f64, height: f64) {
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
        let _ = draw_png(&name, &loaded, width, height);
        let _ = web_sys::Url::revoke_object_url(&source);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

fn draw_png(name: &str, img: &web_sys::HtmlImageElement, width: f64, height: f64) -> Option<()> {
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
    browser::download_url(name, &url);
    Some(())
}

/// The exported files' name without extension, for the current scenario.
fn stem(store: Store) -> String {
    store.plan.with_untracked(file_stem)
}

/// The name of the exported files: the scenario's, or the comparison's with its second side
/// (in the training build, the only one that compares).
fn files_stem(store: Store, compare: Option<Store>) -> String {
    #[cfg(feature = "training")]
    if let Some(b) = compare {
        return crate::components::compare::file_stem(store, b);
    }
    let _ = compare;
    store.plan.with(file_stem)
}

fn download_svg(store: Store, dark: bool) {
    let text = store
        .diagram
        .with_untracked(|d| if dark { svg_dark(d) } else { svg(d) });
    let suffix = if dark { "-dark" } else { "" };
    browser::download(
        &format!("{}{suffix}.svg", stem(store)),
        "image/svg+xml",
        &text,
    );
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let store = Store::get();
    let show_embed = RwSignal::new(false);
    let png_download = move |_| {
        let (w, h) = store
            .diagram
            .with_untracked(|d| (d.width as f64, d.height as f64));
        download_png(
            format!("{}.png", stem(store)),
            store.diagram.with_untracked(svg),
            w,
            h,
        );
    };
    // Every finding first (the page updates after this handler), then the print dialog.
    let print = move |_| {
        store.show_all_findings();
        set_timeout(
            || {
                let _ = window().print();
            },
            std::time::Duration::ZERO,
        );
    };
    view! {
        <div class="export-bar" role="group" aria-label="Export and share">
            <button type="button" id="export-svg" class="secondary"
                on:click=move |_| download_svg(store, false)>"Download SVG"</button>
            <button type="button" id="export-png" class="secondary" on:click=png_download>"Download PNG"</button>
            <button type="button" id="print" class="secondary" on:click=print>"Print"</button>
            {embed_button(show_embed)}
        </div>
        {embed_panel(show_embed, None)}
    }
}

/// "Embed in a wiki": opens and closes the embed panel ([`embed_panel`]).
pub fn embed_button(show: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" id="embed-code" class="secondary"
            aria-expanded=move || show.get().to_string() aria-controls="embed-panel"
            on:click=move |_| show.update(|v| *v = !*v)>"Embed in a wiki"</button>
    }
}

/// The embed panel while `show`, for the scenario or, with `compare`, the comparison.
pub fn embed_panel(show: RwSignal<bool>, compare: Option<Store>) -> impl IntoView {
    view! {
        <Show when=move || show.get()>
            <EmbedPanel compare=compare />
        </Show>
    }
}

/// Selects the text of a field (an input or a text area) for Ctrl+C.
fn select_text(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    } else {
        crate::components::toolbar::select_field(id);
    }
}

/// The embed code for each kind of wiki: pick the wiki (and the embed view's colours), copy
/// its snippets. docs/embedding.md says more about each. With `compare`, a comparison's
/// second side, the code frames the comparison and the file is the comparison's SVG.
#[component]
fn EmbedPanel(compare: Option<Store>) -> impl IntoView {
    let store = Store::get();
    let wiki = RwSignal::new("page".to_string());
    let theme = RwSignal::new(Theme::System);
    let copied = RwSignal::new(None::<String>);
    let all = Memo::new(move |_| {
        let page = browser::page_url();
        let theme = theme.get();
        let height =
            store.diagram.with(frame_height) + compare.map_or(0, |b| b.diagram.with(frame_height));
        let stem = files_stem(store, compare);
        store.plan.with(|plan| {
            let b = compare.map(|b| b.plan.get());
            wikis(&Embed {
                page: &page,
                plan,
                compare: b.as_ref(),
                theme,
                stem: &stem,
                height,
            })
        })
    });
    let options = move || {
        all.with(|all| {
            all.iter()
                .map(|w| view! { <option value=w.key>{w.name}</option> })
                .collect_view()
        })
    };
    let chosen = move || {
        let key = wiki.get();
        all.with(|all| all.iter().find(|w| w.key == key).or(all.first()).cloned())
    };
    let set_theme = move |ev| {
        theme.set(match event_target_value(&ev).as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        });
        copied.set(None);
    };
    let shown = move || chosen().map(|w| snippets(store, compare, w, copied));
    view! {
        <section id="embed-panel" class="embed-panel" aria-label="Embed in a wiki">
            <div class="embed-choices">
                <label>"Where: "
                    <select id="embed-wiki" on:change=move |ev| {
                        wiki.set(event_target_value(&ev));
                        copied.set(None);
                    }>{options}</select>
                </label>
                <label>"Colours of the embedded view: "
                    <select id="embed-theme" on:change=set_theme>
                        <option value="system">"the reader's"</option>
                        <option value="light">"light"</option>
                        <option value="dark">"dark"</option>
                    </select>
                </label>
            </div>
            {shown}
            <p class="help">"The iframes show the live verdict, fix and diagram. Where the page may run the script that comes with it, the frame sizes itself: credflow posts its height as a "<code>{HEIGHT_MESSAGE}</code>" message, which the script accepts only from credflow's frames. Elsewhere the frame keeps the height in the code."</p>
        </section>
    }
}

/// One wiki's instructions, its snippets with a Copy button each, and, where it needs them,
/// the files to upload.
fn snippets(
    store: Store,
    compare: Option<Store>,
    wiki: Wiki,
    copied: RwSignal<Option<String>>,
) -> impl IntoView {
    let files = matches!(wiki.key, "mediawiki" | "git");
    let dark = wiki.key == "git" && compare.is_none();
    let light = move |_| {
        #[cfg(feature = "training")]
        if let Some(b) = compare {
            return crate::components::compare::download(store, b);
        }
        download_svg(store, false)
    };
    let items = wiki
        .snippets
        .into_iter()
        .map(|snippet| {
            let id = snippet.id;
            let code = snippet.code;
            let copy_text = code.clone();
            let copy = move |_| {
                let text = copy_text.clone();
                leptos::task::spawn_local(async move {
                    let ok = crate::components::toolbar::copy(text).await;
                    if !ok {
                        select_text(id);
                    }
                    copied.set(Some(if ok { id.to_string() } else { String::new() }));
                });
            };
            let done = move || copied.with(|c| c.as_deref() == Some(id));
            let rows = code.lines().count().clamp(2, 12);
            view! {
                <div class="snippet">
                    <label for=id>{snippet.label}</label>
                    <textarea id=id readonly rows=rows.to_string() prop:value=code></textarea>
                    <button type="button" class="secondary" id=format!("{id}-copy") on:click=copy>
                        {move || if done() { "Copied" } else { "Copy" }}
                    </button>
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="help embed-how">{wiki.how}</p>
        {items}
        {files.then(|| view! {
            <div class="embed-files">
                <button type="button" id="embed-download-svg" class="secondary"
                    on:click=light>{move || format!("Download {}.svg", files_stem(store, compare))}</button>
                {dark.then(|| view! {
                    <button type="button" id="embed-download-dark" class="secondary"
                        on:click=move |_| download_svg(store, true)>{move || format!("Download {}-dark.svg", store.plan.with(file_stem))}</button>
                })}
            </div>
        })}
    }
}
