import { Hono } from 'hono';
import { consoleRoutes } from './console';
import { AppwriteError } from './errors/appwrite-error';
import type { AppEnv } from './http/app-env';
import { caller } from './http/middleware/caller';
import { handleError } from './http/middleware/error-handler';
import { project } from './http/middleware/project';
import { mountHealth } from './http/health-routes';
import { mountOperations } from './http/operation-routes';
import { mountReference } from './http/reference-routes';
import { operations } from './operations';

/** The HTTP door: Appwrite's `/v1` API, one route per operation of the table. */
export const app = new Hono<AppEnv>({ strict: false });

app.onError(handleError);
// The reference, the version and the console page need no project or key, so they are mounted before those
// checks (the console then calls /v1 with the key its user pastes).
mountReference(app, operations);
mountHealth(app);
app.route('/console', consoleRoutes);
// Unknown routes run the project and key checks too, then answer 404 (errors.md §5).
app.use('*', project, caller);
mountOperations(app, operations);
app.notFound(() => {
  throw new AppwriteError('general_route_not_found');
});

/** Appwrite drops empty path segments before routing (`//v1//users/` ≡ `/v1/users`). */
export function normalizePath(request: Request): Request {
  // Past the scheme's `//`, a path without `//` needs no parsing at all (almost every request).
  if (request.url.indexOf('//', request.url.indexOf('//') + 2) < 0) return request;
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/{2,}/g, '/');
  if (path === url.pathname) return request;
  url.pathname = path;
  return new Request(url, request);
}
