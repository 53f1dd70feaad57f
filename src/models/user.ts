import type { UserWithTargets } from '../store/users';
import { renderDate } from './datetime';
import { emailMetadata } from './email-metadata';
import type { JsonObject } from './json';
import { renderTarget } from './target';

export type { UserWithTargets };

/**
 * The User model of the newest format (models.md §2; 1.9.5's fields), field order as Appwrite
 * emits it. Older formats strip fields afterwards (`formats/downgrades.ts`).
 */
export function renderUser(user: UserWithTargets): JsonObject {
  return {
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
    ...emailMetadata(user.email),
    phoneVerification: user.phoneVerification,
    mfa: user.mfa,
    prefs: renderPrefs(user.prefs),
    targets: user.targets.map(renderTarget),
    accessedAt: renderDate(user.accessedAt),
    impersonator: user.impersonator,
    // Set only while the request impersonates this user (the caller resolves it).
    impersonatorUserId: user.impersonatorUserId ?? '',
  } as JsonObject;
}

/** Prefs are always a JSON object: PHP's empty list `[]` becomes `{}`. */
export const renderPrefs = (prefs: unknown): Record<string, unknown> =>
  prefs && typeof prefs === 'object' && !Array.isArray(prefs) ? (prefs as Record<string, unknown>) : {};
