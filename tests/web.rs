//! Component tests in headless Chromium (`cargo test -p credflow-web --target
//! wasm32-unknown-unknown`, as scripts/test runs them). This one proves the pipeline: the
//! whole app mounts and draws its diagram.

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` in the test page's body to mount into.
fn fresh_div() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    wasm_bindgen::JsCast::unchecked_into(div)
}

#[wasm_bindgen_test]
async fn app_mounts_and_draws_a_diagram() {
    let div = fresh_div();
    let _mounted = leptos::mount::mount_to(div.clone(), credflow_web::App);
    leptos::task::tick().await;
    assert!(
        div.inner_html().contains("<svg"),
        "no <svg> after mounting App: {}",
        div.inner_html()
    );
}
