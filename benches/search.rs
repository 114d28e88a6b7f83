//! Native micro-benchmark of the search core at 1×, 10× and 100× the real corpus
//! (`cargo bench --bench search`). For each scale it times building the library (checks and
//! index) and every query of the fixed list, in the two shapes the app meets: the newest issue
//! in full with the others as outlines (after the catalog arrives), and every issue in full
//! (after each has been opened). Prints a markdown table; never fails on a figure.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use cankao::core::corpus::{Corpus, ShippedIssue};
use cankao::core::library::Library;
use cankao::core::scale::scale;
use cankao::core::search::Query;
use cankao::tool::{load_corpus, ship};

/// Real queries: Chinese words, pinyin, initials and document numbers in two bracket styles.
const QUERIES: [&str; 14] = [
    "制造业",
    "数字化转型",
    "专精特新",
    "工业增加值",
    "产业集群",
    "江苏",
    "gwy",
    "foshan",
    "zhizaoye",
    "粤府〔2021〕53号",
    "粤府[2021]53号",
    "工信部 制造业",
    "新能源汽车",
    "研发投入",
];

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

fn bench(corpus: &Corpus, factor: usize) {
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
        for q in QUERIES {
            let query = Query::parse(q);
            all.extend(time(if factor >= 100 { 20 } else { 200 }, || {
                library.index.search(&query)
            }));
        }
        let (build_median, _) = summary(build);
        let (median, p95) = summary(all);
        println!(
            "| {factor}× | {shape} | {} | {} | {} | {} |",
            library.index.entries.len(),
            ms(build_median),
            ms(median),
            ms(p95)
        );
    }
}

fn main() {
    let loaded = load_corpus(Path::new("data/corpus")).expect("the corpus loads");
    println!("| scale | library | index entries | build (ms, median) | search (ms, median) | search (ms, p95) |");
    println!("|---|---|---|---|---|---|");
    for factor in [1, 10, 100] {
        bench(&loaded.corpus, factor);
    }
}
