//! Search over every kind of item. Chinese has no spaces, so matching is by substring on
//! white-space-free, lower-cased text; a query's terms must all match. Latin-letter terms also
//! match the pinyin keys computed when the corpus was built (gd → 广东, gwy → 国务院), and a
//! query that reads as a 文号 in any bracket or spacing finds that document.

use super::order;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::corpus::{Figure, Issue, Registry};
use super::figure_en::figure_en;
use super::ids::{DocNumber, DocNumberQuery};
use super::items::{date_in_english, date_in_words, ItemRef, Kind};

/// Pinyin search keys per item id, computed natively at build time and shipped with the issue.
pub type SearchKeys = BTreeMap<String, Vec<String>>;

/// How much a match in each kind of field counts.
const W_DOC_NUMBER: u32 = 100;
const W_TITLE: u32 = 40;
const W_KEY: u32 = 25;
const W_META: u32 = 15;
const W_BODY: u32 = 4;
/// Our theme labels count below the source's own words: a reader searching 专精特新 wants the
/// documents that say it before those we tagged with a theme of that name.
const W_THEME: u32 = 3;

/// Text made comparable: white space and quotation marks removed, letters lower-cased,
/// full-width ASCII folded.
pub fn normalize(text: &str) -> String {
    text.chars().flat_map(normalized_char).collect()
}

/// Quotation and title marks: a reader copies a term with them (“专精特新”) or leaves them out
/// of a title that has them (广东省制造业高质量发展“十四五”规划); either way they must not decide
/// what matches.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// One character's part of [`normalize`]: none for white space and quotation marks, else one
/// or more.
fn normalized_char(c: char) -> impl Iterator<Item = char> {
    let folded = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    };
    // CJK punctuation, kana and ideographs have no case: skip the case tables for the bulk of
    // the corpus (this runs over every text when the app indexes an issue).
    let caseless = ('\u{3000}'..='\u{9fff}').contains(&folded);
    let (plain, cased) = if c.is_whitespace() || is_quote(folded) {
        (None, None)
    } else if caseless || folded.is_ascii() {
        (Some(folded.to_ascii_lowercase()), None)
    } else {
        (None, Some(folded.to_lowercase()))
    };
    plain.into_iter().chain(cased.into_iter().flatten())
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// Normalized terms; all must match.
    pub terms: Vec<String>,
    /// The 文号 the whole query spells, if it spells one (perhaps without its year).
    pub doc_number: Option<DocNumberQuery>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let input: String = input.chars().take(200).collect();
        let doc_number = DocNumberQuery::parse(&input);
        let mut terms: Vec<String> = words(&input)
            .into_iter()
            .map(normalize)
            .map(|t| dotted_date(&t).unwrap_or(t))
            .filter(|t| !t.is_empty())
            .collect();
        terms.dedup();
        Query { terms, doc_number }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A date typed with dots or slashes (`2022.12`, `2022/12/8`) as the dates are shown and
/// searched, ISO with two-digit months and days (`2022-12`, `2022-12-08`); None for any
/// other term.
fn dotted_date(term: &str) -> Option<String> {
    let parts: Vec<&str> = term.split(['.', '/']).collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    let (year, rest) = parts.split_first()?;
    let is_date = (2..=3).contains(&parts.len())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && rest.iter().all(numeric);
    is_date.then(|| {
        let rest: Vec<String> = rest.iter().map(|p| format!("{p:0>2}")).collect();
        format!("{year}-{}", rest.join("-"))
    })
}

/// The search page's URL (relative to the app root) for a query, narrowed to a group or not.
pub fn search_href(q: &str, group: Option<Group>) -> String {
    let group = group.map(|g| g.key().to_string()).unwrap_or_default();
    format!(
        "search/{}",
        super::url::format_query(&[("q", q.to_string()), ("group", group)])
    )
}

/// The words of a query as typed: what `Query::parse` normalizes into its terms.
pub fn words(input: &str) -> Vec<&str> {
    input
        .split(|c: char| c.is_whitespace() || c == '，' || c == ',')
        .filter(|w| !w.is_empty())
        .collect()
}

/// What a name field names: a snippet taken from one says so (`主题（编者标注）：人才技能`),
/// since the name alone reads like a cut-off sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Region,
    /// One of our theme tags.
    Theme,
    Issuer,
    /// An expert's position.
    Position,
    /// An article's outlet.
    Outlet,
    Indicator,
    /// The date a policy or a piece of news was issued.
    Date,
}

impl NameKind {
    /// The words before a snippet taken from such a name.
    pub fn zh_label(self) -> &'static str {
        match self {
            NameKind::Region => "地区：",
            NameKind::Theme => "主题（编者标注）：",
            NameKind::Issuer => "发文机关：",
            NameKind::Position => "职务：",
            NameKind::Outlet => "来源：",
            NameKind::Indicator => "指标：",
            NameKind::Date => "日期：",
        }
    }

    pub fn en_label(self) -> &'static str {
        match self {
            NameKind::Region => "Region: ",
            NameKind::Theme => "Theme (our tag): ",
            NameKind::Issuer => "Issued by: ",
            NameKind::Position => "Position: ",
            NameKind::Outlet => "Outlet: ",
            NameKind::Indicator => "Indicator: ",
            NameKind::Date => "Date: ",
        }
    }
}

/// One searchable field of an item.
#[derive(Debug, Clone)]
struct Field {
    weight: u32,
    /// Set for a name many entries share (a region's, a theme's, an issuer's…), indexed once
    /// for all.
    name: Option<NameKind>,
    /// The text as shown (for snippets).
    text: String,
    normalized: String,
}

/// What a search result is: an item of some kind, or a figure record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Item(Kind),
    Figure,
}

