//! The corpus schema. These serde types *are* the schema: unknown fields are rejected, so a
//! typo in a hand-edited file fails loudly instead of silently dropping data.
//!
//! A corpus is a series (《参考》) of issues (期). Each issue is a folder of JSON files, one per
//! item kind, plus `editorial.json` for what we add (themes, links). Fields that hold text taken
//! from the source are marked "verbatim" below: the validator checks each of them against the
//! issue's source text. Everything else (ids, ISO dates, levels, region ids) is ours.

use serde::{Deserialize, Serialize};

/// `data/corpus/series.json`: the series and the order of its issues (newest last).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub title: String,
    pub compiler: String,
    /// Issue ids; each names a folder under `data/corpus/issues/`.
    pub issues: Vec<String>,
}

/// `issue.json`: an issue's metadata and its front matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueMeta {
    pub id: String,
    /// Verbatim: the issue's title.
    pub title: String,
    /// Ours: the title in English, which the English interface gives under the source's as our
    /// translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    pub compiler: String,
    /// Partial ISO 8601 date (`2023`, `2023-05` or `2023-05-10`).
    pub date: String,
    /// File name of the source text under `data/source/`.
    pub source_file: String,
    /// Verbatim: the cover highlights (◆ lines).
    pub highlights: Vec<Highlight>,
    /// Verbatim: the introduction's paragraphs.
    pub intro: Vec<String>,
    /// Verbatim: the preface of the problems section.
    pub problems_preface: Vec<String>,
    /// What the editor counted in the printed issue; the validator holds the data to it.
    pub expected: ExpectedCounts,
}

/// The printed issue's contents as the editor counted them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedCounts {
    /// Policies per section heading (`Place::section`).
    pub policies_by_section: std::collections::BTreeMap<String, usize>,
    pub policies_with_doc_number: usize,
    pub articles: usize,
    pub recommendations: usize,
    pub problems: usize,
    pub experiences: usize,
    pub clues: usize,
    pub news: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    /// Verbatim.
    pub title: String,
    /// Verbatim: the lead that follows some highlights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Central,
    Provincial,
    Municipal,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Central, Level::Provincial, Level::Municipal];

    pub fn key(self) -> &'static str {
        match self {
            Level::Central => "central",
            Level::Provincial => "provincial",
            Level::Municipal => "municipal",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    pub fn zh(self) -> &'static str {
        match self {
            Level::Central => "中央",
            Level::Provincial => "省级",
            Level::Municipal => "市级",
        }
    }

    /// The level's name in the reader's language.
    pub fn name_in(self, en: bool) -> &'static str {
        match (self, en) {
            (_, false) => self.zh(),
            (Level::Central, true) => "Central",
            (Level::Provincial, true) => "Provincial",
            (Level::Municipal, true) => "Municipal",
        }
    }
}

/// Where an item sits in the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Verbatim: the section heading, e.g. `中央相关政策文件` or `表 1：广东部分地市的相关政策文件`.
    pub section: String,
    /// 1-based position within that section.
    pub ordinal: u32,
}

impl Place {
    /// Table rows were split across page breaks in the PDF; their cells may be joined.
    pub fn is_table(&self) -> bool {
        self.section.starts_with('表')
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub id: String,
    /// Verbatim: the full title as printed, including the issuers and 文号 where printed.
    pub title: String,
    /// Verbatim: the name inside 《》.
    pub short_title: String,
    /// The issuing bodies (发文机关), one name each, as the source names them.
    pub issuers: Vec<String>,
    /// Whether the source names only some of the issuers and says 等 (“…等 11 部门”): the list
    /// reads “…等” wherever it is shown or cited.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub issuers_etc: bool,
    /// Verbatim: 文号, e.g. `粤府〔2021〕53号` (spaces of the PDF removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// ISO 8601 date of issue (发布时间).
    pub date: String,
    pub level: Level,
    /// Region id (see `regions.json`).
    pub region: String,
    pub place: Place,
    /// Verbatim: 简介 / 主要内容.
    pub summary: String,
}

impl Policy {
    /// The issuers joined by `separator`, with 等 where the source names only some of them.
    pub fn issuers_text(&self, separator: &str) -> String {
        let names = self.issuers.join(separator);
        if self.issuers_etc {
            format!("{names}等")
        } else {
            names
        }
    }
}

/// A status article (【现状】).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    /// Verbatim.
    pub title: String,
    /// Verbatim.
    pub paragraphs: Vec<String>,
    /// Verbatim: the outlet named in （来源：…）.
    pub outlet: String,
    /// Region ids the article is about.
    pub regions: Vec<String>,
}

