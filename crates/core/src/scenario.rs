//! The scenario: every input the wizard asks, with the rule book's keys and values.

use crate::choice;
use crate::choice::Opt;
use crate::principal::Readers;

choice! {
    /// Which SMS / ConfigMgr client runs the program.
    Client = "client" {
        Advanced = "advanced", "SMS 2003 Advanced Client", "The SMS 2003 agent that runs as a Windows service (Local System).";
        Legacy = "legacy", "SMS 2003 Legacy Client", "The older SMS 2003 client; runs programs as its token account or the Software Installation Account.";
        Cm07 = "cm07", "ConfigMgr 2007 client", "The Configuration Manager 2007 client; like the Advanced Client, it runs as Local System.";
    }
}

choice! {
    /// The target computer's operating system family.
    Os = "os" {
        Nt = "nt", "Windows 2000 / XP / Server 2003", "NT-family Windows with local security (accounts, ACLs, HKLM).";
        Win9x = "win9x", "Windows 98", "No local security and no service context: programs run as the logged-on user (Legacy Client only).";
    }
}

choice! {
    /// The target computer's role.
    Role = "role" {
        Workstation = "workstation", "Workstation", "A desktop or laptop.";
        MemberServer = "member-server", "Member server", "A server joined to the domain.";
        DomainController = "domain-controller", "Domain controller", "Has no local SAM: the Legacy Client's token account is one domain account shared by every DC.";
    }
}

choice! {
    /// Whether the computer is in a domain the site trusts.
    Domain = "domain" {
        Trusted = "trusted", "Trusted Active Directory domain", "The computer and its users have domain identities the site's servers accept.";
        Untrusted = "untrusted", "Workgroup, NT 4.0 domain or untrusted forest", "The computer's own identities mean nothing to the site's servers.";
    }
}

choice! {
    /// The program's Run mode.
    Run = "run" {
        Admin = "admin", "Run with administrative rights", "The client runs the program in its own administrative context.";
        User = "user", "Run with user's rights", "The program runs as the logged-on user, with that user's rights.";
    }
}

choice! {
    /// When the program is allowed to run.
    When = "when" {
        Any = "any", "Whether or not a user is logged on", "The program starts as soon as it is due.";
        User = "user", "Only when a user is logged on", "The program waits for a logon.";
        NoUser = "nouser", "Only when no user is logged on", "The program waits until everyone has logged off.";
    }
}

choice! {
    /// The program option "use the Software Installation Account".
    Sia = "sia" {
        Off = "0", "Do not use the Software Installation Account", "The Legacy Client runs the program as its token account.";
        On = "1", "Use the Software Installation Account", "The Legacy Client runs the program as the site's Software Installation Account (admin rights, whether or not a user is logged on).";
    }
}

choice! {
    /// Who is logged on when the program is due.
    Logon = "logon" {
        None = "none", "Nobody", "The computer sits at the logon screen.";
        User = "user", "A standard user", "A user without local administrator rights.";
        Admin = "admin", "A local administrator", "A user who is a member of the local Administrators group.";
    }
}

choice! {
    /// What kind of installer the program runs.
    Installer = "installer" {
        MsiMachine = "msi-machine", "Per-machine MSI (ALLUSERS=1)", "Writes Program Files and HKLM; needs administrative rights.";
        MsiAllusers2 = "msi-allusers2", "MSI with ALLUSERS=2", "Per-machine when the account is an administrator, per-user otherwise.";
        MsiUser = "msi-user", "Per-user MSI (no ALLUSERS)", "Installs into the profile of whichever account runs it.";
        SetupAdmin = "setup-admin", "Setup program that needs admin rights", "A setup.exe that writes Program Files or HKLM.";
        SetupUser = "setup-user", "Setup program that runs without admin rights", "A setup.exe that needs no administrative rights.";
    }
}

choice! {
    /// Whether a site account is configured (Network Access Account, Software Installation Account).
    Account = "account" {
        None = "none", "Not configured", "The site has no such account.";
        Set = "set", "Configured", "The site has this account set.";
    }
}

choice! {
    /// Where the program's files are.
    Source = "source" {
        Dp = "dp", "In the package on a distribution point", "The client downloads or runs the files from the SMS distribution point.";
        Unc = "unc", "On a non-SMS share (UNC path)", "The command line runs the files from the first share below, outside SMS.";
    }
}

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
    pub role: Role,
    pub domain: Domain,
    pub run: Run,
    pub when: When,
    pub sia: Sia,
    pub logon: Logon,
    pub installer: Installer,
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
            role: Role::default(),
            domain: Domain::default(),
            run: Run::default(),
            when: When::default(),
            sia: Sia::default(),
            logon: Logon::default(),
            installer: Installer::default(),
            naa: Account::default(),
            siacct: Account::default(),
            source: Source::default(),
            dpacl: Readers::DEFAULT_DP,
            shares: Vec::new(),
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

