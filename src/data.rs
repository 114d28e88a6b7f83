//! Fetching the shipped corpus: `data/manifest.json` first, then the issue the page shows; the
//! other issues' outlines (the catalog) and texts come later, when wanted (see `store`).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::corpus::{IssueEntry, Manifest, ShippedIssue};
use crate::core::library::{Library, LibraryBuilder};
use crate::core::load::{data_url, FETCH_TIMEOUT_MS, PREFETCHED};

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

/// The page's fetches started ahead of their use, by URL (`window[PREFETCHED]`): the page's
/// loader (written by `cankao-tool`) starts the first view's data files beside the wasm, the
/// store the catalog's files. Made when `make` and missing.
fn prefetch_map(window: &web_sys::Window, make: bool) -> Option<js_sys::Object> {
    let name = wasm_bindgen::JsValue::from_str(PREFETCHED);
    let found = js_sys::Reflect::get(window, &name).ok()?;
    if found.is_object() {
        return found.dyn_into().ok();
    }
    let map = js_sys::Object::new();
    (make && js_sys::Reflect::set(window, &name, &map).unwrap_or(false)).then_some(map)
}

/// The response to `url` started ahead in the [`prefetch_map`], taken once. None when there is
/// none or it failed: the caller then fetches itself.
async fn prefetched(url: &str) -> Option<gloo_net::http::Response> {
    let all = prefetch_map(&web_sys::window()?, false)?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let promise: js_sys::Promise = js_sys::Reflect::get(&all, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&all, &key);
    let response: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(gloo_net::http::Response::from(response))
}

/// Starts fetching the catalog's `files` at once, for [`fetch_catalog_part`] to take in turn:
/// side by side, not one round trip after another, and parsed one per task as they are taken.
pub fn prefetch_catalog(files: &[String]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(all) = prefetch_map(&window, true) else {
        return;
    };
    for file in files {
        let url = data_url(file);
        let init = web_sys::RequestInit::new();
        init.set_signal(timeout_signal(FETCH_TIMEOUT_MS).as_ref());
        let promise = window.fetch_with_str_and_init(&url, &init);
        let _ = js_sys::Reflect::set(&all, &url.into(), &promise);
    }
}

/// A signal that aborts a request after `ms`: `AbortSignal.timeout` where the browser has it,
/// else a controller a timer aborts (Safari before 16, which WeChat uses on older iPhones, has
/// no `AbortSignal.timeout`; calling it there threw, and no data ever loaded).
fn timeout_signal(ms: u32) -> Option<web_sys::AbortSignal> {
    let window = web_sys::window()?;
    let constructor = js_sys::Reflect::get(&window, &"AbortSignal".into()).ok()?;
    if js_sys::Reflect::has(&constructor, &"timeout".into()).unwrap_or(false) {
        return Some(web_sys::AbortSignal::timeout_with_u32(ms));
    }
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), ms as i32)
        .ok()?;
    Some(signal)
}

/// Fetches and parses a JSON file. `revalidate` asks the server (or service worker) every time,
/// for files whose name does not change with their content.
async fn fetch_json<T: DeserializeOwned>(url: &str, revalidate: bool) -> Result<T, LoadError> {
    let response = match prefetched(url).await.filter(|r| r.ok()) {
        Some(response) => response,
        None => {
            let timeout = timeout_signal(FETCH_TIMEOUT_MS);
            let mut request = gloo_net::http::Request::get(url).abort_signal(timeout.as_ref());
            if revalidate {
                request = request.cache(web_sys::RequestCache::NoCache);
            }
            request.send().await.map_err(|e| LoadError::Network {
                url: url.to_string(),
                detail: e.to_string(),
            })?
        }
    };
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
    crate::web::measured("cankao-parse", || serde_json::from_str(&text)).map_err(|e| {
        LoadError::Parse {
            url: url.to_string(),
            detail: e.to_string(),
        }
    })
}

/// How long indexing may hold the page before handing it back to the browser, which a keystroke
/// or a scroll waits for. A budget in time, not in issues: what fits depends on the device (four
/// outlines per task, the budget before, made tasks of 98 to 138 ms at 4× CPU slow-down).
const TASK_BUDGET_MS: f64 = 10.0;

/// Everything fetched so far: the manifest, the issues whose files have arrived, and the
/// outlines of the others once the catalog has.
#[derive(Clone)]
pub struct Fetched {
    pub manifest: Manifest,
    // Shared: the store copies this on every arrival, the issues themselves are not copied.
    full: BTreeMap<String, Arc<ShippedIssue>>,
    outlines: BTreeMap<String, Arc<ShippedIssue>>,
}