/// An expert's recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub id: String,
    /// Verbatim.
    pub expert: String,
    /// Verbatim.
    pub position: String,
    /// Verbatim.
    pub paragraphs: Vec<String>,
}

/// A problem raised by CPPCC members (【问题】).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    pub id: String,
    /// The number printed before it (一、二、…).
    pub number: u32,
    /// Verbatim: the heading sentence.
    pub title: String,
    /// Verbatim: the rest of the paragraph.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Domestic,
    Foreign,
}

/// A case of domestic or foreign experience (【经验】).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub id: String,
    pub scope: Scope,
    /// Region id (a city, a province or a country).
    pub region: String,
    /// Verbatim.
    pub title: String,
    /// Verbatim: paragraphs before the first section heading.
    pub lead: Vec<String>,
    pub sections: Vec<Section>,
    /// Verbatim: the outlet, where one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Verbatim.
    pub heading: String,
    /// Verbatim.
    pub paragraphs: Vec<String>,
}

/// A clue (【线索选登】) with its background (事由) and points (问题点).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clue {
    pub id: String,
    pub number: u32,
    /// Verbatim.
    pub title: String,
    /// Verbatim: 事由.
    pub background: Vec<String>,
    /// Verbatim: 问题点, without their printed numbers.
    pub points: Vec<String>,
}

/// A work news item (【工作动态】).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct News {
    pub id: String,
    /// Verbatim.
    pub title: String,
    /// ISO date of the event.
    pub date: String,
    /// Verbatim.
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A level: an amount, a count, an index.
    Actual,
    /// A change: growth rate, increase.
    Growth,
    /// A part of a whole or a ratio.
    Share,
    /// A goal set for a future date.
    Target,
}

/// One figure read from the source, with the sentence it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// The item whose text holds the sentence.
    pub item: String,
    pub region: String,
    /// Our indicator key (see `indicators.json`).
    pub indicator: String,
    pub value: f64,
    /// Verbatim: the number as printed when it is not the plain decimal of `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_text: Option<String>,
    pub unit: String,
    /// Verbatim: the figure with the words that bound it, as the sentence prints it (`超过 100 家`,
    /// `300 多家`, `24%以上`), where the bare number would claim more than the source does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounded: Option<String>,
    /// Ours: what the figure counts where that is narrower than its region or not said by its
    /// indicator's name (深圳's 6759 high-tech enterprises are 宝安区's), so that a comparison
    /// never sets a district or one industry against a whole region unmarked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Bilingual>,
    /// Ours: what a reader must know before using the figure, where the source contradicts
    /// itself on it (山东's 23873.9 亿元 against its own gap to 江苏); the figure is still quoted as
    /// printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Bilingual>,
    /// The period: a year (`2022`), a range (`2011-2020`), or a date.
    pub period: String,
    pub kind: FigureKind,
    /// Verbatim: the sentence (or clause) the figure was read from.
    pub sentence: String,
}

/// Ours: a short text in both interface languages (a figure's scope, an editors' note).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl Bilingual {
    pub fn pick(&self, en: bool) -> &str {
        if en {
            &self.en
        } else {
            &self.zh
        }
    }
}

impl Figure {
    /// The value as the source prints it: `value_text`, or else the plain decimal of `value`.
    pub fn printed_value(&self) -> String {
        self.value_text
            .clone()
            .unwrap_or_else(|| format_number(self.value))
    }

    /// The figure in a line of text: the number with its unit (`47723 亿元`, `26.9%`,
    /// `1.0 个百分点`), or the source's words alone where it wrote the number in words (`三成`,
    /// `榜首`, `1/7`: the unit is in them, so `三成 %` would misread).
    /// Where the source bounds the number, the bounded words (`超过 100 家`).
    pub fn printed_with_unit(&self) -> String {
        if let Some(bounded) = &self.bounded {
            return bounded.clone();
        }
        match &self.value_text {
            Some(words) if words.parse::<f64>().is_err() => words.clone(),
            _ => with_unit(&self.printed_value(), &self.unit),
        }
    }

