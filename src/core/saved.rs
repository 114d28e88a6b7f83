//! Saved items (收藏): a list of item ids kept in localStorage and shareable as a link.
//! Whatever storage holds, reading it never fails: what can be read is kept.

use super::ids::is_valid_id;

/// The most items a saved list keeps (a bound on what storage and a link carry).
pub const MAX_SAVED: usize = 500;

/// What was read from storage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Saved {
    pub ids: Vec<String>,
    /// Some of what was stored could not be read and was dropped.
    pub repaired: bool,
}

/// Reads the stored value: a JSON array of ids. Invalid entries are dropped, duplicates
/// merged, the list capped; a value that is not such an array yields an empty, repaired list.
pub fn parse(raw: Option<&str>) -> Saved {
    let Some(raw) = raw else {
        return Saved::default();
    };
    let Ok(values) = serde_json::from_str::<Vec<serde_json::Value>>(raw) else {
        return Saved {
            ids: Vec::new(),
            repaired: true,
        };
    };
    let mut saved = Saved::default();
    for v in values {
        match v.as_str() {
            Some(id) if is_valid_id(id) && !saved.ids.iter().any(|s| s == id) => {
                if saved.ids.len() < MAX_SAVED {
                    saved.ids.push(id.to_string());
                } else {
                    saved.repaired = true;
                }
            }
            Some(id) if is_valid_id(id) => {}
            _ => saved.repaired = true,
        }
    }
    saved
}

pub fn serialize(ids: &[String]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// The ids of a shared list link (`saved/?ids=a,b`), with the same rules as storage.
pub fn from_param(param: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in param.split(',').map(str::trim) {
        if is_valid_id(id) && !out.iter().any(|o| o == id) && out.len() < MAX_SAVED {
            out.push(id.to_string());
        }
    }
    out
}

/// Adds `id` when absent, removes it when present; returns whether it is now saved.
pub fn toggle(ids: &mut Vec<String>, id: &str) -> bool {
    if let Some(at) = ids.iter().position(|s| s == id) {
        ids.remove(at);
        false
    } else {
        ids.push(id.to_string());
        true
    }
}

/// The star's glyph, saved or not.
pub fn star_glyph(saved: bool) -> &'static str {
    if saved {
        "★"
    } else {
        "☆"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_good_list() {
        let s = parse(Some(r#"["yuefu-2021-53","2023-zhizao-problem-1"]"#));
        assert_eq!(s.ids, vec!["yuefu-2021-53", "2023-zhizao-problem-1"]);
        assert!(!s.repaired);
    }

    #[test]
    fn survives_corrupt_and_foreign_values() {
        for raw in ["{", "null", "42", r#"{"a":1}"#, "\u{0}\u{1}", ""] {
            let s = parse(Some(raw));
            assert!(s.ids.is_empty(), "{raw}");
            assert!(s.repaired, "{raw}");
        }
        assert_eq!(parse(None), Saved::default());
    }

    #[test]
    fn keeps_what_it_can() {
        let s = parse(Some(r#"["ok-1", 5, "<script>", "ok-1", "ok-2"]"#));
        assert_eq!(s.ids, vec!["ok-1", "ok-2"]);
        assert!(s.repaired);
    }

    #[test]
    fn caps_oversized_lists() {
        let many: Vec<String> = (0..2000).map(|i| format!("id-{i}")).collect();
        let s = parse(Some(&serialize(&many)));
        assert_eq!(s.ids.len(), MAX_SAVED);
        assert!(s.repaired);
    }

    #[test]
    fn toggles_and_reads_links() {
        let mut ids = vec![];
        assert!(toggle(&mut ids, "a"));
        assert!(!toggle(&mut ids, "a"));
        assert_eq!(from_param("a,b,,a,<x>"), vec!["a", "b"]);
    }
}
