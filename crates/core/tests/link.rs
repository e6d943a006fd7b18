//! The share link: the rule book's keys and values as a URL fragment, and back.

#[path = "common/rule_book.rs"]
mod rule_book;

use credflow_core::link::{decode_link, encode_link, Link, Theme, View, LONG_LINK_CHARS};
use credflow_core::scenario::{
    Arch, Boundary, Deploy, Drive, Input, Interact, Letter, Mapped, SlowMode, Ui, INPUTS,
};
use credflow_core::{
    decode, encode, Account, Client, Domain, Installer, LinkError, Logon, Os, Principal, Readers,
    Role, Run, Scenario, Share, Sia, Source, When,
};
use rule_book::{NEW_KEYS, V1_KEYS};

const ISSUE_EXAMPLE: &str = "v=1&client=legacy&run=admin&share=%5C%5Cfs01%5Capps~naa";

fn issue_scenario() -> Scenario {
    Scenario {
        client: Client::Legacy,
        run: Run::Admin,
        shares: vec![Share::new(r"\\fs01\apps", Readers::of(&[Principal::Naa]))],
        ..Scenario::default()
    }
}

#[test]
fn defaults_encode_to_exactly_v1() {
    assert_eq!(encode(&Scenario::default()), "v=1");
    assert_eq!(decode("v=1"), Ok(Scenario::default()));
}

#[test]
fn issue_example_decodes_bare_with_hash_and_as_a_whole_url() {
    let want = issue_scenario();
    for input in [
        ISSUE_EXAMPLE.to_string(),
        format!("#{ISSUE_EXAMPLE}"),
        format!("https://wiki.example/credflow/#{ISSUE_EXAMPLE}"),
        format!("https://wiki.example/credflow/?lang=en#{ISSUE_EXAMPLE}"),
    ] {
        assert_eq!(decode(&input), Ok(want.clone()), "{input}");
    }
    // Encoding leaves out the default run=admin; the share reads as in the issue.
    assert_eq!(
        encode(&want),
        "v=1&client=legacy&share=%5C%5Cfs01%5Capps~naa"
    );
}

#[test]
fn every_input_is_written_with_the_rule_book_keys_in_its_order() {
    let s = Scenario {
        client: Client::Legacy,
        os: Os::Win9x,
        arch: Arch::X64,
        role: Role::MemberServer,
        domain: Domain::Untrusted,
        run: Run::User,
        when: When::NoUser,
        sia: Sia::On,
        interact: Interact::On,
        ui: Ui::Prompts,
        logon: Logon::Admin,
        installer: Installer::Script,
        deploy: Deploy::RunDp,
        boundary: Boundary::Slow,
        slow: SlowMode::Download,
        drive: Drive::Fixed,
        letter: Letter::Taken,
        mapped: Mapped::On,
        naa: Account::Set,
        siacct: Account::Set,
        source: Source::Unc,
        dpacl: Readers::of(&[
            Principal::Naa,
            Principal::Everyone,
            Principal::DomainControllers,
        ]),
        shares: vec![Share::new(r"\\fs01\apps", Readers::NONE)],
    };
    let link = encode(&s);
    assert_eq!(
        link,
        "v=1&client=legacy&os=win9x&arch=x64&role=member-server&domain=untrusted&run=user\
         &when=nouser&sia=1&interact=1&ui=prompts&logon=admin&installer=script&deploy=rundp\
         &boundary=slow&slow=download&drive=fixed&letter=taken&mapped=1&naa=set&siacct=set\
         &source=unc&dpacl=everyone,domain-controllers,naa&share=%5C%5Cfs01%5Capps~"
    );
    // A link keeps what it is given, valid combination or not.
    assert_eq!(decode(&link), Ok(s));
}

