//! Regional comparison: the pure data behind the compare, map, matrix and timeline views.
//!
//! Everything here reads the corpus and returns plain data (which figures form a comparison,
//! their ranking, the map's measures, the matrix's counts, the timeline's marks, the CSV of
//! each) so that `cargo test` checks it natively; `crate::charts` draws it and the routes show it.

use super::order;
use std::collections::{BTreeMap, BTreeSet};

use super::corpus::{
    format_number, with_unit, Article, Corpus, Figure, FigureKind, Indicator, Issue, Level, Policy,
    Region, RegionKind, Theme,
};
use super::csv;
use super::figure_en::{amount_en, figure_en, unit_name_en, RANK_UNIT};
use super::items::{ItemRef, Kind, MONTHS_EN};
use super::listing::ListState;
use super::url::{absolute, format_query, parse_query};

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// Every figure of every issue, in corpus order.
pub fn figures(corpus: &Corpus) -> impl Iterator<Item = &Figure> {
    corpus.issues.iter().flat_map(|issue| issue.figures.iter())
}

/// Guangdong's city groups, in the order the views show them.
pub const GROUPS: [&str; 4] = ["珠三角", "粤东", "粤西", "粤北"];

/// English names of [`GROUPS`].
pub fn group_en(group: &str) -> &'static str {
    match group {
        "珠三角" => "Pearl River Delta",
        "粤东" => "Eastern Guangdong",
        "粤西" => "Western Guangdong",
        "粤北" => "Northern Guangdong",
        _ => "",
    }
}

/// A sort key that lists regions the way a reader expects: the country, areas, provinces,
/// Guangdong's cities group by group, other cities, foreign countries; registry order within.
pub fn region_order(corpus: &Corpus, region: &Region) -> (u8, usize, usize) {
    let index = corpus
        .registry
        .regions
        .iter()
        .position(|r| r.id == region.id)
        .unwrap_or(usize::MAX);
    let class = match region.kind {
        RegionKind::Country => 0,
        RegionKind::Area => 1,
        RegionKind::Province => 2,
        RegionKind::City if region.parent.as_deref() == Some("guangdong") => 3,
        RegionKind::City => 4,
        RegionKind::Foreign => 5,
    };
    let group = region
        .group
        .as_deref()
        .and_then(|g| GROUPS.iter().position(|x| *x == g))
        .unwrap_or(GROUPS.len());
    (class, group, index)
}

/// A region named by its id (`guangdong`) or by its Chinese name (`广东`, also `广东省`,
/// `广州市`). Unknown names give `None`.
pub fn resolve_region<'a>(regions: &'a [Region], token: &str) -> Option<&'a Region> {
    let token = token.trim();
    if token.is_empty() {
        return None;
    }
    let by_name = |name: &str| regions.iter().find(|r| r.name == name);
    regions
        .iter()
        .find(|r| r.id == token)
        .or_else(|| regions.iter().find(|r| r.id.eq_ignore_ascii_case(token)))
        .or_else(|| by_name(token))
        .or_else(|| {
            ["省", "市"]
                .iter()
                .find_map(|s| token.strip_suffix(s))
                .and_then(by_name)
        })
}

/// A value with its unit: `47723 亿元`, `20.8%`.
pub fn fmt_with_unit(value: f64, unit: &str) -> String {
    with_unit(&format_number(value), unit)
}

/// How a figure reads in a table: its value and unit (`47723 亿元`), with the source's bound
/// where it gives one (`超过 100 家`). The printed form, where the source wrote the number in
/// words, is `Figure::value_text`. In English, in English units (`4,772.3 billion yuan`) and
/// bounding words (`over 100 enterprises`).
pub fn figure_text(figure: &Figure, en: bool) -> String {
    match (&figure.bounded, en) {
        (Some(_), true) => figure_en(figure),
        (Some(bounded), false) => bounded.clone(),
        (None, true) => amount_en(figure.value, &figure.unit),
        (None, false) => fmt_with_unit(figure.value, &figure.unit),
    }
}

pub fn kind_zh(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Actual => "实际",
        FigureKind::Growth => "增长",
        FigureKind::Share => "占比",
        FigureKind::Target => "目标",
    }
}

pub fn kind_en(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Actual => "actual",
        FigureKind::Growth => "growth",
        FigureKind::Share => "share",
        FigureKind::Target => "target",
    }
}

/// The item a figure was read from: its kind, title and deep link (`article/<id>/`).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceItem {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub path: String,
}

pub fn source_item(corpus: &Corpus, figure: &Figure) -> Option<SourceItem> {
    corpus.item(&figure.item).map(|(_, item)| SourceItem {
        kind: item.kind(),
        id: item.id().to_string(),
        title: item.title().to_string(),
        path: item.path(),
    })
}

/// The issue that holds a figure.
pub fn figure_issue<'a>(corpus: &'a Corpus, figure: &Figure) -> Option<&'a Issue> {
    corpus
        .issues
        .iter()
        .find(|issue| issue.figures.iter().any(|f| f.id == figure.id))
}

/// “来源：《参考》<issue title>” for the issues named (every issue when none is).
pub fn source_line<'a>(
    corpus: &'a Corpus,
    issues: impl IntoIterator<Item = &'a str>,
    en: bool,
) -> String {
    let mut titles: Vec<&str> = issues.into_iter().collect();
    if titles.is_empty() {
        titles = corpus
            .issues
            .iter()
            .map(|i| i.meta.title.as_str())
            .collect();
    }
    let series = &corpus.registry.series.title;
    if en {
        format!("Source: 《{series}》 {}", titles.join("; "))
    } else {
        format!("来源：《{series}》{}", titles.join("；"))
    }
}

/// The comparison a figure belongs to: its indicator, its region.
pub fn figure_href(figure: &Figure) -> String {
    CompareState {
        indicator: figure.indicator.clone(),
        regions: vec![figure.region.clone()],
        ..CompareState::default()
    }
    .href()
}

/// The policy list filtered to a region and/or a theme: `policies/?region=guangzhou&theme=digital`.
pub fn policies_href(region: Option<&str>, theme: Option<&str>) -> String {
    let mut state = ListState::default();
    if let Some(r) = region {
        state.regions.insert(r.to_string());
    }
    if let Some(t) = theme {
        state.themes.insert(t.to_string());
    }
    state.href()
}

// ---------------------------------------------------------------------------------------------
// Compare state (the URL)
// ---------------------------------------------------------------------------------------------

const P_IND: &str = "ind";
const P_CMP: &str = "cmp";
const P_PERIOD: &str = "period";
const P_ORDER: &str = "order";
/// Most regions kept from a URL.
pub const MAX_REGIONS: usize = 40;

/// What the compare view shows: an indicator, regions, and optionally a period.
/// `compare/?ind=industrial_value_added&cmp=jiangsu~guangdong&period=2022`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareState {
    /// Indicator key; empty: every indicator the regions share (a table).
    pub indicator: String,
    /// Region ids in the order given.
    pub regions: Vec<String>,
    /// A period (`2022`, `2021-2025`); empty: the one most of the regions have.
    pub period: String,
    /// How the table beside the chart is ordered (the chart is always ranked).
    pub order: TableOrder,
}

/// The order of a comparison's table: by value (rank) or by region (reading order), either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableOrder {
    /// Highest first: the ranking.
    #[default]
    ValueDesc,
    ValueAsc,
    /// The regions in reading order (country, provinces, cities by group).
    RegionAsc,
    RegionDesc,
}

impl TableOrder {
    pub const ALL: [TableOrder; 4] = [
        TableOrder::ValueDesc,
        TableOrder::ValueAsc,
        TableOrder::RegionAsc,
        TableOrder::RegionDesc,
    ];

    /// The URL's `order`; the default is left out.
    pub fn key(self) -> &'static str {
        match self {
            TableOrder::ValueDesc => "",
            TableOrder::ValueAsc => "value-asc",
            TableOrder::RegionAsc => "region",
            TableOrder::RegionDesc => "region-desc",
        }
    }

    pub fn by_region(self) -> bool {
        matches!(self, TableOrder::RegionAsc | TableOrder::RegionDesc)
    }

    pub fn descending(self) -> bool {
        matches!(self, TableOrder::ValueDesc | TableOrder::RegionDesc)
    }

    /// A tap on a column's heading: the same column turns round; the other starts its natural
    /// way (values highest first, regions in reading order).
    pub fn tapped(self, by_region: bool) -> TableOrder {
        match (self, by_region) {
            (TableOrder::ValueDesc, false) => TableOrder::ValueAsc,
            (TableOrder::RegionAsc, true) => TableOrder::RegionDesc,
            (_, false) => TableOrder::ValueDesc,
            (_, true) => TableOrder::RegionAsc,
        }
    }
}

