//! The policy list: its state (which lives in the URL), filtering, facet counts and sorting.

use super::order;
use std::collections::{BTreeMap, BTreeSet};

use super::corpus::{Corpus, Issue, Level, Policy, Registry};
use super::csv;
use super::items::ItemRef;
use super::search::Index;
use super::url::{absolute, format_query, parse_query};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first.
    #[default]
    DateDesc,
    DateAsc,
    /// Central, then provincial, then municipal; newest first within a level.
    Level,
    /// Best search match first (only meaningful with a query).
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::DateDesc, Sort::DateAsc, Sort::Level, Sort::Relevance];

    pub fn key(self) -> &'static str {
        match self {
            Sort::DateDesc => "date",
            Sort::DateAsc => "date-asc",
            Sort::Level => "level",
            Sort::Relevance => "relevance",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Everything that defines a list view. Parsed from and written to the query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListState {
    pub q: String,
    pub levels: BTreeSet<Level>,
    pub regions: BTreeSet<String>,
    pub years: BTreeSet<u16>,
    pub issuers: BTreeSet<String>,
    pub themes: BTreeSet<String>,
    pub sort: Sort,
}

/// Parameter names. Anything else in the query string (e.g. WeChat's `from`,
/// `isappinstalled`) is ignored.
const P_Q: &str = "q";
const P_LEVEL: &str = "level";
const P_REGION: &str = "region";
const P_YEAR: &str = "year";
const P_ISSUER: &str = "issuer";
const P_THEME: &str = "theme";
const P_SORT: &str = "sort";

/// Longest query text kept from a URL; longer input is cut, never rejected.
pub const MAX_Q: usize = 200;
/// Most values kept per facet parameter.
const MAX_VALUES: usize = 50;

fn values(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty() && v.len() <= 100)
}

impl ListState {
    /// Reads a query string. Repeated parameters are merged, unknown ones and unknown values
    /// ignored, over-long ones cut: any URL gives a valid state.
    pub fn from_query(query: &str) -> ListState {
        let mut s = ListState::default();
        for (key, raw) in parse_query(query) {
            match key.as_str() {
                P_Q if s.q.is_empty() => s.q = raw.trim().chars().take(MAX_Q).collect(),
                P_LEVEL => s.levels.extend(values(&raw).filter_map(Level::from_key)),
                P_REGION => s.regions.extend(values(&raw).map(str::to_string)),
                P_YEAR => s
                    .years
                    .extend(values(&raw).filter_map(|v| v.parse::<u16>().ok())),
                P_ISSUER => s.issuers.extend(values(&raw).map(str::to_string)),
                P_THEME => s.themes.extend(values(&raw).map(str::to_string)),
                P_SORT => s.sort = Sort::from_key(&raw).unwrap_or_default(),
                _ => {}
            }
        }
        for set in [&mut s.regions, &mut s.issuers, &mut s.themes] {
            while set.len() > MAX_VALUES {
                set.pop_last();
            }
        }
        while s.years.len() > MAX_VALUES {
            s.years.pop_last();
        }
        s
    }

    /// The link to this list, relative to the app root.
    pub fn href(&self) -> String {
        format!("policies/{}", self.to_query())
    }

    /// The query string (with `?`) for this state; "" for the default state.
    pub fn to_query(&self) -> String {
        let join = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(",");
        format_query(&[
            (P_Q, self.q.clone()),
            (
                P_LEVEL,
                self.levels
                    .iter()
                    .map(|l| l.key())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            (P_REGION, join(&self.regions)),
            (
                P_YEAR,
                self.years
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            (P_ISSUER, join(&self.issuers)),
            (P_THEME, join(&self.themes)),
            (
                P_SORT,
                if self.sort == Sort::default() {
                    String::new()
                } else {
                    self.sort.key().into()
                },
            ),
        ])
    }

    pub fn is_filtered(&self) -> bool {
        !(self.q.is_empty()
            && self.levels.is_empty()
            && self.regions.is_empty()
            && self.years.is_empty()
            && self.issuers.is_empty()
            && self.themes.is_empty())
    }
}

/// A facet: which dimension of a policy it looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Level,
    Region,
    Year,
    Issuer,
    Theme,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Level,
        Facet::Region,
        Facet::Year,
        Facet::Issuer,
        Facet::Theme,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Facet::Level => "level",
            Facet::Region => "region",
            Facet::Year => "year",
            Facet::Issuer => "issuer",
            Facet::Theme => "theme",
        }
    }
}

/// A policy with what the list needs to know about it.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub issue: &'a Issue,
    pub policy: &'a Policy,
    registry: &'a Registry,
}

