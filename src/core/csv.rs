//! CSV that Excel on a Chinese-locale Windows opens correctly: UTF-8 with a byte-order mark,
//! CRLF line ends, and cells that would start a formula neutralised.

/// The UTF-8 byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// One cell: quoted when it holds a separator, a quote or a line break; prefixed with `'` when
/// it starts with a character a spreadsheet would read as a formula (= + - @, tab, CR), unless
/// it is a plain number: `-5.6` must stay a number a reader can sum, and a number's shape
/// leaves no room for a formula.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(text) {
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
/// prefix); used by the tests to prove the writer's output parses.
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
        assert_eq!(cell("1-2"), "1-2");
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
