import { fromBase64Lenient, toBase64, utf8 } from './encoding';

/** What clients hold as a session "secret": base64 of `{"id":"<userId>","secret":"<256 hex>"}` (sessions-tokens.md §2.4). */
export function encodeSessionCredential(userId: string, secret: string): string {
  return toBase64(utf8(JSON.stringify({ id: userId, secret })), true);
}

/**
 * Lenient like Appwrite: URL-decoding (cookies are written URL-encoded, `+` stays `+`), PHP's
 * forgiving base64, then JSON. Anything that is not `{id, secret}` strings means "no session".
 */
export function decodeSessionCredential(value: string): { id: string; secret: string } | null {
  let raw = value;
  try {
    raw = decodeURIComponent(value);
  } catch {
    // not URL-encoded: use as is
  }
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(fromBase64Lenient(raw)));
    if (!parsed || typeof parsed !== 'object') return null;
    const { id, secret } = parsed as Record<string, unknown>;
    return typeof id === 'string' && id && typeof secret === 'string' && secret ? { id, secret } : null;
  } catch {
    return null;
  }
}
