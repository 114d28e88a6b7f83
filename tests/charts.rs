#![cfg(not(target_arch = "wasm32"))]
//! The charts show what the corpus says: each is drawn to SVG with the same code the app draws
//! to a canvas, and the SVG is read back (bars, labels, values, order) against the figures.

use std::collections::BTreeSet;
use std::path::Path;

use cankao::charts::{
    bar_layout, draw_matrix, draw_ranked_bars, draw_tile_map, draw_timeline, hex, matrix_height,
    text_width, tile_map_height, timeline_height, MatrixChart, TileChart, TimelineText, BAR,
    BAR_TARGET,
};
use cankao::core::compare::{
    bar_chart, compare, comparison_csv, indicator_rows, matrix, policies_href, ready_made, tiles,
    timeline, timeline_key, BarChart, CompareState, Measure, GROUPS,
};
use cankao::core::corpus::{format_number, Corpus, Level, RegionKind};
use cankao::core::csv;
use cankao::tool::load_corpus;
use plotters::prelude::*;

fn corpus() -> Corpus {
    load_corpus(Path::new("data/corpus"))
        .unwrap_or_else(|f| panic!("corpus does not load: {f:#?}"))
        .corpus
}

/// A `<text>` element of the SVG: where it is and what it says.
#[derive(Debug, Clone)]
struct SvgText {
    x: f64,
    y: f64,
    size: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn texts(svg: &str) -> Vec<SvgText> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let after = &rest[start..];
        let open_end = after.find('>').unwrap();
        let tag = &after[..open_end];
        let close = after.find("</text>").unwrap();
        let body = &after[open_end + 1..close];
        out.push(SvgText {
            x: attr(tag, "x").unwrap().parse().unwrap(),
            y: attr(tag, "y").unwrap().parse().unwrap(),
            size: attr(tag, "font-size").unwrap().parse().unwrap(),
            text: unescape(body.trim()),
        });
        rest = &after[close..];
    }
    out
}

/// The `<rect>`s filled with `color`: (x, y, width, height).
fn rects(svg: &str, color: &str) -> Vec<(f64, f64, f64, f64)> {
    svg.split("<rect")
        .skip(1)
        .map(|r| &r[..r.find("/>").unwrap()])
        .filter(|r| attr(r, "fill").as_deref() == Some(color))
        .map(|r| {
            let n = |k: &str| attr(r, k).unwrap().parse::<f64>().unwrap();
            (n("x"), n("y"), n("width"), n("height"))
        })
        .collect()
}

fn bars_svg(chart: &BarChart, width: f64, scale: f64) -> String {
    let layout = bar_layout(chart, width, scale);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(
            &mut svg,
            (layout.width.round() as u32, layout.height.round() as u32),
        )
        .into_drawing_area();
        draw_ranked_bars(root, chart, scale).unwrap();
    }
    svg
}

fn six_provinces(c: &Corpus) -> CompareState {
    ready_made(c)
        .into_iter()
        .find(|r| r.key == "provinces-industrial-value-added")
        .expect("the provinces' comparison is offered")
        .state
}

