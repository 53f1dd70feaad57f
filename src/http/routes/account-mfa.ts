import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppwriteError } from '../../errors/appwrite-error';
import { renderAccount } from '../../models/account';
import { renderMfaChallenge, renderMfaFactors, renderMfaType, renderRecoveryCodes } from '../../models/mfa';
import { renderSession } from '../../models/session';
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
} from '../../services/mfa';
import { oneOf, strictBoolean, text } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { limitedResponse } from '../rate-limit';
import { input, json, noContent, serviceContext } from '../respond';
import { required, validateParams } from '../validate-params';
import { currentSession, signedIn } from './account';

/** `/v1/account/mfa…`: the end-user side of MFA (mfa.md §6). */
export const accountMfaRoutes = new Hono<AppEnv>();

/** Appwrite's `MFA_RECENT_DURATION`: 30 minutes, although the error message says 5. */
const RECENT_CHALLENGE_MS = 1800_000;

/**
 * `mfaProtected` routes need a challenge completed on this session in the last 30 minutes. JWT
 * requests have no session: Appwrite answers 500 there, we answer `user_challenge_required`.
 */
const recentChallenge = createMiddleware<AppEnv>(async (c, next) => {
  const updated = signedIn(c.var.caller).session?.mfaUpdatedAt;
  if (!updated || new Date(updated).getTime() + RECENT_CHALLENGE_MS < Date.now()) throw new AppwriteError('user_challenge_required');
  await next();
});

const account = requireScope('account');
/** Appwrite's `mfa` group: reachable before the session has enough factors. */
const accountMfaGroup = requireScope('account', { mfaExempt: true });
const totpType = { type: required(oneOf(['totp'], true)) };

accountMfaRoutes.patch('/', account, async (c) => {
  const p = validateParams(input(c), { mfa: required(strictBoolean) });
  const { user, session } = signedIn(c.var.caller);
  return json(renderAccount(await updateMfa(serviceContext(c), user.id, p.mfa, session?.id ?? null)));
});

accountMfaRoutes.get('/factors', accountMfaGroup, async (c) =>
  json(renderMfaFactors(await listMfaFactors(serviceContext(c), signedIn(c.var.caller).user.id, true))),
);

accountMfaRoutes.post('/authenticators/:type', account, async (c) => {
  validateParams(input(c), totpType);
  return json(renderMfaType(await createTotpAuthenticator(serviceContext(c), signedIn(c.var.caller).user.id)));
});

accountMfaRoutes.put('/authenticators/:type', account, async (c) => {
  const p = validateParams(input(c), { ...totpType, otp: required(text(1, 256)) });
  const { user, session } = signedIn(c.var.caller);
  return json(renderAccount(await verifyTotpAuthenticator(serviceContext(c), user.id, p.otp, session?.id ?? null)));
});

accountMfaRoutes.delete('/authenticators/:type', account, recentChallenge, async (c) => {
  validateParams(input(c), totpType);
  await deleteTotpAuthenticator(serviceContext(c), signedIn(c.var.caller).user.id);
  return noContent();
});

// 201 as the SDK spec says (Appwrite 1.9+ sends it; 1.6.2 sent 200).
accountMfaRoutes.post('/recovery-codes', account, async (c) =>
  json(renderRecoveryCodes(await issueRecoveryCodes(serviceContext(c), signedIn(c.var.caller).user.id, 'create')), 201),
);

accountMfaRoutes.get('/recovery-codes', account, recentChallenge, async (c) =>
  json(renderRecoveryCodes(await getRecoveryCodes(serviceContext(c), signedIn(c.var.caller).user.id))),
);

accountMfaRoutes.patch('/recovery-codes', account, recentChallenge, async (c) =>
  json(renderRecoveryCodes(await issueRecoveryCodes(serviceContext(c), signedIn(c.var.caller).user.id, 'regenerate'))),
);

// Served on the 1.6 path and the plural one SDKs use since 1.8.1.
for (const path of ['/challenge', '/challenges']) {
  accountMfaRoutes.post(path, accountMfaGroup, (c) =>
    limitedResponse(
      async () => {
        const p = validateParams(input(c), { factor: required(oneOf(['email', 'phone', 'totp', 'recoverycode'], true)) });
        return createChallenge(serviceContext(c), signedIn(c.var.caller).user.id, p.factor);
      },
      (challenge) => json(renderMfaChallenge(challenge), 201),
    ),
  );

  accountMfaRoutes.put(path, accountMfaGroup, (c) =>
    limitedResponse(
      async () => {
        const p = validateParams(input(c), { challengeId: required(text(1, 256)), otp: required(text(1, 256)) });
        const session = currentSession(c.var.caller);
        return answerChallenge(serviceContext(c), session.userId, p.challengeId, p.otp, session.id);
      },
      (updated) => json(renderSession(updated, c.var.format)),
    ),
  );
}