impl Group {
    /// Every group, in the order results are shown.
    pub fn all() -> Vec<Group> {
        Kind::ALL
            .into_iter()
            .map(Group::Item)
            .chain([Group::Figure])
            .collect()
    }

    pub fn key(self) -> &'static str {
        match self {
            Group::Item(k) => k.key(),
            Group::Figure => "figure",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Group::Item(k) => k.zh(),
            Group::Figure => "数据",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Group::Item(k) => k.en(),
            Group::Figure => "Figures",
        }
    }
}

/// An item or figure ready to be searched.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub group: Group,
    /// Where the result leads, relative to the app root.
    pub href: String,
    pub title: String,
    /// Ours, a figure's title in English (an item's title is the source's, in Chinese).
    pub title_en: Option<String>,
    /// The item's date as a number that orders like it (0 without one): ranking compares no
    /// strings.
    date_rank: u32,
    /// Parsed once here: every query spelling a 文号 compares against it.
    doc_number: Option<DocNumber>,
    /// A policy's facts for its card.
    pub policy: Option<PolicyFacts>,
    fields: Vec<Field>,
}

/// What a policy's result card says under its title: many titles (若干措施, 实施方案) do not tell
/// one city's document from another's.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyFacts {
    pub date: String,
    /// The region's id.
    pub region: String,
    pub doc_number: Option<String>,
}

/// The search index: every item of every issue, prepared once when the corpus loads.
#[derive(Debug, Clone)]
pub struct Index {
    pub entries: Vec<Entry>,
    /// Every entry's own fields (titles and texts), normalized, in one text, with the parts
    /// holding each character listed, so that only the entries a term occurs in are scored.
    text: Haystack,
    /// The same fields with every run of other characters cut out, for terms written in ASCII
    /// (pinyin, numbers, Latin words): a fraction of the text, since most of it is Chinese.
    ascii: Haystack,
    /// The names entries share: of regions, themes, issuers, outlets, positions, indicators.
    shared: SharedParts,
    /// Every entry's pinyin keys.
    keys: SharedParts,
    /// Entries that have a 文号.
    numbered: Vec<usize>,
    /// The names of regions, themes, indicators and issuers (each of an issuer's other names
    /// too), normalized: where [`Index::apart_at_names`] cuts words typed run together. A few
    /// hundred at any corpus size: a hundred issues name the same places and bodies.
    names: HashSet<String>,
}

impl Default for Index {
    fn default() -> Index {
        Index {
            entries: Vec::new(),
            // Terms in ASCII are looked for in `ascii`: here, only Chinese needs listing.
            text: Haystack {
                parts: Parts {
                    chars_only: true,
                    ..Parts::default()
                },
                entries: Vec::new(),
            },
            ascii: Haystack::default(),
            shared: SharedParts::default(),
            keys: SharedParts::default(),
            numbered: Vec::new(),
            names: HashSet::new(),
        }
    }
}

/// Texts joined by a separator (a newline: normalized text has none), with where each part
/// starts and which parts hold each [gram](grams): a term is looked for in the parts holding
/// its rarest gram, or (one ASCII character) in one pass over the text.
#[derive(Debug, Clone, Default)]
struct Parts {
    text: String,
    /// By offset.
    parts: Vec<Part>,
    /// For each [gram](grams), the parts that hold it, in order: a term is looked for only in
    /// the parts holding its rarest gram, instead of in the whole text (megabytes at 100 issues).
    holding: HashMap<u32, Vec<usize>, BuildHasherDefault<GramHasher>>,
    /// Whether only characters outside ASCII are listed, not pairs of ASCII bytes.
    chars_only: bool,
}

/// Marks a gram that is a pair of ASCII bytes (characters stop at U+10FFFF).
const ASCII_PAIR: u32 = 1 << 31;

/// What parts are listed under: each character outside ASCII (Chinese, mostly), and unless
/// `chars_only`, each pair of ASCII bytes side by side (pinyin, numbers, Latin words). A text
/// holding a term holds every gram of the term; a term of one ASCII character has none.
fn grams(text: &str, chars_only: bool) -> impl Iterator<Item = u32> + '_ {
    let chars = text.chars().filter(|c| !c.is_ascii()).map(u32::from);
    let pairs = text
        .as_bytes()
        .windows(2)
        .filter(move |pair| !chars_only && pair[0].is_ascii() && pair[1].is_ascii())
        .map(|pair| ASCII_PAIR | u32::from(pair[0]) << 8 | u32::from(pair[1]));
    chars.chain(pairs)
}

/// A gram's hash in one multiplication (a key is one `u32`, hashed with `write_u32`): grams of
/// our own corpus need no defence against chosen keys, which the default hasher pays for on
/// every gram indexed.
#[derive(Default)]
struct GramHasher(u64);

