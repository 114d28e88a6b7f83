//! Citations of an item: GB/T 7714-2015 (the [EB/OL] form CNKI and Chinese universities
//! use), RIS and BibTeX.

use super::corpus::{Issue, Series};
use super::items::ItemRef;

/// What a citation needs besides the item.
#[derive(Debug, Clone)]
pub struct CiteContext<'a> {
    pub series: &'a Series,
    pub issue: &'a Issue,
    /// The item's canonical URL.
    pub url: &'a str,
    /// The access date (引用日期), ISO.
    pub accessed: &'a str,
}

/// Who is responsible for the item: a policy's issuers, an expert, an article's outlet,
/// otherwise the compiler of the issue.
fn authors(item: ItemRef<'_>, ctx: &CiteContext<'_>) -> Vec<String> {
    let named: Vec<String> = match item {
        ItemRef::Policy(p) => p.issuers.clone(),
        ItemRef::Recommendation(r) => vec![r.expert.clone()],
        ItemRef::Article(a) => vec![a.outlet.clone()],
        ItemRef::Experience(e) => e.outlet.clone().into_iter().collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for a in named {
        if !a.is_empty() && !out.contains(&a) {
            out.push(a);
        }
    }
    if out.is_empty() {
        out.push(ctx.issue.meta.compiler.clone());
    }
    out
}

/// GB/T 7714 lists at most three responsible persons, then "等"; so too where the source itself
/// names only some (`more`).
fn gbt_authors(authors: &[String], more: bool) -> String {
    if authors.len() > 3 {
        format!("{}, 等", authors[..3].join(", "))
    } else if more {
        format!("{}, 等", authors.join(", "))
    } else {
        authors.join(", ")
    }
}

/// The title as cited. A recommendation has none in the source: it is cited as what the
/// compilation presents it as, an expert's recommendation, with the expert's position. Others
/// by [`ItemRef::title_as_name`] (`…有待优化[EB/OL]`, `…准备怎么拼？[EB/OL]`).
fn title(item: ItemRef<'_>) -> String {
    match item {
        ItemRef::Policy(p) => match &p.doc_number {
            Some(n) => format!("{}: {n}", p.short_title),
            None => p.short_title.clone(),
        },
        ItemRef::Recommendation(r) => format!("专家建议（{}）", r.position),
        other => other.title_as_name().to_string(),
    }
}

/// GB/T 7714-2015, electronic resource: `责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取路径.`
/// Items that are parts of the issue are cited as contributions (`//`) to it.
pub fn gbt7714(item: ItemRef<'_>, ctx: &CiteContext<'_>) -> String {
    let more = matches!(item, ItemRef::Policy(p) if p.issuers_etc);
    let who = gbt_authors(&authors(item, ctx), more);
    let published = item.date().unwrap_or(&ctx.issue.meta.date);
    match item {
        ItemRef::Policy(_) => format!(
            "{who}. {}[EB/OL]. ({published})[{}]. {}.",
            title(item),
            ctx.accessed,
            ctx.url
        ),
        _ => format!(
            "{who}. {}[EB/OL]//{}. {}: {}. ({published})[{}]. {}.",
            title(item),
            ctx.issue.meta.compiler,
            ctx.series.title,
            ctx.issue.meta.title,
            ctx.accessed,
            ctx.url
        ),
    }
}

/// A reading list (the saved items) as CSV (with BOM): each item's kind, title, 文号 and date,
/// its link under the app's `root_url` and its GB/T 7714 citation, ready for a report's
/// references.
pub fn reading_list_csv(
    series: &Series,
    items: &[(&Issue, ItemRef<'_>)],
    root_url: &str,
    accessed: &str,
    en: bool,
) -> String {
    let rows: Vec<Vec<String>> = items
        .iter()
        .enumerate()
        .map(|(i, (issue, item))| {
            let url = super::url::absolute(root_url, &item.path());
            let ctx = CiteContext {
                series,
                issue,
                url: &url,
                accessed,
            };
            let doc_number = match item {
                ItemRef::Policy(p) => p.doc_number.clone().unwrap_or_default(),
                _ => String::new(),
            };
            vec![
                (i + 1).to_string(),
                if en {
                    item.kind().en()
                } else {
                    item.kind().zh()
                }
                .to_string(),
                item.title().to_string(),
                doc_number,
                item.date().unwrap_or_default().to_string(),
                url.clone(),
                gbt7714(*item, &ctx),
                item.id().to_string(),
            ]
        })
        .collect();
    super::csv::document_in(
        &[
            ("序号", "No."),
            ("类型", "Kind"),
            ("标题", "Title"),
            ("文号", "Document number"),
            ("日期", "Date"),
            ("链接", "Link"),
            ("GB/T 7714 引文", "GB/T 7714 citation"),
            ("编号", "id"),
        ],
        en,
        &rows,
    )
}

/// RIS (for EndNote, Zotero, NoteExpress).
pub fn ris(item: ItemRef<'_>, ctx: &CiteContext<'_>) -> String {
    let mut lines = vec![format!(
        "TY  - {}",
        if matches!(item, ItemRef::Policy(_)) {
            "GOVDOC"
        } else {
            "ELEC"
        }
    )];
    for a in authors(item, ctx) {
        lines.push(format!("AU  - {a}"));
    }
    lines.push(format!("TI  - {}", title(item)));
    if let ItemRef::Policy(p) = item {
        if let Some(n) = &p.doc_number {
            lines.push(format!("M1  - {n}"));
        }
    } else {
        lines.push(format!(
            "T2  - {}: {}",
            ctx.series.title, ctx.issue.meta.title
        ));
    }
    let date = item.date().unwrap_or(&ctx.issue.meta.date);
    lines.push(format!("PY  - {}", &date[..date.len().min(4)]));
    lines.push(format!("DA  - {}", date.replace('-', "/")));
    // A policy's publisher is its issuer (already its author), not the compilation's compiler.
    if !matches!(item, ItemRef::Policy(_)) {
        lines.push(format!("PB  - {}", ctx.issue.meta.compiler));
    }
    lines.push(format!("UR  - {}", ctx.url));
    lines.push(format!("Y2  - {}", ctx.accessed.replace('-', "/")));
    lines.push("LA  - zh".to_string());
    lines.push("ER  - ".to_string());
    lines.join("\r\n") + "\r\n"
}

/// Escapes BibTeX's special characters.
fn bib(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// BibTeX (`@misc`, with institutional authors braced so they are not split into names).
pub fn bibtex(item: ItemRef<'_>, ctx: &CiteContext<'_>) -> String {
    let date = item.date().unwrap_or(&ctx.issue.meta.date);
    let authors: Vec<String> = authors(item, ctx)
        .iter()
        .map(|a| format!("{{{}}}", bib(a)))
        .collect();
    let mut fields = vec![
        format!("  author = {{{}}}", authors.join(" and ")),
        format!("  title = {{{}}}", bib(&title(item))),
        format!("  year = {{{}}}", &date[..date.len().min(4)]),
        format!("  date = {{{date}}}"),
        format!("  url = {{{}}}", bib(ctx.url)),
        format!("  urldate = {{{}}}", ctx.accessed),
        "  language = {chinese}".to_string(),
    ];
    match item {
        ItemRef::Policy(p) => {
            if let Some(n) = &p.doc_number {
                fields.push(format!("  number = {{{}}}", bib(n)));
            }
        }
        _ => fields.push(format!(
            "  howpublished = {{{}: {}}}",
            bib(&ctx.series.title),
            bib(&ctx.issue.meta.title)
        )),
    }
    format!("@misc{{{},\n{}\n}}\n", item.id(), fields.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbt_lists_three_authors_then_deng() {
        let a: Vec<String> = ["甲", "乙", "丙", "丁"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(gbt_authors(&a, false), "甲, 乙, 丙, 等");
        assert_eq!(gbt_authors(&a[..2], false), "甲, 乙");
        assert_eq!(gbt_authors(&a[..2], true), "甲, 乙, 等");
    }

    #[test]
    fn bibtex_escapes_specials() {
        assert_eq!(bib("50%_{x}"), "50\\%\\_\\{x\\}");
    }
}
