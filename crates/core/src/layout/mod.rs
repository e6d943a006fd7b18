//! Diagram layout: where every box, arrow and label of the flow diagram goes.
//!
//! Three columns, left to right: the program, the identities that act, the resources they
//! touch. Every step is one numbered arrow from its identity to its resource; the steps on the
//! program itself (schedule, run-as) are drawn from the program box to the identity, so every
//! arrow points right and the diagram reads program → identity → resource.
//!
//! Each step owns one *row* in the label lane next to its resource: the arrow's straight part,
//! its number badge, the action (one or two lines) above the arrow, the outcome and the
//! identity under it, and (for a step that is not ok) a callout with the reason. Rows never
//! share space, so labels cannot overlap however many shares there are; the diagram grows
//! taller instead. The right lane lists the resources top to bottom in the order the plan
//! first touches them. Identity boxes sit at the mean height of their rows in that lane, in
//! that order, so the arrows between identities and resources never cross; the program box
//! and its steps' rows sit level with the identities they reach. The curves between identities
//! and rows stay in their own gutters, away from every label.
//!
//! A plan may have up to 500 shares. The first [`DRAWN_SHARES`] connect-share steps are drawn
//! one row each; the rest make one summary row: one arrow to one `… and 450 more shares` box,
//! with the range of steps in its badge and their worst outcome (`summary.rs`). The findings
//! list every step.
//!
//! Text widths are estimated from the characters (DejaVu Sans metrics, the widest common
//! fallback of the `system-ui` stack), and text that does not fit is shortened with an
//! ellipsis; the full text goes into a tooltip (`title`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::diagram::{Callout, Column, Diagram, Edge, Node, NodeKind, Rect, Side, NONE_REACHED};
use crate::identity::Identity;
use crate::model::{Outcome, Plan, Resource, ResourceKind, Step};
use crate::number;
use crate::present::{self, marker, outcome_word, status, Shown};
use crate::principal::Readers;
use crate::scenario::{Account, Scenario};
use crate::text::{fit, fit_middle, text_width, wrap, Font};

mod summary;
use summary::{collapse, more_node, steps_range, summary_title, tally, More};

/// How many connect-share steps the diagram draws one by one. Beyond that, the rest are drawn
/// as one summary row: a diagram of hundreds of rows is slow to replace on every change, and
/// unreadable.
pub const DRAWN_SHARES: usize = 50;

/// The id of the summary row's box, the shares beyond the first [`DRAWN_SHARES`].
pub const MORE_SHARES_ID: &str = "more-shares";

// ── Geometry ─────────────────────────────────────────────────────────────────────────────
// Columns and lanes, left to right. Every x is fixed; only heights depend on the plan.
//
// The page shows the diagram scaled to its column: at 1366 px wide, beside the wizard, about
// 965 px for these 1000 units. The smallest text is 13 px so that it still reads at 12 px
// there (a projector's laptop width); the lanes are as narrow as their text allows.

pub const MARGIN: f32 = 14.0;
const PROGRAM_X: f32 = MARGIN;
const PROGRAM_W: f32 = 136.0;
/// The label lane of the program's steps.
const LEFT_LANE: f32 = 196.0;
/// The curves between the left lane and the identities.
const LEFT_GUTTER: f32 = 30.0;
const IDENTITY_X: f32 = PROGRAM_X + PROGRAM_W + LEFT_LANE + LEFT_GUTTER;
const IDENTITY_W: f32 = 164.0;
const RIGHT_GUTTER: f32 = 34.0;
const RIGHT_LANE_X: f32 = IDENTITY_X + IDENTITY_W + RIGHT_GUTTER;
const RIGHT_LANE: f32 = 248.0;
const RESOURCE_X: f32 = RIGHT_LANE_X + RIGHT_LANE;
const RESOURCE_W: f32 = 164.0;
/// The diagram's width (its height grows with the plan).
pub const WIDTH: f32 = RESOURCE_X + RESOURCE_W + MARGIN;

