//! `prerender INDEX_HTML`: writes the page's first paint for a first visit into the built
//! `index.html`, in place of its empty `<div id="prerender" inert></div>` (Trunk's post-build
//! hook, `scripts/prerender`). See [`credflow_web::prerender`].

use std::process::ExitCode;

const PLACEHOLDER: &str = r#"<div id="prerender" inert></div>"#;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender INDEX_HTML");
        return ExitCode::from(2);
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("prerender: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if page.matches(PLACEHOLDER).count() != 1 {
        eprintln!("prerender: {path} must hold exactly one {PLACEHOLDER}");
        return ExitCode::FAILURE;
    }
    let filled = format!(
        r#"<div id="prerender" inert>{}</div>"#,
        credflow_web::prerender()
    );
    if let Err(e) = std::fs::write(&path, page.replace(PLACEHOLDER, &filled)) {
        eprintln!("prerender: cannot write {path}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
