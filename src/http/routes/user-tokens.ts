import { Hono } from 'hono';
import { renderToken } from '../../models/token';
import { createToken } from '../../services/sessions';
import { integerRange } from '../../validation/range';
import { uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, serviceContext } from '../respond';
import { sessionClient } from '../session-client';
import { optional, required, validateParams } from '../validate-params';

/** `POST /v1/users/{userId}/tokens` (sessions-tokens.md §8): a short secret to exchange once for a session. */
export const userTokensRoutes = new Hono<AppEnv>();

userTokensRoutes.post('/', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), {
    userId: required(uid),
    length: optional(integerRange(4, 128), 6),
    expire: optional(integerRange(60, 31_536_000), 900),
  });
  const { token, secret } = await createToken(serviceContext(c), p.userId, {
    length: p.length ?? 6,
    expire: p.expire ?? 900,
    client: sessionClient(c),
  });
  return json(renderToken(token, secret, c.var.format), 201);
});
