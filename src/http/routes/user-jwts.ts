import { Hono } from 'hono';
import { AppwriteError } from '../../errors/appwrite-error';
import { createJwt } from '../../services/sessions';
import { integerRange } from '../../validation/range';
import { uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, serviceContext } from '../respond';
import { optional, required, validateParams } from '../validate-params';

/** `POST /v1/users/{userId}/jwts` (sessions-tokens.md §9). */
export const userJwtsRoutes = new Hono<AppEnv>();

userJwtsRoutes.post('/', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), {
    userId: required(uid),
    sessionId: optional(uid, ''),
    duration: optional(integerRange(0, 3600), 900),
  });
  const duration = p.duration ?? 900;
  // Appwrite accepts 0 and then fails with 500 in its JWT library; we refuse it as a bad param.
  if (duration === 0) {
    throw new AppwriteError('general_argument_invalid', `Invalid \`duration\` param: ${integerRange(1, 3600).description}`);
  }
  const jwt = await createJwt(serviceContext(c), p.userId, { sessionId: p.sessionId ?? '', duration });
  return json({ jwt }, 201);
});
