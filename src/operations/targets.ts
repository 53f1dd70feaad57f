import { renderTarget } from '../models/target';
import { queriesParam } from '../queries';
import { createTarget, deleteTarget, getTarget, listTargets, updateTarget } from '../services/targets';
import { optional, required } from '../validation/params';
import { customId, providerType, text, uid } from '../validation/rules';
import { operation } from './operation';

const userAndTarget = { userId: required(uid), targetId: required(uid) };

/** `/v1/users/{userId}/targets…` (users-api.md §2.18–§2.22), under the `targets.*` scopes. */
export const targetOperations = [
  operation({
    id: 'users.listTargets',
    rpc: 'listTargets',
    method: 'get',
    path: '/v1/users/{userId}/targets',
    scope: 'targets.read',
    summary: 'List user targets',
    params: { userId: required(uid), queries: optional(queriesParam, [] as string[]) },
    response: { status: 200, model: 'targetList' },
    errors: ['user_not_found'],
    async run(ctx, p) {
      const page = await listTargets(ctx.service, p.userId, p.queries ?? []);
      return { total: page.total, targets: page.targets.map(renderTarget) };
    },
  }),
  operation({
    id: 'users.createTarget',
    rpc: 'createTarget',
    method: 'post',
    path: '/v1/users/{userId}/targets',
    scope: 'targets.write',
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
    scope: 'targets.read',
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
    scope: 'targets.write',
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
    scope: 'targets.write',
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
