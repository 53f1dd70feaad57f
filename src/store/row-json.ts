import { getTableColumns, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * How a column's value is written into the row's JSON: booleans and JSON text become JSON values. A
 * column holds JSON when its own driver mapping turns `'{}'` into an object (the schema's `json()`).
 */
function jsonValue(table: string, column: Column): string {
  const ref = `"${table}"."${column.name}"`;
  if (column.dataType === 'boolean') return `json(case when ${ref} then 'true' else 'false' end)`;
  return typeof column.mapFromDriverValue('{}') === 'object' ? `json(${ref})` : ref;
}

/**
 * A whole row as ONE JSON object built by SQLite, so a read renders one column and decodes one
 * JSON.parse per row: Drizzle's rendering and decoding of a many-column selection was the largest
 * share of a list's own CPU time (`npm run profile`). Keys are the schema's, so the parsed object
 * is the row Drizzle would give (tested in test/worker/store/row-json.test.ts).
 */
export function rowJson<T extends SQLiteTable>(table: T) {
  const column = sql.raw(jsonObjectSql(table)) as SQL<string>;
  return { column, parse: (text: string) => JSON.parse(text) as T['$inferSelect'] };
}

/** The `json_object(…)` text of a row of `table` read as `alias`: every column, or the `keys` given. */
export function jsonObjectSql<T extends SQLiteTable>(table: T, alias: string = getTableName(table), keys?: ReadonlyArray<keyof T['_']['columns'] & string>) {
  const columns = getTableColumns(table) as Record<string, Column>;
  return `json_object(${(keys ?? Object.keys(columns)).map((key) => `'${key}', ${jsonValue(alias, columns[key])}`).join(', ')})`;
}
