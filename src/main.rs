//! The credflow page, the planner's build: mounts the app. Everything it shows comes from
//! credflow-core.

fn main() {
    credflow_web::start();
}
