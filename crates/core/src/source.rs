//! The rule book's sources. Every rule names the ids of the sources it rests on.

use crate::choice;

choice! {
    /// A source of the rule book.
    SourceId = "source" {
        S1 = "S1", "TechNet Magazine, \"How IT Works: SMS Client-Side Software Installation\" (S. Rachui, 2006)", "Microsoft magazine";
        Kb826871 = "KB826871", "KB 826871: SMS 2003 Legacy Client Software Installation Account and package access", "Microsoft KB";
        Q199041 = "Q199041", "SMS 2.0 KB: the \"administrative rights\" context runs with local machine rights only, no domain rights", "Microsoft KB";
        Q241982 = "Q241982", "SMS 2.0 KB: the client token account is for local use; network use can lock out the domain copy shared by DCs", "Microsoft KB";
        Q264714 = "Q264714", "SMS KB: Windows 9x runs only in user context; choosing the Software Installation Account there fails with error 1317", "Microsoft KB";
        Q307434 = "Q307434", "SMS KB: Advertised Programs Manager (SMSAPM32) runs as the token account, switches to the Software Installation Account while the program runs; its own connections use the Client Connection Account", "Microsoft KB";
        Cm07Naa = "CM07-NAA", "ConfigMgr 2007 docs, \"About the Network Access Account\"", "Microsoft docs";
        Cm07Env = "CM07-ENV", "ConfigMgr 2007 docs, program Environment tab; package definition fields CanRunWhen, AdminRightsRequired, UseInstallAccount", "Microsoft docs";
        Kb925282 = "KB925282", "KB 925282: the Network Access Account is required for workgroup, NT 4.0 domain and untrusted-forest clients", "Microsoft KB";
        Kb867490 = "KB867490", "KB 867490: SMS 2003 log files and their folders", "Microsoft KB";
        MsiAllusers = "MSI-ALLUSERS", "Windows Installer docs, ALLUSERS property and installation context", "Microsoft docs";
    }
}

impl SourceId {
    /// The source's title.
    pub fn title(self) -> &'static str {
        self.label()
    }

    /// What kind of source it is (Microsoft KB, docs, magazine).
    pub fn kind(self) -> &'static str {
        self.help()
    }
}
