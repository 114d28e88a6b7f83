//! Search across every kind of item: results grouped by kind, ranked, with a snippet around
//! each match and the match marked. The query lives in the URL (`search/?q=…`).

use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use wasm_bindgen::JsCast;

use crate::components::saved::{star_label, use_saved};
use crate::components::share::ShareBar;
use crate::core::hits_html::{hits_html, HitsView};
use crate::core::saved::star_glyph;
use crate::core::search::{hits_csv, search_href, Group, NameKind};
use crate::core::url::parse_query;
use crate::i18n::{count_en, tr, use_lang, Lang};
use crate::store::use_store;
use crate::web::{after_next_paint, app_path, app_root_url, download, measured, replace_url};

/// The query text of a search URL (`q`), cut to a sane length; other parameters are ignored.
pub fn query_of(search: &str) -> String {
    parse_query(search)
        .into_iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.chars().take(crate::core::listing::MAX_Q).collect())
        .unwrap_or_default()
}

/// Hits listed per group when every group is shown.
const PER_GROUP: usize = 5;
/// Hits listed when one group is shown.
const GROUP_LIMIT: usize = 200;
/// Cards drawn before the first paint after a keystroke: about a phone screen's worth.
const FIRST_CARDS: usize = 5;

/// How long typing pauses before the address bar takes the query.
const URL_PAUSE: Duration = Duration::from_millis(300);