/// The baselines of the heading and of the column captions.
pub const HEADING_Y: f32 = 36.0;
pub const CAPTION_Y: f32 = 70.0;
/// Where the first row starts: below the heading and the column captions.
const TOP: f32 = 84.0;
/// A row with a one-line action and no callout.
const ROW_H: f32 = 58.0;
/// The arrow's height in a row with a one-line action; a one-row box is centred on it.
const ARROW_DY: f32 = 25.0;
/// The distance between two lines of a label, of the identity under the outcome, and of a
/// callout.
pub const LINE: f32 = 17.0;
/// The baseline of a step's last action line above its arrow, and of its outcome below it.
pub const ACTION_DY: f32 = 8.0;
pub const STATUS_DY: f32 = 18.0;
/// A box's label lines and caption lines.
pub const NODE_LINE: f32 = 17.0;
pub const CAPTION_LINE: f32 = 16.0;
/// A resource box's least height: its label and two caption lines.
const BOX_H: f32 = 60.0;
/// Space between two resources' rows.
const GROUP_GAP: f32 = 14.0;
/// Space between two identity boxes.
const IDENTITY_GAP: f32 = 20.0;
/// How far down the program's and the identities' boxes may end: within the first screen of
/// the diagram (768 pixels high at the 0.96 a 1366-pixel laptop draws it at, with room for the
/// window's top).
const FIRST_SCREEN: f32 = 640.0;
/// Space between two arrows' ends on an identity box.
const PORT_GAP: f32 = 8.0;
pub const BADGE_R: f32 = 11.0;
/// The font size of a badge's number, and the padding left and right of the summary row's
/// range (`55–504`) in its pill-shaped badge.
pub const BADGE_PX: f32 = 13.0;
const BADGE_PAD: f32 = 7.0;
/// A line of the identity under the outcome (when it does not fit beside it).
pub const WHO_LINE: f32 = LINE;
/// The arrowhead's length.
pub const HEAD: f32 = 8.0;
/// The callout's top, below the arrow (and below the identity's lines, if any).
const CALLOUT_DY: f32 = 27.0;
const CALLOUT_LINE: f32 = LINE;
/// The most lines a callout shows: nearly every reason in full; a longer one ends with an
/// ellipsis, and its callout's tooltip (`<title>`) and the diagram's text have all of it.
pub const CALLOUT_LINES: usize = 10;
/// Left and right padding of a callout's text.
pub const CALLOUT_PAD: f32 = 8.0;
/// The most lines a step's action and its identity's name take.
pub const ACTION_LINES: usize = 2;
pub const WHO_LINES: usize = 3;
/// Gaps between a label's parts and the lane's ends; the badge's (and the callout's) indent
/// after the lane's start; the gap between the badge and the text after it.
const PAD: f32 = 4.0;
const INDENT: f32 = 2.0;
pub const BADGE_GAP: f32 = 6.0;
/// Inside a box: left and right padding of its text.
const BOX_PAD: f32 = 12.0;

/// Font sizes, in px, shared with the SVG writer's style sheet. Nothing is smaller than 13 px.
pub const ACTION_PX: f32 = 13.0;
pub const SMALL_PX: f32 = 13.0;
/// The size of a warning's text under the diagram, and its line height.
pub const WARNING_PX: f32 = 13.0;
pub const WARNING_LINE: f32 = 17.0;
pub const NODE_PX: f32 = 13.0;
pub const CAPTION_PX: f32 = 13.0;
pub const MONO_PX: f32 = 13.0;
pub const HEADING_PX: f32 = 17.0;
pub const LEGEND_PX: f32 = 13.0;

/// One step's place: its row, side and resource box.
struct Row {
    step: usize,
    side: Side,
    y: f32,
    h: f32,
    /// The arrow's height below `y`: lower when the action takes two lines.
    arrow: f32,
    /// The room under the outcome line: the identity's lines, when it is not beside it.
    below: f32,
    action: Vec<String>,
    callout: Vec<String>,
    /// What follows the outcome, beside it or on the line under it.
    after: &'static str,
    after_inline: bool,
    /// The identity's name as drawn: beside the outcome (one line) or under it.
    who: Vec<String>,
    who_inline: bool,
}

impl Row {
    fn arrow_y(&self) -> f32 {
        self.y + self.arrow
    }
}

