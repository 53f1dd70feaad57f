import { createMiddleware } from 'hono/factory';
import { AppwriteError } from '../../errors/appwrite-error';
import { authenticateKey } from '../../services/api-keys';
import type { AppEnv, Caller } from '../app-env';

const GUEST: Caller = { role: 'guests', actorEmail: 'User', scopes: new Set() };

/** Resolves the caller from `X-Appwrite-Key` (users-api.md §1.3, errors.md §4). */
export const caller = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('x-appwrite-key') ?? '';
  let who = GUEST;
  if (key) {
    const { config, projectId } = c.var;
    // No project means Appwrite's console project, which knows none of our keys.
    if (projectId === '') throw new AppwriteError('user_unauthorized');
    const auth = await authenticateKey(c.var.db, config.apiKey, key);
    if (auth.kind === 'key') {
      const host = (c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host).replace(/:\d+$/, '');
      who = { role: 'applications', actorEmail: `app.${config.projectId}@service.${host}`, scopes: auth.scopes };
    }
  }
  c.set('caller', who);
  await next();
});

/** Route guard: 401 `general_unauthorized_scope` with Appwrite's message when the scope is missing. */
export const requireScope = (scope: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { role, actorEmail, scopes } = c.var.caller;
    if (!scopes.has(scope)) {
      throw new AppwriteError('general_unauthorized_scope', `${actorEmail} (role: ${role}) missing scope (${scope})`);
    }
    await next();
  });
