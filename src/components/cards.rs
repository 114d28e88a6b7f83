//! Item cards: the list entry of a policy or any other item.

use leptos::prelude::*;

use crate::app::use_library;
use crate::components::saved::StarButton;
use crate::core::corpus::Policy;
use crate::core::items::ItemRef;
use crate::i18n::{lang_of, place_name, use_lang};

/// Theme chips, each a link to the policies on that theme.
#[component]
pub fn ThemeChips(themes: Vec<String>) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    themes
        .into_iter()
        .filter_map(|key| library.corpus.theme(&key).cloned())
        .map(|t| {
            let href = format!("policies/?theme={}", t.key);
            view! {
                <a class="tag" href=href>{move || t.name_in(lang.get() == crate::i18n::Lang::En).to_string()}</a>
            }
        })
        .collect_view()
}

#[component]
pub fn PolicyCard(policy: Policy, themes: Vec<String>) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let region = library.corpus.region(&policy.region).map(place_name);
    let href = ItemRef::Policy(&policy).path();
    let level = policy.level;
    view! {
        <li class="card" data-testid="policy-item" data-id=policy.id.clone()>
            <div class="card-head">
                <a class="card-title" lang="zh-CN" href=href data-testid="policy-link">{policy.short_title.clone()}</a>
                <StarButton id=policy.id.clone()/>
            </div>
            <p class="meta">
                <span class=format!("badge level-{}", level.key())>{move || level.name_in(lang.get() == crate::i18n::Lang::En)}</span>
                " "{region}" · "<time datetime=policy.date.clone()>{policy.date.clone()}</time>
                {policy.doc_number.clone().map(|n| view! { " · "<span class="docno" lang="zh-CN">{n}</span> })}
            </p>
            <p class="issuers meta" lang="zh-CN">{policy.issuers_text("　")}</p>
            <p class="tags"><ThemeChips themes/></p>
        </li>
    }
}

/// Characters of an expert's first sentence on a card: about two lines on a phone.
const CARD_LEAD: usize = 48;

/// A card for any item that is not a policy.
#[component]
pub fn ItemCard(#[prop(into)] id: String) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let Some((issue, item)) = library.corpus.item(&id) else {
        return ().into_any();
    };
    if let ItemRef::Policy(p) = item {
        return view! { <PolicyCard policy=p.clone() themes=issue.themes_of(&p.id).to_vec()/> }
            .into_any();
    }
    let kind = item.kind();
    let href = item.path();
    let title = item.title().to_string();
    let sub = match item {
        ItemRef::Recommendation(r) => r.position.clone(),
        ItemRef::Article(a) => a.outlet.clone(),
        _ => String::new(),
    };
    let lead = item.lead(CARD_LEAD);
    let themes = issue.themes_of(&id).to_vec();
    view! {
        <li class="card" data-testid="item-card" data-id=id.clone()>
            <div class="card-head">
                <a class="card-title" lang="zh-CN" href=href>{title}</a>
                <StarButton id=id.clone()/>
            </div>
            <p class="meta">
                <span class="badge">{move || if lang.get() == crate::i18n::Lang::En { kind.en() } else { kind.zh() }}</span>
                {(!sub.is_empty()).then(|| {
                    let sub_lang = lang_of(&sub);
                    view! { " "<span lang=sub_lang>{sub}</span> }
                })}
            </p>
            {lead.map(|lead| view! { <p class="card-lead" lang="zh-CN" data-testid="card-lead">{lead}</p> })}
            <p class="tags"><ThemeChips themes/></p>
        </li>
    }
    .into_any()
}
