import type { Hono } from 'hono';
import { APPWRITE_VERSION } from '../errors/envelope';
import type { AppEnv } from './app-env';
import { json } from './respond';

/**
 * `GET /v1/health/version`: public in Appwrite (scope `public`, any project, no key), and the
 * first call of `appwrite client --endpoint …`, which refuses an endpoint that does not answer it.
 * The CLI sends `X-Appwrite-Project: console`, so this is mounted before the project check.
 */
export function mountHealth(app: Hono<AppEnv>) {
  app.get('/v1/health/version', () => json({ version: APPWRITE_VERSION }));
}