const GOLDEN_RATIO_64: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher for GramHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(GOLDEN_RATIO_64);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(GOLDEN_RATIO_64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[derive(Debug, Clone)]
struct Part {
    start: usize,
    len: usize,
    /// The field's weight; [`W_KEY`] for a pinyin key.
    weight: u32,
}

impl Part {
    /// The score of an occurrence of a `term_len`-byte term at byte `at`: a title or key that
    /// starts with, or is, the term ranks above one that only holds it.
    fn score(&self, at: usize, term_len: usize) -> u32 {
        let whole = self.len == term_len;
        match self.weight {
            W_TITLE => W_TITLE + if at == self.start { 10 } else { 0 } + if whole { 20 } else { 0 },
            W_KEY if whole => W_KEY + 10,
            w => w,
        }
    }
}

impl Parts {
    /// Adds a part; returns its position.
    fn push(&mut self, weight: u32, text: &str) -> usize {
        let part = self.parts.len();
        self.parts.push(Part {
            start: self.text.len(),
            len: text.len(),
            weight,
        });
        self.text.push_str(text);
        self.text.push('\n');
        for gram in grams(text, self.chars_only) {
            let holders = self.holding.entry(gram).or_default();
            if holders.last() != Some(&part) {
                holders.push(part);
            }
        }
        part
    }

    /// Calls `found(part, score)` for occurrences of `term` in part order, at least once for
    /// each part holding it and with the part's best score among its calls.
    fn for_each_match(&self, term: &str, mut found: impl FnMut(usize, u32)) {
        let rarest = grams(term, self.chars_only)
            .map(|gram| self.holding.get(&gram).map_or(&[][..], Vec::as_slice))
            .min_by_key(|holders| holders.len());
        if let Some(candidates) = rarest {
            for &part in candidates {
                let p = &self.parts[part];
                let text = &self.text[p.start..p.start + p.len];
                // Its first occurrence scores best: only one at the start scores more.
                if let Some(at) = text.find(term) {
                    found(part, p.score(p.start + at, term.len()));
                }
            }
            return;
        }
        // A term without grams listed here (one ASCII character, or ASCII where only characters
        // are listed): occurrences come in text order; walk the parts alongside them.
        let mut part = 0;
        for (at, _) in self.text.match_indices(term) {
            while part + 1 < self.parts.len() && self.parts[part + 1].start <= at {
                part += 1;
            }
            found(part, self.parts[part].score(at, term.len()));
        }
    }
}

/// Fields of one entry each.
#[derive(Debug, Clone, Default)]
struct Haystack {
    parts: Parts,
    /// The entry of each part.
    entries: Vec<usize>,
}

impl Haystack {
    fn push(&mut self, entry: usize, weight: u32, text: &str) {
        self.parts.push(weight, text);
        self.entries.push(entry);
    }

    /// Raises `best[entry]` to the best score of `term` in each entry's parts.
    fn score_into(&self, term: &str, best: &mut [u32]) {
        self.parts.for_each_match(term, |part, score| {
            let e = self.entries[part];
            best[e] = best[e].max(score);
        });
    }
}

/// Fields many entries share, each written once with the entries that hold it: a region's,
/// an issuer's or a theme's name (and its pinyin) belongs to every item it is attached to, so a
/// term is looked for in the distinct texts only. A part's score here must not depend on where
/// in it the term occurs (true of every weight but a title's, and titles are not shared).
#[derive(Debug, Clone, Default)]
struct SharedParts {
    parts: Parts,
    /// The first entry holding each part, and the others in the order they were added: most
    /// parts (a title's pinyin) have only one, which is then read without a second lookup.
    first_holder: Vec<usize>,
    other_holders: Vec<Vec<usize>>,
    /// Parts by their text, to find a part added before.
    position: BTreeMap<String, usize>,
}

impl SharedParts {
    fn push(&mut self, entry: usize, weight: u32, text: &str) {
        debug_assert_ne!(
            weight, W_TITLE,
            "a title's score depends on where the term is"
        );
        let at = match self.position.get(text) {
            Some(&at) => at,
            None => {
                let at = self.parts.push(weight, text);
                self.first_holder.push(entry);
                self.other_holders.push(Vec::new());
                self.position.insert(text.to_string(), at);
                return;
            }
        };
        debug_assert_eq!(self.parts.parts[at].weight, weight, "one weight per text");
        // Entries are added in order: an entry holding a text twice is listed once.
        let last = self.other_holders[at]
            .last()
            .unwrap_or(&self.first_holder[at]);
        if *last != entry {
            self.other_holders[at].push(entry);
        }
    }

    fn score_holders(&self, part: usize, score: u32, best: &mut [u32]) {
        for &e in std::iter::once(&self.first_holder[part]).chain(&self.other_holders[part]) {
            best[e] = best[e].max(score);
        }
    }

    /// Raises `best[entry]` to the best score of `term` in each entry's parts.
    fn score_into(&self, term: &str, best: &mut [u32]) {
        // A part's score is the same wherever the term occurs in it: score each part once.
        let mut scored = None;
        self.parts.for_each_match(term, |part, score| {
            if scored != Some(part) {
                scored = Some(part);
                self.score_holders(part, score, best);
            }
        });
    }

    /// Raises `best[entry]` to the best score of `term` at the start of each entry's parts.
    fn score_starts_into(&self, term: &str, best: &mut [u32]) {
        for (part, p) in self.parts.parts.iter().enumerate() {
            if self.parts.text[p.start..].starts_with(term) {
                self.score_holders(part, p.score(p.start, term.len()), best);
            }
        }
    }
}

/// Whether a term may be pinyin (keys are ASCII letters and digits).
fn is_pinyin_like(term: &str) -> bool {
    term.chars().all(|c| c.is_ascii_alphanumeric()) && term.chars().any(|c| c.is_ascii_alphabetic())
}

/// `normalized` with each run of non-ASCII characters replaced by a newline, which no term holds:
/// an ASCII term occurs in it where it occurs in `normalized`, it starts at the start of one
/// exactly when it starts the other, and it is all of one exactly when it is all of the other,
/// so [`Part::score`] gives the same score in both. None when nothing ASCII is left.
fn ascii_part(normalized: &str) -> Option<String> {
    if !normalized.bytes().any(|b| b.is_ascii()) {
        return None;
    }
    let mut part = String::new();
    let mut in_run = false;
    for c in normalized.chars() {
        if c.is_ascii() {
            part.push(c);
            in_run = false;
        } else if !in_run {
            part.push('\n');
            in_run = true;
        }
    }
    Some(part)
}

/// A number for an ISO 8601 date (or its year or month alone) that orders as the text does:
/// its digits, padded to eight.
fn date_rank(date: Option<&str>) -> u32 {
    let Some(date) = date else { return 0 };
    let digits = date.bytes().filter(u8::is_ascii_digit).take(8);
    let (rank, count) = digits.fold((0u32, 0), |(r, n), d| (r * 10 + u32::from(d - b'0'), n + 1));
    rank * 10u32.pow(8 - count)
}

/// A field of the entry's own: a title or a text.
fn field(weight: u32, text: &str) -> Field {
    Field {
        weight,
        name: None,
        text: text.to_string(),
        normalized: normalize(text),
    }
}

/// A name the entry shares with others.
fn name_field(kind: NameKind, name: &str) -> Field {
    Field {
        name: Some(kind),
        ..field(
            if kind == NameKind::Theme {
                W_THEME
            } else {
                W_META
            },
            name,
        )
    }
}

fn entry(registry: &Registry, issue: &Issue, item: ItemRef<'_>) -> Entry {
    let mut fields = vec![field(W_TITLE, item.title())];
    // A region and a theme in both languages: the English interface shows `Germany` and
    // `Digital transformation`, and a reader types what the interface shows.
    let mut meta: Vec<(NameKind, String)> = item
        .regions()
        .iter()
        .filter_map(|r| registry.region(r))
        .flat_map(|r| {
            [
                (NameKind::Region, r.name.clone()),
                (NameKind::Region, r.en.clone()),
            ]
        })
        .collect();
    for theme in issue
        .themes_of(item.id())
        .iter()
        .filter_map(|t| registry.theme(t))
    {
        meta.push((NameKind::Theme, theme.zh.clone()));
        meta.push((NameKind::Theme, theme.en.clone()));
    }
    let mut doc_number = None;
    let mut policy = None;
    match item {
        ItemRef::Policy(p) => {
            policy = Some(PolicyFacts {
                date: p.date.clone(),
                region: p.region.clone(),
                doc_number: p.doc_number.clone(),
            });
            // With the body's other names (工业和信息化部 is found by 工信部), which the snippet
            // then shows after the name the source prints.
            meta.extend(p.issuers.iter().map(|i| {
                let others = registry.issuer_other_names(i);
                let name = if others.is_empty() {
                    i.clone()
                } else {
                    format!("{i}（{}）", others.join("、"))
                };
                (NameKind::Issuer, name)
            }));
            doc_number = p.doc_number.as_deref().and_then(DocNumber::parse);
            fields.push(field(W_META, &p.title));
        }
        ItemRef::Recommendation(r) => meta.push((NameKind::Position, r.position.clone())),
        ItemRef::Article(a) => meta.push((NameKind::Outlet, a.outlet.clone())),
        _ => {}
    }
    // A date as shown (2022-12-08) and as written in words (2022年12月8日, 8 December 2022): a
    // reader looking for a year types 2022年 or 2022, for a month 2022年12月, 2022-12 or Dec 2022.
    if let Some(date) = item.date() {
        meta.push((NameKind::Date, date_in_words(date)));
        meta.push((NameKind::Date, date_in_english(date)));
        meta.push((NameKind::Date, date.to_string()));
    }
    for (kind, name) in &meta {
        fields.push(name_field(*kind, name));
    }
    for text in item.texts() {
        if text.text != item.title() {
            fields.push(field(W_BODY, text.text));
        }
    }
    Entry {
        id: item.id().to_string(),
        group: Group::Item(item.kind()),
        href: item.path(),
        title: item.title().to_string(),
        title_en: None,
        date_rank: date_rank(item.date()),
        doc_number,
        policy,
        fields,
    }
}

fn figure_entry(registry: &Registry, f: &Figure) -> Entry {
    let (region, region_en) = registry
        .region(&f.region)
        .map_or((f.region.as_str(), ""), |r| {
            (r.name.as_str(), r.en.as_str())
        });
    let (indicator, indicator_en) = registry
        .indicator(&f.indicator)
        .map_or((f.indicator.as_str(), ""), |i| {
            (i.zh.as_str(), i.en.as_str())
        });
    Entry {
        id: f.id.clone(),
        group: Group::Figure,
        href: super::compare::figure_href(f),
        title: format!(
            "{region} · {}：{}（{}）",
            registry.figure_name(f, false),
            f.printed_with_unit(),
            f.period
        ),
        title_en: Some(format!(
            "{region_en} · {}: {} ({})",
            registry.figure_name(f, true),
            figure_en(f),
            f.period
        )),
        date_rank: 0,
        doc_number: None,
        policy: None,
        fields: vec![
            name_field(NameKind::Region, region),
            name_field(NameKind::Region, region_en),
            name_field(NameKind::Indicator, indicator),
            name_field(NameKind::Indicator, indicator_en),
            field(W_BODY, &f.sentence),
        ],
    }
}

impl Index {
    /// Adds an issue's items and figures; `keys` are its pinyin search keys.
    pub fn add_issue(&mut self, registry: &Registry, issue: &Issue, keys: &SearchKeys) {
        self.add_issue_part(registry, issue, keys, 0, usize::MAX);
    }

    /// Adds up to `count` of an issue's entries (its items, then its figures) from the `from`th
    /// on, and says how many it added: the app indexes an issue a few entries per step, so that
    /// the page can answer between steps.
    pub fn add_issue_part(
        &mut self,
        registry: &Registry,
        issue: &Issue,
        keys: &SearchKeys,
        from: usize,
        count: usize,
    ) -> usize {
        // Skipped before the entries are made: making one is the costly part.
        enum Source<'a> {
            Item(ItemRef<'a>),
            Figure(&'a Figure),
        }
        let sources = (issue.items().map(Source::Item))
            .chain(issue.figures.iter().map(Source::Figure))
            .skip(from)
            .take(count);
        let before = self.entries.len();
        for source in sources {
            let e = match source {
                Source::Item(item) => entry(registry, issue, item),
                Source::Figure(f) => figure_entry(registry, f),
            };
            let at = self.entries.len();
            for f in &e.fields {
                if let Some(kind) = f.name {
                    if matches!(
                        kind,
                        NameKind::Region | NameKind::Theme | NameKind::Indicator | NameKind::Issuer
                    ) {
                        // 工业和信息化部（工信部）: each name of the body is one.
                        for name in f.normalized.split(['（', '）', '、']) {
                            if (2..=MAX_NAME_CHARS).contains(&name.chars().count())
                                && !self.names.contains(name)
                            {
                                self.names.insert(name.to_string());
                            }
                        }
                    }
                    self.shared.push(at, f.weight, &f.normalized);
                } else {
                    self.text.push(at, f.weight, &f.normalized);
                    if let Some(ascii) = ascii_part(&f.normalized) {
                        self.ascii.push(at, f.weight, &ascii);
                    }
                }
            }
            // Keys are an item's (figures have none), kept in the index only.
            for key in keys.get(&e.id).into_iter().flatten() {
                if !key.is_empty() {
                    self.keys.push(at, W_KEY, key);
                }
            }
            if e.doc_number.is_some() {
                self.numbered.push(at);
            }
            self.entries.push(e);
        }
        self.entries.len() - before
    }

    /// Every item that matches all terms, best first.
    /// For a query of several words that finds nothing (all must match): each word alone and
    /// how many it finds, the words that find something, in the order typed.
    pub fn each_word_alone(&self, input: &str) -> Vec<(String, usize)> {
        let words = words(input);
        if words.len() < 2 {
            return Vec::new();
        }
        let mut out: Vec<(String, usize)> = Vec::new();
        for word in words {
            if out.iter().any(|(w, _)| w == word) {
                continue;
            }
            let found = self.search(&Query::parse(word)).len();
            if found > 0 {
                out.push((word.to_string(), found));
            }
        }
        out
    }

    /// What was typed, searched: as typed, or where that finds nothing, with each run of
    /// Chinese typed without spaces cut apart at the names it holds (深圳数字化转型 → 深圳
    /// 数字化转型), as readers type it and as every term must then match somewhere.
    pub fn find(&self, input: &str) -> Found {
        let query = Query::parse(input);
        let hits = self.search(&query);
        if hits.is_empty() {
            if let Some(apart) = self.apart_at_names(input) {
                let query = Query::parse(&apart);
                let hits = self.search(&query);
                if !hits.is_empty() {
                    return Found {
                        hits,
                        query,
                        apart: Some(apart),
                    };
                }
            }
        }
        Found {
            hits,
            query,
            apart: None,
        }
    }

    /// `input` with every word that holds a name (a region's, a theme's, an indicator's, an
    /// issuer's) and more cut into the names and the text between them, longest name first
    /// from the left; None when no word is cut.
    pub fn apart_at_names(&self, input: &str) -> Option<String> {
        let mut cut = false;
        let mut out: Vec<String> = Vec::new();
        for word in words(input) {
            let chars: Vec<char> = normalize(word).chars().collect();
            let mut pieces: Vec<String> = Vec::new();
            let mut between = String::new();
            let mut at = 0;
            while at < chars.len() {
                let longest = (at + 2..=chars.len().min(at + MAX_NAME_CHARS))
                    .rev()
                    .find(|&end| {
                        self.names
                            .contains(chars[at..end].iter().collect::<String>().as_str())
                    });
                match longest {
                    Some(end) => {
                        if !between.is_empty() {
                            pieces.push(std::mem::take(&mut between));
                        }
                        pieces.push(chars[at..end].iter().collect());
                        at = end;
                    }
                    None => {
                        between.push(chars[at]);
                        at += 1;
                    }
                }
            }
            if !between.is_empty() {
                pieces.push(between);
            }
            if pieces.len() > 1 {
                cut = true;
                out.extend(pieces);
            } else {
                out.push(word.to_string());
            }
        }
        cut.then(|| out.join(" "))
    }

    pub fn search(&self, query: &Query) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        // Each term's best score per entry, summed; an entry missing a term drops out. A query
        // that spells an entry's 文号 finds it whatever else it says.
        let n = self.entries.len();
        let mut total = vec![0u32; n];
        let mut matched = vec![true; n];
        for term in &query.terms {
            let mut best = vec![0u32; n];
            let text = if term.is_ascii() {
                &self.ascii
            } else {
                &self.text
            };
            text.score_into(term, &mut best);
            self.shared.score_into(term, &mut best);
            if is_pinyin_like(term) {
                // One letter says little: it matches keys that start with it.
                if term.len() == 1 {
                    self.keys.score_starts_into(term, &mut best);
                } else {
                    self.keys.score_into(term, &mut best);
                }
            }
            for (e, b) in best.into_iter().enumerate() {
                matched[e] &= b > 0;
                total[e] += b;
            }
        }
        if let Some(number) = &query.doc_number {
            for &e in &self.numbered {
                if self.entries[e]
                    .doc_number
                    .as_ref()
                    .is_some_and(|d| number.matches(d))
                {
                    matched[e] = true;
                    total[e] = W_DOC_NUMBER * 10;
                }
            }
        }
        // Best score first, then the newest, then the corpus's order, as one number per hit:
        // thousands of entries match a one-letter term in a large library, and comparing
        // numbers is what keeps their sort cheap.
        let mut ranked: Vec<u128> = (0..n)
            .filter(|&e| matched[e])
            .map(|e| {
                (u128::from(u32::MAX - total[e]) << 96)
                    | (u128::from(u32::MAX - self.entries[e].date_rank) << 64)
                    | e as u128
            })
            .collect();
        order::sort_numbers(&mut ranked);
        ranked
            .into_iter()
            .map(|rank| {
                let entry = rank as u64 as usize;
                Hit {
                    entry,
                    group: self.entries[entry].group,
                    score: u32::MAX - (rank >> 96) as u32,
                }
            })
            .collect()
    }

    /// The entry a hit points at: its title and link.
    pub fn entry(&self, hit: &Hit) -> &Entry {
        &self.entries[hit.entry]
    }

    /// The hit's snippet; computed only for the hits a view shows.
    pub fn snippet(&self, hit: &Hit, query: &Query) -> Snippet {
        self.entries[hit.entry].snippet(query)
    }

    /// Hits grouped, in the order of [`Group::all`]; each group keeps its ranking.
    pub fn grouped(hits: &[Hit]) -> Vec<(Group, Vec<&Hit>)> {
        Group::all()
            .into_iter()
            .map(|g| (g, hits.iter().filter(|h| h.group == g).collect::<Vec<_>>()))
            .filter(|(_, hs)| !hs.is_empty())
            .collect()
    }
}

impl Entry {
    /// The title the reader's interface shows: a figure's in either language, an item's as
    /// the source prints it.
    pub fn title_in(&self, en: bool) -> &str {
        match &self.title_en {
            Some(title) if en => title,
            _ => &self.title,
        }
    }

    /// The entry's score for the query, or None when some term does not match: the plain
    /// definition, entry by entry, that [`Index::search`] computes in one pass per term.
    #[cfg(test)]
    fn score(&self, query: &Query, keys: &[String]) -> Option<u32> {
        let spelled = query.doc_number.as_ref().zip(self.doc_number.as_ref());
        if spelled.is_some_and(|(q, d)| q.matches(d)) {
            return Some(W_DOC_NUMBER * 10);
        }
        let mut total = 0;
        for term in &query.terms {
            total += self.term_score(term, keys)?;
        }
        Some(total)
    }

    #[cfg(test)]
    fn term_score(&self, term: &str, keys: &[String]) -> Option<u32> {
        let mut best: Option<u32> = None;
        for f in &self.fields {
            if let Some(at) = f.normalized.find(term) {
                let mut s = f.weight;
                if f.weight == W_TITLE {
                    // A title that starts with, or is, the term ranks above one that only holds it.
                    if at == 0 {
                        s += 10;
                    }
                    if f.normalized.len() == term.len() {
                        s += 20;
                    }
                }
                best = best.max(Some(s));
            }
        }
        if is_pinyin_like(term) {
            for key in keys {
                if key == term {
                    best = best.max(Some(W_KEY + 10));
                } else if (term.len() == 1 && key.starts_with(term))
                    || (term.len() > 1 && key.contains(term))
                {
                    best = best.max(Some(W_KEY));
                }
            }
        }
        best
    }

    /// A window of the best matching text around the first match, cut into marked and plain
    /// segments (never HTML: the UI renders each segment as text).
    fn snippet(&self, query: &Query) -> Snippet {
        // Text that holds a term says more than a name that does (a figure's sentence, not
        // `地区：江苏`); a name only where no text holds one.
        let holds = |f: &&Field| {
            query
                .terms
                .iter()
                .any(|t| f.normalized.contains(t.as_str()))
        };
        let text = |f: &&Field| f.name.is_none() && (f.weight == W_META || f.weight == W_BODY);
        let field = self
            .fields
            .iter()
            .filter(text)
            .find(holds)
            .or_else(|| self.fields.iter().filter(|f| f.name.is_some()).find(holds))
            .or_else(|| self.fields.iter().find(|f| f.weight == W_BODY));
        match field {
            Some(f) => Snippet {
                name: f.name,
                segments: snippet_of(&f.text, &f.normalized, &query.terms, 36),
            },
            None => Snippet::default(),
        }
    }
}

/// A result's snippet: where in it the query matched, and what kind of name that is when the
/// match was in a name (none for text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub name: Option<NameKind>,
    pub segments: Vec<Segment>,
}

