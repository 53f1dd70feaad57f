import type { TokenRow } from '../store/schema';
import { renderDate } from './datetime';
import type { JsonObject } from './json';
import { FORMAT_1_5, formatBefore, type ResponseFormat } from './response-format';

/** The Token model (sessions-tokens.md §8); `secret` is the raw token, shown once. */
export function renderToken(token: TokenRow, secret: string, format: ResponseFormat): JsonObject {
  const model: JsonObject = {
    $id: token.id,
    $createdAt: renderDate(token.createdAt),
    userId: token.userId,
    secret,
    expire: renderDate(token.expire),
    phrase: '',
  };
  if (formatBefore(format, FORMAT_1_5)) delete model.phrase;
  return model;
}
