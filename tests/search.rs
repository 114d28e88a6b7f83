//! Search, facets and related items over the real corpus.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use cankao::core::corpus::Level;
use cankao::core::csv;
use cankao::core::library::Library;
use cankao::core::listing::{list, policies_csv, Facet, ListState, Sort};
use cankao::core::search::{hits_csv, Group, Index, NameKind, Query};
use cankao::tool::{load_corpus, ship};

fn library() -> Library {
    let loaded = load_corpus(Path::new("data/corpus")).expect("corpus loads");
    let shipped = ship(&loaded.corpus);
    Library::new(loaded.corpus.registry, shipped).expect("valid")
}

fn ids(lib: &Library, q: &str) -> Vec<String> {
    lib.index
        .search(&Query::parse(q))
        .iter()
        .map(|h| lib.index.entry(h).id.clone())
        .collect()
}

#[test]
fn substring_search_finds_chinese_without_spaces() {
    let lib = library();
    let hits = ids(&lib, "工业互联网");
    assert!(
        hits.contains(&"guowuyuan-2017-11-27".to_string()),
        "{hits:?}"
    );
}

#[test]
fn several_terms_must_all_match() {
    let lib = library();
    let both = lib.index.search(&Query::parse("数字化 佛山"));
    assert!(
        both.iter().any(|h| lib.index.entry(h).id == "fofu-2021-12"),
        "{both:?}"
    );
    assert!(both.len() < ids(&lib, "数字化").len());
    for h in both.iter().filter(|h| h.group != Group::Figure) {
        let id = &lib.index.entry(h).id;
        let (issue, item) = lib.find(id).unwrap();
        // What an item is searched by: its text, its regions' names and its themes' names.
        let mut text: String = item.texts().iter().map(|t| t.text).collect();
        for r in item.regions() {
            text.push_str(&lib.corpus.region(r).unwrap().name);
        }
        if let cankao::core::items::ItemRef::Policy(p) = item {
            text.push_str(&p.issuers.concat());
        }
        for t in issue.themes_of(id) {
            text.push_str(&lib.corpus.theme(t).unwrap().zh);
        }
        let text = cankao::core::search::normalize(&text);
        assert!(text.contains("数字化") && text.contains("佛山"), "{id}");
    }
}

#[test]
fn pinyin_and_initials_find_regions_and_issuers() {
    let lib = library();
    assert_eq!(
        ids(&lib, "gwy").first().map(String::as_str),
        Some("guowuyuan-2017-11-27")
    );
    let gd = lib.index.search(&Query::parse("guangdong"));
    assert!(gd.iter().any(|h| lib.index.entry(h).id == "yuefu-2021-53"));
    let fs = ids(&lib, "foshan");
    assert!(
        fs.contains(&"fofu-2021-12".to_string()),
        "佛山 reads fo-shan: {fs:?}"
    );
    assert!(ids(&lib, "chongqing").contains(&"yufufa-2022-34".to_string()));
}

#[test]
fn the_english_names_of_themes_and_indicators_find_what_they_label() {
    // A reader of the English interface types the labels it shows.
    let lib = library();
    let finance = lib
        .corpus
        .registry
        .theme("finance")
        .expect("a finance theme");
    let tagged = lib
        .corpus
        .items()
        .filter(|(issue, item)| issue.themes_of(item.id()).contains(&finance.key))
        .count();
    let found = lib.index.search(&Query::parse(&finance.en.to_lowercase()));
    assert!(found.len() >= tagged, "{} of {tagged}", found.len());
    let figures = lib.index.search(&Query::parse("high-tech enterprises"));
    assert!(figures
        .iter()
        .any(|h| lib.index.entry(h).id == "2023-zhizao-f120"));
}

#[test]
fn the_english_names_of_places_find_what_is_theirs() {
    // Germany's and the Yangtze River Delta's names are not their pinyin.
    let lib = library();
    for (region, typed) in [
        ("germany", "germany"),
        ("yangtze-delta", "yangtze river delta"),
    ] {
        let theirs: Vec<String> = lib
            .corpus
            .items()
            .filter(|(_, item)| item.regions().contains(&region))
            .map(|(_, item)| item.id().to_string())
            .collect();
        assert!(!theirs.is_empty(), "{region} has items");
        let found = ids(&lib, typed);
        for id in &theirs {
            assert!(found.contains(id), "{typed} finds {id}: {found:?}");
        }
    }
}

