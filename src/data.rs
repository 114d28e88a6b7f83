//! Fetching the shipped corpus: `data/manifest.json`, then each issue's file.

use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::core::corpus::{Manifest, ShippedIssue};
use crate::core::library::Library;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request did not complete (offline, refused, timed out).
    Network { url: String, detail: String },
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// The file is not the JSON the app expects (truncated, ill-typed).
    Parse { url: String, detail: String },
    /// The data parsed but contradicts itself (duplicate ids, dangling references).
    Invalid { failures: Vec<String> },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, detail } => write!(f, "{url}: {detail}"),
            LoadError::Status { url, status } => write!(f, "{url}: HTTP {status}"),
            LoadError::Parse { url, detail } => write!(f, "{url}: {detail}"),
            LoadError::Invalid { failures } => write!(f, "{}", failures.join("\n")),
        }
    }
}

/// The app's root path ("" or "/sub/path"), read from the document's base URL so one build
/// serves from any folder. Every generated page's `<base href>` points back at the root.
pub fn router_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

const FETCH_TIMEOUT_MS: u32 = 30_000;

/// Fetches and parses a JSON file. `revalidate` asks the server (or service worker) every time,
/// for files whose name does not change with their content.
async fn fetch_json<T: DeserializeOwned>(url: &str, revalidate: bool) -> Result<T, LoadError> {
    // A stalled connection is reported, not waited on for ever.
    let timeout = web_sys::AbortSignal::timeout_with_u32(FETCH_TIMEOUT_MS);
    let mut request = gloo_net::http::Request::get(url).abort_signal(Some(&timeout));
    if revalidate {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let response = request.send().await.map_err(|e| LoadError::Network {
        url: url.to_string(),
        detail: e.to_string(),
    })?;
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let text = response.text().await.map_err(|e| LoadError::Network {
        url: url.to_string(),
        detail: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| LoadError::Parse {
        url: url.to_string(),
        detail: e.to_string(),
    })
}

/// What the app loaded.
#[derive(Clone)]
pub struct Loaded {
    pub library: Arc<Library>,
    /// The corpus differs from the one this browser loaded last time.
    pub data_updated: bool,
}

const DATA_VERSION_KEY: &str = "cankao.data-version";

/// Loads the manifest and every issue it lists, checks what arrived, and indexes it.
pub async fn load() -> Result<Loaded, LoadError> {
    // Relative URLs resolve against the document's base, i.e. the app's root.
    let manifest: Manifest = fetch_json("data/manifest.json", true).await?;
    let mut shipped: Vec<ShippedIssue> = Vec::with_capacity(manifest.issues.len());
    for entry in &manifest.issues {
        shipped.push(fetch_json(&format!("data/{}", entry.file), false).await?);
    }
    // Issue files are named by their content hash: their names are the data's version.
    let version: Vec<&str> = manifest.issues.iter().map(|i| i.file.as_str()).collect();
    let version = version.join(",");
    let library =
        Library::new(manifest.registry, shipped).map_err(|failures| LoadError::Invalid {
            failures: failures.iter().map(ToString::to_string).collect(),
        })?;
    let previous = crate::storage::get(DATA_VERSION_KEY);
    crate::storage::set(DATA_VERSION_KEY, &version);
    Ok(Loaded {
        library: Arc::new(library),
        data_updated: previous.is_some_and(|p| p != version),
    })
}
