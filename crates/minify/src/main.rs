//! `minify DIR`: the release build's last step (scripts/post-build), on Trunk's staging folder.
//!
//! It minifies what the page loads as text — the scripts index.html loads with an integrity hash
//! (wasm-bindgen's glue and public/boot.js, ES modules), the style sheet, the modules the page
//! imports by fixed names (the training build's, the Diagnose panel's and the link preview's
//! glue), and the inline scripts (public/early.js and public/first.js, classic scripts) — and writes the new hashes where
//! index.html holds the old ones: each file's `integrity="sha384-…"` (Trunk's subresource
//! integrity, checked by the browser) and each inline script's `'sha256-…'` in the
//! Content-Security-Policy. It also
//! drops the comments written for people reading index.html. Trunk 0.21's own minifier cannot
//! parse wasm-bindgen's glue and ships it as it is.
//!
//! A file it cannot parse, a hash it cannot find: an error, and the build fails, rather than a
//! page whose integrity or policy check blocks a file.

use std::path::Path;
use std::process::ExitCode;

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

/// How a script runs, which decides what the minifier may rename.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// `type="module"`: its top-level names are its own.
    Module,
    /// A classic script: its top-level names are the window's.
    Script,
}

fn minify_js(source: &str, kind: Kind) -> Result<String, String> {
    use oxc_allocator::Allocator;
    use oxc_codegen::{Codegen, CodegenOptions};
    use oxc_minifier::{Minifier, MinifierOptions};
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    let allocator = Allocator::default();
    let source_type = match kind {
        Kind::Module => SourceType::mjs(),
        Kind::Script => SourceType::script(),
    };
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        let first = parsed
            .diagnostics
            .first()
            .map_or("the parser gave up".to_string(), ToString::to_string);
        return Err(format!("not valid JavaScript: {first}"));
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

fn minify_css(source: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(source, ParserOptions::default())
        .map_err(|e| format!("not valid CSS: {e}"))?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| format!("CSS: {e}"))?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| format!("CSS: {e}"))?;
    Ok(printed.code)
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The value of `name="…"` in one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// One file the page loads with an integrity hash, as index.html names it.
struct Loaded {
    /// The whole tag, `<link …>` or `<script …>`.
    tag: String,
    /// Its address, relative to index.html (`./main-….css`).
    address: String,
    integrity: String,
}

fn loaded_with_integrity(page: &str) -> Result<Vec<Loaded>, String> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = page[from..].find(" integrity=\"") {
        let at = from + at;
        let start = page[..at]
            .rfind('<')
            .ok_or("an integrity attribute outside a tag")?;
        let end = at + page[at..].find('>').ok_or("a tag without its end")?;
        let tag = &page[start..end];
        let address = attribute(tag, "href")
            .or_else(|| attribute(tag, "src"))
            .ok_or_else(|| format!("no href or src in {tag}"))?;
        let integrity = attribute(tag, "integrity").unwrap_or_default();
        found.push(Loaded {
            tag: tag.to_string(),
            address: address.to_string(),
            integrity: integrity.to_string(),
        });
        from = end;
    }
    Ok(found)
}

/// Minifies one file that index.html loads with an integrity hash, if it is a script or a style
/// sheet, and returns the page with the tag's new hash.
fn minify_loaded(dir: &Path, page: &str, loaded: &Loaded) -> Result<Option<String>, String> {
    let extension = loaded.address.rsplit('.').next().unwrap_or_default();
    if !matches!(extension, "js" | "css") {
        return Ok(None);
    }
    let name = loaded
        .address
        .strip_prefix("./")
        .filter(|n| !n.contains('/'))
        .ok_or_else(|| {
            format!(
                "{}: expected a file next to index.html (\"./name\")",
                loaded.address
            )
        })?;
    if !loaded.integrity.starts_with("sha384-") {
        return Err(format!(
            "{name}: expected a sha384 integrity hash, found {:?}",
            loaded.integrity
        ));
    }
    let minified = if extension == "css" {
        rewrite(dir, name, minify_css)?
    } else {
        rewrite(dir, name, |source| minify_js(source, Kind::Module))?
    };
    let integrity = format!("sha384-{}", base64(&Sha384::digest(minified.as_bytes())));
    let tag = loaded.tag.replacen(&loaded.integrity, &integrity, 1);
    Ok(Some(page.replacen(&loaded.tag, &tag, 1)))
}

