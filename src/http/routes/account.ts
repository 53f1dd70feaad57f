import { Hono } from 'hono';
import { AppwriteError } from '../../errors/appwrite-error';
import { renderAccount } from '../../models/account';
import type { Authentication } from '../../services/authentication';
import { createAccountJwt } from '../../services/sessions';
import type { AppEnv } from '../app-env';
import { requireScope } from '../middleware/caller';
import { limitedResponse } from '../rate-limit';
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

for (const path of ['/jwts', '/jwt']) {
  accountRoutes.post(path, requireScope('account'), (c) =>
    limitedResponse(
      async () => {
        const session = currentSession(c.var.caller);
        return createAccountJwt(serviceContext(c), session.userId, session.id);
      },
      (jwt) => json({ jwt }, 201),
    ),
  );
}
