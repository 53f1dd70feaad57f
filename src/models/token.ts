import type { TokenRow } from '../store/schema';
import { renderDate } from './datetime';
import type { JsonObject } from './json';

/** The Token model (sessions-tokens.md §8); `secret` is the raw token, shown once. */
export function renderToken(token: TokenRow, secret: string): JsonObject {
  return {
    $id: token.id,
    $createdAt: renderDate(token.createdAt),
    userId: token.userId,
    secret,
    expire: renderDate(token.expire),
    phrase: '',
  };
}