/// The single-valued inputs, in the rule book's order (which is also the link's order).
pub const INPUTS: &[Input] = &[
    Input {
        key: "client",
        title: "Client",
        options: Client::OPTIONS,
    },
    Input {
        key: "os",
        title: "Operating system",
        options: Os::OPTIONS,
    },
    Input {
        key: "role",
        title: "Computer role",
        options: Role::OPTIONS,
    },
    Input {
        key: "domain",
        title: "Domain",
        options: Domain::OPTIONS,
    },
    Input {
        key: "run",
        title: "Run mode",
        options: Run::OPTIONS,
    },
    Input {
        key: "when",
        title: "Program can run",
        options: When::OPTIONS,
    },
    Input {
        key: "sia",
        title: "Software Installation Account option",
        options: Sia::OPTIONS,
    },
    Input {
        key: "logon",
        title: "Who is logged on",
        options: Logon::OPTIONS,
    },
    Input {
        key: "installer",
        title: "Installer",
        options: Installer::OPTIONS,
    },
    Input {
        key: "naa",
        title: "Network Access Account",
        options: Account::OPTIONS,
    },
    Input {
        key: "siacct",
        title: "Software Installation Account",
        options: Account::OPTIONS,
    },
    Input {
        key: "source",
        title: "Program files",
        options: Source::OPTIONS,
    },
];

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

/// Every combination of the single-valued inputs ([`INPUTS`]: 51,840 of them), each on a copy
/// of `base` (its reader lists and shares), valid or not, in a fixed order: the first input
/// varies slowest. For exhaustive tests and benchmarks.
pub fn combinations(base: &Scenario) -> impl Iterator<Item = Scenario> + '_ {
    let total: usize = INPUTS.iter().map(|i| i.options.len()).product();
    (0..total).map(move |mut n| {
        let mut s = base.clone();
        for input in INPUTS.iter().rev() {
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

impl Scenario {
    /// The value of a single-valued input, by key (`client` → `legacy`).
    pub fn value(&self, key: &str) -> Option<&'static str> {
        Some(match key {
            "client" => self.client.key(),
            "os" => self.os.key(),
            "role" => self.role.key(),
            "domain" => self.domain.key(),
            "run" => self.run.key(),
            "when" => self.when.key(),
            "sia" => self.sia.key(),
            "logon" => self.logon.key(),
            "installer" => self.installer.key(),
            "naa" => self.naa.key(),
            "siacct" => self.siacct.key(),
            "source" => self.source.key(),
            _ => return None,
        })
    }

    /// Sets a single-valued input by key and value key, as a link or the wizard gives them.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), SetError> {
        fn pick<T>(v: Option<T>, slot: &mut T) -> Result<(), SetError> {
            *slot = v.ok_or(SetError::UnknownValue)?;
            Ok(())
        }
        match key {
            "client" => pick(Client::from_key(value), &mut self.client),
            "os" => pick(Os::from_key(value), &mut self.os),
            "role" => pick(Role::from_key(value), &mut self.role),
            "domain" => pick(Domain::from_key(value), &mut self.domain),
            "run" => pick(Run::from_key(value), &mut self.run),
            "when" => pick(When::from_key(value), &mut self.when),
            "sia" => pick(Sia::from_key(value), &mut self.sia),
            "logon" => pick(Logon::from_key(value), &mut self.logon),
            "installer" => pick(Installer::from_key(value), &mut self.installer),
            "naa" => pick(Account::from_key(value), &mut self.naa),
            "siacct" => pick(Account::from_key(value), &mut self.siacct),
            "source" => pick(Source::from_key(value), &mut self.source),
            _ => Err(SetError::UnknownKey),
        }
    }
}

/// Why a UNC path is not acceptable, if it is not.
pub fn check_unc(unc: &str) -> Result<(), String> {
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
        return Err("is not a UNC path: it must start with \\\\server\\share".into());
    };
    let mut parts = rest.split('\\');
    let server = parts.next().unwrap_or("");
    let share = parts.next().unwrap_or("");
    if server.trim().is_empty() || share.trim().is_empty() {
        return Err(
            "is not a UNC path: it needs a server and a share name (\\\\server\\share)".into(),
        );
    }
    Ok(())
}
