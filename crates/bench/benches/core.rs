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

/// `plan`, `layout` and `svg` of one scenario, each timed alone (`layout` of its plan, `svg`
/// of its diagram), as the benches `$plan`, `$layout` and `$svg`.
macro_rules! each_step {
    ($scenario:ident: $plan:ident, $layout:ident, $svg:ident) => {
        #[divan::bench]
        fn $plan() -> credflow_core::Plan {
            plan(black_box(&$scenario))
        }

        #[divan::bench]
        fn $layout(bencher: divan::Bencher) {
            let p = plan(&$scenario);
            bencher.bench(|| layout(black_box(&p)));
        }

        #[divan::bench]
        fn $svg(bencher: divan::Bencher) {
            let d = layout(&plan(&$scenario));
            bencher.bench(|| svg(black_box(&d)));
        }
    };
}

each_step!(DEFAULT: plan_default, layout_default, svg_default);
each_step!(FIFTY: plan_50_shares, layout_50_shares, svg_50_shares);

/// `f` for each of the 51,840 combinations (normalised beforehand, as the page does).
fn every_combination_through<T>(bencher: divan::Bencher, f: fn(&Scenario) -> T) {
    let every = &*EVERY;
    bencher.bench(|| {
        for s in every {
            black_box(f(black_box(s)));
        }
    });
}

/// `plan` for each of the 51,840 combinations.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn exhaustive_plan(bencher: divan::Bencher) {
    every_combination_through(bencher, plan);
}

/// `plan`, `layout` and `svg` for each of the 51,840 combinations.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn exhaustive_render(bencher: divan::Bencher) {
    every_combination_through(bencher, render);
}
