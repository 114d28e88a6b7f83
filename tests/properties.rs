//! Property tests with a fixed seed and case count: arbitrary input never panics the search,
//! the URL-state parser, the citation formatter or the CSV writer, round-trips hold, and
//! figures' numbers print as written.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use cankao::core::cite::{bibtex, gbt7714, ris, CiteContext};
use cankao::core::corpus::{format_number, Level};
use cankao::core::csv;
use cankao::core::library::Library;
use cankao::core::listing::{ListState, Sort};
use cankao::core::saved;
use cankao::core::search::{snippet, Query};
use cankao::core::url::{decode, encode, parse_query};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config() -> Config {
    Config {
        cases: 256,
        rng_seed: RngSeed::Fixed(0x00ca_04a0),
        failure_persistence: None,
        ..Config::default()
    }
}

fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| {
        let loaded = cankao::tool::load_corpus(Path::new("data/corpus")).expect("corpus");
        let shipped = cankao::tool::ship(&loaded.corpus);
        Library::new(loaded.corpus.registry, shipped).expect("valid")
    })
}

/// Text mixing Chinese, ASCII, brackets, escapes and control characters.
fn messy() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[\\PC\\p{Han}a-zA-Z0-9 %+&=?#,~〔〕\\[\\]（）<>\"'\\\\\\t\\n\\u{0}-\\u{1f}]{0,60}",
    )
    .unwrap()
}

fn id() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}").unwrap()
}