impl Row<'_> {
    pub fn year(&self) -> Option<u16> {
        self.policy.date.get(..4)?.parse().ok()
    }

    pub fn themes(&self) -> &[String] {
        self.issue.themes_of(&self.policy.id)
    }

    /// The values this policy has for `facet`.
    pub fn values(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Level => vec![self.policy.level.key().to_string()],
            Facet::Region => vec![self.policy.region.clone()],
            Facet::Year => self.year().map(|y| y.to_string()).into_iter().collect(),
            Facet::Issuer => {
                let mut names: Vec<String> = Vec::new();
                for issuer in &self.policy.issuers {
                    let name = self.registry.issuer_name(issuer);
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_string());
                    }
                }
                names
            }
            Facet::Theme => self.themes().to_vec(),
        }
    }
}

impl ListState {
    /// The values selected for `facet`, as strings.
    pub fn selected(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Level => self.levels.iter().map(|l| l.key().to_string()).collect(),
            Facet::Region => self.regions.iter().cloned().collect(),
            Facet::Year => self.years.iter().map(u16::to_string).collect(),
            Facet::Issuer => self.issuers.iter().cloned().collect(),
            Facet::Theme => self.themes.iter().cloned().collect(),
        }
    }

    /// Whether the row passes every facet but `except` (facet counts ignore their own facet,
    /// so that choosing a second value of the same facet stays possible).
    fn passes(&self, row: &Row, except: Option<Facet>) -> bool {
        Facet::ALL
            .into_iter()
            .filter(|f| Some(*f) != except)
            .all(|f| {
                let wanted = self.selected(f);
                wanted.is_empty() || row.values(f).iter().any(|v| wanted.contains(v))
            })
    }

    /// Adds `value` to `facet` when absent, removes it when present.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, v: T) {
            if !set.remove(&v) {
                set.insert(v);
            }
        }
        match facet {
            Facet::Level => {
                if let Some(l) = Level::from_key(value) {
                    flip(&mut self.levels, l);
                }
            }
            Facet::Region => flip(&mut self.regions, value.to_string()),
            Facet::Year => {
                if let Ok(y) = value.parse() {
                    flip(&mut self.years, y);
                }
            }
            Facet::Issuer => flip(&mut self.issuers, value.to_string()),
            Facet::Theme => flip(&mut self.themes, value.to_string()),
        }
    }
}

/// One value of a facet with the number of policies it would show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

/// The list for a state: its rows in order, and each facet's values with live counts.
#[derive(Debug, Clone)]
pub struct Listing<'a> {
    pub rows: Vec<Row<'a>>,
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
}