/// A piece of snippet text; `marked` pieces are what matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

/// Splits `text` into marked and plain segments around matches of `terms` (compared in
/// normalized form), keeping about `radius` characters either side of the first match.
pub fn snippet(text: &str, terms: &[String], radius: usize) -> Vec<Segment> {
    snippet_of(text, &normalize(text), terms, radius)
}

/// [`snippet`] for a text whose normalized form is at hand. Only the window around the first
/// match is matched and cut (a body may run to thousands of characters; a results page asks
/// for dozens of snippets per keystroke), with the same segments as matching the whole text.
fn snippet_of(text: &str, normalized: &str, terms: &[String], radius: usize) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let first = terms
        .iter()
        .filter(|t| !t.is_empty())
        .filter_map(|t| normalized.find(t.as_str()))
        .map(|byte| origin_of(&chars, normalized[..byte].chars().count()))
        .min()
        .unwrap_or(0);
    let mut from = first.saturating_sub(radius);
    let mut to = (first + radius * 2).min(chars.len());
    let reach = reach(terms);
    // The edges may move out to show a match they cut whole (提升<mark>制造业</mark>…, not
    // 提升<mark>制</mark>…), by at most `reach`: to [start, end). Every match that touches that
    // lies within [wide_start, wide_end), where the characters are matched.
    let (start, end) = widen(&chars, from, to, reach);
    let (wide_start, wide_end) = widen(&chars, start, end, reach);
    let marked = marks(&chars[wide_start..wide_end], terms);
    let is_marked = |i: usize| marked[i - wide_start];
    (from, to) = whole_matches(from, to, start, end, is_marked);
    let mut segments: Vec<Segment> = Vec::new();
    if from > 0 {
        segments.push(Segment {
            text: "…".into(),
            marked: false,
        });
    }
    for (i, c) in chars.iter().enumerate().take(to).skip(from) {
        match segments.last_mut() {
            Some(s) if s.marked == is_marked(i) && s.text != "…" => s.text.push(*c),
            _ => segments.push(Segment {
                text: c.to_string(),
                marked: is_marked(i),
            }),
        }
    }
    if to < chars.len() {
        segments.push(Segment {
            text: "…".into(),
            marked: false,
        });
    }
    segments
}