/// The ES modules the page imports by fixed names, without an integrity hash (index.html's
/// `data-bindgen-target="web"` builds): the training build's glue, the Diagnose panel's and the
/// link preview's. Each must be there.
const IMPORTED_MODULES: [&str; 3] = [
    "credflow-training.js",
    "credflow-diagnose-panel.js",
    "credflow-preview.js",
];

/// Rewrites the file `name` of `dir` minified by `minify`, and returns what it wrote.
fn rewrite(
    dir: &Path,
    name: &str,
    minify: impl Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    let path = dir.join(name);
    let source =
        std::fs::read_to_string(&path).map_err(|e| format!("read {}: {e}", path.display()))?;
    let minified = minify(&source).map_err(|e| format!("{name}: {e}"))?;
    std::fs::write(&path, &minified).map_err(|e| format!("write {}: {e}", path.display()))?;
    println!(
        "minify: {name}: {} -> {} bytes",
        source.len(),
        minified.len()
    );
    Ok(minified)
}

/// The page with each of its inline scripts minified and the policy's hash of it updated.
fn minify_inline_scripts(page: &str) -> Result<String, String> {
    const OPEN: &str = "<script>";
    const CLOSE: &str = "</script>";
    let starts: Vec<_> = page.match_indices(OPEN).map(|(i, _)| i).collect();
    if starts.is_empty() {
        return Err(format!("expected an inline script ({OPEN}) in index.html"));
    }
    let mut page = page.to_string();
    // From the last, so that the places of the ones before stay where they were found.
    for start in starts.into_iter().rev() {
        let body_start = start + OPEN.len();
        let body_end = body_start
            + page[body_start..]
                .find(CLOSE)
                .ok_or("an inline script has no end")?;
        let script = &page[body_start..body_end];
        let minified =
            minify_js(script, Kind::Script).map_err(|e| format!("inline script: {e}"))?;
        if minified.to_ascii_lowercase().contains("</script") {
            return Err("a minified inline script contains </script".into());
        }
        let hash = |text: &str| format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())));
        let (old, new) = (hash(script), hash(&minified));
        if page.matches(&old).count() != 1 {
            return Err(format!(
                "the Content-Security-Policy does not hold the inline script's hash {old} once"
            ));
        }
        println!(
            "minify: inline script: {} -> {} bytes",
            script.len(),
            minified.len()
        );
        page = format!("{}{minified}{}", &page[..body_start], &page[body_end..]);
        page = page.replacen(&old, &new, 1);
    }
    Ok(page)
}

