import { describe, expect, it } from 'vitest';
import { THROTTLES } from '../../../src/durable/throttle';
import { call, uid } from '../helpers/api';
import { login, PASSWORD, userWithPassword } from '../sessions/helpers';

const from = (ip: string) => ({ headers: { 'cf-connecting-ip': ip } });
let next = 0;
/** A client IP no other test uses. */
const ip = () => `203.0.${113 + (Math.floor(++next / 250) % 10)}.${(next % 250) + 1}`;
const tally = (statuses: number[]) => Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]));

describe('login throttle per e-mail, whatever the client IP', () => {
  it(`30 wrong passwords for one e-mail from 30 IPs: ${THROTTLES.login} are checked, the rest get 429`, async () => {
    const user = await userWithPassword();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(user.email, 'wrong-password', from(ip()))).status);
    console.log('30 wrong passwords from 30 IPs:', JSON.stringify(tally(statuses)));
    expect(statuses).toEqual([...Array(THROTTLES.login).fill(401), ...Array(30 - THROTTLES.login).fill(429)]);
  });

  it('a locked-out account does not sign in from another IP, even with the right password', async () => {
    const user = await userWithPassword();
    for (let i = 0; i < THROTTLES.login; i++) await login(user.email, 'wrong-password', from(ip()));
    const res = await login(user.email, PASSWORD, from(ip()));
    expect(res.status).toBe(429);
    expect(res.body.type).toBe('general_rate_limit_exceeded');
    expect(res.headers.get('x-ratelimit-limit')).toBe(String(THROTTLES.login));
  });

  it('holds under 100 concurrent wrong passwords for one e-mail from 100 IPs', async () => {
    const user = await userWithPassword();
    const results = await Promise.all(Array.from({ length: 100 }, () => login(user.email, 'wrong-password', from(ip()))));
    const statuses = results.map((r) => r.status);
    console.log('100 concurrent wrong passwords:', JSON.stringify(tally(statuses)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLES.login);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - THROTTLES.login);
    expect((await login(user.email, PASSWORD, from(ip()))).status).toBe(429);
  });

  it('counts unknown e-mails the same way', async () => {
    const email = `${uid()}@nowhere.example`;
    for (let i = 0; i < THROTTLES.login; i++) expect((await login(email, PASSWORD, from(ip()))).status).toBe(401);
    expect((await login(email, PASSWORD, from(ip()))).status).toBe(429);
  });
});

describe('login throttle per client IP (CF-Connecting-IP), whatever the e-mail', () => {
  it(`${THROTTLES.loginFromIp} failed logins from one IP, then 429 for any e-mail from it; other IPs are unaffected`, async () => {
    const attacker = ip();
    const user = await userWithPassword();
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLES.loginFromIp; i++) {
      // Spoofed X-Forwarded-For values change nothing: only the edge's address counts.
      const res = await login(`${uid()}@nowhere.example`, 'wrong-password', { headers: { 'cf-connecting-ip': attacker, 'x-forwarded-for': `10.0.0.${i}` } });
      statuses.push(res.status);
    }
    const blocked = await login(user.email, PASSWORD, from(attacker));
    console.log(`${THROTTLES.loginFromIp} failed logins from one IP:`, JSON.stringify(tally(statuses)), '→ next from that IP:', blocked.status);
    expect(statuses).toEqual(Array(THROTTLES.loginFromIp).fill(401));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('x-ratelimit-limit')).toBe(String(THROTTLES.loginFromIp));
    expect((await login(user.email, PASSWORD, from(ip()))).status).toBe(201);
  });

  it('successful logins do not count against the IP', async () => {
    const office = ip();
    const users = await Promise.all(Array.from({ length: 3 }, () => userWithPassword()));
    for (let round = 0; round < 3; round++) {
      for (const user of users) expect((await login(user.email, PASSWORD, from(office))).status).toBe(201);
    }
    // 9 successes and THROTTLES.loginFromIp - 1 failures still leave one attempt.
    for (let i = 0; i < THROTTLES.loginFromIp - 1; i++) await login(`${uid()}@nowhere.example`, 'wrong-password', from(office));
    expect((await login(users[0].email, PASSWORD, from(office))).status).toBe(201);
  }, 120_000);

  it('records the edge address on the session, never X-Forwarded-For', async () => {
    const user = await userWithPassword();
    const res = await login(user.email, PASSWORD, { headers: { 'cf-connecting-ip': '198.51.100.77', 'x-forwarded-for': '203.0.113.250' } });
    expect(res.body.ip).toBe('198.51.100.77');
    const sessions = (await call('GET', `/v1/users/${user.$id}/sessions`)).body.sessions;
    expect(sessions[0].ip).toBe('198.51.100.77');
  });
});
