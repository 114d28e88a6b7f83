//! The browser side of the charts: a canvas sized to its box at the screen's pixel density, and
//! the PNG and CSV downloads every chart offers.

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;

use super::{bar_layout, draw_ranked_bars, BarChart};
use crate::i18n::tr;

/// Width in CSS pixels of exported PNGs; they are drawn at [`EXPORT_SCALE`].
pub const EXPORT_WIDTH: f64 = 640.0;
pub const EXPORT_SCALE: f64 = 2.0;

/// The screen's device pixels per CSS pixel (1 when unknown), capped at 4.
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
        .min(4.0)
}

/// Gives `canvas` a CSS size of `css_w` × `css_h` and a backing store `scale` times larger,
/// then draws on it with `draw(root, scale)`.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    css_w: f64,
    css_h: f64,
    scale: f64,
    draw: impl FnOnce(DrawingArea<CanvasBackend, Shift>, f64),
) {
    canvas.set_width((css_w * scale).round().max(1.0) as u32);
    canvas.set_height((css_h * scale).round().max(1.0) as u32);
    let _ = canvas.set_attribute(
        "style",
        &format!("width:{}px;height:{}px", css_w.round(), css_h.round()),
    );
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        draw(backend.into_drawing_area(), scale);
    }
}

/// Draws on a canvas that is never shown and returns it as a PNG data URL.
pub fn png_data_url(
    css_w: f64,
    css_h: f64,
    scale: f64,
    draw: impl FnOnce(DrawingArea<CanvasBackend, Shift>, f64),
) -> Option<String> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    draw_on_canvas(&canvas, css_w, css_h, scale, draw);
    canvas.to_data_url().ok()
}

/// An object URL for a CSV document (already holding its BOM).
pub fn csv_object_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// The chart's downloads: the picture as PNG, its data as CSV.
#[component]
pub fn ChartDownloads(
    /// A PNG data URL; the link is disabled while there is none. No PNG link without it.
    #[prop(optional)]
    png: Option<Signal<Option<String>>>,
    /// The CSV document.
    #[prop(into)]
    csv: Signal<String>,
    /// File name without extension.
    #[prop(into)]
    stem: Signal<String>,
) -> impl IntoView {
    let csv_url = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let next = csv_object_url(&csv.get());
        if let Some(old) = csv_url.get_untracked() {
            revoke(&old);
        }
        csv_url.set(next);
    });
    on_cleanup(move || {
        if let Some(Some(url)) = csv_url.try_get_untracked() {
            revoke(&url);
        }
    });
    view! {
        <p class="cx-downloads no-print">
            {png.map(|png| view! {
                <a class="button" data-testid="chart-download-png"
                    download=move || format!("{}.png", stem.get())
                    href=move || png.get()
                    aria-disabled=move || png.with(Option::is_none).then_some("true")>
                    {tr("下载图片（PNG）", "Download image (PNG)")}
                </a>
            })}
            <a class="button" data-testid="chart-download-csv"
                download=move || format!("{}.csv", stem.get())
                href=move || csv_url.get()
                aria-disabled=move || csv_url.with(Option::is_none).then_some("true")>
                {tr("下载数据（CSV）", "Download data (CSV)")}
            </a>
        </p>
    }
}

/// Ranked bars on a canvas that fills its box: redrawn when the box or the screen's density
/// changes, with the PNG/CSV downloads below. `label` is the canvas's text alternative;
/// `on_bar` is told which bar was tapped.
#[component]
pub fn BarChartCanvas(
    chart: BarChart,
    label: String,
    csv: String,
    stem: String,
    #[prop(optional)] on_bar: Option<Callback<usize>>,
) -> impl IntoView {
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    // The box's CSS width and the screen's density: a change of either redraws.
    let size = RwSignal::new((0.0_f64, 1.0_f64));
    let measure = move || {
        let w = box_ref
            .get_untracked()
            .map(|d| f64::from(d.client_width()))
            .unwrap_or(0.0);
        let next = (w, device_pixel_ratio());
        if size.get_untracked() != next {
            size.set(next);
        }
    };
    Effect::new(move |_| {
        if box_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let chart = StoredValue::new(chart);
    Effect::new(move |_| {
        let (w, dpr) = size.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if w < 1.0 {
            return;
        }
        chart.with_value(|chart| {
            let h = bar_layout(chart, w, 1.0).height;
            draw_on_canvas(&canvas, w, h, dpr, |root, s| {
                let _ = draw_ranked_bars(root, chart, s);
            });
        });
    });
    let png = Signal::derive(move || {
        chart.with_value(|chart| {
            let h = bar_layout(chart, EXPORT_WIDTH, 1.0).height;
            png_data_url(EXPORT_WIDTH, h, EXPORT_SCALE, |root, s| {
                let _ = draw_ranked_bars(root, chart, s);
            })
        })
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(cb) = on_bar else {
            return;
        };
        chart.with_value(|chart| {
            let layout = bar_layout(chart, size.get_untracked().0, 1.0);
            if let Some(i) = layout.row_at(f64::from(ev.offset_y()), chart.bars.len()) {
                cb.run(i);
            }
        });
    };
    view! {
        <div class="cx-canvas" node_ref=box_ref>
            <canvas node_ref=canvas_ref data-testid="compare-chart" role="img" aria-label=label
                on:click=on_click></canvas>
        </div>
        <ChartDownloads png=png csv=csv stem=stem/>
    }
}
