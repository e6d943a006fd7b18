//! Log text into entries. Four shapes are read:
//!
//! - **CMTrace**, the Advanced Client's and ConfigMgr 2007's own format:
//!   `<![LOG[message]LOG]!><time="…" date="…" component="…" context="" type="N" thread="N" file="…">`,
//!   one message possibly spanning several physical lines until `]LOG]!>`;
//! - **Legacy**, the SMS 2.0 / 2003 Legacy Client's: `message $$<component><date time><thread=N (0xN)>`;
//! - **Columns**, what people copy out of CMTrace's grid: the message, then the component, the
//!   date and time and the thread as `3820 (0x0EEC)`, separated by tabs or spaces;
//! - **Plain**: anything else, a message with no tail at all (as knowledge-base articles quote
//!   log lines) or a malformed line. Plain lines are kept, never dropped.
//!
//! Blank lines are skipped; every entry keeps the 1-based number of its first physical line.
//! The parser borrows from the text, runs in time linear in its length and never panics: it
//! only cuts the text next to ASCII characters it found, which are always character boundaries.

use std::borrow::Cow;

use serde::Serialize;

/// The shape an entry was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// `<![LOG[…]LOG]!><time=… …>`
    CmTrace,
    /// `… $$<component><date time><thread=N (0xN)>`
    Legacy,
    /// `message  component  date time  thread (0xN)`, copied out of CMTrace.
    Columns,
    /// A message with no recognised tail.
    Plain,
}

/// How serious an entry says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One entry of a log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogLine<'a> {
    /// The 1-based number of its first physical line.
    pub line: usize,
    pub format: Format,
    /// The message; a CMTrace message may hold line breaks.
    pub message: &'a str,
    pub component: Option<&'a str>,
    /// The date as the log writes it (`08-16-2020`, `Tue Jan 04 2000`, `13-11-2013`).
    pub date: Option<Cow<'a, str>>,
    /// The time as the log writes it (`08:25:31.358+240`, `15:19:23.375`, `3.23.48 PM`).
    pub time: Option<&'a str>,
    pub thread: Option<u32>,
    /// CMTrace's `type` (1 info, 2 warning, 3 error); for the other shapes, the markers the
    /// message itself starts a clause with (`ERROR:`, `WARNING:`, `Warning -`, `Error 5`).
    pub severity: Option<Severity>,
}

const OPEN: &str = "<![LOG[";
const CLOSE: &str = "]LOG]!>";

/// Every entry of the log, in order. Never fails: what is not recognised is a `Plain` entry.
pub fn parse(text: &str) -> Vec<LogLine<'_>> {
    let spans = physical_lines(text);
    let mut out = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let (start, end) = spans[i];
        let raw = &text[start..end];
        // A line of only spaces and byte-order marks is blank.
        let trimmed = raw.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        if trimmed.starts_with(OPEN) {
            let at = start + (raw.len() - trimmed.len());
            i = cmtrace_run(text, &spans, i, at, &mut out);
            continue;
        }
        out.push(one_line(i + 1, trimmed.trim_end()));
        i += 1;
    }
    out
}

/// The text of a log file as bytes: UTF-16 with a byte-order mark (as some Windows tools save
/// logs), UTF-8 with or without one; anything that is not valid becomes U+FFFD.
pub fn text_from_bytes(bytes: &[u8]) -> String {
    fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
        let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Each physical line's start and end (without its `\n` and a `\r` before it).
fn physical_lines(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            spans.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        spans.push((start, text.len()));
    }
    spans
}

