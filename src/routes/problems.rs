//! The six problems and the crosswalk: problems as rows, recommendations / experience /
//! policies as columns, each cell a link. On phones it folds into a list per problem.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_library;
use crate::core::items::{ItemRef, Kind};
use crate::core::related;
use crate::i18n::{lang_of, tr};

#[component]
pub fn ProblemsPage() -> impl IntoView {
    let library = use_library();
    let library = &*library;
    let rows = library
        .corpus
        .issues
        .iter()
        .rev()
        .flat_map(|issue| {
            issue.problems.iter().map(move |p| {
                let answers = related::answers_to(issue, &p.id);
                let pick = |k: Kind| -> Vec<CellLink> {
                    answers
                        .iter()
                        .filter(|i| i.kind() == k)
                        .map(|i| CellLink::to(*i))
                        .collect()
                };
                let recs = pick(Kind::Recommendation);
                let exps = pick(Kind::Experience);
                let policies: Vec<CellLink> = related::by_themes(&library.corpus, &p.id, Kind::Policy, |_| true)
                    .into_iter()
                    .take(5)
                    .filter_map(|r| library.find(&r.id).map(|(_, i)| CellLink::to(i)))
                    .collect();
                let href = ItemRef::Problem(p).path();
                view! {
                    <tr data-testid="crosswalk-row" data-id=p.id.clone()>
                        <th scope="row"><a href=href lang="zh-CN">{format!("{}. ", p.number)}{p.title.clone()}</a></th>
                        <td data-label=tr("专家建议", "Experts")><Links links=recs/></td>
                        <td data-label=tr("经验", "Experience")><Links links=exps/></td>
                        <td data-label=tr("同主题政策", "Policies")><Links links=policies/></td>
                    </tr>
                }
            })
        })
        .collect_view();
    view! {
        <Title text=tr("问题与对策", "Problems and answers")/>
        <h1>{tr("问题与对策", "Problems and answers")}</h1>
        <p class="editorial-note">{tr(
            "建议和经验与问题的对应由编者标注；政策列按共同主题列出前五项。",
            "Advice and experience are linked to problems by our editors; the policy column lists the top five sharing a theme."
        )}</p>
        <table class="crosswalk" data-testid="crosswalk">
            <caption class="visually-hidden">{tr("问题 × 对策对照表", "Problems × answers")}</caption>
            <thead><tr>
                <th scope="col">{tr("问题", "Problem")}</th>
                <th scope="col">{tr("专家建议", "Experts")}</th>
                <th scope="col">{tr("经验", "Experience")}</th>
                <th scope="col">{tr("同主题政策", "Policies")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// How many characters of an expert's advice a crosswalk cell quotes under the name.
const CELL_LEAD: usize = 30;

/// A link in a crosswalk cell: an item's title, or an expert's name with the opening of the
/// advice under it (a name alone does not say what is advised).
struct CellLink {
    href: String,
    label: String,
    lead: Option<String>,
}

impl CellLink {
    fn to(item: ItemRef<'_>) -> CellLink {
        CellLink {
            href: item.path(),
            label: item.title().to_string(),
            lead: item.lead(CELL_LEAD),
        }
    }
}

#[component]
fn Links(links: Vec<CellLink>) -> impl IntoView {
    if links.is_empty() {
        return view! { <span class="meta">"—"</span> }.into_any();
    }
    let items = links
        .into_iter()
        .map(|link| {
            let label_lang = lang_of(&link.label);
            view! {
                <li>
                    <a href=link.href lang=label_lang>{link.label}</a>
                    {link.lead.map(|lead| view! {
                        <span class="cell-lead" lang="zh-CN" data-testid="cell-lead">{lead}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain cell-links">{items}</ul> }.into_any()
}
