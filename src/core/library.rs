//! What the app works with once the data has arrived: the corpus and its search index.

use std::collections::{BTreeSet, HashMap};

use super::corpus::{Corpus, Issue, Registry, ShippedIssue};
use super::items::ItemRef;
use super::search::Index;
use super::validate::{Checker, Failure};

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

/// A library made one issue at a time (each step a few milliseconds even for a long series),
/// so the app can hand the page back to the browser between steps.
pub struct LibraryBuilder {
    registry: Registry,
    checker: Checker,
    index: Index,
    issues: Vec<Issue>,
    outlined: BTreeSet<String>,
}

impl LibraryBuilder {
    pub fn new(registry: Registry) -> LibraryBuilder {
        LibraryBuilder {
            checker: Checker::new(&registry),
            registry,
            index: Index::default(),
            issues: Vec::new(),
            outlined: BTreeSet::new(),
        }
    }

    /// Checks and indexes the next issue (issues come in series order).
    pub fn add(&mut self, shipped: ShippedIssue) {
        if shipped.outline {
            self.outlined.insert(shipped.issue.meta.id.clone());
        }
        self.checker.check(&shipped.issue, !shipped.outline);
        self.index
            .add_issue(&self.registry, &shipped.issue, &shipped.keys);
        self.issues.push(shipped.issue);
    }

    /// The library, or what is wrong with the issues added.
    pub fn finish(self) -> Result<Library, Vec<Failure>> {
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
