//! A log excerpt with its names replaced, for "copy a redacted excerpt": server names (UNC
//! paths, URLs), `DOMAIN\user` and `DOMAIN\COMPUTER$`, `user@domain`, the account in
//! `user 'X'` / `for user X`, computer names in `computer name is X`-like shapes, and SIDs.
//! Each distinct name gets one placeholder (`SERVER1`, `DOMAIN1\USER2`, `COMPUTER1$`), so the
//! excerpt keeps its structure: the same server is still the same server. Share names,
//! folders, site codes, package IDs and well-known accounts (`NT AUTHORITY`, `BUILTIN`,
//! `SMSCliToknAcct&` …) stay, because they are what the diagnosis reads.

use std::collections::HashMap;

/// The text with user, computer, domain and server names replaced by placeholders.
pub fn redact(text: &str) -> String {
    let mut names = Names::default();
    let text = servers(text, &mut names);
    let text = accounts(&text, &mut names);
    let text = principal_names(&text, &mut names);
    let text = named_users(&text, &mut names);
    let text = computers(&text, &mut names);
    sids(&text, &mut names)
}

/// A quoted "name" longer than this, or holding a line break, is not a name.
const MAX_NAME: usize = 64;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Server,
    Domain,
    User,
    Computer,
    Sid,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Server => "SERVER",
            Kind::Domain => "DOMAIN",
            Kind::User => "USER",
            Kind::Computer => "COMPUTER",
            Kind::Sid => "SID",
        }
    }
}

/// The placeholder of every name seen so far.
#[derive(Default)]
struct Names {
    map: HashMap<(Kind, String), String>,
    counts: HashMap<Kind, usize>,
}

impl Names {
    fn placeholder(&mut self, kind: Kind, name: &str) -> String {
        if is_placeholder(name) {
            return name.to_string();
        }
        let key = (kind, name.to_ascii_lowercase());
        if let Some(p) = self.map.get(&key) {
            return p.clone();
        }
        let n = self.counts.entry(kind).or_insert(0);
        *n += 1;
        let p = format!("{}{}", kind.prefix(), n);
        self.map.insert(key, p.clone());
        p
    }
}