impl CompareState {
    /// Reads a query string. Regions may be ids or Chinese names, separated by `~` (or `,`,
    /// `、`, space); unknown ones are dropped, repeats merged. Any URL gives a valid state.
    pub fn from_query(query: &str, regions: &[Region]) -> CompareState {
        let mut s = CompareState::default();
        for (key, raw) in parse_query(query) {
            match key.as_str() {
                P_IND if s.indicator.is_empty() => {
                    s.indicator = raw.trim().chars().take(100).collect();
                }
                P_CMP => {
                    for token in raw.split(['~', ',', '，', '、', ' ', '|']) {
                        if s.regions.len() >= MAX_REGIONS {
                            break;
                        }
                        if let Some(r) = resolve_region(regions, token) {
                            if !s.regions.contains(&r.id) {
                                s.regions.push(r.id.clone());
                            }
                        }
                    }
                }
                P_PERIOD if s.period.is_empty() => {
                    s.period = raw.trim().chars().take(40).collect();
                }
                P_ORDER => {
                    if let Some(order) = TableOrder::ALL
                        .into_iter()
                        .find(|o| !o.key().is_empty() && o.key() == raw.trim())
                    {
                        s.order = order;
                    }
                }
                _ => {}
            }
        }
        s
    }

    /// The query string (with `?`), region ids joined by `~`; "" for the empty state.
    pub fn to_query(&self) -> String {
        format_query(&[
            (P_IND, self.indicator.clone()),
            (P_CMP, self.regions.join("~")),
            (P_PERIOD, self.period.clone()),
            (P_ORDER, self.order.key().to_string()),
        ])
    }

    /// The link to this comparison, relative to the app root.
    pub fn href(&self) -> String {
        format!("compare/{}", self.to_query())
    }

    /// The chosen regions in the order given (ids the corpus does not know are passed over).
    pub fn chosen_regions<'a>(&self, corpus: &'a Corpus) -> Vec<&'a Region> {
        self.regions
            .iter()
            .filter_map(|id| corpus.region(id))
            .collect()
    }

    /// The same state with `region` added, or removed when it is there.
    pub fn toggled(&self, region: &str) -> CompareState {
        let mut next = self.clone();
        if let Some(i) = next.regions.iter().position(|r| r == region) {
            next.regions.remove(i);
        } else {
            next.regions.push(region.to_string());
        }
        next
    }
}

// ---------------------------------------------------------------------------------------------
// One indicator across regions: the ranked comparison
// ---------------------------------------------------------------------------------------------

/// Units that name a multiple of another (万亿元 = 10 000 亿元), so figures printed in either
/// can share a scale. `大` counts clusters (“3 大产业集群”), `席` clusters' places (“18 席”) and
/// `市` cities (“珠三角 9 市”), each like `个`.
fn unit_base(unit: &str) -> (&str, f64) {
    match unit {
        "万亿元" | "万亿" => ("亿元", 10_000.0),
        "亿" => ("亿元", 1.0),
        "万家" => ("家", 10_000.0),
        "万户" => ("户", 10_000.0),
        "万人" => ("人", 10_000.0),
        "万件" => ("件", 10_000.0),
        "万个" => ("个", 10_000.0),
        "大" | "席" | "市" => ("个", 1.0),
        other => (other, 1.0),
    }
}

/// A period with how many regions (and figures) have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodCount {
    pub period: String,
    pub regions: usize,
    pub figures: usize,
}

/// One figure in a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub region: &'a Region,
    pub figure: &'a Figure,
    /// The value in the comparison's unit.
    pub value: f64,
    /// 1-based; equal values share a rank.
    pub rank: usize,
    /// The figure's number among its region's, in source order, when the region has several.
    pub number: Option<usize>,
}

impl Entry<'_> {
    /// The region's name, numbered (浙江①) when the region has several figures.
    pub fn label(&self, en: bool) -> String {
        let name = self.region.name_in(en);
        match self.number {
            Some(n) => format!("{name}{}", circled(n)),
            None => name.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'a> {
    pub indicator: &'a Indicator,
    /// The period shown; `None` when the indicator has no figures for these regions.
    pub period: Option<String>,
    /// Every period the indicator has for these regions, most regions first.
    pub periods: Vec<PeriodCount>,
    /// The unit of `entries`' values.
    pub unit: String,
    /// Ranked, highest first.
    pub entries: Vec<Entry<'a>>,
    /// Figures of the period whose unit cannot share the scale (listed, not drawn).
    pub other_units: Vec<Entry<'a>>,
    /// The regions compared: the chosen ones, or every region with a figure when none is chosen.
    pub regions: Vec<&'a Region>,
    /// Whether `regions` were filled in because the state named none.
    pub all_regions: bool,
    /// Compared regions without a figure for the period.
    pub missing: Vec<&'a Region>,
}

impl Comparison<'_> {
    /// Whether the figures are ranks, of which the lowest is the best: they are listed from
    /// 1st down, and the 1st has the longest bar.
    pub fn lower_is_better(&self) -> bool {
        self.unit == RANK_UNIT
    }

    /// Whether the figures drawn measure different things (a figure's scope: 领跑技术 beside
    /// 高技术产品出口 under one share-of-country indicator): their order is by value only, and
    /// the reader must be told that it is no ranking of like with like.
    pub fn scopes_differ(&self) -> bool {
        let mut scopes = self.entries.iter().map(|e| e.figure.scope_name(false));
        scopes
            .next()
            .is_some_and(|first| scopes.any(|other| other != first))
    }

    pub fn has_targets(&self) -> bool {
        self.entries
            .iter()
            .any(|e| e.figure.kind == FigureKind::Target)
    }
}

fn circled(n: usize) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n as u32 - 1)
            .map(String::from)
            .unwrap_or_default(),
        _ => format!("({n})"),
    }
}

/// The comparison a state asks for; `None` when its indicator is unknown or empty.
pub fn compare<'a>(corpus: &'a Corpus, state: &CompareState) -> Option<Comparison<'a>> {
    let indicator = corpus.indicator(&state.indicator)?;
    let of_indicator: Vec<&Figure> = figures(corpus)
        .filter(|f| f.indicator == indicator.key)
        .collect();
    let chosen = state.chosen_regions(corpus);
    let all_regions = chosen.is_empty();
    let in_scope = |f: &Figure| all_regions || chosen.iter().any(|r| r.id == f.region);
    // Periods: most regions first, then the latest.
    let mut by_period: BTreeMap<&str, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for f in of_indicator.iter().filter(|f| in_scope(f)) {
        let e = by_period.entry(f.period.as_str()).or_default();
        e.0.insert(f.region.as_str());
        e.1 += 1;
    }
    let mut periods: Vec<PeriodCount> = by_period
        .into_iter()
        .map(|(p, (regions, figures))| PeriodCount {
            period: p.to_string(),
            regions: regions.len(),
            figures,
        })
        .collect();
    order::sort_by(&mut periods, |a, b| {
        b.regions
            .cmp(&a.regions)
            .then_with(|| b.period.cmp(&a.period))
    });
    let period = if state.period.is_empty() {
        periods.first().map(|p| p.period.clone())
    } else {
        Some(state.period.clone())
    };
    let chosen_figures: Vec<&Figure> = of_indicator
        .iter()
        .copied()
        .filter(|f| in_scope(f))
        .filter(|f| Some(&f.period) == period.as_ref())
        .collect();
    let regions: Vec<&Region> = if all_regions {
        let mut rs: Vec<&Region> = chosen_figures
            .iter()
            .filter_map(|f| corpus.region(&f.region))
            .collect();
        order::sort_by_key(&mut rs, |r| region_order(corpus, r));
        rs.dedup_by(|a, b| a.id == b.id);
        rs
    } else {
        chosen
    };
    let missing: Vec<&Region> = regions
        .iter()
        .copied()
        .filter(|r| !chosen_figures.iter().any(|f| f.region == r.id))
        .collect();
    // The scale: the units as printed when they agree, else the base unit most figures share.
    let raw_units: BTreeSet<&str> = chosen_figures.iter().map(|f| f.unit.as_str()).collect();
    let (unit, convert) = if raw_units.len() <= 1 {
        (
            raw_units.iter().next().copied().unwrap_or("").to_string(),
            false,
        )
    } else {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &chosen_figures {
            *counts.entry(unit_base(&f.unit).0).or_default() += 1;
        }
        let base = counts
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(u, _)| u.to_string())
            .unwrap_or_default();
        (base, true)
    };
    let mut entries = Vec::new();
    let mut other_units = Vec::new();
    for f in &chosen_figures {
        let Some(region) = corpus.region(&f.region) else {
            continue;
        };
        let (base, factor) = unit_base(&f.unit);
        let entry = Entry {
            region,
            figure: f,
            value: if convert { f.value * factor } else { f.value },
            rank: 0,
            number: None,
        };
        if !convert || base == unit {
            entries.push(entry);
        } else {
            other_units.push(entry);
        }
    }
    // Best first: the highest value, or for ranks the lowest.
    let lower_is_better = unit == RANK_UNIT;
    order::sort_by(&mut entries, |a, b| {
        let (first, second) = if lower_is_better { (a, b) } else { (b, a) };
        first
            .value
            .total_cmp(&second.value)
            .then_with(|| region_order(corpus, a.region).cmp(&region_order(corpus, b.region)))
            .then_with(|| a.figure.id.cmp(&b.figure.id))
    });
    for i in 0..entries.len() {
        entries[i].rank = if i > 0 && entries[i].value == entries[i - 1].value {
            entries[i - 1].rank
        } else {
            i + 1
        };
    }
    // Number the bars of a region that has several figures, in source order.
    let mut per_region: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for e in entries.iter().chain(other_units.iter()) {
        per_region
            .entry(e.region.id.as_str())
            .or_default()
            .push(e.figure.id.as_str());
    }
    for list in per_region.values_mut() {
        order::sort(list);
    }
    for e in entries.iter_mut().chain(other_units.iter_mut()) {
        let list = &per_region[e.region.id.as_str()];
        if list.len() > 1 {
            let n = list.iter().position(|id| *id == e.figure.id).unwrap_or(0) + 1;
            e.number = Some(n);
        }
    }
    Some(Comparison {
        indicator,
        period,
        periods,
        unit,
        entries,
        other_units,
        regions,
        all_regions,
        missing,
    })
}

