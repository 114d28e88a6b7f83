//! The lists of the issue's other parts: articles on the current situation, experts,
//! experience, clues and news.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_library;
use crate::components::cards::ItemCard;
use crate::core::items::{list_heading, Kind};
use crate::i18n::{use_lang, Lang};

/// Every item of the given kinds, newest issue first, in printed order within an issue.
#[component]
pub fn KindList(kinds: Vec<Kind>) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    // One heading for the kinds listed together, as the generated page gives it (线索与工作动态).
    let heading = Signal::derive({
        let kinds = kinds.clone();
        move || list_heading(&kinds, lang.get() == Lang::En)
    });
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
                    <h2>{move || list_heading(&[kind], lang.get() == Lang::En)}<span class="count">{ids.len()}</span></h2>
                    <ul class="cards plain">{ids.into_iter().map(|id| view! { <ItemCard id/> }).collect_view()}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=heading/>
        <h1>{heading}</h1>
        {groups}
    }
}
