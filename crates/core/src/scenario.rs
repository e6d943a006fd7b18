//! The scenario: every input the wizard asks, with the rule book's keys. Each input's values
//! are declared with the rest of the vocabulary in `vocabulary.rs`.

use crate::choice::Opt;
use crate::principal::Readers;
pub use crate::vocabulary::{
    Account, Arch, Boundary, Client, Deploy, Domain, Drive, Installer, Interact, Letter, Logon,
    Mapped, Os, Role, Run, Sia, SlowMode, Source, Ui, When,
};

/// A non-SMS share the program reads, with who may read it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Share {
    /// The UNC path as typed (`\\server\share\folder`).
    pub unc: String,
    pub readers: Readers,
}

impl Share {
    pub fn new(unc: impl Into<String>, readers: Readers) -> Self {
        Share {
            unc: unc.into(),
            readers,
        }
    }
}

/// The most shares a scenario may list.
pub const MAX_SHARES: usize = 500;
/// The longest UNC path accepted: Windows' classic MAX_PATH, which setup programs of the
/// period cannot exceed anyway.
pub const MAX_UNC_CHARS: usize = 260;

/// Every input of the rule book. `Scenario::default()` is the rule book's defaults.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    pub client: Client,
    pub os: Os,
    pub arch: Arch,
    pub role: Role,
    pub domain: Domain,
    pub run: Run,
    pub when: When,
    pub sia: Sia,
    pub interact: Interact,
    pub ui: Ui,
    pub logon: Logon,
    pub installer: Installer,
    pub deploy: Deploy,
    pub boundary: Boundary,
    pub slow: SlowMode,
    pub drive: Drive,
    pub letter: Letter,
    pub mapped: Mapped,
    /// The site's (Advanced Client / CM07) Network Access Account.
    pub naa: Account,
    /// The site's Legacy Client Software Installation Account.
    pub siacct: Account,
    pub source: Source,
    /// Who may read the DP package share.
    pub dpacl: Readers,
    /// Non-SMS shares in order; with `source=unc` the first is the program's own source.
    pub shares: Vec<Share>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            client: Client::default(),
            os: Os::default(),
            arch: Arch::default(),
            role: Role::default(),
            domain: Domain::default(),
            run: Run::default(),
            when: When::default(),
            sia: Sia::default(),
            interact: Interact::default(),
            ui: Ui::default(),
            logon: Logon::default(),
            installer: Installer::default(),
            deploy: Deploy::default(),
            boundary: Boundary::default(),
            slow: SlowMode::default(),
            drive: Drive::default(),
            letter: Letter::default(),
            mapped: Mapped::default(),
            naa: Account::default(),
            siacct: Account::default(),
            source: Source::default(),
            dpacl: Readers::DEFAULT_DP,
            shares: Vec::new(),
        }
    }
}

/// How the program reaches its package on the distribution point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Download into the client cache, then run locally. [KB839513]
    Download,
    /// Run from the package share over SMB. [CM07-PKGACCESS]
    RunDp,
    /// The advertisement does not run: slow boundary, "Do not run program". [SDK-ADV]
    NoRun,
}

impl Scenario {
    /// The effective content mode: the slow-boundary option on a slow boundary, else the
    /// fast-boundary one; always run-from-DP on the Legacy Client (inferred: it has no
    /// download mode).
    pub fn effective_mode(&self) -> Mode {
        if self.client == Client::Legacy {
            return Mode::RunDp;
        }
        match (self.boundary, self.slow, self.deploy) {
            (Boundary::Slow, SlowMode::None, _) => Mode::NoRun,
            (Boundary::Slow, SlowMode::Download, _) => Mode::Download,
            (Boundary::Slow, SlowMode::RunDp, _) => Mode::RunDp,
            (Boundary::Fast, _, Deploy::Download) => Mode::Download,
            (Boundary::Fast, _, Deploy::RunDp) => Mode::RunDp,
        }
    }

    /// Whether a user is logged on when the program runs: with "only when a user is logged
    /// on" one is (the schedule waits for one), with "only when no user" nobody, otherwise as
    /// `logon` says.
    pub fn user_at_run_time(&self) -> bool {
        match self.when {
            When::User => true,
            When::NoUser => false,
            When::Any => self.logon != Logon::None,
        }
    }
}

/// A single-valued input of the wizard: its key in links, its title, and its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Input {
    pub key: &'static str,
    pub title: &'static str,
    pub options: &'static [Opt],
}

