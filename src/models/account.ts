import type { JsonObject } from './json';
import { CURRENT_FORMAT } from './response-format';
import { renderUser, type UserWithTargets } from './user';

/**
 * The Account model: the User model without `password`, `hash` and `hashOptions`
 * (account-minimal.md §5). Older response formats keep `targets` and `mfa` here, unlike User.
 */
export function renderAccount(user: UserWithTargets): JsonObject {
  const { password: _password, hash: _hash, hashOptions: _hashOptions, ...account } = renderUser(user, CURRENT_FORMAT);
  return account;
}