/// Places' names in a list, in the reader's language: `广东、江苏`, `Guangdong, Jiangsu`.
pub fn region_names(regions: &[&Region], en: bool) -> String {
    regions
        .iter()
        .map(|r| r.name_in(en))
        .collect::<Vec<_>>()
        .join(if en { ", " } else { "、" })
}

/// What a comparison shows, in a line: its page's title and the text in front of a link shared
/// to it (`工业增加值（2022）：江苏、广东`, `广东、江苏：各项指标`). `None` before anything is chosen.
pub fn describe(corpus: &Corpus, state: &CompareState, en: bool) -> Option<String> {
    let (head, who) = if state.indicator.is_empty() {
        let regions = state.chosen_regions(corpus);
        if regions.is_empty() {
            return None;
        }
        (
            region_names(&regions, en),
            if en {
                "every indicator"
            } else {
                "各项指标"
            }
            .to_string(),
        )
    } else {
        let cmp = compare(corpus, state)?;
        let name = if en {
            &cmp.indicator.en
        } else {
            &cmp.indicator.zh
        };
        let head = match &cmp.period {
            Some(p) if en => format!("{name}, {p}"),
            Some(p) => format!("{name}（{p}）"),
            None => name.clone(),
        };
        let who = if cmp.all_regions {
            if en {
                "every region with a figure"
            } else {
                "各地"
            }
            .to_string()
        } else {
            region_names(&cmp.regions, en)
        };
        (head, who)
    };
    Some(if en {
        format!("{head}: {who}")
    } else {
        format!("{head}：{who}")
    })
}

/// A bar chart's data, ready to draw (see `crate::charts::draw_ranked_bars`).
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    /// Period and unit, and what light bars mean.
    pub subtitle: String,
    pub unit: String,
    /// In drawing order (top first).
    pub bars: Vec<Bar>,
    /// Where the numbers come from.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as drawn next to the bar, with its unit: `48593.6 亿元`.
    pub value_label: String,
    /// A goal rather than an outcome: drawn lighter.
    pub target: bool,
    /// The figure's id.
    pub key: String,
}

/// The ranked bar chart of a comparison. `en` picks the English interface text; the data
/// (region names, units) stay as the source writes them.
pub fn bar_chart(corpus: &Corpus, cmp: &Comparison, en: bool) -> BarChart {
    let name = if en {
        &cmp.indicator.en
    } else {
        &cmp.indicator.zh
    };
    let period = cmp.period.clone().unwrap_or_default();
    let title = if period.is_empty() {
        name.clone()
    } else if en {
        format!("{name}, {period}")
    } else {
        format!("{name}（{period}）")
    };
    let mut subtitle = if en {
        format!("Unit: {}", unit_name_en(&cmp.unit))
    } else {
        format!("单位：{}", cmp.unit)
    };
    if cmp.has_targets() {
        subtitle.push_str(if en {
            " · light bars are targets"
        } else {
            " · 浅色为目标值"
        });
    }
    let issues: BTreeSet<&str> = cmp
        .entries
        .iter()
        .filter_map(|e| figure_issue(corpus, e.figure))
        .map(|i| i.meta.title.as_str())
        .collect();
    let source = source_line(corpus, issues, en);
    // A rank's bar is as long as the places it stands above the last: the 1st longest.
    let worst = cmp.entries.iter().map(|e| e.value).fold(0.0, f64::max);
    BarChart {
        title,
        subtitle,
        unit: cmp.unit.clone(),
        bars: cmp
            .entries
            .iter()
            .map(|e| Bar {
                // A district's or an industry's figure says so on its bar.
                label: match e.figure.scope_name(en) {
                    Some(scope) => format!("{}·{scope}", e.label(en)),
                    None => e.label(en),
                },
                value: if cmp.lower_is_better() {
                    worst + 1.0 - e.value
                } else {
                    e.value
                },
                // A bound the source gives (超过三成) stays on the bar, unless the value was
                // converted to the chart's unit.
                value_label: if e.figure.bounded.is_some() && e.value == e.figure.value {
                    figure_text(e.figure, en)
                } else if en {
                    amount_en(e.value, &cmp.unit)
                } else {
                    fmt_with_unit(e.value, &cmp.unit)
                },
                target: e.figure.kind == FigureKind::Target,
                key: e.figure.id.clone(),
            })
            .collect(),
        source,
    }
}

const FIGURE_HEADER: [csv::Heading; 16] = [
    ("排名", "Rank"),
    ("地区", "Region"),
    ("地区代码", "Region code"),
    ("指标", "Indicator"),
    ("指标代码", "Indicator code"),
    ("范围（编者标注）", "Scope (our note)"),
    ("数值", "Value"),
    ("单位", "Unit as printed"),
    ("原文数值", "Value as printed"),
    ("时期", "Period"),
    ("类型", "Kind"),
    ("原文句子", "Sentence in the source"),
    ("编者注", "Editors' note"),
    ("出处", "Source"),
    ("出处链接", "Source link"),
    ("数字编号", "Figure id"),
];

/// A figure's row of [`FIGURE_HEADER`], our names in the reader's language (`en`) and the
/// source's words as printed; its source's link is absolute, under `root_url`.
fn figure_row(
    corpus: &Corpus,
    rank: String,
    region: &Region,
    f: &Figure,
    root_url: &str,
    en: bool,
) -> Vec<String> {
    let indicator = corpus.indicator(&f.indicator);
    let source = source_item(corpus, f);
    vec![
        rank,
        region.name_in(en).to_string(),
        region.id.clone(),
        indicator
            .map(|i| i.name_in(en).to_string())
            .unwrap_or_default(),
        f.indicator.clone(),
        f.scope_name(en).unwrap_or_default().to_string(),
        format_number(f.value),
        f.unit.clone(),
        f.bounded
            .clone()
            .or_else(|| f.value_text.clone())
            .unwrap_or_default(),
        f.period.clone(),
        if en { kind_en(f.kind) } else { kind_zh(f.kind) }.to_string(),
        f.sentence.clone(),
        f.note
            .as_ref()
            .map(|n| n.pick(en).to_string())
            .unwrap_or_default(),
        source.as_ref().map(|s| s.title.clone()).unwrap_or_default(),
        source
            .map(|s| absolute(root_url, &s.path))
            .unwrap_or_default(),
        f.id.clone(),
    ]
}

/// The comparison as CSV (with BOM): one row per figure, values as printed with their units,
/// sources linked under the app's `root_url`.
pub fn comparison_csv(corpus: &Corpus, cmp: &Comparison, root_url: &str, en: bool) -> String {
    let rows: Vec<Vec<String>> = cmp
        .entries
        .iter()
        .map(|e| figure_row(corpus, e.rank.to_string(), e.region, e.figure, root_url, en))
        .chain(
            cmp.other_units
                .iter()
                .map(|e| figure_row(corpus, String::new(), e.region, e.figure, root_url, en)),
        )
        .collect();
    csv::document_in(&FIGURE_HEADER, en, &rows)
}

// ---------------------------------------------------------------------------------------------
// Several indicators across regions: the table
// ---------------------------------------------------------------------------------------------

/// One indicator with the figures each region has for it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow<'a> {
    pub indicator: &'a Indicator,
    /// One list per region, in the order of the regions asked for; figures by period.
    pub cells: Vec<Vec<&'a Figure>>,
    /// Periods every region with a figure has (the figures are comparable there).
    pub common_periods: Vec<String>,
}

impl IndicatorRow<'_> {
    /// How many of the regions have a figure.
    pub fn regions_with_data(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
}