    /// The scope in the interface's language, if the figure has one.
    pub fn scope_name(&self, en: bool) -> Option<&str> {
        self.scope.as_ref().map(|s| s.pick(en))
    }

    /// The editors' note as a line of text: `编者注：…`, `Editors' note: …`.
    pub fn note_line(&self, en: bool) -> Option<String> {
        self.note.as_ref().map(|n| {
            if en {
                format!("Editors' note: {}", n.en)
            } else {
                format!("编者注：{}", n.zh)
            }
        })
    }
}

/// A number followed by its unit as Chinese text sets them: a percent sign close up (`26.9%`),
/// a word unit after a space (`47723 亿元`).
pub fn with_unit(number: &str, unit: &str) -> String {
    if unit.is_empty() || unit == "%" || unit == "‰" {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// A figure's number as the source and its readers write it: at most four decimals, no trailing
/// zeros, no exponent, no float noise (`47723`, `48593.6`, `28700` for `2.87 * 10_000.0`);
/// empty when not finite. The one formatter for the validator, search, pages, CSV and charts.
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    // Printed whole: an f64 this large keeps no trustworthy decimals (15–17 significant digits in
    // all), and ten thousand times it nears `i64`'s limit (9.2e18).
    if value.abs() >= 1e14 {
        return format!("{value:.0}");
    }
    let scaled = (value * 10_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let (whole, fraction) = (magnitude / 10_000, magnitude % 10_000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:04}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// `editorial.json`: what we add to an issue, kept apart from the source text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Editorial {
    /// Item id → theme keys from `themes.json`.
    pub themes: std::collections::BTreeMap<String, Vec<String>>,
    /// Recommendation or experience id → the problem ids it answers.
    pub answers: std::collections::BTreeMap<String, Vec<String>>,
    /// A cover highlight's title (as in `issue.json`) → the id of the article it announces,
    /// whose title may be worded a little differently.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub cover: std::collections::BTreeMap<String, String>,
}

/// One issue with all its items, as the app loads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub meta: IssueMeta,
    pub policies: Vec<Policy>,
    pub articles: Vec<Article>,
    pub recommendations: Vec<Recommendation>,
    pub problems: Vec<Problem>,
    pub experiences: Vec<Experience>,
    pub clues: Vec<Clue>,
    pub news: Vec<News>,
    pub figures: Vec<Figure>,
    pub editorial: Editorial,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    Country,
    Area,
    Province,
    City,
    Foreign,
}

/// `regions.json` (ours): the regions items and figures refer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    /// Short name as the source writes it (广东, 广州, 长三角).
    pub name: String,
    /// English name (ours): Guangdong, Guangzhou, Yangtze River Delta.
    pub en: String,
    pub kind: RegionKind,
    /// Containing region id (a city's province).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Guangdong's city groups: 珠三角, 粤东, 粤西, 粤北.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Grid-cartogram cell (column, row) for Guangdong's cities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tile: Option<(u8, u8)>,
}

impl Region {
    /// The region's name in the reader's language.
    pub fn name_in(&self, en: bool) -> &str {
        if en {
            &self.en
        } else {
            &self.name
        }
    }
}

/// `themes.json` (ours): the controlled vocabulary of theme tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub key: String,
    pub zh: String,
    pub en: String,
}

impl Theme {
    /// The theme's name in the reader's language.
    pub fn name_in(&self, en: bool) -> &str {
        if en {
            &self.en
        } else {
            &self.zh
        }
    }
}

/// `indicators.json` (ours): what figures measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub key: String,
    pub zh: String,
    pub en: String,
}

impl Indicator {
    /// The indicator's name in the reader's language.
    pub fn name_in(&self, en: bool) -> &str {
        if en {
            &self.en
        } else {
            &self.zh
        }
    }
}

/// The registries shared by all issues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub series: Series,
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<IssuerNames>,
}

/// `issuers.json` (ours): an issuing body the sources name in more than one way (国家发展改革委,
/// 国家发展和改革委员会), or that readers call by a short name (工信部, 发改委). The policy list's
/// 发文机关 filter counts it once, under `name`; search finds it by any of its names; a policy
/// still shows its issuers as its source names them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerNames {
    pub name: String,
    pub aliases: Vec<String>,
}

