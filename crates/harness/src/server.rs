//! A static file server for the built `dist/`, on 127.0.0.1, that remembers every request so a
//! test can prove the page asked for nothing but its own files. It serves `dist/` at `/` or
//! under a folder (`/tools/credflow/`, as an intranet server would), with or without CORS
//! headers, and can answer for some files as a misconfigured server or a proxy would.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One request the server answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path, without the query string.
    pub path: String,
    pub status: u16,
}

/// The longest request head read; a browser's is a few hundred bytes.
const MAX_HEAD: usize = 64 * 1024;

/// An answer that replaces the file's for every path ending in `suffix` (`.wasm`, `.js`,
/// `/wiki.html`): what a misconfigured server or a proxy sends, or a page of the test's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub suffix: String,
    pub status: u16,
    pub content_type: String,
    /// The body; `None`: the file's own bytes (a wrong type for the right file).
    pub body: Option<Vec<u8>>,
}

impl Answer {
    /// The file's own bytes for paths ending in `suffix`, sent as `content_type`.
    pub fn typed_as(suffix: &str, content_type: &str) -> Answer {
        Answer {
            suffix: suffix.into(),
            status: 200,
            content_type: content_type.into(),
            body: None,
        }
    }

    /// An HTML page of the test's own (a wiki page, a proxy's) for paths ending in `suffix`.
    pub fn html(suffix: &str, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            suffix: suffix.into(),
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: Some(body.into()),
        }
    }
}

/// How the server serves `dist/`.
#[derive(Clone, Debug, Default)]
pub struct Serving {
    /// The folder `dist/` is served as: `/` (`None`) or `/tools/credflow/`. Everything outside
    /// it is 404; the folder without its trailing slash redirects to it, as IIS, nginx and
    /// Apache do.
    pub prefix: Option<String>,
    /// `Access-Control-Allow-Origin: *` with every answer, as the shipped web.config sends it.
    pub cors: bool,
    /// Answers that replace the files' (first match wins).
    pub answers: Vec<Answer>,
}

struct Config {
    root: PathBuf,
    prefix: String,
    cors: bool,
    answers: Mutex<Vec<Answer>>,
}

pub struct StaticServer {
    origin: String,
    requests: Arc<Mutex<Vec<Request>>>,
    config: Arc<Config>,
    task: JoinHandle<()>,
}

