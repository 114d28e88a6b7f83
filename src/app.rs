//! The root: loads the corpus once, provides it by context, and routes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::later::Later;
use crate::components::layout::Shell;
use crate::components::status::{LoadErrorView, Loading};
use crate::core::items::Kind;
use crate::core::library::Library;
use crate::data::{load, router_base, Loaded};
use crate::i18n::tr;
use crate::routes::{
    home::Home, item::ItemPage, kind_list::KindList, not_found::NotFound, policy::PolicyPage,
    policy_list::PolicyList, problems::ProblemsPage, saved::SavedPage, search::SearchPage,
};
use crate::store::{use_store, Pending, Store};

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
    view! {
        <Title formatter=|title: String| {
            if title.is_empty() { "参考 · Cankao".to_string() } else { format!("{title} · 参考") }
        }/>
        // The router, then the frame, are each set up in a task of their own after the mount's,
        // which starts the load (V8 compiles each function the first time it is called).
        <Later>
        <Router base=router_base()>
            <div class="app-root" hidden=move || !ready.get()>
            <Later>
            <Shell>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match corpus.await {
                            Ok(loaded) => view! {
                                <DataUpdated show=loaded.data_updated/>
                                <LibraryRoutes loaded ready/>
                            }
                            .into_any(),
                            Err(error) => view! {
                                <LoadErrorView error retry=move || corpus.refetch()/>
                                <ShowApp ready/>
                            }
                            .into_any(),
                        }
                    })}
                </Transition>
            </Shell>
            </Later>
            </div>
        </Router>
        </Later>
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

/// The prerendered page gives way to the app: drawn after the app's view, so that the reader
/// never sees the app without it.
#[component]
fn ShowApp(ready: RwSignal<bool>) -> impl IntoView {
    Effect::new(move |_| {
        crate::web::remove_prerender();
        ready.set(true);
        // The header's strip is shown only now.
        crate::web::reveal_current_nav();
    });
}

#[component]
fn LibraryRoutes(loaded: Loaded, ready: RwSignal<bool>) -> impl IntoView {
    Store::provide(loaded);
    // Home and search follow the library themselves; the other views are drawn again when it
    // grows (the catalog or an issue's texts arrived). Views across issues ask for the catalog.
    // The routed view is drawn in a task after the one that received the data.
    view! {
        <CatalogNotice/>
        <Later>
        <Routes fallback=NotFound>
            <Route path=path!("") view=Home/>
            <Route path=path!("/search") view=SearchPage/>
            <Route path=path!("/policies") view=|| view! { <Live all_issues=true><PolicyList/></Live> }/>
            <Route path=path!("/policy/:id") view=|| view! { <Live><PolicyPage/></Live> }/>
            <Route path=path!("/compare") view=|| across_regions(AcrossRegions::Compare)/>
            <Route path=path!("/map") view=|| across_regions(AcrossRegions::Map)/>
            <Route path=path!("/matrix") view=|| across_regions(AcrossRegions::Matrix)/>
            <Route path=path!("/timeline") view=|| across_regions(AcrossRegions::Timeline)/>
            <Route path=path!("/saved") view=|| view! { <Live all_issues=true><SavedPage/></Live> }/>
            <Route path=path!("/problems") view=|| view! { <Live all_issues=true><ProblemsPage/></Live> }/>
            <Route path=path!("/problem/:id") view=|| view! { <Live><ItemPage kind=Kind::Problem/></Live> }/>
            <Route path=path!("/experts") view=|| view! { <Live all_issues=true><KindList kinds=vec![Kind::Recommendation]/></Live> }/>
            <Route path=path!("/expert/:id") view=|| view! { <Live><ItemPage kind=Kind::Recommendation/></Live> }/>
            <Route path=path!("/experience") view=|| view! { <Live all_issues=true><KindList kinds=vec![Kind::Experience]/></Live> }/>
            <Route path=path!("/experience/:id") view=|| view! { <Live><ItemPage kind=Kind::Experience/></Live> }/>
            <Route path=path!("/articles") view=|| view! { <Live all_issues=true><KindList kinds=vec![Kind::Article]/></Live> }/>
            <Route path=path!("/article/:id") view=|| view! { <Live><ItemPage kind=Kind::Article/></Live> }/>
            <Route path=path!("/clues") view=|| view! { <Live all_issues=true><KindList kinds=vec![Kind::Clue, Kind::News]/></Live> }/>
            <Route path=path!("/clue/:id") view=|| view! { <Live><ItemPage kind=Kind::Clue/></Live> }/>
            <Route path=path!("/news/:id") view=|| view! { <Live><ItemPage kind=Kind::News/></Live> }/>
        </Routes>
        <ShowApp ready/>
        </Later>
    }
}

