/**
 * How a `search` term becomes full-text matches (queries.md §8.3; rules in README "Queries and
 * search"). The result is a pair of FTS5 MATCH expressions, one per index:
 *
 * - `grams` runs against a trigram index (case- and accent-insensitive substrings of 3+ chars):
 *   every word Appwrite would match exactly, the last-word prefix, and every whitespace-separated
 *   piece of the raw term as typed (so `do@man`, `+3361`, `_x-y` and mid-word fragments match);
 *   for a `"phrase"`, the text between the quotes as one piece.
 *   Appwrite matches whole tokens; a substring match is a superset of that.
 * - `words` runs against a word index (unicode61, `_` is a word character, 1- and 2-char prefix
 *   indexes): Appwrite's 1–2 character last-word prefix (`ma` → `manchester`), which trigrams
 *   cannot answer, and Appwrite's exact `"phrase"` form.
 *
 * A row matches if either expression matches (Appwrite ORs its terms too).
 */
export interface SearchPlan {
  grams: string | null;
  words: string | null;
}

/** MariaDB's default InnoDB fulltext stopwords; Appwrite drops them as exact terms. */
const STOPWORDS = new Set(
  'a about an are as at be by com de en for from how i in is it la of on or that the this to was what when where who will with und www'.split(' '),
);

/** Appwrite replaces these with spaces before handing the term to MariaDB (`getFulltextValue`). */
const RESERVED = /[@,+\-*)(<>~"]/g;
const WORD = /[\p{L}\p{N}_]+/gu;
const MIN_TOKEN = 3;
const MAX_TOKEN = 84;

const length = (s: string) => [...s].length;
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
const indexable = (word: string) => length(word) >= MIN_TOKEN && length(word) <= MAX_TOKEN && !STOPWORDS.has(word);

/** Null when nothing can match (an empty rewrite, e.g. `>`), which Appwrite answers with no rows. */
export function planSearch(raw: string): SearchPlan | null {
  // FTS5 cannot parse a NUL inside a MATCH string, and no indexed text can hold one usefully.
  const term = raw.replaceAll('\0', ' ');
  const exact = term.startsWith('"') && term.endsWith('"');
  const rewritten = term.replace(RESERVED, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  // PHP's empty() is also true for "0".
  if (rewritten === '' || rewritten === '0') return null;
  const words = rewritten.match(WORD) ?? [];
  const inner = exact ? term.slice(1, -1).toLowerCase() : null;
  // A phrase is one piece; otherwise every whitespace-separated piece as typed.
  const pieces = (inner !== null ? [inner.trim()] : term.toLowerCase().split(/\s+/)).filter(indexable);
  const grams = new Set(pieces);
  let wordsMatch: string | null = null;
  if (exact) {
    if (words.length > 0) wordsMatch = quote(words.join(' '));
  } else {
    const prefix = /[\p{L}\p{N}_]$/u.test(rewritten) ? words.pop() : undefined;
    for (const word of words) if (indexable(word)) grams.add(word);
    if (prefix !== undefined) {
      if (length(prefix) >= MIN_TOKEN) grams.add(prefix);
      else wordsMatch = `${quote(prefix)}*`;
    }
  }
  const gramsMatch = grams.size > 0 ? [...grams].map(quote).join(' OR ') : null;
  if (!gramsMatch && !wordsMatch) return null;
  return { grams: gramsMatch, words: wordsMatch };
}
