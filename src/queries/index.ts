/**
 * The Appwrite query engine: `queries` strings (SDK ≥ 1.5 JSON and the pre-1.5 `equal("a", [..])`
 * syntax) and the `search` param → validated → Drizzle SQL, for every list route.
 *
 * Usage in a service (one D1 round trip, including the cursor lookup):
 *
 * ```ts
 * import { compileQueries, identitiesCollection, listPage } from '../queries';
 *
 * const q = compileQueries(input.queries, identitiesCollection, {
 *   search: input.search,              // lists with a search index (users, identities)
 *   scope: eq(targets.userSeq, seq),   // optional: an implicit filter, counted in `total`
 *   legacySyntax: usesLegacyQuerySyntax(format),
 * });
 * const { rows, total } = await listPage(ctx.db, q, (p) =>
 *   ctx.db.select().from(identities).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset),
 * );
 * ```
 *
 * - `compileQueries(raw, collection, options)` throws the exact Appwrite 400s for bad queries
 *   (`general_argument_invalid` ``Invalid `queries` param: …``, `general_query_invalid`). It returns
 *   {@link CompiledQueries}: `where` (filters + search + scope + cursor), `filter` (the same
 *   without the cursor: what `total` counts), `orderBy` (with the creation-sequence tie-breaker),
 *   `limit` (default 25), `offset`, `cursor` and `reverse`.
 * - A lone membership filter (`contains` on labels, or `search`, with no other filter or scope) is
 *   read from its indexes (`membership.ts`, the collection's `containsAnyArms`/`searchArms`): the
 *   total counts index entries without looking users up (`totalSet`), and in creation order the
 *   page's `where` takes only the first `limit + offset` entries past the cursor, so neither grows
 *   with the number of matches.
 * - `listQuery(collection, (db, p) => rows, { scope })` declares a list once; `.run(db, { queries,
 *   search, legacySyntax, countTotal, owner })` validates like `compileQueries`, runs a request that
 *   only sets limit/offset on statements prepared once per isolate, and any other through `listPage`.
 * - `listPage(db, q, rows)` runs the page, the capped total and the cursor document lookup as one
 *   batch, raises `general_cursor_not_found` (each collection's message) and
 *   `database_query_order_null`, and un-reverses `cursorBefore` pages. Select any columns you like
 *   in `rows`, but apply all four clauses.
 * - Collections (allowed attributes, types, cursor message, total cap): `usersCollection`,
 *   `identitiesCollection`, `targetsCollection` (pass the user as `scope`), `logsCollection`
 *   (limit/offset only, newest first, exact total; pass the user as `scope`).
 * - `translateFlatListParams(operationId, params)`: 0.x SDKs' `limit`/`offset`/`cursor`/
 *   `cursorDirection`/`orderType` as JSON queries (the HTTP door applies it to 0.x formats).
 * - `queriesParam`: the `queries` param rule for `validateParams` (``Queries must be an array``).
 */
export { compileQueries, parseQueries, type CompileOptions, type CompiledQueries, type CursorRef } from './compile';
export { listPage, listQuery, type ListRequest, type PageClauses } from './list-page';
export type { AttributeSpec, CollectionSpec } from './collection';
export { usersCollection } from './collections/users';
export { identitiesCollection } from './collections/identities';
export { targetsCollection } from './collections/targets';
export { logsCollection } from './collections/logs';
export { membershipsCollection } from './collections/memberships';
export { translateFlatListParams } from './flat-params';
export { queriesParam, totalParam } from './param';
