//! The rule book's sources: each id with its real title, its address and what kind of source
//! it is. Every rule names the ids of the sources it rests on; the page and the CLI show the
//! title and link the address (a plain link: nothing is requested).

use crate::choice;

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

impl SourceId {
    /// The source's real title.
    pub fn title(self) -> &'static str {
        self.label()
    }

    /// The product it is about and what kind of source it is.
    pub fn kind(self) -> &'static str {
        self.help()
    }

    /// Where to read it: a plain address the user may follow.
    pub fn address(self) -> &'static str {
        use SourceId::*;
        match self {
            S1 => "https://learn.microsoft.com/en-us/previous-versions/technet-magazine/cc160972(v=msdn.10)",
            Kb826871 => "https://cave.servium.ch/mirror/ftp.zx.net.nz/archive/ftp.microsoft.com/MISC/KB/en-us/826/871.HTM",
            Q199041 => "https://jeffpar.github.io/kbarchive/kb/199/Q199041/",
            Q241982 => "https://jeffpar.github.io/kbarchive/kb/241/Q241982/",
            Q231399 => "https://jeffpar.github.io/kbarchive/kb/231/Q231399/",
            Q262341 => "https://jeffpar.github.io/kbarchive/kb/262/Q262341/",
            Q244410 => "https://jeffpar.github.io/kbarchive/kb/244/Q244410/",
            Q242011 => "https://jeffpar.github.io/kbarchive/kb/242/Q242011/",
            Q235811 => "https://jeffpar.github.io/kbarchive/kb/235/Q235811/",
            Q235205 => "https://jeffpar.github.io/kbarchive/kb/235/Q235205/",
            Q237759 => "https://jeffpar.github.io/kbarchive/kb/237/Q237759/",
            Q264714 => "https://jeffpar.github.io/kbarchive/kb/264/Q264714/",
            Q293487 => "https://jeffpar.github.io/kbarchive/kb/293/Q293487/",
            Q307434 => "https://jeffpar.github.io/kbarchive/kb/307/Q307434/",
            Q236052 => "https://cave.servium.ch/mirror/ftp.zx.net.nz/archive/ftp.microsoft.com/MISC/KB/en-us/236/052.HTM",
            Kb226113 => "https://ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/226/113.HTM",
            Kb839513 => "https://mskb.pkisolutions.com/kb/839513",
            Kb867490 => "https://ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/867/490.HTM",
            Kb942589 => "https://mskb.pkisolutions.com/kb/942589",
            Sms03AcctLife => "https://technet.microsoft.com/en-us/library/cc181332.aspx",
            Sms03AcctMin => "https://technet.microsoft.com/en-us/library/cc181597.aspx",
            Sms20Env => "http://systemscenter.ru/sms20hlp.en/distrbsw/dpgmprp3.htm",
            Cm07Naa => "http://systemscenter.ru/smsv4.en/html/27d044a8-eb1b-4a6c-8b06-0c286fcd44b7.htm",
            Cm07Flow => "https://systemscenter.ru/smsv4.en/html/d36aa432-becb-4ca7-b256-7b35e73704e7.htm",
            Cm07PkgAccess => "http://systemscenter.ru/smsv4.en/html/96a5181b-8dd7-4cda-a1a5-59b05155fa66.htm",
            Cm07Env => "http://systemscenter.ru/smsv4.en/html/e917d58b-ce62-4d87-a0a3-e3005ba5baaa.htm",
            Cm07Req => "http://systemscenter.ru/smsv4.en/html/3a41d4d1-0762-4379-9df7-b5803eb09595.htm",
            Cm07Logs => "http://technet.microsoft.com/en-us/library/bb892800.aspx",
            SdkAdv => "https://learn.microsoft.com/en-us/previous-versions/system-center/developer/cc146108(v=msdn.10)",
            CbAccounts => "https://learn.microsoft.com/mem/configmgr/core/plan-design/hierarchy/accounts",
            CbPkgProg => "https://learn.microsoft.com/mem/configmgr/apps/deploy-use/packages-and-programs",
            CbPdf => "https://learn.microsoft.com/mem/configmgr/apps/deploy-use/package-definition-files",
            WinLocalSystem => "https://learn.microsoft.com/windows/win32/services/localsystem-account",
            WinRedirDrives => "https://learn.microsoft.com/en-us/windows/win32/services/services-and-redirected-drives",
            AdGroups => "https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/manage/understand-security-groups",
            MsiAllusers => "https://learn.microsoft.com/windows/win32/msi/allusers",
            MsiContext => "https://learn.microsoft.com/windows/win32/msi/installation-context",
            MsiErrors => "https://learn.microsoft.com/windows/win32/msi/windows-installer-error-messages",
            MsiExit => "https://learn.microsoft.com/windows/win32/msi/error-codes",
            UacHow => "https://learn.microsoft.com/windows/security/application-security/application-control/user-account-control/how-it-works",
            Wow64Fsr => "https://learn.microsoft.com/windows/win32/winprog64/file-system-redirector",
            Wow64Reg => "https://learn.microsoft.com/windows/win32/winprog64/registry-redirector",
            CommSandys => "https://home.memftw.com/configmgr-2012-and-32-bit-application-installers/",
            MsjpSysnative => "https://jpmem.github.io/blog/mecm/20220125_01/",
        }
    }
}
