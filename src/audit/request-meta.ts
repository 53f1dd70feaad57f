/** Where a request came from; recorded in audit logs and on sessions. */
export interface RequestMeta {
  ip: string;
  userAgent: string;
  /** Lower-case ISO-3166 alpha-2 from the edge, or `--`. */
  countryCode: string;
  /** The actor recorded in audit entries: the user for session calls, the app for key calls. */
  actor: { id: string; email: string; name: string; type: ActorType };
}

/** Appwrite 1.9's `Log.userType` values that this server produces. */
export type ActorType = 'user' | 'guest' | 'keyProject';
