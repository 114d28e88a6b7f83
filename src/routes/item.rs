//! The page of any item that is not a policy: a status article, an expert's recommendation, a
//! problem, an experience case, a clue or a work news item. Each can be shared, cited and saved
//! exactly like a policy.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::app::use_library;
use crate::components::cards::ThemeChips;
use crate::components::cite::Cite;
use crate::components::later::Later;
use crate::components::neighbours::Neighbours;
use crate::components::related::{FigureList, RelatedList};
use crate::components::saved::StarButton;
use crate::components::share::{PosterContent, ShareBar};
use crate::components::status::IssueText;
use crate::core::annotate::annotate;
use crate::core::corpus::Issue;
use crate::core::figure_en::figure_en;
use crate::core::items::{ItemRef, Kind};
use crate::core::related;
use crate::i18n::{tr, use_lang, Lang};
use crate::routes::not_found::{NotFound, NotFoundYet};
use crate::routes::policy::excerpt;

/// Paragraphs whose figures are marked and link to their comparison.
#[component]
pub fn FigureParagraphs(
    issue_index: usize,
    item: String,
    paragraphs: Vec<String>,
) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let issue = &library.corpus.issues[issue_index];
    let figures: Vec<_> = issue.figures.iter().filter(|f| f.item == item).collect();
    paragraphs
        .iter()
        .map(|p| {
            let spans = annotate(p, &figures);
            // A figure the source contradicts has its editors' note under its paragraph.
            let notes = spans
                .iter()
                .filter_map(|s| s.figure.as_ref().and_then(|id| issue.figures.iter().find(|f| &f.id == id)))
                .filter_map(|f| f.note.clone().map(|n| (f.printed_with_unit(), figure_en(f), n)))
                .map(|(printed, in_english, n)| {
                    let text = move || match lang.get() {
                        Lang::Zh => format!("编者注（{printed}）：{}", n.zh),
                        Lang::En => format!("Editors' note ({in_english}): {}", n.en),
                    };
                    // In the interface's language, inside a text marked as Chinese.
                    view! { <p class="cx-fig-note" lang=move || lang.get().code() data-testid="figure-note">{text}</p> }
                })
                .collect_view();
            let spans = spans
                .into_iter()
                .map(|s| match s.figure.and_then(|id| issue.figures.iter().find(|f| f.id == id)) {
                    Some(f) => {
                        let href = crate::core::compare::figure_href(f);
                        // What the figure measures, named for the reader (the link compares regions on it).
                        let zh = library.corpus.figure_name(f, false);
                        let en = library.corpus.figure_name(f, true);
                        let period = f.period.clone();
                        let title = move || match lang.get() {
                            Lang::Zh => format!("{zh}（{period}）"),
                            Lang::En => format!("{en} ({period})"),
                        };
                        view! {
                            <a class="figure-link" href=href title=title data-testid="figure-link" data-figure=f.id.clone()>
                                <mark>{s.text}</mark>
                            </a>
                        }
                        .into_any()
                    }
                    None => s.text.into_any(),
                })
                .collect_view();
            view! { <p>{spans}</p>{notes} }
        })
        .collect_view()
}

fn issue_index(issues: &[Issue], issue: &Issue) -> usize {
    issues
        .iter()
        .position(|i| i.meta.id == issue.meta.id)
        .unwrap_or(0)
}

#[component]
pub fn ItemPage(kind: Kind) -> impl IntoView {
    let library = use_library();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match library.find(&id) {
            Some((_, item)) if item.kind() == kind => view! { <ItemView id/> }.into_any(),
            _ => view! { <NotFoundYet/> }.into_any(),
        }
    }
}

