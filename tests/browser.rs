//! Components in a real browser (wasm-bindgen-test in headless Chromium): what they put in
//! the DOM, and how they use browser storage.
#![cfg(target_arch = "wasm32")]

use cankao::components::saved::{provide_saved, StarButton};
use cankao::core::hits_html::segments_html;
use cankao::core::search::Segment;
use cankao::i18n::provide_lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets the reactive system run its pending effects (they are scheduled, not synchronous).
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A fresh container in the page for one test.
fn container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
fn snippet_marks_matches_and_never_renders_markup() {
    let el = container();
    let segments = vec![
        Segment {
            text: "<script>x</script> 广".into(),
            marked: false,
        },
        Segment {
            text: "东".into(),
            marked: true,
        },
    ];
    // What the search page assigns to innerHTML, parsed by the browser.
    el.set_inner_html(&segments_html(&segments));
    assert_eq!(el.query_selector_all("mark").unwrap().length(), 1);
    assert_eq!(
        el.query_selector("mark")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "东"
    );
    assert!(
        el.query_selector("script").unwrap().is_none(),
        "corpus text must stay text"
    );
    assert!(el.text_content().unwrap().contains("<script>x</script>"));
}

#[wasm_bindgen_test]
async fn star_button_saves_to_local_storage_and_survives_a_remount() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("cankao.saved").unwrap();
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), || {
        provide_lang();
        provide_saved();
        view! { <StarButton id="yuefu-2021-53"/> }
    });
    let button: web_sys::HtmlElement = el
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    button.click();
    next_tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        storage.get_item("cankao.saved").unwrap().as_deref(),
        Some(r#"["yuefu-2021-53"]"#)
    );
    drop(handle);

    let el = container();
    let _handle = leptos::mount::mount_to(el.clone(), || {
        provide_lang();
        provide_saved();
        view! { <StarButton id="yuefu-2021-53"/> }
    });
    let button = el.query_selector("button").unwrap().unwrap();
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn damaged_storage_is_repaired_not_fatal() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("cankao.saved", "{not json").unwrap();
    let el = container();
    let _handle = leptos::mount::mount_to(el.clone(), || {
        provide_lang();
        provide_saved();
        view! { <StarButton id="a-1"/> }
    });
    assert_eq!(
        storage.get_item("cankao.saved").unwrap().as_deref(),
        Some("[]")
    );
    assert!(el.query_selector("button").unwrap().is_some());
}

#[wasm_bindgen_test]
fn a_panic_shows_an_error_view_with_a_reload_link() {
    cankao::web::show_panic("panicked at src/somewhere.rs: <b>boom</b>");
    let panel = document().get_element_by_id("panic").expect("error view");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        panel.query_selector("a[href]").unwrap().is_some(),
        "a reload link"
    );
    // The panic message is shown as text, never as markup.
    assert!(panel.query_selector("b").unwrap().is_none());
    assert!(panel.text_content().unwrap().contains("<b>boom</b>"));
    // A second panic does not stack a second view.
    cankao::web::show_panic("again");
    assert_eq!(document().query_selector_all("#panic").unwrap().length(), 1);
}
