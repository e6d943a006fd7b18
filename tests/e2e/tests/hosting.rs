//! Host it anywhere: the built dist/ works from any folder of a static server, with no rebuild
//! (`/tools/credflow/`, `/a/b/c/`), and when it cannot start — a file missing, a wrong MIME type,
//! a proxy that blocks .wasm — it says what failed and what to check instead of staying blank.

use credflow_e2e::{Answer, DistCopy, Harness, Options};
use serde_json::json;

/// Classic case 4: the Legacy Client's token account cannot reach a share.
const LINK_4: &str = "#v=1&client=legacy&share=%5C%5Cfs01%5Capps~users";

async fn serve_under(prefix: &str) -> Harness {
    Harness::start_with(Options {
        prefix: Some(prefix.into()),
        ..Options::default()
    })
    .await
}

/// A server that answers for every path ending in `answer.suffix` as it says.
async fn answering(answer: Answer) -> Harness {
    Harness::start_with(Options {
        answers: vec![answer],
        ..Options::default()
    })
    .await
}

/// Every request the server saw was for a file under `prefix`, and found.
fn all_found_under(page: &Harness, prefix: &str) {
    let requests = page.requests();
    assert!(!requests.is_empty());
    for r in requests {
        assert!(
            r.path.starts_with(prefix) && r.status == 200,
            "the page asked for {} ({}) outside {prefix} or in vain: {:?}",
            r.path,
            r.status,
            page.requests()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_works_from_any_folder_and_its_links_round_trip_there() {
    for prefix in ["/tools/credflow/", "/a/b/c/"] {
        let page = serve_under(prefix).await;
        let base = page.page_url();

        // A first visit: the prerendered page, then the app, all files from the folder.
        page.open("").await;
        page.wait_for("#diagram svg").await;
        page.wait_verdict("ok", "Succeeds").await;
        all_found_under(&page, prefix);

        // A link: the planner opens on it; "Copy link" gives an address in the same folder,
        // which opens the same scenario in a fresh page.
        page.open(LINK_4).await;
        page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
            .await;
        page.click("#copy-link").await;
        let copied = page
            .wait_until("document.querySelector('#copied-link')?.value")
            .await;
        assert_eq!(copied, json!(format!("{base}{LINK_4}")), "{prefix}");
        let choices = page.shown_choices().await;
        page.eval("localStorage.clear()").await;
        page.client().goto("about:blank").await.unwrap();
        page.client().goto(copied.as_str().unwrap()).await.unwrap();
        page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
            .await;
        assert_eq!(page.shown_choices().await, choices, "{prefix}");

        // The rule book's link is in the folder too, and served as text.
        let rules = page
            .eval_async(
                "const a = [...document.querySelectorAll('a')].find(a => a.href.endsWith('rules.md'));\
                 const r = await fetch(a.href);\
                 return [a.href, r.status, r.headers.get('Content-Type')];",
                vec![],
            )
            .await;
        assert_eq!(
            rules,
            json!([format!("{base}rules.md"), 200, "text/plain; charset=utf-8"])
        );

        // The embed view, and its "Open in credflow" link back to the folder.
        page.open(&format!("{LINK_4}&view=embed")).await;
        page.wait_for("#diagram svg").await;
        let back = page
            .eval("return document.querySelector('.open-full a').href")
            .await;
        assert_eq!(back, json!(format!("{base}{LINK_4}")));
        all_found_under(&page, prefix);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_folder_without_its_last_slash_is_redirected_and_works() {
    let page = serve_under("/tools/credflow/").await;
    let bare = format!("{}/tools/credflow", page.origin());
    page.client().goto(&bare).await.unwrap();
    // The app itself, not only the prerendered first paint (which needs no other file).
    page.wait_until(
        "!document.getElementById('prerender') &&\
         performance.getEntriesByName('credflow:app-diagram').length === 1",
    )
    .await;
    page.wait_verdict("ok", "Succeeds").await;
    assert_eq!(
        page.eval("return location.pathname").await,
        json!("/tools/credflow/")
    );
}

/// The start-failure message, once it says why: (what failed, why, what to check).
async fn failure(page: &Harness) -> (String, String, String) {
    let shown = page
        .wait_until(
            "(() => { const b = document.getElementById('boot-error');\
               const why = document.getElementById('boot-error-cause');\
               return b && b.getAttribute('role') === 'alert' && why &&\
                 why.innerText !== 'Checking why…' &&\
                 [...b.querySelectorAll('p')].map(p => p.innerText); })()",
        )
        .await;
    let parts: Vec<String> = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    // Nothing else on the page: no half-drawn planner, no prerendered page that cannot act.
    assert_eq!(
        page.eval(
            "return [!!document.getElementById('prerender'), !!document.getElementById('main')]"
        )
        .await,
        json!([false, false])
    );
    (parts[0].clone(), parts[1].clone(), parts[2].clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_wasm_is_named_with_where_it_was_looked_for() {
    let dist = DistCopy::new("no-wasm-here", |file| {
        if file.extension().is_some_and(|e| e == "wasm") {
            std::fs::remove_file(file).unwrap();
        }
    });
    let page = Harness::start_with(Options {
        root: Some(dist.0.clone()),
        prefix: Some("/tools/credflow/".into()),
        ..Options::default()
    })
    .await;
    for fragment in ["", LINK_4] {
        page.open(fragment).await;
        let (what, why, check) = failure(&page).await;
        let wasm = format!("{}credflow-web-", page.page_url());
        assert!(
            what.contains(&wasm) && what.contains("_bg.wasm"),
            "{what:?} does not name {wasm}…_bg.wasm"
        );
        assert!(
            why.contains("404") && why.contains("folder of index.html"),
            "{why:?}"
        );
        assert!(check.contains("docs/deploy.md"), "{check:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scripts_sent_with_the_wrong_mime_type_are_named_with_the_type() {
    // A server that does not know .js (or sends everything as a download).
    let page = Harness::start_with(Options {
        prefix: Some("/tools/credflow/".into()),
        answers: vec![Answer::typed_as(".js", "application/octet-stream")],
        ..Options::default()
    })
    .await;
    page.open(LINK_4).await;
    let (what, why, _) = failure(&page).await;
    assert!(
        what.contains(&format!("{}boot-", page.page_url())),
        "{what:?}"
    );
    assert!(
        why.contains("\"application/octet-stream\"") && why.contains("text/javascript"),
        "{why:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_that_blocks_wasm_is_recognised() {
    // A filtering proxy answers for .wasm files with its own page.
    let page = answering(Answer::html(
        ".wasm",
        "<html><body><h1>Blocked by your organisation's web filter</h1></body></html>",
    ))
    .await;
    page.open(LINK_4).await;
    let (what, why, _) = failure(&page).await;
    assert!(what.contains("_bg.wasm"), "{what:?}");
    assert!(
        why.contains("\"text/html\"") && why.contains("blocks .wasm files"),
        "{why:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wasm_sent_with_a_generic_type_still_starts() {
    // Old servers send .wasm as application/octet-stream: slower to start, but it works.
    let page = answering(Answer::typed_as(".wasm", "application/octet-stream")).await;
    page.open(LINK_4).await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    assert_eq!(
        page.eval("return document.getElementById('boot-error')")
            .await,
        json!(null)
    );
    // The link's preview, a WebAssembly too, showed the diagram before the app drew it.
    let first = page
        .eval(
            "const at = (m) => performance.getEntriesByName(m)[0]?.startTime ?? null;\
             return at('credflow:first-diagram') < at('credflow:app-diagram')",
        )
        .await;
    assert_eq!(first, json!(true), "the preview came first");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shipped_web_config_serves_what_iis_would_not() {
    // What IIS needs that it does not do by itself: the web.config ships in dist/ and says it.
    let config = std::fs::read_to_string(credflow_e2e::dist_dir().join("web.config"))
        .expect("dist/ has a web.config");
    for needed in [
        r#"<mimeMap fileExtension=".wasm" mimeType="application/wasm" />"#,
        r#"<mimeMap fileExtension=".md" mimeType="text/plain; charset=utf-8" />"#,
        r#"<add name="Content-Security-Policy" value="frame-ancestors *" />"#,
        r#"<add name="Access-Control-Allow-Origin" value="*" />"#,
        r#"<add name="X-Content-Type-Options" value="nosniff" />"#,
        r#"<add value="index.html" />"#,
        r#"<location path="index.html">"#,
    ] {
        assert!(config.contains(needed), "web.config lacks {needed}");
    }
    // Every script and WebAssembly file whose name has no content hash (the Diagnose panel's,
    // the training build's) keeps no stale copy after an update.
    for entry in std::fs::read_dir(credflow_e2e::dist_dir())
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let code = name.ends_with(".js") || name.ends_with(".wasm");
        let hashed = name
            .trim_end_matches(".wasm")
            .trim_end_matches("_bg")
            .trim_end_matches(".js")
            .rsplit('-')
            .next()
            .is_some_and(|h| {
                (8..=16).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit())
            });
        if code && !hashed {
            assert!(
                config.contains(&format!(
                    "<location path=\"{name}\">\n    <system.webServer><staticContent><clientCache cacheControlMode=\"DisableCache\" />"
                )),
                "web.config lets {name} be cached"
            );
        }
    }
    // Well-formed: every element that opens closes, in order (IIS refuses the folder otherwise).
    let mut open: Vec<String> = Vec::new();
    let body = config.split("?>").nth(1).unwrap();
    let mut rest = body;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = &after[after.find("-->").expect("an unclosed comment") + 3..];
            continue;
        }
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect();
        if tag.starts_with('/') {
            assert_eq!(open.pop().as_deref(), Some(name.as_str()), "</{name}>");
        } else if !tag.ends_with('/') {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_release_archive_checks_out_and_works_unzipped_in_a_folder() {
    use std::process::Command;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // An empty scratch directory, removed at the end (a copy of dist/ with every file removed).
    let work = DistCopy::new("release", |file| std::fs::remove_file(file).unwrap());
    let run = |program: &str, args: &[&str], dir: &std::path::Path| {
        let out = Command::new(program)
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap_or_else(|e| panic!("run {program}: {e}"));
        assert!(
            out.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dist = credflow_e2e::dist_dir();
    let out = work.0.join("out");
    run(
        "scripts/release",
        &[
            "--dist",
            dist.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &root,
    );
    let zips: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".zip"))
        .collect();
    assert_eq!(zips.len(), 1, "{zips:?}");
    let zip = &zips[0];
    assert!(
        zip.starts_with("credflow-") && zip.ends_with(".zip"),
        "{zip}"
    );
    // The SHA-256 file checks out, as an administrator would check it.
    let checked = run("sha256sum", &["-c", &format!("{zip}.sha256")], &out);
    assert_eq!(checked.trim(), format!("{zip}: OK"));
    // Unzipped: one folder with the page, its web.config and the two guides.
    run("unzip", &["-q", zip, "-d", "unzipped"], &out);
    let folder = out.join("unzipped").join(zip.trim_end_matches(".zip"));
    for file in [
        "index.html",
        "web.config",
        "rules.md",
        "docs/deploy.md",
        "docs/embedding.md",
    ] {
        assert!(folder.join(file).is_file(), "the archive lacks {file}");
    }
    let page = Harness::start_with(Options {
        root: Some(folder),
        prefix: Some("/intranet/tools/credflow/".into()),
        ..Options::default()
    })
    .await;
    page.open(LINK_4).await;
    page.wait_verdict("fails", "Fails at step 4 (Connect to share)")
        .await;
    all_found_under(&page, "/intranet/tools/credflow/");
}