/// The views across regions ([`crate::core::pages::FULL_MODULE_ROUTES`]).
#[derive(Clone, Copy)]
enum AcrossRegions {
    Compare,
    Map,
    Matrix,
    Timeline,
}

/// A view across regions, drawn by the full module.
#[cfg(feature = "full")]
fn across_regions(view: AcrossRegions) -> AnyView {
    use crate::routes::{
        compare::CompareView, map::MapView, matrix::MatrixView, timeline::TimelineView,
    };
    match view {
        AcrossRegions::Compare => view! { <Live all_issues=true><CompareView/></Live> }.into_any(),
        AcrossRegions::Map => view! { <Live all_issues=true><MapView/></Live> }.into_any(),
        AcrossRegions::Matrix => view! { <Live all_issues=true><MatrixView/></Live> }.into_any(),
        AcrossRegions::Timeline => {
            view! { <Live all_issues=true><TimelineView/></Live> }.into_any()
        }
    }
}

/// In the first view's module, a view across regions loads the route's page, whose loader
/// starts the full module.
#[cfg(not(feature = "full"))]
fn across_regions(_: AcrossRegions) -> AnyView {
    view! { <crate::routes::full_module::ToFullModule/> }.into_any()
}

/// Draws its children again whenever the library grows. `all_issues`: the view lists or
/// compares across issues, so it asks for the other issues' catalog (the first view of a
/// single item or of the home page never downloads it).
#[component]
fn Live(children: ChildrenFn, #[prop(optional)] all_issues: bool) -> impl IntoView {
    let store = use_store();
    if all_issues {
        store.load_catalog();
    }
    let library = store.library;
    move || {
        library.track();
        children()
    }
}

/// Says when the other issues' catalog is on its way or failed (with a retry); the view that
/// is open keeps working with what has loaded.
#[component]
fn CatalogNotice() -> impl IntoView {
    let store = use_store();
    move || {
        store.catalog.get().map(|pending| match pending {
            Pending::Loading { done, total } => view! {
                <p class="notice toast quiet" role="status" data-testid="catalog-loading">
                    {tr("正在载入其余各期的目录", "Loading the other issues' catalog")}
                    {format!(" {done}/{total}…")}
                </p>
            }
            .into_any(),
            Pending::Failed(error) => view! {
                <div class="notice toast" role="alert" data-testid="catalog-error">
                    <span>{tr(
                        "其余各期的目录未能载入，列表和搜索暂时只包括已载入的各期。",
                        "The other issues' catalog could not be loaded: lists and search cover the loaded issues only.",
                    )}</span>
                    <details>
                        <summary>{tr("技术细节", "Details")}</summary>
                        <pre>{error.to_string()}</pre>
                    </details>
                    <button type="button" data-testid="catalog-retry" on:click=move |_| store.load_catalog()>
                        {tr("重试", "Retry")}
                    </button>
                </div>
            }
            .into_any(),
        })
    }
}

/// The library as loaded so far; every route renders below [`LibraryRoutes`], which provides
/// it. Views that must follow it as it grows read `use_store().library` instead.
pub fn use_library() -> SharedLibrary {
    use_store().library.get_untracked()
}
