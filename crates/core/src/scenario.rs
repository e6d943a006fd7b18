//! The scenario: every input the wizard asks, with the rule book's keys and values.

use crate::choice;
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
