import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config';
import type { GateContext } from '../../../src/durable/gate-context';
import { createServerSession, exchangeToken } from '../../../src/durable/sessions';
import { createDatabase } from '../../../src/store/database';
import { call, createUser } from '../helpers/api';
import { countingD1 } from '../helpers/d1-counter';

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
});