impl Listing<'_> {
    /// The listing without borrows, for a view to keep: row ids and facets.
    pub fn summary(&self) -> ListingSummary {
        ListingSummary {
            ids: self.rows.iter().map(|r| r.policy.id.clone()).collect(),
            facets: self.facets.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListingSummary {
    pub ids: Vec<String>,
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
}

/// Filters, counts and sorts the policies of `corpus` for `state`.
pub fn list<'a>(corpus: &'a Corpus, index: &Index, state: &ListState) -> Listing<'a> {
    let registry = &corpus.registry;
    let all: Vec<Row<'a>> = corpus
        .policies()
        .map(|(issue, policy)| Row {
            issue,
            policy,
            registry,
        })
        .collect();
    // A link may name an issuer as a source does: it selects the body under the filter's name.
    let state = &ListState {
        issuers: state
            .issuers
            .iter()
            .map(|i| registry.issuer_name(i).to_string())
            .collect(),
        ..state.clone()
    };
    // The query narrows everything, facets included; its ranking orders the relevance sort.
    // Run-together words (深圳数字化转型) are searched apart, as on the search page.
    let found = index.find(&state.q);
    let rank: Option<BTreeMap<&str, usize>> = (!found.query.is_empty()).then(|| {
        found
            .hits
            .iter()
            .enumerate()
            .map(|(i, h)| (index.entry(h).id.as_str(), i))
            .collect()
    });
    let matching: Vec<Row<'a>> = all
        .into_iter()
        .filter(|r| {
            rank.as_ref()
                .is_none_or(|m| m.contains_key(r.policy.id.as_str()))
        })
        .collect();
    let facets = Facet::ALL
        .into_iter()
        .map(|facet| {
            let selected = state.selected(facet);
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for row in matching.iter().filter(|r| state.passes(r, Some(facet))) {
                for v in row.values(facet) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            // Selected values stay visible even when nothing has them any more.
            for v in &selected {
                counts.entry(v.clone()).or_default();
            }
            let mut values: Vec<FacetValue> = counts
                .into_iter()
                .map(|(value, count)| FacetValue {
                    selected: selected.contains(&value),
                    value,
                    count,
                })
                .collect();
            match facet {
                Facet::Year => order::sort_by(&mut values, |a, b| b.value.cmp(&a.value)),
                Facet::Level => order::sort_by_key(&mut values, |v| Level::from_key(&v.value)),
                _ => order::sort_by(&mut values, |a, b| {
                    b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
                }),
            }
            (facet, values)
        })
        .collect();
    let mut rows: Vec<Row<'a>> = matching
        .into_iter()
        .filter(|r| state.passes(r, None))
        .collect();
    match state.sort {
        Sort::DateDesc => order::sort_by(&mut rows, |a, b| b.policy.date.cmp(&a.policy.date)),
        Sort::DateAsc => order::sort_by(&mut rows, |a, b| a.policy.date.cmp(&b.policy.date)),
        Sort::Level => order::sort_by(&mut rows, |a, b| {
            a.policy
                .level
                .cmp(&b.policy.level)
                .then_with(|| b.policy.date.cmp(&a.policy.date))
        }),
        Sort::Relevance => {
            if let Some(rank) = &rank {
                order::sort_by_key(&mut rows, |r| {
                    rank.get(r.policy.id.as_str())
                        .copied()
                        .unwrap_or(usize::MAX)
                });
            }
        }
    }
    Listing { rows, facets }
}

/// The columns of [`policies_csv`].
const POLICY_HEADER: [csv::Heading; 13] = [
    ("id", "id"),
    ("标题", "Title as printed"),
    ("简称", "Short title"),
    ("文号", "Document number"),
    ("发文机关", "Issued by"),
    ("日期", "Date"),
    ("层级", "Level"),
    ("地区", "Region"),
    ("地区代码", "Region code"),
    ("主题", "Themes"),
    ("主题代码", "Theme codes"),
    ("简介", "Summary"),
    ("链接", "Link"),
];

/// The list as CSV (with BOM), a row per policy in the list's order. Regions, themes, levels
/// and headers are named in the reader's language (`en`), with the codes in columns of their
/// own (to filter or join on, as the comparison's CSV has them); each policy is linked under
/// the app's `root_url`, so the link opens from a spreadsheet or an email.
pub fn policies_csv(rows: &[Row], root_url: &str, en: bool) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let p = row.policy;
            let themes = row.themes();
            let theme_names: Vec<&str> = themes
                .iter()
                .filter_map(|key| row.registry.theme(key))
                .map(|theme| theme.name_in(en))
                .collect();
            vec![
                p.id.clone(),
                p.title.clone(),
                p.short_title.clone(),
                p.doc_number.clone().unwrap_or_default(),
                p.issuers_text("；"),
                p.date.clone(),
                p.level.name_in(en).to_string(),
                row.registry
                    .region(&p.region)
                    .map(|region| region.name_in(en).to_string())
                    .unwrap_or_default(),
                p.region.clone(),
                theme_names.join("；"),
                themes.join("；"),
                p.summary.clone(),
                absolute(root_url, &ItemRef::Policy(p).path()),
            ]
        })
        .collect();
    csv::document_in(&POLICY_HEADER, en, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_through_the_query_string() {
        let mut s = ListState {
            q: "数字化 转型".into(),
            sort: Sort::Level,
            ..ListState::default()
        };
        s.levels.insert(Level::Municipal);
        s.levels.insert(Level::Central);
        s.regions.insert("guangzhou".into());
        s.years.insert(2022);
        s.issuers.insert("广东省人民政府".into());
        s.themes.insert("digital".into());
        let q = s.to_query();
        assert_eq!(ListState::from_query(&q), s);
        assert!(q.starts_with("?q="));
        assert!(q.is_ascii());
    }

    #[test]
    fn default_state_is_the_empty_query() {
        assert_eq!(ListState::default().to_query(), "");
        assert_eq!(ListState::from_query(""), ListState::default());
    }

    #[test]
    fn messenger_parameters_and_junk_are_ignored() {
        let s = ListState::from_query("?level=central&from=singlemessage&isappinstalled=0&level=bogus,provincial&year=abc&sort=zzz");
        assert_eq!(
            s.levels,
            BTreeSet::from([Level::Central, Level::Provincial])
        );
        assert!(s.years.is_empty());
        assert_eq!(s.sort, Sort::DateDesc);
    }

    #[test]
    fn toggling_adds_and_removes() {
        let mut s = ListState::default();
        s.toggle(Facet::Theme, "digital");
        assert!(s.themes.contains("digital"));
        s.toggle(Facet::Theme, "digital");
        assert!(s.themes.is_empty());
        s.toggle(Facet::Level, "nope");
        assert!(s.levels.is_empty());
    }

    #[test]
    fn long_queries_are_cut() {
        let s = ListState::from_query(&format!("?q={}", "广".repeat(5000)));
        assert_eq!(s.q.chars().count(), MAX_Q);
    }
}
