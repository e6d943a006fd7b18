//! End-to-end harness: the shipped page (`dist/`, built by `trunk build --release`) in headless
//! Chromium, as a person would get it.
//!
//! `Harness::start().await` serves `$CREDFLOW_DIST` (default `<workspace>/dist`) from its own
//! static server, starts its own chromedriver and browser, and offers a few helpers. Every wait
//! polls a condition with a deadline; nothing sleeps for a fixed time. Each test gets its own
//! server, driver and browser profile, so tests run in parallel and leave nothing behind.
//!
//! Environment: `CREDFLOW_DIST`, `CHROMEDRIVER` (default /usr/bin/chromedriver), `CHROMIUM`
//! (default /usr/bin/chromium), `CREDFLOW_AXE` (default
//! `$CREDFLOW_TOOLS/node_modules/axe-core/axe.min.js`, `CREDFLOW_TOOLS` defaulting to
//! `~/.cache/credflow/tools`, where scripts/setup installs it).

mod chromedriver;
mod downloads;
mod hardening;
mod screen;
mod server;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use chromedriver::Chromedriver;
pub use downloads::Downloads;
pub use hardening::{
    credflow, credflow_cli, foreign, link_with_shares, percent_encode, NetworkRequest, Options,
};
pub use screen::Screen;
use server::StaticServer;
pub use server::{Answer, Request};

/// How long a `wait_*` helper waits before it fails the test.
pub const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

/// Chromium's flags: headless, and no attempt to reach the network (there is none here).
const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1280,900",
];

/// One browser on one served `dist/`. Dropping it ends the browser session, stops
/// chromedriver and Chromium, stops the server and removes the browser's scratch directory.
pub struct Harness {
    client: Client,
    server: StaticServer,
    /// Held for its drop, which stops the browser.
    _driver: Chromedriver,
}

impl Harness {
    /// Serves the built page and opens a browser on it (at `about:blank`; see [`Harness::open`]).
    pub async fn start() -> Harness {
        Harness::start_with(Options::default()).await
    }

    /// A fresh browser on the page opened at `fragment` (see [`Harness::open`]), once an
    /// element matching `css` is there: how most tests begin.
    pub async fn opened_at(fragment: &str, css: &str) -> Harness {
        let page = Harness::start().await;
        page.open(fragment).await;
        page.wait_for(css).await;
        page
    }

    /// A fresh browser on the page opened at `fragment`, once its verdict is `outcome` with the
    /// headline `title` (see [`Harness::wait_verdict`]).
    pub async fn opened_with_verdict(fragment: &str, outcome: &str, title: &str) -> Harness {
        let page = Harness::start().await;
        page.open(fragment).await;
        page.wait_verdict(outcome, title).await;
        page
    }

    /// Serves any directory (`/` is its `index.html`) and opens a browser, with a fresh
    /// profile, at `about:blank`. The benchmark serves a copy of `dist/` with a static
    /// comparison page added.
    pub async fn start_serving(root: PathBuf) -> Harness {
        Harness::start_with(Options {
            root: Some(root),
            ..Options::default()
        })
        .await
    }

    /// The page's origin, `http://127.0.0.1:<port>`.
    pub fn origin(&self) -> &str {
        self.server.origin()
    }

    /// The page's address: its origin and the folder it is served as
    /// (`http://127.0.0.1:<port>/` or `http://127.0.0.1:<port>/tools/credflow/`).
    pub fn page_url(&self) -> String {
        format!("{}{}", self.server.origin(), self.server.prefix())
    }

    /// From now on, answers for paths ending in `answer.suffix` as it says (a page of the
    /// test's own, a file with the wrong type).
    pub fn add_answer(&self, answer: Answer) {
        self.server.add_answer(answer);
    }

    /// The WebDriver client, for what the helpers don't cover (clicks, keys, screenshots).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Every request the static server answered so far.
    pub fn requests(&self) -> Vec<Request> {
        self.server.requests()
    }

