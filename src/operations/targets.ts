import { behaviour } from '../models/formats/behaviours';
import { renderTarget } from '../models/target';
import { queriesParam, totalParam } from '../queries';
import { createTarget, deleteTarget, getTarget, listTargets, updateTarget } from '../services/targets';
import { optional, required } from '../validation/params';
import { customId, providerType, text, uid } from '../validation/rules';
import { operation } from './operation';

const userAndTarget = { userId: required(uid), targetId: required(uid) };

/** `/v1/users/{userId}/targets…` (users-api.md §2.18–§2.22): `users.*` scopes since 1.9.5, `targets.*` before. */
export const targetOperations = [
  operation({
    id: 'users.listTargets',
    rpc: 'listTargets',
    method: 'get',
    path: '/v1/users/{userId}/targets',
    scope: 'users.read',
    scopes: (format) => [behaviour(format).targetScopes.read],
    summary: 'List user targets',
    params: { userId: required(uid), queries: optional(queriesParam, [] as string[]), total: totalParam },
    response: { status: 200, model: 'targetList' },
    errors: ['user_not_found'],
    async run(ctx, p) {
      const page = await listTargets(ctx.service, p.userId, p.queries ?? [], p.total !== false);
      return { total: page.total, targets: page.targets.map(renderTarget) };
    },
  }),
  operation({
    id: 'users.createTarget',
    rpc: 'createTarget',
    method: 'post',
    path: '/v1/users/{userId}/targets',
    scope: 'users.write',
    scopes: (format) => [behaviour(format).targetScopes.write],
    summary: 'Create user target',
    params: {
      targetId: required(customId),
      userId: required(uid),
      providerType: required(providerType),
      identifier: required(text(1, 255)),
      providerId: optional(uid, null),
      name: optional(text(1, 128), null),
    },
    response: { status: 201, model: 'target' },
    errors: ['user_not_found', 'user_target_already_exists', 'provider_not_found'],
    run: async (ctx, p) => renderTarget(await createTarget(ctx.service, p.userId, p)),
  }),
  operation({
    id: 'users.getTarget',
    rpc: 'getTarget',
    method: 'get',
    path: '/v1/users/{userId}/targets/{targetId}',
    scope: 'users.read',
    scopes: (format) => [behaviour(format).targetScopes.read],
    summary: 'Get user target',
    params: userAndTarget,
    response: { status: 200, model: 'target' },
    errors: ['user_not_found', 'user_target_not_found'],
    run: async (ctx, p) => renderTarget(await getTarget(ctx.service, p.userId, p.targetId)),
  }),
  operation({
    id: 'users.updateTarget',
    rpc: 'updateTarget',
    method: 'patch',
    path: '/v1/users/{userId}/targets/{targetId}',
    scope: 'users.write',
    scopes: (format) => [behaviour(format).targetScopes.write],
    summary: 'Update user target',
    params: { ...userAndTarget, identifier: optional(text(1, 255), null), providerId: optional(uid, null), name: optional(text(1, 128), null) },
    response: { status: 200, model: 'target' },
    errors: ['user_not_found', 'user_target_not_found', 'user_target_already_exists', 'provider_not_found'],
    run: async (ctx, p) => renderTarget(await updateTarget(ctx.service, p.userId, p.targetId, p)),
  }),
  operation({
    id: 'users.deleteTarget',
    rpc: 'deleteTarget',
    method: 'delete',
    path: '/v1/users/{userId}/targets/{targetId}',
    scope: 'users.write',
    scopes: (format) => [behaviour(format).targetScopes.write],
    summary: 'Delete user target',
    params: userAndTarget,
    response: { status: 204, model: null },
    errors: ['user_not_found', 'user_target_not_found'],
    run: async (ctx, p) => {
      await deleteTarget(ctx.service, p.userId, p.targetId);
      return null;
    },
  }),
];
