//! What the app works with once the data has arrived: the corpus and its search index.

use std::collections::{BTreeSet, HashMap};

use super::corpus::{Corpus, Issue, Registry, ShippedIssue};
use super::items::ItemRef;
use super::search::Index;
use super::validate::{Checker, Failure, CHECK_PARTS};

#[derive(Debug, Clone)]
pub struct Library {
    pub corpus: Corpus,
    pub index: Index,
    /// Item id → (issue position, item position in `Issue::items`).
    positions: HashMap<String, (usize, usize)>,
    /// Issues present only as outlines: their texts have not been loaded.
    outlined: BTreeSet<String>,
}

impl Library {
    /// Checks the shipped issues against each other and the registry, and indexes them.
    pub fn new(registry: Registry, shipped: Vec<ShippedIssue>) -> Result<Library, Vec<Failure>> {
        let mut builder = LibraryBuilder::new(registry);
        for s in shipped {
            builder.add(s);
        }
        builder.finish()
    }

    /// An item by id, with its issue.
    pub fn find(&self, id: &str) -> Option<(&Issue, ItemRef<'_>)> {
        let (i, j) = *self.positions.get(id)?;
        let issue = &self.corpus.issues[i];
        issue.items().nth(j).map(|item| (issue, item))
    }

    /// Whether the issue's texts are loaded (not only its outline).
    pub fn has_text(&self, issue_id: &str) -> bool {
        !self.outlined.contains(issue_id)
    }

    /// How many issues are present only as outlines.
    pub fn outlined_count(&self) -> usize {
        self.outlined.len()
    }
}

/// A library made one issue at a time, each issue in steps of a few milliseconds even on a slow
/// phone (its check in parts, then its entries a few at a time), so the app can hand the page
/// back to the browser between steps.
pub struct LibraryBuilder {
    registry: Registry,
    checker: Checker,
    index: Index,
    issues: Vec<Issue>,
    outlined: BTreeSet<String>,
    /// The issue being added, and how far it has got.
    adding: Option<Adding>,
}

struct Adding {
    shipped: ShippedIssue,
    /// Parts of its check done.
    checked: usize,
    /// Entries indexed.
    indexed: usize,
}

/// Entries indexed per step: about a millisecond natively, a few at 4x CPU slow-down in wasm.
const ENTRIES_PER_STEP: usize = 16;

impl LibraryBuilder {
    pub fn new(registry: Registry) -> LibraryBuilder {
        LibraryBuilder {
            checker: Checker::new(&registry),
            registry,
            index: Index::default(),
            issues: Vec::new(),
            outlined: BTreeSet::new(),
            adding: None,
        }
    }

    /// Starts adding the next issue (issues come in series order), after finishing the one
    /// before. [`LibraryBuilder::step`] does the work; `finish` does what is left.
    pub fn add(&mut self, shipped: ShippedIssue) {
        while self.step() {}
        if shipped.outline {
            self.outlined.insert(shipped.issue.meta.id.clone());
        }
        self.adding = Some(Adding {
            shipped,
            checked: 0,
            indexed: 0,
        });
    }

    /// Does one step of adding the current issue; false when there was none left to do.
    pub fn step(&mut self) -> bool {
        let Some(adding) = &mut self.adding else {
            return false;
        };
        let shipped = &adding.shipped;
        if adding.checked < CHECK_PARTS {
            self.checker
                .check_part(&shipped.issue, !shipped.outline, adding.checked);
            adding.checked += 1;
            return true;
        }
        let added = self.index.add_issue_part(
            &self.registry,
            &shipped.issue,
            &shipped.keys,
            adding.indexed,
            ENTRIES_PER_STEP,
        );
        adding.indexed += added;
        if added == ENTRIES_PER_STEP {
            return true;
        }
        if let Some(done) = self.adding.take() {
            self.issues.push(done.shipped.issue);
        }
        true
    }

    /// The library, or what is wrong with the issues added.
    pub fn finish(mut self) -> Result<Library, Vec<Failure>> {
        while self.step() {}
        if !self.checker.failures.is_empty() {
            return Err(self.checker.failures);
        }
        let positions = self
            .issues
            .iter()
            .enumerate()
            .flat_map(|(i, issue)| {
                issue
                    .items()
                    .enumerate()
                    .map(move |(j, item)| (item.id().to_string(), (i, j)))
            })
            .collect();
        Ok(Library {
            corpus: Corpus {
                registry: self.registry,
                issues: self.issues,
            },
            index: self.index,
            positions,
            outlined: self.outlined,
        })
    }
}