#[test]
fn the_six_provinces_chart_ranks_their_industrial_value_added() {
    let c = corpus();
    let state = six_provinces(&c);
    assert_eq!(state.indicator, "industrial_value_added");
    assert_eq!(state.period, "2022");
    // The link is the comparison.
    assert_eq!(
        CompareState::from_query(&state.to_query(), &c.registry.regions),
        state
    );
    let cmp = compare(&c, &state).unwrap();
    let chart = bar_chart(&c, &cmp, false);
    let svg = bars_svg(&chart, 360.0, 1.0);

    let bars = rects(&svg, &hex(BAR));
    assert_eq!(bars.len(), 6, "{svg}");
    assert!(rects(&svg, &hex(BAR_TARGET)).is_empty());
    // Top to bottom, longest first.
    for pair in bars.windows(2) {
        assert!(pair[0].1 < pair[1].1);
        assert!(pair[0].2 > pair[1].2, "{pair:?}");
    }

    let all = texts(&svg);
    let names = ["江苏", "广东", "浙江", "山东", "河南", "四川"];
    let labels: Vec<&SvgText> = all
        .iter()
        .filter(|t| names.contains(&t.text.as_str()))
        .collect();
    assert_eq!(
        labels.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        names
    );
    // Each bar's value, with its unit, on the bar's row, and equal to the corpus figure.
    for (i, label) in labels.iter().enumerate() {
        let region = c
            .registry
            .regions
            .iter()
            .find(|r| r.name == label.text)
            .unwrap();
        let figure = c.issues[0]
            .figures
            .iter()
            .find(|f| {
                f.region == region.id
                    && f.indicator == "industrial_value_added"
                    && f.period == "2022"
            })
            .unwrap();
        let value = format!("{} 亿元", format_number(figure.value));
        let shown = all
            .iter()
            .find(|t| t.text == value)
            .unwrap_or_else(|| panic!("{value} is not drawn"));
        assert_eq!(shown.y, label.y, "{value} sits on {}'s row", label.text);
        assert!(shown.x > label.x);
        let (_, y, _, h) = bars[i];
        assert!(
            y <= label.y && label.y <= y + h,
            "bar {i} is {}'s",
            label.text
        );
    }
    assert!(all.iter().any(|t| t.text == "48593.6 亿元"));
    assert!(all.iter().any(|t| t.text == "47723 亿元"));
    assert!(all.iter().any(|t| t.text.contains("工业增加值")));

    // The order is the corpus's order, not the chart's own idea.
    let mut expected: Vec<(&str, f64)> = c.issues[0]
        .figures
        .iter()
        .filter(|f| f.indicator == "industrial_value_added" && f.period == "2022")
        .filter(|f| c.region(&f.region).unwrap().kind == RegionKind::Province)
        .map(|f| (c.region(&f.region).unwrap().name.as_str(), f.value))
        .collect();
    expected.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert_eq!(
        expected.iter().map(|e| e.0).collect::<Vec<_>>(),
        names.to_vec()
    );

    // The CSV holds the same six rows, with a BOM, ranked.
    let doc = comparison_csv(&c, &cmp, "https://example.org/", false);
    assert!(doc.starts_with(csv::BOM));
    let rows = csv::parse(&doc);
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[1][0], "1");
    assert_eq!(rows[1][1], "江苏");
    assert_eq!(rows[1][6], "48593.6");
    assert!(rows[1][11].contains("48593.6"));
    assert!(rows[1][14].starts_with("https://example.org/") && rows[1][14].ends_with('/'));
    // Shandong's figure, which the source contradicts, carries the editors' note.
    assert_eq!(rows[0][12], "编者注");
    assert_eq!(rows[4][1], "山东");
    assert!(rows[4][12].contains("19854.6"), "{:?}", rows[4]);
    assert!(rows[1][12].is_empty());
    // From the English interface: our words in English, the source's sentence as printed.
    let english = csv::parse(&comparison_csv(&c, &cmp, "https://example.org/", true));
    assert_eq!(english[0][12], "Editors' note");
    assert_eq!(english[1][1], "Jiangsu");
    assert_eq!(english[1][11], rows[1][11]);
    assert!(
        english[4][12].starts_with(|c: char| c.is_ascii()),
        "{:?}",
        english[4]
    );
}

#[test]
fn the_csv_keeps_ratios_and_months_as_written() {
    // Excel would show 1/7 as 1月7日, 1:1 as 1:01 and the period 2023-01 as a day.
    let c = corpus();
    for (indicator, region, period, column, text) in [
        ("share_of_country", "guangdong", "2023", "原文数值", "1/7"),
        (
            "matching_ratio",
            "guangzhou",
            "2021-2025",
            "原文数值",
            "1:1",
        ),
        (
            "manufacturing_enterprises",
            "guangdong",
            "2023-01",
            "时期",
            "2023-01",
        ),
    ] {
        let state = CompareState {
            indicator: indicator.into(),
            regions: vec![region.into()],
            period: period.into(),
            ..CompareState::default()
        };
        let cmp = compare(&c, &state).unwrap();
        let rows = csv::parse(&comparison_csv(&c, &cmp, "https://example.org/", false));
        let at = rows[0].iter().position(|h| h == column).unwrap();
        assert!(
            rows[1..].iter().any(|r| r[at] == format!("=\"{text}\"")),
            "{indicator}: {rows:?}"
        );
    }
}

