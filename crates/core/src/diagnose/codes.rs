//! Error codes: a table of the codes the rule book's failures produce, each with its name, its
//! meaning in credflow's words and the source that documents it, and a decoder for every way
//! SMS logs spell them: hex (`0x80070005`, `0x525`), an HRESULT as unsigned decimal as the
//! Legacy Client writes it (`2147942405`, `(#2147942405)`), as negative decimal
//! (`-2147024891`), and plain decimals where the words around them say they are a code
//! (`error 5`, `exit code is 1603`, `Return code = 0x525`, `(1722)`). An HRESULT 0x8007XXXX
//! is Win32 error XXXX.
//!
//! A code no source of `sources.md` explains has no source here and says so: it is a well
//! known Windows system error code, and the table claims nothing more about it.

use serde::Serialize;

use super::cite::{Cite, LogSource};
use crate::source::SourceId;

/// The numbering a code belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// A Windows system error code (winerror.h, lmerr.h), including the exit codes
    /// msiexec returns.
    Win32,
    /// A 32-bit HRESULT (0x8XXXXXXX).
    Hresult,
    /// A Windows Installer error message number (1925), not a Win32 code.
    Installer,
    /// An SMS status message ID.
    StatusMessage,
    /// A Windows Installer event ID in the Application event log.
    EventId,
}

/// One code of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    pub family: Family,
    pub number: u32,
    /// The symbolic name (`ERROR_ACCESS_DENIED`), or what it is called where it has none.
    pub name: &'static str,
    /// What it means, in credflow's words.
    pub meaning: &'static str,
    /// What kind of code it is, and for a code without a source, that it is only well known.
    pub kind: &'static str,
    /// The source that documents its meaning; `None` for a well-known Windows code that no
    /// source of the rule book covers.
    pub source: Option<Cite>,
    /// Sources that show it in a real log line or status message.
    pub seen_in: &'static [Cite],
}

const WELL_KNOWN: &str = "Windows system error code (well known)";
const WIN32: &str = "Windows system error code";
const MSIEXEC: &str = "Windows Installer exit code (a Windows system error code)";

const MSI_EXIT: Option<Cite> = Some(Cite::Rule(SourceId::MsiExit));

const fn win32(
    number: u32,
    name: &'static str,
    meaning: &'static str,
    kind: &'static str,
    source: Option<Cite>,
    seen_in: &'static [Cite],
) -> CodeInfo {
    CodeInfo {
        family: Family::Win32,
        number,
        name,
        meaning,
        kind,
        source,
        seen_in,
    }
}

