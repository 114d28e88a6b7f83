//! Larger corpora made from the real one, for benchmarks and tests: as if the series had
//! `factor` issues. Each added issue reuses the real issue's text; its ids get a suffix and
//! its dates move back, so every id is unique and every date is still a real date, and its
//! items' titles get a mark naming the copy, so that titles (and the pinyin keys made from
//! them) are as distinct as a real series' titles: the search index writes shared text once,
//! and copies of the same titles would flatter it.

use super::corpus::{Corpus, Issue};

/// The corpus as if it held `factor` copies of each issue. Copies are older than their
/// original (listed before it, dates moved back one month per copy); originals keep their ids.
pub fn scale(corpus: &Corpus, factor: usize) -> Corpus {
    let mut out = corpus.clone();
    if factor <= 1 {
        return out;
    }
    out.issues.clear();
    out.registry.series.issues.clear();
    for copy in (0..factor).rev() {
        for issue in &corpus.issues {
            let generated = if copy == 0 {
                issue.clone()
            } else {
                generated_copy(issue, copy)
            };
            out.registry.series.issues.push(generated.meta.id.clone());
            out.issues.push(generated);
        }
    }
    out
}

/// The id of `id` in copy number `copy`.
fn copy_id(id: &str, copy: usize) -> String {
    format!("{id}-g{copy}")
}

/// The mark added to the titles of copy number `copy`: its digits read in Chinese, which
/// gives every copy its own words and its own pinyin (（副本一二） for copy 12).
fn copy_mark(copy: usize) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digits: String = copy
        .to_string()
        .bytes()
        .map(|d| DIGITS[usize::from(d - b'0')])
        .collect();
    format!("（副本{digits}）")
}

fn generated_copy(issue: &Issue, copy: usize) -> Issue {
    let id = |s: &mut String| *s = copy_id(s, copy);
    let date = |s: &mut String| *s = months_earlier(s, copy);
    let mark = copy_mark(copy);
    let title = |s: &mut String| s.push_str(&mark);
    let mut g = issue.clone();
    id(&mut g.meta.id);
    date(&mut g.meta.date);
    for p in &mut g.policies {
        id(&mut p.id);
        date(&mut p.date);
        // The short title is the name inside 《》 of the full title: both change together.
        let marked = format!("《{}{mark}》", p.short_title);
        p.title = p
            .title
            .replacen(&format!("《{}》", p.short_title), &marked, 1);
        title(&mut p.short_title);
    }
    let item = |item_id: &mut String, item_title: &mut String| {
        id(item_id);
        title(item_title);
    };
    g.articles
        .iter_mut()
        .for_each(|a| item(&mut a.id, &mut a.title));
    // A recommendation's title is its expert's name, which a real series repeats too.
    g.recommendations.iter_mut().for_each(|r| id(&mut r.id));
    g.problems
        .iter_mut()
        .for_each(|p| item(&mut p.id, &mut p.title));
    g.experiences
        .iter_mut()
        .for_each(|e| item(&mut e.id, &mut e.title));
    g.clues
        .iter_mut()
        .for_each(|c| item(&mut c.id, &mut c.title));
    for n in &mut g.news {
        id(&mut n.id);
        date(&mut n.date);
        title(&mut n.title);
    }
    for f in &mut g.figures {
        id(&mut f.id);
        id(&mut f.item);
    }
    g.editorial.themes = std::mem::take(&mut g.editorial.themes)
        .into_iter()
        .map(|(k, v)| (copy_id(&k, copy), v))
        .collect();
    g.editorial.cover.values_mut().for_each(id);
    g.editorial.answers = std::mem::take(&mut g.editorial.answers)
        .into_iter()
        .map(|(k, v)| {
            let v = v.iter().map(|p| copy_id(p, copy)).collect();
            (copy_id(&k, copy), v)
        })
        .collect();
    g
}

/// A partial ISO date (`2023`, `2023-05`, `2023-05-10`) moved `months` back, keeping its
/// precision; days past the 28th become the 28th so that every month has them.
fn months_earlier(date: &str, months: usize) -> String {
    let parts: Vec<i64> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    let months = months as i64;
    match parts.as_slice() {
        [year] => format!("{:04}", year - (months + 11) / 12),
        [year, month, rest @ ..] => {
            let total = year * 12 + (month - 1) - months;
            let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
            match rest {
                [] => format!("{y:04}-{m:02}"),
                [day, ..] => format!("{y:04}-{m:02}-{:02}", day.min(&28)),
            }
        }
        [] => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_back_by_whole_months_and_stay_valid() {
        assert_eq!(months_earlier("2023-05-10", 1), "2023-04-10");
        assert_eq!(months_earlier("2023-01-31", 1), "2022-12-28");
        assert_eq!(months_earlier("2023-03", 14), "2022-01");
        assert_eq!(months_earlier("2023", 1), "2022");
        assert_eq!(months_earlier("2023", 12), "2022");
        assert_eq!(months_earlier("2023", 13), "2021");
        assert_eq!(months_earlier("2023-05-10", 0), "2023-05-10");
    }

    #[test]
    fn copies_titles_are_their_own() {
        assert_eq!(copy_mark(12), "（副本一二）");
        assert_eq!(copy_mark(90), "（副本九〇）");
        let loaded = crate::tool::load_corpus(std::path::Path::new("data/corpus")).expect("corpus");
        let scaled = scale(&loaded.corpus, 3);
        let titles = |i: usize| -> Vec<String> {
            scaled.issues[i]
                .items()
                .map(|item| item.title().to_string())
                .collect()
        };
        let (copy, original) = (titles(1), titles(2));
        assert_eq!(copy.len(), original.len());
        let marked = copy.iter().filter(|t| t.ends_with("（副本一）")).count();
        let experts = scaled.issues[1].recommendations.len();
        assert_eq!(
            marked,
            copy.len() - experts,
            "every title but an expert's name"
        );
        let policy = &scaled.issues[1].policies[0];
        assert!(policy
            .title
            .contains(&format!("《{}》", policy.short_title)));
    }
}
