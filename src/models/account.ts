import type { JsonObject } from './json';
import { renderUser, type UserWithTargets } from './user';

/**
 * The Account model: the User model without `password`, `hash` and `hashOptions`
 * (account-minimal.md §5).
 */
export function renderAccount(user: UserWithTargets): JsonObject {
  const { password: _password, hash: _hash, hashOptions: _hashOptions, ...account } = renderUser(user);
  return account;
}
