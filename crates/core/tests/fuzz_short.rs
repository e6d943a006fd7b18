//! Link-shaped fuzzing with proptest: inputs built from the link's own keys and values, mixed
//! with unknown keys, repeated keys, hostile share paths (HTML, entities, bidi and zero-width
//! characters, paths at and past the 260-character limit) and every way of percent-encoding
//! them (upper and lower case, `+` for spaces, broken and non-UTF-8 escapes), behind a `#`,
//! a whole URL or nothing.
//!
//! For every input: `decode_link` does not panic; an error names its key in its message and
//! quotes at most 80 characters of what was given; a link that decodes re-encodes to itself;
//! and its scenario, as given (the CLI's path) and normalised (the page's path), plans, lays
//! out and draws into an SVG that is well-formed, has no script, foreignObject or event
//! attribute, and shows every share path as text.
//!
//! `cargo test` runs a few hundred cases (`short_*`) and `long_run` for two seconds. The long
//! run is the same check for a given time, counting inputs:
//!
//!     CREDFLOW_FUZZ_SECONDS=600 cargo test --release -p credflow-core --test fuzz_short \
//!         -- --nocapture long_run
//!
//! (`CREDFLOW_FUZZ_INPUTS=10000000` stops after that many inputs instead.)
//!
//! (`scripts/fuzz` runs it after the cargo-fuzz targets; see SECURITY.md for the figures.)

#[path = "common/rule_book.rs"]
mod rule_book;
#[path = "common/xml.rs"]
mod xml;

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use credflow_core::link::{decode_link, encode_link, LinkError};
use credflow_core::scenario::{FORBIDDEN_IN_NAMES, MAX_UNC_CHARS};
use credflow_core::svg::shown_text;
use credflow_core::{layout, normalise, plan, svg, Principal};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};
use rule_book::RULE_BOOK;

// ── Inputs ───────────────────────────────────────────────────────────────────────────────

/// The keys a link may hold: the rule book's inputs in link order between `v` and the
/// others, `share` three times over.
fn keys() -> Vec<&'static str> {
    let inputs = RULE_BOOK.iter().map(|(key, _)| *key);
    ["v"]
        .into_iter()
        .chain(inputs)
        .chain(["dpacl", "share", "share", "share", "view"])
        .collect()
}

/// Keys that are nearly right, or hostile.
const ODD_KEYS: &[&str] = &[
    "",
    "V",
    "Share",
    "share ",
    " share",
    "shares",
    "client[]",
    "v\u{202E}",
    "\u{200B}client",
    "<script>alert(1)</script>",
    "\" onload=\"x",
    "🙂",
    "constructor",
    "__proto__",
];

/// Every value of every choice (each once, in the rule book's order), and near misses.
fn values() -> Vec<&'static str> {
    let mut values = vec!["1", "0", "2", "99", "-1", "+1", "01", "4294967296"];
    for (_, options) in RULE_BOOK {
        for value in *options {
            if !values.contains(value) {
                values.push(value);
            }
        }
    }
    values.extend([
        "full",
        "embed",
        " legacy ",
        "LEGACY",
        "",
        "javascript:alert(1)",
    ]);
    values
}

/// Share-name payloads: markup, entities, quotes, separators, invisible and bidi characters.
const PAYLOADS: &[&str] = &[
    "apps",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "'><a href='javascript:alert(1)'>x</a>",
    "<svg><foreignObject><body onload=alert(1)></foreignObject></svg>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#x3C;script&#x3E;",
    "&#60;&amp;&quot;&#39;&",
    "]]><![CDATA[<x>",
    "<!--x-->",
    "</title><script>x</script>",
    "a~b~c",
    "a&b=c",
    "100%",
    "%25%3C",
    "\u{202E}exe.txt",
    "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
    "\u{FFFE}\u{FFFF}",
    "\u{05D0}\u{0627}日本🙂",
    " spaced name ",
    "PROGRA~1",
];