/// Every indicator any of `regions` has a figure for; the indicators most of them share first,
/// then in registry order.
pub fn indicator_rows<'a>(corpus: &'a Corpus, regions: &[&Region]) -> Vec<IndicatorRow<'a>> {
    let mut rows: Vec<IndicatorRow<'a>> = corpus
        .registry
        .indicators
        .iter()
        .filter_map(|indicator| {
            let cells: Vec<Vec<&Figure>> = regions
                .iter()
                .map(|r| {
                    let mut fs: Vec<&Figure> = figures(corpus)
                        .filter(|f| f.indicator == indicator.key && f.region == r.id)
                        .collect();
                    order::sort_by(&mut fs, |a, b| {
                        a.period.cmp(&b.period).then_with(|| a.id.cmp(&b.id))
                    });
                    fs
                })
                .collect();
            if cells.iter().all(Vec::is_empty) {
                return None;
            }
            let mut common: Option<BTreeSet<&str>> = None;
            for cell in cells.iter().filter(|c| !c.is_empty()) {
                let ps: BTreeSet<&str> = cell.iter().map(|f| f.period.as_str()).collect();
                common = Some(match common {
                    None => ps,
                    Some(c) => c.intersection(&ps).copied().collect(),
                });
            }
            Some(IndicatorRow {
                indicator,
                cells,
                common_periods: common
                    .unwrap_or_default()
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            })
        })
        .collect();
    // Stable: registry order within equal counts.
    order::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.regions_with_data()));
    rows
}

/// The indicator table as CSV: one row per figure, sources linked under the app's `root_url`.
pub fn indicator_rows_csv(
    corpus: &Corpus,
    regions: &[&Region],
    rows: &[IndicatorRow],
    root_url: &str,
    en: bool,
) -> String {
    let mut out = Vec::new();
    for row in rows {
        for (region, cell) in regions.iter().zip(&row.cells) {
            for f in cell {
                out.push(figure_row(corpus, String::new(), region, f, root_url, en));
            }
        }
    }
    csv::document_in(&FIGURE_HEADER, en, &out)
}

// ---------------------------------------------------------------------------------------------
// Ready-made comparisons
// ---------------------------------------------------------------------------------------------

/// A comparison the source itself makes, offered as a link.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyMade {
    pub key: &'static str,
    pub zh: String,
    pub en: String,
    pub state: CompareState,
}

fn zh_count(n: usize) -> String {
    const DIGITS: [&str; 11] = [
        "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    DIGITS
        .get(n)
        .map(|d| d.to_string())
        .unwrap_or_else(|| n.to_string())
}

/// The comparisons the source makes: the provinces' industrial value added, Guangdong against
/// Jiangsu on every indicator the source gives both for, and the Guangdong cities its status
/// articles describe.
pub fn ready_made(corpus: &Corpus) -> Vec<ReadyMade> {
    let mut out = Vec::new();
    // 1. The provinces' industrial value added, in the period most provinces share.
    let provinces = |f: &&Figure| {
        f.indicator == "industrial_value_added"
            && corpus
                .region(&f.region)
                .is_some_and(|r| r.kind == RegionKind::Province)
    };
    let mut periods: BTreeMap<&str, Vec<&Figure>> = BTreeMap::new();
    for f in figures(corpus).filter(provinces) {
        periods.entry(f.period.as_str()).or_default().push(f);
    }
    if let Some((period, mut fs)) = periods
        .into_iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| a.0.cmp(b.0)))
    {
        order::sort_by(&mut fs, |a, b| b.value.total_cmp(&a.value));
        let mut regions: Vec<String> = Vec::new();
        for f in fs {
            if !regions.contains(&f.region) {
                regions.push(f.region.clone());
            }
        }
        let n = regions.len();
        out.push(ReadyMade {
            key: "provinces-industrial-value-added",
            zh: format!("{}省{period}年工业增加值", zh_count(n)),
            en: format!("Industrial value added of {n} provinces, {period}"),
            state: CompareState {
                indicator: "industrial_value_added".into(),
                regions,
                period: period.to_string(),
                ..CompareState::default()
            },
        });
    }
    // 2. Guangdong against Jiangsu.
    if corpus.region("guangdong").is_some() && corpus.region("jiangsu").is_some() {
        out.push(ReadyMade {
            key: "guangdong-jiangsu",
            zh: "广东与江苏：源文同时给出两省数字的各项指标".into(),
            en: "Guangdong and Jiangsu on every indicator the source gives both for".into(),
            state: CompareState {
                regions: vec!["guangdong".into(), "jiangsu".into()],
                ..CompareState::default()
            },
        });
    }
    // 3. The Guangdong cities the status articles describe.
    let mut cities: Vec<&Region> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter())
        .flat_map(|a| a.regions.iter())
        .filter_map(|id| corpus.region(id))
        .filter(|r| r.kind == RegionKind::City && r.parent.as_deref() == Some("guangdong"))
        .collect();
    order::sort_by_key(&mut cities, |r| region_order(corpus, r));
    cities.dedup_by(|a, b| a.id == b.id);
    if cities.len() >= 2 {
        let names: Vec<&str> = cities.iter().map(|r| r.name.as_str()).collect();
        out.push(ReadyMade {
            key: "guangdong-cities",
            zh: format!("源文介绍的广东各市：{}", names.join("、")),
            en: format!("The {} Guangdong cities the source describes", cities.len()),
            state: CompareState {
                regions: cities.iter().map(|r| r.id.clone()).collect(),
                ..CompareState::default()
            },
        });
    }
    out
}

/// Every (indicator, period) the source gives for two regions or more, most regions first:
/// the other comparisons the data supports.
pub fn comparable_sets(corpus: &Corpus) -> Vec<(CompareState, &Indicator, usize)> {
    let mut sets: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for f in figures(corpus) {
        let regions = sets
            .entry((f.indicator.as_str(), f.period.as_str()))
            .or_default();
        if !regions.contains(&f.region.as_str()) {
            regions.push(f.region.as_str());
        }
    }
    let mut out: Vec<(CompareState, &Indicator, usize)> = sets
        .into_iter()
        .filter(|(_, regions)| regions.len() >= 2)
        .filter_map(|((ind, period), mut regions)| {
            let indicator = corpus.indicator(ind)?;
            order::sort_by_key(&mut regions, |id| {
                corpus.region(id).map(|r| region_order(corpus, r))
            });
            let n = regions.len();
            Some((
                CompareState {
                    indicator: ind.to_string(),
                    regions: regions.into_iter().map(str::to_string).collect(),
                    period: period.to_string(),
                    ..CompareState::default()
                },
                indicator,
                n,
            ))
        })
        .collect();
    let position = |key: &str| corpus.registry.indicators.iter().position(|i| i.key == key);
    order::sort_by(&mut out, |a, b| {
        b.2.cmp(&a.2)
            .then_with(|| position(&a.1.key).cmp(&position(&b.1.key)))
            .then_with(|| a.0.period.cmp(&b.0.period))
    });
    out
}

// ---------------------------------------------------------------------------------------------
// The Guangdong map
// ---------------------------------------------------------------------------------------------

/// What the map colours cities by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Policy documents issued for the city.
    #[default]
    Policies,
    /// Figure records about the city.
    Figures,
    /// Items whose text names the city.
    Mentions,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Policies, Measure::Figures, Measure::Mentions];

    pub fn key(self) -> &'static str {
        match self {
            Measure::Policies => "policies",
            Measure::Figures => "figures",
            Measure::Mentions => "mentions",
        }
    }

    pub fn from_key(key: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn zh(self) -> &'static str {
        match self {
            Measure::Policies => "政策文件数",
            Measure::Figures => "数字条数",
            Measure::Mentions => "提及条目数",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Measure::Policies => "Policy documents",
            Measure::Figures => "Figures",
            Measure::Mentions => "Items mentioning it",
        }
    }
}

const P_MEASURE: &str = "measure";
const P_CITY: &str = "city";

/// `map/?measure=figures&city=foshan`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapState {
    pub measure: Measure,
    /// A city with a map tile.
    pub city: Option<String>,
}

impl MapState {
    /// Reads a query string; the city may be an id or a Chinese name, and must have a tile.
    pub fn from_query(query: &str, regions: &[Region]) -> MapState {
        let mut s = MapState::default();
        for (key, raw) in parse_query(query) {
            match key.as_str() {
                P_MEASURE => s.measure = Measure::from_key(raw.trim()).unwrap_or_default(),
                P_CITY if s.city.is_none() => {
                    s.city = resolve_region(regions, &raw)
                        .filter(|r| r.tile.is_some())
                        .map(|r| r.id.clone());
                }
                _ => {}
            }
        }
        s
    }

    /// The query string; the measure is always written so every map link says what it shows.
    pub fn to_query(&self) -> String {
        format_query(&[
            (P_MEASURE, self.measure.key().to_string()),
            (P_CITY, self.city.clone().unwrap_or_default()),
        ])
    }

