//! Route `timeline`: the policies by date and level. Time runs down the page (a month per band,
//! years without a policy folded into one band), a lane per level; every mark is a link to its
//! policy. A list gives the same policies in order.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::{use_library, SharedLibrary};
use crate::charts::timeline::{draw_timeline, timeline_height, TimelineText, BAND, MARK_BANDS};
use crate::charts::web::{png_data_url, ChartDownloads, EXPORT_SCALE};
use crate::core::compare::{source_line, timeline, timeline_csv, timeline_key};
use crate::core::corpus::{Corpus, Level};
use crate::core::items::ItemRef;
use crate::i18n::{tr, use_lang, Lang};

/// Width in CSS pixels of the exported timeline.
const EXPORT_WIDTH: f64 = 480.0;

fn lane(level: Level) -> usize {
    match level {
        Level::Central => 0,
        Level::Provincial => 1,
        Level::Municipal => 2,
    }
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let body = move || timeline_section(&library, lang.get() == Lang::En);
    view! {
        <Title text=tr("政策时间线", "Policy timeline")/>
        <article class="timeline-page" data-testid="timeline-page">
            <h1>{tr("政策时间线", "Policy timeline")}</h1>
            <p class="cx-lead">
                {tr(
                    "按发布日期排列的政策文件，自上而下为时间先后；三列分别是中央、省级和市级。点按圆点打开该政策。下方有同样内容的列表。",
                    "The policy documents by date of issue, oldest at the top, in three lanes: central, provincial and municipal. Tap a dot to open the policy; the same policies are listed below.",
                )}
            </p>
            {body}
        </article>
    }
}

