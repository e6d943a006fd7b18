//! A `choice!` declares one wizard input (or another closed vocabulary) as an enum whose
//! variants carry the rule book's stable key, a display label and one line of help. The keys
//! are the public vocabulary of share links and JSON output, so they live in exactly one place.

/// Declares a closed set of values with their stable keys. The first variant is the default.
#[macro_export]
#[doc(hidden)]
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident = $key:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $vkey:literal, $label:literal, $help:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// The input's key in share links and JSON.
            pub const KEY: &'static str = $key;
            /// Every value, the default first.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];
            /// Every value's key, label and help, the default first.
            pub const OPTIONS: &'static [$crate::choice::Opt] = &[
                $( $crate::choice::Opt { key: $vkey, label: $label, help: $help }, )+
            ];

            /// The value's stable key.
            pub fn key(self) -> &'static str {
                match self { $( $name::$variant => $vkey, )+ }
            }

            /// What a person reads.
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $label, )+ }
            }

            /// One line of plain-language help.
            pub fn help(self) -> &'static str {
                match self { $( $name::$variant => $help, )+ }
            }

            /// The value for a stable key, if there is one.
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $( $vkey => Some($name::$variant), )+ _ => None }
            }

            /// The keys of every value, for error messages: `a, b or c`.
            pub fn expected() -> String {
                $crate::choice::one_of(Self::ALL.iter().map(|v| v.key()))
            }
        }

        impl $crate::choice::Choice for $name {
            const KEY: &'static str = $key;

            fn key(self) -> &'static str {
                $name::key(self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::ALL[0]
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }
    };
}

/// What every `choice!` enum has, for code that works on any of them: the input's key and
/// each value's key.
pub trait Choice: Copy {
    const KEY: &'static str;
    fn key(self) -> &'static str;
}

/// One value of an input as the wizard shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    pub key: &'static str,
    pub label: &'static str,
    pub help: &'static str,
}

/// `a`, `a or b`, `a, b or c`.
pub fn one_of<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let keys: Vec<&str> = keys.collect();
    match keys.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {}", rest.join(", "), last),
    }
}
