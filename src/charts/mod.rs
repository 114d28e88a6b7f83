//! Charts drawn once, generic over a plotters `DrawingBackend`: native tests draw them to SVG
//! (`SVGBackend::with_string`) and check what they show; the app draws the same code to a
//! canvas (`plotters_canvas::CanvasBackend`, see [`web`]).
//!
//! Every drawing function takes a `scale`: the device pixels per CSS pixel. Sizes are written
//! in CSS pixels and multiplied by it, so a canvas whose backing store is CSS size ×
//! devicePixelRatio stays sharp, and a PNG export can be drawn at twice the size.
//!
//! Text is laid out with [`text_width`], a conservative estimate (a CJK character is one em
//! wide, Latin about 0.6 em): the same on every backend, so the SVG a test reads has the
//! layout the phone shows.

pub mod bars;
pub mod matrix;
pub mod tiles;
pub mod timeline;
pub mod web;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

pub use crate::core::compare::{Bar, BarChart};
pub use bars::{bar_layout, draw_ranked_bars, BarLayout};
pub use matrix::{draw_matrix, matrix_height, MatrixChart};
pub use tiles::{draw_tile_map, tile_map_height, TileChart, TileMark};
pub use timeline::{draw_timeline, timeline_height, TimelineText};

/// The font family every chart asks for; the page has system CJK fonts.
pub const FONT: &str = "sans-serif";

// The palette. The map's shades and group colours are repeated in `src/styles/app.css`
// (section “Regional comparison”): keep the two in step.
pub const INK: RGBColor = RGBColor(0x1d, 0x1d, 0x1f);
pub const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
pub const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
pub const LINE: RGBColor = RGBColor(0xde, 0xda, 0xd2);
/// Bars for outcomes.
pub const BAR: RGBColor = RGBColor(0x8b, 0x1a, 0x1a);
/// Bars for targets.
pub const BAR_TARGET: RGBColor = RGBColor(0xd9, 0xa0, 0x98);
/// Map shades 0..=4 (0: nothing).
pub const SHADES: [RGBColor; 5] = [
    RGBColor(0xf3, 0xef, 0xe8),
    RGBColor(0xf6, 0xd5, 0xc8),
    RGBColor(0xe8, 0xa0, 0x8a),
    RGBColor(0xb0, 0x3a, 0x2e),
    RGBColor(0x6e, 0x12, 0x12),
];
/// Outline of each of Guangdong's city groups (珠三角, 粤东, 粤西, 粤北).
pub const GROUP_COLORS: [RGBColor; 4] = [
    RGBColor(0x1a, 0x5f, 0xb4),
    RGBColor(0x2e, 0x7d, 0x32),
    RGBColor(0xb5, 0x65, 0x1d),
    RGBColor(0x6a, 0x3d, 0x9a),
];
/// Timeline marks by level (central, provincial, municipal).
pub const LEVEL_COLORS: [RGBColor; 3] = [
    RGBColor(0x8b, 0x1a, 0x1a),
    RGBColor(0x1a, 0x5f, 0xb4),
    RGBColor(0x2e, 0x7d, 0x32),
];

/// Whether text on a shade should be light.
pub fn light_text_on(shade: usize) -> bool {
    shade >= 3
}

/// `#rrggbb` of a colour (for CSS and for reading test SVG).
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The estimated width of `text` at `size` px: CJK and other wide characters one em, Latin
/// letters and digits 0.6 em, spaces 0.3 em. Errs on the wide side.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' => 0.3,
            c if c.is_ascii() => 0.6,
            '\u{2460}'..='\u{2473}' => 1.0,
            _ => 1.0,
        })
        .sum::<f64>()
        * size
}

/// Wraps `text` to `width` and places its lines downwards from `*y` (advanced past them):
/// (line, y) pairs, as charts lay out their titles and source notes.
pub fn stack_lines(text: &str, size: f64, width: f64, y: &mut f64) -> Vec<(String, f64)> {
    place_lines(wrap(text, size, width), size, y)
}

/// Places `lines` downwards from `*y` (advanced past them): (line, y) pairs.
pub fn place_lines(lines: Vec<String>, size: f64, y: &mut f64) -> Vec<(String, f64)> {
    lines
        .into_iter()
        .map(|line| {
            let at = *y;
            *y += size * LINE_HEIGHT;
            (line, at)
        })
        .collect()
}

/// `text` cut to `width` (by [`text_width`]) and ended with an ellipsis where it is wider: a
/// bar's label in the chart's label column (the table under the chart gives it whole).
pub fn fit(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let mut cut = String::new();
    for c in text.chars() {
        if text_width(&format!("{cut}{c}…"), size) > width {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    cut
}

/// Splits `text` into lines no wider than `width` (by [`text_width`]): Latin words stay whole
/// where they fit, CJK breaks between any two characters.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii() && c != ' ' {
            word.push(c);
        } else {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens {
        let candidate = format!("{line}{token}");
        if text_width(&candidate, size) <= width || line.is_empty() {
            if text_width(&token, size) > width && line.is_empty() {
                // A word wider than the line: break it by characters.
                for c in token.chars() {
                    let next = format!("{line}{c}");
                    if text_width(&next, size) > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line = next;
                    }
                }
            } else {
                line = candidate;
            }
        } else {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line = token.trim_start().to_string();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// A text style in the chart font.
pub fn text_style(size: f64, color: RGBColor, h: HPos, v: VPos, bold: bool) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(
            FontFamily::Name(FONT),
            size,
            if bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            },
        ),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Padding, title and small text sizes and line height every chart shares, in CSS pixels.
pub const PAD: f64 = 12.0;
pub const TITLE: f64 = 16.0;
pub const SMALL: f64 = 12.0;
pub const LINE_HEIGHT: f64 = 1.4;

/// Starts a chart: fills it with paper and draws its wrapped title lines (text, y).
pub fn begin<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &[(String, f64)],
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&PAPER)?;
    for (line, y) in title {
        root.draw_text(
            line,
            &text_style(TITLE * scale, INK, HPos::Left, VPos::Top, true),
            (px(PAD * scale), px(*y)),
        )?;
    }
    Ok(())
}

/// Ends a chart: draws its wrapped source lines (text, y) in muted text `size` CSS pixels high,
/// then presents it.
pub fn finish<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    source: &[(String, f64)],
    size: f64,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for (line, y) in source {
        root.draw_text(
            line,
            &text_style(size * scale, MUTED, HPos::Left, VPos::Top, false),
            (px(PAD * scale), px(*y)),
        )?;
    }
    root.present()?;
    Ok(())
}

/// Rounds a coordinate to a backend pixel.
pub fn px(v: f64) -> i32 {
    v.round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_one_em() {
        assert_eq!(text_width("广东", 10.0), 20.0);
        assert_eq!(text_width("12", 10.0), 12.0);
    }

    #[test]
    fn wrapping_keeps_words_and_breaks_cjk() {
        let lines = wrap("工业增加值（2022）", 10.0, 50.0);
        assert!(
            lines.iter().all(|l| text_width(l, 10.0) <= 50.0),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), "工业增加值（2022）");
        let en = wrap("Industrial value added, 2022", 10.0, 80.0);
        assert_eq!(en, ["Industrial", "value added,", "2022"]);
    }
}
