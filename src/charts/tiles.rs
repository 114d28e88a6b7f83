//! The Guangdong tile map (grid cartogram) as an image, for the PNG download. The page itself
//! shows the map as an HTML grid of links (`routes::map`); both come from `core::compare::tiles`.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::Rectangle;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};

use super::stack_lines;
use super::{
    begin, finish, light_text_on, px, text_style, text_width, GROUP_COLORS, INK, PAD, PAPER,
    SHADES, SMALL, TITLE,
};
use crate::core::compare::{
    grid_size, group_en, pinyin_halves, shade, shade_ranges, Measure, Tile, GROUPS,
};

const NAME: f64 = 13.0;
const MAX_CELL: f64 = 76.0;
const SWATCH: f64 = 16.0;
/// Line height of a city's name on two lines and its value, in font sizes.
const LINE: f64 = 1.1;

/// A city as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct TileMark {
    pub label: String,
    pub value: usize,
    pub col: u8,
    pub row: u8,
    /// 0..=4, see `core::compare::shade`.
    pub shade: usize,
    /// Index into `core::compare::GROUPS`.
    pub group: usize,
}

/// The tile map's data, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct TileChart {
    pub title: String,
    pub cols: u8,
    pub rows: u8,
    pub tiles: Vec<TileMark>,
    /// Legend text for shades 0..=4.
    pub shades: Vec<String>,
    /// Legend text for each group.
    pub groups: Vec<String>,
    pub source: String,
}

impl TileChart {
    pub fn new(tiles: &[Tile], measure: Measure, en: bool, source: &str) -> TileChart {
        let max = tiles.iter().map(|t| t.value(measure)).max().unwrap_or(0);
        let (cols, rows) = grid_size(tiles);
        let mut shades = vec!["0".to_string()];
        shades.extend(shade_ranges(max).into_iter().map(|(_, r)| match r {
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}–{b}"),
            None => String::new(),
        }));
        TileChart {
            title: if en {
                format!("Guangdong's cities: {}", measure.en())
            } else {
                format!("广东各市{}", measure.zh())
            },
            cols,
            rows,
            tiles: tiles
                .iter()
                .map(|t| TileMark {
                    label: t.region.name_in(en).to_string(),
                    value: t.value(measure),
                    col: t.col,
                    row: t.row,
                    shade: shade(t.value(measure), max),
                    group: GROUPS.iter().position(|g| *g == t.group).unwrap_or(0),
                })
                .collect(),
            shades,
            groups: GROUPS
                .iter()
                .map(|g| {
                    if en {
                        group_en(g).to_string()
                    } else {
                        g.to_string()
                    }
                })
                .collect(),
            source: source.to_string(),
        }
    }
}

struct Layout {
    title: Vec<(String, f64)>,
    grid_top: f64,
    cell: f64,
    /// (x, y, swatch kind, text): kind 0..=4 a shade, 5.. a group outline.
    legend: Vec<(f64, f64, usize, String)>,
    source: Vec<(String, f64)>,
    height: f64,
}

fn layout(chart: &TileChart, width: f64, s: f64) -> Layout {
    let inner = (width - 2.0 * PAD * s).max(40.0 * s);
    let mut y = PAD * s;
    let title = stack_lines(&chart.title, TITLE * s, inner, &mut y);
    y += 4.0 * s;
    let grid_top = y;
    let cell = (inner / f64::from(chart.cols.max(1))).min(MAX_CELL * s);
    y += cell * f64::from(chart.rows) + 10.0 * s;
    // Legend items flow left to right and wrap.
    let mut legend = Vec::new();
    let items: Vec<(usize, &String)> = chart
        .shades
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .chain(chart.groups.iter().enumerate().map(|(i, g)| (5 + i, g)))
        .collect();
    let mut x = PAD * s;
    let row_h = (SWATCH + 8.0) * s;
    for (kind, text) in items {
        let w = SWATCH * s + 4.0 * s + text_width(text, SMALL * s) + 12.0 * s;
        if x + w > width - PAD * s && x > PAD * s {
            x = PAD * s;
            y += row_h;
        }
        legend.push((x, y, kind, text.clone()));
        x += w;
    }
    y += row_h + 4.0 * s;
    let source = stack_lines(&chart.source, SMALL * s, inner, &mut y);
    Layout {
        title,
        grid_top,
        cell,
        legend,
        source,
        height: y + PAD * s,
    }
}

