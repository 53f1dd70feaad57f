import { Hono } from 'hono';
import { renderSession, renderSessionList } from '../../models/session';
import { createServerSession, deleteSession, deleteSessions, listSessions } from '../../services/sessions';
import { customId, uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, noContent, serviceContext } from '../respond';
import { sessionClient } from '../session-client';
import { required, validateParams } from '../validate-params';

/** `/v1/users/{userId}/sessions` (sessions-tokens.md §4–6). */
export const userSessionsRoutes = new Hono<AppEnv>();

userSessionsRoutes.post('/', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(customId) });
  const { session, secret } = await createServerSession(serviceContext(c), p.userId, sessionClient(c));
  return json(renderSession(session, c.var.format, { secret }), 201);
});

userSessionsRoutes.get('/', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid) });
  return json(renderSessionList(await listSessions(serviceContext(c), p.userId), c.var.format));
});

userSessionsRoutes.delete('/', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid) });
  await deleteSessions(serviceContext(c), p.userId);
  return noContent();
});

userSessionsRoutes.delete('/:sessionId', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), sessionId: required(uid) });
  await deleteSession(serviceContext(c), p.userId, p.sessionId);
  return noContent();
});
