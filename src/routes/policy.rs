//! A policy's own page: the document, where it sits in the source, what relates to it, and
//! how to share, cite and save it.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::app::use_library;
use crate::components::cards::ThemeChips;
use crate::components::cite::Cite;
use crate::components::later::Later;
use crate::components::neighbours::Neighbours;
use crate::components::related::{FigureList, RelatedList};
use crate::components::saved::StarButton;
use crate::components::share::{PosterContent, ShareBar};
use crate::components::status::IssueText;
use crate::core::compare::{policies_href, CompareState};
use crate::core::corpus::Policy;
use crate::core::items::{date_in_words, ItemRef, Kind};
use crate::core::related;
use crate::core::url::original_search_url;
use crate::i18n::{place_name, tr, use_lang, Lang};
use crate::routes::not_found::NotFoundYet;

/// The first `n` characters of `text`, with an ellipsis when cut.
pub fn excerpt(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

#[component]
pub fn PolicyPage() -> impl IntoView {
    let library = use_library();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match library.find(&id) {
            Some((issue, ItemRef::Policy(p))) => {
                view! { <PolicyView policy=p.clone() themes=issue.themes_of(&p.id).to_vec() issue_id=issue.meta.id.clone() issue_title=issue.meta.title.clone()/> }
                    .into_any()
            }
            _ => view! { <NotFoundYet/> }.into_any(),
        }
    }
}

