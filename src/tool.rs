//! The native corpus tool: validation, ids, and (at build time) the shipped data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::core::corpus::{Issue, IssueEntry, Manifest, Registry, ShippedIssue};
use crate::core::hygiene::PreparedSource;
use crate::core::ids::DocNumber;
use crate::core::items::ItemRef;
use crate::core::load;
use crate::core::search::{pinyin_keys, SearchKeys};
use crate::core::validate::{self, Failure};

/// Readings the `pinyin` crate's first choice gets wrong here. 佛 is read as in 佛山 everywhere
/// in this domain; 重 and 厦 only in place names (重点 stays zhongdian).
const PINYIN_OVERRIDES: [(char, &str); 1] = [('佛', "fo")];
const PLACE_PINYIN_OVERRIDES: [(char, &str); 2] = [('重', "chong"), ('厦', "xia")];

/// Toneless pinyin of one character, from the `pinyin` crate's tables (native only: the
/// wasm never ships them).
pub fn pinyin_of(c: char) -> Option<String> {
    use pinyin::ToPinyin;
    if let Some((_, reading)) = PINYIN_OVERRIDES.iter().find(|(ch, _)| *ch == c) {
        return Some((*reading).to_string());
    }
    c.to_pinyin().map(|p| p.plain().to_string())
}

/// Pinyin of a character in a place name or a place abbreviation (文号 codes such as 渝府发).
pub fn place_pinyin_of(c: char) -> Option<String> {
    match PLACE_PINYIN_OVERRIDES.iter().find(|(ch, _)| *ch == c) {
        Some((_, reading)) => Some((*reading).to_string()),
        None => pinyin_of(c),
    }
}

/// Pinyin keys of each item's title, regions, issuers and themes.
pub fn search_keys(registry: &Registry, issue: &Issue) -> SearchKeys {
    let mut keys = SearchKeys::new();
    for item in issue.items() {
        let mut item_keys: Vec<String> = Vec::new();
        for region in item.regions() {
            if let Some(r) = registry.regions.iter().find(|r| r.id == region) {
                item_keys.extend(pinyin_keys(&r.name, place_pinyin_of));
            }
        }
        let mut texts: Vec<String> = vec![item.title().to_string()];
        if let ItemRef::Policy(p) = item {
            texts.extend(p.issuers.iter().cloned());
        }
        for theme in issue.themes_of(item.id()) {
            if let Some(t) = registry.themes.iter().find(|t| &t.key == theme) {
                texts.push(t.zh.clone());
            }
        }
        item_keys.extend(texts.iter().flat_map(|t| pinyin_keys(t, pinyin_of)));
        item_keys.sort();
        item_keys.dedup();
        keys.insert(item.id().to_string(), item_keys);
    }
    keys
}

fn read_in(dir: &Path) -> impl Fn(&str) -> Result<String, String> + '_ {
    move |name| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }
}

/// A corpus folder, read and checked.
pub struct LoadedCorpus {
    pub registry: Registry,
    pub issues: Vec<Issue>,
    /// The folder that holds `corpus/` and `source/`.
    pub root: PathBuf,
}

/// Reads `corpus_dir` (e.g. `data/corpus`): the registry and every issue it lists.
pub fn load_corpus(corpus_dir: &Path) -> Result<LoadedCorpus, Vec<Failure>> {
    let registry = load::registry(read_in(corpus_dir))?;
    let mut issues = Vec::new();
    let mut failures = Vec::new();
    for id in &registry.series.issues {
        let dir = corpus_dir.join("issues").join(id);
        match load::issue(id, read_in(&dir)) {
            Ok(issue) => issues.push(issue),
            Err(mut f) => failures.append(&mut f),
        }
    }
    if !failures.is_empty() {
        return Err(failures);
    }
    let root = corpus_dir.parent().unwrap_or(Path::new(".")).to_path_buf();
    Ok(LoadedCorpus {
        registry,
        issues,
        root,
    })
}

