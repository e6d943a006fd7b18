//! An audit of the planner against the rule book (`domain.md`, version 2): table-driven
//! cases, each citing the line of the rule book it checks. Every expected value below is read
//! off the rule book's text, not off the engine.
//!
//! A case lists EVERY step of its plan, in order, as `"<step> <identity> <outcome> [extras]"`.
//! `*` as identity or outcome means the rule book does not say; it is then not checked.
//! Extras:
//! `@<resource id>`, `unreached`, `log=<file>`, `src=<id>,<id>` (the step names at least these
//! sources), `tried=<identity>:<outcome>,...` (the fallback's attempts, in order),
//! `noattempts`, `inferred` (the step says what it infers) / `sourced` (it infers nothing),
//! `rule=<rule id>`, and texts (case-insensitive; `_` stands for a space): `note~<text>` (a
//! note holds it), `nonote~<text>` (no note does), `reason~<text>`, `fix~<text>`,
//! `action~<text>` / `noaction~<text>`, `text~<text>` (the reason, a note, the fix or the
//! action holds it).
//!
//! Checked for every step of every case, from the rule book's general sections:
//! * the sequence of step kinds ("Steps, in order"): schedule, run-as, fetch-content only with
//!   `source=dp`, map-drive only when `drive` ≠ `unc` after normalisation, one connect-share per
//!   share in order, use-mapped-drive when `mapped=1`, user-input when `ui=prompts`, install;
//! * `reached` is false exactly for the steps after the first failing one ("Steps after a
//!   failure are still evaluated and shown, marked 'not reached'");
//! * the resource of each step kind (each step's heading, "Resources");
//! * the log folder and file from "Logs: where to look" for the client and `arch`;
//! * who acts: map-drive "as step 3's identity"; use-mapped-drive, user-input ("identity: the
//!   run-as identity") and install as the identity that runs the program;
//! * "Every rule names its source ids": every step names at least one source;
//! * an ok step has no fix, and a failing step has one;
//! * the verdict "is the worst outcome of any step, reached or not (fails > waits > at-risk >
//!   ok)" and the first failure "is the first step ... whose outcome is fails";
//! * what normalisation changed ("says what it changed and why").

mod common;
use common::{check_verdict, describe, tried};
use credflow_core::{
    decode, plan, Client, Domain, Identity, Outcome, Plan, Principal, Role, Scenario, SourceId,
    StepKind,
};

struct Case {
    name: &'static str,
    /// A share-link fragment; `\` in a UNC is percent-encoded before decoding, as links
    /// carry it.
    link: &'static str,
    /// `ok`, `at-risk`, `waits`, or `fails@<n>`.
    verdict: &'static str,
    /// The keys normalisation reports as changed, in order.
    normalised: &'static [&'static str],
    steps: &'static [&'static str],
}

const fn case(
    name: &'static str,
    link: &'static str,
    verdict: &'static str,
    normalised: &'static [&'static str],
    steps: &'static [&'static str],
) -> Case {
    Case {
        name,
        link,
        verdict,
        normalised,
        steps,
    }
}

// Whole plans that several cases below expect, named for who acts.
/// Local System runs and installs, the computer account reads the package: all ok.
const LOCAL_SYSTEM_OK: &[&str] = &[
    "schedule * ok",
    "run-as local-system ok",
    "fetch-content computer-account ok",
    "install local-system ok",
];
/// The same, the install writing the local machine.
const LOCAL_SYSTEM_OK_ON_THE_MACHINE: &[&str] = &[
    "schedule * ok",
    "run-as local-system ok",
    "fetch-content computer-account ok",
    "install local-system ok @local-machine",
];
/// The logged-on user runs, reads and installs: all ok.
const USER_OK: &[&str] = &[
    "schedule * ok",
    "run-as logged-on-user ok",
    "fetch-content logged-on-user ok",
    "install logged-on-user ok",
];
/// The logged-on user runs and reads, and is denied writing the local machine.
const USER_DENIED_ON_THE_MACHINE: &[&str] = &[
    "schedule * ok",
    "run-as logged-on-user ok",
    "fetch-content logged-on-user ok",
    "install logged-on-user fails @local-machine reason~access_denied",
];
/// The logged-on user runs and installs; the installer's dialog waits on the desktop.
const USER_DIALOG_AT_RISK: &[&str] = &[
    "schedule * ok",
    "run-as logged-on-user ok",
    "fetch-content logged-on-user ok",
    "user-input logged-on-user at-risk @desktop",
    "install logged-on-user ok",
];
/// The Legacy Client's token account runs and installs per machine, its Client Connection
/// Account reads the package: all ok.
const TOKEN_OK_ON_THE_MACHINE: &[&str] = &[
    "schedule * ok",
    "run-as client-token ok",
    "fetch-content client-connection ok",
    "install client-token ok @local-machine",
];
/// The Software Installation Account runs, reads and installs per machine: all ok.
const SIA_OK_ON_THE_MACHINE: &[&str] = &[
    "schedule * ok",
    "run-as software-installation-account ok",
    "fetch-content software-installation-account ok",
    "install software-installation-account ok @local-machine",
];

