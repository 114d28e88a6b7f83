//! Route `map`: Guangdong's 21 cities as a tile map (grid cartogram), coloured by a measure.
//!
//! `map/?measure=policies|figures|mentions[&city=<id>]`. Each tile is a link; tapping one shows
//! the city's policies, figures and articles below the map. A table gives the same numbers.

use crate::core::order;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::app::{use_library, SharedLibrary};
use crate::charts::tiles::{draw_tile_map, tile_map_height, TileChart};
use crate::charts::web::{png_data_url, ChartDownloads, EXPORT_SCALE};
use crate::components::share::ShareBar;
use crate::core::compare::{
    city_detail, group_en, pinyin_halves, policies_href, shade, shade_ranges, source_item,
    source_line, tiles, tiles_csv, CompareState, MapState, Measure, Tile, GROUPS,
};
use crate::core::corpus::{Corpus, Region};
use crate::core::items::ItemRef;
use crate::i18n::{tr, use_lang, Lang};
use crate::routes::compare::figure_value;

/// Width in CSS pixels of the exported map.
const EXPORT_WIDTH: f64 = 480.0;

fn group_index(group: &str) -> usize {
    GROUPS.iter().position(|g| *g == group).unwrap_or(0)
}

fn group_name(group: &str, en: bool) -> String {
    if en {
        group_en(group).to_string()
    } else {
        group.to_string()
    }
}

/// A tile's city: an English name may break between its syllables (Guang·zhou) to fit.
fn tile_name(region: &Region, en: bool) -> impl IntoView + use<> {
    match pinyin_halves(region.name_in(en)) {
        Some((a, b)) => view! { {a.to_string()}<wbr/>{b.to_string()} }.into_any(),
        None => region.name_in(en).to_string().into_any(),
    }
}

fn measure_name(m: Measure, en: bool) -> &'static str {
    if en {
        m.en()
    } else {
        m.zh()
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let library = use_library();
    let location = use_location();
    let lang = use_lang();
    let lib = library.clone();
    let state = Memo::new(move |_| {
        MapState::from_query(&location.search.get(), &lib.corpus.registry.regions)
    });
    let measures = move || {
        let s = state.get();
        let en = lang.get() == Lang::En;
        Measure::ALL
            .into_iter()
            .map(|m| {
                let href = MapState {
                    measure: m,
                    city: s.city.clone(),
                }
                .href();
                let current = (m == s.measure).then_some("true");
                view! {
                    <a class="cx-seg" href=href aria-current=current data-noscroll=""
                        data-testid=format!("map-measure-{}", m.key())>
                        {measure_name(m, en)}
                    </a>
                }
            })
            .collect_view()
    };
    let lib = library.clone();
    let map = move || {
        let s = state.get();
        map_section(&lib, &s, lang.get() == Lang::En)
    };
    let lib = library.clone();
    let city = move || {
        let s = state.get();
        city_section(&lib, &s, lang.get() == Lang::En)
    };
    // A tapped city's panel, or the city a shared link names, takes the focus, so that it is
    // seen (below the map, off a phone's first screen) and read out. After the next paint: a
    // link opened cold shows the app only then.
    Effect::new(move |prev: Option<Option<String>>| {
        let city = state.with(|s| s.city.clone());
        if city.is_some() && prev.as_ref() != Some(&city) {
            crate::web::focus_after_paint(|| {
                use wasm_bindgen::JsCast;
                web_sys::window()?
                    .document()?
                    .get_element_by_id("city-heading")?
                    .dyn_into()
                    .ok()
            });
        }
        city
    });
    let lib = library.clone();
    let table = move || table_section(&lib, &state.get(), lang.get() == Lang::En);
    // A city's panel can be sent on, and the page's title names the city (a share from the
    // browser's menu takes it).
    let lib = library.clone();
    let city_name = move || {
        let en = lang.get() == Lang::En;
        state.with(|s| {
            s.city
                .as_deref()
                .and_then(|id| lib.corpus.region(id))
                .map(|r| r.name_in(en).to_string())
        })
    };
    let title = {
        let city_name = city_name.clone();
        move || {
            let page = lang.get().pick("广东地图", "Guangdong map");
            match city_name() {
                Some(city) => format!("{city} · {page}"),
                None => page.to_string(),
            }
        }
    };
    let share = move || {
        city_name().map(|city| {
            let line = match lang.get() {
                Lang::Zh => format!("《参考》{city}：政策、数字与文章"),
                Lang::En => format!("Cankao: {city}, its policies, figures and articles"),
            };
            view! { <ShareBar title=line path=state.get().href()/> }
        })
    };
    view! {
        <Title text=title/>
        <article class="map-page" data-testid="map-page">
            <h1>{tr("广东各市地图", "Guangdong's cities")}</h1>
            <p class="cx-lead">
                {tr(
                    "每个方块是一个地级市，大致按地理位置排列；颜色越深，数量越多。点按城市可查看它的政策、数字和文章。",
                    "Each square is a prefecture-level city, placed roughly where it lies; darker means more. Tap a city for its policies, figures and articles.",
                )}
            </p>
            <nav class="cx-segmented no-print" aria-label=tr("地图颜色表示", "Colour the map by")>
                {measures}
            </nav>
            {map}
            {city}
            {share}
            {table}
        </article>
    }
}

