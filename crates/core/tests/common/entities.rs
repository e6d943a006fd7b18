//! Reading back the text credflow's SVG and HTML writers escape.

/// `text` with its entities (`&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&amp;`) resolved.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
