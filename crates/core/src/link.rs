//! The share link: a scenario as a readable URL fragment, and back.
//!
//! `v=1&client=legacy&run=admin&share=%5C%5Cfs01%5Capps~naa` — the rule book's keys and
//! values, defaults omitted, shares in order as `UNC~reader,reader`. `v` is the format
//! version: every later credflow keeps reading `v=1` links. Pairs are split and
//! percent-decoded by `form_urlencoded`; values are percent-encoded by `percent-encoding`.

use std::collections::BTreeMap;
use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::choice::one_of;
use crate::principal::{Principal, Readers};
use crate::scenario::{
    check_unc, listed_share, Input, Scenario, SetError, Share, INPUTS, MAX_SHARES,
};

/// The link format this credflow writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The longest fragment `decode` reads (500 shares of 260 characters fit).
pub const MAX_LINK_CHARS: usize = 400_000;
/// Past this many characters some wikis, mail gateways and proxies cut a link.
pub const LONG_LINK_CHARS: usize = 2_000;

/// Everything but letters, digits and `-._~,` is escaped in a value, so `~` and `,` stay
/// readable as the share and reader-list separators.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',');

/// How the page shows a scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The whole planner.
    #[default]
    Full,
    /// Only the diagram and the verdict, for an iframe in a wiki page.
    Embed,
}

/// The embed view's colours (`theme=light|dark`), so that it follows the wiki that frames it
/// rather than the reader's system. Omitted (the default): the system's, or the reader's own
/// choice. The full view has its own switch and ignores it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The value of the `theme` key; `None` for the default, which a link leaves out.
    pub fn key(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// A decoded link: the scenario and how to show it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Link {
    pub scenario: Scenario,
    /// A comparison's second scenario (`b.client=legacy`): the keys that differ from the
    /// first, `b.share` listing all of its shares when they differ (an empty `b.share`: none).
    pub compare: Option<Scenario>,
    pub view: View,
    pub theme: Theme,
    /// `quiz=1`: the scenario asked as a question (predict, then reveal) rather than shown
    /// with its answer. Written only when set.
    pub quiz: bool,
}

/// Why a link, or a part of it, could not be read. Each names the part that is wrong: the
/// key, the value, the share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// A key credflow does not know.
    UnknownKey { key: String },
    /// A known key with a value it does not take.
    UnknownValue {
        key: String,
        value: String,
        expected: String,
    },
    /// A key that may appear once appears again: neither value is read.
    Repeated { key: String },
    /// A link written by a newer credflow.
    FutureVersion { version: u32 },
    /// A share whose path is not a usable UNC path.
    BadShare { value: String, problem: String },
    /// A reader of a share that is not one of the readers a link names.
    BadReader { share: String, reader: String },
    /// A share listed again (`\\FS01\APPS` after `\\fs01\apps`): Windows reads them as one.
    DuplicateShare { share: String, first: String },
    /// More shares than a scenario may have.
    TooManyShares { count: usize },
    /// More characters than a link may have.
    TooLong { chars: usize },
}

impl LinkError {
    /// The key the error is about.
    pub fn key(&self) -> &str {
        match self {
            LinkError::UnknownKey { key }
            | LinkError::UnknownValue { key, .. }
            | LinkError::Repeated { key } => key,
            LinkError::FutureVersion { .. } => "v",
            LinkError::BadShare { .. }
            | LinkError::BadReader { .. }
            | LinkError::DuplicateShare { .. }
            | LinkError::TooManyShares { .. } => "share",
            LinkError::TooLong { .. } => "link",
        }
    }
}

