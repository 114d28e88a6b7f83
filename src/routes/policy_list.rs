//! The policy list: search, facets with live counts, removable chips, sort and export.
//! Every bit of state lives in the query string, so a view is a link and back/forward work.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::app::use_library;
use crate::components::cards::PolicyCard;
use crate::components::share::ShareBar;
use crate::core::corpus::Level;
use crate::core::items::ItemRef;
use crate::core::listing::{list, policies_csv, Facet, ListState, Sort};
use crate::core::search::search_href;
use crate::i18n::{count_en, lang_of, tr, use_lang, Lang};
use crate::web::{app_root_url, download};
use wasm_bindgen::JsCast;

/// Changes the list's URL; typing replaces the history entry instead of adding one per key.
/// The path is the router's (it adds the app's root, so `app_path` would add it twice).
fn go(state: &ListState, replace: bool) {
    let navigate = use_navigate();
    navigate(
        &format!("/{}", state.href()),
        NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        },
    );
}

fn facet_title(facet: Facet, lang: Lang) -> &'static str {
    match facet {
        Facet::Level => lang.pick("层级", "Level"),
        Facet::Region => lang.pick("地区", "Region"),
        Facet::Year => lang.pick("年份", "Year"),
        Facet::Issuer => lang.pick("发文机关", "Issuer"),
        Facet::Theme => lang.pick("主题", "Theme"),
    }
}

/// How a facet value reads to people.
fn value_label(
    library: &crate::core::library::Library,
    facet: Facet,
    value: &str,
    lang: Lang,
) -> String {
    match facet {
        Facet::Level => Level::from_key(value).map_or(value.to_string(), |l| {
            l.name_in(lang == Lang::En).to_string()
        }),
        Facet::Region => library.corpus.region(value).map_or(value.to_string(), |r| {
            r.name_in(lang == Lang::En).to_string()
        }),
        Facet::Theme => library
            .corpus
            .theme(value)
            .map_or(value.to_string(), |t| match lang {
                Lang::Zh => t.zh.clone(),
                Lang::En => t.en.clone(),
            }),
        Facet::Year | Facet::Issuer => value.to_string(),
    }
}

/// The list's query and each chosen filter value, as the reader reads them, each with the
/// state that drops it (the chips' removal).
fn active_filters(
    library: &crate::core::library::Library,
    s: &ListState,
    lang: Lang,
) -> Vec<(String, ListState)> {
    let mut filters = Vec::new();
    if !s.q.is_empty() {
        let mut next = s.clone();
        next.q.clear();
        filters.push((format!("“{}”", s.q), next));
    }
    for facet in Facet::ALL {
        for value in s.selected(facet) {
            let mut next = s.clone();
            next.toggle(facet, &value);
            filters.push((value_label(library, facet, &value, lang), next));
        }
    }
    filters
}

fn sort_label(sort: Sort, lang: Lang) -> &'static str {
    match sort {
        Sort::DateDesc => lang.pick("按日期（新→旧）", "Newest first"),
        Sort::DateAsc => lang.pick("按日期（旧→新）", "Oldest first"),
        Sort::Level => lang.pick("按层级", "By level"),
        Sort::Relevance => lang.pick("按相关度", "Best match"),
    }
}

/// Policy cards drawn at first and per "show more".
const LIST_PAGE: usize = 50;

