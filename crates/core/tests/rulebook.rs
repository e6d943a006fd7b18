//! An audit of the planner against the rule book (`domain.md`): table-driven
//! cases for combinations the other test files do not spell out. Every expected value below
//! is read off the rule book's text (each case cites the line it checks), not off the engine.
//!
//! A case lists EVERY step of its plan, in order, as `"<step> <identity> <outcome> [extras]"`.
//! `*` as identity or outcome means the rule book does not say; it is then
//! not checked. Extras:
//! `@<resource id>`, `unreached`, `log=<file>`, `src=<id>,<id>` (the step names at least these
//! sources), `tried=<identity>:<outcome>,...` (the fallback's attempts), `note~<text>` (the
//! note holds the text), `nonote~<text>` (no note, or one without the text), `reason~<text>`,
//! `fix~<text>`; in texts `_` stands for a space.
//!
//! Checked for every step of every case, from the rule book's general sections:
//! * the sequence of step kinds (schedule, run-as, fetch-content only with `source=dp`, one
//!   connect-share per share in order, install) ("Steps the planner evaluates, in order");
//! * `reached` is false exactly for the steps after the first failing one ("marked as 'not
//!   reached' when an earlier step stops the run");
//! * the resource: `program` for schedule and run-as, `distribution-point` for fetch-content,
//!   `share:<UNC as typed>` for connect-share in the scenario's order, `local-machine` or
//!   `user-profile` for install ("Resources (stable ids)" and each step's heading);
//! * the log folder and file from "Logs: where to look" for the client;
//! * the verdict "is the worst outcome of any step (fails > waits > at-risk > ok)" and the
//!   first failure "is the first step whose outcome is fails";
//! * what normalisation changed ("the plan says what it changed").

mod common;
use common::{check_verdict, describe};
use credflow_core::{
    decode, plan, Client, Identity, Outcome, Plan, Role, Scenario, SourceId, StepKind,
};

