//! The page frame: skip link, header with navigation and language switch, main landmark.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::saved::StorageNoticeBar;
use crate::core::url::nav_section;
use crate::i18n::{tr, use_lang, Lang};

/// Text sizes a reader can choose (北大法宝's 小字/大字), kept in localStorage: the key (the
/// style sheet's `data-size`), what the button shows and the size it is, in percent.
const SIZES: [(&str, &str, u32); 3] = [
    ("normal", "A", 100),
    ("large", "A+", 120),
    ("xlarge", "A++", 140),
];
const SIZE_KEY: &str = "cankao.size";

fn apply_size(size: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-size", size);
    }
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let lang = use_lang();
    let stored =
        crate::storage::get(SIZE_KEY).and_then(|s| SIZES.iter().position(|(key, ..)| *key == s));
    // An index into SIZES.
    let size = RwSignal::new(stored.unwrap_or(0));
    Effect::new(move |_| {
        let (key, ..) = SIZES[size.get()];
        apply_size(key);
        crate::storage::set(SIZE_KEY, key);
    });
    let next_size = move |_| size.update(|at| *at = (*at + 1) % SIZES.len());
    let toggle = move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });
    // Where the reader is: the section's entry is marked, and scrolled into the strip on phones
    // (the header shows three of its eight entries at 360 px).
    let location = use_location();
    let base = crate::data::router_base();
    let current = Memo::new(move |_| {
        let path = location.pathname.get();
        nav_section(path.strip_prefix(base.as_str()).unwrap_or(&path))
    });
    Effect::new(move |_| {
        if current.get().is_some() {
            crate::web::reveal_current_nav();
        }
    });
    // A new page, not the same one with other filters: the focus goes to its content.
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        if first.is_some() {
            crate::web::focus_main();
        }
    });
    // The base URL would make `#main` the app's home: the skip link moves the focus itself.
    let skip = |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        crate::web::focus_main();
    };
    let here =
        move |section: &'static str| move || (current.get() == Some(section)).then_some("page");
    let printed_from = move || {
        location.pathname.track();
        location.search.track();
        web_sys::window().and_then(|w| w.location().href().ok())
    };
    view! {
        <a class="skip" href="#main" on:click=skip>{tr("跳到正文", "Skip to content")}</a>
        <header class="top">
            <a class="brand" href="./" data-testid="brand">
                <span class="brand-mark" aria-hidden="true">"参"</span>
                <span>{tr("参考", "Cankao")}</span>
            </a>
            <nav aria-label=tr("主导航", "Main")>
                <a href="policies/" aria-current=here("policies") data-testid="nav-policies">{tr("政策", "Policies")}</a>
                <a href="search/" aria-current=here("search") data-testid="nav-search">{tr("搜索", "Search")}</a>
                <a href="problems/" aria-current=here("problems") data-testid="nav-problems">{tr("问题", "Problems")}</a>
                <a href="compare/" aria-current=here("compare") data-testid="nav-compare">{tr("比较", "Compare")}</a>
                <a href="map/" aria-current=here("map") data-testid="nav-map">{tr("地图", "Map")}</a>
                <a href="matrix/" aria-current=here("matrix") data-testid="nav-matrix">{tr("主题", "Themes")}</a>
                <a href="timeline/" aria-current=here("timeline") data-testid="nav-timeline">{tr("时间线", "Timeline")}</a>
                <a href="saved/" aria-current=here("saved") data-testid="nav-saved">{tr("收藏", "Saved")}</a>
            </nav>
            <button type="button" class="size" data-testid="size-toggle" on:click=next_size
                aria-label=move || {
                    // The size it is now, which the button's A, A+ or A++ shows the eye.
                    let (.., percent) = SIZES[size.get()];
                    match lang.get() {
                        Lang::Zh => format!("调整字号（现为 {percent}%）"),
                        Lang::En => format!("Text size (now {percent}%)"),
                    }
                }>
                <span aria-hidden="true">{move || SIZES[size.get()].1}</span>
            </button>
            <button type="button" class="lang" data-testid="lang-toggle" on:click=toggle
                aria-label=tr("EN · switch the interface to English", "中 · 切换为中文界面")>
                {move || lang.get().pick("EN", "中")}
            </button>
        </header>
        <StorageNoticeBar/>
        <main id="main" tabindex="-1">{children()}</main>
        // On paper the view's link is the way back to it.
        <p class="print-only" data-testid="print-url">
            {tr("本页链接：", "This page: ")}{printed_from}
        </p>
    }
}
