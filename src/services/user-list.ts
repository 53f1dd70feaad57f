import { asc } from 'drizzle-orm';
import { AppwriteError } from '../errors/appwrite-error';
import { users } from '../store/schema';
import { listUsersPage } from '../store/users';
import type { ServiceContext } from './context';

export interface ListUsersInput {
  queries: string[];
  search: string | null;
}

/** `GET /v1/users`: a page of users (default 25, creation order) and the capped total. */
export async function listUsers(ctx: ServiceContext, input: ListUsersInput) {
  let limit = 25;
  let offset = 0;
  for (const query of input.queries) {
    let parsed: { method?: string; values?: unknown[] };
    try {
      parsed = JSON.parse(query);
    } catch {
      throw new AppwriteError('general_argument_invalid', 'Invalid `queries` param: Invalid query: Syntax error');
    }
    if (parsed.method === 'limit') limit = Number(parsed.values?.[0]);
    else if (parsed.method === 'offset') offset = Number(parsed.values?.[0]);
    else throw new AppwriteError('general_argument_invalid', `Invalid \`queries\` param: Invalid query method: ${parsed.method}`);
  }
  return listUsersPage(ctx.db, { orderBy: [asc(users.seq)], limit, offset });
}
