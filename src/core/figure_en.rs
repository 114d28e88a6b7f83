//! Figures as an English reader reads them. The source prints amounts in Chinese units of ten
//! thousand (万) and a hundred million (亿): `48593.6 亿元` reads `4,859.36 billion yuan`, as the
//! National Bureau of Statistics' English releases give them. The number is moved by whole
//! decimal places in its printed digits, never recomputed, so nothing is rounded on the way.
//! Counts are bare numbers (the indicator's name says what is counted), ranks are ordinals, and
//! the source's bounding words (超过, 以上, 左右…) become English ones.

use super::corpus::{format_number, Figure};
use super::hygiene::squash;

/// A unit of the source in English: the word after the number, and the decimal places by which
/// the number moves (−1: 亿 = 0.1 billion; +1: 万 = 10 thousand).
struct UnitEn {
    word: &'static str,
    shift: i32,
}

fn unit_en(unit: &str) -> Option<UnitEn> {
    let (word, shift) = match unit {
        "%" => ("%", 0),
        "‰" => ("‰", 0),
        "个百分点" => ("percentage points", 0),
        "亿元" => ("billion yuan", -1),
        "亿" => ("billion", -1),
        "亿英镑" => ("billion pounds", -1),
        "万亿元" => ("trillion yuan", 0),
        "万亿" => ("trillion", 0),
        "万元" => ("thousand yuan", 1),
        "万人" => ("thousand people", 1),
        "万家" => ("thousand enterprises", 1),
        "万户" | "万件" | "万个" => ("thousand", 1),
        "家" => ("enterprises", 0),
        "倍" => ("times", 0),
        "公顷" => ("hectares", 0),
        "亩" => ("mu", 0),
        // Counted things, scores and ratios: the indicator's name says what the number is.
        "个" | "大" | "席" | "市" | "条" | "项" | "所" | "间" | "系数" | "指数" | "比" | "位" => {
            ("", 0)
        }
        _ => return None,
    };
    Some(UnitEn { word, shift })
}

/// The unit of a rank (`第 2 位`): read as an ordinal, and the lower, the better.
pub const RANK_UNIT: &str = "位";

/// The unit's name on a chart's or table's unit line (`Unit: billion yuan`).
pub fn unit_name_en(unit: &str) -> String {
    match (unit, unit_en(unit)) {
        (RANK_UNIT, _) => "rank".into(),
        ("系数", _) => "coefficient".into(),
        ("指数", _) => "index".into(),
        ("比", _) => "ratio".into(),
        (_, Some(u)) if u.word.is_empty() => "number".into(),
        (_, Some(u)) => u.word.into(),
        (other, None) => other.into(),
    }
}

/// `value` in `unit` as English prints it: `4,859.36 billion yuan`, `26.9%`, `3rd`.
pub fn amount_en(value: f64, unit: &str) -> String {
    if unit == RANK_UNIT && value.fract() == 0.0 && value >= 1.0 {
        return ordinal(value as u64);
    }
    digits_en(&format_number(value), unit)
}

/// A number as printed (`48593.6`, `1.0`) in `unit`, in English.
fn digits_en(digits: &str, unit: &str) -> String {
    let Some(u) = unit_en(unit) else {
        return format!("{} {unit}", group_thousands(digits));
    };
    let number = group_thousands(&shift_decimal(digits, u.shift));
    match u.word {
        "" => number,
        "%" | "‰" => format!("{number}{}", u.word),
        "percentage points" if number == "1" => "1 percentage point".into(),
        word => format!("{number} {word}"),
    }
}

/// Whether the source's own word for the unit has an English one (the validator's check).
pub fn has_unit_en(unit: &str) -> bool {
    unit_en(unit).is_some()
}

/// The source's numbers in words, in English; the others are said by value and unit.
const NUMBER_WORDS_EN: [(&str, &str); 3] = [
    ("一半", "half"),
    ("三分之一", "one third"),
    ("五分之一", "one fifth"),
];

/// Words that bound a figure from before its number (`超过 100 家`), longest first where one
/// starts another.
const BOUNDS_BEFORE_EN: [(&str, &str); 13] = [
    ("预计突破", "expected to exceed"),
    ("可达到", "up to"),
    ("基本覆盖", "almost all"),
    ("不低于", "at least"),
    ("不少于", "at least"),
    ("不超过", "at most"),
    ("接近", "nearly"),
    ("突破", "over"),
    ("超过", "over"),
    ("超", "over"),
    ("近", "nearly"),
    ("约占", "about"),
    ("约", "about"),
];
/// At the end: `24%以上`, `180 家左右`.
const BOUNDS_AT_END_EN: [(&str, &str); 2] = [("以上", "at least"), ("左右", "about")];
/// Right after the number: `300 多家`, `70 余万户`.
const BOUNDS_AFTER_NUMBER_EN: [(&str, &str); 2] = [("余", "over"), ("多", "over")];

