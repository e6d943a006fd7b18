//! The rule book's sources: each id (declared with its real title and what kind of source it
//! is in `vocabulary.rs`) with its address. Every rule names the ids of the sources it rests
//! on; the page and the CLI show the title and link the address (a plain link: nothing is
//! requested).

pub use crate::vocabulary::SourceId;

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
