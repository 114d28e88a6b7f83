//! What the app works with once the data has arrived: the corpus and its search index.

use std::collections::{BTreeMap, HashMap};

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
}

impl Library {
    /// Checks the shipped issues against each other and the registry, and indexes them.
    pub fn new(registry: Registry, shipped: Vec<ShippedIssue>) -> Result<Library, Vec<Failure>> {
        let mut keys = BTreeMap::new();
        let mut issues = Vec::with_capacity(shipped.len());
        for s in shipped {
            keys.insert(s.issue.meta.id.clone(), s.keys);
            issues.push(s.issue);
        }
        let failures = validate::structure(&registry, &issues);
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
        })
    }

    /// An item by id, with its issue.
    pub fn find(&self, id: &str) -> Option<(&Issue, ItemRef<'_>)> {
        let (i, j) = *self.positions.get(id)?;
        let issue = &self.corpus.issues[i];
        issue.items().nth(j).map(|item| (issue, item))
    }
}
