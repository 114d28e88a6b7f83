//! What the app works with once the data has arrived: the corpus and its search index.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::corpus::{Corpus, Issue, Registry, ShippedIssue};
use super::items::ItemRef;
use super::search::Index;
use super::validate::{self, Failure};

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
        let mut keys = BTreeMap::new();
        let mut outlined = BTreeSet::new();
        let mut issues = Vec::with_capacity(shipped.len());
        for s in shipped {
            if s.outline {
                outlined.insert(s.issue.meta.id.clone());
            }
            keys.insert(s.issue.meta.id.clone(), s.keys);
            issues.push(s.issue);
        }
        let failures = validate::structure(&registry, &issues, &outlined);
        if !failures.is_empty() {
            return Err(failures);
        }
        let corpus = Corpus { registry, issues };
        let index = Index::build(&corpus, &keys);
        let positions = corpus
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
            corpus,
            index,
            positions,
            outlined,
        })
    }

    /// Whether the issue's texts are loaded (not only its outline).
    pub fn has_text(&self, issue_id: &str) -> bool {
        !self.outlined.contains(issue_id)
    }

    /// How many issues are present only as outlines.
    pub fn outlined_count(&self) -> usize {
        self.outlined.len()
    }

    /// An item by id, with its issue.
    pub fn find(&self, id: &str) -> Option<(&Issue, ItemRef<'_>)> {
        let (i, j) = *self.positions.get(id)?;
        let issue = &self.corpus.issues[i];
        issue.items().nth(j).map(|item| (issue, item))
    }
}
