//! The search results as HTML strings. A keystroke replaces the results with a single
//! `innerHTML` assignment: building them node by node through the reactive view cost ten
//! times the search itself at 4× CPU slow-down (`bash scripts/bench.sh`, input to paint).
//! They come in two parts: about a phone screen of cards, drawn at once, and the rest, drawn
//! after that has been painted (laying out Chinese text is most of a keystroke's cost).
//! Every text and attribute taken from the corpus or the query is escaped here.

use super::pages::escape;
use super::saved::star_glyph;
use super::search::{Group, Hit, Index, NameKind, Query, Segment};

/// What the results show and the interface words they need, in the reader's language.
pub struct HitsView<'a> {
    /// The one group shown with its own (longer) list, or every group with a few hits each.
    pub only: Option<Group>,
    /// Hits listed per group on the overview.
    pub per_group: usize,
    /// Hits listed in one group's own view.
    pub group_limit: usize,
    /// Cards in the first part: whole groups until there are this many, or the first of them
    /// in one group's own view.
    pub first_cards: usize,
    /// A group's name as the interface shows it.
    pub group_name: &'a dyn Fn(Group) -> &'static str,
    /// The link to one group's own view.
    pub group_href: &'a dyn Fn(Group) -> String,
    /// "See all n" on the overview.
    pub see_all: &'a dyn Fn(usize) -> String,
    /// Said under a group's own view when more hits matched than it lists.
    pub limited: &'a str,
    /// Whether an item is in the reader's saved list.
    pub saved: &'a dyn Fn(&str) -> bool,
    /// The star's label, saved or not.
    pub star_label: &'a dyn Fn(bool) -> &'static str,
    /// The words before a snippet taken from a name (`主题（编者标注）：`).
    pub name_label: &'a dyn Fn(NameKind) -> &'static str,
    /// A region's name, by its id.
    pub region_name: &'a dyn Fn(&str) -> String,
    /// Whether the interface is in English: figures are titled in English, and the source's
    /// Chinese is marked as such for screen readers.
    pub en: bool,
}

/// The results as two pieces of markup, each complete in itself: `first` is drawn at once,
/// `rest` (empty, or one `div.hits-rest`) is appended after the first paint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitsHtml {
    pub first: String,
    pub rest: String,
}