/// How far a match that reaches into a stretch of text lies from it at most, in normalized
/// characters: the longest term's length less one.
fn reach(terms: &[String]) -> usize {
    terms
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0)
        .saturating_sub(1)
}

/// `[from, to)` moved out over `reach` normalized characters on either side (fewer at the text's
/// ends).
fn widen(chars: &[char], from: usize, to: usize, reach: usize) -> (usize, usize) {
    let mut start = from;
    let mut gathered = 0;
    while start > 0 && gathered < reach {
        start -= 1;
        gathered += normalized_char(chars[start]).count();
    }
    let mut end = to;
    gathered = 0;
    while end < chars.len() && gathered < reach {
        gathered += normalized_char(chars[end]).count();
        end += 1;
    }
    (start, end)
}

/// A snippet's window `[from, to)` moved out, within `[start, end)`, over the marked characters
/// its edges cut through.
fn whole_matches(
    mut from: usize,
    mut to: usize,
    start: usize,
    end: usize,
    is_marked: impl Fn(usize) -> bool,
) -> (usize, usize) {
    while to > from && to < end && is_marked(to) && is_marked(to - 1) {
        to += 1;
    }
    while from > start && is_marked(from) && is_marked(from - 1) {
        from -= 1;
    }
    (from, to)
}

