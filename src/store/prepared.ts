import { fillPlaceholders } from 'drizzle-orm';
import type { Database } from './database';

type Values = Record<string, unknown>;

/** What Drizzle's `db.batch` takes from an item: its prepared form (SQL, bound statement, row mapping). */
interface Preparable {
  _prepare(): { getQuery(): { sql: string; params: unknown[] } };
}

export interface Prepared<Row> {
  all(values?: Values): Promise<Row[]>;
  get(values?: Values): Promise<Row | undefined>;
  getQuery(): { sql: string; params: unknown[] };
}

/**
 * A read of fixed shape whose SQL is built and rendered once per Drizzle instance (one per isolate)
 * instead of on every call: Drizzle's select building and rendering is the largest share of a read
 * route's own CPU time (`npm run profile`). `build` spells each varying value as
 * `sql.placeholder(name)`; every call binds them. Only the values change between calls, never the SQL.
 */
export function preparedRead<Q extends PromiseLike<Row[]> & { prepare(): unknown }, Row = Awaited<Q>[number]>(build: (db: Database) => Q) {
  const prepared = oncePerDatabase((db) => build(db).prepare() as Prepared<Row>);
  return {
    all: (db: Database, values: Values): Promise<Row[]> => prepared(db).all(values),
    get: (db: Database, values: Values): Promise<Row | undefined> => prepared(db).get(values),
    /**
     * The same read with its values bound, as an item of `db.batch` (typed as the query it stands
     * for, so the batch's results keep their types) or awaited on its own.
     */
    bound: (db: Database, values: Values): Q => bindPrepared(prepared(db), values) as unknown as Q,
  };
}

/** `build(db)` computed once per Drizzle instance (one per isolate) and reused. */
export function oncePerDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) cache.set(db, (value = build(db)));
    return value;
  };
}

/**
 * A prepared statement with its values bound, as an item of `db.batch` (the batch binds
 * `getQuery().params` to the statement and maps rows as the prepared query does) or awaited alone.
 */
export function bindPrepared<Row>(p: Prepared<Row>, values: Values): PromiseLike<Row[]> {
  const { sql, params } = p.getQuery();
  const query = { sql, params: fillPlaceholders(params, values) };
  const view = Object.assign(Object.create(p) as object, { getQuery: () => query });
  const item: Preparable & PromiseLike<Row[]> = {
    _prepare: () => view as ReturnType<Preparable['_prepare']>,
    then: (resolve, reject) => p.all(values).then(resolve, reject),
  };
  return item;
}
