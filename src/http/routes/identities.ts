import { Hono } from 'hono';
import { renderIdentity } from '../../models/identity';
import { deleteIdentity, listIdentities } from '../../services/identities';
import { formatBefore } from '../../models/response-format';
import { queriesParam } from '../../queries';
import { text, uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, noContent, serviceContext } from '../respond';
import { optional, required, validateParams } from '../validate-params';

/** `/v1/users/identities…` (users-api.md §2.23–§2.24); mounted before `/v1/users/{userId}`. */
export const identityRoutes = new Hono<AppEnv>();

identityRoutes.get('/identities', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), { queries: optional(queriesParam, [] as string[]), search: optional(text(1, 256)) });
  const page = await listIdentities(serviceContext(c), p.queries ?? [], p.search ?? null, formatBefore(c.var.format, '1.5.0'));
  return json({ total: page.total, identities: page.identities.map(renderIdentity) });
});

identityRoutes.delete('/identities/:identityId', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { identityId: required(uid) });
  await deleteIdentity(serviceContext(c), p.identityId);
  return noContent();
});
