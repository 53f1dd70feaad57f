import { fromBase64Lenient, timingSafeEqual, toBase64, utf8 } from './encoding';

/** What our JWTs carry, in Appwrite's claim order (sessions-tokens.md §9). */
export interface JwtClaims {
  userId: string;
  sessionId: string;
  exp: number;
}

/** Appwrite's JWT library accepts tokens at most this old (`iat`) and signs with HS256 only. */
const MAX_AGE = 3600;
const HEADER = base64Url(utf8('{"typ":"JWT","alg":"HS256"}'));
const KNOWN_ALGORITHMS = new Set(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512']);

function base64Url(bytes: Uint8Array): string {
  return toBase64(bytes, false).replaceAll('+', '-').replaceAll('/', '_');
}

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  return key;
}

async function signature(input: string, secret: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), utf8(input))));
}

/** `{"typ":"JWT","alg":"HS256"}.{"userId","sessionId","exp"}.HMAC-SHA256`, byte-exact with Appwrite. */
export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  const payload = base64Url(utf8(JSON.stringify({ userId: claims.userId, sessionId: claims.sessionId, exp: claims.exp })));
  const input = `${HEADER}.${payload}`;
  return `${input}.${await signature(input, secret)}`;
}

export type JwtVerification = { ok: true; payload: Record<string, unknown> } | { ok: false; reason: string };

class JwtFailure extends Error {}

/** PHP's `json_decode(base64_decode(strtr(s, '-_', '+/')))` as adhocore/php-jwt decodes segments. */
function decodeSegment(segment: string): Record<string, unknown> {
  const text = new TextDecoder().decode(fromBase64Lenient(segment.replaceAll('-', '+').replaceAll('_', '/')));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new JwtFailure('JSON failed: Syntax error');
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * Verifies as adhocore/php-jwt 1.1 does with Appwrite's settings (HS256, max age 3600 s, leeway 0)
 * and returns its failure text (`Invalid token: Expired`, …) for `Failed to verify JWT. <reason>`.
 */
export async function verifyJwt(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<JwtVerification> {
  try {
    if (token.split('.').length < 3) throw new JwtFailure('Invalid token: Incomplete segments');
    const first = token.indexOf('.');
    const second = token.indexOf('.', first + 1);
    const [head, body, signed] = [token.slice(0, first), token.slice(first + 1, second), token.slice(second + 1)];
    const header = decodeSegment(head);
    if (!header.alg) throw new JwtFailure('Invalid token: Missing header algo');
    if (typeof header.alg !== 'string' || !KNOWN_ALGORITHMS.has(header.alg)) throw new JwtFailure('Invalid token: Unsupported header algo');
    if (header.kid !== undefined && header.kid !== null) throw new JwtFailure('Invalid token: Unknown key ID');
    if (!timingSafeEqual(await signature(`${head}.${body}`, secret), signed)) throw new JwtFailure('Invalid token: Signature failed');
    const payload = decodeSegment(body);
    const time = (name: string) => (payload[name] === undefined || payload[name] === null ? null : Number(payload[name]));
    const exp = time('exp');
    const iat = time('iat');
    const nbf = time('nbf');
    if (exp !== null && nowSeconds >= exp) throw new JwtFailure('Invalid token: Expired');
    if (iat !== null && nowSeconds >= iat + MAX_AGE) throw new JwtFailure('Invalid token: Expired');
    if (nbf !== null && nowSeconds <= nbf) throw new JwtFailure('Invalid token: Not now');
    return { ok: true, payload };
  } catch (error) {
    if (error instanceof JwtFailure) return { ok: false, reason: error.message };
    throw error;
  }
}
