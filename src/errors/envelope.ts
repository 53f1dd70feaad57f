import { AppwriteError } from './appwrite-error';

/** The Appwrite version we answer as: error envelopes and the SDK-version warning name it. */
export const APPWRITE_VERSION = '1.9.5';

/** Statuses Appwrite lets through; anything else becomes 500 "Server Error" (errors.md §1.1). */
const PASSTHROUGH = new Set([400, 401, 402, 403, 404, 408, 409, 412, 416, 429, 451, 501, 503]);

/** Appwrite's error envelope: what HTTP clients get as the body, and RPC callers on the error. */
export interface ErrorEnvelope {
  message: string;
  code: number;
  type: string;
  version: string;
}

/** The envelope of any thrown value; anything that is not an `AppwriteError` is `general_unknown`. */
export function toEnvelope(error: unknown): ErrorEnvelope {
  const known = error instanceof AppwriteError ? error : new AppwriteError('general_unknown');
  const ok = PASSTHROUGH.has(known.status);
  return { message: ok ? known.message : 'Server Error', code: ok ? known.status : 500, type: known.type, version: APPWRITE_VERSION };
}
