//! Larger corpora made from the real one, for benchmarks and tests: as if the series had
//! `factor` issues. Each added issue reuses the real issue's text; its ids get a suffix and
//! its dates move back, so every id is unique and every date is still a real date.

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

fn generated_copy(issue: &Issue, copy: usize) -> Issue {
    let id = |s: &mut String| *s = copy_id(s, copy);
    let date = |s: &mut String| *s = months_earlier(s, copy);
    let mut g = issue.clone();
    id(&mut g.meta.id);
    date(&mut g.meta.date);
    for p in &mut g.policies {
        id(&mut p.id);
        date(&mut p.date);
    }
    g.articles.iter_mut().for_each(|a| id(&mut a.id));
    g.recommendations.iter_mut().for_each(|r| id(&mut r.id));
    g.problems.iter_mut().for_each(|p| id(&mut p.id));
    g.experiences.iter_mut().for_each(|e| id(&mut e.id));
    g.clues.iter_mut().for_each(|c| id(&mut c.id));
    for n in &mut g.news {
        id(&mut n.id);
        date(&mut n.date);
    }
    for f in &mut g.figures {
        id(&mut f.id);
        id(&mut f.item);
    }
    g.editorial.themes = std::mem::take(&mut g.editorial.themes)
        .into_iter()
        .map(|(k, v)| (copy_id(&k, copy), v))
        .collect();
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
}
