//! Lists of related items and figures.

use leptos::prelude::*;

use crate::app::use_library;
use crate::components::cards::ItemCard;
use crate::components::later::Later;
use crate::core::compare::figure_href;
use crate::core::corpus::Figure;
use crate::core::figure_en::figure_en;
use crate::i18n::{place_name, use_lang};

// A page's related lists come after its first screen, each drawn in a task of its own: a
// policy's lists (500 elements) drawn together held the page for 80-100 ms at 4× CPU.

/// Cards for the given item ids (unknown ids are skipped).
#[component]
pub fn RelatedList(ids: Vec<String>) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <ul class="cards plain related-list">
                <Later>
                    {ids.iter().map(|id| view! { <ItemCard id=id.clone()/> }).collect_view()}
                </Later>
            </ul>
        }
    })
}

/// Figure records: the value with its unit and period, the sentence it was read from, and
/// links to its item and to the comparison of that indicator.
#[component]
pub fn FigureList(ids: Vec<String>) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <ul class="plain figures">
                <Later>{figure_rows(&ids)}</Later>
            </ul>
        }
    })
}

/// The entries of a [`FigureList`]. Figures read from one sentence share it: the sentence is
/// quoted once under them (the source puts up to six figures in a sentence).
fn figure_rows(ids: &[String]) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let mut groups: Vec<Vec<&Figure>> = Vec::new();
    for f in ids.iter().filter_map(|id| library.corpus.figure(id)) {
        match groups
            .iter_mut()
            .find(|g| g[0].item == f.item && g[0].sentence == f.sentence)
        {
            Some(group) => group.push(f),
            None => groups.push(vec![f]),
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let lines = group
                .iter()
                .map(|f| {
                    let names = [library.corpus.figure_name(f, false), library.corpus.figure_name(f, true)];
                    let values = [f.printed_with_unit(), figure_en(f)];
                    let region = library.corpus.region(&f.region).map(place_name);
                    let compare = figure_href(f);
                    view! {
                        <p data-testid="figure" data-id=f.id.clone()>
                            <strong>{region}" · "
                                {move || names[usize::from(lang.get() == crate::i18n::Lang::En)].clone()}
                            </strong>" "
                            <a href=compare data-testid="figure-compare"><span class="value">{move || values[usize::from(lang.get() == crate::i18n::Lang::En)].clone()}</span></a>
                            <span class="meta">" ("{f.period.clone()}")"</span>
                        </p>
                        {f.note_line(false).zip(f.note_line(true)).map(|lines| view! {
                            <p class="cx-fig-note" data-testid="figure-note">
                                {move || if lang.get() == crate::i18n::Lang::En { lines.1.clone() } else { lines.0.clone() }}
                            </p>
                        })}
                    }
                })
                .collect_view();
            let item_href = library.find(&group[0].item).map(|(_, item)| item.path()).unwrap_or_default();
            view! {
                <li class="figure">
                    {lines}
                    <blockquote lang="zh-CN" data-testid="figure-sentence"><a href=item_href>{group[0].sentence.clone()}</a></blockquote>
                </li>
            }
        })
        .collect_view()
}
