//! The share link: the rule book's keys and values as a URL fragment, and back.

use credflow_core::link::{decode_link, encode_link, Link, View, LONG_LINK_CHARS};
use credflow_core::{
    decode, encode, Account, Client, Domain, Installer, LinkError, Logon, Os, Principal, Readers,
    Role, Run, Scenario, Share, Sia, Source, When,
};

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
        shares: vec![Share::new(r"\\fs01\apps", Readers::NONE)],
    };
    let link = encode(&s);
    assert_eq!(
        link,
        "v=1&client=legacy&os=win9x&role=member-server&domain=untrusted&run=user&when=nouser\
         &sia=1&logon=admin&installer=setup-user&naa=set&siacct=set&source=unc\
         &dpacl=everyone,naa&share=%5C%5Cfs01%5Capps~"
    );
    assert_eq!(decode(&link), Ok(s));
}

#[test]
fn every_value_of_every_input_round_trips() {
    fn each<T: Copy>(all: &[T], set: impl Fn(&mut Scenario, T)) {
        for &v in all {
            let mut s = Scenario::default();
            set(&mut s, v);
            assert_eq!(decode(&encode(&s)), Ok(s.clone()), "{}", encode(&s));
        }
    }
    each(Client::ALL, |s, v| s.client = v);
    each(Os::ALL, |s, v| s.os = v);
    each(Role::ALL, |s, v| s.role = v);
    each(Domain::ALL, |s, v| s.domain = v);
    each(Run::ALL, |s, v| s.run = v);
    each(When::ALL, |s, v| s.when = v);
    each(Sia::ALL, |s, v| s.sia = v);
    each(Logon::ALL, |s, v| s.logon = v);
    each(Installer::ALL, |s, v| s.installer = v);
    each(Account::ALL, |s, v| s.naa = v);
    each(Account::ALL, |s, v| s.siacct = v);
    each(Source::ALL, |s, v| s.source = v);
    each(Principal::ALL, |s, p| s.dpacl = Readers::of(&[p]));
    each(&[Readers::NONE], |s, r| s.dpacl = r);
}

#[test]
fn shares_keep_their_order() {
    let uncs = [r"\\zeta\z", r"\\alpha\a", r"\\mid\m\sub dir", r"\\alpha\a"];
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
    };
    let text = encode_link(&link);
    assert!(text.ends_with("&view=embed"), "{text}");
    assert_eq!(decode_link(&text), Ok(link.clone()));
    assert_eq!(decode(&text), Ok(link.scenario));
    assert_eq!(decode_link("v=1").unwrap().view, View::Full);
    assert_eq!(decode_link("v=1&view=full").unwrap().view, View::Full);
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
    let e = assert_error(
        "v=1&share=%5C%5Cfs01%5Capps~users,admins",
        "share",
        "admins",
    );
    assert!(matches!(&e, LinkError::UnknownValue { value, .. } if value == "admins"));
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
    // Shares repeat by design.
    assert_eq!(
        decode(r"v=1&share=\\a\b~&share=\\a\b~")
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
    let share = "&share=%5C%5Cfs01%5Capps~users";
    let ok = format!("v=1{}", share.repeat(500));
    assert_eq!(decode(&ok).unwrap().shares.len(), 500);
    let e = assert_error(&format!("v=1{}", share.repeat(501)), "share", "501");
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
        run: Run::Admin,
        installer: Installer::MsiAllusers2,
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
