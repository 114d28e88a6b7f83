//! Sharing: the system share sheet where there is one, otherwise copy-link with a visible
//! confirmation; a QR code of the link; and a share poster (a PNG drawn in the browser that a
//! phone user can long-press to save and send, since WeChat cannot be opened from a page).

use leptos::prelude::*;
use qrcode::{Color, QrCode};
use wasm_bindgen::JsCast;

use crate::core::url::with_lang;
use crate::i18n::{tr, use_lang, Lang};
use crate::web;

/// The dark modules of a QR code as one SVG path, in module units.
pub fn qr_path(code: &QrCode) -> (usize, String) {
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            d.push_str(&format!("M{} {}h1v1h-1z", i % width, i / width));
        }
    }
    (width, d)
}

/// A QR code of `url`, as SVG (crisp at any size, no image decoding).
#[component]
pub fn QrSvg(#[prop(into)] url: String) -> impl IntoView {
    let Ok(code) = QrCode::new(url.as_bytes()) else {
        return ().into_any();
    };
    let (width, d) = qr_path(&code);
    // A quiet zone of 2 modules around the code.
    let view_box = format!("-2 -2 {} {}", width + 4, width + 4);
    view! {
        <svg class="qr" data-testid="qr-code" viewBox=view_box role="img" aria-label=tr("链接二维码", "QR code of the link")
            shape-rendering="crispEdges">
            <rect x="-2" y="-2" width=width + 4 height=width + 4 fill="#fff"/>
            <path d=d fill="#000"/>
        </svg>
    }
    .into_any()
}

/// What the poster shows; its QR code is the share bar's link, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct PosterContent {
    /// The line above the title, in Chinese and in English (`参考 · 中央`, `Cankao · Central policy`).
    pub kicker: (String, String),
    pub title: String,
    pub meta: String,
    pub excerpt: String,
}

/// Breaks `text` into lines no wider than `max` pixels (CJK breaks anywhere).
fn wrap(
    ctx: &web_sys::CanvasRenderingContext2d,
    text: &str,
    max: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        let candidate = format!("{line}{c}");
        let width = ctx
            .measure_text(&candidate)
            .map(|m| m.width())
            .unwrap_or(0.0);
        if width > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            if lines.len() == max_lines {
                if let Some(last) = lines.last_mut() {
                    last.pop();
                    last.push('…');
                }
                return lines;
            }
        }
        line.push(c);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws the poster, its QR code holding `url`, on an off-screen canvas and returns it as a
