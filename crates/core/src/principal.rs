//! Principals that can appear in a share's reader list, and the reader list itself.

pub use crate::vocabulary::Principal;

/// A set of principals, kept in the rule book's order so that a reader list has one spelling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Readers(u16);

impl Readers {
    /// Nobody may read.
    pub const NONE: Readers = Readers(0);
    /// The DP package share's default: local Users, which holds Authenticated Users.
    pub const DEFAULT_DP: Readers = Readers(1 << 1);

    pub fn of(principals: &[Principal]) -> Readers {
        principals.iter().copied().collect()
    }

    pub fn contains(self, p: Principal) -> bool {
        self.0 & bit(p) != 0
    }

    pub fn insert(&mut self, p: Principal) {
        self.0 |= bit(p);
    }

    pub fn remove(&mut self, p: Principal) {
        self.0 &= !bit(p);
    }

    /// The set with `p` added or removed.
    pub fn with(mut self, p: Principal, present: bool) -> Readers {
        if present {
            self.insert(p)
        } else {
            self.remove(p)
        }
        self
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether any of `principals` is in the set.
    pub fn admits(self, principals: &[Principal]) -> bool {
        principals.iter().any(|p| self.contains(*p))
    }

    pub fn iter(self) -> impl Iterator<Item = Principal> {
        Principal::ALL
            .iter()
            .copied()
            .filter(move |p| self.contains(*p))
    }

    /// `users,naa` (empty for nobody): the form used in links.
    pub fn keys(self) -> String {
        self.iter()
            .map(Principal::key)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// `Authenticated Users, Network Access Account`, or `nobody`.
    pub fn labels(self) -> String {
        if self.is_empty() {
            return "nobody".into();
        }
        self.iter()
            .map(Principal::label)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn bit(p: Principal) -> u16 {
    1 << (p as u8)
}

impl FromIterator<Principal> for Readers {
    fn from_iter<I: IntoIterator<Item = Principal>>(iter: I) -> Self {
        let mut r = Readers::NONE;
        for p in iter {
            r.insert(p);
        }
        r
    }
}

impl serde::Serialize for Readers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