/// Every code credflow knows.
pub const CODES: &[CodeInfo] = &[
    win32(0, "ERROR_SUCCESS", "Success: the program or installer finished without an error.", MSIEXEC, MSI_EXIT, &[Cite::Log(LogSource::CommLogSloth)]),
    win32(2, "ERROR_FILE_NOT_FOUND", "A file in the path does not exist, or cannot be seen from this logon session.", WELL_KNOWN, None, &[]),
    win32(3, "ERROR_PATH_NOT_FOUND", "A folder or drive in the path does not exist; a drive letter mapped in another logon session is not there either.", WELL_KNOWN, None, &[]),
    win32(5, "ERROR_ACCESS_DENIED", "Access denied: the account that asked may not read or change what it asked for.", WIN32, Some(Cite::Log(LogSource::Q124184)), &[Cite::Log(LogSource::Q124184)]),
    win32(53, "ERROR_BAD_NETPATH", "The server in a network path cannot be found or reached.", WELL_KNOWN, None, &[]),
    win32(67, "ERROR_BAD_NET_NAME", "The server has no share of that name.", WELL_KNOWN, None, &[]),
    win32(1317, "ERROR_NO_SUCH_USER", "The account does not exist: for the SMS client, the run account it was told to use cannot be found or used.", WIN32, Some(Cite::Rule(SourceId::Q264714)), &[Cite::Rule(SourceId::Q264714), Cite::Rule(SourceId::Q235205), Cite::Rule(SourceId::Q307434)]),
    win32(1326, "ERROR_LOGON_FAILURE", "The user name or the password was refused.", WELL_KNOWN, None, &[]),
    win32(1602, "ERROR_INSTALL_USEREXIT", "Someone cancelled the installer.", MSIEXEC, MSI_EXIT, &[]),
    win32(1603, "ERROR_INSTALL_FAILURE", "Windows Installer stopped on a fatal error; its own log says which.", MSIEXEC, MSI_EXIT, &[]),
    win32(1612, "ERROR_INSTALL_SOURCE_ABSENT", "Windows Installer could not reach the product's installation source.", MSIEXEC, MSI_EXIT, &[]),
    win32(1618, "ERROR_INSTALL_ALREADY_RUNNING", "Another installation was in progress; only one runs at a time.", MSIEXEC, MSI_EXIT, &[]),
    win32(1619, "ERROR_INSTALL_PACKAGE_OPEN_FAILED", "Windows Installer could not open the package: missing, unreadable, or not a valid package.", MSIEXEC, MSI_EXIT, &[]),
    win32(1641, "ERROR_SUCCESS_REBOOT_INITIATED", "Success; the installer has started a restart.", MSIEXEC, MSI_EXIT, &[]),
    win32(1722, "RPC_S_SERVER_UNAVAILABLE", "A remote procedure call found no server to answer it.", WELL_KNOWN, None, &[Cite::Rule(SourceId::Q235205)]),
    win32(1909, "ERROR_ACCOUNT_LOCKED_OUT", "The account is locked out.", WELL_KNOWN, None, &[]),
    win32(2226, "NERR_NotPrimary", "The operation is allowed only on the domain's primary domain controller.", WELL_KNOWN, None, &[Cite::Rule(SourceId::Q242011)]),
    win32(3010, "ERROR_SUCCESS_REBOOT_REQUIRED", "Success; a restart is needed to finish.", MSIEXEC, MSI_EXIT, &[]),
    CodeInfo {
        family: Family::Installer,
        number: 1925,
        name: "Windows Installer error 1925",
        meaning: "The account may not install for every user of the computer: an administrator has to run it.",
        kind: "Windows Installer error message",
        source: Some(Cite::Rule(SourceId::MsiErrors)),
        seen_in: &[],
    },
    CodeInfo {
        family: Family::Hresult,
        number: 0x8007_0005,
        name: "E_ACCESSDENIED",
        meaning: "Access denied (Win32 error 5 as an HRESULT); the Legacy Client logs it in decimal, 2147942405.",
        kind: "HRESULT",
        source: Some(Cite::Rule(SourceId::Q236052)),
        seen_in: &[Cite::Rule(SourceId::Q236052)],
    },
    CodeInfo {
        family: Family::Hresult,
        number: 0x8007_0035,
        name: "HRESULT_FROM_WIN32(ERROR_BAD_NETPATH)",
        meaning: "The network path was not found (Win32 error 53 as an HRESULT).",
        kind: "HRESULT",
        source: Some(Cite::Log(LogSource::Tnwiki0035)),
        seen_in: &[],
    },
    CodeInfo {
        family: Family::StatusMessage,
        number: 10003,
        name: "Status message 10003",
        meaning: "The client could not get the advertised program ready to run; the message names the operating system's error (1317 when the run account cannot be used).",
        kind: "SMS status message",
        source: Some(Cite::Rule(SourceId::Q264714)),
        seen_in: &[Cite::Rule(SourceId::Q235205), Cite::Rule(SourceId::Q307434)],
    },
    CodeInfo {
        family: Family::StatusMessage,
        number: 10050,
        name: "Status message 10050",
        meaning: "The program needs its package downloaded first, and the client's cache is smaller than the package.",
        kind: "SMS status message",
        source: Some(Cite::Rule(SourceId::Kb839513)),
        seen_in: &[],
    },
    CodeInfo {
        family: Family::EventId,
        number: 11925,
        name: "MsiInstaller event 11925",
        meaning: "Windows Installer's Application event for error 1925 (its event IDs are the error number plus 10,000).",
        kind: "Windows Installer event ID",
        source: Some(Cite::Log(LogSource::MsiEventLog)),
        seen_in: &[],
    },
];

