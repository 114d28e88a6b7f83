//! The region × theme heat map as an image, for the PNG download. The page shows the same
//! counts (`core::compare::matrix`) as an HTML table of links (`routes::matrix`).

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::Rectangle;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, FontTransform};

use super::stack_lines;
use super::{
    begin, finish, light_text_on, px, text_style, text_width, INK, LINE, PAD, PAPER, SHADES, SMALL,
    TITLE,
};
use crate::core::compare::{shade, Matrix};

const MAX_CELL: f64 = 30.0;

/// The heat map's data, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixChart {
    pub title: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// `counts[row][col]`.
    pub counts: Vec<Vec<usize>>,
    pub max: usize,
    pub source: String,
}

impl MatrixChart {
    pub fn new(m: &Matrix, en: bool, source: &str) -> MatrixChart {
        MatrixChart {
            title: if en {
                "Policies by region and theme".to_string()
            } else {
                "各地政策涉及的主题".to_string()
            },
            rows: m
                .regions
                .iter()
                .map(|r| r.name_in(en).to_string())
                .collect(),
            cols: m.themes.iter().map(|t| t.name_in(en).to_string()).collect(),
            counts: m.counts.clone(),
            max: m.max,
            source: source.to_string(),
        }
    }
}

struct Layout {
    title: Vec<(String, f64)>,
    label_w: f64,
    grid_top: f64,
    cell: f64,
    source: Vec<(String, f64)>,
    height: f64,
}

fn layout(c: &MatrixChart, width: f64, s: f64) -> Layout {
    let inner = (width - 2.0 * PAD * s).max(80.0 * s);
    let mut y = PAD * s;
    let title = stack_lines(&c.title, TITLE * s, inner, &mut y);
    let label_w = c
        .rows
        .iter()
        .map(|r| text_width(r, SMALL * s))
        .fold(0.0, f64::max)
        + 8.0 * s;
    let cell = ((inner - label_w) / c.cols.len().max(1) as f64).min(MAX_CELL * s);
    let header_h = c
        .cols
        .iter()
        .map(|t| text_width(t, SMALL * s))
        .fold(0.0, f64::max)
        + 8.0 * s;
    let header_top = y + 4.0 * s;
    let grid_top = header_top + header_h;
    let mut y = grid_top + c.rows.len() as f64 * cell + 10.0 * s;
    let source = stack_lines(&c.source, SMALL * s, inner, &mut y);
    Layout {
        title,
        label_w,
        grid_top,
        cell,
        source,
        height: y + PAD * s,
    }
}

/// The height in CSS pixels of the heat map drawn `width_css` wide.
pub fn matrix_height(c: &MatrixChart, width_css: f64) -> f64 {
    layout(c, width_css, 1.0).height
}

/// Draws the heat map: a row per region, a column per theme (names turned upright), each cell
/// shaded by its count and labelled with it.
pub fn draw_matrix<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    c: &MatrixChart,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale;
    let (w, _) = root.dim_in_pixel();
    let l = layout(c, f64::from(w), s);
    begin(&root, &l.title, s)?;
    let x0 = PAD * s + l.label_w;
    for (j, name) in c.cols.iter().enumerate() {
        let cx = x0 + (j as f64 + 0.5) * l.cell;
        root.draw_text(
            name,
            &text_style(SMALL * s, INK, HPos::Left, VPos::Center, false)
                .transform(FontTransform::Rotate270),
            (px(cx), px(l.grid_top - 4.0 * s)),
        )?;
    }
    for (i, name) in c.rows.iter().enumerate() {
        let cy = l.grid_top + (i as f64 + 0.5) * l.cell;
        root.draw_text(
            name,
            &text_style(SMALL * s, INK, HPos::Right, VPos::Center, false),
            (px(x0 - 6.0 * s), px(cy)),
        )?;
        for (j, n) in c.counts[i].iter().enumerate() {
            let (cx0, cy0) = (x0 + j as f64 * l.cell, l.grid_top + i as f64 * l.cell);
            let sh = shade(*n, c.max);
            root.draw(&Rectangle::new(
                [(px(cx0), px(cy0)), (px(cx0 + l.cell), px(cy0 + l.cell))],
                SHADES[sh].filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(px(cx0), px(cy0)), (px(cx0 + l.cell), px(cy0 + l.cell))],
                LINE.stroke_width(1),
            ))?;
            if *n > 0 {
                let ink = if light_text_on(sh) { PAPER } else { INK };
                root.draw_text(
                    &n.to_string(),
                    &text_style(SMALL * s, ink, HPos::Center, VPos::Center, false),
                    (px(cx0 + l.cell / 2.0), px(cy0 + l.cell / 2.0)),
                )?;
            }
        }
    }
    finish(&root, &l.source, SMALL, s)
}