#[test]
fn counts_printed_with_other_classifiers_are_drawn_beside_each_other() {
    // 长三角's 18 席 of national clusters beside 江苏's 10 个; 珠三角's 9 市 beside 江苏's 13 个.
    let c = corpus();
    for (indicator, period, region) in [
        ("national_advanced_clusters", "2022", "yangtze-delta"),
        ("top100_manufacturing_cities", "2022", "pearl-river-delta"),
    ] {
        let state = CompareState {
            indicator: indicator.into(),
            period: period.into(),
            ..CompareState::default()
        };
        let cmp = compare(&c, &state).unwrap();
        assert!(
            cmp.other_units.is_empty(),
            "{indicator}: {:?}",
            cmp.other_units
        );
        let drawn: Vec<&str> = cmp.entries.iter().map(|e| e.region.id.as_str()).collect();
        assert!(
            drawn.contains(&region) && drawn.contains(&"jiangsu"),
            "{indicator}: {drawn:?}"
        );
    }
}

#[test]
fn one_announcements_figures_share_a_period_and_one_comparison() {
    // MIIT's list of 45 national clusters (2022): 深圳's 4 beside 江苏's 10, not a year apart.
    let c = corpus();
    let state = CompareState {
        indicator: "national_advanced_clusters".into(),
        period: "2022".into(),
        ..CompareState::default()
    };
    let cmp = compare(&c, &state).unwrap();
    let drawn: Vec<&str> = cmp.entries.iter().map(|e| e.region.id.as_str()).collect();
    for region in ["shenzhen", "jiangsu", "yangtze-delta", "china"] {
        assert!(drawn.contains(&region), "{region}: {drawn:?}");
    }
}

#[test]
fn the_chart_fits_a_phone_and_is_sharp_on_dense_screens() {
    let c = corpus();
    let cmp = compare(&c, &six_provinces(&c)).unwrap();
    let chart = bar_chart(&c, &cmp, false);
    let one = bar_layout(&chart, 360.0, 1.0);
    let three = bar_layout(&chart, 360.0, 3.0);
    assert_eq!(three.width, 3.0 * one.width);
    assert!((three.height - 3.0 * one.height).abs() < 1.0);
    // Every label and value stays inside 360 px.
    for bar in &chart.bars {
        let x = one.x(bar.value);
        assert!(
            x + 6.0 + text_width(&bar.value_label, 12.5) <= 360.0,
            "{}",
            bar.value_label
        );
        assert!(one.label_right - text_width(&bar.label, 13.0) >= 0.0);
    }
    let svg = bars_svg(&chart, 360.0, 3.0);
    assert!(svg.contains("width=\"1080\""));
    assert_eq!(rects(&svg, &hex(BAR)).len(), 6);
    // English interface text and place names.
    let en = bar_chart(&c, &cmp, true);
    let svg = bars_svg(&en, 360.0, 1.0);
    let all = texts(&svg);
    assert!(all
        .iter()
        .any(|t| t.text.contains("Industrial value added")));
    assert!(all.iter().any(|t| t.text == "Jiangsu"));
}