/// The links v1 wrote, and what they meant: every one still opens as the same scenario, with
/// the new inputs at their defaults, and encodes to the same link.
#[test]
fn every_v1_link_still_decodes_to_the_same_scenario_and_re_encodes_the_same() {
    let share = |readers: &[Principal]| Share::new(r"\\fs01\apps", Readers::of(readers));
    let rows: Vec<(&str, Scenario)> = vec![
        ("v=1", Scenario::default()),
        (
            "v=1&share=%5C%5Cfs01%5Capps~domain-computers",
            Scenario {
                shares: vec![share(&[Principal::DomainComputers])],
                ..Scenario::default()
            },
        ),
        (
            "v=1&naa=set&share=%5C%5Cfs01%5Capps~domain-computers",
            Scenario {
                naa: Account::Set,
                shares: vec![share(&[Principal::DomainComputers])],
                ..Scenario::default()
            },
        ),
        (
            "v=1&client=legacy&sia=1&siacct=set&share=%5C%5Cfs01%5Capps~siacct",
            Scenario {
                client: Client::Legacy,
                sia: Sia::On,
                siacct: Account::Set,
                shares: vec![share(&[Principal::Siacct])],
                ..Scenario::default()
            },
        ),
        (
            "v=1&installer=msi-user",
            Scenario {
                installer: Installer::MsiUser,
                ..Scenario::default()
            },
        ),
        (
            "v=1&run=user&when=user&logon=user",
            Scenario {
                run: Run::User,
                when: When::User,
                logon: Logon::User,
                ..Scenario::default()
            },
        ),
        (
            "v=1&client=legacy&os=win9x&sia=1&logon=user&siacct=set",
            Scenario {
                client: Client::Legacy,
                os: Os::Win9x,
                sia: Sia::On,
                siacct: Account::Set,
                logon: Logon::User,
                ..Scenario::default()
            },
        ),
        (
            "v=1&client=legacy&os=win9x&role=member-server&domain=untrusted&run=user&when=nouser\
             &sia=1&logon=admin&installer=setup-user&naa=set&siacct=set&source=unc\
             &dpacl=everyone,naa&share=%5C%5Cfs01%5Capps~",
            Scenario {
                client: Client::Legacy,
                os: Os::Win9x,
                role: Role::MemberServer,
                domain: Domain::Untrusted,
                run: Run::User,
                when: When::NoUser,
                sia: Sia::On,
                logon: Logon::Admin,
                installer: Installer::SetupUser,
                naa: Account::Set,
                siacct: Account::Set,
                source: Source::Unc,
                dpacl: Readers::of(&[Principal::Naa, Principal::Everyone]),
                shares: vec![share(&[])],
                ..Scenario::default()
            },
        ),
        (
            "v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~users,naa\
             &share=%5C%5Cfs02%5CPROGRA~1~logged-on-user,client-connection&view=embed",
            Scenario {
                client: Client::Cm07,
                role: Role::DomainController,
                shares: vec![
                    share(&[Principal::Users, Principal::Naa]),
                    Share::new(
                        r"\\fs02\PROGRA~1",
                        Readers::of(&[Principal::ClientConnection, Principal::LoggedOnUser]),
                    ),
                ],
                ..Scenario::default()
            },
        ),
    ];
    for (link, want) in rows {
        let got = decode(link).unwrap_or_else(|e| panic!("{link}: {e}"));
        assert_eq!(got, want, "{link}");
        for input in INPUTS {
            if !V1_KEYS.contains(&input.key) {
                assert_eq!(
                    got.value(input.key),
                    Some(input.options[0].key),
                    "{link}: {} is at its default",
                    input.key
                );
            }
        }
        let read = decode_link(link).unwrap();
        assert_eq!(read.theme, Theme::System, "{link}: no theme");
        let again = encode_link(&Link {
            scenario: got,
            ..read
        });
        assert_eq!(again, link, "{link} re-encodes as it was");
    }
    // Keys in another order, or a default spelled out, read the same too.
    assert_eq!(decode(ISSUE_EXAMPLE), Ok(issue_scenario()));
    assert_eq!(
        decode("v=1&client=legacy&os=win9x&sia=1&siacct=set&logon=user"),
        decode("v=1&client=legacy&os=win9x&sia=1&logon=user&siacct=set")
    );
}

#[test]
fn every_value_of_every_input_round_trips() {
    for input in INPUTS {
        for option in input.options {
            let mut s = Scenario::default();
            s.set(input.key, option.key).unwrap();
            let link = encode(&s);
            assert_eq!(decode(&link), Ok(s.clone()), "{link}");
            // A default is left out; anything else is written as `key=value`.
            let pair = format!("&{}={}", input.key, option.key);
            assert_eq!(
                link.contains(&pair),
                option.key != input.options[0].key,
                "{link}"
            );
        }
    }
    fn each<T: Copy>(all: &[T], set: impl Fn(&mut Scenario, T)) {
        for &v in all {
            let mut s = Scenario::default();
            set(&mut s, v);
            assert_eq!(decode(&encode(&s)), Ok(s.clone()), "{}", encode(&s));
        }
    }
    each(Arch::ALL, |s, v| s.arch = v);
    each(Interact::ALL, |s, v| s.interact = v);
    each(Ui::ALL, |s, v| s.ui = v);
    each(Deploy::ALL, |s, v| s.deploy = v);
    each(Boundary::ALL, |s, v| s.boundary = v);
    each(SlowMode::ALL, |s, v| s.slow = v);
    each(Drive::ALL, |s, v| s.drive = v);
    each(Letter::ALL, |s, v| s.letter = v);
    each(Mapped::ALL, |s, v| s.mapped = v);
    each(Os::ALL, |s, v| s.os = v);
    each(Installer::ALL, |s, v| s.installer = v);
    each(Principal::ALL, |s, p| s.dpacl = Readers::of(&[p]));
    each(Principal::ALL, |s, p| {
        s.shares = vec![Share::new(r"\\fs01\apps", Readers::of(&[p]))]
    });
    each(&[Readers::NONE, Readers::of(Principal::ALL)], |s, r| {
        s.dpacl = r
    });
}

