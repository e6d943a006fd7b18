//! The identities that touch resources, and what each counts as on the network.

use crate::principal::Principal;
use crate::scenario::{Domain, Role};
pub use crate::vocabulary::Identity;

impl Identity {
    /// The display name, which for some identities depends on the client and role.
    pub fn name_for(self, cm07: bool, role: Role) -> &'static str {
        match self {
            Identity::ClientToken if role == Role::DomainController => "SMSCliToknAcct&",
            Identity::NetworkAccessAccount if cm07 => "Network Access Account",
            _ => self.label(),
        }
    }

    /// The principals this identity counts as when it reaches a share. [domain.md, Identities]
    pub fn counts_as(self, domain: Domain, role: Role) -> &'static [Principal] {
        use Principal::*;
        let trusted = domain == Domain::Trusted;
        match self {
            Identity::LoggedOnUser if trusted => &[Everyone, Users, DomainUsers, LoggedOnUser],
            // [AD-GROUPS] a domain controller's account is in Domain Controllers, not in
            // Domain Computers.
            Identity::ComputerAccount | Identity::LocalSystem
                if trusted && role == Role::DomainController =>
            {
                &[Everyone, Users, DomainControllers]
            }
            Identity::ComputerAccount | Identity::LocalSystem if trusted => {
                &[Everyone, Users, DomainComputers]
            }
            // An untrusted computer's own accounts mean nothing to the site's servers
            // [CM07-NAA][CB-ACCOUNTS]: that is what the Network Access Account is for.
            Identity::LoggedOnUser | Identity::ComputerAccount | Identity::LocalSystem => &[],
            // [Q199041] local rights only, no domain rights.
            Identity::ClientToken => &[],
            // Site accounts are domain accounts whose credentials the client presents explicitly.
            Identity::ClientConnection => &[Everyone, Users, DomainUsers, ClientConnection],
            Identity::SoftwareInstallationAccount => &[Everyone, Users, DomainUsers, Siacct],
            Identity::NetworkAccessAccount => &[Everyone, Users, DomainUsers, Naa],
        }
    }
}
