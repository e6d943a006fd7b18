//! Two scenarios side by side, as a trainer contrasts them: their plans' steps aligned by what
//! they do (the schedule with the schedule, each share with the same share), and every
//! difference said in words. The page, the export and the CLI all read this.

use serde::Serialize;

use crate::identity::Identity;
use crate::model::{Plan, Resource, Step, StepKind};
use crate::present;
use crate::scenario::{same_unc, Scenario};

/// The two plans of a comparison, and their steps aligned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub a: Plan,
    pub b: Plan,
    pub rows: Vec<Row>,
}

/// One row of a comparison: the step each plan takes for the same kind of step and resource
/// (`None` where a plan has no such step).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub step: StepKind,
    pub resource: Resource,
    /// The step's number in A's plan.
    pub a: Option<usize>,
    /// The step's number in B's plan.
    pub b: Option<usize>,
    /// Both plans take this step with the same identity, state and reason: shown receding.
    pub same: bool,
    /// The difference in words, for a row that is not the same.
    pub difference: Option<String>,
}

/// Plans both scenarios and aligns their steps.
pub fn compare(a: &Scenario, b: &Scenario) -> Comparison {
    let a = crate::plan(a);
    let b = crate::plan(b);
    let rows = align(&a, &b);
    Comparison { a, b, rows }
}

/// The steps of two plans, row by row: in the planner's order of step kinds, and within a
/// kind in A's order, then the steps only B takes.
pub fn align(a: &Plan, b: &Plan) -> Vec<Row> {
    let mut rows = Vec::with_capacity(a.steps.len().max(b.steps.len()));
    for &kind in StepKind::ALL {
        let of_a = a.steps.iter().filter(|s| s.step == kind);
        let mut of_b: Vec<&Step> = b.steps.iter().filter(|s| s.step == kind).collect();
        for sa in of_a {
            let sb = of_b
                .iter()
                .position(|sb| same_resource(&sa.resource, &sb.resource))
                .map(|i| of_b.remove(i));
            rows.push(row(a, b, Some(sa), sb));
        }
        for sb in of_b {
            rows.push(row(a, b, None, Some(sb)));
        }
    }
    rows
}

/// Whether two steps act on the same resource; share paths compare as Windows does, without
/// regard to case.
fn same_resource(a: &Resource, b: &Resource) -> bool {
    match (a, b) {
        (Resource::Share(x), Resource::Share(y)) => same_unc(x, y),
        _ => a == b,
    }
}

fn row(pa: &Plan, pb: &Plan, a: Option<&Step>, b: Option<&Step>) -> Row {
    let any = a.or(b).expect("a row has a step on one side at least");
    let same = match (a, b) {
        (Some(x), Some(y)) => {
            pa.identity_name(x.identity) == pb.identity_name(y.identity)
                && x.reached == y.reached
                && x.outcome == y.outcome
                && x.reason == y.reason
        }
        _ => false,
    };
    Row {
        step: any.step,
        resource: any.resource.clone(),
        a: a.map(|s| s.n),
        b: b.map(|s| s.n),
        same,
        difference: (!same).then(|| difference(pa, pb, a, b)),
    }
}

/// `Step 4, connect to \\fs01\apps: Local System as DOMAIN\COMPUTER$ — succeeds;
/// SMSCliToknLocalAcct& — fails (…)`: the step by what it does, then each side's identity and
/// state, with the reason for a side that does not succeed.
fn difference(pa: &Plan, pb: &Plan, a: Option<&Step>, b: Option<&Step>) -> String {
    let any = a.or(b).expect("a row has a step on one side at least");
    let name = present::step_name(any);
    let mut out = match (a.map(|s| s.n), b.map(|s| s.n)) {
        (Some(x), Some(y)) if x == y => format!("Step {x}, {}: ", lower_first(&name)),
        (Some(x), Some(y)) => format!("{name} (step {x} in A, step {y} in B): "),
        (Some(x), None) => format!("{name} (step {x} in A only): "),
        (None, Some(y)) => format!("{name} (step {y} in B only): "),
        (None, None) => unreachable!("a row has a step on one side at least"),
    };
    out.push_str(&side(pa, a));
    out.push_str("; ");
    out.push_str(&side(pb, b));
    out
}

