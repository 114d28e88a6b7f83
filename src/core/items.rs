//! One view over every kind of item, so that search, links, sharing, citing and saving treat
//! a problem or an article exactly like a policy.

use super::corpus::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Policy,
    Article,
    Recommendation,
    Problem,
    Experience,
    Clue,
    News,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Policy,
        Kind::Article,
        Kind::Recommendation,
        Kind::Problem,
        Kind::Experience,
        Kind::Clue,
        Kind::News,
    ];

    /// The path segment of the item's deep link (`policy/<id>/`).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Policy => "policy",
            Kind::Article => "article",
            Kind::Recommendation => "expert",
            Kind::Problem => "problem",
            Kind::Experience => "experience",
            Kind::Clue => "clue",
            Kind::News => "news",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn zh(self) -> &'static str {
        match self {
            Kind::Policy => "政策",
            Kind::Article => "现状",
            Kind::Recommendation => "专家建议",
            Kind::Problem => "问题",
            Kind::Experience => "经验",
            Kind::Clue => "线索",
            Kind::News => "工作动态",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Kind::Policy => "Policy",
            Kind::Article => "Current situation",
            Kind::Recommendation => "Expert advice",
            Kind::Problem => "Problem",
            Kind::Experience => "Experience",
            Kind::Clue => "Clue",
            Kind::News => "Work news",
        }
    }
}

/// The heading of a list of items of `kinds`: `线索与工作动态`, `Clues and work news`,
/// `Work news`.
pub fn list_heading(kinds: &[Kind], en: bool) -> String {
    let names: Vec<&str> = kinds
        .iter()
        .map(|k| match (k, en) {
            (_, false) => k.zh(),
            (Kind::Policy, true) => "Policy documents",
            (Kind::Recommendation, true) => "Experts' advice",
            (Kind::Problem, true) => "Problems",
            (Kind::Clue, true) => "Clues",
            (Kind::News, true) => "work news",
            (other, true) => other.en(),
        })
        .collect();
    let mut heading = names.join(if en { " and " } else { "与" });
    // A name that only follows another is written in lower case (`…and work news`).
    if let Some(first) = heading.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    heading
}

/// A piece of verbatim text of an item, named by its field.
#[derive(Debug, Clone, PartialEq)]
pub struct Text<'a> {
    pub field: String,
    pub text: &'a str,
}

