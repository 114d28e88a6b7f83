//! The HTML written at build time for every deep link: the app's `index.html` with the page's
//! title, description, canonical link, OpenGraph tags and main content in the markup, so link
//! previews, slow phones and readers without scripts see the content at once. The app then
//! takes over from the same markup.

use super::corpus::Corpus;
use super::items::{cut, date_in_words, ItemRef, Kind};

/// The first path segments of the routes only the full module draws (the views across regions
/// and their charts); every other route is in the smaller module the first view loads.
pub const FULL_MODULE_ROUTES: [&str; 4] = ["compare", "map", "matrix", "timeline"];

/// The first path segments of every route; a host's 404 page finds the app root by them.
pub fn route_segments() -> Vec<&'static str> {
    let mut segments: Vec<&'static str> = ROUTES
        .iter()
        .map(|(p, _)| p.trim_end_matches('/'))
        .collect();
    segments.extend(Kind::ALL.iter().map(|k| k.key()));
    segments.sort_unstable();
    segments.dedup();
    segments
}

/// Escapes text for HTML content and attribute values. Corpus text only ever enters a page
/// through this.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// One generated page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Folder of the page relative to the app root: "" for the root, `policy/<id>/` for a policy.
    pub path: String,
    pub title: String,
    pub description: String,
    /// The prerendered main content (already escaped HTML).
    pub main: String,
    /// The issue whose data the page shows first, for the app to load it before others.
    pub issue: Option<String>,
}

impl Page {
    /// The `<base href>` that points from this page's folder back to the app root.
    pub fn base_href(&self) -> String {
        let depth = self.path.matches('/').count();
        if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        }
    }
}

/// The static routes and their titles.
pub const ROUTES: [(&str, &str); 12] = [
    ("policies/", "政策文件"),
    ("search/", "搜索"),
    ("problems/", "问题与对策"),
    ("experts/", "专家建议"),
    ("experience/", "经验"),
    ("articles/", "现状"),
    ("clues/", "线索与工作动态"),
    ("compare/", "地区比较"),
    ("map/", "广东地图"),
    ("matrix/", "地区 × 主题"),
    ("timeline/", "政策时间线"),
    ("saved/", "收藏"),
];

/// The kinds of item a static route lists.
fn listed_kinds(path: &str) -> &'static [Kind] {
    match path {
        "policies/" => &[Kind::Policy],
        "problems/" => &[Kind::Problem],
        "experts/" => &[Kind::Recommendation],
        "experience/" => &[Kind::Experience],
        "articles/" => &[Kind::Article],
        "clues/" => &[Kind::Clue, Kind::News],
        _ => &[],
    }
}

/// An item in a static list: a policy by the name inside 《》, anything else by its title.
fn paragraphs(texts: &[String]) -> String {
    texts
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect()
}

fn link_list(links: &[(String, String)]) -> String {
    let items: String = links
        .iter()
        .map(|(href, label)| {
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(href),
                escape(label)
            )
        })
        .collect();
    format!("<ul class=\"plain\">{items}</ul>")
}

/// The body of an item's page.
fn item_main(corpus: &Corpus, issue_title: &str, item: ItemRef<'_>) -> String {
    let kicker = format!(
        "<p class=\"kicker\">{} · 《参考》{}</p>",
        item.kind().zh(),
        escape(issue_title)
    );
    let body = match item {
        ItemRef::Policy(p) => {
            let region = corpus.region(&p.region).map_or("", |r| r.name.as_str());
            let number = p
                .doc_number
                .as_ref()
                .map(|n| {
                    format!(
                        "<dt>文号</dt><dd class=\"docno\" data-testid=\"doc-number\">{}</dd>",
                        escape(n)
                    )
                })
                .unwrap_or_default();
            format!(
                "<h1 data-testid=\"policy-title\">{}</h1><dl class=\"facts\">{number}<dt>发文机关</dt><dd>{}</dd>\
                 <dt>发布日期</dt><dd><time datetime=\"{d}\">{}</time></dd><dt>层级 / 地区</dt><dd>{} / {}</dd>\
                 <dt>原标题</dt><dd>{}</dd></dl>\
                 <h2>简介</h2><p class=\"summary\" data-testid=\"policy-summary\">{}</p>",
                escape(&p.short_title),
                escape(&p.issuers_text("、")),
                escape(&date_in_words(&p.date)),
                p.level.zh(),
                escape(region),
                escape(&p.title),
                escape(&p.summary),
                d = escape(&p.date),
            )
        }
        ItemRef::Article(a) => format!(
            "<h1>{}</h1><p class=\"meta\">来源：{}</p>{}",
            escape(&a.title),
            escape(&a.outlet),
            paragraphs(&a.paragraphs)
        ),
        ItemRef::Recommendation(r) => format!(
            "<h1>{}</h1><p class=\"meta\">{}</p>{}",
            escape(&r.expert),
            escape(&r.position),
            paragraphs(&r.paragraphs)
        ),
        ItemRef::Problem(p) => format!("<h1>{}</h1><p>{}</p>", escape(&p.title), escape(&p.text)),
        ItemRef::Experience(e) => {
            let sections: String = e
                .sections
                .iter()
                .map(|s| {
                    format!(
                        "<h2>{}</h2>{}",
                        escape(&s.heading),
                        paragraphs(&s.paragraphs)
                    )
                })
                .collect();
            format!(
                "<h1>{}</h1>{}{}",
                escape(&e.title),
                paragraphs(&e.lead),
                sections
            )
        }
        ItemRef::Clue(c) => {
            let points: String = c
                .points
                .iter()
                .map(|p| format!("<li>{}</li>", escape(p)))
                .collect();
            format!(
                "<h1>{}</h1><h2>事由</h2>{}<h2>问题点</h2><ol>{points}</ol>",
                escape(&c.title),
                paragraphs(&c.background)
            )
        }
        ItemRef::News(n) => format!(
            "<h1>{}</h1><p class=\"meta\">{}</p>{}",
            escape(&n.title),
            escape(&n.date),
            paragraphs(&n.paragraphs)
        ),
    };
    format!(
        "<article class=\"item {}\">{kicker}{body}</article>",
        item.kind().key()
    )
}

