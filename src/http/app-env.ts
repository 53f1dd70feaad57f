import type { Config } from '../config';
import type { Authentication } from '../services/authentication';
import type { ResponseFormat } from '../models/response-format';
import type { Database } from '../store/database';
import type { RawParams } from './request-params';

/** Who is calling: Appwrite's role, the actor shown in scope errors, and the granted scopes. */
export interface Caller {
  role: 'guests' | 'users' | 'applications';
  actorEmail: string;
  scopes: ReadonlySet<string>;
  /** Set for callers authenticated as a user (session or JWT). */
  userId?: string;
  /** The user, and the session for session callers, when authenticated as a user. */
  auth?: Authentication;
}

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
