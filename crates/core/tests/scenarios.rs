//! Scenario tests derived from the rule book (domain.md): a table of scenarios, one row each,
//! and a walk over every combination of the single-valued inputs that checks the plan's
//! invariants and compares it with a small model of the rule book written independently of
//! the engine.
//!
//! A row's expected steps are written `"<n> <step> <identity> <outcome> [extras]"`, extras:
//! `@<resource id>`, `tried=<identity>:<outcome>,...` (the fallback attempts, in order),
//! `unreached`, `note` / `no-note`, `reason~<text without spaces>`, `fix~<text>`,
//! `rule=<rule id>`. A failing row prints the whole plan.

use std::collections::BTreeSet;

mod common;
use common::{check_verdict, describe};
use credflow_core::rules::RULES;
use credflow_core::{
    decode, plan, Account, Client, Domain, Identity, Installer, Logon, Os, Outcome, Plan,
    Principal, Readers, Role, Run, Scenario, Share, Sia, Source, SourceId, Step, StepKind, When,
};

// ── the table ───────────────────────────────────────────────────────────────────────────

/// One scenario: a name saying what it proves, a link fragment, the verdict (`ok`,
/// `at-risk`, `waits`, or `fails@<n>` with the first failing step), and the interesting steps.
struct Row {
    name: &'static str,
    link: &'static str,
    verdict: &'static str,
    steps: &'static [&'static str],
}

const fn row(
    name: &'static str,
    link: &'static str,
    verdict: &'static str,
    steps: &'static [&'static str],
) -> Row {
    Row {
        name,
        link,
        verdict,
        steps,
    }
}

/// A user is logged on and the program runs with the user's rights.
macro_rules! as_user {
    ($rest:literal) => {
        concat!("v=1&run=user&when=user&logon=user", $rest)
    };
}