impl Registry {
    /// The name the 发文机关 filter uses for an issuer named `name` in a source.
    pub fn issuer_name<'a>(&'a self, name: &'a str) -> &'a str {
        self.issuers
            .iter()
            .find(|i| i.aliases.iter().any(|a| a == name))
            .map_or(name, |i| i.name.as_str())
    }

    /// The other names of the body a source calls `name`, where `issuers.json` lists that body:
    /// its name and aliases, `name` left out.
    pub fn issuer_other_names<'a>(&'a self, name: &str) -> Vec<&'a str> {
        self.issuers
            .iter()
            .find(|i| i.name == name || i.aliases.iter().any(|a| a == name))
            .map(|i| {
                std::iter::once(&i.name)
                    .chain(&i.aliases)
                    .map(String::as_str)
                    .filter(|n| *n != name)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn theme(&self, key: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.key == key)
    }

    pub fn indicator(&self, key: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.key == key)
    }

    /// An indicator's name in the reader's language; its key when the registry lacks it.
    pub fn indicator_name(&self, key: &str, en: bool) -> String {
        self.indicator(key)
            .map(|i| i.name_in(en).to_string())
            .unwrap_or_else(|| key.to_string())
    }

    /// What one figure measures, for the reader: its indicator's name and, where it has one, its
    /// scope (`高新技术企业数（宝安区）`, `High-tech enterprises (Bao'an district)`).
    pub fn figure_name(&self, figure: &Figure, en: bool) -> String {
        let name = self.indicator_name(&figure.indicator, en);
        match figure.scope_name(en) {
            Some(scope) if en => format!("{name} ({scope})"),
            Some(scope) => format!("{name}（{scope}）"),
            None => name,
        }
    }
}

/// `data/manifest.json` as shipped: the registries and a summary of each issue, so the
/// first view knows what exists before it loads any issue's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub registry: Registry,
    /// Oldest first, like `series.json`.
    pub issues: Vec<IssueEntry>,
    /// Files (relative to `data/`) that together hold the outline of every issue (see
    /// [`Issue::outline`]), a few issues per file. The app reads them after its first view,
    /// so lists and search cover every issue without downloading every issue's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catalog: Vec<String>,
}

impl Manifest {
    /// Where the app finds the manifest, relative to its root.
    pub const PATH: &'static str = "data/manifest.json";

    /// The issue a page's first view loads: the page's own (`page_issue`), else the newest.
    pub fn first_view_issue(&self, page_issue: Option<&str>) -> Option<&IssueEntry> {
        self.issues
            .iter()
            .find(|e| Some(e.id.as_str()) == page_issue)
            .or_else(|| self.issues.last())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueEntry {
    pub id: String,
    pub title: String,
    pub date: String,
    /// Path of the issue's file, relative to `data/`; it carries a content hash so that a
    /// changed issue is a new URL (caches never serve a stale one).
    pub file: String,
    pub items: usize,
}

/// Everything the app has loaded: the registries and the issues.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub registry: Registry,
    pub issues: Vec<Issue>,
}

impl Corpus {
    pub fn items(&self) -> impl Iterator<Item = (&Issue, crate::core::items::ItemRef<'_>)> {
        self.issues
            .iter()
            .flat_map(|issue| issue.items().map(move |item| (issue, item)))
    }

    pub fn policies(&self) -> impl Iterator<Item = (&Issue, &Policy)> {
        self.issues
            .iter()
            .flat_map(|issue| issue.policies.iter().map(move |p| (issue, p)))
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.registry.region(id)
    }

    pub fn theme(&self, key: &str) -> Option<&Theme> {
        self.registry.theme(key)
    }

    pub fn indicator(&self, key: &str) -> Option<&Indicator> {
        self.registry.indicator(key)
    }

    pub fn indicator_name(&self, key: &str, en: bool) -> String {
        self.registry.indicator_name(key, en)
    }

    pub fn figure_name(&self, figure: &Figure, en: bool) -> String {
        self.registry.figure_name(figure, en)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.issues
            .iter()
            .flat_map(|i| i.figures.iter())
            .find(|f| f.id == id)
    }

