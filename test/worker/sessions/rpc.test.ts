import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { rpcErrorEnvelope } from '../../../src/rpc/errors';
import { call, createUser } from '../helpers/api';
import { asJwt, asSession } from './helpers';

describe('UsersRpc: credentials', () => {
  it('creates sessions, tokens and JWTs through the same gate as HTTP', async () => {
    const rpc = exports.UsersRpc;
    const user = await createUser();
    const session = await rpc.createSession({ userId: user.$id });
    expect(session).toMatchObject({ userId: user.$id, provider: 'server', factors: ['server'] });
    expect((await call('GET', '/v1/account', asSession(session.secret as string))).body.$id).toBe(user.$id);

    const token = await rpc.createToken({ userId: user.$id, length: 10, expire: 60 });
    expect(token.secret).toMatch(/^[0-9a-f]{10}$/);
    const exchanged = await call('POST', '/v1/account/sessions/token', { key: null, body: { userId: user.$id, secret: token.secret } });
    expect(exchanged.status).toBe(201);

    const { jwt } = await rpc.createJWT({ userId: user.$id, sessionId: 'recent' });
    expect((await call('GET', '/v1/account', asJwt(jwt))).body.$id).toBe(user.$id);

    const error = await rpc.createToken({ userId: user.$id, length: 2 }).then(
      () => null,
      (e: Error) => e,
    );
    expect(rpcErrorEnvelope(error)?.message).toBe('Invalid `length` param: Value must be a valid range between 4 and 128');
  });
});