#[test]
fn quotation_marks_typed_or_left_out_do_not_change_what_is_found() {
    let lib = library();
    let bare = ids(&lib, "专精特新");
    assert!(bare.len() > 10, "{bare:?}");
    for quoted in ["“专精特新”", "\"专精特新\"", "「专精特新」", "《专精特新》"]
    {
        assert_eq!(ids(&lib, quoted), bare, "{quoted}");
    }
    // A title that prints “十四五”, typed without its quotes, and with straight ones.
    let (id, title) = lib
        .corpus
        .policies()
        .find(|(_, p)| p.short_title.contains("“十四五”") && p.level == Level::Provincial)
        .map(|(_, p)| (p.id.clone(), p.short_title.clone()))
        .expect("a provincial title with “十四五”");
    for typed in [
        title.replace(['“', '”'], ""),
        title.replace(['“', '”'], "\""),
    ] {
        assert_eq!(ids(&lib, &typed).first(), Some(&id), "{typed}");
    }
    // Only quotation marks: nothing to search for.
    assert!(Query::parse("“” \"\"").is_empty());
}

#[test]
fn an_issuer_is_found_by_its_short_names_and_says_which_it_is() {
    let lib = library();
    let issued_by = |names: &[&str]| -> Vec<String> {
        lib.corpus
            .policies()
            .filter(|(_, p)| p.issuers.iter().any(|i| names.contains(&i.as_str())))
            .map(|(_, p)| p.id.clone())
            .collect()
    };
    for (short, names) in [
        ("工信部", &["工业和信息化部"][..]),
        ("发改委", &["国家发展改革委", "国家发展和改革委员会"][..]),
        (
            "人社部",
            &["人力资源社会保障部", "人力资源和社会保障部"][..],
        ),
        ("广东省政府", &["广东省人民政府"][..]),
    ] {
        let expected = issued_by(names);
        assert!(!expected.is_empty(), "{short}");
        let found = ids(&lib, short);
        let missing: Vec<_> = expected.iter().filter(|id| !found.contains(id)).collect();
        assert!(missing.is_empty(), "{short} misses {missing:?}");
    }
    // The snippet names the issuer as its source does, then the name typed.
    let query = Query::parse("发改委");
    let hits = lib.index.search(&query);
    let snippet = lib.index.snippet(&hits[0], &query);
    let text: String = snippet.segments.iter().map(|s| s.text.as_str()).collect();
    assert!(text.starts_with("国家发展"), "{text}");
    assert!(
        snippet
            .segments
            .iter()
            .any(|s| s.marked && s.text == "发改委"),
        "{snippet:?}"
    );
}

#[test]
fn a_year_or_a_month_finds_what_was_issued_then_first() {
    let lib = library();
    let dated = |prefix: &str| -> Vec<String> {
        lib.corpus
            .policies()
            .filter(|(_, p)| p.date.starts_with(prefix))
            .map(|(_, p)| p.id.clone())
            .collect()
    };
    for (typed, prefix) in [
        ("2022年", "2022"),
        ("2021", "2021"),
        ("2022年12月", "2022-12"),
        ("2022-12", "2022-12"),
        ("2022.12", "2022-12"),
        ("2022/12", "2022-12"),
        ("Dec 2022", "2022-12"),
        ("December 2022", "2022-12"),
        ("Nov 2022", "2022-11"),
        ("2021年12月21日", "2021-12-21"),
    ] {
        let expected = dated(prefix);
        assert!(!expected.is_empty(), "{typed}");
        let found = ids(&lib, typed);
        // Every policy of that time, ahead of the articles and figures that mention it (a
        // policy whose title names the year, 2021—2025年, may come first).
        let policies = found
            .iter()
            .take_while(|id| lib.corpus.policies().any(|(_, p)| &&p.id == id))
            .collect::<Vec<_>>();
        let missing: Vec<_> = expected
            .iter()
            .filter(|id| !policies.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "{typed} misses {missing:?} in {found:?}"
        );
    }
    // With a place: the policies of that year and region.
    let found = ids(&lib, "2022年 广州");
    let guangzhou: Vec<_> = lib
        .corpus
        .policies()
        .filter(|(_, p)| p.date.starts_with("2022") && p.region == "guangzhou")
        .map(|(_, p)| p.id.clone())
        .collect();
    assert!(!guangzhou.is_empty());
    assert!(guangzhou.iter().all(|id| found.contains(id)), "{found:?}");
    // A match in the date alone says so: `日期：2022年12月8日`.
    let query = Query::parse("2022年12月");
    let hits = lib.index.search(&query);
    let dated_only = hits
        .iter()
        .map(|h| lib.index.snippet(h, &query))
        .find(|s| s.name.is_some())
        .expect("a policy matched by its date alone");
    assert_eq!(dated_only.name, Some(NameKind::Date));
    let text: String = dated_only
        .segments
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        text.starts_with("2022年12月") && text.ends_with('日'),
        "{text}"
    );
}