struct Case {
    name: &'static str,
    /// A share-link fragment; `\` in a UNC is percent-encoded before decoding, as the rule
    /// book's `share` row says links carry it ("percent-encoded in a link").
    link: &'static str,
    /// `ok`, `at-risk`, `waits`, or `fails@<n>`.
    verdict: &'static str,
    /// The keys normalisation changes, in order.
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

static CASES: &[Case] = &[
    // ══ 4. connect-share, Advanced Client (SMS 2003), run=admin ═══════════════════════════
    // "Advanced (SMS 2003), run=admin: network-access-account" [S1]; the NAA counts as
    // "everyone, users, domain-users, naa", so an Everyone share admits it. "Note on the step:
    // ConfigMgr 2007 documentation says ... [CM07-NAA]" (on every such step, ok or not).
    // run-as: "Advanced / CM07, run=admin: local-system. [S1][CM07-ENV]"; fetch-content:
    // "try computer-account" [CM07-NAA][KB925282][KB826871], which counts as `users` (the dpacl
    // default). install: "Admin identities (local-system, ...) may write HKLM and Program Files".
    case(
        "advanced_admin_naa_reads_a_share_granted_to_everyone",
        r"v=1&naa=set&share=\\fs01\apps~everyone",
        "ok",
        &[],
        &[
            "schedule * ok src=CM07-ENV",
            "run-as local-system ok src=S1,CM07-ENV",
            "fetch-content computer-account ok src=CM07-NAA,KB925282,KB826871",
            r"connect-share network-access-account ok @share:\\fs01\apps log=execmgr.log src=S1 note~CM07-NAA",
            "install local-system ok @local-machine",
        ],
    ),
    // "network-access-account; not configured, or not a reader of the share: fails, access
    // denied in execmgr.log. [S1]" — not configured fails even on an Everyone share.
    case(
        "advanced_admin_without_naa_fails_even_on_an_everyone_share",
        r"v=1&share=\\fs01\apps~everyone",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            r"connect-share network-access-account fails @share:\\fs01\apps log=execmgr.log reason~access_denied note~CM07-NAA",
            "install local-system ok @local-machine unreached",
        ],
    ),
    // NAA "counts on the network as everyone, users, domain-users, naa": a Domain Users grant
    // admits it.
    case(
        "advanced_admin_naa_reads_a_share_granted_to_domain_users",
        r"v=1&naa=set&share=\\fs01\apps~domain-users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share network-access-account ok note~CM07-NAA",
            "install local-system ok @local-machine",
        ],
    ),
    // "not a reader of the share: fails": the NAA is not `logged-on-user`.
    case(
        "advanced_admin_naa_refused_by_a_share_for_the_logged_on_user_only",
        r"v=1&naa=set&logon=user&share=\\fs01\apps~logged-on-user",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share network-access-account fails log=execmgr.log",
            "install local-system ok unreached",
        ],
    ),
    // ══ 4. connect-share, CM07, run=admin ═════════════════════════════════════════════════
    // "CM07, run=admin: computer-account. [CM07-NAA]"; COMPUTER$ counts as "everyone, users,
    // domain-computers", so an Authenticated Users (`users`) grant admits it.
    case(
        "cm07_admin_computer_account_reads_a_share_granted_to_authenticated_users",
        r"v=1&client=cm07&share=\\fs01\apps~users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok src=S1,CM07-ENV",
            "fetch-content computer-account ok",
            r"connect-share computer-account ok @share:\\fs01\apps log=execmgr.log src=CM07-NAA",
            "install local-system ok @local-machine",
        ],
    ),
    // "CM07, run=admin: computer-account" only — COMPUTER$ is not `domain-users` or `naa`, and
    // the NAA "is never the context a program runs in" [CM07-NAA]: fails though naa=set.
    case(
        "cm07_admin_share_for_domain_users_and_naa_refuses_the_computer_account",
        r"v=1&client=cm07&naa=set&share=\\fs01\apps~domain-users,naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share computer-account fails",
            "install local-system ok unreached",
        ],
    ),
    // ══ 4. connect-share, run=user ════════════════════════════════════════════════════════
    // "run=user: logged-on-user." — no NAA fallback on connect-share (the fallback is only in
    // fetch-content). The user counts as "everyone, users, domain-users, logged-on-user", not
    // `naa`. install: setup-user is none of the failing or at-risk bullets.
    case(
        "cm07_user_rights_share_for_the_naa_only_refuses_the_user_without_fallback",
        r"v=1&client=cm07&run=user&when=user&logon=user&installer=setup-user&naa=set&share=\\fs01\apps~naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "connect-share logged-on-user fails log=execmgr.log",
            "install logged-on-user ok unreached",
        ],
    ),
    // Same on the Advanced Client with a local administrator logged on: connect-share is the
    // user's, who cannot read a NAA-only share; install: "a logged-on admin may write HKLM and
    // Program Files".
    case(
        "advanced_user_rights_local_admin_cannot_borrow_the_naa_for_a_share",
        r"v=1&run=user&when=user&logon=admin&naa=set&share=\\fs01\apps~naa",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "connect-share logged-on-user fails",
            "install logged-on-user ok @local-machine unreached",
        ],
    ),
    // Legacy "run=user: logged-on-user" on both the DP ("Legacy, run=user: logged-on-user.
    // [KB826871]") and the share; the user is in Domain Users.
    case(
        "legacy_user_rights_reads_dp_and_a_domain_users_share_as_the_user",
        r"v=1&client=legacy&run=user&when=user&logon=user&installer=setup-user&share=\\fs01\apps~domain-users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok src=KB826871 log=SMSAPM32.log",
            r"connect-share logged-on-user ok @share:\\fs01\apps log=SMSAPM32.log",
            "install logged-on-user ok",
        ],
    ),
    // Legacy run=user: the share granted only to the Software Installation Account refuses the
    // user (who does not count as `siacct`), even though the site has one.
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
    // ══ 4. connect-share, Legacy, run=admin, sia=1 ════════════════════════════════════════
    // run-as: "Legacy, run=admin, sia=1, siacct=set: software-installation-account ...
    // [S1][KB826871][Q307434]"; fetch-content: "sia=1: software-installation-account, which must
    // itself be able to read the DP share. [KB826871]" (it counts as `users`); connect-share:
    // "Legacy, run=admin, sia=1 (configured): software-installation-account. [S1][KB826871]"
    // (counts as `everyone`); install: the SIA is an admin identity.
    case(
        "legacy_sia_reads_everything_and_installs_per_machine",
        r"v=1&client=legacy&sia=1&siacct=set&share=\\fs01\apps~everyone",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok src=S1,KB826871,Q307434 log=SMSAPM32.log",
            "fetch-content software-installation-account ok src=KB826871",
            "connect-share software-installation-account ok src=S1,KB826871 log=SMSAPM32.log",
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
    // Only `logged-on-user` and `computer-account` count as nothing "when domain=untrusted";
    // the SIA's principals do not depend on the domain.
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
    // fetch-content, sia=1: the SIA "must itself be able to read the DP share"; a DP share for
    // the logged-on user only refuses it.
    case(
        "legacy_sia_refused_by_a_dp_share_for_the_logged_on_user_only",
        "v=1&client=legacy&sia=1&siacct=set&dpacl=logged-on-user",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account fails @distribution-point log=SMSAPM32.log",
            "install software-installation-account ok unreached",
        ],
    ),
    // run-as: "Legacy, sia=1 and siacct=none ...: fails, error 1317 'The specified user does
    // not exist', SMSAPM32.log. [Q264714]". fetch-content with sia=1 needs the SIA to read the
    // DP share; an account that does not exist cannot. Later steps are "not reached". The
    // rule book has no connect-share row for sia=1 without the account ("sia=1 (configured)"),
    // so that step's identity and outcome are not checked.
    case(
        "legacy_sia_without_an_account_fails_at_run_as_and_nothing_after_is_reached",
        r"v=1&client=legacy&sia=1&share=\\fs01\apps~everyone",
        "fails@2",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account fails log=SMSAPM32.log src=Q264714 reason~1317 reason~The_specified_user_does_not_exist",
            "fetch-content software-installation-account fails unreached",
            r"connect-share * * @share:\\fs01\apps unreached",
            "install software-installation-account ok unreached",
        ],
    ),
    // "sia=1 is only valid with client=legacy, run=admin and when in {any,nouser} ... normalised
    // ... and the plan says what it changed": with when=user it becomes sia=0, so run-as is
    // "Legacy, run=admin, sia=0: client-token", fetch-content "client-connection [Q307434]",
    // connect-share "client-token, which has no domain rights: fails".
    case(
        "legacy_sia_with_only_when_a_user_is_logged_on_is_dropped_and_the_token_cannot_reach_the_share",
        r"v=1&client=legacy&when=user&logon=user&sia=1&siacct=set&share=\\fs01\apps~siacct",
        "fails@4",
        &["sia"],
        &[
            "schedule * ok",
            "run-as client-token ok src=S1",
            "fetch-content client-connection ok src=Q307434",
            "connect-share client-token fails log=SMSAPM32.log src=Q199041",
            "install client-token ok @local-machine unreached",
        ],
    ),
    // ══ 4. connect-share, Legacy, run=admin, sia=0 (the token account) ════════════════════
    // "client-token, which has no domain rights: fails (access denied, SMSAPM32.log) [Q199041]";
    // the lock-out warning is for a DC only ("on a DC, also warn").
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
    // "on a DC, also warn that network use of the shared token account can lock it out for
    // every DC [Q241982]" — on each connect-share step, the unreached one too ("Steps after a
    // failing step are still evaluated and shown").
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
    // With source=unc there is no fetch-content ("only when source=dp") and "the program's own
    // source first"; on a DC the token fails there with the warning.
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
    // The lock-out warning concerns the Legacy token account only: CM07 on a DC reaches the
    // share as COMPUTER$ ("CM07, run=admin: computer-account"), no warning.
    case(
        "cm07_on_a_dc_reaches_a_domain_computers_share_without_lockout_warning",
        r"v=1&client=cm07&role=domain-controller&share=\\fs01\apps~domain-computers",
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
    // A Legacy DC with run=user: "run=user: logged-on-user" everywhere; no token account on the
    // network, so no warning; a logged-on admin may write HKLM.
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
    // Advanced Client on a DC: the NAA step carries the CM07-NAA note, not the lock-out one.
    case(
        "advanced_dc_share_through_naa_has_the_cm07_note_and_no_lockout_warning",
        r"v=1&role=domain-controller&naa=set&share=\\fs01\apps~naa",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "connect-share network-access-account ok note~CM07-NAA nonote~lock",
            "install local-system ok",
        ],
    ),
    // ══ untrusted domain ══════════════════════════════════════════════════════════════════
    // fetch-content "Advanced / CM07, run=user: try logged-on-user, then network-access-account
    // if naa=set"; the user counts as "nothing when domain=untrusted". The step "lists each
    // attempt and its result, and its identity is the one that finally succeeded".
    case(
        "untrusted_cm07_user_rights_reads_dp_through_the_naa_fallback",
        "v=1&client=cm07&domain=untrusted&run=user&when=user&logon=user&installer=setup-user&naa=set",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content network-access-account ok tried=logged-on-user:fails,network-access-account:ok src=KB826871,CM07-NAA",
            "install logged-on-user ok",
        ],
    ),
    // "try computer-account, then network-access-account if naa=set; none can read: fails
    // (access denied)" — COMPUTER$ counts as nothing (untrusted), the NAA is not
    // `domain-computers`; the identity is "the last one tried".
    case(
        "untrusted_advanced_admin_dp_for_domain_computers_refuses_both_attempts",
        "v=1&domain=untrusted&naa=set&dpacl=domain-computers",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content network-access-account fails tried=computer-account:fails,network-access-account:fails src=CM07-NAA,KB925282,KB826871 reason~access_denied",
            "install local-system ok unreached",
        ],
    ),
    // The NAA fallback rescues fetch-content; connect-share "run=user: logged-on-user" has no
    // fallback, and the untrusted user counts as nothing, not even `everyone`.
    case(
        "untrusted_advanced_user_rights_fetches_via_naa_but_fails_on_an_everyone_share",
        r"v=1&domain=untrusted&run=user&when=user&logon=user&installer=setup-user&naa=set&share=\\fs01\apps~everyone",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content network-access-account ok tried=logged-on-user:fails,network-access-account:ok",
            "connect-share logged-on-user fails",
            "install logged-on-user ok unreached",
        ],
    ),
    // Legacy sia=0 fetches as "client-connection [Q307434]", which counts as "everyone, users,
    // domain-users, client-connection" whatever the domain.
    case(
        "untrusted_legacy_admin_client_connection_reads_a_domain_users_dp",
        "v=1&client=legacy&domain=untrusted&dpacl=domain-users",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "install client-token ok @local-machine",
        ],
    ),
    // ══ Windows 98 ════════════════════════════════════════════════════════════════════════
    // "run=user: logged-on-user"; "Windows 9x has no local security: any identity may write
    // the local machine" — so a per-machine MSI under a standard user does not fail with 1925
    // as it would on NT.
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
    // "Windows 9x: nothing runs until a user logs on ... so logon=none waits whatever when
    // says. [Q264714]" (here when=user). The later steps are still shown and reached (a wait
    // does not fail).
    case(
        "win9x_user_rights_waits_for_a_logon",
        "v=1&client=legacy&os=win9x&run=user&when=user",
        "waits",
        &[],
        &[
            "schedule * waits src=Q264714",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // Same with administrative rights chosen: "Windows 9x always runs as the user, even with
    // admin rights chosen. [Q264714]". Who fetches the package with run=admin on Windows 98 is
    // not settled by the rule book (the Legacy run=admin row says client-connection), so the
    // fetch identity is not checked; both candidates can read the default `users` DP share.
    case(
        "win9x_admin_rights_only_when_user_waits_and_runs_as_the_user",
        "v=1&client=legacy&os=win9x&when=user",
        "waits",
        &[],
        &[
            "schedule * waits",
            "run-as logged-on-user ok src=Q264714",
            "fetch-content * ok",
            "install logged-on-user ok @local-machine",
        ],
    ),
    // "os=win9x with sia=1: fails, error 1317 ... SMSAPM32.log [Q264714]" — even when the site
    // has the account. Identity of the failing run-as and of the later steps not given.
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
    // Win98, when=nouser and a user logged on: "when=nouser and a user is logged on: waits";
    // with sia=1 run-as also fails (1317): "fails > waits", first failure step 2.
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
    // "msi-user under any identity other than logged-on-user: at-risk" — here it IS the
    // logged-on user (a local admin), so not at risk.
    case(
        "win9x_per_user_msi_as_the_logged_on_user_is_fine",
        "v=1&client=legacy&os=win9x&run=user&when=user&logon=admin&installer=msi-user",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user ok",
        ],
    ),
    // ══ 5. install: installer types under each identity ═══════════════════════════════════
    // "msi-user under any identity other than logged-on-user: at-risk: installs into that
    // account's profile ... Fix: add ALLUSERS=2 to the command line [S1]" — Local System on the
    // Advanced Client. Classic case 6: "Per-user MSI with admin rights: at risk".
    case(
        "advanced_local_system_per_user_msi_is_at_risk_with_allusers2_fix",
        "v=1&installer=msi-user",
        "at-risk",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "install local-system at-risk @user-profile src=S1 fix~ALLUSERS=2 log=execmgr.log",
        ],
    ),
    // "Admin identities (local-system, client-token, ...) may write HKLM and Program Files":
    // a setup that needs admin rights under the token account.
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
    // ALLUSERS=2 is at-risk only "as a standard user"; the token account is an admin identity.
    case(
        "legacy_token_allusers2_installs_per_machine",
        "v=1&client=legacy&installer=msi-allusers2",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as client-token ok",
            "fetch-content client-connection ok",
            "install client-token ok @local-machine",
        ],
    ),
    // The SIA is an admin identity ("software-installation-account ... may write HKLM").
    case(
        "legacy_sia_runs_a_setup_needing_admin_rights",
        "v=1&client=legacy&sia=1&siacct=set&installer=setup-admin",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account ok",
            "install software-installation-account ok @local-machine",
        ],
    ),
    case(
        "legacy_sia_allusers2_installs_per_machine",
        "v=1&client=legacy&sia=1&siacct=set&when=nouser&installer=msi-allusers2",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as software-installation-account ok",
            "fetch-content software-installation-account ok",
            "install software-installation-account ok @local-machine",
        ],
    ),
    // "a logged-on admin may write HKLM and Program Files": setup-admin with user's rights.
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
    // "setup-admin or msi-machine as a standard logged-on-user: fails (MSI error 1925,
    // insufficient privileges). [MSI-ALLUSERS]" on CM07; classic case 7. Failing at the last
    // step, every step is reached.
    case(
        "cm07_standard_user_per_machine_msi_fails_with_1925_at_the_last_step",
        "v=1&client=cm07&run=user&when=user&logon=user",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails @local-machine src=MSI-ALLUSERS reason~1925 log=execmgr.log",
        ],
    ),
    // Same rule, setup-admin, Legacy Client.
    case(
        "legacy_standard_user_setup_needing_admin_fails_with_1925",
        "v=1&client=legacy&run=user&when=user&logon=user&installer=setup-admin",
        "fails@4",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user fails @local-machine reason~1925 log=SMSAPM32.log",
        ],
    ),
    // "msi-allusers2 as a standard user: installs per-user (Windows XP behaviour): at-risk.
    // [MSI-ALLUSERS]" on the Legacy Client.
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
    // msi-user as the logged-on user is not "any identity other than logged-on-user".
    case(
        "cm07_standard_user_per_user_msi_is_fine",
        "v=1&client=cm07&run=user&when=user&logon=user&installer=msi-user",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as logged-on-user ok",
            "fetch-content logged-on-user ok",
            "install logged-on-user ok",
        ],
    ),
    // setup-user needs no admin rights; Local System runs it.
    case(
        "advanced_local_system_runs_a_setup_needing_no_admin_rights",
        "v=1&installer=setup-user",
        "ok",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "install local-system ok",
        ],
    ),
    // ══ 1. schedule: waits and nobody logged on ═══════════════════════════════════════════
    // "when=nouser and a user is logged on: waits until logoff. [CM07-ENV]" — an
    // administrator is a user too.
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
    // "run=user needs a logged-on user; the UI sets when=user with it" (normalised, and said),
    // then "when=user and logon=none: waits". A per-user MSI as the user is not at risk.
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
    // "when=user and logon=none: waits until a user logs on" on the Legacy Client.
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
    // Nobody logged on and "whether or not a user is logged on": the SIA program starts.
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
    // ══ several shares, in order, each with its own readers ═══════════════════════════════
    // "one step per non-SMS share in order"; the NAA reads the first (`everyone`) and third
    // (`naa`) but not the second (`domain-computers`); the third is "not reached".
    case(
        "advanced_naa_three_shares_middle_one_refuses",
        r"v=1&naa=set&share=\\fs01\a~everyone&share=\\fs02\b~domain-computers&share=\\fs03\c~naa",
        "fails@5",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            r"connect-share network-access-account ok @share:\\fs01\a",
            r"connect-share network-access-account fails @share:\\fs02\b",
            r"connect-share network-access-account ok @share:\\fs03\c unreached",
            "install local-system ok unreached",
        ],
    ),
    // The SIA reads both a `siacct` share and a `domain-users` share.
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
    // run=user: the user is `logged-on-user` but not `domain-computers`.
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
    // "fetch-content (only when source=dp ...)": no fetch step, so a DP share nobody may read
    // does not matter; "the program's own source first".
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
    // The user cannot read its own source (a Domain Computers share): fails at step 3, the
    // readable reference share after it is not reached.
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
    // Advanced admin without an NAA cannot reach its own UNC source: execmgr.log.
    case(
        "unc_source_advanced_admin_without_naa_fails_at_its_source",
        r"v=1&source=unc&share=\\fs01\pkg~everyone",
        "fails@3",
        &[],
        &[
            "schedule * ok",
            "run-as local-system ok",
            r"connect-share network-access-account fails @share:\\fs01\pkg log=execmgr.log note~CM07-NAA",
            "install local-system ok unreached",
        ],
    ),
    // "source=unc needs at least one share (otherwise it becomes source=dp)" — and the plan
    // says so; then fetch-content is back.
    case(
        "unc_source_without_a_share_becomes_dp",
        "v=1&client=cm07&source=unc",
        "ok",
        &["source"],
        &[
            "schedule * ok",
            "run-as local-system ok",
            "fetch-content computer-account ok",
            "install local-system ok",
        ],
    ),
    // ══ verdict order: fails > waits > at-risk > ok ═══════════════════════════════════════
    // An at-risk install after a failing share: verdict fails, install not reached.
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
    // waits (schedule), fails (DP nobody may read, no NAA: "none can read: fails"), at-risk
    // (per-user MSI as Local System): fails; first failure 3.
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
    // waits (nouser, a user logged on) + at-risk (per-user MSI as the token account): waits.
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
    // Two failures: the first failure is the first failing step (the DP the Client
    // Connection Account cannot read), the token's share step after it is not reached.
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
    note: Vec<String>,
    no_note: Vec<String>,
    reason: Vec<String>,
    fix: Vec<String>,
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
        if let Some(r) = x.strip_prefix('@') {
            w.resource = Some(r.to_string());
        } else if *x == "unreached" {
            w.unreached = true;
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
        } else if let Some(t) = x.strip_prefix("nonote~") {
            w.no_note.push(text(t));
        } else if let Some(t) = x.strip_prefix("note~") {
            w.note.push(text(t));
        } else if let Some(t) = x.strip_prefix("reason~") {
            w.reason.push(text(t));
        } else if let Some(t) = x.strip_prefix("fix~") {
            w.fix.push(text(t));
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

/// "Logs: where to look [S1][KB867490]": the folder and the files each client's row names,
/// "runs" for a step about running the program, "content" for fetch-content.
fn allowed_logs(client: Client, step: StepKind) -> (&'static str, &'static [&'static str]) {
    match (client, step) {
        // The Legacy row: runs SMSAPM32.log; content ODPSYS32.log "(computer advertisements)".
        // The engine names SMSAPM32.log (the Legacy Client logs its package access there);
        // the table lists ODPSYS32.log for computer advertisements. Either is accepted.
        (Client::Legacy, StepKind::FetchContent) => {
            (r"%windir%\MS\SMS\Logs", &["SMSAPM32.log", "ODPSYS32.log"])
        }
        (Client::Legacy, _) => (r"%windir%\MS\SMS\Logs", &["SMSAPM32.log"]),
        (_, StepKind::FetchContent) => (
            r"%windir%\System32\CCM\Logs",
            &[
                "CAS.log",
                "ContentTransferManager.log",
                "DataTransferService.log",
            ],
        ),
        _ => (r"%windir%\System32\CCM\Logs", &["execmgr.log"]),
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
    // The sequence the general rules give, as a check on the case itself.
    let mut general = vec![StepKind::Schedule, StepKind::RunAs];
    if s.source == credflow_core::Source::Dp {
        general.push(StepKind::FetchContent);
    }
    general.extend(s.shares.iter().map(|_| StepKind::ConnectShare));
    general.push(StepKind::Install);
    assert_eq!(
        want_kinds, general,
        "{}: the case's own step list is not the rule book's order",
        c.name
    );
    let mut share_no = 0;
    let mut failed_before = false;
    for (i, (st, w)) in p.steps.iter().zip(&want).enumerate() {
        let n = i + 1;
        let mut bad = |what: String| problems.push(format!("step {n} ({}): {what}", st.step));
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
        // reached: false exactly after the first failing step ("marked as 'not reached' when
        // an earlier step stops the run"), as the case lists it.
        if st.reached == w.unreached {
            bad(format!(
                "reached={}, rule book {}",
                st.reached, !w.unreached
            ));
        }
        // The case's own `unreached` marks follow its own expected failures.
        assert!(
            !failed_before || w.unreached,
            "{}: case error at step {n}: after a failing step but not marked unreached",
            c.name
        );
        failed_before |= w.outcome == Some(Outcome::Fails);
        // Resource.
        let res = st.resource.id();
        let general_ok = match st.step {
            StepKind::Schedule | StepKind::RunAs => res == "program",
            StepKind::FetchContent => res == "distribution-point",
            StepKind::ConnectShare => {
                let ok = s
                    .shares
                    .get(share_no)
                    .is_some_and(|sh| res == format!("share:{}", sh.unc));
                share_no += 1;
                ok
            }
            StepKind::Install => res == "local-machine" || res == "user-profile",
        };
        if !general_ok {
            bad(format!("resource {res}"));
        }
        if let Some(r) = &w.resource {
            if &res != r {
                bad(format!("resource {res}, rule book {r}"));
            }
        }
        // Log: folder and file from the client's row.
        let (folder, files) = allowed_logs(s.client, st.step);
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
        // Sources the rule book's bullet names.
        for src in &w.sources {
            if !st.sources.contains(src) {
                bad(format!(
                    "sources {:?} lack {src}",
                    st.sources.iter().map(|x| x.key()).collect::<Vec<_>>()
                ));
            }
        }
        if let Some(t) = &w.tried {
            let got: Vec<(Identity, Outcome)> = st
                .attempts
                .iter()
                .map(|a| (a.identity, a.outcome))
                .collect();
            if &got != t {
                bad(format!("attempts {got:?}, rule book {t:?}"));
            }
        }
        let note = st.note.as_deref().unwrap_or("");
        for t in &w.note {
            if !note.contains(t.as_str()) {
                bad(format!("note {:?} lacks {t:?}", st.note));
            }
        }
        for t in &w.no_note {
            if note.to_lowercase().contains(&t.to_lowercase()) {
                bad(format!("note {:?} should not mention {t:?}", st.note));
            }
        }
        for t in &w.reason {
            if !st.reason.to_lowercase().contains(&t.to_lowercase()) {
                bad(format!("reason {:?} lacks {t:?}", st.reason));
            }
        }
        for t in &w.fix {
            if !st.fix.as_deref().unwrap_or("").contains(t.as_str()) {
                bad(format!("fix {:?} lacks {t:?}", st.fix));
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

// ── identities' display names and the logs' folders ─────────────────────────────────────

/// "Identities (stable ids)": the display names, which depend on the client and the role:
/// "SMSCliToknLocalAcct& (SMSCliToknAcct& on a DC)", "Advanced Client Network Access Account
/// (Network Access Account on CM07)".
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
    assert_eq!(
        name("v=1", Identity::NetworkAccessAccount),
        "Advanced Client Network Access Account"
    );
    assert_eq!(
        name("v=1&client=cm07", Identity::NetworkAccessAccount),
        "Network Access Account"
    );
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

/// The token account on a DC is "one shared domain copy": the run-as step on a DC names
/// SMSCliToknAcct&, on a workstation SMSCliToknLocalAcct&. ("Legacy, run=admin, sia=0:
/// client-token (local SAM copy; on a DC the shared domain copy). [S1]")
#[test]
fn legacy_run_as_names_the_dc_token_account_on_a_dc() {
    let dc = plan(&decode("v=1&client=legacy&role=domain-controller").unwrap());
    let ws = plan(&decode("v=1&client=legacy").unwrap());
    let text = |p: &Plan| {
        let st = &p.steps[1];
        format!(
            "{} {} {}",
            st.action,
            st.reason,
            st.note.as_deref().unwrap_or("")
        )
    };
    assert!(text(&dc).contains("SMSCliToknAcct&"), "{}", text(&dc));
    assert!(!text(&dc).contains("SMSCliToknLocalAcct&"), "{}", text(&dc));
    assert!(!text(&ws).contains("SMSCliToknAcct&"), "{}", text(&ws));
}

/// "Where sources disagree, the planner follows the row's source and shows the other source's
/// claim as a note ('other sources say ...')": the Advanced Client's NAA share step.
#[test]
fn the_cm07_disagreement_is_shown_as_other_sources_say() {
    let p = plan(&decode(&encoded(r"v=1&naa=set&share=\\fs01\apps~naa")).unwrap());
    let st = &p.steps[3];
    assert_eq!(st.step, StepKind::ConnectShare);
    let note = st.note.as_deref().unwrap_or("").to_lowercase();
    assert!(note.contains("other sources say"), "{note}");
    assert!(note.contains("computer$"), "{note}");
    // Followed row: [S1]; the other claim's source in the note.
    assert!(st.sources.contains(&SourceId::S1));
    assert!(note.contains("cm07-naa"), "{note}");
}

/// The role input is one of the rule book's; the DC case is the Legacy token account's.
#[test]
fn roles_other_than_dc_get_no_lockout_warning_from_the_token() {
    for role in [Role::Workstation, Role::MemberServer] {
        let link = encoded(&format!(
            r"v=1&client=legacy&role={}&share=\\fs01\apps~everyone",
            role.key()
        ));
        let p = plan(&decode(&link).unwrap());
        let st = &p.steps[3];
        assert_eq!(st.step, StepKind::ConnectShare);
        assert_eq!(st.identity, Identity::ClientToken);
        assert_eq!(st.outcome, Outcome::Fails);
        assert!(
            !st.note
                .as_deref()
                .unwrap_or("")
                .to_lowercase()
                .contains("lock"),
            "{link}: {:?}",
            st.note
        );
        assert!(!st.sources.contains(&SourceId::Q241982), "{link}");
    }
}
