//! The credflow page: mounts the app. Everything it shows comes from credflow-core.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(credflow_web::App);
}