    pub fn href(&self) -> String {
        format!("map/{}", self.to_query())
    }
}

/// One city of the tile map with its three measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile<'a> {
    pub region: &'a Region,
    pub col: u8,
    pub row: u8,
    pub group: &'a str,
    pub policies: usize,
    pub figures: usize,
    pub mentions: usize,
}

impl Tile<'_> {
    pub fn value(&self, measure: Measure) -> usize {
        match measure {
            Measure::Policies => self.policies,
            Measure::Figures => self.figures,
            Measure::Mentions => self.mentions,
        }
    }
}

/// A two-syllable place name in pinyin cut between its syllables: `Guang`, `zhou`. `None` for
/// a name that is not two pinyin syllables (Chinese names, `Taizhou` is; `Germany` is not).
pub fn pinyin_halves(name: &str) -> Option<(&str, &str)> {
    (1..name.len())
        .filter(|&i| name.is_char_boundary(i))
        .map(|i| name.split_at(i))
        .find(|(a, b)| is_syllable(&a.to_lowercase()) && is_syllable(b))
}

/// Whether `s` is one pinyin syllable without tone: an initial, if any, and a final.
fn is_syllable(s: &str) -> bool {
    const INITIALS: [&str; 23] = [
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w",
    ];
    const FINALS: [&str; 35] = [
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ue", "er", "an",
        "en", "in", "un", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua",
        "uo", "uai", "uan", "uang", "ve", "van",
    ];
    let rest = INITIALS.iter().find_map(|i| s.strip_prefix(i)).unwrap_or(s);
    FINALS.contains(&rest)
}

/// Whether an item's text names `name` anywhere.
pub fn mentions(item: ItemRef<'_>, name: &str) -> bool {
    !name.is_empty() && item.texts().iter().any(|t| t.text.contains(name))
}

/// Every region with a tile (Guangdong's 21 cities), in registry order, with its measures.
pub fn tiles(corpus: &Corpus) -> Vec<Tile<'_>> {
    corpus
        .registry
        .regions
        .iter()
        .filter_map(|r| {
            let (col, row) = r.tile?;
            Some(Tile {
                region: r,
                col,
                row,
                group: r.group.as_deref().unwrap_or(""),
                policies: corpus.policies().filter(|(_, p)| p.region == r.id).count(),
                figures: figures(corpus).filter(|f| f.region == r.id).count(),
                mentions: corpus
                    .items()
                    .filter(|(_, item)| mentions(*item, &r.name))
                    .count(),
            })
        })
        .collect()
}

/// The grid's size (columns, rows).
pub fn grid_size(tiles: &[Tile]) -> (u8, u8) {
    let cols = tiles.iter().map(|t| t.col + 1).max().unwrap_or(0);
    let rows = tiles.iter().map(|t| t.row + 1).max().unwrap_or(0);
    (cols, rows)
}

/// Number of colour steps for non-zero values.
pub const SHADES: usize = 4;

/// The colour step of a value: 0 for nothing, 1..=[`SHADES`] in proportion to `max`.
pub fn shade(value: usize, max: usize) -> usize {
    if value == 0 || max == 0 {
        0
    } else {
        (value * SHADES).div_ceil(max).clamp(1, SHADES)
    }
}

/// The value range of each shade `1..=SHADES` for the legend: `(low, high)`, empty when no
/// integer value falls in the step.
pub fn shade_ranges(max: usize) -> Vec<(usize, Option<(usize, usize)>)> {
    (1..=SHADES)
        .map(|s| {
            let values: Vec<usize> = (1..=max).filter(|v| shade(*v, max) == s).collect();
            (s, values.first().zip(values.last()).map(|(a, b)| (*a, *b)))
        })
        .collect()
}

/// What the map shows for a city when tapped.
#[derive(Debug, Clone)]
pub struct CityDetail<'a> {
    pub region: &'a Region,
    pub policies: Vec<&'a Policy>,
    pub figures: Vec<&'a Figure>,
    pub articles: Vec<&'a Article>,
    /// Other items that name the city (not its policies or articles).
    pub mentioned_in: Vec<ItemRef<'a>>,
}

pub fn city_detail<'a>(corpus: &'a Corpus, id: &str) -> Option<CityDetail<'a>> {
    let region = corpus.region(id)?;
    let mut policies: Vec<&Policy> = corpus
        .policies()
        .filter(|(_, p)| p.region == region.id)
        .map(|(_, p)| p)
        .collect();
    order::sort_by(&mut policies, |a, b| b.date.cmp(&a.date));
    let figs: Vec<&Figure> = figures(corpus).filter(|f| f.region == region.id).collect();
    let articles: Vec<&Article> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter())
        .filter(|a| a.regions.contains(&region.id))
        .collect();
    let mentioned_in: Vec<ItemRef> = corpus
        .items()
        .map(|(_, item)| item)
        .filter(|item| mentions(*item, &region.name))
        .filter(|item| match item {
            ItemRef::Policy(p) => p.region != region.id,
            ItemRef::Article(a) => !a.regions.contains(&region.id),
            _ => true,
        })
        .collect();
    Some(CityDetail {
        region,
        policies,
        figures: figs,
        articles,
        mentioned_in,
    })
}

/// The map's data as CSV: one row per city with all three measures.
pub fn tiles_csv(tiles: &[Tile], en: bool) -> String {
    let rows: Vec<Vec<String>> = tiles
        .iter()
        .map(|t| {
            vec![
                t.region.name_in(en).to_string(),
                t.region.id.clone(),
                if en { group_en(t.group) } else { t.group }.to_string(),
                t.policies.to_string(),
                t.figures.to_string(),
                t.mentions.to_string(),
            ]
        })
        .collect();
    csv::document_in(
        &[
            ("城市", "City"),
            ("地区代码", "Region code"),
            ("区域", "Area"),
            ("政策文件数", "Policy documents"),
            ("数字条数", "Figures"),
            ("提及条目数", "Items mentioning it"),
        ],
        en,
        &rows,
    )
}

// ---------------------------------------------------------------------------------------------
// The region × theme matrix
// ---------------------------------------------------------------------------------------------

/// How many policies each region has on each theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix<'a> {
    /// Regions with at least one policy, in reading order.
    pub regions: Vec<&'a Region>,
    /// Themes with at least one policy, in registry order.
    pub themes: Vec<&'a Theme>,
    /// `counts[region][theme]`.
    pub counts: Vec<Vec<usize>>,
    /// Policies per region (a policy with several themes counts once).
    pub region_totals: Vec<usize>,
    /// Policies per theme.
    pub theme_totals: Vec<usize>,
    pub max: usize,
}

pub fn matrix(corpus: &Corpus) -> Matrix<'_> {
    let mut regions: Vec<&Region> = corpus
        .policies()
        .filter_map(|(_, p)| corpus.region(&p.region))
        .collect();
    order::sort_by_key(&mut regions, |r| region_order(corpus, r));
    regions.dedup_by(|a, b| a.id == b.id);
    let used: BTreeSet<&str> = corpus
        .policies()
        .flat_map(|(issue, p)| issue.themes_of(&p.id).iter().map(String::as_str))
        .collect();
    let themes: Vec<&Theme> = corpus
        .registry
        .themes
        .iter()
        .filter(|t| used.contains(t.key.as_str()))
        .collect();
    let mut counts = vec![vec![0; themes.len()]; regions.len()];
    let mut region_totals = vec![0; regions.len()];
    let mut theme_totals = vec![0; themes.len()];
    for (issue, p) in corpus.policies() {
        let Some(ri) = regions.iter().position(|r| r.id == p.region) else {
            continue;
        };
        region_totals[ri] += 1;
        for key in issue.themes_of(&p.id) {
            if let Some(ti) = themes.iter().position(|t| &t.key == key) {
                counts[ri][ti] += 1;
                theme_totals[ti] += 1;
            }
        }
    }
    let max = counts.iter().flatten().copied().max().unwrap_or(0);
    Matrix {
        regions,
        themes,
        counts,
        region_totals,
        theme_totals,
        max,
    }
}

/// The matrix as CSV: a row per region, a column per theme.
pub fn matrix_csv(m: &Matrix, en: bool) -> String {
    let fixed: [csv::Heading; 3] = [
        ("地区", "Region"),
        ("地区代码", "Region code"),
        ("政策总数", "All policies"),
    ];
    let mut header: Vec<&str> = fixed.iter().map(|h| csv::heading_in(h, en)).collect();
    header.extend(m.themes.iter().map(|t| t.name_in(en)));
    let rows: Vec<Vec<String>> = m
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![
                r.name_in(en).to_string(),
                r.id.clone(),
                m.region_totals[i].to_string(),
            ];
            row.extend(m.counts[i].iter().map(usize::to_string));
            row
        })
        .collect();
    csv::document(&header, &rows)
}