impl StaticServer {
    /// Serves `root` as `serving` says, on a free port of 127.0.0.1, until dropped.
    pub async fn start_with(root: PathBuf, serving: Serving) -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let origin = format!("http://{}", listener.local_addr()?);
        let requests = Arc::new(Mutex::new(Vec::new()));
        let mut prefix = serving.prefix.unwrap_or_else(|| "/".into());
        if !prefix.starts_with('/') {
            prefix.insert(0, '/');
        }
        if !prefix.ends_with('/') {
            prefix.push('/');
        }
        let config = Arc::new(Config {
            root,
            prefix,
            cors: serving.cors,
            answers: Mutex::new(serving.answers),
        });
        let task = {
            let requests = requests.clone();
            let config = config.clone();
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(answer(stream, config.clone(), requests.clone()));
                }
            })
        };
        Ok(StaticServer {
            origin,
            requests,
            config,
            task,
        })
    }

    /// The folder `dist/` is served as: `/` or `/tools/credflow/`.
    pub fn prefix(&self) -> &str {
        &self.config.prefix
    }

    /// Adds an answer (it comes before the ones given at start).
    pub fn add_answer(&self, answer: Answer) {
        self.config.answers.lock().unwrap().insert(0, answer);
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Every request answered so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// Stops accepting connections (the listener closes; a request in flight still ends).
    pub fn stop(&self) {
        self.task.abort();
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Answers one request and closes the connection (`Connection: close` keeps this simple; the
/// page loads a handful of files).
async fn answer(stream: TcpStream, config: Arc<Config>, requests: Arc<Mutex<Vec<Request>>>) {
    let mut reader = BufReader::new(stream);
    let Ok(Some((method, target))) = read_head(&mut reader).await else {
        return;
    };
    let path = target
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    let not_found = || {
        (
            404,
            "text/plain; charset=utf-8".to_string(),
            b"not found\n".to_vec(),
        )
    };
    let mut location = None;
    let replaced = config
        .answers
        .lock()
        .unwrap()
        .iter()
        .find(|a| path.ends_with(&a.suffix))
        .cloned();
    let (status, content_type, body) = match method.as_str() {
        "GET" | "HEAD" => match path.strip_prefix(config.prefix.as_str()) {
            _ if format!("{path}/") == config.prefix => {
                location = Some(config.prefix.clone());
                (301, "text/plain; charset=utf-8".into(), b"moved\n".to_vec())
            }
            Some(relative) => {
                let file = file_for(&config.root, &format!("/{relative}"));
                match (replaced, file) {
                    (Some(a), file) => {
                        let own = match &file {
                            Some(f) => tokio::fs::read(f).await.ok(),
                            None => None,
                        };
                        match a.body.or(own) {
                            Some(body) => (a.status, a.content_type, body),
                            None => not_found(),
                        }
                    }
                    (None, Some(file)) => match tokio::fs::read(&file).await {
                        Ok(body) => (200, content_type(&file).to_string(), body),
                        Err(_) => not_found(),
                    },
                    (None, None) => not_found(),
                }
            }
            None => match replaced {
                Some(Answer {
                    status,
                    content_type,
                    body: Some(body),
                    ..
                }) => (status, content_type, body),
                _ => not_found(),
            },
        },
        _ => (
            405,
            "text/plain; charset=utf-8".into(),
            b"method not allowed\n".to_vec(),
        ),
    };
    requests.lock().unwrap().push(Request {
        method: method.clone(),
        path,
        status,
    });

    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Other",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(location) = location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    if config.cors {
        head.push_str("Access-Control-Allow-Origin: *\r\n");
    }
    head.push_str("\r\n");
    let mut stream = reader.into_inner();
    let _ = stream.write_all(head.as_bytes()).await;
    if method != "HEAD" {
        let _ = stream.write_all(&body).await;
    }
    let _ = stream.shutdown().await;
}

/// Reads the request line and skips the headers. `None` if the peer closed first.
async fn read_head(reader: &mut BufReader<TcpStream>) -> io::Result<Option<(String, String)>> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).await? == 0 {
        return Ok(None);
    }
    let mut read = request_line.len();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).await?;
        read += n;
        if n == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if read > MAX_HEAD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "request head too long",
            ));
        }
    }
    let mut parts = request_line.split_whitespace();
    match (parts.next(), parts.next()) {
        (Some(method), Some(target)) => Ok(Some((method.to_string(), target.to_string()))),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "bad request line",
        )),
    }
}

/// The file under `root` that `path` names: `/` is `index.html`. Nothing outside `root`, no
/// directories, no hidden tricks with `..`.
fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = path.strip_prefix('/')?;
    let relative = if relative.is_empty() {
        "index.html"
    } else {
        relative
    };
    let mut file = root.to_path_buf();
    for segment in relative.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." || segment.contains('\\') {
            return None;
        }
        file.push(segment);
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" | "webmanifest" => "application/json",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_root() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(file_for(root, "/Cargo.toml"), Some(root.join("Cargo.toml")));
        assert_eq!(
            file_for(root, "/src/server.rs"),
            Some(root.join("src/server.rs"))
        );
        for bad in [
            "/../Cargo.toml",
            "/src/../Cargo.toml",
            "//etc/passwd",
            "/src",
            "/nope",
            "x",
        ] {
            assert_eq!(file_for(root, bad), None, "{bad}");
        }
    }

    #[test]
    fn wasm_is_served_as_wasm() {
        assert_eq!(content_type(Path::new("a_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("a.js")),
            "text/javascript; charset=utf-8"
        );
    }
}