fn readers_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => select(Principal::ALL).prop_map(|p| p.key().to_string()),
            1 => select(&["", " ", "nobody", "USERS", "users ", "<b>"][..]).prop_map(String::from),
        ],
        0..4,
    )
    .prop_map(|parts| parts.join(","))
}

/// `min..=max` characters from `chars`. (Cheaper to generate than a regex strategy, which
/// matters for the long run.)
fn word(chars: &'static [char], min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(select(chars), min..=max).prop_map(String::from_iter)
}

const NAME_CHARS: &[char] = &[
    'a', 'b', 'c', 'f', 's', 'x', 'z', '0', '1', '9', '-', '$', ' ', '.', '_',
];

/// A path component: payloads, letters, and sometimes a long run to reach the length limit.
fn component() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(PAYLOADS).prop_map(String::from),
        2 => word(NAME_CHARS, 0, 12),
        1 => (select(PAYLOADS), 1usize..40).prop_map(|(p, n)| p.repeat(n)),
        1 => proptest::collection::vec(any::<char>(), 0..16).prop_map(String::from_iter),
    ]
}

/// A share value: mostly `\\server\share[\folder...]~readers`, sometimes not quite.
fn share_value() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            8 => Just(r"\\"),
            1 => Just(r"\"),
            1 => Just("//"),
            1 => Just(""),
            1 => Just(r"\\\"),
        ],
        prop_oneof![4 => word(&NAME_CHARS[..10], 1, 12), 1 => component()],
        component(),
        proptest::collection::vec(component(), 0..3),
        proptest::option::weighted(0.85, readers_text()),
        // Pad to the limit's edge: 258 to 262 characters.
        proptest::option::weighted(0.1, (MAX_UNC_CHARS - 2)..=(MAX_UNC_CHARS + 2)),
    )
        .prop_map(|(prefix, server, share, folders, readers, pad)| {
            let mut unc = format!(r"{prefix}{server}\{share}");
            for f in folders {
                unc.push('\\');
                unc.push_str(&f);
            }
            if let Some(len) = pad {
                let have = unc.chars().count();
                if have < len {
                    unc.push('\\');
                    unc.extend(std::iter::repeat_n('x', len.saturating_sub(have + 1)));
                }
            }
            match readers {
                Some(r) => format!("{unc}~{r}"),
                None => unc,
            }
        })
}

/// How a piece of text is written into the link.
#[derive(Clone, Copy, Debug)]
enum Encoding {
    /// As is (a browser's address bar may show it so).
    Raw,
    /// Every byte but letters and digits as `%XX`.
    Upper,
    /// The same in lower case, with `+` for spaces.
    Lower,
    /// Mixed, byte by byte.
    Mixed(u64),
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        1 => Just(Encoding::Raw),
        3 => Just(Encoding::Upper),
        1 => Just(Encoding::Lower),
        2 => any::<u64>().prop_map(Encoding::Mixed),
    ]
}

fn write(out: &mut String, text: &str, how: Encoding) {
    let mut bits = match how {
        Encoding::Mixed(b) => b,
        _ => 0,
    };
    for c in text.chars() {
        let mut buf = [0u8; 4];
        let plain = c.is_ascii_alphanumeric();
        let encode = match how {
            Encoding::Raw => false,
            Encoding::Upper | Encoding::Lower => !plain,
            Encoding::Mixed(_) => {
                bits = bits.rotate_left(1);
                bits & 1 == 1
            }
        };
        if !encode {
            out.push(c);
        } else if c == ' ' && matches!(how, Encoding::Lower) {
            out.push('+');
        } else {
            let hex: &[u8; 16] = match how {
                Encoding::Lower => b"0123456789abcdef",
                _ => b"0123456789ABCDEF",
            };
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push('%');
                out.push(char::from(hex[usize::from(b >> 4)]));
                out.push(char::from(hex[usize::from(b & 15)]));
            }
        }
    }
}

