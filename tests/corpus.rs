//! The corpus is complete and faithful, and the validator catches what it must.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use cankao::core::corpus::Level;
use cankao::core::figure_en::{figure_en, unit_name_en};
use cankao::core::ids::is_cjk;
use cankao::core::items::ItemRef;
use cankao::core::validate::Failure;
use cankao::tool::{load_corpus, validate_all, LoadedCorpus};

fn corpus() -> LoadedCorpus {
    load_corpus(Path::new("data/corpus")).unwrap_or_else(|f| panic!("corpus does not load: {f:#?}"))
}

fn names(failures: &[Failure], item: &str, field: &str) -> bool {
    failures
        .iter()
        .any(|f| f.item == item && f.field.starts_with(field))
}

#[test]
fn the_corpus_passes_the_validator() {
    let failures = validate_all(&corpus());
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .map(|f| format!("{f}\n"))
            .collect::<String>()
    );
}

/// The counts of the printed issue, stated independently of the data's own `expected` block.
#[test]
fn the_issue_holds_every_item_of_the_source() {
    let c = corpus();
    let issue = &c.corpus.issues[0];
    let level = |l: Level| issue.policies.iter().filter(|p| p.level == l).count();
    assert_eq!(issue.policies.len(), 41);
    assert_eq!(level(Level::Central), 12);
    // 5 Guangdong provincial + 9 from Beijing, Shanghai, Chongqing, Jiangsu, Zhejiang, Anhui.
    assert_eq!(level(Level::Provincial), 14);
    assert_eq!(level(Level::Municipal), 15);
    let gd_cities: std::collections::BTreeSet<&str> = issue
        .policies
        .iter()
        .filter(|p| p.level == Level::Municipal)
        .map(|p| p.region.as_str())
        .collect();
    assert_eq!(gd_cities.len(), 11);
    assert_eq!(
        issue
            .policies
            .iter()
            .filter(|p| p.doc_number.is_some())
            .count(),
        38
    );
    assert_eq!(issue.articles.len(), 13);
    assert!(issue.articles.iter().all(|a| !a.outlet.is_empty()));
    assert_eq!(issue.recommendations.len(), 5);
    assert_eq!(issue.problems.len(), 6);
    assert_eq!(issue.experiences.len(), 6);
    assert_eq!(issue.clues.len(), 2);
    assert!(issue.clues.iter().all(|c| !c.points.is_empty()));
    assert_eq!(issue.news.len(), 2);
}

#[test]
fn the_six_provinces_industrial_value_added_is_there() {
    let c = corpus();
    let figures = &c.corpus.issues[0].figures;
    for (region, value) in [
        ("jiangsu", 48593.6),
        ("guangdong", 47723.0),
        ("zhejiang", 28871.3),
        ("shandong", 23873.9),
        ("henan", 19592.8),
        ("sichuan", 16412.2),
    ] {
        assert!(
            figures.iter().any(|f| f.region == region
                && f.indicator == "industrial_value_added"
                && f.period == "2022"
                && (f.value - value).abs() < 1e-6),
            "{region} {value}"
        );
    }
}

fn with<F: FnOnce(&mut LoadedCorpus)>(change: F) -> Vec<Failure> {
    let mut c = corpus();
    change(&mut c);
    validate_all(&c)
}

#[test]
fn an_english_title_with_chinese_in_it_or_empty_fails() {
    assert!(corpus().corpus.issues[0].meta.title_en.is_some());
    let failures = with(|c| c.corpus.issues[0].meta.title_en = Some("制造业 proposals".into()));
    assert!(names(&failures, "issue", "title_en"), "{failures:#?}");
    let failures = with(|c| c.corpus.issues[0].meta.title_en = Some(" ".into()));
    assert!(names(&failures, "issue", "title_en"), "{failures:#?}");
}

