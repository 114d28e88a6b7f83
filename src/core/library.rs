//! What the app works with once the data has arrived: the corpus and its search index.

use std::collections::BTreeMap;

use super::corpus::{Corpus, Registry, ShippedIssue};
use super::search::Index;
use super::validate::{self, Failure};

#[derive(Debug, Clone)]
pub struct Library {
    pub corpus: Corpus,
    pub index: Index,
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
        Ok(Library { corpus, index })
    }
}