fn map_section(lib: &SharedLibrary, state: &MapState, en: bool) -> impl IntoView + use<> {
    let corpus = &lib.corpus;
    let tiles = tiles(corpus);
    let measure = state.measure;
    let max = tiles.iter().map(|t| t.value(measure)).max().unwrap_or(0);
    let (cols, rows) = crate::core::compare::grid_size(&tiles);
    let cells: Vec<_> = tiles
        .iter()
        .map(|t| {
            let value = t.value(measure);
            let href = MapState {
                measure,
                city: Some(t.region.id.clone()),
            }
            .href();
            let selected = state.city.as_deref() == Some(t.region.id.as_str());
            // Read after the visible name and value, so the accessible name contains them.
            let extra = if en {
                format!(" ({}, {})", group_en(t.group), measure.en())
            } else {
                format!("（{}，{}）", t.group, measure.zh())
            };
            let class = format!(
                "cx-tile cx-shade-{} cx-group-{}",
                shade(value, max),
                group_index(t.group)
            );
            view! {
                <li class="cx-tile-cell"
                    style=format!("grid-column:{};grid-row:{}", t.col + 1, t.row + 1)>
                    <a class=class href=href data-noscroll=""
                        aria-current=selected.then_some("true")
                        data-testid=format!("map-tile-{}", t.region.id)>
                        <span class="cx-tile-name">{tile_name(t.region, en)}</span>" "
                        <span class="cx-tile-value">{value}</span>
                        <span class="visually-hidden">{extra}</span>
                    </a>
                </li>
            }
        })
        .collect();
    let shades = shade_legend(std::iter::once((0, Some((0, 0)))).chain(shade_ranges(max)));
    let groups: Vec<_> = GROUPS
        .iter()
        .enumerate()
        .map(|(i, g)| {
            view! {
                <li><span class=format!("cx-swatch cx-outline cx-group-{i}") aria-hidden="true"></span>
                    {group_name(g, en)}</li>
            }
        })
        .collect();
    let source = source_line(corpus, [], en);
    let chart = TileChart::new(&tiles, measure, en, &source);
    let png = Signal::derive(move || {
        let h = tile_map_height(&chart, EXPORT_WIDTH);
        png_data_url(EXPORT_WIDTH, h, EXPORT_SCALE, |root, s| {
            let _ = draw_tile_map(root, &chart, s);
        })
    });
    let csv = tiles_csv(&tiles, en);
    let stem = format!("cankao-map-{}", measure.key());
    view! {
        <section class="cx-map" aria-labelledby="map-heading">
            <h2 id="map-heading">
                {if en { "Guangdong's cities: " } else { "广东各市" }}{measure_name(measure, en)}
            </h2>
            <ul class="cx-tile-map" data-testid="map-tiles"
                style=format!("grid-template-columns:repeat({cols},minmax(0,1fr));grid-template-rows:repeat({rows},auto)")>
                {cells}
            </ul>
            <div class="cx-map-legend">
                <p class="cx-legend-title">{measure_name(measure, en)}</p>
                <ul class="cx-legend">{shades}</ul>
                <p class="cx-legend-title">{if en { "Region (outline)" } else { "区域（边框）" }}</p>
                <ul class="cx-legend">{groups}</ul>
            </div>
            <ChartDownloads png=png csv=csv stem=stem/>
        </section>
    }
}