#[test]
fn a_region_without_its_own_english_name_fails_naming_it() {
    let failures = with(|c| c.corpus.registry.regions[1].en = " ".into());
    assert!(names(&failures, "guangdong", "en"), "{failures:#?}");
    let failures = with(|c| c.corpus.registry.regions[2].en = "Guangdong".into());
    assert!(names(&failures, "jiangsu", "en"), "{failures:#?}");
}

#[test]
fn two_figures_a_reader_cannot_tell_apart_fail_naming_the_second() {
    // 广东's 10 pillar and 10 emerging industry clusters: one sentence, two scopes.
    let failures = with(|c| {
        let figures = &mut c.corpus.issues[0].figures;
        let pillar = figures
            .iter()
            .position(|f| f.id == "2023-zhizao-f101")
            .unwrap();
        figures[pillar + 1].scope = figures[pillar].scope.clone();
    });
    assert!(
        names(&failures, "2023-zhizao-f102", "scope"),
        "{failures:#?}"
    );
}

#[test]
fn issuers_the_title_leaves_to_deng_must_be_marked_so() {
    // 工业和信息化部 国家发展和改革委员会等部委联合印发…
    let failures = with(|c| {
        let p = c.corpus.issues[0]
            .policies
            .iter_mut()
            .find(|p| p.id == "gongxinbuliangui-2021-206")
            .unwrap();
        p.issuers_etc = false;
    });
    assert!(
        names(&failures, "gongxinbuliangui-2021-206", "issuers_etc"),
        "{failures:#?}"
    );
    let failures = with(|c| c.corpus.issues[0].policies[0].issuers_etc = true);
    let first = corpus().corpus.issues[0].policies[0].id.clone();
    assert!(names(&failures, &first, "issuers_etc"), "{failures:#?}");
}

#[test]
fn a_reworded_summary_fails_naming_the_item() {
    let failures = with(|c| {
        let p = &mut c.corpus.issues[0].policies[1];
        p.summary = p.summary.replacen("工业互联网", "工业物联网", 1);
    });
    let id = corpus().corpus.issues[0].policies[1].id.clone();
    assert!(names(&failures, &id, "summary"), "{failures:#?}");
}

#[test]
fn a_duplicate_id_fails_naming_the_item() {
    let failures = with(|c| {
        let first = c.corpus.issues[0].policies[0].id.clone();
        c.corpus.issues[0].policies[1].id = first;
    });
    let id = corpus().corpus.issues[0].policies[0].id.clone();
    assert!(
        failures
            .iter()
            .any(|f| f.item == id && f.message.contains("duplicate")),
        "{failures:#?}"
    );
}

#[test]
fn a_dangling_reference_fails_naming_the_item() {
    let failures = with(|c| {
        c.corpus.issues[0].figures[0].item = "no-such-item".into();
        c.corpus.issues[0].policies[0].region = "atlantis".into();
    });
    let c = corpus();
    assert!(
        names(&failures, &c.corpus.issues[0].figures[0].id, "item"),
        "{failures:#?}"
    );
    assert!(
        names(&failures, &c.corpus.issues[0].policies[0].id, "region"),
        "{failures:#?}"
    );
    // A cover highlight leads to one of the issue's articles.
    let failures = with(|c| {
        let issue = &mut c.corpus.issues[0];
        let title = issue.meta.highlights[1].title.clone();
        issue
            .editorial
            .cover
            .insert(title, issue.policies[0].id.clone());
    });
    assert!(
        names(&failures, "issue", "editorial.cover"),
        "{failures:#?}"
    );
}

