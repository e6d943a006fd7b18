//! What a person should see of a scenario on the page, read from tables (`cases/*.txt`): the
//! rule book's classic cases, one a line.

/// What a person should see of one scenario on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// Its name in the table: a classic case's number in the rule book, or a word.
    pub name: &'static str,
    /// `#verdict[data-outcome]`: ok, fails, at-risk, waits.
    pub outcome: &'static str,
    /// The verdict's headline.
    pub title: &'static str,
    /// The step whose details show `shows`; `None`: every step succeeds, nothing is selected,
    /// and the verdict shows them.
    pub step: Option<u32>,
    /// That step's label, where the table gives it after the number (`4 Map drive`).
    pub label: Option<&'static str>,
    /// Words the step's details (or the verdict) must show.
    pub shows: Vec<&'static str>,
    /// Its share link, the address the page shows for it (a `link:` line under it), if given.
    pub link: Option<&'static str>,
    /// How a person builds it in the wizard from the defaults (a `clicks:` line under it), one
    /// click or wait a word; empty if not given.
    pub clicks: Vec<&'static str>,
}

/// The first value of each input (domain.md's input table, "defaults first"): the name and
/// value of the radio the wizard checks for it.
pub const INPUT_DEFAULTS: &[(&str, &str)] = &[
    ("client", "advanced"),
    ("os", "nt"),
    ("arch", "x86"),
    ("role", "workstation"),
    ("domain", "trusted"),
    ("run", "admin"),
    ("when", "any"),
    ("sia", "0"),
    ("interact", "0"),
    ("ui", "silent"),
    ("logon", "none"),
    ("installer", "msi-machine"),
    ("deploy", "download"),
    ("boundary", "fast"),
    ("slow", "none"),
    ("drive", "unc"),
    ("letter", "free"),
    ("mapped", "0"),
    ("naa", "none"),
    ("siacct", "none"),
    ("source", "dp"),
];

/// Reads a table of scenarios: one a line, `name | outcome | headline | step | word | ...`, a
/// step of `-` for none (or a number, maybe followed by the step's label), each optionally followed by a `link: #v=1&...` line and a
/// `clicks: word word ...` line; blank lines and `#` comments are skipped. A line that does not
/// read fails the test, naming `file` and the line.
pub fn read_cases(file: &str, text: &'static str) -> Vec<Expected> {
    let mut cases: Vec<Expected> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let fail = |what: &str| -> ! { panic!("{file}:{}: {what}: {line:?}", i + 1) };
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some((key @ ("link" | "clicks"), value)) = trimmed.split_once(':') {
            let Some(last) = cases.last_mut() else {
                fail("a link or clicks line comes before any case");
            };
            let value = value.trim();
            match key {
                "link" if last.link.is_none() && !value.is_empty() => last.link = Some(value),
                "clicks" if last.clicks.is_empty() && !value.is_empty() => {
                    last.clicks = value.split_whitespace().collect();
                }
                _ => fail("a second or empty link or clicks line for one case"),
            }
            continue;
        }
        let fields: Vec<&'static str> = trimmed.split('|').map(str::trim).collect();
        let &[name, outcome, title, step, ref shows @ ..] = fields.as_slice() else {
            fail("want name | outcome | headline | step | words");
        };
        if shows.is_empty() || shows.iter().any(|w| w.is_empty()) {
            fail("want at least one word to show, and no empty one");
        }
        cases.push(Expected {
            name,
            outcome,
            title,
            step: match step.split_once(' ').map_or(step, |(n, _)| n) {
                "-" => None,
                n => Some(n.parse().unwrap_or_else(|_| fail("not a step number or -"))),
            },
            label: step.split_once(' ').map(|(_, label)| label.trim()),
            shows: shows.to_vec(),
            link: None,
            clicks: Vec::new(),
        });
    }
    cases
}

/// The scenario named `name` in `cases`.
pub fn case<'a>(cases: &'a [Expected], name: &str) -> &'a Expected {
    cases
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name:?} in the table"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_as_its_fields() {
        let cases = read_cases(
            "t.txt",
            "# a comment\n\n2 | fails | Fails at step 4 (X) | 4 | a | b c\nmany | ok | Succeeds | - | d\n",
        );
        assert_eq!(cases.len(), 2);
        let two = case(&cases, "2");
        assert_eq!(
            (two.outcome, two.title, two.step),
            ("fails", "Fails at step 4 (X)", Some(4))
        );
        assert_eq!(two.shows, ["a", "b c"]);
        assert_eq!(case(&cases, "many").step, None);
        assert_eq!((two.label, two.link, two.clicks.len()), (None, None, 0));
    }

    #[test]
    fn a_case_takes_the_link_and_clicks_under_it() {
        let cases = read_cases(
            "t.txt",
            "4 | fails | F | 4 | a\n  link: #v=1&client=legacy\n  clicks: client/client-legacy +\\\\fs01\\apps\n",
        );
        assert_eq!(cases[0].link, Some("#v=1&client=legacy"));
        assert_eq!(
            read_cases("t.txt", "17 | fails | F | 4 Map drive | a\n")[0].label,
            Some("Map drive")
        );
        assert_eq!(cases[0].clicks, ["client/client-legacy", r"+\\fs01\apps"]);
    }

    #[test]
    #[should_panic(expected = "t.txt:1: a link or clicks line comes before any case")]
    fn a_link_before_any_case_names_its_file_and_line() {
        read_cases("t.txt", "link: #v=1\n");
    }

    #[test]
    #[should_panic(expected = "t.txt:2: not a step number or -")]
    fn a_bad_line_names_its_file_and_line() {
        read_cases("t.txt", "# ok\n3 | ok | Succeeds | x | d\n");
    }
}