#[component]
pub fn PolicyList() -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let location = use_location();
    let state = Memo::new(move |_| ListState::from_query(&location.search.get()));
    let sheet_open = RwSignal::new(false);
    // The sheet behaves as a dialog on phones: focus goes into it when it opens and back to its
    // button when it closes; Escape closes it.
    let open_button = NodeRef::<leptos::html::Button>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |was_open: Option<bool>| {
        let open = sheet_open.get();
        if open || was_open == Some(true) {
            let button = if open { close_button } else { open_button };
            crate::web::focus_after_paint(move || button.get_untracked().map(Into::into));
        }
        open
    });
    let sheet = NodeRef::<leptos::html::Aside>::new();
    // Beside the list on wide screens, the filters come first in the page: a keyboard can go
    // past their hundred checkboxes to the results at once.
    let results_list = NodeRef::<leptos::html::Ol>::new();
    let to_results = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some(list) = results_list.get_untracked() {
            let _ = list.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if !sheet_open.get_untracked() {
            return;
        }
        if ev.key() == "Escape" {
            sheet_open.set(false);
        } else if ev.key() == "Tab" {
            // Open, the sheet is a dialog over the list: Tab goes round its own controls, not
            // on to the cards hidden behind it.
            let Some(controls) = sheet
                .get_untracked()
                .and_then(|s| s.query_selector_all("button, input:not([disabled])").ok())
            else {
                return;
            };
            let first = controls.get(0);
            let last = controls.get(controls.length().saturating_sub(1));
            let active = document().active_element();
            let is_active = |n: &Option<web_sys::Node>| {
                n.as_ref()
                    .zip(active.as_ref())
                    .is_some_and(|(n, a)| n.is_same_node(Some(a)))
            };
            let to = match ev.shift_key() {
                true if is_active(&first) => last,
                false if is_active(&last) => first,
                _ => None,
            };
            if let Some(to) = to.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                ev.prevent_default();
                let _ = to.focus();
            }
        }
    };

    let lib = library.clone();
    let listing = Memo::new(move |_| list(&lib.corpus, &lib.index, &state.get()).summary());

    // Cards are drawn a page at a time: a long list (a series of many issues) costs no more
    // to show than its first page.
    let shown = RwSignal::new(LIST_PAGE);
    Effect::watch(
        move || state.get(),
        move |_, _, _| shown.set(LIST_PAGE),
        false,
    );
    let lib = library.clone();
    let results = move || {
        listing
            .get()
            .ids
            .iter()
            .take(shown.get())
            .filter_map(|id| match lib.find(id) {
                Some((issue, ItemRef::Policy(p))) => {
                    Some((p.clone(), issue.themes_of(id).to_vec()))
                }
                _ => None,
            })
            .map(|(policy, themes)| view! { <PolicyCard policy themes/> })
            .collect_view()
    };

    let lib = library.clone();
    let facets = move || {
        let s = state.get();
        let lang_now = lang.get();
        listing
            .get()
            .facets
            .into_iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(facet, values)| {
                let items = values
                    .into_iter()
                    .map(|v| {
                        let label = value_label(&lib, facet, &v.value, lang_now);
                        let label_lang = lang_of(&label);
                        let value = v.value.clone();
                        let current = s.clone();
                        let testid = format!("facet-{}-{}", facet.key(), v.value);
                        view! {
                            <li>
                                <label class="facet-value">
                                    <input type="checkbox" data-testid=testid prop:checked=v.selected
                                        disabled=v.count == 0 && !v.selected
                                        on:change=move |_| {
                                            let mut next = current.clone();
                                            next.toggle(facet, &value);
                                            go(&next, false);
                                        }/>
                                    <span class="facet-label" lang=label_lang>{label}</span>
                                    <span class="count">{v.count}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="facet" data-testid=format!("facet-{}", facet.key())>
                        <legend>{facet_title(facet, lang_now)}</legend>
                        <ul class="plain">{items}</ul>
                    </fieldset>
                }
            })
            .collect_view()
    };

    let lib = library.clone();
    let chips = move || {
        let s = state.get();
        let lang_now = lang.get();
        let chips = active_filters(&lib, &s, lang_now);
        let any = !chips.is_empty();
        let clear = ListState {
            sort: s.sort,
            ..ListState::default()
        };
        view! {
            <div class="chips" data-testid="chips" hidden=!any>
                {chips
                    .into_iter()
                    .map(|(label, next)| {
                        let aria = format!("{} {}", lang_now.pick("移除筛选", "Remove filter"), label);
                        view! {
                            <button type="button" class="chip" data-testid="chip" aria-label=aria
                                on:click=move |_| go(&next, false)>
                                {label}<span class="no-print" aria-hidden="true">" ×"</span>
                            </button>
                        }
                    })
                    .collect_view()}
                <button type="button" class="chip clear" data-testid="clear-filters"
                    on:click=move |_| go(&clear, false)>{tr("清除全部", "Clear all")}</button>
            </div>
        }
    };

    let lib = library.clone();
    let export = move |format: &'static str| {
        let s = state.get_untracked();
        let l = list(&lib.corpus, &lib.index, &s);
        match format {
            "csv" => download(
                "cankao-policies.csv",
                "text/csv;charset=utf-8",
                &policies_csv(&l.rows, &app_root_url(), lang.get_untracked() == Lang::En),
            ),
            _ => {
                let policies: Vec<_> = l.rows.iter().map(|r| r.policy).collect();
                download(
                    "cankao-policies.json",
                    "application/json",
                    &serde_json::to_string_pretty(&policies).unwrap_or_default(),
                )
            }
        }
    };
    let export_csv = export.clone();

    // Typing replaces the history entry that typing made, so that Back undoes a query as a
    // whole; the first keystroke after any other change (a filter, the sort) adds one.
    let typed = StoredValue::new(None::<ListState>);
    let on_search = move |ev: leptos::ev::Event| {
        let replace = typed.with_value(|t| t.as_ref() == Some(&state.get_untracked()));
        let mut next = state.get_untracked();
        next.q = event_target_value(&ev)
            .chars()
            .take(crate::core::listing::MAX_Q)
            .collect();
        if !next.q.is_empty() && next.sort == Sort::DateDesc {
            next.sort = Sort::Relevance;
        } else if next.q.is_empty() && next.sort == Sort::Relevance {
            next.sort = Sort::DateDesc;
        }
        go(&next, replace);
        typed.set_value(Some(next));
    };

    // Nothing found: the way out, the filters dropped (the query kept), and the query across
    // every kind of item.
    let no_results = move || {
        listing.with(|l| l.ids.is_empty()).then(|| {
            let s = state.get();
            let en = lang.get() == Lang::En;
            let unfiltered = ListState {
                q: s.q.clone(),
                ..ListState::default()
            };
            let has_facets = ListState {
                sort: Sort::default(),
                ..s.clone()
            } != unfiltered;
            let clear = has_facets.then(|| {
                let href = unfiltered.href();
                view! {
                    <li><a class="more" href=href data-testid="no-results-clear">
                        {if en { "Clear the filters" } else { "清除筛选条件" }}
                    </a></li>
                }
            });
            let everything = (!s.q.is_empty()).then(|| {
                let href = search_href(&s.q, None);
                let label = if en {
                    format!("Search everything for “{}”", s.q)
                } else {
                    format!("在全部内容中搜索「{}」", s.q)
                };
                view! { <li><a class="more" href=href data-testid="no-results-search">{label}</a></li> }
            });
            let said = if en {
                "No policy document matches all of these conditions."
            } else {
                "没有同时符合这些条件的政策文件。"
            };
            view! {
                <div class="no-results" data-testid="no-results">
                    <p>{said}</p>
                    <ul class="plain">{clear}{everything}</ul>
                </div>
            }
        })
    };
    // What a filtered list holds, in a line: the page's title (a share from the browser's menu
    // takes it) and the text in front of a link sent from its share bar.
    let lib = library.clone();
    let filtered = Memo::new(move |_| {
        let s = state.get();
        let lang_now = lang.get();
        let filters = active_filters(&lib, &s, lang_now);
        (!filters.is_empty()).then(|| {
            let labels: Vec<String> = filters.into_iter().map(|(label, _)| label).collect();
            let n = listing.with(|l| l.ids.len());
            let line = match lang_now {
                Lang::Zh => format!("政策文件：{}（{n} 份）", labels.join(" · ")),
                Lang::En => format!("Policy documents: {} ({n})", labels.join(" · ")),
            };
            (line, s.href())
        })
    });
    let title = move || match filtered.get() {
        Some((line, _)) => line,
        None => lang.get().pick("政策文件", "Policy documents").to_string(),
    };
    // An empty list is not worth sending on: the reader is shown the way out instead.
    let share = move || {
        let found = listing.with(|l| !l.ids.is_empty());
        filtered.get().filter(|_| found).map(|(line, path)| {
            view! { <ShareBar title=format!("《参考》{line}") path/> }
        })
    };
    view! {
        <Title text=title/>
        <section class="policy-list" data-testid="policy-list" on:keydown=on_key>
            <h1>{tr("政策文件", "Policy documents")}</h1>
            <form role="search" class="searchbar" on:submit=|ev| ev.prevent_default()>
                <label for="list-q" class="visually-hidden">{tr("在政策中搜索", "Search policies")}</label>
                <input id="list-q" type="search" data-testid="list-search" autocomplete="off"
                    enterkeyhint="search"
                    placeholder=tr("标题、文号、机关、拼音…", "Title, doc number, issuer, pinyin…")
                    prop:value=move || state.get().q on:input=on_search/>
            </form>
            <div class="list-tools">
                <button type="button" class="filters-open" data-testid="open-filters" node_ref=open_button
                    aria-expanded=move || sheet_open.get().to_string() aria-controls="facets"
                    on:click=move |_| sheet_open.set(true)>{tr("筛选", "Filters")}</button>
                <label class="sort">
                    <span class="visually-hidden">{tr("排序", "Sort")}</span>
                    <select data-testid="sort" on:change=move |ev| {
                        let mut next = state.get_untracked();
                        next.sort = Sort::from_key(&event_target_value(&ev)).unwrap_or_default();
                        go(&next, false);
                    }>
                        {move || {
                            let current = state.get().sort;
                            Sort::ALL
                                .into_iter()
                                .map(|s| view! {
                                    <option value=s.key() selected=s == current>{sort_label(s, lang.get())}</option>
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button type="button" data-testid="export-csv" on:click=move |_| export_csv("csv")>
                    {tr("导出 CSV", "CSV")}
                </button>
                <button type="button" data-testid="export-json" on:click=move |_| export("json")>
                    {tr("导出 JSON", "JSON")}
                </button>
            </div>
            {chips}
            <p class="result-count" role="status" aria-live="polite" data-testid="result-count">
                {move || {
                    let n = listing.with(|l| l.ids.len());
                    match lang.get() {
                        Lang::Zh => format!("共 {n} 份政策文件"),
                        Lang::En => count_en(n, "policy document", "policy documents"),
                    }
                }}
            </p>
            {share}
            {no_results}
            <div class="list-layout">
                <div class="sheet-backdrop" hidden=move || !sheet_open.get() on:click=move |_| sheet_open.set(false)></div>
                <aside id="facets" class="facets" data-testid="facets" class:open=move || sheet_open.get()
                    node_ref=sheet aria-label=tr("筛选条件", "Filters")
                    role=move || sheet_open.get().then_some("dialog")
                    aria-modal=move || sheet_open.get().then_some("true")>
                    <a class="skip-to-results" href="#results" data-testid="skip-to-results" on:click=to_results>
                        {tr("跳过筛选，到结果", "Skip the filters to the results")}
                    </a>
                    <div class="sheet-head">
                        <h2>{tr("筛选", "Filters")}</h2>
                        <button type="button" class="sheet-close" data-testid="close-filters" node_ref=close_button
                            on:click=move |_| sheet_open.set(false)>{tr("完成", "Done")}</button>
                    </div>
                    {facets}
                </aside>
                <div class="list-main">
                    <ol class="cards plain" id="results" tabindex="-1" node_ref=results_list data-testid="policy-results">{results}</ol>
                    {move || {
                        let rest = listing.with(|l| l.ids.len()).saturating_sub(shown.get());
                        (rest > 0).then(|| view! {
                            <button type="button" class="more" data-testid="show-more"
                                on:click=move |_| shown.update(|n| *n += LIST_PAGE)>
                                {move || match lang.get() {
                                    Lang::Zh => format!("再显示 {} 份（还有 {rest} 份）", rest.min(LIST_PAGE)),
                                    Lang::En => format!("Show {} more ({rest} left)", rest.min(LIST_PAGE)),
                                }}
                            </button>
                        })
                    }}
                </div>
            </div>
        </section>
    }
}