#[component]
fn ItemView(id: String) -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let Some((issue, item)) = library.find(&id) else {
        return view! { <NotFound/> }.into_any();
    };
    let at = issue_index(&library.corpus.issues, issue);
    let kind = item.kind();
    let title = item.title().to_string();
    let path = item.path();
    let themes = issue.themes_of(&id).to_vec();
    let first_text = item
        .texts()
        .into_iter()
        .find(|t| t.text != item.title() && t.text.chars().count() > 20)
        .map(|t| t.text.to_string())
        .unwrap_or_default();
    // An expert is named with the position the source gives; any item with its kind, so that a
    // link received alone says what it leads to (专家建议 · 金壮龙（工业和信息化部部长）).
    let who = match item {
        ItemRef::Recommendation(r) => format!("{}（{}）", r.expert, r.position),
        _ => item.title_as_name().to_string(),
    };
    let share_title = format!("《参考》{} · {who}", kind.zh());
    let poster = PosterContent {
        kicker: (
            format!("参考 · {}", kind.zh()),
            format!("Cankao · {}", kind.en()),
        ),
        title: item.title_as_name().to_string(),
        meta: match item {
            ItemRef::Recommendation(r) => format!("{} · 《参考》{}", r.position, issue.meta.title),
            _ => format!("《参考》{}", issue.meta.title),
        },
        excerpt: excerpt(&first_text, 120),
    };

    let cite_id = id.clone();
    let body = if !library.has_text(&issue.meta.id) {
        view! { <IssueText issue=issue.meta.id.clone()/> }.into_any()
    } else {
        match item {
        ItemRef::Article(a) => view! {
            <p class="meta">{tr("来源：", "Outlet: ")}<span lang="zh-CN">{a.outlet.clone()}</span></p>
            <div class="prose" lang="zh-CN" data-testid="item-body">
                <FigureParagraphs issue_index=at item=id.clone() paragraphs=a.paragraphs.clone()/>
            </div>
        }
        .into_any(),
        ItemRef::Recommendation(r) => {
            let answered: Vec<String> = related::answered_problems(issue, &r.id).into_iter().map(str::to_string).collect();
            view! {
                <p class="meta" lang="zh-CN" data-testid="expert-position">{r.expert.clone()}"，"{r.position.clone()}</p>
                <div class="prose" lang="zh-CN" data-testid="item-body">
                    <FigureParagraphs issue_index=at item=id.clone() paragraphs=r.paragraphs.clone()/>
                </div>
                <AnsweredProblems ids=answered/>
            }
            .into_any()
        }
        ItemRef::Problem(p) => {
            let answers: Vec<String> = related::answers_to(issue, &p.id).into_iter().map(|i| i.id().to_string()).collect();
            let policies: Vec<String> = related::by_themes(&library.corpus, &p.id, Kind::Policy, |_| true)
                .into_iter()
                .take(8)
                .map(|r| r.id)
                .collect();
            let figures: Vec<String> = issue.figures.iter().filter(|f| f.item == p.id).map(|f| f.id.clone()).collect();
            view! {
                <div class="prose" lang="zh-CN" data-testid="item-body">
                    <FigureParagraphs issue_index=at item=id.clone() paragraphs=vec![p.text.clone()]/>
                </div>
                <section class="related" data-testid="answers">
                    <h2>{tr("什么在回应这个问题", "What addresses this problem")}</h2>
                    <p class="editorial-note">{tr("建议、经验与问题的对应由编者标注；政策按主题关联。", "Links from advice and experience are our editorial judgement; policies follow shared themes.")}</p>
                    <h3>{tr("专家建议与经验", "Experts' advice and experience")}</h3>
                    {answers.is_empty().then(|| view! {
                        <p class="meta" data-testid="no-answers">{tr("本期没有专门回应这个问题的建议或经验。", "No advice or experience in this issue answers this problem directly.")}</p>
                    })}
                    <RelatedList ids=answers/>
                    <h3>{tr("同主题政策", "Policies on the same themes")}</h3>
                    <RelatedList ids=policies/>
                    {(!figures.is_empty()).then(|| view! { <h3>{tr("文中数据", "Figures in the text")}</h3><FigureList ids=figures/> })}
                </section>
            }
            .into_any()
        }
        ItemRef::Experience(e) => {
            let answered: Vec<String> = related::answered_problems(issue, &e.id).into_iter().map(str::to_string).collect();
            let sections = e
                .sections
                .iter()
                .map(|s| view! {
                    <h2>{s.heading.clone()}</h2>
                    <FigureParagraphs issue_index=at item=id.clone() paragraphs=s.paragraphs.clone()/>
                })
                .collect_view();
            view! {
                <p class="meta">{match e.scope {
                    crate::core::corpus::Scope::Domestic => tr("国内经验", "Domestic experience"),
                    crate::core::corpus::Scope::Foreign => tr("国外经验", "Foreign experience"),
                }}{e.outlet.clone().map(|o| view! { {tr(" · 来源：", " · Outlet: ")}<span lang="zh-CN">{o}</span> })}</p>
                <div class="prose" lang="zh-CN" data-testid="item-body">
                    <FigureParagraphs issue_index=at item=id.clone() paragraphs=e.lead.clone()/>
                    {sections}
                </div>
                <AnsweredProblems ids=answered/>
            }
            .into_any()
        }
        ItemRef::Clue(c) => view! {
            <div class="prose" lang="zh-CN" data-testid="item-body">
                // Our headings, in the interface's language, inside the source's Chinese.
                <h2 lang=move || lang.get().code()>{tr("事由", "Background")}</h2>
                {c.background.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                <h2 lang=move || lang.get().code()>{tr("问题点", "Points raised")}</h2>
                <ol data-testid="clue-points">{c.points.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ol>
            </div>
        }
        .into_any(),
        ItemRef::News(n) => view! {
            <p class="meta"><time datetime=n.date.clone()>{n.date.clone()}</time></p>
            <div class="prose" lang="zh-CN" data-testid="item-body">
                {n.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        ItemRef::Policy(_) => ().into_any(),
        }
    };

    view! {
        <Title text=item.title_as_name().to_string()/>
        <Meta name="description" content=excerpt(&first_text, 110)/>
        <article class=format!("item {}", kind.key()) data-testid="item-page" data-kind=kind.key()>
            <p class="kicker">{move || if lang.get() == Lang::En { kind.en() } else { kind.zh() }}" · "<span lang="zh-CN">"《参考》"{issue.meta.title.clone()}</span></p>
            <div class="title-row">
                <h1 lang="zh-CN" data-testid="item-title">{title.clone()}</h1>
                <StarButton id=id.clone()/>
            </div>
            {body}
            <p class="tags">
                <span class="editorial-note">{tr("主题（编者标注）：", "Themes (our tags): ")}</span>
                <ThemeChips themes/>
            </p>
            <ShareBar title=share_title path poster/>
            <Neighbours id=id.clone()/>
            <Later><Cite id=cite_id.clone()/></Later>
        </article>
    }
    .into_any()
}

/// The problems a recommendation or experience case answers (editorial links).
#[component]
fn AnsweredProblems(ids: Vec<String>) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <section class="related" data-testid="answered-problems">
                <h2>{tr("回应的问题", "Problems it answers")}</h2>
                <p class="editorial-note">{tr("对应关系由编者标注。", "These links are our editorial judgement.")}</p>
                <RelatedList ids/>
            </section>
        }
    })
}