/// PNG data URL. Our words are in the interface's language (`en`), the source's as printed.
fn draw_poster(content: &PosterContent, url: &str, en: bool) -> Option<String> {
    const W: f64 = 750.0;
    const PAD: f64 = 56.0;
    const FONT: &str = "\"PingFang SC\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", sans-serif";
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(W as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    // Measure first, to size the canvas to its content.
    ctx.set_font(&format!("bold 44px {FONT}"));
    let title = wrap(&ctx, &content.title, W - 2.0 * PAD, 4);
    ctx.set_font(&format!("28px {FONT}"));
    // A policy of many ministries names them all: its meta line wraps like the rest.
    let meta = wrap(&ctx, &content.meta, W - 2.0 * PAD, 3);
    let excerpt = wrap(&ctx, &content.excerpt, W - 2.0 * PAD, 6);
    let qr_size = 220.0;
    let height = PAD
        + 40.0
        + 20.0
        + title.len() as f64 * 60.0
        + 20.0
        + meta.len() as f64 * 40.0
        + 28.0
        + excerpt.len() as f64 * 44.0
        + 40.0
        + qr_size
        + 70.0
        + PAD;
    canvas.set_height(height as u32);

    ctx.set_fill_style_str("#fcfbf8");
    ctx.fill_rect(0.0, 0.0, W, height);
    ctx.set_fill_style_str("#8b1a1a");
    ctx.fill_rect(0.0, 0.0, W, 12.0);
    let mut y = PAD + 28.0;
    ctx.set_fill_style_str("#8b1a1a");
    ctx.set_font(&format!("26px {FONT}"));
    let kicker = if en {
        &content.kicker.1
    } else {
        &content.kicker.0
    };
    ctx.fill_text(kicker, PAD, y).ok()?;
    y += 40.0 + 20.0;
    ctx.set_fill_style_str("#1d1d1f");
    ctx.set_font(&format!("bold 44px {FONT}"));
    for line in &title {
        ctx.fill_text(line, PAD, y).ok()?;
        y += 60.0;
    }
    y += 20.0;
    ctx.set_fill_style_str("#595959");
    ctx.set_font(&format!("28px {FONT}"));
    for line in &meta {
        ctx.fill_text(line, PAD, y).ok()?;
        y += 40.0;
    }
    y += 28.0;
    ctx.set_fill_style_str("#1d1d1f");
    for line in &excerpt {
        ctx.fill_text(line, PAD, y).ok()?;
        y += 44.0;
    }
    y += 40.0;
    if let Ok(code) = QrCode::new(url.as_bytes()) {
        let width = code.width() as f64;
        let module = (qr_size / width).floor();
        ctx.set_fill_style_str("#000");
        for (i, color) in code.to_colors().iter().enumerate() {
            if *color == Color::Dark {
                let (col, row) = ((i % code.width()) as f64, (i / code.width()) as f64);
                ctx.fill_rect(PAD + col * module, y + row * module, module, module);
            }
        }
    }
    ctx.set_fill_style_str("#595959");
    ctx.set_font(&format!("24px {FONT}"));
    ctx.fill_text(
        if en {
            "Long-press the QR code to open"
        } else {
            "长按识别二维码，打开本页"
        },
        PAD + qr_size + 32.0,
        y + qr_size / 2.0,
    )
    .ok()?;
    ctx.fill_text(
        "参考 · Cankao",
        PAD + qr_size + 32.0,
        y + qr_size / 2.0 + 40.0,
    )
    .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// Share, copy link, QR and poster for one page.
#[component]
pub fn ShareBar(
    /// Title and text put in front of the link when sharing or copying.
    #[prop(into)]
    title: String,
    /// The page's link, relative to the app root.
    #[prop(into)]
    path: String,
    /// What the poster shows; no poster button without it.
    #[prop(optional)]
    poster: Option<PosterContent>,
) -> impl IntoView {
    let lang = use_lang();
    // A reader of the English interface sends a link that opens in English (`lang=en`); it
    // does not change the receiver's own choice.
    let url = Memo::new(move |_| with_lang(&web::app_url(&path), lang.get() == Lang::En));
    let status: RwSignal<Option<bool>> = RwSignal::new(None);
    let poster_url: RwSignal<Option<String>> = RwSignal::new(None);
    // The link the poster's QR code holds, on the image for a test or a reader's tools to read.
    let poster_link = RwSignal::new(String::new());
    let show_qr = RwSignal::new(false);

    let copy = {
        let title = title.clone();
        move || {
            let text = format!("{title}\n{}", url.get_untracked());
            leptos::task::spawn_local(async move {
                status.set(Some(web::copy_text(&text).await));
            });
        }
    };
    let share = {
        let (title, copy) = (title.clone(), copy.clone());
        move |_| {
            if web::can_share() {
                let (title, url) = (title.clone(), url.get_untracked());
                leptos::task::spawn_local(async move {
                    web::share(&title, &title, &url).await;
                });
            } else {
                copy();
            }
        }
    };
    let has_poster = poster.is_some();
    let make_poster = move |_| {
        if let Some(content) = &poster {
            let link = url.get_untracked();
            poster_url.set(draw_poster(
                content,
                &link,
                lang.get_untracked() == Lang::En,
            ));
            poster_link.set(link);
        }
    };
    view! {
        <section class="share no-print" data-testid="share" aria-label=tr("分享", "Share")>
            <div class="share-buttons">
                <button type="button" class="primary" data-testid="share-button" on:click=share>
                    {tr("分享", "Share")}
                </button>
                <button type="button" data-testid="copy-link" on:click=move |_| copy()>
                    {tr("复制链接", "Copy link")}
                </button>
                <button type="button" data-testid="qr-toggle" aria-expanded=move || show_qr.get().to_string()
                    on:click=move |_| show_qr.update(|s| *s = !*s)>
                    {tr("二维码", "QR code")}
                </button>
                {has_poster.then(|| view! {
                    <button type="button" data-testid="make-poster" on:click=make_poster>
                        {tr("生成分享图", "Share image")}
                    </button>
                })}
            </div>
            <p class="copy-status" role="status" aria-live="polite" data-testid="copy-status">
                {move || match status.get() {
                    Some(true) => view! { <span>{lang.get().pick("链接已复制，可以粘贴到微信。", "Link copied: paste it anywhere.")}</span> }.into_any(),
                    Some(false) => view! {
                        <span>{lang.get().pick("无法自动复制，请长按下面的链接手动复制：", "Could not copy automatically; select the link below:")}</span>
                        <input class="manual-copy" readonly value=url.get() data-testid="manual-copy"
                            on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select() }/>
                    }.into_any(),
                    None => ().into_any(),
                }}
            </p>
            <Show when=move || show_qr.get()>
                <figure class="qr-box">
                    {move || view! { <QrSvg url=url.get()/> }}
                    <figcaption>{tr("微信扫一扫打开", "Scan to open")}</figcaption>
                </figure>
            </Show>
            {move || poster_url.get().map(|src| view! {
                <figure class="poster">
                    <img src=src data-testid="poster" data-link=move || poster_link.get() alt=tr("分享图：长按保存或发送", "Share image: long-press to save or send")/>
                    <figcaption>{tr("长按图片保存或发送给朋友", "Long-press the image to save or send it")}</figcaption>
                </figure>
            })}
        </section>
    }
}
