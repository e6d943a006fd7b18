//! A radio group for one input of the rule book, with one line of help per value and the
//! reason a value is unavailable.

use credflow_core::availability::unavailable;
use credflow_core::choice::Choice;
use credflow_core::Scenario;
use leptos::prelude::*;

use crate::state::Store;

/// One input as radio buttons. Ids are `<key>-<value>` (`client-legacy`), the link's words.
#[component]
pub fn ChoiceGroup<T: Choice + Send + Sync>(
    /// The input's key in links.
    key: &'static str,
    legend: &'static str,
    /// One line on what the input means.
    #[prop(optional)]
    about: &'static str,
    get: fn(&Scenario) -> T,
    set: fn(&mut Scenario, T),
) -> impl IntoView {
    let store = Store::get();
    let options = T::all()
        .iter()
        .map(|&v| {
            let id = format!("{key}-{}", v.key());
            let help_id = format!("{id}-help");
            let why = move || store.scenario.with(|s| unavailable(s, key, v.key()));
            view! {
                <div class="option" class:unavailable=move || why().is_some()>
                    <input
                        type="radio"
                        id=id.clone()
                        name=key
                        value=v.key()
                        prop:checked=move || store.scenario.with(|s| get(s) == v)
                        disabled=move || why().is_some()
                        aria-describedby=help_id.clone()
                        on:change=move |_| store.edit(|s| set(s, v))
                    />
                    <label for=id>{v.label()}</label>
                    <p class="help" id=help_id>
                        {v.help()}
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
