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

use crate::diagram::{Callout, Column, Diagram, Edge, Node, NodeKind, Rect, Side};
use crate::identity::Identity;
use crate::model::{Outcome, Plan, Resource, Step};
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

pub const MARGIN: f32 = 20.0;
const PROGRAM_X: f32 = MARGIN;
const PROGRAM_W: f32 = 140.0;
/// The label lane of the program's steps.
const LEFT_LANE: f32 = 216.0;
/// The curves between the left lane and the identities.
const LEFT_GUTTER: f32 = 44.0;
const IDENTITY_X: f32 = PROGRAM_X + PROGRAM_W + LEFT_LANE + LEFT_GUTTER;
const IDENTITY_W: f32 = 192.0;
const RIGHT_GUTTER: f32 = 52.0;
const RIGHT_LANE_X: f32 = IDENTITY_X + IDENTITY_W + RIGHT_GUTTER;
const RIGHT_LANE: f32 = 266.0;
const RESOURCE_X: f32 = RIGHT_LANE_X + RIGHT_LANE;
const RESOURCE_W: f32 = 204.0;
const WIDTH: f32 = RESOURCE_X + RESOURCE_W + MARGIN;

/// Where the first row starts: below the heading and the column captions.
const TOP: f32 = 88.0;
/// A row with a one-line action and no callout.
const ROW_H: f32 = 52.0;
/// The arrow's height in a row with a one-line action; a one-row box is centred on it.
const ARROW_DY: f32 = 22.0;
/// The distance between two lines of a label.
pub const LINE: f32 = 15.0;
const BOX_H: f32 = 44.0;
/// The program box's least height: its name, run mode and installer.
const PROGRAM_MIN_H: f32 = 84.0;
/// Space between two resources' rows.
const GROUP_GAP: f32 = 14.0;
/// Space between two identity boxes.
const IDENTITY_GAP: f32 = 20.0;
/// Space between two arrows' ends on an identity box.
const PORT_GAP: f32 = 8.0;
pub const BADGE_R: f32 = 10.0;
/// The font size of a badge's number, and the padding left and right of the summary row's
/// range (`55–504`) in its pill-shaped badge.
pub const BADGE_PX: f32 = 11.0;
const BADGE_PAD: f32 = 7.0;
/// The summary row has the identity on its own line, under the outcome: the range badge leaves
/// too little room beside it.
pub const WHO_LINE: f32 = 14.0;
/// The arrowhead's length.
pub const HEAD: f32 = 8.0;
/// The callout's top, below the arrow.
const CALLOUT_DY: f32 = 24.0;
const CALLOUT_LINE: f32 = 14.0;
/// The most lines a callout shows.
pub const CALLOUT_LINES: usize = 3;
/// Left and right padding of a callout's text.
pub const CALLOUT_PAD: f32 = 8.0;
/// Gaps between a label's parts and the lane's ends.
const PAD: f32 = 6.0;
/// Inside a box: left and right padding of its text.
const BOX_PAD: f32 = 12.0;

/// Font sizes, in px, shared with the SVG writer's style sheet.
pub const ACTION_PX: f32 = 12.0;
pub const SMALL_PX: f32 = 11.0;
/// The size of a warning's text under the diagram, and its line height.
pub const WARNING_PX: f32 = 12.0;
const WARNING_LINE: f32 = 16.0;
pub const NODE_PX: f32 = 12.0;
pub const CAPTION_PX: f32 = 10.5;
pub const MONO_PX: f32 = 11.5;

/// One step's place: its row, side and resource box.
struct Row {
    step: usize,
    side: Side,
    y: f32,
    h: f32,
    /// The arrow's height below `y`: lower when the action takes two lines.
    arrow: f32,
    /// The room under the outcome line: [`WHO_LINE`] for the summary row.
    below: f32,
    action: Vec<String>,
    callout: Vec<String>,
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
    let is_more = |i: usize| more.as_ref().is_some_and(|m| m.at == i);
    // How much wider than a number's round badge the summary's pill is.
    let extra = more
        .as_ref()
        .map_or(0.0, |m| m.collapsed.badge_w - 2.0 * BADGE_R);