#[test]
fn every_cover_highlight_leads_to_the_article_it_announces() {
    let c = corpus();
    let issue = &c.corpus.issues[0];
    // The cover words an article's title a little differently (们 left out, a comma added):
    // nearly every character of the highlight is in the article's title, in order.
    let letters = |s: &str| -> Vec<char> { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    for h in &issue.meta.highlights {
        let id = issue
            .editorial
            .cover
            .get(&h.title)
            .unwrap_or_else(|| panic!("{} has no article", h.title));
        let article = issue
            .articles
            .iter()
            .find(|a| &a.id == id)
            .expect("an article");
        let (cover, title) = (letters(&h.title), letters(&article.title));
        // Each character found after the one found before it; one not found is passed over.
        let (mut at, mut in_order) = (0, 0);
        for c in &cover {
            if let Some(i) = title[at..].iter().position(|t| t == c) {
                at += i + 1;
                in_order += 1;
            }
        }
        assert!(
            in_order * 10 >= cover.len() * 9,
            "{} → {}",
            h.title,
            article.title
        );
        assert!(
            cover.len() * 10 >= title.len() * 8,
            "{} → {}",
            h.title,
            article.title
        );
    }
}

#[test]
fn a_figure_sentence_from_another_item_fails_naming_the_figure() {
    // Two figures from one article (whose text is read once for both), and a sentence of the
    // source from another item's figure: it passes the source check, not the item's.
    let figures = &corpus().corpus.issues[0].figures;
    let (first, second) = figures
        .iter()
        .enumerate()
        .find_map(|(j, b)| {
            figures[..j]
                .iter()
                .position(|a| a.item == b.item)
                .map(|i| (i, j))
        })
        .expect("an article with two figures");
    let elsewhere = figures
        .iter()
        .find(|f| f.item != figures[second].item)
        .expect("a figure from another item");
    let failures =
        with(|c| c.corpus.issues[0].figures[second].sentence = elsewhere.sentence.clone());
    assert!(
        names(&failures, &figures[second].id, "sentence"),
        "{failures:#?}"
    );
    assert!(
        !names(&failures, &figures[first].id, "sentence"),
        "{failures:#?}"
    );
}

#[test]
fn a_title_that_runs_two_issuers_together_fails_naming_the_policy() {
    let policies = &corpus().corpus.issues[0].policies;
    let (n, joint) = policies
        .iter()
        .enumerate()
        .find(|(_, p)| p.title.contains("商务部 市场监管总局"))
        .expect("the light-industry opinions of five ministries");
    let failures = with(|c| {
        let p = &mut c.corpus.issues[0].policies[n];
        p.title = p.title.replace("商务部 市场监管总局", "商务部市场监管总局");
    });
    assert!(names(&failures, &joint.id, "title"), "{failures:#?}");
}

#[test]
fn a_bound_the_sentence_prints_left_out_fails_naming_the_figure() {
    // KfW's unsecured loans 可达到 50%: the bare 50% would claim every loan gets it.
    let figures = &corpus().corpus.issues[0].figures;
    let (n, upto) = figures
        .iter()
        .enumerate()
        .find(|(_, f)| f.bounded.as_deref() == Some("可达到 50%"))
        .expect("the figure bounded by 可达到");
    let failures = with(|c| c.corpus.issues[0].figures[n].bounded = None);
    assert!(names(&failures, &upto.id, "bounded"), "{failures:#?}");
}

#[test]
fn a_bound_the_sentence_does_not_print_fails_naming_the_figure() {
    let figures = &corpus().corpus.issues[0].figures;
    let (n, bounded) = figures
        .iter()
        .enumerate()
        .find(|(_, f)| f.bounded.as_deref().is_some_and(|b| b.contains("超过")))
        .expect("a figure bounded by 超过");
    // A bound reworded (超过 → 逾) is not the source's.
    let reworded = bounded.bounded.as_deref().unwrap().replace("超过", "逾");
    let failures = with(|c| c.corpus.issues[0].figures[n].bounded = Some(reworded));
    assert!(names(&failures, &bounded.id, "bounded"), "{failures:#?}");
    // A bound from the sentence that holds another number.
    let failures = with(|c| {
        let f = &mut c.corpus.issues[0].figures[n];
        f.value += 1.0;
        f.value_text = None;
    });
    assert!(names(&failures, &bounded.id, "bounded"), "{failures:#?}");
}

#[test]
fn an_experts_card_opens_with_the_first_sentence_of_the_advice() {
    let corpus = corpus();
    let issue = &corpus.corpus.issues[0];
    for r in &issue.recommendations {
        let lead = ItemRef::Recommendation(r).lead(48).expect("a lead");
        let first = &r.paragraphs[0];
        let text = lead.trim_end_matches('…');
        assert!(
            first.starts_with(text),
            "{}: verbatim, from the start",
            r.id
        );
        assert!(lead.ends_with('。') || lead.ends_with('…'), "{lead}");
        assert!(
            lead.chars().count() <= 49 && text.chars().count() >= 10,
            "{lead}"
        );
    }
    let jin = issue
        .recommendations
        .iter()
        .find(|r| r.expert == "金壮龙")
        .unwrap();
    assert_eq!(
        ItemRef::Recommendation(jin).lead(48).unwrap(),
        "传统产业是现代化产业体系的基底，传统产业的改造升级直接关乎现代化产业体系建设全局。"
    );
    assert_eq!(ItemRef::Problem(&issue.problems[0]).lead(48), None);
}

#[test]
fn every_figure_reads_in_english_without_chinese_words() {
    let corpus = corpus();
    for f in &corpus.corpus.issues[0].figures {
        let en = figure_en(f);
        assert!(
            !en.chars().any(is_cjk),
            "{}: {} reads `{en}`",
            f.id,
            f.printed_with_unit()
        );
        assert!(
            !unit_name_en(&f.unit).chars().any(is_cjk),
            "{}: unit {}",
            f.id,
            f.unit
        );
    }
}

#[test]
fn a_unit_a_bound_or_a_note_without_english_fails_naming_the_figure() {
    let figures = &corpus().corpus.issues[0].figures;
    let id = figures[0].id.clone();
    let failures = with(|c| c.corpus.issues[0].figures[0].unit = "座".into());
    assert!(names(&failures, &id, "unit"), "{failures:#?}");
    let (n, bounded) = figures
        .iter()
        .enumerate()
        .find(|(_, f)| f.bounded.as_deref().is_some_and(|b| b.starts_with("超过")))
        .expect("a figure bounded by 超过");
    // 逾 is a bound the English does not know; the sentence is reworded alike so that only the
    // English is missing.
    let failures = with(|c| {
        let f = &mut c.corpus.issues[0].figures[n];
        f.bounded = f.bounded.as_deref().map(|b| b.replacen("超过", "逾", 1));
        f.sentence = f.sentence.replacen("超过", "逾", 1);
    });
    let english: Vec<_> = failures
        .iter()
        .filter(|f| f.item == bounded.id && f.field == "bounded" && f.message.contains("English"))
        .collect();
    assert_eq!(english.len(), 1, "{failures:#?}");
    // An editors' note must be English in its English.
    let noted = figures
        .iter()
        .position(|f| f.note.is_some())
        .expect("a noted figure");
    let failures = with(|c| {
        let note = c.corpus.issues[0].figures[noted].note.as_mut().unwrap();
        note.en.push_str(" (23873.9 亿元)");
    });
    assert!(
        names(&failures, &figures[noted].id, "note"),
        "{failures:#?}"
    );
}

#[test]
fn every_figure_of_a_district_or_an_industry_says_so() {
    // The figures a comparison must not set against whole regions unmarked (issue found by a
    // reader: 深圳's 6759 high-tech enterprises are 宝安区's, 东莞's 1843 the smart-terminal
    // cluster's).
    let c = corpus().corpus;
    for id in [
        "2023-zhizao-f120",
        "2023-zhizao-f126",
        "2023-zhizao-f154",
        "2023-zhizao-f108",
    ] {
        let f = c.figure(id).expect(id);
        assert!(f.scope.is_some(), "{id} has no scope");
    }
    let f = c.figure("2023-zhizao-f120").unwrap();
    assert_eq!(c.figure_name(f, false), "高新技术企业数（宝安区）");
    assert_eq!(
        c.figure_name(f, true),
        "High-tech enterprises (Bao'an district)"
    );
}

#[test]
fn a_bad_date_fails_naming_the_item() {
    let failures = with(|c| c.corpus.issues[0].policies[2].date = "2022-02-30".into());
    let id = corpus().corpus.issues[0].policies[2].id.clone();
    assert!(names(&failures, &id, "date"), "{failures:#?}");
}

#[test]
fn an_unknown_field_fails_naming_the_file_and_item() {
    let dir = std::env::temp_dir().join(format!("cankao-corpus-{}", std::process::id()));
    copy_dir(Path::new("data/corpus"), &dir);
    let policies = dir.join("issues/2023-zhizao/policies.json");
    let text = std::fs::read_to_string(&policies).unwrap();
    let changed = text.replacen("\"summary\"", "\"sumary\"", 1);
    std::fs::write(&policies, changed).unwrap();
    let failures = load_corpus(&dir).err().expect("an unknown field must fail");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        failures
            .iter()
            .any(|f| f.item.starts_with("policies.json[0]") && f.message.contains("sumary")),
        "{failures:#?}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn citations_of_the_real_items_are_well_formed() {
    use cankao::core::cite::{gbt7714, ris, CiteContext};
    let c = corpus().corpus;
    for (issue, item) in c.items() {
        let ctx = CiteContext {
            series: &c.registry.series,
            issue,
            url: "https://example.org/x/",
            accessed: "2026-12-07",
        };
        let gbt = gbt7714(item, &ctx);
        // A heading sentence's full stop is not left before the resource type; a question
        // the title asks keeps its mark (…准备怎么拼？[EB/OL]).
        assert!(!gbt.contains("。[EB/OL]"), "{gbt}");
        let asked = item.title().trim_end().ends_with(['？', '?', '！', '!']);
        if asked {
            assert!(
                gbt.contains(&format!("{}[EB/OL]", item.title().trim_end())),
                "{gbt}"
            );
        }
        // A recommendation's title is not taken from one issue's section heading.
        if let cankao::core::items::ItemRef::Recommendation(r) = item {
            assert!(
                gbt.starts_with(&format!(
                    "{}. 专家建议（{}）[EB/OL]//",
                    r.expert, r.position
                )),
                "{gbt}"
            );
        }
        // A policy is published by its issuer, not by the compilation's compiler.
        let ris = ris(item, &ctx);
        let is_policy = matches!(item, cankao::core::items::ItemRef::Policy(_));
        assert_eq!(
            ris.contains(&format!("PB  - {}", issue.meta.compiler)),
            !is_policy,
            "{ris}"
        );
    }
}

#[test]
fn a_reading_list_downloads_with_each_item_cited() {
    use cankao::core::cite::{gbt7714, reading_list_csv, CiteContext};
    use cankao::core::csv;
    let c = corpus().corpus;
    let issue = &c.issues[0];
    let items: Vec<_> = [&issue.policies[0].id, &issue.recommendations[0].id]
        .into_iter()
        .map(|id| c.item(id).unwrap())
        .collect();
    let doc = reading_list_csv(
        &c.registry.series,
        &items,
        "https://example.org/sub/",
        "2026-12-07",
        false,
    );
    let rows = csv::parse(&doc);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][6], "GB/T 7714 引文");
    for (row, (issue, item)) in rows[1..].iter().zip(&items) {
        let url = format!("https://example.org/sub/{}", item.path());
        assert_eq!(row[5], url);
        let ctx = CiteContext {
            series: &c.registry.series,
            issue,
            url: &url,
            accessed: "2026-12-07",
        };
        assert_eq!(row[6], gbt7714(*item, &ctx));
        assert_eq!(row[7], item.id());
    }
    assert_eq!(
        rows[1][3],
        issue.policies[0].doc_number.clone().unwrap_or_default()
    );
}