    /// Loads the page afresh with `fragment` (`"#v=1&..."`, or `""`). Going through
    /// `about:blank` makes it a new page load even when only the fragment changes.
    pub async fn open(&self, fragment: &str) {
        self.client
            .goto("about:blank")
            .await
            .expect("open about:blank");
        let url = format!("{}{fragment}", self.page_url());
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
        // A first visit shows the prerendered page, inert, until the app replaces it.
        self.wait_until(
            "!document.getElementById('prerender') || document.getElementById('boot-error') \
             || document.getElementById('crash')",
        )
        .await;
    }

    /// The first element matching `css`, once there is one.
    pub async fn wait_for(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(TIMEOUT)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!(
                "no element matches `{css}` after {TIMEOUT:?} ({e})\n{}",
                self.diagnostics().await
            ),
        }
    }

    /// The visible text of the first element matching `css`, once there is one.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of `{css}`: {e}"))
    }

    /// The attribute `name` of the first element matching `css`, once there is one; `None`
    /// when it has no such attribute.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|e| panic!("read {name} of `{css}`: {e}"))
    }

    /// The visible text of all elements matching `css`, once it contains `needle`.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        let script = "return [...document.querySelectorAll(arguments[0])]\
                      .map(e => e.innerText ?? e.textContent).join('\\n')";
        loop {
            let text = self
                .client
                .execute(script, vec![json!(css)])
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            if text.contains(needle) {
                return text;
            }
            if Instant::now() > deadline {
                panic!(
                    "`{css}` never showed {needle:?} within {TIMEOUT:?}; it shows {text:?}\n{}",
                    self.diagnostics().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Runs `js` as the body of a function in the page and returns what it returns
    /// (`"return document.title"`).
    pub async fn eval(&self, js: &str) -> Value {
        self.client
            .execute(js, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{js}"))
    }

    /// What `js` returns, as text (`""` when it returns no string):
    /// `page.eval_text("return location.hash")`.
    pub async fn eval_text(&self, js: &str) -> String {
        self.eval(js).await.as_str().unwrap_or_default().to_string()
    }

    /// The browser console so far (cleared by each read): `{level, message, timestamp}` objects.
    pub async fn console(&self) -> Vec<Value> {
        match self.client.issue_cmd(Chromium::log("browser")).await {
            Ok(Value::Array(entries)) => entries,
            Ok(other) => panic!("unexpected console log answer: {other}"),
            Err(e) => panic!("read the browser console: {e}"),
        }
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver
    /// (`POST /session/{id}/goog/cdp/execute`) and returns its result:
    /// `page.cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}))`.
    pub async fn cdp(&self, command: &str, params: Value) -> Result<Value, CmdError> {
        self.client.issue_cmd(Chromium::cdp(command, params)).await
    }

    /// Runs axe-core on the page; returns its violations (empty when there are none).
    pub async fn axe(&self) -> Vec<Value> {
        let path = axe_path();
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "read axe-core from {} ({e}); scripts/setup installs it, or set CREDFLOW_AXE",
                path.display()
            )
        });
        // WebDriver's scripts are not subject to the page's CSP, so axe can be injected.
        self.eval(&source).await;
        let done = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document).then(r => done(r.violations), e => done({error: String(e)}));",
                vec![],
            )
            .await
            .expect("run axe-core");
        match done {
            Value::Array(violations) => violations,
            other => panic!("axe-core failed: {other}"),
        }
    }

    /// What the page shows and logged, to explain a failed wait.
    async fn diagnostics(&self) -> String {
        let body = self
            .client
            .execute(
                "return document.body ? document.body.innerText : '(no body)'",
                vec![],
            )
            .await
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .unwrap_or_else(|e| format!("(cannot read the page: {e})"));
        let console = match self.client.issue_cmd(Chromium::log("browser")).await {
            Ok(Value::Array(entries)) => entries
                .iter()
                .map(|e| format!("  {} {}", e["level"], e["message"]))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => "  (unavailable)".into(),
        };
        let requests = self
            .requests()
            .iter()
            .map(|r| format!("  {} {} {}", r.status, r.method, r.path))
            .collect::<Vec<_>>()
            .join("\n");
        format!("page text:\n{body}\nconsole:\n{console}\nrequests:\n{requests}")
    }
}

/// A copy of the shipped dist/ in a temporary directory, removed on drop: for the tests of a
/// page whose files are missing, cut short or changed.
pub struct DistCopy(pub PathBuf);

