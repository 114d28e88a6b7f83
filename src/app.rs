//! The root: loads the corpus once, provides it by context, and routes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Shell;
use crate::components::status::{LoadErrorView, Loading};
use crate::core::items::Kind;
use crate::core::library::Library;
use crate::data::{load, router_base};
use crate::routes::{
    compare::CompareView, home::Home, item::ItemPage, kind_list::KindList, map::MapView,
    matrix::MatrixView, not_found::NotFound, policy::PolicyPage, policy_list::PolicyList,
    problems::ProblemsPage, saved::SavedPage, search::SearchPage, timeline::TimelineView,
};

/// The loaded corpus and its index, as every route receives it.
pub type SharedLibrary = Arc<Library>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::i18n::provide_lang();
    crate::components::saved::provide_saved();
    let corpus = LocalResource::new(load);
    // The prerendered page stays until the app can show the same view, then gives way to it.
    let ready = RwSignal::new(!crate::web::has_prerender());
    Effect::new(move |_| {
        if corpus.get().is_some() {
            crate::web::remove_prerender();
            ready.set(true);
        }
    });
    view! {
        <Title formatter=|title: String| {
            if title.is_empty() { "参考 · Cankao".to_string() } else { format!("{title} · 参考") }
        }/>
        <Router base=router_base()>
            <div class="app-root" hidden=move || !ready.get()>
            <Shell>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match corpus.await {
                            Ok(loaded) => view! {
                                <DataUpdated show=loaded.data_updated/>
                                <LibraryRoutes library=loaded.library/>
                            }
                            .into_any(),
                            Err(error) => {
                                view! { <LoadErrorView error retry=move || corpus.refetch()/> }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </Shell>
            </div>
        </Router>
    }
}

/// Tells the reader that the corpus changed since their last visit.
#[component]
fn DataUpdated(show: bool) -> impl IntoView {
    let open = RwSignal::new(show);
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status" data-testid="data-updated">
                <span>{crate::i18n::tr("数据已更新：你看到的是最新版本。", "The data has been updated since your last visit.")}</span>
                <button type="button" on:click=move |_| open.set(false)>{crate::i18n::tr("知道了", "OK")}</button>
            </div>
        </Show>
    }
}

#[component]
fn LibraryRoutes(library: SharedLibrary) -> impl IntoView {
    provide_context(library);
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("") view=Home/>
            <Route path=path!("/index.html") view=Home/>
            <Route path=path!("/policies") view=PolicyList/>
            <Route path=path!("/policy/:id") view=PolicyPage/>
            <Route path=path!("/compare") view=CompareView/>
            <Route path=path!("/map") view=MapView/>
            <Route path=path!("/matrix") view=MatrixView/>
            <Route path=path!("/timeline") view=TimelineView/>
            <Route path=path!("/search") view=SearchPage/>
            <Route path=path!("/saved") view=SavedPage/>
            <Route path=path!("/problems") view=ProblemsPage/>
            <Route path=path!("/problem/:id") view=|| view! { <ItemPage kind=Kind::Problem/> }/>
            <Route path=path!("/experts") view=|| view! { <KindList kinds=vec![Kind::Recommendation]/> }/>
            <Route path=path!("/expert/:id") view=|| view! { <ItemPage kind=Kind::Recommendation/> }/>
            <Route path=path!("/experience") view=|| view! { <KindList kinds=vec![Kind::Experience]/> }/>
            <Route path=path!("/experience/:id") view=|| view! { <ItemPage kind=Kind::Experience/> }/>
            <Route path=path!("/articles") view=|| view! { <KindList kinds=vec![Kind::Article]/> }/>
            <Route path=path!("/article/:id") view=|| view! { <ItemPage kind=Kind::Article/> }/>
            <Route path=path!("/clues") view=|| view! { <KindList kinds=vec![Kind::Clue, Kind::News]/> }/>
            <Route path=path!("/clue/:id") view=|| view! { <ItemPage kind=Kind::Clue/> }/>
            <Route path=path!("/news/:id") view=|| view! { <ItemPage kind=Kind::News/> }/>
        </Routes>
    }
}

/// The loaded library; every route renders below [`LibraryRoutes`], which provides it.
pub fn use_library() -> SharedLibrary {
    expect_context::<SharedLibrary>()
}