#[test]
fn each_item_leads_to_the_one_before_and_after_it_of_its_kind_in_the_printed_order() {
    use cankao::core::items::ItemRef;
    let c = corpus().corpus;
    let issue = &c.issues[0];
    let ids =
        |items: Vec<ItemRef<'_>>| items.iter().map(|i| i.id().to_string()).collect::<Vec<_>>();
    // Walking forward from the first problem visits all six in order, then stops.
    let mut walked = Vec::new();
    let mut at = Some(ItemRef::Problem(&issue.problems[0]));
    while let Some(item) = at {
        walked.push(item);
        let (before, after) = issue.neighbours(item.id());
        assert_eq!(
            before.map(|b| b.id().to_string()),
            walked
                .len()
                .checked_sub(2)
                .map(|k| walked[k].id().to_string())
        );
        at = after;
    }
    assert_eq!(
        ids(walked),
        issue
            .problems
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    );
    // The first policy has none before it and the next policy after it, never another kind.
    let (before, after) = issue.neighbours(&issue.policies[0].id);
    assert!(before.is_none());
    assert_eq!(
        after.map(|a| a.id().to_string()),
        Some(issue.policies[1].id.clone())
    );
    let last = issue.articles.last().expect("articles");
    assert!(issue.neighbours(&last.id).1.is_none());
    let (before, after) = issue.neighbours("no-such-item");
    assert!(before.is_none() && after.is_none());
}

