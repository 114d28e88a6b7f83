//! Route `matrix`: which regions have policies on which themes, as a heat-map table. Each
//! non-empty cell links to the policy list filtered to that region and theme.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_library;
use crate::charts::matrix::{draw_matrix, matrix_height, MatrixChart};
use crate::charts::web::{png_data_url, ChartDownloads, EXPORT_SCALE, EXPORT_WIDTH};
use crate::core::compare::{matrix, matrix_csv, policies_href, shade, shade_ranges, source_line};
use crate::core::corpus::Corpus;
use crate::i18n::{count_en, tr, use_lang, Lang};
use crate::web::{remember_box_scroll, restore_box_scroll};

/// Where the table's scroll position is kept in a history entry.
const SCROLL_KEY: &str = "matrixScroll";

#[component]
pub fn MatrixView() -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let body = move || matrix_section(&library.corpus, lang.get() == Lang::En);
    view! {
        <Title text=tr("地区与主题", "Regions and themes")/>
        <article class="matrix-page" data-testid="matrix-page">
            <h1>{tr("地区 × 主题", "Regions × themes")}</h1>
            <p class="cx-lead">
                {tr(
                    "每行一个地区，每列一个主题，格中数字是该地区涉及该主题的政策文件数；点按数字打开筛选后的政策列表。一份政策可涉及多个主题。",
                    "A row per region, a column per theme; each number counts the region's policy documents on that theme. Tap a number for the filtered policy list. A policy can have several themes.",
                )}
            </p>
            {body}
        </article>
    }
}

fn matrix_section(corpus: &Corpus, en: bool) -> impl IntoView + use<> {
    let m = matrix(corpus);
    let head: Vec<_> = m
        .themes
        .iter()
        .map(|t| {
            let name = t.name_in(en).to_string();
            view! { <th scope="col" class="cx-theme"><span>{name}</span></th> }
        })
        .collect();
    let rows: Vec<_> = m
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cells: Vec<_> = m
                .themes
                .iter()
                .enumerate()
                .map(|(j, t)| {
                    let n = m.counts[i][j];
                    let testid = format!("matrix-cell-{}-{}", r.id, t.key);
                    let class = format!("cx-heat cx-shade-{}", shade(n, m.max));
                    if n == 0 {
                        view! { <td class=class data-testid=testid></td> }.into_any()
                    } else {
                        let theme = t.name_in(en).to_string();
                        let label = if en {
                            format!("{} · {theme}: {}", r.en, count_en(n, "policy", "policies"))
                        } else {
                            format!("{} · {theme}：{n} 份政策", r.name)
                        };
                        view! {
                            <td class=class>
                                <a href=policies_href(Some(&r.id), Some(&t.key))
                                    data-testid=testid aria-label=label.clone() title=label>{n}</a>
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect();
            view! {
                <tr>
                    <th scope="row">
                        <a href=policies_href(Some(&r.id), None)
                            data-testid=format!("matrix-region-{}", r.id)>{r.name_in(en).to_string()}</a>
                    </th>
                    {cells}
                    <td class="cx-num cx-total">{m.region_totals[i]}</td>
                </tr>
            }
        })
        .collect();
    let totals: Vec<_> = m
        .themes
        .iter()
        .enumerate()
        .map(|(j, t)| {
            view! {
                <td class="cx-num cx-total">
                    <a href=policies_href(None, Some(&t.key))
                        data-testid=format!("matrix-theme-{}", t.key)>{m.theme_totals[j]}</a>
                </td>
            }
        })
        .collect();
    let all: usize = m.region_totals.iter().sum();
    let legend = crate::routes::map::shade_legend(shade_ranges(m.max));
    let source = source_line(corpus, [], en);
    let chart = MatrixChart::new(&m, en, &source);
    let png = Signal::derive(move || {
        let h = matrix_height(&chart, EXPORT_WIDTH);
        png_data_url(EXPORT_WIDTH, h, EXPORT_SCALE, |root, s| {
            let _ = draw_matrix(root, &chart, s);
        })
    });
    let csv = matrix_csv(&m, en);
    // A link followed from the table leaves the box's position in the history entry, for Back.
    let scroll_box = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if let Some(element) = scroll_box.get() {
            restore_box_scroll(SCROLL_KEY, &element);
        }
    });
    view! {
        <section class="cx-matrix" aria-labelledby="matrix-heading">
            <h2 id="matrix-heading" class="cx-hidden">{if en { "The table" } else { "表格" }}</h2>
            <ul class="cx-legend">
                <li class="cx-legend-title">{if en { "Policies:" } else { "政策数：" }}</li>
                {legend}
            </ul>
            <div class="cx-scroll" tabindex="0" role="region" node_ref=scroll_box
                on:click=move |_| {
                    if let Some(element) = scroll_box.get_untracked() {
                        remember_box_scroll(SCROLL_KEY, &element);
                    }
                }
                aria-label=if en { "Regions and themes" } else { "地区与主题表" }>
                <table class="matrix-table" data-testid="matrix-table">
                    <caption>
                        {if en {
                            "Policy documents by region (rows) and theme (columns)"
                        } else {
                            "各地区（行）涉及各主题（列）的政策文件数"
                        }}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{if en { "Region" } else { "地区" }}</th>
                            {head}
                            <th scope="col" class="cx-theme"><span>{if en { "All policies" } else { "政策总数" }}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{if en { "All regions" } else { "合计" }}</th>
                            {totals}
                            <td class="cx-num cx-total"><a href="policies/">{all}</a></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <ChartDownloads png=png csv=csv stem="cankao-matrix".to_string()/>
        </section>
    }
}
