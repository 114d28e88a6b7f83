//! The corpus validator. Each failure names the issue, the item and the field.
//!
//! [`structure`] needs only the parsed corpus (the app runs it on what it loaded);
//! [`verbatim`] also needs the source text (the tool and the tests run it).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use super::corpus::*;
use super::figure_en;
use super::hygiene::{form_problem, squash, PreparedSource};
use super::ids::{is_cjk, is_valid_id, DocNumber};
use super::items::ItemRef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The issue id, or `registry` for the shared files.
    pub scope: String,
    pub item: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} · {} · {}: {}",
            self.scope, self.item, self.field, self.message
        )
    }
}

struct Report<'a> {
    scope: &'a str,
    failures: Vec<Failure>,
}

impl Report<'_> {
    fn fail(&mut self, item: &str, field: &str, message: impl Into<String>) {
        self.failures.push(Failure {
            scope: self.scope.to_string(),
            item: item.to_string(),
            field: field.to_string(),
            message: message.into(),
        });
    }
}

/// Whether `date` is a real calendar date in ISO 8601 form; `partial` also accepts
/// `YYYY` and `YYYY-MM`.
pub fn is_valid_date(date: &str, partial: bool) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let widths_ok = match parts.len() {
        1 | 2 => partial,
        3 => true,
        _ => false,
    } && parts
        .iter()
        .zip([4, 2, 2])
        .all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()));
    if !widths_ok {
        return false;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let year = n[0];
    if !(1900..=2100).contains(&year) {
        return false;
    }
    let Some(&month) = n.get(1) else { return true };
    if !(1..=12).contains(&month) {
        return false;
    }
    let Some(&day) = n.get(2) else { return true };
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day)
}

/// Checks the registries and the issues together: ids, references, dates, counts, themes.
/// Issues named in `outlined` are outlines ([`Issue::outline`]): their texts are empty by
/// design and are not checked.
pub fn structure(
    registry: &Registry,
    issues: &[Issue],
    outlined: &BTreeSet<String>,
) -> Vec<Failure> {
    let mut checker = Checker::new(registry);
    for issue in issues {
        checker.check(issue, !outlined.contains(&issue.meta.id));
    }
    checker.failures
}

/// [`structure`] one issue at a time: the app checks a long series without blocking the page.
/// Ids must be unique across every issue checked so far.
#[derive(Debug, Clone)]
pub struct Checker {
    regions: HashSet<String>,
    themes: HashSet<String>,
    indicators: HashSet<String>,
    listed: HashSet<String>,
    /// Id → the issue that holds it.
    seen: HashMap<String, String>,
    pub failures: Vec<Failure>,
}

impl Checker {
    pub fn new(registry: &Registry) -> Checker {
        Checker {
            regions: registry.regions.iter().map(|r| r.id.clone()).collect(),
            themes: registry.themes.iter().map(|t| t.key.clone()).collect(),
            indicators: registry.indicators.iter().map(|i| i.key.clone()).collect(),
            listed: registry.series.issues.iter().cloned().collect(),
            seen: HashMap::new(),
            failures: registry_failures(registry),
        }
    }

    /// Checks an issue; `has_text` is false for an outline.
    pub fn check(&mut self, issue: &Issue, has_text: bool) {
        for part in 0..CHECK_PARTS {
            self.check_part(issue, has_text, part);
        }
    }

    /// One of an issue's [`CHECK_PARTS`] (the app checks one per step, `part` from 0): its
    /// listing, date, ids and items, then its figures, themes and counts.
    pub fn check_part(&mut self, issue: &Issue, has_text: bool, part: usize) {
        let mut r = Report {
            scope: &issue.meta.id,
            failures: Vec::new(),
        };
        if part == 0 {
            if !self.listed.contains(&issue.meta.id) {
                r.fail("issue", "id", "is not listed in series.json");
            }
            if let Some(english) = &issue.meta.title_en {
                if english.trim().is_empty() {
                    r.fail("issue", "title_en", "is empty");
                } else if english.chars().any(is_cjk) {
                    r.fail("issue", "title_en", "has Chinese words in its English");
                }
            }
            if !is_valid_date(&issue.meta.date, true) {
                r.fail(
                    "issue",
                    "date",
                    format!("`{}` is not a valid date", issue.meta.date),
                );
            }
            let ids = issue
                .items()
                .map(|i| i.id())
                .chain(issue.figures.iter().map(|f| f.id.as_str()));
            for id in ids {
                if !is_valid_id(id) {
                    r.fail(
                        id,
                        "id",
                        "is not lowercase ASCII letters, digits and hyphens",
                    );
                }
                if let Some(other) = self.seen.insert(id.to_string(), issue.meta.id.clone()) {
                    r.fail(id, "id", format!("duplicate id (also in issue {other})"));
                }
            }
            item_failures(&mut r, issue, &self.regions, has_text);
        } else {
            figure_failures(&mut r, issue, &self.regions, &self.indicators);
            editorial_failures(&mut r, issue, &self.themes);
            count_failures(&mut r, issue);
        }
        self.failures.append(&mut r.failures);
    }
}

