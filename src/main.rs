//! The credflow page: mounts the app. Everything it shows comes from credflow-core.

fn main() {
    credflow_web::crash::install();
    credflow_web::crash::reset_if_asked();
    credflow_web::crash::install_test_trigger();
    leptos::mount::mount_to_body(credflow_web::App);
}
