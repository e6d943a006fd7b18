//! What a laid-out diagram is: boxes, numbered step arrows, labels and callouts, with their
//! geometry, so that tests can check it and the SVG writer can draw it.

use crate::identity::Identity;
use crate::model::{Outcome, Resource, ResourceKind, StepKind};

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies entirely inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// Whether the point lies inside or on the edge of this rectangle.
    pub fn contains_point(&self, (x, y): (f32, f32)) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
}

/// What a box stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    Identity,
    /// The program or another resource.
    Resource(ResourceKind),
    /// The shares beyond the first [`DRAWN_SHARES`](crate::layout::DRAWN_SHARES), in one box:
    /// `… and 450 more shares`.
    MoreShares,
}

impl NodeKind {
    pub(crate) fn of(resource: &Resource) -> NodeKind {
        NodeKind::Resource(resource.kind())
    }

    /// The column the box is in.
    pub fn column(self) -> Column {
        match self {
            NodeKind::Resource(ResourceKind::Program) => Column::Program,
            NodeKind::Identity => Column::Identities,
            _ => Column::Resources,
        }
    }
}

/// The diagram's three columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Program,
    Identities,
    Resources,
}

/// One box: the program, an identity or a resource.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The identity id (`local-system`) or the resource id (`program`, `share:\\fs01\apps`).
    pub id: String,
    pub kind: NodeKind,
    /// The full label.
    pub label: String,
    /// The label as drawn: wrapped and shortened to fit the box.
    pub lines: Vec<String>,
    /// Smaller lines under the label, as drawn.
    pub captions: Vec<String>,
    pub rect: Rect,
    /// The tooltip: the full label and what the box is.
    pub title: String,
    /// The worst outcome of the steps on this resource; `None` for identities.
    pub outcome: Option<Outcome>,
}

impl Node {
    /// The top and bottom of everything the box draws (a stack of cards reaches lower).
    pub fn span(&self) -> (f32, f32) {
        let stack = if self.kind == NodeKind::MoreShares {
            8.0
        } else {
            0.0
        };
        (self.rect.y, self.rect.bottom() + stack)
    }
}

/// Which side of the identity column a step's arrow is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Between the program and the identity: steps on the program (schedule, run-as).
    Left,
    /// Between the identity and the resource.
    Right,
}

/// A step's reason in a box under its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    pub rect: Rect,
    /// The reason as drawn: at most [`CALLOUT_LINES`](crate::layout::CALLOUT_LINES) lines, shortened with an ellipsis.
    pub lines: Vec<String>,
    /// The whole reason (the callout's tooltip).
    pub text: String,
}

/// The connect-share steps beyond the first [`DRAWN_SHARES`](crate::layout::DRAWN_SHARES),
/// drawn as one summary row: one arrow to one box, its badge showing the range of steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Collapsed {
    /// The first and the last step it stands for (`Edge::step` is the first).
    pub first: usize,
    pub last: usize,
    /// How many steps it stands for.
    pub count: usize,
    /// How many of them have each outcome, indexed by `Outcome as usize` (ok, at risk, waits,
    /// fails).
    pub outcomes: [usize; 4],
    /// How many of them are reached.
    pub reached: usize,
    /// Whether they act as more than one identity; the arrow then comes from the first one's
    /// box and the label says `various identities`.
    pub various: bool,
    /// The width of the badge, a pill centred on `Edge::badge` that shows `55–504`.
    pub badge_w: f32,
}

impl Collapsed {
    /// `55-504`: the value of the summary's `data-steps`.
    pub fn range(&self) -> String {
        format!("{}-{}", self.first, self.last)
    }

    /// `55–504`, or `55` for one step: the badge's text.
    pub fn badge(&self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}\u{2013}{}", self.first, self.last)
        }
    }
}

