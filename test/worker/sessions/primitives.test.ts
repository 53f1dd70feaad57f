import { describe, expect, it } from 'vitest';
import { decryptText, encryptJson, decryptJson, encryptText } from '../../../src/crypto/at-rest';
import { signJwt, verifyJwt } from '../../../src/crypto/jwt';
import { decodeSessionCredential, encodeSessionCredential } from '../../../src/crypto/session-credential';
import { base32Decode, base32Encode, newTotpSecret, provisioningUri, totpCode } from '../../../src/crypto/totp';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  const secret = base32Encode(new TextEncoder().encode('12345678901234567890'));

  it('encodes the RFC secret as the spec says', () => {
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(new TextDecoder().decode(base32Decode(secret))).toBe('12345678901234567890');
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at t=%i gives %s', async (t, code) => {
    expect(await totpCode(secret, t)).toBe(code);
  });

  it('makes 103-character secrets from 64 random bytes', () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{103}$/);
  });

  it('builds the provisioning URI with RFC 3986 encoding', () => {
    expect(provisioningUri('My Project', 'alice+mfa@example.com', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/My%20Project%3Aalice%2Bmfa%40example.com?issuer=My%20Project&secret=JBSWY3DPEHPK3PXP',
    );
  });

  it('strips `:` from issuer and label instead of failing', () => {
    expect(provisioningUri('A:B', 'c:d', 'S')).toBe('otpauth://totp/AB%3Acd?issuer=AB&secret=S');
  });
});

describe('JWT (HS256, byte-exact with Appwrite)', () => {
  const vector =
    'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJhbGljZSIsInNlc3Npb25JZCI6IiIsImV4cCI6MTcwMDAwMDkwMH0.rlcETQaa8sZk-X_zsYlzjhmp-ccMkEpulWqh3DEu-SA';

  it('signs the spec vector', async () => {
    expect(await signJwt({ userId: 'alice', sessionId: '', exp: 1700000900 }, 'secret-key')).toBe(vector);
  });

  it('verifies until exp and fails with "Invalid token: Expired" at exp', async () => {
    expect((await verifyJwt(vector, 'secret-key', 1700000899)).ok).toBe(true);
    expect(await verifyJwt(vector, 'secret-key', 1700000900)).toEqual({ ok: false, reason: 'Invalid token: Expired' });
  });

  it.each([
    ['a.b', 'Invalid token: Incomplete segments'],
    ['!!!.b.c', 'JSON failed: Syntax error'],
    [`${btoa('{"typ":"JWT"}')}.e30.x`, 'Invalid token: Missing header algo'],
    [`${btoa('{"alg":"none"}')}.e30.x`, 'Invalid token: Unsupported header algo'],
    [`${btoa('{"alg":"HS256","kid":"k"}')}.e30.x`, 'Invalid token: Unknown key ID'],
    [`${vector.slice(0, -2)}xx`, 'Invalid token: Signature failed'],
    [`${vector}=`, 'Invalid token: Signature failed'],
  ])('rejects %s with %s', async (token, reason) => {
    expect(await verifyJwt(token, 'secret-key', 1700000000)).toEqual({ ok: false, reason });
  });

  it('rejects a token signed with another key', async () => {
    expect(await verifyJwt(vector, 'other-key', 1700000000)).toEqual({ ok: false, reason: 'Invalid token: Signature failed' });
  });
});

describe('encoded session credential', () => {
  it('matches the spec vector', () => {
    const encoded = encodeSessionCredential('6543abc', 'ab'.repeat(128));
    expect(encoded.startsWith('eyJpZCI6IjY1NDNhYmMiLCJzZWNyZXQiOiJhYmFiYWJhYmFiYWJhYmFiYWJh')).toBe(true);
    expect(encoded).toHaveLength(380);
  });

  it('decodes raw, URL-encoded and unpadded forms; anything else is no session', () => {
    const encoded = encodeSessionCredential('u1', 'ff');
    expect(decodeSessionCredential(encoded)).toEqual({ id: 'u1', secret: 'ff' });
    expect(decodeSessionCredential(encodeURIComponent(encoded))).toEqual({ id: 'u1', secret: 'ff' });
    expect(decodeSessionCredential(encoded.replace(/=+$/, ''))).toEqual({ id: 'u1', secret: 'ff' });
    expect(decodeSessionCredential('not a session')).toBeNull();
    expect(decodeSessionCredential(btoa('[1,2]'))).toBeNull();
  });
});

describe('encryption at rest (AES-256-GCM)', () => {
  it('round-trips and never stores the plaintext', async () => {
    const stored = await encryptText('JBSWY3DPEHPK3PXP', KEY);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(await decryptText(stored, KEY)).toBe('JBSWY3DPEHPK3PXP');
    expect(await decryptJson(await encryptJson(['a', 'b'], KEY), KEY)).toEqual(['a', 'b']);
  });

  it('uses a fresh IV each time and refuses another key', async () => {
    expect(await encryptText('x', KEY)).not.toBe(await encryptText('x', KEY));
    await expect(decryptText(await encryptText('x', KEY), 'ff'.repeat(32))).rejects.toThrow();
  });
});