/// Declares [`INPUTS`], [`V1_KEYS`], [`Scenario::value`] and [`Scenario::set`] from one
/// list, so that a key is written once. An input marked `v1` is one of rule book v1's.
macro_rules! inputs {
    (@v1 v1 $ty:ident) => { $ty::KEY };
    ($( $field:ident : $ty:ident, $title:literal $(, $v1:ident)?; )+) => {
        $(
            impl $ty {
                /// This input as the wizard and the link name it.
                pub const INPUT: Input = Input { key: $ty::KEY, title: $title, options: $ty::OPTIONS };
            }
        )+

        /// The single-valued inputs, in the rule book's order (which is also the link's order).
        pub const INPUTS: &[Input] = &[ $( $ty::INPUT, )+ ];

        /// The inputs of rule book v1, which [`combinations`] walks.
        pub const V1_KEYS: &[&str] = &[ $( $( inputs!(@v1 $v1 $ty), )? )+ ];

        impl Scenario {
            /// The value of a single-valued input, by key (`client` → `legacy`).
            pub fn value(&self, key: &str) -> Option<&'static str> {
                $( if key == $ty::KEY { return Some(self.$field.key()); } )+
                None
            }

            /// Sets a single-valued input by key and value key, as a link or the wizard gives
            /// them.
            pub fn set(&mut self, key: &str, value: &str) -> Result<(), SetError> {
                $(
                    if key == $ty::KEY {
                        self.$field = $ty::from_key(value).ok_or(SetError::UnknownValue)?;
                        return Ok(());
                    }
                )+
                Err(SetError::UnknownKey)
            }
        }
    };
}

inputs! {
    client: Client, "Client", v1;
    os: Os, "Operating system", v1;
    arch: Arch, "Architecture";
    role: Role, "Computer role", v1;
    domain: Domain, "Domain", v1;
    run: Run, "Run mode", v1;
    when: When, "Program can run", v1;
    sia: Sia, "Software Installation Account option", v1;
    interact: Interact, "User interaction";
    ui: Ui, "Installer dialogs";
    logon: Logon, "Who is logged on", v1;
    installer: Installer, "Installer", v1;
    deploy: Deploy, "On a fast boundary";
    boundary: Boundary, "Nearest distribution point";
    slow: SlowMode, "On a slow boundary";
    drive: Drive, "Drive mode";
    letter: Letter, "Drive letter";
    mapped: Mapped, "Mapped drive letters";
    naa: Naa, "Network Access Account", v1;
    siacct: SiAcct, "Software Installation Account", v1;
    source: Source, "Program files", v1;
}

/// The site's Network Access Account as an input ([`Naa::INPUT`]): the site accounts share
/// one set of values ([`Account`]); each input has its own key.
pub struct Naa;
/// The site's Software Installation Account as an input ([`SiAcct::INPUT`]).
pub struct SiAcct;
impl Naa {
    const KEY: &'static str = "naa";
    const OPTIONS: &'static [Opt] = Account::OPTIONS;
    fn from_key(v: &str) -> Option<Account> {
        Account::from_key(v)
    }
}
impl SiAcct {
    const KEY: &'static str = "siacct";
    const OPTIONS: &'static [Opt] = Account::OPTIONS;
    fn from_key(v: &str) -> Option<Account> {
        Account::from_key(v)
    }
}

impl Input {
    /// The input with this key.
    pub fn by_key(key: &str) -> Option<&'static Input> {
        INPUTS.iter().find(|i| i.key == key)
    }

    /// The label of one of its values.
    pub fn label(&self, value: &str) -> Option<&'static str> {
        self.options
            .iter()
            .find(|o| o.key == value)
            .map(|o| o.label)
    }
}

/// Every combination of rule book v1's single-valued inputs ([`V1_KEYS`], with every value
/// each has today: 93,312 of them), each on a copy of `base` (its other inputs, reader lists
/// and shares), valid or not, in a fixed order: the first input varies slowest. For
/// exhaustive tests and benchmarks. (All of v2's inputs together would be about a hundred
/// million; tests cross these with chosen values of the others.)
pub fn combinations(base: &Scenario) -> impl Iterator<Item = Scenario> + '_ {
    let inputs: Vec<&'static Input> = V1_KEYS.iter().filter_map(|k| Input::by_key(k)).collect();
    let total: usize = inputs.iter().map(|i| i.options.len()).product();
    (0..total).map(move |mut n| {
        let mut s = base.clone();
        for input in inputs.iter().rev() {
            let count = input.options.len();
            // Every option comes from the input's own table, so `set` cannot refuse it.
            let _ = s.set(input.key, input.options[n % count].key);
            n /= count;
        }
        s
    })
}

/// Why [`Scenario::set`] refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetError {
    UnknownKey,
    UnknownValue,
}

/// The characters Windows allows in no server, share or folder name.
pub const FORBIDDEN_IN_NAMES: &[char] = &['<', '>', ':', '"', '|', '?', '*'];