/// The group a search URL narrows to (`group`), if it names one.
fn group_of(search: &str) -> Option<Group> {
    let key = parse_query(search)
        .into_iter()
        .find(|(k, _)| k == "group")
        .map(|(_, v)| v)?;
    Group::all().into_iter().find(|g| g.key() == key)
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let store = use_store();
    let saved = use_saved();
    store.load_catalog();
    let lang = use_lang();
    let location = use_location();
    // The query as typed. A keystroke rewrites the URL in place instead of navigating (a
    // router navigation per keystroke cost more than the search); links and back/forward
    // still set the query through the URL.
    let typed = RwSignal::new(query_of(&location.search.get_untracked()));
    // The query the address holds: what the page's title names and its share bar sends. It
    // follows the typing only when the address does (once typing pauses), not per keystroke.
    let written = RwSignal::new(typed.get_untracked());
    // Results drawn for a keystroke come in two parts (the first screen at once, the rest after
    // the paint). Drawn for an address (opened, or come back to), they come whole: the browser
    // puts a reader who comes back where they were only if the page is that long.
    let typing = StoredValue::new(false);
    Effect::watch(
        move || location.search.get(),
        move |search, _, _| {
            typing.set_value(false);
            typed.set(query_of(search));
            written.set(query_of(search));
        },
        false,
    );
    // Searched once per keystroke: as typed, or cut apart at the names it holds where that
    // finds nothing; the query found is the snippets' too. Follows the library: results widen
    // as the other issues' catalog and texts arrive.
    let found = Memo::new(move |_| {
        typed.with(|typed| {
            store
                .library
                .with(|lib| measured("cankao-search", || lib.index.find(typed)))
        })
    });
    let coverage = move || {
        let outlined = store.library.with(|lib| lib.outlined_count());
        (outlined > 0).then(|| {
            let text = match lang.get() {
                Lang::Zh => format!("另有 {outlined} 期只载入了目录：其中的内容按标题、文号、发文机关、地区和主题检索；打开其中一项后，那一期的正文也可检索。"),
                Lang::En => format!("{outlined} more issues are loaded as a catalog only: their items are found by title, document number, issuer, region and theme; once you open one, that issue's text is searched too."),
            };
            view! { <p class="meta" data-testid="search-coverage">{text}</p> }
        })
    };
    let only = Memo::new(move |_| group_of(&location.search.get()));
    let href_for = move |group: Option<Group>| search_href(&typed.get_untracked(), group);
    // The address bar takes the query once typing pauses, or at once when the box loses focus
    // (a tap on a result or a link blurs it before the navigation) or the form is submitted:
    // rewriting it on every keystroke cost the keystroke more main-thread time than the search.
    let url_timer = StoredValue::new(None::<TimeoutHandle>);
    // Only while the router is still on this page: the box also loses focus when the page is
    // taken down after back or forward, and the address is then the next page's.
    let search_path = StoredValue::new(location.pathname.get_untracked());
    let write_url = move || {
        let still_here = location
            .pathname
            .try_get_untracked()
            .is_some_and(|here| search_path.try_with_value(|path| *path == here) == Some(true));
        if !still_here {
            return;
        }
        if let (Some(query), Some(only)) = (typed.try_get_untracked(), only.try_get_untracked()) {
            replace_url(&app_path(&search_href(&query, only)));
            written.set(query);
        }
    };
    let cancel_url = move || {
        if let Some(timer) = url_timer.try_update_value(Option::take).flatten() {
            timer.clear();
            true
        } else {
            false
        }
    };
    let flush_url = move || {
        if cancel_url() {
            write_url();
        }
    };
    // Leaving the page some other way (back, forward) must not write this page's address over
    // the next one's.
    on_cleanup(move || {
        cancel_url();
    });
    let on_input = move |ev: leptos::ev::Event| {
        typing.set_value(true);
        typed.set(event_target_value(&ev));
        cancel_url();
        let timer = set_timeout_with_handle(
            move || {
                url_timer.set_value(None);
                write_url();
            },
            URL_PAUSE,
        );
        url_timer.set_value(timer.ok());
    };
    // Only the hits shown get a card and a snippet: a few per group on the overview, more
    // in one group's own view. A keystroke then costs the same at any corpus size. The saved
    // stars are read, not followed: a star pressed here updates itself (`on_star`), so the
    // results are not redrawn under the reader's finger (or keyboard focus).
    let results = Memo::new(move |_| {
        let lang = lang.get();
        let only = only.get();
        let see_all = move |n: usize| match lang {
            Lang::Zh => format!("查看全部 {n} 条"),
            Lang::En => format!("See all {n}"),
        };
        let limited = match lang {
            Lang::Zh => format!("只列出最相关的 {GROUP_LIMIT} 条；加一个词可以缩小范围。"),
            Lang::En => format!(
                "Only the {GROUP_LIMIT} best matches are listed; add a word to narrow the search."
            ),
        };
        let group_name = |g: Group| if lang == Lang::En { g.en() } else { g.zh() };
        let group_href = |g| href_for(Some(g));
        let saved_now = |id: &str| untrack(|| saved.contains(id));
        let star = |on| star_label(lang, on);
        let name_label = |k: NameKind| match lang {
            Lang::Zh => k.zh_label(),
            Lang::En => k.en_label(),
        };
        found.with(|found| {
            store.library.with(|lib| {
                let region_name = |id: &str| {
                    lib.corpus
                        .region(id)
                        .map_or(String::new(), |r| r.name_in(lang == Lang::En).to_string())
                };
                let view = HitsView {
                    only,
                    per_group: PER_GROUP,
                    group_limit: GROUP_LIMIT,
                    first_cards: if typing.get_value() {
                        FIRST_CARDS
                    } else {
                        usize::MAX
                    },
                    group_name: &group_name,
                    group_href: &group_href,
                    see_all: &see_all,
                    limited: &limited,
                    saved: &saved_now,
                    star_label: &star,
                    name_label: &name_label,
                    region_name: &region_name,
                    en: lang == Lang::En,
                };
                hits_html(&lib.index, &found.hits, &found.query, &view)
            })
        })
    });
    // The cards past the first screen are appended once the first ones have been painted, unless
    // another keystroke has changed the results by then.
    let hits_box = NodeRef::<leptos::html::Div>::new();
    let drawn = StoredValue::new(0u64);
    Effect::new(move |_| {
        let rest = results.with(|r| r.rest.clone());
        let turn = drawn.get_value() + 1;
        drawn.set_value(turn);
        leptos::task::spawn_local(async move {
            after_next_paint().await;
            // The reader may have left the page by then: its values are gone, not an error.
            let current = drawn.try_get_value() == Some(turn);
            let Some(hits_box) = hits_box.try_get_untracked().flatten().filter(|_| current) else {
                return;
            };
            // The first part may be unchanged (and not redrawn) while the rest changed.
            if let Ok(Some(earlier)) = hits_box.query_selector(":scope > .hits-rest") {
                earlier.remove();
            }
            if !rest.is_empty() {
                let _ = hits_box.insert_adjacent_html("beforeend", &rest);
            }
        });
    });
    let on_star = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button.star").ok().flatten())
        else {
            return;
        };
        let Some(id) = button.get_attribute("data-id") else {
            return;
        };
        saved.toggle(&id);
        let on = saved.contains(&id);
        let label = star_label(lang.get_untracked(), on);
        let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        let _ = button.set_attribute("aria-label", label);
        let _ = button.set_attribute("title", label);
        if let Some(glyph) = button.first_element_child() {
            glyph.set_text_content(Some(star_glyph(on)));
        }
    };
    let back = move || {
        only.get().map(|_| {
            view! {
                <a class="more" href=href_for(None) data-testid="all-groups">{tr("← 所有类别的结果", "← Results of every kind")}</a>
            }
        })
    };
    // What was typed found nothing, its words apart did: the reader is told what was searched.
    let apart = move || {
        let apart = found.with(|f| f.apart.clone())?;
        let typed = typed.get();
        let text = match lang.get() {
            Lang::Zh => format!("“{typed}”原样没有找到，下面是把它分成“{apart}”搜索的结果。"),
            Lang::En => format!("Nothing matches “{typed}” as typed: these are the results for its words apart, “{apart}”."),
        };
        Some(view! { <p class="meta" data-testid="search-apart">{text}</p> })
    };
    // Nothing found: what to try instead, and the query's words that find something alone.
    let no_results = move || {
        let input = typed.get();
        found.with(|f| !f.query.is_empty() && f.hits.is_empty()).then(|| {
            let alone = store.library.with(|lib| lib.index.each_word_alone(&input));
            let en = lang.get() == Lang::En;
            let alone = (!alone.is_empty()).then(|| {
                let links: Vec<_> = alone
                    .into_iter()
                    .map(|(word, n)| {
                        let href = search_href(&word, None);
                        let label = if en {
                            format!("“{word}” alone ({n})")
                        } else {
                            format!("只搜「{word}」（{n} 条）")
                        };
                        view! { <li><a class="more" href=href>{label}</a></li> }
                    })
                    .collect();
                view! {
                    <p>{if en { "Together the words find nothing; each of these finds something:" } else { "这些词同时出现的内容没有；单独搜索其中一个：" }}</p>
                    <ul class="plain">{links}</ul>
                }
            });
            view! {
                <div class="no-results" data-testid="no-results">
                    {alone}
                    <p>{if en {
                        "Try fewer or shorter words, pinyin (shuzihua) or its initials (szh), or a document number with or without its year (粤府〔2021〕53号, 粤府53号)."
                    } else {
                        "也可以试试：更少或更短的词、拼音（shuzihua）或拼音首字母（szh）、文号（粤府〔2021〕53号，或省去年份：粤府53号）。"
                    }}</p>
                </div>
            }
        })
    };
    // Once typing pauses the address holds the query: the page's title names it (a share from
    // the browser's menu takes it), and a share bar sends it on.
    let title = move || {
        let page = lang.get().pick("搜索", "Search");
        written.with(|q| {
            if q.is_empty() {
                page.to_string()
            } else {
                format!("{q} · {page}")
            }
        })
    };
    // Every hit, not only those shown, with where it matched: a reader's own list to work on.
    let export_csv = move |_| {
        let doc = found.with_untracked(|found| {
            store.library.with_untracked(|lib| {
                hits_csv(
                    &lib.index,
                    &found.hits,
                    &found.query,
                    &app_root_url(),
                    lang.get_untracked() == Lang::En,
                )
            })
        });
        download("cankao-search.csv", "text/csv;charset=utf-8", &doc);
    };
    // Nothing to send on or download while nothing is found (or only spaces were typed). A
    // memo: the share bar is drawn again when that changes, not on every keystroke.
    let any_found = Memo::new(move |_| found.with(|f| !f.hits.is_empty()));
    let share = move || {
        let q = written.get();
        (any_found.get() && !q.trim().is_empty()).then(|| {
            let line = match lang.get() {
                Lang::Zh => format!("《参考》搜索“{q}”"),
                Lang::En => format!("Cankao: search for “{q}”"),
            };
            view! {
                <p class="cx-downloads">
                    <button type="button" data-testid="search-csv" on:click=export_csv>
                        {tr("导出全部结果（CSV）", "All results (CSV)")}
                    </button>
                </p>
                <ShareBar title=line path=search_href(&q, only.get())/>
            }
        })
    };
    view! {
        <Title text=title/>
        <section class="search-page" data-testid="search-page">
            <h1>{tr("搜索全部内容", "Search everything")}</h1>
            <form role="search" class="searchbar" on:submit=move |ev| { ev.prevent_default(); flush_url(); }>
                <label for="search-q" class="visually-hidden">{tr("搜索", "Search")}</label>
                <input id="search-q" type="search" data-testid="search-input" autocomplete="off" enterkeyhint="search"
                    placeholder=tr("政策、问题、建议、数字…（支持拼音、文号）", "Policies, problems, advice, figures… (pinyin, doc numbers)")
                    prop:value=move || typed.get() on:input=on_input on:blur=move |_| flush_url()/>
            </form>
            <p class="result-count" role="status" aria-live="polite" data-testid="search-count">
                {move || {
                    let n = found.with(|f| f.hits.len());
                    // In one group's own view, its count first: the list under it holds that many.
                    let in_group = only.get().map(|g| (g, found.with(|f| f.hits.iter().filter(|hit| hit.group == g).count())));
                    match (found.with(|f| f.query.is_empty()), in_group, lang.get()) {
                        (true, _, Lang::Zh) => "输入关键词、拼音或文号开始搜索。".to_string(),
                        (true, _, Lang::En) => "Type words, pinyin or a document number.".to_string(),
                        (false, None, Lang::Zh) => format!("找到 {n} 条结果"),
                        (false, None, Lang::En) => count_en(n, "result", "results"),
                        (false, Some((g, k)), Lang::Zh) => format!("{}：{k} 条（所有类别共 {n} 条结果）", g.zh()),
                        (false, Some((g, k)), Lang::En) => format!("{}: {k} ({} of every kind)", g.en(), count_en(n, "result", "results")),
                    }
                }}
            </p>
            {back}
            {apart}
            {no_results}
            <div class="hits" data-testid="hits" node_ref=hits_box on:click=on_star inner_html=move || results.with(|r| r.first.clone())></div>
            // Under the results: appearing once typing pauses, it moves nothing the reader sees.
            {share}
            {coverage}
            <p class="meta">{tr("多个词用空格分开时，结果需同时包含所有词。", "Several words separated by spaces must all match.")}</p>
        </section>
    }
}
