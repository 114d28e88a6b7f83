// Real queries for the search latency probe, and how a person enters each one.

import { readFileSync } from 'node:fs';

// The brief's list, then a few more taken from data/corpus (policy titles and 文号); shared with
// the native benchmark (benches/search.rs), which types them the same way.
export const QUERIES = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));

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