// ---------------------------------------------------------------------------------------------
// The policy timeline
// ---------------------------------------------------------------------------------------------

/// A stretch of the timeline's axis: one month, or a run of years without any policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub year: i32,
    /// 1..=12; `None` for a gap.
    pub month: Option<u32>,
    /// The last year a gap covers.
    pub gap_to: Option<i32>,
    /// Where the band starts, in bands from the top.
    pub start: usize,
}

impl Band {
    /// The year label shown at the band, if it opens a year (or is a gap).
    pub fn year_label(&self, first: bool) -> Option<String> {
        match (self.month, self.gap_to) {
            (None, Some(to)) if to != self.year => Some(format!("{}–{}", self.year, to)),
            (None, _) => Some(self.year.to_string()),
            (Some(1), _) => Some(self.year.to_string()),
            (Some(_), _) if first => Some(self.year.to_string()),
            _ => None,
        }
    }

    /// The month named on the axis at the band: the first month of each quarter, unless the band
    /// has its year's label (`4月`, `Apr`).
    pub fn month_label(&self, first: bool, en: bool) -> Option<String> {
        let m = self.month.filter(|m| m % 3 == 1)?;
        if self.year_label(first).is_some() {
            return None;
        }
        if en {
            MONTHS_EN
                .get(m as usize - 1)
                .map(|name| name[..3].to_string())
        } else {
            Some(format!("{m}月"))
        }
    }
}

/// A policy on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark<'a> {
    pub policy: &'a Policy,
    pub level: Level,
    /// Position along the axis, in bands from the top (a month is one band).
    pub pos: f64,
    /// Side-by-side position within its level's lane, so that close marks do not overlap.
    pub slot: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline<'a> {
    pub bands: Vec<Band>,
    /// Oldest first.
    pub marks: Vec<Mark<'a>>,
    /// The most slots any lane needs.
    pub slots: usize,
    pub first_year: i32,
    pub last_year: i32,
}

impl Timeline<'_> {
    pub fn length(&self) -> usize {
        self.bands.len()
    }
}

fn ymd(date: &str) -> Option<(i32, u32, u32)> {
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m: u32 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let d: u32 = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Lays the policies out along a vertical time axis, one band per month from the first
/// policy's month to the last's, years without a policy folded into one gap band. Marks closer
/// than `mark` bands within a level's lane are put side by side.
pub fn timeline(corpus: &Corpus, mark: f64) -> Timeline<'_> {
    let mut dated: Vec<(&Policy, (i32, u32, u32))> = corpus
        .policies()
        .filter_map(|(_, p)| ymd(&p.date).map(|d| (p, d)))
        .collect();
    order::sort_by(&mut dated, |a, b| {
        a.1.cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id))
    });
    let (Some(first), Some(last)) = (dated.first(), dated.last()) else {
        return Timeline {
            bands: Vec::new(),
            marks: Vec::new(),
            slots: 0,
            first_year: 0,
            last_year: 0,
        };
    };
    let ((y0, m0, _), (y1, m1, _)) = (first.1, last.1);
    let years: BTreeSet<i32> = dated.iter().map(|(_, d)| d.0).collect();
    let mut bands: Vec<Band> = Vec::new();
    let mut y = y0;
    while y <= y1 {
        if years.contains(&y) {
            let from = if y == y0 { m0 } else { 1 };
            let to = if y == y1 { m1 } else { 12 };
            for m in from..=to {
                bands.push(Band {
                    year: y,
                    month: Some(m),
                    gap_to: None,
                    start: bands.len(),
                });
            }
            y += 1;
        } else {
            let mut to = y;
            while to < y1 && !years.contains(&(to + 1)) {
                to += 1;
            }
            bands.push(Band {
                year: y,
                month: None,
                gap_to: Some(to),
                start: bands.len(),
            });
            y = to + 1;
        }
    }
    let days = |y: i32, m: u32| -> u32 {
        match m {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    };
    let mut marks: Vec<Mark> = dated
        .iter()
        .map(|(p, (y, m, d))| {
            let band = bands
                .iter()
                .find(|b| b.year == *y && b.month == Some(*m))
                .map_or(0, |b| b.start);
            Mark {
                policy: p,
                level: p.level,
                pos: band as f64 + (f64::from(*d) - 0.5) / f64::from(days(*y, *m)),
                slot: 0,
            }
        })
        .collect();
    let mut slots = 0;
    for level in Level::ALL {
        // The last position placed in each slot of this lane.
        let mut lane: Vec<f64> = Vec::new();
        for m in marks.iter_mut().filter(|m| m.level == level) {
            let slot = lane
                .iter()
                .position(|last| m.pos - last >= mark)
                .unwrap_or(lane.len());
            if slot == lane.len() {
                lane.push(m.pos);
            } else {
                lane[slot] = m.pos;
            }
            m.slot = slot;
        }
        slots = slots.max(lane.len());
    }
    Timeline {
        bands,
        marks,
        slots,
        first_year: y0,
        last_year: y1,
    }
}

/// The key under the timeline's image, one entry per mark in its order (a mark is numbered by
/// its place, from 1): its date, region and short title, and apart, its document number (which
/// an image must not break across lines).
pub fn timeline_key(corpus: &Corpus, t: &Timeline, en: bool) -> Vec<(String, Option<String>)> {
    t.marks
        .iter()
        .map(|m| {
            let p = m.policy;
            let mut line = p.date.clone();
            if let Some(region) = corpus.region(&p.region) {
                line.push_str(" · ");
                line.push_str(region.name_in(en));
            }
            line.push_str(" · ");
            line.push_str(&p.short_title);
            (line, p.doc_number.clone())
        })
        .collect()
}