#[test]
fn documents_that_say_the_words_rank_above_those_only_tagged_with_a_theme_of_that_name() {
    let lib = library();
    let query = Query::parse("专精特新");
    let policies: Vec<_> = lib
        .index
        .search(&query)
        .into_iter()
        .filter(|h| h.group == Group::Item(cankao::core::items::Kind::Policy))
        .collect();
    let says = |h: &cankao::core::search::Hit| lib.index.snippet(h, &query).name.is_none();
    let first_tag_only = policies
        .iter()
        .position(|h| !says(h))
        .expect("a policy only tagged");
    assert!(
        policies[first_tag_only..].iter().all(|h| !says(h)),
        "every policy that says 专精特新 comes before those only tagged with it"
    );
    assert!(first_tag_only > 0);
}

#[test]
fn words_that_find_nothing_together_are_offered_alone() {
    let lib = library();
    assert!(lib
        .index
        .search(&Query::parse("数字化 无此词语"))
        .is_empty());
    let alone = lib.index.each_word_alone("数字化 无此词语 数字化");
    assert_eq!(alone.len(), 1, "{alone:?}");
    assert_eq!(alone[0].0, "数字化");
    assert_eq!(alone[0].1, lib.index.search(&Query::parse("数字化")).len());
    // One word has nothing to drop.
    assert!(lib.index.each_word_alone("无此词语").is_empty());
}

#[test]
fn words_typed_without_spaces_are_searched_apart_at_the_names_they_hold() {
    let lib = library();
    for (typed, apart) in [
        ("深圳数字化转型", "深圳 数字化转型"),
        ("江苏工业增加值", "江苏 工业增加值"),
        ("深圳政策", "深圳 政策"),
        ("工信部数字化转型", "工信部 数字化转型"),
        ("2022 广州数字化转型", "2022 广州 数字化转型"),
    ] {
        assert_eq!(lib.index.apart_at_names(typed).as_deref(), Some(apart));
        let found = lib.index.find(typed);
        assert_eq!(found.apart.as_deref(), Some(apart), "{typed}");
        let apart_ids: Vec<String> = found
            .hits
            .iter()
            .map(|h| lib.index.entry(h).id.clone())
            .collect();
        assert_eq!(apart_ids, ids(&lib, apart), "{typed}");
        assert!(!apart_ids.is_empty(), "{typed}");
    }
    // Shenzhen's digital-transformation measures are among what the run-together words find.
    let found = lib.index.find("深圳数字化转型");
    assert!(found
        .hits
        .iter()
        .any(|h| lib.index.entry(h).id == "shengongxingui-2022-8"));
    // What finds something as typed is searched as typed; a single name is not cut.
    for typed in ["数字化转型", "深圳", "深圳 数字化转型", "工业互联网"] {
        let found = lib.index.find(typed);
        assert_eq!(found.apart, None, "{typed}");
        assert_eq!(found.query, Query::parse(typed));
    }
    assert_eq!(lib.index.apart_at_names("数字化转型"), None);
}

#[test]
fn document_numbers_in_any_form_find_the_document_first() {
    let lib = library();
    for typed in [
        "粤府2021 53",
        "粤府[2021]53号",
        "粤府〔2021〕53号",
        "粤府（2021）53号",
        "粤府 2021 53",
        // The short form people say, the year left out.
        "粤府53号",
        "粤府53号文",
    ] {
        assert_eq!(
            ids(&lib, typed).first().map(String::as_str),
            Some("yuefu-2021-53"),
            "{typed}"
        );
    }
}

#[test]
fn a_document_number_without_its_year_finds_that_code_and_serial_only() {
    let lib = library();
    assert_eq!(
        ids(&lib, "发改产业1780号").first().map(String::as_str),
        Some("fagaichanye-2021-1780")
    );
    // 粤府〔2021〕45号 and 粤府〔2021〕53号 share the code: only the serial asked for is found.
    let hits = ids(&lib, "粤府45号");
    assert_eq!(hits.first().map(String::as_str), Some("yuefu-2021-45"));
    assert!(!hits.contains(&"yuefu-2021-53".to_string()), "{hits:?}");
}

