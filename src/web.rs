//! Thin wrappers over browser APIs the views share: the app's root path, downloads, the
//! clipboard and the share sheet. Each returns quietly when the browser lacks the API.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The absolute path of a route given relative to the app's root: `policies?x=1` →
/// `/sub/policies?x=1`.
pub fn app_path(relative: &str) -> String {
    format!(
        "{}/{}",
        crate::data::router_base(),
        relative.trim_start_matches('/')
    )
}

/// The absolute URL of a route, for sharing and citing.
pub fn app_url(relative: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", app_path(relative))
}

/// The app's root as an absolute URL (`https://example.org/sub/`): the CSV downloads' links,
/// read in a spreadsheet or an email, are made absolute against it.
pub fn app_root_url() -> String {
    app_url("")
}

/// Focuses the element `find` returns once the next frame is painted: an element the same change
/// shows (a panel, a sheet, an app still behind the prerendered page) cannot take the focus before.
pub fn focus_after_paint(find: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    wasm_bindgen_futures::spawn_local(async {
        after_next_paint().await;
        if let Some(element) = find() {
            let _ = element.focus();
        }
    });
}

/// Gives the focus to the page's main content once the next frame is painted, unless a view
/// moved it into the content by then (a box, a heading). A link followed inside the content is
/// gone with the old view, or kept by the new one ("next", far down it); one in the header stays
/// where the reader no longer is; and either way a screen reader would not learn that the page
/// changed. The page does not scroll for it.
pub fn focus_main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let before = document.active_element();
    wasm_bindgen_futures::spawn_local(async move {
        after_next_paint().await;
        let Some(main) = document
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let now = document.active_element();
        let moved_inside = now.as_ref().is_some_and(|e| {
            Some(e) != before.as_ref() && e != main.as_ref() && main.contains(Some(e))
        });
        if !moved_inside {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = main.focus_with_options(&options);
        }
    });
}

/// A link to a page's file (`policy/yuefu-2021-53/index.html`, as object storage consoles hand
/// them out) names the page's folder: the address bar is given the folder before the router
/// reads it.
pub fn drop_index_html() {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let Ok(path) = location.pathname() else {
        return;
    };
    if let Some(folder) = path.strip_suffix("index.html") {
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        replace_url(&format!("{folder}{search}{hash}"));
    }
}

/// Scrolls the header's navigation strip, not the page, so that its current entry is in view,
/// after the next paint: a strip in an app still hidden behind the prerendered page cannot scroll.
pub fn reveal_current_nav() {
    wasm_bindgen_futures::spawn_local(async {
        after_next_paint().await;
        scroll_nav_to_current();
    });
}

fn scroll_nav_to_current() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(Some(nav)), Ok(Some(entry))) = (
        document.query_selector(".top nav"),
        document.query_selector(".top nav a[aria-current=\"page\"]"),
    ) else {
        return;
    };
    let (Ok(nav), Ok(entry)) = (
        nav.dyn_into::<web_sys::HtmlElement>(),
        entry.dyn_into::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    // Both offsets are from the header (the sticky offset parent).
    let (left, width) = (
        entry.offset_left() - nav.offset_left(),
        entry.offset_width(),
    );
    let (scrolled, visible) = (nav.scroll_left(), nav.client_width());
    if left < scrolled {
        nav.set_scroll_left(left);
    } else if left + width > scrolled + visible {
        nav.set_scroll_left(left + width - visible);
    }
}

/// Rewrites the address bar to `path` without a navigation: the router is not told.
pub fn replace_url(path: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}

/// Keeps a scrolling box's position (`[left, top]`) under `key` in the current history entry,
/// beside whatever the router keeps there: the browser restores the window's scroll on Back,
/// never a box's.
pub fn remember_box_scroll(key: &str, element: &web_sys::Element) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = js_sys::Object::new();
    if let Ok(kept) = history.state() {
        if kept.is_object() {
            js_sys::Object::assign(&state, kept.unchecked_ref());
        }
    }
    let at = js_sys::Array::of2(&element.scroll_left().into(), &element.scroll_top().into());
    let _ = js_sys::Reflect::set(&state, &key.into(), &at);
    let _ = history.replace_state(&state, "");
}