/// The description of an item: the text a link preview shows.
fn item_description(item: ItemRef<'_>) -> String {
    let text = match item {
        ItemRef::Policy(p) => {
            let lead = [p.doc_number.clone().unwrap_or_default(), p.date.clone()].join(" ");
            format!("{} {}", lead.trim(), p.summary)
        }
        other => other
            .texts()
            .into_iter()
            .find(|t| t.text != other.title() && t.text.chars().count() > 20)
            .map(|t| t.text.to_string())
            .unwrap_or_default(),
    };
    cut(&text, 110)
}

/// Every page of the site: the root, the static routes and one per item.
pub fn pages(corpus: &Corpus) -> Vec<Page> {
    let mut out = Vec::new();
    let latest = corpus.issues.last();
    if let Some(issue) = latest {
        let highlights: String = issue
            .meta
            .highlights
            .iter()
            .map(|h| format!("<li>{}</li>", escape(&h.title)))
            .collect();
        out.push(Page {
            path: String::new(),
            title: format!("{} · 参考", issue.meta.title),
            description: cut(&issue.meta.intro.concat(), 110),
            main: format!(
                "<article class=\"home\"><p class=\"kicker\">《{}》 · {} · {}</p><h1 data-testid=\"issue-title\">{}</h1>\
                 <ul class=\"highlights\">{highlights}</ul><div class=\"prose\">{}</div></article>",
                escape(&corpus.registry.series.title),
                escape(&issue.meta.compiler),
                escape(&issue.meta.date),
                escape(&issue.meta.title),
                paragraphs(&issue.meta.intro)
            ),
            issue: Some(issue.meta.id.clone()),
        });
    }
    for (path, title) in ROUTES {
        // A list of items is in the markup too: read before the app starts, or without it, and
        // named in the link preview.
        let links: Vec<(String, String)> = corpus
            .items()
            .filter(|(_, item)| listed_kinds(path).contains(&item.kind()))
            .map(|(_, item)| (item.path(), item.title().to_string()))
            .collect();
        let (main, description) = if links.is_empty() {
            (
                format!("<h1>{}</h1>", escape(title)),
                format!("《参考》{title}"),
            )
        } else {
            let names: Vec<&str> = links.iter().map(|(_, label)| label.as_str()).collect();
            (
                format!("<h1>{}</h1>{}", escape(title), link_list(&links)),
                cut(
                    &format!(
                        "《参考》{title}，共 {} 项：{}",
                        links.len(),
                        names.join("；")
                    ),
                    110,
                ),
            )
        };
        out.push(Page {
            path: path.to_string(),
            title: format!("{title} · 参考"),
            description,
            main,
            issue: latest.map(|i| i.meta.id.clone()),
        });
    }
    for (issue, item) in corpus.items() {
        let title = item.title_as_name();
        out.push(Page {
            path: item.path(),
            title: format!("{title} · 参考"),
            description: item_description(item),
            main: item_main(corpus, &issue.meta.title, item),
            issue: Some(issue.meta.id.clone()),
        });
    }
    out
}

/// The header of the static page; the app's own header has the same links.
const STATIC_HEADER: &str = "<header class=\"top\"><a class=\"brand\" href=\"./\"><span class=\"brand-mark\" \
    aria-hidden=\"true\">参</span><span>参考</span></a><nav aria-label=\"主导航\"><a href=\"policies/\">政策</a>\
    <a href=\"search/\">搜索</a><a href=\"problems/\">问题</a><a href=\"compare/\">比较</a><a href=\"map/\">地图</a>\
    <a href=\"matrix/\">主题</a><a href=\"timeline/\">时间线</a><a href=\"saved/\">收藏</a></nav></header>";