static ROWS: &[Row] = &[
    // ── each client, each run mode ──────────────────────────────────────────────────────
    row(
        "advanced_admin_runs_as_local_system_and_reads_dp_as_computer_account",
        "v=1",
        "ok",
        &[
            "1 schedule local-system ok rule=schedule/can-start",
            "2 run-as local-system ok @program rule=run-as/local-system",
            "3 fetch-content computer-account ok @distribution-point tried=computer-account:ok",
            "4 install local-system ok @local-machine rule=install/admin",
        ],
    ),
    row(
        "cm07_admin_runs_as_local_system_and_reads_dp_as_computer_account",
        "v=1&client=cm07",
        "ok",
        &[
            "2 run-as local-system ok rule=run-as/local-system",
            "3 fetch-content computer-account ok rule=fetch-content/advanced-admin",
            "4 install local-system ok @local-machine",
        ],
    ),
    row(
        "legacy_admin_runs_as_token_and_reads_dp_as_client_connection",
        "v=1&client=legacy",
        "ok",
        &[
            "1 schedule client-token ok",
            "2 run-as client-token ok rule=run-as/token",
            "3 fetch-content client-connection ok rule=fetch-content/legacy-connection",
            "4 install client-token ok @local-machine rule=install/admin",
        ],
    ),
    row(
        "advanced_user_rights_runs_and_fetches_as_the_user",
        as_user!("&installer=setup-user"),
        "ok",
        &[
            "2 run-as logged-on-user ok rule=run-as/user",
            "3 fetch-content logged-on-user ok tried=logged-on-user:ok rule=fetch-content/advanced-user",
            "4 install logged-on-user ok @user-profile rule=install/setup-standard-user",
        ],
    ),
    row(
        "cm07_user_rights_local_admin_user_installs_per_machine_msi",
        "v=1&client=cm07&run=user&when=user&logon=admin",
        "ok",
        &[
            "2 run-as logged-on-user ok",
            "3 fetch-content logged-on-user ok",
            "4 install logged-on-user ok @local-machine rule=install/admin",
        ],
    ),
    row(
        "legacy_user_rights_fetches_as_user_and_installs_per_user_msi_in_own_profile",
        as_user!("&client=legacy&installer=msi-user"),
        "ok",
        &[
            "2 run-as logged-on-user ok",
            "3 fetch-content logged-on-user ok rule=fetch-content/legacy-user",
            "4 install logged-on-user ok @user-profile rule=install/per-user-msi",
        ],
    ),
    // ── fallbacks to the Network Access Account ─────────────────────────────────────────
    row(
        "advanced_user_denied_on_dp_falls_back_to_naa_which_reads_it",
        as_user!("&installer=setup-user&naa=set&dpacl=naa"),
        "ok",
        &["3 fetch-content network-access-account ok tried=logged-on-user:fails,network-access-account:ok"],
    ),
    row(
        "advanced_user_denied_on_dp_and_naa_denied_too_fails",
        as_user!("&installer=setup-user&naa=set&dpacl=domain-computers"),
        "fails@3",
        &[
            "3 fetch-content network-access-account fails tried=logged-on-user:fails,network-access-account:fails reason~access fix~package",
            "4 install logged-on-user ok unreached",
        ],
    ),
    row(
        "advanced_user_denied_on_dp_without_naa_fails_as_the_user",
        as_user!("&installer=setup-user&dpacl=domain-computers"),
        "fails@3",
        &["3 fetch-content logged-on-user fails tried=logged-on-user:fails reason~Network"],
    ),
    row(
        "advanced_admin_computer_denied_on_dp_falls_back_to_naa_which_reads_it",
        "v=1&naa=set&dpacl=naa",
        "ok",
        &["3 fetch-content network-access-account ok tried=computer-account:fails,network-access-account:ok @distribution-point"],
    ),
    row(
        "advanced_admin_computer_and_naa_both_denied_on_dp_fails",
        "v=1&naa=set&dpacl=logged-on-user",
        "fails@3",
        &[
            "3 fetch-content network-access-account fails tried=computer-account:fails,network-access-account:fails",
            "4 install local-system ok unreached",
        ],
    ),
    row(
        "cm07_admin_computer_denied_on_dp_falls_back_to_naa",
        "v=1&client=cm07&naa=set&dpacl=naa",
        "ok",
        &["3 fetch-content network-access-account ok tried=computer-account:fails,network-access-account:ok"],
    ),
    row(
        "cm07_user_and_naa_both_denied_on_dp_fails",
        "v=1&client=cm07&run=user&when=user&logon=user&installer=setup-user&naa=set&dpacl=siacct",
        "fails@3",
        &["3 fetch-content network-access-account fails tried=logged-on-user:fails,network-access-account:fails"],
    ),
    row(
        "advanced_admin_dp_readable_by_nobody_fails_without_naa",
        "v=1&dpacl=",
        "fails@3",
        &["3 fetch-content computer-account fails tried=computer-account:fails @distribution-point log=CAS.log"],
    ),
    // ── domain controllers ──────────────────────────────────────────────────────────────
    row(
        "legacy_on_dc_runs_as_shared_domain_token_account",
        "v=1&client=legacy&role=domain-controller",
        "ok",
        &["2 run-as client-token ok rule=run-as/token-dc"],
    ),
    row(
        "legacy_on_dc_token_on_share_fails_and_warns_of_lockout",
        r"v=1&client=legacy&role=domain-controller&share=\\fs01\apps~everyone",
        "fails@4",
        &[r"4 connect-share client-token fails @share:\\fs01\apps note rule=connect-share/legacy-token-dc log=SMSAPM32.log"],
    ),
    row(
        "legacy_on_dc_with_sia_reaches_share_as_sia",
        r"v=1&client=legacy&role=domain-controller&sia=1&siacct=set&share=\\fs01\apps~siacct",
        "ok",
        &["4 connect-share software-installation-account ok no-note"],
    ),
    row(
        "advanced_on_dc_still_runs_as_local_system",
        "v=1&role=domain-controller",
        "ok",
        &["2 run-as local-system ok", "4 install local-system ok"],
    ),
    row(
        "legacy_member_server_token_cannot_read_even_an_everyone_share",
        r"v=1&client=legacy&role=member-server&share=\\fs01\apps~everyone,users,domain-users",
        "fails@4",
        &[r"4 connect-share client-token fails no-note rule=connect-share/legacy-token reason~no_domain_rights"],
    ),
    // ── Windows 98 ──────────────────────────────────────────────────────────────────────
    row(
        "win9x_waits_before_logon_even_when_program_may_run_without_user",
        "v=1&client=legacy&os=win9x",
        "waits",
        &[
            "1 schedule logged-on-user waits rule=schedule/win9x-before-logon fix~log_on",
            "2 run-as logged-on-user ok rule=run-as/win9x-user",
            "3 fetch-content logged-on-user ok",
            "4 install logged-on-user ok @local-machine rule=install/win9x",
        ],
    ),
    row(
        "win9x_with_only_when_no_user_never_starts_and_the_fix_says_to_allow_a_user",
        "v=1&client=legacy&os=win9x&when=nouser",
        "waits",
        &["1 schedule logged-on-user waits rule=schedule/win9x-no-user fix~whether_or_not_a_user"],
    ),
    row(
        "win9x_with_only_when_no_user_never_starts_with_a_user_logged_on_either",
        "v=1&client=legacy&os=win9x&when=nouser&logon=user",
        "waits",
        &["1 schedule logged-on-user waits rule=schedule/win9x-no-user reason~never_starts"],
    ),
    row(
        "win9x_in_an_untrusted_domain_is_not_told_that_administrative_rights_help",
        "v=1&client=legacy&os=win9x&logon=user&domain=untrusted",
        "fails@3",
        &["3 fetch-content logged-on-user fails rule=fetch-content/legacy-user fix~trusted_domain fix~Windows_98_always_runs_as_the_user"],
    ),
    row(
        "win9x_runs_as_user_even_with_admin_rights_and_setup_needing_admin_installs",
        "v=1&client=legacy&os=win9x&logon=user&installer=setup-admin",
        "ok",
        &[
            "2 run-as logged-on-user ok rule=run-as/win9x-user",
            "4 install logged-on-user ok @local-machine rule=install/win9x",
        ],
    ),
    row(
        "win9x_admin_rights_reaches_share_as_the_user",
        r"v=1&client=legacy&os=win9x&logon=user&share=\\fs01\apps~domain-users",
        "ok",
        &[r"4 connect-share logged-on-user ok @share:\\fs01\apps rule=connect-share/user"],
    ),
    row(
        "win9x_with_sia_and_no_siacct_fails_with_1317",
        "v=1&client=legacy&os=win9x&sia=1&logon=user",
        "fails@2",
        &[
            "2 run-as software-installation-account fails rule=run-as/win9x-sia reason~1317 log=SMSAPM32.log",
            "3 fetch-content logged-on-user ok unreached",
        ],
    ),
    // ── untrusted domain: the computer's own identities count as nothing ────────────────
    row(
        "untrusted_advanced_admin_without_naa_cannot_read_dp_even_for_everyone",
        "v=1&domain=untrusted&dpacl=everyone,users,domain-computers",
        "fails@3",
        &["3 fetch-content computer-account fails tried=computer-account:fails fix~reaches fix~Network"],
    ),
    row(
        "untrusted_advanced_admin_reads_dp_through_naa",
        "v=1&domain=untrusted&naa=set",
        "ok",
        &["3 fetch-content network-access-account ok tried=computer-account:fails,network-access-account:ok"],
    ),
    row(
        "untrusted_advanced_user_reads_dp_through_naa",
        as_user!("&domain=untrusted&installer=setup-user&naa=set"),
        "ok",
        &["3 fetch-content network-access-account ok tried=logged-on-user:fails,network-access-account:ok"],
    ),
    row(
        "untrusted_cm07_admin_computer_account_cannot_reach_share",
        r"v=1&client=cm07&domain=untrusted&naa=set&share=\\fs01\apps~everyone,domain-computers,naa",
        "fails@4",
        &[
            "3 fetch-content network-access-account ok",
            "4 connect-share computer-account fails rule=connect-share/cm07-admin fix~reaches fix~package",
        ],
    ),
    row(
        "untrusted_advanced_user_without_naa_cannot_read_dp_and_needs_the_naa",
        as_user!("&domain=untrusted&installer=setup-user"),
        "fails@3",
        &["3 fetch-content logged-on-user fails tried=logged-on-user:fails fix~reaches fix~Network"],
    ),
    row(
        "trusted_cm07_admin_share_without_domain_computers_is_fixed_by_a_grant",
        r"v=1&client=cm07&share=\\fs01\apps~naa",
        "fails@4",
        &["4 connect-share computer-account fails fix~Grant"],
    ),
    row(
        "untrusted_advanced_admin_reaches_share_through_naa",
        r"v=1&domain=untrusted&naa=set&share=\\fs01\apps~naa",
        "ok",
        &["4 connect-share network-access-account ok note"],
    ),
    row(
        "untrusted_legacy_admin_reads_dp_as_client_connection",
        "v=1&client=legacy&domain=untrusted",
        "ok",
        &["3 fetch-content client-connection ok"],
    ),
    row(
        "untrusted_legacy_user_cannot_read_dp_or_share",
        r"v=1&client=legacy&domain=untrusted&run=user&when=user&logon=user&installer=setup-user&share=\\fs01\apps~everyone",
        "fails@3",
        &[
            "3 fetch-content logged-on-user fails fix~reaches fix~administrative",
            "4 connect-share logged-on-user fails unreached fix~reaches",
        ],
    ),
    // ── installers as admin, as standard user, as local-admin user ──────────────────────
    row(
        "allusers2_as_local_system_installs_per_machine",
        "v=1&installer=msi-allusers2",
        "ok",
        &["4 install local-system ok @local-machine"],
    ),
    row(
        "allusers2_as_standard_user_installs_per_user_at_risk",
        as_user!("&installer=msi-allusers2"),
        "at-risk",
        &["4 install logged-on-user at-risk rule=install/allusers2-standard-user fix~administrative"],
    ),
    row(
        "allusers2_as_local_admin_user_installs_per_machine",
        "v=1&run=user&when=user&logon=admin&installer=msi-allusers2",
        "ok",
        &["4 install logged-on-user ok @local-machine"],
    ),
    row(
        "per_user_msi_as_token_account_is_at_risk",
        "v=1&client=legacy&installer=msi-user",
        "at-risk",
        &["4 install client-token at-risk @user-profile rule=install/per-user-msi-elsewhere fix~ALLUSERS=2"],
    ),
    row(
        "per_user_msi_as_sia_is_at_risk",
        "v=1&client=legacy&sia=1&siacct=set&installer=msi-user",
        "at-risk",
        &["4 install software-installation-account at-risk fix~ALLUSERS=2"],
    ),
    row(
        "per_user_msi_as_local_system_is_at_risk",
        "v=1&client=cm07&installer=msi-user",
        "at-risk",
        &["4 install local-system at-risk @user-profile reason~unexpected"],
    ),
    row(
        "per_user_msi_as_standard_user_installs_for_that_user",
        as_user!("&installer=msi-user"),
        "ok",
        &["4 install logged-on-user ok @user-profile rule=install/per-user-msi"],
    ),
    row(
        "per_user_msi_as_local_admin_user_installs_for_that_user",
        "v=1&run=user&when=user&logon=admin&installer=msi-user",
        "ok",
        &["4 install logged-on-user ok rule=install/per-user-msi"],
    ),
    row(
        "setup_needing_admin_as_local_system_succeeds",
        "v=1&client=cm07&installer=setup-admin",
        "ok",
        &["4 install local-system ok @local-machine"],
    ),
    row(
        "setup_needing_admin_as_standard_user_fails_with_1925",
        as_user!("&installer=setup-admin"),
        "fails@4",
        &["4 install logged-on-user fails @local-machine rule=install/needs-admin reason~1925"],
    ),
    row(
        "setup_needing_admin_as_local_admin_user_succeeds",
        "v=1&client=legacy&run=user&when=user&logon=admin&installer=setup-admin",
        "ok",
        &["4 install logged-on-user ok @local-machine rule=install/admin"],
    ),
    row(
        "setup_without_admin_as_standard_user_succeeds",
        as_user!("&client=legacy&installer=setup-user"),
        "ok",
        &["4 install logged-on-user ok rule=install/setup-standard-user"],
    ),
    row(
        "setup_without_admin_as_token_account_succeeds",
        "v=1&client=legacy&installer=setup-user",
        "ok",
        &["4 install client-token ok @local-machine"],
    ),
    row(
        "setup_without_admin_as_local_admin_user_succeeds",
        "v=1&run=user&when=user&logon=admin&installer=setup-user",
        "ok",
        &["4 install logged-on-user ok"],
    ),
    row(
        "per_machine_msi_as_local_admin_user_succeeds",
        "v=1&client=legacy&run=user&when=user&logon=admin",
        "ok",
        &["4 install logged-on-user ok @local-machine"],
    ),
    row(
        "per_machine_msi_as_standard_user_fails_with_1925_on_legacy_too",
        as_user!("&client=legacy"),
        "fails@4",
        &["4 install logged-on-user fails reason~1925 log=SMSAPM32.log"],
    ),
    // ── "Program can run" waits, both ways ──────────────────────────────────────────────
    row(
        "only_when_user_logged_on_waits_at_logon_screen",
        "v=1&when=user",
        "waits",
        &[
            "1 schedule local-system waits rule=schedule/needs-user fix~logon",
            "2 run-as local-system ok",
            "4 install local-system ok",
        ],
    ),
    row(
        "only_when_user_logged_on_starts_when_one_is",
        "v=1&when=user&logon=user",
        "ok",
        &["1 schedule local-system ok"],
    ),
    row(
        "only_when_no_user_waits_for_a_standard_user_to_log_off",
        "v=1&when=nouser&logon=user",
        "waits",
        &["1 schedule local-system waits rule=schedule/needs-no-user fix~log_off"],
    ),
    row(
        "only_when_no_user_waits_for_an_admin_to_log_off_on_legacy",
        "v=1&client=legacy&when=nouser&logon=admin",
        "waits",
        &["1 schedule client-token waits"],
    ),
    row(
        "only_when_no_user_starts_at_logon_screen",
        "v=1&when=nouser",
        "ok",
        &["1 schedule local-system ok"],
    ),
    row(
        "user_rights_wait_for_a_logon",
        "v=1&run=user&when=user&installer=setup-user",
        "waits",
        &["1 schedule local-system waits", "2 run-as logged-on-user ok"],
    ),
    row(
        "a_failure_outranks_a_wait",
        r"v=1&when=user&share=\\fs01\apps~users",
        "fails@4",
        &[
            "1 schedule local-system waits",
            "4 connect-share network-access-account fails",
            "5 install local-system ok unreached",
        ],
    ),
    row(
        "a_wait_outranks_a_risk",
        "v=1&when=user&installer=msi-user",
        "waits",
        &["1 schedule local-system waits", "4 install local-system at-risk"],
    ),
    // ── several shares: the second fails while the first succeeds ───────────────────────
    row(
        "advanced_naa_reads_first_share_but_not_second",
        r"v=1&naa=set&share=\\fs01\apps~naa&share=\\fs02\ref~domain-computers",
        "fails@5",
        &[
            r"4 connect-share network-access-account ok @share:\\fs01\apps",
            r"5 connect-share network-access-account fails @share:\\fs02\ref log=execmgr.log",
            "6 install local-system ok unreached",
        ],
    ),
    row(
        "cm07_computer_reads_first_share_but_not_second",
        r"v=1&client=cm07&naa=set&share=\\fs01\apps~domain-computers&share=\\fs02\ref~naa",
        "fails@5",
        &[
            r"4 connect-share computer-account ok @share:\\fs01\apps",
            r"5 connect-share computer-account fails @share:\\fs02\ref",
        ],
    ),
    row(
        "legacy_sia_reads_first_share_but_not_second_with_no_readers",
        r"v=1&client=legacy&sia=1&siacct=set&share=\\fs01\apps~siacct&share=\\fs02\ref~",
        "fails@5",
        &[
            "4 connect-share software-installation-account ok rule=connect-share/legacy-sia",
            "5 connect-share software-installation-account fails",
        ],
    ),
    row(
        "user_reads_first_share_but_not_second",
        r"v=1&run=user&when=user&logon=user&installer=setup-user&share=\\fs01\apps~domain-users&share=\\fs02\ref~domain-computers",
        "fails@5",
        &[
            "4 connect-share logged-on-user ok",
            "5 connect-share logged-on-user fails",
        ],
    ),
    row(
        "every_share_after_a_failure_is_still_shown_unreached",
        r"v=1&client=cm07&share=\\fs01\a~naa&share=\\fs01\b~domain-computers&share=\\fs01\c~",
        "fails@4",
        &[
            r"4 connect-share computer-account fails @share:\\fs01\a",
            r"5 connect-share computer-account ok @share:\\fs01\b unreached",
            r"6 connect-share computer-account fails @share:\\fs01\c unreached",
            "7 install local-system ok unreached",
        ],
    ),
    // ── source=unc: no fetch-content; the first share is the program's source ───────────
    row(
        "unc_source_has_no_fetch_and_connects_to_its_source_first",
        r"v=1&source=unc&naa=set&share=\\fs01\pkg~naa&share=\\fs02\ref~naa",
        "ok",
        &[
            r"3 connect-share network-access-account ok @share:\\fs01\pkg",
            r"4 connect-share network-access-account ok @share:\\fs02\ref",
            "5 install local-system ok",
        ],
    ),
    row(
        "unc_source_ignores_a_dp_nobody_can_read",
        r"v=1&client=cm07&source=unc&dpacl=&share=\\fs01\pkg~domain-computers",
        "ok",
        &[r"3 connect-share computer-account ok @share:\\fs01\pkg"],
    ),
    row(
        "unc_source_on_legacy_token_fails_at_its_source",
        r"v=1&client=legacy&source=unc&share=\\fs01\pkg~users",
        "fails@3",
        &[
            r"3 connect-share client-token fails @share:\\fs01\pkg",
            "4 install client-token ok unreached",
        ],
    ),
    // ── who may read the DP share ───────────────────────────────────────────────────────
    row(
        "dp_readable_by_nobody_fails_the_legacy_client_connection",
        "v=1&client=legacy&dpacl=",
        "fails@3",
        &["3 fetch-content client-connection fails log=SMSAPM32.log"],
    ),
    row(
        "dp_for_domain_computers_only_serves_advanced_admin",
        "v=1&dpacl=domain-computers",
        "ok",
        &["3 fetch-content computer-account ok"],
    ),
    row(
        "dp_for_domain_computers_only_refuses_legacy_client_connection",
        "v=1&client=legacy&dpacl=domain-computers",
        "fails@3",
        &["3 fetch-content client-connection fails"],
    ),
    row(
        "dp_for_naa_only_refuses_advanced_admin_without_naa",
        "v=1&dpacl=naa",
        "fails@3",
        &["3 fetch-content computer-account fails tried=computer-account:fails fix~Grant"],
    ),
    row(
        "dp_for_siacct_only_serves_legacy_sia",
        "v=1&client=legacy&sia=1&siacct=set&dpacl=siacct",
        "ok",
        &["3 fetch-content software-installation-account ok rule=fetch-content/legacy-sia"],
    ),
    row(
        "dp_for_siacct_only_refuses_legacy_token_run",
        "v=1&client=legacy&dpacl=siacct",
        "fails@3",
        &["3 fetch-content client-connection fails"],
    ),
    row(
        "dp_for_client_connection_only_serves_legacy_token_run",
        "v=1&client=legacy&dpacl=client-connection",
        "ok",
        &["3 fetch-content client-connection ok"],
    ),
    row(
        "dp_for_client_connection_only_refuses_legacy_sia",
        "v=1&client=legacy&sia=1&siacct=set&dpacl=client-connection",
        "fails@3",
        &["3 fetch-content software-installation-account fails reason~must_itself"],
    ),
    row(
        "dp_for_client_connection_only_refuses_legacy_user",
        as_user!("&client=legacy&installer=setup-user&dpacl=client-connection"),
        "fails@3",
        &["3 fetch-content logged-on-user fails"],
    ),
    row(
        "dp_for_logged_on_user_serves_legacy_user",
        as_user!("&client=legacy&installer=setup-user&dpacl=logged-on-user"),
        "ok",
        &["3 fetch-content logged-on-user ok"],
    ),
    // ── the Software Installation Account ───────────────────────────────────────────────
    row(
        "legacy_sia_not_configured_fails_with_1317_and_cannot_fetch",
        "v=1&client=legacy&sia=1",
        "fails@2",
        &[
            "2 run-as software-installation-account fails rule=run-as/sia-not-configured reason~1317 log=SMSAPM32.log",
            "3 fetch-content software-installation-account fails unreached reason~No_Software_Installation_Account",
        ],
    ),
    row(
        "legacy_sia_on_nouser_program_runs_as_sia",
        "v=1&client=legacy&when=nouser&sia=1&siacct=set",
        "ok",
        &["2 run-as software-installation-account ok rule=run-as/sia"],
    ),
    // ── invalid inputs are normalised first ─────────────────────────────────────────────
    row(
        "sia_on_cm07_is_ignored_and_runs_as_local_system",
        "v=1&client=cm07&sia=1&siacct=set",
        "ok",
        &["2 run-as local-system ok"],
    ),
    row(
        "win9x_on_advanced_client_is_treated_as_nt",
        "v=1&os=win9x&role=domain-controller",
        "ok",
        &[
            "1 schedule local-system ok",
            "2 run-as local-system ok",
            "4 install local-system ok @local-machine rule=install/admin",
        ],
    ),
];

