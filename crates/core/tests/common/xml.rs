//! The one XML check of the SVG the core writes, with a real XML parser (roxmltree, as the
//! fuzz target reads it): well-formed, nothing active in it, and its text.

/// The text content of `svg` (entities resolved), once it is read as XML. Fails on anything
/// that is not well-formed, on a document that does not start with its `<svg>` root, on a
/// `<script>` or `<foreignObject>`, on an `on…` or `href` attribute, and on a raw `>` in text
/// (the writer escapes every one).
pub fn svg_text(svg: &str) -> Result<String, String> {
    if !svg.starts_with("<svg ") {
        return Err("does not start with <svg".into());
    }
    let doc = roxmltree::Document::parse(svg).map_err(|e| e.to_string())?;
    let mut text = String::new();
    for node in doc.root_element().descendants() {
        if node.is_element() {
            let name = node.tag_name().name();
            if name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("foreignObject") {
                return Err(format!("a <{name}> element"));
            }
            for attr in node.attributes() {
                let lower = attr.name().to_ascii_lowercase();
                if lower.starts_with("on") || lower.contains("href") {
                    return Err(format!("<{name} {}=…>", attr.name()));
                }
            }
        } else if node.is_text() {
            let raw = &svg[node.range()];
            if raw.contains('>') {
                return Err(format!("stray '>' in {raw:?}"));
            }
            text.push_str(node.text().unwrap_or_default());
        }
    }
    Ok(text)
}