/// Whether a name is already one of our placeholders.
fn is_placeholder(name: &str) -> bool {
    let name = name.trim_end_matches('$');
    ["SERVER", "DOMAIN", "USER", "COMPUTER", "SID"]
        .iter()
        .any(|p| {
            name.strip_prefix(p)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Accounts and domains that name no person, computer or organisation.
const KEEP: &[&str] = &[
    "nt authority",
    "authority",
    "builtin",
    "system",
    "local system",
    "localsystem",
    "network service",
    "local service",
    "administrator",
    "administrators",
    "everyone",
    "smsclitoknacct&",
    "smsclitoknlocalacct&",
    "smsclisvcacct&",
    "smsccmbootacct&",
];

fn kept(name: &str) -> bool {
    KEEP.contains(&name.to_ascii_lowercase().as_str())
}

fn name_char(c: char) -> bool {
    c.is_alphanumeric() || "-_.$&".contains(c)
}

/// The next position of each needle at or after `from`, remembering earlier answers so that a
/// needle that no longer occurs is not searched for again: the passes stay linear.
struct Next<'a> {
    hay: &'a str,
    needles: &'a [&'a str],
    at: Vec<Option<usize>>,
}

impl<'a> Next<'a> {
    fn new(hay: &'a str, needles: &'a [&'a str]) -> Self {
        let at = needles.iter().map(|n| hay.find(n)).collect();
        Next { hay, needles, at }
    }

    /// The first needle at or after `from`: its position and index.
    fn from(&mut self, from: usize) -> Option<(usize, usize)> {
        for (k, needle) in self.needles.iter().enumerate() {
            if let Some(p) = self.at[k] {
                if p < from {
                    self.at[k] = self
                        .hay
                        .get(from..)
                        .and_then(|h| h.find(needle))
                        .map(|q| from + q);
                }
            }
        }
        self.at
            .iter()
            .enumerate()
            .filter_map(|(k, p)| p.map(|p| (p, k)))
            .min()
    }
}

/// `\\server\…` and `scheme://server/…`: the server part.
fn servers(text: &str, names: &mut Names) -> String {
    let mut out = String::with_capacity(text.len());
    let mut next = Next::new(text, &["\\\\", "://"]);
    let mut last = 0;
    let mut from = 0;
    while let Some((at, k)) = next.from(from) {
        let host_start = at + if k == 0 { 2 } else { 3 };
        let after = &text[host_start..];
        let len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.'))
            .unwrap_or(after.len());
        let host = after[..len].trim_end_matches('.');
        if !host.is_empty() && host.starts_with(|c: char| c.is_alphanumeric()) {
            out.push_str(&text[last..host_start]);
            out.push_str(&names.placeholder(Kind::Server, host));
            last = host_start + host.len();
        }
        from = host_start.max(last);
    }
    out.push_str(&text[last..]);
    out
}

/// `DOMAIN\user` and `DOMAIN\COMPUTER$` standing alone (not inside a longer path), except
/// registry roots and relative file paths.
fn accounts(text: &str, names: &mut Names) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || b.get(i + 1) == Some(&b'\\') || (i > 0 && b[i - 1] == b'\\') {
            i += 1;
            continue;
        }
        let left_start = text[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let right = &text[i + 1..];
        let right_len = right.find(|c: char| !name_char(c)).unwrap_or(right.len());
        let domain = &text[left_start..i];
        let user = right[..right_len].trim_end_matches('.');
        let before = text[..left_start].chars().next_back();
        let after = right[user.len()..].chars().next();
        let standalone = !matches!(before, Some('\\' | '/' | ':' | '%' | '.'))
            && !matches!(after, Some('\\' | '/'));
        if standalone && !domain.is_empty() && !user.is_empty() && is_account(domain, user) {
            out.push_str(&text[last..left_start]);
            if kept(domain) {
                out.push_str(domain);
            } else {
                out.push_str(&names.placeholder(Kind::Domain, domain));
            }
            out.push('\\');
            out.push_str(&user_placeholder(user, names));
            last = i + 1 + user.len();
            i = last;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[last..]);
    out
}

/// Whether `domain\user` is an account rather than a registry key or a relative path.
fn is_account(domain: &str, user: &str) -> bool {
    let d = domain.to_ascii_lowercase();
    let registry = d.starts_with("hk") && (d.len() <= 4 || d.starts_with("hkey_"));
    let file = user.rsplit_once('.').is_some_and(|(_, ext)| {
        (2..=4).contains(&ext.len()) && ext.chars().all(char::is_alphanumeric)
    });
    let folders = [
        "windows",
        "system32",
        "program files",
        "software",
        "logs",
        "ccm",
        "ms",
        "sms",
    ];
    !registry && !file && !folders.contains(&d.as_str()) && !is_placeholder(user)
}

/// A user's or computer's placeholder; well-known accounts stay.
fn user_placeholder(user: &str, names: &mut Names) -> String {
    if kept(user) || is_placeholder(user) {
        user.to_string()
    } else if let Some(computer) = user.strip_suffix('$') {
        format!("{}$", names.placeholder(Kind::Computer, computer))
    } else {
        names.placeholder(Kind::User, user)
    }
}

/// `user@domain.tld`.
fn principal_names(text: &str, names: &mut Names) -> String {
    each_match(text, "@", |at, last| {
        let user_start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || "-_.".contains(c)))
            .map_or(0, |(k, c)| k + c.len_utf8())
            .max(last);
        let rest = &text[at + 1..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || "-_.".contains(c)))
            .unwrap_or(rest.len());
        let domain = rest[..len].trim_end_matches('.');
        if user_start < at && domain.contains('.') {
            let user = user_placeholder(&text[user_start..at], names);
            let domain_placeholder = names.placeholder(Kind::Domain, domain);
            Some((
                user_start,
                at + 1 + domain.len(),
                format!("{user}@{domain_placeholder}"),
            ))
        } else {
            None
        }
    })
}

