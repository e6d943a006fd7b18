//! Cases of the rule book v2 (domain.md): the seventeen classic cases, and the new inputs
//! (arch, os=vista, interact, ui, deploy, boundary, slow, drive, letter, mapped,
//! installer=script, the domain-controllers principal) alone and with the old ones, with the
//! v2 corrections (the Advanced Client's share connection, its user-context fetch) and the
//! normalisation of each new key. Every expectation is taken from domain.md (and the engine
//! contract for the rule ids); each row cites the line it checks.
//!
//! The row spec (`common/spec.rs`) is the one `scenarios.rs` uses: the verdict (`ok`,
//! `at-risk`, `waits`, `fails@<n>`, then `changed=` / `set=key:value` for normalisation) and
//! `"<n> <step> <identity> <outcome> [extras]"` per step worth checking.

use std::collections::BTreeSet;

mod common;
use common::spec::{check_table, row, rules_used, Row};
use credflow_core::rules::RULES;
use credflow_core::Plan;

/// A standard user is logged on and the program runs with the user's rights.
macro_rules! as_user {
    ($rest:literal) => {
        concat!("v=1&run=user&when=user&logon=user", $rest)
    };
}

/// A local administrator is logged on and the program runs with the user's rights.
macro_rules! as_admin_user {
    ($rest:literal) => {
        concat!("v=1&run=user&when=user&logon=admin", $rest)
    };
}