static CASES: &[Case] = &[
    // ══ 5. connect-share, SMS 2003 Advanced Client, run=admin ═════════════════════════════
    // "Advanced admin: try computer-account, then the NAA if configured — the order is
    // inferred [WIN-LOCALSYSTEM][S1] ... The computer account reads: ok." COMPUTER$ counts as
    // "everyone, users, and domain-computers". "Note on every such step: the disagreement,
    // with both sources." run-as: "Local System [S1][CM07-ENV]"; fetch-content: "Advanced/CM07
    // admin: computer account, then NAA [CM07-NAA][CB-ACCOUNTS] (for SMS 2003 the order is
    // inferred from CM07)"; the default is download: "download into the client cache".
    case(
        "advanced_admin_computer_account_reads_a_share_granted_to_everyone",
        r"v=1&naa=set&share=\\fs01\apps~everyone",
        "ok",
        &[],
        &[
            "schedule * ok src=CM07-ENV",
            "run-as local-system ok src=S1,CM07-ENV",
            "fetch-content computer-account ok src=CM07-NAA,CB-ACCOUNTS tried=computer-account:ok inferred action~cache",
            r"connect-share computer-account ok @share:\\fs01\apps log=execmgr.log src=WIN-LOCALSYSTEM,S1 tried=computer-account:ok inferred note~S1",
            "install local-system ok @local-machine",
        ],
    ),
    // "then the NAA if configured": without one, the computer account alone, and it reads.
    case(
        "advanced_admin_without_naa_reads_an_everyone_share_as_the_computer",
        r"v=1&share=\\fs01\apps~everyone",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            r"connect-share computer-account ok @share:\\fs01\apps note~S1",
            "install local-system ok @local-machine",
        ],
    ),
    // "Only the NAA reads: at-risk — only S1 says the client connects to non-SMS shares as the
    // NAA ... Fix: grant Domain Computers ... read, and, if you follow S1, the NAA too — or copy
    // the files into the package". The NAA counts as "everyone, users, domain-users, naa".
    case(
        "advanced_admin_share_only_the_naa_reads_is_at_risk",
        r"v=1&naa=set&share=\\fs01\apps~domain-users",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            r"connect-share network-access-account at-risk @share:\\fs01\apps tried=computer-account:fails,network-access-account:ok note~S1 fix~Domain_Computers fix~package",
            "install local-system ok @local-machine",
        ],
    ),
    // "Neither reads: fails, access denied in execmgr.log"; the step "shows ... the last one
    // tried".
    case(
        "advanced_admin_share_neither_account_reads_fails_as_the_last_one_tried",
        r"v=1&naa=set&logon=user&share=\\fs01\apps~logged-on-user",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share network-access-account fails log=execmgr.log tried=computer-account:fails,network-access-account:fails reason~access_denied fix~Domain_Computers note~S1",
            "install local-system ok unreached",
        ],
    ),
    // "an account that is not configured is skipped": a share for the NAA only, no NAA — the
    // computer account is the last (and only) one tried.
    case(
        "advanced_admin_share_for_the_naa_without_an_naa_fails_as_the_computer",
        r"v=1&share=\\fs01\apps~naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share computer-account fails log=execmgr.log tried=computer-account:fails reason~access_denied note~S1",
            "install local-system ok unreached",
        ],
    ),
    // "a domain controller's computer account is in Domain Controllers, not Domain Computers
    // [AD-GROUPS]"; "Fix: grant Domain Computers (on a DC: Domain Controllers) read".
    case(
        "advanced_admin_on_a_dc_is_refused_by_a_domain_computers_share",
        r"v=1&role=domain-controller&share=\\fs01\apps~domain-computers",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share computer-account fails fix~Domain_Controllers nonote~lock",
            "install local-system ok unreached",
        ],
    ),
    case(
        "advanced_admin_on_a_dc_reads_a_domain_controllers_share",
        r"v=1&role=domain-controller&share=\\fs01\apps~domain-controllers",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share computer-account ok note~S1 nonote~lock",
            "install local-system ok",
        ],
    ),
    // On a DC through the NAA: at-risk, the S1 note, and no lock-out warning (that is the
    // Legacy token account's).
    case(
        "advanced_dc_share_through_the_naa_is_at_risk_without_lockout_warning",
        r"v=1&role=domain-controller&naa=set&share=\\fs01\apps~naa",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share network-access-account at-risk note~S1 nonote~lock",
            "install local-system ok",
        ],
    ),
    // COMPUTER$ counts as "nothing when domain=untrusted", on the DP and on the share; the NAA
    // reads both: ok on the DP, at-risk on the share.
    case(
        "untrusted_advanced_admin_reaches_everything_only_through_the_naa",
        r"v=1&domain=untrusted&naa=set&share=\\fs01\apps~everyone",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content network-access-account ok tried=computer-account:fails,network-access-account:ok",
            "connect-share network-access-account at-risk tried=computer-account:fails,network-access-account:ok",
            "install local-system ok",
        ],
    ),
    // "one per share" in order: the computer reads the first, neither the second, only the
    // NAA the third (not reached).
    case(
        "advanced_three_shares_each_with_its_own_outcome",
        r"v=1&naa=set&share=\\fs01\a~everyone&share=\\fs02\b~logged-on-user&share=\\fs03\c~naa",
        "fails@5",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            r"connect-share computer-account ok @share:\\fs01\a",
            r"connect-share network-access-account fails @share:\\fs02\b",
            r"connect-share network-access-account at-risk @share:\\fs03\c unreached",
            "install local-system ok unreached",
        ],
    ),
    // ══ 5. connect-share, CM07, run=admin ═════════════════════════════════════════════════
    // "CM07 admin: computer-account [CM07-NAA][WIN-LOCALSYSTEM]" — one identity, no
    // fallback, no inference.
    case(
        "cm07_admin_computer_account_reads_a_share_granted_to_authenticated_users",
        r"v=1&client=cm07&share=\\fs01\apps~users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok src=S1,CM07-ENV sourced",
            "fetch-content computer-account ok src=CM07-NAA,CB-ACCOUNTS",
            r"connect-share computer-account ok @share:\\fs01\apps log=execmgr.log src=CM07-NAA,WIN-LOCALSYSTEM noattempts sourced",
            "install local-system ok @local-machine",
        ],
    ),
    // COMPUTER$ is neither `domain-users` nor `naa`; CM07 does not fall back to the NAA on a
    // share.
    case(
        "cm07_admin_share_for_domain_users_and_naa_refuses_the_computer_account",
        r"v=1&client=cm07&naa=set&share=\\fs01\apps~domain-users,naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share computer-account fails noattempts reason~access_denied",
            "install local-system ok unreached",
        ],
    ),
    // On a DC, `domain-controllers` admits COMPUTER$ [AD-GROUPS]; no lock-out warning.
    case(
        "cm07_on_a_dc_reads_a_domain_controllers_share_without_lockout_warning",
        r"v=1&client=cm07&role=domain-controller&share=\\fs01\apps~domain-controllers",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share computer-account ok nonote~lock",
            "install local-system ok",
        ],
    ),
    // ══ 5. connect-share, run=user ════════════════════════════════════════════════════════
    // "`run=user`: the user." — no NAA fallback on a share. fetch-content on CM07: "the user,
    // then the NAA on CM07 [CM07-FLOW][CB-ACCOUNTS]": the user reads the default `users` DP.
    case(
        "cm07_user_rights_share_for_the_naa_only_refuses_the_user_without_fallback",
        r"v=1&client=cm07&run=user&when=user&logon=user&installer=setup-user&naa=set&share=\\fs01\apps~naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok tried=logged-on-user:ok src=CM07-FLOW,CB-ACCOUNTS",
            "connect-share logged-on-user fails noattempts log=execmgr.log",
            "install logged-on-user ok unreached",
        ],
    ),
    // The Advanced Client: "the user alone on the SMS 2003 clients ... [KB826871]"; a logged-on
    // admin "may write HKLM and Program Files" (v1's install rule).
    case(
        "advanced_user_rights_local_admin_cannot_borrow_the_naa_for_a_share",
        r"v=1&run=user&when=user&logon=admin&naa=set&share=\\fs01\apps~naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok noattempts src=KB826871",
            "connect-share logged-on-user fails",
            "install logged-on-user ok @local-machine unreached",
        ],
    ),
    // Legacy "runs as the user: the user alone" on the DP, and the user on the share.
    case(
        "legacy_user_rights_reads_dp_and_a_domain_users_share_as_the_user",
        r"v=1&client=legacy&run=user&when=user&logon=user&installer=setup-user&share=\\fs01\apps~domain-users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok src=KB826871 noattempts noaction~cache",
            r"connect-share logged-on-user ok @share:\\fs01\apps log=SMSAPM32.log",
            "install logged-on-user ok",
        ],
    ),
    // The user does not count as `siacct`.
    case(
        "legacy_user_rights_share_for_the_sia_only_refuses_the_user",
        r"v=1&client=legacy&run=user&when=user&logon=user&installer=setup-user&siacct=set&share=\\fs01\apps~siacct",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "connect-share logged-on-user fails",
            "install logged-on-user ok unreached",
        ],
    ),
    // ══ 5. connect-share, Legacy, run=admin, sia=1 ════════════════════════════════════════
    // run-as "SIA [S1][KB826871][Q235811]"; fetch-content "with SIA: the SIA [KB826871]";
    // connect-share "Legacy admin with SIA: the SIA [S1][KB826871][Q235811]".
    case(
        "legacy_sia_reads_everything_and_installs_per_machine",
        r"v=1&client=legacy&sia=1&siacct=set&share=\\fs01\apps~everyone",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok src=S1,KB826871,Q235811 log=SMSAPM32.log",
            "fetch-content software-installation-account ok src=KB826871",
            "connect-share software-installation-account ok src=S1,KB826871,Q235811 log=SMSAPM32.log",
            "install software-installation-account ok @local-machine",
        ],
    ),
    // The SIA counts as "everyone, users, domain-users, siacct", not `client-connection`.
    case(
        "legacy_sia_refused_by_a_share_for_the_client_connection_account_only",
        r"v=1&client=legacy&sia=1&siacct=set&share=\\fs01\apps~client-connection",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account ok",
            "connect-share software-installation-account fails",
            "install software-installation-account ok unreached",
        ],
    ),
    // Only the user and the computer account count as nothing "when domain=untrusted".
    case(
        "legacy_sia_in_an_untrusted_domain_still_reads_a_siacct_share",
        r"v=1&client=legacy&domain=untrusted&sia=1&siacct=set&share=\\fs01\apps~siacct",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account ok",
            "connect-share software-installation-account ok",
            "install software-installation-account ok",
        ],
    ),
    // "none can read: fails, access denied".
    case(
        "legacy_sia_refused_by_a_dp_share_for_the_logged_on_user_only",
        "v=1&client=legacy&sia=1&siacct=set&dpacl=logged-on-user",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account fails @distribution-point log=SMSAPM32.log reason~access_denied",
            "install software-installation-account ok unreached",
        ],
    ),
    // "`sia=1` with `siacct=none` ...: fails with 1317 — ... no SIA configured is inferred
    // from [Q264714][Q235205]". The later steps are shown, not reached; who would have read
    // the DP or the share without the account is not said.
    case(
        "legacy_sia_without_an_account_fails_at_run_as_with_1317",
        r"v=1&client=legacy&sia=1&share=\\fs01\apps~everyone",
        "fails@2",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account fails log=SMSAPM32.log src=Q264714,Q235205 reason~1317 inferred",
            "fetch-content * * unreached",
            r"connect-share * * @share:\\fs01\apps unreached",
            "install software-installation-account ok unreached",
        ],
    ),
    // v1's normalisation: `sia=1` only with `when` ∈ {any, nouser}. Then run-as: "token
    // account [S1][SMS03-ACCTLIFE]"; fetch-content: "Legacy admin without SIA:
    // `client-connection` — inferred [Q231399][Q307434][Q242011][SMS03-ACCTMIN]";
    // connect-share: "`client-token`, no domain rights: fails [Q199041][Q242011]".
    case(
        "legacy_sia_with_only_when_a_user_is_logged_on_is_dropped_and_the_token_cannot_reach_the_share",
        r"v=1&client=legacy&when=user&logon=user&sia=1&siacct=set&share=\\fs01\apps~siacct",
        "fails@4",
        &["sia"],
        &[
            "schedule * ok",
            "run-as client-token ok src=S1,SMS03-ACCTLIFE",
            "fetch-content client-connection ok src=Q231399,Q307434,Q242011,SMS03-ACCTMIN inferred noattempts",
            "connect-share client-token fails log=SMSAPM32.log src=Q199041,Q242011",
            "install client-token ok @local-machine unreached",
        ],
    ),
    // ══ 5. connect-share, Legacy, run=admin, sia=0 (the token account) ════════════════════
    // "Without: client-token, no domain rights: fails [Q199041][Q242011]; on a DC also warn"
    // — not elsewhere.
    case(
        "legacy_token_on_a_workstation_fails_on_a_share_without_readers_and_no_lockout_warning",
        r"v=1&client=legacy&share=\\fs01\apps~",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok @distribution-point",
            r"connect-share client-token fails @share:\\fs01\apps log=SMSAPM32.log src=Q199041 reason~access_denied nonote~lock",
            "install client-token ok unreached",
        ],
    ),
    // "on a DC also warn of lock-out of the shared domain copy [Q241982][Q231399][Q262341]
    // [Q244410]" — on each such step, the unreached one too.
    case(
        "legacy_token_on_a_dc_warns_of_lockout_on_every_share",
        r"v=1&client=legacy&role=domain-controller&share=\\fs01\a~everyone&share=\\fs02\b~users",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok src=S1",
            "fetch-content client-connection ok",
            r"connect-share client-token fails @share:\\fs01\a src=Q199041,Q241982 note~lock",
            r"connect-share client-token fails @share:\\fs02\b unreached src=Q241982 note~lock",
            "install client-token ok @local-machine unreached",
        ],
    ),
    // With `source=unc` no fetch-content ("only when source=dp"), "the program's source first".
    case(
        "legacy_dc_program_run_from_a_unc_source_fails_at_its_source_with_lockout_warning",
        r"v=1&client=legacy&role=domain-controller&source=unc&share=\\fs01\pkg~everyone",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            r"connect-share client-token fails @share:\\fs01\pkg log=SMSAPM32.log note~lock",
            "install client-token ok unreached",
        ],
    ),
    // A Legacy DC with run=user: the user everywhere; no token account on the network.
    case(
        "legacy_dc_user_rights_reaches_share_as_the_user_without_lockout_warning",
        r"v=1&client=legacy&role=domain-controller&run=user&when=user&logon=admin&share=\\fs01\apps~domain-users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "connect-share logged-on-user ok nonote~lock",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // ══ 3. fetch-content in an untrusted domain ═══════════════════════════════════════════
    // CM07: "the user, then the NAA on CM07 [CM07-FLOW][CB-ACCOUNTS]"; the user counts as
    // nothing when untrusted.
    case(
        "untrusted_cm07_user_rights_reads_dp_through_the_naa_fallback",
        "v=1&client=cm07&domain=untrusted&run=user&when=user&logon=user&installer=setup-user&naa=set",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content network-access-account ok tried=logged-on-user:fails,network-access-account:ok src=CM07-FLOW,CB-ACCOUNTS",
            "install logged-on-user ok",
        ],
    ),
    // What changed from v1: "the SMS 2003 clients read the DP in user context with the user's
    // credentials only (no NAA fallback: that is ConfigMgr 2007's)".
    case(
        "untrusted_advanced_user_rights_has_no_naa_fallback_on_the_dp",
        "v=1&domain=untrusted&run=user&when=user&logon=user&installer=setup-user&naa=set",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user fails noattempts src=KB826871 reason~access_denied",
            "install logged-on-user ok unreached",
        ],
    ),
    // "computer account, then NAA ... none can read: fails, access denied": COMPUTER$ counts as
    // nothing, the NAA is not `domain-computers`; "else the last one tried".
    case(
        "untrusted_advanced_admin_dp_for_domain_computers_refuses_both_attempts",
        "v=1&domain=untrusted&naa=set&dpacl=domain-computers",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content network-access-account fails tried=computer-account:fails,network-access-account:fails src=CM07-NAA,CB-ACCOUNTS reason~access_denied",
            "install local-system ok unreached",
        ],
    ),
    // Legacy sia=0 fetches as `client-connection`, which counts as "everyone, users,
    // domain-users, client-connection" whatever the domain.
    case(
        "untrusted_legacy_admin_client_connection_reads_a_domain_users_dp",
        "v=1&client=legacy&domain=untrusted&dpacl=domain-users",
        "ok",
        &[],
        TOKEN_OK_ON_THE_MACHINE,
    ),
    // A DC's computer account "is in Domain Controllers, not Domain Computers": on the DP
    // too. No NAA: fails.
    case(
        "advanced_admin_on_a_dc_cannot_read_a_dp_for_domain_computers",
        "v=1&role=domain-controller&dpacl=domain-computers",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account fails @distribution-point reason~access_denied",
            "install local-system ok unreached",
        ],
    ),
    // CM07 admin reaches a share as "computer-account" only: untrusted, it counts as nothing,
    // and the NAA is not tried even when configured.
    case(
        "untrusted_cm07_admin_share_fails_without_trying_the_naa",
        r"v=1&client=cm07&domain=untrusted&naa=set&share=\\fs01\apps~everyone",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content network-access-account ok tried=computer-account:fails,network-access-account:ok",
            "connect-share computer-account fails noattempts",
            "install local-system ok unreached",
        ],
    ),
    // ══ 3. fetch-content: download, run from the DP, slow boundaries ══════════════════════
    // "The action says how: download into the client cache (CAS, BITS) [KB839513], or read
    // from the package share over SMB [CM07-PKGACCESS]."
    case(
        "cm07_download_reads_into_the_cache_and_run_from_dp_reads_over_smb",
        "v=1&client=cm07&deploy=rundp",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok action~SMB noaction~cache log=CAS.log",
            "install local-system ok",
        ],
    ),
    // "`boundary=slow` and `slow=none` (Advanced/CM07): waits and reads nothing ... Fix: a DP on
    // the client's boundary, or allow download on slow boundaries." The identity is the one
    // that would have read (the contract): here COMPUTER$; no attempts.
    case(
        "advanced_slow_boundary_do_not_run_waits_without_reading",
        "v=1&boundary=slow&installer=msi-user",
        "waits",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account waits @distribution-point noattempts src=SDK-ADV fix~boundar",
            "install local-system at-risk @user-profile",
        ],
    ),
    // The identity that would have read: untrusted, COMPUTER$ counts as nothing, the NAA reads.
    case(
        "cm07_untrusted_slow_boundary_waits_naming_the_naa_that_would_have_read",
        "v=1&client=cm07&domain=untrusted&naa=set&boundary=slow",
        "waits",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content network-access-account waits noattempts",
            "install local-system ok",
        ],
    ),
    // It "reads nothing": a DP nobody may read does not fail it; it waits.
    case(
        "slow_boundary_do_not_run_waits_even_when_nobody_could_read",
        "v=1&client=cm07&boundary=slow&dpacl=",
        "waits",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content * waits noattempts",
            "install local-system ok",
        ],
    ),
    // "The effective mode ... `slow` when `boundary=slow`": download across a slow boundary.
    case(
        "slow_boundary_allowed_to_download_reads_into_the_cache",
        "v=1&client=cm07&boundary=slow&slow=download&deploy=rundp",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok action~cache",
            "install local-system ok",
        ],
    ),
    case(
        "slow_boundary_allowed_to_run_from_the_dp_reads_over_smb",
        "v=1&boundary=slow&slow=rundp",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok action~SMB",
            "install local-system ok",
        ],
    ),
    // "always run-from-DP for Legacy": never the client cache.
    case(
        "legacy_always_reads_from_the_dp_never_the_cache",
        "v=1&client=legacy",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok noaction~cache",
            "install client-token ok",
        ],
    ),
    // ══ 4. map-drive ══════════════════════════════════════════════════════════════════════
    // "the client maps a letter to the package share, as step 3's identity (inferred) ...
    // `drive=any` takes the next free letter from Z: backwards [CB-PDF]".
    case(
        "advanced_run_from_dp_any_letter_maps_as_the_computer_account",
        "v=1&deploy=rundp&drive=any",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok action~SMB",
            "map-drive computer-account ok @distribution-point src=CB-PDF inferred",
            "install local-system ok",
        ],
    ),
    case(
        "cm07_run_from_dp_free_fixed_letter_maps",
        "v=1&client=cm07&deploy=rundp&drive=fixed",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "map-drive computer-account ok @distribution-point",
            "install local-system ok",
        ],
    ),
    // "`drive=fixed` and `letter=taken`: fails, the program does not run [CB-PKGPROG]" — on
    // the Legacy Client too (always run-from-DP), as the Client Connection Account.
    case(
        "legacy_fixed_letter_taken_fails_at_map_drive",
        "v=1&client=legacy&drive=fixed&letter=taken",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "map-drive client-connection fails @distribution-point src=CB-PKGPROG log=SMSAPM32.log",
            "install client-token ok unreached",
        ],
    ),
    // As the user on CM07, who reads the DP first.
    case(
        "cm07_user_rights_maps_the_drive_as_the_user",
        "v=1&client=cm07&deploy=rundp&drive=any&run=user&when=user&logon=user&installer=setup-user",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "map-drive logged-on-user ok",
            "install logged-on-user ok",
        ],
    ),
    // The NAA that read the DP maps it.
    case(
        "cm07_untrusted_maps_the_drive_as_the_naa_that_read_the_dp",
        "v=1&client=cm07&domain=untrusted&naa=set&deploy=rundp&drive=any",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content network-access-account ok tried=computer-account:fails,network-access-account:ok",
            "map-drive network-access-account ok",
            "install local-system ok",
        ],
    ),
    // "A denied read is step 3's failure, not this step's."
    case(
        "a_denied_read_fails_fetch_content_not_map_drive",
        "v=1&deploy=rundp&drive=any&dpacl=",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account fails reason~access_denied",
            "map-drive computer-account ok unreached",
            "install local-system ok unreached",
        ],
    ),
    // Map-drive comes before the shares.
    case(
        "map_drive_comes_before_the_shares",
        r"v=1&client=cm07&deploy=rundp&drive=fixed&share=\\fs01\apps~domain-computers",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "map-drive computer-account ok",
            r"connect-share computer-account ok @share:\\fs01\apps",
            "install local-system ok",
        ],
    ),
    // Normalisation: "a drive mode other than `unc` only when the program runs from the DP"
    // (the slow option decides here: download), "then `letter` only with `drive=fixed`": no
    // map-drive step, both reported.
    case(
        "drive_mode_while_downloading_is_dropped_with_its_letter",
        "v=1&boundary=slow&slow=download&deploy=rundp&drive=fixed&letter=taken",
        "ok",
        &["drive", "letter"],
        LOCAL_SYSTEM_OK,
    ),
    // ══ 6. use-mapped-drive ═══════════════════════════════════════════════════════════════
    // "Run as Local System, the token account or the SIA: fails — that session has no such
    // letter ... Note: on Windows 2000 a letter mapped at the console is global ... Fix: use
    // the UNC path" [WIN-REDIRDRIVES][KB226113].
    case(
        "legacy_token_cannot_see_the_users_mapped_drive",
        "v=1&client=legacy&mapped=1",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "use-mapped-drive client-token fails @mapped-drive log=SMSAPM32.log src=WIN-REDIRDRIVES,KB226113 note~Windows_2000 fix~UNC",
            "install client-token ok unreached",
        ],
    ),
    case(
        "legacy_sia_cannot_see_the_users_mapped_drive",
        "v=1&client=legacy&sia=1&siacct=set&mapped=1",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account ok",
            "use-mapped-drive software-installation-account fails @mapped-drive",
            "install software-installation-account ok unreached",
        ],
    ),
    // "Runs as the user: ok."
    case(
        "user_rights_see_the_users_own_mapped_drive",
        "v=1&run=user&when=user&logon=user&installer=setup-user&mapped=1",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "use-mapped-drive logged-on-user ok @mapped-drive",
            "install logged-on-user ok",
        ],
    ),
    // "Runs as the user" includes `os=win9x`, "in every step".
    case(
        "win9x_with_admin_rights_still_sees_the_users_mapped_drive",
        "v=1&client=legacy&os=win9x&logon=user&mapped=1",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "use-mapped-drive logged-on-user ok",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // After the shares.
    case(
        "use_mapped_drive_comes_after_the_shares",
        r"v=1&client=cm07&mapped=1&share=\\fs01\apps~domain-computers",
        "fails@5",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            r"connect-share computer-account ok @share:\\fs01\apps",
            "use-mapped-drive local-system fails @mapped-drive log=execmgr.log",
            "install local-system ok unreached",
        ],
    ),
    // ══ 7. user-input ═════════════════════════════════════════════════════════════════════
    // "`interact=1` and a user logged on at run time: at-risk"; "Logged on at run time: ...
    // with `when=any` as `logon` says".
    case(
        "cm07_admin_interaction_allowed_with_a_user_logged_on_is_at_risk",
        "v=1&client=cm07&ui=prompts&interact=1&logon=user",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "user-input local-system at-risk @desktop log=execmgr.log fix~/qn",
            "install local-system ok",
        ],
    ),
    // Nobody logged on: "else fails — the dialogs are on no one's desktop. ConfigMgr 2007
    // stops an admin, non-interactive program once the maximum run time (default 120
    // minutes) is exceeded [CM07-REQ][CB-PKGPROG]".
    case(
        "cm07_admin_interaction_allowed_but_nobody_logged_on_fails",
        "v=1&client=cm07&ui=prompts&interact=1",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "user-input local-system fails @desktop src=CM07-REQ,CB-PKGPROG rule=user-input/hidden-cm07 text~120",
            "install local-system ok unreached",
        ],
    ),
    // "with `when=user` a user (step 1 waits for one)": the dialog will have a user — at-risk,
    // and the schedule waits; the wait outranks the risk.
    case(
        "cm07_interaction_only_when_a_user_is_logged_on_waits_then_is_at_risk",
        "v=1&client=cm07&ui=prompts&interact=1&when=user",
        "waits",
        &[],
        &[
            "schedule * waits",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "user-input local-system at-risk @desktop",
            "install local-system ok",
        ],
    ),
    // "`interact` only with ... `when` ∈ {any, user}": with `when=nouser` it is dropped (and
    // said), and nobody would see the dialog anyway.
    case(
        "cm07_interaction_with_only_when_no_user_is_dropped_and_the_dialog_fails",
        "v=1&client=cm07&ui=prompts&interact=1&when=nouser",
        "fails@4",
        &["interact"],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "user-input local-system fails @desktop rule=user-input/hidden-cm07",
            "install local-system ok unreached",
        ],
    ),
    // "for SMS 2003 no source says whether it is stopped — say so".
    case(
        "advanced_admin_hidden_dialog_fails_and_sms_2003_is_not_documented",
        "v=1&ui=prompts&logon=user",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "user-input local-system fails @desktop log=execmgr.log rule=user-input/hidden-sms2003",
            "install local-system ok unreached",
        ],
    ),
    case(
        "legacy_token_hidden_dialog_fails",
        "v=1&client=legacy&ui=prompts&logon=user",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "user-input client-token fails @desktop log=SMSAPM32.log rule=user-input/hidden-sms2003",
            "install client-token ok unreached",
        ],
    ),
    // "Runs as the user: at-risk — it waits for that user".
    case(
        "cm07_user_rights_dialog_waits_for_the_user_at_risk",
        "v=1&client=cm07&run=user&when=user&logon=user&installer=setup-user&ui=prompts",
        "at-risk",
        &[],
        USER_DIALOG_AT_RISK,
    ),
    case(
        "win9x_dialog_is_the_users_at_risk",
        "v=1&client=legacy&os=win9x&logon=user&ui=prompts",
        "at-risk",
        &[],
        USER_DIALOG_AT_RISK,
    ),
    // ══ Windows 98 ════════════════════════════════════════════════════════════════════════
    // "Windows 98 has only the user context [Q264714]"; v1: no local security, any identity
    // may write the local machine.
    case(
        "win9x_standard_user_installs_a_per_machine_msi",
        "v=1&client=legacy&os=win9x&run=user&when=user&logon=user",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok src=Q264714",
            "fetch-content logged-on-user ok log=SMSAPM32.log",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // "Win9x waits before logon [Q264714][Q293487][SMS20-ENV]".
    case(
        "win9x_user_rights_waits_for_a_logon",
        "v=1&client=legacy&os=win9x&run=user&when=user",
        "waits",
        &[],
        &[
            "schedule * waits src=Q264714,Q293487",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // Admin rights chosen, Windows 98: "runs as the user ... in every step", so the DP is read
    // by "the user alone on the SMS 2003 clients (Advanced, Legacy, Win9x)".
    case(
        "win9x_admin_rights_only_when_user_waits_and_runs_and_reads_as_the_user",
        "v=1&client=legacy&os=win9x&when=user",
        "waits",
        &[],
        &[
            "schedule * waits",
            "run-as logged-on-user ok src=Q264714",
            "fetch-content logged-on-user ok noattempts",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // "Win9x with `sia=1`: fails with 1317 — Win9x per [Q264714]".
    case(
        "win9x_with_sia_fails_with_1317_even_with_the_account_configured",
        "v=1&client=legacy&os=win9x&sia=1&siacct=set&logon=user",
        "fails@2",
        &[],
        &[
            "schedule * ok",
            "run-as * fails log=SMSAPM32.log src=Q264714 reason~1317",
            "fetch-content * * unreached",
            "install * ok @local-machine unreached",
        ],
    ),
    // fails > waits: the 1317 failure outranks the wait for logoff.
    case(
        "win9x_sia_with_only_when_no_user_fails_and_the_failure_outranks_the_wait",
        "v=1&client=legacy&os=win9x&when=nouser&sia=1&logon=user",
        "fails@2",
        &[],
        &[
            "schedule * waits",
            "run-as * fails reason~1317",
            "fetch-content * * unreached",
            "install * ok unreached",
        ],
    ),
    // A per-user MSI as the logged-on user is not "any identity but the user".
    case(
        "win9x_per_user_msi_as_the_logged_on_user_is_fine",
        "v=1&client=legacy&os=win9x&run=user&when=user&logon=admin&installer=msi-user",
        "ok",
        &[],
        USER_OK,
    ),
    // ══ 8. install ════════════════════════════════════════════════════════════════════════
    // "Per-user MSI as any identity but the user: at-risk (v1), HKCU of Local System is the
    // default user's [WIN-LOCALSYSTEM], inferred for the profile it lands in."
    case(
        "advanced_local_system_per_user_msi_is_at_risk_with_allusers2_fix",
        "v=1&installer=msi-user",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "install local-system at-risk @user-profile src=WIN-LOCALSYSTEM inferred fix~ALLUSERS=2 log=execmgr.log",
        ],
    ),
    // The token account and the SIA are admin identities.
    case(
        "legacy_token_runs_a_setup_needing_admin_rights",
        "v=1&client=legacy&installer=setup-admin",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "install client-token ok @local-machine log=SMSAPM32.log",
        ],
    ),
    case(
        "legacy_token_allusers2_installs_per_machine",
        "v=1&client=legacy&installer=msi-allusers2",
        "ok",
        &[],
        TOKEN_OK_ON_THE_MACHINE,
    ),
    case(
        "legacy_sia_allusers2_installs_per_machine",
        "v=1&client=legacy&sia=1&siacct=set&when=nouser&installer=msi-allusers2",
        "ok",
        &[],
        SIA_OK_ON_THE_MACHINE,
    ),
    // "`script` needs admin rights like `setup-admin`": an admin identity runs it.
    case(
        "legacy_sia_runs_a_script",
        "v=1&client=legacy&sia=1&siacct=set&installer=script",
        "ok",
        &[],
        SIA_OK_ON_THE_MACHINE,
    ),
    case(
        "advanced_local_system_runs_a_script",
        "v=1&installer=script",
        "ok",
        &[],
        LOCAL_SYSTEM_OK_ON_THE_MACHINE,
    ),
    // "as a standard user fails, access denied".
    case(
        "cm07_standard_user_script_fails_access_denied",
        "v=1&client=cm07&run=user&when=user&logon=user&installer=script",
        "fails@4",
        &[],
        USER_DENIED_ON_THE_MACHINE,
    ),
    case(
        "advanced_user_rights_local_admin_runs_a_setup_needing_admin_rights",
        "v=1&run=user&when=user&logon=admin&installer=setup-admin",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // v1's rule: per-machine MSI as a standard user fails with 1925 [MSI-ERRORS].
    case(
        "cm07_standard_user_per_machine_msi_fails_with_1925_at_the_last_step",
        "v=1&client=cm07&run=user&when=user&logon=user",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails @local-machine src=MSI-ERRORS reason~1925 log=execmgr.log",
        ],
    ),
    // "1925 is Windows Installer's; a non-MSI setup fails with its own code": access denied.
    case(
        "legacy_standard_user_setup_needing_admin_fails_access_denied",
        "v=1&client=legacy&run=user&when=user&logon=user&installer=setup-admin",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails @local-machine reason~access_denied log=SMSAPM32.log",
        ],
    ),
    // "v1's at-risk holds for `os=nt`": ALLUSERS=2 as a standard user installs per-user.
    case(
        "legacy_standard_user_allusers2_is_at_risk",
        "v=1&client=legacy&run=user&when=user&logon=user&installer=msi-allusers2",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user at-risk @user-profile src=MSI-ALLUSERS",
        ],
    ),
    case(
        "cm07_standard_user_per_user_msi_is_fine",
        "v=1&client=cm07&run=user&when=user&logon=user&installer=msi-user",
        "ok",
        &[],
        USER_OK,
    ),
    case(
        "advanced_local_system_runs_a_setup_needing_no_admin_rights",
        "v=1&installer=setup-user",
        "ok",
        &[],
        LOCAL_SYSTEM_OK,
    ),
    // ══ 8. install on Windows Vista (UAC) ═════════════════════════════════════════════════
    // An admin identity (Local System) installs ALLUSERS=2 per-machine on Vista too.
    case(
        "cm07_vista_local_system_installs_allusers2",
        "v=1&client=cm07&os=vista&installer=msi-allusers2",
        "ok",
        &[],
        LOCAL_SYSTEM_OK_ON_THE_MACHINE,
    ),
    // "`os=vista`, `run=user`, `logon=admin`, an installer that needs admin rights ...: with
    // `ui=prompts` the user can approve the elevation prompt — at-risk" [UAC-HOW] (inferred).
    // The prompts also make user-input at-risk ("Runs as the user: at-risk").
    case(
        "vista_logged_on_admin_with_prompts_can_approve_elevation_at_risk",
        "v=1&client=cm07&os=vista&run=user&when=user&logon=admin&ui=prompts",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "user-input logged-on-user at-risk @desktop",
            "install logged-on-user at-risk @local-machine src=UAC-HOW inferred",
        ],
    ),
    // "a silent install (`ui=silent`) cannot show one — fails (1925 for an MSI, access denied
    // for the rest)".
    case(
        "vista_logged_on_admin_silent_msi_fails_with_1925",
        "v=1&client=cm07&os=vista&run=user&when=user&logon=admin",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails @local-machine src=UAC-HOW reason~1925",
        ],
    ),
    case(
        "vista_logged_on_admin_silent_setup_fails_access_denied",
        "v=1&client=cm07&os=vista&run=user&when=user&logon=admin&installer=setup-admin",
        "fails@4",
        &[],
        USER_DENIED_ON_THE_MACHINE,
    ),
    case(
        "vista_logged_on_admin_silent_script_fails_access_denied",
        "v=1&client=cm07&os=vista&run=user&when=user&logon=admin&installer=script",
        "fails@4",
        &[],
        USER_DENIED_ON_THE_MACHINE,
    ),
    // Installers that need no admin rights are not in the list.
    case(
        "vista_logged_on_admin_setup_needing_no_admin_rights_installs",
        "v=1&client=cm07&os=vista&run=user&when=user&logon=admin&installer=setup-user",
        "ok",
        &[],
        USER_OK,
    ),
    // "`os=vista`, `msi-allusers2`, standard user: fails — per-machine needs admin credentials
    // at the UAC prompt [MSI-ALLUSERS]".
    case(
        "vista_standard_user_allusers2_fails",
        "v=1&client=cm07&os=vista&run=user&when=user&logon=user&installer=msi-allusers2",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails src=MSI-ALLUSERS",
        ],
    ),
    // v1's 1925 holds on Vista for a standard user.
    case(
        "vista_standard_user_per_machine_msi_fails_with_1925",
        "v=1&client=cm07&os=vista&run=user&when=user&logon=user",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails @local-machine reason~1925",
        ],
    ),
    // ══ 8. install on 64-bit Windows; logs in SysWOW64 ════════════════════════════════════
    // "`arch=x64`, CM07 client, `script`: at-risk — ... System32 writes land in SysWOW64,
    // HKLM\Software in Wow6432Node [COMM-SANDYS][MSJP-SYSNATIVE][WOW64-FSR][WOW64-REG]. Fix:
    // `%windir%\Sysnative\cmd.exe` (Vista+; XP/2003 x64 need KB942589)"; the logs are in
    // "`%windir%\SysWOW64\CCM\Logs` on x64" (checked for every step).
    case(
        "cm07_x64_script_as_local_system_is_at_risk_of_redirection",
        "v=1&client=cm07&arch=x64&installer=script",
        "at-risk",
        &[],
        &[
            "schedule * ok log=execmgr.log",
            "run-as local-system ok",
            "fetch-content computer-account ok log=CAS.log",
            "install local-system at-risk @local-machine src=WOW64-FSR,WOW64-REG,COMM-SANDYS text~SysWOW64 text~Wow6432Node fix~Sysnative",
        ],
    ),
    // "When several rules of one step apply, the step takes the worst rule's outcome ... and
    // lists the others as notes: every problem at once": a standard user's script fails
    // (access denied), and the redirection is a note.
    case(
        "cm07_x64_script_as_a_standard_user_fails_and_notes_the_redirection",
        "v=1&client=cm07&arch=x64&run=user&when=user&logon=user&installer=script",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails @local-machine reason~access_denied note~SysWOW64",
        ],
    ),
    // Only a script is redirected by the rule book; an MSI on x64 installs.
    case(
        "cm07_x64_msi_installs_and_logs_in_syswow64",
        "v=1&client=cm07&arch=x64",
        "ok",
        &[],
        LOCAL_SYSTEM_OK_ON_THE_MACHINE,
    ),
    // ══ 1. schedule ═══════════════════════════════════════════════════════════════════════
    // "`when`/`logon` waits [CM07-ENV]": only when nobody is, with an administrator logged on.
    case(
        "cm07_only_when_no_user_waits_for_a_logged_on_admin",
        "v=1&client=cm07&when=nouser&logon=admin",
        "waits",
        &[],
        &[
            "schedule * waits src=CM07-ENV log=execmgr.log",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "install local-system ok",
        ],
    ),
    // v1's "`run=user` forces `when=user`" (reported), then the wait for a logon.
    case(
        "cm07_user_rights_at_any_time_becomes_only_when_a_user_and_waits",
        "v=1&client=cm07&run=user&installer=msi-user",
        "waits",
        &["when"],
        &[
            "schedule * waits",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user ok",
        ],
    ),
    case(
        "legacy_only_when_a_user_waits_at_the_logon_screen",
        "v=1&client=legacy&when=user",
        "waits",
        &[],
        &[
            "schedule * waits log=SMSAPM32.log",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "install client-token ok @local-machine",
        ],
    ),
    case(
        "legacy_sia_any_time_with_nobody_logged_on_starts",
        "v=1&client=legacy&sia=1&siacct=set&logon=none",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account ok",
            "install software-installation-account ok",
        ],
    ),
    // ══ several shares, in order ══════════════════════════════════════════════════════════
    case(
        "legacy_sia_two_shares_both_readable",
        r"v=1&client=legacy&sia=1&siacct=set&share=\\fs01\a~siacct&share=\\fs02\b~domain-users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account ok",
            r"connect-share software-installation-account ok @share:\\fs01\a",
            r"connect-share software-installation-account ok @share:\\fs02\b",
            "install software-installation-account ok",
        ],
    ),
    case(
        "cm07_user_two_shares_the_computers_only_one_refuses",
        r"v=1&client=cm07&run=user&when=user&logon=user&installer=setup-user&share=\\fs01\a~logged-on-user&share=\\fs02\b~domain-computers",
        "fails@5",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            r"connect-share logged-on-user ok @share:\\fs01\a",
            r"connect-share logged-on-user fails @share:\\fs02\b",
            "install logged-on-user ok unreached",
        ],
    ),
    // ══ source=unc ════════════════════════════════════════════════════════════════════════
    // "fetch-content (`distribution-point`; only when `source=dp`)"; "the program's source
    // first when `source=unc`".
    case(
        "unc_source_legacy_sia_skips_the_dp_and_reads_its_source_first",
        r"v=1&client=legacy&sia=1&siacct=set&source=unc&dpacl=&share=\\fs01\pkg~siacct&share=\\fs02\ref~domain-users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            r"connect-share software-installation-account ok @share:\\fs01\pkg",
            r"connect-share software-installation-account ok @share:\\fs02\ref",
            "install software-installation-account ok @local-machine",
        ],
    ),
    case(
        "unc_source_user_rights_fails_at_the_source_before_the_readable_share",
        r"v=1&run=user&when=user&logon=user&installer=setup-user&source=unc&share=\\fs01\pkg~domain-computers&share=\\fs02\ref~domain-users",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            r"connect-share logged-on-user fails @share:\\fs01\pkg",
            r"connect-share logged-on-user ok @share:\\fs02\ref unreached",
            "install logged-on-user ok unreached",
        ],
    ),
    // COMPUTER$ is not a domain user; no NAA: the program's own source fails.
    case(
        "unc_source_advanced_admin_domain_users_source_fails_as_the_computer",
        r"v=1&source=unc&share=\\fs01\pkg~domain-users",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            r"connect-share computer-account fails @share:\\fs01\pkg log=execmgr.log note~S1",
            "install local-system ok unreached",
        ],
    ),
    // A drive mode needs `source=dp`: from a UNC source it becomes `unc`, said.
    case(
        "unc_source_drops_the_drive_mode",
        r"v=1&client=cm07&deploy=rundp&drive=any&source=unc&share=\\fs01\pkg~domain-computers",
        "ok",
        &["drive"],
        &[
            "schedule * ok",
            "run-as local-system ok",
            r"connect-share computer-account ok @share:\\fs01\pkg",
            "install local-system ok",
        ],
    ),
    case(
        "unc_source_without_a_share_becomes_dp",
        "v=1&client=cm07&source=unc",
        "ok",
        &["source"],
        LOCAL_SYSTEM_OK,
    ),
    // ══ verdict order: fails > waits > at-risk > ok ═══════════════════════════════════════
    case(
        "a_failure_outranks_a_later_risk",
        r"v=1&client=cm07&installer=msi-user&share=\\fs01\apps~naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share computer-account fails",
            "install local-system at-risk @user-profile unreached",
        ],
    ),
    case(
        "a_failure_outranks_a_wait_and_a_risk",
        "v=1&when=user&installer=msi-user&dpacl=",
        "fails@3",
        &[],
        &[
            "schedule * waits",
            "run-as local-system ok",
            "fetch-content computer-account fails @distribution-point",
            "install local-system at-risk unreached",
        ],
    ),
    // A slow-boundary wait does not stop the run: the share after it fails, and is the first
    // failure.
    case(
        "a_failing_share_after_a_slow_boundary_wait_is_the_first_failure",
        r"v=1&boundary=slow&share=\\fs01\apps~domain-users",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account waits",
            "connect-share computer-account fails",
            "install local-system ok unreached",
        ],
    ),
    case(
        "a_wait_outranks_a_risk_on_the_legacy_client",
        "v=1&client=legacy&when=nouser&logon=user&installer=msi-user",
        "waits",
        &[],
        &[
            "schedule * waits",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "install client-token at-risk @user-profile fix~ALLUSERS=2",
        ],
    ),
    case(
        "the_first_of_two_failures_is_the_first_failure",
        r"v=1&client=legacy&dpacl=&share=\\fs01\apps~everyone",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection fails log=SMSAPM32.log",
            "connect-share client-token fails unreached",
            "install client-token ok unreached",
        ],
    ),
    // Every optional step at once, in the rule book's order.
    case(
        "every_step_in_the_rule_books_order",
        r"v=1&client=cm07&deploy=rundp&drive=any&share=\\fs01\apps~domain-computers&mapped=1&ui=prompts",
        "fails@6",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "map-drive computer-account ok",
            "connect-share computer-account ok",
            "use-mapped-drive local-system fails",
            "user-input local-system fails unreached",
            "install local-system ok unreached",
        ],
    ),
];