/// The index in `chars` of the character whose normalized form holds normalized character `k`.
fn origin_of(chars: &[char], k: usize) -> usize {
    let mut seen = 0;
    for (i, c) in chars.iter().enumerate() {
        seen += normalized_char(*c).count();
        if seen > k {
            return i;
        }
    }
    chars.len()
}

/// Which characters of `chars` belong to a match of some term (compared in normalized form).
fn marks(chars: &[char], terms: &[String]) -> Vec<bool> {
    // Map each character to its normalized form so matches found in normalized text can be
    // located in the original.
    let mut norm_chars: Vec<char> = Vec::with_capacity(chars.len());
    let mut origin: Vec<usize> = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        for nc in normalized_char(*c) {
            norm_chars.push(nc);
            origin.push(i);
        }
    }
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > norm_chars.len() {
            continue;
        }
        for start in 0..=norm_chars.len() - t.len() {
            if norm_chars[start..start + t.len()] == t[..] {
                for k in start..start + t.len() {
                    marked[origin[k]] = true;
                }
            }
        }
    }
    marked
}

/// A search's results, and the query that found them.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    /// The query searched (for the snippets' marks).
    pub query: Query,
    /// The words searched apart, where what was typed found nothing.
    pub apart: Option<String>,
}

/// The longest name [`Index::apart_at_names`] cuts out, in characters: nobody types a longer
/// one (a ministry's general office in full) run into other words.
const MAX_NAME_CHARS: usize = 12;

