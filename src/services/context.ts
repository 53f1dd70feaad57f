import type { Config } from '../config';
import type { RequestMeta } from '../audit/request-meta';
import type { Database } from '../store/database';

export type { RequestMeta };

/** What every service function receives: storage, settings and the request's metadata. */
export interface ServiceContext {
  db: Database;
  config: Config;
  request: RequestMeta;
  env: Env;
}
