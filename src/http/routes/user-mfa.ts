import { Hono } from 'hono';
import { renderMfaFactors, renderRecoveryCodes } from '../../models/mfa';
import { renderUser } from '../../models/user';
import { deleteTotpAuthenticator, getRecoveryCodes, issueRecoveryCodes, listMfaFactors, updateMfa } from '../../services/mfa';
import { oneOf, strictBoolean, uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, noContent, serviceContext } from '../respond';
import { required, validateParams } from '../validate-params';

/** `/v1/users/{userId}/mfa…` (mfa.md §3). */
export const userMfaRoutes = new Hono<AppEnv>();

const user = { userId: required(uid) };

userMfaRoutes.patch('/', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { ...user, mfa: required(strictBoolean) });
  return json(renderUser(await updateMfa(serviceContext(c), p.userId, p.mfa), c.var.format));
});

userMfaRoutes.get('/factors', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), user);
  return json(renderMfaFactors(await listMfaFactors(serviceContext(c), p.userId, false)));
});

userMfaRoutes.get('/recovery-codes', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), user);
  return json(renderRecoveryCodes(await getRecoveryCodes(serviceContext(c), p.userId)));
});

// "Create" answers 200 although the SDK spec says 201: that is what Appwrite really sends (mfa.md §3.4).
userMfaRoutes.patch('/recovery-codes', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), user);
  return json(renderRecoveryCodes(await issueRecoveryCodes(serviceContext(c), p.userId, 'create')));
});

userMfaRoutes.put('/recovery-codes', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), user);
  return json(renderRecoveryCodes(await issueRecoveryCodes(serviceContext(c), p.userId, 'regenerate')));
});

userMfaRoutes.delete('/authenticators/:type', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { ...user, type: required(oneOf(['totp'], true)) });
  await deleteTotpAuthenticator(serviceContext(c), p.userId);
  return noContent();
});
