//! Saved items (收藏), and lists shared as links (`saved/?ids=a,b`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::components::cards::ItemCard;
use crate::components::saved::use_saved;
use crate::components::share::ShareBar;
use crate::core::cite::reading_list_csv;
use crate::core::saved::from_param;
use crate::core::url::{format_query, parse_query};
use crate::i18n::{tr, use_lang, Lang};
use crate::web::{app_root_url, download, today};

#[component]
pub fn SavedPage() -> impl IntoView {
    let store = use_saved();
    let location = use_location();
    // A shared list in the URL is shown as it is; otherwise this browser's saved items.
    let shared = Memo::new(move |_| {
        parse_query(&location.search.get())
            .into_iter()
            .find(|(k, _)| k == "ids")
            .map(|(_, v)| from_param(&v))
    });
    let library = crate::app::use_library();
    let lang = use_lang();
    // Ids this corpus does not know (removed items, a hand-edited link) are left out.
    let known = library.clone();
    let ids = move || {
        let all = shared.get().unwrap_or_else(|| store.ids.get());
        all.into_iter()
            .filter(|id| known.find(id).is_some())
            .collect::<Vec<_>>()
    };
    view! {
        <Title text=tr("收藏", "Saved")/>
        <h1>{move || if shared.get().is_some() { tr("别人分享的收藏", "A shared list")() } else { tr("我的收藏", "Saved items")() }}</h1>
        {move || {
            let ids = ids();
            if ids.is_empty() {
                // A shared list whose items this library does not hold (a cut or hand-edited
                // link, items since removed) is not the reader's own empty list.
                let text = if shared.get().is_some() {
                    tr("这个分享链接里的条目都找不到了：链接可能不完整，或条目已被移除。", "None of the items in this shared link can be found: the link may be cut short, or the items removed.")
                } else {
                    tr("还没有收藏。点击条目旁的 ☆ 即可收藏。", "Nothing saved yet. Tap ☆ next to any item.")
                };
                return view! { <p data-testid="saved-empty">{text}</p> }.into_any();
            }
            let path = format!("saved/{}", format_query(&[("ids", ids.join(","))]));
            let is_shared = shared.get().is_some();
            // The list with each item's citation: a report's references, ready to paste.
            let export = {
                let (library, ids) = (library.clone(), ids.clone());
                move |_| {
                    let items: Vec<_> = ids.iter().filter_map(|id| library.find(id)).collect();
                    let doc = reading_list_csv(
                        &library.corpus.registry.series,
                        &items,
                        &app_root_url(),
                        &today(),
                        lang.get_untracked() == Lang::En,
                    );
                    download("cankao-saved.csv", "text/csv;charset=utf-8", &doc);
                }
            };
            view! {
                <ul class="cards plain" data-testid="saved-list">{ids.into_iter().map(|id| view! { <ItemCard id/> }).collect_view()}</ul>
                <p class="cx-downloads">
                    <button type="button" data-testid="saved-csv" on:click=export>
                        {tr("导出清单（CSV，含引文）", "Download the list (CSV, with citations)")}
                    </button>
                </p>
                {(!is_shared).then(|| view! {
                    <h2>{tr("把这份清单发给别人", "Send this list")}</h2>
                    <ShareBar title="《参考》收藏清单" path/>
                })}
            }
            .into_any()
        }}
    }
}
