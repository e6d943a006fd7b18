//! The rule book's vocabulary: every closed set of values credflow names, each with its stable
//! key (the public spelling in share links and JSON: `client=legacy`, `"outcome": "fails"`),
//! the label a person reads and one line of help, all in this one file. Each type's own
//! behaviour stays with the concept it belongs to (`Identity::counts_as` in `identity.rs`,
//! `SourceId::address` in `source.rs`, ...), and each is also named by that module
//! (`crate::scenario::Client`, `crate::identity::Identity`), where the code that uses it
//! finds it.

use crate::choice;

// The scenario's inputs, in the wizard's order (`scenario::INPUTS`).

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
        Vista = "vista", "Windows Vista / Server 2008", "User Account Control: a logged-on administrator starts programs with a standard-user token (ConfigMgr 2007 client only).";
        Win9x = "win9x", "Windows 98", "No local security and no service context: programs run as the logged-on user (Legacy Client only).";
    }
}

choice! {
    /// The target computer's processor architecture.
    Arch = "arch" {
        X86 = "x86", "32-bit Windows", "System32 and HKLM\\Software are what every program sees.";
        X64 = "x64", "64-bit Windows", "The 32-bit client's programs see SysWOW64 for System32 and Wow6432Node for HKLM\\Software (ConfigMgr 2007 client only).";
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
    /// The program option "Allow users to interact with this program".
    Interact = "interact" {
        Off = "0", "Hidden from the user", "The program's windows appear on no one's desktop.";
        On = "1", "Allow users to interact with this program", "The logged-on user sees the program's windows and can answer them (administrative rights only).";
    }
}

choice! {
    /// Whether the installer needs answers while it runs.
    Ui = "ui" {
        Silent = "silent", "Runs quietly", "The command line makes the installer ask nothing (/qn, a vendor's silent switch).";
        Prompts = "prompts", "Shows dialogs and waits", "The installer shows a dialog and waits for someone to answer it.";
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
        Script = "script", "Batch file or VBScript", "cmd.exe or cscript copies into System32 or Program Files and writes HKLM\\Software.";
    }
}

choice! {
    /// The advertisement's option on a fast (LAN) boundary. [SDK-ADV]
    Deploy = "deploy" {
        Download = "download", "Download content and run locally", "The client copies the package into its cache, then runs it from there.";
        RunDp = "rundp", "Run program from distribution point", "The program runs straight from the package share on the distribution point.";
    }
}

choice! {
    /// Where the nearest distribution point is.
    Boundary = "boundary" {
        Fast = "fast", "Fast (LAN) boundary", "A distribution point is on the client's own, fast boundary.";
        Slow = "slow", "Slow or unreliable boundary", "The only distribution point is across a slow or unreliable link.";
    }
}

choice! {
    /// The advertisement's option for slow or unreliable boundaries. [SDK-ADV]
    SlowMode = "slow" {
        None = "none", "Do not run program", "Across a slow boundary the advertisement does not run at all.";
        Download = "download", "Download content and run locally", "The client downloads the package across the slow link, then runs it.";
        RunDp = "rundp", "Run program from distribution point", "The program runs from the distant distribution point.";
    }
}

choice! {
    /// The program's drive mode. [CB-PKGPROG][CB-PDF]
    Drive = "drive" {
        Unc = "unc", "Runs with UNC name", "The client runs the program by its \\\\server\\share path.";
        Any = "any", "Requires drive letter", "The client maps the next free letter, from Z: backwards.";
        Fixed = "fixed", "Requires specific drive letter", "The client maps one letter chosen in the program.";
    }
}

choice! {
    /// With a specific drive letter: whether the client already uses it.
    Letter = "letter" {
        Free = "free", "The letter is free", "Nothing on the client uses the program's drive letter.";
        Taken = "taken", "The letter is in use", "A logon script or a user already mapped that letter.";
    }
}

choice! {
    /// Whether the program uses a drive letter that the user maps.
    Mapped = "mapped" {
        Off = "0", "No mapped drive letters", "The command line and installer use UNC paths or package-relative paths.";
        On = "1", "Uses the user's mapped drive", "The command line or installer uses a letter the user maps, such as S:\\setup.exe.";
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

// Who may read a share (`principal.rs`).

choice! {
    /// A principal in a share ACL.
    Principal = "principal" {
        Everyone = "everyone", "Everyone", "Every account that has logged on to the network.";
        Users = "users", "Authenticated Users", "Any domain user or computer account.";
        DomainUsers = "domain-users", "Domain Users", "Every user account of the domain.";
        DomainComputers = "domain-computers", "Domain Computers", "Every computer account (DOMAIN\\COMPUTER$) of the domain but the domain controllers'.";
        DomainControllers = "domain-controllers", "Domain Controllers", "Every domain controller's computer account.";
        Naa = "naa", "Network Access Account", "The site's Advanced Client / CM07 Network Access Account.";
        Siacct = "siacct", "Software Installation Account", "The site's Legacy Client Software Installation Account.";
        LoggedOnUser = "logged-on-user", "The logged-on user", "The interactive user's own domain account.";
        ClientConnection = "client-connection", "Client Connection Account", "The Legacy Client's SMSClient_<site> connection account.";
    }
}

// Who acts (`identity.rs`).

choice! {
    /// An account (or context) that runs a program or reaches a resource.
    Identity = "identity" {
        LoggedOnUser = "logged-on-user", "the logged-on user", "The interactive user's own domain account.";
        LocalSystem = "local-system", "Local System", "The Advanced / CM07 client's administrative context: full local rights.";
        ComputerAccount = "computer-account", "DOMAIN\\COMPUTER$", "How Local System appears on the network in a trusted domain.";
        ClientToken = "client-token", "SMSCliToknLocalAcct&", "The Legacy Client's administrative context: a user account elevated at install time, with local rights only.";
        ClientConnection = "client-connection", "SMSClient_<site>", "The Legacy Client's own connection account to CAPs and DPs.";
        SoftwareInstallationAccount = "software-installation-account", "Legacy Client Software Installation Account", "Runs the program and reaches shares, elevated if needed.";
        NetworkAccessAccount = "network-access-account", "Advanced Client Network Access Account", "Used to reach content the client cannot reach as itself.";
    }
}

// What a plan is made of (`model.rs`).

choice! {
    /// The result of a step. Ordered from best to worst.
    Outcome = "outcome" {
        Ok = "ok", "succeeds", "This step works.";
        AtRisk = "at-risk", "at risk", "This step works, but the result may not be what was meant.";
        Waits = "waits", "waits", "This step cannot happen yet; it will when the condition is met.";
        Fails = "fails", "fails", "This step stops the install.";
    }
}

choice! {
    /// The kinds of step, in the order the planner evaluates them.
    StepKind = "step" {
        Schedule = "schedule", "Schedule", "Can the program start now?";
        RunAs = "run-as", "Run as", "Which identity runs the program.";
        FetchContent = "fetch-content", "Fetch content", "Reading the package from the distribution point.";
        MapDrive = "map-drive", "Map drive", "The client maps a drive letter to the package share.";
        ConnectShare = "connect-share", "Connect to share", "Reaching a non-SMS share.";
        UseMappedDrive = "use-mapped-drive", "Use mapped drive", "Opening a path on a drive letter the user mapped.";
        UserInput = "user-input", "User input", "The installer's dialogs wait for an answer.";
        Install = "install", "Install", "Local writes by the identity that runs the program.";
    }
}

// The rule book's sources (`source.rs`).

choice! {
    /// A source of the rule book. Label: the real title; help: the product and kind.
    SourceId = "source" {
        S1 = "S1", "How IT Works: SMS Client-Side Software Installation (Steve Rachui, TechNet Magazine, July 2006)", "SMS 2003 · Microsoft magazine";
        Kb826871 = "KB826871", "KB 826871 (SMS 2003: the Legacy Client Software Installation Account and how clients access packages; title not preserved in the archived copy)", "SMS 2003 · Microsoft KB";
        Q199041 = "Q199041", "SMS: NET TIME Offered as a Package Will Not Traverse Domains", "SMS 2.0 · Microsoft KB";
        Q241982 = "Q241982", "SMS: Subst Command Locks Out SMSCliToknAcct& and SMSCCMBootAcct&", "SMS 2.0 · Microsoft KB";
        Q231399 = "Q231399", "SMS: SMSCliToknAcct& and/or SMSCliSvcAcct Accounts Locked Out", "SMS 2.0 · Microsoft KB";
        Q262341 = "Q262341", "SMS: SMSClitoknAcct& Account Lockout When HINV Is Run", "SMS 2.0 · Microsoft KB";
        Q244410 = "Q244410", "SMS: Smsapm32 Uses SMSCliToknAcct& to Search Mapped Drives", "SMS 2.0 · Microsoft KB";
        Q242011 = "Q242011", "SMS: APM Does Not Install Software on BDCs", "SMS 2.0 · Microsoft KB";
        Q235811 = "Q235811", "Using the SMS Windows NT Client Software Installation Account", "SMS 2.0 · Microsoft KB";
        Q235205 = "Q235205", "Advertised Program Does Not Run with 10003 Status Message", "SMS 2.0 · Microsoft KB";
        Q237759 = "Q237759", "Avoiding Client Lockouts When Using Client Connection Accounts", "SMS 2.0 · Microsoft KB";
        Q264714 = "Q264714", "SMS: WIN9X Clients Fail to Run Advert. w/ Status Message 10003", "SMS 2.0 · Microsoft KB";
        Q293487 = "Q293487", "SMS: Advertisements That Should Run at Next Logon May Not Run", "SMS 2.0 · Microsoft KB";
        Q307434 = "Q307434", "SMS: SMSCliToknAcct& Lockout with Software Installation Account", "SMS 2.0 · Microsoft KB";
        Q236052 = "Q236052", "SMS: How to Recover When a Client Connection Account Is Locked Out", "SMS 2.0 · Microsoft KB";
        Kb226113 = "KB226113", "SMS: Client Does Not Use Existing Connection for CAP or DP", "SMS 2.0 and 2003 · Microsoft KB";
        Kb839513 = "KB839513", "How the Systems Management Server 2003 Advanced Client manages its cache", "SMS 2003 · Microsoft KB";
        Kb867490 = "KB867490", "A list of log files that are created in Systems Management Server 2003", "SMS 2003 · Microsoft KB";
        Kb942589 = "KB942589", "A 32-bit application cannot access the system32 folder on a computer that is running a 64-bit version of Windows Server 2003 or of Windows XP", "Windows XP / Server 2003 x64 · Microsoft KB";
        Sms03AcctLife = "SMS03-ACCTLIFE", "Planning for SMS Account Lifecycles", "SMS 2003 · Microsoft docs";
        Sms03AcctMin = "SMS03-ACCTMIN", "Minimizing the Number of Accounts SMS Uses", "SMS 2003 · Microsoft docs";
        Sms20Env = "SMS20-ENV", "Program Properties Dialog Box: Environment Tab (SMS 2.0 online help)", "SMS 2.0 · Microsoft docs";
        Cm07Naa = "CM07-NAA", "About the Network Access Account (Configuration Manager 2007 documentation; title inferred from the page's content)", "ConfigMgr 2007 · Microsoft docs";
        Cm07Flow = "CM07-FLOW", "Configuration Manager 2007 flowchart: the security context clients use to download a package from an intranet distribution point (title not shown in the archived copy)", "ConfigMgr 2007 · Microsoft docs";
        Cm07PkgAccess = "CM07-PKGACCESS", "Configuration Manager 2007 package access scenarios: \"Advertisement Configured to Run from the Distribution Point\" (title not shown in the archived copy)", "ConfigMgr 2007 · Microsoft docs";
        Cm07Env = "CM07-ENV", "Configuration Manager 2007 Software Distribution <Program Name> Properties: Environment Tab", "ConfigMgr 2007 · Microsoft docs";
        Cm07Req = "CM07-REQ", "Configuration Manager 2007 New Program Wizard: Requirements page, and <Program Name> Properties: Requirements tab", "ConfigMgr 2007 · Microsoft docs";
        Cm07Logs = "CM07-LOGS", "List of Log Files in Configuration Manager 2007", "ConfigMgr 2007 · Microsoft docs";
        SdkAdv = "SDK-ADV", "SMS_Advertisement Server WMI Class (Configuration Manager 2007 SDK)", "ConfigMgr 2007 · Microsoft SDK";
        CbAccounts = "CB-ACCOUNTS", "Accounts used in Configuration Manager; Manage accounts to access content", "ConfigMgr current branch · Microsoft docs";
        CbPkgProg = "CB-PKGPROG", "Packages and programs in Configuration Manager", "ConfigMgr current branch · Microsoft docs";
        CbPdf = "CB-PDF", "Package definition files", "ConfigMgr current branch · Microsoft docs";
        WinLocalSystem = "WIN-LOCALSYSTEM", "LocalSystem Account", "Windows · Microsoft docs";
        WinRedirDrives = "WIN-REDIRDRIVES", "Services and Redirected Drives", "Windows · Microsoft docs";
        AdGroups = "AD-GROUPS", "Active Directory security groups", "Windows Server · Microsoft docs";
        MsiAllusers = "MSI-ALLUSERS", "ALLUSERS property (Windows Installer)", "Windows Installer · Microsoft docs";
        MsiContext = "MSI-CONTEXT", "Installation Context (Windows Installer)", "Windows Installer · Microsoft docs";
        MsiErrors = "MSI-ERRORS", "Windows Installer Error Messages", "Windows Installer · Microsoft docs";
        MsiExit = "MSI-EXIT", "MsiExec.exe and InstMsi.exe Error Messages", "Windows Installer · Microsoft docs";
        UacHow = "UAC-HOW", "How User Account Control works", "Windows Vista and later · Microsoft docs";
        Wow64Fsr = "WOW64-FSR", "File System Redirector", "Windows x64 · Microsoft docs";
        Wow64Reg = "WOW64-REG", "Registry Redirector", "Windows x64 · Microsoft docs";
        CommSandys = "COMM-SANDYS", "ConfigMgr 2012 and 32-bit Application Installers (Jason Sandys)", "ConfigMgr 2007 / 2012 · community blog";
        MsjpSysnative = "MSJP-SYSNATIVE", "パッケージの展開が失敗した時に確認したいポイント ~ sysnative 編 ~ (Configuration Manager support team Japan blog, 2022)", "MECM · Microsoft support blog";
    }
}