/// One side of a difference: `Local System as DOMAIN\COMPUTER$ — succeeds`, or `no such
/// step`.
fn side(plan: &Plan, step: Option<&Step>) -> String {
    let Some(step) = step else {
        return "no such step".into();
    };
    let who = match step.identity {
        Identity::ComputerAccount => format!(
            "{} as {}",
            plan.identity_name(Identity::LocalSystem),
            plan.identity_name(Identity::ComputerAccount)
        ),
        other => plan.identity_name(other).to_string(),
    };
    let mut out = format!("{who} — {}", present::state_words(step));
    if step.outcome != crate::Outcome::Ok {
        let why = present::first_sentence(&step.reason);
        out.push_str(" (");
        out.push_str(why.trim_end_matches('.'));
        out.push(')');
    }
    out
}

/// `Connect to \\fs01\apps` → `connect to \\fs01\apps`. The step labels it is given
/// start with an ASCII letter; ASCII case keeps Unicode's case tables out of the WebAssembly.
fn lower_first(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// The rows that differ, in order: what the page lists under the two diagrams and the CLI
/// prints.
pub fn differences(rows: &[Row]) -> impl Iterator<Item = &str> {
    rows.iter().filter_map(|r| r.difference.as_deref())
}

/// What the page and the CLI say when no row differs.
pub const NO_DIFFERENCES: &str =
    "No differences: both take the same steps, as the same accounts, alike.";

/// The steps both plans take alike, by what they do: `Schedule`, `Run as`, `Fetch content`.
pub fn alike(rows: &[Row]) -> Vec<&'static str> {
    rows.iter()
        .filter(|r| r.same)
        .map(|r| r.step.label())
        .collect()
}

/// The exported comparison's name without extension: both sides' names, A's first
/// (`credflow-adv-ok-vs-legacy-fails-connect-share`).
pub fn file_stem(c: &Comparison) -> String {
    file_stem_of(&c.a, &c.b)
}

/// [`file_stem`] of the comparison of two plans.
pub fn file_stem_of(a: &Plan, b: &Plan) -> String {
    let b = crate::export::file_stem(b);
    format!(
        "{}-vs-{}",
        crate::export::file_stem(a),
        b.strip_prefix("credflow-").unwrap_or(&b)
    )
}

/// Space between the two diagrams, and the height of the strip that names them.
const GAP: f32 = 24.0;
const STRIP: f32 = 28.0;

/// The comparison as one SVG: A's diagram on the left, B's on the right, each named above it,
/// and the differences in the `<desc>`. The page's download and `credflow render` of a
/// comparison link write these same bytes.
pub fn svg(c: &Comparison) -> String {
    let a = crate::layout(&c.a);
    let b = crate::layout(&c.b);
    let width = a.width + GAP + b.width;
    let height = STRIP + a.height.max(b.height);
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cf-compare\" role=\"img\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"13\"><title>",
        w = width.ceil(),
        h = height.ceil()
    ));
    crate::svg::escape(&mut out, &title(c));
    out.push_str("</title><desc>");
    let mut desc = title(c);
    desc.push('.');
    for line in differences(&c.rows) {
        desc.push('\n');
        desc.push_str(line);
    }
    crate::svg::escape(&mut out, &desc);
    out.push_str("</desc><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    for (label, d, x) in [("A", &a, 0.0), ("B", &b, a.width + GAP)] {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"19\" font-size=\"15\" font-weight=\"700\" fill=\"#0f172a\">",
            x + 8.0
        ));
        crate::svg::escape(&mut out, &format!("{label}: {}", d.heading));
        out.push_str(&format!("</text><svg x=\"{x}\" y=\"{STRIP}\""));
        let inner = crate::svg::svg(d);
        // The diagram's own root element, placed: its attributes after `<svg`.
        out.push_str(inner.strip_prefix("<svg").unwrap_or(&inner));
    }
    out.push_str("</svg>");
    out
}

/// `credflow comparison — A: succeeds; B: fails at step 4 (Connect to share)`.
pub fn title(c: &Comparison) -> String {
    title_of(&c.a, &c.b)
}

/// [`title`] of the comparison of two plans.
pub fn title_of(a: &Plan, b: &Plan) -> String {
    format!(
        "credflow comparison — A: {}; B: {}",
        present::verdict_short(a),
        present::verdict_short(b)
    )
}
