//! Item ids and document numbers (文号).
//!
//! A policy's id is derived from its 文号 so that it stays the same for as long as the document
//! exists: `粤府〔2021〕53号` → `yuefu-2021-53`. Ids are lowercase ASCII so that links survive
//! messengers without percent-encoding.

/// A 文号 split into its parts: issuer code (发文机关代字), year and serial number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    pub code: String,
    pub year: u32,
    pub serial: u32,
}

impl DocNumber {
    /// Reads a 文号 written in any of the ways people type it: `粤府〔2021〕53号`,
    /// `粤府[2021]53号`, `粤府（2021）53号`, `粤府2021 53`, `粤府 2021 第53号`.
    pub fn parse(text: &str) -> Option<DocNumber> {
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        let year_at = chars
            .windows(4)
            .position(|w| w.iter().all(char::is_ascii_digit) && matches!(w[0], '1' | '2'))?;
        let code: String = chars[..year_at]
            .iter()
            .filter(|c| !is_bracket(**c))
            .collect();
        if code.is_empty() || !code.chars().all(is_cjk) {
            return None;
        }
        let year: u32 = chars[year_at..year_at + 4]
            .iter()
            .collect::<String>()
            .parse()
            .ok()?;
        let rest: String = chars[year_at + 4..]
            .iter()
            .filter(|c| !is_bracket(**c) && !matches!(**c, '第' | '号' | '-' | '—' | '/'))
            .collect();
        if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit()) || rest.len() > 6 {
            return None;
        }
        Some(DocNumber {
            code,
            year,
            serial: rest.parse().ok()?,
        })
    }

    /// The form the source prints: `粤府〔2021〕53号`.
    pub fn canonical(&self) -> String {
        format!("{}〔{}〕{}号", self.code, self.year, self.serial)
    }

    /// The id of the document: the code's pinyin, the year and the serial.
    /// `pinyin` turns one Chinese character into its toneless pinyin.
    pub fn slug(&self, pinyin: impl Fn(char) -> Option<String>) -> Option<String> {
        let mut code = String::new();
        for c in self.code.chars() {
            code.push_str(&pinyin(c)?);
        }
        Some(format!("{}-{}-{}", code, self.year, self.serial))
    }
}

/// A 文号 as a reader asks for it: the whole number, or the short form people say with the year
/// left out (`粤府53号`, `国发8号文`), which asks for that code's number in any year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumberQuery {
    pub code: String,
    pub year: Option<u32>,
    pub serial: u32,
}

impl DocNumberQuery {
    /// Reads every form [`DocNumber::parse`] reads, and the code and serial alone: `粤府53号`,
    /// `粤府第53号`, `国发8号文`, `粤府 53`.
    pub fn parse(text: &str) -> Option<DocNumberQuery> {
        if let Some(d) = DocNumber::parse(text) {
            return Some(DocNumberQuery {
                code: d.code,
                year: Some(d.year),
                serial: d.serial,
            });
        }
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        let chars = chars.strip_suffix(&['号', '文']).unwrap_or(&chars);
        let chars = chars.strip_suffix(&['号']).unwrap_or(chars);
        let digits_at = chars.iter().position(char::is_ascii_digit)?;
        let (code, digits) = chars.split_at(digits_at);
        let code = code.strip_suffix(&['第']).unwrap_or(code);
        if code.is_empty()
            || !code.iter().copied().all(is_cjk)
            || digits.len() > 6
            || !digits.iter().all(char::is_ascii_digit)
        {
            return None;
        }
        Some(DocNumberQuery {
            code: code.iter().collect(),
            year: None,
            serial: digits.iter().collect::<String>().parse().ok()?,
        })
    }

    /// Whether `number` is the one asked for (in any year, when the query gave none).
    pub fn matches(&self, number: &DocNumber) -> bool {
        self.code == number.code
            && self.serial == number.serial
            && self.year.is_none_or(|y| y == number.year)
    }
}

fn is_bracket(c: char) -> bool {
    matches!(
        c,
        '〔' | '〕' | '[' | ']' | '［' | '］' | '(' | ')' | '（' | '）' | '【' | '】' | '〖' | '〗'
    )
}

pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether `id` has the form every id must have: lowercase ASCII letters, digits and single
/// hyphens, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_pinyin(c: char) -> Option<String> {
        match c {
            '粤' => Some("yue".into()),
            '府' => Some("fu".into()),
            _ => None,
        }
    }

    #[test]
    fn parses_every_way_of_typing_a_doc_number() {
        let expected = DocNumber {
            code: "粤府".into(),
            year: 2021,
            serial: 53,
        };
        for typed in [
            "粤府〔2021〕53号",
            "粤府[2021]53号",
            "粤府［2021］53号",
            "粤府（2021）53号",
            "粤府2021 53",
            "粤府 〔2021〕 53 号",
            "粤府2021第53号",
        ] {
            assert_eq!(DocNumber::parse(typed).as_ref(), Some(&expected), "{typed}");
        }
    }

    #[test]
    fn rejects_what_is_no_doc_number() {
        for typed in [
            "粤府",
            "2021 53",
            "粤府〔2021〕",
            "制造业 2022 年增长",
            "粤府2021 53号 规划",
        ] {
            assert_eq!(DocNumber::parse(typed), None, "{typed}");
        }
    }

    #[test]
    fn a_query_may_leave_the_year_out() {
        let d = DocNumber::parse("粤府〔2021〕53号").unwrap();
        for typed in [
            "粤府53号",
            "粤府第53号",
            "粤府 53 号",
            "粤府53号文",
            "粤府53",
            "粤府〔2021〕53号",
        ] {
            let q = DocNumberQuery::parse(typed).unwrap_or_else(|| panic!("{typed}"));
            assert!(q.matches(&d), "{typed}");
        }
        assert_eq!(DocNumberQuery::parse("粤府53号").unwrap().year, None);
        for other in ["粤府54号", "粤府办53号", "粤府〔2022〕53号"] {
            assert!(
                !DocNumberQuery::parse(other).unwrap().matches(&d),
                "{other}"
            );
        }
        for typed in [
            "粤府",
            "53号",
            "5G",
            "粤府53号 规划",
            "粤府9999999号",
            "数字化",
        ] {
            assert_eq!(DocNumberQuery::parse(typed), None, "{typed}");
        }
    }

    #[test]
    fn canonical_and_slug() {
        let d = DocNumber::parse("粤府2021 53").unwrap();
        assert_eq!(d.canonical(), "粤府〔2021〕53号");
        assert_eq!(d.slug(fake_pinyin).as_deref(), Some("yuefu-2021-53"));
        let unknown = DocNumber::parse("皖政办〔2023〕2号").unwrap();
        assert_eq!(unknown.slug(fake_pinyin), None);
    }

    #[test]
    fn id_form() {
        assert!(is_valid_id("yuefu-2021-53"));
        assert!(!is_valid_id("Yuefu"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("粤府"));
        assert!(!is_valid_id("<script>"));
    }
}
