import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_WRONG_ANSWERS, THROTTLES } from '../../../src/durable/throttle';
import { call } from '../helpers/api';
import { asSession, currentTotp, serverSession, userWithPassword } from '../sessions/helpers';

/** A user with a verified TOTP authenticator and a session to answer challenges with. */
async function totpUser() {
  const user = await userWithPassword();
  const { secret: session } = await serverSession(user.$id);
  const created = await call('POST', '/v1/account/mfa/authenticators/totp', asSession(session));
  const verified = await call('PUT', '/v1/account/mfa/authenticators/totp', asSession(session, { body: { otp: await currentTotp(created.body.secret) } }));
  expect(verified.status).toBe(200);
  return { user, session, totpSecret: created.body.secret as string };
}

const newChallenge = (session: string) => call('POST', '/v1/account/mfa/challenge', asSession(session, { body: { factor: 'totp' } }));
const answer = (session: string, challengeId: string, otp: string) =>
  call('PUT', '/v1/account/mfa/challenge', asSession(session, { body: { challengeId, otp } }));
/** A code that is not the current one. */
const wrongCode = (right: string) => String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
const challengeExists = async (id: string) => (await env.DB.prepare('select 1 from challenges where id = ?').bind(id).first()) !== null;

describe('PUT /v1/account/mfa/challenge resists guessing', () => {
  it(`deletes a challenge at its ${CHALLENGE_WRONG_ANSWERS}th wrong code: the right code then fails`, async () => {
    const { session, totpSecret } = await totpUser();
    const challenge = (await newChallenge(session)).body;
    const wrong = wrongCode(await currentTotp(totpSecret));
    for (let i = 1; i <= CHALLENGE_WRONG_ANSWERS; i++) {
      const res = await answer(session, challenge.$id, wrong);
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('user_invalid_token');
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(THROTTLES.challengeAnswer));
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(THROTTLES.challengeAnswer - i));
      expect(await challengeExists(challenge.$id)).toBe(i < CHALLENGE_WRONG_ANSWERS);
    }
    const right = await answer(session, challenge.$id, await currentTotp(totpSecret));
    expect(right.status).toBe(401);
    expect(right.body.type).toBe('user_invalid_token');
  });

  it('fewer wrong codes leave the challenge answerable', async () => {
    const { session, totpSecret } = await totpUser();
    const challenge = (await newChallenge(session)).body;
    for (let i = 1; i < CHALLENGE_WRONG_ANSWERS; i++) expect((await answer(session, challenge.$id, wrongCode(await currentTotp(totpSecret)))).status).toBe(401);
    const right = await answer(session, challenge.$id, await currentTotp(totpSecret));
    expect(right.status).toBe(200);
    expect(right.body.factors).toContain('totp');
  });

  it(`allows ${THROTTLES.challengeAnswerPerUser} answers an hour per user, across fresh challenges: then 429 even for the right code`, async () => {
    const { session, totpSecret } = await totpUser();
    let answered = 0;
    while (answered < THROTTLES.challengeAnswerPerUser) {
      const challenge = (await newChallenge(session)).body;
      for (let i = 1; i < CHALLENGE_WRONG_ANSWERS && answered < THROTTLES.challengeAnswerPerUser; i++, answered++) {
        expect((await answer(session, challenge.$id, wrongCode(await currentTotp(totpSecret)))).status).toBe(401);
      }
    }
    const fresh = (await newChallenge(session)).body;
    const limited = await answer(session, fresh.$id, await currentTotp(totpSecret));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      type: 'general_rate_limit_exceeded',
      message: 'Rate limit for the current endpoint has been exceeded. Please try again after some time.',
    });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('holds under 100 concurrent wrong codes: the gate evaluates only what the limits allow', async () => {
    const { user, session, totpSecret } = await totpUser();
    const sessionBefore = (await call('GET', `/v1/users/${user.$id}/sessions`)).body.sessions[0];
    const challenge = (await newChallenge(session)).body;
    const wrong = wrongCode(await currentTotp(totpSecret));
    const results = await Promise.all(Array.from({ length: 100 }, () => answer(session, challenge.$id, wrong)));
    const statuses = results.map((r) => r.status);
    const count = (status: number) => statuses.filter((s) => s === status).length;
    console.log(`100 concurrent wrong TOTP codes: ${count(401)} × 401, ${count(429)} × 429, ${count(200)} × 200`);
    expect(count(200)).toBe(0);
    expect(count(401)).toBe(THROTTLES.challengeAnswer);
    expect(count(429)).toBe(100 - THROTTLES.challengeAnswer);
    expect(await challengeExists(challenge.$id)).toBe(false);
    // The right code is refused too, and the session was never updated by a challenge.
    const fresh = (await newChallenge(session)).body;
    expect((await answer(session, fresh.$id, await currentTotp(totpSecret))).status).toBe(429);
    const sessionAfter = (await call('GET', `/v1/users/${user.$id}/sessions`)).body.sessions[0];
    expect(sessionAfter.mfaUpdatedAt).toBe(sessionBefore.mfaUpdatedAt);
    expect(sessionAfter.factors).toEqual(sessionBefore.factors);
  });
});

describe('POST /v1/account/mfa/challenge', () => {
  it(`allows ${THROTTLES.challengeCreate} challenges an hour per user, then 429 with X-RateLimit headers`, async () => {
    const { session } = await totpUser();
    for (let i = 1; i <= THROTTLES.challengeCreate; i++) {
      const res = await newChallenge(session);
      expect(res.status).toBe(201);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(THROTTLES.challengeCreate - i));
    }
    const limited = await call('POST', '/v1/account/mfa/challenges', asSession(session, { body: { factor: 'totp' } }));
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe('general_rate_limit_exceeded');
    expect(limited.headers.get('x-ratelimit-limit')).toBe(String(THROTTLES.challengeCreate));
  });
});

describe('POST /v1/account/jwts', () => {
  it(`allows ${THROTTLES.accountJwt} JWTs an hour per user, then 429; the Users API route is not limited`, async () => {
    const user = await userWithPassword();
    const { secret } = await serverSession(user.$id);
    for (let i = 1; i <= THROTTLES.accountJwt; i++) {
      const res = await call('POST', i % 2 ? '/v1/account/jwts' : '/v1/account/jwt', asSession(secret));
      expect(res.status).toBe(201);
      if (i === 1) expect(res.headers.get('x-ratelimit-limit')).toBe(String(THROTTLES.accountJwt));
    }
    const limited = await call('POST', '/v1/account/jwts', asSession(secret));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await call('POST', `/v1/users/${user.$id}/jwts`, { body: {} })).status).toBe(201);
  });
});