/// A share path as credflow keeps it (`\\server\share[\folder…]`), from what a person typed
/// or a link held; or why it is not a usable share path.
///
/// Written as an administrator would read it: `//fs01/apps` (and any `/`) is the same path
/// with backslashes, and `\\?\UNC\fs01\apps` (Windows' long-path form) is `\\fs01\apps`.
/// Refused: a path longer than [`MAX_UNC_CHARS`] once written so, control characters, a
/// local or device path (`C:\apps`, `\\?\C:\apps`, `\\.\pipe\x`), a missing server or share
/// name, and the characters Windows forbids in names ([`FORBIDDEN_IN_NAMES`]). The error is
/// the rest of a sentence that starts with the path: `is not a UNC path: …`.
pub fn check_unc(text: &str) -> Result<String, String> {
    let unc = text.replace('/', "\\");
    let unc = match long_path_unc(&unc) {
        Some(rest) => format!("\\\\{rest}"),
        None => unc,
    };
    let chars = unc.chars().count();
    if chars > MAX_UNC_CHARS {
        return Err(format!(
            "is {chars} characters long; a path may have at most {MAX_UNC_CHARS}"
        ));
    }
    if unc.chars().any(char::is_control) {
        return Err("contains a control character".into());
    }
    let Some(rest) = unc.strip_prefix("\\\\") else {
        let drive = unc.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && unc[1..].starts_with(':');
        return Err(if drive {
            "is a local path, not a share: a share path starts with \\\\server\\share".into()
        } else {
            "is not a UNC path: it must start with \\\\server\\share".into()
        });
    };
    let mut parts = rest.split('\\');
    let server = parts.next().unwrap_or("");
    if server == "?" || server == "." {
        return Err(format!(
            "is a Windows device path (\\\\{server}\\…), not a share: write a share as \\\\server\\share"
        ));
    }
    let share = parts.next().unwrap_or("");
    if server.trim().is_empty() || share.trim().is_empty() {
        return Err(
            "is not a UNC path: it needs a server and a share name (\\\\server\\share)".into(),
        );
    }
    for name in rest.split('\\') {
        if let Some(c) = name.chars().find(|c| FORBIDDEN_IN_NAMES.contains(c)) {
            return Err(format!(
                "has \"{c}\" in the name \"{}\": Windows allows none of < > : \" | ? * in a server, share or folder name",
                quoted_name(name)
            ));
        }
    }
    Ok(unc)
}

/// `server\share…` of a path in Windows' long-path form, `\\?\UNC\server\share…` (or its
/// device form `\\.\UNC\…`).
fn long_path_unc(unc: &str) -> Option<&str> {
    let rest = unc
        .strip_prefix("\\\\?\\")
        .or_else(|| unc.strip_prefix("\\\\.\\"))?;
    let (head, rest) = rest.split_once('\\')?;
    head.eq_ignore_ascii_case("UNC").then_some(rest)
}

/// A name as a message quotes it: at most 40 characters.
fn quoted_name(name: &str) -> String {
    if name.chars().count() <= 40 {
        name.to_string()
    } else {
        name.chars().take(40).chain(['…']).collect()
    }
}

/// Whether two share paths name the same folder: Windows compares names without regard to
/// case, and a trailing backslash changes nothing (`\\FS01\APPS\` is `\\fs01\apps`).
pub fn same_unc(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('\\').chars().map(fold_case);
    let b = b.trim_end_matches('\\').chars().map(fold_case);
    a.eq(b)
}

/// A share path (or a part of one) as [`same_unc`] compares it, for keys and lookups: without
/// its trailing backslashes, its capitals as small letters.
pub fn unc_key(unc: &str) -> String {
    unc.trim_end_matches('\\').chars().map(fold_case).collect()
}

/// A capital letter of the Latin, Greek or Cyrillic alphabets as its small letter; any other
/// character as it is. Share and server names are written in these alphabets; the standard
/// library's `to_lowercase` would make the page ship Unicode's whole case tables for the
/// comparison above.
fn fold_case(c: char) -> char {
    let n = c as u32;
    let small = match n {
        // A–Z, À–Þ (but ×), Α–Ω, А–Я: the small letter is 32 further on.
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            n + 32
        }
        // Ѐ–Џ: 80 further on.
        0x400..=0x40F => n + 0x50,
        // Latin Extended-A pairs a capital with the small letter after it: even capitals up
        // to ķ and from Ŋ, odd ones from Ĺ to Ň and from Ź; Ÿ's small letter is ÿ. (İ, ı and
        // ĸ have no plain pair.)
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n.is_multiple_of(2) => n + 1,
        0x139..=0x148 | 0x179..=0x17E if !n.is_multiple_of(2) => n + 1,
        0x178 => 0xFF,
        _ => n,
    };
    char::from_u32(small).unwrap_or(c)
}

/// The first of `shares` that names the same folder as `unc`, by its index.
pub fn listed_share(shares: &[Share], unc: &str) -> Option<usize> {
    shares.iter().position(|s| same_unc(&s.unc, unc))
}