/// A value as quoted in a message: at most 80 characters.
fn quoted(value: &str) -> String {
    const MAX: usize = 80;
    if value.chars().count() <= MAX {
        value.to_string()
    } else {
        let cut: String = value.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// `everyone, users, … or client-connection`: the readers a link names.
fn reader_keys() -> String {
    one_of(Principal::ALL.iter().map(|p| p.key()))
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::UnknownKey { key } => write!(
                f,
                "unknown key \"{}\": a credflow link has only v, {}, dpacl, share, view, theme and quiz, and b. before a scenario's key for a comparison's second scenario",
                quoted(key),
                INPUTS.iter().map(|i| i.key).collect::<Vec<_>>().join(", ")
            ),
            LinkError::UnknownValue {
                key,
                value,
                expected,
            } => write!(
                f,
                "\"{key}={}\" is not a known value: {key} takes {expected}",
                quoted(value)
            ),
            LinkError::Repeated { key } => {
                write!(f, "key \"{key}\" appears more than once; give it once")
            }
            LinkError::FutureVersion { version } => write!(
                f,
                "this link was made by a newer credflow (v={version}); this one reads links up to v={VERSION}"
            ),
            LinkError::BadShare { value, problem } => {
                write!(f, "share \"{}\" {problem}", quoted(value))
            }
            LinkError::BadReader { share, reader } => write!(
                f,
                "reader \"{}\" of share \"{}\" is not a reader credflow knows: a share's readers are {}",
                quoted(reader),
                quoted(share),
                reader_keys()
            ),
            LinkError::DuplicateShare { share, first } => write!(
                f,
                "share \"{}\" is listed twice (first as \"{}\"): Windows reads share paths without regard to case, so they are one share; list it once",
                quoted(share),
                quoted(first)
            ),
            LinkError::TooManyShares { count } => write!(
                f,
                "share: the link lists {count} shares; a scenario may have at most {MAX_SHARES}"
            ),
            LinkError::TooLong { chars } => write!(
                f,
                "the link is {chars} characters long; credflow reads at most {MAX_LINK_CHARS}"
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// The fragment for a scenario, without the leading `#`.
pub fn encode(s: &Scenario) -> String {
    encode_link(&Link {
        scenario: s.clone(),
        ..Link::default()
    })
}

/// The fragment for a link, without the leading `#`.
pub fn encode_link(link: &Link) -> String {
    let mut out = format!("v={VERSION}");
    scenario_pairs(&mut out, "", &link.scenario, &Scenario::default());
    if let Some(b) = &link.compare {
        let before = out.len();
        scenario_pairs(&mut out, "b.", b, &link.scenario);
        if out.len() == before {
            // The same scenario twice is still a comparison: one key says so.
            pair(&mut out, "b.client", b.client.key());
        }
    }
    if link.view == View::Embed {
        pair(&mut out, "view", "embed");
    }
    if let Some(theme) = link.theme.key() {
        pair(&mut out, "theme", theme);
    }
    if link.quiz {
        pair(&mut out, "quiz", "1");
    }
    out
}

/// `&key=value`, the value percent-encoded.
fn pair(out: &mut String, key: &str, value: &str) {
    out.push('&');
    out.push_str(key);
    out.push('=');
    out.extend(utf8_percent_encode(value, VALUE));
}

/// The keys of `s` that differ from `base`, each named with `prefix`; its shares, all of them,
/// when they differ (an empty `share` when `s` has none and `base` has some).
fn scenario_pairs(out: &mut String, prefix: &str, s: &Scenario, base: &Scenario) {
    let key_of = |out: &mut String, key: &str, value: &str| {
        pair(out, &format!("{prefix}{key}"), value);
    };
    for input in INPUTS {
        let value = s.value(input.key);
        if value != base.value(input.key) {
            key_of(out, input.key, value.unwrap_or_default());
        }
    }
    if s.dpacl != base.dpacl {
        key_of(out, "dpacl", &s.dpacl.keys());
    }
    if s.shares != base.shares {
        if s.shares.is_empty() {
            key_of(out, "share", "");
        }
        for share in &s.shares {
            key_of(
                out,
                "share",
                &format!("{}~{}", share.unc, share.readers.keys()),
            );
        }
    }
}

/// The scenario in a fragment, a fragment starting with `#`, or a whole URL.
pub fn decode(input: &str) -> Result<Scenario, LinkError> {
    decode_link(input).map(|l| l.scenario)
}

/// The fragment part of what was given: after the first `#`; nothing for a URL without one.
fn fragment(input: &str) -> &str {
    let input = input.trim();
    match input.split_once('#') {
        Some((_, frag)) => frag,
        None if input.contains("://") => "",
        None => input,
    }
}

/// Like [`decode`], with the view.
pub fn decode_link(input: &str) -> Result<Link, LinkError> {
    let (link, mut errors) = decode_lenient(input);
    if errors.is_empty() {
        Ok(link)
    } else {
        Err(errors.swap_remove(0))
    }
}

/// A link read as far as it can be: every part that could be read, and what could not, in
/// the link's order (empty for a link [`decode_link`] reads). A part that cannot be read is
/// left out and the input keeps its default: an unknown key or value, both values of a
/// repeated key, a share whose path is not usable or that is listed again, a reader that is
/// not known (the share keeps its other readers), shares past the limit. A link written by a
/// newer credflow is read as far as this one understands it. A link past [`MAX_LINK_CHARS`]
/// is not read at all.
pub fn decode_lenient(input: &str) -> (Link, Vec<LinkError>) {
    let frag = fragment(input);
    let chars = frag.chars().count();
    if chars > MAX_LINK_CHARS {
        return (Link::default(), vec![LinkError::TooLong { chars }]);
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(frag.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    // How often each key appears, and how often it has been met so far.
    let mut count: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (key, _) in &pairs {
        count.entry(key.as_str()).or_default().0 += 1;
    }
    let mut link = Link::default();
    let mut errors = Vec::new();
    let shares = pairs.iter().filter(|(k, _)| k == "share").count();
    let mut second: Vec<(&str, &str)> = Vec::new();
    for (key, value) in &pairs {
        let key = key.as_str();
        if key != "share" && key != "b.share" {
            let (all, met) = count.get(key).copied().unwrap_or_default();
            count.insert(key, (all, met + 1));
            // Which of two values was meant is anybody's guess: neither is read. Said where
            // the key comes again.
            if met == 1 {
                errors.push(LinkError::Repeated { key: quoted(key) });
            }
            if all > 1 {
                continue;
            }
        }
        let value = value.as_str();
        if let Some(rest) = key.strip_prefix("b.") {
            second.push((rest, value));
            continue;
        }
        let read = match key {
            "v" => version(value),
            "theme" => word(
                key,
                value,
                &[("light", Theme::Light), ("dark", Theme::Dark)],
            )
            .map(|theme| link.theme = theme),
            "view" => word(key, value, &[("full", View::Full), ("embed", View::Embed)])
                .map(|view| link.view = view),
            "quiz" => word(key, value, &[("1", true), ("0", false)]).map(|quiz| link.quiz = quiz),
            _ => {
                scenario_pair(&mut link.scenario, "", key, value, shares, &mut errors);
                Ok(())
            }
        };
        if let Err(e) = read {
            errors.push(e);
        }
    }
    if !second.is_empty() {
        // The second scenario is the first with what the `b.` keys change; its shares, when
        // it lists any, are its own.
        let mut b = link.scenario.clone();
        if second.iter().any(|(k, _)| *k == "share") {
            b.shares.clear();
        }
        let b_shares = second
            .iter()
            .filter(|(k, v)| *k == "share" && !v.is_empty())
            .count();
        for (key, value) in second {
            match key {
                "share" if value.is_empty() => {}
                "v" | "view" | "theme" | "quiz" => errors.push(LinkError::UnknownKey {
                    key: quoted(&format!("b.{key}")),
                }),
                _ => scenario_pair(&mut b, "b.", key, value, b_shares, &mut errors),
            }
        }
        link.compare = Some(b);
    }
    (link, errors)
}

/// Reads one of a scenario's keys (an input, `dpacl`, `share`) into `s`, or says why not;
/// `prefix` is how the link names the scenario (`b.` for a comparison's second), `shares` how
/// many shares the link lists for it.
fn scenario_pair(
    s: &mut Scenario,
    prefix: &str,
    key: &str,
    value: &str,
    shares: usize,
    errors: &mut Vec<LinkError>,
) {
    match key {
        "dpacl" => match readers(&format!("{prefix}dpacl"), value) {
            Ok(r) => s.dpacl = r,
            Err(e) => errors.push(e),
        },
        "share" => {
            if s.shares.len() == MAX_SHARES {
                if !errors
                    .iter()
                    .any(|e| matches!(e, LinkError::TooManyShares { .. }))
                {
                    errors.push(LinkError::TooManyShares { count: shares });
                }
                return;
            }
            share(value, &mut s.shares, errors);
        }
        _ => match s.set(key, value.trim()) {
            Ok(()) => {}
            Err(SetError::UnknownKey) => errors.push(LinkError::UnknownKey {
                key: quoted(&format!("{prefix}{key}")),
            }),
            Err(SetError::UnknownValue) => {
                let expected = Input::by_key(key)
                    .map(|i| one_of(i.options.iter().map(|o| o.key)))
                    .unwrap_or_default();
                errors.push(LinkError::UnknownValue {
                    key: format!("{prefix}{key}"),
                    value: quoted(value),
                    expected,
                });
            }
        },
    }
}

/// The value of a key that takes one of a few words (`view`, `theme`), or why not.
fn word<T: Copy>(key: &str, value: &str, words: &[(&str, T)]) -> Result<T, LinkError> {
    words
        .iter()
        .find(|(w, _)| *w == value)
        .map(|(_, t)| *t)
        .ok_or_else(|| LinkError::UnknownValue {
            key: key.into(),
            value: quoted(value),
            expected: one_of(words.iter().map(|(w, _)| *w)),
        })
}

fn version(value: &str) -> Result<(), LinkError> {
    match value.parse::<u32>() {
        Ok(v) if v == VERSION => Ok(()),
        Ok(v) if v > VERSION => Err(LinkError::FutureVersion { version: v }),
        _ => Err(LinkError::UnknownValue {
            key: "v".into(),
            value: quoted(value),
            expected: VERSION.to_string(),
        }),
    }
}

/// `users,naa` → the set; empty → nobody.
fn readers(key: &str, value: &str) -> Result<Readers, LinkError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            Principal::from_key(p).ok_or_else(|| LinkError::UnknownValue {
                key: key.to_string(),
                value: quoted(p),
                expected: format!("a comma-separated list of {}", reader_keys()),
            })
        })
        .collect()
}

/// Reads `\\server\share~reader,reader` into `shares`, or says why not. The path may itself
/// hold `~` (8.3 names), so the readers follow the last one. A share with a reader that is not
/// known keeps its other readers.
fn share(value: &str, shares: &mut Vec<Share>, errors: &mut Vec<LinkError>) {
    let (text, list) = value.rsplit_once('~').unwrap_or((value, ""));
    let unc = match check_unc(text) {
        Ok(unc) => unc,
        Err(problem) => {
            errors.push(LinkError::BadShare {
                value: quoted(text),
                problem,
            });
            return;
        }
    };
    if let Some(first) = listed_share(shares, &unc) {
        errors.push(LinkError::DuplicateShare {
            share: quoted(&unc),
            first: quoted(&shares[first].unc),
        });
        return;
    }
    let mut readers = Readers::NONE;
    for p in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match Principal::from_key(p) {
            Some(p) => readers = readers.with(p, true),
            None => errors.push(LinkError::BadReader {
                share: quoted(&unc),
                reader: quoted(p),
            }),
        }
    }
    shares.push(Share::new(unc, readers));
}
