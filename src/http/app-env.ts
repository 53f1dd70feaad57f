import type { Config } from '../config';
import type { Caller } from '../services/caller';
import type { ResponseFormat } from '../models/response-format';
import type { Database } from '../store/database';
import type { RawParams } from '../validation/params';

export type { Caller };

/** Read with `c.get(name)`: Hono's `c.var` copies every variable into a new object on each access. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    config: Config;
    /** The project the request names; `''` means Appwrite's console project. */
    projectId: string;
    db: Database;
    params: RawParams;
    format: ResponseFormat;
    caller: Caller;
  };
};
