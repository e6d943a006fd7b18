//! The share link: a scenario as a readable URL fragment, and back.
//!
//! `v=1&client=legacy&run=admin&share=%5C%5Cfs01%5Capps~naa` — the rule book's keys and
//! values, defaults omitted, shares in order as `UNC~reader,reader`. `v` is the format
//! version: every later credflow keeps reading `v=1` links. Pairs are split and
//! percent-decoded by `form_urlencoded`; values are percent-encoded by `percent-encoding`.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::choice::one_of;
use crate::principal::{Principal, Readers};
use crate::scenario::{check_unc, Input, Scenario, SetError, Share, INPUTS, MAX_SHARES};

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
    pub view: View,
    pub theme: Theme,
}

/// Why a link could not be read. Each names the key and the value that are wrong.
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
    /// A key that may appear once appears again.
    Repeated { key: String },
    /// A link written by a newer credflow.
    FutureVersion { version: u32 },
    /// A share whose path is not a usable UNC path.
    BadShare { value: String, problem: String },
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
            LinkError::BadShare { .. } | LinkError::TooManyShares { .. } => "share",
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

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::UnknownKey { key } => write!(
                f,
                "unknown key \"{}\": a credflow link has only v, {}, dpacl, share, view and theme",
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
                "v={version}: this link was made by a newer credflow; this one reads links up to v={VERSION}"
            ),
            LinkError::BadShare { value, problem } => {
                write!(f, "share \"{}\" {problem}", quoted(value))
            }
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
    let s = &link.scenario;
    let d = Scenario::default();
    let mut out = format!("v={VERSION}");
    let mut pair = |key: &str, value: &str| {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.extend(utf8_percent_encode(value, VALUE));
    };
    for input in INPUTS {
        let value = s.value(input.key);
        if value != d.value(input.key) {
            pair(input.key, value.unwrap_or_default());
        }
    }
    if s.dpacl != d.dpacl {
        pair("dpacl", &s.dpacl.keys());
    }
    for share in &s.shares {
        pair("share", &format!("{}~{}", share.unc, share.readers.keys()));
    }
    if link.view == View::Embed {
        pair("view", "embed");
    }
    if let Some(theme) = link.theme.key() {
        pair("theme", theme);
    }
    out
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
    let frag = fragment(input);
    let chars = frag.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let mut link = Link::default();
    let mut seen: Vec<String> = Vec::new();
    for (key, value) in form_urlencoded::parse(frag.as_bytes()) {
        if key != "share" {
            if seen.iter().any(|k| *k == key) {
                return Err(LinkError::Repeated { key: quoted(&key) });
            }
            seen.push(key.to_string());
        }
        let s = &mut link.scenario;
        let value = value.as_ref();
        match key.as_ref() {
            "v" => version(value)?,
            "dpacl" => s.dpacl = readers("dpacl", value)?,
            "share" => {
                if s.shares.len() == MAX_SHARES {
                    let count = form_urlencoded::parse(frag.as_bytes())
                        .filter(|(k, _)| k == "share")
                        .count();
                    return Err(LinkError::TooManyShares { count });
                }
                s.shares.push(share(value)?);
            }
            "view" => {
                link.view = match value {
                    "full" => View::Full,
                    "embed" => View::Embed,
                    _ => {
                        return Err(LinkError::UnknownValue {
                            key: "view".into(),
                            value: quoted(value),
                            expected: "full or embed".into(),
                        })
                    }
                }
            }
            "theme" => {
                link.theme = match value {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => {
                        return Err(LinkError::UnknownValue {
                            key: "theme".into(),
                            value: quoted(value),
                            expected: "light or dark".into(),
                        })
                    }
                }
            }
            _ => match s.set(&key, value.trim()) {
                Ok(()) => {}
                Err(SetError::UnknownKey) => {
                    return Err(LinkError::UnknownKey { key: quoted(&key) })
                }
                Err(SetError::UnknownValue) => {
                    let expected = Input::by_key(&key)
                        .map(|i| one_of(i.options.iter().map(|o| o.key)))
                        .unwrap_or_default();
                    return Err(LinkError::UnknownValue {
                        key: key.to_string(),
                        value: quoted(value),
                        expected,
                    });
                }
            },
        }
    }
    Ok(link)
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
                expected: format!(
                    "a comma-separated list of {}",
                    one_of(Principal::ALL.iter().map(|p| p.key()))
                ),
            })
        })
        .collect()
}

/// `\\server\share~reader,reader`. The path may itself hold `~` (8.3 names), so the readers
/// follow the last one.
fn share(value: &str) -> Result<Share, LinkError> {
    let (unc, list) = value.rsplit_once('~').unwrap_or((value, ""));
    check_unc(unc).map_err(|problem| LinkError::BadShare {
        value: quoted(unc),
        problem,
    })?;
    Ok(Share::new(unc, readers("share", list)?))
}
