//! Helpers for the hardening tests (hostile.rs, network.rs, bad_state.rs, panic.rs): a browser
//! that records every network request (chromedriver's performance log of DevTools `Network`
//! events) and saves downloads into its scratch directory, a script that runs before the
//! page's own on every load, stopping the server, and the `credflow` command-line tool.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use fantoccini::wd::Capabilities;
use fantoccini::ClientBuilder;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use crate::chromedriver::Chromedriver;
use crate::server::{Answer, Serving, StaticServer};
use crate::{dist_dir, Chromium, Harness, CHROME_ARGS, POLL, TIMEOUT};

/// How [`Harness::start_with`] starts the browser.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The directory to serve; `None`: `$CREDFLOW_DIST` (see [`dist_dir`]).
    pub root: Option<PathBuf>,
    /// Record DevTools `Network` events; read them with [`Harness::network_requests`].
    pub network_log: bool,
    /// The folder the page is served as (`/tools/credflow/`); `None`: `/`.
    pub prefix: Option<String>,
    /// Send `Access-Control-Allow-Origin: *` with every file, as the shipped web.config does.
    pub cors: bool,
    /// Answers that replace some files' (a wrong type, a proxy's block page).
    pub answers: Vec<Answer>,
}

/// One DevTools `Network` event: a request the browser made or tried, its answer, or its
/// failure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkRequest {
    /// `Network.requestWillBeSent`, `Network.responseReceived`, `Network.loadingFailed`,
    /// `Network.webSocketCreated`.
    pub event: String,
    /// Ties the events of one request together.
    pub request_id: String,
    /// The URL (empty for `Network.loadingFailed`, which names only the request id).
    pub url: String,
    /// `requestWillBeSent`: the document that asked (`chrome://...` for the browser's own
    /// pages, such as the new-tab page Chromium opens before the test navigates).
    pub document: String,
    /// `loadingFailed`: why (`csp` when the Content-Security-Policy blocked it), and the error.
    pub blocked_reason: String,
    pub error: String,
}

impl NetworkRequest {
    /// Asked for by one of the browser's own pages (`chrome://`), not by a web page.
    pub fn is_browser_internal(&self) -> bool {
        self.document.starts_with("chrome://")
            || self.document.starts_with("chrome-untrusted://")
            || self.url.starts_with("chrome://")
            || self.url.starts_with("chrome-untrusted://")
    }
}

