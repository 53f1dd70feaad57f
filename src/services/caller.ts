import type { Authentication } from './authentication';

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