/// Lays out a plan as a left-to-right flow diagram. Deterministic: the same plan gives the
/// same diagram, whatever its size.
pub fn layout(plan: &Plan) -> Diagram {
    let s = &plan.scenario;
    // The steps as drawn: with more than `DRAWN_SHARES` shares, one stands for the rest.
    let (steps, more) = collapse(plan);
    let steps: &[Cow<'_, Step>] = &steps;

    let Groups {
        resource_ids,
        groups,
        program_steps,
        step_resource,
    } = group_by_resource(steps, more.as_ref());

    // The right lane: one row per step on a resource, grouped by resource, from the top.
    let (mut rows, group_rects, right_bottom) = right_lane(plan, steps, more.as_ref(), &groups);

    let placed = place_identities(plan, steps, &rows);
    let centre_of = |id: Identity| {
        placed
            .iter()
            .find(|p| p.0 == id)
            .map_or(TOP, |p| p.1.y + p.1.h / 2.0)
    };

    // The left lane: the program's steps, stacked level with the identities they reach, so
    // that their arrows stay short. The program box spans them.
    let left: Vec<Row> = program_steps
        .iter()
        .map(|&i| row(plan, &steps[i], Side::Left, 0.0, None, None))
        .collect();
    // The span from the first arrow to the last, to centre on the identities.
    let span = left.iter().map(|r| r.h).sum::<f32>()
        - left.last().map_or(0.0, |r| r.h - r.arrow)
        - left.first().map_or(0.0, |r| r.arrow);
    let centre = if program_steps.is_empty() {
        TOP + BOX_H / 2.0
    } else {
        program_steps
            .iter()
            .map(|&i| centre_of(steps[i].identity))
            .sum::<f32>()
            / program_steps.len() as f32
    };
    let first_arrow = left.first().map_or(ARROW_DY, |r| r.arrow);
    let program_captions = program_captions(s);
    let program_min_h = NODE_LINE + CAPTION_LINE * program_captions.len() as f32 + 20.0;
    // Like the identities' boxes, the program's ends within the first screen.
    let centre = centre.min(FIRST_SCREEN - (span + BOX_H).max(program_min_h) / 2.0);
    let mut y = ((centre - span / 2.0).max(TOP + program_min_h / 2.0) - first_arrow).round();
    let mut span_y = (f32::MAX, y + first_arrow);
    for (mut r, &i) in left.into_iter().zip(&program_steps) {
        r.y = y;
        y += r.h;
        span_y = (span_y.0.min(r.arrow_y()), r.arrow_y());
        rows[i] = Some(r);
    }
    // The program box spans its arrows and is tall enough for its lines.
    let program_rect = {
        let (first, last) = (span_y.0.min(span_y.1), span_y.1);
        let mid = (first + last) / 2.0;
        let h = (last - first + BOX_H).max(program_min_h);
        Rect::new(PROGRAM_X, (mid - h / 2.0).round(), PROGRAM_W, h)
    };
    let left_bottom = y;
    // Every step now has a row, so `rows[i]` is step i's.
    let rows: Vec<Row> = rows.into_iter().flatten().collect();

    // Arrows, each from its identity's port.
    let port_y = ports(steps, &rows, &placed);
    let mut edges: Vec<Edge> = Vec::with_capacity(steps.len());
    for ((i, step), r) in steps.iter().enumerate().zip(rows) {
        let ay = r.arrow_y();
        let (points, lane_x, lane_w) = match r.side {
            Side::Left => (
                [
                    (PROGRAM_X + PROGRAM_W, ay),
                    (PROGRAM_X + PROGRAM_W + LEFT_LANE, ay),
                    (IDENTITY_X, port_y[i]),
                ],
                PROGRAM_X + PROGRAM_W,
                LEFT_LANE,
            ),
            Side::Right => (
                [
                    (IDENTITY_X + IDENTITY_W, port_y[i]),
                    (RIGHT_LANE_X, ay),
                    (RESOURCE_X, ay),
                ],
                RIGHT_LANE_X,
                RIGHT_LANE - HEAD,
            ),
        };
        let resource = match step_resource[i] {
            None => Resource::Program.id(),
            Some(g) => resource_ids[g].clone(),
        };
        let summary = more.as_ref().filter(|m| m.at == i);
        edges.push(edge(
            plan, step, resource, r, points, lane_x, lane_w, summary,
        ));
    }

    // Boxes: the program, the identities, the resources.
    let mut nodes: Vec<Node> = Vec::with_capacity(2 + placed.len() + groups.len());
    nodes.push(program_node(
        plan,
        program_rect,
        &program_steps,
        program_captions,
    ));
    for (id, rect, lines, captions) in placed {
        nodes.push(identity_node(plan, id, rect, lines, captions));
    }
    for (g, rect) in group_rects.into_iter().enumerate() {
        let resource = &steps[groups[g][0]].resource;
        // A box shows how the steps that reach it turn out: one that never runs (an earlier
        // step fails) colours nothing.
        let worst = groups[g]
            .iter()
            .filter(|&&i| steps[i].reached)
            .map(|&i| steps[i].outcome)
            .max();
        if let Some(m) = more.as_ref().filter(|m| groups[g][0] == m.at) {
            nodes.push(more_node(&m.collapsed, rect, worst));
            continue;
        }
        nodes.push(resource_node(
            s,
            resource,
            resource_ids[g].clone(),
            rect,
            worst,
        ));
    }

    let bottom = nodes
        .iter()
        .map(|n| n.rect.bottom())
        .chain(edges.iter().map(|e| e.label_rect.bottom()))
        .fold(left_bottom.max(right_bottom), f32::max);
    // The warnings, under the diagram and above the legend.
    let warnings: Vec<String> = present::warnings(plan)
        .into_iter()
        .flat_map(|w| {
            wrap(
                &cat(&["⚠ ", w]),
                WIDTH - 2.0 * MARGIN,
                WARNING_PX,
                Font::Regular,
                4,
            )
        })
        .collect();
    let warnings_y = (bottom + 30.0).round();
    let legend_y = if warnings.is_empty() {
        warnings_y
    } else {
        (warnings_y + WARNING_LINE * warnings.len() as f32 + 14.0).round()
    };

    let (title, verdict_text) = titles(plan);
    Diagram {
        width: WIDTH,
        height: legend_y + MARGIN,
        text: describe(plan, steps, more.as_ref()),
        title,
        heading: s.client.label().to_string(),
        verdict: plan.verdict,
        verdict_text,
        columns: vec![
            (Column::Program, PROGRAM_X),
            (Column::Identities, IDENTITY_X),
            (Column::Resources, RESOURCE_X),
        ],
        nodes,
        edges,
        warnings,
        warnings_y,
        legend_y,
    }
}

/// The resources in order of first appearance, and which steps each groups in one box.
struct Groups {
    /// Each resource's id (the summary row's: [`MORE_SHARES_ID`]).
    resource_ids: Vec<String>,
    /// The steps on each resource, in order.
    groups: Vec<Vec<usize>>,
    /// The steps on the program itself (the left lane).
    program_steps: Vec<usize>,
    /// Each step's resource group; `None` for a step on the program.
    step_resource: Vec<Option<usize>>,
}

/// Phase 1: the resources. Steps on one resource are grouped in one box, in order of first
/// appearance.
fn group_by_resource(steps: &[Cow<'_, Step>], more: Option<&More>) -> Groups {
    let mut resource_ids: Vec<String> = Vec::new();
    let mut resource_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut program_steps: Vec<usize> = Vec::new();
    let mut step_resource: Vec<Option<usize>> = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        if step.resource == Resource::Program {
            program_steps.push(i);
            step_resource.push(None);
            continue;
        }
        let id = if more.is_some_and(|m| m.at == i) {
            MORE_SHARES_ID.to_string()
        } else {
            step.resource.id()
        };
        let g = match resource_of.get(&id) {
            Some(&g) => g,
            None => {
                resource_of.insert(id.clone(), groups.len());
                resource_ids.push(id);
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].push(i);
        step_resource.push(Some(g));
    }
    Groups {
        resource_ids,
        groups,
        program_steps,
        step_resource,
    }
}

/// An identity's box: where it is, its name's lines and its captions.
type Placed = (Identity, Rect, Vec<String>, Vec<String>);

/// Phase 2: the right lane, from the top: a row for each step on a resource, grouped by
/// resource, and each group's box. Returns the rows by step (`None` for the program's steps,
/// placed later), the boxes, and where the lane ends.
fn right_lane(
    plan: &Plan,
    steps: &[Cow<'_, Step>],
    more: Option<&More>,
    groups: &[Vec<usize>],
) -> (Vec<Option<Row>>, Vec<Rect>, f32) {
    let mut rows: Vec<Option<Row>> = (0..steps.len()).map(|_| None).collect();
    let mut group_rects: Vec<Rect> = Vec::with_capacity(groups.len());
    let mut y = TOP;
    // The first row (from the top) to show each reason: a later row with the same reason says
    // so in one line instead of repeating it (fifty shares that fail alike would otherwise
    // repeat one paragraph fifty times). Its callout's tooltip still has the whole reason.
    // (Distinct reasons are few: a list is enough.)
    let mut first_with: Vec<(&str, usize)> = Vec::new();
    for group in groups {
        let (mut top, mut last) = (f32::MAX, y);
        for &i in group {
            let step = &steps[i];
            let same_as = if more.is_some_and(|m| m.at == i) || step.outcome == Outcome::Ok {
                None
            } else {
                let first = first_with.iter().find(|(r, _)| *r == step.reason);
                match first {
                    Some(&(_, n)) => Some(n),
                    None => {
                        first_with.push((&step.reason, step.n));
                        None
                    }
                }
            };
            let summary = more.filter(|m| m.at == i);
            let r = row(plan, step, Side::Right, y, summary, same_as);
            top = top.min(r.arrow_y());
            last = r.arrow_y();
            y += r.h;
            rows[i] = Some(r);
        }
        let (top, bottom) = (top - BOX_H / 2.0, last + BOX_H / 2.0);
        group_rects.push(Rect::new(RESOURCE_X, top, RESOURCE_W, bottom - top));
        y += GROUP_GAP;
    }
    (rows, group_rects, y - GROUP_GAP)
}

/// Phase 3: the identities, from the rows of the right lane (`rows`, by step; the left lane's
/// are not placed yet).
fn place_identities(plan: &Plan, steps: &[Cow<'_, Step>], rows: &[Option<Row>]) -> Vec<Placed> {
    // Identities, each at the mean height of its rows in the right lane, in that order: the
    // arrows between identities and resources then do not cross. Ties (and identities that
    // only act on the program) keep the order of their first step.
    let mut order: Vec<(f32, usize, Identity)> = Vec::with_capacity(8);
    for (i, step) in steps.iter().enumerate() {
        if order.iter().any(|o| o.2 == step.identity) {
            continue;
        }
        let (sum, k) = rows
            .iter()
            .zip(steps)
            .filter_map(|(r, st)| r.as_ref().filter(|_| st.identity == step.identity))
            .fold((0.0, 0), |(sum, k), r| (sum + r.arrow_y(), k + 1));
        let centre = if k == 0 { TOP } else { sum / k as f32 };
        order.push((centre, i, step.identity));
    }
    order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut placed: Vec<Placed> = Vec::with_capacity(order.len());
    let mut floor = TOP;
    for &(centre, _, id) in &order {
        let lines = wrap(
            plan.identity_name(id),
            IDENTITY_W - 2.0 * BOX_PAD,
            NODE_PX,
            Font::Bold,
            3,
        );
        let captions = identity_captions(plan, id);
        let ports = |on_program: bool| {
            steps
                .iter()
                .filter(|st| st.identity == id && (st.resource == Resource::Program) == on_program)
                .count()
        };
        let ports = ports(true).max(ports(false));
        // Its name, its captions, and padding; or room for its arrows' ends.
        let h = (lines.len() as f32 * NODE_LINE + captions.len() as f32 * CAPTION_LINE + 22.0)
            .max(20.0 + PORT_GAP * ports as f32);
        let top = (centre - h / 2.0).max(floor).round();
        placed.push((
            id,
            Rect::new(IDENTITY_X, top, IDENTITY_W, h),
            lines,
            captions,
        ));
        floor = top + h + IDENTITY_GAP;
    }
    // Many shares put the middle of the rows far down: boxes centred there would leave the
    // first screen of the diagram showing arrows that start out of sight. The boxes rise, in
    // the same order (so no arrows cross that did not), until the last ends within the first
    // screen, as far as they fit under the top; the program's box follows them.
    let mut ceiling = FIRST_SCREEN;
    for (_, rect, _, _) in placed.iter_mut().rev() {
        rect.y = rect.y.min((ceiling - rect.h).round());
        ceiling = rect.y - IDENTITY_GAP;
    }
    let mut floor = TOP;
    for (_, rect, _, _) in placed.iter_mut() {
        rect.y = rect.y.max(floor);
        floor = rect.y + rect.h + IDENTITY_GAP;
    }
    placed
}

/// Phase 4: each step's port on its identity's box, by step.
fn ports(steps: &[Cow<'_, Step>], rows: &[Row], placed: &[Placed]) -> Vec<f32> {
    // Arrows. Each identity's ports are spread along its side, in the order of their rows, so
    // that arrows from one identity do not cross each other.
    let mut port_y = vec![0.0f32; steps.len()];
    for (id, rect, _, _) in placed {
        for side in [Side::Left, Side::Right] {
            let mut mine: Vec<usize> = (0..steps.len())
                .filter(|&i| steps[i].identity == *id && rows[i].side == side)
                .collect();
            mine.sort_by(|&a, &b| rows[a].y.total_cmp(&rows[b].y));
            let k = mine.len();
            let spacing = if k > 1 {
                ((rect.h - 20.0) / (k - 1) as f32).min(10.0)
            } else {
                0.0
            };
            let mid = rect.y + rect.h / 2.0;
            for (j, &i) in mine.iter().enumerate() {
                port_y[i] = round1(mid + (j as f32 - (k as f32 - 1.0) / 2.0) * spacing);
            }
        }
    }
    port_y
}

/// A step's row at height `y`: taller when its action takes two lines, when its identity does
/// not fit beside its outcome, and when it has a callout. `summary`: for the summary row, what
/// it stands for. `same_as`: the step above with the same reason, which its callout names
/// instead of repeating the reason.
fn row(
    plan: &Plan,
    step: &Step,
    side: Side,
    y: f32,
    summary: Option<&More>,
    same_as: Option<usize>,
) -> Row {
    // How much wider than a number's round badge the summary's pill is.
    let extra = summary.map_or(0.0, |m| m.collapsed.badge_w - 2.0 * BADGE_R);
    let text_w = lane_text_w(side) - extra;
    let action = wrap(&step.action, text_w, ACTION_PX, Font::Regular, ACTION_LINES);
    let arrow = ARROW_DY + LINE * action.len().saturating_sub(1) as f32;
    // Under the arrow: the outcome, what follows it, and the identity, on one line when they
    // fit there; else what follows and the identity go on lines of their own (the summary
    // row and a step that is not reached always have the identity under it). Never cut.
    let name = who_name(plan, step, summary);
    let (status, after) = status_of(step, summary.is_some());
    let status_w = text_width(status, SMALL_PX, Font::Bold);
    let beside = text_w - status_w - text_width(after, SMALL_PX, Font::Regular);
    let plain = summary.is_none() && step.reached;
    let who_inline = plain && text_width(name, SMALL_PX, Font::Regular) <= beside;
    // ` · ` only separates the identity from the status.
    let after = if plain && !who_inline { "" } else { after };
    let after_inline = status_w + text_width(after, SMALL_PX, Font::Regular) <= text_w;
    let who = if who_inline {
        vec![fit(name, beside, SMALL_PX, Font::Regular)]
    } else {
        wrap(name, text_w, SMALL_PX, Font::Regular, WHO_LINES)
    };
    let lines_below = usize::from(!after_inline) + if who_inline { 0 } else { who.len() };
    let below = WHO_LINE * lines_below as f32;
    let callout = if step.outcome == Outcome::Ok {
        Vec::new()
    } else if let Some(n) = same_as {
        wrap(
            &cat(&["Same reason as step ", number::whole(n, &mut [0; 20]), "."]),
            callout_text_w(side),
            SMALL_PX,
            Font::Regular,
            CALLOUT_LINES,
        )
    } else {
        wrap(
            &step.reason,
            callout_text_w(side),
            SMALL_PX,
            Font::Regular,
            CALLOUT_LINES,
        )
    };
    let h = if callout.is_empty() {
        arrow + ROW_H - ARROW_DY + below
    } else {
        arrow + CALLOUT_DY + below + callout_h(callout.len()) + 10.0
    };
    Row {
        step: step.n,
        side,
        y,
        h,
        arrow,
        below,
        action,
        callout,
        after,
        after_inline,
        who,
        who_inline,
    }
}

/// The name of the identity that acts, as a step's label gives it.
fn who_name<'a>(plan: &'a Plan, step: &Step, summary: Option<&More>) -> &'a str {
    match summary {
        Some(m) if m.collapsed.various => "various identities",
        _ => plan.identity_name(step.identity),
    }
}

/// The outcome under a step's arrow and what follows it: `✕ fails`, ` · ` (then the
/// identity); for a step that is not reached, `– not reached`, ` · would also fail`; for the
/// summary row, nothing, or ` · not reached` when none of its steps is.
fn status_of(step: &Step, summary: bool) -> (&'static str, &'static str) {
    match (summary, step.reached) {
        (true, true) => (status(step.outcome), ""),
        (true, false) => (status(step.outcome), NONE_REACHED),
        (false, true) => (status(step.outcome), " · "),
        (false, false) => ("– not reached", would_after(step.outcome)),
    }
}

/// The width of a callout's text: the callout starts under the badge and ends with the lane.
fn callout_text_w(side: Side) -> f32 {
    lane_w(side) - 2.0 * PAD - INDENT - 2.0 * CALLOUT_PAD
}

fn lane_w(side: Side) -> f32 {
    match side {
        Side::Left => LEFT_LANE,
        Side::Right => RIGHT_LANE - HEAD,
    }
}

fn callout_h(lines: usize) -> f32 {
    10.0 + CALLOUT_LINE * lines as f32
}

/// The width left for a step's text in its lane, after the badge.
fn lane_text_w(side: Side) -> f32 {
    lane_w(side) - 2.0 * PAD - INDENT - 2.0 * BADGE_R - BADGE_GAP
}

#[allow(clippy::too_many_arguments)]
fn edge(
    plan: &Plan,
    step: &Step,
    resource: String,
    r: Row,
    points: [(f32, f32); 3],
    lane_x: f32,
    lane_w: f32,
    more: Option<&More>,
) -> Edge {
    let ay = r.arrow_y();
    // A round badge, or the summary's pill, its left end where the round one's is.
    let badge_w = more.map_or(2.0 * BADGE_R, |m| m.collapsed.badge_w);
    let badge = (lane_x + PAD + INDENT + badge_w / 2.0, ay);
    let who_name = who_name(plan, step, more);
    let status = status_of(step, more.is_some()).0;
    let bottom = if r.callout.is_empty() {
        ay + STATUS_DY + 5.0 + r.below
    } else {
        ay + CALLOUT_DY + r.below + callout_h(r.callout.len())
    };
    let callout = (!r.callout.is_empty()).then(|| Callout {
        rect: Rect::new(
            lane_x + PAD + INDENT,
            ay + CALLOUT_DY + r.below,
            lane_w - 2.0 * PAD - INDENT,
            callout_h(r.callout.len()),
        ),
        lines: r.callout,
        text: match more {
            // Which step the reason is from.
            Some(m) => cat(&[
                "Step ",
                number::whole(m.worst, &mut [0; 20]),
                ", the first of these with the worst outcome (",
                outcome_word(step.outcome),
                "): ",
                &step.reason,
            ]),
            None => step.reason.clone(),
        },
    });
    let title = match more {
        Some(m) => summary_title(&m.collapsed),
        // The reason is in the callout's own tooltip (and in the page's details), not here:
        // repeated for every share of a large plan it would double the SVG's size.
        None => cat(&[
            "Step ",
            number::whole(step.n, &mut [0; 20]),
            ", ",
            step.step.label(),
            ": ",
            who_name,
            " ",
            &step.action,
            " — ",
            Shown::of(step).words(),
            if step.reached {
                ""
            } else {
                not_reached_suffix(step.outcome)
            },
            ".",
        ]),
    };
    Edge {
        step: r.step,
        kind: step.step,
        outcome: step.outcome,
        reached: step.reached,
        identity: step.identity,
        resource,
        side: r.side,
        points,
        badge,
        label: r.action,
        status,
        after: r.after,
        after_inline: r.after_inline,
        who: r.who,
        who_inline: r.who_inline,
        label_rect: Rect::new(
            lane_x + PAD,
            r.y + 2.0,
            lane_w - 2.0 * PAD,
            bottom - r.y - 2.0,
        ),
        callout,
        title,
        collapsed: more.map(|m| m.collapsed.clone()),
    }
}

/// The program box's captions: the run mode, then the installer on up to three lines.
fn program_captions(s: &Scenario) -> Vec<String> {
    let w = PROGRAM_W - 2.0 * BOX_PAD;
    std::iter::once(fit(run_short(s), w, CAPTION_PX, Font::Regular))
        .chain(wrap(s.installer.label(), w, CAPTION_PX, Font::Regular, 3))
        .collect()
}

fn program_node(plan: &Plan, rect: Rect, steps: &[usize], captions: Vec<String>) -> Node {
    let s = &plan.scenario;
    let worst = steps
        .iter()
        .filter(|&&i| plan.steps[i].reached)
        .map(|&i| plan.steps[i].outcome)
        .max();
    Node {
        id: Resource::Program.id(),
        kind: NodeKind::Resource(ResourceKind::Program),
        label: "Program".into(),
        lines: vec!["Program".into()],
        captions,
        rect,
        title: cat(&[
            "The advertised program: ",
            s.run.label(),
            "; ",
            s.when.label(),
            "; ",
            s.installer.label(),
            "; files: ",
            s.source.label(),
            ".",
        ]),
        outcome: worst,
    }
}

fn run_short(s: &Scenario) -> &'static str {
    match s.run {
        crate::scenario::Run::Admin => "admin rights",
        crate::scenario::Run::User => "user's rights",
    }
}

/// A site account the plan names but the site does not have: the step that needs it fails,
/// and its box says why.
fn not_configured(s: &Scenario, id: Identity) -> bool {
    match id {
        Identity::NetworkAccessAccount => s.naa == Account::None,
        Identity::SoftwareInstallationAccount => s.siacct == Account::None,
        _ => false,
    }
}

/// An identity box's captions: the steps it acts in, and whether the site lacks it.
fn identity_captions(plan: &Plan, id: Identity) -> Vec<String> {
    let numbers: Vec<usize> = plan
        .steps
        .iter()
        .filter(|s| s.identity == id)
        .map(|s| s.n)
        .collect();
    let mut caption = step_list(&numbers);
    if not_configured(&plan.scenario, id) {
        caption.push_str(" · not configured");
    }
    wrap(
        &caption,
        IDENTITY_W - 2.0 * BOX_PAD,
        CAPTION_PX,
        Font::Regular,
        2,
    )
}

fn identity_node(
    plan: &Plan,
    id: Identity,
    rect: Rect,
    lines: Vec<String>,
    captions: Vec<String>,
) -> Node {
    let name = plan.identity_name(id);
    let mut title = cat(&[name, ": ", id.help(), " On the network it counts as "]);
    let counts_as = id.counts_as(plan.scenario.domain, plan.scenario.role);
    if counts_as.is_empty() {
        title.push_str("nobody");
    }
    for (i, p) in counts_as.iter().enumerate() {
        if i > 0 {
            title.push_str(", ");
        }
        title.push_str(p.label());
    }
    title.push('.');
    if not_configured(&plan.scenario, id) {
        title.push_str(" The site has none configured.");
    }
    Node {
        id: id.key().to_string(),
        kind: NodeKind::Identity,
        label: name.to_string(),
        lines,
        captions,
        rect,
        title,
        outcome: None,
    }
}

fn resource_node(
    s: &Scenario,
    resource: &Resource,
    id: String,
    rect: Rect,
    worst: Option<Outcome>,
) -> Node {
    let w = RESOURCE_W - 2.0 * BOX_PAD;
    let readers = |r: Readers| cat(&["readers: ", &r.labels()]);
    let (label, line, caption, what) = match resource {
        Resource::Share(unc) => {
            let r = s
                .shares
                .iter()
                .find(|sh| sh.unc == *unc)
                .map_or(Readers::NONE, |sh| sh.readers);
            (
                unc.clone(),
                fit_middle(unc, w, MONO_PX, Font::Mono),
                readers(r),
                "a non-SMS share",
            )
        }
        Resource::DistributionPoint => (
            "Distribution point".to_string(),
            "Distribution point".to_string(),
            readers(s.dpacl),
            "the package share on the SMS distribution point",
        ),
        Resource::LocalMachine => (
            "Local machine".to_string(),
            "Local machine".to_string(),
            "HKLM, Program Files".to_string(),
            "HKLM and Program Files of the target computer",
        ),
        Resource::MappedDrive => (
            "Mapped drive".to_string(),
            "Mapped drive".to_string(),
            "the user's drive letter".to_string(),
            "a drive letter mapped in the user's own logon session",
        ),
        Resource::Desktop => (
            "Desktop".to_string(),
            "Desktop".to_string(),
            "the installer's dialogs".to_string(),
            "where the installer's dialogs appear and wait for an answer",
        ),
        Resource::UserProfile | Resource::Program => (
            "Account's profile".to_string(),
            "Account's profile".to_string(),
            "HKCU, profile folders".to_string(),
            "the profile and HKCU of the account that runs the program",
        ),
    };
    let title = cat(&[&label, ": ", what, "; ", &caption, "."]);
    let line = match resource {
        Resource::Share(_) => line,
        _ => fit(&line, w, NODE_PX, Font::Bold),
    };
    Node {
        id,
        kind: NodeKind::of(resource),
        label,
        lines: vec![line],
        // Two lines: "readers: Domain Users, Domain Computers" does not fit one at 13 px.
        captions: wrap(&caption, w, CAPTION_PX, Font::Regular, 2),
        rect,
        title,
        outcome: worst,
    }
}

/// `step 3`, `steps 1, 2, 5`, `steps 4–53`: runs of consecutive numbers are shortened.
fn step_list(numbers: &[usize]) -> String {
    let mut out = String::from(if numbers.len() == 1 {
        "step "
    } else {
        "steps "
    });
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(number::whole(numbers[i], &mut [0; 20]));
        if j > i {
            out.push_str(if j > i + 1 { "–" } else { ", " });
            out.push_str(number::whole(numbers[j], &mut [0; 20]));
        }
        i = j + 1;
    }
    out
}

/// The SVG's title and the verdict text next to the heading: `✕ fails at Install (step 4)`.
fn titles(plan: &Plan) -> (String, String) {
    let verdict = present::verdict_short(plan);
    (
        cat(&["credflow: ", plan.scenario.client.label(), " — ", &verdict]),
        cat(&[marker(plan.verdict), " ", &verdict]),
    )
}

/// The diagram as text: one sentence per drawn step, in order, with who acts on what, the
/// outcome and the reason; a reason an earlier step already gave is named, not repeated
/// (fifty shares that fail alike). The summary row: the range of steps it stands for, how they
/// turn out, and the reason of the first with the worst outcome.
fn describe(plan: &Plan, steps: &[Cow<'_, Step>], more: Option<&More>) -> Vec<String> {
    let mut out = Vec::with_capacity(steps.len());
    let mut told: Vec<(&str, usize)> = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let mut line = String::with_capacity(160 + step.reason.len());
        if let Some(m) = more.filter(|m| m.at == i) {
            let c = &m.collapsed;
            for part in [
                &steps_range(c, "Step"),
                ", ",
                step.step.label(),
                ": ",
                who_name(plan, step, Some(m)),
                " ",
                &step.action,
                " — ",
                &tally(&c.outcomes, ", "),
            ] {
                line.push_str(part);
            }
            if c.reached < c.count {
                line.push_str(", ");
                line.push_str(number::whole(c.count - c.reached, &mut [0; 20]));
                line.push_str(" not reached");
            }
            for part in [
                "; step ",
                number::whole(m.worst, &mut [0; 20]),
                ", the first with the worst outcome: ",
                &step.reason,
                " The findings list every step.",
            ] {
                line.push_str(part);
            }
            out.push(line);
            continue;
        }
        for part in [
            "Step ",
            number::whole(step.n, &mut [0; 20]),
            ", ",
            step.step.label(),
            ": ",
            plan.identity_name(step.identity),
            " ",
            &step.action,
            " — ",
            &present::state_words(step),
            ": ",
        ] {
            line.push_str(part);
        }
        match told.iter().find(|(r, _)| *r == step.reason) {
            Some(&(_, n)) => {
                line.push_str("same reason as step ");
                line.push_str(number::whole(n, &mut [0; 20]));
                line.push('.');
            }
            None => {
                told.push((&step.reason, step.n));
                line.push_str(&step.reason);
            }
        }
        out.push(line);
    }
    out
}

/// What follows a not-reached step's status (its identity is on the next line):
/// ` · would also fail`.
fn would_after(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Ok => " · would succeed",
        Outcome::AtRisk => " · would be at risk",
        Outcome::Waits => " · would wait",
        Outcome::Fails => " · would also fail",
    }
}

/// What a not-reached step would do, in its tooltip and the diagram's description.
fn not_reached_suffix(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Ok => " (it would succeed)",
        Outcome::AtRisk => " (it would be at risk)",
        Outcome::Waits => " (it would wait)",
        Outcome::Fails => " (it would also fail)",
    }
}

/// The parts joined, in one allocation.
fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

fn round1(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}
