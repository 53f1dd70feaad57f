import { behaviour } from '../models/formats/behaviours';
import type { ResponseFormat } from '../models/response-format';
import type { UserWithTargets } from '../models/user';
import { renderPrefs, renderUser } from '../models/user';
import type { ServiceContext } from '../services/context';
import { updateEmail, updatePhone } from '../services/user-contact';
import { updatePassword } from '../services/user-password';
import {
  getPrefs,
  updateEmailVerification,
  updateLabels,
  updateName,
  updatePhoneVerification,
  updatePrefs,
  updateImpersonator,
  updateStatus,
} from '../services/user-profile';
import { required, type RequiredParam } from '../validation/params';
import type { Rule } from '../validation/rules';
import {
  emailOrEmpty,
  labels,
  lenientBoolean,
  phoneOrEmpty,
  plainPasswordOrEmpty,
  prefs,
  strictBoolean,
  text,
  uid,
} from '../validation/rules';
import { operation } from './operation';

/**
 * `PATCH|PUT /v1/users/{userId}/<field>`: one value in, the updated User out (users-api.md §2.6–§2.15).
 * `param` is the request's name for the value, which is not always the field's (`number` for phone).
 */
function updateOperation<K extends string, T, const N extends string>(
  rpc: N,
  path: string,
  param: K,
  valueRule: Rule<T>,
  update: (ctx: ServiceContext, userId: string, value: T, format: ResponseFormat) => Promise<UserWithTargets>,
  method: 'patch' | 'put' = 'patch',
) {
  return operation({
    id: `users.${rpc}`,
    rpc,
    method,
    path: `/v1/users/{userId}/${path}`,
    scope: 'users.write',
    summary: rpc.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()),
    params: { userId: required(uid), [param]: required(valueRule) } as { userId: RequiredParam<string> } & Record<K, RequiredParam<T>>,
    response: { status: 200, model: 'user' },
    errors: ['user_not_found'],
    run: async (ctx, p) => {
      const values = p as { userId: string } & Record<K, T>;
      return renderUser(await update(ctx.service, values.userId, values[param], ctx.format));
    },
  });
}

export const userProfileOperations = [
  updateOperation('updateName', 'name', 'name', text(0, 128), updateName),
  updateOperation('updateEmail', 'email', 'email', emailOrEmpty, updateEmail),
  updateOperation('updatePhone', 'phone', 'number', phoneOrEmpty, (ctx, id, number, format) =>
    updatePhone(ctx, id, number, behaviour(format).emptyPhoneIsNull),
  ),
  updateOperation('updatePassword', 'password', 'password', plainPasswordOrEmpty, updatePassword),
  updateOperation('updateStatus', 'status', 'status', lenientBoolean, updateStatus),
  updateOperation('updateImpersonator', 'impersonator', 'impersonator', lenientBoolean, updateImpersonator),
  updateOperation('updateLabels', 'labels', 'labels', labels, updateLabels, 'put'),
  updateOperation('updateEmailVerification', 'verification', 'emailVerification', strictBoolean, updateEmailVerification),
  updateOperation('updatePhoneVerification', 'verification/phone', 'phoneVerification', strictBoolean, updatePhoneVerification),
  operation({
    id: 'users.getPrefs',
    rpc: 'getPrefs',
    method: 'get',
    path: '/v1/users/{userId}/prefs',
    scope: 'users.read',
    summary: 'Get user preferences',
    params: { userId: required(uid) },
    response: { status: 200, model: 'preferences' },
    errors: ['user_not_found'],
    run: async (ctx, p) => renderPrefs(await getPrefs(ctx.service, p.userId)),
  }),
  operation({
    id: 'users.updatePrefs',
    rpc: 'updatePrefs',
    method: 'patch',
    path: '/v1/users/{userId}/prefs',
    scope: 'users.write',
    summary: 'Update user preferences',
    params: { userId: required(uid), prefs: required(prefs) },
    response: { status: 200, model: 'preferences' },
    errors: ['user_not_found'],
    run: async (ctx, p) => renderPrefs(await updatePrefs(ctx.service, p.userId, p.prefs)),
  }),
];