/// One search result: what ranking and grouping need. Its title, link and snippet come from
/// [`Index::entry`] and [`Index::snippet`] for the hits a view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position in [`Index::entries`], where its id is.
    pub entry: usize,
    pub group: Group,
    pub score: u32,
}

/// The hits of a search as CSV (with BOM), in their order: what each is, its title, where it
/// matched (the snippet, as on the page) and its link under the app's `root_url`.
pub fn hits_csv(index: &Index, hits: &[Hit], query: &Query, root_url: &str, en: bool) -> String {
    let rows: Vec<Vec<String>> = hits
        .iter()
        .enumerate()
        .map(|(i, hit)| {
            let entry = index.entry(hit);
            let snippet = index.snippet(hit, query);
            let matched: String = snippet.segments.iter().map(|s| s.text.as_str()).collect();
            vec![
                (i + 1).to_string(),
                if en { hit.group.en() } else { hit.group.zh() }.to_string(),
                entry.title_in(en).to_string(),
                format!(
                    "{}{matched}",
                    snippet.name.map_or("", |name| if en {
                        name.en_label()
                    } else {
                        name.zh_label()
                    })
                ),
                super::url::absolute(root_url, &entry.href),
                entry.id.clone(),
            ]
        })
        .collect();
    super::csv::document_in(
        &[
            ("序号", "No."),
            ("类型", "Kind"),
            ("标题", "Title"),
            ("匹配处", "Where it matched"),
            ("链接", "Link"),
            ("编号", "id"),
        ],
        en,
        &rows,
    )
}

