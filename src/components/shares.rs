//! Step 5: where the program's files are, who may read the DP share, and the non-SMS shares
//! (add, edit, reorder, remove).

use credflow_core::scenario::{
    check_unc, same_unc, Boundary, Deploy, Drive, Letter, SlowMode, MAX_SHARES,
};
use credflow_core::{Principal, Readers, Scenario, Share, Source};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::choice_group::ChoiceGroup;
use crate::state::Store;

/// Reader checkboxes for one ACL. Ids are `<prefix>-<principal>`. `readers` is what they
/// show; `set` writes a change into the scenario.
fn reader_boxes(
    prefix: String,
    legend: String,
    readers: Memo<Readers>,
    set: impl Fn(&mut Scenario, Principal, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let store = Store::get();
    let boxes = Principal::ALL
        .iter()
        .map(|&p| {
            let id = format!("{prefix}-{}", p.key());
            let reads = move || readers.get().contains(p);
            view! {
                <span class="reader">
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-principal=p.key()
                        // As in ChoiceGroup: the property is the state, the attribute the HTML.
                        prop:checked=reads
                        checked=reads
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            store.edit(|s| set(s, p, on))
                        }
                    />
                    <label for=id title=p.help()>{p.label()}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <fieldset class="readers">
            <legend>{legend}</legend>
            {boxes}
        </fieldset>
    }
}

#[component]
pub fn Content() -> impl IntoView {
    let store = Store::get();
    let count = Memo::new(move |_| store.shares.with(Vec::len));
    let dpacl = Memo::new(move |_| store.scenario.with(|s| s.dpacl));
    view! {
        <ChoiceGroup input=&Source::INPUT legend="Where the program's files are" />
        <ChoiceGroup input=&Boundary::INPUT legend="Nearest distribution point"
            about="Advanced Client and ConfigMgr 2007: whether a DP is on the client's own fast boundary." />
        <ChoiceGroup input=&Deploy::INPUT legend="On a fast boundary"
            about="The advertisement's option: download into the client cache, or run from the DP." />
        <ChoiceGroup input=&SlowMode::INPUT legend="On a slow or unreliable boundary"
            about="The advertisement's option when the only DP is across a slow link." />
        <ChoiceGroup input=&Drive::INPUT legend="Drive mode"
            about="The program's option: how the client reaches the package share when it runs from the DP." />
        <ChoiceGroup input=&Letter::INPUT legend="The program's drive letter"
            about="With a specific drive letter: whether the client already uses it." />
        {reader_boxes(
            "dpacl".into(),
            "Who may read the DP package share".into(),
            dpacl,
            |s, p, on| s.dpacl = s.dpacl.with(p, on),
        )}
        <p class="help">"The default, local Users, holds Authenticated Users: every domain user and computer account."</p>
        <h3 class="shares-title">"Non-SMS shares"</h3>
        <p class="help">
            "Shares the program reads during install, in order, with who may read each. "
            "When the program's files are on a non-SMS share, the first share is that source."
        </p>
        <ol class="shares" aria-label="Non-SMS shares">
            <For each=move || 0..count.get() key=|i| *i let:i>
                <ShareRow i=i count=count />
            </For>
        </ol>
        <AddShare />
    }
}

/// One share: its path (checked as typed), readers, and move/remove buttons.
#[component]
fn ShareRow(i: usize, count: Memo<usize>) -> impl IntoView {
    let store = Store::get();
    // Memos per row, over the shares only, so that editing one share leaves the others alone
    // and a change elsewhere in the scenario leaves every row alone.
    let unc = Memo::new(move |_| {
        store
            .shares
            .with(|v| v.get(i).map(|sh| sh.unc.clone()).unwrap_or_default())
    });
    let readers = Memo::new(move |_| {
        store
            .shares
            .with(|v| v.get(i).map(|sh| sh.readers).unwrap_or_default())
    });
    // Text that is not (yet) a UNC path stays in the field with its error; the scenario keeps
    // the last good path.
    let draft = RwSignal::new(None::<(String, String)>);
    let count = move || count.get();
    let is_source = Memo::new(move |_| i == 0 && store.scenario.with(|s| s.source == Source::Unc));
    let is_source = move || is_source.get();
    let field = format!("share-{i}-unc");
    let error_id = format!("share-{i}-error");
    let swap = move |a: usize, b: usize| {
        store.edit(|s| {
            if a < s.shares.len() && b < s.shares.len() {
                s.shares.swap(a, b)
            }
        })
    };
    view! {
        <li class="share-row" data-share=i>
            <div class="share-head">
                <label for=field.clone() class="share-label">
                    {move || format!("Share {}", i + 1)}
                    {move || is_source().then_some(" (the program's source)")}
                </label>
                <input
                    type="text"
                    class="share-unc"
                    id=field
                    spellcheck="false"
                    autocomplete="off"
                    prop:value=move || draft.with(|d| d.as_ref().map(|(t, _)| t.clone())).unwrap_or_else(|| unc.get())
                    aria-invalid=move || draft.with(|d| d.is_some()).to_string()
                    aria-describedby=error_id.clone()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        match usable_path(&text, Some(i)) {
                            Ok(unc) => {
                                // `//fs01/apps` is kept as `\\fs01\apps`, which the field then
                                // shows.
                                draft.set(None);
                                store.edit(|s| {
                                    if let Some(sh) = s.shares.get_mut(i) {
                                        sh.unc = unc;
                                    }
                                });
                            }
                            Err(e) => draft.set(Some((text, format!("{e} The last good path is kept.")))),
                        }
                    }
                />
                <div class="share-actions">
                    <button type="button" class="icon" disabled=move || i == 0
                        aria-label=move || format!("Move share {} up", i + 1)
                        on:click=move |_| swap(i - 1, i)>"↑"</button>
                    <button type="button" class="icon" disabled=move || { count() <= i + 1 }
                        aria-label=move || format!("Move share {} down", i + 1)
                        on:click=move |_| swap(i, i + 1)>"↓"</button>
                    <button type="button" class="icon danger"
                        aria-label=move || format!("Remove share {}", i + 1)
                        on:click=move |_| store.edit(|s| {
                            if i < s.shares.len() {
                                s.shares.remove(i);
                            }
                        })>"✕"</button>
                </div>
            </div>
            <p class="field-error" id=error_id>{move || draft.with(|d| d.as_ref().map(|(_, e)| e.clone()))}</p>
            {reader_boxes(
                format!("share-{i}"),
                format!("Who may read share {}", i + 1),
                readers,
                move |s, p, on| {
                    if let Some(sh) = s.shares.get_mut(i) {
                        sh.readers = sh.readers.with(p, on);
                    }
                },
            )}
        </li>
    }
}

/// The field and button that add a share (readers: Authenticated Users).
#[component]
fn AddShare() -> impl IntoView {
    let store = Store::get();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let unc = text.get_untracked().trim().to_string();
        if store.scenario.with_untracked(|s| s.shares.len()) >= MAX_SHARES {
            error.set(Some(format!(
                "A scenario may have at most {MAX_SHARES} shares."
            )));
            return;
        }
        match usable_path(&unc, None) {
            Ok(unc) => {
                error.set(None);
                text.set(String::new());
                store.edit(|s| {
                    s.shares
                        .push(Share::new(unc, Readers::of(&[Principal::Users])))
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="add-share" on:submit=add>
            <label for="share-new">"Add a share"</label>
            <div class="add-share-row">
                <input
                    type="text"
                    id="share-new"
                    placeholder="\\\\server\\share"
                    spellcheck="false"
                    autocomplete="off"
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    aria-describedby="share-new-error"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <button type="submit" id="share-add">"Add share"</button>
            </div>
            <p class="field-error" id="share-new-error">{move || error.get()}</p>
        </form>
    }
}

/// The path as the scenario keeps it (`//fs01/apps` is `\\fs01\apps`), or a sentence that
/// says why it cannot be a share of this scenario: not a usable path, or a share the scenario
/// already lists (Windows reads `\\FS01\APPS` as `\\fs01\apps`). `editing` is the row being
/// edited, which may keep its own path.
fn usable_path(text: &str, editing: Option<usize>) -> Result<String, String> {
    let unc = check_unc(text).map_err(|e| format!("This path {e}."))?;
    let store = Store::get();
    let listed = store.shares.with_untracked(|shares| {
        shares
            .iter()
            .enumerate()
            .filter(|(j, _)| Some(*j) != editing)
            .find(|(_, sh)| same_unc(&sh.unc, &unc))
            .map(|(j, sh)| (j, sh.unc.clone()))
    });
    match listed {
        Some((j, first)) => Err(format!(
            "Share {} is this share already ({first}): Windows reads share paths without regard to case, so list each share once.",
            j + 1
        )),
        None => Ok(unc),
    }
}
