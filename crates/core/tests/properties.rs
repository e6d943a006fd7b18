//! Properties of the link codec and the planner over generated scenarios (every input of the
//! rule book v2, every principal): every scenario survives a link round trip, decode never
//! panics, plan and render never panic, a normalised scenario plans with nothing left to
//! normalise, and every plan has the rule book's steps in its order.

use credflow_core::link::{decode_link, encode_link, Link, Theme, View};
use credflow_core::scenario::{
    check_unc, same_unc, Arch, Boundary, Deploy, Drive, Interact, Letter, Mapped, SlowMode, Ui,
    FORBIDDEN_IN_NAMES, MAX_UNC_CHARS,
};
use credflow_core::{
    decode, encode, normalise, plan, render, Account, Client, Domain, Identity, Installer, Logon,
    Os, Outcome, Principal, Readers, Role, Run, Scenario, Share, Sia, Source, StepKind, When,
};
use proptest::prelude::*;
use proptest::sample::select;

fn choice<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    select(all)
}

fn readers() -> impl Strategy<Value = Readers> {
    proptest::collection::vec(choice(Principal::ALL), 0..=Principal::ALL.len())
        .prop_map(|ps| Readers::of(&ps))
}

/// Characters that break naive link formats, and some that fool eyes: the link separators,
/// percent signs, HTML, quotes, spaces, right-to-left and zero-width marks, and the 8.3 `~`.
const TRICKY: &[char] = &[
    '~', '&', '=', '#', '%', '+', '<', '>', '"', '\'', ' ', ',', ';', '?', '/', ':', '@', '$', '{',
    '}', '\u{00A0}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202E}',
    '\u{2066}', '\u{FEFF}', '\u{05D0}', '\u{0627}', 'é', 'ß', '日', '🙂',
];

/// One character of a UNC path component: arbitrary printable unicode, or a tricky one.
fn path_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>().prop_filter("printable, no separator", |c| !c.is_control() && *c != '\\'),
        2 => choice(TRICKY),
        2 => proptest::char::range('a', 'z'),
    ]
}

fn component(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(path_char(), min..=max).prop_map(|cs| cs.into_iter().collect())
}

/// A UNC path `\\server\share[\folder...]` that `check_unc` accepts.
fn unc() -> impl Strategy<Value = String> {
    (
        component(1, 16),
        component(1, 16),
        proptest::collection::vec(component(0, 24), 0..4),
    )
        .prop_map(|(server, share, rest)| {
            let mut unc = format!(r"\\{server}\{share}");
            for part in rest {
                unc.push('\\');
                unc.push_str(&part);
            }
            // A link and the share editor refuse what Windows forbids in names, and write
            // `/` as `\`: a scenario's paths never hold them.
            unc.chars()
                .map(|c| match c {
                    '/' => '_',
                    c if FORBIDDEN_IN_NAMES.contains(&c) => '_',
                    c => c,
                })
                .take(MAX_UNC_CHARS)
                .collect::<String>()
        })
        .prop_filter("a valid UNC path, as credflow writes it", |u| {
            check_unc(u).as_ref() == Ok(u)
        })
}

fn share() -> impl Strategy<Value = Share> {
    (unc(), readers()).prop_map(|(unc, readers)| Share::new(unc, readers))
}

