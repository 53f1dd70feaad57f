import { Hono, type Context } from 'hono';
import { renderPrefs, renderUser, type UserWithTargets } from '../../models/user';
import { updateEmail, updatePhone } from '../../services/user-contact';
import { updatePassword } from '../../services/user-password';
import {
  getPrefs,
  updateEmailVerification,
  updateLabels,
  updateName,
  updatePhoneVerification,
  updatePrefs,
  updateStatus,
} from '../../services/user-profile';
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
} from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, serviceContext } from '../respond';
import { required, validateParams } from '../validate-params';

/** `/v1/users/{userId}/…` profile routes (users-api.md §2.6–§2.15). */
export const userProfileRoutes = new Hono<AppEnv>();

const user = (c: Context<AppEnv>, value: UserWithTargets) => json(renderUser(value, c.var.format));

userProfileRoutes.patch('/:userId/name', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), name: required(text(0, 128)) });
  return user(c, await updateName(serviceContext(c), p.userId, p.name));
});

userProfileRoutes.patch('/:userId/email', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), email: required(emailOrEmpty) });
  return user(c, await updateEmail(serviceContext(c), p.userId, p.email));
});

userProfileRoutes.patch('/:userId/phone', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), number: required(phoneOrEmpty) });
  return user(c, await updatePhone(serviceContext(c), p.userId, p.number));
});

userProfileRoutes.patch('/:userId/password', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), password: required(plainPasswordOrEmpty) });
  return user(c, await updatePassword(serviceContext(c), p.userId, p.password));
});

userProfileRoutes.patch('/:userId/status', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), status: required(lenientBoolean) });
  return user(c, await updateStatus(serviceContext(c), p.userId, p.status));
});

userProfileRoutes.put('/:userId/labels', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), labels: required(labels) });
  return user(c, await updateLabels(serviceContext(c), p.userId, p.labels));
});

userProfileRoutes.patch('/:userId/verification', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), emailVerification: required(strictBoolean) });
  return user(c, await updateEmailVerification(serviceContext(c), p.userId, p.emailVerification));
});

userProfileRoutes.patch('/:userId/verification/phone', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), phoneVerification: required(strictBoolean) });
  return user(c, await updatePhoneVerification(serviceContext(c), p.userId, p.phoneVerification));
});

userProfileRoutes.get('/:userId/prefs', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid) });
  return json(renderPrefs(await getPrefs(serviceContext(c), p.userId)));
});

userProfileRoutes.patch('/:userId/prefs', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), prefs: required(prefs) });
  return json(renderPrefs(await updatePrefs(serviceContext(c), p.userId, p.prefs)));
});
