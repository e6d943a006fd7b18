//! The credflow page: mounts the app. Everything it shows comes from credflow-core.

fn main() {
    credflow_web::crash::install();
    credflow_web::crash::reset_if_asked();
    credflow_web::crash::install_test_trigger();
    // The prerendered first paint (index.html, public/first.js) gives way to the app in the same
    // task, so the browser never paints the page without either.
    if let Some(prerendered) = leptos::prelude::document().get_element_by_id("prerender") {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(credflow_web::App);
}
