use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::status::Loading;
use crate::i18n::tr;
use crate::store::{use_store, Pending};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text=tr("未找到", "Not found")/>
        <section class="not-found" data-testid="not-found">
            <h1>{tr("没有找到这个页面", "This page does not exist")}</h1>
            <p>{tr("链接可能有误，或者内容已移动。", "The link may be wrong, or the content has moved.")}</p>
            <p><a href="./">{tr("回到首页", "Back to the home page")}</a>" · "
               <a href="policies/">{tr("浏览全部政策", "Browse all policies")}</a></p>
        </section>
    }
}

/// An item id that is not among the issues loaded so far: while the other issues' catalog may
/// hold it, that is loaded and waited for; otherwise the page does not exist.
#[component]
pub fn NotFoundYet() -> impl IntoView {
    let store = use_store();
    store.load_catalog();
    move || {
        let failed = store
            .catalog
            .with(|c| matches!(c, Some(Pending::Failed(_))));
        if store.catalog_wanted() && !failed {
            view! { <Loading/> }.into_any()
        } else {
            view! { <NotFound/> }.into_any()
        }
    }
}
