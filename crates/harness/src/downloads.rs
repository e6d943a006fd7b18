//! The files a page offers for download, as the browser saves them.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::{Harness, TIMEOUT};

/// A directory the browser saves downloads into, without asking (inside the browser's
/// scratch directory, removed with it).
pub struct Downloads(PathBuf);

impl Downloads {
    /// Sends `page`'s downloads to a directory of their own.
    pub async fn attach(page: &Harness) -> Downloads {
        let dir = page.downloads_dir().join("saved");
        std::fs::create_dir_all(&dir).expect("create the download directory");
        page.cdp(
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": dir.to_str().unwrap() }),
        )
        .await
        .expect("set the browser's download directory");
        Downloads(dir)
    }

    /// A fresh browser that saves downloads here, on the page opened at `fragment` once its
    /// diagram is drawn: how an export test begins.
    pub async fn opened_at(fragment: &str) -> (Harness, Downloads) {
        let page = Harness::start().await;
        let downloads = Downloads::attach(&page).await;
        page.open(fragment).await;
        page.wait_for("#diagram svg").await;
        (page, downloads)
    }

    /// Where the files go.
    pub fn dir(&self) -> &PathBuf {
        &self.0
    }

    /// The names of the files saved so far, sorted (with any half-written).
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// The names, once at least `count` files are saved and none is half-written.
    pub async fn wait_count(&self, count: usize) -> Vec<String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let names = self.names();
            if names.len() >= count && !names.iter().any(|n| n.ends_with(".crdownload")) {
                return names;
            }
            assert!(Instant::now() < deadline, "downloads: {names:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The bytes of `name`, once the browser has finished writing it.
    pub async fn wait_for(&self, name: &str) -> Vec<u8> {
        let deadline = Instant::now() + TIMEOUT;
        let file = self.0.join(name);
        loop {
            let names = self.names();
            if !names.iter().any(|n| n.ends_with(".crdownload")) {
                if let Ok(bytes) = std::fs::read(&file) {
                    if !bytes.is_empty() {
                        return bytes;
                    }
                }
            }
            assert!(
                Instant::now() < deadline,
                "no download {name} within {TIMEOUT:?}; the directory holds {names:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
