//! A link with a mistake: `decode_lenient` keeps every part that can be
//! read and names each part that cannot — the reader of a share, not `share=`; the strict
//! decoder refuses the link with the first of them; a link without mistakes reads the same
//! either way.

use credflow_core::link::{decode_lenient, decode_link, encode_link, Link, View};
use credflow_core::present::scenario_lines;
use credflow_core::presets::PRESETS;
use credflow_core::{decode, Client, LinkError, Principal, Readers, Role, Run, Scenario, Share};

const BAD_READER: &str = "#v=1&share=%5C%5Cfs01%5Capps~bogus";

#[test]
fn a_bad_reader_is_named_with_its_share_and_the_share_is_kept() {
    let (link, errors) = decode_lenient(BAD_READER);
    assert_eq!(
        errors,
        [LinkError::BadReader {
            share: r"\\fs01\apps".into(),
            reader: "bogus".into()
        }]
    );
    let text = errors[0].to_string();
    assert!(
        text.starts_with(r#"reader "bogus" of share "\\fs01\apps""#),
        "{text}"
    );
    assert!(!text.contains("share=bogus"), "{text}");
    // The share itself could be read; it has no reader that could.
    assert_eq!(
        link.scenario.shares,
        [Share::new(r"\\fs01\apps", Readers::NONE)]
    );
    // The strict decoder refuses the link with the same error.
    assert_eq!(decode_link(BAD_READER), Err(errors[0].clone()));
}

#[test]
fn a_share_keeps_the_readers_that_could_be_read() {
    let (link, errors) =
        decode_lenient("v=1&client=legacy&share=%5C%5Cfs01%5Capps~users,bogus,naa");
    assert_eq!(errors.len(), 1);
    assert_eq!(link.scenario.client, Client::Legacy);
    assert_eq!(
        link.scenario.shares[0].readers,
        Readers::of(&[Principal::Users, Principal::Naa])
    );
}

#[test]
fn an_unknown_key_is_left_out_and_the_rest_is_read() {
    let (link, errors) = decode_lenient("v=1&client=legacy&colour=red&run=user");
    assert_eq!(
        errors,
        [LinkError::UnknownKey {
            key: "colour".into()
        }]
    );
    assert_eq!(link.scenario.client, Client::Legacy);
    assert_eq!(link.scenario.run, Run::User);
}

#[test]
fn an_unknown_value_leaves_its_input_at_the_default() {
    let (link, errors) = decode_lenient("v=1&client=cm08&role=domain-controller");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].key(), "client");
    assert_eq!(link.scenario.client, Client::default());
    assert_eq!(link.scenario.role, Role::DomainController);
}

#[test]
fn a_path_over_260_characters_is_named_and_the_other_shares_are_kept() {
    let long = format!(r"\\fs01\{}", "a".repeat(300));
    let input =
        format!("v=1&share=%5C%5Cfs02%5Cx~users&share={long}~users&share=%5C%5Cfs03%5Cy~naa");
    let (link, errors) = decode_lenient(&input);
    assert_eq!(errors.len(), 1);
    assert!(matches!(&errors[0], LinkError::BadShare { problem, .. } if problem.contains("307")));
    let kept: Vec<&str> = link
        .scenario
        .shares
        .iter()
        .map(|s| s.unc.as_str())
        .collect();
    assert_eq!(kept, [r"\\fs02\x", r"\\fs03\y"]);
}

#[test]
fn a_newer_version_is_named_and_what_this_version_knows_is_read() {
    let (link, errors) = decode_lenient("v=2&client=legacy");
    assert_eq!(errors, [LinkError::FutureVersion { version: 2 }]);
    assert_eq!(link.scenario.client, Client::Legacy);
}

#[test]
fn a_repeated_key_reads_neither_value_and_is_named_once() {
    let (link, errors) = decode_lenient("v=1&client=legacy&client=cm07&client=advanced&run=user");
    assert_eq!(
        errors,
        [LinkError::Repeated {
            key: "client".into()
        }]
    );
    assert_eq!(link.scenario.client, Client::default());
    assert_eq!(link.scenario.run, Run::User);
}

#[test]
fn every_mistake_is_named_in_the_links_order() {
    let (link, errors) = decode_lenient(
        "v=2&colour=red&client=legacy&share=%5C%5Cfs01%5Capps~bogus&share=fs02~users\
         &share=%5C%5CFS01%5CAPPS~users&view=tiny",
    );
    let keys: Vec<&str> = errors.iter().map(LinkError::key).collect();
    assert_eq!(keys, ["v", "colour", "share", "share", "share", "view"]);
    assert!(matches!(errors[2], LinkError::BadReader { .. }));
    assert!(matches!(errors[3], LinkError::BadShare { .. }));
    assert!(matches!(errors[4], LinkError::DuplicateShare { .. }));
    assert_eq!(link.scenario.client, Client::Legacy);
    assert_eq!(link.scenario.shares.len(), 1);
    assert_eq!(link.view, View::Full);
}

#[test]
fn too_many_shares_keep_the_first_five_hundred() {
    let input: String = std::iter::once("v=1".to_string())
        .chain((1..=502).map(|i| format!("&share=%5C%5Cfs{i:03}%5Capps~users")))
        .collect();
    let (link, errors) = decode_lenient(&input);
    assert_eq!(errors, [LinkError::TooManyShares { count: 502 }]);
    assert_eq!(link.scenario.shares.len(), 500);
}

#[test]
fn a_link_too_long_to_read_reads_nothing() {
    let input = format!("v=1&client=legacy&x={}", "x".repeat(400_000));
    let (link, errors) = decode_lenient(&input);
    assert!(matches!(errors[..], [LinkError::TooLong { .. }]));
    assert_eq!(link, Link::default());
}

#[test]
fn what_could_be_read_is_said_in_lines() {
    let (link, _) = decode_lenient("v=1&client=legacy&colour=red&share=%5C%5Cfs01%5Capps~bogus");
    assert_eq!(
        scenario_lines(&link.scenario),
        [
            "Client: SMS 2003 Legacy Client",
            r"Share \\fs01\apps — readers: nobody"
        ]
    );
    assert!(scenario_lines(&Scenario::default()).is_empty());
}

#[test]
fn every_valid_link_reads_the_same_as_before() {
    // The classic cases, and links from the v1 tests, read without a mistake and exactly as
    // the strict decoder reads them.
    let mut links: Vec<String> = PRESETS.iter().map(|p| p.link.to_string()).collect();
    links.extend(
        [
            "v=1",
            "v=1&client=legacy&run=admin&share=%5C%5Cfs01%5Capps~naa",
            "v=1&share=%5C%5Cfs01%5CPROGRA~1~users&view=embed",
            "v=1&dpacl=users,naa&share=%5C%5Ca%5Cb~&share=%5C%5Ca%5Cc~domain-computers",
        ]
        .map(String::from),
    );
    for text in links {
        let (link, errors) = decode_lenient(&text);
        assert!(errors.is_empty(), "{text}: {errors:?}");
        assert_eq!(Ok(link.clone()), decode_link(&text), "{text}");
        assert_eq!(decode(&text), Ok(link.scenario.clone()));
        // And writes back to itself (defaults left out).
        assert_eq!(decode_link(&encode_link(&link)), Ok(link), "{text}");
    }
}
