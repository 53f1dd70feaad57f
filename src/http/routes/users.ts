import { Hono } from 'hono';
import { renderUser } from '../../models/user';
import { listUsers } from '../../services/user-list';
import { createUser, deleteUser, getUser } from '../../services/users';
import { queriesParam } from '../../queries';
import { customId, email, phone, plainPassword, text, uid } from '../../validation/rules';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { input, json, noContent, serviceContext } from '../respond';
import { optional, required, validateParams } from '../validate-params';

export const usersRoutes = new Hono<AppEnv>();

usersRoutes.get('/', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), { queries: optional(queriesParam, [] as string[]), search: optional(text(1, 256)) });
  const page = await listUsers(serviceContext(c), { queries: p.queries ?? [], search: p.search ?? null, format: c.var.format });
  return json({ total: page.total, users: page.users.map((u) => renderUser(u, c.var.format)) });
});

usersRoutes.post('/', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), {
    userId: required(customId),
    email: optional(email),
    phone: optional(phone),
    password: optional(plainPassword),
    name: optional(text(1, 128)),
  });
  const user = await createUser(serviceContext(c), {
    userId: p.userId,
    email: p.email ?? null,
    phone: p.phone ?? null,
    name: p.name ?? null,
    password: p.password ?? null,
  });
  return json(renderUser(user, c.var.format), 201);
});

usersRoutes.get('/:userId', requireScope('users.read'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid) });
  const user = await getUser(serviceContext(c), p.userId);
  return json(renderUser(user, c.var.format));
});

usersRoutes.delete('/:userId', requireScope('users.write'), async (c) => {
  const p = validateParams(input(c), { userId: required(uid) });
  await deleteUser(serviceContext(c), p.userId);
  return noContent();
});
