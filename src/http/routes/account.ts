import { Hono } from 'hono';
import { AppwriteError } from '../../errors/appwrite-error';
import { renderAccount } from '../../models/account';
import type { Authentication } from '../../services/authentication';
import { createJwt } from '../../services/sessions';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { json, serviceContext } from '../respond';

/** `/v1/account` and its JWTs (account-minimal.md §5–6). */
export const accountRoutes = new Hono<AppEnv>();

/** The signed-in user; `requireScope('account')` guarantees one. */
export const signedIn = (caller: { auth?: Authentication }): Authentication => {
  if (!caller.auth) throw new AppwriteError('user_not_found');
  return caller.auth;
};

/** The session the request is authenticated with; JWT requests have none. */
export const currentSession = (caller: { auth?: Authentication }) => {
  const { session } = signedIn(caller);
  if (!session) throw new AppwriteError('user_session_not_found');
  return session;
};

accountRoutes.get('/', requireScope('account'), (c) => json(renderAccount(signedIn(c.var.caller).user)));

const createAccountJwt = requireScope('account');
for (const path of ['/jwts', '/jwt']) {
  accountRoutes.post(path, createAccountJwt, async (c) => {
    const session = currentSession(c.var.caller);
    // A fixed 15 minutes, bound to the current session.
    const jwt = await createJwt(serviceContext(c), session.userId, { sessionId: session.id, duration: 900 });
    return json({ jwt }, 201);
  });
}
