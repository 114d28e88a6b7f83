// Real queries for the search latency probe, and how a person enters each one.

// The brief's list, then a few more taken from data/corpus (policy titles and 文号).
export const QUERIES = [
  '制造业', '数字化转型', '专精特新', '工业增加值', '产业集群', '江苏', 'gwy', 'foshan', 'zhizaoye',
  '粤府〔2021〕53号', '粤府[2021]53号', '工信部 制造业', '新能源汽车', '研发投入',
  '智能制造', '工业互联网', '碳达峰', '机器人', '深府规〔2021〕1号', 'shenzhen',
];

/** What the user types in the search boxes of the timing runs. */
export const TIMING_QUERY = '制造业';

/**
 * The successive values of the search box while `query` is typed: every ASCII character is a
 * keystroke ("g", "gw", "gwy"); a run of other characters (Chinese words, 〔〕) is one IME
 * commit; a space goes in with the word after it, so several words arrive word by word.
 */
export function keystrokesOf(query) {
  const tokens = query.match(/\s*(?:[\x21-\x7e]|[^\x00-\x7f\s]+)/g) ?? [];
  return tokens.map((_, i) => tokens.slice(0, i + 1).join(''));
}
