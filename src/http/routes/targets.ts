import { Hono } from 'hono';
import { renderTarget } from '../../models/target';
import { createTarget, deleteTarget, getTarget, listTargets, updateTarget } from '../../services/targets';
import { queriesParam } from '../../queries';
import { customId, providerType, text, uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, noContent, serviceContext } from '../respond';
import { optional, required, validateParams } from '../validate-params';

/** `/v1/users/{userId}/targets…` (users-api.md §2.18–§2.22), under the `targets.*` scopes. */
export const targetRoutes = new Hono<AppEnv>();

targetRoutes.post('/:userId/targets', requireScope('targets.write'), async (c) => {
  const p = validateParams(input(c), {
    targetId: required(customId),
    userId: required(uid),
    providerType: required(providerType),
    identifier: required(text(1, 255)),
    providerId: optional(uid),
    name: optional(text(1, 128)),
  });
  const target = await createTarget(serviceContext(c), p.userId, {
    targetId: p.targetId,
    providerType: p.providerType,
    identifier: p.identifier,
    providerId: p.providerId ?? null,
    name: p.name ?? null,
  });
  return json(renderTarget(target), 201);
});

targetRoutes.get('/:userId/targets', requireScope('targets.read'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), queries: optional(queriesParam, [] as string[]) });
  const page = await listTargets(serviceContext(c), p.userId, p.queries ?? []);
  return json({ total: page.total, targets: page.targets.map(renderTarget) });
});

targetRoutes.get('/:userId/targets/:targetId', requireScope('targets.read'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), targetId: required(uid) });
  return json(renderTarget(await getTarget(serviceContext(c), p.userId, p.targetId)));
});

targetRoutes.patch('/:userId/targets/:targetId', requireScope('targets.write'), async (c) => {
  const p = validateParams(input(c), {
    userId: required(uid),
    targetId: required(uid),
    identifier: optional(text(1, 255)),
    providerId: optional(uid),
    name: optional(text(1, 128)),
  });
  const target = await updateTarget(serviceContext(c), p.userId, p.targetId, {
    identifier: p.identifier ?? null,
    providerId: p.providerId ?? null,
    name: p.name ?? null,
  });
  return json(renderTarget(target));
});

targetRoutes.delete('/:userId/targets/:targetId', requireScope('targets.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), targetId: required(uid) });
  await deleteTarget(serviceContext(c), p.userId, p.targetId);
  return noContent();
});
