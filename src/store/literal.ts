import { sql, type SQL } from 'drizzle-orm';

/**
 * A query value written into the SQL text instead of bound. D1 allows at most 100 bound
 * parameters per statement, while Appwrite accepts 500 values per query and any number of
 * queries. SQLite string literals only need `'` doubled; a NUL (which would end the SQL text)
 * goes through a hex blob instead.
 */
export function literal(value: string | number): SQL {
  if (typeof value === 'number') return sql.raw(String(value));
  if (value.includes('\0')) return sql.raw(`cast(x'${[...new TextEncoder().encode(value)].map((b) => b.toString(16).padStart(2, '0')).join('')}' as text)`);
  return sql.raw(`'${value.replaceAll("'", "''")}'`);
}

/** `a, b, c` of literals, for `in (…)`. */
export const literalList = (values: Array<string | number>) => sql.join(values.map(literal), sql`, `);