/// Any scenario: every field, valid combination or not, with 0 to 7 shares.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (
            choice(Client::ALL),
            choice(Os::ALL),
            choice(Arch::ALL),
            choice(Role::ALL),
            choice(Domain::ALL),
            choice(Run::ALL),
            choice(When::ALL),
            choice(Sia::ALL),
            choice(Interact::ALL),
            choice(Ui::ALL),
            choice(Logon::ALL),
            choice(Installer::ALL),
        ),
        (
            choice(Deploy::ALL),
            choice(Boundary::ALL),
            choice(SlowMode::ALL),
            choice(Drive::ALL),
            choice(Letter::ALL),
            choice(Mapped::ALL),
            choice(Account::ALL),
            choice(Account::ALL),
            choice(Source::ALL),
            readers(),
            // A scenario lists a share once (links refuse `\\FS01\APPS` after `\\fs01\apps`).
            proptest::collection::vec(share(), 0..8).prop_map(|shares| {
                let mut once: Vec<Share> = Vec::new();
                for sh in shares {
                    if !once.iter().any(|o| same_unc(&o.unc, &sh.unc)) {
                        once.push(sh);
                    }
                }
                once
            }),
        ),
    )
        .prop_map(
            |(
                (client, os, arch, role, domain, run, when, sia, interact, ui, logon, installer),
                (deploy, boundary, slow, drive, letter, mapped, naa, siacct, source, dpacl, shares),
            )| Scenario {
                client,
                os,
                arch,
                role,
                domain,
                run,
                when,
                sia,
                interact,
                ui,
                logon,
                installer,
                deploy,
                boundary,
                slow,
                drive,
                letter,
                mapped,
                naa,
                siacct,
                source,
                dpacl,
                shares,
            },
        )
}

fn kind(key: &str) -> StepKind {
    StepKind::from_key(key).unwrap()
}

