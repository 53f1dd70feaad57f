import { Hono } from 'hono';
import { renderLog } from '../../models/log';
import { listUserLogs } from '../../services/audit-log';
import { formatBefore } from '../../models/response-format';
import { queriesParam } from '../../queries';
import { uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, serviceContext } from '../respond';
import { optional, required, validateParams } from '../validate-params';

/** `GET /v1/users/{userId}/logs`: audit entries about the user, newest first (users-api.md §2.17). */
export const logRoutes = new Hono<AppEnv>();

logRoutes.get('/:userId/logs', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid), queries: optional(queriesParam, [] as string[]) });
  const page = await listUserLogs(serviceContext(c), p.userId, p.queries ?? [], formatBefore(c.var.format, '1.5.0'));
  return json({ total: page.total, logs: page.logs.map(renderLog) });
});
