//! The page frame: skip link, header with navigation and language switch, main landmark.

use leptos::prelude::*;

use crate::components::saved::StorageNoticeBar;
use crate::i18n::{tr, use_lang, Lang};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let lang = use_lang();
    let toggle = move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });
    view! {
        <a class="skip" href="#main">{tr("跳到正文", "Skip to content")}</a>
        <header class="top">
            <a class="brand" href="./" data-testid="brand">
                <span class="brand-mark" aria-hidden="true">"参"</span>
                <span>{tr("参考", "Cankao")}</span>
            </a>
            <nav aria-label=tr("主导航", "Main")>
                <a href="policies" data-testid="nav-policies">{tr("政策", "Policies")}</a>
                <a href="search" data-testid="nav-search">{tr("搜索", "Search")}</a>
                <a href="problems" data-testid="nav-problems">{tr("问题", "Problems")}</a>
                <a href="compare" data-testid="nav-compare">{tr("比较", "Compare")}</a>
                <a href="map" data-testid="nav-map">{tr("地图", "Map")}</a>
                <a href="saved" data-testid="nav-saved">{tr("收藏", "Saved")}</a>
            </nav>
            <button type="button" class="lang" data-testid="lang-toggle" on:click=toggle
                aria-label=tr("Switch interface to English", "切换为中文界面")>
                {move || lang.get().pick("EN", "中")}
            </button>
        </header>
        <StorageNoticeBar/>
        <main id="main" tabindex="-1">{children()}</main>
    }
}