#[test]
fn a_comparison_of_figures_that_measure_different_things_says_so() {
    use cankao::core::compare::{compare, CompareState};
    let c = corpus().corpus;
    let of = |indicator: &str| CompareState {
        indicator: indicator.into(),
        ..CompareState::default()
    };
    // 领跑技术, 高技术产品出口 and 国家新型工业化产业示范基地: three shares of the country.
    let shares = compare(&c, &of("share_of_country")).expect("shares");
    assert!(shares.entries.len() >= 3 && shares.scopes_differ());
    // Every region's industrial value added is one measure.
    let value_added = compare(&c, &of("industrial_value_added")).expect("value added");
    assert!(value_added.entries.len() >= 3 && !value_added.scopes_differ());
}

#[test]
fn ranks_are_listed_from_the_first_whose_bar_is_longest_and_bounds_stay_on_their_bars() {
    use cankao::core::compare::{bar_chart, compare, CompareState};
    let c = corpus().corpus;
    let state = CompareState {
        indicator: "industrial_value_added_rank".into(),
        ..CompareState::default()
    };
    let ranks = compare(&c, &state).expect("ranks");
    assert!(ranks.lower_is_better());
    let order: Vec<(&str, f64, usize)> = ranks
        .entries
        .iter()
        .map(|e| (e.region.id.as_str(), e.value, e.rank))
        .collect();
    assert_eq!(order[0], ("jiangsu", 1.0, 1));
    assert!(order.windows(2).all(|w| w[0].1 < w[1].1), "{order:?}");
    let chart = bar_chart(&c, &ranks, true);
    assert_eq!(chart.bars[0].value_label, "1st");
    assert!(chart.bars.windows(2).all(|w| w[0].value > w[1].value));
    // 超过三成 is drawn as the source bounds it, not as a flat 30%.
    let shares = CompareState {
        indicator: "share_of_country".into(),
        ..CompareState::default()
    };
    let shares = compare(&c, &shares).expect("shares");
    let labels = |en| -> Vec<String> {
        bar_chart(&c, &shares, en)
            .bars
            .into_iter()
            .map(|b| b.value_label)
            .collect()
    };
    assert!(
        labels(false).contains(&"超过三成".to_string()),
        "{:?}",
        labels(false)
    );
    assert!(
        labels(true).iter().any(|l| l.starts_with("over ")),
        "{:?}",
        labels(true)
    );
}
