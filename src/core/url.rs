//! Query strings: percent-encoding that survives anything a messenger or a person does to a
//! link (broken escapes, `+` for space, repeated or unknown parameters).

/// Characters left as they are in a query value; everything else is percent-encoded, so a
/// copied link is plain ASCII.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'!' | b'*' | b'(' | b')')
}

pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes and `+`. A malformed escape is kept as the literal text, and bytes
/// that are not UTF-8 become U+FFFD: decoding never fails.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The `key=value` pairs of a query string (with or without its leading `?`), decoded.
/// Empty keys are dropped; a bare `key` has an empty value.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .filter(|(k, _)| !k.is_empty())
        .collect()
}

/// A query string (with its `?`) from pairs, empty values left out; "" when nothing is left.
pub fn format_query(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// A link relative to the app's root made absolute, for files read away from the app (a CSV
/// opened in Excel, pasted into an email): `https://example.org/sub/` and `policy/x/` give
/// `https://example.org/sub/policy/x/`. Only the browser knows the root, so callers pass it.
pub fn absolute(root_url: &str, path: &str) -> String {
    format!(
        "{}/{}",
        root_url.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// A link that opens in English (`lang=en` added), for a reader of the English interface to
/// send; `href` as it is otherwise.
pub fn with_lang(href: &str, en: bool) -> String {
    if !en {
        return href.to_string();
    }
    let separator = if href.contains('?') { '&' } else { '?' };
    format!("{href}{separator}lang=en")
}

/// The main navigation's entry for a path relative to the app's root (`policy/x/` is under
/// `policies`), so the header can mark where the reader is; `None` for the home page and the
/// views the header does not list.
pub fn nav_section(path: &str) -> Option<&'static str> {
    let first = path.trim_start_matches('/').split(['/', '?', '#']).next()?;
    Some(match first {
        "policies" | "policy" => "policies",
        "search" => "search",
        "problems" | "problem" => "problems",
        "compare" => "compare",
        "map" => "map",
        "matrix" => "matrix",
        "timeline" => "timeline",
        "saved" => "saved",
        _ => return None,
    })
}

/// A web search for a policy's original text, by its 文号 and name: the compilation gives a
/// summary only. Baidu for the Chinese interface (what readers in China use), Bing for the
/// English one.
pub fn original_search_url(short_title: &str, doc_number: Option<&str>, en: bool) -> String {
    let words = match doc_number {
        Some(number) => format!("{number} {short_title}"),
        None => short_title.to_string(),
    };
    if en {
        format!("https://www.bing.com/search?q={}", encode(&words))
    } else {
        format!("https://www.baidu.com/s?wd={}", encode(&words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_belongs_to_its_section_of_the_navigation() {
        assert_eq!(nav_section("policy/yuefu-2021-53/"), Some("policies"));
        assert_eq!(nav_section("/policies"), Some("policies"));
        assert_eq!(nav_section("compare?ind=x"), Some("compare"));
        assert_eq!(nav_section("problem/p-1/"), Some("problems"));
        assert_eq!(nav_section("saved/"), Some("saved"));
        assert_eq!(nav_section(""), None);
        assert_eq!(nav_section("expert/e-1/"), None);
    }

    #[test]
    fn absolute_links_join_the_root_and_the_path_with_one_slash() {
        for root in ["https://example.org/sub/", "https://example.org/sub"] {
            assert_eq!(
                absolute(root, "policy/x/"),
                "https://example.org/sub/policy/x/"
            );
            assert_eq!(
                absolute(root, "/compare/?ind=a"),
                "https://example.org/sub/compare/?ind=a"
            );
        }
        assert_eq!(
            absolute("https://example.org/", "map/"),
            "https://example.org/map/"
        );
    }

    #[test]
    fn a_link_sent_from_the_english_interface_asks_for_it() {
        let root = "https://example.org/sub/";
        assert_eq!(
            with_lang(&format!("{root}policy/x/"), false),
            format!("{root}policy/x/")
        );
        assert_eq!(
            with_lang(&format!("{root}policy/x/"), true),
            format!("{root}policy/x/?lang=en")
        );
        assert_eq!(
            with_lang(&format!("{root}compare/?cmp=a~b"), true),
            format!("{root}compare/?cmp=a~b&lang=en")
        );
    }

    #[test]
    fn round_trips_chinese_and_symbols() {
        for text in ["广东", "a b&c=d", "粤府〔2021〕53号", "100%", "<script>"] {
            assert_eq!(decode(&encode(text)), text);
        }
        assert_eq!(encode("广"), "%E5%B9%BF");
    }

    #[test]
    fn broken_escapes_are_kept_as_text() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%E"), "%E");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%E5%B9"), "\u{fffd}");
        assert_eq!(decode("a+b"), "a b");
    }

    #[test]
    fn parses_pairs_including_messenger_noise() {
        let pairs = parse_query("?q=%E5%B9%BF&from=singlemessage&isappinstalled=0&&=x&flag");
        assert_eq!(
            pairs,
            vec![
                ("q".into(), "广".into()),
                ("from".into(), "singlemessage".into()),
                ("isappinstalled".into(), "0".into()),
                ("flag".into(), String::new()),
            ]
        );
    }

    #[test]
    fn formats_only_non_empty_values() {
        assert_eq!(
            format_query(&[("q", "广 东".into()), ("level", String::new())]),
            "?q=%E5%B9%BF%20%E4%B8%9C"
        );
        assert_eq!(format_query(&[("q", String::new())]), "");
    }

    #[test]
    fn the_search_for_an_original_names_its_number_and_title() {
        let zh = original_search_url(
            "广东省制造业高质量发展“十四五”规划",
            Some("粤府〔2021〕53号"),
            false,
        );
        assert!(zh.starts_with("https://www.baidu.com/s?wd="), "{zh}");
        assert_eq!(
            decode(zh.split_once("wd=").unwrap().1),
            "粤府〔2021〕53号 广东省制造业高质量发展“十四五”规划"
        );
        let en = original_search_url("某规划", None, true);
        assert_eq!(
            en,
            format!("https://www.bing.com/search?q={}", encode("某规划"))
        );
    }
}