impl DistCopy {
    /// Copies dist/ and passes each copied file to `spoil` (which may rewrite or delete it).
    pub fn new(name: &str, spoil: impl Fn(&std::path::Path)) -> DistCopy {
        let dir = std::env::temp_dir().join(format!(
            "credflow-e2e-{name}-{}-{:?}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        ));
        std::fs::create_dir(&dir).expect("create a temporary dist");
        for entry in std::fs::read_dir(dist_dir()).expect("read dist/").flatten() {
            let to = dir.join(entry.file_name());
            if entry.path().is_file() {
                std::fs::copy(entry.path(), &to).expect("copy dist/");
                spoil(&to);
            }
        }
        DistCopy(dir)
    }
}

impl Drop for DistCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The name (without extension) the page gives the exported files of the scenario `link`
/// (`credflow-legacy-fails-connect-share`): the core's, as the page computes it.
pub fn file_stem(link: &str) -> String {
    let scenario = credflow_core::decode(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    credflow_core::export::file_stem(&credflow_core::plan(&scenario))
}

/// `$CREDFLOW_DIST`, or the workspace's `dist/`.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("CREDFLOW_DIST") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"),
    }
}

fn axe_path() -> PathBuf {
    if let Some(path) = std::env::var_os("CREDFLOW_AXE") {
        return PathBuf::from(path);
    }
    let tools = match std::env::var_os("CREDFLOW_TOOLS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
            .join(".cache/credflow/tools"),
    };
    tools.join("node_modules/axe-core/axe.min.js")
}

/// One of ChromeDriver's own commands: `POST /session/{id}/<path>` with a JSON `body`.
#[derive(Debug)]
pub(crate) struct Chromium {
    path: &'static str,
    body: String,
}

impl Chromium {
    /// `se/log`: one of the logs named in `goog:loggingPrefs` at session start (`browser`: the
    /// console; `performance`: DevTools events). Reading a log clears it.
    pub(crate) fn log(kind: &str) -> Chromium {
        Chromium {
            path: "se/log",
            body: json!({ "type": kind }).to_string(),
        }
    }

    /// `goog/cdp/execute`: one DevTools Protocol command, `{"cmd": ..., "params": {...}}`.
    pub(crate) fn cdp(command: &str, params: Value) -> Chromium {
        Chromium {
            path: "goog/cdp/execute",
            body: json!({ "cmd": command, "params": params }).to_string(),
        }
    }
}

impl WebDriverCompatibleCommand for Chromium {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.clone()))
    }
}

