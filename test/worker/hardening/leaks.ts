/**
 * Text an error answer must never carry: stack frames, runtime and database error text, source
 * paths. Appwrite's own messages never contain any of these.
 */
const INTERNALS = [
  /\bat \S+ \(.*:\d+:\d+\)/, // a stack frame
  /\.(ts|js|mjs):\d+/,
  /D1_(ERROR|EXEC|TYPE)/i,
  /SQLITE_/,
  /\bsqlite\b/i,
  /no such (table|column|function)/i,
  /near ".*": syntax error/, // SQLite's, not the query parser's own "Syntax error"
  /TypeError|ReferenceError|RangeError|SyntaxError/,
  /\bundefined\b.*\bproperty\b|\bproperty\b.*\bundefined\b/,
  /node_modules|src\//,
  /Durable Object|workerd|internal error/i,
  /RAISE:/,
  /injected fault/i,
];

export function leaks(text: string): string | null {
  const hit = INTERNALS.find((pattern) => pattern.test(text));
  return hit ? `${hit} in ${text.slice(0, 200)}` : null;
}