/// Reads CMTrace entries starting at byte `at` on physical line `i` (more than one when they
/// follow each other on one line), pushes them, and returns the next physical line to read.
/// An entry whose `]LOG]!>` never comes, or comes only after another entry has started, is
/// kept as a plain line.
fn cmtrace_run<'a>(
    text: &'a str,
    spans: &[(usize, usize)],
    mut i: usize,
    mut at: usize,
    out: &mut Vec<LogLine<'a>>,
) -> usize {
    loop {
        let body = at + OPEN.len();
        let Some((j, close)) = closing(text, spans, i, body) else {
            out.push(plain(i + 1, text[at..spans[i].1].trim_end()));
            return i + 1;
        };
        let line_end = spans[j].1;
        let tail_start = close + CLOSE.len();
        let (attrs, used) = attributes(&text[tail_start..line_end]);
        out.push(LogLine {
            line: i + 1,
            format: Format::CmTrace,
            message: text[body..close].trim_end_matches(['\r', '\n']),
            component: attrs.component,
            date: attrs.date.map(Cow::Borrowed),
            time: attrs.time,
            thread: attrs.thread.and_then(|t| t.trim().parse().ok()),
            severity: match attrs.kind.map(str::trim) {
                Some("1") => Some(Severity::Info),
                Some("2") => Some(Severity::Warning),
                Some("3") => Some(Severity::Error),
                _ => None,
            },
        });
        let rest_start = tail_start + used;
        let rest = &text[rest_start..line_end];
        let trimmed = rest.trim_start();
        if trimmed.starts_with(OPEN) {
            i = j;
            at = rest_start + (rest.len() - trimmed.len());
            continue;
        }
        if !trimmed.trim_end().is_empty() {
            out.push(one_line(j + 1, trimmed.trim_end()));
        }
        return j + 1;
    }
}

/// Where the message that starts at `body` on line `i` ends: the physical line holding its
/// `]LOG]!>` and the byte offset of it. `None` when a later line starts another entry first or
/// the text ends. Each physical line is looked at once here, and the lines of an unterminated
/// entry hold no entry start, so the parse stays linear.
fn closing(text: &str, spans: &[(usize, usize)], i: usize, body: usize) -> Option<(usize, usize)> {
    if let Some(k) = text[body..spans[i].1].find(CLOSE) {
        return Some((i, body + k));
    }
    for (j, &(start, end)) in spans.iter().enumerate().skip(i + 1) {
        let line = &text[start..end];
        if line.trim_start().starts_with(OPEN) {
            return None;
        }
        if let Some(k) = line.find(CLOSE) {
            return Some((j, start + k));
        }
    }
    None
}

/// The attributes of a CMTrace tail.
#[derive(Default)]
struct Attrs<'a> {
    time: Option<&'a str>,
    date: Option<&'a str>,
    component: Option<&'a str>,
    kind: Option<&'a str>,
    thread: Option<&'a str>,
}

/// Reads `<name="value" …>` at the start of `tail`; returns what it found and how many bytes
/// the tail took (everything, when it is malformed).
fn attributes(tail: &str) -> (Attrs<'_>, usize) {
    let mut attrs = Attrs::default();
    let Some(mut rest) = tail.strip_prefix('<') else {
        return (attrs, 0);
    };
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('>') {
            return (attrs, tail.len() - after.len());
        }
        let Some(eq) = rest.find('=') else {
            return (attrs, tail.len());
        };
        let name = rest[..eq].trim();
        let Some(value) = rest[eq + 1..].trim_start().strip_prefix('"') else {
            return (attrs, tail.len());
        };
        let Some(q) = value.find('"') else {
            return (attrs, tail.len());
        };
        let v = &value[..q];
        match name {
            "time" => attrs.time = Some(v),
            "date" => attrs.date = Some(v),
            "component" => attrs.component = Some(v),
            "type" => attrs.kind = Some(v),
            "thread" => attrs.thread = Some(v),
            _ => {}
        }
        rest = &value[q + 1..];
    }
}

/// A line that is not CMTrace: Legacy, columns or plain.
fn one_line(n: usize, line: &str) -> LogLine<'_> {
    legacy(n, line)
        .or_else(|| columns(n, line))
        .unwrap_or_else(|| plain(n, line))
}

fn plain(n: usize, line: &str) -> LogLine<'_> {
    LogLine {
        line: n,
        format: Format::Plain,
        message: line,
        component: None,
        date: None,
        time: None,
        thread: None,
        severity: marked_severity(line),
    }
}