/// Helpers for tests that act as a person would: click, press keys, wait for a condition.
impl Harness {
    /// Polls the JavaScript expression `condition` until it is truthy and returns its value
    /// (`page.wait_until("document.querySelector('#verdict')?.dataset.outcome === 'ok'")`).
    pub async fn wait_until(&self, condition: &str) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        let script = format!("return ({condition});");
        loop {
            let value = self.client.execute(&script, vec![]).await;
            if let Ok(v) = &value {
                let truthy = match v {
                    Value::Null => false,
                    Value::Bool(b) => *b,
                    Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
                    Value::String(s) => !s.is_empty(),
                    _ => true,
                };
                if truthy {
                    return v.clone();
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "`{condition}` never became true within {TIMEOUT:?}; last value: {value:?}\n{}",
                    self.diagnostics().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the verdict banner has `outcome` (`fails`, `ok`, ...) and its headline
    /// tells `title` (`Fails at step 4 (Connect to share)`), whatever the run meets before
    /// (`Waits for a user to log on, then fails at step 4 (Install)`) or after it (`; 1 later
    /// step would also fail`): the headline tells the story in order.
    pub async fn wait_verdict(&self, outcome: &str, title: &str) {
        self.wait_until(&format!(
            "(() => {{ const v = document.querySelector('#verdict');\
               return v && v.dataset.outcome === {} &&\
                 v.querySelector('.verdict-title').innerText.trim().toLowerCase()\
                   .includes({}.toLowerCase()); }})()",
            js(outcome),
            js(title)
        ))
        .await;
    }

    /// What the wizard shows as chosen: the checked radio per input key, the checked DP ACL
    /// boxes, and each share row's path and checked readers, in order.
    pub async fn shown_choices(&self) -> Value {
        self.eval(
            "const radios = {};\
             for (const r of document.querySelectorAll('input[type=radio]:checked')) radios[r.name] = r.value;\
             const boxes = (root, prefix) => [...root.querySelectorAll('input[type=checkbox]')]\
               .filter(b => b.id.startsWith(prefix) && b.checked).map(b => b.dataset.principal);\
             return {\
               radios,\
               dpacl: boxes(document, 'dpacl-'),\
               shares: [...document.querySelectorAll('li.share-row')].map((li, i) => ({\
                 unc: li.querySelector('input.share-unc').value,\
                 readers: boxes(li, 'share-' + i + '-'),\
               })),\
             };",
        )
        .await
    }

    /// Clicks the first element matching `css` (a WebDriver click: scrolled into view, at its
    /// centre, as a pointer would).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        // The sections below the diagram follow a change two frames after it: a click aimed
        // before they have moved would land where the element was.
        self.settle().await;
        // In the middle of the window, as a person scrolls to what they click: the message
        // that stays at the top of the window while the page scrolls covers the top row.
        let target = serde_json::to_value(&element).expect("an element reference");
        if let Err(e) = self
            .client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })",
                vec![target],
            )
            .await
        {
            panic!("scroll `{css}` into view: {e}");
        }
        if let Err(e) = element.click().await {
            panic!("click `{css}`: {e}\n{}", self.diagnostics().await);
        }
    }

    /// Waits until the page has painted twice, so that the lists that follow a change one
    /// frame later are in place.
    pub async fn settle(&self) {
        let js = "const done = arguments[arguments.length - 1];\
                  requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));";
        if let Err(e) = self.client.execute_async(js, vec![]).await {
            panic!("wait for the page to paint: {e}");
        }
    }

    /// Opens a wizard tab (`client`, `program`, `runtime`, `accounts`, `content`) by clicking
    /// it, and waits until its panel shows.
    pub async fn open_tab(&self, id: &str) {
        self.click(&format!("#tab-{id}")).await;
        self.wait_until(&format!(
            "!document.getElementById('panel-{id}').hidden &&\
             document.getElementById('tab-{id}').getAttribute('aria-selected') === 'true'"
        ))
        .await;
    }

    /// Clicks a radio (or checkbox) and waits until it is checked.
    pub async fn choose(&self, id: &str) {
        self.click(&format!("#{id}")).await;
        self.wait_checked(id).await;
    }

    /// Waits until the radio (or checkbox) `id` is checked, as the page checks one itself
    /// when another choice needs it.
    pub async fn wait_checked(&self, id: &str) {
        self.wait_until(&format!("document.getElementById({}).checked", js(id)))
            .await;
    }

    /// Opens the wizard tab `tab` and chooses `id` on it, as a person walks the wizard.
    pub async fn choose_in(&self, tab: &str, id: &str) {
        self.open_tab(tab).await;
        self.choose(id).await;
    }

    /// Clears a checkbox by clicking it, and waits until it is clear.
    pub async fn unchoose(&self, id: &str) {
        self.click(&format!("#{id}")).await;
        self.wait_until(&format!("!document.getElementById({}).checked", js(id)))
            .await;
    }

    /// Picks `value` in the drop-down `id` as a person would: the page hears a `change`.
    pub async fn select(&self, id: &str, value: &str) {
        self.eval_args(
            "const s = document.getElementById(arguments[0]);\
             s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(id), json!(value)],
        )
        .await;
    }

    /// Types `unc` into "Add a share" (emptied first) and clicks "Add share"; what the page
    /// makes of it is the caller's to wait for.
    pub async fn submit_share(&self, unc: &str) {
        let field = self.wait_for("#share-new").await;
        field.clear().await.expect("clear #share-new");
        field
            .send_keys(unc)
            .await
            .unwrap_or_else(|e| panic!("type {unc:?} into #share-new: {e}"));
        self.click("#share-add").await;
    }

    /// Opens the Content tab, adds the share `unc` through "Add a share", and waits until its
    /// row is the last one.
    pub async fn add_share(&self, unc: &str) {
        self.open_tab("content").await;
        let before = self
            .eval("return document.querySelectorAll('li.share-row').length")
            .await
            .as_u64()
            .expect("a count of share rows");
        self.submit_share(unc).await;
        self.wait_until(&format!(
            "(() => {{ const rows = document.querySelectorAll('li.share-row');\
               return rows.length === {} && rows[{before}].querySelector('input.share-unc').value === {}; }})()",
            before + 1,
            js(unc)
        ))
        .await;
    }

    /// Waits until the URL fragment is exactly `hash` (the page writes it after a short pause).
    pub async fn wait_hash(&self, hash: &str) {
        self.wait_until(&format!("location.hash === {}", js(hash)))
            .await;
    }

    /// Asks the browser for a `light` or `dark` system theme.
    pub async fn prefer_color_scheme(&self, scheme: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await
        .expect("emulate the color scheme");
    }

    /// Waits until the verdict banner's text is no longer `before`, and returns the new text.
    pub async fn wait_verdict_change(&self, before: &str) -> String {
        let changed = self
            .wait_until(&format!(
                "(() => {{ const v = document.getElementById('verdict');\
                   return v && v.innerText && v.innerText !== {} ? v.innerText : null; }})()",
                js(before)
            ))
            .await;
        changed.as_str().unwrap_or_default().to_string()
    }

    /// Which of `selectors` take up space on the page: `{selector: true|false}`.
    pub async fn rendered(&self, selectors: &[&str]) -> Value {
        self.eval_args(
            "return Object.fromEntries(arguments[0].map(css => {\
               const e = document.querySelector(css);\
               return [css, !!e && e.checkVisibility() && e.getClientRects().length > 0];\
             }));",
            vec![json!(selectors)],
        )
        .await
    }

    /// Lays the page out as for printing (`true`) or for the screen again, and waits until the
    /// page's media queries say so.
    pub async fn print_media(&self, print: bool) {
        let media = if print { "print" } else { "" };
        if let Err(e) = self
            .cdp("Emulation.setEmulatedMedia", json!({ "media": media }))
            .await
        {
            panic!("emulate the {media:?} media: {e}");
        }
        self.wait_until(if print {
            "matchMedia('print').matches"
        } else {
            "!matchMedia('print').matches"
        })
        .await;
    }

    /// Presses each key in turn (down, then up) wherever the focus is, as at a keyboard.
    /// Special keys are `fantoccini::key::Key` values turned into `char`s.
    pub async fn press(&self, keys: &[char]) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for &key in keys {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.perform(actions, &format!("press {keys:?}")).await;
    }

    /// Presses each of `keys` in turn, as at a keyboard: `&[Key::Home, Key::Right]`.
    pub async fn press_keys(&self, keys: &[fantoccini::key::Key]) {
        let keys: Vec<char> = keys.iter().map(|&key| key.into()).collect();
        self.press(&keys).await;
    }

    /// Presses `key` while `modifier` is held (Shift+Tab).
    pub async fn press_chord(&self, modifier: fantoccini::key::Key, key: fantoccini::key::Key) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let (modifier, key): (char, char) = (modifier.into(), key.into());
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: modifier })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: modifier });
        self.perform(actions, &format!("press {modifier:?}+{key:?}"))
            .await;
    }

    /// Performs keyboard `actions`; a failure names `what` was pressed.
    async fn perform(&self, actions: fantoccini::actions::KeyActions, what: &str) {
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
    }
}

/// A string as a JavaScript (JSON) string literal, for building scripts.
pub fn js(s: &str) -> String {
    json!(s).to_string()
}

/// Fails with every axe-core violation on the page (its rule, impact, help and up to four of
/// its elements), naming `what` was scanned.
pub async fn assert_no_violations(page: &Harness, what: &str) {
    let violations: Vec<String> = page
        .axe()
        .await
        .iter()
        .map(|v| {
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .map(|n| n.iter().take(4).map(|n| n["target"].to_string()).collect())
                .unwrap_or_default();
            format!(
                "{} ({}): {} at {}",
                v["id"],
                v["impact"],
                v["help"],
                nodes.join(" ")
            )
        })
        .collect();
    assert!(violations.is_empty(), "{what}: {violations:#?}");
}
