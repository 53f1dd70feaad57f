import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AttributeSpec } from '../collection';

/** Compared and sorted case-insensitively; needs an index on `(<column> collate nocase)`. */
export const nocase = (column: SQLiteColumn): SQL => sql`${column} collate nocase`;

/** `$id`, `$createdAt`, `$updatedAt`: allowed on every document list. */
export const documentAttributes = (columns: { id: SQLiteColumn; createdAt: SQLiteColumn; updatedAt: SQLiteColumn }) =>
  ({
    $id: { type: 'string', expr: columns.id, notNull: true },
    $createdAt: { type: 'datetime', expr: columns.createdAt, notNull: true },
    $updatedAt: { type: 'datetime', expr: columns.updatedAt, notNull: true },
  }) satisfies Record<string, AttributeSpec>;
