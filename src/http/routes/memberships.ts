import { Hono } from 'hono';
import { renderMembership } from '../../models/membership';
import { listMemberships } from '../../services/memberships';
import { uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, serviceContext } from '../respond';
import { required, validateParams } from '../validate-params';

/** `GET /v1/users/{userId}/memberships`: no queries, no pagination (users-api.md §2.16). */
export const membershipRoutes = new Hono<AppEnv>();

membershipRoutes.get('/:userId/memberships', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid) });
  const list = await listMemberships(serviceContext(c), p.userId);
  return json({ total: list.length, memberships: list.map((m) => renderMembership(m, c.var.format)) });
});