/// The table's entry for a code of a family.
pub fn lookup(family: Family, number: u32) -> Option<&'static CodeInfo> {
    CODES
        .iter()
        .find(|c| c.family == family && c.number == number)
}

/// A code as read from a log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decoded {
    /// As the log spells it: `0x80070005`, `2147942405`, `-2147024891`, `5`.
    pub spelled: String,
    pub family: Family,
    /// Its value; an HRESULT as its unsigned 32 bits.
    pub value: u32,
    /// `0x80070005`, `0x525`.
    pub hex: String,
    /// The Win32 error it stands for: itself, or XXXX of an HRESULT 0x8007XXXX.
    pub win32: Option<u32>,
    /// The table's entry: the HRESULT's own when it has one, else its Win32 code's.
    pub info: Option<&'static CodeInfo>,
}

impl Decoded {
    fn new(spelled: &str, value: u32, hint: Option<Family>) -> Decoded {
        let (family, win32, info) = if value >= 0x8000_0000 {
            let win32 = (value >> 16 == 0x8007).then_some(value & 0xFFFF);
            let info = lookup(Family::Hresult, value)
                .or_else(|| win32.and_then(|w| lookup(Family::Win32, w)));
            (Family::Hresult, win32, info)
        } else {
            match hint {
                Some(f @ (Family::StatusMessage | Family::EventId | Family::Installer)) => {
                    (f, None, lookup(f, value))
                }
                _ => match (
                    lookup(Family::Win32, value),
                    lookup(Family::Installer, value),
                ) {
                    (None, Some(info)) => (Family::Installer, None, Some(info)),
                    (info, _) => (Family::Win32, Some(value), info),
                },
            }
        };
        Decoded {
            spelled: spelled.to_string(),
            family,
            value,
            hex: format!("0x{value:X}"),
            win32,
            info,
        }
    }

    /// Whether it is this Win32 code, in any spelling (`5`, `0x80070005`, `2147942405`).
    pub fn is_win32(&self, code: u32) -> bool {
        self.win32 == Some(code)
    }

    /// Whether it is this code of a family that is not Win32 (1925, 10050, 11925).
    pub fn is(&self, family: Family, number: u32) -> bool {
        self.family == family && self.value == number
    }
}

/// One spelling of a code on its own: `0x80070005`, `0x525`, `2147942405`, `(#2147942405)`,
/// `-2147024891`, `5`. `None` for anything else.
pub fn decode(spelling: &str) -> Option<Decoded> {
    let t = spelling.trim();
    let t = t.strip_prefix('(').unwrap_or(t);
    let t = t.strip_suffix(')').unwrap_or(t);
    let t = t.strip_prefix('#').unwrap_or(t);
    let value = number_value(t)?;
    Some(Decoded::new(t, value, None))
}

/// A code known by its family and number, as a line that does not spell it implies it (a
/// status message's text, Windows Installer's error text).
pub fn decode_as(family: Family, number: u32) -> Decoded {
    Decoded::new(&number.to_string(), number, Some(family))
}

/// The 32-bit value of `0x…`, `…` or `-…`.
fn number_value(t: &str) -> Option<u32> {
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        if hex.is_empty() || hex.len() > 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        return u32::from_str_radix(hex, 16).ok();
    }
    if let Some(neg) = t.strip_prefix('-') {
        if neg.is_empty() || !neg.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: i64 = neg.parse().ok()?;
        return (1..=0x8000_0000).contains(&v).then(|| (-v) as i32 as u32);
    }
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A code found in a message, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte range of its spelling in the message.
    pub start: usize,
    pub end: usize,
    pub code: Decoded,
}

