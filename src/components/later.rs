//! Drawing a page's lower parts after its first screen.

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Draws its children in a task after the one that drew the rest: the first screen paints, and
/// the reader can scroll or tap, before what lies below it has been worked out; and the app's
/// start is cut into tasks short enough not to hold the page (V8 compiles each of the wasm's
/// functions on its first call, so a first drawing costs more than any later one).
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    spawn_local(async move {
        crate::web::next_task().await;
        // The page may have been left in the meantime.
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