/// Pinyin keys for a text: the full toneless pinyin and the initials, both without spaces.
/// `pinyin` gives one character's toneless pinyin; other characters are skipped.
pub fn pinyin_keys(text: &str, pinyin: impl Fn(char) -> Option<String>) -> Vec<String> {
    let syllables: Vec<String> = text.chars().filter_map(&pinyin).collect();
    if syllables.is_empty() {
        return Vec::new();
    }
    let full: String = syllables.concat();
    let initials: String = syllables.iter().filter_map(|s| s.chars().next()).collect();
    vec![full, initials]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snippet as first written: every character of the text normalized and matched.
    fn snippet_matching_everything(text: &str, terms: &[String], radius: usize) -> Vec<Segment> {
        let chars: Vec<char> = text.chars().collect();
        let marked = marks(&chars, terms);
        let first = marked.iter().position(|m| *m).unwrap_or(0);
        let from = first.saturating_sub(radius);
        let to = (first + radius * 2).min(chars.len());
        let (start, end) = widen(&chars, from, to, reach(terms));
        let (from, to) = whole_matches(from, to, start, end, |i| marked[i]);
        let mut segments: Vec<Segment> = Vec::new();
        if from > 0 {
            segments.push(Segment {
                text: "…".into(),
                marked: false,
            });
        }
        for i in from..to {
            match segments.last_mut() {
                Some(s) if s.marked == marked[i] && s.text != "…" => s.text.push(chars[i]),
                _ => segments.push(Segment {
                    text: chars[i].to_string(),
                    marked: marked[i],
                }),
            }
        }
        if to < chars.len() {
            segments.push(Segment {
                text: "…".into(),
                marked: false,
            });
        }
        segments
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 512,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x00ca_04a1),
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]
        /// Matching only around the first match cuts the same segments as matching everything,
        /// with white space, full-width forms and case inside and around the matches.
        #[test]
        fn a_snippet_matches_only_its_window_with_the_same_result(
            text in "[制造业广东 　ＡａA\\n]{0,80}",
            terms in proptest::collection::vec("[制造业广东a]{1,3}", 1..3),
            radius in 0usize..12,
        ) {
            let terms: Vec<String> = terms.iter().map(|t| normalize(t)).collect();
            proptest::prop_assert_eq!(snippet(&text, &terms, radius), snippet_matching_everything(&text, &terms, radius));
        }
    }

    /// The single-pass search finds exactly the entries, with exactly the scores, that scoring
    /// every entry one by one gives.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn candidates_are_exactly_what_a_full_scan_scores() {
        let loaded = crate::tool::load_corpus(std::path::Path::new("data/corpus")).expect("corpus");
        // Three issues: texts, names and keys shared across issues are indexed once.
        let corpus = crate::core::scale::scale(&loaded.corpus, 3);
        let shipped = crate::tool::ship(&corpus);
        let keys: SearchKeys = shipped.iter().flat_map(|s| s.keys.clone()).collect();
        let lib = crate::core::library::Library::new(corpus.registry, shipped).expect("valid");
        let queries = [
            "制造业",
            "gwy",
            "f",
            "粤府2021 53",
            "粤府〔2021〕53号",
            "数字化 佛山",
            "2022",
            "x",
            "guang dong",
            "ＧＤＰ",
            "工业 增加值 江苏",
            // ASCII terms are looked for in the text with Chinese cut out: every start, whole
            // field and mixed field must score as in the full text.
            "z",
            "zh",
            "s",
            "shenzhen",
            "5g",
            "[2021]",
            "2021]53",
            "53号",
            "gdp",
            "a",
            // Terms with Chinese are looked for in the parts holding their rarest character:
            // one character, a title's first or whole words, a mixed term, punctuation.
            "制",
            "数",
            "关于",
            "〔",
            "2021〕53",
            "制造 gd",
            "广东省",
            "佛山市",
        ];
        for q in queries {
            let query = Query::parse(q);
            let scanned: Vec<(usize, u32)> = (0..lib.index.entries.len())
                .filter_map(|i| {
                    let entry = &lib.index.entries[i];
                    let entry_keys = keys.get(&entry.id).map_or(&[][..], Vec::as_slice);
                    entry.score(&query, entry_keys).map(|s| (i, s))
                })
                .collect();
            let mut found: Vec<(usize, u32)> = lib
                .index
                .search(&query)
                .iter()
                .map(|h| (h.entry, h.score))
                .collect();
            found.sort_unstable();
            assert_eq!(found, scanned, "{q}");
        }
    }

    #[test]
    fn normalize_folds_width_case_and_space() {
        assert_eq!(normalize("ＡＢ c\n5 G"), "abc5g");
    }

    #[test]
    fn query_terms_and_doc_numbers() {
        let q = Query::parse("  数字化  转型 ");
        assert_eq!(q.terms, vec!["数字化", "转型"]);
        assert_eq!(q.doc_number, None);
        let q = Query::parse("粤府[2021]53号");
        let number = q.doc_number.unwrap();
        assert_eq!(
            (number.code.as_str(), number.year, number.serial),
            ("粤府", Some(2021), 53)
        );
    }

    #[test]
    fn snippet_marks_every_occurrence_near_the_first() {
        let segs = snippet("广东制造业与广东经济", &["广东".to_string()], 10);
        let marked: Vec<&str> = segs
            .iter()
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, vec!["广东", "广东"]);
        let whole: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, "广东制造业与广东经济");
    }

    #[test]
    fn snippet_cuts_long_text_around_the_match() {
        let text = format!("{}目标{}", "前".repeat(100), "后".repeat(100));
        let segs = snippet(&text, &["目标".to_string()], 5);
        let whole: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, format!("…{}目标{}…", "前".repeat(5), "后".repeat(8)));
    }

    #[test]
    fn a_match_at_the_windows_edge_is_shown_whole() {
        // The second 制造业 starts one character before the window's end.
        let text = format!("制造业{}制造业{}", "中".repeat(6), "后".repeat(20));
        let segs = snippet(&text, &["制造业".to_string()], 5);
        let marked: Vec<&str> = segs
            .iter()
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, vec!["制造业", "制造业"]);
        let whole: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, format!("制造业{}制造业…", "中".repeat(6)));
    }

    #[test]
    fn pinyin_keys_full_and_initials() {
        let py = |c: char| match c {
            '广' => Some("guang".to_string()),
            '东' => Some("dong".to_string()),
            _ => None,
        };
        assert_eq!(pinyin_keys("广东省", py), vec!["guangdong", "gd"]);
        assert!(pinyin_keys("ABC", py).is_empty());
    }
}