/// `text` with what `replace` makes of each match of `pattern` that starts after the last
/// replacement: given the match's start and the end of the last replacement, the range it
/// replaces (from no earlier than that end) and what with, or `None` to leave it.
fn each_match(
    text: &str,
    pattern: &str,
    mut replace: impl FnMut(usize, usize) -> Option<(usize, usize, String)>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(pattern) {
        if at < last {
            continue;
        }
        if let Some((start, end, with)) = replace(at, last) {
            out.push_str(&text[last..start]);
            out.push_str(&with);
            last = end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Replaces the name after each of `openers` (compared in ASCII lower case): a quoted name, or
/// a bare one when `bare` is set.
fn after_words(
    text: &str,
    openers: &[&str],
    bare: bool,
    mut replace: impl FnMut(&str) -> String,
) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut next = Next::new(&lower, openers);
    let mut last = 0;
    let mut from = 0;
    while let Some((k, which)) = next.from(from) {
        let opener = openers[which];
        let at = k + opener.len();
        from = at;
        let boundary = k == 0 || !lower.as_bytes()[k - 1].is_ascii_alphanumeric();
        if !boundary {
            continue;
        }
        let rest = &text[at..];
        let (start, len) = match rest.chars().next() {
            Some(q @ ('\'' | '"')) => match rest[1..].find(q) {
                Some(end) => (1, end),
                None => continue,
            },
            Some(c) if bare && name_char(c) => {
                (0, rest.find(|c: char| !name_char(c)).unwrap_or(rest.len()))
            }
            _ => continue,
        };
        let name = rest[start..start + len].trim_end_matches('.');
        let odd = name.len() > MAX_NAME || name.contains(|c: char| c.is_control() || c == '\\');
        if name.is_empty() || odd || kept(name) || is_placeholder(name) {
            continue;
        }
        out.push_str(&text[last..at + start]);
        out.push_str(&replace(name));
        last = at + start + name.len();
        from = last;
    }
    out.push_str(&text[last..]);
    out
}

/// `user 'X'`, `user "X"`, `account 'X'`, `for user X`, `username: X`.
fn named_users(text: &str, names: &mut Names) -> String {
    let text = after_words(text, &["user ", "account "], false, |n| {
        user_placeholder(n, names)
    });
    after_words(
        &text,
        &[
            "for user ",
            "to user ",
            "username: ",
            "username=",
            "user name: ",
            "user name is ",
        ],
        true,
        |n| user_placeholder(n, names),
    )
}

/// `computer 'X'`, `computer name is X`, `computer name: X`, `ComputerName=X`,
/// `machine name X`.
fn computers(text: &str, names: &mut Names) -> String {
    let mut computer = |n: &str| {
        let bare = n.trim_end_matches('$');
        let p = names.placeholder(Kind::Computer, bare);
        if n.ends_with('$') {
            format!("{p}$")
        } else {
            p
        }
    };
    let text = after_words(text, &["computer ", "machine "], false, &mut computer);
    after_words(
        &text,
        &[
            "computer name is ",
            "computer name: ",
            "computer name ",
            "computername=",
            "computername: ",
            "machine name is ",
            "machine name: ",
            "machine name ",
            "machinename=",
            "netbios name ",
        ],
        true,
        computer,
    )
}

/// `S-1-5-21-…`: a domain or computer account's SID.
fn sids(text: &str, names: &mut Names) -> String {
    each_match(text, "S-1-5-21-", |at, _| {
        let rest = &text[at..];
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == 'S'))
            .unwrap_or(rest.len());
        let sid = rest[..len].trim_end_matches('-');
        Some((at, at + sid.len(), names.placeholder(Kind::Sid, sid)))
    })
}
