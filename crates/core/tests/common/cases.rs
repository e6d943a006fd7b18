//! Test cases as data: the files of `tests/cases/`, read with `include_str!`, one case a
//! block of `key: value` lines, a blank line between cases. A line that starts with `#` is a
//! comment; a key may repeat where the table takes a list. A file that does not read this way
//! fails the test, naming the file and the line.
#![allow(dead_code)]

/// One case of a file: its fields in order, and where it starts.
pub struct Case {
    pub file: &'static str,
    pub line: usize,
    fields: Vec<(&'static str, &'static str)>,
}

impl Case {
    /// Fails the test, naming the case's file and line.
    pub fn fail(&self, what: &str) -> ! {
        panic!("tests/cases/{}:{}: {what}", self.file, self.line)
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<&'static str> {
        self.fields
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .collect()
    }

    /// The value of `key`, if the case has it (at most once).
    pub fn get(&self, key: &str) -> Option<&'static str> {
        match self.all(key)[..] {
            [] => None,
            [value] => Some(value),
            _ => self.fail(&format!("{key} given more than once")),
        }
    }

    /// The value of `key`, which the case must have.
    pub fn req(&self, key: &str) -> &'static str {
        self.get(key)
            .unwrap_or_else(|| self.fail(&format!("no {key}")))
    }

    /// The value of `key` parsed with `parse`, failing on a value it does not take.
    pub fn parse<T>(&self, key: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        self.get(key)
            .map(|v| parse(v).unwrap_or_else(|| self.fail(&format!("{key}: {v:?} is not a value"))))
    }
}

/// The cases of `text`, the file `file` of `tests/cases/`; each field's key must be one of
/// `keys`.
pub fn read(file: &'static str, text: &'static str, keys: &[&str]) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut case: Option<Case> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            cases.extend(case.take());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(": ").filter(|(k, _)| keys.contains(k)) else {
            panic!("tests/cases/{file}:{n}: not `key: value` with a key of {keys:?}: {line:?}");
        };
        case.get_or_insert_with(|| Case {
            file,
            line: n,
            fields: Vec::new(),
        })
        .fields
        .push((key, value));
    }
    cases.extend(case);
    assert!(!cases.is_empty(), "tests/cases/{file}: no cases");
    cases
}
