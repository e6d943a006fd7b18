//! `prerender INDEX_HTML`: writes the page's first paint for a first visit into the built
//! `index.html`, in place of its empty `<div id="prerender" inert></div>` (Trunk's post-build
//! hook, `scripts/prerender`). See [`credflow_web::prerender`].
//!
//! The first paint ends with `public/first.js` as an inline script, which decides whether this
//! visit may see it: inline, it runs as soon as the parser reaches it, without waiting for a
//! download of its own. `public/early.js` goes at the top of `<head>` (the theme, and a link's
//! diagram started while the page loads). The Content-Security-Policy allows exactly these two
//! scripts, by their SHA-256 hashes, and still no other inline script.

use std::process::ExitCode;

use base64::Engine as _;
use sha2::{Digest, Sha256};

const PLACEHOLDER: &str = r#"<div id="prerender" inert></div>"#;
/// The one place in index.html's Content-Security-Policy where the script's hash goes.
const SCRIPT_SRC: &str = "script-src 'self'";
const FIRST_VISIT: &str = include_str!("../../public/first.js");
/// Where the head's inline script goes: at the top of `<head>`, before the style sheet, so that
/// it runs before anything else is fetched.
const EARLY_PLACEHOLDER: &str = "<!--early.js-->";
const EARLY: &str = include_str!("../../public/early.js");

/// A script without its comment lines: what the page runs.
fn inline_script(name: &str, source: &str) -> String {
    let script: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(
        !script.to_ascii_lowercase().contains("</script"),
        "{name} must not contain </script>"
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
    for placeholder in [PLACEHOLDER, EARLY_PLACEHOLDER] {
        if page.matches(placeholder).count() != 1 {
            return Err(format!("it must hold exactly one {placeholder}"));
        }
    }
    if page.matches(SCRIPT_SRC).count() != 1 {
        return Err(format!(
            "its Content-Security-Policy must hold exactly one \"{SCRIPT_SRC}\""
        ));
    }
    let script = inline_script("public/first.js", FIRST_VISIT);
    let early = inline_script("public/early.js", EARLY);
    let filled = format!(
        r#"<div id="prerender" inert>{}<script>{script}</script></div>"#,
        credflow_web::prerender()
    );
    let allowed = format!("{SCRIPT_SRC} {} {}", csp_hash(&early), csp_hash(&script));
    Ok(page
        .replace(PLACEHOLDER, &filled)
        .replace(EARLY_PLACEHOLDER, &format!("<script>{early}</script>"))
        .replace(SCRIPT_SRC, &allowed))
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