#[component]
fn PolicyView(
    policy: Policy,
    themes: Vec<String>,
    issue_id: String,
    issue_title: String,
) -> impl IntoView {
    let library = use_library();
    let has_text = library.has_text(&issue_id);
    let lang = use_lang();
    let p = policy;
    let region = library.corpus.region(&p.region).map(place_name);
    let level = p.level;
    let ordinal = p.place.ordinal;
    let path = ItemRef::Policy(&p).path();
    let meta_line = [p.doc_number.clone().unwrap_or_default(), p.date.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let poster = PosterContent {
        kicker: (
            format!("参考 · {}", level.zh()),
            format!("Cankao · {} policy", level.name_in(true)),
        ),
        title: p.short_title.clone(),
        meta: format!("{} · {}", meta_line, p.issuers_text(" ")),
        excerpt: excerpt(&p.summary, 120),
    };
    let share_title = format!(
        "《{}》{}",
        p.short_title,
        p.doc_number
            .clone()
            .map(|n| format!(" {n}"))
            .unwrap_or_default()
    );

    let original = (p.short_title.clone(), p.doc_number.clone());
    let region_for_heading = region.clone();
    let later = p.clone();
    view! {
        <Title text=p.short_title.clone()/>
        <Meta name="description" content=excerpt(&p.summary, 110)/>
        <article class="item policy" data-testid="policy-page">
            <p class="kicker">
                <span class=format!("badge level-{}", level.key())>{move || level.name_in(lang.get() == Lang::En)}</span>
                " "{region.clone()}
            </p>
            <div class="title-row">
                <h1 lang="zh-CN" data-testid="policy-title">{p.short_title.clone()}</h1>
                <StarButton id=p.id.clone()/>
            </div>
            <dl class="facts">
                {p.doc_number.clone().map(|n| view! { <dt>{tr("文号", "Doc. number")}</dt><dd class="docno" lang="zh-CN" data-testid="doc-number">{n}</dd> })}
                <dt>{tr("发文机关", "Issued by")}</dt><dd lang="zh-CN">{p.issuers_text("、")}</dd>
                <dt>{tr("发布日期", "Date")}</dt><dd><time datetime=p.date.clone() data-testid="policy-date">{
                    let (iso, words) = (p.date.clone(), date_in_words(&p.date));
                    move || if lang.get() == Lang::En { iso.clone() } else { words.clone() }
                }</time></dd>
                <dt>{tr("层级 / 地区", "Level / region")}</dt>
                <dd><a href=format!("policies/?level={}", level.key())>{move || level.name_in(lang.get() == Lang::En)}</a>" / "
                    <a href=format!("policies/?region={}", p.region)>{region_for_heading.clone()}</a></dd>
                // The heading as the compilation prints it, issuers and 文号 included: the page's
                // own heading is the document's name, as the lists, the tab and citations give it.
                <dt>{tr("原标题", "As printed")}</dt>
                <dd lang="zh-CN" data-testid="policy-heading">{p.title.clone()}</dd>
                // The compilation gives a summary only: one tap searches the web for the text.
                <dt>{tr("原文", "Full text")}</dt>
                <dd>
                    {tr("本页只收《参考》所载简介。", "The compilation gives a summary only. ")}
                    <a href=move || original_search_url(&original.0, original.1.as_deref(), lang.get() == Lang::En)
                        target="_blank" rel="noopener" data-testid="policy-original">
                        {tr("在网上搜索原文", "Search the web for it")}
                    </a>
                </dd>
                <dt>{tr("出处", "Source")}</dt>
                <dd data-testid="policy-source"><span lang="zh-CN">"《参考》"{issue_title}" · "{p.place.section.clone()}</span>" · "
                    {move || match lang.get() {
                        Lang::Zh => format!("第 {ordinal} 项"),
                        Lang::En => format!("item {ordinal}"),
                    }}</dd>
            </dl>
            <h2>{tr("简介", "Summary")}</h2>
            {if has_text {
                view! { <p class="summary" lang="zh-CN" data-testid="policy-summary">{p.summary.clone()}</p> }.into_any()
            } else {
                view! { <IssueText issue=issue_id/> }.into_any()
            }}
            <p class="tags" aria-label=tr("主题（编者标注）", "Themes (editors' tags)")>
                <span class="editorial-note">{tr("主题（编者标注）：", "Themes (our tags): ")}</span>
                <ThemeChips themes/>
            </p>
            <ShareBar title=share_title path=path.clone() poster/>
            <Neighbours id=p.id.clone()/>
            // What relates to the policy is worked out after its first screen has painted.
            <Later>
                <PolicyRelated policy=later.clone()/>
                <Cite id=later.id.clone()/>
            </Later>
        </article>
    }
}

/// Other levels' documents on the policy's themes, its region's policies and figures, and the
/// recommendations and problems on its themes.
#[component]
fn PolicyRelated(policy: Policy) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let p = policy;
    let other_levels = related::other_levels(&library.corpus, &p)
        .into_iter()
        .map(|(level, items)| {
            let ids: Vec<String> = items.into_iter().take(6).map(|r| r.id).collect();
            view! {
                <h3>{move || level.name_in(lang.get() == Lang::En)}</h3>
                <RelatedList ids/>
            }
        })
        .collect_view();
    // The region's lists are cut to a screenful each, with a link to the whole (a province has
    // dozens of figures; at 100 issues, hundreds of documents).
    let same_region: Vec<String> = related::same_region(&library.corpus, &p)
        .into_iter()
        .map(|o| o.id.clone())
        .collect();
    let figures: Vec<String> = related::figures_of_region(&library.corpus, &p.region)
        .into_iter()
        .map(|f| f.id.clone())
        .collect();
    // The link's count is the list's it opens, this policy among them.
    let (all_policies, all_figures) = (same_region.len() + 1, figures.len());
    let more_policies = (same_region.len() > REGION_SHOWN).then(|| {
        let href = policies_href(Some(&p.region), None);
        let zh = format!("该地区全部 {all_policies} 份政策文件");
        let en = format!("All {all_policies} policy documents of the region");
        more_link(href, "related-region-policies", zh, en)
    });
    let more_figures = (all_figures > REGION_SHOWN).then(|| {
        let href = CompareState {
            regions: vec![p.region.clone()],
            ..CompareState::default()
        }
        .href();
        let zh = format!("该地区全部 {all_figures} 个数字（地区比较）");
        let en = format!("All {all_figures} figures of the region (Compare)");
        more_link(href, "related-region-figures", zh, en)
    });
    let same_region: Vec<String> = same_region.into_iter().take(REGION_SHOWN).collect();
    let figures: Vec<String> = figures.into_iter().take(REGION_SHOWN).collect();
    let recs: Vec<String> =
        related::by_themes(&library.corpus, &p.id, Kind::Recommendation, |_| true)
            .into_iter()
            .map(|r| r.id)
            .collect();
    let problems: Vec<String> = related::by_themes(&library.corpus, &p.id, Kind::Problem, |_| true)
        .into_iter()
        .map(|r| r.id)
        .collect();
    let has_region_items = !same_region.is_empty() || !figures.is_empty();

    // Problems and advice first: what a reader of a policy asks next is what it answers.
    // Links onward are for the screen: a printed policy keeps to the policy and its citation.
    view! {
    <section class="related no-print" aria-labelledby="related-h" data-testid="related">
        <h2 id="related-h">{tr("相关内容", "Related")}</h2>
        <p class="editorial-note">{tr("以下关联由编者按主题标注得出。", "These links follow our theme tags.")}</p>
        {(!problems.is_empty()).then(|| view! { <h3>{tr("相关问题", "Problems on these themes")}</h3><RelatedList ids=problems/> })}
        {(!recs.is_empty()).then(|| view! { <h3>{tr("相关专家建议", "Experts' advice on these themes")}</h3><RelatedList ids=recs/> })}
        <h3>{tr("其他层级的同主题文件", "Same themes at other levels")}</h3>
        {other_levels}
        {has_region_items.then(|| view! {
            <h3>{tr("同一地区", "Same region")}</h3>
            <RelatedList ids=same_region/>
            {more_policies}
            <FigureList ids=figures/>
            {more_figures}
        })}
    </section>
    }
}

/// A link to the whole of a list cut short, its words in either language.
fn more_link(href: String, testid: &'static str, zh: String, en: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p><a class="more" href=href data-testid=testid>
            {move || if lang.get() == Lang::En { en.clone() } else { zh.clone() }}
        </a></p>
    }
}

/// How many of the region's policies, and of its figures, a policy's page lists.
const REGION_SHOWN: usize = 6;
