//! What the benchmark binary and the divan benches share: the scenarios they measure, the
//! statistics they print, and the parsing of divan's and twiggy's output.

use credflow_core::availability::unavailable;
use credflow_core::scenario::combinations;
use credflow_core::{normalise, Principal, Readers, Scenario, Share};

/// The rule book's defaults with `n` extra shares `\\fs01\apps<i>`, readable by Authenticated
/// Users (`share=%5C%5Cfs01%5Capps<i>~users` in a link).
pub fn with_shares(n: usize) -> Scenario {
    let users = Readers::of(&[Principal::Users]);
    Scenario {
        shares: (0..n)
            .map(|i| Share::new(format!("\\\\fs01\\apps{i}"), users))
            .collect(),
        ..Scenario::default()
    }
}

/// Every combination of the rule book's first inputs (client, os, role, domain, run, when, sia,
/// logon, installer, naa, siacct, source: 93,312), each on a scenario with one share (so that
/// `source=unc` has its source), normalised as the page normalises every edit.
pub fn every_combination() -> Vec<Scenario> {
    combinations(&with_shares(1))
        .map(|s| normalise(s).0)
        .collect()
}

/// A radio pair the input-latency measurement clicks alternately: the input's key and two of
/// its values. Radios have the ids `<key>-<value>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Toggle {
    pub key: &'static str,
    pub values: [&'static str; 2],
}

impl Toggle {
    const fn new(key: &'static str, values: [&'static str; 2]) -> Self {
        Toggle { key, values }
    }
}

/// Candidates, in order of preference: settings far from the shares, so that the page redraws
/// the whole diagram without the share list itself changing.
pub const TOGGLES: &[Toggle] = &[
    Toggle::new("naa", ["set", "none"]),
    Toggle::new("installer", ["msi-user", "msi-machine"]),
    Toggle::new("logon", ["user", "none"]),
    Toggle::new("run", ["user", "admin"]),
];

/// `s` with the input `key` set to `value`.
pub fn set(s: &Scenario, key: &str, value: &str) -> Option<Scenario> {
    let mut s = s.clone();
    s.set(key, value).ok()?;
    Some(s)
}

/// The first toggle whose two values are both selectable in `s`, survive normalisation and
/// draw different diagrams, with `s` set to its first value: each click then really changes
/// the diagram.
pub fn toggle_for(s: &Scenario) -> Option<(Toggle, Scenario)> {
    TOGGLES.iter().find_map(|t| {
        let [a, b] = t.values;
        let sa = normalise(set(s, t.key, a)?).0;
        let sb = normalise(set(&sa, t.key, b)?).0;
        let ok = unavailable(&sa, t.key, b).is_none()
            && unavailable(&sb, t.key, a).is_none()
            && set(&sa, t.key, a).as_ref() == Some(&sa)
            && set(&sb, t.key, b).as_ref() == Some(&sb)
            && normalise(set(&sb, t.key, a)?).0 == sa
            && credflow_core::render(&sa) != credflow_core::render(&sb);
        ok.then_some((*t, sa))
    })
}

/// Median and 95th percentile (nearest rank) of a sample.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub min: f64,
    pub median: f64,
    pub p95: f64,
    pub max: f64,
}

pub fn summarise(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    let rank = (0.95 * n as f64).ceil() as usize;
    Some(Summary {
        n,
        min: v[0],
        median,
        p95: v[rank.clamp(1, n) - 1],
        max: v[n - 1],
    })
}

/// One row of divan's table: a bench's name and its median, in nanoseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct DivanRow {
    pub name: String,
    pub median_ns: f64,
    pub fastest_ns: f64,
    pub mean_ns: f64,
}

/// Divan's table, as printed by `cargo bench` (`├─ name  1.2 µs │ 3 µs │ 1.3 µs │ …`).
pub fn parse_divan(output: &str) -> Vec<DivanRow> {
    output
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('│').map(str::trim).collect();
            if cells.len() < 4 {
                return None;
            }
            let first = cells[0].trim_start_matches(|c: char| "├╰─│ ".contains(c));
            let mut words = first.split_whitespace();
            let name = words.next()?.to_string();
            let fastest = duration_ns(&words.collect::<Vec<_>>().join(" "))?;
            Some(DivanRow {
                name,
                fastest_ns: fastest,
                median_ns: duration_ns(cells[2])?,
                mean_ns: duration_ns(cells[3])?,
            })
        })
        .collect()
}

/// `1.25 µs` → 1250.0.
fn duration_ns(text: &str) -> Option<f64> {
    let mut parts = text.split_whitespace();
    let value: f64 = parts.next()?.parse().ok()?;
    let scale = match parts.next()? {
        "ps" => 1e-3,
        "ns" => 1.0,
        "µs" | "us" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        _ => return None,
    };
    Some(value * scale)
}