/// The timeline as CSV: one row per policy, oldest first, linked under the app's `root_url`.
pub fn timeline_csv(corpus: &Corpus, t: &Timeline, root_url: &str, en: bool) -> String {
    let rows: Vec<Vec<String>> = t
        .marks
        .iter()
        .map(|m| {
            let p = m.policy;
            vec![
                p.date.clone(),
                p.level.name_in(en).to_string(),
                corpus
                    .region(&p.region)
                    .map(|r| r.name_in(en).to_string())
                    .unwrap_or_default(),
                p.short_title.clone(),
                p.doc_number.clone().unwrap_or_default(),
                absolute(root_url, &ItemRef::Policy(p).path()),
            ]
        })
        .collect();
    csv::document_in(
        &[
            ("日期", "Date"),
            ("层级", "Level"),
            ("地区", "Region"),
            ("标题", "Title"),
            ("文号", "Document number"),
            ("链接", "Link"),
        ],
        en,
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::*;

    fn region(id: &str, name: &str, kind: RegionKind) -> Region {
        Region {
            id: id.into(),
            name: name.into(),
            // Tests tell the languages apart: `gz` is `GZ` in English.
            en: id.to_uppercase(),
            kind,
            parent: None,
            group: None,
            tile: None,
        }
    }

    fn city(id: &str, name: &str, group: &str, tile: (u8, u8)) -> Region {
        Region {
            parent: Some("guangdong".into()),
            group: Some(group.into()),
            tile: Some(tile),
            ..region(id, name, RegionKind::City)
        }
    }

    fn figure(id: &str, region: &str, ind: &str, value: f64, unit: &str, period: &str) -> Figure {
        Figure {
            id: id.into(),
            item: "a1".into(),
            region: region.into(),
            indicator: ind.into(),
            value,
            value_text: None,
            bounded: None,
            scope: None,
            note: None,
            unit: unit.into(),
            period: period.into(),
            kind: FigureKind::Actual,
            sentence: format!("{region} {value}{unit}"),
        }
    }

    fn policy(id: &str, region: &str, level: Level, date: &str) -> Policy {
        Policy {
            id: id.into(),
            title: format!("{id} title"),
            short_title: id.to_string(),
            issuers: vec![],
            issuers_etc: false,
            doc_number: None,
            date: date.into(),
            level,
            region: region.into(),
            place: Place {
                section: "s".into(),
                ordinal: 1,
            },
            summary: "summary".into(),
        }
    }

    /// Where the tests' app is served from.
    const ROOT_URL: &str = "https://example.org/cankao/";

    fn corpus() -> Corpus {
        let regions = vec![
            region("china", "全国", RegionKind::Country),
            region("guangdong", "广东", RegionKind::Province),
            region("jiangsu", "江苏", RegionKind::Province),
            region("zhejiang", "浙江", RegionKind::Province),
            city("guangzhou", "广州", "珠三角", (1, 0)),
            city("shantou", "汕头", "粤东", (2, 1)),
        ];
        let ind = |key: &str| Indicator {
            key: key.into(),
            zh: format!("{key}-zh"),
            en: format!("{key}-en"),
        };
        let theme = |key: &str| Theme {
            key: key.into(),
            zh: format!("{key}-zh"),
            en: key.into(),
        };
        let issue = Issue {
            meta: IssueMeta {
                id: "i1".into(),
                title: "第一期".into(),
                title_en: None,
                compiler: "c".into(),
                date: "2023".into(),
                source_file: "s.txt".into(),
                highlights: vec![],
                intro: vec![],
                problems_preface: vec![],
                expected: ExpectedCounts::default(),
            },
            policies: vec![
                policy("p1", "guangzhou", Level::Municipal, "2021-03-15"),
                policy("p2", "guangdong", Level::Provincial, "2021-03-20"),
                policy("p3", "china", Level::Central, "2017-11-27"),
                policy("p4", "guangzhou", Level::Municipal, "2021-03-16"),
            ],
            articles: vec![Article {
                id: "a1".into(),
                title: "广州与汕头".into(),
                paragraphs: vec!["广州制造业。".into()],
                outlet: "报".into(),
                regions: vec!["guangzhou".into()],
            }],
            recommendations: vec![],
            problems: vec![],
            experiences: vec![],
            clues: vec![],
            news: vec![],
            figures: vec![
                figure(
                    "f1",
                    "guangdong",
                    "industrial_value_added",
                    47723.0,
                    "亿元",
                    "2022",
                ),
                figure(
                    "f2",
                    "jiangsu",
                    "industrial_value_added",
                    48593.6,
                    "亿元",
                    "2022",
                ),
                figure(
                    "f3",
                    "zhejiang",
                    "industrial_value_added",
                    2.8871,
                    "万亿元",
                    "2022",
                ),
                figure(
                    "f4",
                    "guangdong",
                    "industrial_value_added",
                    40000.0,
                    "亿元",
                    "2021",
                ),
                figure("f5", "guangdong", "share", 20.8, "%", "2022"),
                figure("f6", "guangdong", "share", 10.0, "%", "2022"),
                figure("f7", "jiangsu", "share", 50.0, "%", "2021"),
                figure("f8", "guangzhou", "count", 3.0, "个", "2022"),
            ],
            editorial: Editorial {
                themes: BTreeMap::from([
                    ("p1".to_string(), vec!["digital".to_string()]),
                    (
                        "p2".to_string(),
                        vec!["digital".to_string(), "green".to_string()],
                    ),
                ]),
                answers: BTreeMap::new(),
                cover: BTreeMap::new(),
            },
        };
        Corpus {
            registry: Registry {
                series: Series {
                    id: "s".into(),
                    title: "《参考》".into(),
                    compiler: "c".into(),
                    issues: vec!["i1".into()],
                },
                regions,
                themes: vec![theme("digital"), theme("green"), theme("unused")],
                indicators: vec![ind("industrial_value_added"), ind("share"), ind("count")],
                issuers: Vec::new(),
            },
            issues: vec![issue],
        }
    }

    #[test]
    fn compare_state_round_trips_and_reads_chinese_names() {
        let c = corpus();
        let regions = &c.registry.regions;
        let s = CompareState {
            indicator: "industrial_value_added".into(),
            regions: vec!["jiangsu".into(), "guangdong".into()],
            period: "2022".into(),
            ..CompareState::default()
        };
        let q = s.to_query();
        assert_eq!(
            q,
            "?ind=industrial_value_added&cmp=jiangsu~guangdong&period=2022"
        );
        assert_eq!(CompareState::from_query(&q, regions), s);
        let zh = CompareState::from_query(
            "?ind=industrial_value_added&cmp=%E6%B1%9F%E8%8B%8F~%E5%B9%BF%E4%B8%9C%E7%9C%81&period=2022",
            regions,
        );
        assert_eq!(zh, s);
        assert_eq!(
            CompareState::from_query("cmp=广东,atlantis,广东~guangzhou&from=x", regions).regions,
            vec!["guangdong".to_string(), "guangzhou".to_string()]
        );
        assert_eq!(CompareState::default().to_query(), "");
        assert_eq!(
            CompareState::from_query("", regions),
            CompareState::default()
        );
        assert_eq!(
            s.href(),
            "compare/?ind=industrial_value_added&cmp=jiangsu~guangdong&period=2022"
        );
        assert_eq!(s.toggled("guangdong").regions, vec!["jiangsu".to_string()]);
        assert_eq!(s.toggled("china").regions.len(), 3);
    }

    #[test]
    fn the_table_order_lives_in_the_url_and_turns_round_on_a_second_tap() {
        let regions = &corpus().registry.regions;
        for order in TableOrder::ALL {
            let s = CompareState {
                indicator: "share".into(),
                order,
                ..CompareState::default()
            };
            assert_eq!(CompareState::from_query(&s.to_query(), regions), s);
        }
        assert_eq!(
            CompareState::from_query("?order=region", regions).to_query(),
            "?order=region"
        );
        assert_eq!(
            CompareState::from_query("?order=sideways", regions).order,
            TableOrder::ValueDesc
        );
        // Values: highest first, then lowest first; regions: reading order, then reversed.
        let tap = |o: TableOrder, by_region| o.tapped(by_region);
        assert_eq!(tap(TableOrder::ValueDesc, false), TableOrder::ValueAsc);
        assert_eq!(tap(TableOrder::ValueAsc, false), TableOrder::ValueDesc);
        assert_eq!(tap(TableOrder::ValueAsc, true), TableOrder::RegionAsc);
        assert_eq!(tap(TableOrder::RegionAsc, true), TableOrder::RegionDesc);
        assert_eq!(tap(TableOrder::RegionDesc, false), TableOrder::ValueDesc);
    }

    #[test]
    fn comparison_ranks_converts_units_and_names_what_is_missing() {
        let c = corpus();
        let s = CompareState {
            indicator: "industrial_value_added".into(),
            regions: vec!["guangdong".into(), "jiangsu".into(), "zhejiang".into()],
            period: String::new(),
            ..CompareState::default()
        };
        let cmp = compare(&c, &s).unwrap();
        // 2022 has three regions, 2021 one: 2022 is the default.
        assert_eq!(cmp.period.as_deref(), Some("2022"));
        assert_eq!(cmp.unit, "亿元");
        let order: Vec<(&str, String)> = cmp
            .entries
            .iter()
            .map(|e| (e.region.id.as_str(), format_number(e.value)))
            .collect();
        assert_eq!(
            order,
            vec![
                ("jiangsu", "48593.6".to_string()),
                ("guangdong", "47723".to_string()),
                ("zhejiang", "28871".to_string()),
            ]
        );
        assert_eq!(
            cmp.entries.iter().map(|e| e.rank).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert!(cmp.missing.is_empty());
        let chart = bar_chart(&c, &cmp, false);
        assert_eq!(chart.bars.len(), 3);
        assert_eq!(chart.bars[0].value_label, "48593.6 亿元");
        assert!(chart.title.contains("industrial_value_added-zh") && chart.title.contains("2022"));
        let csv = comparison_csv(&c, &cmp, ROOT_URL, false);
        let rows = csv::parse(&csv);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1][1], "江苏");
        // The source's link works outside the app.
        assert_eq!(rows[0][14], "出处链接");
        assert_eq!(rows[1][14], "https://example.org/cankao/article/a1/");
        // The value as printed, not the converted one.
        assert_eq!(rows[3][6], "2.8871");
        assert_eq!(rows[3][7], "万亿元");

        let s2 = CompareState {
            period: "2021".into(),
            ..s.clone()
        };
        let cmp2 = compare(&c, &s2).unwrap();
        assert_eq!(cmp2.entries.len(), 1);
        assert_eq!(
            cmp2.missing
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            ["jiangsu", "zhejiang"]
        );
        assert!(compare(&c, &CompareState::default()).is_none());
    }

    #[test]
    fn no_regions_means_every_region_with_a_figure() {
        let c = corpus();
        let cmp = compare(
            &c,
            &CompareState {
                indicator: "industrial_value_added".into(),
                ..CompareState::default()
            },
        )
        .unwrap();
        assert!(cmp.all_regions);
        assert_eq!(cmp.regions.len(), 3);
        assert_eq!(cmp.entries.len(), 3);
    }

    #[test]
    fn several_figures_of_a_region_are_numbered() {
        let c = corpus();
        let cmp = compare(
            &c,
            &CompareState {
                indicator: "share".into(),
                regions: vec!["guangdong".into()],
                period: "2022".into(),
                ..CompareState::default()
            },
        )
        .unwrap();
        let labels: Vec<String> = cmp.entries.iter().map(|e| e.label(false)).collect();
        assert_eq!(labels, ["广东①", "广东②"]);
        let labels: Vec<String> = cmp.entries.iter().map(|e| e.label(true)).collect();
        assert_eq!(labels, ["GUANGDONG①", "GUANGDONG②"]);
        assert_eq!(cmp.entries[0].value, 20.8);
    }

    #[test]
    fn indicator_rows_put_shared_indicators_first() {
        let c = corpus();
        let gd = c.region("guangdong").unwrap();
        let js = c.region("jiangsu").unwrap();
        let rows = indicator_rows(&c, &[gd, js]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].indicator.key, "industrial_value_added");
        assert_eq!(rows[0].regions_with_data(), 2);
        assert_eq!(rows[0].common_periods, ["2022"]);
        assert_eq!(rows[0].cells[0].len(), 2);
        // share: Guangdong 2022, Jiangsu 2021: no common period.
        assert!(rows[1].common_periods.is_empty());
        let csv = csv::parse(&indicator_rows_csv(&c, &[gd, js], &rows, ROOT_URL, false));
        assert_eq!(csv.len(), 1 + 6);
        assert!(csv[1..]
            .iter()
            .all(|r| r[14] == "https://example.org/cankao/article/a1/"));
    }

    #[test]
    fn ready_made_comparisons_come_from_the_data() {
        let c = corpus();
        let ready = ready_made(&c);
        assert_eq!(ready[0].state.regions, ["jiangsu", "guangdong", "zhejiang"]);
        assert_eq!(ready[0].state.period, "2022");
        assert_eq!(ready[0].zh, "三省2022年工业增加值");
        assert_eq!(ready[1].state.href(), "compare/?cmp=guangdong~jiangsu");
        // Only one Guangdong city has an article: no city comparison.
        assert_eq!(ready.len(), 2);
        let sets = comparable_sets(&c);
        assert_eq!(sets[0].0.indicator, "industrial_value_added");
        assert_eq!(sets[0].2, 3);
        assert!(sets.iter().all(|s| s.2 >= 2));
    }

    #[test]
    fn map_state_measures_and_shades() {
        let c = corpus();
        let regions = &c.registry.regions;
        let s = MapState::from_query("?measure=mentions&city=%E5%B9%BF%E5%B7%9E", regions);
        assert_eq!(s.measure, Measure::Mentions);
        assert_eq!(s.city.as_deref(), Some("guangzhou"));
        assert_eq!(s.href(), "map/?measure=mentions&city=guangzhou");
        assert_eq!(MapState::from_query(&s.to_query(), regions), s);
        // Not a tiled city; unknown measure.
        let t = MapState::from_query("?measure=zzz&city=guangdong", regions);
        assert_eq!(t, MapState::default());
        let tiles = tiles(&c);
        assert_eq!(tiles.len(), 2);
        let gz = &tiles[0];
        assert_eq!((gz.policies, gz.figures, gz.mentions), (2, 1, 1));
        assert_eq!(grid_size(&tiles), (3, 2));
        assert_eq!(shade(0, 10), 0);
        assert_eq!(shade(1, 10), 1);
        assert_eq!(shade(10, 10), 4);
        assert_eq!(shade(5, 10), 2);
        assert_eq!(shade_ranges(2)[0], (1, None));
        assert_eq!(shade_ranges(2)[1], (2, Some((1, 1))));
        let d = city_detail(&c, "guangzhou").unwrap();
        assert_eq!(d.policies.len(), 2);
        assert_eq!(d.articles.len(), 1);
        assert!(d.mentioned_in.is_empty());
        let shantou = city_detail(&c, "shantou").unwrap();
        // The article names 汕头 in its title without being about it.
        assert_eq!(shantou.mentioned_in.len(), 1);
        assert_eq!(csv::parse(&tiles_csv(&tiles, false)).len(), 3);
    }

    #[test]
    fn matrix_counts_policies_by_region_and_theme() {
        let c = corpus();
        let m = matrix(&c);
        let ids: Vec<&str> = m.regions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["china", "guangdong", "guangzhou"]);
        let keys: Vec<&str> = m.themes.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["digital", "green"]);
        assert_eq!(m.counts, vec![vec![0, 0], vec![1, 1], vec![1, 0]]);
        assert_eq!(m.region_totals, [1, 1, 2]);
        assert_eq!(m.theme_totals, [2, 1]);
        assert_eq!(m.max, 1);
        assert_eq!(
            policies_href(Some("guangzhou"), Some("digital")),
            "policies/?region=guangzhou&theme=digital"
        );
        assert_eq!(csv::parse(&matrix_csv(&m, false))[0].len(), 5);
    }

    #[test]
    fn timeline_folds_empty_years_and_separates_close_marks() {
        let c = corpus();
        let t = timeline(&c, 0.5);
        // 2017-11, 2017-12, gap 2018–2020, 2021-01 … 2021-03.
        assert_eq!(t.bands.len(), 2 + 1 + 3);
        assert_eq!(t.bands[2].gap_to, Some(2020));
        assert_eq!(t.bands[2].year_label(false).as_deref(), Some("2018–2020"));
        assert_eq!(t.bands[0].year_label(true).as_deref(), Some("2017"));
        assert_eq!(t.bands[1].year_label(false), None);
        assert_eq!((t.first_year, t.last_year), (2017, 2021));
        let ids: Vec<&str> = t.marks.iter().map(|m| m.policy.id.as_str()).collect();
        assert_eq!(ids, ["p3", "p1", "p4", "p2"]);
        // p1 and p4 are a day apart in the municipal lane: side by side.
        assert_eq!(t.marks[1].slot, 0);
        assert_eq!(t.marks[2].slot, 1);
        assert_eq!(t.slots, 2);
        assert!(t.marks[1].pos > 5.0 && t.marks[1].pos < 6.0);
        let csv = csv::parse(&timeline_csv(&c, &t, ROOT_URL, false));
        assert_eq!(csv.len(), 5);
        assert_eq!(csv[0][5], "链接");
        assert_eq!(csv[1][5], "https://example.org/cankao/policy/p3/");
    }

    #[test]
    fn values_carry_their_unit() {
        assert_eq!(fmt_with_unit(20.8, "%"), "20.8%");
        assert_eq!(fmt_with_unit(9.0, "条"), "9 条");
    }

    #[test]
    fn a_table_gives_the_number_in_either_language_and_the_bound_where_there_is_one() {
        // 五分之一 in the sentence: the table compares numbers (the words are a tap away).
        let mut fifth = figure("f1", "jiangsu", "share", 20.0, "%", "2022");
        fifth.value_text = Some("五分之一".into());
        assert_eq!(figure_text(&fifth, false), "20%");
        assert_eq!(figure_text(&fifth, true), "20%");
        let mut over = figure("f2", "guangdong", "firms", 100.0, "家", "2022");
        over.bounded = Some("超过 100 家".into());
        assert_eq!(figure_text(&over, false), "超过 100 家");
        assert_eq!(figure_text(&over, true), "over 100 enterprises");
        let plain = figure("f3", "jiangsu", "iva", 48593.6, "亿元", "2022");
        assert_eq!(figure_text(&plain, false), "48593.6 亿元");
        assert_eq!(figure_text(&plain, true), "4,859.36 billion yuan");
    }

    #[test]
    fn two_syllable_place_names_are_cut_between_their_syllables() {
        for (name, cut) in [
            ("Guangzhou", Some(("Guang", "zhou"))),
            ("Heyuan", Some(("He", "yuan"))),
            ("Dongguan", Some(("Dong", "guan"))),
            ("Jiangmen", Some(("Jiang", "men"))),
            ("Qingyuan", Some(("Qing", "yuan"))),
            ("Zhanjiang", Some(("Zhan", "jiang"))),
            ("Germany", None),
            ("广州", None),
        ] {
            assert_eq!(pinyin_halves(name), cut, "{name}");
        }
    }

    #[test]
    fn a_comparison_says_what_it_shows_in_a_line() {
        let c = corpus();
        assert_eq!(describe(&c, &CompareState::default(), false), None);
        let regions = CompareState {
            regions: vec!["guangdong".into(), "jiangsu".into()],
            ..CompareState::default()
        };
        assert_eq!(
            describe(&c, &regions, false).as_deref(),
            Some("广东、江苏：各项指标")
        );
        assert_eq!(
            describe(&c, &regions, true).as_deref(),
            Some("GUANGDONG, JIANGSU: every indicator")
        );
        let figures = CompareState {
            indicator: "industrial_value_added".into(),
            ..regions
        };
        let line = describe(&c, &figures, false).unwrap();
        assert!(line.ends_with("（2022）：广东、江苏"), "{line}");
        let every = CompareState {
            regions: Vec::new(),
            ..figures
        };
        assert!(describe(&c, &every, true)
            .unwrap()
            .ends_with(": every region with a figure"));
    }

    #[test]
    fn the_axis_names_a_quarters_first_month_in_either_language() {
        let band = |month| Band {
            year: 2022,
            month: Some(month),
            gap_to: None,
            start: 0,
        };
        assert_eq!(band(4).month_label(false, false).as_deref(), Some("4月"));
        assert_eq!(band(10).month_label(false, true).as_deref(), Some("Oct"));
        assert_eq!(band(5).month_label(false, true), None);
        // January opens the year: the year is named there instead.
        assert_eq!(band(1).month_label(false, true), None);
    }
}