fn city_section(lib: &SharedLibrary, state: &MapState, en: bool) -> AnyView {
    let corpus: &Corpus = &lib.corpus;
    let Some(detail) = state.city.as_deref().and_then(|id| city_detail(corpus, id)) else {
        return view! {
            <p class="cx-hint" data-testid="map-city-hint">
                {if en {
                    "Tap a city on the map to see its policies, figures and articles."
                } else {
                    "点按地图上的城市，查看它的政策、数字和文章。"
                }}
            </p>
        }
        .into_any();
    };
    let r = detail.region;
    let group = r
        .group
        .as_deref()
        .map(|g| group_name(g, en))
        .unwrap_or_default();
    let policies: Vec<_> = detail
        .policies
        .iter()
        .map(|p| {
            let href = ItemRef::Policy(p).path();
            view! {
                <li>
                    <a href=href>{p.short_title.clone()}</a>
                    <span class="meta">{p.date.clone()}{p.doc_number.clone().map(|d| view! { " · "<span class="docno" lang="zh-CN">{d}</span> })}</span>
                </li>
            }
        })
        .collect();
    let no_policies = detail.policies.is_empty().then(|| {
        view! {
            <li class="meta">
                {if en { "The source lists no policy document of this city." } else { "源文没有收录该市的政策文件。" }}
            </li>
        }
    });
    let figs: Vec<_> = detail
        .figures
        .iter()
        .map(|f| {
            let name = corpus.indicator_name(&f.indicator, en);
            let value = figure_value(f, source_item(corpus, f), true, en);
            view! { <li><span class="cx-fig-name">{name}</span>" "{value}</li> }
        })
        .collect();
    let no_figs = detail.figures.is_empty().then(|| {
        view! { <li class="meta">{if en { "No figures." } else { "源文没有给出该市的数字。" }}</li> }
    });
    let articles: Vec<_> = detail
        .articles
        .iter()
        .map(|a| {
            let href = ItemRef::Article(a).path();
            view! { <li><a href=href>{a.title.clone()}</a><span class="meta">{a.outlet.clone()}</span></li> }
        })
        .collect();
    let no_articles = detail.articles.is_empty().then(|| {
        view! { <li class="meta">{if en { "No status article." } else { "源文没有关于该市的现状文章。" }}</li> }
    });
    let mentions: Vec<_> = detail
        .mentioned_in
        .iter()
        .map(|item| {
            let kind = if en { item.kind().en() } else { item.kind().zh() };
            view! {
                <li><span class="cx-tag">{kind}</span>" "<a href=item.path()>{item.title().to_string()}</a></li>
            }
        })
        .collect();
    let n_mentions = mentions.len();
    let mentions_view = (n_mentions > 0).then(|| {
        view! {
            <h3>{if en { format!("Other items naming it ({n_mentions})") } else { format!("提到该市的其他条目（{n_mentions}）") }}</h3>
            <ul class="plain" data-testid="map-city-mentions">{mentions}</ul>
        }
    });
    let list_href = policies_href(Some(&r.id), None);
    let compare_href = CompareState {
        regions: vec![r.id.clone()],
        ..CompareState::default()
    }
    .href();
    let close = MapState {
        measure: state.measure,
        city: None,
    }
    .href();
    let (np, nf, na) = (
        detail.policies.len(),
        detail.figures.len(),
        detail.articles.len(),
    );
    view! {
        <section class="cx-city-panel" aria-labelledby="city-heading" data-testid="map-city">
            <h2 id="city-heading" tabindex="-1">{r.name_in(en).to_string()}" · "{group}</h2>
            <p class="cx-city-links">
                <a class="button" href=list_href data-testid="map-city-policy-list">
                    {if en { format!("{} in the policy list", r.en) } else { format!("在政策列表中查看{}", r.name) }}
                </a>
                <a class="button" href=compare_href data-testid="map-city-compare">
                    {if en { "Its figures in the comparison" } else { "在比较页查看它的数字" }}
                </a>
                <a class="button" href=close data-noscroll="">{if en { "Close" } else { "收起" }}</a>
            </p>
            <h3>{if en { format!("Policy documents ({np})") } else { format!("政策文件（{np}）") }}</h3>
            <ul class="plain" data-testid="map-city-policies">{policies}{no_policies}</ul>
            <h3>{if en { format!("Figures ({nf})") } else { format!("数字（{nf}）") }}</h3>
            <ul class="plain cx-figs" data-testid="map-city-figures">{figs}{no_figs}</ul>
            <h3>{if en { format!("Current situation ({na})") } else { format!("现状文章（{na}）") }}</h3>
            <ul class="plain" data-testid="map-city-articles">{articles}{no_articles}</ul>
            {mentions_view}
        </section>
    }
    .into_any()
}