/// How many parts [`Checker::check_part`] checks an issue in. For the real issue the second
/// (figures, each sentence looked up in its item's texts) takes about twice the first.
pub const CHECK_PARTS: usize = 2;

fn registry_failures(registry: &Registry) -> Vec<Failure> {
    let mut r = Report {
        scope: "registry",
        failures: Vec::new(),
    };
    let mut region_ids = HashSet::new();
    let mut english_names = HashSet::new();
    for region in &registry.regions {
        if !region_ids.insert(region.id.as_str()) {
            r.fail(&region.id, "id", "duplicate region id");
        }
        // The English interface names places by this alone: two places one name would be one.
        if region.en.trim().is_empty() {
            r.fail(&region.id, "en", "no English name");
        } else if !english_names.insert(region.en.as_str()) {
            r.fail(
                &region.id,
                "en",
                format!("`{}` names two regions", region.en),
            );
        }
    }
    for region in &registry.regions {
        if let Some(parent) = &region.parent {
            if !region_ids.contains(parent.as_str()) {
                r.fail(&region.id, "parent", format!("unknown region `{parent}`"));
            }
        }
    }
    let mut keys = HashSet::new();
    for key in registry.themes.iter().map(|t| &t.key) {
        if !keys.insert(key) {
            r.fail(key, "key", "duplicate theme key");
        }
    }
    let mut keys = HashSet::new();
    for key in registry.indicators.iter().map(|i| &i.key) {
        if !keys.insert(key) {
            r.fail(key, "key", "duplicate indicator key");
        }
    }
    // Each issuer name leads to one body: a name is nobody's alias twice, and no body's name
    // is another's alias.
    let mut names = HashSet::new();
    for issuer in &registry.issuers {
        for name in std::iter::once(&issuer.name).chain(&issuer.aliases) {
            if !names.insert(name.as_str()) {
                r.fail(&issuer.name, "aliases", format!("`{name}` is named twice"));
            }
        }
    }
    r.failures
}

fn item_failures(r: &mut Report, issue: &Issue, regions: &HashSet<String>, has_text: bool) {
    for item in issue.items() {
        for region in item.regions() {
            if !regions.contains(region) {
                r.fail(item.id(), "region", format!("unknown region `{region}`"));
            }
        }
        for text in item.texts().into_iter().filter(|_| has_text) {
            if let Some(problem) = form_problem(text.text) {
                r.fail(item.id(), &text.field, problem);
            }
        }
        if let Some(date) = item.date() {
            if !is_valid_date(date, false) {
                r.fail(item.id(), "date", format!("`{date}` is not a valid date"));
            }
        }
        if let ItemRef::Policy(p) = item {
            if !p.title.contains(&format!("《{}》", p.short_title)) {
                r.fail(
                    &p.id,
                    "short_title",
                    "is not the name inside 《》 of the title",
                );
            }
            if p.issuers.is_empty() {
                r.fail(&p.id, "issuers", "is empty");
            }
            // The source prints joint issuers apart (`商务部 市场监管总局`); a line break
            // between two of them removed with its space runs them into one name.
            for pair in p.issuers.windows(2) {
                if p.title.contains(&format!("{}{}", pair[0], pair[1])) {
                    r.fail(
                        &p.id,
                        "title",
                        format!("runs `{}` and `{}` together", pair[0], pair[1]),
                    );
                }
            }
            // A title that names its issuers and then says 等 (`…发展和改革委员会等 11 部门`)
            // lists only some of them: the policy must say so, and only such a policy.
            let says_etc = p
                .issuers
                .last()
                .is_some_and(|last| squash(&p.title).contains(&format!("{}等", squash(last))));
            if says_etc != p.issuers_etc {
                r.fail(
                    &p.id,
                    "issuers_etc",
                    if says_etc {
                        "the title names its issuers with 等: the list is incomplete"
                    } else {
                        "the title does not say 等 after its last issuer"
                    },
                );
            }
            if let Some(number) = &p.doc_number {
                match DocNumber::parse(number) {
                    Some(parsed) if parsed.canonical() == *number => {}
                    _ => r.fail(
                        &p.id,
                        "doc_number",
                        format!("`{number}` is not in the form 粤府〔2021〕53号"),
                    ),
                }
            }
        }
    }
    for (i, h) in issue.meta.highlights.iter().enumerate() {
        if let Some(problem) = form_problem(&h.title) {
            r.fail("issue", &format!("highlights[{i}].title"), problem);
        }
    }
}

