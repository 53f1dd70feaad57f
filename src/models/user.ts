import type { UserWithTargets } from '../store/users';
import { renderDate } from './datetime';
import { FORMAT_1_5, formatBefore, type ResponseFormat } from './response-format';
import type { JsonObject } from './json';
import { renderTarget } from './target';

export type { UserWithTargets };

/** The User model (models.md §2), field order as Appwrite emits it. */
export function renderUser(user: UserWithTargets, format: ResponseFormat): JsonObject {
  const model = {
    $id: user.id,
    $createdAt: renderDate(user.createdAt),
    $updatedAt: renderDate(user.updatedAt),
    name: user.name,
    password: user.password,
    hash: user.hash,
    hashOptions: user.hashOptions,
    registration: renderDate(user.registration),
    status: user.status,
    labels: user.labels,
    passwordUpdate: renderDate(user.passwordUpdate),
    email: user.email ?? '',
    phone: user.phone ?? '',
    emailVerification: user.emailVerification,
    phoneVerification: user.phoneVerification,
    mfa: user.mfa,
    prefs: renderPrefs(user.prefs),
    targets: user.targets.map(renderTarget),
    accessedAt: renderDate(user.accessedAt),
  };
  // Formats before 1.5.0 have neither targets nor mfa (compat.md).
  if (formatBefore(format, FORMAT_1_5)) {
    const { targets: _targets, mfa: _mfa, ...older } = model;
    return older as JsonObject;
  }
  return model as JsonObject;
}

/** Prefs are always a JSON object: PHP's empty list `[]` becomes `{}`. */
export const renderPrefs = (prefs: unknown): Record<string, unknown> =>
  prefs && typeof prefs === 'object' && !Array.isArray(prefs) ? (prefs as Record<string, unknown>) : {};
