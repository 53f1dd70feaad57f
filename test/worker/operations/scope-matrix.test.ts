import { describe, expect, it } from 'vitest';
import { ALL_SCOPES } from '../../../src/services/api-keys';
import { allowedScopes, operations } from '../../../src/operations';
import { missingScopeMessage } from '../../../src/models/formats/behaviours';
import { CURRENT_FORMAT, parseResponseFormat } from '../../../src/models/response-format';
import { call, keyWith } from '../helpers/api';

/** A concrete URL for a path: every placeholder filled with a valid id. */
const urlOf = (path: string) => path.replace(/\{\w+\}/g, 'matrix1');

const cells = operations.flatMap((op) => [op.path, ...(op.aliases ?? [])].map((path) => ({ op, path })));

describe('scope matrix (generated from the operation table)', () => {
  it.each(cells)('$op.id $path: a key without `$op.scope` gets 401 general_unauthorized_scope', async ({ op, path }) => {
    const allowed = allowedScopes(op, CURRENT_FORMAT);
    const key = await keyWith(ALL_SCOPES.filter((scope) => !allowed.includes(scope)));
    const res = await call(op.method.toUpperCase(), urlOf(path), { key });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('general_unauthorized_scope');
    expect(res.body.message).toBe(missingScopeMessage(CURRENT_FORMAT, 'app.default@service.localhost', 'applications', allowed));
    expect(res.body.message).toContain(`missing scopes (["${allowed[0]}"`);
  });

  // The scopes and the message of an older format (1.6: one scope, `missing scope (x)`; targets.*).
  const v16 = parseResponseFormat('1.6.0');
  it.each(cells)('$op.id $path: format 1.6.0, a key without its 1.6 scope gets 1.6\'s message', async ({ op, path }) => {
    const [scope] = allowedScopes(op, v16);
    const key = await keyWith(ALL_SCOPES.filter((s) => s !== scope));
    const res = await call(op.method.toUpperCase(), urlOf(path), { key, headers: { 'x-appwrite-response-format': '1.6.0' } });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe(`app.default@service.localhost (role: applications) missing scope (${scope})`);
  });

  it.each(cells.filter(({ op }) => op.scope !== 'sessions.write'))('$op.id $path: no key and no session → 401', async ({ op, path }) => {
    const res = await call(op.method.toUpperCase(), urlOf(path), { key: null });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('general_unauthorized_scope');
    // Guests hold `sessions.write`, yet a Users route whose alternative scope it is stays closed to them.
    expect(res.body.message).toBe(missingScopeMessage(CURRENT_FORMAT, 'User', 'guests', allowedScopes(op, CURRENT_FORMAT).slice(0, 1)));
  });

  it.each(cells)('$op.id $path: an expired key → 401 project_key_expired', async ({ op, path }) => {
    const key = await keyWith(ALL_SCOPES, '2020-01-01T00:00:00.000Z');
    const res = await call(op.method.toUpperCase(), urlOf(path), { key });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('project_key_expired');
  });

  it.each(cells)("$op.id $path: another project's id → 404 project_not_found", async ({ op, path }) => {
    const res = await call(op.method.toUpperCase(), urlOf(path), { project: 'someone-else' });
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('project_not_found');
  });

  // Another project's key: keys live in each project's own database, so here it is a well-formed
  // secret this project never issued (and another deployment's root key is just as unknown).
  const foreignKey = `standard_${'ab'.repeat(128)}`;
  it.each(cells)("$op.id $path: another project's key → 401 user_unauthorized", async ({ op, path }) => {
    const res = await call(op.method.toUpperCase(), urlOf(path), { key: foreignKey });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('user_unauthorized');
  });

  it('covers every operation', () => {
    expect(new Set(cells.map((c) => c.op.id)).size).toBe(operations.length);
    console.log(`scope matrix: ${cells.length} routes × 5 credential variants (key without the scope, no key, expired key, another project's id, another project's key)`);
  });
});
