import { describe, expect, it } from 'vitest';
import { isValidEmail } from '../../src/validation/email';
import { isCustomId, isUid, uniqueId } from '../../src/validation/ids';
import { isValidPhone } from '../../src/validation/phone';

describe('email (PHP FILTER_VALIDATE_EMAIL)', () => {
  it.each(['a@b.c', 'A@B.COM', 'a+b@c.com', 'a_b@c.com', 'a@123.com', 'a@b.c1', 'a@b.co-m', 'a@[127.0.0.1]', '"ab"@c.com', "a'b@c.com"])(
    'accepts %s',
    (email) => expect(isValidEmail(email)).toBe(true),
  );
  it.each(['a@localhost', 'a@b', 'a..b@c.com', '.a@b.com', 'a.@b.com', 'a@b.123', 'a@1.2.3.4', 'a@-b.com', 'a@b_c.com', 'üser@b.com', 'a@bü.com', '"a b"@c.com', 'a@b.com ', `${'a'.repeat(65)}@b.com`])(
    'rejects %s',
    (email) => expect(isValidEmail(email)).toBe(false),
  );
});

describe('phone (E.164 with an assigned calling code)', () => {
  it.each(['+123456789012', '+910000000000', '+14155550100', '+80012345678'])('accepts %s', (p) => expect(isValidPhone(p)).toBe(true));
  it.each(['+2101234567', '123456789', '+0123456789', '+1234567890123456', '+123456', '+1 415 555 0100'])('rejects %s', (p) =>
    expect(isValidPhone(p)).toBe(false),
  );
});

describe('ids', () => {
  it('accepts Appwrite ids and unique()', () => {
    expect(isCustomId('unique()')).toBe(true);
    expect(isUid('unique()')).toBe(false);
    for (const id of ['a', 'A.b-c_d', 'x'.repeat(36)]) expect(isUid(id)).toBe(true);
    for (const id of ['', '_a', '.a', '-a', '$a', 'x'.repeat(37), 'a%20b']) expect(isUid(id)).toBe(false);
  });

  it('generates time-ordered 20-char hex ids', () => {
    const a = uniqueId(1_700_000_000_000);
    const b = uniqueId(1_700_000_001_000);
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(a.slice(0, 13) < b.slice(0, 13)).toBe(true);
  });
});