#[derive(Debug, Clone, Copy)]
pub enum ItemRef<'a> {
    Policy(&'a Policy),
    Article(&'a Article),
    Recommendation(&'a Recommendation),
    Problem(&'a Problem),
    Experience(&'a Experience),
    Clue(&'a Clue),
    News(&'a News),
}

fn numbered<'a>(out: &mut Vec<Text<'a>>, name: &str, texts: &'a [String]) {
    for (i, text) in texts.iter().enumerate() {
        out.push(Text {
            field: format!("{name}[{i}]"),
            text,
        });
    }
}

fn one<'a>(out: &mut Vec<Text<'a>>, name: &str, text: &'a str) {
    out.push(Text {
        field: name.to_string(),
        text,
    });
}

impl<'a> ItemRef<'a> {
    pub fn kind(self) -> Kind {
        match self {
            ItemRef::Policy(_) => Kind::Policy,
            ItemRef::Article(_) => Kind::Article,
            ItemRef::Recommendation(_) => Kind::Recommendation,
            ItemRef::Problem(_) => Kind::Problem,
            ItemRef::Experience(_) => Kind::Experience,
            ItemRef::Clue(_) => Kind::Clue,
            ItemRef::News(_) => Kind::News,
        }
    }

    pub fn id(self) -> &'a str {
        match self {
            ItemRef::Policy(x) => &x.id,
            ItemRef::Article(x) => &x.id,
            ItemRef::Recommendation(x) => &x.id,
            ItemRef::Problem(x) => &x.id,
            ItemRef::Experience(x) => &x.id,
            ItemRef::Clue(x) => &x.id,
            ItemRef::News(x) => &x.id,
        }
    }

    /// The heading a reader sees. A recommendation has no title of its own: its expert names it.
    pub fn title(self) -> &'a str {
        match self {
            ItemRef::Policy(x) => &x.short_title,
            ItemRef::Article(x) => &x.title,
            ItemRef::Recommendation(x) => &x.expert,
            ItemRef::Problem(x) => &x.title,
            ItemRef::Experience(x) => &x.title,
            ItemRef::Clue(x) => &x.title,
            ItemRef::News(x) => &x.title,
        }
    }

    /// The title as a name, for a tab, a shared link or a citation: a heading sentence's full
    /// stop goes (`制造业产业结构有待优化。 · 参考` reads as a broken name); a question or an
    /// exclamation mark is part of it and stays.
    pub fn title_as_name(self) -> &'a str {
        self.title().trim_end_matches(['。', '；', '.'])
    }

    /// The item's date, where it has one of its own.
    pub fn date(self) -> Option<&'a str> {
        match self {
            ItemRef::Policy(x) => Some(&x.date),
            ItemRef::News(x) => Some(&x.date),
            _ => None,
        }
    }

    /// Every verbatim field of the item, in reading order.
    pub fn texts(self) -> Vec<Text<'a>> {
        let mut out = Vec::new();
        match self {
            ItemRef::Policy(x) => {
                one(&mut out, "title", &x.title);
                one(&mut out, "short_title", &x.short_title);
                if let Some(d) = &x.doc_number {
                    one(&mut out, "doc_number", d);
                }
                one(&mut out, "summary", &x.summary);
            }
            ItemRef::Article(x) => {
                one(&mut out, "title", &x.title);
                numbered(&mut out, "paragraphs", &x.paragraphs);
                one(&mut out, "outlet", &x.outlet);
            }
            ItemRef::Recommendation(x) => {
                numbered(&mut out, "paragraphs", &x.paragraphs);
                one(&mut out, "expert", &x.expert);
                one(&mut out, "position", &x.position);
            }
            ItemRef::Problem(x) => {
                one(&mut out, "title", &x.title);
                one(&mut out, "text", &x.text);
            }
            ItemRef::Experience(x) => {
                one(&mut out, "title", &x.title);
                numbered(&mut out, "lead", &x.lead);
                for (i, s) in x.sections.iter().enumerate() {
                    one(&mut out, &format!("sections[{i}].heading"), &s.heading);
                    numbered(
                        &mut out,
                        &format!("sections[{i}].paragraphs"),
                        &s.paragraphs,
                    );
                }
                if let Some(o) = &x.outlet {
                    one(&mut out, "outlet", o);
                }
            }
            ItemRef::Clue(x) => {
                one(&mut out, "title", &x.title);
                numbered(&mut out, "background", &x.background);
                numbered(&mut out, "points", &x.points);
            }
            ItemRef::News(x) => {
                one(&mut out, "title", &x.title);
                numbered(&mut out, "paragraphs", &x.paragraphs);
            }
        }
        out
    }

    /// Whether the item came from a table, whose cells the PDF split across pages.
    pub fn from_table(self) -> bool {
        matches!(self, ItemRef::Policy(p) if p.place.is_table())
    }

    /// The regions the item is about.
    pub fn regions(self) -> Vec<&'a str> {
        match self {
            ItemRef::Policy(x) => vec![x.region.as_str()],
            ItemRef::Article(x) => x.regions.iter().map(String::as_str).collect(),
            ItemRef::Experience(x) => vec![x.region.as_str()],
            _ => Vec::new(),
        }
    }
}