/// A rectangle filled with `fill` inside a `width`-thick frame of `edge` (backends differ on
/// stroke widths, so the frame is drawn as a filled rectangle under the fill).
fn framed<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    edge: RGBColor,
    fill: RGBColor,
    width: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.draw(&Rectangle::new(
        [(px(x0), px(y0)), (px(x1), px(y1))],
        edge.filled(),
    ))?;
    root.draw(&Rectangle::new(
        [
            (px(x0 + width), px(y0 + width)),
            (px(x1 - width), px(y1 - width)),
        ],
        fill.filled(),
    ))?;
    Ok(())
}

/// The height in CSS pixels of the map drawn `width_css` wide.
pub fn tile_map_height(chart: &TileChart, width_css: f64) -> f64 {
    layout(chart, width_css, 1.0).height
}

/// Draws the tile map: each city a square at its grid cell, filled by its shade, outlined in
/// its group's colour, with its name and value.
pub fn draw_tile_map<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    chart: &TileChart,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale;
    let (w, _) = root.dim_in_pixel();
    let l = layout(chart, f64::from(w), s);
    begin(&root, &l.title, s)?;
    let inset = 2.0 * s;
    let border = (3.0 * s).round().max(1.0);
    for t in &chart.tiles {
        let x0 = PAD * s + f64::from(t.col) * l.cell + inset;
        let y0 = l.grid_top + f64::from(t.row) * l.cell + inset;
        let x1 = x0 + l.cell - 2.0 * inset;
        let y1 = y0 + l.cell - 2.0 * inset;
        let fill = SHADES[t.shade.min(SHADES.len() - 1)];
        let edge = GROUP_COLORS[t.group.min(GROUP_COLORS.len() - 1)];
        framed(&root, (x0, y0, x1, y1), edge, fill, border)?;
        let ink = if light_text_on(t.shade) { PAPER } else { INK };
        let cx = (x0 + x1) / 2.0;
        let cy = (y0 + y1) / 2.0;
        let name = NAME.min(l.cell / s / 3.2) * s;
        let room = x1 - x0 - 2.0 * border;
        let value = t.value.to_string();
        // Two Chinese characters fit at `name`; an English name shrinks to its tile, or, where
        // that would make it small, goes on two lines at its syllables (Guang / zhou), with the
        // value under them at their size.
        let one_line = name.min(room / text_width(&t.label, 1.0));
        match pinyin_halves(&t.label) {
            Some((a, b)) if one_line < 0.8 * name => {
                let widest = text_width(a, 1.0).max(text_width(b, 1.0));
                let size = name.min(room / widest).min(room / (3.0 * LINE));
                let mut y = cy - 1.5 * LINE * size;
                for (line, bold) in [(a, true), (b, true), (value.as_str(), false)] {
                    root.draw_text(
                        line,
                        &text_style(size, ink, HPos::Center, VPos::Top, bold),
                        (px(cx), px(y)),
                    )?;
                    y += LINE * size;
                }
            }
            _ => {
                root.draw_text(
                    &t.label,
                    &text_style(one_line, ink, HPos::Center, VPos::Bottom, true),
                    (px(cx), px(cy + 1.0 * s)),
                )?;
                root.draw_text(
                    &value,
                    &text_style(name, ink, HPos::Center, VPos::Top, false),
                    (px(cx), px(cy + 3.0 * s)),
                )?;
            }
        }
    }
    for (x, y, kind, text) in &l.legend {
        let (x0, y0) = (*x, *y);
        let (x1, y1) = (x0 + SWATCH * s, y0 + SWATCH * s);
        if *kind < 5 {
            root.draw(&Rectangle::new(
                [(px(x0), px(y0)), (px(x1), px(y1))],
                SHADES[*kind].filled(),
            ))?;
        } else {
            framed(
                &root,
                (x0, y0, x1, y1),
                GROUP_COLORS[(kind - 5).min(3)],
                PAPER,
                border,
            )?;
        }
        root.draw_text(
            text,
            &text_style(SMALL * s, INK, HPos::Left, VPos::Center, false),
            (px(x1 + 4.0 * s), px((y0 + y1) / 2.0)),
        )?;
    }
    finish(&root, &l.source, SMALL, s)
}
