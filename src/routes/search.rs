//! Search across every kind of item: results grouped by kind, ranked, with a snippet around
//! each match and the match marked. The query lives in the URL (`search?q=…`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::components::saved::StarButton;
use crate::core::search::{Group, Index, Query, Segment};
use crate::core::url::{format_query, parse_query};
use crate::i18n::{tr, use_lang, Lang};
use crate::store::use_store;
use crate::web::{app_path, measured, replace_url};

/// The query text of a search URL (`q`), cut to a sane length; other parameters are ignored.
pub fn query_of(search: &str) -> String {
    parse_query(search)
        .into_iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.chars().take(crate::core::listing::MAX_Q).collect())
        .unwrap_or_default()
}

/// Hits listed per group when every group is shown.
const PER_GROUP: usize = 5;
/// Hits listed when one group is shown.
const GROUP_LIMIT: usize = 200;

/// The group a search URL narrows to (`group`), if it names one.
fn group_of(search: &str) -> Option<Group> {
    let key = parse_query(search)
        .into_iter()
        .find(|(k, _)| k == "group")
        .map(|(_, v)| v)?;
    Group::all().into_iter().find(|g| g.key() == key)
}

/// The search page's URL (relative to the app root) for a query, narrowed to a group or not.
fn search_href(q: &str, group: Option<Group>) -> String {
    let group = group.map(|g| g.key().to_string()).unwrap_or_default();
    format!(
        "search{}",
        format_query(&[("q", q.to_string()), ("group", group)])
    )
}

/// Snippet segments as text nodes, matches inside <mark>.
#[component]
pub fn Snippet(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.marked {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let store = use_store();
    store.load_catalog();
    let lang = use_lang();
    let location = use_location();
    // The query as typed. A keystroke rewrites the URL in place instead of navigating (a
    // router navigation per keystroke cost more than the search); links and back/forward
    // still set the query through the URL.
    let typed = RwSignal::new(query_of(&location.search.get_untracked()));
    Effect::watch(
        move || location.search.get(),
        move |search, _, _| typed.set(query_of(search)),
        false,
    );
    // Parsed once per keystroke, for the search and for the snippets.
    let query = Memo::new(move |_| Query::parse(&typed.get()));
    // Follows the library: results widen as the other issues' catalog and texts arrive.
    let hits = Memo::new(move |_| {
        query.with(|query| {
            store
                .library
                .with(|lib| measured("cankao-search", || lib.index.search(query)))
        })
    });
    let coverage = move || {
        let outlined = store.library.with(|lib| lib.outlined_count());
        (outlined > 0).then(|| {
            let text = match lang.get() {
                Lang::Zh => format!("另有 {outlined} 期只载入了目录：其中的内容按标题、文号、发文机关、地区和主题检索；打开其中一项后，那一期的正文也可检索。"),
                Lang::En => format!("{outlined} more issues are loaded as a catalog only: their items are found by title, document number, issuer, region and theme; once you open one, that issue's text is searched too."),
            };
            view! { <p class="meta" data-testid="search-coverage">{text}</p> }
        })
    };
    let only = Memo::new(move |_| group_of(&location.search.get()));
    let href_for = move |group: Option<Group>| search_href(&typed.get_untracked(), group);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        replace_url(&app_path(&search_href(&text, only.get_untracked())));
        typed.set(text);
    };
    // Only the hits shown get a card and a snippet: a few per group on the overview, more
    // in one group's own view. A keystroke then costs the same at any corpus size.
    let results = move || {
        let query = query.get();
        let only = only.get();
        store.library.with(|lib| {
            hits.with(|hits| {
                Index::grouped(hits)
                    .into_iter()
                    .filter(|(g, _)| only.is_none_or(|o| o == *g))
                    .map(|(group_of, group)| {
                        let n = group.len();
                        let shown = if only.is_some() { GROUP_LIMIT } else { PER_GROUP };
                        let items = group
                            .iter()
                            .take(shown)
                            .map(|h| {
                                let entry = lib.index.entry(h);
                                let star = matches!(h.group, Group::Item(_)).then(|| view! { <StarButton id=h.id.clone()/> });
                                view! {
                                    <li class="card hit" data-testid="hit" data-id=h.id.clone() data-kind=h.group.key()>
                                        <div class="card-head">
                                            <a class="card-title" href=entry.href.clone()>{entry.title.clone()}</a>
                                            {star}
                                        </div>
                                        <p class="snippet"><Snippet segments=lib.index.snippet(h, &query)/></p>
                                    </li>
                                }
                            })
                            .collect_view();
                        let more = (n > shown).then(|| match only {
                            None => view! {
                                <a class="more" href=href_for(Some(group_of)) data-testid=format!("more-{}", group_of.key())>
                                    {move || match lang.get() {
                                        Lang::Zh => format!("查看全部 {n} 条"),
                                        Lang::En => format!("See all {n}"),
                                    }}
                                </a>
                            }
                            .into_any(),
                            Some(_) => view! {
                                <p class="meta">{tr(
                                    "只列出最相关的 200 条；加一个词可以缩小范围。",
                                    "Only the 200 best matches are listed; add a word to narrow the search.",
                                )}</p>
                            }
                            .into_any(),
                        });
                        view! {
                            <section class="hit-group" data-testid=format!("group-{}", group_of.key())>
                                <h2>{move || if lang.get() == Lang::En { group_of.en() } else { group_of.zh() }}<span class="count">{n}</span></h2>
                                <ol class="cards plain">{items}</ol>
                                {more}
                            </section>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let back = move || {
        only.get().map(|_| {
            view! {
                <a class="more" href=href_for(None) data-testid="all-groups">{tr("← 所有类别的结果", "← Results of every kind")}</a>
            }
        })
    };
    view! {
        <Title text=tr("搜索", "Search")/>
        <section class="search-page" data-testid="search-page">
            <h1>{tr("搜索全部内容", "Search everything")}</h1>
            <form role="search" class="searchbar" on:submit=|ev| ev.prevent_default()>
                <label for="search-q" class="visually-hidden">{tr("搜索", "Search")}</label>
                <input id="search-q" type="search" data-testid="search-input" autocomplete="off" enterkeyhint="search"
                    placeholder=tr("政策、问题、建议、数字…（支持拼音、文号）", "Policies, problems, advice, figures… (pinyin, doc numbers)")
                    prop:value=move || typed.get() on:input=on_input/>
            </form>
            <p class="result-count" role="status" aria-live="polite" data-testid="search-count">
                {move || {
                    let n = hits.with(Vec::len);
                    match (typed.with(String::is_empty), lang.get()) {
                        (true, Lang::Zh) => "输入关键词、拼音或文号开始搜索。".to_string(),
                        (true, Lang::En) => "Type words, pinyin or a document number.".to_string(),
                        (false, Lang::Zh) => format!("找到 {n} 条结果"),
                        (false, Lang::En) => format!("{n} results"),
                    }
                }}
            </p>
            {back}
            {results}
            {coverage}
            <p class="meta">{tr("多个词用空格分开时，结果需同时包含所有词。", "Several words separated by spaces must all match.")}</p>
        </section>
    }
}
