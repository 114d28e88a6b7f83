//! Search across every kind of item: results grouped by kind, ranked, with a snippet around
//! each match and the match marked. The query lives in the URL (`search?q=…`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::app::use_library;
use crate::components::saved::StarButton;
use crate::core::search::{Group, Index, Query, Segment};
use crate::core::url::{format_query, parse_query};
use crate::i18n::{tr, use_lang, Lang};
use crate::web::app_path;

/// The query text of a search URL (`q`), cut to a sane length; other parameters are ignored.
pub fn query_of(search: &str) -> String {
    parse_query(search)
        .into_iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.chars().take(crate::core::listing::MAX_Q).collect())
        .unwrap_or_default()
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
    let library = use_library();
    let lang = use_lang();
    let location = use_location();
    let q = Memo::new(move |_| query_of(&location.search.get()));
    let lib = library.clone();
    let hits = Memo::new(move |_| lib.index.search(&Query::parse(&q.get())));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        use_navigate()(
            &app_path(&format!("search{}", format_query(&[("q", text)]))),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let results = move || {
        let hits = hits.get();
        Index::grouped(&hits)
            .into_iter()
            .map(|(group_of, group)| {
                let n = group.len();
                let items = group
                    .into_iter()
                    .map(|h| {
                        let star = matches!(h.group, Group::Item(_)).then(|| view! { <StarButton id=h.id.clone()/> });
                        view! {
                            <li class="card hit" data-testid="hit" data-id=h.id.clone() data-kind=h.group.key()>
                                <div class="card-head">
                                    <a class="card-title" href=h.href.clone()>{h.title.clone()}</a>
                                    {star}
                                </div>
                                <p class="snippet"><Snippet segments=h.snippet.clone()/></p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="hit-group" data-testid=format!("group-{}", group_of.key())>
                        <h2>{move || if lang.get() == Lang::En { group_of.en() } else { group_of.zh() }}<span class="count">{n}</span></h2>
                        <ol class="cards plain">{items}</ol>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <Title text=tr("搜索", "Search")/>
        <section class="search-page" data-testid="search-page">
            <h1>{tr("搜索全部内容", "Search everything")}</h1>
            <form role="search" class="searchbar" on:submit=|ev| ev.prevent_default()>
                <label for="search-q" class="visually-hidden">{tr("搜索", "Search")}</label>
                <input id="search-q" type="search" data-testid="search-input" autocomplete="off" enterkeyhint="search"
                    placeholder=tr("政策、问题、建议、数字…（支持拼音、文号）", "Policies, problems, advice, figures… (pinyin, doc numbers)")
                    prop:value=move || q.get() on:input=on_input/>
            </form>
            <p class="result-count" role="status" aria-live="polite" data-testid="search-count">
                {move || {
                    let n = hits.with(Vec::len);
                    match (q.get().is_empty(), lang.get()) {
                        (true, Lang::Zh) => "输入关键词、拼音或文号开始搜索。".to_string(),
                        (true, Lang::En) => "Type words, pinyin or a document number.".to_string(),
                        (false, Lang::Zh) => format!("找到 {n} 条结果"),
                        (false, Lang::En) => format!("{n} results"),
                    }
                }}
            </p>
            {results}
            <p class="meta">{tr("多个词用空格分开时，结果需同时包含所有词。", "Several words separated by spaces must all match.")}</p>
        </section>
    }
}