/// One `key=value` pair, or something that is almost one.
fn pair() -> impl Strategy<Value = (String, String, Encoding)> {
    prop_oneof![
        3 => (select(keys()), select(values()), encoding())
            .prop_map(|(k, v, e)| (k.to_string(), v.to_string(), e)),
        4 => (share_value(), encoding()).prop_map(|(v, e)| ("share".to_string(), v, e)),
        2 => (select(&["dpacl", "share"][..]), readers_text(), encoding())
            .prop_map(|(k, v, e)| (k.to_string(), v, e)),
        1 => (select(ODD_KEYS), select(values()), encoding())
            .prop_map(|(k, v, e)| (k.to_string(), v.to_string(), e)),
        1 => (select(keys()), component(), encoding())
            .prop_map(|(k, v, e)| (k.to_string(), v, e)),
    ]
}

/// Broken escapes and separators to splice into a link.
const JUNK: &[&str] = &[
    "%", "%2", "%G1", "%FF", "%C3", "%E2%80", "%00", "&&", "&", "=", "==", "#", ";", "+",
];

/// A whole link-shaped input.
fn link_input() -> impl Strategy<Value = String> {
    (
        select(
            &[
                "",
                "#",
                "https://wiki.example/credflow/#",
                " #",
                "credflow?x=1#",
                "://",
            ][..],
        ),
        proptest::option::weighted(0.8, select(&["v=1", "v=2", "v=", "v=1.0"][..])),
        proptest::collection::vec(pair(), 0..10),
        proptest::collection::vec((any::<prop::sample::Index>(), select(JUNK)), 0..3),
        select(&["", "", "&", " ", "\n", "#more"][..]),
    )
        .prop_map(|(prefix, version, pairs, junk, suffix)| {
            let mut body = String::new();
            if let Some(v) = version {
                body.push_str(v);
            }
            for (key, value, how) in pairs {
                if !body.is_empty() {
                    body.push('&');
                }
                write(&mut body, &key, how);
                body.push('=');
                write(&mut body, &value, how);
            }
            for (at, piece) in junk {
                let mut cut = at.index(body.len() + 1);
                while !body.is_char_boundary(cut) {
                    cut -= 1;
                }
                body.insert_str(cut, piece);
            }
            format!("{prefix}{body}{suffix}")
        })
}

// ── The check ────────────────────────────────────────────────────────────────────────────

/// What happened to one input, for the long run's counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    Refused,
    Drawn,
}

fn check(input: &str) -> Seen {
    let link = match decode_link(input) {
        Ok(link) => link,
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains(e.key()), "{input:?}: {message}");
            let quoted = match &e {
                LinkError::UnknownKey { key } => Some(key),
                LinkError::UnknownValue { value, .. } | LinkError::BadShare { value, .. } => {
                    Some(value)
                }
                LinkError::BadReader { share, reader } => {
                    assert!(reader.chars().count() <= 81, "{input:?}: quotes {reader:?}");
                    Some(share)
                }
                LinkError::DuplicateShare { share, first } => {
                    assert!(first.chars().count() <= 81, "{input:?}: quotes {first:?}");
                    Some(share)
                }
                _ => None,
            };
            if let Some(q) = quoted {
                assert!(q.chars().count() <= 81, "{input:?}: quotes {q:?}");
            }
            return Seen::Refused;
        }
    };
    let text = encode_link(&link);
    assert_eq!(decode_link(&text).as_ref(), Ok(&link), "{input:?} → {text}");
    let (normalised, _) = normalise(link.scenario.clone());
    for s in [&link.scenario, &normalised] {
        let drawn = svg(&layout(&plan(s)));
        let shown = xml::svg_text(&drawn).unwrap_or_else(|e| panic!("{input:?}: {e}\n{drawn}"));
        for share in &s.shares {
            let want = shown_text(&share.unc);
            assert!(
                shown.contains(&want),
                "{input:?}: {:?} is not shown",
                share.unc
            );
        }
    }
    Seen::Drawn
}

