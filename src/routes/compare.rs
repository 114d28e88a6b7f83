//! Route `compare`: regions side by side.
//!
//! `compare/?ind=<indicator>&cmp=<region>~<region>[&period=2022]` shows one indicator across
//! regions as ranked bars (a canvas) with a sortable table beside it; `compare/?cmp=…` without an
//! indicator shows every indicator those regions have figures for, as a table. Every value opens
//! its verbatim source sentence and links to the item it came from. The state is the URL, so a
//! comparison is a link.

use crate::core::order;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::app::{use_library, SharedLibrary};
use crate::charts::web::{BarChartCanvas, ChartDownloads};
use crate::components::share::ShareBar;
use crate::core::compare::{
    bar_chart, comparable_sets, compare, comparison_csv, describe, figure_text, figures,
    indicator_rows, indicator_rows_csv, ready_made, region_names, region_order, source_item,
    CompareState, Comparison, SourceItem,
};
use crate::core::corpus::{Corpus, Figure, FigureKind, Region, RegionKind};
use crate::i18n::{count_en, tr, use_lang, Lang};

/// Navigation that keeps the reader where they are: only the query changes.
fn go(navigate: &(impl Fn(&str, NavigateOptions) + Clone), query: &str) {
    navigate(
        query,
        NavigateOptions {
            scroll: false,
            ..NavigateOptions::default()
        },
    );
}

/// A figure's value; tapping it shows the verbatim sentence and a link to the item it came from
/// (`data-testid="compare-source-<figure id>"`).
pub fn figure_value(
    figure: &Figure,
    source: Option<SourceItem>,
    show_period: bool,
    en: bool,
) -> impl IntoView + use<> {
    let id = figure.id.clone();
    let text = figure_text(figure, en);
    let period = show_period.then(|| figure.period.clone());
    let target =
        (figure.kind == FigureKind::Target).then_some(if en { "target" } else { "目标" });
    let printed = figure.value_text.clone();
    let scope = figure.scope_name(en).map(str::to_string);
    let note = figure.note_line(en);
    let sentence = figure.sentence.clone();
    let source = source.map(|s| {
        let kind = if en { s.kind.en() } else { s.kind.zh() };
        view! {
            <p class="cx-fig-item">
                <a href=s.path data-testid=format!("compare-source-{id}")>
                    {kind}{if en { ": " } else { "：" }}{s.title}
                </a>
            </p>
        }
    });
    view! {
        <details class="cx-fig" id=format!("fig-{}", figure.id)>
            <summary>
                <span class="cx-fig-value">{text}</span>
                {scope.clone().map(|s| view! { <span class="cx-fig-scope" data-testid="figure-scope">{s}</span> })}
                {period.map(|p| view! { <span class="cx-fig-period">{p}</span> })}
                {target.map(|t| view! { <span class="cx-tag">{t}</span> })}
                // The source contradicts itself here: say so before the reader opens it.
                {note.is_some().then(|| view! {
                    <span class="cx-tag cx-tag-warn" data-testid="figure-note-mark">{if en { "see note" } else { "见编者注" }}</span>
                })}
            </summary>
            <div class="cx-fig-source">
                <blockquote lang="zh-CN">{sentence}</blockquote>
                {scope.map(|s| view! {
                    <p class="meta">{if en { "Scope (editors' note): " } else { "范围（编者标注）：" }}{s}</p>
                })}
                {printed.map(|p| view! {
                    <p class="meta">{if en { "As printed: " } else { "原文写作：" }}{p}</p>
                })}
                {note.map(|n| view! { <p class="cx-fig-note" data-testid="figure-note">{n}</p> })}
                {source}
            </div>
        </details>
    }
}

