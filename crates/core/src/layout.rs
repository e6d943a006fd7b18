//! Diagram layout: placeholder until the layout lands.

use crate::model::Plan;

/// A laid-out flow diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub width: f32,
    pub height: f32,
}

/// Lays out a plan as a left-to-right flow diagram.
pub fn layout(_plan: &Plan) -> Diagram {
    Diagram {
        width: 0.0,
        height: 0.0,
    }
}
