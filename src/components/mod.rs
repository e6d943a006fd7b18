//! The page's parts. Each reads the [`Store`](crate::state::Store) from context.

pub mod choice_group;
pub mod diagram;
pub mod findings;
pub mod notice;
pub mod shares;
pub mod toolbar;
pub mod verdict;
pub mod wizard;
