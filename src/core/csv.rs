//! CSV that Excel on a Chinese-locale Windows opens correctly: UTF-8 with a byte-order mark,
//! CRLF line ends, cells that would start a formula neutralised, and text that Excel would
//! turn into a date or a time kept as text.

/// The UTF-8 byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// One cell: quoted when it holds a separator, a quote or a line break; written as the formula
/// `="…"` when a spreadsheet would read it as a date or a time (see [`is_date_or_time`]): Excel
/// and LibreOffice show that formula's value, the text itself, where a `'` prefix would show
/// the `'`. Prefixed with `'` when it starts with a character a spreadsheet would read as a
/// formula (= + - @, tab, CR), unless it is a plain number: `-5.6` must stay a number a reader
/// can sum, and a number's shape leaves no room for a formula.
pub fn cell(text: &str) -> String {
    let text = if is_date_or_time(text) {
        // Only digits, separators and spaces are inside the quotes: the formula can do nothing
        // but show them.
        format!("=\"{text}\"")
    } else if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A decimal number as this app writes one (`47723`, `-5.6`, see `corpus::format_number`): an
/// optional minus, digits, and optionally a point and more digits.
pub fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    [whole, fraction]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a spreadsheet opening the CSV would read this text as a date or a time, changing what
/// it says (a CSV cannot mark a column as text): numbers joined by `:`, a time (`1:1` becomes
/// 1:01), or two or three numbers of up to four digits joined by one `/` or `-`, one of them a
/// possible month (`1/7` becomes 1月7日, `2022-11` the 1st of November 2022). Which number is the
/// day, the month or the year depends on the reader's locale, so any possible month counts:
/// keeping as text what Excel would have kept anyway costs nothing, a ratio read as a date loses
/// the figure. Plain numbers never have these shapes, and stay numbers; a whole date with its
/// year first (`2022-10-20`) is left alone too: every locale reads it as that very date.
pub fn is_date_or_time(text: &str) -> bool {
    let text = text.trim();
    // The parts between `separator`s, when there are two or three and all are short numbers.
    let parts = |separator: char| -> Option<Vec<&str>> {
        let parts: Vec<&str> = text.split(separator).collect();
        let numbers = parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        ((2..=3).contains(&parts.len()) && numbers).then_some(parts)
    };
    let is_month = |part: &&str| part.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n));
    let is_date = |separator: char| {
        parts(separator).is_some_and(|parts| {
            let whole_date = parts.len() == 3 && parts[0].len() == 4;
            parts.iter().any(is_month) && !whole_date
        })
    };
    parts(':').is_some() || is_date('/') || is_date('-')
}

/// A column's heading in Chinese and in English.
pub type Heading = (&'static str, &'static str);

/// A whole CSV document headed in the reader's language: a download from the English
/// interface is headed in English (the cells taken from the source stay as printed).
pub fn document_in(header: &[Heading], en: bool, rows: &[Vec<String>]) -> String {
    let names: Vec<&str> = header.iter().map(|h| heading_in(h, en)).collect();
    document(&names, rows)
}

/// A column's heading in the reader's language.
pub fn heading_in(&(zh, english): &Heading, en: bool) -> &'static str {
    if en {
        english
    } else {
        zh
    }
}

/// A whole CSV document from a header and rows.
pub fn document(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(header.iter().map(|h| cell(h)).collect()));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| cell(c)).collect()));
    }
    out
}

/// Reads a CSV document back into rows (the inverse of [`document`] except for the formula
/// prefix and the `="…"` around dates and times); used by the tests to prove the writer's
/// output parses.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_bom_and_uses_crlf() {
        let doc = document(&["标题"], &[vec!["广东".into()]]);
        assert!(doc.starts_with(BOM));
        assert_eq!(doc, "\u{feff}标题\r\n广东\r\n");
    }

    #[test]
    fn neutralises_formulas() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("-A1"), "'-A1");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("A1-B2"), "A1-B2");
    }

    #[test]
    fn text_a_spreadsheet_would_take_for_a_date_or_time_stays_text() {
        // 1/7 would show as 1月7日, 1:1 as 1:01, 2022-11 as 2022年11月 (the 1st of November).
        for text in [
            "1/7", "1:1", "2022-11", "2023-01", "1-2", "10:30:00", "1/7/2022", "13/7", " 1/7",
        ] {
            assert_eq!(cell(text), format!("\"=\"\"{text}\"\"\""), "{text}");
        }
        // Excel reads a whole date as that very date; a span of years has no month to read; the
        // rest is plain text or a number.
        for text in [
            "2022-10-20",
            "2023/3/29",
            "2021-2025",
            "2022-01/2022-10",
            "1/7 号",
            "GB/T 7714",
            "2022",
            "1.0",
            "0/0",
            "1/2/3/4",
        ] {
            assert_eq!(cell(text), text, "{text}");
        }
    }

    #[test]
    fn a_date_kept_as_text_reads_back_as_a_text_formula() {
        let doc = document(&["时期"], &[vec!["2022-11".into()]]);
        assert_eq!(doc, "\u{feff}时期\r\n\"=\"\"2022-11\"\"\"\r\n");
        assert_eq!(parse(&doc)[1], ["=\"2022-11\""]);
    }

    #[test]
    fn plain_numbers_stay_numbers() {
        for number in ["-5.6", "-1", "47723", "0.5", "-0.0001"] {
            assert_eq!(cell(number), number);
        }
        // Only a number's whole shape passes: anything more is formula-like text again.
        for text in ["-", "--5", "-5.", "-.5", "-5.6.1", "-1e3", "- 5", "+5"] {
            assert_eq!(cell(text), format!("'{text}"));
        }
    }

    #[test]
    fn quotes_separators_and_round_trips() {
        let rows = vec![vec![
            "a,b".to_string(),
            "say \"hi\"".to_string(),
            "line\nbreak".to_string(),
        ]];
        let doc = document(&["x", "y", "z"], &rows);
        let back = parse(&doc);
        assert_eq!(back[1], rows[0]);
    }
}