/// Domain Controllers is a principal like the others: in the DP's readers and in a share's,
/// beside all the others (a reader list holds any of them).
#[test]
fn domain_controllers_is_a_principal_of_links() {
    let s = decode(
        "v=1&dpacl=domain-controllers&share=%5C%5Cfs01%5Capps~domain-computers,domain-controllers",
    )
    .unwrap();
    assert_eq!(s.dpacl, Readers::of(&[Principal::DomainControllers]));
    assert_eq!(
        s.shares[0].readers,
        Readers::of(&[Principal::DomainComputers, Principal::DomainControllers])
    );
    let all = Readers::of(Principal::ALL);
    assert_eq!(all.iter().count(), Principal::ALL.len());
    assert_eq!(
        all.keys(),
        "everyone,users,domain-users,domain-computers,domain-controllers,naa,siacct,\
         logged-on-user,client-connection"
    );
}

#[test]
fn shares_keep_their_order() {
    // (A share listed twice is refused since links name each share once: the fourth is
    // another folder of the second's share.)
    let uncs = [
        r"\\zeta\z",
        r"\\alpha\a",
        r"\\mid\m\sub dir",
        r"\\alpha\a\b",
    ];
    let s = Scenario {
        shares: uncs
            .iter()
            .zip(Principal::ALL)
            .map(|(u, p)| Share::new(*u, Readers::of(&[*p])))
            .collect(),
        ..Scenario::default()
    };
    let back = decode(&encode(&s)).unwrap();
    let got: Vec<&str> = back.shares.iter().map(|x| x.unc.as_str()).collect();
    assert_eq!(got, uncs);
    assert_eq!(back, s);
    let typed = decode(r"v=1&share=\\b\2~users&share=\\a\1~naa&share=\\c\3~").unwrap();
    let got: Vec<&str> = typed.shares.iter().map(|x| x.unc.as_str()).collect();
    assert_eq!(got, [r"\\b\2", r"\\a\1", r"\\c\3"]);
}

#[test]
fn a_unc_with_a_tilde_round_trips() {
    for readers in [
        Readers::NONE,
        Readers::of(&[Principal::Users]),
        Readers::of(&[Principal::DomainComputers, Principal::Naa]),
    ] {
        for unc in [
            r"\\fs01\PROGRA~1",
            r"\\fs01\PROGRA~1\SETUP~2.EXE",
            r"\\fs01\apps~",
        ] {
            let s = Scenario {
                shares: vec![Share::new(unc, readers)],
                ..Scenario::default()
            };
            assert_eq!(decode(&encode(&s)), Ok(s.clone()), "{}", encode(&s));
        }
    }
    // As a person would write it: the readers follow the last `~`.
    let s = decode("v=1&share=%5C%5Cfs01%5CPROGRA~1~users").unwrap();
    assert_eq!(s.shares[0].unc, r"\\fs01\PROGRA~1");
    assert_eq!(s.shares[0].readers, Readers::of(&[Principal::Users]));
}

#[test]
fn embed_view_round_trips() {
    let link = Link {
        scenario: issue_scenario(),
        view: View::Embed,
        ..Link::default()
    };
    let text = encode_link(&link);
    assert!(text.ends_with("&view=embed"), "{text}");
    assert_eq!(decode_link(&text), Ok(link.clone()));
    assert_eq!(decode(&text), Ok(link.scenario));
    assert_eq!(decode_link("v=1").unwrap().view, View::Full);
    assert_eq!(decode_link("v=1&view=full").unwrap().view, View::Full);
}

