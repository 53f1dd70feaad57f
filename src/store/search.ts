import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { literal } from './literal';

/**
 * The FTS5 tables behind `search` (created and kept in sync by triggers in
 * drizzle/0003_search_index.sql): a trigram index with one column per field and a word index.
 */
export interface SearchIndex {
  grams: string;
  words: string;
}

export const usersSearchIndex: SearchIndex = { grams: 'users_search_grams', words: 'users_search_words' };
export const identitiesSearchIndex: SearchIndex = { grams: 'identities_search_grams', words: 'identities_search_words' };

/** MATCH expressions for the two tables; null skips a table. */
export interface SearchMatch {
  grams: string | null;
  words: string | null;
}

/** `seq in (rowids matching either index)`. */
export function searchCondition(seq: SQLiteColumn, index: SearchIndex, match: SearchMatch): SQL {
  const parts: SQL[] = [];
  if (match.grams) parts.push(matching(index.grams, match.grams));
  if (match.words) parts.push(matching(index.words, match.words));
  if (parts.length === 0) return sql`0`;
  return sql`${seq} in (${sql.join(parts, sql` union `)})`;
}

/**
 * The same set as {@link searchCondition}, one arm per FTS table (FTS5 returns rowids in order,
 * and takes rowid bounds with MATCH), for reading a lone `search` straight from the index.
 */
export function searchArms(index: SearchIndex, match: SearchMatch): Array<{ from: SQL; seq: SQL; where: SQL }> {
  const arm = (table: string, expression: string) => ({
    from: sql`${sql.identifier(table)}`,
    seq: sql`rowid`,
    where: sql`${sql.identifier(table)} match ${literal(expression)}`,
  });
  return [...(match.grams ? [arm(index.grams, match.grams)] : []), ...(match.words ? [arm(index.words, match.words)] : [])];
}

/** Rows whose `column` (a column of the trigram table) contains any of `values` (3+ chars each). */
export function substringCandidates(seq: SQLiteColumn, index: SearchIndex, column: string, values: string[]): SQL {
  const match = values.map((v) => `${column} : "${v.replaceAll('"', '""')}"`).join(' OR ');
  return sql`${seq} in (${matching(index.grams, match)})`;
}

const matching = (table: string, match: string) =>
  sql`select rowid from ${sql.identifier(table)} where ${sql.identifier(table)} match ${literal(match)}`;
