/** RFC 6238 TOTP as Appwrite configures otphp (mfa.md §5): HMAC-SHA1, 6 digits, 30 s, no drift window. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD = 30;
const DIGITS = 6;

/** RFC 4648 base32, upper case, without `=` padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const char of text.toUpperCase().replace(/=+$/, '')) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error('Invalid base32 character');
    acc = ((acc << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** A new secret: 64 random bytes → 103 base32 characters, as otphp generates. */
export const newTotpSecret = () => base32Encode(crypto.getRandomValues(new Uint8Array(64)));

export async function totpCode(secret: string, unixSeconds: number): Promise<string> {
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(unixSeconds / PERIOD)));
  const key = await crypto.subtle.importKey('raw', base32Decode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const h = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter.buffer));
  const o = h[19] & 0x0f;
  const code = (((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]) % 10 ** DIGITS;
  return String(code).padStart(DIGITS, '0');
}

/** RFC 3986 encoding (PHP `rawurlencode`): everything but `A-Z a-z 0-9 - _ . ~`. */
const rawUrlEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `otpauth://totp/<issuer:label>?issuer=…&secret=…`. otphp refuses `:` in issuer or label (Appwrite
 * answers 500); we strip it instead.
 */
export function provisioningUri(issuer: string, label: string, secret: string): string {
  const cleanIssuer = issuer.replaceAll(':', '');
  const cleanLabel = label.replaceAll(':', '');
  return `otpauth://totp/${rawUrlEncode(`${cleanIssuer}:${cleanLabel}`)}?issuer=${rawUrlEncode(cleanIssuer)}&secret=${rawUrlEncode(secret)}`;
}