/// Whether `sentence` bounds the number where it prints it: the words just before it (`可达到
/// 50%`), right after it (`300 多家`) or after it and `unit` (`24%以上`). White space is ignored,
/// and a number inside a longer one (the 5 of 150) is not the number.
pub fn sentence_bounds(sentence: &str, printed: &str, unit: &str) -> bool {
    let text = squash(sentence);
    let number = squash(printed);
    let unit = squash(unit);
    let is_digit = |c: char| c.is_ascii_digit() || c == '.';
    !number.is_empty()
        && text.match_indices(&number).any(|(at, _)| {
            let before = &text[..at];
            let after = &text[at + number.len()..];
            if before.ends_with(is_digit) || after.starts_with(is_digit) {
                return false;
            }
            let after_unit = after.strip_prefix(unit.as_str()).unwrap_or(after);
            BOUNDS_BEFORE_EN.iter().any(|(zh, _)| before.ends_with(zh))
                || BOUNDS_AFTER_NUMBER_EN
                    .iter()
                    .any(|(zh, _)| after.starts_with(zh))
                || BOUNDS_AT_END_EN
                    .iter()
                    .any(|(zh, _)| after_unit.starts_with(zh))
        })
}

/// The English for the words that bound `bounded` (`超过 100 家` → `over`), if they are known.
pub fn bound_en(bounded: &str) -> Option<&'static str> {
    let text = bounded.trim();
    BOUNDS_BEFORE_EN
        .iter()
        .find(|(zh, _)| text.starts_with(zh))
        .or_else(|| BOUNDS_AT_END_EN.iter().find(|(zh, _)| text.ends_with(zh)))
        .or_else(|| {
            BOUNDS_AFTER_NUMBER_EN.iter().find(|(zh, _)| {
                text.match_indices(zh).any(|(at, _)| {
                    text[..at]
                        .trim_end()
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_ascii_digit())
                })
            })
        })
        .map(|(_, en)| *en)
}

/// A figure as an English line of text reads it: the source's number in English units, its
/// number words and its bound in English (`over 50 thousand enterprises`, `nearly one third`).
pub fn figure_en(figure: &Figure) -> String {
    let words = figure.value_text.as_deref().map(str::trim);
    let amount = match words {
        // A rank reads as an ordinal however the source writes it (榜首, 第三, 3).
        _ if figure.unit == RANK_UNIT => amount_en(figure.value, &figure.unit),
        // Printed with its own decimals (`1.0`): kept.
        Some(w) if w.parse::<f64>().is_ok() => digits_en(w, &figure.unit),
        // A fraction or ratio in figures (`1/7`, `1∶1`) reads the same in English.
        Some(w) if w.chars().all(|c| c.is_ascii_digit() || "/:∶".contains(c)) => {
            w.replace('∶', ":")
        }
        Some(w) => NUMBER_WORDS_EN
            .iter()
            .find(|(zh, _)| *zh == w)
            .map(|(_, en)| en.to_string())
            .unwrap_or_else(|| amount_en(figure.value, &figure.unit)),
        None => amount_en(figure.value, &figure.unit),
    };
    match figure.bounded.as_deref().and_then(bound_en) {
        Some(bound) => format!("{bound} {amount}"),
        None => amount,
    }
}

