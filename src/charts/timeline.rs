//! The policy timeline as an image, for the PNG download: time runs down, one lane per level.
//! The page shows the same layout (`core::compare::timeline`) as HTML links (`routes::timeline`).
//! An image has no links to tap: each mark carries its number, and a key under the chart says
//! which policy each number is.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::Color;

use super::{
    begin, finish, px, text_style, INK, LEVEL_COLORS, LINE, MUTED, PAD, PAPER, SHADES, SMALL, TITLE,
};
use super::{place_lines, stack_lines, text_width, wrap};
use crate::core::compare::Timeline;
use crate::core::corpus::Level;

/// Height of one month on the axis, CSS px (the page uses the same).
pub const BAND: f64 = 32.0;
/// A mark's diameter in bands: marks closer than this in one lane go side by side.
pub const MARK_BANDS: f64 = 0.875;

const AXIS: f64 = 64.0;
const HEADER: f64 = 24.0;

/// Width of the key's number column, CSS px.
const KEY_NUMBER: f64 = 28.0;
/// Space between two entries of the key, CSS px.
const KEY_GAP: f64 = 4.0;

/// The words of the timeline image.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineText {
    pub title: String,
    /// Lane names: central, provincial, municipal.
    pub lanes: [String; 3],
    /// The interface language, for the months named on the axis (`Band::month_label`).
    pub en: bool,
    /// One entry per mark, in the marks' order, with its document number
    /// (`core::compare::timeline_key`).
    pub key: Vec<(String, Option<String>)>,
    pub source: String,
}

struct Layout {
    title: Vec<(String, f64)>,
    header: f64,
    top: f64,
    lane_x: f64,
    lane_w: f64,
    /// Each entry's lines, placed.
    key: Vec<Vec<(String, f64)>>,
    source: Vec<(String, f64)>,
    height: f64,
}

fn layout(t: &Timeline, text: &TimelineText, width: f64, s: f64) -> Layout {
    let inner = (width - 2.0 * PAD * s).max(120.0 * s);
    let mut y = PAD * s;
    let title = stack_lines(&text.title, TITLE * s, inner, &mut y);
    let header = y + 4.0 * s;
    let top = header + HEADER * s;
    let lane_x = PAD * s + AXIS * s;
    let lane_w = (inner - AXIS * s) / 3.0;
    let mut y = top + t.length() as f64 * BAND * s + 12.0 * s;
    let key = text
        .key
        .iter()
        .map(|(entry, number)| {
            let width = inner - KEY_NUMBER * s;
            let mut lines = wrap(entry, SMALL * s, width);
            // The document number whole: after the title where it fits, else on a line of its own.
            if let Some(number) = number {
                let last = lines.pop().unwrap_or_default();
                let joined = format!("{last} · {number}");
                if text_width(&joined, SMALL * s) <= width {
                    lines.push(joined);
                } else {
                    lines.extend([last, number.clone()]);
                }
            }
            let placed = place_lines(lines, SMALL * s, &mut y);
            y += KEY_GAP * s;
            placed
        })
        .collect();
    y += 8.0 * s;
    let source = stack_lines(&text.source, SMALL * s, inner, &mut y);
    Layout {
        title,
        header,
        top,
        lane_x,
        lane_w,
        key,
        source,
        height: y + PAD * s,
    }
}

/// The height in CSS pixels of the timeline drawn `width_css` wide.
pub fn timeline_height(t: &Timeline, text: &TimelineText, width_css: f64) -> f64 {
    layout(t, text, width_css, 1.0).height
}

fn lane(level: Level) -> usize {
    match level {
        Level::Central => 0,
        Level::Provincial => 1,
        Level::Municipal => 2,
    }
}

/// Draws the timeline: year labels and month ticks on the left, a lane per level, a dot per
/// policy at its date.
pub fn draw_timeline<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    t: &Timeline,
    text: &TimelineText,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale;
    let (w, _) = root.dim_in_pixel();
    let l = layout(t, text, f64::from(w), s);
    begin(&root, &l.title, s)?;
    for (i, name) in text.lanes.iter().enumerate() {
        let cx = l.lane_x + (i as f64 + 0.5) * l.lane_w;
        root.draw_text(
            name,
            &text_style(SMALL * s, LEVEL_COLORS[i], HPos::Center, VPos::Top, true),
            (px(cx), px(l.header)),
        )?;
    }
    let right = l.lane_x + 3.0 * l.lane_w;
    let thin = px(s).max(1) as u32;
    for (i, band) in t.bands.iter().enumerate() {
        let y0 = l.top + i as f64 * BAND * s;
        if band.month.is_none() {
            root.draw(&Rectangle::new(
                [(px(l.lane_x), px(y0)), (px(right), px(y0 + BAND * s))],
                SHADES[0].filled(),
            ))?;
        }
        if let Some(label) = band.year_label(i == 0) {
            root.draw(&PathElement::new(
                vec![(px(PAD * s), px(y0)), (px(right), px(y0))],
                LINE.stroke_width(thin),
            ))?;
            root.draw_text(
                &label,
                &text_style(SMALL * s, INK, HPos::Left, VPos::Top, true),
                (px(PAD * s), px(y0 + 2.0 * s)),
            )?;
        } else {
            root.draw(&PathElement::new(
                vec![(px(l.lane_x - 6.0 * s), px(y0)), (px(l.lane_x), px(y0))],
                LINE.stroke_width(thin),
            ))?;
            if let Some(month) = band.month_label(i == 0, text.en) {
                root.draw_text(
                    &month,
                    &text_style(SMALL * s, MUTED, HPos::Left, VPos::Center, false),
                    (px(PAD * s), px(y0)),
                )?;
            }
        }
    }
    for i in 1..3 {
        let x = l.lane_x + i as f64 * l.lane_w;
        root.draw(&PathElement::new(
            vec![
                (px(x), px(l.top)),
                (px(x), px(l.top + t.length() as f64 * BAND * s)),
            ],
            LINE.stroke_width(thin),
        ))?;
    }
    let slots = t.slots.max(1) as f64;
    let r = MARK_BANDS * BAND * s / 2.0 - 2.0 * s;
    let number = |color| text_style(SMALL * s, color, HPos::Center, VPos::Center, true);
    for (n, m) in t.marks.iter().enumerate() {
        let i = lane(m.level);
        let step = (l.lane_w - 2.0 * r) / slots;
        let cx = l.lane_x + i as f64 * l.lane_w + r + 2.0 * s + m.slot as f64 * step.max(0.0);
        let cy = l.top + m.pos * BAND * s;
        root.draw(&Circle::new(
            (px(cx), px(cy)),
            px(r).max(1),
            LEVEL_COLORS[i].filled(),
        ))?;
        root.draw_text(&(n + 1).to_string(), &number(PAPER), (px(cx), px(cy)))?;
    }
    // The key: each number in its level's colour, then its policy.
    for (n, (m, lines)) in t.marks.iter().zip(&l.key).enumerate() {
        let Some((_, first)) = lines.first() else {
            continue;
        };
        root.draw_text(
            &(n + 1).to_string(),
            &text_style(
                SMALL * s,
                LEVEL_COLORS[lane(m.level)],
                HPos::Left,
                VPos::Top,
                true,
            ),
            (px(PAD * s), px(*first)),
        )?;
        for (line, y) in lines {
            root.draw_text(
                line,
                &text_style(SMALL * s, INK, HPos::Left, VPos::Top, false),
                (px((PAD + KEY_NUMBER) * s), px(*y)),
            )?;
        }
    }
    finish(&root, &l.source, SMALL, s)
}