    // Resources in order of first appearance; steps on one resource are grouped in one box.
    let mut resource_ids: Vec<String> = Vec::new();
    let mut resource_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut program_steps: Vec<usize> = Vec::new();
    let mut step_resource: Vec<usize> = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        if step.resource == Resource::Program {
            program_steps.push(i);
            step_resource.push(usize::MAX);
            continue;
        }
        let id = if is_more(i) {
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
        step_resource.push(g);
    }

    // The right lane: one row per step, grouped by resource, from the top.
    let mut rows: Vec<Option<Row>> = (0..steps.len()).map(|_| None).collect();
    let mut group_rects: Vec<Rect> = Vec::with_capacity(groups.len());
    let mut y = TOP;
    // The first row (from the top) to show each reason: a later row with the same reason says
    // so in one line instead of repeating it (fifty shares that fail alike would otherwise
    // repeat one paragraph fifty times). Its callout's tooltip still has the whole reason.
    // (Distinct reasons are few: a list is enough.)
    let mut first_with: Vec<(&str, usize)> = Vec::new();
    for group in &groups {
        let (mut top, mut last) = (f32::MAX, y);
        for &i in group {
            let step = &steps[i];
            let same_as = if is_more(i) || step.outcome == Outcome::Ok {
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
            let r = row(step, Side::Right, y, is_more(i).then_some(extra), same_as);
            top = top.min(r.arrow_y());
            last = r.arrow_y();
            y += r.h;
            rows[i] = Some(r);
        }
        let (top, bottom) = (top - BOX_H / 2.0, last + BOX_H / 2.0);
        group_rects.push(Rect::new(RESOURCE_X, top, RESOURCE_W, bottom - top));
        y += GROUP_GAP;
    }
    let right_bottom = y - GROUP_GAP;

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
    let mut placed: Vec<(Identity, Rect, Vec<String>)> = Vec::with_capacity(order.len());
    let mut floor = TOP;
    for &(centre, _, id) in &order {
        let lines = wrap(
            plan.identity_name(id),
            IDENTITY_W - 2.0 * BOX_PAD,
            NODE_PX,
            Font::Bold,
            2,
        );
        let ports = |on_program: bool| {
            steps
                .iter()
                .filter(|st| st.identity == id && (st.resource == Resource::Program) == on_program)
                .count()
        };
        let ports = ports(true).max(ports(false));
        let h = (lines.len() as f32 * 16.0 + 36.0).max(20.0 + PORT_GAP * ports as f32);
        let top = (centre - h / 2.0).max(floor).round();
        placed.push((id, Rect::new(IDENTITY_X, top, IDENTITY_W, h), lines));
        floor = top + h + IDENTITY_GAP;
    }
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
        .map(|&i| row(&steps[i], Side::Left, 0.0, None, None))
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
    let mut y = ((centre - span / 2.0).max(TOP + PROGRAM_MIN_H / 2.0) - first_arrow).round();
    let mut span_y = (f32::MAX, y + first_arrow);
    for (mut r, &i) in left.into_iter().zip(&program_steps) {
        r.y = y;
        y += r.h;
        span_y = (span_y.0.min(r.arrow_y()), r.arrow_y());
        rows[i] = Some(r);
    }
    // The program box spans its arrows and is tall enough for its four lines.
    let program_rect = {
        let (first, last) = (span_y.0.min(span_y.1), span_y.1);
        let mid = (first + last) / 2.0;
        let h = (last - first + BOX_H).max(PROGRAM_MIN_H);
        Rect::new(PROGRAM_X, (mid - h / 2.0).round(), PROGRAM_W, h)
    };
    let left_bottom = y;
    // Every step now has a row, so `rows[i]` is step i's.
    let rows: Vec<Row> = rows.into_iter().flatten().collect();

    // Arrows. Each identity's ports are spread along its side, in the order of their rows, so
    // that arrows from one identity do not cross each other.
    let mut edges: Vec<Edge> = Vec::with_capacity(steps.len());
    let mut port_y = vec![0.0f32; steps.len()];
    for (id, rect, _) in &placed {
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
            usize::MAX => Resource::Program.id(),
            g => resource_ids[g].clone(),
        };
        let summary = more.as_ref().filter(|m| m.at == i);
        edges.push(edge(
            plan, step, resource, r, points, lane_x, lane_w, summary,
        ));
    }

