//! The data as the views see it: a library that grows while the reader reads. The first view
//! has the manifest and one issue; the other issues' outlines (the catalog) follow in the
//! background, and an issue's texts arrive when one of its items is opened. Each of these later
//! loads can fail on its own: only the part that needed it says so and offers a retry.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::library::Library;
use crate::data::{fetch_catalog_part, fetch_issue, Fetched, LoadError, Loaded};

/// Catalog requests started per task.
const REQUESTS_PER_TASK: usize = 5;

/// A load that has not (yet) succeeded.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Under way: `done` of `total` files have arrived.
    Loading {
        done: usize,
        total: usize,
    },
    Failed(LoadError),
}

/// The loaded data, provided by context below the root.
#[derive(Clone, Copy)]
pub struct Store {
    /// Everything loaded so far, indexed; replaced (never mutated) when more arrives.
    pub library: RwSignal<Arc<Library>>,
    fetched: StoredValue<Fetched>,
    /// Counts changes to `fetched`: a library built from an older state is not shown.
    generation: StoredValue<u64>,
    /// The catalog of the other issues, while it is not complete.
    pub catalog: RwSignal<Option<Pending>>,
    /// Issues whose texts were asked for and have not arrived, by issue id.
    pub issues: RwSignal<BTreeMap<String, Pending>>,
}

impl Store {
    /// Provides the store. The catalog is loaded when a view across issues first asks for it.
    pub fn provide(loaded: Loaded) -> Store {
        let store = Store {
            library: RwSignal::new(loaded.library),
            fetched: StoredValue::new(loaded.fetched),
            generation: StoredValue::new(0),
            catalog: RwSignal::new(None),
            issues: RwSignal::new(BTreeMap::new()),
        };
        provide_context(store);
        store
    }

    /// Unless it is loaded or on its way, fetches the catalog's files side by side and parses
    /// them in order, each in its own task (so none blocks the page for long), then builds the
    /// library again with every issue's outline, in steps.
    pub fn load_catalog(self) {
        let under_way = self
            .catalog
            .with_untracked(|c| matches!(c, Some(Pending::Loading { .. })));
        if under_way || !self.catalog_wanted() {
            return;
        }
        let files = self.fetched.with_value(|f| f.manifest.catalog.clone());
        let total = files.len();
        self.catalog.set(Some(Pending::Loading { done: 0, total }));
        spawn_local(async move {
            // Not in the task that draws the view asking for the catalog, and a few requests per
            // task: starting all 25 (100×) took one task of 130 ms at 4× CPU.
            for batch in files.chunks(REQUESTS_PER_TASK) {
                crate::web::next_task().await;
                crate::data::prefetch_catalog(batch);
            }
            let mut outlines = Vec::new();
            for (done, file) in files.iter().enumerate() {
                match fetch_catalog_part(file).await {
                    Ok(part) => outlines.extend(part),
                    Err(e) => return self.catalog.set(Some(Pending::Failed(e))),
                }
                // Files that arrived together are otherwise all parsed in one task.
                crate::web::next_task().await;
                self.catalog.set(Some(Pending::Loading {
                    done: done + 1,
                    total,
                }));
            }
            let mut next = self.fetched.get_value();
            next.add_outlines(outlines);
            match self.replace(next).await {
                Ok(()) => self.catalog.set(None),
                Err(e) => self.catalog.set(Some(Pending::Failed(e))),
            }
        });
    }

    /// Some issue is not yet in the library, not even as an outline.
    pub fn catalog_wanted(self) -> bool {
        self.fetched.with_value(Fetched::needs_catalog)
    }

    /// Starts loading an issue's texts unless they are loaded or on their way.
    pub fn load_issue(self, issue_id: &str) {
        let id = issue_id.to_string();
        let loading = self
            .issues
            .with_untracked(|m| matches!(m.get(&id), Some(Pending::Loading { .. })));
        if loading || self.library.with_untracked(|l| l.has_text(&id)) {
            return;
        }
        let Some(entry) = self.fetched.with_value(|f| f.entry(&id).cloned()) else {
            return;
        };
        self.issues.update(|m| {
            m.insert(id.clone(), Pending::Loading { done: 0, total: 1 });
        });
        spawn_local(async move {
            let result = match fetch_issue(&entry).await {
                Ok(shipped) => {
                    let mut next = self.fetched.get_value();
                    next.add_issue(shipped);
                    self.replace(next).await
                }
                Err(e) => Err(e),
            };
            self.issues.update(|m| match result {
                Ok(()) => {
                    m.remove(&id);
                }
                Err(e) => {
                    m.insert(id.clone(), Pending::Failed(e));
                }
            });
        });
    }

    /// Records `next`, indexes it (over several tasks) and, when it holds together and nothing
    /// newer arrived meanwhile, makes it what the views show. A newer arrival builds its own
    /// library, which includes this one's data.
    async fn replace(self, next: Fetched) -> Result<(), LoadError> {
        let previous = self.fetched.get_value();
        self.fetched.set_value(next.clone());
        self.generation.update_value(|g| *g += 1);
        let built_from = self.generation.get_value();
        let built = next.library().await;
        let current = self.generation.get_value() == built_from;
        match built {
            Ok(library) => {
                if current {
                    self.library.set(Arc::new(library));
                }
                Ok(())
            }
            Err(e) => {
                // Data that does not hold together is dropped again.
                if current {
                    self.fetched.set_value(previous);
                }
                Err(e)
            }
        }
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
