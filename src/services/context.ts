import type { Config } from '../config';
import type { Database } from '../store/database';

/** Where a request came from; recorded in audit logs and on sessions. */
export interface RequestMeta {
  ip: string;
  userAgent: string;
  /** Lower-case ISO-3166 alpha-2 from the edge, or `--`. */
  countryCode: string;
  /** The actor recorded in audit entries: the user for session calls, the app for key calls. */
  actor: { id: string; email: string; name: string };
}

/** What every service function receives: storage, settings and the request's metadata. */
export interface ServiceContext {
  db: Database;
  config: Config;
  request: RequestMeta;
  env: Env;
}
