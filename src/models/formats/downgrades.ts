import type { ModelName } from '../schemas';
import { formatBefore, type ResponseFormat } from '../response-format';

/**
 * Appwrite's response filters for formats ≥ 1.0 (compat.md §2), keyed by model: a model is
 * always rendered in the newest shape, and a client whose `X-Appwrite-Response-Format` is below a
 * threshold gets the fields added at that threshold removed. Fields no filter removes (e-mail
 * metadata, `Membership.userAccessedAt`, `Target.expired`, `Log.userType`) stay for every format.
 */
interface Strip {
  /** Formats below this version lose `fields`. */
  before: string;
  fields: readonly string[];
  /** The Appwrite filter that does it. */
  filter: string;
}

const USER_1_5: Strip = { before: '1.5.0', fields: ['targets', 'mfa'], filter: 'V17' };
const IMPERSONATION: Strip = { before: '1.9.0', fields: ['impersonator', 'impersonatorUserId'], filter: 'V21' };

export const MODEL_STRIPS: Partial<Record<ModelName, readonly Strip[]>> = {
  user: [USER_1_5, IMPERSONATION],
  // V17 leaves the Account model alone (it keeps targets and mfa); V21 does not.
  account: [IMPERSONATION],
  session: [{ before: '1.5.0', fields: ['factors', 'secret'], filter: 'V17' }],
  token: [{ before: '1.5.0', fields: ['phrase'], filter: 'V17' }],
  membership: [
    { before: '1.5.0', fields: ['mfa'], filter: 'V17' },
    { before: '1.9.2', fields: ['userPhone'], filter: 'V23' },
  ],
};

/** List models: which key holds the items and which model they are. */
const LIST_ITEMS: Partial<Record<ModelName, [string, ModelName]>> = {
  userList: ['users', 'user'],
  sessionList: ['sessions', 'session'],
  membershipList: ['memberships', 'membership'],
};

/** Fields per model and format text (capped: the format header is the client's). */
const removedByFormat = new Map<string, readonly string[]>();

function removedFields(model: ModelName, format: ResponseFormat): readonly string[] {
  const key = `${model} ${format.text}`;
  let removed = removedByFormat.get(key);
  if (!removed) {
    if (removedByFormat.size >= 1024) removedByFormat.clear();
    removed = (MODEL_STRIPS[model] ?? []).filter((s) => formatBefore(format, s.before)).flatMap((s) => s.fields);
    removedByFormat.set(key, removed);
  }
  return removed;
}

/** The model as the client's format has it; the input is not modified. Key order is kept. */
export function downgrade(model: ModelName | null, body: unknown, format: ResponseFormat): unknown {
  if (model === null || body === null || typeof body !== 'object') return body;
  const list = LIST_ITEMS[model];
  if (list) {
    const [key, item] = list;
    const object = body as Record<string, unknown>;
    return { ...object, [key]: (object[key] as unknown[]).map((entry) => downgrade(item, entry, format)) };
  }
  const removed = removedFields(model, format);
  if (removed.length === 0) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !removed.includes(key)));
}