prop_compose! {
    fn list_state()(
        q in proptest::string::string_regex("[\\p{Han}a-z0-9 ,%&=+]{0,30}").unwrap(),
        levels in proptest::collection::btree_set(prop_oneof![Just(Level::Central), Just(Level::Provincial), Just(Level::Municipal)], 0..3),
        regions in proptest::collection::btree_set(id(), 0..4),
        years in proptest::collection::btree_set(1990u16..2100, 0..4),
        issuers in proptest::collection::btree_set("[\\p{Han}]{1,12}", 0..3),
        themes in proptest::collection::btree_set(id(), 0..3),
        sort in prop_oneof![Just(Sort::DateDesc), Just(Sort::DateAsc), Just(Sort::Level), Just(Sort::Relevance)],
    ) -> ListState {
        // What the parser keeps: trimmed query text without separators that collide.
        let q = q.trim().to_string();
        ListState { q, levels, regions, years, issuers, themes, sort }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn url_state_round_trips(state in list_state()) {
        prop_assert_eq!(ListState::from_query(&state.to_query()), state);
    }

    #[test]
    fn any_query_string_parses_to_a_valid_state(raw in messy()) {
        let state = ListState::from_query(&raw);
        // Parsing its own output gives the same state back.
        prop_assert_eq!(ListState::from_query(&state.to_query()), state.clone());
        prop_assert!(state.q.chars().count() <= cankao::core::listing::MAX_Q);
    }

    #[test]
    fn percent_encoding_round_trips(text in messy()) {
        prop_assert_eq!(decode(&encode(&text)), text.clone());
        prop_assert!(encode(&text).is_ascii());
        let _ = parse_query(&text);
        let _ = decode(&text);
    }

    #[test]
    fn search_never_panics_and_every_hit_matches(text in messy()) {
        let lib = library();
        let q = Query::parse(&text);
        let hits = lib.index.search(&q);
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        for h in &hits {
            let id = &lib.index.entry(h).id;
            prop_assert!(lib.find(id).is_some() || lib.corpus.figure(id).is_some());
        }
    }

    #[test]
    fn snippets_keep_the_text(text in messy(), term in "[\\p{Han}a-z]{1,3}") {
        let segs = snippet(&text, &[term], 1000);
        let whole: String = segs.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(whole, text);
    }

    #[test]
    fn csv_round_trips_and_never_starts_a_formula(rows in proptest::collection::vec(proptest::collection::vec(messy(), 1..5), 0..6)) {
        let header = ["a", "b", "c", "d", "e"];
        let width = rows.iter().map(Vec::len).max().unwrap_or(1);
        let rows: Vec<Vec<String>> = rows.into_iter().map(|mut r| { r.resize(width, String::new()); r }).collect();
        let doc = csv::document(&header[..width], &rows);
        prop_assert!(doc.starts_with(csv::BOM));
        let back = csv::parse(&doc);
        prop_assert_eq!(back.len(), rows.len() + 1);
        for (row, parsed) in rows.iter().zip(back.iter().skip(1)) {
            for (cell, read) in row.iter().zip(parsed) {
                let expected = if csv::is_date_or_time(cell) {
                    format!("=\"{cell}\"")
                } else if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !csv::is_plain_number(cell) {
                    format!("'{cell}")
                } else {
                    cell.clone()
                };
                prop_assert_eq!(read, &expected);
                // A number is the one thing that may start with a minus, and the one formula is the
                // text formula around a date or a time.
                prop_assert!(!read.starts_with(['=', '+', '-', '@']) || csv::is_plain_number(read) || csv::is_date_or_time(cell));
            }
        }
    }

    /// A month and a number joined as a date or a time (`1/7`, `2022-11`, `1:1`) reach the
    /// spreadsheet as the text formula that shows them as written.
    #[test]
    fn dates_and_times_stay_text(month in 1u32..=12, other in 0u32..10_000, separator in prop::sample::select(vec!['/', '-', ':']), month_first: bool) {
        let text = if month_first { format!("{month}{separator}{other}") } else { format!("{other}{separator}{month}") };
        prop_assert_eq!(csv::cell(&text), format!("\"=\"\"{text}\"\"\""));
    }

    /// Every number the app prints, negative ones included, reaches the spreadsheet as a number.
    #[test]
    fn printed_numbers_stay_numbers(value in -1e15f64..1e15) {
        let printed = format_number(value);
        prop_assert_eq!(csv::cell(&printed), printed);
    }

    #[test]
    fn citations_never_panic(url in messy(), accessed in "20[0-9]{2}-[01][0-9]-[0-3][0-9]") {
        let lib = library();
        for (issue, item) in lib.corpus.items() {
            let ctx = CiteContext { series: &lib.corpus.registry.series, issue, url: &url, accessed: &accessed };
            let g = gbt7714(item, &ctx);
            prop_assert!(g.contains("[EB/OL]"));
            prop_assert!(ris(item, &ctx).ends_with("ER  - \r\n"));
            let b = bibtex(item, &ctx);
            prop_assert!(b.starts_with("@misc{"), "{}", b);
        }
    }

    #[test]
    fn saved_lists_survive_anything(raw in messy(), ids in proptest::collection::vec(id(), 0..20)) {
        let _ = saved::parse(Some(&raw));
        let unique: Vec<String> = ids.iter().cloned().collect::<BTreeSet<_>>().into_iter().collect();
        let mut ordered = Vec::new();
        for i in &ids { if !ordered.contains(i) { ordered.push(i.clone()); } }
        prop_assert_eq!(saved::parse(Some(&saved::serialize(&ordered))).ids, ordered.clone());
        prop_assert_eq!(unique.len(), ordered.len());
    }

    /// A figure written with up to four decimals, as parsed from the corpus, prints as written
    /// (less trailing zeros): the value a reader searches for and the validator finds in its
    /// sentence.
    #[test]
    fn decimals_print_as_written(whole in 0u64..100_000_000, fraction in 0u32..10_000, places in 0usize..=4, negative: bool) {
        let digits = format!("{fraction:04}");
        let digits = digits[..places].trim_end_matches('0');
        let sign = if negative && (whole > 0 || !digits.is_empty()) { "-" } else { "" };
        let written = if digits.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}.{digits}") };
        let value: f64 = written.parse().expect("a decimal");
        prop_assert_eq!(format_number(value), written);
    }
}
