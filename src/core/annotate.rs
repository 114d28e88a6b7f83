//! Marks the figures inside a paragraph, so the view can link each number to its comparison.

use super::corpus::Figure;
use super::hygiene::squash;

/// A run of paragraph text; `figure` is set on the run that prints a figure's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub figure: Option<String>,
}

/// Splits `paragraph` into runs, marking for each figure whose sentence is in the paragraph
/// the first occurrence of its printed value inside that sentence.
pub fn annotate(paragraph: &str, figures: &[&Figure]) -> Vec<Span> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut owner: Vec<Option<usize>> = vec![None; chars.len()];
    for (n, f) in figures.iter().enumerate() {
        let Some(sentence) = find_loose(&chars, &f.sentence, 0) else {
            continue;
        };
        let printed = f.printed_value();
        if let Some((from, to)) = find_loose(&chars, &printed, sentence.0) {
            if to <= sentence.1 && owner[from..to].iter().all(Option::is_none) {
                owner[from..to].iter_mut().for_each(|o| *o = Some(n));
            }
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let figure = owner[i].map(|n| figures[n].id.clone());
        match spans.last_mut() {
            // A new figure run starts where the owner changes.
            Some(last)
                if last.figure == figure && (figure.is_none() || owner[i] == owner[i - 1]) =>
            {
                last.text.push(*c)
            }
            _ => spans.push(Span {
                text: c.to_string(),
                figure,
            }),
        }
    }
    spans
}

/// The char range of `needle` in `chars` at or after `from`, ignoring white space on both
/// sides (the PDF put spaces in arbitrary places).
fn find_loose(chars: &[char], needle: &str, from: usize) -> Option<(usize, usize)> {
    let needle: Vec<char> = squash(needle).chars().collect();
    if needle.is_empty() {
        return None;
    }
    'start: for start in from..chars.len() {
        if chars[start].is_whitespace() {
            continue;
        }
        let (mut i, mut k) = (start, 0);
        while k < needle.len() {
            if i >= chars.len() {
                continue 'start;
            }
            if chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            if chars[i] != needle[k] {
                continue 'start;
            }
            i += 1;
            k += 1;
        }
        return Some((start, i));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::FigureKind;

    fn fig(id: &str, value: f64, sentence: &str) -> Figure {
        Figure {
            id: id.into(),
            item: "x".into(),
            region: "guangdong".into(),
            indicator: "i".into(),
            value,
            value_text: None,
            bounded: None,
            scope: None,
            note: None,
            unit: "亿元".into(),
            period: "2022".into(),
            kind: FigureKind::Actual,
            sentence: sentence.into(),
        }
    }

    #[test]
    fn marks_each_figure_value_in_its_sentence() {
        let a = fig("a", 47723.0, "广东以 47723 亿元的工业增加值位居第二。");
        let b = fig("b", 20.8, "汽车制造业增长 20.8%。");
        let p = "2022年，广东以 47723 亿元的工业增加值位居第二。支柱行业中，汽车制造业增长 20.8%。";
        let spans = annotate(p, &[&a, &b]);
        let marked: Vec<(&str, &str)> = spans
            .iter()
            .filter_map(|s| s.figure.as_deref().map(|f| (s.text.as_str(), f)))
            .collect();
        assert_eq!(marked, vec![("47723", "a"), ("20.8", "b")]);
        assert_eq!(spans.iter().map(|s| s.text.as_str()).collect::<String>(), p);
    }

    #[test]
    fn ignores_figures_of_other_paragraphs() {
        let a = fig("a", 1.0, "别处的句子 1。");
        let spans = annotate("这里没有。", &[&a]);
        assert!(spans.iter().all(|s| s.figure.is_none()));
    }
}
