//! The issue's home: its title, introduction, what it holds, and entry points.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_library;
use crate::i18n::tr;

#[component]
pub fn Home() -> impl IntoView {
    let library = use_library();
    let corpus = &library.corpus;
    let issue = corpus.issues.last().cloned();
    let Some(issue) = issue else {
        return view! { <p>{tr("还没有任何一期。", "No issue yet.")}</p> }.into_any();
    };
    let policies = issue
        .policies
        .iter()
        .map(|p| {
            let href = format!("policy/{}/", p.id);
            view! {
                <li data-testid="policy-item">
                    <a href=href>{p.short_title.clone()}</a>
                    <span class="meta">{p.date.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=""/>
        <article class="home">
            <p class="kicker">{corpus.registry.series.title.clone()}" · "{issue.meta.compiler.clone()}</p>
            <h1 data-testid="issue-title">{issue.meta.title.clone()}</h1>
            <h2>{tr("政策文件", "Policy documents")}</h2>
            <ol class="plain" data-testid="policy-titles">{policies}</ol>
        </article>
    }
    .into_any()
}
