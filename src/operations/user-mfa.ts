import { renderMfaFactors, renderRecoveryCodes } from '../models/mfa';
import { renderUser } from '../models/user';
import { deleteTotpAuthenticator, getRecoveryCodes, issueRecoveryCodes, listMfaFactors, updateMfa } from '../services/mfa';
import { required } from '../validation/params';
import { oneOf, strictBoolean, uid } from '../validation/rules';
import { operation } from './operation';

const user = { userId: required(uid) };

/** `/v1/users/{userId}/mfa…` (mfa.md §3). */
export const userMfaOperations = [
  operation({
    id: 'users.updateMfa',
    rpc: 'updateMfa',
    method: 'patch',
    path: '/v1/users/{userId}/mfa',
    scope: 'users.write',
    summary: 'Update MFA',
    params: { ...user, mfa: required(strictBoolean) },
    response: { status: 200, model: 'user' },
    errors: ['user_not_found'],
    run: async (ctx, p) => renderUser(await updateMfa(ctx.service, p.userId, p.mfa)),
  }),
  operation({
    id: 'users.listMfaFactors',
    rpc: 'listMfaFactors',
    method: 'get',
    path: '/v1/users/{userId}/mfa/factors',
    scope: 'users.read',
    summary: 'List factors',
    params: user,
    response: { status: 200, model: 'mfaFactors' },
    errors: ['user_not_found'],
    run: async (ctx, p) => renderMfaFactors(await listMfaFactors(ctx.service, p.userId, false)),
  }),
  operation({
    id: 'users.getMfaRecoveryCodes',
    rpc: 'getMfaRecoveryCodes',
    method: 'get',
    path: '/v1/users/{userId}/mfa/recovery-codes',
    scope: 'users.read',
    summary: 'Get MFA recovery codes',
    params: user,
    response: { status: 200, model: 'mfaRecoveryCodes' },
    errors: ['user_not_found', 'user_recovery_codes_not_found'],
    run: async (ctx, p) => renderRecoveryCodes(await getRecoveryCodes(ctx.service, p.userId)),
  }),
  // "Create" answers 200 although the SDK spec says 201: that is what Appwrite really sends (mfa.md §3.4).
  operation({
    id: 'users.createMfaRecoveryCodes',
    rpc: 'createMfaRecoveryCodes',
    method: 'patch',
    path: '/v1/users/{userId}/mfa/recovery-codes',
    scope: 'users.write',
    summary: 'Create MFA recovery codes',
    params: user,
    response: { status: 200, model: 'mfaRecoveryCodes' },
    errors: ['user_not_found', 'user_recovery_codes_already_exists'],
    run: async (ctx, p) => renderRecoveryCodes(await issueRecoveryCodes(ctx.service, p.userId, 'create')),
  }),
  operation({
    id: 'users.updateMfaRecoveryCodes',
    rpc: 'updateMfaRecoveryCodes',
    method: 'put',
    path: '/v1/users/{userId}/mfa/recovery-codes',
    scope: 'users.write',
    summary: 'Regenerate MFA recovery codes',
    params: user,
    response: { status: 200, model: 'mfaRecoveryCodes' },
    errors: ['user_not_found', 'user_recovery_codes_not_found'],
    run: async (ctx, p) => renderRecoveryCodes(await issueRecoveryCodes(ctx.service, p.userId, 'regenerate')),
  }),
  operation({
    id: 'users.deleteMfaAuthenticator',
    rpc: 'deleteMfaAuthenticator',
    method: 'delete',
    path: '/v1/users/{userId}/mfa/authenticators/{type}',
    scope: 'users.write',
    summary: 'Delete authenticator',
    params: { ...user, type: required(oneOf(['totp'], true)) },
    response: { status: 204, model: null },
    errors: ['user_not_found', 'user_authenticator_not_found'],
    run: async (ctx, p) => {
      await deleteTotpAuthenticator(ctx.service, p.userId);
      return null;
    },
  }),
];
