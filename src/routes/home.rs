//! The issue's home: title, introduction and cover highlights, what the issue holds, and an
//! entry to every view. The first thing a new reader sees.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::app::use_library;
use crate::core::items::{item_path, Kind};
use crate::core::search::search_href;
use crate::i18n::{tr, use_lang, Lang};

#[component]
pub fn Home() -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let Some(issue) = library.corpus.issues.last() else {
        return view! { <p>{tr("还没有任何一期。", "No issue yet.")}</p> }.into_any();
    };
    let meta = &issue.meta;
    let query = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The router's path: it adds the app's root itself.
        use_navigate()(
            &format!("/{}", search_href(&query.get_untracked(), None)),
            Default::default(),
        );
    };
    // (count, Chinese label, English label, link, test id)
    let parts: Vec<(
        usize,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )> = vec![
        (
            issue.policies.len(),
            "政策文件",
            "Policy documents",
            "policies/",
            "count-policies",
        ),
        (
            issue.articles.len(),
            "现状",
            "Current situation",
            "articles/",
            "count-articles",
        ),
        (
            issue.problems.len(),
            "问题",
            "Problems",
            "problems/",
            "count-problems",
        ),
        (
            issue.recommendations.len(),
            "专家建议",
            "Experts' advice",
            "experts/",
            "count-experts",
        ),
        (
            issue.experiences.len(),
            "经验",
            "Experience",
            "experience/",
            "count-experience",
        ),
        (
            issue.clues.len() + issue.news.len(),
            "线索与动态",
            "Clues and news",
            "clues/",
            "count-clues",
        ),
        (
            issue.figures.len(),
            "数据",
            "Figures",
            "compare/",
            "count-figures",
        ),
    ];
    let counts = parts
        .into_iter()
        .map(|(n, zh, en, href, testid)| {
            view! {
                <li><a class="count-card" href=href data-testid=testid>
                    <span class="n">{n}</span>
                    <span>{move || lang.get().pick(zh, en)}</span>
                </a></li>
            }
        })
        .collect_view();
    let views: [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ); 5] = [
        (
            "compare/",
            "地区比较",
            "Compare regions",
            "省市数据并列、排序、可视化",
            "Figures side by side",
        ),
        (
            "map/",
            "广东地图",
            "Guangdong map",
            "21 个地市的政策与数据",
            "Policies and figures of 21 cities",
        ),
        (
            "matrix/",
            "地区 × 主题",
            "Region × theme",
            "哪些地区有哪些主题的政策",
            "Who has policies on what",
        ),
        (
            "timeline/",
            "政策时间线",
            "Timeline",
            "2017—2023 年各级政策",
            "Policies by date and level",
        ),
        (
            "saved/",
            "我的收藏",
            "Saved",
            "收藏的条目，可分享为链接",
            "Your saved items, shareable",
        ),
    ];
    let view_links = views
        .into_iter()
        .map(|(href, zh, en, dzh, den)| {
            view! {
                <li><a class="view-card" href=href>
                    <strong>{move || lang.get().pick(zh, en)}</strong>
                    <span class="meta">{move || lang.get().pick(dzh, den)}</span>
                </a></li>
            }
        })
        .collect_view();
    let highlights = meta
        .highlights
        .iter()
        .map(|h| match issue.editorial.cover.get(&h.title) {
            // The article the highlight announces: the cover's own words, leading to it.
            Some(id) => {
                view! { <li><a href=item_path(Kind::Article, id)>{h.title.clone()}</a></li> }
                    .into_any()
            }
            None => view! { <li>{h.title.clone()}</li> }.into_any(),
        })
        .collect_view();
    let intro = meta
        .intro
        .iter()
        .map(|p| view! { <p>{p.clone()}</p> })
        .collect_view();
    let page_title = {
        let (title, title_en) = (meta.title.clone(), meta.title_en.clone());
        move || match (lang.get(), &title_en) {
            (Lang::En, Some(english)) => english.clone(),
            _ => title.clone(),
        }
    };
    view! {
        // The issue's title, as in the prerendered page: a link shared from the browser's menu
        // (WeChat's included) takes the document's title. In English, our translation of it.
        <Title text=page_title/>
        <article class="home" data-testid="home">
            <p class="kicker" lang="zh-CN">"《"{library.corpus.registry.series.title.clone()}"》 · "{meta.compiler.clone()}" · "{meta.date.clone()}</p>
            <h1 lang="zh-CN" data-testid="issue-title">{meta.title.clone()}</h1>
            {meta.title_en.clone().map(|english| view! {
                <p class="subtitle" lang="en" data-testid="issue-title-en" hidden=move || lang.get() != Lang::En>
                    {english}" "<span class="editorial-note">"(our translation)"</span>
                </p>
            })}
            <form role="search" class="searchbar" on:submit=submit>
                <label for="home-q" class="visually-hidden">{tr("搜索", "Search")}</label>
                <input id="home-q" type="search" data-testid="home-search" enterkeyhint="search"
                    placeholder=tr("搜索政策、问题、建议、数据…", "Search policies, problems, advice, figures…")
                    on:input=move |ev| query.set(event_target_value(&ev))/>
                <button type="submit" class="primary">{tr("搜索", "Search")}</button>
            </form>
            <h2>{tr("本期内容", "In this issue")}</h2>
            <ul class="plain count-grid">{counts}</ul>
            <h2>{tr("看数据", "Explore")}</h2>
            <ul class="plain view-grid">{view_links}</ul>
            <h2>{tr("本期要点", "Highlights")}</h2>
            <ul class="highlights" lang="zh-CN" data-testid="highlights">{highlights}</ul>
            <h2>{move || if lang.get() == Lang::En { "Introduction" } else { "编者按" }}</h2>
            <div class="prose" lang="zh-CN" data-testid="intro">{intro}</div>
        </article>
    }
    .into_any()
}