#[test]
fn title_matches_rank_above_body_matches() {
    let lib = library();
    let hits = lib.index.search(&Query::parse("机器人"));
    let first = hits.first().expect("hits");
    assert!(lib.index.entry(first).title.contains("机器人"), "{first:?}");
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn search_covers_every_kind_and_figures() {
    let lib = library();
    let hits = lib.index.search(&Query::parse("人才"));
    for group in [
        Group::Item(cankao::core::items::Kind::Policy),
        Group::Item(cankao::core::items::Kind::Problem),
        Group::Figure,
    ] {
        assert!(hits.iter().any(|h| h.group == group), "{group:?}");
    }
}

#[test]
fn facet_counts_are_live_and_ignore_their_own_facet() {
    let lib = library();
    let mut state = ListState::default();
    state.levels.insert(Level::Central);
    let l = list(&lib.corpus, &lib.index, &state);
    assert_eq!(l.rows.len(), 12);
    let levels = &l.facets.iter().find(|(f, _)| *f == Facet::Level).unwrap().1;
    // Counts of the level facet ignore the level selection: all three levels stay choosable.
    let count = |k: &str| levels.iter().find(|v| v.value == k).map(|v| v.count);
    assert_eq!(
        (count("central"), count("provincial"), count("municipal")),
        (Some(12), Some(14), Some(15))
    );
    // Other facets count within the selection.
    let regions = &l
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Region)
        .unwrap()
        .1;
    assert_eq!(regions.iter().map(|v| v.count).sum::<usize>(), 12);
}

#[test]
fn an_issuer_the_sources_name_two_ways_is_one_filter_value() {
    // 国家发展改革委 signs three documents of the issue, 国家发展和改革委员会 two more.
    let lib = library();
    let signed_by = |name: &str| {
        lib.corpus
            .policies()
            .filter(|(_, p)| p.issuers.iter().any(|i| i == name))
            .count()
    };
    let (short, long) = (
        signed_by("国家发展改革委"),
        signed_by("国家发展和改革委员会"),
    );
    assert!(short > 0 && long > 0);
    let l = list(&lib.corpus, &lib.index, &ListState::default());
    let issuers = &l
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Issuer)
        .unwrap()
        .1;
    let count = |name: &str| issuers.iter().find(|v| v.value == name).map(|v| v.count);
    assert_eq!(count("国家发展改革委"), Some(short + long));
    assert_eq!(count("国家发展和改革委员会"), None);
    // A link that names the body as a source does selects the same documents.
    for name in ["国家发展改革委", "国家发展和改革委员会"] {
        let mut state = ListState::default();
        state.issuers.insert(name.to_string());
        assert_eq!(
            list(&lib.corpus, &lib.index, &state).rows.len(),
            short + long,
            "{name}"
        );
    }
}

#[test]
fn the_policy_csv_names_regions_and_themes_in_the_readers_language_beside_their_codes() {
    let lib = library();
    let l = list(&lib.corpus, &lib.index, &ListState::default());
    let rows = csv::parse(&policies_csv(&l.rows, "https://example.org/cankao/", false));
    assert_eq!(rows.len(), 1 + l.rows.len());
    let column = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {:?}", rows[0]))
    };
    let row = rows.iter().find(|r| r[0] == "shenfugui-2021-1").unwrap();
    assert_eq!(row[column("文号")], "深府规〔2021〕1号");
    assert_eq!(row[column("层级")], "市级");
    assert_eq!(row[column("地区")], "深圳");
    assert_eq!(row[column("地区代码")], "shenzhen");
    assert_eq!(
        row[column("主题")],
        "产业链供应链；用地与空间；营商环境与改革"
    );
    assert_eq!(row[column("主题代码")], "chains；land；reform");
    assert_eq!(
        row[column("链接")],
        "https://example.org/cankao/policy/shenfugui-2021-1/"
    );
    // From the English interface: headed and named in English, the source's words as printed.
    let english = csv::parse(&policies_csv(&l.rows, "https://example.org/cankao/", true));
    let han = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(!english[0].iter().any(|h| han(h)), "{:?}", english[0]);
    let row = english.iter().find(|r| r[0] == "shenfugui-2021-1").unwrap();
    let at = |name: &str| english[0].iter().position(|h| h == name).unwrap();
    assert_eq!(row[at("Level")], "Municipal");
    assert_eq!(row[at("Region")], "Shenzhen");
    assert_eq!(row[at("Document number")], "深府规〔2021〕1号");
    assert!(!han(&row[at("Themes")]), "{}", row[at("Themes")]);
}