#[component]
pub fn CompareView() -> impl IntoView {
    let library = use_library();
    let location = use_location();
    let lang = use_lang();
    let lib = library.clone();
    let state = Memo::new(move |_| {
        CompareState::from_query(&location.search.get(), &lib.corpus.registry.regions)
    });
    // Whether the region picker is open, once the reader has opened or closed it: the chooser is
    // drawn again for each region tapped, and must not close under the reader's finger.
    let picker_open = RwSignal::new(None::<bool>);
    // What is compared, in a line: once per change, for the share bar and the page's title.
    let lib = library.clone();
    let described = Memo::new(move |_| describe(&lib.corpus, &state.get(), lang.get() == Lang::En));
    let lib = library.clone();
    let main = move || {
        let s = state.get();
        let en = lang.get() == Lang::En;
        // A chosen comparison can be sent on: a phone in WeChat shows no address bar.
        let share = described.get().map(|title| {
            view! { <ShareBar title=format!("《参考》{title}") path=s.href()/> }
        });
        view! {
            {chooser(&lib, &s, en, picker_open)}
            {body(&lib, &s, en)}
            {share}
        }
    };
    let lib = library.clone();
    let ready = move || ready_section(&lib.corpus, lang.get() == Lang::En);
    // The page's title says what is compared: a share from the browser's menu takes it.
    let title = move || {
        let en = lang.get() == Lang::En;
        let page = if en {
            "Regional comparison"
        } else {
            "地区比较"
        };
        match described.get() {
            Some(line) => format!("{line} · {page}"),
            None => page.to_string(),
        }
    };
    view! {
        <Title text=title/>
        <article class="compare-page" data-testid="compare-page">
            <h1>{tr("地区比较", "Regional comparison")}</h1>
            <p class="cx-lead">
                {tr(
                    "选择一项指标和若干省市，比较源文给出的数字。点按任何数值可查看原句和出处；比较下方的“分享”可把这次比较发给别人。",
                    "Choose an indicator and regions to compare the figures the source gives. Tap any value for its sentence and source; “Share” under the comparison sends it to others.",
                )}
            </p>
            {main}
            {ready}
        </article>
    }
}

/// A heading of the region chooser (Chinese, English) and who belongs under it.
type RegionGroup = (&'static str, &'static str, fn(&Region) -> bool);

