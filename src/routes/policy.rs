//! A policy's own page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::app::use_library;
use crate::core::items::ItemRef;
use crate::routes::not_found::NotFound;

#[component]
pub fn PolicyPage() -> impl IntoView {
    let library = use_library();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some((_, ItemRef::Policy(p))) = library.corpus.item(&id) else {
            return view! { <NotFound/> }.into_any();
        };
        view! {
            <Title text=p.short_title.clone()/>
            <article class="policy" data-testid="policy-page">
                <h1 data-testid="policy-title">{p.title.clone()}</h1>
                <p class="meta">{p.doc_number.clone()}" "{p.date.clone()}</p>
                <p class="summary" data-testid="policy-summary">{p.summary.clone()}</p>
            </article>
        }
        .into_any()
    }
}