/// The map as a table: every city with all three measures.
fn table_section(lib: &SharedLibrary, state: &MapState, en: bool) -> impl IntoView + use<> {
    let tiles = tiles(&lib.corpus);
    let mut sorted: Vec<&Tile> = tiles.iter().collect();
    order::sort_by_key(&mut sorted, |t| group_index(t.group));
    let rows: Vec<_> = sorted
        .iter()
        .map(|t| {
            let href = MapState {
                measure: state.measure,
                city: Some(t.region.id.clone()),
            }
            .href();
            view! {
                <tr>
                    <th scope="row"><a href=href data-noscroll="">{t.region.name_in(en).to_string()}</a></th>
                    <td>{group_name(t.group, en)}</td>
                    <td class="cx-num">{t.policies}</td>
                    <td class="cx-num">{t.figures}</td>
                    <td class="cx-num">{t.mentions}</td>
                </tr>
            }
        })
        .collect();
    view! {
        <section class="cx-map-table" aria-labelledby="map-table-heading">
            <h2 id="map-table-heading">{if en { "The map as a table" } else { "地图的表格版" }}</h2>
            <div class="cx-scroll" tabindex="0" role="region"
                aria-label=if en { "Cities and their numbers" } else { "各市数字表" }>
                <table data-testid="map-table">
                    <caption>{if en { "Guangdong's cities: policies, figures and mentions in the source" } else { "广东各市：源文中的政策文件、数字和提及" }}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{if en { "City" } else { "城市" }}</th>
                            <th scope="col">{if en { "Region" } else { "区域" }}</th>
                            <th scope="col" class="cx-num">{measure_name(Measure::Policies, en)}</th>
                            <th scope="col" class="cx-num">{measure_name(Measure::Figures, en)}</th>
                            <th scope="col" class="cx-num">{measure_name(Measure::Mentions, en)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Legend entries for shade ranges (shade, value range): a swatch and "a–b" each. The map and
/// the matrix share it.
pub fn shade_legend(
    ranges: impl IntoIterator<Item = (usize, Option<(usize, usize)>)>,
) -> Vec<AnyView> {
    ranges
        .into_iter()
        .filter_map(|(s, range)| {
            let (a, b) = range?;
            let text = if a == b { a.to_string() } else { format!("{a}–{b}") };
            Some(
                view! {
                    <li><span class=format!("cx-swatch cx-shade-{s}") aria-hidden="true"></span>{text}</li>
                }
                .into_any(),
            )
        })
        .collect()
}