#[test]
fn the_embed_views_theme_round_trips_and_is_left_out_at_its_default() {
    for (theme, key) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
        let link = Link {
            scenario: issue_scenario(),
            view: View::Embed,
            theme,
            ..Link::default()
        };
        let text = encode_link(&link);
        assert!(
            text.ends_with(&format!("&view=embed&theme={key}")),
            "{text}"
        );
        assert_eq!(decode_link(&text), Ok(link.clone()));
        // The theme changes how the scenario looks, never what it is.
        assert_eq!(decode(&text), Ok(issue_scenario()));
    }
    // A link without it (every link written before it existed) reads as before.
    assert_eq!(decode_link(ISSUE_EXAMPLE).unwrap().theme, Theme::System);
    let default = Link {
        scenario: issue_scenario(),
        view: View::Embed,
        ..Link::default()
    };
    assert!(!encode_link(&default).contains("theme"));
    assert_eq!(
        decode_link("v=1&view=embed&theme=dark").unwrap().theme,
        Theme::Dark
    );
    assert_error("v=1&theme=sepia", "theme", "light or dark");
    assert_error("v=1&theme=dark&theme=light", "theme", "more than once");
}

/// A link error: its key, and the texts its message must contain.
fn assert_error(link: &str, key: &str, value: &str) -> LinkError {
    let e = decode(link).expect_err(link);
    assert_eq!(e.key(), key, "{link}: {e:?}");
    let text = e.to_string();
    assert!(
        text.contains(key),
        "{link}: {text:?} does not name the key {key:?}"
    );
    assert!(
        text.contains(value),
        "{link}: {text:?} does not quote the value {value:?}"
    );
    e
}

#[test]
fn an_unknown_key_is_named() {
    let e = assert_error("v=1&colour=blue", "colour", "colour");
    assert_eq!(
        e,
        LinkError::UnknownKey {
            key: "colour".into()
        }
    );
}

#[test]
fn an_unknown_value_is_named_with_the_values_the_key_takes() {
    let e = assert_error("v=1&client=sms2", "client", "sms2");
    assert!(matches!(&e, LinkError::UnknownValue { value, .. } if value == "sms2"));
    assert!(e.to_string().contains("advanced, legacy or cm07"), "{e}");
    assert_error("v=1&logon=root", "logon", "root");
    assert_error("v=1&sia=yes", "sia", "yes");
    assert_error("v=1&view=tiny", "view", "tiny");
}

#[test]
fn a_bad_value_of_every_new_key_is_named_with_the_values_it_takes() {
    for &key in NEW_KEYS {
        let link = format!("v=1&{key}=bogus");
        let e = assert_error(&link, key, "bogus");
        assert!(
            matches!(&e, LinkError::UnknownValue { key: k, .. } if k == key),
            "{e:?}"
        );
        let text = e.to_string();
        for option in Input::by_key(key).unwrap().options {
            assert!(
                text.contains(option.key),
                "{link}: {text} lacks {}",
                option.key
            );
        }
    }
    assert_error("v=1&dpacl=domain-controller", "dpacl", "domain-controller");
    // A repeated new key is named too.
    assert_error("v=1&drive=any&drive=fixed", "drive", "drive");
}

#[test]
fn an_unknown_key_lists_the_keys_a_link_has() {
    let text = decode("v=1&colour=blue").unwrap_err().to_string();
    for input in INPUTS {
        assert!(text.contains(input.key), "{text} lacks {}", input.key);
    }
}

#[test]
fn a_share_that_is_not_a_unc_is_refused() {
    let e = assert_error("v=1&share=fs01~users", "share", "fs01");
    assert!(matches!(e, LinkError::BadShare { .. }), "{e:?}");
    assert_error(r"v=1&share=\\fs01~users", "share", r"\\fs01");
    assert_error(r"v=1&share=\\\apps~users", "share", r"\\\apps");
}

#[test]
fn an_unknown_principal_is_named_in_dpacl_and_in_a_share() {
    let e = assert_error("v=1&dpacl=users,admins", "dpacl", "admins");
    assert!(matches!(&e, LinkError::UnknownValue { value, .. } if value == "admins"));
    // In a share, the error names the reader and the share it is a reader of.
    let e = assert_error(
        "v=1&share=%5C%5Cfs01%5Capps~users,admins",
        "share",
        "admins",
    );
    assert_eq!(
        e,
        LinkError::BadReader {
            share: r"\\fs01\apps".into(),
            reader: "admins".into()
        }
    );
    assert!(e.to_string().contains(r"\\fs01\apps"), "{e}");
}