/// The page without the comments written for its readers (`<!-- … -->`; Leptos's own markers,
/// such as `<!>`, stay).
fn without_comments(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<!--") {
        let after = &rest[at + 4..];
        let authored = after.starts_with(char::is_whitespace);
        match after.find("-->") {
            Some(end) if authored => {
                // The comment and the line break or indentation before it.
                out.push_str(rest[..at].trim_end_matches([' ', '\t']));
                rest = &after[end + 3..];
                rest = rest.strip_prefix('\n').unwrap_or(rest);
            }
            _ => {
                out.push_str(&rest[..at + 4]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn minify(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let mut page =
        std::fs::read_to_string(&index).map_err(|e| format!("read {}: {e}", index.display()))?;
    let before = page.len();
    for loaded in loaded_with_integrity(&page)? {
        if let Some(next) = minify_loaded(dir, &page, &loaded)? {
            page = next;
        }
    }
    for name in IMPORTED_MODULES {
        rewrite(dir, name, |source| minify_js(source, Kind::Module))?;
    }
    page = minify_inline_scripts(&page)?;
    page = without_comments(&page);
    std::fs::write(&index, &page).map_err(|e| format!("write {}: {e}", index.display()))?;
    println!("minify: index.html: {before} -> {} bytes", page.len());
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: minify DIR (Trunk's staging folder of a release build)");
        return ExitCode::from(2);
    };
    match minify(Path::new(&dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("minify: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha384(text: &str) -> String {
        format!("sha384-{}", base64(&Sha384::digest(text.as_bytes())))
    }

    fn sha256(text: &str) -> String {
        format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
    }

    /// A staging folder like Trunk's, removed on drop.
    struct Staging(std::path::PathBuf);

    impl Drop for Staging {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn staging(name: &str) -> Staging {
        let dir =
            std::env::temp_dir().join(format!("credflow-minify-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the folder");
        Staging(dir)
    }

    const APP: &str =
        "// the glue\nexport function start(first_argument) {\n  return first_argument + 1;\n}\n";
    const STYLE: &str = "/* colours */\n.diagram {\n  color: #ff0000;\n  margin: 0px;\n}\n";
    const INLINE: &str = "\n(function () {\n  var shown = document.getElementById('prerender');\n  if (shown) shown.hidden = false;\n})();\n";

    /// The modules the page imports by fixed names, each a small module.
    fn write_imported(dir: &Path) {
        for name in IMPORTED_MODULES {
            std::fs::write(dir.join(name), APP).unwrap();
        }
    }

    /// A staging folder's index.html (`page`), style sheet and glue (`app`).
    fn write_site(dir: &Path, page: &str, app: &str) {
        std::fs::write(dir.join("index.html"), page).unwrap();
        std::fs::write(dir.join("main-1.css"), STYLE).unwrap();
        std::fs::write(dir.join("app-1.js"), app).unwrap();
    }

    fn page() -> String {
        format!(
            "<!doctype html>\n<html>\n<head>\n  <!-- For people reading it. -->\n  \
             <meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' {} 'wasm-unsafe-eval'\">\n  \
             <link rel=\"stylesheet\" href=\"./main-1.css\" crossorigin=\"anonymous\" integrity=\"{}\"/>\n  \
             <link rel=\"modulepreload\" href=\"./app-1.js\" crossorigin=\"anonymous\" integrity=\"{}\">\n  \
             <link rel=\"preload\" href=\"./app-1_bg.wasm\" integrity=\"sha384-unchanged\" as=\"fetch\">\n\
             </head>\n<body><div id=\"prerender\" inert><p>page<!>text</p><script>{INLINE}</script></div></body>\n</html>\n",
            sha256(INLINE),
            sha384(STYLE),
            sha384(APP),
        )
    }

    #[test]
    fn every_changed_file_gets_its_new_hash_and_the_policy_the_inline_scripts() {
        let dir = staging("hashes");
        write_site(&dir.0, &page(), APP);
        std::fs::write(dir.0.join("app-1_bg.wasm"), b"\0asm").unwrap();
        write_imported(&dir.0);
        minify(&dir.0).expect("minify");
        for name in IMPORTED_MODULES {
            let module = std::fs::read_to_string(dir.0.join(name)).unwrap();
            assert!(
                module.len() < APP.len()
                    && module.contains("export")
                    && !module.contains("the glue"),
                "{name}: {module}"
            );
        }

        let css = std::fs::read_to_string(dir.0.join("main-1.css")).unwrap();
        let js = std::fs::read_to_string(dir.0.join("app-1.js")).unwrap();
        let index = std::fs::read_to_string(dir.0.join("index.html")).unwrap();
        assert_eq!(css, ".diagram{color:red;margin:0}");
        assert!(
            js.len() < APP.len() && js.contains("export") && !js.contains("the glue"),
            "{js}"
        );
        assert!(
            index.contains(&format!("integrity=\"{}\"", sha384(&css))),
            "{index}"
        );
        assert!(
            index.contains(&format!("integrity=\"{}\"", sha384(&js))),
            "{index}"
        );
        assert!(index.contains("integrity=\"sha384-unchanged\""), "{index}");
        let start = index.find("<script>").unwrap() + "<script>".len();
        let end = index.find("</script>").unwrap();
        let inline = &index[start..end];
        assert!(
            inline.len() < INLINE.len() && inline.contains("prerender"),
            "{inline}"
        );
        assert!(index.contains(&format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            sha256(inline)
        )));
        assert!(!index.contains("For people reading it"), "{index}");
        assert!(index.contains("<p>page<!>text</p>"), "{index}");
    }

    #[test]
    fn a_script_that_does_not_parse_fails_the_build() {
        let dir = staging("broken");
        write_site(&dir.0, &page(), "export function (");
        let error = minify(&dir.0).expect_err("a broken script");
        assert!(error.contains("app-1.js"), "{error}");
    }

    #[test]
    fn a_missing_imported_module_fails_the_build() {
        let dir = staging("missing");
        write_site(&dir.0, &page(), APP);
        let error = minify(&dir.0).expect_err("a module the page imports is missing");
        assert!(error.contains(IMPORTED_MODULES[0]), "{error}");
    }

    #[test]
    fn a_policy_without_the_inline_scripts_hash_fails_the_build() {
        let dir = staging("policy");
        let page = page().replace(&sha256(INLINE), "'sha256-other'");
        write_site(&dir.0, &page, APP);
        write_imported(&dir.0);
        let error = minify(&dir.0).expect_err("no hash to replace");
        assert!(error.contains("Content-Security-Policy"), "{error}");
    }
}