fn timeline_section(lib: &SharedLibrary, en: bool) -> impl IntoView + use<> {
    let corpus: &Corpus = &lib.corpus;
    let t = timeline(corpus, MARK_BANDS);
    let slots = t.slots.max(1);
    let height = t.length() as f64 * BAND;
    let axis: Vec<_> = t
        .bands
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let label = b.year_label(i == 0);
            let month = b.month_label(i == 0, en);
            if label.is_none() && month.is_none() {
                return None;
            }
            let gap = b.month.is_none();
            let top = format!("top:{}px", i as f64 * BAND);
            let class = if gap {
                "cx-tl-tick cx-tl-gap"
            } else if label.is_some() {
                "cx-tl-tick cx-tl-year"
            } else {
                "cx-tl-tick"
            };
            Some(view! {
                <li class=class style=top>{label}{month}</li>
            })
        })
        .collect();
    let gaps: Vec<_> = t
        .bands
        .iter()
        .enumerate()
        .filter(|(_, b)| b.month.is_none())
        .map(|(i, _)| {
            view! {
                <div class="cx-tl-gapband" aria-hidden="true"
                    style=format!("top:{}px;height:{}px", i as f64 * BAND, BAND)></div>
            }
        })
        .collect();
    let years: Vec<_> = t
        .bands
        .iter()
        .enumerate()
        .filter(|(i, b)| b.month.is_some() && b.year_label(*i == 0).is_some() && *i > 0)
        .map(|(i, _)| {
            view! {
                <div class="cx-tl-rule" aria-hidden="true" style=format!("top:{}px", i as f64 * BAND)></div>
            }
        })
        .collect();
    // Each mark carries its number, as in the image, and the list below gives the same numbers:
    // a dot on a phone has no room for a name, and no pointer to hover it.
    let marks: Vec<_> = t
        .marks
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let p = m.policy;
            let region = corpus.region(&p.region).map_or("", |r| r.name_in(en));
            // The name starts with the number the dot shows, as a spoken name must hold it.
            let label = format!(
                "{}. {} · {} · {} · {}",
                n + 1,
                p.date,
                m.level.name_in(en),
                region,
                p.short_title
            );
            let style = format!(
                "top:{:.1}px;left:calc({} * 100% / 3 + {} * (100% / 3 / {slots}) + 2px)",
                m.pos * BAND,
                lane(m.level),
                m.slot
            );
            view! {
                <a class=format!("cx-tl-mark cx-level-{}", lane(m.level)) href=ItemRef::Policy(p).path()
                    style=style aria-label=label.clone() title=label
                    data-testid=format!("timeline-mark-{}", p.id)>{n + 1}</a>
            }
        })
        .collect();
    // The list, year by year.
    let mut by_year: Vec<(String, Vec<_>)> = Vec::new();
    for (n, m) in t.marks.iter().enumerate() {
        let p = m.policy;
        let year = p.date.get(..4).unwrap_or("").to_string();
        let region = corpus
            .region(&p.region)
            .map_or(String::new(), |r| r.name_in(en).to_string());
        let item = view! {
            <li data-testid=format!("timeline-item-{}", p.id)>
                <span class=format!("cx-tl-num cx-level-{}", lane(m.level)) aria-hidden="true">{n + 1}</span>
                <a href=ItemRef::Policy(p).path() lang="zh-CN">{p.short_title.clone()}</a>
                <span class="meta">
                    <span class=format!("cx-dot cx-level-{}", lane(m.level)) aria-hidden="true"></span>
                    {p.date.clone()}" · "{m.level.name_in(en)}" · "{region}
                    {p.doc_number.clone().map(|d| view! { " · "<span class="docno" lang="zh-CN">{d}</span> })}
                </span>
            </li>
        };
        match by_year.last_mut() {
            Some((y, items)) if *y == year => items.push(item),
            _ => by_year.push((year, vec![item])),
        }
    }
    let list: Vec<_> = by_year
        .into_iter()
        .map(|(year, items)| {
            let n = items.len();
            view! {
                <h3>{year}<span class="count">{n}</span></h3>
                <ol class="plain">{items}</ol>
            }
        })
        .collect();
    let lanes: Vec<_> = Level::ALL
        .into_iter()
        .map(|l| {
            view! {
                <li class=format!("cx-tl-lane cx-level-{}", lane(l))>
                    <span class=format!("cx-dot cx-level-{}", lane(l)) aria-hidden="true"></span>
                    {l.name_in(en)}
                </li>
            }
        })
        .collect();
    let text = TimelineText {
        title: if en {
            format!(
                "Policy documents by date and level, {}–{}",
                t.first_year, t.last_year
            )
        } else {
            format!(
                "政策文件的发布时间与层级（{}—{}）",
                t.first_year, t.last_year
            )
        },
        lanes: [
            Level::Central.name_in(en).to_string(),
            Level::Provincial.name_in(en).to_string(),
            Level::Municipal.name_in(en).to_string(),
        ],
        en,
        key: timeline_key(corpus, &t, en),
        source: source_line(corpus, [], en),
    };
    let heading = text.title.clone();
    let csv = timeline_csv(corpus, &t, &crate::web::app_root_url(), en);
    let n = t.marks.len();
    let png = {
        let lib = lib.clone();
        Signal::derive(move || {
            let t = timeline(&lib.corpus, MARK_BANDS);
            let h = timeline_height(&t, &text, EXPORT_WIDTH);
            png_data_url(EXPORT_WIDTH, h, EXPORT_SCALE, |root, s| {
                let _ = draw_timeline(root, &t, &text, s);
            })
        })
    };
    view! {
        <section class="cx-timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{heading}</h2>
            <div class="cx-tl" data-testid="timeline" role="group" style=format!("--slots:{slots}")
                aria-label=if en { format!("{n} policies on a time axis") } else { format!("时间轴上的 {n} 份政策") }>
                <ul class="cx-tl-head" aria-hidden="true">{lanes}</ul>
                <div class="cx-tl-body" style=format!("height:{height}px")>
                    <ol class="cx-tl-axis" aria-hidden="true">{axis}</ol>
                    <div class="cx-tl-track">
                        {gaps}
                        {years}
                        <div class="cx-tl-lanes" aria-hidden="true"><span></span><span></span><span></span></div>
                        {marks}
                    </div>
                </div>
            </div>
            <ChartDownloads png=png csv=csv stem="cankao-timeline".to_string()/>
        </section>
        <section class="cx-timeline-list" aria-labelledby="timeline-list-heading">
            <h2 id="timeline-list-heading">{if en { format!("The {n} policies in order") } else { format!("按时间排列的 {n} 份政策") }}</h2>
            <div data-testid="timeline-list">{list}</div>
        </section>
    }
}
