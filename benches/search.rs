//! Native micro-benchmark of the search core at 1×, 10× and 100× the real corpus
//! (`cargo bench --bench search`). For each scale it times building the library (checks and
//! index) and every keystroke of the browser benchmark's queries, in the two shapes the app
//! meets: the newest issue in full with the others as outlines (after the catalog arrives), and
//! every issue in full (after each has been opened). Prints a markdown table with the slowest
//! keystrokes; never fails on a figure.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use cankao::core::corpus::{Corpus, ShippedIssue};
use cankao::core::library::Library;
use cankao::core::scale::scale;
use cankao::core::search::Query;
use cankao::tool::{load_corpus, ship};

/// The browser benchmark's real queries (Chinese words, pinyin, initials, document numbers in
/// two bracket styles), read from the list it uses.
fn queries() -> Vec<String> {
    let text = std::fs::read_to_string("tests/bench/queries.json").expect("the query list");
    serde_json::from_str(&text).expect("a list of strings")
}

/// The successive values of the search box while `query` is typed, as the browser benchmark
/// types them: every ASCII character is a keystroke, a run of other characters is one IME
/// commit, and white space goes in with what follows it.
fn keystrokes(query: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut typed = String::new();
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        typed.push(c);
        if c.is_whitespace() {
            continue;
        }
        if !c.is_ascii() {
            while let Some(&next) = chars.peek().filter(|n| !n.is_ascii() && !n.is_whitespace()) {
                typed.push(next);
                chars.next();
            }
        }
        values.push(typed.clone());
    }
    values
}

/// Median and 95th percentile of `samples`.
fn summary(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect()
}

/// The shipped issues with all but the newest reduced to their outlines.
fn outlined(shipped: &[ShippedIssue]) -> Vec<ShippedIssue> {
    let newest = shipped.len() - 1;
    shipped
        .iter()
        .enumerate()
        .map(|(i, s)| if i == newest { s.clone() } else { s.outlined() })
        .collect()
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn bench(corpus: &Corpus, factor: usize, typed: &[String]) {
    let scaled = scale(corpus, factor);
    let shipped = ship(&scaled);
    for (shape, issues) in [
        ("newest full, others outlined", outlined(&shipped)),
        ("every issue full", shipped.clone()),
    ] {
        let build_runs = if factor >= 100 { 5 } else { 20 };
        let build = time(build_runs, || {
            Library::new(scaled.registry.clone(), issues.clone()).expect("valid")
        });
        let library = Library::new(scaled.registry.clone(), issues).expect("valid");
        let mut all = Vec::new();
        let mut slowest: Vec<(Duration, &str)> = Vec::new();
        for value in typed {
            let query = Query::parse(value);
            let samples = time(if factor >= 100 { 10 } else { 100 }, || {
                library.index.search(&query)
            });
            slowest.push((summary(samples.clone()).0, value));
            all.extend(samples);
        }
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        let (build_median, _) = summary(build);
        let (median, p95) = summary(all);
        let slowest: Vec<String> = slowest
            .iter()
            .take(3)
            .map(|(d, v)| format!("{v} {}", ms(*d)))
            .collect();
        println!(
            "| {factor}× | {shape} | {} | {} | {} | {} | {} |",
            library.index.entries.len(),
            ms(build_median),
            ms(median),
            ms(p95),
            slowest.join(", ")
        );
    }
}

fn main() {
    let loaded = load_corpus(Path::new("data/corpus")).expect("the corpus loads");
    let queries = queries();
    let typed: Vec<String> = queries.iter().flat_map(|q| keystrokes(q)).collect();
    println!(
        "{} queries typed as {} keystrokes; times per keystroke, in ms\n",
        queries.len(),
        typed.len()
    );
    println!("| scale | library | index entries | build (median) | search (median) | search (p95) | slowest keystrokes (median) |");
    println!("|---|---|---|---|---|---|---|");
    for factor in [1, 10, 100] {
        bench(&loaded.corpus, factor, &typed);
    }
}
