//! A radio group for one input of the rule book, with one line of help per value and the
//! reason a value is unavailable.

use credflow_core::availability::unavailable;
use credflow_core::scenario::Input;
use leptos::prelude::*;

use crate::state::Store;

/// One input (`Client::INPUT`: a typed name, so that a group cannot name an input that does
/// not exist) as radio buttons. Ids are `<key>-<value>` (`client-legacy`), the link's words.
#[component]
pub fn ChoiceGroup(
    input: &'static Input,
    legend: &'static str,
    /// One line on what the input means.
    #[prop(optional)]
    about: &'static str,
) -> impl IntoView {
    let store = Store::get();
    let key = input.key;
    // Memos, so that a change elsewhere in the scenario touches none of these radios.
    let current = Memo::new(move |_| store.scenario.with(|s| s.value(key)));
    let options = input
        .options
        .iter()
        .map(|o| {
            let value = o.key;
            let id = format!("{key}-{value}");
            let help_id = format!("{id}-help");
            let why = Memo::new(move |_| store.scenario.with(|s| unavailable(s, key, value)));
            let why = move || why.get();
            let chosen = move || current.get() == Some(value);
            view! {
                <div class="option" class:unavailable=move || why().is_some()>
                    <input
                        type="radio"
                        id=id.clone()
                        name=key
                        value=value
                        // The property is the state; the attribute says the same in HTML
                        // (the prerendered first paint, where properties do not exist).
                        prop:checked=chosen
                        checked=chosen
                        disabled=move || why().is_some()
                        aria-describedby=help_id.clone()
                        on:change=move |_| store.edit(|s| {
                            let _ = s.set(key, value);
                        })
                    />
                    <label for=id>{o.label}</label>
                    <p class="help" id=help_id>
                        {o.help}
                        {move || why().map(|w| view! { <span class="why">{w}</span> })}
                    </p>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice" id=format!("{key}-group")>
            <legend>{legend}</legend>
            {(!about.is_empty()).then(|| view! { <p class="about">{about}</p> })}
            {options}
        </fieldset>
    }
}