fn figure_failures(
    r: &mut Report,
    issue: &Issue,
    regions: &HashSet<String>,
    indicators: &HashSet<String>,
) {
    // An article holds dozens of figures: its texts are squashed once, not once per figure.
    let mut squashed: HashMap<&str, String> = HashMap::new();
    // Two figures of one item, region, indicator and period read alike in every list and
    // chart (广东① 10 个, 广东② 10 个) unless their scopes tell them apart.
    let mut seen: HashMap<(&str, &str, &str, &str, Option<&str>), &str> = HashMap::new();
    for f in &issue.figures {
        let key = (
            f.item.as_str(),
            f.region.as_str(),
            f.indicator.as_str(),
            f.period.as_str(),
            f.scope_name(false),
        );
        if let Some(first) = seen.insert(key, &f.id) {
            r.fail(
                &f.id,
                "scope",
                format!("reads like `{first}`: the same item, region, indicator, period and scope"),
            );
        }
        match issue.item(&f.item) {
            None => r.fail(&f.id, "item", format!("dangling reference to `{}`", f.item)),
            Some(item) => {
                let texts = squashed
                    .entry(f.item.as_str())
                    .or_insert_with(|| item.texts().iter().map(|t| squash(t.text)).collect());
                if !texts.contains(&squash(&f.sentence)) {
                    r.fail(
                        &f.id,
                        "sentence",
                        format!("is not in the text of `{}`", f.item),
                    );
                }
            }
        }
        if !regions.contains(f.region.as_str()) {
            r.fail(&f.id, "region", format!("unknown region `{}`", f.region));
        }
        if !indicators.contains(f.indicator.as_str()) {
            r.fail(
                &f.id,
                "indicator",
                format!("unknown indicator `{}`", f.indicator),
            );
        }
        if !f.value.is_finite() {
            r.fail(&f.id, "value", "is not a finite number");
        }
        let printed = f.printed_value();
        if !squash(&f.sentence).contains(&squash(&printed)) {
            r.fail(
                &f.id,
                "value",
                format!("`{printed}` is not in the sentence"),
            );
        }
        if f.bounded.is_none() && figure_en::sentence_bounds(&f.sentence, &printed, &f.unit) {
            r.fail(
                &f.id,
                "bounded",
                format!("the sentence bounds `{printed}`: the figure must say so"),
            );
        }
        if let Some(bounded) = &f.bounded {
            if !squash(&f.sentence).contains(&squash(bounded)) {
                r.fail(
                    &f.id,
                    "bounded",
                    format!("`{bounded}` is not in the sentence"),
                );
            } else if !squash(bounded).contains(&squash(&printed)) {
                r.fail(
                    &f.id,
                    "bounded",
                    format!("`{bounded}` does not hold the value `{printed}`"),
                );
            }
        }
        for (field, text) in [("scope", &f.scope), ("note", &f.note)] {
            if let Some(text) = text {
                if text.zh.trim().is_empty() || text.en.trim().is_empty() {
                    r.fail(&f.id, field, "is empty in one of the languages");
                } else if text.en.chars().any(is_cjk) {
                    r.fail(&f.id, field, "has Chinese words in its English");
                }
            }
        }
        if f.unit.trim().is_empty() {
            r.fail(&f.id, "unit", "is empty");
        } else if !figure_en::has_unit_en(&f.unit) {
            r.fail(
                &f.id,
                "unit",
                format!("`{}` has no English (core::figure_en)", f.unit),
            );
        }
        if let Some(bounded) = f
            .bounded
            .as_deref()
            .filter(|b| figure_en::bound_en(b).is_none())
        {
            r.fail(
                &f.id,
                "bounded",
                format!("no English for the words that bound `{bounded}` (core::figure_en)"),
            );
        }
        if f.period.trim().is_empty() {
            r.fail(&f.id, "period", "is empty");
        }
    }
}

fn editorial_failures(r: &mut Report, issue: &Issue, themes: &HashSet<String>) {
    let ed = &issue.editorial;
    for item in issue.items() {
        if issue.themes_of(item.id()).is_empty() {
            r.fail(item.id(), "editorial.themes", "has no theme");
        }
    }
    for (id, keys) in &ed.themes {
        if issue.item(id).is_none() {
            r.fail(
                id,
                "editorial.themes",
                format!("dangling reference to `{id}`"),
            );
        }
        for key in keys {
            if !themes.contains(key.as_str()) {
                r.fail(id, "editorial.themes", format!("unknown theme `{key}`"));
            }
        }
    }
    for (title, id) in &ed.cover {
        if !issue.meta.highlights.iter().any(|h| &h.title == title) {
            r.fail(
                "issue",
                "editorial.cover",
                format!("`{title}` is no cover highlight"),
            );
        }
        if !issue.articles.iter().any(|a| &a.id == id) {
            r.fail(
                "issue",
                "editorial.cover",
                format!("dangling reference to article `{id}`"),
            );
        }
    }
    let problems: HashSet<&str> = issue.problems.iter().map(|p| p.id.as_str()).collect();
    for (id, answered) in &ed.answers {
        match issue.item(id) {
            Some(ItemRef::Recommendation(_) | ItemRef::Experience(_)) => {}
            Some(_) => r.fail(
                id,
                "editorial.answers",
                "only recommendations and experience answer problems",
            ),
            None => r.fail(
                id,
                "editorial.answers",
                format!("dangling reference to `{id}`"),
            ),
        }
        for p in answered {
            if !problems.contains(p.as_str()) {
                r.fail(
                    id,
                    "editorial.answers",
                    format!("dangling reference to problem `{p}`"),
                );
            }
        }
    }
}

