import { renderUser } from '../models/user';
import { queriesParam, totalParam } from '../queries';
import { listUsers } from '../services/user-list';
import { createUser, deleteUser, getUser } from '../services/users';
import { optional, required } from '../validation/params';
import { customId, email, phone, plainPassword, text, uid } from '../validation/rules';
import { operation } from './operation';

/** `/v1/users` and `/v1/users/{userId}` (users-api.md §2.1–§2.5). */
export const usersOperations = [
  operation({
    id: 'users.list',
    rpc: 'listUsers',
    method: 'get',
    path: '/v1/users',
    scope: 'users.read',
    summary: 'List users',
    params: { queries: optional(queriesParam, [] as string[]), search: optional(text(1, 256), null), total: totalParam },
    response: { status: 200, model: 'userList' },
    async run(ctx, p) {
      const page = await listUsers(ctx.service, { queries: p.queries ?? [], search: p.search, format: ctx.format, countTotal: p.total !== false });
      return { total: page.total, users: page.users.map((u) => renderUser(u)) };
    },
  }),
  operation({
    id: 'users.create',
    rpc: 'createUser',
    method: 'post',
    path: '/v1/users',
    scope: 'users.write',
    summary: 'Create user',
    params: {
      userId: required(customId),
      email: optional(email, null),
      phone: optional(phone, null),
      password: optional(plainPassword, null),
      name: optional(text(1, 128), null),
    },
    response: { status: 201, model: 'user' },
    errors: ['user_already_exists', 'password_personal_data', 'password_recently_used'],
    run: async (ctx, p) => renderUser(await createUser(ctx.service, p)),
  }),
  operation({
    id: 'users.get',
    rpc: 'getUser',
    method: 'get',
    path: '/v1/users/{userId}',
    scope: 'users.read',
    summary: 'Get user',
    params: { userId: required(uid) },
    response: { status: 200, model: 'user' },
    errors: ['user_not_found'],
    run: async (ctx, p) => renderUser(await getUser(ctx.service, p.userId)),
  }),
  operation({
    id: 'users.delete',
    rpc: 'deleteUser',
    method: 'delete',
    path: '/v1/users/{userId}',
    scope: 'users.write',
    summary: 'Delete user',
    params: { userId: required(uid) },
    response: { status: 204, model: null },
    errors: ['user_not_found'],
    run: async (ctx, p) => {
      await deleteUser(ctx.service, p.userId);
      return null;
    },
  }),
];