static ROWS: &[Row] = &[
    // ── the seventeen classic cases ─────────────────────────────────────────────────────
    // domain.md Classic cases 1: "Advanced Client, admin rights, all files on the DP: ok as
    // Local System."
    row(
        "classic_01_advanced_admin_files_on_dp_ok_as_local_system",
        "v=1",
        "ok changed=",
        &[
            "1 schedule local-system ok rule=schedule/can-start",
            "2 run-as local-system ok @program rule=run-as/local-system",
            "3 fetch-content computer-account ok @distribution-point tried=computer-account:ok rule=fetch-content/advanced-admin log=CAS.log",
            "4 install local-system ok @local-machine rule=install/admin log=execmgr.log",
        ],
    ),
    // domain.md Classic cases 2: "grants Domain Users only; no NAA: fails at connect-share
    // (COMPUTER$ is not a domain user)"; Steps 5: "Neither reads: **fails**, access denied in
    // execmgr.log. Fix: grant Domain Computers".
    row(
        "classic_02_advanced_share_for_domain_users_fails_at_connect_share",
        "v=1&share=%5C%5Cfs01%5Capps~domain-users",
        "fails@4",
        &[
            r"4 connect-share computer-account fails @share:\\fs01\apps tried=computer-account:fails rule=connect-share/advanced-admin note inferred log=execmgr.log reason~access_denied fix~Domain_Computers",
            "5 install local-system ok unreached",
        ],
    ),
    // domain.md Classic cases 3: "share grants only the NAA: at-risk — only S1 says the NAA
    // connects"; Steps 5: "Note on every such step: the disagreement, with both sources".
    row(
        "classic_03_advanced_share_for_naa_only_is_at_risk",
        "v=1&naa=set&share=%5C%5Cfs01%5Capps~naa",
        "at-risk",
        &[r"4 connect-share network-access-account at-risk @share:\\fs01\apps rule=connect-share/advanced-admin note inferred cites=S1 cites=WIN-LOCALSYSTEM fix~Domain_Computers"],
    ),
    // domain.md Classic cases 4: "Legacy Client, admin rights, non-SMS share, no SIA: fails;
    // the token account has no network rights"; Steps 5: "`client-token`, no domain rights".
    row(
        "classic_04_legacy_token_account_fails_at_share",
        "v=1&client=legacy&share=%5C%5Cfs01%5Capps~users",
        "fails@4",
        &[
            r"4 connect-share client-token fails @share:\\fs01\apps rule=connect-share/legacy-token no-note log=SMSAPM32.log folder~MS\SMS\Logs",
            "5 install client-token ok unreached",
        ],
    ),
    // domain.md Classic cases 5: "Legacy Client with the SIA configured and granted read: ok
    // as that account"; Steps 3: "with SIA: the SIA [KB826871]".
    row(
        "classic_05_legacy_sia_granted_read_ok_as_sia",
        "v=1&client=legacy&sia=1&siacct=set&share=%5C%5Cfs01%5Capps~siacct",
        "ok",
        &[
            "2 run-as software-installation-account ok rule=run-as/sia",
            "3 fetch-content software-installation-account ok rule=fetch-content/legacy-sia tried=",
            "4 connect-share software-installation-account ok rule=connect-share/legacy-sia",
            "5 install software-installation-account ok @local-machine",
        ],
    ),
    // domain.md Classic cases 6: "Per-user MSI with admin rights: at-risk; fix with
    // ALLUSERS=2"; Steps 8: "Per-user MSI as any identity but the user: at-risk".
    row(
        "classic_06_per_user_msi_with_admin_rights_is_at_risk",
        "v=1&installer=msi-user",
        "at-risk",
        &["4 install local-system at-risk @user-profile rule=install/per-user-msi-elsewhere fix~ALLUSERS=2"],
    ),
    // domain.md Classic cases 7: "User's rights, standard user, per-machine MSI: fails with
    // 1925."
    row(
        "classic_07_standard_user_per_machine_msi_fails_1925",
        "v=1&run=user&when=user&logon=user",
        "fails@4",
        &[
            "2 run-as logged-on-user ok rule=run-as/user",
            "3 fetch-content logged-on-user ok tried= rule=fetch-content/advanced-user",
            "4 install logged-on-user fails @local-machine rule=install/needs-admin reason~1925",
        ],
    ),
    // domain.md Classic cases 8: "Legacy Client on a DC, token account on the network: fails,
    // and warns of lock-out."
    row(
        "classic_08_legacy_dc_token_on_share_fails_and_warns_of_lockout",
        "v=1&client=legacy&role=domain-controller&share=%5C%5Cfs01%5Capps~users",
        "fails@4",
        &[
            "2 run-as client-token ok rule=run-as/token-dc",
            "4 connect-share client-token fails rule=connect-share/legacy-token-dc note~lock",
        ],
    ),
    // domain.md Classic cases 9: "Windows 98 Legacy Client with the SIA chosen: fails with
    // 1317."
    row(
        "classic_09_win9x_with_sia_fails_1317",
        "v=1&client=legacy&os=win9x&sia=1&siacct=set&logon=user",
        "fails@2",
        &[
            "1 schedule logged-on-user ok",
            "2 run-as software-installation-account fails rule=run-as/win9x-sia reason~1317",
            "3 fetch-content logged-on-user ok unreached rule=fetch-content/legacy-user",
        ],
    ),
    // domain.md Classic cases 10: "CM07 client, share grants Domain Computers: ok as
    // COMPUTER$; the NAA is not used."
    row(
        "classic_10_cm07_share_for_domain_computers_ok_as_computer",
        "v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-computers",
        "ok",
        &[r"4 connect-share computer-account ok @share:\\fs01\apps rule=connect-share/cm07-admin not-inferred"],
    ),
    // domain.md Classic cases 11: "CM07 client on a domain controller, share grants Domain
    // Computers: fails (Domain Controllers)"; Steps 5 fix: "(on a DC: Domain Controllers)".
    row(
        "classic_11_cm07_on_dc_share_for_domain_computers_fails",
        "v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-computers",
        "fails@4",
        &[
            "3 fetch-content computer-account ok",
            "4 connect-share computer-account fails rule=connect-share/cm07-admin fix~Domain_Controllers",
        ],
    ),
    // domain.md Classic cases 12: "Setup run from the user's mapped `S:` with admin rights:
    // fails; Local System has no `S:`."
    row(
        "classic_12_mapped_drive_with_admin_rights_fails",
        "v=1&mapped=1",
        "fails@4",
        &[
            "4 use-mapped-drive local-system fails @mapped-drive rule=use-mapped-drive/other-session log=execmgr.log",
            "5 install local-system ok unreached",
        ],
    ),
    // domain.md Classic cases 13: "Installer shows a dialog, admin rights, no interaction
    // (CM07): fails at the maximum run time."
    row(
        "classic_13_cm07_hidden_dialog_fails_at_maximum_run_time",
        "v=1&client=cm07&ui=prompts",
        "fails@4",
        &[
            "4 user-input local-system fails @desktop rule=user-input/hidden-cm07 reason~maximum_run_time fix~/qn",
            "5 install local-system ok unreached",
        ],
    ),
    // domain.md Classic cases 14: "CM07 on x64, a batch script writes System32: at-risk; it
    // lands in SysWOW64"; Steps 8 fix: "`%windir%\Sysnative\cmd.exe`".
    row(
        "classic_14_cm07_x64_script_lands_in_syswow64",
        "v=1&client=cm07&arch=x64&installer=script",
        "at-risk changed=",
        &["4 install local-system at-risk @local-machine rule=install/x64-script reason~SysWOW64 fix~Sysnative folder~SysWOW64"],
    ),
    // domain.md Classic cases 15: "Slow boundary, "Do not run program": waits"; Steps 3:
    // "**waits** and reads nothing ... what the read would have been is a note".
    row(
        "classic_15_slow_boundary_do_not_run_waits",
        "v=1&boundary=slow",
        "waits changed=",
        &[
            "3 fetch-content computer-account waits @distribution-point rule=fetch-content/slow-no-run tried= note cites=SDK-ADV",
            "4 install local-system ok",
        ],
    ),
    // domain.md Classic cases 16: "Vista, ALLUSERS=2 MSI, user's rights, standard user:
    // fails"; Steps 8: "`os=vista`, `msi-allusers2`, standard user: **fails**".
    row(
        "classic_16_vista_allusers2_standard_user_fails",
        "v=1&client=cm07&os=vista&installer=msi-allusers2&run=user&when=user&logon=user",
        "fails@4",
        &[
            "3 fetch-content logged-on-user ok tried=logged-on-user:ok rule=fetch-content/cm07-user",
            "4 install logged-on-user fails rule=install/allusers2-vista",
        ],
    ),
    // domain.md Classic cases 17: "Program run from the DP requires drive Z:, and Z: is taken:
    // fails; the program does not run"; Steps 4: "as step 3's identity (inferred)".
    row(
        "classic_17_fixed_drive_letter_taken_fails_at_map_drive",
        "v=1&deploy=rundp&drive=fixed&letter=taken",
        "fails@4 changed=",
        &[
            "3 fetch-content computer-account ok",
            "4 map-drive computer-account fails @distribution-point rule=map-drive/letter-taken inferred cites=CB-PKGPROG",
            "5 install local-system ok unreached",
        ],
    ),
    // ── arch ────────────────────────────────────────────────────────────────────────────
    // domain.md Normalisation: "`vista` and `x64` need `client=cm07` (else `nt`/`x86`)".
    row(
        "x64_on_advanced_client_is_normalised_to_x86",
        "v=1&arch=x64",
        "ok changed=arch set=arch:x86",
        &["2 run-as local-system ok folder~System32\\CCM"],
    ),
    // domain.md Normalisation: "`x64` need[s] `client=cm07`"; so no 32-bit redirection rule.
    row(
        "x64_on_legacy_is_normalised_to_x86_and_a_script_installs",
        "v=1&client=legacy&arch=x64&installer=script",
        "ok changed=arch",
        &["4 install client-token ok rule=install/admin folder~MS\\SMS\\Logs"],
    ),
    // domain.md Logs: "`%windir%\SysWOW64\CCM\Logs` on x64"; content in CAS.log.
    row(
        "cm07_x64_logs_are_in_syswow64",
        "v=1&client=cm07&arch=x64",
        "ok changed=",
        &[
            "2 run-as local-system ok log=execmgr.log folder~SysWOW64\\CCM\\Logs",
            "3 fetch-content computer-account ok log=CAS.log folder~SysWOW64\\CCM\\Logs",
            "4 install local-system ok rule=install/admin folder~SysWOW64",
        ],
    ),
    // domain.md Steps 8: "`arch=x64`, CM07 client, `script`: **at-risk**" — an MSI is not a
    // script, so it installs.
    row(
        "cm07_x64_per_machine_msi_is_not_redirected",
        "v=1&client=cm07&arch=x64&installer=msi-machine",
        "ok",
        &["4 install local-system ok rule=install/admin"],
    ),
    // domain.md Steps 8: "`script` needs admin rights like `setup-admin`: as a standard user
    // **fails**"; "When several rules of one step apply, the step takes the worst rule's
    // outcome ... and lists the others as notes".
    row(
        "cm07_x64_script_as_standard_user_fails_and_notes_the_redirection",
        as_user!("&client=cm07&arch=x64&installer=script"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/needs-admin-setup reason~access_denied note note~SysWOW64"],
    ),
    // domain.md Steps 8: the x64 script rule is "at-risk" and a local administrator's
    // install is ok on XP: the worst, x64-script, decides the step.
    row(
        "cm07_x64_script_as_local_admin_user_is_at_risk",
        as_admin_user!("&client=cm07&arch=x64&installer=script"),
        "at-risk",
        &["4 install logged-on-user at-risk rule=install/x64-script fix~Sysnative"],
    ),
    // domain.md Steps 8: "script needs admin rights like setup-admin" — Local System has them.
    row(
        "script_as_local_system_on_x86_installs",
        "v=1&client=cm07&installer=script",
        "ok",
        &["4 install local-system ok @local-machine rule=install/admin"],
    ),
    // ── os=vista ────────────────────────────────────────────────────────────────────────
    // domain.md Normalisation: "`vista` ... need[s] `client=cm07` (else `nt`)"; on nt,
    // "v1's at-risk holds for `os=nt`".
    row(
        "vista_on_advanced_client_is_normalised_to_nt",
        as_user!("&os=vista&installer=msi-allusers2"),
        "at-risk changed=os set=os:nt",
        &["4 install logged-on-user at-risk @user-profile rule=install/allusers2-standard-user"],
    ),
    // domain.md Normalisation: "`vista` ... need[s] `client=cm07`".
    row(
        "vista_on_legacy_is_normalised_to_nt",
        "v=1&client=legacy&os=vista",
        "ok changed=os set=os:nt",
        &["2 run-as client-token ok rule=run-as/token"],
    ),
    // domain.md Steps 2 "as v1 (Local System [S1][CM07-ENV]": UAC filters a logged-on
    // administrator's token, not Local System's.
    row(
        "vista_admin_rights_runs_as_local_system_and_installs",
        "v=1&client=cm07&os=vista&logon=admin",
        "ok changed=",
        &["4 install local-system ok rule=install/admin"],
    ),
    // domain.md Steps 8: "`os=vista`, `run=user`, `logon=admin` ... a silent install
    // (`ui=silent`) cannot show one — **fails** (1925 for an MSI" ... "(inferred for
    // ConfigMgr)".
    row(
        "vista_local_admin_user_silent_msi_fails_1925_with_the_filtered_token",
        as_admin_user!("&client=cm07&os=vista"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/vista-filtered-silent reason~1925 inferred cites=UAC-HOW"],
    ),
    // domain.md Steps 8: "with `ui=prompts` the user can approve the elevation prompt —
    // **at-risk**"; Steps 7: "Runs as the user: **at-risk**".
    row(
        "vista_local_admin_user_prompting_msi_is_at_risk_on_the_elevation_prompt",
        as_admin_user!("&client=cm07&os=vista&ui=prompts"),
        "at-risk",
        &[
            "4 user-input logged-on-user at-risk @desktop rule=user-input/user",
            "5 install logged-on-user at-risk rule=install/vista-filtered-prompt inferred",
        ],
    ),
    // domain.md Steps 8: "(1925 for an MSI, access denied for the rest)".
    row(
        "vista_local_admin_user_silent_setup_fails_access_denied",
        as_admin_user!("&client=cm07&os=vista&installer=setup-admin"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/vista-filtered-silent reason~access_denied"],
    ),
    // domain.md Steps 8: the filtered-token rule lists `script` among installers that need
    // admin rights.
    row(
        "vista_local_admin_user_silent_script_fails_with_the_filtered_token",
        as_admin_user!("&client=cm07&os=vista&installer=script"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/vista-filtered-silent reason~access_denied"],
    ),
    // domain.md Steps 8: the filtered-token rule "replaces the standard-user rules", and it
    // names `msi-allusers2`.
    row(
        "vista_local_admin_user_silent_allusers2_fails_with_the_filtered_token",
        as_admin_user!("&client=cm07&os=vista&installer=msi-allusers2"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/vista-filtered-silent reason~1925"],
    ),
    // domain.md Steps 8: the filtered-token rule covers only installers "that need[s] admin
    // rights"; a per-user MSI run by the user installs for that user (v1).
    row(
        "vista_local_admin_user_per_user_msi_installs_for_the_user",
        as_admin_user!("&client=cm07&os=vista&installer=msi-user"),
        "ok",
        &["4 install logged-on-user ok @user-profile rule=install/per-user-msi"],
    ),
    // domain.md Steps 8: the filtered-token rule covers only installers that need admin
    // rights; a setup that needs none runs.
    row(
        "vista_local_admin_user_setup_without_admin_installs",
        as_admin_user!("&client=cm07&os=vista&installer=setup-user"),
        "ok",
        &["4 install logged-on-user ok"],
    ),
    // domain.md Steps 8 (v1): a per-machine MSI run by a standard user fails with 1925, on
    // Vista too.
    row(
        "vista_standard_user_per_machine_msi_fails_1925",
        as_user!("&client=cm07&os=vista"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/needs-admin reason~1925"],
    ),
    // domain.md Steps 8: "`script` ... as a standard user **fails**, access denied".
    row(
        "vista_standard_user_script_fails_access_denied",
        as_user!("&client=cm07&os=vista&installer=script"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/needs-admin-setup reason~access_denied"],
    ),
    // domain.md Steps 8: the elevation prompt helps only `logon=admin`; a standard user with
    // a dialog still "**fails**" on Vista's ALLUSERS=2.
    row(
        "vista_standard_user_allusers2_with_prompts_still_fails",
        as_user!("&client=cm07&os=vista&installer=msi-allusers2&ui=prompts"),
        "fails@5",
        &[
            "4 user-input logged-on-user at-risk rule=user-input/user",
            "5 install logged-on-user fails rule=install/allusers2-vista",
        ],
    ),
    // domain.md Steps 1 "`when`/`logon` waits"; nobody logged on counts as a standard user
    // for the install (v1), so Vista's ALLUSERS=2 rule applies.
    row(
        "vista_user_rights_nobody_logged_on_waits_and_allusers2_fails",
        "v=1&client=cm07&os=vista&run=user&when=user&installer=msi-allusers2",
        "fails@4",
        &[
            "1 schedule local-system waits rule=schedule/needs-user",
            "4 install logged-on-user fails rule=install/allusers2-vista",
        ],
    ),
    // ── interact ────────────────────────────────────────────────────────────────────────
    // domain.md Normalisation: "`interact` only with `run=admin` ... (else `0`)".
    row(
        "interact_with_user_rights_is_normalised_off",
        as_user!("&client=cm07&interact=1&installer=setup-user"),
        "ok changed=interact set=interact:0",
        &["4 install logged-on-user ok"],
    ),
    // domain.md Normalisation: "`when` ∈ {any, user} ... (else `0`; the `when` condition is
    // [CM07-ENV]".
    row(
        "interact_with_only_when_no_user_is_normalised_off",
        "v=1&client=cm07&when=nouser&interact=1&ui=prompts",
        "fails@4 changed=interact",
        &["4 user-input local-system fails rule=user-input/hidden-cm07"],
    ),
    // domain.md Normalisation: "`interact` only with ... not Win9x".
    row(
        "interact_on_win9x_is_normalised_off",
        "v=1&client=legacy&os=win9x&logon=user&interact=1",
        "ok changed=interact set=interact:0",
        &["2 run-as logged-on-user ok rule=run-as/win9x-user"],
    ),
    // domain.md Normalisation: interact=1 with run=admin and when=any is valid.
    row(
        "interact_with_admin_rights_whenever_is_kept",
        "v=1&client=cm07&interact=1",
        "ok changed= set=interact:1",
        &["4 install local-system ok"],
    ),
    // domain.md Steps 7: "`interact=1` and a user logged on at run time: **at-risk**".
    row(
        "interact_with_prompts_and_a_user_logged_on_is_at_risk",
        "v=1&client=cm07&interact=1&ui=prompts&logon=user",
        "at-risk",
        &["4 user-input local-system at-risk @desktop rule=user-input/interact"],
    ),
    // domain.md Steps 7: "else **fails** — the dialogs are on no one's desktop" (nobody is
    // logged on with `when=any`).
    row(
        "interact_with_prompts_and_nobody_logged_on_fails",
        "v=1&client=cm07&interact=1&ui=prompts",
        "fails@4",
        &["4 user-input local-system fails rule=user-input/hidden-cm07"],
    ),
    // domain.md Terms: "Logged on at run time: with `when=user` a user (step 1 waits for
    // one)"; Steps 7 interact: **at-risk**.
    row(
        "interact_with_only_when_a_user_is_logged_on_is_at_risk_once_one_is",
        "v=1&client=cm07&when=user&interact=1&ui=prompts",
        "waits",
        &[
            "1 schedule local-system waits rule=schedule/needs-user",
            "4 user-input local-system at-risk rule=user-input/interact",
        ],
    ),
    // domain.md Steps 7: interact=1 and a user (here an administrator) logged on: at-risk.
    row(
        "interact_on_advanced_with_an_admin_logged_on_is_at_risk",
        "v=1&interact=1&ui=prompts&logon=admin",
        "at-risk",
        &["4 user-input local-system at-risk rule=user-input/interact log=execmgr.log"],
    ),
    // domain.md Steps 7 "identity: the run-as identity"; interact and a logged-on user:
    // at-risk.
    row(
        "interact_on_legacy_token_with_a_user_logged_on_is_at_risk",
        "v=1&client=legacy&interact=1&ui=prompts&logon=user",
        "at-risk",
        &["4 user-input client-token at-risk @desktop rule=user-input/interact log=SMSAPM32.log"],
    ),
    // domain.md Steps 7 "identity: the run-as identity" — the SIA when it runs the program.
    row(
        "interact_on_legacy_sia_with_a_user_logged_on_is_at_risk",
        "v=1&client=legacy&sia=1&siacct=set&interact=1&ui=prompts&logon=user",
        "at-risk",
        &["4 user-input software-installation-account at-risk rule=user-input/interact"],
    ),
    // ── ui ──────────────────────────────────────────────────────────────────────────────
    // domain.md Steps 7: "for SMS 2003 no source says whether it is stopped — say so, and
    // that the install never completes".
    row(
        "advanced_hidden_dialog_fails_and_never_completes",
        "v=1&ui=prompts",
        "fails@4",
        &[
            "4 user-input local-system fails @desktop rule=user-input/hidden-sms2003 reason~complete fix~/qn",
            "5 install local-system ok unreached",
        ],
    ),
    // domain.md Steps 7: the SMS 2003 Legacy Client's token account runs in an admin context:
    // hidden dialogs fail.
    row(
        "legacy_token_hidden_dialog_fails",
        "v=1&client=legacy&ui=prompts",
        "fails@4",
        &["4 user-input client-token fails rule=user-input/hidden-sms2003 log=SMSAPM32.log"],
    ),
    // domain.md Steps 7: "Runs as the user: **at-risk** — it waits for that user".
    row(
        "user_rights_dialog_waits_for_that_user_at_risk",
        as_user!("&installer=setup-user&ui=prompts"),
        "at-risk",
        &[
            "4 user-input logged-on-user at-risk @desktop rule=user-input/user",
            "5 install logged-on-user ok @user-profile rule=install/setup-standard-user",
        ],
    ),
    // domain.md Terms: "Runs as the user" means `run=user` or `os=win9x`, in every step.
    row(
        "win9x_dialog_is_the_users_at_risk",
        "v=1&client=legacy&os=win9x&logon=user&ui=prompts",
        "at-risk",
        &["4 user-input logged-on-user at-risk rule=user-input/user"],
    ),
    // domain.md Steps 7: admin context without `interact=1`: fails even with a user there.
    row(
        "cm07_dialog_without_interaction_fails_with_a_user_logged_on",
        "v=1&client=cm07&ui=prompts&logon=user",
        "fails@4",
        &["4 user-input local-system fails rule=user-input/hidden-cm07"],
    ),
    // domain.md Steps 7: the step exists "when `ui=prompts`".
    row(
        "silent_installer_has_no_user_input_step",
        "v=1&client=cm07&logon=user",
        "ok",
        &["4 install local-system ok"],
    ),
    // domain.md Inputs: `ui` has no normalisation rule; a Legacy dialog is kept.
    row(
        "prompts_are_kept_on_every_client",
        "v=1&client=legacy&ui=prompts&when=nouser",
        "fails@4 changed= set=ui:prompts",
        &["4 user-input client-token fails"],
    ),
    // domain.md Steps 1 "`when`/`logon` waits"; Steps 7: with `when=nouser` nobody is logged
    // on at run time, so the dialog fails.
    row(
        "dialog_of_a_program_for_when_nobody_is_logged_on_fails",
        "v=1&client=cm07&when=nouser&logon=user&ui=prompts",
        "fails@4",
        &[
            "1 schedule local-system waits rule=schedule/needs-no-user",
            "4 user-input local-system fails rule=user-input/hidden-cm07",
        ],
    ),
    // domain.md Steps 1 (Win9x "`when`/`logon` waits"); Steps 7 win9x runs as the user.
    row(
        "win9x_nouser_program_waits_and_its_dialog_is_the_users",
        "v=1&client=legacy&os=win9x&when=nouser&logon=user&ui=prompts",
        "waits",
        &[
            "1 schedule logged-on-user waits rule=schedule/win9x-no-user",
            "4 user-input logged-on-user at-risk rule=user-input/user",
        ],
    ),
    // ── deploy, boundary, slow ──────────────────────────────────────────────────────────
    // domain.md Steps 3: "The action says how: download into the client cache (CAS, BITS)".
    row(
        "download_reads_the_dp_into_the_client_cache",
        "v=1&client=cm07",
        "ok",
        &["3 fetch-content computer-account ok log=CAS.log action~cache"],
    ),
    // domain.md Steps 3: "or read from the package share over SMB [CM07-PKGACCESS]".
    row(
        "run_from_dp_reads_the_package_share_over_smb",
        "v=1&deploy=rundp",
        "ok changed=",
        &["3 fetch-content computer-account ok action~SMB"],
    ),
    // domain.md Steps 3: slow boundary, "Do not run program": **waits** (CM07 too).
    row(
        "cm07_slow_boundary_do_not_run_waits",
        "v=1&client=cm07&boundary=slow",
        "waits",
        &["3 fetch-content computer-account waits rule=fetch-content/slow-no-run tried= note fix~boundary"],
    ),
    // domain.md Steps 3: it "reads nothing", so a DP nobody may read still only waits; the
    // identity is the last tried (the NAA is not configured).
    row(
        "slow_boundary_do_not_run_waits_even_when_nobody_could_read",
        "v=1&boundary=slow&dpacl=",
        "waits",
        &["3 fetch-content computer-account waits tried= note"],
    ),
    // domain.md Steps 3: "what the read would have been is a note" — here the NAA's read.
    row(
        "slow_boundary_do_not_run_names_the_naa_that_would_read",
        "v=1&boundary=slow&naa=set&dpacl=naa",
        "waits",
        &["3 fetch-content network-access-account waits tried= note"],
    ),
    // domain.md Steps 3: CM07 user context: "the user, then the NAA"; the wait names the NAA.
    row(
        "cm07_user_rights_slow_boundary_waits_as_the_naa_would_read",
        as_user!("&client=cm07&installer=setup-user&boundary=slow&naa=set&dpacl=naa"),
        "waits",
        &["3 fetch-content network-access-account waits rule=fetch-content/slow-no-run"],
    ),
    // domain.md Inputs `slow`: "download" on a slow boundary; Terms: effective mode "`slow`
    // when `boundary=slow`".
    row(
        "slow_boundary_allowed_to_download_fetches_into_the_cache",
        "v=1&boundary=slow&slow=download",
        "ok",
        &["3 fetch-content computer-account ok rule=fetch-content/advanced-admin action~cache"],
    ),
    // domain.md Inputs `slow`: "run from DP"; Steps 3: "read from the package share over SMB".
    row(
        "slow_boundary_allowed_to_run_from_dp_reads_over_smb",
        "v=1&boundary=slow&slow=rundp&deploy=download",
        "ok",
        &["3 fetch-content computer-account ok action~SMB"],
    ),
    // domain.md Normalisation: "`deploy`, `boundary`, `slow` apply to Advanced/CM07 only —
    // for Legacy they stay at their defaults, are not reported as changed".
    row(
        "legacy_slow_boundary_is_reset_silently",
        "v=1&client=legacy&boundary=slow",
        "ok changed= set=boundary:fast",
        &["3 fetch-content client-connection ok rule=fetch-content/legacy-connection inferred"],
    ),
    // domain.md Normalisation: Legacy "stay at their defaults" (deploy too).
    row(
        "legacy_deploy_is_reset_silently",
        "v=1&client=legacy&deploy=rundp",
        "ok changed= set=deploy:download",
        &["3 fetch-content client-connection ok"],
    ),
    // domain.md Normalisation: Legacy "stay at their defaults" (slow too).
    row(
        "legacy_slow_mode_is_reset_silently",
        "v=1&client=legacy&boundary=slow&slow=rundp",
        "ok changed= set=slow:none",
        &["3 fetch-content client-connection ok"],
    ),
    // domain.md Terms: effective mode "`slow` when `boundary=slow`, else `deploy`": on a fast
    // boundary the slow option is unused (no normalisation rule names it).
    row(
        "slow_mode_on_a_fast_boundary_is_kept_and_unused",
        "v=1&slow=rundp",
        "ok changed= set=slow:rundp",
        &["3 fetch-content computer-account ok action~cache"],
    ),
    // domain.md Steps ("fails > waits"): a later failure outranks a slow boundary's wait;
    // steps after a wait are reached.
    row(
        "a_share_failure_outranks_a_slow_boundary_wait",
        r"v=1&boundary=slow&share=\\fs01\apps~domain-users",
        "fails@4",
        &[
            "3 fetch-content computer-account waits",
            "4 connect-share computer-account fails",
        ],
    ),
    // domain.md Steps 3: fetch-content exists "only when `source=dp`" — a UNC source does not
    // wait for a DP.
    row(
        "unc_source_on_a_slow_boundary_has_no_fetch_and_does_not_wait",
        r"v=1&boundary=slow&source=unc&share=\\fs01\pkg~domain-computers",
        "ok",
        &[r"3 connect-share computer-account ok @share:\\fs01\pkg"],
    ),
    // ── drive, letter ───────────────────────────────────────────────────────────────────
    // domain.md Steps 4: "`drive=any` takes the next free letter from Z: backwards".
    row(
        "any_drive_letter_maps_the_next_free_letter",
        "v=1&deploy=rundp&drive=any",
        "ok",
        &["4 map-drive computer-account ok @distribution-point rule=map-drive/any reason~Z: inferred cites=CB-PDF"],
    ),
    // domain.md Steps 4: "otherwise ok".
    row(
        "fixed_drive_letter_free_maps",
        "v=1&deploy=rundp&drive=fixed",
        "ok",
        &["4 map-drive computer-account ok rule=map-drive/fixed"],
    ),
    // domain.md Normalisation: "a drive mode other than `unc` only when the program runs from
    // the DP ... (else `unc`"; "then `letter` only with `drive=fixed`".
    row(
        "drive_mode_with_download_is_normalised_to_unc_and_the_letter_free",
        "v=1&drive=fixed&letter=taken",
        "ok changed=drive,letter set=drive:unc set=letter:free",
        &["4 install local-system ok"],
    ),
    // domain.md Normalisation: a slow boundary that does not run has no run-from-DP mode.
    row(
        "drive_mode_on_a_slow_boundary_that_does_not_run_is_normalised",
        "v=1&boundary=slow&drive=any",
        "waits changed=drive",
        &["4 install local-system ok"],
    ),
    // domain.md Terms: the effective mode is `slow` on a slow boundary: run from DP keeps the
    // drive mode; Steps 4 "letter=taken: **fails**".
    row(
        "fixed_letter_taken_on_slow_boundary_run_from_dp_fails",
        "v=1&boundary=slow&slow=rundp&drive=fixed&letter=taken",
        "fails@4 changed=",
        &["4 map-drive computer-account fails rule=map-drive/letter-taken"],
    ),
    // domain.md Normalisation: drive modes need "`source=dp`".
    row(
        "drive_mode_with_a_unc_source_is_normalised_to_unc",
        r"v=1&deploy=rundp&drive=any&source=unc&share=\\fs01\pkg~domain-computers",
        "ok changed=drive",
        &["3 connect-share computer-account ok"],
    ),
    // domain.md Normalisation: "the effective mode is run-from-DP (inferred: the Legacy Client
    // has no download mode)", so a Legacy drive mode stays; Steps 4 as step 3's identity.
    row(
        "legacy_keeps_its_drive_mode_and_a_taken_letter_fails",
        "v=1&client=legacy&drive=fixed&letter=taken",
        "fails@4 changed=",
        &["4 map-drive client-connection fails rule=map-drive/letter-taken log=SMSAPM32.log"],
    ),
    // domain.md Normalisation: "then `letter` only with `drive=fixed`".
    row(
        "taken_letter_with_any_drive_is_normalised_free",
        "v=1&deploy=rundp&drive=any&letter=taken",
        "ok changed=letter set=letter:free",
        &["4 map-drive computer-account ok rule=map-drive/any"],
    ),
    // domain.md Steps 4: "as step 3's identity" — the NAA when it read the package.
    row(
        "map_drive_as_the_naa_that_read_the_dp",
        "v=1&deploy=rundp&drive=any&naa=set&dpacl=naa",
        "ok",
        &[
            "3 fetch-content network-access-account ok tried=computer-account:fails,network-access-account:ok",
            "4 map-drive network-access-account ok",
        ],
    ),
    // domain.md Steps 4: "A denied read is step 3's failure, not this step's."
    row(
        "denied_dp_read_fails_at_fetch_not_at_map_drive",
        "v=1&deploy=rundp&drive=fixed&dpacl=",
        "fails@3",
        &[
            "3 fetch-content computer-account fails",
            "4 map-drive computer-account ok unreached rule=map-drive/fixed",
        ],
    ),
    // domain.md Steps 4: as step 3's identity — the user with the user's rights.
    row(
        "map_drive_as_the_user_with_user_rights",
        as_user!("&client=cm07&installer=setup-user&deploy=rundp&drive=any"),
        "ok",
        &["4 map-drive logged-on-user ok"],
    ),
    // domain.md Steps, in order: map-drive (4) comes before connect-share (5).
    row(
        "map_drive_comes_before_the_shares",
        r"v=1&client=cm07&deploy=rundp&drive=any&share=\\fs01\apps~domain-computers",
        "ok",
        &[
            "4 map-drive computer-account ok",
            r"5 connect-share computer-account ok @share:\\fs01\apps",
            "6 install local-system ok",
        ],
    ),
    // domain.md Steps 4 on Windows 98: step 3's identity is the user.
    row(
        "win9x_maps_the_drive_as_the_user",
        "v=1&client=legacy&os=win9x&logon=user&drive=any",
        "ok",
        &["4 map-drive logged-on-user ok rule=map-drive/any"],
    ),
    // domain.md Steps 4 with the SIA as step 3's identity.
    row(
        "legacy_sia_maps_a_free_fixed_letter",
        "v=1&client=legacy&sia=1&siacct=set&drive=fixed",
        "ok",
        &["4 map-drive software-installation-account ok rule=map-drive/fixed"],
    ),
    // domain.md Steps 2: "`sia=1` with `siacct=none` ... fails with 1317"; later steps are
    // shown "not reached".
    row(
        "legacy_sia_not_configured_fails_at_run_as_before_mapping",
        "v=1&client=legacy&sia=1&drive=any",
        "fails@2",
        &[
            "2 run-as software-installation-account fails rule=run-as/sia-not-configured reason~1317",
            "3 fetch-content software-installation-account fails unreached",
            "4 map-drive software-installation-account ok unreached",
        ],
    ),
    // ── mapped ──────────────────────────────────────────────────────────────────────────
    // domain.md Steps 6: "Runs as the user: **ok**".
    row(
        "mapped_drive_with_user_rights_resolves_for_the_user",
        as_user!("&installer=setup-user&mapped=1"),
        "ok",
        &["4 use-mapped-drive logged-on-user ok @mapped-drive rule=use-mapped-drive/user not-inferred cites=WIN-REDIRDRIVES"],
    ),
    // domain.md Steps 6: "Run as Local System, the token account or the SIA: **fails**".
    row(
        "mapped_drive_with_the_legacy_token_fails",
        "v=1&client=legacy&mapped=1",
        "fails@4",
        &["4 use-mapped-drive client-token fails rule=use-mapped-drive/other-session log=SMSAPM32.log"],
    ),
    // domain.md Steps 6: "... or the SIA: **fails**".
    row(
        "mapped_drive_with_the_sia_fails",
        "v=1&client=legacy&sia=1&siacct=set&mapped=1",
        "fails@4",
        &["4 use-mapped-drive software-installation-account fails"],
    ),
    // domain.md Steps 6 "Runs as the user" — Windows 98 does, before its logon it waits.
    row(
        "win9x_mapped_drive_resolves_once_the_user_logs_on",
        "v=1&client=legacy&os=win9x&mapped=1",
        "waits",
        &[
            "1 schedule logged-on-user waits rule=schedule/win9x-before-logon",
            "4 use-mapped-drive logged-on-user ok",
        ],
    ),
    // domain.md Steps 6: "Note: on Windows 2000 a letter mapped at the console is global";
    // "Fix: use the UNC path".
    row(
        "mapped_drive_failure_notes_windows_2000_and_fixes_with_unc",
        "v=1&client=cm07&mapped=1",
        "fails@4",
        &["4 use-mapped-drive local-system fails note~Windows_2000 fix~UNC"],
    ),
    // domain.md Steps, in order: use-mapped-drive (6), user-input (7), install (8); "Steps
    // after a failure are still evaluated and shown, marked "not reached"".
    row(
        "mapped_drive_failure_leaves_the_dialog_and_install_unreached",
        "v=1&client=cm07&mapped=1&ui=prompts&logon=user",
        "fails@4",
        &[
            "4 use-mapped-drive local-system fails",
            "5 user-input local-system fails unreached rule=user-input/hidden-cm07",
            "6 install local-system ok unreached",
        ],
    ),
    // domain.md Steps, in order: connect-share (5) before use-mapped-drive (6).
    row(
        "shares_come_before_the_mapped_drive",
        r"v=1&client=cm07&mapped=1&share=\\fs01\apps~domain-computers",
        "fails@5",
        &[
            "4 connect-share computer-account ok",
            "5 use-mapped-drive local-system fails",
        ],
    ),
    // domain.md Steps 2 (v1) "token account" on a DC; Steps 6 fails for it.
    row(
        "legacy_dc_token_has_no_mapped_drive",
        "v=1&client=legacy&role=domain-controller&mapped=1",
        "fails@4",
        &[
            "2 run-as client-token ok rule=run-as/token-dc",
            "4 use-mapped-drive client-token fails",
        ],
    ),
    // ── installer=script ────────────────────────────────────────────────────────────────
    // domain.md Steps 8: "`script` needs admin rights like `setup-admin`: as a standard user
    // **fails**, access denied"; "1925 is Windows Installer's".
    row(
        "script_as_standard_user_fails_access_denied",
        as_user!("&installer=script"),
        "fails@4",
        &["4 install logged-on-user fails @local-machine rule=install/needs-admin-setup reason~access_denied"],
    ),
    // domain.md Steps 8: script "needs admin rights" — a local administrator has them (XP).
    row(
        "script_as_local_admin_user_installs",
        as_admin_user!("&installer=script"),
        "ok",
        &["4 install logged-on-user ok rule=install/admin"],
    ),
    // domain.md Steps 8: script with admin rights; the token account is an administrator.
    row(
        "script_as_legacy_token_installs",
        "v=1&client=legacy&installer=script",
        "ok",
        &["4 install client-token ok rule=install/admin"],
    ),
    // domain.md Steps 8 (v1): Windows 98 has no local security.
    row(
        "script_on_win9x_installs",
        "v=1&client=legacy&os=win9x&logon=user&installer=script",
        "ok",
        &["4 install logged-on-user ok rule=install/win9x"],
    ),
    // ── the domain-controllers principal ────────────────────────────────────────────────
    // domain.md Identities: computer-account counts as "`domain-controllers` on a DC".
    row(
        "cm07_on_dc_reads_a_share_for_domain_controllers",
        "v=1&client=cm07&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-controllers",
        "ok",
        &["4 connect-share computer-account ok"],
    ),
    // domain.md Identities: on a workstation the computer account is in Domain Computers.
    row(
        "cm07_workstation_is_not_a_domain_controller",
        "v=1&client=cm07&share=%5C%5Cfs01%5Capps~domain-controllers",
        "fails@4",
        &["4 connect-share computer-account fails fix~Domain_Computers"],
    ),
    // domain.md Identities: a member server's computer account is in Domain Computers.
    row(
        "cm07_member_server_reads_a_share_for_domain_computers",
        "v=1&client=cm07&role=member-server&share=%5C%5Cfs01%5Capps~domain-computers",
        "ok",
        &["4 connect-share computer-account ok"],
    ),
    // domain.md Identities: on a DC, COMPUTER$ is not in Domain Computers; the NAA (not in
    // it either) is tried next: Steps 3 "none can read: **fails**".
    row(
        "advanced_on_dc_cannot_read_a_dp_for_domain_computers",
        "v=1&role=domain-controller&naa=set&dpacl=domain-computers",
        "fails@3",
        &["3 fetch-content network-access-account fails tried=computer-account:fails,network-access-account:fails"],
    ),
    // domain.md Identities: "`domain-controllers` on a DC".
    row(
        "advanced_on_dc_reads_a_dp_for_domain_controllers",
        "v=1&role=domain-controller&dpacl=domain-controllers",
        "ok",
        &["3 fetch-content computer-account ok tried=computer-account:ok"],
    ),
    // domain.md Identities: "(nothing when `domain=untrusted`)", a DC's COMPUTER$ too.
    row(
        "untrusted_dc_computer_account_counts_as_nothing",
        "v=1&client=cm07&role=domain-controller&domain=untrusted&naa=set&share=%5C%5Cfs01%5Capps~domain-controllers",
        "fails@4",
        &[
            "3 fetch-content network-access-account ok",
            "4 connect-share computer-account fails",
        ],
    ),
    // domain.md Identities: the user counts as everyone, users, domain-users — not Domain
    // Controllers; Steps 5 "`run=user`: the user".
    row(
        "user_is_not_in_domain_controllers",
        as_user!("&installer=setup-user&role=domain-controller&share=%5C%5Cfs01%5Capps~domain-controllers"),
        "fails@4",
        &["4 connect-share logged-on-user fails rule=connect-share/user"],
    ),
    // domain.md Steps 5: on a DC the Advanced admin's COMPUTER$ misses Domain Computers and
    // the NAA reads: "Only the NAA reads: **at-risk**"; fix "(on a DC: Domain Controllers)".
    row(
        "advanced_on_dc_share_for_domain_computers_is_read_only_by_the_naa",
        "v=1&role=domain-controller&naa=set&share=%5C%5Cfs01%5Capps~domain-computers,naa",
        "at-risk",
        &["4 connect-share network-access-account at-risk fix~Domain_Controllers"],
    ),
    // ── the Advanced Client's connect-share (v2: computer account first) ────────────────
    // domain.md Steps 5: "The computer account reads: **ok**"; "Note on every such step".
    row(
        "advanced_share_for_domain_computers_is_read_by_the_computer_account",
        "v=1&naa=set&share=%5C%5Cfs01%5Capps~domain-computers",
        "ok",
        &["4 connect-share computer-account ok tried=computer-account:ok note"],
    ),
    // domain.md Steps 5: computer account first; Authenticated Users holds COMPUTER$.
    row(
        "advanced_share_for_authenticated_users_is_read_by_the_computer_account",
        "v=1&share=%5C%5Cfs01%5Capps~users",
        "ok",
        &["4 connect-share computer-account ok rule=connect-share/advanced-admin note"],
    ),
    // domain.md Steps 5: "Neither reads: **fails**, access denied in execmgr.log"; the step
    // "shows ... the last one tried".
    row(
        "advanced_share_neither_reads_fails_as_the_naa_last_tried",
        "v=1&naa=set&share=%5C%5Cfs01%5Capps~siacct",
        "fails@4",
        &["4 connect-share network-access-account fails log=execmgr.log reason~access_denied note"],
    ),
    // domain.md Steps 5: "the program's source first when `source=unc`", read by COMPUTER$.
    row(
        "advanced_unc_source_is_read_by_the_computer_account",
        "v=1&source=unc&share=%5C%5Cfs01%5Cpkg~domain-computers",
        "ok",
        &["3 connect-share computer-account ok rule=connect-share/advanced-admin"],
    ),
    // ── the Advanced Client's user-context fetch (v2: no NAA fallback) ──────────────────
    // domain.md Steps 3: "the user alone on the SMS 2003 clients (Advanced, Legacy, Win9x)".
    row(
        "advanced_user_rights_fetch_has_no_naa_fallback",
        as_user!("&installer=setup-user&naa=set&dpacl=naa"),
        "fails@3",
        &["3 fetch-content logged-on-user fails tried= rule=fetch-content/advanced-user reason~access_denied"],
    ),
    // domain.md Steps 3: "the user alone on the SMS 2003 clients (... Legacy ...)".
    row(
        "legacy_user_rights_fetch_has_no_naa_fallback",
        as_user!("&client=legacy&installer=setup-user&naa=set&dpacl=naa"),
        "fails@3",
        &["3 fetch-content logged-on-user fails rule=fetch-content/legacy-user"],
    ),
    // domain.md Steps 3: "the user, then the NAA on CM07 [CM07-FLOW][CB-ACCOUNTS]".
    row(
        "cm07_user_rights_fetch_falls_back_to_the_naa",
        as_user!("&client=cm07&installer=setup-user&naa=set&dpacl=naa"),
        "ok",
        &["3 fetch-content network-access-account ok tried=logged-on-user:fails,network-access-account:ok rule=fetch-content/cm07-user cites=CM07-FLOW"],
    ),
    // domain.md Steps 3: the user alone on "Win9x" too.
    row(
        "win9x_fetch_has_no_naa_fallback",
        "v=1&client=legacy&os=win9x&logon=user&naa=set&dpacl=naa",
        "fails@3",
        &["3 fetch-content logged-on-user fails tried="],
    ),
    // domain.md Steps 3: CM07 user context, the user (untrusted: counts as nothing), then the
    // NAA.
    row(
        "cm07_untrusted_user_rights_fetch_reads_through_the_naa",
        as_user!("&client=cm07&domain=untrusted&installer=setup-user&naa=set"),
        "ok",
        &["3 fetch-content network-access-account ok tried=logged-on-user:fails,network-access-account:ok"],
    ),
    // ── several problems in one step ────────────────────────────────────────────────────
    // domain.md Steps: "When several rules of one step apply, the step takes the worst
    // rule's outcome ... and lists the others as notes" (filtered token + 32-bit host).
    row(
        "vista_x64_silent_script_filtered_fails_and_notes_the_redirection",
        as_admin_user!("&client=cm07&os=vista&arch=x64&installer=script"),
        "fails@4",
        &["4 install logged-on-user fails rule=install/vista-filtered-silent note~SysWOW64"],
    ),
    // domain.md Steps: "lists the others as notes"; both rules are at-risk here.
    row(
        "vista_x64_prompting_script_is_at_risk_twice_with_a_note",
        as_admin_user!("&client=cm07&os=vista&arch=x64&installer=script&ui=prompts"),
        "at-risk",
        &[
            "4 user-input logged-on-user at-risk rule=user-input/user",
            "5 install logged-on-user at-risk note",
        ],
    ),
    // ── v1 rules with the new inputs ────────────────────────────────────────────────────
    // domain.md Steps 5 (v1): "Legacy admin with SIA: the SIA"; Steps 4 before it.
    row(
        "legacy_sia_maps_then_reads_the_share",
        r"v=1&client=legacy&sia=1&siacct=set&drive=any&share=\\fs01\apps~siacct",
        "ok",
        &[
            "4 map-drive software-installation-account ok",
            "5 connect-share software-installation-account ok rule=connect-share/legacy-sia",
        ],
    ),
    // domain.md Steps 5 (v1): "`run=user`: the user"; Steps 7 at-risk.
    row(
        "user_rights_reads_share_and_answers_dialog",
        as_user!("&client=cm07&installer=setup-user&ui=prompts&share=%5C%5Cfs01%5Capps~domain-users"),
        "at-risk",
        &[
            "4 connect-share logged-on-user ok rule=connect-share/user",
            "5 user-input logged-on-user at-risk",
        ],
    ),
    // domain.md Steps 8 (v1): "Per-user MSI as any identity but the user: at-risk" — and
    // Vista's filtered token does not change per-user installs by the user.
    row(
        "vista_per_user_msi_as_local_system_is_at_risk",
        "v=1&client=cm07&os=vista&installer=msi-user",
        "at-risk",
        &["4 install local-system at-risk @user-profile rule=install/per-user-msi-elsewhere"],
    ),
];

/// Every row as the rule book (v2) says.
#[test]
fn cases_v2_table() {
    assert!(ROWS.len() >= 70, "{} rows", ROWS.len());
    check_table(ROWS, |_: &Plan| Ok(()));
}

/// The seventeen classic cases are rows of the table, in order, with the links the rule book's
/// training uses.
#[test]
fn cases_v2_table_has_the_seventeen_classic_cases() {
    let classic: Vec<&str> = ROWS
        .iter()
        .filter(|r| r.name.starts_with("classic_"))
        .map(|r| r.name)
        .collect();
    assert_eq!(classic.len(), 17, "{classic:?}");
    for (i, name) in classic.iter().enumerate() {
        assert!(
            name.starts_with(&format!("classic_{:02}_", i + 1)),
            "{name} out of order"
        );
    }
}

/// Between them the rows exercise every rule of the rule table. This table alone does (it has
/// rows for the v1 rules too), so with `scenarios.rs`'s table both together do.
#[test]
fn cases_v2_table_exercises_every_rule() {
    let used: BTreeSet<&str> = rules_used(ROWS);
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !used.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules no row exercises: {missing:?}");
}
