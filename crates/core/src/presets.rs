//! The rule book's seventeen classic cases, as named scenarios for training.

use crate::link::decode;
use crate::scenario::Scenario;

/// A named scenario with the lesson it teaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable id (`classic-1` ... `classic-17`).
    pub id: &'static str,
    pub title: &'static str,
    /// One line: what the case teaches.
    pub lesson: &'static str,
    /// The scenario as a share-link fragment.
    pub link: &'static str,
}

impl Preset {
    /// The scenario. Every preset's link decodes (a test checks each one).
    pub fn scenario(&self) -> Scenario {
        decode(self.link).unwrap_or_default()
    }

    pub fn by_id(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }
}

/// The classic cases of the rule book, in its order.
pub static PRESETS: &[Preset] = &[
    Preset {
        id: "classic-1",
        title: "Advanced Client, everything on the DP",
        lesson: "With administrative rights and all files in the package, the Advanced Client installs as Local System.",
        link: "v=1",
    },
    Preset {
        id: "classic-2",
        title: "Advanced Client reads a share that grants Domain Users only",
        lesson: "Local System reaches the share as DOMAIN\\COMPUTER$, which is not a domain user; with no Network Access Account to try next, access is denied.",
        link: "v=1&share=%5C%5Cfs01%5Capps~domain-users",
    },
    Preset {
        id: "classic-3",
        title: "Advanced Client, the share grants only the NAA",
        lesson: "Only S1 says the Advanced Client connects to non-SMS shares as the Network Access Account: at risk; grant Domain Computers instead.",
        link: "v=1&naa=set&share=%5C%5Cfs01%5Capps~naa",
    },
    Preset {
        id: "classic-4",
        title: "Legacy Client, non-SMS share, no Software Installation Account",
        lesson: "The Legacy Client's token account has local rights only; it cannot reach any share.",
        link: "v=1&client=legacy&share=%5C%5Cfs01%5Capps~users",
    },
    Preset {
        id: "classic-5",
        title: "Legacy Client with the Software Installation Account",
        lesson: "The Software Installation Account both reaches the share and runs the install, elevated for it.",
        link: "v=1&client=legacy&sia=1&siacct=set&share=%5C%5Cfs01%5Capps~siacct",
    },
    Preset {
        id: "classic-6",
        title: "Per-user MSI with administrative rights",
        lesson: "A per-user MSI run as Local System installs into the wrong profile; add ALLUSERS=2.",
        link: "v=1&installer=msi-user",
    },
    Preset {
        id: "classic-7",
        title: "User's rights, standard user, per-machine MSI",
        lesson: "A standard user cannot write HKLM or Program Files: MSI error 1925.",
        link: "v=1&run=user&when=user&logon=user",
    },
    Preset {
        id: "classic-8",
        title: "Legacy Client on a domain controller reaches a share",
        lesson: "The DC's token account is one shared domain account: network use fails and can lock it out on every DC.",
        link: "v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users",
    },
    Preset {
        id: "classic-9",
        title: "Windows 98 with the Software Installation Account",
        lesson: "Windows 98 runs programs only as the user: choosing the Software Installation Account fails with error 1317.",
        link: "v=1&client=legacy&os=win9x&sia=1&siacct=set&logon=user",
    },
    Preset {
        id: "classic-10",
        title: "ConfigMgr 2007, share grants Domain Computers",
        lesson: "The ConfigMgr 2007 client reaches other shares as DOMAIN\\COMPUTER$; the Network Access Account is not used.",
        link: "v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-computers",
    },
    Preset {
        id: "classic-11",
        title: "ConfigMgr 2007 on a domain controller, share grants Domain Computers",
        lesson: "A domain controller's account is in Domain Controllers, not Domain Computers: access is denied.",
        link: "v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-computers",
    },
    Preset {
        id: "classic-12",
        title: "Setup run from the user's mapped S: with administrative rights",
        lesson: "Drive letters belong to the session that mapped them: Local System has no S:, so the path is not found.",
        link: "v=1&mapped=1",
    },
    Preset {
        id: "classic-13",
        title: "Installer shows a dialog, administrative rights, no interaction",
        lesson: "The dialog is on no one's desktop: the install hangs until ConfigMgr 2007 stops it at the maximum run time.",
        link: "v=1&client=cm07&ui=prompts",
    },
    Preset {
        id: "classic-14",
        title: "ConfigMgr 2007 on 64-bit Windows, a batch script writes System32",
        lesson: "The 32-bit client starts the 32-bit cmd.exe: the files land in SysWOW64; use Sysnative.",
        link: "v=1&client=cm07&arch=x64&installer=script",
    },
    Preset {
        id: "classic-15",
        title: "Slow boundary, \"Do not run program\"",
        lesson: "With the only distribution point across a slow link and no slow-boundary option, the advertisement waits.",
        link: "v=1&boundary=slow",
    },
    Preset {
        id: "classic-16",
        title: "Windows Vista, ALLUSERS=2 MSI, user's rights, standard user",
        lesson: "On Vista, ALLUSERS=2 installs per-machine only with administrator credentials at the UAC prompt: a standard user's install fails.",
        link: "v=1&client=cm07&os=vista&installer=msi-allusers2&run=user&when=user&logon=user",
    },
    Preset {
        id: "classic-17",
        title: "Program run from the DP requires drive Z:, and Z: is taken",
        lesson: "A program that requires a specific drive letter does not run when the client already uses that letter.",
        link: "v=1&deploy=rundp&drive=fixed&letter=taken",
    },
];

