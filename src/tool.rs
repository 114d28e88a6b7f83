//! The native corpus tool: validation, ids, and (at build time) the shipped data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::core::corpus::{Corpus, Issue, IssueEntry, Manifest, Registry, ShippedIssue};
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
    pub corpus: Corpus,
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
        corpus: Corpus { registry, issues },
        root,
    })
}

/// Every check the validator knows, including the verbatim check against each issue's source.
pub fn validate_all(loaded: &LoadedCorpus) -> Vec<Failure> {
    let corpus = &loaded.corpus;
    let mut failures = validate::structure(
        &corpus.registry,
        &corpus.issues,
        &std::collections::BTreeSet::new(),
    );
    for issue in &corpus.issues {
        let path = loaded.root.join("source").join(&issue.meta.source_file);
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
                let items: usize = corpus.corpus.issues.iter().map(|i| i.items().count()).sum();
                let figures: usize = corpus.corpus.issues.iter().map(|i| i.figures.len()).sum();
                println!(
                    "corpus OK: {} issue(s), {items} items, {figures} figures",
                    corpus.corpus.issues.len()
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

/// Each issue as the app receives it: with its pinyin search keys.
pub fn ship(corpus: &Corpus) -> Vec<ShippedIssue> {
    corpus
        .issues
        .iter()
        .map(|issue| ShippedIssue {
            issue: issue.clone(),
            keys: search_keys(&corpus.registry, issue),
            outline: false,
        })
        .collect()
}

/// Issues per catalog file: small enough that the app parses one file without a long task
/// (ten made files of 530 KB at 100x: tasks of 52-69 ms at 4x CPU slow-down, one per file, in
/// the benchmark). The app fetches the files side by side.
const CATALOG_CHUNK: usize = 4;

/// Writes a file named `dir/stem.<content hash>.json` and returns that name.
fn write_hashed(out: &Path, dir: &str, stem: &str, json: &[u8]) -> Result<String, String> {
    let file = format!("{dir}/{stem}.{}.json", &content_hash(json)[..10]);
    write(&out.join("data").join(&file), json)?;
    Ok(file)
}

/// Writes what the app loads into `out/data/`: one file per issue and, when there is more than
/// one issue, the catalog of their outlines (all named by their content hash), and the manifest
/// that lists them.
pub fn write_data(corpus: &Corpus, out: &Path) -> Result<Manifest, String> {
    let shipped = ship(corpus);
    let mut entries = Vec::new();
    for (issue, shipped) in corpus.issues.iter().zip(&shipped) {
        let json = serde_json::to_vec(shipped).map_err(|e| e.to_string())?;
        let file = write_hashed(out, "issues", &issue.meta.id, &json)?;
        entries.push(IssueEntry {
            id: issue.meta.id.clone(),
            title: issue.meta.title.clone(),
            date: issue.meta.date.clone(),
            file,
            items: issue.items().count(),
        });
    }
    let mut catalog = Vec::new();
    if shipped.len() > 1 {
        for (n, chunk) in shipped.chunks(CATALOG_CHUNK).enumerate() {
            let outlines: Vec<ShippedIssue> = chunk.iter().map(ShippedIssue::outlined).collect();
            let json = serde_json::to_vec(&outlines).map_err(|e| e.to_string())?;
            catalog.push(write_hashed(out, "catalog", &n.to_string(), &json)?);
        }
    }
    let manifest = Manifest {
        registry: corpus.registry.clone(),
        issues: entries,
        catalog,
    };
    let json = serde_json::to_vec(&manifest).map_err(|e| e.to_string())?;
    write(&out.join(Manifest::PATH), &json)?;
    Ok(manifest)
}

/// How `site` builds.
pub struct SiteOptions<'a> {
    /// Ship the corpus as if it had this many times as many issues ([`crate::core::scale`]).
    pub scale: usize,
    /// The page template (Trunk's index.html); `out/index.html` when not given.
    pub template: Option<&'a Path>,
}

/// `site CORPUS OUT`: validates the corpus, then completes a built app folder with its data.
pub fn site_command(corpus_dir: &Path, out: &Path, options: &SiteOptions<'_>) -> ExitCode {
    let corpus = match load_corpus(corpus_dir) {
        Ok(c) => c,
        Err(failures) => return report(&failures),
    };
    let failures = validate_all(&corpus);
    if !failures.is_empty() {
        return report(&failures);
    }
    let shipped = crate::core::scale::scale(&corpus.corpus, options.scale);
    let template = options
        .template
        .map_or_else(|| out.join("index.html"), Path::to_path_buf);
    let result = write_data(&shipped, out).and_then(|manifest| {
        let written = write_pages(&shipped, &manifest, &template, out)?;
        write_service_worker(out, &manifest)?;
        println!(
            "wrote data for {} issue(s) and {written} pages into {}",
            manifest.issues.len(),
            out.display()
        );
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn b64_digest<D: sha2::Digest>(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(D::digest(bytes))
}

/// The inline scripts of a page, as (start, end) byte ranges of their text.
fn inline_scripts(html: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<script") {
        let Some(open) = html[from + at..].find('>') else {
            break;
        };
        let open_end = from + at + open + 1;
        let Some(close) = html[open_end..].find("</script>") else {
            break;
        };
        if !html[from + at..open_end].contains("src=") {
            out.push((open_end, open_end + close));
        }
        from = open_end + close + "</script>".len();
    }
    out
}

/// The worker script (from `public/`) that fetches and compiles a page's wasm for its loader.
const WASM_COMPILER: &str = "wasm-compile.js";
/// The window property the page's first script leaves that worker in, for the loader.
const WASM_COMPILER_GLOBAL: &str = "cankaoCompiler";

/// A wasm module as the page loads it: its JS glue, its wasm and the wasm's integrity.
struct Module {
    js: String,
    wasm: String,
    integrity: String,
}

fn sha384_of(out: &Path, file: &str) -> Result<String, String> {
    let bytes = std::fs::read(out.join(file)).map_err(|e| format!("{file}: {e}"))?;
    Ok(format!("sha384-{}", b64_digest::<sha2::Sha384>(&bytes)))
}

/// The full module `scripts/post-build.sh` put beside Trunk's output.
fn full_module(out: &Path) -> Result<Module, String> {
    let js = std::fs::read_dir(out)
        .map_err(|e| format!("{}: {e}", out.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("cankao-full-") && n.ends_with(".js"))
        .ok_or("no cankao-full-*.js beside the app: scripts/post-build.sh builds it")?;
    let wasm = js.replace(".js", "_bg.wasm");
    Ok(Module {
        integrity: sha384_of(out, &wasm)?,
        js,
        wasm,
    })
}

/// The data files a page's first view reads (see `data::load`), each with the cache mode the
/// app fetches it with: the manifest, revalidated (its name does not change with its content),
/// then the page's issue or the newest. Paths relative to the app root.
fn first_view_data(manifest: &Manifest, issue: Option<&str>) -> Vec<(String, &'static str)> {
    std::iter::once((Manifest::PATH.to_string(), "no-cache"))
        .chain(
            manifest
                .first_view_issue(issue)
                .map(|e| (load::data_url(&e.file), "default")),
        )
        .collect()
}

/// Replaces Trunk's start-up script with a loader that starts the module the page's route
/// needs (the full one for [`crate::core::pages::FULL_MODULE_ROUTES`], else the first view's),
/// decided in the browser so that one page works at every path (the service worker's shell,
/// a host's 404 page). The wasm is fetched with subresource integrity (a `preload` integrity
/// is not enforced for fetches) and only once the prerendered page has painted, and compiled in
/// a worker ([`WASM_COMPILER`]): V8 decodes and validates a module on the thread that compiles
/// it, one task of about 40 ms at full speed on this machine's 950 KB module. Where no worker
/// can start, or the worker's fetch or compilation fails (said in the console), the page
/// fetches and compiles it itself: a second try, with the browser's own report if it fails.
/// The page's own module is preloaded. Its first view's `data` files are fetched from the same
/// moment, beside the wasm rather than after it (`window[core::load::PREFETCHED]`, which
/// `data::fetch_json` takes from). Then every inline script of the page is pinned by hash in a
/// Content-Security-Policy: no other inline script, no eval beyond wasm compilation, no
/// origin but the app's own. `route`: the first segment of the page's path.
pub fn secure(
    html: &str,
    out: &Path,
    route: &str,
    data: &[(String, &str)],
) -> Result<String, String> {
    let mut html = html.to_string();
    if let Some(start) = html.find("<script type=\"module\">\nimport init") {
        let end = start
            + html[start..]
                .find("</script>")
                .ok_or("unterminated start-up script")?
            + "</script>".len();
        let quoted_after = |marker: &str| -> Result<String, String> {
            let at = html[start..end]
                .find(marker)
                .ok_or("unexpected start-up script")?
                + start;
            let from = at + marker.len();
            let len = html[from..].find('\'').ok_or("unterminated path")?;
            Ok(html[from..from + len].trim_start_matches("./").to_string())
        };
        let first_js = quoted_after("from './")?;
        let first_wasm = quoted_after("module_or_path: './")?;
        let first = Module {
            integrity: sha384_of(out, &first_wasm)?,
            js: first_js,
            wasm: first_wasm,
        };
        let full = full_module(out)?;
        if !out.join(WASM_COMPILER).is_file() {
            return Err(format!(
                "no {WASM_COMPILER} beside the app: it comes from public/"
            ));
        }
        let entry = |m: &Module| format!("['./{}', './{}', '{}']", m.js, m.wasm, m.integrity);
        let routes: Vec<String> = crate::core::pages::FULL_MODULE_ROUTES
            .iter()
            .map(|r| format!("'{r}'"))
            .collect();
        // `AbortSignal.timeout` only where the browser has it: Safari before 16 (WeChat on
        // older iPhones) does not, and a timer aborts a controller there.
        // A classic script, run as soon as it is parsed, starts the worker: the module script
        // below runs only once the style sheet has arrived, and on slow 4G the worker's own
        // request would then delay the wasm's by a round trip.
        let loader = format!(
            "<script>try {{ const worker = window.{worker} = new Worker('{compiler}'); worker.onerror = () => {{ worker.failed = true; }}; }} catch {{}}</script>\n\
             <script type=\"module\">\n\
             const root = new URL(document.baseURI).pathname;\n\
             const route = location.pathname.startsWith(root) ? location.pathname.slice(root.length).split('/')[0] : '';\n\
             const [js, wasmFile, integrity] = [{routes}].includes(route) ? {full} : {first};\n\
             const painted = new Promise((painted) => {{ requestAnimationFrame(() => setTimeout(painted, 0)); setTimeout(painted, 500); }});\n\
             const prefetched = window.{prefetched} = {{}};\n\
             const timeout = (ms) => {{ if (AbortSignal.timeout) return AbortSignal.timeout(ms); const c = new AbortController(); setTimeout(() => c.abort(), ms); return c.signal; }};\n\
             painted.then(() => {{ for (const [url, cache] of {data}) prefetched[url] = fetch(url, {{ cache, signal: timeout({timeout}) }}); }});\n\
             const onMainThread = () => painted.then(() => fetch(wasmFile, {{ integrity }}));\n\
             const worker = window.{worker};\n\
             const module = new Promise((resolve) => {{\n\
             const fallBack = (why) => {{ if (worker) {{ worker.terminate(); console.warn('{compiler}:', why); }} resolve(onMainThread()); }};\n\
             if (!worker || worker.failed) return fallBack('the worker did not start');\n\
             worker.onerror = () => fallBack('the worker did not start');\n\
             worker.onmessage = ({{ data }}) => {{ if (data.module) {{ worker.terminate(); resolve(data.module); }} else fallBack(data.error); }};\n\
             painted.then(() => worker.postMessage({{ url: new URL(wasmFile, document.baseURI).href, integrity }}));\n\
             }});\n\
             const bindings = await import(js);\n\
             const wasm = await bindings.default({{ module_or_path: module }});\n\
             window.wasmBindings = bindings;\n\
             dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{detail: {{wasm}}}}));\n\
             </script>",
            routes = routes.join(", "),
            data = serde_json::to_string(data).map_err(|e| e.to_string())?,
            timeout = crate::core::load::FETCH_TIMEOUT_MS,
            prefetched = crate::core::load::PREFETCHED,
            compiler = WASM_COMPILER,
            worker = WASM_COMPILER_GLOBAL,
            full = entry(&full),
            first = entry(&first),
        );
        let own = if crate::core::pages::FULL_MODULE_ROUTES.contains(&route) {
            Some(&full)
        } else {
            None
        };
        html.replace_range(start..end, &loader);
        html = without_wasm_preload(&html);
        if let Some(own) = own {
            let preload = format!(
                "href=\"./{}\" crossorigin=\"anonymous\" integrity=\"",
                first.js
            );
            if let Some(at) = html.find(&preload) {
                let from = at + preload.len();
                let len = html[from..].find('"').ok_or("unterminated integrity")?;
                html.replace_range(
                    at..from + len,
                    &format!(
                        "href=\"./{}\" crossorigin=\"anonymous\" integrity=\"{}",
                        own.js,
                        sha384_of(out, &own.js)?
                    ),
                );
            }
        }
    }
    let hashes: Vec<String> = inline_scripts(&html)
        .into_iter()
        .map(|(a, b)| {
            format!(
                "'sha256-{}'",
                b64_digest::<sha2::Sha256>(&html.as_bytes()[a..b])
            )
        })
        .collect();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; manifest-src 'self'; worker-src 'self'",
        hashes.join(" ")
    );
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">");
    let charset = "<meta charset=\"utf-8\">";
    let at = html
        .find(charset)
        .ok_or("index.html has no <meta charset=\"utf-8\">")?
        + charset.len();
    html.insert_str(at, &meta);
    Ok(html)
}

/// Trunk's `<link rel="preload">` of the wasm, which would start its download before the
/// first paint, removed.
fn without_wasm_preload(html: &str) -> String {
    let Some(at) = html.find("<link rel=\"preload\"") else {
        return html.to_string();
    };
    let Some(len) = html[at..].find('>') else {
        return html.to_string();
    };
    let tag = &html[at..=at + len];
    if tag.contains("type=\"application/wasm\"") {
        format!("{}{}", &html[..at], &html[at + len + 1..])
    } else {
        html.to_string()
    }
}

/// For hosts that serve `404.html` at any unknown path: the page cannot know its depth, so a
/// small script finds the app root and sets `<base>` before anything else loads; the app then
/// shows its not-found view. The root is the folder before the first route name in the path;
/// a path without one (a mistyped link: `polcy/…`, `nope/deeper/`) asks the server, folder by
/// folder upwards, which one holds the app's web manifest. The requests block the page, as
/// `<base>` must be set before the styles and modules load; a link without a route name is rare.
fn not_found_base_script() -> String {
    let segments: Vec<String> = crate::core::pages::route_segments()
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect();
    format!(
        "<script>(function(){{var k=[{}];var p=location.pathname.split(\"/\");\
         var i=p.findIndex(function(s,n){{return n>0&&k.indexOf(s)>=0;}});var r=\"/\";\
         if(i>0){{r=p.slice(0,i).join(\"/\")+\"/\";}}else{{\
         for(var n=p.length-1;n>0;n--){{var d=p.slice(0,n).join(\"/\")+\"/\";\
         try{{var x=new XMLHttpRequest();x.open(\"HEAD\",d+\"manifest.webmanifest\",false);x.send();\
         if(x.status===200){{r=d;break;}}}}catch(e){{}}}}}}\
         var b=document.createElement(\"base\");b.href=r;document.head.appendChild(b);}})();</script>",
        segments.join(",")
    )
}

/// Fills in `sw.js` (copied from `public/`): the files to precache, and a version that changes
/// whenever any of them does, so a new build replaces the old cache.
/// How many of the newest issues the service worker downloads at install.
const PRECACHED_ISSUES: usize = 3;

pub fn write_service_worker(out: &Path, manifest: &Manifest) -> Result<(), String> {
    let sw_path = out.join("sw.js");
    let template =
        std::fs::read_to_string(&sw_path).map_err(|e| format!("{}: {e}", sw_path.display()))?;
    let mut files: Vec<String> = std::fs::read_dir(out)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            [".js", ".wasm", ".css", ".png", ".svg", ".webmanifest"]
                .iter()
                .any(|ext| name.ends_with(ext))
                && name != "sw.js"
        })
        .collect();
    files.push(Manifest::PATH.into());
    files.extend(manifest.catalog.iter().map(|f| load::data_url(f)));
    // The newest issues work offline after a first visit; older ones once they have been read
    // (the worker caches every issue file it serves), so a 100-issue series is not downloaded
    // whole in the background.
    files.extend(
        manifest
            .issues
            .iter()
            .rev()
            .take(PRECACHED_ISSUES)
            .map(|i| load::data_url(&i.file)),
    );
    files.sort();
    let mut digest_input = Vec::new();
    for f in std::iter::once("index.html").chain(files.iter().map(String::as_str)) {
        digest_input.extend(std::fs::read(out.join(f)).map_err(|e| format!("{f}: {e}"))?);
    }
    let mut precache = vec!["./".to_string()];
    precache.extend(files);
    let list = serde_json::to_string(&precache).map_err(|e| e.to_string())?;
    let sw = template
        .replace(
            "'__CANKAO_VERSION__'",
            &format!("'{}'", &content_hash(&digest_input)[..12]),
        )
        .replace("__CANKAO_PRECACHE__", &list);
    write(&sw_path, sw.as_bytes())
}

/// Writes every deep link's page from the built `index.html`, plus `404.html`.
pub fn write_pages(
    corpus: &Corpus,
    manifest: &Manifest,
    template: &Path,
    out: &Path,
) -> Result<usize, String> {
    use crate::core::pages::{pages, render, Page};
    let template =
        std::fs::read_to_string(template).map_err(|e| format!("{}: {e}", template.display()))?;
    let site_url = std::env::var("CANKAO_SITE_URL")
        .ok()
        .filter(|s| !s.is_empty());
    let all = pages(corpus);
    for page in &all {
        let route = page.path.split('/').next().unwrap_or_default();
        let data = first_view_data(manifest, page.issue.as_deref());
        let html = secure(
            &render(&template, page, site_url.as_deref()),
            out,
            route,
            &data,
        )?;
        write(&out.join(&page.path).join("index.html"), html.as_bytes())?;
    }
    let not_found = Page {
        path: String::new(),
        title: "页面不存在 · 参考".into(),
        description: "没有找到这个页面。".into(),
        main: "<h1>没有找到这个页面</h1><p>链接可能有误，或者内容已移动。</p><p><a href=\"./\">回到首页</a> · \
               <a href=\"policies/\">浏览全部政策</a> · <a href=\"search/\">搜索</a></p>"
            .into(),
        issue: None,
    };
    // No canonical link: a missing page has no address of its own.
    let html = render(&template, &not_found, None).replacen(
        "<base href=\"./\">",
        &not_found_base_script(),
        1,
    );
    // The page cannot know which view it shows: the manifest only.
    let data = first_view_data(manifest, None)[..1].to_vec();
    write(
        &out.join("404.html"),
        secure(&html, out, "", &data)?.as_bytes(),
    )?;
    Ok(all.len() + 1)
}

fn site_options<'a>(args: &'a [&'a str]) -> Option<SiteOptions<'a>> {
    let mut options = SiteOptions {
        scale: 1,
        template: None,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args.next()?;
        match *flag {
            "--scale" => options.scale = value.parse().ok().filter(|n| *n >= 1)?,
            "--template" => options.template = Some(Path::new(value)),
            _ => return None,
        }
    }
    Some(options)
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
  cankao-tool site CORPUS_DIR OUT_DIR [--scale N] [--template FILE]
                                        validate, then write the app's data and pages into a
                                        built dist (--scale N: as if there were N times as many
                                        issues; --template: the page template, default
                                        OUT_DIR/index.html)";

pub fn main(args: Vec<String>) -> ExitCode {
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["validate"] => validate_command(Path::new("data/corpus")),
        ["validate", dir] => validate_command(Path::new(dir)),
        ["site", corpus, out, options @ ..] => match site_options(options) {
            Some(o) => site_command(Path::new(corpus), Path::new(out), &o),
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
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
