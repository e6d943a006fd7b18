//! The wizard: five steps as tabs, free to move between. Arrow keys, Home and End move between
//! tabs (WAI-ARIA tabs pattern).

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use credflow_core::scenario::{
    Arch, Client, Domain, Installer, Interact, Logon, Mapped, Naa, Os, Role, Run, SiAcct, Sia, Ui,
    When,
};

use super::choice_group::ChoiceGroup;
use super::shares::Content;

/// The wizard's steps: id, title, and the title on a tab of a narrow screen (where the full
/// titles ran into each other).
pub const STEPS: [(&str, &str, &str); 5] = [
    ("client", "Client", "Client"),
    ("program", "Program", "Program"),
    ("runtime", "At run time", "Run time"),
    ("accounts", "Accounts", "Accounts"),
    ("content", "Content and shares", "Shares"),
];

fn focus_tab(i: usize) {
    crate::browser::focus(&format!("tab-{}", STEPS[i].0));
}

#[component]
pub fn Wizard() -> impl IntoView {
    let active = RwSignal::new(0usize);
    let go = move |i: usize| {
        active.set(i);
        focus_tab(i);
    };
    let on_key = move |ev: KeyboardEvent| {
        let last = STEPS.len() - 1;
        let i = active.get_untracked();
        let to = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(if i == last { 0 } else { i + 1 }),
            "ArrowLeft" | "ArrowUp" => Some(if i == 0 { last } else { i - 1 }),
            "Home" => Some(0),
            "End" => Some(last),
            _ => None,
        };
        if let Some(to) = to {
            ev.prevent_default();
            go(to);
        }
    };
    let tabs = STEPS
        .iter()
        .enumerate()
        .map(|(i, (id, title, short))| {
            view! {
                <button
                    type="button"
                    role="tab"
                    id=format!("tab-{id}")
                    aria-controls=format!("panel-{id}")
                    aria-selected=move || (active.get() == i).to_string()
                    tabindex=move || if active.get() == i { "0" } else { "-1" }
                    on:click=move |_| active.set(i)
                    on:keydown=on_key
                >
                    <span class="tab-n" aria-hidden="true">{i + 1}</span>
                    // One of the two shows (the style sheet picks by width); the hidden one is
                    // not part of the tab's name.
                    <span class="tab-title">{*title}</span>
                    <span class="tab-short">{*short}</span>
                </button>
            }
        })
        .collect_view();
    let panel = move |i: usize, body: AnyView| {
        let (id, title, _) = STEPS[i];
        let nav = view! {
            <div class="wizard-nav">
                {(i > 0).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| go(i - 1)>
                        "← " {STEPS[i - 1].1}
                    </button>
                })}
                {(i + 1 < STEPS.len()).then(|| view! {
                    <button type="button" on:click=move |_| go(i + 1)>
                        "Next: " {STEPS[i + 1].1} " →"
                    </button>
                })}
            </div>
        };
        view! {
            <section
                role="tabpanel"
                class="panel"
                id=format!("panel-{id}")
                aria-labelledby=format!("tab-{id}")
                hidden=move || active.get() != i
            >
                <h2 class="panel-title">{format!("{}. {title}", i + 1)}</h2>
                {body}
                {nav}
            </section>
        }
    };
    view! {
        <div class="wizard">
            <div role="tablist" aria-label="Scenario steps" class="tabs">{tabs}</div>
            {panel(0, client_step().into_any())}
            {panel(1, program_step().into_any())}
            {panel(2, runtime_step().into_any())}
            {panel(3, accounts_step().into_any())}
            {panel(4, view! { <Content /> }.into_any())}
        </div>
    }
}

fn client_step() -> impl IntoView {
    view! {
        <ChoiceGroup input=&Client::INPUT legend="Client type"
            about="Which SMS or ConfigMgr client runs on the target computer." />
        <ChoiceGroup input=&Os::INPUT legend="Operating system" />
        <ChoiceGroup input=&Arch::INPUT legend="Architecture"
            about="64-bit Windows redirects a 32-bit program's System32 and HKLM\\Software." />
        <ChoiceGroup input=&Role::INPUT legend="Computer role" />
        <ChoiceGroup input=&Domain::INPUT legend="Domain trust"
            about="Whether the site's servers accept the computer's own domain identities." />
    }
}

fn program_step() -> impl IntoView {
    view! {
        <ChoiceGroup input=&Run::INPUT legend="Run mode"
            about="The program's Environment tab: whose rights the program runs with." />
        <ChoiceGroup input=&When::INPUT legend="Program can run" />
        <ChoiceGroup input=&Sia::INPUT legend="Software Installation Account"
            about="Legacy Client program option: run as the site's Software Installation Account." />
        <ChoiceGroup input=&Interact::INPUT legend="User interaction"
            about="Environment tab: whether the logged-on user sees the program's windows." />
        <ChoiceGroup input=&Installer::INPUT legend="Installer"
            about="What the program's command line runs." />
        <ChoiceGroup input=&Ui::INPUT legend="Installer dialogs"
            about="Whether the installer needs answers while it runs." />
        <ChoiceGroup input=&Mapped::INPUT legend="Mapped drive letters"
            about="Whether the command line depends on a drive letter the user maps." />
    }
}

fn runtime_step() -> impl IntoView {
    view! {
        <ChoiceGroup input=&Logon::INPUT legend="Who is logged on when the program is due" />
    }
}

fn accounts_step() -> impl IntoView {
    view! {
        <ChoiceGroup input=&Naa::INPUT legend="Network Access Account"
            about="Advanced Client and ConfigMgr 2007: used only to reach content the client cannot reach as itself; never the account a program runs as." />
        <ChoiceGroup input=&SiAcct::INPUT legend="Software Installation Account"
            about="Legacy Client: runs the programs that select it, elevated to administrator, and reaches shares for them." />
    }
}