/// Words that say the number after them is a code (compared in lower case, at the end of the
/// text before the number, once `=`, `:`, `#`, `(` and spaces are stripped).
const CODE_WORDS: &[&str] = &[
    "error",
    "code",
    "code is",
    "status",
    "status is",
    "returned",
    "result",
    "hr",
    "rc",
    "failed with",
    "gle",
];

/// Words that say the number after them is a status message or event ID.
const MESSAGE_WORDS: &[&str] = &["message id", "status message", "message"];
const EVENT_WORDS: &[&str] = &["event id", "event"];

/// Every code in a message. Numbers that are only part of a date, a time, a version, a
/// package or content ID, a GUID or a size are not codes; a plain decimal below 2^31 counts
/// only after words that make it one, or alone in parentheses when the table knows it.
pub fn find_codes(message: &str) -> Vec<Found> {
    let b = message.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && is_word(b[i - 1])) {
            i += 1;
            continue;
        }
        let hex = b[i] == b'0' && matches!(b.get(i + 1), Some(b'x' | b'X'));
        let digits_start = if hex { i + 2 } else { i };
        let mut end = digits_start;
        while end < b.len()
            && (if hex {
                b[end].is_ascii_hexdigit()
            } else {
                b[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == digits_start || (end < b.len() && is_word(b[end])) {
            i = end.max(i + 1);
            while i < b.len() && is_word(b[i]) {
                i += 1;
            }
            continue;
        }
        let negative = !hex && i > 0 && b[i - 1] == b'-' && (i < 2 || !is_word(b[i - 2]));
        let start = if negative { i - 1 } else { i };
        if compound(b, start, end) {
            i = end;
            continue;
        }
        let spelled = &message[start..end];
        if let Some(value) = number_value(spelled) {
            let before = &message[..start];
            let context = context_words(before);
            let in_parens = before.ends_with('(') && b.get(end) == Some(&b')');
            let hint = if ends_with_word(&context, MESSAGE_WORDS) {
                Some(Family::StatusMessage)
            } else if ends_with_word(&context, EVENT_WORDS) {
                Some(Family::EventId)
            } else {
                None
            };
            let worded = hint.is_some() || ends_with_word(&context, CODE_WORDS);
            let code = Decoded::new(spelled, value, hint);
            let counts = value >= 0x8000_0000
                || worded
                || (hex && code.info.is_some())
                || (in_parens && code.info.is_some() && code.family == Family::Win32);
            if counts {
                found.push(Found { start, end, code });
            }
        }
        i = end;
    }
    found
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether the number at `start..end` is one part of a compound such as a date
/// (`13-11-2013`), a time (`15:19:23`), a version (`2.1`), a content ID (`CEN0005E.2`) or a
/// GUID: a `-`, `.`, `:` or `/` joins it to a word or number on either side.
fn compound(b: &[u8], start: usize, end: usize) -> bool {
    let joiner = |c: u8| matches!(c, b'-' | b'.' | b':' | b'/');
    let left = start >= 2 && joiner(b[start - 1]) && is_word(b[start - 2]);
    let right = end + 1 < b.len() && joiner(b[end]) && is_word(b[end + 1]);
    left || right
}

/// The last 24 bytes or so before a number, without the `=`, `:`, `#`, `(` and spaces that
/// separate it from its words, in lower case.
fn context_words(before: &str) -> String {
    let trimmed = before.trim_end_matches([' ', '\t', '=', ':', '#', '(']);
    let mut from = trimmed.len().saturating_sub(24);
    while !trimmed.is_char_boundary(from) {
        from += 1;
    }
    trimmed[from..].to_ascii_lowercase()
}

/// Whether `context` ends with one of `words`, as whole words.
fn ends_with_word(context: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        context.ends_with(w) && {
            let head = &context.as_bytes()[..context.len() - w.len()];
            head.last().is_none_or(|c| !is_word(*c))
        }
    })
}
