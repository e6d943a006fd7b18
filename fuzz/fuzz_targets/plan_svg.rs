//! Every scenario that decodes from any bytes: `plan`, `layout` and `svg` never panic, on the
//! scenario as given (the CLI's path) and normalised (the page's path); the SVG is well-formed
//! XML (a strict parser reads it), has no script, no foreignObject and no event-handler
//! attribute, and carries every share path as text.

#![no_main]

use credflow_core::link::decode;
use credflow_core::svg::shown_text;
use credflow_core::{layout, normalise, plan, svg, Outcome};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let Ok(scenario) = decode(&input) else {
        return;
    };
    let (normalised, changes) = normalise(scenario.clone());
    // The normalised scenario only when it differs (drawing is the expensive part).
    let both = [&scenario, &normalised];
    let scenarios = if changes.is_empty() {
        &both[..1]
    } else {
        &both[..]
    };
    for s in scenarios.iter().copied() {
        let p = plan(s);
        assert!(!p.steps.is_empty());
        assert_eq!(Some(p.verdict), p.steps.iter().map(|s| s.outcome).max());
        assert_eq!(
            p.first_failure,
            p.steps
                .iter()
                .find(|s| s.outcome == Outcome::Fails)
                .map(|s| s.n)
        );
        let drawn = svg(&layout(&p));
        check_svg(&drawn, s.shares.iter().map(|sh| sh.unc.as_str()));
    }
});

fn check_svg<'a>(drawn: &str, uncs: impl Iterator<Item = &'a str>) {
    let doc = match roxmltree::Document::parse(drawn) {
        Ok(doc) => doc,
        Err(e) => panic!("the SVG is not well-formed XML: {e}\n{drawn}"),
    };
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let mut text = String::new();
    for node in doc.descendants() {
        if node.is_element() {
            let name = node.tag_name().name();
            assert!(
                !name.eq_ignore_ascii_case("script") && !name.eq_ignore_ascii_case("foreignObject"),
                "<{name}> in the SVG"
            );
            for a in node.attributes() {
                assert!(
                    !a.name().to_ascii_lowercase().starts_with("on"),
                    "attribute {}={:?} in the SVG",
                    a.name(),
                    a.value()
                );
                assert!(
                    !a.value()
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:"),
                    "attribute {}={:?} in the SVG",
                    a.name(),
                    a.value()
                );
            }
        } else if let Some(t) = node.text() {
            text.push_str(t);
        }
    }
    for unc in uncs {
        let shown = shown_text(unc);
        assert!(
            text.contains(&shown),
            "the SVG does not show {unc:?} as text"
        );
    }
}