#[test]
fn a_scoped_bar_says_whose_figure_it_is_and_its_label_fits_the_phone() {
    // 深圳's 6759 high-tech enterprises are 宝安区's, 东莞's 2604 the smart-terminal cluster's.
    let c = corpus();
    let state = CompareState::from_query(
        "?ind=high_tech_enterprises&period=2022",
        &c.registry.regions,
    );
    let chart = bar_chart(&c, &compare(&c, &state).unwrap(), false);
    let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
    assert!(labels.contains(&"深圳①·宝安区"), "{labels:?}");
    assert!(labels.contains(&"东莞·智能终端产业集群"), "{labels:?}");
    // Drawn at 360 px, a label too long for its column is cut with an ellipsis, never drawn
    // past the chart's left edge.
    let layout = bar_layout(&chart, 360.0, 1.0);
    let svg = bars_svg(&chart, 360.0, 1.0);
    let drawn: Vec<SvgText> = texts(&svg)
        .into_iter()
        .filter(|t| (t.x - layout.label_right).abs() < 1.0)
        .collect();
    assert_eq!(drawn.len(), chart.bars.len());
    for t in &drawn {
        assert!(
            layout.label_right - text_width(&t.text, 13.0) >= 0.0,
            "{}",
            t.text
        );
    }
    assert!(drawn
        .iter()
        .any(|t| t.text.starts_with("东莞·") && t.text.ends_with('…')));
}

#[test]
fn chinese_names_in_the_url_make_the_same_comparison() {
    let c = corpus();
    let zh = CompareState::from_query(
        "?ind=industrial_value_added&cmp=江苏~广东省~浙江&from=singlemessage",
        &c.registry.regions,
    );
    assert_eq!(zh.regions, ["jiangsu", "guangdong", "zhejiang"]);
    assert_eq!(
        zh.href(),
        "compare/?ind=industrial_value_added&cmp=jiangsu~guangdong~zhejiang"
    );
    let cmp = compare(&c, &zh).unwrap();
    assert_eq!(cmp.period.as_deref(), Some("2022"));
    let order: Vec<&str> = cmp.entries.iter().map(|e| e.region.id.as_str()).collect();
    assert_eq!(order, ["jiangsu", "guangdong", "zhejiang"]);
}

#[test]
fn guangdong_and_jiangsu_share_every_indicator_the_source_gives_both() {
    let c = corpus();
    let ready = ready_made(&c);
    let pair = ready.iter().find(|r| r.key == "guangdong-jiangsu").unwrap();
    assert_eq!(pair.state.href(), "compare/?cmp=guangdong~jiangsu");
    let regions: Vec<_> = pair
        .state
        .regions
        .iter()
        .map(|id| c.region(id).unwrap())
        .collect();
    let rows = indicator_rows(&c, &regions);
    let shared: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.regions_with_data() == 2)
        .map(|r| r.indicator.key.as_str())
        .collect();
    let of = |region: &str| -> BTreeSet<&str> {
        c.issues[0]
            .figures
            .iter()
            .filter(|f| f.region == region)
            .map(|f| f.indicator.as_str())
            .collect()
    };
    let both: BTreeSet<&str> = of("guangdong")
        .intersection(&of("jiangsu"))
        .copied()
        .collect();
    assert_eq!(shared, both);
    assert!(shared.contains("industrial_value_added"));
    assert!(shared.contains("regional_industrial_disparity"));
    // Shared rows come first, and each cell holds exactly that region's figures.
    assert!(rows[..shared.len()]
        .iter()
        .all(|r| r.regions_with_data() == 2));
    let iva = rows
        .iter()
        .find(|r| r.indicator.key == "industrial_value_added")
        .unwrap();
    assert_eq!(iva.cells[0].len(), 1);
    assert_eq!(iva.cells[0][0].value, 47723.0);
    assert_eq!(iva.cells[1][0].value, 48593.6);
    assert_eq!(iva.common_periods, ["2022"]);
}

#[test]
fn the_guangdong_cities_comparison_names_the_cities_the_articles_describe() {
    let c = corpus();
    let ready = ready_made(&c);
    let cities = ready.iter().find(|r| r.key == "guangdong-cities").unwrap();
    let described: BTreeSet<&str> = c.issues[0]
        .articles
        .iter()
        .flat_map(|a| a.regions.iter())
        .map(String::as_str)
        .filter(|id| {
            let r = c.region(id).unwrap();
            r.kind == RegionKind::City && r.parent.as_deref() == Some("guangdong")
        })
        .collect();
    let offered: BTreeSet<&str> = cities.state.regions.iter().map(String::as_str).collect();
    assert_eq!(offered, described);
    assert!(offered.contains("guangzhou") && offered.contains("shenzhen"));
    let regions: Vec<_> = cities
        .state
        .regions
        .iter()
        .map(|id| c.region(id).unwrap())
        .collect();
    assert!(indicator_rows(&c, &regions).len() > 10);
}

