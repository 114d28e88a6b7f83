//! Ranked horizontal bars: region names on the left, a bar per figure, its value and unit at
//! the bar's end. Horizontal so that CJK names and long values stay legible at 360 px.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};

use super::{
    begin, finish, fit, px, text_style, text_width, wrap, BarChart, BAR, BAR_TARGET, INK, LINE,
    LINE_HEIGHT, MUTED, PAD, TITLE,
};

// Sizes in CSS pixels.
const SUBTITLE: f64 = 12.5;
const LABEL: f64 = 13.0;
const VALUE: f64 = 12.5;
const SOURCE: f64 = 11.0;
const ROW: f64 = 32.0;
const BAR_H: f64 = 20.0;
const GAP: f64 = 8.0;

/// Where everything of a bar chart goes, in device pixels (CSS px × scale).
#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    pub scale: f64,
    pub width: f64,
    pub height: f64,
    /// Lines of the title and the y of each line's top.
    pub title: Vec<(String, f64)>,
    pub subtitle: Vec<(String, f64)>,
    /// The right edge of the region labels.
    pub label_right: f64,
    /// The x of the value 0 and of the largest value's end.
    pub zero_x: f64,
    /// x of a value.
    pub x_lo: f64,
    pub x_hi: f64,
    pub lo: f64,
    pub hi: f64,
    /// The top of the first row.
    pub rows_top: f64,
    pub row: f64,
    pub source: Vec<(String, f64)>,
}

impl BarLayout {
    pub fn x(&self, value: f64) -> f64 {
        self.x_lo + (value - self.lo) / (self.hi - self.lo) * (self.x_hi - self.x_lo)
    }

    /// The vertical centre of row `i`.
    pub fn row_center(&self, i: usize) -> f64 {
        self.rows_top + (i as f64 + 0.5) * self.row
    }

    /// The bar whose row holds the point `y` (device pixels), if any.
    pub fn row_at(&self, y: f64, bars: usize) -> Option<usize> {
        let i = ((y - self.rows_top) / self.row).floor();
        (i >= 0.0 && (i as usize) < bars).then_some(i as usize)
    }
}

fn lines(text: &str, size: f64, width: f64, top: &mut f64) -> Vec<(String, f64)> {
    if text.is_empty() {
        return Vec::new();
    }
    wrap(text, size, width)
        .into_iter()
        .map(|l| {
            let y = *top;
            *top += size * LINE_HEIGHT;
            (l, y)
        })
        .collect()
}

/// Lays a chart out for a drawing `width_css` CSS pixels wide at `scale` device pixels per
/// CSS pixel. The height follows from the number of bars and the wrapped title.
pub fn bar_layout(chart: &BarChart, width_css: f64, scale: f64) -> BarLayout {
    let s = scale;
    let width = width_css * s;
    let inner = (width - 2.0 * PAD * s).max(40.0 * s);
    let mut y = PAD * s;
    let title = lines(&chart.title, TITLE * s, inner, &mut y);
    let subtitle = lines(&chart.subtitle, SUBTITLE * s, inner, &mut y);
    y += GAP * s;
    let rows_top = y;
    let label_w = chart
        .bars
        .iter()
        .map(|b| text_width(&b.label, LABEL * s))
        .fold(0.0, f64::max)
        .min(inner * 0.4);
    let value_w = |negative: bool| {
        chart
            .bars
            .iter()
            .filter(|b| (b.value < 0.0) == negative)
            .map(|b| text_width(&b.value_label, VALUE * s) + 6.0 * s)
            .fold(0.0, f64::max)
    };
    let label_right = PAD * s + label_w;
    let x_lo = label_right + GAP * s + value_w(true);
    let x_hi = (width - PAD * s - value_w(false)).max(x_lo + 20.0 * s);
    let lo = chart.bars.iter().map(|b| b.value).fold(0.0, f64::min);
    let mut hi = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    if hi - lo <= f64::EPSILON {
        hi = lo + 1.0;
    }
    let rows = chart.bars.len().max(1) as f64;
    let mut y = rows_top + rows * ROW * s + GAP * s;
    let source = lines(&chart.source, SOURCE * s, inner, &mut y);
    let height = y + PAD * s;
    let mut layout = BarLayout {
        scale: s,
        width,
        height,
        title,
        subtitle,
        label_right,
        zero_x: 0.0,
        x_lo,
        x_hi,
        lo,
        hi,
        rows_top,
        row: ROW * s,
        source,
    };
    layout.zero_x = layout.x(0.0);
    layout
}

/// Draws ranked bars on `root`, whose size should be `bar_layout(chart, w, scale)`'s width and
/// height. Bars are drawn in `chart.bars`' order (rank order), targets in a lighter colour.
pub fn draw_ranked_bars<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    chart: &BarChart,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = root.dim_in_pixel();
    let l = bar_layout(chart, f64::from(w) / scale, scale);
    let s = scale;
    begin(&root, &l.title, s)?;
    let left = px(PAD * s);
    for (line, y) in &l.subtitle {
        root.draw_text(
            line,
            &text_style(SUBTITLE * s, MUTED, HPos::Left, VPos::Top, false),
            (left, px(*y)),
        )?;
    }
    if chart.bars.is_empty() {
        root.draw_text(
            "—",
            &text_style(LABEL * s, MUTED, HPos::Left, VPos::Center, false),
            (left, px(l.row_center(0))),
        )?;
    }
    for (i, bar) in chart.bars.iter().enumerate() {
        let cy = l.row_center(i);
        root.draw_text(
            &fit(&bar.label, LABEL * s, l.label_right - PAD * s),
            &text_style(LABEL * s, INK, HPos::Right, VPos::Center, false),
            (px(l.label_right), px(cy)),
        )?;
        let (a, b) = (l.x(bar.value.min(0.0)), l.x(bar.value.max(0.0)));
        let color: RGBColor = if bar.target { BAR_TARGET } else { BAR };
        // At least a hairline, so that a zero is visibly there.
        let b = b.max(a + s);
        root.draw(&Rectangle::new(
            [
                (px(a), px(cy - BAR_H * s / 2.0)),
                (px(b), px(cy + BAR_H * s / 2.0)),
            ],
            color.filled(),
        ))?;
        let (x, anchor) = if bar.value < 0.0 {
            (a - 6.0 * s, HPos::Right)
        } else {
            (b + 6.0 * s, HPos::Left)
        };
        root.draw_text(
            &bar.value_label,
            &text_style(VALUE * s, INK, anchor, VPos::Center, false),
            (px(x), px(cy)),
        )?;
    }
    let bottom = l.rows_top + chart.bars.len().max(1) as f64 * l.row;
    root.draw(&PathElement::new(
        vec![(px(l.zero_x), px(l.rows_top)), (px(l.zero_x), px(bottom))],
        LINE.stroke_width(px(s).max(1) as u32),
    ))?;
    finish(&root, &l.source, SOURCE, s)
}
