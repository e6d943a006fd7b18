//! The summary row: with more than [`DRAWN_SHARES`] shares, the connect-share steps beyond
//! the first [`DRAWN_SHARES`] are drawn as one row, with one box, `… and 450 more shares`: the
//! range of their steps in a pill-shaped badge, their worst outcome with that outcome's reason,
//! and how many have each outcome. The findings list every step.

use std::borrow::Cow;

use super::{
    cat, number, BADGE_PAD, BADGE_PX, BADGE_R, BOX_PAD, CAPTION_PX, DRAWN_SHARES, MORE_SHARES_ID,
    NODE_PX, RESOURCE_W,
};
use crate::diagram::{Collapsed, Node, NodeKind, Rect};
use crate::model::{Outcome, Plan, Step, StepKind};
use crate::present::outcome_word;
use crate::text::{fit, text_width, wrap, Font};

/// The summary row: where it is among the drawn steps, and what it stands for.
pub(super) struct More {
    /// Its index among the drawn steps.
    pub(super) at: usize,
    pub(super) collapsed: Collapsed,
    /// The first of its steps with the worst outcome: the callout gives its reason.
    pub(super) worst: usize,
}

/// The steps as drawn: every step, except that the connect-share steps beyond the first
/// [`DRAWN_SHARES`] become one step standing for all of them (their first step, with their
/// worst outcome and that outcome's reason, reached if any of them is).
pub(super) fn collapse(plan: &Plan) -> (Vec<Cow<'_, Step>>, Option<More>) {
    let steps = &plan.steps;
    let shares = steps
        .iter()
        .filter(|s| s.step == StepKind::ConnectShare)
        .count();
    if shares <= DRAWN_SHARES {
        return (steps.iter().map(Cow::Borrowed).collect(), None);
    }
    let mut drawn: Vec<Cow<'_, Step>> = Vec::with_capacity(steps.len() - shares + DRAWN_SHARES + 1);
    let mut rest: Vec<&Step> = Vec::with_capacity(shares - DRAWN_SHARES);
    let mut at = None;
    let mut seen = 0;
    for step in steps {
        if step.step == StepKind::ConnectShare {
            seen += 1;
            if seen > DRAWN_SHARES {
                if at.is_none() {
                    at = Some(drawn.len());
                    drawn.push(Cow::Borrowed(step));
                }
                rest.push(step);
                continue;
            }
        }
        drawn.push(Cow::Borrowed(step));
    }
    let (Some(at), Some(first), Some(last)) = (at, rest.first(), rest.last()) else {
        return (steps.iter().map(Cow::Borrowed).collect(), None);
    };
    let mut outcomes = [0; 4];
    for st in &rest {
        outcomes[st.outcome as usize] += 1;
    }
    let worst_outcome = rest.iter().map(|s| s.outcome).max().unwrap_or(Outcome::Ok);
    let worst = rest
        .iter()
        .find(|s| s.outcome == worst_outcome)
        .unwrap_or(first);
    let reached = rest.iter().filter(|s| s.reached).count();
    let mut collapsed = Collapsed {
        first: first.n,
        last: last.n,
        count: rest.len(),
        outcomes,
        reached,
        various: rest.iter().any(|s| s.identity != first.identity),
        badge_w: 0.0,
    };
    // A pill around `55–504`, at least as wide as a round badge.
    collapsed.badge_w = (text_width(&collapsed.badge(), BADGE_PX, Font::Bold) + 2.0 * BADGE_PAD)
        .max(2.0 * BADGE_R)
        .ceil();
    let mut summary = (*first).clone();
    summary.action = cat(&["connects to ", &more_shares(rest.len())]);
    summary.outcome = worst_outcome;
    summary.reason = worst.reason.clone();
    summary.reached = reached > 0;
    drawn[at] = Cow::Owned(summary);
    (
        drawn,
        Some(More {
            at,
            collapsed,
            worst: worst.n,
        }),
    )
}

/// `450 more shares`, `1 more share`.
pub(super) fn more_shares(count: usize) -> String {
    cat(&[
        number::whole(count, &mut [0; 20]),
        if count == 1 {
            " more share"
        } else {
            " more shares"
        },
    ])
}

/// `Steps 55 to 504`, or `Step 55`; `steps 55 to 504` with `word` = `"step"`.
pub(super) fn steps_range(c: &Collapsed, word: &str) -> String {
    if c.first == c.last {
        cat(&[word, " ", number::whole(c.first, &mut [0; 20])])
    } else {
        cat(&[
            word,
            "s ",
            number::whole(c.first, &mut [0; 20]),
            " to ",
            number::whole(c.last, &mut [0; 20]),
        ])
    }
}

/// `450 fail · 0 ok`: how many steps have each outcome, the worst first; ok always, the others
/// when there are any.
pub(super) fn tally(outcomes: &[usize; 4], sep: &str) -> String {
    let mut out = String::new();
    for outcome in [Outcome::Fails, Outcome::Waits, Outcome::AtRisk, Outcome::Ok] {
        let k = outcomes[outcome as usize];
        if k == 0 && outcome != Outcome::Ok {
            continue;
        }
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(number::whole(k, &mut [0; 20]));
        out.push(' ');
        out.push_str(match (outcome, k) {
            (Outcome::Fails, 1) => "fails",
            (Outcome::Fails, _) => "fail",
            (Outcome::Waits, 1) => "waits",
            (Outcome::Waits, _) => "wait",
            (other, _) => outcome_word(other),
        });
    }
    out
}

/// The summary row's tooltip: `Steps 55 to 504: 450 more shares; 450 fail, 449 not reached.
/// The findings list every step.`
pub(super) fn summary_title(c: &Collapsed) -> String {
    let mut title = cat(&[
        &steps_range(c, "Step"),
        ": ",
        &more_shares(c.count),
        "; ",
        &tally(&c.outcomes, ", "),
    ]);
    let not_reached = c.count - c.reached;
    if not_reached > 0 {
        title.push_str(", ");
        title.push_str(number::whole(not_reached, &mut [0; 20]));
        title.push_str(" not reached");
    }
    title.push_str(". The findings list every step.");
    title
}

/// The box of the shares beyond the first [`DRAWN_SHARES`]: `… and 450 more shares`, and how
/// their steps turn out.
pub(super) fn more_node(c: &Collapsed, rect: Rect, worst: Option<Outcome>) -> Node {
    let w = RESOURCE_W - 2.0 * BOX_PAD;
    let label = cat(&["\u{2026} and ", &more_shares(c.count)]);
    let title = cat(&[
        &more_shares(c.count),
        " (non-SMS), ",
        &steps_range(c, "step"),
        ": ",
        &tally(&c.outcomes, ", "),
        ". The diagram draws the first ",
        number::whole(DRAWN_SHARES, &mut [0; 20]),
        " shares one by one; the findings list every step.",
    ]);
    Node {
        id: MORE_SHARES_ID.to_string(),
        kind: NodeKind::MoreShares,
        lines: wrap(&label, w, NODE_PX, Font::Bold, 2),
        label,
        captions: vec![fit(
            &tally(&c.outcomes, " \u{b7} "),
            w,
            CAPTION_PX,
            Font::Regular,
        )],
        rect,
        title,
        outcome: worst,
    }
}
