//! Our own chromedriver on a free port, with a scratch directory for Chromium's profile and
//! temporary files. Dropping it ends the browser session, stops the driver and the browser,
//! and removes the scratch directory.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const STARTUP: Duration = Duration::from_secs(30);

pub struct Chromedriver {
    child: Child,
    port: u16,
    scratch: Scratch,
    session: Option<String>,
}

impl Chromedriver {
    /// Starts `$CHROMEDRIVER` (default /usr/bin/chromedriver) and waits until it is ready.
    /// The free port it is given can be taken by another process before it binds it (the
    /// tests run in parallel, and every connection takes an ephemeral port): then it starts
    /// again on another port, up to three times.
    pub async fn start() -> io::Result<Self> {
        let mut attempt = 1;
        loop {
            match Self::start_once().await {
                Err(e) if attempt < 3 && e.to_string().contains("Address already in use") => {
                    attempt += 1;
                }
                result => return result,
            }
        }
    }

    async fn start_once() -> io::Result<Self> {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let scratch = Scratch::new()?;
        let tmp = scratch.path().join("tmp");
        std::fs::create_dir(&tmp)?;
        let log = scratch.path().join("chromedriver.log");
        let port = free_port()?;
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            // Chromium's own temporary files (/tmp/org.chromium.Chromium.*) land in the scratch
            // directory and go with it.
            .env("TMPDIR", &tmp)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, so that the browser it starts can be stopped with it.
            .process_group(0)
            .spawn()
            .map_err(|e| io::Error::new(e.kind(), format!("cannot start {binary}: {e}")))?;
        let mut driver = Chromedriver {
            child,
            port,
            scratch,
            session: None,
        };

        let deadline = Instant::now() + STARTUP;
        loop {
            if let Some(status) = driver.child.try_wait()? {
                return Err(io::Error::other(format!(
                    "{binary} exited with {status} at start; its log:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                )));
            }
            if let Ok((200, body)) = driver.http("GET", "/status") {
                if body.contains("\"ready\":true") {
                    return Ok(driver);
                }
            }
            if Instant::now() > deadline {
                return Err(io::Error::other(format!(
                    "{binary} did not answer on port {port} within {STARTUP:?}"
                )));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// `http://127.0.0.1:<port>`, for fantoccini.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A fresh directory for Chromium's `--user-data-dir`.
    pub fn profile_dir(&self) -> PathBuf {
        self.scratch.path().join("profile")
    }

    /// Remembers the WebDriver session so that drop can end it even if the test panicked.
    pub fn set_session(&mut self, session: Option<String>) {
        self.session = session;
    }

    /// A small blocking HTTP/1.1 exchange with the driver: (status, body).
    fn http(&self, method: &str, path: &str) -> io::Result<(u16, String)> {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(2))?;
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            self.port
        )?;
        // chromedriver says `Connection: close` but keeps the socket open: read by length.
        let mut reader = BufReader::new(stream);
        let mut status_line = String::new();
        reader.read_line(&mut status_line)?;
        let status = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| io::Error::other("no HTTP status from chromedriver"))?;
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        Ok((status, String::from_utf8_lossy(&body).into_owned()))
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        // Ending the session closes the browser cleanly; then stop the driver, and anything
        // left in its process group.
        if let Some(session) = self.session.take() {
            let _ = self.http("DELETE", &format!("/session/{session}"));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
    }
}

/// A directory under the system's temporary directory, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> io::Result<Self> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let path = std::env::temp_dir().join(format!(
            "credflow-e2e-{}-{}-{nanos}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir(&path)?;
        Ok(Scratch(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A port nobody listens on right now (the OS picks it; a tiny race is acceptable in tests).
fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}