#[test]
fn a_repeated_key_is_named() {
    let e = assert_error("v=1&client=legacy&client=cm07", "client", "client");
    assert_eq!(
        e,
        LinkError::Repeated {
            key: "client".into()
        }
    );
    assert_error("v=1&v=1", "v", "v");
    // Shares repeat by design, each a different one (the same share twice is refused: see
    // link_partial.rs).
    assert_eq!(
        decode(r"v=1&share=\\a\b~&share=\\a\c~")
            .unwrap()
            .shares
            .len(),
        2
    );
}

#[test]
fn a_future_version_is_refused() {
    let e = assert_error("v=2&client=legacy", "v", "v=2");
    assert_eq!(e, LinkError::FutureVersion { version: 2 });
    assert_error("v=one", "v", "one");
}

#[test]
fn too_many_shares_are_refused() {
    // Each a different share: a share listed twice is refused on its own (link_partial.rs).
    let shares = |n: usize| -> String {
        (1..=n)
            .map(|i| format!("&share=%5C%5Cfs{i:03}%5Capps~users"))
            .collect()
    };
    let ok = format!("v=1{}", shares(500));
    assert_eq!(decode(&ok).unwrap().shares.len(), 500);
    let e = assert_error(&format!("v=1{}", shares(501)), "share", "501");
    assert_eq!(e, LinkError::TooManyShares { count: 501 });
}

#[test]
fn a_5000_character_unc_is_refused() {
    let unc = format!(r"\\fs01\{}", "a".repeat(5000 - 7));
    assert_eq!(unc.chars().count(), 5000);
    let link = format!("v=1&share={unc}~users");
    let e = assert_error(&link, "share", r"\\fs01\aaaa");
    assert!(e.to_string().contains("5000"), "{e}");
    assert!(
        e.to_string().len() < 400,
        "the message quotes a bounded value: {e}"
    );
}

#[test]
fn a_link_of_ten_shares_stays_under_2000_characters() {
    let s = Scenario {
        client: Client::Cm07,
        os: Os::Vista,
        arch: Arch::X64,
        run: Run::Admin,
        interact: Interact::On,
        ui: Ui::Prompts,
        installer: Installer::MsiAllusers2,
        deploy: Deploy::RunDp,
        drive: Drive::Fixed,
        letter: Letter::Taken,
        mapped: Mapped::On,
        naa: Account::Set,
        dpacl: Readers::of(&[Principal::Users, Principal::Naa]),
        shares: (1..=10)
            .map(|i| {
                Share::new(
                    format!(r"\\fileserver{i:02}\applications\vendor\product {i}"),
                    Readers::of(&[Principal::DomainComputers, Principal::Naa]),
                )
            })
            .collect(),
        ..Scenario::default()
    };
    let link = encode(&s);
    println!("a link of ten shares is {} characters", link.len());
    assert!(
        link.len() < LONG_LINK_CHARS,
        "{} characters: {link}",
        link.len()
    );
    assert!(link.len() < 2_000);
    assert_eq!(decode(&link), Ok(s));
}

#[test]
fn a_quiz_link_round_trips_in_both_views_and_is_left_out_when_not_asked() {
    for view in [View::Full, View::Embed] {
        let link = Link {
            scenario: issue_scenario(),
            view,
            quiz: true,
            ..Link::default()
        };
        let text = encode_link(&link);
        assert!(text.ends_with("&quiz=1"), "{text}");
        assert_eq!(decode_link(&text), Ok(link.clone()));
        // The quiz changes how the scenario is shown, never what it is.
        assert_eq!(decode(&text), Ok(issue_scenario()));
    }
    // Every link written before the key existed reads as before: no quiz.
    assert!(!decode_link(ISSUE_EXAMPLE).unwrap().quiz);
    assert!(!encode_link(&decode_link(ISSUE_EXAMPLE).unwrap()).contains("quiz"));
    assert!(!decode_link("v=1&quiz=0").unwrap().quiz);
    assert!(decode_link("v=1&view=embed&quiz=1").unwrap().quiz);
}

#[test]
fn a_quiz_key_with_another_value_is_named_in_the_error() {
    assert_error("v=1&quiz=2", "quiz", "1 or 0");
    assert_error("v=1&quiz=yes", "quiz", "1 or 0");
    assert_error("v=1&quiz=1&quiz=1", "quiz", "more than once");
    // A comparison's second scenario has no quiz of its own.
    assert_error("v=1&b.quiz=1", "b.quiz", "unknown key");
}