// ── the checker ─────────────────────────────────────────────────────────────────────────

/// One expected step, parsed.
#[derive(Debug, Default)]
struct Want {
    step: Option<StepKind>,
    identity: Option<Identity>,
    outcome: Option<Outcome>,
    resource: Option<String>,
    unreached: bool,
    log: Option<String>,
    sources: Vec<SourceId>,
    tried: Option<Vec<(Identity, Outcome)>>,
    no_attempts: bool,
    inferred: Option<bool>,
    rule: Option<String>,
    /// (where, text, present): where is `note`, `reason`, `fix`, `action` or `text`.
    texts: Vec<(&'static str, String, bool)>,
}

fn parse(spec: &str) -> Want {
    let words: Vec<&str> = spec.split_whitespace().collect();
    assert!(words.len() >= 3, "{spec:?}: needs step, identity, outcome");
    let text = |t: &str| t.replace('_', " ");
    let mut w = Want {
        step: Some(StepKind::from_key(words[0]).unwrap_or_else(|| panic!("{spec:?}: step"))),
        identity: (words[1] != "*")
            .then(|| Identity::from_key(words[1]).unwrap_or_else(|| panic!("{spec:?}: identity"))),
        outcome: (words[2] != "*")
            .then(|| Outcome::from_key(words[2]).unwrap_or_else(|| panic!("{spec:?}: outcome"))),
        ..Want::default()
    };
    for x in &words[3..] {
        let texts = [
            ("note~", "note", true),
            ("nonote~", "note", false),
            ("reason~", "reason", true),
            ("fix~", "fix", true),
            ("action~", "action", true),
            ("noaction~", "action", false),
            ("text~", "text", true),
        ];
        if let Some((t, place, present)) = texts
            .iter()
            .find_map(|&(p, place, present)| x.strip_prefix(p).map(|t| (t, place, present)))
        {
            w.texts.push((place, text(t), present));
        } else if let Some(r) = x.strip_prefix('@') {
            w.resource = Some(r.to_string());
        } else if *x == "unreached" {
            w.unreached = true;
        } else if *x == "noattempts" {
            w.no_attempts = true;
        } else if *x == "inferred" {
            w.inferred = Some(true);
        } else if *x == "sourced" {
            w.inferred = Some(false);
        } else if let Some(r) = x.strip_prefix("rule=") {
            w.rule = Some(r.to_string());
        } else if let Some(l) = x.strip_prefix("log=") {
            w.log = Some(l.to_string());
        } else if let Some(s) = x.strip_prefix("src=") {
            w.sources = s
                .split(',')
                .map(|k| SourceId::from_key(k).unwrap_or_else(|| panic!("{spec:?}: source {k}")))
                .collect();
        } else if let Some(t) = x.strip_prefix("tried=") {
            w.tried = Some(
                t.split(',')
                    .map(|a| {
                        let (id, o) = a.split_once(':').expect("identity:outcome");
                        (
                            Identity::from_key(id).expect("tried identity"),
                            Outcome::from_key(o).expect("tried outcome"),
                        )
                    })
                    .collect(),
            );
        } else {
            panic!("{spec:?}: unknown extra {x:?}");
        }
    }
    w
}

/// The link with each `\` percent-encoded, as a share link carries a UNC path.
fn encoded(link: &str) -> String {
    link.replace('\\', "%5C")
}

fn kind(key: &str) -> StepKind {
    StepKind::from_key(key).unwrap_or_else(|| panic!("the rule book's step kind {key}"))
}

/// "Logs: where to look [S1][KB867490][CM07-LOGS]": the folder for the client (and `arch`),
/// and the files its row names: "runs" for a step about running the program, "content" for
/// reading the package.
fn allowed_logs(s: &Scenario, step: &str) -> (&'static str, &'static [&'static str]) {
    const RUNS: &[&str] = &["execmgr.log"];
    const CONTENT: &[&str] = &[
        "CAS.log",
        "ContentTransferManager.log",
        "DataTransferService.log",
    ];
    const EITHER: &[&str] = &[
        "execmgr.log",
        "CAS.log",
        "ContentTransferManager.log",
        "DataTransferService.log",
    ];
    if s.client == Client::Legacy {
        // The Legacy row: runs SMSAPM32.log; content ODPSYS32.log. The package access is
        // logged by SMSAPM32 too, so either is accepted for the content steps.
        let files: &[&str] = match step {
            "fetch-content" | "map-drive" => &["SMSAPM32.log", "ODPSYS32.log"],
            _ => &["SMSAPM32.log"],
        };
        return (r"%windir%\MS\SMS\Logs", files);
    }
    let folder = if s.value("arch") == Some("x64") {
        r"%windir%\SysWOW64\CCM\Logs"
    } else {
        r"%windir%\System32\CCM\Logs"
    };
    let files = match step {
        "fetch-content" => CONTENT,
        // Mapping the package share belongs to running from the DP and to the content.
        "map-drive" => EITHER,
        _ => RUNS,
    };
    (folder, files)
}

/// The resource the rule book gives each step kind.
fn resource_ok(step: &str, res: &str, share: Option<&str>) -> bool {
    match step {
        "schedule" | "run-as" => res == "program",
        "fetch-content" | "map-drive" => res == "distribution-point",
        "connect-share" => share.is_some_and(|unc| res == format!("share:{unc}")),
        "use-mapped-drive" => res == "mapped-drive",
        "user-input" => res == "desktop",
        "install" => res == "local-machine" || res == "user-profile",
        _ => false,
    }
}

/// Checks one case; every mismatch is listed with the whole plan.
fn check(c: &Case) -> Result<(), String> {
    let link = encoded(c.link);
    let scenario: Scenario =
        decode(&link).map_err(|e| format!("{}: link {link} does not decode: {e}", c.name))?;
    let p = plan(&scenario);
    let s = &p.scenario;
    let mut problems: Vec<String> = Vec::new();

    // Verdict and first failure.
    check_verdict(&p, c.verdict, &mut problems);
    // Normalisation.
    let changed: Vec<&str> = p.normalised.iter().map(|ch| ch.key).collect();
    if changed != c.normalised {
        problems.push(format!(
            "normalised {changed:?}, rule book {:?}",
            c.normalised
        ));
    }
    // The sequence of steps.
    let got_kinds: Vec<StepKind> = p.steps.iter().map(|st| st.step).collect();
    let want: Vec<Want> = c.steps.iter().map(|spec| parse(spec)).collect();
    let want_kinds: Vec<StepKind> = want.iter().map(|w| w.step.unwrap()).collect();
    if got_kinds != want_kinds {
        problems.push(format!("steps {got_kinds:?}, rule book {want_kinds:?}"));
    }
    // The sequence the general rules give for the normalised scenario, as a check on the
    // case itself.
    let mut general = vec![kind("schedule"), kind("run-as")];
    if s.value("source") == Some("dp") {
        general.push(kind("fetch-content"));
    }
    if s.value("drive") != Some("unc") {
        general.push(kind("map-drive"));
    }
    general.extend(s.shares.iter().map(|_| kind("connect-share")));
    if s.value("mapped") == Some("1") {
        general.push(kind("use-mapped-drive"));
    }
    if s.value("ui") == Some("prompts") {
        general.push(kind("user-input"));
    }
    general.push(kind("install"));
    assert_eq!(
        want_kinds, general,
        "{}: the case's own step list is not the rule book's order",
        c.name
    );
    let run_as = p.steps.iter().find(|st| st.step == kind("run-as"));
    let fetch = p.steps.iter().find(|st| st.step == kind("fetch-content"));
    let mut share_no = 0;
    let mut failed_before = false;
    for (i, (st, w)) in p.steps.iter().zip(&want).enumerate() {
        let n = i + 1;
        let key = st.step.key();
        let mut bad = |what: String| problems.push(format!("step {n} ({key}): {what}"));
        if st.n != n {
            bad(format!("n is {}", st.n));
        }
        if let Some(id) = w.identity {
            if st.identity != id {
                bad(format!("identity {}, rule book {id}", st.identity));
            }
        }
        if let Some(o) = w.outcome {
            if st.outcome != o {
                bad(format!("outcome {}, rule book {o}", st.outcome));
            }
        }
        if st.reached == w.unreached {
            bad(format!(
                "reached={}, rule book {}",
                st.reached, !w.unreached
            ));
        }
        assert!(
            !failed_before || w.unreached,
            "{}: case error at step {n}: after a failing step but not marked unreached",
            c.name
        );
        failed_before |= w.outcome == Some(Outcome::Fails);
        // Who acts, from the step headings.
        let same_as = match key {
            "map-drive" => fetch,
            "use-mapped-drive" | "user-input" | "install" => run_as,
            _ => None,
        };
        // On Windows 98 the program runs as the user whatever run-as tried. [Q264714]
        let win9x_user = p.scenario.os == credflow_core::Os::Win9x
            && key != "map-drive"
            && st.identity == credflow_core::Identity::LoggedOnUser;
        if let Some(other) = same_as.filter(|_| !win9x_user) {
            if st.identity != other.identity {
                bad(format!(
                    "identity {}, but step {} ({}) acts as {}",
                    st.identity, other.n, other.step, other.identity
                ));
            }
        }
        // Resource.
        let res = st.resource.id();
        let share = (key == "connect-share")
            .then(|| {
                share_no += 1;
                s.shares.get(share_no - 1).map(|sh| sh.unc.as_str())
            })
            .flatten();
        if !resource_ok(key, &res, share) {
            bad(format!("resource {res}"));
        }
        if let Some(r) = &w.resource {
            if &res != r {
                bad(format!("resource {res}, rule book {r}"));
            }
        }
        // Log: folder and file from the client's row.
        let (folder, files) = allowed_logs(s, key);
        if st.log.folder != folder || !files.contains(&st.log.file) {
            bad(format!(
                "log {}, rule book {folder}\\{}",
                st.log.path(),
                files.join(" or ")
            ));
        }
        if let Some(l) = &w.log {
            if st.log.file != l {
                bad(format!("log {}, rule book {l}", st.log.file));
            }
        }
        // "Every rule names its source ids".
        if st.sources.is_empty() {
            bad("names no source".into());
        }
        for src in &w.sources {
            if !st.sources.contains(src) {
                bad(format!(
                    "sources {:?} lack {src}",
                    st.sources.iter().map(|x| x.key()).collect::<Vec<_>>()
                ));
            }
        }
        if st.reason.trim().is_empty() {
            bad("gives no reason".into());
        }
        // A fix for what goes wrong; none for what works.
        match (st.outcome, &st.fix) {
            (Outcome::Ok, Some(f)) => bad(format!("ok, yet a fix: {f}")),
            (Outcome::Fails, None) => bad("fails, and no fix".into()),
            _ => {}
        }
        if let Some(t) = &w.tried {
            let got = tried(st);
            if &got != t {
                bad(format!("attempts {got:?}, rule book {t:?}"));
            }
        }
        if w.no_attempts && !st.attempts.is_empty() {
            bad(format!(
                "{} attempts listed, rule book none",
                st.attempts.len()
            ));
        }
        if let Some(inferred) = w.inferred {
            if st.inferred.is_some() != inferred {
                bad(format!(
                    "inferred {:?}, rule book {}",
                    st.inferred,
                    if inferred {
                        "says it is inferred"
                    } else {
                        "cites it directly"
                    }
                ));
            }
        }
        if let Some(r) = &w.rule {
            if st.rule != r {
                bad(format!("rule {}, rule book {r}", st.rule));
            }
        }
        for (place, t, present) in &w.texts {
            let t = t.to_lowercase();
            let notes: Vec<String> = st.notes.iter().map(|n| n.to_lowercase()).collect();
            let fix = st.fix.as_deref().unwrap_or("").to_lowercase();
            let has = match *place {
                "note" => notes.iter().any(|n| n.contains(&t)),
                "reason" => st.reason.to_lowercase().contains(&t),
                "fix" => fix.contains(&t),
                "action" => st.action.to_lowercase().contains(&t),
                _ => {
                    st.reason.to_lowercase().contains(&t)
                        || notes.iter().any(|n| n.contains(&t))
                        || fix.contains(&t)
                        || st.action.to_lowercase().contains(&t)
                }
            };
            if has != *present {
                bad(format!(
                    "{place} {} {t:?}",
                    if *present {
                        "lacks"
                    } else {
                        "should not mention"
                    }
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} ({}):\n  - {}\n{}",
            c.name,
            link,
            problems.join("\n  - "),
            describe(&p)
        ))
    }
}

#[test]
fn rule_book_cases() {
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for c in CASES {
        assert!(names.insert(c.name), "case {} repeats", c.name);
        if let Err(e) = check(c) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree with the rule book:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

// ── identities ──────────────────────────────────────────────────────────────────────────

/// "Identities (stable ids)": what each identity counts as on the network, by domain and
/// role. `local-system` "appears as `computer-account`"; the computer account is in
/// `domain-computers` — "or `domain-controllers` on a DC [AD-GROUPS]"; the user and the
/// computer count as "nothing when `domain=untrusted`"; the token account as nothing at all.
#[test]
fn identities_count_as_the_rule_books_principals() {
    use Principal::*;
    let sorted = |ps: &[Principal]| {
        let mut v = ps.to_vec();
        v.sort();
        v
    };
    for &domain in Domain::ALL {
        for &role in Role::ALL {
            let trusted = domain == Domain::Trusted;
            let dc = role == Role::DomainController;
            let computer: &[Principal] = match (trusted, dc) {
                (false, _) => &[],
                (true, true) => &[Everyone, Users, DomainControllers],
                (true, false) => &[Everyone, Users, DomainComputers],
            };
            let user: &[Principal] = if trusted {
                &[Everyone, Users, DomainUsers, LoggedOnUser]
            } else {
                &[]
            };
            let rows: [(Identity, &[Principal]); 7] = [
                (Identity::LoggedOnUser, user),
                (Identity::LocalSystem, computer),
                (Identity::ComputerAccount, computer),
                (Identity::ClientToken, &[]),
                (
                    Identity::ClientConnection,
                    &[Everyone, Users, DomainUsers, ClientConnection],
                ),
                (
                    Identity::SoftwareInstallationAccount,
                    &[Everyone, Users, DomainUsers, Siacct],
                ),
                (
                    Identity::NetworkAccessAccount,
                    &[Everyone, Users, DomainUsers, Naa],
                ),
            ];
            for (id, want) in rows {
                assert_eq!(
                    sorted(id.counts_as(domain, role)),
                    sorted(want),
                    "{id} in a {domain} domain on a {role}"
                );
            }
        }
    }
}

/// "Identities (stable ids)": the display names: `client-token` is "SMSCliToknLocalAcct&
/// (SMSCliToknAcct& on a DC)"; the others as the table names them.
#[test]
fn identity_display_names_follow_client_and_role() {
    let name = |link: &str, id: Identity| plan(&decode(link).unwrap()).identity_name(id);
    let legacy_ws = "v=1&client=legacy";
    let legacy_dc = "v=1&client=legacy&role=domain-controller";
    let legacy_ms = "v=1&client=legacy&role=member-server";
    assert_eq!(
        name(legacy_ws, Identity::ClientToken),
        "SMSCliToknLocalAcct&"
    );
    assert_eq!(
        name(legacy_ms, Identity::ClientToken),
        "SMSCliToknLocalAcct&"
    );
    assert_eq!(name(legacy_dc, Identity::ClientToken), "SMSCliToknAcct&");
    for link in ["v=1", "v=1&client=cm07"] {
        assert!(
            name(link, Identity::NetworkAccessAccount).ends_with("Network Access Account"),
            "{link}: {}",
            name(link, Identity::NetworkAccessAccount)
        );
    }
    assert_eq!(name("v=1", Identity::LoggedOnUser), "the logged-on user");
    assert_eq!(name("v=1", Identity::LocalSystem), "Local System");
    assert_eq!(name("v=1", Identity::ComputerAccount), r"DOMAIN\COMPUTER$");
    assert_eq!(
        name(legacy_ws, Identity::ClientConnection),
        "SMSClient_<site>"
    );
    assert_eq!(
        name(legacy_ws, Identity::SoftwareInstallationAccount),
        "Legacy Client Software Installation Account"
    );
}

/// The token account on a DC is the shared domain copy: the run-as step on a DC names
/// SMSCliToknAcct&, on a workstation SMSCliToknLocalAcct&.
#[test]
fn legacy_run_as_names_the_dc_token_account_on_a_dc() {
    let dc = plan(&decode("v=1&client=legacy&role=domain-controller").unwrap());
    let ws = plan(&decode("v=1&client=legacy").unwrap());
    let text = |p: &Plan| {
        let st = &p.steps[1];
        format!("{} {} {}", st.action, st.reason, st.notes.join(" "))
    };
    assert!(text(&dc).contains("SMSCliToknAcct&"), "{}", text(&dc));
    assert!(!text(&dc).contains("SMSCliToknLocalAcct&"), "{}", text(&dc));
    assert!(!text(&ws).contains("SMSCliToknAcct&"), "{}", text(&ws));
}

/// "Where sources disagree, the planner shows both claims — it never hides a disagreement":
/// every Advanced Client admin share step, whatever its outcome, carries the note naming S1
/// and the Windows / ConfigMgr side.
#[test]
fn the_s1_disagreement_is_shown_on_every_advanced_admin_share_step() {
    for (readers, naa, outcome) in [
        ("everyone", "none", Outcome::Ok),
        ("domain-computers", "set", Outcome::Ok),
        ("naa", "set", Outcome::AtRisk),
        ("domain-users", "none", Outcome::Fails),
        ("", "set", Outcome::Fails),
    ] {
        let link = format!("v=1&naa={naa}&share=%5C%5Cfs01%5Capps~{readers}");
        let p = plan(&decode(&link).unwrap());
        let st = &p.steps[3];
        assert_eq!(st.step, kind("connect-share"), "{link}");
        assert_eq!(st.outcome, outcome, "{link}\n{}", describe(&p));
        let notes = st.notes.join(" ");
        assert!(notes.contains("S1"), "{link}: {notes:?}");
        assert!(
            notes.contains("WIN-LOCALSYSTEM") || notes.contains("CB-ACCOUNTS"),
            "{link}: the other side's source: {notes:?}"
        );
    }
}

/// The lock-out warning is the domain controller's: member servers and workstations get none.
#[test]
fn roles_other_than_dc_get_no_lockout_warning_from_the_token() {
    for role in [Role::Workstation, Role::MemberServer] {
        let link = format!(
            "v=1&client=legacy&role={}&share=%5C%5Cfs01%5Capps~everyone",
            role.key()
        );
        let p = plan(&decode(&link).unwrap());
        let st = &p.steps[3];
        assert_eq!(st.step, kind("connect-share"));
        assert_eq!(st.identity, Identity::ClientToken);
        assert_eq!(st.outcome, Outcome::Fails);
        assert!(
            st.notes.iter().all(|n| !n.to_lowercase().contains("lock")),
            "{link}: {:?}",
            st.notes
        );
        assert!(!st.sources.contains(&SourceId::Q241982), "{link}");
    }
}

// ── sources ─────────────────────────────────────────────────────────────────────────────

/// "Show each source to the user with its real title and its address": each id of the rule
/// book (its "Main ids", and Q236052 from "Logs") with a piece of the real title from
/// `sources.md` (none where the archived copy shows none) and a piece of an address
/// `sources.md` gives for it.
const SOURCES: &[(&str, &[&str], &[&str])] = &[
    (
        "S1",
        &["How IT Works: SMS Client-Side Software Installation"],
        &["cc160972", "2006.07.howitworks", "420279"],
    ),
    ("KB826871", &[], &["826/871"]),
    (
        "Q199041",
        &["NET TIME Offered as a Package Will Not Traverse Domains"],
        &["Q199041"],
    ),
    (
        "Q241982",
        &["Subst Command Locks Out SMSCliToknAcct&"],
        &["Q241982"],
    ),
    (
        "Q231399",
        &["SMSCliToknAcct& and/or SMSCliSvcAcct Accounts Locked Out"],
        &["Q231399"],
    ),
    (
        "Q262341",
        &["Account Lockout When HINV Is Run"],
        &["Q262341"],
    ),
    (
        "Q244410",
        &["Smsapm32 Uses SMSCliToknAcct& to Search Mapped Drives"],
        &["Q244410"],
    ),
    (
        "Q242011",
        &["APM Does Not Install Software on BDCs"],
        &["Q242011"],
    ),
    (
        "Q235811",
        &["Using the SMS Windows NT Client Software Installation Account"],
        &["Q235811"],
    ),
    (
        "Q235205",
        &["Advertised Program Does Not Run with 10003 Status Message"],
        &["Q235205"],
    ),
    (
        "Q237759",
        &["Avoiding Client Lockouts When Using Client Connection Accounts"],
        &["Q237759"],
    ),
    (
        "Q264714",
        &["WIN9X Clients Fail to Run Advert"],
        &["Q264714"],
    ),
    (
        "Q293487",
        &["Advertisements That Should Run at Next Logon May Not Run"],
        &["Q293487"],
    ),
    (
        "Q307434",
        &["SMSCliToknAcct& Lockout with Software Installation Account"],
        &["Q307434"],
    ),
    (
        "Q236052",
        &["How to Recover When a Client Connection Account Is Locked Out"],
        &["236/052"],
    ),
    (
        "KB226113",
        &["Client Does Not Use Existing Connection for CAP or DP"],
        &["226/113"],
    ),
    (
        "KB839513",
        &["Advanced Client manages its cache"],
        &["839513"],
    ),
    (
        "KB867490",
        &["A list of log files that are created in Systems Management Server 2003"],
        &["867/490"],
    ),
    (
        "KB942589",
        &["A 32-bit application cannot access the system32 folder"],
        &["942589"],
    ),
    (
        "SMS03-ACCTLIFE",
        &["Planning for SMS Account Lifecycles"],
        &["cc181332"],
    ),
    (
        "SMS03-ACCTMIN",
        &["Minimizing the Number of Accounts SMS Uses"],
        &["cc181597"],
    ),
    ("SMS20-ENV", &["Environment Tab"], &["dpgmprp3"]),
    (
        "CM07-NAA",
        &["Network Access Account"],
        &["27d044a8-eb1b-4a6c-8b06-0c286fcd44b7"],
    ),
    ("CM07-FLOW", &[], &["d36aa432-becb-4ca7-b256-7b35e73704e7"]),
    (
        "CM07-PKGACCESS",
        &[],
        &["96a5181b-8dd7-4cda-a1a5-59b05155fa66"],
    ),
    (
        "CM07-ENV",
        &["Environment Tab"],
        &[
            "e917d58b-ce62-4d87-a0a3-e3005ba5baaa",
            "7dacf1f3-a31b-4545-a97d-0f2b4b3d29ad",
        ],
    ),
    (
        "CM07-REQ",
        &["Requirements"],
        &[
            "3b145d1a-9df3-4c51-b774-d6aa9d170e38",
            "3a41d4d1-0762-4379-9df7-b5803eb09595",
        ],
    ),
    (
        "CM07-LOGS",
        &["List of Log Files in Configuration Manager 2007"],
        &["bb892800"],
    ),
    (
        "SDK-ADV",
        &["SMS_Advertisement"],
        &["cc146108", "sms_advertisement-server-wmi-class"],
    ),
    (
        "CB-ACCOUNTS",
        &[
            "Accounts used in Configuration Manager",
            "Manage accounts to access content",
        ],
        &["hierarchy/accounts", "manage-accounts-to-access-content"],
    ),
    (
        "CB-PKGPROG",
        &["Packages and programs in Configuration Manager"],
        &["packages-and-programs"],
    ),
    (
        "CB-PDF",
        &["Package definition files"],
        &["package-definition-files"],
    ),
    (
        "WIN-LOCALSYSTEM",
        &["LocalSystem Account"],
        &["localsystem-account"],
    ),
    (
        "WIN-REDIRDRIVES",
        &["Services and Redirected Drives"],
        &["services-and-redirected-drives"],
    ),
    (
        "AD-GROUPS",
        &["Active Directory security groups"],
        &["understand-security-groups"],
    ),
    ("MSI-ALLUSERS", &["ALLUSERS property"], &["msi/allusers"]),
    (
        "MSI-CONTEXT",
        &["Installation Context"],
        &["installation-context"],
    ),
    (
        "MSI-ERRORS",
        &["Windows Installer Error Messages"],
        &["windows-installer-error-messages"],
    ),
    (
        "MSI-EXIT",
        &["MsiExec.exe and InstMsi.exe Error Messages"],
        &["msi/error-codes"],
    ),
    (
        "UAC-HOW",
        &[
            "How User Account Control works",
            "Understanding and Configuring User Account Control in Windows Vista",
        ],
        &["user-account-control/how-it-works", "cc709628"],
    ),
    (
        "WOW64-FSR",
        &["File System Redirector"],
        &["file-system-redirector"],
    ),
    (
        "WOW64-REG",
        &["Registry Redirector"],
        &["registry-redirector"],
    ),
    (
        "COMM-SANDYS",
        &["ConfigMgr 2012 and 32-bit Application Installers"],
        &["configmgr-2012-and-32-bit-application-installers"],
    ),
    ("MSJP-SYSNATIVE", &["sysnative"], &["20220125_01"]),
];

#[test]
fn sources_are_the_rule_books_with_real_titles_and_addresses() {
    let keys: Vec<&str> = SourceId::ALL.iter().map(|s| s.key()).collect();
    let want: Vec<&str> = SOURCES.iter().map(|(k, _, _)| *k).collect();
    let mut sorted_keys = keys.clone();
    sorted_keys.sort_unstable();
    let mut sorted_want = want.clone();
    sorted_want.sort_unstable();
    assert_eq!(sorted_keys, sorted_want, "the rule book's source ids");
    // "KB925282 does not exist (dropped)".
    assert_eq!(SourceId::from_key("KB925282"), None);
    for (key, titles, addresses) in SOURCES {
        let id = SourceId::from_key(key).unwrap();
        let title = id.title();
        assert!(!title.trim().is_empty(), "{key} has a title");
        assert!(
            titles.is_empty()
                || titles
                    .iter()
                    .any(|t| title.to_lowercase().contains(&t.to_lowercase())),
            "{key}: title {title:?}, sources.md: {titles:?}"
        );
        let address = id.address();
        assert!(
            address.starts_with("https://") || address.starts_with("http://"),
            "{key}: a plain link: {address:?}"
        );
        assert!(
            addresses.iter().any(|a| address.contains(a)),
            "{key}: address {address:?}, sources.md: {addresses:?}"
        );
    }
}
