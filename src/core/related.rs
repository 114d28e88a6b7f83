//! What relates to an item: shared themes across levels, the same region, and the problems
//! and recommendations on the same themes. All of it derives from our editorial themes and
//! links, and the views say so.

use super::order;
use std::collections::BTreeSet;

use super::corpus::{Corpus, Figure, Issue, Level, Policy};
use super::items::{ItemRef, Kind};

/// Items ranked by how many themes they share with the subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub id: String,
    pub shared_themes: Vec<String>,
}

fn themes(issue: &Issue, id: &str) -> BTreeSet<String> {
    issue.themes_of(id).iter().cloned().collect()
}

/// Items of `kind` sharing at least one theme with `id`, most shared first, then in corpus order.
pub fn by_themes(
    corpus: &Corpus,
    id: &str,
    kind: Kind,
    filter: impl Fn(ItemRef) -> bool,
) -> Vec<Related> {
    let Some((issue, _)) = corpus.item(id) else {
        return Vec::new();
    };
    let mine = themes(issue, id);
    let mut out: Vec<(usize, Related)> = corpus
        .items()
        .filter(|(_, item)| item.kind() == kind && item.id() != id && filter(*item))
        .filter_map(|(other_issue, item)| {
            let shared: Vec<String> = themes(other_issue, item.id())
                .intersection(&mine)
                .cloned()
                .collect();
            (!shared.is_empty()).then(|| Related {
                id: item.id().to_string(),
                shared_themes: shared,
            })
        })
        .enumerate()
        .collect();
    order::sort_by(&mut out, |(ia, a), (ib, b)| {
        b.shared_themes
            .len()
            .cmp(&a.shared_themes.len())
            .then(ia.cmp(ib))
    });
    out.into_iter().map(|(_, r)| r).collect()
}

/// Policies on the same themes at each of the other levels (central ↔ provincial ↔ city).
pub fn other_levels(corpus: &Corpus, policy: &Policy) -> Vec<(Level, Vec<Related>)> {
    Level::ALL
        .into_iter()
        .filter(|l| *l != policy.level)
        .map(|level| {
            let related = by_themes(
                corpus,
                &policy.id,
                Kind::Policy,
                |item| matches!(item, ItemRef::Policy(p) if p.level == level),
            );
            (level, related)
        })
        .filter(|(_, r)| !r.is_empty())
        .collect()
}

/// The same region's other policies.
pub fn same_region<'a>(corpus: &'a Corpus, policy: &Policy) -> Vec<&'a Policy> {
    corpus
        .policies()
        .map(|(_, p)| p)
        .filter(|p| p.region == policy.region && p.id != policy.id)
        .collect()
}

/// Figure records about a region.
pub fn figures_of_region<'a>(corpus: &'a Corpus, region: &str) -> Vec<&'a Figure> {
    corpus
        .issues
        .iter()
        .flat_map(|i| i.figures.iter())
        .filter(|f| f.region == region)
        .collect()
}

/// Problems that a recommendation or experience answers (editorial links).
pub fn answered_problems<'a>(issue: &'a Issue, id: &str) -> Vec<&'a str> {
    issue
        .editorial
        .answers
        .get(id)
        .map(|ps| ps.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Recommendations and experience cases that answer a problem (editorial links), in the
/// order of the printed issue.
pub fn answers_to<'a>(issue: &'a Issue, problem: &str) -> Vec<ItemRef<'a>> {
    issue
        .items()
        .filter(|item| answered_problems(issue, item.id()).contains(&problem))
        .collect()
}