/// The indicator and period selects and the region toggles.
fn chooser(
    lib: &SharedLibrary,
    state: &CompareState,
    en: bool,
    picker_open: RwSignal<Option<bool>>,
) -> impl IntoView + use<> {
    let corpus = &lib.corpus;
    let navigate = use_navigate();
    // Indicators with figures, those shared by several regions first.
    let mut indicators: Vec<(String, String, usize)> = corpus
        .registry
        .indicators
        .iter()
        .filter_map(|i| {
            let mut regions: Vec<&str> = figures(corpus)
                .filter(|f| f.indicator == i.key)
                .map(|f| f.region.as_str())
                .collect();
            order::sort(&mut regions);
            regions.dedup();
            (!regions.is_empty()).then(|| {
                let name = i.name_in(en).to_string();
                (i.key.clone(), name, regions.len())
            })
        })
        .collect();
    order::sort_by_key(&mut indicators, |(_, _, n)| std::cmp::Reverse((*n).min(2)));
    let option = |(key, name, n): &(String, String, usize), selected: &str| {
        let label = if en {
            format!("{name} · {}", count_en(*n, "region", "regions"))
        } else {
            format!("{name} · {n} 地")
        };
        view! { <option value=key.clone() selected=key == selected>{label}</option> }
    };
    let shared: Vec<_> = indicators
        .iter()
        .filter(|i| i.2 >= 2)
        .map(|i| option(i, &state.indicator))
        .collect();
    let single: Vec<_> = indicators
        .iter()
        .filter(|i| i.2 < 2)
        .map(|i| option(i, &state.indicator))
        .collect();
    let on_indicator = {
        let navigate = navigate.clone();
        let regions = state.regions.clone();
        move |ev: leptos::ev::Event| {
            let next = CompareState {
                indicator: event_target_value(&ev),
                regions: regions.clone(),
                period: String::new(),
                ..CompareState::default()
            };
            go(&navigate, &next.to_query());
        }
    };
    // Periods, when the indicator has several for these regions.
    let periods = compare(corpus, state)
        .filter(|c| c.periods.len() > 1)
        .map(|c| {
            let current = c.period.clone().unwrap_or_default();
            let options: Vec<_> = c
                .periods
                .iter()
                .map(|p| {
                    let label = if en {
                        format!(
                            "{} · {}",
                            p.period,
                            count_en(p.regions, "region", "regions")
                        )
                    } else {
                        format!("{} · {} 地", p.period, p.regions)
                    };
                    view! {
                        <option value=p.period.clone() selected=p.period == current>{label}</option>
                    }
                })
                .collect();
            let navigate = navigate.clone();
            let state = state.clone();
            let on_period = move |ev: leptos::ev::Event| {
                let next = CompareState {
                    period: event_target_value(&ev),
                    ..state.clone()
                };
                go(&navigate, &next.to_query());
            };
            view! {
                <p class="cx-field">
                    <label for="compare-period">{if en { "Period" } else { "时期" }}</label>
                    <select id="compare-period" data-testid="compare-period" on:change=on_period>
                        {options}
                    </select>
                </p>
            }
        });
    // Regions with figures, grouped the way a reader looks for them.
    let mut regions: Vec<&Region> = corpus
        .registry
        .regions
        .iter()
        .filter(|r| figures(corpus).any(|f| f.region == r.id))
        .collect();
    order::sort_by_key(&mut regions, |r| region_order(corpus, r));
    let groups: [RegionGroup; 5] = [
        ("全国与区域", "Country and areas", |r| {
            matches!(r.kind, RegionKind::Country | RegionKind::Area)
        }),
        ("省份", "Provinces", |r| r.kind == RegionKind::Province),
        ("广东各市", "Guangdong's cities", |r| {
            r.kind == RegionKind::City && r.parent.as_deref() == Some("guangdong")
        }),
        ("其他城市", "Other cities", |r| {
            r.kind == RegionKind::City && r.parent.as_deref() != Some("guangdong")
        }),
        ("国外", "Abroad", |r| r.kind == RegionKind::Foreign),
    ];
    let groups_view: Vec<_> = groups
        .iter()
        .filter_map(|(zh, en_name, test)| {
            let members: Vec<&Region> = regions.iter().copied().filter(|r| test(r)).collect();
            if members.is_empty() {
                return None;
            }
            let buttons: Vec<_> = members
                .iter()
                .map(|r| {
                    let pressed = state.regions.contains(&r.id);
                    let count = figures(corpus)
                        .filter(|f| {
                            f.region == r.id
                                && (state.indicator.is_empty() || f.indicator == state.indicator)
                        })
                        .count();
                    let next = state.toggled(&r.id);
                    let navigate = navigate.clone();
                    let on_click = move |_| go(&navigate, &next.to_query());
                    view! {
                        <li>
                            <button type="button" class="cx-chip" class:cx-empty=count == 0
                                aria-pressed=if pressed { "true" } else { "false" }
                                data-testid=format!("compare-region-{}", r.id)
                                on:click=on_click>
                                {r.name_in(en).to_string()}
                                // Spoken as "广东：29 条数字", not run together as "广东29".
                                <span class="visually-hidden">{if en { ": " } else { "：" }}</span>
                                <span class="count">{count}</span>
                                <span class="visually-hidden">{match (en, count) {
                                    (true, 1) => " figure",
                                    (true, _) => " figures",
                                    (false, _) => " 条数字",
                                }}</span>
                            </button>
                        </li>
                    }
                })
                .collect();
            Some(view! {
                <div class="cx-chip-group">
                    <h3>{if en { *en_name } else { *zh }}</h3>
                    <ul class="cx-chips">{buttons}</ul>
                </div>
            })
        })
        .collect();
    let chosen = state.chosen_regions(corpus);
    let summary = if chosen.is_empty() && !state.indicator.is_empty() {
        if en {
            "Regions: every region with a figure".to_string()
        } else {
            "地区：所有有数字的地区".to_string()
        }
    } else if chosen.is_empty() {
        if en {
            "Regions: none chosen".to_string()
        } else {
            "地区：尚未选择".to_string()
        }
    } else if en {
        format!("Regions: {}", region_names(&chosen, en))
    } else {
        format!("地区：{}", region_names(&chosen, en))
    };
    // Open at first while nothing is chosen; then as the reader left it.
    let open = picker_open
        .get_untracked()
        .unwrap_or(chosen.is_empty() && state.indicator.is_empty());
    let on_toggle = move |ev: leptos::ev::Event| {
        let now_open = ev
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
            .and_then(|v| v.as_bool());
        if now_open.is_some() {
            picker_open.set(now_open);
        }
    };
    // Only where there are regions to clear.
    let clear = (!state.regions.is_empty()).then(|| {
        let href = CompareState {
            indicator: state.indicator.clone(),
            ..CompareState::default()
        }
        .href();
        view! {
            " "
            <a href=href data-noscroll="" data-testid="compare-clear-regions">{if en { "Clear regions" } else { "清空地区" }}</a>
        }
    });
    view! {
        <form class="compare-chooser no-print" on:submit=|ev| ev.prevent_default()>
            // The region groups' headings sit under this one, not straight under the page's.
            <h2 class="visually-hidden">{if en { "Choose an indicator and regions" } else { "选择指标与地区" }}</h2>
            <p class="cx-field">
                <label for="compare-indicator">{if en { "Indicator" } else { "指标" }}</label>
                <select id="compare-indicator" data-testid="compare-indicator" on:change=on_indicator>
                    <option value="" selected=state.indicator.is_empty()>
                        {if en { "Every indicator (table)" } else { "全部指标（表格）" }}
                    </option>
                    <optgroup label=if en { "Given for several regions" } else { "多地有数字" }>
                        {shared}
                    </optgroup>
                    <optgroup label=if en { "Given for one region" } else { "仅一地有数字" }>
                        {single}
                    </optgroup>
                </select>
            </p>
            {periods}
            <details class="cx-region-picker" open=open on:toggle=on_toggle>
                <summary data-testid="compare-regions-summary">{summary}</summary>
                <p class="meta">
                    {if en {
                        "The number is how many figures the source gives for the region (for the chosen indicator)."
                    } else {
                        "数字为源文给出该地区的数字条数（已选指标时，为该指标的条数）。"
                    }}
                    {clear}
                </p>
                {groups_view}
            </details>
        </form>
    }
}

