//! A tall diagram (50 shares) after a change: the rows on screen are drawn before the next
//! paint and the rest as soon as the browser is idle, or at once when the page scrolls; what is
//! on screen is never missing, and the finished drawing is the whole diagram.

use credflow_e2e::Harness;
use serde_json::{json, Value};

/// 50 shares the Network Access Account may read: with `naa=set` every one is at risk (rule
/// book v2, connect-share: "Only the NAA reads: at-risk"; v1 had them succeed), with no
/// Network Access Account every one fails (a taller diagram: each row gets a callout).
fn fifty_shares() -> String {
    let mut link = String::from("#v=1&naa=set");
    for i in 1..=50 {
        link.push_str(&format!("&share=%5C%5Cfs01%5Capps{i}~naa"));
    }
    link
}

/// What the diagram holds: every step group, whether it is drawn whole (with its text) or as
/// its arrow only, and which rows are on screen.
const DRAWN: &str = r#"
const host = document.getElementById('diagram');
const groups = [...host.querySelectorAll('[data-step]')];
const whole = groups.filter((g) => g.querySelector('text')).map((g) => +g.dataset.step);
const onScreen = groups
  .filter((g) => {
    const hit = g.querySelector('rect.hit');
    if (!hit) return false;
    const r = hit.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  })
  .map((g) => +g.dataset.step);
const drawn = { partial: host.hasAttribute('data-partial'), groups: groups.length, whole, onScreen,
  height: host.querySelector('svg').getAttribute('height') };
"#;

/// Clicks the radio `id` in an animation frame and describes the diagram in the next callback
/// of that frame: after every update, before the frame is painted.
fn change_and_describe(id: &str) -> String {
    format!(
        "return new Promise((resolve) => {{
           requestAnimationFrame(() => document.getElementById({id:?}).click());
           requestAnimationFrame(() => {{ {DRAWN} resolve(drawn); }});
         }});"
    )
}

async fn describe(page: &Harness) -> Value {
    page.eval(&format!("{DRAWN} return drawn;")).await
}

/// The steps as numbers.
fn steps(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_draws_the_rows_on_screen_first_and_the_whole_diagram_when_idle() {
    let page = Harness::start().await;
    page.open(&fifty_shares()).await;
    page.wait_for_text("#verdict", "At risk at step 4").await;
    // The first drawing is whole: every step on its own row (up to 50 shares).
    let first = describe(&page).await;
    assert_eq!(first["partial"], json!(false));
    let total = first["groups"].as_u64().unwrap();
    assert!(total >= 53, "{first}");
    assert_eq!(steps(&first["whole"]).len() as u64, total);

    // The middle of the diagram on screen.
    page.eval(
        "const r = document.querySelector('#diagram svg').getBoundingClientRect();\
         scrollTo(0, scrollY + r.top + r.height / 2 - innerHeight / 2); return true",
    )
    .await;

    // No Network Access Account: every share fails.
    let during = page.eval(&change_and_describe("naa-none")).await;
    assert_eq!(during["partial"], json!(true), "{during}");
    let whole_during = steps(&during["whole"]);
    assert!(
        !whole_during.is_empty() && (whole_during.len() as u64) < total / 2,
        "only the rows near the screen are drawn whole: {during}"
    );
    // Then the whole diagram, without anything else happening.
    page.wait_until("!document.getElementById('diagram').hasAttribute('data-partial')")
        .await;
    let after = describe(&page).await;
    assert_eq!(after["groups"].as_u64().unwrap(), total);
    assert_eq!(steps(&after["whole"]).len() as u64, total, "{after}");
    assert_eq!(after["height"], during["height"], "the same canvas");
    // Every row on screen was there before the paint.
    let on_screen = steps(&after["onScreen"]);
    assert!(!on_screen.is_empty());
    for n in &on_screen {
        assert!(
            whole_during.contains(n),
            "step {n} is on screen but was not drawn: {during}"
        );
    }
    // The finished drawing is the diagram a fresh load of the same scenario draws.
    let finished = page
        .eval("return document.getElementById('diagram').innerHTML")
        .await;
    page.open(&fifty_shares().replace("&naa=set", "")).await;
    page.wait_for_text("#verdict", "Fails at step 4").await;
    let fresh = page
        .eval("return document.getElementById('diagram').innerHTML")
        .await;
    assert_eq!(finished, fresh);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scrolling_a_diagram_drawn_in_part_draws_it_whole_before_the_next_paint() {
    let page = Harness::start().await;
    page.open(&fifty_shares()).await;
    page.wait_for_text("#verdict", "At risk at step 4").await;
    let total = describe(&page).await["groups"].clone();
    let during = page.eval(&change_and_describe("naa-none")).await;
    assert_eq!(during["partial"], json!(true), "{during}");
    // In part: only the rows near the screen have their text (the arrows that cross the
    // screen are drawn too; with the boxes at the top, that can be every arrow).
    assert!(
        (steps(&during["whole"]).len() as u64) < total.as_u64().unwrap(),
        "{during}"
    );
    // A scroll in the same frame: the page's own scroll listener (added first) has drawn the
    // whole diagram by the time a listener added now hears the event.
    let heard = page
        .eval(&format!(
            "return new Promise((resolve) => {{
               addEventListener('scroll', () => {{ {DRAWN} resolve(drawn); }}, {{ once: true }});
               scrollBy(0, 400);
             }});"
        ))
        .await;
    assert_eq!(heard["partial"], json!(false), "{heard}");
    assert_eq!(heard["groups"], total);
    assert_eq!(
        heard["whole"].as_array().unwrap().len() as u64,
        total.as_u64().unwrap()
    );
}