/// What each expected step says, parsed.
#[derive(Debug, Default)]
struct Expected {
    n: usize,
    step: Option<StepKind>,
    identity: Option<Identity>,
    outcome: Option<Outcome>,
    resource: Option<String>,
    tried: Option<Vec<(Identity, Outcome)>>,
    unreached: bool,
    note: Option<bool>,
    reason: Vec<String>,
    fix: Vec<String>,
    rule: Option<String>,
    log: Option<String>,
}

fn parse(spec: &str) -> Expected {
    let mut words = spec.split_whitespace();
    let mut next = |what: &str| {
        words
            .next()
            .unwrap_or_else(|| panic!("{spec:?}: missing {what}"))
    };
    let n = next("n").parse().expect("n");
    let step = Some(StepKind::from_key(next("step")).expect("step kind"));
    let identity = Some(Identity::from_key(next("identity")).expect("identity"));
    let outcome = Some(Outcome::from_key(next("outcome")).expect("outcome"));
    let mut e = Expected {
        n,
        step,
        identity,
        outcome,
        ..Expected::default()
    };
    for w in spec.split_whitespace().skip(4) {
        // `_` in a text expectation stands for a space.
        let text = |t: &str| t.replace('_', " ");
        if let Some(r) = w.strip_prefix('@') {
            e.resource = Some(r.to_string());
        } else if let Some(t) = w.strip_prefix("tried=") {
            e.tried = Some(
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
        } else if w == "unreached" {
            e.unreached = true;
        } else if w == "note" {
            e.note = Some(true);
        } else if w == "no-note" {
            e.note = Some(false);
        } else if let Some(t) = w.strip_prefix("reason~") {
            e.reason.push(text(t));
        } else if let Some(t) = w.strip_prefix("fix~") {
            e.fix.push(text(t));
        } else if let Some(t) = w.strip_prefix("rule=") {
            e.rule = Some(t.to_string());
        } else if let Some(t) = w.strip_prefix("log=") {
            e.log = Some(t.to_string());
        } else {
            panic!("{spec:?}: unknown extra {w:?}");
        }
    }
    e
}

/// Checks one row; the error lists every mismatch and the whole plan.
fn check(row: &Row) -> Result<Plan, String> {
    let scenario =
        decode(row.link).map_err(|e| format!("{}: link does not decode: {e}", row.name))?;
    let p = plan(&scenario);
    let mut problems = Vec::new();
    check_verdict(&p, row.verdict, &mut problems);
    for spec in row.steps {
        let e = parse(spec);
        let Some(s) = p.steps.get(e.n.wrapping_sub(1)) else {
            problems.push(format!("no step {} ({spec})", e.n));
            continue;
        };
        let mut bad = |what: &str, got: String| {
            problems.push(format!("step {}: {what} is {got} ({spec})", e.n))
        };
        if Some(s.step) != e.step {
            bad("step kind", s.step.to_string());
        }
        if Some(s.identity) != e.identity {
            bad("identity", s.identity.to_string());
        }
        if Some(s.outcome) != e.outcome {
            bad("outcome", s.outcome.to_string());
        }
        if let Some(r) = &e.resource {
            if &s.resource.id() != r {
                bad("resource", s.resource.id());
            }
        }
        if let Some(t) = &e.tried {
            let got: Vec<(Identity, Outcome)> =
                s.attempts.iter().map(|a| (a.identity, a.outcome)).collect();
            if &got != t {
                bad("attempts", format!("{got:?}"));
            }
        }
        if s.reached == e.unreached {
            bad("reached", s.reached.to_string());
        }
        if let Some(note) = e.note {
            if s.note.is_some() != note {
                bad("note", format!("{:?}", s.note));
            }
        }
        for t in &e.reason {
            if !s.reason.contains(t.as_str()) {
                bad("reason", format!("{:?}, lacking {t:?}", s.reason));
            }
        }
        for t in &e.fix {
            if !s.fix.as_deref().unwrap_or("").contains(t.as_str()) {
                bad("fix", format!("{:?}, lacking {t:?}", s.fix));
            }
        }
        if let Some(r) = &e.rule {
            if s.rule != r {
                bad("rule", s.rule.to_string());
            }
        }
        if let Some(l) = &e.log {
            if s.log.file != l {
                bad("log", s.log.file.to_string());
            }
        }
    }
    if let Err(e) = invariants(&p) {
        problems.push(e);
    }
    if problems.is_empty() {
        Ok(p)
    } else {
        Err(format!(
            "row {} ({}):\n  - {}\n{}",
            row.name,
            row.link,
            problems.join("\n  - "),
            describe(&p)
        ))
    }
}

#[test]
fn scenario_table() {
    assert!(ROWS.len() >= 40, "{} rows", ROWS.len());
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    for row in ROWS {
        assert!(names.insert(row.name), "row name {} repeats", row.name);
        if let Err(e) = check(row) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

/// Between them the rows exercise every rule of the rule table.
#[test]
fn scenario_table_exercises_every_rule() {
    let used: BTreeSet<&str> = ROWS
        .iter()
        .filter_map(|r| check(r).ok())
        .flat_map(|p| p.steps.into_iter().map(|s| s.rule))
        .collect();
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !used.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules no row exercises: {missing:?}");
}

// ── invariants of every plan ────────────────────────────────────────────────────────────

/// The sources the rule book cites in each step's section of "Steps the planner evaluates".
fn section_sources(kind: StepKind) -> &'static [SourceId] {
    use SourceId::*;
    match kind {
        StepKind::Schedule => &[Cm07Env, Q264714],
        StepKind::RunAs => &[Q264714, S1, Cm07Env, Kb826871, Q307434],
        StepKind::FetchContent => &[Kb826871, Cm07Naa, Kb925282, Q307434],
        StepKind::ConnectShare => &[S1, Cm07Naa, Kb826871, Q199041, Q241982],
        StepKind::Install => &[MsiAllusers, S1],
    }
}

/// The sources the rule book's bullet for a rule cites, in its order; `None` where the
/// bullet cites none (or there is no bullet: the "otherwise" rows).
fn bullet_sources(rule: &str) -> Option<&'static [SourceId]> {
    use SourceId::*;
    Some(match rule {
        "schedule/needs-user" | "schedule/needs-no-user" => &[Cm07Env],
        "schedule/win9x-before-logon" | "schedule/win9x-no-user" => &[Q264714],
        "run-as/win9x-sia" | "run-as/sia-not-configured" | "run-as/win9x-user" => &[Q264714],
        "run-as/local-system" => &[S1, Cm07Env],
        "run-as/token" | "run-as/token-dc" => &[S1],
        "run-as/sia" => &[S1, Kb826871, Q307434],
        "fetch-content/advanced-user" => &[Kb826871, Cm07Naa],
        "fetch-content/advanced-admin" => &[Cm07Naa, Kb925282, Kb826871],
        "fetch-content/legacy-user" | "fetch-content/legacy-sia" => &[Kb826871],
        "fetch-content/legacy-connection" => &[Q307434],
        "connect-share/advanced-admin" => &[S1],
        "connect-share/cm07-admin" => &[Cm07Naa],
        "connect-share/legacy-sia" => &[S1, Kb826871],
        "connect-share/legacy-token" => &[Q199041],
        "connect-share/legacy-token-dc" => &[Q199041, Q241982],
        "install/needs-admin" | "install/allusers2-standard-user" => &[MsiAllusers],
        "install/per-user-msi-elsewhere" => &[S1, MsiAllusers],
        // Untagged in the rule book: schedule/can-start ("otherwise"), run-as/user (the
        // bullet's [Q264714] follows its Windows 9x sentence), connect-share/user,
        // install/admin, install/per-user-msi, install/setup-standard-user, install/win9x.
        _ => return None,
    })
}

/// Checks what must hold for every plan. Returns the first violation.
fn invariants(p: &Plan) -> Result<(), String> {
    let s = &p.scenario;
    let legacy = s.client == Client::Legacy;
    if p.steps.is_empty() {
        return Err("no steps".into());
    }
    // Order: schedule, run-as, fetch-content (iff source=dp), one connect-share per share in
    // order, install.
    let mut expected = vec![StepKind::Schedule, StepKind::RunAs];
    if s.source == Source::Dp {
        expected.push(StepKind::FetchContent);
    }
    expected.extend(s.shares.iter().map(|_| StepKind::ConnectShare));
    expected.push(StepKind::Install);
    let kinds: Vec<StepKind> = p.steps.iter().map(|s| s.step).collect();
    if kinds != expected {
        return Err(format!("steps {kinds:?}, expected {expected:?}"));
    }
    let shares: Vec<String> = p
        .steps
        .iter()
        .filter(|s| s.step == StepKind::ConnectShare)
        .map(|s| s.resource.id())
        .collect();
    let want: Vec<String> = s
        .shares
        .iter()
        .map(|x| format!("share:{}", x.unc))
        .collect();
    if shares != want {
        return Err(format!(
            "connect-share resources {shares:?}, expected {want:?}"
        ));
    }
    for (i, st) in p.steps.iter().enumerate() {
        let at = format!("step {} ({})", st.n, st.step);
        if st.n != i + 1 {
            return Err(format!("{at}: n is {}, expected {}", st.n, i + 1));
        }
        if st.rule == "none" || st.rule.is_empty() {
            return Err(format!("{at}: no rule covers it"));
        }
        if !RULES.iter().any(|r| r.id == st.rule && r.step == st.step) {
            return Err(format!("{at}: rule {} is not a {} rule", st.rule, st.step));
        }
        if st.sources.is_empty() {
            return Err(format!("{at}: names no source"));
        }
        match bullet_sources(st.rule) {
            Some(b) if st.sources != b => {
                return Err(format!(
                    "{at}: sources {:?}, the rule book says {b:?}",
                    st.sources
                ))
            }
            _ => {}
        }
        let section = section_sources(st.step);
        let mut allowed: Vec<SourceId> = section.to_vec();
        // Untagged in the rule book; [Q264714] is its Windows 9x source (see the report).
        if st.rule == "install/win9x" {
            allowed.push(SourceId::Q264714);
        }
        if let Some(x) = st.sources.iter().find(|x| !allowed.contains(x)) {
            return Err(format!(
                "{at}: source {x} is not cited in the rule book's {} section",
                st.step
            ));
        }
        // Fix: every step that is not ok says what to change; an ok step has none.
        match (st.outcome, &st.fix) {
            (Outcome::Ok, Some(f)) => return Err(format!("{at}: ok but has a fix {f:?}")),
            (o, None) if o != Outcome::Ok => return Err(format!("{at}: {o} without a fix")),
            _ => {}
        }
        if st.reason.trim().is_empty() || st.action.trim().is_empty() {
            return Err(format!("{at}: empty reason or action"));
        }
        // Logs [S1][KB867490]: the Legacy Client logs to SMSAPM32.log; the others run
        // programs in execmgr.log and fetch content in CAS.log (or its siblings).
        let ok_log = if legacy {
            st.log.folder == r"%windir%\MS\SMS\Logs" && st.log.file == "SMSAPM32.log"
        } else if st.step == StepKind::FetchContent {
            st.log.folder == r"%windir%\System32\CCM\Logs"
                && [
                    "CAS.log",
                    "ContentTransferManager.log",
                    "DataTransferService.log",
                ]
                .contains(&st.log.file)
        } else {
            st.log.folder == r"%windir%\System32\CCM\Logs" && st.log.file == "execmgr.log"
        };
        if !ok_log {
            return Err(format!("{at}: log {} for {}", st.log.path(), s.client));
        }
        // Fallback: the acting identity is the one that succeeded or the last one tried.
        if let Some(last) = st.attempts.last() {
            if st.identity != last.identity || st.outcome != last.outcome {
                return Err(format!(
                    "{at}: identity/outcome differ from the last attempt"
                ));
            }
            if st.attempts[..st.attempts.len() - 1]
                .iter()
                .any(|a| a.outcome != Outcome::Fails)
            {
                return Err(format!("{at}: tried on after an attempt got through"));
            }
        }
        let resource_ok = match st.step {
            StepKind::Schedule | StepKind::RunAs => st.resource.id() == "program",
            StepKind::FetchContent => st.resource.id() == "distribution-point",
            StepKind::ConnectShare => st.resource.id().starts_with("share:"),
            StepKind::Install => {
                ["local-machine", "user-profile"].contains(&st.resource.id().as_str())
            }
        };
        if !resource_ok {
            return Err(format!("{at}: resource {}", st.resource.id()));
        }
    }
    // The verdict is the worst outcome; the first failure the first step that fails; the
    // steps after it are not reached, the ones up to it are.
    let worst = p.steps.iter().map(|s| s.outcome).max().unwrap();
    if p.verdict != worst {
        return Err(format!(
            "verdict {} but the worst step is {worst}",
            p.verdict
        ));
    }
    let first = p
        .steps
        .iter()
        .find(|s| s.outcome == Outcome::Fails)
        .map(|s| s.n);
    if p.first_failure != first {
        return Err(format!(
            "first_failure {:?}, expected {first:?}",
            p.first_failure
        ));
    }
    if let Some(step) = p.first_failure_step() {
        if step.outcome != Outcome::Fails {
            return Err("first_failure_step does not fail".into());
        }
    }
    for st in &p.steps {
        let reached = first.is_none_or(|f| st.n <= f);
        if st.reached != reached {
            return Err(format!("step {} reached={}", st.n, st.reached));
        }
    }
    // Error codes the rule book names.
    let run_as = &p.steps[1];
    if run_as.outcome == Outcome::Fails && !run_as.reason.contains("1317") {
        return Err("a failing run-as without error 1317".into());
    }
    let install = p.steps.last().unwrap();
    if install.outcome == Outcome::Fails && !install.reason.contains("1925") {
        return Err("a failing install without error 1925".into());
    }
    if install.identity != run_as.identity {
        return Err("the install is not done by the run-as identity".into());
    }
    Ok(())
}

// ── every combination ───────────────────────────────────────────────────────────────────

/// Reader lists cycled through for the DP and the shares (13 of them, so that they do not
/// fall in step with the loops).
fn reader_lists() -> Vec<Readers> {
    use Principal::*;
    let mut lists: Vec<Readers> = vec![Readers::DEFAULT_DP, Readers::NONE];
    lists.extend(
        Principal::ALL
            .iter()
            .filter(|p| **p != Users)
            .map(|p| Readers::of(&[*p])),
    );
    lists.push(Readers::of(&[Naa, DomainComputers]));
    lists.push(Readers::of(&[Siacct, ClientConnection]));
    lists.push(Readers::of(&[DomainUsers, DomainComputers]));
    lists.push(Readers::of(&[Users, Naa]));
    lists.truncate(13);
    lists
}

/// Calls `f` with every combination of the single-valued inputs for `clients`, with 0, 1 or
/// 2 shares; reader lists are cycled. 51,840 scenarios per client.
fn every_combination(clients: &[Client], mut f: impl FnMut(Scenario)) {
    let readers = reader_lists();
    // The inputs' value counts, the client first; each combination is a mixed-radix number.
    let radix = [
        clients.len(),
        Os::ALL.len(),
        Role::ALL.len(),
        Domain::ALL.len(),
        Run::ALL.len(),
        When::ALL.len(),
        Sia::ALL.len(),
        Logon::ALL.len(),
        Installer::ALL.len(),
        Account::ALL.len(),
        Account::ALL.len(),
        Source::ALL.len(),
        3, // shares
    ];
    let total: usize = radix.iter().product();
    for i in 0..total {
        let mut digits = [0usize; 13];
        let mut rest = i;
        for (d, r) in digits.iter_mut().zip(radix).rev() {
            *d = rest % r;
            rest /= r;
        }
        let r = |k: usize| readers[(i + k) % readers.len()];
        f(Scenario {
            client: clients[digits[0]],
            os: Os::ALL[digits[1]],
            role: Role::ALL[digits[2]],
            domain: Domain::ALL[digits[3]],
            run: Run::ALL[digits[4]],
            when: When::ALL[digits[5]],
            sia: Sia::ALL[digits[6]],
            logon: Logon::ALL[digits[7]],
            installer: Installer::ALL[digits[8]],
            naa: Account::ALL[digits[9]],
            siacct: Account::ALL[digits[10]],
            source: Source::ALL[digits[11]],
            dpacl: r(0),
            shares: (0..digits[12])
                .map(|k| Share::new(format!(r"\\fs0{k}\apps"), r(5 + 3 * k)))
                .collect(),
        });
    }
}

// ── a model of the rule book, written from domain.md and compared with the engine ───────

/// domain.md, "Identities": what each identity counts as on the network.
fn counts_as(id: Identity, domain: Domain) -> Vec<Principal> {
    use Principal::*;
    let trusted = domain == Domain::Trusted;
    match id {
        Identity::LoggedOnUser if trusted => vec![Everyone, Users, DomainUsers, LoggedOnUser],
        // Local System "appears as computer-account".
        Identity::LocalSystem | Identity::ComputerAccount if trusted => {
            vec![Everyone, Users, DomainComputers]
        }
        Identity::LoggedOnUser | Identity::LocalSystem | Identity::ComputerAccount => vec![],
        Identity::ClientToken => vec![],
        Identity::ClientConnection => vec![Everyone, Users, DomainUsers, ClientConnection],
        Identity::SoftwareInstallationAccount => vec![Everyone, Users, DomainUsers, Siacct],
        Identity::NetworkAccessAccount => vec![Everyone, Users, DomainUsers, Naa],
    }
}

/// domain.md, step 1: the invalid combinations and what they become.
fn rule_book_normalise(mut s: Scenario) -> Scenario {
    if s.os == Os::Win9x && s.client != Client::Legacy {
        s.os = Os::Nt;
    }
    // Not in the rule book (a Windows 98 domain controller or member server cannot exist);
    // the engine and the brief make it a workstation.
    if s.os == Os::Win9x {
        s.role = Role::Workstation;
    }
    // "run=user needs a logged-on user; the UI sets when=user with it".
    if s.run == Run::User {
        s.when = When::User;
    }
    if s.client != Client::Legacy || s.run != Run::Admin || s.when == When::User {
        s.sia = Sia::Off;
    }
    if s.shares.is_empty() {
        s.source = Source::Dp;
    }
    s
}

/// What the rule book says one step does.
#[derive(Debug, PartialEq)]
struct Model {
    step: StepKind,
    /// `None` where the rule book does not say (the schedule).
    identity: Option<Identity>,
    outcome: Outcome,
    /// The fallback's attempts, for the steps where the rule book lists a fallback.
    tried: Option<Vec<(Identity, Outcome)>>,
}

fn model(s: &Scenario) -> Vec<Model> {
    use Identity::*;
    let win9x = s.os == Os::Win9x;
    let legacy = s.client == Client::Legacy;
    // "Windows 9x always runs as the user, even with admin rights chosen." [Q264714] Read as
    // applying to every step (fetch-content and connect-share use the user's rules).
    let as_user = s.run == Run::User || win9x;
    let configured = |id: Identity| match id {
        NetworkAccessAccount => s.naa == Account::Set,
        SoftwareInstallationAccount => s.siacct == Account::Set,
        _ => true,
    };
    let reads = |id: Identity, readers: Readers| {
        configured(id)
            && counts_as(id, s.domain)
                .into_iter()
                .any(|p| readers.contains(p))
    };
    // Tries each identity in turn, skipping an unconfigured site account; the acting one is
    // the one that got through or the last one tried.
    let tries = |chain: &[Identity], readers: Readers| {
        let mut tried = Vec::new();
        for &id in chain {
            if !configured(id) {
                continue;
            }
            let ok = reads(id, readers);
            tried.push((id, if ok { Outcome::Ok } else { Outcome::Fails }));
            if ok {
                break;
            }
        }
        let (identity, outcome) = tried.last().copied().unwrap_or((chain[0], Outcome::Fails));
        (identity, outcome, tried)
    };

    let mut out = Vec::new();
    // 1. schedule
    let win9x_before_logon = win9x && s.logon == Logon::None;
    let needs_user = s.when == When::User && s.logon == Logon::None;
    let needs_no_user = s.when == When::NoUser && s.logon != Logon::None;
    let waits = win9x_before_logon || needs_user || needs_no_user;
    out.push(Model {
        step: StepKind::Schedule,
        identity: None,
        outcome: if waits { Outcome::Waits } else { Outcome::Ok },
        tried: None,
    });
    // 2. run-as
    let (run_as, run_outcome) = if win9x {
        if s.sia == Sia::On {
            (SoftwareInstallationAccount, Outcome::Fails)
        } else {
            (LoggedOnUser, Outcome::Ok)
        }
    } else if s.run == Run::User {
        (LoggedOnUser, Outcome::Ok)
    } else if !legacy {
        (LocalSystem, Outcome::Ok)
    } else if s.sia == Sia::Off {
        (ClientToken, Outcome::Ok)
    } else if s.siacct == Account::Set {
        (SoftwareInstallationAccount, Outcome::Ok)
    } else {
        (SoftwareInstallationAccount, Outcome::Fails)
    };
    out.push(Model {
        step: StepKind::RunAs,
        identity: Some(run_as),
        outcome: run_outcome,
        tried: None,
    });
    // 3. fetch-content
    if s.source == Source::Dp {
        let chain: &[Identity] = match (legacy, as_user, s.sia) {
            (false, true, _) => &[LoggedOnUser, NetworkAccessAccount],
            (false, false, _) => &[ComputerAccount, NetworkAccessAccount],
            (true, true, _) => &[LoggedOnUser],
            (true, false, Sia::Off) => &[ClientConnection],
            (true, false, Sia::On) => &[SoftwareInstallationAccount],
        };
        let (identity, outcome, tried) = tries(chain, s.dpacl);
        out.push(Model {
            step: StepKind::FetchContent,
            identity: Some(identity),
            outcome,
            tried: (chain.len() > 1).then_some(tried),
        });
    }
    // 4. connect-share
    for share in &s.shares {
        let chain: &[Identity] = match (s.client, as_user, s.sia) {
            (_, true, _) => &[LoggedOnUser],
            (Client::Advanced, false, _) => &[NetworkAccessAccount],
            (Client::Cm07, false, _) => &[ComputerAccount],
            (Client::Legacy, false, Sia::On) => &[SoftwareInstallationAccount],
            (Client::Legacy, false, Sia::Off) => &[ClientToken],
        };
        let (identity, outcome, _) = tries(chain, share.readers);
        out.push(Model {
            step: StepKind::ConnectShare,
            identity: Some(identity),
            outcome,
            tried: None,
        });
    }
    // 5. install
    let admin = match run_as {
        LocalSystem | ClientToken | SoftwareInstallationAccount => true,
        LoggedOnUser => s.logon == Logon::Admin,
        _ => false,
    };
    let outcome = if win9x {
        Outcome::Ok
    } else if s.installer == Installer::MsiUser {
        if run_as == LoggedOnUser {
            Outcome::Ok
        } else {
            Outcome::AtRisk
        }
    } else if admin {
        Outcome::Ok
    } else {
        match s.installer {
            Installer::MsiMachine | Installer::SetupAdmin => Outcome::Fails,
            Installer::MsiAllusers2 => Outcome::AtRisk,
            Installer::SetupUser | Installer::MsiUser => Outcome::Ok,
        }
    };
    out.push(Model {
        step: StepKind::Install,
        identity: Some(run_as),
        outcome,
        tried: None,
    });
    out
}

fn as_model(st: &Step, with_identity: bool, with_tried: bool) -> Model {
    Model {
        step: st.step,
        identity: with_identity.then_some(st.identity),
        outcome: st.outcome,
        tried: with_tried.then(|| {
            st.attempts
                .iter()
                .map(|a| (a.identity, a.outcome))
                .collect()
        }),
    }
}

/// Checks one combination against the invariants and the model; returns the rules it used.
fn check_combination(given: Scenario) -> Vec<&'static str> {
    let p = plan(&given);
    if let Err(e) = invariants(&p) {
        panic!("{e}\nscenario {given:?}\n{}", describe(&p));
    }
    let s = rule_book_normalise(given.clone());
    assert_eq!(p.scenario, s, "normalised differently from {given:?}");
    let want = model(&s);
    let got: Vec<Model> = p
        .steps
        .iter()
        .zip(&want)
        .map(|(st, m)| as_model(st, m.identity.is_some(), m.tried.is_some()))
        .collect();
    if got != want || p.steps.len() != want.len() {
        panic!(
            "scenario {s:?}\nmodel:  {want:?}\nengine: {got:?}\n{}",
            describe(&p)
        );
    }
    // Notes the rule book asks for: the CM07-NAA disagreement on the Advanced Client's share
    // connections as the NAA, and the lock-out warning for the token account on a DC only.
    for st in p
        .steps
        .iter()
        .filter(|st| st.step == StepKind::ConnectShare)
    {
        let note = st.note.as_deref().unwrap_or("");
        if st.identity == Identity::NetworkAccessAccount && s.client == Client::Advanced {
            assert!(note.contains("CM07-NAA"), "{}", describe(&p));
        }
        let dc_token = st.identity == Identity::ClientToken && s.role == Role::DomainController;
        assert_eq!(dc_token, note.contains("lock"), "{}", describe(&p));
    }
    p.steps.iter().map(|st| st.rule).collect()
}

