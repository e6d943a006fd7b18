//! The native core, per scenario: `plan`, `layout`, `svg` and the three together (what the
//! page does on every change), for the default scenario and with 1, 50 and 500 shares; and
//! every combination of the single-valued inputs planned (and drawn) in one go.
//!
//!     cargo bench -p credflow-bench --bench core
//!
//! The names are flat (`render_default`, …) so that scripts/bench can read the table.

use std::sync::LazyLock;

use credflow_bench::{every_combination, with_shares};
use credflow_core::{layout, plan, svg, Scenario};
use divan::black_box;

fn main() {
    divan::main();
}

static DEFAULT: LazyLock<Scenario> = LazyLock::new(Scenario::default);
static ONE: LazyLock<Scenario> = LazyLock::new(|| with_shares(1));
static FIFTY: LazyLock<Scenario> = LazyLock::new(|| with_shares(50));
static FIVE_HUNDRED: LazyLock<Scenario> = LazyLock::new(|| with_shares(500));
static EVERY: LazyLock<Vec<Scenario>> = LazyLock::new(every_combination);

fn render(s: &Scenario) -> String {
    svg(&layout(&plan(s)))
}

#[divan::bench]
fn render_default() -> String {
    render(black_box(&DEFAULT))
}

#[divan::bench]
fn render_1_share() -> String {
    render(black_box(&ONE))
}

#[divan::bench]
fn render_50_shares() -> String {
    render(black_box(&FIFTY))
}

#[divan::bench]
fn render_500_shares() -> String {
    render(black_box(&FIVE_HUNDRED))
}

#[divan::bench]
fn plan_default() -> credflow_core::Plan {
    plan(black_box(&DEFAULT))
}

#[divan::bench]
fn layout_default(bencher: divan::Bencher) {
    let p = plan(&DEFAULT);
    bencher.bench(|| layout(black_box(&p)));
}

#[divan::bench]
fn svg_default(bencher: divan::Bencher) {
    let d = layout(&plan(&DEFAULT));
    bencher.bench(|| svg(black_box(&d)));
}

#[divan::bench]
fn plan_50_shares() -> credflow_core::Plan {
    plan(black_box(&FIFTY))
}

#[divan::bench]
fn layout_50_shares(bencher: divan::Bencher) {
    let p = plan(&FIFTY);
    bencher.bench(|| layout(black_box(&p)));
}

#[divan::bench]
fn svg_50_shares(bencher: divan::Bencher) {
    let d = layout(&plan(&FIFTY));
    bencher.bench(|| svg(black_box(&d)));
}

/// `plan` for each of the 51,840 combinations (normalised beforehand, as the page does).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn exhaustive_plan(bencher: divan::Bencher) {
    let every = &*EVERY;
    bencher.bench(|| {
        for s in every {
            black_box(plan(black_box(s)));
        }
    });
}

/// `plan`, `layout` and `svg` for each of the 51,840 combinations.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn exhaustive_render(bencher: divan::Bencher) {
    let every = &*EVERY;
    bencher.bench(|| {
        for s in every {
            black_box(render(black_box(s)));
        }
    });
}
