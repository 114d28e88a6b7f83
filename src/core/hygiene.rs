//! Text hygiene: what we may change in source text, and the check that we changed nothing else.
//!
//! The source was extracted from a PDF. Stored text may differ from it only by: line breaks and
//! the spaces around them removed, page-break table headers dropped, table cells split by a page
//! break joined, and the mis-decoded quotes repaired (‚→“ ‛→” „→‘ ‟→’).

/// The mis-decoded quote characters of the PDF extraction and what they stand for.
pub const QUOTE_REPAIRS: [(char, char); 4] = [('‚', '“'), ('‛', '”'), ('„', '‘'), ('‟', '’')];

/// The header the PDF repeats at the top of every page a table runs onto.
pub const TABLE_PAGE_HEADER: &str = "地区时间文件主要内容";

/// Stands where a page-break table header was, in the prepared source.
const PAGE_BREAK: char = '¶';

/// How many pieces a joined table cell may have been split into.
const MAX_TABLE_FRAGMENTS: usize = 4;

pub fn repair_quotes(text: &str) -> String {
    text.chars()
        .map(|c| {
            QUOTE_REPAIRS
                .iter()
                .find(|(bad, _)| *bad == c)
                .map_or(c, |(_, good)| *good)
        })
        .collect()
}

/// Text with every white-space character removed: the form in which stored text and source
/// are compared, since the PDF put spaces and breaks in arbitrary places.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The source text made ready for verbatim checks: quotes repaired, white space removed, and
/// each page-break table header replaced by a marker.
#[derive(Debug, Clone)]
pub struct PreparedSource {
    text: String,
}

impl PreparedSource {
    pub fn new(raw: &str) -> PreparedSource {
        let text = raw
            .lines()
            .map(|line| {
                let squashed = squash(&repair_quotes(line));
                if squashed == TABLE_PAGE_HEADER {
                    PAGE_BREAK.to_string()
                } else {
                    squashed
                }
            })
            .collect();
        PreparedSource { text }
    }

    /// Whether `stored` is source text under the hygiene rules. Text from a table cell
    /// (`joins_allowed`) may be made of pieces of the source separated by page breaks.
    pub fn holds(&self, stored: &str, joins_allowed: bool) -> bool {
        let needle = squash(stored);
        if needle.is_empty() {
            return false;
        }
        if self.text.contains(&needle) {
            return true;
        }
        joins_allowed && self.holds_joined(&needle)
    }

    /// Greedy match of `needle` as up to [`MAX_TABLE_FRAGMENTS`] pieces in source order, each
    /// later piece starting after a page break that follows the previous one.
    fn holds_joined(&self, needle: &str) -> bool {
        let mut rest = needle;
        let mut from = 0;
        for fragment in 0..MAX_TABLE_FRAGMENTS {
            if fragment > 0 {
                match self.text[from..].find(PAGE_BREAK) {
                    Some(offset) => from += offset + PAGE_BREAK.len_utf8(),
                    None => return false,
                }
            }
            let Some((len, end)) = self.longest_prefix(rest, from) else {
                return false;
            };
            rest = &rest[len..];
            from = end;
            if rest.is_empty() {
                return true;
            }
        }
        false
    }

    /// The longest prefix of `needle` found in the source at or after `from`:
    /// (its byte length in `needle`, the byte offset just past it in the source).
    fn longest_prefix(&self, needle: &str, from: usize) -> Option<(usize, usize)> {
        let bounds: Vec<usize> = needle
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        let haystack = &self.text[from..];
        let found = |len: usize| haystack.find(&needle[..len]);
        // Prefix matches are monotone (a shorter prefix of a found prefix is found), so
        // binary search over the number of characters.
        let (mut lo, mut hi) = (0usize, bounds.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if found(bounds[mid - 1]).is_some() {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // A piece of one or two characters matches almost anywhere: that is no evidence.
        if lo < 3 {
            return None;
        }
        let len = bounds[lo - 1];
        found(len).map(|at| (len, from + at + len))
    }
}

/// Problems with the form of a stored verbatim string, whatever the source says.
pub fn form_problem(stored: &str) -> Option<&'static str> {
    if stored.trim().is_empty() {
        Some("is empty")
    } else if stored.contains(['\n', '\r']) {
        Some("holds a line break")
    } else if stored
        .chars()
        .any(|c| QUOTE_REPAIRS.iter().any(|(bad, _)| *bad == c))
    {
        Some("holds a mis-decoded quote (‚‛„‟)")
    } else if stored != stored.trim() {
        Some("has leading or trailing white space")
    } else if stored.contains("  ") {
        Some("holds a double space")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW: &str = " ‚任何时候中国都不能缺少制造业‛——今年全国两会期间，习\n\n近平总书记就制造业再次发表重要讲话。\n\
        表 1：广东部分地市的相关政策文件\n地区 时间 文件 主要内容 \n深圳市工业和信\n息化局关于印发\n\
        《操作规程》的通\n《操作规程》明确制造业数字化转型咨询诊\n 地区 时间 文件 主要内容 \n知（深工信规\n〔2022〕8 号） \n";

    #[test]
    fn repairs_the_four_quotes() {
        assert_eq!(repair_quotes("‚a‛ „b‟"), "“a” ‘b’");
    }

    #[test]
    fn finds_text_across_line_breaks_with_repaired_quotes() {
        let src = PreparedSource::new(RAW);
        assert!(src.holds(
            "“任何时候中国都不能缺少制造业”——今年全国两会期间，习近平总书记就制造业再次发表重要讲话。",
            false
        ));
    }

    #[test]
    fn a_reworded_text_is_not_found() {
        let src = PreparedSource::new(RAW);
        assert!(!src.holds("“任何时候中国都不能缺少工业”", false));
        assert!(!src.holds("“任何时候中国都不能缺少工业”", true));
    }

    #[test]
    fn joins_a_cell_split_by_a_page_break_only_for_tables() {
        let src = PreparedSource::new(RAW);
        let cell = "深圳市工业和信息化局关于印发《操作规程》的通知（深工信规〔2022〕8号）";
        assert!(src.holds(cell, true));
        assert!(!src.holds(cell, false));
    }

    #[test]
    fn a_join_needs_a_page_break_between_the_pieces() {
        let src = PreparedSource::new(RAW);
        // Both pieces exist, but no page break separates them.
        assert!(!src.holds("深圳市工业和信息化局明确制造业数字化转型", true));
    }

    #[test]
    fn form_problems() {
        assert_eq!(form_problem("a\nb"), Some("holds a line break"));
        assert_eq!(
            form_problem("‚a‛"),
            Some("holds a mis-decoded quote (‚‛„‟)")
        );
        assert_eq!(
            form_problem(" a"),
            Some("has leading or trailing white space")
        );
        assert_eq!(form_problem(""), Some("is empty"));
        assert_eq!(form_problem("制造业 2022 年"), None);
    }
}