    // Boxes: the program, the identities, the resources.
    let mut nodes: Vec<Node> = Vec::with_capacity(2 + placed.len() + groups.len());
    nodes.push(program_node(plan, program_rect, &program_steps));
    for (id, rect, lines) in placed {
        nodes.push(identity_node(plan, id, rect, lines));
    }
    for (g, rect) in group_rects.into_iter().enumerate() {
        let resource = &steps[groups[g][0]].resource;
        let worst = groups[g].iter().map(|&i| steps[i].outcome).max();
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
        desc: describe(plan, &title, steps, more.as_ref()),
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

/// A step's row at height `y`: taller when its action takes two lines, and when it has a
/// callout. `summary`: for the summary row, how much wider than a round badge its badge is.
/// `same_as`: the step above with the same reason, which its callout names instead of
/// repeating the reason.
fn row(step: &Step, side: Side, y: f32, summary: Option<f32>, same_as: Option<usize>) -> Row {
    let extra = summary.unwrap_or(0.0);
    // The summary row, and a step that is not reached (its status says what it would do),
    // have the identity on a line of its own.
    let below = if summary.is_some() || !step.reached {
        WHO_LINE
    } else {
        0.0
    };
    let action = wrap(
        &step.action,
        lane_text_w(side) - extra,
        ACTION_PX,
        Font::Regular,
        2,
    );
    let arrow = ARROW_DY + LINE * action.len().saturating_sub(1) as f32;
    let callout = if step.outcome == Outcome::Ok {
        Vec::new()
    } else if let Some(n) = same_as {
        wrap(
            &cat(&["Same reason as step ", number(n, &mut [0; 20]), "."]),
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
    }
}

/// The width of a callout's text: the callout starts under the badge and ends with the lane.
fn callout_text_w(side: Side) -> f32 {
    lane_w(side) - 2.0 * PAD - 8.0 - 2.0 * CALLOUT_PAD
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
    lane_w(side) - 2.0 * BADGE_R - 3.0 * PAD - 8.0
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
    let badge = (lane_x + PAD + 8.0 + badge_w / 2.0, ay);
    let text_w = lane_text_w(r.side) - (badge_w - 2.0 * BADGE_R);
    let who_name = match more {
        Some(m) if m.collapsed.various => "various identities",
        _ => plan.identity_name(step.identity),
    };
    let (status, after) = if step.reached || more.is_some() {
        (status(step.outcome), " · ")
    } else {
        ("– not reached", would_after(step.outcome))
    };
    let status_w =
        text_width(status, SMALL_PX, Font::Bold) + text_width(after, SMALL_PX, Font::Regular);
    // The summary row and a step that is not reached have the identity on a line of its own.
    let who_w = if more.is_some() || !step.reached {
        text_w
    } else {
        text_w - status_w
    };
    let who = fit(who_name, who_w, SMALL_PX, Font::Regular);
    let bottom = if r.callout.is_empty() {
        ay + 20.0 + r.below
    } else {
        ay + CALLOUT_DY + r.below + callout_h(r.callout.len())
    };
    let callout = (!r.callout.is_empty()).then(|| Callout {
        rect: Rect::new(
            lane_x + PAD + 8.0,
            ay + CALLOUT_DY + r.below,
            lane_w - 2.0 * PAD - 8.0,
            callout_h(r.callout.len()),
        ),
        lines: r.callout,
        text: match more {
            // Which step the reason is from.
            Some(m) => cat(&[
                "Step ",
                number(m.worst, &mut [0; 20]),
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
            number(step.n, &mut [0; 20]),
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
        after,
        who,
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

fn program_node(plan: &Plan, rect: Rect, steps: &[usize]) -> Node {
    let s = &plan.scenario;
    let w = PROGRAM_W - 2.0 * BOX_PAD;
    let worst = steps.iter().map(|&i| plan.steps[i].outcome).max();
    Node {
        id: Resource::Program.id(),
        kind: NodeKind::Program,
        label: "Program".into(),
        lines: vec!["Program".into()],
        captions: std::iter::once(fit(run_short(s), w, CAPTION_PX, Font::Regular))
            .chain(wrap(s.installer.label(), w, CAPTION_PX, Font::Regular, 2))
            .collect(),
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

fn identity_node(plan: &Plan, id: Identity, rect: Rect, lines: Vec<String>) -> Node {
    let name = plan.identity_name(id);
    let numbers: Vec<usize> = plan
        .steps
        .iter()
        .filter(|s| s.identity == id)
        .map(|s| s.n)
        .collect();
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
    // A site account the plan names but the site does not have: the step that needs it
    // fails, and the box says why.
    let s = &plan.scenario;
    let mut caption = step_list(&numbers);
    let missing = match id {
        Identity::NetworkAccessAccount => s.naa == Account::None,
        Identity::SoftwareInstallationAccount => s.siacct == Account::None,
        _ => false,
    };
    if missing {
        caption.push_str(" · not configured");
        title.push_str(" The site has none configured.");
    }
    Node {
        id: id.key().to_string(),
        kind: NodeKind::Identity,
        label: name.to_string(),
        lines,
        captions: vec![fit(
            &caption,
            IDENTITY_W - 2.0 * BOX_PAD,
            CAPTION_PX,
            Font::Regular,
        )],
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
    Node {
        id,
        kind: NodeKind::of(resource),
        label,
        lines: vec![line],
        captions: vec![fit(&caption, w, CAPTION_PX, Font::Regular)],
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
        out.push_str(number(numbers[i], &mut [0; 20]));
        if j > i {
            out.push_str(if j > i + 1 { "–" } else { ", " });
            out.push_str(number(numbers[j], &mut [0; 20]));
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

/// Every step in one paragraph; the summary row as the range of steps it stands for.
fn describe(plan: &Plan, title: &str, steps: &[Cow<'_, Step>], more: Option<&More>) -> String {
    let mut out = String::with_capacity(120 + steps.len() * 160);
    out.push_str(title);
    out.push('.');
    for (i, step) in steps.iter().enumerate() {
        if let Some(m) = more.filter(|m| m.at == i) {
            let c = &m.collapsed;
            let who = if c.various {
                "various identities"
            } else {
                plan.identity_name(step.identity)
            };
            out.push(' ');
            for part in [
                &steps_range(c, "Step"),
                ", ",
                step.step.label(),
                ": ",
                who,
                " ",
                &step.action,
                " — ",
                &tally(&c.outcomes, ", "),
            ] {
                out.push_str(part);
            }
            if c.reached < c.count {
                out.push_str(", ");
                out.push_str(number(c.count - c.reached, &mut [0; 20]));
                out.push_str(" not reached");
            }
            out.push_str("; the findings list every step.");
            continue;
        }
        for part in [
            " Step ",
            number(step.n, &mut [0; 20]),
            ", ",
            step.step.label(),
            ": ",
            plan.identity_name(step.identity),
            " ",
            &step.action,
            " — ",
            if step.reached {
                outcome_word(step.outcome)
            } else {
                "not reached"
            },
        ] {
            out.push_str(part);
        }
        if !step.reached {
            out.push_str(", not reached");
            out.push_str(not_reached_suffix(step.outcome));
        }
        // Why, for the problems the run meets; the others repeat the same reasons.
        if step.outcome == Outcome::Ok || !step.reached {
            out.push('.');
        } else {
            out.push_str(": ");
            out.push_str(&step.reason);
        }
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

/// `n` in decimal, written into `buf`.
fn number(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("?")
}

fn round1(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}