/// The results of `hits` for `query`, grouped, with a card and a snippet per shown hit.
pub fn hits_html(index: &Index, hits: &[Hit], query: &Query, view: &HitsView<'_>) -> HitsHtml {
    let mut first = String::new();
    let mut rest = String::new();
    let mut first_count = 0;
    let cards = |html: &mut String, hits: &[&Hit]| {
        for hit in hits {
            push_card(html, index, hit, query, view);
        }
    };
    for (group, group_hits) in Index::grouped(hits) {
        if view.only.is_some_and(|only| only != group) {
            continue;
        }
        let total = group_hits.len();
        let shown = if view.only.is_some() {
            view.group_limit
        } else {
            view.per_group
        };
        let listed = &group_hits[..total.min(shown)];
        let room = view.first_cards.saturating_sub(first_count);
        let (now, later) = listed.split_at(match view.only {
            _ if room == 0 => 0,
            Some(_) => listed.len().min(room),
            None => listed.len(),
        });
        first_count += now.len();
        let head = format!(
            r#"<section class="hit-group" data-testid="group-{key}"><h2>{name}<span class="count">{total}</span></h2><ol class="cards plain">"#,
            key = group.key(),
            name = escape((view.group_name)(group)),
        );
        let foot = match view.only {
            _ if total <= shown => String::new(),
            None => format!(
                r#"<a class="more" href="{href}" data-testid="more-{key}">{text}</a>"#,
                href = escape(&(view.group_href)(group)),
                key = group.key(),
                text = escape(&(view.see_all)(total)),
            ),
            Some(_) => format!(r#"<p class="meta">{}</p>"#, escape(view.limited)),
        };
        // The group opens where its first card goes; it is cut when its cards go to both parts.
        let cut = !now.is_empty() && !later.is_empty();
        let (html, opening) = if now.is_empty() {
            (&mut rest, later)
        } else {
            (&mut first, now)
        };
        html.push_str(&head);
        cards(html, opening);
        html.push_str("</ol>");
        if cut {
            // A group cut at the end of the first part goes on in a list of its own.
            first.push_str("</section>");
            rest.push_str(r#"<ol class="cards plain">"#);
            cards(&mut rest, later);
            rest.push_str("</ol>");
            rest.push_str(&foot);
        } else {
            html.push_str(&foot);
            html.push_str("</section>");
        }
    }
    if !rest.is_empty() {
        rest = format!(r#"<div class="hits-rest">{rest}</div>"#);
    }
    HitsHtml { first, rest }
}

fn push_card(html: &mut String, index: &Index, hit: &Hit, query: &Query, view: &HitsView<'_>) {
    let entry = index.entry(hit);
    let id = escape(&entry.id);
    let zh = if view.en { r#" lang="zh-CN""# } else { "" };
    let title_lang = if entry.title_en.is_some() { "" } else { zh };
    html.push_str(&format!(
        r#"<li class="card hit" data-testid="hit" data-id="{id}" data-kind="{kind}"><div class="card-head"><a class="card-title" href="{href}"{title_lang}>{title}</a>"#,
        kind = hit.group.key(),
        href = escape(&entry.href),
        title = escape(entry.title_in(view.en)),
    ));
    if matches!(hit.group, Group::Item(_)) {
        let saved = (view.saved)(&entry.id);
        let label = escape((view.star_label)(saved));
        html.push_str(&format!(
            r#"<button type="button" class="star" data-testid="star" data-id="{id}" aria-pressed="{saved}" aria-label="{label}" title="{label}"><span aria-hidden="true">{glyph}</span></button>"#,
            glyph = star_glyph(saved),
        ));
    }
    html.push_str("</div>");
    if let Some(facts) = &entry.policy {
        html.push_str(r#"<p class="meta hit-facts" data-testid="hit-facts">"#);
        html.push_str(&escape(&facts.date));
        let region = (view.region_name)(&facts.region);
        if !region.is_empty() {
            html.push_str(" · ");
            html.push_str(&escape(&region));
        }
        if let Some(number) = &facts.doc_number {
            html.push_str(&format!(r#" · <span class="docno"{zh}>"#));
            html.push_str(&escape(number));
            html.push_str("</span>");
        }
        html.push_str("</p>");
    }
    html.push_str(r#"<p class="snippet">"#);
    let snippet = index.snippet(hit, query);
    if let Some(kind) = snippet.name {
        html.push_str(r#"<span class="snippet-name">"#);
        html.push_str(&escape((view.name_label)(kind)));
        html.push_str("</span>");
    }
    if view.en {
        html.push_str(&format!(
            "<span{zh}>{}</span>",
            segments_html(&snippet.segments)
        ));
    } else {
        html.push_str(&segments_html(&snippet.segments));
    }
    html.push_str("</p></li>");
}

/// Snippet segments as text, matches inside `<mark>`.
pub fn segments_html(segments: &[Segment]) -> String {
    let mut html = String::new();
    for segment in segments {
        if segment.marked {
            html.push_str("<mark>");
            html.push_str(&escape(&segment.text));
            html.push_str("</mark>");
        } else {
            html.push_str(&escape(&segment.text));
        }
    }
    html
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::items::Kind;
    use crate::core::library::Library;

    fn view<'a>(only: Option<Group>, saved: &'a dyn Fn(&str) -> bool) -> HitsView<'a> {
        HitsView {
            only,
            per_group: 2,
            group_limit: 3,
            first_cards: 3,
            group_name: &|g| g.zh(),
            group_href: &|g| format!("search/?q=x&group={}", g.key()),
            see_all: &|n| format!("查看全部 {n} 条"),
            limited: "只列出最相关的 3 条",
            saved,
            star_label: &|on| if on { "取消收藏" } else { "收藏" },
            name_label: &|k| k.zh_label(),
            region_name: &|id| format!("地区{id}"),
            en: false,
        }
    }

    fn library() -> Library {
        let loaded = crate::tool::load_corpus(std::path::Path::new("data/corpus")).expect("corpus");
        let shipped = crate::tool::ship(&loaded.corpus);
        Library::new(loaded.corpus.registry, shipped).expect("valid")
    }

    #[test]
    fn lists_a_few_hits_per_group_with_marks_stars_and_a_link_to_the_rest() {
        let lib = library();
        let query = Query::parse("制造业");
        let hits = lib.index.search(&query);
        let policies = hits
            .iter()
            .filter(|h| h.group == Group::Item(Kind::Policy))
            .count();
        assert!(policies > 2, "the real corpus has many policies on 制造业");
        let first = hits
            .iter()
            .find(|h| h.group == Group::Item(Kind::Policy))
            .map(|h| lib.index.entry(h).id.clone())
            .unwrap();
        let saved = |id: &str| id == first;
        let html = hits_html(&lib.index, &hits, &query, &view(None, &saved)).whole();
        let policy_section = html
            .split(r#"<section class="hit-group" data-testid="group-policy">"#)
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .expect("a policy group");
        assert_eq!(policy_section.matches(r#"data-testid="hit""#).count(), 2);
        assert!(policy_section.contains(&format!(r#"<span class="count">{policies}</span>"#)));
        assert!(policy_section.contains(&format!("查看全部 {policies} 条")));
        assert!(policy_section.contains(r#"href="search/?q=x&amp;group=policy""#));
        assert!(policy_section.contains(&format!(
            r#"data-id="{first}" aria-pressed="true" aria-label="取消收藏""#
        )));
        assert!(policy_section.contains(r#"aria-pressed="false" aria-label="收藏""#));
        assert!(html.contains("<mark>制造业</mark>"));
    }

    #[test]
    fn a_policy_card_gives_its_date_region_and_document_number() {
        let lib = library();
        let query = Query::parse("粤府〔2021〕53号");
        let hits = lib.index.search(&query);
        let html = hits_html(&lib.index, &hits, &query, &view(None, &|_| false)).whole();
        let (_, p) = lib
            .corpus
            .policies()
            .find(|(_, p)| p.id == "yuefu-2021-53")
            .unwrap();
        let card = html
            .split(r#"data-id="yuefu-2021-53" data-kind="policy""#)
            .nth(1)
            .and_then(|s| s.split("</li>").next())
            .expect("its card");
        assert!(card.contains(&format!(
            r#"<p class="meta hit-facts" data-testid="hit-facts">{} · 地区{} · <span class="docno">粤府〔2021〕53号</span></p>"#,
            p.date, p.region
        )), "{card}");
        // Only policies carry them.
        let problems = Query::parse("人才");
        let hits: Vec<_> = lib
            .index
            .search(&problems)
            .into_iter()
            .filter(|h| h.group != Group::Item(Kind::Policy))
            .collect();
        let html = hits_html(&lib.index, &hits, &problems, &view(None, &|_| false)).whole();
        assert!(!hits.is_empty() && !html.contains("hit-facts"));
    }

    #[test]
    fn a_snippet_from_a_name_says_what_the_name_is() {
        let lib = library();
        // 人才技能 is one of our themes, and no text in the corpus says it.
        let query = Query::parse("人才技能");
        let hits = lib.index.search(&query);
        let only = Some(Group::Item(Kind::Policy));
        let html = hits_html(&lib.index, &hits, &query, &view(only, &|_| false)).whole();
        assert!(html.contains(
            r#"<p class="snippet"><span class="snippet-name">主题（编者标注）：</span><mark>人才技能</mark></p>"#
        ));
        // A snippet from the text has no such words.
        let text = Query::parse("厂房补助");
        let hits = lib.index.search(&text);
        let html = hits_html(&lib.index, &hits, &text, &view(None, &|_| false)).whole();
        assert!(html.contains("<mark>厂房补助</mark>") && !html.contains("snippet-name"));
        // Text that holds a term is shown before a name that does: a figure's sentence, not
        // its region's name.
        let both = Query::parse("江苏 工业增加值");
        let hits = lib.index.search(&both);
        let figures = Some(Group::Figure);
        let html = hits_html(&lib.index, &hits, &both, &view(figures, &|_| false)).whole();
        assert!(html.contains("<mark>江苏</mark>") && !html.contains("snippet-name"));
    }

    #[test]
    fn one_groups_view_lists_up_to_its_limit_and_says_so() {
        let lib = library();
        let query = Query::parse("制造业");
        let hits = lib.index.search(&query);
        let html = hits_html(
            &lib.index,
            &hits,
            &query,
            &view(Some(Group::Item(Kind::Policy)), &|_| false),
        )
        .whole();
        assert_eq!(html.matches("<section").count(), 1);
        assert_eq!(html.matches(r#"data-testid="hit""#).count(), 3);
        assert!(html.contains("只列出最相关的 3 条"));
        assert!(!html.contains(r#"class="more""#));
    }

    impl HitsHtml {
        fn whole(&self) -> String {
            format!("{}{}", self.first, self.rest)
        }
    }

    /// Whether every element opened in `html` is closed in it, in order.
    fn complete(html: &str) -> bool {
        let mut open: Vec<&str> = Vec::new();
        for tag in html.split('<').skip(1) {
            let name = tag.split([' ', '>']).next().unwrap_or("");
            match name.strip_prefix('/') {
                Some(closed) => {
                    if open.pop() != Some(closed) {
                        return false;
                    }
                }
                None => open.push(name),
            }
        }
        open.is_empty()
    }

    #[test]
    fn the_first_part_holds_whole_groups_until_a_screenful_and_the_rest_follows() {
        let lib = library();
        let query = Query::parse("制造业");
        let hits = lib.index.search(&query);
        let cards = |html: &str| html.matches(r#"data-testid="hit""#).count();
        let overview = hits_html(&lib.index, &hits, &query, &view(None, &|_| false));
        // Two cards per group, at least three in the first part: two whole groups.
        assert_eq!(overview.first.matches("<section").count(), 2);
        assert_eq!(cards(&overview.first), 4);
        assert!(overview.rest.starts_with(r#"<div class="hits-rest">"#));
        assert!(overview.rest.matches("<section").count() >= 2);
        assert!(complete(&overview.first) && complete(&overview.rest));

        let one = hits_html(
            &lib.index,
            &hits,
            &query,
            &view(Some(Group::Item(Kind::Policy)), &|_| false),
        );
        // One group's own list is cut after three cards; nothing is left for the rest here
        // (its limit is three), so the note that says so closes the first part.
        assert_eq!(cards(&one.first), 3);
        assert!(one.rest.is_empty() && one.first.contains("只列出最相关的 3 条"));
        let longer = HitsView {
            group_limit: 5,
            ..view(Some(Group::Item(Kind::Policy)), &|_| false)
        };
        let cut = hits_html(&lib.index, &hits, &query, &longer);
        assert_eq!((cards(&cut.first), cards(&cut.rest)), (3, 2));
        assert!(!cut.first.contains("只列出") && cut.rest.contains("只列出最相关的 3 条"));
        assert!(complete(&cut.first) && complete(&cut.rest));
        // Together, the parts list what one piece would.
        let whole = HitsView {
            first_cards: usize::MAX,
            ..longer
        };
        let single = hits_html(&lib.index, &hits, &query, &whole);
        assert!(single.rest.is_empty());
        assert_eq!(cards(&single.first), 5);
    }

    #[test]
    fn in_english_a_figure_reads_in_english_and_the_sources_chinese_is_marked_as_chinese() {
        let lib = library();
        let query = Query::parse("政策措施条数");
        let hits = lib.index.search(&query);
        let html = |en| {
            let only_figures = HitsView {
                en,
                ..view(Some(Group::Figure), &|_| false)
            };
            hits_html(&lib.index, &hits, &query, &only_figures).first
        };
        let english = html(true);
        assert!(
            english.contains(">Guangdong · Policy measures (articles): 9 (2021)</a>"),
            "{english}"
        );
        assert!(!english.contains("政策措施条数："), "{english}");
        // The sentence is the source's: Chinese, and said so.
        assert!(english.contains(r#"<span lang="zh-CN">"#), "{english}");
        let chinese = html(false);
        assert!(
            chinese.contains(">广东 · 政策措施条数：9 条（2021）</a>"),
            "{chinese}"
        );
        assert!(!chinese.contains("lang="), "{chinese}");
    }

    #[test]
    fn markup_in_the_interface_words_stays_text() {
        let lib = library();
        let query = Query::parse("制造业");
        let hits = lib.index.search(&query);
        let hostile = HitsView {
            see_all: &|_| "<script>x</script>".to_string(),
            group_href: &|_| "search/?q=\"><img src=x>".to_string(),
            ..view(None, &|_| false)
        };
        let html = hits_html(&lib.index, &hits, &query, &hostile).whole();
        assert!(!html.contains("<script>") && !html.contains("<img"));
        assert!(html.contains("&lt;script&gt;") && html.contains("&quot;&gt;&lt;img"));
    }
}
