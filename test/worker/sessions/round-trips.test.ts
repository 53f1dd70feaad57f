import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config';
import type { GateContext } from '../../../src/durable/gate-context';
import { createServerSession, exchangeToken, login as gateLogin } from '../../../src/durable/sessions';
import { users } from '../../../src/store/schema';
import { eq } from 'drizzle-orm';
import { createDatabase } from '../../../src/store/database';
import { call, createUser } from '../helpers/api';
import { countingD1 } from '../helpers/d1-counter';
import { login, PASSWORD, userWithPassword } from './helpers';

const request = { ip: '203.0.113.9', userAgent: 'test', countryCode: '--', actor: { id: '', email: 'test', name: '', type: 'keyProject' as const } };
const client = { ip: '203.0.113.9', userAgent: 'test', countryCode: '--' };

/** Runs `work` inside the user's gate with a D1 that counts round trips. */
async function inGate<T>(userId: string, work: (g: GateContext) => Promise<T>) {
  const { db, stats } = countingD1();
  const stub = env.USER_GATE.get(env.USER_GATE.idFromName(userId.toLowerCase()));
  const value = await runInDurableObject(stub, (_instance, state) =>
    work({ db: createDatabase(db), config: loadConfig(env), env, storage: state.storage, request }),
  );
  return { value, stats };
}

describe('credential issuance round trips (inside the UserGate)', () => {
  it('POST /v1/users/{userId}/sessions: one D1 batch', async () => {
    const user = await createUser();
    const { value, stats } = await inGate(user.$id, (g) => createServerSession(g, user.$id, client));
    expect(value.session.userId).toBe(user.$id);
    expect(stats).toEqual({ roundTrips: 1, statements: 2 });
    // The session works, and its audit entry was written in the same batch.
    const sessions = await call('GET', `/v1/users/${user.$id}/sessions`);
    expect(sessions.body.sessions.map((s: { $id: string }) => s.$id)).toContain(value.session.id);
  });

  it('an unknown user: still one round trip, then 404', async () => {
    const { stats } = await inGate('nobody-rt', (g) => createServerSession(g, 'nobody-rt', client).catch((e: Error) => e));
    expect(stats.roundTrips).toBe(1);
    expect((await call('POST', '/v1/users/nobody-rt/sessions')).body.type).toBe('user_not_found');
  });

  it('POST /v1/account/sessions/token: one D1 batch, and the token is spent by it', async () => {
    const user = await createUser();
    const token = await call('POST', `/v1/users/${user.$id}/tokens`);
    expect(token.status).toBe(201);
    const first = await inGate(user.$id, (g) => exchangeToken(g, user.$id, token.body.secret, client));
    expect(first.value.session.provider).toBe('token');
    expect(first.value.session.factors).toEqual(['token']);
    expect(first.stats.roundTrips).toBe(1);
    // Spent: the same secret is refused, still in one round trip, and nothing is written.
    const again = await inGate(user.$id, (g) => exchangeToken(g, user.$id, token.body.secret, client).catch((e: { type: string }) => e.type));
    expect(again.value).toBe('user_invalid_token');
    expect(again.stats.roundTrips).toBe(1);
    const sessions = await call('GET', `/v1/users/${user.$id}/sessions`);
    expect(sessions.body.sessions.map((s: { $id: string }) => s.$id)).toEqual([first.value.session.id]);
    const logs = await call('GET', `/v1/users/${user.$id}/logs`);
    expect(logs.body.logs.filter((l: { event: string }) => l.event === 'session.create')).toHaveLength(1);
  });

  it('a blocked user with a valid token: one round trip, user_blocked, token kept', async () => {
    const user = await createUser();
    const token = await call('POST', `/v1/users/${user.$id}/tokens`);
    await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    const { value, stats } = await inGate(user.$id, (g) => exchangeToken(g, user.$id, token.body.secret, client).catch((e: { type: string }) => e.type));
    expect(value).toBe('user_blocked');
    expect(stats.roundTrips).toBe(1);
    await call('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
    const later = await inGate(user.$id, (g) => exchangeToken(g, user.$id, token.body.secret, client));
    expect(later.value.session.userId).toBe(user.$id);
  });

  it('POST /v1/account/sessions/email: one D1 round trip in the Worker, one gate hop, one batch in the gate', async () => {
    const user = await userWithPassword();
    // The Worker's side, with its D1 and the gates' namespace counted.
    const { db, stats } = countingD1();
    const hops: string[] = [];
    const gates = new Proxy(env.USER_GATE, {
      get(target, name) {
        if (name !== 'get') {
          const value = Reflect.get(target, name);
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return (id: DurableObjectId) => {
          const stub = target.get(id);
          return new Proxy(stub, {
            get(s, method) {
              const value = Reflect.get(s, method);
              return typeof value === 'function' ? (...args: unknown[]) => (hops.push(String(method)), Reflect.apply(value, s, args)) : value;
            },
          });
        };
      },
    });
    const res = await login(user.email, PASSWORD, { env: { DB: db, USER_GATE: gates } });
    expect(res.status).toBe(201);
    expect(stats.roundTrips).toBe(1);
    expect(hops).toEqual(['login']);

    // The gate's side: the session, its audit entry, the trimming (and the IP refund) are one batch.
    const row = (await createDatabase(env.DB).select().from(users).where(eq(users.id, user.$id)).get())!;
    const input = { userId: user.$id, email: user.email, password: PASSWORD, client, user: row, refund: { ip: client.ip, until: 0 } };
    const inside = await inGate(user.$id, (g) => gateLogin(g, input));
    expect(inside.value.session.provider).toBe('email');
    expect(inside.stats.roundTrips).toBe(1);
  });

  it('a login whose user changed after the lookup is decided on the row as it is now', async () => {
    const user = await userWithPassword();
    const row = (await createDatabase(env.DB).select().from(users).where(eq(users.id, user.$id)).get())!;
    await call('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'a-new-password-1' } });
    const input = (password: string, seen = row) => ({ userId: user.$id, email: user.email, password, client, user: seen });
    // The old password verifies against the row the lookup read, but the batch finds the row changed,
    // reads it again and refuses: a password change is never outrun by a login already under way.
    const old = await inGate(user.$id, (g) => gateLogin(g, input(PASSWORD)).catch((e: { type: string }) => e.type));
    expect(old.value).toBe('user_invalid_credentials');
    expect((await call('GET', `/v1/users/${user.$id}/sessions`)).body.total).toBe(0);
    // The next request's lookup reads the new row.
    const now = (await createDatabase(env.DB).select().from(users).where(eq(users.id, user.$id)).get())!;
    const fresh = await inGate(user.$id, (g) => gateLogin(g, input('a-new-password-1', now)));
    expect(fresh.value.session.userId).toBe(user.$id);
    expect((await call('GET', `/v1/users/${user.$id}/sessions`)).body.total).toBe(1);
  });
});
