//! The rule book's ten classic cases, as named scenarios for training.

use crate::link::decode;
use crate::scenario::Scenario;

/// A named scenario with the lesson it teaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable id (`classic-1` ... `classic-10`).
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
        title: "Advanced Client reads a non-SMS share, no NAA",
        lesson: "Local System reaches other shares only through the Network Access Account; without one, access is denied (execmgr.log).",
        link: "v=1&share=%5C%5Cfs01%5Capps~domain-computers",
    },
    Preset {
        id: "classic-3",
        title: "Advanced Client, NAA configured but not granted",
        lesson: "Configuring the Network Access Account is not enough: it must be able to read the share.",
        link: "v=1&naa=set&share=%5C%5Cfs01%5Capps~domain-computers",
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
];