/// One step: a numbered arrow with its label. For the shares beyond the first
/// [`DRAWN_SHARES`](crate::layout::DRAWN_SHARES), one summary row stands for all of their
/// steps (see [`Collapsed`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// `Step::n`; for a summary row, its first step.
    pub step: usize,
    pub kind: StepKind,
    pub outcome: Outcome,
    pub reached: bool,
    /// The identity that acts, and the id of the resource it acts on: the boxes the arrow
    /// joins.
    pub identity: Identity,
    pub resource: String,
    pub side: Side,
    /// The arrow from tail to tip, `[tail, joint, tip]`, always pointing right. The part
    /// between the identity and the joint is an S-curve with horizontal ends; the part
    /// between the joint and the program or resource box is straight and carries the label.
    pub points: [(f32, f32); 3],
    /// The centre of the number badge (radius [`BADGE_R`](crate::layout::BADGE_R)).
    pub badge: (f32, f32),
    /// The action, as drawn above the arrow: one or two lines.
    pub label: Vec<String>,
    /// `✕ fails`, `✓ ok`, ..., or `– not reached`: drawn under the arrow, followed by
    /// `after`, then the identity.
    pub status: &'static str,
    /// What follows the status: ` · ` before the identity beside it; for a step that is not
    /// reached, what it would do (` · would also fail`); for the summary row, ` · not
    /// reached` when none of its steps is, else nothing. On the status line when
    /// `after_inline`, else (without its ` · `) on the line under it.
    pub after: &'static str,
    pub after_inline: bool,
    /// The identity's name as drawn: after the status when `who_inline` (one line), else on
    /// the lines under it ([`WHO_LINE`](crate::layout::WHO_LINE) apart), whole: the summary
    /// row, a step that is not reached, and a name too long to go beside the status.
    pub who: Vec<String>,
    pub who_inline: bool,
    /// Everything the step draws in its row: badge, text, callout. Rows never overlap.
    pub label_rect: Rect,
    pub callout: Option<Callout>,
    /// The tooltip: the whole step in one sentence.
    pub title: String,
    /// `Some` for the summary row of the shares beyond the first
    /// [`DRAWN_SHARES`](crate::layout::DRAWN_SHARES): the steps it stands for. Its `outcome`
    /// is their worst, `reached` whether any of them is reached.
    pub collapsed: Option<Collapsed>,
}

impl Edge {
    /// The top and bottom of the step's row: badge, label and callout.
    pub fn row_span(&self) -> (f32, f32) {
        let r = crate::layout::BADGE_R;
        let mut top = self.label_rect.y.min(self.badge.1 - r);
        let mut bottom = self.label_rect.bottom().max(self.badge.1 + r);
        if let Some(c) = &self.callout {
            top = top.min(c.rect.y);
            bottom = bottom.max(c.rect.bottom());
        }
        (top, bottom)
    }

    /// The top and bottom of everything the step draws: its row and its arrow (from the
    /// identity's box, however far above or below).
    pub fn span(&self) -> (f32, f32) {
        let r = crate::layout::BADGE_R;
        self.points
            .iter()
            .fold(self.row_span(), |(top, bottom), &(_, y)| {
                (top.min(y - r), bottom.max(y + r))
            })
    }
}

/// A laid-out flow diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub width: f32,
    pub height: f32,
    /// `credflow: SMS 2003 Advanced Client — fails at step 4`.
    pub title: String,
    /// The diagram as text, one sentence per drawn step, in order: who acts on what, the
    /// outcome and the reason (`Step 4, Connect to share: Local System connects to
    /// \\fs01\apps — fails: …`). The page lists them for screen readers and the keyboard;
    /// the SVG's `<desc>` has the same lines ([`Diagram::desc`]).
    pub text: Vec<String>,
    /// The client, shown as the heading.
    pub heading: String,
    pub verdict: Outcome,
    /// `✕ fails at step 4`: the verdict as shown next to the heading.
    pub verdict_text: String,
    /// The x of each column's left edge, for its caption.
    pub columns: Vec<(Column, f32)>,
    pub nodes: Vec<Node>,
    /// One per step, in step order; with more than
    /// [`DRAWN_SHARES`](crate::layout::DRAWN_SHARES) shares, one summary row (with `collapsed`)
    /// stands for the steps of the rest.
    pub edges: Vec<Edge>,
    /// The plan's warnings (a lock-out risk), as wrapped lines drawn above the legend, with
    /// the baseline of the first: they go wherever the verdict goes.
    pub warnings: Vec<String>,
    pub warnings_y: f32,
    /// Baseline of the legend line at the bottom.
    pub legend_y: f32,
}

impl Diagram {
    /// The SVG's `<desc>`: the title, then [`Diagram::text`], one line each.
    pub fn desc(&self) -> String {
        let mut out = String::with_capacity(
            self.title.len() + 2 + self.text.iter().map(|t| t.len() + 1).sum::<usize>(),
        );
        out.push_str(&self.title);
        out.push('.');
        for line in &self.text {
            out.push('\n');
            out.push_str(line);
        }
        out
    }

    /// The step drawn for step `n`: `n` itself, or the first step of the summary row that
    /// stands for it (its `data-step`).
    pub fn drawn_step(&self, n: usize) -> usize {
        self.edges
            .iter()
            .filter_map(|e| e.collapsed.as_ref())
            .find(|c| (c.first..=c.last).contains(&n))
            .map_or(n, |c| c.first)
    }
}

/// What follows the status of a summary row none of whose steps is reached (the identity is on
/// the next line).
pub const NONE_REACHED: &str = " · not reached";
