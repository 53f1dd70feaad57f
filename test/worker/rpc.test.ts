import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { rpcErrorEnvelope } from '../../src/rpc/errors';
import { call, uid } from './helpers/api';

describe('UsersRpc (service binding entrypoint)', () => {
  it('creates, gets, lists and deletes users through the same services as HTTP', async () => {
    const rpc = exports.UsersRpc;
    const id = uid();
    const created = await rpc.createUser({ userId: id, email: `${id}@Example.com`, password: 'password-123' });
    expect(created).toMatchObject({ $id: id, email: `${id}@example.com`, hash: 'argon2' });
    expect((await call('GET', `/v1/users/${id}`)).body).toEqual(created);
    expect(await rpc.getUser({ userId: id })).toEqual(created);
    const list = await rpc.listUsers({ queries: [JSON.stringify({ method: 'limit', values: [1] })] });
    expect(list.users).toHaveLength(1);
    await rpc.deleteUser({ userId: id });
    const error = await rpc.getUser({ userId: id }).then(
      () => null,
      (e: Error) => e,
    );
    expect(rpcErrorEnvelope(error)?.message).toBe('User with the requested ID could not be found.');
  });
});
