//! credflow's core: the rule engine, the share-link codec, the diagram layout and the SVG
//! writer. Plain data in, plain data out: no I/O, no clock, no randomness.

pub mod availability;
pub mod choice;
pub mod compare;
pub mod diagnose;
pub mod identity;
pub mod model;
pub mod normalise;
pub mod plan;
pub mod present;
pub mod principal;
pub mod quiz;
pub mod rulebook;
pub mod rules;
pub mod scenario;
pub mod source;
pub mod vocabulary;

pub use identity::Identity;
pub use model::{Attempt, Log, Outcome, Plan, Resource, ResourceKind, Step, StepKind};
pub use normalise::{normalise, Change};
pub use plan::plan;
pub use principal::{Principal, Readers};
pub use scenario::{
    Account, Arch, Boundary, Client, Deploy, Domain, Drive, Installer, Interact, Letter, Logon,
    Mapped, Mode, Os, Role, Run, Scenario, Share, Sia, SlowMode, Source, Ui, When,
};
pub use source::SourceId;

pub mod diagram;
pub mod embed;
pub mod export;
pub mod layout;
pub mod link;
mod number;
pub mod presets;
pub mod svg;
pub mod text;

pub use diagram::{Callout, Collapsed, Column, Diagram, Edge, Node, NodeKind, Rect, Side};
pub use layout::layout;
pub use link::{decode, encode, LinkError};
pub use svg::{svg, svg_inline, svg_inline_band};

/// The SVG diagram for a scenario: `svg(&layout(&plan(s)))`. The page, the export and the CLI
/// all draw through this one function.
pub fn render(scenario: &Scenario) -> String {
    svg(&layout(&plan(scenario)))
}
