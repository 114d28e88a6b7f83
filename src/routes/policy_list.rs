//! The policy list with facets, search and sort.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_library;
use crate::i18n::tr;

#[component]
pub fn PolicyList() -> impl IntoView {
    let library = use_library();
    let corpus = &library.corpus;
    let rows = corpus
        .policies()
        .map(|(_, p)| {
            let href = format!("policy/{}/", p.id);
            view! { <li data-testid="policy-item"><a href=href>{p.short_title.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <Title text=tr("政策", "Policies")/>
        <h1>{tr("政策文件", "Policy documents")}</h1>
        <ol class="plain">{rows}</ol>
    }
}