/// Markers in the app's `index.html` that page generation fills in.
pub const PRERENDER_START: &str = "<div id=\"prerender\">";
pub const PRERENDER_END: &str = "</div><!--/prerender-->";

/// Writes `page` into the app's built `index.html` (`template`). `site_url`, when known, gives
/// the page its canonical link and OpenGraph URL; both must be absolute (crawlers and
/// Lighthouse reject a relative canonical), so a build that does not know its host has none.
pub fn render(template: &str, page: &Page, site_url: Option<&str>) -> String {
    let mut html = template.replacen(
        "<base href=\"./\">",
        &format!("<base href=\"{}\">", page.base_href()),
        1,
    );
    html = replace_between(&html, "<title>", "</title>", &escape(&page.title));
    html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\">",
        &escape(&page.description),
    );
    let mut head = String::new();
    head.push_str(&format!(
        "<meta property=\"og:type\" content=\"{}\"><meta property=\"og:site_name\" content=\"参考 · Cankao\">\
         <meta property=\"og:title\" content=\"{}\"><meta property=\"og:description\" content=\"{}\">\
         <meta property=\"og:locale\" content=\"zh_CN\">",
        if page.path.is_empty() { "website" } else { "article" },
        escape(&page.title),
        escape(&page.description)
    ));
    if let Some(site) = site_url {
        let site = site.trim_end_matches('/');
        let url = escape(&format!("{site}/{}", page.path));
        // A preview card's picture must be absolute too: the app's icon, 512 px square.
        let image = escape(&format!("{site}/icon-512.png"));
        head.push_str(&format!(
            "<link rel=\"canonical\" href=\"{url}\"><meta property=\"og:url\" content=\"{url}\">\
             <meta property=\"og:image\" content=\"{image}\"><meta property=\"og:image:width\" content=\"512\">\
             <meta property=\"og:image:height\" content=\"512\">"
        ));
    }
    if let Some(issue) = &page.issue {
        head.push_str(&format!(
            "<meta name=\"cankao-issue\" content=\"{}\">",
            escape(issue)
        ));
    }
    html = html.replacen("</head>", &format!("{head}</head>"), 1);
    replace_between(
        &html,
        PRERENDER_START,
        PRERENDER_END,
        &format!(
            "{STATIC_HEADER}<main id=\"main\" class=\"prerendered\">{}</main>",
            page.main
        ),
    )
}

/// Replaces what stands between the first `start` and the following `end`.
fn replace_between(html: &str, start: &str, end: &str, with: &str) -> String {
    let Some(a) = html.find(start) else {
        return html.to_string();
    };
    let from = a + start.len();
    let Some(b) = html[from..].find(end) else {
        return html.to_string();
    };
    format!("{}{}{}", &html[..from], with, &html[from + b..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
    }

    #[test]
    fn base_points_back_to_the_root() {
        let page = |path: &str| Page {
            path: path.into(),
            title: String::new(),
            description: String::new(),
            main: String::new(),
            issue: None,
        };
        assert_eq!(page("").base_href(), "./");
        assert_eq!(page("policies/").base_href(), "../");
        assert_eq!(page("policy/yuefu-2021-53/").base_href(), "../../");
    }

    #[test]
    fn renders_into_the_template() {
        let template = "<html><head><base href=\"./\"><title>x</title><meta name=\"description\" content=\"d\"></head>\
                        <body><div id=\"prerender\"></div><!--/prerender--></body></html>";
        let page = Page {
            path: "policy/a-1/".into(),
            title: "《标题》<b>".into(),
            description: "描述".into(),
            main: "<h1>t</h1>".into(),
            issue: Some("2023-zhizao".into()),
        };
        let html = render(template, &page, None);
        assert!(html.contains("<base href=\"../../\">"));
        assert!(html.contains("<title>《标题》&lt;b&gt;</title>"));
        assert!(html.contains("content=\"描述\""));
        assert!(html.contains("<main id=\"main\" class=\"prerendered\"><h1>t</h1></main>"));
        assert!(
            !html.contains("og:url") && !html.contains("canonical") && !html.contains("og:image")
        );
        let hosted = render(template, &page, Some("https://x.org/p/"));
        assert!(hosted.contains("<link rel=\"canonical\" href=\"https://x.org/p/policy/a-1/\">"));
        assert!(hosted.contains("content=\"https://x.org/p/policy/a-1/\""));
        assert!(hosted
            .contains("<meta property=\"og:image\" content=\"https://x.org/p/icon-512.png\">"));
    }
}
