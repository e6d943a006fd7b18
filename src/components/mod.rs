//! The page's parts. Each reads the [`Store`](crate::state::Store) from context.

pub mod choice_group;
#[cfg(feature = "training")]
pub mod compare;
pub mod diagnose;
pub mod diagram;
pub mod embed;
pub mod export;
pub mod findings;
pub mod library;
pub mod notice;
#[cfg(feature = "training")]
pub mod quiz;
pub mod shares;
pub mod start;
pub mod summary;
pub mod toolbar;
pub mod verdict;
pub mod walk;
pub mod wizard;

use leptos::prelude::*;

/// Each of `lines` as an `<li>`, for the list that holds them.
pub fn list_items<T: IntoView + 'static>(lines: impl IntoIterator<Item = T>) -> impl IntoView {
    lines
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view()
}
