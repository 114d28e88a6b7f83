//! The lists of the issue's other parts: status articles, experts, experience, clues and news.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_library;
use crate::components::cards::ItemCard;
use crate::core::items::Kind;
use crate::i18n::{use_lang, Lang};

/// Every item of the given kinds, newest issue first, in printed order within an issue.
#[component]
pub fn KindList(kinds: Vec<Kind>) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let heading = kinds.first().copied().unwrap_or(Kind::Article);
    let groups = kinds
        .into_iter()
        .map(|kind| {
            let ids: Vec<String> = library
                .corpus
                .issues
                .iter()
                .rev()
                .flat_map(|i| i.items().filter(|it| it.kind() == kind).map(|it| it.id().to_string()).collect::<Vec<_>>())
                .collect();
            view! {
                <section data-testid=format!("list-{}", kind.key())>
                    <h2>{move || if lang.get() == Lang::En { kind.en() } else { kind.zh() }}<span class="count">{ids.len()}</span></h2>
                    <ul class="cards plain">{ids.into_iter().map(|id| view! { <ItemCard id/> }).collect_view()}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=move || if lang.get() == Lang::En { heading.en() } else { heading.zh() }/>
        <h1>{move || if lang.get() == Lang::En { heading.en() } else { heading.zh() }}</h1>
        {groups}
    }
}