/// The crate a (demangled) wasm function name belongs to, for the size breakdown: the first
/// path segment, looking through `<T as Trait>`, references and `drop_in_place<T>` to the type
/// whose code it is. Names without a path are the compiler's or the linker's.
pub fn crate_of(name: &str) -> String {
    let name = name.trim();
    if name.starts_with("data[") || name.starts_with("data segment") {
        return "(data: text, constants)".into();
    }
    if name.contains("custom section") || name.starts_with('"') || name.contains("section headers")
    {
        return "(custom sections)".into();
    }
    if name.starts_with("__wbg_")
        || name.starts_with("__wbindgen")
        || name.starts_with("__externref")
        || name.starts_with("Closure(")
    {
        return "wasm_bindgen".into();
    }
    if name.starts_with("intounderlying") {
        return "wasm_streams".into();
    }
    if name.starts_with("export ") || name.starts_with("import ") {
        return "(wasm tables, types, exports)".into();
    }
    for generic in ["core::ptr::drop_in_place<", "core::mem::drop<"] {
        if let Some(inner) = name.strip_prefix(generic) {
            return crate_of(inner);
        }
    }
    let mut rest = name;
    loop {
        let before = rest;
        for prefix in [
            "<", "&", "*const ", "*mut ", "mut ", "dyn ", "[", "(", "{", "impl ",
        ] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        if rest == before {
            break;
        }
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let after = &rest[word.len()..];
    // `<T as tachys::view::Render>::build`, `<&str as core::fmt::Debug>::fmt`: a type parameter
    // or a primitive, so the trait's crate.
    if !word.is_empty() {
        if let Some(trait_path) = after.strip_prefix(" as ") {
            return crate_of(trait_path);
        }
        // `<char>::escape_debug_ext`: a primitive's own method.
        if after.starts_with(">::") {
            return "core".into();
        }
    }
    // `dlmalloc[e24a27700634d609]::…`: the crate's name with its disambiguator.
    let first = rest
        .find("::")
        .map(|i| rest[..i].split('[').next().unwrap_or_default());
    match first {
        Some(k) if !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_') => {
            k.to_string()
        }
        _ => match word.as_str() {
            "memcpy" | "memmove" | "memset" | "memcmp" | "bcmp" | "roundf" => {
                "compiler_builtins".into()
            }
            "dlmalloc" | "malloc" | "free" | "realloc" => "dlmalloc".into(),
            w if w.starts_with("code") || w.starts_with("func") => "(unnamed functions)".into(),
            w if [
                "type", "table", "elem", "global", "export", "import", "memory",
            ]
            .contains(&w) =>
            {
                "(wasm tables, types, exports)".into()
            }
            _ => "(other)".into(),
        },
    }
}

/// The family a crate belongs to, for the subtotals.
pub fn family_of(krate: &str) -> &'static str {
    match krate {
        "leptos" | "leptos_dom" | "leptos_macro" | "leptos_config" | "leptos_server"
        | "leptos_hot_reload" | "tachys" | "reactive_graph" | "reactive_stores" | "any_spawner"
        | "throw_error" | "or_poisoned" | "oco_ref" | "either_of" | "next_tuple" | "server_fn"
        | "hydration_context" | "send_wrapper" | "slotmap" | "guardian" => "Leptos and its runtime",
        "core" | "alloc" | "std" | "compiler_builtins" | "dlmalloc" | "hashbrown" => {
            "Rust standard library"
        }
        "wasm_bindgen" | "js_sys" | "web_sys" | "wasm_bindgen_futures" => {
            "wasm-bindgen, js-sys, web-sys"
        }
        "credflow_core" => "credflow-core",
        "credflow_web" => "credflow-web (the components)",
        "serde" | "serde_json" | "serde_core" | "form_urlencoded" | "percent_encoding" | "url"
        | "idna" => "serde, URL encoding",
        k if k.starts_with('(') => "data, tables, unnamed (no crate)",
        _ => "other crates",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        let s = summarise(&[5.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
        assert_eq!((s.median, s.p95, s.min, s.max), (3.0, 5.0, 1.0, 5.0));
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        let s = summarise(&v).unwrap();
        assert_eq!((s.median, s.p95), (50.5, 95.0));
        assert_eq!(summarise(&[]), None);
    }

    #[test]
    fn divan_rows() {
        let out = "core                fastest       │ slowest       │ median        │ mean          │ samples │ iters\n\
                   ├─ render_default   9.5 µs        │ 40 µs         │ 10.25 µs      │ 11 µs         │ 100     │ 800\n\
                   ╰─ exhaustive_plan  1.1 s         │ 1.2 s         │ 1.15 s        │ 1.15 s        │ 5       │ 5\n";
        let rows = parse_divan(out);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "render_default");
        assert_eq!(rows[0].median_ns, 10250.0);
        assert_eq!(rows[1].median_ns, 1.15e9);
    }

    #[test]
    fn crates_of_names() {
        for (name, krate) in [
            ("core::fmt::write::h0123", "core"),
            (
                "<tachys::html::element::HtmlElement<E> as tachys::view::Render>::build",
                "tachys",
            ),
            (
                "core::ptr::drop_in_place<leptos::into_view::View<T>>::h1",
                "leptos",
            ),
            (
                "<&mut serde_json::ser::Serializer as serde::Serializer>::x",
                "serde_json",
            ),
            ("data[3]", "(data: text, constants)"),
            ("memcpy", "compiler_builtins"),
            (
                "<T as reactive_graph::traits::Read>::try_read::h9b59",
                "reactive_graph",
            ),
            ("<&str as core[c5930c85a12de822]::fmt::Debug>::fmt", "core"),
            ("<char>::escape_debug_ext", "core"),
            (
                "<dlmalloc[e24a]::dlmalloc::Dlmalloc<dlmalloc[e24a]::sys::System>>::malloc",
                "dlmalloc",
            ),
            ("__wbg_set_1234", "wasm_bindgen"),
        ] {
            assert_eq!(crate_of(name), krate, "{name}");
        }
    }

    #[test]
    fn every_combination_counts_them_all() {
        assert_eq!(
            every_combination().len(),
            // client, os (nt, vista, win9x), role, domain, run, when, sia, logon, installer
            // (six kinds), naa, siacct, source.
            3 * 3 * 3 * 2 * 2 * 3 * 2 * 3 * 6 * 2 * 2 * 2
        );
    }

    #[test]
    fn a_toggle_changes_the_diagram_at_every_size() {
        for n in [0, 1, 50, 500] {
            assert!(toggle_for(&with_shares(n)).is_some(), "{n} shares");
        }
    }
}