/// Every check the validator knows, including the verbatim check against each issue's source.
pub fn validate_all(corpus: &LoadedCorpus) -> Vec<Failure> {
    let mut failures = validate::structure(&corpus.registry, &corpus.issues);
    for issue in &corpus.issues {
        let path = corpus.root.join("source").join(&issue.meta.source_file);
        match std::fs::read_to_string(&path) {
            Ok(raw) => failures.extend(validate::verbatim(issue, &PreparedSource::new(&raw))),
            Err(e) => failures.push(Failure {
                scope: issue.meta.id.clone(),
                item: "issue".into(),
                field: "source_file".into(),
                message: format!("cannot read {}: {e}", path.display()),
            }),
        }
        failures.extend(validate::derived_ids(issue, place_pinyin_of));
    }
    failures
}

/// Loads and validates a corpus folder, printing each failure.
pub fn validate_command(corpus_dir: &Path) -> ExitCode {
    let failures = match load_corpus(corpus_dir) {
        Ok(corpus) => {
            let failures = validate_all(&corpus);
            if failures.is_empty() {
                let items: usize = corpus.issues.iter().map(|i| i.items().count()).sum();
                let figures: usize = corpus.issues.iter().map(|i| i.figures.len()).sum();
                println!(
                    "corpus OK: {} issue(s), {items} items, {figures} figures",
                    corpus.issues.len()
                );
            }
            failures
        }
        Err(failures) => failures,
    };
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        report(&failures)
    }
}

/// FNV-1a, 64 bits: enough to tell two versions of a file apart in its name.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes what the app loads into `out/data/`: one file per issue (named by its content hash)
/// and the manifest that lists them.
pub fn write_data(corpus: &LoadedCorpus, out: &Path) -> Result<Manifest, String> {
    let mut entries = Vec::new();
    for issue in &corpus.issues {
        let shipped = ShippedIssue {
            issue: issue.clone(),
            keys: search_keys(&corpus.registry, issue),
        };
        let json = serde_json::to_vec(&shipped).map_err(|e| e.to_string())?;
        let file = format!(
            "issues/{}.{}.json",
            issue.meta.id,
            &content_hash(&json)[..10]
        );
        write(&out.join("data").join(&file), &json)?;
        entries.push(IssueEntry {
            id: issue.meta.id.clone(),
            title: issue.meta.title.clone(),
            date: issue.meta.date.clone(),
            file,
            items: issue.items().count(),
        });
    }
    let manifest = Manifest {
        registry: corpus.registry.clone(),
        issues: entries,
    };
    let json = serde_json::to_vec(&manifest).map_err(|e| e.to_string())?;
    write(&out.join("data/manifest.json"), &json)?;
    Ok(manifest)
}

/// `site CORPUS OUT`: validates the corpus, then completes a built app folder with its data.
pub fn site_command(corpus_dir: &Path, out: &Path) -> ExitCode {
    let corpus = match load_corpus(corpus_dir) {
        Ok(c) => c,
        Err(failures) => return report(&failures),
    };
    let failures = validate_all(&corpus);
    if !failures.is_empty() {
        return report(&failures);
    }
    match write_data(&corpus, out) {
        Ok(manifest) => {
            println!(
                "wrote data for {} issue(s) into {}",
                manifest.issues.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn report(failures: &[Failure]) -> ExitCode {
    for f in failures {
        eprintln!("{f}");
    }
    eprintln!("{} failure(s)", failures.len());
    ExitCode::FAILURE
}

const USAGE: &str = "usage:
  cankao-tool validate [CORPUS_DIR]     check a corpus folder (default data/corpus)
  cankao-tool slug 文号                  print the policy id derived from a document number
  cankao-tool site CORPUS_DIR OUT_DIR   validate, then write the app's data into a built dist";

pub fn main(args: Vec<String>) -> ExitCode {
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["validate"] => validate_command(Path::new("data/corpus")),
        ["validate", dir] => validate_command(Path::new(dir)),
        ["site", corpus, out] => site_command(Path::new(corpus), Path::new(out)),
        ["slug", number @ ..] => {
            match DocNumber::parse(&number.join(" ")).and_then(|d| d.slug(place_pinyin_of)) {
                Some(slug) => {
                    println!("{slug}");
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("not a document number: {}", number.join(" "));
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
