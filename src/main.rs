//! The browser entry point: mounts the app into `#app` (or the body, for a page without it).

use wasm_bindgen::JsCast;

fn main() {
    // A panic anywhere shows an error view (and still reaches the console).
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        cankao::web::show_panic(&info.to_string());
    }));
    // The module's instantiation is one task; the mount, which calls much of the module for the
    // first time (each function compiled then), is another.
    wasm_bindgen_futures::spawn_local(async {
        cankao::web::next_task().await;
        cankao::web::drop_index_html();
        let target = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match target {
            Some(el) => leptos::mount::mount_to(el, cankao::app::App).forget(),
            None => leptos::mount::mount_to_body(cankao::app::App),
        }
        cankao::web::register_service_worker();
    });
}