#[test]
fn sorting_by_date_and_level() {
    let lib = library();
    let state = ListState {
        sort: Sort::DateAsc,
        ..ListState::default()
    };
    let rows = list(&lib.corpus, &lib.index, &state).rows;
    assert!(rows
        .windows(2)
        .all(|w| w[0].policy.date <= w[1].policy.date));
    assert_eq!(rows[0].policy.date, "2017-11-27");
    let state = ListState {
        sort: Sort::Level,
        ..ListState::default()
    };
    let rows = list(&lib.corpus, &lib.index, &state).rows;
    assert!(rows
        .windows(2)
        .all(|w| w[0].policy.level <= w[1].policy.level));
}

#[test]
fn a_scaled_corpus_indexes_outlines_and_finds_every_issue() {
    let loaded = load_corpus(Path::new("data/corpus")).expect("corpus loads");
    let scaled = cankao::core::scale::scale(&loaded.corpus, 3);
    assert_eq!(scaled.issues.len(), 3);
    assert_eq!(
        scaled.registry.series.issues,
        ["2023-zhizao-g2", "2023-zhizao-g1", "2023-zhizao"]
    );
    let shipped: Vec<_> = ship(&scaled)
        .iter()
        .enumerate()
        .map(|(i, s)| if i == 2 { s.clone() } else { s.outlined() })
        .collect();
    let lib = Library::new(scaled.registry, shipped).expect("outlines pass the checks");
    assert!(lib.has_text("2023-zhizao") && !lib.has_text("2023-zhizao-g1"));
    assert_eq!(lib.outlined_count(), 2);
    // A document number finds its policy in every issue; body text only where it is loaded.
    let hits = ids(&lib, "粤府〔2021〕53号");
    for id in ["yuefu-2021-53", "yuefu-2021-53-g1", "yuefu-2021-53-g2"] {
        assert!(hits.contains(&id.to_string()), "{id} in {hits:?}");
    }
    let (issue, _) = lib.find("yuefu-2021-53-g2").expect("outlined item found");
    assert_eq!(issue.meta.id, "2023-zhizao-g2");
    let (_, newest) = lib.find("yuefu-2021-53").expect("found");
    let (_, older) = lib.find("yuefu-2021-53-g1").expect("found");
    assert!(newest.date() > older.date(), "copies are older");
}

#[test]
fn an_issue_indexed_a_few_entries_per_step_finds_what_it_finds_indexed_at_once() {
    let loaded = load_corpus(Path::new("data/corpus")).expect("corpus loads");
    let registry = loaded.corpus.registry.clone();
    let shipped = ship(&loaded.corpus);
    // The library indexes its issues in steps (LibraryBuilder::step).
    let stepped = Library::new(registry.clone(), shipped.clone()).expect("valid");
    let mut whole = Index::default();
    for s in &shipped {
        whole.add_issue(&registry, &s.issue, &s.keys);
    }
    for q in [
        "制造业",
        "工",
        "数字化 佛山",
        "gwy",
        "zh",
        "粤府〔2021〕53号",
        "研发",
    ] {
        let found = |index: &Index| -> Vec<(String, u32)> {
            let hits = index.search(&Query::parse(q));
            hits.iter()
                .map(|h| (index.entry(h).id.clone(), h.score))
                .collect()
        };
        let at_once = found(&whole);
        assert!(!at_once.is_empty(), "{q}");
        assert_eq!(found(&stepped.index), at_once, "{q}");
    }
}

#[test]
fn a_search_downloads_as_csv_with_what_matched_and_absolute_links() {
    let lib = library();
    let query = Query::parse("人才");
    let hits = lib.index.search(&query);
    assert!(hits.len() > 5);
    let doc = hits_csv(&lib.index, &hits, &query, "https://example.org/sub/", false);
    assert!(doc.starts_with(csv::BOM));
    let rows = csv::parse(&doc);
    assert_eq!(rows[0], ["序号", "类型", "标题", "匹配处", "链接", "编号"]);
    assert_eq!(rows.len(), hits.len() + 1);
    for (row, hit) in rows[1..].iter().zip(&hits) {
        let entry = lib.index.entry(hit);
        assert_eq!(row[2], entry.title);
        assert!(row[3].contains("人才"), "{row:?}");
        assert_eq!(row[4], format!("https://example.org/sub/{}", entry.href));
        assert_eq!(row[5], entry.id);
    }
    let english = csv::parse(&hits_csv(
        &lib.index,
        &hits,
        &query,
        "https://example.org/sub/",
        true,
    ));
    assert_eq!(
        english[0],
        ["No.", "Kind", "Title", "Where it matched", "Link", "id"]
    );
    assert_eq!(english[1][1], hits[0].group.en());
}
