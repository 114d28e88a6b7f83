//! Reading a corpus folder's files into the schema types, with failures that name the file,
//! the item (by its position and id) and what is wrong.

use serde::de::DeserializeOwned;

use super::corpus::*;
use super::validate::Failure;

/// How long the app waits for a data file before it reports a network error (a stalled
/// connection is reported, not waited on for ever); the page's loader prefetches with it too.
pub const FETCH_TIMEOUT_MS: u32 = 30_000;

/// The page's global that maps a URL to its fetch started ahead of use: written by the page's
/// loader (`cankao-tool`) and the app's store, taken by the app's data loading.
pub const PREFETCHED: &str = "cankaoPrefetched";

/// The URL, relative to the app's root, of a shipped data file as the manifest names it
/// (relative to the `data` folder).
pub fn data_url(file: &str) -> String {
    format!("data/{file}")
}

/// The files of one issue folder, by name.
pub const ISSUE_FILES: [&str; 10] = [
    "issue.json",
    "policies.json",
    "articles.json",
    "recommendations.json",
    "problems.json",
    "experiences.json",
    "clues.json",
    "news.json",
    "figures.json",
    "editorial.json",
];

/// The registry files of a corpus folder.
pub const REGISTRY_FILES: [&str; 5] = [
    "series.json",
    "regions.json",
    "themes.json",
    "indicators.json",
    "issuers.json",
];

fn failure(scope: &str, item: String, message: String) -> Failure {
    Failure {
        scope: scope.to_string(),
        item,
        field: "(schema)".to_string(),
        message,
    }
}

/// Parses one JSON value of type `T`.
pub fn parse_one<T: DeserializeOwned>(
    scope: &str,
    file: &str,
    json: &str,
) -> Result<T, Vec<Failure>> {
    serde_json::from_str(json).map_err(|e| vec![failure(scope, file.to_string(), e.to_string())])
}

/// Parses a JSON array item by item, so that a failure names the item it is in.
pub fn parse_list<T: DeserializeOwned>(
    scope: &str,
    file: &str,
    json: &str,
) -> Result<Vec<T>, Vec<Failure>> {
    let values: Vec<serde_json::Value> = parse_one(scope, file, json)?;
    let mut items = Vec::with_capacity(values.len());
    let mut failures = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let id = value
            .get("id")
            .and_then(|v| v.as_str())
            .map_or_else(String::new, |id| format!(" ({id})"));
        match serde_json::from_value(value) {
            Ok(item) => items.push(item),
            Err(e) => failures.push(failure(scope, format!("{file}[{i}]{id}"), e.to_string())),
        }
    }
    if failures.is_empty() {
        Ok(items)
    } else {
        Err(failures)
    }
}

/// Builds an issue from its folder's files; `read` returns a file's text by name.
pub fn issue(
    scope: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<Issue, Vec<Failure>> {
    let mut failures = Vec::new();
    let mut text = |name: &str| match read(name) {
        Ok(t) => t,
        Err(e) => {
            failures.push(failure(scope, name.to_string(), e));
            String::from("null")
        }
    };
    let files: Vec<String> = ISSUE_FILES.iter().map(|f| text(f)).collect();
    if !failures.is_empty() {
        return Err(failures);
    }
    let mut failures = Vec::new();
    macro_rules! take {
        ($parse:ident, $i:expr) => {
            match $parse(scope, ISSUE_FILES[$i], &files[$i]) {
                Ok(v) => Some(v),
                Err(mut f) => {
                    failures.append(&mut f);
                    None
                }
            }
        };
    }
    let meta = take!(parse_one, 0);
    let policies = take!(parse_list, 1);
    let articles = take!(parse_list, 2);
    let recommendations = take!(parse_list, 3);
    let problems = take!(parse_list, 4);
    let experiences = take!(parse_list, 5);
    let clues = take!(parse_list, 6);
    let news = take!(parse_list, 7);
    let figures = take!(parse_list, 8);
    let editorial = take!(parse_one, 9);
    match (
        meta,
        policies,
        articles,
        recommendations,
        problems,
        experiences,
        clues,
        news,
        figures,
        editorial,
    ) {
        (
            Some(meta),
            Some(policies),
            Some(articles),
            Some(recommendations),
            Some(problems),
            Some(experiences),
            Some(clues),
            Some(news),
            Some(figures),
            Some(editorial),
        ) => Ok(Issue {
            meta,
            policies,
            articles,
            recommendations,
            problems,
            experiences,
            clues,
            news,
            figures,
            editorial,
        }),
        _ => Err(failures),
    }
}

/// Builds the registry from the corpus folder's shared files.
pub fn registry(read: impl Fn(&str) -> Result<String, String>) -> Result<Registry, Vec<Failure>> {
    let scope = "registry";
    let get = |name: &str| read(name).map_err(|e| vec![failure(scope, name.to_string(), e)]);
    let series = parse_one(scope, REGISTRY_FILES[0], &get(REGISTRY_FILES[0])?)?;
    let regions = parse_list(scope, REGISTRY_FILES[1], &get(REGISTRY_FILES[1])?)?;
    let themes = parse_list(scope, REGISTRY_FILES[2], &get(REGISTRY_FILES[2])?)?;
    let indicators = parse_list(scope, REGISTRY_FILES[3], &get(REGISTRY_FILES[3])?)?;
    let issuers = parse_list(scope, REGISTRY_FILES[4], &get(REGISTRY_FILES[4])?)?;
    Ok(Registry {
        series,
        regions,
        themes,
        indicators,
        issuers,
    })
}
