//! SVG writer: placeholder until the writer lands.

use crate::layout::Diagram;

/// The diagram as a standalone SVG document.
pub fn svg(d: &Diagram) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\"></svg>",
        d.width, d.height
    )
}