impl Fetched {
    /// The library over what has arrived: each issue in full where its file has, else its
    /// outline; checked against itself and indexed in steps (an issue's check, a few of its
    /// entries), as many steps per task as fit in [`TASK_BUDGET_MS`] (at least one).
    pub async fn library(&self) -> Result<Library, LoadError> {
        let mut builder = LibraryBuilder::new(self.manifest.registry.clone());
        let mut task_start = crate::web::now_ms();
        for entry in &self.manifest.issues {
            let Some(shipped) = self
                .full
                .get(&entry.id)
                .or_else(|| self.outlines.get(&entry.id))
            else {
                continue;
            };
            builder.add(ShippedIssue::clone(shipped));
            while builder.step() {
                if crate::web::now_ms() - task_start >= TASK_BUDGET_MS {
                    crate::web::next_task().await;
                    task_start = crate::web::now_ms();
                }
            }
        }
        builder.finish().map_err(|failures| LoadError::Invalid {
            failures: failures.iter().map(ToString::to_string).collect(),
        })
    }

    /// Some issue is neither loaded nor outlined: the catalog is still wanted.
    pub fn needs_catalog(&self) -> bool {
        self.manifest
            .issues
            .iter()
            .any(|e| !self.full.contains_key(&e.id) && !self.outlines.contains_key(&e.id))
    }

    pub fn entry(&self, issue_id: &str) -> Option<&IssueEntry> {
        self.manifest.issues.iter().find(|e| e.id == issue_id)
    }

    pub fn add_issue(&mut self, shipped: ShippedIssue) {
        self.full
            .insert(shipped.issue.meta.id.clone(), Arc::new(shipped));
    }

    pub fn add_outlines(&mut self, outlines: Vec<ShippedIssue>) {
        for o in outlines {
            self.outlines.insert(o.issue.meta.id.clone(), Arc::new(o));
        }
    }
}

/// What the app loaded before its first view. Cloned wherever the root's resource is read, so
/// the library (with its search index) is shared, not copied.
#[derive(Clone)]
pub struct Loaded {
    pub fetched: Fetched,
    pub library: Arc<Library>,
    /// The corpus differs from the one this browser loaded last time.
    pub data_updated: bool,
}

const DATA_VERSION_KEY: &str = "cankao.data-version";

/// The issue the page was generated for (`<meta name="cankao-issue">`), if any.
fn page_issue() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name=cankao-issue]")
        .ok()
        .flatten()?;
    meta.get_attribute("content")
}

/// Loads the manifest and the one issue the first view needs (the page's issue, else the
/// newest), checks it and indexes it. Other issues are the store's business.
pub async fn load() -> Result<Loaded, LoadError> {
    // Not in the mount's task, which sets up the app.
    crate::web::next_task().await;
    // Relative URLs resolve against the document's base, i.e. the app's root.
    let manifest: Manifest = fetch_json(Manifest::PATH, true).await?;
    let first = manifest.first_view_issue(page_issue().as_deref()).cloned();
    // Issue files are named by their content hash: their names are the data's version.
    let version: Vec<&str> = manifest.issues.iter().map(|i| i.file.as_str()).collect();
    let version = version.join(",");
    let mut fetched = Fetched {
        manifest,
        full: BTreeMap::new(),
        outlines: BTreeMap::new(),
    };
    if let Some(entry) = first {
        fetched.add_issue(fetch_issue(&entry).await?);
    }
    // Parsing, indexing and drawing the first view each get tasks of their own.
    crate::web::next_task().await;
    let library = fetched.library().await?;
    crate::web::next_task().await;
    let previous = crate::storage::get(DATA_VERSION_KEY);
    crate::storage::set(DATA_VERSION_KEY, &version);
    Ok(Loaded {
        fetched,
        library: Arc::new(library),
        data_updated: previous.is_some_and(|p| p != version),
    })
}

/// One issue's full file.
pub async fn fetch_issue(entry: &IssueEntry) -> Result<ShippedIssue, LoadError> {
    fetch_json(&data_url(&entry.file), false).await
}

/// One file of the catalog: a few issues' outlines.
pub async fn fetch_catalog_part(file: &str) -> Result<Vec<ShippedIssue>, LoadError> {
    fetch_json(&data_url(file), false).await
}
