//! How to cite an item: GB/T 7714-2015 shown with one-tap copy; RIS and BibTeX to copy or
//! download for reference managers.

use leptos::prelude::*;

use crate::app::use_library;
use crate::core::cite::{bibtex, gbt7714, ris, CiteContext};
use crate::i18n::{lang_of, tr, use_lang};
use crate::web;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Gbt,
    Ris,
    Bibtex,
}

#[component]
pub fn Cite(#[prop(into)] id: String) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let Some((issue, item)) = library.find(&id) else {
        return ().into_any();
    };
    let url = web::app_url(&item.path());
    let accessed = web::today();
    let ctx = CiteContext {
        series: &library.corpus.registry.series,
        issue,
        url: &url,
        accessed: &accessed,
    };
    let texts = [
        (Format::Gbt, gbt7714(item, &ctx)),
        (Format::Ris, ris(item, &ctx)),
        (Format::Bibtex, bibtex(item, &ctx)),
    ];
    let copied: RwSignal<Option<Format>> = RwSignal::new(None);
    let id_for_files = id.clone();
    let blocks = texts
        .into_iter()
        .map(|(format, text)| {
            let (label, testid, file) = match format {
                Format::Gbt => ("GB/T 7714-2015", "cite-gbt", None),
                Format::Ris => ("RIS", "cite-ris", Some(("ris", "application/x-research-info-systems"))),
                Format::Bibtex => ("BibTeX", "cite-bibtex", Some(("bib", "application/x-bibtex"))),
            };
            let text_lang = lang_of(&text);
            let to_copy = text.clone();
            let to_save = text.clone();
            let name = id_for_files.clone();
            // RIS and BibTeX are for reference managers, not for paper.
            let class = if file.is_some() { "cite-block no-print" } else { "cite-block" };
            view! {
                <div class=class>
                    <h3>{label}</h3>
                    <pre data-testid=testid lang=text_lang>{text}</pre>
                    <button type="button" data-testid=format!("{testid}-copy") on:click=move |_| {
                        let t = to_copy.clone();
                        leptos::task::spawn_local(async move {
                            if web::copy_text(&t).await {
                                copied.set(Some(format));
                            }
                        });
                    }>
                        {move || if copied.get() == Some(format) {
                            lang.get().pick("已复制 ✓", "Copied ✓")
                        } else {
                            lang.get().pick("复制", "Copy")
                        }}
                    </button>
                    {file.map(|(ext, mime)| view! {
                        <button type="button" on:click=move |_| web::download(&format!("{name}.{ext}"), mime, &to_save)>
                            {tr("下载", "Download")}
                        </button>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="cite" data-testid="cite" aria-labelledby="cite-h">
            <h2 id="cite-h">{tr("引用", "Cite")}</h2>
            {blocks}
        </section>
    }
    .into_any()
}