/// The result: a chart and table for one indicator, or the table of every indicator.
fn body(lib: &SharedLibrary, state: &CompareState, en: bool) -> AnyView {
    let corpus = &lib.corpus;
    if state.indicator.is_empty() {
        if state.regions.is_empty() {
            return view! {
                <p class="cx-hint" data-testid="compare-empty">
                    {if en {
                        "Choose an indicator or regions above, or open one of the comparisons the source makes below."
                    } else {
                        "请在上方选择指标或地区，或打开下面源文中的现成比较。"
                    }}
                </p>
            }
            .into_any();
        }
        return indicator_table(corpus, state, en).into_any();
    }
    match compare(corpus, state) {
        None => view! {
            <p class="cx-hint" data-testid="compare-unknown">
                {if en { "Unknown indicator: " } else { "没有这项指标：" }}{state.indicator.clone()}
            </p>
        }
        .into_any(),
        Some(cmp) => chart_section(corpus, state, &cmp, en).into_any(),
    }
}

#[derive(Clone)]
struct RowData {
    figure: Figure,
    source: Option<SourceItem>,
    region_id: String,
    label: String,
    rank: usize,
    order: (u8, usize, usize),
}

fn chart_section(
    corpus: &Corpus,
    state: &CompareState,
    cmp: &Comparison,
    en: bool,
) -> impl IntoView + use<> {
    let chart = bar_chart(corpus, cmp, en);
    let csv = comparison_csv(corpus, cmp, &crate::web::app_root_url(), en);
    let period = cmp.period.clone().unwrap_or_default();
    let stem = format!("cankao-{}-{}", cmp.indicator.key, period);
    let label = {
        let parts: Vec<String> = chart
            .bars
            .iter()
            .map(|b| format!("{} {}", b.label, b.value_label))
            .collect();
        format!(
            "{}{}{}",
            chart.title,
            if en { ": " } else { "：" },
            parts.join(if en { "; " } else { "；" })
        )
    };
    let rows: Vec<RowData> = cmp
        .entries
        .iter()
        .map(|e| RowData {
            figure: e.figure.clone(),
            source: source_item(corpus, e.figure),
            region_id: e.region.id.clone(),
            label: e.label(en),
            rank: e.rank,
            order: region_order(corpus, e.region),
        })
        .collect();
    let ids: Vec<String> = rows.iter().map(|r| r.figure.id.clone()).collect();
    let on_bar = Callback::new(move |i: usize| {
        let Some(id) = ids.get(i) else {
            return;
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(details) = doc.get_element_by_id(&format!("fig-{id}")) {
            let _ = details.set_attribute("open", "");
            if let Ok(Some(summary)) = details.query_selector("summary") {
                if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
                    let _ = summary.focus();
                }
            }
        }
    });
    // The table's order lives in the URL (`order`), like the rest of the comparison.
    let table_order = state.order;
    let sorted_rows = {
        let mut rows = rows.clone();
        if table_order.by_region() {
            order::sort_by_key(&mut rows, |r| r.order);
        } else {
            order::sort_by_key(&mut rows, |r| r.rank);
        }
        // Highest value first is rank order; a-to-z is reading order.
        if table_order.descending() == table_order.by_region() {
            rows.reverse();
        }
        rows.into_iter()
            .map(|r| {
                let value = figure_value(&r.figure, r.source.clone(), false, en);
                view! {
                    <tr>
                        <td class="cx-num">{r.rank}</td>
                        <th scope="row">{r.label.clone()}</th>
                        <td class="value cx-value" data-testid=format!("compare-value-{}", r.region_id)>
                            {value}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let aria = move |by_region: bool| {
        if table_order.by_region() != by_region {
            "none"
        } else if table_order.descending() {
            "descending"
        } else {
            "ascending"
        }
    };
    let navigate = use_navigate();
    let toggle = move |by_region: bool| {
        let next = CompareState {
            order: table_order.tapped(by_region),
            ..state.clone()
        };
        let navigate = navigate.clone();
        move |_| go(&navigate, &next.to_query())
    };
    let missing = (!cmp.missing.is_empty()).then(|| {
        let all = CompareState {
            indicator: state.indicator.clone(),
            regions: Vec::new(),
            period: state.period.clone(),
            ..CompareState::default()
        }
        .href();
        view! {
            <p class="cx-note" data-testid="compare-missing">
                {if en {
                    "The source gives no figure for this period for: "
                } else {
                    "源文没有给出这些地区该时期的数字："
                }}
                {region_names(&cmp.missing, en)}
                " · "
                <a href=all data-noscroll="">
                    {if en { "Show every region with a figure" } else { "改看所有有数字的地区" }}
                </a>
            </p>
        }
    });
    let others = (!cmp.other_units.is_empty()).then(|| {
        let items: Vec<_> = cmp
            .other_units
            .iter()
            .map(|e| {
                let value = figure_value(e.figure, source_item(corpus, e.figure), false, en);
                view! { <li><span class="cx-fig-region">{e.label(en)}</span>" "{value}</li> }
            })
            .collect();
        view! {
            <div class="cx-note">
                <p>{if en {
                    "In a unit that cannot share the scale (not drawn):"
                } else {
                    "单位不同、未画入图中的数字："
                }}</p>
                <ul class="plain cx-figs">{items}</ul>
            </div>
        }
    });
    let heading = chart.title.clone();
    let subtitle = chart.subtitle.clone();
    let caption = format!("{heading} · {subtitle}");
    let has_bars = !chart.bars.is_empty();
    let chart_view = has_bars.then(|| {
        view! {
            <figure class="cx-chart-figure">
                <BarChartCanvas chart=chart label=label csv=csv stem=stem on_bar=on_bar/>
                <figcaption class="meta">
                    {if en {
                        "Tap a bar or a value for the sentence it comes from. The table holds the same numbers."
                    } else {
                        "点按条形或数值可查看出处原句；表格列出同样的数字。"
                    }}
                </figcaption>
            </figure>
        }
    });
    let table = has_bars.then(|| {
        view! {
            <div class="cx-table-box">
                <table class="compare-table" data-testid="compare-table">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="cx-num">{if en { "Rank" } else { "排名" }}</th>
                            <th scope="col" aria-sort=aria(true)>
                                <button type="button" class="cx-sort" on:click=toggle(true)
                                    data-testid="compare-sort-region">
                                    {if en { "Region" } else { "地区" }}
                                </button>
                            </th>
                            <th scope="col" aria-sort=aria(false)>
                                <button type="button" class="cx-sort" on:click=toggle(false)
                                    data-testid="compare-sort-value">
                                    {if en { "Value" } else { "数值" }}
                                </button>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{sorted_rows}</tbody>
                </table>
            </div>
        }
    });
    // Nothing to draw: the note on the missing regions says so (and links on), or this does;
    // never both, and no unit line over nothing.
    let nothing = (!has_bars && cmp.missing.is_empty()).then(|| {
        view! {
            <p class="cx-hint" data-testid="compare-nothing">
                {if en {
                    "The source gives no figure for these regions in this period."
                } else {
                    "源文没有给出这些地区在该时期的这项数字。"
                }}
            </p>
        }
    });
    let unlike = cmp.scopes_differ().then(|| {
        view! {
            <p class="cx-note" data-testid="compare-unlike">
                {if en {
                    "These figures measure different things (see what each covers): they are ordered by value, not ranked like with like."
                } else {
                    "这些数字衡量的对象不同（见各条所指范围），只按数值排列，不宜直接比较高低。"
                }}
            </p>
        }
    });
    view! {
        <section class="compare-result" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{heading}</h2>
            {has_bars.then(|| view! { <p class="meta">{subtitle}</p> })}
            {unlike}
            {missing}
            {nothing}
            <div class="compare-grid">
                {chart_view}
                {table}
            </div>
            {others}
        </section>
    }
}

fn figure_cells(
    corpus: &Corpus,
    regions: &[&Region],
    cells: &[Vec<&Figure>],
    en: bool,
) -> Vec<AnyView> {
    regions
        .iter()
        .zip(cells)
        .map(|(region, cell)| {
            let items: Vec<_> = cell
                .iter()
                .map(|f| view! { <li>{figure_value(f, source_item(corpus, f), true, en)}</li> })
                .collect();
            let empty = cell.is_empty().then_some("—");
            view! {
                <td class="value cx-value" data-testid=format!("compare-value-{}", region.id)>
                    <ul class="plain cx-figs">{items}</ul>
                    {empty}
                </td>
            }
            .into_any()
        })
        .collect()
}

/// Every indicator the chosen regions have figures for: those most of them share first.
fn indicator_table(corpus: &Corpus, state: &CompareState, en: bool) -> impl IntoView + use<> {
    let regions = state.chosen_regions(corpus);
    let rows = indicator_rows(corpus, &regions);
    let need = regions.len().min(2);
    let csv = indicator_rows_csv(corpus, &regions, &rows, &crate::web::app_root_url(), en);
    let stem = format!("cankao-compare-{}", state.regions.join("-"));
    let table = |rows: Vec<&crate::core::compare::IndicatorRow>, testid: &'static str| {
        let head: Vec<_> = regions
            .iter()
            .map(|r| view! { <th scope="col">{r.name_in(en).to_string()}</th> })
            .collect();
        let body: Vec<_> = rows
            .iter()
            .map(|row| {
                let name = if en {
                    row.indicator.en.clone()
                } else {
                    row.indicator.zh.clone()
                };
                let chart = CompareState {
                    indicator: row.indicator.key.clone(),
                    regions: state.regions.clone(),
                    period: row.common_periods.last().cloned().unwrap_or_default(),
                    ..CompareState::default()
                }
                .href();
                let apart = (row.common_periods.is_empty() && row.regions_with_data() > 1)
                    .then(|| {
                        view! {
                            <span class="cx-tag">{if en { "different periods" } else { "时期不同" }}</span>
                        }
                    });
                let cells = figure_cells(corpus, &regions, &row.cells, en);
                view! {
                    <tr data-testid=format!("compare-row-{}", row.indicator.key)>
                        <th scope="row">
                            <span class="cx-ind-name">{name}</span>
                            {apart}
                            <a class="cx-chart-link" href=chart data-testid=format!("compare-chart-link-{}", row.indicator.key)>
                                {if en { "Chart" } else { "画图" }}
                            </a>
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect();
        view! {
            <div class="cx-scroll" tabindex="0" role="region"
                aria-label=if en { "Table of figures" } else { "数字表" }>
                <table class="compare-multi" data-testid=testid>
                    <caption>
                        {region_names(&regions, en)}
                        {if en { ": figures by indicator" } else { "：各项指标的数字" }}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{if en { "Indicator" } else { "指标" }}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };
    let shared: Vec<&crate::core::compare::IndicatorRow> = rows
        .iter()
        .filter(|r| r.regions_with_data() >= need)
        .collect();
    let single: Vec<&crate::core::compare::IndicatorRow> = rows
        .iter()
        .filter(|r| r.regions_with_data() < need)
        .collect();
    let n_shared = shared.len();
    let n_single = single.len();
    let intro = if regions.len() == 1 {
        if en {
            format!(
                "The source gives {n_shared} indicator(s) for {}.",
                region_names(&regions, en)
            )
        } else {
            format!(
                "源文给出{}的 {n_shared} 项指标。",
                region_names(&regions, en)
            )
        }
    } else if en {
        format!(
            "The source gives figures for at least two of these regions on {n_shared} indicator(s). Tap a value for its sentence; “Chart” draws an indicator."
        )
    } else {
        format!(
            "源文同时给出其中至少两个地区数字的指标有 {n_shared} 项。点按数值可看原句和出处，点“画图”可画出该指标。"
        )
    };
    let shared_view = (n_shared > 0).then(|| table(shared, "compare-table"));
    let single_view = (n_single > 0).then(|| {
        view! {
            <details class="cx-more">
                <summary>
                    {if en {
                        format!("Indicators given for one region only ({n_single})")
                    } else {
                        format!("只有一个地区有数字的指标（{n_single} 项）")
                    }}
                </summary>
                {table(single, "compare-table-single")}
            </details>
        }
    });
    let heading = describe(corpus, state, en).unwrap_or_default();
    view! {
        <section class="compare-result" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{heading}</h2>
            <p class="meta">{intro}</p>
            {shared_view}
            {single_view}
            <ChartDownloads csv=csv stem=stem/>
        </section>
    }
}

/// The comparisons the source itself makes, and every other set of figures that can be compared.
fn ready_section(corpus: &Corpus, en: bool) -> impl IntoView + use<> {
    let ready: Vec<_> = ready_made(corpus)
        .into_iter()
        .map(|r| {
            let text = if en { r.en } else { r.zh };
            view! {
                <li>
                    <a href=r.state.href() data-testid=format!("compare-ready-{}", r.key)>{text}</a>
                </li>
            }
        })
        .collect();
    let sets = comparable_sets(corpus);
    let n = sets.len();
    let more: Vec<_> = sets
        .into_iter()
        .map(|(state, indicator, regions)| {
            let name = corpus.indicator_name(&indicator.key, en);
            let text = if en {
                format!("{name} · {} · {regions} regions", state.period)
            } else {
                format!("{name} · {} · {regions} 地", state.period)
            };
            view! { <li><a href=state.href()>{text}</a></li> }
        })
        .collect();
    view! {
        <section class="compare-ready no-print" aria-labelledby="ready-heading" data-testid="compare-ready">
            <h2 id="ready-heading">{if en { "Comparisons from the source" } else { "源文中的比较" }}</h2>
            <ul class="plain cx-links">{ready}</ul>
            <details class="cx-more">
                <summary>
                    {if en {
                        format!("Every other figure given for two regions or more ({n})")
                    } else {
                        format!("其他可以比较的数字（{n} 组）")
                    }}
                </summary>
                <ul class="plain cx-links">{more}</ul>
            </details>
        </section>
    }
}
