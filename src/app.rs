//! The root: loads the corpus once, provides it by context, and routes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Shell;
use crate::components::status::{LoadErrorView, Loading};
use crate::core::library::Library;
use crate::data::{load_library, router_base};
use crate::routes::{home::Home, not_found::NotFound, policy::PolicyPage, policy_list::PolicyList};

/// The loaded corpus and its index, as every route receives it.
pub type SharedLibrary = Arc<Library>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::i18n::provide_lang();
    let corpus = LocalResource::new(load_library);
    view! {
        <Title formatter=|title: String| {
            if title.is_empty() { "参考 · Cankao".to_string() } else { format!("{title} · 参考") }
        }/>
        <Router base=router_base()>
            <Shell>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match corpus.await {
                            Ok(library) => view! { <LibraryRoutes library/> }.into_any(),
                            Err(error) => {
                                view! { <LoadErrorView error retry=move || corpus.refetch()/> }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </Shell>
        </Router>
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
        </Routes>
    }
}

/// The loaded library; every route renders below [`LibraryRoutes`], which provides it.
pub fn use_library() -> SharedLibrary {
    expect_context::<SharedLibrary>()
}