fn count_failures(r: &mut Report, issue: &Issue) {
    let expected = &issue.meta.expected;
    let mut by_section: BTreeMap<String, usize> = BTreeMap::new();
    for p in &issue.policies {
        *by_section.entry(p.place.section.clone()).or_default() += 1;
    }
    if by_section != expected.policies_by_section {
        r.fail(
            "issue",
            "expected.policies_by_section",
            format!(
                "expected {:?}, found {:?}",
                expected.policies_by_section, by_section
            ),
        );
    }
    let with_number = issue
        .policies
        .iter()
        .filter(|p| p.doc_number.is_some())
        .count();
    let counts = [
        (
            "policies_with_doc_number",
            expected.policies_with_doc_number,
            with_number,
        ),
        ("articles", expected.articles, issue.articles.len()),
        (
            "recommendations",
            expected.recommendations,
            issue.recommendations.len(),
        ),
        ("problems", expected.problems, issue.problems.len()),
        ("experiences", expected.experiences, issue.experiences.len()),
        ("clues", expected.clues, issue.clues.len()),
        ("news", expected.news, issue.news.len()),
    ];
    for (name, want, have) in counts {
        if want != have {
            r.fail(
                "issue",
                &format!("expected.{name}"),
                format!("expected {want}, found {have}"),
            );
        }
    }
}

/// Checks every verbatim field of the issue against its source text.
pub fn verbatim(issue: &Issue, source: &PreparedSource) -> Vec<Failure> {
    let mut r = Report {
        scope: &issue.meta.id,
        failures: Vec::new(),
    };
    let meta = &issue.meta;
    let mut front: Vec<(String, &str)> = vec![("title".into(), meta.title.as_str())];
    for (i, h) in meta.highlights.iter().enumerate() {
        front.push((format!("highlights[{i}].title"), &h.title));
        if let Some(lead) = &h.lead {
            front.push((format!("highlights[{i}].lead"), lead));
        }
    }
    for (i, p) in meta.intro.iter().enumerate() {
        front.push((format!("intro[{i}]"), p));
    }
    for (i, p) in meta.problems_preface.iter().enumerate() {
        front.push((format!("problems_preface[{i}]"), p));
    }
    for (field, text) in front {
        if !source.holds(text, false) {
            r.fail("issue", &field, "not found in the source text");
        }
    }
    for item in issue.items() {
        for text in item.texts() {
            if !source.holds(text.text, item.from_table()) {
                r.fail(item.id(), &text.field, "not found in the source text");
            }
        }
    }
    for f in &issue.figures {
        if !source.holds(&f.sentence, false) {
            r.fail(&f.id, "sentence", "not found in the source text");
        }
    }
    r.failures
}

/// Checks that each policy with a 文号 has the id derived from it.
pub fn derived_ids(issue: &Issue, pinyin: impl Fn(char) -> Option<String> + Copy) -> Vec<Failure> {
    let mut r = Report {
        scope: &issue.meta.id,
        failures: Vec::new(),
    };
    for p in &issue.policies {
        let Some(number) = &p.doc_number else {
            continue;
        };
        let slug = DocNumber::parse(number).and_then(|d| d.slug(pinyin));
        if slug.as_deref() != Some(p.id.as_str()) {
            r.fail(
                &p.id,
                "id",
                format!(
                    "should be `{}`, derived from {number}",
                    slug.unwrap_or_default()
                ),
            );
        }
    }
    r.failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_valid_date("2022-10-16", false));
        assert!(is_valid_date("2024-02-29", false));
        assert!(!is_valid_date("2023-02-29", false));
        assert!(!is_valid_date("2022-13-01", false));
        assert!(!is_valid_date("2022-1-1", false));
        assert!(!is_valid_date("2023", false));
        assert!(is_valid_date("2023", true));
        assert!(is_valid_date("2023-05", true));
        assert!(!is_valid_date("二〇二三", true));
    }
}
