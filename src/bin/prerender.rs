//! `prerender INDEX_HTML`: writes the page's first paint for a first visit into the built
//! `index.html`, in place of its empty `<div id="prerender" inert></div>` (Trunk's post-build
//! hook, `scripts/prerender`). See [`credflow_web::prerender`].
//!
//! The first paint ends with `public/first.js` as an inline script, which decides whether this
//! visit may see it: inline, it runs as soon as the parser reaches it, without waiting for a
//! download of its own. The Content-Security-Policy allows exactly that script, by its SHA-256
//! hash, and still no other inline script.

use std::process::ExitCode;

use base64::Engine as _;
use sha2::{Digest, Sha256};

const PLACEHOLDER: &str = r#"<div id="prerender" inert></div>"#;
/// The one place in index.html's Content-Security-Policy where the script's hash goes.
const SCRIPT_SRC: &str = "script-src 'self'";
const FIRST_VISIT: &str = include_str!("../../public/first.js");

/// `public/first.js` without its comment lines: what the page runs.
fn first_visit_script() -> String {
    let script: String = FIRST_VISIT
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(
        !script.to_ascii_lowercase().contains("</script"),
        "public/first.js must not contain </script>"
    );
    script
}

/// The CSP source that allows exactly this inline script.
fn csp_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn fill(page: &str) -> Result<String, String> {
    if page.matches(PLACEHOLDER).count() != 1 {
        return Err(format!("it must hold exactly one {PLACEHOLDER}"));
    }
    if page.matches(SCRIPT_SRC).count() != 1 {
        return Err(format!(
            "its Content-Security-Policy must hold exactly one \"{SCRIPT_SRC}\""
        ));
    }
    let script = first_visit_script();
    let filled = format!(
        r#"<div id="prerender" inert>{}<script>{script}</script></div>"#,
        credflow_web::prerender()
    );
    Ok(page
        .replace(PLACEHOLDER, &filled)
        .replace(SCRIPT_SRC, &format!("{SCRIPT_SRC} {}", csp_hash(&script))))
}

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
    let filled = match fill(&page) {
        Ok(filled) => filled,
        Err(e) => {
            eprintln!("prerender: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&path, filled) {
        eprintln!("prerender: cannot write {path}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