/// `message $$<component><date time><thread=N (0xN)>`; the date and thread groups may be
/// missing (SMS 2003's WNManual.log writes only the component).
fn legacy(n: usize, line: &str) -> Option<LogLine<'_>> {
    let tail = line.rfind("$$<")?;
    let mut rest = &line[tail + 2..];
    let mut groups = Vec::new();
    while let Some(r) = rest.strip_prefix('<') {
        let close = r.find('>')?;
        groups.push(&r[..close]);
        rest = &r[close + 1..];
    }
    let (&component, others) = groups.split_first()?;
    let mut entry = LogLine {
        line: n,
        format: Format::Legacy,
        message: line[..tail].trim_end(),
        component: Some(component),
        date: None,
        time: None,
        thread: None,
        severity: None,
    };
    for g in others {
        if let Some(t) = g.strip_prefix("thread=") {
            let digits = t.trim_start();
            let end = digits
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(digits.len());
            entry.thread = digits[..end].parse().ok();
        } else {
            let (date, time) = split_stamp(g);
            entry.date = Some(date);
            entry.time = time;
        }
    }
    entry.severity = marked_severity(entry.message);
    Some(entry)
}

/// `Tue Jan 04 15:19:23.375 2000` → (`Tue Jan 04 2000`, `15:19:23.375`).
fn split_stamp(stamp: &str) -> (Cow<'_, str>, Option<&str>) {
    let Some(time) = stamp.split_whitespace().find(|t| t.contains(':')) else {
        return (Cow::Borrowed(stamp.trim()), None);
    };
    let date: Vec<&str> = stamp.split_whitespace().filter(|t| *t != time).collect();
    (Cow::Owned(date.join(" ")), Some(time))
}

/// `message component 13-11-2013 3.23.48 PM 3820 (0x0EEC)`, read from the right.
fn columns(n: usize, line: &str) -> Option<LogLine<'_>> {
    let (before, hex) = last_token(line)?;
    let hex = hex
        .strip_prefix("(0x")
        .or_else(|| hex.strip_prefix("(0X"))?;
    let hex = hex.strip_suffix(')')?;
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let (before, thread) = last_token(before)?;
    if !thread.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (mut before, mut token) = last_token(before)?;
    let mut time_end = token.as_ptr() as usize - line.as_ptr() as usize + token.len();
    if token.eq_ignore_ascii_case("AM") || token.eq_ignore_ascii_case("PM") {
        (before, token) = last_token(before)?;
    }
    if !is_time(token) {
        return None;
    }
    let time_start = token.as_ptr() as usize - line.as_ptr() as usize;
    time_end = time_end.max(time_start + token.len());
    let (before, date) = last_token(before)?;
    if !is_date(date) {
        return None;
    }
    // With tabs, the component is the last tab-separated field (it may hold spaces).
    let before = before.trim_end();
    let (message, component) = match before.rfind('\t') {
        Some(tab) if !before[tab + 1..].trim().is_empty() => {
            (&before[..tab], before[tab + 1..].trim())
        }
        _ => match last_token(before) {
            Some((message, component)) => (message, component),
            None => return None,
        },
    };
    let message = message.trim_end();
    Some(LogLine {
        line: n,
        format: Format::Columns,
        message,
        component: Some(component),
        date: Some(Cow::Borrowed(date)),
        time: Some(&line[time_start..time_end]),
        thread: thread.parse().ok(),
        severity: marked_severity(message),
    })
}

/// The text before the last whitespace-separated token, and the token.
fn last_token(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_end();
    if s.is_empty() {
        return None;
    }
    let start = s
        .rfind(|c: char| c.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    Some((&s[..start], &s[start..]))
}

/// `3.23.48`, `15:19:23`, `08:25:31.358`, `08:25:31.358+240`.
fn is_time(t: &str) -> bool {
    let t = t.split(['+', '-']).next().unwrap_or(t);
    let parts: Vec<&str> = t.split([':', '.']).collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].len() <= 2
        && parts[1].len() == 2
}

/// `13-11-2013`, `8/16/2020`, `2020-08-16`, `16.08.2020`.
fn is_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The severity a message marks itself with, as SMS writes it: `ERROR:`, `ERROR -`,
/// `WARNING:`, `Warning -`, or a message that starts with `Error` / `Warning`.
fn marked_severity(message: &str) -> Option<Severity> {
    let starts = |word: &str| {
        message
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    };
    let has = |marks: &[&str]| marks.iter().any(|m| message.contains(m));
    if starts("error") || has(&["ERROR:", "ERROR -", ": Error:"]) {
        Some(Severity::Error)
    } else if starts("warning") || has(&["WARNING:", "WARNING -", ": Warning:"]) {
        Some(Severity::Warning)
    } else {
        None
    }
}