/// Puts a scrolling box back where [`remember_box_scroll`] left it in this history entry, if it
/// did: a page reached by Back finds its box as the reader left it; one reached by a link has
/// no such position and starts at the top left.
pub fn restore_box_scroll(key: &str, element: &web_sys::Element) {
    let Some(state) = web_sys::window().and_then(|w| w.history().ok()?.state().ok()) else {
        return;
    };
    let Some(at) = js_sys::Reflect::get(&state, &key.into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
    else {
        return;
    };
    let coordinate = |i| at.get(i).as_f64().unwrap_or(0.0) as i32;
    element.set_scroll_left(coordinate(0));
    element.set_scroll_top(coordinate(1));
}

/// Loads `path` as a new page in place of the current history entry, unless this page itself
/// came from such a load in the last ten seconds; returns whether it loads. The mark lives in
/// sessionStorage (this tab only).
pub fn load_page_unless_just_loaded(path: &str) -> bool {
    const KEY: &str = "cankao.reloaded-at";
    let Some(window) = web_sys::window() else {
        return false;
    };
    let session = window.session_storage().ok().flatten();
    let now = js_sys::Date::now();
    let last = session
        .as_ref()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|v| v.parse::<f64>().ok());
    if last.is_some_and(|t| (now - t).abs() < 10_000.0) {
        return false;
    }
    if let Some(session) = session {
        let _ = session.set_item(KEY, &now.to_string());
    }
    window.location().replace(path).is_ok()
}

/// Ends the current task and resumes in a new one, so that the browser can paint and handle
/// input between the steps of a long piece of work.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resumes once the browser has painted the next frame: a task queued from an animation
/// frame callback runs after that frame's paint.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
    next_task().await;
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Milliseconds since the page started loading (0 where there is no clock).
pub fn now_ms() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// Runs `f` and records how long it took as a User Timing measure named `name`, which the
/// benchmark (scripts/bench.sh) reads from the page.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(performance) = performance() else {
        return f();
    };
    let start = format!("{name}-start");
    let _ = performance.mark(&start);
    let out = f();
    let _ = performance.measure_with_start_mark(name, &start);
    performance.clear_marks_with_mark_name(&start);
    out
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Follows `url` with a temporary `<a download>`.
pub fn download_url(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(url);
    a.set_download(name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Copies text to the clipboard; false when the browser refused (no permission, insecure
/// context), so the caller can show the text for manual copying.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Only a secure context (https, localhost) has `navigator.clipboard`: a host on plain http
    // (an intranet) has not, nor have some old WebViews. There the selection is copied the old way.
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return copy_selected(&window, text);
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Copies `text` by selecting it in a hidden text box (`document.execCommand("copy")`).
fn copy_selected(window: &web_sys::Window, text: &str) -> bool {
    let Some(document) = window.document() else {
        return false;
    };
    let (Some(body), Ok(html)) = (
        document.body(),
        document.clone().dyn_into::<web_sys::HtmlDocument>(),
    ) else {
        return false;
    };
    let Some(area) = document
        .create_element("textarea")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    area.set_read_only(true);
    let _ = area.set_attribute("style", "position:fixed;top:0;left:0;opacity:0");
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = html.exec_command("copy").unwrap_or(false);
    area.remove();
    copied
}

/// Whether the browser has the Web Share API (phones mostly do).
pub fn can_share() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
}

/// Opens the system share sheet; false when it is missing or the reader cancelled.
pub async fn share(title: &str, text: &str, url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    data.set_url(url);
    JsFuture::from(window.navigator().share_with_data(&data))
        .await
        .is_ok()
}

/// Today's date in the reader's time zone, ISO (for citations' access date).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Whether the page came with prerendered content (see `core::pages`).
pub fn has_prerender() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
        .is_some_and(|e| e.child_element_count() > 0)
}

/// Removes the prerendered content once the app shows the same view.
pub fn remove_prerender() {
    if let Some(e) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        e.remove();
    }
}

/// Registers the service worker (`sw.js` at the app root, so its scope is the whole app).
pub fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let navigator = window.navigator();
        if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
            // Relative to the document's base: the app root, whatever page this is.
            let _ = navigator.service_worker().register("sw.js");
        }
    }
}

/// Shows a panic to the reader instead of leaving a dead page: a message in the interface
/// language and a reload link. Written with plain DOM calls, since the app itself has stopped.
pub fn show_panic(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("panic").is_some() {
        return;
    }
    let english = crate::storage::get("cankao.lang").as_deref() == Some("en");
    let (title, text, reload) = if english {
        (
            "Something went wrong",
            "The app stopped because of an error. Reloading usually helps.",
            "Reload",
        )
    } else {
        (
            "出错了",
            "程序遇到错误已停止运行，重新载入通常可以解决。",
            "重新载入",
        )
    };
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    panel.set_id("panic");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "error panic");
    let _ = panel.set_attribute("data-testid", "panic");
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    for (tag, content) in [("h1", title), ("p", text)] {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(content));
            let _ = panel.append_child(&el);
        }
    }
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("class", "button");
        a.set_text_content(Some(reload));
        let _ = panel.append_child(&a);
    }
    if let Ok(pre) = document.create_element("pre") {
        pre.set_text_content(Some(detail));
        let _ = panel.append_child(&pre);
    }
    let _ = body.insert_before(&panel, body.first_child().as_ref());
}
