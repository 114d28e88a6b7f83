//! The views across regions in the first view's module (built without the `full` feature):
//! the route's page is loaded, and its loader (written by `cankao-tool`) starts the full module.
//! The URL's state is kept, and the new page takes the history entry the router made for it.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::status::Loading;
use crate::i18n::tr;

#[component]
pub fn ToFullModule() -> impl IntoView {
    // The router's location, not the address bar's: the router writes the new address only
    // once the route has been drawn.
    let location = use_location();
    let mut path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    if !search.is_empty() {
        path = format!("{path}?{search}");
    }
    let hash = location.hash.get_untracked();
    if !hash.is_empty() {
        path = format!("{path}#{}", hash.trim_start_matches('#'));
    }
    // A page that came back with this module again (a loader that did not know the route)
    // says so instead of loading again and again.
    let reloading = crate::web::load_page_unless_just_loaded(&path);
    view! {
        <Show when=move || !reloading fallback=Loading>
            <section class="notice" role="alert" data-testid="full-module-error">
                <p>{tr("这个视图未能载入。", "This view could not be loaded.")}</p>
                <p><a href="./" rel="external">{tr("回到首页", "Back to the home page")}</a></p>
            </section>
        </Show>
    }
}