/// Every combination of the single-valued inputs (client, os, role, domain, run, when, sia,
/// logon, installer, naa, siacct, source, with 0, 1 or 2 shares): some rule covers every
/// step, the plan keeps its invariants, it agrees with the model of the rule book, and every
/// rule of the table is used by some combination. One walk (a plan costs tens of
/// microseconds in a debug build), one thread per client.
#[test]
fn every_combination_is_covered_keeps_the_invariants_and_follows_the_rule_book() {
    let per_client: Vec<(usize, BTreeSet<&'static str>)> = std::thread::scope(|scope| {
        let walks: Vec<_> = Client::ALL
            .iter()
            .map(|&client| {
                scope.spawn(move || {
                    let mut count = 0;
                    let mut rules = BTreeSet::new();
                    every_combination(&[client], |s| {
                        count += 1;
                        rules.extend(check_combination(s));
                    });
                    (count, rules)
                })
            })
            .collect();
        walks
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let count: usize = per_client.iter().map(|(c, _)| c).sum();
    assert_eq!(count, 3 * 2 * 3 * 2 * 2 * 3 * 2 * 3 * 5 * 2 * 2 * 2 * 3);
    let used: BTreeSet<&str> = per_client.into_iter().flat_map(|(_, r)| r).collect();
    let dead: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !used.contains(id))
        .collect();
    assert!(
        dead.is_empty(),
        "rules that no combination reaches: {dead:?}"
    );
}