impl Harness {
    /// Like [`Harness::start`], with options. Downloads always go to the browser's scratch
    /// directory ([`Harness::downloads_dir`]), never to the home directory.
    pub async fn start_with(options: Options) -> Harness {
        let root = options.root.unwrap_or_else(dist_dir);
        assert!(
            root.join("index.html").is_file(),
            "{} has no index.html: build the page first",
            root.display()
        );
        let serving = Serving {
            prefix: options.prefix,
            cors: options.cors,
            answers: options.answers,
        };
        let server = StaticServer::start_with(root, serving)
            .await
            .expect("start the static file server");
        let mut driver = Chromedriver::start().await.expect("start chromedriver");
        let downloads = downloads_dir_of(&driver);
        std::fs::create_dir_all(&downloads).expect("create the downloads directory");

        let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!(
            "--user-data-dir={}",
            driver.profile_dir().display()
        ));
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut chrome = json!({
            "binary": chromium,
            "args": args,
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
            },
        });
        let mut logging = json!({ "browser": "ALL" });
        if options.network_log {
            chrome["perfLoggingPrefs"] = json!({ "enableNetwork": true, "enablePage": false });
            logging["performance"] = json!("ALL");
        }
        let capabilities: Capabilities = match json!({
            "browserName": "chrome",
            "goog:chromeOptions": chrome,
            "goog:loggingPrefs": logging,
        }) {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .expect("open a Chromium session through chromedriver");
        driver.set_session(client.session_id().await.expect("session id"));
        Harness {
            client,
            server,
            _driver: driver,
        }
    }

    /// Where this browser saves downloads (inside its scratch directory, removed with it).
    pub fn downloads_dir(&self) -> PathBuf {
        downloads_dir_of(&self._driver)
    }

    /// Every request the browser made or tried since the last call (the performance log is
    /// emptied by each read). Needs `Options { network_log: true, .. }`.
    pub async fn network_requests(&self) -> Vec<NetworkRequest> {
        let entries = match self.client.issue_cmd(Chromium::log("performance")).await {
            Ok(Value::Array(entries)) => entries,
            Ok(other) => panic!("unexpected performance log answer: {other}"),
            Err(e) => panic!("read the performance log (start with network_log: true): {e}"),
        };
        let mut out = Vec::new();
        for entry in entries {
            let Some(message) = entry["message"].as_str() else {
                continue;
            };
            let Ok(message) = serde_json::from_str::<Value>(message) else {
                continue;
            };
            let event = message["message"]["method"].as_str().unwrap_or_default();
            let p = &message["message"]["params"];
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            let url = match event {
                "Network.requestWillBeSent" => text(&p["request"]["url"]),
                "Network.responseReceived" => text(&p["response"]["url"]),
                "Network.webSocketCreated" => text(&p["url"]),
                "Network.loadingFailed" => String::new(),
                _ => continue,
            };
            out.push(NetworkRequest {
                event: event.to_string(),
                request_id: text(&p["requestId"]),
                url,
                document: text(&p["documentURL"]),
                blocked_reason: text(&p["blockedReason"]),
                error: text(&p["errorText"]),
            });
        }
        out
    }

    /// Runs `source` in every page this browser loads from now on, before the page's own
    /// scripts (DevTools `Page.addScriptToEvaluateOnNewDocument`).
    pub async fn before_every_page(&self, source: &str) {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await
        .expect("DevTools Page.addScriptToEvaluateOnNewDocument");
    }

    /// Stops the static server: from now on nothing answers at [`Harness::origin`]. Waits
    /// until a connection is refused.
    pub async fn stop_server(&self) {
        self.server.stop();
        let address = self.origin().trim_start_matches("http://").to_string();
        let deadline = Instant::now() + TIMEOUT;
        while tokio::net::TcpStream::connect(&address).await.is_ok() {
            assert!(
                Instant::now() < deadline,
                "the server at {address} still answers"
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// Runs `js` (a function body) with `arguments[0..]` = `args`.
    pub async fn eval_args(&self, js: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(js, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{js}"))
    }

    /// Runs `js` (an async function body: `await` works; its value is returned).
    pub async fn eval_async(&self, js: &str, args: Vec<Value>) -> Value {
        let wrapped = format!(
            "const done = arguments[arguments.length - 1];\
             (async function () {{ {js} }}).apply(null, [...arguments].slice(0, -1))\
             .then(done, e => done({{ error: String(e && e.stack || e) }}));"
        );
        self.client
            .execute_async(&wrapped, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{js}"))
    }
}

fn downloads_dir_of(driver: &Chromedriver) -> PathBuf {
    driver.profile_dir().with_file_name("downloads")
}

/// Runs the `credflow` command-line tool (`cargo run -p credflow-cli`, so it is the current
/// one) and returns (exit code, standard output, standard error).
pub fn credflow_cli(args: &[&str]) -> (i32, String, String) {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml");
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--locked", "--manifest-path"])
        .arg(&manifest)
        .args(["-p", "credflow-cli", "--"])
        .args(args)
        .output()
        .expect("run cargo run -p credflow-cli");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the `credflow` command-line tool as [`credflow_cli`] does and returns its standard
/// output; fails the test, with its standard error, if it does not succeed.
pub fn credflow(args: &[&str]) -> String {
    let (code, out, err) = credflow_cli(args);
    assert_eq!(code, 0, "credflow {args:?}: {err}");
    out
}

/// `text` with every byte but ASCII letters and digits written as `%XX`, as a link value.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A link fragment (`#v=1&share=...`) listing `uncs` as shares, each readable by
/// Authenticated Users, after the `extra` pairs (`"client=legacy"`, or `""`).
pub fn link_with_shares<S: AsRef<str>>(extra: &str, uncs: &[S]) -> String {
    let mut link = String::from("#v=1");
    if !extra.is_empty() {
        link.push('&');
        link.push_str(extra);
    }
    for unc in uncs {
        link.push_str("&share=");
        link.push_str(&percent_encode(&format!("{}~users", unc.as_ref())));
    }
    link
}

/// Requests that a web page (not the browser's own `chrome://` pages) made or tried to
/// anywhere but `origin`, other than the page's own `data:` and `blob:` URLs.
pub fn foreign(requests: &[NetworkRequest], origin: &str) -> Vec<String> {
    let own = format!("{origin}/");
    requests
        .iter()
        .filter(|r| {
            matches!(
                r.event.as_str(),
                "Network.requestWillBeSent" | "Network.webSocketCreated"
            )
        })
        .filter(|r| !r.is_browser_internal())
        .filter(|r| {
            !(r.url.starts_with(&own)
                || r.url.starts_with("data:")
                || r.url.starts_with(&format!("blob:{origin}/"))
                || r.url == "about:blank")
        })
        .map(|r| format!("{} {} (from {})", r.event, r.url, r.document))
        .collect()
}
