/** Plain JSON: what every model renders to, what HTTP responses carry and RPC callers receive. */
export type JsonValue = string | number | boolean | null | JsonObject | JsonArray;
export interface JsonObject {
  [key: string]: JsonValue;
}
export interface JsonArray extends Array<JsonValue> {}