#[test]
fn the_map_has_21_cities_and_counts_what_the_corpus_holds() {
    let c = corpus();
    let tiles = tiles(&c);
    assert_eq!(tiles.len(), 21);
    assert!(tiles.iter().all(|t| GROUPS.contains(&t.group)));
    let cells: BTreeSet<(u8, u8)> = tiles.iter().map(|t| (t.col, t.row)).collect();
    assert_eq!(cells.len(), 21, "no two cities share a tile");
    let municipal_in_guangdong = c.issues[0]
        .policies
        .iter()
        .filter(|p| {
            c.region(&p.region)
                .is_some_and(|r| r.parent.as_deref() == Some("guangdong"))
        })
        .count();
    assert_eq!(
        tiles.iter().map(|t| t.policies).sum::<usize>(),
        municipal_in_guangdong
    );
    let foshan = tiles.iter().find(|t| t.region.id == "foshan").unwrap();
    assert_eq!(
        foshan.figures,
        c.issues[0]
            .figures
            .iter()
            .filter(|f| f.region == "foshan")
            .count()
    );
    assert!(foshan.mentions >= foshan.policies);
    assert_eq!(
        policies_href(Some("foshan"), None),
        "policies/?region=foshan"
    );

    for measure in Measure::ALL {
        let chart = TileChart::new(&tiles, measure, false, "来源");
        let h = tile_map_height(&chart, 480.0);
        let mut svg = String::new();
        {
            let root =
                SVGBackend::with_string(&mut svg, (480, h.round() as u32)).into_drawing_area();
            draw_tile_map(root, &chart, 1.0).unwrap();
        }
        let all = texts(&svg);
        for t in &tiles {
            let name = all
                .iter()
                .position(|x| x.text == t.region.name)
                .unwrap_or_else(|| panic!("{} is drawn", t.region.name));
            // The city's value is drawn just below its name.
            assert_eq!(all[name + 1].text, t.value(measure).to_string());
        }
        for g in GROUPS {
            assert!(all.iter().any(|x| x.text == g), "legend names {g}");
        }
    }
}

#[test]
fn the_english_map_names_each_city_within_its_tile() {
    let c = corpus();
    let tiles = tiles(&c);
    let chart = TileChart::new(&tiles, Measure::Policies, true, "Source");
    // A phone's width: the tiles are smallest there.
    let width = 328.0;
    let h = tile_map_height(&chart, width);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (width as u32, h.round() as u32)).into_drawing_area();
        draw_tile_map(root, &chart, 1.0).unwrap();
    }
    let all = texts(&svg);
    // Each name on one line, or on two at its syllables (Guang / zhou), the value under it.
    let names: Vec<Vec<&SvgText>> = tiles
        .iter()
        .map(|t| {
            let en = &t.region.en;
            let lines: Vec<&SvgText> = (0..all.len() - 1)
                .find_map(|i| {
                    if &all[i].text == en {
                        Some(vec![&all[i]])
                    } else if format!("{}{}", all[i].text, all[i + 1].text) == *en {
                        Some(vec![&all[i], &all[i + 1]])
                    } else {
                        None
                    }
                })
                .unwrap_or_else(|| panic!("{en} is drawn"));
            let at = all.iter().position(|x| std::ptr::eq(x, lines[0])).unwrap();
            assert_eq!(all[at + lines.len()].text, t.policies.to_string());
            lines
        })
        .collect();
    // Neighbouring tiles' names are centred a tile apart.
    let mut xs: Vec<f64> = names.iter().map(|n| n[0].x).collect();
    xs.sort_by(f64::total_cmp);
    let tile = xs
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|gap| *gap > 1.0)
        .fold(f64::INFINITY, f64::min);
    for n in names.iter().flatten() {
        let w = text_width(&n.text, n.size);
        assert!(w < tile, "{} is {w:.1} wide in a {tile:.1} tile", n.text);
        assert!(n.size >= 7.0, "{} is legible: {}", n.text, n.size);
    }
}