/// Two scenarios a trainer contrasts: the same deployment with one thing changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contrast {
    /// Stable id (`contrast-client`, …).
    pub id: &'static str,
    pub title: &'static str,
    /// One line: what the contrast shows.
    pub lesson: &'static str,
    /// The comparison as a link fragment (`b.` keys for the second scenario).
    pub link: &'static str,
}

impl Contrast {
    /// The two scenarios, A and B. Every contrast's link decodes to two (a test checks each).
    pub fn scenarios(&self) -> (Scenario, Scenario) {
        let link = crate::link::decode_link(self.link).unwrap_or_default();
        let b = link
            .compare
            .clone()
            .unwrap_or_else(|| link.scenario.clone());
        (link.scenario, b)
    }

    pub fn by_id(id: &str) -> Option<&'static Contrast> {
        CONTRASTS.iter().find(|c| c.id == id)
    }
}

/// The classic contrasts, each a comparison of two scenarios that differ in one input.
pub static CONTRASTS: &[Contrast] = &[
    Contrast {
        id: "contrast-client",
        title: "Advanced Client against Legacy Client, the same share",
        lesson: "The same program and share: the Advanced Client reaches it as DOMAIN\\COMPUTER$, the Legacy Client's token account has no domain rights.",
        link: "v=1&share=%5C%5Cfs01%5Capps~users&b.client=legacy",
    },
    Contrast {
        id: "contrast-cm07",
        title: "SMS 2003 Advanced Client against ConfigMgr 2007, a share only the NAA reads",
        lesson: "The SMS 2003 Advanced Client may try the Network Access Account for the share; the ConfigMgr 2007 client uses only the computer account.",
        link: "v=1&naa=set&share=%5C%5Cfs01%5Capps~naa&b.client=cm07",
    },
    Contrast {
        id: "contrast-naa",
        title: "Without and with the Network Access Account, a share for Domain Users",
        lesson: "DOMAIN\\COMPUTER$ is not a domain user: only a configured Network Access Account, a domain user, gets the Advanced Client in.",
        link: "v=1&share=%5C%5Cfs01%5Capps~domain-users&b.naa=set",
    },
    Contrast {
        id: "contrast-rights",
        title: "Administrative rights against user's rights, a standard user",
        lesson: "The same per-machine MSI: Local System may write HKLM and Program Files, a standard user may not.",
        link: "v=1&b.run=user&b.when=user&b.logon=user",
    },
    Contrast {
        id: "contrast-dc",
        title: "Workstation against domain controller, a share for Domain Computers",
        lesson: "A domain controller's account is in Domain Controllers, not Domain Computers: the share that lets workstations in keeps it out.",
        link: "v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-computers&b.role=domain-controller",
    },
];
