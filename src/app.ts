import { Hono } from 'hono';
import { consoleRoutes } from './console';
import { AppwriteError } from './errors/appwrite-error';
import type { AppEnv } from './http/app-env';
import { caller } from './http/middleware/caller';
import { handleError } from './http/middleware/error-handler';
import { project } from './http/middleware/project';
import { identityRoutes } from './http/routes/identities';
import { logRoutes } from './http/routes/logs';
import { membershipRoutes } from './http/routes/memberships';
import { targetRoutes } from './http/routes/targets';
import { userProfileRoutes } from './http/routes/user-profile';
import { userImportsRoutes } from './http/routes/user-imports';
import { usersRoutes } from './http/routes/users';
import { accountRoutes } from './http/routes/account';
import { accountMfaRoutes } from './http/routes/account-mfa';
import { accountSessionsRoutes } from './http/routes/account-sessions';
import { userJwtsRoutes } from './http/routes/user-jwts';
import { userMfaRoutes } from './http/routes/user-mfa';
import { userSessionsRoutes } from './http/routes/user-sessions';
import { userTokensRoutes } from './http/routes/user-tokens';

/** The HTTP door: Appwrite's `/v1` API. */
export const app = new Hono<AppEnv>({ strict: false });

app.onError(handleError);
app.route('/console', consoleRoutes); // public page, before the key checks; it calls /v1 with the key
// Unknown routes run the project and key checks too, then answer 404 (errors.md §5).
app.use('*', project, caller);
app.route('/v1/users', userImportsRoutes);
// Static `/identities` must win over `/{userId}` (users-api.md §1.4), so it is mounted first.
app.route('/v1/users', identityRoutes);
app.route('/v1/users', userProfileRoutes);
app.route('/v1/users', targetRoutes);
app.route('/v1/users', membershipRoutes);
app.route('/v1/users', logRoutes);
app.route('/v1/users', usersRoutes);
app.route('/v1/users/:userId/sessions', userSessionsRoutes);
app.route('/v1/users/:userId/tokens', userTokensRoutes);
app.route('/v1/users/:userId/jwts', userJwtsRoutes);
app.route('/v1/users/:userId/mfa', userMfaRoutes);
app.route('/v1/account/sessions', accountSessionsRoutes);
app.route('/v1/account/mfa', accountMfaRoutes);
app.route('/v1/account', accountRoutes);
app.notFound(() => {
  throw new AppwriteError('general_route_not_found');
});

/** Appwrite drops empty path segments before routing (`//v1//users/` ≡ `/v1/users`). */
export function normalizePath(request: Request): Request {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/{2,}/g, '/');
  if (path === url.pathname) return request;
  url.pathname = path;
  return new Request(url, request);
}