#[test]
fn the_matrix_counts_policies_by_region_and_theme() {
    let c = corpus();
    let m = matrix(&c);
    let issue = &c.issues[0];
    for (i, r) in m.regions.iter().enumerate() {
        for (j, t) in m.themes.iter().enumerate() {
            let n = issue
                .policies
                .iter()
                .filter(|p| p.region == r.id && issue.themes_of(&p.id).contains(&t.key))
                .count();
            assert_eq!(m.counts[i][j], n, "{} × {}", r.id, t.key);
        }
    }
    assert_eq!(m.region_totals.iter().sum::<usize>(), issue.policies.len());
    assert!(m.regions.iter().any(|r| r.id == "guangzhou"));
    let chart = MatrixChart::new(&m, false, "来源");
    let h = matrix_height(&chart, 640.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, h.round() as u32)).into_drawing_area();
        draw_matrix(root, &chart, 1.0).unwrap();
    }
    let all = texts(&svg);
    for r in &m.regions {
        assert!(all.iter().any(|t| t.text == r.name), "{}", r.name);
    }
    for t in &m.themes {
        assert!(all.iter().any(|x| x.text == t.zh), "{}", t.zh);
    }
    let nonzero = m.counts.iter().flatten().filter(|n| **n > 0).count();
    let numbers = all
        .iter()
        .filter(|t| t.text.parse::<usize>().is_ok_and(|n| n > 0))
        .count();
    assert_eq!(numbers, nonzero);
}

#[test]
fn the_timeline_has_every_policy_from_2017_to_2023() {
    let c = corpus();
    let t = timeline(&c, cankao::charts::timeline::MARK_BANDS);
    assert_eq!(t.marks.len(), 41);
    assert_eq!((t.first_year, t.last_year), (2017, 2023));
    for w in t.marks.windows(2) {
        assert!(w[0].policy.date <= w[1].policy.date);
        assert!(w[0].pos <= w[1].pos);
    }
    // Marks in one lane and slot never overlap.
    for a in &t.marks {
        for b in &t.marks {
            if a.policy.id != b.policy.id && a.level == b.level && a.slot == b.slot {
                assert!((a.pos - b.pos).abs() >= cankao::charts::timeline::MARK_BANDS - 1e-9);
            }
        }
    }
    assert!(t.slots <= 4, "{} slots fit a 360 px lane", t.slots);
    let central = t.marks.iter().filter(|m| m.level == Level::Central).count();
    assert_eq!(central, 12);
    let text = TimelineText {
        title: "政策时间线".into(),
        lanes: ["中央".into(), "省级".into(), "市级".into()],
        en: false,
        key: timeline_key(&c, &t, false),
        source: "来源".into(),
    };
    let h = timeline_height(&t, &text, 480.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (480, h.round() as u32)).into_drawing_area();
        draw_timeline(root, &t, &text, 1.0).unwrap();
    }
    assert_eq!(svg.matches("<circle").count(), 41);
    let all = texts(&svg);
    for year in ["2017", "2018–2020", "2021", "2022", "2023"] {
        assert!(all.iter().any(|x| x.text == year), "{year}");
    }
    // An image has no links: each mark is numbered, and the key under the chart names the
    // policy of each number, with its date and document number.
    for n in 1..=41 {
        let drawn = all.iter().filter(|x| x.text == n.to_string()).count();
        assert_eq!(drawn, 2, "{n}: on its mark and in the key");
    }
    let key: String = all.iter().map(|x| x.text.as_str()).collect();
    for m in &t.marks {
        let p = m.policy;
        assert!(key.contains(&p.short_title), "{}", p.short_title);
        if let Some(number) = &p.doc_number {
            // Whole on one line.
            assert!(
                all.iter().any(|x| x.text.contains(number.as_str())),
                "{number}"
            );
        }
    }
    assert!(all.iter().any(|x| x.text == "4月"), "months on the axis");
    let below = all.iter().map(|x| x.y).fold(0.0, f64::max);
    assert!(below < h, "the key fits the image: {below} < {h}");
}