// ── The short run (cargo test) ───────────────────────────────────────────────────────────

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn short_link_shaped_inputs_decode_or_are_refused_and_draw_safely(input in link_input()) {
        check(&input);
    }

    #[test]
    fn short_hostile_share_paths_draw_as_text(
        shares in proptest::collection::vec((share_value(), encoding()), 1..6),
    ) {
        let mut input = String::from("v=1");
        for (value, how) in shares {
            input.push_str("&share=");
            write(&mut input, &value, how);
        }
        check(&input);
    }
}

#[test]
fn short_every_payload_as_a_share_name_draws_as_text() {
    for payload in PAYLOADS {
        let mut input = String::from("v=1&share=");
        write(
            &mut input,
            &format!(r"\\srv\{payload}~users"),
            Encoding::Upper,
        );
        // Windows allows none of < > : " | ? * in a name: such a share is refused, and its
        // message names the character; every other payload is a valid name, drawn as text.
        let forbidden = payload.chars().find(|c| FORBIDDEN_IN_NAMES.contains(c));
        match forbidden {
            None => assert!(
                check(&input) == Seen::Drawn,
                "{payload:?} should be a valid share name"
            ),
            Some(c) => {
                assert!(check(&input) == Seen::Refused, "{payload:?} is refused");
                let e = decode_link(&input).unwrap_err().to_string();
                assert!(e.contains(&format!("\"{c}\"")), "{payload:?}: {e}");
            }
        }
    }
}

#[test]
fn the_xml_check_catches_what_escaping_prevents() {
    let ok = r#"<svg a="1"><title>x &amp; y</title><g><rect/></g></svg>"#;
    assert_eq!(xml::svg_text(ok).as_deref(), Ok("x & y"));
    for bad in [
        r#"<svg a="1"><title>x & y</title></svg>"#,
        r#"<svg a="1"><title><script>x</script></title></svg>"#,
        r#"<svg a="1"><img onerror="x"/></svg>"#,
        r#"<svg a="1"><g></svg>"#,
        r#"<svg a="1">a > b</svg>"#,
        r#"<svg a="1" b="<"></svg>"#,
        r#"<svg a="1"><foreignObject/></svg>"#,
    ] {
        assert!(xml::svg_text(bad).is_err(), "{bad}");
    }
}

// ── The long run ─────────────────────────────────────────────────────────────────────────

/// Runs `check` on link-shaped inputs for `CREDFLOW_FUZZ_SECONDS` (default 2: a taste in every
/// `cargo test`; scripts/fuzz gives it minutes or hours), or until
/// `CREDFLOW_FUZZ_INPUTS` inputs (checked every thousand), and prints how many. A panic prints
/// the input and the seed first (`CREDFLOW_FUZZ_SEED` replays a run).
#[test]
fn long_run() {
    let seconds: u64 = std::env::var("CREDFLOW_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    // Optionally, stop after this many inputs instead (whichever comes first).
    let limit: u64 = std::env::var("CREDFLOW_FUZZ_INPUTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX);
    let strategy = link_input();
    // A seed from the clock, printed, so that a failure can be replayed with CREDFLOW_FUZZ_SEED.
    let seed: u64 = std::env::var("CREDFLOW_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        });
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let (mut inputs, mut drawn) = (0u64, 0u64);
    while Instant::now() < deadline && inputs < limit {
        // Check the clock every thousand inputs.
        for _ in 0..1000 {
            let input = strategy
                .new_tree(&mut runner)
                .expect("generate an input")
                .current();
            match catch_unwind(AssertUnwindSafe(|| check(&input))) {
                Ok(Seen::Drawn) => drawn += 1,
                Ok(Seen::Refused) => {}
                Err(panic) => {
                    eprintln!("long run (seed {seed}): input {inputs} failed: {input:?}");
                    resume_unwind(panic);
                }
            }
            inputs += 1;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "proptest long run: {inputs} inputs ({drawn} decoded and drawn, {} refused) in {secs:.0} s \
         ({:.0}/s), seed {seed}, no panic",
        inputs - drawn,
        inputs as f64 / secs
    );
}
