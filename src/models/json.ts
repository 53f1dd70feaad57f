/**
 * A rendered model: plain JSON (what HTTP responses carry and RPC callers receive). Values are
 * `any` because a recursive JSON type is too deep for the RPC stub types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonObject = Record<string, any>;