    pub fn item(&self, id: &str) -> Option<(&Issue, crate::core::items::ItemRef<'_>)> {
        self.issues
            .iter()
            .find_map(|issue| issue.item(id).map(|item| (issue, item)))
    }
}

/// An issue's file as shipped: the issue and its pinyin search keys (computed natively at build
/// time, so the wasm carries no pinyin table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShippedIssue {
    pub issue: Issue,
    pub keys: crate::core::search::SearchKeys,
    /// Only the issue's outline (see [`Issue::outline`]); its full file is fetched on demand.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outline: bool,
}

impl ShippedIssue {
    /// The shipped issue reduced to its outline, keeping its search keys.
    pub fn outlined(&self) -> ShippedIssue {
        ShippedIssue {
            issue: self.issue.outline(),
            keys: self.keys.clone(),
            outline: true,
        }
    }
}

impl Issue {
    /// The issue without its long texts and figures: ids, titles, 文号, issuers, dates, levels,
    /// regions and themes, i.e. what lists, facets and title search need. An outline is about a
    /// fifth of the issue's file.
    pub fn outline(&self) -> Issue {
        let mut o = self.clone();
        o.meta.highlights.clear();
        o.editorial.cover.clear();
        o.meta.intro.clear();
        o.meta.problems_preface.clear();
        for p in &mut o.policies {
            p.summary.clear();
        }
        for a in &mut o.articles {
            a.paragraphs.clear();
        }
        for r in &mut o.recommendations {
            r.paragraphs.clear();
        }
        for p in &mut o.problems {
            p.text.clear();
        }
        for e in &mut o.experiences {
            e.lead.clear();
            e.sections.clear();
        }
        for c in &mut o.clues {
            c.background.clear();
            c.points.clear();
        }
        for n in &mut o.news {
            n.paragraphs.clear();
        }
        o.figures.clear();
        o
    }
}

#[cfg(test)]
mod tests {
    use super::{format_number, Figure, FigureKind};

    #[test]
    fn numbers_print_like_the_source() {
        assert_eq!(format_number(48593.6), "48593.6");
        assert_eq!(format_number(47723.0), "47723");
        assert_eq!(format_number(2.87 * 10_000.0), "28700");
        assert_eq!(format_number(14.29), "14.29");
        assert_eq!(format_number(0.7), "0.7");
        assert_eq!(format_number(0.0005), "0.0005");
        assert_eq!(format_number(-3.25), "-3.25");
        assert_eq!(format_number(-0.00001), "0");
        assert_eq!(format_number(1.23456), "1.2346");
        assert_eq!(format_number(2.5e15), "2500000000000000");
        assert_eq!(format_number(-12_345_678_901.25), "-12345678901.25");
        assert_eq!(format_number(f64::NAN), "");
        assert_eq!(format_number(f64::INFINITY), "");
    }

    fn figure(value: f64, value_text: Option<&str>, unit: &str) -> Figure {
        Figure {
            id: "f".into(),
            item: "i".into(),
            region: "r".into(),
            indicator: "k".into(),
            value,
            value_text: value_text.map(str::to_string),
            bounded: None,
            scope: None,
            note: None,
            unit: unit.into(),
            period: "2022".into(),
            kind: FigureKind::Actual,
            sentence: String::new(),
        }
    }

    #[test]
    fn figures_read_with_their_unit_or_in_the_source_words() {
        assert_eq!(
            figure(48593.6, None, "亿元").printed_with_unit(),
            "48593.6 亿元"
        );
        assert_eq!(figure(26.9, None, "%").printed_with_unit(), "26.9%");
        assert_eq!(
            figure(1.0, Some("1.0"), "个百分点").printed_with_unit(),
            "1.0 个百分点"
        );
        assert_eq!(figure(30.0, Some("三成"), "%").printed_with_unit(), "三成");
        assert_eq!(figure(1.0, Some("榜首"), "位").printed_with_unit(), "榜首");
        assert_eq!(figure(14.29, Some("1/7"), "%").printed_with_unit(), "1/7");
    }

    #[test]
    fn a_bounded_figure_reads_with_its_bound() {
        let over = Figure {
            bounded: Some("超过 100 家".into()),
            ..figure(100.0, None, "家")
        };
        assert_eq!(over.printed_with_unit(), "超过 100 家");
        let over_words = Figure {
            bounded: Some("超过三成".into()),
            ..figure(30.0, Some("三成"), "%")
        };
        assert_eq!(over_words.printed_with_unit(), "超过三成");
    }
}