/// Pieces links are made of, to build strings that nearly parse.
const LINK_PIECES: &[&str] = &[
    "v=1",
    "v=2",
    "v=",
    "&",
    "=",
    "share=",
    "%5C",
    "%5c",
    "\\",
    "~",
    ",",
    "#",
    "%",
    "%2",
    "%E2%80",
    "%FF",
    "+",
    "client=",
    "legacy",
    "cm07",
    "dpacl=",
    "users",
    "naa",
    "view=",
    "embed",
    "https://",
    "x",
    " ",
    "\u{202E}",
    "sia=1",
    "source=unc",
    "arch=x64",
    "os=vista",
    "interact=1",
    "ui=prompts",
    "installer=script",
    "deploy=rundp",
    "boundary=slow",
    "slow=",
    "drive=fixed",
    "letter=taken",
    "mapped=1",
    "domain-controllers",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_scenario_survives_a_link_round_trip(s in scenario()) {
        let link = encode(&s);
        prop_assert_eq!(decode(&link), Ok(s.clone()), "link {}", link);
        prop_assert_eq!(decode(&format!("#{link}")), Ok(s.clone()));
        prop_assert_eq!(decode(&format!("https://wiki.example/credflow/#{link}")), Ok(s));
    }

    #[test]
    fn every_link_with_its_view_survives_a_round_trip(
        s in scenario(),
        embed in any::<bool>(),
        theme in choice(&[Theme::System, Theme::Light, Theme::Dark]),
    ) {
        let link = Link { scenario: s, view: if embed { View::Embed } else { View::Full }, theme, ..Link::default() };
        let text = encode_link(&link);
        prop_assert_eq!(decode_link(&text), Ok(link));
    }

    #[test]
    fn an_encoded_link_is_plain_ascii_without_spaces(s in scenario()) {
        let link = encode(&s);
        prop_assert!(link.is_ascii() && !link.contains(' ') && !link.contains('#'), "{}", link);
    }

    #[test]
    fn decode_never_panics_on_any_string(input in any::<String>()) {
        let _ = decode_link(&input);
    }

    #[test]
    fn decode_never_panics_on_link_alphabet(input in "[v=1&share%5C~,#]{0,80}") {
        let _ = decode_link(&input);
    }

    #[test]
    fn decode_never_panics_on_link_pieces(
        pieces in proptest::collection::vec(select(LINK_PIECES), 0..40),
    ) {
        let input: String = pieces.concat();
        if let Ok(s) = decode(&input) {
            // Whatever decodes also plans, and encodes to a link that decodes to it again.
            let _ = plan(&s);
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }
    }

    #[test]
    fn plan_and_render_never_panic(s in scenario()) {
        let p = plan(&s);
        prop_assert!(!p.steps.is_empty());
        prop_assert_eq!(p.verdict, p.steps.iter().map(|s| s.outcome).max().unwrap());
        prop_assert_eq!(
            p.first_failure,
            p.steps.iter().find(|s| s.outcome == Outcome::Fails).map(|s| s.n)
        );
        let svg = render(&s);
        prop_assert!(svg.contains("<svg"));
    }

    #[test]
    fn a_normalised_scenario_has_nothing_left_to_normalise(s in scenario()) {
        let (n, _) = normalise(s.clone());
        let p = plan(&n);
        prop_assert!(p.normalised.is_empty(), "{:?}", p.normalised);
        prop_assert_eq!(&p.scenario, &n);
        prop_assert_eq!(plan(&s).scenario, n);
    }

    #[test]
    fn every_plan_has_the_rule_books_steps_in_its_order(s in scenario()) {
        // domain.md v2, "Steps, in order", for the normalised scenario.
        let p = plan(&s);
        let n = &p.scenario;
        let mut want = vec![kind("schedule"), kind("run-as")];
        if n.source == Source::Dp {
            want.push(kind("fetch-content"));
        }
        if n.drive != Drive::Unc {
            want.push(kind("map-drive"));
        }
        want.extend(n.shares.iter().map(|_| kind("connect-share")));
        if n.mapped == Mapped::On {
            want.push(kind("use-mapped-drive"));
        }
        if n.ui == Ui::Prompts {
            want.push(kind("user-input"));
        }
        want.push(kind("install"));
        let got: Vec<StepKind> = p.steps.iter().map(|st| st.step).collect();
        prop_assert_eq!(got, want);
        let first = p.first_failure.unwrap_or(usize::MAX);
        // The identity the program runs as: on Windows 98 always the user, even where the
        // run-as step tried (and failed with) the Software Installation Account. [Q264714]
        let run_as = if n.os == Os::Win9x {
            Identity::LoggedOnUser
        } else {
            p.steps[1].identity
        };
        let fetch = p.steps.iter().find(|st| st.step == kind("fetch-content"));
        let mut shares = n.shares.iter();
        for (i, st) in p.steps.iter().enumerate() {
            // Numbered 1.. in order; not reached after the first failure.
            prop_assert_eq!(st.n, i + 1);
            prop_assert_eq!(st.reached, st.n <= first);
            prop_assert!(!st.sources.is_empty(), "step {} names no source", st.n);
            prop_assert!(!st.reason.trim().is_empty(), "step {} gives no reason", st.n);
            // A fix for what fails; none for what works.
            match st.outcome {
                Outcome::Ok => prop_assert_eq!(&st.fix, &None, "step {} is ok", st.n),
                Outcome::Fails => prop_assert!(st.fix.is_some(), "step {} fails, no fix", st.n),
                _ => {}
            }
            let res = st.resource.id();
            let ok = match st.step.key() {
                "schedule" | "run-as" => res == "program",
                "fetch-content" | "map-drive" => res == "distribution-point",
                "connect-share" => shares.next().is_some_and(|sh| res == format!("share:{}", sh.unc)),
                "use-mapped-drive" => res == "mapped-drive",
                "user-input" => res == "desktop",
                "install" => res == "local-machine" || res == "user-profile",
                other => return Err(TestCaseError::fail(format!("unknown step {other}"))),
            };
            prop_assert!(ok, "step {} ({}) on {}", st.n, st.step, res);
            // Who acts: map-drive as fetch-content's identity; the program's own steps as
            // the identity that runs it.
            match st.step.key() {
                "map-drive" => prop_assert_eq!(Some(st.identity), fetch.map(|f| f.identity)),
                "use-mapped-drive" | "user-input" | "install" => {
                    prop_assert_eq!(st.identity, run_as)
                }
                _ => {}
            }
            // Logs: the Legacy Client's folder, or the Advanced / CM07 one (SysWOW64 on x64).
            let folder = match (n.client, n.arch) {
                (Client::Legacy, _) => r"%windir%\MS\SMS\Logs",
                (_, Arch::X64) => r"%windir%\SysWOW64\CCM\Logs",
                _ => r"%windir%\System32\CCM\Logs",
            };
            prop_assert_eq!(st.log.folder, folder);
        }
    }

}
