import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from './database';

type ColumnValues<T extends SQLiteTable> = Partial<Record<keyof T['_']['columns'], unknown>>;

/**
 * `insert into <table> select <values> <from>`: inserts one row per row the `from` clause yields
 * (none when e.g. the user does not exist), in a form Drizzle can batch (its raw `db.run` cannot
 * carry parameters in a D1 batch). Values are SQL expressions or plain parameters; columns left
 * out get their default, else NULL (which fills the autoincrement key).
 */
export function insertSelect<T extends SQLiteTable>(db: Database, table: T, values: ColumnValues<T>, from: SQL) {
  const given = values as Record<string, unknown>;
  const list = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = given[key] !== undefined ? given[key] : column.default;
    if (value === undefined || value === null) return sql`null`;
    return is(value, SQL) ? value : sql.param(value, column);
  });
  return db.insert(table).select(sql`select ${sql.join(list, sql`, `)} ${from}`);
}
