//! Links to the item before and the item after, of the same kind, in the printed issue's order.

use leptos::prelude::*;

use crate::app::use_library;
use crate::core::items::ItemRef;
use crate::i18n::tr;

/// "上一项 / 下一项" under an item: a reader going through the city policies or the six
/// problems one by one need not go back to the list each time.
#[component]
pub fn Neighbours(id: String) -> impl IntoView {
    let library = use_library();
    let (before, after) = library
        .find(&id)
        .map_or((None, None), |(issue, _)| issue.neighbours(&id));
    let link = |item: Option<ItemRef<'_>>, rel: &'static str, label, testid: &'static str| {
        item.map(|item| {
            view! {
                <a class=format!("neighbour {rel}") href=item.path() rel=rel data-testid=testid>
                    <span class="meta">{label}</span>
                    <span class="neighbour-title" lang="zh-CN">{item.title_as_name().to_string()}</span>
                </a>
            }
        })
    };
    (before.is_some() || after.is_some()).then(|| {
        view! {
            <nav class="neighbours no-print" aria-label=tr("同类的上一项与下一项", "Previous and next of this kind")>
                <p class="meta neighbours-order">{tr("按《参考》中的编排顺序", "In the order of the printed issue")}</p>
                {link(before, "prev", tr("上一项", "Previous"), "previous-item")}
                {link(after, "next", tr("下一项", "Next"), "next-item")}
            </nav>
        }
    })
}