impl Issue {
    /// Every item of the issue, kind by kind in the order of the printed issue.
    pub fn items(&self) -> impl Iterator<Item = ItemRef<'_>> {
        let policies = self.policies.iter().map(ItemRef::Policy);
        let articles = self.articles.iter().map(ItemRef::Article);
        let recs = self.recommendations.iter().map(ItemRef::Recommendation);
        let problems = self.problems.iter().map(ItemRef::Problem);
        let exps = self.experiences.iter().map(ItemRef::Experience);
        let clues = self.clues.iter().map(ItemRef::Clue);
        let news = self.news.iter().map(ItemRef::News);
        policies
            .chain(articles)
            .chain(recs)
            .chain(problems)
            .chain(exps)
            .chain(clues)
            .chain(news)
    }

    pub fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        self.items().find(|i| i.id() == id)
    }

    /// The items of the same kind just before and just after `id` in the printed issue's
    /// order: a reader going through the city policies, or the six problems, one by one.
    /// [`Issue::items`] lists each kind's items together, so they are its next-door items.
    pub fn neighbours(&self, id: &str) -> (Option<ItemRef<'_>>, Option<ItemRef<'_>>) {
        let items: Vec<ItemRef<'_>> = self.items().collect();
        let Some(at) = items.iter().position(|i| i.id() == id) else {
            return (None, None);
        };
        let kind = items[at].kind();
        let same = |item: &ItemRef<'_>| item.kind() == kind;
        let before = at.checked_sub(1).map(|b| items[b]).filter(same);
        (before, items.get(at + 1).copied().filter(same))
    }

    pub fn themes_of(&self, id: &str) -> &[String] {
        self.editorial.themes.get(id).map_or(&[], Vec::as_slice)
    }
}

impl ItemRef<'_> {
    /// The item's deep link, relative to the app's root: `policy/yuefu-2021-53/`.
    pub fn path(self) -> String {
        item_path(self.kind(), self.id())
    }

    /// What a card says of an item whose title is only a name: an expert's advice opens with its
    /// first sentence (verbatim, cut to `max` characters), so that a list of advice says what
    /// each advises, not only who.
    pub fn lead(self, max: usize) -> Option<String> {
        match self {
            ItemRef::Recommendation(r) => {
                let first = r.paragraphs.first()?;
                let sentence = first
                    .find('。')
                    .map_or(first.as_str(), |end| &first[..end + '。'.len_utf8()]);
                Some(cut(sentence, max))
            }
            _ => None,
        }
    }
}

/// `text` cut to its first `n` characters, with an ellipsis where it was longer.
pub fn cut(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

/// An ISO date, whole or in part, in Chinese words: `2022-12-08` → `2022年12月8日`,
/// `2022-06` → `2022年6月`: how a Chinese page gives a date, and how a reader types one.
pub fn date_in_words(iso: &str) -> String {
    iso.split('-')
        .zip(['年', '月', '日'])
        .map(|(number, unit)| format!("{}{unit}", number.trim_start_matches('0')))
        .collect()
}

/// The months' names in English (an axis takes their first three letters).
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO date, whole or in part, in English words: `2022-12-08` → `8 December 2022`,
/// `2022-06` → `June 2022`.
pub fn date_in_english(iso: &str) -> String {
    let mut parts = iso.split('-');
    let year = parts.next().unwrap_or_default();
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS_EN.get(m.checked_sub(1)?));
    let day = parts.next().map(|d| d.trim_start_matches('0'));
    [day, month.copied(), Some(year)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn item_path(kind: Kind, id: &str) -> String {
    format!("{}/{}/", kind.key(), id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_chinese_words_whole_or_in_part() {
        assert_eq!(date_in_words("2022-12-08"), "2022年12月8日");
        assert_eq!(date_in_words("2021-07-30"), "2021年7月30日");
        assert_eq!(date_in_words("2022-06"), "2022年6月");
        assert_eq!(date_in_words("2023"), "2023年");
        assert_eq!(date_in_english("2022-12-08"), "8 December 2022");
        assert_eq!(date_in_english("2022-06"), "June 2022");
        assert_eq!(date_in_english("2023"), "2023");
    }

    #[test]
    fn a_list_of_several_kinds_is_headed_by_all_of_them() {
        let clues = [Kind::Clue, Kind::News];
        assert_eq!(list_heading(&clues, false), "线索与工作动态");
        assert_eq!(list_heading(&clues, true), "Clues and work news");
        assert_eq!(list_heading(&[Kind::News], true), "Work news");
        assert_eq!(list_heading(&[Kind::Article], true), "Current situation");
        // The page written at build time says the same.
        let generated = crate::core::pages::ROUTES
            .iter()
            .find(|(path, _)| *path == "clues/")
            .map(|(_, title)| *title);
        assert_eq!(generated, Some(list_heading(&clues, false).as_str()));
    }
}
