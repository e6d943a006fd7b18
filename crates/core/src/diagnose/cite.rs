//! Where a code's meaning or a log line's shape is documented: a source of the rule book
//! (`SourceId`), or one of the few further sources of `sources.md` that only the diagnosis
//! needs (real log lines, error-code pages). The rule book's own list stays the rule book's.

use serde::Serialize;

use crate::source::SourceId;

/// A source the diagnosis cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cite {
    /// A source of the rule book.
    Rule(SourceId),
    /// A source of `sources.md` that no rule cites.
    Log(LogSource),
}

/// Sources of `sources.md` (section a) that hold real log lines or code meanings and that no
/// rule of the rule book cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogSource {
    /// "Error 5: Access is denied." for the system account on the network.
    Q124184,
    /// 0x80070035: the network path cannot be found.
    Tnwiki0035,
    /// Windows Installer's event IDs: the error number plus 10,000.
    MsiEventLog,
    /// Real CAS.log lines of the SMS 2003 Advanced Client.
    CommCasLog,
    /// Real execmgr.log and CAS.log lines as copied out of CMTrace.
    MsBlogContent,
    /// Real raw CMTrace lines of execmgr.log.
    CommLogSloth,
    /// The SMS 2003 Legacy Client's log-line format (WNManual.log).
    Kb886107,
}

impl LogSource {
    fn key(self) -> &'static str {
        match self {
            LogSource::Q124184 => "Q124184",
            LogSource::Tnwiki0035 => "TNWIKI-0035",
            LogSource::MsiEventLog => "MSI-EVENTLOG",
            LogSource::CommCasLog => "COMM-CASLOG",
            LogSource::MsBlogContent => "MSBLOG-CONTENT",
            LogSource::CommLogSloth => "COMM-LOGSLOTH",
            LogSource::Kb886107 => "KB886107",
        }
    }

    fn title(self) -> &'static str {
        match self {
            LogSource::Q124184 => "Service Running as System Account Fails Accessing Network",
            LogSource::Tnwiki0035 => "Troubleshooting the Drive Maps Preference Extension in Group Policy: Adding a Share Name with Trailing Slash Returns Error Code 0x80070035 (TechNet Wiki 12223)",
            LogSource::MsiEventLog => "Event Logging (Windows Installer)",
            LogSource::CommCasLog => "SMS 2003 - Log Files - The CAS.log Revealed (M. Lucero, myITforum, 2007)",
            LogSource::MsBlogContent => "Content Lookup in configuration Manager (Sudheesh N, Microsoft TechNet blog, 2013)",
            LogSource::CommLogSloth => "LogSlothParser README (Chris Kibble)",
            LogSource::Kb886107 => "You cannot install the Legacy Client, and \"CAP path is not a UNC\" appears in the WNManual.log file in Systems Management Server 2003",
        }
    }

    fn address(self) -> &'static str {
        match self {
            LogSource::Q124184 => "https://jeffpar.github.io/kbarchive/kb/124/Q124184/",
            LogSource::Tnwiki0035 => "https://video2.skills-academy.com/en-us/archive/technet-wiki/12223.troubleshooting-the-drive-maps-preference-extension-in-group-policy-adding-a-share-name-with-trailing-slash-returns-error-code-0x80070035",
            LogSource::MsiEventLog => "https://learn.microsoft.com/en-us/windows/win32/msi/event-logging",
            LogSource::CommCasLog => "http://myitforum.com/cs2/blogs/mlucero/archive/2007/05/16/sms-2003-log-files-the-cas-log-revealed-part-1.aspx",
            LogSource::MsBlogContent => "https://blogs.technet.microsoft.com/sudheesn/2013/12/07/content-lookup-in-configuration-manager/",
            LogSource::CommLogSloth => "https://github.com/ChrisKibble/LogSlothParser",
            LogSource::Kb886107 => "https://ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/886/107.HTM",
        }
    }
}

impl Cite {
    /// The id used in `sources.md`.
    pub fn key(self) -> &'static str {
        match self {
            Cite::Rule(id) => id.key(),
            Cite::Log(s) => s.key(),
        }
    }

    /// The source's real title.
    pub fn title(self) -> &'static str {
        match self {
            Cite::Rule(id) => id.title(),
            Cite::Log(s) => s.title(),
        }
    }

    /// A plain address to read it at.
    pub fn address(self) -> &'static str {
        match self {
            Cite::Rule(id) => id.address(),
            Cite::Log(s) => s.address(),
        }
    }
}

impl Serialize for Cite {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Cite", 3)?;
        st.serialize_field("id", self.key())?;
        st.serialize_field("title", self.title())?;
        st.serialize_field("address", self.address())?;
        st.end()
    }
}