/// `n` as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st.
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A decimal number's digits moved by `places` (positive: times ten per place), exactly:
/// `48593.6` by −1 is `4859.36`, `70` by +1 is `700`.
fn shift_decimal(number: &str, places: i32) -> String {
    if places == 0 || number.is_empty() {
        return number.to_string();
    }
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all = format!("{whole}{fraction}");
    let point = whole.len() as i32 + places;
    let padded = if point <= 0 {
        format!("{}{all}", "0".repeat((1 - point) as usize))
    } else if point as usize > all.len() {
        format!("{all}{}", "0".repeat(point as usize - all.len()))
    } else {
        all
    };
    let point = point.max(1) as usize;
    let (whole, fraction) = padded.split_at(point);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// Commas between thousands in the whole part: `48593.6` → `48,593.6`.
fn group_thousands(number: &str) -> String {
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::corpus::FigureKind;

    fn figure(value: f64, value_text: Option<&str>, unit: &str, bounded: Option<&str>) -> Figure {
        Figure {
            id: "f".into(),
            item: "i".into(),
            region: "r".into(),
            indicator: "x".into(),
            value,
            value_text: value_text.map(Into::into),
            unit: unit.into(),
            bounded: bounded.map(Into::into),
            scope: None,
            note: None,
            period: "2022".into(),
            kind: FigureKind::Actual,
            sentence: String::new(),
        }
    }

    #[test]
    fn amounts_move_by_whole_places_into_english_units() {
        assert_eq!(amount_en(48593.6, "亿元"), "4,859.36 billion yuan");
        assert_eq!(amount_en(47723.0, "亿元"), "4,772.3 billion yuan");
        assert_eq!(amount_en(0.5, "亿元"), "0.05 billion yuan");
        assert_eq!(amount_en(1.74, "万亿元"), "1.74 trillion yuan");
        assert_eq!(amount_en(1804.0, "万人"), "18,040 thousand people");
        assert_eq!(amount_en(4.5, "万件"), "45 thousand");
        assert_eq!(amount_en(26.9, "%"), "26.9%");
        assert_eq!(amount_en(-5.6, "%"), "-5.6%");
        assert_eq!(amount_en(2000.0, "家"), "2,000 enterprises");
        assert_eq!(amount_en(45.0, "个"), "45");
        assert_eq!(amount_en(1.0, "个百分点"), "1 percentage point");
        assert_eq!(amount_en(0.4, "个百分点"), "0.4 percentage points");
        assert_eq!(amount_en(3.0, "位"), "3rd");
        assert_eq!(amount_en(12.0, "位"), "12th");
        assert_eq!(amount_en(21.0, "位"), "21st");
        // A unit without English keeps its own word rather than lose it.
        assert_eq!(amount_en(7.0, "座"), "7 座");
    }

    #[test]
    fn decimal_shifts_are_exact() {
        assert_eq!(shift_decimal("48593.6", -1), "4859.36");
        assert_eq!(shift_decimal("0.05", -1), "0.005");
        assert_eq!(shift_decimal("3", -1), "0.3");
        assert_eq!(shift_decimal("70", 1), "700");
        assert_eq!(shift_decimal("3.58", 1), "35.8");
        assert_eq!(shift_decimal("-1.25", 1), "-12.5");
        assert_eq!(shift_decimal("10", -1), "1");
        assert_eq!(group_thousands("1234567.891"), "1,234,567.891");
        assert_eq!(group_thousands("-999"), "-999");
    }

    #[test]
    fn bounds_number_words_and_ratios_read_in_english() {
        let cases = [
            (
                figure(5.0, None, "万家", Some("超 5 万家")),
                "over 50 thousand enterprises",
            ),
            (
                figure(300.0, None, "家", Some("300 多家")),
                "over 300 enterprises",
            ),
            (
                figure(70.0, None, "万户", Some("70 余万户")),
                "over 700 thousand",
            ),
            (figure(24.0, None, "%", Some("24%以上")), "at least 24%"),
            (
                figure(180.0, None, "家", Some("180 家左右")),
                "about 180 enterprises",
            ),
            (
                figure(16.0, None, "万亿元", Some("预计突破 16 万亿元")),
                "expected to exceed 16 trillion yuan",
            ),
            (
                figure(35.0, None, "%", Some("约占江苏省比重的 35%")),
                "about 35%",
            ),
            (
                figure(33.3, Some("三分之一"), "%", Some("接近三分之一")),
                "nearly one third",
            ),
            (
                figure(60.0, Some("6 成"), "%", Some("超过 6 成")),
                "over 60%",
            ),
            (figure(14.29, Some("1/7"), "%", None), "1/7"),
            (figure(1.0, Some("1∶1"), "比", None), "1:1"),
            (figure(1.0, Some("榜首"), "位", None), "1st"),
            (figure(3.0, Some("3"), "位", None), "3rd"),
            (
                figure(1.0, Some("1.0"), "个百分点", None),
                "1.0 percentage points",
            ),
            (figure(2.0, Some("两个"), "个", None), "2"),
        ];
        for (f, en) in cases {
            assert_eq!(figure_en(&f), en, "{:?}", f.bounded.or(f.value_text));
        }
        assert_eq!(bound_en("据说 100 家"), None);
    }

    #[test]
    fn a_sentence_bounds_its_number_before_after_or_past_the_unit() {
        let bounded = [
            ("无担保贷款可达到 50%（具体标准）", "50", "%"),
            ("规上企业 300 多家", "300", "家"),
            ("占比 24%以上、新增", "24", "%"),
            ("约 180 家", "180", "家"),
        ];
        for (sentence, printed, unit) in bounded {
            assert!(sentence_bounds(sentence, printed, unit), "{sentence}");
        }
        let plain = [
            ("增长 50%，超过 150 家", "50", "%"),
            ("超过 150 家，新增 5 家", "5", "家"),
            ("新增 8 家国家级", "8", "家"),
        ];
        for (sentence, printed, unit) in plain {
            assert!(!sentence_bounds(sentence, printed, unit), "{sentence}");
        }
    }

    #[test]
    fn unit_lines_name_the_unit() {
        assert_eq!(unit_name_en("亿元"), "billion yuan");
        assert_eq!(unit_name_en("个"), "number");
        assert_eq!(unit_name_en("位"), "rank");
        assert_eq!(unit_name_en("%"), "%");
    }
}
