import { renderAccount } from '../models/account';
import { renderMfaChallenge, renderMfaFactors, renderMfaType, renderRecoveryCodes } from '../models/mfa';
import { renderSession } from '../models/session';
import {
  answerChallenge,
  createChallenge,
  createTotpAuthenticator,
  deleteTotpAuthenticator,
  getRecoveryCodes,
  issueRecoveryCodes,
  listMfaFactors,
  updateMfa,
  verifyTotpAuthenticator,
} from '../services/mfa';
import { required } from '../validation/params';
import { oneOf, strictBoolean, text } from '../validation/rules';
import { currentSession, limited, recentChallenge, signedIn } from './account-caller';
import { operation } from './operation';

const totpType = { type: required(oneOf(['totp'], true)) };
const userId = (ctx: Parameters<typeof signedIn>[0]) => signedIn(ctx).user.id;

/** `/v1/account/mfa…`: the end-user side of MFA (mfa.md §6). */
export const accountMfaOperations = [
  operation({
    id: 'account.updateMFA',
    method: 'patch',
    path: '/v1/account/mfa',
    scope: 'account',
    summary: 'Update MFA',
    params: { mfa: required(strictBoolean) },
    response: { status: 200, model: 'account' },
    async run(ctx, p) {
      const { user, session } = signedIn(ctx);
      return renderAccount(await updateMfa(ctx.service, user.id, p.mfa, session?.id ?? null));
    },
  }),
  operation({
    id: 'account.listMfaFactors',
    method: 'get',
    path: '/v1/account/mfa/factors',
    scope: 'account',
    mfaExempt: true,
    summary: 'List factors',
    params: {},
    response: { status: 200, model: 'mfaFactors' },
    run: async (ctx) => renderMfaFactors(await listMfaFactors(ctx.service, userId(ctx), true)),
  }),
  operation({
    id: 'account.createMfaAuthenticator',
    method: 'post',
    path: '/v1/account/mfa/authenticators/{type}',
    scope: 'account',
    summary: 'Create authenticator',
    params: totpType,
    response: { status: 200, model: 'mfaType' },
    errors: ['user_authenticator_already_verified'],
    run: async (ctx) => renderMfaType(await createTotpAuthenticator(ctx.service, userId(ctx))),
  }),
  operation({
    id: 'account.updateMfaAuthenticator',
    method: 'put',
    path: '/v1/account/mfa/authenticators/{type}',
    scope: 'account',
    summary: 'Verify authenticator',
    params: { ...totpType, otp: required(text(1, 256)) },
    response: { status: 200, model: 'account' },
    errors: ['user_authenticator_not_found', 'user_invalid_token'],
    async run(ctx, p) {
      const { user, session } = signedIn(ctx);
      return renderAccount(await verifyTotpAuthenticator(ctx.service, user.id, p.otp, session?.id ?? null));
    },
  }),
  operation({
    id: 'account.deleteMfaAuthenticator',
    method: 'delete',
    path: '/v1/account/mfa/authenticators/{type}',
    scope: 'account',
    guards: [recentChallenge],
    summary: 'Delete authenticator',
    params: totpType,
    response: { status: 204, model: null },
    errors: ['user_authenticator_not_found', 'user_challenge_required'],
    run: async (ctx) => {
      await deleteTotpAuthenticator(ctx.service, userId(ctx));
      return null;
    },
  }),
  // 201 as the SDK spec says (Appwrite 1.9+ sends it; 1.6.2 sent 200).
  operation({
    id: 'account.createMfaRecoveryCodes',
    method: 'post',
    path: '/v1/account/mfa/recovery-codes',
    scope: 'account',
    summary: 'Create MFA recovery codes',
    params: {},
    response: { status: 201, model: 'mfaRecoveryCodes' },
    errors: ['user_recovery_codes_already_exists'],
    run: async (ctx) => renderRecoveryCodes(await issueRecoveryCodes(ctx.service, userId(ctx), 'create')),
  }),
  operation({
    id: 'account.getMfaRecoveryCodes',
    method: 'get',
    path: '/v1/account/mfa/recovery-codes',
    scope: 'account',
    guards: [recentChallenge],
    summary: 'Get MFA recovery codes',
    params: {},
    response: { status: 200, model: 'mfaRecoveryCodes' },
    errors: ['user_recovery_codes_not_found', 'user_challenge_required'],
    run: async (ctx) => renderRecoveryCodes(await getRecoveryCodes(ctx.service, userId(ctx))),
  }),
  operation({
    id: 'account.updateMfaRecoveryCodes',
    method: 'patch',
    path: '/v1/account/mfa/recovery-codes',
    scope: 'account',
    guards: [recentChallenge],
    summary: 'Regenerate MFA recovery codes',
    params: {},
    response: { status: 200, model: 'mfaRecoveryCodes' },
    errors: ['user_recovery_codes_not_found', 'user_challenge_required'],
    run: async (ctx) => renderRecoveryCodes(await issueRecoveryCodes(ctx.service, userId(ctx), 'regenerate')),
  }),
  // Served on the 1.6 path and the plural one SDKs use since 1.8.1.
  operation({
    id: 'account.createMfaChallenge',
    method: 'post',
    path: '/v1/account/mfa/challenge',
    aliases: ['/v1/account/mfa/challenges'],
    scope: 'account',
    mfaExempt: true,
    summary: 'Create MFA challenge',
    params: { factor: required(oneOf(['email', 'phone', 'totp', 'recoverycode'], true)) },
    response: { status: 201, model: 'mfaChallenge' },
    errors: ['general_rate_limit_exceeded'],
    run: async (ctx, p) => renderMfaChallenge(limited(ctx, await createChallenge(ctx.service, userId(ctx), p.factor))),
  }),
  operation({
    id: 'account.updateMfaChallenge',
    method: 'put',
    path: '/v1/account/mfa/challenge',
    aliases: ['/v1/account/mfa/challenges'],
    scope: 'account',
    mfaExempt: true,
    summary: 'Update MFA challenge',
    params: { challengeId: required(text(1, 256)), otp: required(text(1, 256)) },
    response: { status: 200, model: 'session' },
    errors: ['user_invalid_token', 'general_rate_limit_exceeded'],
    async run(ctx, p) {
      const session = currentSession(ctx);
      return renderSession(limited(ctx, await answerChallenge(ctx.service, session.userId, p.challengeId, p.otp, session.id)));
    },
  }),
];
