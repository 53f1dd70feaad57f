import type { Context } from 'hono';
import type { ServiceContext } from '../services/context';
import type { AppEnv } from './app-env';
import { requestMeta } from './request-meta';
import type { RawParams } from '../validation/params';

/** JSON with Appwrite's content type (`application/json; charset=UTF-8`). */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=UTF-8' } });

/** Request params with path params taking precedence (users-api.md §1.2). */
export const input = (c: Context<AppEnv>): RawParams => ({ ...c.get('params'), ...c.req.param() });

export const serviceContext = (c: Context<AppEnv>): ServiceContext => {
  let request: ServiceContext['request'] | undefined;
  return {
    db: c.get('db'),
    config: c.get('config'),
    // Read when first used: `request.cf` costs workerd a parse, and most reads never audit.
    get request() {
      return (request ??= requestMeta(c));
    },
    env: c.env,
  };
};
